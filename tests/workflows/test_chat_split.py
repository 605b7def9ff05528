"""Issue 17: *Chat: answer a plumber* split by job, each workflow readable on one screen by office staff.

The router (chat-answer.json) takes the message in, decides the job and hands off with Execute Workflow nodes to
exactly these workflows: the estimate (estimate.json, as before), *Chat: find the answer* (small talk, a person,
the knowledge base and the AI model) and *Chat: store and send the reply* (store, tell staff, send). The two chat
sub-workflows name no error workflow and the router's hand-offs never retry, so a failed answer is recorded
once, as the router's failure (n8n-workflows/README.md; tests/integration/test_send_to_gateway.py shows it)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.workflows.workflow_json import FILES, load, node_binary

ROUTER = "chat-answer.json"
JOBS = {"chat-find-answer.json": "RmdChatKnowledge", "chat-send-reply.json": "RmdChatSendReply"}
# hand-off node in the router → (workflow id, the inputs it gives)
HAND_OFFS = {
    "Make the estimate": ("RmdEstimateDraft", {"conversation_id", "channel", "message_id", "text", "safety_message"}),
    "Find the answer": ("RmdChatKnowledge", {"message", "asked", "settings"}),
    "Store and send the reply": ("RmdChatSendReply", {"message", "reply"}),
}
CHAT_FILES = [ROUTER, *JOBS]
MAX_NODES = 20  # working nodes (sticky notes not counted): one screen in the n8n editor
REFERENCE = re.compile(r"\$\('([^']+)'\)")


def working(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in workflow["nodes"] if n["type"] != "n8n-nodes-base.stickyNote"]


def targets(workflow: dict[str, Any], name: str, output: int = 0) -> list[str]:
    outputs = workflow["connections"].get(name, {}).get("main", [])
    return [t["node"] for t in outputs[output]] if len(outputs) > output else []


@pytest.mark.parametrize("name", CHAT_FILES)
def test_each_chat_workflow_fits_on_one_screen_and_explains_itself(name: str) -> None:
    workflow = load(name)
    nodes = working(workflow)
    assert len(nodes) <= MAX_NODES, f"{name}: {len(nodes)} nodes"
    assert re.fullmatch(r"[A-Za-z0-9]{16}", workflow["id"]) and workflow["settings"]["executionOrder"] == "v1"
    notes = [n for n in workflow["nodes"] if n["type"] == "n8n-nodes-base.stickyNote"]
    assert len(notes) >= 2, "a note for the whole workflow and one per step"
    assert workflow["name"] in notes[0]["parameters"]["content"] or any(
        workflow["name"] in n["parameters"]["content"] for n in notes), "the overview note names the workflow"
    # every working node is named in a note, or sits in a step a note names
    text = " ".join(n["parameters"]["content"] for n in notes)
    explained = [n["name"] for n in nodes if n["name"] in text]
    assert len(explained) >= len(nodes) * 0.6, f"{name}: notes name only {explained}"


def test_the_router_hands_off_to_exactly_these_workflows() -> None:
    router = load(ROUTER)
    calls = {n["name"]: n for n in working(router) if n["type"] == "n8n-nodes-base.executeWorkflow"}
    assert set(calls) == set(HAND_OFFS)
    for name, (workflow_id, inputs) in HAND_OFFS.items():
        params = calls[name]["parameters"]
        assert params["workflowId"]["value"] == workflow_id and params["mode"] == "once"
        assert params["options"]["waitForSubWorkflow"] is True
        assert set(params["workflowInputs"]["value"]) == inputs
        # never retried (a retry would store and answer again) and never swallowed (the failure is recorded)
        assert not calls[name].get("retryOnFail")
    assert calls["Make the estimate"]["onError"] == "continueErrorOutput"  # the apology, as before
    assert "onError" not in calls["Find the answer"] and "onError" not in calls["Store and send the reply"]
    # the decision: an estimate, or the answer; then every reply goes through "Store and send the reply"
    assert targets(router, "Asks for an estimate?", 0) == ["Make the estimate"]
    assert targets(router, "Asks for an estimate?", 1) == ["Find the answer"]
    assert targets(router, "Make the estimate", 0) == []  # the estimate workflow answers the plumber itself
    assert targets(router, "Make the estimate", 1) == ["Estimate workflow failed"]
    assert targets(router, "Find the answer") == ["Store and send the reply"]
    assert targets(router, "Estimate workflow failed") == ["Store and send the reply"]
    # the plumber's message is stored and confirmed before any job runs
    assert targets(router, "Store plumber message") == ["Confirm receipt"]


@pytest.mark.parametrize("name", list(JOBS))
def test_each_job_takes_exactly_what_the_router_gives_and_only_the_router_calls_it(name: str) -> None:
    job = load(name)
    assert job["id"] == JOBS[name]
    assert "errorWorkflow" not in job["settings"], "the router records the failure, once"
    assert job["settings"]["callerPolicy"] == "workflowsFromSameOwner"
    # the router's execution shows what went in and came back; saving each successful sub-run cost +110-170 ms
    # per small-talk reply (bench/n8n/RESULTS.md); failed ones are kept
    assert job["settings"]["saveDataSuccessExecution"] == "none"
    assert job["settings"].get("saveDataErrorExecution", "all") == "all"
    [trigger] = [n for n in job["nodes"] if n["type"] == "n8n-nodes-base.executeWorkflowTrigger"]
    declared = {v["name"]: v["type"] for v in trigger["parameters"]["workflowInputs"]["values"]}
    [(hand_off, (_, given))] = [(k, v) for k, v in HAND_OFFS.items() if v[0] == job["id"]]
    assert set(declared) == given and set(declared.values()) == {"object"}
    schema = next(n for n in load(ROUTER)["nodes"] if n["name"] == hand_off)["parameters"]["workflowInputs"]["schema"]
    assert {s["id"]: s["type"] for s in schema} == declared
    callers = sorted((path.name, n["name"]) for path in FILES for n in load(path)["nodes"]
                     if n["type"] == "n8n-nodes-base.executeWorkflow"
                     and n["parameters"]["workflowId"]["value"] == job["id"])
    assert callers == [(ROUTER, hand_off)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_node_an_expression_reads_is_in_the_same_workflow(path: Path) -> None:
    """After the split a sub-workflow cannot read the router's nodes: $('Read message') there would fail."""
    workflow = load(path)
    names = {n["name"] for n in workflow["nodes"]}
    for node in working(workflow):
        for read in REFERENCE.findall(json.dumps(node["parameters"], ensure_ascii=False)):
            assert read in names, f"{path.name}, {node['name']}: reads {read!r}, not in this workflow"


def test_only_the_answer_job_asks_the_model_and_only_the_reply_job_sends() -> None:
    kinds = {name: {n["type"] for n in working(load(name))} for name in CHAT_FILES}
    assert "n8n-nodes-base.httpRequest" in kinds["chat-find-answer.json"]
    assert "n8n-nodes-base.httpRequest" not in kinds[ROUTER] | kinds["chat-send-reply.json"]
    senders = {name for name in CHAT_FILES for n in working(load(name)) if n["type"] == "n8n-nodes-base.executeWorkflow"
               and n["parameters"]["workflowId"]["value"] == "RmdSendToGateway"}
    assert senders == {"chat-send-reply.json"}
    reply = load("chat-send-reply.json")
    send = next(n for n in reply["nodes"] if n["name"] == "Send reply to gateway")
    assert (send["retryOnFail"], send["maxTries"], send["waitBetweenTries"]) == (True, 5, 3000)
    # staff are told before the reply is sent (v1 runs the upper branch first), as before the split
    assert targets(reply, "Stored just now?") == ["Hand over to a person?", "Agent may still send?"]
    by_name = {n["name"]: n for n in reply["nodes"]}
    assert by_name["Hand over to a person?"]["position"][1] < by_name["Agent may still send?"]["position"][1]


HARNESS = r"""
const [code, json, nodes] = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const $ = (name) => ({ isExecuted: name in nodes, first: () => ({ json: nodes[name] }), get item() { return { json: nodes[name] }; } });
process.stdout.write(JSON.stringify(new Function('$', '$json', code)($, json).json));
"""


def run_code(workflow: str, node: str, item: dict[str, Any], nodes: dict[str, Any]) -> dict[str, Any]:
    code = next(n for n in load(workflow)["nodes"] if n["name"] == node)["parameters"]["jsCode"]
    done = subprocess.run([node_binary(), "-e", HARNESS], input=json.dumps([code, item, nodes]), capture_output=True,
                          text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_every_reply_a_job_gives_back_has_what_store_and_send_reads() -> None:
    """Both producers of "reply" (Compose the reply, Estimate workflow failed) give every field Store answer reads."""
    store = next(n for n in load("chat-send-reply.json")["nodes"] if n["name"] == "Store answer")
    read = set(re.findall(r"\$json\.reply\.([a-z_]+)", store["parameters"]["options"]["queryReplacement"]))
    assert read == {"reply_text", "status", "error", "metadata", "handoff_summary"}
    message = {"conversation_id": "web:c", "channel": "web", "message_id": "m1", "text": "¿Cuánto cuesta?"}
    failed = run_code(ROUTER, "Estimate workflow failed", {"error": {"message": "boom"}}, {
        "Read message": message, "Assistant settings": {"apology_text": "Lo siento."}})
    composed = run_code("chat-find-answer.json", "Compose the reply",
                        {"answer_text": "Hola.", "grounded": False, "status": "ok", "error": None},
                        {"Message to answer": {"asked": {"safety_message": ""}}})
    for reply in (failed, composed):
        assert read <= set(reply), reply
    assert failed["status"] == "llm_error" and "boom" in failed["error"] and failed["handoff_summary"]
    assert composed["reply_text"] == "Hola." and composed["handoff_summary"] == ""
