"""Stop 37: seasonal faults, buildings reopened after months, pumps cycling, callbacks and their dangers (tuning set
eval/dev-seasons-13.jsonl and safety checklist bench/quality/safety-13-tune.jsonl, bench/quality/SEASONS-37.md).
Every question here is from a tuning set, never from a held-out split."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval"
CHECKLIST = ROOT / "bench" / "quality" / "safety-13-tune.jsonl"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_set_is_written_and_labelled() -> None:
    questions = rows(EVAL / "dev-seasons-13.jsonl")
    labels = json.loads((EVAL / "dev-seasons-13-labels.json").read_text())
    also = json.loads((EVAL / "dev-seasons-13-also.json").read_text())
    ids = [row["id"] for row in questions]
    assert len(ids) == len(set(ids)) >= 60 and all(i.startswith("ds13-") and row["question"]
                                                  for i, row in zip(ids, questions))
    assert set(labels) == set(ids) and set(also) <= set(ids)
    assert sum(label is None for label in labels.values()) >= 3, "some jobs the base does not cover"
    assert {row["kind"] for row in questions} >= {"s1", "s2", "s3", "s4", "s5"}
    assert sum(bool(row["danger"]) for row in questions) >= 5


def test_every_label_is_an_article(conn: psycopg.Connection) -> None:
    labels = json.loads((EVAL / "dev-seasons-13-labels.json").read_text())
    also = json.loads((EVAL / "dev-seasons-13-also.json").read_text())
    named = {s for s in labels.values() if s} | {s for slugs in also.values() for s in slugs}
    known = {slug for (slug,) in conn.execute("SELECT slug FROM kb_articles WHERE active")}
    assert named <= known, named - known


def test_no_example_question_copies_a_question_of_the_set(conn: psycopg.Connection) -> None:
    texts = [row["question"] for row in rows(EVAL / "dev-seasons-13.jsonl")]
    normal = {r[0] for r in conn.execute("SELECT kb_normalize(q) FROM unnest(%s::text[]) q", (texts,))}
    examples = {r[0] for r in conn.execute("SELECT kb_normalize(question) FROM kb_examples")}
    assert not normal & examples


def test_the_checklist_names_real_rules(conn: psycopg.Connection) -> None:
    items = rows(CHECKLIST)
    known = {slug for (slug,) in conn.execute("SELECT slug FROM safety_rules WHERE active")}
    assert len(items) >= 30 and sum(item["notice"] for item in items) >= 15
    assert sum(not item["notice"] for item in items) >= 10, "look-alikes that must not warn"
    for item in items:
        assert item["turns"] == [item["question"]] and item["warn"] == [item["notice"]]
        assert (item["rules"] is None) == (not item["notice"]), item["id"]
        assert item["notice"] is False or set(item["rules"]) <= known, item["id"]
