"""An evaluation killed outright (SIGKILL, a timeout) leaves its private Postgres running; the next evaluation
stops it and deletes its folder, and never touches a live run's cluster."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from bench.eval_services import EVAL_PREFIX, OWNER_PID_FILE, stop_abandoned_clusters

ROOT = Path(__file__).resolve().parents[2]

HOLD_A_DATABASE = """
import signal, sys, time
# Ctrl-C as a terminal delivers it: a process started in the background by a non-interactive shell (CI's
# `bash .ci/run &`) inherits SIGINT ignored, and Python then keeps it ignored (CI of stop 37: the SIGINT case
# timed out there and passed in a terminal)
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.path.insert(0, {root!r})
from bench.eval_services import private_database_from
with private_database_from(()) as url:
    print(url, flush=True)
    time.sleep(600)
"""


def _start_holder(scratch: Path) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "TMPDIR": str(scratch)}
    holder = subprocess.Popen([sys.executable, "-c", HOLD_A_DATABASE.format(root=str(ROOT))], env=env,
                              stdout=subprocess.PIPE, text=True)
    url = holder.stdout.readline().strip()
    assert url.startswith("postgresql://"), url
    return holder, url


def _answers(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            return conn.execute("SELECT 1").fetchone() == (1,)
    except psycopg.OperationalError:
        return False


@pytest.fixture
def scratch():
    # a folder the Postgres system user can enter when the tests run as root (like scratch_folder's 711)
    folder = Path(tempfile.mkdtemp(prefix="eval-services-"))
    folder.chmod(0o711)
    yield folder
    stop_abandoned_clusters(folder)  # never leave a server behind, whatever failed above
    shutil.rmtree(folder, ignore_errors=True)


def test_a_killed_evaluations_postgres_is_stopped_and_deleted_by_the_next(scratch: Path) -> None:
    holder, url = _start_holder(scratch)
    folders = list(scratch.glob(f"{EVAL_PREFIX}*"))
    assert len(folders) == 1
    assert (folders[0] / OWNER_PID_FILE).read_text().strip() == str(holder.pid)
    holder.send_signal(signal.SIGKILL)
    holder.wait(30)
    assert _answers(url), "a killed run's Postgres keeps running: what this guards against"

    assert stop_abandoned_clusters(scratch) == folders
    assert not folders[0].exists()
    deadline = time.monotonic() + 30
    while _answers(url) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _answers(url)


def test_a_running_evaluations_postgres_is_left_alone(scratch: Path) -> None:
    holder, url = _start_holder(scratch)
    try:
        assert stop_abandoned_clusters(scratch) == []
        assert _answers(url)
    finally:
        holder.kill()
        holder.wait(60)
        stop_abandoned_clusters(scratch)
    assert not list(scratch.glob(f"{EVAL_PREFIX}*"))


def test_a_folder_that_names_no_process_is_left_alone(scratch: Path) -> None:
    folder = scratch / f"{EVAL_PREFIX}handmade"
    folder.mkdir()
    assert stop_abandoned_clusters(scratch) == []
    assert folder.exists()


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_an_evaluation_stopped_by_a_signal_stops_its_postgres_and_deletes_its_folder(
        scratch: Path, ending: signal.Signals) -> None:
    """`kill`, a closed terminal, Ctrl-C: the run's `finally` stops its cluster before the run ends (stop 37: until
    then SIGTERM and SIGHUP ended a script that had not asked for them at once, its cluster left running)."""
    holder, url = _start_holder(scratch)
    try:
        [folder] = scratch.glob(f"{EVAL_PREFIX}*")
        assert _answers(url)
        holder.send_signal(ending)
        assert holder.wait(60) != 0
        assert not _answers(url), f"the cluster still runs after {ending.name}"
        assert not folder.exists()
    finally:
        if holder.poll() is None:  # a run that ignored the signal: killed, so the fixture stops its cluster
            holder.kill()
            holder.wait(30)
