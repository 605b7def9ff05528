"""Shape of the third independent split (eval/independent-3.jsonl), its labels and its safety labels.

Checks only the files: no database, no stack, no scorer (tests/support/independent_split.py).
"""

from __future__ import annotations

import copy

from tests.support.independent_split import (ROOT, SplitShape, article_slugs, check_safety_labels, check_split,
                                             load_json, load_jsonl, safety_rule_slugs, satisfied_by_canned_non_answer,
                                             size_problems)

SPLIT = ROOT / "eval" / "independent-3.jsonl"
LABELS = ROOT / "eval" / "independent-3-labels.json"
SAFETY_LABELS = ROOT / "eval" / "independent-3-safety.json"
# no followup in split 3: every question is a single message
SHAPE = SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                   min_required=2, min_questions=150, min_safety=25)


def test_split_and_labels_are_sound() -> None:
    assert check_split(load_jsonl(SPLIT), load_json(LABELS), article_slugs(), SHAPE) == []


def test_knowledge_sql_yields_the_safety_rule_slugs() -> None:
    assert {"olor-a-gas", "monoxido-carbono", "agua-y-electricidad"} <= safety_rule_slugs()


def test_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLIT), load_json(SAFETY_LABELS), safety_rule_slugs()) == []


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


def test_safety_check_catches_a_broken_copy() -> None:
    questions = load_jsonl(SPLIT)
    safety = dict(load_json(SAFETY_LABELS))
    labelled = next(qid for qid, slug in safety.items() if slug)
    safety[labelled] = "no-such-rule"
    calm = next(q["id"] for q in questions if not q["safety"])
    safety[calm] = None
    problems = check_safety_labels(questions, safety, safety_rule_slugs())
    assert f"{labelled}: safety label 'no-such-rule' is not a safety rule slug" in problems
    assert f"{calm}: safety label for a question without a danger" in problems


def test_a_too_small_split_is_reported() -> None:
    questions = [q for q in load_jsonl(SPLIT) if q["kind"] != "speech"][:100]
    problems = size_problems(questions, SHAPE)
    assert any("fewer than 150" in p for p in problems) and any("kinds" in p for p in problems)
