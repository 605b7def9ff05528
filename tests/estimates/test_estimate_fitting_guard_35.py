"""Stop 34's fitting guard (estimate_fitting_guard, helper est34) mended by est35: a pipe said with its length, use
and material stays the pipe line, while a fitting at a size the catalogue lacks is still never the pipe of that size.
On est34's branch "4 metros de tubo de desagüe de pvc de 50" became the line a cotizar "desague pvc 50" (the word
"desagüe" begins a drain row's name, so it was read as another thing said before "pvc 50"); the word is one of the
PVC pipe's own aliases ("tubo de desague 50"), so it now names the pipe. The wordings are our own.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.estimates.helpers import match
from tests.support.estimate_talk import catalogue, converse, said_items


def _items(found: dict) -> list[tuple[str | None, object]]:
    return said_items(found, call_out=False)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # a use word of the pipe's own aliases between the pipe's word and its material
        ("4 metros de tubo de desagüe de pvc de 50", [("tubo-pvc-50mm", 4)]),
        ("2 tubos de desagüe de pvc de 110", [("tubo-pvc-110mm", 2)]),
        ("6 m de tubería de desagüe de pvc de 110", [("tubo-pvc-110mm", 6)]),
        # the length after the pipe, and the material alone with a length
        ("tubo multicapa de 16, 6 m", [("tubo-multicapa-16mm", 6)]),
        ("2 m de cobre de 22", [("tubo-cobre-22mm", 2)]),
        # a fitting said first keeps its own row, the pipe after it keeps its length
        ("un codo de pvc de 50 y 4 metros de tubo de desagüe de pvc de 50", [("codo-pvc-50mm", 1), ("tubo-pvc-50mm", 4)]),
    ],
)
def test_a_pipe_with_its_length_and_material_is_the_pipe_line(
    conn: psycopg.Connection, words: str, expected: list[tuple[str, int]]
) -> None:
    assert _items(match(conn, words)) == expected


def test_the_drain_pipe_is_priced_on_the_draft_by_the_metre(conn: psycopg.Connection) -> None:
    talk = converse(conn, "4 metros de tubo de desagüe de pvc de 50")
    assert [(c, q) for c, q, _ in talk.materials()] == [("tubo-pvc-50mm", Decimal("4"))]


def test_an_elbow_said_with_a_word_of_the_pipe_is_the_elbow_alone(conn: psycopg.Connection) -> None:
    # "bajante" is a word of the 110 mm PVC pipe's aliases: the elbow of that size is priced, no pipe and no line a
    # cotizar beside it
    assert _items(match(conn, "un codo de bajante de pvc de 110")) == [("codo-pvc-110mm", 1)]


def test_what_the_guard_was_for_still_holds(conn: psycopg.Connection) -> None:
    codes = catalogue(conn)
    assert "te-cobre-35mm" not in codes and "codo-ppr-40mm" not in codes
    found = match(conn, "un te de cobre de 35")
    assert found["priced"] == 0 and [q for _, q in _items(found)] == [1], found["items"]
    found = match(conn, "3 codos ppr de 40 y 2 metros de tubo de desagüe de pvc de 50")
    items = _items(found)
    assert ("tubo-pvc-50mm", 2) in items and "tubo-ppr-40mm" not in [c for c, _ in items], items
    assert [q for c, q in items if c not in codes] == [3], items
