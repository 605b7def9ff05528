"""Run the quality evaluation end to end on this machine: a private Postgres with the knowledge base, the LLM
server on a local GGUF, then eval/score.py in the modes asked for. Everything on loopback, nothing downloaded.

    .venv/bin/python bench/quality/run_eval.py --model ~/.cache/remedios/models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf \\
        --tag 0.5b --modes retrieval alone [--ids @eval/subset-bench.txt] [--max-tokens N]

Writes bench/quality/results-<tag>-<mode>-full.json (or -subset when --ids is given) and prints each mode's
summary. Interrupted runs keep what they measured (score.py writes `"partial": true`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import MODEL_ID, llm_server, private_database, stop_cleanly_on_sigterm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True, help="GGUF file")
    parser.add_argument("--tag", required=True, help="short name used in the result file names, e.g. 0.5b")
    parser.add_argument("--modes", nargs="+", choices=["alone", "retrieval"], default=["retrieval", "alone"])
    parser.add_argument("--ids", default="", help="passed to score.py (comma list or @file)")
    parser.add_argument("--max-tokens", type=int, default=None,
                        help="default: the chat workflow's (eval/prompting.py MAX_TOKENS)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--n-ctx", type=int, default=4096)
    args = parser.parse_args()

    stop_cleanly_on_sigterm()
    with private_database() as database_url, llm_server(args.model, args.threads, args.n_ctx) as base_url:
        suffix = "subset" if args.ids else "full"
        for mode in args.modes:
            out = ROOT / "bench" / "quality" / f"results-{args.tag}-{mode}-{suffix}.json"
            command = [
                sys.executable, str(ROOT / "eval" / "score.py"), "--base-url", base_url,
                "--model", MODEL_ID, "--mode", mode, "--database-url", database_url,
                "--out", str(out), "--quiet",
            ]
            if args.max_tokens:
                command += ["--max-tokens", str(args.max_tokens)]
            if args.ids:
                command += ["--ids", args.ids]
            started = time.monotonic()
            subprocess.run(command, check=False, cwd=ROOT)
            print(f"[run_eval] {args.tag} {mode}: {time.monotonic() - started:.0f} s -> {out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
