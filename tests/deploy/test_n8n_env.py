"""The local runner gives n8n only the environment it needs, and n8n lets no workflow read it
(N8N_BLOCK_ENV_ACCESS_IN_NODE=true): nothing of the shell that started `make run` (cloud keys, tokens,
SMTP_PASSWORD…) may reach n8n, and the workflows' addresses come from Postgres (remedios_settings), not $env."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from devstack.config import StackConfig
from devstack.n8n import n8n_environment
from devstack.postgres import DatabaseInfo
from devstack.workflow_settings import SETTING_VARIABLES, runner_settings

ROOT = Path(__file__).resolve().parents[2]
SHELL = {
    "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/home/fontanero", "LANG": "es_ES.UTF-8", "LC_ALL": "es_ES.UTF-8",
    "TZ": "Europe/Madrid", "TMPDIR": "/tmp",
    # what must not get through
    "AWS_SECRET_ACCESS_KEY": "aws-secret", "GITHUB_TOKEN": "ghp_x", "SMTP_PASSWORD": "smtp-secret",
    "REMEDIOS_STAFF_FORM_PASSWORD": "form-secret", "LLM_API_KEY": "llm-secret", "DATABASE_URL": "postgresql://u:p@h/d",
    "N8N_SOMETHING": "from-the-shell", "DB_POSTGRESDB_PASSWORD": "shell-db-password", "SSH_AUTH_SOCK": "/tmp/agent",
    "FOO_SECRET": "foo-secret-value",
    # now a row of remedios_settings (devstack/workflow_settings.py), no longer n8n's environment
    "REMEDIOS_STAFF_EMAIL": "oficina@example.com", "REMEDIOS_PUBLIC_URL": "https://obra.example.com",
    # read on purpose
    "N8N_LOG_LEVEL": "debug",
}


def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """n8n's environment when `make run` is started from a shell whose environment is SHELL."""
    config = StackConfig.from_env({"REMEDIOS_RUN_DIR": str(tmp_path / "run")})
    secrets = {"N8N_ENCRYPTION_KEY": "enc-key"}
    n8n_db = DatabaseInfo("127.0.0.1", 54329, "n8n", "n8n-db-password", "n8n")
    monkeypatch.setattr(os, "environ", dict(SHELL))
    return n8n_environment(config, secrets, n8n_db)


def test_n8n_gets_the_basics_and_what_the_runner_sets_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = environment(tmp_path, monkeypatch)
    for name in ("AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "SMTP_PASSWORD", "REMEDIOS_STAFF_FORM_PASSWORD",
                 "LLM_API_KEY", "DATABASE_URL", "N8N_SOMETHING", "SSH_AUTH_SOCK", "FOO_SECRET"):
        assert name not in env, name
    assert "secret" not in json.dumps(env)
    assert env["DB_POSTGRESDB_PASSWORD"] == "n8n-db-password"  # the runner's value, not the shell's
    for name in ("HOME", "LANG", "LC_ALL", "TZ", "TMPDIR"):
        assert env[name] == SHELL[name], name
    assert env["PATH"].endswith(":" + SHELL["PATH"]) and env["PATH"].split(":")[0].endswith("/bin")  # Node 24 first
    assert env["N8N_LOG_LEVEL"] == "debug"
    from_shell = {k for k in env if k in SHELL and env[k] == SHELL[k]}
    assert from_shell == {"HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "N8N_LOG_LEVEL"}
    for name in env:
        assert name.startswith(("N8N_", "DB_", "EXECUTIONS_")) or name in (*from_shell, "PATH", "NODE_ENV"), \
            f"unexpected variable {name}"


def test_no_workflow_can_read_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 16: env access is blocked, and so no workflow reads `$env` (it would throw 'access to env vars
    denied'), not even the addresses: those are rows of remedios_settings (tests/workflows: "Load settings")."""
    env = environment(tmp_path, monkeypatch)
    assert env["N8N_BLOCK_ENV_ACCESS_IN_NODE"] == "true"
    assert not [name for name in env if name.startswith("REMEDIOS_")]
    for path in (ROOT / "n8n-workflows" / "workflows").glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert "$env" not in text and "process.env" not in text, path.name


def test_the_runner_s_settings_go_to_postgres_from_its_own_configuration(tmp_path: Path) -> None:
    """What the runner writes into remedios_settings: its own addresses, and from the shell only the three
    settings it documents (README.md, Configuration); nothing else of the shell."""
    config = StackConfig.from_env({"REMEDIOS_RUN_DIR": str(tmp_path / "run")}, gateway_port=8123, n8n_port=5999,
                                  llm_port=4999)
    values = runner_settings(config, llm_model_id="remedios-local", environ=SHELL)
    assert values == {
        "gateway_callback_url": "http://127.0.0.1:8123/callbacks/n8n",
        "chat_webhook_url": "http://127.0.0.1:5999/webhook/remedios-chat",
        "llm_base_url": "http://127.0.0.1:4999/v1",
        "llm_relay_url": "http://127.0.0.1:8123/llm/v1",
        "llm_model": "remedios-local",
        "public_url": "https://obra.example.com",
        "staff_email": "oficina@example.com",
        "mail_from": "",  # not set: the table keeps its value
    }
    assert set(values) == set(SETTING_VARIABLES)
    assert "secret" not in json.dumps(values)
    bare = runner_settings(config, llm_model_id="m", environ={})
    assert bare["public_url"] == "http://127.0.0.1:8123" and bare["staff_email"] == ""
