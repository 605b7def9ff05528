"""A private embedded PostgreSQL 18 cluster for the SQL tests, with every SQL file of the runner applied
(devstack SCHEMA_FILES, in order) as the app role ``remedios`` (the database owner, not a superuser).

The data folder is a ``scratch_folder`` outside pytest's temporary root: pytest tightens that root to 700, which
would lock out the system user the server runs as when the tests run as root."""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from devstack.postgres import DatabaseInfo, EmbeddedPostgres, apply_schema, provision_databases, scratch_folder
from devstack.processes import free_port


@contextmanager
def scratch_app_db(prefix: str, *, times: int = 1,
                   then: Callable[[DatabaseInfo], None] | None = None) -> Iterator[DatabaseInfo]:
    """The app database of a new cluster, the schema applied ``times`` times (twice shows it is idempotent, as
    every start applies it again), then ``then`` (extra set-up); the cluster and its folder go afterwards."""
    password = secrets.token_hex(8)
    base = scratch_folder(f"remedios-{prefix}-")
    postgres = EmbeddedPostgres(base / "data", free_port(), password)
    postgres.start()
    try:
        app, _ = provision_databases(postgres.admin, password)
        for _ in range(times):
            apply_schema(app)
        if then is not None:
            then(app)
        yield app
    finally:
        postgres.stop()
        shutil.rmtree(base, ignore_errors=True)
