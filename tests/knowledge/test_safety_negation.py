"""Denied dangers (safety_unsaid, safety_settings 'negation_phrases'; SAFETY-5.md "Stop 22"): a phrase that says a
danger is not there is read as not written, the rest of the message still warns, and a doubt word before it keeps
it. The chat reads a message through safety_check_conversation; safety_check alone is unchanged."""

from __future__ import annotations

import psycopg
import pytest

from bench.quality.safety_conversations import play_turn
from tests.knowledge.safety_support import first_message


@pytest.mark.parametrize("message", [
    "el calentador no prende, no huele a gas, que reviso?",
    "no hay olor a gas en la cocina, solo quiero cambiar la llave del lavaplatos",
])
def test_a_denied_danger_does_not_warn(conn: psycopg.Connection, message: str) -> None:
    assert conn.execute("SELECT triggered FROM safety_check(%s)", (message,)).fetchone()[0] is True  # the words alone
    assert first_message(conn, message) is None


def test_an_unplugging_told_as_done_does_not_warn(conn: psycopg.Connection) -> None:
    # stop 26: agua-y-electricidad no longer reads "desenchufé" as a plug at all (it still reads "hay que desenchufar")
    message = "el termotanque electrico lo desenchufe ayer y ya esta frio, quiero cambiar el anodo de magnesio"
    assert conn.execute("SELECT triggered FROM safety_check(%s)", (message,)).fetchone()[0] is False
    assert first_message(conn, message) is None


@pytest.mark.parametrize("message", [
    "ya no huele a gas, lo prendo?",               # it did smell
    "casi no huele a gas pero algo se siente",
    "creo que no huele a gas",
    "si no huele a gas lo prendo de una?",
    "no lo desenchufe y le voy a cambiar la resistencia del termo",
])
def test_a_doubt_word_before_the_denial_keeps_the_warning(conn: psycopg.Connection, message: str) -> None:
    assert first_message(conn, message) is not None


@pytest.mark.parametrize("message, rule", [
    ("no huele a gas pero el detector de gas pita", "olor-a-gas"),
    ("no huele a gas pero el medidor del gas gira con todo apagado", "olor-a-gas"),
    ("no huele a gas pero se escucha un silbido en la garrafa", "olor-a-gas"),
    ("no hay olor a gas pero la llama sale amarilla en el calentador", "monoxido-carbono"),
    ("ya lo desenchufe, le cambio la resistencia al termo?", "termo-electrico-trabajo"),
    ("la bomba esta desenchufada pero el agua llega al enchufe", "agua-y-electricidad"),
])
def test_the_rest_of_the_message_still_warns(conn: psycopg.Connection, message: str, rule: str) -> None:
    assert first_message(conn, message) == rule


@pytest.mark.parametrize("message", [
    "ya corte la luz, le cambio la resistencia al termo?",            # a breaker said off: still check it
    # (stop 25: "vale ya lo he hecho con el gas cortado y todo ventilado" is no longer here: the gas closed is the
    # act gas-cerrado, which silences the gas-work warning: test_safety_measure_acts.py)
    "ya lo he hecho con el gas cortado, ahora cambio el flexible",    # a valve said closed, then work on the line
    "la estufa no prende, no hay gas, voy a cambiar la manguera de la garrafa",  # "no hay gas": it stopped coming
    "tengo que desenchufar la bomba que esta en el agua",              # to be done, not done
])
def test_what_is_not_a_denial_still_warns(conn: psycopg.Connection, message: str) -> None:
    assert first_message(conn, message) is not None


def test_a_denial_does_not_end_a_carry(conn: psycopg.Connection) -> None:
    # after a gas smell, "no huele a gas ya" is not read as a danger by its own words, but the warning carries
    conversation = "web:negation-carry"
    assert play_turn(conn, conversation, "neg-c1", "huele a gas en la cocina")["shown"] == "olor-a-gas"
    assert play_turn(conn, conversation, "neg-c2", "no huele a gas ahora, lo prendo?")["shown"] == "olor-a-gas"


def test_staff_edit_the_denials_and_the_doubt_words(conn: psycopg.Connection) -> None:
    message = "el calentador no prende, no huele a gas, que reviso?"
    conn.execute("UPDATE safety_settings SET value = value || ', pero' WHERE key = 'negation_doubt_words'")
    assert first_message(conn, "el calentador no prende pero no huele a gas") == "olor-a-gas"
    conn.execute("UPDATE safety_settings SET value = '' WHERE key = 'negation_phrases'")
    assert first_message(conn, message) == "olor-a-gas"
    conn.execute("UPDATE safety_settings SET value = 'No HUELE a' WHERE key = 'negation_phrases'")
    assert first_message(conn, message) is None


def test_a_message_without_a_denial_is_read_exactly_as_written(conn: psycopg.Connection) -> None:
    message = "¿El calentador NO tira? ¡Huele raro!"
    assert conn.execute("SELECT safety_unsaid(%s)", (message,)).fetchone()[0] == message
