"""Where a multi-turn estimate case first departs (helper `multiturn30`, stop 30; bench/estimates/MULTITURN-30.md).

Plays every multi-turn case of a tuning set (eval/estimates-independent*.jsonl, sets 1-16 only: never a held-out set)
exactly as eval/score_independent.py does (its own `score`, so the outcome is the scorer's), but records the
estimate's lines after every turn; then sorts the cases that do not end right by a first, mechanical reading of
where they depart (a turn not as expected; else whether the failing lines were already the first request's, a thing
added or a line changed in a revision that stays a cotizar, words glued onto a line a cotizar, the hours or the
status). The sort is a starting point for reading the cases, not a verdict: MULTITURN-30.md gives the causes read
by hand.

    .venv/bin/python bench/estimates/multiturn_first_departure.py play W/n8n-workflows 8 /tmp/t/t8.json   # one set
    .venv/bin/python bench/estimates/multiturn_first_departure.py sort /tmp/t                           # every t*.json
"""

from __future__ import annotations

import glob
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))


def play_set(workflows: Path, n: str, out: Path) -> None:
    import psycopg
    import score_independent as si
    from bench.eval_services import private_database_from
    from devstack.postgres import SCHEMA_FILES, WORKFLOWS_ROOT

    if int(n) > 16:
        raise SystemExit("sets 17 and later are held out: never played here")
    suffix = "" if n == "1" else f"-{n}"
    cases = [c for c in si.load_cases(ROOT / f"eval/estimates-independent{suffix}.jsonl") if len(c["turns"]) > 1]
    labels = si.load_labels(ROOT / f"eval/estimates-independent{suffix}-labels.json")
    trace: dict[str, list[dict[str, Any]]] = {}

    def play(conn: psycopg.Connection, case: dict[str, Any]) -> dict[str, Any]:   # si.play, recording the lines
        conversation = f"eval:{case['id']}"
        conn.execute("INSERT INTO conversations (id, channel) VALUES (%s, 'web') ON CONFLICT DO NOTHING", (conversation,))
        turns, number, first_hours, steps = [], None, None, []
        for index, turn in enumerate(case["turns"], start=1):
            did, reply, number = si.play_turn(conn, conversation, f"{case['id']}-{index}", turn["text"], number)
            allowed = [turn["expect"], *turn.get("also_ok", [])]
            turns.append({"text": turn["text"], "expect": allowed, "did": did, "ok": did in allowed, "reply": reply[:300]})
            shown: list[str] = []
            if number:
                e, ls = si.estimate_lines(conn, number)
                shown = [f"{'Q' if x['to_quote'] else 'P'} {x['code']} x{x['quantity'].normalize()} | {x['description'][:60]}"
                         for x in ls] + [f"status={e['status']} number={number}"]
            steps.append({"text": turn["text"], "expect": allowed, "did": did, "reply": (reply or "")[:400], "lines": shown})
            if index == 1 and number:
                first_hours = si.labour_hours(si.estimate_lines(conn, number)[1])
            decision = case.get("customer")
            if decision and decision["after_turn"] == index and number:
                conn.execute("SELECT estimate_decide(%s, %s)", (number, decision["decision"]))
        trace[case["id"]] = steps
        return {"turns": turns, "number": number, "first_hours": first_hours}

    si.play = play
    files = tuple(workflows / f.relative_to(WORKFLOWS_ROOT) for f in SCHEMA_FILES)
    with private_database_from(files) as url, psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE estimate_settings SET model_items = false")
        results = [si.score(conn, c, labels[c["id"]]) for c in cases]
    for r in results:
        r["trace"], r["labels"] = trace[r["id"]], labels[r["id"]]
        r["case"] = next(c for c in cases if c["id"] == r["id"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    print("set", n, "multi-turn right", sum(r["outcome"] == "right" for r in results), "of", len(results))


def sort(folder: Path) -> dict[str, list[str]]:
    def desc(line: str) -> str:
        return line.split(" | ")[1].strip().lower() if " | " in line else line

    def materials(lines: list[str]) -> list[str]:
        return [x for x in lines if not x.startswith("status=") and "mano-obra" not in x and "desplazamiento" not in x]

    out: dict[str, list[str]] = defaultdict(list)
    for f in sorted(glob.glob(str(folder / "t*.json")), key=lambda x: int(re.findall(r"\d+", Path(x).name)[0])):
        n = re.findall(r"\d+", Path(f).name)[0]
        for r in json.loads(Path(f).read_text(encoding="utf-8")):
            if r["outcome"] == "right":
                continue
            steps, cid = r["trace"], f"{r['id']}({n})"
            if steps[0]["did"] not in steps[0]["expect"]:
                out[f"turn 1 not as expected ({steps[0]['did']})"].append(cid)
                continue
            bad = next((i for i, t in enumerate(steps) if t["did"] not in t["expect"]), None)
            if bad is not None:
                out[f"revision turn: expected {steps[bad]['expect'][0]}, did {steps[bad]['did']}"].append(cid)
                continue
            start = max(i for i, t in enumerate(steps) if t["did"] == "new")
            first = set(materials(steps[start]["lines"]))
            named = {desc(x) for x in first}
            touched = [x for x in materials(steps[-1]["lines"]) if x not in first]
            quoted = [x for x in touched if x.startswith("Q ") and desc(x) not in named]
            if not r["labour_ok"]:
                out["all turns as expected: labour hours"].append(cid)
            elif not r["status_ok"]:
                out["all turns as expected: status"].append(cid)
            elif r["unexpected"]:
                out["all turns as expected: a priced line no label accounts for"].append(cid)
            elif [x for x in quoted if any(desc(x).startswith(d + " ") for d in named)]:
                out["all turns as expected: words glued onto a line a cotizar"].append(cid)
            elif quoted and all(desc(x).split(" ")[0] in {desc(y).split(" ")[0] for y in first if y.startswith("Q ")} for x in quoted):
                out["all turns as expected: a line a cotizar of turn 1, resized or recounted, still a cotizar"].append(cid)
            elif quoted:
                out["all turns as expected: a thing added or changed in a revision reads a cotizar"].append(cid)
            else:
                out["all turns as expected: the failing lines are the first request's"].append(cid)
    return out


if __name__ == "__main__":
    if sys.argv[1] == "play":
        play_set(Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]))
    else:
        groups = sort(Path(sys.argv[2]))
        for k, v in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(len(v), k, " ".join(v))
        print("total", sum(len(v) for v in groups.values()))
