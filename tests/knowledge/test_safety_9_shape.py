"""Shape-only checks for safety checklist 9 (bench/quality/SAFETY-9.md): a TUNING half and a HELD-OUT half.

Asserts only on structure (ids, fields, kinds, the seeded shuffle that split the halves, the meaning of each kind
on the warn vector); no rule, workflow or chat is run, and no assertion depends on what a conversation says.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HALVES = {"tune": ROOT / "bench" / "quality" / "safety-9-tune.jsonl",
          "holdout": ROOT / "bench" / "quality" / "safety-9-holdout.jsonl"}
KINDS = {"done", "notdone", "other", "emerge", "lookalike"}
KEYS = {"id", "turns", "warn", "danger", "kind", "region"}
REGIONS = {"spain", "mexico", "argentina", "colombia", "chile", "peru", "caribbean", "usa"}
IDS = ["s9-%03d" % i for i in range(1, 111)]


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def halves() -> dict[str, list[dict]]:
    return {name: load(path) for name, path in HALVES.items()}


def tune_ids() -> set[str]:
    """The split SAFETY-9.md fixed before any conversation was written: random.Random(20261206).shuffle of the
    110 ids, the first 55 -> tune half."""
    shuffled = IDS[:]
    random.Random(20261206).shuffle(shuffled)
    return set(shuffled[:55])


def test_one_hundred_ten_conversations_split_by_the_seeded_shuffle(halves: dict[str, list[dict]]) -> None:
    ids = sorted(r["id"] for rows in halves.values() for r in rows)
    assert ids == IDS
    assert {r["id"] for r in halves["tune"]} == tune_ids()
    assert len(halves["tune"]) == len(halves["holdout"]) == 55


@pytest.mark.parametrize("half", HALVES)
def test_row_shape(halves: dict[str, list[dict]], half: str) -> None:
    for r in halves[half]:
        assert set(r) == KEYS, r["id"]
        assert isinstance(r["turns"], list) and 1 <= len(r["turns"]) <= 4, r["id"]
        assert all(isinstance(t, str) and t.strip() for t in r["turns"]), r["id"]
        assert isinstance(r["warn"], list) and len(r["warn"]) == len(r["turns"]), r["id"]
        assert all(isinstance(w, bool) for w in r["warn"]), r["id"]
        assert r["kind"] in KINDS and r["region"] in REGIONS, r["id"]


@pytest.mark.parametrize("half", HALVES)
def test_kinds_mean_what_the_page_says(halves: dict[str, list[dict]], half: str) -> None:
    for r in halves[half]:
        warn, kind = r["warn"], r["kind"]
        if kind == "lookalike":
            assert not any(warn) and r["danger"] is None, r["id"]
            continue
        assert isinstance(r["danger"], str) and r["danger"].strip(), r["id"]
        if kind == "emerge":
            assert len(warn) >= 2 and not warn[0] and warn[-1], r["id"]
        if kind == "done":  # the measure in force removes the danger: the last turn never warns
            assert not warn[-1] and "[" in r["danger"], r["id"]
        if kind in {"notdone", "other"}:  # measure not in force, or on another thing: the last turn warns
            assert warn[-1] and "[" in r["danger"], r["id"]


def test_ids_are_grouped_by_kind(halves: dict[str, list[dict]]) -> None:
    ranges = {"done": (1, 28), "notdone": (29, 56), "other": (57, 72), "emerge": (73, 90), "lookalike": (91, 110)}
    for rows in halves.values():
        for r in rows:
            lo, hi = ranges[r["kind"]]
            assert lo <= int(r["id"][3:]) <= hi, r["id"]
