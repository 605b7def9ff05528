"""WhatsApp Business Cloud API channel: `GET/POST /webhooks/whatsapp` in, Graph API `/messages` out.

Inbound (Meta's webhook):
- GET: the verification handshake (`hub.verify_token` == WHATSAPP_VERIFY_TOKEN -> `hub.challenge`, else 403).
- POST: `X-Hub-Signature-256` is checked on the raw bytes before anything is parsed (401, nothing stored).
  The verified body is handled by gateway/whatsapp/inbound.py (text into the intake/outbox, voice notes and
  statuses into durable jobs, a polite note for what cannot be read): only SQLite writes happen before the
  200, the network work runs in background jobs (gateway/whatsapp/jobs.py on a gateway/lanes.py runner).
  A redelivered wamid is recognised for WHATSAPP_SEEN_RETENTION_DAYS, also after a restart.
- When a message is accepted, the gateway marks it read and shows the typing indicator (best effort).

Outbound (n8n's callback with channel "whatsapp"): the reply becomes a durable `send` job: split at 4096
characters on sentence boundaries (a reply carrying an estimate card: its title, headings and TOTAL in bold,
cut between lines; an answer: WhatsApp's *bold* instead of Markdown, and the cited article's full procedure as
a following message), sent in order, retried or reported as gateway/whatsapp/jobs.py says. The reply is in
Postgres history either way.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from quart import Blueprint, Response, request

from gateway.channels.base import Notice, Reply, Typing
from gateway.intake import Intake
from gateway.lanes import LaneRunner, finish, wait_until_set
from gateway.logs import log_event
from gateway.settings import Settings
from gateway.whatsapp.graph import GraphClient, GraphError
from gateway.whatsapp.inbound import WhatsAppInbound
from gateway.whatsapp.jobs import (
    CHANNEL,
    INBOUND,
    SEND,
    STATUS,
    JobQueue,
    StatusPoster,
    VoiceInput,
    WhatsAppJobs,
    notice_job,
    send_job,
)
from gateway.whatsapp.store import Job, WhatsAppStore
from gateway.whatsapp.text import answer_parts, estimate_parts
from gateway.whatsapp.webhook import SIGNATURE_HEADER, signature_valid

PREFIX = "wa"

logger = logging.getLogger("gateway.whatsapp")


@dataclass(frozen=True)
class _Started:
    """What exists between `start()` and `stop()`."""

    store: WhatsAppStore
    graph: GraphClient
    lanes: LaneRunner[Job]
    queue: JobQueue
    inbound: WhatsAppInbound


class WhatsAppChannel:
    """Routes and output side of WhatsApp. `start(intake, n8n)`/`stop()` are called by the Runtime."""

    name = CHANNEL
    conversation_prefix = PREFIX

    def __init__(
        self,
        settings: Settings,
        *,
        voice: VoiceInput | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        """`voice`: the shared voice-note pipeline (gateway/voice.py); without it a voice note gets a notice.
        `transport`: replaces the HTTP transport to Graph (tests)."""
        self._settings = settings
        self._voice = voice
        self._transport = transport
        self._clock = clock
        self._rng = rng
        self._on: _Started | None = None
        self._checkpointer: asyncio.Task[None] | None = None
        self._stop_event = asyncio.Event()
        self._side_tasks: set[asyncio.Task[Any]] = set()

    @property
    def enabled(self) -> bool:
        return self._settings.whatsapp_enabled

    @property
    def store(self) -> WhatsAppStore:
        if self._on is None:
            raise RuntimeError("the WhatsApp channel is not started")
        return self._on.store

    # ----- life cycle ------------------------------------------------------------------------------
    async def start(self, intake: Intake, n8n: StatusPoster) -> None:
        """Open the store and start its jobs (also those a previous run left). `intake`: where text messages
        go; `n8n`: where delivery statuses go (gateway/n8n.py, the shared client)."""
        s = self._settings
        if not self.enabled:
            log_event(logger, "whatsapp_disabled", level=logging.INFO, reason=s.whatsapp_missing_reason())
            return
        store = WhatsAppStore.open(s.data_dir / "whatsapp.sqlite3", synchronous=s.outbox_synchronous)
        graph = GraphClient(
            base_url=s.whatsapp_graph_url,
            access_token=s.whatsapp_access_token,
            phone_number_id=s.whatsapp_phone_number_id,
            timeout=s.whatsapp_timeout,
            transport=self._transport,
        )
        lanes: LaneRunner[Job] = LaneRunner(
            store, name="whatsapp", concurrency=s.whatsapp_concurrency, logger=logger,
            retry_event="whatsapp_job_retry", backoff_base=s.backoff_base, backoff_max=s.backoff_max,
            prune=lambda now: store.prune_seen(before=now - s.whatsapp_seen_retention),
            prune_event="whatsapp_seen_pruned", clock=self._clock, rng=self._rng,
        )
        queue = JobQueue(store, lanes.notify, clock=self._clock)
        inbound = WhatsAppInbound(store, queue, intake, mark_read=self._mark_read,
                                  max_message_chars=s.max_message_chars, clock=self._clock)
        self._on = _Started(store, graph, lanes, queue, inbound)
        lanes.start(WhatsAppJobs(s, store, queue, graph, n8n, self._voice).run)
        self._checkpointer = asyncio.create_task(self._checkpoints(store), name="whatsapp-checkpoints")
        log_event(
            logger, "whatsapp_enabled", graph=s.whatsapp_graph_url,
            phone_number_id=s.whatsapp_phone_number_id, pending_jobs=store.pending(),
        )

    async def stop(self, *, timeout: float = 10.0) -> None:
        """Stop taking jobs; in-flight ones (and read/typing calls) get `timeout` seconds, then are cancelled.
        Unfinished jobs stay in SQLite and run after the next start."""
        self._stop_event.set()
        on = self._on
        if on is None:
            return
        if self._checkpointer is not None:  # not cancelled: a checkpoint running in a thread must finish
            await self._checkpointer
            self._checkpointer = None
        await asyncio.gather(on.lanes.stop(timeout=timeout), self._finish_side_tasks(timeout))
        await on.graph.aclose()
        on.store.close()
        self._on = None

    async def _finish_side_tasks(self, timeout: float) -> None:
        late = await finish(list(self._side_tasks), timeout=timeout)
        if late:
            log_event(logger, "whatsapp_cancelled_at_shutdown", level=logging.WARNING, tasks=late)

    def describe(self) -> dict[str, Any]:
        """For /readyz."""
        if not self.enabled or self._on is None:
            return {"enabled": False, "reason": self._settings.whatsapp_missing_reason() or "not started"}
        store = self._on.store
        return {
            "enabled": True,
            "pending_sends": store.pending(SEND),
            "pending_statuses": store.pending(STATUS),
            "pending_inbound": store.pending(INBOUND),
        }

    # ----- output side -----------------------------------------------------------------------------
    async def send_reply(self, reply: Reply) -> int:
        """Queue the reply (durably) for Graph; 1 = queued. The callback does not wait for Graph."""
        if not self.enabled or self._on is None:
            log_event(
                logger, "whatsapp_reply_dropped", level=logging.ERROR, conversation_id=reply.conversation_id,
                message_id=reply.message_id,
                reason="WhatsApp channel not configured (reply stays in history)",
            )
            return 0
        # An estimate reads better with bold headings and is cut between its lines; an answer gets WhatsApp's
        # *bold* instead of Markdown, and the cited article's procedure follows as a second message
        # (gateway/whatsapp/text.py). A template is sent as one message instead (outside the 24-hour window).
        if reply.template is not None:
            parts = [reply.text]
        elif reply.estimate is not None:
            parts = estimate_parts(reply.text)
        else:
            parts = answer_parts(reply.text, reply.article)
        if not parts:
            return 0
        job = send_job(reply.message_id, reply.conversation_id, parts, message_id=reply.message_id,
                       in_reply_to=reply.in_reply_to)
        if reply.template is not None:
            job[3]["template"] = reply.template
        # The reply id is recorded with its job, like an inbound wamid: a callback n8n retries after the job
        # is done, even across a gateway restart, is not sent twice.
        if not self._on.queue.add_once(f"reply:{reply.message_id}", "reply", job):
            log_event(
                logger, "whatsapp_reply_duplicate", conversation_id=reply.conversation_id,
                message_id=reply.message_id,
            )
            return 0
        return 1

    async def send_typing(self, typing: Typing) -> int:
        if not typing.active or not typing.in_reply_to or self._on is None:
            return 0
        self._mark_read(typing.in_reply_to, typing.conversation_id)
        return 1

    async def send_notice(self, notice: Notice) -> int:
        """The gateway's own word about a plumber's message (not the agent's, not in the history: n8n refused
        it, the place in the model's line), as a durable send job quoting that message. Sent once per message
        and code, also when asked again after it went out (n8n's re-run of a forgotten message) and across a
        restart: its key is recorded with its job, as a reply id is. 1 = queued; 0 when the channel is off or
        it was sent before."""
        if not self.enabled or self._on is None:
            return 0
        key = f"{notice.code}:{notice.message_id}"
        job = notice_job(key, notice.conversation_id, notice.message_id, notice.text)
        return int(self._on.queue.add_once(f"notice:{key}", "notice", job))

    def _mark_read(self, wamid: str, conversation_id: str) -> None:
        """Blue ticks + typing indicator, best effort (a failure is logged, nothing else depends on it)."""
        if self._on is None or self._stop_event.is_set():
            return
        graph = self._on.graph

        async def call() -> None:
            try:
                await graph.mark_read(wamid, typing=True)
            except GraphError as exc:
                log_event(
                    logger, "whatsapp_mark_read_failed", level=logging.WARNING,
                    conversation_id=conversation_id, message_id=wamid, error=str(exc),
                )

        task = asyncio.create_task(call(), name=f"whatsapp-read:{wamid[:40]}")
        self._side_tasks.add(task)
        task.add_done_callback(self._side_tasks.discard)

    # ----- input side ------------------------------------------------------------------------------
    def blueprint(self) -> Blueprint:
        bp = Blueprint("whatsapp", __name__)

        @bp.get("/webhooks/whatsapp")
        async def verify() -> Response | tuple[Any, int]:
            if not self.enabled:
                return self._disabled()
            args = request.args
            token = args.get("hub.verify_token", "")
            if args.get("hub.mode") == "subscribe" and hmac.compare_digest(
                token.encode("utf-8", "replace"), self._settings.whatsapp_verify_token.encode("utf-8")
            ):
                log_event(logger, "whatsapp_webhook_verified")
                return Response(args.get("hub.challenge", ""), status=200, mimetype="text/plain")
            log_event(
                logger, "whatsapp_verify_refused", level=logging.WARNING, remote=request.remote_addr,
                mode=args.get("hub.mode"),
            )
            return Response("forbidden", status=403, mimetype="text/plain")

        @bp.post("/webhooks/whatsapp")
        async def receive() -> tuple[dict[str, Any], int]:
            on = self._on
            if not self.enabled or on is None:
                return self._disabled()
            body = await request.get_data(cache=False, as_text=False)
            secret = self._settings.whatsapp_app_secret
            if not signature_valid(secret, request.headers.get(SIGNATURE_HEADER), body):
                log_event(
                    logger, "whatsapp_unauthorized", level=logging.WARNING, remote=request.remote_addr,
                    signed=SIGNATURE_HEADER in request.headers,
                )
                return {"error": "unauthorized"}, 401
            try:
                counts = on.inbound.handle_body(body)
            except Exception:  # e.g. disk full: 500 makes Meta deliver again later, which is what we want
                logger.exception("whatsapp_webhook_failed")
                return {"error": "internal_error"}, 500
            return {"status": "ok", **counts}, 200

        return bp

    def _disabled(self) -> tuple[dict[str, Any], int]:
        return {
            "error": "whatsapp_disabled",
            "message": "WhatsApp channel is not configured: " + self._settings.whatsapp_missing_reason(),
        }, 503

    async def _checkpoints(self, store: WhatsAppStore, every: float = 1.0) -> None:
        """WAL checkpoints off the event loop (see WhatsAppStore): the ack path never waits for an fsync."""
        while not self._stop_event.is_set():
            await wait_until_set(self._stop_event, every)
            try:
                await asyncio.to_thread(store.checkpoint)
            except Exception:  # noqa: BLE001 - next second's checkpoint will try again
                logger.warning("whatsapp_checkpoint_failed", exc_info=True)
