"""``python -m devstack run``: start the whole system on loopback and stop it cleanly on Ctrl-C.
``python -m devstack export-workflows``: write the workflows as edited in n8n back to the repository.
``python -m devstack staff add|list|disable``: the staff console's accounts (devstack/staff.py)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading

from .config import ROOT, StackConfig
from .dotenv import EnvFileError, apply_env_file
from .processes import StartupError
from .stack import Stack
from .supervisor import Supervisor


def run() -> int:
    stack = Stack(StackConfig.from_env(), say=lambda line: print(line, flush=True))
    stopping = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.set())
    try:
        stack.start()
        print(stack.summary(), flush=True)
        # A part that dies is started again with backoff (as Compose's restart policies do), not the end of all.
        Supervisor(stack.supervised_parts(), say=lambda line: print(line, file=sys.stderr, flush=True)).watch(stopping)
        return 0
    except StartupError as error:
        print(f"\nCould not start Remedios: {error}", file=sys.stderr, flush=True)
        return 1
    finally:
        print("\nStopping gateway, n8n, LLM server and Postgres…", flush=True)
        stack.stop()
        print("Stopped.", flush=True)


def export() -> int:
    stack = Stack(StackConfig.from_env(), say=lambda line: print(line, flush=True))
    was_running = stack.config.database_url is None and (stack.config.postgres_data_dir / "postmaster.pid").exists()
    try:
        for path in stack.export_workflows():
            print(f"exported {path.relative_to(stack.config.root)}")
    finally:
        if not was_running:
            stack.stop()
    print("Review with `git diff n8n-workflows/` and commit.")
    return 0


def read_env_file() -> bool:
    """Settings from ``.env`` at the repository root, if there is one (devstack/dotenv.py says which are used).
    False when the file cannot be read."""
    try:
        report = apply_env_file(ROOT / ".env", os.environ)
    except (EnvFileError, OSError, UnicodeDecodeError) as error:
        print(f"Could not read {ROOT / '.env'}: {error}", file=sys.stderr, flush=True)
        return False
    if report is not None:
        print(report.summary(), flush=True)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devstack", description=__doc__)
    parser.add_argument("command", choices=["run", "export-workflows", "staff"],
                        help="run: start everything; export-workflows: write n8n's workflows back to n8n-workflows/; "
                             "staff: add, list or disable staff console accounts")
    parser.add_argument("args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not read_env_file():
        return 2
    if args.command == "staff":
        from .staff import main as staff_main

        return staff_main(args.args)
    return run() if args.command == "run" else export()


if __name__ == "__main__":
    sys.exit(main())
