"""Issue 18 (k3), helper `est36`, stop 36 (bench/estimates/SAID-36.md; branch est36-wip): when the job is done —
urgent, at night, on a Sunday or holiday — prices the call-out and the hours the catalogue has for that time, in a
first request and as a revision that says only when; a second visit adds a normal call-out. The words and rows
are estimate_settings' (staff-editable). Totals are the catalogue's prices times the quantities (helpers.py).

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.estimates.helpers import CONVERSATION, assert_lines, codes, draft, revised


def _priced(conn: psycopg.Connection, number: str) -> dict[str, Decimal]:
    got = codes(conn, number)
    assert_lines(conn, number, [(c, str(q), t) for c, q, t in got])
    return {c: q for c, q, t in got if c and not t}


@pytest.mark.parametrize(("words", "call", "hours"), [
    ("cambiar el grifo flotador de la cisterna, es una emergencia", "desplazamiento-urgente", "mano-obra-oficial"),
    ("cambiar el grifo flotador de la cisterna esta noche", "desplazamiento-urgente", "mano-obra-oficial-festivo"),
    ("cambiar el grifo flotador de la cisterna el domingo", "desplazamiento-festivo", "mano-obra-oficial-festivo"),
])
def test_a_first_request_said_with_when_prices_that_call_out(conn: psycopg.Connection, words: str, call: str,
                                                             hours: str) -> None:
    # (main: the normal call-out and hours)
    got = _priced(conn, draft(conn, words))
    assert call in got and "desplazamiento" not in got
    assert hours in got and set(got) - {call, hours} == {"mecanismo-alimentacion"}


def test_a_revision_of_when_only_changes_the_call_out_and_the_hours(conn: psycopg.Connection) -> None:
    # (main: "lo hacemos el domingo" refused; "es urgente, esta noche" a new estimate of a call-out)
    number = draft(conn, "cambiar el termo eléctrico de 50 litros")
    before = _priced(conn, number)
    assert "desplazamiento" in before and "mano-obra-oficial" in before
    revised(conn, "lo hacemos el domingo")
    after = _priced(conn, number)
    assert after["desplazamiento-festivo"] == 1 and "desplazamiento" not in after
    assert after["mano-obra-oficial-festivo"] == before["mano-obra-oficial"]
    assert after["calentador-electrico-50l"] == 1


def test_a_second_visit_is_one_more_normal_call_out(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar el monomando de cocina, es urgente")
    assert _priced(conn, number)["desplazamiento-urgente"] == 1
    revised(conn, "y agrégale una segunda visita para revisar")
    got = _priced(conn, number)
    assert got["desplazamiento-urgente"] == 1 and got["desplazamiento"] == 1


def test_the_words_of_when_are_staff_rows(conn: psycopg.Connection) -> None:
    # a staff word: "de guardia" said, the urgent call-out; before the edit, the normal one
    assert "desplazamiento" in _priced(conn, draft(conn, "cambiar el sifón de lavabo de guardia"))
    conn.execute("UPDATE estimate_settings SET urgent_words = urgent_words || ', de guardia'")
    conn.execute("DELETE FROM estimate_conversation_current WHERE conversation_id = %s", (CONVERSATION,))
    got = _priced(conn, draft(conn, "cambiar el sifón de lavabo de guardia"))
    assert "desplazamiento-urgente" in got and "desplazamiento" not in got


# --- (k2) a material swap in a revision ------------------------------------------------------------------------------

def test_a_material_said_in_place_of_a_line_swaps_the_material_not_the_count(conn: psycopg.Connection) -> None:
    # (main: "en vez del tubo de cobre póngale multicapa de 20" made a new estimate of 1 m of multilayer)
    number = draft(conn, "5 metros de tubo de cobre de 18 y una llave de paso de 1/2")
    assert conn.execute("SELECT estimate_change_kind(%s, %s)",
                        (CONVERSATION, "en vez del tubo de cobre póngale multicapa de 20")).fetchone()[0] is not None
    revised(conn, "en vez del tubo de cobre póngale multicapa de 20")
    got = _priced(conn, number)
    assert got["tubo-multicapa-20mm"] == 5 and got["llave-paso-1-2"] == 1 and "tubo-cobre-18mm" not in got


def test_a_material_in_place_with_the_same_size(conn: psycopg.Connection) -> None:
    number = draft(conn, "10 metros de tubo multicapa de 20")
    revised(conn, "en vez de multicapa que sea pex, la misma medida")
    assert {c: q for c, q in _priced(conn, number).items() if c.startswith("tubo")} == {"tubo-pex-20mm": 10}
