"""Abuse limits: no one client (one network address) can take the gateway, or the model's queue, from the others.

Counted per client address (gateway/addresses.py: the peer, or the client a trusted proxy names; IPv6 by /64)
and for the whole gateway; every limit is a setting (gateway/README.md, "Abuse limits"), 0 turns it off:

| what | per address | whole gateway | refused with |
|---|---|---|---|
| open WebSockets | `GATEWAY_ADDRESS_MAX_SOCKETS` | `GATEWAY_MAX_SOCKETS` | handshake answered 429 / 503 |
| new conversations (a conversation id not seen lately) | `GATEWAY_ADDRESS_NEW_CONVERSATIONS_PER_MINUTE` | `GATEWAY_NEW_CONVERSATIONS_PER_MINUTE` | handshake answered 429 / 503 |
| message + history frames, voice notes | `GATEWAY_ADDRESS_MESSAGES_PER_MINUTE` | | `rate_limited` |
| messages accepted, not answered yet | `GATEWAY_ADDRESS_MAX_PENDING` | | `too_many_pending` |
| voice uploads being read or transcribed | `GATEWAY_ADDRESS_MAX_UPLOADS` | `GATEWAY_MAX_UPLOADS` | 429 before the body is read |
| bytes of voice uploads buffered | | `GATEWAY_UPLOAD_MAX_BUFFERED_BYTES` | 429 before the body is read |

Only *new* messages are refused: a resend of a message already accepted (same id) is always answered
`accepted` again, whatever the limits, and nothing accepted is ever dropped.

"Pending" (accepted, not answered) ends when the conversation gets the reply with `in_reply_to` = that message
(through this gateway's callback, or through the hub from another replica while a socket of the conversation
is here), when n8n rejects the message for good, or after `GATEWAY_PENDING_TIMEOUT` seconds, so an answer
that never comes does not lock an address out.

Each refusal is logged as `limit_refused` with the address's `address_ref` (never the address), at most once
per kind and address per minute; the next line says how many were not logged in between (`repeats`).
"""

from __future__ import annotations

import logging
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from gateway.addresses import AddressRefs, parse_networks, request_address_key
from gateway.logs import log_event
from gateway.ratelimit import KeyedBuckets, TokenBucket
from gateway.settings import Settings

logger = logging.getLogger("gateway.limits")

LOG_WINDOW_S = 60.0
KNOWN_CONVERSATIONS = 100_000  # conversation ids remembered as "not new" (about 100 bytes each)

MESSAGES_ES = {
    "rate_limited": "Se están enviando demasiados mensajes desde tu conexión. Espera unos segundos; se "
    "reenviará solo.",
    "too_many_pending": "Tienes {limit} mensajes esperando respuesta. Espera a que llegue la respuesta antes de "
    "enviar más.",
    "too_many_connections": "Hay demasiadas conexiones abiertas desde tu red. Cierra otras pestañas del chat; "
    "se reconectará solo.",
    "too_many_conversations": "Se han abierto demasiadas conversaciones nuevas desde tu red. Espera un minuto; "
    "se reconectará solo.",
    "server_busy": "El servicio está saturado en este momento. Espera un momento; se reconectará solo.",
    "too_many_uploads": "Ya se están enviando otras notas de voz desde tu red. Espera a que terminen; se "
    "reintentará sola.",
    "uploads_busy": "Ahora mismo se están recibiendo muchas notas de voz. Espera un momento; se reintentará "
    "sola, o escribe tu consulta.",
}


@dataclass(frozen=True)
class Refusal:
    """A request refused by a limit: `code` and `message` (Spanish) for the client, `status` over HTTP."""

    code: str
    status: int
    setting: str
    limit: float
    retry_after: int  # seconds, the HTTP Retry-After
    message: str

    def event(self, *, message_id: str | None = None) -> dict[str, Any]:
        """The WebSocket `error` event (docs/contracts.md §1)."""
        event: dict[str, Any] = {"type": "error", "code": self.code, "message": self.message}
        if message_id is not None:
            event["id"] = message_id
        return event

    def http_body(self) -> dict[str, Any]:
        """The body of an HTTP answer (the handshake's, /api/voice's: docs/contracts.md §1b)."""
        return {"error": {"code": self.code, "message": self.message}}


def _refusal(code: str, status: int, setting: str, limit: float, retry_after: int) -> Refusal:
    return Refusal(code, status, setting, limit, retry_after, MESSAGES_ES[code].format(limit=int(limit)))


class RecentSet:
    """The `size` most recently touched keys."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._keys: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def touch(self, key: str) -> None:
        self._keys.pop(key, None)
        self._keys[key] = None
        while len(self._keys) > self._size:
            self._keys.popitem(last=False)


class PendingWork:
    """Messages accepted and not answered yet, by client address (oldest first), forgotten after `ttl` s."""

    def __init__(self, *, ttl: float, clock: Callable[[], float]) -> None:
        self._ttl = ttl
        self._clock = clock
        self._by_address: dict[str, OrderedDict[str, float]] = {}
        self._owner: dict[str, tuple[str, str]] = {}  # message id -> (address key, conversation id)
        self._last_sweep = clock()

    def count(self, key: str) -> int:
        self._expire(key)
        return len(self._by_address.get(key, ()))

    @property
    def total(self) -> int:
        return len(self._owner)

    def add(self, key: str, message_id: str, conversation_id: str) -> None:
        if message_id in self._owner:
            return
        self._owner[message_id] = (key, conversation_id)
        self._by_address.setdefault(key, OrderedDict())[message_id] = self._clock()
        if self._clock() - self._last_sweep > min(self._ttl, LOG_WINDOW_S):
            self._sweep()

    def done(self, message_id: str) -> bool:
        owner = self._owner.pop(message_id, None)
        if owner is None:
            return False
        entries = self._by_address.get(owner[0])
        if entries is not None:
            entries.pop(message_id, None)
            if not entries:
                del self._by_address[owner[0]]
        return True

    def done_oldest_in(self, conversation_id: str) -> bool:
        """A reply that names no message answers the conversation's oldest pending one."""
        for message_id, (_, conversation) in self._owner.items():
            if conversation == conversation_id:
                return self.done(message_id)
        return False

    def _expire(self, key: str) -> None:
        entries = self._by_address.get(key)
        if not entries:
            return
        limit = self._clock() - self._ttl
        while entries:
            message_id, accepted_at = next(iter(entries.items()))
            if accepted_at > limit:
                break
            self.done(message_id)

    def _sweep(self) -> None:
        self._last_sweep = self._clock()
        for key in list(self._by_address):
            self._expire(key)


class RefusalLog:
    """Log lines that a client can cause at will (refusals, rejected frames) at most once per (kind, address) per
    window, each with `repeats`: how many of that kind were not logged since the previous line."""

    def __init__(self, refs: AddressRefs, *, window: float = LOG_WINDOW_S, clock: Callable[[], float]) -> None:
        self._refs = refs
        self._window = window
        self._clock = clock
        self._windows: dict[tuple[str, str], list[float]] = {}  # -> [window start, lines not logged]

    def refused(self, refusal: Refusal, key: str, *, per_address: bool = True, **fields: Any) -> None:
        self.once("limit_refused", f"{refusal.code}:{refusal.setting}", key if per_address else "*", key,
                  code=refusal.code, setting=refusal.setting, limit=refusal.limit, **fields)

    def once(self, event: str, kind: str, slot_key: str, key: str, *, level: int = logging.WARNING,
             **fields: Any) -> bool:
        """Log `event` unless one of this `kind` for `slot_key` was logged less than a window ago."""
        now = self._clock()
        slot = (event + ":" + kind, slot_key)
        window = self._windows.get(slot)
        if window is not None and now - window[0] < self._window:
            window[1] += 1
            return False
        repeats = int(window[1]) if window is not None else 0
        self._windows[slot] = [now, 0]
        if len(self._windows) > 10_000:
            self._windows = {k: v for k, v in self._windows.items() if now - v[0] < self._window}
        log_event(logger, event, level=level, address_ref=self._refs.ref(key), repeats=repeats,
                  window_s=int(self._window), **fields)
        return True


@dataclass
class Upload:
    """A voice upload holding a slot and a share of the byte budget until `Limits.end_upload`."""

    key: str
    reserved: int


class Limits:
    """The gateway's abuse limits (one per process; gateway/app.py `Runtime.limits`)."""

    def __init__(self, settings: Settings, *, clock: Callable[[], float] = time.monotonic) -> None:
        s = self.settings = settings
        self._clock = clock
        self.trusted_proxies = parse_networks(s.trusted_proxies)
        self.refs = AddressRefs(s.callback_secret)
        self.log = RefusalLog(self.refs, clock=clock)
        per_minute = s.address_messages_per_minute
        self._messages = KeyedBuckets(burst=per_minute, rate=per_minute / 60.0, clock=clock)
        new = s.address_new_conversations_per_minute
        self._new_by_address = KeyedBuckets(burst=new, rate=new / 60.0, clock=clock)
        self._new_overall = TokenBucket(burst=s.new_conversations_per_minute,
                                        rate=s.new_conversations_per_minute / 60.0, clock=clock)
        self._known = RecentSet(KNOWN_CONVERSATIONS)
        self._sockets: Counter[str] = Counter()
        self.sockets = 0
        self._uploads: Counter[str] = Counter()
        self.uploads = 0
        self.buffered_bytes = 0
        self.pending = PendingWork(ttl=s.pending_timeout, clock=clock)

    # ----- who ------------------------------------------------------------------------------------------
    def address_key(self, scope: Mapping[str, Any], headers: Any) -> str:
        return request_address_key(scope, headers, self.trusted_proxies)

    def ref(self, key: str) -> str:
        return self.refs.ref(key)

    def remember_conversations(self, conversation_ids: Iterable[str]) -> None:
        """Conversations that are not new (at startup: those in the outbox)."""
        for conversation_id in conversation_ids:
            self._known.touch(conversation_id)

    # ----- sockets --------------------------------------------------------------------------------------
    def open_socket(self, key: str, conversation_id: str) -> Refusal | None:
        """Count a socket about to be accepted, or say why it is refused (then nothing is counted)."""
        s = self.settings
        refusal = None
        new = conversation_id not in self._known
        if s.max_sockets and self.sockets >= s.max_sockets:
            refusal = _refusal("server_busy", 503, "GATEWAY_MAX_SOCKETS", s.max_sockets, 30)
        elif s.address_max_sockets and self._sockets[key] >= s.address_max_sockets:
            refusal = _refusal("too_many_connections", 429, "GATEWAY_ADDRESS_MAX_SOCKETS", s.address_max_sockets, 30)
        elif new and not self._new_by_address.ready(key):
            refusal = _refusal("too_many_conversations", 429, "GATEWAY_ADDRESS_NEW_CONVERSATIONS_PER_MINUTE",
                               s.address_new_conversations_per_minute, 60)
        elif new and not self._new_overall.ready():
            refusal = _refusal("server_busy", 503, "GATEWAY_NEW_CONVERSATIONS_PER_MINUTE",
                               s.new_conversations_per_minute, 30)
        if refusal is not None:
            self.log.refused(refusal, key, per_address=refusal.status == 429)
            return refusal
        if new:
            self._new_by_address.allow(key)
            self._new_overall.allow()
        self._known.touch(conversation_id)
        self._sockets[key] += 1
        self.sockets += 1
        return None

    def close_socket(self, key: str) -> None:
        self.sockets -= 1
        self._sockets[key] -= 1
        if self._sockets[key] <= 0:
            del self._sockets[key]

    # ----- messages -------------------------------------------------------------------------------------
    def message_refusal(self, key: str, *, costs_model_work: bool = True) -> Refusal | None:
        """A new message (or a history frame: `costs_model_work=False`) from this address: refused, or
        counted against its budget. Pending is checked first, so a refused message costs no budget."""
        s = self.settings
        refusal = None
        if costs_model_work and s.address_max_pending and self.pending.count(key) >= s.address_max_pending:
            refusal = _refusal("too_many_pending", 429, "GATEWAY_ADDRESS_MAX_PENDING", s.address_max_pending, 10)
        elif not self._messages.allow(key):
            refusal = _refusal("rate_limited", 429, "GATEWAY_ADDRESS_MESSAGES_PER_MINUTE",
                               s.address_messages_per_minute, 10)
        if refusal is not None:
            self.log.refused(refusal, key)
        return refusal

    def accepted(self, key: str, message_id: str, conversation_id: str) -> None:
        """A new message from this address is in the outbox: it is pending until answered."""
        if self.settings.address_max_pending:
            self.pending.add(key, message_id, conversation_id)

    def answered(self, conversation_id: str, in_reply_to: str | None) -> None:
        """A reply reached the conversation (`in_reply_to` None: it answers the oldest pending message)."""
        if in_reply_to is not None:
            self.pending.done(in_reply_to)
        else:
            self.pending.done_oldest_in(conversation_id)

    # ----- voice uploads --------------------------------------------------------------------------------
    def begin_upload(self, key: str, declared_bytes: int | None, max_bytes: int) -> Refusal | Upload:
        """Before reading an upload's body: a slot and `declared_bytes` (or `max_bytes` when the body's size
        is unknown) of the byte budget, or why not. Hand the Upload back to `end_upload`."""
        s = self.settings
        reserve = max_bytes if declared_bytes is None else min(declared_bytes, max_bytes)
        refusal = None
        if s.address_max_uploads and self._uploads[key] >= s.address_max_uploads:
            refusal = _refusal("too_many_uploads", 429, "GATEWAY_ADDRESS_MAX_UPLOADS", s.address_max_uploads, 5)
        elif s.max_uploads and self.uploads >= s.max_uploads:
            refusal = _refusal("uploads_busy", 429, "GATEWAY_MAX_UPLOADS", s.max_uploads, 5)
        elif s.upload_max_buffered_bytes and self.buffered_bytes + reserve > s.upload_max_buffered_bytes:
            refusal = _refusal("uploads_busy", 429, "GATEWAY_UPLOAD_MAX_BUFFERED_BYTES",
                               s.upload_max_buffered_bytes, 5)
        if refusal is not None:
            self.log.refused(refusal, key, per_address=refusal.code == "too_many_uploads")
            return refusal
        self._uploads[key] += 1
        self.uploads += 1
        self.buffered_bytes += reserve
        return Upload(key, reserve)

    def end_upload(self, upload: Upload) -> None:
        self.uploads -= 1
        self.buffered_bytes -= upload.reserved
        self._uploads[upload.key] -= 1
        if self._uploads[upload.key] <= 0:
            del self._uploads[upload.key]

    # ----- /readyz --------------------------------------------------------------------------------------
    def describe(self) -> dict[str, Any]:
        return {
            "sockets": self.sockets,
            "addresses_with_sockets": len(self._sockets),
            "pending": self.pending.total,
            "uploads": self.uploads,
            "buffered_bytes": self.buffered_bytes,
        }
