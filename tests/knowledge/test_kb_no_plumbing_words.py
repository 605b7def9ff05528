"""Does a message that found nothing name anything of the trade? (kb_no_plumbing_words, knowledge/answer.sql;
issue 13 item 4, eval/DEV-SMALLTALK-3.md). Small talk the phrase list does not know and questions that are not
about plumbing do not: the chat gives them the friendly no_plumbing_text instead of "no estoy seguro". A message
with words of the trade, a long one, or a short follow-up with one trade word after earlier messages does: it
stays on the "not sure" path, a miss listed for staff. Own examples, written for this test (none from an eval
set)."""

from __future__ import annotations

import psycopg
import pytest

NO_PLUMBING = [
    "qué tal la familia, todo tranquilo por allá",
    "¿me echas una mano?",
    "buenas madrugadas, compañero",
    "👋👋",
    "gracias crack, eres grande",
    "ey",
]
PLUMBING = [
    "la bomba de la piscina hace espuma en el skimmer",   # nothing found, words of the trade
    "tengo un problema con el tubo de la cocina",
    "el latiguillo del lavabo está hinchado",
    "radiador frío",   # one word of the trade and another the articles use: a job the base lacks, a miss
]


def no_plumbing(conn: psycopg.Connection, text: str, previous: str = "") -> bool:
    return conn.execute("SELECT kb_no_plumbing_words(%s, %s)", (text, previous)).fetchone()[0]


@pytest.mark.parametrize("text", NO_PLUMBING)
def test_small_talk_and_other_topics_name_nothing_of_the_trade(conn: psycopg.Connection, text: str) -> None:
    assert no_plumbing(conn, text)


@pytest.mark.parametrize("text", PLUMBING)
def test_words_of_the_trade_are_a_plumbing_question(conn: psycopg.Connection, text: str) -> None:
    assert not no_plumbing(conn, text)


def test_after_earlier_messages_one_trade_word_is_a_follow_up(conn: psycopg.Connection) -> None:
    [(stems,)] = conn.execute("SELECT count(DISTINCT q.lexeme) FROM kb_analyze('¿y en cobre?') q "
                              "JOIN kb_lexicon l ON l.lexeme = q.lexeme WHERE l.vocabulary").fetchall()
    assert stems == 1
    # alone, in a new conversation: since stop 32 a turn ("y en", "y el": kb_talk_job_words) to one word of the trade
    # is a follow-up without its question, a miss listed for staff, not the friendly reply (TALK-32.md)
    assert not no_plumbing(conn, "¿y en cobre?")
    assert no_plumbing(conn, "¿en cobre?")
    assert not no_plumbing(conn, "¿y en cobre?", "tengo que soldar una tubería")
    assert no_plumbing(conn, "👍", "tengo que soldar una tubería")


def test_only_a_short_message_and_staff_can_turn_it_off(conn: psycopg.Connection) -> None:
    text = "qué tal la familia, todo tranquilo por allá"
    assert no_plumbing(conn, text)
    conn.execute("UPDATE kb_settings SET value = '5' WHERE key = 'talk_max_words'")  # staff shorten it
    assert not no_plumbing(conn, text) and no_plumbing(conn, "¿me echas una mano?")
    conn.execute("UPDATE kb_settings SET value = '0' WHERE key = 'talk_max_words'")  # or turn it off
    assert not no_plumbing(conn, "ey")
