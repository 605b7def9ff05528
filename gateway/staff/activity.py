"""Live updates for open staff consoles: "conversation X changed", nothing more.

The gateway tells every staff socket (hub topic STAFF_TOPIC) when a plumber's message was stored by n8n, when a
reply or typing event went out to a plumber, and when a staff action changed a conversation. The console then
asks n8n for the list and the thread again: what staff see is always n8n's answer, never built here.

STAFF_TOPIC is a hub key no plumber conversation can have (theirs are `web:…` / `wa:…`, and n8n's callbacks
can only name a registered channel's prefix), so a plumber's socket never receives a staff event.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from gateway.channels.base import OutputChannel, Reply, WrappedChannel
from gateway.hub import Hub
from gateway.n8n import DeliveryOutcome

STAFF_TOPIC = "staff:console"

logger = logging.getLogger("gateway.staff")


def activity_event(conversation_id: str, what: str, message_id: str | None = None) -> dict[str, Any]:
    event = {"type": "activity", "conversation_id": conversation_id, "what": what}
    if message_id is not None:
        event["message_id"] = message_id
    return event


async def tell_staff(hub: Hub, conversation_id: str, what: str, message_id: str | None = None) -> None:
    """Best effort: a console that misses one refreshes on its next event or reconnect."""
    try:
        await hub.publish(STAFF_TOPIC, activity_event(conversation_id, what, message_id))
    except Exception:  # the hub (Redis) failing must never fail a plumber's message or reply
        logger.warning("staff_activity_failed", exc_info=True)


class StaffWatchedChannel(WrappedChannel):
    """An output channel that also tells the staff consoles what went out (same name, prefix and behaviour)."""

    def __init__(self, inner: OutputChannel, hub: Hub) -> None:
        super().__init__(inner)
        self._hub = hub

    async def send_reply(self, reply: Reply) -> int:
        delivered = await super().send_reply(reply)
        await tell_staff(self._hub, reply.conversation_id, "reply", reply.message_id)
        return delivered


def watch_channels(channels: Mapping[str, OutputChannel], hub: Hub) -> dict[str, OutputChannel]:
    return {name: StaffWatchedChannel(channel, hub) for name, channel in channels.items()}


Post = Callable[[dict[str, Any]], Awaitable[DeliveryOutcome]]


def watch_deliveries(post: Post, hub: Hub) -> Post:
    """The outbox's POST to n8n, telling the staff consoles once n8n has stored a plumber's message."""

    async def post_and_tell(payload: dict[str, Any]) -> DeliveryOutcome:
        outcome = await post(payload)
        conversation_id = payload.get("conversation_id")
        message_id = payload.get("message_id")
        if outcome.delivered and isinstance(conversation_id, str):
            await tell_staff(hub, conversation_id, "message", message_id if isinstance(message_id, str) else None)
        return outcome

    return post_and_tell
