"""Phrasings plumbers use that once went to the wrong article or to none (found by looking at the chat)."""

from __future__ import annotations

import psycopg
import pytest

FAUCET_ARTICLES = {"grifo-monomando-cartucho", "grifo-bicomando-zapata"}


@pytest.mark.parametrize("question", [
    "Tengo una fuga en la llave del lavabo, ¿cómo la reparo?",   # "llave" = grifo in Latin America
    "fuga en el grifo de la cocina",
    "la llave de la cocina gotea",
])
def test_faucet_questions_find_a_faucet_article_first(conn: psycopg.Connection, question: str) -> None:
    found = [row[0] for row in conn.execute("SELECT slug FROM kb_search(%s, 3)", (question,))]
    assert found and found[0] in FAUCET_ARTICLES, found


def test_a_pex_leak_still_finds_the_pex_article(conn: psycopg.Connection) -> None:
    found = [row[0] for row in conn.execute("SELECT slug FROM kb_search(%s, 3)", ("Tengo una fuga en la tubería PEX",))]
    assert found[0] == "pex-reparacion"
