"""A database of its own with every SQL file of the runner applied (SCHEMA_FILES, in order: app schema, knowledge
base, estimates): a copy of the session's seeded template (tests/support/scratch_postgres.py, ``seeded_cluster``).

Any test file here can take ``conn`` (the shared connection, its changes rolled back after the test, see
tests/support/rollback_conn.py) or ``app_db`` (the database, to open connections of its own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from devstack.postgres import DatabaseInfo
from tests.support.db_fixtures import own_database
from tests.support.rollback_conn import RollbackConnections, redefines_functions

ROOT = Path(__file__).resolve().parents[2]
ESTIMATES = ROOT / "n8n-workflows" / "estimates"


app_db = own_database("estimates", times=1, scope="session")
# A database of its own with every SQL file applied twice, as every start after the first leaves it: a copy of the
# session's second template (SeededCluster.again, which tests/reliability and tests/knowledge copy too), dropped
# after the test.
applied_twice = own_database("estimates_twice", scope="function")


@pytest.fixture(scope="session")
def rollback_connections(app_db: DatabaseInfo) -> Iterator[RollbackConnections]:
    connections = RollbackConnections(app_db.url)
    yield connections
    connections.close()


@pytest.fixture
def conn(request: pytest.FixtureRequest, rollback_connections: RollbackConnections) -> Iterator[psycopg.Connection]:
    """A connection whose changes are rolled back after the test (one connection shared by the tests, so the
    server keeps the plans of the functions they call; a connection of its own for a test that redefines a
    function: tests/support/rollback_conn.py)."""
    with rollback_connections.test(fresh=redefines_functions(request)) as connection:
        connection.execute("INSERT INTO conversations (id, channel) VALUES ('web:test', 'web')")
        yield connection
