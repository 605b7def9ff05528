"""A private embedded PostgreSQL 18 cluster with the app schema, the knowledge schema and seed files applied
as the app role (the owner of the ``remedios`` database, not a superuser)."""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path
from typing import Iterator

import psycopg
import pytest

from devstack.postgres import (
    SCHEMA_FILES, DatabaseInfo, EmbeddedPostgres, apply_schema, provision_databases, scratch_folder)
from devstack.processes import free_port

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
    password = secrets.token_hex(8)
    base = scratch_folder("remedios-kb-")  # outside pytest's 700 temp root: the server's user must enter it
    pg = EmbeddedPostgres(base / "data", free_port(), password)
    pg.start()
    try:
        app, _ = provision_databases(pg.admin, password)
        apply_schema(app)
        apply_knowledge(app)
        yield app
    finally:
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def conn(app_db: DatabaseInfo) -> Iterator[psycopg.Connection]:
    """A connection whose changes are rolled back after the test."""
    with psycopg.connect(app_db.url) as connection:
        yield connection
        connection.rollback()
