"""Replay the multi-turn cases of estimate sets turn by turn and show, after every turn, what the system read
(estimate_change_parse), what it did, and the estimate's lines; then the scorer's verdict on the last state.
For finding at which turn a multi-turn case first goes wrong (bench/estimates/MULTITURN-16.md). Measures only.

    .venv/bin/python bench/estimates/multiturn_trace.py --database-url URL --sets 10,11,12,13,14,15,16 [--all] \
        [--ids fd05,fd07] [--out trace.json]

Without --all only the cases with more than one turn that do not end right are shown. Each case is played in a
transaction rolled back afterwards, as eval/score_independent.py plays it (no AI model).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from eval import score_independent as si  # noqa: E402


def set_files(n: str) -> tuple[Path, Path]:
    if n == "1":
        return ROOT / "eval" / "estimates-independent.jsonl", ROOT / "eval" / "estimates-independent-labels.json"
    return (ROOT / "eval" / f"estimates-independent-{n}.jsonl",
            ROOT / "eval" / f"estimates-independent-{n}-labels.json")


def trace(conn: psycopg.Connection, case: dict[str, Any]) -> list[dict[str, Any]]:
    """Each turn: text, expected, the parse of the open estimate, what was done, and the lines after it."""
    steps: list[dict[str, Any]] = []
    with conn.transaction(force_rollback=True):
        conversation = f"trace:{case['id']}"
        conn.execute("INSERT INTO conversations (id, channel) VALUES (%s, 'web') ON CONFLICT DO NOTHING",
                     (conversation,))
        number = None
        for index, turn in enumerate(case["turns"], start=1):
            parse = None
            if number:
                parse = conn.execute(
                    "SELECT estimate_change_parse(e, %s) FROM estimates e WHERE e.number = %s",
                    (turn["text"], number)).fetchone()[0]
            did, reply, number = si.play_turn(conn, conversation, f"{case['id']}-{index}", turn["text"], number)
            lines = si.estimate_lines(conn, number)[1] if number else []
            decision = case.get("customer")
            if decision and decision["after_turn"] == index and number:
                conn.execute("SELECT estimate_decide(%s, %s)", (number, decision["decision"]))
            steps.append({"n": index, "text": turn["text"], "expect": [turn["expect"], *turn.get("also_ok", [])],
                          "intent": turn.get("intent", ""), "parse": parse, "did": did, "reply": reply[:240],
                          "lines": [f"{'?' if x['to_quote'] else '$'} {x['code'] or '-'} x{x['quantity'].normalize()}"
                                    f" {x['unit']} | {x['description'][:60]}" for x in lines]})
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--sets", default="10,11,12,13,14,15,16")
    parser.add_argument("--ids", default="")
    parser.add_argument("--all", action="store_true", help="every case, not only multi-turn cases not right")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    ids = set(args.ids.split(",")) - {""}
    dump: list[dict[str, Any]] = []
    with psycopg.connect(args.database_url, autocommit=True) as conn:
        conn.execute("UPDATE estimate_settings SET model_items = false")
        for n in args.sets.split(","):
            cases_path, labels_path = set_files(n)
            labels = si.load_labels(labels_path)
            for case in si.load_cases(cases_path):
                if ids and case["id"] not in ids:
                    continue
                if not ids and not args.all and len(case["turns"]) < 2:
                    continue
                verdict = si.score(conn, case, labels[case["id"]])
                if not ids and not args.all and verdict["outcome"] == "right":
                    continue
                steps = trace(conn, case)
                dump.append({"set": n, "id": case["id"], "outcome": verdict["outcome"], "steps": steps,
                             "final": case["final"], "labels": labels[case["id"]],
                             "items": verdict["items"], "unexpected": verdict["unexpected"],
                             "labour": verdict.get("labour"), "labour_ok": verdict["labour_ok"],
                             "status_ok": verdict["status_ok"]})
                print(f"=== set {n} {case['id']} {verdict['outcome']}  labour {verdict.get('labour')} "
                      f"ok={verdict['labour_ok']} status ok={verdict['status_ok']}")
                for s in steps:
                    mark = "" if s["did"] in s["expect"] else "   <-- expected " + "/".join(s["expect"])
                    print(f"  T{s['n']} [{s['did']}{mark}] {s['text']}")
                    if s["parse"] is not None or s["n"] > 1:
                        print(f"     parse: {json.dumps(s['parse'], ensure_ascii=False)[:200]}")
                    if s["did"] == "asked":
                        print(f"     reply: {s['reply']}")
                    for line in s["lines"]:
                        print(f"       {line}")
                want = [f"{i['what']} {i['size'] or ''} x{i['quantity']}: {i['how']}" for i in verdict["items"]]
                print(f"  want: {want}; final hours {case['final'].get('labour_hours')} "
                      f"change {case['final'].get('labour_change')}")
                print(f"  labels: {[(x.get('codes'), x.get('labour')) for x in labels[case['id']]]}")
                if verdict["unexpected"]:
                    print(f"  UNEXPECTED: {verdict['unexpected']}")
    if args.out:
        args.out.write_text(json.dumps(dump, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
