"""General forms written from the eighth independent set's wrong-priced lines (issue 18; eval/ESTIMATES-INDEPENDENT-8.md,
consumed by branch esfix8): when the words do not settle a line, it is asked back or left a cotizar, never priced
as another catalogue row. Every test uses its own wording, none copied from the set. Against the real Postgres
functions and the seeded catalogue and synonym list (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.estimates.helpers import draft, lines, match, priced, revised, say

TERMOS = {"calentador-electrico-10l", "calentador-electrico-30l", "calentador-electrico-50l", "calentador-electrico-80l",
          "calentador-electrico-100l", "calentador-electrico-150l", "calentador-electrico-200l"}


def priced_codes(found: dict) -> set[str]:
    return {i["item"] for i in found["items"] if "item" in i and "choices" not in i}


def to_quote(found: dict) -> list[str]:
    """The lines a cotizar: items that are no catalogue code (the words as said)."""
    return [i["item"] for i in found["items"] if "item" in i and (i.get("choices") or i["item"] not in CODES)]


LATIGUILLOS = {"latiguillo-20cm", "latiguillo-30cm", "latiguillo-40cm", "latiguillo-50cm"}
CODES = TERMOS | LATIGUILLOS | {"desplazamiento"}


def revised_without(conn: psycopg.Connection, request: str, row: str, change: str) -> str:
    """A draft of `request` that prices `row`, then `change` said on it: revised, and `row` no longer priced."""
    number = draft(conn, request)
    assert row in priced(conn, number)
    revised(conn, change)
    assert row not in priced(conn, number)
    return number


def assert_asked_never_priced(found: dict, rows: set[str]) -> None:
    """None of `rows` is priced and the card asks back (which size or kind)."""
    assert not priced_codes(found) & rows, found["items"]
    assert found["ask_back"] >= 1, found["items"]


# --- a number belongs to the item it is said with ------------------------------------------------------------------

@pytest.mark.parametrize("words", [
    "cuánto por cambiar el termo y poner dos latiguillos de 30 cm",
    "me pasas precio del termo electrico con 2 latiguillos de treinta centimetros",
    "precio termo + dos latiguillos de 50 cm",
])
def test_a_heater_never_takes_the_length_of_the_hoses(conn: psycopg.Connection, words: str) -> None:
    found = match(conn, words)
    assert_asked_never_priced(found, TERMOS)
    assert any("termo" in t.lower() for t in to_quote(found)), found["items"]


def test_the_hoses_never_take_the_heater_s_capacity(conn: psycopg.Connection) -> None:
    found = match(conn, "instalar un termo de 50 litros y 2 latiguillos")
    assert "calentador-electrico-50l" in priced_codes(found)
    assert "latiguillo-50cm" not in priced_codes(found), found["items"]


def test_a_fitting_still_takes_the_size_of_the_pipe_said_in_its_unit(conn: psycopg.Connection) -> None:
    # the other way round must not change: a fitting of a run takes the run's diameter (both in mm)
    found = match(conn, "4 metros de tubo de cobre de 18 y tres codos")
    assert priced_codes(found) >= {"tubo-cobre-18mm", "codo-cobre-18mm"}, found["items"]


def test_the_heater_said_with_its_size_is_still_priced_next_to_the_hoses(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar termo de 80 litros y 2 latiguillos de 40 cm")
    assert priced(conn, number).get("calentador-electrico-80l") == Decimal(1)
    assert priced(conn, number).get("latiguillo-40cm") == Decimal(2)


# --- a size said of a priced line is that line's, never words added to the lines a cotizar ---------------------

def test_a_size_corrected_for_a_priced_line_goes_to_that_line(conn: psycopg.Connection) -> None:
    number = revised_without(conn, "presupuesto para 3 llaves de esfera de 1/2 y una mampara", "llave-paso-1-2",
                             "las llaves no, son de tres cuartos")
    assert priced(conn, number).get("llave-paso-3-4") == Decimal(3)
    assert [line["requested"] for line in lines(conn, number) if line["to_quote"]] == ["mampara"]


def test_a_size_the_catalogue_lacks_for_a_named_priced_line_makes_it_a_cotizar(conn: psycopg.Connection) -> None:
    number = revised_without(conn, "cotizacion de 5 m de tubo pvc 110, 2 codos de 110, una mampara y un sumidero",
                             "sumidero-sifonico", "el sumidero de 20x20")
    quoted = [line["requested"] for line in lines(conn, number) if line["to_quote"]]
    assert "sumidero de 20x20" in quoted and "mampara" in quoted


# --- words of another trade, of a place, of two regions ----------------------------------------------------------

@pytest.mark.parametrize("words", [
    "cuánto me cobras por instalar un split de 18000 btu en la sala",
    "me cotizas montar un equipo de aire acondicionado",
])
def test_air_conditioning_gets_no_plumber_s_draft(conn: psycopg.Connection, words: str) -> None:
    assert match(conn, words)["items"] == []


def test_an_inspection_chamber_unblocked_is_where_the_work_is_not_a_camera_inspection(conn: psycopg.Connection) -> None:
    found = match(conn, "hay que destapar la cámara de inspección del patio con sonda")
    assert "inspeccion-camara" not in priced_codes(found) and "arqueta-registro" not in priced_codes(found)
    assert "desatasco-sonda-m" in priced_codes(found)


def test_the_camera_inspection_is_still_priced_by_its_own_name(conn: psycopg.Connection) -> None:
    assert "inspeccion-camara" in priced_codes(match(conn, "presupuesto de una inspeccion con camara del colector"))


def test_a_bare_taza_is_asked_bowl_or_whole_toilet(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar la taza del baño de visitas")
    assert not priced_codes(found) & {"taza-inodoro", "inodoro-completo"}, found["items"]
    [line] = [i for i in found["items"] if i.get("choices")]
    assert {"taza-inodoro", "inodoro-completo"} <= set(line["choices"])
    assert "taza-inodoro" in priced_codes(match(conn, "cambiar la taza del inodoro, la cisterna se queda"))


# --- a family's name is no row's: a flexible with no length is asked which length ------------------------------

@pytest.mark.parametrize("words", [
    "cambiar el latiguillo del lavabo",
    "presupuesto de 2 flexibles",
    "me pones precio de una manguera flexible",
    "cuánto valen dos conectores para el bidé",
])
def test_a_flexible_with_no_length_is_asked_among_every_length(conn: psycopg.Connection, words: str) -> None:
    assert_asked_never_priced(match(conn, words), LATIGUILLOS)
    number = draft(conn, words)
    [note] = [line["note"] for line in lines(conn, number) if line["to_quote"]]
    assert "20 cm, 30 cm, 40 cm o 50 cm" in note


def test_the_length_said_still_prices_its_row(conn: psycopg.Connection) -> None:
    assert priced_codes(match(conn, "dos latiguillos de 40 y un sifón de botella")) >= {"latiguillo-40cm"}


@pytest.mark.parametrize("words", [
    "2 latiguillos flexibles para el grifo de la cocina",
    "poner dos conectores latiguillo en el lavabo",
])
def test_one_thing_named_twice_in_a_row_is_one_line(conn: psycopg.Connection, words: str) -> None:
    found = match(conn, words)
    flexibles = [i for i in found["items"] if "item" in i and i["item"] not in CODES - LATIGUILLOS
                 and any(w in i["item"].lower() for w in ("latiguillo", "flexible", "conector"))]
    assert len(flexibles) == 1 and flexibles[0]["quantity"] == 2, found["items"]


# --- a thing corrected: "X no es A, es B" ----------------------------------------------------------------------

def test_a_thing_said_wrong_becomes_what_the_plumber_corrects_it_to(conn: psycopg.Connection) -> None:
    number = revised_without(conn, "presupuesto para cambiar un grifo de jardin de 1/2 y un sifon de botella",
                             "grifo-exterior-1-2", "perdona, el grifo no es de jardin, es una llave de esfera de media")
    assert priced(conn, number).get("llave-paso-1-2") == Decimal(1) and "sifon-lavabo" in priced(conn, number)


def test_a_correction_to_a_thing_the_catalogue_lacks_leaves_it_a_cotizar_never_the_old_one(
        conn: psycopg.Connection) -> None:
    number = revised_without(conn, "presupuesto para cambiar un grifo de jardin de 1/2 y un sifon de botella",
                             "grifo-exterior-1-2", "el grifo no es de jardin sino una canilla de pared con pico largo de bronce")
    assert any(line["to_quote"] for line in lines(conn, number))


# --- "y el X también" after a removal removes X too ------------------------------------------------------------

def test_and_the_other_one_too_after_a_removal_removes_it(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto de una bomba presurizadora con su calderin de 24 litros y un tinaco de 1100 litros")
    assert {"bomba-presurizadora", "calderin-24l"} <= set(priced(conn, number))
    revised(conn, "sácale la bomba, esa ya la tienen")
    answer = say(conn, "y el calderin también")
    assert answer["action"] == "revised"
    assert not {"bomba-presurizadora", "calderin-24l"} & set(priced(conn, number))
    assert any(line["to_quote"] for line in lines(conn, number))   # the tank stays


def test_and_the_other_one_too_with_no_removal_before_removes_nothing(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto de una bomba presurizadora con su calderin de 24 litros")
    say(conn, "y el calderin también")
    assert {"bomba-presurizadora", "calderin-24l"} <= set(priced(conn, number))


# --- metres taken off: "quita N metros" ----------------------------------------------------------------------

@pytest.mark.parametrize(("words", "metres"), [("sacale 4 mts", 8), ("quita 2 metros de tubo, son 7", 7)])
def test_metres_taken_off_the_one_line_sold_by_the_metre(conn: psycopg.Connection, words: str, metres: int) -> None:
    number = draft(conn, "presupuesto de 12 metros de tubo pex de 16 y 6 codos pex de 16")
    answer = say(conn, words)
    assert answer["action"] == "revised"
    assert priced(conn, number) == {"tubo-pex-16mm": Decimal(metres), "codo-pex-16mm": Decimal(6)}


# --- a word said of the item that its row lacks and another row of its name has ---------------------------------

def test_a_word_said_of_the_item_that_another_row_has_is_not_the_plain_row(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar el grifo de lavabo de pared")
    assert_asked_never_priced(found, {"monomando-lavabo"})
    [line] = [i for i in found["items"] if i.get("choices")]
    assert "grifo-pared-cocina" in line["choices"]


def test_the_one_row_that_has_every_word_said_is_priced(conn: psycopg.Connection) -> None:
    assert "grifo-pared-cocina" in priced_codes(match(conn, "me cotizas un grifo de fregadero de pared"))
    assert "monomando-lavabo" in priced_codes(match(conn, "un grifo monomando de lavabo cromado"))


def test_a_family_is_not_settled_by_the_words_of_the_labour_line(conn: psycopg.Connection) -> None:
    # "horas de trabajo" is the labour row, whose code says "mano": no reason for the hand shower ("ducha de mano")
    found = match(conn, "cambiar la regadera del baño y son 2 horas de trabajo")
    assert_asked_never_priced(found, {"teleducha", "rociador-ducha"})


# --- "cotízalo de …": a pronoun verb; the size goes only to a line measured in that unit ------------------------

def test_quote_it_at_a_size_resizes_the_one_line_in_that_unit(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto de un termo de 50 litros")
    revised(conn, "mejor cotízalo de 80 litros")
    assert priced(conn, number) == {"calentador-electrico-80l": Decimal(1)}


def test_litres_are_never_the_size_of_a_valve(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto para poner una llave de gas de media")
    before = priced(conn, number)
    assert say(conn, "no perdona, cotízalo de diez litros").get("action") != "revised"
    assert priced(conn, number) == before


def test_a_gas_hose_with_no_length_is_not_asked_among_water_flexibles(conn: psycopg.Connection) -> None:
    request = "instalar una cocina con su llave de gas de media y un flexible de gas"
    [hose] = [i for i in match(conn, request)["items"] if "gas" in i.get("item", "") and i["item"] != "llave-gas-1-2"]
    assert hose.get("choices") == [] and "flexible" in hose["item"]
    number = draft(conn, request)
    say(conn, "de 40")
    assert not set(priced(conn, number)) & LATIGUILLOS
