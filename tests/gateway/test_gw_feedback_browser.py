"""The 👍/👎 bar of the chat page (gateway/static/feedback.js) in a real headless Chromium, under the page's
Content-Security-Policy, against the real gateway and a fake n8n that records the votes: a press is sent and
shown as pressed with a thank-you; a vote the workflow refuses is shown with the gateway's Spanish message and
the buttons go back to what they were. The whole loop with the real workflows: tests/integration/
test_feedback_loop.py."""

from __future__ import annotations

import json
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from gateway.channels.base import utc_iso, utc_now
from gateway.signing import sign
from tests.gateway.support import RECORD_VIOLATIONS, FakeN8n, LiveGateway, free_port, live_gateway
from tests.support.chromium import launch_chromium

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

SECRET = "feedback-browser-secret"
REFUSED = "reply:refused-by-n8n"


@dataclass
class VotingN8n(FakeN8n):
    """FakeN8n with the remedios-feedback webhook: every answer is known except REFUSED."""

    votes: list[dict[str, Any]] = field(default_factory=list)

    async def _route(self, method: str, target: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        if method == "POST" and target == "/webhook/remedios-feedback":
            vote = json.loads(body)
            if vote["message_id"] == REFUSED:
                return 404, {"status": "unknown_message"}
            self.votes.append(vote)
            return 200, {"status": "recorded", "message_id": vote["message_id"], "vote": vote["vote"]}
        return await super()._route(method, target, headers, body)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveGateway]:
    with live_gateway(VotingN8n(port=free_port()), tmp_path_factory.mktemp("gw-feedback"), SECRET) as gw:
        yield gw


def reply(live: LiveGateway, conversation_id: str, in_reply_to: str, message_id: str) -> None:
    body = {"type": "reply", "conversation_id": conversation_id, "channel": "web", "message_id": message_id,
            "in_reply_to": in_reply_to, "text": "Cierre la llave de paso y cambie el cartucho.",
            "timestamp": utc_iso(utc_now())}
    raw = json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(live.http_url + "/callbacks/n8n", data=raw, method="POST",
                                     headers={"Content-Type": "application/json", **sign(SECRET, raw)})
    with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback
        assert json.load(response)["delivered"] == 1


def ask(page: Page, live: LiveGateway, text: str, answer_id: str) -> None:
    page.fill("#message-input", text)
    page.click("#send")
    deadline = time.monotonic() + 10
    while not any(p["text"] == text for p in live.n8n.stored.values()) and time.monotonic() < deadline:
        time.sleep(0.05)
    payload = next(p for p in live.n8n.stored.values() if p["text"] == text)
    reply(live, payload["conversation_id"], payload["message_id"], answer_id)
    expect(page.locator(f".msg.assistant[data-id='{answer_id}']")).to_be_visible(timeout=10000)


def test_a_vote_is_sent_shown_and_a_refused_one_is_explained(live: LiveGateway) -> None:
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_page(locale="es-ES")
            page.add_init_script(RECORD_VIOLATIONS)
            page.goto(live.http_url + "/")
            expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
            conversation = page.evaluate("window.remedios.conversationId")

            ask(page, live, "Gotea el grifo de la cocina", "reply:good-answer-1")
            answer = page.locator(".msg.assistant[data-id='reply:good-answer-1']")
            down = answer.get_by_role("button", name="No me ha servido", exact=True)
            up = answer.get_by_role("button", name="Me ha servido", exact=True)
            expect(down).to_have_attribute("aria-pressed", "false")
            down.click()
            expect(answer.locator(".feedback-status")).to_have_text(
                "Gracias: el equipo técnico revisará esta respuesta.", timeout=10000)
            expect(down).to_have_attribute("aria-pressed", "true")
            expect(up).to_have_attribute("aria-pressed", "false")
            assert live.n8n.votes == [{"conversation_id": f"web:{conversation}", "message_id": "reply:good-answer-1",
                                       "vote": "down"}]
            down.click()  # the same vote again: nothing is sent
            up.click()
            expect(up).to_have_attribute("aria-pressed", "true", timeout=10000)
            expect(down).to_have_attribute("aria-pressed", "false")
            assert [v["vote"] for v in live.n8n.votes] == ["down", "up"]

            ask(page, live, "¿Y la junta?", REFUSED)
            refused = page.locator(f".msg.assistant[data-id='{REFUSED}']")
            refused.get_by_role("button", name="No me ha servido", exact=True).click()
            expect(refused.locator(".feedback-status")).to_have_text("Esa respuesta no existe en esta conversación.",
                                                                     timeout=10000)
            expect(refused.locator(".feedback")).to_have_attribute("data-state", "failed")
            expect(refused.get_by_role("button", name="No me ha servido", exact=True)).to_have_attribute(
                "aria-pressed", "false")
            # the user's own messages never get the bar
            assert page.locator(".msg.user .feedback").count() == 0
            assert page.evaluate("window.__csp") == []
            page.screenshot(path=str(Path(tempfile.gettempdir()) / "feedback-bar.png"))
        finally:
            browser.close()
