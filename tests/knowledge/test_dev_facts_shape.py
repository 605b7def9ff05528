"""Shape-only checks for chat TUNING set eval/dev-facts-1.jsonl (eval/DEV-FACTS-1.md).

Asserts only on structure (ids, fields, kinds, regions, the `required` groups that eval/score.py matches);
no database, workflow or model is used, and nothing depends on what the system answers.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV_FACTS_1 = ROOT / "eval" / "dev-facts-1.jsonl"

FIELDS = {"id", "question", "topic", "kind", "region", "in_scope", "required", "safety"}
KINDS = {"plain", "regional", "typo", "speech"}
REGIONS = {"generic", "ES", "MX", "AR", "CO", "CL", "PE", "VE", "UY", "PY", "BO", "EC", "DO", "CU", "PR",
           "GT", "HN", "SV", "NI", "CR", "PA", "US", "GQ"}


def fold(text: str) -> str:
    """As eval/score.py compares: lower case, accents ignored."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def load() -> list[dict]:
    return [json.loads(line) for line in DEV_FACTS_1.read_text(encoding="utf-8").splitlines() if line.strip()]


CASES = load()


def test_one_hundred_and_twenty_questions_with_unique_ids() -> None:
    ids = [c["id"] for c in CASES]
    assert len(CASES) == 120
    assert len(set(ids)) == len(ids)
    assert ids == [f"df-{i:03d}" for i in range(1, 121)]
    assert len({fold(c["question"]) for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_line_has_the_fields_and_allowed_values(case: dict) -> None:
    assert set(case) == FIELDS
    assert isinstance(case["question"], str) and case["question"].strip()
    assert isinstance(case["topic"], str) and case["topic"].strip()
    assert case["kind"] in KINDS
    assert case["region"] in REGIONS
    assert case["in_scope"] is True
    assert case["safety"] is None or (isinstance(case["safety"], str) and case["safety"].strip())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_two_to_four_non_empty_groups_of_alternatives(case: dict) -> None:
    groups = case["required"]
    assert isinstance(groups, list) and 2 <= len(groups) <= 4
    for group in groups:
        assert isinstance(group, list) and group
        for alternative in group:
            assert isinstance(alternative, str) and alternative.strip()
            assert len(fold(alternative).strip()) >= 2  # a one-letter alternative would match almost any answer


def test_every_kind_is_about_a_quarter() -> None:
    for kind in KINDS:
        share = sum(1 for c in CASES if c["kind"] == kind) / len(CASES)
        assert 0.2 <= share <= 0.3, (kind, share)
