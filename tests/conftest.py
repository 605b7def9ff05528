"""Fixtures shared by every test directory."""

from __future__ import annotations

import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from tests.support.scratch_postgres import ENDING_SIGNALS, SeededCluster, uninterrupted
from tests.support.xdist_schedule import (
    WORKERS_DIR_KEY, make_scheduler, stack_group, stop_workers, worker_ended, worker_files, worker_started)

ROOT = Path(__file__).resolve().parents[1]


def _end_the_session(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"stopped by signal {signal.Signals(signum).name}")


_ending = False


def _end_the_worker_once(signum: int, frame: object) -> None:
    """A worker of a run in several processes: the first Ctrl-C, SIGTERM or SIGHUP ends its session as Ctrl-C does;
    any later one (the controller passes the signal on, a terminal sent it to every process) is ignored, so the
    teardown that stops the worker's clusters and stacks is not cut short."""
    global _ending
    if _ending:
        return
    _ending = True
    raise KeyboardInterrupt(f"stopped by signal {signal.Signals(signum).name}")


def pytest_configure(config: pytest.Config) -> None:
    """SIGTERM and SIGHUP (a `kill`, `timeout`, a closed terminal) end the session as Ctrl-C does: pytest stops and
    runs every fixture's teardown, so the session's clusters and stacks are stopped. Left at their default they ended
    Python at once, and every cluster the session had started kept running (stop 37, tidy37). In a worker of a run in
    several processes (`make test`), Ctrl-C too, and only once (``_end_the_worker_once``; the controller waits for
    the workers' teardown: tests/support/xdist_schedule.py)."""
    worker = worker_files(config) is not None
    if threading.current_thread() is threading.main_thread():
        for ending in ENDING_SIGNALS:
            if signal.getsignal(ending) is signal.SIG_DFL:
                signal.signal(ending, _end_the_worker_once if worker else _end_the_session)
        if worker and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, _end_the_worker_once)
    worker_started(config)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """Controller of a run in several processes: each worker writes its pid and its end into one folder."""
    global _workers_dir
    if _workers_dir is None:
        _workers_dir = Path(tempfile.mkdtemp(prefix="remedios-workers-"))
    node.workerinput[WORKERS_DIR_KEY] = str(_workers_dir)


_workers_dir: Path | None = None


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Controller of an interrupted run in several processes: before xdist shuts its workers down (it kills any still
    running after 10 s), each is asked to stop and waited for until its teardown is done."""
    if _workers_dir is not None and exitstatus == pytest.ExitCode.INTERRUPTED:
        stop_workers(_workers_dir)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """`make test` runs the suite in two processes (``-n 2 --dist loadgroup``): whole test files and the session's
    stacks' integration tests (the main stack's in two units) are the units the two share, the stacks first, then the
    files in the order of one process (tests/support/xdist_schedule.py)."""
    if config.getvalue("dist") == "loadgroup":
        return make_scheduler(config, log)
    return None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In a worker of a run in several processes: the integration tests of a session stack are grouped
    (``xdist_group``): the stubbed stack's in one unit, so it starts once, in one worker; the main stack's in two,
    each on the main stack of the worker that runs it, one worker's if it runs both
    (tests/support/xdist_schedule.py). Before xdist's own hook, which reads the mark."""
    if not hasattr(config, "workerinput"):
        return
    for item in items:
        group = stack_group(Path(str(item.path)), getattr(item, "fixturenames", ()), ROOT)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


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
    """Stops a cluster built early whose fixture never ran (a run stopped before its first user). A worker then says
    it has ended; the controller removes the workers' folder."""
    global _early, _workers_dir
    if _early is not None:
        _early.close()
        _early = None
    worker_ended(config)
    if _workers_dir is not None:
        shutil.rmtree(_workers_dir, ignore_errors=True)
        _workers_dir = None


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
