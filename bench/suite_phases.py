"""A pytest plugin that records every test's phases (set-up, call, teardown) with the process that ran it, for the
suite-time benches (bench/SUITE-39.md). Writes one tab-separated line per phase to the file named by ``PHASES_OUT``:

    worker  nodeid  when  outcome  seconds  start  stop

``worker`` is xdist's worker id (``gw0``, ``gw1``) in a run in several processes, ``main`` in a run in one; ``start``
and ``stop`` are epoch seconds. In a run in several processes only the controller writes (it receives every
worker's reports), so one file holds the whole run. Summarise with ``bench/suite_units.py``.

    PHASES_OUT=/tmp/phases.tsv .venv/bin/python -m pytest -n 2 --dist loadgroup -p bench.suite_phases tests/integration

Only records: it changes no test, no order and no unit."""

from __future__ import annotations

import os
from typing import IO

import pytest

_out: IO[str] | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _out
    path = os.environ.get("PHASES_OUT")
    if path and not hasattr(config, "workerinput"):  # the controller, or a run in one process
        _out = open(path, "a", buffering=1, encoding="utf-8")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if _out is None:
        return
    node = getattr(report, "node", None)  # xdist's controller: the worker that sent the report
    worker = node.gateway.id if node is not None else "main"
    _out.write(f"{worker}\t{report.nodeid}\t{report.when}\t{report.outcome}\t{report.duration:.3f}\t"
               f"{report.start:.3f}\t{report.stop:.3f}\n")


def pytest_unconfigure(config: pytest.Config) -> None:
    global _out
    if _out is not None:
        _out.close()
        _out = None
