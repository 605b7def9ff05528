"""Asking back instead of guessing: what the knowledge-base search does with the question before any model runs.

    # choose the threshold on the tuned sets (never on the independent split): a sweep of kb_ask_ratio
    .venv/bin/python bench/quality/ask_back.py --sweep
    .venv/bin/python bench/quality/ask_back.py --sweep --questions eval/dev-regional-2.jsonl   # one development set
    # what the deployed kb_answer does on one set (answered right / wrong, asked back with the right case
    # offered or not, nothing found)
    .venv/bin/python bench/quality/ask_back.py --questions eval/independent.jsonl --labels eval/independent-labels.json

Labels: ``--labels`` ({id: slug}, only that article is right), else each question's own "article" together with
its optional "also" (other articles that answer it as well; ``--strict`` ignores them).

A private Postgres gets the SQL files the runner applies (devstack.postgres.SCHEMA_FILES). The sweep calls
``kb_choices(question, ratio)`` itself for each ratio (the deployed rule, title rule included); the measurement
calls ``kb_answer`` as the chat workflow does (its ``choices`` and ``slugs``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from  # noqa: E402
from devstack.postgres import SCHEMA_FILES  # noqa: E402

TUNED = ("questions", "tuning-regional", "dev-neighbours", "dev-embed")  # the sets the search was tuned on
RATIOS = (1.01, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def right(item: dict, strict: bool) -> set[str]:
    """The articles that answer a question of a file: its "article" and, unless strict, its "also"."""
    if not item.get("article"):
        return set()
    return {item["article"]} if strict else {item["article"], *(item.get("also") or [])}


def tally(rows: list[dict]) -> dict:
    """rows: {label, first, offered (None when not asked), right (optional: every article that answers it)};
    shares of the questions with a label."""
    labelled = [r for r in rows if r["label"]]
    for r in labelled:
        r.setdefault("right", [r["label"]])
    n = len(labelled)
    count = {
        "answered_right": sum(r["offered"] is None and r["first"] in r["right"] for r in labelled),
        "answered_wrong": sum(r["offered"] is None and r["first"] is not None and r["first"] not in r["right"]
                              for r in labelled),
        "asked_right_offered": sum(r["offered"] is not None and bool(set(r["right"]) & set(r["offered"]))
                                   for r in labelled),
        "asked_right_missing": sum(r["offered"] is not None and not set(r["right"]) & set(r["offered"])
                                   for r in labelled),
        "nothing_found": sum(r["first"] is None for r in labelled),
    }
    unlabelled = [r for r in rows if not r["label"]]
    return {"labelled": n, **{k: round(v / n, 3) if n else None for k, v in count.items()},
            "asked": round(sum(r["offered"] is not None for r in labelled) / n, 3) if n else None,
            "unlabelled_asked": f"{sum(r['offered'] is not None for r in unlabelled)}/{len(unlabelled)}",
            "unlabelled_answered": f"{sum(r['offered'] is None and r['first'] is not None for r in unlabelled)}/"
                                   f"{len(unlabelled)}"}


def sweep(conn, strict: bool = False, path: Path | None = None) -> dict:
    """kb_answer's best article and kb_choices at each ratio of RATIOS, for every question of the tuned sets (or of
    one file of labelled questions)."""
    items = load(path) if path else [item for name in TUNED for item in load(ROOT / "eval" / f"{name}.jsonl")]
    result = {}
    for ratio in RATIOS:
        rows = []
        for item in items:
            slugs, choices = conn.execute(
                "SELECT k.slugs, kb_choices(%s, %s) FROM kb_answer(%s, '') k",
                (item["question"], ratio, item["question"])).fetchone()
            rows.append({"label": item.get("article"), "right": sorted(right(item, strict)),
                         "first": slugs[0] if slugs else None,
                         "offered": [c["slug"] for c in choices] if choices else None})
        result[f"{ratio:.2f}"] = tally(rows)
    return result


def measure(conn, items: list[dict], labels: dict[str, str | None], strict: bool = False) -> dict:
    rows = []
    for item in items:
        slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (item["question"],)).fetchone()
        label = labels.get(item["id"], item.get("article"))
        rows.append({"id": item["id"], "label": label,
                     "right": [label] if labels or not label else sorted(right(item, strict)),
                     "first": slugs[0] if slugs else None,
                     "offered": [c["slug"] for c in choices] if choices else None})
    return {**tally(rows), "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--questions", type=Path)
    parser.add_argument("--labels", type=Path)
    parser.add_argument("--strict", action="store_true", help='count only "article" as right (ignore "also")')
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if not args.sweep and not args.questions:
        parser.error("give --sweep or --questions")
    import psycopg

    with private_database_from(tuple(SCHEMA_FILES)) as url, psycopg.connect(url, autocommit=True) as conn:
        if args.sweep:
            result = sweep(conn, args.strict, args.questions)
        else:
            labels = json.loads(args.labels.read_text()) if args.labels else {}
            result = measure(conn, load(args.questions), labels, args.strict)
    print(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
