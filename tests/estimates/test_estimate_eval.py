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
    assert len(cases) >= 84 and {c["set"] for c in cases} == {"tuning", "held-out", "issue-18", "held-out-2"}
    sets = {c["id"]: c["set"] for c in cases}
    scores = score_mode(conn, "catalogue", cases, {})
    by_set = {name: summarize([s for s in scores if sets[s.id] == name]) for name in set(sets.values())}
    # sr01-sr18: tuned examples of the rules "sizes never assumed", metres, nothing unasked, item kinds (helper
    # estrules, 2026-12-04); counted on their own below.
    rules = [s for s in scores if s.id.startswith("sr")]
    first = summarize([s for s in scores if sets[s.id] in ("tuning", "held-out") and not s.id.startswith("sr")])
    assert sum(s.wrong_priced != [] for s in scores) == 0, [(s.id, s.wrong_priced) for s in scores if s.wrong_priced]
    # The first 36: 30 right when written (bench/estimates/RESULTS.md), 36 since the catalogue of issue 18 and
    # partial drafts, 32 since "sizes are never assumed" (2026-12-04, branch estrules): x06, x07, x24 and h05
    # expected a bare "llave de paso", "latiguillo", "llave de escuadra" or "regulador de presión" priced as one
    # size of several; those lines are now a cotizar and asked back (no wrong price). Fewer is a regression.
    sized = {"x06", "x07", "x24", "h05", "n02", "n12"}
    assert first["right"] >= 32, [(s.id, s.lines) for s in scores if not s.right and sets[s.id] in ("tuning", "held-out")]
    for s in scores:
        if not s.right and s.id in sized:
            assert s.outcome == "partial" and all(
                line["requested"] in {"llave de paso", "latiguillo", "llave de escuadra", "regulador de presion",
                                   "reductor de presion"}
                for line in s.lines if line["to_quote"]), (s.id, s.lines)
    assert first["extra_to_quote_lines"] == sum(
        sum(line["to_quote"] for line in s.lines) for s in scores if s.id in sized and sets[s.id] in ("tuning", "held-out"))
    # sr07 ("precio de 3 latiguillos": only a sizeless item, no job) is a draft that asks the size since branch
    # esrules (it was refused: no draft to ask back on); sr14's elbows
    # tie between the pipe's 15 mm and the valve's 3/4 (a cotizar). The other 16 are right.
    assert sum(s.right for s in rules) >= 16 and len(rules) == 18, [(s.id, s.outcome) for s in rules if not s.right]
    # The real requests of issue 18, all right.
    assert by_set["issue-18"]["right"] == 4
    # Written before the 300-item catalogue: no wrong price, at most 10 % refused, 20 of 26 right when measured,
    # 18 since sizes are never assumed (n02, n12: "latiguillos", "llaves de escuadra" without a size).
    held = by_set["held-out-2"]
    assert held["refused_pct"] <= 10 and held["right"] >= 18, held


def test_each_case_has_one_outcome() -> None:
    partial = score_case(CASE, [line("tubo-cobre-22mm", "3"), line("mano-obra-oficial", "1.5")])
    assert (partial.right, partial.outcome) == (False, "partial")
    wrong = score_case(CASE, [line("sifon-lavabo", "1"), line("codo-cobre-15mm", "1")])
    assert wrong.outcome == "wrong-priced"
    assert score_case(CASE, []).outcome == "refused"
    summary = summarize([partial, wrong, score_case(CASE, [])])
    assert (summary["right"], summary["partial"], summary["refused"], summary["cases_with_wrong_price"]) == (0, 1, 1, 1)
