"""Voice notes: one pipeline for every channel (web uploads and WhatsApp audio messages).

    audio bytes ─▶ SpeechService.transcribe (decode + Whisper/Vosk in its thread pool, never on the loop)
                ─▶ Intake.accept (the durable outbox, exactly like a typed message; text = the transcript,
                   metadata = {"voice": {...}})
                ─▶ a `message` event to the conversation's sockets (every tab shows "🎤 transcript")

A channel calls `runtime.voice.accept(...)` (`VoiceNotes.accept`) and gets a `VoiceNote` back, or an
`AudioError` whose `message_es` is what the plumber should read. Idempotent on the message id: a retried upload or a redelivered WhatsApp webhook is answered from the outbox (no second
transcription, no second message), and two concurrent uploads of one id share one transcription.

This module also serves the web chat's upload endpoint, `POST /api/voice` (docs/contracts.md §1b).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quart import Blueprint, Request, request
from werkzeug.exceptions import RequestEntityTooLarge

from gateway.channels.base import InboundMessage, utc_now
from gateway.hub import Hub
from gateway.intake import Intake, MessageIdConflict
from gateway.limits import Refusal, Upload
from gateway.logs import conversation_ref, log_event
from gateway.message_ids import CLIENT_ID
from gateway.outbox import Outbox
from gateway.ratelimit import TokenBucket
from gateway.speech.audio import AudioError
from gateway.speech.engines import Transcript
from gateway.speech.service import SpeechService

if TYPE_CHECKING:
    from gateway.app import Runtime

logger = logging.getLogger("gateway.voice")

# The browser's ids, as for WebSocket frames: no colon, no dot, so never a system id (`estimate-decision:…`) nor
# a WhatsApp wamid (gateway/message_ids.py). WhatsApp's own notes come in through runtime.voice.accept.
MESSAGE_ID = CLIENT_ID
BROWSER_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")

# HTTP status per AudioError code (everything else: 422, the audio itself is the problem).
_STATUS = {"too_large": 413, "unavailable": 503, "timeout": 503, "failed": 500}

ERRORS_ES = {
    "invalid_request": "No se ha podido enviar la nota de voz (petición no válida). Recarga la página e "
    "inténtalo de nuevo.",
    "rate_limited": "Estás enviando notas de voz demasiado deprisa. Espera unos segundos y vuelve a "
    "intentarlo.",
    "busy": "Ahora mismo hay muchas notas de voz en cola. Espera un momento y vuelve a intentarlo, o escribe "
    "tu consulta.",
    "conflict": "No se ha podido enviar la nota de voz. Recarga la página e inténtalo de nuevo.",
    "internal_error": "No se ha podido guardar la nota de voz. Vuelve a intentarlo en unos segundos.",
}


@dataclass(frozen=True)
class VoiceNote:
    """A voice note accepted into the outbox (or found there: `created` is False for a repeat)."""

    message_id: str
    conversation_id: str
    transcript: Transcript
    timestamp: str  # ISO-8601 UTC of acceptance, as in the `accepted` event
    content_type: str
    created: bool

    @property
    def text(self) -> str:
        return self.transcript.text

    @property
    def display_text(self) -> str:
        return self.transcript.display_text

    @property
    def duration_s(self) -> float:
        return self.transcript.duration_s


def voice_metadata(transcript: Transcript, content_type: str) -> dict[str, Any]:
    """The chat webhook's `metadata` for a voice note (docs/contracts.md §2)."""
    return {
        "voice": {
            "duration_s": round(transcript.duration_s, 2),
            "engine": transcript.engine,
            "model": transcript.model,
            "language": transcript.language,
            "content_type": content_type,
        }
    }


class VoiceNotes:
    """The voice-note pipeline shared by the channels. Holds only references; the runtime owns them."""

    def __init__(
        self,
        speech: SpeechService,
        intake: Callable[[], Intake],
        outbox: Callable[[], Outbox],
        hub: Hub,
        *,
        ready: Callable[[], Awaitable[None]] | None = None,
        max_queued: int | None = None,
    ) -> None:
        """`ready`: awaited before transcribing (the model loads in the background at startup).
        `max_queued`: notes being transcribed or waiting at once before new ones get `busy` (default:
        4 per speech worker)."""
        self._speech = speech
        self._intake = intake
        self._outbox = outbox
        self._hub = hub
        self._ready = ready
        self._max_queued = max_queued if max_queued is not None else 4 * speech.settings.workers
        self._running: dict[str, asyncio.Task[VoiceNote]] = {}

    def in_progress(self, message_id: str) -> bool:
        """A note with this id is being transcribed right now."""
        return message_id in self._running

    @property
    def busy(self) -> bool:
        return len(self._running) >= self._max_queued

    async def accept(
        self,
        *,
        conversation_id: str,
        channel: str,
        sender: str,
        message_id: str,
        audio: bytes,
        content_type: str | None,
        sender_name: str | None = None,
    ) -> VoiceNote:
        """Transcribe `audio` and hand the transcript to n8n like a typed message.

        `conversation_id` ("web:<browser id>", "wa:<digits>"), `channel` ("web", "whatsapp"), `sender` (the
        chat webhook's sender id), `sender_name` (its sender name, if the channel knows one), `message_id` (the channel's id: a browser UUID, a WhatsApp wamid;
        a repeat returns the stored note with created=False). `content_type` is a hint only (the container
        is recognised from the bytes).

        Raises AudioError (show `message_es` to the plumber; nothing was stored) or MessageIdConflict (the
        id belongs to another conversation). Never blocks the event loop.
        """
        stored = self.lookup(message_id, conversation_id)
        if stored is not None:
            return stored
        running = self._running.get(message_id)
        if running is None:
            running = asyncio.ensure_future(
                self._transcribe_and_accept(
                    conversation_id=conversation_id, channel=channel, sender=sender, sender_name=sender_name,
                    message_id=message_id, audio=audio, content_type=content_type or "",
                )
            )
            self._running[message_id] = running
            running.add_done_callback(lambda _t: self._running.pop(message_id, None))
        note = await asyncio.shield(running)  # a client that gives up does not cancel the shared job
        if note.conversation_id != conversation_id:
            raise MessageIdConflict(message_id)
        return note

    async def _transcribe_and_accept(
        self, *, conversation_id: str, channel: str, sender: str, sender_name: str | None, message_id: str,
        audio: bytes, content_type: str,
    ) -> VoiceNote:
        if self._ready is not None:
            await self._ready()
        transcript = await self._speech.transcribe(audio, content_type or None)
        message = InboundMessage(
            conversation_id=conversation_id,
            message_id=message_id,
            channel=channel,
            sender_id=sender,
            sender_name=sender_name,
            text=transcript.text,
            timestamp=utc_now(),
            metadata=voice_metadata(transcript, content_type),
        )
        accepted = self._intake().accept(message)  # may raise MessageIdConflict
        row = accepted.row
        note = VoiceNote(
            message_id=row.message_id, conversation_id=row.conversation_id, transcript=transcript,
            timestamp=row.timestamp, content_type=content_type, created=accepted.created,
        )
        log_event(
            logger, "voice_note_accepted", conversation_id=conversation_id, message_id=message_id,
            channel=channel, duration_s=round(transcript.duration_s, 2),
            processing_s=round(transcript.processing_s, 2), engine=transcript.engine, bytes=len(audio),
        )
        if accepted.created:
            await self._hub.publish(conversation_id, message_event(note))
        return note

    def lookup(self, message_id: str, conversation_id: str) -> VoiceNote | None:
        """The note already accepted with this id (None if there is none); MessageIdConflict if the id
        belongs to another conversation."""
        row = self._outbox().get(message_id)
        if row is None:
            return None
        if row.conversation_id != conversation_id:
            raise MessageIdConflict(message_id)
        voice = (row.payload.get("metadata") or {}).get("voice") or {}
        transcript = Transcript(
            text=row.text,
            language=str(voice.get("language", "")),
            duration_s=float(voice.get("duration_s", 0.0)),
            engine=str(voice.get("engine", "")),
            model=str(voice.get("model", "")),
        )
        return VoiceNote(
            message_id=row.message_id, conversation_id=row.conversation_id, transcript=transcript,
            timestamp=row.timestamp, content_type=str(voice.get("content_type", "")), created=False,
        )


def message_event(note: VoiceNote) -> dict[str, Any]:
    """The `message` event pushed to every socket of the conversation (docs/contracts.md §1)."""
    return {
        "type": "message",
        "id": note.message_id,
        "role": "user",
        "text": note.text,
        "display_text": note.display_text,
        "timestamp": note.timestamp,
        "voice": {"duration_s": round(note.duration_s, 2)},
    }


# ----- the web chat's upload endpoint ---------------------------------------------------------------------
class _Buckets:
    """One token bucket per conversation, the least recently used dropped beyond `size`."""

    def __init__(self, *, burst: int, rate: float, size: int = 10_000) -> None:
        self._burst, self._rate, self._size = burst, rate, size
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def allow(self, key: str) -> bool:
        bucket = self._buckets.pop(key, None) or TokenBucket(burst=self._burst, rate=self._rate)
        self._buckets[key] = bucket
        while len(self._buckets) > self._size:
            self._buckets.popitem(last=False)
        return bucket.allow()


def _error(code: str, status: int, message: str | None = None) -> tuple[dict[str, Any], int]:
    return {"error": {"code": code, "message": message or ERRORS_ES[code]}}, status


# The upload endpoint's own limits, as `limit_refused` log lines (gateway/limits.py) name them.
_VOICE_RATE = Refusal("rate_limited", 429, "voice notes per conversation (6, then 1 per 5 s)", 6, 5,
                      ERRORS_ES["rate_limited"])


def _refused(refusal: Refusal) -> tuple[dict[str, Any], int, dict[str, str]]:
    """An abuse limit (gateway/limits.py) refused the upload before its body was read."""
    return refusal.http_body(), refusal.status, {"Retry-After": str(refusal.retry_after)}


def web_voice_blueprint(
    runtime: Runtime, *, rate_burst: int = 6, rate_per_second: float = 0.2
) -> Blueprint:
    """`POST /api/voice?conversation=<browser id>&id=<uuid>`, body: the raw recording.

    Rate limit per conversation: `rate_burst` notes at once, then one every 1/`rate_per_second` seconds
    (default 6, then one per 5 s). Retries of an already accepted id are free. Then the abuse limits of the
    client's address (gateway/limits.py), all before the body is read: uploads at once (per address and
    overall), bytes being buffered overall, the address's message budget and its messages waiting for an answer.
    """
    bp = Blueprint("voice", __name__)
    buckets = _Buckets(burst=rate_burst, rate=rate_per_second)
    queued = 4 * runtime.settings.speech.workers  # VoiceNotes' default
    voice_busy = Refusal("busy", 503, f"voice notes queued ({queued}: 4 per SPEECH_WORKERS)", queued, 5,
                         ERRORS_ES["busy"])

    @bp.post(UPLOAD_PATH)
    async def upload_voice() -> tuple[dict[str, Any], int] | tuple[dict[str, Any], int, dict[str, str]]:
        browser_id = request.args.get("conversation", "")
        message_id = request.args.get("id", "")
        if not BROWSER_ID.fullmatch(browser_id) or not MESSAGE_ID.fullmatch(message_id):
            return _error("invalid_request", 400)
        conversation_id = f"web:{browser_id}"
        voice = runtime.voice
        limits = runtime.limits
        address = limits.address_key(request.scope, request.headers)
        max_bytes = runtime.settings.speech.max_bytes
        audio = b""
        upload: Upload | None = None
        try:
            known = voice.lookup(message_id, conversation_id)
            if known is None:
                # Limits before reading the body: a retry of an accepted id is free, and one of an id being
                # transcribed costs only its upload slot (it waits for the same transcription).
                retry = voice.in_progress(message_id)
                if not retry:
                    if not buckets.allow(conversation_id):
                        limits.log.refused(_VOICE_RATE, address, conversation_id=conversation_id)
                        return _error("rate_limited", 429)
                    if voice.busy:
                        limits.log.refused(voice_busy, address, per_address=False)
                        return _error("busy", 503)
                if request.content_length is not None and request.content_length > max_bytes:
                    return _too_large()
                started = limits.begin_upload(address, request.content_length, max_bytes)
                if isinstance(started, Refusal):
                    return _refused(started)
                upload = started
                if not retry and (refusal := limits.message_refusal(address)) is not None:
                    return _refused(refusal)
                try:
                    audio = await _read_body(max_bytes)
                except RequestEntityTooLarge:
                    return _too_large()
            note = known or await voice.accept(
                conversation_id=conversation_id, channel="web", sender=conversation_id,
                message_id=message_id, audio=audio, content_type=request.headers.get("Content-Type", ""),
            )
            if note.created:
                limits.accepted(address, note.message_id, conversation_id)
        except AudioError as exc:
            log_event(
                logger, "voice_note_refused", level=logging.INFO, conversation_id=conversation_id,
                message_id=message_id, code=exc.code, detail=exc.detail, bytes=len(audio),
            )
            return _error(exc.code, _STATUS.get(exc.code, 422), exc.message_es)
        except MessageIdConflict:
            return _error("conflict", 409)
        except Exception:  # e.g. the disk is full: nothing stored, the page may retry with the same id
            logger.exception("voice_note_failed", extra={"conversation_ref": conversation_ref(conversation_id)})
            return _error("internal_error", 500)
        finally:
            if upload is not None:
                limits.end_upload(upload)
        return {
            "id": note.message_id,
            "text": note.text,
            "display_text": note.display_text,
            "duration_s": round(note.duration_s, 2),
            "timestamp": note.timestamp,
            "duplicate": not note.created,
        }, 200

    return bp


UPLOAD_PATH = "/api/voice"


def voice_request_class(max_bytes: int) -> type[Request]:
    """Quart's Request whose body limit is `max_bytes` on the upload path (MAX_CONTENT_LENGTH elsewhere).

    A bigger body is not buffered: the route reads it as a stream and stops at the limit."""

    class VoiceUploadRequest(Request):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if self.path == UPLOAD_PATH and self.method == "POST":
                self.body = self.body_class(None, max_bytes + 1)  # the route's own check comes first

    return VoiceUploadRequest


def _too_large() -> tuple[dict[str, Any], int]:
    err = AudioError("too_large")
    return _error(err.code, 413, err.message_es)


async def _read_body(max_bytes: int) -> bytes:
    """The request body, refusing more than `max_bytes` even without a Content-Length (chunked)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.body:
        size += len(chunk)
        if size > max_bytes:
            raise RequestEntityTooLarge()
        chunks.append(chunk)
    return b"".join(chunks)

