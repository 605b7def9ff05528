"""Stop 34 (bench/quality/JOBS-34.md): the articles of seed-jobs-34.sql, jobs the base lacked (found on
eval/dev-jobs-11.jsonl and the jobs JOBS-33.md left), are found in a plumber's words and take no older neighbour's
question; a smell of gas and a gas heater in a bathroom stay with their older articles; and two router faults: the
squeeze of letters said long kept "carro" from "caro" only by phrase rows ("rr" now stays "rr"), and "¿cuánto cobras?"
with no job went to the estimate workflow's failure text (now the router asks which job, estimate_job_text; through the
stack: tests/integration/test_estimate_which_job_34.py). Own wordings, written for this test (none from an
evaluation file)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import psycopg
import pytest

from eval.prompting import _squeeze, off_topic_reply
from tests.knowledge.kb_queries import answered, assert_found_in_other_words, first
from tests.knowledge.talk_router import WORDS, route
from tests.workflows.test_answer_shape import SETTINGS, run_nodes

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "n8n-workflows" / "knowledge"
JOBS_34 = KNOWLEDGE / "seed-jobs-34.sql"
NEW = re.findall(r"kb_seed_article\(\s*'([a-z0-9-]+)'", JOBS_34.read_text())
OFF_TOPIC = "De eso no sé mucho"


def test_the_file_is_applied_after_stop_33s_by_the_runner_and_compose() -> None:
    from devstack.postgres import SCHEMA_FILES
    assert SCHEMA_FILES.index(JOBS_34) == SCHEMA_FILES.index(KNOWLEDGE / "seed-jobs-33.sql") + 1
    assert SCHEMA_FILES.index(JOBS_34) < SCHEMA_FILES.index(KNOWLEDGE / "seed-neighbours.sql")
    init = (ROOT / "deploy" / "postgres" / "db-init.sh").read_text()
    assert "knowledge/seed-jobs-33.sql knowledge/seed-jobs-34.sql " in init   # (stop 37: seed-jobs-37.sql follows it)
    assert len(NEW) == 9


@pytest.mark.parametrize("question, slug", [
    ("cuál es la medida mínima del tubo de venteo de un ramal de lavabo", "ventilacion-desague-dimensionar"),
    ("el sombrerete de la ventilación primaria cuánto tiene que subir sobre la cubierta", "ventilacion-desague-dimensionar"),
    ("qué volumen de calderín le corresponde a una bomba de 50 litros por minuto", "calderin-tamano"),
    ("la bomba con variador de frecuencia lleva un vaso pequeño de cuántos litros", "calderin-tamano"),
    ("cómo se deja la camisa para pasar el tubo por el forjado", "tuberia-pasamuros-empotrada"),
    ("el cobre que va dentro de la solera de hormigón necesita vaina", "tuberia-pasamuros-empotrada"),
    ("cómo se coloca la cinta calefactora autorregulable en una tubería de cobre exterior", "cable-calefactor-tuberia"),
    ("el cable calefactante de potencia constante se puede cortar más corto", "cable-calefactor-tuberia"),
    ("es legal unir la bajante de pluviales con la de fecales en la arqueta", "pluviales-red-separativa"),
    ("la red de la calle es unitaria, dónde junto las aguas pluviales", "pluviales-red-separativa"),
    ("cómo fijo el bastidor autoportante del wc suspendido", "inodoro-suspendido-bastidor"),
    ("qué separación llevan las varillas roscadas del wc suspendido", "inodoro-suspendido-bastidor"),
    ("qué separación mínima hay entre la tubería de gas y la de agua fría en paralelo", "gas-agua-separacion"),
    ("cuánta capacidad de aljibe calculo para siete personas y tres días de reserva", "deposito-reserva-capacidad"),
    ("qué diámetro tiene el conducto de humos de un calentador atmosférico", "calentador-gas-conducto-humos"),
    ("hay revoco de humos en el cortatiro del calentador y deja la pared negra", "calentador-gas-conducto-humos"),
])
def test_the_jobs_of_stop_34_are_found(conn: psycopg.Connection, question: str, slug: str) -> None:
    assert_found_in_other_words(conn, slug, question)


@pytest.mark.parametrize("question, slug", [
    # each article's nearest older neighbour keeps its own question (a "not this article if…" row names it)
    ("de cuántas pulgadas es la tubería de desagüe del inodoro", "desague-diametros-aparatos"),
    ("el lavabo gorgotea cuando se vacía la bañera", "ventilacion-gorgoteo"),
    ("a cuánto inflo la precarga del hidroneumático", "hidroneumatico-precarga"),
    ("el inodoro se mueve y pierde agua por la base", "inodoro-junta-cera"),
    ("el pulsador de la cisterna empotrada no descarga", "cisterna-empotrada"),
    ("cómo descongelo la tubería que se heló esta noche", "tuberias-congeladas"),
    ("el piloto del calentador se apaga al soltar el botón", "calentador-gas-piloto"),
    ("las rejillas de ventilación de la cocina de gas se pueden tapar", "gas-rejillas-ventilacion"),
    ("cómo compruebo con agua jabonosa si pierde gas la conexión", "gas-prueba-fugas-jabon"),
])
def test_the_jobs_of_stop_34_do_not_take_their_neighbours(conn: psycopg.Connection, question: str, slug: str) -> None:
    article, offered = answered(conn, question)
    assert article == slug or (slug in offered and not set(offered) & set(NEW)), (article, offered)


@pytest.mark.parametrize("question, slug", [
    ("el tanque del inodoro se queda corriendo toda la noche", "deposito-reserva-capacidad"),  # cisterna-pierde-agua's
    ("huele a cloaca en el baño de abajo", "pluviales-red-separativa"),                        # a drain's smell
    ("de cuántos litros pongo el termo para cuatro personas", "deposito-reserva-capacidad"),   # a water heater's size
    ("la bomba del hidroneumático no apaga nunca", "calderin-tamano"),                         # a pump that runs on
    ("el termo eléctrico no calienta, será la resistencia", "cable-calefactor-tuberia"),       # a heater's element
    ("el calefón se apaga solo a los pocos minutos de ducha", "calentador-gas-conducto-humos"),  # its ignition/flame
])
def test_the_jobs_of_stop_34_are_not_offered_for_other_jobs(conn: psycopg.Connection, question: str, slug: str) -> None:
    article, offered = answered(conn, question)
    assert article != slug and slug not in offered and first(conn, question) != slug


@pytest.mark.parametrize("question", [
    # the gas articles written at stop 33 and dropped: a gas heater in a bathroom stays gas-rejillas-ventilacion's
    # (examples here), a smell of gas calentador-gas-piloto's; no new article takes either
    "el calentador de gas atmosférico puede ir dentro del baño",
    "qué aberturas de ventilación necesita el cuarto del calefón",
])
def test_a_gas_heater_in_a_bathroom_stays_with_the_vents_article(conn: psycopg.Connection, question: str) -> None:
    assert answered(conn, question) == ("gas-rejillas-ventilacion", [])


@pytest.mark.parametrize("question", [
    "huele mucho a gas al entrar en la vivienda, qué hago",
    "olor a gas en la cocina cerca del calefón",
    "huele a gas junto a la garrafa",
])
def test_no_new_article_takes_a_gas_smell(conn: psycopg.Connection, question: str) -> None:
    article, offered = answered(conn, question)
    assert article not in NEW and not set(offered) & set(NEW) and first(conn, question) not in NEW


def test_no_example_of_a_new_article_is_halved_by_its_own_rows_and_each_finds_it(conn: psycopg.Connection) -> None:
    from tests.knowledge.kb_queries import examples_excluded_from_their_article
    assert examples_excluded_from_their_article(conn, NEW) == []
    rows = conn.execute("SELECT article_slug, question FROM kb_examples WHERE article_slug = ANY(%s) AND source = 'seed'",
                        (NEW,)).fetchall()
    assert len(rows) >= 5 * len(NEW)
    assert [(s, q) for s, q in rows if first(conn, q) != s] == []


def test_no_example_question_copies_a_tuning_question(conn: psycopg.Connection) -> None:
    """The example questions are the technical team's own wordings: the tuning sets stay a measure of them."""
    tuning = [json.loads(line)["question"] for path in sorted((ROOT / "eval").glob("dev-*.jsonl"))
              for line in path.read_text().splitlines() if line.strip()]
    dev = {r[0] for r in conn.execute("SELECT kb_normalize(q) FROM unnest(%s::text[]) q", (tuning,))}
    added = re.findall(r"'((?:[^']|'')+)'", "\n".join(re.findall(r"kb_seed_examples\('[a-z0-9-]+', ARRAY\[(.*?)\]\);",
                                                                   JOBS_34.read_text(), re.S)))
    mine = {r[0] for r in conn.execute("SELECT kb_normalize(q) FROM unnest(%s::text[]) q",
                                       ([a.replace("''", "'") for a in added],))}
    assert len(mine) >= 45 and not mine & dev


# ------------------------------------------------------------------------------------------------- the router
# The router ("What is the plumber asking for?", chat-answer.json, under Node) squeezes letters said long ("holaaa"),
# on the message and on its phrase lists alike; "rr" stays "rr", so "carro" (a car) is a word of its own again.
def test_rr_is_not_squeezed_into_r() -> None:
    assert _squeeze("carro") == "carro" != _squeeze("caro") == "caro"
    assert _squeeze("carrrrro") == "carro" and _squeeze("holaaa") == "hola" and _squeeze("perro") != _squeeze("pero")


def test_a_bare_car_is_off_topic_and_expensive_is_not() -> None:
    car = ["¿sabes algo de carros?", "se me descompuso el carro", "tengo carro nuevo"]
    expensive = ["está caro", "me parece muy caro", "uy, qué caro"]
    results = route(car + expensive)
    for text, result in zip(car, results):
        assert result["small_talk_reply"].startswith(OFF_TOPIC), text
        assert (off_topic_reply(text) or "").startswith(OFF_TOPIC), text
    for text, result in zip(expensive, results[len(car):]):
        assert not result["small_talk_reply"].startswith(OFF_TOPIC), text
        assert off_topic_reply(text) is None, text


def route_after(texts: list[str], job_asked: bool, intent: str | None = None) -> list[dict]:
    """The router's output as the chat workflow runs it, with "Changes an open estimate?" (estimate_job_asked: the last
    reply asked which job to price, or not) and the message's metadata."""
    return run_nodes([{
        "node": "What is the plumber asking for?",
        "json": {"safety_message": "", "safety_rule": "", "safety_carried": False},
        "nodes": {"Estimate and person words": WORDS, "Assistant settings": SETTINGS,
                  "Changes an open estimate?": {"estimate_change": None, "estimate_job_asked": job_asked},
                  "Read message": {"text": text, "metadata": {"intent": intent} if intent else {}}},
    } for text in texts])


def test_an_estimate_request_without_a_job_is_marked_and_one_with_a_job_is_not() -> None:
    no_job = ["¿cuánto cobras?", "hola, ¿cuánto me cobrarías?", "quiero un presupuesto", "¿me pasas una cotización?",
              "buenas tardes, ¿cuánto cobran ustedes por un trabajo?", "precio"]
    job = ["¿cuánto cobras por cambiar un termo de 80 litros?", "presupuesto para una mampara de ducha",
           "¿cuánto me cobras por desatascar el fregadero?", "¿cuánto cobras por la visita?"]
    got = route_after(no_job + job, job_asked=False)
    assert [r["estimate_job_missing"] for r in got] == [True] * len(no_job) + [False] * len(job)
    # no job: asked which one, like small talk (never the estimate workflow's "una persona lo preparará")
    assert [r["wants_estimate"] for r in got] == [False] * len(no_job) + [True] * len(job)
    assert {r["small_talk_reply"] for r in got[:len(no_job)]} == {WORDS["estimate_job_text"]}
    assert WORDS["estimate_job_text"].startswith("¿De qué trabajo quieres el presupuesto?")
    # the web chat's button carries its description; after the question asked back, it is not asked again
    assert not route_after(["presupuesto"], job_asked=False, intent="estimate")[0]["estimate_job_missing"]
    [again] = route_after(["¿cuánto cobras?"], job_asked=True)
    assert again["wants_estimate"] and not again["estimate_job_missing"]


def test_after_the_question_the_next_message_is_the_job_unless_it_is_talk_or_a_person() -> None:
    job, thanks, person = route_after(["cambiar la llave de paso de la cocina", "gracias",
                                       "quiero hablar con una persona"], job_asked=True)
    assert job["wants_estimate"] and not job["estimate_job_missing"] and not job["small_talk_reply"]
    assert not thanks["wants_estimate"] and thanks["small_talk_reply"]
    assert not person["wants_estimate"] and person["wants_person"]
    # without the question asked back, the same words are a question for the knowledge base
    [plain] = route_after(["cambiar la llave de paso de la cocina"], job_asked=False)
    assert not plain["wants_estimate"] and not plain["small_talk_reply"]
