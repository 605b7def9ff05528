"""kb_answer of two checkouts side by side: two private embedded Postgres databases built from each checkout's
n8n-workflows/, every question of the chosen development sets asked of both, interleaved (A, B, then B, A the next
round) so that other work on a shared machine slows both alike. Prints the median and mean milliseconds per
kb_answer and how many answers (best slugs and choices offered) are identical. No model.

    .venv/bin/python bench/quality/answer_latency_ab.py --before /path/to/old/n8n-workflows [--after n8n-workflows]
        [--sets dev-words-5 dev-regional-4 dev-speech] [--rounds 3]
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

ASK = "SELECT slugs, choices FROM kb_answer(%s, '', NULL::jsonb)"


def questions(sets: list[str]) -> list[str]:
    return [json.loads(line)["question"] for name in sets
            for line in (ROOT / "eval" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the older checkout's n8n-workflows/")
    parser.add_argument("--after", type=Path, default=ROOT / "n8n-workflows")
    parser.add_argument("--sets", nargs="+", default=["dev-words-5", "dev-regional-4", "dev-speech"])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    asked = questions(args.sets)
    ms: dict[str, list[float]] = {"before": [], "after": []}
    answers: dict[str, list[str]] = {"before": [], "after": []}
    with private_database_from(schema_files_under(args.before)) as before_url, \
            private_database_from(schema_files_under(args.after)) as after_url, \
            psycopg.connect(before_url, autocommit=True) as before, psycopg.connect(after_url, autocommit=True) as after:
        conns = {"before": before, "after": after}
        for round_ in range(args.rounds):
            for question in asked:
                for side in (("before", "after") if round_ % 2 == 0 else ("after", "before")):
                    start = time.perf_counter()
                    row = conns[side].execute(ASK, (question,)).fetchone()
                    ms[side].append((time.perf_counter() - start) * 1000)
                    if round_ == 0:
                        answers[side].append(json.dumps(row, default=str))
    print(json.dumps({"questions": len(asked), "rounds": args.rounds,
                      **{side: {"median_ms": round(statistics.median(v), 2), "mean_ms": round(statistics.mean(v), 2)}
                         for side, v in ms.items()},
                      "identical_answers": sum(a == b for a, b in zip(answers["before"], answers["after"],
                                                                      strict=True))}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
