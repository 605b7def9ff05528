"""A start whose inputs did not change keeps the search's stems (stop 34, speed34): knowledge/schema.sql rebuilt
kb_terms, kb_lexicon, kb_article_lengths and the stems of kb_synonyms and kb_exclusions on every start (3 s, 10 s
under load); now kb_rebuild() runs only when the functions, the text-search configuration, the rows it reads or the
sizes of what it writes differ from what the last start ended with (kb_rebuilds, recorded at the end of
feedback.sql). What a start keeps must be what the rebuild writes."""

from __future__ import annotations

import psycopg

# What the search reads of the rebuild's work, as sorted rows.
TABLES = {
    "kb_terms": "SELECT article_id, example_id, lexeme, place::text FROM kb_terms ORDER BY 1, 2 NULLS FIRST, 3, 4",
    "kb_lexicon": "SELECT to_jsonb(l)::text FROM kb_lexicon l ORDER BY 1",
    "kb_article_lengths": "SELECT to_jsonb(l)::text FROM kb_article_lengths l ORDER BY 1",
    "kb_synonyms": "SELECT id, term, term_lexemes, canonical_lexemes FROM kb_synonyms ORDER BY id",
    "kb_exclusions": "SELECT id, term, term_lexemes FROM kb_exclusions ORDER BY id",
}


def _tables(conn: psycopg.Connection) -> dict[str, list[tuple]]:
    return {name: conn.execute(query).fetchall() for name, query in TABLES.items()}


def test_a_second_start_keeps_what_the_rebuild_writes(conn: psycopg.Connection) -> None:
    # this directory's database is a copy of the files applied twice (tests/knowledge/conftest.py)
    assert conn.execute("SELECT kb_rebuild_current()").fetchone()[0] is True
    kept = _tables(conn)
    assert all(kept.values()), [name for name, rows in kept.items() if not rows]
    with conn.transaction(force_rollback=True):
        conn.execute("SELECT kb_rebuild()")
        rebuilt = _tables(conn)
    assert kept == rebuilt


def test_a_changed_function_rebuilds(conn: psycopg.Connection) -> None:
    body = conn.execute("SELECT prosrc FROM pg_proc WHERE proname = 'kb_normalize'").fetchone()[0]
    conn.execute("CREATE OR REPLACE FUNCTION kb_normalize(input text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE"
                 " AS $f$" + body + " -- changed\n$f$")
    assert conn.execute("SELECT kb_rebuild_current()").fetchone()[0] is False


def test_changed_rows_or_an_emptied_table_rebuild(conn: psycopg.Connection) -> None:
    for change in ("UPDATE kb_articles SET keywords = keywords || ', zzclave' WHERE id = (SELECT min(id) FROM kb_articles)",
                   "INSERT INTO kb_synonyms (term, canonical) VALUES ('zzprimera', 'grifo')",
                   "UPDATE kb_examples SET question = question || ' zz' WHERE id = (SELECT min(id) FROM kb_examples)",
                   "DELETE FROM kb_article_lengths WHERE article_id = (SELECT min(article_id) FROM kb_article_lengths)"):
        with conn.transaction(force_rollback=True):
            assert conn.execute("SELECT kb_rebuild_current()").fetchone()[0] is True
            conn.execute(change)
            assert conn.execute("SELECT kb_rebuild_current()").fetchone()[0] is False, change
