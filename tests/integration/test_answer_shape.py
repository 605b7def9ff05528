"""The answer's shape through the real stack (issue 13): the cited article's card reaches the page (and its
history), WhatsApp gets the procedure as a second message in WhatsApp's own formatting, small talk gets a
friendly reply without the model, a follow-up is answered with the previous question, and in Chromium the
card opens to the full procedure."""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from devstack.stack import Stack
from eval.prompting import NOT_FOUND_REPLY, small_talk_reply
from gateway.whatsapp.text import article_text
from tests.integration.conftest import ARTIFACTS, WA_APP_SECRET, rows
from tests.integration.test_browser_chat import new_phone_page, send
from tests.integration.test_whatsapp import new_phone, post_webhook, wait_until
from tests.support import wa_payloads as wa
from tests.support.fake_graph import FakeGraph
from tests.workflows.test_answer_shape import SETTINGS

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]

QUESTION = "El grifo monomando de la cocina gotea, ¿cómo cambio el cartucho?"
SLUG = "grifo-monomando-cartucho"
MARKDOWN = re.compile(r"^\s*#|\*\*", re.MULTILINE)


def card_in_postgres(stack: Stack, slug: str) -> dict[str, Any]:
    [(card,)] = rows(stack, "SELECT kb_article_card(a) FROM kb_articles a WHERE slug = %s", slug)
    return card


def stored_answer(stack: Stack, message_id: str) -> tuple[str, dict[str, Any]]:
    [(text, metadata)] = rows(stack, "SELECT text, metadata FROM messages WHERE in_reply_to = %s", message_id)
    return text, metadata


async def test_the_cited_articles_card_reaches_the_page_and_its_history(stack: Stack, open_chat) -> None:
    card = card_in_postgres(stack, SLUG)
    async with open_chat() as chat:
        message_id = await chat.send_message(QUESTION)
        reply = await chat.reply_to(message_id)
        assert reply["article"] == card and len(card["steps"]) >= 5
        assert reply["text"].strip().splitlines()[-1] == f"Fuente: {card['title']} (KB-{SLUG})"
        assert not MARKDOWN.search(reply["text"]) and "PREGUNTA DEL FONTANERO" not in reply["text"]
        text, metadata = stored_answer(stack, message_id)
        assert text == reply["text"] and metadata["article"] == card and metadata["sources"] == [SLUG]
        await chat.socket.send('{"type":"history"}')
        history = await chat.wait_for(lambda e: e.get("type") == "history")
    [answer] = [m for m in history["messages"] if m["role"] == "assistant"]
    assert answer["article"] == card


@pytest.mark.parametrize("text", ["hola", "Buenas tardes", "gracias", "¿Quién eres?"])
async def test_small_talk_gets_a_friendly_reply_without_the_model(stack: Stack, open_chat, text: str) -> None:
    async with open_chat() as chat:
        started = time.monotonic()
        message_id = await chat.send_message(text)
        reply = await chat.reply_to(message_id)
        seconds = time.monotonic() - started
    assert reply["text"] == small_talk_reply(text) and "No estoy seguro" not in reply["text"]
    assert "article" not in reply
    _, metadata = stored_answer(stack, message_id)
    assert metadata == {"grounded": False, "sources": [], "safety_rule": None, "small_talk": True}
    print(f"{text!r} answered in {seconds:.1f} s")


# Own words, in no phrase list (small_talk of "Assistant settings") and in no eval set: no article, no trade word.
UNLISTED_SMALL_TALK = "qué tal la familia, todo tranquilo por allá"
NO_ARTICLE_QUESTION = "el clorador salino de la piscina no produce cloro"  # words of the trade, no article


def listed_for_staff(stack: Stack, message_id: str) -> list[tuple[str, str]]:
    return rows(stack, "SELECT question, reason FROM kb_open_misses WHERE answer_id = "
                       "(SELECT id FROM messages WHERE in_reply_to = %s)", message_id)


async def test_small_talk_no_phrase_knows_gets_the_friendly_reply_not_not_sure(stack: Stack, open_chat) -> None:
    assert small_talk_reply(UNLISTED_SMALL_TALK) is None, "the phrase list does not know it"
    async with open_chat() as chat:
        message_id = await chat.send_message(UNLISTED_SMALL_TALK)
        reply = await chat.reply_to(message_id)
    assert "No estoy seguro" not in reply["text"] and "de otra forma" not in reply["text"]
    assert reply["text"] == SETTINGS["no_plumbing_text"] and "article" not in reply and "choices" not in reply
    _, metadata = stored_answer(stack, message_id)
    # talk_rest (stop 29): the words besides the greeting "qué tal" and the filler "todo"; none reads as a question
    # (talk_question, read when stored), so not listed
    assert metadata == {"grounded": False, "sources": [], "safety_rule": None, "small_talk": True, "no_plumbing": True,
                        "talk_rest": "la familia tranquilo por alla", "talk_question": False}
    assert listed_for_staff(stack, message_id) == [], "not a miss"


async def test_a_plumbing_question_with_no_article_is_still_not_sure_and_listed(stack: Stack, open_chat) -> None:
    [(found,)] = rows(stack, "SELECT found FROM kb_answer(%s, '')", NO_ARTICLE_QUESTION)
    assert found is False
    async with open_chat() as chat:
        asked_id = await chat.send_message(NO_ARTICLE_QUESTION)
        asked = await chat.reply_to(asked_id)
        # nothing found for words of the trade: asked once for other words (the "not sure" path since stop 24)
        assert "de otra forma" in asked["text"] and asked["text"] != SETTINGS.get("no_plumbing_text")
        assert listed_for_staff(stack, asked_id) == [(NO_ARTICLE_QUESTION, "not_sure")]
        # "no sé" names nothing of the trade, but it answers the question asked back: not small talk
        unsure_id = await chat.send_message("no sé")
        reply = await chat.reply_to(unsure_id)
    assert reply["text"] == NOT_FOUND_REPLY
    _, metadata = stored_answer(stack, unsure_id)
    assert metadata["not_sure"] is True and "small_talk" not in metadata and "no_plumbing" not in metadata


async def test_a_follow_up_is_answered_with_the_previous_question(stack: Stack, open_chat) -> None:
    # a first question that is answered (one that finds nothing is asked for other words since stop 24, and his
    # next message is then his description: tests/integration/test_ask_back.py)
    first, follow_up = "tengo que reparar una fuga en una tubería", "¿y si es de cobre?"
    [(alone,)] = rows(stack, "SELECT found FROM kb_answer(%s, '')", follow_up)
    assert alone is False, "the follow-up alone finds nothing: only the conversation can answer it"
    async with open_chat() as chat:
        await chat.reply_to(await chat.send_message(first))
        message_id = await chat.send_message(follow_up)
        reply = await chat.reply_to(message_id)
    _, metadata = stored_answer(stack, message_id)
    assert metadata["grounded"] is True and metadata["sources"] == ["soldadura-cobre"]
    assert metadata["followup"] == first
    assert reply["article"]["slug"] == "soldadura-cobre" and "KB-soldadura-cobre" in reply["text"]
    async with open_chat() as fresh:  # the same words in a new conversation: no guess, asked for other words
        reply = await fresh.reply_to(await fresh.send_message(follow_up))
        assert "article" not in reply and "KB-" not in reply["text"] and "de otra forma" in reply["text"]
        reply = await fresh.reply_to(await fresh.send_message("no sé"))
    assert reply["text"] == NOT_FOUND_REPLY


async def test_whatsapp_gets_the_procedure_as_a_second_message_in_whatsapp_formatting(
    stack: Stack, fake_graph: FakeGraph
) -> None:
    phone = new_phone()
    wamid = f"wamid.SHAPE{uuid.uuid4().hex[:12]}"
    body = wa.messages_body(wa.text_message(wamid, QUESTION, phone=phone), contacts=[wa.contact(phone)])
    assert post_webhook(stack, body, secret=WA_APP_SECRET).status_code == 200
    sent = await wait_until(lambda: len(fake_graph.sent(phone)) >= 2 and fake_graph.sent(phone), timeout=150)
    await asyncio.sleep(1)
    assert len(fake_graph.sent(phone)) == 2
    answer, procedure = (m["text"]["body"] for m in sent)
    card = card_in_postgres(stack, SLUG)
    assert sent[0]["context"] == {"message_id": wamid}
    assert answer.splitlines()[-1] == f"*Fuente:* {card['title']} (KB-{SLUG})"
    assert procedure == article_text(card)  # title, why, tools, steps, safety, when to call, KB-<slug>
    assert procedure.startswith(f"*Procedimiento completo: {card['title']}*\n\n"
                                f"*Por qué pasa:* {card['problem']}")
    assert f"*Pasos:*\n1. {card['steps'][0]}" in procedure
    assert f"\n{len(card['steps'])}. {card['steps'][-1]}" in procedure and procedure.endswith(f"KB-{SLUG}")
    assert f"*Cuándo llamar a un especialista:* {card['call_professional']}" in procedure
    for message in (answer, procedure):
        assert "###" not in message and "**" not in message and not re.search(r"^\s*#", message, re.M)
    hello = f"wamid.HELLO{uuid.uuid4().hex[:12]}"
    other = new_phone()
    post_webhook(stack, wa.messages_body(wa.text_message(hello, "hola", phone=other), contacts=[wa.contact(other)]))
    [greeting] = await wait_until(lambda: fake_graph.sent(other), timeout=60)
    assert greeting["text"]["body"] == small_talk_reply("hola")


@pytest.mark.browser
def test_the_page_shows_the_card_and_opens_the_full_procedure(browser: Browser, stack: Stack) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    card = card_in_postgres(stack, SLUG)
    page = new_phone_page(browser, stack)
    send(page, QUESTION)
    article = page.locator(".msg.assistant .article").first
    expect(article.locator("summary")).to_have_text("Ver procedimiento completo", timeout=90000)
    steps = article.locator(".article-steps li")
    expect(steps.first).to_be_hidden()  # closed until the plumber opens it
    answer = page.locator(".msg.assistant .text").first
    assert not MARKDOWN.search(answer.text_content() or "")
    article.locator("summary").click()
    expect(steps).to_have_text(card["steps"])
    expect(article.locator(".article-title")).to_have_text(card["title"])
    expect(article.locator(".article-ref")).to_have_text(f"KB-{SLUG}")
    if card.get("safety"):
        expect(article.locator(".article-safety")).to_have_text("Seguridad: " + card["safety"])
    expect(article.locator(".article-problem")).to_have_text("Por qué pasa: " + card["problem"])
    expect(article.locator(".article-tools")).to_have_text(
        "Herramientas y materiales: " + card["tools_materials"])
    expect(article.locator(".article-call")).to_have_text(
        "Cuándo llamar a un especialista: " + card["call_professional"])
    article.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "answer-article-card.png"), full_page=True)
    page.locator(".msg.assistant").first.screenshot(path=str(ARTIFACTS / "answer-article-card-bubble.png"))

    page.reload()  # the card comes back with the conversation
    expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
    expect(page.locator(".msg.assistant .article summary")).to_have_text("Ver procedimiento completo")

    send(page, "hola")
    expect(page.locator(".msg.assistant .text").last).to_have_text(small_talk_reply("hola"), timeout=60000)
    page.screenshot(path=str(ARTIFACTS / "answer-small-talk.png"), full_page=True)
