"""Score the multi-turn estimate conversations (eval/estimates-multiturn.jsonl, held-out; see eval/MULTITURN.md).

Each conversation is played turn by turn through the SQL functions the estimate workflow calls, in a
transaction that is rolled back: the first turn (and any turn that is not a change of the open estimate) as a
new estimate (estimate_match, then estimate_create when something can be priced, as the workflow does), the
others through estimate_converse. The customer's decision goes through estimate_decide, as the customer page
does. A case passes when every turn does what it expects (new / revised / asked / sent / locked) and the final
estimate has exactly the expected priced lines, lines a cotizar, status, revision, subtotal, IVA and total.

    .venv/bin/python eval/score_multiturn.py --database-url postgresql://... [--out results.json] [--ids m01,m02]
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "eval" / "estimates-multiturn.jsonl"


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def new_estimate(conn: psycopg.Connection, conversation: str, text: str) -> str | None:
    """As the estimate workflow without the AI model: the words read against the catalogue, priced if anything is."""
    found = conn.execute("SELECT estimate_match(%s)", (text,)).fetchone()[0]
    if found["priced"] <= 0 and found.get("ask_back", 0) <= 0:   # as the workflow: nothing priced or asked back
        return None
    made = conn.execute("SELECT estimate_create(%s, %s::jsonb)", (conversation, json.dumps(found["items"]))).fetchone()[0]
    return made["number"]


def play(conn: psycopg.Connection, case: dict[str, Any]) -> dict[str, Any]:
    conversation = f"eval:{case['id']}"
    conn.execute("INSERT INTO conversations (id, channel) VALUES (%s, 'web') ON CONFLICT DO NOTHING", (conversation,))
    turns: list[dict[str, Any]] = []
    number: str | None = None
    for index, turn in enumerate(case["turns"], start=1):
        answer = conn.execute("SELECT estimate_converse(%s, %s, %s, '')",
                              (conversation, turn["text"], f"{case['id']}-{index}")).fetchone()[0]
        if answer["handled"]:
            did = answer["action"]
            number = answer["number"]
            reply = answer["reply_text"]
        else:
            made = new_estimate(conn, conversation, turn["text"])
            did, reply = ("new", "") if made else ("refused", "")
            number = made or number
        turns.append({"text": turn["text"], "expect": turn["expect"], "did": did, "ok": did == turn["expect"],
                      "reply": reply[:300]})
        decision = case.get("customer")
        if decision and decision["after_turn"] == index and number:
            conn.execute("SELECT estimate_decide(%s, %s)", (number, decision["decision"]))
    return {"turns": turns, "number": number}


def final_state(conn: psycopg.Connection, number: str | None) -> dict[str, Any] | None:
    if not number:
        return None
    e = conn.execute("SELECT estimate_json(%s)", (number,)).fetchone()[0]
    return {
        "status": e["status"], "revision": e["revision"],
        "lines": sorted((line["catalog_code"], str(Decimal(str(line["quantity"])).normalize()))
                        for line in e["lines"] if not line["to_quote"]),
        "to_quote": sum(1 for line in e["lines"] if line["to_quote"]),
        "subtotal": f"{Decimal(str(e['subtotal'])):.2f}", "tax": f"{Decimal(str(e['tax'])):.2f}",
        "total": f"{Decimal(str(e['total'])):.2f}",
    }


def expected_state(case: dict[str, Any]) -> dict[str, Any]:
    final = case["final"]
    return {
        "status": final["status"], "revision": final["revision"],
        "lines": sorted((line["code"], str(Decimal(str(line["quantity"])).normalize())) for line in final["lines"]),
        "to_quote": final["to_quote"], "subtotal": final["subtotal"], "tax": final["tax"], "total": final["total"],
    }


def score(conn: psycopg.Connection, case: dict[str, Any]) -> dict[str, Any]:
    with conn.transaction(force_rollback=True):
        played = play(conn, case)
        got = final_state(conn, played["number"])
    want = expected_state(case)
    wrong_priced = [] if got is None else sorted({code for code, _ in got["lines"]} - {c for c, _ in want["lines"]})
    turns_ok = all(t["ok"] for t in played["turns"])
    final_ok = got == want
    return {"id": case["id"], "region": case["region"], "medium": case["medium"], "right": turns_ok and final_ok,
            "turns_ok": turns_ok, "final_ok": final_ok, "totals_ok": bool(got) and all(
                got[k] == want[k] for k in ("subtotal", "tax", "total")),
            "wrong_priced": wrong_priced, "refused_turns": sum(t["did"] == "refused" for t in played["turns"]),
            "turns": played["turns"], "final": got, "expected": want}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--ids", default="")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    cases = load_cases()
    if args.ids:
        cases = [c for c in cases if c["id"] in set(args.ids.split(","))]
    with psycopg.connect(args.database_url, autocommit=True) as conn:
        conn.execute("UPDATE estimate_settings SET model_items = false")
        results = [score(conn, case) for case in cases]
    turns = [t for r in results for t in r["turns"]]
    summary = {
        "cases": len(results), "right": sum(r["right"] for r in results),
        "final_lines_and_totals_right": sum(r["final_ok"] for r in results),
        "turns": len(turns), "turns_right": sum(t["ok"] for t in turns),
        "cases_with_wrong_priced_line": sum(bool(r["wrong_priced"]) for r in results),
        "refused_turns": sum(t["did"] == "refused" for t in turns),
    }
    print("multiturn-held-out", json.dumps(summary))
    for r in results:
        if not r["right"]:
            bad = [f"{t['text']!r}: expected {t['expect']}, did {t['did']}" for t in r["turns"] if not t["ok"]]
            print(f"  {r['id']} [{r['region']}] turns: {bad or 'ok'}; final ok={r['final_ok']} "
                  f"got={json.dumps(r['final'])} want={json.dumps(r['expected'])}")
    if args.out:
        args.out.write_text(json.dumps({"summary": summary, "cases": results}, ensure_ascii=False, indent=1),
                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
