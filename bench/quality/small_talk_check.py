"""Small talk on eval/dev-smalltalk.jsonl, decided by the chat workflow's own Code node ("What is the plumber
asking for?" in n8n-workflows/workflows/chat-answer.json), run under Node as the tests do.

    .venv/bin/python -m bench.quality.small_talk_check [--file eval/dev-smalltalk-2.jsonl] [--wrong]

Prints, per kind, how many small-talk messages got a small-talk reply and how many look-alikes (kind
"question") were left to the knowledge base (or to the estimate / person jobs), and the evaluation's
eval/prompting.py small_talk_reply() agreement with the node. A file whose cases have `expect` ("small_talk",
"knowledge", "estimate" or "person", eval/DEV-SMALLTALK-2.md) is checked against it: the job the node chose.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from eval.prompting import small_talk_reply
from tests.workflows.test_answer_shape import CHAT, SETTINGS, run_nodes

ROOT = Path(__file__).resolve().parents[2]


def job(result: dict) -> str:
    """The job the node chose for the message."""
    if result["wants_estimate"]:
        return "estimate"
    if result["wants_person"]:
        return "person"
    return "small_talk" if result["small_talk_reply"] else "knowledge"


def expected(case: dict) -> str:
    return case.get("expect") or ("knowledge" if case["kind"] == "question" else "small_talk")


def main() -> int:
    path = Path(sys.argv[sys.argv.index("--file") + 1]) if "--file" in sys.argv else ROOT / "eval/dev-smalltalk.jsonl"
    lines = (path if path.is_absolute() else ROOT / path).read_text().splitlines()
    cases = [json.loads(line) for line in lines if line.strip()]
    words = {a["name"]: a["value"] for n in CHAT["nodes"] if n["name"] == "Estimate and person words"
             for a in n["parameters"]["assignments"]["assignments"]}
    results = run_nodes([{
        "node": "What is the plumber asking for?", "json": {"safety_message": "", "safety_rule": ""},
        "nodes": {"Estimate and person words": words, "Assistant settings": SETTINGS,
                  "Read message": {"text": case["question"], "metadata": {}}},
    } for case in cases])
    right, total, wrong, disagree = Counter(), Counter(), [], 0
    for case, result in zip(cases, results):
        # without `expect` (eval/dev-smalltalk.jsonl), a look-alike is right in any job but small talk
        ok = job(result) == expected(case) if case.get("expect") else \
            (job(result) == "small_talk") == (case["kind"] != "question")
        total[case["kind"]] += 1
        right[case["kind"]] += ok
        if not ok:
            wrong.append((case["kind"], case["question"], f"{job(result)}: {result['small_talk_reply'][:40]}"))
        # the node asks for an estimate or a person before small talk; the evaluation's function does not
        if not (result["wants_estimate"] or result["wants_person"]):
            disagree += (small_talk_reply(case["question"]) or "") != result["small_talk_reply"]
    for kind in sorted(total):
        print(f"{kind:14s} {right[kind]:3d}/{total[kind]:<3d}")
    talk = {c["kind"] for c in cases if expected(c) == "small_talk"}
    print(f"small talk answered: {sum(right[k] for k in talk)}/{sum(total[k] for k in talk)}; "
          f"look-alikes sent to their job: {sum(right[k] for k in total if k not in talk)}/"
          f"{sum(total[k] for k in total if k not in talk)}; evaluation disagrees with the node on {disagree}")
    if "--wrong" in sys.argv:
        for kind, text, reply in wrong:
            print(f"  WRONG {kind:14s} {text!r} -> {reply!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
