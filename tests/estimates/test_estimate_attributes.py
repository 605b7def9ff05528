"""A structured first-turn reading (issue 18, branch esread): the catalogue's rows read as attributes (the uses a
row is for, from estimate_settings.use_words in its code and name; its capacity in litres, from its name) and the
plumber's words read into the same attributes, so the row whose attributes agree is picked, and what the words
leave open between rows is asked back, never guessed. Every wording here is written for these tests, not taken
from an evaluation set. Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

import psycopg
import pytest

from tests.estimates.helpers import codes, draft, lines, match, priced, revised, say

SHOWER_TAPS = {"monomando-ducha", "monomando-banera", "termostatico-ducha", "termostatico-banera"}


def choices_of(found: dict) -> list[list[str]]:
    return [sorted(i["choices"]) for i in found["items"] if i.get("choices")]


def codes_of(found: dict) -> set[str]:
    return {i["item"] for i in found["items"] if "item" in i and not i.get("choices")}


# --- the use a row is for -----------------------------------------------------------------------------------------

OTHER_USES = {"monomando-lavabo", "bimando-lavabo", "monomando-cocina", "grifo-pared-cocina", "grifo-exterior-1-2",
              "grifo-lavadero", "grifo-lavadora", "monomando-bide"}


@pytest.mark.parametrize("words", ["me cotizas cambiar el grifo de la ducha", "un grifo nuevo en la ducha del baño de arriba"])
def test_the_use_said_narrows_the_choices_to_the_rows_for_it_and_still_asks(conn: psycopg.Connection, words: str) -> None:
    found = match(conn, words)
    [choices] = choices_of(found)
    assert SHOWER_TAPS <= set(choices) and not set(choices) & OTHER_USES, choices   # a row saying no use stays
    assert not codes_of(found) & SHOWER_TAPS   # which kind of shower tap is not said: asked, not priced


def test_a_row_that_says_no_use_is_never_settled_by_elimination(conn: psycopg.Connection) -> None:
    # the bidet's mixer and the drain cock (which says no use) are left: asked, not the mixer priced
    found = match(conn, "cotízame el cambio del grifo para el bidé")
    assert "monomando-bide" not in codes_of(found)
    assert choices_of(found) == [["grifo-vaciado", "monomando-bide"]], found["items"]


def test_the_use_words_are_the_staff_setting(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE estimate_settings SET use_words = replace(use_words, 'bide, ', '')")
    found = match(conn, "cotízame el cambio del grifo para el bidé")
    assert any("monomando-lavabo" in c for c in choices_of(found)), found["items"]   # every tap asked again


def test_the_thing_itself_is_not_its_use(conn: psycopg.Connection) -> None:
    # "cisterna" is a use word (a cistern's float) but a cistern row is not "for a cistern"; "del inodoro" does
    # not pick the one cistern whose name says "para inodoro suspendido"
    found = match(conn, "presupuesto para cambiar la cisterna del inodoro, está rota")
    assert "cisterna-empotrada" not in codes_of(found), found["items"]
    assert any({"cisterna-completa", "cisterna-empotrada"} <= set(c) for c in choices_of(found)), found["items"]


def test_the_use_of_another_item_narrows_the_choices_but_leaves_the_kind_asked(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar el grifo y el sifón del fregadero")
    assert "sifon-fregadero" in codes_of(found)
    assert choices_of(found) == [["grifo-pared-cocina", "grifo-vaciado", "monomando-cocina"]], found["items"]


def test_no_row_for_the_use_said_keeps_every_choice(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar la llave de paso del jardín")   # no stop valve row says a use
    assert not codes_of(found) & {"llave-paso-1-2", "llave-paso-3-4", "llave-paso-1"}, found["items"]


@pytest.mark.parametrize("words", ["poner grifo de cocina y también un sifón",
                                   "cambio de monomando de fregadero y de paso el sifón"])
def test_a_thing_whose_clause_says_no_use_takes_the_use_the_other_items_share(conn: psycopg.Connection,
                                                                                words: str) -> None:
    found = match(conn, words)
    assert {"monomando-cocina", "sifon-fregadero"} <= codes_of(found), found["items"]


def test_a_use_said_that_no_settled_item_is_for_leaves_the_choices_open(conn: psycopg.Connection) -> None:
    found = match(conn, "grifo de cocina, un sifón y revisar la ducha")   # the trap may be the shower's
    assert "sifon-fregadero" not in codes_of(found)
    assert any({"sifon-fregadero", "valvula-desague-ducha"} <= set(c) for c in choices_of(found)), found["items"]


# --- "X por un / uno Y": the new one is for the old one's use (the h09 / et16 decision in RESULTS.md) -------------

@pytest.mark.parametrize("words", ["sustituir el grifo de la bañera por un termostático",
                                   "cambio del grifo de la bañera por otro termostático"])
def test_a_swap_whose_use_leaves_one_row_prices_it_and_not_the_old_one(conn: psycopg.Connection, words: str) -> None:
    found = match(conn, words)
    assert "termostatico-banera" in codes_of(found), found["items"]
    assert "monomando-banera" not in codes_of(found)   # the old tap is not sold


def test_a_swap_whose_use_leaves_several_rows_is_not_priced_by_the_new_kind_alone(conn: psycopg.Connection) -> None:
    # a shower is served by the shower's and the bath-shower's thermostatic mixers and the shower column: "un
    # termostático" alone does not say which (the tuned set's h09 stays a cotizar)
    found = match(conn, "me pide el cliente sustituir la grifería de la ducha por un termostático")
    assert not codes_of(found) & {"termostatico-ducha", "termostatico-banera", "columna-ducha"}, found["items"]


# --- a capacity in gallons (the lead's decision: priced only by a row within 5 % of the litres) -------------------

@pytest.mark.parametrize(("words", "litres"), [
    ("me pasas precio de un calentador de 20 galones", "76 l"),         # 75.7 l: the 80 l row is 5.7 % off
    ("cotiza un termo eléctrico de cincuenta galones", "189 l"),        # 189.3 l: the 200 l row is 5.6 % off
    ("cambiar el termo de 60 galones", "227 l"),                         # 227.1 l: larger than every row
    ("tanque hidroneumático de veinte galones", "76 l"),                  # 75.7 l: no pressure vessel that size
])
def test_gallons_not_within_five_percent_of_a_row_stay_a_cotizar_with_the_litres(conn: psycopg.Connection,
                                                                                  words: str, litres: str) -> None:
    items = match(conn, words)["items"]
    assert not any(str(i.get("item", "")).startswith("calentador-electrico") for i in items), items
    assert any("galones" in str(i.get("item")) and litres in str(i.get("item")) for i in items), items


@pytest.mark.parametrize(("words", "code"), [
    ("cambiar un calentador eléctrico de 40 galones", "calentador-electrico-150l"),   # 151.4 l
    ("presupuesto termo de cuarenta galones", "calentador-electrico-150l"),
    ("cambiar el termo de 26 galones", "calentador-electrico-100l"),                  # 98.4 l: no alias says 26
    ("poner un termo de 13 galones y 2 latiguillos de 40", "calentador-electrico-50l"),  # 49.2 l
])
def test_gallons_within_five_percent_of_a_row_are_that_row(conn: psycopg.Connection, words: str, code: str) -> None:
    assert {"item": code, "quantity": 1} in match(conn, words)["items"]


def test_gallons_of_a_name_of_several_kinds_are_still_asked_which(conn: psycopg.Connection) -> None:
    # "calentador" is gas or electric: 13 gal (49.2 l) leaves only the 50 l termo as a choice, but the kind is
    # not said, so it is asked, not priced
    items = match(conn, "instalar calentador de 13 galones")["items"]
    assert not any(i.get("item") == "calentador-electrico-50l" for i in items), items
    assert [i["choices"] for i in items if i.get("choices")] == [["calentador-electrico-50l"]], items


def test_a_gallon_alias_staff_gave_is_still_checked_against_the_litres(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE price_catalog SET aliases = aliases || ', termo de 35 galones' WHERE code = 'calentador-electrico-100l'")
    items = match(conn, "instalar termo de 35 galones")["items"]   # 132.5 l: the 100 l row is 25 % off
    assert not any(i.get("item") == "calentador-electrico-100l" for i in items), items
    assert any("132 l" in str(i.get("item")) or "133 l" in str(i.get("item")) for i in items), items


# --- the answer names some of a line's choices by the catalogue's words -------------------------------------------

def test_an_answer_naming_some_choices_narrows_the_line_and_still_asks(conn: psycopg.Connection) -> None:
    number = draft(conn, "me pasas precio para cambiar el grifo de la ducha")
    revised(conn, "monomando")   # the shower's and the bath-shower's single-lever mixers
    [tap] = [line for line in lines(conn, number) if line["to_quote"]]
    assert "Grifo monomando de ducha" in tap["note"] and "Grifo monomando de baño-ducha" in tap["note"], tap["note"]
    assert "termostático" not in tap["note"], tap["note"]
    assert not any(code and code.startswith("monomando") for code in priced(conn, number))


def test_an_answer_that_is_one_choices_name_prices_it(conn: psycopg.Connection) -> None:
    number = draft(conn, "me pasas precio para cambiar el grifo de la ducha")
    revised(conn, "monomando")
    revised(conn, "el monomando de ducha")   # the name of one row ("Grifo monomando de ducha")
    assert "monomando-ducha" in priced(conn, number) and "monomando-banera" not in priced(conn, number)


def test_an_answer_naming_no_choice_changes_nothing(conn: psycopg.Connection) -> None:
    number = draft(conn, "me pasas precio para cambiar el grifo de la ducha")
    before = codes(conn, number)
    answer = say(conn, "el cromado")
    assert answer.get("action") != "revised", answer
    assert codes(conn, number) == before
