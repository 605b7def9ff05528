"""HMAC-SHA256 signatures for n8n -> gateway callbacks (docs/contracts.md section 4).

signature = "sha256=" + hex(HMAC-SHA256(secret, f"{timestamp}." + raw_body)), timestamp in unix seconds.
`sign()` is what n8n (and the tests) do; `verify()` is what the gateway does, and `signed_body()` is how its
signed routes (the n8n callback, the model relay) read a request.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import Callable, Mapping

from quart import request

from gateway.logs import log_event

TIMESTAMP_HEADER = "X-Remedios-Timestamp"
SIGNATURE_HEADER = "X-Remedios-Signature"
_PREFIX = "sha256="


class SignatureError(Exception):
    """Why a request was refused (never shown to the caller, only logged)."""


def compute_signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    return _PREFIX + mac.hexdigest()


def sign(secret: str, body: bytes, *, timestamp: int | None = None) -> dict[str, str]:
    """Headers to send with `body`."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    return {TIMESTAMP_HEADER: ts, SIGNATURE_HEADER: compute_signature(secret, ts, body)}


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    max_age: int,
    now: float | None = None,
) -> None:
    """Raise SignatureError unless the headers carry a fresh, valid signature of exactly `body`."""
    if not secret:
        raise SignatureError("no callback secret configured")
    timestamp = headers.get(TIMESTAMP_HEADER)
    signature = headers.get(SIGNATURE_HEADER)
    if not timestamp or not signature:
        raise SignatureError("missing signature headers")
    timestamp = timestamp.strip()
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12:
        raise SignatureError("malformed timestamp")
    current = time.time() if now is None else now
    if abs(current - int(timestamp)) > max_age:
        raise SignatureError("timestamp outside the allowed window")
    expected = compute_signature(secret, timestamp, body)
    given = signature.strip().lower().encode("utf-8", "replace")
    if not hmac.compare_digest(expected.encode("ascii"), given):
        raise SignatureError("signature mismatch")


async def signed_body(
    secret: str, *, max_age: int, clock: Callable[[], float], logger: logging.Logger, refused: str
) -> bytes | None:
    """The current request's raw body when it carries a fresh, valid signature of it; None otherwise, logged
    as the event `refused` with the reason (which the caller is never told)."""
    body = await request.get_data(cache=False, as_text=False)
    try:
        verify(secret, request.headers, body, max_age=max_age, now=clock())
    except SignatureError as exc:
        log_event(logger, refused, level=logging.WARNING, reason=str(exc), remote=request.remote_addr)
        return None
    return body
