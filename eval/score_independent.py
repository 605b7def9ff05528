"""Score the independent estimate cases (eval/estimates-independent.jsonl, eval/ESTIMATES-INDEPENDENT.md):
measure only, never tune.

The cases name expected lines in words; eval/estimates-independent-labels.json gives each one its catalogue
code(s), written from the catalogue before any rule was changed for the set (eval/ESTIMATES-INDEPENDENT-LABELS.md).
Every conversation is played turn by turn through the SQL functions the estimate workflow calls, in a
transaction rolled back afterwards, as eval/score_multiturn.py does (estimate_converse for a change of the open
estimate; otherwise estimate_match and, when something can be priced, estimate_create; the customer's
decision through estimate_decide). Without the AI model (estimate_settings.model_items off): the words and
the rules alone.

Each case gets one outcome, as ESTIMATES-INDEPENDENT.md suggests:
  wrong-priced  the final estimate has a priced line that no expected item accounts for: another item, size,
                type or quantity, a line the case says must stay a cotizar, or anything priced for a request
                that should get no estimate (a service call and labour hours are not counted here; labour is
                judged only when the case fixes the hours)
  refused       a turn got no estimate where one was expected
  right         every turn did what `expect` (or `also_ok`) says, every expected item is priced with its code
                and quantity (or stays a cotizar where the case says it must), the hours and the status as
                expected, nothing else priced
  partial       the rest: a draft to complete (an item a cotizar because the catalogue lacks it, an item
                missing, hours or a turn not as expected)

    .venv/bin/python eval/score_independent.py --database-url postgresql://... [--out results.json]
    .venv/bin/python eval/score_independent.py --scratch [--workflows-root <checkout>/n8n-workflows] [--out ...]
    .venv/bin/python eval/score_independent.py --scratch --cases eval/estimates-independent-2.jsonl \
        --labels eval/estimates-independent-2-labels.json      # the second set, same format
    (eval/estimates-independent-3.jsonl and its labels: the third, held-out set; an item's quantity may be null
    there, "the number is not said", for an item that must stay a cotizar)

--scratch starts a private embedded Postgres with the SQL files of --workflows-root (default: this checkout's)
applied, and stops it at the end: `git archive <commit> n8n-workflows | tar -x -C /tmp/x` scores an older
commit's rules on the same labels.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CASES = ROOT / "eval" / "estimates-independent.jsonl"
LABELS = ROOT / "eval" / "estimates-independent-labels.json"
OUTCOMES = ("right", "partial", "refused", "wrong-priced")


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_labels(path: Path = LABELS) -> dict[str, list[dict[str, Any]]]:
    return json.loads(path.read_text(encoding="utf-8"))["labels"]


def estimate_lines(conn: psycopg.Connection, number: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    e = conn.execute("SELECT estimate_json(%s)", (number,)).fetchone()[0]
    return e, [{"code": line.get("catalog_code"), "quantity": Decimal(str(line["quantity"])), "unit": line.get("unit"),
                "kind": line.get("kind"), "to_quote": bool(line["to_quote"]),
                "description": line.get("description") or line.get("requested") or ""} for line in e["lines"]]


def labour_hours(lines: list[dict[str, Any]]) -> Decimal:
    """Hours of labour on the estimate: the lines of kind labour sold by the hour."""
    return sum((x["quantity"] for x in lines if not x["to_quote"] and x["kind"] == "labour" and x["unit"] == "h"),
               Decimal(0))


def play_turn(conn: psycopg.Connection, conversation: str, message_id: str, text: str,
              number: str | None) -> tuple[str, str, str | None]:
    """One plumber's message as the workflow handles it: a turn of an open estimate (estimate_converse), else a
    new estimate when the words price or ask something, else refused. (what was done, the reply, the estimate's
    number after it)."""
    answer = conn.execute("SELECT estimate_converse(%s, %s, %s, '')", (conversation, text, message_id)).fetchone()[0]
    if answer["handled"]:
        return answer["action"], answer.get("reply_text") or "", answer["number"]
    found = conn.execute("SELECT estimate_match(%s)", (text,)).fetchone()[0]
    if found["priced"] > 0 or found.get("ask_back", 0) > 0:   # as the workflow decides
        made = conn.execute("SELECT estimate_create(%s, %s::jsonb)", (conversation, json.dumps(found["items"]))).fetchone()[0]
        return "new", "", made["number"]
    return "refused", "", number


def play(conn: psycopg.Connection, case: dict[str, Any]) -> dict[str, Any]:
    conversation = f"eval:{case['id']}"
    conn.execute("INSERT INTO conversations (id, channel) VALUES (%s, 'web') ON CONFLICT DO NOTHING", (conversation,))
    turns: list[dict[str, Any]] = []
    number: str | None = None
    first_hours: Decimal | None = None
    for index, turn in enumerate(case["turns"], start=1):
        did, reply, number = play_turn(conn, conversation, f"{case['id']}-{index}", turn["text"], number)
        allowed = [turn["expect"], *turn.get("also_ok", [])]
        turns.append({"text": turn["text"], "expect": allowed, "did": did, "ok": did in allowed, "reply": reply[:300]})
        if index == 1 and number:
            first_hours = labour_hours(estimate_lines(conn, number)[1])
        decision = case.get("customer")
        if decision and decision["after_turn"] == index and number:
            conn.execute("SELECT estimate_decide(%s, %s)", (number, decision["decision"]))
    return {"turns": turns, "number": number, "first_hours": first_hours}


def match_items(case: dict[str, Any], labels: list[dict[str, Any]],
                lines: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each expected item with how it was found (priced / a cotizar / labour / missing), and the priced lines
    no item accounts for."""
    free = [x for x in lines if not x["to_quote"]]
    quotes = [x for x in lines if x["to_quote"]]
    hours = labour_hours(lines)
    found: list[dict[str, Any]] = []
    for item, label in zip(case["final"].get("items") or [], labels, strict=True):
        # quantity null: the words do not say how many (only for an item that must stay a cotizar)
        want = None if item["quantity"] is None else Decimal(str(item["quantity"]))
        how = "missing"
        if label.get("labour"):
            how = "labour" if hours > 0 else "missing"
        else:
            options = [] if want is None else [(label["codes"], want, Decimal(str(label.get("tolerance", 0))))] + [
                (alt["codes"], Decimal(str(alt["quantity"])), Decimal(0)) for alt in label.get("alternatives", [])]
            for codes, quantity, tolerance in options:
                hit = next((x for x in free if x["code"] in codes and abs(x["quantity"] - quantity) <= tolerance), None)
                if hit:
                    free.remove(hit)
                    how = "priced"
                    break
            if how == "missing" and (not label["codes"] or label.get("or_to_quote")) and quotes:
                hit = next((x for x in quotes if x["quantity"] == want), quotes[0])
                quotes.remove(hit)
                how = "to_quote"
        found.append({"what": item["what"], "size": item["size"], "quantity": "?" if want is None else str(want),
                      "how": how, "must_quote": not label.get("labour") and not label["codes"]})
    unexpected = [x for x in free if x["kind"] != "service_call" and not (x["kind"] == "labour" and x["unit"] == "h")]
    return found, unexpected


def score(conn: psycopg.Connection, case: dict[str, Any], labels: list[dict[str, Any]]) -> dict[str, Any]:
    with conn.transaction(force_rollback=True):
        played = play(conn, case)
        e, lines = estimate_lines(conn, played["number"]) if played["number"] else ({}, [])
    final = case["final"]
    turns_ok = all(t["ok"] for t in played["turns"])
    refused = any(t["did"] == "refused" and "refused" not in t["expect"] for t in played["turns"])
    if final["status"] is None:   # nothing a plumber prices: no estimate at all
        priced = [x for x in lines if not x["to_quote"]]
        outcome = "wrong-priced" if priced else ("right" if not played["number"] and turns_ok else "partial")
        return {"id": case["id"], "region": case["region"], "medium": case["medium"], "outcome": outcome,
                "turns": played["turns"], "items": [], "unexpected": [_line(x) for x in priced], "labour_ok": True,
                "status_ok": not played["number"], "lines": [_line(x) for x in lines]}
    items, unexpected = match_items(case, labels, lines)
    hours = labour_hours(lines)
    if final.get("labour_hours") is not None:
        labour_ok = hours == Decimal(str(final["labour_hours"]))
    elif final.get("labour_change") is not None:
        first = played["first_hours"]
        labour_ok = first is not None and hours == first + Decimal(str(final["labour_change"]))
    else:
        labour_ok = True
    decided = (case.get("customer") or {}).get("decision")
    status_ok = bool(e) and e["status"] == (decided or final["status"])
    every_item = all(i["how"] == "priced" or (i["how"] == "to_quote" and i["must_quote"]) or i["how"] == "labour"
                     for i in items)
    if unexpected:
        outcome = "wrong-priced"
    elif refused or not played["number"]:
        outcome = "refused"
    elif turns_ok and every_item and labour_ok and status_ok:
        outcome = "right"
    else:
        outcome = "partial"
    return {"id": case["id"], "region": case["region"], "medium": case["medium"], "outcome": outcome,
            "turns": played["turns"], "items": items, "unexpected": [_line(x) for x in unexpected],
            "labour": str(hours), "labour_ok": labour_ok, "status_ok": status_ok,
            "lines": [_line(x) for x in lines]}


def _line(x: dict[str, Any]) -> dict[str, Any]:
    return {"code": x["code"], "quantity": str(x["quantity"].normalize()), "to_quote": x["to_quote"],
            "description": x["description"]}


def summarize(results: list[dict[str, Any]]) -> dict[str, Any]:
    outcomes = Counter(r["outcome"] for r in results)
    turns = [t for r in results for t in r["turns"]]
    items = [i for r in results for i in r["items"]]
    return {
        "cases": len(results), **{k: outcomes.get(k, 0) for k in OUTCOMES},
        "turns": len(turns), "turns_as_expected": sum(t["ok"] for t in turns),
        "refused_turns": sum(t["did"] == "refused" and "refused" not in t["expect"] for t in turns),
        "items": len(items), "items_priced": sum(i["how"] == "priced" for i in items),
        "items_to_quote": sum(i["how"] == "to_quote" for i in items),
        "items_missing": sum(i["how"] == "missing" for i in items),
        "unexpected_priced_lines": sum(len(r["unexpected"]) for r in results),
    }


def run(database_url: str, ids: set[str] | None = None, cases_path: Path = CASES,
        labels_path: Path = LABELS) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    cases = [c for c in load_cases(cases_path) if not ids or c["id"] in ids]
    labels = load_labels(labels_path)
    missing = [c["id"] for c in cases if c["id"] not in labels]
    if missing:
        raise ValueError(f"{labels_path}: no labels for {', '.join(missing)}")
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("UPDATE estimate_settings SET model_items = false")
        results = [score(conn, case, labels[case["id"]]) for case in cases]
    return summarize(results), results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url")
    parser.add_argument("--scratch", action="store_true", help="a private embedded Postgres for this run")
    parser.add_argument("--workflows-root", type=Path, help="with --scratch: whose SQL files (an n8n-workflows folder)")
    parser.add_argument("--ids", default="")
    parser.add_argument("--cases", type=Path, default=CASES, help="a cases file (.jsonl) in the format of "
                        "eval/ESTIMATES-INDEPENDENT.md (default: %(default)s)")
    parser.add_argument("--labels", type=Path, default=LABELS, help="its labels file (.json) in the format of "
                        "eval/estimates-independent-labels.json (default: %(default)s)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    ids = set(args.ids.split(",")) - {""} or None
    for path in (args.cases, args.labels):
        if not path.is_file():
            parser.error(f"no such file: {path}")
    if args.scratch:
        from bench.eval_services import private_database_from
        from devstack.postgres import SCHEMA_FILES, WORKFLOWS_ROOT
        files = SCHEMA_FILES
        if args.workflows_root:
            files = tuple(args.workflows_root / f.relative_to(WORKFLOWS_ROOT) for f in SCHEMA_FILES)
        with private_database_from(files) as url:
            summary, results = run(url, ids, args.cases, args.labels)
    elif args.database_url:
        summary, results = run(args.database_url, ids, args.cases, args.labels)
    else:
        parser.error("--database-url or --scratch")
    print("independent", json.dumps(summary))
    for r in results:
        if r["outcome"] != "right":
            bad = [f"{t['text']!r}: expected {'/'.join(t['expect'])}, did {t['did']}"
                   for t in r["turns"] if not t["ok"]]
            got = [f"{i['what']} {i['size'] or ''} x{i['quantity']}: {i['how']}"
                   for i in r["items"] if i["how"] != "priced"]
            print(f"  {r['id']} [{r['region']} {r['medium']}] {r['outcome']}; turns: {bad or 'ok'}; "
                  f"items: {got or 'ok'}; unexpected: {[(u['code'], u['quantity']) for u in r['unexpected']]}; "
                  f"labour {r.get('labour')} "
                  f"ok={r['labour_ok']}; status ok={r['status_ok']}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"summary": summary, "cases": results}, ensure_ascii=False, indent=1,
                                       default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
