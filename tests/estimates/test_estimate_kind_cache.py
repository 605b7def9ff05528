"""The caches of folded words (match.sql: estimate_row_kind_cache, estimate_kind_phrase_cache, estimate_word_list_cache,
estimate_item_words_cache, estimate_size_cache) only make the functions fast: what they return is what the folding
returns, at once after a catalogue change or a staff edit of the word lists or synonyms, and also when a cache row
is missing or stale (then computed as before). Timings are in bench/SUITE-TIME.md, never asserted here.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

import psycopg

from tests.estimates.helpers import add_item

SETTINGS_KINDS = "(SELECT s.kind_words FROM estimate_settings s WHERE s.id)"


def row_kinds(conn: psycopg.Connection, code: str) -> list[str] | None:
    return conn.execute(f"SELECT estimate_row_kinds(%s, {SETTINGS_KINDS})", (code,)).fetchone()[0]


def computed_kinds(conn: psycopg.Connection, code: str) -> list[str] | None:
    """The kinds folded from scratch, the same expression as before the cache."""
    return conn.execute(
        "SELECT estimate_kinds_said(estimate_words(replace(c.code, '-', ' ') || ' ' || c.name), s.kind_words)"
        " FROM price_catalog c, estimate_settings s WHERE s.id AND c.code = %s", (code,)).fetchone()[0]


def mismatches(conn: psycopg.Connection) -> list[tuple]:
    """Every catalogue row whose cached answers differ from the answers folded from scratch."""
    return conn.execute(
        "SELECT c.code FROM price_catalog c, estimate_settings s WHERE s.id AND ("
        " estimate_row_kinds(c.code, s.kind_words) IS DISTINCT FROM estimate_row_kinds_computed(c.code, c.name, s.kind_words)"
        " OR estimate_item_words(c) IS DISTINCT FROM estimate_item_words_computed(c)"
        " OR estimate_size_unit(estimate_row_size(c.name)) IS DISTINCT FROM"
        "    (SELECT CASE WHEN f = '' THEN NULL WHEN f ~ ' [a-z]+$' THEN substring(f FROM ' ([a-z]+)$') ELSE 'in' END"
        "       FROM (SELECT estimate_words(estimate_row_size(c.name)) AS f) x))"
        " ORDER BY c.code").fetchall()


def test_every_row_answers_as_folded_from_scratch(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT count(*) FROM estimate_row_kind_cache").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM price_catalog").fetchone()[0]
    assert mismatches(conn) == []


def test_a_new_and_a_renamed_catalogue_row_are_seen_at_once(conn: psycopg.Connection) -> None:
    add_item(conn, "te-kindcache", "2.00", name="Te de latón roscada 3/4\"", aliases="te de bronce")
    assert row_kinds(conn, "te-kindcache") == computed_kinds(conn, "te-kindcache") != []
    before = row_kinds(conn, "te-kindcache")
    conn.execute("UPDATE price_catalog SET name = 'Te de PVC 3/4\"' WHERE code = 'te-kindcache'")
    assert row_kinds(conn, "te-kindcache") == computed_kinds(conn, "te-kindcache") != before
    conn.execute("UPDATE price_catalog SET aliases = aliases || ', te naranja' WHERE code = 'te-kindcache'")
    assert "naranja" in conn.execute("SELECT estimate_item_words(c) FROM price_catalog c WHERE c.code = 'te-kindcache'"
                                  ).fetchone()[0]
    assert mismatches(conn) == []


def test_a_staff_edit_of_kind_words_is_seen_at_once(conn: psycopg.Connection) -> None:
    add_item(conn, "te-kindcache", "2.00", name="Te roscada de latón 3/4\"")
    plain = row_kinds(conn, "te-kindcache")
    conn.execute("UPDATE estimate_settings SET kind_words = kind_words || '; roscado, roscada / soldar' WHERE id")
    groups = conn.execute(f"SELECT array_length(string_to_array({SETTINGS_KINDS}, ';'), 1)").fetchone()[0]
    assert row_kinds(conn, "te-kindcache") == computed_kinds(conn, "te-kindcache") == plain + [f"{groups}:1"]
    said = conn.execute(f"SELECT estimate_kinds_said('codo roscado', {SETTINGS_KINDS})").fetchone()[0]
    assert said == [f"{groups}:1"]
    assert mismatches(conn) == []


def test_a_staff_edit_of_a_word_list_and_of_a_synonym_is_seen_at_once(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE estimate_settings SET use_words = use_words || ', azoteas' WHERE id")
    assert conn.execute("SELECT estimate_words('azoteas') = ANY (estimate_word_list(s.use_words))"
                        " AND estimate_word_list(s.use_words) = estimate_word_list_computed(s.use_words)"
                        " FROM estimate_settings s WHERE s.id").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM estimate_word_list_cache k, estimate_settings s"
                        " WHERE s.id AND k.list = s.use_words").fetchone()[0] == 2   # both folds, the new list
    conn.execute("INSERT INTO kb_synonyms (term, canonical) VALUES ('bronce', 'laton') ON CONFLICT (term) DO UPDATE"
                 " SET canonical = EXCLUDED.canonical")
    assert mismatches(conn) == []


def test_a_missing_or_stale_cache_row_still_gives_the_right_kinds(conn: psycopg.Connection) -> None:
    code = conn.execute("SELECT c.code FROM price_catalog c, estimate_settings s WHERE s.id"
                        " AND cardinality(estimate_row_kinds(c.code, s.kind_words)) > 0 ORDER BY c.code LIMIT 1").fetchone()[0]
    right = computed_kinds(conn, code)
    conn.execute("DELETE FROM estimate_row_kind_cache WHERE code = %s", (code,))
    assert row_kinds(conn, code) == right
    conn.execute("INSERT INTO estimate_row_kind_cache (code, name, groups, kinds)"
                 f" SELECT %s, 'otro nombre', {SETTINGS_KINDS}, '{{9:9}}'", (code,))
    assert row_kinds(conn, code) == right          # another name: stale, not read
    conn.execute("DELETE FROM estimate_kind_phrase_cache")
    conn.execute("DELETE FROM estimate_word_list_cache")
    conn.execute("DELETE FROM estimate_item_words_cache")
    conn.execute("DELETE FROM estimate_size_cache")
    assert row_kinds(conn, code) == right
    assert mismatches(conn) == []


def test_a_list_the_cache_does_not_hold_is_folded(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT estimate_row_kinds('tubo-cobre-15mm', 'laton / cobre')").fetchone()[0] == ["1:2"]
    assert conn.execute("SELECT estimate_word_list('Codos, Tuberías')").fetchone()[0] == ["codo", "tuberia"]
