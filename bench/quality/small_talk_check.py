"""Small talk on eval/dev-smalltalk.jsonl, decided by the chat workflow's own Code node ("What is the plumber
asking for?" in n8n-workflows/workflows/chat-answer.json), run under Node as the tests do.

    .venv/bin/python -m bench.quality.small_talk_check [--file eval/dev-smalltalk-2.jsonl] [--wrong] [--fallback]

Prints, per kind, how many small-talk messages got a small-talk reply and how many look-alikes (kind
"question") were left to the knowledge base (or to the estimate / person jobs), and the evaluation's
eval/prompting.py small_talk_reply() agreement with the node. A file whose cases have `expect` ("small_talk",
"knowledge", "estimate" or "person", eval/DEV-SMALLTALK-2.md; "off_topic", eval/DEV-SMALLTALK-3.md) is checked
against it: the job the node chose.

--fallback: a message the node leaves to the knowledge base is also put to a private Postgres built from the
checkout's SQL files (devstack.postgres.SCHEMA_FILES), as the workflow chat-find-answer.json does for a first
message: safety_check_conversation, kb_answer, and, when nothing was found and nothing is asked back,
kb_no_plumbing_words; the job is then "fallback" (the friendly no_plumbing_text, node "Ask for other words?" →
"Ask to describe the job") if the workflow's "Find knowledge articles" asks kb_no_plumbing_words and the message
names nothing of the trade. Small talk is right as "small_talk" or
"fallback"; "off_topic" is right only as "fallback" (the reply that says it only helps with plumbing); a real
question is right only in its own job. On a checkout without it (main before stop 28) --fallback changes
nothing, so the same command measures before and after.
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


ACCEPTED = {"small_talk": {"small_talk", "fallback"}, "off_topic": {"fallback"}}

FALLBACK_QUERY = "kb_no_plumbing_words("  # in the query of "Find knowledge articles" (chat-find-answer.json)


def fallback_jobs(texts: list[str]) -> list[bool]:
    """For each message the node left to the knowledge base: does chat-find-answer.json give it the friendly
    no-plumbing reply? (a first message of a conversation: no earlier messages, nothing pending)"""
    answer = json.loads((ROOT / "n8n-workflows/workflows/chat-find-answer.json").read_text())
    if not any(n["name"] == "Find knowledge articles" and FALLBACK_QUERY in n["parameters"]["query"]
               for n in answer["nodes"]):
        return [False] * len(texts)
    import psycopg

    from bench.eval_services import private_database_from
    from devstack.postgres import SCHEMA_FILES

    out = []
    with private_database_from(tuple(SCHEMA_FILES)) as url, psycopg.connect(url, autocommit=True) as conn:
        for text in texts:
            (rule,) = conn.execute("SELECT coalesce(max(rule), '') FROM safety_check_conversation(%s, %s)",
                                   (text, "small-talk-check")).fetchone()
            found, choices, describe = conn.execute(
                "SELECT found, jsonb_array_length(choices), describe IS NOT NULL FROM kb_answer(%s, '', NULL)",
                (text,)).fetchone()
            talk = not found and not choices and not describe and not rule and conn.execute(
                "SELECT kb_no_plumbing_words(%s, '')", (text,)).fetchone()[0]
            out.append(bool(talk))
    return out


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
    jobs = [job(result) for result in results]
    if "--fallback" in sys.argv:
        to_knowledge = [i for i, j in enumerate(jobs) if j == "knowledge"]
        for i, talk in zip(to_knowledge, fallback_jobs([cases[i]["question"] for i in to_knowledge])):
            jobs[i] = "fallback" if talk else jobs[i]
    right, total, wrong, disagree = Counter(), Counter(), [], 0
    for case, result, chosen in zip(cases, results, jobs):
        # without `expect` (eval/dev-smalltalk.jsonl), a look-alike is right in any job but small talk
        ok = chosen in ACCEPTED.get(expected(case), {expected(case)}) if case.get("expect") else \
            (chosen in ACCEPTED["small_talk"]) == (case["kind"] != "question")
        total[case["kind"]] += 1
        right[case["kind"]] += ok
        if not ok:
            wrong.append((case["kind"], case["question"], f"{chosen}: {result['small_talk_reply'][:40]}"))
        # the node asks for an estimate or a person before small talk; the evaluation's function does not
        if not (result["wants_estimate"] or result["wants_person"]):
            disagree += (small_talk_reply(case["question"]) or "") != result["small_talk_reply"]
    for kind in sorted(total):
        print(f"{kind:14s} {right[kind]:3d}/{total[kind]:<3d}")
    talk = {c["kind"] for c in cases if expected(c) in ACCEPTED}
    print(f"small talk answered: {sum(right[k] for k in talk)}/{sum(total[k] for k in talk)}; "
          f"look-alikes sent to their job: {sum(right[k] for k in total if k not in talk)}/"
          f"{sum(total[k] for k in total if k not in talk)}; evaluation disagrees with the node on {disagree}")
    if "--wrong" in sys.argv:
        for kind, text, reply in wrong:
            print(f"  WRONG {kind:14s} {text!r} -> {reply!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
