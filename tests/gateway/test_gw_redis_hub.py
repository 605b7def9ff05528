"""Two gateway replicas sharing a real Redis (Debian's redis-server): events reach sockets on either one."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
import respx

pytest.importorskip("redis", reason="the redis package (requirements/runtime.txt) is not installed: run make setup")

from gateway.app import create_app, runtime_of  # noqa: E402
from gateway.redis_hub import CHANNEL_PREFIX, RedisHub  # noqa: E402
from tests.gateway.helpers import Gateway, assert_alive, make_settings, recv, send, wait_for  # noqa: E402
from tests.gateway.support import free_port  # noqa: E402

REDIS_SERVER = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server not installed (apt-get install redis-server)")


class RedisServer:
    def __init__(self, port: int, password: str | None = None) -> None:
        self.port = port
        self.password = password
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.proc = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             *(["--requirepass", self.password] if self.password else [])],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        import socket

        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.02)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(5)


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer(free_port()).start()
    yield server
    server.stop()


@asynccontextmanager
async def replica(tmp_path: Path, name: str, hub_url: str, n8n: respx.MockRouter) -> AsyncIterator[Gateway]:
    app = create_app(make_settings(tmp_path / name, hub_url=hub_url), transport=httpx.MockTransport(n8n.async_handler))
    async with app.test_app() as test_app:
        yield Gateway(app, test_app.test_client(), runtime_of(app))


def subscribed(gateway: Gateway, conversation: str) -> bool:
    hub = gateway.runtime.hub
    assert isinstance(hub, RedisHub)
    return CHANNEL_PREFIX + conversation in hub._subscribed


def reply(conversation: str, message_id: str = "reply-0001") -> dict:
    return {"type": "reply", "conversation_id": conversation, "channel": "web", "message_id": message_id,
            "in_reply_to": "msg-00000001", "text": "Cierre la llave de paso", "timestamp": "2026-11-23T10:00:03.000Z"}


async def test_reply_reaches_a_socket_held_by_the_other_replica(
    tmp_path: Path, redis_server: RedisServer, n8n: respx.MockRouter
) -> None:
    async with replica(tmp_path, "a", redis_server.url, n8n) as a, replica(tmp_path, "b", redis_server.url, n8n) as b:
        async with a.websocket("conv-xxxxxxxx") as on_a, a.websocket("conv-yyyyyyyy") as other_conv:
            await wait_for(lambda: subscribed(a, "web:conv-xxxxxxxx"))
            response = await b.callback(reply("web:conv-xxxxxxxx"))  # the load balancer picked b
            assert (await response.get_json()) == {"delivered": 1}  # one other replica holds it
            event = await recv(on_a)
            assert event["type"] == "reply" and event["id"] == "reply-0001"
            await assert_alive(other_conv)  # still only that conversation

            async with b.websocket("conv-xxxxxxxx") as on_b:
                await wait_for(lambda: subscribed(b, "web:conv-xxxxxxxx"))
                response = await b.callback(reply("web:conv-xxxxxxxx", "reply-0002"))
                assert (await response.get_json()) == {"delivered": 2}  # 1 local socket + 1 replica
                assert (await recv(on_a))["id"] == "reply-0002"
                assert (await recv(on_b))["id"] == "reply-0002"

        await wait_for(lambda: not subscribed(a, "web:conv-xxxxxxxx"))  # last socket gone: unsubscribed
        response = await b.callback(reply("web:conv-xxxxxxxx", "reply-0003"))
        assert (await response.get_json()) == {"delivered": 0}


async def test_other_tab_on_the_other_replica_sees_the_message(
    tmp_path: Path, redis_server: RedisServer, n8n: respx.MockRouter
) -> None:
    async with replica(tmp_path, "a", redis_server.url, n8n) as a, replica(tmp_path, "b", redis_server.url, n8n) as b:
        async with a.websocket("conv-xxxxxxxx") as tab1, b.websocket("conv-xxxxxxxx") as tab2:
            await wait_for(lambda: subscribed(a, "web:conv-xxxxxxxx") and subscribed(b, "web:conv-xxxxxxxx"))
            await send(tab1, {"type": "message", "id": "msg-00000001", "text": "Gotea el sifón"})
            assert (await recv(tab1))["type"] == "accepted"
            echoed = await recv(tab2)
            assert echoed["type"] == "message" and echoed["text"] == "Gotea el sifón"
            await assert_alive(tab1)  # the sender does not get its own message back through Redis


async def test_redis_down_keeps_local_delivery_and_recovers(
    tmp_path: Path, redis_server: RedisServer, n8n: respx.MockRouter
) -> None:
    async with replica(tmp_path, "a", redis_server.url, n8n) as a, replica(tmp_path, "b", redis_server.url, n8n) as b:
        async with a.websocket("conv-xxxxxxxx") as on_a, b.websocket("conv-xxxxxxxx") as on_b:
            await wait_for(lambda: subscribed(a, "web:conv-xxxxxxxx") and subscribed(b, "web:conv-xxxxxxxx"))
            redis_server.stop()
            response = await b.callback(reply("web:conv-xxxxxxxx"))
            assert response.status_code == 200 and (await response.get_json()) == {"delivered": 1}  # local only
            assert (await recv(on_b))["id"] == "reply-0001"
            ready = await b.client.get("/readyz")
            assert ready.status_code == 503 and (await ready.get_json())["hub"]["ok"] is False

            redis_server.start()  # same port: redis-py reconnects and re-subscribes by itself
            deadline = asyncio.get_running_loop().time() + 15
            n = 2
            while True:
                response = await b.callback(reply("web:conv-xxxxxxxx", f"reply-{n:04d}"))
                if (await response.get_json())["delivered"] == 2:
                    break
                assert asyncio.get_running_loop().time() < deadline, "cross-replica delivery did not come back"
                await asyncio.sleep(0.2)
                n += 1
            received = [await recv(on_a, timeout=5)]
            assert received[-1]["id"] == f"reply-{n:04d}"
            assert (await b.client.get("/readyz")).status_code == 200


def test_hub_url_must_be_redis() -> None:
    from gateway.settings import Settings, SettingsError

    assert Settings.from_env({"GATEWAY_HUB_URL": "redis://redis:6379/0"}).hub_url == "redis://redis:6379/0"
    assert Settings.from_env({}).hub_url == ""
    with pytest.raises(SettingsError, match="GATEWAY_HUB_URL"):
        Settings.from_env({"GATEWAY_HUB_URL": "http://redis:6379"})


async def test_a_retried_reply_landing_on_another_replica_is_pushed_once(
    tmp_path: Path, redis_server: RedisServer, n8n: respx.MockRouter
) -> None:
    async with replica(tmp_path, "a", redis_server.url, n8n) as a, replica(tmp_path, "b", redis_server.url, n8n) as b:
        async with a.websocket("conv-xxxxxxxx") as on_a:
            await wait_for(lambda: subscribed(a, "web:conv-xxxxxxxx"))
            first = await b.callback(reply("web:conv-xxxxxxxx", "reply-0001"))
            retry = await a.callback(reply("web:conv-xxxxxxxx", "reply-0001"))  # n8n retried; the LB chose a
            assert (await first.get_json()) == {"delivered": 1}
            assert (await retry.get_json()) == {"delivered": 0}
            assert (await recv(on_a))["id"] == "reply-0001"
            await assert_alive(on_a)  # pushed once


async def test_a_reply_whose_push_failed_on_one_replica_is_pushed_by_the_retry_on_another(
    tmp_path: Path, redis_server: RedisServer, n8n: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with replica(tmp_path, "a", redis_server.url, n8n) as a, replica(tmp_path, "b", redis_server.url, n8n) as b:
        async with a.websocket("conv-xxxxxxxx") as on_a:
            await wait_for(lambda: subscribed(a, "web:conv-xxxxxxxx"))

            async def broken_publish(*args: object, **kwargs: object) -> int:
                raise ConnectionError("Redis went away mid-push")

            monkeypatch.setattr(b.runtime.hub, "publish", broken_publish)
            failed = await b.callback(reply("web:conv-xxxxxxxx", "reply-0007"))
            assert failed.status_code >= 500
            assert await redis_server_key_count(b, "remedios:reply:reply-0007") == 0  # the shared claim is gone
            retry = await a.callback(reply("web:conv-xxxxxxxx", "reply-0007"))  # n8n retried; the LB chose a
            assert (await retry.get_json()) == {"delivered": 1}
            assert (await recv(on_a))["id"] == "reply-0007"
            again = await b.callback(reply("web:conv-xxxxxxxx", "reply-0007"))
            assert (await again.get_json()) == {"delivered": 0}
            await assert_alive(on_a)  # pushed once


async def redis_server_key_count(gateway: Gateway, key: str) -> int:
    hub = gateway.runtime.hub
    assert isinstance(hub, RedisHub)
    return int(await hub._client.exists(key))



async def test_a_redis_with_a_password_is_reached_with_gateway_hub_password(
    tmp_path: Path, n8n: respx.MockRouter
) -> None:
    """Compose's Redis has `requirepass`: the gateways authenticate with GATEWAY_HUB_PASSWORD (its REDIS_PASSWORD)."""
    from gateway.settings import Settings

    server = RedisServer(free_port(), password="s3cret-redis").start()
    try:
        settings = Settings.from_env({"GATEWAY_HUB_URL": server.url, "GATEWAY_HUB_PASSWORD": "s3cret-redis",
                                      "REMEDIOS_CALLBACK_SECRET": "x"})
        assert settings.hub_password == "s3cret-redis"

        async def ready(password: str) -> tuple[int, dict]:
            app = create_app(make_settings(tmp_path / password, hub_url=server.url, hub_password=password),
                             transport=httpx.MockTransport(n8n.async_handler))
            async with app.test_app() as test_app:
                response = await test_app.test_client().get("/readyz")
                return response.status_code, await response.get_json()

        status, body = await ready("s3cret-redis")
        assert status == 200 and body["hub"] == {"ok": True, "detail": "redis"}
        status, body = await ready("wrong")
        assert status == 503 and not body["hub"]["ok"]
    finally:
        server.stop()
