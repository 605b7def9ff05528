"""Which messages the router ("What is the plumber asking for?", chat-answer.json) decides differently in another
checkout's chat workflow and in this one: estimate, person, small talk, off-topic or a question for the knowledge base,
on every tuning set's messages (no database, no model: the node's JavaScript under Node, as the tests run it, with
each checkout's own "Assistant settings" and "Estimate and person words"; no safety rule, first message of a
conversation).

    git show main:n8n-workflows/workflows/chat-answer.json > /tmp/chat-answer-main.json
    .venv/bin/python bench/quality/router_moves.py --before /tmp/chat-answer-main.json [--sets eval/dev-smalltalk*.jsonl]

Prints, per file, the count of each decision before → after and every message that moved. The held-out sets are
never read: only eval/dev-*.jsonl, eval/questions.jsonl and the estimate tuning sets (eval/estimates.jsonl,
eval/estimates-multiturn.jsonl, eval/estimates-independent-N for the tuning N) unless --sets names files.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.workflows.test_answer_shape import HARNESS  # noqa: E402
from tests.support.node_js import run_in_batches  # noqa: E402

ROUTER = "What is the plumber asking for?"
# estimate sets a helper may read (HELPERS-BRIEF.md: 1-16, 22, 24, 26)
ESTIMATE_TUNING = [*range(2, 17), 22, 24, 26]


def default_sets() -> list[Path]:
    names = sorted(glob.glob(str(ROOT / "eval" / "dev-*.jsonl"))) + [str(ROOT / "eval" / "questions.jsonl"),
                                                                     str(ROOT / "eval" / "estimates.jsonl"),
                                                                     str(ROOT / "eval" / "estimates-multiturn.jsonl"),
                                                                     str(ROOT / "eval" / "estimates-independent.jsonl")]
    names += [str(ROOT / "eval" / f"estimates-independent-{n}.jsonl") for n in ESTIMATE_TUNING]
    return [Path(n) for n in names if Path(n).exists()]


def texts_of(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if not isinstance(row, dict):
            continue
        if isinstance(row.get("question"), str):
            out.append((str(row.get("id", "")), row["question"]))
        for i, turn in enumerate(row.get("turns") or []):   # multi-turn estimate rows
            text = turn.get("text") if isinstance(turn, dict) else turn
            if isinstance(text, str):
                out.append((f"{row.get('id', '')}#{i}", text))
    return out


def decide(workflow: dict, texts: list[str]) -> list[str]:
    code = next(n for n in workflow["nodes"] if n["name"] == ROUTER)["parameters"]["jsCode"]
    settings = {a["name"]: a["value"] for n in workflow["nodes"] if n["name"] == "Assistant settings"
                for a in n["parameters"]["assignments"]["assignments"]}
    words = {a["name"]: a["value"] for n in workflow["nodes"] if n["name"] == "Estimate and person words"
             for a in n["parameters"]["assignments"]["assignments"]}
    off_topic = str(settings.get("off_topic_text", "")).strip()
    payload = [{"node": ROUTER, "code": code,
                "json": {"safety_message": "", "safety_rule": "", "safety_carried": False},
                "nodes": {"Estimate and person words": words, "Assistant settings": settings,
                          "Read message": {"text": t, "metadata": {}}}} for t in texts]
    results = run_in_batches(HARNESS, payload)   # 200 a Node process: one with thousands of copies crashed
    out = []
    for r in results:
        if "__error" in r:
            raise RuntimeError(r["__error"])
        if r.get("estimate_job_missing"):
            out.append("ask-job")
        elif r["wants_estimate"]:
            out.append("estimate")
        elif r["wants_person"]:
            out.append("person")
        elif r["small_talk_reply"]:
            out.append("off-topic" if off_topic and r["small_talk_reply"].startswith(off_topic) else "talk")
        else:
            out.append("question")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="another checkout's chat-answer.json")
    parser.add_argument("--after", type=Path, default=ROOT / "n8n-workflows" / "workflows" / "chat-answer.json")
    parser.add_argument("--sets", nargs="*", type=Path)
    args = parser.parse_args()
    before_wf, after_wf = (json.loads(p.read_text()) for p in (args.before, args.after))
    sets = args.sets or default_sets()
    rows = [(path.name, i, t) for path in sets for i, t in texts_of(path)]
    texts = [t for _, _, t in rows]
    before, after = decide(before_wf, texts), decide(after_wf, texts)
    total = 0
    for name in dict.fromkeys(n for n, _, _ in rows):
        mine = [(i, t, b, a) for (n, i, t), b, a in zip(rows, before, after) if n == name]
        cb, ca = Counter(b for *_, b, _ in mine), Counter(a for *_, a in mine)
        kinds = sorted(set(cb) | set(ca))
        moved = [m for m in mine if m[2] != m[3]]
        total += len(moved)
        print(f"== {name}: {len(mine)} messages, {len(moved)} moved; " +
              ", ".join(f"{k} {cb[k]} → {ca[k]}" for k in kinds))
        for i, t, b, a in moved:
            print(f"     {i:>14s} {b} → {a}: {t!r}")
    print(f"moved in all: {total} of {len(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
