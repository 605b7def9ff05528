"""`make run` reads a `.env` at the repository root (the Compose file's names): the environment wins, empty
values mean unset, Compose-only names and the runner's own secrets are left out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import devstack.__main__ as devstack_main
from devstack.config import StackConfig
from devstack.dotenv import EnvFileError, apply_env_file, parse_env_file
from devstack.stack import Stack

ROOT = Path(__file__).resolve().parents[2]


def test_the_syntax_of_env_example_and_common_shell_habits() -> None:
    values = parse_env_file(
        "# comment\n\nWHATSAPP_ACCESS_TOKEN=EAAB-123\nexport SMTP_HOST = mail.example.com\n"
        "REMEDIOS_MAIL_FROM=\"Remedios <hola@example.com>\"\nSMTP_USER='user # not a comment'\n"
        "SMTP_PORT=587   # STARTTLS\nREMEDIOS_STAFF_EMAIL=\n")
    assert values == {
        "WHATSAPP_ACCESS_TOKEN": "EAAB-123", "SMTP_HOST": "mail.example.com",
        "REMEDIOS_MAIL_FROM": "Remedios <hola@example.com>", "SMTP_USER": "user # not a comment",
        "SMTP_PORT": "587", "REMEDIOS_STAFF_EMAIL": "",
    }


def test_env_example_itself_parses() -> None:
    assert "WHATSAPP_ACCESS_TOKEN" in parse_env_file((ROOT / ".env.example").read_text())


def test_a_malformed_line_is_named() -> None:
    with pytest.raises(EnvFileError, match="line 2"):
        parse_env_file("A=1\nthis is not a setting\n")


def test_environment_wins_empty_is_unset_compose_only_and_secrets_are_left_out(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "WHATSAPP_ACCESS_TOKEN=from-file\nSMTP_HOST=from-file\nREMEDIOS_STAFF_EMAIL=\n"
        "GATEWAY_HUB_URL=redis://redis:6379/0\nGATEWAY_N8N_URL=http://n8n:5678\n"
        "N8N_ENCRYPTION_KEY=compose-key\nREMEDIOS_DB_PASSWORD=compose-db\n")
    environ = {"SMTP_HOST": "from-shell"}
    report = apply_env_file(env_file, environ)
    assert environ == {"SMTP_HOST": "from-shell", "WHATSAPP_ACCESS_TOKEN": "from-file"}
    assert report is not None
    assert report.applied == ["WHATSAPP_ACCESS_TOKEN"]
    assert report.kept_from_environment == ["SMTP_HOST"]
    assert set(report.ignored) == {"GATEWAY_HUB_URL", "GATEWAY_N8N_URL", "N8N_ENCRYPTION_KEY", "REMEDIOS_DB_PASSWORD"}
    assert "from-file" not in report.summary() and "compose-key" not in report.summary()  # names, never values


def test_no_file_changes_nothing(tmp_path: Path) -> None:
    environ: dict[str, str] = {}
    assert apply_env_file(tmp_path / ".env", environ) is None and environ == {}


def test_the_runner_reads_the_repository_env_before_it_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".env").write_text("WHATSAPP_PHONE_NUMBER_ID=1234567890\nLLM_N_THREADS=1\n")
    monkeypatch.setattr(devstack_main, "ROOT", tmp_path)
    environ = {k: v for k, v in os.environ.items() if k not in ("WHATSAPP_PHONE_NUMBER_ID", "LLM_N_THREADS")}
    monkeypatch.setattr(os, "environ", environ)  # what the runner writes stays in this test
    seen: dict[str, object] = {}

    def fake_run() -> int:
        seen["phone"] = environ.get("WHATSAPP_PHONE_NUMBER_ID")
        seen["threads"] = StackConfig.from_env().llm_threads
        return 0

    monkeypatch.setattr(devstack_main, "run", fake_run)
    assert devstack_main.main(["run"]) == 0
    assert seen == {"phone": "1234567890", "threads": 1}
    assert "Read .env: 2 setting(s)" in capsys.readouterr().out
    # and the gateway the runner starts gets it
    stack = Stack(StackConfig.from_env(run_dir=tmp_path / "run"), secrets={
        "N8N_WEBHOOK_TOKEN": "t", "REMEDIOS_CALLBACK_SECRET": "s"})
    assert stack.gateway_env()["WHATSAPP_PHONE_NUMBER_ID"] == "1234567890"


def test_an_unreadable_env_stops_the_runner_with_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".env").write_text("WHATSAPP_VERIFY_TOKEN=ok\nnot a setting\n")
    monkeypatch.setattr(devstack_main, "ROOT", tmp_path)
    monkeypatch.setattr(os, "environ", dict(os.environ))
    monkeypatch.setattr(devstack_main, "run", lambda: pytest.fail("must not start"))
    assert devstack_main.main(["run"]) == 2
    assert "line 2" in capsys.readouterr().err


def test_env_is_not_committed() -> None:
    assert "/.env" in (ROOT / ".gitignore").read_text().splitlines()
