"""Token buckets: per WebSocket connection for message frames, per client address and globally (gateway/limits.py)."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable


class TokenBucket:
    """`burst` tokens, refilled at `rate` per second; rate 0 disables limiting."""

    def __init__(self, *, burst: int, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._burst = float(burst)
        self._rate = rate
        self._clock = clock
        self._tokens = float(burst)
        self._updated = clock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._updated) * self._rate)
        self._updated = now

    def ready(self) -> bool:
        """A token is there (nothing is taken): check several buckets before taking from any of them."""
        if self._rate <= 0:
            return True
        self._refill()
        return self._tokens >= 1.0

    def allow(self) -> bool:
        if self._rate <= 0:
            return True
        self._refill()
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False


class KeyedBuckets:
    """One token bucket per key (a conversation, a client address), at most `size` kept: the least recently
    used is forgotten first (it comes back full, so `size` must be well above the keys active at once)."""

    def __init__(self, *, burst: int, rate: float, size: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._burst, self._rate, self._size, self._clock = burst, rate, size, clock
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self._rate > 0

    def get(self, key: str) -> TokenBucket:
        bucket = self._buckets.pop(key, None) or TokenBucket(burst=self._burst, rate=self._rate, clock=self._clock)
        self._buckets[key] = bucket
        while len(self._buckets) > self._size:
            self._buckets.popitem(last=False)
        return bucket

    def allow(self, key: str) -> bool:
        return True if not self.enabled else self.get(key).allow()

    def ready(self, key: str) -> bool:
        return True if not self.enabled else self.get(key).ready()
