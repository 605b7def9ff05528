"""Multi-turn estimates that end right (helper `multiturn30`, stop 30, issue 18; bench/estimates/MULTITURN-30.md):
the answer to "¿Cuántos … añado?" adds what was asked about, a fraction said alone of a priced row in millimetres
is its inches ("los codos también de 1/2" keeps the 15 mm copper elbow), "todo de 3/4" for pipe, elbows and tees
of one material takes the millimetres the draft's own pipe settled, "una horita" is an hour, and a correction said
with its verb in the infinitive ("lo que quería era agregar …") is that verb's change. Sets 1–16 (tuning) were the
symptom; the wordings here are our own. Every expected total is priced from Postgres' catalogue and rounded to the
cent.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg

from tests.estimates.helpers import assert_lines, codes, draft, say

LABOUR = "mano-obra-oficial"
CALL = "desplazamiento"


SINK = "presupuesto para montar una pila de lavar y 5 metros de tubo de desagüe de dos pulgadas"


def _sink(*more: tuple[str | None, str, bool]) -> list[tuple[str | None, str, bool]]:
    return [("tubo-pvc-50mm", "5", False), (LABOUR, "2", False), (CALL, "1", False), (None, "1", True), *more]


# --- the answer to "¿Cuántos … añado?" ------------------------------------------------------------------------------

def test_a_bare_count_answers_how_many_to_add(conn: psycopg.Connection) -> None:
    # (main: "3" was glued onto the line a cotizar, "Montar una pila de lavar 3", and no elbow was added)
    number = draft(conn, SINK)
    assert_lines(conn, number, _sink())
    asked = say(conn, "ponle unos codos")
    assert asked["action"] == "asked" and "Cuántos codos" in asked["reply_text"], asked
    answer = say(conn, "3")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    assert_lines(conn, number, _sink(("codo-pvc-50mm", "3", False)))


def test_a_count_with_the_thing_answers_how_many_to_add(conn: psycopg.Connection) -> None:
    # (main: "Montar una pila de lavar cuatro codos", nothing added)
    number = draft(conn, SINK)
    assert say(conn, "añádele unos codos")["action"] == "asked"
    answer = say(conn, "cuatro codos")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    assert_lines(conn, number, _sink(("codo-pvc-50mm", "4", False)))


def test_the_question_how_many_waits_one_message_only(conn: psycopg.Connection) -> None:
    number = draft(conn, SINK)
    assert say(conn, "ponle unos codos")["action"] == "asked"
    assert say(conn, "son 3 horas")["action"] == "revised"
    say(conn, "3")   # no longer the answer: whatever it does, no elbow is added
    assert not [c for c, _, _ in codes(conn, number) if c and c.startswith("codo")]
    assert [q for c, q, _ in codes(conn, number) if c == LABOUR] == [Decimal(3)]


# --- sizes said in inches -------------------------------------------------------------------------------------------

def test_a_fraction_said_alone_of_a_priced_row_in_mm_is_its_inches(conn: psycopg.Connection) -> None:
    # (main: the 15 mm copper elbow became a line a cotizar "Codo de cobre para soldar 1/2")
    number = draft(conn, "presupuesto: 6 metros de tubo de cobre de media y 5 codos de cobre")
    want = [("tubo-cobre-15mm", "6", False), ("codo-cobre-15mm", "5", False)]
    assert_lines(conn, number, want)
    answer = say(conn, "los codos también de 1/2")
    assert answer["action"] in ("unchanged", "revised"), answer
    assert_lines(conn, number, want)


def test_inches_for_pipe_elbows_and_tees_of_one_material_follow_the_pipe(conn: psycopg.Connection) -> None:
    # (main: the pipe became the 22 mm row, the elbows and tees stayed a cotizar "codo cobre de 3/4": 18 or 22?)
    number = draft(conn, "presupuesto: 6 metros de tubo de cobre, 3 codos y 2 tes")
    assert_lines(conn, number, [(None, "6", True), (None, "3", True), (None, "2", True)])
    answer = say(conn, "todo de 3/4")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    assert_lines(conn, number, [("tubo-cobre-22mm", "6", False), ("codo-cobre-22mm", "3", False),
                                 ("te-cobre-22mm", "2", False)])


def test_inches_a_row_of_another_material_settles_nothing(conn: psycopg.Connection) -> None:
    # the draft's priced copper pipe does not settle PVC elbows' millimetres: they are never priced as copper
    number = draft(conn, "presupuesto: 6 metros de tubo de cobre y 3 codos de pvc")
    answer = say(conn, "todo de 1/2")
    assert answer["action"] in ("revised", "asked", "unchanged"), answer
    assert not [c for c, _, _ in codes(conn, number) if c and c.startswith("codo") and "pvc" not in c]


# --- words of hours and of a correction ----------------------------------------------------------------------------

PIPE = "cambiar 3 metros de tubo de cobre de 22 y 2 codos de cobre de 22, 3 horas"


def test_una_horita_is_an_hour(conn: psycopg.Connection) -> None:
    # (main: a line a cotizar "horita", the 3 h left)
    number = draft(conn, PIPE)
    answer = say(conn, "y ponle una horita nomás")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    assert_lines(conn, number, [("tubo-cobre-22mm", "3", False), ("codo-cobre-22mm", "2", False),
                                 (LABOUR, "1", False), (CALL, "1", False)])
    assert say(conn, "y dos horitas más")["action"] == "revised"
    assert_lines(conn, number, [("tubo-cobre-22mm", "3", False), ("codo-cobre-22mm", "2", False),
                                 (LABOUR, "3", False), (CALL, "1", False)])


def test_a_correction_with_the_verb_in_the_infinitive_is_that_change(conn: psycopg.Connection) -> None:
    # (main: "pila de lavar lo que quería era agregar una llave de paso de 3/4", a line a cotizar, nothing added)
    number = draft(conn, "cambiar 3 metros de tubo de cobre de 22 y una pila de lavar")
    before = codes(conn, number)
    answer = say(conn, "no, lo que quería era agregar una llave de paso de 3/4")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    assert codes(conn, number) == before + [("llave-paso-3-4", Decimal(1), False)]
    want = [(c, str(q), t) for c, q, t in before] + [("llave-paso-3-4", "1", False)]
    assert_lines(conn, number, want)
    answer = say(conn, "quise decir quitar la llave de paso")
    assert answer["action"] == "revised", answer
    assert codes(conn, number) == before
