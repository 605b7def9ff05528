"""Example questions in plumbers' voices (bench/quality/seed-voices.sql): six per active article, written blind
from the articles. Measured and **not applied** (bench/quality/RETRIEVAL.md, "Example questions in plumbers'
voices"): it is not in SCHEMA_FILES and lies outside n8n-workflows/ (db-init.sh applies every .sql file there).
These tests keep the file ready to apply: every article it names exists (an article added later need not be in
it: the experiment was measured on the 92 of its day), it copies no other article's example, and applied on top of
the seeds it is idempotent, adds exactly its rows and keeps staff's."""

from __future__ import annotations

import re

import psycopg

from devstack.postgres import SCHEMA_FILES
from tests.knowledge.conftest import ROOT

VOICES = ROOT / "bench" / "quality" / "seed-voices.sql"
PER_ARTICLE = 6      # Spain, Mexico, Argentina/Uruguay, Colombia/Venezuela, Peru/Chile/Central America, voice note
# The seeds give each article 3-6 examples (tests/knowledge/test_kb_synonyms_examples.py); with this file applied an
# article would have up to 6 + 6.
CAP_WITH_VOICES = 12


def voices() -> dict[str, list[str]]:
    text = re.sub(r"^--.*$", "", VOICES.read_text(), flags=re.M)
    calls = re.findall(r"SELECT kb_seed_examples\('([a-z0-9-]+)',\s*ARRAY\[(.*?)\]\);", text, re.S)
    assert len(calls) == text.count("kb_seed_examples("), "a call the parser does not read"
    return {slug: [q.replace("''", "'") for q in re.findall(r"'((?:[^']|'')*)'", body)] for slug, body in calls}


def normal(conn: psycopg.Connection, question: str) -> str:
    return " ".join(conn.execute("SELECT kb_words(%s)", (question,)).fetchone()[0])


def test_the_file_is_measured_not_applied() -> None:
    assert VOICES.exists()
    assert VOICES not in SCHEMA_FILES and not list((ROOT / "n8n-workflows").rglob("seed-voices.sql"))
    assert "measured, not applied" in VOICES.read_text()


def test_every_article_it_names_exists_and_has_six_new_examples(conn: psycopg.Connection) -> None:
    rows = voices()
    active = {slug for slug, in conn.execute("SELECT slug FROM kb_articles WHERE active")}
    assert len(rows) == 92 and set(rows) <= active, set(rows) - active   # the 92 articles it was written for
    for slug, questions in rows.items():
        assert len(questions) == PER_ARTICLE, slug
        assert len({normal(conn, q) for q in questions}) == PER_ARTICLE, f"two examples of {slug} are the same"


def test_no_example_duplicates_another_articles_example(conn: psycopg.Connection) -> None:
    owner: dict[str, str] = {}
    for slug, question in conn.execute("SELECT article_slug, question FROM kb_examples"):
        owner.setdefault(normal(conn, question), slug)
    clashes = []
    for slug, questions in voices().items():
        for question in questions:
            key = normal(conn, question)
            if owner.setdefault(key, slug) != slug:
                clashes.append((slug, owner[key], question))
            # an example already seeded under the same article would add nothing
            assert conn.execute("SELECT count(*) FROM kb_examples WHERE article_slug = %s AND question = %s",
                                (slug, question)).fetchone()[0] == 0, (slug, question)
    assert not clashes, clashes


def test_applied_on_top_of_the_seeds_it_adds_its_rows_once_and_keeps_staff_rows(conn: psycopg.Connection) -> None:
    def seeded() -> dict[str, int]:
        return dict(conn.execute("SELECT a.slug, count(e.id) FROM kb_articles a LEFT JOIN kb_examples e "
                                 "ON e.article_slug = a.slug AND e.source = 'seed' WHERE a.active GROUP BY a.slug"))

    before = seeded()
    conn.execute("INSERT INTO kb_examples (article_slug, question) VALUES ('golpe-de-ariete', 'truena la tubería')")
    conn.execute(VOICES.read_text())
    after = seeded()
    named = voices()
    assert after == {slug: n + (PER_ARTICLE if slug in named else 0) for slug, n in before.items()}
    assert all(n <= CAP_WITH_VOICES for n in after.values()), after
    conn.execute(VOICES.read_text())   # every start: nothing more
    assert seeded() == after
    assert conn.execute("SELECT source FROM kb_examples WHERE question = 'truena la tubería'").fetchone()[0] == "staff"


def test_applied_its_examples_find_their_article(conn: psycopg.Connection) -> None:
    """With the file applied, an example asked as it is written finds its own article first (the near-repeat bonus):
    what staff would expect of a seeded example. Without it, some do not (the reason to have examples at all)."""
    rows = voices()

    def own_first() -> int:
        return sum(conn.execute("SELECT slugs[1] FROM kb_context(%s)", (q,)).fetchone()[0] == slug
                   for slug, questions in rows.items() for q in questions)

    total = PER_ARTICLE * len(rows)
    without = own_first()
    conn.execute(VOICES.read_text())
    with_voices = own_first()
    assert with_voices >= 0.95 * total, (with_voices, total)
    assert with_voices > without
