"""Issue 17: one signed "send to gateway" sub-workflow (send-to-gateway.json) is the only place that signs and
posts to the gateway's callback; each workflow that tells a plumber something calls it, and keeps its own way of
handling a failed send (retries, carrying on, noting it for the re-send workflow) on its own Send node."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devstack.n8n import CALLBACK_KEY_CREDENTIAL_ID, POSTGRES_CREDENTIAL_ID
from tests.workflows.workflow_json import FILES, load

SUB_FILE = "send-to-gateway.json"
SUB_ID = "RmdSendToGateway"
# The model request to the gateway's LLM relay is signed the same way, but it is not a callback.
OTHER_SIGNERS = {("chat-find-answer.json", "Sign model request")}
OTHER_SIGNED_REQUESTS = {("chat-find-answer.json", "Ask the AI model")}


def nodes_by_name(workflow: dict) -> dict[str, dict]:
    return {n["name"]: n for n in workflow["nodes"]}


def targets(workflow: dict, name: str, output: int = 0) -> list[str]:
    outputs = workflow["connections"].get(name, {}).get("main", [])
    return [t["node"] for t in outputs[output]] if len(outputs) > output else []


def test_the_sub_workflow_signs_and_posts_once_and_leaves_failures_to_its_caller() -> None:
    sub = load(SUB_FILE)
    assert sub["id"] == SUB_ID and sub["settings"]["executionOrder"] == "v1"
    assert sub["settings"]["callerPolicy"] == "workflowsFromSameOwner"
    assert sub["settings"]["saveDataSuccessExecution"] == "none"  # failed runs are kept (bench/staff/RESULTS.md)
    nodes = nodes_by_name(sub)
    chain = ["Message to send", "Load settings", "Stamp the message", "Sign the message", "Send to the gateway"]
    for source, target in zip(chain, chain[1:]):
        assert targets(sub, source) == [target]
    trigger = nodes["Message to send"]
    assert trigger["type"] == "n8n-nodes-base.executeWorkflowTrigger"
    assert [v["name"] for v in trigger["parameters"]["workflowInputs"]["values"]] == ["body", "timeout_seconds"]
    assert nodes["Load settings"]["credentials"]["postgres"]["id"] == POSTGRES_CREDENTIAL_ID
    sign = nodes["Sign the message"]
    assert sign["type"] == "n8n-nodes-base.crypto" and sign["credentials"]["crypto"]["id"] == CALLBACK_KEY_CREDENTIAL_ID
    assert (sign["parameters"]["action"], sign["parameters"]["type"], sign["parameters"]["encoding"]) == \
        ("hmac", "SHA256", "hex")
    assert sign["parameters"]["value"] == "={{ $json.timestamp + '.' + $json.body }}"  # docs/contracts.md §4
    send = nodes["Send to the gateway"]
    params = send["parameters"]
    assert send["type"] == "n8n-nodes-base.httpRequest" and params["method"] == "POST"
    assert "$('Load settings').first().json.gateway_callback_url" in params["url"]
    assert params["body"] == "={{ $json.body }}" and params["contentType"] == "raw"
    headers = {h["name"]: h["value"] for h in params["headerParameters"]["parameters"]}
    assert headers == {"X-Remedios-Timestamp": "={{ $json.timestamp }}",
                       "X-Remedios-Signature": "=sha256={{ $json.signature }}"}
    # One try; a send the gateway did not take stops the run with the error and the gateway's words, and the
    # caller's Send node decides (retries, carry on, note the reason).
    assert not any(key in send for key in ("retryOnFail", "continueOnFail"))
    assert send["onError"] == "continueErrorOutput" and targets(sub, "Send to the gateway") == []
    [stop] = targets(sub, "Send to the gateway", 1)
    assert nodes[stop]["type"] == "n8n-nodes-base.stopAndError"
    assert "e.description" in nodes[stop]["parameters"]["errorMessage"]


@pytest.mark.parametrize("path", [p for p in FILES if p.name != SUB_FILE], ids=lambda p: p.name)
def test_no_other_workflow_signs_or_posts_a_callback(path: Path) -> None:
    workflow = load(path)
    for node in workflow["nodes"]:
        params = json.dumps(node.get("parameters", {}))
        assert "gateway_callback_url" not in params and "/callbacks/n8n" not in params, node["name"]
        if node["type"] == "n8n-nodes-base.crypto":
            assert (path.name, node["name"]) in OTHER_SIGNERS, f"{node['name']}: sign through {SUB_FILE}"
        if node["type"] == "n8n-nodes-base.httpRequest":
            assert "X-Remedios-Signature" not in params or (path.name, node["name"]) in OTHER_SIGNED_REQUESTS, \
                f"{node['name']}: send through {SUB_FILE}"


# Each caller's Send node: (workflow, node, the Build node before it, mode, timeout, failure handling as before).
RETRY_5 = {"retryOnFail": True, "maxTries": 5, "waitBetweenTries": 3000}
CALLERS = [
    ("chat-send-reply.json", "Send reply to gateway", "Build reply for gateway", "once", "15", RETRY_5),
    ("estimate.json", "Send typing signal", "Build typing signal", "once", "5", {"onError": "continueRegularOutput"}),
    ("estimate.json", "Send reply to gateway", "Build reply for gateway", "once", "15", RETRY_5),
    ("estimate-page.json", "Send message to gateway", "Build message for gateway", "once", "15",
     {**RETRY_5, "onError": "continueRegularOutput"}),
    # one sub-workflow run per owed reply (a Loop Over Items node before the Send node, since "Run once for each
    # item" is deprecated): a reply the gateway refuses goes to "Note why it failed" alone
    ("reply-redrive.json", "Send reply to gateway", "Build reply for gateway", "once", "15",
     {"onError": "continueErrorOutput"}),
    # one run per message (a person's reply and the joined/left notices), in order
    ("staff-console.json", "Send to the plumber", "Messages for the gateway", "once", "15", RETRY_5),
]
# The callers that send several messages per execution: (workflow, its loop node, the nodes that end one turn).
LOOPS = {
    "reply-redrive.json": ("One reply at a time", ["Mark reply taken", "Note why it failed"]),
    "staff-console.json": ("One message at a time", ["Mark reply taken"]),
}
FAILURE_KEYS = ("retryOnFail", "maxTries", "waitBetweenTries", "onError", "continueOnFail")


@pytest.mark.parametrize("caller", CALLERS, ids=lambda c: f"{c[0]}:{c[1]}")
def test_each_caller_sends_through_the_sub_workflow_and_keeps_its_failure_handling(caller: tuple) -> None:
    name, send_name, build_name, mode, timeout, failure = caller
    workflow = load(name)
    nodes = nodes_by_name(workflow)
    send = nodes[send_name]
    assert send["type"] == "n8n-nodes-base.executeWorkflow" and send["typeVersion"] == 1.2
    params = send["parameters"]
    assert params["workflowId"]["value"] == SUB_ID
    assert params["mode"] == mode and params["options"]["waitForSubWorkflow"] is True
    # inside a loop, the body is read from the item the loop hands out (tests/workflows/test_workflow_files.py)
    source = LOOPS[name][0] if name in LOOPS else build_name
    assert params["workflowInputs"]["value"] == {"body": f"={{{{ $('{source}').item.json.body }}}}",
                                                 "timeout_seconds": timeout}
    assert {key: send[key] for key in FAILURE_KEYS if key in send} == failure
    if name in LOOPS:
        loop, turn_ends = LOOPS[name]
        assert targets(workflow, build_name) == [loop] and targets(workflow, loop, 1) == [send_name]
        assert_loops_one_at_a_time(workflow, loop, turn_ends)
    else:
        assert targets(workflow, build_name) == [send_name]
    build = nodes[build_name]["parameters"]["jsCode"]
    assert "JSON.stringify" in build and "signed_text" not in build
    if name == "reply-redrive.json":
        assert targets(workflow, send_name, 1) == ["Note why it failed"]


def assert_loops_one_at_a_time(workflow: dict, loop: str, turn_ends: list[str]) -> None:
    """A Loop Over Items node hands out one item per turn; every node that ends a turn leads back to it and always
    passes an item on (Always Output Data), or the items after an empty result (a typing signal has no reply to
    mark; a reply already taken) would never be sent."""
    node = nodes_by_name(workflow)[loop]
    assert node["type"] == "n8n-nodes-base.splitInBatches" and node["typeVersion"] == 3
    assert node["parameters"].get("batchSize", 1) == 1 and not node["parameters"]["options"].get("reset")
    assert targets(workflow, loop, 0) == [], "nothing waits for the end of the loop"
    for end in turn_ends:
        assert targets(workflow, end) == [loop], end
        assert nodes_by_name(workflow)[end].get("alwaysOutputData") is True, end
    back = sorted(source for source, outputs in workflow["connections"].items()
                  for branch in outputs.get("main", []) for target in branch if target["node"] == loop)
    assert len(back) == len(turn_ends) + 1, back  # the node before the loop, and the ends of a turn


def test_every_send_to_the_gateway_is_one_of_the_known_callers() -> None:
    calls = sorted((path.name, node["name"]) for path in FILES for node in load(path)["nodes"]
                   if node["type"] == "n8n-nodes-base.executeWorkflow"
                   and node["parameters"]["workflowId"]["value"] == SUB_ID)
    assert calls == sorted((c[0], c[1]) for c in CALLERS)
