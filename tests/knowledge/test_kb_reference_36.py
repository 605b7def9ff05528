"""Stop 36: the search counts rarity and the length discount against a fixed reference (kb_settings
'rarity_articles', 'length_average_title', 'length_average_examples'; n8n-workflows/knowledge/schema.sql,
bench/quality/LAY-36.md), not against the live base.

Until stop 36 every article added or retired moved every score a little (the number of active articles is in every
word's rarity, the average lengths in every article's length discount), and questions whose second article sat
within a hundredth of kb_ask_ratio() flipped between answered and asked at every stop (JOBS-35.md, "Left";
test_kb_recall_30's question was at 0.7995 of the best). With one invented article about nothing these questions
say, 13 of the 1,943 labelled tuning questions changed what kb_answer does on main, these four between answering and
asking. The questions are from the tuning sets (dev-topics, dev-facts-1, dev-jobs-8), never from a held-out split."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from tests.support.invented_articles import set_kb_setting as setting

ROOT = Path(__file__).resolve().parents[2]

# (tuning set, id): each changed between answered and asked (or found nothing) on main when the article below was added
MOVED_ON_MAIN = (("dev-topics", "tp-144"), ("dev-facts-1", "df-081"), ("dev-facts-1", "df-092"),
                 ("dev-jobs-8", "dj8-144"))
# test_kb_recall_30's question, half a thousandth under kb_ask_ratio() at stop 35
RECALL_30 = "el sanitario se queda descargndo, el agua sigue pasando a la taza, q repuesto es"

# an article about an invented appliance: no word of it is in any question above
UNRELATED = ("zz-frobnicador-zorglub", "Frobnicador que chirría: engrasar el zorglub",
             "El zorglub del frobnicador se seca y chirría.", "Chirrido al arrancar.",
             "1. Cortar la corriente.\n2. Engrasar el zorglub.\n3. Probar.", "frobnicador, zorglub, chirrido")


def tuning_questions() -> list[str]:
    found = []
    for name, wanted in MOVED_ON_MAIN:
        rows = [json.loads(line) for line in (ROOT / "eval" / f"{name}.jsonl").read_text().splitlines() if line]
        found += [row["question"] for row in rows if row["id"] == wanted]
    assert len(found) == len(MOVED_ON_MAIN)
    return found + [RECALL_30]


def decisions(conn: psycopg.Connection, questions: list[str]) -> list[tuple]:
    """What kb_answer does with each question: the article it answers with, or the cases it asks between."""
    out = []
    for question in questions:
        slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (question,)).fetchone()
        out.append(("ask", tuple(c["slug"] for c in choices)) if choices else ("answer", tuple(slugs[:1])))
    return out


def add_unrelated(conn: psycopg.Connection) -> None:
    conn.execute("INSERT INTO kb_articles (slug, title, problem, symptoms, procedure, keywords) "
                 "VALUES (%s, %s, %s, %s, %s, %s)", UNRELATED)


def test_an_unrelated_article_changes_no_decision(conn: psycopg.Connection) -> None:
    questions = tuning_questions()
    before = decisions(conn, questions)
    scores_before = conn.execute("SELECT slug, score FROM kb_search_rows(%s) ORDER BY score DESC, id",
                                 (RECALL_30,)).fetchall()
    active = conn.execute("SELECT count(*) FROM kb_articles WHERE active").fetchone()[0]
    add_unrelated(conn)
    assert conn.execute("SELECT count(*) FROM kb_articles WHERE active").fetchone()[0] == active + 1
    assert decisions(conn, questions) == before
    # not only the decisions: every score is the same to the last bit
    assert conn.execute("SELECT slug, score FROM kb_search_rows(%s) ORDER BY score DESC, id",
                        (RECALL_30,)).fetchall() == scores_before


def test_counted_on_the_live_base_the_same_article_moves_them(conn: psycopg.Connection) -> None:
    """As before stop 36 (each reference 0: the live count and averages): the article moves decisions, so the test
    above can fail."""
    for key in ("rarity_articles", "length_average_title", "length_average_examples"):
        setting(conn, key, "0")
    questions = tuning_questions()
    before = decisions(conn, questions)
    add_unrelated(conn)
    after = decisions(conn, questions)
    moved = [q for q, b, a in zip(questions, before, after) if b[0] != a[0] or (b[0] == "answer" and b != a)]
    assert moved, list(zip(questions, before, after))   # on main four of them; here at least one


def test_a_word_in_more_articles_still_counts_less(conn: psycopg.Connection) -> None:
    """The reference fixes the base's size, not each word's count: an article that has a word still makes that word
    commoner (a question's score from it falls)."""
    question = "el zorglub del frobnicador chirria"
    add_unrelated(conn)
    (first,) = conn.execute("SELECT score FROM kb_search_rows(%s) WHERE slug = %s", (question, UNRELATED[0])).fetchone()
    conn.execute("INSERT INTO kb_articles (slug, title, problem, keywords) VALUES "
                 "('zz-frobnicador-otro', 'Frobnicador que gotea', 'El frobnicador gotea.', 'frobnicador')")
    (second,) = conn.execute("SELECT score FROM kb_search_rows(%s) WHERE slug = %s", (question, UNRELATED[0])).fetchone()
    assert second < first
