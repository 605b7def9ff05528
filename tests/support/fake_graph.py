"""A small fake of Meta's Graph API (WhatsApp Cloud API) on loopback, for end-to-end tests and the benchmark.

Serves, under `/<version>`:
- `POST /<version>/<phone-number-id>/messages`: text sends (answers a fresh `wamid.FAKE…`) and read/typing
  calls;
- `GET /<version>/<media-id>`: the media lookup (a short-lived URL on this server);
- `GET /media/<media-id>`: the download.
Every request must carry `Authorization: Bearer <token>` (else 401 with Graph's error shape, code 190).
Requests are recorded (`sent`, `reads`, `media_requests`) for assertions; `fail_next` queues error answers.
"""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.loopback import serve, shut

VERSION = "v23.0"


@dataclass
class FakeGraph:
    token: str = "fake-graph-token"
    phone_number_id: str = "106540352242922"
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # media id -> (bytes, mime type)
    requests: list[dict[str, Any]] = field(default_factory=list)
    fail_next: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    @property
    def port(self) -> int:
        assert self._server is not None
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{VERSION}"

    def start(self) -> FakeGraph:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                fake._handle(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                fake._handle(self, "POST")

        self._server = serve(Handler, "fake-graph")
        return self

    def stop(self) -> None:
        shut(self._server)

    def gateway_env(self, *, app_secret: str, verify_token: str) -> dict[str, str]:
        return {
            "WHATSAPP_VERIFY_TOKEN": verify_token,
            "WHATSAPP_APP_SECRET": app_secret,
            "WHATSAPP_ACCESS_TOKEN": self.token,
            "WHATSAPP_PHONE_NUMBER_ID": self.phone_number_id,
            "WHATSAPP_GRAPH_URL": self.url,
        }

    # ---- recorded traffic --------------------------------------------------------------------------------
    def snapshot(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.requests)

    def sent(self, to: str | None = None) -> list[dict[str, Any]]:
        """Sends Graph accepted (answers from `fail_next` excluded), optionally only those to `to`."""
        return [
            r["json"]
            for r in self.snapshot()
            if r["kind"] == "send" and not r.get("failed") and (to is None or r["json"].get("to") == to)
        ]

    def reads(self) -> list[dict[str, Any]]:
        return [r["json"] for r in self.snapshot() if r["kind"] == "read"]

    # ---- the server ----------------------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        path = handler.path.split("?")[0]
        if handler.headers.get("Authorization") != f"Bearer {self.token}":
            self._reply(
                handler,
                401,
                {
                    "error": {
                        "message": "Invalid OAuth access token - Cannot parse access token",
                        "type": "OAuthException",
                        "code": 190,
                        "fbtrace_id": "FAKE",
                    }
                },
            )
            return
        parts = [p for p in path.split("/") if p]
        if method == "GET" and len(parts) == 2 and parts[0] == "media":
            self._record("download", path, None)
            blob = self.media.get(parts[1])
            if blob is None:
                self._reply(handler, 404, {"error": {"message": "URL expired", "code": 100}})
            else:
                self._reply_bytes(handler, 200, blob[0], blob[1])
            return
        if len(parts) < 2 or parts[0] != VERSION:
            self._reply(handler, 404, {"error": {"message": "Unknown path", "code": 803}})
            return
        if method == "GET" and len(parts) == 2:
            media_id = parts[1]
            self._record("media", path, None)
            blob = self.media.get(media_id)
            if blob is None:
                self._reply(handler, 404, {"error": {"message": "Unsupported get request", "code": 100}})
                return
            port = handler.server.server_address[1]
            self._reply(
                handler,
                200,
                {
                    "messaging_product": "whatsapp",
                    "url": f"http://127.0.0.1:{port}/media/{media_id}",
                    "mime_type": blob[1],
                    "sha256": "fake",
                    "file_size": len(blob[0]),
                    "id": media_id,
                },
            )
            return
        if (
            method == "POST"
            and len(parts) == 3
            and parts[1] == self.phone_number_id
            and parts[2] == "messages"
        ):
            try:
                body = json.loads(raw)
            except ValueError:
                self._reply(handler, 400, {"error": {"message": "Invalid JSON", "code": 100}})
                return
            kind = "read" if body.get("status") == "read" else "send"
            with self._lock:
                failure = self.fail_next.pop(0) if self.fail_next and kind == "send" else None
            self._record(kind, path, body, failed=failure is not None)
            if failure is not None:
                self._reply(handler, failure[0], failure[1])
            elif kind == "read":
                self._reply(handler, 200, {"success": True})
            else:
                wamid = f"wamid.FAKE{next(self._ids):06d}"
                self._reply(
                    handler,
                    200,
                    {
                        "messaging_product": "whatsapp",
                        "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                        "messages": [{"id": wamid}],
                    },
                )
            return
        self._reply(handler, 404, {"error": {"message": "Unknown path", "code": 803}})

    def _record(self, kind: str, path: str, body: Any, **extra: Any) -> None:
        with self._lock:
            self.requests.append({"kind": kind, "path": path, "json": body, **extra})

    @staticmethod
    def _reply(handler: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        FakeGraph._reply_bytes(handler, status, json.dumps(body).encode(), "application/json")

    @staticmethod
    def _reply_bytes(handler: BaseHTTPRequestHandler, status: int, data: bytes, mime: str) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", mime)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)


if __name__ == "__main__":  # manual use: python -m tests.support.fake_graph
    import time

    g = FakeGraph().start()
    print(g.url, flush=True)
    while True:
        time.sleep(3600)
