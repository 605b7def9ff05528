"""SAID-35.md's and SAID-36.md's tables: per set, before -> after (right/partial/refused/wrong-priced cases, wrong-priced lines,
multi-turn right, turns as expected) for the sets every folder has, and the cases whose outcome moved.
usage: table.py BEFORE_DIR AFTER_DIR   (each holds setN.json from eval/score_independent.py --out)"""
import json, os, sys

before, after = sys.argv[1], sys.argv[2]
# the newest tuning sets first (22 and later), then sets 1-16: every setN.json both folders hold
found = {n[3:-5] for n in os.listdir(before) if n.startswith("set") and n.endswith(".json")}
found &= {n[3:-5] for n in os.listdir(after) if n.startswith("set") and n.endswith(".json")}
order = sorted((s for s in found if s.isdigit()), key=lambda s: (int(s) < 22, -int(s) if int(s) >= 22 else int(s)))


def mt(d):
    return (sum(1 for c in d["cases"] if len(c["turns"]) > 1 and c["outcome"] == "right"),
            sum(1 for c in d["cases"] if len(c["turns"]) > 1))


def f(x):
    return f"{x['right']}/{x['partial']}/{x['refused']}/{x['wrong-priced']}"


print("| set | before r/p/ref/wrong | after r/p/ref/wrong | wrong-priced lines | multi-turn right | turns as expected |")
print("|---|---|---|---|---|---|")
moved = []
for s in order:
    fa, fb = f"{before}/set{s}.json", f"{after}/set{s}.json"
    if not (os.path.exists(fa) and os.path.exists(fb)):
        continue
    a, b = json.load(open(fa)), json.load(open(fb))
    sa, sb = a["summary"], b["summary"]
    print(f"| {s} | {f(sa)} | {f(sb)} | {sa['unexpected_priced_lines']} → {sb['unexpected_priced_lines']} | "
          f"{mt(a)[0]} → {mt(b)[0]} of {mt(b)[1]} | {sa['turns_as_expected']} of {sa['turns']} → "
          f"{sb['turns_as_expected']} of {sb['turns']} |")
    ca = {c["id"]: c for c in a["cases"]}
    for c in b["cases"]:
        o = ca[c["id"]]
        same = (o["outcome"] == c["outcome"] and [t["did"] for t in o["turns"]] == [t["did"] for t in c["turns"]]
                and o.get("unexpected") == c.get("unexpected") and o.get("items") == c.get("items"))
        if not same:
            moved.append(f"- set {s} {c['id']}: {o['outcome']} → {c['outcome']} "
                         f"(turns {[t['did'] for t in o['turns']]} → {[t['did'] for t in c['turns']]})")
print()
print("\n".join(moved) or "(no case moved)")
