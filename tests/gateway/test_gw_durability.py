"""The outbox survives SIGKILL: a real `python -m gateway` process, a real WebSocket, a local fake n8n."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from websockets.asyncio.client import connect

from tests.gateway.support import CHAT_PATH, HEALTH_PATH, HISTORY_PATH, FakeN8n, free_port, reserved_port

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.timeout(60)


class GatewayProcess:
    def __init__(self, data_dir: Path, n8n_port: int, log: Path) -> None:
        self.port = free_port()
        self.log = log
        base = f"http://127.0.0.1:{n8n_port}"
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "GATEWAY_HOST": "127.0.0.1",
            "GATEWAY_PORT": str(self.port),
            "GATEWAY_DATA_DIR": str(data_dir),
            "N8N_CHAT_WEBHOOK_URL": base + CHAT_PATH,
            "N8N_HISTORY_WEBHOOK_URL": base + HISTORY_PATH,
            "N8N_HEALTH_URL": base + HEALTH_PATH,
            "N8N_WEBHOOK_TOKEN": "durable-token",
            "REMEDIOS_CALLBACK_SECRET": "durable-secret",
            "GATEWAY_BACKOFF_BASE": "0.05",
            "GATEWAY_BACKOFF_MAX": "0.2",
            "GATEWAY_DELIVERY_TIMEOUT": "2",
            "GATEWAY_SHUTDOWN_TIMEOUT": "3",
            "GATEWAY_LOG_LEVEL": "INFO",
            # this one client stands for many plumbers writing while n8n is down: no per-address budgets
            "GATEWAY_ADDRESS_MESSAGES_PER_MINUTE": "0",
            "GATEWAY_ADDRESS_MAX_PENDING": "0",
        }
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def ws(self, browser_id: str) -> str:
        return f"ws://127.0.0.1:{self.port}/ws?conversation={browser_id}"

    async def start(self) -> GatewayProcess:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "gateway"], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 20
        async with httpx.AsyncClient() as client:
            while True:
                assert self.proc.poll() is None, self.log.read_text()
                try:
                    if (await client.get(self.url + "/healthz", timeout=1)).status_code == 200:
                        return self
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, "gateway did not start:\n" + self.log.read_text()
                await asyncio.sleep(0.05)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def terminate(self) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(15)

    async def outbox_depth(self) -> int:
        async with httpx.AsyncClient() as client:
            return (await client.get(self.url + "/readyz", timeout=5)).json()["outbox"]["depth"]


@pytest.fixture
async def n8n_port() -> AsyncIterator[int]:
    yield free_port()


async def send_and_ack(gw: GatewayProcess, plan: dict[str, list[str]]) -> list[str]:
    """Send every conversation's messages (interleaved across sockets); return the acknowledged ids."""
    acked: list[str] = []
    sockets = {conv: await connect(gw.ws(conv)) for conv in plan}
    try:
        for i in range(max(len(ids) for ids in plan.values())):
            for conv, ids in plan.items():
                if i < len(ids):
                    await sockets[conv].send(json.dumps({"type": "message", "id": ids[i], "text": f"{conv} #{i}"}))
        for conv, ids in plan.items():
            for expected in ids:
                event = json.loads(await asyncio.wait_for(sockets[conv].recv(), 5))
                assert event == {"type": "accepted", "id": expected, "timestamp": event["timestamp"]}
                acked.append(expected)
    finally:
        for ws in sockets.values():
            await ws.close()
    return acked


def per_conversation(requests: list[dict]) -> dict[str, list[str]]:
    order: dict[str, list[str]] = {}
    for body in requests:
        order.setdefault(body["conversation_id"].removeprefix("web:"), []).append(body["message_id"])
    return order


async def wait_until(predicate, timeout: float, what: str) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, what
        await asyncio.sleep(0.02)


async def test_messages_accepted_while_n8n_is_down_survive_sigkill(tmp_path: Path) -> None:
    plan = {f"conv-{c}-durable": [f"{c}-msg-{i:04d}" for i in range(8)] for c in "abc"}
    n8n_socket = reserved_port()  # n8n is down: its port refuses connections, and stays ours
    n8n_port = n8n_socket.getsockname()[1]
    gw = await GatewayProcess(tmp_path / "data", n8n_port, tmp_path / "gateway.log").start()
    try:
        acked = await send_and_ack(gw, plan)  # n8n is down: nothing can be delivered
        assert sorted(acked) == sorted(i for ids in plan.values() for i in ids)
        assert await gw.outbox_depth() == 24
        await asyncio.sleep(0.3)  # let the worker fail and back off a few times
        gw.kill()

        gw = await GatewayProcess(tmp_path / "data", n8n_port, tmp_path / "gateway.log").start()
        n8n = await FakeN8n(sock=n8n_socket).start()  # n8n comes back after the gateway restarted
        try:
            await wait_until(lambda: len(n8n.stored) == 24, 15, "not every message was delivered")
            await asyncio.sleep(0.3)  # room for any (wrong) duplicate to show up
        finally:
            await n8n.stop()
        assert len(n8n.requests) == 24  # exactly once, not merely deduplicated by the receiver
        assert per_conversation(n8n.requests) == plan  # in order within each conversation
        assert all(h["x-remedios-token"] == "durable-token" for h in n8n.headers_seen)
        assert await gw.outbox_depth() == 0
    finally:
        assert gw.terminate() == 0  # SIGTERM: graceful shutdown, clean exit
    log = (tmp_path / "gateway.log").read_text()
    assert '"event": "shutdown_requested"' in log and '"event": "gateway_stopped"' in log


async def test_sigkill_mid_delivery_loses_and_doubles_nothing(tmp_path: Path, n8n_port: int) -> None:
    """Killed while n8n is answering: the in-flight message is resent and n8n dedupes it by id."""
    plan = {"conv-x-durable": [f"x-msg-{i:04d}" for i in range(6)]}
    n8n = await FakeN8n(port=n8n_port, delay=0.4).start()
    try:
        gw = await GatewayProcess(tmp_path / "data", n8n_port, tmp_path / "gateway.log").start()
        await send_and_ack(gw, plan)
        await wait_until(lambda: len(n8n.requests) >= 1, 5, "no delivery started")
        gw.kill()  # request in flight, its answer never read
        n8n.delay = 0
        gw = await GatewayProcess(tmp_path / "data", n8n_port, tmp_path / "gateway.log").start()
        try:
            await wait_until(lambda: len(n8n.stored) == 6, 15, "not every message was delivered")
            await asyncio.sleep(0.2)
            assert await gw.outbox_depth() == 0
        finally:
            assert gw.terminate() == 0
    finally:
        await n8n.stop()
    assert list(n8n.stored) == plan["conv-x-durable"]  # stored once each, in order
    sent = [b["message_id"] for b in n8n.requests]
    # the in-flight request was sent again (n8n answered "duplicate"), nothing else was
    assert sent == plan["conv-x-durable"][:1] + plan["conv-x-durable"]


async def test_sigterm_closes_sockets_and_finishes_the_in_flight_delivery(tmp_path: Path, n8n_port: int) -> None:
    import sqlite3

    from websockets.exceptions import ConnectionClosed

    n8n = await FakeN8n(port=n8n_port, delay=1.0).start()  # n8n takes a second to store
    try:
        gw = await GatewayProcess(tmp_path / "data", n8n_port, tmp_path / "gateway.log").start()
        ws = await connect(gw.ws("conv-term-durable"))
        await ws.send(json.dumps({"type": "message", "id": "term-msg-0001", "text": "hola"}))
        assert json.loads(await ws.recv())["type"] == "accepted"
        await wait_until(lambda: len(n8n.requests) == 1, 5, "delivery did not start")
        started = time.monotonic()
        gw.proc.send_signal(signal.SIGTERM)
        with pytest.raises(ConnectionClosed) as info:
            await asyncio.wait_for(ws.recv(), 5)
        assert info.value.rcvd is not None and info.value.rcvd.code == 1001  # "going away": the page reconnects
        exit_code = await asyncio.get_running_loop().run_in_executor(None, gw.proc.wait, 15)
        assert exit_code == 0
        assert time.monotonic() - started < 8
    finally:
        await n8n.stop()
    assert list(n8n.stored) == ["term-msg-0001"]
    db = sqlite3.connect(tmp_path / "data" / "outbox.sqlite3")
    delivered_at, attempts = db.execute(
        "SELECT delivered_at, attempts FROM outbox WHERE message_id = 'term-msg-0001'").fetchone()
    db.close()
    assert delivered_at is not None and attempts == 1  # the in-flight request was allowed to finish
