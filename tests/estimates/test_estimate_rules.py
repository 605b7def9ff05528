"""The general estimate rules of issue 18 that the consumed independent set showed broken (eval/ESTIMATES-INDEPENDENT.md,
2026-12-04): sizes are never assumed, metres are read in every form, nothing is priced that the plumber did not
ask for, and item kinds that exclude each other are not confused. Against the real Postgres functions and the
seeded catalogue (scratch cluster of tests/estimates/conftest.py)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import psycopg
import pytest

from tests.estimates.helpers import CONVERSATION, create, estimate, lines, match, say

VALVES = ["llave-paso-1", "llave-paso-1-1-4", "llave-paso-1-2", "llave-paso-3-4", "llave-paso-soldar-15mm",
          "llave-paso-soldar-18mm", "llave-paso-soldar-22mm"]


def priced(found: dict[str, Any]) -> list[tuple[str, Decimal]]:
    """The catalogue codes the items will be priced as (labour as "labour"), with exact quantities; the lines
    a cotizar (the words as said) left out."""
    out = []
    for item in found["items"]:
        if "labour_hours" in item:
            out.append(("labour", Decimal(str(item["labour_hours"]))))
        elif re.fullmatch(r"[a-z0-9][a-z0-9-]*", item["item"]) and "unit" not in item:
            out.append((item["item"], Decimal(str(item["quantity"]))))
    return out


def quoted(found: dict[str, Any]) -> list[str]:
    return [m["words"] for m in found["mentions"] if m["code"] is None]


# --- sizes -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("said", "folded"), [
    ("llave de paso de media pulgada", "yabe paso 1/2"), ("llave de paso de 1/2 pulgada", "yabe paso 1/2"),
    ('llave de paso 1/2"', "yabe paso 1/2"), ("llave de paso de media", "yabe paso 1/2"),
    ("llave de tres cuartos", "yabe 3/4"), ("tubo de uno y medio", "tubo 1 1/2"), ("termo de 80 litros", "termo 80 l"),
    ("termo 80 lts", "termo 80 l"), ("calentador de 11 l/min", "calentador 11 l"),
    ("calentador de 11 litros por minuto", "calentador 11 l"),
    ("4 mts", "4 metro"), ("6 mtrs", "6 metro"), ("2 ml", "2 metro"), ("3 mt", "3 metro"),
    ("5 metros lineales", "5 metro"), ("veintidós metros", "22 metro"),
    # hours keep their own words: "media hora" and "y media" are not half an inch
    ("media hora de trabajo", "media hora trabajo"), ("2 horas y media", "2 hora y media"),
])
def test_sizes_and_metres_are_folded_to_one_form_on_both_sides(conn: psycopg.Connection, said: str, folded: str) -> None:
    assert conn.execute("SELECT estimate_words(%s)", (said,)).fetchone()[0] == folded


@pytest.mark.parametrize("text", ["Cambiar una llave de paso", "cotizar cambio de 2 llaves de paso",
                                  "precio de la llave de corte, 1 hora de trabajo"])
def test_a_name_without_a_size_is_a_cotizar_with_the_catalogue_s_sizes_asked(conn: psycopg.Connection, text: str) -> None:
    found = match(conn, text)
    [valve] = [m for m in found["mentions"] if m["words"].startswith("yabe")]
    assert valve["code"] is None and set(valve["candidates"]) <= set(VALVES) and len(valve["candidates"]) >= 2
    assert not any(code.startswith("llave") for code, _q in priced(found))
    number = create(conn, found["items"])
    [line] = [x for x in lines(conn, number) if x["to_quote"]]
    assert line["unit_price"] is None and line["note"].startswith("varias partidas posibles: ")
    question = line["note"].split(". ")[-1]
    # the valves found come in two kinds (ball, solder): both kinds are asked, each with its sizes
    assert question.startswith(("¿De qué medida? En el catálogo: ", "¿De qué tipo y medida? En el catálogo: ")) \
        and '1/2"' in question and '3/4"' in question, question
    text_out = conn.execute("SELECT estimate_as_text(%s)", (number,)).fetchone()[0]
    assert "a cotizar (varias partidas posibles:" in text_out and "medida? En el catálogo" in text_out


@pytest.mark.parametrize(("text", "code"), [
    ("cambiar una llave de paso de 1/2", "llave-paso-1-2"), ("cambiar una llave de paso de 1/2 pulgada", "llave-paso-1-2"),
    ("cambiar una llave de paso de media pulgada", "llave-paso-1-2"), ("cambiar una llave de paso de media", "llave-paso-1-2"),
    ("cambiar una llave de paso de 3/4", "llave-paso-3-4"), ("cambiar una llave de paso de tres cuartos", "llave-paso-3-4"),
    ("cambiar una llave de paso de 22 mm", "llave-paso-soldar-22mm"), ("cambiar una llave de paso de 22", "llave-paso-soldar-22mm"),
    ("instalar un termo de 80 l", "calentador-electrico-80l"), ("instalar un termo de 80 litros", "calentador-electrico-80l"),
    ("instalar un calentador de gas de 11 l/min", "calentador-gas-11l"),
    ("instalar un calentador de paso a gas de 11 litros", "calentador-gas-11l"),
])
def test_the_size_said_is_the_row_priced(conn: psycopg.Connection, text: str, code: str) -> None:
    assert priced(match(conn, text))[0] == (code, Decimal(1))


def test_a_size_no_row_has_is_never_priced_as_another(conn: psycopg.Connection) -> None:
    for text in ("instalar un termo de 40 litros", "cambiar un calentador de paso de 6 litros",
                 "cambiar una llave de paso de 2 pulgadas"):
        found = match(conn, text)
        assert [c for c, _q in priced(found) if c not in ("labour", "desplazamiento")] == [], (text, found["items"])


def test_one_row_alone_is_priced_and_a_name_given_straight_to_the_pricing_is_checked_too(conn: psycopg.Connection) -> None:
    # the only safety valve states 1/2": there is no other size to choose
    assert priced(match(conn, "cambiar la válvula de seguridad del termo"))[0] == ("valvula-seguridad-termo", Decimal(1))
    # estimate_create with a sizeless alias (what the model or a revision may pass): a cotizar, sizes asked
    number = create(conn, [{"item": "regulador de presión", "quantity": 1}, {"item": "llave de paso de media", "quantity": 1}])
    reg, valve = lines(conn, number)
    assert reg["to_quote"] and reg["note"].endswith('¿De qué medida? En el catálogo: 1/2", 3/4" o 1"'), reg["note"]
    assert (valve["catalog_code"], valve["to_quote"]) == ("llave-paso-1-2", False)


def test_the_plumber_s_answer_completes_the_sizeless_line(conn: psycopg.Connection) -> None:
    found = match(conn, "Cuánto cobro por cambiar una llave de paso, 1 hora de trabajo")
    number = conn.execute("SELECT estimate_create(%s, %s::jsonb) ->> 'number'",
                          (CONVERSATION, json.dumps(found["items"]))).fetchone()[0]
    assert estimate(conn, number)["to_quote_count"] == 1
    done = say(conn, "de media pulgada")
    assert done["action"] == "revised", done
    got = [(x["catalog_code"], x["quantity"], x["to_quote"]) for x in lines(conn, number)]
    assert ("llave-paso-1-2", Decimal(1), False) in got and not any(q for _c, _n, q in got)


# --- metres ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["4 mts de tubo de cobre de 15", "4 mtrs de tubo de cobre de 15", "4 mt de tubo de cobre de 15",
                                  "4 ml de tubo de cobre de 15", "4 metros lineales de tubo de cobre de 15",
                                  "cuatro metros de tubo de cobre de 15", "tubo de cobre de 15, unos 4 mts"])
def test_metres_in_every_usual_form_are_the_quantity(conn: psycopg.Connection, text: str) -> None:
    assert priced(match(conn, text)) == [("tubo-cobre-15mm", Decimal(4))]


# --- nothing priced that was not asked -----------------------------------------------------------------------

def test_job_rules_add_hours_and_the_service_call_but_no_material_unless_staff_switch_it_on(conn: psycopg.Connection) -> None:
    found = match(conn, "Cambiar un termo eléctrico de 50 litros")
    assert priced(found) == [("calentador-electrico-50l", Decimal(1)), ("labour", Decimal("2.50")),
                             ("desplazamiento", Decimal(1))]
    conn.execute("UPDATE estimate_settings SET rule_materials = true")
    assert ("kit-conexion-termo", Decimal(1)) in priced(match(conn, "Cambiar un termo eléctrico de 50 litros"))


def test_a_family_word_takes_no_size_or_material_from_another_item(conn: psycopg.Connection) -> None:
    # the 3/4 is the valve's: no brass 3/4" elbows, no 22 mm pipe (its "de 3/4" alias)
    found = match(conn, "Presupuesto: 3 metros de tubo de cobre y 4 codos, y cambio de llave de paso de 3/4")
    assert [c for c, _q in priced(found)] == ["llave-paso-3-4", "labour", "desplazamiento"]
    assert len(quoted(found)) == 2 and "codo" in quoted(found)
    # but the elbows of a pipe whose size and material are said are that pipe's
    assert priced(match(conn, "2 metros de cobre de 15 y 2 codos")) == [("tubo-cobre-15mm", Decimal(2)),
                                                                       ("codo-cobre-15mm", Decimal(2))]
    assert priced(match(conn, "Precio de 10 metros de multicapa de 16 y 4 racores")) == [
        ("tubo-multicapa-16mm", Decimal(10)), ("racor-multicapa-16mm", Decimal(4))]


# --- kinds -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "cuanto cobro x cambiar un boiler de paso de 6 litros a gas",   # instantaneous gas, 6 l/min: not in the catalogue
    "Presupuesto para instalar un boiler de 80 litros a gas",       # a gas storage heater: not the electric 80 l
    "cambiar el calefont de once litros tiro natural",              # open flue: not the balanced-flue 11 l/min
    "cotiza instalar un boiler de depósito de 40 litros a gas",
])
def test_a_row_of_another_kind_than_the_words_say_is_not_priced(conn: psycopg.Connection, text: str) -> None:
    found = match(conn, text)
    heaters = [c for c, _q in priced(found) if c.startswith(("calentador", "kit", "valvula"))]
    assert heaters == [], found["items"]
    assert found["priced"] >= 1, "the service call / hours still make a draft with the heater a cotizar"


def test_the_kinds_are_staff_editable(conn: psycopg.Connection) -> None:
    text = "Presupuesto para instalar un boiler de 80 litros a gas"
    conn.execute("UPDATE estimate_settings SET kind_words = 'estanco / atmosferico, tiro natural'")
    # (stop 30: the services said are a second, separate list — "a gas" is no electric termo by service_words too —
    # so it is switched off here to show what kind_words alone decide)
    conn.execute("UPDATE estimate_settings SET service_words = ''")
    assert ("calentador-electrico-80l", Decimal(1)) in priced(match(conn, text))


@pytest.mark.parametrize("text", ["cambiar el estanque del WC", "Presupuesto: cambiar estanque del WC completo, con flexible",
                                  "cambio de mochila de inodoro completa"])
def test_a_cistern_is_not_a_whole_toilet(conn: psycopg.Connection, text: str) -> None:
    codes = [c for c, _q in priced(match(conn, text))]
    assert "cisterna-completa" in codes and "inodoro-completo" not in codes


def test_the_boiler_de_paso_synonym_is_in_the_shared_list(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT canonical FROM kb_synonyms WHERE term = 'boiler de paso'").fetchone() == ("calentador de paso",)


# --- a change after the customer decided ---------------------------------------------------------------------

def test_replacing_an_item_is_revised_on_a_draft_asked_when_unsure_and_refused_once_decided(conn: psycopg.Connection) -> None:
    """"cambia X por uno de …" (the pronoun form): on a draft, the one line named becomes the same thing with what is
    said after the pronoun (esrules, stop 27: it was asked in two steps while X stayed priced); a replacement whose
    line is not one line of the draft is still asked back; once the customer decided, nothing changes."""
    found = match(conn, "presupuesto para cambiar el calefón de catorce litros")
    number = conn.execute("SELECT estimate_create(%s, %s::jsonb) ->> 'number'",
                          (CONVERSATION, json.dumps(found["items"]))).fetchone()[0]
    assert conn.execute("SELECT estimate_change_kind(%s, %s)", (CONVERSATION, "cambiale el calefón por uno de once litros")
                        ).fetchone()[0] == "correct"
    revised = say(conn, "cambiale el calefón por uno de once litros")
    assert revised["action"] == "revised" and estimate(conn, number)["revision"] == 2, revised
    assert conn.execute("SELECT array_agg(catalog_code) FROM estimate_lines l JOIN estimates e ON e.id = l.estimate_id "
                        "WHERE e.number = %s AND l.kind = 'material'", (number,)).fetchone()[0] == ["calentador-gas-11l"]
    asked = say(conn, "cambiale la bomba por una de un caballo")   # no such line: asked, nothing changes
    assert asked["action"] == "asked" and estimate(conn, number)["revision"] == 2, asked
    conn.execute("SELECT estimate_decide(%s, 'rejected')", (number,))
    locked = say(conn, "cambiale el calefón por uno de catorce litros")
    assert locked["action"] == "locked" and estimate(conn, number)["revision"] == 2
    # "cámbialo a 3" is still a quantity, not a replacement
    assert conn.execute("SELECT estimate_change_kind(%s, 'cambialo a 3')", (CONVERSATION,)).fetchone()[0] == "quantity"
