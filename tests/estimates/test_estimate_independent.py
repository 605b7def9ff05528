"""The independent estimate sets (eval/estimates-independent.jsonl and the held-out eval/estimates-independent-2.jsonl,
-3.jsonl, -4.jsonl, -5.jsonl, -6.jsonl and -7.jsonl, measure only) and their catalogue labels: shape, labels that name
real catalogue rows, and the scorer's outcomes (and its --cases/--labels options). Figures are reported in
eval/ESTIMATES-INDEPENDENT-LABELS.md and eval/ESTIMATES-INDEPENDENT-2.md (-3.md to -7.md), never asserted here: a
set must not become a target."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import psycopg
import pytest

from eval import score_independent as si

KINDS = {"new", "revised", "asked", "sent", "locked", "refused"}


def test_every_case_has_a_label_per_expected_item_naming_active_catalogue_rows(conn: psycopg.Connection) -> None:
    cases, labels = si.load_cases(), si.load_labels()
    assert [c["id"] for c in cases] == sorted(labels) and len(cases) == 39
    active = {code for (code,) in conn.execute("SELECT code FROM price_catalog WHERE active").fetchall()}
    for case in cases:
        assert {t["expect"] for t in case["turns"]} <= KINDS, case["id"]
        items = case["final"].get("items") or []
        assert len(labels[case["id"]]) == len(items), case["id"]
        for label in labels[case["id"]]:
            codes = label.get("codes", []) + [c for alt in label.get("alternatives", []) for c in alt["codes"]]
            assert set(codes) <= active, (case["id"], set(codes) - active)
            assert label.get("labour") or "codes" in label, case["id"]


def line(code: str | None, quantity: str, kind: str = "material", unit: str = "ud",
         to_quote: bool = False) -> dict[str, Any]:
    return {"code": code, "quantity": Decimal(quantity), "kind": kind, "unit": unit, "to_quote": to_quote,
            "description": code or "x"}


CASE = {"final": {"items": [{"what": "tubo", "size": "22 mm", "quantity": 3, "unit": "m"},
                            {"what": "tubo CPVC", "size": "1/2", "quantity": 2, "unit": "m"}]}}
LABELS = [{"codes": ["tubo-cobre-22mm"]}, {"codes": []}]


def test_items_are_found_by_code_and_quantity_and_anything_else_priced_is_unexpected() -> None:
    items, unexpected = si.match_items(CASE, LABELS, [
        line("tubo-cobre-22mm", "3", unit="m"), line(None, "2", to_quote=True),
        line("desplazamiento", "1", kind="service_call"), line("mano-obra-oficial", "2", kind="labour", unit="h")])
    assert [i["how"] for i in items] == ["priced", "to_quote"] and unexpected == []
    # another quantity, or the a-cotizar item priced as something: unexpected (wrong-priced)
    items, unexpected = si.match_items(CASE, LABELS, [line("tubo-cobre-22mm", "4", unit="m"),
                                                      line("tubo-pvc-40mm", "2", unit="m")])
    assert [i["how"] for i in items] == ["missing", "missing"]
    assert [u["code"] for u in unexpected] == ["tubo-cobre-22mm", "tubo-pvc-40mm"]


def test_the_set_is_played_and_every_case_gets_exactly_one_outcome(app_db: Any) -> None:
    summary, results = si.run(app_db.url)
    assert summary["cases"] == 39 == sum(summary[k] for k in si.OUTCOMES)
    assert {r["outcome"] for r in results} <= set(si.OUTCOMES)
    refused = next(r for r in results if r["id"] == "ei14")   # painting a living room: no estimate
    assert refused["turns"][0]["did"] == "refused" and refused["outcome"] == "right"


SET2 = si.ROOT / "eval" / "estimates-independent-2.jsonl"
LABELS2 = si.ROOT / "eval" / "estimates-independent-2-labels.json"


def test_the_second_set_has_a_label_per_expected_item_naming_active_catalogue_rows(conn: psycopg.Connection) -> None:
    cases, labels = si.load_cases(SET2), si.load_labels(LABELS2)
    assert [c["id"] for c in cases] == sorted(labels) and len(cases) == 32
    active = {code for (code,) in conn.execute("SELECT code FROM price_catalog WHERE active").fetchall()}
    for case in cases:
        assert {t["expect"] for t in case["turns"]} <= KINDS, case["id"]
        items = case["final"].get("items") or []
        assert len(labels[case["id"]]) == len(items), case["id"]
        for label in labels[case["id"]]:
            codes = label["codes"] + [c for alt in label.get("alternatives", []) for c in alt["codes"]]
            assert set(codes) <= active, (case["id"], set(codes) - active)
        # a line the words leave open is labelled a cotizar, never a code
        assert len(case["final"]["to_quote_expected"]) <= sum(not x["codes"] for x in labels[case["id"]]), case["id"]


def test_cases_and_labels_options_score_another_set(app_db: Any, tmp_path: Any, capsys: Any) -> None:
    out = tmp_path / "set2.json"
    assert si.main(["--database-url", app_db.url, "--cases", str(SET2), "--labels", str(LABELS2),
                    "--ids", "ej12,ej15", "--out", str(out)]) == 0
    results = json.loads(out.read_text(encoding="utf-8"))["cases"]
    assert [r["id"] for r in results] == ["ej12", "ej15"]
    assert {r["outcome"] for r in results} <= set(si.OUTCOMES)
    assert "independent" in capsys.readouterr().out


def test_a_missing_cases_file_or_a_case_without_labels_is_a_clear_error(app_db: Any, tmp_path: Any,
                                                                        capsys: Any) -> None:
    with pytest.raises(SystemExit):
        si.main(["--database-url", app_db.url, "--cases", str(tmp_path / "none.jsonl")])
    assert "no such file" in capsys.readouterr().err
    labels = tmp_path / "labels.json"
    labels.write_text('{"labels": {"ej01": []}}', encoding="utf-8")
    with pytest.raises(ValueError, match="no labels for ej02"):
        si.run(app_db.url, {"ej01", "ej02"}, SET2, labels)


SET3 = si.ROOT / "eval" / "estimates-independent-3.jsonl"
LABELS3 = si.ROOT / "eval" / "estimates-independent-3-labels.json"


def assert_set_shape(cases: list[dict[str, Any]], labels: dict[str, list[dict[str, Any]]], active: set[str],
                     count: int) -> None:
    """A held-out set's shape, without scoring it: `count` cases, each labelled; only the scorer's turn kinds and an
    intent on every turn; one label per expected item naming active catalogue rows; a null quantity only on an
    a-cotizar item; every line the words leave open (`to_quote_expected`) labelled a cotizar."""
    assert [c["id"] for c in cases] == sorted(labels) and len(cases) == count
    for case in cases:
        assert {t["expect"] for t in case["turns"]} <= KINDS, case["id"]
        assert all(t["intent"].strip() for t in case["turns"]), case["id"]   # what the plumber means, per turn
        items = case["final"].get("items") or []
        assert len(labels[case["id"]]) == len(items), case["id"]
        for item, label in zip(items, labels[case["id"]], strict=True):
            codes = label["codes"] + [c for alt in label.get("alternatives", []) for c in alt["codes"]]
            assert set(codes) <= active, (case["id"], set(codes) - active)
            assert item["quantity"] is not None or not label["codes"], case["id"]   # no number said: a cotizar
        assert len(case["final"]["to_quote_expected"]) <= sum(not x["codes"] for x in labels[case["id"]]), case["id"]


def active_codes(conn: psycopg.Connection) -> set[str]:
    return {code for (code,) in conn.execute("SELECT code FROM price_catalog WHERE active").fetchall()}


def assert_decided_case_shape(case: dict[str, Any]) -> None:
    """A case of the sets that play the customer's decision (5 on): decided after a turn the set has, the final
    status staying what the plumber did (sent); a turn expected locked only once decided; no estimate (status
    null) only when nothing is expected and every turn is refused."""
    decided = case.get("customer")
    if decided:
        assert 1 <= decided["after_turn"] < len(case["turns"]), case["id"]
        assert case["final"]["status"] == "sent", case["id"]
    locked = [n for n, t in enumerate(case["turns"], start=1) if t["expect"] == "locked"]
    assert all(decided and n > decided["after_turn"] for n in locked), case["id"]
    if case["final"]["status"] is None:
        assert not case["final"]["items"] and {t["expect"] for t in case["turns"]} == {"refused"}, case["id"]


def assert_turn_count_shape(case: dict[str, Any], single_up_to: int) -> None:
    """Cases numbered up to `single_up_to` (the digits after the two-letter prefix) have one turn, the rest 2-4."""
    single = int(case["id"][2:]) <= single_up_to
    assert (len(case["turns"]) == 1) if single else (2 <= len(case["turns"]) <= 4), case["id"]


def test_the_decided_case_check_fails_on_a_lock_before_the_decision_or_an_estimate_left_unrefused() -> None:
    turns = [{"text": "2 codos de cobre de 15", "expect": "new"}, {"text": "envíalo", "expect": "sent"},
             {"text": "añade un codo", "expect": "locked"}]
    case = {"id": "x01", "turns": turns, "customer": {"after_turn": 2, "decision": "accepted"},
            "final": {"status": "sent", "items": [{"what": "codo"}]}}
    assert_decided_case_shape(case)
    assert_turn_count_shape(case, single_up_to=0)
    with pytest.raises(AssertionError):   # locked before the customer decided
        assert_decided_case_shape({**case, "customer": {"after_turn": 3, "decision": "accepted"}})
    with pytest.raises(AssertionError):   # no estimate, yet a turn expected to make one
        assert_decided_case_shape({**case, "customer": None, "turns": turns[:1], "final": {"status": None, "items": []}})
    with pytest.raises(AssertionError):   # three turns numbered as a single-turn case
        assert_turn_count_shape(case, single_up_to=14)


def test_the_shape_check_fails_on_a_label_missing_or_naming_no_catalogue_row() -> None:
    case = {"id": "x01", "turns": [{"text": "2 codos de cobre de 15", "expect": "new", "intent": "copper elbows"}],
            "final": {"items": [{"what": "codo de cobre", "size": "15 mm", "quantity": 2, "unit": "ud"}],
                      "to_quote_expected": []}}
    assert_set_shape([case], {"x01": [{"codes": ["codo-cobre-15mm"]}]}, {"codo-cobre-15mm"}, 1)
    with pytest.raises(AssertionError):
        assert_set_shape([case], {"x01": [{"codes": ["codo-cobre-99mm"]}]}, {"codo-cobre-15mm"}, 1)
    with pytest.raises(AssertionError):
        assert_set_shape([case], {"x01": []}, {"codo-cobre-15mm"}, 1)
    with pytest.raises(AssertionError):   # a turn kind the scorer does not know
        assert_set_shape([{**case, "turns": [{**case["turns"][0], "expect": "made"}]}],
                         {"x01": [{"codes": ["codo-cobre-15mm"]}]}, {"codo-cobre-15mm"}, 1)


def test_the_third_set_has_a_label_per_expected_item_naming_active_catalogue_rows(conn: psycopg.Connection) -> None:
    assert_set_shape(si.load_cases(SET3), si.load_labels(LABELS3), active_codes(conn), 35)


def test_an_item_whose_number_is_not_said_must_stay_a_cotizar() -> None:
    case = {"final": {"items": [{"what": "codo de cobre", "size": None, "quantity": None, "unit": "ud"}]}}
    items, unexpected = si.match_items(case, [{"codes": []}], [line(None, "1", to_quote=True)])
    assert [(i["how"], i["quantity"]) for i in items] == [("to_quote", "?")] and unexpected == []
    items, unexpected = si.match_items(case, [{"codes": []}], [line("codo-cobre-15mm", "4")])
    assert [i["how"] for i in items] == ["missing"] and [u["code"] for u in unexpected] == ["codo-cobre-15mm"]


SET4 = si.ROOT / "eval" / "estimates-independent-4.jsonl"
LABELS4 = si.ROOT / "eval" / "estimates-independent-4-labels.json"


def test_the_fourth_set_has_a_label_per_expected_item_naming_active_catalogue_rows(conn: psycopg.Connection) -> None:
    cases = si.load_cases(SET4)
    assert_set_shape(cases, si.load_labels(LABELS4), active_codes(conn), 36)
    for case in cases:
        if case.get("customer"):   # the customer decides after a turn the set has, and the final status says so
            assert 1 <= case["customer"]["after_turn"] < len(case["turns"]), case["id"]
            assert case["final"]["status"] == case["customer"]["decision"], case["id"]


SET5 = si.ROOT / "eval" / "estimates-independent-5.jsonl"
LABELS5 = si.ROOT / "eval" / "estimates-independent-5-labels.json"


def test_the_fifth_set_has_a_label_per_expected_item_naming_active_catalogue_rows(conn: psycopg.Connection) -> None:
    cases = si.load_cases(SET5)
    assert_set_shape(cases, si.load_labels(LABELS5), active_codes(conn), 36)
    for case in cases:
        assert_decided_case_shape(case)


SET6 = si.ROOT / "eval" / "estimates-independent-6.jsonl"
LABELS6 = si.ROOT / "eval" / "estimates-independent-6-labels.json"


def test_the_sixth_set_has_a_label_per_expected_item_naming_active_catalogue_rows(conn: psycopg.Connection) -> None:
    cases = si.load_cases(SET6)
    assert_set_shape(cases, si.load_labels(LABELS6), active_codes(conn), 36)
    for case in cases:   # et01-et14 single-turn, et15-et36 multi-turn (2-4 turns)
        assert_turn_count_shape(case, single_up_to=14)
        assert_decided_case_shape(case)


SET7 = si.ROOT / "eval" / "estimates-independent-7.jsonl"
LABELS7 = si.ROOT / "eval" / "estimates-independent-7-labels.json"


def test_the_seventh_set_has_a_label_per_expected_item_naming_active_catalogue_rows(conn: psycopg.Connection) -> None:
    cases = si.load_cases(SET7)
    assert_set_shape(cases, si.load_labels(LABELS7), active_codes(conn), 36)
    assert [c["id"] for c in cases] == [f"eu{n:02d}" for n in range(1, 37)]
    for case in cases:   # eu01-eu14 single-turn, eu15-eu36 multi-turn (2-4 turns)
        assert_turn_count_shape(case, single_up_to=14)
        assert_decided_case_shape(case)
        assert case["final"]["labour_hours"] is None or case["final"].get("labour_change") is None, case["id"]
