"""The web channel's voice-note upload, `POST /api/voice?conversation=<browser id>&id=<uuid>` (docs/contracts.md
§1b), body: the raw recording. Registered by `WebChannel.blueprint()`, which owns the conversation id rule;
the note goes through the voice pipeline shared with WhatsApp (gateway/voice.py).

Rate limit per conversation: `rate_burst` notes at once, then one every 1/`rate_per_second` seconds (default 6,
then one per 5 s). Retries of an already accepted id are free. Then the abuse limits of the client's address
(gateway/limits.py), all before the body is read: uploads at once (per address and overall), bytes being
buffered overall, the address's message budget and its messages waiting for an answer.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from quart import Request, request
from werkzeug.exceptions import RequestEntityTooLarge

from gateway.intake import MessageIdConflict
from gateway.limits import Limits, Refusal, Upload
from gateway.logs import conversation_ref, log_event
from gateway.message_ids import CLIENT_ID
from gateway.ratelimit import KeyedBuckets
from gateway.speech.audio import AudioError
from gateway.voice import VoiceNote, VoiceNotes

UPLOAD_PATH = "/api/voice"

logger = logging.getLogger("gateway.voice")

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

# The upload endpoint's own limits, as `limit_refused` log lines (gateway/limits.py) name them.
_VOICE_RATE = Refusal("rate_limited", 429, "voice notes per conversation (6, then 1 per 5 s)", 6, 5,
                      ERRORS_ES["rate_limited"])

Answer = tuple[dict[str, Any], int] | tuple[dict[str, Any], int, dict[str, str]]


def _error(code: str, status: int, message: str | None = None) -> tuple[dict[str, Any], int]:
    return {"error": {"code": code, "message": message or ERRORS_ES[code]}}, status


def _refused(refusal: Refusal) -> tuple[dict[str, Any], int, dict[str, str]]:
    """An abuse limit (gateway/limits.py) refused the upload before its body was read."""
    return refusal.http_body(), refusal.status, {"Retry-After": str(refusal.retry_after)}


class VoiceUpload:
    """The upload route's work: limits, the body read as a stream, the shared pipeline, the JSON answer."""

    def __init__(
        self, voice: VoiceNotes, limits: Limits, *, max_bytes: int, queued: int,
        show: Callable[[VoiceNote], Awaitable[Any]], rate_burst: int = 6, rate_per_second: float = 0.2,
    ) -> None:
        """`queued`: the notes the pipeline takes at once before `busy` (VoiceNotes' default, 4 per speech
        worker); `show`: the web channel's output side for an accepted note (every tab of the conversation)."""
        self._voice = voice
        self._limits = limits
        self._max_bytes = max_bytes
        self._show = show
        self._buckets = KeyedBuckets(burst=rate_burst, rate=rate_per_second, size=10_000)
        self._busy = Refusal("busy", 503, f"voice notes queued ({queued}: 4 per SPEECH_WORKERS)", queued, 5,
                             ERRORS_ES["busy"])

    async def receive(self, conversation_id: str | None) -> Answer:
        """Serve the current request; `conversation_id` is None when the page's browser id is not valid."""
        message_id = request.args.get("id", "")
        if conversation_id is None or not CLIENT_ID.fullmatch(message_id):
            return _error("invalid_request", 400)
        voice, limits = self._voice, self._limits
        address = limits.address_key(request.scope, request.headers)
        audio = b""
        upload: Upload | None = None
        try:
            known = voice.lookup(message_id, conversation_id)
            if known is None:
                # Limits before reading the body: a retry of an accepted id is free, and one of an id being
                # transcribed costs only its upload slot (it waits for the same transcription).
                retry = voice.in_progress(message_id)
                if not retry:
                    if not self._buckets.allow(conversation_id):
                        limits.log.refused(_VOICE_RATE, address, conversation_id=conversation_id)
                        return _error("rate_limited", 429)
                    if voice.busy:
                        limits.log.refused(self._busy, address, per_address=False)
                        return _error("busy", 503)
                if request.content_length is not None and request.content_length > self._max_bytes:
                    return _too_large()
                started = limits.begin_upload(address, request.content_length, self._max_bytes)
                if isinstance(started, Refusal):
                    return _refused(started)
                upload = started
                if not retry and (refusal := limits.message_refusal(address)) is not None:
                    return _refused(refusal)
                try:
                    audio = await _read_body(self._max_bytes)
                except RequestEntityTooLarge:
                    return _too_large()
            note = known or await voice.accept(
                conversation_id=conversation_id, channel="web", sender=conversation_id,
                message_id=message_id, audio=audio, content_type=request.headers.get("Content-Type", ""),
                show=self._show,
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
