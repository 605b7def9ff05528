"""Kinds are never assumed, through the real stack (issue 18): a request that names a thing the catalogue has in
several kinds gets a draft whose line is a cotizar and whose card asks which kind, listing the catalogue's; the
plumber's next message ("a gas", then "de 11 litros") narrows and then completes it: the same number, a new
revision, the card updated and the totals to the cent. A request with only sizeless names ("precio de 3
latiguillos") is a draft that asks the size, not a refusal.

Real n8n, Postgres and gateway (the session's stubbed stack, tests/integration/stubbed_stack.py, shared with
test_estimates.py). No message here needs the AI model: the words and the catalogue settle everything.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.support.estimate_stack import (  # noqa: F401  (fixtures over the session's stubbed stack)
    EstimateStack, customer_page, estimates_stack, euros, head, lines_of, marker, money, oracle, say, stack,
)

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]


def test_a_kind_asked_back_is_narrowed_then_completed_in_the_next_turns_with_the_totals_to_the_cent(
        estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    conversation_id, message_id, _ = es.post_message("Presupuesto para cambiar el calentador")
    first = es.answer(message_id)
    card = first["metadata"]["estimate"]
    number = card["number"]
    [heater, call] = card["lines"]
    assert heater["to_quote"] and heater["unit_price"] is None and call["description"] == "Desplazamiento"
    question = heater["note"].split(". ")[-1]
    assert question.startswith("¿De qué tipo y medida? En el catálogo: ") and "Termo eléctrico" in question \
        and "Calentador de gas estanco" in question, question
    assert "¿De qué tipo y medida?" in first["text"]
    assert lines_of(es, number) == [("calentador", Decimal(1), True), ("desplazamiento", Decimal(1), False)]
    call_only = oracle(es, [("desplazamiento", Decimal(1))])
    assert money(card["total"]) == call_only["total"]

    # "a gas": the kind said; still several sizes, so the line stays a cotizar with only the gas heaters.
    narrowed = say(es, conversation_id, "a gas")
    assert narrowed["status"] == "ok"
    card = narrowed["metadata"]["estimate"]
    assert card["number"] == number and card["revision"] == 2
    assert card["changes"][0].startswith("Precisado: calentador → calentador gas (a cotizar: ")
    [heater, _call] = card["lines"]
    assert heater["to_quote"] and "Termo" not in heater["note"] and "Calentador de gas estanco" in heater["note"]

    # "de 11 litros": one gas heater of that size; priced from the catalogue, totals to the cent.
    done = say(es, conversation_id, "de 11 litros")
    card = done["metadata"]["estimate"]
    assert card["revision"] == 3 and card["changes"][0] == "Completado: calentador gas → Calentador de gas estanco 11 l/min"
    assert done["text"].startswith(f"Presupuesto {number} actualizado (revisión 3). Cambios:\n")
    expected = oracle(es, [("calentador-gas-11l", Decimal(1)), ("desplazamiento", Decimal(1))])
    assert lines_of(es, number) == [("calentador-gas-11l", Decimal(1), False), ("desplazamiento", Decimal(1), False)]
    assert (money(card["subtotal"]), money(card["tax"]), money(card["total"]), card["to_quote_count"]) == (
        expected["subtotal"], expected["tax"], expected["total"], 0)
    revision, status, total, token = head(es, number)
    assert (revision, status, total) == (3, "draft", expected["total"])
    assert es.db("SELECT count(*) FROM estimates WHERE conversation_id = %s", conversation_id) == [(1,)]
    page = customer_page(es, number, token)
    assert page.status_code == 200 and euros(expected["total"]) in page.text
    assert "Calentador de gas estanco 11 l/min" in page.text


def test_a_request_with_only_sizeless_names_is_a_draft_that_asks_the_size_and_the_answer_prices_it(
        estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    conversation_id, message_id, _ = es.post_message("precio de 3 latiguillos")
    first = es.answer(message_id)
    assert first["status"] == "ok" and "una persona" not in first["text"].lower()
    card = first["metadata"]["estimate"]
    [hoses] = card["lines"]
    assert hoses["to_quote"] and Decimal(str(hoses["quantity"])) == 3 and "¿De qué medida? En el catálogo:" in hoses["note"]
    assert money(card["total"]) == 0
    done = say(es, conversation_id, "de 40")
    card = done["metadata"]["estimate"]
    assert card["number"] == first["metadata"]["estimate"]["number"] and card["revision"] == 2
    expected = oracle(es, [("latiguillo-40cm", Decimal(3))])
    assert money(card["total"]) == expected["total"] and card["to_quote_count"] == 0
