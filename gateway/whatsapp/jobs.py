"""The WhatsApp channel's durable jobs: queued by `JobQueue`, each kind done by `WhatsAppJobs`.

Jobs live in `whatsapp.sqlite3` (gateway/whatsapp/store.py) and run on a `LaneRunner` (gateway/lanes.py): one
lane per conversation (its sends go out in order) and one lane for statuses.

- `send`: a reply or a notice, split into parts; parts are sent in order and the number sent is saved after
  each one, so a retry never sends a part twice. 429/5xx/network (and Meta's throttling codes) are retried
  with backoff or the server's Retry-After; other Graph errors (131047 outside the 24-hour window, a bad
  token...) are not: the failure is logged and, for a reply, reported to n8n as `failed`. The first part
  accepted by Graph is reported as `sent` with its wamid.
- `status`: delivery statuses posted to n8n's status webhook (contract §4b), retried until n8n stores them.
- `inbound`: a voice note: Graph media lookup and download (size-limited), then the shared voice pipeline;
  a download that cannot succeed, or audio the pipeline refuses, becomes a notice to the plumber.
A job that keeps crashing (a bug) is dropped after WHATSAPP_SEND_ATTEMPTS, except statuses.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from datetime import datetime
from typing import Any, Protocol

from gateway.channels.base import utc_iso, utc_now
from gateway.intake import MessageIdConflict
from gateway.lanes import Retry
from gateway.logs import log_event
from gateway.n8n import DeliveryOutcome
from gateway.settings import Settings
from gateway.speech.audio import AudioError
from gateway.whatsapp.graph import GraphClient, GraphError
from gateway.whatsapp.store import Job, WhatsAppStore
from gateway.whatsapp.webhook import MediaRef, WaMessage

CHANNEL = "whatsapp"
SEND, STATUS, INBOUND = "send", "status", "inbound"
STATUS_LANE = "status"

MEDIA_FAILED_ES = (
    "No he podido descargar tu nota de voz. ¿Puedes enviarla otra vez o escribir tu consulta, por favor?"
)
MEDIA_TOO_LARGE_ES = (
    "La nota de voz es demasiado larga. Envía una más corta o escribe tu consulta, por favor."
)
VOICE_UNAVAILABLE_ES = (
    "Las notas de voz no están disponibles ahora mismo. Escríbeme tu consulta, por favor."
)
_TOO_LARGE = -1  # GraphError.code of a note over WHATSAPP_MEDIA_MAX_BYTES (refused before downloading)

logger = logging.getLogger("gateway.whatsapp")

NewJob = tuple[str, str, str, dict[str, Any]]  # (job_id, kind, lane, payload), as WhatsAppStore takes it


def send_job(
    job_id: str, conversation_id: str, parts: list[str], *, message_id: str | None, in_reply_to: str | None,
) -> NewJob:
    """Parts to send to the conversation's phone; `message_id` is our reply's id (None for a notice)."""
    payload = {"to": conversation_id.partition(":")[2], "parts": parts, "sent": 0, "message_id": message_id,
               "in_reply_to": in_reply_to}
    return job_id, SEND, conversation_id, payload


def notice_job(key: str, conversation_id: str, in_reply_to: str | None, text: str) -> NewJob:
    """A short message from the gateway itself (not the agent, not in the history), once per `key`."""
    return send_job(key, conversation_id, [text], message_id=None, in_reply_to=in_reply_to)


def status_job(events: list[dict[str, Any]]) -> NewJob:
    return f"status:{uuid.uuid4()}", STATUS, STATUS_LANE, {"events": events}


def inbound_job(message: WaMessage) -> NewJob:
    data = asdict(message)
    data["timestamp"] = message.timestamp.isoformat()
    return f"in:{message.wamid}", INBOUND, message.conversation_id, data


def message_of(payload: dict[str, Any]) -> WaMessage:
    """The message an `inbound` job was made of (`inbound_job`)."""
    fields = dict(payload)
    fields["timestamp"] = datetime.fromisoformat(fields["timestamp"])
    media = fields.get("media")
    fields["media"] = MediaRef(**media) if isinstance(media, dict) else None
    return WaMessage(**fields)


class JobQueue:
    """Adds jobs to the store and wakes their lane (`wake`: the LaneRunner's `notify`)."""

    def __init__(
        self, store: WhatsAppStore, wake: Callable[[str], None], *, clock: Callable[[], float]
    ) -> None:
        self._store = store
        self._wake = wake
        self._clock = clock

    def add(self, job: NewJob) -> bool:
        """False when a job with this id is already queued (a retried callback)."""
        job_id, kind, lane, payload = job
        created = self._store.enqueue(job_id, kind, lane, payload, now=self._clock())
        log_event(
            logger, "whatsapp_job_queued" if created else "whatsapp_job_duplicate", level=logging.DEBUG,
            kind=kind, job_id=job_id, conversation_id=lane,
        )
        self._wake(lane)
        return created

    def add_once(self, key: str, kind: str, job: NewJob) -> bool:
        """Record `key` as seen and queue `job`, in one transaction; False (nothing queued): seen before."""
        if not self._store.mark_seen(key, kind, now=self._clock(), job=job):
            return False
        self._wake(job[2])
        return True


class StatusPoster(Protocol):
    """What the jobs need of n8n (gateway/n8n.py `N8nClient`)."""

    async def post_status(self, payload: dict[str, Any]) -> DeliveryOutcome: ...


class VoiceInput(Protocol):
    """The shared voice-note pipeline (gateway/voice.py `VoiceNotes`)."""

    def accept(
        self, *, conversation_id: str, channel: str, sender: str, message_id: str, audio: bytes,
        content_type: str | None, sender_name: str | None = None,
    ) -> Awaitable[Any]: ...


class WhatsAppJobs:
    """`run(job)` is the LaneRunner's work: does one job and settles it, or answers `Retry`."""

    def __init__(
        self,
        settings: Settings,
        store: WhatsAppStore,
        queue: JobQueue,
        graph: GraphClient,
        n8n: StatusPoster,
        voice: VoiceInput | None,
    ) -> None:
        self._settings = settings
        self._store = store
        self._queue = queue
        self._graph = graph
        self._n8n = n8n
        self._voice = voice

    async def run(self, job: Job) -> Retry | None:
        try:
            retry = await self._do(job)
        except Exception as exc:  # a bug must not kill the lane silently
            logger.exception("whatsapp_job_crashed", extra={"job_id": job.job_id, "kind": job.kind})
            retry = Retry(f"unexpected {type(exc).__name__}: {exc}")
            if job.kind != STATUS and job.attempts + 1 >= self._settings.whatsapp_send_attempts:
                log_event(
                    logger, "whatsapp_job_dropped", level=logging.ERROR, kind=job.kind, job_id=job.job_id,
                    conversation_id=job.lane, error=retry.error,
                )
                retry = None
        if retry is None:
            self._store.done(job.job_id)
            return None
        return Retry(retry.error, retry.delay, log={"kind": job.kind, "job_id": job.job_id})

    async def _do(self, job: Job) -> Retry | None:
        if job.kind == SEND:
            return await self._send(job)
        if job.kind == STATUS:
            return await self._status(job)
        if job.kind == INBOUND:
            return await self._inbound(job)
        log_event(logger, "whatsapp_job_unknown", level=logging.ERROR, kind=job.kind, job_id=job.job_id)
        return None

    def _retryable(self, job: Job, exc: GraphError) -> bool:
        return exc.retryable and job.attempts + 1 < self._settings.whatsapp_send_attempts

    async def _send(self, job: Job) -> Retry | None:
        p = dict(job.payload)
        parts: list[str] = p["parts"]
        template = p.get("template")
        while p["sent"] < len(parts):
            index = p["sent"]
            try:
                if template:
                    wamid = await self._graph.send_template(p["to"], template["name"], template["language"])
                else:
                    reply_to = p.get("in_reply_to") if index == 0 else None
                    wamid = await self._graph.send_text(p["to"], parts[index], reply_to=reply_to)
            except GraphError as exc:
                if self._retryable(job, exc):
                    return Retry(str(exc), exc.retry_after)
                log_event(
                    logger, "whatsapp_send_failed", level=logging.ERROR, conversation_id=job.lane,
                    message_id=p.get("message_id"), part=index + 1, parts=len(parts), error=str(exc),
                    attempts=job.attempts + 1, note="the reply stays in the history",
                )
                if p.get("message_id"):
                    error = (f"{exc.code}: " if exc.code else "") + exc.detail[:400]
                    self._report(p["message_id"], status="failed", error=error)
                return None
            p["sent"] = index + 1
            self._store.update_payload(job.job_id, p)  # a retry never sends a part twice
            log_event(
                logger, "whatsapp_sent", conversation_id=job.lane, message_id=p.get("message_id"),
                external_id=wamid, part=index + 1, parts=len(parts),
            )
            if index == 0 and p.get("message_id"):
                self._report(p["message_id"], status="sent", external_id=wamid)
        return None

    def _report(self, message_id: str, *, status: str, **fields: str) -> None:
        """Tell n8n what became of our reply (contract §4b), through the status lane."""
        event = {"message_id": message_id, **fields, "status": status, "timestamp": utc_iso(utc_now())}
        self._queue.add(status_job([event]))

    async def _status(self, job: Job) -> Retry | None:
        outcome = await self._n8n.post_status(job.payload)
        return None if outcome.delivered else Retry(outcome.detail)

    async def _inbound(self, job: Job) -> Retry | None:
        message = message_of(job.payload)
        media = message.media
        assert media is not None
        if self._voice is None:
            self._notice(message, VOICE_UNAVAILABLE_ES)
            return None
        limit = self._settings.whatsapp_media_max_bytes
        try:
            info = await self._graph.media_info(media.id)
            if info.file_size is not None and info.file_size > limit:
                raise GraphError(f"media is {info.file_size} bytes, limit {limit}", 413, _TOO_LARGE)
            audio = await self._graph.download(info.url, max_bytes=limit)
        except GraphError as exc:
            if self._retryable(job, exc):
                return Retry(str(exc), exc.retry_after)
            log_event(
                logger, "whatsapp_media_failed", level=logging.ERROR, conversation_id=message.conversation_id,
                message_id=message.wamid, media_id=media.id, error=str(exc),
            )
            self._notice(message, MEDIA_TOO_LARGE_ES if exc.code == _TOO_LARGE else MEDIA_FAILED_ES)
            return None
        try:
            await self._voice.accept(
                conversation_id=message.conversation_id, channel=CHANNEL, sender=message.phone,
                message_id=message.wamid, audio=audio, content_type=info.mime_type or media.mime_type,
                sender_name=message.profile_name,
            )
        except AudioError as exc:
            log_event(
                logger, "whatsapp_voice_rejected", level=logging.WARNING,
                conversation_id=message.conversation_id, message_id=message.wamid, code=exc.code,
            )
            self._notice(message, exc.message_es)
        except MessageIdConflict:
            log_event(logger, "whatsapp_voice_conflict", level=logging.WARNING, message_id=message.wamid)
        return None

    def _notice(self, message: WaMessage, text: str) -> None:
        self._queue.add(notice_job(f"notice:{message.wamid}", message.conversation_id, message.wamid, text))
