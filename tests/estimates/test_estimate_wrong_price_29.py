"""No wrongly priced line, stop 29 (helper `wrongprice`, issue 18; bench/estimates/WRONGPRICE-29.md): words that
name a thing which is NOT to be bought are never priced as a line. Each test is a request in a plumber's words
(our own wordings, not a case of the sets) and the lines and totals it must give: the draft's priced materials
exactly as expected, and its subtotal the catalogue's own prices times the counts (Postgres, the seeded
catalogue). Where the words do not settle the item, the line stays a cotizar or is asked back, never priced as
another row. Against the real Postgres functions (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import psycopg
import pytest

from tests.estimates.helpers import draft, estimate, lines

SERVICE = ("mano-obra-oficial", "desplazamiento")


def _drafted(conn: psycopg.Connection, text: str, expected: dict[str, int],
             hours: Decimal | None = None) -> list[dict[str, Any]]:
    """The draft of the request has exactly the expected priced materials (and, when given, these labour hours),
    and its subtotal is the catalogue's prices times the counts of all its priced lines; its lines."""
    number = draft(conn, text)
    got = lines(conn, number)
    materials = {x["catalog_code"]: int(x["quantity"]) for x in got
                 if x["catalog_code"] and not x["to_quote"] and x["catalog_code"] not in SERVICE}
    assert materials == expected, [(x["description"], x["quantity"], x["to_quote"]) for x in got]
    if hours is not None:
        assert sum((Decimal(str(x["quantity"])) for x in got if x["catalog_code"] == "mano-obra-oficial"),
                   Decimal(0)) == hours, got
    prices = dict(conn.execute("SELECT code, unit_price FROM price_catalog").fetchall())
    want = sum((prices[x["catalog_code"]] * x["quantity"] for x in got if x["catalog_code"] and not x["to_quote"]),
               Decimal(0))
    assert estimate(conn, number)["subtotal"] == want.quantize(Decimal("0.01"))
    return got


# 1. A thing drained is work done on it, not a thing bought (place_verbs: vaciar, vaciado) ------------------------

def test_draining_the_heater_does_not_price_a_heater(conn: psycopg.Connection) -> None:
    """The anode and the valve are bought; "vaciado del termo" is a step of the job on the same heater."""
    text = ("presupuesto: cambiar el ánodo de magnesio del termo eléctrico de 100 litros y la válvula de seguridad, más "
            "vaciado del termo, 2 h")
    got = _drafted(conn, text, {"anodo-magnesio": 1, "valvula-seguridad-termo": 1}, hours=Decimal("2"))
    assert not any("termo eléctrico" in x["description"].lower() for x in got), got


# 2. A thing said to stay is not priced ("se queda", "no se toca") ------------------------------------------------

@pytest.mark.parametrize("text, codes", [
    ("cotiza cambiar la teleducha y el flexo de ducha, el grifo termostático se queda, media hora",
     {"teleducha": 1, "flexo-ducha": 1}),
    ("presupuesto: cambiar el monomando de cocina, el latiguillo no se toca", {"monomando-cocina": 1}),
])
def test_a_thing_said_to_stay_is_not_priced(conn: psycopg.Connection, text: str, codes: dict[str, int]) -> None:
    _drafted(conn, text, codes)


def test_a_thing_that_stays_stuck_is_the_fault_and_is_priced(conn: psycopg.Connection) -> None:
    """"se queda goteando": how it fails, not that it stays; the tap is still changed."""
    _drafted(conn, "cambiar el grifo termostático de la ducha que se queda goteando", {"termostatico-ducha": 1})
