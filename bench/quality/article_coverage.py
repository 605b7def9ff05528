"""Does the cited article's card carry the facts a good answer needs? (no model, seconds)

For a question file whose items have `required` groups (eval/score.py: lists of alternative words, a group counts
when any alternative occurs, lower case, accents ignored, substring match) and optionally an `article` label
(plus `also`), or labels from --labels ({id: slug}):

  retrieval mode (default): kb_answer(question, '') as the chat workflow calls it, on a private Postgres built
      from this checkout's SQL. What reaches the plumber as the card:
        answered -> the card of kb_answer's first article;
        asked back ("¿a cuál de estos casos…?") with the labelled article offered -> its card (he picks it);
        asked back without it, or nothing found -> no card (coverage 0);
        asked back, question without a label (e.g. eval/dev-facts-1.jsonl, "in_scope") -> the offered card that
        covers most (he picks the case like his: an upper bound).
      Reported: the path, whether the right article was found, the coverage of `required` by the card text
      alone, and the groups missed.
  --direct: the labelled article's card, whatever retrieval does: separates "wrong article" from "the article
      lacks the fact". Questions without a label are skipped.

The card text is what the WhatsApp follow-up message carries (gateway.whatsapp.text.article_text of
kb_article_card: title, why it happens, tools and materials, every step of the procedure, the safety note, when
to call a specialist, the reference; since 2026-12-06 the first two and the sixth too); the web card shows the
same fields. Also reported: the coverage of the whole article (the symptoms too): a fact found there but not in
the card is in a field the plumber never sees.

    .venv/bin/python bench/quality/article_coverage.py --questions eval/questions.jsonl
    .venv/bin/python bench/quality/article_coverage.py --questions eval/questions.jsonl --direct
    .venv/bin/python bench/quality/article_coverage.py --questions eval/dev-facts-1.jsonl --missed   # every miss
    # against an older checkout's SQL (here: main)
    rm -rf /tmp/main-sql && mkdir /tmp/main-sql && git archive main n8n-workflows | tar -x -C /tmp/main-sql
    .venv/bin/python bench/quality/article_coverage.py --questions eval/questions.jsonl --before /tmp/main-sql/n8n-workflows

Never run it on a held-out set (eval/independent*, bench/quality/independent*) unless the lead says so.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from gateway.whatsapp.text import article_text  # noqa: E402
from score import normalize, score_answer  # noqa: E402  (eval/score.py: the chat evaluation's own matching)

ANSWER = "SELECT found, slugs, choices, article FROM kb_answer(%s, '')"
CARD = "SELECT kb_article_card(a), concat_ws(E'\\n', a.title, a.problem, a.symptoms, a.procedure, a.safety, " \
       "a.tools_materials, a.call_professional) FROM kb_articles a WHERE a.slug = %s"


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def card_text(card: dict | None) -> str:
    return article_text(card) if card else ""


def right_articles(item: dict, labels: dict[str, str | None]) -> set[str]:
    if item["id"] in labels:
        return {labels[item["id"]]} if labels[item["id"]] else set()
    return {s for s in [item.get("article"), *(item.get("also") or [])] if s}


def article_of(conn, slug: str) -> tuple[dict | None, str]:
    row = conn.execute(CARD, (slug,)).fetchone()
    return (row[0], row[1]) if row else (None, "")


def one(conn, item: dict, labels: dict[str, str | None], direct: bool) -> dict[str, Any] | None:
    right = right_articles(item, labels)
    label = labels.get(item["id"], item.get("article"))
    required = item["required"]
    if direct:
        if not label:
            return None
        path, card_slug = "direct", label
    else:
        found, slugs, choices, article = conn.execute(ANSWER, (item["question"],)).fetchone()
        offered = [c["slug"] for c in choices or []]
        if offered and not right:   # no label: he picks the case that answers his question best
            best = max(offered, key=lambda s: sum(score_answer(card_text(article_of(conn, s)[0]), required)))
            path, card_slug = "asked, best offered", best
        elif offered:
            picked = next((s for s in offered if s in right), None)
            path, card_slug = ("asked, right offered", picked) if picked else ("asked, right missing", None)
        elif found and slugs:
            path, card_slug = "answered", slugs[0]
        else:
            path, card_slug = "nothing found", None
    card, full = article_of(conn, card_slug) if card_slug else (None, "")
    found_groups = score_answer(card_text(card), required)
    row = {"id": item["id"], "question": item["question"], "label": label, "path": path, "card": card_slug,
           "in_scope": bool(right) or bool(item.get("in_scope")),
           "right_article": bool(card_slug and card_slug in right) if right else None,
           "groups": len(required), "found": sum(found_groups),
           "missed": [group for group, ok in zip(required, found_groups) if not ok]}
    full_groups = score_answer(full, required)
    row["found_full"] = sum(full_groups)
    row["missed_but_in_article"] = [g for g, ok, ok_full in zip(required, found_groups, full_groups)
                                    if ok_full and not ok]
    return row


def summarize(all_rows: list[dict]) -> dict[str, Any]:
    """Coverage over the in-scope questions: labelled, or marked "in_scope" (a question with neither, "out of
    scope", expects no card: its facts are the reply's "no estoy seguro"); those are counted apart."""
    rows = [r for r in all_rows if r["in_scope"]]
    unlabelled = [r for r in all_rows if not r["in_scope"]]
    groups = sum(r["groups"] for r in rows)
    labelled = [r for r in rows if r["right_article"] is not None]
    right = [r for r in labelled if r["right_article"]]
    paths: dict[str, int] = {}
    for r in rows:
        paths[r["path"]] = paths.get(r["path"], 0) + 1
    return {
        "questions": len(rows),
        "out_of_scope_given_a_card": f"{sum(r['card'] is not None for r in unlabelled)}/{len(unlabelled)}",
        "paths": paths,
        "right_article": f"{len(right)}/{len(labelled)}",
        "coverage_card": round(sum(r["found"] for r in rows) / groups, 4) if groups else None,
        "coverage_card_right_article_only": round(sum(r["found"] for r in right) / sum(r["groups"] for r in right), 4)
        if right else None,
        "coverage_whole_article": round(sum(r["found_full"] for r in rows) / groups, 4) if groups else None,
        "fact_groups": groups,
        "fact_groups_found": sum(r["found"] for r in rows),
    }


def measure(url: str, items: list[dict], labels: dict[str, str | None], direct: bool) -> dict[str, Any]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        rows = [row for item in items if (row := one(conn, item, labels, direct)) is not None]
    return {**summarize(rows), "rows": rows}


def run(sql_root: Path | None, items: list[dict], labels: dict, direct: bool) -> dict[str, Any]:
    from bench.eval_services import private_database_from, schema_files_under
    from devstack.postgres import SCHEMA_FILES

    files = schema_files_under(sql_root) if sql_root else tuple(SCHEMA_FILES)
    with private_database_from(files) as url:
        return measure(url, items, labels, direct)


def report(result: dict[str, Any], show_missed: bool) -> str:
    lines = [json.dumps({k: v for k, v in result.items() if k != "rows"}, ensure_ascii=False)]
    for r in result["rows"]:
        if not r["in_scope"] and r["card"] is None and not show_missed:
            continue
        if r["found"] < r["groups"] or r["right_article"] is False or show_missed:
            flag = "" if r["right_article"] in (True, None) else " WRONG-ARTICLE"
            missed = "; ".join("/".join(g[:3]) for g in r["missed"])
            lines.append(f"{r['id']:<16} {r['found']}/{r['groups']} {r['path']:<20} card={r['card']}"
                         f" label={r['label']}{flag}  missed: {missed}"
                         + (f"  [in the article, not the card: {len(r['missed_but_in_article'])}]"
                            if r["missed_but_in_article"] else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--labels", type=Path, help="{id: slug or null}; else each item's article (+ also)")
    parser.add_argument("--direct", action="store_true", help="score the labelled article's card itself")
    parser.add_argument("--missed", action="store_true", help="list every question, not only those with a miss")
    parser.add_argument("--before", type=Path, help="an older checkout's n8n-workflows/ to compare with")
    parser.add_argument("--json", type=Path, help="write the rows here")
    args = parser.parse_args(argv)
    if "independent" in args.questions.name:
        print("article_coverage: held-out sets are for the lead only", file=sys.stderr)
    items = [item for item in load(args.questions) if item.get("required")]
    labels = json.loads(args.labels.read_text()) if args.labels else {}
    if args.before:
        before = run(args.before, items, labels, args.direct)
        print("BEFORE", report(before, False).splitlines()[0])
    after = run(None, items, labels, args.direct)
    print(report(after, args.missed))
    if args.json:
        args.json.write_text(json.dumps(after, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:   # piped into head
        sys.stderr.close()
        raise SystemExit(0)
