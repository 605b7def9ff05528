"""Small talk by structure, not by phrases (issue 13 item 4, eval/DEV-SMALLTALK-3.md): in "Chat: find the answer",
a message that found no article and names nothing of the trade ("Find knowledge articles" → no_plumbing,
kb_no_plumbing_words) gets the friendly no_plumbing_text of "Assistant settings" from "Ask to describe the job"
instead of "No estoy seguro" — unless a safety rule fired or the plumber was answering a question asked back.
Everything else that finds nothing keeps its way to "Ask for other words?" and "Not sure: offer a person" (a miss
listed for staff). The If node's expressions and the Code nodes run under Node, as the other tests here do."""

from __future__ import annotations

import json
import subprocess
from typing import Any

from tests.workflows.test_answer_shape import ANSWER, CHAT, HARNESS, SETTINGS, run_nodes
from tests.workflows.workflow_json import node_binary

NODES = {n["name"]: n for n in ANSWER["nodes"]}
FIND, DECIDE, REPLY = "Find knowledge articles", "Ask for other words?", "Ask to describe the job"


def targets(name: str, output: int) -> list[str]:
    return [t["node"] for t in ANSWER["connections"][name]["main"][output]]


def test_nothing_found_is_checked_for_plumbing_words_before_not_sure() -> None:
    query = NODES[FIND]["parameters"]["query"]
    assert "kb_no_plumbing_words($1, $2)" in query and "AS no_plumbing" in query
    # $1 the message, $2 the earlier messages (a follow-up with a trade word is a question)
    replacement = NODES[FIND]["parameters"]["options"]["queryReplacement"]
    assert replacement.startswith("={{ [ $('Message to answer').first().json.message.text, $json.earlier || ''")
    assert targets("Documentation found?", 1) == [DECIDE]
    assert targets(DECIDE, 0) == [REPLY] and targets(DECIDE, 1) == ["Not sure: offer a person"]
    assert targets(REPLY, 0) == ["Compose the reply"]


def decide(no_plumbing: bool, safety_rule: str = "", pending: Any = None, describe: Any = None) -> bool:
    """The If node "Ask for other words?": its conditions evaluated as n8n would (JavaScript), then its combinator."""
    conditions = NODES[DECIDE]["parameters"]["conditions"]
    expressions = [c["leftValue"].removeprefix("={{").removesuffix("}}").strip() for c in conditions["conditions"]]
    code = "return { json: { values: [" + ", ".join(f"({e})" for e in expressions) + "] } };"
    kb = {"found": False, "describe": describe, "no_plumbing": no_plumbing}
    case = {"node": DECIDE, "code": code, "json": kb,
            "nodes": {"Message to answer": {"asked": {"safety_rule": safety_rule}},
                      "Load recent history": {"earlier": "", "pending": pending},
                      FIND: kb}}
    done = subprocess.run([node_binary(), "-e", HARNESS], input=json.dumps([case]), capture_output=True, text=True,
                          timeout=60, check=True)
    [result] = json.loads(done.stdout)
    assert "__error" not in result, result
    values = [v is True for v in result["values"]]
    return any(values) if conditions["combinator"] == "or" else all(values)


def reply(no_plumbing: bool, describe: Any = None) -> dict[str, Any]:
    [out] = run_nodes([{"node": REPLY, "json": {},
                        "nodes": {"Message to answer": {"settings": SETTINGS},
                                  FIND: {"found": False, "describe": describe, "no_plumbing": no_plumbing}}}])
    return out


def test_only_a_message_with_no_plumbing_words_no_danger_and_nothing_pending_gets_the_friendly_reply() -> None:
    assert decide(True) and reply(True)["answer_text"] == SETTINGS["no_plumbing_text"]
    assert not decide(False), "no describe state and words of the trade: not sure"
    assert not decide(True, safety_rule="olor-a-gas"), "a safety rule (on these words or carried) is never swallowed"
    assert not decide(True, pending={"question": "gotea el grifo", "choices": [{"slug": "x"}]}), "a pick or 'ninguna'"
    assert not decide(True, pending={"question": "gotea el grifo", "rejected": [], "describe": True}), "'no sé'"
    # words of the trade that find nothing: asked for other words, as before (a miss listed for staff)
    described = {"question": "la bomba hace espuma", "rejected": []}
    assert decide(False, describe=described)
    asked = reply(False, describe=described)
    assert asked["answer_text"] == SETTINGS["ask_describe_unfound_text"] and asked["describe"] == described
    assert "small_talk" not in asked and "no_plumbing" not in asked


def test_the_friendly_reply_is_the_staff_setting_and_is_small_talk_not_a_miss() -> None:
    assert "fontanería" in SETTINGS["no_plumbing_text"] and "No estoy seguro" not in SETTINGS["no_plumbing_text"]
    friendly = reply(True)
    assert "describe" not in friendly, "no describe state: the next message is a new one"
    [composed] = run_nodes([{"node": "Compose the reply", "json": friendly,
                             "nodes": {"Message to answer": {"asked": {"safety_message": "", "safety_rule": ""}}}}])
    assert composed["reply_text"] == SETTINGS["no_plumbing_text"]
    assert composed["metadata"] == {"grounded": False, "sources": [], "safety_rule": None, "small_talk": True,
                                    "no_plumbing": True}
    assert composed["handoff_summary"] == "", "staff are not told: it is not a question the assistant missed"


def test_the_notes_tell_staff_where_the_reply_and_the_limit_are() -> None:
    notes = " ".join(n["parameters"]["content"] for workflow in (CHAT, ANSWER) for n in workflow["nodes"]
                     if n["type"] == "n8n-nodes-base.stickyNote")
    for word in ("no_plumbing_text", "talk_max_words", "kb_no_plumbing_words", DECIDE, REPLY):
        assert word in notes
