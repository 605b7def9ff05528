"""Retrieval on the public evaluation set: the expected article is found, accents do not matter, unrelated
questions find nothing."""

from __future__ import annotations

import psycopg
import pytest

from eval.score import load_questions

QUESTIONS = load_questions()
WITH_ARTICLE = [q for q in QUESTIONS if q.get("article")]

UNRELATED = [
    "¿Quién ganó el mundial?", "¿Quién ganó el mundial de fútbol?", "¿qué aceite le pongo al motor de la furgoneta?",
    "hola buenos días", "receta de paella valenciana", "cómo cambio una bombilla del salón", "mi gato no come",
    "¿qué tiempo hará mañana en Madrid?", "cómo pinto una pared con gotelé", "cómo configuro el wifi del router",
    "qué cemento cola uso para porcelánico", "necesito una factura de la última visita",
]


def top(conn: psycopg.Connection, question: str, n: int = 3) -> list[str]:
    return [r[0] for r in conn.execute("SELECT slug FROM kb_search(%s, %s)", (question, n)).fetchall()]


def test_every_expected_article_exists(conn: psycopg.Connection) -> None:
    slugs = {r[0] for r in conn.execute("SELECT slug FROM kb_articles WHERE active").fetchall()}
    assert {q["article"] for q in WITH_ARTICLE} <= slugs


def test_top3_hit_rate_on_the_evaluation_set(conn: psycopg.Connection) -> None:
    misses = [(q["id"], q["article"], top(conn, q["question"])) for q in WITH_ARTICLE
              if q["article"] not in top(conn, q["question"])]
    rate = 1 - len(misses) / len(WITH_ARTICLE)
    assert rate >= 0.9, misses


def test_top1_hit_rate_on_the_evaluation_set(conn: psycopg.Connection) -> None:
    hits = sum(1 for q in WITH_ARTICLE if top(conn, q["question"], 1) == [q["article"]])
    assert hits / len(WITH_ARTICLE) >= 0.85


@pytest.mark.parametrize("plain, accented", [
    ("calefaccion", "calefacción"), ("valvula de aireacion", "válvula de aireación"),
    ("el vater pierde agua por la base", "el váter pierde agua por la base"),
    ("limpiar el sifon del fregadero", "limpiar el sifón del fregadero"),
    ("CUANTA PENDIENTE LLEVA EL DESAGUE", "¿Cuánta pendiente lleva el desagüe?"),
])
def test_search_ignores_accents_and_case(conn: psycopg.Connection, plain: str, accented: str) -> None:
    a = conn.execute("SELECT to_tsvector('es_unaccent', %s)::text", (plain,)).fetchone()[0]
    b = conn.execute("SELECT to_tsvector('es_unaccent', %s)::text", (accented,)).fetchone()[0]
    assert a == b
    assert conn.execute("SELECT array(SELECT slug || score FROM kb_search(%s))", (plain,)).fetchone() == \
        conn.execute("SELECT array(SELECT slug || score FROM kb_search(%s))", (accented,)).fetchone()


def test_small_typos_still_find_the_article(conn: psycopg.Connection) -> None:
    assert top(conn, "la cistena del inodoro no para de cargar")[0] == "cisterna-pierde-agua"


@pytest.mark.parametrize("question", UNRELATED)
def test_unrelated_questions_find_nothing(conn: psycopg.Connection, question: str) -> None:
    found, context, sources, slugs, score = conn.execute("SELECT * FROM kb_context(%s)", (question,)).fetchone()
    assert (found, context, sources, slugs, score) == (False, "", "", [], 0)


def test_kb_context_always_returns_one_row(conn: psycopg.Connection) -> None:
    for question in ["", None, "   ", "grifo", "la cisterna no para de correr agua"]:
        assert len(conn.execute("SELECT * FROM kb_context(%s)", (question,)).fetchall()) == 1
        assert len(conn.execute("SELECT * FROM safety_check(%s)", (question,)).fetchall()) == 1


def test_kb_context_shape(conn: psycopg.Connection) -> None:
    found, context, sources, slugs, score = conn.execute(
        "SELECT * FROM kb_context('La cisterna del váter no para de correr agua')").fetchone()
    assert found and slugs[0] == "cisterna-pierde-agua" and score > 0
    assert context.startswith("### Cisterna del inodoro")
    assert "Procedimiento:\n1. " in context and "Cuándo llamar a un profesional:" in context
    assert sources.startswith("Fuente: Cisterna del inodoro") and "(KB-cisterna-pierde-agua)" in sources
    assert len(context) <= 3000 or len(slugs) == 1


def test_max_articles_is_respected(conn: psycopg.Connection) -> None:
    question = "el termo gotea por la válvula de seguridad, hace ruido y el agua caliente huele a huevo podrido"
    assert len(conn.execute("SELECT * FROM kb_search(%s, 1)", (question,)).fetchall()) == 1
    assert len(conn.execute("SELECT * FROM kb_search(%s, 3)", (question,)).fetchall()) <= 3
