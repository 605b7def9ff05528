"""The conflict guard, widened (esfix10): a line said of one material or kind never takes a catalogue row of another.
Set 10 (eval/ESTIMATES-INDEPENDENT-10.md, consumed) was the symptom; the wordings here are our own.

- A code's bare numbers are no sizes: "codo-laton-3-4" does not say "4" (nor "3"), so "codos de 4"" are no 3/4"
  elbows and "codos de 2 pulgadas" no 1/2" ones (estimate_code_words).
- A material said around the item, of a row that says none, when another row of the same thing says that material,
  is not that row: "llave de paso de cobre" is not the ball valve that names no material.
- A size with its unit said with the item (litres, mm, cm) that is not the row's size in that unit.
- More drain words (sanitario, drenaje, aguas negras, pluvial, bajante) in estimate_settings.conflict_words, and
  "fierro" with the galvanised kind of estimate_settings.kind_words (both grown for untouched installations).

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.estimates.helpers import match


def priced_codes(found: dict) -> set[str]:
    return {i["item"] for i in found["items"] if "item" in i and "choices" not in i}


@pytest.mark.parametrize(("words", "row"), [
    # the code's "1-2" / "3-4" are not the sizes 2 and 4 (nor is a number the next thing's count: '4" 2 horas')
    ('poner 5 m de tubo de drenaje de 4" y 3 codos de 4". 2 horas', "codo-laton-3-4"),
    ('presupuesto: 2 m de tubo de desague de 4" con 1 codo de 4", 3 horas', "codo-laton-3-4"),
    ('una te de 4" y 2 codos de 4" para la bajante', "codo-laton-3-4"),
    ("necesito 3 codos de 2 pulgadas", "codo-laton-1-2"),
    # a material said that the row does not name, when the catalogue tells the thing apart by material
    ("cambiar la llave de paso ppr de 1/2", "llave-paso-1-2"),
    # inches said further on, of a row sized otherwise ("del medidor de 1/2" of the 22 mm copper valve; "para toda
    # la casa de una pulgada" of the 3/4" filter)
    ("cambio de llave de paso del medidor de 1/2 y 3 mts de tubo de cobre de 22, 1 hora", "llave-paso-soldar-22mm"),
    ("un filtro de agua para toda la casa de una pulgada y 2 horas", "filtro-agua-3-4"),
    # drains by their other names are no brass fittings
    ("un codo de aguas negras de 1/2", "codo-laton-1-2"),
    ("2 codos de 1/2 para el drenaje", "codo-laton-1-2"),
])
def test_a_word_of_another_material_or_size_is_never_priced_as_the_row(conn: psycopg.Connection, words: str,
                                                                        row: str) -> None:
    found = match(conn, words)
    assert row not in priced_codes(found), found["items"]


@pytest.mark.parametrize(("words", "row"), [
    # the gas valve's own name says "de paso": not a stop valve's kind
    ("llave de paso de gas de 1/2", "llave-gas-1-2"),
    # "fierro" is the galvanised kind
    ("4 metros de tubo de fierro de 1/2", "tubo-galvanizado-1-2"),
    ("2 codos de cobre de 15 y 1 hora", "codo-cobre-15mm"),
    ("instalar un vaso de expansion de 8 litros", "vaso-expansion-acs-8l"),
    ("cambiar el termo de 80 litros", "calentador-electrico-80l"),
    ("tubo multicapa de 20 mm, 5 metros", "tubo-multicapa-20mm"),
    ("2 metros de tubo de cobre de 1/2", "tubo-cobre-15mm"),
    ("llave de paso para el baño de 3/4", "llave-paso-3-4"),
    ("cambiar el filtro de agua de la entrada de 3/4", "filtro-agua-3-4"),
])
def test_what_agrees_with_its_row_stays_priced(conn: psycopg.Connection, words: str, row: str) -> None:
    assert row in priced_codes(match(conn, words))


def test_a_size_in_litres_said_with_the_item_is_the_rows_or_it_is_not_priced(conn: psycopg.Connection) -> None:
    """Step 4 on its own: a 50 l row found for "termo" said with "80 l" is a cotizar as said."""
    found = {"items": [{"item": "calentador-electrico-50l", "quantity": 1}],
             "mentions": [{"words": "termo", "code": "calentador-electrico-50l"}]}
    out = conn.execute("SELECT estimate_unguess(%s, %s::jsonb)", ("poner un termo de 80 l", json.dumps(found))).fetchone()[0]
    assert "calentador-electrico-50l" not in priced_codes(out), out["items"]
    same = conn.execute("SELECT estimate_unguess(%s, %s::jsonb)", ("poner un termo de 50 l", json.dumps(found))).fetchone()[0]
    assert "calentador-electrico-50l" in priced_codes(same), same["items"]


def test_code_words_drop_bare_numbers_only(conn: psycopg.Connection) -> None:
    got = conn.execute("SELECT estimate_code_words('codo-laton-3-4'), estimate_code_words('llave-escuadra-1-2-1-2'), "
                       "estimate_code_words('codo-pvc-110mm'), estimate_code_words('calentador-electrico-80l')").fetchone()
    assert got == ("codo laton", "llave escuadra", "codo pvc 110mm", "calentador electrico 80l")


def test_the_shipped_lists_grew(conn: psycopg.Connection) -> None:
    conflict, kinds = conn.execute("SELECT conflict_words, kind_words FROM estimate_settings").fetchone()
    assert "aguas negras" in conflict and "potable > drenaje" in conflict
    assert "galvanicado, hierro, fierro /" in kinds


def test_the_material_rule_is_staff_editable(conn: psycopg.Connection) -> None:
    """Without "ppr" as a kind, nothing says the valve is of another material than the one it names (none)."""
    conn.execute("UPDATE estimate_settings SET kind_words = replace(kind_words, 'ppr, ', '')")
    assert "llave-paso-1-2" in priced_codes(match(conn, "cambiar la llave de paso ppr de 1/2"))
