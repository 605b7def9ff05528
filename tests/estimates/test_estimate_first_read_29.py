"""The first request read right, stop 29 (helper `firstfeat`, issue 18; bench/estimates/FIRSTREAD-29.md): a thing
said right after another keeps its own row, and a word that says a FEATURE of the item named before it is never
priced as another item. Each test is a request in a plumber's words (our own wordings, not a case of the sets) and
the lines and totals it must give: priced only where the catalogue is sure, a cotizar or asked back where the
words do not settle a size or a kind. Prices come from Postgres (the seeded catalogue): the expected subtotal is
the catalogue's own prices times the counts. Against the real Postgres functions (tests/estimates/conftest.py)."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from tests.estimates.helpers import drafted_materials, match

SERVICE = ("mano-obra-oficial", "desplazamiento")


def _read(conn: psycopg.Connection, text: str) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """estimate_match: the priced rows {code: quantity} (labour and the call-out left out) and the lines a cotizar."""
    found = match(conn, text)
    known = {r[0] for r in conn.execute("SELECT code FROM price_catalog WHERE active").fetchall()}
    priced = {str(i["item"]): float(i["quantity"]) for i in found["items"]
              if i.get("item") in known and i["item"] not in SERVICE}
    quoted = [i for i in found["items"] if "item" in i and i["item"] not in known]
    return priced, quoted


# 1. A thing said right after another keeps its own row (the conflict guard's cut, FIRSTREAD-28 "Left") -----------

@pytest.mark.parametrize("text, codes", [
    # the stop valve's 1/2 is not the safety valve's size, and "de paso" is not a kind said of it
    ("presu: termo eléctrico 50 l + válvula de seguridad + llave de paso 1/2", {"calentador-electrico-50l": 1,
                                                                               "valvula-seguridad-termo": 1,
                                                                               "llave-paso-1-2": 1}),
    ("cambiar la válvula de seguridad, llave de paso de 3/4 y 1 hora", {"valvula-seguridad-termo": 1,
                                                                        "llave-paso-3-4": 1}),
])
def test_a_thing_said_right_before_another_keeps_its_own_row(conn: psycopg.Connection, text: str,
                                                             codes: dict[str, int]) -> None:
    got = drafted_materials(conn, text, codes)
    assert not any("seguridad" in x["description"].lower() for x in got if x["to_quote"]), got


def test_a_thing_right_after_that_says_where_it_goes_stays_its_words(conn: psycopg.Connection) -> None:
    """"la llave de manguera del bidé": the bidet says where the tap goes (part_of), so it stays among the tap's
    words and the garden tap row is not priced for it (the exception of the cut above)."""
    priced, quoted = _read(conn, "cambiar la llave de manguera del bidé")
    assert "grifo-exterior-1-2" not in priced and not priced, priced
    assert quoted, quoted


# 2. A feature of the item named before it is never a second priced line ------------------------------------------

@pytest.mark.parametrize("text, codes", [
    # a kitchen mixer's pull-out spray is no shower head
    ("cotízame el cambio de un monomando de cocina con rociador", {"monomando-cocina": 1}),
    # the aerator comes with the tap
    ("presupuesto para cambiar el grifo del lavabo con aireador", {"monomando-lavabo": 1}),
    # said with "su": still the item's own part
    ("cambio de monomando de cocina con su rociador y dos latiguillos de 1/2 de 40 cm", {"monomando-cocina": 1,
                                                                                       "latiguillo-40cm": 2}),
    # the catalogue has the row that names the feature: one row
    ("cambiar un monomando de cocina con ducha extraíble", {"monomando-cocina-extraible": 1}),
    ("quitar el lavabo viejo y poner un lavabo con pedestal", {"lavabo-pedestal": 1}),
])
def test_a_feature_said_with_con_is_not_priced_as_another_item(conn: psycopg.Connection, text: str,
                                                               codes: dict[str, int]) -> None:
    drafted_materials(conn, text, codes)


@pytest.mark.parametrize("text, never", [
    # the words do not say which heater (asked back), and its element is no line of its own
    ("necesito precio de un termo con resistencia cerámica", "resistencia-termo"),
    ("instalar una bomba con presostato para la casa", "presostato"),
    # a toilet with its cistern: one thing asked (complete or wall-hung), the cistern never priced beside it
    ("cambiar el inodoro con cisterna nueva", "cisterna-completa"),
])
def test_a_feature_of_an_item_the_words_do_not_settle_is_never_priced(conn: psycopg.Connection, text: str,
                                                                      never: str) -> None:
    priced, quoted = _read(conn, text)
    assert never not in priced and not priced, (priced, quoted)
    assert len(quoted) == 1, quoted


@pytest.mark.parametrize("text, codes", [
    # parts installed beside the item are things of their own
    ("cambiar el termo de 80 litros con su válvula de seguridad", {"calentador-electrico-80l": 1,
                                                                   "valvula-seguridad-termo": 1}),
    # a count of its own says things to price
    ("termo eléctrico de 80 litros con 2 resistencias de repuesto", {"calentador-electrico-80l": 1,
                                                                     "resistencia-termo": 2}),
    # the part alone is what is changed
    ("cambiar la resistencia del termo", {"resistencia-termo": 1}),
    # rows one job rule changes alike are parts side by side: a pressure vessel does not come with its switch
    ("cambiar el calderín de 24 litros con su presostato", {"calderin-24l": 1, "presostato": 1}),
])
def test_a_thing_of_its_own_said_with_con_is_still_priced(conn: psycopg.Connection, text: str,
                                                          codes: dict[str, int]) -> None:
    drafted_materials(conn, text, codes)


def test_the_rule_hours_of_a_feature_go_with_it(conn: psycopg.Connection) -> None:
    """The shower head's job rule no longer adds its hours to the kitchen mixer's."""
    plain = match(conn, "cambiar un monomando de cocina")["items"]
    featured = match(conn, "cambiar un monomando de cocina con rociador")["items"]
    hours = [i["labour_hours"] for i in plain if "labour_hours" in i]
    assert hours and [i["labour_hours"] for i in featured if "labour_hours" in i] == hours, featured


# 3. Regional names of the shared synonym list (n8n-workflows/knowledge/seed.sql) ---------------------------------

def test_supply_lines_are_water_flexibles(conn: psycopg.Connection) -> None:
    """"línea(s) de suministro" (US Spanish, supply line): the flexible, read by its thread and length."""
    drafted_materials(conn, "cambiar 2 líneas de suministro de 1/2 de 40 cm", {"latiguillo-40cm": 2})


@pytest.mark.parametrize("regional, plain", [
    ("cambiar el chorro del lavamanos", "cambiar el grifo del lavamanos"),
    ("cotizame cambiar la paja del lavatorio", "cotizame cambiar el grifo del lavatorio"),
])
def test_a_regional_name_of_the_tap_reads_as_the_tap(conn: psycopg.Connection, regional: str, plain: str) -> None:
    got, want = match(conn, regional)["items"], match(conn, plain)["items"]
    assert got == want and any("item" in i and i["item"] not in SERVICE for i in got), (got, want)
