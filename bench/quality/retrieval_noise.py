"""How much typing noise and speech-to-text noise cost the search: every labelled question of the development sets
is rewritten twice by fixed, general rules (no question is written by hand), once as a hurried plumber types it on
a phone and once as a speech recogniser writes a voice note, and each version goes through ``kb_answer`` as the
chat workflow calls it (what the plumber gets: answered right / wrong, asked back with the right case offered or
not, nothing found).

    .venv/bin/python bench/quality/retrieval_noise.py                      # this checkout, all development sets
    .venv/bin/python bench/quality/retrieval_noise.py --sql-root /tmp/main-sql/n8n-workflows   # another checkout
    .venv/bin/python bench/quality/retrieval_noise.py --show 20            # print 20 rewritten questions, no search
    .venv/bin/python bench/quality/retrieval_noise.py --json out.json      # every question's outcome

The rewriting is seeded by the question's id, so two runs (and two checkouts) search the very same sentences.
Typing: accents and question marks dropped, chat shorthand (q, xq, x, tb, pa, d, k, ta, na), the spelling slips of
sound (b/v, s/c/z, ll/y, a silent h dropped or added, g/j, qu/k, rr/r), a few keyboard slips (a letter dropped,
doubled or swapped) and a short word run into the next ("setapo", "lallave"). Speech: no punctuation, fillers at
the start and in between (este, o sea, mira, eh, bueno, digamos), numbers said in words, long words split in two
by the recogniser ("ino doro", "a tascado"), a word said twice, and the usual homophones (tubo/tuvo, hay/ahí,
echo/hecho, bota/vota).

Only the development sets of bench/quality/ask_back.py are read (never a held-out file). The rules are general
and were written before measuring the search with them; they are a stress test, not a sample of real plumbers:
a rule of the search tuned to these rewrites is in-sample here, and the typo/speech development sets
(eval/dev-speech.jsonl, eval/dev-words-5.jsonl) stay the check.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import on_database  # noqa: E402
from bench.quality.ask_back import DEV_SETS, load, right, tally  # noqa: E402
from devstack.postgres import WORKFLOWS_ROOT  # noqa: E402

SHORTHAND = {"que": ["q", "k", "q", "ke"], "porque": ["xq", "pq", "porq"], "por": ["x"], "tambien": ["tb", "tmb"],
             "para": ["pa"], "de": ["d"], "esta": ["ta"], "nada": ["na"], "todo": ["to"], "con": ["cn"],
             "como": ["cmo"], "estoy": ["toy"], "mas": ["mas"], "bien": ["bn"], "donde": ["dnd"]}
FILLERS_START = ["este", "eh", "mira", "oye", "bueno", "pues", "o sea", "a ver", "mmm", "hola buenas", "fijate",
                 "mire", "bueno este", "eh mira", "oiga", "ok entonces"]
FILLERS_MID = ["este", "o sea", "digamos", "eh", "como que", "tipo", "bueno", "sabes", "no se"]
NUMBERS = {"1": "uno", "2": "dos", "3": "tres", "4": "cuatro", "5": "cinco", "6": "seis", "7": "siete", "8": "ocho",
           "9": "nueve", "10": "diez", "12": "doce", "15": "quince", "20": "veinte", "24": "veinticuatro",
           "30": "treinta", "40": "cuarenta", "50": "cincuenta", "60": "sesenta", "80": "ochenta", "100": "cien",
           "110": "ciento diez", "150": "ciento cincuenta", "200": "doscientos", "220": "doscientos veinte"}
HOMOPHONES = {"tubo": "tuvo", "tubos": "tuvos", "hay": "ahi", "echo": "hecho", "eche": "hecha", "bota": "vota",
              "haya": "halla", "vaya": "valla", "casa": "caza", "sierra": "cierra", "cierra": "sierra",
              "hierro": "yerro", "rallado": "rayado", "botar": "votar", "hecho": "echo", "ola": "hola"}
VOWELS = "aeiou"
ALREADY_NOISY = ("dev-words-5",)  # written with typos and speech already: not rewritten again


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9ñ]+", fold(text).replace("ñ", "ñ"))


def sound_slip(word: str, rng: random.Random) -> str:
    """One spelling slip that keeps the sound (what Spanish speakers misspell)."""
    options = []
    for i, c in enumerate(word):
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if c == "b":
            options.append((i, 1, "v"))
        elif c == "v":
            options.append((i, 1, "b"))
        elif c == "z":
            options.append((i, 1, "s"))
        elif c == "s" and nxt in "ei" and nxt:
            options.append((i, 1, rng.choice(["c", "z"])))
        elif c == "c" and nxt in "ei" and nxt:
            options.append((i, 1, "s"))
        elif c == "s" and nxt in VOWELS and nxt:
            options.append((i, 1, "z"))
        elif word[i:i + 2] == "ll":
            options.append((i, 2, "y"))
        elif c == "y" and nxt in VOWELS and nxt and i > 0:
            options.append((i, 1, "ll"))
        elif c == "h" and i == 0:
            options.append((i, 1, ""))
        elif c == "g" and nxt in "ei" and nxt:
            options.append((i, 1, "j"))
        elif c == "j" and nxt in "ei" and nxt:
            options.append((i, 1, "g"))
        elif word[i:i + 2] == "qu":
            options.append((i, 2, "k"))
        elif word[i:i + 2] == "rr":
            options.append((i, 2, "r"))
        elif c == "x" and i > 0:
            options.append((i, 1, "cs"))
    if word.startswith(("ue", "ie")) or (word[0] in "aeo" and len(word) > 4):
        options.append((0, 0, "h"))
    if not options:
        return word
    i, n, new = rng.choice(options)
    return word[:i] + new + word[i + n:]


def key_slip(word: str, rng: random.Random) -> str:
    """A keyboard slip: a letter dropped, doubled, or two letters swapped."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["drop", "double", "swap"])
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def typed(question: str, rng: random.Random) -> str:
    words = words_of(question)
    out: list[str] = []
    for w in words:
        if w in SHORTHAND and rng.random() < 0.6:
            out.append(rng.choice(SHORTHAND[w]))
            continue
        if len(w) >= 4 and not w.isdigit() and rng.random() < 0.35:
            w = sound_slip(w, rng)
        if len(w) >= 5 and not w.isdigit() and rng.random() < 0.12:
            w = key_slip(w, rng)
        out.append(w)
    joined: list[str] = []
    i = 0
    while i < len(out):
        if i + 1 < len(out) and len(out[i]) <= 3 and not out[i].isdigit() and rng.random() < 0.12:
            joined.append(out[i] + out[i + 1])
            i += 2
        else:
            joined.append(out[i])
            i += 1
    return " ".join(joined)


def split_word(word: str, rng: random.Random) -> str:
    """A long word cut by the recogniser after a vowel: 'inodoro' -> 'ino doro', 'atascado' -> 'a tascado'."""
    cuts = [i for i in range(1, len(word) - 3) if word[i] not in VOWELS and word[i + 1] in VOWELS
            and word[i - 1:i + 1] not in ("ch", "ll", "rr", "qu")]
    if not cuts:
        return word
    i = rng.choice(cuts)
    return word[:i] + " " + word[i:]


def spoken(question: str, rng: random.Random) -> str:
    words = [NUMBERS.get(w, w) for w in words_of(question)]
    out: list[str] = []
    if rng.random() < 0.7:
        out.append(rng.choice(FILLERS_START))
    for i, w in enumerate(words):
        if w in HOMOPHONES and rng.random() < 0.5:
            w = HOMOPHONES[w]
        elif len(w) >= 7 and rng.random() < 0.15:
            w = split_word(w, rng)
        out.append(w)
        if 0 < i < len(words) - 2 and rng.random() < 0.08:
            out.append(rng.choice(FILLERS_MID))
        elif len(w) <= 3 and rng.random() < 0.05:
            out.append(w)
    return " ".join(out)


def variants(item: dict) -> dict[str, str]:
    seed = sum(ord(c) * (i + 1) for i, c in enumerate(item["id"]))
    return {"clean": item["question"], "typed": typed(item["question"], random.Random(seed)),
            "spoken": spoken(item["question"], random.Random(seed + 7919))}


def dev_items() -> list[tuple[str, dict, dict]]:
    """(set, item, labels) for every labelled question of the development sets."""
    items = []
    for name, labels_file in DEV_SETS:
        path = ROOT / "eval" / f"{name}.jsonl"
        if not path.exists() or name in ALREADY_NOISY:
            continue
        labels = json.loads((ROOT / "eval" / labels_file).read_text()) if labels_file else {}
        for item in load(path):
            label = labels.get(item["id"], item.get("article"))
            if label:
                items.append((name, item, labels))
    return items


def measure(url: str, items: list[tuple[str, dict, dict]]) -> dict:
    import psycopg

    rows: dict[str, list[dict]] = {"clean": [], "typed": [], "spoken": []}
    with psycopg.connect(url, autocommit=True) as conn:
        for name, item, labels in items:
            label = labels.get(item["id"], item.get("article"))
            right_ = [label] if labels else sorted(right(item, False))
            for version, text in variants(item).items():
                slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (text,)).fetchone()
                rows[version].append({"set": name, "id": item["id"], "question": text, "label": label,
                                      "right": right_, "first": slugs[0] if slugs else None,
                                      "offered": [c["slug"] for c in choices] if choices else None})
    return {version: {**tally([dict(r) for r in rs]), "rows": rs} for version, rs in rows.items()}


def markdown(result: dict) -> str:
    lines = ["| version | n | answered right | answered wrong | asked, right offered | asked, right missing | "
             "nothing | right reaching the plumber |", "|---|---|---|---|---|---|---|---|"]
    for version, t in result.items():
        lines.append(f"| {version} | {t['labelled']} | {t['answered_right']:.3f} | **{t['answered_wrong']:.3f}** | "
                     f"{t['asked_right_offered']:.3f} | {t['asked_right_missing']:.3f} | {t['nothing_found']:.3f} | "
                     f"{t['answered_right'] + t['asked_right_offered']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sql-root", type=Path, default=WORKFLOWS_ROOT)
    parser.add_argument("--database-url")
    parser.add_argument("--show", type=int, default=0, help="print this many rewritten questions and stop")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    items = dev_items()
    if args.show:
        for _, item, _ in items[:: max(1, len(items) // args.show)][: args.show]:
            for version, text in variants(item).items():
                print(f"{version:7s} {text}")
            print()
        return 0
    result = on_database(lambda url: measure(url, items), args.database_url, args.sql_root)
    print(markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
