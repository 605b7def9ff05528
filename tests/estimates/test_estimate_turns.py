"""Revision turns that change the whole draft or every line of it (helper `esturns`, stop 25, issue 18):
one size for all but the lines said apart ("pásalo todo a 26, la llave de 1"), openers that stack before a count
("no, mejor que sean 7 metros"), a size said alone for lines a cotizar that no choice fits, and counts for every
line ("dos de cada cosa", "todo doble"). Sets 1–14 (tuning) were the symptom; the wordings here are our own.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg

from tests.estimates.helpers import codes, draft, priced, revised, say


# --- one size for all, the lines said apart with their own ------------------------------------------------------

def test_all_to_one_size_but_the_valves_said_apart(conn: psycopg.Connection) -> None:
    number = draft(conn, "8 m de multicapa de 20, 4 codos multicapa 20 y 1 llave de paso de 3/4")
    before = priced(conn, number)
    assert "tubo-multicapa-20mm" in before and "llave-paso-3-4" in before, before
    revised(conn, "pásalo todo a 26, la llave de 1")
    got = priced(conn, number)
    assert got.get("tubo-multicapa-26mm") == 8 and got.get("codo-multicapa-26mm") == 4, got
    assert got.get("llave-paso-1") == 1, got
    # nothing stays priced at the size just said to be wrong
    assert not {"tubo-multicapa-20mm", "codo-multicapa-20mm", "llave-paso-3-4"} & set(got), got


def test_the_line_said_apart_must_be_on_the_draft(conn: psycopg.Connection) -> None:
    """A name that is no line is no exception: not read as one (the old reading answers)."""
    number = draft(conn, "8 m de multicapa de 20 y 4 codos multicapa 20")
    row = conn.execute("SELECT estimate_change_all_but(e, 'todo de 26 las bombas de 1') FROM estimates e WHERE number = %s",
                       (number,)).fetchone()[0]
    assert row is None


def test_all_but_needs_a_word_of_all(conn: psycopg.Connection) -> None:
    number = draft(conn, "8 m de multicapa de 20 y 1 llave de paso de 3/4")
    row = conn.execute("SELECT estimate_change_all_but(e, 'el tubo de 26 la llave de 1') FROM estimates e WHERE number = %s",
                       (number,)).fetchone()[0]
    assert row is None


# --- openers that stack before a count --------------------------------------------------------------------------

def test_stacked_openers_before_metres_are_the_count_of_the_line_in_metres(conn: psycopg.Connection) -> None:
    number = draft(conn, "6 metros de tubo de cobre de 22 y 3 codos de cobre de 22")
    revised(conn, "no, mejor que sean 7 metros")
    got = priced(conn, number)
    assert got.get("tubo-cobre-22mm") == 7 and got.get("codo-cobre-22mm") == 3, got


# --- "otra" / "otro" with several lines: one more of the one line whose name agrees and is counted in units -----

def test_otra_is_one_more_of_the_feminine_line_counted_in_units(conn: psycopg.Connection) -> None:
    number = draft(conn, "2 llaves de paso de 1/2 y 4 codos de cobre de 15")
    revised(conn, "agrégale otra")
    got = priced(conn, number)
    assert got.get("llave-paso-1-2") == 3 and got.get("codo-cobre-15mm") == 4, got


def test_otro_is_never_a_length_in_metres(conn: psycopg.Connection) -> None:
    number = draft(conn, "5 metros de tubo de cobre de 15 y 2 codos de cobre de 15")
    revised(conn, "ponle otro igual")
    got = priced(conn, number)
    assert got.get("codo-cobre-15mm") == 3 and got.get("tubo-cobre-15mm") == 5, got


def test_otra_with_two_feminine_lines_is_still_asked(conn: psycopg.Connection) -> None:
    number = draft(conn, "2 llaves de paso de 1/2 y 2 tes de cobre de 15")
    answer = say(conn, "ponle otra")
    assert answer["action"] == "asked", answer
    assert priced(conn, number).get("llave-paso-1-2") == 2


# --- a line named, then its count ------------------------------------------------------------------------------

def test_a_line_named_then_que_sean_and_a_count(conn: psycopg.Connection) -> None:
    number = draft(conn, "3 metros de tubo de cobre de 22 y 4 codos de cobre de 22")
    revised(conn, "los codos que sean 6")
    assert priced(conn, number).get("codo-cobre-22mm") == 6


def test_y_then_a_line_named_and_its_count_is_no_new_estimate(conn: psycopg.Connection) -> None:
    number = draft(conn, "3 metros de tubo de cobre de 22 y 4 codos de cobre de 22")
    answer = say(conn, "y los codos son 5")
    assert answer["handled"] and answer["action"] == "revised" and answer["number"] == number, answer
    assert priced(conn, number).get("codo-cobre-22mm") == 5


def test_a_count_with_a_unit_of_size_is_no_count(conn: psycopg.Connection) -> None:
    number = draft(conn, "un termo eléctrico de 80 litros")
    row = conn.execute("SELECT estimate_change_read(e, 'el termo que sea 100 litros') FROM estimates e WHERE number = %s",
                       (number,)).fetchone()[0]
    assert "quantity" not in str(row), row


# --- a count for every line ----------------------------------------------------------------------------------

def test_n_de_cada_cosa_sets_every_line_of_materials(conn: psycopg.Connection) -> None:
    number = draft(conn, "1 llave de paso de 1/2 y 3 codos de cobre de 15, 2 horas")
    revised(conn, "mejor que sean dos de cada cosa")
    got = priced(conn, number)
    assert got.get("llave-paso-1-2") == 2 and got.get("codo-cobre-15mm") == 2, got
    assert got.get("mano-obra-oficial") == 2, got   # hours are no "cosa" of the list


def test_todo_doble_doubles_every_line_of_materials(conn: psycopg.Connection) -> None:
    number = draft(conn, "1 llave de paso de 1/2 y 3 codos de cobre de 15")
    revised(conn, "es para dos pisos, todo doble")
    got = priced(conn, number)
    assert got.get("llave-paso-1-2") == 2 and got.get("codo-cobre-15mm") == 6, got


def test_doble_without_a_word_of_all_is_not_every_line(conn: psycopg.Connection) -> None:
    number = draft(conn, "1 llave de paso de 1/2 y 3 codos de cobre de 15")
    row = conn.execute("SELECT estimate_change_every_count(e, 'la llave doble') FROM estimates e WHERE number = %s",
                       (number,)).fetchone()[0]
    assert row is None


# --- "cambia X por Y": one line named becomes the thing named -------------------------------------------------

def test_a_line_replaced_by_a_thing_named_is_never_left_priced(conn: psycopg.Connection) -> None:
    number = draft(conn, "un termo eléctrico de 80 litros y 2 latiguillos de 30 cm")
    old = [c for c in priced(conn, number) if c.startswith("calentador") or c.startswith("termo")]
    assert old, priced(conn, number)
    revised(conn, "cambia el termo por un calentador de gas de 11 litros")
    got = priced(conn, number)
    assert not set(old) & set(got), got
    assert len(codes(conn, number)) == 2, codes(conn, number)   # no second heater, the hoses kept



# --- "que sea" a thing of the same kind in another dimension: the one line of that kind becomes it -------------

def test_que_sea_a_thing_of_the_lines_kind_in_kw_replaces_the_heater_in_litres(conn: psycopg.Connection) -> None:
    number = draft(conn, "un termo eléctrico de 80 litros y una válvula de seguridad para termo")
    before = priced(conn, number)
    heater = [c for c in before if c.startswith("calentador-electrico") or c.startswith("termo")]
    assert heater and "valvula-seguridad-termo" in before, before
    revised(conn, "mejor que sea un calentador instantáneo eléctrico de 5,5 kw")
    got = priced(conn, number)
    assert not set(heater) & set(got), got
    assert "valvula-seguridad-termo" in got, got
    assert len(codes(conn, number)) == 2, codes(conn, number)   # one heater, the valve kept


def test_que_sea_a_kind_alone_is_not_a_new_thing(conn: psycopg.Connection) -> None:
    number = draft(conn, "un termo eléctrico de 80 litros")
    row = conn.execute("SELECT estimate_change_parse(e, 'que sea eléctrico') FROM estimates e WHERE number = %s",
                       (number,)).fetchone()[0]
    assert (row or {}).get("op") != "correct", row


# --- horsepower in folded words; "también" adds; "mejor" before a verb of change ---------------------------------

def test_horsepower_is_read_in_the_folded_words(conn: psycopg.Connection) -> None:
    got = conn.execute("SELECT estimate_size_in(estimate_words(x)) FROM unnest(ARRAY['motor de medio caballo', "
                       "'de un caballo', '2 caballos', 'bomba de 1 cv', 'termo de 80 litros']) x").fetchall()
    assert [g[0] for g in got] == ["1/2 hp", "1 hp", "2 hp", "1 hp", "80 l"], got


def test_a_size_in_horsepower_said_of_a_line_resizes_it_on_the_same_estimate(conn: psycopg.Connection) -> None:
    number = draft(conn, "instalar un termo eléctrico de 80 litros y la bomba del pozo")
    answer = say(conn, "la bomba es de un caballo")
    assert answer["handled"] and answer["number"] == number and answer["action"] == "revised", answer
    assert any("1 hp" in line_description for line_description in
               [r[0] for r in conn.execute("SELECT l.description FROM estimate_lines l JOIN estimates e ON e.id = l.estimate_id "
                                           "WHERE e.number = %s", (number,)).fetchall()])


def test_y_x_tambien_adds_to_the_open_draft_even_a_cotizar(conn: psycopg.Connection) -> None:
    number = draft(conn, "2 llaves de paso de 1/2")
    answer = say(conn, "y el fregadero también")
    assert answer["handled"] and answer["number"] == number and answer["action"] == "revised", answer
    assert len(codes(conn, number)) == 2, codes(conn, number)


def test_mejor_before_a_verb_of_removing_removes(conn: psycopg.Connection) -> None:
    number = draft(conn, "2 llaves de paso de 1/2 y 3 codos de cobre de 15")
    revised(conn, "no, mejor sácale los codos que ya los tengo")
    assert "codo-cobre-15mm" not in priced(conn, number)


# --- an added thing of another kind than the draft's is never priced --------------------------------------------

def test_an_added_fitting_only_the_catalogue_has_in_another_material_stays_a_cotizar(conn: psycopg.Connection) -> None:
    number = draft(conn, "8 m multicapa 20 y 4 codos multicapa 20")
    revised(conn, "añade 3 manguitos de 20")
    got = priced(conn, number)
    assert not [c for c in got if "ppr" in c], got
    assert len(codes(conn, number)) == 3, codes(conn, number)


def test_an_added_fitting_of_the_drafts_material_is_still_priced(conn: psycopg.Connection) -> None:
    number = draft(conn, "8 m de tubo de cobre de 22 y 2 codos de cobre de 22")
    revised(conn, "añade 2 tes de 22")
    assert priced(conn, number).get("te-cobre-22mm") == 2


def test_a_power_with_a_fraction_of_a_horse_names_the_line_before_it(conn: psycopg.Connection) -> None:
    number = draft(conn, "instalar un termo eléctrico de 80 litros y la bomba del pozo")
    row = conn.execute("SELECT estimate_change_parse(e, 'la bomba que sea de tres cuartos de caballo') FROM estimates e "
                       "WHERE number = %s", (number,)).fetchone()[0]
    assert row["op"] == "resize" and row["value"] == "3/4 hp", row


def test_mejor_before_a_verb_of_putting_and_metres_is_still_a_count(conn: psycopg.Connection) -> None:
    number = draft(conn, "6 metros de tubo de cobre de 22 y 3 codos de cobre de 22")
    row = conn.execute("SELECT estimate_change_parse(e, 'mejor póngale 8 metros') FROM estimates e WHERE number = %s",
                       (number,)).fetchone()[0]
    assert row["op"] == "quantity", row
