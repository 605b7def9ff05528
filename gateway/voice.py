"""Voice notes: one pipeline for every channel (web uploads and WhatsApp audio messages).

    audio bytes ─▶ SpeechService.transcribe (decode + Whisper/Vosk in its thread pool, never on the loop)
                ─▶ Intake.accept (the durable outbox, exactly like a typed message; text = the transcript,
                   metadata = {"voice": {...}})
                ─▶ `show(note)`: the calling channel's output side, if it shows a plumber their own note (the web
                   channel: a `message` event on every tab, "🎤 transcript"; WhatsApp shows the note itself)

A channel calls `runtime.voice.accept(...)` (`VoiceNotes.accept`) and gets a `VoiceNote` back, or an
`AudioError` whose `message_es` is what the plumber should read. Idempotent on the message id: a retried upload
or a redelivered WhatsApp webhook is answered from the outbox (no second transcription, no second message), and
two concurrent uploads of one id share one transcription.

The web chat's upload endpoint, `POST /api/voice`, is the web channel's (gateway/channels/web_voice.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from gateway.channels.base import InboundMessage, utc_now
from gateway.intake import Intake, MessageIdConflict
from gateway.logs import log_event
from gateway.speech.engines import Transcript
from gateway.speech.service import SpeechService

logger = logging.getLogger("gateway.voice")

# What a channel does with a note it accepted (its output side), or None.
ShowNote = Callable[["VoiceNote"], Awaitable[Any]]


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
        intake: Intake,
        *,
        ready: Callable[[], Awaitable[None]] | None = None,
        max_queued: int | None = None,
    ) -> None:
        """`intake`: the runtime's (gateway/intake.py). `ready`: awaited before
        transcribing (the model loads in the background at startup). `max_queued`: notes being transcribed or waiting at once before new ones get `busy` (default:
        4 per speech worker)."""
        self._speech = speech
        self._intake = intake
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
        show: ShowNote | None = None,
    ) -> VoiceNote:
        """Transcribe `audio` and hand the transcript to n8n like a typed message.

        `conversation_id` ("web:<browser id>", "wa:<digits>"), `channel` ("web", "whatsapp"), `sender` (the
        chat webhook's sender id), `sender_name` (its sender name, if the channel knows one), `message_id` (the channel's id: a browser UUID, a WhatsApp wamid;
        a repeat returns the stored note with created=False). `content_type` is a hint only (the container
        is recognised from the bytes). `show`: the channel's output side, called once when the note is new.

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
                    message_id=message_id, audio=audio, content_type=content_type or "", show=show,
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
        audio: bytes, content_type: str, show: ShowNote | None,
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
        accepted = self._intake.accept(message)  # may raise MessageIdConflict
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
        if accepted.created and show is not None:
            await show(note)
        return note

    def lookup(self, message_id: str, conversation_id: str) -> VoiceNote | None:
        """The note already accepted with this id (None if there is none); MessageIdConflict if the id
        belongs to another conversation."""
        row = self._intake.stored(message_id)
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
