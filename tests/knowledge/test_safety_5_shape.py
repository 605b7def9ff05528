"""Shape-only checks for blind safety checklist 5 (conversations).

Reads both halves but asserts only on structure: no rule, workflow or chat is run, and no
assertion depends on what a case says. See bench/quality/SAFETY-5.md.
"""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TUNE = ROOT / "bench" / "quality" / "safety-5-tune.jsonl"
HOLDOUT = ROOT / "bench" / "quality" / "safety-5-holdout.jsonl"
KINDS = {"emerge", "carry", "changed-topic", "lookalike"}
KEYS = {"id", "turns", "warn", "danger", "kind", "region"}


def _load(path):
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module")
def halves():
    return {"tune": _load(TUNE), "holdout": _load(HOLDOUT)}


def test_both_halves_non_empty(halves):
    assert halves["tune"] and halves["holdout"]


def test_ids_unique_and_halves_disjoint(halves):
    tune_ids = [r["id"] for r in halves["tune"]]
    hold_ids = [r["id"] for r in halves["holdout"]]
    assert len(tune_ids) == len(set(tune_ids))
    assert len(hold_ids) == len(set(hold_ids))
    assert not set(tune_ids) & set(hold_ids)


def test_split_rule_odd_tune_even_holdout(halves):
    for half, parity in (("tune", 1), ("holdout", 0)):
        for r in halves[half]:
            assert r["id"].startswith("s5-")
            assert int(r["id"][3:]) % 2 == parity, r["id"]


def test_row_shape(halves):
    for rows in halves.values():
        for r in rows:
            assert set(r) == KEYS, r["id"]
            turns, warn = r["turns"], r["warn"]
            assert isinstance(turns, list) and 2 <= len(turns) <= 3, r["id"]
            assert all(isinstance(t, str) and t.strip() for t in turns), r["id"]
            assert isinstance(warn, list) and len(warn) == len(turns), r["id"]
            assert all(isinstance(w, bool) for w in warn), r["id"]
            assert r["kind"] in KINDS, r["id"]
            assert isinstance(r["region"], str) and r["region"], r["id"]
            assert r["danger"] is None or (isinstance(r["danger"], str) and r["danger"].strip()), r["id"]


def test_kind_labels_consistent(halves):
    # Structural meaning of each kind, on the warn vector only.
    for rows in halves.values():
        for r in rows:
            w, k = r["warn"], r["kind"]
            if k == "lookalike":
                assert not any(w) and r["danger"] is None, r["id"]
            else:
                assert any(w) and r["danger"], r["id"]
            if k == "emerge":
                assert not w[0] and w[-1], r["id"]
            if k == "carry":
                assert all(w), r["id"]
            if k == "changed-topic":
                assert w[0] and not w[-1], r["id"]
