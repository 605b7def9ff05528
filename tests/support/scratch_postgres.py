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

``private_cluster``: the one way tests and benchmarks (bench/eval_services.py, bench/sql_start.py, …) start a cluster
of their own, stopped and deleted on every way out: the block's end, an exception, Ctrl-C, SIGTERM or SIGHUP (stop 37,
tidy37: seeded clusters were left running after helpers' runs were killed; `kill` skipped every ``finally``). A run
killed with SIGKILL leaves its folder naming a dead process: ``stop_abandoned_clusters`` stops those.

Data folders are ``scratch_folder``s outside pytest's temporary root: pytest tightens that root to 700, which
would lock out the system user the server runs as when the tests run as root."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg import sql

from devstack.postgres import DatabaseInfo, EmbeddedPostgres, apply_schema, provision_databases, scratch_folder
from devstack.processes import free_port


ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)   # `kill`, `timeout`, a closed terminal or session
OWNER_PID_FILE = "owner-pid"  # in a private cluster's scratch folder: the process that made it


@contextmanager
def signals_end_the_run() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise SystemExit(128 + signal) in the main thread, so the ``finally``
    blocks inside it (a cluster's stop) run on a `kill` too; left at their default, they end Python at once. Only where
    nobody took them over: a script's own handler, or the test session's (tests/conftest.py: KeyboardInterrupt, which
    pytest answers with its teardown), stays in place. The handlers before come back after the block."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def end(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = {s: signal.getsignal(s) for s in ENDING_SIGNALS}
    taken = [s for s, handler in previous.items() if handler is signal.SIG_DFL]
    for s in taken:
        signal.signal(s, end)
    try:
        yield
    finally:
        for s in taken:
            signal.signal(s, previous[s])


@contextmanager
def uninterrupted() -> Iterator[None]:
    """A clean-up that a second Ctrl-C, SIGTERM or SIGHUP must not cut short (a cluster half stopped keeps running):
    in the main thread such a signal is held while the block runs, then delivered as it would have been."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, *ENDING_SIGNALS)}
    kept = [s for s, handler in previous.items() if handler is not None]   # None: set outside Python, left alone
    for s in kept:
        signal.signal(s, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        for s in kept:
            signal.signal(s, previous[s])
        for s in dict.fromkeys(held):
            signal.raise_signal(s)


@contextmanager
def private_cluster(prefix: str) -> Iterator[tuple[EmbeddedPostgres, str]]:
    """A new cluster in a scratch folder named ``prefix…`` (its data in ``pgdata``), on a free loopback port; yields
    the server and its superuser's password. Stopped and its folder deleted on every way out of the block: its end,
    an exception, Ctrl-C (KeyboardInterrupt), SIGTERM or SIGHUP (``signals_end_the_run``); a second signal waits
    until the stop is done (``uninterrupted``). The folder names this process (``owner-pid``): if a SIGKILL, which no
    ``finally`` outlives, ends it, ``stop_abandoned_clusters`` stops the cluster later."""
    with signals_end_the_run():
        base = scratch_folder(prefix)
        (base / OWNER_PID_FILE).write_text(f"{os.getpid()}\n")
        password = secrets.token_hex(12)
        postgres = EmbeddedPostgres(base / "pgdata", free_port(), password)
        try:
            postgres.start()
            yield postgres, password
        finally:
            with uninterrupted():
                postgres.stop()
                shutil.rmtree(base, ignore_errors=True)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_abandoned_clusters(scratch_root: Path, prefix: str = "remedios-") -> list[Path]:
    """Stop and delete the private clusters (``private_cluster``) under ``scratch_root`` whose process is gone (a run
    killed with SIGKILL, which never reaches its ``finally``): left alone they keep a Postgres running for good. A
    folder that names no process, or whose process is alive, is left alone. Returns what was removed."""
    removed = []
    for folder in sorted(scratch_root.glob(f"{prefix}*")):
        try:
            owner = int((folder / OWNER_PID_FILE).read_text().strip())
        except (FileNotFoundError, NotADirectoryError, PermissionError, ValueError):
            continue
        if process_alive(owner):
            continue
        EmbeddedPostgres(folder / "pgdata", 0, "").stop()
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


@contextmanager
def scratch_app_db(prefix: str, *, times: int = 1,
                   then: Callable[[DatabaseInfo], None] | None = None) -> Iterator[DatabaseInfo]:
    """The app database of a new cluster, the schema applied ``times`` times (twice shows it is idempotent, as
    every start applies it again), then ``then`` (extra set-up); the cluster and its folder go afterwards."""
    with private_cluster(f"remedios-{prefix}-") as (postgres, password):
        app, _ = provision_databases(postgres.admin, password)
        for _ in range(times):
            apply_schema(app)
        if then is not None:
            then(app)
        yield app


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
        with private_cluster("remedios-seeded-") as (postgres, password):
            template, _ = provision_databases(postgres.admin, password)
            apply_schema(template)
            yield cls(postgres, template)

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
