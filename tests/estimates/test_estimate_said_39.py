"""Issue 18's reading faults that tuning set 36 probes (helper `est39`, stop 39; bench/estimates/SAID-39.md), in
wordings of our own: (k1) a line removed because the customer bought or brings the part, or it comes in another
part's box; (k2) a count said again as a frequency or a product; (k3) the plumber's own correction of a size or a
unit; (k6) another option's price asked with "en vez de". Every total is the catalogue's prices times the
quantities, from Postgres (tests/support/estimate_talk.py).

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.support.estimate_talk import change_kind, converse

ONE, TWO = Decimal(1), Decimal(2)


# --- (k1) the customer buys or brings the part, or it comes in another part's box ---------------------------------------

@pytest.mark.parametrize(("turn", "gone"), [
    ("el grifo lo ha comprado el dueño, quítalo", "grifo-lavadora"),           # bought, with a command
    ("el grifo lo trae la clienta", "grifo-lavadora"),                       # brings, no command
    ("la toma de desagüe ya viene con la lavadora, sácala", "sifon-lavadora"),  # in another part's box
    ("el cliente ya compró la manguera", "manguera-lavadora"),                # who first
])
def test_a_part_the_customer_buys_or_brings_leaves_the_draft(conn: psycopg.Connection, turn: str, gone: str) -> None:
    # (main: a new estimate of the reason's words, or refused; stop 38 read only who pays or covers a line)
    talk = converse(conn, "presupuesto instalación de lavadora: grifo de lavadora, manguera de toma de lavadora y "
                          "sifón de lavadora")
    before = talk.materials()
    talk.turn(turn)
    assert talk.answer["action"] == "revised"
    assert talk.materials() == [x for x in before if x[0] != gone]


def test_the_thing_bought_is_the_line_it_names_not_its_fittings(conn: psycopg.Connection) -> None:
    # "el inodoro" names the toilet, not the wax seal "para inodoro"; two things in one message, the command after
    talk = converse(conn, "presupuesto baño: inodoro completo, junta de cera, lavabo de pedestal, sifón de lavabo y "
                          "monomando de lavabo")
    talk.turn("el inodoro y el lavabo los ha comprado la dueña y también trae el sifón, quita los tres")
    assert talk.materials() == [("junta-cera-inodoro", ONE, False), ("monomando-lavabo", ONE, False)]


def test_a_part_bought_that_no_line_is_removes_nothing(conn: psycopg.Connection) -> None:
    # a guard: the thing must be a line of the draft; nothing is guessed
    talk = converse(conn, "presupuesto termo eléctrico de 80 litros y válvula de seguridad")
    before = talk.materials()
    talk.turn("la bañera la compró el cliente", revise=False)
    assert talk.answer.get("action") != "revised"
    assert talk.materials() == before
    assert change_kind(conn, "la válvula la trae el cliente") == "remove"
