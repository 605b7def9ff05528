"""A start whose inputs did not change keeps the estimates' caches of folded words (stop 34, speed34): match.sql and
revise.sql rebuilt them on every start (2-3 s, more under load); now estimate_start_caches() and the end of
revise.sql build them again only when the functions, the rows they are built from (price_catalog,
estimate_settings, kb_synonyms) or the caches' sizes differ from what the last start ended with
(start_builds, row 'estimates'). What a start keeps must be what a rebuild gives."""

from __future__ import annotations

import psycopg

from devstack.postgres import DatabaseInfo
from tests.support.start_builds import (
    ESTIMATES, assert_changes_make_stale, assert_kept_is_rebuilt, changed_definition, current)

# Every cache of folded words, as sorted rows (the phrase cache has no key: a multiset).
CACHES = {
    "estimate_phrase_cache": "SELECT code, phrase, shown FROM estimate_phrase_cache ORDER BY 1, 2, 3",
    "estimate_kind_phrase_cache": "SELECT groups_md5, groups, kinds, phrases FROM estimate_kind_phrase_cache ORDER BY 1",
    "estimate_row_kind_cache": "SELECT code, name, groups, kinds FROM estimate_row_kind_cache ORDER BY 1",
    "estimate_item_words_cache": "SELECT code, name, aliases, words FROM estimate_item_words_cache ORDER BY 1",
    "estimate_size_cache": "SELECT size, folded FROM estimate_size_cache ORDER BY 1",
    "estimate_word_list_cache": "SELECT list_md5, fold_as, list, words FROM estimate_word_list_cache ORDER BY 1, 2",
    "estimate_said_kind_cache": "SELECT key, kinds, phrases, folded FROM estimate_said_kind_cache ORDER BY 1",
    "estimate_said_row_cache": "SELECT code, name, key, kinds, aliases, alias_kinds FROM estimate_said_row_cache ORDER BY 1",
}


def _rebuild(conn: psycopg.Connection) -> None:
    """Every cache built again as a start with changed inputs does."""
    conn.execute("DELETE FROM start_builds WHERE name = 'estimates'")
    conn.execute("DELETE FROM estimate_said_kind_cache")
    conn.execute("DELETE FROM estimate_said_row_cache")
    assert conn.execute("SELECT estimate_start_caches()").fetchone()[0] is True
    conn.execute("DELETE FROM estimate_word_list_cache")
    conn.execute("SELECT estimate_word_list_cache_refresh()")


def test_a_second_start_keeps_what_a_rebuild_gives(applied_twice: DatabaseInfo) -> None:
    with psycopg.connect(applied_twice.url) as conn:
        assert_kept_is_rebuilt(conn, ESTIMATES, CACHES, _rebuild)


def test_the_once_applied_files_are_current(conn: psycopg.Connection) -> None:
    assert current(conn, ESTIMATES) is True
    assert conn.execute("SELECT estimate_start_caches()").fetchone()[0] is False


def test_a_changed_function_builds_them_again(conn: psycopg.Connection) -> None:
    conn.execute(changed_definition(conn, "estimate_code_words", "CREATE OR REPLACE FUNCTION estimate_code_words("
                                    "code text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE"))
    assert current(conn, ESTIMATES) is False
    assert conn.execute("SELECT estimate_start_caches()").fetchone()[0] is True


def test_a_dropped_function_builds_them_again(conn: psycopg.Connection) -> None:
    conn.execute("DROP FUNCTION estimate_start_caches()")
    assert current(conn, ESTIMATES) is False


def test_changed_rows_or_an_emptied_cache_build_them_again(conn: psycopg.Connection) -> None:
    assert_changes_make_stale(conn, ESTIMATES, (
        "UPDATE price_catalog SET unit_price = unit_price + 1 WHERE code = (SELECT min(code) FROM price_catalog)",
        "UPDATE estimate_settings SET part_words = part_words || ', zzpieza'",
        "INSERT INTO kb_synonyms (term, canonical) VALUES ('zzprimera', 'zzcanonico')",
        "DELETE FROM estimate_size_cache"))
