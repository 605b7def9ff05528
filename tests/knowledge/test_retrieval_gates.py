"""Retrieval gates: eval/retrieval.py's measures on the public evaluation set and on the regional tuning set,
with thresholds a little below what the search reaches (bench/quality/RETRIEVAL.md), so that a change that
makes the search worse fails here, while one question more or less does not."""

from __future__ import annotations

import psycopg
import pytest

from eval.retrieval import DEFAULT_FILES, evaluate, load, misses

QUESTIONS, TUNING = DEFAULT_FILES
# written before its author opened the articles, then used to choose seed-regional.sql (a development set)
DEV_REGIONAL = QUESTIONS.parent / "dev-regional-2.jsonl"

# file -> minimum top-1, minimum top-3, maximum "nothing found although in scope", maximum "found something
# although off topic", maximum "wrong first article" (rates; see bench/quality/RETRIEVAL.md for the figures)
GATES = {
    QUESTIONS: dict(top1=0.94, top3=0.94, not_found=0.04, found_off_topic=0.0, wrong=0.04),
    TUNING: dict(top1=0.90, top3=0.90, not_found=0.05, found_off_topic=0.19, wrong=0.08),
    DEV_REGIONAL: dict(top1=0.71, top3=0.71, not_found=0.05, found_off_topic=0.3, wrong=0.25),
}


@pytest.mark.parametrize("path", list(GATES), ids=lambda p: p.name)
def test_retrieval_gate(conn: psycopg.Connection, path) -> None:
    summary, outcomes = evaluate(conn, load(path))
    gate = GATES[path]
    report = {k: summary[k] for k in gate} | {"misses": misses(outcomes)}
    assert summary["top1"] >= gate["top1"], report
    assert summary["top3"] >= gate["top3"], report
    assert summary["not_found"] <= gate["not_found"], report
    assert summary["found_off_topic"] <= gate["found_off_topic"], report
    assert summary["wrong"] <= gate["wrong"], report


def test_tuning_set_is_well_formed(conn: psycopg.Connection) -> None:
    items = load(TUNING)
    assert len(items) >= 60
    assert len({i["id"] for i in items}) == len(items)
    slugs = {r[0] for r in conn.execute("SELECT slug FROM kb_articles WHERE active").fetchall()}
    for item in items:
        assert item["kind"] in {"regional", "typo", "speech", "offtopic"}, item
        assert (item["article"] is None) == (item["kind"] == "offtopic"), item
        assert item["article"] is None or item["article"] in slugs, item
        assert all(a in slugs for a in item.get("also", [])), item
    assert sum(1 for i in items if i["article"] is None) >= 10


def test_kb_context_stays_fast(conn: psycopg.Connection) -> None:
    """The median over the tuning set, warm; generous against a busy test machine (about 4 ms measured)."""
    summary, _ = evaluate(conn, load(TUNING), repeat=2)
    assert summary["latency_ms"]["median"] < 30, summary["latency_ms"]


def test_scorer_counts_each_verdict_once() -> None:
    from eval.retrieval import Outcome, summarize

    def o(expected, slugs, also=()):
        return Outcome(id="x", question="q", expected=expected, kind=None, found=bool(slugs), also=list(also),
                       slugs=slugs, top_score=1.0 if slugs else 0.0, ms=[1.0, 3.0])

    summary = summarize([o("a", ["a", "b"]), o("a", ["b", "a"]), o("a", ["c"], also=["c"]), o("a", []),
                         o(None, []), o(None, ["z"])])
    assert summary["counts"] == {"top1": 2, "top3": 3, "not_found": 1, "wrong": 1, "found_off_topic": 1}
    assert (summary["in_scope"], summary["off_topic"], summary["top1"], summary["found_off_topic"]) == (4, 2, 0.5, 0.5)
    assert summary["latency_ms"]["median"] == 2.0
