"""The structured first-turn reading, through the real stack (issue 18, branch esread): what the plumber sees.
A use said ("el grifo de la ducha") leaves on the card only the catalogue's rows for that use as the question's
choices; a size in gallons is priced by the row within 5 % of
its litres (26 gal = 98 l: the 100 l termo), with the totals to the cent, and one further off is a line a cotizar
that shows the conversion (20 gal = 76 l is not the 80 l termo). Wordings written for this test, not taken from
an evaluation set.

Runs on the session's stubbed stack (tests/support/estimate_stack.py's fixtures, imported below); the words
and the catalogue settle every message, the AI model is never asked.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.support.estimate_stack import (  # noqa: F401  (fixtures over the session's stubbed stack)
    EstimateStack, estimates_stack, lines_of, money, oracle, stack,
)

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]


def test_a_use_said_narrows_the_question_on_the_card_to_the_rows_for_it(
        estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    _, message_id, _ = es.post_message("Necesito presupuesto para cambiar el grifo de la ducha")
    first = es.answer(message_id)
    card = first["metadata"]["estimate"]
    number = card["number"]
    tap = card["lines"][0]
    assert tap["to_quote"] and tap["unit_price"] is None
    assert "Grifo termostático de ducha" in tap["note"] and "Grifo monomando de ducha" in tap["note"], tap["note"]
    for other in ("Grifo monomando de lavabo", "Grifo monomando de cocina", "Grifo de lavadora", "Grifo de jardín"):
        assert other not in tap["note"], tap["note"]   # taps for other uses are not offered
    assert money(card["total"]) == oracle(es, [(code, qty) for code, qty, to_quote in lines_of(es, number)
                                                if not to_quote])["total"]
    assert "¿De qué tipo?" in first["text"]


def test_gallons_are_priced_only_by_a_row_within_five_percent_with_the_totals_to_the_cent(
        estimates_stack: EstimateStack) -> None:
    es = estimates_stack
    _, message_id, _ = es.post_message("Cuánto cobro por cambiar un termo de 26 galones")
    card = es.answer(message_id)["metadata"]["estimate"]
    number = card["number"]
    priced = [(code, qty) for code, qty, to_quote in lines_of(es, number) if not to_quote]
    assert ("calentador-electrico-100l", Decimal(1)) in priced, priced
    expected = oracle(es, priced)
    assert (money(card["subtotal"]), money(card["tax"]), money(card["total"])) == (
        expected["subtotal"], expected["tax"], expected["total"])

    _, message_id, _ = es.post_message("Cuánto cobro por cambiar un calentador de 20 galones")
    answer = es.answer(message_id)
    card = answer["metadata"]["estimate"]
    assert not any(code == "calentador-electrico-80l" for code, _, _ in lines_of(es, card["number"]))
    heater = card["lines"][0]
    assert heater["to_quote"] and "20 galones (≈ 76 l)" in heater["description"], heater
