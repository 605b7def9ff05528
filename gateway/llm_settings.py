"""Settings of the model relay (gateway/llm_relay.py): where the LLM server is and how long to wait for it.

Read from the environment by `LlmRelaySettings.from_env()`; every variable has the documented default
(gateway/README.md, "Model relay and streaming").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gateway.env import EnvReader


@dataclass(frozen=True)
class LlmRelaySettings:
    # The LLM server's OpenAI-compatible base URL: the relay posts to `<url>/chat/completions`.
    url: str = "http://127.0.0.1:4891/v1"
    connect_timeout: float = 5.0
    # Longest silence from the LLM server (waiting in its queue, prefill) before the relay gives up.
    read_timeout: float = 300.0
    # How many answers the LLM server writes at once (1 for gpt4all; more with replicas or a batched engine):
    # the queue position a plumber sees is the number of earlier calls beyond these slots.
    slots: int = 1
    # At most one draft frame per conversation per this many seconds (the first token goes out at once).
    draft_interval: float = 0.1
    # A draft whose final reply never came (n8n failed after the model answered) is forgotten after this.
    draft_ttl: float = 600.0
    # WhatsApp cannot show a growing answer: the typing indicator is refreshed this often (Meta shows it 25 s).
    typing_refresh: float = 20.0

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> LlmRelaySettings:
        reader = EnvReader(env)
        d = cls()
        return cls(
            url=reader.url("GATEWAY_LLM_URL", d.url).rstrip("/"),
            connect_timeout=reader.number("GATEWAY_LLM_CONNECT_TIMEOUT", d.connect_timeout, minimum=0.01),
            read_timeout=reader.number("GATEWAY_LLM_TIMEOUT", d.read_timeout, minimum=0.01),
            slots=reader.integer("GATEWAY_LLM_SLOTS", d.slots, minimum=1),
            draft_interval=reader.number("GATEWAY_DRAFT_INTERVAL", d.draft_interval, minimum=0),
            draft_ttl=reader.number("GATEWAY_DRAFT_TTL", d.draft_ttl, minimum=1),
            typing_refresh=reader.number("GATEWAY_WHATSAPP_TYPING_REFRESH", d.typing_refresh, minimum=1),
        )
