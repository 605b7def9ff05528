"""Delivery worker: drains the outbox into n8n's chat webhook.

- In order per conversation: a conversation has at most one "lane" (task) and a lane only ever sends
  the conversation's oldest pending message; on failure the lane stops and the head is retried later.
- Several conversations at once, bounded by `concurrency`.
- Failures back off exponentially (base * 2^(n-1), capped) with jitter, persisted in the row's
  `next_attempt_at`, so a restart resumes the schedule.
- Exactly-once at the receiver comes from n8n's idempotency on `message_id`: a request whose answer
  was lost is sent again and n8n answers `duplicate`.
- Nothing is dropped for being slow or unreachable: connection errors, timeouts, 5xx, 429 and even 401/404
  (a configuration to fix) are retried for ever. Only a message n8n refuses as malformed (400, 413, 422)
  `max_rejections` times in a row is settled as rejected, so that one bad message cannot block its
  conversation for ever: it is kept in the outbox (never pruned), logged as an error, counted on /readyz,
  and `on_rejected` tells the plumber.

Scaling out: each gateway replica drains its own outbox (docs/deploy.md, "Durable outbox"); a
conversation's messages reach one replica through its socket, so one conversation is still drained by
one worker at a time.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any

from gateway.logs import log_event
from gateway.n8n import DeliveryOutcome
from gateway.outbox import Outbox, OutboxRow

Sender = Callable[[dict[str, Any]], Awaitable[DeliveryOutcome]]
Clock = Callable[[], float]
RejectedHandler = Callable[[OutboxRow, str], Awaitable[None]]

# n8n's answers that say "this message itself is wrong": sending it again cannot help.
REJECTING_STATUSES = frozenset({400, 413, 422})
MESSAGE_REJECTED_ES = (
    "No se pudo procesar este mensaje. Escríbelo de nuevo con otras palabras; el equipo ya tiene el aviso."
)

logger = logging.getLogger("gateway.delivery")

_PRUNE_EVERY = 3600.0


def backoff_delay(failures: int, *, base: float, cap: float, rng: random.Random) -> float:
    """Delay after the `failures`-th consecutive failure: in [ceiling/2, ceiling], ceiling = min(cap, base*2^(n-1))."""
    ceiling = min(cap, base * (2 ** min(max(failures, 1) - 1, 32)))
    return ceiling / 2 + rng.random() * ceiling / 2


class DeliveryWorker:
    def __init__(
        self,
        outbox: Outbox,
        send: Sender,
        *,
        concurrency: int,
        backoff_base: float,
        backoff_max: float,
        retention: float,
        max_rejections: int = 3,
        on_rejected: RejectedHandler | None = None,
        clock: Clock = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self._outbox = outbox
        self._send = send
        self._concurrency = concurrency
        self._backoff_base = backoff_base
        self._backoff_max = backoff_max
        self._retention = retention
        self._max_rejections = max(1, max_rejections)
        self._on_rejected = on_rejected
        self._rejections: dict[str, int] = {}  # message id -> refusals in a row (reset by other outcomes)
        self._background: set[asyncio.Task[None]] = set()
        self._clock = clock
        self._rng = rng or random.Random()
        self._wake = asyncio.Event()
        self._lanes: dict[str, asyncio.Task[None]] = {}
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._in_flight = 0
        self._last_prune = 0.0
        self._dirty = False
        self._next_due: float | None = None

    @property
    def in_flight(self) -> int:
        return self._in_flight

    @property
    def active_conversations(self) -> int:
        return len(self._lanes)

    def notify(self, conversation_id: str | None = None) -> None:
        """Something new is in the outbox (for `conversation_id`): deliver it now, not at the next tick.

        Fast path, no query: a conversation that already has a lane needs nothing (the lane reads its
        next message itself); otherwise a free slot gets a new lane at once. Only when every slot is
        busy (or the conversation is unknown) does the scheduler scan the outbox.
        """
        if self._stopping or self._task is None:
            return
        if conversation_id is not None:
            if conversation_id in self._lanes:
                return
            if len(self._lanes) < self._concurrency:
                self._start_lane(conversation_id)
                return
        self._dirty = True
        self._wake.set()

    def start(self) -> None:
        if self._task is None:
            self._dirty = True  # deliver whatever a previous run left in the outbox
            self._task = asyncio.create_task(self._run(), name="delivery-worker")

    async def stop(self, *, timeout: float) -> None:
        """Stop taking new work; let in-flight requests finish (up to `timeout`), then cancel the rest."""
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            await self._task
        lanes = list(self._lanes.values())
        if lanes:
            _, still_running = await asyncio.wait(lanes, timeout=timeout)
            for task in still_running:
                task.cancel()
            if still_running:
                await asyncio.wait(still_running)
                log_event(logger, "delivery_cancelled_at_shutdown", level=logging.WARNING,
                          lanes=len(still_running))

    async def _run(self) -> None:
        while not self._stopping:
            self._wake.clear()
            if self._dirty or (self._next_due is not None and self._clock() >= self._next_due):
                self._dirty = False
                try:
                    self._schedule()
                except Exception:  # keep draining even if one pass hit a transient SQLite error
                    logger.exception("delivery_schedule_failed")
                    self._next_due = self._clock() + 1.0
            timeout = None if self._next_due is None else max(0.0, self._next_due - self._clock())
            try:
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
            except TimeoutError:
                pass

    def _schedule(self) -> None:
        """Start lanes for due conversations and remember when the next retry is due."""
        now = self._clock()
        free = self._concurrency - len(self._lanes)
        for head in self._outbox.due_heads(now=now, limit=free, exclude=self._lanes.keys()):
            self._start_lane(head.conversation_id)
        if now - self._last_prune > _PRUNE_EVERY:
            self._last_prune = now
            pruned = self._outbox.prune(delivered_before=now - self._retention)
            if pruned:
                log_event(logger, "outbox_pruned", rows=pruned)
        if len(self._lanes) >= self._concurrency:
            self._next_due = None  # a lane that ends will wake the scheduler
        else:
            self._next_due = self._outbox.next_due_at(exclude=self._lanes.keys())

    def _start_lane(self, conversation_id: str) -> None:
        self._lanes[conversation_id] = asyncio.create_task(
            self._lane(conversation_id), name=f"delivery:{conversation_id}"
        )

    async def _lane(self, conversation_id: str) -> None:
        try:
            while not self._stopping:
                row = self._outbox.head(conversation_id)
                if row is None or row.next_attempt_at > self._clock():
                    return
                self._in_flight += 1
                started = time.perf_counter()
                try:
                    outcome = await self._send(row.payload)
                except Exception as exc:  # a bug in a sender must not kill the lane silently
                    outcome = DeliveryOutcome(False, f"unexpected {type(exc).__name__}: {exc}")
                finally:
                    self._in_flight -= 1
                elapsed_ms = round((time.perf_counter() - started) * 1000, 2)
                if outcome.delivered:
                    self._outbox.mark_delivered(row.message_id, now=self._clock())
                    log_event(  # INFO when it took retries, so an outage's recovery shows in the log
                        logger, "message_delivered", level=logging.INFO if row.attempts else logging.DEBUG,
                        conversation_id=conversation_id, message_id=row.message_id,
                        attempt=row.attempts + 1, outcome=outcome.detail, elapsed_ms=elapsed_ms,
                    )
                    continue
                if self._refused_for_good(row, outcome):
                    continue
                failures = row.attempts + 1
                delay = backoff_delay(failures, base=self._backoff_base, cap=self._backoff_max, rng=self._rng)
                self._outbox.mark_failed(row.message_id, next_attempt_at=self._clock() + delay, error=outcome.detail)
                log_event(
                    logger, "delivery_failed", level=logging.WARNING,
                    conversation_id=conversation_id, message_id=row.message_id, attempt=failures,
                    error=outcome.detail, retry_in_s=round(delay, 3), elapsed_ms=elapsed_ms,
                )
                return
        finally:
            self._lanes.pop(conversation_id, None)
            self._dirty = True  # a slot is free, or a retry time was set: let the scheduler look
            self._wake.set()

    def _refused_for_good(self, row: OutboxRow, outcome: DeliveryOutcome) -> bool:
        """Count a refusal of `row` as malformed; settle it as rejected at the `max_rejections`-th in a row."""
        if outcome.status_code not in REJECTING_STATUSES:
            self._rejections.pop(row.message_id, None)
            return False
        refusals = self._rejections.get(row.message_id, 0) + 1
        if refusals < self._max_rejections:
            self._rejections[row.message_id] = refusals
            return False
        self._rejections.pop(row.message_id, None)
        self._outbox.mark_rejected(row.message_id, now=self._clock(), error=outcome.detail)
        log_event(
            logger, "message_rejected", level=logging.ERROR,
            conversation_id=row.conversation_id, message_id=row.message_id, channel=row.channel,
            attempt=row.attempts + 1, error=outcome.detail,
        )
        if self._on_rejected is not None:
            task = asyncio.create_task(self._tell_rejected(row, outcome.detail), name=f"rejected:{row.message_id}")
            self._background.add(task)
            task.add_done_callback(self._background.discard)
        return True

    async def _tell_rejected(self, row: OutboxRow, detail: str) -> None:
        try:
            assert self._on_rejected is not None
            await self._on_rejected(row, detail)
        except Exception:  # telling the plumber is best effort; the row and the log are the record
            logger.exception("rejected message handler failed", extra={"message_id": row.message_id})
