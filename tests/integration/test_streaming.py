"""Streaming through the real stack: n8n asks the model through the gateway's relay, the page sees the draft grow
(safety message first, place in the line while others are ahead), and the final reply replaces it
(docs/contracts.md §1 `draft`, §4c)."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import pytest

from devstack.stack import Stack
from tests.integration.conftest import ChatClient, rows

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]

QUESTION = "Tengo una fuga en el grifo monomando del lavabo, ¿cómo la reparo?"
# Matches the 'agua-y-electricidad' safety rule and finds one faucet article clearly, so the model is asked (a
# question two articles fit as well is asked back instead, without the model).
SAFETY_QUESTION = "El grifo monomando del lavabo gotea y el agua llega al enchufe de al lado, ¿cómo cambio el cartucho?"


def drafts_for(chat: ChatClient, message_id: str) -> list[dict[str, Any]]:
    return [e for e in chat.events if e.get("type") == "draft" and e.get("in_reply_to") == message_id]


def assert_grows_in_order(drafts: list[dict[str, Any]]) -> None:
    """`seq` never goes back (a socket that joins mid-answer may get the same draft twice: live, then after its
    history; the page keeps the highest seq) and each text extends the one before."""
    seqs = [d["seq"] for d in drafts]
    assert seqs == sorted(seqs), seqs
    for before, after in zip(drafts, drafts[1:]):
        assert after["text"].startswith(before["text"]), (before, after)
        if after["seq"] == before["seq"]:
            assert after == before


async def test_tokens_arrive_in_order_and_the_reply_replaces_them(stack: Stack, open_chat) -> None:
    async with open_chat() as chat:
        message_id = await chat.send_message(QUESTION)
        reply = await chat.reply_to(message_id, timeout=180)
    drafts = drafts_for(chat, message_id)
    written = [d for d in drafts if d["text"]]
    assert len(written) >= 2, "the answer was shown growing, not at once"
    assert_grows_in_order(drafts)
    # every draft came before the reply
    assert chat.events.index(drafts[-1]) < chat.events.index(reply)
    stored = rows(stack, "SELECT role, status FROM messages WHERE conversation_id = %s ORDER BY seq",
                  chat.conversation_id)
    assert [r[0] for r in stored] == ["user", "assistant"], "drafts are never stored as messages"
    assert stored[1][1] == "ok", "the answer came from the model through the relay"


async def test_the_safety_message_comes_before_the_first_token(stack: Stack, open_chat) -> None:
    rule_message = rows(stack, "SELECT message FROM safety_rules WHERE slug = 'agua-y-electricidad'")[0][0]
    async with open_chat() as chat:
        message_id = await chat.send_message(SAFETY_QUESTION)
        reply = await chat.reply_to(message_id, timeout=180)
    drafts = drafts_for(chat, message_id)
    assert drafts, "the model was asked through the relay"
    first = drafts[0]
    assert first["safety"] == rule_message.strip() and first["text"] == "", "safety first, before the model writes"
    assert all(d.get("safety") == rule_message.strip() for d in drafts)
    assert any(d["text"] for d in drafts)
    assert reply["text"].startswith(rule_message.strip())


async def test_a_page_that_reconnects_mid_answer_gets_the_draft_or_the_reply_never_both(stack: Stack, open_chat) -> None:
    async with open_chat() as chat:
        message_id = await chat.send_message(QUESTION)
        await chat.wait_for(lambda e: e.get("type") == "draft" and e.get("in_reply_to") == message_id
                            and e.get("text"), timeout=180)
        async with open_chat(chat.browser_id) as reloaded:  # the same conversation, as after a reload
            await reloaded.socket.send(json.dumps({"type": "history"}))
            history = await reloaded.wait_for(lambda e: e.get("type") == "history")
            await reloaded.socket.send(json.dumps({"type": "ping"}))
            await reloaded.wait_for(lambda e: e.get("type") == "pong")
            answered = [m for m in history["messages"] if m.get("in_reply_to") == message_id]
            snapshot = drafts_for(reloaded, message_id)
            if answered:  # the reply was already stored: no draft at all
                assert not snapshot
            else:
                assert snapshot, "the draft so far follows the history"
                assert snapshot[0]["text"] and snapshot[0]["seq"] >= 1
            await reloaded.reply_to(message_id, timeout=180) if not answered else None
            if not answered:
                assert_grows_in_order(drafts_for(reloaded, message_id))
            replies = [e for e in reloaded.events if e.get("type") == "reply" and e.get("in_reply_to") == message_id]
            assert len(replies) + len(answered) == 1, "one answer, never a duplicate"
        await chat.reply_to(message_id, timeout=180)
    await asyncio.sleep(1)
    async with open_chat(chat.browser_id) as later:
        await later.socket.send(json.dumps({"type": "history"}))
        history = await later.wait_for(lambda e: e.get("type") == "history")
        await later.socket.send(json.dumps({"type": "ping"}))
        await later.wait_for(lambda e: e.get("type") == "pong")
    assert [m["role"] for m in history["messages"]] == ["user", "assistant"]
    assert not drafts_for(later, message_id), "after the reply, a reload never shows the draft again"


async def test_plumbers_waiting_in_line_see_their_place(stack: Stack, open_chat) -> None:
    async with open_chat() as a, open_chat() as b, open_chat() as c, open_chat() as d:
        chats = [a, b, c, d]
        sent = [await chat.send_message(f"{QUESTION} (fontanero {i})") for i, chat in enumerate(chats)]
        await asyncio.gather(*(chat.reply_to(m, timeout=300) for chat, m in zip(chats, sent)))
    places = {i: [x["ahead"] for x in drafts_for(chat, m) if "ahead" in x] for i, (chat, m) in enumerate(zip(chats, sent))}
    waited = [p for p in places.values() if p]
    assert waited, f"someone waited behind another question: {places}"
    for chat, m in zip(chats, sent):
        shown = drafts_for(chat, m)
        ahead = [x["ahead"] for x in shown if "ahead" in x]
        assert ahead == sorted(ahead, reverse=True), "the place only ever moves forward"
        for x in shown:
            if "ahead" in x:
                assert x["notice"] == ("1 consulta por delante" if x["ahead"] == 1 else f"{x['ahead']} consultas por delante")
                assert x["text"] == "", "no place in line once the model writes"
        if ahead:
            assert any(x["text"] and "ahead" not in x for x in shown)


async def test_a_dead_llm_server_still_gets_the_plumber_the_apology(stack: Stack, open_chat) -> None:
    assert stack.llm is not None
    stack.llm.stop()
    try:
        async with open_chat() as chat:
            message_id = await chat.send_message(QUESTION)
            reply = await chat.reply_to(message_id, timeout=180)
        assert reply["text"].startswith("Lo siento, ahora mismo no puedo generar una respuesta")
        [(status, error)] = rows(stack, "SELECT status, error FROM messages WHERE in_reply_to = %s", message_id)
        assert status == "llm_error"
        assert "llm_unreachable" in error or "unreachable" in error, error  # the relay's reason, kept for staff
        # what needs no model (the article's procedure) may have shown, but no text of a model
        assert not [d for d in drafts_for(chat, message_id) if d["text"]]
    finally:
        stack.restart_llm()


async def test_whatsapp_keeps_typing_and_tells_the_place_in_line(stack: Stack, fake_graph) -> None:
    """WhatsApp cannot stream: the relay refreshes the read receipt + typing indicator while the model works, and
    a plumber behind others gets one short notice with his place, before his answer and outside the history."""
    from tests.integration.test_whatsapp import new_phone, post_webhook, wait_until
    from tests.support import wa_payloads as wa

    phones = [new_phone() for _ in range(4)]
    wamids = [f"wamid.STREAM{uuid.uuid4().hex[:16]}" for _ in phones]
    for phone, wamid in zip(phones, wamids):
        body = wa.messages_body(wa.text_message(wamid, QUESTION, phone=phone))
        assert post_webhook(stack, body).json()["accepted"] == 1
    for phone in phones:
        await wait_until(lambda p=phone: any("Fuente:" in s["text"]["body"] or "Lo siento" in s["text"]["body"]
                                             for s in fake_graph.sent(p)), timeout=240)
    reads = [r["message_id"] for r in fake_graph.reads() if r.get("typing_indicator")]
    for wamid in wamids:
        assert reads.count(wamid) >= 2, "typing shown at once, then again by the relay while the model works"
    noticed = 0
    for phone, wamid in zip(phones, wamids):
        bodies = [s["text"]["body"] for s in fake_graph.sent(phone)]
        notices = [b for b in bodies if "por delante" in b]
        if notices:
            noticed += 1
            assert len(notices) == 1 and bodies.index(notices[0]) == 0, bodies
            assert notices[0].startswith("Hay ") and notices[0].endswith("Te respondo en cuanto llegue tu turno.")
        stored = rows(stack, "SELECT role FROM messages WHERE conversation_id = %s ORDER BY seq", f"wa:{phone}")
        assert [r[0] for r in stored] == ["user", "assistant"], "the notice is not a message"
    assert noticed >= 1, "with four questions at once, someone waited behind another"
