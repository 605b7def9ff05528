"""What "Remedios · Errors: record a failed execution" (errors-record.json) makes of what n8n hands it. The data
below has the shape n8n 2.41.1 builds (execute-error-workflow.js: execution.error is the run's error; a step that
calls a sub-workflow fails with the sub-workflow's error, to which n8n adds the sub-workflow's id and execution
id, keeping the inner step when it is one level down). Through the real stack: tests/integration/test_send_to_gateway.py."""

from __future__ import annotations

from typing import Any

from tests.support.node_js import run_each_item
from tests.workflows.workflow_json import load

WORKFLOW = load("errors-record.json")
READ_THE_FAILURE = next(n for n in WORKFLOW["nodes"] if n["name"] == "Read the failure")["parameters"]["jsCode"]
BASE = "http://127.0.0.1:5678"


def failed(last_node: str, error: dict[str, Any], workflow_id: str = "RmdChatAnswer001") -> dict[str, Any]:
    return {
        "execution": {"id": "812", "url": f"{BASE}/workflow/{workflow_id}/executions/812", "mode": "webhook",
                      "lastNodeExecuted": last_node, "error": error},
        "workflow": {"id": workflow_id, "name": "Remedios · Chat: answer a plumber"},
    }


def test_a_failure_inside_a_sub_workflow_names_both_steps_and_links_the_inner_execution() -> None:
    [row] = run_each_item(READ_THE_FAILURE, [failed("Find the answer", {
        "message": 'function kb_answer(unknown, unknown, unknown) does not exist',
        "node": {"name": "Find knowledge articles", "type": "n8n-nodes-base.postgres"},
        "workflowId": "RmdChatKnowledge", "executionId": "813", "stack": "NodeOperationError: function …",
    })])
    assert row["failed_node"] == "Find the answer → Find knowledge articles"
    assert row["workflow_id"] == "RmdChatAnswer001" and row["execution_id"] == "812"
    assert row["execution_url"] == f"{BASE}/workflow/RmdChatAnswer001/executions/812"
    assert row["error_message"].startswith("function kb_answer")
    first_line = row["error_detail"].splitlines()[0]
    assert first_line == ("Falló dentro del subflujo RmdChatKnowledge, en el paso «Find knowledge articles», "
                          f"ejecución 813: {BASE}/workflow/RmdChatKnowledge/executions/813.")


def test_two_levels_down_the_inner_execution_is_still_linked() -> None:
    """Two levels down n8n no longer finds the innermost step in the middle workflow, so it sends none: the row
    keeps the router's step and links the middle workflow's failed execution, which links the next."""
    [row] = run_each_item(READ_THE_FAILURE, [failed("Store and send the reply", {
        "message": "The service refused the connection - perhaps it is offline",
        "workflowId": "RmdChatSendReply", "executionId": "901",
    })])
    assert row["failed_node"] == "Store and send the reply"
    assert row["error_detail"].splitlines()[0] == (
        f"Falló dentro del subflujo RmdChatSendReply, ejecución 901: {BASE}/workflow/RmdChatSendReply/executions/901.")


def test_a_failure_of_the_workflow_s_own_step_is_recorded_as_before() -> None:
    [own, own_with_id, trigger] = run_each_item(READ_THE_FAILURE, [
        failed("Load the message", {"message": "connection refused", "node": {"name": "Load the message"},
                                    "description": "Postgres is down"}),
        # n8n may put the failed workflow's own id on an error: that is not "inside a sub-workflow"
        failed("Load the message", {"message": "boom", "workflowId": "RmdChatAnswer001", "executionId": "812"}),
        {"trigger": {"error": {"message": "schedule could not start"}, "mode": "trigger"},
         "workflow": {"id": "RmdReplyRedrive1", "name": "Remedios · Replies: re-send to the gateway"}},
    ])
    assert own["failed_node"] == "Load the message" and own["error_detail"] == "Postgres is down"
    assert own_with_id["failed_node"] == "Load the message" and "subflujo" not in own_with_id["error_detail"]
    assert trigger["mode"] == "trigger" and trigger["execution_id"] == "" and trigger["failed_node"] == ""
    assert trigger["error_message"] == "schedule could not start"
