"""The staff e-mail of *Remedios · Staff: notify* (n8n-workflows/workflows/notify-staff.json) names the conversation
by its reference, never its id (whoever has the id can open the chat): the workflow's own SQL runs on the real
Postgres, its own e-mail code runs in Node, as n8n would run them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import psycopg
from psycopg.rows import dict_row

from gateway.logs import conversation_ref
from tests.deploy.compose_helpers import node_binary

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = json.loads((ROOT / "n8n-workflows" / "workflows" / "notify-staff.json").read_text(encoding="utf-8"))
NODES = {node["name"]: node for node in WORKFLOW["nodes"]}
CONVERSATION = "web:4c1d9e0a-secret-browser-id"
SUMMARY = f"El fontanero pide hablar con una persona ({CONVERSATION}): «¿me llamáis?»"

# Runs a Code node's JavaScript ("Run once for each item") with the $json and $() it would get in n8n.
HARNESS = """
const [code, item, settings] = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const $ = () => ({ first: () => ({ json: settings }) });
const result = new Function('$json', '$', code)(item, $);
process.stdout.write(JSON.stringify(result));
"""


def record_notification(conn: psycopg.Connection) -> dict[str, Any]:
    """The node *Record notification*, its query as written in the workflow, with its six parameters."""
    query = NODES["Record notification"]["parameters"]["query"]
    params = ["human_requested", CONVERSATION, "", SUMMARY, "oficina@example.com", "https://chat.example.com"]
    with psycopg.RawCursor(conn, row_factory=dict_row) as cur:  # $1…$6 placeholders, as n8n sends them
        cur.execute(query, params)
        row = cur.fetchone()
    assert row is not None
    return row


def write_email(item: dict[str, Any]) -> dict[str, Any]:
    code = NODES["Write the e-mail"]["parameters"]["jsCode"]
    settings = {"subject_prefix": "[Remedios]"}
    result = subprocess.run([node_binary(), "-e", HARNESS], input=json.dumps([code, item, settings], default=str),
                            capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)["json"]


def test_the_staff_email_names_the_conversation_by_its_ref_only(conn: psycopg.Connection) -> None:
    row = record_notification(conn)
    assert row["conversation_id"] == CONVERSATION  # staff find the whole conversation in the table
    assert row["conversation_ref"] == conversation_ref(CONVERSATION)  # the same ref as the gateway's logs
    email = write_email(row)
    assert CONVERSATION not in email["text"] and "secret-browser-id" not in email["text"]
    assert CONVERSATION not in email["subject"]
    assert f"Conversación (ref.): {conversation_ref(CONVERSATION)}" in email["text"]
    assert f"El fontanero pide hablar con una persona (ref. {conversation_ref(CONVERSATION)})" in email["text"]
    assert email["to"] == "oficina@example.com"
    assert "staff_notifications" in email["text"]
