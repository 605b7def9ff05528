"""bench/quality/describe_step.py plays the asking flow as the chat workflow does (kb_answer with the pending
state): a case picked, a "ninguna" followed by a description, nothing found."""

from __future__ import annotations

import psycopg

from bench.quality.describe_step import described_by_rule, play, tally
from tests.knowledge.conftest import TWINS_QUESTION

DESCRIPTION = "es el termo eléctrico, gotea por la válvula de seguridad cuando calienta"


def test_a_right_case_offered_is_picked(conn: psycopg.Connection, twins: list[dict]) -> None:
    row = play(conn, TWINS_QUESTION, twins[1]["slug"], None)
    assert row == {"path": "asked, picked the right case", "final": twins[1]["slug"], "what_if": twins[1]["slug"],
                   "offered": []}


def test_ninguna_then_the_description_is_searched_never_the_refused(conn: psycopg.Connection,
                                                                    twins: list[dict]) -> None:
    row = play(conn, TWINS_QUESTION, "not-offered", DESCRIPTION)
    assert row["path"] == "asked, ninguna, described" and row["final"] is None, "not the right case: ninguna again"
    assert "termo" in row["offered"][0] and not set(row["offered"]) & {c["slug"] for c in twins}
    termo = play(conn, TWINS_QUESTION, row["offered"][0], DESCRIPTION)
    assert termo["final"] == row["offered"][0], "the right case offered after the description: picked"
    silent = play(conn, TWINS_QUESTION, "not-offered", None)
    assert silent["path"] == "asked, ninguna, described" and silent["final"] is None


def test_nothing_found_is_not_sure_and_the_what_if_searches_the_description(conn: psycopg.Connection) -> None:
    row = play(conn, "¿quién ganó el mundial de fútbol de 1986?", "x", DESCRIPTION)
    assert row["path"] == "nothing found" and row["final"] is None and row["what_if"] is None
    hit = play(conn, "¿quién ganó el mundial de fútbol de 1986?", row["offered"][0], DESCRIPTION)
    assert "termo" in hit["what_if"], "what-if: the description's cases offered, the right one picked"


def test_the_whole_chat_credit_counts_a_description_as_not_sure() -> None:
    rows = [{"path": "asked, ninguna, described", "final": "a", "what_if": "a", "label": "a", "offered": ["c", "a"]},
            {"path": "answered", "final": "b", "what_if": "b", "label": "a", "offered": []}]
    assert tally(rows, "final", False) == {"right": "0 (0.0%)", "wrong": "1 (50.0%)", "not sure": "1 (50.0%)"}
    assert tally(rows, "final", True) == {"right": "1 (50.0%)", "wrong": "1 (50.0%)", "not sure": "0 (0.0%)"}
    by_rule = described_by_rule(rows)
    assert by_rule["offer the cases (stop 24)"] == {"right (picked)": 1}
    assert by_rule["answer the first case (stop 23)"] == {"wrong": 1}
