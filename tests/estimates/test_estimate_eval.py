"""The estimate evaluation set (eval/estimates.jsonl) as a quality gate, and the scorer's own rules.

The catalogue matching is deterministic, so its score on the set is a fixed number: a change to the aliases,
the job rules or estimate_match() that prices a line the plumber did not ask for, or loses a case, fails
here. The model's part is measured on demand (bench/estimates/RESULTS.md), not here."""

from __future__ import annotations

from decimal import Decimal

import psycopg

from eval.score_estimates import Line, load_cases, score_case, score_mode, summarize

CASE = {"id": "t", "require": [{"any_of": ["tubo-cobre-15mm", "tubo-cobre-22mm"], "quantity": 3, "or_to_quote": True},
                               {"any_of": ["sifon-lavabo"], "quantity": 1}],
        "labour": [1, 2], "allow": ["desplazamiento"]}


def line(code: str | None, quantity: str, to_quote: bool = False) -> Line:
    return Line(code=code, quantity=Decimal(quantity), to_quote=to_quote, requested=code or "x")


def test_a_case_is_right_only_with_every_line_its_quantity_the_labour_and_nothing_else_priced() -> None:
    good = [line("tubo-cobre-22mm", "3"), line("sifon-lavabo", "1.000"), line("mano-obra-oficial", "1.5"),
            line("desplazamiento", "1")]
    assert score_case(CASE, good).right
    assert score_case(CASE, [line(None, "3", True), *good[1:]]).right, "an unsettled diameter may be quoted"
    wrong_quantity = score_case(CASE, [line("tubo-cobre-22mm", "2"), *good[1:]])
    assert (wrong_quantity.right, wrong_quantity.required_found) == (False, 1)
    extra = score_case(CASE, [*good, line("codo-cobre-15mm", "1")])
    assert (extra.right, extra.wrong_priced) == (False, ["codo-cobre-15mm"])
    assert not score_case(CASE, good[:2] + [line("mano-obra-oficial", "4")]).labour_ok
    noise = score_case(CASE, [*good, line(None, "1", True)])
    assert noise.right and noise.extra_to_quote == 1


def test_catalogue_matching_on_the_evaluation_set(conn: psycopg.Connection) -> None:
    cases = load_cases()
    assert len(cases) >= 66 and {c["set"] for c in cases} == {"tuning", "held-out", "issue-18", "held-out-2"}
    first = [c for c in cases if c["set"] in ("tuning", "held-out")]
    assert len(first) == 36
    scores = score_mode(conn, "catalogue", first, {})
    summary = summarize(scores)
    assert summary["wrong_priced_lines"] == 0, [(s.id, s.wrong_priced) for s in scores if s.wrong_priced]
    # Measured 30/36 when the set was written (bench/estimates/RESULTS.md): the 6 others need a person or
    # words the job rules do not know yet. Fewer is a regression.
    assert summary["right"] >= 30, [(s.id, s.lines) for s in scores if not s.right]
    assert summary["extra_to_quote_lines"] == 0


def test_each_case_has_one_outcome() -> None:
    partial = score_case(CASE, [line("tubo-cobre-22mm", "3"), line("mano-obra-oficial", "1.5")])
    assert (partial.right, partial.outcome) == (False, "partial")
    wrong = score_case(CASE, [line("sifon-lavabo", "1"), line("codo-cobre-15mm", "1")])
    assert wrong.outcome == "wrong-priced"
    assert score_case(CASE, []).outcome == "refused"
    summary = summarize([partial, wrong, score_case(CASE, [])])
    assert (summary["right"], summary["partial"], summary["refused"], summary["cases_with_wrong_price"]) == (0, 1, 1, 1)
