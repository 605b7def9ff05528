"""The safety step as the safety tests read it (n8n-workflows/knowledge/answer.sql), one way for all of them:

- what one message fires on its own words: ``acts`` (safety_acts), ``rules`` (every rule safety_check matches)
  and ``rule`` (the rule whose message it shows);
- what the first message of a new conversation shows: ``first_message`` (safety_check_conversation);
- what each turn of a new conversation shows: ``chat`` and ``shown``, each turn stored as the chat workflow stores
  it (bench/quality/safety_conversations.play_turn); ``new_conversation``, ``new_message_id`` and ``turn`` for a
  test that plays the turns itself.
"""

from __future__ import annotations

import itertools

import psycopg

from bench.quality.safety_conversations import play_turn

_ids = itertools.count()


def acts(conn: psycopg.Connection, message: str) -> list[str]:
    return conn.execute("SELECT safety_acts(%s)", (message,)).fetchone()[0]


def rules(conn: psycopg.Connection, message: str) -> list[str]:
    return conn.execute("SELECT rules FROM safety_check(%s)", (message,)).fetchone()[0]


def rule(conn: psycopg.Connection, message: str) -> str | None:
    return conn.execute("SELECT rule FROM safety_check(%s)", (message,)).fetchone()[0]


def first_message(conn: psycopg.Connection, message: str) -> str | None:
    return conn.execute("SELECT rule FROM safety_check_conversation(%s, 'web:first-' || md5(random()::text))",
                        (message,)).fetchone()[0]


def new_conversation() -> str:
    """A conversation id no other test of the run uses."""
    return f"web:safety-{next(_ids)}"


def new_message_id() -> str:
    """A message id no other test of the run uses."""
    return f"sm{next(_ids)}"


def turn(conn: psycopg.Connection, conversation: str, text: str) -> dict:
    """The plumber's next message in `conversation`, with a message id of its own: play_turn's result."""
    return play_turn(conn, conversation, new_message_id(), text)


def chat(conn: psycopg.Connection, *turns: str) -> list[tuple[str | None, bool]]:
    """Plays the turns in a new conversation; (rule shown or None, carried) for each."""
    conversation = new_conversation()
    return [(played["shown"], played["carried"]) for played in (turn(conn, conversation, text) for text in turns)]


def shown(conn: psycopg.Connection, *turns: str) -> list[str | None]:
    """Plays the turns in a new conversation; the rule each reply shows, or None."""
    return [rule_shown for rule_shown, _ in chat(conn, *turns)]
