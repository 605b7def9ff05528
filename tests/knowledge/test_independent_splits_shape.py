"""Shape of the independent chat splits 2 to 14 (eval/independent-2.jsonl ... eval/independent-14.jsonl), their
labels and the safety labels of splits 3 to 14.

Checks only the files: no database, no stack, no scorer (tests/support/independent_split.py). A new split is one
more ``Split`` in ``SPLITS``.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.independent_split import (ROOT, SplitShape, article_slugs, check_safety_labels, check_split,
                                             load_json, load_jsonl, safety_rule_slugs, satisfied_by_canned_non_answer,
                                             size_problems)


@dataclass(frozen=True)
class Split:
    questions: Path
    labels: Path
    shape: SplitShape


EVAL = ROOT / "eval"
SPLITS = {
    "split-2": Split(EVAL / "independent-2.jsonl", EVAL / "independent-2-labels.json",
                     SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "followup", "smalltalk",
                                                 "out_of_scope"}), min_required=1, min_questions=150, min_safety=20)),
    # no followup in split 3: every question is a single message
    "split-3": Split(EVAL / "independent-3.jsonl", EVAL / "independent-3-labels.json",
                     SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                min_required=2, min_questions=150, min_safety=25)),
    # split 4: single messages like split 3
    "split-4": Split(EVAL / "independent-4.jsonl", EVAL / "independent-4-labels.json",
                     SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                min_required=2, min_questions=150, min_safety=25)),
    # split 5: single messages like splits 3 and 4
    "split-5": Split(EVAL / "independent-5.jsonl", EVAL / "independent-5-labels.json",
                     SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                min_required=2, min_questions=150, min_safety=25)),
    # split 6: 120 single messages, about half of the in-scope ones long (2-4 sentences, field "length")
    "split-6": Split(EVAL / "independent-6.jsonl", EVAL / "independent-6-labels.json",
                     SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                min_required=2, min_questions=120, min_safety=25)),
    # split 7: 120 single messages written by twelve invented people, ten each (fields "length" and "persona")
    "split-7": Split(EVAL / "independent-7.jsonl", EVAL / "independent-7-labels.json",
                     SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                min_required=2, min_questions=120, min_safety=25)),
    # split 8: 120 single messages written from twelve invented job sites, ten each (fields "length", "site" and
    # "worker")
    "split-8": Split(EVAL / "independent-8.jsonl", EVAL / "independent-8-labels.json",
                     SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                min_required=2, min_questions=120, min_safety=25)),
    # split 9: 120 single messages written by ten invented specialists (a plumber who mostly does one kind of job),
    # twelve each (fields "length", "specialist", "specialty", "in_specialty", "place", "experience" and "day")
    "split-9": Split(EVAL / "independent-9.jsonl", EVAL / "independent-9-labels.json",
                     SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                min_required=2, min_questions=120, min_safety=25)),
    # split 10: 120 single messages written by ten invented plumbers in ten places, twelve each, most relaying what a
    # customer said on the phone or at the door (fields "length", "plumber", "place", "experience", "style", "day"
    # and "origin": customer, own or null)
    "split-10": Split(EVAL / "independent-10.jsonl", EVAL / "independent-10-labels.json",
                      SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                 min_required=2, min_questions=120, min_safety=25)),
    # split 11: 120 single messages written by ten invented plumbers in ten places over a year of seasons and
    # callbacks, twelve each (fields "length", "plumber", "place", "experience", "style", "month", "season" and
    # "callback": true when the plumber went back because a fix did not hold or changed something else, false for
    # another plumbing question, null for small talk and out of scope)
    "split-11": Split(EVAL / "independent-11.jsonl", EVAL / "independent-11-labels.json",
                      SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                 min_required=2, min_questions=120, min_safety=25)),
    # split 12: 120 single messages written by ten invented plumbers in ten countries, twelve each, judging work
    # someone else did (fields "length", "plumber", "place", "experience", "style", "whose_work" and "occasion"; the
    # last two null for small talk and out of scope)
    "split-12": Split(EVAL / "independent-12.jsonl", EVAL / "independent-12-labels.json",
                      SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                 min_required=2, min_questions=120, min_safety=25)),
    # split 13: 120 single messages written by ten invented plumbers in ten countries or regions, twelve each, each
    # working mostly in one kind of building whose plumbing has its own troubles (fields "length", "plumber",
    # "place", "experience", "style", "building" and "asks": diagnose, first, change, danger or practice for a
    # plumbing question, null for small talk and out of scope)
    "split-13": Split(EVAL / "independent-13.jsonl", EVAL / "independent-13-labels.json",
                      SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                 min_required=2, min_questions=120, min_safety=25)),
    # split 14: 120 single messages written by ten invented plumbers in ten countries or regions, twelve each, sent
    # after a first attempt did not work (fields "length", "plumber", "place", "experience", "style", "tried": what
    # was already tried, and "asks": diagnose, next, mistake, danger or change; both null for small talk and out of
    # scope)
    "split-14": Split(EVAL / "independent-14.jsonl", EVAL / "independent-14-labels.json",
                      SplitShape(kinds=frozenset({"regional", "typo", "speech", "plain", "smalltalk", "out_of_scope"}),
                                 min_required=2, min_questions=120, min_safety=35)),
}
SPLIT_3_SAFETY = EVAL / "independent-3-safety.json"
SPLIT_4_SAFETY = EVAL / "independent-4-safety.json"
SPLIT_5_SAFETY = EVAL / "independent-5-safety.json"
SPLIT_6_SAFETY = EVAL / "independent-6-safety.json"
SPLIT_7_SAFETY = EVAL / "independent-7-safety.json"
SPLIT_8_SAFETY = EVAL / "independent-8-safety.json"
SPLIT_9_SAFETY = EVAL / "independent-9-safety.json"
SPLIT_10_SAFETY = EVAL / "independent-10-safety.json"
SPLIT_11_SAFETY = EVAL / "independent-11-safety.json"
SPLIT_12_SAFETY = EVAL / "independent-12-safety.json"
SPLIT_13_SAFETY = EVAL / "independent-13-safety.json"
SPLIT_14_SAFETY = EVAL / "independent-14-safety.json"
each_split = pytest.mark.parametrize("split", SPLITS.values(), ids=SPLITS.keys())


def test_seed_sql_yields_the_article_slugs() -> None:
    slugs = article_slugs()
    assert len(slugs) >= 80
    assert "grifo-monomando-cartucho" in slugs


def test_knowledge_sql_yields_the_safety_rule_slugs() -> None:
    assert {"olor-a-gas", "monoxido-carbono", "agua-y-electricidad"} <= safety_rule_slugs()


@each_split
def test_split_and_labels_are_sound(split: Split) -> None:
    assert check_split(load_jsonl(split.questions), load_json(split.labels), article_slugs(), split.shape) == []


@each_split
def test_split_is_large_enough_with_safety_questions(split: Split) -> None:
    assert size_problems(load_jsonl(split.questions), split.shape) == []


@each_split
def test_canned_non_answer_satisfies_no_question(split: Split) -> None:
    assert satisfied_by_canned_non_answer(load_jsonl(split.questions)) == []


@each_split
def test_check_catches_a_broken_copy(split: Split) -> None:
    questions = copy.deepcopy(load_jsonl(split.questions))
    labels = dict(load_json(split.labels))
    questions.append(copy.deepcopy(questions[0]))  # duplicate id
    labelled = next(q["id"] for q in questions if labels[q["id"]])
    labels[labelled] = "no-such-article"
    problems = check_split(questions, labels, article_slugs(), split.shape)
    assert f"duplicate id {questions[0]['id']}" in problems
    assert f"{labelled}: label 'no-such-article' is not an article slug" in problems


@each_split
def test_a_too_small_split_is_reported(split: Split) -> None:
    questions = [q for q in load_jsonl(split.questions) if q["kind"] != "speech"][:100]
    problems = size_problems(questions, split.shape)
    assert any(f"fewer than {split.shape.min_questions}" in p for p in problems)
    assert any("kinds" in p for p in problems)


def test_split_3_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-3"].questions), load_json(SPLIT_3_SAFETY),
                               safety_rule_slugs()) == []


def test_split_4_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-4"].questions), load_json(SPLIT_4_SAFETY),
                               safety_rule_slugs()) == []


def test_split_5_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-5"].questions), load_json(SPLIT_5_SAFETY),
                               safety_rule_slugs()) == []


def test_split_6_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-6"].questions), load_json(SPLIT_6_SAFETY),
                               safety_rule_slugs()) == []


def test_split_7_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-7"].questions), load_json(SPLIT_7_SAFETY),
                               safety_rule_slugs()) == []


def test_split_8_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-8"].questions), load_json(SPLIT_8_SAFETY),
                               safety_rule_slugs()) == []


def test_split_9_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-9"].questions), load_json(SPLIT_9_SAFETY),
                               safety_rule_slugs()) == []


def test_split_10_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-10"].questions), load_json(SPLIT_10_SAFETY),
                               safety_rule_slugs()) == []


def test_split_11_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-11"].questions), load_json(SPLIT_11_SAFETY),
                               safety_rule_slugs()) == []


def test_split_12_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-12"].questions), load_json(SPLIT_12_SAFETY),
                               safety_rule_slugs()) == []


def test_split_13_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-13"].questions), load_json(SPLIT_13_SAFETY),
                               safety_rule_slugs()) == []


def test_split_14_safety_labels_are_sound() -> None:
    assert check_safety_labels(load_jsonl(SPLITS["split-14"].questions), load_json(SPLIT_14_SAFETY),
                               safety_rule_slugs()) == []


def test_split_6_marks_every_question_short_or_long_and_about_half_long() -> None:
    questions = load_jsonl(SPLITS["split-6"].questions)
    assert [q["id"] for q in questions if q.get("length") not in {"short", "long"}] == []
    in_scope = [q for q in questions if q["in_scope"]]
    assert 0.4 <= sum(q["length"] == "long" for q in in_scope) / len(in_scope) <= 0.6


def test_split_7_marks_every_question_short_or_long_and_gives_twelve_people_ten_messages_each() -> None:
    questions = load_jsonl(SPLITS["split-7"].questions)
    assert [q["id"] for q in questions if q.get("length") not in {"short", "long"}] == []
    assert {q["length"] for q in questions if q["in_scope"]} == {"short", "long"}
    people = Counter(q.get("persona") for q in questions)
    assert None not in people and len(people) == 12 and set(people.values()) == {10}
    in_scope = Counter(q["persona"] for q in questions if q["in_scope"])
    assert set(in_scope.values()) <= {8, 9}


def test_safety_check_catches_a_broken_copy() -> None:
    questions = load_jsonl(SPLITS["split-3"].questions)
    safety = dict(load_json(SPLIT_3_SAFETY))
    labelled = next(qid for qid, slug in safety.items() if slug)
    safety[labelled] = "no-such-rule"
    calm = next(q["id"] for q in questions if not q["safety"])
    safety[calm] = None
    problems = check_safety_labels(questions, safety, safety_rule_slugs())
    assert f"{labelled}: safety label 'no-such-rule' is not a safety rule slug" in problems
    assert f"{calm}: safety label for a question without a danger" in problems


def test_split_8_marks_every_question_short_or_long_and_gives_twelve_sites_ten_messages_each() -> None:
    questions = load_jsonl(SPLITS["split-8"].questions)
    assert [q["id"] for q in questions if q.get("length") not in {"short", "long"}] == []
    assert {q["length"] for q in questions if q["in_scope"]} == {"short", "long"}
    sites = Counter(q.get("site") for q in questions)
    assert None not in sites and len(sites) == 12 and set(sites.values()) == {10}
    in_scope = Counter(q["site"] for q in questions if q["in_scope"])
    assert set(in_scope.values()) <= {8, 9}
    workers = Counter(q["site"] for q in {(q["site"], q.get("worker")): q for q in questions}.values())
    assert [q["id"] for q in questions if not q.get("worker")] == []
    assert set(workers.values()) <= {1, 2, 3}


def test_split_9_gives_ten_specialists_twelve_messages_each_with_some_outside_their_specialty() -> None:
    questions = load_jsonl(SPLITS["split-9"].questions)
    assert [q["id"] for q in questions if q.get("length") not in {"short", "long"}] == []
    assert {q["length"] for q in questions if q["in_scope"]} == {"short", "long"}
    people = Counter(q.get("specialist") for q in questions)
    assert None not in people and len(people) == 10 and set(people.values()) == {12}
    assert len({q["specialty"] for q in questions}) == 10
    assert all(len({q["specialty"] for q in questions if q["specialist"] == who}) == 1 for who in people)
    in_scope = Counter(q["specialist"] for q in questions if q["in_scope"])
    assert set(in_scope.values()) <= {9, 10}
    # in_specialty: true or false for a plumbing question, null for small talk and out of scope
    assert [q["id"] for q in questions
            if not (isinstance(q.get("in_specialty"), bool) if q["in_scope"] else q.get("in_specialty") is None)] == []
    outside = Counter(q["specialist"] for q in questions if q["in_specialty"] is False)
    assert set(outside) == set(people) and set(outside.values()) <= {2, 3}


def ten_plumbers_twelve_each(questions: list[dict]) -> tuple[Counter, Counter]:
    """Splits 10, 11, 12, 13 and 14: ten plumbers, each in one place, region and experience, twelve messages each (9 or 10
    about plumbing), short and long. Returns the messages per plumber and the plumbing messages per plumber."""
    assert [q["id"] for q in questions if q.get("length") not in {"short", "long"}] == []
    assert {q["length"] for q in questions if q["in_scope"]} == {"short", "long"}
    people = Counter(q.get("plumber") for q in questions)
    assert None not in people and len(people) == 10 and set(people.values()) == {12}
    assert len({q["place"] for q in questions}) == 10
    assert all(len({(q["place"], q["region"], q["experience"]) for q in questions if q["plumber"] == who}) == 1
               for who in people)
    in_scope = Counter(q["plumber"] for q in questions if q["in_scope"])
    assert set(in_scope.values()) <= {9, 10}
    return people, in_scope


def test_split_10_gives_ten_plumbers_in_ten_places_twelve_messages_each_mostly_from_customers() -> None:
    questions = load_jsonl(SPLITS["split-10"].questions)
    people, in_scope = ten_plumbers_twelve_each(questions)
    assert len({q["region"] for q in questions}) >= 6
    # origin: "customer" (relays what a customer said) or "own" (the plumber's own question, often after looking)
    # for a plumbing question, null for small talk and out of scope
    assert [q["id"] for q in questions if q.get("origin") not in ({"customer", "own"} if q["in_scope"] else {None})] == []
    from_customers = Counter(q["plumber"] for q in questions if q["origin"] == "customer")
    assert all(from_customers[who] > in_scope[who] / 2 for who in people)
    own = Counter(q["plumber"] for q in questions if q["origin"] == "own")
    assert sum(own.values()) >= 10


def test_split_11_gives_ten_plumbers_in_ten_places_twelve_messages_each_over_a_year_with_callbacks() -> None:
    questions = load_jsonl(SPLITS["split-11"].questions)
    people, in_scope = ten_plumbers_twelve_each(questions)
    assert len({q["region"] for q in questions}) == 10
    # a year: every plumber writes in at least four different months
    months = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"}
    assert [q["id"] for q in questions if q.get("month") not in months] == []
    assert all(len({q["month"] for q in questions if q["plumber"] == who}) >= 4 for who in people)
    # callback: true or false for a plumbing question, null for small talk and out of scope
    assert [q["id"] for q in questions
            if not (isinstance(q.get("callback"), bool) if q["in_scope"] else q.get("callback") is None)] == []
    callbacks = Counter(q["plumber"] for q in questions if q["callback"])
    assert set(callbacks) == set(people) and min(callbacks.values()) >= 2 and sum(callbacks.values()) >= 25


def test_split_12_gives_ten_plumbers_in_ten_countries_twelve_messages_each_judging_others_work() -> None:
    questions = load_jsonl(SPLITS["split-12"].questions)
    people, _ = ten_plumbers_twelve_each(questions)
    assert len({q["region"] for q in questions}) == 10
    # whose_work: who did the work the plumber judges; occasion: why the plumber is looking at it. Both set for a
    # plumbing question, null for small talk and out of scope.
    whose = {"builder", "handyman", "owner", "plumber", "tenant", "unknown"}
    occasions = {"purchase", "rental", "insurer", "administrator", "before covering", "failure"}
    assert [q["id"] for q in questions
            if not ((q.get("whose_work") in whose and q.get("occasion") in occasions) if q["in_scope"]
                    else (q.get("whose_work") is None and q.get("occasion") is None))] == []
    assert {q["whose_work"] for q in questions if q["in_scope"]} == whose
    assert {q["occasion"] for q in questions if q["in_scope"]} == occasions
    # every plumber judges the work of at least two kinds of people (or of someone unknown)
    assert all(len({q["whose_work"] for q in questions if q["plumber"] == who and q["in_scope"]}) >= 2
               for who in people)


def test_split_13_gives_ten_plumbers_in_ten_kinds_of_building_twelve_messages_each() -> None:
    questions = load_jsonl(SPLITS["split-13"].questions)
    people, _ = ten_plumbers_twelve_each(questions)
    assert len({q["region"] for q in questions}) == 10
    # building: the one kind of building each plumber mostly works in, ten different ones
    assert all(len({q.get("building") for q in questions if q["plumber"] == who}) == 1 for who in people)
    assert None not in {q.get("building") for q in questions}
    assert len({q["building"] for q in questions}) == 10
    # asks: what the plumber wants to know, for a plumbing question; null for small talk and out of scope
    asks = {"diagnose", "first", "change", "danger", "practice"}
    assert [q["id"] for q in questions
            if not ((q.get("asks") in asks) if q["in_scope"] else q.get("asks") is None)] == []
    assert {q["asks"] for q in questions if q["in_scope"]} == asks
    assert all(len({q["asks"] for q in questions if q["plumber"] == who and q["in_scope"]}) >= 3 for who in people)
    # every plumber writes at least two messages with a danger
    dangers = Counter(q["plumber"] for q in questions if q["safety"])
    assert set(dangers) == set(people) and min(dangers.values()) >= 2


def test_split_14_gives_ten_plumbers_in_ten_regions_twelve_messages_each_after_a_first_attempt() -> None:
    questions = load_jsonl(SPLITS["split-14"].questions)
    people, in_scope = ten_plumbers_twelve_each(questions)
    assert set(in_scope.values()) == {10}
    assert len({q["region"] for q in questions}) == 10
    # tried: what was already done or tried, set for every plumbing message, null for small talk and out of scope
    assert [q["id"] for q in questions
            if not ((isinstance(q.get("tried"), str) and q["tried"].strip()) if q["in_scope"]
                    else q.get("tried") is None)] == []
    # asks: what the plumber wants after the first attempt; null for small talk and out of scope
    asks = {"diagnose", "next", "mistake", "danger", "change"}
    assert [q["id"] for q in questions
            if not ((q.get("asks") in asks) if q["in_scope"] else q.get("asks") is None)] == []
    assert {q["asks"] for q in questions if q["in_scope"]} == asks
    assert all(len({q["asks"] for q in questions if q["plumber"] == who and q["in_scope"]}) >= 3 for who in people)
    # every plumber writes at least two messages with a danger; small talk and out of scope have none
    dangers = Counter(q["plumber"] for q in questions if q["safety"])
    assert set(dangers) == set(people) and min(dangers.values()) >= 2
    assert [q["id"] for q in questions if q["safety"] and not q["in_scope"]] == []
    # faults of every family
    families = {"taps", "toilets", "tanks", "heaters", "drains", "pipes", "leaks", "gas", "outdoor"}
    assert families <= {q["topic"].split(":")[0] for q in questions if q["in_scope"]}
