"""Estimates through the gateway: the reply callback's optional `estimate` card (validated, pushed to the
conversation's sockets), the history carrying it, the message frame's `intent` ("Pedir presupuesto" ->
metadata.intent for n8n), and the WhatsApp text of an answer with an estimate.

The card used is tests/gateway/data/estimate_card.json, made by estimate_card() on a real Postgres; the last
tests check, on a real Postgres, that its shape is still what estimate_card() returns and that the query of
chat-history.json returns each message's card and intent.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import respx

from gateway.estimate_card import MAX_ESTIMATE_BYTES, EstimateError, check_estimate, optional_estimate
from gateway.whatsapp.text import MAX_TEXT, estimate_parts, format_estimate_text, split_lines
from tests.estimates import conftest as estimates_conftest
from tests.gateway import test_gw_whatsapp as wa_tests
from tests.gateway.helpers import Gateway, assert_alive, recv, send, wait_for
from tests.gateway.test_gw_whatsapp import CONV as WA_CONV
from tests.gateway.test_gw_whatsapp import GraphCalls, eventually, wa_reply

# Fixtures reused: a real Postgres with every schema file applied, and the WhatsApp gateway with Graph mocked.
app_db = estimates_conftest.app_db
graph = wa_tests.graph
router = wa_tests.router
wa_gateway_factory = wa_tests.wa_gateway_factory
gw = wa_tests.gw

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = json.loads((Path(__file__).parent / "data" / "estimate_card.json").read_text(encoding="utf-8"))
CARD: dict[str, Any] = FIXTURE["card"]
TEXT = FIXTURE["text"] + "\n\nVer, imprimir, aceptar o rechazar: " + CARD["url"]
BROWSER = "conv-aaaaaaaa"
CONV = f"web:{BROWSER}"


def card(**changes: Any) -> dict[str, Any]:
    value = copy.deepcopy(CARD)
    value.update(changes)
    return value


def reply(estimate: Any = ..., message_id: str = "reply-est-1", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "reply", "conversation_id": CONV, "channel": "web", "message_id": message_id,
        "in_reply_to": "msg-00000001", "text": TEXT, "timestamp": "2026-11-23T10:00:03.000Z",
    }
    if estimate is not ...:
        body["estimate"] = estimate
    body.update(extra)
    return body


def chat_payloads(n8n: respx.MockRouter) -> list[dict[str, Any]]:
    return [json.loads(c.request.content) for c in n8n.routes["chat"].calls]


# ----- the callback ------------------------------------------------------------------------------------
async def test_reply_with_an_estimate_reaches_the_sockets_with_its_card(gateway: Gateway) -> None:
    async with gateway.websocket(BROWSER) as tab1, gateway.websocket(BROWSER) as tab2, \
            gateway.websocket("conv-bbbbbbbb") as stranger:
        response = await gateway.callback(reply(CARD))
        assert response.status_code == 200 and await response.get_json() == {"delivered": 2}
        expected = {"type": "reply", "id": "reply-est-1", "in_reply_to": "msg-00000001", "role": "assistant",
                    "text": TEXT, "timestamp": "2026-11-23T10:00:03.000Z", "estimate": CARD}
        assert await recv(tab1) == expected
        assert await recv(tab2) == expected
        await assert_alive(stranger)


async def test_reply_with_a_null_estimate_is_a_plain_reply(gateway: Gateway) -> None:
    async with gateway.websocket(BROWSER) as ws:
        assert (await gateway.callback(reply(None))).status_code == 200
        event = await recv(ws)
        assert "estimate" not in event and event["text"] == TEXT


def _huge_card() -> dict[str, Any]:
    line = CARD["lines"][0]
    return card(lines=[{**line, "position": i, "description": "Tubo " + "x" * 400} for i in range(200)])


MALFORMED = {
    "string": "P-2026-0001",
    "list": [CARD],
    "number": 12,
    "true": True,
    "empty object": {},
    "no number": {k: v for k, v in CARD.items() if k != "number"},
    "blank number": card(number="  "),
    "number not a string": card(number=1),
    "number too long": card(number="P-" + "9" * 80),
    "no lines": {k: v for k, v in CARD.items() if k != "lines"},
    "lines not a list": card(lines={"0": CARD["lines"][0]}),
    "too large": _huge_card(),
}


@pytest.mark.parametrize("estimate", list(MALFORMED.values()), ids=list(MALFORMED))
async def test_malformed_estimate_is_400_and_pushes_nothing(gateway: Gateway, estimate: Any) -> None:
    async with gateway.websocket(BROWSER) as ws:
        response = await gateway.callback(reply(estimate))
        assert response.status_code == 400
        assert (await response.get_json())["error"].startswith("reply.estimate")
        await assert_alive(ws)
        # the refused reply id was not remembered: the corrected callback still goes through, once
        assert await (await gateway.callback(reply(CARD))).get_json() == {"delivered": 1}
        assert (await recv(ws))["estimate"] == CARD


def test_size_bound() -> None:
    assert len(json.dumps(_huge_card()).encode()) > MAX_ESTIMATE_BYTES
    assert len(json.dumps(CARD).encode()) < MAX_ESTIMATE_BYTES / 8  # a realistic card is far below it
    assert check_estimate(CARD) is CARD
    with pytest.raises(EstimateError):
        check_estimate(_huge_card())
    assert optional_estimate(None) is None and optional_estimate("x") is None and optional_estimate(CARD) is CARD


async def test_estimate_on_a_typing_event_is_ignored(gateway: Gateway) -> None:
    async with gateway.websocket(BROWSER) as ws:
        body = {"type": "typing", "conversation_id": CONV, "channel": "web", "active": True, "estimate": "x"}
        assert (await gateway.callback(body)).status_code == 200
        assert await recv(ws) == {"type": "typing", "active": True}


# ----- the history -------------------------------------------------------------------------------------
async def test_history_passes_each_message_estimate_and_intent(gateway: Gateway, n8n: respx.MockRouter) -> None:
    accepted = card(status="accepted")
    n8n.routes["history"].mock(return_value=httpx.Response(200, json={"conversation_id": CONV, "messages": [
        {"id": "msg-00000001", "role": "user", "text": "Cambiar el termo", "timestamp": "2026-11-23T10:00:00.000Z",
         "in_reply_to": None, "channel": "web", "voice": None, "estimate": None, "intent": "estimate"},
        {"id": "reply-est-1", "role": "assistant", "text": TEXT, "timestamp": "2026-11-23T10:00:03.000Z",
         "in_reply_to": "msg-00000001", "channel": "web", "voice": None, "estimate": CARD, "intent": None},
        {"id": "reply-est-2", "role": "assistant", "text": "El cliente ha aceptado el presupuesto P-2026-0001.",
         "timestamp": "2026-11-23T11:00:00.000Z", "in_reply_to": None, "channel": "web", "estimate": accepted},
        {"id": "reply-bad", "role": "assistant", "text": "Una respuesta", "timestamp": "2026-11-23T11:00:01.000Z",
         "estimate": ["not", "a", "card"], "intent": "something-else"},
        {"id": "msg-00000002", "role": "user", "text": "Gracias", "timestamp": "2026-11-23T11:00:02.000Z"},
    ]}))
    async with gateway.websocket(BROWSER) as ws:
        await send(ws, {"type": "history"})
        history = await recv(ws)
    assert history["type"] == "history"
    assert history["messages"] == [
        {"id": "msg-00000001", "role": "user", "text": "Cambiar el termo", "timestamp": "2026-11-23T10:00:00.000Z",
         "intent": "estimate"},
        {"id": "reply-est-1", "role": "assistant", "text": TEXT, "timestamp": "2026-11-23T10:00:03.000Z",
         "in_reply_to": "msg-00000001", "estimate": CARD},
        {"id": "reply-est-2", "role": "assistant", "text": "El cliente ha aceptado el presupuesto P-2026-0001.",
         "timestamp": "2026-11-23T11:00:00.000Z", "estimate": accepted},
        # an unusable card is dropped, the message is kept (its text says it all)
        {"id": "reply-bad", "role": "assistant", "text": "Una respuesta", "timestamp": "2026-11-23T11:00:01.000Z"},
        {"id": "msg-00000002", "role": "user", "text": "Gracias", "timestamp": "2026-11-23T11:00:02.000Z"},
    ]


async def test_pending_estimate_request_keeps_its_intent_in_the_history(
    gateway: Gateway, n8n: respx.MockRouter
) -> None:
    n8n.routes["chat"].mock(side_effect=httpx.ConnectError("n8n is down"))
    async with gateway.websocket(BROWSER) as ws:
        await send(ws, {"type": "message", "id": "msg-00000001", "text": "Cambiar el termo", "intent": "estimate"})
        assert (await recv(ws))["type"] == "accepted"
        await send(ws, {"type": "history"})
        history = await recv(ws)
    [entry] = history["messages"]
    assert entry["pending"] is True and entry["intent"] == "estimate"


# ----- the message frame's intent ----------------------------------------------------------------------
async def test_intent_estimate_goes_to_n8n_as_metadata_intent(gateway: Gateway, n8n: respx.MockRouter) -> None:
    async with gateway.websocket(BROWSER) as ws, gateway.websocket(BROWSER) as other_tab:
        await send(ws, {"type": "message", "id": "msg-00000001", "text": "  Cambiar el termo de 80 l  ",
                        "intent": "estimate"})
        assert (await recv(ws))["type"] == "accepted"
        echo = await recv(other_tab)
        assert echo["type"] == "message" and echo["intent"] == "estimate" and echo["text"] == "Cambiar el termo de 80 l"
        await send(ws, {"type": "message", "id": "msg-00000002", "text": "Gracias"})
        assert (await recv(ws))["type"] == "accepted"
        assert "intent" not in await recv(other_tab)
        await send(ws, {"type": "message", "id": "msg-00000003", "text": "Otra", "intent": None})
        assert (await recv(ws))["type"] == "accepted"
        await wait_for(lambda: n8n.routes["chat"].call_count == 3)
    first, second, third = chat_payloads(n8n)
    assert first["metadata"] == {"intent": "estimate"} and first["text"] == "Cambiar el termo de 80 l"
    assert second["metadata"] == {} and third["metadata"] == {}


async def test_a_resend_keeps_the_first_intent(gateway: Gateway, n8n: respx.MockRouter) -> None:
    async with gateway.websocket(BROWSER) as ws:
        frame = {"type": "message", "id": "msg-00000001", "text": "Cambiar el termo", "intent": "estimate"}
        await send(ws, frame)
        await send(ws, frame)  # resent after a reconnect: the same message
        assert [(await recv(ws))["type"] for _ in range(2)] == ["accepted", "accepted"]
        await wait_for(lambda: n8n.routes["chat"].call_count >= 1)
    assert [p["metadata"] for p in chat_payloads(n8n)] == [{"intent": "estimate"}]


@pytest.mark.parametrize("intent", ["quote", "ESTIMATE", "", 1, True, ["estimate"], {"kind": "estimate"}])
async def test_unknown_intent_is_an_invalid_frame(gateway: Gateway, n8n: respx.MockRouter, intent: Any) -> None:
    async with gateway.websocket(BROWSER) as ws:
        await send(ws, {"type": "message", "id": "msg-00000001", "text": "Cambiar el termo", "intent": intent})
        event = await recv(ws)
        assert event["type"] == "error" and event["code"] == "invalid_frame" and event["id"] == "msg-00000001"
        await assert_alive(ws)
    assert n8n.routes["chat"].call_count == 0 and gateway.runtime.outbox.get("msg-00000001") is None


# ----- WhatsApp ----------------------------------------------------------------------------------------
def test_whatsapp_text_of_an_estimate() -> None:
    formatted = format_estimate_text(TEXT)
    lines = formatted.split("\n")
    assert lines[0] == "*PRESUPUESTO P-2026-0001 — Remedios Fontanería*"
    for heading in ("*Materiales:*", "*Mano de obra:*", "*Desplazamiento, retirada y tasas:*",
                    "*A COTIZAR (sin precio, no incluido en el total; se confirmará aparte):*"):
        assert heading in lines
    assert "*TOTAL: 1.335,71 € (más las partidas a cotizar)*" in lines
    assert lines[-2:] == ["*Ver, imprimir, aceptar o rechazar:*", CARD["url"]]  # the link alone: easy to tap
    # item lines, amounts and notes are untouched; nothing is lost
    assert "• Tubo de cobre 22 mm: 3 m × 15,60 € = 46,80 €" in lines
    assert "Base imponible: 1.066,70 €" in lines and "Señal al aceptar (30 %): 400,71 €" in lines
    assert formatted.replace("*", "").replace(":\nhttp", ": http") == TEXT
    assert estimate_parts(TEXT) == [formatted]


def test_whatsapp_never_bolds_a_line_that_has_an_asterisk() -> None:
    text = "PRESUPUESTO P-1 — Fontanería *La Gota*\nMateriales:\n• Tubo: 1 m × 1,00 € = 1,00 €\nTOTAL: 1,21 €"
    assert format_estimate_text(text).split("\n") == [
        "PRESUPUESTO P-1 — Fontanería *La Gota*", "*Materiales:*", "• Tubo: 1 m × 1,00 € = 1,00 €", "*TOTAL: 1,21 €*"]
    # a decision message is left as written
    assert format_estimate_text("El cliente ha aceptado el presupuesto P-2026-0001.") == \
        "El cliente ha aceptado el presupuesto P-2026-0001."


def long_estimate_text(n: int = 180) -> str:
    items = "\n".join(f"• Artículo número {i} de prueba. Con punto: {i} ud × 1,00 € = {i},00 €" for i in range(n))
    return ("PRESUPUESTO P-2026-0042 — Remedios Fontanería\nFecha: 23/11/2026\n\nMateriales:\n" + items +
            "\n\nBase imponible: 1,00 €\nTOTAL: 1,21 €\n\nVer, imprimir, aceptar o rechazar: http://x.test/p?t=1")


def test_a_long_estimate_is_split_between_lines_under_4096() -> None:
    text = long_estimate_text()
    parts = estimate_parts(text)
    assert len(parts) >= 3 and all(len(p) <= MAX_TEXT for p in parts)
    formatted_lines = [line for line in format_estimate_text(text).split("\n") if line]
    assert [line for p in parts for line in p.split("\n") if line] == formatted_lines  # whole lines, in order
    for p in parts:
        for line in p.split("\n"):
            assert line.count("*") in (0, 2)  # bold never crosses a line, so never a message
    # a single line longer than the limit still gets cut (split_message's rules)
    assert all(len(p) <= 100 for p in split_lines("palabra " * 60, 100))


async def test_whatsapp_reply_with_an_estimate_is_sent_formatted(gw: Gateway, graph: GraphCalls) -> None:
    body = {**wa_reply(TEXT), "estimate": CARD}
    response = await gw.callback(body)
    assert response.status_code == 200 and await response.get_json() == {"delivered": 1}
    await eventually(lambda: len(graph.sent) == 1)
    [sent] = graph.sent
    assert sent["to"] == WA_CONV.partition(":")[2]
    assert sent["text"]["body"] == format_estimate_text(TEXT)
    assert sent["text"]["body"].startswith("*PRESUPUESTO P-2026-0001")


async def test_whatsapp_long_estimate_goes_in_several_messages_in_order(gw: Gateway, graph: GraphCalls) -> None:
    text = long_estimate_text()
    await gw.callback({**wa_reply(text), "estimate": card(number="P-2026-0042")})
    parts = estimate_parts(text)
    await eventually(lambda: len(graph.sent) == len(parts))
    assert [b["text"]["body"] for b in graph.sent] == parts


async def test_whatsapp_reply_without_estimate_is_unchanged(gw: Gateway, graph: GraphCalls) -> None:
    await gw.callback(wa_reply("Materiales:\nTOTAL: nada"))
    await eventually(lambda: len(graph.sent) == 1)
    assert graph.sent[0]["text"]["body"] == "Materiales:\nTOTAL: nada"


async def test_whatsapp_malformed_estimate_is_400_and_sends_nothing(gw: Gateway, graph: GraphCalls) -> None:
    response = await gw.callback({**wa_reply(TEXT), "estimate": "P-2026-0001"})
    assert response.status_code == 400
    assert graph.sent == []


# ----- against a real Postgres -------------------------------------------------------------------------
def history_query() -> str:
    workflow = json.loads((ROOT / "n8n-workflows" / "workflows" / "chat-history.json").read_text())
    [node] = [n for n in workflow["nodes"] if n["name"] == "Load conversation"]
    return node["parameters"]["query"]


@pytest.mark.timeout(180)
def test_fixture_card_has_the_shape_estimate_card_returns(app_db) -> None:
    with psycopg.connect(app_db.url) as conn:
        conn.execute("INSERT INTO conversations (id, channel) VALUES ('web:shape', 'web')")
        number = conn.execute(
            "SELECT estimate_create('web:shape', %s::jsonb) ->> 'number'",
            (json.dumps([{"item": "termo 150 l", "quantity": 1}, {"item": "bomba rara", "quantity": 1}]),),
        ).fetchone()[0]
        real = conn.execute("SELECT estimate_card(%s, 'https://remedios.example')", (number,)).fetchone()[0]
        text = conn.execute("SELECT estimate_as_text(%s)", (number,)).fetchone()[0]
        conn.rollback()
    assert set(real) == set(CARD)
    assert {k for line in real["lines"] for k in line} == {k for line in CARD["lines"] for k in line}
    assert re.fullmatch(r"https://remedios\.example/presupuestos/P-\d{4}-\d{4}\?t=[0-9a-f]{32}", real["url"])
    assert text.startswith(f"PRESUPUESTO {number} — ")  # what the page folds away and WhatsApp makes bold
    assert "\nTOTAL: " in text


@pytest.mark.timeout(180)
def test_history_query_returns_estimate_and_intent(app_db) -> None:
    with psycopg.connect(app_db.url) as conn:
        conn.execute("INSERT INTO conversations (id, channel) VALUES ('web:hist', 'web')")
        conn.execute(
            "INSERT INTO messages (id, conversation_id, role, channel, text, metadata) VALUES"
            " ('u1', 'web:hist', 'user', 'web', 'Cambiar el termo', '{\"intent\": \"estimate\"}'),"
            " ('a1', 'web:hist', 'assistant', 'web', %s, jsonb_build_object('estimate', %s::jsonb)),"
            " ('u2', 'web:hist', 'user', 'web', 'Gracias', '{}')",
            (TEXT, json.dumps(CARD)),
        )
        query = re.sub(r"\$([12])\b", lambda m: f"%(p{m.group(1)})s", history_query())
        row = conn.execute(query, {"p1": "web:hist", "p2": 100})
        conversation_id, messages = row.fetchone()
        conn.rollback()
    assert conversation_id == "web:hist"
    by_id = {m["id"]: m for m in messages}
    assert by_id["u1"]["intent"] == "estimate" and by_id["u1"]["estimate"] is None
    assert by_id["a1"]["estimate"] == CARD and by_id["a1"]["intent"] is None
    assert by_id["u2"]["estimate"] is None and by_id["u2"]["intent"] is None
