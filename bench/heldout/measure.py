"""The lead's held-out measurements, kept in the repository so that a fresh machine has them. Never run by a
helper: whoever runs this has read the held-out sets (docs/helpers-brief.md).

Every figure of the "Results (the lead)" sections of eval/INDEPENDENT-*.md and eval/ESTIMATES-INDEPENDENT-*.md
since stop 39 comes from these commands. The code measured is a worktree WT (its `.venv` a link to the cache's);
the held-out files are always read from EVAL (default /work/main/eval), so an older commit is measured on the same
questions:

    git -C /work/main worktree add --detach /work/base <commit> && ln -s "$(readlink -f .venv)" /work/base/.venv
    python3 bench/heldout/measure.py search WT TAG 4 5 ... 14   ask_back + talk_decision + safety_notice per split
    python3 bench/heldout/measure.py est WT TAG 17 18 ... 35    eval/score_independent.py per set, on WT's SQL
    python3 bench/heldout/measure.py searchtable A B 4 ... 14   two tags side by side, and pooled
    python3 bench/heldout/measure.py searchdiff A B 4 ... 14    the messages whose outcome moved
    python3 bench/heldout/measure.py esttable A B 17 ... 35     two tags side by side, and pooled
    python3 bench/heldout/measure.py casediff A B 17 ... 35     the conversations whose outcome moved
    bench/heldout/chat.sh WT TAG SPLIT                          the whole chat (WebSocket in, reply out), tiny model

Results go under OUT (default /work/scores/s39). At the search a labelled question is: right (answered with its
article or one of its "also"), offered (asked back, the right case among the choices), wrong (answered with another
article), missing (asked back without the right case), none (nothing found). Talk: the split's small talk and
off-topic messages expect the short reply, every other message must not get it. Safety: a row's own `safety` field
says whether a notice is needed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

EVAL = Path(os.environ.get("EVAL", "/work/main/eval"))
OUT = Path(os.environ.get("OUT", "/work/scores/s39"))
HO = Path("/tmp/ho")


def split_file(n: str) -> Path:
    return EVAL / ("independent.jsonl" if n == "1" else f"independent-{n}.jsonl")


def labels_file(n: str) -> Path:
    return EVAL / ("independent-labels.json" if n == "1" else f"independent-{n}-labels.json")


def prepare(n: str) -> tuple[Path, Path]:
    HO.mkdir(exist_ok=True)
    rows = [json.loads(x) for x in split_file(n).read_text().splitlines() if x.strip()]
    talk, safety = HO / f"split{n}.jsonl", HO / f"safety{n}.jsonl"
    talk.write_text("".join(json.dumps({"id": r["id"], "question": r["question"],
                                        "expect": "talk" if r.get("kind") in ("smalltalk", "out_of_scope") else "question"},
                                       ensure_ascii=False) + "\n" for r in rows))
    safety.write_text("".join(json.dumps({"id": r["id"], "question": r["question"], "safety": r.get("safety") or None},
                                         ensure_ascii=False) + "\n" for r in rows))
    return talk, safety


def run(wt: str, args: list[str], out: Path) -> None:
    py = f"{wt}/.venv/bin/python"
    with out.open("w") as f:
        subprocess.run([py, *args], cwd=wt, stdout=f, stderr=subprocess.STDOUT, check=False)


def search(wt: str, tag: str, splits: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for n in splits:
        talk, safety = prepare(n)
        run(wt, ["bench/quality/ask_back.py", "--questions", str(split_file(n)), "--labels", str(labels_file(n)),
                 "--json", str(OUT / f"askback-{n}-{tag}.json")], OUT / f"askback-{n}-{tag}.txt")
        run(wt, ["-m", "bench.quality.talk_decision", "--wrong", str(talk)], OUT / f"talk-{n}-{tag}.txt")
        run(wt, ["-m", "bench.quality.safety_notice", "--wrong", str(safety), "--json", str(OUT / f"safety-{n}-{tag}.json")],
            OUT / f"safety-{n}-{tag}.txt")
        print(n, "done", flush=True)


def est(wt: str, tag: str, sets: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for n in sets:
        run(wt, ["eval/score_independent.py", "--scratch", "--workflows-root", f"{wt}/n8n-workflows",
                 "--cases", str(EVAL / f"estimates-independent-{n}.jsonl"),
                 "--labels", str(EVAL / f"estimates-independent-{n}-labels.json"),
                 "--out", str(OUT / f"est-{n}-{tag}.json")], OUT / f"est-{n}-{tag}.txt")
        print(n, "done", flush=True)


def outcomes(path: Path) -> Counter:
    """ask_back's per-question outcome counts, from its JSON (whatever its keys are, the summary fields)."""
    data = json.loads(path.read_text())
    return data


def classify(row: dict) -> str | None:
    if not row.get("label"):
        return None
    right = set(row.get("right") or [row["label"]])
    if row.get("offered"):
        offered = [o.get("slug") if isinstance(o, dict) else o for o in row["offered"]]
        return "offered" if right & set(offered) else "missing"
    if row.get("first"):
        return "right" if row["first"] in right else "wrong"
    return "none"


def search_counts(n: str, tag: str) -> dict:
    out: Counter = Counter()
    p = OUT / f"askback-{n}-{tag}.json"
    if p.exists():
        out.update(c for c in map(classify, json.loads(p.read_text())["rows"]) if c)
    t = OUT / f"talk-{n}-{tag}.txt"
    if t.exists():
        for line in t.read_text().splitlines():
            line = line.strip()
            if line.startswith("expect talk"):
                out["talk_right"] += int(line.split()[3].split("/")[0]); out["talk_n"] += int(line.split()[3].split("/")[1])
            if line.startswith("expect question"):
                q = line.split("talk ")
                out["q_as_talk"] += int(q[1].split()[0]) if len(q) > 1 else 0
    s = OUT / f"safety-{n}-{tag}.json"
    if s.exists():
        for v in json.loads(s.read_text()).values():
            out["notice"] += v["shown"]; out["need"] += v["need_notice"]
            out["false"] += v["false_alarms"]; out["no_need"] += v["no_notice_needed"]
            out["false_link"] += v["false_from_link"]
    return out


def searchtable(a: str, b: str, splits: list[str]) -> None:
    keys = ("right", "offered", "wrong", "missing", "none", "talk_right", "talk_n", "q_as_talk", "notice", "need", "false", "false_link", "no_need")
    print("split tag    " + " ".join(f"{k[:9]:>9s}" for k in keys))
    tot = {a: Counter(), b: Counter()}
    for n in splits:
        for tag in (a, b):
            c = search_counts(n, tag)
            tot[tag].update(c)
            print(f"{n:>5s} {tag[:6]:6s} " + " ".join(f"{c[k]:>9}" for k in keys))
    for tag in (a, b):
        print(f"  ALL {tag[:6]:6s} " + " ".join(f"{tot[tag][k]:>9}" for k in keys))


def searchdiff(a: str, b: str, splits: list[str]) -> None:
    for n in splits:
        ra = {r["id"]: r for r in json.loads((OUT / f"askback-{n}-{a}.json").read_text())["rows"]}
        rb = {r["id"]: r for r in json.loads((OUT / f"askback-{n}-{b}.json").read_text())["rows"]}
        for i in ra:
            if i in rb and classify(ra[i]) != classify(rb[i]):
                print(f"{i}: {classify(ra[i])} -> {classify(rb[i])}  label {ra[i]['label']}  first {ra[i].get('first')} -> {rb[i].get('first')}")


def esttable(a: str, b: str, sets: list[str]) -> None:
    keys = ("right", "partial", "refused", "wrong-priced", "unexpected_priced_lines", "turns_as_expected", "items_priced")
    tot = {a: Counter(), b: Counter()}
    print("set  " + "  ".join(f"{k[:10]:>10s}" for k in keys) + "  multi-right")
    for n in sets:
        for tag in (a, b):
            p = OUT / f"est-{n}-{tag}.json"
            if not p.exists():
                continue
            d = json.loads(p.read_text())
            s = d["summary"]
            multi = [c for c in d["cases"] if len(c["turns"]) > 1]
            mr = sum(c["outcome"] == "right" for c in multi)
            for k in keys:
                tot[tag][k] += s.get(k, 0)
            tot[tag]["multi"] += mr
            tot[tag]["nmulti"] += len(multi)
            tot[tag]["cases"] += s["cases"]
            print(f"{n:>3s} {tag[:6]:6s}" + "  ".join(f"{s.get(k, 0):>10}" for k in keys) + f"  {mr}/{len(multi)}")
    for tag in (a, b):
        t = tot[tag]
        print(f"ALL {tag[:6]:6s}" + "  ".join(f"{t[k]:>10}" for k in keys) + f"  {t['multi']}/{t['nmulti']}  cases {t['cases']}")


def casediff(a: str, b: str, sets: list[str]) -> None:
    for n in sets:
        pa, pb = OUT / f"est-{n}-{a}.json", OUT / f"est-{n}-{b}.json"
        if not (pa.exists() and pb.exists()):
            continue
        ca = {c["id"]: c for c in json.loads(pa.read_text())["cases"]}
        cb = {c["id"]: c for c in json.loads(pb.read_text())["cases"]}
        for i in ca:
            if ca[i]["outcome"] != cb[i]["outcome"] or len(ca[i]["unexpected"]) != len(cb[i]["unexpected"]):
                print(f"{i}: {ca[i]['outcome']}({len(ca[i]['unexpected'])}) -> {cb[i]['outcome']}({len(cb[i]['unexpected'])})")


if __name__ == "__main__":
    cmd, *rest = sys.argv[1:]
    if cmd == "search":
        search(rest[0], rest[1], rest[2:])
    elif cmd == "est":
        est(rest[0], rest[1], rest[2:])
    elif cmd == "searchtable":
        searchtable(rest[0], rest[1], rest[2:])
    elif cmd == "esttable":
        esttable(rest[0], rest[1], rest[2:])
    elif cmd == "searchdiff":
        searchdiff(rest[0], rest[1], rest[2:])
    elif cmd == "casediff":
        casediff(rest[0], rest[1], rest[2:])
