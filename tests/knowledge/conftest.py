"""A private embedded PostgreSQL 18 cluster with the app schema, the knowledge schema and seed files applied
as the app role (the owner of the ``remedios`` database, not a superuser)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from devstack.postgres import SCHEMA_FILES, DatabaseInfo
from tests.support.scratch_postgres import scratch_app_db

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "n8n-workflows" / "knowledge"
# The knowledge seed files (seed.sql, seed-supply.sql, ...) in the order the runner applies them.
KNOWLEDGE_SEEDS = tuple(
    path for path in SCHEMA_FILES if path.parent == KNOWLEDGE and path.name.startswith("seed"))


def apply_knowledge(db: DatabaseInfo) -> None:
    with psycopg.connect(db.url, autocommit=True) as conn:
        conn.execute((KNOWLEDGE / "schema.sql").read_text())
        for seed in KNOWLEDGE_SEEDS:
            conn.execute(seed.read_text())


@pytest.fixture(scope="session")
def app_db() -> Iterator[DatabaseInfo]:
    with scratch_app_db("kb", then=apply_knowledge) as app:  # the knowledge files again: idempotent
        yield app


@pytest.fixture
def conn(app_db: DatabaseInfo) -> Iterator[psycopg.Connection]:
    """A connection whose changes are rolled back after the test."""
    with psycopg.connect(app_db.url) as connection:
        yield connection
        connection.rollback()
