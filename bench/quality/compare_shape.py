"""The answer's shape before and after issue 13, measured together: the same questions, the same private
Postgres and LLM server, the old and the new pipeline asked one after the other for each question (the order
alternating), so that both see the same machine load. Scoring is eval/score.py's.

    .venv/bin/python bench/quality/compare_shape.py --model ~/.cache/remedios/models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf \\
        --tag 0.5b --ids gas-01,gas-03,...    (or @file)

before  bench/quality/prompting_v1.py: kb_context (up to three whole articles), max_tokens 400, the model's text
        as it came (only a made-up "Fuente:" line removed).
after   eval/prompting.py: kb_answer (the best article's title, steps and safety), MAX_TOKENS, clean_answer
        (prompt echoes and Markdown out, trimmed at the last complete sentence or step); the article's card is
        sent beside the text.

Per answer: fact coverage of the text (eval/score.py), words of the whole text and of the model's part (the
text without the fixed safety message and the "Fuente:" line), whether it reaches the plumber cut mid-sentence
(the model hit max_tokens and the text ends with the model's unfinished last words), seconds, prompt and
completion tokens. For "after", also the coverage of the text plus the card (what the plumber receives).
Writes bench/quality/results-<tag>-shape-{before,after}-subset.json (eval/score.py's format, readable by
summarize.py) and prints a Markdown table; `--report` prints the table again from those files (for an
interrupted run: on the questions both pipelines answered).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import prompting as after_prompting  # noqa: E402  (eval/prompting.py, as eval/score.py imports it)
from bench.eval_services import MODEL_ID, llm_server, private_database, stop_cleanly_on_sigterm  # noqa: E402
from bench.quality import prompting_v1 as before_prompting  # noqa: E402
from score import Knowledge, Result, chat, load_questions, score_answer, summarize  # noqa: E402

_END = re.compile(r"[.!?…][\"'»)\]]*$")
QUIET_PREFILL, QUIET_DECODE = 90.0, 32.0  # tokens/s of the 0.5B model on two quiet cores (shared FIELD-NOTES)


def model_part(answer: str, safety_message: str | None) -> str:
    """The text without the fixed safety message (first) and the "Fuente:" line (last): what the model wrote."""
    text = answer.strip()
    if safety_message and text.startswith(safety_message.strip()):
        text = text[len(safety_message.strip()):].strip()
    lines = text.split("\n")
    if lines and lines[-1].startswith("Fuente:"):
        lines = lines[:-1]
    return "\n".join(lines).strip()


def reaches_cut(part: str, raw: str | None, finish_reason: str | None) -> bool:
    """The model hit max_tokens and the plumber reads its unfinished last words (nothing trimmed them)."""
    if finish_reason != "length" or not raw or not part:
        return False
    last = part.split("\n")[-1].strip()
    return raw.strip().endswith(last) and not _END.search(last)


def ask(pipeline: str, item: dict[str, Any], kb: Knowledge, client: httpx.Client, max_tokens: int | None) -> dict:
    question = item["question"]
    triggered, rule, message = kb.safety_check(question)
    safety = message if triggered else None
    usage: dict[str, Any] = {}
    text = finish = None
    article = None
    started = time.monotonic()
    if pipeline == "before":
        found, context, sources, slugs, _ = kb.conn.execute("SELECT * FROM kb_context(%s)", (question,)).fetchone()
        if found:
            text, finish = chat(client, MODEL_ID, before_prompting.build_messages(question, context, sources),
                                max_tokens or 400, 0.0, usage)
        answer = before_prompting.finalize_reply(text, safety, sources, found)
    else:
        hit = kb.kb_answer(question)
        found, sources, slugs, article = hit["found"], hit["sources"], hit["slugs"], hit["article"]
        if found:
            text, finish = chat(client, MODEL_ID, after_prompting.build_messages(question, hit["context"], sources),
                                max_tokens or after_prompting.MAX_TOKENS, 0.0, usage)
        answer = after_prompting.finalize_reply(text, safety, sources, found, finish, question,
                                                (article or {}).get("title", ""))
    seconds = round(time.monotonic() - started, 1)
    result = Result(id=item["id"], question=question, answer=answer, found=score_answer(answer, item["required"]),
                    safety_rule=item.get("safety"), retrieved=list(slugs), expected_article=item.get("article"),
                    model_called=text is not None, seconds=seconds, finish_reason=finish, raw=text, article=article,
                    usage=usage)
    part = model_part(answer, safety)
    extra = {
        "words": len(answer.split()), "model_words": len(part.split()) if text is not None else 0,
        "cut_mid_sentence": reaches_cut(part, text, finish),
        "ends_without_sentence_end": text is not None and not _END.search(part),
    }
    if article:
        card = "\n".join([article["title"], *article["steps"], article.get("safety") or ""])
        extra["card_found"] = score_answer(answer + "\n" + card, item["required"])
    if result.safety_rule:
        wanted = kb.safety_messages().get(result.safety_rule, "")
        result.safety_ok = bool(wanted) and wanted.strip() in answer
    return {**asdict(result), "coverage": round(result.coverage, 4), **extra}


def metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    groups = sum(len(r["found"]) for r in rows)
    modelled = [r for r in rows if r["model_called"]]
    card = [r.get("card_found", r["found"]) for r in rows]

    def med(values: list[float]) -> float:
        return round(statistics.median(values), 1) if values else 0.0

    return {
        "questions": len(rows), "model_answers": len(modelled),
        "coverage": f"{sum(sum(r['found']) for r in rows)}/{groups}",
        "coverage_pct": round(100 * sum(sum(r["found"]) for r in rows) / groups, 1) if groups else 0.0,
        "coverage_with_card_pct": round(100 * sum(sum(c) for c in card) / groups, 1) if groups else 0.0,
        "median_words": med([r["words"] for r in modelled]),
        "median_model_words": med([r["model_words"] for r in modelled]),
        "max_model_words": max((r["model_words"] for r in modelled), default=0),
        "cut_mid_sentence": f"{sum(r['cut_mid_sentence'] for r in modelled)}/{len(modelled)}",
        "ends_without_sentence_end": f"{sum(r['ends_without_sentence_end'] for r in modelled)}/{len(modelled)}",
        "hit_max_tokens": f"{sum(r['finish_reason'] == 'length' for r in modelled)}/{len(modelled)}",
        "median_seconds": med([r["seconds"] for r in modelled]),
        "mean_seconds": round(statistics.fmean([r["seconds"] for r in modelled]), 1) if modelled else 0.0,
        "median_prompt_tokens": med([r["usage"].get("prompt_tokens", 0) for r in modelled]),
        "median_completion_tokens": med([r["usage"].get("completion_tokens", 0) for r in modelled]),
        # what the same tokens take on two quiet cores (FIELD-NOTES: prefill ~90 tokens/s, decode ~32 tokens/s)
        "median_quiet_estimate_s": med([r["usage"].get("prompt_tokens", 0) / QUIET_PREFILL
                                        + r["usage"].get("completion_tokens", 0) / QUIET_DECODE for r in modelled]),
        "safety_ok": f"{sum(1 for r in rows if r['safety_ok'])}/{sum(1 for r in rows if r['safety_rule'])}",
    }


def write(path: Path, args: argparse.Namespace, pipeline: str, rows: list[dict[str, Any]], partial: bool) -> None:
    results = [Result(**{k: v for k, v in r.items() if k in Result.__dataclass_fields__}) for r in rows]
    summary = {**summarize(results), **metrics(rows), "mode": "retrieval", "pipeline": pipeline, "model": MODEL_ID,
               "partial": partial, "tag": args.tag, "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
               "command": "bench/quality/compare_shape.py " + " ".join(sys.argv[1:])}
    path.write_text(json.dumps({"summary": summary, "results": rows}, indent=2, ensure_ascii=False))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="GGUF file")
    parser.add_argument("--report", action="store_true", help="only print the table of the existing result files")
    parser.add_argument("--tag", required=True)
    parser.add_argument("--ids", default="", help="comma-separated question ids, or @file")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--n-ctx", type=int, default=4096)
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args()
    out = {p: ROOT / "bench" / "quality" / f"results-{args.tag}-shape-{p}-subset.json" for p in ("before", "after")}
    if args.report:
        loaded = {p: json.loads(path.read_text())["results"] for p, path in out.items()}
        common = [r["id"] for r in loaded["before"] if r["id"] in {a["id"] for a in loaded["after"]}]
        print_table({p: [r for r in rows if r["id"] in common] for p, rows in loaded.items()})
        return 0
    if not args.model or not args.ids:
        parser.error("--model and --ids are needed to measure")
    ids = Path(args.ids[1:]).read_text() if args.ids.startswith("@") else args.ids
    wanted = [i.strip() for i in ids.replace("\n", ",").split(",") if i.strip()]
    by_id = {q["id"]: q for q in load_questions()}
    items = [by_id[i] for i in wanted]

    stop_cleanly_on_sigterm()
    rows: dict[str, list[dict[str, Any]]] = {"before": [], "after": []}
    with private_database() as database_url, llm_server(args.model, args.threads, args.n_ctx) as base_url, \
            httpx.Client(base_url=base_url, timeout=args.timeout) as client:
        kb = Knowledge(database_url)
        for n, item in enumerate(items):
            order = ("before", "after") if n % 2 == 0 else ("after", "before")
            for pipeline in order:
                row = ask(pipeline, item, kb, client, None)
                rows[pipeline].append(row)
                print(f"[{n + 1}/{len(items)}] {pipeline:6} {item['id']}: {sum(row['found'])}/{len(row['found'])} "
                      f"{row['seconds']} s, {row['model_words']} words, finish={row['finish_reason']}, "
                      f"tokens={row['usage']}", flush=True)
                write(out[pipeline], args, pipeline, rows[pipeline], partial=n + 1 < len(items))
    print_table(rows)
    return 0


def print_table(rows: dict[str, list[dict[str, Any]]]) -> None:
    print("\n| | " + " | ".join(rows) + " |\n|---|---|---|")
    table = {p: metrics(r) for p, r in rows.items()}
    for key in table["before"]:
        print(f"| {key} | " + " | ".join(str(table[p][key]) for p in rows) + " |")
    print("\n| question | facts before | facts after (+ card) | model words before → after | cut before → after "
          "| s before → after | tokens before → after (prompt + completion) |\n|---|---|---|---|---|---|---|")
    after = {r["id"]: r for r in rows["after"]}
    for b in rows["before"]:
        a = after[b["id"]]

        def tokens(r: dict[str, Any]) -> str:
            u = r["usage"]
            return f"{u['prompt_tokens']} + {u['completion_tokens']}" if u else "—"

        card = f" ({sum(a['card_found'])})" if "card_found" in a else ""
        print(f"| {b['id']} | {sum(b['found'])}/{len(b['found'])} | {sum(a['found'])}/{len(a['found'])}{card} | "
              f"{b['model_words']} → {a['model_words']} | {'yes' if b['cut_mid_sentence'] else 'no'} → "
              f"{'yes' if a['cut_mid_sentence'] else 'no'} | {b['seconds']} → {a['seconds']} | "
              f"{tokens(b)} → {tokens(a)} |")


if __name__ == "__main__":
    sys.exit(main())
