"""Greetings and thanks said with words of the trade, and friendly replies listed for staff, through the real
stack (issue 13 items 4 and 5; eval/DEV-SMALLTALK-4.md, stop 29): a thanks that names the trade gets the thanks
reply, not "No encuentro ese caso…"; a greeting followed by a real fault still reaches the knowledge base; a first
message of one trade word after a turn word is a miss listed for staff (stop 32), who attach it to an article from
the staff page (it becomes an example question). Own examples (none from an eval set)."""

from __future__ import annotations

import re

import httpx
import pytest

from devstack.stack import Stack
from tests.integration.conftest import rows
from tests.integration.test_feedback_loop import staff_auth, staff_url
from eval.prompting import NOT_FOUND_REPLY
from tests.workflows.test_answer_shape import SETTINGS

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]

THANKS_REPLY = next(line.split("=>")[1].strip() for line in SETTINGS["small_talk"].splitlines()
                    if line.startswith("gracias,"))
THANKS = "muchas gracias, la llave del lavabo quedó preciosa"
FAULT = "buenas tardes, el bidé del cliente pierde por abajo"
ONE_WORD = "¿y el latiguillo?"


def stored(stack: Stack, message_id: str) -> tuple[str, str, dict]:
    [row] = rows(stack, "SELECT id, text, metadata FROM messages WHERE in_reply_to = %s", message_id)
    return row


def listed(stack: Stack, answer_id: str) -> list[tuple[str, str]]:
    return rows(stack, "SELECT question, reason FROM kb_open_misses WHERE answer_id = %s", answer_id)


async def test_a_thanks_that_names_the_trade_gets_the_thanks_reply_and_is_listed(stack: Stack, open_chat) -> None:
    async with open_chat() as chat:
        message_id = await chat.send_message(THANKS)
        reply = await chat.reply_to(message_id)
    assert reply["text"] == THANKS_REPLY and "article" not in reply and "choices" not in reply
    answer_id, _, metadata = stored(stack, message_id)
    assert metadata == {"grounded": False, "sources": [], "safety_rule": None, "small_talk": True, "trade_talk": True,
                        "talk_rest": "la llave del lavabo quedo preciosa", "talk_question": True}
    # it names the trade: staff see it, in case it was a question after all
    assert listed(stack, answer_id) == [(THANKS, "friendly")]


async def test_a_greeting_followed_by_a_fault_still_reaches_the_knowledge_base(stack: Stack, open_chat) -> None:
    async with open_chat() as chat:
        message_id = await chat.send_message(FAULT)
        reply = await chat.reply_to(message_id)
    _, _, metadata = stored(stack, message_id)
    assert reply["text"] != THANKS_REPLY and "small_talk" not in metadata
    assert metadata["sources"] or metadata.get("choices"), metadata   # answered from an article, or asked which


async def test_a_one_word_question_is_a_miss_listed_for_staff(stack: Stack, open_chat) -> None:
    # a lone part after a turn word ("¿y el latiguillo?") as a first message: no friendly reply since stop 32
    # (bench/quality/TALK-32.md) but "no estoy seguro", a miss listed for staff, who make it an example question
    async with open_chat() as chat:
        message_id = await chat.send_message(ONE_WORD)
        reply = await chat.reply_to(message_id)
    assert reply["text"] == NOT_FOUND_REPLY
    answer_id, _, metadata = stored(stack, message_id)
    assert metadata.get("not_sure") is True and "no_plumbing" not in metadata and "small_talk" not in metadata
    assert listed(stack, answer_id) == [(ONE_WORD, "not_sure")]

    page = httpx.get(staff_url(stack), auth=staff_auth(stack), timeout=30)
    assert f"«{ONE_WORD}»" in page.text and f'data-answer="{answer_id}"' in page.text
    token = re.search(r'name="token" value="([0-9a-f]{64})"', page.text).group(1)
    slug = "fregadero-fuga-latiguillos"
    done = httpx.post(staff_url(stack), auth=staff_auth(stack), timeout=30,
                      data={"answer_id": answer_id, "action": "example", "slug": slug, "token": token})
    assert done.status_code == 200 and "Añadida como pregunta de ejemplo" in done.text, done.text[:500]
    assert listed(stack, answer_id) == []
    assert rows(stack, "SELECT source FROM kb_examples WHERE article_slug = %s AND question = %s",
                slug, ONE_WORD) == [("miss",)]
    # (the search still finds nothing for a one-word question alone, example or not: a search limit, not this list)
