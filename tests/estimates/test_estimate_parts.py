"""Estimate rules of esparts (issue 18's "no wrong-priced line"): a part is never priced as the whole thing, a
neighbour row is never priced for a thing the catalogue lacks, and a size said for the whole draft never leaves
the old sizes priced.

1. A word of estimate_settings.part_words said right before an item ("la descarga del estanque", "el termopar
   del calentador", "rodete bomba de achique") that the chosen row does not name: the whole is not priced; the
   line is a cotizar, asking among the whole's family rows that name the part when there are any.
2. "X de(l) Y": X priced as a row of another family than Y's, while Y's family has rows naming X ("el flotador
   del estanque del excusado"): a cotizar, asking among those rows.
3. A power said with an item (kW, W) that the row does not state: a cotizar; a line asked which keeps only the
   rows of that power (none: no choices at all).
4. conflict_words pairs of place: an indoor fixture's tap is no garden tap, a sink's drain no floor gully.
5. A size for the whole draft said in other words ("la instalación va en …", "las medidas son de …", "era todo
   de …", "pásalo todo a …") resizes every line, never keeps the old sizes priced (and is no sending).

The sentences are our own, not the evaluation sets'. Against the real Postgres functions and the seeded
catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.estimates.helpers import draft, match, priced, say

WHOLES = {"cisterna-completa", "columna-ducha", "calentador-gas-14l", "bomba-sumergible-achique",
          "bomba-presurizadora", "grupo-presion-1cv", "calentador-electrico-80l", "teleducha"}


def _codes(found: dict) -> list[str]:
    return [x["item"] for x in found["items"] if "item" in x and "choices" not in x]


def _quoted(found: dict) -> list[dict]:
    return [x for x in found["items"] if "item" in x
            and ("choices" in x or x["item"] not in _catalogue_codes(found))]


def _catalogue_codes(found: dict) -> set[str]:
    return {m["code"] for m in found.get("mentions", []) if m.get("code")} | {"desplazamiento", "mano-obra-oficial"}


# 1. A part said before the whole ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("words", "whole"),
    [
        ("presupuesto para cambiar la descarga del estanque del inodoro", "cisterna-completa"),
        ("reparar el mecanismo de doble descarga del tanque del wc", "cisterna-completa"),
        ("cambiar el termopar del calentador de gas de 14 litros", "calentador-gas-14l"),
        ("cambiar el cabezal de la columna de ducha del baño", "columna-ducha"),
        ("cambiar rodete bomba de achique", "bomba-sumergible-achique"),
        ("cambiar la membrana del calderín de 24 litros y 2 horas", "calderin-24l"),
    ],
)
def test_a_part_said_before_the_whole_never_prices_the_whole(conn: psycopg.Connection, words: str, whole: str) -> None:
    found = match(conn, words)
    assert whole not in _codes(found), found["items"]
    assert found["items"], found   # a draft to complete, not a refusal


def test_the_part_line_asks_among_the_wholes_family_rows_that_name_it(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar la válvula de descarga del tanque del inodoro, 1 hora")
    lines = [x for x in found["items"] if "choices" in x]
    assert lines, found["items"]
    assert "descarga" in lines[0]["item"] and "inodoro" in lines[0]["item"], lines
    assert {"mecanismo-descarga-doble", "mecanismo-descarga-simple"} <= set(lines[0]["choices"]), lines
    assert "cisterna-completa" not in lines[0]["choices"], lines


def test_a_part_that_is_itself_read_adds_no_line_for_the_whole(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar presostato grupo de presion")
    assert _codes(found).count("presostato") == 1, found["items"]
    assert "grupo-presion-1cv" not in _codes(found), found["items"]
    assert not [x for x in found["items"] if "choices" in x], found["items"]


@pytest.mark.parametrize(
    ("words", "code", "quantity"),
    [
        # a leak IN a pipe: the metres of pipe are still priced (a pipe is no appliance, "en" ends the phrase)
        ("reparar una fuga en el tubo de cobre de 22, hay que cambiar 3 metros", "tubo-cobre-22mm", 3),
        # a part said after the whole, with "con": the whole is what is asked
        ("instalar termo de 80 litros con valvula de seguridad", "calentador-electrico-80l", 1),
        # the part is the row's own name
        ("cambiar el asiento y tapa del inodoro", "asiento-inodoro", 1),
        ("cambiar la resistencia del termo", "resistencia-termo", 1),
    ],
)
def test_what_is_not_a_part_of_a_whole_is_still_priced(
    conn: psycopg.Connection, words: str, code: str, quantity: int
) -> None:
    found = match(conn, words)
    got = {x["item"]: x.get("quantity") for x in found["items"] if "item" in x and "choices" not in x}
    assert got.get(code) == quantity, found["items"]


def test_the_part_words_are_the_staffs_list(conn: psycopg.Connection) -> None:
    words = "cambiar termopar calentador de gas de 14 litros"
    assert "calentador-gas-14l" not in _codes(match(conn, words))
    conn.execute("UPDATE estimate_settings SET part_words = replace(part_words, 'termopar, ', '')")
    assert "calentador-gas-14l" in _codes(match(conn, words))


# 2. The part of a whole, among the whole's own rows -----------------------------------------------------------

def test_the_float_of_a_toilet_cistern_is_not_the_tanks_float_valve(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar el flotador del estanque del excusado")
    assert "flotador-deposito" not in _codes(found), found["items"]
    asked = [x for x in found["items"] if "choices" in x]
    assert asked and asked[0]["choices"] == ["mecanismo-alimentacion"], found["items"]


def test_an_unread_part_of_a_whole_is_a_line_asking_among_its_rows(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar la valvula de descarga de la cisterna completa y 2 latiguillos de 30")
    assert "cisterna-completa" not in _codes(found) and "latiguillo-30cm" in _codes(found), found["items"]
    asked = [x for x in found["items"] if "choices" in x]
    assert asked and "mecanismo-descarga-doble" in asked[0]["choices"], found["items"]
    assert "mecanismo-alimentacion" not in asked[0]["choices"], found["items"]


def test_the_float_and_another_part_of_a_cistern(conn: psycopg.Connection) -> None:
    found = match(conn, "cambio de boya y pulsador de la mochila del wc")
    assert not {"flotador-deposito", "cisterna-completa"} & set(_codes(found)), found["items"]


@pytest.mark.parametrize(
    ("words", "code"),
    [("cambiar el flotador del aljibe", "flotador-deposito"), ("cambiar la llave de paso de 3/4 del termo", "llave-paso-3-4"),
     ("cambiar el cartucho de 35 del monomando de cocina", "cartucho-ceramico-35mm")],
)
def test_a_part_of_its_own_wholes_kind_is_priced(conn: psycopg.Connection, words: str, code: str) -> None:
    assert code in _codes(match(conn, words))


# 3. A power said ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "words",
    ["instalar calentador electrico instantaneo de 9 kw", "cambiar un calentador instantaneo electrico monofasico 7500 w"],
)
def test_a_power_the_row_does_not_state_is_not_priced(conn: psycopg.Connection, words: str) -> None:
    found = match(conn, words)
    assert "calentador-electrico-instantaneo" not in _codes(found), found["items"]
    assert found["items"], found


def test_the_rows_own_power_is_priced(conn: psycopg.Connection) -> None:
    assert "calentador-electrico-instantaneo" in _codes(match(conn, "instalar calentador electrico instantaneo de 5,5 kw"))


def test_a_power_asked_among_storage_heaters_keeps_no_litre_row(conn: psycopg.Connection) -> None:
    found = match(conn, "instalar un calentador electrico sin deposito de 12 kw")
    for x in found["items"]:
        assert not any(c.startswith("calentador-electrico-") and c.endswith("l") for c in x.get("choices", [])), x
        assert not str(x.get("item", "")).startswith("calentador-electrico-"), x


# 4. Places that tell rows apart --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("words", "neighbour"),
    [
        ("cambiar la llave de chorro del lavamanos", "grifo-exterior-1-2"),
        ("cambiar la llave de manguera del bidé", "grifo-exterior-1-2"),
        ("cambiar la coladera de la tarja", "sumidero-sifonico"),
    ],
)
def test_a_row_for_another_place_is_not_priced(conn: psycopg.Connection, words: str, neighbour: str) -> None:
    found = match(conn, words)
    assert neighbour not in _codes(found), found["items"]
    assert found["items"], found


@pytest.mark.parametrize(
    ("words", "code"),
    [("cambiar 2 llaves de chorro de 1/2 del jardín", "grifo-exterior-1-2"),
     ("instalar un sumidero de terraza", "sumidero-sifonico")],
)
def test_the_row_for_that_place_is_still_priced(conn: psycopg.Connection, words: str, code: str) -> None:
    assert code in _codes(match(conn, words))


# 5. A size for the whole draft ----------------------------------------------------------------------------------

BASE = "presupuesto: 2 llaves de paso de 1/2 y 6 metros de tubo de cobre de 15"


@pytest.mark.parametrize(
    "change",
    ["la instalación va en tres cuartos", "las medidas son de 3/4", "no, era todo de tres cuartos",
     "pásalo todo a 3/4", "todo lo de media ponlo en 3/4"],
)
def test_a_size_for_the_whole_draft_resizes_every_line(conn: psycopg.Connection, change: str) -> None:
    number = draft(conn, BASE)
    answer = say(conn, change)
    assert answer["handled"] and answer["action"] == "revised", answer
    got = priced(conn, number)
    assert got.get("llave-paso-3-4") == Decimal(2) and got.get("tubo-cobre-22mm") == Decimal(6), got
    assert "llave-paso-1-2" not in got and "tubo-cobre-15mm" not in got, got


def test_one_inch_in_words_for_the_whole_draft(conn: psycopg.Connection) -> None:
    number = draft(conn, BASE)
    answer = say(conn, "todo el material va de una pulgada")
    assert answer["handled"] and answer["action"] == "revised", answer
    got = priced(conn, number)
    assert "llave-paso-1-2" not in got and "tubo-cobre-15mm" not in got, got


def test_sending_still_sends(conn: psycopg.Connection) -> None:
    draft(conn, BASE)
    assert say(conn, "pásaselo al cliente")["action"] == "sent"


# 6. "el del Y" added: Y is where it goes, never the thing ------------------------------------------------------

@pytest.mark.parametrize("change", ["agrega uno para el bide tambien", "y el del bidé igual"])
def test_the_one_for_a_place_is_the_drafts_own_kind_for_that_place(conn: psycopg.Connection, change: str) -> None:
    number = draft(conn, "cambiar monomando de lavabo y sifon de lavabo")
    answer = say(conn, change)
    assert answer["handled"] and answer["action"] == "revised", answer
    got = priced(conn, number)
    assert got.get("monomando-bide") == Decimal(1) and "bide" not in got, got


def test_the_one_for_a_place_the_catalogue_has_no_row_for_is_a_cotizar(conn: psycopg.Connection) -> None:
    number = draft(conn, "instalar un lavabo con pedestal")
    say(conn, "ponle el del bidé también")
    assert "bide" not in priced(conn, number)


def test_a_thing_named_for_a_place_is_still_that_thing(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar monomando de lavabo y sifon de lavabo")
    say(conn, "añade un bidé")
    assert priced(conn, number).get("bide") == Decimal(1)


# 7. "X en Y": Y is where X goes --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("words", "code", "place"),
    [("poner una llave de paso de 3/4 en el termo de 100 litros", "llave-paso-3-4", "calentador-electrico-100l"),
     ("instalar 2 latiguillos de 40 nuevos en el calentador de gas de 11 litros", "latiguillo-40cm", "calentador-gas-11l")],
)
def test_a_thing_put_in_an_appliance_does_not_price_the_appliance(
    conn: psycopg.Connection, words: str, code: str, place: str
) -> None:
    got = _codes(match(conn, words))
    assert code in got and place not in got, got


def test_metres_of_a_pipe_said_after_en_are_still_priced(conn: psycopg.Connection) -> None:
    found = match(conn, "hay una fuga en la tubería de cobre de 18, cambiar 2 metros")
    assert ("tubo-cobre-18mm", 2) in [(x["item"], x.get("quantity")) for x in found["items"] if "item" in x], found["items"]


@pytest.mark.parametrize("words", ["cambiar la cebolla de la columna de ducha", "cambiar el telefono del conjunto de ducha"])
def test_a_shower_heads_regional_names_are_parts(conn: psycopg.Connection, words: str) -> None:
    assert "columna-ducha" not in _codes(match(conn, words))
