"""A private embedded PostgreSQL 18 cluster with every SQL file of the runner applied (SCHEMA_FILES, in order:
app schema, knowledge base, estimates), as the app role ``remedios`` (the database owner, not a superuser).

The data folder is a ``scratch_folder`` outside pytest's temporary root: pytest tightens that root to 700, which
would lock out the system user the server runs as when the tests run as root."""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from devstack.postgres import DatabaseInfo, EmbeddedPostgres, apply_schema, provision_databases, scratch_folder
from devstack.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
ESTIMATES = ROOT / "n8n-workflows" / "estimates"


@pytest.fixture(scope="session")
def app_db() -> Iterator[DatabaseInfo]:
    password = secrets.token_hex(8)
    base = scratch_folder("remedios-estimates-")
    pg = EmbeddedPostgres(base / "data", free_port(), password)
    pg.start()
    try:
        app, _ = provision_databases(pg.admin, password)
        apply_schema(app)
        yield app
    finally:
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def conn(app_db: DatabaseInfo) -> Iterator[psycopg.Connection]:
    """A connection whose changes are rolled back after the test."""
    with psycopg.connect(app_db.url) as connection:
        connection.execute("INSERT INTO conversations (id, channel) VALUES ('web:test', 'web')")
        yield connection
        connection.rollback()
