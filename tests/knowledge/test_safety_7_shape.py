"""Shape-only checks for safety checklist 7 (conversations, TUNING set).

Asserts only on structure: no rule, workflow or chat is run, and no assertion depends on what a
case says. See bench/quality/SAFETY-7.md.
"""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST = ROOT / "bench" / "quality" / "safety-7.jsonl"
KINDS = {"emerge", "carry", "changed-topic", "lookalike", "negation"}
KEYS = {"id", "turns", "warn", "danger", "kind", "region"}
REGIONS = {"spain", "mexico", "argentina", "colombia", "chile", "peru", "usa"}


@pytest.fixture(scope="module")
def rows():
    with CHECKLIST.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_seventy_rows_numbered_in_order(rows):
    assert [r["id"] for r in rows] == ["s7-%03d" % i for i in range(1, 71)]


def test_row_shape(rows):
    for r in rows:
        assert set(r) == KEYS, r["id"]
        turns, warn = r["turns"], r["warn"]
        assert isinstance(turns, list) and 1 <= len(turns) <= 4, r["id"]
        assert all(isinstance(t, str) and t.strip() for t in turns), r["id"]
        assert isinstance(warn, list) and len(warn) == len(turns), r["id"]
        assert all(isinstance(w, bool) for w in warn), r["id"]
        assert r["kind"] in KINDS, r["id"]
        assert r["region"] in REGIONS, r["id"]
        assert r["danger"] is None or (isinstance(r["danger"], str) and r["danger"].strip()), r["id"]


def test_kind_labels_consistent(rows):
    # Structural meaning of each kind, on the warn vector only (SAFETY-7.md "Conventions").
    for r in rows:
        w, k = r["warn"], r["kind"]
        if k == "lookalike":
            assert not any(w) and r["danger"] is None, r["id"]
            continue
        assert r["danger"], r["id"]
        if k == "emerge":
            assert len(w) >= 2 and not w[0] and w[-1], r["id"]
        if k == "carry":
            assert len(w) >= 2 and all(w), r["id"]
        if k == "changed-topic":
            assert len(w) >= 2 and w[0] and not w[-1], r["id"]


def test_negation_halves_balanced(rows):
    # Negation: the last turn carries the plumber's measure or denial; about half silence the warning.
    last = [r["warn"][-1] for r in rows if r["kind"] == "negation"]
    assert last and abs(last.count(True) - last.count(False)) <= 1
