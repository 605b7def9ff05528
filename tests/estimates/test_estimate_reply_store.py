"""estimate_reply_store (n8n-workflows/estimates/schema.sql): a new estimate, its reply and the reply's card in
one statement: all of it or none (docs/faults.md), and never two estimates for one message."""

from __future__ import annotations

import json

import psycopg
import pytest

from .test_estimate_lifecycle import JOB

URL = "https://remedios.example.com/"


def store(conn: psycopg.Connection, in_reply_to: str) -> tuple:
    return conn.execute(
        "SELECT * FROM estimate_reply_store('web:test', %s::jsonb, 'web', %s, 'Enlace para el cliente:',"
        " 'AVISO: cuidado.', %s)", (json.dumps(JOB), URL, in_reply_to)).fetchone()


def test_the_estimate_its_reply_and_the_card_are_stored_together(conn: psycopg.Connection) -> None:
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text) "
                 "VALUES ('msg-est-1', 'web:test', 'user', 'web', 'presupuesto del termo')")
    message_id, number, text, created_at, card = store(conn, "msg-est-1")
    assert message_id.startswith("reply:") and created_at.endswith("Z")
    [(stored_text, metadata, in_reply_to)] = conn.execute(
        "SELECT text, metadata, in_reply_to FROM messages WHERE id = %s", (message_id,)).fetchall()
    assert stored_text == text and in_reply_to == "msg-est-1"
    assert metadata == {"estimate": card}, "the card is in the stored reply from the start"
    [(fresh,)] = conn.execute("SELECT estimate_card(%s, %s)", (number, URL)).fetchall()
    assert card == fresh and card["number"] == number
    assert text.startswith("AVISO: cuidado.\n\n") and text.endswith(card["url"])
    assert f"Enlace para el cliente: {card['url']}" in text
    assert conn.execute("SELECT count(*) FROM reply_deliveries WHERE message_id = %s",
                        (message_id,)).fetchone() == (1,), "owed to the gateway like every answer"


def test_a_second_run_for_the_same_message_stores_nothing(conn: psycopg.Connection) -> None:
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text) "
                 "VALUES ('msg-est-2', 'web:test', 'user', 'web', 'presupuesto del termo')")
    store(conn, "msg-est-2")
    [(estimates,)] = conn.execute("SELECT count(*) FROM estimates").fetchall()
    conn.execute("SAVEPOINT again")
    with pytest.raises(psycopg.errors.UniqueViolation):
        store(conn, "msg-est-2")
    conn.execute("ROLLBACK TO SAVEPOINT again")
    assert conn.execute("SELECT count(*) FROM estimates").fetchone() == (estimates,)
    assert conn.execute("SELECT count(*) FROM messages WHERE in_reply_to = 'msg-est-2'").fetchone() == (1,)
