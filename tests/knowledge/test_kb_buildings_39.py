"""Stop 39: kinds of buildings whose question is sometimes the building's own trouble and sometimes an ordinary
fault that happens there, safety notices reached through article links where nothing dangerous is said, several
faults in one message (tuning set eval/dev-buildings-15.jsonl and safety checklist
bench/quality/safety-15-tune.jsonl, bench/quality/BUILDINGS-39.md). Every question here is from a tuning set, never
from a held-out split."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from tests.support.tuning_set import checklist_problems, labels_not_articles, questions_copied_as_examples

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval"
CHECKLIST = ROOT / "bench" / "quality" / "safety-15-tune.jsonl"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_set_is_written_and_labelled() -> None:
    questions = rows(EVAL / "dev-buildings-15.jsonl")
    labels = json.loads((EVAL / "dev-buildings-15-labels.json").read_text())
    also = json.loads((EVAL / "dev-buildings-15-also.json").read_text())
    ids = [row["id"] for row in questions]
    assert 60 <= len(ids) == len(set(ids)) <= 80 and all(i.startswith("db15-") and row["question"]
                                                         for i, row in zip(ids, questions))
    assert set(labels) == set(ids) and set(also) <= set(ids)
    assert all(labels[i] for i in also), "an 'also' only where there is a label"
    assert sum(label is None for label in labels.values()) >= 3, "some jobs the base does not cover"
    assert {row["kind"] for row in questions} >= {f"b{n}" for n in range(1, 11)}
    assert sum(row["kind"] == "b10" for row in questions) >= 5, "several faults in one message"


def test_every_label_is_an_article(conn: psycopg.Connection) -> None:
    missing = labels_not_articles(conn, "dev-buildings-15")
    assert not missing, missing


def test_no_example_question_copies_a_question_of_the_set(conn: psycopg.Connection) -> None:
    assert not questions_copied_as_examples(conn, "dev-buildings-15")


def test_the_checklist_names_real_rules(conn: psycopg.Connection) -> None:
    problems = checklist_problems(conn, CHECKLIST)
    assert not problems, problems
