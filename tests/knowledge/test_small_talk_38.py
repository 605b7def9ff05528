"""Everyday off-topic questions, banter, other trades' prices and "how does this work" (stop 38,
bench/quality/TALK-38.md, tuning set eval/dev-smalltalk-7.jsonl).

- off_topic_words ("Assistant settings", chat-answer.json; twin in eval/prompting.py) name whole classes of
  subjects that are not plumbing: paperwork (a tax number, an ID card, a driving licence, an energy certificate, an
  exam), recommendations (a phone, a restaurant, an app, a bank, sending money), sports, holidays and dates, an
  e-mail to write, other trades and everyday things; off_topic_not_words (the trade's words that keep a message a
  question) know more of the trade (a thermostat, a drain snake, a press tool, a grease trap…).
- The router ("What is the plumber asking for?"): the price of such a subject with nothing of the trade left
  ("¿cuánto cobra un cerrajero?") is no estimate, it gets the off-topic reply; a price that names the trade stays an
  estimate, and so does the web chat's estimate button.
- The phrase list knows "otra vez yo", "how does this work / first time", and banter about the master or the boss.

Checked through the router's own JavaScript (under Node) and, for what it leaves to the knowledge base, the
workflow's own "Find knowledge articles" query on the test database. Own wordings, written for this test (none
from an eval set)."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from eval.prompting import small_talk_reply
from tests.knowledge.talk_router import WORDS, decide, route
from tests.workflows.test_answer_shape import SETTINGS, run_nodes

ROOT = Path(__file__).resolve().parents[2]
OFF_TOPIC = SETTINGS["off_topic_text"]
HOW = next(line.split("=>")[1].strip() for line in SETTINGS["small_talk"].splitlines()
           if line.startswith("para que sirve este chat"))

# each got a question asked back, an article, "not sure" or the estimate job before stop 38
OFF_TOPIC_MESSAGES = [
    "¿cómo pido el NIE para trabajar de autónomo?",
    "oiga, ¿dónde se renueva la licencia de manejo en Puebla?",
    "¿qué piden para sacar el pasaporte de mi hijo?",
    "¿el certificado energético lo puede hacer cualquiera?",
    "¿me recomiendas un celular barato con buena cámara?",
    "¿conoces algún restaurante de mariscos en Valparaíso?",
    "¿qué banco da menos comisiones a los autónomos?",
    "¿cuándo es feriado en noviembre?",
    "ayúdame con un correo para el casero, porfa",
    "¿quién ganó la liga este año?",
    "jaja si mi jefe ve esto me despide",
]
PRICES_OFF_TOPIC = [
    "¿cuánto cobra un cerrajero por abrir una puerta?",
    "¿cuánto cuesta un pasaje a Lima?",
    "¿cuánto vale un kilo de carne?",
    "¿cuánto me cobra un abogado por un divorcio?",
]
PRICES_OF_THE_TRADE = [
    "¿cuánto cobra un electricista por cambiar el termo eléctrico?",
    "¿cuánto cobro por desatascar el fregadero de un restaurante?",
    "¿cuánto cuesta cambiar el calentador de un restaurante?",
    "presupuesto para cambiar la bañera por un plato de ducha",
]
# look-alikes: plumbing paperwork, tools and faults told with a word of the classes above
QUESTIONS = [
    "¿hace falta permiso para mover la caldera de gas a la terraza?",
    "¿qué sonda me sirve para el bajante de un edificio?",
    "¿la prensadora de multicapa necesita calibración?",
    "el pintor tapó la rejilla de ventilación del calentador, ¿qué hago?",
    "¿puedo cerrar el agua en vacaciones sin vaciar el termo?",
    "¿qué examen piden a la instalación de gas antes de dar el alta?",
]


def test_everyday_subjects_get_the_off_topic_reply_in_node_and_evaluation() -> None:
    for text, result in zip(OFF_TOPIC_MESSAGES, route(OFF_TOPIC_MESSAGES)):
        assert not result["wants_estimate"] and not result["wants_person"], text
        assert result["small_talk_reply"] == OFF_TOPIC, (text, result["small_talk_reply"])
        assert small_talk_reply(text) == OFF_TOPIC, text


def test_the_price_of_something_that_is_not_plumbing_is_no_estimate() -> None:
    for text, result in zip(PRICES_OFF_TOPIC, route(PRICES_OFF_TOPIC)):
        assert not result["wants_estimate"] and not result["estimate_job_missing"], text
        assert result["small_talk_reply"] == OFF_TOPIC, text
    # a price that names the trade stays an estimate, whatever trade or place it names besides
    for text, result in zip(PRICES_OF_THE_TRADE, route(PRICES_OF_THE_TRADE)):
        assert result["wants_estimate"] and result["small_talk_reply"] == "", text


def test_the_estimate_button_and_staff_settings_still_decide_the_price() -> None:
    [button] = run_nodes([{
        "node": "What is the plumber asking for?",
        "json": {"safety_message": "", "safety_rule": "", "safety_carried": False},
        "nodes": {"Estimate and person words": WORDS, "Assistant settings": SETTINGS,
                  "Read message": {"text": PRICES_OFF_TOPIC[0], "metadata": {"intent": "estimate"}}},
    }])
    assert button["wants_estimate"] and button["small_talk_reply"] == ""
    # staff who empty off_topic_words get the stop-37 behaviour back: a price word is an estimate
    [price] = route([PRICES_OFF_TOPIC[0]], {**SETTINGS, "off_topic_words": ""})
    assert price["wants_estimate"] and price["small_talk_reply"] == ""


def test_again_me_banter_and_how_it_works_get_a_short_reply(conn: psycopg.Connection) -> None:
    texts = ["yo otra vez jeje", "aquí de nuevo por acá 🙂", "perdón la molestia, otra vez molestando",
             "¿cómo funciona esto? es mi primera vez", "primera vez que escribo aquí",
             "sos un crack, mejor que mi jefe"]
    assert decide(texts=texts, conn=conn, conversation="web:talk38") == ["talk"] * len(texts)
    [how] = route(["¿cómo funciona esto? es mi primera vez"])
    assert how["small_talk_reply"] == HOW and "fontanería" in HOW


def test_a_fault_after_again_me_or_a_joke_stays_a_question(conn: psycopg.Connection) -> None:
    texts = ["otra vez yo, ahora la cisterna no para de cargar", "jaja mi jefe dice que el sifón va así, pero huele",
             "primera vez que uso esto: el calefón se apaga solo", "¿cómo funciona esto? la bomba no arranca"]
    assert decide(conn, texts, "web:talk38-fault") == ["search"] * len(texts)


def test_plumbing_paperwork_tools_and_faults_stay_questions(conn: psycopg.Connection) -> None:
    for text, result in zip(QUESTIONS, route(QUESTIONS)):
        assert result["small_talk_reply"] == "", text
        assert small_talk_reply(text) is None, text
    assert decide(conn, QUESTIONS, "web:talk38-q") == ["search"] * len(QUESTIONS)


def test_the_tuning_set_has_its_shape() -> None:
    rows = [json.loads(line) for line in (ROOT / "eval/dev-smalltalk-7.jsonl").read_text().splitlines() if line.strip()]
    assert len(rows) == 98 and len({r["id"] for r in rows}) == 98
    assert all(r["id"].startswith("st7-") and r["question"].strip() for r in rows)
    assert {r["expect"] for r in rows} == {"talk", "question"}
    assert sum(r["expect"] == "talk" for r in rows) == 59
    assert (ROOT / "eval/DEV-SMALLTALK-7.md").read_text().count("TUNING set") == 1
