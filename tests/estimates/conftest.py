"""A private embedded PostgreSQL 18 cluster with every SQL file of the runner applied (SCHEMA_FILES, in order:
app schema, knowledge base, estimates): tests/support/scratch_postgres.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from devstack.postgres import DatabaseInfo
from tests.support.scratch_postgres import scratch_app_db

ROOT = Path(__file__).resolve().parents[2]
ESTIMATES = ROOT / "n8n-workflows" / "estimates"


@pytest.fixture(scope="session")
def app_db() -> Iterator[DatabaseInfo]:
    with scratch_app_db("estimates") as app:
        yield app


@pytest.fixture
def conn(app_db: DatabaseInfo) -> Iterator[psycopg.Connection]:
    """A connection whose changes are rolled back after the test."""
    with psycopg.connect(app_db.url) as connection:
        connection.execute("INSERT INTO conversations (id, channel) VALUES ('web:test', 'web')")
        yield connection
        connection.rollback()
