"""`POST /api/feedback`: a plumber's 👍 / 👎 on an answer of the web chat (docs/contracts.md §1c).

Body (JSON, at most MAX_BODY_BYTES): `{"conversation": "<browser id>", "message_id": "<answer id>",
"vote": "up" | "down"}`. The gateway only carries the vote: it checks the shape, the page's Origin (as the
WebSocket does: another site's script cannot vote for a plumber) and its own rate limits, then relays
`{conversation_id, message_id, vote}` to n8n's `remedios-feedback` webhook (workflow answer-feedback.json,
next to the chat webhook), which checks that the answer exists in that conversation and stores the vote: one
per answer, a new vote replaces the old one. Every 👎 is listed for office staff (n8n-workflows/knowledge/README.md,
"Unanswered questions").

Answers (JSON): 200 `{"status": "recorded", "message_id", "vote"}`; otherwise `{"error": {"code", "message"}}`
with the Spanish text the page shows: 400 `invalid_request`, 403 `origin_not_allowed`, 404 `unknown_message`
(no such answer in this conversation), 429 `rate_limited` (with Retry-After), 503 `unavailable` (n8n down or
answering something else; nothing was stored, the page lets the plumber press again).
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import httpx
from quart import Blueprint, request

from gateway.channels.web import conversation_from, origin_allowed
from gateway.limits import Limits, Refusal
from gateway.logs import log_event
from gateway.n8n import N8nClient
from gateway.ratelimit import KeyedBuckets
from gateway.settings import Settings

logger = logging.getLogger("gateway.feedback")

PATH = "/api/feedback"
MAX_BODY_BYTES = 1024
VOTES = frozenset({"up", "down"})
# An answer's id as the chat stores it ("reply:<uuid>", "estimate-decision:<number>"...).
ANSWER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9:._-]{0,199}")

ERRORS_ES = {
    "invalid_request": "No se pudo leer la valoración.",
    "origin_not_allowed": "Valoración no permitida desde esta página.",
    "unknown_message": "Esa respuesta no existe en esta conversación.",
    "rate_limited": "Estás valorando demasiado rápido. Espera unos segundos.",
    "unavailable": "No se pudo guardar tu valoración ahora. Inténtalo de nuevo en unos segundos.",
}

# Votes per conversation and per client address: a burst, then a steady rate (a plumber changing their mind
# a few times is fine; a script pressing the buttons is not).
CONVERSATION_BURST, CONVERSATION_RATE = 10, 0.5
ADDRESS_BURST, ADDRESS_RATE = 30, 1.0
_RATE_REFUSAL = Refusal("rate_limited", 429, "feedback votes (10 per conversation, then 1 per 2 s)", 10, 5,
                        ERRORS_ES["rate_limited"])


def _error(code: str, status: int) -> tuple[dict[str, Any], int]:
    return {"error": {"code": code, "message": ERRORS_ES[code]}}, status


def parse_vote(body: bytes) -> tuple[str, str, str] | None:
    """(conversation id, answer id, vote) from the request body, or None when it is not a valid vote."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    browser_id, message_id, vote = data.get("conversation"), data.get("message_id"), data.get("vote")
    conversation_id = conversation_from(browser_id) if isinstance(browser_id, str) else None
    if conversation_id is None:  # the web channel's id rule
        return None
    if not isinstance(message_id, str) or not ANSWER_ID.fullmatch(message_id):
        return None
    if vote not in VOTES:
        return None
    return conversation_id, message_id, vote


class Feedback:
    """The endpoint; the vote goes to n8n through the gateway's n8n client (gateway/n8n.py)."""

    def __init__(self, settings: Settings, limits: Limits, n8n: N8nClient) -> None:
        self._settings = settings
        self._limits = limits
        self._n8n = n8n
        self._per_conversation = KeyedBuckets(burst=CONVERSATION_BURST, rate=CONVERSATION_RATE, size=10_000)
        self._per_address = KeyedBuckets(burst=ADDRESS_BURST, rate=ADDRESS_RATE, size=10_000)

    def blueprint(self) -> Blueprint:
        bp = Blueprint("feedback", __name__)

        @bp.post(PATH)
        async def vote() -> Any:
            return await self._vote()

        return bp

    async def _vote(self) -> Any:
        if not origin_allowed(request.headers.get("Origin"), request.headers.get("Host"),
                              self._settings.allowed_origins):
            return _error("origin_not_allowed", 403)
        if request.mimetype != "application/json" or (request.content_length or 0) > MAX_BODY_BYTES:
            return _error("invalid_request", 400)
        body = await request.get_data(cache=False)
        parsed = parse_vote(body) if len(body) <= MAX_BODY_BYTES else None
        if parsed is None:
            return _error("invalid_request", 400)
        conversation_id, message_id, vote = parsed
        address = self._limits.address_key(request.scope, request.headers)
        if not self._per_address.allow(address) or not self._per_conversation.allow(conversation_id):
            self._limits.log.refused(_RATE_REFUSAL, address, conversation_id=conversation_id)
            return _RATE_REFUSAL.http_body(), 429, {"Retry-After": str(_RATE_REFUSAL.retry_after)}
        return await self._relay(conversation_id, message_id, vote)

    async def _relay(self, conversation_id: str, message_id: str, vote: str) -> Any:
        try:
            answer = await self._n8n.record_vote(conversation_id, message_id, vote)
        except httpx.HTTPError as exc:
            log_event(logger, "feedback_unavailable", level=logging.WARNING, conversation_id=conversation_id,
                      message_id=message_id, error=type(exc).__name__)
            return _error("unavailable", 503)
        try:
            status = answer.json().get("status")
        except (ValueError, AttributeError):
            status = None
        log_event(logger, "answer_vote", conversation_id=conversation_id, message_id=message_id, vote=vote,
                  status=status or f"http {answer.status_code}")
        if answer.status_code == 200 and status == "recorded":
            return {"status": "recorded", "message_id": message_id, "vote": vote}, 200
        if answer.status_code == 404 and status == "unknown_message":
            return _error("unknown_message", 404)
        if answer.status_code == 400 and status == "invalid":
            return _error("invalid_request", 400)
        return _error("unavailable", 503)


def feedback_blueprint(settings: Settings, limits: Limits, n8n: N8nClient) -> Blueprint:
    return Feedback(settings, limits, n8n).blueprint()
