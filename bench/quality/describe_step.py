"""The "say it in other words" step, measured with descriptions written for it (no model).

For every labelled question: what the plumber ends with after kb_answer as the chat workflow calls it —
answered (right or wrong); asked back and the right case offered (he picks it); asked back without it (he answers
"ninguna", the assistant asks for other words, and his description, from --descriptions, is searched with the first
question, never with the refused cases); nothing found ("no estoy seguro"). Printed twice: as the stop-23 whole-chat
evaluation credits it (he has no other words: "no sé"), and with the written descriptions. A third line is a
what-if for questions the product still answers "no estoy seguro" at once: the description asked for anyway. Since
stop 24 the cases a description finds are offered (the right one is picked if there), never answered straight away,
and a question that names something of the trade but finds nothing is asked for other words too (path "nothing
found, described"; the setting describe_when_nothing_found).

    .venv/bin/python bench/quality/describe_step.py --questions eval/independent-3.jsonl \\
        --labels eval/independent-3-labels.json --descriptions eval/independent-3-describe.json [--json F]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from, schema_files_under  # noqa: E402
from devstack.postgres import SCHEMA_FILES  # noqa: E402

ASK = "SELECT found, slugs, choices, asked, describe FROM kb_answer(%s, '', %s::jsonb)"


def ask(conn, text: str, pending: dict | None = None) -> dict:
    found, slugs, choices, asked, describe = conn.execute(ASK, (text, json.dumps(pending))).fetchone()
    return {"found": found, "first": slugs[0] if found and slugs else None, "offered": [c["slug"] for c in choices or []],
            "asked": asked, "describe": describe}


def described(conn, description: str | None, state: dict, label: str) -> tuple[list[str], str | None]:
    """The cases his description finds (offered, since stop 24) and what he ends with: the right one picked, or
    "ninguna" and a person."""
    if not description:
        return [], None
    offered = ask(conn, description, {**state, "describe": True})["offered"]
    return offered, label if label in offered else None


def play(conn, question: str, label: str, description: str | None) -> dict:
    """One question through the asking flow; the path taken, the final article (None = not sure) and the cases
    his description was offered."""
    first = ask(conn, question)
    if first["offered"]:
        if label in first["offered"]:
            return {"path": "asked, picked the right case", "final": label, "what_if": label, "offered": []}
        refused = ask(conn, "ninguna", {"question": first["asked"] or question,
                                         "choices": [{"slug": s, "title": ""} for s in first["offered"]]})
        if not refused["describe"]:
            return {"path": "asked, ninguna, no describe state", "final": None, "what_if": None, "offered": []}
        offered, final = described(conn, description, refused["describe"], label)
        return {"path": "asked, ninguna, described", "final": final, "what_if": final, "offered": offered}
    if first["first"]:
        return {"path": "answered", "final": first["first"], "what_if": first["first"], "offered": []}
    if first["describe"]:  # since stop 24 (describe_when_nothing_found): asked for other words at once
        offered, final = described(conn, description, first["describe"], label)
        return {"path": "nothing found, described", "final": final, "what_if": final, "offered": offered}
    offered, what_if = described(conn, description, {"question": question, "rejected": []}, label)
    return {"path": "nothing found", "final": None, "what_if": what_if, "offered": offered}


def tally(rows: list[dict], key: str, credit_description: bool) -> dict:
    counts: Counter[str] = Counter()
    for row in rows:
        final = row[key]
        if not credit_description and row["path"].endswith("described"):
            final = None   # the whole-chat evaluation answers "no sé"
        counts["right" if final == row["label"] else "not sure" if final is None else "wrong"] += 1
    n = len(rows)
    return {k: f"{counts[k]} ({counts[k] / n:.1%})" for k in ("right", "wrong", "not sure")}


def described_by_rule(rows: list[dict]) -> dict:
    """The described questions under the rule shipped since stop 24 (the cases offered, the right one picked,
    else a person), stop 23's (the first of those cases answered straight away) and none (a person at once)."""
    rows = [r for r in rows if r["path"] == "asked, ninguna, described"]
    offer, best = Counter(), Counter()
    for row in rows:
        offer["right (picked)" if row["label"] in row["offered"] else "person"] += 1
        first = row["offered"][0] if row["offered"] else None
        best["right" if first == row["label"] else "person" if first is None else "wrong"] += 1
    return {"described": len(rows), "offer the cases (stop 24)": dict(offer),
            "answer the first case (stop 23)": dict(best), "no describe step": {"person": len(rows)}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--labels", type=Path, required=True, help="{id: slug or null}")
    parser.add_argument("--descriptions", type=Path, required=True, help='{"descriptions": {id: text}}')
    parser.add_argument("--json", type=Path)
    parser.add_argument("--sql-root", type=Path, help="another checkout's n8n-workflows/ (e.g. `git archive main "
                                                      "n8n-workflows` unpacked): measure its knowledge base instead")
    parser.add_argument("--database-url", help="a database already loaded (instead of a private one)")
    args = parser.parse_args(argv)
    import psycopg

    labels = json.loads(args.labels.read_text())
    descriptions = json.loads(args.descriptions.read_text())["descriptions"]
    items = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [item for item in items if labels.get(item["id"])]
    files = schema_files_under(args.sql_root) if args.sql_root else tuple(SCHEMA_FILES)
    with (nullcontext(args.database_url) if args.database_url else private_database_from(files)) as url, \
            psycopg.connect(url, autocommit=True) as conn:
        rows = [{"id": item["id"], "label": labels[item["id"]], "kind": item.get("kind"),
                 **play(conn, item["question"], labels[item["id"]], descriptions.get(item["id"]))} for item in items]
    result = {"questions": len(rows), "paths": dict(Counter(r["path"] for r in rows)),
              "described_right": sum(r["path"] == "asked, ninguna, described" and r["final"] == r["label"] for r in rows),
              "described_wrong": sum(r["path"] == "asked, ninguna, described" and r["final"] not in (None, r["label"])
                                     for r in rows),
              "as the whole-chat evaluation credits it (no sé)": tally(rows, "final", False),
              "with the written descriptions": tally(rows, "final", True),
              "what-if: describe also when nothing is found": tally(rows, "what_if", True),
              "described, by rule": described_by_rule(rows)}
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps({**result, "rows": rows}, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
