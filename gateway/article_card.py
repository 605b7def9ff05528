"""The article card a grounded reply may carry (docs/contracts.md sections 1, 3 and 4).

n8n builds it with the Postgres function `kb_article_card` (n8n-workflows/knowledge/answer.sql): the cited
article's slug, title, numbered procedure as a list of steps and its safety note, and, when the article has
them, why it happens (`problem`), the tools and materials (`tools_materials`) and when to call a specialist
(`call_professional`); cards stored before those three existed simply lack them. It is stored in
`messages.metadata.article` and comes back with the history. The page shows it under the answer
("Ver procedimiento completo"); WhatsApp sends it as a second message. The gateway only checks its shape: a
card that does not fit is dropped and the answer goes out as text (the answer matters more than its card).
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_ARTICLE_BYTES = 32 * 1024
MAX_STEPS = 60
# The card's optional parts besides `safety` (left out when empty), in the order the page and WhatsApp show them.
EXTRA_FIELDS = ("problem", "tools_materials", "call_professional")
# Each is passed on when at most this long: with its heading it fits one WhatsApp message (4096); the seeded
# ones are under 500 characters.
MAX_EXTRA_CHARS = 4000
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")  # an article's slug (also gateway/choices.py)


class ArticleError(ValueError):
    """The `article` value is not a card the page can show."""


def check_article(value: object) -> dict[str, Any]:
    """The card reduced to its known keys ({slug, title, steps, safety}, and those of EXTRA_FIELDS that have
    text), or ArticleError saying why."""
    if not isinstance(value, dict):
        raise ArticleError("article must be a JSON object")
    slug, title, steps, safety = (value.get(k) for k in ("slug", "title", "steps", "safety"))
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        raise ArticleError("article.slug must be lower case letters, digits and hyphens")
    if not isinstance(title, str) or not title.strip() or len(title) > 300:
        raise ArticleError("article.title must be a non-empty string of at most 300 characters")
    if not isinstance(steps, list) or len(steps) > MAX_STEPS or \
            not all(isinstance(s, str) and s.strip() for s in steps):
        raise ArticleError(f"article.steps must be a list of at most {MAX_STEPS} non-empty strings")
    if safety is not None and not isinstance(safety, str):
        raise ArticleError("article.safety must be a string or null")
    card = {"slug": slug, "title": title.strip(), "steps": [s.strip() for s in steps],
            "safety": safety.strip() if isinstance(safety, str) and safety.strip() else None}
    for key in EXTRA_FIELDS:
        extra = value.get(key)
        if extra is not None and not isinstance(extra, str):
            raise ArticleError(f"article.{key} must be a string or null")
        # Absent, null or blank: left out (as kb_article_card leaves them out). Longer than MAX_EXTRA_CHARS (a
        # staff edit gone long): that part is left out, never cut mid-sentence; the steps still go out.
        if isinstance(extra, str) and extra.strip() and len(extra.strip()) <= MAX_EXTRA_CHARS:
            card[key] = extra.strip()
    if len(json.dumps(card, ensure_ascii=False).encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"article is larger than {MAX_ARTICLE_BYTES} bytes")
    return card


def optional_article(value: object) -> dict[str, Any] | None:
    """A card, or None when there is none or it is unusable (the message is kept, the card dropped)."""
    if value is None:
        return None
    try:
        return check_article(value)
    except ArticleError:
        return None
