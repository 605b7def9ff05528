"""Measure the knowledge-base search of several commits with today's eval/retrieval.py, side by side.

    .venv/bin/python bench/quality/retrieval_history.py                       # the steps in bench/quality/RETRIEVAL.md
    .venv/bin/python bench/quality/retrieval_history.py --step now=HEAD --extra kb-supply:n8n-workflows/knowledge/seed-supply.sql

Starts one private embedded Postgres; for each step makes a fresh database, applies that commit's
n8n-workflows/knowledge/schema.sql and seed.sql as the app role (plus any --extra seed files, given as
<git ref>:<path>, e.g. the article branches), optionally runs some SQL, and scores eval/questions.jsonl and
eval/tuning-regional.jsonl (as in this checkout) with eval/retrieval.py. Prints a Markdown table; --json
writes every summary.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_cluster, stop_cleanly_on_sigterm  # noqa: E402
from devstack.postgres import provision_databases  # noqa: E402
from eval.retrieval import DEFAULT_FILES, evaluate, load, strict  # noqa: E402

# label, commit, SQL run after the seed
STEPS = [
    ("before (main)", "7cbe778", ""),
    ("1 kb_terms, speech repairs, sound-alike fuzzy", "a0e2c31", ""),
    ("2 + synonyms (examples removed)", "bcaf5d2", "DELETE FROM kb_examples"),
    ("3 + example questions", "bcaf5d2", ""),
    ("4 rarity by place, two words, keywords cleaned", "c743372", ""),
    ("5 synonym cap, diminutives, prefixes, min 0.85", "702c558", ""),
    ("6 tupido, huele = olor", "ef40913", ""),
    ("7 examples reworded away from eval wordings", "b8a392b", ""),
    ("8 length norm, coverage, near-repeat bonus, fuzzy from 4 letters", "2512864", ""),
]


def git_show(ref_path: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), "show", ref_path], capture_output=True, text=True,
                          check=True).stdout


def measure(admin_url: str, app_url: str, name: str, commit: str, post_sql: str, extras: list[str],
            repeat: int, only_article: bool = False) -> dict:
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {} OWNER remedios").format(sql.Identifier(name)))
    url = app_url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(url, autocommit=True) as conn:
        for path in ("n8n-workflows/knowledge/schema.sql", "n8n-workflows/knowledge/seed.sql"):
            conn.execute(git_show(f"{commit}:{path}"))
        for extra in extras:
            conn.execute(git_show(extra))
        if post_sql:
            conn.execute(post_sql)
        articles = conn.execute("SELECT count(*) FROM kb_articles WHERE active").fetchone()[0]
    result = {"articles": articles, "files": {}}
    with psycopg.connect(url, autocommit=True) as conn:
        for path in DEFAULT_FILES:
            items = strict(load(path)) if only_article else load(path)
            summary, _ = evaluate(conn, items, repeat=repeat)
            result["files"][path.name] = summary
    return result


def row(label: str, commit: str, r: dict) -> str:
    q, t = r["files"]["questions.jsonl"], r["files"]["tuning-regional.jsonl"]

    def c(s: dict, key: str, of: str) -> str:
        return f"{s['counts'][key]}/{s[of]}"

    return (f"| {label} | `{commit}` | {r['articles']} | {c(q, 'top1', 'in_scope')} | {c(q, 'top3', 'in_scope')} | "
            f"{c(q, 'not_found', 'in_scope')} | {c(q, 'found_off_topic', 'off_topic')} | "
            f"{c(t, 'top1', 'in_scope')} | {c(t, 'top3', 'in_scope')} | {c(t, 'not_found', 'in_scope')} | "
            f"{c(t, 'wrong', 'in_scope')} | {c(t, 'found_off_topic', 'off_topic')} | "
            f"{t['latency_ms']['median']} ({t['latency_ms']['median_best']}) |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--step", action="append", default=[], help="label=commit (repeatable); default: STEPS")
    parser.add_argument("--extra", action="append", default=[], help="<ref>:<path> of a further seed file")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write every summary here")
    parser.add_argument("--strict", action="store_true", help='count only "article" as right (ignore "also")')
    args = parser.parse_args(argv)
    steps = [(s.split("=", 1)[0], s.split("=", 1)[1], "") for s in args.step] or STEPS

    stop_cleanly_on_sigterm()
    results = {}
    with private_cluster("remedios-retrieval-") as (postgres, password):
        app, _ = provision_databases(postgres.admin, password)
        print("| step | commit | articles | q top-1 | q top-3 | q not found | q found off-topic | "
              "t top-1 | t top-3 | t not found | t wrong | t found off-topic | t median ms (best) |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for n, (label, commit, post_sql) in enumerate(steps):
            r = measure(postgres.admin.url, app.url, f"history_{n}", commit, post_sql, args.extra, args.repeat,
                        args.strict)
            results[label] = {"commit": commit, "extras": args.extra, **r}
            print(row(label, commit, r), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
