"""The local runner gives the gateway and the LLM server the machine's basics and their own variables only
(devstack/process_env.py), as it does for n8n (test_n8n_env.py): the shell that started `make run` and the other
parts' secrets stay out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from devstack.config import StackConfig
from devstack.process_env import gateway_environment, llm_server_environment
from devstack.stack import Stack

SHELL = {
    "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/home/fontanero", "LANG": "es_ES.UTF-8", "LC_ALL": "es_ES.UTF-8",
    "TZ": "Europe/Madrid", "TMPDIR": "/tmp",
    # the person's own, and other parts' secrets
    "AWS_SECRET_ACCESS_KEY": "aws-secret", "GITHUB_TOKEN": "ghp_x", "SSH_AUTH_SOCK": "/tmp/agent",
    "FOO_SECRET": "foo-secret-value", "DATABASE_URL": "postgresql://u:p@h/d", "N8N_OWNER_PASSWORD": "owner-secret",
    "N8N_ENCRYPTION_KEY": "enc-secret", "REMEDIOS_STAFF_FORM_PASSWORD": "form-secret", "SMTP_PASSWORD": "smtp-secret",
    # the gateway's
    "GATEWAY_LOG_LEVEL": "debug", "WHATSAPP_ACCESS_TOKEN": "wa-token", "SPEECH_ENGINE": "vosk",
    "N8N_WEBHOOK_TOKEN": "hook-token",
    # the LLM server's
    "LLM_API_KEY": "llm-key", "LLM_N_BATCH": "64", "OMP_NUM_THREADS": "2",
}
NEVER = ("AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "SSH_AUTH_SOCK", "FOO_SECRET", "DATABASE_URL", "N8N_OWNER_PASSWORD",
         "N8N_ENCRYPTION_KEY", "REMEDIOS_STAFF_FORM_PASSWORD", "SMTP_PASSWORD")
BASICS = {"PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR"}


def test_the_gateway_gets_its_own_variables_and_the_basics() -> None:
    env = gateway_environment(SHELL)
    assert set(env) == BASICS | {"GATEWAY_LOG_LEVEL", "WHATSAPP_ACCESS_TOKEN", "SPEECH_ENGINE", "N8N_WEBHOOK_TOKEN"}
    assert all(env[k] == SHELL[k] for k in env)


def test_the_llm_server_gets_its_own_variables_and_the_basics() -> None:
    env = llm_server_environment(SHELL)
    assert set(env) == BASICS | {"LLM_API_KEY", "LLM_N_BATCH", "OMP_NUM_THREADS"}


def test_the_runner_starts_them_with_those_environments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF")
    config = StackConfig.from_env({"REMEDIOS_RUN_DIR": str(tmp_path / "run"), "LLM_MODEL": str(model)})
    stack = Stack(config)
    stack.secrets = {"N8N_WEBHOOK_TOKEN": "runner-token", "REMEDIOS_CALLBACK_SECRET": "runner-secret"}
    monkeypatch.setattr(os, "environ", dict(SHELL))
    gateway = stack.gateway_env()
    llm = stack._llm_process().env
    for name in NEVER:
        assert name not in gateway and name not in llm, name
    assert gateway["N8N_WEBHOOK_TOKEN"] == "runner-token" and gateway["REMEDIOS_CALLBACK_SECRET"] == "runner-secret"
    assert gateway["GATEWAY_LOG_LEVEL"] == "debug" and "LLM_API_KEY" not in gateway
    assert llm["LLM_API_KEY"] == "llm-key" and "WHATSAPP_ACCESS_TOKEN" not in llm and "N8N_WEBHOOK_TOKEN" not in llm
