"""Issue 18's reading faults that tuning set 34 probes (helper `est38`, stop 38; bench/estimates/SAID-38.md), in
wordings of our own. First the fault that kept est37-wip off main (tuning set 28's rv09): one of the sizes just
priced or asked about chosen by "el de N" after a yes or a verb of putting ("dale, poné el de 80", "ponele el de
ochenta") is that size for the line, as "mejor el de 80" is. Every total is the catalogue's prices times the
quantities, from Postgres (tests/support/estimate_talk.py).

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.support.estimate_talk import converse


# --- one of the sizes offered, chosen by "el de N" ---------------------------------------------------------------------

@pytest.mark.parametrize("choice", [
    "dale, poné el de 80",
    "ponele el de ochenta",
    "pon el de 80",
    "dale, el de 80",
    "ese, el de 80",
    "listo, ponme el de 80",
])
def test_a_size_chosen_by_el_de_n_resizes_the_line(conn: psycopg.Connection, choice: str) -> None:
    # (main: "poné/pon/ponele el de 80" was an addition of nothing named, asked back; the 50 l stayed)
    talk = converse(conn, "presupuesto termo eléctrico de 50 litros", choice)
    assert talk.materials() == [("calentador-electrico-80l", Decimal(1), False)]


def test_the_size_whose_price_was_asked_is_taken_by_dale_pone_el_de_n(conn: psycopg.Connection) -> None:
    # tuning set 28's rv09 in other words of the same shape: the price of the 80 asked (no change), then chosen
    talk = converse(conn, "presupuesto calefón de 50 litros")
    talk.turn("¿y cuánto me saldría con el de 80?", revise=False)
    assert talk.answer["action"] == "unchanged"
    assert talk.materials() == [("calentador-electrico-50l", Decimal(1), False)]
    talk.turn("dale, poné el de 80")
    assert talk.materials() == [("calentador-electrico-80l", Decimal(1), False)]


def test_uno_de_n_after_ponle_is_not_read_as_a_size_choice(conn: psycopg.Connection) -> None:
    # a guard: "ponle uno de 80" may be one more (not settled by the words): never read as the resize
    talk = converse(conn, "presupuesto termo eléctrico de 50 litros")
    talk.turn("ponle uno de 80", revise=False)
    assert talk.materials() == [("calentador-electrico-50l", Decimal(1), False)]
