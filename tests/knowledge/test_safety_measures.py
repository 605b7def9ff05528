"""Measures already taken (safety_measures, SAFETY-7.md "Results"): a verified isolation, a house without gas, fire
precautions or a confined-space set-up silence the warnings whose premise they remove, for that message only; a
doubt, a measure not done yet or a danger still there keeps the warning; a measure said to have failed warns. Also
the review points of stop 23: one parser for whole-number settings, the job's messages read once per turn."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.safety_support import first_message, new_conversation, shown, turn


# --- a verified isolation silences the electricity rules ---------------------------------------------------------

@pytest.mark.parametrize("message", [
    "baje el automatico del termo y medi con el multimetro, no hay tension, cambio el termostato?",
    "con el buscapolo comprobe que no hay corriente en la ducha electrica, ahora le cambio la resistencia",
    "la bomba del aljibe ya la desenchufe y baje el breaker, como le cambio el capacitor",  # stop 26: "termica" → "breaker" ("desenchufe" alone no longer warns)
    "esta desenchufado y el breaker abajo, como destrabo el triturador por debajo con la llave allen",
])
def test_a_verified_isolation_silences_the_electricity_warning(conn: psycopg.Connection, message: str) -> None:
    assert conn.execute("SELECT triggered FROM safety_check(%s)", (message,)).fetchone()[0] is True  # words alone
    assert first_message(conn, message) is None


@pytest.mark.parametrize("message", [
    "creo que no hay tension, lo medi con el tester pero no estoy seguro, cambio la resistencia del termo?",
    "no tengo tester, baje el diferencial, cambio la resistencia del termo ya?",
    "comprobe con el tester que no hay tension pero al tocar el termo me dio un calambre",
    "tengo que desenchufar la bomba y bajar la termica, como le cambio el capacitor con el agua en el piso",
    "baje el breaker, cambio la resistencia del termo?",                     # one isolation, not checked
    "lo desenchufe pero el breaker no se cual es, le cambio la resistencia al termo",
    "tiene que estar desenchufado y con el breaker abajo antes de cambiar la resistencia del termo, no?",
])
def test_a_doubt_or_a_half_measure_keeps_the_warning(conn: psycopg.Connection, message: str) -> None:
    assert first_message(conn, message) is not None


def test_an_isolation_also_stops_the_carried_warning_for_that_message(conn: psycopg.Connection) -> None:
    assert shown(conn, "le voy a cambiar la resistencia al termo electrico",
                 "listo, baje la pastilla y con el voltimetro marca 0 volts, que llave uso",
                 "y el empaque de la brida cual es") == ["termo-electrico-trabajo", None, None]


def test_an_isolation_silences_only_its_rules(conn: psycopg.Connection) -> None:
    # the gas line is not made safe by a tester
    assert first_message(conn, "comprobe con el tester que no hay tension en el calefon, ahora corto el cano del gas "
                               "y lo alargo") == "trabajo-en-gas"


# --- a house without gas -----------------------------------------------------------------------------------------

def test_a_house_without_gas_silences_the_gas_appliance_warnings(conn: psycopg.Connection) -> None:
    assert shown(conn, "a la familia le duele la cabeza cuando usan el calentador del baño",
                 "no, la casa es toda electrica, no usan gas para nada, como reviso la presion del agua") == \
        ["monoxido-carbono", None]


@pytest.mark.parametrize("message", [
    "no hay nada a gas en la casa pero huele a gas en el pasillo",          # a smell is a leak from somewhere
    "todo es electrico salvo el calefon, y a la señora le duele la cabeza",  # a gas appliance named
    "no hay gas, se acabo la garrafa, le cambio el regulador y me duele la cabeza",  # the gas ran out
])
def test_what_is_not_a_house_without_gas_still_warns(conn: psycopg.Connection, message: str) -> None:
    assert first_message(conn, message) is not None


# --- a failed measure warns ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("message", [
    "ya cerramos la valvula del medidor y sigue oliendo a gas en la cocina",
    "corte el gas de la caldera hace rato pero todavia olio a gas cuando entre",
])
def test_a_measure_that_failed_still_warns(conn: psycopg.Connection, message: str) -> None:
    assert first_message(conn, message) == "olor-a-gas"


# --- hot work and confined spaces with their precautions ----------------------------------------------------------

def test_fire_precautions_in_place_silence_the_hot_work_warning(conn: psycopg.Connection) -> None:
    assert first_message(conn, "voy a soldar la bajada de cobre dentro del armario") == "llama-abierta"
    assert first_message(conn, "voy a soldar la bajada de cobre dentro del armario, retiramos todo lo que se quema, "
                               "puse manta ignifuga y tengo el extintor a mano") is None
    # a half precaution, or thawing a pipe with a flame, still warns
    assert first_message(conn, "voy a soldar la bajada de cobre dentro del armario, puse un trapo mojado y tengo "
                               "extintor") is not None
    assert first_message(conn, "tengo extintor y manta ignifuga, descongelo el tubo helado con el soplete?") \
        == "llama-abierta"


def test_a_full_confined_space_set_up_silences_the_entry_warning(conn: psycopg.Connection) -> None:
    assert shown(conn, "hay que bajar al pozo de visita del edificio",
                 "llevamos detector multigas en verde, arnes con tripode y un vigia arriba, que varilla uso") == \
        ["espacio-confinado", None]
    assert shown(conn, "hay que bajar al pozo de visita del edificio",
                 "no tengo detector de gases ni tripode, le dejo la tapa abierta un rato y bajo") == \
        ["espacio-confinado", "espacio-confinado"]


# --- staff edit the measures -------------------------------------------------------------------------------------

def test_staff_edit_the_measures(conn: psycopg.Connection) -> None:
    message = "medi con el multimetro, no hay tension, cambio la resistencia del termo?"
    assert first_message(conn, message) is None
    conn.execute("UPDATE safety_measures SET active = false WHERE slug = 'tension-comprobada'")
    assert first_message(conn, message) == "termo-electrico-trabajo"
    conn.execute("UPDATE safety_measures SET active = true, unless_words = unless_words || ', resistencia' "
                 "WHERE slug = 'tension-comprobada'")
    assert first_message(conn, message) == "termo-electrico-trabajo"
    conn.execute("UPDATE safety_measures SET unless_words = '', phrases = 'MULTÍMETRO', "
                 "silences = ARRAY['agua-y-electricidad'] WHERE slug = 'tension-comprobada'")
    assert first_message(conn, message) == "termo-electrico-trabajo"   # the rule is not in its list any more
    conn.execute("UPDATE safety_measures SET silences = ARRAY['termo-electrico-trabajo'] "
                 "WHERE slug = 'tension-comprobada'")
    assert first_message(conn, message) is None


def test_a_message_without_a_measure_silences_nothing(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT safety_silenced(%s)", ("como cambio el flotador del tinaco",)).fetchone()[0] == []
    assert conn.execute("SELECT safety_silenced(NULL)").fetchone()[0] == []


# --- review: whole-number settings, the job read once --------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [("5", 5), (" 2 ", 2), ("", 3), ("tres", 3), ("-1", 3), ("1000", 3)])
def test_a_whole_number_setting_falls_back_to_its_default(conn: psycopg.Connection, value: str,
                                                          expected: int) -> None:
    conn.execute("UPDATE safety_settings SET value = %s WHERE key = 'topic_change_min_words'", (value,))
    assert conn.execute("SELECT safety_setting_integer('topic_change_min_words', 3)").fetchone()[0] == expected
    assert conn.execute("SELECT safety_setting_integer('no-such-setting', 7)").fetchone()[0] == 7


def test_the_job_is_read_from_its_messages_once(conn: psycopg.Connection) -> None:
    conversation = new_conversation()
    for text in ("tengo un calefon en la logia", "otra cosa, en otra obra hay un inodoro que pierde",
                 "la cisterna no llena"):
        turn(conn, conversation, text)
    earlier = conn.execute("SELECT safety_job_messages(%s, interval '30 minutes', 4)", (conversation,)).fetchone()[0]
    # newest first, back to the change of job, only its words after the phrase
    assert earlier == ["la cisterna no llena", "hay un inodoro que pierde"]
    reading = conn.execute("SELECT safety_job_reading('me marea el olor', %s)", (earlier,)).fetchone()[0]
    assert "calefon" not in reading and reading.count("me marea el olor") >= 2
    assert conn.execute("SELECT safety_job_reading('algo', '{}'::text[])").fetchone()[0] is None


# --- a condensing boiler's plume, an appliance on the bench, a change of job told as "dejemos eso" -------------------

def test_a_condensing_boilers_white_plume_is_not_bad_combustion(conn: psycopg.Connection) -> None:
    assert first_message(conn, "la caldera de condensacion saca vapor blanco por la salida del patio en invierno, "
                               "es normal?") is None
    assert first_message(conn, "la caldera de condensacion saca humo blanco y en la cocina huele raro y me duele "
                               "la cabeza") == "monoxido-carbono"


def test_an_appliance_unplugged_on_the_bench_is_not_an_electric_danger(conn: psycopg.Connection) -> None:
    assert first_message(conn, "el calentador electrico ya lo tengo desmontado en el taller, le cambio el "
                               "termostato, cual pido?") is None
    assert first_message(conn, "el calentador electrico esta en el taller, lo enchufo para probar el termostato "
                               "nuevo sin agua?") is not None


def test_dejemos_eso_changes_the_job(conn: psycopg.Connection) -> None:
    assert shown(conn, "echaron salfuman al lavabo y ahora quieren echar sosa",
                 "bueno, dejemos eso, que llave de paso pongo debajo del lavabo nuevo") == ["productos-quimicos", None]
    assert shown(conn, "echaron salfuman al lavabo y ahora quieren echar sosa",
                 "bueno, dejemos eso, el quimico lo saco con la ventosa?") == ["productos-quimicos",
                                                                               "productos-quimicos"]


def test_a_flat_without_gas_is_honoured_after_other_words(conn: psycopg.Connection) -> None:
    # "hay" before the denial is no doubt ("…en el depto no hay gas, todo es electrico")
    assert conn.execute("SELECT safety_silenced(%s)", (
        "voy a cambiar la llave del lavabo, en el depto no hay gas, todo es electrico",)).fetchone()[0] != []
