"""Invented articles for the tests of the knowledge search's asking rules (tests/knowledge/test_kb_ask_between.py,
test_kb_ask_33.py, test_kb_ask_signals.py, test_kb_recall_30.py): a made-up appliance, the "frobnicador", so that
no seeded article shares its words, and the helpers those tests shared as copies until stop 34 (speed34).

The rules are tested around the scores the search gives these articles, whatever those are; the tests set the
thresholds (rows of kb_settings) in their own transaction, which the ``conn`` fixture rolls back."""

from __future__ import annotations

import psycopg

# Two articles of the same appliance that one question fits, the second a little less (the asking tests' pair).
QUESTION = "el zorglub del frobnicador de la casa arranca y para cada poco"   # "casa": not all in a title
BEST = ("zz-frobnicador-presostato", "Frobnicador que arranca y para cada poco: ajustar el zorglub",
        "El zorglub del frobnicador arranca y para cada poco.", "frobnicador, zorglub, arranca, para")
SECOND = ("zz-frobnicador-calderin", "Calderín del frobnicador sin aire: recargarlo",
          "El frobnicador arranca seguido cuando su calderín pierde el aire.", "frobnicador, calderin")

PROCEDURE = "1. Cortar la corriente.\n2. Revisar la pieza.\n3. Probar."


def add_article(conn: psycopg.Connection, slug: str, title: str, problem: str, keywords: str,
                procedure: str = PROCEDURE) -> None:
    """An article of the test's own (rolled back with its transaction)."""
    conn.execute("INSERT INTO kb_articles (slug, title, problem, procedure, keywords) VALUES (%s, %s, %s, %s, %s)",
                 (slug, title, problem, procedure, keywords))


def set_kb_setting(conn: psycopg.Connection, key: str, value: str) -> None:
    """A row of kb_settings for this test only (the conn fixture rolls it back)."""
    assert conn.execute("UPDATE kb_settings SET value = %s WHERE key = %s", (value, key)).rowcount == 1, key


def choices_offered(conn: psycopg.Connection, question: str = QUESTION) -> list[str]:
    """The slugs kb_choices offers for the question (none: the first article answers)."""
    return [c["slug"] for c in conn.execute("SELECT kb_choices(%s)", (question,)).fetchone()[0]]
