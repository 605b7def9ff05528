"""Rules written from the fourth independent set's failures (issue 18; eval/ESTIMATES-INDEPENDENT-4.md, now
consumed by branch esrules3). Against the real Postgres functions and the seeded catalogue and synonym list
(tests/estimates/conftest.py)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import psycopg
import pytest

from tests.estimates.helpers import lines

CONVERSATION = "web:test"


def match(conn: psycopg.Connection, text: str) -> dict[str, Any]:
    return conn.execute("SELECT estimate_match(%s)", (text,)).fetchone()[0]


def draft(conn: psycopg.Connection, text: str) -> str:
    found = match(conn, text)
    made = conn.execute("SELECT estimate_create(%s, %s::jsonb)", (CONVERSATION, json.dumps(found["items"]))).fetchone()[0]
    return made["number"]


def say(conn: psycopg.Connection, text: str) -> dict[str, Any]:
    return conn.execute("SELECT estimate_converse(%s, %s, 'm1', 'https://r.example')", (CONVERSATION, text)).fetchone()[0]


def codes(conn: psycopg.Connection, number: str) -> list[tuple[str | None, Decimal, bool]]:
    return [(line["catalog_code"], line["quantity"], line["to_quote"]) for line in lines(conn, number)]


# --- the words after an item: one function for sections 3d and 3e of estimate_match_words -------------------

@pytest.mark.parametrize("tokens, at, expected", [
    (["#1#", "a", "gas", "11", "l", "y", "#2#"], 1, " a gas 11 l"),
    (["#1#", "a", "gas", "#2#", "electrico"], 1, " a gas"),
    (["cambiar", "#1#"], 2, ""),
    (["#1#", "y", "tiro", "natural"], 1, ""),
    (["cambiar", "#1#", "tiro", "natural"], 1, ""),
    (["cambiar", "#1#", "tiro", "natural"], 2, " tiro natural"),
])
def test_the_clause_after_an_item_stops_at_the_next_item_or_y(conn: psycopg.Connection, tokens: list[str], at: int,
                                                              expected: str) -> None:
    assert conn.execute("SELECT estimate_clause_after(%s, %s)", (tokens, at)).fetchone()[0] == expected
