"""gpt4all against llama.cpp (``LLM_ENGINE=llamacpp``) under 1, 2, 4 … concurrent conversations, side by side.

    python bench/throughput/bench_engines.py [--levels 1,2,4] [--answers 1] [--threads 2] [--parallel 4]
                                             [--json out.json]

Both llm-server processes serve the same GGUF file with the same ``n_threads``; they are started once
and loaded at the same time, then each concurrency level runs on one engine and right after on the
other (the order alternates from level to level), so load from other work hits both alike. Reported per
engine and level: aggregate completion tokens/s, answers per minute, each answer's wait (p50, max) and
time to first token. ``LLM_ENGINE=llamacpp`` needs llama-server (requirements/llamacpp.txt or
``LLM_LLAMACPP_SERVER``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "tests" / "llm_server"))

from llm_server_process import start_llm_server  # noqa: E402
from workload import run_load  # noqa: E402

DEFAULT_MODEL = Path("~/.cache/remedios/models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf").expanduser()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--levels", default="1,2,4")
    parser.add_argument("--answers", type=int, default=1, help="questions each conversation asks in a row")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--parallel", type=int, default=4, help="llama.cpp slots (LLM_PARALLEL)")
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",") if x]
    logs = Path(os.environ.get("TMPDIR", "/tmp"))
    common = {"LLM_N_THREADS": str(args.threads), "LLM_MODEL_ID": "bench", "LLM_MAX_QUEUE": "64"}
    servers = {
        "gpt4all": start_llm_server(args.model, logs / "bench-gpt4all.log", {**common, "LLM_ENGINE": "gpt4all"}),
        "llamacpp": start_llm_server(
            args.model, logs / "bench-llamacpp.log",
            {**common, "LLM_ENGINE": "llamacpp", "LLM_PARALLEL": str(args.parallel)}),
    }
    results: dict[str, object] = {
        "machine": f"{platform.node()} {os.cpu_count()} cpus, load {os.getloadavg()}",
        "args": {k: str(v) for k, v in vars(args).items()},
        "levels": [],
    }
    try:
        for i, level in enumerate(levels):
            order = ["gpt4all", "llamacpp"] if i % 2 == 0 else ["llamacpp", "gpt4all"]
            row: dict[str, object] = {"conversations": level}
            for name in order:
                started = time.strftime("%H:%M:%S")
                summary = asyncio.run(run_load(servers[name].base_url, "bench", level, args.answers, args.max_tokens))
                summary["started"] = started
                summary["loadavg"] = os.getloadavg()[0]
                row[name] = summary
                print(f"{level} conv {name:8s} {summary['aggregate_tokens_per_s']:6.2f} tok/s "
                      f"{summary['answers_per_min']:5.2f} ans/min wait p50 {summary['wait_p50_s']} max "
                      f"{summary['wait_max_s']} ttft p50 {summary['ttft_p50_s']} (load {summary['loadavg']:.1f})",
                      flush=True)
            row["ratio_tokens_per_s"] = round(
                row["llamacpp"]["aggregate_tokens_per_s"] / max(row["gpt4all"]["aggregate_tokens_per_s"], 1e-9), 2)
            print(f"{level} conv llamacpp/gpt4all aggregate tok/s: {row['ratio_tokens_per_s']}", flush=True)
            results["levels"].append(row)
    finally:
        for server in servers.values():
            server.stop()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
