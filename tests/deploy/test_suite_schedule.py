"""How `make test` shares the suite between its two processes (tests/support/xdist_schedule.py): the work units (the
main stack's integration tests in two, stop 39), their order, and the stop of an interrupted run that waits for every
worker's teardown."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import OrderedDict
from pathlib import Path


from tests.support.xdist_schedule import (
    MAIN_STACK_SECONDS, MAIN_STACK_UNITS, in_run_order, main_stack_halves, main_stack_unit, stack_group, stop_workers,
    unit_of)

ROOT = Path(__file__).resolve().parents[2]


def test_a_test_is_in_its_files_unit_unless_it_belongs_to_a_stack_group() -> None:
    assert unit_of("tests/knowledge/test_kb_schema.py::test_x") == "tests/knowledge/test_kb_schema.py"
    assert unit_of("tests/integration/test_faults.py::test_y@stack-2") == "@stack-2"
    assert unit_of("tests/integration/test_estimates.py::Cls::test_z@stubbed-stack") == "@stubbed-stack"
    # an @ inside a parameter is not a group
    assert unit_of("tests/gateway/test_gw_x.py::test_mail[a@b.es]") == "tests/gateway/test_gw_x.py"


def test_integration_tests_are_grouped_by_the_stack_they_ask_for() -> None:
    integration = ROOT / "tests" / "integration" / "test_x.py"
    assert stack_group(integration, ["stack", "open_chat"], ROOT) == main_stack_unit("test_x.py")
    assert stack_group(integration, ["stack", "open_chat"], ROOT) in ("stack-1", "stack-2")
    # estimate_stack's modules override `stack` with the stubbed stack: they ask for both
    assert stack_group(integration, ["stack", "stubbed_stack"], ROOT) == "stubbed-stack"
    assert stack_group(integration, ["page_stack", "browser"], ROOT) is None
    assert stack_group(ROOT / "tests" / "knowledge" / "test_x.py", ["stack"], ROOT) is None
    assert stack_group(Path("/elsewhere/tests/integration/test_x.py"), ["stack"], ROOT) is None


def test_the_stacks_come_first_the_main_stack_s_second_unit_last_then_every_file_in_the_order_of_one_process() -> None:
    collection = [
        "tests/a/test_1.py::t", "tests/a/test_2.py::t1", "tests/a/test_2.py::t2",
        "tests/integration/test_i.py::t1@stack-1", "tests/integration/test_p.py::t",
        "tests/integration/test_i.py::t2@stack-1", "tests/integration/test_j.py::t@stack-2",
        "tests/integration/test_j.py::u@stack-2", "tests/integration/test_j.py::v@stack-2",
        "tests/integration/test_j.py::w@stack-2", "tests/integration/test_s.py::t@stubbed-stack",
        "tests/integration/test_s.py::u@stubbed-stack", "tests/integration/test_s.py::v@stubbed-stack",
        "tests/z/test_9.py::t",
    ]
    queue: OrderedDict[str, dict[str, bool]] = OrderedDict()
    for nodeid in sorted(collection, key=lambda n: n[::-1]):   # any other order: xdist sorts by number of tests
        queue.setdefault(unit_of(nodeid), {})[nodeid] = False
    ordered = in_run_order(queue, collection)
    # the two workers start on different stacks; the main stack's second unit (the most tests here) comes third
    assert list(ordered) == ["@stubbed-stack", "@stack-1", "@stack-2", "tests/a/test_1.py", "tests/a/test_2.py",
                             "tests/integration/test_p.py", "tests/z/test_9.py"]
    assert ordered["@stack-1"] == queue["@stack-1"]


def test_the_main_stack_s_files_are_split_in_two_by_their_measured_seconds() -> None:
    assert MAIN_STACK_UNITS == ("stack-1", "stack-2")
    halves = main_stack_halves({"a.py": 50.0, "b.py": 30.0, "c.py": 25.0, "d.py": 10.0, "e.py": 10.0})
    assert halves == {"a.py": "stack-1", "b.py": "stack-2", "c.py": "stack-2", "d.py": "stack-1", "e.py": "stack-2"}
    # a file the table does not know goes by its name, the same way every time (both workers must agree)
    assert main_stack_unit("test_new.py", halves) == main_stack_unit("test_new.py", {}) in MAIN_STACK_UNITS
    assert {main_stack_unit(f"test_new_{n}.py", {}) for n in range(8)} == set(MAIN_STACK_UNITS)
    # the table's own split: both units used, neither with more than 60 % of the measured seconds
    real = main_stack_halves(MAIN_STACK_SECONDS)
    totals = {unit: sum(MAIN_STACK_SECONDS[f] for f, u in real.items() if u == unit) for unit in MAIN_STACK_UNITS}
    assert max(totals.values()) <= 0.6 * sum(totals.values()), totals


GROUPS_PLUGIN = """
import json
from pathlib import Path
from tests.support.xdist_schedule import stack_group

def pytest_collection_finish(session):
    root = Path(str(session.config.rootpath))
    found = [(item.nodeid, stack_group(Path(str(item.path)), item.fixturenames, root)) for item in session.items]
    Path(session.config.rootpath, {out!r}).write_text(json.dumps(found))
"""


def test_the_integration_directory_s_main_stack_tests_are_two_units_of_whole_files(tmp_path: Path) -> None:
    """The real collection of tests/integration (as each worker groups it): the main stack's tests fall into exactly
    two units, each with files of its own (whole files), and the stubbed stack's tests stay one unit. Fails if the
    main stack's tests collapse back into one unit."""
    out = tmp_path / "groups.json"
    (tmp_path / "collect_groups.py").write_text(GROUPS_PLUGIN.format(out=str(out)))
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "collect_groups", "-p", "no:cacheprovider",
         "tests/integration"], cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])})
    assert collected.returncode == 0, collected.stdout[-2000:] + collected.stderr[-2000:]
    files_of: dict[str | None, set[str]] = {}
    for nodeid, group in json.loads(out.read_text()):
        files_of.setdefault(group, set()).add(nodeid.split("::", 1)[0])
    assert {"stack-1", "stack-2", "stubbed-stack"} <= set(files_of), sorted(map(str, files_of))
    assert "stack" not in files_of
    assert not files_of["stack-1"] & files_of["stack-2"], "a file split across the two units"
    assert len(files_of["stack-1"]) >= 5 and len(files_of["stack-2"]) >= 5, files_of
    measured = {unit: sum(MAIN_STACK_SECONDS.get(Path(f).name, 0.0) for f in files_of[unit])
                for unit in MAIN_STACK_UNITS}
    assert min(measured.values()) >= 0.4 * sum(measured.values()), measured


def _worker(folder: Path, name: str, teardown_seconds: float) -> subprocess.Popen:
    """A stand-in for a worker: takes SIGTERM as KeyboardInterrupt, 'tears down' for a while, then writes its end."""
    code = textwrap.dedent(f"""
        import signal, sys, time
        from pathlib import Path
        def stop(signum, frame):
            raise KeyboardInterrupt
        signal.signal(signal.SIGTERM, stop)
        Path({str(folder)!r}, {name + '.pid'!r}).write_text("%d\\n" % __import__("os").getpid())
        try:
            time.sleep(60)
        except KeyboardInterrupt:
            time.sleep({teardown_seconds})
            Path({str(folder)!r}, {name + '.ended'!r}).touch()
    """)
    process = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 30
    while not (folder / f"{name}.pid").exists():
        assert time.monotonic() < deadline, "the stand-in worker did not start"
        time.sleep(0.05)
    return process


def test_an_interrupted_run_waits_for_each_workers_teardown(tmp_path: Path) -> None:
    slow = _worker(tmp_path, "gw0", teardown_seconds=2.0)
    quick = _worker(tmp_path, "gw1", teardown_seconds=0.0)
    (tmp_path / "gw2.pid").write_text(f"{os.getpid()}\n")   # a worker that has already ended is not signalled
    (tmp_path / "gw2.ended").touch()
    try:
        started = time.monotonic()
        assert stop_workers(tmp_path, timeout=30) == ["gw0", "gw1"]
        assert time.monotonic() - started >= 1.5, "returned before the slow worker's teardown ended"
        assert (tmp_path / "gw0.ended").exists() and (tmp_path / "gw1.ended").exists()
    finally:
        for process in (slow, quick):
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.wait(10)
