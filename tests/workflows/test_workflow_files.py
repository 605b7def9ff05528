"""The workflow JSON in n8n-workflows/ stays importable and editable by business staff."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from devstack.n8n import (
    CALLBACK_KEY_CREDENTIAL_ID, LLM_KEY_CREDENTIAL_ID, POSTGRES_CREDENTIAL_ID, SMTP_CREDENTIAL_ID,
    STAFF_FORM_CREDENTIAL_ID, WEBHOOK_TOKEN_CREDENTIAL_ID, WORKFLOWS_DIR,
)
from tests.workflows.workflow_json import FILES, load

KNOWN_CREDENTIALS = {POSTGRES_CREDENTIAL_ID, WEBHOOK_TOKEN_CREDENTIAL_ID, CALLBACK_KEY_CREDENTIAL_ID, SMTP_CREDENTIAL_ID,
                     STAFF_FORM_CREDENTIAL_ID, LLM_KEY_CREDENTIAL_ID}
# typeVersions that n8n 2.41.1 ships (measured), for the node types the workflows use.
SUPPORTED_VERSIONS = {
    "n8n-nodes-base.webhook": {1, 1.1, 2, 2.1},
    "n8n-nodes-base.code": {1, 2},
    "n8n-nodes-base.httpRequest": {3, 4, 4.1, 4.2, 4.3, 4.4, 4.5},
    "n8n-nodes-base.postgres": {2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7},
    "n8n-nodes-base.respondToWebhook": {1, 1.1, 1.2, 1.3, 1.4, 1.5},
    "n8n-nodes-base.set": {3, 3.1, 3.2, 3.3, 3.4},
    "n8n-nodes-base.if": {2, 2.1, 2.2},
    "n8n-nodes-base.crypto": {1, 2},
    "n8n-nodes-base.stickyNote": {1},
    "n8n-nodes-base.executeWorkflow": {1, 1.1, 1.2, 1.3, 1.4},
    "n8n-nodes-base.executeWorkflowTrigger": {1, 1.1, 1.2},
    "n8n-nodes-base.emailSend": {2, 2.1},
    "n8n-nodes-base.formTrigger": {2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6},
    "n8n-nodes-base.form": {1, 2.3, 2.4, 2.5},
    "n8n-nodes-base.extractFromFile": {1, 1.1},
    "n8n-nodes-base.scheduleTrigger": {1, 1.1, 1.2, 1.3, 1.4},
    "n8n-nodes-base.errorTrigger": {1},
    "n8n-nodes-base.stopAndError": {1},
    "n8n-nodes-base.splitInBatches": {1, 2, 3},
}
SECRET_LOOKING = re.compile(r"(?i)(password|secret|token|apikey|api_key)\"\s*:\s*\"(?!=)[^\"]{6,}")


def test_there_are_workflows() -> None:
    assert {p.name for p in FILES} >= {"chat-answer.json", "chat-history.json"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_workflow_is_importable_and_explained(path: Path) -> None:
    workflow = load(path)
    assert re.fullmatch(r"[A-Za-z0-9]{16}", workflow["id"]), "a fixed 16-character id keeps re-imports idempotent"
    assert workflow["settings"]["executionOrder"] == "v1"
    nodes = workflow["nodes"]
    names = [n["name"] for n in nodes]
    assert len(names) == len(set(names)), "node names are unique"
    assert len({n["id"] for n in nodes}) == len(nodes)
    working = [n for n in nodes if n["type"] != "n8n-nodes-base.stickyNote"]
    notes = [n for n in nodes if n["type"] == "n8n-nodes-base.stickyNote"]
    assert notes, "sticky notes explain the steps to business staff"
    for node in nodes:
        assert node["typeVersion"] in SUPPORTED_VERSIONS[node["type"]], f"{node['name']}: unsupported version"
    for node in working:
        assert not re.fullmatch(r"(Code|HTTP Request|Postgres|If|Set|Webhook)\d*", node["name"]), \
            f"{node['name']}: give the node a name that says what it does"
        if node["type"] == "n8n-nodes-base.webhook":
            assert node.get("webhookId"), "a webhookId keeps the URL at /webhook/<path>"
            auth = node["parameters"].get("authentication")
            if auth == "basicAuth":  # a staff page (kb-misses.json): the staff login, never open
                assert node["credentials"]["httpBasicAuth"]["id"] == STAFF_FORM_CREDENTIAL_ID
            else:
                assert auth == "headerAuth", "webhooks must check the gateway token (or the staff login)"
        if node["type"] == "n8n-nodes-base.formTrigger":
            assert node.get("webhookId") and node["parameters"].get("authentication") == "basicAuth", \
                "staff forms change business data: they need their login"
        for credential in node.get("credentials", {}).values():
            assert credential["id"] in KNOWN_CREDENTIALS, f"{node['name']}: unknown credential {credential}"
    for source, outputs in workflow["connections"].items():
        assert source in names
        for branch in outputs["main"]:
            for target in branch:
                assert target["node"] in names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_workflow_holds_no_secrets(path: Path) -> None:
    text = path.read_text()
    assert not SECRET_LOOKING.search(text)
    for node in load(path)["nodes"]:
        for credential in node.get("credentials", {}).values():
            assert set(credential) == {"id", "name"}, "credentials are referenced, never embedded"


def test_changing_the_system_prompt_is_a_one_node_edit() -> None:
    chat = load(WORKFLOWS_DIR / "chat-answer.json")
    holders = [n["name"] for n in chat["nodes"] if "system_prompt" in json.dumps(n["parameters"])
               and n["type"] == "n8n-nodes-base.set"]
    assert holders == ["Assistant settings"]
    prompt = next(a["value"] for a in chat["nodes"][[n["name"] for n in chat["nodes"]].index("Assistant settings")]
                  ["parameters"]["assignments"]["assignments"] if a["name"] == "system_prompt")
    assert "llave de paso" in prompt and "gas" in prompt, "the prompt keeps the safety rules"


def test_the_workflow_uses_the_texts_the_quality_evaluation_measures() -> None:
    """eval/prompting.py is the reference the quality figures were measured with; the workflow must say the same."""
    from eval import prompting

    chat = load(WORKFLOWS_DIR / "chat-answer.json")
    answer = load(WORKFLOWS_DIR / "chat-find-answer.json")  # the job that writes the answer, with the router's settings
    settings_node = next(n for n in chat["nodes"] if n["name"] == "Assistant settings")
    values = {a["name"]: a["value"] for a in settings_node["parameters"]["assignments"]["assignments"]}
    assert values["system_prompt"] == prompting.SYSTEM_PROMPT
    assert values["grounding_rules"] == prompting.GROUNDING_RULES
    assert values["answer_instruction"] == prompting.ANSWER_INSTRUCTION
    assert values["not_sure_text"] == prompting.NOT_FOUND_REPLY
    code = {n["name"]: n["parameters"].get("jsCode", "") for n in answer["nodes"]}
    assert "DOCUMENTACIÓN DE LA EMPRESA:" in code["Build prompt"] and "PREGUNTA DEL FONTANERO:" in code["Build prompt"]
    assert "safety_message" in code["Compose the reply"] and "source_line" in code["Compose the reply"]
    assert "kb.sources" in code["Read the answer"] and "finish_reason" in code["Read the answer"]
    # the rest (echo stripping, trimming, small talk) is compared by running the nodes: test_answer_shape.py


ERROR_WORKFLOW_ID = "RmdErrorRecord01"
SEND_TO_GATEWAY_ID = "RmdSendToGateway"
# Sub-workflows that only ever run for a calling workflow which names the error workflow: the caller records a
# failure once, under its own step (n8n-workflows/README.md, measured; tests/workflows/test_chat_split.py).
UNRECORDED_SUB_WORKFLOWS = {"send-to-gateway.json", "chat-find-answer.json", "chat-send-reply.json"}


def test_every_workflow_names_the_error_workflow() -> None:
    """Issue 16, item 7: a failed execution of any Remedios workflow is recorded and staff are told
    ("Remedios · Errors: record a failed execution"); the error workflow itself names none (no loop)."""
    by_id = {load(path)["id"]: path.name for path in FILES}
    assert by_id.get(ERROR_WORKFLOW_ID) == "errors-record.json"
    error_workflow = load(WORKFLOWS_DIR / "errors-record.json")
    assert [n["type"] for n in error_workflow["nodes"]].count("n8n-nodes-base.errorTrigger") == 1
    assert "errorWorkflow" not in error_workflow["settings"]
    for path in FILES:
        if path.name != "errors-record.json" and path.name not in UNRECORDED_SUB_WORKFLOWS:
            assert load(path)["settings"].get("errorWorkflow") == ERROR_WORKFLOW_ID, path.name
    # "Remedios · Gateway: send a signed message" and the chat's two job sub-workflows only ever run for a calling
    # workflow, which names the error workflow: the caller records the failure once, under its own step
    # (n8n-workflows/README.md, measured). Naming it there too would record one failure several times.
    for name in UNRECORDED_SUB_WORKFLOWS:
        sub = load(WORKFLOWS_DIR / name)
        assert "errorWorkflow" not in sub["settings"], name
        assert [n["type"] for n in sub["nodes"]].count("n8n-nodes-base.executeWorkflowTrigger") == 1, name


def test_every_workflow_that_sends_a_reply_marks_it_taken() -> None:
    """Issue 16, item 1: a reply stays owed (reply_deliveries) until the gateway answered 2xx; each workflow that
    sends one to the gateway marks it taken right after, or the re-send workflow would send it again."""
    callers = 0
    for path in FILES:
        workflow = load(path)
        senders = [n["name"] for n in workflow["nodes"] if n["type"] == "n8n-nodes-base.executeWorkflow"
                   and n["parameters"]["workflowId"]["value"] == SEND_TO_GATEWAY_ID
                   and "typing" not in n["name"].lower()]
        callers += bool(senders)
        for sender in senders:
            targets = [t["node"] for branch in workflow["connections"].get(sender, {}).get("main", [])[:1]
                       for t in branch]
            assert "Mark reply taken" in targets, f"{path.name}: {sender}"
            marker = next(n for n in workflow["nodes"] if n["name"] == "Mark reply taken")
            assert "reply_delivery_taken" in marker["parameters"]["query"]
    assert callers == 5, "chat-send-reply, estimate, estimate-page, reply-redrive, staff-console"


SCHEMA = WORKFLOWS_DIR.parent / "schema.sql"
SETTINGS_READ = re.compile(r"\$\('Load settings'\)\.(?:first\(\)|item)\.json\.([a-z_]+)")


def settings_in_schema() -> tuple[set[str], set[str]]:
    """(the keys seeded into remedios_settings, the columns of remedios_settings_row()) in schema.sql."""
    sql = SCHEMA.read_text(encoding="utf-8")
    seeded = sql[sql.index("INSERT INTO remedios_settings"):]
    seeded = seeded[:seeded.index("ON CONFLICT")]
    keys = set(re.findall(r"^\s*\('([a-z_]+)',", seeded, re.M))
    columns = re.search(r"FUNCTION remedios_settings_row\(\)\s*RETURNS TABLE \(([^)]*)\)", sql)
    assert columns, "remedios_settings_row() not found in schema.sql"
    return keys, {column.split()[0] for column in columns.group(1).split(",")}


def upstream(workflow: dict, name: str) -> set[str]:
    """Every node an execution passes through before reaching `name`."""
    parents: dict[str, set[str]] = {}
    for source, outputs in workflow["connections"].items():
        for branch in outputs.get("main", []):
            for target in branch:
                parents.setdefault(target["node"], set()).add(source)
    seen: set[str] = set()
    todo = [name]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_settings_come_from_postgres_never_from_the_environment(path: Path) -> None:
    """Issue 16: n8n runs with N8N_BLOCK_ENV_ACCESS_IN_NODE=true. A workflow reads the installation's addresses
    with one Postgres node "Load settings" (remedios_settings_row()) placed before every node that uses them,
    and only settings the table has."""
    text = path.read_text(encoding="utf-8")
    assert "$env" not in text and "process.env" not in text
    workflow = load(path)
    loaders = [n for n in workflow["nodes"] if n["name"] == "Load settings"]
    readers = {n["name"]: set(SETTINGS_READ.findall(json.dumps(n["parameters"]))) for n in workflow["nodes"]
               if n["type"] != "n8n-nodes-base.stickyNote"}
    readers = {name: used for name, used in readers.items() if used}
    if not readers:
        assert not loaders
        return
    [loader] = loaders
    assert loader["type"] == "n8n-nodes-base.postgres"
    assert loader["credentials"]["postgres"]["id"] == POSTGRES_CREDENTIAL_ID
    assert "FROM remedios_settings_row()" in loader["parameters"]["query"]
    keys, columns = settings_in_schema()
    assert keys == columns, "every setting has a row and a column"
    for name, used in readers.items():
        assert used <= columns, f"{name}: unknown setting {used - columns}"
        assert "Load settings" in upstream(workflow, name), f"{name} may run before Load settings"
    notes = " ".join(n["parameters"].get("content", "") for n in workflow["nodes"]
                     if n["type"] == "n8n-nodes-base.stickyNote")
    assert "remedios_settings" in notes, "a sticky note says where the settings come from and how to change them"


NODE_ITEM = re.compile(r"\$\('([^']+)'\)\.item\b")


def loop_body(workflow: dict, loop: str) -> set[str]:
    """The nodes a Loop Over Items node runs for each batch: reachable from its "loop" output (1) up to itself."""
    outputs = {source: [t["node"] for branch in o.get("main", []) for t in branch]
               for source, o in workflow["connections"].items()}
    body: set[str] = set()
    todo = [t["node"] for t in workflow["connections"].get(loop, {}).get("main", [[], []])[1]]
    while todo:
        name = todo.pop()
        if name != loop and name not in body:
            body.add(name)
            todo.extend(outputs.get(name, []))
    return body


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_inside_a_loop_nodes_read_the_loops_item(path: Path) -> None:
    """Inside a Loop Over Items node, the nodes read the item of the current turn from the loop itself
    (`$('One reply at a time').item`) or from their input (`$json`), never from a node before the loop: what a turn
    sends is then plainly the loop's item, whatever n8n's tracing of paired items back through the loop's runs
    (SplitInBatchesV3 rewrites them with `sourceOverwrite`) makes of it. Measured on 2.41.1: the staff console's
    earlier `$('Messages for the gateway').item` found the right message too (tests/integration/test_takeover.py),
    so this keeps the loops readable and independent of that tracing; it fixed nothing that was seen failing."""
    workflow = load(path)
    loops = [n["name"] for n in workflow["nodes"] if n["type"] == "n8n-nodes-base.splitInBatches"]
    for loop in loops:
        body = loop_body(workflow, loop)
        assert body, f"{loop}: nothing in the loop"
        for node in workflow["nodes"]:
            if node["name"] in body:
                read = set(NODE_ITEM.findall(json.dumps(node["parameters"], ensure_ascii=False)))
                assert read <= body | {loop}, f"{node['name']} reads {sorted(read - body - {loop})} inside {loop}"
