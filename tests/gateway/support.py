"""Test helpers: a fake n8n (real HTTP server on a free port) and a gateway served by Hypercorn in a thread; the
chat page at phone size in a browser (phone_page); a sample article card (OLD_ARTICLE)."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from hypercorn.asyncio import serve
from hypercorn.config import Config
from playwright.sync_api import Browser, Page, expect

from devstack.processes import free_port  # noqa: F401  (the tests import it from here)
from gateway.app import create_app, runtime_of
from gateway.settings import Settings
from gateway.speech.settings import SpeechSettings

CHAT_PATH = "/webhook/remedios-chat"
HISTORY_PATH = "/webhook/remedios-history"
HEALTH_PATH = "/healthz/readiness"


# A cited article's card as stored before 2026-12-06 (title, steps, safety only: no problem, tools_materials or
# call_professional), as the reply callback carries it (docs/contracts.md §1): the articles' tests and the browser's.
OLD_ARTICLE: dict[str, Any] = {
    "slug": "grifo-monomando-cartucho",
    "title": "Cambiar el cartucho de un grifo monomando que gotea",
    "steps": ["Cerrar las llaves de escuadra y abrir el grifo para quitar la presión.",
              "Quitar la maneta (tornillo Allen).", "Comprar un cartucho idéntico: 35 mm o 40 mm."],
    "safety": "No usar grasa derivada del petróleo: solo grasa de silicona.",
}


def reserved_port() -> socket.socket:
    """A socket bound to a free port but not listening: connections are refused (a server that is down)
    and no other process can take the port until a FakeN8n(sock=...) starts listening on it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


@dataclass
class FakeN8n:
    """A tiny HTTP/1.1 server behaving like the n8n webhooks of docs/contracts.md (keep-alive, JSON).

    `requests` records every chat POST body in arrival order; `stored` keeps the first of each
    message_id (like the Postgres primary key). `fail_next` answers that many chat POSTs with 500.
    """

    port: int = 0
    requests: list[dict[str, Any]] = field(default_factory=list)
    stored: dict[str, dict[str, Any]] = field(default_factory=dict)
    headers_seen: list[dict[str, str]] = field(default_factory=list)
    fail_next: int = 0
    delay: float = 0.0
    sock: socket.socket | None = None  # a bound, not yet listening socket: "down" until start()
    _server: asyncio.base_events.Server | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> FakeN8n:
        if self.sock is not None:
            self._server = await asyncio.start_server(self._handle, sock=self.sock)
        else:
            self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    def stored_ids(self) -> list[str]:
        return list(self.stored)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0") or 0))
                status, payload = await self._route(method, target, headers, body)
                data = json.dumps(payload).encode()
                writer.write(
                    f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n"
                    .encode() + data
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def _route(self, method: str, target: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        url = urlsplit(target)
        if method == "GET" and url.path == HEALTH_PATH:
            return 200, {"status": "ok"}
        if method == "POST" and url.path == CHAT_PATH:
            payload = json.loads(body)
            self.requests.append(payload)
            self.headers_seen.append(headers)
            if self.delay:
                await asyncio.sleep(self.delay)
            if self.fail_next > 0:
                self.fail_next -= 1
                return 500, {"error": "boom"}
            if payload["message_id"] in self.stored:
                return 200, {"status": "duplicate"}
            self.stored[payload["message_id"]] = payload
            return 200, {"status": "stored"}
        if method == "GET" and url.path == HISTORY_PATH:
            conv = parse_qs(url.query).get("conversation_id", [""])[0]
            msgs = [
                {"id": p["message_id"], "role": "user", "text": p["text"], "timestamp": p["timestamp"],
                 "in_reply_to": None, "channel": p["channel"]}
                for p in self.stored.values() if p["conversation_id"] == conv
            ]
            return 200, {"conversation_id": conv, "messages": msgs}
        return 404, {"error": "not found"}


class LiveGateway:
    """The gateway served by a real Hypercorn in a background thread (its own event loop)."""

    def __init__(self, settings: Settings, *, n8n: FakeN8n | None = None) -> None:
        self.settings = settings
        self.n8n = n8n
        self.app = create_app(settings)
        self.loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="live-gateway", daemon=True)
        self._ready = threading.Event()
        self._error: BaseException | None = None

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.settings.port}/ws"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.port}"

    @property
    def runtime(self):  # noqa: ANN201
        return runtime_of(self.app)

    def start(self) -> LiveGateway:
        self._thread.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not self._ready.is_set() and self._error is None:
            time.sleep(0.01)
        if self._error is not None:
            raise RuntimeError("live gateway failed") from self._error
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.settings.port), timeout=5):
                    return self
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def call(self, fn: Callable[[], Any]) -> Any:
        """Run `fn` (a coroutine factory) on the server loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(fn(), self.loop).result(10)

    def stop(self) -> None:
        if self._stop is not None:
            self.loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(15)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._main())
        except BaseException as exc:  # noqa: BLE001 - reported to start()
            self._error = exc

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        if self.n8n is not None:
            await self.n8n.start()
        config = Config()
        config.bind = [f"127.0.0.1:{self.settings.port}"]
        config.websocket_max_message_size = self.settings.ws_hard_limit_bytes
        config.graceful_timeout = 1
        config.accesslog = None

        async def trigger() -> None:
            self._ready.set()
            await self._stop.wait()
            await self.runtime.begin_shutdown()

        try:
            await serve(self.app, config, shutdown_trigger=trigger)
        finally:
            if self.n8n is not None:
                await self.n8n.stop()


def n8n_settings(base: Settings, n8n_base_url: str) -> Settings:
    return base.replace(
        n8n_chat_webhook_url=n8n_base_url + CHAT_PATH,
        n8n_history_webhook_url=n8n_base_url + HISTORY_PATH,
        n8n_health_url=n8n_base_url + HEALTH_PATH,
    )


@dataclass
class HistoryN8n(FakeN8n):
    """The fake n8n, plus the assistant replies a test posted in its history as chat-history.json serves it: each
    message with `estimate` (metadata.estimate), `article` (metadata.article) and `intent` (metadata.intent)."""

    replies: list[dict[str, Any]] = field(default_factory=list)

    async def _route(self, method: str, target: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        url = urlsplit(target)
        if method == "GET" and url.path == HISTORY_PATH:
            conv = parse_qs(url.query).get("conversation_id", [""])[0]
            msgs = [
                {"id": p["message_id"], "role": "user", "text": p["text"], "timestamp": p["timestamp"],
                 "in_reply_to": None, "channel": p["channel"], "voice": None, "estimate": None, "article": None,
                 "intent": (p.get("metadata") or {}).get("intent")}
                for p in self.stored.values() if p["conversation_id"] == conv
            ]
            msgs += [
                {"id": r["message_id"], "role": "assistant", "text": r["text"], "timestamp": r["timestamp"],
                 "in_reply_to": r["in_reply_to"], "channel": "web", "voice": None, "estimate": r.get("estimate"),
                 "article": r.get("article"), "intent": None}
                for r in self.replies if r["conversation_id"] == conv
            ]
            msgs.sort(key=lambda m: m["timestamp"])
            return 200, {"conversation_id": conv, "messages": msgs}
        return await super()._route(method, target, headers, body)


@contextmanager
def live_gateway(n8n: FakeN8n, data_dir: Path, secret: str) -> Iterator[LiveGateway]:
    """A gateway served by Hypercorn on a free port against the fake n8n (web only, no speech engine), stopped on
    exit: what the browser tests drive."""
    settings = n8n_settings(Settings(port=free_port(), data_dir=data_dir, callback_secret=secret,
                                     speech=SpeechSettings(engine="none", workers=1)), n8n.base_url)
    gw = LiveGateway(settings, n8n=n8n).start()
    try:
        yield gw
    finally:
        gw.stop()


# Every Content-Security-Policy violation the page causes, in window.__csp (an init script: before the page's own).
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def phone_page(browser: Browser, live: LiveGateway, *, record_violations: bool = False, **context: object) -> Page:
    """The chat page in a new browser context at phone size (390 x 844, touch, es-ES), once it says it is online.
    `record_violations` runs RECORD_VIOLATIONS first; `context` adds options of the context (permissions=[…])."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, locale="es-ES",
                              is_mobile=True, has_touch=True, **context)
    page = ctx.new_page()
    if record_violations:
        page.add_init_script(RECORD_VIOLATIONS)
    page.goto(live.http_url + "/")
    expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
    return page
