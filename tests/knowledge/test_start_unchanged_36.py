"""A start that finds nothing changed writes nothing it does not need (stop 36, tidy36; bench/TIDY-36.md). Every
start applies every SQL file again; until stop 36 a start with unchanged files and rows still
- rebuilt the nearest-word index (REINDEX kb_lexicon_trgm_idx in knowledge/schema.sql, every start),
- wrote the synonym 'estanque del bano' twice, with the note of knowledge/seed.sql and then seed-regional.sql's
  (a new updated_at: the knowledge inputs differed, so the row of start_builds was written again, and stems of
  kb_lexicon with it),
- added three example questions (seed-drains.sql) and three exclusions (seed-gaps.sql) that seed-neighbours.sql
  removes again (kb_terms, kb_lexicon and kb_article_lengths rows rewritten),
- wrote the descriptions of the safety settings, measures and acts (knowledge/answer.sql, safety-links.sql), of
  remedios_settings (schema.sql) and every seeded estimate job rule (estimate_seed_job) with the same values.

Still written at every start, on purpose: the page template (load_page_templates, estimates/page.sql): the file is
checked and read into its pieces again by this version's functions (updated_at kept when the text is the same).

A database of this module's own: the files applied once (a copy of the session's template), then as the second
start, the third, and a start after a staff edit, each committed."""

from __future__ import annotations

import psycopg
import pytest

from devstack.postgres import DatabaseInfo, apply_schema
from tests.support.db_fixtures import own_database
from tests.support.start_builds import ESTIMATES, KNOWLEDGE, LEXICON_INDEX, current, written_by

once = own_database("start_unchanged", times=1)
# Re-read at every start by this version's page_template_check / page_template_tokens (see above).
EVERY_START = {"page_templates": "1 written"}


@pytest.fixture(scope="module")
def starts(once: DatabaseInfo) -> dict[str, dict[str, str]]:
    """What the second and the third application wrote."""
    second = written_by(once, lambda: apply_schema(once))
    third = written_by(once, lambda: apply_schema(once))
    return {"second": second, "third": third}


def test_the_second_start_records_the_later_files_functions_and_writes_nothing_else(
        starts: dict[str, dict[str, str]]) -> None:
    # The first start recorded each side's functions as they were at the end of its last file (feedback.sql,
    # revise.sql): the second records those the later files defined too (stop 34's design, start_build_recorded);
    # no rebuild, no index rebuilt, no other row.
    assert starts["second"] == {"start_builds": "2 written", **EVERY_START}


def test_the_third_start_writes_nothing(starts: dict[str, dict[str, str]], once: DatabaseInfo) -> None:
    assert starts["third"] == EVERY_START
    with psycopg.connect(once.url) as conn:
        assert current(conn, KNOWLEDGE) and current(conn, ESTIMATES)
        assert conn.execute("SELECT count(*) FROM kb_synonyms WHERE term = 'estanque del bano'").fetchone()[0] == 1


def test_a_start_after_a_staff_edit_rebuilds_the_stems_and_the_index(
        starts: dict[str, dict[str, str]], once: DatabaseInfo) -> None:
    with psycopg.connect(once.url, autocommit=True) as conn:
        conn.execute("INSERT INTO kb_synonyms (term, canonical) VALUES ('zzestanquito', 'cisterna')")
    try:
        wrote = written_by(once, lambda: apply_schema(once))
        assert wrote.get(LEXICON_INDEX) == "rebuilt", wrote
        assert {"kb_terms", "kb_lexicon", "kb_article_lengths", "start_builds"} <= wrote.keys(), wrote
    finally:
        with psycopg.connect(once.url, autocommit=True) as conn:
            conn.execute("DELETE FROM kb_synonyms WHERE term = 'zzestanquito'")
