"""Small helpers shared by the estimate tests: create an estimate, read it back with exact Decimals, and call the
rule functions (match words, draft, converse) as the chat does for one test conversation."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import psycopg
from psycopg.rows import dict_row

CENT = Decimal("0.01")
CONVERSATION = "web:test"  # the one conversation the rule tests talk in


def cents(value: Decimal) -> Decimal:
    """The oracle: round half away from zero to the cent (what a shop's calculator does), in Decimal."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def create(
    conn: psycopg.Connection, items: Any, conversation: str | None = "web:test", notes: str | None = None
) -> str:
    result = conn.execute(
        "SELECT estimate_create(%s, %s::jsonb, %s) ->> 'number'", (conversation, json.dumps(items), notes)
    ).fetchone()
    assert result is not None
    return result[0]


def estimate(conn: psycopg.Connection, number: str) -> dict[str, Any]:
    with conn.cursor(row_factory=dict_row) as cur:
        row = cur.execute("SELECT * FROM estimates WHERE number = %s", (number,)).fetchone()
    assert row is not None
    return row


def lines(conn: psycopg.Connection, number: str) -> list[dict[str, Any]]:
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(
            "SELECT l.* FROM estimate_lines l JOIN estimates e ON e.id = l.estimate_id"
            " WHERE e.number = %s ORDER BY l.position",
            (number,),
        ).fetchall()


def add_item(
    conn: psycopg.Connection,
    code: str,
    price: str,
    kind: str = "material",
    unit: str = "ud",
    name: str | None = None,
    aliases: str = "",
    taxable: bool = True,
) -> None:
    conn.execute(
        "INSERT INTO price_catalog (code, kind, name, unit, unit_price, aliases, taxable)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s)",
        (code, kind, name or f"Artículo de prueba {code}", unit, Decimal(price), aliases, taxable),
    )


def match(conn: psycopg.Connection, text: str) -> dict[str, Any]:
    """What estimate_match reads in the plumber's words."""
    return conn.execute("SELECT estimate_match(%s)", (text,)).fetchone()[0]


def draft(conn: psycopg.Connection, text: str) -> str:
    """A new estimate in CONVERSATION with the items the words name; its number."""
    found = match(conn, text)
    made = conn.execute("SELECT estimate_create(%s, %s::jsonb)", (CONVERSATION, json.dumps(found["items"]))).fetchone()[0]
    return made["number"]


def say(conn: psycopg.Connection, text: str) -> dict[str, Any]:
    """The plumber's next message in CONVERSATION, as estimate_converse answers it."""
    return conn.execute("SELECT estimate_converse(%s, %s, 'm1', 'https://r.example')", (CONVERSATION, text)).fetchone()[0]


def codes(conn: psycopg.Connection, number: str) -> list[tuple[str | None, Decimal, bool]]:
    """An estimate's lines as (catalogue code, quantity, a cotizar)."""
    return [(line["catalog_code"], line["quantity"], line["to_quote"]) for line in lines(conn, number)]


def priced(conn: psycopg.Connection, number: str) -> dict[str, Decimal]:
    """An estimate's priced lines (not a cotizar) as {catalogue code: quantity}."""
    return {code: quantity for code, quantity, to_quote in codes(conn, number) if code and not to_quote}


def revised(conn: psycopg.Connection, text: str) -> dict[str, Any]:
    """The plumber's next message in CONVERSATION, which must revise the draft: estimate_converse's answer."""
    answer = say(conn, text)
    assert answer["action"] == "revised", answer
    return answer


SERVICE_CODES = ("mano-obra-oficial", "desplazamiento")  # the labour and call-out rows every draft may add


def catalogue_prices(conn: psycopg.Connection) -> dict[str, Decimal]:
    return dict(conn.execute("SELECT code, unit_price FROM price_catalog").fetchall())


def assert_lines(conn: psycopg.Connection, number: str, want: list[tuple[str | None, str, bool]]) -> None:
    """The estimate's lines are exactly `want` (code, quantity, a cotizar), and its subtotal and total are the
    catalogue's prices of the priced lines times their quantities, each line rounded to the cent, plus the tax
    rounded to the cent (a line a cotizar adds nothing)."""
    assert codes(conn, number) == [(code, Decimal(qty), to_quote) for code, qty, to_quote in want]
    prices = catalogue_prices(conn)
    subtotal = sum((cents(Decimal(qty) * prices[code]) for code, qty, to_quote in want if not to_quote), Decimal(0))
    row = estimate(conn, number)
    assert (row["subtotal"], row["total"]) == (subtotal, subtotal + cents(subtotal * row["tax_rate"]))


def drafted_materials(conn: psycopg.Connection, text: str, expected: dict[str, int]) -> list[dict[str, Any]]:
    """The draft of the request has exactly the expected priced materials (labour and call-out aside), and its
    subtotal is the catalogue's prices times the counts of all its priced lines; its lines."""
    number = draft(conn, text)
    got = lines(conn, number)
    materials = {x["catalog_code"]: int(x["quantity"]) for x in got
                 if x["catalog_code"] and not x["to_quote"] and x["catalog_code"] not in SERVICE_CODES}
    assert materials == expected, [(x["description"], x["quantity"], x["to_quote"]) for x in got]
    prices = catalogue_prices(conn)
    want = sum((prices[x["catalog_code"]] * x["quantity"] for x in got if x["catalog_code"] and not x["to_quote"]),
               Decimal(0))
    assert estimate(conn, number)["subtotal"] == want.quantize(CENT)
    return got

