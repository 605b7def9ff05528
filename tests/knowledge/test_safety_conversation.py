"""Safety across a conversation (safety_check_conversation, n8n-workflows/knowledge/answer.sql; SAFETY-5.md):
a danger told over two messages, the end of a carry when the plumber moves to another job, and their limits.

Each turn is stored as the chat workflow stores it (bench/quality/safety_conversations.play_turn: the plumber
message first, then the reply with metadata.safety_rule = the rule shown, in_reply_to the plumber message)."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.safety_support import chat, new_conversation, new_message_id, shown, turn


# --- the messages of the current job read together -------------------------------------------------------------

@pytest.mark.parametrize("first, second, rule", [
    ("tengo un calefon viejo en el lavadero", "la familia anda con dolor de cabeza todo el dia", "monoxido-carbono"),
    ("el termo es electrico de 50 litros", "le cambio la resistencia con el enchufe puesto?", "agua-y-electricidad"),
    ("la caldera de gas esta en la cocina", "la pared de arriba esta negra", "monoxido-carbono"),
])
def test_a_danger_told_over_two_messages_warns_on_the_second(conn: psycopg.Connection, first: str, second: str,
                                                             rule: str) -> None:
    # neither message alone warns; together they do, on the second turn, marked as coming from the conversation
    assert conn.execute("SELECT triggered FROM safety_check(%s)", (first,)).fetchone()[0] is False
    assert conn.execute("SELECT triggered FROM safety_check(%s)", (second,)).fetchone()[0] is False
    assert chat(conn, first, second) == [(None, False), (rule, True)]


def test_the_whole_job_is_read_not_only_the_previous_message(conn: psycopg.Connection) -> None:
    # the appliance two messages back is read with the symptom: another question or a "espera" between
    assert shown(conn, "tengo una caldera de gas en el sotano", "como purgo los radiadores",
                 "la familia anda con dolor de cabeza todo el dia") == [None, None, "monoxido-carbono"]
    assert shown(conn, "tengo un calefon viejo en el lavadero", "espera", "ya",
                 "la familia anda con dolor de cabeza todo el dia") == [None, None, None, "monoxido-carbono"]


@pytest.mark.parametrize("first, second, rule", [
    # what the plumber means to do first, what it is done on after (the rules read them in the other order)
    ("voy a desmontar el regulador para limpiarlo", "es el de la garrafa de butano", "trabajo-en-gas"),
    ("le voy a cambiar la resistencia con el enchufe puesto", "es un termo electrico", "agua-y-electricidad"),
])
def test_the_job_is_read_in_both_orders(conn: psycopg.Connection, first: str, second: str, rule: str) -> None:
    assert conn.execute("SELECT triggered FROM safety_check(%s)", (first,)).fetchone()[0] is False
    assert conn.execute("SELECT triggered FROM safety_check(%s)", (second,)).fetchone()[0] is False
    assert chat(conn, first, second) == [(None, False), (rule, True)]


@pytest.mark.parametrize("first, second", [
    ("en la casa tienen termotanque a gas", "la canilla del lavadero gotea, le cambio el cuerito"),
    ("tengo una caldera de gas nueva que instalo el tecnico ayer", "como cambio el grifo del lavabo que gotea?"),
    ("el boiler de gas funciona bien", "ahora el excusado no jala bien, le cambio el sapito?"),
])
def test_in_the_reverse_order_words_a_rule_wants_close_are_not_read_together(conn: psycopg.Connection, first: str,
                                                                             second: str) -> None:
    # "cambio ... gas" within a few words is gas work in one message; a gas appliance named before and a tap's
    # washer changed after are not
    assert shown(conn, first, second) == [None, None]


@pytest.mark.parametrize("first, second, rule", [
    ("el pozo negro esta hasta arriba, el cliente es un señor mayor muy amable y la casa es bastante grande",
     "mira te cuento lo que me dijo el dueño esta mañana: quiero bajar con una escalera a ver el caño",
     "espacio-confinado"),
    ("le puse soda caustica al inodoro tapado, el cliente es un señor mayor y la casa es bastante grande",
     "mira te cuento lo que me dijo el dueño esta mañana: y ahora quiero echarle acido muriatico",
     "productos-quimicos"),
])
def test_long_messages_are_read_part_by_part(conn: psycopg.Connection, first: str, second: str, rule: str) -> None:
    # the words a rule wants close are far apart when each message says more than the danger; each part of the
    # earlier message (between punctuation marks) is read right before each part of the new one
    assert conn.execute("SELECT triggered FROM safety_check(%s)", (first + "\n" + second,)).fetchone()[0] is False
    assert shown(conn, first, second) == [None, rule]


def test_staff_set_how_many_earlier_messages_of_the_job_are_read(conn: psycopg.Connection) -> None:
    turns = ("tengo una caldera de gas en el sotano", "como purgo los radiadores",
             "la familia anda con dolor de cabeza todo el dia")
    conn.execute("UPDATE safety_settings SET value = '1' WHERE key = 'job_messages_read'")
    assert shown(conn, *turns) == [None, None, None]              # 1: the previous message only
    conn.execute("UPDATE safety_settings SET value = '2' WHERE key = 'job_messages_read'")
    assert shown(conn, *turns) == [None, None, "monoxido-carbono"]
    conn.execute("UPDATE safety_settings SET value = 'muchos' WHERE key = 'job_messages_read'")
    assert shown(conn, *turns) == [None, None, "monoxido-carbono"]  # not a number: the default, 4


def test_a_change_of_job_starts_a_new_job(conn: psycopg.Connection) -> None:
    # the appliance of the old job is not read with what is said after the plumber moved to another job
    assert shown(conn, "tengo un calefon viejo en el lavadero",
                 "otra cosa, en otro trabajo tengo un inodoro que pierde",
                 "la familia anda con dolor de cabeza todo el dia") == [None, None, None]
    # a change-of-job phrase followed by a keep word ("caldera", "gas") is the same job, read with the rest
    assert shown(conn, "como purgo los radiadores", "otra cosa, tengo una caldera de gas en el sotano",
                 "la familia anda con dolor de cabeza todo el dia") == [None, None, "monoxido-carbono"]


def test_a_danger_found_together_is_then_carried(conn: psycopg.Connection) -> None:
    assert shown(conn, "tengo un calefon viejo en el lavadero", "la familia anda con dolor de cabeza todo el dia",
                 "y el filtro de agua donde lo pongo") == [None, "monoxido-carbono", "monoxido-carbono"]


def test_the_previous_message_counts_only_within_half_an_hour(conn: psycopg.Connection) -> None:
    conn.execute("INSERT INTO conversations (id, channel) VALUES ('web:old', 'web')")
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, created_at) VALUES "
                 "('old1', 'web:old', 'user', 'web', 'tengo un calefon viejo en el lavadero', now() - interval '45 minutes')")
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, in_reply_to, metadata, created_at) "
                 "VALUES ('reply:old1', 'web:old', 'assistant', 'web', 'respuesta', 'old1', '{}', "
                 "now() - interval '44 minutes')")
    row = conn.execute("SELECT rule, carried FROM safety_check_conversation(%s, 'web:old')",
                       ("la familia anda con dolor de cabeza todo el dia",)).fetchone()
    assert row == (None, False)


def test_staff_can_switch_the_reading_together_off(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE safety_settings SET value = 'off' WHERE key = 'read_previous_message'")
    assert shown(conn, "tengo un calefon viejo en el lavadero",
                 "la familia anda con dolor de cabeza todo el dia") == [None, None]


def test_a_message_with_its_own_danger_keeps_its_own_rule(conn: psycopg.Connection) -> None:
    assert chat(conn, "tengo un calefon viejo en el lavadero", "y ahora huele a gas") == [
        (None, False), ("olor-a-gas", False)]


def test_a_thanks_after_a_danger_found_together_is_small_talk(conn: psycopg.Connection) -> None:
    # "carried" lets the workflow answer a "gracias" as small talk (play_turn then shows no warning)
    assert shown(conn, "tengo un calefon viejo en el lavadero", "la familia anda con dolor de cabeza todo el dia",
                 "vale, muchas gracias") == [None, "monoxido-carbono", None]


# --- the end of a carry: another job --------------------------------------------------------------------------

@pytest.mark.parametrize("other_job", [
    "otra cosa, ¿cómo cambio el flotador de la cisterna?",
    "Cambiando de tema: el sifón del lavabo gotea por la rosca",
    "ya está. en otra casa tengo un inodoro que no para de llenar",
    "different job, como cambio el flapper del toilet",
    "OK. Otra pregunta: ¿qué teflón uso para una llave de jardín?",
])
def test_a_clearly_different_job_ends_the_carry(conn: psycopg.Connection, other_job: str) -> None:
    assert shown(conn, "huele a gas en la cocina", other_job, "¿y de qué medida lo compro?") == [
        "olor-a-gas", None, None]


@pytest.mark.parametrize("follow_up", [
    "otra cosa, ¿el calentador lo prendo ya?",          # names the dangerous appliance
    "otra pregunta, ¿cuándo vuelvo a abrir el gas?",     # names gas
    "otra cosa, ¿y ahora?",                              # too few words to be a job of its own
    "ahora, ¿cómo nivelo un inodoro que cojea?",         # no change-of-job phrase: in doubt, the warning stays
    "ya lo vio el técnico, ¿cómo cambio el flotador?",   # idem (limit: told only by what happened)
])
def test_in_doubt_the_warning_stays(conn: psycopg.Connection, follow_up: str) -> None:
    assert chat(conn, "huele a gas en la cocina", follow_up) == [("olor-a-gas", False), ("olor-a-gas", True)]


def test_after_the_change_of_job_phrase_only_what_follows_is_read(conn: psycopg.Connection) -> None:
    # "gas" before the phrase is the old job; what follows it is the new one
    assert shown(conn, "huele a gas en la cocina",
                 "ya llamamos a la compañía de gas. otra cosa: como cambio la tapa del inodoro") == ["olor-a-gas", None]


def test_a_new_job_with_its_own_danger_warns_for_it(conn: psycopg.Connection) -> None:
    assert chat(conn, "huele a gas en la cocina", "otra cosa, en otra casa el enchufe del baño está mojado") == [
        ("olor-a-gas", False), ("agua-y-electricidad", False)]


def test_a_change_of_job_also_stops_reading_the_two_messages_together(conn: psycopg.Connection) -> None:
    assert shown(conn, "tengo un calefon viejo en el lavadero",
                 "otra cosa, a la abuela le duele la cabeza cuando plancha") == [None, None]


def test_staff_edit_the_phrases_and_the_keep_words(conn: psycopg.Connection) -> None:
    # a phrase staff add ("por cierto") ends the carry; a word staff add to the keep words ("teflon") keeps it
    assert shown(conn, "huele a gas en la cocina", "por cierto, como cambio el flotador de la cisterna") == [
        "olor-a-gas", "olor-a-gas"]
    conn.execute("UPDATE safety_settings SET value = value || ', Por cierto' WHERE key = 'topic_change_phrases'")
    assert shown(conn, "huele a gas en la cocina", "por cierto, como cambio el flotador de la cisterna") == [
        "olor-a-gas", None]
    assert shown(conn, "huele a gas en la cocina", "otra cosa, ¿le pongo teflón a la unión?") == ["olor-a-gas", None]
    conn.execute("UPDATE safety_settings SET value = value || ', teflón' WHERE key = 'topic_change_keep_words'")
    assert shown(conn, "huele a gas en la cocina", "otra cosa, ¿le pongo teflón a la unión?") == [
        "olor-a-gas", "olor-a-gas"]


def test_the_lists_are_read_without_case_accents_or_punctuation(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT safety_plain_words(%s)", ("¿Otra cosa?  El SIFÓN, q gotea...",)).fetchone()[0] == \
        " otra cosa el sifon que gotea "
    conn.execute("UPDATE safety_settings SET value = ' Cambio  de TEMA ;otra*, ,' WHERE key = 'topic_change_phrases'")
    items = conn.execute("SELECT items FROM safety_settings WHERE key = 'topic_change_phrases'").fetchone()[0]
    assert sorted(items) == ["cambio de tema", "otra*"]
    # "word*" is for keep words; a phrase is whole words
    assert conn.execute("SELECT safety_topic_change('otras cosas: como cambio el flotador')").fetchone()[0] is False
    assert conn.execute("SELECT safety_topic_change('cambio de tema, como cambio el flotador')").fetchone()[0] is True


def test_a_stem_keep_word_covers_every_word_starting_so(conn: psycopg.Connection) -> None:
    # "prend*" covers prendo, prenderlo...: the new question may be about lighting the dangerous appliance
    assert conn.execute("SELECT safety_topic_change('otra cosa, ¿cuándo lo prendo de nuevo?')").fetchone()[0] is False
    assert conn.execute("SELECT safety_topic_change('otra cosa, ¿cómo cambio el flotador?')").fetchone()[0] is True


def test_a_rule_staff_turned_off_is_not_carried_nor_read_together(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE safety_rules SET active = false WHERE slug = 'monoxido-carbono'")
    assert shown(conn, "tengo un calefon viejo en el lavadero",
                 "la familia anda con dolor de cabeza todo el dia") == [None, None]


# --- single-message rules added for checklist 5's tune half ---------------------------------------------------

@pytest.mark.parametrize("message, rule", [
    ("la pipeta del asador hace psss y huele raro", "olor-a-gas"),
    ("el regulador del cilindro de gas amanecio escarchado", "olor-a-gas"),
    ("huele a huevo podrido al lado de la estufa de gas", "olor-a-gas"),
    ("el boiler de gas prende con un flamazo", "encendido-explosivo"),
    ("el calentador hace bum cada vez que enciende", "encendido-explosivo"),
    ("eche acido muriatico en la coladera y sigue tapada", "productos-quimicos"),
    ("el hidropack esta inflado como un globo", "tanque-presion"),
    ("el tanque de presion se ve inflado", "tanque-presion"),
    ("el calefon esta en la cocina y cuando prenden el extractor la llama se va para afuera", "monoxido-carbono"),
    ("le pusieron burlete a la puerta del cuarto donde esta la caldera", "gas-aparato-ventilacion"),
    ("el water heater lo ventile con un ducto de aluminio flexible", "gas-aparato-ventilacion"),
])
def test_new_patterns(conn: psycopg.Connection, message: str, rule: str) -> None:
    assert conn.execute("SELECT rule FROM safety_check(%s)", (message,)).fetchone()[0] == rule


@pytest.mark.parametrize("message", [
    "la llave del agua explota cuando la abro", "voy a poner un ducto de aluminio flexible para la secadora",
    "el ducto del dryer es de aluminio flexible", "la terma electrica hace ruido al calentar",
    "la bomba suena como si fuera a estallar", "como limpio el sarro del calefon",
    "quiero destapar el fregadero con bicarbonato y vinagre",
])
def test_new_patterns_leave_look_alikes_quiet(conn: psycopg.Connection, message: str) -> None:
    assert conn.execute("SELECT triggered FROM safety_check(%s)", (message,)).fetchone()[0] is False


def test_a_thanks_does_not_end_the_carry(conn: psycopg.Connection) -> None:
    # the "gracias" is answered as small talk without the warning; the next question is still about the gas
    assert shown(conn, "huele a gas en la cocina", "vale, muchas gracias", "¿y ahora cuándo lo prendo?") == [
        "olor-a-gas", None, "olor-a-gas"]
    # an answer without a warning that is not small talk still ends it
    assert shown(conn, "huele a gas en la cocina", "otra cosa, ¿cómo cambio el flotador de la cisterna?",
                 "vale, muchas gracias", "¿y ahora cuándo lo prendo?") == ["olor-a-gas", None, None, None]


def test_reading_the_job_together_warns_only_when_the_new_message_adds_to_the_danger(conn: psycopg.Connection) -> None:
    # an answer that showed no notice (an estimate's card, a revision) breaks the carry; a later message with no
    # danger of its own ("añade una llave de escuadra", "envíalo") must not bring back a rule the earlier message
    # showed on its own
    conversation = new_conversation()
    first = turn(conn, conversation, "presupuesto para cambiar la tuberia de gas de la cocina, 3 mts de caño epoxi")
    assert first["shown"] == "trabajo-en-gas"
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, metadata) "
                 "VALUES (%s, %s, 'user', 'web', 'son 5 metros de caño no 3', '{}'::jsonb)",
                 (new_message_id(), conversation))
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, in_reply_to, metadata) "
                 "SELECT 'reply:' || id, conversation_id, 'assistant', 'web', 'Presupuesto revisado', id, '{}'::jsonb "
                 "FROM messages WHERE conversation_id = %s AND text = 'son 5 metros de caño no 3'", (conversation,))
    assert turn(conn, conversation, "añade una llave de escuadra de 1/2")["shown"] is None
    # while a message that adds to it still warns, read with the earlier ones (an emerge case stays as it was)
    assert shown(conn, "tengo un calefon viejo en el lavadero", "la familia anda con dolor de cabeza todo el dia") \
        == [None, "monoxido-carbono"]


def test_the_runner_reports_every_kind_a_checklist_uses(app_db) -> None:
    # checklist 6 added the kind "negation"; a kind the runner does not list must still get its own line
    from bench.quality.safety_conversations import measure
    conversations = [
        {"id": "kinds-1", "turns": ["huele a gas en la cocina"], "warn": [True], "kind": "carry"},
        {"id": "kinds-2", "turns": ["cambio la goma del grifo"], "warn": [False], "kind": "negation"},
        {"id": "kinds-3", "turns": ["cambio el flotador de la cisterna"], "warn": [False], "kind": "a-new-kind"},
    ]
    report = measure(app_db.url, conversations)
    assert list(report["by_kind"]) == ["carry", "negation", "a-new-kind"]
    assert report["by_kind"]["negation"]["conversations"] == 1
