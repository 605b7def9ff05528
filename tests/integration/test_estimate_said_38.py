"""Issue 18's readings of stop 38 (helper `est38`, bench/estimates/SAID-38.md) through the real stack, on the web
chat's WebSocket: a heater the catalogue lacks at the size said (a line a cotizar), the price of another size asked
(a side question: the total it would come to, the draft unchanged), that size chosen by "dale, poné el de 80", then
the insurer's removal said with its reason ("el seguro no paga la retirada del viejo, sácala") — each revision's
card carries the catalogue's totals to the cent (the oracle of test_estimates.py).

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
    euros,
    head,
    lines_of,
    money,
    oracle,
    say_on_socket,
    stack,
)

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]


async def test_another_size_asked_then_chosen_then_the_insurers_removal_on_the_socket(estimates_stack: EstimateStack,
                                                                                      open_chat) -> None:
    es = estimates_stack
    async with open_chat() as chat:
        say = functools.partial(say_on_socket, es, chat)

        # 60 l: the catalogue has 50 and 80 — a line a cotizar, never the neighbouring row
        first = await say("Presupuesto termo eléctrico de 60 litros y retirada del viejo")
        number = first["estimate"]["number"]
        got = lines_of(es, number)
        assert ("retirada-calentador", Decimal(1), False) in got
        assert [t for _, _, t in got if t] == [True], got
        assert not any(str(c).startswith("calentador-electrico") for c, _, _ in got)

        # the 80's price asked: the total it would come to, the draft as it was (main: refused)
        with_80 = oracle(es, [("calentador-electrico-80l", Decimal(1)), ("retirada-calentador", Decimal(1))])
        second = await say("¿y cuánto sale el de 80?")
        assert euros(with_80["total"]) in second["text"] and "Termo eléctrico 80 l" in second["text"]
        assert head(es, number)[0] == 1 and lines_of(es, number) == got

        # chosen: the line becomes the 80 l row, revision 2 (main: asked what to add)
        third = await say("dale, poné el de 80")
        assert third["estimate"]["number"] == number and third["estimate"]["revision"] == 2
        assert money(third["estimate"]["total"]) == with_80["total"]

        # the insurer's removal with its reason, revision 3 (main: a new estimate of its own)
        fourth = await say("el seguro no paga la retirada del viejo, sácala")
        assert fourth["estimate"]["number"] == number and fourth["estimate"]["revision"] == 3
        assert any(c.startswith("Quitado: Retirada") for c in fourth["estimate"]["changes"])

    final = lines_of(es, number)
    assert final[0] == ("calentador-electrico-80l", Decimal(1), False)
    assert not any(c == "retirada-calentador" for c, _, _ in final)
    expected = oracle(es, [(code, quantity) for code, quantity, to_quote in final if not to_quote])
    assert money(fourth["estimate"]["total"]) == expected["total"]
    assert head(es, number)[:3] == (3, "draft", expected["total"])
