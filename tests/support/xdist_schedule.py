"""How `make test` shares the suite between its two processes (pytest-xdist, ``-n 2``: one per core of CI).

One process left a core idle most of the time: an SQL test waits on one Postgres backend, an integration test on n8n,
the LLM server or a fixed wait. Two workers each take whole **work units** from one queue:

- every test file is a unit (its module fixtures, its memo of answers, its database of its own: set up once), and
- the integration tests that use one of the session's stacks are one unit per stack (``stack`` or ``stubbed_stack``,
  tests/integration/conftest.py): a stack is started once, in one worker, as in a run in one process. The grouping is
  by the fixtures each test asks for (``stack_group``), so a new integration file joins its stack's unit by itself.

The queue: the stack units first (the longest: a stack's start and its tests), then every test file **in the order
of a run in one process** (``in_run_order``). So each worker runs the files of a directory in the same relative order
as one process did, a subsequence of it: a file that commits to its directory's database (a few do, and clean up
after themselves only in part) is followed in a worker only by files that followed it before, which already passed
after it. (This branch's first version ordered the files longest first: it could have run test_estimate_validation.py,
which commits estimates, before test_estimate_turns_28.py, which counts every estimate in the database and had
only ever run before it.)
The run ends on tests/workflows' short files, not on one long file while the other worker idles. Which worker runs a
test never changes what it proves: each worker has its own seeded cluster, its own databases and its own stacks
(free ports, scratch folders).

A run in one process (``pytest``, ``pytest tests/knowledge``…) is unchanged: none of this is used without ``-n``."""

from __future__ import annotations

import os
import signal
import time
from collections import OrderedDict
from pathlib import Path

from tests.support.scratch_postgres import process_alive

STACK_GROUPS = {"stubbed_stack": "stubbed-stack", "stack": "stack"}  # first match wins: estimate_stack's modules
# override ``stack`` with the stubbed stack, so they ask for both


def stack_group(path: Path, fixturenames: tuple[str, ...] | list[str], root: Path) -> str | None:
    """The work unit of an integration test that uses one of the session's stacks (its name), else None."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        return None
    if relative.parts[:2] != ("tests", "integration"):
        return None
    for fixture, group in STACK_GROUPS.items():
        if fixture in fixturenames:
            return group
    return None


def unit_of(nodeid: str) -> str:
    """A test's work unit: its group (``…@stack``: the xdist_group suffix) or its file."""
    if nodeid.rfind("@") > nodeid.rfind("]"):
        return "@" + nodeid.rsplit("@", 1)[1]
    return nodeid.split("::", 1)[0]


def in_run_order(workqueue: OrderedDict[str, dict[str, bool]], collection: list[str]) -> OrderedDict[str, dict[str, bool]]:
    """The stack units first, the most tests first; then every other unit where its first test stands in the run's
    collection (a run in one process's order)."""
    first: dict[str, int] = {}
    for index, nodeid in enumerate(collection):
        first.setdefault(unit_of(nodeid), index)
    stacks = sorted((u for u in workqueue if u.startswith("@")), key=lambda u: (-len(workqueue[u]), first.get(u, 0)))
    files = sorted((u for u in workqueue if not u.startswith("@")), key=lambda u: first.get(u, len(collection)))
    return OrderedDict((unit, workqueue[unit]) for unit in [*stacks, *files])


def make_scheduler(config, log):  # type: ignore[no-untyped-def]
    """The scheduler for ``--dist loadgroup`` (pytest-xdist's ``LoadScopeScheduling``, with the units and order above)."""
    from xdist.scheduler import LoadScopeScheduling

    class FileAndStackScheduling(LoadScopeScheduling):
        _ordered = False

        def _split_scope(self, nodeid: str) -> str:
            return unit_of(nodeid)

        def _assign_work_unit(self, node) -> None:  # type: ignore[no-untyped-def]
            if not self._ordered:  # the first assignment: the queue is complete, order it once
                self._ordered = True
                self.workqueue = in_run_order(self.workqueue, self.collection or [])
            super()._assign_work_unit(node)

    return FileAndStackScheduling(config, log)


# --- Stopping: every worker's teardown runs on every way out -----------------------------------------------------
# Interrupted (Ctrl-C, SIGTERM, SIGHUP), xdist's controller asks its workers to exit and kills any still running after
# 10 s: a worker stopping its stacks and clusters takes longer, and a killed worker leaves them running (stop 37 made
# every way out of a run in one process stop them: tests/conftest.py). So the controller first asks each worker to stop
# as Ctrl-C does and waits until each has finished its teardown (a file it writes at its end), then lets xdist go on.

WORKERS_DIR_KEY = "remedios_workers_dir"  # in each worker's workerinput: where it writes its pid and its end
STOP_WAIT_SECONDS = 600


def worker_files(config) -> tuple[Path, str] | None:  # type: ignore[no-untyped-def]
    """In a worker of this suite's run in several processes: (the controller's folder, the worker's id)."""
    workerinput = getattr(config, "workerinput", None)
    if not workerinput or WORKERS_DIR_KEY not in workerinput:
        return None
    return Path(workerinput[WORKERS_DIR_KEY]), str(workerinput["workerid"])


def worker_started(config) -> None:  # type: ignore[no-untyped-def]
    found = worker_files(config)
    if found is not None:
        folder, worker = found
        (folder / f"{worker}.pid").write_text(f"{os.getpid()}\n")


def worker_ended(config) -> None:  # type: ignore[no-untyped-def]
    found = worker_files(config)
    if found is not None:
        folder, worker = found
        (folder / f"{worker}.ended").touch()


def stop_workers(folder: Path, timeout: float = STOP_WAIT_SECONDS) -> list[str]:
    """Ask every worker that has not ended to stop (SIGTERM: in a worker, KeyboardInterrupt once, so its session's
    teardown runs; tests/conftest.py) and wait until each has ended or is gone. Returns the workers waited for."""
    waiting: dict[str, int] = {}
    for pid_file in sorted(folder.glob("*.pid")):
        worker = pid_file.stem
        try:
            pid = int(pid_file.read_text().strip())
        except ValueError:
            continue
        if (folder / f"{worker}.ended").exists() or not process_alive(pid):
            continue
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
        waiting[worker] = pid
    deadline = time.monotonic() + timeout
    left = dict(waiting)
    while left and time.monotonic() < deadline:
        for worker, pid in list(left.items()):
            if (folder / f"{worker}.ended").exists() or not process_alive(pid):
                del left[worker]
        time.sleep(0.2)
    return sorted(waiting)
