"""Splitting an answer into WhatsApp text messages (at most 4096 characters each)."""

from __future__ import annotations

import re
from collections.abc import Callable

MAX_TEXT = 4096

# A sentence ends with . ! ? … (optionally followed by closing quotes/brackets) and then whitespace.
_SENTENCE_END = re.compile(r"[.!?…][\"'»)\]]*\s+")


def split_message(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Parts of at most `limit` characters, cut after the last sentence end (else paragraph/line break,
    else whitespace, else hard) that fits; parts are stripped and never empty; joined they keep every word."""
    return _split(text, limit, _best_cut)


def _split(text: str, limit: int, choose_cut: Callable[[str, int], int]) -> list[str]:
    """Cut `text` into stripped, non-empty parts of at most `limit` characters where `choose_cut` says."""
    if limit < 2:
        raise ValueError("limit must be >= 2")
    parts: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[: limit + 1]  # a boundary right after `limit` characters still counts
        cut = choose_cut(window, limit)
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


# ----- an answer carrying an estimate (its text is estimate_as_text + the customer's link) -----------------
ESTIMATE_LINK_LABEL = "Ver, imprimir, aceptar o rechazar:"
_TITLE = re.compile(r"PRESUPUESTO\s+\S")
_HEADING_MAX = 120


def format_estimate_text(text: str) -> str:
    """The estimate's text as it reads best on WhatsApp: the title, section headings and the TOTAL line in
    *bold*, and the customer's link alone on its line (easy to tap). Only whole lines are made bold, and
    never a line that already has a `*` (it would pair with ours), so no formatting crosses a line or a
    message split. Every word of the text is kept."""
    out = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith(ESTIMATE_LINK_LABEL) and stripped != ESTIMATE_LINK_LABEL:
            url = stripped[len(ESTIMATE_LINK_LABEL):].strip()
            out.extend([f"*{ESTIMATE_LINK_LABEL}*", url])
        elif _boldable(stripped) and (
            _TITLE.match(stripped)
            or stripped.startswith("TOTAL:")
            or (stripped.endswith(":") and not stripped.startswith("•") and len(stripped) <= _HEADING_MAX)
        ):
            out.append(line[: len(line) - len(line.lstrip())] + f"*{stripped}*")
        else:
            out.append(line)
    return "\n".join(out)


def _boldable(line: str) -> bool:
    return bool(line) and "*" not in line


def split_lines(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Like split_message, but cut at a blank line, else at a line break (estimate tables are lines);
    a single line longer than `limit` falls back to split_message's boundaries."""
    return _split(text, limit, _line_cut)


def _line_cut(window: str, limit: int) -> int:
    floor = limit // 3
    cut = window.rfind("\n\n", floor, limit + 1)
    if cut <= 0:
        cut = window.rfind("\n", floor, limit + 1)
    if cut <= 0:
        cut = _best_cut(window, limit)
    return cut


def estimate_parts(text: str, limit: int = MAX_TEXT) -> list[str]:
    """The WhatsApp messages for an answer that carries an estimate."""
    return split_lines(format_estimate_text(text), limit)
