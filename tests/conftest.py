"""Fixtures shared by every test directory."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import ExitStack

import pytest

from tests.support.scratch_postgres import ENDING_SIGNALS, SeededCluster, uninterrupted


def _end_the_session(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"stopped by signal {signal.Signals(signum).name}")


def pytest_configure(config: pytest.Config) -> None:
    """SIGTERM and SIGHUP (a `kill`, `timeout`, a closed terminal) end the session as Ctrl-C does: pytest stops and
    runs every fixture's teardown, so the session's clusters and stacks are stopped. Left at their default they ended
    Python at once, and every cluster the session had started kept running (stop 37, tidy37)."""
    if threading.current_thread() is threading.main_thread():
        for ending in ENDING_SIGNALS:
            if signal.getsignal(ending) is signal.SIG_DFL:
                signal.signal(ending, _end_the_session)


class _EarlyCluster:
    """The session's seeded cluster, built in a thread while the tests before its first user run (the template is
    20–50 s of Postgres work; the deploy and bench tests that come first in a whole run mostly wait on other
    processes). Started only when a collected test needs it; what is built is exactly what ``SeededCluster.started``
    builds on first use, so only the moment changes."""

    def __init__(self) -> None:
        self._stack = ExitStack()
        self._cluster: SeededCluster | None = None
        self._error: BaseException | None = None
        self._built = threading.Event()
        self._thread = threading.Thread(target=self._build, name="seeded-cluster", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _build(self) -> None:
        try:
            self._cluster = self._stack.enter_context(SeededCluster.started())
        except BaseException as error:  # handed to the fixture, raised there
            self._error = error
        finally:
            self._built.set()

    def cluster(self) -> SeededCluster:
        # An Event, not Thread.join: a join interrupted by Ctrl-C or SIGTERM (KeyboardInterrupt, tests/conftest.py)
        # marks the thread as ended in Python 3.11 (its lock released on the thread's behalf), so the join in close()
        # returned at once and the process ended with the cluster still being built, and then left running.
        self._built.wait()
        if self._error is not None:
            raise self._error
        assert self._cluster is not None
        return self._cluster

    def close(self) -> None:
        if self._thread.ident is None:  # never started
            return
        with uninterrupted():  # a second signal waits: the cluster is stopped once it is built
            self._built.wait()
            self._stack.close()


_early: _EarlyCluster | None = None


def pytest_collection_finish(session: pytest.Session) -> None:
    """When a collected test uses ``seeded_cluster`` but is not the first test, build the cluster in the background
    from now on."""
    global _early
    users = [i for i, item in enumerate(session.items) if "seeded_cluster" in getattr(item, "fixturenames", ())]
    if users and users[0] > 0 and _early is None and not session.config.option.collectonly:
        _early = _EarlyCluster()
        _early.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    """Stops a cluster built early whose fixture never ran (a run stopped before its first user)."""
    global _early
    if _early is not None:
        _early.close()
        _early = None


@pytest.fixture(scope="session")
def seeded_cluster() -> Iterator[SeededCluster]:
    """One embedded Postgres cluster for the session, the runner's SQL files applied once into a template; each
    directory's ``app_db`` is a copy of it (tests/support/scratch_postgres.py). Started on first use, or earlier in
    the background when tests that do not use it come first (``_EarlyCluster``)."""
    global _early
    if _early is None:
        with SeededCluster.started() as cluster:
            yield cluster
        return
    early, _early = _early, None
    try:
        yield early.cluster()
    finally:
        early.close()
