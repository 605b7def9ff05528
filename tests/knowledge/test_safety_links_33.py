"""Safety links of the stop-33 articles (seed-jobs-33.sql; safety-links.sql): a reply citing one shows the rule its
job involves when the message says the job is being done, and none when it only asks about it."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.test_safety_article_links import article_rule


@pytest.mark.parametrize(("article", "question", "rule"), [
    ("deposito-grieta-reparar", "voy a meterme a la cisterna de concreto a resanar una fisura", "espacio-confinado"),
    ("deposito-grieta-reparar", "el aljibe enterrado filtra por una grieta, ¿cómo lo reparo?", "espacio-confinado"),
    ("bomba-pozo-sumergible", "la bomba sumergible del pozo no arranca, ¿reviso el cable?", "bomba-electrica"),
    ("gas-llama-amarilla", "en la cocina de gas los fuegos salen con la llama amarilla", "monoxido-carbono"),
])
def test_the_job_done_gets_its_notice(conn: psycopg.Connection, article: str, question: str, rule: str) -> None:
    assert article_rule(conn, [article], question) == rule


@pytest.mark.parametrize(("article", "question"), [
    ("deposito-grieta-reparar", "el tinaco de la azotea tiene una rajadita, ¿con qué lo parcho?"),
    ("deposito-grieta-reparar", "¿qué sellador sirve para un depósito de plástico que pierde por una fisura?"),
])
# (the pump's link shares its neighbours' list, where "pongo" or "instalo" is work: a
# question about choosing one gets the notice too, as for those neighbours; link_information_quiet, SAFETY-12.md)
def test_a_question_about_the_job_gets_none(conn: psycopg.Connection, article: str, question: str) -> None:
    assert article_rule(conn, [article], question) is None


def test_the_articles_without_a_danger_of_their_own_stay_unlinked(conn: psycopg.Connection) -> None:
    linked = {a for (a,) in conn.execute("SELECT article_slug FROM kb_article_safety_rules")}
    assert {"deposito-grieta-reparar", "bomba-pozo-sumergible", "gas-llama-amarilla"} <= linked
    # the heat-pump heater is not linked: its questions about how it heats are not electrical work
    assert not {"tuberia-soportes-dilatacion", "congelar-tuberia-kit", "aerotermia-acs"} & linked
