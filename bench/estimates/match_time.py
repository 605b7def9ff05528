"""How long estimate_match() takes in Postgres: every request of the estimate evaluation sets (eval/estimates.jsonl
and the first turn of each independent and multi-turn case), read 3 times each on a private embedded Postgres
built from the SQL files of --workflows-root (default: this checkout's). Prints the median and the mean per call
and the slowest request. No model. Timings depend on the machine's load: say what else was running.

    .venv/bin/python bench/estimates/match_time.py [--workflows-root <checkout>/n8n-workflows]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from, schema_files_under  # noqa: E402
from devstack.postgres import WORKFLOWS_ROOT  # noqa: E402

SETS = ["estimates.jsonl", "estimates-multiturn.jsonl", "estimates-independent.jsonl", "estimates-independent-2.jsonl",
        "estimates-independent-3.jsonl", "estimates-independent-4.jsonl"]


def requests() -> list[str]:
    texts: list[str] = []
    for name in SETS:
        for line in (ROOT / "eval" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                texts.append(case["text"] if "text" in case else case["turns"][0]["text"])
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workflows-root", type=Path, default=WORKFLOWS_ROOT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    files = schema_files_under(args.workflows_root)
    texts = requests()
    with private_database_from(files) as url, psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT estimate_match('calentar la caché')")
        timings: list[tuple[float, str]] = []
        for _ in range(args.repeat):
            for text in texts:
                start = time.perf_counter()
                conn.execute("SELECT estimate_match(%s)", (text,)).fetchone()
                timings.append((time.perf_counter() - start, text))
    ms = [t * 1000 for t, _ in timings]
    slowest = max(timings)
    print(json.dumps({"requests": len(texts), "calls": len(ms), "median_ms": round(statistics.median(ms), 1),
                      "mean_ms": round(statistics.mean(ms), 1), "p95_ms": round(sorted(ms)[int(len(ms) * 0.95)], 1),
                      "slowest_ms": round(slowest[0] * 1000, 1), "slowest": slowest[1][:80]}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
