"""The cited article's card through the gateway (docs/contracts.md §1, §3, §4): the reply callback's optional
`article` (checked; a card that does not fit is dropped and the text still goes out), pushed to the web
sockets and kept in the history, and on WhatsApp the answer in WhatsApp's own formatting followed by the
article's full procedure as a second message."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import httpx
import pytest
import respx

from gateway.article_card import MAX_EXTRA_CHARS, MAX_STEPS, ArticleError, check_article, optional_article
from gateway.whatsapp.text import answer_parts, article_text, format_answer_text
from tests.gateway import test_gw_whatsapp as wa_tests
from tests.gateway.helpers import Gateway, recv, send
from tests.gateway.support import OLD_ARTICLE as ARTICLE  # a card as stored before 2026-12-06
from tests.gateway.test_gw_whatsapp import GraphCalls, eventually, wa_reply

graph = wa_tests.graph
router = wa_tests.router
wa_gateway_factory = wa_tests.wa_gateway_factory
gw = wa_tests.gw

# A card of 2026-12-06 on: the article's why, tools and when to call a specialist too (kb_article_card).
FULL: dict[str, Any] = {
    **ARTICLE,
    "problem": "El cartucho cerámico se raya con la cal y deja pasar agua aunque la maneta esté cerrada.",
    "tools_materials": "Llave Allen, llave fija, grasa de silicona, cartucho de recambio idéntico.",
    "call_professional": "Si el cuerpo del grifo está agrietado o las llaves de escuadra no cierran.",
}
TEXT = ("1. Cierre las llaves de escuadra.\n2. Cambie el cartucho por uno idéntico (35 mm o 40 mm).\n\n"
        "Fuente: Cambiar el cartucho de un grifo monomando que gotea (KB-grifo-monomando-cartucho)")
BROWSER = "conv-aaaaaaaa"
CONV = f"web:{BROWSER}"


def reply(article: Any = ..., message_id: str = "reply-art-1", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "reply", "conversation_id": CONV, "channel": "web", "message_id": message_id,
        "in_reply_to": "msg-00000001", "text": TEXT, "timestamp": "2026-11-23T10:00:03.000Z",
    }
    if article is not ...:
        body["article"] = article
    body.update(extra)
    return body


# ----- the card's shape ----------------------------------------------------------------------------------
def test_check_article_keeps_the_known_keys() -> None:
    assert check_article({**ARTICLE, "extra": 1}) == ARTICLE
    assert check_article({**ARTICLE, "safety": "  "})["safety"] is None
    assert check_article({k: v for k, v in ARTICLE.items() if k != "safety"})["safety"] is None


def test_check_article_keeps_the_new_parts_and_leaves_out_empty_ones() -> None:
    assert check_article({**FULL, "symptoms": "Gotea con el grifo cerrado.", "extra": 1}) == FULL
    padded = {**FULL, "problem": "  " + FULL["problem"] + "\n", "tools_materials": " \n ",
              "call_professional": None}
    card = check_article(padded)
    assert card["problem"] == FULL["problem"]
    assert "tools_materials" not in card and "call_professional" not in card
    # a card stored before the new parts existed goes through unchanged (the history carries old cards)
    assert check_article(copy.deepcopy(ARTICLE)) == ARTICLE
    assert check_article({**ARTICLE, "problem": "x" * MAX_EXTRA_CHARS})["problem"] == "x" * MAX_EXTRA_CHARS


def test_a_part_too_long_is_left_out_and_the_card_kept() -> None:
    """A staff edit gone long must not cost the plumber the steps: that part only is left out (never cut)."""
    card = check_article({**FULL, "call_professional": "Llamar a un especialista. " * 200})
    assert card == {k: v for k, v in FULL.items() if k != "call_professional"}
    assert optional_article({**FULL, "problem": "x" * (MAX_EXTRA_CHARS + 1)})["steps"] == FULL["steps"]


@pytest.mark.parametrize("bad", [
    "grifo", ["x"], {**ARTICLE, "slug": "Grifo Roto"}, {**ARTICLE, "slug": ""}, {**ARTICLE, "title": ""},
    {**ARTICLE, "title": 3}, {**ARTICLE, "steps": "1. a"}, {**ARTICLE, "steps": ["a", ""]},
    {**ARTICLE, "steps": [1]}, {**ARTICLE, "steps": ["paso"] * (MAX_STEPS + 1)}, {**ARTICLE, "safety": ["x"]},
    {**ARTICLE, "steps": ["x" * 30000, "y" * 30000]},
    # the new optional parts: a string or null, each at most MAX_EXTRA_CHARS, the whole card still bounded
    {**FULL, "problem": 3}, {**FULL, "tools_materials": ["llave"]}, {**FULL, "call_professional": {"x": 1}},
    {**FULL, "problem": True},
    {**FULL, "steps": ["paso " * 1400] * 4, "problem": "p" * MAX_EXTRA_CHARS, "tools_materials": "t" * 4000},
])
def test_unusable_cards_are_refused(bad: Any) -> None:
    with pytest.raises(ArticleError):
        check_article(bad)
    assert optional_article(bad) is None


# ----- the web page ----------------------------------------------------------------------------------
async def test_reply_with_an_article_reaches_the_sockets_with_its_card(gateway: Gateway) -> None:
    async with gateway.websocket(BROWSER) as ws:
        response = await gateway.callback(reply(ARTICLE))
        assert response.status_code == 200 and await response.get_json() == {"delivered": 1}
        assert await recv(ws) == {"type": "reply", "id": "reply-art-1", "in_reply_to": "msg-00000001",
                                  "role": "assistant", "text": TEXT, "timestamp": "2026-11-23T10:00:03.000Z",
                                  "article": ARTICLE}


async def test_an_unusable_card_is_dropped_and_the_answer_still_goes_out(gateway: Gateway) -> None:
    async with gateway.websocket(BROWSER) as ws:
        response = await gateway.callback(reply({"slug": "x", "steps": "no"}))
        assert response.status_code == 200
        event = await recv(ws)
    assert event["text"] == TEXT and "article" not in event


async def test_history_passes_each_answer_article(gateway: Gateway, n8n: respx.MockRouter) -> None:
    n8n.routes["history"].mock(return_value=httpx.Response(200, json={"conversation_id": CONV, "messages": [
        {"id": "msg-00000001", "role": "user", "text": "Gotea el grifo", "timestamp": "2026-11-23T10:00:00.000Z",
         "article": None},
        {"id": "reply-art-1", "role": "assistant", "text": TEXT, "timestamp": "2026-11-23T10:00:03.000Z",
         "in_reply_to": "msg-00000001", "article": ARTICLE, "estimate": None},
        {"id": "reply-bad", "role": "assistant", "text": "Otra", "timestamp": "2026-11-23T10:00:04.000Z",
         "article": {"slug": 7}},
    ]}))
    async with gateway.websocket(BROWSER) as ws:
        await send(ws, {"type": "history"})
        history = await recv(ws)
    assert history["messages"] == [
        {"id": "msg-00000001", "role": "user", "text": "Gotea el grifo", "timestamp": "2026-11-23T10:00:00.000Z"},
        {"id": "reply-art-1", "role": "assistant", "text": TEXT, "timestamp": "2026-11-23T10:00:03.000Z",
         "in_reply_to": "msg-00000001", "article": ARTICLE},
        {"id": "reply-bad", "role": "assistant", "text": "Otra", "timestamp": "2026-11-23T10:00:04.000Z"},
    ]


# ----- WhatsApp ----------------------------------------------------------------------------------------
def test_whatsapp_formatting_has_no_markdown_headers_or_double_asterisks() -> None:
    text = ("AVISO DE SEGURIDAD (olor a gas): no encienda nada.\n\n### Pasos a seguir\n1. Cierre la **llave de "
            "paso**.\n## \n2. Quite ** la maneta.\n\nFuente: Cambiar el cartucho (KB-grifo-monomando-cartucho)")
    formatted = format_answer_text(text)
    assert "#" not in formatted and "**" not in formatted
    assert formatted.splitlines()[0] == "*AVISO DE SEGURIDAD (olor a gas):* no encienda nada."
    assert "*Pasos a seguir*" in formatted and "1. Cierre la *llave de paso*." in formatted
    assert formatted.splitlines()[-1] == "*Fuente:* Cambiar el cartucho (KB-grifo-monomando-cartucho)"
    plain_words = text.replace("#", " ").replace("*", " ").split()
    assert formatted.replace("*", " ").split() == plain_words  # every word kept


def test_the_article_message_is_bold_title_numbered_steps_and_safety() -> None:
    message = article_text(ARTICLE)
    assert message.splitlines()[0] == "*Procedimiento completo: Cambiar el cartucho de un grifo monomando que gotea*"
    assert "1. Cerrar las llaves de escuadra" in message and "3. Comprar un cartucho idéntico: 35 mm o 40 mm." in message
    assert "*Seguridad:* No usar grasa derivada del petróleo" in message and message.endswith("KB-grifo-monomando-cartucho")
    assert "#" not in message and "**" not in message
    long = {**ARTICLE, "steps": ["Paso largo con muchas palabras. " * 30] * 20}
    parts = answer_parts(TEXT, long)
    assert len(parts) > 2 and all(len(p) <= 4096 for p in parts)


async def test_whatsapp_gets_the_answer_then_the_procedure_as_a_second_message(
    gw: Gateway, graph: GraphCalls
) -> None:
    response = await gw.callback({**wa_reply("### Respuesta\n" + TEXT), "article": copy.deepcopy(ARTICLE)})
    assert response.status_code == 200
    await eventually(lambda: len(graph.sent) == 2)
    first, second = (m["text"]["body"] for m in graph.sent)
    assert first.startswith("*Respuesta*\n1. Cierre las llaves") and "*Fuente:* Cambiar el cartucho" in first
    assert second.startswith("*Procedimiento completo: Cambiar el cartucho")
    assert "###" not in first + second and "**" not in first + second
    assert graph.sent[0].get("context") == {"message_id": "wamid.TEXT1"} and "context" not in graph.sent[1]
    assert json.dumps(graph.sent[1]).count("Comprar un cartucho") == 1


# ----- the card's new parts (2026-12-06): why it happens, tools and materials, when to call a specialist --
async def test_a_full_card_reaches_the_sockets_and_the_history_with_its_new_parts(
    gateway: Gateway, n8n: respx.MockRouter
) -> None:
    async with gateway.websocket(BROWSER) as ws:
        response = await gateway.callback(reply(FULL))
        assert response.status_code == 200
        assert (await recv(ws))["article"] == FULL
    n8n.routes["history"].mock(return_value=httpx.Response(200, json={"conversation_id": CONV, "messages": [
        {"id": "reply-old", "role": "assistant", "text": TEXT, "timestamp": "2026-11-23T10:00:03.000Z",
         "in_reply_to": "msg-00000001", "article": ARTICLE},
        {"id": "reply-new", "role": "assistant", "text": TEXT, "timestamp": "2026-11-23T10:00:05.000Z",
         "in_reply_to": "msg-00000002", "article": {**FULL, "tools_materials": None}},
        {"id": "reply-bad", "role": "assistant", "text": "Otra", "timestamp": "2026-11-23T10:00:06.000Z",
         "article": {**FULL, "problem": ["no"]}},
    ]}))
    async with gateway.websocket(BROWSER) as ws:
        await send(ws, {"type": "history"})
        history = await recv(ws)
    old, new, bad = history["messages"]
    assert old["article"] == ARTICLE, "an old card comes back as it was stored"
    assert new["article"] == {k: v for k, v in FULL.items() if k != "tools_materials"}
    assert "article" not in bad and bad["text"] == "Otra"


def test_the_article_message_has_its_parts_in_order_under_bold_headings() -> None:
    message = article_text(FULL)
    paragraphs = message.split("\n\n")
    assert paragraphs == [
        "*Procedimiento completo: Cambiar el cartucho de un grifo monomando que gotea*",
        "*Por qué pasa:* " + FULL["problem"],
        "*Herramientas y materiales:* " + FULL["tools_materials"],
        "*Pasos:*\n" + "\n".join(f"{n}. {step}" for n, step in enumerate(FULL["steps"], 1)),
        "*Seguridad:* " + FULL["safety"],
        "*Cuándo llamar a un especialista:* " + FULL["call_professional"],
        "KB-grifo-monomando-cartucho",
    ]
    assert "#" not in message and "**" not in message
    symptoms = "Gotea con el grifo cerrado."
    assert symptoms not in article_text({**FULL, "symptoms": symptoms})


def test_an_old_card_has_no_empty_headings_on_whatsapp() -> None:
    for card in (ARTICLE, {**ARTICLE, "safety": None}, {**FULL, "problem": "", "tools_materials": None}):
        message = article_text(card)
        assert "Por qué pasa" not in message and "Herramientas" not in message
        assert ":* \n" not in message and not message.endswith(":*")
    assert "Seguridad" not in article_text({**ARTICLE, "safety": None})
    assert article_text(ARTICLE).split("\n\n")[1].startswith("*Pasos:*\n1. Cerrar las llaves de escuadra")


def test_a_long_card_is_cut_between_its_parts_within_the_message_limit() -> None:
    long = {**FULL,  # each part about 3,600-3,800 characters, 58 steps
            "problem": ("La cal se deposita en el cartucho y raya los discos cerámicos. " * 60).strip(),
            "tools_materials": ("Llave Allen de 2,5 mm, llave fija, trapo, vinagre. " * 70).strip(),
            "steps": [f"Paso {n}: desmontar, limpiar y comprobar la pieza." for n in range(1, 59)],
            "call_professional": ("Si el grifo está agrietado, llamar a un fontanero. " * 70).strip()}
    assert check_article(long) == long, "a card this long is still a valid card"
    parts = answer_parts(TEXT, long)
    procedure = parts[1:]
    assert len(procedure) >= 4 and all(len(p) <= 4096 for p in parts)
    # every word arrives, in order
    assert " ".join(procedure).split() == article_text(long).split()
    # each message starts at a part's heading or inside the steps, never mid-sentence; no bold is left open
    for message in procedure:
        first = message.splitlines()[0]
        assert first.startswith("*") or re.match(r"\d+\. ", first) or first.startswith("KB-"), first[:60]
        for line in message.splitlines():
            assert line.count("*") % 2 == 0, line[:60]
    assert procedure[0].startswith("*Procedimiento completo:")
    assert any(p.startswith("*Cuándo llamar a un especialista:*") for p in procedure)
    assert procedure[-1].endswith("KB-grifo-monomando-cartucho")


async def test_whatsapp_gets_the_full_card_as_the_second_message(gw: Gateway, graph: GraphCalls) -> None:
    response = await gw.callback({**wa_reply(TEXT), "article": copy.deepcopy(FULL)})
    assert response.status_code == 200
    await eventually(lambda: len(graph.sent) == 2)
    second = graph.sent[1]["text"]["body"]
    assert second == article_text(FULL)
    assert second.index("*Por qué pasa:*") < second.index("*Pasos:*") < second.index("*Cuándo llamar")
