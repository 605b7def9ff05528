"""The durable lane runner (gateway/lanes.py) over a real SQLite store (the WhatsApp job table): order per
lane, backoff, wake-up on new work, bounded concurrency, stop, pruning, and errors of the store or of the work
that lose nothing."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from gateway.lanes import LaneRunner, Retry
from gateway.whatsapp.store import Job, WhatsAppStore
from tests.gateway.helpers import wait_for

logger = logging.getLogger("tests.lanes")


class Worker:
    """The work: records each attempt; `plan[job_id]` lists what its attempts answer (then: done)."""

    def __init__(self, store: WhatsAppStore) -> None:
        self.store = store
        self.attempts: list[str] = []
        self.plan: dict[str, list[Retry | Exception]] = {}
        self.gate: asyncio.Event | None = None  # when set: every attempt waits for it
        self.running = 0
        self.peak = 0

    async def __call__(self, job: Job) -> Retry | None:
        self.attempts.append(job.job_id)
        self.running += 1
        self.peak = max(self.peak, self.running)
        try:
            if self.gate is not None:
                await self.gate.wait()
        finally:
            self.running -= 1
        answers = self.plan.get(job.job_id)
        if answers:
            answer = answers.pop(0)
            if isinstance(answer, Exception):
                raise answer
            return answer
        self.store.done(job.job_id)
        return None


def make_runner(store: WhatsAppStore, **overrides: object) -> LaneRunner[Job]:
    options: dict[str, object] = {
        "name": "test", "concurrency": 4, "backoff_base": 0.05, "backoff_max": 0.2,
        "retry_event": "test_retry", "logger": logger, "rng": random.Random(3),
    }
    options.update(overrides)
    return LaneRunner(store, **options)  # type: ignore[arg-type]


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[WhatsAppStore]:
    s = WhatsAppStore.open(tmp_path / "lanes.sqlite3")
    yield s
    s.close()


def add(store: WhatsAppStore, job_id: str, lane: str) -> None:
    assert store.enqueue(job_id, "send", lane, {"n": job_id}, now=time.time())


async def test_a_lane_runs_in_order_and_a_failing_head_blocks_only_its_lane(store: WhatsAppStore) -> None:
    work = Worker(store)
    work.plan["a1"] = [Retry("down"), Retry("down")]
    for job_id, lane in [("a1", "A"), ("b1", "B"), ("a2", "A"), ("b2", "B"), ("a3", "A")]:
        add(store, job_id, lane)
    runner = make_runner(store)
    runner.start(work)
    await wait_for(lambda: store.pending() == 0)
    await runner.stop(timeout=1)
    a = [j for j in work.attempts if j.startswith("a")]
    assert a == ["a1", "a1", "a1", "a2", "a3"]  # a2 never overtook its failing head
    b = [j for j in work.attempts if j.startswith("b")]
    assert b == ["b1", "b2"]
    assert work.attempts.index("b2") < work.attempts.index("a2")  # B went on while A waited


async def test_a_failure_is_recorded_and_backed_off(store: WhatsAppStore) -> None:
    work = Worker(store)
    work.plan["a1"] = [Retry("http 500")]
    add(store, "a1", "A")
    runner = make_runner(store, backoff_base=10.0, backoff_max=60.0)
    runner.start(work)
    await wait_for(lambda: work.attempts == ["a1"] and store.head("A").attempts == 1)
    job = store.head("A")
    assert job.last_error == "http 500"
    assert 5.0 <= job.next_attempt_at - job.created_at <= 10.5  # in [base/2, base] for the first failure
    await asyncio.sleep(0.2)
    assert work.attempts == ["a1"]  # nothing is tried before its time
    await runner.stop(timeout=1)


async def test_a_retry_may_name_its_own_delay(store: WhatsAppStore) -> None:
    work = Worker(store)
    work.plan["a1"] = [Retry("429", delay=0.3)]
    add(store, "a1", "A")
    runner = make_runner(store, backoff_base=60.0, backoff_max=60.0)
    runner.start(work)
    await wait_for(lambda: store.head("A") is not None and store.head("A").attempts == 1)
    job = store.head("A")
    assert 0.2 <= job.next_attempt_at - job.created_at <= 0.5
    await wait_for(lambda: store.pending() == 0, timeout=3)  # tried again at its time, without a notify
    assert work.attempts == ["a1", "a1"]
    await runner.stop(timeout=1)


async def test_new_work_is_taken_at_once_when_notified(store: WhatsAppStore) -> None:
    work = Worker(store)
    runner = make_runner(store)
    runner.start(work)
    await asyncio.sleep(0.05)  # the scheduler found nothing and sleeps (no retry pending: until woken)
    add(store, "a1", "A")
    started = time.monotonic()
    runner.notify("A")
    await wait_for(lambda: store.pending() == 0, timeout=1)
    add(store, "b1", "B")
    runner.notify()  # no lane named: the scheduler looks at the store
    await wait_for(lambda: store.pending() == 0, timeout=1)
    assert time.monotonic() - started < 1.0 and work.attempts == ["a1", "b1"]
    await runner.stop(timeout=1)


async def test_lanes_run_at_once_up_to_the_concurrency_then_catch_up(store: WhatsAppStore) -> None:
    work = Worker(store)
    work.gate = asyncio.Event()
    runner = make_runner(store, concurrency=2)
    runner.start(work)
    for i in range(5):
        add(store, f"j{i}", f"L{i}")
        runner.notify(f"L{i}")
    await wait_for(lambda: work.running == 2)
    await asyncio.sleep(0.05)
    assert runner.active_lanes == 2 and runner.in_flight == 2
    work.gate.set()
    await wait_for(lambda: store.pending() == 0)
    assert work.peak == 2 and sorted(work.attempts) == [f"j{i}" for i in range(5)]
    await runner.stop(timeout=1)


async def test_work_left_by_a_previous_run_is_taken_at_start(store: WhatsAppStore) -> None:
    for job_id, lane in [("a1", "A"), ("a2", "A"), ("b1", "B")]:
        add(store, job_id, lane)
    work = Worker(store)
    runner = make_runner(store)
    runner.start(work)  # no notify: a restarted gateway
    await wait_for(lambda: store.pending() == 0)
    assert [j for j in work.attempts if j.startswith("a")] == ["a1", "a2"]
    await runner.stop(timeout=1)


async def test_stop_lets_running_work_finish_and_starts_nothing_new(store: WhatsAppStore) -> None:
    work = Worker(store)
    work.gate = asyncio.Event()
    add(store, "a1", "A")
    add(store, "a2", "A")
    runner = make_runner(store)
    runner.start(work)
    await wait_for(lambda: work.running == 1)
    stopping = asyncio.create_task(runner.stop(timeout=2))
    await asyncio.sleep(0.05)
    assert not stopping.done()  # waits for the running item
    work.gate.set()
    await stopping
    assert work.attempts == ["a1"] and store.head("A").job_id == "a2"  # a2 waits for the next start
    runner.notify("A")  # after stop: nothing happens
    await asyncio.sleep(0.05)
    assert work.attempts == ["a1"]


async def test_stop_cancels_work_past_the_timeout_and_the_item_stays(
    store: WhatsAppStore, caplog: pytest.LogCaptureFixture
) -> None:
    work = Worker(store)
    work.gate = asyncio.Event()  # never set: the work hangs
    add(store, "a1", "A")
    runner = make_runner(store)
    runner.start(work)
    await wait_for(lambda: work.running == 1)
    with caplog.at_level(logging.WARNING, logger="tests.lanes"):
        await runner.stop(timeout=0.1)
    assert store.head("A").job_id == "a1" and store.pending() == 1
    assert any(r.getMessage() == "test_cancelled_at_shutdown" for r in caplog.records)


class FlakyStore(WhatsAppStore):
    """The real store, whose next `fail[method]` calls of a method raise (a locked or full disk)."""

    fail: dict[str, int]

    def _maybe_fail(self, method: str) -> None:
        if self.fail.get(method, 0) > 0:
            self.fail[method] -= 1
            raise OSError(f"disk I/O error in {method}")

    def head(self, lane: str) -> Job | None:
        self._maybe_fail("head")
        return super().head(lane)

    def due_lanes(self, **kwargs: object) -> list[str]:  # type: ignore[override]
        self._maybe_fail("due_lanes")
        return super().due_lanes(**kwargs)  # type: ignore[arg-type]

    def retry(self, job: Job, **kwargs: object) -> None:  # type: ignore[override]
        self._maybe_fail("retry")
        super().retry(job, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["head", "due_lanes", "retry"])
async def test_a_store_failure_loses_nothing(tmp_path: Path, method: str) -> None:
    store = FlakyStore.open(tmp_path / "flaky.sqlite3")
    assert isinstance(store, FlakyStore)
    store.fail = {}
    try:
        work = Worker(store)
        work.plan["a1"] = [Retry("down"), Retry("down")]  # two failed attempts, then done
        add(store, "a1", "A")
        add(store, "a2", "A")
        store.fail[method] = 2
        runner = make_runner(store)
        runner.start(work)
        await wait_for(lambda: store.pending() == 0, timeout=6)
        await runner.stop(timeout=1)
        assert [j for j in work.attempts if j == "a2"] == ["a2"]
        assert work.attempts.index("a2") > max(i for i, j in enumerate(work.attempts) if j == "a1")
        assert store.fail[method] == 0  # the failures did happen
    finally:
        store.close()


async def test_an_exception_in_the_work_is_retried_not_lost(
    store: WhatsAppStore, caplog: pytest.LogCaptureFixture
) -> None:
    work = Worker(store)
    work.plan["a1"] = [RuntimeError("bug")]
    add(store, "a1", "A")
    runner = make_runner(store)
    with caplog.at_level(logging.WARNING, logger="tests.lanes"):
        runner.start(work)
        await wait_for(lambda: store.pending() == 0)
        await runner.stop(timeout=1)
    assert work.attempts == ["a1", "a1"]
    retry = next(r for r in caplog.records if r.getMessage() == "test_retry")
    assert retry.error == "unexpected RuntimeError: bug" and retry.attempt == 1  # type: ignore[attr-defined]


async def test_pruning_runs_at_start_and_is_logged(
    store: WhatsAppStore, caplog: pytest.LogCaptureFixture
) -> None:
    pruned: list[float] = []

    def prune(now: float) -> int:
        pruned.append(now)
        return 7

    runner = make_runner(store, prune=prune, prune_event="test_pruned")
    with caplog.at_level(logging.INFO, logger="tests.lanes"):
        runner.start(Worker(store))
        await wait_for(lambda: pruned)
        runner.notify()
        await asyncio.sleep(0.05)
        await runner.stop(timeout=1)
    assert len(pruned) == 1  # once an hour, not at every look
    rows = [r.rows for r in caplog.records if r.getMessage() == "test_pruned"]  # type: ignore[attr-defined]
    assert rows == [7]

