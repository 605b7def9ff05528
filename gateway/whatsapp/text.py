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


# ----- an answer from the knowledge base, and the cited article's card ---------------------------------------
_MD_HEADER = re.compile(r"^\s*#{1,6}\s*(.*?)\s*#*\s*$")
_MD_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_LABEL = re.compile(r"^(AVISO DE SEGURIDAD[^:\n]{0,80}:|Fuente:)(\s|$)")
ARTICLE_HEADING = "Procedimiento completo"


def format_answer_text(text: str) -> str:
    """An answer as WhatsApp shows it: WhatsApp has no headers and its bold is *single asterisks*, so a
    Markdown header becomes a bold line, **bold** becomes *bold*, stray ** and # marks go, and the safety
    notice's label and "Fuente:" are bold. Every word of the text is kept."""
    out = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        header = _MD_HEADER.match(line)
        if header:
            inner = header.group(1).replace("*", "")
            out.append(f"*{inner}*" if inner else "")
            continue
        line = _MD_BOLD.sub(r"*\1*", line).replace("**", "")
        label = _LABEL.match(line)
        if label and "*" not in line:
            line = f"*{label.group(1)}*" + line[len(label.group(1)):]
        out.append(line)
    return "\n".join(out)


# The card's parts around its steps, as the page shows them: (card key, Spanish heading).
ARTICLE_BEFORE_STEPS = (("problem", "Por qué pasa"), ("tools_materials", "Herramientas y materiales"))
ARTICLE_AFTER_STEPS = (("safety", "Seguridad"), ("call_professional", "Cuándo llamar a un especialista"))
STEPS_HEADING = "Pasos"


def article_text(article: dict) -> str:
    """The cited article as its own WhatsApp message: bold title, then, each as its own paragraph with a
    *bold* heading and left out when the card lacks it, why it happens, the tools and materials, the numbered
    steps, the safety note and when to call a specialist; last the article's reference. Paragraphs are
    separated by a blank line, so a message that is too long is cut between them (answer_parts)."""
    title = str(article.get("title") or "").replace("*", "").strip()
    paragraphs = [f"*{ARTICLE_HEADING}: {title}*" if title else f"*{ARTICLE_HEADING}*"]
    paragraphs += _article_parts(article, ARTICLE_BEFORE_STEPS)
    steps = [f"{n}. {str(step).strip()}" for n, step in enumerate(article.get("steps") or [], 1)]
    if steps:
        paragraphs.append("\n".join([f"*{STEPS_HEADING}:*", *steps]))
    paragraphs += _article_parts(article, ARTICLE_AFTER_STEPS)
    if article.get("slug"):
        paragraphs.append(f"KB-{article['slug']}")
    return "\n\n".join(paragraphs)


def _article_parts(article: dict, parts: tuple[tuple[str, str], ...]) -> list[str]:
    out = []
    for key, heading in parts:
        value = article.get(key)
        text = value.strip() if isinstance(value, str) else ""
        if text:
            out.append(f"*{heading}:* {text}")
    return out


def answer_parts(text: str, article: dict | None = None, limit: int = MAX_TEXT) -> list[str]:
    """The WhatsApp messages for an answer: its text, then (when it cites an article) the article's card as a
    following message (article_text), cut between its parts, else between its steps, if it is very long."""
    parts = split_message(format_answer_text(text), limit)
    if article:
        parts += split_lines(article_text(article), limit)
    return parts
