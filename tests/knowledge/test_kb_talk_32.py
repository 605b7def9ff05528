"""Small talk, off-topic and questions about the assistant in more plumbers' voices (stop 32,
bench/quality/TALK-32.md).

- The phrase list (small_talk of "Assistant settings", chat-answer.json; twin in eval/prompting.py) knows blessings
  and wishes, "no le entendí", praise, complaints about an answer, "¿quién te hizo?", formal greetings ("espero
  que se encuentre bien") and more regional ones ("qué bolá", "cómo me le va").
- off_topic_words / off_topic_not_words / off_topic_text (same node): a subject that is not plumbing gets a short
  reply even when asked with a question word, unless a word of the trade is left.
- person_not_words ("Estimate and person words"): asking whether the assistant is a person is not a request for one.
- kb_talk_job_words: slowness and filling are faults, asking about or sending something is a request, so a
  greeting with those and a word of the trade still reaches the knowledge base.

Checked through the router's own JavaScript ("What is the plumber asking for?", under Node) and, for what it leaves
to the knowledge base, the workflow's own "Find knowledge articles" query on the test database. Own wordings,
written for this test (none from an eval set)."""

from __future__ import annotations

import psycopg

from eval.prompting import small_talk_reply
from tests.knowledge.talk_router import WORDS, route
from tests.knowledge.talk_router import decide as decide_first_messages
from tests.workflows.test_answer_shape import SETTINGS

WHO, OFF_TOPIC, BLESSING, NOT_UNDERSTOOD, PRAISE, COMPLAINT = (
    "Soy Remedios", "De eso no sé mucho", "¡Gracias, igualmente!", "Perdona si no me expliqué bien",
    "¡Muchas gracias!", "Perdona, no te he ayudado bien")


def decide(conn: psycopg.Connection, texts: list[str]) -> list[str]:
    return decide_first_messages(conn, texts, "web:talk32")

# each got a search (a question asked back or "not sure") or a person before stop 32
REPLIES = {
    "¿es usted una persona de verdad o un sistema?": WHO,
    "¿estoy hablando con una persona o con una máquina?": WHO,
    "oiga, ¿y a usted quién lo programó?": WHO,
    "¿quién te hizo a ti?": WHO,
    "¿quién ganó el partido del domingo?": OFF_TOPIC,
    "¿sabes cómo se cambia la llanta del coche?": OFF_TOPIC,
    "uy qué frío hace hoy en la obra": OFF_TOPIC,
    "¿me pasas una receta de sopa de pescado?": OFF_TOPIC,
    "¿de qué equipo sos vos?": OFF_TOPIC,
    "que Dios lo acompañe en su jornada, maestro": BLESSING,
    "igualmente, que tenga una buena semana": BLESSING,
    "no le entendí nada, disculpe": NOT_UNDERSTOOD,
    "perdón, no capté": NOT_UNDERSTOOD,
    "bien explicado, de gran ayuda": PRAISE,
    "esa respuesta no me sirve, jefe": COMPLAINT,
    "me diste cualquier respuesta": COMPLAINT,
}


def test_more_voices_get_their_short_reply_in_node_and_evaluation() -> None:
    texts = list(REPLIES)
    for text, result in zip(texts, route(texts)):
        assert not result["wants_person"] and not result["wants_estimate"], text
        assert result["small_talk_reply"].startswith(REPLIES[text]), (text, result["small_talk_reply"])
        assert result["small_talk_reply"] == (small_talk_reply(text) or ""), text


def test_formal_and_regional_greetings_are_small_talk(conn: psycopg.Connection) -> None:
    texts = ["buenas tardes don, cómo me le va", "espero que se encuentre muy bien, saludos cordiales",
             "qué bolá, cómo va la obra", "buenas, le escribo para saludarlo nada más"]
    assert decide(conn, texts) == ["talk"] * len(texts)


def test_a_real_request_for_a_person_is_still_one() -> None:
    texts = ["¿eres una persona real? quiero hablar con una persona", "quisiera hablar con un técnico, por favor",
             "pásame con alguien de la oficina"]
    assert [r["wants_person"] for r in route(texts)] == [True, True, True]


def test_off_topic_words_with_a_word_of_the_trade_stay_questions(conn: psycopg.Connection) -> None:
    texts = ["qué frío hace, se congeló la cañería del patio", "hace un calor tremendo y el termo tira agua por la válvula",
             "¿va a llover? tengo que sellar la canaleta antes", "¿qué música pongo mientras purgo los radiadores?",
             "el coche de la obra trae la bomba nueva, ¿cómo la conecto?"]
    for text, result in zip(texts, route(texts)):
        assert not result["small_talk_reply"].startswith(OFF_TOPIC), text
        assert small_talk_reply(text) is None or not small_talk_reply(text).startswith(OFF_TOPIC), text
    assert decide(conn, texts) == ["search"] * len(texts)


def test_staff_switch_off_topic_and_person_not_words_off() -> None:
    [football] = route(["¿quién ganó el partido del domingo?"], {**SETTINGS, "off_topic_words": ""})
    assert football["small_talk_reply"] == ""
    assert small_talk_reply("¿quién ganó el partido del domingo?", off_topic="") is None
    [person] = route(["¿es usted una persona de verdad o un sistema?"], words={**WORDS, "person_not_words": ""})
    assert person["wants_person"]


def test_a_greeting_with_slowness_asking_or_sending_stays_a_question(conn: psycopg.Connection) -> None:
    texts = ["buen día, la cisterna se llena muy lento", "buenas, te mando la foto del calefón",
             "saludos, le escribo por lo del boiler de la cocina", "hola, una consulta sobre el flotador de la cisterna",
             "gracias, te dejo el modelo del termostato", "hola, ¿el calefón es eléctrico?"]
    assert decide(conn, texts) == ["search"] * len(texts)
    for rest in ("la cisterna se llena muy lento", "te mando la foto del calefon", "una consulta sobre el flotador"):
        assert not conn.execute("SELECT kb_trade_talk(%s, false, %s)", (rest, "hola " + rest)).fetchone()[0], rest


def test_phrases_that_would_make_a_job_small_talk_are_left_out(conn: psycopg.Connection) -> None:
    # "gratis", "te dejo", "estaba mala", "se equivocó" alone are not phrases: each can be said of a job
    texts = ["¿es gratis el cambio de la válvula?", "la resistencia estaba mala, ¿cuál le pongo?",
             "el plomero anterior se equivocó de tubo, ¿lo cambio?"]
    assert [r["small_talk_reply"] for r in route(texts)] == ["", "", ""]
    assert decide(conn, texts) == ["search"] * len(texts)


def test_a_bare_part_asked_with_a_turn_is_no_small_talk(conn: psycopg.Connection) -> None:
    # "¿y la válvula?" as a first message names one part and turns to it: "not sure" (a miss staff see), never the
    # friendly no-plumbing reply; a lone everyday word still gets it
    assert decide(conn, ["¿y la válvula?", "¿y el flotador?"]) == ["search", "search"]
    assert not conn.execute("SELECT kb_no_plumbing_words('¿y el flotador?')").fetchone()[0]
    assert conn.execute("SELECT kb_no_plumbing_words('buenas madrugadas')").fetchone()[0]
    conn.execute("UPDATE kb_talk_job_words SET active = false WHERE kind = 'turn'")
    assert conn.execute("SELECT kb_no_plumbing_words('¿y el flotador?')").fetchone()[0]


def test_a_greeting_with_the_days_story_is_small_talk_and_a_fault_in_it_is_not(conn: psycopg.Connection) -> None:
    story = "buenas noches, aquí cerrando el día en la obra del centro, ya de regreso a casa"
    fault = "buenas noches, aquí cerrando el día en la obra del centro, el termo de la casa gotea"
    assert decide(conn, [story, fault]) == ["talk", "search"]
    conn.execute("UPDATE kb_settings SET value = '10' WHERE key = 'talk_trade_max_words'")  # stop 31's length
    assert decide(conn, [story]) == ["search"]
