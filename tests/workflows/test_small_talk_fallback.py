"""Small talk by structure, not by phrases (issue 13 item 4, eval/DEV-SMALLTALK-3.md): in "Chat: find the answer",
a message that found no article and names nothing of the trade ("Any plumbing words?" → kb_no_plumbing_words)
gets the friendly no_plumbing_text of "Assistant settings" instead of "No estoy seguro" — unless a safety rule
fired or the plumber was answering a question asked back. Everything else that finds nothing keeps the way to
"Ask for other words?" and "Not sure: offer a person" (a miss listed for staff). The If node's expressions and
the Code nodes run under Node, as the other tests here do."""

from __future__ import annotations

import json
import subprocess
from typing import Any

from tests.workflows.test_answer_shape import ANSWER, CHAT, HARNESS, SETTINGS, run_nodes
from tests.workflows.workflow_json import node_binary

NODES = {n["name"]: n for n in ANSWER["nodes"]}
CHECK, DECIDE, FRIENDLY = "Any plumbing words?", "No plumbing question?", "Friendly reply: no plumbing question"


def targets(name: str, output: int) -> list[str]:
    return [t["node"] for t in ANSWER["connections"][name]["main"][output]]


def test_nothing_found_asks_about_plumbing_words_before_other_words_or_not_sure() -> None:
    assert targets("Documentation found?", 1) == [CHECK]
    assert targets(CHECK, 0) == [DECIDE]
    assert targets(DECIDE, 0) == [FRIENDLY] and targets(DECIDE, 1) == ["Ask for other words?"]
    assert targets(FRIENDLY, 0) == ["Compose the reply"]
    assert targets("Ask for other words?", 1) == ["Not sure: offer a person"], "the miss path is unchanged"
    check = NODES[CHECK]
    assert check["type"] == "n8n-nodes-base.postgres" and "kb_no_plumbing_words($1, $2)" in check["parameters"]["query"]
    assert check["credentials"] == NODES["Find knowledge articles"]["credentials"]


def decide(no_plumbing: bool, safety_rule: str = "", pending: Any = None, describe: Any = None) -> bool:
    """The If node "No plumbing question?": all its conditions, evaluated as n8n would (JavaScript)."""
    expressions = [c["leftValue"].removeprefix("={{").removesuffix("}}").strip()
                   for c in NODES[DECIDE]["parameters"]["conditions"]["conditions"]]
    assert NODES[DECIDE]["parameters"]["conditions"]["combinator"] == "and"
    code = "return { json: { values: [" + ", ".join(f"({e})" for e in expressions) + "] } };"
    case = {"node": DECIDE, "code": code, "json": {"no_plumbing": no_plumbing},
            "nodes": {"Message to answer": {"asked": {"safety_rule": safety_rule}},
                      "Load recent history": {"earlier": "", "pending": pending},
                      "Find knowledge articles": {"found": False, "describe": describe}}}
    done = subprocess.run([node_binary(), "-e", HARNESS], input=json.dumps([case]), capture_output=True, text=True,
                          timeout=60, check=True)
    [result] = json.loads(done.stdout)
    assert "__error" not in result, result
    return all(v is True for v in result["values"])


def test_only_a_message_with_no_plumbing_words_no_danger_and_nothing_pending_gets_the_friendly_reply() -> None:
    assert decide(True)
    assert not decide(False)
    assert not decide(True, safety_rule="olor-a-gas"), "a safety rule (on these words or carried) is never swallowed"
    assert not decide(True, pending={"question": "gotea el grifo", "choices": [{"slug": "x"}]}), "a pick or 'ninguna'"
    assert not decide(True, pending={"question": "gotea el grifo", "rejected": [], "describe": True}), "'no sé'"
    assert not decide(True, describe={"question": "gotea el grifo", "rejected": []})


def test_the_friendly_reply_is_the_staff_setting_and_is_small_talk_not_a_miss() -> None:
    assert "fontanería" in SETTINGS["no_plumbing_text"] and "No estoy seguro" not in SETTINGS["no_plumbing_text"]
    [reply] = run_nodes([{"node": FRIENDLY, "json": {"no_plumbing": True},
                          "nodes": {"Message to answer": {"settings": SETTINGS}}}])
    assert reply["answer_text"] == SETTINGS["no_plumbing_text"]
    [composed] = run_nodes([{"node": "Compose the reply", "json": reply,
                             "nodes": {"Message to answer": {"asked": {"safety_message": "", "safety_rule": ""}}}}])
    assert composed["reply_text"] == SETTINGS["no_plumbing_text"]
    assert composed["metadata"] == {"grounded": False, "sources": [], "safety_rule": None, "small_talk": True,
                                    "no_plumbing": True}
    assert composed["handoff_summary"] == "", "staff are not told: it is not a question the assistant missed"


def test_the_notes_tell_staff_where_the_reply_and_the_limit_are() -> None:
    notes = " ".join(n["parameters"]["content"] for workflow in (CHAT, ANSWER) for n in workflow["nodes"]
                     if n["type"] == "n8n-nodes-base.stickyNote")
    for word in ("no_plumbing_text", "talk_max_words", "kb_no_plumbing_words", DECIDE, CHECK):
        assert word in notes
