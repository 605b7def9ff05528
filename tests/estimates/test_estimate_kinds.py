"""Kinds are never assumed (issue 18, after the second independent set): a name the words do not settle among the
catalogue's kinds ("el sifón", "el calentador", "3 codos de 1/2" after copper pipe) stays a cotizar and the card
asks which kind, listing the catalogue's; the plumber's next message ("de fregadero", "a gas") completes it. A
request with only such lines is a draft that asks back, not a refusal. Also: the object of an unblocking verb is
where the work is, a leak "en el tubo" is where the leak is, and another trade's job is not a plumber's draft.
Against the real Postgres functions and the seeded catalogue (scratch cluster of tests/estimates/conftest.py)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import psycopg
import pytest

from tests.estimates.helpers import CONVERSATION, cents, create, estimate, lines, match, say

TRAPS = {"sifon-fregadero", "sifon-lavabo", "sifon-lavadora"}
GAS_HEATERS = ["calentador-gas-11l", "calentador-gas-14l", "calentador-gas-17l", "calentador-gas-5l"]


def price(conn: psycopg.Connection, code: str) -> Decimal:
    return conn.execute("SELECT unit_price FROM price_catalog WHERE code = %s", (code,)).fetchone()[0]


def tax_rate(conn: psycopg.Connection) -> Decimal:
    return conn.execute("SELECT tax_rate FROM estimate_settings").fetchone()[0]


def codes(found: dict[str, Any]) -> list[str]:
    return [i["item"] for i in found["items"] if "item" in i and "choices" not in i and "unit" not in i]


# --- a name alone, several kinds ------------------------------------------------------------------------------

def test_a_name_alone_the_catalogue_has_in_several_kinds_is_asked_back_listing_the_kinds(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar el sifón")
    [trap, call] = found["items"]
    assert trap["item"] == "sifon" and TRAPS <= set(trap["choices"]) and call["item"] == "desplazamiento"
    assert found["ask_back"] == 1
    [line, _call] = lines(conn, create(conn, found["items"]))
    assert line["to_quote"] and line["unit_price"] is None and line["catalog_code"] is None
    assert "¿De qué tipo? En el catálogo: " in line["note"]
    for name in ("Sifón doble para fregadero", "Sifón de botella para lavabo", "Toma de desagüe con sifón para lavadora"):
        assert name in line["note"].split("¿De qué tipo?")[1]


def test_the_other_words_of_the_message_settle_the_kind(conn: psycopg.Connection) -> None:
    assert codes(match(conn, "presupuesto para desatascar el fregadero y cambiar el sifón")) == [
        "desatasco-fregadero", "sifon-fregadero", "desplazamiento"]


def test_a_head_word_alone_lists_gas_and_electric_heaters_and_its_kind_and_size_settle_it(conn: psycopg.Connection) -> None:
    [heater, _call] = match(conn, "cambiar el calentador")["items"]
    assert "calentador-gas-11l" in heater["choices"] and "calentador-electrico-80l" in heater["choices"]
    [gas] = match(conn, "calentador a gas")["items"]
    assert gas["choices"] == GAS_HEATERS
    assert codes(match(conn, "calentador a gas de 11 litros")) == ["calentador-gas-11l"]
    # a size alone does not say the kind: 80 l is only electric in this catalogue, but the words did not say it
    [eighty, *_] = match(conn, "cambiar el calentador de 80 litros")["items"]
    assert eighty["choices"] == ["calentador-electrico-80l"]


def test_words_with_no_kind_are_not_priced_as_one_kind_when_the_message_says_another(conn: psycopg.Connection) -> None:
    # "codo de 1/2" is the brass elbow's alias; next to copper pipe it is not assumed brass
    found = match(conn, "2 m de tubo de cobre de 15 y 3 codos de 1/2")
    assert codes(found) == ["tubo-cobre-15mm"]
    [elbows] = [i for i in found["items"] if "choices" in i]
    assert elbows["quantity"] == 3 and elbows["choices"] and all(c.startswith("codo-cobre-") for c in elbows["choices"])
    assert codes(match(conn, "3 codos de 1/2")) == ["codo-laton-1-2"], "said alone, the alias still prices"


def test_an_unblocking_method_said_is_that_service_not_also_dismantling_the_trap(conn: psycopg.Connection) -> None:
    assert codes(match(conn, "cotizacion destapar lavaplatos con sonda, como 5 mts de tuberia")) == [
        "desatasco-sonda-m", "desplazamiento"]
    assert match(conn, "cotizacion destapar lavaplatos con sonda, como 5 mts de tuberia")["items"][0]["quantity"] == 5
    found = match(conn, "destapar el fregadero con sonda, 5 metros")
    assert codes(found) == ["desatasco-sonda-m"] and found["items"][1]["quantity"] == 5
    # the dismantling service, named by its place, stays a cotizar: no row of the way said has that name
    assert found["items"][0] == {"item": "destapar el fregadero", "quantity": 1, "unit": "ud", "choices": []}
    [place, _snake] = lines(conn, create(conn, found["items"]))
    assert place["to_quote"] and place["note"] == "no hay en el catálogo una partida del tipo que dice el mensaje"


# --- the object of the work, a leak's place, other trades --------------------------------------------------------

def test_the_object_of_an_unblocking_verb_is_where_the_work_is_not_a_material_to_price(conn: psycopg.Connection) -> None:
    found = match(conn, "cuanto x destapar desague de ducha")
    assert found["items"] == [{"item": "Destapar desague de ducha", "quantity": 1},
                              {"item": "desplazamiento", "quantity": 1}]
    conn.execute("UPDATE estimate_settings SET place_verbs = ''")   # staff-editable: without it, the old reading
    assert "valvula-desague-ducha" in codes(match(conn, "cuanto x destapar desague de ducha"))


def test_a_leak_in_a_pipe_is_where_the_leak_is_unless_metres_of_it_are_asked(conn: psycopg.Connection) -> None:
    assert codes(match(conn, "reparar una fuga en el tubo de cobre de media, ponle dos uniones de cobre y dos horas de trabajo")) == [
        "manguito-cobre-15mm", "mano-obra-oficial", "desplazamiento"]
    assert codes(match(conn, "Fuga en tubería de cobre de 15: hay que cambiar 2 metros y poner 2 codos"))[:2] == [
        "tubo-cobre-15mm", "codo-cobre-15mm"]


def test_another_trade_s_job_gets_no_draft_and_the_list_is_staff_editable(conn: psycopg.Connection) -> None:
    text = "che cuanto le cobro a la señora por cambiarle las chapas del techo del galpon que se le llueve"
    assert match(conn, text)["items"] == []
    assert match(conn, "reparar una fuga en el techo del baño")["items"][0]["item"].startswith("Reparar una fuga")
    conn.execute("UPDATE estimate_settings SET other_trade_words = 'cerradura'")
    assert [i["item"] for i in match(conn, text)["items"]][-1] == "desplazamiento"


# --- sizeless-only requests: a draft that asks, not a refusal -----------------------------------------------------

def test_a_request_with_only_sizeless_names_is_a_draft_that_asks_the_size(conn: psycopg.Connection) -> None:
    found = match(conn, "precio de 3 latiguillos")
    assert found["priced"] == 0 and found["ask_back"] == 1
    number = create(conn, found["items"])
    [line] = lines(conn, number)
    assert line["to_quote"] and line["quantity"] == 3 and "¿De qué medida? En el catálogo:" in line["note"]
    assert estimate(conn, number)["total"] == 0
    assert match(conn, "precio de una mampara")["ask_back"] == 0, "nothing to ask: still a person's job"


# --- the next message completes the kind ---------------------------------------------------------------------------

def test_the_kind_answered_completes_the_line_and_the_totals_to_the_cent(conn: psycopg.Connection) -> None:
    number = create(conn, match(conn, "cambiar el sifón")["items"])
    assert conn.execute("SELECT estimate_change_kind(%s, 'el de fregadero')", (CONVERSATION,)).fetchone()[0] == "complete"
    answer = say(conn, "el de fregadero")
    assert answer["action"] == "revised" and answer["number"] == number and answer["revision"] == 2
    assert "Completado: sifón → Sifón doble para fregadero" in answer["changes"]  # the plumber's own word (stop 31: "shown")
    trap, call = price(conn, "sifon-fregadero"), price(conn, "desplazamiento")
    base = trap + call
    e = estimate(conn, number)
    assert (e["subtotal"], e["tax"], e["total"]) == (base, cents(base * tax_rate(conn)), base + cents(base * tax_rate(conn)))
    assert e["to_quote_count"] == 0


def test_a_kind_word_alone_is_a_completion_that_narrows_then_the_size_prices(conn: psycopg.Connection) -> None:
    number = create(conn, match(conn, "cambiar el calentador")["items"])
    assert conn.execute("SELECT estimate_change_kind(%s, 'a gas')", (CONVERSATION,)).fetchone()[0] == "complete"
    narrowed = say(conn, "a gas")
    assert narrowed["action"] == "revised" and narrowed["revision"] == 2
    [heater, _call] = lines(conn, number)
    assert heater["to_quote"] and "Termo" not in heater["note"] and "Calentador de gas estanco" in heater["note"]
    done = say(conn, "de 11 litros")
    assert done["action"] == "revised" and done["revision"] == 3
    [heater, _call] = lines(conn, number)
    assert (heater["catalog_code"], heater["to_quote"], heater["unit_price"]) == (
        "calentador-gas-11l", False, price(conn, "calentador-gas-11l"))
    base = price(conn, "calentador-gas-11l") + price(conn, "desplazamiento")
    assert estimate(conn, number)["total"] == base + cents(base * tax_rate(conn))


# --- staff rules and validation -----------------------------------------------------------------------------------

def test_kind_words_are_staff_editable(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE estimate_settings SET kind_words = replace(kind_words, '; desmontar / sonda, espiral / maquina / camion', '')")
    assert "desatasco-fregadero" in codes(match(conn, "destapar el fregadero con sonda, 5 metros"))


@pytest.mark.parametrize("choices", ['"sifon-lavabo"', "[1, 2]", json.dumps(["x" * 65])])
def test_malformed_choices_are_refused_and_nothing_is_stored(conn: psycopg.Connection, choices: str) -> None:
    before = conn.execute("SELECT count(*) FROM estimates").fetchone()[0]
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="choices debe ser una lista de códigos"):
        conn.execute(f"SELECT estimate_create('web:test', '[{{\"item\": \"sifon\", \"quantity\": 1, \"choices\": {choices}}}]')")
    conn.rollback()
    conn.execute("INSERT INTO conversations (id, channel) VALUES ('web:test', 'web') ON CONFLICT DO NOTHING")
    assert conn.execute("SELECT count(*) FROM estimates").fetchone()[0] == before


def test_choices_are_never_priced_even_when_the_text_is_an_alias(conn: psycopg.Connection) -> None:
    [line] = lines(conn, create(conn, [{"item": "sifon", "quantity": 1, "choices": ["sifon-fregadero", "sifon-lavabo"]}]))
    assert line["to_quote"] and line["unit_price"] is None
