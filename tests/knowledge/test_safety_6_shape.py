"""Shape-only checks for blind safety checklist 6 (conversations, HELD-OUT).

Asserts only on structure: no rule, workflow or chat is run, and no assertion depends on
what a case says. The lead scores the set; see bench/quality/SAFETY-6.md.
"""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SET6 = ROOT / "bench" / "quality" / "safety-6.jsonl"
KINDS = {"emerge", "carry", "changed-topic", "lookalike", "negation"}
KEYS = {"id", "turns", "warn", "danger", "kind", "region"}
OPTIONAL = {"why"}


@pytest.fixture(scope="module")
def rows():
    with SET6.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_non_empty_and_ids(rows):
    assert rows
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for i, r in enumerate(rows, 1):
        assert r["id"] == f"s6-{i:03d}", r["id"]


def test_every_kind_present(rows):
    assert {r["kind"] for r in rows} == KINDS


def test_row_shape(rows):
    for r in rows:
        assert KEYS <= set(r) <= KEYS | OPTIONAL, r["id"]
        turns, warn = r["turns"], r["warn"]
        assert isinstance(turns, list) and 2 <= len(turns) <= 3, r["id"]
        assert all(isinstance(t, str) and t.strip() for t in turns), r["id"]
        assert isinstance(warn, list) and len(warn) == len(turns), r["id"]
        assert all(isinstance(w, bool) for w in warn), r["id"]
        assert r["kind"] in KINDS, r["id"]
        assert isinstance(r["region"], str) and r["region"], r["id"]
        assert r["danger"] is None or (isinstance(r["danger"], str) and r["danger"].strip()), r["id"]
        if "why" in r:
            assert isinstance(r["why"], str) and r["why"].strip(), r["id"]


def test_kind_labels_consistent(rows):
    # Structural meaning of each kind, on the warn vector only.
    for r in rows:
        w, k = r["warn"], r["kind"]
        if any(w):
            assert r["danger"], r["id"]
        else:
            assert r["danger"] is None, r["id"]
        if k == "lookalike":
            assert not any(w), r["id"]
        elif k == "negation":
            # Per-turn judgement; the reason must be written down.
            assert r.get("why"), r["id"]
        else:
            assert any(w), r["id"]
        if k == "emerge":
            assert not w[0] and w[-1], r["id"]
        if k == "carry":
            assert all(w), r["id"]
        if k == "changed-topic":
            assert w[0] and not w[-1], r["id"]
