"""How many of the facts a good answer needs reach the AI model, by the number of steps it is given.

The model writes the short answer from kb_answer_passage (n8n-workflows/knowledge/answer.sql): the article's title,
the `answer_steps` steps sharing most words with the question (kb_settings, shipped 3) and the safety note. The
plumber gets every step in the card. For each question of a file with `required` fact groups (eval/score.py) and
an article label, this scores the labelled article's passage at several numbers of steps, and its card ("card":
the text the plumber gets beside the answer, article_coverage.py's card_text), against the groups: an upper bound
for what the short answer can carry, with no model and no retrieval.

    .venv/bin/python bench/quality/answer_steps.py --questions eval/dev-facts-1.jsonl \
        --labels eval/dev-facts-1-labels.json --steps 2,3,4,5 [--json F]

Labels may also be an `article` field of each question (eval/questions.jsonl).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from  # noqa: E402
from bench.quality.article_coverage import article_of, card_text  # noqa: E402
from devstack.postgres import SCHEMA_FILES  # noqa: E402
from eval.score import score_answer  # noqa: E402


def passage(conn, slug: str, question: str, steps: int) -> str:
    return conn.execute("SELECT kb_answer_passage(a, %s, %s) FROM kb_articles a WHERE slug = %s",
                        (question, steps, slug)).fetchone()[0]


def measure(conn, items: list[dict], labels: dict[str, str | None], steps: list[int]) -> dict:
    found: dict[str, int] = {}
    groups = 0
    rows = []
    for item in items:
        slug, required = labels.get(item["id"], item.get("article")), item.get("required") or []
        card = article_of(conn, slug)[0] if slug else None
        if card is None or not required:
            continue
        groups += len(required)
        row = {"id": item["id"], "article": slug, "card": sum(score_answer(card_text(card), required))}
        for n in steps:
            row[f"steps_{n}"] = sum(score_answer(passage(conn, slug, item["question"], n), required))
        rows.append(row)
        for key, value in row.items():
            if key not in ("id", "article"):
                found[key] = found.get(key, 0) + value
    return {"questions": len(rows), "groups": groups,
            "coverage": {key: round(value / groups, 3) for key, value in found.items()} if groups else {},
            "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--labels", type=Path, help="JSON {id: slug or null}; else each question's `article`")
    parser.add_argument("--steps", default="2,3,4,5")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    import psycopg

    items = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = json.loads(args.labels.read_text()) if args.labels else {}
    steps = [int(n) for n in args.steps.split(",") if n.strip()]
    with private_database_from(tuple(SCHEMA_FILES)) as url, psycopg.connect(url, autocommit=True) as conn:
        result = measure(conn, items, labels, steps)
    print(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
