"""Which tuning questions an older knowledge base answered differently: per set, before → after, and every
question whose outcome moved, with the articles that took it (no model; kb_answer as the chat workflow calls it).

    # main just before stop 31's articles against this checkout
    rm -rf /tmp/kb-8e5651e && mkdir /tmp/kb-8e5651e && git archive 8e5651e n8n-workflows | tar -x -C /tmp/kb-8e5651e
    .venv/bin/python bench/quality/steal_moves.py --before /tmp/kb-8e5651e/n8n-workflows [--json F]
    # run the "before" side once and keep it (it does not change while the branch's rows do)
    .venv/bin/python bench/quality/steal_moves.py --before /tmp/kb-8e5651e/n8n-workflows --save-before /tmp/b.json
    .venv/bin/python bench/quality/steal_moves.py --load-before /tmp/b.json
    # why an article scores what it does for a question: each word's best place in it, the closest example
    .venv/bin/python bench/quality/steal_moves.py --explain "el termo gotea por abajo" termo-pierde-por-abajo

Sets: the development sets of ask_back.py (DEV_SETS: labels "article" + "also", or their labels file), plus
dev-facts-1 and dev-facts-2 (labels files; dev-facts-1's "also" file), dev-jobs-8 (its labels), dev-steal-9 (its
labels), dev-jobs-10, dev-jobs-11, dev-lay-12, dev-seasons-13, dev-judge-14 and dev-buildings-15 (their labels and "also" files). Outcomes of a labelled question: answered right, answered wrong, asked with the right
case offered, asked without it, nothing found; a question labelled null (no article covers it): answered (by some
article), asked, nothing. "strict" counts only the label (as a held-out split is scored); otherwise "also" too.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from, schema_files_under  # noqa: E402
from bench.quality.ask_back import DEV_SETS  # noqa: E402
from devstack.postgres import SCHEMA_FILES  # noqa: E402

# (set, labels file or None, "also" file or None)
SETS = tuple((name, labels, None) for name, labels in DEV_SETS) + (
    ("dev-facts-1", "dev-facts-1-labels.json", "dev-facts-1-also.json"),
    ("dev-facts-2", "dev-facts-2-labels.json", None),
    ("dev-jobs-8", "dev-jobs-8-labels.json", None),
    ("dev-steal-9", "dev-steal-9-labels.json", None),
    ("dev-jobs-10", "dev-jobs-10-labels.json", "dev-jobs-10-also.json"),
    ("dev-jobs-11", "dev-jobs-11-labels.json", "dev-jobs-11-also.json"),
    ("dev-lay-12", "dev-lay-12-labels.json", "dev-lay-12-also.json"),
    ("dev-seasons-13", "dev-seasons-13-labels.json", "dev-seasons-13-also.json"),
    ("dev-judge-14", "dev-judge-14-labels.json", "dev-judge-14-also.json"),
    ("dev-buildings-15", "dev-buildings-15-labels.json", "dev-buildings-15-also.json"),
)
OUTCOMES = ("right", "wrong", "asked+", "asked-", "nothing")
NONE_OUTCOMES = ("none: answered", "none: asked", "none: nothing")


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def questions() -> list[dict]:
    """Every question of SETS with its label (None: no article) and the articles that also answer it."""
    items = []
    for name, labels_file, also_file in SETS:
        path = ROOT / "eval" / f"{name}.jsonl"
        if not path.exists():
            continue
        labels = json.loads((ROOT / "eval" / labels_file).read_text()) if labels_file else None
        also = json.loads((ROOT / "eval" / also_file).read_text()) if also_file else {}
        for item in load(path):
            if labels is not None:
                if item["id"] not in labels:
                    continue
                label = labels[item["id"]]
            else:
                if "article" not in item:
                    continue
                label = item.get("article")
            extra = list(item.get("also") or []) if labels is None else list(also.get(item["id"], []))
            items.append({"set": name, "id": item["id"], "question": item["question"], "label": label,
                          "also": extra if label else []})
    return items


def run(conn, items: list[dict]) -> dict[str, dict]:
    """{set/id: {first, offered, top}}: kb_answer's first article and the cases it offers (None when it answers),
    and the search's first five articles with their scores."""
    out = {}
    for item in items:
        slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (item["question"],)).fetchone()
        top = conn.execute("SELECT slug, round(score::numeric, 3)::float, passes FROM kb_search_rows(%s) "
                           "ORDER BY score DESC, id LIMIT 5", (item["question"],)).fetchall()
        out[f"{item['set']}/{item['id']}"] = {
            "first": slugs[0] if slugs else None,
            "offered": [c["slug"] for c in choices] if choices else None,
            "top": [[s, sc, p] for s, sc, p in top]}
    return out


def outcome(item: dict, got: dict, strict: bool) -> str:
    first, offered = got["first"], got["offered"]
    if not item["label"]:
        return "none: nothing" if first is None else ("none: asked" if offered else "none: answered")
    right = {item["label"]} if strict else {item["label"], *item["also"]}
    if first is None:
        return "nothing"
    if offered:
        return "asked+" if right & set(offered) else "asked-"
    return "right" if first in right else "wrong"


def table(items: list[dict], before: dict, after: dict, strict: bool) -> str:
    lines = ["| set | labelled | answered right | **answered wrong** | asked, right offered | asked, right missing "
             "| nothing | no article: answered / asked / nothing |", "|---|---|---|---|---|---|---|---|"]
    sets = list(dict.fromkeys(i["set"] for i in items))
    pooled = {"before": Counter(), "after": Counter()}
    pooled_n = [0, 0]
    for name in sets + ["all of them"]:
        rows = items if name == "all of them" else [i for i in items if i["set"] == name]
        key = lambda i: f"{i['set']}/{i['id']}"  # noqa: E731
        counts = {side: Counter(outcome(i, run_[key(i)], strict) for i in rows)
                  for side, run_ in (("before", before), ("after", after))}
        n = sum(1 for i in rows if i["label"])
        m = len(rows) - n
        cell = lambda k: f"{counts['before'][k]} → {counts['after'][k]}"  # noqa: E731
        none = " / ".join(f"{counts['before'][k]} → {counts['after'][k]}" for k in NONE_OUTCOMES) if m else "—"
        lines.append(f"| {name} | {n} | {cell('right')} | **{cell('wrong')}** | {cell('asked+')} | {cell('asked-')} | "
                     f"{cell('nothing')} | {none}{f' (of {m})' if m else ''} |")
    return "\n".join(lines)


def moves(items: list[dict], before: dict, after: dict, strict: bool) -> list[dict]:
    out = []
    for item in items:
        key = f"{item['set']}/{item['id']}"
        b, a = before[key], after[key]
        ob, oa = outcome(item, b, strict), outcome(item, a, strict)
        if ob != oa or b["first"] != a["first"] or b["offered"] != a["offered"]:
            out.append({**item, "before": ob, "after": oa, "b": b, "a": a})
    return out


def moves_markdown(moved: list[dict]) -> str:
    lines = []
    for m in moved:
        def show(got):
            return (f"asked {got['offered']}" if got["offered"] else f"answered {got['first']}"
                    if got["first"] else "nothing")
        tag = f"{m['before']} → {m['after']}" if m["before"] != m["after"] else f"{m['before']} (same outcome)"
        lines.append(f"- {m['set']} {m['id']} [{m['label']}{' +' + ','.join(m['also']) if m['also'] else ''}] "
                     f"**{tag}**: {show(m['b'])} ⇒ {show(m['a'])}\n    «{m['question']}»\n"
                     f"    top after: {', '.join(f'{s} {sc}' for s, sc, _ in m['a']['top'][:4])}")
    return "\n".join(lines)


EXPLAIN = """
WITH q AS (SELECT * FROM kb_analyze(%(q)s)),
     a AS (SELECT id FROM kb_articles WHERE slug = %(slug)s),
     total AS (SELECT count(*)::float AS n FROM kb_articles WHERE active)
SELECT q.slot, q.alt, q.lexeme, q.how,
       (SELECT string_agg(DISTINCT t.place::text, '') FROM kb_terms t, a WHERE t.article_id = a.id AND t.lexeme = q.lexeme),
       (SELECT round(kb_rarity(l.nplace, total.n)::numeric, 3) FROM kb_lexicon l, total WHERE l.lexeme = q.lexeme),
       (SELECT ndoc FROM kb_lexicon l WHERE l.lexeme = q.lexeme)
FROM q ORDER BY q.slot, q.alt
"""


def explain(conn, question: str, slugs: list[str]) -> None:
    rows = conn.execute("SELECT slug, round(score::numeric, 3), round(kept::numeric, 3), passes FROM kb_search_rows(%s) "
                        "ORDER BY score DESC LIMIT 8", (question,)).fetchall()
    print("search:", ", ".join(f"{s} {sc} (kept {k}{', passes' if p else ''})" for s, sc, k, p in rows))
    print("kb_answer:", conn.execute("SELECT slugs[1], choices FROM kb_answer(%s, '')", (question,)).fetchone())
    for slug in slugs:
        print(f"== {slug}")
        for slot, alt, lexeme, how, places, rarity, ndoc in conn.execute(EXPLAIN, {"q": question, "slug": slug}):
            print(f"   slot {slot}.{alt} {lexeme:14} places={places or '-':5} rarity={rarity} ndoc={ndoc} {how or ''}")
        ex = conn.execute(
            "SELECT e.question, similarity(kb_normalize(%s), kb_normalize(e.question)) AS s FROM kb_examples e "
            "WHERE e.article_slug = %s ORDER BY s DESC LIMIT 2", (question, slug)).fetchall()
        for text, sim in ex:
            print(f"   example {sim:.2f}: {text}")
        excl = conn.execute("SELECT x.term FROM kb_exclusions x WHERE x.active AND x.article_slug = %s AND "
                            "x.term_lexemes <@ (kb_marked_lexemes(%s, true) || ARRAY(SELECT lexeme FROM kb_analyze(%s)))",
                            (slug, question, question)).fetchall()
        if excl:
            print("   excluded by:", [t for (t,) in excl])


@contextmanager
def _private_connection(files):
    import psycopg

    with private_database_from(files) as url, psycopg.connect(url, autocommit=True) as conn:
        yield conn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, help="an older checkout's n8n-workflows/")
    parser.add_argument("--after", type=Path, help="default: this checkout's n8n-workflows/")
    parser.add_argument("--save-before", type=Path)
    parser.add_argument("--load-before", type=Path)
    parser.add_argument("--load-after", type=Path, help="a run kept with --json (its \"after\"): print it again")
    parser.add_argument("--json", type=Path, help="both runs and the moves")
    parser.add_argument("--sets", nargs="*", help="only these sets")
    parser.add_argument("--explain", nargs="+", metavar=("QUESTION", "SLUG"))
    parser.add_argument("--database-url", help="ask this database (already loaded) instead of a private one built from "
                                               "--after's files")
    args = parser.parse_args(argv)
    import psycopg

    after_files = schema_files_under(args.after) if args.after else tuple(SCHEMA_FILES)

    def after_database():
        if args.database_url:
            return psycopg.connect(args.database_url, autocommit=True)
        return _private_connection(after_files)

    if args.explain:
        with after_database() as conn:
            explain(conn, args.explain[0], args.explain[1:])
        return 0
    items = [i for i in questions() if not args.sets or i["set"] in args.sets]
    if args.load_before:
        before = json.loads(args.load_before.read_text())
    elif args.before:
        with private_database_from(schema_files_under(args.before)) as url, \
                psycopg.connect(url, autocommit=True) as conn:
            before = run(conn, items)
    else:
        parser.error("give --before or --load-before")
    if args.save_before:
        args.save_before.write_text(json.dumps(before))
    if args.load_after:
        after = json.loads(args.load_after.read_text())["after"]
    else:
        with after_database() as conn:
            after = run(conn, items)
    items = [i for i in items if f"{i['set']}/{i['id']}" in before and f"{i['set']}/{i['id']}" in after]
    for strict in (False, True):
        print(f"\n### {'strict (label only)' if strict else 'label + also'}\n")
        print(table(items, before, after, strict))
    moved = moves(items, before, after, strict=True)
    print("\n### moved (strict outcomes; also any change of first article or cases)\n")
    print(moves_markdown(moved))
    if args.json:
        args.json.write_text(json.dumps({"before": before, "after": after, "moved": moved}, indent=1,
                                        ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
