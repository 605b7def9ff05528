"""A length said before a pipe named with its use, material and size ("4 metros de tubo de desagüe de pvc de 50")
is the quantity of the one priced pipe line (esfix13). On main the head word "tubo" became its own open line
with the metres, a cotizar, and the PVC 50 pipe was priced at 1 m. The wordings are our own.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.estimates.helpers import draft, match, priced


def _lines(found: dict) -> list[dict]:
    return [x for x in found["items"] if "item" in x and x["item"] != "desplazamiento"]


@pytest.mark.parametrize(
    ("words", "code", "metres"),
    [
        ("4 metros de tubo de desague de pvc de 50", "tubo-pvc-50mm", 4),
        ("6 m de tubería de desagüe pvc de 110", "tubo-pvc-110mm", 6),
        ("6 m de tubo de desagüe de pvc de 110", "tubo-pvc-110mm", 6),
        ("tres metros de caño de pvc de 40 para el desagüe", "tubo-pvc-40mm", 3),
        ("cambiar 5 metros de tubo para desague de pvc de 40", "tubo-pvc-40mm", 5),
        ("4 metros de tubo de agua de pex de 16", "tubo-pex-16mm", 4),
        ("2 tubos de desague de pvc de 110", "tubo-pvc-110mm", 2),
    ],
)
def test_a_length_before_a_pipe_named_with_its_use_is_the_one_pipe_lines(
    conn: psycopg.Connection, words: str, code: str, metres: int
) -> None:
    lines = _lines(match(conn, words))
    assert [(x["item"], x.get("quantity")) for x in lines] == [(code, metres)], lines


def test_the_metres_are_priced_on_the_draft_with_no_open_pipe_line(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 4 metros de tubo de desague de pvc de 50")
    got = priced(conn, number)
    assert got.get("tubo-pvc-50mm") == Decimal("4"), got
    found = match(conn, "cambiar 4 metros de tubo de desague de pvc de 50")
    assert not [x for x in found["items"] if x.get("choices") is not None], found["items"]


def test_two_pipes_each_keep_their_own_length(conn: psycopg.Connection) -> None:
    lines = _lines(match(conn, "4 metros de tubo de desague de pvc de 50 y 3 metros de tubo de cobre de 15"))
    got = {x["item"]: x.get("quantity") for x in lines}
    assert got == {"tubo-pvc-50mm": 4, "tubo-cobre-15mm": 3}, lines


def test_a_pipe_of_a_use_and_material_without_size_is_one_line_asked_its_size(conn: psycopg.Connection) -> None:
    lines = _lines(match(conn, "4 metros de tubo de desague de pvc"))
    assert len(lines) == 1 and lines[0].get("quantity") == 4, lines
    assert "tubo-pvc-50mm" in (lines[0].get("choices") or []), lines
