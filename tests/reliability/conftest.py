"""A private embedded PostgreSQL cluster with every SQL file of the runner applied (devstack SCHEMA_FILES), for
the reliability SQL (n8n-workflows/reliability/schema.sql): failures, replies owed, forgotten messages."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from devstack.postgres import DatabaseInfo
from tests.support.rollback_conn import RollbackConnections
from tests.support.scratch_postgres import scratch_app_db


@pytest.fixture(scope="session")
def app_db() -> Iterator[DatabaseInfo]:
    with scratch_app_db("reliability", times=2) as app:  # twice: idempotent, every start applies it again
        yield app


@pytest.fixture(scope="session")
def rollback_connections(app_db: DatabaseInfo) -> Iterator[RollbackConnections]:
    connections = RollbackConnections(app_db.url)
    yield connections
    connections.close()


@pytest.fixture
def conn(rollback_connections: RollbackConnections) -> Iterator[psycopg.Connection]:
    """A connection whose changes are rolled back after the test (one connection shared by the tests, so the
    server keeps the plans of the functions they call: tests/support/rollback_conn.py)."""
    with rollback_connections.test() as connection:
        connection.execute("INSERT INTO conversations (id, channel, sender_id, sender_name) "
                           "VALUES ('wa:34600000001', 'whatsapp', '34600000001', 'Pepe')")
        yield connection
