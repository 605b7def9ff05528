"""The real stack for integration tests: embedded Postgres, n8n with the repository's workflows, the LLM
server on a tiny generated model, and the gateway, each a real process on its own free loopback port."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Iterator

import psycopg
import pytest
import websockets
from playwright.sync_api import Browser, sync_playwright

from devstack.config import StackConfig
from devstack.postgres import scratch_folder
from devstack.processes import free_port
from devstack.stack import ONE_CLIENT_MANY_PLUMBERS, Stack
from tests.support.chromium import launch_chromium
from tests.support.fake_graph import FakeGraph
from tests.support.tiny_gguf import make_tiny_gguf

if TYPE_CHECKING:  # stubbed_stack imports this module's helpers
    from tests.integration.stubbed_stack import EstimateStack

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WA_APP_SECRET = "integration-whatsapp-app-secret"
WA_VERIFY_TOKEN = "integration-whatsapp-verify"


def scratch_run_dir(prefix: str) -> Path:
    """A run folder outside pytest's temp root: every pytest session that starts re-tightens that root to
    mode 700, which would lock the Postgres system user out of a cluster started by another session."""
    return scratch_folder(f"remedios-{prefix}-")


@pytest.fixture(scope="session")
def fake_graph() -> Iterator[FakeGraph]:
    """Meta's Graph API faked on loopback (WhatsApp sends, read receipts, media); the gateway points at it."""
    graph = FakeGraph().start()
    yield graph
    graph.stop()


def tiny_stack(run_dir: Path) -> Stack:
    """A stack (not started) in `run_dir` on free ports, its LLM server on a tiny generated model."""
    model = make_tiny_gguf(run_dir / "tiny-model.gguf")
    config = StackConfig.from_env(
        # The tiny model's vocabulary is bytes (one token per byte): the knowledge-base context that is about
        # 900 tokens for the real model is about 3,500 here, so the test stack gets a larger window.
        run_dir=run_dir, database_url=None, llm_model=model, llm_threads=1, llm_n_ctx=8192,
        postgres_port=free_port(), n8n_port=free_port(), n8n_runner_port=free_port(),
        llm_port=free_port(), gateway_port=free_port(),
    )
    return Stack(config, say=lambda line: print(line, flush=True))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright (one per test module)."""
    with sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def stack(fake_graph: FakeGraph) -> Iterator[Stack]:
    run_dir = scratch_run_dir("stack")
    running = tiny_stack(run_dir)
    running.gateway_extra_env.update(fake_graph.gateway_env(app_secret=WA_APP_SECRET, verify_token=WA_VERIFY_TOKEN))
    running.gateway_extra_env.update(ONE_CLIENT_MANY_PLUMBERS)  # every test's client comes from 127.0.0.1
    provision_speech_model()
    try:
        running.start()
        yield running
    finally:
        running.stop()
        shutil.rmtree(run_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def stubbed_stack() -> Iterator[EstimateStack]:
    """The second stack of the session: the model is the deterministic stub (tests/integration/stubbed_stack.py).
    One for every module that scripts the model (estimates, takeover), started once: each start costs a Postgres
    cluster, n8n's migrations and the workflows' import."""
    from tests.integration.stubbed_stack import started_stubbed_stack

    with started_stubbed_stack() as running:
        yield running


def provision_speech_model() -> None:
    """Voice notes: the gateway picks Whisper when its model is in the cache; a fresh machine has none yet."""
    from gateway.speech.provision import provision_whisper
    from gateway.speech.settings import SpeechSettings

    from tests.support.provision_lock import provisioning

    models_dir = SpeechSettings.from_env(os.environ).models_dir
    with provisioning(models_dir):  # the other process of `make test` may be provisioning too (tests/speech)
        provision_whisper(models_dir)


def rows(stack: Stack, query: str, *params: Any) -> list[tuple[Any, ...]]:
    assert stack.app_db is not None
    with psycopg.connect(stack.app_db.url) as conn:
        return conn.execute(query, params).fetchall()


@dataclass
class ChatClient:
    """A web chat client speaking the gateway's WebSocket protocol (docs/contracts.md §1)."""

    socket: Any
    browser_id: str
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def conversation_id(self) -> str:
        return f"web:{self.browser_id}"

    async def send_message(self, text: str, message_id: str | None = None) -> str:
        message_id = message_id or str(uuid.uuid4())
        await self.socket.send(json.dumps({"type": "message", "id": message_id, "text": text}))
        return message_id

    async def wait_for(self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 60) -> dict[str, Any]:
        for event in self.events:
            if predicate(event):
                return event
        async with asyncio.timeout(timeout):
            while True:
                event = json.loads(await self.socket.recv())
                self.events.append(event)
                if predicate(event):
                    return event

    async def reply_to(self, message_id: str, timeout: float = 90) -> dict[str, Any]:
        return await self.wait_for(lambda e: e.get("type") == "reply" and e.get("in_reply_to") == message_id, timeout)


@pytest.fixture
def open_chat(stack: Stack) -> Callable[..., Any]:
    """``async with open_chat() as chat`` — a connected client, on a new conversation unless one is given."""
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def _open(browser_id: str | None = None) -> AsyncIterator[ChatClient]:
        browser_id = browser_id or uuid.uuid4().hex
        url = f"ws://127.0.0.1:{stack.config.gateway_port}/ws?conversation={browser_id}"
        async with websockets.connect(url, open_timeout=10) as socket:
            yield ChatClient(socket, browser_id)

    return _open
