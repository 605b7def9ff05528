"""kb_context latency, the search of an earlier commit against today's, on the same database and interleaved
(old, new, new, old, ...) so that other work on a shared machine slows both alike.

    .venv/bin/python bench/quality/retrieval_latency.py --start-postgres            # every seed file, as `make run`
    .venv/bin/python bench/quality/retrieval_latency.py --start-postgres --seed-only   # seed.sql's 23 articles only
    .venv/bin/python bench/quality/retrieval_latency.py --database-url postgresql://... [--before 7cbe778]
    # asking back (stop 22): kb_choices of an earlier commit against today's, and today's whole kb_answer
    .venv/bin/python bench/quality/retrieval_latency.py --start-postgres --choices --before main

The earlier commit's kb_search and kb_context are created as temporary functions (pg_temp, gone when the
connection closes) reading today's tables; its thresholds are inlined as they were. Questions: those of
eval/questions.jsonl and eval/tuning-regional.jsonl, each --rounds times per search.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager
import statistics
import subprocess
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from eval.retrieval import DEFAULT_FILES, load  # noqa: E402


@contextmanager
def started_database(seed_only: bool) -> Iterator[str]:
    """A private Postgres as `make run` prepares it; with seed_only, its knowledge base holds seed.sql only."""
    from bench.eval_services import private_database, stop_cleanly_on_sigterm

    stop_cleanly_on_sigterm()
    with private_database() as url:
        if seed_only:
            knowledge = ROOT / "n8n-workflows" / "knowledge"
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("TRUNCATE kb_articles CASCADE")
                conn.execute((knowledge / "schema.sql").read_text())
                conn.execute((knowledge / "seed.sql").read_text())
        yield url


def old_functions(commit: str) -> list[str]:
    schema = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:n8n-workflows/knowledge/schema.sql"],
                            capture_output=True, text=True, check=True).stdout
    out = []
    for name in ("kb_search", "kb_context"):
        start = schema.index(f"CREATE OR REPLACE FUNCTION {name}(")
        body = schema[start:schema.index("$$;", start) + 3]
        for fn, value in (("kb_min_score", "2.5"), ("kb_relative_cutoff", "0.5")):
            body = body.replace(f"{fn}()", value)
        body = body.replace(f"FUNCTION {name}(", f"FUNCTION pg_temp.{name}_before(")
        out.append(re.sub(r"FROM kb_search\(", "FROM pg_temp.kb_search_before(", body))
    return out


def old_choices(commit: str) -> list[str]:
    """The earlier commit's kb_choices as pg_temp.kb_choices_before (its settings inlined as they were there)."""
    answer = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:n8n-workflows/knowledge/answer.sql"],
                            capture_output=True, text=True, check=True).stdout
    start = answer.index("CREATE OR REPLACE FUNCTION kb_choices(")
    body = answer[start:answer.index("$$;", start) + 3]
    for fn in ("kb_ask_ratio", "kb_max_choices"):
        value = (re.search(rf"FUNCTION {fn}\(\) RETURNS \w+(?: \w+)? LANGUAGE sql IMMUTABLE AS 'SELECT ([^']+)'", answer)
                 or re.search(rf"kb_seed_setting\('{fn[3:]}', '\w+', '([^']+)'", answer))[1]  # since stop 24
        body = body.replace(f"{fn}()", f"({value})")
    return [body.replace("FUNCTION kb_choices(", "FUNCTION pg_temp.kb_choices_before(")]


def measure(url: str, commit: str, rounds: int, choices: bool = False) -> dict:
    questions = [item["question"] for path in DEFAULT_FILES for item in load(path)]
    times: dict[str, dict[str, list[float]]] = {"before": {}, "now": {}}
    calls = {"before": "SELECT * FROM pg_temp.kb_context_before(%s)", "now": "SELECT * FROM kb_context(%s)"}
    if choices:
        calls = {"before": "SELECT pg_temp.kb_choices_before(%s)", "now": "SELECT kb_choices(%s)",
                 "kb_answer_now": "SELECT * FROM kb_answer(%s, '')"}
        times["kb_answer_now"] = {}
    with psycopg.connect(url, autocommit=True) as conn:
        for sql in (old_choices(commit) if choices else old_functions(commit)):
            conn.execute(sql)
        articles = conn.execute("SELECT count(*) FROM kb_articles WHERE active").fetchone()[0]
        for question in questions[:5]:  # warm both
            for sql in calls.values():
                conn.execute(sql, (question,)).fetchone()
        for r in range(rounds):
            order = tuple(calls) if r % 2 == 0 else tuple(reversed(calls))
            for question in questions:
                for name in order:
                    started = time.perf_counter()
                    conn.execute(calls[name], (question,)).fetchone()
                    times[name].setdefault(question, []).append((time.perf_counter() - started) * 1000)
    result = {"articles": articles, "questions": len(questions), "rounds": rounds, "before_commit": commit}
    for name, per_question in times.items():
        every = sorted(t for ts in per_question.values() for t in ts)
        result[name] = {"median_ms": round(statistics.median(every), 2),
                        "median_best_ms": round(statistics.median(min(ts) for ts in per_question.values()), 2),
                        "p90_ms": round(every[int(0.9 * len(every))], 2), "max_ms": round(every[-1], 2)}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--start-postgres", action="store_true")
    parser.add_argument("--seed-only", action="store_true", help="with --start-postgres: seed.sql's articles only")
    parser.add_argument("--before", default="7cbe778", help="the commit whose search to compare with (main before)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--choices", action="store_true", help="kb_choices before/now (asking back) and kb_answer now")
    args = parser.parse_args(argv)
    if args.start_postgres:
        with started_database(args.seed_only) as url:
            result = measure(url, args.before, args.rounds, args.choices)
    elif args.database_url:
        result = measure(args.database_url, args.before, args.rounds, args.choices)
    else:
        parser.error("give --database-url or --start-postgres")
    print(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
