"""Estimates in the chat page, in a real headless Chromium at phone size (390 px), against the gateway served by
Hypercorn with a fake n8n (tests/gateway/support.py) that also serves the replies it was given in its history.

"Pedir presupuesto" sends the message with intent=estimate (n8n receives metadata.intent); a signed callback
reply carrying a realistic estimate card (tests/gateway/data/estimate_card.json, made by estimate_card() on a real
Postgres) shows as a table with es-ES amounts, the "a cotizar" line without a price, the customer's link, no
horizontal overflow, and card values as text only; a reload shows it again from the history alone; a later reply
with the same number and a new status updates the badge. Screenshots: test-artifacts/estimates/.
"""

from __future__ import annotations

import copy
import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from gateway.channels.base import utc_iso, utc_now
from gateway.signing import sign
from tests.gateway.support import HistoryN8n, LiveGateway, free_port, live_gateway, phone_page
from tests.support.chromium import launch_chromium

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

SECRET = "estimate-browser-secret"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "estimates"
FIXTURE = json.loads((Path(__file__).parent / "data" / "estimate_card.json").read_text(encoding="utf-8"))
SCRIPT = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">"
PROMPT_START = "Describe el trabajo para el presupuesto"
JOB = "Cambiar un termo de 150 litros por uno nuevo, con 3 metros de tubería de cobre de 22 mm"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveGateway]:
    with live_gateway(HistoryN8n(port=free_port()), tmp_path_factory.mktemp("gw-estimate"), SECRET) as gw:
        yield gw


def launch(playwright) -> Browser:  # noqa: ANN001
    return launch_chromium(playwright)


def post_reply(live: LiveGateway, conversation_id: str, in_reply_to: str, text: str,
               estimate: dict[str, Any] | None) -> dict[str, Any]:
    """A signed reply callback, as n8n sends it; the fake n8n keeps it for the history too."""
    body: dict[str, Any] = {
        "type": "reply", "conversation_id": conversation_id, "channel": "web",
        "message_id": f"reply-{time.monotonic_ns()}", "in_reply_to": in_reply_to, "text": text,
        "timestamp": utc_iso(utc_now()),
    }
    if estimate is not None:
        body["estimate"] = estimate
    live.n8n.replies.append(body)
    raw = json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(live.http_url + "/callbacks/n8n", data=raw, method="POST",
                                     headers={"Content-Type": "application/json", **sign(SECRET, raw)})
    with urllib.request.urlopen(request) as response:
        assert response.status == 200
        assert json.load(response)["delivered"] >= 1
    return body


def stored_with(live: LiveGateway, text: str, timeout: float = 10.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for payload in list(live.n8n.stored.values()):
            if payload["text"] == text:
                return payload
        time.sleep(0.05)
    raise AssertionError(f"n8n never received {text!r}")


def realistic_card(live: LiveGateway, status: str = "sent") -> dict[str, Any]:
    """The fixture card (made by estimate_card on Postgres), linked to this gateway, with one description a
    malicious catalogue edit could contain (Postgres refuses it in an item, not in a catalogue name)."""
    card = copy.deepcopy(FIXTURE["card"])
    card["status"] = status
    token = parse_qs(urlsplit(card["url"]).query)["t"][0]
    card["url"] = f"{live.http_url}/presupuestos/{card['number']}?t={token}"
    card["lines"][2]["description"] = SCRIPT  # the copper elbows
    return card


def estimate_text(card: dict[str, Any]) -> str:
    return FIXTURE["text"] + "\n\nVer, imprimir, aceptar o rechazar: " + card["url"]


def normal(text: str | None) -> str:
    return " ".join((text or "").replace("\u00a0", " ").replace("\u202f", " ").split())


def check_table(page: Page, bubble, card: dict[str, Any]) -> None:
    """The values and their es-ES formatting, as the plumber reads them."""
    table = bubble.locator("table.est-table")
    expect(table).to_be_visible()
    cells = table.locator("tr.est-line").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent))")
    by_desc = {normal(c[0]): [normal(x) for x in c[1:]] for c in cells}
    assert by_desc["Termo eléctrico 150 l"] == ["1 ud", "369,00 €", "369,00 €"]
    assert by_desc["Tubo de cobre 22 mm"] == ["3 m", "15,60 €", "46,80 €"]
    assert by_desc["Calentador de gas estanco 14 l/min"] == ["1 ud", "425,00 €", "425,00 €"]
    assert by_desc["Mano de obra oficial fontanero"] == ["3,5 h", "38,00 €", "133,00 €"]
    assert by_desc["Tasa municipal de obra menor (suplido, sin IVA) (sin IVA)"] == ["1 ud", "45,00 €", "45,00 €"]
    # the "a cotizar" line: quantity, no price, no amount
    quote = [c for d, c in by_desc.items() if d.startswith("Bomba de recirculación Grundfos UP 15-14")]
    assert quote == [["1 ud", "a cotizar"]], by_desc
    quote_row = table.locator("tr.est-line[data-to-quote]")
    expect(quote_row).to_have_count(1)
    assert "€" not in (quote_row.text_content() or "")
    assert quote_row.locator("td.c-price, td.c-total").count() == 0
    # the <script> description is text: shown as written, never run
    assert by_desc[normal(SCRIPT)] == ["4 ud", "2,40 €", "9,60 €"]
    assert bubble.locator(".estimate script, .estimate img").count() == 0
    assert page.evaluate("window.__pwned") is None
    # sections, subtotals and totals
    sections = [normal(t) for t in table.locator("tr.est-section-title").all_text_contents()]
    assert sections == ["Materiales", "Mano de obra", "Desplazamiento, retirada y tasas",
                        "A cotizar (sin precio, no incluido en el total)"]
    totals = {r.get_attribute("data-total"): normal(r.locator("td").text_content())
              for r in table.locator("tr.est-sum").all()}
    assert totals == {
        "subtotal_materials": "878,70 €", "subtotal_labour": "133,00 €", "subtotal_other": "100,00 €",
        "taxable_base": "1.066,70 €", "tax": "224,01 €", "untaxed": "45,00 €", "total": "1.335,71 €",
        "deposit": "400,71 €",
    }
    assert normal(table.locator('tr[data-total="tax"] th').text_content()) == "IVA (21 %)"
    assert normal(table.locator('tr[data-total="deposit"] th').text_content()) == "Señal al aceptar (30 %)"
    assert normal(table.locator('tr[data-total="total"] th').text_content()) == "TOTAL más las partidas a cotizar"
    # head, validity, link
    expect(bubble.locator(".est-title")).to_have_text(f"Presupuesto {card['number']}")
    expect(bubble.locator(".est-valid")).to_have_text("Válido hasta 23/12/2026")
    link = bubble.locator("a.est-open")
    expect(link).to_have_text("Ver, imprimir, aceptar o rechazar")
    assert link.get_attribute("href") == card["url"]
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in (link.get_attribute("rel") or "")
    # nothing lost: the plain text is in the bubble, folded
    folded = bubble.locator("details.estimate-text .text")
    assert folded.text_content() == estimate_text(card)


def check_no_overflow(page: Page, bubble) -> None:
    widths = page.evaluate("({doc: document.documentElement.scrollWidth, body: document.body.scrollWidth,"
                           " inner: window.innerWidth})")
    assert widths["doc"] <= widths["inner"] and widths["body"] <= widths["inner"], widths
    box = bubble.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= widths["inner"], box


def tall_screenshot(page: Page, path: Path) -> None:
    """The whole conversation at 390 px wide (the card is taller than a phone screen), for a look check."""
    page.set_viewport_size({"width": 390, "height": 2600})
    page.wait_for_timeout(200)
    check_no_overflow(page, page.locator(".msg.assistant .bubble").last)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": 390, "height": 844})


def test_estimate_request_card_reload_and_decision(live: LiveGateway) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = phone_page(browser, live)
            conv = "web:" + page.evaluate("window.remedios.conversationId")

            # "Pedir presupuesto" with nothing typed: the plumber is asked to describe the job
            button = page.locator("#estimate-request")
            expect(button).to_have_text("Pedir presupuesto")
            button.click()
            expect(page.locator("#notice")).to_contain_text(PROMPT_START)
            expect(button).to_have_attribute("aria-pressed", "true")
            expect(page.locator("#composer textarea")).to_have_attribute(
                "placeholder", "Describe el trabajo a presupuestar…")
            assert not live.n8n.stored  # nothing was sent
            page.fill("#composer textarea", JOB)
            page.click("#send")
            user = page.locator(".msg.user").last
            expect(user).to_have_attribute("data-state", "accepted", timeout=5000)
            expect(user.locator(".intent")).to_have_text("Petición de presupuesto")
            expect(button).to_have_attribute("aria-pressed", "false")
            payload = stored_with(live, JOB)
            assert payload["metadata"] == {"intent": "estimate"}

            # an ordinary message has no intent
            page.fill("#composer textarea", "Gracias")
            page.click("#send")
            assert stored_with(live, "Gracias")["metadata"] == {}

            # the reply with the estimate card
            card = realistic_card(live)
            post_reply(live, conv, payload["message_id"], estimate_text(card), card)
            bubble = page.locator(f'.msg.assistant[data-estimate="{card["number"]}"] .bubble')
            expect(bubble).to_have_count(1, timeout=5000)
            expect(bubble.locator(".est-badge")).to_have_text("Enviado")
            check_table(page, bubble, card)
            check_no_overflow(page, bubble)
            bubble.locator(".est-head").scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / "chat-estimate.png"))
            tall_screenshot(page, ARTIFACTS / "chat-estimate-full.png")

            # reload with the page's own cache wiped: the table comes back from the history alone
            page.evaluate("localStorage.removeItem('remedios.chat.' + window.remedios.conversationId)")
            page.reload()
            expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
            bubble = page.locator(f'.msg.assistant[data-estimate="{card["number"]}"] .bubble')
            expect(bubble).to_have_count(1, timeout=5000)
            check_table(page, bubble, card)
            check_no_overflow(page, bubble)
            expect(page.locator(".msg.user .intent")).to_have_count(1)  # the intent came back too

            # the customer accepts: n8n posts a reply with the same number and the new status
            accepted = realistic_card(live, status="accepted")
            decision = post_reply(live, conv, payload["message_id"],
                                  f"El cliente ha aceptado el presupuesto {card['number']}.", accepted)
            cards = page.locator(f'.msg.assistant[data-estimate="{card["number"]}"]')
            expect(cards).to_have_count(2, timeout=5000)
            latest = page.locator(f'.msg.assistant[data-id="{decision["message_id"]}"] .bubble')
            expect(latest.locator(".text")).to_have_text(f"El cliente ha aceptado el presupuesto {card['number']}.")
            expect(latest.locator(".text")).to_be_visible()
            expect(latest.locator(".est-badge")).to_have_text("Aceptado")
            expect(latest.locator("details.est-lines")).not_to_have_attribute("open", "")
            expect(latest.locator(".est-summary")).to_have_text("TOTAL: 1.335,71\u00a0€ (más las partidas a cotizar)")
            expect(latest.locator('tr[data-total="total"] td')).to_have_text("1.335,71\u00a0€")
            # the first card's badge follows the estimate's newest status
            expect(cards.first.locator(".est-badge")).to_have_text("Aceptado")
            expect(cards.first.locator("a.est-open")).to_have_text("Ver o imprimir el presupuesto")
            check_no_overflow(page, latest)
            tall_screenshot(page, ARTIFACTS / "chat-estimate-accepted.png")

            # and after a reload both still say so (history carries both cards)
            page.reload()
            expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
            expect(page.locator(f'.msg.assistant[data-estimate="{card["number"]}"] .est-badge')).to_have_text(
                ["Aceptado", "Aceptado"], timeout=5000)
        finally:
            browser.close()


def test_typed_text_is_sent_as_request_and_unsafe_links_are_not_used(live: LiveGateway) -> None:
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = phone_page(browser, live)
            conv = "web:" + page.evaluate("window.remedios.conversationId")
            text = "Presupuesto para cambiar la cisterna del baño"
            page.fill("#composer textarea", text)
            page.click("#estimate-request")  # typed text: sent at once as an estimate request
            expect(page.locator(".msg.user").last).to_have_attribute("data-state", "accepted", timeout=5000)
            payload = stored_with(live, text)
            assert payload["metadata"] == {"intent": "estimate"}
            expect(page.locator("#composer textarea")).to_have_value("")

            card = realistic_card(live)
            card["url"] = "javascript:window.__pwned=3"
            card["number"] = "P-2026-0002"
            post_reply(live, conv, payload["message_id"],
                       estimate_text(card).replace("P-2026-0001", "P-2026-0002"), card)
            bubble = page.locator('.msg.assistant[data-estimate="P-2026-0002"] .bubble')
            expect(bubble.locator("table.est-table")).to_be_visible(timeout=5000)
            assert bubble.locator("a").count() == 0  # no link rather than a javascript: one
            assert page.evaluate("window.__pwned") is None
        finally:
            browser.close()
