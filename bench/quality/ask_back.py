"""Asking back instead of guessing: what the knowledge-base search does with the question before any model runs.

    # choose the threshold on the tuned sets (never on the independent split): a sweep of kb_ask_ratio
    .venv/bin/python bench/quality/ask_back.py --sweep
    .venv/bin/python bench/quality/ask_back.py --sweep --questions eval/dev-regional-2.jsonl   # one development set
    # the likeness rule (kb_ask_trigram_ratio): a sweep of its ratio, kb_ask_ratio() kept
    .venv/bin/python bench/quality/ask_back.py --sweep-trigram --questions eval/dev-regional-4.jsonl
    # every development set, one line each, against an older checkout's SQL (here: main)
    rm -rf /tmp/main-sql && mkdir /tmp/main-sql && git archive main n8n-workflows | tar -x -C /tmp/main-sql
    .venv/bin/python bench/quality/ask_back.py --dev-table --before /tmp/main-sql/n8n-workflows
    # the signals one by one and together, against the ratio rule alone at several ratios
    .venv/bin/python bench/quality/ask_back.py --signals
    # what the deployed kb_answer does on one set (answered right / wrong, asked back with the right case
    # offered or not, nothing found)
    .venv/bin/python bench/quality/ask_back.py --questions eval/independent.jsonl --labels eval/independent-labels.json
    # the same labels on each row's one-line "short" form of the question (eval/dev-long-7.jsonl): the cost of a
    # long message seen apart from the cost of the fault's wording
    .venv/bin/python bench/quality/ask_back.py --questions eval/dev-long-7.jsonl --labels eval/dev-long-7-labels.json --field short

Labels: ``--labels`` ({id: slug}, only that article is right), else each question's own "article" together with
its optional "also" (other articles that answer it as well; ``--strict`` ignores them).

A private Postgres gets the SQL files the runner applies (devstack.postgres.SCHEMA_FILES). The sweep calls
``kb_choices(question, ratio)`` itself for each ratio (the deployed rule, title rule included); the measurement
calls ``kb_answer`` as the chat workflow does (its ``choices`` and ``slugs``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from, schema_files_under  # noqa: E402
from devstack.postgres import SCHEMA_FILES  # noqa: E402

TUNED = ("questions", "tuning-regional", "dev-neighbours", "dev-embed")  # the sets the search was tuned on
RATIOS = (1.01, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7)
TRIGRAM_RATIOS = (1.01, 0.8, 0.75, 0.7, 0.65, 0.6, 0.5)
# the development sets (never a held-out one): file, and its labels file when the labels are not in the file
DEV_SETS = (("questions", None), ("tuning-regional", None), ("dev-neighbours", None), ("dev-embed", None),
            ("dev-regional-2", None), ("dev-regional-3", None), ("dev-speech", None),
            ("dev-topics", "dev-topics-labels.json"), ("dev-regional-4", None), ("dev-words-5", None),
            ("dev-typos-6", "dev-typos-6-labels.json"), ("dev-long-7", "dev-long-7-labels.json"))


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def right(item: dict, strict: bool) -> set[str]:
    """The articles that answer a question of a file: its "article" and, unless strict, its "also"."""
    if not item.get("article"):
        return set()
    return {item["article"]} if strict else {item["article"], *(item.get("also") or [])}


def tally(rows: list[dict]) -> dict:
    """rows: {label, first, offered (None when not asked), right (optional: every article that answers it)};
    shares of the questions with a label."""
    labelled = [r for r in rows if r["label"]]
    for r in labelled:
        r.setdefault("right", [r["label"]])
    n = len(labelled)
    count = {
        "answered_right": sum(r["offered"] is None and r["first"] in r["right"] for r in labelled),
        "answered_wrong": sum(r["offered"] is None and r["first"] is not None and r["first"] not in r["right"]
                              for r in labelled),
        "asked_right_offered": sum(r["offered"] is not None and bool(set(r["right"]) & set(r["offered"]))
                                   for r in labelled),
        "asked_right_missing": sum(r["offered"] is not None and not set(r["right"]) & set(r["offered"])
                                   for r in labelled),
        "nothing_found": sum(r["first"] is None for r in labelled),
    }
    unlabelled = [r for r in rows if not r["label"]]
    return {"labelled": n, **{k: round(v / n, 3) if n else None for k, v in count.items()},
            "asked": round(sum(r["offered"] is not None for r in labelled) / n, 3) if n else None,
            "unlabelled_asked": f"{sum(r['offered'] is not None for r in unlabelled)}/{len(unlabelled)}",
            "unlabelled_answered": f"{sum(r['offered'] is None and r['first'] is not None for r in unlabelled)}/"
                                   f"{len(unlabelled)}"}


def sweep(conn, strict: bool = False, path: Path | None = None, trigram: bool = False) -> dict:
    """kb_answer's best article and kb_choices at each ratio of RATIOS (the likeness rule at its deployed
    kb_ask_trigram_ratio()), or with `trigram` at each likeness ratio of TRIGRAM_RATIOS (kb_ask_ratio() kept), for
    every question of the tuned sets (or of one file of labelled questions)."""
    items = load(path) if path else [item for name in TUNED for item in load(ROOT / "eval" / f"{name}.jsonl")]
    result = {}
    for ratio in (TRIGRAM_RATIOS if trigram else RATIOS):
        rows = []
        for item in items:
            slugs, choices = conn.execute(
                "SELECT k.slugs, kb_choices(%s, %s, %s) FROM kb_answer(%s, '') k",
                (item["question"], None if trigram else ratio, ratio if trigram else None,
                 item["question"])).fetchone()
            rows.append({"label": item.get("article"), "right": sorted(right(item, strict)),
                         "first": slugs[0] if slugs else None,
                         "offered": [c["slug"] for c in choices] if choices else None})
        result[f"{ratio:.2f}"] = tally(rows)
    return result


def dev_table(conn, strict: bool = False) -> dict:
    """What the deployed kb_answer does on every development set (labels as --questions reads them)."""
    result = {}
    for name, labels_file in DEV_SETS:
        path = ROOT / "eval" / f"{name}.jsonl"
        if path.exists():
            labels = json.loads((ROOT / "eval" / labels_file).read_text()) if labels_file else {}
            result[name] = measure(conn, load(path), labels, strict)
    return result


# Each variant sets kb_ask_ratio, kb_ask_trigram_ratio, kb_ask_lone_neighbours and, when it gives one,
# kb_ask_trigram_margin (in a transaction rolled back after it): the ratio rule alone at several ratios (what was there before stop 22, and lowering it instead), each
# signal alone, and both at several likeness ratios.
SIGNAL_VARIANTS = (
    ("ratio 0.90 only", 0.9, 1.01, False), ("ratio 0.85 only (main)", 0.85, 1.01, False),
    ("ratio 0.80 only", 0.8, 1.01, False), ("ratio 0.75 only", 0.75, 1.01, False),
    ("ratio 0.85 + likeness 0.70", 0.85, 0.7, False), ("ratio 0.85 + lone neighbours", 0.85, 1.01, True),
    ("ratio 0.85 + both, likeness 0.75", 0.85, 0.75, True),
    ("ratio 0.85 + both, likeness 0.70, margin 0 (stop 22, deployed)", 0.85, 0.7, True, 0.0),
    ("ratio 0.85 + both, likeness 0.70, margin 0.02 (asknext, not kept)", 0.85, 0.7, True, 0.02),
    ("ratio 0.85 + both, likeness 0.70, margin 0.05", 0.85, 0.7, True, 0.05),
    ("ratio 0.85 + both, likeness 0.65", 0.85, 0.65, True), ("ratio 0.90 + both, likeness 0.70", 0.9, 0.7, True),
    ("ratio 0.80 + both, likeness 0.70", 0.8, 0.7, True),
)
# the variants without a margin of their own keep the deployed kb_ask_trigram_margin() (0: asknext's 0.02 was not kept, stop 23)


def signals(url: str, strict: bool = False) -> dict:
    """SIGNAL_VARIANTS on the development sets: dev-regional-4 (the least tuned) apart from the eight others."""
    import psycopg

    result = {}
    for name, ratio, trigram, lone, *margin in SIGNAL_VARIANTS:
        with psycopg.connect(url) as conn:
            settings = [("kb_ask_ratio", "double precision", ratio),
                        ("kb_ask_trigram_ratio", "double precision", trigram),
                        ("kb_ask_lone_neighbours", "boolean", str(lone).lower())]
            if margin:
                settings.append(("kb_ask_trigram_margin", "double precision", margin[0]))
            for fn, _kind, value in settings:   # rows of kb_settings (rolled back below)
                conn.execute("UPDATE kb_settings SET value = %s WHERE 'kb_' || key = %s", (str(value), fn))
            groups: dict[str, list[dict]] = {"eight development sets": [], "dev-regional-4": []}
            for set_name, result_of_set in dev_table(conn, strict).items():
                groups["dev-regional-4" if set_name == "dev-regional-4" else "eight development sets"] += \
                    result_of_set["rows"]
            conn.rollback()
        result[name] = {group: tally(rows) for group, rows in groups.items()}
    return result


def signals_markdown(result: dict) -> str:
    groups = list(next(iter(result.values())))
    lines = ["| rule | " + " | ".join(f"{g}: wrong / asked / reaching" for g in groups) + " |",
             "|---|" + "---|" * len(groups)]
    for name, by_group in result.items():
        cells = [f"{t['answered_wrong']:.3f} / {t['asked']:.3f} / {t['answered_right'] + t['asked_right_offered']:.3f}"
                 for t in by_group.values()]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def markdown(before: dict, after: dict) -> str:
    """Two dev_table runs as the rows of ASKING.md's table: per set, before → after."""
    lines = ["| set | n | answered right | answered wrong | asked, right offered | asked, right missing | nothing "
             "| asked | right reaching the plumber |", "|---|---|---|---|---|---|---|---|---|"]
    for name in after:
        b, a = before.get(name, after[name]), after[name]
        cell = lambda k: f"{b[k]:.3f} → {a[k]:.3f}"  # noqa: E731
        reach = f"{b['answered_right'] + b['asked_right_offered']:.3f} → {a['answered_right'] + a['asked_right_offered']:.3f}"
        lines.append(f"| {name} | {a['labelled']} | {cell('answered_right')} | **{cell('answered_wrong')}** | "
                     f"{cell('asked_right_offered')} | {cell('asked_right_missing')} | {a['nothing_found']:.3f} | "
                     f"{cell('asked')} | {reach} |")
    pooled = {}
    for name, run in (("before", before or after), ("after", after)):
        pooled[name] = tally([dict(r) for result in run.values() for r in result["rows"]])
    b, a = pooled["before"], pooled["after"]
    reach = f"{b['answered_right'] + b['asked_right_offered']:.3f} → {a['answered_right'] + a['asked_right_offered']:.3f}"
    lines.append(f"| all of them | {a['labelled']} | {cell('answered_right')} | **{cell('answered_wrong')}** | "
                 f"{cell('asked_right_offered')} | {cell('asked_right_missing')} | {a['nothing_found']:.3f} | "
                 f"{cell('asked')} | {reach} |")
    return "\n".join(lines)


def apply_settings(conn, pairs: list[str]) -> None:
    """--set KEY=VALUE: kb_settings rows changed in the private database of this run (a what-if)."""
    for pair in pairs:
        key, _, value = pair.partition("=")
        if conn.execute("UPDATE kb_settings SET value = %s WHERE key = %s", (value, key.strip())).rowcount != 1:
            raise SystemExit(f"--set: no kb_settings row {key!r}")


def measure(conn, items: list[dict], labels: dict[str, str | None], strict: bool = False,
            field: str = "question") -> dict:
    rows = []
    for item in items:
        slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (item[field],)).fetchone()
        label = labels.get(item["id"], item.get("article"))
        rows.append({"id": item["id"], "label": label,
                     "right": [label] if labels or not label else sorted(right(item, strict)),
                     "first": slugs[0] if slugs else None,
                     "offered": [c["slug"] for c in choices] if choices else None})
    return {**tally(rows), "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--sweep-trigram", action="store_true", help="sweep kb_ask_trigram_ratio instead")
    parser.add_argument("--dev-table", action="store_true", help="every development set, one line each")
    parser.add_argument("--signals", action="store_true", help="the rules of SIGNAL_VARIANTS on the development sets")
    parser.add_argument("--before", type=Path, help="with --dev-table: an older checkout's n8n-workflows/ to compare "
                                                    "with (e.g. `git archive main n8n-workflows | tar -x -C DIR`)")
    parser.add_argument("--questions", type=Path)
    parser.add_argument("--labels", type=Path)
    parser.add_argument("--field", default="question",
                        help='with --questions: the field asked (e.g. "short": a row\'s one-line form), labels kept')
    parser.add_argument("--strict", action="store_true", help='count only "article" as right (ignore "also")')
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="a kb_settings value for this run (e.g. max_choices=4); repeatable")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--database-url", help="with --questions: ask this database (already loaded, e.g. one kept "
                                               "open for several sets) instead of a private one built from the "
                                               "checkout's files")
    args = parser.parse_args(argv)
    if not (args.sweep or args.sweep_trigram or args.dev_table or args.signals or args.questions):
        parser.error("give --sweep, --sweep-trigram, --dev-table, --signals or --questions")
    import psycopg

    if args.signals:
        with private_database_from(tuple(SCHEMA_FILES)) as url:
            result = signals(url, args.strict)
        print(signals_markdown(result))
        if args.json:
            args.json.write_text(json.dumps(result, indent=1))
        return 0
    if args.dev_table:
        before = {}
        if args.before:
            with private_database_from(schema_files_under(args.before)) as url, \
                    psycopg.connect(url, autocommit=True) as conn:
                before = dev_table(conn, args.strict)
        with private_database_from(tuple(SCHEMA_FILES)) as url, psycopg.connect(url, autocommit=True) as conn:
            apply_settings(conn, args.set)
            after = dev_table(conn, args.strict)
        print(markdown(before, after))
        if args.json:
            args.json.write_text(json.dumps({"before": before, "after": after}, indent=1))
        return 0
    if args.database_url and args.questions and not (args.sweep or args.sweep_trigram):
        with psycopg.connect(args.database_url, autocommit=True) as conn:
            report(measure_questions(conn, args), args.json)
        return 0
    with private_database_from(tuple(SCHEMA_FILES)) as url, psycopg.connect(url, autocommit=True) as conn:
        apply_settings(conn, args.set)
        if args.sweep or args.sweep_trigram:
            result = sweep(conn, args.strict, args.questions, trigram=args.sweep_trigram)
        else:
            result = measure_questions(conn, args)
    report(result, args.json)
    return 0


def measure_questions(conn: psycopg.Connection, args: argparse.Namespace) -> dict:
    """``measure`` on the questions and labels the command line names."""
    labels = json.loads(args.labels.read_text()) if args.labels else {}
    return measure(conn, load(args.questions), labels, args.strict, args.field)


def report(result: dict, json_path: Path | None) -> None:
    """Print the summary (every field but the rows) and write the whole result where ``--json`` says."""
    print(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=2))
    if json_path:
        json_path.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    sys.exit(main())
