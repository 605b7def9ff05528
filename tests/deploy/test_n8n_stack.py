"""The compose n8n chain for real, without Docker: db-init.sh -> import.mjs -> start.sh -> healthcheck.mjs.

Each step gets the environment docker-compose.yml gives its service (read from `docker-compose config`), with
only the host-specific parts changed: Postgres is an embedded PostgreSQL 18 on a free port instead of the
`postgres` container, n8n is the pinned n8n the local set-up installs, and ports are free ones. This checks
what `config` cannot: that the roles db-init makes suit n8n, that the credentials n8n-import writes decrypt
under the n8n service's key and reach the database, that the workflows are published and answer, and that the
owner can log in with the password from .env.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from devstack.config import StackConfig
from devstack.n8n import workflow_ids
from tests.deploy.compose_helpers import (
    ROOT,
    free_port,
    resolved_config,
    start_embedded_postgres,
    write_env_file,
)
from tests.support.node_js import node_binary

pytestmark = pytest.mark.stack
DEPLOY = ROOT / "deploy"


@pytest.fixture(scope="module")
def n8n_install() -> StackConfig:
    config = StackConfig.from_env()
    if not config.n8n_bin.exists():
        pytest.fail(f"n8n is not installed at {config.n8n_bin}: run scripts/setup.sh", pytrace=False)
    return config


@pytest.fixture(scope="module")
def compose(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return resolved_config(write_env_file(tmp_path_factory.mktemp("env") / ".env"))["services"]


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory, compose: dict) -> Iterator[dict[str, str]]:
    from devstack.postgres import _bin_dir, scratch_folder

    env = compose["db-init"]["environment"]
    folder = scratch_folder("remedios-n8n-pg-")
    server = start_embedded_postgres(folder, env["PGPASSWORD"])
    try:
        host = {
            "PGHOST": "127.0.0.1",
            "PGPORT": str(server.port),
            "PATH": f"{_bin_dir()}:/usr/bin:/bin",
            "REMEDIOS_SQL_DIR": str(ROOT / "n8n-workflows"),
        }
        result = subprocess.run(
            ["sh", str(DEPLOY / "postgres" / "db-init.sh")],
            env={**env, **host},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr + result.stdout
        yield {
            "DB_POSTGRESDB_HOST": "127.0.0.1",
            "DB_POSTGRESDB_PORT": str(server.port),
            "REMEDIOS_DB_HOST": "127.0.0.1",
            "REMEDIOS_DB_PORT": str(server.port),
        }
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def n8n_home(tmp_path_factory: pytest.TempPathFactory, n8n_install: StackConfig) -> dict[str, str]:
    home = tmp_path_factory.mktemp("n8n-home")
    (home / ".n8n").mkdir()
    bin_dir = home / "bin"
    bin_dir.mkdir()
    (bin_dir / "n8n").symlink_to(n8n_install.n8n_bin)
    (bin_dir / "node").symlink_to(node_binary())
    return {
        "HOME": str(home),
        "N8N_USER_FOLDER": str(home),
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "REMEDIOS_N8N_PACKAGE_DIR": str(n8n_install.n8n_install_dir / "node_modules" / "n8n"),
    }


def run_import(
    compose: dict, database: dict[str, str], n8n_home: dict[str, str], **extra: str
) -> subprocess.CompletedProcess[str]:
    env = {
        **compose["n8n-import"]["environment"],
        **database,
        **n8n_home,
        "REMEDIOS_WORKFLOWS_DIR": str(ROOT / "n8n-workflows" / "workflows"),
        **extra,
    }
    # Its own process group: on a timeout the n8n CLI that import.mjs runs is killed with it (left alone, an
    # orphaned `n8n publish:workflow` whose database is gone spins at full CPU with gigabytes of memory).
    with subprocess.Popen(
        [node_binary(), str(DEPLOY / "n8n" / "import.mjs")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def test_import_then_n8n_as_compose_runs_them(
    compose: dict, database: dict[str, str], n8n_home: dict[str, str], tmp_path: Path
) -> None:
    first = run_import(compose, database, n8n_home)
    assert first.returncode == 0, first.stdout[-4000:] + first.stderr[-4000:]
    expected = workflow_ids()
    assert f"imported and published {len(expected)} workflow(s): {', '.join(expected)}" in first.stdout
    # Credentials, workflows and every publication in one n8n process (deploy/n8n/batch.mjs).
    assert first.stdout.count("$ n8n batch") == 1 and "$ n8n batch --credentials --workflows" in first.stdout

    again = run_import(compose, database, n8n_home)
    assert again.returncode == 0, again.stderr
    assert "$ n8n" not in again.stdout, "an unchanged repository must not be imported again"

    # A second deploy before n8n ever started (the first one failed later, then files changed): the import
    # runs over workflows published by the CLI but never activated by a running n8n.
    forced = run_import(compose, database, n8n_home, REMEDIOS_WORKFLOW_IMPORT="always")
    assert forced.returncode == 0, forced.stdout[-4000:] + forced.stderr[-4000:]
    assert f"imported and published {len(expected)} workflow(s)" in forced.stdout
    # n8n refused that import; batch.mjs unpublished ours and imported again, in the same process (the webhook
    # answering below proves they were published again).
    assert "import refused (You do not have permission to deactivate this workflow" in forced.stdout
    assert f"unpublishing {len(expected)} workflow(s), importing again" in forced.stdout

    port = free_port()
    env = {
        **compose["n8n"]["environment"],
        **database,
        **n8n_home,
        "N8N_PORT": str(port),
        "N8N_LISTEN_ADDRESS": "127.0.0.1",
        "N8N_RUNNERS_BROKER_PORT": str(free_port()),
    }
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "n8n.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            ["sh", str(DEPLOY / "n8n" / "start.sh"), *compose["n8n"]["command"]],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        check = [
            node_binary(),
            str(DEPLOY / "n8n" / "healthcheck.mjs"),
            f"{base}/healthz/readiness",
            f"{base}/webhook/remedios-history",
        ]
        deadline = time.monotonic() + 180
        while True:
            assert process.poll() is None, log_path.read_text()[-4000:]
            healthy = subprocess.run(check, capture_output=True, text=True, timeout=30)
            if healthy.returncode == 0:
                break
            assert time.monotonic() < deadline, healthy.stderr + log_path.read_text()[-4000:]
            time.sleep(2)

        token = compose["gateway"]["environment"]["N8N_WEBHOOK_TOKEN"]
        history = httpx.get(
            f"{base}/webhook/remedios-history",
            params={"conversation_id": "web:deploy-test"},
            headers={"X-Remedios-Token": token},
            timeout=30,
        )
        assert history.status_code == 200, history.text
        refused = httpx.get(f"{base}/webhook/remedios-history", params={"conversation_id": "x"}, timeout=30)
        assert refused.status_code == 403

        owner = compose["n8n"]["environment"]
        login = httpx.post(
            f"{base}/rest/login",
            timeout=30,
            json={
                "emailOrLdapLoginId": owner["N8N_INSTANCE_OWNER_EMAIL"],
                "password": owner["N8N_OWNER_PASSWORD"],
            },
        )
        assert login.status_code == 200, login.text
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    # An upgrade whose workflow files changed: n8n stopped, the import runs over the published workflows.
    upgrade = run_import(compose, database, n8n_home, REMEDIOS_WORKFLOW_IMPORT="always")
    assert upgrade.returncode == 0, upgrade.stdout[-4000:] + upgrade.stderr[-4000:]
    assert f"imported and published {len(expected)} workflow(s)" in upgrade.stdout
