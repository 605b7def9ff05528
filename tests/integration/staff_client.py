"""A staff console client for integration tests: logs in over HTTP and speaks the staff socket's protocol
(docs/contracts.md §10), as gateway/static/staff.js does."""

from __future__ import annotations

import asyncio
import itertools
import json
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import websockets

from devstack.stack import Stack
from devstack.staff import set_account

COOKIE = "remedios_staff"


def new_staff(stack: Stack, name: str) -> tuple[str, str]:
    """A fresh staff account (username, password) made by the same function the staff command uses."""
    assert stack.app_db is not None
    username = f"s{uuid.uuid4().hex[:10]}"
    password = f"clave-{uuid.uuid4().hex[:12]}"
    set_account(stack.app_db.url, username, name, password)
    return username, password


def login(stack: Stack, username: str, password: str) -> httpx.Response:
    return httpx.post(stack.config.gateway_url + "/staff/api/login", json={"username": username, "password": password},
                      timeout=30)


@dataclass
class StaffSocket:
    socket: Any
    events: list[dict[str, Any]] = field(default_factory=list)
    _ids: Any = field(default_factory=lambda: itertools.count(1))
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def wait_for(self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 30) -> dict[str, Any]:
        async with self._lock:
            for event in self.events:
                if predicate(event):
                    return event
            async with asyncio.timeout(timeout):
                while True:
                    event = json.loads(await self.socket.recv())
                    self.events.append(event)
                    if predicate(event):
                        return event

    async def ask(self, action: str, timeout: float = 30, **fields: Any) -> dict[str, Any]:
        request = f"t{next(self._ids)}-{uuid.uuid4().hex[:6]}"
        await self.socket.send(json.dumps({"type": action, "request": request, **fields}))
        return await self.wait_for(lambda e: e.get("type") == "result" and e.get("request") == request, timeout)

    async def act(self, action: str, conversation_id: str, **fields: Any) -> dict[str, Any]:
        """An action that changes something, with a fresh idempotency key unless one is given."""
        fields.setdefault("key", uuid.uuid4().hex)
        return await self.ask(action, conversation_id=conversation_id, **fields)


@asynccontextmanager
async def staff_socket(stack: Stack, session: str | None) -> AsyncIterator[StaffSocket]:
    headers = {"Cookie": f"{COOKIE}={session}"} if session is not None else {}
    url = f"ws://127.0.0.1:{stack.config.gateway_port}/staff/ws"
    async with websockets.connect(url, additional_headers=headers, open_timeout=30) as socket:
        client = StaffSocket(socket)
        await client.wait_for(lambda e: e.get("type") == "hello", 10)
        yield client


@asynccontextmanager
async def logged_in(stack: Stack, name: str) -> AsyncIterator[StaffSocket]:
    username, password = new_staff(stack, name)
    response = login(stack, username, password)
    assert response.status_code == 200, response.text
    async with staff_socket(stack, response.cookies[COOKIE]) as client:
        yield client
