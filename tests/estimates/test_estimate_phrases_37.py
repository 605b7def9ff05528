"""The revision phrases' cache is written only when its rows change (helper `est37`, stop 37; issue 18). est36-wip
rebuilt estimate_revision_phrase_cache at every start and on every statement on estimate_revision_phrases (the
seed's INSERT … ON CONFLICT DO NOTHING fires the statement trigger too), so an unchanged second start wrote its nine
rows again (tests/knowledge/test_start_unchanged_36.py). Now a start, or a statement that changes no phrase, writes
no row of the cache; a staff edit writes the one meaning it changed; staff rows are never touched by a start and a
shipped row switched off stays off.

Against the real Postgres functions (tests/estimates/conftest.py: one connection, rolled back after each test). A
row written in this test's transaction has its xmin = txid_current()."""

from __future__ import annotations

from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
REVISE = (ROOT / "n8n-workflows" / "estimates" / "revise.sql").read_text()


def _cache_written_here(conn: psycopg.Connection) -> list[str]:
    return [m for (m,) in conn.execute(
        "SELECT meaning FROM estimate_revision_phrase_cache WHERE xmin::text = (txid_current() % (2^32)::bigint)::text "
        "ORDER BY 1").fetchall()]


def test_a_start_with_the_same_rows_writes_no_row_of_the_cache(conn: psycopg.Connection) -> None:
    # (the restart runs revise.sql again: CREATE OR REPLACE FUNCTION…, a connection of its own)
    before = conn.execute("SELECT meaning, alternation FROM estimate_revision_phrase_cache ORDER BY 1").fetchall()
    conn.execute(REVISE)                                            # a restart: every statement of the file again
    assert _cache_written_here(conn) == []
    assert conn.execute("SELECT meaning, alternation FROM estimate_revision_phrase_cache ORDER BY 1").fetchall() == before


def test_a_statement_that_changes_no_phrase_writes_no_row_of_the_cache(conn: psycopg.Connection) -> None:
    conn.execute("INSERT INTO estimate_revision_phrases (meaning, phrase, shipped) VALUES ('offer_yes', 'dale', true) "
                 "ON CONFLICT (meaning, phrase) DO NOTHING")
    conn.execute("UPDATE estimate_revision_phrases SET note = note WHERE meaning = 'undo_verb'")
    assert _cache_written_here(conn) == []


def test_a_staff_row_writes_only_its_meaning_and_a_start_keeps_it(conn: psycopg.Connection) -> None:
    # (the restart runs revise.sql again: CREATE OR REPLACE FUNCTION…, a connection of its own)
    conn.execute("INSERT INTO estimate_revision_phrases (meaning, phrase, note) VALUES ('offer_yes', 'de una', 'staff')")
    assert _cache_written_here(conn) == ["offer_yes"]
    assert conn.execute("SELECT estimate_offer_taken('de una, ponlo')").fetchone()[0]
    conn.execute(REVISE)
    assert conn.execute("SELECT estimate_offer_taken('de una, ponlo')").fetchone()[0]
    assert conn.execute("SELECT shipped, active, note FROM estimate_revision_phrases WHERE phrase = 'de una'"
                        ).fetchall() == [(False, True, "staff")]


def test_a_shipped_row_switched_off_stays_off_and_a_stale_cache_is_mended_by_a_start(conn: psycopg.Connection) -> None:
    # (the restart runs revise.sql again: CREATE OR REPLACE FUNCTION…, a connection of its own)
    conn.execute("UPDATE estimate_revision_phrases SET active = false WHERE meaning = 'price_cost' AND phrase = 'sale'")
    conn.execute(REVISE)
    assert conn.execute("SELECT active FROM estimate_revision_phrases WHERE meaning = 'price_cost' AND phrase = 'sale'"
                        ).fetchall() == [(False,)]
    assert "|sale|" not in "|" + conn.execute(
        "SELECT alternation FROM estimate_revision_phrase_cache WHERE meaning = 'price_cost'").fetchone()[0] + "|"
    # a cache edited by hand (or left by an older file) is compared and written again at the next start
    conn.execute("UPDATE estimate_revision_phrase_cache SET alternation = '(?!)' WHERE meaning = 'undo_cancel'")
    conn.execute(REVISE)
    assert conn.execute("SELECT alternation = estimate_revision_phrase_alternation_computed('undo_cancel') "
                        "FROM estimate_revision_phrase_cache WHERE meaning = 'undo_cancel'").fetchone()[0]
