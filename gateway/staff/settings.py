"""Settings of the staff console, read from the environment like the gateway's own (gateway/env.py)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from gateway.env import EnvReader
from gateway.settings import Settings

STAFF_WEBHOOK_PATH = "remedios-staff"


@dataclass(frozen=True)
class StaffSettings:
    # The staff webhook of n8n. Default: `remedios-staff` next to N8N_CHAT_WEBHOOK_URL.
    webhook_url: str
    # How long the gateway waits for n8n's decision on one staff request.
    timeout_s: float = 20.0
    # Largest frame a staff socket may send (a reply is at most 4,000 characters).
    max_frame_bytes: int = 32 * 1024
    # Log-in attempts per client address and minute (a burst of as many, then one every 60/N s); 0 = no limit.
    # Each attempt costs Postgres about 0.2 s of hashing, so guessing is slow and cannot load the database.
    logins_per_minute: int = 5

    @classmethod
    def from_env(cls, settings: Settings, environ: Mapping[str, str] | None = None) -> StaffSettings:
        reader = EnvReader(os.environ if environ is None else environ)
        default_url = settings.n8n_chat_webhook_url.rsplit("/", 1)[0] + "/" + STAFF_WEBHOOK_PATH
        return cls(
            webhook_url=reader.url("N8N_STAFF_WEBHOOK_URL", default_url),
            timeout_s=float(reader.integer("GATEWAY_STAFF_TIMEOUT", 20, minimum=1, maximum=120)),
            logins_per_minute=reader.integer("GATEWAY_STAFF_LOGINS_PER_MINUTE", 5, minimum=0),
        )
