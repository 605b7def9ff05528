"""Is the FIRST request of each multi-turn estimate case read right? (bench/estimates/FIRSTREAD-28.md)

A multi-turn case cannot end right when its first turn is read wrong and no later turn talks about what was
wrong (bench/estimates/MULTITURN-16.md: 99 of the 136 failing multi-turn cases of sets 10-16 went wrong there).
This plays only turn 1 of each case, as eval/score_independent.py plays it (no AI model, a transaction rolled back
afterwards), and judges the draft against the case's final items and labels, leaving out what later turns change:

- the turn did what the case expects (a refusal where an estimate is expected is wrong);
- every expected item whose head word (the first word of its `what`, plural folded) no later turn says is
  priced with a labelled code and quantity, or a cotizar where its label allows it, or labour when labelled so
  (the quantity is not judged when a later turn says a number that is no hours: "son 12 metros"; the size is
  not judged when a later turn says a size and the line is the same thing at another: "todo de 3/4", or the
  thing is a line a cotizar at turn 1: "3 m de tubo de cobre" … "de 22", unless turn 1 said the item's size already);
- no priced line that no expected item accounts for, unless a later turn names it (a removal, a change); the
  service call and labour hours are not counted, as in the scorer;
- the final hours, when the case fixes them and no later turn says hours.

Measures only; the rule is mechanical, so a few cases are judged loosely (a later turn that names a word of an
item only in passing exempts it). The same rule before and after a change is what makes the count comparable.

    .venv/bin/python bench/estimates/first_turn.py --scratch [--workflows-root <tree>/n8n-workflows] \
        [--sets 1,2,...,16] [--all] [--out F] [--verbose]

--all judges single-turn cases too (their first turn is the whole case).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from eval import score_independent as si  # noqa: E402

HOURS = re.compile(r"\b(\d+(?:[.,]\d+)?\s*(?:h|hs|hr|hrs)|horas?|hr|hrs|hs|jornal(?:es)?|jornadas?|mano de obra)\b")
LITTLE = {"de", "del", "la", "el", "los", "las", "un", "una", "unos", "unas", "para", "con", "y", "a", "al", "en"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def stem(word: str) -> str:
    for end in ("es", "s"):
        if len(word) > 4 and word.endswith(end):
            return word[: -len(end)]
    return word


def later_words(case: dict[str, Any]) -> set[str]:
    return {stem(w) for t in case["turns"][1:] for w in re.findall(r"[a-z0-9]+", fold(t["text"]))}


COUNT = re.compile(r"\b(\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte)\b")


def says_count(case: dict[str, Any]) -> bool:
    """A later turn says a number that is no hours ("son 12 metros", "eran once codos", "que sean 2")."""
    for t in case["turns"][1:]:
        text = HOURS.sub(" ", re.sub(r"\b\w+\s+(?=(?:h|hs|hr|hrs|horas?)\b)", " ", fold(t["text"])))
        if COUNT.search(text):
            return True
    return False


SIZE = re.compile(r"\d|\bmedia\b|\bcuartos?\b|\bpulgadas?\b|\blitros?\b|\bgalon")


def says_size(case: dict[str, Any]) -> bool:
    """A later turn says a size ("todo de 3/4", "mejor de 25", "es de 80 litros")."""
    return any(SIZE.search(HOURS.sub(" ", fold(t["text"]))) for t in case["turns"][1:])


def size_said(folded: str, size: str | None) -> bool:
    """The item's size (its first number: 22, 1/2, 40) is in turn 1's folded words (estimate_words)."""
    first = re.search(r"\d+(?:/\d+)?", size or "")
    return bool(first) and f" {first.group(0)} " in f" {folded} "


def stem_code(code: str | None) -> str:
    """A catalogue code without its size: tubo-cobre-15mm -> tubo-cobre."""
    return re.sub(r"(-\d[\w-]*)$", "", code or "")


def head(what: str) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", fold(what)) if w not in LITTLE]
    return stem(words[0]) if words else ""


def set_files(n: str) -> tuple[Path, Path]:
    if n == "1":
        return ROOT / "eval" / "estimates-independent.jsonl", ROOT / "eval" / "estimates-independent-labels.json"
    return (ROOT / "eval" / f"estimates-independent-{n}.jsonl",
            ROOT / "eval" / f"estimates-independent-{n}-labels.json")


def first_turn(conn: psycopg.Connection, case: dict[str, Any], labels: list[dict[str, Any]]) -> dict[str, Any]:
    one = {**case, "turns": case["turns"][:1], "customer": None}
    with conn.transaction(force_rollback=True):
        played = si.play(conn, one)
        lines = si.estimate_lines(conn, played["number"])[1] if played["number"] else []
    turn = played["turns"][0]
    later = later_words(case)
    multi = len(case["turns"]) > 1
    final = case["final"]
    problems: list[str] = []
    if not turn["ok"]:
        problems.append(f"did {turn['did']}, expected {'/'.join(turn['expect'])}")
    if final["status"] is None:
        priced = [x for x in lines if not x["to_quote"]]
        if priced:
            problems.append(f"priced {[x['code'] for x in priced]} for a request that gets no estimate")
        return {"id": case["id"], "ok": not problems, "problems": problems, "lines": [si._line(x) for x in lines]}
    if says_count(case):
        # a later turn says a count ("son 12 metros", "eran once codos"): the quantities of turn 1 are not judged
        lines_for_items = lines
        relabelled = []
        for item, label in zip(case["final"].get("items") or [], labels, strict=True):
            near = next((x for x in lines if not x["to_quote"] and x["code"] in label.get("codes", [])), None)
            relabelled.append({**item, "quantity": float(near["quantity"]) if near else item["quantity"]})
        items, unexpected = si.match_items({**case, "final": {**final, "items": relabelled}}, labels, lines_for_items)
    else:
        items, unexpected = si.match_items(case, labels, lines)
    resized = says_size(case)
    said = conn.execute("SELECT estimate_words(%s)", (case["turns"][0]["text"],)).fetchone()[0]
    priced_stems = {stem_code(x["code"]) for x in lines if not x["to_quote"] and x["code"]}
    for item, label in zip(items, labels):
        if head(item["what"]) in later:
            continue
        if resized and priced_stems & {stem_code(c) for c in label.get("codes", [])}:
            continue   # the same thing at another size, and a later turn says a size ("todo de 3/4")
        if resized and item["how"] != "priced" and not size_said(said, item["size"]) and any(
                x["to_quote"] and head(item["what"]) in {stem(w) for w in re.findall(r"[a-z]+", fold(x["description"]))}
                for x in lines):
            continue   # a cotizar at turn 1, its size said later ("3 m de tubo de cobre" … "de 22")
        if not (item["how"] in ("priced", "labour") or (item["how"] == "to_quote" and item["must_quote"])):
            problems.append(f"{item['what']} {item['size'] or ''} x{item['quantity']}: {item['how']}")
    for x in unexpected:
        named = {stem(w) for w in re.findall(r"[a-z]+", fold(x["description"] + " " + (x["code"] or ""))) if len(w) > 3}
        labelled = {stem_code(c) for label in labels for c in label.get("codes", [])}
        if not (named & later) and not (resized and stem_code(x["code"]) in labelled):
            problems.append(f"unexpected priced {x['code']} x{x['quantity'].normalize()}")
    says_hours = multi and any(HOURS.search(fold(t["text"])) for t in case["turns"][1:])
    if final.get("labour_hours") is not None and not says_hours:
        hours = si.labour_hours(lines)
        if hours != Decimal(str(final["labour_hours"])):
            problems.append(f"hours {hours.normalize()}, expected {final['labour_hours']}")
    return {"id": case["id"], "ok": not problems, "problems": problems, "lines": [si._line(x) for x in lines]}


def run(url: str, sets: list[str], every: bool, verbose: bool) -> dict[str, Any]:
    report: dict[str, Any] = {"sets": {}, "cases": []}
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE estimate_settings SET model_items = false")
        for n in sets:
            cases_path, labels_path = set_files(n)
            labels = si.load_labels(labels_path)
            judged = []
            for case in si.load_cases(cases_path):
                if not every and len(case["turns"]) < 2:
                    continue
                result = {"set": n, "text": case["turns"][0]["text"], **first_turn(conn, case, labels[case["id"]])}
                judged.append(result)
                if verbose and not result["ok"]:
                    print(f"--- set {n} {case['id']}: {case['turns'][0]['text']}")
                    for p in result["problems"]:
                        print(f"     ! {p}")
                    for x in result["lines"]:
                        print(f"       {'?' if x['to_quote'] else '$'} {x['code'] or '-'} x{x['quantity']} "
                              f"| {x['description'][:70]}")
            right = sum(r["ok"] for r in judged)
            report["sets"][n] = {"cases": len(judged), "first_turn_right": right}
            report["cases"].extend(judged)
            print(f"set {n}: first turn right {right} of {len(judged)}", flush=True)
    total = sum(s["cases"] for s in report["sets"].values())
    right = sum(s["first_turn_right"] for s in report["sets"].values())
    report["pooled"] = {"cases": total, "first_turn_right": right}
    print(f"pooled: first turn right {right} of {total}")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url")
    parser.add_argument("--scratch", action="store_true", help="a private embedded Postgres for this run")
    parser.add_argument("--workflows-root", type=Path, help="with --scratch: whose SQL files (an n8n-workflows folder)")
    parser.add_argument("--sets", default=",".join(str(n) for n in range(1, 17)))
    parser.add_argument("--all", action="store_true", help="single-turn cases too")
    parser.add_argument("--verbose", action="store_true", help="print each first turn judged wrong")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    if any(s in ("17", "18") for s in sets):
        parser.error("sets 17 and 18 are held out")
    if args.scratch:
        from bench.eval_services import private_database_from, schema_files_under
        from devstack.postgres import WORKFLOWS_ROOT
        with private_database_from(schema_files_under(args.workflows_root or WORKFLOWS_ROOT)) as url:
            report = run(url, sets, args.all, args.verbose)
    elif args.database_url:
        report = run(args.database_url, sets, args.all, args.verbose)
    else:
        parser.error("--database-url or --scratch")
    if args.out:
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
