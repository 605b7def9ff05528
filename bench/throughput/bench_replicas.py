"""Two llm-server replicas pinned to one core each, behind the least-connections balancer, against one replica on
both cores: the same plumbers' load on both, in the same run.

    python bench/throughput/bench_replicas.py [--conversations 4] [--answers 1] [--rounds 1] [--json out.json]

A: ``devstack.llm_replicas.LlmReplicas`` (what ``REMEDIOS_LLM_REPLICAS=2 REMEDIOS_LLM_PIN=1`` starts: two
processes with ``LLM_N_THREADS=1``, ``taskset -c 0`` and ``-c 1``, the balancer in front).
B: one ``python -m llm_server`` with ``LLM_N_THREADS=2``, not pinned (the runner's default).
All three model processes are loaded before the first load starts; A and B then take turns (A B, B A, …).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from devstack.llm_replicas import LlmReplicas  # noqa: E402
from devstack.processes import ManagedProcess, free_port, http_ok  # noqa: E402
from workload import run_load  # noqa: E402

DEFAULT_MODEL = Path("~/.cache/remedios/models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf").expanduser()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--conversations", type=int, default=4)
    parser.add_argument("--answers", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--max-tokens", type=int, default=96)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    logs = Path(os.environ.get("TMPDIR", "/tmp")) / "bench-replicas"
    logs.mkdir(parents=True, exist_ok=True)
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("LLM_")}
    base_env.update({"PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'llm-server'}", "LLM_MODEL": str(args.model),
                     "LLM_MODEL_ID": "bench", "LLM_MAX_QUEUE": "64", "LLM_HOST": "127.0.0.1"})
    two_port, one_port = free_port(), free_port()
    two = LlmReplicas(sys.executable, {**base_env, "LLM_PORT": str(two_port)}, logs, REPO, replicas=2, threads=2,
                      pin=True)
    one = ManagedProcess("llm-server", [sys.executable, "-m", "llm_server"],
                         {**base_env, "LLM_PORT": str(one_port), "LLM_N_THREADS": "2"}, logs / "one.log", cwd=REPO)
    setups = {"two_pinned_1_thread_each": (two, two_port), "one_on_both_cores_2_threads": (one, one_port)}
    rows: list[dict[str, object]] = []
    try:
        for process, port in setups.values():
            process.start()
        for process, port in setups.values():
            process.wait_until(lambda port=port: http_ok(f"http://127.0.0.1:{port}/healthz"), 300, "model loaded")
        for round_no in range(args.rounds):
            names = list(setups) if round_no % 2 == 0 else list(reversed(setups))
            for name in names:
                started = time.strftime("%H:%M:%S")
                summary = asyncio.run(run_load(f"http://127.0.0.1:{setups[name][1]}", "bench", args.conversations,
                                               args.answers, args.max_tokens))
                summary.update({"setup": name, "round": round_no + 1, "started": started,
                                "loadavg": os.getloadavg()[0]})
                rows.append(summary)
                print(f"round {round_no + 1} {name:28s} {summary['answers_per_min']:5.2f} ans/min "
                      f"{summary['aggregate_tokens_per_s']:6.2f} tok/s wait p50 {summary['wait_p50_s']} max "
                      f"{summary['wait_max_s']} (load {summary['loadavg']:.1f})", flush=True)
    finally:
        two.stop()
        one.stop()
    if args.json:
        args.json.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "runs": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
