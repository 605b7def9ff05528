"""Shared helpers for the gateway tests (importable as tests.gateway.helpers)."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gateway.app import Runtime
from gateway.settings import Settings
from gateway.signing import sign
from gateway.speech.settings import SpeechSettings

SECRET = "test-callback-secret"
N8N = "http://n8n.test"
CHAT_URL = f"{N8N}/webhook/remedios-chat"
HISTORY_URL = f"{N8N}/webhook/remedios-history"
HEALTH_URL = f"{N8N}/healthz/readiness"


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    base = Settings(
        data_dir=data_dir,
        n8n_chat_webhook_url=CHAT_URL,
        n8n_history_webhook_url=HISTORY_URL,
        n8n_health_url=HEALTH_URL,
        n8n_webhook_token="n8n-token",
        callback_secret=SECRET,
        delivery_timeout=0.5,
        backoff_base=0.01,
        backoff_max=0.05,
        rate_limit_burst=1000,
        # No speech model in the gateway tests unless a test asks for one (tests/gateway/test_gw_voice.py).
        speech=SpeechSettings(engine="none", workers=1),
    )
    return base.replace(**overrides)


@dataclass
class Gateway:
    app: Any
    client: Any
    runtime: Runtime

    def websocket(self, browser_id: str = "conv-aaaaaaaa") -> Any:
        return self.client.websocket(f"/ws?conversation={browser_id}")

    async def callback(self, payload: Any, *, secret: str = SECRET, headers: dict[str, str] | None = None,
                       raw: bytes | None = None) -> Any:
        body = raw if raw is not None else json.dumps(payload).encode()
        hdrs = sign(secret, body) if headers is None else headers
        return await self.client.post(
            "/callbacks/n8n", data=body, headers={"Content-Type": "application/json", **hdrs}
        )


class HubListener:
    """A socket's place on the hub: records every event published to the conversation it joined."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    def push(self, event: dict[str, Any]) -> bool:
        self.events.append(event)
        return True

    def close(self, code: int) -> None:
        pass


async def recv(ws: Any, timeout: float = 3.0) -> dict[str, Any]:
    return json.loads(await asyncio.wait_for(ws.receive(), timeout))


async def send(ws: Any, frame: Any) -> None:
    await ws.send(frame if isinstance(frame, str) else json.dumps(frame))


async def assert_alive(ws: Any) -> None:
    """The socket still works, and nothing else was queued for it before the pong."""
    await send(ws, {"type": "ping"})
    assert await recv(ws) == {"type": "pong"}


async def wait_for(predicate: Any, timeout: float = 3.0, interval: float = 0.005) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(interval)

