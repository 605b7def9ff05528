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


def assert_found_in_other_words(conn: psycopg.Connection, slug: str, question: str) -> None:
    """A question that is none of the article's own example questions finds it first and reaches the plumber
    (answered from it, or offered among the cases asked back)."""
    examples = [r[0] for r in conn.execute(
        "SELECT kb_normalize(question) FROM kb_examples WHERE article_slug = %s", (slug,))]
    assert conn.execute("SELECT kb_normalize(%s)", (question,)).fetchone()[0] not in examples
    assert first(conn, question) == slug
    article, offered = answered(conn, question)
    assert article == slug or slug in offered, (article, offered)


def examples_excluded_from_their_article(conn: psycopg.Connection, slugs: list[str]) -> list[tuple]:
    """Example questions of `slugs` that have a "not this article if…" word of their own article (it would
    push the article away from its own example): (slug, question, term)."""
    return conn.execute(
        "SELECT e.article_slug, e.question, x.term FROM kb_examples e "
        "JOIN kb_exclusions x ON x.article_slug = e.article_slug AND x.active "
        "WHERE e.article_slug = ANY(%s) AND x.term_lexemes <@ "
        "(kb_marked_lexemes(e.question, true) || ARRAY(SELECT lexeme FROM kb_analyze(e.question)))",
        (slugs,)).fetchall()
