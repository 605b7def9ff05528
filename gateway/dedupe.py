"""Reply dedupe, so a retried callback is pushed once.

`RecentIds` is a small bounded LRU in this process. `ReplyDedupe.seen()` is what the callback asks: local
LRU for one gateway; with a Redis hub, a `SET NX` shared by all replicas (a retry that lands on another replica
is still recognised), falling back to the local LRU if Redis does not answer.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol, runtime_checkable


@runtime_checkable
class SharedClaims(Protocol):
    async def claim(self, key: str, ttl: int) -> bool:
        """True the first time `key` is claimed within `ttl` seconds, across replicas."""
        ...


class RecentIds:
    def __init__(self, maxsize: int) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be >= 1")
        self._maxsize = maxsize
        self._ids: OrderedDict[str, None] = OrderedDict()

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, item: str) -> bool:
        return item in self._ids

    def check_and_add(self, item: str) -> bool:
        """True if `item` was already seen (and refresh it); otherwise remember it and return False."""
        if item in self._ids:
            self._ids.move_to_end(item)
            return True
        self._ids[item] = None
        if len(self._ids) > self._maxsize:
            self._ids.popitem(last=False)
        return False


class ReplyDedupe:
    def __init__(self, local: RecentIds, shared: SharedClaims | None = None, *, ttl: int = 24 * 3600) -> None:
        self._local = local
        self._shared = shared
        self._ttl = ttl

    async def seen(self, reply_id: str) -> bool:
        """True if this reply id was already pushed (and remember it otherwise)."""
        if self._local.check_and_add(reply_id):
            return True
        if self._shared is None:
            return False
        try:
            return not await self._shared.claim(f"remedios:reply:{reply_id}", self._ttl)
        except Exception:  # noqa: BLE001 - Redis down: the local answer stands (pushing twice beats losing)
            return False
