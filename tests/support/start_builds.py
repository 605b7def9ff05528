"""What the tests of the start-up rebuilds check the same way on both sides (stop 35: test_kb_rebuild_34.py and
tests/estimates/test_start_caches_34.py each repeated it). A start skips a rebuild when ``start_build_current(name,
inputs)`` (knowledge/schema.sql, table ``start_builds``) says its inputs are those the last start ended with; what
such a start keeps must be what the rebuild writes, and any change of an input must make the next start rebuild.

- ``rows``: the tables a rebuild writes, as sorted rows (``queries``: a name and its ``SELECT … ORDER BY``).
- ``assert_kept_is_rebuilt``: on a twice-applied database (the second application skipped the rebuild) the rows
  kept equal those the rebuild writes (rolled back afterwards); the tables that differ are named with a few rows
  each side.
- ``assert_changes_make_stale``: each change (one statement, rolled back afterwards) makes the inputs differ.
- ``changed_definition``: the statement that defines a function again with one comment more in its body.
- ``written_by``: what a start (any callable, e.g. ``apply_schema``) wrote: per table the rows it inserted or
  updated and the rows it removed, and whether it rebuilt the nearest-word index (stop 36: an unchanged start
  writes nothing it does not need)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import psycopg

from devstack.postgres import DatabaseInfo

# The two rebuilds: the row of start_builds and the function that computes its inputs.
KNOWLEDGE = ("knowledge", "kb_rebuild_inputs")
ESTIMATES = ("estimates", "estimate_cache_inputs")


def current(conn: psycopg.Connection, build: tuple[str, str]) -> bool:
    return conn.execute("SELECT start_build_current(%s, %s)", build).fetchone()[0]


def rows(conn: psycopg.Connection, queries: Mapping[str, str]) -> dict[str, list[tuple]]:
    return {name: conn.execute(query).fetchall() for name, query in queries.items()}


def differences(kept: Mapping[str, list[tuple]], rebuilt: Mapping[str, list[tuple]], most: int = 5) -> dict[str, dict]:
    """Per table that differs: up to ``most`` rows only kept, and only rebuilt."""
    out = {}
    for name in kept.keys() | rebuilt.keys():
        kept_rows = Counter(map(repr, kept.get(name, [])))   # as text: rows may hold lists (stems)
        rebuilt_rows = Counter(map(repr, rebuilt.get(name, [])))
        only_kept, only_rebuilt = kept_rows - rebuilt_rows, rebuilt_rows - kept_rows
        if only_kept or only_rebuilt:
            out[name] = {"kept only": sorted(only_kept.elements())[:most],
                         "rebuilt only": sorted(only_rebuilt.elements())[:most]}
    return out


def assert_kept_is_rebuilt(conn: psycopg.Connection, build: tuple[str, str], queries: Mapping[str, str],
                           rebuild: Callable[[psycopg.Connection], None]) -> None:
    """The start that applied the files again skipped the rebuild, and kept the rows ``rebuild`` writes."""
    assert current(conn, build) is True
    kept = rows(conn, queries)
    assert all(kept.values()), [name for name, found in kept.items() if not found]
    with conn.transaction(force_rollback=True):
        rebuild(conn)
        rebuilt = rows(conn, queries)
    assert kept == rebuilt, differences(kept, rebuilt)


def assert_changes_make_stale(conn: psycopg.Connection, build: tuple[str, str], changes: Iterable[str]) -> None:
    """Each change, alone and rolled back afterwards, makes the next start rebuild."""
    for change in changes:
        with conn.transaction(force_rollback=True):
            assert current(conn, build) is True, change
            conn.execute(change)
            assert current(conn, build) is False, change


def changed_definition(conn: psycopg.Connection, name: str, create: str) -> str:
    """``create`` (``CREATE OR REPLACE FUNCTION name(args) RETURNS … LANGUAGE …``, written in the test: its
    conftest gives a test that says so a connection of its own) with the function's body and a comment more."""
    body = conn.execute("SELECT prosrc FROM pg_proc WHERE proname = %s", (name,)).fetchone()[0]
    return f"{create} AS $f${body} -- changed\n$f$"


# The index knowledge/schema.sql rebuilds (REINDEX: a new file) with the stems (kb_rebuild).
LEXICON_INDEX = "kb_lexicon_trgm_idx"


def _state(conn: psycopg.Connection) -> tuple[int, dict[str, int], int]:
    """The next transaction id, the row count of every table of the schema, the lexicon index's file."""
    tables = [name for (name,) in conn.execute(
        "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace"
        " ORDER BY 1").fetchall()]
    counts = {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}
    xid, index_file = conn.execute(
        "SELECT txid_current(), pg_relation_filenode(%s::regclass)", (LEXICON_INDEX,)).fetchone()
    conn.rollback()
    return int(xid), counts, int(index_file)


def written_by(app: DatabaseInfo, start: Callable[[], object]) -> dict[str, str]:
    """What ``start`` wrote in ``app``: per table that changed, "N written" (rows inserted or updated: a newer
    xmin) and "A -> B rows" when the count changed (rows removed show there); ``LEXICON_INDEX: "rebuilt"``."""
    with psycopg.connect(app.url) as conn:
        xid, counts_before, index_before = _state(conn)
        start()
        _, counts_after, index_after = _state(conn)
        out = {}
        for table, after in counts_after.items():
            written = conn.execute(f'SELECT count(*) FROM "{table}" WHERE xmin::text::bigint >= %s',
                                   (xid,)).fetchone()[0]
            before = counts_before.get(table)
            said = [f"{written} written"] if written else []
            if before != after:
                said.append(f"{before} -> {after} rows")
            if said:
                out[table] = ", ".join(said)
        if index_after != index_before:
            out[LEXICON_INDEX] = "rebuilt"
    return out
