"""Run the quality evaluation end to end on this machine: a private Postgres with the knowledge base, the LLM
server on a local GGUF, then eval/score.py in the modes asked for. Everything on loopback, nothing downloaded.

    .venv/bin/python bench/quality/run_eval.py --model ~/.cache/remedios/models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf \\
        --tag 0.5b --modes retrieval alone [--ids @eval/subset-bench.txt] [--max-tokens 400]

Writes bench/quality/results-<tag>-<mode>-full.json (or -subset when --ids is given) and prints each mode's
summary. Interrupted runs keep what they measured (score.py writes `"partial": true`).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from devstack.postgres import EmbeddedPostgres, apply_schema, provision_databases  # noqa: E402
from devstack.processes import free_port  # noqa: E402


def wait_ready(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} not ready after {seconds:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True, help="GGUF file")
    parser.add_argument("--tag", required=True, help="short name used in the result file names, e.g. 0.5b")
    parser.add_argument("--modes", nargs="+", choices=["alone", "retrieval"], default=["retrieval", "alone"])
    parser.add_argument("--ids", default="", help="passed to score.py (comma list or @file)")
    parser.add_argument("--max-tokens", type=int, default=400, help="400 = what the chat workflow uses")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--n-ctx", type=int, default=4096)
    args = parser.parse_args()

    # A `kill` (SIGTERM) must still stop the private Postgres and the LLM server (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    run_dir = Path(tempfile.mkdtemp(prefix="remedios-eval-"))
    password = secrets.token_hex(12)
    postgres = EmbeddedPostgres(run_dir / "pgdata", free_port(), password)
    llm_port = free_port()
    llm_env = {
        **os.environ, "PYTHONPATH": str(ROOT / "llm-server"), "LLM_PORT": str(llm_port),
        "LLM_MODEL": str(args.model.expanduser()), "LLM_MODEL_ID": "remedios-local",
        "LLM_N_CTX": str(args.n_ctx), "LLM_N_THREADS": str(args.threads),
    }
    llm = None
    try:
        postgres.start()
        app, _ = provision_databases(postgres.admin, password)
        apply_schema(app)
        llm = subprocess.Popen([sys.executable, "-m", "llm_server"], env=llm_env, cwd=ROOT)  # noqa: S603
        wait_ready(f"http://127.0.0.1:{llm_port}/healthz", 300)
        suffix = "subset" if args.ids else "full"
        for mode in args.modes:
            out = ROOT / "bench" / "quality" / f"results-{args.tag}-{mode}-{suffix}.json"
            command = [
                sys.executable, str(ROOT / "eval" / "score.py"), "--base-url", f"http://127.0.0.1:{llm_port}/v1",
                "--model", "remedios-local", "--mode", mode, "--database-url", app.url,
                "--max-tokens", str(args.max_tokens), "--out", str(out), "--quiet",
            ]
            if args.ids:
                command += ["--ids", args.ids]
            started = time.monotonic()
            subprocess.run(command, check=False, cwd=ROOT)  # noqa: S603
            print(f"[run_eval] {args.tag} {mode}: {time.monotonic() - started:.0f} s -> {out}", flush=True)
    finally:
        if llm is not None:
            llm.terminate()
            llm.wait(timeout=30)
        postgres.stop()
        shutil.rmtree(run_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
