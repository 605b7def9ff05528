"""The chat page under its Content-Security-Policy, in a real headless Chromium: it connects, sends, shows a reply
and an estimate card with no policy violation; and a page of another site, in the same browser, cannot open the
gateway's WebSocket (Origin check)."""

from __future__ import annotations

import http.server
import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from gateway.channels.base import utc_iso, utc_now
from gateway.signing import sign
from tests.gateway.support import RECORD_VIOLATIONS, FakeN8n, LiveGateway, free_port, live_gateway
from tests.support.chromium import launch_chromium

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

SECRET = "page-browser-secret"
CARD = json.loads((Path(__file__).parent / "data" / "estimate_card.json").read_text(encoding="utf-8"))["card"]


OPEN_SOCKET = """url => new Promise(resolve => {
  const ws = new WebSocket(url);
  ws.onopen = () => { resolve('open'); ws.close(); };
  ws.onerror = () => resolve('refused');
  setTimeout(() => resolve('timeout'), 8000);
})"""


@contextmanager
def foreign_site() -> Iterator[str]:
    """Another web site on this machine: an empty page at http://localhost:<port>/."""

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = b"<!doctype html><title>Otro sitio</title>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveGateway]:
    with live_gateway(FakeN8n(port=free_port()), tmp_path_factory.mktemp("gw-page"), SECRET) as gw:
        yield gw


def post_reply(live: LiveGateway, conversation_id: str, in_reply_to: str) -> None:
    body = {"type": "reply", "conversation_id": conversation_id, "channel": "web", "message_id": "reply-csp-0001",
            "in_reply_to": in_reply_to, "text": "Cierre la llave de paso y cambie el cartucho.",
            "timestamp": utc_iso(utc_now()), "estimate": CARD}
    raw = json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(live.http_url + "/callbacks/n8n", data=raw, method="POST",
                                     headers={"Content-Type": "application/json", **sign(SECRET, raw)})
    with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback
        assert json.load(response)["delivered"] == 1


def test_the_page_works_under_its_policy_and_other_sites_cannot_open_the_socket(live: LiveGateway) -> None:
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(locale="es-ES")
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.add_init_script(RECORD_VIOLATIONS)
            response = page.goto(live.http_url + "/")
            assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
            expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)

            page.fill("#message-input", "Gotea el grifo de la cocina")
            page.click("#send")
            expect(page.locator(".msg.user").last).to_have_attribute("data-state", "accepted", timeout=10000)
            deadline = time.monotonic() + 10
            while not live.n8n.stored and time.monotonic() < deadline:
                time.sleep(0.05)
            [payload] = live.n8n.stored.values()
            post_reply(live, payload["conversation_id"], payload["message_id"])
            expect(page.locator(".msg.assistant").last).to_contain_text(CARD["number"], timeout=10000)
            assert page.evaluate("window.__csp") == []
            assert not [e for e in errors if "Content Security Policy" in e], errors

            # Another site's page, in the same browser, tries to join a conversation. It is a real loopback
            # server named http://localhost:<port> (Chromium's local-network rules would block a page from a
            # public address by themselves): the gateway must refuse it, its host name being another.
            with foreign_site() as foreign_url:
                foreign = browser.new_page()
                foreign_errors: list[str] = []
                foreign.on("console", lambda m: foreign_errors.append(m.text))
                foreign.goto(foreign_url)
                outcome = foreign.evaluate(OPEN_SOCKET, live.ws_url + "?conversation=conv-foreign01")
            assert outcome == "refused"
            assert any("403" in e for e in foreign_errors), foreign_errors  # the gateway said no, not the browser
        finally:
            browser.close()
