"""Secrets of a local installation: made once, kept in ``<run dir>/secrets.env``.

The file is created mode 0600 (never readable by others, not even for a moment) and the run folder is 0700;
a looser file or folder left by an older version is tightened on the next start.

An environment variable of the same name wins over the file, so a deployment can inject its own.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from .private import open_private, private_dir, write_private

SECRET_NAMES = (
    "N8N_ENCRYPTION_KEY",        # encrypts n8n credentials; the CLI and the server must share it
    "REMEDIOS_CALLBACK_SECRET",  # HMAC key of n8n -> gateway callbacks
    "N8N_WEBHOOK_TOKEN",         # header token of gateway -> n8n webhooks
    "REMEDIOS_DB_PASSWORD",      # password of the embedded Postgres roles
    "N8N_OWNER_PASSWORD",        # n8n editor login of the owner account
    "REMEDIOS_STAFF_FORM_PASSWORD",  # login of the staff price form (n8n /form/remedios-precios)
)


def load_or_create(run_dir: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ if env is None else env)
    private_dir(run_dir)
    path = run_dir / "secrets.env"
    stored = _read(path)
    missing = [name for name in SECRET_NAMES if name not in stored]
    if missing:
        for name in missing:
            stored[name] = _new_secret(name)
        write_private(path, "".join(f"{k}={v}\n" for k, v in stored.items()))
    return {name: env.get(name) or stored[name] for name in SECRET_NAMES}


def _new_secret(name: str) -> str:
    if name == "N8N_OWNER_PASSWORD":
        # n8n wants 8+ characters with a number and a capital letter.
        return "Remedios-" + secrets.token_urlsafe(12) + "9"
    return secrets.token_hex(24)


def _read(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    os.close(open_private(path, os.O_RDONLY))  # tightens a file an older version left readable to others
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {k.strip(): v.strip() for k, v in pairs}
