"""Stop sequences over a stream of text pieces.

The model produces text a token at a time and a stop sequence can be split across tokens, so
text that could still turn out to be the start of a stop sequence is held back until the next
piece decides it. Nothing from a stop sequence onwards is ever emitted.
"""

from __future__ import annotations

from collections.abc import Iterable


class StopMatcher:
    def __init__(self, stops: Iterable[str]) -> None:
        self._stops = tuple(s for s in stops if s)
        self._pending = ""
        self.stopped = False

    def feed(self, piece: str) -> tuple[str, bool]:
        """Add ``piece``; return the text that is now safe to emit and whether a stop sequence was hit."""
        if self.stopped:
            return "", True
        buf = self._pending + piece
        first = min((i for i in (buf.find(s) for s in self._stops) if i >= 0), default=-1)
        if first >= 0:
            self._pending = ""
            self.stopped = True
            return buf[:first], True
        hold = self._longest_partial(buf)
        self._pending = buf[len(buf) - hold :] if hold else ""
        return buf[: len(buf) - hold], False

    def flush(self) -> str:
        """The held-back text, once generation has ended without completing a stop sequence."""
        pending, self._pending = self._pending, ""
        return pending

    def _longest_partial(self, buf: str) -> int:
        longest = 0
        for stop in self._stops:
            for k in range(min(len(stop) - 1, len(buf)), longest, -1):
                if buf.endswith(stop[:k]):
                    longest = k
                    break
        return longest
