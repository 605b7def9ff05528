"""kb_answer latency of main's knowledge SQL against this checkout's, each in its own private Postgres, on the
questions of every development set (ask_back.DEV_SETS), interleaved (old, new, new, old, ...) so that other work on
a shared machine slows both alike.

    rm -rf /tmp/main-sql && mkdir /tmp/main-sql && git archive main n8n-workflows | tar -x -C /tmp/main-sql
    .venv/bin/python bench/quality/typo_latency.py --before /tmp/main-sql/n8n-workflows [--rounds 2]
    # one file's questions only (e.g. the long messages of eval/dev-long-7.jsonl)
    .venv/bin/python bench/quality/typo_latency.py --before /tmp/main-sql/n8n-workflows --questions eval/dev-long-7.jsonl

Prints the median and the 90th percentile, in milliseconds, of each.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from, schema_files_under  # noqa: E402
from bench.quality.ask_back import DEV_SETS, load  # noqa: E402
from devstack.postgres import SCHEMA_FILES  # noqa: E402


def timed(conn, question: str) -> float:
    start = time.perf_counter()
    conn.execute("SELECT slugs FROM kb_answer(%s, '')", (question,)).fetchone()
    return (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    import psycopg

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--questions", type=Path, help="one file's questions instead of every development set's")
    args = parser.parse_args(argv)
    files = [args.questions] if args.questions else [ROOT / "eval" / f"{name}.jsonl" for name, _ in DEV_SETS]
    questions = [item["question"] for path in files if path.exists() for item in load(path)]
    old: list[float] = []
    new: list[float] = []
    with private_database_from(schema_files_under(args.before)) as url_old, \
            private_database_from(tuple(SCHEMA_FILES)) as url_new, \
            psycopg.connect(url_old, autocommit=True) as c_old, psycopg.connect(url_new, autocommit=True) as c_new:
        for q in questions[:20]:   # warm both
            timed(c_old, q), timed(c_new, q)
        for r in range(args.rounds):
            for k, q in enumerate(questions):
                if (k + r) % 2:
                    new.append(timed(c_new, q)); old.append(timed(c_old, q))
                else:
                    old.append(timed(c_old, q)); new.append(timed(c_new, q))

    def summary(xs: list[float]) -> dict:
        return {"median_ms": round(statistics.median(xs), 2),
                "p90_ms": round(statistics.quantiles(xs, n=10)[-1], 2), "n": len(xs)}
    print(json.dumps({"before": summary(old), "after": summary(new)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
