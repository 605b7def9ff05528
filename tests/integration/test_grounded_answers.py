"""Answers grounded in the knowledge base, through the real workflow: safety message first, cited sources,
"not sure" instead of a guess, and staff edits applying to the next question."""

from __future__ import annotations

import psycopg
import pytest

from devstack.stack import Stack
from eval.prompting import NOT_FOUND_REPLY
from tests.integration.conftest import rows
from tests.workflows.test_answer_shape import SETTINGS

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]


async def ask(open_chat, text: str) -> tuple[str, dict]:
    async with open_chat() as chat:
        message_id = await chat.send_message(text)
        reply = await chat.reply_to(message_id)
    return message_id, reply


def stored_answer(stack: Stack, message_id: str) -> tuple[str, dict]:
    [(text, metadata)] = rows(stack, "SELECT text, metadata FROM messages WHERE in_reply_to = %s", message_id)
    return text, metadata


async def test_gas_smell_gets_the_fixed_safety_message_first(stack: Stack, open_chat) -> None:
    [(gas_message,)] = rows(stack, "SELECT message FROM safety_rules WHERE slug = 'olor-a-gas'")
    message_id, reply = await ask(open_chat, "Huele a gas en la cocina cerca del calentador, ¿qué hago?")
    assert reply["text"].startswith(gas_message)
    text, metadata = stored_answer(stack, message_id)
    assert text == reply["text"] and metadata["safety_rule"] == "olor-a-gas"


async def test_a_known_fault_is_answered_from_the_knowledge_base_with_its_source(stack: Stack, open_chat) -> None:
    message_id, reply = await ask(open_chat, "El grifo monomando de la cocina gotea, ¿cómo cambio el cartucho?")
    [(title,)] = rows(stack, "SELECT title FROM kb_articles WHERE slug = 'grifo-monomando-cartucho'")
    last_line = reply["text"].strip().splitlines()[-1]
    assert last_line.startswith("Fuente: ") and f"{title} (KB-grifo-monomando-cartucho)" in last_line
    _, metadata = stored_answer(stack, message_id)
    assert metadata["grounded"] is True and metadata["sources"][0] == "grifo-monomando-cartucho"
    assert metadata["safety_rule"] is None


async def test_an_unrelated_question_gets_only_plumbing_instead_of_a_guess(stack: Stack, open_chat) -> None:
    # no article and no word of the trade: the friendly no_plumbing_text ("solo puedo ayudarte con fontanería…"),
    # not "No estoy seguro" (eval/DEV-SMALLTALK-3.md); it reads as a question, so staff see it (stop 29,
    # eval/DEV-SMALLTALK-4.md: reason "friendly", not "not_sure")
    question = "¿Quién escribió el Quijote?"
    message_id, reply = await ask(open_chat, question)
    assert reply["text"] != NOT_FOUND_REPLY and "solo puedo ayudarte con fontanería" in reply["text"]
    assert reply["text"] == SETTINGS["no_plumbing_text"] and "article" not in reply
    [(answer_id, metadata)] = rows(stack, "SELECT id, metadata FROM messages WHERE in_reply_to = %s", message_id)
    assert metadata == {"grounded": False, "sources": [], "safety_rule": None, "small_talk": True, "no_plumbing": True,
                        "talk_rest": question, "talk_question": True}
    assert rows(stack, "SELECT question, reason FROM kb_open_misses WHERE answer_id = %s", answer_id) == [
        (question, "friendly")]


async def test_a_subject_that_is_not_plumbing_gets_the_off_topic_reply(stack: Stack, open_chat) -> None:
    # a subject of off_topic_words (football), even asked as a question: off_topic_text, no search, no article
    # (stop 32, bench/quality/TALK-32.md)
    question = "¿Quién ganó el mundial de fútbol de 2010?"
    message_id, reply = await ask(open_chat, question)
    assert reply["text"] == SETTINGS["off_topic_text"] and "article" not in reply
    [(metadata,)] = rows(stack, "SELECT metadata FROM messages WHERE in_reply_to = %s", message_id)
    assert metadata["small_talk"] is True and metadata["grounded"] is False and metadata["sources"] == []


async def test_an_article_added_by_staff_answers_the_next_question(stack: Stack, open_chat) -> None:
    question = "¿Cómo se calibra el sensor Zumbaquí del sistema Quelfoz?"
    _, before = await ask(open_chat, question)
    # nothing found: no article, no guess (words of the trade: he is asked for other words, ASKING.md "Stop 24")
    assert "article" not in before and "KB-" not in before["text"] and "de otra forma" in before["text"]
    assert stack.app_db is not None
    with psycopg.connect(stack.app_db.url, autocommit=True) as conn:  # what staff do with plain SQL
        conn.execute(
            "INSERT INTO kb_articles (slug, title, problem, symptoms, procedure, safety, tools_materials,"
            " call_professional, source, keywords) VALUES ('sensor-zumbaqui-quelfoz',"
            " 'Calibrar el sensor Zumbaquí del sistema Quelfoz', 'El sensor Zumbaquí marca mal',"
            " 'El sistema Quelfoz da lecturas erróneas', '1. Cortar la alimentación. 2. Pulsar calibrar 5 s.',"
            " 'Cortar la corriente antes.', 'Destornillador', 'Si el sensor está roto.', 'Prueba', 'zumbaqui quelfoz sensor calibrar')")
    message_id, after = await ask(open_chat, question)
    assert "KB-sensor-zumbaqui-quelfoz" in after["text"]
    assert stored_answer(stack, message_id)[1]["sources"] == ["sensor-zumbaqui-quelfoz"]
