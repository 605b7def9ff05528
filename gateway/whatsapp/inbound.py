"""What the WhatsApp channel does with a verified webhook body: only SQLite writes, so Meta gets its 200 fast.

Per message (parsed by gateway/whatsapp/webhook.py):
- text and interactive/button replies go straight into the intake/outbox (like a web message; channel
  "whatsapp", conversation "wa:<phone>", message id = wamid, sender {id: phone, name: profile name});
- voice notes/audio become an `inbound` job (download from Graph, then the shared voice pipeline);
- image/document/video/sticker: the caption (if any) goes to n8n as the message text with the media reference
  in `metadata.whatsapp.media`; without one n8n stores a short description and does not answer
  (`metadata.store_only`). The plumber gets a polite note that only text and voice are understood. Location,
  contacts, unknown types: the same; reactions and system notices: nothing at all.
- `statuses[]` become one `status` job for n8n's status webhook (contract §4b).
Every wamid is recorded in the store's `seen` table, so a redelivery is recognised even after the outbox row
was delivered and pruned, or after a restart. An accepted message is marked read (blue ticks + typing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from gateway.channels.base import InboundMessage, utc_iso, utc_now
from gateway.intake import Intake, MessageIdConflict
from gateway.logs import log_event
from gateway.whatsapp.jobs import CHANNEL, JobQueue, inbound_job, notice_job, status_job
from gateway.whatsapp.store import WhatsAppStore
from gateway.whatsapp.webhook import AUDIO, IGNORED, INTERACTIVE, MEDIA, TEXT, WaMessage, WaStatus, parse_body

logger = logging.getLogger("gateway.whatsapp")

NOT_SUPPORTED_ES = (
    "Por ahora solo entiendo mensajes de texto y notas de voz. Escríbeme tu consulta o mándame una nota "
    "de voz, por favor."
)
MEDIA_WITH_CAPTION_ES = (
    "Todavía no puedo ver imágenes ni documentos; respondo solo al texto que los acompaña. Si hace falta, "
    "descríbeme lo que se ve."
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
    unknown = f"[Mensaje de WhatsApp de tipo {message.type or 'desconocido'}]"
    return _DESCRIPTIONS_ES.get(message.type, unknown)


class WhatsAppInbound:
    """`handle_body(body)`: acts on a verified webhook body and returns the counts for the answer."""

    def __init__(
        self,
        store: WhatsAppStore,
        queue: JobQueue,
        intake: Intake,
        *,
        mark_read: Callable[[str, str], None],
        max_message_chars: int,
        clock: Callable[[], float],
    ) -> None:
        self._store = store
        self._queue = queue
        self._intake = intake
        self._mark_read = mark_read  # (wamid, conversation_id): blue ticks + typing, best effort
        self._max_chars = max_message_chars
        self._clock = clock

    def handle_body(self, body: bytes) -> dict[str, int]:
        batch = parse_body(body)
        accepted = duplicates = 0
        for message in batch.messages:
            if self._accept(message):
                accepted += 1
            else:
                duplicates += 1
        if batch.statuses:
            self._queue.add(status_job([_status_event(status) for status in batch.statuses]))
        if batch.skipped:
            log_event(logger, "whatsapp_webhook_skipped", level=logging.WARNING, skipped=batch.skipped)
        log_event(
            logger, "whatsapp_webhook", level=logging.DEBUG, messages=len(batch.messages), accepted=accepted,
            duplicates=duplicates, statuses=len(batch.statuses),
        )
        return {"accepted": accepted, "duplicates": duplicates, "statuses": len(batch.statuses)}

    def _accept(self, message: WaMessage) -> bool:
        """Act on one message; False for a redelivery (or an id that belongs to another conversation)."""
        if self._store.is_seen(message.wamid):
            log_event(logger, "whatsapp_redelivery", conversation_id=message.conversation_id,
                      message_id=message.wamid)
            return False
        if message.kind in (TEXT, INTERACTIVE):
            return self._accept_text(message)
        if message.kind == IGNORED:
            self._store.mark_seen(message.wamid, message.kind, now=self._clock())
            log_event(
                logger, "whatsapp_ignored_message", conversation_id=message.conversation_id,
                message_id=message.wamid, type=message.type,
            )
            return True
        if message.kind == AUDIO:
            if not self._queue.add_once(message.wamid, message.kind, inbound_job(message)):
                return False
            self._mark_read(message.wamid, message.conversation_id)
            return True
        return self._accept_unreadable(message)

    def _accept_text(self, message: WaMessage) -> bool:
        metadata: dict[str, Any] = {"whatsapp": {"type": message.type}}
        if message.reply_id:
            metadata["whatsapp"]["reply_id"] = message.reply_id
        if message.context_id:
            metadata["whatsapp"]["context_id"] = message.context_id
        created = self._to_intake(message, message.text[: self._max_chars], metadata)
        self._store.mark_seen(message.wamid, message.kind, now=self._clock())
        if created:
            self._mark_read(message.wamid, message.conversation_id)
        return created

    def _accept_unreadable(self, message: WaMessage) -> bool:
        """Media and everything else: a polite note from the gateway. The message is kept all the same: a
        caption is a question for the agent; without one, n8n stores a short description and does not
        answer (metadata.store_only; docs/contracts.md §2)."""
        caption = message.media.caption if message.kind == MEDIA and message.media else None
        metadata: dict[str, Any] = {"whatsapp": {"type": message.type}}
        if message.media:
            metadata["whatsapp"]["media"] = message.media.as_dict()
        if caption:
            self._to_intake(message, caption[: self._max_chars], metadata)
        else:
            self._to_intake(message, described(message), {**metadata, "store_only": True})
        notice = MEDIA_WITH_CAPTION_ES if caption else NOT_SUPPORTED_ES
        job = notice_job(f"notice:{message.wamid}", message.conversation_id, message.wamid, notice)
        if not self._queue.add_once(message.wamid, message.kind, job):
            return False
        log_event(
            logger, "whatsapp_unsupported_message", conversation_id=message.conversation_id,
            message_id=message.wamid, type=message.type, media_id=message.media.id if message.media else None,
            forwarded_caption=bool(caption),
        )
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
            return self._intake.accept(inbound).created
        except MessageIdConflict:
            return False


def _status_event(status: WaStatus) -> dict[str, Any]:
    event: dict[str, Any] = {
        "external_id": status.wamid, "status": status.status, "timestamp": utc_iso(status.timestamp)
    }
    if status.error:
        event["error"] = status.error
        log_event(logger, "whatsapp_status_failed", level=logging.WARNING, external_id=status.wamid,
                  error=status.error)
    return event
