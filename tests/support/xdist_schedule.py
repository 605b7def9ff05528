"""How `make test` shares the suite between its two processes (pytest-xdist, ``-n 2``: one per core of CI).

One process left a core idle most of the time: an SQL test waits on one Postgres backend, an integration test on n8n,
the LLM server or a fixed wait. Two workers each take whole **work units** from one queue:

- every test file is a unit (its module fixtures, its memo of answers, its database of its own: set up once), and
- the integration tests that use one of the session's stacks are grouped by the stack they ask for (``stack`` or
  ``stubbed_stack``, tests/integration/conftest.py; ``stack_group``), so a new integration file joins its stack by
  itself: the stubbed stack's tests are one unit (``@stubbed-stack``), started once, in one worker, as in a run in one
  process; the main stack's tests are **two units** (``@stack-1``, ``@stack-2``, stop 39): as one unit they were seen
  as the run's longest piece (37 of 46 minutes on a loaded machine, bench/SUITE-38.md). A worker that takes one starts
  a main stack of its own if it has none yet (so one more start when the two units run side by side: 24–27 s on a
  quiet machine, 1–2 min under load, bench/SUITE-39.md) and runs about half of the main stack's files: whole files,
  split by their measured seconds (``MAIN_STACK_SECONDS``, the longest first into the lighter half; a file not in the
  table goes by a hash of its name). Each half runs its files in the order of a run in one process, a subsequence of
  it, on a stack that only that half's files touched: a file sees the effects of fewer earlier files than in one
  process, never of a file that came after it (and every file also passes alone, on a stack of its own, as helpers run
  them).

The queue: the stack units first (the longest: a stack's start and its tests; the main stack's second unit after the
others, ``in_run_order`` says why), then every test file **in the order of a run in one process**. So each worker runs
the files of a directory in the same relative order as one process did, a subsequence of it: a file that commits to
its directory's database (a few do, and clean up after themselves only in part) is followed in a worker only by files
that followed it before, which already passed after it. (Stop 38's first version ordered the files longest first:
it could have run test_estimate_validation.py, which committed estimates, before test_estimate_turns_28.py, which
counted every estimate in the database and had only ever run before it; stop 39 removed that dependence, and the order
of one process stays the safe one for any other.)
The run ends on tests/workflows' short files, not on one long file while the other worker idles. Which worker runs a
test never changes what it proves: each worker has its own seeded cluster, its own databases and its own stacks
(free ports, scratch folders).

A run in one process (``pytest``, ``pytest tests/knowledge``…) is unchanged: none of this is used without ``-n``."""

from __future__ import annotations

import os
import signal
import time
import zlib
from collections import OrderedDict
from pathlib import Path

from tests.support.scratch_postgres import process_alive

STACK_GROUPS = {"stubbed_stack": "stubbed-stack", "stack": "stack"}  # first match wins: estimate_stack's modules
# override ``stack`` with the stubbed stack, so they ask for both
MAIN_STACK_UNITS = ("stack-1", "stack-2")  # the main stack's tests: two units, each on a stack of its worker's own

# Seconds of each integration file on the main stack (set-up + call + teardown of its tests; the stack's start left
# out: each unit pays one): the run of tests/integration in two processes before the split, 2026-12-07, load 5–14
# (bench/SUITE-39.md; `bench/suite_units.py PHASES --stack-files`). They only balance the two units; what a test
# proves never depends on them. Re-measure when the files grow.
MAIN_STACK_SECONDS: dict[str, float] = {
    "test_answer_shape.py": 39.7,
    "test_ask_back.py": 42.6,
    "test_ask_back_browser.py": 13.5,
    "test_browser_chat.py": 12.0,
    "test_chat_spine.py": 15.1,
    "test_delivery_status.py": 3.9,
    "test_estimate_history.py": 6.8,
    "test_faults.py": 255.1,
    "test_feedback_loop.py": 51.1,
    "test_grounded_answers.py": 13.7,
    "test_kb_fuzzy_chat.py": 5.8,
    "test_price_form.py": 17.7,
    "test_price_import.py": 37.5,
    "test_safety_article_links.py": 51.3,
    "test_safety_checklist_chat.py": 18.1,
    "test_send_to_gateway.py": 56.0,
    "test_small_talk_29.py": 10.9,
    "test_small_talk_38.py": 6.6,
    "test_stack_start.py": 1.8,
    "test_staff_browser.py": 33.5,
    "test_streaming.py": 34.1,
    "test_streaming_browser.py": 10.3,
    "test_takeover_whatsapp.py": 20.3,
    "test_voice_notes.py": 32.8,
    "test_whatsapp.py": 23.0,
    "test_workflow_roundtrip.py": 15.5,
}


def main_stack_halves(seconds: dict[str, float]) -> dict[str, str]:
    """Each file of the table to one of ``MAIN_STACK_UNITS``: the longest first, each into the unit with fewer
    seconds so far (the first on a tie), so the two units take about the same time."""
    totals = dict.fromkeys(MAIN_STACK_UNITS, 0.0)
    halves: dict[str, str] = {}
    for name, spent in sorted(seconds.items(), key=lambda item: (-item[1], item[0])):
        unit = min(MAIN_STACK_UNITS, key=lambda u: totals[u])
        halves[name] = unit
        totals[unit] += spent
    return halves


_HALVES = main_stack_halves(MAIN_STACK_SECONDS)


def main_stack_unit(name: str, halves: dict[str, str] | None = None) -> str:
    """The main stack's unit of a test file (its name): from the table's split, or, for a file the table does not
    know yet, by a hash of its name (the same in every worker and every run)."""
    found = (_HALVES if halves is None else halves).get(name)
    if found is not None:
        return found
    return MAIN_STACK_UNITS[zlib.crc32(name.encode()) % len(MAIN_STACK_UNITS)]


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
            return main_stack_unit(path.name) if group == "stack" else group
    return None


def unit_of(nodeid: str) -> str:
    """A test's work unit: its group (``…@stack``: the xdist_group suffix) or its file."""
    if nodeid.rfind("@") > nodeid.rfind("]"):
        return "@" + nodeid.rsplit("@", 1)[1]
    return nodeid.split("::", 1)[0]


def in_run_order(workqueue: OrderedDict[str, dict[str, bool]], collection: list[str]) -> OrderedDict[str, dict[str, bool]]:
    """The stack units first: the first unit of each stack (the most tests first), then the main stack's second unit;
    then every other unit where its first test stands in the run's collection (a run in one process's order).

    So the two workers start on different stacks, and the main stack's second unit goes to whichever ends first:
    the worker of the main stack's first unit goes on on the stack it has (as before the split: no second start),
    or the other worker starts a main stack of its own and the two halves run side by side. Either way no chain of
    stack units is longer than the main stack's unit before the split by more than one start (it is shorter when the
    stubbed stack's unit is shorter than a half's tests). (With the two halves first, the stubbed stack's
    unit would follow one of them: at stop 38's load, stubbed 30 min and main stack 37, a chain of 48 min or more.)"""
    first: dict[str, int] = {}
    for index, nodeid in enumerate(collection):
        first.setdefault(unit_of(nodeid), index)
    second = "@" + MAIN_STACK_UNITS[1]
    stacks = sorted((u for u in workqueue if u.startswith("@")),
                    key=lambda u: (u == second, -len(workqueue[u]), first.get(u, 0)))
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
