"""IVA per catalogue item (price_catalog.vat_rate), the family of an item, and the `example` flag on the seed's
prices. Totals stay exact to the cent: the tax is rounded once per rate, on the sum of that rate's lines, and an
estimate already made never changes."""

from __future__ import annotations

from decimal import Decimal as D

import psycopg

from .conftest import ESTIMATES
from .helpers import add_item, cents, create, estimate, lines

SEED = (ESTIMATES / "seed.sql").read_text()


def card(conn: psycopg.Connection, number: str) -> dict:
    return conn.execute("SELECT estimate_card(%s, 'https://x')", (number,)).fetchone()[0]


def text(conn: psycopg.Connection, number: str) -> str:
    return conn.execute("SELECT estimate_as_text(%s)", (number,)).fetchone()[0]


def test_with_one_rate_nothing_changes_the_tax_is_rounded_once_on_the_base(conn: psycopg.Connection) -> None:
    number = create(conn, [{"item": "tubo-cobre-15mm", "quantity": 3.333}, {"item": "sifon-lavabo", "quantity": 1}])
    e = estimate(conn, number)
    assert e["tax_rate"] == D("0.21") and e["tax"] == cents(e["taxable_base"] * D("0.21"))
    assert [line["tax_rate"] for line in lines(conn, number)] == [D("0.21"), D("0.21")]
    assert f"IVA (21 %): {str(e['tax']).replace('.', ',')} €" in text(conn, number)
    assert card(conn, number)["tax_rate"] == 0.21 and len(card(conn, number)["taxes"]) == 1


def test_an_item_with_its_own_rate_is_taxed_at_it_and_each_rate_is_rounded_on_its_own_base(
        conn: psycopg.Connection) -> None:
    add_item(conn, "prueba-reducido", "10.05")
    conn.execute("UPDATE price_catalog SET vat_rate = 0.10 WHERE code = 'prueba-reducido'")
    items = [{"item": "tubo-cobre-15mm", "quantity": 1.5}, {"item": "prueba-reducido", "quantity": 3},
             {"item": "tasa-obra-menor", "quantity": 1}, {"labour_hours": 1.25}]
    number = create(conn, items)
    e = estimate(conn, number)
    base21 = cents(D("1.5") * D("9.40")) + cents(D("1.25") * D("38.00"))
    base10 = cents(3 * D("10.05"))
    assert e["taxable_base"] == base21 + base10            # the municipal fee carries no IVA at all
    assert e["tax"] == cents(base21 * D("0.21")) + cents(base10 * D("0.10"))
    assert e["total"] == e["subtotal"] + e["tax"] and e["deposit"] == cents(e["total"] * D("0.30"))
    assert e["tax_rate"] == D("0.21"), "several rates: the estimate keeps the general rate"
    assert [line["tax_rate"] for line in lines(conn, number)] == [D("0.21"), D("0.10"), None, D("0.21")]
    shown = text(conn, number)
    assert "IVA (21 % sobre 61,60 €): 12,94 €" in shown and "IVA (10 % sobre 30,15 €): 3,02 €" in shown
    assert "IVA (21 %):" not in shown
    c = card(conn, number)
    assert c["tax_rate"] is None, "no single rate to show in the chat's card"
    assert c["taxes"] == [{"rate": 0.21, "base": 61.60, "tax": 12.94}, {"rate": 0.10, "base": 30.15, "tax": 3.02}]
    page = conn.execute("SELECT estimate_page(%s, access_token, 'https://x') FROM estimates WHERE number = %s",
                        (number, number)).fetchone()[0]
    assert page["money"]["tax_rate"] == "21 % y 10 %" and page["money"]["tax"] == "15,96 €"


def test_when_every_line_has_the_same_other_rate_the_estimate_shows_that_rate(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE price_catalog SET vat_rate = 0.10 WHERE code IN ('sifon-lavabo', 'mano-obra-oficial')")
    number = create(conn, [{"item": "sifon-lavabo", "quantity": 1}, {"labour_hours": 0.5}])
    e = estimate(conn, number)
    assert (e["tax_rate"], e["tax"]) == (D("0.10"), cents((D("9.90") + D("19.00")) * D("0.10")))
    assert "IVA (10 %): 2,89 €" in text(conn, number) and card(conn, number)["tax_rate"] == 0.10


def test_a_stored_estimate_never_changes_when_rates_prices_or_settings_do(conn: psycopg.Connection) -> None:
    number = create(conn, [{"item": "sifon-lavabo", "quantity": 2}, {"labour_hours": 1}])
    before = (estimate(conn, number), lines(conn, number), text(conn, number))
    conn.execute("UPDATE price_catalog SET vat_rate = 0.04, unit_price = 99 WHERE code = 'sifon-lavabo'")
    conn.execute("UPDATE estimate_settings SET tax_rate = 0.10")
    assert (estimate(conn, number), lines(conn, number), text(conn, number)) == before


def test_lines_made_before_per_item_iva_use_their_estimate_s_rate(conn: psycopg.Connection) -> None:
    number = create(conn, [{"item": "sifon-lavabo", "quantity": 1}])
    conn.execute("UPDATE estimate_lines SET tax_rate = NULL")   # as stored before the column existed
    e = estimate(conn, number)
    assert card(conn, number)["taxes"] == [{"rate": 0.21, "base": 9.90, "tax": float(e["tax"])}]
    assert "IVA (21 %): 2,08 €" in text(conn, number)


def test_the_seed_marks_its_prices_as_examples_until_someone_else_changes_them(conn: psycopg.Connection) -> None:
    total, examples, families = conn.execute(
        "SELECT count(*), count(*) FILTER (WHERE example), count(*) FILTER (WHERE family <> '') FROM price_catalog"
    ).fetchone()
    assert total == examples == families
    conn.execute("UPDATE price_catalog SET aliases = aliases || ', sifon cromado' WHERE code = 'sifon-lavabo'")
    conn.execute("UPDATE price_catalog SET unit_price = 11.50 WHERE code = 'sifon-fregadero'")
    flags = dict(conn.execute("SELECT code, example FROM price_catalog WHERE code IN ('sifon-lavabo', 'sifon-fregadero')").fetchall())
    assert flags == {"sifon-lavabo": True, "sifon-fregadero": False}, "only the price makes it the business's own"
    # The seed writes the example price again only where it may (the row untouched since seeded).
    conn.execute("UPDATE price_catalog SET seed_md5 = content_md5 WHERE code = 'sifon-fregadero'")
    conn.execute(SEED)
    assert conn.execute("SELECT unit_price, example FROM price_catalog WHERE code = 'sifon-fregadero'").fetchone() == (
        D("16.90"), True)
    add_item(conn, "prueba-propia", "5.00")
    assert conn.execute("SELECT example, family FROM price_catalog WHERE code = 'prueba-propia'").fetchone() == (
        False, "")


def test_the_seed_fills_an_empty_family_and_never_overwrites_one(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE price_catalog SET family = 'Mis sifones' WHERE code = 'sifon-lavabo'")
    conn.execute("UPDATE price_catalog SET family = '' WHERE code = 'sifon-fregadero'")
    conn.execute(SEED)
    families = dict(conn.execute("SELECT code, family FROM price_catalog WHERE code IN ('sifon-lavabo', 'sifon-fregadero')").fetchall())
    assert families == {"sifon-lavabo": "Mis sifones", "sifon-fregadero": "Desagües y sifones"}
