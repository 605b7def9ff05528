"""Add the article card to a whole-chat result file written before run_chat_eval.py kept it.

The reply of a grounded answer carries the cited article's card (contracts §4, `kb_article_card`); older result
files kept only the reply's text. For each answer that cites an article, the card is rebuilt from this
checkout's knowledge base in a private Postgres (the same SQL files the runner applies) and the facts of what
the plumber receives (text + card) are scored, as run_chat_eval.py now does while it runs.

    .venv/bin/python bench/quality/add_cards.py bench/quality/independent/chat-0.5b-full.json \\
        --questions eval/independent.jsonl

The knowledge base must be the one the run used (same commit), or the rebuilt card may differ from the one sent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from  # noqa: E402
from bench.quality import run_chat_eval as chat_eval  # noqa: E402 - puts eval/ on the path for `score`
from devstack.postgres import SCHEMA_FILES  # noqa: E402
from score import load_questions, score_answer  # noqa: E402


def cards_for(database_url: str, slugs: set[str]) -> dict[str, str]:
    import psycopg

    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            "SELECT a.slug, kb_article_card(a) FROM kb_articles a WHERE a.slug = ANY(%s)", (sorted(slugs),)
        ).fetchall()
    return {slug: chat_eval.card_text(card) for slug, card in rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path)
    parser.add_argument("--questions", type=Path, required=True)
    args = parser.parse_args(argv)
    data = json.loads(args.results.read_text())
    items = {item["id"]: item for item in load_questions(args.questions)}
    slugs = {r["cited"][0] for r in data["results"] if r.get("cited")}
    with private_database_from(SCHEMA_FILES) as url:
        cards = cards_for(url, slugs)
    results = []
    for row in data["results"]:
        card = cards.get(row["cited"][0], "") if row.get("cited") and not row.get("error") else ""
        row["card"] = card
        row["found_with_card"] = score_answer(f"{row['reply']}\n{card}", items[row["id"]].get("required") or [])
        fields = {k: v for k, v in row.items() if k in chat_eval.ChatResult.__dataclass_fields__}
        results.append(chat_eval.ChatResult(**fields))
    data["summary"] = {**data["summary"], **chat_eval.summarize(results), "cards": "rebuilt by add_cards.py"}
    args.results.write_text(json.dumps(data, indent=2, ensure_ascii=False))
    print(json.dumps(data["summary"], indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
