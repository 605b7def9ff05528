"""Stop 39 (bench/quality/BUILDINGS-39.md), through the real chat (WebSocket in, reply out): the septic tank's
article brings its confined-space notice first where the message says the tank is opened, although its words alone
fire no rule (the notice can only come from the article's link)."""

from __future__ import annotations

import pytest

from devstack.stack import Stack
from tests.integration.conftest import rows

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]

OPENS_IT = "la fosa séptica está llena y huele, cómo la destapo?"
ARTICLE, RULE = "fosa-septica", "espacio-confinado"


async def test_the_septic_tank_notice_comes_from_its_article_where_the_tank_is_opened(stack: Stack, open_chat) -> None:
    [(message,)] = rows(stack, "SELECT message FROM safety_rules WHERE slug = %s", RULE)
    [(triggered,)] = rows(stack, "SELECT triggered FROM safety_check(%s)", OPENS_IT)
    assert triggered is False, OPENS_IT   # the words alone fire nothing: the notice can only come from the link
    async with open_chat() as chat:
        warned = await chat.reply_to(await chat.send_message(OPENS_IT))
    assert f"KB-{ARTICLE}" in warned["text"]
    assert warned["text"].startswith(message.strip() + "\n\n")
