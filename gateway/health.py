"""`GET /healthz` (the process answers) and `GET /readyz` (n8n and the hub reachable; outbox depth and age).

`/readyz` also reports the speech engine (`speech`: which engine and model are loaded, or why voice notes are
unavailable). Readiness is about text chat only: a missing or still-loading speech model never makes it 503.

The details (outbox depth, open sockets, the n8n and Redis errors, WhatsApp and speech state) are for the
operator: they are sent only to a client on this machine (loopback, and not relayed by a proxy: no
`X-Forwarded-For`/`Forwarded` header) or to one that sends `Authorization: Bearer <GATEWAY_READYZ_TOKEN>`.
Anyone else gets `{"status"}` with the same status code.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable
from typing import Any

from quart import Blueprint, request

PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")

# Can text chat be served (n8n and the hub answer), with what the operator may see of those checks.
ReadyCheck = Callable[[], Awaitable[tuple[bool, dict[str, Any]]]]
# The operator's details: outbox, sockets, limits, WhatsApp, speech.
Details = Callable[[], dict[str, Any]]


def health_blueprint(ready: ReadyCheck, details: Details, *, token: str) -> Blueprint:
    """`token`: GATEWAY_READYZ_TOKEN, the bearer token that shows the details to a client elsewhere."""
    bp = Blueprint("health", __name__)

    @bp.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @bp.get("/readyz")
    async def readyz() -> tuple[dict[str, Any], int]:
        ok, checks = await ready()
        status = {"status": "ready" if ok else "unavailable"}
        if not details_allowed(token):
            return status, 200 if ok else 503
        return {**status, **checks, **details()}, 200 if ok else 503

    return bp


def details_allowed(token: str) -> bool:
    """The current request may see /readyz's details: the right bearer token, or a direct local client."""
    if token:
        sent = request.headers.get("Authorization", "")
        if hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
            return True
    if any(name in request.headers for name in PROXY_HEADERS):
        return False  # relayed by a proxy on this machine: the client is elsewhere
    return is_loopback(request.remote_addr)


# Quart's remote address when the ASGI server gave none: a Unix-socket connection or an in-process call.
NO_NETWORK_CLIENT = "<local>"


def is_loopback(address: str | None) -> bool:
    if not address:
        return False
    if address == NO_NETWORK_CLIENT:
        return True
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False
