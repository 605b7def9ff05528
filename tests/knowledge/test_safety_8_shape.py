"""Shape-only checks for safety checklist 8 (bench/quality/SAFETY-8.md): a TUNING half and a HELD-OUT half.

Asserts only on structure (ids, fields, kinds, the coin that split the halves, the meaning of each kind on the
warn vector); no rule, workflow or chat is run, and no assertion depends on what a conversation says.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.support.safety_checklist import load, row_problems

ROOT = Path(__file__).resolve().parents[2]
HALVES = {"tune": ROOT / "bench" / "quality" / "safety-8-tune.jsonl",
          "holdout": ROOT / "bench" / "quality" / "safety-8-holdout.jsonl"}
KINDS = {"emerge", "measure", "lookalike", "negation"}
REGIONS = {"spain", "mexico", "argentina", "colombia", "chile", "peru", "usa"}


@pytest.fixture(scope="module")
def halves() -> dict[str, list[dict]]:
    return {name: load(path) for name, path in HALVES.items()}


def tune_by_coin(conversation_id: str) -> bool:
    """The coin SAFETY-8.md fixed before any conversation was written: sha256 of the id, even -> tune half."""
    return int(hashlib.sha256(conversation_id.encode()).hexdigest(), 16) % 2 == 0


def test_one_hundred_conversations_split_by_the_coin(halves: dict[str, list[dict]]) -> None:
    ids = sorted(r["id"] for rows in halves.values() for r in rows)
    assert ids == ["s8-%03d" % i for i in range(1, 101)]
    assert all(tune_by_coin(r["id"]) for r in halves["tune"])
    assert not any(tune_by_coin(r["id"]) for r in halves["holdout"])


@pytest.mark.parametrize("half", HALVES)
def test_row_shape(halves: dict[str, list[dict]], half: str) -> None:
    assert [p for r in halves[half] for p in row_problems(r, KINDS, REGIONS, max_turns=3)] == []


def test_the_shape_check_rejects_a_broken_row(halves: dict[str, list[dict]]) -> None:
    row = next(r for r in halves["tune"] if r["kind"] == "emerge")
    assert row_problems({**row, "warn": [True] * len(row["turns"])}, KINDS, REGIONS, 3)
    assert row_problems({**row, "region": "atlantis"}, KINDS, REGIONS, 3)
    assert row_problems({**row, "turns": row["turns"] * 3}, KINDS, REGIONS, 3)


@pytest.mark.parametrize("half", HALVES)
def test_kinds_mean_what_the_page_says(halves: dict[str, list[dict]], half: str) -> None:
    for r in halves[half]:
        warn, kind = r["warn"], r["kind"]
        # (look-alikes and emerging dangers: tests.support.safety_checklist.row_problems, in test_row_shape)
        if kind == "measure":  # the turn that states the measure never warns; the job comes in a later turn
            assert len(warn) >= 2 and not warn[0], r["id"]

