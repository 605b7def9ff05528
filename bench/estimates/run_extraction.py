"""Run the estimate-extraction evaluation end to end: a private Postgres with the Remedios schema and price
catalogue, the LLM server on a local GGUF (only when a mode needs the model), then eval/score_estimates.py.
Everything on loopback, nothing downloaded.

    .venv/bin/python bench/estimates/run_extraction.py --tag 0.5b --modes model catalogue checked \\
        --model ~/.cache/remedios/models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf
    .venv/bin/python bench/estimates/run_extraction.py --tag 0.5b --modes catalogue checked \\
        --model-in bench/estimates/model-answers-0.5b.json      # re-score saved answers, no model

Writes bench/estimates/results-<tag>.json and, when the model is asked, bench/estimates/model-answers-<tag>.json.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval_services import llm_server, private_database, stop_cleanly_on_sigterm


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tag", required=True, help="short name used in the result file names, e.g. 0.5b")
    parser.add_argument("--modes", nargs="+", choices=["model", "catalogue", "checked"],
                        default=["model", "catalogue", "checked"])
    parser.add_argument("--model", type=Path, help="GGUF file (needed unless --model-in is given)")
    parser.add_argument("--model-in", type=Path, help="saved model answers: score them, start no model")
    parser.add_argument("--ids", default="")
    parser.add_argument("--score-arg", action="append", default=[],
                        help="one more argument for score_estimates.py, e.g. --score-arg=--model-items (repeatable)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--n-ctx", type=int, default=4096)
    args = parser.parse_args()
    needs_model = bool({"model", "checked"} & set(args.modes)) and not args.model_in
    if needs_model and not args.model:
        parser.error("--model (or --model-in) is needed for modes model and checked")

    stop_cleanly_on_sigterm()
    with ExitStack() as services:
        database_url = services.enter_context(private_database())
        command = [sys.executable, str(ROOT / "eval" / "score_estimates.py"), "--database-url", database_url,
                   "--mode", *args.modes, "--out", str(ROOT / "bench" / "estimates" / f"results-{args.tag}.json")]
        if args.ids:
            command += ["--ids", args.ids]
        if args.model_in:
            command += ["--model-in", str(args.model_in)]
        elif needs_model:
            base_url = services.enter_context(llm_server(args.model, args.threads, args.n_ctx))
            command += ["--base-url", base_url,
                        "--model-out", str(ROOT / "bench" / "estimates" / f"model-answers-{args.tag}.json")]
        subprocess.run(command + args.score_arg, check=False, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
