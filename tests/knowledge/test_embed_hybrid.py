"""bench/quality/embed_hybrid.py (issue 13, item 1: would an embedding model help the search?): the fusion
rules it measures, and the held-out set it is measured on (eval/dev-embed.jsonl) names real articles."""

from __future__ import annotations

import psycopg

from bench.quality.embed_hybrid import load, rrf, tiebreak
from eval.retrieval import ROOT

DEV = ROOT / "eval" / "dev-embed.jsonl"


def test_rrf_adds_the_two_rankings_reciprocally() -> None:
    # b: 1/62 + 1/61 beats a: 1/61 + 1/63; c is only in the second ranking
    assert rrf(["a", "b"], ["b", "c", "a"]) == ["b", "a", "c"]
    assert rrf([], ["x", "y"]) == ["x", "y"]


def test_tiebreak_reorders_only_close_candidates_and_never_adds_one() -> None:
    scored = [("a", 2.0), ("b", 1.9), ("c", 1.0)]
    cosines = {"a": 0.1, "b": 0.9, "c": 1.0, "d": 1.0}
    # b is within 0.9 of a's score and much closer in meaning: it goes first; c is too far behind to move; d
    # (not found by the search) never enters
    assert tiebreak(scored, cosines, near=0.9, weight=1.0) == ["b", "a", "c"]
    assert tiebreak(scored, cosines, near=0.9, weight=0.0) == ["a", "b", "c"]
    assert tiebreak([], cosines, near=0.9, weight=1.0) == []


def test_the_dev_set_names_real_articles_and_has_off_topic_questions(conn: psycopg.Connection) -> None:
    items = load(DEV)
    assert len(items) >= 50 and len({i["id"] for i in items}) == len(items)
    slugs = {r[0] for r in conn.execute("SELECT slug FROM kb_articles WHERE active").fetchall()}
    assert {i["article"] for i in items if i["article"]} <= slugs
    assert sum(i["article"] is None for i in items) >= 5
    assert {i["kind"] for i in items} <= {"plain", "regional", "typo", "speech", "offtopic"}


def test_labels_kept_apart_give_each_question_its_article(tmp_path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text('{"id": "a", "question": "se tapó la tarja"}\n{"id": "b", "question": "hola"}\n')
    items = load(questions, {"a": "fregadero-atascado-sifon", "b": None})
    assert [(i["id"], i["article"]) for i in items] == [("a", "fregadero-atascado-sifon"), ("b", None)]
    assert load(questions) == []  # without labels, only lines that name their article count
