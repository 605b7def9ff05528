"""Stop 22's signals that the first article may be wrong (n8n-workflows/knowledge/answer.sql, kb_choices):

- likeness: another article scores at least kb_ask_trigram_ratio() of the best and its title or an example
  question is more like the question, letter for letter (kb_likeness), than the best article's: ask;
- lone neighbours: the search finds one article, and a neighbour scoring about as well just under the search's
  thresholds counts as a candidate (kb_ask_lone_neighbours()).

The articles here are invented (made-up part names), so the tests follow the rule, not the seeded base: the
thresholds are set around the scores the search gives them, whatever those are."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.support.invented_articles import add_article

# a made-up appliance, so that no seeded article shares its words
QUESTION = "el quimbo del frobnicador zorglub hace ruido"
BEST = ("zz-quimbo", "Quimbo del frobnicador zorglub: desmontar, limpiar, engrasar y volver a montar todas las piezas",
        "El quimbo del frobnicador zorglub hace ruido.", "quimbo, frobnicador, zorglub")
# an article whose title reads much like the question, with fewer of its words: scores a little less
LIKE = ("zz-mecanismo-ruido", "Desmontar y engrasar el mecanismo de un frobnicador zorglub que hace ruido",
        "El frobnicador zorglub hace ruido.", "frobnicador, zorglub")
# the same job, with a title that reads nothing like the question
UNLIKE = ("zz-mecanismo", "Desmontar, revisar y engrasar por completo el mecanismo de un frobnicador zorglub",
          "El frobnicador zorglub hace ruido.", "frobnicador, zorglub")


def add(conn: psycopg.Connection, slug: str, title: str, problem: str, keywords: str) -> None:
    add_article(conn, slug, title, problem, keywords, procedure="1. Cortar el agua.\n2. Revisar la pieza.")


def scores(conn: psycopg.Connection, question: str = QUESTION) -> dict[str, float]:
    return {slug: score for slug, score in conn.execute("SELECT slug, score FROM kb_search(%s, 3)", (question,))}


def likeness(conn: psycopg.Connection, slug: str, question: str = QUESTION) -> float:
    return conn.execute("SELECT kb_likeness(%s, %s)", (question, slug)).fetchone()[0]


def offered(conn: psycopg.Connection, ratio: float | None = None, trigram: float | None = None,
            question: str = QUESTION) -> list[str]:
    choices = conn.execute("SELECT kb_choices(%s, %s, %s)", (question, ratio, trigram)).fetchone()[0]
    return [c["slug"] for c in choices]


def setting(conn: psycopg.Connection, name: str, kind: str, value: str) -> None:
    """A search setting (a row of kb_settings) for this test only (the conn fixture rolls it back)."""
    assert conn.execute("UPDATE kb_settings SET value = %s WHERE 'kb_' || key = %s", (value, name)).rowcount == 1


def test_likeness_compares_letters_of_the_title_or_an_example(conn: psycopg.Connection) -> None:
    add(conn, *BEST)
    title = BEST[1]
    assert likeness(conn, BEST[0], title) == pytest.approx(1.0)
    assert likeness(conn, BEST[0], title.upper()) == pytest.approx(1.0), "case does not matter"
    assert likeness(conn, BEST[0], title.replace("a", "á")) == pytest.approx(1.0), "accents do not matter"
    assert likeness(conn, BEST[0], "se rompió la cisterna del inodoro") < 0.2
    conn.execute("INSERT INTO kb_examples (article_slug, question) VALUES (%s, %s)",
                 (BEST[0], "mi trasto zumba raro cuando lo enciendo"))
    assert likeness(conn, BEST[0], "mi trasto zumba raro cuando lo enciendo") == pytest.approx(1.0), \
        "an example question counts as the title does"
    assert likeness(conn, "zz-no-such-article", title) == 0


def test_a_close_article_that_reads_more_like_the_question_is_offered(conn: psycopg.Connection) -> None:
    add(conn, *BEST)
    add(conn, *LIKE)
    found = scores(conn)
    ratio = found[LIKE[0]] / found[BEST[0]]
    assert list(found)[:2] == [BEST[0], LIKE[0]] and ratio < 1, found
    assert likeness(conn, LIKE[0]) > likeness(conn, BEST[0]), "the fixture: the second reads more like it"
    # the ratio rule alone (its ratio just above the second's) does not ask; the likeness rule does
    assert offered(conn, ratio + 0.01, ratio + 0.01) == [], "likeness off (its ratio >= the ask ratio)"
    assert offered(conn, ratio + 0.01, ratio - 0.01) == [BEST[0], LIKE[0]]
    # and only for an article scoring at least its ratio of the best
    assert offered(conn, ratio + 0.01, ratio + 0.005) == []


def test_a_close_article_that_reads_less_like_the_question_is_not_offered(conn: psycopg.Connection) -> None:
    add(conn, *BEST)
    add(conn, *UNLIKE)
    found = scores(conn)
    ratio = found[UNLIKE[0]] / found[BEST[0]]
    assert list(found)[:2] == [BEST[0], UNLIKE[0]], found
    assert likeness(conn, UNLIKE[0]) < likeness(conn, BEST[0]), "the fixture: the best reads more like it"
    assert offered(conn, ratio + 0.01, ratio - 0.01) == [], "the letters agree with the search: answer"
    assert offered(conn, ratio - 0.01, ratio - 0.01) == [BEST[0], UNLIKE[0]], "the ratio rule still asks"


def test_the_default_settings(conn: psycopg.Connection) -> None:
    ask, trigram, lone = conn.execute(
        "SELECT kb_ask_ratio(), kb_ask_trigram_ratio(), kb_ask_lone_neighbours()").fetchone()
    assert 0 < trigram < ask <= 1 and lone is True


def test_a_lone_match_with_a_neighbour_just_under_the_thresholds_is_asked(conn: psycopg.Connection) -> None:
    add(conn, *BEST)
    add(conn, *UNLIKE)
    found = scores(conn)
    ratio = found[UNLIKE[0]] / found[BEST[0]]
    # a stricter search finds only the best article (it has every word of the question); the neighbour falls
    # just under the threshold
    setting(conn, "kb_min_score", "double precision", str(found[BEST[0]] * 0.97))
    assert list(scores(conn)) == [BEST[0]], "the fixture: a lone match"
    assert offered(conn, ratio - 0.01, 1.01) == [BEST[0], UNLIKE[0]], "its neighbour is a candidate"
    assert offered(conn, ratio + 0.01, 1.01) == [], "but only when it scores at least the ask ratio"
    setting(conn, "kb_ask_lone_neighbours", "boolean", "false")
    assert offered(conn, ratio - 0.01, 1.01) == [], "switched off: a lone match is answered"


def test_kb_answer_asks_and_the_pick_answers_as_before(conn: psycopg.Connection) -> None:
    """The likeness rule at the deployed settings' places: kb_answer's contract with the chat workflow
    (choices of {slug, title}; the plumber's pick answers the first question) is the ratio rule's."""
    add(conn, *BEST)
    add(conn, *LIKE)
    found = scores(conn)
    ratio = found[LIKE[0]] / found[BEST[0]]
    setting(conn, "kb_ask_ratio", "double precision", str(ratio + 0.01))
    setting(conn, "kb_ask_trigram_ratio", "double precision", str(ratio - 0.01))
    row = conn.execute("SELECT found, slugs, choices, asked, picked FROM kb_answer(%s, '')", (QUESTION,)).fetchone()
    found_any, slugs, choices, asked, picked = row
    assert found_any and slugs == [BEST[0]] and asked == QUESTION and picked is None
    assert [c["slug"] for c in choices] == [BEST[0], LIKE[0]] and all(set(c) == {"slug", "title"} for c in choices)
    pending = json.dumps({"question": QUESTION, "choices": choices})
    hit = conn.execute("SELECT found, slugs, picked, asked, choices FROM kb_answer(%s, '', %s::jsonb)",
                       ("2", pending)).fetchone()
    assert hit == (True, [LIKE[0]], LIKE[0], QUESTION, [])
