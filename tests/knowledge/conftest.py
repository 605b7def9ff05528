"""A database of its own with every SQL file of the runner applied twice, as the app role (the owner of the
database, not a superuser): a copy of the session's second template (tests/support/scratch_postgres.py,
``SeededCluster.again``), what the database is after a second start of the runner; the knowledge schema and seed
files among them, so the tests here also show they are idempotent. tests/reliability copies the same template."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from devstack.postgres import SCHEMA_FILES, DatabaseInfo
from tests.support.db_fixtures import own_database
from tests.support.rollback_conn import RollbackConnections, redefines_functions

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "n8n-workflows" / "knowledge"
# The knowledge seed files (seed.sql, seed-supply.sql, ...) in the order the runner applies them.
KNOWLEDGE_SEEDS = tuple(
    path for path in SCHEMA_FILES if path.parent == KNOWLEDGE and path.name.startswith("seed"))


def apply_knowledge(db: DatabaseInfo) -> None:
    """The knowledge schema and seed files once more (test_kb_schema.py: re-seeding an unchanged seed touches no
    row)."""
    with psycopg.connect(db.url, autocommit=True) as conn:
        conn.execute((KNOWLEDGE / "schema.sql").read_text())
        for seed in KNOWLEDGE_SEEDS:
            conn.execute(seed.read_text())


app_db = own_database("kb", scope="session")  # every file again (the knowledge files): idempotent


@pytest.fixture(scope="session")
def rollback_connections(app_db: DatabaseInfo) -> Iterator[RollbackConnections]:
    connections = RollbackConnections(app_db.url)
    yield connections
    connections.close()


@pytest.fixture
def conn(request: pytest.FixtureRequest, rollback_connections: RollbackConnections) -> Iterator[psycopg.Connection]:
    """A connection whose changes are rolled back after the test (one connection shared by the tests, so the
    server keeps the plans of the search functions they call; a connection of its own for a test that redefines
    a function: tests/support/rollback_conn.py)."""
    with rollback_connections.test(fresh=redefines_functions(request)) as connection:
        yield connection


# A question two invented articles fit equally well (a made-up job, not from any eval set).
TWINS_QUESTION = "la bomba de calor de la piscina hace un ruido fuerte al arrancar"


@pytest.fixture
def twins(conn: psycopg.Connection) -> list[dict]:
    """Two invented articles ``TWINS_QUESTION`` fits equally well, as ``kb_choices`` offers them (rolled back with
    the test's transaction)."""
    for slug, part in (("zz-bomba-calor-ventilador", "ventilador"), ("zz-bomba-calor-compresor", "compresor")):
        conn.execute(
            "INSERT INTO kb_articles (slug, title, problem, procedure, keywords) VALUES (%s, %s, %s, %s, %s)",
            (slug, f"Bomba de calor de piscina con ruido fuerte al arrancar: revisar el {part}",
             f"La bomba de calor de la piscina hace ruido al arrancar por el {part}.",
             f"1. Cortar la corriente de la bomba de calor.\n2. Revisar el {part}.",
             "bomba de calor, piscina, ruido, arrancar"))
    choices = conn.execute("SELECT kb_choices(%s)", (TWINS_QUESTION,)).fetchone()[0]
    assert {c["slug"] for c in choices} == {"zz-bomba-calor-ventilador", "zz-bomba-calor-compresor"}
    return choices
