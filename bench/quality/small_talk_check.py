"""Small talk on eval/dev-smalltalk.jsonl, decided by the chat workflow's own Code node ("What is the plumber
asking for?" in n8n-workflows/workflows/chat-answer.json), run under Node as the tests do.

    .venv/bin/python -m bench.quality.small_talk_check [--wrong]

Prints, per kind, how many small-talk messages got a small-talk reply and how many look-alikes (kind
"question") were left to the knowledge base (or to the estimate / person jobs), and the evaluation's
eval/prompting.py small_talk_reply() agreement with the node.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from eval.prompting import small_talk_reply
from tests.workflows.test_answer_shape import CHAT, SETTINGS, run_nodes

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    lines = (ROOT / "eval/dev-smalltalk.jsonl").read_text().splitlines()
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
        is_small = bool(result["small_talk_reply"])
        ok = is_small == (case["kind"] != "question")
        total[case["kind"]] += 1
        right[case["kind"]] += ok
        if not ok:
            wrong.append((case["kind"], case["question"], result["small_talk_reply"][:40]))
        # the node asks for an estimate or a person before small talk; the evaluation's function does not
        if not (result["wants_estimate"] or result["wants_person"]):
            disagree += (small_talk_reply(case["question"]) or "") != result["small_talk_reply"]
    for kind in sorted(total):
        print(f"{kind:14s} {right[kind]:3d}/{total[kind]:<3d}")
    small = sum(total[k] for k in total if k != "question")
    print(f"small talk answered: {sum(right[k] for k in total if k != 'question')}/{small}; "
          f"look-alikes left as questions: {right['question']}/{total['question']}; "
          f"evaluation disagrees with the node on {disagree}")
    if "--wrong" in sys.argv:
        for kind, text, reply in wrong:
            print(f"  WRONG {kind:14s} {text!r} -> {reply!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
