"""Which messages of the development question sets get the friendly no-plumbing reply instead of an answer, a
question asked back or "not sure" (chat-find-answer.json: "Find knowledge articles" →
no_plumbing, "Ask for other words?" → "Ask to describe the job"; eval/DEV-SMALLTALK-3.md)?

    .venv/bin/python bench/quality/no_plumbing_dev.py

Every eval/*.jsonl question set a helper may tune on (the held-out splits eval/independent* are never read;
the small-talk sets are measured by bench/quality/small_talk_check.py --fallback), each message as the first of a
conversation, on a private Postgres built from the checkout's SQL files: the fallback applies when no safety
rule fires (safety_check_conversation), kb_answer finds nothing and asks nothing back, and kb_no_plumbing_words
says the message names nothing of the trade. Prints per set how many messages and lists each one with its kind /
category, so that a real plumbing question swallowed by the fallback shows.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from  # noqa: E402
from devstack.postgres import SCHEMA_FILES  # noqa: E402


def question_sets() -> list[Path]:
    return [p for p in sorted((ROOT / "eval").glob("*.jsonl"))
            if not p.name.startswith("independent") and "smalltalk" not in p.name]


def main() -> int:
    import psycopg

    total = swallowed = 0
    with private_database_from(tuple(SCHEMA_FILES)) as url, psycopg.connect(url, autocommit=True) as conn:
        has_fn = conn.execute("SELECT to_regproc('kb_no_plumbing_words') IS NOT NULL").fetchone()[0]
        for path in question_sets():
            items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
            items = [i for i in items if isinstance(i, dict) and i.get("question")]
            if not items:
                continue
            hits = []
            for item in items:
                text = item["question"]
                (rule,) = conn.execute("SELECT coalesce(max(rule), '') FROM safety_check_conversation(%s, %s)",
                                       (text, "no-plumbing-dev")).fetchone()
                found, choices, describe = conn.execute(
                    "SELECT found, jsonb_array_length(choices), describe IS NOT NULL FROM kb_answer(%s, '', NULL)",
                    (text,)).fetchone()
                if has_fn and not (found or choices or describe or rule) and \
                        conn.execute("SELECT kb_no_plumbing_words(%s, '')", (text,)).fetchone()[0]:
                    hits.append(item)
            total += len(items)
            swallowed += len(hits)
            print(f"{path.name:28s} {len(hits):3d}/{len(items)}")
            for item in hits:
                what = item.get("kind") or item.get("category") or ""
                scope = "" if item.get("in_scope", True) and item.get("category") != "fuera" else " (out of scope)"
                print(f"    {item['id']:>12s} {what}{scope}: {item['question']!r}")
    print(f"all sets: {swallowed}/{total} messages get the friendly no-plumbing reply")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
