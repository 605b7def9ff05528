"""One table for the start-up rebuilds' bookkeeping (stop 35, tidy35): the knowledge side (kb_rebuild) and the
estimates side (the caches of estimates/match.sql and revise.sql's word lists) recorded the inputs of their last
start in two tables of the same shape, kb_rebuilds and estimate_cache_builds, each with its own pair of functions;
now both are rows of start_builds, with start_build_current / start_build_recorded (knowledge/schema.sql).

A database started with stop 34's files is brought over by the next start: the rows move, the old tables and
functions go, that start rebuilds each side once (its recorded functions were replaced), and the start after it
skips both again. (Here the other functions are already this version's. From a real stop-34 database the knowledge
side rebuilds once more at the start after: the functions it records at the end of feedback.sql include the
estimates' of the last version, which match.sql then replaces — as with any release that changes an estimates
function, since stop 34.)"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone

import psycopg
import pytest

from devstack.postgres import DatabaseInfo, apply_schema
from tests.support.scratch_postgres import SeededCluster
from tests.support.start_builds import ESTIMATES, KNOWLEDGE, current

# Stop 34's bookkeeping functions, by the table each recorded into (their bodies do not matter here: what a stop-34
# database has is functions of these signatures among those its records list).
STOP_34 = {
    "kb_rebuilds": (("knowledge", "kb_rebuild_inputs"),
                    ("kb_rebuild_current() RETURNS boolean", "kb_rebuild_recorded() RETURNS void")),
    "estimate_cache_builds": (("estimates", "estimate_cache_inputs"),
                              ("estimate_cache_current() RETURNS boolean", "estimate_cache_built() RETURNS void")),
}


def _as_stop_34(conn: psycopg.Connection) -> None:
    """Turns a database the files made into what stop 34's files left: the two tables, their rows recorded with
    the functions then (the four bookkeeping functions among them), no start_builds row."""
    for table, (_, signatures) in STOP_34.items():
        for signature in signatures:
            returns = "true" if signature.endswith("boolean") else "null"
            conn.execute(f"CREATE FUNCTION {signature} LANGUAGE sql AS 'SELECT {returns}'")
    for table, ((name, inputs), _) in STOP_34.items():
        conn.execute(f"CREATE TABLE {table} (name text PRIMARY KEY, inputs text NOT NULL, functions text[] NOT NULL,"
                     " built_at timestamptz NOT NULL DEFAULT now())")
        conn.execute(f"INSERT INTO {table} (name, inputs, functions, built_at)"
                     f" SELECT %s, {inputs}(kb_start_functions()), kb_start_functions(), %s", (name, MOVED_AT))
    conn.execute("DELETE FROM start_builds")


MOVED_AT = datetime(2026, 12, 6, 8, tzinfo=timezone.utc)
# The oldest transaction that wrote a row of what each side's rebuild empties and fills again (the knowledge stems,
# the estimates' phrase cache and word lists): a rebuild makes it newer. (Not the newest: a start with unchanged
# inputs still writes some rows there — knowledge/seed.sql and seed-regional.sql seed the synonym 'estanque del
# bano' with two notes, so each start writes the note there and back, and some stems with it.)
WRITTEN = ("SELECT (SELECT min(xmin::text::bigint) FROM kb_terms), (SELECT min(xmin::text::bigint) FROM kb_lexicon),"
           " (SELECT min(xmin::text::bigint) FROM estimate_phrase_cache),"
           " (SELECT min(xmin::text::bigint) FROM estimate_word_list_cache)")


@dataclass
class Upgrade:
    app: DatabaseInfo
    written_before: tuple   # WRITTEN on the stop-34 database
    written_after: tuple    # WRITTEN after the first start with these files
    rows: list[tuple]       # start_builds after it


@pytest.fixture(scope="module")
def upgraded(seeded_cluster: SeededCluster) -> Iterator[Upgrade]:
    """A stop-34 database started once with these files."""
    with seeded_cluster.app_db("start_builds", times=2) as app:
        with psycopg.connect(app.url, autocommit=True) as conn:
            _as_stop_34(conn)
            before = conn.execute(WRITTEN).fetchone()
        apply_schema(app)
        with psycopg.connect(app.url) as conn:
            after = conn.execute(WRITTEN).fetchone()
            rows = conn.execute("SELECT name, inputs, functions, built_at FROM start_builds ORDER BY name").fetchall()
        yield Upgrade(app, before, after, rows)


def test_the_records_move_and_the_old_tables_and_functions_go(upgraded: Upgrade) -> None:
    assert [row[0] for row in upgraded.rows] == ["estimates", "knowledge"]
    with psycopg.connect(upgraded.app.url) as conn:
        assert conn.execute("SELECT to_regclass('kb_rebuilds'), to_regclass('estimate_cache_builds')").fetchone() \
            == (None, None)
        assert conn.execute("SELECT count(*) FROM pg_proc WHERE proname IN"
                            " ('kb_rebuild_current', 'kb_rebuild_recorded', 'estimate_cache_current',"
                            "  'estimate_cache_built')").fetchone()[0] == 0


def test_that_start_rebuilt_each_side_once_and_the_next_skips(upgraded: Upgrade) -> None:
    # that start rebuilt both sides (their functions recorded were not all there any more) and recorded them again
    assert all(a > b for a, b in zip(upgraded.written_after, upgraded.written_before, strict=True)), \
        (upgraded.written_before, upgraded.written_after)
    assert all(row[3] > MOVED_AT for row in upgraded.rows), upgraded.rows
    with psycopg.connect(upgraded.app.url) as conn:
        assert current(conn, KNOWLEDGE) and current(conn, ESTIMATES)   # the next start skips both
    apply_schema(upgraded.app)
    with psycopg.connect(upgraded.app.url) as conn:
        estimates, knowledge = conn.execute("SELECT name, inputs, functions, built_at FROM start_builds"
                                            " ORDER BY name").fetchall()
        assert conn.execute(WRITTEN).fetchone() == upgraded.written_after   # neither side rebuilt
    assert estimates == upgraded.rows[0]
    # The knowledge row's inputs are recorded again at every start, with the same functions (the synonym's new
    # updated_at, above, comes after the start's check and is part of the inputs).
    assert knowledge[2] == upgraded.rows[1][2]
