"""How soon a plumber sees the answer: streaming through the whole chat, with the real model.

Each plumber opens the gateway's WebSocket, sends a question and records, from the moment his frame is sent:

- first text: the first `draft` event with anything to read (the safety message, the verified procedure of the
  cited article, the place in the line, or the model's first words): the first useful text the plumber sees;
- first token: the first `draft` event with the model's own words;
- answer: the final `reply` (the draft replaced by the stored answer).

Next to them, from the LLM server's own log in the same run: its time to first token (`ttft_ms`, prefill of the
~1,000-token prompt: the floor for "first token") and the time the request waited in its queue (`queued_ms`).

    # a private stack (embedded Postgres, n8n, the LLM server on the default model, the gateway) on free ports:
    .venv/bin/python bench/streaming/bench_streaming.py --out bench/streaming/results.json
    .venv/bin/python bench/streaming/bench_streaming.py --concurrency 1 4 --rounds 6 2 --threads 2

Results and the command of each run are written down in bench/streaming/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import websockets

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DEFAULT_MODEL = Path.home() / ".cache/remedios/models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
QUESTIONS = [
    "Tengo una fuga en la llave del lavabo, ¿cómo la reparo?",
    "La cisterna no deja de cargar agua, ¿qué hago?",
    "El calentador se apaga al abrir el grifo de agua caliente",
    "Gotea la llave de la ducha y el agua llega al enchufe de al lado, ¿cómo la reparo?",
    "¿Cómo desatasco el fregadero de la cocina?",
    "¿Cómo purgo un radiador que no calienta arriba?",
    "El grifo monomando de la cocina gotea por el caño",
    "Huele a gas cerca del calentador, ¿qué hago?",
]


@dataclass
class Sample:
    concurrency: int
    question: str
    first_text_s: float | None
    first_token_s: float | None
    answer_s: float
    drafts: int
    waited_in_line: bool
    safety_first: bool


async def ask(gateway_ws: str, question: str, concurrency: int, timeout: float) -> Sample:
    url = f"{gateway_ws}/ws?conversation={uuid.uuid4().hex}"
    message_id = str(uuid.uuid4())
    async with websockets.connect(url, open_timeout=10, max_size=None) as socket:
        sent = time.perf_counter()
        await socket.send(json.dumps({"type": "message", "id": message_id, "text": question}))
        first_text = first_token = None
        drafts = 0
        waited = safety_first = False
        async with asyncio.timeout(timeout):
            while True:
                event = json.loads(await socket.recv())
                now = time.perf_counter() - sent
                if event.get("type") == "draft" and event.get("in_reply_to") == message_id:
                    drafts += 1
                    if first_text is None and (event.get("text") or event.get("safety") or event.get("article")
                                               or event.get("notice")):
                        first_text = now
                        safety_first = bool(event.get("safety")) and not event.get("text")
                    if first_token is None and event.get("text"):
                        first_token = now
                    waited = waited or bool(event.get("ahead"))
                elif event.get("type") == "reply" and event.get("in_reply_to") == message_id:
                    return Sample(concurrency, question, first_text, first_token, now, drafts, waited, safety_first)


def llm_generations(log: Path, start: int) -> tuple[list[dict[str, Any]], int]:
    """The LLM server's `generation` log lines written after byte `start`, and the new end."""
    data = log.read_bytes()
    lines = []
    for raw in data[start:].decode("utf-8", "replace").splitlines():
        try:
            line = json.loads(raw)
        except ValueError:
            continue
        if isinstance(line, dict) and line.get("event") == "generation":
            lines.append(line)
    return lines, len(data)


def quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return round(ordered[index], 2)


def summary(samples: list[Sample], generations: list[dict[str, Any]]) -> dict[str, Any]:
    def pair(values: list[float]) -> dict[str, Any]:
        return {"p50": quantile(values, 0.5), "p90": quantile(values, 0.9), "n": len(values)}

    return {
        "first_text_s": pair([s.first_text_s for s in samples if s.first_text_s is not None]),
        "first_token_s": pair([s.first_token_s for s in samples if s.first_token_s is not None]),
        "answer_s": pair([s.answer_s for s in samples]),
        "model_ttft_s": pair([g["ttft_ms"] / 1000 for g in generations if g.get("ttft_ms") is not None]),
        "model_queued_s": pair([g["queued_ms"] / 1000 for g in generations if g.get("queued_ms") is not None]),
        "model_total_s": pair([g["total_ms"] / 1000 for g in generations if g.get("total_ms") is not None]),
        "prompt_tokens": pair([g["prompt_tokens"] for g in generations if g.get("prompt_tokens")]),
        "waited_in_line": sum(s.waited_in_line for s in samples),
        "safety_first": sum(s.safety_first for s in samples),
    }


def start_stack(model: Path, threads: int):  # -> devstack.stack.Stack
    from devstack.config import StackConfig
    from devstack.postgres import scratch_folder
    from devstack.processes import free_port
    from devstack.stack import ONE_CLIENT_MANY_PLUMBERS, Stack

    run_dir = scratch_folder("remedios-bench-streaming-")
    config = StackConfig.from_env(
        run_dir=run_dir, database_url=None, llm_model=model, llm_threads=threads,
        postgres_port=free_port(), n8n_port=free_port(), n8n_runner_port=free_port(),
        llm_port=free_port(), gateway_port=free_port(),
    )
    stack = Stack(config, say=lambda line: print(f"[stack] {line}", flush=True))
    stack.gateway_extra_env.update(ONE_CLIENT_MANY_PLUMBERS)
    return stack


async def run(gateway_ws: str, llm_log: Path, concurrencies: list[int], rounds: list[int],
              timeout: float) -> dict[str, Any]:
    results: dict[str, Any] = {}
    print("warm-up question (model and workflow caches)", flush=True)
    await ask(gateway_ws, QUESTIONS[0], 1, timeout)
    offset = llm_log.stat().st_size
    for concurrency, count in zip(concurrencies, rounds):
        samples: list[Sample] = []
        _, offset = llm_generations(llm_log, offset)
        turn = 0
        for _ in range(count):
            batch = [QUESTIONS[(turn + i) % len(QUESTIONS)] for i in range(concurrency)]
            turn += concurrency
            samples += await asyncio.gather(*(ask(gateway_ws, q, concurrency, timeout) for q in batch))
            print(f"  {concurrency} concurrent: {len(samples)} answers", flush=True)
        generations, offset = llm_generations(llm_log, offset)
        results[str(concurrency)] = {"summary": summary(samples, generations),
                                     "samples": [asdict(s) for s in samples]}
        print(json.dumps({concurrency: results[str(concurrency)]["summary"]}, ensure_ascii=False), flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--rounds", type=int, nargs="+", default=[6, 2], help="batches per concurrency")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if len(args.rounds) != len(args.concurrency):
        parser.error("--rounds needs one count per --concurrency")
    signal.signal(signal.SIGTERM, _interrupt)  # `kill <pid>` stops the private stack too
    stack = start_stack(args.model, args.threads)
    try:
        stack.start()   # inside the try: a start that fails half-way leaves its Postgres up
        gateway_ws = stack.config.gateway_url.replace("http://", "ws://")
        llm_log = stack.config.run_dir / "logs" / "llm-server.log"
        started = time.time()
        load_before = os.getloadavg()
        results = asyncio.run(run(gateway_ws, llm_log, args.concurrency, args.rounds, args.timeout))
        report = {"model": args.model.name, "threads": args.threads, "seconds": round(time.time() - started),
                  "command": " ".join(sys.argv), "load_average_before": load_before,
                  "load_average_after": os.getloadavg(), "results": results}
        if args.out:
            args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    finally:
        stack.stop()
        shutil.rmtree(stack.config.run_dir, ignore_errors=True)  # its Postgres cluster is then an orphan, removed
    return 0


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    raise SystemExit(main())
