"""Shape of the second independent split (eval/independent-2.jsonl) and its labels.

Checks only the files: no database, no stack, no scorer (tests/support/independent_split.py).
"""

from __future__ import annotations

import copy

from tests.support.independent_split import (ROOT, SplitShape, article_slugs, check_split, load_json, load_jsonl,
                                             satisfied_by_canned_non_answer, size_problems)

SPLIT = ROOT / "eval" / "independent-2.jsonl"
LABELS = ROOT / "eval" / "independent-2-labels.json"
SHAPE = SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "followup", "smalltalk", "out_of_scope"}),
                   min_required=1, min_questions=150, min_safety=20)


def test_seed_sql_yields_the_article_slugs() -> None:
    slugs = article_slugs()
    assert len(slugs) >= 80
    assert "grifo-monomando-cartucho" in slugs


def test_split_and_labels_are_sound() -> None:
    assert check_split(load_jsonl(SPLIT), load_json(LABELS), article_slugs(), SHAPE) == []


def test_split_is_large_enough_with_safety_questions() -> None:
    assert size_problems(load_jsonl(SPLIT), SHAPE) == []


def test_canned_non_answer_satisfies_no_question() -> None:
    assert satisfied_by_canned_non_answer(load_jsonl(SPLIT)) == []


def test_check_catches_a_broken_copy() -> None:
    questions = copy.deepcopy(load_jsonl(SPLIT))
    labels = dict(load_json(LABELS))
    questions.append(copy.deepcopy(questions[0]))  # duplicate id
    labelled = next(q["id"] for q in questions if labels[q["id"]])
    labels[labelled] = "no-such-article"
    problems = check_split(questions, labels, article_slugs(), SHAPE)
    assert f"duplicate id {questions[0]['id']}" in problems
    assert f"{labelled}: label 'no-such-article' is not an article slug" in problems
