"""`GET /healthz` (the process answers) and `GET /readyz` (n8n and the hub reachable; outbox depth and age).

`/readyz` also reports the speech engine (`speech`: which engine and model are loaded, or why voice notes are
unavailable). Readiness is about text chat only: a missing or still-loading speech model never makes it 503.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from quart import Blueprint

if TYPE_CHECKING:
    from gateway.app import Runtime


def health_blueprint(runtime: Runtime, *, clock: Callable[[], float] = time.time) -> Blueprint:
    bp = Blueprint("health", __name__)

    @bp.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @bp.get("/readyz")
    async def readyz() -> tuple[dict[str, Any], int]:
        n8n = await runtime.n8n.check_health()
        hub_ok, hub_detail = await runtime.hub.check()
        stats = runtime.outbox.stats(now=clock())
        age = stats.oldest_pending_age
        ready = n8n.ok and hub_ok
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
        return body, 200 if ready else 503

    return bp
