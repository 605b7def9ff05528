"""The services an evaluation run needs, private to the run and on loopback: an embedded Postgres with the
Remedios schema and seed data, and the LLM server on a local GGUF. Each stops when its `with` block ends,
also when the run is interrupted (Ctrl-C) or killed (SIGTERM, SIGHUP), so an interrupted evaluation leaves no server
behind: the cluster is tests/support/scratch_postgres.py's `private_cluster`, which every bench script that starts
one of its own uses (stop 37, tidy37)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devstack.postgres import SCHEMA_FILES, WORKFLOWS_ROOT, apply_schema, provision_databases
from devstack.processes import free_port
from tests.support.scratch_postgres import (OWNER_PID_FILE, private_cluster,  # noqa: F401  (names tests import)
                                            signals_end_the_run, stop_abandoned_clusters, uninterrupted)

if TYPE_CHECKING:
    from devstack.stack import Stack

MODEL_ID = "remedios-local"
T = TypeVar("T")


def stop_cleanly_on_sigterm() -> None:
    """Turn a `kill` into SystemExit, so that the `with` blocks below run their cleanup."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def wait_ready(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} not ready after {seconds:.0f} s")


@contextmanager
def private_database() -> Iterator[str]:
    """An embedded Postgres in a temporary folder with every schema file applied; yields the app's URL."""
    with private_database_from(SCHEMA_FILES) as url:
        yield url


EVAL_PREFIX = "remedios-eval-"


@contextmanager
def private_database_from(files: tuple[Path, ...]) -> Iterator[str]:
    """The same with the given SQL files (e.g. an older checkout's knowledge base). Clusters that killed
    runs left behind are stopped first."""
    for folder in stop_abandoned_clusters(Path(tempfile.gettempdir())):
        print(f"stopped a Postgres an interrupted run left running: {folder}", file=sys.stderr)
    with private_cluster(EVAL_PREFIX) as (postgres, password):
        app, _ = provision_databases(postgres.admin, password)
        apply_schema(app, files)
        yield app.url


@contextmanager
def started_stack(stack: Stack) -> Iterator[Stack]:
    """``stack`` (a devstack Stack on a private run folder) started, and stopped on every way out of the block, as
    ``private_cluster``: its end, an exception, Ctrl-C, SIGTERM or SIGHUP, and a start that fails half-way (its
    Postgres is already up when n8n or the model fails to start)."""
    with signals_end_the_run():
        try:
            yield stack.start()
        finally:
            with uninterrupted():
                stack.stop()


def schema_files_under(sql_root: Path) -> tuple[Path, ...]:
    """The schema files as they are under another checkout's `n8n-workflows/` (e.g. `git archive main`
    unpacked), skipping files that checkout does not have yet."""
    files = (sql_root / path.relative_to(WORKFLOWS_ROOT) for path in SCHEMA_FILES)
    return tuple(path for path in files if path.exists())


def on_database(work: Callable[[str], T], database_url: str | None, sql_root: Path = WORKFLOWS_ROOT) -> T:
    """Run `work(url)` on the given database, or on a private Postgres built from `sql_root`'s schema files."""
    if database_url:
        return work(database_url)
    with private_database_from(schema_files_under(sql_root)) as url:
        return work(url)


@contextmanager
def llm_server(model: Path, threads: int = 2, n_ctx: int = 4096) -> Iterator[str]:
    """The project's LLM server on `model`; yields its OpenAI-compatible base URL (…/v1), model id MODEL_ID."""
    port = free_port()
    env = {
        **os.environ, "PYTHONPATH": str(ROOT / "llm-server"), "LLM_PORT": str(port),
        "LLM_MODEL": str(model.expanduser()), "LLM_MODEL_ID": MODEL_ID,
        "LLM_N_CTX": str(n_ctx), "LLM_N_THREADS": str(threads),
    }
    process = subprocess.Popen([sys.executable, "-m", "llm_server"], env=env, cwd=ROOT)
    try:
        wait_ready(f"http://127.0.0.1:{port}/healthz", 300)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        process.wait(timeout=30)
