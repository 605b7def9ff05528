"""The scale-out topology without Docker: n8n in queue mode (main + worker + webhook, Redis) and two gateway
replicas sharing a Redis hub. Every reply reaches the right browsers exactly once, whichever replica holds
their WebSocket (n8n's callback always goes to replica 1)."""

from __future__ import annotations

import asyncio
import json
import shutil
import uuid
from typing import Iterator

import pytest
import websockets

from devstack.config import StackConfig
from devstack.processes import free_port
from devstack.scale import ScaledStack
from devstack.stack import ONE_CLIENT_MANY_PLUMBERS
from tests.integration.conftest import ChatClient, scratch_run_dir
from tests.support.tiny_gguf import make_tiny_gguf

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def scaled() -> Iterator[ScaledStack]:
    run_dir = scratch_run_dir("scaled")
    config = StackConfig.from_env(
        run_dir=run_dir, database_url=None, llm_model=make_tiny_gguf(run_dir / "tiny-model.gguf"), llm_threads=1,
        llm_n_ctx=8192, postgres_port=free_port(), n8n_port=free_port(), n8n_runner_port=free_port(),
        llm_port=free_port(), gateway_port=free_port(),
    )
    stack = ScaledStack(config, say=lambda line: print(line, flush=True), replicas=2)
    stack.gateway_extra_env.update(ONE_CLIENT_MANY_PLUMBERS)  # the test's clients all come from 127.0.0.1
    try:
        stack.start()
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(run_dir, ignore_errors=True)


async def connect(port: int, browser_id: str) -> ChatClient:
    socket = await websockets.connect(f"ws://127.0.0.1:{port}/ws?conversation={browser_id}", open_timeout=10)
    return ChatClient(socket, browser_id)


def replies(client: ChatClient) -> list[str]:
    return [e["in_reply_to"] for e in client.events if e.get("type") == "reply"]


async def drain(client: ChatClient, seconds: float) -> None:
    try:
        async with asyncio.timeout(seconds):
            while True:
                client.events.append(json.loads(await client.socket.recv()))
    except TimeoutError:
        pass


async def test_replies_reach_the_right_browsers_on_every_replica_exactly_once(scaled: ScaledStack) -> None:
    first, second = scaled.gateway_ports
    shared = uuid.uuid4().hex           # one conversation open on both replicas (two tabs)
    on_second = uuid.uuid4().hex        # a conversation only on replica 2 (n8n's callback goes to replica 1)
    bystander = uuid.uuid4().hex        # another conversation on replica 1: must receive nothing
    clients = [await connect(first, shared), await connect(second, shared), await connect(second, on_second),
               await connect(first, bystander)]
    tab_1, tab_2, lonely, other = clients
    try:
        sent_shared = [await tab_2.send_message(f"Pregunta {i} desde la réplica 2") for i in range(3)]
        sent_shared += [await tab_1.send_message("Pregunta desde la réplica 1")]
        sent_lonely = [await lonely.send_message(f"Consulta {i} solo en la réplica 2") for i in range(3)]
        for client, expected in ((tab_1, sent_shared), (tab_2, sent_shared), (lonely, sent_lonely)):
            for message_id in expected:
                await client.reply_to(message_id, timeout=180)
        for client in clients:
            await drain(client, 5)   # a duplicate would arrive here
        assert sorted(replies(tab_1)) == sorted(sent_shared)
        assert sorted(replies(tab_2)) == sorted(sent_shared)
        assert sorted(replies(lonely)) == sorted(sent_lonely)
        assert [e for e in other.events if e.get("type") in ("reply", "message", "typing")] == []
        # The other tab of the shared conversation saw the plumber's own messages too.
        assert {e["id"] for e in tab_1.events if e.get("type") == "message"} >= set(sent_shared[:3])
    finally:
        for client in clients:
            await client.socket.close()
    assert scaled.n8n_worker is not None
    worker_log = scaled.n8n_worker.log_path.read_text(errors="replace")
    assert "RmdChatAnswer001" in worker_log or "execution" in worker_log.lower(), "the worker ran the executions"
