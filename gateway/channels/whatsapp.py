"""WhatsApp Business Cloud API channel: `GET/POST /webhooks/whatsapp` in, Graph API `/messages` out.

Inbound (Meta's webhook):
- GET: the verification handshake (`hub.verify_token` == WHATSAPP_VERIFY_TOKEN -> `hub.challenge`, else 403).
- POST: `X-Hub-Signature-256` is checked on the raw bytes before anything is parsed (401, nothing stored).
  The body is parsed once into plain data (gateway/whatsapp/webhook.py), then:
  * text and interactive/button replies go straight into the intake/outbox (like a web message; channel
    "whatsapp", conversation "wa:<phone>", message id = wamid, sender {id: phone, name: profile name});
  * voice notes/audio become an `inbound` job (download from Graph, then the shared voice pipeline);
  * image/document/video/sticker: the caption (if any) goes to n8n as the message text with the media
    reference in `metadata.whatsapp.media`; the plumber gets a polite note that only text and voice are
    understood. Location, contacts, reactions, unknown types: the polite note only;
  * `statuses[]` become a `status` job for n8n's status webhook (contract §4b).
  Every wamid is recorded in `whatsapp.sqlite3` (seen table, pruned after WHATSAPP_SEEN_RETENTION_DAYS), so a
  redelivery is recognised even after the outbox row was delivered and pruned, or after a restart; then 200.
  Only SQLite writes happen before the 200: the network work runs in background jobs.
- When a message is accepted, the gateway marks it read and shows the typing indicator (best effort).

Outbound (n8n's callback with channel "whatsapp"): the reply becomes a durable `send` job: split at 4096
characters on sentence boundaries (a reply carrying an estimate card: its title, headings and TOTAL in bold,
cut between lines; an answer: WhatsApp's *bold* instead of Markdown, and the cited article's full procedure as
a following message), sent in order; 429/5xx/network are retried with backoff (Retry-After
respected), other 4xx (131047 outside the 24-hour window, 401 bad token...) are not: the failure is logged
and reported to n8n as `failed`. Accepted sends are reported as `sent` with Graph's wamid. The reply is in
Postgres history either way.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from datetime import datetime
from typing import Any, Protocol

import httpx
from quart import Blueprint, Response, request

from gateway.channels.base import InboundMessage, Reply, Typing, utc_iso, utc_now
from gateway.lanes import backoff_delay
from gateway.intake import Intake, MessageIdConflict
from gateway.logs import log_event
from gateway.settings import Settings
from gateway.transport import PooledHTTP11Transport
from gateway.whatsapp.graph import GraphClient, GraphError
from gateway.whatsapp.store import Job, WhatsAppStore
from gateway.whatsapp.text import answer_parts, estimate_parts
from gateway.whatsapp.webhook import (
    AUDIO,
    IGNORED,
    INTERACTIVE,
    MEDIA,
    SIGNATURE_HEADER,
    TEXT,
    MediaRef,
    WaMessage,
    WaStatus,
    parse_body,
    signature_valid,
)

CHANNEL = "whatsapp"
PREFIX = "wa"
SEND, STATUS, INBOUND = "send", "status", "inbound"
_PRUNE_EVERY = 3600.0

logger = logging.getLogger("gateway.whatsapp")

NOT_SUPPORTED_ES = (
    "Por ahora solo entiendo mensajes de texto y notas de voz. Escríbeme tu consulta o mándame una nota "
    "de voz, por favor."
)
MEDIA_WITH_CAPTION_ES = (
    "Todavía no puedo ver imágenes ni documentos; respondo solo al texto que los acompaña. Si hace falta, "
    "descríbeme lo que se ve."
)
MEDIA_FAILED_ES = (
    "No he podido descargar tu nota de voz. ¿Puedes enviarla otra vez o escribir tu consulta, por favor?"
)


# How a message the agent cannot read is written in the history (Spanish, like the rest of the chat).
_DESCRIPTIONS_ES = {
    "image": "[Imagen sin texto]",
    "video": "[Vídeo sin texto]",
    "sticker": "[Sticker]",
    "document": "[Documento sin texto]",
    "location": "[Ubicación]",
    "contacts": "[Contacto]",
    "text": "[Mensaje vacío]",
}


def described(message: WaMessage) -> str:
    """The history text of a message with nothing to read: "[Documento: factura.pdf]", "[Ubicación]"..."""
    if message.type == "document" and message.media and message.media.filename:
        return f"[Documento: {message.media.filename[:120]}]"
    return _DESCRIPTIONS_ES.get(message.type, f"[Mensaje de WhatsApp de tipo {message.type or 'desconocido'}]")


class VoiceAccept(Protocol):
    def __call__(
        self,
        *,
        conversation_id: str,
        channel: str,
        sender: str,
        message_id: str,
        audio: bytes,
        content_type: str | None,
        sender_name: str | None = None,
    ) -> Awaitable[Any]: ...


class WhatsAppChannel:
    """Input and output side of WhatsApp. `start()`/`stop()` are called by the Runtime."""

    name = CHANNEL
    conversation_prefix = PREFIX

    def __init__(
        self,
        settings: Settings,
        intake: Callable[[], Intake],
        *,
        voice: Callable[[], VoiceAccept | None] = lambda: None,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self._settings = settings
        self._intake = intake
        self._voice = voice
        self._transport = transport
        self._clock = clock
        self._rng = rng or random.Random()
        self._store: WhatsAppStore | None = None
        self._graph: GraphClient | None = None
        self._n8n: httpx.AsyncClient | None = None
        self._wake = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._checkpointer: asyncio.Task[None] | None = None
        self._stop_event = asyncio.Event()
        self._lanes: dict[str, asyncio.Task[None]] = {}
        self._side_tasks: set[asyncio.Task[Any]] = set()
        self._stopping = False
        self._last_prune = 0.0

    @property
    def enabled(self) -> bool:
        return self._settings.whatsapp_enabled

    @property
    def store(self) -> WhatsAppStore:
        if self._store is None:
            raise RuntimeError("the WhatsApp channel is not started")
        return self._store

    # ----- life cycle ------------------------------------------------------------------------------
    async def start(self) -> None:
        s = self._settings
        if not self.enabled:
            log_event(logger, "whatsapp_disabled", level=logging.INFO, reason=s.whatsapp_missing_reason())
            return
        self._store = WhatsAppStore.open(s.data_dir / "whatsapp.sqlite3", synchronous=s.outbox_synchronous)
        self._graph = GraphClient(
            base_url=s.whatsapp_graph_url,
            access_token=s.whatsapp_access_token,
            phone_number_id=s.whatsapp_phone_number_id,
            timeout=s.whatsapp_timeout,
            transport=self._transport,
        )
        headers = {"Content-Type": "application/json"}
        if s.n8n_webhook_token:
            headers["X-Remedios-Token"] = s.n8n_webhook_token
        self._n8n = httpx.AsyncClient(
            timeout=httpx.Timeout(s.delivery_timeout),
            headers=headers,
            transport=self._transport or PooledHTTP11Transport(max_connections=8),
        )
        self._worker = asyncio.create_task(self._run(), name="whatsapp-jobs")
        self._checkpointer = asyncio.create_task(self._checkpoints(), name="whatsapp-checkpoints")
        log_event(
            logger,
            "whatsapp_enabled",
            graph=s.whatsapp_graph_url,
            phone_number_id=s.whatsapp_phone_number_id,
            pending_jobs=self._store.pending(),
        )

    async def stop(self, *, timeout: float = 10.0) -> None:
        """Stop taking jobs; in-flight ones (and read/typing calls) get `timeout` seconds, then are cancelled.
        Unfinished jobs stay in SQLite and run after the next start."""
        self._stopping = True
        self._stop_event.set()
        self._wake.set()
        if self._worker is not None:
            await self._worker
            self._worker = None
        if (
            self._checkpointer is not None
        ):  # not cancelled: a checkpoint running in its thread must finish first
            await self._checkpointer
            self._checkpointer = None
        running = [*self._lanes.values(), *self._side_tasks]
        if running:
            _, late = await asyncio.wait(running, timeout=timeout)
            for task in late:
                task.cancel()
            if late:
                await asyncio.wait(late)
                log_event(logger, "whatsapp_cancelled_at_shutdown", level=logging.WARNING, tasks=len(late))
        if self._graph is not None:
            await self._graph.aclose()
        if self._n8n is not None:
            await self._n8n.aclose()
        if self._store is not None:
            self._store.close()
            self._store = None

    def describe(self) -> dict[str, Any]:
        """For /readyz."""
        if not self.enabled or self._store is None:
            return {"enabled": False, "reason": self._settings.whatsapp_missing_reason() or "not started"}
        return {
            "enabled": True,
            "pending_sends": self._store.pending(SEND),
            "pending_statuses": self._store.pending(STATUS),
            "pending_inbound": self._store.pending(INBOUND),
        }

    # ----- output side -----------------------------------------------------------------------------
    async def send_reply(self, reply: Reply) -> int:
        """Queue the reply (durably) for Graph; 1 = queued. The callback does not wait for Graph."""
        if not self.enabled or self._store is None:
            log_event(
                logger,
                "whatsapp_reply_dropped",
                level=logging.ERROR,
                conversation_id=reply.conversation_id,
                message_id=reply.message_id,
                reason="WhatsApp channel not configured (reply stays in history)",
            )
            return 0
        to = reply.conversation_id.partition(":")[2]
        payload = {
            "to": to,
            # An estimate reads better with bold headings and is cut between its lines; an answer gets WhatsApp's
            # *bold* instead of Markdown, and the cited article's procedure follows as a second message
            # (gateway/whatsapp/text.py)
            "parts": estimate_parts(reply.text) if reply.estimate is not None
            else answer_parts(reply.text, reply.article),
            "sent": 0,
            "message_id": reply.message_id,
            "in_reply_to": reply.in_reply_to,
        }
        if reply.template is not None:  # one template message instead of the text (outside the 24-hour window)
            payload["parts"], payload["template"] = [reply.text], reply.template
        if not payload["parts"]:
            return 0
        # The reply id is recorded with its job, like an inbound wamid: a callback n8n retries after the job
        # is done, even across a gateway restart, is not sent twice.
        job = (reply.message_id, SEND, reply.conversation_id, payload)
        if not self.store.mark_seen(f"reply:{reply.message_id}", "reply", now=self._clock(), job=job):
            log_event(
                logger,
                "whatsapp_reply_duplicate",
                conversation_id=reply.conversation_id,
                message_id=reply.message_id,
            )
            return 0
        self._wake.set()
        return 1

    async def send_typing(self, typing: Typing) -> int:
        if not typing.active or not typing.in_reply_to or self._graph is None:
            return 0
        self._mark_read(typing.in_reply_to, typing.conversation_id)
        return 1

    def send_notice(self, conversation_id: str, in_reply_to: str, text: str, *, key: str) -> bool:
        """A short message from the gateway itself (not the agent, not in the history), e.g. the place in the
        model's line (gateway/llm_relay.py); sent once per `key`. False when the channel is off."""
        if not self.enabled or self._store is None:
            return False
        payload = {"to": conversation_id.partition(":")[2], "parts": [text], "sent": 0, "message_id": None,
                   "in_reply_to": in_reply_to}
        self._enqueue(SEND, key, conversation_id, payload)
        return True

    def _enqueue(self, kind: str, job_id: str, lane: str, payload: dict[str, Any]) -> None:
        created = self.store.enqueue(job_id, kind, lane, payload, now=self._clock())
        log_event(
            logger,
            "whatsapp_job_queued" if created else "whatsapp_job_duplicate",
            level=logging.DEBUG,
            kind=kind,
            job_id=job_id,
            conversation_id=lane,
        )
        self._wake.set()

    def _mark_read(self, wamid: str, conversation_id: str) -> None:
        """Blue ticks + typing indicator, best effort (a failure is logged, nothing else depends on it)."""
        graph = self._graph
        if graph is None or self._stopping:
            return

        async def call() -> None:
            try:
                await graph.mark_read(wamid, typing=True)
            except GraphError as exc:
                log_event(
                    logger,
                    "whatsapp_mark_read_failed",
                    level=logging.WARNING,
                    conversation_id=conversation_id,
                    message_id=wamid,
                    error=str(exc),
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
                logger,
                "whatsapp_verify_refused",
                level=logging.WARNING,
                remote=request.remote_addr,
                mode=args.get("hub.mode"),
            )
            return Response("forbidden", status=403, mimetype="text/plain")

        @bp.post("/webhooks/whatsapp")
        async def receive() -> tuple[dict[str, Any], int]:
            if not self.enabled or self._store is None:
                return self._disabled()
            body = await request.get_data(cache=False, as_text=False)
            if not signature_valid(
                self._settings.whatsapp_app_secret, request.headers.get(SIGNATURE_HEADER), body
            ):
                log_event(
                    logger,
                    "whatsapp_unauthorized",
                    level=logging.WARNING,
                    remote=request.remote_addr,
                    signed=SIGNATURE_HEADER in request.headers,
                )
                return {"error": "unauthorized"}, 401
            try:
                counts = self.handle_body(body)
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

    def handle_body(self, body: bytes) -> dict[str, int]:
        """Act on a verified webhook body: only local SQLite writes (fast). Returns counts for the answer."""
        batch = parse_body(body)
        accepted = duplicates = 0
        for message in batch.messages:
            if self._accept(message):
                accepted += 1
            else:
                duplicates += 1
        if batch.statuses:
            self._queue_statuses(batch.statuses)
        if batch.skipped:
            log_event(logger, "whatsapp_webhook_skipped", level=logging.WARNING, skipped=batch.skipped)
        log_event(
            logger,
            "whatsapp_webhook",
            level=logging.DEBUG,
            messages=len(batch.messages),
            accepted=accepted,
            duplicates=duplicates,
            statuses=len(batch.statuses),
        )
        return {"accepted": accepted, "duplicates": duplicates, "statuses": len(batch.statuses)}

    def _accept(self, message: WaMessage) -> bool:
        store = self.store
        now = self._clock()
        if store.is_seen(message.wamid):
            log_event(
                logger,
                "whatsapp_redelivery",
                conversation_id=message.conversation_id,
                message_id=message.wamid,
            )
            return False
        if message.kind in (TEXT, INTERACTIVE):
            metadata: dict[str, Any] = {"whatsapp": {"type": message.type}}
            if message.reply_id:
                metadata["whatsapp"]["reply_id"] = message.reply_id
            if message.context_id:
                metadata["whatsapp"]["context_id"] = message.context_id
            created = self._to_intake(message, message.text[: self._settings.max_message_chars], metadata)
            store.mark_seen(message.wamid, message.kind, now=now)
            if created:
                self._mark_read(message.wamid, message.conversation_id)
            return created
        if message.kind == IGNORED:
            store.mark_seen(message.wamid, message.kind, now=now)
            log_event(
                logger,
                "whatsapp_ignored_message",
                conversation_id=message.conversation_id,
                message_id=message.wamid,
                type=message.type,
            )
            return True
        if message.kind == AUDIO:
            job = (f"in:{message.wamid}", INBOUND, message.conversation_id, _message_dict(message))
            if not store.mark_seen(message.wamid, message.kind, now=now, job=job):
                return False
            self._wake.set()
            self._mark_read(message.wamid, message.conversation_id)
            return True
        # Media and everything else: a polite note from the gateway. The message is kept all the same: a
        # caption is a question for the agent; without one, n8n stores a short description and does not
        # answer (metadata.store_only; docs/contracts.md §2).
        caption = message.media.caption if message.kind == MEDIA and message.media else None
        metadata = {"whatsapp": {"type": message.type}}
        if message.media:
            metadata["whatsapp"]["media"] = message.media.as_dict()
        if caption:
            self._to_intake(message, caption[: self._settings.max_message_chars], metadata)
        else:
            self._to_intake(message, described(message), {**metadata, "store_only": True})
        notice = MEDIA_WITH_CAPTION_ES if caption else NOT_SUPPORTED_ES
        job = (
            f"notice:{message.wamid}",
            SEND,
            message.conversation_id,
            {
                "to": message.phone,
                "parts": [notice],
                "sent": 0,
                "message_id": None,
                "in_reply_to": message.wamid,
            },
        )
        if not store.mark_seen(message.wamid, message.kind, now=now, job=job):
            return False
        log_event(
            logger,
            "whatsapp_unsupported_message",
            conversation_id=message.conversation_id,
            message_id=message.wamid,
            type=message.type,
            media_id=message.media.id if message.media else None,
            forwarded_caption=bool(caption),
        )
        self._wake.set()
        self._mark_read(message.wamid, message.conversation_id)
        return True

    def _to_intake(self, message: WaMessage, text: str, metadata: dict[str, Any]) -> bool:
        inbound = InboundMessage(
            conversation_id=message.conversation_id,
            message_id=message.wamid,
            channel=CHANNEL,
            sender_id=message.phone,
            sender_name=message.profile_name,
            text=text,
            timestamp=utc_now(),
            metadata=metadata,
        )
        try:
            return self._intake().accept(inbound).created
        except MessageIdConflict:
            return False

    def _queue_statuses(self, statuses: list[WaStatus]) -> None:
        events = []
        for status in statuses:
            event: dict[str, Any] = {
                "external_id": status.wamid,
                "status": status.status,
                "timestamp": utc_iso(status.timestamp),
            }
            if status.error:
                event["error"] = status.error
                log_event(
                    logger,
                    "whatsapp_status_failed",
                    level=logging.WARNING,
                    external_id=status.wamid,
                    error=status.error,
                )
            events.append(event)
        self._enqueue(STATUS, f"status:{uuid.uuid4()}", "status", {"events": events})

    # ----- background jobs -------------------------------------------------------------------------
    async def _checkpoints(self, every: float = 1.0) -> None:
        """WAL checkpoints off the event loop (see WhatsAppStore): the ack path never waits for an fsync."""
        store = self.store
        while not self._stopping:
            try:
                async with asyncio.timeout(every):
                    await self._stop_event.wait()
            except TimeoutError:
                pass
            try:
                await asyncio.to_thread(store.checkpoint)
            except Exception:  # noqa: BLE001 - next second's checkpoint will try again
                logger.warning("whatsapp_checkpoint_failed", exc_info=True)

    async def _run(self) -> None:
        while not self._stopping:
            self._wake.clear()
            next_due: float | None = None
            try:
                now = self._clock()
                free = self._settings.whatsapp_concurrency - len(self._lanes)
                for lane in self.store.due_lanes(now=now, limit=max(free, 0), exclude=self._lanes.keys()):
                    self._lanes[lane] = asyncio.create_task(self._lane(lane), name=f"whatsapp:{lane}")
                if now - self._last_prune > _PRUNE_EVERY:
                    self._last_prune = now
                    pruned = self.store.prune_seen(before=now - self._settings.whatsapp_seen_retention)
                    if pruned:
                        log_event(logger, "whatsapp_seen_pruned", rows=pruned)
                next_due = (
                    None
                    if len(self._lanes) >= self._settings.whatsapp_concurrency
                    else self.store.next_due_at(exclude=self._lanes.keys())
                )
            except Exception:
                logger.exception("whatsapp_schedule_failed")
                next_due = self._clock() + 1.0
            timeout = None if next_due is None else min(max(0.0, next_due - self._clock()), 30.0)
            try:
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
            except TimeoutError:
                pass

    async def _lane(self, lane: str) -> None:
        try:
            while not self._stopping:
                job = self.store.head(lane)
                if job is None or job.next_attempt_at > self._clock():
                    return
                try:
                    outcome = await self._run_job(job)
                except Exception as exc:  # a bug must not kill the lane silently
                    logger.exception("whatsapp_job_crashed", extra={"job_id": job.job_id, "kind": job.kind})
                    outcome = _Retry(f"unexpected {type(exc).__name__}: {exc}")
                    if job.kind != STATUS and job.attempts + 1 >= self._settings.whatsapp_send_attempts:
                        log_event(
                            logger,
                            "whatsapp_job_dropped",
                            level=logging.ERROR,
                            kind=job.kind,
                            job_id=job.job_id,
                            conversation_id=lane,
                            error=outcome.error,
                        )
                        outcome = None
                if outcome is None:
                    self.store.done(job.job_id)
                    continue
                delay = (
                    outcome.delay
                    if outcome.delay is not None
                    else backoff_delay(
                        job.attempts + 1,
                        base=self._settings.backoff_base,
                        cap=self._settings.backoff_max,
                        rng=self._rng,
                    )
                )
                self.store.retry(job, next_attempt_at=self._clock() + delay, error=outcome.error)
                log_event(
                    logger,
                    "whatsapp_job_retry",
                    level=logging.WARNING,
                    kind=job.kind,
                    job_id=job.job_id,
                    conversation_id=lane,
                    attempt=job.attempts + 1,
                    error=outcome.error,
                    retry_in_s=round(delay, 3),
                )
                return
        finally:
            self._lanes.pop(lane, None)
            self._wake.set()

    async def _run_job(self, job: Job) -> _Retry | None:
        if job.kind == SEND:
            return await self._job_send(job)
        if job.kind == STATUS:
            return await self._job_status(job)
        if job.kind == INBOUND:
            return await self._job_inbound(job)
        log_event(logger, "whatsapp_job_unknown", level=logging.ERROR, kind=job.kind, job_id=job.job_id)
        return None

    def _retry_or_give_up(self, job: Job, exc: GraphError) -> bool:
        return exc.retryable and job.attempts + 1 < self._settings.whatsapp_send_attempts

    async def _job_send(self, job: Job) -> _Retry | None:
        assert self._graph is not None
        p = dict(job.payload)
        parts: list[str] = p["parts"]
        while p["sent"] < len(parts):
            index = p["sent"]
            try:
                template = p.get("template")
                wamid = await (
                    self._graph.send_template(p["to"], template["name"], template["language"]) if template
                    else self._graph.send_text(p["to"], parts[index], reply_to=p.get("in_reply_to") if index == 0 else None)
                )
            except GraphError as exc:
                if self._retry_or_give_up(job, exc):
                    return _Retry(str(exc), exc.retry_after)
                log_event(
                    logger,
                    "whatsapp_send_failed",
                    level=logging.ERROR,
                    conversation_id=job.lane,
                    message_id=p.get("message_id"),
                    part=index + 1,
                    parts=len(parts),
                    error=str(exc),
                    attempts=job.attempts + 1,
                    note="the reply stays in the history",
                )
                if p.get("message_id"):
                    self._enqueue(
                        STATUS,
                        f"status:{uuid.uuid4()}",
                        "status",
                        {
                            "events": [
                                {
                                    "message_id": p["message_id"],
                                    "status": "failed",
                                    "timestamp": utc_iso(utc_now()),
                                    "error": (f"{exc.code}: " if exc.code else "") + exc.detail[:400],
                                }
                            ]
                        },
                    )
                return None
            p["sent"] = index + 1
            self.store.update_payload(job.job_id, p)  # a retry never sends a part twice
            log_event(
                logger,
                "whatsapp_sent",
                conversation_id=job.lane,
                message_id=p.get("message_id"),
                external_id=wamid,
                part=index + 1,
                parts=len(parts),
            )
            if index == 0 and p.get("message_id"):
                self._enqueue(
                    STATUS,
                    f"status:{uuid.uuid4()}",
                    "status",
                    {
                        "events": [
                            {
                                "message_id": p["message_id"],
                                "external_id": wamid,
                                "status": "sent",
                                "timestamp": utc_iso(utc_now()),
                            }
                        ]
                    },
                )
        return None

    async def _job_status(self, job: Job) -> _Retry | None:
        assert self._n8n is not None
        try:
            response = await self._n8n.post(self._settings.n8n_status_webhook_url, json=job.payload)
        except httpx.HTTPError as exc:
            return _Retry(f"{type(exc).__name__}: {exc}")
        if response.status_code != 200:
            return _Retry(f"http {response.status_code}")
        return None

    async def _job_inbound(self, job: Job) -> _Retry | None:
        assert self._graph is not None
        message = _message_from(job.payload)
        media = message.media
        assert media is not None
        voice = self._voice()
        if voice is None:
            self._notice(
                message,
                "Las notas de voz no están disponibles ahora mismo. Escríbeme tu consulta, por favor.",
            )
            return None
        try:
            info = await self._graph.media_info(media.id)
            if info.file_size is not None and info.file_size > self._settings.whatsapp_media_max_bytes:
                raise GraphError(
                    f"media is {info.file_size} bytes, limit {self._settings.whatsapp_media_max_bytes}",
                    413,
                    -1,
                )
            audio = await self._graph.download(info.url, max_bytes=self._settings.whatsapp_media_max_bytes)
        except GraphError as exc:
            if self._retry_or_give_up(job, exc):
                return _Retry(str(exc), exc.retry_after)
            log_event(
                logger,
                "whatsapp_media_failed",
                level=logging.ERROR,
                conversation_id=message.conversation_id,
                message_id=message.wamid,
                media_id=media.id,
                error=str(exc),
            )
            too_large = exc.code == -1
            self._notice(
                message,
                "La nota de voz es demasiado larga. Envía una más corta o escribe tu consulta, por favor."
                if too_large
                else MEDIA_FAILED_ES,
            )
            return None
        from gateway.speech.audio import AudioError

        try:
            await voice(
                conversation_id=message.conversation_id,
                channel=CHANNEL,
                sender=message.phone,
                message_id=message.wamid,
                audio=audio,
                content_type=info.mime_type or media.mime_type,
                sender_name=message.profile_name,
            )
        except AudioError as exc:
            log_event(
                logger,
                "whatsapp_voice_rejected",
                level=logging.WARNING,
                conversation_id=message.conversation_id,
                message_id=message.wamid,
                code=exc.code,
            )
            self._notice(message, exc.message_es)
        except MessageIdConflict:
            log_event(logger, "whatsapp_voice_conflict", level=logging.WARNING, message_id=message.wamid)
        return None

    def _notice(self, message: WaMessage, text: str) -> None:
        """A short message from the gateway itself (not the agent; not in the history)."""
        self._enqueue(
            SEND,
            f"notice:{message.wamid}",
            message.conversation_id,
            {
                "to": message.phone,
                "parts": [text],
                "sent": 0,
                "message_id": None,
                "in_reply_to": message.wamid,
            },
        )


class _Retry:
    __slots__ = ("error", "delay")

    def __init__(self, error: str, delay: float | None = None) -> None:
        self.error = error
        self.delay = delay


def _message_dict(message: WaMessage) -> dict[str, Any]:
    data = asdict(message)
    data["timestamp"] = message.timestamp.isoformat()
    return data


def _message_from(data: dict[str, Any]) -> WaMessage:
    fields = dict(data)
    fields["timestamp"] = datetime.fromisoformat(fields["timestamp"])
    media = fields.get("media")
    fields["media"] = MediaRef(**media) if isinstance(media, dict) else None
    return WaMessage(**fields)
