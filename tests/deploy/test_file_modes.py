"""The local runner's private files: run/ is 0700; secrets.env, the service logs and the n8n credentials file
are 0600 from the moment they exist (never created readable and tightened afterwards)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from devstack import secrets as secrets_store
from devstack.processes import ManagedProcess
from tests.support.file_modes import loose_umask, mode, no_chmod  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def _every_test_with_a_loose_umask(loose_umask: None) -> None:
    """Every test here runs with the usual umask (022)."""


@pytest.mark.usefixtures("no_chmod")
def test_secrets_file_is_created_0600_in_a_0700_run_folder(tmp_path: Path) -> None:
    run = tmp_path / "run"
    values = secrets_store.load_or_create(run, env={})
    assert set(values) == set(secrets_store.SECRET_NAMES)
    assert mode(run / "secrets.env") == 0o600
    assert mode(run) == 0o700
    assert [p.name for p in run.iterdir()] == ["secrets.env"]  # no temporary file left behind


def test_a_secrets_file_and_run_folder_left_open_are_tightened(tmp_path: Path) -> None:
    run = tmp_path / "run"
    first = secrets_store.load_or_create(run, env={})
    run.chmod(0o755)
    (run / "secrets.env").chmod(0o644)
    assert secrets_store.load_or_create(run, env={}) == first  # same secrets, nothing rewritten
    assert mode(run / "secrets.env") == 0o600
    assert mode(run) == 0o700


@pytest.mark.usefixtures("no_chmod")
def test_service_logs_are_created_0600_in_a_0700_folder(tmp_path: Path) -> None:
    log = tmp_path / "run" / "logs" / "gateway.log"
    process = ManagedProcess("echo", [sys.executable, "-c", "print('conversation web:abc')"], dict(os.environ), log)
    process.start()
    assert process.process is not None and process.process.wait(30) == 0
    assert "web:abc" in log.read_text()
    assert mode(log) == 0o600
    assert mode(log.parent) == 0o700


def test_a_log_left_readable_is_tightened(tmp_path: Path) -> None:
    log = tmp_path / "logs" / "n8n.log"
    log.parent.mkdir()
    log.write_text("old\n")
    log.chmod(0o644)
    process = ManagedProcess("true", [sys.executable, "-c", "pass"], dict(os.environ), log)
    process.start()
    assert process.process is not None and process.process.wait(30) == 0
    assert mode(log) == 0o600 and log.read_text() == "old\n"  # appended to, not replaced


@pytest.mark.usefixtures("no_chmod")
def test_the_n8n_credentials_file_is_0600_while_it_exists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from devstack.config import StackConfig
    from devstack.n8n import N8nCli

    cli = N8nCli(StackConfig.from_env(run_dir=tmp_path / "run"), env={})
    seen: list[tuple[int, str]] = []

    def fake_run(argv: list[str], env: dict[str, str], shown: str, timeout: float) -> None:
        (given,) = [arg for arg in argv if arg.startswith("--credentials=")]
        path = Path(given.split("=", 1)[1])
        seen.append((mode(path), path.read_text()))

    monkeypatch.setattr(cli, "_run_logged", fake_run)
    cli.batch(credentials=[{"id": "x", "data": {"password": "plain"}}])
    assert seen == [(0o600, '[{"id": "x", "data": {"password": "plain"}}]')]
    assert not (tmp_path / "run" / "n8n" / "credentials-import.json").exists()
