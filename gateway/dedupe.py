"""Reply dedupe, so a retried callback is pushed once, and a reply whose push failed is not lost.

`RecentIds` is a small bounded LRU in this process. `ReplyDedupe` is what the callback uses, in two steps:
`claim(id)` before pushing (False: another request has pushed it or is pushing it now), then `release(id)` if
the push failed, so n8n's retry is processed again. An id therefore counts as seen only once its reply was
taken (pushed to the sockets, or queued durably by the channel), or while that is in progress.

Local LRU for one gateway; with a Redis hub, a `SET NX` shared by all replicas (a retry that lands on another
replica is still recognised), falling back to the local LRU if Redis does not answer.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol, runtime_checkable


@runtime_checkable
class SharedClaims(Protocol):
    async def claim(self, key: str, ttl: int) -> bool:
        """True the first time `key` is claimed within `ttl` seconds, across replicas."""
        ...

    async def release(self, key: str) -> None:
        """Forget a claim (its work failed), so the key can be claimed again."""
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

    def discard(self, item: str) -> None:
        self._ids.pop(item, None)

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

    async def claim(self, reply_id: str) -> bool:
        """True: this request is the first with `reply_id` and must push it (then `release` it if the push
        fails). False: the reply was already pushed, or is being pushed by another request."""
        if self._local.check_and_add(reply_id):
            return False
        if self._shared is None:
            return True
        try:
            claimed = await self._shared.claim(self._key(reply_id), self._ttl)
        except Exception:  # noqa: BLE001 - Redis down: the local answer stands (pushing twice beats losing)
            return True
        return bool(claimed)

    async def release(self, reply_id: str) -> None:
        """The push of `reply_id` failed: forget the claim, so that n8n's retry pushes it."""
        self._local.discard(reply_id)
        if self._shared is None:
            return
        try:
            await self._shared.release(self._key(reply_id))
        except Exception:  # noqa: BLE001 - Redis down: its key expires with the TTL; the local claim is gone
            pass

    @staticmethod
    def _key(reply_id: str) -> str:
        return f"remedios:reply:{reply_id}"
