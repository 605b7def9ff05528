"""The same kind of thing (eskind, stop 25; issue 18's "no wrong-priced line"): a line is priced only when the
catalogue row is the same kind of thing the plumber asked for (match.sql, estimate_thing_guard).

1. The thing asked is the head of the plumber's phrase; what follows "de / del / para" is only the whole it belongs
   to. A row read after "de" whose thing is not the thing said before it is never priced: "el mando del termo de
   80 litros" is no termo, "el motor de la bomba presurizadora" no pump. The line is a cotizar in the plumber's
   words, offered the rows of the thing said (those that name the whole first).
2. Measures, quantities, the job and talk said before "de" are no thing (estimate_settings.not_thing_words):
   "el precio de un termo", "la instalación del termo", "3 metros de tubo" still price what they name.
3. Two names of the same thing through the shared synonym list are the same thing.
4. One word that names several things ("regadera": the fixed shower head and the hand shower) is never settled
   by the rest of the message: it is asked.
5. price_catalog.thing (staff-editable) says what a row IS; estimate_settings.same_thing = false switches it off.

The sentences are our own, not the evaluation sets'. Against the real Postgres functions and the seeded catalogue
(tests/estimates/conftest.py)."""

from __future__ import annotations

import psycopg
import pytest

from tests.estimates.helpers import add_item, match


def _priced(found: dict) -> list[str]:
    return [x["item"] for x in found["items"] if "item" in x and "choices" not in x]


def _asked(found: dict) -> list[dict]:
    return [x for x in found["items"] if "choices" in x]


# 1. A part of a thing said before "de" -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("words", "whole"),
    [
        ("cambiar el mando del termo de 80 litros", "calentador-electrico-80l"),
        ("cambiar el motor de la bomba presurizadora", "bomba-presurizadora"),
        ("presupuesto para los herrajes del tanque del inodoro", "cisterna-completa"),
        ("la manija del monomando de lavabo", "monomando-lavabo"),
        ("cambiar el interruptor de la bomba presurizadora", "bomba-presurizadora"),
    ],
)
def test_a_thing_said_before_de_is_not_the_row_after_it(conn: psycopg.Connection, words: str, whole: str) -> None:
    found = match(conn, words)
    assert whole not in _priced(found), found["items"]
    asked = _asked(found)
    assert asked, found["items"]
    assert all(whole not in line["choices"] for line in asked), asked


def test_the_line_is_in_the_plumbers_words_with_the_rows_of_the_thing_said(conn: psycopg.Connection) -> None:
    found = match(conn, "la manija del monomando de lavabo")
    line = _asked(found)[0]
    assert line["item"] == "manija del monomando de lavabo", line
    assert line["choices"] == []   # the seed sells no handle alone: nothing to offer, never the mixer


def test_the_rows_offered_are_those_of_the_thing_said(conn: psycopg.Connection) -> None:
    add_item(conn, "motor-bomba-prueba", "80.00", name="Motor para bomba presurizadora")
    found = match(conn, "cambiar el motor de la bomba presurizadora")
    line = _asked(found)[0]
    assert line["choices"] == ["motor-bomba-prueba"], line


# 2. What is no thing ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("precio de un termo de 80 litros", "calentador-electrico-80l"),
        ("la instalación del termo de 80 litros", "calentador-electrico-80l"),
        ("3 metros de tubo de cobre de 15", "tubo-cobre-15mm"),
        ("cambiar el grifo de la lavadora", "grifo-lavadora"),
        ("cambiar la manguera de la lavadora", "manguera-lavadora"),
        ("el sifón del fregadero", "sifon-fregadero"),
        ("cambiar la válvula de seguridad del termo", "valvula-seguridad-termo"),
    ],
)
def test_what_names_no_thing_keeps_the_row_priced(conn: psycopg.Connection, words: str, code: str) -> None:
    assert code in _priced(match(conn, words))


def test_not_thing_words_are_staff_editable(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE estimate_settings SET not_thing_words = not_thing_words || ', mando'")
    assert "calentador-electrico-80l" in _priced(match(conn, "cambiar el mando del termo de 80 litros"))


# 3. Synonyms of one thing ---------------------------------------------------------------------------------------

def test_two_names_of_one_thing_are_the_same_thing(conn: psycopg.Connection) -> None:
    # "boiler" is a name of the electric heater's thing (kb_synonyms / its aliases): a boiler's row is priced
    # for "el boiler del baño" as for "el termo"
    row = conn.execute("SELECT estimate_row_things('calentador-electrico-80l', '')").fetchone()[0]
    assert "termo" in row and "calentador" in row


# 4. One word for several things -----------------------------------------------------------------------------------

def test_one_word_for_two_things_is_asked_not_settled_by_context(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar el monomando de la ducha de pared con su regadera, 2 horas")
    assert "teleducha" not in _priced(found) and "rociador-ducha" not in _priced(found), found["items"]
    line = next(x for x in _asked(found) if x["item"] == "regadera")
    assert set(line["choices"]) == {"teleducha", "rociador-ducha"}


def test_a_phrase_of_one_row_is_still_that_row(conn: psycopg.Connection) -> None:
    assert "teleducha" in _priced(match(conn, "cambiar la regadera de mano"))


# 5. The column and the switch -------------------------------------------------------------------------------------

def test_the_thing_column_says_what_a_row_is(conn: psycopg.Connection) -> None:
    assert "calentador-electrico-80l" in _priced(match(conn, "precio de un termo de 80 litros"))
    conn.execute("UPDATE price_catalog SET thing = 'mando' WHERE code = 'calentador-electrico-80l'")
    assert conn.execute("SELECT estimate_row_things('calentador-electrico-80l', 'mando')").fetchone()[0] == ["mando"]
    assert "calentador-electrico-80l" in _priced(match(conn, "cambiar el mando del termo de 80 litros"))


def test_the_rule_can_be_switched_off(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE estimate_settings SET same_thing = false")
    assert "calentador-electrico-80l" in _priced(match(conn, "cambiar el mando del termo de 80 litros"))


def test_the_import_keeps_working_and_a_new_row_has_a_derived_thing(conn: psycopg.Connection) -> None:
    result = conn.execute(
        "SELECT price_catalog_import(%s::jsonb, true)",
        ('[{"Código": "resistencia-prueba", "Descripción": "Resistencia blindada 1500 W", "Precio": "19,90"}]',),
    ).fetchone()[0]
    assert result["applied"], result
    row = conn.execute("SELECT thing, estimate_row_things(code, thing) FROM price_catalog WHERE code = 'resistencia-prueba'").fetchone()
    assert row[0] == "" and "resistencia" in row[1]
