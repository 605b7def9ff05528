"""Revision turns by the wording of a kind of change (helper `revise29`, stop 29, issue 18; bench/estimates/TURNS-29.md):
hours taken off or put on with a verb of lowering or raising ("bájele una hora", "súbele media hora"; once the
customer decided: locked), a new size in wordings not read before (the line named when a part of it shares its
name, "mejor que el X sea de …", a unit's abbreviation "a 30 gal"), fewer of a line not named ("quítale uno": asked
which, the answer "un codo" takes one off), a size said of a priced line by its synonym kept to that line, and a thing added
after a bare "y" ("y una válvula check": a cotizar). Sets 1–16 (tuning) were the symptom; the wordings here are
our own. Every expected total is priced from Postgres' catalogue and rounded to the cent.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.estimates.helpers import assert_lines, codes, draft, lines, say

LABOUR = "mano-obra-oficial"
CALL = "desplazamiento"
VALVE = "valvula-seguridad-termo"


PIPE = "cambiar 3 metros de tubo de cobre de 22 y 2 codos de cobre de 22, 3 horas"
TERMO = "presupuesto para cambiar un termo eléctrico de cincuenta litros y la válvula de seguridad, dos horas"


def _pipe(hours: str) -> list[tuple[str | None, str, bool]]:
    return [("tubo-cobre-22mm", "3", False), ("codo-cobre-22mm", "2", False), (LABOUR, hours, False), (CALL, "1", False)]


def _termo(code: str) -> list[tuple[str | None, str, bool]]:
    return [(code, "1", False), (VALVE, "1", False), (LABOUR, "2", False), (CALL, "1", False)]


# --- (d) hours taken off or put on by a verb of lowering or raising --------------------------------------------------

@pytest.mark.parametrize(("text", "hours"), [
    ("bájele una hora a ver si así lo acepta", "2"),   # main: not read at all
    ("bájale una hora", "2"),                          # main: the hours SET to one
    ("rebájale media hora que no tarda tanto", "2.5"),
    ("súbele media hora", "3.5"),                      # main: the hours set to a half
])
def test_a_verb_of_lowering_or_raising_takes_off_or_puts_on_the_hours_said(
        conn: psycopg.Connection, text: str, hours: str) -> None:
    number = draft(conn, PIPE)
    assert_lines(conn, number, _pipe("3"))
    answer = say(conn, text)
    assert (answer["action"], answer["number"], answer["revision"]) == ("revised", number, 2), answer
    assert_lines(conn, number, _pipe(hours))


def test_with_a_it_is_still_the_new_hours_and_taking_off_all_is_asked(conn: psycopg.Connection) -> None:
    number = draft(conn, PIPE)
    assert say(conn, "bájale a 2 horas")["action"] == "revised"
    assert_lines(conn, number, _pipe("2"))
    answer = say(conn, "bájale 2 horas")
    assert answer["action"] == "asked" and "2 h" in answer["reply_text"], answer
    assert_lines(conn, number, _pipe("2"))


def test_hours_taken_off_a_decided_estimate_are_locked(conn: psycopg.Connection) -> None:
    number = draft(conn, PIPE)
    conn.execute("SELECT estimate_mark_sent(%s)", (number,))
    conn.execute("SELECT estimate_decide(%s, 'rejected')", (number,))
    answer = say(conn, "bájele una hora a ver si así lo acepta")
    assert (answer["action"], answer["number"]) == ("locked", number), answer
    assert "nuevo" in answer["reply_text"]
    assert_lines(conn, number, _pipe("3"))


# --- (a) a new size in wordings not read before ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "code"), [
    # the line named shares its name with a line that goes on it ("válvula de seguridad para termo")
    ("el termo de 80 litros", "calentador-electrico-80l"),
    # the thing, then what it should be
    ("mejor que el termo sea de cien litros", "calentador-electrico-100l"),
])
def test_a_new_size_said_in_other_words_resizes_the_one_line(conn: psycopg.Connection, text: str, code: str) -> None:
    number = draft(conn, TERMO)
    assert_lines(conn, number, _termo("calentador-electrico-50l"))
    answer = say(conn, text)
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    assert_lines(conn, number, _termo(code))


@pytest.mark.parametrize(("text", "said"), [("cambia el termo a 30 gal", "30 galones"), ("el termo de 20 gals.", "20 galones")])
def test_a_unit_abbreviation_is_the_unit_and_gallons_stay_a_cotizar(conn: psycopg.Connection, text: str, said: str) -> None:
    # (main: "gal" is no unit, so the message is not read; gallons are never priced as the litres of another row)
    number = draft(conn, TERMO)
    answer = say(conn, text)
    assert answer["action"] == "revised", answer
    assert_lines(conn, number, [(None, "1", True), (VALVE, "1", False), (LABOUR, "2", False), (CALL, "1", False)])
    assert said in lines(conn, number)[0]["description"]


# --- (c) fewer of a line not named: asked which, then the answer ----------------------------------------------------

def test_quitale_uno_asks_which_and_the_answer_takes_one_off(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 3 metros de tubo de cobre de 22, 2 codos de cobre de 22 y 2 tes de cobre de 22, 3 horas")
    before = codes(conn, number)
    answer = say(conn, "quítale uno")
    assert answer["action"] == "asked" and "menos" in answer["reply_text"], answer
    assert codes(conn, number) == before
    answer = say(conn, "un codo")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    assert_lines(conn, number, [("tubo-cobre-22mm", "3", False), ("codo-cobre-22mm", "1", False),
                                 ("te-cobre-22mm", "2", False), (LABOUR, "3", False), (CALL, "1", False)])


def test_the_answer_waits_one_message_only(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 3 metros de tubo de cobre de 22, 2 codos de cobre de 22 y 2 tes de cobre de 22, 3 horas")
    assert say(conn, "quítale uno")["action"] == "asked"
    assert say(conn, "son 4 horas")["action"] == "revised"
    before = codes(conn, number)
    assert say(conn, "un codo")["handled"] is False
    assert codes(conn, number) == before


# --- (b) a thing added after a bare "y" -------------------------------------------------------------------------------

def test_y_and_a_thing_said_with_its_article_is_added_a_cotizar_when_the_catalogue_lacks_it(conn: psycopg.Connection) -> None:
    number = draft(conn, PIPE)
    answer = say(conn, "y una válvula check")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    assert_lines(conn, number, _pipe("3") + [(None, "1", True)])
    assert "check" in answer["reply_text"]


@pytest.mark.parametrize("text", ["y un poco más barato", "y si es de cobre"])
def test_y_and_words_that_are_no_thing_stay_no_change(conn: psycopg.Connection, text: str) -> None:
    number = draft(conn, PIPE)
    assert say(conn, text)["handled"] is False
    assert_lines(conn, number, _pipe("3"))


# --- a size said of a priced line by its synonym is that line's, never the size of the lines a cotizar ----------

def test_a_size_said_of_a_priced_line_is_no_size_for_another_line_a_cotizar(conn: psycopg.Connection) -> None:
    # (main: "el céspol de 1 1/4" of a priced "sifón" became the size of the drain a cotizar beside it: the line was
    # looked for by the words as written only, not by the shared synonym list's)
    number = draft(conn, "presupuesto para cambiar el céspol del lavabo y una coladera de 2 pulgadas, 2 horas")
    before = codes(conn, number)
    assert any(to_quote for _, _, to_quote in before) and ("sifon-lavabo", Decimal(1), False) in before
    answer = say(conn, "el céspol de 1 1/4")
    assert answer["action"] == "asked" and "Sifón de botella para lavabo" in answer["reply_text"], answer
    assert codes(conn, number) == before
