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


# ----- who sees the details ---------------------------------------------------------------------------------
DETAIL_KEYS = {"n8n", "hub", "outbox", "connections", "whatsapp", "speech"}


async def test_readyz_details_are_for_this_machine(gateway: Gateway) -> None:
    local = await gateway.client.get("/readyz", scope_base={"client": ("127.0.0.1", 50000)})
    assert local.status_code == 200
    assert DETAIL_KEYS <= set(await local.get_json())
    local6 = await gateway.client.get("/readyz", scope_base={"client": ("::1", 50000)})
    assert DETAIL_KEYS <= set(await local6.get_json())


async def test_readyz_gives_strangers_only_the_status(gateway: Gateway, n8n: respx.MockRouter) -> None:
    remote = await gateway.client.get("/readyz", scope_base={"client": ("203.0.113.7", 50000)})
    assert remote.status_code == 200
    assert await remote.get_json() == {"status": "ready"}
    # through a proxy on this machine (the TCP peer is loopback, the client is not)
    proxied = await gateway.client.get(
        "/readyz", scope_base={"client": ("127.0.0.1", 50000)}, headers={"X-Forwarded-For": "203.0.113.7"}
    )
    assert await proxied.get_json() == {"status": "ready"}
    # a wrong or absent token changes nothing; the status code still tells a load balancer the truth
    n8n.routes["health"].mock(return_value=httpx.Response(503))
    down = await gateway.client.get(
        "/readyz", scope_base={"client": ("203.0.113.7", 50000)}, headers={"Authorization": "Bearer nope"}
    )
    assert down.status_code == 503
    assert await down.get_json() == {"status": "unavailable"}


async def test_readyz_details_with_the_token(tmp_path, n8n: respx.MockRouter) -> None:  # noqa: ANN001
    from gateway.app import create_app, runtime_of
    from tests.gateway.helpers import make_settings

    app = create_app(make_settings(tmp_path / "gw", readyz_token="s3cret-readyz"),
                     transport=httpx.MockTransport(n8n.async_handler))
    async with app.test_app() as test_app:
        client = test_app.test_client()
        assert runtime_of(app).settings.readyz_token == "s3cret-readyz"
        remote = {"client": ("203.0.113.7", 50000)}
        with_token = await client.get("/readyz", scope_base=remote, headers={"Authorization": "Bearer s3cret-readyz"})
        assert DETAIL_KEYS <= set(await with_token.get_json())
        without = await client.get("/readyz", scope_base=remote)
        assert await without.get_json() == {"status": "ready"}


def test_readyz_token_setting() -> None:
    from gateway.settings import Settings

    assert Settings().readyz_token == ""
    assert Settings.from_env({"GATEWAY_READYZ_TOKEN": " abc "}).readyz_token == "abc"
