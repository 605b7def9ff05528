"""Small talk left over at stop 39 (issue 13 item 4, bench/quality/TALK-39.md, tuning set eval/dev-smalltalk-8.jsonl).

- The water meter as the utility's matter: off_topic_utility_words ("Assistant settings", chat-answer.json; twin in
  eval/prompting.py) are the water, gas or electricity company's matters (the bill, a reading for the company, the
  contract and its holder, the tariff, a cut-off for not paying); next to one of them the meter and the supply
  (off_topic_utility_meter_words) are no word of the trade, so the message gets the off-topic reply. A leak at the
  meter, the stopcock after it, a meter that turns with every tap shut keep a word of off_topic_not_words and stay
  questions; a price stays an estimate.
- The day's story (traffic, rain, coffee, family, a long day) is a class of off-topic subjects: a long greeting that
  tells the day and asks nothing gets a short reply, one that ends in a fault stays a question.
- small_talk_alone: "¿cómo va?" alone is a greeting; "cómo va montada la válvula" is a question (the phrase does not
  count, so no greeting "with words of the trade" is handed to the knowledge base).
- Voice-note small talk: "pues nada", "este nada", testing the audios, leaving work.

Checked through the router's own JavaScript (under Node) and, for what it leaves to the knowledge base, the
workflow's own "Find knowledge articles" query on the test database. Own wordings, written for this test (none
from an eval set)."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from eval import prompting
from eval.prompting import small_talk_reply
from tests.knowledge.talk_router import decide, route
from tests.workflows.test_answer_shape import CHAT, SETTINGS

ROOT = Path(__file__).resolve().parents[2]
OFF_TOPIC = SETTINGS["off_topic_text"]

# the utility's matters: each was searched before stop 39 (an article about the meter, or a question asked back)
UTILITY = [
    "¿sabes cómo se pide a la empresa de agua que lea de verdad el contador?",
    "me cobraron dos meses juntos en el recibo del agua, ¿a quién reclamo?",
    "oiga, ¿el titular del contrato del agua tiene que ser el dueño del piso?",
    "¿cada cuántos meses leen el medidor en mi colonia?",
    "¿cómo pongo el medidor de agua a mi nombre?",
    "la semana pasada me cortaron el agua por no pagar a tiempo, ¿dónde pido que la reconecten?",
]
# a plumbing question about the meter or next to the utility's words
METER_QUESTIONS = [
    "pierde agua la tuerca que va después del contador",
    "el recibo vino alto y el contador sigue marcando con todo cerrado",
    "¿qué válvula pongo después del medidor para cortar la casa?",
    "la lectura del contador sube aunque no abro ningún grifo",
    "la compañía dice que la fuga es mía porque está después del medidor",
]
STORIES = [
    "Buenas tardes, hoy ha sido un día de locos, tráfico por todas partes y sin tiempo ni para un café",
    "hola, acá con una lluvia que no para, todo el día de acá para allá con los chicos del equipo",
    "buen día, hoy me tocó madrugar que mi hija tiene acto en la escuela, después me voy para el taller",
]
STORY_FAULTS = [
    "Buenas tardes, hoy ha sido un día de locos con el tráfico y ahora el lavabo del cliente no traga",
    "hola, acá con una lluvia que no para y en la obra se regresa el agua por la rejilla del patio",
]
VOICE = ["eh pues nada solo para saludar", "bueno pues nada que gracias eh ya quedó",
         "este eh aquí probando a ver si te llegan los audios", "o sea ya voy saliendo del trabajo nada más eso"]
VOICE_FAULTS = ["eh pues nada que la cisterna no para de cargar", "este nada que el termo eh tira agua por abajo"]


def test_the_utility_s_matters_get_the_off_topic_reply_in_node_and_evaluation() -> None:
    for text, result in zip(UTILITY, route(UTILITY)):
        assert not result["wants_estimate"] and not result["wants_person"], text
        assert result["small_talk_reply"] == OFF_TOPIC, (text, result["small_talk_reply"])
        assert small_talk_reply(text) == OFF_TOPIC, text
    # staff who empty off_topic_utility_words get the stop-38 behaviour back: the meter is a word of the trade
    for result in route(UTILITY[:2], {**SETTINGS, "off_topic_utility_words": ""}):
        assert result["small_talk_reply"] == ""
    assert small_talk_reply(UTILITY[0], off_topic=prompting.OFF_TOPIC_WORDS) == OFF_TOPIC
    assert prompting.off_topic_reply(UTILITY[0], utility="") is None


def test_a_plumbing_question_about_the_meter_stays_a_question(conn: psycopg.Connection) -> None:
    for text, result in zip(METER_QUESTIONS, route(METER_QUESTIONS)):
        assert result["small_talk_reply"] == "", text
        assert small_talk_reply(text) is None, text
    assert decide(conn, METER_QUESTIONS, "web:talk39-meter") == ["search"] * len(METER_QUESTIONS)


def test_a_price_next_to_the_company_stays_an_estimate() -> None:
    texts = ["¿cuánto cobro por cambiar el medidor que puso la compañía?",
             "presupuesto para mover el contador del agua al portal, la compañía ya dio el permiso"]
    for text, result in zip(texts, route(texts)):
        assert result["wants_estimate"] and result["small_talk_reply"] == "", text
    # the price of the utility's own matter is no estimate ("the tariff"): a subject is left after the meter
    [tariff] = route(["¿cuánto cuesta el metro cúbico de agua con la tarifa nueva?"])
    assert not tariff["wants_estimate"] and tariff["small_talk_reply"] == OFF_TOPIC


def test_how_is_it_going_alone_is_a_greeting_but_with_a_part_a_question(conn: psycopg.Connection) -> None:
    hello, part = route(["¿cómo va?", "como va montada la válvula de esfera del contador"])
    assert hello["small_talk_reply"] and hello["small_talk_reply"] != OFF_TOPIC
    assert part["small_talk_reply"] == "" and part["talk_opening"] is None
    assert small_talk_reply("como va montada la válvula de esfera del contador") is None
    assert decide(conn, ["como va montada la válvula de esfera del contador", "como va colocado el sifón de la bañera"],
                  "web:talk39-how") == ["search", "search"]
    # with another phrase the question-like greeting still counts ("¿cómo andas? gracias por lo de ayer")
    assert route(["¿cómo andas? gracias por lo de ayer"])[0]["small_talk_reply"]
    # staff who empty small_talk_alone get the stop-38 reading back: a greeting with words of the trade
    [loose] = route(["como va montada la válvula de esfera del contador"], {**SETTINGS, "small_talk_alone": ""})
    assert loose["talk_opening"] is not None
    assert small_talk_reply("como va montada la válvula", alone="") is None   # blocked by "valvula*" either way


def test_long_greetings_with_the_day_get_a_short_reply_and_a_fault_after_them_a_search(
        conn: psycopg.Connection) -> None:
    assert decide(conn, STORIES, "web:talk39-day") == ["talk"] * len(STORIES)
    for text in STORIES:
        assert small_talk_reply(text) is not None, text
    assert decide(conn, STORY_FAULTS, "web:talk39-day-fault") == ["search"] * len(STORY_FAULTS)


def test_voice_note_small_talk_gets_a_reply_and_a_dictated_fault_a_search(conn: psycopg.Connection) -> None:
    for text, result in zip(VOICE, route(VOICE)):
        assert result["small_talk_reply"] and result["small_talk_reply"] != OFF_TOPIC, text
        assert small_talk_reply(text) == result["small_talk_reply"], text
    assert decide(conn, VOICE_FAULTS, "web:talk39-voice") == ["search"] * len(VOICE_FAULTS)


def test_thanks_with_a_follow_up_stays_a_question(conn: psycopg.Connection) -> None:
    texts = ["gracias, ¿y la llave de corte de qué medida la pido?", "mil gracias, y si el contador sigue girando?",
             "vale gracias oye y eso mismo vale para el termo de gas"]
    assert decide(conn, texts, "web:talk39-thanks") == ["search"] * len(texts)


def test_the_new_settings_are_the_evaluated_ones_and_documented() -> None:
    for setting, twin in (("small_talk_alone", "SMALL_TALK_ALONE"), ("off_topic_utility_words", "OFF_TOPIC_UTILITY_WORDS"),
                          ("off_topic_utility_meter_words", "OFF_TOPIC_UTILITY_METER_WORDS"),
                          ("off_topic_words", "OFF_TOPIC_WORDS"), ("off_topic_not_words", "OFF_TOPIC_NOT_WORDS"),
                          ("small_talk", "SMALL_TALK")):
        assert SETTINGS[setting] == getattr(prompting, twin), setting
    # staff read what each setting does on the workflow's sticky note (the README is the lead's this stop)
    notes = " ".join(n["parameters"]["content"] for n in CHAT["nodes"] if n["type"] == "n8n-nodes-base.stickyNote")
    for setting in ("small_talk_alone", "off_topic_utility_words", "off_topic_utility_meter_words"):
        assert setting in notes, setting


def test_the_tuning_set_has_its_shape() -> None:
    rows = [json.loads(line) for line in (ROOT / "eval/dev-smalltalk-8.jsonl").read_text().splitlines() if line.strip()]
    assert len(rows) == 110 and len({r["id"] for r in rows}) == 110
    assert all(r["id"].startswith("st8-") and r["question"].strip() and r["region"] for r in rows)
    assert {r["expect"] for r in rows} == {"talk", "question"}
    assert sum(r["expect"] == "talk" for r in rows) == 54
    assert (ROOT / "eval/DEV-SMALLTALK-8.md").read_text().count("TUNING set") == 1
