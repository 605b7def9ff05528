"""price_catalog_save(): what the staff price form calls. Every field as a web form sends it (text), checked
in one place; a refused form changes nothing."""

from __future__ import annotations

import re
from decimal import Decimal

import psycopg
import pytest


def save(conn: psycopg.Connection, code: str, name: str = "", kind: str = "", unit: str = "", price: str = "",
         aliases: str = "", taxable: str = "", active: str = "") -> dict:
    return conn.execute("SELECT price_catalog_save(%s, %s, %s, %s, %s, %s, %s, %s)",
                        (code, name, kind, unit, price, aliases, taxable, active)).fetchone()[0]


def row(conn: psycopg.Connection, code: str) -> tuple:
    return conn.execute("SELECT name, kind, unit, unit_price, aliases, taxable, active FROM price_catalog "
                        "WHERE code = %s", (code,)).fetchone()


def test_a_new_item_needs_name_kind_unit_and_price_and_words_become_codes(conn: psycopg.Connection) -> None:
    saved = save(conn, " Bomba-Achique ", "Bomba de achique 400 W", "Material", "ud", "149,90",
                 "bomba sumergible, bomba de drenaje", "Sí", "Sí")
    assert saved["action"] == "creado" and saved["code"] == "bomba-achique"
    assert saved["message"] == "Guardado (creado): bomba-achique · Bomba de achique 400 W · 149,90 € sin IVA por ud."
    assert row(conn, "bomba-achique") == ("Bomba de achique 400 W", "material", "ud", Decimal("149.90"),
                                          "bomba sumergible, bomba de drenaje", True, True)
    save(conn, "tasa-vado", "Tasa de vado", "tasa", "ud", "30", "", "No", "(sin cambiar)")
    assert row(conn, "tasa-vado")[1:6:4] == ("permit", False)


def test_a_change_touches_only_the_fields_given_and_adds_aliases(conn: psycopg.Connection) -> None:
    before = row(conn, "sifon-lavabo")
    saved = save(conn, "sifon-lavabo", price="10.5", aliases="sifón de botella cromado", kind="(sin cambiar)")
    assert saved["action"] == "actualizado"
    after = row(conn, "sifon-lavabo")
    assert after[3] == Decimal("10.50") and after[4] == before[4] + ", sifón de botella cromado"
    assert after[:3] == before[:3] and after[5:] == before[5:]
    assert "DESACTIVADO" in save(conn, "sifon-lavabo", active="No")["message"]


@pytest.mark.parametrize("fields, message", [
    ({"code": "Mal Código"}, 'el código "mal código" no vale'),
    ({"code": "nuevo-sin-datos", "name": "Algo"}, '"nuevo-sin-datos" no existe; para crearlo hacen falta'),
    ({"code": "sifon-lavabo", "price": "mucho"}, 'precio "mucho" no válido'),
    ({"code": "sifon-lavabo", "price": "9,999"}, 'precio "9,999" no válido'),
    ({"code": "sifon-lavabo", "price": "-3"}, 'precio "-3" no válido'),
    ({"code": "sifon-lavabo", "kind": "chorizo"}, 'tipo "chorizo" desconocido'),
    ({"code": "sifon-lavabo", "unit": "metros cúbicos"}, 'unidad "metros cúbicos" no válida'),
    ({"code": "sifon-lavabo", "taxable": "quizá"}, '"¿Lleva IVA?" debe ser Sí o No'),
    ({"code": "sifon-lavabo", "name": "x" * 201}, "demasiado largos"),
], ids=["code", "new without data", "price words", "3 decimals", "negative", "kind", "unit", "taxable", "long"])
def test_a_value_that_cannot_be_used_is_refused_in_spanish_and_changes_nothing(
        conn: psycopg.Connection, fields: dict, message: str) -> None:
    before = row(conn, "sifon-lavabo")
    with pytest.raises(psycopg.errors.InvalidParameterValue, match=re.escape(message)):
        with conn.transaction():
            save(conn, active="No", **fields)
    assert row(conn, "sifon-lavabo") == before
