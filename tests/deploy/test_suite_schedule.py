"""How `make test` shares the suite between its two processes (tests/support/xdist_schedule.py): the work units, their
order, and the stop of an interrupted run that waits for every worker's teardown."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import OrderedDict
from pathlib import Path

from tests.support.xdist_schedule import in_run_order, stack_group, stop_workers, unit_of

ROOT = Path(__file__).resolve().parents[2]


def test_a_test_is_in_its_files_unit_unless_it_belongs_to_a_stack_group() -> None:
    assert unit_of("tests/knowledge/test_kb_schema.py::test_x") == "tests/knowledge/test_kb_schema.py"
    assert unit_of("tests/integration/test_faults.py::test_y@stack") == "@stack"
    assert unit_of("tests/integration/test_estimates.py::Cls::test_z@stubbed-stack") == "@stubbed-stack"
    # an @ inside a parameter is not a group
    assert unit_of("tests/gateway/test_gw_x.py::test_mail[a@b.es]") == "tests/gateway/test_gw_x.py"


def test_integration_tests_are_grouped_by_the_stack_they_ask_for() -> None:
    integration = ROOT / "tests" / "integration" / "test_x.py"
    assert stack_group(integration, ["stack", "open_chat"], ROOT) == "stack"
    # estimate_stack's modules override `stack` with the stubbed stack: they ask for both
    assert stack_group(integration, ["stack", "stubbed_stack"], ROOT) == "stubbed-stack"
    assert stack_group(integration, ["page_stack", "browser"], ROOT) is None
    assert stack_group(ROOT / "tests" / "knowledge" / "test_x.py", ["stack"], ROOT) is None
    assert stack_group(Path("/elsewhere/tests/integration/test_x.py"), ["stack"], ROOT) is None


def test_the_stacks_come_first_then_every_file_in_the_order_of_one_process() -> None:
    collection = [
        "tests/a/test_1.py::t", "tests/a/test_2.py::t1", "tests/a/test_2.py::t2",
        "tests/integration/test_i.py::t1@stack", "tests/integration/test_p.py::t",
        "tests/integration/test_i.py::t2@stack", "tests/integration/test_s.py::t@stubbed-stack",
        "tests/integration/test_s.py::u@stubbed-stack", "tests/integration/test_s.py::v@stubbed-stack",
        "tests/z/test_9.py::t",
    ]
    queue: OrderedDict[str, dict[str, bool]] = OrderedDict()
    for nodeid in sorted(collection, key=lambda n: n[::-1]):   # any other order: xdist sorts by number of tests
        queue.setdefault(unit_of(nodeid), {})[nodeid] = False
    ordered = in_run_order(queue, collection)
    assert list(ordered) == ["@stubbed-stack", "@stack", "tests/a/test_1.py", "tests/a/test_2.py",
                             "tests/integration/test_p.py", "tests/z/test_9.py"]
    assert ordered["@stack"] == queue["@stack"]


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
