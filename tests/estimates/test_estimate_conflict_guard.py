"""The conflict guard (estimate_unguess step 4; estimate_settings.conflict_words): before a line is priced, the
kind, material, use and size said with its item are compared with the chosen row's own code, name and size; a word
that names another material or type, or a size the row does not have, makes the line a cotizar, never priced as
another row. Written in our own words (set 9, eval/ESTIMATES-INDEPENDENT-9.md, was the symptom; none of its
wording is used). Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

import psycopg
import pytest

from tests.estimates.helpers import match


def priced_codes(found: dict) -> set[str]:
    return {i["item"] for i in found["items"] if "item" in i and "choices" not in i}


@pytest.mark.parametrize(("words", "row"), [
    # a tap/mixer of a fixture is not the fixture
    ("precio por montar la griferia del bide", "bide"),
    ("cuanto cobro por poner un mezclador de bidet", "bide"),
    # a well pump is no sump pump
    ("instalar bomba sumergible en el pozo de la finca", "bomba-sumergible-achique"),
    ("cambiar la bomba sumergible de un sondeo", "bomba-sumergible-achique"),
    # a drain fitting of a size the plain elbow does not have
    ("tres codos de seis y un metro de tubo", "codo-laton-3-4"),
    # PVC said of a galvanised run being replaced: not the galvanised pipe
    ("cambiar 8 metros de caño galvanizado de 3/4 por uno de pvc", "tubo-galvanizado-3-4"),
])
def test_a_word_of_another_kind_is_never_priced_as_the_row(conn: psycopg.Connection, words: str, row: str) -> None:
    found = match(conn, words)
    assert row not in priced_codes(found), found["items"]


@pytest.mark.parametrize(("words", "row"), [
    ("cambiar el bide", "bide"),
    ("una bomba de achique para el garaje", "bomba-sumergible-achique"),
    ("cambiar 2 llaves de paso de 1/2 y un codo de cobre de 22", "codo-cobre-22mm"),
    ("cambiar la llave de paso de 3/4", "llave-paso-3-4"),
    ("grifo monomando de bide", "monomando-bide"),
    # a tap word said before another thing of a list is that list's, not this item's
    ("hay que cambiar el monomando, el sifon del lavabo y una llave", "sifon-lavabo"),
    # a size in inches that the row knows by its aliases (2" pipe = the 50 mm one)
    ("cuatro metros de tubo pvc de dos pulgadas", "tubo-pvc-50mm"),
])
def test_what_agrees_with_its_row_stays_priced(conn: psycopg.Connection, words: str, row: str) -> None:
    assert row in priced_codes(match(conn, words))


def test_the_list_is_staff_editable(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE estimate_settings SET conflict_words = ''")
    assert "bomba-sumergible-achique" in priced_codes(match(conn, "poner bomba sumergible en el pozo"))


# --- "N X más": more of the one line the draft has of X ----------------------------------------------------------------

def test_more_of_a_line_is_added_to_it_when_another_size_is_said_beside(conn: psycopg.Connection) -> None:
    """A size said of another new thing ("llave de paso de 1/2") leaves the extra elbows open when read alone; the
    draft has one elbow line, so "2 codos más" are two more of it, never dropped."""
    from tests.estimates.helpers import draft, priced, revised

    number = draft(conn, "presupuesto: 4 m de tubo de cobre y 5 codos, 1 hora")
    revised(conn, "de 15")
    revised(conn, "pon una llave de paso de 1/2 y 2 codos más")
    assert priced(conn, number).get("codo-cobre-15mm") == 7
    assert priced(conn, number).get("llave-paso-1-2") == 1
