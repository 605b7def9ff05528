"""Misses become knowledge, in Postgres (n8n-workflows/knowledge/feedback.sql): votes on answers, the list of
open misses ("not sure" answers and 👎), staff's decisions, and that the next same question finds the article.
The whole loop through n8n and the gateway: tests/integration/test_feedback_loop.py."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import psycopg

from eval.prompting import NOT_FOUND_REPLY

# A question no article answers (own wording, not from any eval split).
MISS_QUESTION = "que broca uso para el azulejo porcelanico"


def converse(conn: psycopg.Connection, question: str, metadata: dict) -> tuple[str, str]:
    """A stored plumber question and its stored answer, as the chat workflow writes them."""
    conversation = f"web:test-{uuid.uuid4().hex[:12]}"
    question_id = str(uuid.uuid4())
    answer_id = f"reply:{uuid.uuid4()}"
    conn.execute("INSERT INTO conversations (id, channel) VALUES (%s, 'web')", (conversation,))
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text) VALUES (%s, %s, 'user', 'web', %s)",
                 (question_id, conversation, question))
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, in_reply_to, metadata) "
                 "VALUES (%s, %s, 'assistant', 'web', %s, %s, %s::jsonb)",
                 (answer_id, conversation, NOT_FOUND_REPLY, question_id, json.dumps(metadata)))
    return conversation, answer_id


def open_misses(conn: psycopg.Connection) -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT answer_id, question, reason FROM kb_open_misses")}


def vote(conn: psycopg.Connection, conversation: str, message: str, value: str) -> tuple:
    return conn.execute("SELECT status, http_status FROM answer_vote(%s, %s, %s)",
                        (conversation, message, value)).fetchone()


def found(conn: psycopg.Connection, question: str) -> tuple[bool, list[str]]:
    row = conn.execute("SELECT found, slugs FROM kb_answer(%s, '')", (question,)).fetchone()
    return row[0], list(row[1])


def test_a_not_sure_answer_is_listed_and_attaching_it_makes_the_same_question_find_the_article(conn) -> None:
    assert found(conn, MISS_QUESTION) == (False, [])
    _, answer = converse(conn, MISS_QUESTION, {"grounded": False, "sources": [], "not_sure": True})
    assert open_misses(conn)[answer] == (MISS_QUESTION, "not_sure")

    page = conn.execute("SELECT kb_misses_page('', true)").fetchone()[0]
    assert f"<h2>«{MISS_QUESTION}»</h2>" in page and "El asistente no estaba seguro" in page
    assert page.count("<option value=") == conn.execute("SELECT count(*) + 1 FROM kb_articles WHERE active").fetchone()[0]

    slug = conn.execute("SELECT slug FROM kb_articles WHERE active ORDER BY slug LIMIT 1").fetchone()[0]
    result = conn.execute("SELECT kb_miss_decide(%s, 'example', %s, p_staff => 'ana')", (answer, slug)).fetchone()[0]
    assert result["ok"] is True, result
    assert answer not in open_misses(conn)
    assert conn.execute("SELECT source FROM kb_examples WHERE article_slug = %s AND question = %s",
                        (slug, MISS_QUESTION)).fetchone() == ("miss",)
    assert found(conn, MISS_QUESTION) == (True, [slug])
    # deciding twice: a clear message, nothing changes
    again = conn.execute("SELECT kb_miss_decide(%s, 'dismiss')", (answer,)).fetchone()[0]
    assert again["ok"] is False and "ya no está pendiente" in again["message"]


def test_a_new_article_written_from_a_miss_answers_it(conn) -> None:
    _, answer = converse(conn, MISS_QUESTION, {"grounded": False, "not_sure": True})
    bad = conn.execute("SELECT kb_miss_decide(%s, 'new', 'Mal Nombre!', 'x', '', '1. y')", (answer,)).fetchone()[0]
    assert bad["ok"] is False and "minúsculas" in bad["message"]
    taken = conn.execute("SELECT kb_miss_decide(%s, 'new', (SELECT slug FROM kb_articles LIMIT 1), 'x', '', '1. y')",
                         (answer,)).fetchone()[0]
    assert taken["ok"] is False and "ya hay un artículo" in taken["message"]
    empty = conn.execute("SELECT kb_miss_decide(%s, 'new', 'taladrar-azulejo', '', '', '')", (answer,)).fetchone()[0]
    assert empty["ok"] is False and answer in open_misses(conn)

    made = conn.execute(
        "SELECT kb_miss_decide(%s, 'new', 'taladrar-azulejo', 'Taladrar azulejo para pasar tubos', "
        "'El azulejo se raja si se taladra con percusión.', E'1. Marcar con cinta de carrocero.\\n2. Broca de diamante sin percusión.', "
        "'Gafas de protección.', 'broca, porcelanico, azulejo', 'luis')", (answer,)).fetchone()[0]
    assert made["ok"] is True, made
    assert found(conn, MISS_QUESTION) == (True, ["taladrar-azulejo"])
    assert conn.execute("SELECT decision, article_slug, decided_by FROM kb_miss_decisions WHERE message_id = %s",
                        (answer,)).fetchone() == ("new_article", "taladrar-azulejo", "luis")


def test_votes_one_per_answer_changeable_and_a_down_vote_is_listed(conn) -> None:
    conversation, answer = converse(conn, "gotea el grifo de la cocina", {"grounded": True,
                                                                         "sources": ["grifo-gotea"]})
    assert answer not in open_misses(conn)
    assert vote(conn, conversation, answer, "down") == ("recorded", 200)
    assert open_misses(conn)[answer] == ("gotea el grifo de la cocina", "unhelpful")
    assert "(citaba KB-grifo-gotea)" in conn.execute("SELECT kb_misses_page('', true)").fetchone()[0]
    assert vote(conn, conversation, answer, "up") == ("recorded", 200)
    assert answer not in open_misses(conn)
    assert conn.execute("SELECT count(*), min(vote) FROM answer_votes WHERE message_id = %s",
                        (answer,)).fetchone() == (1, "up")


def test_bad_votes_are_refused_and_change_nothing(conn) -> None:
    conversation, answer = converse(conn, "gotea el grifo", {"grounded": True})
    other, _ = converse(conn, "otra cosa", {"grounded": True})
    question_id = conn.execute("SELECT in_reply_to FROM messages WHERE id = %s", (answer,)).fetchone()[0]
    assert vote(conn, conversation, "reply:does-not-exist", "down") == ("unknown_message", 404)
    assert vote(conn, other, answer, "down") == ("unknown_message", 404)       # another conversation's answer
    assert vote(conn, conversation, question_id, "down") == ("unknown_message", 404)  # the plumber's own message
    assert vote(conn, conversation, answer, "meh") == ("invalid", 400)
    assert vote(conn, conversation, answer, None) == ("invalid", 400)
    assert conn.execute("SELECT count(*) FROM answer_votes WHERE message_id = %s", (answer,)).fetchone() == (0,)


def test_the_page_escapes_what_plumbers_wrote(conn) -> None:
    converse(conn, '<script>alert("x")</script> se sale el agua', {"not_sure": True})
    page = conn.execute("SELECT kb_misses_page('<b>hecho</b>', false)").fetchone()[0]
    assert "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)" in page
    assert '<p id="notice" class="notice error" role="status">&lt;b&gt;hecho&lt;/b&gt;</p>' in page


def test_the_page_shows_the_50_oldest_and_counts_all(conn) -> None:
    for i in range(52):
        converse(conn, f"pregunta sin respuesta numero {i}", {"not_sure": True})
    page = conn.execute("SELECT kb_misses_page()").fetchone()[0]
    total = conn.execute("SELECT count(*) FROM kb_open_misses").fetchone()[0]
    assert f'<p id="count">Pendientes: {total} (aquí, las 50 más antiguas)</p>' in page
    assert page.count('<section class="miss"') == 50


def test_every_page_carries_a_fresh_form_token_that_the_decision_needs(conn) -> None:
    converse(conn, MISS_QUESTION, {"not_sure": True})
    pages = [conn.execute("SELECT kb_misses_page()").fetchone()[0] for _ in range(2)]
    tokens = [re.search(r'name="token" value="([0-9a-f]{64})"', page).group(1) for page in pages]
    assert tokens[0] != tokens[1]
    assert all(conn.execute("SELECT kb_page_token_ok(%s)", (t,)).fetchone()[0] for t in tokens)
    for forged in ("", None, "0" * 64):
        assert conn.execute("SELECT kb_page_token_ok(%s)", (forged,)).fetchone()[0] is False
    conn.execute("UPDATE kb_page_tokens SET created_at = now() - interval '13 hours' WHERE token = %s", (tokens[0],))
    assert conn.execute("SELECT kb_page_token_ok(%s)", (tokens[0],)).fetchone()[0] is False


def test_feedback_sql_runs_again_on_every_start_and_keeps_the_data(conn) -> None:
    conversation, answer = converse(conn, MISS_QUESTION, {"not_sure": True})
    assert vote(conn, conversation, answer, "down") == ("recorded", 200)
    conn.execute((Path(__file__).resolve().parents[2] / "n8n-workflows" / "knowledge" / "feedback.sql").read_text())
    assert answer in open_misses(conn)
    assert conn.execute("SELECT vote FROM answer_votes WHERE message_id = %s", (answer,)).fetchone() == ("down",)
