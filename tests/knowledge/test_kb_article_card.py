"""kb_article_card (n8n-workflows/knowledge/answer.sql, docs/contracts.md §4): the cited article as the plumber's
card. Besides the title, every step and the safety note, it carries why it happens (`problem`), the tools and
materials and when to call a specialist (`call_professional`), each left out when the article has none; never
the symptoms (what the plumber already sees). The gateway passes every seeded card on unchanged."""

from __future__ import annotations

import psycopg

from gateway.article_card import EXTRA_FIELDS, check_article
from gateway.whatsapp.text import MAX_TEXT, article_text

CARD = "SELECT kb_article_card(a) FROM kb_articles a WHERE slug = %s"


def card_of(conn: psycopg.Connection, slug: str) -> dict:
    [(card,)] = conn.execute(CARD, (slug,)).fetchall()
    return card


def test_every_card_carries_the_articles_why_tools_and_when_to_call(conn: psycopg.Connection) -> None:
    rows = conn.execute("SELECT slug, problem, symptoms, tools_materials, call_professional, kb_article_card(a) "
                        "FROM kb_articles a WHERE active").fetchall()
    assert len(rows) > 100
    for slug, problem, symptoms, tools, call, card in rows:
        assert set(card) == {"slug", "title", "steps", "safety", *EXTRA_FIELDS}, slug  # every seeded field is set
        assert (card["problem"], card["tools_materials"], card["call_professional"]) == \
            (problem.strip(), tools.strip(), call.strip()), slug
        assert "symptoms" not in card and symptoms.strip() not in article_text(card), slug
        assert check_article(card) == card, f"{slug}: the gateway passes the card on unchanged"
        # each part of the WhatsApp message, with its heading, fits one message
        assert all(len(part) <= MAX_TEXT for part in article_text(card).split("\n\n")), slug


def test_an_articles_empty_fields_are_left_out_of_its_card(conn: psycopg.Connection) -> None:
    conn.execute("INSERT INTO kb_articles (slug, title, problem, procedure, safety, tools_materials, call_professional)"
                 " VALUES ('zz-card-vacia', 'Artículo sin herramientas', E'  Se desgasta la junta.\\n', "
                 "E'1. Cerrar el agua.\\n2. Cambiar la junta.', '', E' \\n ', '')")
    card = card_of(conn, "zz-card-vacia")
    assert card == {"slug": "zz-card-vacia", "title": "Artículo sin herramientas",
                    "steps": ["Cerrar el agua.", "Cambiar la junta."], "safety": None,
                    "problem": "Se desgasta la junta."}
    assert check_article(card) == card
    message = article_text(card)
    assert "*Por qué pasa:* Se desgasta la junta." in message
    assert "Herramientas" not in message and "Cuándo llamar" not in message and "Seguridad" not in message


def test_the_answers_card_is_the_articles_full_card(conn: psycopg.Connection) -> None:
    [(found, slugs, article)] = conn.execute(
        "SELECT found, slugs, article FROM kb_answer(%s, '')",
        ("El grifo monomando de la cocina gotea, ¿cómo cambio el cartucho?",)).fetchall()
    assert found and slugs == ["grifo-monomando-cartucho"]
    assert article == card_of(conn, "grifo-monomando-cartucho")
    assert article["problem"] and article["tools_materials"] and article["call_professional"]
