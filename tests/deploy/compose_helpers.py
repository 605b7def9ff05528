"""Helpers of the deployment tests: docker-compose runs against a throw-away env file."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from devstack.processes import free_port  # noqa: F401  (the tests import it from here)
from tests.support.node_js import node_binary  # noqa: F401  (tests/estimates imports it from here)

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"

SECRETS = (
    "POSTGRES_PASSWORD",
    "REMEDIOS_DB_PASSWORD",
    "N8N_DB_PASSWORD",
    "N8N_ENCRYPTION_KEY",
    "N8N_WEBHOOK_TOKEN",
    "REMEDIOS_CALLBACK_SECRET",
    "N8N_OWNER_PASSWORD",
    "REMEDIOS_STAFF_FORM_PASSWORD",
    "LLM_API_KEY",
    "REDIS_PASSWORD",
)
# The values .env.example's comments give for the scale profile.
SCALE_SETTINGS = {
    "COMPOSE_PROFILES": "scale",
    "N8N_EXECUTIONS_MODE": "queue",
    "GATEWAY_HUB_URL": "redis://redis:6379/0",
    "GATEWAY_N8N_URL": "http://n8n-webhook:5678",
    "N8N_GATEWAY_CALLBACK_URL": "http://gateway-lb:8080/callbacks/n8n",
    "REMEDIOS_LLM_URL": "http://llm-lb:4891",
}


def docker_compose_binary() -> str:
    found = shutil.which("docker-compose")
    if not found:
        pytest.fail(
            "docker-compose is not installed: the deployment tests validate docker-compose.yml with it. "
            "Run scripts/setup.sh (it installs Debian's docker-compose) or `apt-get install docker-compose`.",
            pytrace=False,
        )
    return found


def env_example_values() -> dict[str, str]:
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.match(r"^([A-Z][A-Z0-9_]*)=(.*)$", line)
        if match:
            values[match.group(1)] = match.group(2)
    return values


def write_env_file(path: Path, **overrides: str) -> Path:
    """.env.example with every secret filled in (as a user would), plus `overrides`."""
    values = env_example_values()
    for index, name in enumerate(SECRETS):
        values[name] = f"Test-secret-{index}-{name.lower()}"
    values.update(overrides)
    path.write_text("".join(f"{key}={value}\n" for key, value in values.items()))
    return path


def run_compose(env_file: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # A clean environment: a variable exported in the developer's shell must not change what is tested.
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "LC_ALL") if key in os.environ}
    return subprocess.run(
        [
            docker_compose_binary(),
            "--project-directory",
            str(ROOT),
            "-f",
            str(COMPOSE_FILE),
            "--env-file",
            str(env_file),
            *args,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def resolved_config(env_file: Path, *profiles: str) -> dict:
    """`docker-compose config` (interpolated and normalised) parsed, with only the services the profiles
    start (docker-compose 1.29 prints every service; Docker Compose v2 filters them itself)."""
    args = [arg for profile in profiles for arg in ("--profile", profile)]
    result = run_compose(env_file, *args, "config")
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load(result.stdout)
    config["services"] = {
        name: service
        for name, service in config["services"].items()
        if not service.get("profiles") or set(service["profiles"]) & set(profiles)
    }
    return config


def n8n_pinned_version() -> str:
    return json.loads((ROOT / "n8n-runtime" / "package.json").read_text())["dependencies"]["n8n"]


def start_embedded_postgres(root: Path, password: str):  # -> devstack.postgres.EmbeddedPostgres
    """A private PostgreSQL 18 (the local runner's embedded cluster) on a free port. A start that fails
    (the port taken between choosing and binding it, a loaded machine) is retried in a fresh folder."""
    from devstack.postgres import EmbeddedPostgres

    error: Exception | None = None
    for attempt in range(3):
        server = EmbeddedPostgres(root / f"attempt-{attempt}" / "data", free_port(), password)
        try:
            server.start()
            return server
        except RuntimeError as exc:
            error = exc
            server.stop()
    raise RuntimeError(f"embedded PostgreSQL did not start three times: {error}")
