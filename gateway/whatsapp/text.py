"""Splitting an answer into WhatsApp text messages (at most 4096 characters each)."""

from __future__ import annotations

import re

MAX_TEXT = 4096

# A sentence ends with . ! ? … (optionally followed by closing quotes/brackets) and then whitespace.
_SENTENCE_END = re.compile(r"[.!?…][\"'»)\]]*\s+")


def split_message(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Parts of at most `limit` characters, cut after the last sentence end (else paragraph/line break,
    else whitespace, else hard) that fits; parts are stripped and never empty; joined they keep every word."""
    if limit < 2:
        raise ValueError("limit must be >= 2")
    parts: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[: limit + 1]  # a boundary right after `limit` characters still counts
        cut = _best_cut(window, limit)
        part = rest[:cut].rstrip()
        if not part:  # only whitespace before the cut: hard cut
            part, cut = rest[:limit], limit
        parts.append(part)
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def _best_cut(window: str, limit: int) -> int:
    floor = limit // 3  # never make tiny parts just to honour a boundary
    best = 0
    for match in _SENTENCE_END.finditer(window):
        end = match.start() + 1 + len(match.group(0).rstrip()) - 1
        if floor <= end <= limit:
            best = end
    if best:
        return best
    for sep in ("\n\n", "\n"):
        pos = window.rfind(sep, floor, limit + 1)
        if pos > 0:
            return pos
    pos = max(window.rfind(" ", floor, limit + 1), window.rfind("\t", floor, limit + 1))
    if pos > 0:
        return pos
    return limit
