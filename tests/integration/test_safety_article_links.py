"""The danger of the job itself, through the real chat (WebSocket in, reply out): a question that names no danger but
whose answer cites an article linked to a safety rule (kb_article_safety_rules, n8n-workflows/knowledge/
safety-links.sql) gets that rule's fixed message first, as a rule fired by words; a measure said in force silences
it; an unlinked article, small talk and an estimate get none; staff editing the link change the next answer."""

from __future__ import annotations

import psycopg
import pytest

from devstack.stack import Stack
from tests.integration.conftest import rows

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]

# the article "Termo eléctrico que no calienta" (steps: open the cover, resistance, thermostat), no danger word
HEATER = "el termo eléctrico no calienta, la luz se enciende pero el agua sale fría"
HEATER_ARTICLE, HEATER_RULE = "termo-electrico-no-calienta", "termo-electrico-trabajo"
FAUCET = "El grifo monomando de la cocina gotea, ¿cómo cambio el cartucho?"  # an article with no link


def rule_message(stack: Stack, slug: str) -> str:
    [(message,)] = rows(stack, "SELECT message FROM safety_rules WHERE slug = %s", slug)
    return message


def metadata_of(stack: Stack, message_id: str) -> dict:
    [(metadata,)] = rows(stack, "SELECT metadata FROM messages WHERE in_reply_to = %s", message_id)
    return metadata


def staff_sql(stack: Stack, query: str, *params: object) -> None:
    assert stack.app_db is not None
    with psycopg.connect(stack.app_db.url, autocommit=True) as conn:  # what staff do from a Postgres node
        conn.execute(query, params)


async def ask(open_chat, *texts: str) -> list[tuple[str, dict]]:
    """The texts as one conversation; each message's id and the reply to it."""
    out = []
    async with open_chat() as chat:
        for text in texts:
            message_id = await chat.send_message(text)
            out.append((message_id, await chat.reply_to(message_id)))
    return out


async def test_a_job_question_naming_no_danger_gets_the_linked_rule_first(stack: Stack, open_chat) -> None:
    # the words alone fire nothing: the notice can only come from the link
    [(triggered,)] = rows(stack, "SELECT triggered FROM safety_check(%s)", HEATER)
    assert triggered is False
    [(message_id, reply)] = await ask(open_chat, HEATER)
    message = rule_message(stack, HEATER_RULE)
    assert reply["text"].startswith(message.strip() + "\n\n")
    assert reply["text"].count("AVISO DE SEGURIDAD") == 1              # once
    assert f"KB-{HEATER_ARTICLE}" in reply["text"]                      # the answer cites the article
    metadata = metadata_of(stack, message_id)
    assert metadata["article_safety_rule"] == HEATER_RULE
    assert metadata["safety_rule"] is None                              # not a rule fired by words: not carried


async def test_a_measure_said_in_force_silences_the_linked_rule(stack: Stack, open_chat) -> None:
    # in the same message (the "done" logic of safety_measures: unplugged and its breaker down)
    [(message_id, reply)] = await ask(open_chat, "ya lo desenchufé y bajé la térmica, " + HEATER)
    assert f"KB-{HEATER_ARTICLE}" in reply["text"] and "AVISO DE SEGURIDAD" not in reply["text"]
    assert "article_safety_rule" not in metadata_of(stack, message_id)
    # or earlier in the same job (read with it, the question may be asked back: the plumber picks the heater's case)
    async with open_chat() as chat:
        await chat.reply_to(await chat.send_message("ya lo desenchufé y bajé la térmica del termo"))
        reply = await chat.reply_to(await chat.send_message(HEATER))
        if reply.get("choices"):
            pick = [c["slug"] for c in reply["choices"]].index(HEATER_ARTICLE) + 1
            assert "AVISO DE SEGURIDAD" not in reply["text"]          # a question asked back cites nothing
            reply = await chat.reply_to(await chat.send_message(str(pick)))
    assert f"KB-{HEATER_ARTICLE}" in reply["text"] and "AVISO DE SEGURIDAD" not in reply["text"]
    # a doubt is no measure: the notice stays
    [(_, reply)] = await ask(open_chat, "creo que ya lo desenchufé, " + HEATER)
    assert reply["text"].startswith(rule_message(stack, HEATER_RULE).strip())


async def test_no_linked_notice_for_an_unlinked_article_small_talk_or_an_estimate(stack: Stack, open_chat) -> None:
    [(message_id, reply)] = await ask(open_chat, FAUCET)
    assert "KB-grifo-monomando-cartucho" in reply["text"] and "AVISO DE SEGURIDAD" not in reply["text"]
    assert "article_safety_rule" not in metadata_of(stack, message_id)
    # after a linked answer, the small talk and the estimate that follow get no notice: a linked rule is not carried
    (_, first), (thanks_id, thanks), (estimate_id, estimate) = await ask(
        open_chat, HEATER, "gracias", "hazme un presupuesto de eso")
    assert first["text"].startswith("AVISO DE SEGURIDAD")
    assert metadata_of(stack, thanks_id).get("small_talk") is True and "AVISO DE SEGURIDAD" not in thanks["text"]
    assert "AVISO DE SEGURIDAD" not in estimate["text"]
    assert "KB-" not in estimate["text"] and "article_safety_rule" not in metadata_of(stack, estimate_id)
    # nothing found ("No estoy seguro…" or asked for other words): no article, no notice
    [(_, unsure)] = await ask(open_chat, "¿Quién ganó el mundial de fútbol de 2010?")
    assert "AVISO DE SEGURIDAD" not in unsure["text"] and "KB-" not in unsure["text"]


async def test_staff_editing_a_link_changes_the_next_answer(stack: Stack, open_chat) -> None:
    try:
        staff_sql(stack, "UPDATE kb_article_safety_rules SET active = false WHERE article_slug = %s AND rule_slug = %s",
                  HEATER_ARTICLE, HEATER_RULE)
        [(_, reply)] = await ask(open_chat, HEATER)
        assert f"KB-{HEATER_ARTICLE}" in reply["text"] and "AVISO DE SEGURIDAD" not in reply["text"]
        staff_sql(stack, "INSERT INTO kb_article_safety_rules (article_slug, rule_slug, why) VALUES (%s, %s, %s)",
                  "grifo-monomando-cartucho", "agua-hirviendo", "prueba: grifo de agua caliente")
        [(message_id, reply)] = await ask(open_chat, FAUCET)
        assert reply["text"].startswith(rule_message(stack, "agua-hirviendo").strip() + "\n\n")
        assert metadata_of(stack, message_id)["article_safety_rule"] == "agua-hirviendo"
    finally:
        staff_sql(stack, "UPDATE kb_article_safety_rules SET active = true WHERE article_slug = %s AND rule_slug = %s",
                  HEATER_ARTICLE, HEATER_RULE)
        staff_sql(stack, "DELETE FROM kb_article_safety_rules WHERE article_slug = 'grifo-monomando-cartucho'")
    [(_, reply)] = await ask(open_chat, HEATER)
    assert reply["text"].startswith(rule_message(stack, HEATER_RULE).strip())
