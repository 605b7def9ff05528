"""Delivery worker: drains the outbox into n8n's chat webhook.

- The outbox's conversations are the lanes of a `LaneRunner` (gateway/lanes.py): in order per
  conversation (only its oldest pending message is ever sent; on failure it is retried later and the rest
  waits), several conversations at once bounded by `concurrency`, failures backed off exponentially with
  jitter and persisted in the row's `next_attempt_at`, so a restart resumes the schedule.
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

from gateway.lanes import LaneRunner, Retry
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
        self._max_rejections = max(1, max_rejections)
        self._on_rejected = on_rejected
        self._rejections: dict[str, int] = {}  # message id -> refusals in a row (reset by other outcomes)
        self._background: set[asyncio.Task[None]] = set()
        self._clock = clock
        self._lanes: LaneRunner[OutboxRow] = LaneRunner(
            outbox, name="delivery", concurrency=concurrency, logger=logger, retry_event="delivery_failed",
            backoff_base=backoff_base, backoff_max=backoff_max,
            prune=lambda now: outbox.prune(delivered_before=now - retention), prune_event="outbox_pruned",
            clock=clock, rng=rng,
        )

    @property
    def in_flight(self) -> int:
        return self._lanes.in_flight

    def notify(self, conversation_id: str | None = None) -> None:
        """Something new is in the outbox (for `conversation_id`): deliver it now, not at the next tick."""
        self._lanes.notify(conversation_id)

    def start(self) -> None:
        self._lanes.start(self._deliver)

    async def stop(self, *, timeout: float) -> None:
        """Stop taking new work; let in-flight requests finish (up to `timeout`), then cancel the rest."""
        await self._lanes.stop(timeout=timeout)

    async def _deliver(self, row: OutboxRow) -> Retry | None:
        """Send the conversation's head; None when it is settled (stored by n8n, or rejected for good)."""
        started = time.perf_counter()
        try:
            outcome = await self._send(row.payload)
        except Exception as exc:  # a bug in a sender must not kill the lane silently
            outcome = DeliveryOutcome(False, f"unexpected {type(exc).__name__}: {exc}")
        elapsed_ms = round((time.perf_counter() - started) * 1000, 2)
        if outcome.delivered:
            self._rejections.pop(row.message_id, None)
            self._outbox.mark_delivered(row.message_id, now=self._clock())
            log_event(  # INFO when it took retries, so an outage's recovery shows in the log
                logger, "message_delivered", level=logging.INFO if row.attempts else logging.DEBUG,
                conversation_id=row.conversation_id, message_id=row.message_id,
                attempt=row.attempts + 1, outcome=outcome.detail, elapsed_ms=elapsed_ms,
            )
            return None
        if self._refused_for_good(row, outcome):
            return None
        return Retry(outcome.detail, log={"message_id": row.message_id, "elapsed_ms": elapsed_ms})

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
            logger.exception("rejected_notice_failed", extra={"message_id": row.message_id})
