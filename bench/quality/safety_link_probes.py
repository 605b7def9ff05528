"""Does a safety link fire for a message about its article's job? (bench/quality/SAFETY-12.md)

    .venv/bin/python -m bench.quality.safety_link_probes bench/quality/safety-12-tune-probes.jsonl [--cues VALUE]

Each row names the article the answer would cite (`article`) and whether the notice is needed (`notice`); the
message goes to safety_article_rule (safety-links.sql) as the first of a conversation, on a private Postgres built
from the checkout's SQL files, without the search (so the link's lists are measured, not which article is found).
Batches "1" and "2": dangers in fresh wordings written after the lists; "3": faults in words no list knows, ending
in a question word; "info": questions of information. --cues replaces the safety_settings value
'link_information_cues' first ('@todo': the lists alone decide).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    cues = sys.argv[sys.argv.index("--cues") + 1] if "--cues" in sys.argv else None
    args = [a for a in args if a != cues]
    import psycopg

    from bench.eval_services import private_database_from
    from devstack.postgres import SCHEMA_FILES

    rows = [json.loads(line) for name in args for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    with private_database_from(tuple(SCHEMA_FILES)) as url, psycopg.connect(url, autocommit=True) as conn:
        if cues is not None:
            conn.execute("UPDATE safety_settings SET value = %s WHERE key = 'link_information_cues'", (cues,))
        by_batch: dict[str, list] = defaultdict(list)
        for i, r in enumerate(rows):
            got = conn.execute("SELECT rule FROM safety_article_rule(%s, %s, %s)",
                               ([r["article"]], r["question"], f"probe-{i}")).fetchone()
            by_batch[r.get("batch", "")].append((r, got[0] if got else None))
    for batch, got in by_batch.items():
        wrong = [(r, g) for r, g in got if bool(g) != bool(r["notice"])]
        print(f"== batch {batch}: {len(got) - len(wrong)}/{len(got)} right")
        for r, g in wrong:
            print(f"     {r['id']:12s} {'MISSED' if r['notice'] else 'FALSE ':6s} {r['article']:28s} {g or '':24s} {r['question']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
