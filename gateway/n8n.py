"""HTTP client for n8n: chat webhook (hand-off), history webhook, health (docs/contracts.md 2 and 3).

One pooled `httpx.AsyncClient`; the transport can be injected (tests use respx or a local server).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import httpx

from gateway.logs import log_event
from gateway.settings import Settings

TOKEN_HEADER = "X-Remedios-Token"
_STORED_STATUSES = frozenset({"stored", "duplicate"})
_HISTORY_ROLES = frozenset({"user", "assistant"})

logger = logging.getLogger("gateway.n8n")


@dataclass(frozen=True)
class DeliveryOutcome:
    """Result of one POST to the chat webhook. `delivered` only when n8n says the row is stored."""

    delivered: bool
    detail: str
    status_code: int | None = None


@dataclass(frozen=True)
class HealthResult:
    ok: bool
    detail: str
    status_code: int | None = None


class HistoryUnavailable(Exception):
    """The history webhook failed or answered something that is not the contract's shape."""


class N8nClient:
    def __init__(self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._settings = settings
        headers = {TOKEN_HEADER: settings.n8n_webhook_token} if settings.n8n_webhook_token else {}
        self._client = httpx.AsyncClient(
            transport=transport,
            headers=headers,
            timeout=httpx.Timeout(settings.delivery_timeout),
            limits=httpx.Limits(
                max_connections=settings.delivery_concurrency + 8,
                max_keepalive_connections=settings.delivery_concurrency + 8,
            ),
            follow_redirects=False,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def post_message(self, payload: dict[str, Any]) -> DeliveryOutcome:
        try:
            response = await self._client.post(self._settings.n8n_chat_webhook_url, json=payload)
        except httpx.TimeoutException as exc:
            return DeliveryOutcome(False, f"timeout: {type(exc).__name__}")
        except httpx.HTTPError as exc:
            return DeliveryOutcome(False, f"{type(exc).__name__}: {exc}")
        if response.status_code != 200:
            return DeliveryOutcome(False, f"http {response.status_code}", response.status_code)
        try:
            body = response.json()
        except ValueError:
            return DeliveryOutcome(False, "200 without a JSON body", 200)
        status = body.get("status") if isinstance(body, dict) else None
        if status not in _STORED_STATUSES:
            return DeliveryOutcome(False, f"200 with unexpected body {str(body)[:200]!r}", 200)
        return DeliveryOutcome(True, str(status), 200)

    async def fetch_history(self, conversation_id: str, *, limit: int) -> list[dict[str, Any]]:
        """Stored messages, oldest first, normalised to the WebSocket history entry shape."""
        try:
            response = await self._client.get(
                self._settings.n8n_history_webhook_url,
                params={"conversation_id": conversation_id, "limit": str(limit)},
                timeout=self._settings.history_timeout,
            )
        except httpx.HTTPError as exc:
            raise HistoryUnavailable(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code != 200:
            raise HistoryUnavailable(f"http {response.status_code}")
        try:
            body = response.json()
        except ValueError as exc:
            raise HistoryUnavailable("history answer is not JSON") from exc
        if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
            raise HistoryUnavailable("history answer has no messages list")
        messages = []
        for entry in body["messages"]:
            normalised = _history_entry(entry)
            if normalised is None:
                log_event(
                    logger, "history_entry_skipped", level=logging.WARNING,
                    conversation_id=conversation_id, entry=str(entry)[:200],
                )
                continue
            messages.append(normalised)
        return messages

    async def check_health(self) -> HealthResult:
        try:
            response = await self._client.get(
                self._settings.n8n_health_url, timeout=self._settings.health_timeout
            )
        except httpx.HTTPError as exc:
            return HealthResult(False, f"{type(exc).__name__}: {exc}")
        ok = 200 <= response.status_code < 300
        return HealthResult(ok, f"http {response.status_code}", response.status_code)


def _history_entry(entry: object) -> dict[str, Any] | None:
    if not isinstance(entry, dict):
        return None
    message_id, role, text, timestamp = (entry.get(k) for k in ("id", "role", "text", "timestamp"))
    if not isinstance(message_id, str) or not message_id:
        return None
    if role not in _HISTORY_ROLES or not isinstance(text, str):
        return None
    if not isinstance(timestamp, str):
        return None
    result: dict[str, Any] = {"id": message_id, "role": role, "text": text, "timestamp": timestamp}
    in_reply_to = entry.get("in_reply_to")
    if isinstance(in_reply_to, str) and in_reply_to:
        result["in_reply_to"] = in_reply_to
    return result
