"""Answer quality through the whole chat, as a plumber meets it: WebSocket in, reply out.

Each question goes over a real WebSocket to the gateway, through n8n's "Chat: answer a plumber" workflow
(safety rules, retrieval, prompt, the LLM server, post-processing) and back; the reply the browser receives is
scored. Nothing is called around the workflow, so what is measured is what plumbers get.

    # a private stack (embedded Postgres, n8n, the LLM server on the model, the gateway) on free ports:
    .venv/bin/python bench/quality/run_chat_eval.py --start --questions eval/independent.jsonl \\
        --labels eval/independent-labels.json --out bench/quality/chat-independent-0.5b.json
    # or against a running `make run`:
    .venv/bin/python bench/quality/run_chat_eval.py --gateway ws://127.0.0.1:8000 --database-url postgresql://… …

Per question: fact coverage (eval/score.py's groups), whether the reply is the "not sure" one, the articles it
cites (``KB-<slug>``), its length in words (without the safety message and the source line) and the seconds
from sending to the reply. Follow-up questions (``previous``) send the earlier messages first in the same
conversation. Coverage is given twice: of the answer's text alone, and of what the plumber receives (the text
plus the cited article's card shown under it, contracts §4).

A reply that asks back which case it is (``choices``: several articles fit about as well) is answered as the
plumber who asked would: with the number of the labelled article when it is offered, "ninguna" otherwise (or
when the question has no article), and "no sé" when then asked to say it in other words (stop 23: the simulated
plumber has no other words, so the figures stay those of a plain "ninguna"; with ``--descriptions`` he sends his
description, and picks among the cases it finds as before, stop 24); the reply to that is the one scored. ``asked_back`` records the cases
offered, and the seconds are those of both turns (without the plumber's reading time). Labels (``{"<id>": "<slug>" | null}``) say which article should answer each question; a null label
means the knowledge base has no article for it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import time
import uuid
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from gateway.whatsapp.text import article_text  # noqa: E402
from score import load_questions, normalize, score_answer  # noqa: E402

NOT_SURE = "no estoy seguro"


def _no_plumbing_text() -> str:
    """The friendly reply to a message that found nothing and names nothing of the trade (no_plumbing_text in the
    chat's "Assistant settings", eval/DEV-SMALLTALK-3.md)."""
    chat = json.loads((ROOT / "n8n-workflows" / "workflows" / "chat-answer.json").read_text())
    return next((a["value"] for n in chat["nodes"] if n["name"] == "Assistant settings"
                 for a in n["parameters"]["assignments"]["assignments"] if a["name"] == "no_plumbing_text"), "")


# an in-scope question that gets it was not answered: it counts as "not sure", never as an answer
NO_PLUMBING = normalize(_no_plumbing_text())
SAFETY_NOTICE = "AVISO DE SEGURIDAD"  # how every safety rule's message begins
CITED = re.compile(r"KB-([a-z0-9][a-z0-9-]*)")


@dataclass
class ChatResult:
    id: str
    question: str
    kind: str
    in_scope: bool
    reply: str
    found: list[bool]
    cited: list[str]
    expected_article: str | None
    labelled: bool
    not_sure: bool
    words: int
    seconds: float
    safety: str | None = None
    safety_ok: bool | None = None
    error: str | None = None
    card: str = ""  # the cited article's card as the page shows it (title, steps, safety), "" without one
    found_with_card: list[bool] = field(default_factory=list)
    asked_back: list[str] | None = None  # the articles a question asked back offered (slugs), None if not asked
    picked: str | None = None  # what the simulated plumber answered to it ("2", "ninguna")

    @property
    def coverage(self) -> float:
        return sum(self.found) / len(self.found) if self.found else 1.0

    @property
    def wrong_article(self) -> bool:
        """Cited an article, and the labelled one is not among those cited."""
        return self.labelled and bool(self.cited) and self.expected_article not in self.cited


def answer_words(reply: str, safety_messages: list[str]) -> int:
    text = reply
    for message in safety_messages:
        text = text.replace(message, " ")
    kept = [line for line in text.splitlines() if not line.strip().lower().startswith("fuente:")]
    return len(re.findall(r"\w+", "\n".join(kept)))


def card_text(article: object) -> str:
    """The article card (contracts §4) as the plumber reads it beside the answer: the WhatsApp follow-up text of
    the card (gateway.whatsapp.text.article_text: title, why it happens, tools and materials, every step, safety,
    when to call a specialist); the web card shows the same parts."""
    steps = article.get("steps") if isinstance(article, dict) else None
    if not isinstance(steps, list):   # not a card (the gateway drops it: the plumber gets none)
        return ""
    return article_text({**article, "steps": [step for step in steps if isinstance(step, str)]})


def pick_for(expected: str | None, choices: list[dict[str, Any]]) -> str:
    """What the plumber who asked answers to "¿a cuál de estos casos se parece?": the number of the case they
    meant (the labelled article) when it is offered, "ninguna" otherwise."""
    slugs = [c.get("slug") for c in choices if isinstance(c, dict)]
    return str(slugs.index(expected) + 1) if expected in slugs else "ninguna"


@dataclass
class Exchange:
    reply: str = ""
    seconds: float = 0.0
    card: str = ""
    asked_back: list[str] | None = None
    picked: str | None = None


async def ask(gateway: str, messages: list[str], timeout: float, expected: str | None = None,
              description: str | None = None) -> Exchange:
    """Send ``messages`` in one new conversation, each after the previous reply; the last reply (after
    answering a question asked back, as the plumber meaning ``expected`` would, and, asked to say it in other words,
    with ``description`` or "no sé"), the seconds of its turns and its article card as text."""
    import websockets

    url = f"{gateway.rstrip('/')}/ws?conversation={uuid.uuid4().hex}"
    async with websockets.connect(url, open_timeout=30, max_size=2**22) as socket:

        async def turn(text: str) -> dict[str, Any]:
            message_id = str(uuid.uuid4())
            await socket.send(json.dumps({"type": "message", "id": message_id, "text": text}))
            async with asyncio.timeout(timeout):
                while True:
                    event = json.loads(await socket.recv())
                    if event.get("type") == "reply" and event.get("in_reply_to") == message_id:
                        return event
                    if event.get("type") == "error" and event.get("id") == message_id:
                        raise RuntimeError(f"{event.get('code')}: {event.get('message')}")

        result = Exchange()
        for n, text in enumerate(messages, 1):
            started = time.monotonic()
            event = await turn(text)
            if n == len(messages) and asks_for_other_words(event):
                # stop 24: nothing found for words of the trade, so he is asked once to say it in other words; he
                # sends his description (--descriptions) or "no sé", and picks among the cases it finds as below
                result.picked = "described" if description else "no sé"
                event = await turn(description or "no sé")
                if isinstance(event.get("choices"), list) and event["choices"]:
                    again = pick_for(expected, event["choices"])
                    result.picked = f"described, {again}"
                    event = await turn(again)
            elif n == len(messages) and isinstance(event.get("choices"), list) and event["choices"]:
                result.asked_back = [str(c.get("slug")) for c in event["choices"] if isinstance(c, dict)]
                result.picked = pick_for(expected, event["choices"])
                event = await turn(result.picked)
                if result.picked == "ninguna" and not event.get("article") and NOT_SURE not in normalize(
                        event.get("text", "")):
                    # stop 23: a bare "ninguna" is asked once to say it in other words; without --descriptions the
                    # simulated plumber has none, so he answers "no sé" and the reply to that (not sure, a person)
                    # is the one scored; with one, he sends it, and picks among the cases it finds (stop 24) as above
                    if not description:
                        result.picked = "ninguna, no sé"
                        event = await turn("no sé")
                    else:
                        event = await turn(description)
                        result.picked = "ninguna, described"
                        if isinstance(event.get("choices"), list) and event["choices"]:
                            again = pick_for(expected, event["choices"])
                            result.picked = f"ninguna, described, {again}"
                            event = await turn(again)
            result.reply, result.seconds = event.get("text", ""), time.monotonic() - started
            result.card = card_text(event.get("article"))
        return result


def asks_for_other_words(event: dict[str, Any]) -> bool:
    """A reply asking the plumber to say it in other words (ask_describe_text / ask_describe_unfound_text): no
    article, no cases, not "no estoy seguro"."""
    text = normalize(event.get("text", ""))
    return (not event.get("article") and not event.get("choices") and NOT_SURE not in text
            and ("otras palabras" in text or "de otra forma" in text))


def with_safety_labels(items: list[dict[str, Any]], safety_labels: dict[str, str | None]) -> list[dict[str, Any]]:
    """Questions whose danger is named in plain words (split 2 and 3) get the rule the split's labeller chose, so the
    rule's own text can be checked; a null label (no rule covers that danger) keeps the plain name."""
    return [{**item, "safety": safety_labels[item["id"]]} if safety_labels.get(item["id"]) else item
            for item in items]


def score(item: dict[str, Any], reply: str, seconds: float, labels: dict[str, str | None],
          safety_messages: dict[str, str], error: str | None, card: str = "",
          exchange: Exchange | None = None) -> ChatResult:
    labelled = item["id"] in labels or "article" in item
    expected = labels.get(item["id"], item.get("article"))
    in_scope = bool(item.get("in_scope", item.get("category") != "fuera"))
    no_plumbing = bool(NO_PLUMBING) and NO_PLUMBING in normalize(reply)
    safety = item.get("safety")
    return ChatResult(
        id=item["id"], question=item["question"], kind=item.get("kind", "plain"),
        in_scope=in_scope, reply=reply,
        found=score_answer(reply, item.get("required") or []), cited=list(dict.fromkeys(CITED.findall(reply))),
        expected_article=expected, labelled=labelled and expected is not None,
        not_sure=NOT_SURE in normalize(reply) or (no_plumbing and in_scope and item.get("kind") != "smalltalk"),
        words=answer_words(reply, list(safety_messages.values())),
        seconds=round(seconds, 1), safety=safety,
        # a label that names a rule (split 1) is checked against that rule's text; a label that only names the
        # danger (split 2's English names) cannot be, so it is None and only the notice is counted
        safety_ok=(normalize(safety_messages[safety]) in normalize(reply)) if safety in safety_messages else None,
        error=error,
        card=card, found_with_card=score_answer(f"{reply}\n{card}", item.get("required") or []),
        asked_back=exchange.asked_back if exchange else None, picked=exchange.picked if exchange else None,
    )


def summarize(results: list[ChatResult]) -> dict[str, Any]:
    answered = [r for r in results if not r.error]
    in_scope = [r for r in answered if r.in_scope]
    covered = [r for r in in_scope if r.expected_article]  # the knowledge base has an article for it
    groups = sum(len(r.found) for r in in_scope)
    smalltalk = [r for r in answered if r.kind == "smalltalk"]
    safety = [r for r in answered if r.safety]
    quiet = [r for r in answered if not r.safety]

    def share(part: int, whole: int) -> float | None:
        return round(part / whole, 3) if whole else None

    return {
        "questions": len(results),
        "errors": len(results) - len(answered),
        "in_scope": len(in_scope),
        "fact_coverage_in_scope": share(sum(sum(r.found) for r in in_scope), groups),
        "fact_coverage_with_article": share(sum(sum(r.found) for r in covered), sum(len(r.found) for r in covered)),
        # what the plumber receives: the answer's text plus the cited article's card under it
        "fact_coverage_in_scope_text_and_card": share(sum(sum(r.found_with_card) for r in in_scope), groups),
        "answers_with_card": f"{sum(bool(r.card) for r in in_scope)}/{len(in_scope)}",
        "not_sure_in_scope": share(sum(r.not_sure for r in in_scope), len(in_scope)),
        "not_sure_with_article": share(sum(r.not_sure for r in covered), len(covered)),
        "wrong_article": share(sum(r.wrong_article for r in covered), len(covered)),
        # questions asked back ("¿a cuál de estos casos se parece?"), and how often the right article was offered
        "asked_back_in_scope": share(sum(r.asked_back is not None for r in in_scope), len(in_scope)),
        "asked_back_right_offered": f"{sum(r.expected_article in (r.asked_back or []) for r in covered)}/"
                                    f"{sum(r.asked_back is not None for r in covered)}",
        "asked_back_without_article": f"{sum(r.asked_back is not None for r in in_scope if not r.expected_article)}/"
                                      f"{sum(not r.expected_article for r in in_scope)}",
        "with_article": len(covered),
        "smalltalk_not_sure": f"{sum(r.not_sure for r in smalltalk)}/{len(smalltalk)}",
        # the labelled rule's text, over the questions whose label names a rule (see score)
        "safety_present": f"{sum(bool(r.safety_ok) for r in safety)}/{sum(r.safety_ok is not None for r in safety)}",
        # any rule's notice: a more specific rule (termo-electrico-fuga for agua-y-electricidad) also warns
        "safety_notice_present": f"{sum(SAFETY_NOTICE in r.reply for r in safety)}/{len(safety)}",
        # false alarms: any rule's notice on a question whose `safety` is empty (null) — words or an article's link
        "safety_notice_false_alarms": f"{sum(SAFETY_NOTICE in r.reply for r in quiet)}/{len(quiet)}",
        "median_words": statistics.median(r.words for r in in_scope) if in_scope else None,
        "median_seconds": statistics.median(r.seconds for r in answered) if answered else None,
        "p90_seconds": (sorted(r.seconds for r in answered)[int(0.9 * (len(answered) - 1))] if answered else None),
        "by_kind": {
            kind: {
                "n": len(rs),
                "coverage": share(sum(sum(r.found) for r in rs), sum(len(r.found) for r in rs)),
                "not_sure": share(sum(r.not_sure for r in rs), len(rs)),
            }
            for kind in sorted({r.kind for r in in_scope})
            for rs in [[r for r in in_scope if r.kind == kind]]
        },
    }


def model_timing(log_path: Path) -> dict[str, Any]:
    """What the LLM server itself logged during the run: prompt and answer tokens, time to first token and decode
    speed (medians), and its thread and prefix-cache settings. Seconds per answer depend on the host as much as
    on the workflow; these figures let two runs on different machines or days be compared (a slower decode is
    the machine, a longer prompt is the workflow)."""
    generations: list[dict[str, Any]] = []
    loaded: dict[str, Any] = {}
    for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines() if log_path.exists() else []:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("event") == "generation" and not entry.get("cancelled"):
            generations.append(entry)
        elif entry.get("event") == "model_loaded":
            loaded = entry

    def median(key: str) -> float | None:
        values = [g[key] for g in generations if isinstance(g.get(key), (int, float))]
        return round(statistics.median(values), 1) if values else None

    return {
        "generations": len(generations),
        "median_prompt_tokens": median("prompt_tokens"),
        "median_completion_tokens": median("completion_tokens"),
        "median_ttft_ms": median("ttft_ms"),
        "median_decode_tokens_per_s": median("decode_tokens_per_s"),
        "n_threads": loaded.get("n_threads"),
        "prefix_cache": loaded.get("prefix_cache"),
    }


def private_stack(model: Path, threads: int):  # -> devstack.stack.Stack
    from devstack.config import StackConfig
    from devstack.postgres import scratch_folder
    from devstack.processes import free_port
    from devstack.stack import ONE_CLIENT_MANY_PLUMBERS, Stack

    run_dir = scratch_folder("remedios-chat-eval-")
    config = StackConfig.from_env(
        run_dir=run_dir, database_url=None, llm_model=model, llm_threads=threads,
        postgres_port=free_port(), n8n_port=free_port(), n8n_runner_port=free_port(),
        llm_port=free_port(), gateway_port=free_port(),
    )
    stack = Stack(config, say=lambda line: print(f"[stack] {line}", flush=True))
    stack.gateway_extra_env.update(ONE_CLIENT_MANY_PLUMBERS)  # one new conversation per question, from 127.0.0.1
    return stack


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=Path, required=True)
    parser.add_argument("--labels", type=Path, help="JSON {id: article slug or null}")
    parser.add_argument("--safety-labels", type=Path, help="JSON {id: safety rule slug or null} for plain-named dangers")
    parser.add_argument("--descriptions", type=Path,
                        help='JSON {"descriptions": {id: text}}: what the plumber says when asked for other words')
    parser.add_argument("--gateway", help="ws://host:port of a running gateway")
    parser.add_argument("--database-url", help="the remedios database of that stack (for the safety messages)")
    parser.add_argument("--start", action="store_true", help="start a private stack on free ports")
    parser.add_argument("--model", type=Path,
                        default=Path.home() / ".cache/remedios/models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--ids", default="", help="only these ids (comma list)")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if not args.start and not args.gateway:
        parser.error("give --gateway (a running stack) or --start")

    items = load_questions(args.questions)
    if args.ids:
        wanted = {i.strip() for i in args.ids.split(",")}
        items = [i for i in items if i["id"] in wanted]
    if args.limit:
        items = items[: args.limit]
    labels: dict[str, str | None] = json.loads(args.labels.read_text()) if args.labels else {}
    descriptions: dict[str, str] = (json.loads(args.descriptions.read_text())["descriptions"]
                                    if args.descriptions else {})
    if args.safety_labels:
        items = with_safety_labels(items, json.loads(args.safety_labels.read_text()))

    from bench.eval_services import started_stack, stop_cleanly_on_sigterm

    stop_cleanly_on_sigterm()  # a `kill` still stops the private stack (started_stack)
    load_at_start = [round(x, 2) for x in os.getloadavg()]  # a loaded machine answers slower: say so in the result
    with ExitStack() as running:
        stack = running.enter_context(started_stack(private_stack(args.model, args.threads))) if args.start else None
        gateway = args.gateway or f"ws://127.0.0.1:{stack.config.gateway_port}"
        database_url = args.database_url or (stack.app_db.url if stack and stack.app_db else None)
        safety_messages: dict[str, str] = {}
        if database_url:
            import psycopg

            with psycopg.connect(database_url) as conn:
                safety_messages = dict(conn.execute("SELECT slug, message FROM safety_rules").fetchall())
        results: list[ChatResult] = []
        for n, item in enumerate(items, 1):
            error, exchange = None, Exchange()
            expected = labels.get(item["id"], item.get("article"))
            try:
                exchange = asyncio.run(ask(gateway, [*item.get("previous", []), item["question"]], args.timeout,
                                           expected, descriptions.get(item["id"])))
            except Exception as exc:  # noqa: BLE001 - recorded per question, the run goes on
                error = f"{type(exc).__name__}: {exc}"
            result = score(item, exchange.reply, exchange.seconds, labels, safety_messages, error, exchange.card,
                           exchange)
            results.append(result)
            print(f"[{n}/{len(items)}] {result.id} {result.kind}: {sum(result.found)}/{len(result.found)} "
                  f"(+card {sum(result.found_with_card)}) "
                  f"cited={result.cited} expected={result.expected_article} not_sure={result.not_sure} "
                  f"words={result.words} {result.seconds}s"
                  + (f" asked_back={result.asked_back} picked={result.picked}" if result.asked_back else "")
                  + (f" ERROR {error}" if error else ""), flush=True)
            if args.out:
                write(args, results, partial=n < len(items))
        summary = summarize(results)
        if stack is not None:  # a private stack: its LLM server's own log says how fast this machine was
            summary["model_timing"] = model_timing(stack.config.run_dir / "logs" / "llm-server.log")
        summary["load_average"] = {"start": load_at_start, "end": [round(x, 2) for x in os.getloadavg()]}
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        if args.out:
            write(args, results, partial=False, extra={k: summary[k] for k in ("model_timing", "load_average")
                                                       if k in summary})
    return 0


def write(args: argparse.Namespace, results: list[ChatResult], partial: bool,
          extra: dict[str, Any] | None = None) -> None:
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "summary": {**summarize(results), **(extra or {}), "partial": partial, "questions_file": str(args.questions),
                    "model": str(args.model) if args.start else "(running stack)",
                    "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
        "results": [{**asdict(r), "coverage": round(r.coverage, 3), "wrong_article": r.wrong_article}
                    for r in results],
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
