"""Score the knowledge-base search alone (no model): does kb_context find the right article?

    python eval/retrieval.py --database-url postgresql://remedios:...@127.0.0.1:5432/remedios \\
        eval/questions.jsonl eval/tuning-regional.jsonl [--json] [--misses] [--repeat 3]
    python eval/retrieval.py --start-postgres eval/tuning-regional.jsonl      # a private embedded Postgres

Each line of a question file is a JSON object with at least "id", "question" and "article": the slug of the
article that should come first, or null when nothing should be found (off-topic, or a question the knowledge
base does not cover). An optional "also" lists other articles that answer the question as well (when the
knowledge base has two on the same job); the first article counts as right when it is any of them. "kind"
(regional, typo, speech, offtopic...) groups the figures; other fields are ignored.

The search is called exactly as the chat workflow calls it: ``SELECT * FROM kb_context($1)`` (the articles
the model would receive, best first). Reported per file, and per "kind" when the file has one:

  top1               in-scope questions whose first article is the expected one
  top3               in-scope questions whose expected article is among those returned (at most 3)
  not_found          in-scope questions for which nothing was found ("no estoy seguro" although covered)
  wrong              in-scope questions with a first article that is not the expected one
                     (top1 + not_found + wrong = 1)
  found_off_topic    out-of-scope questions (article null) for which something was found
  latency_ms         median (and 90th percentile) wall time of one kb_context call, measured from this
                     client on a warm connection, each question --repeat times; median_best is the median
                     of each question's fastest call (less disturbed by other work on a shared machine)

This script starts nothing unless --start-postgres is given; then it uses bench/eval_services.py's
private_database() (the Remedios schema and seed, as `make run` applies them) and stops it at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILES = (ROOT / "eval" / "questions.jsonl", ROOT / "eval" / "tuning-regional.jsonl")


def load(path: Path) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for item in items:
        if not item.get("id") or not isinstance(item.get("question"), str) or "article" not in item:
            raise ValueError(f"{path}: every line needs id, question and article (null allowed): {item}")
    return items


@dataclass
class Outcome:
    id: str
    question: str
    expected: str | None
    kind: str | None
    found: bool
    also: list[str]
    slugs: list[str]
    top_score: float
    ms: list[float] = field(default_factory=list)

    @property
    def in_scope(self) -> bool:
        return self.expected is not None

    @property
    def right(self) -> set[str]:
        return {self.expected, *self.also} if self.expected else set()

    @property
    def in_top3(self) -> bool:
        return bool(self.right & set(self.slugs[:3]))

    @property
    def verdict(self) -> str:
        if not self.in_scope:
            return "found_off_topic" if self.found else "ok_nothing"
        if not self.found:
            return "not_found"
        return "top1" if self.slugs[0] in self.right else "wrong"


def strict(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same questions with only their "article" right (any "also" ignored)."""
    return [{k: v for k, v in item.items() if k != "also"} for item in items]


def run_question(conn: Any, item: dict[str, Any], repeat: int = 1) -> Outcome:
    times = []
    row = None
    for _ in range(max(repeat, 1)):
        started = time.perf_counter()
        row = conn.execute("SELECT found, slugs, top_score FROM kb_context(%s)", (item["question"],)).fetchone()
        times.append((time.perf_counter() - started) * 1000)
    found, slugs, top_score = row
    return Outcome(id=item["id"], question=item["question"], expected=item["article"], kind=item.get("kind"),
                   found=bool(found), also=list(item.get("also") or []), slugs=list(slugs or []),
                   top_score=float(top_score or 0), ms=times)


def _rate(n: int, d: int) -> float | None:
    return round(n / d, 4) if d else None


def summarize(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    outcomes = list(outcomes)
    scoped = [o for o in outcomes if o.in_scope]
    off = [o for o in outcomes if not o.in_scope]
    verdicts = defaultdict(int)
    for o in outcomes:
        verdicts[o.verdict] += 1
    top3 = sum(1 for o in scoped if o.in_top3)
    times = sorted(t for o in outcomes for t in o.ms)
    return {
        "questions": len(outcomes),
        "in_scope": len(scoped),
        "off_topic": len(off),
        "top1": _rate(verdicts["top1"], len(scoped)),
        "top3": _rate(top3, len(scoped)),
        "not_found": _rate(verdicts["not_found"], len(scoped)),
        "wrong": _rate(verdicts["wrong"], len(scoped)),
        "found_off_topic": _rate(verdicts["found_off_topic"], len(off)),
        "counts": {"top1": verdicts["top1"], "top3": top3, "not_found": verdicts["not_found"],
                   "wrong": verdicts["wrong"], "found_off_topic": verdicts["found_off_topic"]},
        "latency_ms": {
            "median": round(statistics.median(times), 2) if times else None,
            # each question's fastest call, then the median: what the search costs when the machine is not
            # busy with something else (this machine is shared)
            "median_best": round(statistics.median(min(o.ms) for o in outcomes if o.ms), 2) if times else None,
            "p90": round(times[min(len(times) - 1, int(0.9 * len(times)))], 2) if times else None,
            "max": round(times[-1], 2) if times else None,
        },
    }


def evaluate(conn: Any, items: list[dict[str, Any]], repeat: int = 1) -> tuple[dict[str, Any], list[Outcome]]:
    """Run every question through kb_context on `conn` (psycopg); the summary overall and per kind."""
    if repeat > 1 and items:  # warm the connection and the server's caches before timing
        run_question(conn, items[0])
    outcomes = [run_question(conn, item, repeat) for item in items]
    summary = summarize(outcomes)
    kinds = sorted({o.kind for o in outcomes if o.kind})
    if kinds:
        summary["by_kind"] = {kind: {k: v for k, v in summarize([o for o in outcomes if o.kind == kind]).items()
                                     if k != "latency_ms"} for kind in kinds}
    return summary, outcomes


def misses(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    return [{"id": o.id, "verdict": o.verdict, "expected": o.expected, "got": o.slugs,
             "score": round(o.top_score, 2), "question": o.question}
            for o in outcomes if o.verdict not in ("top1", "ok_nothing")]


def _print_table(name: str, summary: dict[str, Any]) -> None:
    def pct(key: str, src: dict[str, Any] = summary) -> str:
        value = src.get(key)
        return "—" if value is None else f"{100 * value:.1f} %"

    c = summary["counts"]
    print(f"\n{name}: {summary['questions']} questions ({summary['in_scope']} in scope, {summary['off_topic']} off topic)")
    print(f"  top-1 {pct('top1')} ({c['top1']}/{summary['in_scope']})   top-3 {pct('top3')} ({c['top3']})   "
          f"not found {pct('not_found')} ({c['not_found']})   wrong {pct('wrong')} ({c['wrong']})   "
          f"found off-topic {pct('found_off_topic')} ({c['found_off_topic']}/{summary['off_topic']})")
    lat = summary["latency_ms"]
    print(f"  kb_context latency: median {lat['median']} ms (of each question's best: {lat['median_best']} ms), "
          f"p90 {lat['p90']} ms, max {lat['max']} ms")
    for kind, sub in summary.get("by_kind", {}).items():
        print(f"    {kind:<10} n={sub['questions']:<3} top-1 {pct('top1', sub):>8}  top-3 {pct('top3', sub):>8}  "
              f"not found {pct('not_found', sub):>8}  wrong {pct('wrong', sub):>8}  "
              f"found off-topic {pct('found_off_topic', sub):>8}")


def run(database_url: str, files: list[Path], repeat: int, only_article: bool = False) -> dict[str, Any]:
    import psycopg

    report: dict[str, Any] = {"files": {}}
    with psycopg.connect(database_url, autocommit=True) as conn:
        report["articles"] = conn.execute("SELECT count(*) FROM kb_articles WHERE active").fetchone()[0]
        for path in files:
            items = load(path)
            summary, outcomes = evaluate(conn, strict(items) if only_article else items, repeat)
            report["files"][str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)] = {
                "summary": summary, "misses": misses(outcomes),
                "results": [{**asdict(o), "verdict": o.verdict, "ms": [round(t, 2) for t in o.ms]} for o in outcomes],
            }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, default=list(DEFAULT_FILES),
                        help="question files (JSONL); default: eval/questions.jsonl eval/tuning-regional.jsonl")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--start-postgres", action="store_true",
                        help="start a private embedded Postgres with the schema and seed (bench/eval_services.py)")
    parser.add_argument("--repeat", type=int, default=3, help="kb_context calls per question for the latency")
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")
    parser.add_argument("--misses", action="store_true", help="list every question not answered as expected")
    parser.add_argument("--strict", action="store_true", help='count only "article" as right (ignore "also")')
    args = parser.parse_args(argv)
    if not args.start_postgres and not args.database_url:
        parser.error("give --database-url (or DATABASE_URL), or --start-postgres")

    if args.start_postgres:
        sys.path.insert(0, str(ROOT))
        from bench.eval_services import private_database, stop_cleanly_on_sigterm

        stop_cleanly_on_sigterm()
        with private_database() as url:
            report = run(url, args.files, args.repeat, args.strict)
    else:
        report = run(args.database_url, args.files, args.repeat, args.strict)

    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    print(f"active articles: {report['articles']}")
    for name, data in report["files"].items():
        _print_table(name, data["summary"])
        if args.misses:
            for m in data["misses"]:
                print(f"    {m['verdict']:<16} {m['id']:<22} expected={m['expected']} got={m['got']} "
                      f"score={m['score']}  {m['question']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
