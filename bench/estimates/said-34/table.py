"""SAID-34.md's table: per set, before -> after (right/partial/refused/wrong-priced, wrong-priced lines, multi-turn
right, turns as expected), for the sets both folders have. usage: table.py BEFORE_DIR AFTER_DIR [AFTER_DIR2 ...]"""
import json, os, sys

before, afters = sys.argv[1], sys.argv[2:]
order = ["26", "24", "22"] + [str(n) for n in range(1, 17)]
print("| set | before r/p/ref/wrong | after r/p/ref/wrong | wrong-priced lines | multi-turn right | turns as expected |")
print("|---|---|---|---|---|---|")
for s in order:
    fa = f"{before}/set{s}.json" if s != "26" else f"{before}26/set26.json"
    fb = next((f"{d}/set{s}.json" for d in afters if os.path.exists(f"{d}/set{s}.json")), None)
    if not (os.path.exists(fa) and fb):
        continue
    a, b = json.load(open(fa)), json.load(open(fb))
    def mt(d):
        return (sum(1 for c in d["cases"] if len(c["turns"]) > 1 and c["outcome"] == "right"),
                sum(1 for c in d["cases"] if len(c["turns"]) > 1))
    sa, sb = a["summary"], b["summary"]
    f = lambda x: f"{x['right']}/{x['partial']}/{x['refused']}/{x['wrong-priced']}"
    print(f"| {s} | {f(sa)} | {f(sb)} | {sa['unexpected_priced_lines']} → {sb['unexpected_priced_lines']} | "
          f"{mt(a)[0]} → {mt(b)[0]} of {mt(b)[1]} | {sa['turns_as_expected']} of {sa['turns']} → {sb['turns_as_expected']} of {sb['turns']} |")
