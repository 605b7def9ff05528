"""A plumber's own spelling through the real stack (WebSocket in, reply out; Postgres, n8n, the LLM server, the
gateway): a word that speech-to-text cut in three pieces and a misspelt word still reach their article, and the
reply cites it (the search side is tests/knowledge/test_kb_fuzzy.py; bench/quality/RETRIEVAL.md, "Fuzzy
corrections: evidence from noise")."""

from __future__ import annotations

import pytest

from devstack.stack import Stack
from tests.integration.conftest import rows

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]


@pytest.mark.parametrize("question, slug", [
    ("mi y no doro se mueve y pierde agua por la base", "inodoro-junta-cera"),  # "inodoro" said in three pieces
    ("la valbula de seguridad del termo gotea", "termo-valvula-seguridad"),  # b for v
])
async def test_a_plumbers_spelling_reaches_its_article(stack: Stack, open_chat, question: str, slug: str) -> None:
    [(title,)] = rows(stack, "SELECT title FROM kb_articles WHERE slug = %s", slug)
    async with open_chat() as chat:
        message_id = await chat.send_message(question)
        reply = await chat.reply_to(message_id)
    assert reply["article"]["slug"] == slug
    assert reply["text"].strip().splitlines()[-1] == f"Fuente: {title} (KB-{slug})"
