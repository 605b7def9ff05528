"""The questions of one labelled set that the search does not answer right, each with what kb_analyze did to its
words (how: corrected = "fuzzy", joined, split, unknown; synonyms), for grouping typo failures by cause.

    .venv/bin/python bench/quality/typo_failures.py eval/dev-typos-6.jsonl eval/dev-typos-6-labels.json

One line per failing question: id, outcome (wrong / asked-missing / asked-offered / nothing), label, first slug,
offered slugs; then the stems the search looked for with how each was got.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from  # noqa: E402
from devstack.postgres import SCHEMA_FILES  # noqa: E402


def main(argv: list[str]) -> int:
    import psycopg

    questions = [json.loads(x) for x in Path(argv[0]).read_text().splitlines() if x.strip()]
    labels = json.loads(Path(argv[1]).read_text()) if len(argv) > 1 else {}
    show_all = "--all" in argv
    with private_database_from(tuple(SCHEMA_FILES)) as url, psycopg.connect(url, autocommit=True) as conn:
        for item in questions:
            label = labels.get(item["id"], item.get("article"))
            slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')",
                                          (item["question"],)).fetchone()
            first = slugs[0] if slugs else None
            offered = [c["slug"] for c in choices] if choices else None
            if first is None:
                outcome = "nothing"
            elif offered is not None:
                outcome = "asked-offered" if label in offered else "asked-missing"
            else:
                outcome = "right" if first == label else "wrong"
            if outcome == "right" and not show_all:
                continue
            print(f"{item['id']} {outcome} label={label} first={first} offered={offered}")
            print(f"   {item['question']}")
            rows = conn.execute("SELECT slot, alt, lexeme, round(factor::numeric, 2), how FROM kb_analyze(%s) "
                                "ORDER BY place", (item["question"],)).fetchall()
            print("   " + " | ".join(f"{lx}{'*' if alt else ''}" + (f" [{how}]" if how else "")
                                     for _, alt, lx, _f, how in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
