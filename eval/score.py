"""Score answers to the public evaluation set (eval/questions.jsonl) against any OpenAI-compatible endpoint.

    python eval/score.py --base-url http://127.0.0.1:4891/v1 --model remedios-local --mode alone
    python eval/score.py --base-url http://127.0.0.1:4891/v1 --model remedios-local --mode retrieval \\
        --database-url postgresql://remedios:...@127.0.0.1:5432/remedios [--limit N] [--out results.json]

Modes:
  alone      system prompt + question, as the workflow asked the model before the knowledge base.
  retrieval  what the workflow does with the knowledge base (eval/prompting.py): safety_check and kb_answer
             in Postgres, the model only when an article was found (max_tokens MAX_TOKENS unless
             --max-tokens), its answer cleaned and trimmed at the last complete sentence (clean_answer), the
             fixed safety message and the "Fuente:" line added by code. The article's card (its full
             procedure, sent beside the text) is kept in the results as `article`.

Coverage: each question lists the facts a correct answer must contain, as groups of alternatives; a group
counts when any alternative occurs in the answer (lower case, accents ignored, substring match). Total
coverage = groups found / groups required, over all scored questions. Safety compliance: every question
with a "safety" rule must contain that rule's fixed message (read from safety_rules, needs --database-url).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prompting import (  # noqa: E402
    MAX_TOKENS, SYSTEM_PROMPT, build_messages, build_messages_alone, finalize_reply,
)

QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def normalize(text: str) -> str:
    """Lower case, no accents (ñ -> n), one kind of dash, single spaces, "1 %" -> "1%"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().translate(_DASHES)
    plain = re.sub(r"\s+", " ", plain)
    plain = re.sub(r"(\d) %", r"\1%", plain)
    return plain.strip()


def group_found(normalized_answer: str, alternatives: list[str]) -> bool:
    return any(normalize(alt) and normalize(alt) in normalized_answer for alt in alternatives)


def score_answer(answer: str, required: list[list[str]]) -> list[bool]:
    normalized = normalize(answer)
    return [group_found(normalized, group) for group in required]


def load_questions(path: Path = QUESTIONS) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for item in items:
        assert item["id"] and item["question"] and isinstance(item["required"], list), item
    return items


@dataclass
class Result:
    id: str
    question: str
    answer: str
    found: list[bool]
    safety_rule: str | None = None
    safety_ok: bool | None = None
    retrieved: list[str] = field(default_factory=list)
    expected_article: str | None = None
    model_called: bool = True
    seconds: float = 0.0
    error: str | None = None
    finish_reason: str | None = None
    raw: str | None = None  # the model's own text, before the code cleaned it
    article: dict[str, Any] | None = None  # the card sent beside the text (its full procedure)
    usage: dict[str, Any] = field(default_factory=dict)  # prompt_tokens, completion_tokens

    @property
    def coverage(self) -> float:
        return sum(self.found) / len(self.found) if self.found else 1.0


class Knowledge:
    """The SQL calls the workflow makes, one query each."""

    def __init__(self, database_url: str) -> None:
        import psycopg

        self.conn = psycopg.connect(database_url, autocommit=True)

    def safety_check(self, question: str) -> tuple[bool, str | None, str | None]:
        triggered, rule, message, _ = self.conn.execute("SELECT * FROM safety_check(%s)", (question,)).fetchone()
        return triggered, rule, message

    def kb_answer(self, question: str, earlier: str = "") -> dict[str, Any]:
        row = self.conn.execute(
            "SELECT found, context, sources, slugs, article, earlier FROM kb_answer(%s, %s)", (question, earlier)
        ).fetchone()
        return dict(zip(("found", "context", "sources", "slugs", "article", "earlier"), row))

    def safety_messages(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT slug, message FROM safety_rules").fetchall())


def chat(client: httpx.Client, model: str, messages: list[dict[str, str]], max_tokens: int,
         temperature: float, usage: dict[str, Any] | None = None) -> tuple[str, str | None]:
    """The model's text and its finish_reason ("stop", or "length" when it hit max_tokens); the token counts
    go into `usage` when given."""
    response = client.post("/chat/completions", json={
        "model": model, "messages": messages, "max_tokens": max_tokens, "temperature": temperature,
    })
    response.raise_for_status()
    body = response.json()
    if usage is not None:
        usage.update(body.get("usage") or {})
    choice = body["choices"][0]
    return (choice["message"].get("content") or "").strip(), choice.get("finish_reason")


def answer_one(item: dict[str, Any], args: argparse.Namespace, client: httpx.Client, kb: Knowledge | None) -> Result:
    question = item["question"]
    retrieved: list[str] = []
    rule = None
    model_called = True
    started = time.monotonic()
    error = None
    finish_reason = text = None
    article = None
    usage: dict[str, Any] = {}
    try:
        if args.mode == "alone":
            answer, finish_reason = chat(client, args.model, build_messages_alone(question, args.system_prompt),
                                         args.max_tokens, args.temperature, usage)
        else:
            assert kb is not None
            triggered, rule, message = kb.safety_check(question)
            hit = kb.kb_answer(question)
            retrieved, article = list(hit["slugs"]), hit["article"]
            if hit["found"]:
                text, finish_reason = chat(
                    client, args.model,
                    build_messages(question, hit["context"], hit["sources"], args.system_prompt, hit["earlier"]),
                    args.max_tokens, args.temperature, usage)
            else:
                model_called = False
            answer = finalize_reply(text, message if triggered else None, hit["sources"], hit["found"],
                                    finish_reason, question, (article or {}).get("title", ""), hit["earlier"])
    except (httpx.HTTPError, KeyError, IndexError, ValueError) as exc:
        answer, error = "", f"{type(exc).__name__}: {exc}"
    return Result(
        id=item["id"], question=question, answer=answer, found=score_answer(answer, item["required"]),
        safety_rule=item.get("safety"), retrieved=retrieved, expected_article=item.get("article"),
        model_called=model_called, seconds=round(time.monotonic() - started, 1), error=error,
        finish_reason=finish_reason, raw=text, article=article, usage=usage,
    )


def summarize(results: list[Result]) -> dict[str, Any]:
    groups = sum(len(r.found) for r in results)
    hits = sum(sum(r.found) for r in results)
    safety = [r for r in results if r.safety_rule]
    expected = [r for r in results if r.expected_article]
    return {
        "questions": len(results),
        "fact_groups": groups,
        "fact_groups_found": hits,
        "coverage": round(hits / groups, 4) if groups else 0.0,
        "mean_question_coverage": round(sum(r.coverage for r in results) / len(results), 4) if results else 0.0,
        "safety_questions": len(safety),
        "safety_ok": sum(1 for r in safety if r.safety_ok),
        "safety_checked": all(r.safety_ok is not None for r in safety),
        "retrieval_top3_hits": sum(1 for r in expected if r.expected_article in r.retrieved[:3]),
        "retrieval_expected": len(expected),
        "errors": sum(1 for r in results if r.error),
        "seconds": round(sum(r.seconds for r in results), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default=os.environ.get("REMEDIOS_LLM_BASE_URL", "http://127.0.0.1:4891/v1"))
    parser.add_argument("--model", default=os.environ.get("REMEDIOS_LLM_MODEL", "default"))
    parser.add_argument("--mode", choices=["alone", "retrieval"], required=True)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"),
                        help="the remedios database (required for retrieval; for alone it enables the safety check)")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N questions")
    parser.add_argument("--ids", default="", help="comma-separated question ids, or @file with ids")
    parser.add_argument("--max-tokens", type=int, default=MAX_TOKENS, help="the workflow's max_tokens by default")
    parser.add_argument("--temperature", type=float, default=0.0)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--api-key", default=os.environ.get("LLM_API_KEY", ""))
    parser.add_argument("--out", type=Path, help="write every answer and the summary as JSON")
    parser.add_argument("--quiet", action="store_true", help="no answers on the console, only the scores")
    args = parser.parse_args(argv)
    args.system_prompt = SYSTEM_PROMPT

    items = load_questions(args.questions)
    if args.ids:
        ids = Path(args.ids[1:]).read_text() if args.ids.startswith("@") else args.ids
        wanted = [i.strip() for i in ids.replace("\n", ",").split(",") if i.strip()]
        by_id = {i["id"]: i for i in items}
        unknown = [i for i in wanted if i not in by_id]
        if unknown:
            parser.error(f"unknown question ids: {unknown}")
        items = [by_id[i] for i in dict.fromkeys(wanted)]  # in the order given
    if args.limit:
        items = items[: args.limit]
    if args.mode == "retrieval" and not args.database_url:
        parser.error("--mode retrieval needs --database-url (or DATABASE_URL)")
    kb = Knowledge(args.database_url) if args.database_url else None
    messages = kb.safety_messages() if kb else {}

    headers = {"Authorization": f"Bearer {args.api_key}"} if args.api_key else {}
    results: list[Result] = []
    with httpx.Client(base_url=args.base_url.rstrip("/"), timeout=args.timeout, headers=headers) as client:
        for n, item in enumerate(items, 1):
            result = answer_one(item, args, client, kb)
            if result.safety_rule and messages:
                wanted_message = messages.get(result.safety_rule, "")
                result.safety_ok = bool(wanted_message) and normalize(wanted_message) in normalize(result.answer)
            results.append(result)
            missing = [item["required"][i][0] for i, ok in enumerate(result.found) if not ok]
            flag = "" if result.safety_ok is None else (" safety=OK" if result.safety_ok else " safety=MISSING")
            print(f"[{n}/{len(items)}] {result.id}: {sum(result.found)}/{len(result.found)}{flag} "
                  f"({result.seconds}s) missing={missing}" + (f" ERROR {result.error}" if result.error else ""),
                  flush=True)
            if not args.quiet:
                print("    " + result.answer.replace("\n", "\n    ")[:3000], flush=True)
            if args.out:  # after every question, so an interrupted run keeps what it measured
                write_out(args, results, partial=n < len(items))

    print(json.dumps(full_summary(args, results), indent=2, ensure_ascii=False))
    if args.out:
        write_out(args, results, partial=False)
    return 0


def full_summary(args: argparse.Namespace, results: list[Result], partial: bool = False) -> dict[str, Any]:
    summary = summarize(results)
    summary.update(mode=args.mode, model=args.model, base_url=args.base_url, max_tokens=args.max_tokens,
                   temperature=args.temperature, partial=partial,
                   command="python eval/score.py " + " ".join(a for a in sys.argv[1:] if "://" not in a or "@" not in a),
                   date=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    return summary


def write_out(args: argparse.Namespace, results: list[Result], partial: bool) -> None:
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"summary": full_summary(args, results, partial), "results": [
        {**asdict(r), "coverage": round(r.coverage, 4)} for r in results]}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    raise SystemExit(main())
