"""The water meter as the utility's matter, then a leak at the meter, in one conversation through the real stack
(issue 13 item 4, stop 39, bench/quality/TALK-39.md): the bill question gets the short off-topic reply (no search, no
"No estoy seguro", no question asked back) and the leak that follows still reaches the knowledge base; a long
greeting that tells the day gets a short reply, and "cómo va colocado…" with a part is a question. Own wordings
(none from an eval set)."""

from __future__ import annotations

import pytest

from devstack.stack import Stack
from eval.prompting import NOT_FOUND_REPLY
from tests.support.small_talk_chat import off_topic_then_a_question, reply_metadata

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]

BILL = "oye, ¿a quién le reclamo si la compañía me cobró una lectura del contador que no es?"
LEAK = "bueno, a lo nuestro: gotea la tuerca de la llave de paso que va justo después del contador"
DAY = "Buenas tardes, aquí de vuelta del almacén, un tráfico terrible y ni tiempo para un café, qué día llevo"
PART = "como va colocado el sifón de la bañera"


async def test_the_bill_gets_the_short_reply_and_a_leak_at_the_meter_after_it_a_search(
        stack: Stack, open_chat) -> None:
    async with open_chat() as chat:
        await off_topic_then_a_question(stack, chat, BILL, LEAK)


async def test_the_day_s_story_gets_a_short_reply_and_how_a_part_goes_is_a_question(stack: Stack, open_chat) -> None:
    async with open_chat() as chat:
        day = await chat.send_message(DAY)
        reply = await chat.reply_to(day)
        assert reply["text"] != NOT_FOUND_REPLY and "choices" not in reply and "article" not in reply
        assert reply_metadata(stack, day)["small_talk"] is True
    async with open_chat() as chat:
        part = await chat.send_message(PART)
        answer = await chat.reply_to(part)
        metadata = reply_metadata(stack, part)
    assert "small_talk" not in metadata, (answer["text"], metadata)
