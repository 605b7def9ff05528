"""Write tests/support/suite_seconds.tsv (seconds per test file) from a phase record of a whole run, the table by
which `make test`'s two processes take the longest units first (tests/support/xdist_schedule.py).

A phase record has one line per test phase: nodeid, when (setup/call/teardown), seconds[, wall clock, outcome]
(bench/SUITE-31.md's recorder; /work/ci-times/phases.tsv is the lead's). Several records may be given: a file's
seconds are taken from the last record that has it. The table only orders the queue; a stale or missing row changes
how the two processes share the work, never what a test does.

    .venv/bin/python bench/suite_seconds.py PHASES.tsv [MORE.tsv …] [--out tests/support/suite_seconds.tsv]
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def seconds_per_file(record: Path) -> dict[str, float]:
    totals: dict[str, float] = {}
    for line in record.read_text().splitlines():
        fields = line.split("\t")
        if len(fields) < 3:
            continue
        nodeid = fields[0]
        if nodeid.rfind("@") > nodeid.rfind("]"):  # an xdist group suffix
            nodeid = nodeid.rsplit("@", 1)[0]
        try:
            seconds = float(fields[2])
        except ValueError:
            continue
        name = nodeid.split("::", 1)[0]
        totals[name] = totals.get(name, 0.0) + seconds
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "support" / "suite_seconds.tsv")
    args = parser.parse_args()
    table: dict[str, float] = {}
    for record in args.records:
        table.update(seconds_per_file(record))
    rows = sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))
    header = ("# seconds per test file in a recorded whole run (setup + call + teardown), written by "
              "bench/suite_seconds.py; orders make test's queue, longest first (tests/support/xdist_schedule.py)\n")
    args.out.write_text(header + "".join(f"{seconds:.1f}\t{name}\n" for name, seconds in rows))
    print(f"{len(rows)} files, {sum(table.values()):.0f} s, written to {args.out}")


if __name__ == "__main__":
    main()
