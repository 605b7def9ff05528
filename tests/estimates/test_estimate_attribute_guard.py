"""The attribute guard (helper `esattr`, stop 26, issue 18): the place a thing is for (cocina, lavabo, inodoro,
jardín…), its use (gas / agua) or its material, said by the plumber for an item, is never contradicted by the
row priced for it. Said in the item's own words and right after them, or, group by group, by the thing it comes
with ("X con su Y"). A row that says a value of the group (code or name) and none of those said is a cotizar,
asking among the rows of the same thing that have it. A row that says none is left alone.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py); wordings our own
(set 14's fb28 was the symptom: "un inodoro … con su llave de chorro" priced the garden tap)."""

from __future__ import annotations

from typing import Any

import psycopg

from tests.estimates.helpers import match


def lines(found: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["item"]: i for i in found["items"] if "item" in i and i["item"] != "desplazamiento"}


def test_a_toilet_with_its_stop_tap_is_not_the_garden_tap(conn: psycopg.Connection) -> None:
    got = lines(match(conn, "instalar un inodoro de tanque con su llave de chorro de media y el anillo de cera"))
    assert "grifo-exterior-1-2" not in got, got
    assert any(k.startswith("llave de chorro") for k in got), got
    assert "junta-cera-inodoro" in got, got


def test_the_place_said_after_the_item_keeps_it_a_cotizar_with_the_rows_of_that_place(conn: psycopg.Connection) -> None:
    got = lines(match(conn, "cambiar la llave de chorro de la cocina"))
    assert "grifo-exterior-1-2" not in got, got
    (line,) = [v for k, v in got.items() if "chorro" in k]
    assert "monomando-cocina" in line.get("choices", []), line
    assert "grifo-exterior-1-2" not in line.get("choices", []), line


def test_every_place_said_must_be_the_rows(conn: psycopg.Connection) -> None:
    """"El grifo de jardín de la cocina" names the garden tap and another place: not priced as either."""
    got = lines(match(conn, "cambiar el grifo de jardín de la cocina"))
    assert "grifo-exterior-1-2" not in got, got
    assert any(k.startswith("grifo") for k in got), got


def test_a_place_the_row_has_is_priced(conn: psycopg.Connection) -> None:
    assert "grifo-exterior-1-2" in lines(match(conn, "poner una llave de chorro en el patio"))
    assert "valvula-desague-fregadero" in lines(match(conn, "cambiar la válvula de desagüe del fregadero de la cocina"))
    assert "monomando-lavabo" in lines(match(conn, "cambiar el grifo monomando del lavamanos"))


def test_the_items_own_words_win_over_the_thing_it_comes_with(conn: psycopg.Connection) -> None:
    """"Un lavadero con su grifo de jardín": the plumber named the garden tap; its own words say so."""
    assert "grifo-exterior-1-2" in lines(match(conn, "instalar un lavadero con su grifo de jardín"))


def test_a_row_that_says_no_place_is_left_alone(conn: psycopg.Connection) -> None:
    got = lines(match(conn, "cambiar 2 llaves de paso de 1/2 de la cocina"))
    assert "llave-paso-1-2" in got, got


def test_the_material_of_the_thing_it_comes_with(conn: psycopg.Connection) -> None:
    """A PEX pipe with its valve: the copper soldering valve named by its size is not the PEX pipe's."""
    got = lines(match(conn, "poner 3 metros de tubería pex de 1/2 con su llave de paso para soldar de 15"))
    assert "llave-paso-soldar-15mm" not in got, got


def test_the_use_said_after_the_item(conn: psycopg.Connection) -> None:
    got = lines(match(conn, "cambiar la llave de gas del agua"))
    assert "llave-gas-1-2" not in got, got
    assert "llave-gas-1-2" in lines(match(conn, "cambiar la llave de gas de la cocina"))


def test_staff_can_switch_it_off_and_edit_the_words(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE estimate_settings SET attribute_words = ''")
    assert "grifo-exterior-1-2" in lines(match(conn, "instalar un inodoro de tanque con su llave de chorro de media"))
    # a list of their own: only kitchen / garden
    conn.execute("UPDATE estimate_settings SET attribute_words = 'cocina / jardin, exterior'")
    assert "grifo-exterior-1-2" not in lines(match(conn, "cambiar el grifo de jardín de la cocina"))
    assert "grifo-exterior-1-2" in lines(match(conn, "instalar un inodoro de tanque con su llave de chorro de media"))


def test_a_bath_is_not_a_shower_and_the_choices_keep_the_items_words(conn: psycopg.Connection) -> None:
    """A bath with its thermostatic mixer: the shower's thermostatic mixer is not it; asked, the bath's
    thermostatic mixer is the one choice (not also the bath's single-lever one)."""
    got = lines(match(conn, "instalar una bañera con su grifo termostático"))
    assert "termostatico-ducha" not in got, got
    (line,) = [v for k, v in got.items() if "termostatico" in k]
    assert line.get("choices") == ["termostatico-banera"], line
