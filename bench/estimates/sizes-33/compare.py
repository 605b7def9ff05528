"""Before/after per set from eval/score_independent.py outputs: right/partial/refused/wrong-priced (cases), wrong-priced
lines, multi-turn cases ending right, turns as expected; and every case whose outcome, turn actions or lines moved.

    python3 bench/estimates/sizes-33/compare.py BEFORE_DIR AFTER_DIR SET...   (files BEFORE_DIR/setN.json)"""

import json
import sys
from pathlib import Path


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def figures(d: dict) -> dict:
    s, cases = d["summary"], d["cases"]
    return {"rprw": f"{s['right']}/{s['partial']}/{s['refused']}/{s['wrong-priced']}",
            "lines": s["unexpected_priced_lines"],
            "multi": sum(1 for c in cases if len(c["turns"]) > 1 and c["outcome"] == "right"),
            "multi_of": sum(1 for c in cases if len(c["turns"]) > 1),
            "turns": f"{s['turns_as_expected']} of {s['turns']}", "wrong": s["wrong-priced"]}


def main() -> None:
    before, after, sets = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    print("| set | before r/p/ref/wrong | after r/p/ref/wrong | wrong-priced lines | multi-turn right | turns as expected |")
    print("|---|---|---|---|---|---|")
    moved = []
    pool = {"b": [0, 0, 0, 0, 0, 0], "a": [0, 0, 0, 0, 0, 0], "n": 0, "of": 0}
    for s in sets:
        b, a = before / f"set{s}.json", after / f"set{s}.json"
        if not (b.is_file() and a.is_file()):
            print(f"| {s} | {'?' if not b.is_file() else figures(load(b))['rprw']} | not measured | | | |")
            continue
        db, da = load(b), load(a)
        fb, fa = figures(db), figures(da)
        print(f"| {s} | {fb['rprw']} | {fa['rprw']} | {fb['lines']} → {fa['lines']} | "
              f"{fb['multi']} → {fa['multi']} of {fa['multi_of']} | {fb['turns']} → {fa['turns']} |")
        if s.isdigit() and 1 <= int(s) <= 16:
            for k, d, f in (("b", db, fb), ("a", da, fa)):
                x = d["summary"]
                for i, v in enumerate((x["right"], x["partial"], x["refused"], x["wrong-priced"], f["lines"], f["multi"])):
                    pool[k][i] += v
            pool["n"] += 1
            pool["of"] += fa["multi_of"]
        cb = {c["id"]: c for c in db["cases"]}
        for c in da["cases"]:
            o = cb[c["id"]]
            if (o["outcome"], [t["did"] for t in o["turns"]], o["lines"]) != (c["outcome"], [t["did"] for t in c["turns"]], c["lines"]):
                moved.append(f"- {c['id']} (set {s}) {o['outcome']} → {c['outcome']}; turns "
                             f"{[t['did'] for t in o['turns']]} → {[t['did'] for t in c['turns']]}")
    if pool["n"]:
        b, a = pool["b"], pool["a"]
        print(f"| **1–16 pooled ({pool['n']} sets)** | **{b[0]}/{b[1]}/{b[2]}/{b[3]}** | **{a[0]}/{a[1]}/{a[2]}/{a[3]}** | "
              f"**{b[4]} → {a[4]}** | **{b[5]} → {a[5]} of {pool['of']}** | |")
    print()
    print("\n".join(moved) or "(no case moved)")


if __name__ == "__main__":
    main()
