"""price_catalog_import(): a supplier's price list (the rows of a CSV or XLSX file) previewed against the
catalogue, and applied only when staff confirm: everything in one transaction, or nothing."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from typing import Any

import psycopg
import pytest

from .conftest import ESTIMATES
from .helpers import create, estimate

SEED = (ESTIMATES / "seed.sql").read_text()


def run(conn: psycopg.Connection, rows: list[Any], apply: bool = False, expected: str | None = None) -> dict:
    return conn.execute("SELECT price_catalog_import(%s::jsonb, %s, %s)",
                        (json.dumps(rows), apply, expected)).fetchone()[0]


def item(conn: psycopg.Connection, code: str) -> tuple | None:
    return conn.execute("SELECT name, unit, unit_price, taxable, vat_rate, family, kind, active, example"
                        " FROM price_catalog WHERE code = %s", (code,)).fetchone()


def catalogue(conn: psycopg.Connection) -> list[tuple]:
    return conn.execute("SELECT * FROM price_catalog ORDER BY code").fetchall()


# A supplier's list as Spanish staff would write it: Spanish headers, decimal commas, € signs, a % in the IVA.
SPANISH = [
    {"Código": "tubo-cobre-15mm", "Descripción": "Tubo de cobre 15 mm", "Unidad": "m", "Precio": "9,80 €",
     "IVA": "21%", "Familia": "Tubería"},
    {"Código": "PROV-1234", "Descripción": "Llave de paso de latón 1/2\" marca X", "Unidad": "ud", "Precio": "12,40",
     "IVA": "21 %", "Familia": "Valvulería"},
    {"Código": "sifon-lavabo", "Descripción": "Sifón de botella para lavabo", "Unidad": "ud", "Precio": "9,90",
     "IVA": "21", "Familia": "Desagües y sifones"},
    {"Código": "prov-reducido", "Descripción": "Grifo termostático gama alta", "Unidad": "unidades",
     "Precio": "1.234,56 €", "IVA": "10", "Familia": "Grifería"},
]


def test_the_preview_lists_new_changed_and_unchanged_and_changes_nothing(conn: psycopg.Connection) -> None:
    before = catalogue(conn)
    preview = run(conn, SPANISH)
    assert catalogue(conn) == before
    assert preview["applied"] is False and preview["can_apply"] is True
    assert preview["counts"] == {"rows": 4, "new": 2, "changed": 1, "unchanged": 1, "errors": 0, "empty": 0,
                                 "new_without_service": 2}
    assert [(n["row"], n["code"], n["unit_price"], n["vat_text"]) for n in preview["new"]] == [
        (3, "prov-1234", 12.40, "IVA 21 %"), (5, "prov-reducido", 1234.56, "IVA 10 %")]
    assert preview["new"][0]["code_as_written"] == "PROV-1234"
    [changed] = preview["changed"]
    assert (changed["row"], changed["code"], changed["changes"]) == (
        2, "tubo-cobre-15mm", [{"field": "precio", "from": "9,40 €", "to": "9,80 €"}])
    assert preview["unchanged"] == [{"row": 4, "code": "sifon-lavabo"}]
    assert preview["columns"] == {"Código": "code", "Descripción": "name", "Unidad": "unit", "Precio": "price",
                                  "IVA": "vat", "Familia": "family"}
    assert preview["message"].startswith("Vista previa: 2 partida(s) nueva(s), 1 con cambios y 1 sin cambios.")
    assert "fila 2 · tubo-cobre-15mm · Tubo de cobre 15 mm: precio 9,40 € → 9,80 €" in preview["text"]


def test_confirming_applies_everything_at_once_vat_and_family_included(conn: psycopg.Connection) -> None:
    number = create(conn, [{"item": "tubo-cobre-15mm", "quantity": 2}])
    old_total = estimate(conn, number)["total"]
    preview = run(conn, SPANISH)
    result = run(conn, SPANISH, apply=True, expected=preview["fingerprint"])
    assert result["applied"] is True and result["can_apply"] is False
    assert result["message"] == "Aplicado: 2 nueva(s) y 1 cambiada(s); 1 sin cambios. Valen para el siguiente presupuesto."
    assert item(conn, "tubo-cobre-15mm") == ("Tubo de cobre 15 mm", "m", D("9.80"), True, None, "Tubería",
                                             "material", True, False)
    # 21 % is the settings' rate: the item follows it (NULL); 10 % is the item's own.
    assert item(conn, "prov-1234") == ('Llave de paso de latón 1/2" marca X', "ud", D("12.40"), True, None, "Valvulería",
                                       "material", True, False)
    assert item(conn, "prov-reducido")[2:5] == (D("1234.56"), True, D("0.1000"))
    assert estimate(conn, number)["total"] == old_total, "an estimate already made keeps its prices"
    new = create(conn, [{"item": "tubo-cobre-15mm", "quantity": 2}, {"item": "prov-reducido", "quantity": 1}])
    e = estimate(conn, new)
    assert e["tax"] == round(D("19.60") * D("0.21"), 2) + round(D("1234.56") * D("0.10"), 2)
    assert run(conn, SPANISH)["message"] == "No hay nada que cambiar: todas las filas coinciden con el catálogo."


def test_rows_with_errors_are_listed_with_their_row_number_and_reason_in_spanish(conn: psycopg.Connection) -> None:
    rows = [
        {"Código": "sifon-lavabo", "Precio": "mucho"},
        {"Código": "", "Descripción": "Sin código", "Precio": "3"},
        {"Código": "nuevo-1", "Precio": "3,50"},
        {"Código": "nuevo-2", "Descripción": "Algo", "Precio": "0,125"},
        {"Código": "nuevo-3", "Descripción": "Algo", "Precio": "-4"},
        {"Código": "nuevo-4", "Descripción": "Algo", "Precio": "4", "Unidad": "caja de 10"},
        {"Código": "nuevo-5", "Descripción": "Algo", "Precio": "4", "IVA": "mitad"},
        {"Código": "nuevo-6", "Descripción": "Algo", "Precio": "4", "Tipo": "chorizo"},
        {"Código": "sifon-fregadero", "Precio": "17"},
        {"Código": "SIFON FREGADERO", "Precio": "18"},
        {"Código": "nuevo-7", "Descripción": "Algo"},
    ]
    preview = run(conn, rows)
    assert preview["can_apply"] is False
    assert [(e["row"], e["reason"]) for e in preview["errors"]] == [
        (2, "el precio «mucho» no es un número (escriba euros sin IVA, como 9,40)"),
        (3, "falta el código"),
        (4, "falta la descripción (hace falta para una partida nueva)"),
        (5, "el precio «0,125» tiene más de 2 decimales: redondéelo al céntimo"),
        (6, "el precio «-4» es negativo"),
        (7, "la unidad «caja de 10» no vale (ud, m, h, kg, l, m²...)"),
        (8, "el IVA «mitad» no es un porcentaje (21, 10, 4, 0...)"),
        (9, "el tipo «chorizo» no existe (material, mano de obra, desplazamiento, retirada, tasa)"),
        (11, "el código «SIFON FREGADERO» está repetido (ya está en la fila 10)"),
        (12, "falta el precio"),
    ]
    assert preview["message"].startswith("10 filas con errores: fila 2: el precio «mucho» no es un número")
    assert "No se aplicará nada; corríjalas en el archivo y vuelva a subirlo." in preview["message"]


def test_with_one_bad_row_confirming_anyway_applies_nothing_at_all(conn: psycopg.Connection) -> None:
    before = catalogue(conn)
    rows = SPANISH + [{"Código": "roto", "Descripción": "Fila mala", "Precio": "9,40,1"}]
    preview = run(conn, rows)
    assert (preview["counts"]["errors"], preview["counts"]["new"], preview["counts"]["changed"]) == (1, 2, 1)
    result = run(conn, rows, apply=True, expected=preview["fingerprint"])
    assert result["applied"] is False
    assert result["message"] == ("1 fila con errores: fila 6: el precio «9,40,1» no es un número (escriba euros sin "
                                 "IVA, como 9,40). No se ha aplicado nada; corríjalas en el archivo y vuelva a subirlo.")
    assert catalogue(conn) == before, "not even the good rows"


def test_a_change_made_after_the_preview_stops_the_import(conn: psycopg.Connection) -> None:
    preview = run(conn, SPANISH)
    conn.execute("UPDATE price_catalog SET unit_price = 9.50 WHERE code = 'sifon-lavabo'")   # someone else, meanwhile
    before = catalogue(conn)
    result = run(conn, SPANISH, apply=True, expected=preview["fingerprint"])
    assert result["applied"] is False and "el catálogo ha cambiado desde la vista previa" in result["message"]
    assert catalogue(conn) == before


@pytest.mark.parametrize("cell, amount", [
    ("9,40", "9.40"), ("9.40", "9.40"), ("9,4 €", "9.40"), ("€ 9,40", "9.40"), ("EUR 12", "12.00"),
    ("1.234,56", "1234.56"), ("1,234.56", "1234.56"), ("1.234", "1234.00"), (" 15 ", "15.00"), ("0", "0.00"),
    (9.4, "9.40"), (10.340000000000002, "10.34"), (1234, "1234.00"),
], ids=lambda v: str(v))
def test_prices_are_read_as_suppliers_write_them(conn: psycopg.Connection, cell: Any, amount: str) -> None:
    [new] = run(conn, [{"código": "x-precio", "descripción": "Prueba", "precio": cell}])["new"]
    assert D(str(new["unit_price"])) == D(amount)


@pytest.mark.parametrize("cell, taxable, vat_rate", [
    ("21", True, None), ("21%", True, None), (0.21, True, None), ("0,21", True, None),
    ("10", True, "0.1000"), ("4 %", True, "0.0400"), (0.1, True, "0.1000"), ("16", True, "0.1600"),
    ("0", False, None), ("exento", False, None), ("", True, None),
], ids=lambda v: str(v))
def test_iva_is_read_as_suppliers_write_it(conn: psycopg.Connection, cell: Any, taxable: bool, vat_rate: str | None) -> None:
    run(conn, [{"Código": "x-iva", "Descripción": "Prueba", "Precio": "1", "IVA": cell}], apply=True)
    assert item(conn, "x-iva")[3:5] == (taxable, None if vat_rate is None else D(vat_rate))


def test_english_and_odd_headers_and_numbers_from_a_spreadsheet(conn: psycopg.Connection) -> None:
    rows = [{"_row": 7, "CODE": "x-en", "Description": "Test", "Unit": "Metros", "P.V.P.": 3.5, "% IVA": 0.1,
             "Category": "Pruebas", "Tipo": "mano de obra", "Alias": "palabra rara, otra palabra", "Activo": "No"},
            {"_row": 8, "CODE": None, "Description": "", "P.V.P.": None}]
    preview = run(conn, rows)
    assert preview["columns"]["P.V.P."] == "price" and preview["columns"]["% IVA"] == "vat"
    assert preview["counts"]["empty"] == 1 and preview["new"][0]["row"] == 7
    run(conn, rows, apply=True)
    assert item(conn, "x-en") == ("Test", "m", D("3.50"), True, D("0.1000"), "Pruebas", "labour", False, False)
    assert conn.execute("SELECT aliases FROM price_catalog WHERE code = 'x-en'").fetchone()[0] == \
        "palabra rara, otra palabra"


def test_a_file_without_code_or_price_columns_is_refused_whole(conn: psycopg.Connection) -> None:
    before = catalogue(conn)
    result = run(conn, [{"Artículo": "Tubo", "Importe total": "3"}], apply=True)
    assert result["applied"] is False and result["file_errors"] == [
        "falta la columna del código (Código, Referencia, Ref...)",
        "falta la columna del precio (Precio, PVP, Precio sin IVA...)"]
    assert result["message"].startswith("No se puede leer la tarifa: falta la columna del código")
    assert catalogue(conn) == before
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="se esperaba una lista de filas"):
        run(conn, {"Código": "x"})   # type: ignore[arg-type]


def test_changes_are_listed_field_by_field_and_suspicious_ones_are_warned(conn: psycopg.Connection) -> None:
    rows = [{"Código": "sifon-lavabo", "Descripción": "Sifón botella cromado", "Precio": "99,00", "Unidad": "ud",
             "IVA": "10", "Familia": "Sifones", "Alias": "sifon cromado, sifon", "Activo": "no"},
            {"Código": "prov-tubo", "Descripción": "Tubo de cobre 22 mm", "Precio": "15"}]
    preview = run(conn, rows)
    [changed] = preview["changed"]
    assert changed["changes"] == [
        {"field": "nombre", "from": "Sifón de botella para lavabo", "to": "Sifón botella cromado"},
        {"field": "precio", "from": "9,90 €", "to": "99,00 €"},
        {"field": "IVA", "from": "21 %", "to": "10 %"},
        {"field": "familia", "from": "Desagües y sifones", "to": "Sifones"},
        {"field": "alias", "from": "", "to": "sifon cromado"},      # "sifon" is there already
        {"field": "activo", "from": "Sí", "to": "No"}]
    warnings = {w["code"]: w["reason"] for w in preview["warnings"]}
    assert warnings["sifon-lavabo"].startswith("el precio de sifon-lavabo cambia mucho (9,90 € → 99,00 €)")
    assert warnings["prov-tubo"].startswith("«Tubo de cobre 22 mm» se llama igual que tubo-cobre-22mm")


def test_an_imported_price_is_the_business_s_own_and_survives_the_seed(conn: psycopg.Connection) -> None:
    run(conn, [{"Código": "sifon-lavabo", "Precio": "11,20", "Familia": "Mis sifones"},
               {"Código": "sifon-fregadero", "Familia": "Sifones dobles", "Precio": "16,90"}], apply=True)
    conn.execute(SEED)
    assert item(conn, "sifon-lavabo")[2] == D("11.20") and item(conn, "sifon-lavabo")[5:] == (
        "Mis sifones", "material", True, False)
    # a family-only change leaves the example price an example
    assert item(conn, "sifon-fregadero")[5:] == ("Sifones dobles", "material", True, True)


def test_the_text_lists_every_row_with_its_number(conn: psycopg.Connection) -> None:
    text = run(conn, SPANISH + [{"Código": "x", "Precio": "?"}])["text"]
    assert re.search(r"^Filas con errores:\n  fila 6: falta la descripción \(hace falta para una partida nueva\); "
                     r"el precio «\?» no es un número", text, re.MULTILINE), "every problem of a row, in one line"
    assert "  fila 3 · prov-1234 · Llave de paso de latón 1/2\" marca X · ud · 12,40 € · IVA 21 % · Valvulería" in text
