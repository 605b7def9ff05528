"""The articles of seed-gaps.sql (eval/DEV-TOPICS.md): common residential jobs the first 93 articles lacked. Each is
found for a question worded here, in other words than its own example questions (and than eval/dev-topics.jsonl),
and its "not this article if…" rows never push it away from its own examples."""

from __future__ import annotations

import re

import psycopg
import pytest

from tests.knowledge.conftest import KNOWLEDGE, KNOWLEDGE_SEEDS
from tests.knowledge.kb_queries import (assert_found_in_other_words, examples_excluded_from_their_article,
                                        first)

GAPS = KNOWLEDGE / "seed-gaps.sql"
GAP_SLUGS = re.findall(r"kb_seed_article\(\s*'([a-z0-9-]+)'", GAPS.read_text())

# One question per article, as a plumber might write it, sharing as few words as possible with the article's
# example questions. (slug, question)
PARAPHRASES = [
    ("grifo-instalar-nuevo", "tengo que montar una grifería nueva en la encimera del baño, qué pasos sigo"),
    ("bide-instalar", "el cliente quiere que le coloque un bidet en el baño nuevo"),
    ("urinario-mingitorio", "el orinal de pared de la oficina tiene mucha costra de orina y apesta"),
    ("inodoro-sello-agua-bajo", "al rato de descargar el inodoro casi no le queda agua en el fondo"),
    ("inodoro-triturador", "el baño del sótano tiene una bomba trituradora que no deja de funcionar"),
    ("valvula-desague-lavabo-banera", "el tapón automático del lavamanos no baja"),
    ("tinaco-no-se-llena", "el tanque elevado no alcanza a llenarse y nos quedamos sin agua"),
    ("tinaco-instalar-altura", "qué tan alto debe ir el tinaco y cómo le hago la base"),
    ("bomba-no-arranca-zumba", "la bomba centrífuga zumba y el eje no da vueltas"),
    ("termo-electrico-instalar", "cómo monto un calentador eléctrico de depósito nuevo en el lavadero"),
    ("vaso-expansion-sanitario", "qué tamaño de vaso de expansión necesita un acumulador de agua caliente"),
    ("caldera-pierde-presion", "el manómetro de la calefacción baja y tengo que meterle agua seguido"),
    ("agua-caliente-tarda", "para que llegue el agua caliente al lavabo del fondo hay que esperar mucho rato"),
    ("calentador-paso-agua-tibia", "el calefón prende pero no da agua bien caliente, sale templada"),
    ("ducha-electrica", "la regadera eléctrica no calienta nada, puede ser la resistencia"),
    ("osmosis-inversa", "la membrana del equipo de osmosis cuándo hay que cambiarla"),
    ("trampa-de-grasa", "el interceptor de grasa del restaurante está colmado, cómo lo vacío"),
    ("transicion-materiales", "qué adaptador pongo para unir tubería de ppr con la de cobre que ya está"),
    ("ruidos-tuberias", "se escucha un silbido en las cañerías cada vez que alguien usa el agua"),
    ("prueba-presion-instalacion", "cómo pruebo la estanqueidad de la tubería nueva antes de cerrar la pared"),
]


def test_the_gap_articles_are_applied_with_the_other_seeds() -> None:
    assert GAPS in KNOWLEDGE_SEEDS
    assert KNOWLEDGE_SEEDS.index(GAPS) > KNOWLEDGE_SEEDS.index(KNOWLEDGE / "seed-supply.sql")
    assert len(GAP_SLUGS) == len(set(GAP_SLUGS)) >= 12
    assert sorted(GAP_SLUGS) == sorted(slug for slug, _ in PARAPHRASES), "one test question per article"


def test_every_gap_article_is_loaded_with_its_parts(conn: psycopg.Connection) -> None:
    rows = conn.execute(
        "SELECT slug, title, problem, symptoms, procedure, safety, tools_materials, call_professional, keywords, "
        "(SELECT count(*) FROM kb_examples e WHERE e.article_slug = a.slug AND e.source = 'seed') "
        "FROM kb_articles a WHERE slug = ANY(%s) AND active AND seed_md5 IS NOT NULL", (GAP_SLUGS,)).fetchall()
    assert len(rows) == len(GAP_SLUGS)
    for slug, *texts, examples in rows:
        assert all(text and text.strip() for text in texts), slug
        assert 4 <= examples <= 6, (slug, examples)


@pytest.mark.parametrize("slug, question", PARAPHRASES)
def test_each_gap_article_is_found_in_other_words_than_its_examples(
        conn: psycopg.Connection, slug: str, question: str) -> None:
    assert_found_in_other_words(conn, slug, question)


def test_no_example_of_a_gap_article_is_excluded_from_it(conn: psycopg.Connection) -> None:
    """A "not this article if…" word that is in the article's own example question would push it away."""
    assert not examples_excluded_from_their_article(conn, GAP_SLUGS)


@pytest.mark.parametrize("question, slug", [
    # the neighbours the gap articles were kept apart from (not taken from the evaluation files)
    ("el monomando de la cocina gotea por el caño, le cambio el cartucho", "grifo-monomando-cartucho"),
    ("el tinaco se derrama por el tubo de demasías, la boya no corta", "tinaco-desborda"),
    ("la tubería da golpes fuertes cuando cierro rápido la llave", "golpe-de-ariete"),
    ("la cisterna del inodoro no para de cargar y se oye correr el agua", "cisterna-pierde-agua"),
])
def test_the_jobs_next_to_a_gap_article_keep_their_own(conn: psycopg.Connection, question: str, slug: str) -> None:
    assert first(conn, question) == slug


@pytest.mark.parametrize("question", [
    "cómo instalo un enchufe nuevo en la cocina",      # an electrician's job is not a faucet installation
    "huele a gas en la cocina, qué hago",              # never the grease trap
])
def test_gap_articles_stay_out_of_other_trades(conn: psycopg.Connection, question: str) -> None:
    assert first(conn, question) not in GAP_SLUGS
