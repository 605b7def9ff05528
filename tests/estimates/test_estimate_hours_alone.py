"""Hours said without a verb while a draft is open (helper `esattr`, stop 26, issue 18): "dos horas de mano de
obra", "eso lleva una hora y media de trabajo", "son 3 hs" are the open draft's hours (estimate_hours_only,
estimate_change_read), never a new estimate in place of it; "más" adds them. A thing named with the hours is more
than hours (read as before).

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py); wordings our own."""

from __future__ import annotations

from decimal import Decimal

import psycopg

from tests.estimates.helpers import draft, priced, say

LABOUR = "mano-obra-oficial"


def open_draft(conn: psycopg.Connection) -> str:
    number = draft(conn, "4 metros de tubo de cobre de 15 y 3 codos de cobre de 15")
    assert priced(conn, number).get("tubo-cobre-15mm") == 4
    return number


def test_hours_alone_set_the_drafts_hours(conn: psycopg.Connection) -> None:
    number = open_draft(conn)
    answer = say(conn, "dos horas de mano de obra")
    assert answer["action"] == "revised", answer
    got = priced(conn, number)
    assert got.get(LABOUR) == Decimal("2") and got.get("tubo-cobre-15mm") == 4, got


def test_hours_with_talk_around_them(conn: psycopg.Connection) -> None:
    number = open_draft(conn)
    answer = say(conn, "eso lleva una hora y media de trabajo")
    assert answer["action"] == "revised", answer
    assert priced(conn, number).get(LABOUR) == Decimal("1.5")


def test_more_hours_alone_add(conn: psycopg.Connection) -> None:
    number = open_draft(conn)
    say(conn, "son 2 hs")
    answer = say(conn, "como 1 hora más")
    assert answer["action"] == "revised", answer
    assert priced(conn, number).get(LABOUR) == Decimal("3")


def test_hours_only_reads_only_hours(conn: psycopg.Connection) -> None:
    rows = conn.execute(
        "SELECT p, estimate_hours_only(estimate_plain(p)) FROM unnest(ARRAY['dos horas de mano de obra', 'son 3 hs',"
        " '2 horas y un codo', '2 horas en la cocina', 'tres codos', 'presupuesto 2 horas']) p").fetchall()
    assert dict(rows) == {"dos horas de mano de obra": True, "son 3 hs": True, "2 horas y un codo": False,
                          "2 horas en la cocina": False, "tres codos": False, "presupuesto 2 horas": False}
