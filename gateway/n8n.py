"""The gateway's one client for n8n: every request the gateway sends to n8n goes through `N8nClient`.

| method | n8n endpoint (docs/contracts.md) |
|---|---|
| `post_message` | chat webhook, a plumber's message (§2) |
| `post_status` | status webhook, delivery statuses of external channels (§4b) |
| `fetch_history` | history webhook, a conversation's stored messages (§3) |
| `check_health` | n8n's readiness endpoint (`/readyz`) |
| `record_vote` | `remedios-feedback` webhook, a 👍 / 👎 on an answer (§1c) |
| `estimate_page` | `remedios-estimate` webhook, the customer's estimate page (§7) |
| `staff_decide` | `remedios-staff` webhook, one staff console action (§10) |

One shared `X-Remedios-Token` header, one transport (the lean keep-alive transport of gateway/transport.py, or
the one injected: unit tests pass `httpx.MockTransport(respx_router.async_handler)`), one `start()` / `aclose()`
called by the Runtime. A request after `aclose()` fails like an unreachable n8n.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from gateway.settings import Settings
from gateway.transport import PooledHTTP11Transport

TOKEN_HEADER = "X-Remedios-Token"
_STORED_STATUSES = frozenset({"stored", "duplicate"})
# Besides the deliveries: the customer's pages, votes, staff actions and WhatsApp statuses share the pool.
_EXTRA_CONNECTIONS = 16
FEEDBACK_TIMEOUT_S = 10.0
ESTIMATE_PAGE_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class DeliveryOutcome:
    """Result of one POST to the chat (or status) webhook. `delivered` only when n8n says it is stored."""

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


class StaffUnavailable(Exception):
    """n8n did not answer the staff webhook with a decision (down, slow, unpublished workflow…)."""


def feedback_webhook_url(settings: Settings) -> str:
    """The `remedios-feedback` webhook next to the chat webhook."""
    return settings.n8n_webhook("remedios-feedback")


def _timeout(seconds: float) -> dict[str, Any]:
    return {"timeout": httpx.Timeout(seconds).as_dict()}


class N8nClient:
    """Talks to n8n through an httpx transport directly (requests are built here, sent with
    `transport.handle_async_request`): the gateway needs no cookies, redirects or auth flows, and skipping
    `httpx.AsyncClient`'s per-request machinery halves the CPU cost of a hand-off."""

    def __init__(self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._settings = settings
        self._headers = {"Accept": "application/json", "Accept-Encoding": "identity", "User-Agent": "remedios-gateway"}
        if settings.n8n_webhook_token:
            self._headers[TOKEN_HEADER] = settings.n8n_webhook_token
        self._injected = transport
        self._transport: httpx.AsyncBaseTransport | None = self._open()
        self._chat_url = httpx.URL(settings.n8n_chat_webhook_url)
        self._status_url = httpx.URL(settings.n8n_status_webhook_url)
        self._history_url = httpx.URL(settings.n8n_history_webhook_url)
        self._health_url = httpx.URL(settings.n8n_health_url)
        self._feedback_url = httpx.URL(feedback_webhook_url(settings))
        self._estimate_page_url = httpx.URL(settings.estimate_page_webhook_url)

    def _open(self) -> httpx.AsyncBaseTransport:
        return self._injected or PooledHTTP11Transport(
            max_connections=self._settings.delivery_concurrency + _EXTRA_CONNECTIONS
        )

    async def start(self) -> None:
        """Open again after `aclose()` (the app served a second time); a new client is already open."""
        if self._transport is None:
            self._transport = self._open()

    async def aclose(self) -> None:
        transport, self._transport = self._transport, None
        if transport is not None:
            await transport.aclose()

    async def _send(self, request: httpx.Request) -> httpx.Response:
        """The whole answer (body read); httpx.HTTPError when n8n cannot be reached or is too slow."""
        if self._transport is None:
            raise httpx.ConnectError("the n8n client is closed", request=request)
        response = await self._transport.handle_async_request(request)
        try:
            await response.aread()
        finally:
            await response.aclose()
        return response

    def _post_json(self, url: httpx.URL, payload: Any, timeout: float) -> httpx.Request:
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return httpx.Request("POST", url, content=body, headers={**self._headers, "Content-Type": "application/json"},
                             extensions=_timeout(timeout))

    async def _json_answer(self, request: httpx.Request, unavailable: type[Exception]) -> Any:
        """The JSON body of a 200 answer; `unavailable` (with what went wrong) for anything else."""
        try:
            response = await self._send(request)
        except httpx.HTTPError as exc:
            raise unavailable(f"{type(exc).__name__}: {exc}") from None
        if response.status_code != 200:
            raise unavailable(f"http {response.status_code}")
        try:
            return response.json()
        except ValueError:
            raise unavailable("200 without a JSON body") from None

    # ----- the plumbers' messages and their delivery statuses -----------------------------------------
    async def post_message(self, payload: dict[str, Any]) -> DeliveryOutcome:
        return await self._deliver(self._chat_url, payload)

    async def post_status(self, payload: dict[str, Any]) -> DeliveryOutcome:
        """Delivery statuses of an external channel (`{"events": [...]}`), to the status webhook."""
        return await self._deliver(self._status_url, payload)

    async def _deliver(self, url: httpx.URL, payload: dict[str, Any]) -> DeliveryOutcome:
        request = self._post_json(url, payload, self._settings.delivery_timeout)
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

    # ----- what the pages read ------------------------------------------------------------------------
    async def fetch_history(self, conversation_id: str, *, limit: int) -> list[Any]:
        """The history webhook's `messages`, oldest first, as n8n sent them (gateway/history.py shapes them)."""
        body = await self._json_answer(httpx.Request(
            "GET", self._history_url, params={"conversation_id": conversation_id, "limit": str(limit)},
            headers=self._headers, extensions=_timeout(self._settings.history_timeout),
        ), HistoryUnavailable)
        if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
            raise HistoryUnavailable("history answer has no messages list")
        return body["messages"]

    async def check_health(self) -> HealthResult:
        try:
            response = await self._send(httpx.Request(
                "GET", self._health_url, headers=self._headers, extensions=_timeout(self._settings.health_timeout)
            ))
        except httpx.HTTPError as exc:
            return HealthResult(False, f"{type(exc).__name__}: {exc}")
        ok = 200 <= response.status_code < 300
        return HealthResult(ok, f"http {response.status_code}", response.status_code)

    async def record_vote(self, conversation_id: str, message_id: str, vote: str) -> httpx.Response:
        """n8n's answer to a vote (gateway/feedback.py reads it); httpx.HTTPError when n8n cannot answer."""
        payload = {"conversation_id": conversation_id, "message_id": message_id, "vote": vote}
        return await self._send(self._post_json(self._feedback_url, payload, FEEDBACK_TIMEOUT_S))

    async def estimate_page(self, params: dict[str, str], *, form: bytes | None = None,
                            form_type: str = "") -> httpx.Response:
        """The customer's estimate page as n8n renders it: GET with the link's `t`, or POST of the decision form
        as it came. httpx.HTTPError when n8n cannot answer (never logged with its URL: it carries the token)."""
        headers = {**self._headers, "Accept": "text/html"}
        if form is not None:
            headers["Content-Type"] = form_type
        request = httpx.Request("GET" if form is None else "POST", self._estimate_page_url, params=params,
                                content=form, headers=headers, extensions=_timeout(ESTIMATE_PAGE_TIMEOUT_S))
        return await self._send(request)

    # ----- the staff console --------------------------------------------------------------------------
    async def staff_decide(self, request: dict[str, Any], *, url: str, timeout: float) -> dict[str, Any]:
        """n8n's answer to a staff action ({"action": …, "session"?: …}): {"ok": true, …} or
        {"ok": false, "error", "message"}. StaffUnavailable when there is no decision."""
        answer = await self._json_answer(self._post_json(httpx.URL(url), request, timeout), StaffUnavailable)
        if not isinstance(answer, dict) or not isinstance(answer.get("ok"), bool):
            raise StaffUnavailable(f"unexpected body {str(answer)[:200]!r}")
        return answer
