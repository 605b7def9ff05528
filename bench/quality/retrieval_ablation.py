"""What each part of the knowledge-base search is worth: the final search with one thing switched off or one
setting changed, each in a transaction that is rolled back, scored with eval/retrieval.py.

    .venv/bin/python bench/quality/retrieval_ablation.py --start-postgres [--seed-only]
    .venv/bin/python bench/quality/retrieval_ablation.py --database-url postgresql://...

Prints a Markdown table (q = eval/questions.jsonl, t = eval/tuning-regional.jsonl).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.quality.retrieval_latency import started_database  # noqa: E402
from eval.retrieval import DEFAULT_FILES, evaluate, load  # noqa: E402

FN = "UPDATE kb_settings SET value = '{1}' WHERE 'kb_' || key = '{0}'"  # {0} setting function, {1} value
VARIANTS = [
    ("as committed", []),
    ("no synonyms", ["UPDATE kb_synonyms SET active = false"]),
    ("no example questions (any seed file)", ["DELETE FROM kb_examples"]),
    ("no fuzzy correction", [FN.format("kb_fuzzy_min_length", 99, "integer")]),
    ("fuzzy from 5 letters", [FN.format("kb_fuzzy_min_length", 5, "integer")]),
    ("trigram similarity 0.4", [FN.format("kb_fuzzy_similarity", 0.4, "real")]),
    ("trigram similarity 0.6", [FN.format("kb_fuzzy_similarity", 0.6, "real")]),
    ("no length norm", [FN.format("kb_length_norm", 0, "double precision")]),
    ("no coverage in the found decision", [FN.format("kb_coverage_weight", 0, "double precision")]),
    ("one shared word is enough", [FN.format("kb_min_words", 1, "integer")]),
    ("no example bonus", [FN.format("kb_example_bonus", 0, "double precision")]),
]


def run(url: str) -> None:
    print("| variant | q top-1 | q not found | q found off-topic | t top-1 | t not found | t wrong | t found off-topic |")
    print("|---|---|---|---|---|---|---|---|")
    for label, statements in VARIANTS:
        with psycopg.connect(url) as conn:   # one transaction, rolled back: nothing stays changed
            for statement in statements:
                conn.execute(statement)
            cells = []
            for path in DEFAULT_FILES:
                summary, _ = evaluate(conn, load(path))
                c = summary["counts"]
                cells.append(f"{c['top1']}/{summary['in_scope']} | {c['not_found']} | ")
                if path.name == "tuning-regional.jsonl":
                    cells[-1] += f"{c['wrong']} | "
                cells[-1] += f"{c['found_off_topic']}/{summary['off_topic']}"
            conn.rollback()
        print(f"| {label} | " + " | ".join(cells) + " |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--start-postgres", action="store_true")
    parser.add_argument("--seed-only", action="store_true", help="with --start-postgres: seed.sql's articles only")
    args = parser.parse_args(argv)
    if args.start_postgres:
        with started_database(args.seed_only) as url:
            run(url)
    elif args.database_url:
        run(args.database_url)
    else:
        parser.error("give --database-url or --start-postgres")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
