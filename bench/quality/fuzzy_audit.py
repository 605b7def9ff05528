"""What the fuzzy fallback of the knowledge-base search does on the development sets: every correction it makes
(word -> stem, how, trigram similarity), whether the question's first article is right, and whether switching
the fallback off changes it; then the same figures for variants of the settings.

    .venv/bin/python bench/quality/fuzzy_audit.py                      # the corrections, and helped / hurt / nothing
    .venv/bin/python bench/quality/fuzzy_audit.py --variants           # each variant on every development set
    .venv/bin/python bench/quality/fuzzy_audit.py --variants --only "as committed,no fuzzy"
    .venv/bin/python bench/quality/fuzzy_audit.py --sql-root /path/to/other/checkout/n8n-workflows   # another search
    .venv/bin/python bench/quality/fuzzy_audit.py --synonyms           # the same for the synonym rows used

Only the development sets are read (DEV_SETS); the independent split is refused by name. Labels: each question's
own "article" and its "also" (other articles that answer it as well). A private Postgres gets the SQL files the
runner applies (devstack.postgres.SCHEMA_FILES, from ``--sql-root``); each variant is a few ``CREATE OR REPLACE
FUNCTION`` statements on the search settings in a transaction that is rolled back.

Per question, what the plumber gets from ``kb_answer`` at the current ``kb_ask_ratio()``:
  right      answered at once with a right article
  wrong      answered at once with a wrong article
  asked      asked back (``choices``), with (asked_ok) or without a right case among those offered
  not_sure   nothing found ("no estoy seguro")
and ``first``: the first article (``slugs[0]``, before asking back), right or not.

A correction *helped* when the question's first article is right with the fallback and not without it, *hurt*
when the reverse, *moved* when it changes a wrong first article into another wrong one (or into nothing, or the
reverse), *nothing* when the first article is the same either way. A question with several corrections counts
once per correction (they are switched off together).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import on_database  # noqa: E402
from devstack.postgres import WORKFLOWS_ROOT  # noqa: E402

EVAL = ROOT / "eval"
# the development sets, most independent first; questions and tuning-regional are the tuned ones
DEV_SETS = ("dev-speech", "dev-regional-2", "dev-neighbours", "dev-embed", "tuning-regional", "questions")
TUNED = ("questions", "tuning-regional")

FN = "UPDATE kb_settings SET value = '{1}' WHERE 'kb_' || key = '{0}'"  # {0} setting function, {1} value
NO_FUZZY = [FN.format("kb_fuzzy_min_length", 1000, "integer")]


def setting(name: str, value: object, kind: str) -> str:
    return FN.format(name, value, kind)


# kb_sound as it was before the y-as-a-vowel rule (the lexicon's sounds recomputed with it)
OLD_SOUND = [r"""CREATE OR REPLACE FUNCTION kb_sound(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(regexp_replace(translate(
        regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
            replace(coalesce(word, ''), 'ch', '#'), 'h', '', 'g'), 'll', 'y', 'g'), 'qu([ei])', 'k\1', 'g'),
            'gu([ei])', '%\1', 'g'), 'c([ei])', 's\1', 'g'), 'g([ei])', 'j\1', 'g'),
        'cqzvw%', 'kksbbg'), 'n([pb])', 'm\1', 'g'), '(.)\1+', '\1', 'g') $$""",
             "UPDATE kb_lexicon SET sound = kb_sound(lexeme)"]
VOCABULARY = [setting("kb_fuzzy_vocabulary_only", "true", "boolean")]
PLAIN1 = [setting("kb_min_plain_words", 1, "integer")]
JOIN3 = [setting("kb_join_three", "true", "boolean")]
STEM4 = [setting("kb_fuzzy_min_stem_length", 4, "integer")]

# The settings as they were before (main at the start of this work): what each variant below starts from.
BEFORE = [setting("kb_fuzzy_min_length", 4, "integer"), setting("kb_fuzzy_vocabulary_only", "false", "boolean"),
          setting("kb_fuzzy_min_stem_length", 0, "integer"), setting("kb_min_plain_words", 0, "integer"),
          setting("kb_join_three", "false", "boolean"), setting("kb_synonym_spread", 99, "double precision")]

# label -> statements (each applied in a transaction rolled back afterwards). A setting a checkout does not
# have makes that variant fail with an error (its row says so) instead of measuring the same search twice.
VARIANTS: dict[str, list[str]] = {
    "as committed": [],
    "no fuzzy": NO_FUZZY,
    "settings before (4 letters, any stem, no plain-word rule, no 3-piece join, no synonym spread)": BEFORE,
    "before + y-as-a-consonant kb_sound (main's search)": BEFORE + OLD_SOUND,
    "before + fuzzy from 5 letters": BEFORE + [setting("kb_fuzzy_min_length", 5, "integer")],
    "before + fuzzy from 6 letters": BEFORE + [setting("kb_fuzzy_min_length", 6, "integer")],
    "before + trigram similarity 0.6": BEFORE + [setting("kb_fuzzy_similarity", 0.6, "real")],
    "before + trigram similarity 0.7": BEFORE + [setting("kb_fuzzy_similarity", 0.7, "real")],
    "before + stems of 4 letters or more (unknown and corrected)": BEFORE + STEM4,
    "before + vocabulary only": BEFORE + VOCABULARY,
    "before + one plain word": BEFORE + PLAIN1,
    "before + two plain words": BEFORE + [setting("kb_min_plain_words", 2, "integer")],
    "before + join three": BEFORE + JOIN3,
    "as committed, trigram similarity 0.6": [setting("kb_fuzzy_similarity", 0.6, "real")],
    "as committed, fuzzy from 4 letters": [setting("kb_fuzzy_min_length", 4, "integer")],
    "as committed, two plain words": [setting("kb_min_plain_words", 2, "integer")],
    "as committed, stems of 3 letters allowed": [setting("kb_fuzzy_min_stem_length", 0, "integer")],
    "as committed, any stem (not only vocabulary)": [setting("kb_fuzzy_vocabulary_only", "false", "boolean")],
    "as committed, no plain-word rule": [setting("kb_min_plain_words", 0, "integer")],
    "as committed, no 3-piece join": [setting("kb_join_three", "false", "boolean")],
    "as committed, no synonym spread (99)": [setting("kb_synonym_spread", 99, "double precision")],
    "as committed, synonym spread 1": [setting("kb_synonym_spread", 1, "double precision")],
    "as committed, synonym spread 1.25": [setting("kb_synonym_spread", 1.25, "double precision")],
    "as committed, synonym spread 2": [setting("kb_synonym_spread", 2, "double precision")],
}


def load(name: str) -> list[dict]:
    if "independent" in name:
        raise SystemExit(f"{name}: the independent split is never read here")
    path = EVAL / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def right(item: dict) -> set[str]:
    return {item["article"], *(item.get("also") or [])} if item.get("article") else set()


def outcome(conn, question: str) -> dict:
    slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (question,)).fetchone()
    return {"first": slugs[0] if slugs else None, "offered": [c["slug"] for c in choices] if choices else None}


def verdict(item: dict, got: dict) -> str:
    ok = right(item)
    if got["first"] is None:
        return "not_sure"
    if got["offered"]:
        return "asked_ok" if ok & set(got["offered"]) else "asked"
    return "right" if got["first"] in ok else "wrong"


def corrections(conn, question: str) -> list[dict]:
    """The fuzzy corrections kb_analyze made: the word, the stem it became, how (sound, prefix or trigram) and the
    trigram similarity of the word's own stem with it."""
    rows = conn.execute(
        """SELECT DISTINCT a.lexeme, substring(a.how from 'fuzzy: ([a-z0-9]+)') AS word
           FROM kb_analyze(%s) a WHERE a.how ~ 'fuzzy: ' AND a.alt = 0""", (question,)).fetchall()
    found = []
    for lexeme, word in rows:
        stem, sim, same_sound = conn.execute(
            "SELECT kb_lexeme(%s), similarity(kb_lexeme(%s), %s), kb_sound(kb_lexeme(%s)) = kb_sound(%s)",
            (word, word, lexeme, word, lexeme)).fetchone()
        how = "sound" if same_sound else (
            "prefix" if stem and (lexeme.startswith(stem) or stem.startswith(lexeme)) and min(len(stem), len(lexeme)) >= 5
            else "trigram")
        found.append({"word": word, "stem": stem, "lexeme": lexeme, "how": how, "similarity": round(float(sim), 2)})
    return found


def run_set(conn, items: list[dict]) -> list[dict]:
    return [{"id": item["id"], "label": item.get("article"), **outcome(conn, item["question"])} for item in items]


def tally(items: list[dict], rows: list[dict]) -> dict:
    labelled = [(i, r) for i, r in zip(items, rows) if i.get("article")]
    counts = Counter(verdict(i, r) for i, r in labelled)
    n = len(labelled)
    unlabelled = [r for i, r in zip(items, rows) if not i.get("article")]
    return {"labelled": n, "first": sum(r["first"] in right(i) for i, r in labelled),
            **{k: counts[k] for k in ("right", "wrong", "asked_ok", "asked", "not_sure")},
            "unlabelled": len(unlabelled),
            "unlabelled_answered": sum(r["first"] is not None and not r["offered"] for r in unlabelled)}


def audit(url: str) -> dict:
    import psycopg

    report = {"sets": {}, "corrections": []}
    with psycopg.connect(url) as conn:
        data = {name: load(name) for name in DEV_SETS}
        on = {name: run_set(conn, items) for name, items in data.items()}
        fixes = {name: [corrections(conn, item["question"]) for item in items] for name, items in data.items()}
        for statement in NO_FUZZY:
            conn.execute(statement)
        off = {name: run_set(conn, items) for name, items in data.items()}
        conn.rollback()
    effects = Counter()
    for name, items in data.items():
        per_set = Counter()
        for item, with_fuzzy, without, found in zip(items, on[name], off[name], fixes[name]):
            if not found:
                continue
            ok = right(item)
            if with_fuzzy["first"] == without["first"]:
                effect = "nothing"
            elif with_fuzzy["first"] in ok and without["first"] not in ok:
                effect = "helped"
            elif without["first"] in ok and with_fuzzy["first"] not in ok:
                effect = "hurt"
            else:
                effect = "moved"
            for fix in found:
                effects[effect] += 1
                per_set[effect] += 1
                report["corrections"].append({
                    "set": name, "id": item["id"], "question": item["question"], **fix,
                    "label": item.get("article"), "first": with_fuzzy["first"], "first_off": without["first"],
                    "right": with_fuzzy["first"] in ok, "effect": effect,
                    "answer": verdict(item, with_fuzzy) if ok else None,
                    "answer_off": verdict(item, without) if ok else None,
                    "corrections_in_question": len(found)})
        report["sets"][name] = {"on": tally(items, on[name]), "off": tally(items, off[name]), "effects": dict(per_set)}
    report["effects"] = dict(effects)
    report["by_how"] = {how: dict(Counter(c["effect"] for c in report["corrections"] if c["how"] == how))
                        for how in ("sound", "prefix", "trigram")}
    return report


def variants(url: str, only: list[str] | None) -> dict:
    import psycopg

    data = {name: load(name) for name in DEV_SETS}
    result = {}
    changes: dict = {}   # label -> the questions whose outcome differs from "as committed" (always measured first)
    for label, statements in VARIANTS.items():
        if only and label not in only and label != "as committed":
            continue
        with psycopg.connect(url) as conn:
            try:
                for statement in statements:
                    conn.execute(statement)
                rows = {name: run_set(conn, items) for name, items in data.items()}
                result[label] = {name: tally(items, rows[name]) for name, items in data.items()}
                changes[label] = [
                    {"set": name, "id": item["id"], "question": item["question"], "label": item.get("article"),
                     "before": verdict(item, b) if item.get("article") else b["first"],
                     "after": verdict(item, a) if item.get("article") else a["first"],
                     "first_before": b["first"], "first_after": a["first"]}
                    for name, items in data.items()
                    for item, b, a in zip(items, changes["as committed"][name], rows[name]) if a != b
                ] if label != "as committed" else []
                if label == "as committed":
                    changes[label] = rows
            except psycopg.Error as error:
                result[label] = {"error": str(error).splitlines()[0]}
            conn.rollback()
        print(f"{label}: done", file=sys.stderr, flush=True)
    changes.pop("as committed", None)
    return {"tallies": result, "changes": changes}


def synonym_audit(url: str) -> dict:
    """The same question for the synonyms (kb_synonyms): for every development question, the synonym rows the search
    used, and what the first article is with those rows switched off (in a savepoint rolled back)."""
    import psycopg

    report = {"uses": [], "effects": {}}
    with psycopg.connect(url) as conn:
        for name in DEV_SETS:
            per_set = Counter()
            for item in load(name):
                terms = sorted({t for (t,) in conn.execute(
                    "SELECT DISTINCT substring(how from 'synonym: ([^;]+)') FROM kb_analyze(%s) "
                    "WHERE alt = 0 AND how ~ 'synonym: '", (item["question"],))})
                if not terms:
                    continue
                on = outcome(conn, item["question"])
                conn.execute("SAVEPOINT s")
                conn.execute("UPDATE kb_synonyms SET active = false WHERE term = ANY (%s)", (terms,))
                off = outcome(conn, item["question"])
                conn.execute("ROLLBACK TO SAVEPOINT s")
                ok = right(item)
                effect = ("nothing" if on["first"] == off["first"] else "helped" if on["first"] in ok
                          and off["first"] not in ok else "hurt" if off["first"] in ok and on["first"] not in ok
                          else "moved")
                per_set[effect] += 1
                report["uses"].append({"set": name, "id": item["id"], "question": item["question"], "terms": terms,
                                       "label": item.get("article"), "first": on["first"], "first_off": off["first"],
                                       "effect": effect})
            report["effects"][name] = dict(per_set)
        conn.rollback()
    return report


def print_synonyms(report: dict) -> None:
    for u in report["uses"]:
        if u["effect"] != "nothing":
            print(f"{u['effect']:<7} {u['set']:<16} {u['id']:<12} {', '.join(u['terms'])}: {u['first']} | off: "
                  f"{u['first_off']} (label {u['label']})  {u['question'][:80]}")
    print("\n| set | questions using a synonym: helped / hurt / moved / nothing |")
    print("|---|---|")
    for name, e in report["effects"].items():
        print(f"| {name} | {e.get('helped', 0)} / {e.get('hurt', 0)} / {e.get('moved', 0)} / {e.get('nothing', 0)} |")


def print_audit(report: dict) -> None:
    for c in report["corrections"]:
        mark = {"helped": "+", "hurt": "-", "moved": "~", "nothing": " "}[c["effect"]]
        print(f"{mark} {c['set']:<16} {c['id']:<14} {c['word']:>14} -> {c['lexeme']:<12} {c['how']:<7} "
              f"sim {c['similarity']:.2f}  first {'right' if c['right'] else 'wrong' if c['label'] else 'n/a':<5} "
              f"{c['first']} | off: {c['first_off']}  [{c['answer']} -> off {c['answer_off']}]")
    print("\ncorrections by effect:", json.dumps(report["effects"]))
    print("by how:", json.dumps(report["by_how"]))
    print("\n| set | corrections: helped / hurt / moved / nothing | first right on / off | answered wrong on / off |")
    print("|---|---|---|---|")
    for name, s in report["sets"].items():
        e = s["effects"]
        print(f"| {name} ({s['on']['labelled']}) | {e.get('helped', 0)} / {e.get('hurt', 0)} / {e.get('moved', 0)} / "
              f"{e.get('nothing', 0)} | {s['on']['first']} / {s['off']['first']} | {s['on']['wrong']} / {s['off']['wrong']} |")


def print_variants(report: dict) -> None:
    result = report["tallies"]
    print("| variant | set | first right | answered right | answered wrong | asked (right offered / not) "
          "| not sure | without an article: answered |")
    print("|---|---|---|---|---|---|---|---|")
    for label, sets in result.items():
        if "error" in sets:
            print(f"| {label} | error: {sets['error']} | | | | | | |")
            continue
        total = Counter()
        for name, t in sets.items():
            print(f"| {label} | {name} ({t['labelled']}) | {t['first']} | {t['right']} | {t['wrong']} | "
                  f"{t['asked_ok']} / {t['asked']} | {t['not_sure']} | {t['unlabelled_answered']}/{t['unlabelled']} |")
            total.update({k: v for k, v in t.items() if isinstance(v, int)})
        print(f"| {label} | **all ({total['labelled']})** | {total['first']} | {total['right']} | {total['wrong']} | "
              f"{total['asked_ok']} / {total['asked']} | {total['not_sure']} | "
              f"{total['unlabelled_answered']}/{total['unlabelled']} |")
    for label, changed in report["changes"].items():
        print(f"\n{label}: {len(changed)} questions change")
        for c in changed:
            print(f"  {c['set']:<16} {c['id']:<12} {c['before']} -> {c['after']}  "
                  f"({c['first_before']} -> {c['first_after']})  {c['question'][:90]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", action="store_true", help="measure every variant (VARIANTS) instead")
    parser.add_argument("--only", help="comma-separated variant labels")
    parser.add_argument("--synonyms", action="store_true", help="the same audit for the synonym rows used")
    parser.add_argument("--sql-root", type=Path, default=WORKFLOWS_ROOT)
    parser.add_argument("--database-url", help="an existing database instead of a private Postgres")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    def work(url: str) -> dict:
        if args.synonyms:
            result = synonym_audit(url)
            print_synonyms(result)
        elif args.variants:
            result = variants(url, args.only.split(",") if args.only else None)
            print_variants(result)
        else:
            result = audit(url)
            print_audit(result)
        return result

    result = on_database(work, args.database_url, args.sql_root)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
