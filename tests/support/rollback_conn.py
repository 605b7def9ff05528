"""One Postgres connection reused by every test of a directory, each test in its own transaction rolled back
afterwards: what a new connection per test gave (nothing a test writes is seen by the next), without paying, in
every test, the planning of every PL/pgSQL function the test calls (a server process keeps the plans of the
functions it ran; a new connection starts with none). Measured in bench/SUITE-TIME.md: about a second of a
two-second estimate conversation test is that planning.

The connection is replaced, never reused, when a test leaves it in a state a rollback does not undo: closed or
broken, switched to autocommit (a later test's writes would be committed), or with another row factory,
isolation level or read-only setting. Statements are never prepared on the server (``prepare_threshold=None``):
a prepared statement outlives the rollback, and a test that alters a table inside its transaction would leave
one whose result type no longer matches ("cached plan must not change result type").

Functions redefined in a test: a warm connection runs a statement it executed five times on a generic plan, and
an IMMUTABLE function (a setting written as a function) may be folded into that plan as a constant; Postgres does
not replan it when the function is redefined (tests/knowledge/test_kb_fuzzy.py showed it). So a test whose source
says CREATE [OR REPLACE] FUNCTION gets a connection of its own (``fresh=True``, the conftest decides), and after
any test whose transaction wrote pg_proc the shared connection is replaced, so no plan made with a definition
the rollback undid reaches the next test."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from psycopg import pq
from psycopg.rows import tuple_row


class RollbackConnections:
    """Hands out the shared connection to ``url`` for one test at a time (``with pool.test() as conn``)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._conn: psycopg.Connection | None = None

    def _fresh(self) -> psycopg.Connection:
        return psycopg.connect(self.url, prepare_threshold=None)

    @staticmethod
    def _reusable(conn: psycopg.Connection) -> bool:
        return (not conn.closed and not conn.broken and not conn.autocommit and conn.row_factory is tuple_row
                and conn.isolation_level is None and conn.read_only is None and conn.deferrable is None
                and conn.prepare_threshold is None
                and conn.info.transaction_status == pq.TransactionStatus.IDLE)

    @staticmethod
    def _wrote_functions(conn: psycopg.Connection) -> bool:
        """True when the open transaction created or replaced a function (or cannot be asked: failed)."""
        if conn.info.transaction_status != pq.TransactionStatus.INTRANS:
            return conn.info.transaction_status != pq.TransactionStatus.IDLE
        try:
            row = conn.execute("SELECT EXISTS (SELECT 1 FROM pg_proc"
                               " WHERE xmin = xid(pg_current_xact_id_if_assigned()))").fetchone()
        except psycopg.Error:
            return True
        return bool(row and row[0])

    @contextmanager
    def test(self, fresh: bool = False) -> Iterator[psycopg.Connection]:
        if fresh:
            with psycopg.connect(self.url) as own:
                yield own
                own.rollback()
            return
        if self._conn is None or not self._reusable(self._conn):
            self.close()
            self._conn = self._fresh()
        conn = self._conn
        try:
            yield conn
        finally:
            replace = self._wrote_functions(conn)
            try:
                conn.rollback()
            except psycopg.Error:
                pass
            if replace or not self._reusable(conn):
                self.close()

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None


REDEFINES_FUNCTIONS = re.compile(r"CREATE\s+(OR\s+REPLACE\s+)?FUNCTION", re.IGNORECASE)


def redefines_functions(request: pytest.FixtureRequest) -> bool:
    """True when the test's source says CREATE [OR REPLACE] FUNCTION (or cannot be read): it gets a connection of
    its own (``RollbackConnections.test(fresh=True)``)."""
    try:
        return bool(REDEFINES_FUNCTIONS.search(inspect.getsource(request.function)))
    except (OSError, TypeError):
        return True
