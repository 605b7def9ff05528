"""A line a cotizar shows the plumber's own words, never the folded form the reading compares (stop 31, issue 18).

The reading folds words so that spellings meet ("llaves" and "yaves" are both "yabe", "lavadero" is "labadero",
"válvula" is "balbula"). A line the catalogue cannot price carries the words it was read from, and on main some of
those lines carried the folded form: the plumber's card and the customer's page said "yabe" (seen in the scorer's
output of many tuning cases: 2 llaves esféricas, 2 llaves angulares, llave de chorro angular…). The fix is at the
display: each such item carries "shown" (its text in the message's own words) and the line a cotizar is described
by it; "item" is untouched, so every later reading of the item reads it as before (stop 30's first try rewrote the
item and broke two of those readings). Our own wordings, never a held-out case; Postgres with the seeded catalogue.
"""

from __future__ import annotations

import re

import psycopg
import pytest

from tests.estimates.helpers import create, draft, lines, match

FOLDED = re.compile(r"\b(yabe|yabes|labadero|balbula|flexibl)\b")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('presupuesto: una bomba de 1/2 HP y 2 llaves esfericas de 1". 4 hs', "llaves"),
        ("cotizacion: 1 inodoro y 2 yaves de bola de 5/8, 2 horas", "bola 5/8"),
        ("cotizame un inodoro con su manguera de abasto y la llave de chorro angular, dos horas", "angular"),
    ],
)
def test_a_line_a_cotizar_keeps_the_words_as_written(conn: psycopg.Connection, text: str, shown: str) -> None:
    number = draft(conn, text)
    quoted = [line["description"] for line in lines(conn, number) if line["to_quote"]]
    assert quoted, lines(conn, number)
    assert not [d for d in quoted if FOLDED.search(d)], quoted
    assert any(shown in d for d in quoted), quoted


def test_catalogue_codes_are_not_touched(conn: psycopg.Connection) -> None:
    items = match(conn, "cambiar la llave de paso de media y el grifo del lavadero")["items"]
    assert {"llave-paso-1-2", "grifo-lavadero"} <= {item.get("item") for item in items}, items


def test_a_word_the_message_lacks_stays_as_read(conn: psycopg.Connection) -> None:
    """A synonym's word or a size the message does not have is left as the reading wrote it (nothing invented);
    the item's own text and a catalogue code are untouched."""
    as_said = conn.execute(
        "SELECT estimate_items_as_said(%s, %s::jsonb)",
        ("dos yaves de bola", '{"items": [{"item": "yabe bola 5/8", "quantity": 2}, {"item": "llave-paso-1-2"}]}'),
    ).fetchone()[0]
    assert as_said["items"] == [
        {"item": "yabe bola 5/8", "quantity": 2, "shown": "yaves bola 5/8"},
        {"item": "llave-paso-1-2"},
    ]


def test_accents_are_the_plumbers(conn: psycopg.Connection) -> None:
    as_said = conn.execute(
        "SELECT estimate_items_as_said(%s, %s::jsonb)",
        ("Cambiar 2 válvulas esféricas", '{"items": [{"item": "balbula esferica", "quantity": 2}]}'),
    ).fetchone()[0]
    assert as_said["items"][0]["shown"] == "válvulas esféricas"


def test_a_priced_line_is_the_catalogue_name_whatever_shown_says(conn: psycopg.Connection) -> None:
    number = create(conn, [{"item": "llave-paso-1-2", "quantity": 1, "shown": "otra cosa"}])
    (line,) = lines(conn, number)
    assert not line["to_quote"] and line["description"] != "otra cosa"
    assert line["requested"] == "llave-paso-1-2"


@pytest.mark.parametrize(
    "bad",
    [
        {"item": "x", "quantity": 1, "shown": 3},
        {"item": "x", "quantity": 1, "shown": "a; DROP"},
        {"labour_hours": 2, "shown": "horas"},
        {"item": "x", "quantity": 1, "shown": "x" * 201},
        {"item": "x", "quantity": 1, "shown": "  "},
    ],
)
def test_shown_is_checked_like_an_item(conn: psycopg.Connection, bad: dict) -> None:
    with pytest.raises(psycopg.errors.InvalidParameterValue, match="shown debe ser"), conn.transaction():
        create(conn, [bad])
