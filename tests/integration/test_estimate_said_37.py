"""Issue 18's readings of stop 37 (helper `est37`, bench/estimates/SAID-37.md) through the real stack, on the web
chat's WebSocket: a maintenance batch said without the article ("de 6 departamentos: por departamento …") with the
stop valve's job hours charged in each flat, then a length in centimetres added in a revision — each reply carries
the updated card, and the estimate's lines and totals are the catalogue's prices times the quantities (the oracle of
test_estimates.py).

Real gateway, n8n and Postgres (the session's stubbed stack, tests/integration/stubbed_stack.py); no message needs
the AI model: the words and the catalogue settle everything.
"""

from __future__ import annotations

import functools
from decimal import Decimal

import pytest

from tests.support.estimate_stack import (  # noqa: F401  (fixtures over the session's stubbed stack)
    EstimateStack,
    estimates_stack,
    lines_of,
    oracle,
    say_on_socket,
    stack,
)

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]


async def test_a_batch_by_each_flat_with_its_hours_and_centimetres_on_the_socket(estimates_stack: EstimateStack,
                                                                                 open_chat) -> None:
    es = estimates_stack
    async with open_chat() as chat:
        say = functools.partial(say_on_socket, es, chat)

        # six flats, a stop valve in each, the valve job's hour in each (main: one valve, one hour, and
        # "mantenimiento de 6 departamentos" a line a cotizar)
        first = await say("Presupuesto de mantenimiento de 6 departamentos: por departamento cambiar la llave de "
                          "paso de 1/2")
        card = first["estimate"]
        number = card["number"]
        hours = es.db("SELECT code FROM price_catalog WHERE unit = 'h'")
        hour_codes = {code for (code,) in hours}
        got = lines_of(es, number)
        assert ("llave-paso-1-2", Decimal(6), False) in got
        assert sum(q for c, q, t in got if c in hour_codes) == Decimal(6)
        assert not any(t for c, q, t in got), got

        # a length in centimetres (main: one metre)
        second = await say("agrégale 80 cm de tubo de cobre de 15")
        assert second["estimate"]["number"] == number and second["estimate"]["revision"] == 2
        assert "Añadido: Tubo de cobre 15 mm: 0,8 m" in second["estimate"]["changes"]

    final = lines_of(es, number)
    assert ("tubo-cobre-15mm", Decimal("0.8"), False) in final
    expected = oracle(es, [(code, quantity) for code, quantity, to_quote in final if not to_quote])
    assert Decimal(str(second["estimate"]["total"])) == expected["total"]
    assert es.db("SELECT total FROM estimates WHERE number = %s", number) == [(expected["total"],)]
