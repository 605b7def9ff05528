"""A conversation's history: what n8n has stored, plus what still waits in the outbox (`pending: true`)."""

from __future__ import annotations

from typing import Any

from gateway.estimate_card import INTENT_ESTIMATE
from gateway.n8n import N8nClient, voice_summary
from gateway.outbox import Outbox


async def conversation_history(
    n8n: N8nClient, outbox: Outbox, conversation_id: str, *, limit: int
) -> list[dict[str, Any]]:
    """Oldest first. Raises gateway.n8n.HistoryUnavailable when n8n cannot answer."""
    stored = await n8n.fetch_history(conversation_id, limit=limit)
    return merge_pending(stored, outbox.pending_for(conversation_id))


def merge_pending(stored: list[dict[str, Any]], pending: list[Any]) -> list[dict[str, Any]]:
    """Append outbox rows n8n does not know yet (dedupe by id); pending rows are the newest."""
    known = {m["id"] for m in stored}
    merged = list(stored)
    for row in pending:
        if row.message_id in known:
            continue
        entry = {"id": row.message_id, "role": "user", "text": row.text, "timestamp": row.timestamp, "pending": True}
        metadata = row.payload.get("metadata") or {}
        voice = voice_summary(metadata.get("voice"))
        if voice is not None:
            entry["voice"] = voice
        if metadata.get("intent") == INTENT_ESTIMATE:
            entry["intent"] = INTENT_ESTIMATE
        merged.append(entry)
    return merged
