"""SAID-36.md (est-35's table.py with set 30)'s tables: per set, before -> after (right/partial/refused/wrong-priced cases, wrong-priced lines,
multi-turn right, turns as expected) for the sets every folder has, and the cases whose outcome moved.
usage: table.py BEFORE_DIR AFTER_DIR   (each holds setN.json from eval/score_independent.py --out)"""
import json, os, sys

before, after = sys.argv[1], sys.argv[2]
order = ["30", "28", "26", "24", "22"] + [str(n) for n in range(1, 17)]


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
