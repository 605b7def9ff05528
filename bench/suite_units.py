"""Summarise a run recorded by bench/suite_phases.py: where each process spent its time, unit by unit (the work units
of `make test`'s run in two processes: tests/support/xdist_schedule.py), and each file's seconds.

    .venv/bin/python bench/suite_units.py /tmp/phases.tsv                 # wall, each worker's units in order
    .venv/bin/python bench/suite_units.py /tmp/phases.tsv --files         # + every file's seconds, longest first
    .venv/bin/python bench/suite_units.py /tmp/phases.tsv --stack-files   # the stacks' files as Python tables
                                                                           # (MAIN_STACK_SECONDS)

A file's seconds are the set-up, call and teardown of its tests; for a stack unit the set-up of its first test also
starts the stack, shown apart as the unit's start and left out of that file's seconds."""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.xdist_schedule import unit_of  # noqa: E402


@dataclass
class Unit:
    worker: str
    name: str
    start: float = float("inf")
    stop: float = 0.0
    seconds: float = 0.0
    tests: set[str] = field(default_factory=set)
    first_setup: tuple[float, float] | None = None  # (start, seconds) of the earliest set-up


def read(path: Path) -> list[tuple[str, str, str, str, float, float, float]]:
    phases = []
    for line in path.read_text().splitlines():
        worker, nodeid, when, outcome, seconds, start, stop = line.split("\t")
        phases.append((worker, nodeid, when, outcome, float(seconds), float(start), float(stop)))
    return phases


def file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def summarise(phases: list, files: bool, stack_files: bool) -> None:
    units: dict[tuple[str, str], Unit] = {}
    outcomes: dict[str, int] = defaultdict(int)
    for worker, nodeid, when, outcome, seconds, start, stop in phases:
        unit = units.setdefault((worker, unit_of(nodeid)), Unit(worker, unit_of(nodeid)))
        unit.start, unit.stop = min(unit.start, start), max(unit.stop, stop)
        unit.seconds += seconds
        unit.tests.add(nodeid)
        if when == "setup" and (unit.first_setup is None or start < unit.first_setup[0]):
            unit.first_setup = (start, seconds)
        if when == "call" or outcome != "passed":
            outcomes[outcome if when == "call" else f"{outcome} in {when}"] += 1
    begin = min(u.start for u in units.values())
    end = max(u.stop for u in units.values())
    print(f"wall (first set-up to last teardown): {end - begin:.1f} s; "
          + ", ".join(f"{n} {k}" for k, n in sorted(outcomes.items())))
    for worker in sorted({u.worker for u in units.values()}):
        mine = sorted((u for u in units.values() if u.worker == worker), key=lambda u: u.start)
        busy = sum(u.seconds for u in mine)
        print(f"\n{worker}: {len(mine)} units, busy {busy:.1f} s, from {mine[0].start - begin:.1f} to "
              f"{mine[-1].stop - begin:.1f} s")
        print(f"  {'unit':<58} {'tests':>5} {'from s':>8} {'to s':>8} {'seconds':>8}  start")
        for u in mine:
            start = f"{u.first_setup[1]:.1f}" if u.name.startswith("@") and u.first_setup else ""
            print(f"  {u.name:<58} {len(u.tests):>5} {u.start - begin:>8.1f} {u.stop - begin:>8.1f} "
                  f"{u.seconds:>8.1f}  {start}")
    per_file: dict[tuple[str, str], float] = defaultdict(float)  # (file, unit): a file may be in two units
    tests: dict[tuple[str, str], set[str]] = defaultdict(set)
    for worker, nodeid, when, outcome, seconds, start, stop in phases:
        unit = units[(worker, unit_of(nodeid))]
        if when == "setup" and unit.name.startswith("@") and unit.first_setup == (start, seconds):
            seconds = 0.0  # the stack's start, shown with its unit
        per_file[(file_of(nodeid), unit.name)] += seconds
        tests[(file_of(nodeid), unit.name)].add(nodeid)
    if files:
        print(f"\n  {'file':<58} {'unit':<16} {'tests':>5} {'seconds':>8}")
        for (name, unit_name), seconds in sorted(per_file.items(), key=lambda item: -item[1]):
            shown = unit_name if unit_name.startswith("@") else "(its file)"
            print(f"  {name:<58} {shown:<16} {len(tests[(name, unit_name)]):>5} {seconds:>8.1f}")
    if stack_files:
        print("\nper stack (the \"stack\" part is tests/support/xdist_schedule.py's MAIN_STACK_SECONDS):\n{")
        for stack, names in (("stack", ("@stack", "@stack-1", "@stack-2")), ("stubbed-stack", ("@stubbed-stack",))):
            print(f'    "{stack}": {{')
            for (name, unit_name), seconds in sorted(per_file.items()):
                if unit_name in names:
                    print(f'        "{Path(name).name}": {seconds:.1f},')
            print("    },")
        print("}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("phases", type=Path)
    parser.add_argument("--files", action="store_true")
    parser.add_argument("--stack-files", action="store_true")
    args = parser.parse_args()
    summarise(read(args.phases), args.files, args.stack_files)


if __name__ == "__main__":
    main()
