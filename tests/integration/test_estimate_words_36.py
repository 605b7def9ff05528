"""Issue 18's readings of stop 36 (helper `est36`, bench/estimates/SAID-36.md) through the real stack, on the web
chat's WebSocket: a batch of flats with one different in the first request, a length said in words in a revision,
and "sí, ponlo" right after a price asked — each reply carries the updated card, and the estimate's lines and
totals are the catalogue's prices times the quantities (the oracle of test_estimates.py).

Real gateway, n8n and Postgres (the session's stubbed stack, tests/integration/stubbed_stack.py); no message needs
the AI model: the words and the catalogue settle everything.
"""

from __future__ import annotations

import functools
from decimal import Decimal

import pytest

from tests.support.estimate_stack import (  # noqa: F401  (fixtures over the session's stubbed stack)
    EstimateStack, estimates_stack, lines_of, oracle, say_on_socket, stack,
)

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]


async def test_a_batch_a_length_in_words_and_yes_after_a_price_on_the_socket(estimates_stack: EstimateStack,
                                                                              open_chat) -> None:
    es = estimates_stack
    async with open_chat() as chat:
        say = functools.partial(say_on_socket, es, chat)

        # the same tap in six flats but one: five, one line (main: one tap)
        first = await say("Presupuesto para cambiar el grifo de lavadora en los 6 pisos, menos en uno "
                          "que ya lo tiene nuevo, y 3 metros de tubo de cobre de 15")
        card = first["estimate"]
        number = card["number"]
        materials = [(c, q) for c, q, t in lines_of(es, number) if c in ("grifo-lavadora", "tubo-cobre-15mm")]
        assert materials == [("grifo-lavadora", Decimal(5)), ("tubo-cobre-15mm", Decimal(3))]

        # a length said in words, in place of the old one (main: refused)
        second = await say("no, metro y medio en vez de tres metros")
        assert second["estimate"]["number"] == number and second["estimate"]["revision"] == 2
        assert "Tubo de cobre 15 mm: 3 → 1,5 m" in second["estimate"]["changes"]

        # the price of another pipe size asked, then "sí, ponlo" makes it (main: remembers nothing)
        asked = await say("¿y cuánto sería con el de 18?")
        assert "No lo he cambiado" in asked["text"]
        yes = await say("sí, ponlo")
        assert yes["estimate"]["revision"] == 3, yes["text"]
        assert any("Tubo de cobre 18 mm" in c for c in yes["estimate"]["changes"]), yes["estimate"]["changes"]

    final = lines_of(es, number)
    assert ("grifo-lavadora", Decimal(5), False) in final and ("tubo-cobre-18mm", Decimal("1.5"), False) in final
    expected = oracle(es, [(code, quantity) for code, quantity, to_quote in final if not to_quote])
    assert Decimal(str(yes["estimate"]["total"])) == expected["total"]
    assert es.db("SELECT total FROM estimates WHERE number = %s", number) == [(expected["total"],)]
