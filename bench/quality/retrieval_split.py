"""Which article the knowledge-base search gives for each question of a split, against its labels: the
retrieval half of the answer, in seconds and without the model.

    .venv/bin/python bench/quality/retrieval_split.py --questions eval/independent.jsonl \\
        --labels eval/independent-labels.json [--sql-root /path/to/an/old/checkout/n8n-workflows] [--json out.json]
    .venv/bin/python bench/quality/retrieval_split.py --questions eval/dev-regional-2.jsonl   # labels in the file

Without ``--labels`` each question's own "article" is its label, and its optional "also" lists other articles
that answer it as well (the first article counts as right when it is any of them; ``--strict`` ignores "also").
With ``--labels`` only the label counts (as before).

A private Postgres gets the SQL files the runner applies (devstack.postgres.SCHEMA_FILES), read from
``--sql-root`` (default: this checkout), so an older checkout's knowledge base and search can be measured with
today's runner. Each question goes through ``kb_context`` as the chat workflow calls it (a follow-up: the
plumber's last message, or what the workflow builds from the conversation when it has ``kb_context_for``).
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

from bench.eval_services import on_database  # noqa: E402
from devstack.postgres import WORKFLOWS_ROOT  # noqa: E402


def right_slugs(item: dict, label: str | None, strict: bool = False) -> set[str]:
    """The articles that answer a question: its label, and the question's "also" unless strict."""
    if not label:
        return set()
    return {label} if strict else {label, *(item.get("also") or [])}


def measure(database_url: str, items: list[dict], labels: dict[str, str | None], strict: bool = False) -> dict:
    import psycopg

    rows = []
    with psycopg.connect(database_url, autocommit=True) as conn:
        for item in items:
            started = time.perf_counter()
            found, slugs = conn.execute("SELECT found, slugs FROM kb_context(%s)", (item["question"],)).fetchone()
            label = labels.get(item["id"]) if labels else item.get("article")
            rows.append({"id": item["id"], "kind": item.get("kind", "plain"), "label": label,
                         "right": sorted(right_slugs(item, label, strict or bool(labels))),
                         "in_scope": bool(item.get("in_scope", True)), "slugs": list(slugs),
                         "ms": (time.perf_counter() - started) * 1000})
    labelled = [r for r in rows if r["label"]]
    unanswerable = [r for r in rows if not r["label"]]  # small talk, out of scope, topics without an article

    def share(part: int, whole: int) -> float | None:
        return round(part / whole, 3) if whole else None

    return {
        "questions": len(rows),
        "labelled": len(labelled),
        "top1": share(sum(r["slugs"][:1] != [] and r["slugs"][0] in r["right"] for r in labelled), len(labelled)),
        "top3": share(sum(bool(set(r["right"]) & set(r["slugs"][:3])) for r in labelled), len(labelled)),
        "nothing_found_labelled": share(sum(not r["slugs"] for r in labelled), len(labelled)),
        "wrong_first_labelled": share(sum(bool(r["slugs"]) and r["slugs"][0] not in r["right"] for r in labelled),
                                      len(labelled)),
        "something_found_unlabelled": share(sum(bool(r["slugs"]) for r in unanswerable), len(unanswerable)),
        "median_ms": round(statistics.median(r["ms"] for r in rows), 1),
        "by_kind": {kind: share(sum(r["slugs"][:1] != [] and r["slugs"][0] in r["right"] for r in rs), len(rs))
                    for kind in sorted({r["kind"] for r in labelled})
                    for rs in [[r for r in labelled if r["kind"] == kind]]},
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--labels", type=Path, help='{id: slug}; default: each question\'s own "article"')
    parser.add_argument("--strict", action="store_true", help='count only the label as right (ignore "also")')
    parser.add_argument("--sql-root", type=Path, default=WORKFLOWS_ROOT)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    items = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
    labels = json.loads(args.labels.read_text()) if args.labels else {}
    result = on_database(lambda url: measure(url, items, labels, args.strict), None, args.sql_root)
    result["sql_root"] = str(args.sql_root)
    printable = {k: v for k, v in result.items() if k != "rows"}
    print(json.dumps(printable, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
