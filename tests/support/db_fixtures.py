"""The fixtures that give a directory or a module a database of its own (stop 36, tidy36: tests/reliability/conftest.py
and tests/knowledge/test_kb_rebuild_34.py each wrote the same two, and the estimates' and knowledge's conftests the
first of them):

- ``own_database(prefix, times=…, scope=…)``: a copy of the session's seeded template (``seeded_cluster``,
  tests/support/scratch_postgres.py) with the SQL files applied ``times`` times (2: what every start after the first
  leaves), dropped when the scope ends;
- ``rolled_back_connection(database, setup=…)``: a new connection to it per test, ``setup`` statements run first,
  everything rolled back after the test.

Each returns a pytest fixture; bind it to a name in the conftest or test module (the name the tests ask for):

    app_db = own_database("reliability", scope="session")
    conn = rolled_back_connection("app_db", setup=("INSERT INTO conversations …",))

A directory whose tests share one warm connection uses tests/support/rollback_conn.py instead of the second."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import psycopg
import pytest

from devstack.postgres import DatabaseInfo
from tests.support.scratch_postgres import SeededCluster


def own_database(prefix: str, *, times: int = 2, scope: str = "module", doc: str | None = None) -> Callable:
    """A fixture: a database named after ``prefix``, the files applied ``times`` times, for the fixture's scope."""

    def database(seeded_cluster: SeededCluster) -> Iterator[DatabaseInfo]:
        with seeded_cluster.app_db(prefix, times=times) as app:
            yield app

    database.__doc__ = doc or (f"A database of its own ({prefix}_N), every SQL file applied {times} time(s), "
                               f"for the {scope}.")
    return pytest.fixture(scope=scope)(database)


def rolled_back_connection(database: str, *, setup: Sequence[str] = ()) -> Callable:
    """A fixture: a connection to the database fixture named ``database``, ``setup`` run in its transaction, and
    whatever the test wrote rolled back afterwards."""

    def connection(request: pytest.FixtureRequest) -> Iterator[psycopg.Connection]:
        app: DatabaseInfo = request.getfixturevalue(database)
        with psycopg.connect(app.url) as conn:
            for statement in setup:
                conn.execute(statement)
            yield conn
            conn.rollback()

    connection.__doc__ = f"A connection to ``{database}`` whose changes are rolled back after the test."
    return pytest.fixture(connection)
