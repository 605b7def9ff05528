"""Greetings and thanks said with words of the trade, and friendly replies listed for staff (issue 13 items 4 and
5; eval/DEV-SMALLTALK-4.md, stop 29).

- kb_trade_talk (knowledge/answer.sql): what is left of a greeting, thanks or goodbye besides its phrases ("soy
  instalador de calderas en Sevilla") is small talk when it names the trade but nothing about a job: no word of
  the staff table kb_talk_job_words (a question word, a fault, a request, a size, a turn), no digit, not asked,
  at most talk_trade_max_words words.
- The workflow's own "Find knowledge articles" query (chat-find-answer.json, run here as it is) turns such a
  message into small talk whatever the search found, only when no safety rule fired and nothing asked back is
  pending.
- kb_open_misses (knowledge/feedback.sql) lists a friendly reply whose words read as a question (asked, a question
  word, a word of the trade) with reason 'friendly'; a plain "hola" or "qué tal la familia" is not listed.

Own examples, written for this test (none from an eval set)."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
FIND = next(n for n in json.loads((ROOT / "n8n-workflows/workflows/chat-find-answer.json").read_text())["nodes"]
            if n["name"] == "Find knowledge articles")["parameters"]["query"]

TRADE_TALK = [
    "soy instalador de calderas en Sevilla",        # introducing oneself with the trade
    "el lavabo del cliente quedó precioso",          # thanks after a job
    "mañana sigo con las calderas",                  # a goodbye that names the next job
]
ABOUT_A_JOB = [
    "el lavabo del cliente pierde por abajo",        # a fault
    "y el latiguillo",                               # a turn to a new question
    "el calentador de 30 litros",                    # a size
    "cómo purgo los radiadores",                     # a question word
    "el bidé hace un ruido raro",                    # a fault
    "necesito el manual de la caldera",              # a request
]


def trade_talk(conn: psycopg.Connection, rest: str, asks: bool = False, said: str = "") -> bool:
    return conn.execute("SELECT kb_trade_talk(%s, %s, %s)", (rest, asks, said)).fetchone()[0]


@pytest.mark.parametrize("rest", TRADE_TALK)
def test_a_greeting_or_thanks_that_names_the_trade_is_small_talk(conn: psycopg.Connection, rest: str) -> None:
    assert trade_talk(conn, rest)


@pytest.mark.parametrize("rest", ABOUT_A_JOB)
def test_words_about_a_job_keep_it_a_question(conn: psycopg.Connection, rest: str) -> None:
    assert not trade_talk(conn, rest)


def test_asked_or_naming_nothing_of_the_trade_is_not_trade_talk(conn: psycopg.Connection) -> None:
    assert not trade_talk(conn, "el latiguillo del bidé", asks=True)   # "hola, ¿el latiguillo del bidé?"
    assert trade_talk(conn, "el latiguillo del bidé")
    # no word of the trade: kb_no_plumbing_words decides, as before stop 29
    assert not trade_talk(conn, "la familia todo tranquilo por alla")
    assert not trade_talk(conn, "")
    # a fault anywhere in the message, even in a word the phrase list took ("sale", Mexico's "OK")
    assert trade_talk(conn, "el chorro del lavabo", said="gracias, el chorro del lavabo")
    assert not trade_talk(conn, "el chorro del lavabo", said="buenas, sale el chorro del lavabo")


def test_staff_edit_the_job_words_and_the_length(conn: psycopg.Connection) -> None:
    fault = "el lavabo del cliente pierde por abajo"
    assert not trade_talk(conn, fault)
    conn.execute("UPDATE kb_talk_job_words SET active = false WHERE word = 'pierde*'")   # staff switch one off
    assert trade_talk(conn, fault)
    conn.execute("INSERT INTO kb_talk_job_words (word, kind) VALUES ('precios*', 'fault')")  # or add one
    assert not trade_talk(conn, "el lavabo del cliente quedó precioso")
    conn.execute("UPDATE kb_settings SET value = '3' WHERE key = 'talk_trade_max_words'")
    assert not trade_talk(conn, "soy instalador de calderas en Sevilla") and trade_talk(conn, "mañana las calderas")
    conn.execute("UPDATE kb_settings SET value = '0' WHERE key = 'talk_trade_max_words'")   # off
    assert not trade_talk(conn, "mañana las calderas")


def find(conn: psycopg.Connection, text: str, opening: dict | None, safety_rule: str = "",
         pending: dict | None = None) -> dict:
    """The workflow's "Find knowledge articles" query, its $n given as its queryReplacement does (a first message)."""
    params = {"p1": text, "p2": "", "p3": "", "p4": safety_rule, "p5": "", "p6": json.dumps(pending),
              "p7": "web:test-talk", "p8": json.dumps(opening)}
    cur = conn.execute(re.sub(r"\$(\d+)", r"%(p\1)s", FIND), params)
    return dict(zip([d.name for d in cur.description], cur.fetchone()))


THANKS = "muchas gracias, el lavabo del cliente quedó precioso"
OPENING = {"reply": "¡De nada!", "rest": "el lavabo del cliente quedo precioso", "asks": False}


def test_the_find_query_makes_it_small_talk_whatever_the_search_found(conn: psycopg.Connection) -> None:
    searched = conn.execute("SELECT found, describe IS NOT NULL FROM kb_answer(%s, '')", (THANKS,)).fetchone()
    assert any(searched), "the search alone would answer or ask for other words"
    kb = find(conn, THANKS, OPENING)
    assert kb["trade_talk"] is True and kb["no_plumbing"] is True
    assert kb["found"] is False and kb["choices"] == [] and kb["describe"] is None
    assert kb["article_safety_rule"] is None


def test_never_with_a_safety_rule_a_pending_question_or_no_greeting(conn: psycopg.Connection) -> None:
    assert find(conn, THANKS, OPENING, safety_rule="gas")["trade_talk"] is False
    pending = {"question": "el lavabo gotea", "choices": [{"slug": "x", "title": "X"}]}
    assert find(conn, THANKS, OPENING, pending=pending)["trade_talk"] is False
    assert find(conn, THANKS, None)["trade_talk"] is False          # the router found no greeting
    question = "buenas tardes, el lavabo del cliente pierde agua por el sifón"
    kb = find(conn, question, {"reply": "¡Hola!", "rest": "el lavabo del cliente pierde agua por el sifon", "asks": False})
    assert kb["trade_talk"] is False and kb["no_plumbing"] is False and (kb["found"] or kb["describe"] or kb["choices"])


def converse(conn: psycopg.Connection, question: str, metadata: dict) -> str:
    """A stored plumber message and its stored friendly reply, as the chat workflow writes them."""
    conversation, question_id, answer_id = f"web:test-{uuid.uuid4().hex[:12]}", str(uuid.uuid4()), f"reply:{uuid.uuid4()}"
    conn.execute("INSERT INTO conversations (id, channel) VALUES (%s, 'web')", (conversation,))
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text) VALUES (%s, %s, 'user', 'web', %s)",
                 (question_id, conversation, question))
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, in_reply_to, metadata) "
                 "VALUES (%s, %s, 'assistant', 'web', '¡Hola!', %s, %s::jsonb)",
                 (answer_id, conversation, question_id, json.dumps(metadata)))
    return answer_id


def listed(conn: psycopg.Connection) -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT answer_id, question, reason FROM kb_open_misses")}


BASE = {"grounded": False, "sources": [], "safety_rule": None, "small_talk": True}


def test_friendly_replies_that_read_as_questions_are_listed_for_staff(conn: psycopg.Connection) -> None:
    trade = converse(conn, THANKS, {**BASE, "trade_talk": True, "talk_rest": OPENING["rest"]})
    first = converse(conn, "¿y el latiguillo?", {**BASE, "no_plumbing": True, "talk_rest": "¿y el latiguillo?"})
    asked = converse(conn, "hola, ¿la familia?", {**BASE, "talk_rest": "la familia", "talk_asks": True})
    hola = converse(conn, "hola", BASE)
    family = converse(conn, "qué tal la familia, todo tranquilo por allá",
                      {**BASE, "no_plumbing": True, "talk_rest": "la familia todo tranquilo por alla"})
    # read once, when stored (trigger kb_friendly_reply_read): the list does not read the words again
    stored = dict(conn.execute("SELECT id, metadata ->> 'talk_question' FROM messages WHERE id = ANY(%s)",
                               ([trade, first, asked, hola, family],)).fetchall())
    assert stored == {trade: "true", first: "true", asked: "true", hola: None, family: "false"}
    misses = listed(conn)
    assert misses[trade] == (THANKS, "friendly")
    assert misses[first] == ("¿y el latiguillo?", "friendly")
    assert misses[asked] == ("hola, ¿la familia?", "friendly")
    assert hola not in misses and family not in misses
    page = conn.execute("SELECT kb_misses_page('', true)").fetchone()[0]
    assert "¿y el latiguillo?" in page and "parece una pregunta" in page
    # staff decide on it as on any miss: it leaves the list
    assert conn.execute("SELECT kb_miss_decide(%s, 'dismiss')", (first,)).fetchone()[0]["ok"] is True
    assert first not in listed(conn)
    conn.execute("UPDATE kb_settings SET value = 'false' WHERE key = 'list_friendly_questions'")   # staff: off
    assert trade not in listed(conn) and asked not in listed(conn)


def test_reads_as_a_question(conn: psycopg.Connection) -> None:
    reads = lambda words, asks=False: conn.execute(  # noqa: E731
        "SELECT kb_talk_reads_as_question(%s, %s)", (words, asks)).fetchone()[0]
    assert reads("¿me oyes?") and reads("cuanto tarda", False) and reads("el latiguillo") and reads("la familia", True)
    assert not reads("la familia todo tranquilo por alla") and not reads("") and not reads(None)
