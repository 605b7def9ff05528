"""Stop 33 (bench/quality/JOBS-33.md): the articles of seed-jobs-33.sql, jobs the base lacked (found on
eval/dev-jobs-10.jsonl and the older tuning sets' "no article" questions), are found in a plumber's words and take no
older neighbour's question; and two router rows: "carro" (a car) is off-topic only as a phrase, so "caro" (expensive),
which the router's squeezed matching reads the same, is not; "how much do you charge" in every person and tense is an
estimate request. Own wordings, written for this test (none from an evaluation file)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from eval.prompting import off_topic_reply
from tests.knowledge.kb_queries import answered, assert_found_in_other_words, first
from tests.knowledge.talk_router import route

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "n8n-workflows" / "knowledge"
JOBS_33 = KNOWLEDGE / "seed-jobs-33.sql"
OFF_TOPIC = "De eso no sé mucho"


def test_the_file_is_applied_after_stop_32s_by_the_runner_and_compose() -> None:
    from devstack.postgres import SCHEMA_FILES
    assert SCHEMA_FILES.index(JOBS_33) == SCHEMA_FILES.index(KNOWLEDGE / "seed-jobs-32.sql") + 1
    assert SCHEMA_FILES.index(JOBS_33) < SCHEMA_FILES.index(KNOWLEDGE / "seed-neighbours.sql")
    init = (ROOT / "deploy" / "postgres" / "db-init.sh").read_text()
    assert "knowledge/seed-jobs-32.sql knowledge/seed-jobs-33.sql " in init   # (stop 34: seed-jobs-34.sql follows it)


@pytest.mark.parametrize("question, slug", [
    ("mi acumulador de aerotermia no llega a 55 grados cuando hace frío y se pone la resistencia", "aerotermia-acs"),
    ("el tubo de condensados de la bomba de calor del agua caliente gotea en el suelo", "aerotermia-acs"),
    ("cada cuánto se pone una grapa en tubería de cobre de 15", "tuberia-soportes-dilatacion"),
    ("el tubo de polipropileno del agua caliente se dilata y se arquea, cómo lo sujeto", "tuberia-soportes-dilatacion"),
    ("el depósito de plástico de mil litros tiene una grieta, se puede soldar", "deposito-grieta-reparar"),
    ("la cisterna de concreto del patio tiene una fisura y pierde agua", "deposito-grieta-reparar"),
    ("la bomba sumergible del pozo profundo da poca agua y salta el diferencial", "bomba-pozo-sumergible"),
    ("cómo calculo la bomba para un pozo de 40 metros de profundidad", "bomba-pozo-sumergible"),
    ("cómo funciona el kit de congelación de tuberías con co2", "congelar-tuberia-kit"),
    ("quiero congelar la tubería para cambiar una válvula sin cortar el agua del edificio", "congelar-tuberia-kit"),
    ("la llama de la estufa a gas sale amarilla y deja hollín", "gas-llama-amarilla"),
    ("los quemadores de la cocina dan llama naranja", "gas-llama-amarilla"),
])
def test_the_jobs_of_stop_33_are_found(conn: psycopg.Connection, question: str, slug: str) -> None:
    assert_found_in_other_words(conn, slug, question)


@pytest.mark.parametrize("question, slug", [
    # each article's nearest older neighbour keeps its own question (a "not this article if…" row names it)
    ("la válvula de seguridad del termo eléctrico gotea", "termo-valvula-seguridad"),
    ("el agua caliente huele a huevo podrido", "termo-anodo-olor"),
    ("se congeló la tubería del patio con la helada, cómo la descongelo", "tuberias-congeladas"),
    ("pongo una abrazadera de reparación en un poro de la tubería", "abrazadera-reparacion"),
    ("golpes en la tubería al cerrar el grifo", "golpe-de-ariete"),
    ("la cisterna del inodoro tiene una grieta en la porcelana", "inodoro-cisterna-rajada"),
    ("el tinaco se derrama por el rebosadero", "tinaco-desborda"),
    ("la bomba de achique del sótano no arranca", "bomba-achique-fecales"),
    ("la bomba periférica zumba y no arranca", "bomba-no-arranca-zumba"),
    ("el piloto del calentador se apaga al soltar el botón", "calentador-gas-piloto"),
    ("cómo compruebo con agua jabonosa si pierde gas la conexión", "gas-prueba-fugas-jabon"),
    ("el flexible de la bombona está caducado", "gas-tubo-flexible-caducado"),
    ("las rejillas de ventilación de la cocina de gas se pueden tapar", "gas-rejillas-ventilacion"),
])
def test_the_jobs_of_stop_33_do_not_take_their_neighbours(conn: psycopg.Connection, question: str, slug: str) -> None:
    assert answered(conn, question) == (slug, [])


@pytest.mark.parametrize("question, slug", [
    ("el aire acondicionado no enfría y gotea dentro del cuarto", "aerotermia-acs"),     # no article: never this one
    ("la bomba de la calefacción zumba al arrancar", "aerotermia-acs"),               # a boiler's circulating pump
    ("se rompió una teja y cae agua del techo cuando llueve", "deposito-grieta-reparar"),  # a roof: no article
    ("se congeló el tubo de afuera con el frío de la noche", "congelar-tuberia-kit"),     # tuberias-congeladas'
    ("el calentador a gas hace la llama amarilla", "gas-llama-amarilla"),                 # the gas heater's articles'
])
def test_the_jobs_of_stop_33_are_not_offered_for_other_jobs(conn: psycopg.Connection, question: str, slug: str) -> None:
    article, offered = answered(conn, question)
    assert article != slug and slug not in offered and first(conn, question) != slug


def test_no_example_of_a_new_article_is_halved_by_its_own_rows(conn: psycopg.Connection) -> None:
    from tests.knowledge.kb_queries import examples_excluded_from_their_article
    slugs = [r[0] for r in conn.execute("SELECT slug FROM kb_articles WHERE slug = ANY(%s)", (
        ["aerotermia-acs", "tuberia-soportes-dilatacion", "deposito-grieta-reparar", "bomba-pozo-sumergible",
         "congelar-tuberia-kit", "gas-llama-amarilla"],))]
    assert len(slugs) == 6
    assert examples_excluded_from_their_article(conn, slugs) == []
    assert all(first(conn, q) == s for s, q in conn.execute(
        "SELECT article_slug, question FROM kb_examples WHERE article_slug = ANY(%s) AND source = 'seed'", (slugs,)))


# The router ("What is the plumber asking for?", chat-answer.json, under Node) squeezes letters said twice into one
# ("holaaa"), on the message and on the phrase lists alike: a bare "carro" in off_topic_words matched "caro".
def test_expensive_is_not_a_car_but_a_car_is_still_off_topic() -> None:
    expensive = ["está caro", "me parece muy caro", "uy, qué caro"]
    car = ["el carro no arranca", "cómo le cambio el aceite al carro", "vendí mi carro", "mis carros son viejos"]
    results = route(expensive + car)
    for text, result in zip(expensive, results):
        assert not result["small_talk_reply"].startswith(OFF_TOPIC), text
        assert off_topic_reply(text) is None, text
    for text, result in zip(car, results[len(expensive):]):
        assert result["small_talk_reply"].startswith(OFF_TOPIC), text
        assert (off_topic_reply(text) or "").startswith(OFF_TOPIC), text


def test_how_much_do_you_charge_in_any_person_is_an_estimate_request() -> None:
    texts = ["¿cuánto cobras?", "¿cuánto cobráis?", "¿cuánto cobra?", "¿y cuánto me cobra usted?", "¿cuánto cobran?",
             "buenas, ¿cuánto me cobraría?", "¿cuánto me cobraríais?", "cuanto cobrarian ustedes"]
    # an estimate request; with no job in it (stop 34) asked which job first: the estimate side, never the search
    assert [r["wants_estimate"] or r["estimate_job_missing"] for r in route(texts)] == [True] * len(texts)
    # the cost of the chat itself is still its small-talk reply, not an estimate
    [app] = route(["¿cuánto me cobran por usar la app?"])
    assert not app["wants_estimate"] and app["small_talk_reply"].startswith("Este chat es el asistente")


def test_no_example_question_copies_a_tuning_question(conn: psycopg.Connection) -> None:
    """The example questions are the technical team's own wordings: the tuning sets stay a measure of them."""
    import json
    names = ["dev-jobs-10", "dev-jobs-8", "dev-facts-1", "dev-facts-2", "dev-topics", "dev-words-5", "dev-steal-9"]
    tuning = [json.loads(line)["question"] for name in names
              for line in (ROOT / "eval" / f"{name}.jsonl").read_text().splitlines() if line.strip()]
    dev = {r[0] for r in conn.execute("SELECT kb_normalize(q) FROM unnest(%s::text[]) q", (tuning,))}
    examples = {r[0] for r in conn.execute(
        "SELECT kb_normalize(e.question) FROM kb_examples e JOIN kb_articles a ON a.slug = e.article_slug "
        "WHERE a.slug = ANY(%s)", (["aerotermia-acs", "tuberia-soportes-dilatacion", "deposito-grieta-reparar",
                                    "bomba-pozo-sumergible", "congelar-tuberia-kit", "gas-llama-amarilla"],))}
    assert len(examples) >= 30 and not examples & dev
