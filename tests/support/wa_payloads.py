"""Realistic WhatsApp Cloud API webhook bodies (shapes as Meta documents them) and their signature."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

WABA_ID = "102290129340398"
PHONE_NUMBER_ID = "106540352242922"
DISPLAY_PHONE = "15550783881"
PLUMBER = "5215512345678"
PLUMBER_NAME = "Juan Fontanero"


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def envelope(value: dict[str, Any], *, field: str = "messages") -> dict[str, Any]:
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": WABA_ID,
                "changes": [
                    {
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": DISPLAY_PHONE,
                                "phone_number_id": PHONE_NUMBER_ID,
                            },
                            **value,
                        },
                        "field": field,
                    }
                ],
            }
        ],
    }


def contact(phone: str = PLUMBER, name: str = PLUMBER_NAME) -> dict[str, Any]:
    return {"profile": {"name": name}, "wa_id": phone}


def text_message(wamid: str, body: str, *, phone: str = PLUMBER, ts: str = "1763892000") -> dict[str, Any]:
    return {"from": phone, "id": wamid, "timestamp": ts, "text": {"body": body}, "type": "text"}


def voice_message(wamid: str, media_id: str = "1037543291543636", *, phone: str = PLUMBER) -> dict[str, Any]:
    return {
        "from": phone,
        "id": wamid,
        "timestamp": "1763892001",
        "type": "audio",
        "audio": {
            "mime_type": "audio/ogg; codecs=opus",
            "sha256": "rW0xfIwRWSDiAe/4Nl8ClR0i0pxVDUBJd/bAB4Yk2ZM=",
            "id": media_id,
            "voice": True,
        },
    }


def image_message(wamid: str, caption: str | None = None, *, phone: str = PLUMBER) -> dict[str, Any]:
    image: dict[str, Any] = {
        "mime_type": "image/jpeg",
        "sha256": "Kp5fX8Q6Yd3G0Qm0yYbq7Bf3k1j2gk5Yb0pX9aM3vXw=",
        "id": "2754859441498128",
    }
    if caption is not None:
        image["caption"] = caption
    return {"from": phone, "id": wamid, "timestamp": "1763892002", "type": "image", "image": image}


def document_message(wamid: str, *, phone: str = PLUMBER) -> dict[str, Any]:
    return {
        "from": phone,
        "id": wamid,
        "timestamp": "1763892003",
        "type": "document",
        "document": {
            "filename": "presupuesto.pdf",
            "mime_type": "application/pdf",
            "sha256": "QmFzZTY0U0hBMjU2",
            "id": "1563474171081736",
        },
    }


def button_reply(wamid: str, *, phone: str = PLUMBER) -> dict[str, Any]:
    return {
        "context": {"from": DISPLAY_PHONE, "id": "wamid.HBgNNTIxNTUxMjM0NTY3OBUCABEYEjdBQkM="},
        "from": phone,
        "id": wamid,
        "timestamp": "1763892004",
        "type": "interactive",
        "interactive": {"type": "button_reply", "button_reply": {"id": "fuga-si", "title": "Sí, hay fuga"}},
    }


def list_reply(wamid: str, *, phone: str = PLUMBER) -> dict[str, Any]:
    return {
        "from": phone,
        "id": wamid,
        "timestamp": "1763892005",
        "type": "interactive",
        "interactive": {
            "type": "list_reply",
            "list_reply": {"id": "calentador", "title": "Calentador", "description": "Boiler de gas"},
        },
    }


def template_button(wamid: str, *, phone: str = PLUMBER) -> dict[str, Any]:
    return {
        "context": {"from": DISPLAY_PHONE, "id": "wamid.HBgNNTIxNTUxMjM0NTY3OBUCABEYEjdBQkQ="},
        "from": phone,
        "id": wamid,
        "timestamp": "1763892006",
        "type": "button",
        "button": {"payload": "SEGUIR", "text": "Seguir con la consulta"},
    }


def location_message(wamid: str, *, phone: str = PLUMBER) -> dict[str, Any]:
    return {
        "from": phone,
        "id": wamid,
        "timestamp": "1763892007",
        "type": "location",
        "location": {"latitude": 19.4326, "longitude": -99.1332, "name": "Obra"},
    }


def reaction_message(wamid: str, *, phone: str = PLUMBER) -> dict[str, Any]:
    return {
        "from": phone,
        "id": wamid,
        "timestamp": "1763892009",
        "type": "reaction",
        "reaction": {"message_id": "wamid.HBgNNTIxNTUxMjM0NTY3OBUCABEYEjdBQkQ=", "emoji": "\U0001f44d"},
    }


def unknown_message(wamid: str, *, phone: str = PLUMBER) -> dict[str, Any]:
    return {
        "from": phone,
        "id": wamid,
        "timestamp": "1763892008",
        "type": "unsupported",
        "errors": [
            {
                "code": 131051,
                "title": "Message type unknown",
                "message": "Message type unknown",
                "error_data": {"details": "Message type is currently not supported."},
            }
        ],
    }


def status(
    wamid: str, state: str, *, phone: str = PLUMBER, error: dict[str, Any] | None = None
) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": wamid, "status": state, "timestamp": "1763892010", "recipient_id": phone}
    if state in ("sent", "delivered"):
        entry["conversation"] = {"id": "e0e0a3c9d2b1", "origin": {"type": "service"}}
        entry["pricing"] = {
            "billable": False,
            "pricing_model": "PMP",
            "category": "service",
            "type": "free_customer_service",
        }
    if error is not None:
        entry["errors"] = [error]
    return entry


def messages_body(*messages: dict[str, Any], contacts: list[dict[str, Any]] | None = None) -> bytes:
    return dumps(
        envelope({"contacts": contacts if contacts is not None else [contact()], "messages": list(messages)})
    )


def statuses_body(*statuses: dict[str, Any]) -> bytes:
    return dumps(envelope({"statuses": list(statuses)}))


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")
