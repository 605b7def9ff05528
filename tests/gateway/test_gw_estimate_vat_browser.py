"""The estimate card with several IVA rates, and a revision with what changed, in real headless Chromium.

The card is tests/gateway/data/estimate_card_two_rates.json: made by estimate_card() and estimate_converse() on a
real Postgres (labour and call-out at 10 % IVA, materials and disposal at 21 %; revision 2 after "y 1 hora
más"). Before, such a card showed one "IVA" row with no rate and no base; now each rate shows on its own base,
then the sum, as the customer's page and estimate_as_text do.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.gateway.support import phone_page
from tests.gateway.test_gw_estimate_browser import (  # noqa: F401  (the module's live gateway fixture)
    check_no_overflow,
    launch,
    live,
    normal,
    post_reply,
    stored_with,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

FIXTURE = json.loads((Path(__file__).parent / "data" / "estimate_card_two_rates.json").read_text(encoding="utf-8"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "estimates"


def euros(value: float) -> str:
    whole, cents = f"{value:.2f}".split(".")
    return f"{int(whole):,}".replace(",", ".") + "," + cents + " €"


def test_two_iva_rates_show_each_on_its_base_and_a_revision_shows_what_changed(live: Any) -> None:
    card: dict[str, Any] = copy.deepcopy(FIXTURE["card"])
    card["url"] = f"{live.http_url}/presupuestos/{card['number']}?t=0123456789abcdef0123456789abcdef"
    assert card["tax_rate"] is None and len(card["taxes"]) == 2
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = phone_page(browser, live)
            conv = "web:" + page.evaluate("window.remedios.conversationId")
            page.fill("#composer textarea", "y 1 hora más")
            page.click("#send")
            payload = stored_with(live, "y 1 hora más")
            post_reply(live, conv, payload["message_id"], FIXTURE["text"], card)
            bubble = page.locator(f'.msg.assistant[data-estimate="{card["number"]}"] .bubble')
            table = bubble.locator("table.est-table")
            expect(table).to_be_visible(timeout=5000)
            rows = {r.get_attribute("data-total"): (normal(r.locator("th").text_content()),
                                                    normal(r.locator("td").text_content()))
                    for r in table.locator("tr.est-sum").all()}
            assert rows["tax-0.21"] == ("IVA (21 % sobre 313,50 €)", "65,84 €")
            assert rows["tax-0.1"] == ("IVA (10 % sobre 229,50 €)", "22,95 €")
            assert rows["tax"] == ("IVA (total)", "88,79 €")
            assert rows["taxable_base"][1] == "543,00 €" and rows["total"][1] == "631,79 €"
            # the rows agree with each other to the cent, as Postgres computed them
            assert sum(t["tax"] for t in card["taxes"]) == pytest.approx(card["tax"], abs=0.001)
            assert rows["tax"][1] == normal(euros(card["tax"]))
            order = [r.get_attribute("data-total") for r in table.locator("tr.est-sum").all()]
            assert order.index("taxable_base") < order.index("tax-0.21") < order.index("tax-0.1") < order.index("tax")
            # the revision and what changed
            expect(bubble.locator(".est-revision")).to_have_text("Revisión 2")
            expect(bubble.locator(".est-changes li")).to_have_text(["Mano de obra: 4,25 h → 5,25 h",
                                                                    "Total: 589,99 € → 631,79 €"])
            check_no_overflow(page, bubble)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            bubble.screenshot(path=str(ARTIFACTS / "chat-estimate-two-rates.png"))
        finally:
            browser.close()


def test_one_rate_still_shows_the_rate_and_no_total_row(live: Any) -> None:
    card: dict[str, Any] = copy.deepcopy(FIXTURE["card"])
    card.update(number="P-2026-0777", url="", tax_rate=0.21, taxes=[{"rate": 0.21, "base": 543.0, "tax": 114.03}],
                tax=114.03, revision=1, changes=[])
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = phone_page(browser, live)
            conv = "web:" + page.evaluate("window.remedios.conversationId")
            page.fill("#composer textarea", "presupuesto de prueba")
            page.click("#send")
            payload = stored_with(live, "presupuesto de prueba")
            post_reply(live, conv, payload["message_id"], "Presupuesto P-2026-0777", card)
            bubble = page.locator('.msg.assistant[data-estimate="P-2026-0777"] .bubble')
            expect(bubble.locator("table.est-table")).to_be_visible(timeout=5000)
            assert normal(bubble.locator('tr[data-total="tax"] th').text_content()) == "IVA (21 %)"
            assert bubble.locator("tr.est-tax-rate").count() == 0
            assert bubble.locator(".est-revision, .est-changes").count() == 0
        finally:
            browser.close()
