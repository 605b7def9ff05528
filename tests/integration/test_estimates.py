"""Estimates through the real stack: a plumber's request → chat-answer routes it → estimate.json asks "the
model" for items → Postgres prices them → the reply with the card and the customer's link reaches the gateway.

Real n8n, real Postgres, real gateway: the session's stubbed stack (tests/integration/stubbed_stack.py). Only
the model is replaced, by a deterministic OpenAI-compatible stub (tests/support/llm_stub.py), because here what
the model says is the input under test. n8n's callbacks go through a recorder that checks the signature and
forwards them to the real gateway, so the tests see the exact bytes the gateway receives.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from devstack.n8n import WORKFLOWS_DIR
from tests.integration.test_browser_chat import shown_once_after_reload
from tests.support.estimate_stack import (  # noqa: F401  (fixtures: the session's stubbed stack for this module)
    EstimateStack, estimates_stack, marker, money, oracle, stack,
)
from tests.support.llm_stub import error_reply, json_reply, slow, text_reply, validation_failed

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]

NOTIFY_STAFF = WORKFLOWS_DIR / "notify-staff.json"
HAS_NOTIFY_STAFF = NOTIFY_STAFF.exists()
LINK_TEXT = "Ver, imprimir, aceptar o rechazar:"
FAILURE_TEXT_START = "Lo siento, no he podido preparar el presupuesto"
PERSON_TEXT_START = "De acuerdo: he avisado al equipo técnico."
NUMBERS_USED = "SELECT (SELECT count(*) FROM estimates), (SELECT coalesce(sum(last), 0) FROM estimate_counters)"


@contextmanager
def model_items_on(es: EstimateStack) -> Iterator[None]:
    """estimate_settings.model_items on: the model's items outside the catalogue become lines a cotizar (and
    the model is asked whenever it could add one)."""
    es.run("UPDATE estimate_settings SET model_items = true")
    try:
        yield
    finally:
        es.run("UPDATE estimate_settings SET model_items = false")


def estimate_of(es: EstimateStack, conversation_id: str) -> list[tuple[Any, ...]]:
    return es.db("SELECT number, subtotal, taxable_base, tax, total, deposit, to_quote_count, access_token "
                 "FROM estimates WHERE conversation_id = %s", conversation_id)


# ---------------------------------------------------------------------------------------------------------
# Priced by Postgres, answered with the card and the link
# ---------------------------------------------------------------------------------------------------------
def test_an_estimate_is_priced_by_postgres_to_the_cent_and_reaches_the_gateway_with_its_card(
        estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    word = marker()
    es.llm.script(word, json_reply({"items": [{"item": "tubo-cobre-22mm", "quantity": 7}, {"labour_hours": 9}]}))
    text = (f"¿Cuánto cobro por cambiar un calentador de 40 galones con 2,125 metros de tubo de cobre de 15, "
            f"3 codos de cobre de 15, el desplazamiento y la tasa municipal? ({word})")
    conversation_id, message_id, response = es.post_message(text)
    assert response.status_code == 200 and response.json() == {"status": "stored"}

    answer = es.answer(message_id)
    assert answer["status"] == "ok" and answer["error"] is None
    [(number, subtotal, taxable_base, tax, total, deposit, to_quote, token)] = estimate_of(es, conversation_id)
    labour_code = es.db("SELECT labour_code FROM estimate_settings")[0][0]
    # From the words: the heater (an alias in gallons), 2.125 m of pipe (19.975 -> 19.98, half up), 3 elbows,
    # the service call, the municipal fee (no IVA). From the job rules (seed.sql): termo-electrico 2.5 h (its kit
    # and valve are materials nobody named: not priced unless estimate_settings.rule_materials); tuberia-cobre 0.5 h + 0.3 h x 5.125 = 2.0375 h; 4.5375 h rounded up to the quarter: 4.75 h. Nobody
    # asked to take the old heater away: no disposal line.
    expected_lines = [("calentador-electrico-150l", Decimal(1)), ("tubo-cobre-15mm", Decimal("2.125")),
                      ("codo-cobre-15mm", Decimal(3)), ("desplazamiento", Decimal(1)),
                      ("tasa-obra-menor", Decimal(1)),
                      (labour_code, Decimal("4.75"))]
    assert es.db("SELECT catalog_code, quantity FROM estimate_lines l JOIN estimates e ON e.id = l.estimate_id "
                 "WHERE e.number = %s ORDER BY position", number) == expected_lines
    expected = oracle(es, expected_lines)
    assert (subtotal, taxable_base, tax, total, deposit) == (
        expected["subtotal"], expected["taxable_base"], expected["tax"], expected["total"], expected["deposit"])
    assert to_quote == 0
    assert es.db("SELECT line_total FROM estimate_lines l JOIN estimates e ON e.id = l.estimate_id "
                 "WHERE e.number = %s AND l.catalog_code = 'tubo-cobre-15mm'", number) == [(Decimal("19.98"),)]

    # The stored message and the signed callback carry the same text and card; the card is Postgres' own.
    card = es.db("SELECT estimate_card(%s, %s)", number, es.public_url)[0][0]
    url = f"{es.public_url}/presupuestos/{number}?t={token}"
    assert card["url"] == url
    as_text = es.db("SELECT estimate_as_text(%s)", number)[0][0]
    assert answer["text"] == f"{as_text}\n\n{LINK_TEXT} {url}"
    assert answer["metadata"] == {"estimate": card}
    for name in ("subtotal", "taxable_base", "tax", "total", "deposit"):
        assert money(card[name]) == expected[name], name
    [reply] = es.callbacks.replies_to(message_id)
    assert reply == {"type": "reply", "conversation_id": conversation_id, "channel": "web",
                     "message_id": answer["id"], "in_reply_to": message_id, "text": answer["text"],
                     "timestamp": reply["timestamp"], "estimate": card}
    [call] = [c for c in es.callbacks.calls if c["body"] is not None and c["body"].get("message_id") == answer["id"]]
    assert call["signed"] and call["gateway_status"] == 200

    # The words and the job rules gave everything the model could add: it was not waited for.
    assert es.llm.requests_with(word) == []

    if HAS_NOTIFY_STAFF:
        [(kind, notified_number, summary)] = es.notifications(conversation_id)
        assert (kind, notified_number) == ("estimate_created", number) and number in summary


def test_the_issue_s_own_question_gets_a_priced_estimate_without_waiting_for_the_model(
        estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    text = "¿Cuánto cobro por cambiar un calentador de 40 galones con 3 metros de tubería de cobre?"
    before = len(es.llm.requests)
    conversation_id, message_id, _ = es.post_message(text)
    answer = es.answer(message_id)
    [(number, subtotal, _base, _tax, total, _deposit, to_quote, _token)] = estimate_of(es, conversation_id)
    labour_code = es.db("SELECT labour_code FROM estimate_settings")[0][0]
    # Labour from the job rules: termo-electrico 2.5 h + tuberia-cobre 0.5 h + 0.3 h x 3 m (every diameter the
    # pipe may be is in that rule, so its metres count although the diameter is to quote) = 3.9 h, rounded up
    # to the quarter: 4 h. Taking the old heater away was not asked for: no disposal line.
    # The rule's kit and valve are not priced: nobody named them (estimate_settings.rule_materials is off).
    priced = [("calentador-electrico-150l", Decimal(1)),
              (labour_code, Decimal("4")), ("desplazamiento", Decimal(1))]
    lines = es.db("SELECT requested, catalog_code, quantity, unit, to_quote FROM estimate_lines l "
                  "JOIN estimates e ON e.id = l.estimate_id WHERE e.number = %s ORDER BY position", number)
    assert [(code, quantity) for _r, code, quantity, _u, quoted in lines if not quoted] == priced
    # No diameter was said: the copper pipe is quoted with its 3 m, not priced as a guessed diameter.
    assert [(r, quantity, unit) for r, _c, quantity, unit, quoted in lines if quoted] == [
        ("tubería de cobre", Decimal(3), "m")]
    expected = oracle(es, priced)
    assert (subtotal, total, to_quote) == (expected["subtotal"], expected["total"], 1)
    assert ("tubería de cobre: 3 m — a cotizar (varias partidas posibles: Tubo de cobre 15 mm, Tubo de cobre 18 mm, "
            "Tubo de cobre 22 mm. ¿De qué medida? En el catálogo: 15 mm, 18 mm o 22 mm)") in answer["text"], \
        "the plumber is asked which diameter, among the ones he can choose"
    assert len(es.llm.requests) == before, "the words and the job rules were enough: the model was not asked"


def test_items_the_catalogue_does_not_price_are_listed_a_cotizar_and_left_out_of_the_total(
        estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    word = marker()
    es.run("UPDATE price_catalog SET active = false WHERE code = 'tubo-pex-20mm'")  # switched off by staff
    text = (f"Presupuesto para cambiar dos sifones del lavabo, una válvula termostática, 4 metros de pex de 20 "
            f"y 3 metros de tubería de cobre ({word})")
    try:
        es.llm.script(word, json_reply({"items": [
            {"item": "sifon-lavabo", "quantity": 7},              # a catalogue code: the words decide, not this
            {"item": "válvula termostática", "quantity": 1},      # not in the catalogue, and said: a cotizar
            {"item": "tubo-pex-20mm", "quantity": 4},             # inactive: never priced again
            "grifo de lujo",                                     # never said: dropped
            {"item": "Pues unos 300 euros", "quantity": 300},    # said? no: dropped
        ]}))
        with model_items_on(es):
            conversation_id, message_id, _ = es.post_message(text)
            answer = es.answer(message_id)
    finally:
        es.run("UPDATE price_catalog SET active = true WHERE code = 'tubo-pex-20mm'")

    # What the model was asked: items only (a bare name, an item, or hours), against the schema; the catalogue
    # is not sent (what gets a price never depends on the model).
    [request] = es.llm.requests_with(word)
    assert request["model"] == es.stack.llm_model_id
    assert request["response_format"]["type"] == "json_schema"
    item_schema = request["response_format"]["json_schema"]["schema"]["properties"]["items"]
    assert [v.get("type") if "properties" not in v else set(v["properties"])
            for v in item_schema["items"]["oneOf"]] == ["string", {"item", "quantity", "unit"}, {"labour_hours"}]
    prompt = request["messages"][-1]["content"]
    assert text in prompt and "tubo-cobre-22mm" not in prompt

    [(number, subtotal, _base, _tax, total, _deposit, to_quote, _token)] = estimate_of(es, conversation_id)
    labour_code = es.db("SELECT labour_code FROM estimate_settings")[0][0]
    # sifon 0.5 h; pex 20 (off) is PEX of some other size: tuberia-pex 0.5 + 0.2 x 4 m; copper of an unsaid
    # diameter: tuberia-cobre 0.5 + 0.3 x 3 m. 3.2 h, rounded up to the quarter: 3.25 h.
    priced = [("sifon-lavabo", Decimal(2)), (labour_code, Decimal("3.25")), ("desplazamiento", Decimal(1))]
    expected = oracle(es, priced)
    assert (subtotal, total, to_quote) == (expected["subtotal"], expected["total"], 3)
    lines = es.db("SELECT requested, catalog_code, quantity, unit, to_quote, unit_price, line_total FROM estimate_lines l "
                  "JOIN estimates e ON e.id = l.estimate_id WHERE e.number = %s ORDER BY position", number)
    assert [(code, quantity) for _r, code, quantity, _u, quoted, _p, _t in lines if not quoted] == priced
    assert [(requested, quantity, unit) for requested, _c, quantity, unit, quoted, _p, _t in lines if quoted] == [
        ("pex 20", Decimal(4), "m"),                  # PEX 20 is switched off: not priced as PEX 16 either
        ("tubería de cobre", Decimal(3), "m"),        # which diameter? not guessed
        ("válvula termostática", Decimal(1), "ud"),   # from the model, because the plumber said it
    ]
    assert all(price is None and line is None for *_x, quoted, price, line in lines if quoted)
    card = answer["metadata"]["estimate"]
    assert [line["to_quote"] for line in card["lines"]] == [False, True, True, False, False, True]
    assert "válvula termostática: 1 ud — a cotizar" in answer["text"]
    assert "(más las partidas a cotizar)" in answer["text"]
    assert "grifo de lujo" not in answer["text"]


# ---------------------------------------------------------------------------------------------------------
# Unusable model output: retried, then a person; never a wrong estimate
# ---------------------------------------------------------------------------------------------------------
BAD_OUTPUTS = {
    "not JSON": text_reply("Pues unos 300 euros más o menos, depende"),
    "wrong shape": json_reply({"total": 300, "lineas": ["termo"]}),
    "empty list": json_reply({"items": []}),
    "LLM server 422": validation_failed(),
    "LLM server 400": error_reply(400, "invalid_json", "could not parse the model's reply"),
}


@pytest.mark.parametrize("bad", list(BAD_OUTPUTS), ids=list(BAD_OUTPUTS))
def test_unusable_model_output_is_retried_and_without_priced_words_the_plumber_is_told_and_nothing_is_priced(
        estimates_stack: EstimateStack, bad: str) -> None:
    es = estimates_stack
    word = marker()
    es.llm.script(word, BAD_OUTPUTS[bad])
    before = es.db(NUMBERS_USED)
    # No job word and nothing the catalogue has: nothing at all can be priced. (With model items on, the model
    # is asked anyway: it could name something to quote.)
    with model_items_on(es):
        conversation_id, message_id, _ = es.post_message(f"¿Cuánto cuesta una mampara de ducha? ({word})")
        answer = es.answer(message_id)

    attempts = es.llm.requests_with(word)
    assert len(attempts) == 2, "the first try and one more (the LLM server already retries JSON by itself)"
    assert all("Tu respuesta anterior no sirvió" in r["messages"][-1]["content"] for r in attempts[1:])
    assert answer["text"].startswith(FAILURE_TEXT_START)
    assert answer["status"] == "llm_error" and answer["error"].startswith("estimate not made after 2 attempt(s)")
    assert answer["metadata"] == {}
    assert estimate_of(es, conversation_id) == []
    assert es.db(NUMBERS_USED) == before, "no estimate stored, no number used up"
    [reply] = es.callbacks.replies_to(message_id)
    assert "estimate" not in reply and reply["text"] == answer["text"]
    if HAS_NOTIFY_STAFF:
        [(kind, number, summary)] = es.notifications(conversation_id)
        assert (kind, number) == ("human_requested", None) and word in summary


def test_a_job_the_catalogue_cannot_price_gets_a_draft_with_the_job_a_cotizar_and_the_call_out(
        estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    word = marker()
    conversation_id, message_id, _ = es.post_message(f"Presupuesto para instalar una mampara de ducha ({word})")
    answer = es.answer(message_id)
    assert answer["status"] == "ok" and answer["error"] is None
    [(number, subtotal, _base, _tax, total, _deposit, to_quote, _token)] = estimate_of(es, conversation_id)
    lines = es.db("SELECT description, catalog_code, quantity, to_quote FROM estimate_lines l "
                  "JOIN estimates e ON e.id = l.estimate_id WHERE e.number = %s ORDER BY position", number)
    assert lines == [("Instalar una mampara de ducha", None, Decimal(1), True),
                     ("Desplazamiento", "desplazamiento", Decimal(1), False)]
    expected = oracle(es, [("desplazamiento", Decimal(1))])
    assert (subtotal, total, to_quote) == (expected["subtotal"], expected["total"], 1)
    assert "Instalar una mampara de ducha: 1 ud — a cotizar" in answer["text"]
    assert es.llm.requests_with(word) == [], "only the call-out is priced: no hours are guessed for an unknown job"
    if HAS_NOTIFY_STAFF:
        [(kind, notified, summary)] = es.notifications(conversation_id)
        assert (kind, notified) == ("estimate_created", number) and "1 partida(s) a cotizar" in summary


def test_a_request_with_nothing_to_price_goes_to_a_person_at_once(estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    word = marker()
    before = es.db(NUMBERS_USED)
    conversation_id, message_id, _ = es.post_message(f"Presupuesto para una mampara de ducha ({word})")
    answer = es.answer(message_id)
    assert answer["text"].startswith(FAILURE_TEXT_START) and answer["status"] == "llm_error"
    assert answer["error"] == ("estimate not made after 0 attempt(s): no price catalogue item in the words; "
                               "the AI model was not needed")
    assert es.llm.requests_with(word) == [] and estimate_of(es, conversation_id) == []
    assert es.db(NUMBERS_USED) == before
    if HAS_NOTIFY_STAFF:
        [(kind, number, summary)] = es.notifications(conversation_id)
        assert (kind, number) == ("human_requested", None) and "mampara" in summary


def test_when_the_model_gives_nothing_usable_the_items_the_plumber_named_are_still_priced(
        estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    word = marker()
    es.llm.script(word, validation_failed())
    # A job ("cambiar") on an item no job rule covers: the model is asked for the hours.
    conversation_id, message_id, _ = es.post_message(
        f"Presupuesto: cambiar el kit de conexión del termo ({word})")
    answer = es.answer(message_id)
    _first, second = es.llm.requests_with(word)
    assert "Tu respuesta anterior no sirvió" in second["messages"][-1]["content"]
    [(number, subtotal, *_rest)] = estimate_of(es, conversation_id)
    # No rule, no hours from the model: the kit (the price the catalogue knows) and the call-out every job
    # gets; the hours are left to a person.
    expected = [("kit-conexion-termo", Decimal(1)), ("desplazamiento", Decimal(1))]
    assert es.db("SELECT catalog_code, quantity FROM estimate_lines l JOIN estimates e ON e.id = l.estimate_id "
                 "WHERE e.number = %s ORDER BY position", number) == expected
    assert subtotal == oracle(es, expected)["subtotal"]
    assert answer["status"] == "ok" and answer["metadata"]["estimate"]["number"] == number


# ---------------------------------------------------------------------------------------------------------
# Routing in chat-answer
# ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, metadata", [
    ("Cambiar el sifón del fregadero y un latiguillo", {"intent": "estimate"}),
    ("¿Cuánto cobro por cambiar un sifón de fregadero?", {}),
    ("hazme un PRESUPUESTO para el sifón del fregadero", {}),
    ("¿Qué precio le pongo a cambiar el sifón?", {}),
    ("Cotízame el cambio del sifón del fregadero", {}),
    ("cuanto cuesta cambiar un sifon", {}),
], ids=["intent", "cuanto cobro", "presupuesto", "precio", "cotizame", "cuanto cuesta"])
def test_an_estimate_request_is_recognised_by_intent_or_by_its_words(
        estimates_stack: EstimateStack, text: str, metadata: dict[str, Any]) -> None:
    es = estimates_stack
    word = marker()
    es.llm.script(word, json_reply({"items": [{"item": "sifon-fregadero", "quantity": 1}, {"labour_hours": 0.5}]}))
    conversation_id, message_id, _ = es.post_message(f"{text} {word}", metadata=metadata)
    answer = es.answer(message_id)
    assert answer["metadata"]["estimate"]["number"] == estimate_of(es, conversation_id)[0][0]
    stored = es.db("SELECT metadata FROM messages WHERE id = %s", message_id)[0][0]
    assert stored == metadata, "the plumber's metadata is stored as sent"


def test_a_normal_question_still_gets_the_normal_answer(estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    word = marker()
    es.llm.script(word, text_reply("Cierre la llave de paso y cambie la montura."))
    conversation_id, message_id, _ = es.post_message(
        f"Tengo una fuga en el grifo monomando del lavabo, ¿cómo la reparo? {word}")
    answer = es.answer(message_id)
    assert answer["text"].startswith("Cierre la llave de paso y cambie la montura.")
    assert "Fuente:" in answer["text"] and answer["metadata"]["grounded"] is True
    assert "estimate" not in answer["metadata"] and estimate_of(es, conversation_id) == []
    [request] = es.llm.requests_with(word)
    assert "response_format" not in request
    if HAS_NOTIFY_STAFF:
        assert es.notifications(conversation_id, expected=1, timeout=3) == []


def test_asking_for_a_person_gets_a_person_and_staff_are_told(estimates_stack: EstimateStack) -> None:
    if not HAS_NOTIFY_STAFF:
        pytest.skip("n8n-workflows/workflows/notify-staff.json is not in the repository yet")
    es = estimates_stack
    conversation_id, message_id, _ = es.post_message("Esto no lo veo claro, quiero hablar con una persona")
    answer = es.answer(message_id)
    assert answer["text"].startswith(PERSON_TEXT_START)
    assert not [r for r in es.llm.requests if "quiero hablar con una persona" in json.dumps(r, ensure_ascii=False)]
    [(kind, number, summary)] = es.notifications(conversation_id)
    assert (kind, number) == ("human_requested", None)
    assert "pide hablar con una persona" in summary and "quiero hablar con una persona" in summary


def test_a_question_the_knowledge_base_cannot_answer_offers_a_person_and_tells_staff(
        estimates_stack: EstimateStack) -> None:
    if not HAS_NOTIFY_STAFF:
        pytest.skip("n8n-workflows/workflows/notify-staff.json is not in the repository yet")
    es = estimates_stack
    # not plumbing, and no subject of off_topic_words (those get the off-topic reply since stop 32)
    conversation_id, message_id, _ = es.post_message("¿Cuántas patas tiene una araña?")
    answer = es.answer(message_id)
    assert answer["text"].startswith("No estoy seguro")
    [(kind, _number, summary)] = es.notifications(conversation_id)
    assert kind == "human_requested" and "no encontró respuesta" in summary


def test_a_failing_staff_notification_never_stops_the_reply(estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    es.run("ALTER TABLE IF EXISTS staff_notifications RENAME TO staff_notifications_away")
    try:
        word = marker()
        es.llm.script(word, json_reply({"items": [{"item": "sifon-lavabo", "quantity": 1}]}))
        _c1, estimate_message, _ = es.post_message(f"Presupuesto de un sifón de lavabo {word}")
        _c2, person_message, _ = es.post_message("Quiero hablar con un técnico")
        assert es.answer(estimate_message)["metadata"]["estimate"]
        assert es.answer(person_message)["text"].startswith(PERSON_TEXT_START)
    finally:
        es.run("ALTER TABLE IF EXISTS staff_notifications_away RENAME TO staff_notifications")


def test_when_the_estimate_workflow_itself_fails_the_plumber_gets_the_apology(estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    es.run("ALTER TABLE price_catalog RENAME TO price_catalog_away")  # the catalogue cannot be read
    try:
        conversation_id, message_id, _ = es.post_message("¿Cuánto cobro por cambiar un sifón?")
        answer = es.answer(message_id)
    finally:
        es.run("ALTER TABLE price_catalog_away RENAME TO price_catalog")
    assert answer["text"].startswith("Lo siento, ahora mismo no puedo generar una respuesta")
    assert answer["status"] == "llm_error" and answer["error"].startswith("estimate workflow failed")
    assert estimate_of(es, conversation_id) == []
    if HAS_NOTIFY_STAFF:
        [(kind, _number, _summary)] = es.notifications(conversation_id)
        assert kind == "human_requested"


def test_the_safety_message_still_goes_first(estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    word = marker()
    es.llm.script(word, json_reply({"items": [{"item": "calentador-gas-11l", "quantity": 1}]}))
    _conversation, message_id, _ = es.post_message(
        f"Huele a gas en la cocina; ¿cuánto cuesta cambiar el calentador de gas de 11 litros? {word}")
    answer = es.answer(message_id)
    rule_message = es.db("SELECT message FROM safety_rules WHERE slug = 'olor-a-gas'")[0][0]
    assert answer["text"].startswith(rule_message.strip() + "\n\nPRESUPUESTO ")
    assert answer["metadata"]["estimate"]["url"] in answer["text"]


# ---------------------------------------------------------------------------------------------------------
# One message, one estimate
# ---------------------------------------------------------------------------------------------------------
def test_a_redelivered_message_never_makes_a_second_estimate(estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    word = marker()
    es.llm.script(word, json_reply({"items": [{"labour_hours": 0.5}]}))
    text = f"Presupuesto para cambiar el kit de conexión del termo {word}"   # the model is asked for hours
    conversation_id, message_id, _ = es.post_message(text)
    es.answer(message_id)
    _, _, again = es.post_message(text, conversation_id=conversation_id, message_id=message_id)
    assert again.json() == {"status": "duplicate"}
    time.sleep(3)
    assert len(estimate_of(es, conversation_id)) == 1
    assert len(es.llm.requests_with(word)) == 1 and len(es.callbacks.replies_to(message_id)) == 1


async def test_two_deliveries_of_one_message_at_the_same_time_make_one_estimate(
        estimates_stack: EstimateStack) -> None:
    """Both deliveries find the message unanswered and both ask the model (slowly, so they overlap): the
    estimate and its reply are stored in one statement, so the second is rolled back whole."""
    es = estimates_stack
    word = marker()
    es.llm.script(word, slow(json_reply({"items": [{"labour_hours": 0.5}]}), 3))
    conversation_id, message_id = f"web:est{uuid.uuid4().hex[:12]}", str(uuid.uuid4())
    text = f"Presupuesto para cambiar el kit de conexión del termo {word}"   # the model is asked for hours
    statuses = await asyncio.gather(*[asyncio.to_thread(
        es.post_message, text, conversation_id=conversation_id, message_id=message_id) for _ in range(2)])
    assert sorted(r.json()["status"] for _c, _m, r in statuses) == ["duplicate", "stored"]
    es.answer(message_id)
    await asyncio.sleep(6)
    assert len(es.llm.requests_with(word)) == 2, "both deliveries went for an estimate at the same time"
    assert len(estimate_of(es, conversation_id)) == 1
    assert es.db("SELECT count(*) FROM messages WHERE in_reply_to = %s", message_id) == [(1,)]
    assert len(es.callbacks.replies_to(message_id)) == 1
    if HAS_NOTIFY_STAFF:
        assert [kind for kind, *_ in es.notifications(conversation_id, expected=2, timeout=3)] == ["estimate_created"]


# ---------------------------------------------------------------------------------------------------------
# Through a real browser-side socket
# ---------------------------------------------------------------------------------------------------------
async def test_the_estimate_button_reaches_the_socket_with_the_card_and_the_history_keeps_it(
        estimates_stack: EstimateStack, open_chat) -> None:
    es = estimates_stack
    word = marker()
    es.llm.script(word, json_reply({"items": [{"item": "mecanismo-descarga-doble", "quantity": 1},
                                              {"labour_hours": 1}]}))
    async with open_chat() as chat:
        message_id = str(uuid.uuid4())
        await chat.socket.send(json.dumps({"type": "message", "id": message_id, "intent": "estimate",
                                           "text": f"Cambiar el mecanismo de la cisterna {word}"}))
        await chat.wait_for(lambda e: e.get("type") == "accepted" and e.get("id") == message_id, 10)
        reply = await chat.reply_to(message_id)
    stored = es.answer(message_id)
    assert reply["text"] == stored["text"] and reply["estimate"] == stored["metadata"]["estimate"]
    assert es.db("SELECT metadata FROM messages WHERE id = %s", message_id) == [({"intent": "estimate"},)]

    async with open_chat(chat.browser_id) as back:
        await back.socket.send('{"type":"history"}')
        history = await back.wait_for(lambda e: e.get("type") == "history")
    [assistant] = [m for m in history["messages"] if m["role"] == "assistant"]
    assert assistant["estimate"] == stored["metadata"]["estimate"]


# ---------------------------------------------------------------------------------------------------------
# Re-sent as it was (docs/faults.md: the gateway could not take the reply)
# ---------------------------------------------------------------------------------------------------------
@pytest.mark.slow  # waits for the re-drive schedule's rounds (about 2 minutes): make test-slow
async def test_an_estimate_reply_the_gateway_could_not_take_is_re_sent_with_its_card_as_it_was(
        estimates_stack: EstimateStack, open_chat) -> None:
    """The gateway answers 503 to every try of the estimate workflow (five, 3 s apart): the reply stays owed and
    "Remedios · Replies: re-send to the gateway" re-sends it. The re-sent callback is the first one as it was,
    the estimate card included (null keys and all), and the plumber's socket gets it once, with the card."""
    es = estimates_stack
    text = "¿Cuánto cobro por cambiar un calentador de 40 galones con 3 metros de tubería de cobre?"
    async with open_chat() as chat:
        es.callbacks.refused.add(chat.conversation_id)
        try:
            message_id = await chat.send_message(text)
            await chat.wait_for(lambda e: e.get("type") == "accepted" and e.get("id") == message_id, 10)
            deadline = time.monotonic() + 120
            while len(es.callbacks.refused_replies_to(message_id)) < 5 and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
            refused = es.callbacks.refused_replies_to(message_id)
            assert len(refused) == 5, "the estimate workflow tried five times"
            [(state,)] = es.db("SELECT d.state FROM reply_deliveries d WHERE d.message_id = %s",
                               refused[0]["message_id"])
            assert state == "pending"
        finally:
            es.callbacks.refused.discard(chat.conversation_id)
        first = refused[0]
        assert first["estimate"]["lines"] and first["estimate"]["url"] in first["text"]
        assert None in first["estimate"].values(), "the card has null keys (notes)"
        reply = await chat.reply_to(message_id, timeout=180)
        await asyncio.sleep(35)  # a further round of the re-send workflow: nothing more reaches the plumber
        replies = [e for e in chat.events if e.get("type") == "reply" and e.get("in_reply_to") == message_id]
    [resent] = es.callbacks.replies_to(message_id)
    assert resent == first, "the re-sent callback is the first one as it was"
    stored = es.db("SELECT metadata -> 'estimate' FROM messages WHERE id = %s", first["message_id"])[0][0]
    assert resent["estimate"] == stored
    assert len(replies) == 1 and reply["id"] == first["message_id"] and reply["estimate"] == first["estimate"]
    assert es.db("SELECT state, attempts >= 1 FROM reply_deliveries WHERE message_id = %s",
                 first["message_id"]) == [("taken", True)]


@pytest.mark.slow  # waits for the re-drive schedule's rounds (about 2 minutes): make test-slow
async def test_a_reply_stored_when_n8n_was_killed_is_re_sent_once_n8n_is_back(
        estimates_stack: EstimateStack, open_chat) -> None:
    """n8n killed (SIGKILL) after the answer was stored, as it sends it to the gateway: the reply is owed
    (reply_deliveries) and, once n8n runs again, "Remedios · Replies: re-send to the gateway" hands it over.
    The plumber's socket gets it exactly once."""
    es = estimates_stack
    async with open_chat() as chat:
        es.callbacks.kill_n8n_on_reply.add(chat.conversation_id)
        try:
            message_id = await chat.send_message("¿Cómo purgo un radiador que hace ruido?")
            await chat.wait_for(lambda e: e.get("type") == "accepted" and e.get("id") == message_id, 10)
            deadline = time.monotonic() + 120
            while es.callbacks.kill_n8n_on_reply and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
            assert not es.callbacks.kill_n8n_on_reply, "n8n killed as it sent the reply"
        finally:
            es.callbacks.kill_n8n_on_reply.discard(chat.conversation_id)
            es.stack.start_n8n()
        [(reply_id, state)] = es.db("SELECT m.id, d.state FROM messages m JOIN reply_deliveries d "
                                    "ON d.message_id = m.id WHERE m.in_reply_to = %s", message_id)
        assert state == "pending"
        reply = await chat.reply_to(message_id, timeout=180)
        with contextlib.suppress(TimeoutError):  # a further round of the re-send workflow: nothing more arrives
            await chat.wait_for(lambda e: False, 35)
    assert reply["id"] == reply_id
    assert len([e for e in chat.events if e.get("type") == "reply" and e.get("in_reply_to") == message_id]) == 1
    assert es.db("SELECT state FROM reply_deliveries WHERE message_id = %s", reply_id) == [("taken",)]
    assert es.db("SELECT count(*) FROM messages WHERE in_reply_to = %s", message_id) == [(1,)]


# Last in the module: Playwright's sync API runs its own event loop, and no async test may come after it.
def test_a_reply_the_gateway_took_just_before_it_was_killed_shows_once_on_the_open_page(
        estimates_stack: EstimateStack, browser: Browser) -> None:
    """Gateway SIGKILL after it pushed a reply to the open page, before n8n heard its 200: n8n sends it again
    (its next try, or the re-send workflow) to the new gateway, which no longer remembers the id and pushes it
    to the page again. The page shows a message id once: one answer, also after a reload."""
    from tests.integration.test_fault_matrix_browser import open_page, page_conversation, send_on_page, wait_until

    es = estimates_stack
    frames: list[dict[str, Any]] = []
    page = open_page(browser, es.stack, frames)
    conversation = page_conversation(page)
    old_gateway = es.stack.gateway
    es.callbacks.crash_after_taking.add(conversation)
    try:
        send_on_page(page, "¿Cómo purgo un radiador que hace ruido?")
        wait_until(page, lambda: old_gateway is not None and not old_gateway.alive(), 120,
                   "the gateway killed after taking the reply")
        [reply_id] = [f["id"] for f in frames if f.get("type") == "reply"]
    finally:
        es.callbacks.crash_after_taking.discard(conversation)
        if old_gateway is not None and not old_gateway.alive():
            es.stack.restart_gateway()
    expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=30000)
    wait_until(page, lambda: es.db("SELECT 1 FROM reply_deliveries WHERE message_id = %s AND state = 'taken'",
                                   reply_id), 150, "the reply sent again and taken")
    page.wait_for_timeout(3000)
    taken = [c for c in es.callbacks.calls if c["body"].get("message_id") == reply_id and c["gateway_status"] == 200]
    assert len(taken) >= 2, "taken by the gateway that was killed, and again by the new one (it forgot the id)"
    copies = [f for f in frames if f.get("type") == "reply" and f.get("id") == reply_id] + [
        m for f in frames if f.get("type") == "history" for m in f.get("messages", []) if m.get("id") == reply_id]
    assert len(copies) >= 2, "the page got the reply again (pushed by the new gateway, or in the history)"
    shown_once_after_reload(page, reply_id)
    assert es.db("SELECT count(*) FROM messages WHERE conversation_id = %s AND role = 'assistant'",
                 f"{conversation}") == [(1,)]
    page.context.close()
