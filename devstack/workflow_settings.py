"""The workflows' settings: the rows of the Postgres table ``remedios_settings`` (n8n-workflows/schema.sql).

n8n runs with N8N_BLOCK_ENV_ACCESS_IN_NODE=true, so the addresses the workflows need (where replies go, the
model, the customers' base URL, the staff e-mail) are not in n8n's environment: the runner writes them into the
table at every start, and each workflow reads them with its "Load settings" node. An empty value writes nothing
(remedios_settings_put), so a choice the configuration leaves open keeps what staff wrote in the table.
"""

from __future__ import annotations

from collections.abc import Mapping

import psycopg

from .config import StackConfig
from .postgres import DatabaseInfo

# Each setting and the variable that sets it: the names the workflows read through $env before issue 16, and
# the ones compose's db-init still gets (docker-compose.yml). The local runner reads only the last three from
# its environment; it makes the addresses from its own ports.
SETTING_VARIABLES = {
    "gateway_callback_url": "REMEDIOS_GATEWAY_CALLBACK_URL",
    "chat_webhook_url": "REMEDIOS_CHAT_WEBHOOK_URL",
    "llm_base_url": "REMEDIOS_LLM_BASE_URL",
    "llm_relay_url": "REMEDIOS_LLM_RELAY_URL",
    "llm_model": "REMEDIOS_LLM_MODEL",
    "public_url": "REMEDIOS_PUBLIC_URL",
    "staff_email": "REMEDIOS_STAFF_EMAIL",
    "mail_from": "REMEDIOS_MAIL_FROM",
}
SETTING_OF_VARIABLE = {variable: key for key, variable in SETTING_VARIABLES.items()}


def runner_settings(config: StackConfig, *, llm_model_id: str, environ: Mapping[str, str]) -> dict[str, str]:
    """What the local runner writes at every start: its own addresses; the customers' base URL from
    REMEDIOS_PUBLIC_URL (else the gateway's address); the staff e-mail settings from REMEDIOS_STAFF_EMAIL and
    REMEDIOS_MAIL_FROM (empty or unset: the table keeps its value)."""
    return {
        "gateway_callback_url": config.gateway_url + "/callbacks/n8n",
        "chat_webhook_url": config.n8n_url + "/webhook/remedios-chat",
        "llm_base_url": config.llm_url + "/v1",
        # The chat's model calls go through the gateway's relay, which streams the answer to the page.
        "llm_relay_url": config.gateway_url + "/llm/v1",
        "llm_model": llm_model_id,
        "public_url": environ.get("REMEDIOS_PUBLIC_URL", "").strip() or config.gateway_url,
        "staff_email": environ.get("REMEDIOS_STAFF_EMAIL", ""),
        "mail_from": environ.get("REMEDIOS_MAIL_FROM", ""),
    }


def write_settings(app_db: DatabaseInfo, values: Mapping[str, str]) -> dict[str, str]:
    """Writes `values` (empty ones are skipped by remedios_settings_put; an unknown key raises) and returns
    every setting as the workflows will read it."""
    with psycopg.connect(app_db.url) as conn:
        for key, value in values.items():
            conn.execute("SELECT remedios_settings_put(%s, %s)", (key, value))
    return read_settings(app_db)


def read_settings(app_db: DatabaseInfo) -> dict[str, str]:
    with psycopg.connect(app_db.url) as conn:
        return dict(conn.execute("SELECT key, value FROM remedios_settings ORDER BY key").fetchall())
