"""The cited article's card in the chat page, in a real headless Chromium at phone size (390 px), against the
gateway served by Hypercorn with a fake n8n that serves the replies it was given in its history
(docs/contracts.md §4; gateway/static/article.js, chat.js, draft.js).

A card of 2026-12-06 on carries why it happens, the tools and materials and when to call a specialist besides
the steps and the safety note: under the answer it stays a closed "Ver procedimiento completo" and opens to the
title, Por qué pasa, Herramientas y materiales, Pasos, Seguridad, Cuándo llamar a un especialista, KB-<slug>, in
that order, as text only. A card stored before those parts existed (the history carries them) shows as it did,
without empty headings; a reload from the history alone shows both again. The streamed draft shows the same
parts, open. Screenshots: test-artifacts/articles/.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect, sync_playwright

from gateway.channels.base import utc_iso, utc_now
from gateway.signing import sign
from tests.gateway.support import OLD_ARTICLE, HistoryN8n, LiveGateway, free_port, live_gateway, phone_page
from tests.support.chromium import launch_chromium

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

SECRET = "article-browser-secret"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "articles"
SCRIPT = "<img src=x onerror=\"window.__pwned = 1\"><script>window.__pwned = 2</script>"

FULL: dict[str, Any] = {
    "slug": "cisterna-pierde-agua",
    "title": "La cisterna no para de cargar agua",
    "steps": ["Echar colorante en el tanque y esperar 15 minutos sin tirar de la cadena.",
              "Si el color pasa a la taza, cambiar la junta de la válvula de descarga.",
              "Si el agua sale por el rebosadero, bajar el flotador o cambiar el grifo flotador."],
    "safety": "Cerrar la llave de paso de la cisterna antes de desmontar nada.",
    "problem": "La válvula de descarga no cierra o el grifo flotador no corta: " + SCRIPT,
    "tools_materials": "Colorante alimentario, destornillador, junta de descarga o clapeta de recambio.",
    "call_professional": "Si la cisterna o la taza están agrietadas, o la llave de paso no cierra.\n"
                         "Si hay agua bajo el suelo.",
}
# The parts of an open card, in order (the <summary> first): class names of the <details>' children.
FULL_ORDER = ["", "article-title", "article-part article-problem", "article-part article-tools", "article-heading",
              "article-steps", "article-part article-safety", "article-part article-call", "article-ref"]
OLD_ORDER = ["", "article-title", "article-heading", "article-steps", "article-part article-safety", "article-ref"]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveGateway]:
    with live_gateway(HistoryN8n(port=free_port()), tmp_path_factory.mktemp("gw-article"), SECRET) as gw:
        yield gw


def ask(page: Page, live: LiveGateway, text: str) -> dict[str, Any]:
    """The plumber sends `text`; the payload n8n received."""
    page.fill("#composer textarea", text)
    page.click("#send")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for payload in list(live.n8n.stored.values()):
            if payload["text"] == text:
                return payload
        time.sleep(0.05)
    raise AssertionError(f"n8n never received {text!r}")


def post_reply(live: LiveGateway, payload: dict[str, Any], text: str, article: dict[str, Any]) -> str:
    """A signed reply callback with its article card, as n8n sends it; the fake n8n keeps it for the history."""
    body = {"type": "reply", "conversation_id": payload["conversation_id"], "channel": "web",
            "message_id": f"reply-{time.monotonic_ns()}", "in_reply_to": payload["message_id"], "text": text,
            "timestamp": utc_iso(utc_now()), "article": article}
    live.n8n.replies.append(body)
    raw = json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(live.http_url + "/callbacks/n8n", data=raw, method="POST",
                                     headers={"Content-Type": "application/json", **sign(SECRET, raw)})
    with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback
        assert response.status == 200 and json.load(response)["delivered"] >= 1
    return body["message_id"]


def children(box: Locator) -> list[str]:
    return box.evaluate("el => Array.from(el.children).map(c => c.className)")


def check_full(card: Locator, closed: bool) -> None:
    """The full card: closed until opened, then every part in order, as text."""
    if closed:
        expect(card).not_to_have_attribute("open", "")
        expect(card.locator(".article-problem")).to_be_hidden()
        card.locator("summary").click()
    expect(card.locator("summary")).to_have_text("Ver procedimiento completo")
    assert children(card) == FULL_ORDER
    expect(card.locator(".article-title")).to_have_text(FULL["title"])
    expect(card.locator(".article-problem")).to_have_text("Por qué pasa: " + FULL["problem"])
    expect(card.locator(".article-problem")).to_be_visible()
    expect(card.locator(".article-tools")).to_have_text("Herramientas y materiales: " + FULL["tools_materials"])
    expect(card.locator(".article-heading")).to_have_text("Pasos")
    expect(card.locator(".article-steps li")).to_have_text(FULL["steps"])
    expect(card.locator(".article-safety")).to_have_text("Seguridad: " + FULL["safety"])
    expect(card.locator(".article-call")).to_have_text("Cuándo llamar a un especialista: " + FULL["call_professional"])
    expect(card.locator(".article-ref")).to_have_text("KB-" + FULL["slug"])
    assert card.locator(".article-part strong").all_text_contents() == [
        "Por qué pasa: ", "Herramientas y materiales: ", "Seguridad: ", "Cuándo llamar a un especialista: "]
    # the card's text is never HTML: the markup in `problem` is shown as typed, nothing ran
    assert card.locator("img, script").count() == 0
    # a part written on two lines keeps its line break (white-space: pre-line): two lines tall
    call = card.locator(".article-call")
    line = float(call.evaluate("el => parseFloat(getComputedStyle(el).lineHeight) || 16"))
    assert call.evaluate("el => el.getClientRects().length") == 1 and call.bounding_box()["height"] > 1.5 * line


def check_old(card: Locator, closed: bool) -> None:
    """A card stored before the new parts: title, steps, safety, reference; no empty heading."""
    if closed:
        card.locator("summary").click()
    assert children(card) == OLD_ORDER
    expect(card.locator(".article-steps li")).to_have_text(OLD_ARTICLE["steps"])
    expect(card.locator(".article-safety")).to_have_text("Seguridad: " + OLD_ARTICLE["safety"])
    for part in (".article-problem", ".article-tools", ".article-call"):
        expect(card.locator(part)).to_have_count(0)
    assert "Por qué pasa" not in (card.text_content() or "")


def check_no_overflow(page: Page) -> None:
    widths = page.evaluate("({doc: document.documentElement.scrollWidth, body: document.body.scrollWidth,"
                           " inner: window.innerWidth})")
    assert widths["doc"] <= widths["inner"] and widths["body"] <= widths["inner"], widths


def test_the_card_opens_to_its_parts_in_order_and_old_cards_still_show(live: LiveGateway) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = phone_page(browser, live)
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))

            first = ask(page, live, "La cisterna no para de cargar agua")
            full_id = post_reply(live, first, "1. Eche colorante en el tanque.\n\nFuente: La cisterna no para "
                                 "de cargar agua (KB-cisterna-pierde-agua)", FULL)
            second = ask(page, live, "¿Y el cartucho del monomando?")
            old_id = post_reply(live, second, "1. Cierre las llaves de escuadra.\n\nFuente: Cambiar el cartucho "
                                "(KB-grifo-monomando-cartucho)", OLD_ARTICLE)
            full = page.locator(f'.msg.assistant[data-id="{full_id}"] details.article')
            old = page.locator(f'.msg.assistant[data-id="{old_id}"] details.article')
            expect(full).to_have_count(1, timeout=5000)
            expect(old).to_have_count(1, timeout=5000)
            check_full(full, closed=True)
            check_old(old, closed=True)
            check_no_overflow(page)
            full.scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / "card-open.png"))
            page.locator(f'.msg.assistant[data-id="{full_id}"]').screenshot(path=str(ARTIFACTS / "card-bubble.png"))

            # a reload with the page's own cache wiped: both cards come back from the history alone, closed
            page.evaluate("localStorage.removeItem('remedios.chat.' + window.remedios.conversationId)")
            page.reload()
            expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
            expect(page.locator(".msg.assistant details.article")).to_have_count(2, timeout=5000)
            check_full(page.locator(f'.msg.assistant[data-id="{full_id}"] details.article'), closed=True)
            check_old(page.locator(f'.msg.assistant[data-id="{old_id}"] details.article'), closed=True)
            check_no_overflow(page)
            assert page.evaluate("window.__pwned") is None
            assert not errors, errors
        finally:
            browser.close()


DRAFT = """([id, seq, article]) => window.dispatchEvent(new CustomEvent('remedios:event', {detail: {
  type: 'draft', in_reply_to: id, seq: seq, text: 'Cierre la llave de paso', article: article}}))"""


def test_the_draft_shows_the_same_parts_open(live: LiveGateway) -> None:
    """The draft event (contracts §1) as chat.js hands it to draft.js: the card known before the model starts."""
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = phone_page(browser, live)
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.evaluate(DRAFT, ["msg-draft-0001", 1, FULL])
            box = page.locator('#drafts .draft-row[data-in-reply-to="msg-draft-0001"] .draft-article')
            expect(box).to_be_visible()
            assert children(box) == ["draft-article-title", *FULL_ORDER[2:-1]]
            expect(box.locator(".draft-article-title")).to_have_text("Procedimiento verificado: " + FULL["title"])
            expect(box.locator(".article-problem")).to_have_text("Por qué pasa: " + FULL["problem"])
            expect(box.locator(".article-problem")).to_be_visible()  # open: read while the answer is written
            expect(box.locator(".article-steps li")).to_have_text(FULL["steps"])
            expect(box.locator(".article-call")).to_have_text(
                "Cuándo llamar a un especialista: " + FULL["call_professional"])
            assert box.locator("img, script").count() == 0
            check_no_overflow(page)
            page.locator("#drafts .draft-row").first.screenshot(path=str(ARTIFACTS / "draft-card.png"))

            # a later draft for the same message whose card changed is drawn again; an old card has no empty parts
            page.evaluate(DRAFT, ["msg-draft-0001", 2, OLD_ARTICLE])
            assert children(box) == ["draft-article-title", *OLD_ORDER[2:-1]]
            expect(box.locator(".article-problem")).to_have_count(0)
            # a draft without a card hides the box
            page.evaluate(DRAFT, ["msg-draft-0001", 3, None])
            expect(box).to_be_hidden()
            assert page.evaluate("window.__pwned") is None
            assert not errors, errors
        finally:
            browser.close()
