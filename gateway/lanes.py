"""Durable lanes: work items kept in a store, done in order per key ("lane"), retried with backoff.

The one runner behind the outbox delivery (gateway/delivery.py, a lane per conversation) and the WhatsApp
jobs (gateway/whatsapp/jobs.py, a lane per conversation plus one for statuses):

- In order per lane: a lane has at most one task, and it only ever works on the lane's oldest item (its
  "head"); when the head must be retried the task ends and the lane waits, so nothing overtakes it.
- Several lanes at once, bounded by `concurrency`.
- A failure backs off exponentially (base * 2^(n-1), capped) with jitter, or by the delay the work asks for
  (a Retry-After); the next attempt time is written to the store, so a restart resumes the schedule.
- `notify(lane)` after new work: a free slot starts the lane at once, without a query.
- Pruning (`prune(now)`) once an hour; `stop()` lets running items finish, up to a timeout.
- An error of the store or of the work never loses an item: the item stays in the store and the lane is
  looked at again a second later.

What the items mean (when one is done, refused for good, given up) is the work function's business: it
settles the item in the store itself and returns None, or returns `Retry`.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from gateway.logs import log_event

_PRUNE_EVERY = 3600.0
_MAX_SLEEP = 30.0  # the scheduler looks at the store at least this often while retries are pending
_AFTER_ERROR = 1.0


def backoff_delay(failures: int, *, base: float, cap: float, rng: random.Random) -> float:
    """Delay after the `failures`-th failure in a row: in [c/2, c], c = min(cap, base * 2^(failures-1))."""
    ceiling = min(cap, base * (2 ** min(max(failures, 1) - 1, 32)))
    return ceiling / 2 + rng.random() * ceiling / 2


async def wait_until_set(event: asyncio.Event, timeout: float | None) -> None:
    """Wait until `event` is set or `timeout` seconds have passed (None: no limit)."""
    try:
        async with asyncio.timeout(timeout):
            await event.wait()
    except TimeoutError:
        pass


async def finish(tasks: Collection[asyncio.Task[Any]], *, timeout: float) -> int:
    """Let `tasks` finish for up to `timeout` seconds, then cancel the rest; how many had to be cancelled."""
    if not tasks:
        return 0
    _, late = await asyncio.wait(tasks, timeout=timeout)
    for task in late:
        task.cancel()
    if late:
        await asyncio.wait(late)
    return len(late)


class LaneItem(Protocol):
    """What the runner reads of an item: how often it failed and when it may run again."""

    @property
    def attempts(self) -> int: ...

    @property
    def next_attempt_at(self) -> float: ...


ItemT = TypeVar("ItemT", bound=LaneItem)


class LaneStore(Protocol[ItemT]):
    """Durable items grouped by lane, ordered within a lane (gateway/outbox.py, gateway/whatsapp/store.py)."""

    def head(self, lane: str, /) -> ItemT | None:
        """The lane's oldest unsettled item, due or not."""
        ...

    def due_lanes(self, *, now: float, limit: int, exclude: Collection[str]) -> list[str]:
        """Up to `limit` lanes whose head is due at `now`, oldest first, none of `exclude`."""
        ...

    def next_due_at(self, *, exclude: Collection[str]) -> float | None:
        """The earliest next attempt among the heads of lanes not in `exclude`; None when nothing waits."""
        ...

    def retry(self, item: ItemT, /, *, next_attempt_at: float, error: str) -> None:
        """Count a failed attempt of `item` and keep it until `next_attempt_at`."""
        ...


@dataclass(frozen=True)
class Retry:
    """The work's answer for an item that must be tried again (None: the item is settled)."""

    error: str
    delay: float | None = None  # None: exponential backoff; else this many seconds (e.g. Retry-After)
    log: dict[str, Any] = field(default_factory=dict)  # extra fields of the retry's log line


Work = Callable[[ItemT], Awaitable[Retry | None]]
Clock = Callable[[], float]


class LaneRunner(Generic[ItemT]):
    """Runs `work` over the store's lanes: `start(work)`, `notify(lane)` on new work, `stop(timeout=...)`."""

    def __init__(
        self,
        store: LaneStore[ItemT],
        *,
        name: str,
        concurrency: int,
        backoff_base: float,
        backoff_max: float,
        retry_event: str,
        logger: logging.Logger,
        prune: Callable[[float], int] | None = None,
        prune_event: str = "lanes_pruned",
        clock: Clock = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self._store = store
        self._name = name
        self._concurrency = max(1, concurrency)
        self._backoff_base = backoff_base
        self._backoff_max = backoff_max
        self._retry_event = retry_event
        self._logger = logger
        self._prune = prune
        self._prune_event = prune_event
        self._clock = clock
        self._rng = rng or random.Random()
        self._work: Work[ItemT] | None = None
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._lanes: dict[str, asyncio.Task[None]] = {}
        self._task: asyncio.Task[None] | None = None
        self._in_flight = 0
        self._last_prune = 0.0
        self._dirty = False
        self._next_due: float | None = None

    @property
    def in_flight(self) -> int:
        """Items being worked on now."""
        return self._in_flight

    @property
    def active_lanes(self) -> int:
        return len(self._lanes)

    def start(self, work: Work[ItemT]) -> None:
        if self._task is None:
            self._work = work
            self._dirty = True  # whatever a previous run left in the store
            self._task = asyncio.create_task(self._run(), name=f"{self._name}-lanes")

    def notify(self, lane: str | None = None) -> None:
        """New work (in `lane`): run it now, not at the next tick.

        Fast path, no query: a lane that already has a task needs nothing (the task reads its next item
        itself); otherwise a free slot starts the lane at once. Only when every slot is busy (or the lane is
        not named) does the scheduler look at the store.
        """
        if self._stop.is_set() or self._task is None:
            return
        if lane is not None:
            if lane in self._lanes:
                return
            if len(self._lanes) < self._concurrency:
                self._start_lane(lane)
                return
        self._dirty = True
        self._wake.set()

    async def stop(self, *, timeout: float) -> None:
        """Take no new item; running ones get `timeout` seconds, then are cancelled (still in the store)."""
        self._stop.set()
        self._wake.set()
        if self._task is not None:
            await self._task
        late = await finish(list(self._lanes.values()), timeout=timeout)
        if late:
            log_event(self._logger, f"{self._name}_cancelled_at_shutdown", level=logging.WARNING, lanes=late)

    async def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            if self._dirty or (self._next_due is not None and self._clock() >= self._next_due):
                self._dirty = False
                try:
                    self._schedule()
                except Exception:  # a transient SQLite error: look again in a second
                    self._logger.exception(f"{self._name}_schedule_failed")
                    self._next_due = self._clock() + _AFTER_ERROR
            timeout = None
            if self._next_due is not None:
                timeout = min(max(0.0, self._next_due - self._clock()), _MAX_SLEEP)
            await wait_until_set(self._wake, timeout)

    def _schedule(self) -> None:
        """Start lanes whose head is due, prune now and then, and remember when the next retry is due."""
        now = self._clock()
        free = self._concurrency - len(self._lanes)
        if free > 0:
            for lane in self._store.due_lanes(now=now, limit=free, exclude=self._lanes.keys()):
                self._start_lane(lane)
        if self._prune is not None and now - self._last_prune > _PRUNE_EVERY:
            self._last_prune = now
            pruned = self._prune(now)
            if pruned:
                log_event(self._logger, self._prune_event, rows=pruned)
        if len(self._lanes) >= self._concurrency:
            self._next_due = None  # a lane that ends wakes the scheduler
        else:
            self._next_due = self._store.next_due_at(exclude=self._lanes.keys())

    def _start_lane(self, lane: str) -> None:
        self._lanes[lane] = asyncio.create_task(self._lane(lane), name=f"{self._name}:{lane}")

    async def _lane(self, lane: str) -> None:
        try:
            await self._drain(lane)
        except Exception:  # the store (or a bug) failed: the item is still there; look again in a second
            self._logger.exception(f"{self._name}_lane_failed", extra={"conversation_id": lane})
            await wait_until_set(self._stop, _AFTER_ERROR)
        finally:
            self._lanes.pop(lane, None)
            self._dirty = True  # a slot is free, or a retry time was set: let the scheduler look
            self._wake.set()

    async def _drain(self, lane: str) -> None:
        """Work the lane's items in order until it is empty, or its head must wait."""
        assert self._work is not None
        while not self._stop.is_set():
            item = self._store.head(lane)
            if item is None or item.next_attempt_at > self._clock():
                return
            self._in_flight += 1
            try:
                retry = await self._work(item)
            except Exception as exc:  # a bug in the work must not kill the lane silently
                self._logger.exception(f"{self._name}_work_failed", extra={"conversation_id": lane})
                retry = Retry(f"unexpected {type(exc).__name__}: {exc}")
            finally:
                self._in_flight -= 1
            if retry is None:
                continue
            attempt = item.attempts + 1
            delay = retry.delay if retry.delay is not None else backoff_delay(
                attempt, base=self._backoff_base, cap=self._backoff_max, rng=self._rng
            )
            self._store.retry(item, next_attempt_at=self._clock() + delay, error=retry.error)
            log_event(
                self._logger, self._retry_event, level=logging.WARNING, conversation_id=lane, attempt=attempt,
                error=retry.error, retry_in_s=round(delay, 3), **retry.log,
            )
            return
