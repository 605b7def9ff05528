"""Example questions in plumbers' voices (bench/quality/seed-voices.sql): what they do to the
search on the development and tuning sets, aggregate figures only (no question of a file is printed).

    .venv/bin/python bench/quality/voices_examples.py variants        # before / after / weightings, per file
    .venv/bin/python bench/quality/voices_examples.py ratios          # kb_ask_ratio curve, before and after
    .venv/bin/python bench/quality/voices_examples.py held-out-voice  # each voice asked, the other five applied
    .venv/bin/python bench/quality/voices_examples.py overlap         # how close the examples are to the sets

One private Postgres with the runner's SQL files (devstack.postgres.SCHEMA_FILES) and the voices file applied on top;
each variant runs in a transaction that is rolled back. Per file: first article right (kb_context), then what the
plumber gets from kb_answer at kb_ask_ratio(): answered right / answered wrong / asked back / not sure, and, for the
questions without an article, how many got an answer. The independent split is never read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database_from  # noqa: E402
from devstack.postgres import SCHEMA_FILES  # noqa: E402

VOICES = ROOT / "bench" / "quality" / "seed-voices.sql"
SETS = ("questions", "tuning-regional", "dev-neighbours", "dev-embed", "dev-regional-2", "dev-speech")
TUNED = ("questions", "tuning-regional")   # the sets the thresholds were tuned on
VOICE_NAMES = ("Spain", "Mexico", "Argentina/Uruguay", "Colombia/Venezuela", "Peru/Chile/Central America",
               "voice note / typos")
RATIOS = (0.9, 0.85, 0.82, 0.8, 0.78, 0.75)
FN = "UPDATE kb_settings SET value = '{1}' WHERE 'kb_' || key = '{0}'"  # {0} setting function, {1} value
REBUILD = ("DELETE FROM kb_lexicon; SELECT kb_refresh_lexicon(ARRAY(SELECT lexeme FROM kb_terms UNION "
           "SELECT unnest(term_lexemes) FROM kb_synonyms)); DELETE FROM kb_article_lengths; "
           "SELECT kb_refresh_lengths(ARRAY(SELECT id FROM kb_articles))")


def voices(path: Path = VOICES) -> dict[str, list[str]]:
    text = re.sub(r"^--.*$", "", path.read_text(), flags=re.M)
    return {slug: [q.replace("''", "'") for q in re.findall(r"'((?:[^']|'')*)'", body)]
            for slug, body in re.findall(r"kb_seed_examples\('([a-z0-9-]+)',\s*ARRAY\[(.*?)\]\);", text, re.S)}


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (ROOT / "eval" / f"{name}.jsonl").read_text().splitlines() if line.strip()]


def right(item: dict) -> set[str]:
    return {item["article"], *(item.get("also") or [])} if item.get("article") else set()


def example_weight(e: float) -> str:
    """kb_place_weight with example questions ('E') at e; the lexicon's place-weighted counts are rebuilt after."""
    return ('CREATE OR REPLACE FUNCTION kb_place_weight(place "char") RETURNS double precision LANGUAGE sql '
            "IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE place WHEN 'A' THEN 1.0 WHEN 'B' THEN 0.5 WHEN 'C' THEN 0.2 "
            f"WHEN 'D' THEN 0.1 WHEN 'E' THEN {e} ELSE 0 END $$; {REBUILD}")


def example_rarity_floor(floor: float) -> str:
    """kb_search (as in this checkout's schema.sql) with an example question's stem counted only when its rarity is at
    least `floor`: everyday words (agua, sale, llave) in examples add nothing. A scratch variant, not in schema.sql."""
    text = (ROOT / "n8n-workflows" / "knowledge" / "schema.sql").read_text()
    start = text.index("CREATE OR REPLACE FUNCTION kb_search(")
    function = text[start:text.index("\n$$;", start) + 4]
    old = ("max(kb_place_weight(h.place) * coalesce(nm.f, 1)) AS w\n"
           "        FROM hits h LEFT JOIN norms nm ON nm.article_id = h.article_id AND nm.place = h.place")
    assert old in function, "kb_search changed: update this variant"
    return function.replace(old, (
        f"max(CASE WHEN h.place = 'E' AND coalesce(rf.r, 0) < {floor} THEN 0 "
        "ELSE kb_place_weight(h.place) * coalesce(nm.f, 1) END) AS w\n"
        "        FROM hits h LEFT JOIN norms nm ON nm.article_id = h.article_id AND nm.place = h.place\n"
        "        LEFT JOIN rarity rf ON rf.lexeme = h.lexeme"))


def drop_voices(keep: tuple[int, ...] = ()) -> Callable[[psycopg.Connection], None]:
    def step(conn: psycopg.Connection) -> None:
        for slug, questions in voices().items():
            gone = [q for i, q in enumerate(questions) if i not in keep]
            conn.execute("DELETE FROM kb_examples WHERE source = 'seed' AND article_slug = %s AND question = ANY(%s)",
                         (slug, gone))
    return step


VARIANTS: dict[str, list] = {
    "before (no voices)": [drop_voices()],
    "voices (as written)": [],
    "voices, example weight 0.75": [example_weight(0.75)],
    "voices, example weight 0.35": [example_weight(0.35)],
    "voices, example weight 0.25": [example_weight(0.25)],
    "voices, example weight 0 (near-repeat bonus only)": [example_weight(0)],
    "before, example weight 0 (near-repeat bonus only)": [drop_voices(), example_weight(0)],
    # the closest single example as a graded term (the near-repeat bonus from a lower similarity), pooled words less
    "voices, bonus from similarity 0.5": [FN.format("kb_example_min_similarity", 0.5)],
    "before, bonus from similarity 0.5": [drop_voices(), FN.format("kb_example_min_similarity", 0.5)],
    "voices, bonus from similarity 0.4": [FN.format("kb_example_min_similarity", 0.4)],
    "before, bonus from similarity 0.4": [drop_voices(), FN.format("kb_example_min_similarity", 0.4)],
    "voices, example weight 0.25, bonus from 0.5": [example_weight(0.25), FN.format("kb_example_min_similarity", 0.5)],
    "voices, example weight 0, bonus from 0.4": [example_weight(0), FN.format("kb_example_min_similarity", 0.4)],
    "voices, example stems counted from rarity 0.3": [example_rarity_floor(0.3)],
    "before, example stems counted from rarity 0.3": [drop_voices(), example_rarity_floor(0.3)],
    "voices, example stems counted from rarity 0.5": [example_rarity_floor(0.5)],
    "before, example stems counted from rarity 0.5": [drop_voices(), example_rarity_floor(0.5)],
    "voices, length norm 0.75": [FN.format("kb_length_norm", 0.75)],
    "voices, length norm 1.0": [FN.format("kb_length_norm", 1.0)],
    "voices, no near-repeat bonus": [FN.format("kb_example_bonus", 0)],
    "voices of Spain, Mexico, Argentina only (3)": [drop_voices(keep=(0, 1, 2))],
    "voices of Colombia, Peru/Chile, voice note only (3)": [drop_voices(keep=(3, 4, 5))],
    "voice-note line only (1)": [drop_voices(keep=(5,))],
}


def tally(conn: psycopg.Connection, items: list[dict], ratio: float | None = None) -> dict[str, int]:
    c = dict(n=0, first_right=0, first_wrong=0, answered_right=0, answered_wrong=0, asked=0, not_sure=0,
             unlabelled=0, unlabelled_answered=0)
    for item in items:
        question, ok = item["question"], right(item)
        first = conn.execute("SELECT slugs FROM kb_context(%s)", (question,)).fetchone()[0]
        if ratio is None:
            slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (question,)).fetchone()
        else:
            slugs, choices = conn.execute("SELECT k.slugs, kb_choices(%s, %s) FROM kb_answer(%s, '') k",
                                          (question, ratio, question)).fetchone()
        if not ok:
            c["unlabelled"] += 1
            c["unlabelled_answered"] += bool(slugs) and not choices
            continue
        c["n"] += 1
        c["first_right"] += bool(first) and first[0] in ok
        c["first_wrong"] += bool(first) and first[0] not in ok
        if choices:
            c["asked"] += 1
        elif not slugs:
            c["not_sure"] += 1
        else:
            c["answered_right" if slugs[0] in ok else "answered_wrong"] += 1
    return c


def line(name: str, c: dict[str, int]) -> str:
    return (f"{name:16s} first right {c['first_right']}/{c['n']} (wrong {c['first_wrong']}) | answered right "
            f"{c['answered_right']}, wrong {c['answered_wrong']}, asked {c['asked']}, not sure {c['not_sure']} | "
            f"without an article answered {c['unlabelled_answered']}/{c['unlabelled']}")


def run_variants(conn: psycopg.Connection, names: list[str]) -> dict:
    out = {}
    for name in names:
        for step in VARIANTS[name]:
            step(conn) if callable(step) else conn.execute(step)
        out[name] = {s: tally(conn, load(s)) for s in SETS}
        conn.rollback()
        print(f"== {name}\n" + "\n".join("   " + line(s, c) for s, c in out[name].items()), flush=True)
    return out


def run_ratios(conn: psycopg.Connection) -> dict:
    out = {}
    for name in ("before (no voices)", "voices (as written)"):
        for step in VARIANTS[name]:
            step(conn)
        for group, sets in (("tuned", TUNED), ("development", [s for s in SETS if s not in TUNED])):
            items = [item for s in sets for item in load(s)]
            out[f"{name}, {group}"] = {f"{r:.2f}": tally(conn, items, r) for r in RATIOS}
            print(f"== {name}, {group} sets: answered right / wrong / asked back, of "
                  f"{out[f'{name}, {group}']['0.85']['n']}\n   " + " | ".join(
                      f"{r}: {c['answered_right']}/{c['answered_wrong']}/{c['asked']}"
                      for r, c in out[f"{name}, {group}"].items()), flush=True)
        conn.rollback()
    return out


def run_held_out_voice(conn: psycopg.Connection) -> dict:
    """The 552 examples as questions (label: their article): each voice asked with none of the voices applied, then
    with the other five applied. Do examples in five voices help the sixth?"""
    rows = voices()
    out = {}
    drop_voices()(conn)
    for k, name in enumerate(VOICE_NAMES):
        items = [{"question": qs[k], "article": slug} for slug, qs in rows.items()]
        conn.execute("SAVEPOINT v")
        without = tally(conn, items)
        for slug, qs in rows.items():
            conn.execute("SELECT kb_seed_examples(%s, %s)", (slug, [q for i, q in enumerate(qs) if i != k]))
        other_five = tally(conn, items)
        conn.execute("ROLLBACK TO SAVEPOINT v")
        out[name] = {"without": without, "other_five": other_five}
        print(f"{name}\n   " + line("no voices", without) + "\n   " + line("other five", other_five), flush=True)
    conn.rollback()
    total = {w: {k: sum(v[w][k] for v in out.values()) for k in out[VOICE_NAMES[0]][w]}
             for w in ("without", "other_five")}
    print("ALL\n   " + line("no voices", total["without"]) + "\n   " + line("other five", total["other_five"]))
    return {**out, "all": total}


def run_overlap(conn: psycopg.Connection) -> dict:
    """How many examples share more than half (or three quarters) of their stems with some question of the sets."""
    def stems(text: str) -> set[str]:
        return set(conn.execute("SELECT kb_lexemes(%s)", (text,)).fetchone()[0] or [])
    questions = [stems(item["question"]) for s in SETS for item in load(s)]
    hist = {"<=0.5": 0, ">0.5": 0, ">0.75": 0}
    for qs in voices().values():
        for example in qs:
            own = stems(example)
            closest = max(len(own & q) / len(own) for q in questions) if own else 0
            hist[">0.75" if closest > 0.75 else ">0.5" if closest > 0.5 else "<=0.5"] += 1
    print("examples by the largest share of their stems found in one question of the sets:", hist)
    return hist


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("variants", "ratios", "held-out-voice", "overlap"))
    parser.add_argument("--variant", action="append", choices=list(VARIANTS), help="default: every variant")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    files = tuple(f for f in SCHEMA_FILES if f != VOICES)
    with private_database_from(files) as url, psycopg.connect(url) as conn:
        conn.execute(VOICES.read_text())   # on top of every seed, as it would be applied
        conn.commit()
        if args.what == "variants":
            result = run_variants(conn, args.variant or list(VARIANTS))
        elif args.what == "ratios":
            result = run_ratios(conn)
        elif args.what == "held-out-voice":
            result = run_held_out_voice(conn)
        else:
            result = run_overlap(conn)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
