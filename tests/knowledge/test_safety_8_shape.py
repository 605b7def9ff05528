"""Shape-only checks for safety checklist 8 (bench/quality/SAFETY-8.md): a TUNING half and a HELD-OUT half.

Asserts only on structure (ids, fields, kinds, the coin that split the halves, the meaning of each kind on the
warn vector); no rule, workflow or chat is run, and no assertion depends on what a conversation says.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HALVES = {"tune": ROOT / "bench" / "quality" / "safety-8-tune.jsonl",
          "holdout": ROOT / "bench" / "quality" / "safety-8-holdout.jsonl"}
KINDS = {"emerge", "measure", "lookalike", "negation"}
KEYS = {"id", "turns", "warn", "danger", "kind", "region"}
REGIONS = {"spain", "mexico", "argentina", "colombia", "chile", "peru", "usa"}


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


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
    for r in halves[half]:
        assert set(r) == KEYS, r["id"]
        assert isinstance(r["turns"], list) and 1 <= len(r["turns"]) <= 3, r["id"]
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
        if kind == "measure":  # the turn that states the measure never warns; the job comes in a later turn
            assert len(warn) >= 2 and not warn[0], r["id"]

