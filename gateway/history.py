"""A conversation's history as the page gets it (docs/contracts.md §1, `history`): the one place its entries are
shaped. What n8n has stored (gateway/n8n.py fetches it), plus what still waits in the outbox (`pending: true`).
"""

from __future__ import annotations

import logging
from typing import Any

from gateway.article_card import optional_article
from gateway.choices import optional_choices
from gateway.estimate_card import INTENT_ESTIMATE, optional_estimate
from gateway.logs import log_event
from gateway.n8n import N8nClient
from gateway.outbox import Outbox, OutboxRow

_ROLES = frozenset({"user", "assistant"})

logger = logging.getLogger("gateway.history")


async def conversation_history(
    n8n: N8nClient, outbox: Outbox, conversation_id: str, *, limit: int
) -> list[dict[str, Any]]:
    """Oldest first. Raises gateway.n8n.HistoryUnavailable when n8n cannot answer."""
    stored = []
    for entry in await n8n.fetch_history(conversation_id, limit=limit):
        shaped = stored_entry(entry)
        if shaped is None:
            log_event(logger, "history_entry_skipped", level=logging.WARNING,
                      conversation_id=conversation_id, entry=str(entry)[:200])
            continue
        stored.append(shaped)
    return merge_pending(stored, outbox.pending_for(conversation_id))


def merge_pending(stored: list[dict[str, Any]], pending: list[OutboxRow]) -> list[dict[str, Any]]:
    """Append outbox rows n8n does not know yet (dedupe by id); pending rows are the newest."""
    known = {m["id"] for m in stored}
    return stored + [pending_entry(row) for row in pending if row.message_id not in known]


def stored_entry(entry: object) -> dict[str, Any] | None:
    """One message of the history webhook, as the page gets it; None when it is not the contract's shape."""
    if not isinstance(entry, dict):
        return None
    message_id, role, text, timestamp = (entry.get(k) for k in ("id", "role", "text", "timestamp"))
    if not isinstance(message_id, str) or not message_id:
        return None
    if role not in _ROLES or not isinstance(text, str) or not isinstance(timestamp, str):
        return None
    result: dict[str, Any] = {"id": message_id, "role": role, "text": text, "timestamp": timestamp}
    in_reply_to = entry.get("in_reply_to")
    if isinstance(in_reply_to, str) and in_reply_to:
        result["in_reply_to"] = in_reply_to
    _add_voice_and_intent(result, entry)
    article = optional_article(entry.get("article"))
    if article is not None:
        result["article"] = article
    choices = optional_choices(entry.get("choices"))
    if choices is not None:
        result["choices"] = choices
    estimate = entry.get("estimate")
    if estimate is not None:
        card = optional_estimate(estimate)
        if card is None:  # the message is still shown, as its text
            log_event(logger, "history_estimate_skipped", level=logging.WARNING, message_id=message_id)
        else:
            result["estimate"] = card
    return result


def pending_entry(row: OutboxRow) -> dict[str, Any]:
    """A plumber's message still in the outbox (n8n has not stored it yet)."""
    entry = {"id": row.message_id, "role": "user", "text": row.text, "timestamp": row.timestamp, "pending": True}
    _add_voice_and_intent(entry, row.payload.get("metadata") or {})
    return entry


def _add_voice_and_intent(entry: dict[str, Any], source: dict[str, Any]) -> None:
    """`voice` (its duration only) and `intent: "estimate"`, from a stored message or a message's metadata."""
    voice = voice_summary(source.get("voice"))
    if voice is not None:
        entry["voice"] = voice
    if source.get("intent") == INTENT_ESTIMATE:
        entry["intent"] = INTENT_ESTIMATE


def voice_summary(voice: object) -> dict[str, Any] | None:
    """What the page gets of a voice note's metadata: its duration."""
    if not isinstance(voice, dict):
        return None
    duration = voice.get("duration_s")
    if isinstance(duration, bool) or not isinstance(duration, (int, float)):
        return {"duration_s": None}
    return {"duration_s": round(float(duration), 2)}
