"""The gpt4all engine never idles while work is queued: when a generation ends, the next queued one starts at once,
without waiting for another request to arrive; a queued job whose client left is skipped, not run.

The backend is a gate the test opens one generation at a time, so what is checked is the order of events (which
generation runs when), not a timing."""

from __future__ import annotations

import asyncio
import threading

import pytest
from llm_server.backend import BackendResult, SamplingParams
from llm_server.engine import Engine, Generation, JobDone, TextDelta

pytestmark = pytest.mark.timeout(30)


class GatedBackend:
    """Each generate() announces itself, then blocks until the test releases it."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.started_event = threading.Condition()
        self.release = threading.Semaphore(0)
        self.waiting_when_started: list[int] = []
        self.engine: Engine | None = None

    def load(self) -> None:
        pass

    def describe(self) -> dict[str, object]:
        return {}

    def generate(self, prompt: str, params: SamplingParams, on_prompt_token, on_text) -> BackendResult:
        assert self.engine is not None
        with self.started_event:
            self.started.append(prompt)
            self.waiting_when_started.append(self.engine.stats()["waiting"])
            self.started_event.notify_all()
        on_prompt_token()
        assert self.release.acquire(timeout=20)
        on_text(prompt.upper())
        return BackendResult(1, 1, False)

    def wait_started(self, count: int) -> None:
        with self.started_event:
            assert self.started_event.wait_for(lambda: len(self.started) >= count, timeout=10), self.started


async def _collect(job) -> str:
    return "".join([e.text async for e in job.events() if isinstance(e, TextDelta)])


async def test_the_next_queued_generation_starts_as_soon_as_one_ends():
    backend = GatedBackend()
    engine = Engine(backend, max_queue=8)
    backend.engine = engine
    engine.start()
    assert await asyncio.to_thread(engine.loaded.wait, 10)
    params = SamplingParams(max_tokens=4)
    jobs = [engine.submit([Generation(name, params)]) for name in ("a", "b", "c", "d")]
    readers = [asyncio.ensure_future(_collect(job)) for job in jobs]
    await asyncio.to_thread(backend.wait_started, 1)
    assert engine.stats()["busy"] and engine.stats()["waiting"] == 3
    for done in range(1, 4):
        backend.release.release()  # the running generation ends; nobody submits anything new
        await asyncio.to_thread(backend.wait_started, done + 1)  # the next one has started by itself
        stats = engine.stats()
        assert stats["busy"] and stats["waiting"] == 3 - done
    backend.release.release()
    assert await asyncio.gather(*readers) == ["A", "B", "C", "D"]
    assert backend.started == ["a", "b", "c", "d"]  # in order of arrival
    # When each later generation started, the rest were still queued: none waited for a new request. (The first
    # may start while the others are still being submitted.)
    assert backend.waiting_when_started[1:] == [2, 1, 0]
    for _ in range(200):  # the worker marks itself free right after it handed over the last event
        if engine.stats()["queue_depth"] == 0:
            break
        await asyncio.sleep(0.01)
    assert engine.stats()["queue_depth"] == 0 and engine.counts.completed_total == 4
    await asyncio.to_thread(engine.stop)


async def test_a_queued_job_whose_client_left_is_skipped():
    backend = GatedBackend()
    engine = Engine(backend, max_queue=8)
    backend.engine = engine
    engine.start()
    assert await asyncio.to_thread(engine.loaded.wait, 10)
    params = SamplingParams(max_tokens=4)
    first, gone, third = (engine.submit([Generation(name, params)]) for name in ("a", "b", "c"))
    readers = [asyncio.ensure_future(_collect(first)), asyncio.ensure_future(_collect(third))]
    await asyncio.to_thread(backend.wait_started, 1)
    gone.cancel()  # its client disconnected while it waited
    backend.release.release()
    await asyncio.to_thread(backend.wait_started, 2)
    assert backend.started == ["a", "c"]  # "b" never reached the model
    backend.release.release()
    assert await asyncio.gather(*readers) == ["A", "C"]
    events = [e async for e in gone.events()]
    assert isinstance(events[-1], JobDone)
    assert engine.counts.cancelled_total == 1 and engine.counts.completed_total == 2
    await asyncio.to_thread(engine.stop)
