"""Meta's webhook: `X-Hub-Signature-256` check and parsing into plain data (no I/O, never raises on shape).

Body shape (Cloud API): ``{"object": "whatsapp_business_account", "entry": [{"id": ..., "changes":
[{"field": "messages", "value": {"messaging_product": "whatsapp", "metadata": {...}, "contacts": [...],
"messages": [...], "statuses": [...]}}]}]}``. Anything that does not match is skipped (and counted), never
a crash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from gateway.message_ids import WAMID

SIGNATURE_HEADER = "X-Hub-Signature-256"
_PREFIX = "sha256="

TEXT = "text"
AUDIO = "audio"
INTERACTIVE = "interactive"
MEDIA = "media"  # image, document, video, sticker
UNSUPPORTED = "unsupported"  # location, contacts, unknown...
IGNORED = "ignored"  # reactions (an emoji on a message) and system notices: no answer at all

_MEDIA_TYPES = ("image", "document", "video", "sticker")
_IGNORED_TYPES = ("reaction", "system")
_STATUSES = frozenset({"sent", "delivered", "read", "played", "failed"})
MAX_ID = 256


def compute_signature(secret: str, body: bytes) -> str:
    return _PREFIX + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def signature_valid(secret: str, header: str | None, body: bytes) -> bool:
    """Constant-time check of `sha256=<hex HMAC-SHA256(app secret, raw body)>`."""
    if not secret or not header:
        return False
    expected = compute_signature(secret, body).encode("ascii")
    given = header.strip().lower().encode("utf-8", "replace")
    return hmac.compare_digest(expected, given)


@dataclass(frozen=True)
class MediaRef:
    id: str
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = None
    filename: str | None = None
    voice: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            k: v
            for k, v in {
                "id": self.id,
                "mime_type": self.mime_type,
                "sha256": self.sha256,
                "caption": self.caption,
                "filename": self.filename,
                "voice": self.voice or None,
            }.items()
            if v is not None
        }


@dataclass(frozen=True)
class WaMessage:
    """One plumber message. `kind`: TEXT, AUDIO, INTERACTIVE, MEDIA, UNSUPPORTED, IGNORED; `type`: Meta's."""

    wamid: str
    phone: str  # wa_id / from: E.164 digits
    kind: str
    type: str
    timestamp: datetime
    text: str = ""
    profile_name: str | None = None
    media: MediaRef | None = None
    reply_id: str | None = None  # interactive / button payload id
    context_id: str | None = None  # the wamid this message replies to (if any)
    phone_number_id: str | None = None

    @property
    def conversation_id(self) -> str:
        return f"wa:{self.phone}"


@dataclass(frozen=True)
class WaStatus:
    wamid: str
    status: str
    timestamp: datetime
    error: str | None = None


@dataclass
class WebhookBatch:
    messages: list[WaMessage] = field(default_factory=list)
    statuses: list[WaStatus] = field(default_factory=list)
    skipped: int = 0  # entries that were not understood (logged by the caller)


def parse_body(body: bytes) -> WebhookBatch:
    """Every `entry[].changes[].value`'s messages and statuses; malformed parts are skipped."""
    batch = WebhookBatch()
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        batch.skipped += 1
        return batch
    if not isinstance(data, dict):
        batch.skipped += 1
        return batch
    for entry in _list(data.get("entry")):
        if not isinstance(entry, dict):
            batch.skipped += 1
            continue
        for change in _list(entry.get("changes")):
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict):
                batch.skipped += 1
                continue
            _parse_value(value, batch)
    return batch


def _parse_value(value: dict[str, Any], batch: WebhookBatch) -> None:
    names: dict[str, str] = {}
    for contact in _list(value.get("contacts")):
        if isinstance(contact, dict):
            wa_id = _str(contact.get("wa_id"))
            profile = contact.get("profile")
            name = _str(profile.get("name")) if isinstance(profile, dict) else None
            if wa_id and name:
                names[wa_id] = name[:200]
    metadata = value.get("metadata")
    phone_number_id = _str(metadata.get("phone_number_id")) if isinstance(metadata, dict) else None
    for raw in _list(value.get("messages")):
        message = _message(raw, names, phone_number_id)
        if message is None:
            batch.skipped += 1
        else:
            batch.messages.append(message)
    for raw in _list(value.get("statuses")):
        status = _status(raw)
        if status is None:
            batch.skipped += 1
        else:
            batch.statuses.append(status)


def _message(raw: object, names: dict[str, str], phone_number_id: str | None) -> WaMessage | None:
    if not isinstance(raw, dict):
        return None
    wamid = _str(raw.get("id"))
    phone = _str(raw.get("from"))
    # A message id is `wamid.` + base64: never a colon, so never one of the ids the system makes
    # (gateway/message_ids.py). Anything else is not a WhatsApp message and is skipped.
    if not wamid or len(wamid) > MAX_ID or not WAMID.fullmatch(wamid) or not phone:
        return None
    phone = "".join(c for c in phone if c.isascii() and c.isdigit())
    if not 5 <= len(phone) <= 20:
        return None
    mtype = _str(raw.get("type")) or "unknown"
    context = raw.get("context")
    base: dict[str, Any] = {
        "wamid": wamid,
        "phone": phone,
        "type": mtype[:40],
        "timestamp": _timestamp(raw.get("timestamp")),
        "profile_name": names.get(phone) or names.get(_str(raw.get("from")) or ""),
        "context_id": _str(context.get("id")) if isinstance(context, dict) else None,
        "phone_number_id": phone_number_id,
    }
    body = raw.get(mtype) if isinstance(raw.get(mtype), dict) else {}
    if mtype == "text":
        text = _str(body.get("body"))
        if text and text.strip():
            return WaMessage(kind=TEXT, text=text.strip(), **base)
        return WaMessage(kind=UNSUPPORTED, **base)
    if mtype in ("audio", "voice"):
        media = _media(body, voice=bool(body.get("voice")) or mtype == "voice")
        return WaMessage(kind=AUDIO, media=media, **base) if media else WaMessage(kind=UNSUPPORTED, **base)
    if mtype == "interactive":
        for key in ("button_reply", "list_reply", "nfm_reply"):
            choice = body.get(key)
            if isinstance(choice, dict):
                title = _str(choice.get("title")) or _str(choice.get("body"))
                if title and title.strip():
                    return WaMessage(
                        kind=INTERACTIVE, text=title.strip(), reply_id=_str(choice.get("id")), **base
                    )
        return WaMessage(kind=UNSUPPORTED, **base)
    if mtype == "button":  # quick-reply button of a template
        title = _str(body.get("text"))
        if title and title.strip():
            return WaMessage(kind=INTERACTIVE, text=title.strip(), reply_id=_str(body.get("payload")), **base)
        return WaMessage(kind=UNSUPPORTED, **base)
    if mtype in _MEDIA_TYPES:
        media = _media(body)
        return WaMessage(kind=MEDIA, media=media, **base)
    if mtype in _IGNORED_TYPES:
        return WaMessage(kind=IGNORED, **base)
    return WaMessage(kind=UNSUPPORTED, **base)


def _media(body: dict[str, Any], *, voice: bool = False) -> MediaRef | None:
    media_id = _str(body.get("id"))
    if not media_id or len(media_id) > MAX_ID:
        return None
    caption = _str(body.get("caption"))
    return MediaRef(
        id=media_id,
        mime_type=_str(body.get("mime_type")),
        sha256=_str(body.get("sha256")),
        caption=caption.strip() if caption and caption.strip() else None,
        filename=_str(body.get("filename")),
        voice=voice,
    )


def _status(raw: object) -> WaStatus | None:
    if not isinstance(raw, dict):
        return None
    wamid = _str(raw.get("id"))
    status = _str(raw.get("status"))
    if not wamid or len(wamid) > MAX_ID or status not in _STATUSES:
        return None
    error = None
    errors = raw.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        first = errors[0]
        detail = _str(first.get("title")) or _str(first.get("message")) or ""
        data = first.get("error_data")
        if isinstance(data, dict) and _str(data.get("details")):
            detail = f"{detail} ({data['details']})"
        error = f"{first.get('code')}: {detail}"[:500]
    return WaStatus(
        wamid=wamid,
        status=status,
        timestamp=_timestamp(raw.get("timestamp")),
        error=error,
    )


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _timestamp(value: object) -> datetime:
    """Meta sends unix seconds as a string; anything else is 'now'."""
    try:
        seconds = int(str(value))
        if 0 < seconds < 10**11:
            return datetime.fromtimestamp(seconds, timezone.utc)
    except (ValueError, OverflowError, OSError):
        pass
    return datetime.now(timezone.utc)
