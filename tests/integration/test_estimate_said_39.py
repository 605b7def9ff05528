"""Issue 18's readings of stop 39 (helper `est39`, bench/estimates/SAID-39.md) through the real stack, on the web
chat's WebSocket: the plumber's own correction of a size ("perdona, no de 40 sino de 50"), a line the customer
brings ("la manguera la trae el cliente", no command), and a unit corrected ("no son 3 metros sino 2 tramos de 3
metros") — each a new revision of the same number, each card's total the catalogue's to the cent (the oracle of
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
    money,
    oracle,
    say_on_socket,
    stack,
)

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]


async def test_a_size_corrected_a_part_the_customer_brings_and_a_unit_corrected_on_the_socket(
        estimates_stack: EstimateStack, open_chat) -> None:
    es = estimates_stack
    async with open_chat() as chat:
        say = functools.partial(say_on_socket, es, chat)

        first = await say("Presupuesto 3 metros de tubo PVC de 40, 2 codos de 40 y la manguera de toma de lavadora")
        number = first["estimate"]["number"]
        assert [(c, q) for c, q, t in lines_of(es, number) if c in {"tubo-pvc-40mm", "codo-pvc-40mm", "manguera-lavadora"}] \
            == [("tubo-pvc-40mm", Decimal(3)), ("codo-pvc-40mm", Decimal(2)), ("manguera-lavadora", Decimal(1))]

        # the plumber's own correction: both lines of the old size resized (main: a new estimate, the 40 still priced)
        second = await say("perdona, no de 40 sino de 50")
        assert second["estimate"]["number"] == number and second["estimate"]["revision"] == 2
        now = [(c, q) for c, q, t in lines_of(es, number) if not t]
        assert ("tubo-pvc-50mm", Decimal(3)) in now and ("codo-pvc-50mm", Decimal(2)) in now
        assert not any(c in {"tubo-pvc-40mm", "codo-pvc-40mm"} for c, _ in now)
        assert money(second["estimate"]["total"]) == oracle(es, now)["total"]

        # the customer brings the hose: the line goes, no command said (main: refused or a new estimate)
        third = await say("la manguera la trae el cliente")
        assert third["estimate"]["revision"] == 3
        assert any(c.startswith("Quitado: Manguera") for c in third["estimate"]["changes"])

        # a unit corrected: 2 lengths of 3 m are 6 m (main: asked, the 3 m kept)
        fourth = await say("no son 3 metros sino 2 tramos de 3 metros")
        assert fourth["estimate"]["revision"] == 4

    final = [(c, q) for c, q, t in lines_of(es, number) if not t]
    assert ("tubo-pvc-50mm", Decimal(6)) in final and ("codo-pvc-50mm", Decimal(2)) in final
    assert not any(c in {"manguera-lavadora", "tubo-pvc-40mm", "codo-pvc-40mm"} for c, _ in final)
    expected = oracle(es, final)
    assert money(fourth["estimate"]["total"]) == expected["total"]
