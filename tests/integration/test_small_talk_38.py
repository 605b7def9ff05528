"""An everyday off-topic question, then a real fault, in one conversation through the real stack (issue 13 item 4,
stop 38, bench/quality/TALK-38.md): the paperwork question gets the short off-topic reply that says what the
assistant is for (no search, no "No estoy seguro", no question asked back), and the fault that follows still
reaches the knowledge base. Own wordings (none from an eval set)."""

from __future__ import annotations

import pytest

from devstack.stack import Stack
from tests.support.small_talk_chat import off_topic_then_a_question, reply_metadata
from tests.workflows.test_answer_shape import SETTINGS

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]

PAPERWORK = "oye, ¿sabes qué papeles piden para renovar el DNI?"
FAULT = "bueno, a lo nuestro: el grifo monomando del lavabo gotea por el caño, ¿le cambio el cartucho?"
PRICE = "¿y cuánto cobra un cerrajero por cambiar una cerradura?"


async def test_off_topic_paperwork_gets_the_short_reply_and_a_fault_after_it_an_answer(
        stack: Stack, open_chat) -> None:
    async with open_chat() as chat:
        await off_topic_then_a_question(stack, chat, PAPERWORK, FAULT)


async def test_the_price_of_another_trade_is_no_estimate(stack: Stack, open_chat) -> None:
    async with open_chat() as chat:
        message_id = await chat.send_message(PRICE)
        reply = await chat.reply_to(message_id)
    assert reply["text"] == SETTINGS["off_topic_text"]
    metadata = reply_metadata(stack, message_id)
    assert metadata["small_talk"] is True and "estimate" not in metadata and "estimate_job_asked" not in metadata
