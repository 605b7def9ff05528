"""Acts of making safe read by the shape of the sentence (stop 25, safety_measure_acts in answer.sql; README "Measures
already taken"): a verb of making safe in a completed form (preterite, participle, "ya" + verb, "se cortó", by anyone)
whose object is the source of a danger is an act; a safety_measures row naming it ("@gas-cerrado") silences only its
own rules. Future, conditional, questions, negations, doubts, another object, and an act undone later do not count.

The wordings are written for these tests (not checklist sentences). Each turn is stored as the chat workflow stores
it (bench/quality/safety_conversations.play_turn)."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.safety_support import acts, first_message, rules, shown


# --- the shape: verb forms, subjects, word order ------------------------------------------------------------------

@pytest.mark.parametrize("message, act", [
    ("ya cerramos la valvula del gas", "gas-cerrado"),                       # preterite, we
    ("la garrafa ya la cerre hace un rato", "gas-cerrado"),                  # object first, pronoun
    ("mi ayudante cerró el medidor", "gas-cerrado"),                         # someone else, with its accent
    ("el portero cerro el contador del edificio", "gas-cerrado"),            # without it, after a subject
    ("con el contador del gas cerrado", "gas-cerrado"),                      # participle
    ("hemos cortado el suministro de gas", "gas-cerrado"),                   # present perfect
    ("se corto la luz desde el tablero", "luz-cortada"),                     # impersonal
    ("el breaker del termo ya esta apagado", "corriente-cortada"),
    ("tumbamos la pastilla del calentador", "corriente-cortada"),            # Mexico
    ("la senora desconectó la lavadora", "desconectado"),
    ("lo tengo desconectado desde ayer", "desconectado"),
    ("ya desenchufamos todo", "desenchufado"),
    ("el vecino desconecto la bomba y bajo la termica", "corriente-cortada"),  # "y" after a past verb
])
def test_a_completed_act_on_the_source_is_read(conn: psycopg.Connection, message: str, act: str) -> None:
    assert act in acts(conn, message)


@pytest.mark.parametrize("message", [
    "voy a cerrar el gas del medidor",                  # to come
    "cerraria el gas pero no encuentro la llave",       # conditional
    "hay que cortar la luz del tablero?",               # a need, infinitive
    "¿cerraste el gas del contador?",                   # a question
    "¿ya se cortó la luz en el tablero?",
    "no he cerrado el gas todavia",                     # a negation
    "todavia no cerramos la garrafa",
    "creo que ya cerre el gas",                         # a doubt
    "no se si lo desconecte",
    "cuando corte la luz del tablero te aviso",         # a time to come (subjunctive)
    "dile al cliente que corte la luz en el cuadro",    # an order
    "hubo un corte de luz en todo el barrio",           # a noun
    "ahora corto la luz y bajo el breaker",             # present: "I cut"
    "apague la luz del pasillo",                        # a light switched off, not the power
    "cerre la llave de paso del agua",                  # another thing closed
    "desconecte la manguera de la lavadora",            # a hose, not the power
    # dictated: "coma" ends a part, and a "ya" far before does not make "la desconecto" past
    "ya cerre la llave de paso coma hay un cable pelado en el agua coma la desconecto con la mano",
])
def test_what_is_not_a_completed_act_on_the_source_is_not_read(conn: psycopg.Connection, message: str) -> None:
    assert not {"gas-cerrado", "luz-cortada", "corriente-cortada", "desconectado"} & set(acts(conn, message))


# --- a gas-closed act silences the gas-work warning only, once staff switch its row on ----------------------------

@pytest.fixture
def gas_closed_on(conn: psycopg.Connection) -> None:
    """The row gas-cerrado is shipped switched off (the technical manager confirms it first); these tests are about
    what it does once staff switch it on (rolled back with the test)."""
    conn.execute("UPDATE safety_measures SET active = true WHERE slug = 'gas-cerrado'")


def test_the_gas_closed_is_shipped_switched_off(conn: psycopg.Connection) -> None:
    message = "ya cerramos la valvula del gas y desmontamos el calentador, como le saco el serpentin"
    assert conn.execute("SELECT active FROM safety_measures WHERE slug = 'gas-cerrado'").fetchone()[0] is False
    assert "gas-cerrado" in acts(conn, message)           # the act is read; the row that would silence is off
    assert first_message(conn, message) == "trabajo-en-gas"


@pytest.mark.parametrize("message", [
    "ya cerramos la valvula del gas y desmontamos el calentador, como le saco el serpentin",
    "con el contador del gas cerrado desmonte la caldera, le cambio la bomba de agua",
])
def test_the_gas_closed_silences_the_gas_work_warning(conn: psycopg.Connection, message: str,
                                                       gas_closed_on: None) -> None:
    assert "trabajo-en-gas" in rules(conn, message)     # its words alone fire the rule it answers
    assert first_message(conn, message) is None


@pytest.mark.parametrize("message", [
    "voy a cerrar el gas y desmontar el calentador, como le saco el serpentin",
    "no cerre el gas y desmonte el calentador, como le saco el serpentin",
    "creo que cerre el gas, desmonte el calentador, como le saco el serpentin",
    "ya cerre el gas, ahora le cambio el flexible al calentador",            # work on the gas line itself
    "con el gas cerrado sueldo el cano de cobre al lado del tubo del gas",   # a flame near the line
])
def test_a_gas_closure_not_done_or_not_enough_still_warns(conn: psycopg.Connection, message: str,
                                                         gas_closed_on: None) -> None:
    assert first_message(conn, message) is not None


def test_the_gas_closed_never_silences_a_smell(conn: psycopg.Connection, gas_closed_on: None) -> None:
    assert first_message(conn, "ya cerre la llave del gas del medidor pero sigue oliendo a gas") == "olor-a-gas"


def test_the_gas_closed_holds_for_the_next_messages_until_it_is_opened_again(conn: psycopg.Connection,
                                                                             gas_closed_on: None) -> None:
    closed = "ya cerramos la valvula del gas y desmontamos el calentador"
    assert shown(conn, closed, "como le saco el serpentin", "y que junta lleva") == [None, None, None]
    assert shown(conn, closed, "ya abrimos el gas otra vez, como reviso que no fugue la union")[1] is not None


# --- electricity: two acts, as the desenchufado-y-cortado row asks --------------------------------------------------

def test_unplugged_and_cut_at_the_panel_in_any_words_silence_the_electric_warning(conn: psycopg.Connection) -> None:
    message = "la ducha electrica la desconectamos y cortamos la luz en el tablero, como cambio la resistencia"
    assert "termo-electrico-trabajo" in rules(conn, message)
    assert first_message(conn, message) is None
    assert first_message(conn, "el cliente ya desconecto la bomba del enchufe y bajo la termica, como cambio el "
                               "capacitor") is None


def test_one_electric_act_alone_still_warns(conn: psycopg.Connection) -> None:
    # the row asks for two isolations (or a tester): one act is half of it
    assert first_message(conn, "la ducha electrica ya la desconectamos, como cambio la resistencia") is not None


def test_an_electric_act_does_not_silence_the_gas_rules(conn: psycopg.Connection) -> None:
    assert first_message(conn, "desenchufe el calentador y baje el breaker, ahora le cambio el flexible del gas") \
        == "trabajo-en-gas"


# --- staff edit the acts -------------------------------------------------------------------------------------------

def test_staff_add_a_verb_and_switch_an_act_off(conn: psycopg.Connection, gas_closed_on: None) -> None:
    message = "ya clausuramos la llave del gas del calentador y lo desmontamos"
    assert "gas-cerrado" not in acts(conn, message)
    conn.execute("UPDATE safety_measure_acts SET verbs = verbs || ', clausurar' WHERE slug = 'gas-cerrado'")
    assert "gas-cerrado" in acts(conn, message)
    assert first_message(conn, message) is None
    conn.execute("UPDATE safety_measure_acts SET active = false WHERE slug = 'gas-cerrado'")
    assert "gas-cerrado" not in acts(conn, message)
    assert first_message(conn, message) == "trabajo-en-gas"


def test_irregular_forms_are_written_as_they_are(conn: psycopg.Connection) -> None:
    forms = conn.execute("SELECT (safety_verb_forms('cerrar, abrir, puesto')).forms").fetchone()[0]
    assert {"cerre", "cerro", "cerramos", "cerraron", "cerrado", "cerradas", "abri", "abrieron", "puesto"} <= set(forms)
    assert {"apague", "saque"} <= set(conn.execute("SELECT (safety_verb_forms('apagar, sacar')).forms").fetchone()[0])


# --- asbestos removed by a licensed firm ---------------------------------------------------------------------------

def test_asbestos_removed_by_a_licensed_firm_silences_the_asbestos_warning(conn: psycopg.Connection) -> None:
    message = "la bajante de uralita ya la desmonto una empresa autorizada, ahora como empalmo el pvc"
    assert "amianto" in rules(conn, message)
    assert first_message(conn, message) is None


@pytest.mark.parametrize("message", [
    "la bajante de uralita la desmonte yo mismo, ahora como empalmo el pvc",                  # not a licensed firm
    "la bajante de uralita ya la desmonto una empresa autorizada, ahora corto el tramo que queda",  # some is left
    "una empresa autorizada va a desmontar la bajante de uralita, mientras corto el pvc",       # to come
])
def test_asbestos_not_removed_by_a_licensed_firm_still_warns(conn: psycopg.Connection, message: str) -> None:
    assert first_message(conn, message) == "amianto"


# --- one electric isolation: a row shipped switched off ------------------------------------------------------------

def test_one_isolation_silences_only_when_staff_switch_its_row_on(conn: psycopg.Connection) -> None:
    message = "ya bajamos la termica de la ducha electrica, como le cambio la resistencia"
    assert conn.execute("SELECT active FROM safety_measures WHERE slug = 'aislado-una-vez'").fetchone()[0] is False
    assert first_message(conn, message) == "termo-electrico-trabajo"
    conn.execute("UPDATE safety_measures SET active = true WHERE slug = 'aislado-una-vez'")
    assert first_message(conn, message) is None
    # on someone's word, or with a doubt about the breaker, it still warns
    assert first_message(conn, "el cliente dice que ya bajo la termica de la ducha electrica, como le cambio la "
                               "resistencia") == "termo-electrico-trabajo"
    assert first_message(conn, "ya bajamos una termica pero no estan marcados, como le cambio la resistencia a la "
                               "ducha electrica") == "termo-electrico-trabajo"


def test_an_isolation_undone_in_other_words_ends_the_measure(conn: psycopg.Connection) -> None:
    isolated = "la ducha electrica la desconectamos y cortamos la luz en el tablero"
    job = "como le cambio la resistencia a la ducha electrica"
    assert shown(conn, isolated, job) == [None, None]
    assert shown(conn, isolated, "el electricista reactivo el breaker", job)[2] == "termo-electrico-trabajo"
    assert shown(conn, isolated, "el electricista no reactivo el breaker", job)[2] is None
