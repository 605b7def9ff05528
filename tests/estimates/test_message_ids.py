"""One id namespace for every message, on the real database: a plumber's message can never take the id the
estimate page gives the customer's decision (`estimate-decision:<number>`, stored ON CONFLICT DO NOTHING), nor
any id the system makes, because those have a colon and a plumber's may not (messages_user_id_has_no_colon).
The workflows' own SQL is run as n8n runs it ($1… parameters)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.rows import dict_row

from devstack.postgres import DatabaseInfo
from tests.estimates.helpers import create

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / "n8n-workflows" / "workflows"


def node_query(workflow: str, name: str) -> str:
    nodes = {n["name"]: n for n in json.loads((WORKFLOWS / workflow).read_text(encoding="utf-8"))["nodes"]}
    return nodes[name]["parameters"]["query"]


def run(conn: psycopg.Connection, query: str, params: list[Any]) -> list[dict[str, Any]]:
    with psycopg.RawCursor(conn, row_factory=dict_row) as cur:
        cur.execute(query, params)
        return cur.fetchall()


def store_plumber_message(conn: psycopg.Connection, message_id: str, text: str) -> list[dict[str, Any]]:
    """chat-answer.json, node *Store plumber message*: what the chat webhook does with the gateway's message."""
    return run(conn, node_query("chat-answer.json", "Store plumber message"),
               ["web:test", "web", "web:test", None, message_id, text, "2026-11-23T10:00:00Z", "{}"])


def record_decision(conn: psycopg.Connection, number: str, token: str) -> dict[str, Any]:
    """estimate-page.json, node *Record decision*: the customer pressed «Aceptar» on the page."""
    [row] = run(conn, node_query("estimate-page.json", "Record decision"),
                [number, token, "accepted", "", "https://remedios.example", "El cliente ha aceptado el presupuesto {number}.",
                 "El cliente ha rechazado el presupuesto {number}.", "Comentario del cliente:", "1"])  # revision shown
    return row


def test_a_plumber_message_cannot_take_the_decision_id_and_the_decision_is_stored(conn: psycopg.Connection) -> None:
    number = create(conn, [{"item": "termo 150 l", "quantity": 1}])  # the next number is easy to guess
    token = conn.execute("SELECT access_token FROM estimates WHERE number = %s", (number,)).fetchone()[0]
    decision_id = f"estimate-decision:{number}"

    # A client sends its message with that id before the customer decides …
    with pytest.raises(psycopg.errors.CheckViolation, match="messages_user_id_has_no_colon"):
        with conn.transaction():
            store_plumber_message(conn, decision_id, "¡Hecho!")
    assert conn.execute("SELECT count(*) FROM messages WHERE id = %s", (decision_id,)).fetchone()[0] == 0

    # … so the customer's decision is stored, and reaches the plumber's chat, as it must.
    decided = record_decision(conn, number, token)
    assert decided["message_id"] == decision_id
    row = conn.execute("SELECT role, conversation_id, text FROM messages WHERE id = %s", (decision_id,)).fetchone()
    assert row == ("assistant", "web:test", f"El cliente ha aceptado el presupuesto {number}.")


@pytest.mark.parametrize("message_id", ["reply:3f1c2b7a", "estimate-decision:P-2026-0001", "a:b"])
def test_no_user_row_ever_has_a_colon(conn: psycopg.Connection, message_id: str) -> None:
    with pytest.raises(psycopg.errors.CheckViolation):
        conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text) "
                     "VALUES (%s, 'web:test', 'user', 'web', 'hola')", (message_id,))


def test_plumber_ids_are_stored_and_answers_get_the_reply_prefix(conn: psycopg.Connection) -> None:
    for message_id in ("3f1c2b7a-0b8f-4d6c-8c0e-5f1d9a7b6c3e", "wamid.HBgLMzQ2MDAxMTEyMjIVAgASGBQzQTdD"):
        assert store_plumber_message(conn, message_id, "Gotea el grifo") == [{"is_new": True, "needs_answer": True}]
    [answer] = run(conn, node_query("chat-send-reply.json", "Store answer"),
                   ["web:test", "web", "Cierre la llave de paso.", "3f1c2b7a-0b8f-4d6c-8c0e-5f1d9a7b6c3e", "ok", None,
                    "{}", ""])
    assert answer["message_id"].startswith("reply:")  # the system's ids have a colon: no client can hold one


def test_the_rule_is_validated_and_applying_the_schema_again_changes_nothing(
    applied_twice: DatabaseInfo,
) -> None:
    # applied_twice: every file applied a second time, as every start applies it again (conftest.py)
    with psycopg.connect(applied_twice.url) as c:
        rows = c.execute("SELECT convalidated FROM pg_constraint WHERE conname = 'messages_user_id_has_no_colon'").fetchall()
    assert rows == [(True,)]


def test_the_chat_webhook_refuses_a_plumber_message_id_with_a_colon() -> None:
    """chat-answer.json, node *Read message*: such a message is answered 422 (the gateway settles it as rejected)
    instead of failing on the database rule and being retried for ever."""
    import subprocess

    from tests.deploy.compose_helpers import node_binary

    nodes = {n["name"]: n for n in json.loads((WORKFLOWS / "chat-answer.json").read_text(encoding="utf-8"))["nodes"]}
    harness = ("const [code, item] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
               "process.stdout.write(JSON.stringify(new Function('$json', code)(item)));")

    def read(message_id: str) -> dict[str, Any]:
        body = {"conversation_id": "web:conv-aaaaaaaa", "message_id": message_id, "channel": "web", "text": "hola",
                "sender": {"id": "web:conv-aaaaaaaa"}, "timestamp": "2026-11-23T10:00:00.000Z", "metadata": {}}
        out = subprocess.run([node_binary(), "-e", harness], capture_output=True, text=True, timeout=60, check=True,
                             input=json.dumps([nodes["Read message"]["parameters"]["jsCode"], {"body": body}]))
        return json.loads(out.stdout)["json"]

    assert read("3f1c2b7a-0b8f-4d6c-8c0e-5f1d9a7b6c3e")["valid"] is True
    refused = read("estimate-decision:P-2026-0042")
    assert refused["valid"] is False and "message_id" in refused["problem"]
