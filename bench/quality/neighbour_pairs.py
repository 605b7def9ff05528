"""Which articles the knowledge-base search confuses with which, on the development sets: a confusion table of
neighbour pairs (the right article and the one that came first instead, or that was offered beside it when the
assistant asked back), then what the plumber gets per set.

    .venv/bin/python bench/quality/neighbour_pairs.py                      # this checkout's SQL, private Postgres
    .venv/bin/python bench/quality/neighbour_pairs.py --sql-root /tmp/before/n8n-workflows   # another checkout
    .venv/bin/python bench/quality/neighbour_pairs.py --questions          # also every question that is not right
    .venv/bin/python bench/quality/neighbour_pairs.py --extra some.sql     # SQL applied on top, rolled back

Only the development sets are read (fuzzy_audit.DEV_SETS); the independent split is refused by name. Labels: each
question's "article" and its "also" (other articles that answer it too). For each labelled question:

- *first wrong*: kb_context's first article is not a right one (the pair is right label → that article);
- *answered wrong*: kb_answer answered with it, without asking back;
- *asked*: kb_answer asked back; the pair is the right label → every other article offered (if the right one is
  offered: "asked, right offered"; if not: "asked, right missing", and the pair is right label → first offered).

Pairs are counted unordered ({a, b}), so "a water heater question found the cistern article" and the reverse add up
in one row: the group of articles whose words overlap.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "quality"))

from bench.eval_services import on_database  # noqa: E402
from devstack.postgres import WORKFLOWS_ROOT  # noqa: E402
from fuzzy_audit import DEV_SETS, load, right  # noqa: E402


def outcome(conn, question: str) -> dict:
    slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (question,)).fetchone()
    hits = conn.execute("SELECT slug, round(score::numeric, 3)::float FROM kb_search(%s, 3)", (question,)).fetchall()
    return {"first": slugs[0] if slugs else None,
            "offered": [c["slug"] for c in choices] if choices else None,
            "hits": [[slug, score] for slug, score in hits]}


def verdict(ok: set[str], got: dict) -> str:
    if got["first"] is None:
        return "not_sure"
    if got["offered"]:
        return "asked_ok" if ok & set(got["offered"]) else "asked"
    return "right" if got["first"] in ok else "wrong"


def measure(conn) -> dict:
    sets = {}
    pairs: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for name in DEV_SETS:
        rows = []
        for item in load(name):
            got = outcome(conn, item["question"])
            ok = right(item)
            row = {"set": name, "id": item["id"], "question": item["question"], "label": item.get("article"),
                   "right": sorted(ok), **got, "verdict": verdict(ok, got) if ok else None,
                   "first_right": bool(ok) and got["first"] in ok}
            rows.append(row)
            if not ok:
                continue
            label = item["article"]
            if got["first"] is not None and got["first"] not in ok:
                pairs[tuple(sorted((label, got["first"])))]["first_wrong"] += 1
                if row["verdict"] == "wrong":
                    pairs[tuple(sorted((label, got["first"])))]["answered_wrong"] += 1
            if row["verdict"] == "asked_ok":
                for other in got["offered"]:
                    if other not in ok:
                        pairs[tuple(sorted((label, other)))]["asked_right_offered"] += 1
            elif row["verdict"] == "asked":
                pairs[tuple(sorted((label, got["offered"][0])))]["asked_right_missing"] += 1
        sets[name] = rows
    return {"sets": sets, "pairs": pairs}


def totals(rows: list[dict]) -> dict:
    labelled = [r for r in rows if r["right"]]
    counts = Counter(r["verdict"] for r in labelled)
    unlabelled = [r for r in rows if not r["right"]]
    return {"labelled": len(labelled), "first_right": sum(r["first_right"] for r in labelled),
            **{k: counts[k] for k in ("right", "wrong", "asked_ok", "asked", "not_sure")},
            "unlabelled": len(unlabelled),
            "unlabelled_answered": sum(r["first"] is not None and not r["offered"] for r in unlabelled)}


def print_report(result: dict, questions: bool, top: int) -> None:
    pairs = result["pairs"]
    ranked = sorted(pairs.items(), key=lambda kv: (-(kv[1]["first_wrong"] + kv[1]["asked_right_offered"]
                                                     + kv[1]["asked_right_missing"]), kv[0]))
    print("| articles | first wrong | answered wrong | asked, right offered | asked, right missing |")
    print("|---|---|---|---|---|")
    for (a, b), c in ranked[:top]:
        print(f"| {a} / {b} | {c['first_wrong']} | {c['answered_wrong']} | {c['asked_right_offered']} "
              f"| {c['asked_right_missing']} |")
    print()
    print("| set | first right | answered right | answered wrong | asked (right offered / not) | not sure "
          "| without an article: answered |")
    print("|---|---|---|---|---|---|---|")
    grand = Counter()
    for name, rows in result["sets"].items():
        t = totals(rows)
        grand.update({k: v for k, v in t.items()})
        print(f"| {name} ({t['labelled']}) | {t['first_right']} | {t['right']} | {t['wrong']} | {t['asked_ok']} / "
              f"{t['asked']} | {t['not_sure']} | {t['unlabelled_answered']}/{t['unlabelled']} |")
    g = grand
    print(f"| all ({g['labelled']}) | {g['first_right']} | {g['right']} | {g['wrong']} | {g['asked_ok']} / "
          f"{g['asked']} | {g['not_sure']} | {g['unlabelled_answered']}/{g['unlabelled']} |")
    if questions:
        print()
        for name, rows in result["sets"].items():
            for r in rows:
                if r["right"] and (r["verdict"] != "right"):
                    print(f"{name}\t{r['id']}\t{r['verdict']}\t{r['label']}\t{r['hits']}\t{r['offered']}\t"
                          f"{r['question']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sql-root", type=Path, default=WORKFLOWS_ROOT)
    parser.add_argument("--database-url", help="an existing database instead of a private Postgres")
    parser.add_argument("--extra", type=Path, action="append", default=[],
                        help="SQL applied on top in a transaction that is rolled back")
    parser.add_argument("--questions", action="store_true", help="also list every question that is not right")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    import psycopg

    def work(url: str) -> dict:
        with psycopg.connect(url) as conn:
            for path in args.extra:
                conn.execute(path.read_text())
            result = measure(conn)
            conn.rollback()
        return result

    result = on_database(work, args.database_url, args.sql_root)
    print_report(result, args.questions, args.top)
    if args.json:
        out = {"sets": {k: totals(v) for k, v in result["sets"].items()},
               "pairs": [{"pair": list(k), **v} for k, v in result["pairs"].items()],
               "rows": result["sets"]}
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
