"""HTTP client for n8n: chat webhook (hand-off), history webhook, health (docs/contracts.md 2 and 3).

One `httpx.AsyncClient` over the lean keep-alive transport of gateway/transport.py; the transport can be
injected (unit tests pass `httpx.MockTransport(respx_router.async_handler)`).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

import httpx

from gateway.article_card import optional_article
from gateway.estimate_card import INTENT_ESTIMATE, optional_estimate
from gateway.logs import log_event
from gateway.settings import Settings
from gateway.transport import PooledHTTP11Transport

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
    """Talks to n8n through an httpx transport directly (requests are built here, sent with
    `transport.handle_async_request`): the gateway needs no cookies, redirects or auth flows, and skipping
    `httpx.AsyncClient`'s per-request machinery halves the CPU cost of a hand-off."""

    def __init__(self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._settings = settings
        self._headers = {"Accept": "application/json", "Accept-Encoding": "identity", "User-Agent": "remedios-gateway"}
        if settings.n8n_webhook_token:
            self._headers[TOKEN_HEADER] = settings.n8n_webhook_token
        self._transport = transport or PooledHTTP11Transport(max_connections=settings.delivery_concurrency + 8)
        self._chat_url = httpx.URL(settings.n8n_chat_webhook_url)
        self._history_url = httpx.URL(settings.n8n_history_webhook_url)
        self._health_url = httpx.URL(settings.n8n_health_url)
        self._delivery_timeout = httpx.Timeout(settings.delivery_timeout).as_dict()
        self._history_timeout = httpx.Timeout(settings.history_timeout).as_dict()
        self._health_timeout = httpx.Timeout(settings.health_timeout).as_dict()

    async def aclose(self) -> None:
        await self._transport.aclose()

    async def _send(self, request: httpx.Request) -> httpx.Response:
        response = await self._transport.handle_async_request(request)
        try:
            await response.aread()
        finally:
            await response.aclose()
        return response

    async def post_message(self, payload: dict[str, Any]) -> DeliveryOutcome:
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        request = httpx.Request(
            "POST", self._chat_url, content=body,
            headers={**self._headers, "Content-Type": "application/json"},
            extensions={"timeout": self._delivery_timeout},
        )
        try:
            response = await self._send(request)
        except httpx.TimeoutException as exc:
            return DeliveryOutcome(False, f"timeout: {type(exc).__name__}")
        except httpx.HTTPError as exc:
            return DeliveryOutcome(False, f"{type(exc).__name__}: {exc}")
        if response.status_code != 200:
            return DeliveryOutcome(False, f"http {response.status_code}", response.status_code)
        try:
            answer = response.json()
        except ValueError:
            return DeliveryOutcome(False, "200 without a JSON body", 200)
        status = answer.get("status") if isinstance(answer, dict) else None
        if status not in _STORED_STATUSES:
            return DeliveryOutcome(False, f"200 with unexpected body {str(answer)[:200]!r}", 200)
        return DeliveryOutcome(True, str(status), 200)

    async def post_status(self, payload: dict[str, Any]) -> DeliveryOutcome:
        """Delivery statuses of an external channel (contract §4b); `delivered` only when n8n says stored."""
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        request = httpx.Request(
            "POST", httpx.URL(self._settings.n8n_status_webhook_url), content=body,
            headers={**self._headers, "Content-Type": "application/json"},
            extensions={"timeout": self._delivery_timeout},
        )
        try:
            response = await self._send(request)
        except httpx.TimeoutException as exc:
            return DeliveryOutcome(False, f"timeout: {type(exc).__name__}")
        except httpx.HTTPError as exc:
            return DeliveryOutcome(False, f"{type(exc).__name__}: {exc}")
        if response.status_code != 200:
            return DeliveryOutcome(False, f"http {response.status_code}", response.status_code)
        try:
            answer = response.json()
        except ValueError:
            return DeliveryOutcome(False, "200 without a JSON body", 200)
        status = answer.get("status") if isinstance(answer, dict) else None
        if status not in _STORED_STATUSES:
            return DeliveryOutcome(False, f"200 with unexpected body {str(answer)[:200]!r}", 200)
        return DeliveryOutcome(True, str(status), 200)

    async def fetch_history(self, conversation_id: str, *, limit: int) -> list[dict[str, Any]]:
        """Stored messages, oldest first, normalised to the WebSocket history entry shape."""
        try:
            response = await self._send(httpx.Request(
                "GET", self._history_url,
                params={"conversation_id": conversation_id, "limit": str(limit)},
                headers=self._headers, extensions={"timeout": self._history_timeout},
            ))
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
            response = await self._send(httpx.Request(
                "GET", self._health_url, headers=self._headers, extensions={"timeout": self._health_timeout}
            ))
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
    voice = voice_summary(entry.get("voice"))
    if voice is not None:
        result["voice"] = voice
    if entry.get("intent") == INTENT_ESTIMATE:
        result["intent"] = INTENT_ESTIMATE
    article = optional_article(entry.get("article"))
    if article is not None:
        result["article"] = article
    estimate = entry.get("estimate")
    if estimate is not None:
        card = optional_estimate(estimate)
        if card is None:  # the message is still shown, as its text
            log_event(logger, "history_estimate_skipped", level=logging.WARNING, message_id=message_id)
        else:
            result["estimate"] = card
    return result


def voice_summary(voice: object) -> dict[str, Any] | None:
    """What the page gets of a voice note's metadata (history, contract §1): its duration."""
    if not isinstance(voice, dict):
        return None
    duration = voice.get("duration_s")
    if isinstance(duration, bool) or not isinstance(duration, (int, float)):
        return {"duration_s": None}
    return {"duration_s": round(float(duration), 2)}
