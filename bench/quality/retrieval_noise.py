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

A second table breaks the typed and spoken outcomes down by rewrite rule (which rules fired on each question:
typed_edits, spoken_edits keep the rewrite's own random calls, so the sentences are the same): per rule, the questions
it touched and what they got, and, of the questions the noise broke (the clean one reached the plumber, the rewritten
one did not), how many one undone edit of that rule alone would save ("culprits"; bench/quality/TYPOS-29.md).

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


def sound_kind(before: str, after: str) -> str:
    """Which slip of sound sound_slip made (for the per-rule breakdown)."""
    if len(after) > len(before) and after.startswith("h"):
        return "sound h added"
    for a, b in zip(before, after):
        if a != b:
            pair = {a, b}
            break
    else:
        pair = {before[-1:]} if len(before) > len(after) else set()
    if "h" in pair and len(after) < len(before) and before.startswith("h"):
        return "sound h dropped"
    for kind, letters in (("sound b/v", {"b", "v"}), ("sound ll/y", {"l", "y"}), ("sound g/j", {"g", "j"}),
                          ("sound qu/k", {"q", "k"}), ("sound x/cs", {"x", "c"}), ("sound s/c/z", {"s", "c", "z"})):
        if pair and pair <= letters:
            return kind
    if "r" in pair or before.replace("rr", "r") == after:
        return "sound rr/r"
    return "sound other"


def typed_edits(question: str, rng: random.Random) -> list[dict]:
    """The typing rewrite as tokens: each {"word" (as written), "out" (as typed), "rules", "join" (run into the
    next token)}; typed() joins them. The random calls are the rewrite's own, in its order."""
    tokens: list[dict] = []
    for w in words_of(question):
        token = {"word": w, "out": w, "rules": [], "join": False}
        if w in SHORTHAND and rng.random() < 0.6:
            token["out"] = rng.choice(SHORTHAND[w])
            if token["out"] != w:
                token["rules"].append("shorthand")
            tokens.append(token)
            continue
        if len(w) >= 4 and not w.isdigit() and rng.random() < 0.35:
            slipped = sound_slip(w, rng)
            if slipped != w:
                token["rules"].append(sound_kind(w, slipped))
            w = slipped
        if len(w) >= 5 and not w.isdigit() and rng.random() < 0.12:
            before = w
            i_state = rng.getstate()
            w = key_slip(w, rng)
            rng2 = random.Random()
            rng2.setstate(i_state)
            rng2.randrange(1, len(before) - 1)
            token["rules"].append("key " + rng2.choice(["drop", "double", "swap"]))
        token["out"] = w
        tokens.append(token)
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens) and len(tokens[i]["out"]) <= 3 and not tokens[i]["out"].isdigit() \
                and rng.random() < 0.12:
            tokens[i]["join"] = True
            i += 2
        else:
            i += 1
    return tokens


def joined(tokens: list[dict], keep: set[int] | None = None, keep_join: set[int] | None = None) -> str:
    """The text of typed or spoken tokens; `keep`: tokens left as written, `keep_join`: joins left undone."""
    keep, keep_join = keep or set(), keep_join or set()
    parts, glue = [], False
    for i, t in enumerate(tokens):
        text = t["word"] if i in keep else t["out"]
        if glue:
            parts[-1] += text
        else:
            parts.append(text)
        glue = t["join"] and i not in keep_join
    return " ".join(parts)


def typed(question: str, rng: random.Random) -> str:
    return joined(typed_edits(question, rng))


def split_word(word: str, rng: random.Random) -> str:
    """A long word cut by the recogniser after a vowel: 'inodoro' -> 'ino doro', 'atascado' -> 'a tascado'."""
    cuts = [i for i in range(1, len(word) - 3) if word[i] not in VOWELS and word[i + 1] in VOWELS
            and word[i - 1:i + 1] not in ("ch", "ll", "rr", "qu")]
    if not cuts:
        return word
    i = rng.choice(cuts)
    return word[:i] + " " + word[i:]


def spoken_edits(question: str, rng: random.Random) -> list[dict]:
    """The speech rewrite as tokens (as typed_edits); a filler or a repeated word is a token of its own whose
    "word" is empty."""
    tokens: list[dict] = []
    words = words_of(question)
    if rng.random() < 0.7:
        tokens.append({"word": "", "out": rng.choice(FILLERS_START), "rules": ["filler at the start"], "join": False})
    for i, w in enumerate(words):
        token = {"word": w, "out": w, "rules": [], "join": False}
        if w in NUMBERS:
            token["out"] = w = NUMBERS[w]
            token["rules"].append("number in words")
        if w in HOMOPHONES and rng.random() < 0.5:
            token["out"] = HOMOPHONES[w]
            token["rules"].append("homophone")
        elif len(w) >= 7 and rng.random() < 0.15:
            token["out"] = split_word(w, rng)
            if token["out"] != w:
                token["rules"].append("word split in two")
        tokens.append(token)
        if 0 < i < len(words) - 2 and rng.random() < 0.08:
            tokens.append({"word": "", "out": rng.choice(FILLERS_MID), "rules": ["filler in between"], "join": False})
        elif len(w) <= 3 and rng.random() < 0.05:
            tokens.append({"word": "", "out": w, "rules": ["word said twice"], "join": False})
    return tokens


def spoken(question: str, rng: random.Random) -> str:
    return " ".join(t["out"] for t in spoken_edits(question, rng))


def seed_of(item: dict) -> int:
    return sum(ord(c) * (i + 1) for i, c in enumerate(item["id"]))


def edits(item: dict) -> dict[str, list[dict]]:
    """The typed and spoken tokens of a question (typed_edits, spoken_edits), each token's rules named; a word run
    into the next is the rule "run together", a sound slip and a key slip in one word also "two slips in one word"."""
    typed_tokens = typed_edits(item["question"], random.Random(seed_of(item)))
    for t in typed_tokens:
        if t["join"]:
            t["rules"] = t["rules"] + ["run together"]
        if sum(r.startswith(("sound", "key")) for r in t["rules"]) >= 2:
            t["rules"] = t["rules"] + ["two slips in one word"]
    return {"typed": typed_tokens, "spoken": spoken_edits(item["question"], random.Random(seed_of(item) + 7919))}


def variants(item: dict) -> dict[str, str]:
    seed = seed_of(item)
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


def outcome(row: dict) -> str:
    if row["first"] is None:
        return "nothing"
    if row["offered"] is None:
        return "right" if row["first"] in row["right"] else "wrong"
    return "asked, right offered" if set(row["right"]) & set(row["offered"]) else "asked, right missing"


def ask(conn, text: str) -> tuple[str | None, list[str] | None]:
    slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (text,)).fetchone()
    return (slugs[0] if slugs else None), ([c["slug"] for c in choices] if choices else None)


def culprits(conn, row: dict, tokens: list[dict]) -> list[str]:
    """The rules whose undoing alone makes a failed question reach the plumber (answered right, or asked with
    the right case offered): each edited token put back as written (a join undone, a filler left out) one at a
    time. Empty when no single edit is to blame (two or more together)."""
    found: list[str] = []
    for i, t in enumerate(tokens):
        if not t["rules"]:
            continue
        if t["word"] == "":   # a filler or a repeated word: left out
            text = " ".join(x["out"] for j, x in enumerate(tokens) if j != i)
        else:
            text = joined(tokens, keep={i} if t["out"] != t["word"] else set(), keep_join={i})
        first, offered = ask(conn, text)
        if outcome({"first": first, "offered": offered, "right": row["right"]}) in ("right", "asked, right offered"):
            found += [r for r in t["rules"] if r not in found]
    return found


def measure(url: str, items: list[tuple[str, dict, dict]]) -> dict:
    import psycopg

    rows: dict[str, list[dict]] = {"clean": [], "typed": [], "spoken": []}
    with psycopg.connect(url, autocommit=True) as conn:
        for name, item, labels in items:
            label = labels.get(item["id"], item.get("article"))
            right_ = [label] if labels else sorted(right(item, False))
            tokens = edits(item)
            clean_reached = False
            for version, text in variants(item).items():
                first, offered = ask(conn, text)
                row = {"set": name, "id": item["id"], "question": text, "label": label, "right": right_,
                       "first": first, "offered": offered}
                if version == "clean":
                    clean_reached = outcome(row) in ("right", "asked, right offered")
                else:
                    row["rules"] = sorted({r for t in tokens[version] for r in t["rules"]})
                    row["clean_reached"] = clean_reached
                    if clean_reached and outcome(row) in ("nothing", "wrong", "asked, right missing"):
                        row["culprits"] = culprits(conn, row, tokens[version])
                rows[version].append(row)
    return {version: {**tally([dict(r) for r in rs]), "rows": rs} for version, rs in rows.items()}


def rules_markdown(result: dict) -> str:
    """Per rule of the rewrite: questions where it fired and what they got; and, of the ones the noise broke (the
    clean question reached the plumber, the rewritten one did not), how many a single undone edit of that rule
    would have saved (culprits; "(no single edit)": two or more edits together)."""
    lines = ["| version | rule | questions | right | wrong | asked, right offered | asked, right missing | nothing "
             "| broken, blamed: wrong | blamed: nothing | blamed: asked, right missing |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for version in ("typed", "spoken"):
        rows = result[version]["rows"]
        rules = sorted({r for row in rows for r in row["rules"]})
        failed = [row for row in rows if row.get("culprits") is not None]
        for rule in rules + ["(no single edit)"]:
            with_rule = [row for row in rows if rule in row["rules"]] if rule in rules else []
            count = lambda o: sum(outcome(row) == o for row in with_rule)  # noqa: E731
            if rule in rules:
                blamed = lambda o: sum(outcome(row) == o and rule in row["culprits"] for row in failed)  # noqa: E731
            else:
                blamed = lambda o: sum(outcome(row) == o and not row["culprits"] for row in failed)  # noqa: E731
            lines.append(f"| {version} | {rule} | {len(with_rule)} | {count('right')} | {count('wrong')} | "
                         f"{count('asked, right offered')} | {count('asked, right missing')} | {count('nothing')} | "
                         f"{blamed('wrong')} | {blamed('nothing')} | {blamed('asked, right missing')} |")
    return "\n".join(lines)


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
    print()
    print(rules_markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
