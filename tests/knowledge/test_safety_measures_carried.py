"""Measures carried to the plumber's next messages (stop 24, README "Measures already taken"): a measure stated in
one message ("ya lo desenchufé y bajé la térmica") keeps silencing its rules for the next `measure_messages_kept`
messages of the same job, until a change-of-job phrase or a later message that undoes it ("lo volví a enchufar",
"subí la térmica") or brings the danger back ("me dio un calambre"). Other rules still warn.

The wordings are written for these tests (not checklist sentences). Each turn is stored as the chat workflow stores
it (bench/quality/safety_conversations.play_turn)."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.safety_support import new_conversation, rule, shown, turn

ISOLATED = "ya lo desenchufe y baje la termica"
ELEMENT = "le cambio la resistencia al termo electrico?"


# --- a measure holds for the next messages of the job ------------------------------------------------------------

@pytest.mark.parametrize("measure, follow_up", [
    (ISOLATED, ELEMENT),
    ("comprobe con el tester que no hay tension en la ducha electrica",
     "como le cambio la resistencia a la ducha electrica"),
    ("con el multimetro marca 0 volts en el cable del termo", "ahora le cambio el termostato al termo electrico"),
])
def test_an_isolation_stated_earlier_silences_the_electric_warning_on_a_later_message(
        conn: psycopg.Connection, measure: str, follow_up: str) -> None:
    assert rule(conn, follow_up) is not None            # the later message alone warns
    assert shown(conn, follow_up)[0] is not None        # and so it does without the measure before it
    assert shown(conn, measure, follow_up) == [None, None]


def test_a_house_without_gas_stated_earlier_holds_until_a_gas_appliance_is_named(conn: psycopg.Connection) -> None:
    assert shown(conn, "en la casa no hay nada a gas, todo es electrico",
                 "a la familia le duele la cabeza seguido, que reviso",
                 "ah no, hay una caldera de gas en el sotano") == [None, None, "monoxido-carbono"]


def test_the_measure_holds_over_several_messages_then_lapses(conn: psycopg.Connection) -> None:
    # measure_messages_kept = 4: the fifth message after the measure warns again
    assert shown(conn, ISOLATED, "que llave uso", "y la junta", "y el anodo", ELEMENT) == [None] * 5
    assert shown(conn, ISOLATED, "que llave uso", "y la junta", "y el anodo", "y el teflon", ELEMENT) == \
        [None] * 5 + ["termo-electrico-trabajo"]


def test_staff_set_how_long_a_measure_lasts(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE safety_settings SET value = '1' WHERE key = 'measure_messages_kept'")
    assert shown(conn, ISOLATED, ELEMENT) == [None, None]
    assert shown(conn, ISOLATED, "que llave uso", ELEMENT) == [None, None, "termo-electrico-trabajo"]
    conn.execute("UPDATE safety_settings SET value = '0' WHERE key = 'measure_messages_kept'")
    assert shown(conn, ISOLATED, ELEMENT) == [None, "termo-electrico-trabajo"]   # its own message only


def test_only_within_half_an_hour(conn: psycopg.Connection) -> None:
    conversation = new_conversation()
    turn(conn, conversation, ISOLATED)
    conn.execute("UPDATE messages SET created_at = created_at - interval '40 minutes' WHERE conversation_id = %s",
                 (conversation,))
    assert turn(conn, conversation, ELEMENT)["shown"] == "termo-electrico-trabajo"


# --- what ends it ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("undone", [
    "lo volvi a enchufar para ver si calienta, le cambio el termostato al termo electrico?",
    "subi la termica un momento, ahora le cambio la resistencia al termo electrico?",
    "me dio un calambre al tocar la resistencia del termo",
    "no estoy seguro de que era esa termica, le cambio la resistencia al termo electrico?",
])
def test_a_later_message_that_undoes_the_measure_warns(conn: psycopg.Connection, undone: str) -> None:
    assert shown(conn, ISOLATED, undone)[1] is not None


def test_a_rule_silenced_before_comes_back_when_the_measure_is_undone(conn: psycopg.Connection) -> None:
    # the third message alone names no danger; the job (an electric heater whose element is changed) does, and no
    # answer showed it while the measure held
    third = "listo, ya lo volvi a enchufar, no calienta, que reviso"
    assert rule(conn, third) is None
    assert shown(conn, ISOLATED, ELEMENT, third) == [None, None, "agua-y-electricidad"]


def test_a_denied_undoing_keeps_the_measure(conn: psycopg.Connection) -> None:
    assert shown(conn, ISOLATED, "no lo volvi a enchufar, " + ELEMENT) == [None, None]


@pytest.mark.parametrize("other_job", [
    "otra cosa, " + ELEMENT,
    "en otra casa, " + ELEMENT,                 # a keep word after the phrase: another heater all the same
])
def test_a_change_of_job_ends_the_measure(conn: psycopg.Connection, other_job: str) -> None:
    assert shown(conn, ISOLATED, other_job) == [None, "termo-electrico-trabajo"]


def test_a_measure_stated_after_a_change_of_job_belongs_to_the_new_job(conn: psycopg.Connection) -> None:
    assert shown(conn, "tengo un calefon en la logia", "otra cosa, en la otra obra " + ISOLATED, ELEMENT) == \
        [None, None, None]


def test_a_carried_measure_silences_only_its_rules(conn: psycopg.Connection) -> None:
    assert shown(conn, ISOLATED + " del termo electrico", "ahora corto el caño del gas del calefon y lo alargo") == \
        [None, "trabajo-en-gas"]


def test_after_a_warning_the_measure_holds_for_the_next_messages(conn: psycopg.Connection) -> None:
    # the warning, the measure it asks for (quiet), then the job again in words that alone warn
    assert shown(conn, "el triturador esta atascado y zumba",
                 "ya lo desenchufe y baje el breaker, como lo destrabo",
                 "el triturador sigue trabado, lo giro con la llave allen por abajo?") == ["triturador", None, None]


def test_staff_edit_what_ends_a_measure(conn: psycopg.Connection) -> None:
    follow_up = "el electricista anda por ahi, " + ELEMENT
    assert shown(conn, ISOLATED, follow_up) == [None, None]
    conn.execute("UPDATE safety_measures SET ended_by = ended_by || ', Electricista' "
                 "WHERE slug = 'desenchufado-y-cortado'")
    assert conn.execute("SELECT 'electricista' = ANY (ended_items) FROM safety_measures "
                        "WHERE slug = 'desenchufado-y-cortado'").fetchone()[0] is True
    assert shown(conn, ISOLATED, follow_up) == [None, "termo-electrico-trabajo"]


def test_every_shipped_measure_says_what_ends_it(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT count(*) FROM safety_measures WHERE cardinality(ended_items) = 0").fetchone()[0] == 0


def test_the_kept_measures_function(conn: psycopg.Connection) -> None:
    conversation = new_conversation()
    turn(conn, conversation, ISOLATED)
    kept = conn.execute("SELECT silenced, ended FROM safety_kept_measures(%s, %s, interval '30 minutes')",
                        (ELEMENT, conversation)).fetchone()
    assert set(kept[0]) == {"agua-y-electricidad", "termo-electrico-trabajo", "triturador",
                            "termo-electrico-fuga", "bomba-electrica"} and kept[1] == []  # stop 26: two isolations answer a leak too
    kept = conn.execute("SELECT silenced, ended FROM safety_kept_measures(%s, %s, interval '30 minutes')",
                        ("lo enchufe otra vez", conversation)).fetchone()
    assert kept[0] == [] and set(kept[1]) == {"agua-y-electricidad", "termo-electrico-trabajo", "triturador",
                                              "termo-electrico-fuga", "bomba-electrica"}  # stop 27: pumps (links)
    assert conn.execute("SELECT safety_after_job_phrase('otra cosa, como cambio el flotador')").fetchone()[0] == \
        "como cambio el flotador"
    assert conn.execute("SELECT safety_after_job_phrase('como cambio el flotador')").fetchone()[0] is None
