from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gateway.settings import Settings, SettingsError

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_match_the_contract() -> None:
    s = Settings.from_env({})
    assert (s.host, s.port) == ("127.0.0.1", 8000)
    assert s.data_dir == Path("run/gateway")
    assert s.n8n_chat_webhook_url == "http://127.0.0.1:5678/webhook/remedios-chat"
    assert s.n8n_history_webhook_url == "http://127.0.0.1:5678/webhook/remedios-history"
    assert s.n8n_health_url == "http://127.0.0.1:5678/healthz/readiness"
    assert s.callback_max_age == 300
    assert s.max_message_chars == 4000
    assert s.max_frame_bytes == 16 * 1024
    assert s.history_limit == 100
    assert s.outbox_synchronous == "NORMAL"


def test_reads_every_variable() -> None:
    env = {
        "GATEWAY_HOST": "0.0.0.0",
        "GATEWAY_PORT": "9001",
        "GATEWAY_DATA_DIR": "/tmp/x",
        "N8N_CHAT_WEBHOOK_URL": "http://n8n:5678/webhook/a",
        "N8N_HISTORY_WEBHOOK_URL": "http://n8n:5678/webhook/b",
        "N8N_HEALTH_URL": "http://n8n:5678/healthz",
        "N8N_WEBHOOK_TOKEN": "tok",
        "REMEDIOS_CALLBACK_SECRET": "sec",
        "GATEWAY_CALLBACK_MAX_AGE": "60",
        "GATEWAY_MAX_MESSAGE_CHARS": "100",
        "GATEWAY_MAX_FRAME_BYTES": "2048",
        "GATEWAY_DELIVERY_CONCURRENCY": "3",
        "GATEWAY_DELIVERY_TIMEOUT": "2.5",
        "GATEWAY_BACKOFF_BASE": "0.1",
        "GATEWAY_BACKOFF_MAX": "5",
        "GATEWAY_OUTBOX_SYNCHRONOUS": "full",
        "GATEWAY_LOG_LEVEL": "debug",
    }
    s = Settings.from_env(env)
    assert s.host == "0.0.0.0" and s.port == 9001 and s.data_dir == Path("/tmp/x")
    assert s.n8n_chat_webhook_url.endswith("/a") and s.n8n_history_webhook_url.endswith("/b")
    assert s.n8n_health_url.endswith("/healthz")
    assert s.n8n_webhook_token == "tok" and s.callback_secret == "sec"
    assert (s.callback_max_age, s.max_message_chars, s.max_frame_bytes) == (60, 100, 2048)
    assert (s.delivery_concurrency, s.delivery_timeout) == (3, 2.5)
    assert (s.backoff_base, s.backoff_max) == (0.1, 5.0)
    assert s.outbox_synchronous == "FULL" and s.log_level == "DEBUG"
    assert s.outbox_path == Path("/tmp/x/outbox.sqlite3")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("GATEWAY_PORT", "eighty"),
        ("GATEWAY_PORT", "70000"),
        ("GATEWAY_MAX_MESSAGE_CHARS", "0"),
        ("GATEWAY_DELIVERY_TIMEOUT", "nan"),
        ("N8N_CHAT_WEBHOOK_URL", "ftp://x"),
        ("GATEWAY_LOG_LEVEL", "chatty"),
        ("GATEWAY_OUTBOX_SYNCHRONOUS", "OFF"),
    ],
)
def test_malformed_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value})


def test_backoff_max_below_base_is_refused() -> None:
    with pytest.raises(SettingsError, match="GATEWAY_BACKOFF_MAX"):
        Settings.from_env({"GATEWAY_BACKOFF_BASE": "2", "GATEWAY_BACKOFF_MAX": "1"})


def test_settings_are_frozen() -> None:
    s = Settings()
    with pytest.raises(AttributeError):
        s.port = 1  # type: ignore[misc]


@pytest.mark.parametrize("secret", [None, "", "   "])
def test_serving_requires_a_callback_secret(secret: str | None) -> None:
    env = {} if secret is None else {"REMEDIOS_CALLBACK_SECRET": secret}
    with pytest.raises(SettingsError, match="REMEDIOS_CALLBACK_SECRET"):
        Settings.from_env(env).require_serving()
    Settings.from_env({"REMEDIOS_CALLBACK_SECRET": "s3cret"}).require_serving()


def test_python_m_gateway_refuses_to_start_without_secret(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "REMEDIOS_CALLBACK_SECRET"}
    env.update(GATEWAY_DATA_DIR=str(tmp_path), GATEWAY_PORT="0", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "gateway"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=20
    )
    assert proc.returncode == 2
    assert "REMEDIOS_CALLBACK_SECRET" in proc.stderr
    assert not (tmp_path / "outbox.sqlite3").exists()


def test_python_m_gateway_refuses_an_unusable_data_dir(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    env = {**os.environ, "REMEDIOS_CALLBACK_SECRET": "s", "GATEWAY_DATA_DIR": str(blocker / "sub"),
           "GATEWAY_PORT": "0", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "gateway"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=20
    )
    assert proc.returncode == 2
    assert "GATEWAY_DATA_DIR" in proc.stderr and "Traceback" not in proc.stderr


WHATSAPP_CREDENTIALS = ("WHATSAPP_VERIFY_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_ACCESS_TOKEN",
                        "WHATSAPP_PHONE_NUMBER_ID")


@pytest.mark.parametrize("given", [0, 1, 2, 3, 4])
def test_whatsapp_is_all_or_nothing(given: int) -> None:
    """All four WhatsApp credentials or none: some of them is a half-configured channel, refused at start."""
    env = {"REMEDIOS_CALLBACK_SECRET": "s3cret"} | {name: "x" for name in WHATSAPP_CREDENTIALS[:given]}
    settings = Settings.from_env(env)
    if given in (0, 4):
        settings.require_serving()
        assert settings.whatsapp_enabled == (given == 4)
    else:
        with pytest.raises(SettingsError, match="half configured") as refused:
            settings.require_serving()
        assert all(name in str(refused.value) for name in WHATSAPP_CREDENTIALS[given:])


def test_the_staff_console_settings_are_part_of_the_one_settings_object() -> None:
    default = Settings.from_env({})
    assert default.staff_webhook_url == "http://127.0.0.1:5678/webhook/remedios-staff"
    assert (default.staff.timeout_s, default.staff.logins_per_minute) == (20.0, 5)
    moved = Settings.from_env({"N8N_CHAT_WEBHOOK_URL": "http://n8n:5678/webhook/remedios-chat",
                               "GATEWAY_STAFF_TIMEOUT": "45", "GATEWAY_STAFF_LOGINS_PER_MINUTE": "0"})
    assert moved.staff_webhook_url == "http://n8n:5678/webhook/remedios-staff", "next to the chat webhook"
    assert (moved.staff.timeout_s, moved.staff.logins_per_minute) == (45.0, 0)
    assert Settings.from_env({"N8N_STAFF_WEBHOOK_URL": "http://x:1/webhook/s"}).staff_webhook_url == \
        "http://x:1/webhook/s"
    for name, value in (("GATEWAY_STAFF_TIMEOUT", "0"), ("GATEWAY_STAFF_TIMEOUT", "500"),
                        ("GATEWAY_STAFF_LOGINS_PER_MINUTE", "-1"), ("N8N_STAFF_WEBHOOK_URL", "nota-url")):
        with pytest.raises(SettingsError, match=name):
            Settings.from_env({name: value})
