"""The blind estimate sets 8 to 21, 23, 25, 27, 29, 31, 33 and 35 (eval/estimates-independent-{8,...,21,23,...,35}.jsonl;
see their pages eval/ESTIMATES-INDEPENDENT-{8,...,21,23,25,27,29,31,33,35}.md), tuning sets 24, 26, 28, 30, 32, 34 and 36, and
their catalogue labels: shape only. Nothing here plays or
scores a case: a held-out set must not become a target, and the lead scores it with eval/score_independent.py
when its page says so. The twenty-eight sets share one format (sets 9-21 and 23-36 were written from set 8's or a
later set's), so one check serves them.

The check is a function returning the problems it finds, so the tests below also show it rejects a broken
copy."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest

from devstack.postgres import DatabaseInfo

ROOT = Path(__file__).resolve().parents[2]

KINDS = {"new", "revised", "asked", "sent", "locked", "refused",
         "unchanged"}   # the turn kinds the scorer knows ("unchanged": handled, nothing changed; set 28's price asked)
UNITS = {"ud", "m", "h", "servicio"}
SINGLES = 12    # <prefix>01-12 single-turn; <prefix>13-36 multi-turn, 2-4 turns (a set may say fewer singles)
MAX_TURNS = 4   # the most turns of a multi-turn case (a set may say more)
CASE_FIELDS = {"id", "region", "medium", "turns", "final"}
FINAL_FIELDS = {"status", "items", "labour_hours", "to_quote_expected", "notes"}
ITEM_FIELDS = {"what", "size", "quantity", "unit"}
Labels = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class EstimateSet:
    """A blind estimate set of this shape: its number, its ids' prefix, how many cases are multi-turn, how
    many of the first ids are single-turn (the rest are multi-turn), how many regions it has at least, how
    many turns a multi-turn case has at most, and how many cases it has (ids <prefix>01 to <prefix>NN)."""
    number: int
    prefix: str
    min_multi_turn: int
    singles: int = SINGLES
    min_regions: int = 18
    max_turns: int = MAX_TURNS
    cases: int = 36

    @property
    def cases_path(self) -> Path:
        return ROOT / "eval" / f"estimates-independent-{self.number}.jsonl"

    @property
    def labels_path(self) -> Path:
        return ROOT / "eval" / f"estimates-independent-{self.number}-labels.json"

    def id(self, n: int) -> str:
        return f"{self.prefix}{n:02d}"


SETS = [EstimateSet(8, "ev", 22), EstimateSet(9, "ew", 24), EstimateSet(10, "ex", 24),
        EstimateSet(11, "ey", 24), EstimateSet(12, "ez", 24, singles=10),   # set 12: ez01-10 single-turn
        EstimateSet(13, "fa", 24), EstimateSet(14, "fb", 24),
        EstimateSet(15, "fc", 24, min_regions=10),   # set 15: its brief named 8 regions (10 codes)
        EstimateSet(16, "fd", 24, min_regions=20),   # set 16: fd01-12 single-turn, 20 region codes
        EstimateSet(17, "fe", 24, min_regions=20),   # set 17: fe01-12 single-turn, 20 region codes
        EstimateSet(18, "fg", 24, min_regions=21),   # set 18: fg01-12 single-turn, 21 region codes
        EstimateSet(19, "fh", 24, min_regions=21),   # set 19: fh01-12 single-turn, 21 region codes
        EstimateSet(20, "fi", 24, singles=10, min_regions=21, max_turns=5),   # set 20: fi01-10 single, 2-5 turns
        EstimateSet(21, "fj", 28, singles=8, min_regions=10, max_turns=6),   # set 21: fj01-08 single, 2-6 turns
        EstimateSet(23, "fl", 30, singles=10, min_regions=10, max_turns=6,
                    cases=40),   # set 23: 40 cases, fl01-10 single, 2-6 turns, 10 region codes
        # set 24 (tuning, est33): re01-10 single-turn, 8 regions, 2-3 turns
        EstimateSet(24, "re", 26, singles=10, min_regions=8, max_turns=3),
        EstimateSet(25, "pw", 32, singles=8, min_regions=8, max_turns=6,
                    cases=40),   # set 25 (held-out): 40 cases, pw01-08 single, 2-6 turns, 8 region codes
        # set 26 (tuning, est34): 40 cases, sd01-08 single-turn, 8 regions, 2 turns
        EstimateSet(26, "sd", 32, singles=8, min_regions=8, max_turns=2, cases=40),
        EstimateSet(27, "tq", 32, singles=8, min_regions=8, max_turns=6,
                    cases=40),   # set 27 (held-out): 40 cases, tq01-08 single, 2-6 turns, 8 region codes
        # set 28 (tuning, est35): 32 cases, rv01-04 single-turn (batches), 8 regions, 2-4 turns
        EstimateSet(28, "rv", 28, singles=4, min_regions=8, max_turns=4, cases=32),
        EstimateSet(29, "vz", 32, singles=8, min_regions=8, max_turns=6,
                    cases=40),   # set 29 (held-out): 40 cases, vz01-08 single, 2-6 turns, 8 region codes
        # set 30 (tuning, est36): 36 cases, wq01-08 single-turn, 8 regions, 2-3 turns
        EstimateSet(30, "wq", 28, singles=8, min_regions=8, max_turns=3, cases=36),
        EstimateSet(31, "mq", 32, singles=8, min_regions=8, max_turns=6,
                    cases=40),   # set 31 (held-out): 40 cases, mq01-08 single, 2-6 turns, 8 region codes
        # set 32 (tuning, est37): 36 cases, kx01-08 single-turn, 9 regions, 2-3 turns
        EstimateSet(32, "kx", 28, singles=8, min_regions=9, max_turns=3, cases=36),
        EstimateSet(33, "jd", 32, singles=8, min_regions=8, max_turns=6,
                    cases=40),   # set 33 (held-out): 40 cases, jd01-08 single, 2-6 turns, 8 region codes
        # set 34 (tuning, est38): 36 cases, gk01-08 single-turn, 9 regions, 2-3 turns
        EstimateSet(34, "gk", 28, singles=8, min_regions=9, max_turns=3, cases=36),
        # set 35 (held-out, set35w): 40 cases, hx01-08 single, 2-5 turns, 8 region codes; kinds: one job over
        # several units or properties, parts named by brand or model, estimates cut or split for a short budget
        EstimateSet(35, "hx", 32, singles=8, min_regions=8, max_turns=5, cases=40),
        # set 36 (tuning, est39): 38 cases, lq01-06 single-turn, 8 regions, 2-5 turns
        EstimateSet(36, "lq", 32, singles=6, min_regions=8, max_turns=5, cases=38)]


def load_cases(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_labels(path: Path) -> Labels:
    return json.loads(path.read_text(encoding="utf-8"))["labels"]


def case_problems(case: dict[str, Any], labels: Labels, codes: set[str], singles: int = SINGLES,
                  max_turns: int = MAX_TURNS) -> list[str]:
    """What is wrong with one case and its labels (empty when nothing is)."""
    cid = case.get("id", "?")
    problems = [f"{cid}: missing field {f}" for f in sorted(CASE_FIELDS - set(case))]
    if problems:
        return problems
    final, turns = case["final"], case["turns"]
    problems += [f"{cid}: final lacks {f}" for f in sorted(FINAL_FIELDS - set(final))]
    if case["medium"] not in {"typed", "voice"}:
        problems.append(f"{cid}: medium {case['medium']!r}")
    number = int(cid[2:]) if cid[2:].isdigit() else 0
    if (len(turns) != 1) if 1 <= number <= singles else not 2 <= len(turns) <= max_turns:
        problems.append(f"{cid}: {len(turns)} turns")
    for n, turn in enumerate(turns, start=1):
        if not str(turn.get("text", "")).strip() or not str(turn.get("intent", "")).strip():
            problems.append(f"{cid} turn {n}: no text or intent")
        if turn.get("expect") not in KINDS:
            problems.append(f"{cid} turn {n}: expect {turn.get('expect')!r}")
    decided = case.get("customer")
    if decided:   # decided after a turn the set has; the final status stays what the plumber did
        if not 1 <= decided.get("after_turn", 0) < len(turns) or decided.get("decision") not in {"accepted",
                                                                                                 "rejected"}:
            problems.append(f"{cid}: customer {decided}")
        if final.get("status") != "sent":
            problems.append(f"{cid}: decided but final status {final.get('status')!r}")
    for n, turn in enumerate(turns, start=1):   # locked only once the customer has decided
        if turn.get("expect") == "locked" and not (decided and n > decided.get("after_turn", n)):
            problems.append(f"{cid} turn {n}: locked before any decision")
    if final.get("labour_hours") is not None and final.get("labour_change") is not None:
        problems.append(f"{cid}: both labour_hours and labour_change")
    items = final.get("items") or []
    if final.get("status") is None:   # no estimate: nothing expected, every turn refused
        if items or {t.get("expect") for t in turns} != {"refused"}:
            problems.append(f"{cid}: no estimate expected, yet items or a non-refused turn")
    elif final["status"] not in {"draft", "sent"}:
        problems.append(f"{cid}: final status {final['status']!r}")
    if cid not in labels:
        return problems + [f"{cid}: not labelled"]
    if len(labels[cid]) != len(items):
        return problems + [f"{cid}: {len(items)} items, {len(labels[cid])} labels"]
    for item, label in zip(items, labels[cid], strict=True):
        problems += [f"{cid}: item lacks {f}" for f in sorted(ITEM_FIELDS - set(item))]
        if item.get("unit") not in UNITS:
            problems.append(f"{cid}: unit {item.get('unit')!r}")
        alternatives = [c for alt in label.get("alternatives", []) for c in alt["codes"]]
        named = list(label.get("codes", [])) + alternatives
        if "codes" not in label or set(named) - codes:
            problems.append(f"{cid}: codes not in the catalogue {sorted(set(named) - codes)}")
        if item.get("quantity") is None and label.get("codes"):
            problems.append(f"{cid}: no quantity said, yet a priced label")
    if len(final.get("to_quote_expected", [])) > sum(not x.get("codes") for x in labels[cid]):
        problems.append(f"{cid}: a line left open is labelled with a code")
    return problems


def set_problems(shape: EstimateSet, cases: list[dict[str, Any]], labels: Labels,
                 codes: set[str]) -> list[str]:
    """The set's problems: `shape.cases` cases <prefix>01-NN (36 unless the set says) with unique ids, each labelled and nothing else labelled, at
    least `min_multi_turn` multi-turn, at least `min_regions` regions, and every case's own problems."""
    ids = [c.get("id") for c in cases]
    problems = []
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids")
    if ids != [shape.id(n) for n in range(1, shape.cases + 1)]:
        problems.append(f"ids are not {shape.id(1)}-{shape.id(shape.cases)} in order: {ids}")
    if set(labels) != set(ids):
        problems.append(f"labels for other ids: {sorted(set(labels) ^ set(ids))}")
    if sum(len(c.get("turns", [])) > 1 for c in cases) < shape.min_multi_turn:
        problems.append(f"fewer than {shape.min_multi_turn} multi-turn cases")
    if len({c.get("region") for c in cases}) < shape.min_regions:
        problems.append(f"fewer than {shape.min_regions} regions")
    for case in cases:
        problems += case_problems(case, labels, codes, shape.singles, shape.max_turns)
    return problems


def catalogue_codes(app_db: DatabaseInfo) -> set[str]:
    """The active rows of the catalogue the runner's SQL files create (seed.sql applied to a real
    Postgres)."""
    with psycopg.connect(app_db.url) as conn:
        return {code for (code,) in conn.execute("SELECT code FROM price_catalog WHERE active").fetchall()}


@pytest.mark.parametrize("shape", SETS, ids=lambda s: f"set{s.number}")
def test_the_set_is_whole_and_labelled_with_active_catalogue_rows(app_db: DatabaseInfo,
                                                                  shape: EstimateSet) -> None:
    codes = catalogue_codes(app_db)
    assert len(codes) >= 300
    assert set_problems(shape, load_cases(shape.cases_path), load_labels(shape.labels_path), codes) == []


@pytest.mark.parametrize("shape", SETS, ids=lambda s: f"set{s.number}")
def test_the_shape_check_rejects_a_broken_copy_of_the_set(app_db: DatabaseInfo, shape: EstimateSet) -> None:
    codes = catalogue_codes(app_db)
    cases, labels = load_cases(shape.cases_path), load_labels(shape.labels_path)

    def problems_of(some_cases: list[dict[str, Any]], some_labels: Labels) -> list[str]:
        return set_problems(shape, some_cases, some_labels, codes)

    broken = copy.deepcopy(cases)
    broken[1]["id"] = broken[0]["id"]
    assert "duplicate ids" in problems_of(broken, labels)

    broken = copy.deepcopy(cases)
    del broken[20]["final"]["items"][0]["quantity"]
    assert any("item lacks quantity" in p for p in problems_of(broken, labels))

    unlabelled = copy.deepcopy(labels)
    del unlabelled[shape.id(5)]
    assert any(f"{shape.id(5)}: not labelled" in p for p in problems_of(cases, unlabelled))

    invented = copy.deepcopy(labels)
    invented[shape.id(3)][0]["codes"] = ["tubo-ppr-99mm"]
    assert any("tubo-ppr-99mm" in p for p in problems_of(cases, invented))

    too_long = copy.deepcopy(cases)
    too_long[30]["turns"] += [too_long[30]["turns"][-1]] * (shape.max_turns + 1 - len(too_long[30]["turns"]))
    assert any(f"{shape.id(31)}: {shape.max_turns + 1} turns" in p for p in problems_of(too_long, labels))

    single = [{**c, "turns": c["turns"][:1]} for c in cases]
    problems = problems_of(single, labels)
    assert f"fewer than {shape.min_multi_turn} multi-turn cases" in problems
    assert any(f"{shape.id(13)}: 1 turns" in p for p in problems)

    locked_early = copy.deepcopy(cases)
    decided = next(c for c in locked_early if c["id"] == shape.id(20))
    decided["turns"][1]["expect"] = "locked"
    assert any(f"{shape.id(20)} turn 2: locked" in p for p in problems_of(locked_early, labels))
