"""One worker thread that owns the model, and a bounded queue of jobs in front of it.

The gpt4all model object is not thread-safe, so every generation runs on the engine's worker
thread, one job after the other. Request handlers (on the asyncio loop) ``submit`` a job and read
its events: the worker hands them over with ``loop.call_soon_threadsafe``. A handler whose client
went away calls ``job.cancel()``; the worker notices at the next prompt or generated token and
moves on to the next job, so a vanished client never holds the model.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field

from .backend import Backend, SamplingParams
from .errors import APIError, GenerationFailed, ModelUnavailable, ServerBusy
from .stop import StopMatcher

log = logging.getLogger("llm_server.engine")


@dataclass(frozen=True)
class Generation:
    prompt: str
    params: SamplingParams


# Events a job produces, in order: per choice PromptAccepted, TextDelta*, ChoiceFinished; then JobDone.
# JobFailed may replace anything after it and ends the job.
@dataclass(frozen=True)
class PromptAccepted:
    index: int


@dataclass(frozen=True)
class TextDelta:
    index: int
    text: str


@dataclass(frozen=True)
class ChoiceFinished:
    index: int
    finish_reason: str  # "stop" or "length"
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True)
class JobDone:
    pass


@dataclass(frozen=True)
class JobFailed:
    error: APIError


Event = PromptAccepted | TextDelta | ChoiceFinished | JobDone | JobFailed


@dataclass(eq=False)
class Job:
    generations: Sequence[Generation]
    request_id: str
    loop: asyncio.AbstractEventLoop
    events_queue: asyncio.Queue[Event] = field(default_factory=asyncio.Queue)
    cancelled: bool = False
    finished: bool = False
    submitted_at: float = field(default_factory=time.perf_counter)

    def cancel(self) -> None:
        """Tell the worker to stop (or skip) this job. Safe to call at any time, any number of times."""
        if not self.finished:
            self.cancelled = True

    async def events(self) -> AsyncIterator[Event]:
        """The job's events until JobDone or JobFailed. Cancels the job if the reader stops early."""
        try:
            while True:
                event = await self.events_queue.get()
                if isinstance(event, (JobDone, JobFailed)):
                    self.finished = True
                yield event
                if self.finished:
                    return
        finally:
            self.cancel()

    def _emit(self, event: Event) -> None:
        try:
            self.loop.call_soon_threadsafe(self.events_queue.put_nowait, event)
        except RuntimeError:  # the loop is closed: nobody is listening any more
            self.cancelled = True


@dataclass
class JobCounts:
    """How an engine's jobs ended, for /health (both engines, engine.py and llamacpp.py, count the same way)."""

    completed_total: int = 0
    cancelled_total: int = 0
    failed_total: int = 0

    def describe(self) -> dict[str, int]:
        return {"completed_total": self.completed_total, "cancelled_total": self.cancelled_total,
                "failed_total": self.failed_total}


def finish_job(counts: JobCounts, job: Job, *, started: float, first_token_at: float | None, prompt_tokens: int,
               completion_tokens: int, **fields: object) -> None:
    """The end of a job that was not failed: counted as completed or cancelled, JobDone emitted, one structured
    `generation` log line (timings from `started`, a perf_counter value; `fields` are added to it)."""
    ended = time.perf_counter()
    if job.cancelled:
        counts.cancelled_total += 1
    else:
        counts.completed_total += 1
    job._emit(JobDone())
    decode_seconds = ended - first_token_at if first_token_at else 0.0
    log.info(
        "generation",
        extra={
            "request_id": job.request_id,
            **fields,
            "cancelled": job.cancelled,
            "queued_ms": round((started - job.submitted_at) * 1000, 1),
            "ttft_ms": round((first_token_at - started) * 1000, 1) if first_token_at else None,
            "total_ms": round((ended - started) * 1000, 1),
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "decode_tokens_per_s": round((completion_tokens - 1) / decode_seconds, 2)
            if decode_seconds > 0 and completion_tokens > 1
            else None,
        },
    )


class Engine:
    def __init__(self, backend: Backend, *, max_queue: int) -> None:
        self._backend = backend
        self._max_queue = max_queue
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._waiting = 0
        self._active: Job | None = None
        self.state = "stopped"  # stopped -> loading -> ready | failed
        self.load_error: str | None = None
        self.load_seconds: float | None = None
        self.loaded = threading.Event()  # set when loading ended, successfully or not
        self.counts = JobCounts()

    # -- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self.state = "loading"
        self._thread = threading.Thread(target=self._run, name="llm-engine", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Cancel everything queued or running, and end the worker thread."""
        with self._lock:
            if self._active is not None:
                self._active.cancel()
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job.cancel()
                job._emit(JobFailed(ModelUnavailable("the server is shutting down")))
        self._jobs.put(None)
        if self._thread is not None:
            self._thread.join(timeout)
        self.state = "stopped" if self.state != "failed" else "failed"

    # -- submitting --------------------------------------------------------------------------------

    def submit(self, generations: Sequence[Generation], request_id: str | None = None) -> Job:
        """Queue a job (must be called on the event loop that will read its events)."""
        if self.state == "failed":
            raise ModelUnavailable(f"the model failed to load: {self.load_error}")
        if self.state == "stopped":
            raise ModelUnavailable("the model server is not running")
        with self._lock:
            if self._waiting >= self._max_queue:
                raise ServerBusy(self._max_queue)
            self._waiting += 1
        job = Job(list(generations), request_id or uuid.uuid4().hex, asyncio.get_running_loop())
        self._jobs.put(job)
        return job

    def stats(self) -> dict[str, object]:
        with self._lock:
            waiting, busy = self._waiting, self._active is not None
        return {
            "state": self.state,
            "queue_depth": waiting + (1 if busy else 0),
            "waiting": waiting,
            "busy": busy,
            "max_queue": self._max_queue,
            "load_seconds": self.load_seconds,
            **self.counts.describe(),
            **({"error": self.load_error} if self.load_error else {}),
            **self._backend.describe(),
        }

    # -- worker thread -----------------------------------------------------------------------------

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            self._backend.load()
        except BaseException as exc:  # noqa: BLE001 - any load failure makes the model unavailable
            self.load_error = f"{type(exc).__name__}: {exc}"
            self.state = "failed"
            log.error("model_load_failed", extra={"error": self.load_error})
            self.loaded.set()
            self._drain_after_failure()
            return
        self.load_seconds = round(time.perf_counter() - started, 3)
        self.state = "ready"
        log.info("model_loaded", extra={"load_seconds": self.load_seconds, **self._backend.describe()})
        self.loaded.set()
        while True:
            job = self._jobs.get()
            if job is None:
                return
            with self._lock:
                self._waiting -= 1
                self._active = job
            try:
                self._run_job(job)
            finally:
                with self._lock:
                    self._active = None

    def _drain_after_failure(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            with self._lock:
                self._waiting -= 1
            job._emit(JobFailed(ModelUnavailable(f"the model failed to load: {self.load_error}")))

    def _run_job(self, job: Job) -> None:
        if job.cancelled:
            self.counts.cancelled_total += 1
            job._emit(JobDone())
            return
        started = time.perf_counter()
        first_token_at: float | None = None
        completion_tokens = 0
        prompt_tokens = 0
        try:
            for index, generation in enumerate(job.generations):
                if job.cancelled:
                    break
                matcher = StopMatcher(generation.params.stop)
                accepted = False

                def on_prompt_token() -> bool:
                    nonlocal accepted
                    if not accepted:
                        accepted = True
                        job._emit(PromptAccepted(index))  # noqa: B023 - called within this iteration
                    return not job.cancelled

                def on_text(text: str) -> bool:
                    nonlocal first_token_at
                    if job.cancelled:
                        return False
                    if first_token_at is None:
                        first_token_at = time.perf_counter()
                    out, hit = matcher.feed(text)  # noqa: B023
                    if out:
                        job._emit(TextDelta(index, out))  # noqa: B023
                    return not hit

                result = self._backend.generate(
                    generation.prompt, generation.params, on_prompt_token, on_text
                )
                if not accepted:
                    job._emit(PromptAccepted(index))
                tail = matcher.flush()
                if tail and not job.cancelled:
                    job._emit(TextDelta(index, tail))
                finish = "length" if result.hit_token_limit and not matcher.stopped else "stop"
                job._emit(ChoiceFinished(index, finish, result.prompt_tokens, result.completion_tokens))
                completion_tokens += result.completion_tokens
                prompt_tokens += result.prompt_tokens
        except APIError as exc:
            self.counts.failed_total += 1
            job._emit(JobFailed(exc))
            return
        except Exception as exc:  # noqa: BLE001 - reported to the client as a server error, and logged
            self.counts.failed_total += 1
            log.exception("generation_failed", extra={"request_id": job.request_id})
            job._emit(JobFailed(GenerationFailed(f"generation failed: {type(exc).__name__}: {exc}")))
            return
        finish_job(self.counts, job, started=started, first_token_at=first_token_at, prompt_tokens=prompt_tokens,
                   completion_tokens=completion_tokens)
