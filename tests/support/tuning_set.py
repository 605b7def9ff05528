"""Checks shared by the knowledge tuning sets (eval/dev-*.jsonl with their -labels.json and -also.json) and their
one-message safety checklists (bench/quality/safety-*-tune.jsonl): every label an active article, no set question
copied into the example questions, every checklist rule a real one. Each returns what is wrong (empty when nothing
is), so the calling test's assertion names it."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

EVAL = Path(__file__).resolve().parents[2] / "eval"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def labels_not_articles(conn: psycopg.Connection, name: str) -> set[str]:
    """The slugs eval/NAME-labels.json and eval/NAME-also.json name that are no active article."""
    labels = json.loads((EVAL / f"{name}-labels.json").read_text())
    also = json.loads((EVAL / f"{name}-also.json").read_text())
    named = {s for s in labels.values() if s} | {s for slugs in also.values() for s in slugs}
    known = {slug for (slug,) in conn.execute("SELECT slug FROM kb_articles WHERE active")}
    return named - known


def questions_copied_as_examples(conn: psycopg.Connection, name: str) -> set[str]:
    """The questions of eval/NAME.jsonl (normalised) that are also an article's example question."""
    texts = [row["question"] for row in rows(EVAL / f"{name}.jsonl")]
    normal = {r[0] for r in conn.execute("SELECT kb_normalize(q) FROM unnest(%s::text[]) q", (texts,))}
    examples = {r[0] for r in conn.execute("SELECT kb_normalize(question) FROM kb_examples")}
    return normal & examples


def checklist_problems(conn: psycopg.Connection, path: Path) -> list[str]:
    """A one-message checklist: at least 30 items, 15 that must warn and 10 look-alikes that must not; each item one
    turn with its notice flag, rules exactly when it warns, and every rule an active safety rule."""
    items = rows(path)
    known = {slug for (slug,) in conn.execute("SELECT slug FROM safety_rules WHERE active")}
    problems = []
    if not (len(items) >= 30 and sum(item["notice"] for item in items) >= 15):
        problems.append("fewer than 30 items or 15 that warn")
    if sum(not item["notice"] for item in items) < 10:
        problems.append("fewer than 10 look-alikes that must not warn")
    for item in items:
        if not (item["turns"] == [item["question"]] and item["warn"] == [item["notice"]]):
            problems.append(f"{item['id']}: turns/warn")
        if (item["rules"] is None) != (not item["notice"]):
            problems.append(f"{item['id']}: rules only when it warns")
        if not (item["notice"] is False or set(item["rules"]) <= known):
            problems.append(f"{item['id']}: unknown rule")
    return problems
