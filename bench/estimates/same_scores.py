"""The estimate tuning sets (1-16, 22, 24) scored on ONE private database made from a checkout's SQL files, and two
such runs compared case for case (bench/SPEED-34.md: a change that must not change behaviour). Each set is played by
eval/score_independent.run (each case in a transaction rolled back, as --scratch does, without a new cluster a set).

    # in this checkout: its own files, then another revision's
    .venv/bin/python bench/estimates/same_scores.py score n8n-workflows branch
    git archive REV n8n-workflows | tar -x -C /tmp/rev && .venv/bin/python bench/estimates/same_scores.py score /tmp/rev/n8n-workflows main
    .venv/bin/python bench/estimates/same_scores.py compare main branch

Results go to --out (default /tmp/same-scores) as setN-TAG.json; compare prints each set identical or the cases
that moved (the random access tokens of page links are not compared)."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SETS = [str(i) for i in range(1, 17)] + ["22", "24"]   # tuning sets only (never 17-21, 23, 25)


def files(n: str) -> tuple[Path, Path]:
    suffix = "" if n == "1" else f"-{n}"
    return (ROOT / "eval" / f"estimates-independent{suffix}.jsonl",
            ROOT / "eval" / f"estimates-independent{suffix}-labels.json")


def score(root: Path, tag: str, out: Path, sets: list[str]) -> None:
    from bench.eval_services import private_database_from
    from devstack.postgres import SCHEMA_FILES, WORKFLOWS_ROOT
    from eval.score_independent import run
    schema = tuple(root.resolve() / f.relative_to(WORKFLOWS_ROOT) for f in SCHEMA_FILES)
    out.mkdir(parents=True, exist_ok=True)
    with private_database_from(schema) as url:
        for n in sets:
            started = time.monotonic()
            summary, results = run(url, None, *files(n))
            (out / f"set{n}-{tag}.json").write_text(json.dumps({"summary": summary, "cases": results},
                                                               ensure_ascii=False, indent=1, default=str))
            print(n, json.dumps(summary), f"{time.monotonic() - started:.0f}s", flush=True)


def compare(a: str, b: str, out: Path, sets: list[str]) -> int:
    def load(path: Path) -> dict:
        return json.loads(re.sub(r"t=[0-9a-f]{32}", "t=TOKEN", path.read_text()))
    same = 0
    for n in sets:
        pa, pb = out / f"set{n}-{a}.json", out / f"set{n}-{b}.json"
        if not (pa.exists() and pb.exists()):
            print(f"set {n}: not scored on both")
            continue
        ja, jb = load(pa), load(pb)
        s = ja["summary"]
        if ja == jb:
            same += 1
            print(f"set {n}: identical (right/partial/refused/wrong-priced {s['right']}/{s['partial']}/{s['refused']}/"
                  f"{s['wrong-priced']}, unexpected lines {s['unexpected_priced_lines']})")
        else:
            print(f"set {n}: DIFFERS {ja['summary']} -> {jb['summary']}")
            for x, y in zip(ja["cases"], jb["cases"]):
                if x != y:
                    print(f"    {x['id']}: {x['outcome']} -> {y['outcome']}")
    print(f"{same} of {len(sets)} sets identical")
    return 0 if same == len(sets) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("score", "compare"))
    parser.add_argument("first", help="score: an n8n-workflows folder; compare: the first tag")
    parser.add_argument("second", help="score: the tag; compare: the second tag")
    parser.add_argument("--out", type=Path, default=Path("/tmp/same-scores"))
    parser.add_argument("--sets", default=",".join(SETS))
    args = parser.parse_args(argv)
    sets = [s for s in args.sets.split(",") if s]
    if args.what == "score":
        score(Path(args.first), args.second, args.out, sets)
        return 0
    return compare(args.first, args.second, args.out, sets)


if __name__ == "__main__":
    sys.exit(main())
