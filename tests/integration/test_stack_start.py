"""The stack start's n8n preparation (devstack/n8n.py `N8nCli.batch`, deploy/n8n/batch.mjs): credentials, every
workflow imported and published in ONE n8n process, and after n8n's start every one of them live: each webhook and
form of the repository's workflow files answers from its workflow (401/403 from its own login check, not n8n's 404
for a path nothing is registered on), and n8n's database has each workflow published at its current version.

Runs on the session's stack (no start of its own)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import psycopg
import pytest

from devstack.n8n import WORKFLOWS_DIR
from devstack.stack import Stack

pytestmark = pytest.mark.stack


def workflow_files() -> list[dict[str, Any]]:
    return [json.loads(path.read_text()) for path in sorted(WORKFLOWS_DIR.glob("*.json"))]


def entry_points() -> list[tuple[str, str, str]]:
    """(workflow id, method, path under n8n's URL) of every webhook and form trigger in the repository's files."""
    found = []
    for workflow in workflow_files():
        for node in workflow["nodes"]:
            parameters = node.get("parameters", {})
            if node["type"] == "n8n-nodes-base.webhook":
                found.append((workflow["id"], parameters.get("httpMethod", "GET"), f"/webhook/{parameters['path']}"))
            elif node["type"] == "n8n-nodes-base.formTrigger":
                path = parameters.get("path") or parameters.get("options", {}).get("path") or node["webhookId"]
                found.append((workflow["id"], "GET", f"/form/{path}"))
    return found


def test_the_stack_prepared_n8n_in_one_process(stack: Stack) -> None:
    log = (stack.config.run_dir / "logs" / "n8n-cli.log").read_text()
    commands = [line for line in log.splitlines() if line.startswith("$ ")]
    batches = [line for line in commands if line.startswith("$ batch ")]
    assert len(batches) == 1 and batches[0].startswith("$ batch --credentials="), commands
    assert "--workflows=" in batches[0]
    # other tests may run CLI commands on this stack later (an export), never an import or a publication
    assert not [line for line in commands if line.startswith(("$ n8n import", "$ n8n publish"))], commands
    ids = [workflow["id"] for workflow in workflow_files()]
    assert f"[batch] imported and published {len(ids)} workflow(s): {', '.join(ids)}" in log


def test_every_workflow_is_published_at_its_current_version(stack: Stack) -> None:
    assert stack.n8n_db is not None
    with psycopg.connect(stack.n8n_db.url) as conn:
        published = dict(conn.execute(
            'SELECT id, active AND "activeVersionId" = "versionId" FROM workflow_entity').fetchall())
        credentials = {row[0] for row in conn.execute("SELECT id FROM credentials_entity")}
    assert {workflow["id"]: True for workflow in workflow_files()}.items() <= published.items()
    assert {"RmdPostgresCred1", "RmdWebhookToken1", "RmdCallbackKey01", "RmdSmtpServer001", "RmdStaffFormAuth",
            "RmdLlmApiKey0001"} <= credentials


def test_every_webhook_and_form_answers_from_its_workflow(stack: Stack) -> None:
    points = entry_points()
    assert len(points) >= 11  # 9 webhooks and 2 forms when this was written
    answers = {}
    for workflow_id, method, path in points:
        # No login: the workflow's own check refuses before any of its business nodes run.
        response = httpx.request(method, stack.config.n8n_url + path, timeout=30)
        answers[(workflow_id, method, path)] = response.status_code
    assert all(status in (401, 403) for status in answers.values()), answers
