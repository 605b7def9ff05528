from __future__ import annotations

import httpx
import respx

from tests.gateway.helpers import Gateway, recv, send


async def test_healthz(gateway: Gateway) -> None:
    response = await gateway.client.get("/healthz")
    assert response.status_code == 200 and await response.get_json() == {"status": "ok"}


async def test_readyz_ok_reports_outbox_depth_and_age(gateway: Gateway, n8n: respx.MockRouter) -> None:
    n8n.routes["chat"].mock(return_value=httpx.Response(500))
    async with gateway.websocket() as ws:
        await send(ws, {"type": "message", "id": "msg-00000001", "text": "hola"})
        await recv(ws)
        response = await gateway.client.get("/readyz")
    body = await response.get_json()
    assert response.status_code == 200
    assert body["status"] == "ready" and body["n8n"]["reachable"] is True
    assert body["outbox"]["depth"] == 1
    assert body["outbox"]["oldest_pending_age_seconds"] >= 0
    assert n8n.routes["health"].called


async def test_readyz_empty_outbox(gateway: Gateway) -> None:
    body = await (await gateway.client.get("/readyz")).get_json()
    assert body["outbox"] == {"depth": 0, "oldest_pending_age_seconds": None, "in_flight": 0, "rejected": 0}
    assert body["hub"] == {"ok": True, "detail": "local"}


async def test_readyz_503_when_n8n_unreachable(gateway: Gateway, n8n: respx.MockRouter) -> None:
    n8n.routes["health"].mock(side_effect=httpx.ConnectError("refused"))
    response = await gateway.client.get("/readyz")
    assert response.status_code == 503
    body = await response.get_json()
    assert body["status"] == "unavailable" and body["n8n"]["reachable"] is False


async def test_readyz_503_when_n8n_unhealthy(gateway: Gateway, n8n: respx.MockRouter) -> None:
    n8n.routes["health"].mock(return_value=httpx.Response(503))
    assert (await gateway.client.get("/readyz")).status_code == 503
