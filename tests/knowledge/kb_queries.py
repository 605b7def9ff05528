"""What the knowledge-base search gives a question, read the way the tests of retrieval compare it."""

from __future__ import annotations

import psycopg


def first(conn: psycopg.Connection, question: str) -> str | None:
    """The first article kb_context finds (the one the answer is written from), or None."""
    slugs = conn.execute("SELECT slugs FROM kb_context(%s)", (question,)).fetchone()[0]
    return slugs[0] if slugs else None


def answered(conn: psycopg.Connection, question: str) -> tuple[str | None, list[str]]:
    """What the plumber gets: the article answered with (None when asked back or nothing found) and the cases
    offered when asked back."""
    slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (question,)).fetchone()
    offered = [c["slug"] for c in choices]
    return (None if offered or not slugs else slugs[0]), offered
