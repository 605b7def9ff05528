"""`RedisHub`: the hub shared by several gateway replicas through Redis pub/sub (GATEWAY_HUB_URL).

Each replica keeps its own sockets in a `LocalHub` and SUBSCRIBEs to `remedios:conv:<conversation id>`
while it holds at least one socket of that conversation. `publish()` pushes to the local sockets at once,
then PUBLISHes the event; the other replicas push it to theirs (a replica ignores its own messages, so the
`exclude` socket, always local, is honoured).

The count returned (the callback's `delivered`) is exact for local sockets and counts each *other replica*
holding the conversation as one. If Redis is unreachable, events still reach local sockets, the failure is
logged, and `/readyz` reports it (503); nothing raises into the callback or the WebSocket handler.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from gateway.hub import Event, LocalHub, Subscriber
from gateway.logs import log_event

logger = logging.getLogger("gateway.hub")

CHANNEL_PREFIX = "remedios:conv:"
_RETRY_DELAY = 1.0


# Deletes KEYS[1] only while it still holds ARGV[1] (this replica's claim, not one made after it expired).
_RELEASE_IF_OURS = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


class RedisHub:
    def __init__(self, url: str, *, replica_id: str | None = None, password: str | None = None) -> None:
        """`password`: Redis AUTH when `url` has none (a password in the URL wins)."""
        self._url = url
        self._password = password
        self.replica_id = replica_id or uuid.uuid4().hex
        self._local = LocalHub()
        self._redis: aioredis.Redis | None = None
        self._pubsub: Any = None
        self._changes: asyncio.Queue[tuple[bool, str]] = asyncio.Queue()
        self._subscribed: set[str] = set()
        self._tasks: list[asyncio.Task[None]] = []

    # ---- lifetime -----------------------------------------------------------------------------------
    async def start(self) -> None:
        auth = {"password": self._password} if self._password else {}
        self._redis = aioredis.from_url(self._url, socket_connect_timeout=2, health_check_interval=15, **auth)
        self._pubsub = self._redis.pubsub(ignore_subscribe_messages=True)
        await self._ensure_connected()
        self._tasks = [
            asyncio.create_task(self._read_loop(), name="redis-hub-reader"),
            asyncio.create_task(self._subscription_loop(), name="redis-hub-subscriptions"),
        ]
        log_event(logger, "hub_started", kind="redis", replica=self.replica_id)

    async def aclose(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._pubsub is not None:
            try:
                await self._pubsub.aclose()
            except (RedisError, OSError):
                pass
        if self._redis is not None:
            await self._redis.aclose()

    async def check(self) -> tuple[bool, str]:
        try:
            await asyncio.wait_for(self._client.ping(), 2)
        except (RedisError, OSError, asyncio.TimeoutError) as exc:
            return False, f"redis: {type(exc).__name__}: {exc}"
        return True, "redis"

    # ---- Hub interface -------------------------------------------------------------------------------
    def subscribe(self, conversation_id: str, subscriber: Subscriber) -> None:
        first = not self._local.has_subscribers(conversation_id)
        self._local.subscribe(conversation_id, subscriber)
        if first:
            self._changes.put_nowait((True, CHANNEL_PREFIX + conversation_id))

    def unsubscribe(self, conversation_id: str, subscriber: Subscriber) -> None:
        self._local.unsubscribe(conversation_id, subscriber)
        if not self._local.has_subscribers(conversation_id):
            self._changes.put_nowait((False, CHANNEL_PREFIX + conversation_id))

    async def publish(self, conversation_id: str, event: Event, *, exclude: Subscriber | None = None) -> int:
        delivered = await self._local.publish(conversation_id, event, exclude=exclude)
        channel = CHANNEL_PREFIX + conversation_id
        message = json.dumps({"origin": self.replica_id, "event": event}, ensure_ascii=False)
        try:
            receivers = await self._client.publish(channel, message)
        except (RedisError, OSError) as exc:
            log_event(logger, "hub_publish_failed", level=logging.WARNING, conversation_id=conversation_id,
                      error=repr(exc))
            return delivered
        others = int(receivers) - (1 if channel in self._subscribed else 0)
        return delivered + max(0, others)

    def close_all(self, code: int) -> None:
        self._local.close_all(code)

    async def claim(self, key: str, ttl: int) -> bool:
        """`SET key NX EX ttl`: True for the first replica that claims `key` (used for reply dedupe)."""
        return bool(await self._client.set(key, self.replica_id, nx=True, ex=ttl))

    async def release(self, key: str) -> None:
        """Delete a claim this replica holds (its push failed), so a retry can claim `key` again."""
        await self._client.eval(_RELEASE_IF_OURS, 1, key, self.replica_id)

    def connection_count(self) -> int:
        return self._local.connection_count()

    # ---- background --------------------------------------------------------------------------------
    @property
    def _client(self) -> aioredis.Redis:
        if self._redis is None:
            raise RuntimeError("RedisHub is not started")
        return self._redis

    async def _subscription_loop(self) -> None:
        """Apply (un)subscriptions in order; on a Redis error, keep the change and retry."""
        while True:
            wanted, channel = await self._changes.get()
            while True:
                still_wanted = self._local.has_subscribers(channel[len(CHANNEL_PREFIX):])
                if wanted != still_wanted:
                    break  # superseded by a later change still in the queue
                try:
                    if wanted:
                        await self._pubsub.subscribe(channel)
                        self._subscribed.add(channel)
                    else:
                        await self._pubsub.unsubscribe(channel)
                        self._subscribed.discard(channel)
                    break
                except (RedisError, OSError) as exc:
                    log_event(logger, "hub_subscribe_failed", level=logging.WARNING, channel=channel,
                              error=repr(exc))
                    await asyncio.sleep(_RETRY_DELAY)

    async def _ensure_connected(self) -> bool:
        """Subscribe to a control channel of our own, so the pub/sub connection exists before any
        conversation channel does (redis-py cannot read a pub/sub connection with no subscription)."""
        if self._pubsub.connection is not None:
            return True
        try:
            await self._pubsub.subscribe(f"remedios:hub:{self.replica_id}")
        except (RedisError, OSError) as exc:
            log_event(logger, "hub_unavailable", level=logging.WARNING, error=repr(exc))
            return False
        return True

    async def _read_loop(self) -> None:
        while True:
            if not await self._ensure_connected():
                await asyncio.sleep(_RETRY_DELAY)
                continue
            try:
                message = await self._pubsub.get_message(timeout=1.0)
            except (RedisError, OSError) as exc:
                # redis-py reconnects on the next call and re-subscribes the channels it knew
                log_event(logger, "hub_read_failed", level=logging.WARNING, error=repr(exc))
                await asyncio.sleep(_RETRY_DELAY)
                continue
            if message is None or message.get("type") != "message":
                continue
            await self._dispatch(message)

    async def _dispatch(self, message: dict[str, Any]) -> None:
        try:
            channel = message["channel"].decode() if isinstance(message["channel"], bytes) else message["channel"]
            data = json.loads(message["data"])
            if data.get("origin") == self.replica_id:
                return
            await self._local.publish(channel[len(CHANNEL_PREFIX):], data["event"])
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            log_event(logger, "hub_message_malformed", level=logging.WARNING, error=repr(exc))
