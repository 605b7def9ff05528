"""Retrieval settings in the staff table kb_settings (n8n-workflows/knowledge/schema.sql, "Search settings").

Until stop 24 each ``kb_*`` setting was an IMMUTABLE SQL function with the value inside, changed with
``CREATE OR REPLACE FUNCTION``. Postgres folds an IMMUTABLE call into a constant when it plans, n8n keeps a pool of
open connections, and a connection that had already answered kept the old value (measured: with the shipped
functions, a ``kb_min_score`` raised to a million from a second connection still found the article on the first).
Now the values are rows staff update; these tests change one from a second connection, as staff would, and ask the
first connection again after it has answered often enough for Postgres to keep generic plans.
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from devstack.postgres import DatabaseInfo
from tests.knowledge.conftest import TWINS_QUESTION

CLEAR = "El grifo monomando de la cocina gotea, ¿cómo cambio el cartucho?"


@pytest.fixture
def pooled(app_db: DatabaseInfo) -> Iterator[psycopg.Connection]:
    """An open connection that stays open across the staff change (autocommit, as n8n's pool uses it)."""
    with psycopg.connect(app_db.url, autocommit=True) as connection:
        yield connection


@pytest.fixture
def staff(app_db: DatabaseInfo) -> Iterator[psycopg.Connection]:
    """A second connection, as staff's; every setting it changes goes back to the shipped value afterwards."""
    with psycopg.connect(app_db.url, autocommit=True) as connection:
        yield connection
        connection.execute("UPDATE kb_settings SET value = shipped WHERE value <> shipped")


@pytest.fixture
def twin_articles(pooled: psycopg.Connection) -> Iterator[None]:
    """The two invented articles of the ``twins`` fixture, committed (other connections see them)."""
    slugs = ("zz-bomba-calor-ventilador", "zz-bomba-calor-compresor")
    for slug, part in zip(slugs, ("ventilador", "compresor"), strict=True):
        pooled.execute(
            "INSERT INTO kb_articles (slug, title, problem, procedure, keywords) VALUES (%s, %s, %s, %s, %s)",
            (slug, f"Bomba de calor de piscina con ruido fuerte al arrancar: revisar el {part}",
             f"La bomba de calor de la piscina hace ruido al arrancar por el {part}.",
             f"1. Cortar la corriente de la bomba de calor.\n2. Revisar el {part}.",
             "bomba de calor, piscina, ruido, arrancar"))
    try:
        yield
    finally:
        pooled.execute("DELETE FROM kb_articles WHERE slug = ANY(%s)", (list(slugs),))


def offered(conn: psycopg.Connection) -> int:
    return len(conn.execute("SELECT kb_choices(%s)", (TWINS_QUESTION,)).fetchone()[0])


def found(conn: psycopg.Connection, question: str = CLEAR) -> bool:
    return conn.execute("SELECT found FROM kb_answer(%s, '', NULL::jsonb)", (question,)).fetchone()[0]


def test_a_changed_search_threshold_reaches_an_open_connection(pooled: psycopg.Connection,
                                                               staff: psycopg.Connection) -> None:
    for _ in range(8):  # past the five custom plans after which Postgres may keep a generic one
        assert found(pooled)
    staff.execute("UPDATE kb_settings SET value = '1000000' WHERE key = 'min_score'")
    assert not found(pooled), "the open connection still searches with the old minimum score"
    staff.execute("UPDATE kb_settings SET value = shipped WHERE key = 'min_score'")
    assert found(pooled), "and the shipped value comes back the same way"


def test_a_changed_asking_setting_reaches_an_open_connection(pooled: psycopg.Connection, staff: psycopg.Connection,
                                                             twin_articles: None) -> None:
    for _ in range(8):
        assert offered(pooled) == 2
        pooled.execute("SELECT * FROM kb_answer(%s, '', NULL::jsonb)", (TWINS_QUESTION,)).fetchall()
    staff.execute("UPDATE kb_settings SET value = '1' WHERE key = 'max_choices'")
    assert offered(pooled) < 2, "the open connection still offers as many cases as before"
    staff.execute("UPDATE kb_settings SET value = shipped WHERE key = 'max_choices'")
    assert offered(pooled) == 2


def test_a_value_of_the_wrong_kind_is_refused_and_flags_are_read_in_spanish(staff: psycopg.Connection) -> None:
    for key, value in (("min_score", "0,75"), ("min_score", "alto"), ("min_score", "NaN"), ("min_words", "2.5"),
                       ("join_three", "quizá")):
        with pytest.raises(psycopg.errors.RaiseException, match=key):
            staff.execute("UPDATE kb_settings SET value = %s WHERE key = %s", (value, key))
    staff.execute("UPDATE kb_settings SET value = ' No ' WHERE key = 'join_three'")
    assert staff.execute("SELECT value, kb_join_three() FROM kb_settings WHERE key = 'join_three'").fetchone() == (
        "false", False)
    staff.execute("UPDATE kb_settings SET value = 'sí' WHERE key = 'join_three'")
    assert staff.execute("SELECT kb_join_three()").fetchone()[0] is True


def test_rows_are_not_deleted(staff: psycopg.Connection) -> None:
    with pytest.raises(psycopg.errors.RaiseException, match="set value back to shipped"):
        staff.execute("DELETE FROM kb_settings WHERE key = 'min_score'")
    assert staff.execute("SELECT kb_min_score()").fetchone()[0] == 0.75


def test_a_release_keeps_what_staff_changed_and_moves_what_they_did_not(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE kb_settings SET value = '0.9' WHERE key = 'min_score'")
    for key, value in (("min_score", "0.8"), ("relative_cutoff", "0.6")):  # a later release ships new values
        conn.execute("SELECT kb_seed_setting(%s, 'number', %s, 'new text')", (key, value))
    assert conn.execute("SELECT key, value, shipped FROM kb_settings WHERE key IN ('min_score', 'relative_cutoff')"
                        " ORDER BY key").fetchall() == [("min_score", "0.9", "0.8"), ("relative_cutoff", "0.6", "0.6")]


def test_no_retrieval_setting_is_immutable(conn: psycopg.Connection) -> None:
    """Every kb_* setting (a function of no argument) is STABLE and reads kb_settings: an IMMUTABLE one would be
    folded into a constant when Postgres plans, and an open connection would keep the old value."""
    folded = conn.execute(
        "SELECT array_agg(proname ORDER BY proname) FROM pg_proc"
        " WHERE proname LIKE 'kb\\_%%' AND provolatile = 'i' AND pronargs = 0"
        " AND prorettype <> 'trigger'::regtype").fetchone()[0]
    assert folded is None, f"IMMUTABLE settings: {folded}"
    unread = conn.execute(
        "SELECT array_agg(key ORDER BY key) FROM kb_settings s WHERE NOT EXISTS (SELECT 1 FROM pg_proc p"
        " WHERE p.proname = 'kb_' || s.key AND p.pronargs = 0 AND p.prosrc LIKE '%%kb_setting_%%')").fetchone()[0]
    assert unread is None, f"settings no function reads: {unread}"
