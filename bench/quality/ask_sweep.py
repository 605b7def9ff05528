"""The knowledge search's decision (answer, ask back, offer) swept over every labelled tuning set at once.

The search runs once per question (a private Postgres with this checkout's SQL): `kb_search_rows`' first rows with
their scores, each row's `kb_likeness`, the title rule of `kb_choices`, which of the question's stems each row has in
its title or keywords (kb_terms place A), and the staff pairs (`kb_ask_between`) and neighbour pairs (the articles a
"not this one if…" row of `kb_exclusions` names in its note). `kb_choices` is then replayed in Python for each
setting of the grid, so a sweep of hundreds of settings takes seconds. The replay is checked against the deployed
`kb_answer` on every question (`replay_mismatches` in the output: must be 0 for the shipped settings), and a chosen
setting is confirmed through SQL with ask_back.py's --set / steal_moves.py.

    .venv/bin/python bench/quality/ask_sweep.py --baseline bench/quality/ask-33/baseline.json   # per set, SQL
    .venv/bin/python bench/quality/ask_sweep.py --collect /tmp/ask33-rows.json                   # read the search once
    .venv/bin/python bench/quality/ask_sweep.py --rows /tmp/ask33-rows.json --recorded [--strict] # the SQL's outcomes
    .venv/bin/python bench/quality/ask_sweep.py --rows /tmp/ask33-rows.json --sweep               # the grid's table
    .venv/bin/python bench/quality/ask_sweep.py --rows /tmp/ask33-rows.json --table neighbour_ratio=0.6 offer_fill_ratio=0.7
    .venv/bin/python bench/quality/ask_sweep.py --rows /tmp/ask34-rows.json --sweep-34   # stop 34: ask_ratio, second knobs
    .venv/bin/python bench/quality/ask_sweep.py --rows /tmp/ask34-rows.json --table ask_low_ratio=0.8 ask_low_jobs=1

Stop 34's what-ifs (replay only, not in the SQL; ASK-34.md): a lower ratio `ask_low_ratio` used only where a second
knob allows it: the best scores under `ask_low_below`; the best two of different jobs (`ask_low_jobs` 1: they share
none of the question's stems in their titles or keywords; 2: the second has one the first has not); the offer limited
to those two (`ask_low_two`).

Sets: steal_moves.SETS (ask_back.DEV_SETS, dev-facts-1/2, dev-jobs-8, dev-steal-9, dev-jobs-10), read by its loader.
Outcomes of a labelled question (its label and "also" are right; --strict: the label only): right (answered with a
right article), offered (asked back, a right article among the cases), wrong (answered with another article),
missing (asked back without a right case), none (nothing found). Never a held-out file.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.quality import steal_moves  # noqa: E402

OUTCOMES = ("right", "offered", "wrong", "missing", "none")
TOP = 10   # rows of kb_search_rows read per question (kb_offer_pool() is 8, kb_max_choices() + 1 is 4)

# the settings the replay reads (kb_settings keys) and the two new ones of stop 33
SETTINGS = ("ask_ratio", "ask_trigram_ratio", "ask_trigram_margin", "ask_lone_neighbours", "ask_pair_ratio",
            "max_choices", "offer_fill_ratio", "offer_pool", "offer_likeness_case",
            "ask_neighbour_ratio", "ask_neighbour_object", "offer_floor_ratio",
            "ask_low_ratio", "ask_low_below", "ask_low_jobs", "ask_low_two")
OFF = 1.01   # a ratio rule at 1.01 or more never fires


def items() -> list[dict]:
    """Every question of the tuning sets with its label (None: no article) and "also": steal_moves' loader (its SETS
    has had dev-jobs-10 since stop 33, which this file added by a copy of that loader; speed34, stop 34)."""
    return steal_moves.questions()


def neighbour_pairs(conn) -> list[list[str]]:
    """The pairs the "not this one if…" rows name: the row's article and each article slug its note mentions."""
    slugs = {s for (s,) in conn.execute("SELECT slug FROM kb_articles WHERE active")}
    pairs = set()
    for article, note in conn.execute("SELECT article_slug, note FROM kb_exclusions WHERE active"):
        for word in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", note or ""):
            if word in slugs and word != article:
                pairs.add(tuple(sorted((article, word))))
    return sorted(list(p) for p in pairs)


def collect(url: str, questions: list[dict]) -> dict:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        settings = dict(conn.execute("SELECT key, value FROM kb_settings"))
        pairs = [list(r) for r in conn.execute(
            "SELECT article_a, article_b, a_first_only FROM kb_ask_between WHERE active")]
        neighbours = neighbour_pairs(conn)
        rows = []
        for item in questions:
            q = item["question"]
            slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (q,)).fetchone()
            search = conn.execute(
                "SELECT r.slug, r.score::real, r.passes, kb_likeness(%s, r.slug), "
                "       coalesce((SELECT array_agg(DISTINCT t.lexeme) FROM kb_terms t JOIN kb_articles a "
                "                 ON a.id = t.article_id WHERE a.slug = r.slug AND t.place = 'A' "
                "                 AND t.lexeme = ANY (kb_lexemes(%s))), '{}') "
                "FROM kb_search_rows(%s) r ORDER BY r.score DESC, r.id LIMIT %s", (q, q, q, TOP)).fetchall()
            first_passing = next((s for s, _, p, _, _ in search if p), None)
            named = False
            if first_passing:
                named = conn.execute(
                    "SELECT count(*) >= 2 AND coalesce(bool_and(l = ANY (kb_lexemes(a.title))), false) "
                    "FROM unnest(kb_lexemes(%s)) l, kb_articles a WHERE a.slug = %s AND kb_known(l)",
                    (q, first_passing)).fetchone()[0]
            rows.append({**item, "first": slugs[0] if slugs else None,
                         "offered": [c["slug"] for c in choices] if choices else None,
                         "named": named,
                         "search": [{"slug": s, "score": sc, "passes": p, "likeness": lk, "object": obj}
                                    for s, sc, p, lk, obj in search]})
    return {"settings": settings, "ask_between": pairs, "neighbours": neighbours, "rows": rows}


def number(settings: dict, key: str, default=None):
    value = settings.get(key, default)
    if isinstance(value, str):
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
        return float(value)
    return value


def different_jobs(first: dict, second: dict, mode) -> bool:
    """Stop 34's what-if "the best two are of different jobs", read from the question's stems in each article's
    title or keywords (kb_terms place A): mode 1, they share none of them; mode 2, the second has one the first
    has not (it names something of the question the first does not)."""
    a, b = set(first["object"]), set(second["object"])
    return not (a & b) if mode == 1 else bool(b - a)


def replay(row: dict, s: dict, ask_between: list, neighbours: set) -> tuple[str | None, list[str] | None]:
    """kb_answer's first article and kb_choices' cases (None: answered) for settings `s`, as answer.sql does."""
    searched = [dict(r, position=i + 1) for i, r in enumerate(row["search"])]
    max_choices = int(s["max_choices"])
    found = [r for r in searched if r["passes"]][:max_choices]
    if not found:
        return None, None
    hits = [dict(r, n=i + 1) for i, r in enumerate(found)]
    if s["ask_lone_neighbours"] and len(found) == 1:
        below = sorted((r for r in searched if r["slug"] != found[0]["slug"] and r["position"] <= max_choices + 1),
                       key=lambda r: (-r["score"], r["slug"]))
        hits += [dict(r, n=i + 2) for i, r in enumerate(below) if i + 2 <= max_choices]
    best = hits[0]["score"]
    close = [h for h in hits if h["score"] >= s["ask_ratio"] * best]
    low = False   # stop 34's what-ifs: a lower ratio only where a second knob allows it (ASK-34.md)
    if len(close) < 2 and s["ask_low_ratio"] < s["ask_ratio"] and best < s["ask_low_below"]:
        lower = [h for h in hits if h["score"] >= s["ask_low_ratio"] * best]
        if len(lower) >= 2 and (not s["ask_low_jobs"] or different_jobs(hits[0], lower[1], s["ask_low_jobs"])):
            close, low = (lower[:2] if s["ask_low_two"] else lower), True
    near = [h for h in hits if len(close) < 2 and h["score"] >= s["ask_trigram_ratio"] * best]
    doubt = len(near) >= 2 and any(o["n"] > 1 and o["likeness"] >= hits[0]["likeness"]
                                   + max(s["ask_trigram_margin"], 1e-6) for o in near)
    second = hits[1] if len(hits) > 1 else None

    def is_pair(a, b):
        return any((x == a and y == b) or (not only and x == b and y == a) for x, y, only in ask_between)

    paired = []
    if second and len(close) < 2 and not doubt and second["score"] >= s["ask_pair_ratio"] * best \
            and is_pair(hits[0]["slug"], second["slug"]):
        paired = hits[:2]
    neighboured = []
    if second and len(close) < 2 and not doubt and not paired \
            and second["score"] >= s["ask_neighbour_ratio"] * best \
            and (tuple(sorted((hits[0]["slug"], second["slug"]))) in neighbours
                 or (s["ask_neighbour_object"] and set(hits[0]["object"]) & set(second["object"]))):
        neighboured = hits[:2]
    offered = (close if len(close) >= 2 else []) + (near if doubt else []) + paired + neighboured
    if len(offered) < 2 or row["named"]:
        return hits[0]["slug"], None
    asked = offered
    top = max(a["score"] for a in asked)
    # a what-if measured at stop 33 and not shipped (ASK-33.md): a floor over every case, the rules' own too; an offer
    # left with one case answers with the best. The shipped floor is offer_fill_ratio (the filled places only).
    asked = [a for a in asked if a["score"] >= s["offer_floor_ratio"] * top]
    if len(asked) < 2:
        return hits[0]["slug"], None
    if low and s["ask_low_two"] and [a["slug"] for a in asked] == [c["slug"] for c in close]:
        return hits[0]["slug"], [a["slug"] for a in sorted(asked, key=lambda a: a["n"])]
    taken = {a["slug"] for a in asked}
    pool = [r for r in searched if r["position"] <= s["offer_pool"] and r["slug"] not in taken
            and r["score"] >= max(s["offer_fill_ratio"], s["offer_floor_ratio"]) * top]
    by_score = sorted(pool, key=lambda r: (-r["score"], r["position"]))
    three = [a["slug"] for a in sorted(asked, key=lambda a: a["n"])] + \
        [b["slug"] for b in by_score[:max(0, max_choices - len(asked))]]
    if s["offer_likeness_case"] and len(three) >= max(max_choices, 2):
        rest = sorted((p for p in pool if p["slug"] not in three), key=lambda p: (-p["likeness"], p["position"]))
        if rest:
            lik = {r["slug"]: r["likeness"] for r in searched}
            if rest[0]["likeness"] > min(lik[t] for t in three):
                three.append(rest[0]["slug"])
    return hits[0]["slug"], three


def outcome(row: dict, first, offered, strict: bool) -> str:
    if not row["label"]:
        return "no article: nothing" if first is None else ("no article: asked" if offered
                                                            else "no article: answered")
    right = {row["label"]} if strict else {row["label"], *row["also"]}
    if first is None:
        return "none"
    if offered:
        return "offered" if right & set(offered) else "missing"
    return "right" if first in right else "wrong"


def evaluate(data: dict, s: dict, strict: bool = False) -> dict:
    """{set: Counter of outcomes, plus 'cases' (cases offered in all) and 'extra' (offered cases not right)}."""
    neighbours = {tuple(p) for p in data["neighbours"]}
    result: dict[str, Counter] = {}
    for row in data["rows"]:
        first, offered = replay(row, s, data["ask_between"], neighbours)
        c = result.setdefault(row["set"], Counter())
        c[outcome(row, first, offered, strict)] += 1
        if offered:
            c["offers"] += 1
            c["cases"] += len(offered)
            right = {row["label"], *([] if strict else row["also"])} if row["label"] else set()
            c["extra"] += sum(1 for o in offered if o not in right)
    result["all"] = sum(result.values(), Counter())
    return result


def shipped(data: dict) -> dict:
    s = {k: number(data["settings"], k) for k in SETTINGS if k in data["settings"]}
    s.setdefault("ask_neighbour_ratio", OFF)
    s.setdefault("ask_neighbour_object", False)
    s.setdefault("offer_floor_ratio", 0.0)
    s.setdefault("ask_low_ratio", s["ask_ratio"])
    s.setdefault("ask_low_below", 1e9)
    s.setdefault("ask_low_jobs", 0)
    s.setdefault("ask_low_two", False)
    return s


def recorded(data: dict, strict: bool = False) -> dict:
    """The per-set outcomes of what kb_answer itself answered when the rows were collected (SQL, no replay)."""
    result: dict[str, Counter] = {}
    for row in data["rows"]:
        c = result.setdefault(row["set"], Counter())
        c[outcome(row, row["first"], row["offered"], strict)] += 1
        if row["offered"]:
            right = {row["label"], *([] if strict else row["also"])} if row["label"] else set()
            c["offers"] += 1
            c["cases"] += len(row["offered"])
            c["extra"] += sum(1 for x in row["offered"] if x not in right)
    result["all"] = sum(result.values(), Counter())
    return result


def check_replay(data: dict) -> list[str]:
    """Questions whose replayed decision (shipped settings) differs from the deployed kb_answer's."""
    s, neighbours = shipped(data), {tuple(p) for p in data["neighbours"]}
    bad = []
    for row in data["rows"]:
        first, offered = replay(row, s, data["ask_between"], neighbours)
        if first != row["first"] or (offered or None) != (row["offered"] or None):
            bad.append(f"{row['set']}/{row['id']}")
    return bad


GRID = {
    "ask_ratio": (0.85, 0.84, 0.83, 0.82, 0.8),
    "ask_neighbour_ratio": (OFF, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5),
    "ask_neighbour_object": (False, True),
    "offer_floor_ratio": (0.0, 0.61, 0.62, 0.63, 0.65, 0.7),
}


def sweep(data: dict, strict: bool) -> list[dict]:
    base = shipped(data)
    before = evaluate(data, base, strict)
    before_strict = evaluate(data, base, True)
    out = []
    keys = list(GRID)
    for values in itertools.product(*GRID.values()):
        s = {**base, **dict(zip(keys, values))}
        if s["ask_neighbour_ratio"] >= OFF and s["ask_neighbour_object"]:
            continue
        r = evaluate(data, s, strict)
        worse = [name for name in r if name != "all" and r[name]["wrong"] > before[name]["wrong"]]
        rs = r if strict else evaluate(data, s, True)
        worse += [f"{name} (strict)" for name in rs if name != "all" and rs[name]["wrong"] > before_strict[name]["wrong"]]
        out.append({"settings": dict(zip(keys, values)), "all": dict(r["all"]), "sets_worse_in_wrong": worse,
                    "reach": r["all"]["right"] + r["all"]["offered"], "strict_wrong": rs["all"]["wrong"],
                    "strict_reach": rs["all"]["right"] + rs["all"]["offered"]})
    return out


TUNED_SETS = ("questions", "tuning-regional", "dev-neighbours", "dev-embed")   # test_retrieval_gates' "tuned"
GRID_34 = [{"ask_ratio": r} for r in (0.86, 0.85, 0.84, 0.83, 0.82, 0.81, 0.8, 0.79, 0.78)] + [
    {"ask_low_ratio": low, "ask_low_below": below, "ask_low_jobs": jobs, "ask_low_two": two}
    for low in (0.83, 0.82, 0.8, 0.78) for below in (1e9, 2.5, 2.0, 1.5) for jobs in (0, 1, 2) for two in (False, True)]


def sweep_34(data: dict, strict: bool) -> list[dict]:
    """Stop 34's grid: ask_ratio 0.78-0.86 alone, and a lower ratio (ask_low_ratio) only where a second knob allows it
    (the best scores under ask_low_below; the best two of different jobs, ask_low_jobs 1 or 2; the offer limited to
    those two, ask_low_two). Per row: the pooled outcomes, the most "missing" added on one set, the sets that lose
    right+offered or gain wrong answers, and the asking gates' counts (test_retrieval_gates.py)."""
    base = shipped(data)
    before, before_strict = evaluate(data, base, strict), evaluate(data, base, True)
    labelled = Counter(r["set"] for r in data["rows"] if r["label"])
    out = []
    for change in GRID_34:
        s = {**base, **change}
        r = evaluate(data, s, strict)
        rs = r if strict else evaluate(data, s, True)
        sets = [n for n in r if n != "all"]
        reach = lambda c: c["right"] + c["offered"]
        out.append({"settings": change, "all": dict(r["all"]), "reach": reach(r["all"]),
                    "strict_wrong": rs["all"]["wrong"], "strict_reach": reach(rs["all"]),
                    "missing_up_most": max(r[n]["missing"] - before[n]["missing"] for n in sets),
                    "reach_down": [n for n in sets if reach(r[n]) < reach(before[n])],
                    "wrong_up": [n for n in sets if r[n]["wrong"] > before[n]["wrong"]]
                    + [f"{n} (strict)" for n in sets if rs[n]["wrong"] > before_strict[n]["wrong"]],
                    "tuned_asks": f"{sum(r[n]['offers'] for n in TUNED_SETS if n in r)}/"
                                  f"{sum(labelled[n] for n in TUNED_SETS)}",
                    "r4_asks": f"{r['dev-regional-4']['offers']}/{labelled['dev-regional-4']}"})
    return out


def print_sweep_34(out: list[dict]) -> None:
    print("| ask_ratio | low ratio | best under | jobs | two | right | offered | **wrong** | missing | right+offered | "
          "asks | cases/offer | strict wrong / reach | most missing added on a set | sets losing right+offered | "
          "sets with more wrong | asks: tuned sets / dev-regional-4 |")
    print("|" + "---|" * 17)
    for o in out:
        st, a = o["settings"], o["all"]
        print(f"| {st.get('ask_ratio', 0.85)} | {st.get('ask_low_ratio', '–')} | "
              f"{'–' if st.get('ask_low_below', 1e9) >= 1e9 else st['ask_low_below']} | {st.get('ask_low_jobs', '–')} | "
              f"{st.get('ask_low_two', '–')} | {a.get('right', 0)} | {a.get('offered', 0)} | **{a.get('wrong', 0)}** | "
              f"{a.get('missing', 0)} | {o['reach']} | {a.get('offers', 0)} | "
              f"{a.get('cases', 0) / max(1, a.get('offers', 0)):.2f} | {o['strict_wrong']} / {o['strict_reach']} | "
              f"{o['missing_up_most']} | {', '.join(o['reach_down']) or '—'} | {', '.join(o['wrong_up']) or '—'} | "
              f"{o['tuned_asks']} / {o['r4_asks']} |")


def line(label: str, c: Counter) -> str:
    n = sum(c[k] for k in OUTCOMES)
    per_offer = c["cases"] / c["offers"] if c["offers"] else 0
    return (f"| {label} | {n} | {c['right']} | {c['offered']} | **{c['wrong']}** | {c['missing']} | {c['none']} | "
            f"{c['right'] + c['offered']} | {c['offers']} | {per_offer:.2f} | {c['extra']} | "
            f"{c['no article: answered']} / {c['no article: asked']} / {c['no article: nothing']} |")


HEADER = ("| set | labelled | right | offered | **wrong** | missing | none | right+offered | asks | cases per offer "
          "| cases not right | no article: answered / asked / nothing |\n|---|---|---|---|---|---|---|---|---|---|---|---|")


def per_set_table(result: dict) -> str:
    return "\n".join([HEADER] + [line(name, c) for name, c in result.items()])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--collect", type=Path, help="read the search once for every tuning question into this file")
    parser.add_argument("--rows", type=Path, help="a --collect file to replay")
    parser.add_argument("--sweep", action="store_true", help="the grid (GRID) over every set at once")
    parser.add_argument("--sweep-34", action="store_true", help="stop 34's grid (GRID_34): ask_ratio and a lower "
                        "ratio behind a second knob")
    parser.add_argument("--table", nargs="*", metavar="KEY=VALUE", help="one setting's per-set table")
    parser.add_argument("--recorded", action="store_true",
                        help="with --rows: the per-set table of what kb_answer (SQL) answered when collected")
    parser.add_argument("--baseline", type=Path, help="kb_answer (SQL, deployed settings) per set into this file")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="with --baseline/--collect: kb_settings rows changed in the private database")
    parser.add_argument("--without-examples", action="store_true",
                        help="with --collect: every example question deleted first (a base less fitted to the sets)")
    parser.add_argument("--strict", action="store_true", help="only the label is right")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    if args.collect or args.baseline:
        from bench.eval_services import private_database_from
        from devstack.postgres import SCHEMA_FILES
        import psycopg

        with private_database_from(tuple(SCHEMA_FILES)) as url:
            with psycopg.connect(url, autocommit=True) as conn:
                if args.without_examples:   # a base less fitted to these questions (ASKING.md, "Stop 22")
                    conn.execute("DELETE FROM kb_examples")
                for pair in args.set:
                    key, _, value = pair.partition("=")
                    if conn.execute("UPDATE kb_settings SET value = %s WHERE key = %s",
                                    (value, key.strip())).rowcount != 1:
                        raise SystemExit(f"--set: no kb_settings row {key!r}")
            data = collect(url, items())
        if args.collect:
            args.collect.write_text(json.dumps(data, ensure_ascii=False) + "\n")
        if args.baseline:
            result = recorded(data, args.strict)
            args.baseline.write_text(json.dumps({"settings": data["settings"], "sets": result,
                                                 "questions": {f"{r['set']}/{r['id']}": [r["first"], r["offered"]]
                                                               for r in data["rows"]}},
                                                ensure_ascii=False, indent=1) + "\n")
            print(per_set_table(result))
        print(f"replay_mismatches: {len(check_replay(data))} {check_replay(data)[:10]}", file=sys.stderr)
        return 0
    if not args.rows:
        parser.error("give --collect, --baseline or --rows")
    data = json.loads(args.rows.read_text())
    bad = check_replay(data)
    print(f"replay_mismatches: {len(bad)} {bad[:10]}", file=sys.stderr)
    if args.sweep_34:
        out = sweep_34(data, args.strict)
        print_sweep_34(out)
        if args.json:
            args.json.write_text(json.dumps(out, indent=1) + "\n")
        return 0
    if args.sweep:
        out = sweep(data, args.strict)
        base = evaluate(data, shipped(data), args.strict)["all"]
        print(f"shipped: wrong {base['wrong']}, right+offered {base['right'] + base['offered']}, "
              f"missing {base['missing']}, asks {base['offers']}, cases {base['cases']}")
        keys = list(GRID)
        print("| " + " | ".join(keys) + " | right | offered | wrong | missing | right+offered | asks | cases/offer | "
              "cases not right | strict: wrong / right+offered | sets worse in wrong |")
        print("|" + "---|" * (len(keys) + 10))
        for o in out:
            a = o["all"]
            print("| " + " | ".join(str(v) for v in o["settings"].values()) +
                  f" | {a.get('right', 0)} | {a.get('offered', 0)} | {a.get('wrong', 0)} | {a.get('missing', 0)} | "
                  f"{o['reach']} | {a.get('offers', 0)} | {a.get('cases', 0) / max(1, a.get('offers', 0)):.2f} | "
                  f"{a.get('extra', 0)} | {o['strict_wrong']} / {o['strict_reach']} | "
                  f"{', '.join(o['sets_worse_in_wrong']) or '—'} |")
        if args.json:
            args.json.write_text(json.dumps(out, indent=1) + "\n")
        return 0
    if args.recorded:
        print(per_set_table(recorded(data, args.strict)))
        return 0
    s = shipped(data)
    for pair in args.table or []:
        key, _, value = pair.partition("=")
        s[key] = value.lower() == "true" if value.lower() in ("true", "false") else float(value)
    print(per_set_table(evaluate(data, s, args.strict)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
