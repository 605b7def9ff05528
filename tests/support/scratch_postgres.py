"""Embedded PostgreSQL 18 for the SQL tests, with every SQL file of the runner applied (devstack SCHEMA_FILES, in
order) as the app role ``remedios`` (the database owner, not a superuser).

``SeededCluster`` (the session fixture ``seeded_cluster`` of tests/conftest.py): ONE cluster for the whole test
session, the SQL files applied ONCE into its database ``remedios``, and each directory that needs a database gets
its own copy of it (``CREATE DATABASE … TEMPLATE remedios``: a file copy, about a second, instead of a new cluster
and the SQL files again, 20–40 s each). A copy is byte for byte the database the files made, owned by the same role;
what one directory's tests write never reaches another's database.

A second template, ``remedios_again`` (``SeededCluster.again``), is the first with every file applied once more, as
a second start of the runner does; it is made on first use, once a session. The fixtures that show the files are
idempotent (tests/reliability, tests/knowledge, ``applied_twice`` for tests/estimates/test_message_ids.py) copy it
instead of each applying every file again on a copy of their own (20–50 s each).

``scratch_app_db``: a cluster of its own (for a test that needs a whole cluster to itself).

Data folders are ``scratch_folder``s outside pytest's temporary root: pytest tightens that root to 700, which
would lock out the system user the server runs as when the tests run as root."""

from __future__ import annotations

import re
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql

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


class SeededCluster:
    """One cluster whose database ``remedios`` has the SQL files applied once (the template); ``app_db`` hands out
    copies of it. Start with ``with SeededCluster.started() as cluster``."""

    def __init__(self, postgres: EmbeddedPostgres, template: DatabaseInfo) -> None:
        self.postgres = postgres
        self.template = template
        self._again: DatabaseInfo | None = None
        self._made = 0

    @classmethod
    @contextmanager
    def started(cls) -> Iterator[SeededCluster]:
        password = secrets.token_hex(8)
        base = scratch_folder("remedios-seeded-")
        postgres = EmbeddedPostgres(base / "data", free_port(), password)
        postgres.start()
        try:
            template, _ = provision_databases(postgres.admin, password)
            apply_schema(template)
            yield cls(postgres, template)
        finally:
            postgres.stop()
            shutil.rmtree(base, ignore_errors=True)

    def again(self) -> DatabaseInfo:
        """The second template: a copy of the first with every SQL file applied once more (what each later start
        of the runner does), made on first use and kept for the session; never handed out itself, only copied."""
        if self._again is None:
            again = self.copy("remedios_again")
            apply_schema(again)
            self._again = again
        return self._again

    def copy(self, prefix: str, *, times: int = 1) -> DatabaseInfo:
        """A new database named after ``prefix`` (``estimates_1``…), owned by the app role: a copy of the template
        (the SQL files applied once), or with ``times=2`` of the second template (applied twice)."""
        if not re.fullmatch(r"[a-z][a-z0-9_]*", prefix):
            raise ValueError(f"not a database name prefix: {prefix!r}")
        if times not in (1, 2):
            raise ValueError(f"a copy has the files applied once or twice, not {times} times")
        template = self.again() if times == 2 else self.template
        self._made += 1
        name = f"{prefix}_{self._made}"
        with psycopg.connect(self.postgres.admin.url, autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {} OWNER {}").format(
                sql.Identifier(name), sql.Identifier(template.database), sql.Identifier(self.template.user)))
        return self.template.with_database(name)

    @contextmanager
    def app_db(self, prefix: str, *, times: int = 1,
               then: Callable[[DatabaseInfo], None] | None = None) -> Iterator[DatabaseInfo]:
        """Like ``scratch_app_db``: a database with the schema applied ``times`` times (a copy of the template, or
        of the second template for ``times >= 2``, then the files again for each time more), then ``then``;
        dropped afterwards."""
        app = self.copy(prefix, times=min(times, 2))
        try:
            for _ in range(times - 2):
                apply_schema(app)
            if then is not None:
                then(app)
            yield app
        finally:
            with psycopg.connect(self.postgres.admin.url, autocommit=True) as admin:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(app.database)))
