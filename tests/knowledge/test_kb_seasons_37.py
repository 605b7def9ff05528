"""Stop 37: seasonal faults, buildings reopened after months, pumps cycling, callbacks and their dangers (tuning set
eval/dev-seasons-13.jsonl and safety checklist bench/quality/safety-13-tune.jsonl, bench/quality/SEASONS-37.md).
Every question here is from a tuning set, never from a held-out split."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from tests.support.tuning_set import checklist_problems, labels_not_articles, questions_copied_as_examples

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval"
CHECKLIST = ROOT / "bench" / "quality" / "safety-13-tune.jsonl"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_set_is_written_and_labelled() -> None:
    questions = rows(EVAL / "dev-seasons-13.jsonl")
    labels = json.loads((EVAL / "dev-seasons-13-labels.json").read_text())
    also = json.loads((EVAL / "dev-seasons-13-also.json").read_text())
    ids = [row["id"] for row in questions]
    assert len(ids) == len(set(ids)) >= 60 and all(i.startswith("ds13-") and row["question"]
                                                  for i, row in zip(ids, questions))
    assert set(labels) == set(ids) and set(also) <= set(ids)
    assert sum(label is None for label in labels.values()) >= 3, "some jobs the base does not cover"
    assert {row["kind"] for row in questions} >= {"s1", "s2", "s3", "s4", "s5"}
    assert sum(bool(row["danger"]) for row in questions) >= 5


def test_every_label_is_an_article(conn: psycopg.Connection) -> None:
    missing = labels_not_articles(conn, "dev-seasons-13")
    assert not missing, missing


def test_no_example_question_copies_a_question_of_the_set(conn: psycopg.Connection) -> None:
    assert not questions_copied_as_examples(conn, "dev-seasons-13")


def test_the_checklist_names_real_rules(conn: psycopg.Connection) -> None:
    problems = checklist_problems(conn, CHECKLIST)
    assert not problems, problems


def shown(conn: psycopg.Connection, message: str) -> str | None:
    return conn.execute("SELECT rule FROM safety_check(%s)", (message,)).fetchone()[0]


@pytest.mark.parametrize("message", [
    # safety-13-tune: a customer's sleepiness or heavy head next to a gas appliance is carbon monoxide
    "el abuelo se queda dormido en el sillón cada vez que encienden la estufa de butano",
    "los niños amanecen con la cabeza pesada desde que pusieron el calentador de gas en el lavadero cerrado",
    "anda somnoliento desde que tiene el calentador de gas en la cocina",
    "le agarra sueño en la ducha con el calentador a gas",
    "se desvaneció en el baño, tienen calentador de gas adentro",
    # dev-lay-12 dl12-012
    "la clienta dice que le duele la cabeza y se marea cuando se ducha mucho rato con el calefón prendido que hago",
    # a headache is no gas smell: "dolor" holds "olor", and the gas-smell rule (priority 100) hid the CO message
    "amanecen con dolor de cabeza, el boiler de gas está en el lavadero cerrado",
])
def test_a_customers_symptoms_by_a_gas_appliance_are_carbon_monoxide(conn: psycopg.Connection, message: str) -> None:
    assert shown(conn, message) == "monoxido-carbono"


@pytest.mark.parametrize("message", [
    "me duele la cabeza de tanto trabajar",
    "qué sueño tengo, ¿cómo purgo la caldera?",
    "me quedé dormido y llegué tarde a instalar el calefón",
    "tengo sueño, llevo desde las seis desatascando bajantes",
])
def test_the_plumbers_own_tiredness_is_no_danger(conn: psycopg.Connection, message: str) -> None:
    assert shown(conn, message) is None


def test_stored_hot_water_stopped_for_months_then_showers_is_legionella(conn: psycopg.Connection) -> None:
    message = ("el hotel reabre y los acumuladores de agua caliente estuvieron parados cuatro meses, "
               "vamos directo a las duchas?")
    assert shown(conn, message) == "legionela"
    assert shown(conn, "los acumuladores estuvieron parados cuatro meses, ¿qué capacidad tienen?") is None


def answered(conn: psycopg.Connection, question: str) -> tuple[str | None, list[str]]:
    slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (question,)).fetchone()
    cases = [c["slug"] for c in choices]
    return (None if cases or not slugs else slugs[0]), cases


@pytest.mark.parametrize("question", [
    "reabrimos un colegio después del verano, ¿hay que purgar los grifos por la legionela?",   # ds13-014
    "el gimnasio estuvo cerrado y las duchas, que agua dejo correr y cuánto tiempo",            # ds13-025
    "cerraron el hotel cuatro meses, que procedimiento hago para desinfectar el agua caliente y el acumulador",
])
def test_a_building_reopened_after_months_finds_its_article(conn: psycopg.Connection, question: str) -> None:
    article, cases = answered(conn, question)
    assert article == "reabrir-instalacion-cerrada" or cases[:1] == ["reabrir-instalacion-cerrada"], (article, cases)
    # the article is the reason: hidden, none of these finds it
    conn.execute("UPDATE kb_articles SET active = false WHERE slug = 'reabrir-instalacion-cerrada'")
    article, cases = answered(conn, question)
    assert article != "reabrir-instalacion-cerrada" and "reabrir-instalacion-cerrada" not in cases


@pytest.mark.parametrize("question, right", [
    # its words must not move older articles' questions (dev-embed emb-08 found nothing with a first draft that
    # named cisterns; dev-topics tp-096 with one that named the drain vent's article)
    ("el tanque del excusado se queda corriendo todo el dia", "cisterna-pierde-agua"),
    ("che vamos a cerrar la casa de la playa todo el invierno que hago con las cañerias", "vaciar-instalacion-invierno"),
])
def test_older_jobs_keep_their_questions(conn: psycopg.Connection, question: str, right: str) -> None:
    article, cases = answered(conn, question)
    assert article == right or cases[:1] == [right], (article, cases)


def test_a_heater_that_does_not_start_in_a_country_house_is_the_heaters_job(conn: psycopg.Connection) -> None:
    question = "abrimos la casa de campo y el termo eléctrico no arranca, estuvo todo el invierno sin luz"   # ds13-018
    article, cases = answered(conn, question)
    assert (article or cases[0]) == "termo-electrico-no-calienta", (article, cases)
    conn.execute("UPDATE kb_exclusions SET active = false WHERE article_slug = 'vaciar-instalacion-invierno' "
                 "AND term = 'no arranca'")
    article, cases = answered(conn, question)
    assert (article or cases[0]) == "vaciar-instalacion-invierno", (article, cases)
