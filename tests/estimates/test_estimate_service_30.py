"""An item of one service is never priced as another service's item (stop 30, helper `gaswater`, issue 18;
bench/estimates/GASWATER-30.md). A gas hose priced as a water flexible, a gas valve as a water stop valve, a drain
part as a supply part, a heating part as a sanitary-water one: the plumber quotes (and may fit) a part not made for
that service. The service of a row is data staff see and edit (`price_catalog.service`, filled for every seeded
row), the services a message names are the words of `estimate_settings.service_words`, and
`estimate_service_guard` (match.sql) leaves a line a cotizar, or asks only among rows of the service said, when the
row's service differs. Each request is in our own words, as plumbers of several regions write them (never a case of
the held-out sets); the draft's priced materials must be exactly the expected ones and its subtotal the catalogue's
prices times the counts, to the cent (Postgres, the seeded catalogue)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.estimates.helpers import draft, drafted_materials, lines, match, say

ROOT = Path(__file__).resolve().parents[2]
SERVICE = ("mano-obra-oficial", "desplazamiento")
SERVICES = {"agua", "desague", "gas", "calefaccion", "electricidad"}


def _service(conn: psycopg.Connection, code: str) -> set[str]:
    return set(conn.execute("SELECT estimate_service_list(service) FROM price_catalog WHERE code = %s",
                            (code,)).fetchone()[0])


def _codes_priced(conn: psycopg.Connection, text: str) -> list[str]:
    found = match(conn, text)
    known = {r[0] for r in conn.execute("SELECT code FROM price_catalog").fetchall()}
    return [x["item"] for x in found["items"]
            if "item" in x and "choices" not in x and x["item"] in known and x["item"] not in SERVICE]


# 1. The data: every seeded row says its service, in the names the staff list gives -----------------------------

def test_every_seeded_row_says_its_service(conn: psycopg.Connection) -> None:
    rows = conn.execute("SELECT code, estimate_service_list(service) FROM price_catalog "
                        "WHERE seed_md5 IS NOT NULL ORDER BY code").fetchall()
    assert len(rows) >= 300
    named = {r[0] for r in conn.execute(
        "SELECT DISTINCT sp.service FROM estimate_settings s, estimate_service_phrases(s.service_words) sp WHERE s.id")}
    assert named == SERVICES
    for code, services in rows:
        assert services, code
        assert set(services) <= named | {"*"}, (code, services)


@pytest.mark.parametrize("code, services", [
    ("latiguillo-50cm", {"agua"}),
    ("llave-gas-1-2", {"gas"}),
    ("llave-paso-1-2", {"agua", "calefaccion"}),
    ("tubo-pvc-40mm", {"desague"}),
    ("sifon-lavabo", {"desague"}),
    ("calentador-gas-11l", {"agua", "gas"}),
    ("calentador-electrico-50l", {"agua", "electricidad"}),
    ("vaso-expansion-calefaccion-18l", {"calefaccion"}),
    ("vaso-expansion-acs-8l", {"agua"}),
    ("bomba-circuladora-acs", {"agua", "electricidad"}),
    ("tubo-cobre-15mm", {"agua", "gas", "calefaccion"}),
    ("mano-obra-oficial", {"*"}),
])
def test_the_seeded_service_of_a_row(conn: psycopg.Connection, code: str, services: set[str]) -> None:
    assert _service(conn, code) == services


def test_the_seed_never_overwrites_a_service_staff_wrote(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE price_catalog SET service = 'agua, gas' WHERE code = 'latiguillo-50cm'")
    conn.execute((ROOT / "n8n-workflows" / "estimates" / "seed.sql").read_text())
    assert _service(conn, "latiguillo-50cm") == {"agua", "gas"}


# 2. Gas said of a thing: never a water row (the plumber's words, several regions) --------------------------------

@pytest.mark.parametrize("text", [
    'flexible de gas 1/2" x 50 cm',                      # Spain, the price list's words
    "cambiar el flexible de gas de 1/2 por 50",
    "manguera de gas de 50 cm",
    "latiguillo de gas de 1/2 de 40",
    "conector de gas 1/2 de 40 cm",                      # Mexico
    "racor para gas de 1/2",
    'flexible 1/2" x 50 cm (gas)',                       # said in brackets after it
    "un flexible de 50 cm (para gas)",
    "un flexible de 50 cm, es para el gas",              # the service said in the clause after it
    "conector para la estufa de 40 cm",                  # Mexico: the (gas) cooker
    "flexible de 50 para el anafe",                      # Argentina: the gas hob
    "dos conectores de 40 cm para el gas",
])
def test_a_gas_hose_is_never_a_water_flexible(conn: psycopg.Connection, text: str) -> None:
    priced = _codes_priced(conn, text)
    assert not [c for c in priced if "agua" in _service(conn, c) and "gas" not in _service(conn, c)], priced


@pytest.mark.parametrize("text", [
    "llave de paso de 1/2 para la estufa",               # a gas cooker has no water: the water valve is not its
    "flexible de 40 para la cocina de gas",
])
def test_a_water_part_said_for_a_gas_only_appliance_is_a_cotizar(conn: psycopg.Connection, text: str) -> None:
    assert _codes_priced(conn, text) == []


@pytest.mark.parametrize("text, code", [
    # a gas water heater (and a combi boiler) is of water too: its water flexibles and its safety valve are still
    # priced when their own words say no service (tests/estimates/test_estimate_parts.py has "latiguillos … en el
    # calentador de gas")
    ("flexible para el calentador a gas de 50 cm", "latiguillo-50cm"),
    ("cambiar el latiguillo de 50 del calentador de gas", "latiguillo-50cm"),
    ("flexible de 50 para la caldera de gas", "latiguillo-50cm"),
    ("la válvula de seguridad del calentador a gas", "valvula-seguridad-termo"),
])
def test_a_water_part_of_a_gas_water_heater_is_read_as_before(conn: psycopg.Connection, text: str, code: str) -> None:
    assert _codes_priced(conn, text) == [code]


def test_a_water_valve_said_for_gas_is_asked_among_gas_valves(conn: psycopg.Connection) -> None:
    """"llave de paso de 1/2 para la estufa": the 1/2" water ball valve is not priced; the gas valve is offered."""
    found = match(conn, "llave de paso de 1/2 para la estufa")
    asked = [x for x in found["items"] if "choices" in x]
    assert len(asked) == 1 and asked[0]["choices"] == ["llave-gas-1-2"], found["items"]


@pytest.mark.parametrize("text, code", [
    ("llave de gas de 1/2", "llave-gas-1-2"),
    ("válvula de gas de media", "llave-gas-1-2"),
    ("cambiar la llave de paso del gas", "llave-gas-1-2"),
    ("válvula de gas para la cocina", "llave-gas-1-2"),
])
def test_a_gas_valve_said_is_the_gas_valve(conn: psycopg.Connection, text: str, code: str) -> None:
    assert _codes_priced(conn, text) == [code]


# 3. Water said, or no service said: today's reading ---------------------------------------------------------------

@pytest.mark.parametrize("text, codes", [
    ("cambiar el flexible del agua del calentador de 40 cm", {"latiguillo-40cm": 1}),
    ("cambiar el calentador de gas de 11 litros y 2 latiguillos de 40", {"calentador-gas-11l": 1, "latiguillo-40cm": 2}),
    ("calentador a gas de 11 litros con 2 latiguillos de 40", {"calentador-gas-11l": 1, "latiguillo-40cm": 2}),
    ("poner 2 latiguillos de agua de 30 y una llave de gas", {"latiguillo-30cm": 2, "llave-gas-1-2": 1}),
    ("cambiar la llave de paso de agua de 1/2", {"llave-paso-1-2": 1}),
    ("poner 3 metros de tubo de pvc de 110 para las aguas negras", {"tubo-pvc-110mm": 3}),
    ("cambiar 4 codos de desagüe de 40", {"codo-pvc-40mm": 4}),
    ("instalar termo eléctrico de 50 litros", {"calentador-electrico-50l": 1}),
    ("cambiar la resistencia del termo eléctrico", {"resistencia-termo": 1}),
    ("cambiar el purgador del radiador", {"purgador-automatico": 1}),
    ("6 metros de tubo de cobre de 15 para la calefacción", {"tubo-cobre-15mm": 6}),
    ("cambiar la bomba de achique de agua del sótano", {"bomba-sumergible-achique": 1}),
])
def test_the_service_said_is_the_rows(conn: psycopg.Connection, text: str, codes: dict[str, int]) -> None:
    drafted_materials(conn, text, codes)


# 4. Drain, heating and supply are not each other ------------------------------------------------------------------

@pytest.mark.parametrize("text, wrong", [
    ("poner 4 metros de tubo de pvc de 40 para el agua", "tubo-pvc-40mm"),           # a drain pipe for supply
    ("cambiar la manguera de la lavadora para el desagüe", "manguera-lavadora"),     # the inlet hose for a drain
    ("cambiar la bomba circuladora de la calefacción", "bomba-circuladora-acs"),     # a sanitary pump for heating
])
def test_a_row_of_another_service_is_a_cotizar(conn: psycopg.Connection, text: str, wrong: str) -> None:
    got = drafted_materials(conn, text, {})
    assert not any(x["catalog_code"] == wrong for x in got), got
    assert any(x["to_quote"] for x in got), got


def test_a_heating_part_is_asked_only_among_heating_rows(conn: psycopg.Connection) -> None:
    """"llaves de radiador": asked, never among the garden tap, the washing machine's tap or the angle valves."""
    found = match(conn, "6 llaves de radiador de 1/2 y 10 m de multicapa de 16")
    asked = [x for x in found["items"] if "choices" in x]
    assert len(asked) == 1 and asked[0]["quantity"] == 6, found["items"]
    for code in asked[0]["choices"]:
        assert "calefaccion" in _service(conn, code), code
    assert "grifo-exterior-1-2" not in asked[0]["choices"]


def test_a_drain_pump_is_asked_only_among_drain_pumps(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar la bomba para aguas negras")
    asked = [x for x in found["items"] if "choices" in x]
    assert len(asked) == 1 and asked[0]["choices"], found["items"]
    for code in asked[0]["choices"]:
        assert "desague" in _service(conn, code), code


# 5. Revisions read the same way -----------------------------------------------------------------------------------

def test_a_gas_hose_added_on_a_draft_is_a_cotizar(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar el calentador de gas de 11 litros")
    answer = say(conn, "añade un flexible de 50 cm, es para el gas")
    assert answer["number"] == number
    got = lines(conn, number)
    assert not any((x["catalog_code"] or "").startswith("latiguillo") for x in got), got


# 6. Staff edit both lists ------------------------------------------------------------------------------------------

def test_a_service_staff_give_a_row_is_read(conn: psycopg.Connection) -> None:
    """A business whose 50 cm flexible is approved for gas says so in its row: then it is priced for gas."""
    text = "un flexible de 50 cm, es para el gas"
    assert _codes_priced(conn, text) == []
    conn.execute("UPDATE price_catalog SET service = 'agua, gas' WHERE code = 'latiguillo-50cm'")
    assert _codes_priced(conn, text) == ["latiguillo-50cm"]


def test_a_word_staff_add_names_a_service(conn: psycopg.Connection) -> None:
    text = "conector de 40 para la hornilla"
    assert _codes_priced(conn, text) == ["latiguillo-40cm"]
    conn.execute("UPDATE estimate_settings SET service_words = replace(service_words, 'hornalla', 'hornalla, hornilla')")
    assert _codes_priced(conn, text) == []


def test_an_empty_list_switches_the_rule_off(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE estimate_settings SET service_words = ''")
    assert _codes_priced(conn, 'flexible 1/2" x 50 cm (gas)') == ["latiguillo-50cm"]


def test_a_row_without_a_service_is_left_alone(conn: psycopg.Connection) -> None:
    """What a price-list import leaves ('') is not said: the row is read as before."""
    conn.execute("UPDATE price_catalog SET service = '' WHERE code = 'latiguillo-50cm'")
    assert _codes_priced(conn, 'flexible 1/2" x 50 cm (gas)') == ["latiguillo-50cm"]
