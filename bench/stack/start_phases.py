"""How long one stack start takes, phase by phase: the stack the integration tests start (tests/integration/conftest.py
`tiny_stack`: embedded Postgres, n8n with the repository's workflows, the LLM server on a tiny generated model,
the gateway), on free ports in a scratch folder, started, stopped and removed.

    .venv/bin/python bench/stack/start_phases.py [--runs 1] [--mode batch|per-call] [--json out.json]

--mode per-call prepares n8n as devstack did before deploy/n8n/batch.mjs: one n8n CLI process per step and per
workflow (import:credentials, import:workflow --separate, publish:workflow --id=… for each file), for an A/B
on the same checkout.

Each phase is timed by wrapping the function that does it (nothing in devstack/ is changed for this): Postgres
(initdb + start), the databases and the schema, the workflows' settings, the owner's bcrypt hash, every n8n CLI
call (or the one batch call, devstack/n8n.py), n8n from its start to /healthz/readiness and to the first
webhook answering, the LLM server, the gateway. Figures are wall-clock seconds on a shared machine: compare
medians of several runs, not single numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "llm-server"))

import devstack.n8n  # noqa: E402
import devstack.postgres  # noqa: E402
import devstack.stack  # noqa: E402
from devstack.processes import ManagedProcess  # noqa: E402
from tests.integration.conftest import scratch_run_dir, tiny_stack  # noqa: E402

Record = list[tuple[str, float, float]]  # (phase, start offset, seconds)


@contextlib.contextmanager
def timed(record: Record, origin: float, targets: list[tuple[Any, str, Callable[..., str]]]) -> Iterator[None]:
    """Wrap each `owner.name` so that every call appends (label(*args), start, duration) to `record`."""
    saved = []
    for owner, name, label in targets:
        original = getattr(owner, name)
        saved.append((owner, name, original))

        def wrapper(*args: Any, __original: Callable[..., Any] = original, __label: Callable[..., str] = label,
                    **kwargs: Any) -> Any:
            start = time.monotonic()
            try:
                return __original(*args, **kwargs)
            finally:
                record.append((__label(*args, **kwargs), start - origin, time.monotonic() - start))

        setattr(owner, name, functools.wraps(original)(wrapper))
    try:
        yield
    finally:
        for owner, name, original in reversed(saved):
            setattr(owner, name, original)


def cli_label(cli: Any, *args: str, **_: Any) -> str:
    shown = [a.split("=", 1)[0] if a.startswith("--input") else a for a in args]
    return "n8n CLI: " + " ".join(shown)


def per_call_batch(cli: Any, credentials: Any = None, workflows: Path | None = None) -> None:
    """devstack's n8n preparation before batch.mjs (commit 97f68b9): one CLI process per step and per workflow."""
    if credentials is not None:
        path = cli.config.run_dir / "n8n" / "credentials-import.json"
        devstack.n8n.write_private(path, json.dumps(credentials))
        try:
            cli.run("import:credentials", f"--input={path}")
        finally:
            path.unlink(missing_ok=True)
    if workflows is not None:
        cli.run("import:workflow", "--separate", f"--input={workflows}")
        for workflow_id in devstack.n8n.workflow_ids(workflows):
            cli.run("publish:workflow", f"--id={workflow_id}")


def one_start(mode: str = "batch") -> Record:
    run_dir = scratch_run_dir("bench-start")
    stack = tiny_stack(run_dir)
    stack.say = lambda line: None
    record: Record = []
    origin = time.monotonic()
    targets: list[tuple[Any, str, Callable[..., str]]] = [
        (devstack.postgres.EmbeddedPostgres, "start", lambda *a, **k: "postgres: initdb + start"),
        (devstack.stack, "provision_databases", lambda *a, **k: "postgres: roles and databases"),
        (devstack.stack, "apply_schema", lambda *a, **k: "schema: SQL files + page templates"),
        (devstack.stack.Stack, "write_settings", lambda *a, **k: "settings: remedios_settings rows"),
        (devstack.stack, "owner_password_hash", lambda *a, **k: "n8n: owner bcrypt hash (node)"),
        (devstack.n8n.N8nCli, "run", cli_label),
        (ManagedProcess, "wait_until", lambda process, ready, timeout, what: f"wait: {process.name}: {what}"),
        (devstack.stack.Stack, "prepare_n8n", lambda *a, **k: "TOTAL n8n prepare (credentials, workflows)"),
        (devstack.stack.Stack, "start_n8n", lambda *a, **k: "TOTAL n8n start to webhooks ready"),
        (devstack.stack.Stack, "start_gateway", lambda *a, **k: "TOTAL gateway start to /healthz"),
        (devstack.stack.Stack, "start", lambda *a, **k: "TOTAL stack start"),
    ]
    if mode == "per-call":
        targets.insert(0, (devstack.n8n.N8nCli, "batch", lambda *a, **k: "n8n per-call: all CLI calls"))
        original_batch = devstack.n8n.N8nCli.batch
        devstack.n8n.N8nCli.batch = per_call_batch  # type: ignore[method-assign]
    else:
        targets.append((devstack.n8n.N8nCli, "batch", lambda *a, **k: "n8n batch: credentials + workflows + publish"))
    try:
        with timed(record, origin, targets):
            stack.start()
    finally:
        stop = time.monotonic()
        stack.stop()
        record.append(("(stop)", stop - origin, time.monotonic() - stop))
        shutil.rmtree(run_dir, ignore_errors=True)
        if mode == "per-call":
            devstack.n8n.N8nCli.batch = original_batch  # type: ignore[method-assign]
    return record


def summarise(runs: list[Record]) -> list[tuple[str, int, float, float]]:
    """Per phase label: calls per start, median seconds per start (all calls), median start offset."""
    labels: dict[str, None] = {}
    for record in runs:
        for label, _, _ in record:
            labels.setdefault(label, None)
    rows = []
    for label in labels:
        totals = [sum(s for lab, _, s in record if lab == label) for record in runs]
        starts = [min((o for lab, o, _ in record if lab == label), default=0.0) for record in runs]
        calls = max(sum(1 for lab, _, _ in record if lab == label) for record in runs)
        rows.append((label, calls, statistics.median(totals), statistics.median(starts)))
    return sorted(rows, key=lambda row: row[3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--mode", choices=("batch", "per-call"), default="batch")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    runs = []
    for index in range(args.runs):
        record = one_start(args.mode)
        runs.append(record)
        total = next(s for label, _, s in record if label == "TOTAL stack start")
        print(f"{args.mode} run {index + 1}: stack start {total:.1f} s (load {os.getloadavg()[0]:.1f})", flush=True)
    print(f"\n{'phase':58} {'calls':>5} {'seconds':>8} {'at':>7}")
    for label, calls, seconds, at in summarise(runs):
        print(f"{label:58} {calls:>5} {seconds:>8.2f} {at:>7.1f}")
    if args.json:
        args.json.write_text(json.dumps([[list(r) for r in record] for record in runs], indent=1))


if __name__ == "__main__":
    from tests.support.scratch_postgres import signals_end_the_run

    with signals_end_the_run():   # `kill`, a closed terminal: the private stack is stopped too
        main()
