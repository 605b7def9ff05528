"""The first request read right, stop 29 (helper `firstfeat`, issue 18; bench/estimates/FIRSTREAD-29.md): a thing
said right after another keeps its own row, and a word that says a FEATURE of the item named before it is never
priced as another item. Each test is a request in a plumber's words (our own wordings, not a case of the sets) and
the lines and totals it must give: priced only where the catalogue is sure, a cotizar or asked back where the
words do not settle a size or a kind. Prices come from Postgres (the seeded catalogue): the expected subtotal is
the catalogue's own prices times the counts. Against the real Postgres functions (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import psycopg
import pytest

from tests.estimates.helpers import draft, estimate, lines, match

SERVICE = ("mano-obra-oficial", "desplazamiento")


def _read(conn: psycopg.Connection, text: str) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """estimate_match: the priced rows {code: quantity} (labour and the call-out left out) and the lines a cotizar."""
    found = match(conn, text)
    known = {r[0] for r in conn.execute("SELECT code FROM price_catalog WHERE active").fetchall()}
    priced = {str(i["item"]): float(i["quantity"]) for i in found["items"]
              if i.get("item") in known and i["item"] not in SERVICE}
    quoted = [i for i in found["items"] if "item" in i and i["item"] not in known]
    return priced, quoted


def _drafted(conn: psycopg.Connection, text: str, expected: dict[str, int]) -> list[dict[str, Any]]:
    """The draft of the request has exactly the expected priced materials, and its subtotal is the catalogue's
    prices times the counts (plus its labour and call-out lines, priced from their rows too); its lines."""
    number = draft(conn, text)
    got = lines(conn, number)
    materials = {x["catalog_code"]: int(x["quantity"]) for x in got
                 if x["catalog_code"] and not x["to_quote"] and x["catalog_code"] not in SERVICE}
    assert materials == expected, [(x["description"], x["quantity"], x["to_quote"]) for x in got]
    prices = dict(conn.execute("SELECT code, unit_price FROM price_catalog").fetchall())
    want = sum((prices[x["catalog_code"]] * x["quantity"] for x in got if x["catalog_code"] and not x["to_quote"]),
               Decimal(0))
    assert estimate(conn, number)["subtotal"] == want.quantize(Decimal("0.01"))
    return got


# 1. A thing said right after another keeps its own row (the conflict guard's cut, FIRSTREAD-28 "Left") -----------

@pytest.mark.parametrize("text, codes", [
    # the stop valve's 1/2 is not the safety valve's size, and "de paso" is not a kind said of it
    ("presu: termo eléctrico 50 l + válvula de seguridad + llave de paso 1/2", {"calentador-electrico-50l": 1,
                                                                               "valvula-seguridad-termo": 1,
                                                                               "llave-paso-1-2": 1}),
    ("cambiar la válvula de seguridad, llave de paso de 3/4 y 1 hora", {"valvula-seguridad-termo": 1,
                                                                        "llave-paso-3-4": 1}),
])
def test_a_thing_said_right_before_another_keeps_its_own_row(conn: psycopg.Connection, text: str,
                                                             codes: dict[str, int]) -> None:
    got = _drafted(conn, text, codes)
    assert not any("seguridad" in x["description"].lower() for x in got if x["to_quote"]), got


def test_a_thing_right_after_that_says_where_it_goes_stays_its_words(conn: psycopg.Connection) -> None:
    """"la llave de manguera del bidé": the bidet says where the tap goes (part_of), so it stays among the tap's
    words and the garden tap row is not priced for it (the exception of the cut above)."""
    priced, quoted = _read(conn, "cambiar la llave de manguera del bidé")
    assert "grifo-exterior-1-2" not in priced and not priced, priced
    assert quoted, quoted
