"""Stubs for the ack benchmark, in their own process: n8n (chat + status webhooks answer `stored`, health OK)
and the fake Graph API (tests/support/fake_graph.py). Prints `n8n=<url> graph=<url>`, then serves
until killed."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.fake_graph import FakeGraph


class N8nStub(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer({"status": "stored"})

    def do_GET(self) -> None:  # noqa: N802
        self._answer({"status": "ok", "conversation_id": "x", "messages": []})


def main() -> None:
    graph = FakeGraph(token="bench-token").start()
    graph.requests = _Discard()  # type: ignore[assignment] - do not keep 10^5 records
    n8n = ThreadingHTTPServer(("127.0.0.1", 0), N8nStub)
    n8n.daemon_threads = True
    threading.Thread(target=n8n.serve_forever, daemon=True).start()
    print(f"n8n=http://127.0.0.1:{n8n.server_address[1]} graph={graph.url}", flush=True)
    while True:
        time.sleep(3600)


class _Discard(list):
    def append(self, item: object) -> None:
        pass


if __name__ == "__main__":
    main()
