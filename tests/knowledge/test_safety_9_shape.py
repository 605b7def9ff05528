"""Shape-only checks for safety checklist 9 (bench/quality/SAFETY-9.md): a TUNING half and a HELD-OUT half.

Asserts only on structure (ids, fields, kinds, the seeded shuffle that split the halves, the meaning of each kind
on the warn vector); no rule, workflow or chat is run, and no assertion depends on what a conversation says.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.support.safety_checklist import load, row_problems

ROOT = Path(__file__).resolve().parents[2]
HALVES = {"tune": ROOT / "bench" / "quality" / "safety-9-tune.jsonl",
          "holdout": ROOT / "bench" / "quality" / "safety-9-holdout.jsonl"}
KINDS = {"done", "notdone", "other", "emerge", "lookalike"}
REGIONS = {"spain", "mexico", "argentina", "colombia", "chile", "peru", "caribbean", "usa"}
IDS = ["s9-%03d" % i for i in range(1, 111)]


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
    assert [p for r in halves[half] for p in row_problems(r, KINDS, REGIONS, max_turns=4)] == []


def test_the_shape_check_rejects_a_broken_row(halves: dict[str, list[dict]]) -> None:
    row = next(r for r in halves["tune"] if r["kind"] == "emerge")
    assert row_problems({**row, "warn": [True] * len(row["turns"])}, KINDS, REGIONS, 4)
    assert row_problems({**row, "region": "atlantis"}, KINDS, REGIONS, 4)
    assert row_problems({**row, "turns": row["turns"] * 3}, KINDS, REGIONS, 4)


@pytest.mark.parametrize("half", HALVES)
def test_kinds_mean_what_the_page_says(halves: dict[str, list[dict]], half: str) -> None:
    for r in halves[half]:
        warn, kind = r["warn"], r["kind"]
        # (look-alikes and emerging dangers: tests.support.safety_checklist.row_problems, in test_row_shape)
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
