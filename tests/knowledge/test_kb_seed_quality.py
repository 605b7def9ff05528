"""Every seeded article, from every knowledge seed file (seed*.sql), is fit for the chat: example questions to be
found by, numbered steps, and a text short enough for the small model's prompt."""

from __future__ import annotations

import re

import psycopg

from devstack.postgres import SCHEMA_FILES
from tests.knowledge.conftest import KNOWLEDGE, KNOWLEDGE_SEEDS

MIN_EXAMPLES = 4
# What the model reads of an article (kb_passage) is mostly problem + procedure + safety; about 600 tokens.
MAX_PROMPT_CHARS = 2000
MIN_STEPS = 3


def seeded_slugs(path) -> list[str]:
    return re.findall(r"kb_seed_article\(\s*'([a-z0-9-]+)'", path.read_text())


def test_every_knowledge_seed_file_is_applied_after_the_schema_and_seed_sql_first() -> None:
    assert sorted(KNOWLEDGE.glob("seed*.sql")) == sorted(KNOWLEDGE_SEEDS), "a seed file is not in SCHEMA_FILES"
    assert KNOWLEDGE_SEEDS[0].name == "seed.sql"
    schema = SCHEMA_FILES.index(KNOWLEDGE / "schema.sql")
    assert all(SCHEMA_FILES.index(seed) > schema for seed in KNOWLEDGE_SEEDS)


def test_no_slug_is_seeded_twice_and_every_seeded_article_is_loaded(conn: psycopg.Connection) -> None:
    slugs = [slug for seed in KNOWLEDGE_SEEDS for slug in seeded_slugs(seed)]
    twice = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    assert not twice, f"seeded by more than one kb_seed_article call (one silently replaces the other): {twice}"
    loaded = {r[0] for r in conn.execute("SELECT slug FROM kb_articles WHERE seed_md5 IS NOT NULL AND active")}
    assert set(slugs) <= loaded


def test_every_seeded_article_has_example_questions(conn: psycopg.Connection) -> None:
    counts = conn.execute(
        "SELECT a.slug, count(e.id) FROM kb_articles a "
        "LEFT JOIN kb_examples e ON e.article_slug = a.slug AND e.source = 'seed' "
        "WHERE a.seed_md5 IS NOT NULL GROUP BY a.slug").fetchall()
    assert counts
    few = {slug: n for slug, n in counts if n < MIN_EXAMPLES}
    assert not few, f"fewer than {MIN_EXAMPLES} example questions: {few}"


def test_an_example_question_belongs_to_one_article(conn: psycopg.Connection) -> None:
    shared = conn.execute(
        "SELECT kb_normalize(question), array_agg(article_slug) FROM kb_examples WHERE source = 'seed' "
        "GROUP BY 1 HAVING count(DISTINCT article_slug) > 1").fetchall()
    assert not shared


def test_every_seeded_article_has_numbered_steps(conn: psycopg.Connection) -> None:
    for slug, procedure in conn.execute("SELECT slug, procedure FROM kb_articles WHERE seed_md5 IS NOT NULL"):
        numbers = [int(m.group(1)) for m in re.finditer(r"^(\d+)\. \S", procedure, re.M)]
        assert procedure.startswith("1. "), slug
        assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= MIN_STEPS, (slug, numbers)


def test_what_the_model_reads_of_each_seeded_article_fits_the_prompt(conn: psycopg.Connection) -> None:
    rows = conn.execute(
        "SELECT slug, length(problem) + length(procedure) + length(safety) FROM kb_articles "
        "WHERE seed_md5 IS NOT NULL").fetchall()
    long = {slug: n for slug, n in rows if n > MAX_PROMPT_CHARS}
    assert not long, f"problem + procedure + safety over {MAX_PROMPT_CHARS} characters: {long}"
