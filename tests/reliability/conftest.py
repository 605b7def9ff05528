"""A private embedded PostgreSQL cluster with every SQL file of the runner applied (devstack SCHEMA_FILES), for
the reliability SQL (n8n-workflows/reliability/schema.sql): failures, replies owed, forgotten messages."""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterator

import psycopg
import pytest

from devstack.postgres import DatabaseInfo, EmbeddedPostgres, apply_schema, provision_databases, scratch_folder
from devstack.processes import free_port


@pytest.fixture(scope="session")
def app_db() -> Iterator[DatabaseInfo]:
    password = secrets.token_hex(8)
    base = scratch_folder("remedios-reliability-")
    pg = EmbeddedPostgres(base / "data", free_port(), password)
    pg.start()
    try:
        app, _ = provision_databases(pg.admin, password)
        apply_schema(app)
        apply_schema(app)  # idempotent: every start applies it again
        yield app
    finally:
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def conn(app_db: DatabaseInfo) -> Iterator[psycopg.Connection]:
    """A connection whose changes are rolled back after the test."""
    with psycopg.connect(app_db.url) as connection:
        connection.execute("INSERT INTO conversations (id, channel, sender_id, sender_name) "
                           "VALUES ('wa:34600000001', 'whatsapp', '34600000001', 'Pepe')")
        yield connection
        connection.rollback()
