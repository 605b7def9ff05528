"""The customer's Accept / Reject (page.sql, estimate_page_decide): a decision is only about the revision the
customer's page showed. A page opened before the plumber changed the estimate cannot accept the newer one."""

from __future__ import annotations

import psycopg
import pytest

from .helpers import create, estimate

JOB = [{"item": "calentador-electrico-80l", "quantity": 1}, {"labour_hours": 2.5},
       {"item": "desplazamiento", "quantity": 1}]
URL = "https://r.example"


def decide(conn: psycopg.Connection, number: str, decision: str, revision: str | None) -> dict:
    token = estimate(conn, number)["access_token"]
    return conn.execute("SELECT estimate_page_decide(%s, %s, %s, %s, %s, %s)",
                        (number, token, decision, "vale", URL, revision)).fetchone()[0]


def revise(conn: psycopg.Connection, number: str, hours: float) -> None:
    conn.execute("SELECT estimate_revise(%s, %s::jsonb)",
                 (number, f'[{{"item": "calentador-electrico-80l", "quantity": 1}}, {{"labour_hours": {hours}}}]'))


def test_the_revision_the_page_showed_is_accepted(conn: psycopg.Connection) -> None:
    number = create(conn, JOB)
    revise(conn, number, 3)
    page = conn.execute("SELECT estimate_page(%s, %s, %s)", (number, estimate(conn, number)["access_token"], URL)
                        ).fetchone()[0]
    assert page["revision"] == 2
    result = decide(conn, number, "accepted", str(page["revision"]))
    assert result["outcome"] == "decided" and result["status"] == "accepted"
    assert estimate(conn, number)["status"] == "accepted"


@pytest.mark.parametrize("shown", ["1", None, "", "dos", "2.0", "99999999"],
                         ids=["older", "missing", "empty", "words", "decimal", "too long"])
def test_a_decision_on_another_revision_is_refused_as_stale_and_nothing_is_recorded(
        conn: psycopg.Connection, shown: str | None) -> None:
    number = create(conn, JOB)
    revise(conn, number, 3)
    for decision in ("accepted", "rejected"):
        result = decide(conn, number, decision, shown)
        assert result["outcome"] == "refused" and result["code"] == "stale", result
        assert "ha cambiado desde que abrió la página (ahora es la revisión 2)" in result["reason"]
        # the page that comes back is the latest revision, for the customer to read and decide again
        assert result["page"]["revision"] == 2 and result["page"]["can_decide"] is True
        row = estimate(conn, number)
        assert (row["status"], row["decided_at"], row["decision_note"]) == ("draft", None, None)


def test_a_decided_estimate_says_so_whatever_revision_the_form_carries(conn: psycopg.Connection) -> None:
    number = create(conn, JOB)
    assert decide(conn, number, "accepted", "1")["outcome"] == "decided"
    again = decide(conn, number, "rejected", "7")
    assert (again["outcome"], again["code"]) == ("refused", "55000")
    assert estimate(conn, number)["status"] == "accepted"


def test_a_wrong_token_is_not_found_before_any_revision_check(conn: psycopg.Connection) -> None:
    number = create(conn, JOB)
    result = conn.execute("SELECT estimate_page_decide(%s, %s, 'accepted', '', %s, '1')",
                          (number, "0" * 32, URL)).fetchone()[0]
    assert result == {"outcome": "not_found"}
