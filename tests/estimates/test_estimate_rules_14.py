"""Estimate rules of esfix14 (set 13 consumed as tuning): an elbow's angle is no size; a count said in place of the
old one sets the line; a size said again in other word orders resizes the line; "p/" is "para"; a material
said right after a thing is its material, not a pipe line; estimate_settings_upgrade migrates a word list in one
line and never overwrites a staff-edited value. The wordings are our own, not set 13's sentences; each test fails
on main's SQL (6a2038c).

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.estimates.helpers import draft, match, priced, say


def _items(found: dict) -> list[dict]:
    return [x for x in found["items"] if "item" in x and x["item"] not in ("desplazamiento", "mano-obra-oficial")]


# 1. Angles are not sizes -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "words",
    [
        "6 codos 90 de 3/4 de pvc",
        "tres codos de 90 de media de pvc presion",
        "2 codos de pvc a 90 grados de 1/2",
    ],
)
def test_a_right_angle_said_with_an_inch_size_is_no_90_mm_elbow(conn: psycopg.Connection, words: str) -> None:
    found = match(conn, words)
    assert "codo-pvc-90mm" not in [x["item"] for x in found["items"]], found["items"]


def test_a_right_angle_said_with_a_mm_size_prices_that_size(conn: psycopg.Connection) -> None:
    found = match(conn, "5 codos de cobre de 90 grados de 15")
    assert [(x["item"], x.get("quantity")) for x in _items(found)] == [("codo-cobre-15mm", 5)], found["items"]


@pytest.mark.parametrize("words", ["4 codos a 45 de 28 de cobre", "2 codos de cobre de 18 a 45 grados"])
def test_a_45_degree_elbow_stays_a_cotizar(conn: psycopg.Connection, words: str) -> None:
    found = match(conn, words)
    assert not [x for x in found["items"] if str(x.get("item", "")).startswith("codo-")], found["items"]
    assert found["items"], found


def test_a_90_mm_drain_elbow_is_still_read(conn: psycopg.Connection) -> None:
    found = match(conn, "3 codos de 90 de pvc")
    assert [x["item"] for x in _items(found)] == ["codo-pvc-90mm"], found["items"]


# 2. A count said in place of the old one ---------------------------------------------------------------------

BASE = "presupuesto: 3 llaves de escuadra de 1/2, un monomando de lavabo y 4 codos de cobre de 22, 2 horas"


@pytest.mark.parametrize(
    ("change", "code", "quantity"),
    [
        ("pon 5 escuadras en vez de 3", "llave-escuadra-1-2", 5),
        ("mejor 6 codos en lugar de 4", "codo-cobre-22mm", 6),
        ("en vez de 4 codos pon 7", "codo-cobre-22mm", 7),
        ("cambia las 3 escuadras por 2", "llave-escuadra-1-2", 2),
    ],
)
def test_a_count_in_place_of_the_old_one_sets_the_line(
    conn: psycopg.Connection, change: str, code: str, quantity: int
) -> None:
    number = draft(conn, BASE)
    answer = say(conn, change)
    assert answer["handled"] and answer["action"] == "revised", answer
    got = priced(conn, number)
    assert got[code] == Decimal(quantity), got
    assert got["monomando-lavabo"] == Decimal(1), got


# 3. A size said again resizes the line -----------------------------------------------------------------------

HEATER = "presupuesto: termo electrico de 50 litros, una llave de paso de 1/2 y 2 horas"


@pytest.mark.parametrize(
    "change",
    ["era de 100 litros el termo no de 50", "el termo es de 100 litros no de 50", "ponle mejor un termo de 100 litros"],
)
def test_a_heater_size_said_again_replaces_the_line(conn: psycopg.Connection, change: str) -> None:
    number = draft(conn, HEATER)
    answer = say(conn, change)
    assert answer["handled"] and answer["action"] == "revised", answer
    got = priced(conn, number)
    assert "calentador-electrico-100l" in got and "calentador-electrico-50l" not in got, got


def test_a_heater_size_the_catalogue_lacks_leaves_the_line_a_cotizar(conn: psycopg.Connection) -> None:
    number = draft(conn, HEATER)
    answer = say(conn, "era de 65 litros el termo no de 50")
    assert answer["handled"] and answer["action"] == "revised", answer
    got = priced(conn, number)
    assert "calentador-electrico-50l" not in got, got   # never the old price kept silently


# 4. Lines nobody asked for -----------------------------------------------------------------------------------

def test_a_material_after_a_valve_is_no_pipe_line(conn: psycopg.Connection) -> None:
    found = match(conn, "10 m de tubo ppr, 4 codos y 3 llaves de paso ppr")
    pipes = [x for x in found["items"] if x.get("item") in ("ppr",) or str(x.get("item", "")).startswith("tubo-ppr")]
    assert len(pipes) == 1 and pipes[0].get("quantity") == 10, found["items"]


def test_p_slash_is_para(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT estimate_normalize('manguera p/gas y grifo c/aireador, 3 € c/u')").fetchone()[0] \
        == "manguera para gas y grifo con aireador 3 c/u"


def test_a_gas_connector_written_with_p_slash_is_no_water_hose(conn: psycopg.Connection) -> None:
    found = match(conn, "2 latiguillos p/agua de 1/2 x 30cm, 1 conector flexible p/gas 1/2")
    assert "latiguillo-30cm" not in [x["item"] for x in found["items"] if x.get("quantity") == 1], found["items"]


# 5. estimate_settings_upgrade --------------------------------------------------------------------------------

def _default(conn: psycopg.Connection, column: str) -> str:
    expr = conn.execute(
        "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a"
        " ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
        " WHERE d.adrelid = 'estimate_settings'::regclass AND a.attname = %s", (column,)).fetchone()[0]
    return conn.execute("SELECT " + expr).fetchone()[0]


def test_the_shipped_kind_words_are_the_same_as_before_the_helper(conn: psycopg.Connection) -> None:
    assert _default(conn, "kind_words") == (
        "gas, butano, propano / electrico, electrica; paso, instantaneo / deposito, acumulacion, acumulador; "
        "estanco / atmosferico, tiro natural, tiro forcado; "
        "cobre / laton / pvc / cpvc / pex / multicapa / ppr, polipropileno, termofusion / galvanicado, hierro, fierro / acero inoxidable"
        # (stop 29, wrongprice: epoxy-coated gas fittings are a material of their own, one upgrade step)
        " / epoxi, epoxy, epoxico; "
        "desmontar / sonda, espiral / maquina / camion")


def test_an_upgrade_step_moves_an_untouched_value_once(conn: psycopg.Connection) -> None:
    before = _default(conn, "kind_words")
    conn.execute("UPDATE estimate_settings SET kind_words = %s", (before,))
    conn.execute("SELECT estimate_settings_upgrade('kind_words', 'acero inoxidable', 'acero inoxidable, inox')")
    after = _default(conn, "kind_words")
    assert after == before.replace("acero inoxidable", "acero inoxidable, inox")
    assert conn.execute("SELECT kind_words FROM estimate_settings").fetchone()[0] == after
    # applied again (every deploy re-runs the files): nothing doubles
    conn.execute("SELECT estimate_settings_upgrade('kind_words', 'acero inoxidable', 'acero inoxidable, inox')")
    assert _default(conn, "kind_words") == after


def test_an_upgrade_step_never_overwrites_a_staff_edited_value(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE estimate_settings SET kind_words = 'gas / electrico; cobre / pvc'")
    conn.execute("SELECT estimate_settings_upgrade('kind_words', 'acero inoxidable', 'acero inoxidable, inox')")
    assert conn.execute("SELECT kind_words FROM estimate_settings").fetchone()[0] == "gas / electrico; cobre / pvc"


def test_a_place_said_with_an_added_thing_does_not_price_the_drafts_open_line(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto: cambiar 3 sifones y 2 m de tubo pvc de 50, 2h")
    answer = say(conn, "y añade un latiguillo para el fregadero")
    assert answer["handled"] and answer["action"] == "revised", answer
    got = priced(conn, number)
    assert not [code for code in got if code.startswith("sifon")], got
