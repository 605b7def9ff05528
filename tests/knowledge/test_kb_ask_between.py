"""Pairs of articles to ask between (table kb_ask_between, schema.sql; the rule in answer.sql, kb_choices; seeded in
seed-ask-between.sql): when the search's best two articles are an active pair and the second scores at least
kb_ask_pair_ratio() of the best, the chat asks which case it is instead of answering with the first.

The rule is tested on invented articles (a made-up appliance), with the thresholds set around the scores the search
gives them, whatever those are; the seeded pairs on questions worded for these tests (not from the evaluation
files)."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.knowledge.conftest import KNOWLEDGE
from tests.knowledge.kb_queries import answered
from tests.support.invented_articles import BEST, QUESTION, SECOND
from tests.support.invented_articles import add_article as add
from tests.support.invented_articles import choices_offered as offered
from tests.support.invented_articles import set_kb_setting as setting

@pytest.fixture
def ratio(conn: psycopg.Connection) -> float:
    """The two invented articles, the other rules switched off; the second's score over the best's."""
    add(conn, *BEST)
    add(conn, *SECOND)
    setting(conn, "ask_ratio", "1.01")
    setting(conn, "ask_trigram_ratio", "1.01")
    found = [(s, v) for s, v in conn.execute("SELECT slug, score FROM kb_search(%s, 3, 0, 0)", (QUESTION,))]
    assert [s for s, _ in found[:2]] == [BEST[0], SECOND[0]], found
    assert offered(conn) == [], "without a pair, the first answers"
    return found[1][1] / found[0][1]


def test_a_pair_of_the_best_two_asks_between_them(conn: psycopg.Connection, ratio: float) -> None:
    setting(conn, "ask_pair_ratio", str(ratio - 0.01))
    conn.execute("INSERT INTO kb_ask_between (article_a, article_b, note) VALUES (%s, %s, 'prueba')",
                 (SECOND[0], BEST[0]))      # either order
    assert offered(conn) == [BEST[0], SECOND[0]], "best first, as the other rules offer"
    # the second must be close enough
    setting(conn, "ask_pair_ratio", str(ratio + 0.01))
    assert offered(conn) == []
    setting(conn, "ask_pair_ratio", str(ratio - 0.01))
    # a row switched off no longer asks; the next question sees it
    conn.execute("UPDATE kb_ask_between SET active = false WHERE article_a = %s", (SECOND[0],))
    assert offered(conn) == []


def test_a_pair_for_one_order_asks_only_when_its_first_article_is_found_first(conn: psycopg.Connection,
                                                                             ratio: float) -> None:
    setting(conn, "ask_pair_ratio", str(ratio - 0.01))
    conn.execute("INSERT INTO kb_ask_between (article_a, article_b, a_first_only) VALUES (%s, %s, true)",
                 (SECOND[0], BEST[0]))
    assert offered(conn) == [], "the best article is not article_a"
    conn.execute("UPDATE kb_ask_between SET article_a = %s, article_b = %s WHERE article_a = %s",
                 (BEST[0], SECOND[0], SECOND[0]))
    assert offered(conn) == [BEST[0], SECOND[0]]


def test_only_the_best_two_count(conn: psycopg.Connection, ratio: float) -> None:
    """A pair of the best with an article further down, or of two others, does not ask."""
    setting(conn, "ask_pair_ratio", "0.01")
    add(conn, "zz-otro", "Otra cosa", "Nada que ver.", "tornillo")
    conn.execute("INSERT INTO kb_ask_between (article_a, article_b) VALUES (%s, 'zz-otro')", (BEST[0],))
    conn.execute("INSERT INTO kb_ask_between (article_a, article_b) VALUES (%s, 'zz-otro')", (SECOND[0],))
    assert offered(conn) == []


def test_a_pair_adds_nothing_when_the_ratio_rule_already_asks(conn: psycopg.Connection, ratio: float) -> None:
    setting(conn, "ask_ratio", str(ratio - 0.01))
    asked = offered(conn)
    assert asked[:2] == [BEST[0], SECOND[0]]
    conn.execute("INSERT INTO kb_ask_between (article_a, article_b) VALUES (%s, %s)", (BEST[0], SECOND[0]))
    setting(conn, "ask_pair_ratio", "0.01")
    assert offered(conn) == asked, "each case once"


def test_the_title_rule_still_answers_a_question_that_names_its_article(conn: psycopg.Connection,
                                                                         ratio: float) -> None:
    setting(conn, "ask_pair_ratio", "0.01")
    conn.execute("INSERT INTO kb_ask_between (article_a, article_b) VALUES (%s, %s)", (BEST[0], SECOND[0]))
    title = "frobnicador que arranca y para cada poco, ajustar el zorglub"
    assert conn.execute("SELECT slug FROM kb_search(%s, 1)", (title,)).fetchone()[0] == BEST[0]
    assert offered(conn, title) == []


def test_the_plumbers_pick_is_answered(conn: psycopg.Connection, ratio: float) -> None:
    setting(conn, "ask_pair_ratio", str(ratio - 0.01))
    conn.execute("INSERT INTO kb_ask_between (article_a, article_b) VALUES (%s, %s)", (BEST[0], SECOND[0]))
    found, slugs, choices = conn.execute("SELECT found, slugs, choices FROM kb_answer(%s, '')",
                                         (QUESTION,)).fetchone()
    assert found and [c["slug"] for c in choices] == [BEST[0], SECOND[0]]
    pending = json.dumps({"question": QUESTION, "choices": choices})
    picked, slugs = conn.execute("SELECT picked, slugs FROM kb_answer('2', '', %s::jsonb)", (pending,)).fetchone()
    assert picked == SECOND[0] and slugs == [SECOND[0]]


# --- the table: staff rows, refused rows ------------------------------------------------------------------------

def test_a_pair_is_written_once_whatever_the_order(conn: psycopg.Connection) -> None:
    conn.execute("INSERT INTO kb_ask_between (article_a, article_b) VALUES ('presion-agua-baja', 'aireador-limpiar-cambiar')")
    with pytest.raises(psycopg.errors.UniqueViolation):
        conn.execute("INSERT INTO kb_ask_between (article_a, article_b) "
                     "VALUES ('aireador-limpiar-cambiar', 'presion-agua-baja')")


@pytest.mark.parametrize("a, b, error", [
    ("presion-agua-baja", "presion-agua-baja", psycopg.errors.CheckViolation),
    ("presion-agua-baja", "no-existe", psycopg.errors.ForeignKeyViolation),
])
def test_a_pair_of_one_article_or_of_a_missing_one_is_refused(conn: psycopg.Connection, a: str, b: str,
                                                              error: type) -> None:
    with pytest.raises(error):
        conn.execute("INSERT INTO kb_ask_between (article_a, article_b) VALUES (%s, %s)", (a, b))


def test_rows_follow_their_article_when_renamed_or_deleted(conn: psycopg.Connection) -> None:
    conn.execute("INSERT INTO kb_ask_between (article_a, article_b) VALUES ('presion-agua-baja', 'aireador-limpiar-cambiar')")
    conn.execute("UPDATE kb_articles SET slug = 'presion-baja' WHERE slug = 'presion-agua-baja'")
    assert conn.execute("SELECT kb_is_ask_pair('aireador-limpiar-cambiar', 'presion-baja')").fetchone()[0]
    conn.execute("DELETE FROM kb_articles WHERE slug = 'presion-baja'")
    assert conn.execute("SELECT count(*) FROM kb_ask_between WHERE 'presion-baja' IN (article_a, article_b)"
                        ).fetchone()[0] == 0


def test_the_seed_never_switches_a_pair_back_on_nor_adds_it_twice(conn: psycopg.Connection) -> None:
    rows = conn.execute("SELECT id, article_a, article_b FROM kb_ask_between WHERE source = 'seed'").fetchall()
    assert rows
    conn.execute("UPDATE kb_ask_between SET active = false, note = 'no nos sirve' WHERE id = %s", (rows[0][0],))
    conn.execute((KNOWLEDGE / "seed-ask-between.sql").read_text())
    assert conn.execute("SELECT active, note FROM kb_ask_between WHERE id = %s", (rows[0][0],)).fetchone() == \
        (False, "no nos sirve")
    assert conn.execute("SELECT count(*) FROM kb_ask_between WHERE source = 'seed'").fetchone()[0] == len(rows)


def test_every_seeded_pair_names_two_active_articles(conn: psycopg.Connection) -> None:
    for a, b, note, active in conn.execute("""
            SELECT p.article_a, p.article_b, p.note, p.active FROM kb_ask_between p
            WHERE p.source = 'seed'"""):
        assert active and note, (a, b)
        assert conn.execute("SELECT count(*) FROM kb_articles WHERE slug IN (%s, %s) AND active",
                            (a, b)).fetchone()[0] == 2, (a, b)


# --- the seeded pair: a pump that starts and stops often -------------------------------------------------------

def test_a_short_cycling_pump_asks_between_the_pump_and_its_tank(conn: psycopg.Connection) -> None:
    """The pump's article first and the tank's close: the words cannot say which (main answered the pump's)."""
    article, offered_now = answered(conn, "el hidroneumatico de la casa arranca y para muy seguido")
    assert article is None and offered_now == ["bomba-ciclos-cortos", "hidroneumatico-precarga"]
    conn.execute("UPDATE kb_ask_between SET active = false WHERE article_a = 'bomba-ciclos-cortos'")
    assert answered(conn, "el hidroneumatico de la casa arranca y para muy seguido") == ("bomba-ciclos-cortos", [])


def test_a_question_that_names_the_tanks_air_is_answered(conn: psycopg.Connection) -> None:
    """The tank's article first (the plumber named the tank and its air): the pair asks only the other way round."""
    assert answered(conn, "a cuánta presión se infla el tanque hidroneumático") == ("hidroneumatico-precarga", [])
