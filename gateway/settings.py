"""Gateway settings: one frozen dataclass read from the environment.

Every field has a documented default (see gateway/README.md). `Settings.from_env()` parses and
validates; `require_serving()` adds the checks that only matter when the gateway is about to serve.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gateway.env import EnvReader, SettingsError
from gateway.speech.settings import SpeechSettings

__all__ = ["LlmRelaySettings", "Settings", "SettingsError"]

_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_SYNC_MODES = ("NORMAL", "FULL")


@dataclass(frozen=True)
class LlmRelaySettings:
    """`Settings.llm_relay`: the model relay (gateway/llm_relay.py) and streamed drafts (gateway/drafts.py)."""

    # GATEWAY_LLM_URL: the LLM server's OpenAI-compatible base URL (the relay posts to `<url>/chat/completions`).
    url: str = "http://127.0.0.1:4891/v1"
    connect_timeout: float = 5.0  # GATEWAY_LLM_CONNECT_TIMEOUT
    # GATEWAY_LLM_TIMEOUT: longest silence from the LLM server (waiting in its queue, prefill) before giving up.
    read_timeout: float = 300.0
    # GATEWAY_LLM_SLOTS: how many answers the LLM server writes at once (1 for gpt4all; more with replicas or a
    # batched engine): the queue position a plumber sees is the number of earlier calls beyond these slots.
    slots: int = 1
    # GATEWAY_DRAFT_INTERVAL: at most one draft frame per conversation per this many seconds (the first token
    # goes out at once).
    draft_interval: float = 0.1
    # GATEWAY_DRAFT_TTL: a draft whose final reply never came (n8n failed after the model answered) is forgotten.
    draft_ttl: float = 600.0
    # GATEWAY_WHATSAPP_TYPING_REFRESH: WhatsApp cannot show a growing answer; the typing indicator is refreshed
    # this often (Meta shows it 25 s).
    typing_refresh: float = 20.0


STAFF_WEBHOOK_PATH = "remedios-staff"


@dataclass(frozen=True)
class StaffSettings:
    """`Settings.staff`: the staff console (gateway/staff/)."""

    # N8N_STAFF_WEBHOOK_URL: the staff webhook of n8n; "" (default) = `remedios-staff` next to
    # N8N_CHAT_WEBHOOK_URL (Settings.staff_webhook_url).
    webhook_url: str = ""
    # GATEWAY_STAFF_TIMEOUT: how long the gateway waits for n8n's decision on one staff request (1-120 s).
    timeout_s: float = 20.0
    # Largest frame a staff socket may send (a reply is at most 4,000 characters).
    max_frame_bytes: int = 32 * 1024
    # GATEWAY_STAFF_LOGINS_PER_MINUTE: log-in attempts per client address and minute (a burst of as many, then
    # one every 60/N s); 0 = no limit. Each attempt costs Postgres about 0.2 s of hashing, so guessing is slow
    # and cannot load the database.
    logins_per_minute: int = 5


def _staff_from_env(reader: EnvReader) -> StaffSettings:
    d = StaffSettings()
    return StaffSettings(
        webhook_url=(reader.optional("N8N_STAFF_WEBHOOK_URL") and reader.url("N8N_STAFF_WEBHOOK_URL", "")) or "",
        timeout_s=float(reader.integer("GATEWAY_STAFF_TIMEOUT", int(d.timeout_s), minimum=1, maximum=120)),
        logins_per_minute=reader.integer("GATEWAY_STAFF_LOGINS_PER_MINUTE", d.logins_per_minute, minimum=0),
    )


def _llm_relay_from_env(reader: EnvReader) -> LlmRelaySettings:
    d = LlmRelaySettings()
    return LlmRelaySettings(
        url=reader.url("GATEWAY_LLM_URL", d.url).rstrip("/"),
        connect_timeout=reader.number("GATEWAY_LLM_CONNECT_TIMEOUT", d.connect_timeout, minimum=0.01),
        read_timeout=reader.number("GATEWAY_LLM_TIMEOUT", d.read_timeout, minimum=0.01),
        slots=reader.integer("GATEWAY_LLM_SLOTS", d.slots, minimum=1),
        draft_interval=reader.number("GATEWAY_DRAFT_INTERVAL", d.draft_interval, minimum=0),
        draft_ttl=reader.number("GATEWAY_DRAFT_TTL", d.draft_ttl, minimum=1),
        typing_refresh=reader.number("GATEWAY_WHATSAPP_TYPING_REFRESH", d.typing_refresh, minimum=1),
    )


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: Path = Path("run/gateway")
    n8n_chat_webhook_url: str = "http://127.0.0.1:5678/webhook/remedios-chat"
    n8n_history_webhook_url: str = "http://127.0.0.1:5678/webhook/remedios-history"
    n8n_health_url: str = "http://127.0.0.1:5678/healthz/readiness"
    n8n_webhook_token: str = ""
    hub_url: str = ""
    # Password of the Redis hub when GATEWAY_HUB_URL carries none (Compose passes its REDIS_PASSWORD here).
    hub_password: str = ""
    callback_secret: str = ""
    callback_max_age: int = 300
    max_message_chars: int = 4000
    max_frame_bytes: int = 16 * 1024
    history_limit: int = 100
    history_timeout: float = 5.0
    health_timeout: float = 2.0
    delivery_concurrency: int = 8
    delivery_timeout: float = 15.0
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    outbox_synchronous: str = "NORMAL"
    outbox_retention: float = 7 * 24 * 3600.0
    outbox_max_rejections: int = 3
    reply_dedupe_size: int = 10_000
    rate_limit_burst: int = 20
    rate_limit_per_second: float = 2.0
    socket_queue_size: int = 256
    shutdown_timeout: float = 10.0
    log_level: str = "INFO"
    # /readyz details (outbox, sockets, errors) for clients other than this machine's: Authorization: Bearer <it>.
    # "" = loopback only; everyone else gets just the status.
    readyz_token: str = ""
    # Web origins whose pages may open /ws (checked against the handshake's Origin header). () = same host: the
    # Origin's host name is the one the request was sent to (Host header), any port. See gateway/README.md.
    allowed_origins: tuple[str, ...] = ()
    n8n_status_webhook_url: str = "http://127.0.0.1:5678/webhook/remedios-status"
    # The customer's estimate page (gateway/estimate_pages.py); "" = the remedios-estimate webhook next to
    # the chat webhook (see `estimate_page_webhook_url`).
    n8n_estimate_page_webhook_url: str = ""
    # WhatsApp Cloud API (gateway/README.md, "WhatsApp"): enabled when the four credentials are set.
    whatsapp_verify_token: str = ""
    whatsapp_app_secret: str = ""
    whatsapp_access_token: str = ""
    whatsapp_phone_number_id: str = ""
    whatsapp_graph_url: str = "https://graph.facebook.com/v23.0"
    whatsapp_media_max_bytes: int = 16 * 1024 * 1024
    whatsapp_timeout: float = 10.0
    whatsapp_send_attempts: int = 8
    whatsapp_concurrency: int = 4
    whatsapp_seen_retention: float = 30 * 24 * 3600.0
    # Abuse limits (gateway/limits.py; gateway/README.md, "Abuse limits"): per client address and for the whole
    # gateway. 0 turns a limit off. The address is the socket's peer, or, from a trusted proxy (addresses/CIDRs
    # normalised as "10.0.0.0/8"), the client its X-Forwarded-For names.
    trusted_proxies: tuple[str, ...] = ()
    address_messages_per_minute: int = 30
    address_max_sockets: int = 20
    address_new_conversations_per_minute: int = 20
    address_max_pending: int = 5
    address_max_uploads: int = 2
    max_sockets: int = 1000
    new_conversations_per_minute: int = 300
    max_uploads: int = 8
    upload_max_buffered_bytes: int = 64 * 1024 * 1024
    pending_timeout: float = 300.0
    ws_idle_timeout: float = 300.0
    # Voice notes (SPEECH_* variables, gateway/speech/README.md). Text chat never depends on them.
    speech: SpeechSettings = field(default_factory=SpeechSettings)
    # The model relay and streamed drafts (GATEWAY_LLM_* variables, gateway/llm_relay.py).
    llm_relay: LlmRelaySettings = field(default_factory=LlmRelaySettings)
    # The staff console (N8N_STAFF_WEBHOOK_URL, GATEWAY_STAFF_* variables, gateway/staff/).
    staff: StaffSettings = field(default_factory=StaffSettings)

    @property
    def outbox_path(self) -> Path:
        return self.data_dir / "outbox.sqlite3"

    @property
    def ws_hard_limit_bytes(self) -> int:
        """Frames above this are refused by Hypercorn itself (connection closed with 1009).

        Between max_frame_bytes and this limit the client gets a polite `frame_too_large` error event.
        """
        return max(64 * self.max_frame_bytes, 1024 * 1024)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        reader = EnvReader(env)
        d = cls()
        settings = cls(
            host=reader.text("GATEWAY_HOST", d.host),
            port=reader.integer("GATEWAY_PORT", d.port, minimum=0, maximum=65535),
            data_dir=Path(reader.text("GATEWAY_DATA_DIR", str(d.data_dir))),
            n8n_chat_webhook_url=reader.url("N8N_CHAT_WEBHOOK_URL", d.n8n_chat_webhook_url),
            n8n_history_webhook_url=reader.url("N8N_HISTORY_WEBHOOK_URL", d.n8n_history_webhook_url),
            n8n_health_url=reader.url("N8N_HEALTH_URL", d.n8n_health_url),
            n8n_webhook_token=reader.header_value("N8N_WEBHOOK_TOKEN", d.n8n_webhook_token),
            hub_url=reader.hub_url("GATEWAY_HUB_URL", d.hub_url),
            hub_password=reader.header_value("GATEWAY_HUB_PASSWORD", d.hub_password).strip(),
            callback_secret=env.get("REMEDIOS_CALLBACK_SECRET", d.callback_secret),
            callback_max_age=reader.integer("GATEWAY_CALLBACK_MAX_AGE", d.callback_max_age, minimum=1),
            max_message_chars=reader.integer("GATEWAY_MAX_MESSAGE_CHARS", d.max_message_chars, minimum=1),
            max_frame_bytes=reader.integer("GATEWAY_MAX_FRAME_BYTES", d.max_frame_bytes, minimum=256),
            history_limit=reader.integer("GATEWAY_HISTORY_LIMIT", d.history_limit, minimum=1),
            history_timeout=reader.number("GATEWAY_HISTORY_TIMEOUT", d.history_timeout, minimum=0.01),
            health_timeout=reader.number("GATEWAY_HEALTH_TIMEOUT", d.health_timeout, minimum=0.01),
            delivery_concurrency=reader.integer(
                "GATEWAY_DELIVERY_CONCURRENCY", d.delivery_concurrency, minimum=1
            ),
            delivery_timeout=reader.number("GATEWAY_DELIVERY_TIMEOUT", d.delivery_timeout, minimum=0.01),
            backoff_base=reader.number("GATEWAY_BACKOFF_BASE", d.backoff_base, minimum=0.001),
            backoff_max=reader.number("GATEWAY_BACKOFF_MAX", d.backoff_max, minimum=0.001),
            outbox_synchronous=reader.choice("GATEWAY_OUTBOX_SYNCHRONOUS", d.outbox_synchronous, _SYNC_MODES, normalize=str.upper),
            outbox_retention=reader.number("GATEWAY_OUTBOX_RETENTION", d.outbox_retention, minimum=0),
            outbox_max_rejections=reader.integer(
                "GATEWAY_OUTBOX_MAX_REJECTIONS", d.outbox_max_rejections, minimum=1
            ),
            reply_dedupe_size=reader.integer("GATEWAY_REPLY_DEDUPE_SIZE", d.reply_dedupe_size, minimum=1),
            rate_limit_burst=reader.integer("GATEWAY_RATE_LIMIT_BURST", d.rate_limit_burst, minimum=1),
            rate_limit_per_second=reader.number(
                "GATEWAY_RATE_LIMIT_PER_SECOND", d.rate_limit_per_second, minimum=0
            ),
            socket_queue_size=reader.integer("GATEWAY_SOCKET_QUEUE_SIZE", d.socket_queue_size, minimum=1),
            shutdown_timeout=reader.number("GATEWAY_SHUTDOWN_TIMEOUT", d.shutdown_timeout, minimum=0),
            log_level=reader.choice("GATEWAY_LOG_LEVEL", d.log_level, _LOG_LEVELS, normalize=str.upper),
            readyz_token=reader.header_value("GATEWAY_READYZ_TOKEN", d.readyz_token).strip(),
            allowed_origins=reader.origins("GATEWAY_ALLOWED_ORIGINS"),
            n8n_status_webhook_url=reader.url("N8N_STATUS_WEBHOOK_URL", d.n8n_status_webhook_url),
            n8n_estimate_page_webhook_url=(
                reader.optional("N8N_ESTIMATE_PAGE_WEBHOOK_URL") and reader.url("N8N_ESTIMATE_PAGE_WEBHOOK_URL", "")
            ) or "",
            whatsapp_verify_token=reader.text("WHATSAPP_VERIFY_TOKEN", d.whatsapp_verify_token),
            whatsapp_app_secret=reader.text("WHATSAPP_APP_SECRET", d.whatsapp_app_secret),
            whatsapp_access_token=reader.header_value("WHATSAPP_ACCESS_TOKEN", d.whatsapp_access_token).strip(),
            whatsapp_phone_number_id=reader.text("WHATSAPP_PHONE_NUMBER_ID", d.whatsapp_phone_number_id),
            whatsapp_graph_url=reader.url("WHATSAPP_GRAPH_URL", d.whatsapp_graph_url).rstrip("/"),
            whatsapp_media_max_bytes=reader.integer(
                "WHATSAPP_MEDIA_MAX_BYTES", d.whatsapp_media_max_bytes, minimum=1024
            ),
            whatsapp_timeout=reader.number("WHATSAPP_TIMEOUT", d.whatsapp_timeout, minimum=0.01),
            whatsapp_send_attempts=reader.integer("WHATSAPP_SEND_ATTEMPTS", d.whatsapp_send_attempts, minimum=1),
            whatsapp_concurrency=reader.integer("WHATSAPP_CONCURRENCY", d.whatsapp_concurrency, minimum=1),
            whatsapp_seen_retention=86400.0 * reader.number(
                "WHATSAPP_SEEN_RETENTION_DAYS", d.whatsapp_seen_retention / 86400.0, minimum=1
            ),
            trusted_proxies=reader.networks("GATEWAY_TRUSTED_PROXIES"),
            address_messages_per_minute=reader.integer(
                "GATEWAY_ADDRESS_MESSAGES_PER_MINUTE", d.address_messages_per_minute, minimum=0
            ),
            address_max_sockets=reader.integer("GATEWAY_ADDRESS_MAX_SOCKETS", d.address_max_sockets, minimum=0),
            address_new_conversations_per_minute=reader.integer(
                "GATEWAY_ADDRESS_NEW_CONVERSATIONS_PER_MINUTE", d.address_new_conversations_per_minute, minimum=0
            ),
            address_max_pending=reader.integer("GATEWAY_ADDRESS_MAX_PENDING", d.address_max_pending, minimum=0),
            address_max_uploads=reader.integer("GATEWAY_ADDRESS_MAX_UPLOADS", d.address_max_uploads, minimum=0),
            max_sockets=reader.integer("GATEWAY_MAX_SOCKETS", d.max_sockets, minimum=0),
            new_conversations_per_minute=reader.integer(
                "GATEWAY_NEW_CONVERSATIONS_PER_MINUTE", d.new_conversations_per_minute, minimum=0
            ),
            max_uploads=reader.integer("GATEWAY_MAX_UPLOADS", d.max_uploads, minimum=0),
            upload_max_buffered_bytes=reader.integer(
                "GATEWAY_UPLOAD_MAX_BUFFERED_BYTES", d.upload_max_buffered_bytes, minimum=0
            ),
            pending_timeout=reader.number("GATEWAY_PENDING_TIMEOUT", d.pending_timeout, minimum=1),
            ws_idle_timeout=reader.number("GATEWAY_WS_IDLE_TIMEOUT", d.ws_idle_timeout, minimum=0),
            speech=SpeechSettings.from_env(env),
            llm_relay=_llm_relay_from_env(reader),
            staff=_staff_from_env(reader),
        )
        if settings.backoff_max < settings.backoff_base:
            raise SettingsError("GATEWAY_BACKOFF_MAX must be >= GATEWAY_BACKOFF_BASE")
        if 0 < settings.upload_max_buffered_bytes < settings.speech.max_bytes:
            raise SettingsError(
                "GATEWAY_UPLOAD_MAX_BUFFERED_BYTES must be 0 (no limit) or >= SPEECH_MAX_BYTES "
                f"({settings.speech.max_bytes}): a note of the largest allowed size must fit"
            )
        if 0 < settings.ws_idle_timeout < 30:
            raise SettingsError(
                "GATEWAY_WS_IDLE_TIMEOUT must be 0 (off) or >= 30 seconds: the chat page pings every 25 s"
            )
        return settings

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **changes)

    def n8n_webhook(self, path: str) -> str:
        """A webhook of the same n8n as the chat webhook, by its path
        (http://127.0.0.1:5678/webhook/remedios-chat -> …/webhook/<path>)."""
        return self.n8n_chat_webhook_url.rsplit("/", 1)[0] + "/" + path

    @property
    def staff_webhook_url(self) -> str:
        """N8N_STAFF_WEBHOOK_URL, or by default the `remedios-staff` webhook next to the chat webhook."""
        return self.staff.webhook_url or self.n8n_webhook(STAFF_WEBHOOK_PATH)

    @property
    def estimate_page_webhook_url(self) -> str:
        """N8N_ESTIMATE_PAGE_WEBHOOK_URL, or by default the `remedios-estimate` webhook next to the chat webhook."""
        return self.n8n_estimate_page_webhook_url or self.n8n_webhook("remedios-estimate")

    @property
    def whatsapp_enabled(self) -> bool:
        return not self.whatsapp_missing_reason()

    def whatsapp_missing(self) -> list[str]:
        """The WhatsApp credentials that are not set (all four, none, or some: half configured)."""
        return [name for name, value in (
            ("WHATSAPP_VERIFY_TOKEN", self.whatsapp_verify_token),
            ("WHATSAPP_APP_SECRET", self.whatsapp_app_secret),
            ("WHATSAPP_ACCESS_TOKEN", self.whatsapp_access_token),
            ("WHATSAPP_PHONE_NUMBER_ID", self.whatsapp_phone_number_id),
        ) if not value.strip()]

    def whatsapp_missing_reason(self) -> str:
        """'' when the WhatsApp channel is fully configured, else which variables are missing."""
        missing = self.whatsapp_missing()
        return f"missing {', '.join(missing)}" if missing else ""

    def require_serving(self) -> None:
        """Checks that only matter for a serving process; raises SettingsError with a clear message."""
        missing = self.whatsapp_missing()
        if 0 < len(missing) < 4:
            reason = self.whatsapp_missing_reason()
            raise SettingsError(
                f"WhatsApp is half configured ({reason}): set all four WHATSAPP_* credentials to enable the "
                "channel, or none to disable it (see gateway/README.md, WhatsApp)"
            )
        if not self.callback_secret.strip():
            raise SettingsError(
                "REMEDIOS_CALLBACK_SECRET is empty: set it to the shared secret n8n uses to sign its "
                "callbacks (the gateway refuses to start without it, so replies cannot be forged)"
            )
