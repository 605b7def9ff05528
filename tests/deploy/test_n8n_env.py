"""The local runner gives n8n only the environment it needs: a workflow can read n8n's environment ($env), so
nothing else from the shell that started `make run` (cloud keys, tokens, SMTP_PASSWORD…) may reach it."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from devstack.config import StackConfig
from devstack.n8n import n8n_environment
from devstack.postgres import DatabaseInfo

ROOT = Path(__file__).resolve().parents[2]
SHELL = {
    "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/home/fontanero", "LANG": "es_ES.UTF-8", "LC_ALL": "es_ES.UTF-8",
    "TZ": "Europe/Madrid", "TMPDIR": "/tmp",
    # what must not get through
    "AWS_SECRET_ACCESS_KEY": "aws-secret", "GITHUB_TOKEN": "ghp_x", "SMTP_PASSWORD": "smtp-secret",
    "REMEDIOS_STAFF_FORM_PASSWORD": "form-secret", "LLM_API_KEY": "llm-secret", "DATABASE_URL": "postgresql://u:p@h/d",
    "N8N_SOMETHING": "from-the-shell", "DB_POSTGRESDB_PASSWORD": "shell-db-password", "SSH_AUTH_SOCK": "/tmp/agent",
    # read on purpose
    "REMEDIOS_STAFF_EMAIL": "oficina@example.com", "N8N_LOG_LEVEL": "debug",
}


def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """n8n's environment when `make run` is started from a shell whose environment is SHELL."""
    config = StackConfig.from_env({"REMEDIOS_RUN_DIR": str(tmp_path / "run")})
    secrets = {"N8N_ENCRYPTION_KEY": "enc-key"}
    n8n_db = DatabaseInfo("127.0.0.1", 54329, "n8n", "n8n-db-password", "n8n")
    monkeypatch.setattr(os, "environ", dict(SHELL))
    return n8n_environment(config, secrets, n8n_db, llm_model_id="remedios-local")


def test_n8n_gets_the_basics_and_what_the_runner_sets_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = environment(tmp_path, monkeypatch)
    for name in ("AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "SMTP_PASSWORD", "REMEDIOS_STAFF_FORM_PASSWORD",
                 "LLM_API_KEY", "DATABASE_URL", "N8N_SOMETHING", "SSH_AUTH_SOCK"):
        assert name not in env, name
    assert "secret" not in json.dumps(env)
    assert env["DB_POSTGRESDB_PASSWORD"] == "n8n-db-password"  # the runner's value, not the shell's
    for name in ("HOME", "LANG", "LC_ALL", "TZ", "TMPDIR"):
        assert env[name] == SHELL[name], name
    assert env["PATH"].endswith(":" + SHELL["PATH"]) and env["PATH"].split(":")[0].endswith("/bin")  # Node 24 first
    assert env["REMEDIOS_STAFF_EMAIL"] == "oficina@example.com" and env["N8N_LOG_LEVEL"] == "debug"
    from_shell = {k for k in env if k in SHELL and env[k] == SHELL[k]}
    assert from_shell == {"HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "REMEDIOS_STAFF_EMAIL", "N8N_LOG_LEVEL"}
    for name in env:
        assert name.startswith(("N8N_", "DB_", "REMEDIOS_", "EXECUTIONS_")) or name in (
            *from_shell, "PATH", "NODE_ENV"), f"unexpected variable {name}"


def test_env_access_stays_on_only_because_the_workflows_read_these_addresses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """N8N_BLOCK_ENV_ACCESS_IN_NODE=true would make every `$env.…` throw ('access to env vars denied'); the
    workflows read exactly these non-secret addresses, which the runner sets."""
    used = set()
    for path in (ROOT / "n8n-workflows" / "workflows").glob("*.json"):
        used |= set(re.findall(r"\$env\.([A-Z_][A-Z0-9_]*)", path.read_text(encoding="utf-8")))
    assert used == {"REMEDIOS_LLM_BASE_URL", "REMEDIOS_LLM_MODEL", "REMEDIOS_GATEWAY_CALLBACK_URL",
                    "REMEDIOS_PUBLIC_URL", "REMEDIOS_STAFF_EMAIL", "REMEDIOS_MAIL_FROM", "REMEDIOS_CHAT_WEBHOOK_URL"}
    env = environment(tmp_path, monkeypatch)
    assert env["N8N_BLOCK_ENV_ACCESS_IN_NODE"] == "false"
    assert used <= set(env)
