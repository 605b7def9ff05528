"""n8n-workflows/reliability/schema.sql on a real Postgres: what the error workflow records, the replies n8n owes
the gateway (made with the answer, re-sent with backoff until taken), and forgotten plumber messages run once."""

from __future__ import annotations

import json

import psycopg

CONVERSATION = "wa:34600000001"


def user_message(conn: psycopg.Connection, message_id: str, **columns: object) -> None:
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, metadata) "
                 "VALUES (%s, %s, 'user', 'whatsapp', 'se me sale el agua', %s::jsonb)",
                 (message_id, CONVERSATION, columns.get("metadata", "{}")))


def answer(conn: psycopg.Connection, reply_id: str, in_reply_to: str | None, metadata: str = "{}") -> None:
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, in_reply_to, metadata) "
                 "VALUES (%s, %s, 'assistant', 'whatsapp', 'Cierra la llave de paso.', %s, %s::jsonb)",
                 (reply_id, CONVERSATION, in_reply_to, metadata))


def test_a_failure_is_recorded_once_per_execution_with_a_summary_for_staff(conn: psycopg.Connection) -> None:
    args = ("RmdChatAnswer001", "Remedios · Chat: answer a plumber", "77", "http://n8n/execution/77", "webhook",
            "Send reply to gateway", "connect ECONNREFUSED 127.0.0.1:8000", "stack…")
    [(first_id, is_new, summary)] = conn.execute(
        "SELECT * FROM workflow_failure_record(%s, %s, %s, %s, %s, %s, %s, %s)", args).fetchall()
    assert is_new
    assert summary == ("Falló el flujo «Remedios · Chat: answer a plumber» en el paso «Send reply to gateway»: "
                       "connect ECONNREFUSED 127.0.0.1:8000 (ejecución 77, http://n8n/execution/77).")
    [(again_id, again_new, _)] = conn.execute(
        "SELECT * FROM workflow_failure_record(%s, %s, %s, %s, %s, %s, %s, %s)", args).fetchall()
    assert (again_id, again_new) == (first_id, False)
    assert conn.execute("SELECT count(*) FROM workflow_failures WHERE execution_id = '77'").fetchone() == (1,)


def test_a_failure_without_message_or_execution_is_still_recorded(conn: psycopg.Connection) -> None:
    [(_, is_new, summary)] = conn.execute(
        "SELECT * FROM workflow_failure_record('RmdX', '', '', '', 'trigger', '', '', NULL)").fetchall()
    assert is_new and "sin mensaje" in summary
    assert conn.execute("SELECT error_message FROM workflow_failures WHERE workflow_id = 'RmdX'").fetchone() == (
        "(sin mensaje de error)",)


def test_every_answer_is_owed_to_the_gateway_until_taken(conn: psycopg.Connection) -> None:
    user_message(conn, "wamid.A1")
    answer(conn, "reply:a1", "wamid.A1", '{"article": {"slug": "grifo", "title": "Grifo"}, "grounded": true}')
    assert conn.execute("SELECT state, attempts, next_attempt_at > now() FROM reply_deliveries "
                        "WHERE message_id = 'reply:a1'").fetchone() == ("pending", 0, True)
    # not due yet: the answering workflow is still trying itself
    assert conn.execute("SELECT * FROM reply_deliveries_due()").fetchall() == []
    conn.execute("UPDATE reply_deliveries SET next_attempt_at = now() - interval '1 second'")
    [(message_id, conversation_id, attempts, reply)] = conn.execute("SELECT * FROM reply_deliveries_due()").fetchall()
    assert (message_id, conversation_id, attempts) == ("reply:a1", CONVERSATION, 1)
    assert reply["type"] == "reply" and reply["in_reply_to"] == "wamid.A1" and reply["channel"] == "whatsapp"
    assert reply["text"] == "Cierra la llave de paso." and reply["article"]["slug"] == "grifo"
    assert "estimate" not in reply and reply["timestamp"].endswith("Z")
    # claimed: not handed out again until its backoff is over (30 s after the first re-send)
    assert conn.execute("SELECT * FROM reply_deliveries_due()").fetchall() == []
    [(wait,)] = conn.execute("SELECT extract(epoch FROM next_attempt_at - now()) FROM reply_deliveries").fetchall()
    assert 25 < wait <= 30
    assert conn.execute("SELECT * FROM reply_delivery_failed('reply:a1', 'HTTP 503')").fetchone()[1] == "pending"
    assert conn.execute("SELECT * FROM reply_delivery_taken('reply:a1')").fetchall() == [("reply:a1", "taken")]
    assert conn.execute("SELECT * FROM reply_delivery_taken('reply:a1')").fetchall() == []  # once
    assert conn.execute("SELECT state, last_error FROM reply_deliveries").fetchone() == ("taken", None)


def test_the_backoff_grows_to_ten_minutes_and_old_replies_are_abandoned(conn: psycopg.Connection) -> None:
    answer(conn, "estimate-decision:P-2026-0001", None, '{"estimate": {"number": "P-2026-0001"}}')
    waits = []
    for _ in range(7):
        conn.execute("UPDATE reply_deliveries SET next_attempt_at = now() - interval '1 second'")
        [(_, _, _, reply)] = conn.execute("SELECT * FROM reply_deliveries_due()").fetchall()
        waits.append(round(conn.execute(
            "SELECT extract(epoch FROM next_attempt_at - now()) FROM reply_deliveries").fetchone()[0]))
    assert waits == [30, 60, 120, 240, 480, 600, 600]
    assert reply["estimate"] == {"number": "P-2026-0001"} and "in_reply_to" not in reply
    conn.execute("UPDATE reply_deliveries SET created_at = now() - interval '25 hours', "
                 "next_attempt_at = now() - interval '1 second'")
    assert conn.execute("SELECT * FROM reply_deliveries_due()").fetchall() == []
    assert conn.execute("SELECT state FROM reply_deliveries").fetchone() == ("abandoned",)


def test_a_re_sent_reply_carries_its_cards_as_they_were_stored(conn: psycopg.Connection) -> None:
    """The re-send is the stored payload as it was: the cards keep every key, also the null ones (an estimate
    with several IVA rates has "tax_rate": null, a line without a note "note": null); only the reply's own
    optional keys that are absent (no estimate, no template) stay out."""
    card = {"number": "P-2026-0007", "status": "draft", "tax_rate": None, "notes": None, "revision": 2,
            "taxes": [{"rate": 0.21, "base": 100.0, "tax": 21.0}, {"rate": 0.1, "base": 50.0, "tax": 5.0}],
            "lines": [{"position": 1, "description": "Codo de cobre 22 mm", "note": None, "to_quote": False,
                       "unit_price": 2.5}], "changes": ["Añadido: Codo de cobre 22 mm: 2 ud"],
            "url": "http://127.0.0.1:8000/presupuestos/P-2026-0007?t=abc"}
    article = {"slug": "grifo", "title": "Grifo", "steps": ["Cerrar la llave"], "safety": None}
    user_message(conn, "wamid.EST")
    answer(conn, "reply:est", "wamid.EST", json.dumps({"estimate": card, "article": article, "grounded": False}))
    conn.execute("UPDATE reply_deliveries SET next_attempt_at = now() - interval '1 second'")
    [(_, _, _, reply)] = conn.execute("SELECT * FROM reply_deliveries_due()").fetchall()
    assert reply["estimate"] == card
    assert reply["article"] == article
    assert set(reply) == {"type", "conversation_id", "channel", "message_id", "in_reply_to", "text", "timestamp",
                          "estimate", "article"}


def test_a_re_sent_question_asked_back_keeps_its_cases(conn: psycopg.Connection) -> None:
    choices = [{"slug": "inodoro-junta-cera", "title": "Junta"}, {"slug": "atasco-general-retorno", "title": "Atasco"}]
    user_message(conn, "wamid.ASK")
    answer(conn, "reply:ask", "wamid.ASK", json.dumps({"choices": choices, "choice_question": "sale agua",
                                                       "grounded": False}))
    conn.execute("UPDATE reply_deliveries SET next_attempt_at = now() - interval '1 second'")
    [(_, _, _, reply)] = conn.execute("SELECT * FROM reply_deliveries_due()").fetchall()
    assert reply["choices"] == choices and "choice_question" not in reply and "article" not in reply


def test_a_forgotten_message_is_run_again_once(conn: psycopg.Connection) -> None:
    user_message(conn, "wamid.LOST")
    user_message(conn, "wamid.ANSWERED")
    answer(conn, "reply:ok", "wamid.ANSWERED")
    user_message(conn, "wamid.PHOTO", metadata='{"store_only": true}')
    user_message(conn, "wamid.ANCIENT")
    user_message(conn, "wamid.RECENT")
    conn.execute("UPDATE messages SET stored_at = now() - interval '11 minutes' WHERE role = 'user' "
                 "AND id <> 'wamid.RECENT'")
    conn.execute("UPDATE messages SET stored_at = now() - interval '2 days' WHERE id = 'wamid.ANCIENT'")
    claimed = conn.execute("SELECT * FROM unanswered_messages_claim()").fetchall()
    assert [(m, c) for m, c, _ in claimed] == [("wamid.LOST", CONVERSATION)]
    request = claimed[0][2]
    assert request["message_id"] == "wamid.LOST" and request["channel"] == "whatsapp"
    assert request["text"] == "se me sale el agua" and request["sender"] == {"id": "34600000001", "name": "Pepe"}
    assert request["metadata"] == {"redriven": True}
    assert conn.execute("SELECT * FROM unanswered_messages_claim()").fetchall() == []  # once only


def test_messages_stored_before_the_column_existed_are_never_run_again(conn: psycopg.Connection) -> None:
    user_message(conn, "wamid.OLD")
    conn.execute("UPDATE messages SET stored_at = NULL WHERE id = 'wamid.OLD'")
    assert conn.execute("SELECT * FROM unanswered_messages_claim(interval '0 seconds')").fetchall() == []
