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
        first = self._first_complete(buf)
        partial = self._first_partial(buf)
        if first >= 0 and (partial < 0 or partial >= first):
            self._pending = ""
            self.stopped = True
            return buf[:first], True
        # Either nothing matched yet, or a longer stop sequence that starts earlier may still complete:
        # hold back everything from the earliest place a stop sequence could start.
        cut = partial if partial >= 0 else len(buf)
        self._pending = buf[cut:]
        return buf[:cut], False

    def flush(self) -> str:
        """The held-back text once generation has ended (cut at a stop sequence if it holds one)."""
        pending, self._pending = self._pending, ""
        first = self._first_complete(pending)
        if first >= 0:
            self.stopped = True
            return pending[:first]
        return pending

    def _first_complete(self, buf: str) -> int:
        return min((i for i in (buf.find(s) for s in self._stops) if i >= 0), default=-1)

    def _first_partial(self, buf: str) -> int:
        """The earliest index from which ``buf`` is a proper prefix of a stop sequence, or -1."""
        longest = max((len(s) for s in self._stops), default=0)
        for start in range(max(0, len(buf) - longest + 1), len(buf)):
            tail = buf[start:]
            if any(len(tail) < len(s) and s.startswith(tail) for s in self._stops):
                return start
        return -1
