"""The cases a reply asks the plumber to choose from (docs/contracts.md sections 1, 3 and 4).

When the knowledge base finds two or three articles that fit a question about as well, n8n does not guess: its
reply asks "¿a cuál de estos casos se parece?" with the titles numbered in the text, and carries them as data,
`choices: [{slug, title}, …]` (kb_choices, n8n-workflows/knowledge/answer.sql). The page shows them as buttons
that send the plumber's pick as a message ("2. <title>"); WhatsApp needs nothing more than the numbered text
(the plumber answers "2"). The gateway only checks the shape: unusable choices are dropped and the reply goes
out as its text, which already lists them.
"""

from __future__ import annotations

from typing import Any

from gateway.article_card import SLUG

MAX_CHOICES = 5
MAX_TITLE = 300


class ChoicesError(ValueError):
    """The `choices` value is not a list of cases the page can offer."""


def check_choices(value: object) -> list[dict[str, str]]:
    """The cases reduced to {slug, title}, or ChoicesError saying why."""
    if not isinstance(value, list) or not 2 <= len(value) <= MAX_CHOICES:
        raise ChoicesError(f"choices must be a list of 2 to {MAX_CHOICES} cases")
    cases = []
    for case in value:
        if not isinstance(case, dict):
            raise ChoicesError("each choice must be a JSON object")
        slug, title = case.get("slug"), case.get("title")
        if not isinstance(slug, str) or not SLUG.fullmatch(slug):
            raise ChoicesError("choice.slug must be lower case letters, digits and hyphens")
        if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
            raise ChoicesError(f"choice.title must be a non-empty string of at most {MAX_TITLE} characters")
        cases.append({"slug": slug, "title": " ".join(title.split())})
    return cases


def optional_choices(value: object) -> list[dict[str, Any]] | None:
    """The cases, or None when there are none or they are unusable (the reply is kept, its buttons dropped)."""
    if value is None:
        return None
    try:
        return check_choices(value)
    except ChoicesError:
        return None
