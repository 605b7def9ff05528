"""Stop 39 (bench/quality/BUILDINGS-39.md), through the real chat (WebSocket in, reply out): a linked article's notice
no longer comes first on a question that names no danger of its job (the septic tank's link now decided by its
lists, kb_article_safety_rules.needs_strict), and still does where the message says the danger."""

from __future__ import annotations

import pytest

from devstack.stack import Stack
from tests.integration.conftest import rows

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]

ASKS_WHEN = "rancho con 6 personas, cada cuánto se vacía la fosa séptica?"     # safety-15-tune s15-019
OPENS_IT = "la fosa séptica está llena y huele, cómo la destapo?"
ARTICLE, RULE = "fosa-septica", "espacio-confinado"


async def test_the_septic_tank_notice_only_where_the_tank_is_opened(stack: Stack, open_chat) -> None:
    [(message,)] = rows(stack, "SELECT message FROM safety_rules WHERE slug = %s", RULE)
    for text in (ASKS_WHEN, OPENS_IT):   # the words alone fire nothing: a notice can only come from the link
        [(triggered,)] = rows(stack, "SELECT triggered FROM safety_check(%s)", text)
        assert triggered is False, text
    async with open_chat() as chat:
        quiet = await chat.reply_to(await chat.send_message(ASKS_WHEN))
    assert f"KB-{ARTICLE}" in quiet["text"] and "AVISO DE SEGURIDAD" not in quiet["text"]
    async with open_chat() as chat:
        warned = await chat.reply_to(await chat.send_message(OPENS_IT))
    assert f"KB-{ARTICLE}" in warned["text"]
    assert warned["text"].startswith(message.strip() + "\n\n")
