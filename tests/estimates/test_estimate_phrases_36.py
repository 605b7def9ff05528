"""The revision phrases as staff-editable rows (helper `est36`, stop 36, step 3; branch est36-wip): the phrases
that estimate_undo_said, estimate_price_asked, estimate_offer_taken and estimate_offer_declined compare are rows of
estimate_revision_phrases (meaning, phrase, note), shipped by revise.sql and read through a cache a trigger and every
start rebuild. A staff row added in Postgres changes the reading, also after a restart (revise.sql run again, as
every start does); a shipped row switched off stays off; the shipped rows read as the regexes they replaced (the
same outcome on every tuning set: bench/estimates/SAID-36.md).

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
REVISE = (ROOT / "n8n-workflows" / "estimates" / "revise.sql").read_text()


def _reads(conn: psycopg.Connection, function: str, words: str) -> bool:
    return conn.execute(f"SELECT {function}(%s)", (words,)).fetchone()[0]


def test_every_meaning_is_shipped_and_cached(conn: psycopg.Connection) -> None:
    shipped = dict(conn.execute("SELECT meaning, count(*) FROM estimate_revision_phrases WHERE shipped AND active "
                                "GROUP BY meaning").fetchall())
    assert set(shipped) == {"undo_lead", "undo_verb", "undo_state", "undo_cancel", "price_cost", "offer_yes",
                            "offer_that", "offer_no_lead", "offer_no_word"}
    assert all(n >= 4 for n in shipped.values())
    assert conn.execute("SELECT count(*) FROM estimate_revision_phrase_cache c "
                        "WHERE c.alternation = estimate_revision_phrase_alternation_computed(c.meaning)").fetchone()[0] == 9
    # the shipped rows read as before
    assert _reads(conn, "estimate_undo_said", "no, déjalo como estaba")
    assert _reads(conn, "estimate_offer_taken", "dale, ese mismo")
    assert _reads(conn, "estimate_offer_declined", "no, así está bien")
    assert not _reads(conn, "estimate_offer_taken", "sí, ponle también la válvula")


def test_a_staff_row_changes_the_reading_also_after_a_restart(conn: psycopg.Connection) -> None:
    # (the restart runs revise.sql again: CREATE OR REPLACE FUNCTION…, a connection of its own)
    assert not _reads(conn, "estimate_offer_taken", "de una, ponlo")
    assert not _reads(conn, "estimate_undo_said", "reviértelo como estaba")
    conn.execute("INSERT INTO estimate_revision_phrases (meaning, phrase, note) VALUES "
                 "('offer_yes', 'de una', 'Colombia/Chile: sí, ya'), ('undo_verb', 'reviértelo', 'staff')")
    assert _reads(conn, "estimate_offer_taken", "de una, ponlo")   # at once (the trigger)
    conn.execute(REVISE)                                            # a restart
    assert _reads(conn, "estimate_offer_taken", "de una, ponlo")
    assert _reads(conn, "estimate_undo_said", "reviértelo como estaba")
    assert conn.execute("SELECT shipped, note FROM estimate_revision_phrases WHERE phrase = 'de una'").fetchall() == [
        (False, "Colombia/Chile: sí, ya")]


def test_a_shipped_row_switched_off_stays_off_after_a_restart(conn: psycopg.Connection) -> None:
    # (the restart runs revise.sql again: CREATE OR REPLACE FUNCTION…, a connection of its own)
    assert _reads(conn, "estimate_offer_taken", "dale, ponlo")
    conn.execute("UPDATE estimate_revision_phrases SET active = false WHERE meaning = 'offer_yes' AND phrase = 'dale'")
    conn.execute(REVISE)
    assert not _reads(conn, "estimate_offer_taken", "dale, ponlo")
    assert conn.execute("SELECT active FROM estimate_revision_phrases WHERE meaning = 'offer_yes' AND phrase = 'dale'"
                        ).fetchall() == [(False,)]
