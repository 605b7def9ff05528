"""Stop 38: judging someone else's work, neighbouring articles of one family, several faults in one message (tuning
set eval/dev-judge-14.jsonl and safety checklist bench/quality/safety-14-tune.jsonl, bench/quality/JUDGE-38.md), and
words' counts taken over a fixed reference of articles (kb_articles.rarity_reference, kb_lexicon.nplace_reference).
Every question here is from a tuning set, never from a held-out split."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from tests.support.tuning_set import checklist_problems, labels_not_articles, questions_copied_as_examples

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval"
CHECKLIST = ROOT / "bench" / "quality" / "safety-14-tune.jsonl"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_set_is_written_and_labelled() -> None:
    questions = rows(EVAL / "dev-judge-14.jsonl")
    labels = json.loads((EVAL / "dev-judge-14-labels.json").read_text())
    also = json.loads((EVAL / "dev-judge-14-also.json").read_text())
    ids = [row["id"] for row in questions]
    assert len(ids) == len(set(ids)) >= 60 and all(i.startswith("dj14-") and row["question"]
                                                  for i, row in zip(ids, questions))
    assert set(labels) == set(ids) and set(also) <= set(ids)
    assert all(labels[i] for i in also), "an 'also' only where there is a label"
    assert sum(label is None for label in labels.values()) >= 3, "some jobs the base does not cover"
    assert {row["kind"] for row in questions} >= {"j1", "j2", "j3"}
    assert sum(bool(row["danger"]) for row in questions) >= 10


def test_every_label_is_an_article(conn: psycopg.Connection) -> None:
    missing = labels_not_articles(conn, "dev-judge-14")
    assert not missing, missing


def test_no_example_question_copies_a_question_of_the_set(conn: psycopg.Connection) -> None:
    assert not questions_copied_as_examples(conn, "dev-judge-14")


def test_the_checklist_names_real_rules(conn: psycopg.Connection) -> None:
    problems = checklist_problems(conn, CHECKLIST)
    assert not problems, problems


# -- words' counts over a fixed reference of articles ------------------------------------------------------------

# test_kb_steal_32's near-tie: on main the rising-pressure article led the losing-pressure one by a thousandth;
# stop 37's new article (reabrir-instalacion-cerrada) shares words with both and, counted live, turned it.
NEAR_TIE = "la presión de la caldera sube hasta casi 3 bar cuando se calientan los radiadores"
# an article about something else that says words of that question ("agua", "caliente", "presión", "sube", "radiadores")
SHARING = ("zz-otro-trabajo-comun", "Agua caliente y presión: un trabajo inventado",
           "El agua caliente sube de presión en los radiadores y la caldera.", "agua caliente, presion, radiadores")


def scores(conn: psycopg.Connection, question: str) -> list[tuple[str, float]]:
    return conn.execute("SELECT slug, score FROM kb_search_rows(%s) WHERE slug NOT LIKE 'zz-%%' "
                        "ORDER BY score DESC, slug", (question,)).fetchall()


def add_sharing(conn: psycopg.Connection) -> None:
    conn.execute("INSERT INTO kb_articles (slug, title, problem, keywords) VALUES (%s, %s, %s, %s)",
                 (SHARING[0], SHARING[1], SHARING[2], SHARING[3]))


def test_every_article_before_stop_37s_file_is_in_the_reference_and_its_article_is_not(conn: psycopg.Connection) -> None:
    outside = {slug for (slug,) in conn.execute("SELECT slug FROM kb_articles WHERE NOT rarity_reference")}
    assert outside == {"reabrir-instalacion-cerrada"}, outside
    # made once: calling it again marks nothing
    assert conn.execute("SELECT kb_make_rarity_reference()").fetchone()[0] == 0


def test_a_new_article_moves_no_score_of_the_words_it_shares(conn: psycopg.Connection) -> None:
    before = scores(conn, NEAR_TIE)
    add_sharing(conn)
    assert scores(conn, NEAR_TIE) == before   # every older article's score, to the last bit
    assert [slug for slug, _ in before[:1]] == ["caldera-presion-sube"]


def test_counted_over_every_article_the_same_new_article_moves_them(conn: psycopg.Connection) -> None:
    """As before stop 38 (the new article counted too): the test above can fail."""
    add_sharing(conn)
    moved_reference = scores(conn, NEAR_TIE)
    conn.execute("UPDATE kb_articles SET rarity_reference = true WHERE slug = %s", (SHARING[0],))
    assert scores(conn, NEAR_TIE) != moved_reference


def test_a_word_only_new_articles_have_is_counted_live(conn: psycopg.Connection) -> None:
    """A stem no reference article has counts over every active article: a second new article that says it makes it
    commoner (test_kb_reference_36's frobnicador, which no seeded article has)."""
    question = "el zorglub del frobnicador chirria"
    conn.execute("INSERT INTO kb_articles (slug, title, problem, keywords) VALUES "
                 "('zz-frobnicador-uno', 'Frobnicador que chirría', 'El zorglub chirría.', 'frobnicador, zorglub')")
    (first,) = conn.execute("SELECT score FROM kb_search_rows(%s) WHERE slug = 'zz-frobnicador-uno'",
                            (question,)).fetchone()
    conn.execute("INSERT INTO kb_articles (slug, title, problem, keywords) VALUES "
                 "('zz-frobnicador-dos', 'Frobnicador que gotea', 'El frobnicador gotea.', 'frobnicador')")
    (second,) = conn.execute("SELECT score FROM kb_search_rows(%s) WHERE slug = 'zz-frobnicador-uno'",
                             (question,)).fetchone()
    assert second < first
