"""What the chat decides for each message sent as the first of a conversation: the small-talk reply, an answer
from an article, a question asked back, or "not sure" (eval/DEV-SMALLTALK-4.md).

    .venv/bin/python -m bench.quality.talk_decision eval/dev-smalltalk-4.jsonl eval/dev-smalltalk-3.jsonl ...
    .venv/bin/python -m bench.quality.talk_decision --wrong eval/dev-smalltalk-4.jsonl
    .venv/bin/python -m bench.quality.talk_decision --talk eval/dev-facts-2.jsonl eval/dev-regional-4.jsonl

The chain is the workflows' own: "What is the plumber asking for?" (chat-answer.json, its JavaScript run under
Node as the tests do, with the checkout's "Assistant settings" and "Estimate and person words"), then, for a
message it leaves to the knowledge base, the SQL of "Find knowledge articles" (chat-find-answer.json, read from
the checkout and run as it is) on a private Postgres built from the checkout's SQL files, with the safety rule of
safety_check_conversation. Outcomes:

  talk      the phrase list's small-talk reply, or the friendly reply of "Ask to describe the job"
            (no_plumbing true, no safety rule)
  answer    an article was found (the model would answer from it)
  asked     a question asked back: several cases (choices) or "say it in other words" (describe)
  not_sure  nothing found: "No estoy seguro…"
  estimate / person   the router's other jobs

A file's `expect` is compared when it has one: "talk" / "small_talk" / "off_topic" are right as talk;
"question" / "knowledge" are right as anything but talk (answer, asked, not sure, or the router's estimate or
person job: a real question must not be taken for small talk); "estimate" / "person" as themselves. Without `expect` every message counts
as a question (eval/dev-smalltalk.jsonl: kind "question" is a question, every other kind talk). "listed for
staff" counts the small-talk replies kb_open_misses would list (stop 29: words besides the greeting that read as
a question, kb_talk_reads_as_question; "talk*" in the lists); none on a checkout without it. --talk lists the messages that got the small-talk reply; --wrong lists the wrong ones.
The same command on another checkout measures it (run it from that checkout's root).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support.node_js import run_in_batches  # noqa: E402
from tests.workflows.test_answer_shape import CHAT, CODE, HARNESS, SETTINGS  # noqa: E402

ANSWER = json.loads((ROOT / "n8n-workflows/workflows/chat-find-answer.json").read_text())
FIND = next(n for n in ANSWER["nodes"] if n["name"] == "Find knowledge articles")["parameters"]["query"]
# the node's $1..$n as named parameters (the n8n queryReplacement of "Find knowledge articles")
FIND_QUERY = re.sub(r"\$(\d+)", r"%(p\1)s", FIND)


def safety_rules(conn, texts: list[str], conversation: str) -> list[tuple[str, str]]:
    """(rule, message) of safety_check_conversation for each text as the first message of its own conversation
    ("Check safety rules"); ('', '') when none fires."""
    return [conn.execute("SELECT coalesce(max(rule), ''), coalesce(max(message), '') "
                         "FROM safety_check_conversation(%s, %s) WHERE triggered", (t, f"{conversation}-{i}")).fetchone()
            for i, t in enumerate(texts)]
TALK = {"talk", "small_talk", "off_topic"}


def expect_of(case: dict) -> str:
    # eval/dev-smalltalk.jsonl has no `expect`: its kind "question" marks the look-alikes, every other kind is talk
    e = case.get("expect") or ("question" if case.get("kind", "question") == "question" or "smalltalk" not in
                                case.get("id", "") + case.get("_file", "") else "talk")
    return {"small_talk": "talk", "off_topic": "talk", "knowledge": "question",
            "plumbing": "question"}.get(e, e)


def right(expected: str, outcome: str) -> bool:
    if expected == "talk":
        return outcome == "talk"
    if expected == "question":   # a real question must not get the small-talk reply (estimate, person: their jobs)
        return outcome != "talk"
    return outcome == expected


ROUTER = "What is the plumber asking for?"


def router(texts: list[str], safety: list[tuple[str, str]]) -> list[dict]:
    words = {a["name"]: a["value"] for n in CHAT["nodes"] if n["name"] == "Estimate and person words"
             for a in n["parameters"]["assignments"]["assignments"]}
    # tests/workflows/test_answer_shape.py's harness (run_nodes), in batches of 200 without Maglev
    # (tests/support/node_js.py: one Node process over ~1,000 messages died with SIGSEGV under load, stops 32 and 36)
    results = run_in_batches(HARNESS, [{
        "node": ROUTER, "code": CODE[ROUTER],
        "json": {"safety_message": message, "safety_rule": rule, "safety_carried": False},
        "nodes": {"Estimate and person words": words, "Assistant settings": SETTINGS,
                  "Read message": {"text": text, "metadata": {}}},
    } for text, (rule, message) in zip(texts, safety)])
    for result in results:
        assert "__error" not in result, (ROUTER, result)
    return results


def outcomes(texts: list[str]) -> list[str]:
    import psycopg

    from bench.eval_services import private_database_from
    from devstack.postgres import SCHEMA_FILES

    query = FIND_QUERY
    out = []
    with private_database_from(tuple(SCHEMA_FILES)) as url, psycopg.connect(url, autocommit=True) as conn:
        safety = safety_rules(conn, texts, "talk")
        lists = conn.execute("SELECT to_regproc('kb_talk_reads_as_question') IS NOT NULL").fetchone()[0]

        def listed(words: str, asks: bool) -> str:
            """A friendly reply staff see in kb_open_misses (feedback.sql, stop 29): its words read as a question."""
            return "talk*" if lists and words and conn.execute(
                "SELECT kb_talk_reads_as_question(%s, %s)", (words, asks)).fetchone()[0] else "talk"

        for i, (text, asked) in enumerate(zip(texts, router(texts, safety))):
            opening = asked.get("talk_opening") or {}
            # "¿cuánto cobras?" with no job is asked which job (stop 34): the estimate side's, not small talk
            if asked["wants_estimate"] or asked.get("estimate_job_missing"):
                out.append("estimate")
                continue
            if asked["small_talk_reply"]:
                out.append(listed(opening.get("words", opening.get("rest", "")), opening.get("asks") is True))
                continue
            params = {"p1": text, "p2": "", "p3": asked.get("safety_message", ""), "p4": asked.get("safety_rule", ""),
                      "p5": "", "p6": "null", "p7": f"talk-{i}"}
            # parameters of later versions of the node, from the router's decision (missing ones: none)
            for n in range(8, 12):
                params[f"p{n}"] = json.dumps(asked.get("talk_opening")) if n == 8 else ""
            cur = conn.execute(query, params)
            kb = dict(zip([d.name for d in cur.description], cur.fetchone()))
            if asked["wants_person"]:
                out.append("person")
            elif kb["choices"] and len(kb["choices"]) > 0:
                out.append("asked")
            elif kb["found"]:
                out.append("answer")
            elif kb.get("describe") or (kb.get("no_plumbing") is True and not asked.get("safety_rule")):
                out.append(listed(opening.get("words", opening.get("rest", "")) if opening else text,
                                  opening.get("asks") is True)
                           if kb.get("no_plumbing") is True and not kb.get("describe") else "asked")
            else:
                out.append("not_sure")
    return out


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    every_case, every_text = [], []
    for name in args:
        path = Path(name) if Path(name).is_absolute() else ROOT / name
        cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        cases = [{**c, "_file": path.name} for c in cases if isinstance(c, dict) and c.get("question")]
        every_case += [(path.name, c) for c in cases]
        every_text += [c["question"] for c in cases]
    got = outcomes(every_text)
    shown = got
    got = [o.rstrip("*") for o in got]
    for name in dict.fromkeys(n for n, _ in every_case):
        rows = [(c, o) for (n, c), o in zip(every_case, got) if n == name]
        print(f"== {name}: {len(rows)} messages")
        for expected in sorted({expect_of(c) for c, _ in rows}):
            mine = [o for c, o in rows if expect_of(c) == expected]
            counts = Counter(mine)
            staff = sum(o == "talk*" for (n, c), o in zip(every_case, shown) if n == name and expect_of(c) == expected)
            ok = sum(right(expected, o) for o in mine)
            print(f"   expect {expected:9s} right {ok:3d}/{len(mine):<3d}  " +
                  "  ".join(f"{k} {counts[k]}" + (f" (listed for staff {staff})" if k == "talk" and staff else "")
                            for k in ("talk", "answer", "asked", "not_sure", "estimate", "person") if counts[k]))
        for (c, o), mark in zip(rows, [o for (n, _), o in zip(every_case, shown) if n == name]):
            o = mark if mark == "talk*" else o
            if ("--wrong" in sys.argv and not right(expect_of(c), o.rstrip("*"))) or \
                    ("--talk" in sys.argv and o.startswith("talk")):
                print(f"     {c['id']:>12s} expect {expect_of(c):9s} got {o:9s} {c['question']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
