"""Prefill levers of the gpt4all engine, measured: time to first token of the chat prompt by n_batch, n_threads and
the system-prompt prefix cache (LLM_PREFIX_CACHE).

    python bench/llm_server/bench_prefill.py [--rounds 2] [--threads 1,2] [--batches 32,128,512] [--json out.json]

The prompt is what the chat workflow sends (bench/throughput/workload.py: system prompt + grounding rules, one
article, the question), rendered as the server renders it; each round asks one question of every configuration;
a cache hit follows another question, so it re-evaluates the whole user turn, as in real use. Each configuration
runs the server's own backend (llm_server.backend.Gpt4AllBackend) in this process with ``max_tokens`` 1, so the
time is prefill plus one token. Configurations take turns round by round, so load from other work hits all alike; the figure to quote is each configuration's median. The CPU seconds the
process spent until the first token are printed too: with one thread they are the work done, whatever the load
(with two, a thread waiting for its partner spins and counts as well).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "llm-server"))
sys.path.insert(0, str(REPO / "bench" / "throughput"))

from llm_server.backend import Gpt4AllBackend, SamplingParams  # noqa: E402
from llm_server.chat_template import ChatMessage, render_chatml  # noqa: E402
from llm_server.settings import Settings  # noqa: E402
from workload import ARTICLES, chat_request  # noqa: E402

DEFAULT_MODEL = Path("~/.cache/remedios/models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf").expanduser()


def prompts() -> list[str]:
    return [render_chatml([ChatMessage(m["role"], m["content"]) for m in chat_request(i, "x")["messages"]])
            for i in range(len(ARTICLES))]


def ttft(backend: Gpt4AllBackend, prompt: str) -> tuple[float, float, int]:
    """Wall seconds to the first token, CPU seconds of this process meanwhile, prompt tokens."""
    cpu_started = time.process_time()
    started = time.perf_counter()
    first: list[float] = []

    def on_text(text: str) -> bool:
        if not first:
            first.append(time.perf_counter() - started)
        return False

    result = backend.generate(prompt, SamplingParams(max_tokens=1, temperature=0.0), lambda: True, on_text)
    return (first[0] if first else time.perf_counter() - started), time.process_time() - cpu_started, \
        result.prompt_tokens


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--batches", default="32,128,512")
    parser.add_argument("--cache-batch", type=int, default=128, help="n_batch of the prefix-cache runs")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    texts = prompts()
    backends: dict[int, Gpt4AllBackend] = {}
    for threads in [int(t) for t in args.threads.split(",")]:
        backend = Gpt4AllBackend(Settings(model_path=args.model, n_threads=threads, prefix_cache=True))
        backend.load()
        backends[threads] = backend
    configs = [(t, b, False) for t in backends for b in [int(x) for x in args.batches.split(",")]]
    configs += [(t, args.cache_batch, True) for t in backends]
    times: dict[str, list[float]] = {}
    cpus: dict[str, list[float]] = {}
    rates: dict[str, list[float]] = {}
    for round_no in range(args.rounds):
        for config_no, (threads, batch, cache) in enumerate(configs):
            backend = backends[threads]
            backend._settings = dataclasses.replace(backend._settings, n_batch=batch, prefix_cache=cache)
            text = texts[round_no % len(texts)]  # every configuration gets the same prompt in a round
            if cache:  # the system turn is cached by an earlier request, as it is in service
                ttft(backend, texts[(round_no + 1) % len(texts)])
            seconds, cpu, prompt_tokens = ttft(backend, text)
            key = f"threads={threads} n_batch={batch} prefix_cache={'on' if cache else 'off'}"
            times.setdefault(key, []).append(seconds)
            cpus.setdefault(key, []).append(cpu)
            rates.setdefault(key, []).append(prompt_tokens / seconds)
            print(f"round {round_no + 1} {key}: {seconds:.2f} s to first token ({cpu:.2f} s CPU), "
                  f"{prompt_tokens} prompt tokens, "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
    summary = {key: {"median_s": round(statistics.median(v), 2), "runs": [round(x, 2) for x in v],
                     "cpu_median_s": round(statistics.median(cpus[key]), 2),
                     "cpu_runs": [round(x, 2) for x in cpus[key]],
                     "prompt_tokens_per_s_median": round(statistics.median(rates[key]), 1),
                     "prompt_tokens_per_s_runs": [round(x, 1) for x in rates[key]]}
               for key, v in times.items()}
    print(json.dumps(summary, indent=1))
    if args.json:
        args.json.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "results": summary},
                                        indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
