"""Estimates through the real stack, on the chat side: a message sent with intent=estimate is stored by the real
n8n with metadata.intent, and an answer stored with metadata.estimate (a card made by estimate_card() in the
real Postgres) comes back through the real chat-history workflow and the gateway, and the page in Chromium shows
it as a table on another device (no local cache).

What n8n answers to an estimate request is the chat workflow's business (tests of estimate.json); here the
answer is written with SQL, exactly as the contract says n8n stores it.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path

import psycopg
import pytest
from playwright.sync_api import expect, sync_playwright

from devstack.stack import Stack
from tests.integration.conftest import ARTIFACTS, rows
from tests.support.chromium import launch_chromium

pytestmark = [pytest.mark.stack, pytest.mark.browser, pytest.mark.timeout(600)]

JOB = "Presupuesto: cambiar un termo de 150 litros con 3 metros de tubería de cobre de 22 mm"


def store_estimate_answer(stack: Stack, conversation_id: str) -> tuple[str, dict]:
    """An estimate in the real Postgres and the assistant message carrying its card, as n8n stores it."""
    assert stack.app_db is not None
    answer_id = f"answer-{uuid.uuid4().hex}"
    with psycopg.connect(stack.app_db.url) as conn:
        number = conn.execute(
            "SELECT estimate_create(%s, %s::jsonb) ->> 'number'",
            (conversation_id, json.dumps([
                {"item": "calentador de 40 galones", "quantity": 1},
                {"item": "tubo de cobre de 22 mm", "quantity": 3, "unit": "metros"},
                {"item": "bomba de recirculación rara", "quantity": 1},
                {"labour_hours": 3.5},
            ])),
        ).fetchone()[0]
        card = conn.execute("SELECT estimate_card(%s, %s)", (number, stack.config.gateway_url)).fetchone()[0]
        text = conn.execute("SELECT estimate_as_text(%s)", (number,)).fetchone()[0]
        text += "\n\nVer, imprimir, aceptar o rechazar: " + card["url"]
        conn.execute(
            "INSERT INTO messages (id, conversation_id, role, channel, text, metadata)"
            " VALUES (%s, %s, 'assistant', 'web', %s, jsonb_build_object('estimate', %s::jsonb))",
            (answer_id, conversation_id, text, json.dumps(card)),
        )
    return answer_id, card


async def test_intent_is_stored_and_the_card_comes_back_with_the_history(stack: Stack, open_chat) -> None:
    async with open_chat() as chat:
        message_id = str(uuid.uuid4())
        await chat.socket.send(json.dumps({"type": "message", "id": message_id, "text": JOB, "intent": "estimate"}))
        await chat.wait_for(lambda e: e.get("type") == "accepted" and e.get("id") == message_id, 10)
        for _ in range(120):
            stored = rows(stack, "SELECT metadata FROM messages WHERE id = %s", message_id)
            if stored:
                break
            await asyncio.sleep(0.5)
        assert stored and stored[0][0].get("intent") == "estimate"

        answer_id, card = store_estimate_answer(stack, chat.conversation_id)
        await chat.socket.send('{"type":"history"}')
        history = await chat.wait_for(lambda e: e.get("type") == "history" and any(
            m["id"] == answer_id for m in e["messages"]))
    by_id = {m["id"]: m for m in history["messages"]}
    assert by_id[message_id]["intent"] == "estimate" and "estimate" not in by_id[message_id]
    assert by_id[answer_id]["estimate"] == card
    assert card["url"].startswith(stack.config.gateway_url + "/presupuestos/" + card["number"] + "?t=")

    # another device of this conversation: the page shows the table from the history alone
    await asyncio.to_thread(check_page, stack, chat.browser_id, message_id, card)


def euros(amount: float) -> str:
    """1335.71 -> '1.335,71 €' (the no-break space Intl puts before the sign)."""
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") + "\u00a0€"


def check_page(stack: Stack, browser_id: str, message_id: str, card: dict) -> None:
    (ARTIFACTS / "estimates").mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844}, locale="es-ES", is_mobile=True)
            context.add_init_script(f"window.localStorage.setItem('remedios.conversation', {browser_id!r})")
            page = context.new_page()
            page.goto(stack.config.gateway_url + "/")
            bubble = page.locator(f'.msg.assistant[data-estimate="{card["number"]}"] .bubble')
            expect(bubble.locator("table.est-table")).to_be_visible(timeout=15000)
            expect(page.locator(f'.msg.user[data-id="{message_id}"] .intent')).to_have_text("Petición de presupuesto")
            expect(bubble.locator(".est-title")).to_have_text(f"Presupuesto {card['number']}")
            expect(bubble.locator('tr[data-total="total"] td')).to_have_text(euros(card["total"]))
            expect(bubble.locator("tr.est-line[data-to-quote] td.c-quote")).to_have_text("a cotizar")
            assert bubble.locator("a.est-open").get_attribute("href") == card["url"]
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            page.screenshot(path=str(ARTIFACTS / "estimates" / "chat-estimate-real-stack.png"))
        finally:
            browser.close()
