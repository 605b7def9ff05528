"""The supplier list's "Servicio" column (stop 31, issue 18): what an item is for (agua, desague, gas, calefaccion,
electricidad, or * for any) imported with the rest, checked against the names staff keep in
estimate_settings.service_words, and a preview that says how many new items say none (they are priced without the
service guard of stop 30: an item said of gas could be priced with a water row of the same name)."""

from __future__ import annotations

import json
from typing import Any

import psycopg

from .helpers import draft, lines


def run(conn: psycopg.Connection, rows: list[Any], apply: bool = False, expected: str | None = None) -> dict:
    return conn.execute("SELECT price_catalog_import(%s::jsonb, %s, %s)",
                        (json.dumps(rows), apply, expected)).fetchone()[0]


def service(conn: psycopg.Connection, code: str) -> str:
    return conn.execute("SELECT service FROM price_catalog WHERE code = %s", (code,)).fetchone()[0]


ROWS = [
    {"Código": "prov-flex-gas", "Descripción": "Flexible de gas inox 1/2\" 100 cm", "Precio": "14,50",
     "Servicio": "Gas"},
    {"Código": "prov-sifon-b", "Descripción": "Sifón botella cromado", "Precio": "11", "Servicio": "desagüe"},
    {"Código": "prov-tubo-mc", "Descripción": "Tubo multicapa 20 mm", "Unidad": "m", "Precio": "3,10",
     "Servicio": "agua, calefacción"},
    {"Código": "prov-mano", "Descripción": "Hora de oficial segunda", "Unidad": "h", "Precio": "30", "Servicio": "*"},
    {"Código": "prov-junta", "Descripción": "Junta fibra 3/4", "Precio": "0,40"},
]


def test_the_service_is_previewed_and_applied_with_the_rest(conn: psycopg.Connection) -> None:
    preview = run(conn, ROWS)
    assert preview["columns"]["Servicio"] == "service"
    assert [(n["code"], n["service"]) for n in preview["new"]] == [
        ("prov-flex-gas", "gas"), ("prov-sifon-b", "desague"), ("prov-tubo-mc", "agua, calefaccion"),
        ("prov-mano", "*"), ("prov-junta", "")]
    assert preview["counts"]["new_without_service"] == 1
    assert "1 partida(s) nueva(s) sin servicio" in preview["message"]
    result = run(conn, ROWS, apply=True, expected=preview["fingerprint"])
    assert result["applied"] is True, result["message"]
    assert [service(conn, r["Código"]) for r in ROWS] == ["gas", "desague", "agua, calefaccion", "*", ""]


def test_an_unknown_service_is_a_row_error_and_nothing_is_applied(conn: psycopg.Connection) -> None:
    rows = ROWS[:2] + [{"Código": "prov-x", "Descripción": "Bomba de achique", "Precio": "80", "Servicio": "agua, riego"}]
    preview = run(conn, rows)
    [error] = preview["errors"]
    assert error["row"] == 4 and "el servicio «riego» no existe" in error["reason"], error
    assert "agua" in error["reason"] and "gas" in error["reason"]   # the names staff may use are listed
    result = run(conn, rows, apply=True)
    assert result["applied"] is False
    assert conn.execute("SELECT count(*) FROM price_catalog WHERE code LIKE 'prov-%'").fetchone()[0] == 0


def test_a_changed_service_is_listed_and_an_absent_column_keeps_it(conn: psycopg.Connection) -> None:
    before = service(conn, "tubo-cobre-15mm")
    assert before, "the seed says what copper pipe is for"
    preview = run(conn, [{"Código": "tubo-cobre-15mm", "Precio": "9,40", "Servicio": "agua"}])
    changes = [c for n in preview["changed"] for c in n["changes"]]
    if before != "agua":
        assert {"field": "servicio", "from": before, "to": "agua"} in changes
        run(conn, [{"Código": "tubo-cobre-15mm", "Precio": "9,40", "Servicio": "agua"}], apply=True,
            expected=preview["fingerprint"])
        assert service(conn, "tubo-cobre-15mm") == "agua"
    run(conn, [{"Código": "tubo-cobre-15mm", "Precio": "9,50"}], apply=True)   # no column: the service is kept
    assert service(conn, "tubo-cobre-15mm") in (before, "agua")
    assert service(conn, "tubo-cobre-15mm") != ""


def test_an_imported_gas_item_is_never_priced_for_water(conn: psycopg.Connection) -> None:
    """What the column is for: a row imported for gas only is not priced when the words are of water."""
    run(conn, [{"Código": "prov-llave-esc", "Descripción": "Llave escuadra especial", "Precio": "7",
                "Servicio": "gas"}], apply=True)
    number = draft(conn, "cambiar una llave escuadra especial del agua fría del lavabo")
    assert not [x for x in lines(conn, number) if x["catalog_code"] == "prov-llave-esc" and not x["to_quote"]]
