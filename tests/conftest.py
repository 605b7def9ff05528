"""Fixtures shared by every test directory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.scratch_postgres import SeededCluster


@pytest.fixture(scope="session")
def seeded_cluster() -> Iterator[SeededCluster]:
    """One embedded Postgres cluster for the session, the runner's SQL files applied once into a template; each
    directory's ``app_db`` is a copy of it (tests/support/scratch_postgres.py). Started on first use only."""
    with SeededCluster.started() as cluster:
        yield cluster
