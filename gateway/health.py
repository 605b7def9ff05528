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
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from quart import Blueprint, request

if TYPE_CHECKING:
    from gateway.app import Runtime

PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


def health_blueprint(runtime: Runtime, *, clock: Callable[[], float] = time.time) -> Blueprint:
    bp = Blueprint("health", __name__)

    @bp.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @bp.get("/readyz")
    async def readyz() -> tuple[dict[str, Any], int]:
        n8n = await runtime.n8n.check_health()
        hub_ok, hub_detail = await runtime.hub.check()
        ready = n8n.ok and hub_ok
        status = 200 if ready else 503
        if not details_allowed(runtime.settings.readyz_token):
            return {"status": "ready" if ready else "unavailable"}, status
        stats = runtime.outbox.stats(now=clock())
        age = stats.oldest_pending_age
        body = {
            "status": "ready" if ready else "unavailable",
            "n8n": {"reachable": n8n.ok, "detail": n8n.detail},
            "hub": {"ok": hub_ok, "detail": hub_detail},
            "outbox": {
                "depth": stats.depth,
                "oldest_pending_age_seconds": None if age is None else round(age, 3),
                "in_flight": runtime.worker.in_flight,
                "rejected": stats.rejected,  # refused by n8n as malformed; kept in the outbox for staff
            },
            "connections": runtime.hub.connection_count(),
            "whatsapp": runtime.whatsapp.describe() if runtime.whatsapp is not None else {"enabled": False},
            # Informational: voice notes being unavailable never makes the gateway unready (text chat works).
            "speech": runtime.speech_status(),
        }
        return body, status

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
