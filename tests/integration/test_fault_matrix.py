"""Rows of docs/faults.md that were reasoned from the code and are now shown through the real stack: n8n
stopped and n8n killed with WhatsApp messages in flight, and Postgres stopped with messages in flight on both
channels. The rows that need the real chat page (Chromium) are in test_fault_matrix_browser.py: Playwright's
sync API runs its own event loop, which must not share a module with async tests.

Target for every row: 0 messages lost, 0 duplicated. Each test says what happens on the way (the contract of
the row) and then checks the end: every message stored once and answered exactly once, on the web page and on
WhatsApp (the fake Graph API records every send)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from devstack.stack import Stack
from gateway.article_card import optional_article
from gateway.whatsapp.text import answer_parts
from tests.integration.conftest import WA_APP_SECRET, ChatClient, rows
from tests.integration.test_faults import GROUNDED_QUESTION, eventually, execute, model_held, wait_for_answers
from tests.support import wa_payloads as wa
from tests.support.fake_graph import FakeGraph

# slow: each row stops or fills a real part and waits for the re-drives (about 10 minutes for both modules on
# 2 cores), which took the default suite past 30 minutes; run with `make test-slow` or `pytest -m slow tests/integration/test_fault_matrix*.py`.
pytestmark = [pytest.mark.stack, pytest.mark.slow, pytest.mark.timeout(900)]


# --------------------------------------------------------------------------------------------------- helpers
def new_phone() -> str:
    return "52155" + str(uuid.uuid4().int)[:8]


def whatsapp_body(phone: str, wamid: str, text: str) -> bytes:
    return wa.messages_body(wa.text_message(wamid, text, phone=phone), contacts=[wa.contact(phone)])


def post_webhook(stack: Stack, body: bytes) -> httpx.Response:
    """What Meta does: the signed webhook POST (and it delivers again later whatever did not get a 200)."""
    return httpx.post(f"{stack.config.gateway_url}/webhooks/whatsapp", content=body, timeout=10,
                      headers={"Content-Type": "application/json",
                               "X-Hub-Signature-256": wa.signature(WA_APP_SECRET, body)})


def expected_sends(stack: Stack, wamids: list[str]) -> int | None:
    """How many Graph sends the answers to `wamids` make (the answer, cut at 4,096 characters, and the cited
    article's procedure), or None while one of them has no answer yet."""
    total = 0
    for wamid in wamids:
        found = rows(stack, "SELECT text, metadata -> 'article' FROM messages WHERE in_reply_to = %s "
                            "AND role = 'assistant'", wamid)
        if not found:
            return None
        text, article = found[0]
        total += len(answer_parts(text, optional_article(article)))
    return total


# The end of the gateway's place-in-line notice (gateway/llm_relay.py): a question that waits behind another
# for the model gets it once, in reply to the question, before its answer.
PLACE_IN_LINE_END = "Te respondo en cuanto llegue tu turno."


def is_place_in_line(send: dict[str, Any]) -> bool:
    return str(send.get("text", {}).get("body", "")).endswith(PLACE_IN_LINE_END)


def answers_sent(fake_graph: FakeGraph, phone: str) -> list[dict[str, Any]]:
    """What WhatsApp got for `phone` from the answers (the place-in-line notices left out)."""
    return [s for s in fake_graph.sent(phone) if not is_place_in_line(s)]


def check_whatsapp_answered_once(stack: Stack, fake_graph: FakeGraph, phone: str, wamids: list[str]) -> None:
    """Each message stored once with one answer, and each answer sent to WhatsApp once: one send in reply to
    the message (its first part) and no more sends in all than the answers are made of; besides, at most one
    place-in-line notice per message (a re-run of the message must not send it again)."""
    for wamid in wamids:
        assert rows(stack, "SELECT count(*) FROM messages WHERE id = %s", wamid) == [(1,)], wamid
        assert rows(stack, "SELECT count(*) FROM messages WHERE in_reply_to = %s", wamid) == [(1,)], wamid
    notices = [s for s in fake_graph.sent(phone) if is_place_in_line(s)]
    for wamid in wamids:
        assert sum(s.get("context") == {"message_id": wamid} for s in notices) <= 1, (wamid, notices)
    sent = answers_sent(fake_graph, phone)
    for wamid in wamids:
        assert sum(s.get("context") == {"message_id": wamid} for s in sent) == 1, (wamid, sent)
    assert len(sent) == expected_sends(stack, wamids), sent


def check_both_channels_answered_once(stack: Stack, fake_graph: FakeGraph, chat: ChatClient, web_ids: list[str],
                                      phone: str, wamids: list[str]) -> None:
    """The end of every row with messages in flight on both channels: each web question got one reply on the
    socket and one stored answer, the conversation holds exactly these questions in the order sent, and each
    WhatsApp message was answered once (check_whatsapp_answered_once)."""
    for message_id in web_ids:
        assert len(reply_events(chat, message_id)) == 1, message_id
        assert rows(stack, "SELECT count(*) FROM messages WHERE in_reply_to = %s", message_id) == [(1,)]
    users = rows(stack, "SELECT id FROM messages WHERE conversation_id = %s AND role = 'user' ORDER BY seq",
                 chat.conversation_id)
    assert [r[0] for r in users] == web_ids
    check_whatsapp_answered_once(stack, fake_graph, phone, wamids)


async def whatsapp_answered(stack: Stack, fake_graph: FakeGraph, phone: str, wamids: list[str],
                            timeout: float) -> None:
    """Wait until every answer to `wamids` has gone out in full."""
    def done() -> bool:
        expected = expected_sends(stack, wamids)
        return expected is not None and len(answers_sent(fake_graph, phone)) >= expected
    await eventually(done, timeout, "every WhatsApp answer sent")


def reply_events(chat: ChatClient, message_id: str) -> list[dict[str, Any]]:
    return [e for e in chat.events if e.get("type") == "reply" and e.get("in_reply_to") == message_id]


async def keep_talking(chat: ChatClient) -> None:
    """Pings now and then, as the page does, so a long test is not closed as an idle socket."""
    while True:
        await asyncio.sleep(20)
        with contextlib.suppress(Exception):
            await chat.socket.send(json.dumps({"type": "ping"}))


async def collect(chat: ChatClient, seconds: float) -> None:
    """Read whatever the gateway pushes for `seconds` (kept in chat.events)."""
    with contextlib.suppress(TimeoutError):
        await chat.wait_for(lambda e: False, seconds)


# ------------------------------------------------------------------------------------------ n8n, WhatsApp half
async def test_whatsapp_messages_sent_while_n8n_is_stopped_are_answered_once_when_it_is_back(
        stack: Stack, fake_graph: FakeGraph) -> None:
    """n8n stopped (an update): WhatsApp messages get their 200 at once (they are in the gateway's outbox), a
    redelivery by Meta is recognised, and once n8n is back each is stored in order and answered once."""
    phone = new_phone()
    wamids = [f"wamid.N8NDOWN{i}{uuid.uuid4().hex[:10]}" for i in range(3)]
    stack.stop_n8n()
    try:
        for i, wamid in enumerate(wamids):
            body = whatsapp_body(phone, wamid, f"Pregunta {i} por WhatsApp mientras n8n está parado")
            response = post_webhook(stack, body)
            assert response.status_code == 200 and response.json()["accepted"] == 1
        again = post_webhook(stack, body)  # Meta delivers the last one again
        assert again.status_code == 200 and again.json()["duplicates"] == 1
        await asyncio.sleep(3)
        assert rows(stack, "SELECT count(*) FROM messages WHERE conversation_id = %s", f"wa:{phone}") == [(0,)]
        assert fake_graph.sent(phone) == []
    finally:
        stack.start_n8n()

    await wait_for_answers(stack, f"wa:{phone}", len(wamids), timeout=240)
    await whatsapp_answered(stack, fake_graph, phone, wamids, 60)
    await asyncio.sleep(35)  # a round of the re-send workflow: a late duplicate would show up here
    users = rows(stack, "SELECT id FROM messages WHERE conversation_id = %s AND role = 'user' ORDER BY seq",
                 f"wa:{phone}")
    assert [r[0] for r in users] == wamids, "stored once each, in the order the plumber sent them"
    check_whatsapp_answered_once(stack, fake_graph, phone, wamids)


async def test_a_whatsapp_message_whose_answer_n8n_lost_is_answered_once_after_the_timeout(
        stack: Stack, fake_graph: FakeGraph) -> None:
    """n8n killed (SIGKILL) while the model writes the answer to a WhatsApp message: stored and acknowledged,
    nobody answers it; after the timeout (moved back here instead of waiting 10 minutes) "Remedios · Chat: answer
    forgotten messages" runs it once more and WhatsApp gets exactly one answer."""
    phone = new_phone()
    wamid = f"wamid.N8NKILL{uuid.uuid4().hex[:12]}"
    try:
        with model_held(stack):
            response = post_webhook(stack, whatsapp_body(phone, wamid, GROUNDED_QUESTION))
            assert response.status_code == 200 and response.json()["accepted"] == 1
            await eventually(lambda: rows(stack, "SELECT 1 FROM messages WHERE id = %s", wamid), 60, "stored")
            assert stack.n8n is not None
            stack.n8n.kill()
    finally:
        stack.start_n8n()
    await asyncio.sleep(40)  # a full round of the schedule: nothing is run again before the timeout
    assert rows(stack, "SELECT count(*) FROM messages WHERE in_reply_to = %s", wamid) == [(0,)]
    assert fake_graph.sent(phone) == []
    assert execute(stack, "UPDATE messages SET stored_at = stored_at - interval '11 minutes' WHERE id = %s",
                   wamid) == 1
    await whatsapp_answered(stack, fake_graph, phone, [wamid], 180)
    await asyncio.sleep(35)  # another round: run again once only
    check_whatsapp_answered_once(stack, fake_graph, phone, [wamid])
    assert rows(stack, "SELECT answer_redriven_at IS NOT NULL FROM messages WHERE id = %s", wamid) == [(True,)]
    assert rows(stack, "SELECT d.state FROM reply_deliveries d JOIN messages m ON m.id = d.message_id "
                       "WHERE m.in_reply_to = %s", wamid) == [("taken",)]


# --------------------------------------------------------------------------------------------- Postgres stopped
async def test_postgres_stopped_with_messages_in_flight_on_both_channels(
        stack: Stack, fake_graph: FakeGraph, open_chat: Callable[..., Any]) -> None:
    """Postgres stopped while a web and a WhatsApp question are being answered, and two more questions sent
    during the outage. The answers being written cannot be stored (that execution fails, and the failure cannot
    be recorded either); the questions sent meanwhile wait in the gateway's outbox. When Postgres is back the
    waiting ones are stored and answered; the two whose answers were lost are answered by the forgotten-messages
    run (its 10 minutes moved back here). Each question answered exactly once, on both channels."""
    assert stack.postgres is not None and stack.n8n is not None
    phone = new_phone()
    wa_before, wa_during = (f"wamid.PG{kind}{uuid.uuid4().hex[:12]}" for kind in ("BEFORE", "DURING"))
    async with open_chat() as chat:
        pinger = asyncio.create_task(keep_talking(chat))
        try:
            postgres_stopped = False
            try:
                with model_held(stack):
                    web_before = await chat.send_message(GROUNDED_QUESTION)
                    await chat.wait_for(lambda e: e.get("type") == "accepted" and e.get("id") == web_before, 10)
                    response = post_webhook(stack, whatsapp_body(phone, wa_before, GROUNDED_QUESTION))
                    assert response.status_code == 200 and response.json()["accepted"] == 1
                    await eventually(lambda: rows(stack, "SELECT count(*) FROM messages WHERE id IN (%s, %s) "
                                                         "HAVING count(*) = 2", web_before, wa_before),
                                     60, "both questions stored")
                    stack.postgres.stop()
                    postgres_stopped = True
                    web_during = await chat.send_message("¿Y si la junta del cartucho está dura?")
                    await chat.wait_for(lambda e: e.get("type") == "accepted" and e.get("id") == web_during, 10)
                    response = post_webhook(stack, whatsapp_body(phone, wa_during, "¿Y si la junta está dura?"))
                    assert response.status_code == 200 and response.json()["accepted"] == 1
                # The model answers now; n8n cannot store the answers. Nothing reaches either plumber.
                await collect(chat, 30)
                assert reply_events(chat, web_before) == [] and reply_events(chat, web_during) == []
                assert answers_sent(fake_graph, phone) == []  # a place-in-line notice may have gone out
                n8n_alive_during_outage = stack.n8n.alive()
            finally:
                if postgres_stopped:
                    stack.postgres.start()
            assert n8n_alive_during_outage, "n8n keeps running while its database is away"

            # The questions sent during the outage: delivered from the outbox, stored and answered.
            await chat.reply_to(web_during, timeout=240)
            await whatsapp_answered(stack, fake_graph, phone, [wa_during], 120)
            # The two whose answers were lost with the failed executions: not answered until the timeout.
            await collect(chat, 5)
            for lost in (web_before, wa_before):
                assert rows(stack, "SELECT count(*) FROM messages WHERE in_reply_to = %s", lost) == [(0,)], lost
            assert execute(stack, "UPDATE messages SET stored_at = stored_at - interval '11 minutes' "
                                  "WHERE id IN (%s, %s)", web_before, wa_before) == 2
            await chat.reply_to(web_before, timeout=180)
            await whatsapp_answered(stack, fake_graph, phone, [wa_before, wa_during], 120)
            await collect(chat, 35)  # another round of both re-run workflows: nothing goes out twice
        finally:
            pinger.cancel()
    check_both_channels_answered_once(stack, fake_graph, chat, [web_before, web_during], phone,
                                      [wa_before, wa_during])


