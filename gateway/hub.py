"""Conversation -> connected endpoints fan-out.

`Hub` is the interface; `LocalHub` keeps subscribers in this process. With several gateway replicas a
`RedisHub` would publish each event on a per-conversation Redis channel and every replica would push it
to its own local subscribers (the count returned would then be this replica's).
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
    def subscribe(self, conversation_id: str, subscriber: Subscriber) -> None: ...

    def unsubscribe(self, conversation_id: str, subscriber: Subscriber) -> None: ...

    async def publish(self, conversation_id: str, event: Event, *, exclude: Subscriber | None = None) -> int: ...

    def close_all(self, code: int) -> None: ...

    def connection_count(self) -> int: ...


class LocalHub:
    def __init__(self) -> None:
        self._subscribers: dict[str, set[Subscriber]] = defaultdict(set)

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
