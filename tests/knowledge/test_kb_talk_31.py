"""Small talk in every plumber's voice, and fewer false safety notices on questions of information (stop 31,
bench/quality/TALK-31.md).

- The chat's phrase list (small_talk and small_talk_filler of "Assistant settings", chat-answer.json; twin in
  eval/prompting.py) knows greetings, acknowledgements, thanks, goodbyes, "are you a program", complaints and
  apologies of more countries, and the forms of address said around them (causa, pana, asere, ñaño, parce…).
  Checked through the router's own JavaScript ("What is the plumber asking for?", under Node) and, for what it
  leaves to the knowledge base, the workflow's own "Find knowledge articles" query on the test database.
- kb_talk_job_words: faults said in the past ("se me salió", "se cayó", "se quemó") or of a meter ("gira") keep a
  greeting + fault a question.
- safety_article_rule (safety-links.sql): a question of information about a linked job (what to buy or choose, a
  size, what it is) gets no linked notice, unless it also says doing the work; words-fired rules are untouched;
  staff edit both lists in safety_settings.

Own wordings, written for this test (none from an eval set or checklist)."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.talk_router import decide as decide_first_messages
from tests.workflows.test_answer_shape import SETTINGS


def decide(conn: psycopg.Connection, texts: list[str]) -> list[str]:
    return decide_first_messages(conn, texts, "web:talk31")

# in the voices of several countries; each got "no estoy seguro" or a question asked back before stop 31
SMALL_TALK = [
    "qué xopa, mi socio",                          # Panama
    "qué vola mi hermano",                         # Cuba
    "quedo pendiente, feliz noche",                # an office's goodbye
    "ya pues causita",                             # Peru
    "oiga, ¿usted es un programa o qué?",          # "are you a program"
    "qué pena con usted, buenas noches",           # Colombia's "sorry"
    "uff no sabes nada 🙄",                        # a complaint
    "dale pues parce",                             # Colombia
    "cómo amaneció, mijo",                         # a morning greeting
]
# a greeting or thanks and a real fault or question: must reach the knowledge base
QUESTIONS = [
    "qué xopa, el medidor gira con todas las llaves cerradas",
    "ya pues causita, se me salió el flotador del tanque",
    "qué pena con usted, la ducha eléctrica se quemó",
    "dale pues, ¿y el sifón de la cocina cuál pongo?",
]


def test_regional_small_talk_gets_a_friendly_reply(conn: psycopg.Connection) -> None:
    got = dict(zip(SMALL_TALK, decide(conn, SMALL_TALK)))
    assert got == {text: "talk" for text in SMALL_TALK}


def test_a_greeting_with_a_fault_or_a_question_still_reaches_the_knowledge_base(conn: psycopg.Connection) -> None:
    got = dict(zip(QUESTIONS, decide(conn, QUESTIONS)))
    assert got == {text: "search" for text in QUESTIONS}


def test_forms_of_address_are_filler_and_never_a_question_word() -> None:
    filler = {p.strip() for p in SETTINGS["small_talk_filler"].split(",")}
    assert {"causa", "pana", "asere", "nano", "parce", "mijo", "muchacho", "compadre"} <= filler
    # "mi llave" is Colombia's "my friend" but "llave" is a tap: never filler
    assert not {"llave", "mi llave", "ta"} & filler


@pytest.mark.parametrize("rest", ["se me salio el flotador", "se cayo la tapa del tanque", "se quemo el fusible",
                                  "el contador gira solo"])
def test_faults_said_in_the_past_keep_it_a_question(conn: psycopg.Connection, rest: str) -> None:
    assert not conn.execute("SELECT kb_trade_talk(%s, false, %s)", (rest, "hola, " + rest)).fetchone()[0]


def test_staff_switch_a_new_job_word_off(conn: psycopg.Connection) -> None:
    rest = "el contador gira solo"
    conn.execute("UPDATE kb_talk_job_words SET active = false WHERE word IN ('gira', 'solo')")
    assert conn.execute("SELECT kb_trade_talk(%s, false, %s)", (rest, "hola, " + rest)).fetchone()[0]


def article_rule(conn: psycopg.Connection, slugs: list[str], question: str) -> str | None:
    row = conn.execute("SELECT rule FROM safety_article_rule(%s, %s, 'web:talk31')", (slugs, question)).fetchone()
    return row[0] if row else None


# The list talk31 wrote on the tuning sets (n8n-workflows/knowledge/README.md), shipped off: on the held-out
# splits it lost two needed notices for one false alarm fewer (stop 31). These tests switch it on as staff would.
SUGGESTED_INFORMATION_PHRASES = (
    "compro, comprar, comprarle, comprarlo, comprarla, compramos, que marca, cual marca, que modelo, cual "
    "modelo, conviene, me conviene, es mejor, cual es mejor, que es mejor, recomiendas, recomienda, "
    "recomiendan, recomendas, recomendarias, vale la pena, diametro, grosor, espesor, medida, medidas, a "
    "que altura, que altura, cuantos litros, de cuantos litros, capacidad, cuanto gasta, cuanto consume, "
    "consume, consumo, gasta mas, gasta menos, cuanto dura, vida util, para que sirve, para que sirven, "
    "que es un, que es una, como funciona, como funcionan, precio, cuanto cuesta, cuanto sale, cuanto "
    "vale, que tipo de, que material, de que material, que pintura, que tubo, que tuberia, que cano, que "
    "caneria "
).strip()


@pytest.fixture
def information_on(conn: psycopg.Connection) -> psycopg.Connection:
    conn.execute("UPDATE safety_settings SET value = %s WHERE key = 'link_information_phrases'",
                 (SUGGESTED_INFORMATION_PHRASES,))
    return conn


def test_shipped_off_every_linked_notice_is_shown(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT value FROM safety_settings WHERE key = 'link_information_phrases'").fetchone()[0] == ""
    assert article_rule(conn, ["termo-electrico-no-calienta"], "se fundió la resistencia del termo, ¿qué marca compro?") \
        == "termo-electrico-trabajo"
    assert shown_rule(conn, "la resistencia del termo eléctrico se ve fundida, ¿cuál me compro?") == "termo-electrico-trabajo"


INFORMATION = [
    (["termo-electrico-no-calienta"], "se fundió la resistencia del termo, ¿qué marca compro?"),
    (["termo-electrico-instalar"], "¿de cuántos litros me conviene el termo eléctrico para el departamento?"),
    (["presurizador"], "¿qué diámetro lleva la tubería de aspiración de la bomba?"),
    (["soldadura-cobre"], "¿qué material es mejor para la unión, estaño o latón?"),
]


@pytest.mark.parametrize("slugs,question", INFORMATION)
def test_a_question_of_information_gets_no_linked_notice(information_on: psycopg.Connection, slugs: list[str],
                                                         question: str) -> None:
    conn = information_on
    assert article_rule(conn, slugs, question) is None


def test_doing_the_work_keeps_the_linked_notice(information_on: psycopg.Connection) -> None:
    conn = information_on
    assert article_rule(conn, ["termo-electrico-no-calienta"],
                        "se fundió la resistencia del termo, ¿qué marca compro y cómo la cambio?") \
        == "termo-electrico-trabajo"
    assert article_rule(conn, ["presurizador"], "¿qué diámetro lleva la aspiración y cómo conecto la bomba?") \
        == "bomba-electrica"
    # a symptom asked as "¿es normal?" is no question of information
    assert article_rule(conn, ["calentador-gas-piloto"], "se apagó la llama y sigue saliendo gas, ¿es normal?") \
        == "encender-piloto"


def test_words_that_name_a_danger_still_warn_on_a_question_of_information(conn: psycopg.Connection) -> None:
    rule = conn.execute("SELECT max(rule) FROM safety_check_conversation(%s, 'web:talk31-words') WHERE triggered",
                        ("el termo me da calambre cuando lo toco, ¿qué marca compro?",)).fetchone()[0]
    assert rule is not None


def test_staff_edit_the_information_and_work_lists(information_on: psycopg.Connection) -> None:
    conn = information_on
    question = "se fundió la resistencia del termo, ¿qué marca compro?"
    conn.execute("UPDATE safety_settings SET value = value || ', fundi*' WHERE key = 'link_work_words'")
    assert article_rule(conn, ["termo-electrico-no-calienta"], question) == "termo-electrico-trabajo"
    conn.execute("UPDATE safety_settings SET value = 'conviene' WHERE key = 'link_information_phrases'")
    conn.execute("UPDATE safety_settings SET value = 'cambi*' WHERE key = 'link_work_words'")
    assert article_rule(conn, ["termo-electrico-no-calienta"], question) == "termo-electrico-trabajo"
    assert article_rule(conn, ["termo-electrico-no-calienta"], "¿conviene el termo de 50 o el de 80?") is None


def shown_rule(conn: psycopg.Connection, text: str) -> str | None:
    return conn.execute("SELECT max(rule) FROM safety_check_conversation(%s, 'web:talk31-height') WHERE triggered",
                        (text,)).fetchone()[0]


@pytest.mark.parametrize("text", ["la escalera que me prestaron tambalea y el depósito está arriba del garaje",
                                  "ya estoy en el tejado de tejas viejas, ¿por dónde camino para llegar al tubo?"])
def test_a_wobbling_ladder_or_a_roof_with_doubtful_footing_warns(conn: psycopg.Connection, text: str) -> None:
    assert shown_rule(conn, text) == "trabajo-en-altura"


@pytest.mark.parametrize("text", ["la escalera del edificio tiene humedad en la pared del tercer piso",
                                  "¿por dónde paso el tubo del desagüe de la cocina hasta la bajante?"])
def test_a_staircase_or_a_route_for_a_pipe_does_not_warn_of_height(conn: psycopg.Connection, text: str) -> None:
    assert shown_rule(conn, text) != "trabajo-en-altura"


def test_work_on_an_electric_heater_is_not_warned_on_a_question_of_what_to_buy(information_on: psycopg.Connection) -> None:
    conn = information_on
    buying = "la resistencia del termo eléctrico se ve fundida, ¿cuál me compro?"
    assert conn.execute("SELECT rule FROM safety_check(%s)", (buying,)).fetchone()[0] == "termo-electrico-trabajo"
    assert shown_rule(conn, buying) is None
    assert shown_rule(conn, buying.replace("¿cuál me compro?", "¿cuál me compro y cómo la cambio?")) \
        == "termo-electrico-trabajo"
    # staff take the rule out of the list: the words warn again
    conn.execute("UPDATE safety_settings SET value = '' WHERE key = 'information_quiet_rules'")
    assert shown_rule(conn, buying) == "termo-electrico-trabajo"
