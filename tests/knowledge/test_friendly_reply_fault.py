"""A friendly reply is stored even when reading its words fails (feedback.sql, kb_friendly_reply_read): the
reading is listed for staff instead of losing the reply."""

from __future__ import annotations

import json
import uuid


def test_a_failing_read_still_stores_the_reply_and_lists_it(conn) -> None:
    conn.execute("CREATE OR REPLACE FUNCTION kb_talk_reads_as_question(words text, asks boolean DEFAULT false) RETURNS boolean "
                 "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'broken on purpose'; END $$")
    conversation = f"web:test-{uuid.uuid4().hex[:12]}"
    answer_id = f"reply:{uuid.uuid4()}"
    conn.execute("INSERT INTO conversations (id, channel) VALUES (%s, 'web')", (conversation,))
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, metadata) "
                 "VALUES (%s, %s, 'assistant', 'web', '¡Hola!', %s::jsonb)",
                 (answer_id, conversation, json.dumps({"small_talk": True, "talk_rest": "y el sifon", "talk_asks": True})))
    stored = conn.execute("SELECT metadata ->> 'talk_question' FROM messages WHERE id = %s", (answer_id,)).fetchone()
    assert stored == ("true",)
