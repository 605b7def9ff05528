"""The articles of seed-jobs-31.sql (eval/DEV-JOBS-8.md, bench/quality/ARTICLES-31.md): common residential jobs the
first 130 articles lacked. Each is loaded in the staff-editable form, with its example questions, and found for a
plumber's question worded here (in other words than its own example questions and than eval/dev-jobs-8.jsonl);
its "not this article if…" rows never push it away from its own examples; the regional words seeded with it are
read by the search; and the neighbours it was kept apart from keep their own questions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import psycopg
import pytest

from tests.knowledge.conftest import KNOWLEDGE, KNOWLEDGE_SEEDS
from tests.knowledge.kb_queries import (assert_found_in_other_words, examples_excluded_from_their_article,
                                        first)

ROOT = Path(__file__).resolve().parents[2]
JOBS = KNOWLEDGE / "seed-jobs-31.sql"
JOB_SLUGS = re.findall(r"kb_seed_article\(\s*'([a-z0-9-]+)'", JOBS.read_text())
DEV_JOBS_8 = ROOT / "eval" / "dev-jobs-8.jsonl"

# One question per article, as a plumber might write it (Spain and Latin America, phone typing, speech), sharing as
# few words as possible with the article's example questions. (slug, question)
PARAPHRASES = [
    ("radiador-purgar", "hay que sacarle el aire a los radiadores, la parte de arriba no se calienta"),
    ("radiador-no-calienta", "el radiador de la habitación de los niños no se calienta nada, el resto de la casa sí"),
    ("radiador-lodos-frio-abajo", "el radiador tiene la mitad de abajo fría y al purgar sale agua muy sucia"),
    ("caldera-presion-sube", "la presión de la caldera se dispara cuando se pone en marcha la calefacción"),
    ("radiador-llave-detentor", "pierde agua la válvula de un radiador, cómo la cambio"),
    ("suelo-radiante-purgar", "el colector del suelo radiante tiene aire en un circuito"),
    ("cisterna-taza-junta", "pierde agua por la junta entre el tanque y la taza del inodoro"),
    ("cisterna-empotrada", "cómo reparo una cisterna geberit metida en la pared"),
    ("termo-pierde-por-abajo", "el termo echa agua por abajo y no es por los tubos, creo que está picado"),
    ("alcachofa-ducha-cal", "la alcachofa de la ducha está llena de cal y el agua sale torcida"),
    ("plato-ducha-instalar", "voy a colocar un plato de ducha nuevo en vez de la bañera, cómo lo asiento"),
    ("sonda-desatascar", "como se mete el muelle desatascador por el tubo sin que se doble"),
    ("antirretorno-saneamiento", "cuando hay tormenta rebosan los sumideros del sótano con agua de la alcantarilla"),
    ("colector-raices-camara", "el colector de la casa se atasca cada poco y creo que son raíces, hay que meter cámara"),
    ("biodigestor", "cada cuanto se purga el biodigestor de la casa"),
    ("racor-rapido", "los racores rápidos push fit aguantan o hay que soldar"),
    ("fuga-tuberia-enterrada", "hay una fuga en el tubo enterrado del jardín, el césped está encharcado"),
    ("terraja-roscar", "como roscar un tubo de hierro galvanizado con la terraja"),
    ("dureza-agua-medir", "cómo se mide la dureza del agua con las tiras"),
    ("riego-electrovalvula", "la electroválvula del riego del jardín se queda abierta y no corta"),
    ("riego-goteo", "los goteros del riego por goteo no echan agua"),
    ("riego-aspersor", "el aspersor emergente del jardín no sube"),
    ("canalon-bajante-pluvial", "el canalón del tejado está lleno de hojas y rebosa cuando llueve"),
    ("agua-lluvia-aprovechar", "quiero recoger el agua de lluvia del tejado en un depósito para el riego"),
]

# Regional words seeded with the articles: (a question's words, the canonical words the search reads for them)
SYNONYMS = [
    ("la canaleta del techo rebalsa", "canalon"),
    ("la bajada pluvial está tapada", "bajante pluvial"),
    ("la valvula solenoide no abre", "electrovalvula"),
    ("la tarraja no agarra", "terraja"),
    ("la losa radiante no calienta", "suelo radiante"),
    ("el piso radiante tiene aire", "suelo radiante"),
]


def test_the_job_articles_are_applied_with_the_other_seeds() -> None:
    assert JOBS in KNOWLEDGE_SEEDS
    assert KNOWLEDGE_SEEDS.index(JOBS) > KNOWLEDGE_SEEDS.index(KNOWLEDGE / "seed-gaps.sql")
    init = (ROOT / "deploy" / "postgres" / "db-init.sh").read_text()
    assert "knowledge/seed-gaps.sql knowledge/seed-jobs-31.sql" in init, "compose's db-init must apply it too"
    assert len(JOB_SLUGS) == len(set(JOB_SLUGS)) >= 24
    assert sorted(JOB_SLUGS) == sorted(slug for slug, _ in PARAPHRASES), "one test question per article"


def test_every_job_article_is_loaded_in_the_staff_editable_form(conn: psycopg.Connection) -> None:
    rows = conn.execute(
        "SELECT slug, title, problem, symptoms, procedure, safety, tools_materials, call_professional, source, "
        "keywords, (SELECT count(*) FROM kb_examples e WHERE e.article_slug = a.slug AND e.source = 'seed') "
        "FROM kb_articles a WHERE slug = ANY(%s) AND active AND seed_md5 IS NOT NULL", (JOB_SLUGS,)).fetchall()
    assert len(rows) == len(JOB_SLUGS)
    for slug, title, problem, symptoms, procedure, safety, tools, call, source, keywords, examples in rows:
        assert all(text and text.strip() for text in (title, problem, symptoms, safety, tools, call, source)), slug
        numbers = [int(n) for n in re.findall(r"^(\d+)\. \S", procedure, re.M)]
        assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 5, (slug, numbers)
        assert len(problem) + len(procedure) + len(safety) <= 2000, slug
        assert len([k for k in keywords.split(",") if k.strip()]) >= 8, slug
        assert 4 <= examples <= 6, (slug, examples)


def test_no_example_question_copies_a_dev_jobs_8_question(conn: psycopg.Connection) -> None:
    """The example questions are general trade wordings: dev-jobs-8 stays a measure of them, not their source."""
    dev = {r[0] for r in conn.execute(
        "SELECT kb_normalize(q) FROM unnest(%s::text[]) q",
        ([json.loads(line)["question"] for line in DEV_JOBS_8.read_text().splitlines() if line.strip()],))}
    examples = {r[0] for r in conn.execute(
        "SELECT kb_normalize(question) FROM kb_examples WHERE article_slug = ANY(%s)", (JOB_SLUGS,))}
    assert len(examples) >= 5 * len(JOB_SLUGS)
    assert not examples & dev


@pytest.mark.parametrize("slug, question", PARAPHRASES)
def test_each_job_article_is_found_in_a_plumbers_own_words(
        conn: psycopg.Connection, slug: str, question: str) -> None:
    assert_found_in_other_words(conn, slug, question)


def test_no_example_of_a_job_article_is_excluded_from_it(conn: psycopg.Connection) -> None:
    """A "not this article if…" word that is in the article's own example question would push it away."""
    assert not examples_excluded_from_their_article(conn, JOB_SLUGS)
    assert conn.execute("SELECT count(*) FROM kb_exclusions WHERE article_slug = ANY(%s) AND source = 'seed'",
                        (JOB_SLUGS,)).fetchone()[0] >= 4


@pytest.mark.parametrize("question, canonical", SYNONYMS)
def test_the_regional_words_seeded_with_them_are_read(conn: psycopg.Connection, question: str, canonical: str) -> None:
    assert canonical in conn.execute("SELECT kb_expand(%s)", (question,)).fetchone()[0]


@pytest.mark.parametrize("question, slug", [
    # the neighbours the new articles were kept apart from (not taken from the evaluation files)
    ("el inodoro pierde agua por la base, por el suelo, al descargar", "inodoro-junta-cera"),
    ("cómo cambio la barra de magnesio del termo", "termo-anodo-olor"),
    ("cuánta pendiente lleva un tubo de desagüe horizontal", "pendiente-desague"),
    ("la ducha tarda en tragar el agua, la rejilla tiene pelos", "ducha-desague-lento-pelo"),
    ("el agua sale turbia del tinaco, cada cuánto se lava", "tinaco-limpiar-desinfectar"),
    ("la caldera baja de presión y tengo que rellenarla cada semana", "caldera-pierde-presion"),
])
def test_the_jobs_next_to_a_new_article_keep_their_own(conn: psycopg.Connection, question: str, slug: str) -> None:
    assert first(conn, question) == slug


@pytest.mark.parametrize("question", [
    "cómo instalo un enchufe nuevo en la cocina",       # an electrician's job
    "qué tiempo va a hacer mañana en Madrid",           # no plumbing at all
])
def test_job_articles_stay_out_of_other_trades(conn: psycopg.Connection, question: str) -> None:
    assert first(conn, question) not in JOB_SLUGS
