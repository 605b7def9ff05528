"""Conversation -> connected endpoints fan-out.

`Hub` is the interface. `LocalHub` keeps subscribers in this process (one gateway). `RedisHub`
(gateway/redis_hub.py, chosen with GATEWAY_HUB_URL) shares events between replicas through Redis pub/sub.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Protocol

Event = dict[str, Any]


class Subscriber(Protocol):
    """One endpoint of a conversation (a browser socket). `push` must not block."""

    def push(self, event: Event) -> bool: ...

    def close(self, code: int) -> None: ...


class Hub(Protocol):
    async def start(self) -> None: ...

    async def aclose(self) -> None: ...

    async def check(self) -> tuple[bool, str]: ...

    def subscribe(self, conversation_id: str, subscriber: Subscriber) -> None: ...

    def unsubscribe(self, conversation_id: str, subscriber: Subscriber) -> None: ...

    async def publish(self, conversation_id: str, event: Event, *, exclude: Subscriber | None = None) -> int: ...

    def close_all(self, code: int) -> None: ...

    def connection_count(self) -> int: ...


class LocalHub:
    def __init__(self) -> None:
        self._subscribers: dict[str, set[Subscriber]] = defaultdict(set)

    async def start(self) -> None:
        return None

    async def aclose(self) -> None:
        return None

    async def check(self) -> tuple[bool, str]:
        return True, "local"

    def has_subscribers(self, conversation_id: str) -> bool:
        return bool(self._subscribers.get(conversation_id))

    def subscribe(self, conversation_id: str, subscriber: Subscriber) -> None:
        self._subscribers[conversation_id].add(subscriber)

    def unsubscribe(self, conversation_id: str, subscriber: Subscriber) -> None:
        subscribers = self._subscribers.get(conversation_id)
        if subscribers is None:
            return
        subscribers.discard(subscriber)
        if not subscribers:
            del self._subscribers[conversation_id]

    async def publish(self, conversation_id: str, event: Event, *, exclude: Subscriber | None = None) -> int:
        """Push `event` to the conversation's subscribers (never to anyone else); returns how many took it."""
        delivered = 0
        for subscriber in list(self._subscribers.get(conversation_id, ())):
            if subscriber is not exclude and subscriber.push(event):
                delivered += 1
        return delivered

    def close_all(self, code: int) -> None:
        for subscribers in list(self._subscribers.values()):
            for subscriber in list(subscribers):
                subscriber.close(code)

    def connection_count(self) -> int:
        return sum(len(s) for s in self._subscribers.values())
