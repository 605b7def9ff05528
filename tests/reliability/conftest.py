"""A database of its own (a copy of the session's second seeded template, tests/support/scratch_postgres.py) with
every SQL file of the runner applied twice (devstack SCHEMA_FILES), for
the reliability SQL (n8n-workflows/reliability/schema.sql): failures, replies owed, forgotten messages."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from devstack.postgres import DatabaseInfo
from tests.support.scratch_postgres import SeededCluster


@pytest.fixture(scope="session")
def app_db(seeded_cluster: SeededCluster) -> Iterator[DatabaseInfo]:
    # twice: idempotent, every start applies it again (a copy of the session's second template, which
    # tests/knowledge copies too: SeededCluster.again)
    with seeded_cluster.app_db("reliability", times=2) as app:
        yield app


@pytest.fixture
def conn(app_db: DatabaseInfo) -> Iterator[psycopg.Connection]:
    """A connection whose changes are rolled back after the test."""
    with psycopg.connect(app_db.url) as connection:
        connection.execute("INSERT INTO conversations (id, channel, sender_id, sender_name) "
                           "VALUES ('wa:34600000001', 'whatsapp', '34600000001', 'Pepe')")
        yield connection
        connection.rollback()
