"""A small bounded set of recently seen ids (LRU), so a retried callback is pushed once."""

from __future__ import annotations

from collections import OrderedDict


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
