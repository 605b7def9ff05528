"""Parsing and validation of browser -> gateway WebSocket frames (docs/contracts.md section 1).

`parse_frame()` returns a typed frame or raises `FrameError`, which carries the machine code and the
Spanish text the plumber sees. It never raises anything else, whatever the input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from gateway.estimate_card import INTENT_ESTIMATE
from gateway.message_ids import CLIENT_ID

ID_PATTERN = CLIENT_ID  # never a colon: ids with one are the system's (gateway/message_ids.py)

MESSAGES_ES = {
    "invalid_json": "No se pudo leer el mensaje (formato incorrecto).",
    "invalid_frame": "Mensaje con formato no válido.",
    "empty_message": "El mensaje está vacío.",
    "message_too_long": "El mensaje es demasiado largo (máximo {max_chars} caracteres).",
    "frame_too_large": "El mensaje es demasiado grande.",
    "rate_limited": "Estás enviando mensajes demasiado rápido. Espera unos segundos.",
    "history_unavailable": "No se pudo cargar el historial. Se reintentará en unos segundos.",
    "internal_error": "Error interno del servidor. Tu mensaje se reenviará automáticamente.",
}


class FrameError(Exception):
    def __init__(self, code: str, message: str, *, message_id: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.message = message
        self.message_id = message_id

    def event(self) -> dict[str, str]:
        event = {"type": "error", "code": self.code, "message": self.message}
        if self.message_id is not None:
            event["id"] = self.message_id
        return event


def error_event(code: str, *, message_id: str | None = None, **fmt: object) -> dict[str, str]:
    return FrameError(code, MESSAGES_ES[code].format(**fmt), message_id=message_id).event()


# Values of a message frame's optional `intent`: what the plumber asked for with a button (sent to n8n as
# metadata.intent). Only "estimate" ("Pedir presupuesto") exists.
INTENTS = frozenset({INTENT_ESTIMATE})


@dataclass(frozen=True)
class MessageFrame:
    id: str
    text: str
    intent: str | None = None


@dataclass(frozen=True)
class HistoryFrame:
    pass


@dataclass(frozen=True)
class PingFrame:
    pass


Frame = MessageFrame | HistoryFrame | PingFrame


def parse_frame(raw: str | bytes | None, *, max_frame_bytes: int, max_message_chars: int) -> Frame:
    if raw is None:  # an empty binary frame reaches the app as None
        raise _error("invalid_frame")
    if isinstance(raw, bytes):
        if len(raw) > max_frame_bytes:
            raise _error("frame_too_large")
        raise _error("invalid_frame")
    if len(raw) * 4 > max_frame_bytes and len(raw.encode("utf-8", "surrogatepass")) > max_frame_bytes:
        raise _error("frame_too_large")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise _error("invalid_json") from None
    if not isinstance(data, dict):
        raise _error("invalid_frame")
    kind = data.get("type")
    if kind == "ping":
        return PingFrame()
    if kind == "history":
        return HistoryFrame()
    if kind != "message":
        raise _error("invalid_frame")
    message_id = data.get("id")
    if not isinstance(message_id, str) or not ID_PATTERN.fullmatch(message_id):
        raise _error("invalid_frame")
    text = data.get("text")
    if not isinstance(text, str):
        raise _error("invalid_frame", message_id)
    intent = data.get("intent")
    if intent is not None and (not isinstance(intent, str) or intent not in INTENTS):
        raise _error("invalid_frame", message_id)
    # Postgres text cannot hold NUL; lone surrogates cannot be encoded as UTF-8 anywhere downstream.
    text = text.replace("\x00", "").strip()
    if not _is_utf8_encodable(text):
        raise _error("invalid_frame", message_id)
    if not text:
        raise _error("empty_message", message_id)
    if len(text) > max_message_chars:
        raise FrameError(
            "message_too_long",
            MESSAGES_ES["message_too_long"].format(max_chars=max_message_chars),
            message_id=message_id,
        )
    return MessageFrame(id=message_id, text=text, intent=intent)


def _error(code: str, message_id: str | None = None) -> FrameError:
    return FrameError(code, MESSAGES_ES[code], message_id=message_id)


def _is_utf8_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
