"""Stop 26 (bench/quality/SAFETY.md "Stop 26"): acts of making safe for heat and pressure, "ya" + present is no act,
one isolation quiets the water-and-electricity warning (only it), that warning no longer fires on a drain cable, a
rating question or "desenchufado", and general patterns for dangers no rule named (a
pipe network under test pressure to be cut, a buried cistern cleaned from inside, a tall ladder, a roof without a
parapet or rotten, a rotten-egg smell with symptoms, breaking concrete by a gas pipe, an extractor hood by an open-flue
gas heater, a heater's socket changed).

The wordings are written for these tests (not checklist sentences). Each turn is stored as the chat workflow stores
it (bench/quality/safety_conversations.play_turn).

An electric heater that only drips ("el calentador eléctrico gotea por abajo") stays quiet, as test_safety_rules.py and
test_safety_checklist.py have it since stop 21; checklist 9's tune half labels one such turn must-warn (s9-007), a
conflict left to the lead (SAFETY.md "Stop 26")."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.safety_support import acts, first_message, rules, shown


# --- heat and pressure let down, read as acts ---------------------------------------------------------------------

@pytest.mark.parametrize("message, act", [
    ("ya lo dejamos enfriar toda la noche", "dejado-enfriar"),
    ("deje que se enfriara antes de tocarlo", "dejado-enfriar"),
    ("el agua ya se enfrio", "enfriado"),
    ("ya vaciamos la terma por la llave de abajo", "vaciado"),
    ("el acumulador esta vaciado desde ayer", "vaciado"),
    ("hemos drenado el tanque", "vaciado"),
    ("ya le quitamos la presion al hidro", "presion-bajada"),
    ("solte la presion abriendo la canilla de arriba", "presion-bajada"),
    ("la linea ya esta despresurizada", "despresurizado"),
    ("purgamos toda la instalacion", "despresurizado"),
])
def test_heat_and_pressure_let_down_are_acts(conn: psycopg.Connection, message: str, act: str) -> None:
    assert act in acts(conn, message)


@pytest.mark.parametrize("message", [
    "voy a dejar enfriar el termo",            # to come
    "hay que vaciar la terma primero?",        # a need
    "no lo he vaciado todavia",                # negated
    "¿ya despresurizaste la red?",             # a question
    "cuando baje la presion te aviso",         # a time to come
    "creo que ya purgue la linea",             # a doubt
])
def test_heat_and_pressure_not_let_down_are_not_acts(conn: psycopg.Connection, message: str) -> None:
    assert not {"enfriado", "dejado-enfriar", "vaciado", "despresurizado", "presion-bajada"} & set(acts(conn, message))


def test_a_heater_let_cool_silences_the_scalding_warning(conn: psycopg.Connection) -> None:
    hot = "voy a vaciar el termo, lo acabo de apagar y estaba a 70 grados"
    assert first_message(conn, hot) == "agua-hirviendo"
    assert shown(conn, hot, "ya lo deje enfriar toda la noche, ahora por donde lo vacio?") == ["agua-hirviendo", None]
    # still hot, or in doubt: the warning stays
    assert shown(conn, hot, "ya lo deje enfriar un rato pero todavia esta caliente, lo vacio?")[1] == "agua-hirviendo"
    assert shown(conn, hot, "creo que ya se enfrio, lo vacio?")[1] == "agua-hirviendo"


def test_a_heater_drained_and_cold_silences_the_scalding_warning_until_it_heats_again(conn: psycopg.Connection) -> None:
    hot = "voy a vaciar el termo, lo acabo de apagar y estaba a 70 grados"
    turns = shown(conn, hot, "listo, ya vacie el termo y esta frio, cambio la llave de drenaje?",
                  "lo volvi a encender para probar, ahora lo vacio otra vez?")
    assert turns[1] is None and turns[2] is not None


def test_the_pressure_let_out_silences_the_pressure_warning(conn: psycopg.Connection) -> None:
    charged = "la prueba de presion no paso, la linea esta cargada a 180 psi y tengo que cortar un codo"
    assert first_message(conn, charged) == "tanque-presion"
    assert shown(conn, charged, "ya despresurice la linea, el manometro marca cero, con que corto el codo?") == [
        "tanque-presion", None]
    assert shown(conn, charged, "ya baje la presion pero el manometro sigue subiendo, corto igual?")[1] == \
        "tanque-presion"


# --- future and intent are not acts --------------------------------------------------------------------------------

@pytest.mark.parametrize("message", [
    "ya lo corto y le cambio la resistencia",          # "ya" + present: "I cut it now"
    "ya lo desconecto y bajo la termica",
    "ahora cierro la llave del gas",
    "voy a cortar la luz del tablero",
    "ahorita le bajo el breaker",
])
def test_ya_or_ahora_with_a_present_is_no_act(conn: psycopg.Connection, message: str) -> None:
    assert not {"gas-cerrado", "luz-cortada", "corriente-cortada", "desconectado"} & set(acts(conn, message))


@pytest.mark.parametrize("message, act", [
    ("ya lo corté desde el tablero", "corriente-cortada"),       # with its accent
    ("ya le corte la luz", "luz-cortada"),                       # first person preterite, not the present
    ("ya lo desconecto el electricista", "desconectado"),        # the subject after the verb
    ("ya lo retiro una empresa autorizada", "retirado"),
    ("el electricista bajo el breaker, lo rotulo y saco los cables", "cables-retirados"),  # one subject, a comma
])
def test_a_past_act_is_still_read(conn: psycopg.Connection, message: str, act: str) -> None:
    assert act in acts(conn, message)


def test_the_shipped_past_markers_follow_the_file_unless_staff_changed_them(conn: psycopg.Connection) -> None:
    value = conn.execute("SELECT value FROM safety_settings WHERE key = 'measure_past_markers'").fetchone()[0]
    assert not value.startswith("ya,")
    assert "ya" not in conn.execute("SELECT items FROM safety_settings WHERE key = 'measure_past_markers'").fetchone()[0]


# --- water and electricity: really meeting, and quiet when the breaker is off --------------------------------------

@pytest.mark.parametrize("message", [
    "que maquina uso para el bajante, la de cable o la de agua a presion",      # a drain-cleaning cable
    "le pase el cable de acero al desague del lavamanos y sigue tapado",
    "de cuantos amperios es la termica para un calentador electrico de 30 litros",  # a rating
    "se fundio el fusible de la bomba del tinaco, de que amperaje lo pongo",
    "la bomba de la cisterna esta afuera y desenchufada, cambio el impulsor?",   # unplugged is the measure
])
def test_water_and_electricity_quiet_where_they_do_not_meet(conn: psycopg.Connection, message: str) -> None:
    assert "agua-y-electricidad" not in rules(conn, message)


@pytest.mark.parametrize("message", [
    "el agua del lavarropas llega al enchufe de la pared",
    "hay un cable pelado dentro del charco del lavadero",
    "salta el diferencial cada vez que llueve y entra agua al cuadro",
    "la bomba del pozo esta enchufada y con el cable metido en el agua",
])
def test_water_and_electricity_still_warn_where_they_meet(conn: psycopg.Connection, message: str) -> None:
    assert "agua-y-electricidad" in rules(conn, message)


@pytest.fixture
def panel_cut_on(conn: psycopg.Connection) -> None:
    """cortado-en-el-cuadro is shipped switched off (the technical manager confirms it first); these tests are about
    what it does when staff switch it on (rolled back with the test)."""
    conn.execute("UPDATE safety_measures SET active = true WHERE slug = 'cortado-en-el-cuadro'")


def test_one_panel_isolation_is_shipped_switched_off(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT active FROM safety_measures WHERE slug = 'cortado-en-el-cuadro'").fetchone()[0] is False
    assert "corriente-cortada" in acts(conn, "ya baje el breaker del calentador que esta junto a la pileta")
    assert first_message(conn, "ya baje el breaker del calentador que esta junto al fregadero, cambio el flexible?") \
        == "agua-y-electricidad"


def test_one_isolation_quiets_only_the_water_and_electricity_warning(conn: psycopg.Connection,
                                                                     panel_cut_on: None) -> None:
    # the breaker lowered: water-and-electricity is answered
    assert first_message(conn, "ya baje el breaker del calentador que esta junto a la pileta, cambio el flexible?") \
        is None
    # work on the heater's element still asks for the tester
    assert first_message(conn, "ya baje el breaker del termo, le cambio la resistencia?") == "termo-electrico-trabajo"
    # on someone's word, in doubt, or with water on the electrics: it still warns
    assert first_message(conn, "la senora dice que ya bajo el breaker, el enchufe de la bomba esta junto al agua") \
        == "agua-y-electricidad"
    assert first_message(conn, "baje un breaker pero no se cual es, el enchufe esta al lado del fregadero") \
        == "agua-y-electricidad"
    assert first_message(conn, "ya baje el breaker pero el enchufe esta mojado, lo cambio?") == "agua-y-electricidad"


def test_a_lockout_quiets_the_water_and_electricity_warning_until_it_is_removed(conn: psycopg.Connection,
                                                                              panel_cut_on: None) -> None:
    assert shown(conn, "puse el candado en la termica de la bomba del aljibe",
                 "el encargado quito el candado y dio la luz, sigo con el cable de la bomba en el agua?") == [
        None, "agua-y-electricidad"]


def test_two_isolations_also_answer_a_leaking_electric_heater(conn: psycopg.Connection) -> None:
    leak = "el termo gotea encima de la caja de conexiones"
    assert first_message(conn, leak) == "termo-electrico-fuga"
    assert shown(conn, leak, "ya lo desenchufe y baje la termica, le cambio la junta de la brida?") == [
        "termo-electrico-fuga", None]
    # one isolation is not enough for it
    assert shown(conn, leak, "ya baje la termica, le cambio la junta de la brida?")[1] == "termo-electrico-fuga"


# --- dangers no rule named (general patterns) ----------------------------------------------------------------------

@pytest.mark.parametrize("message, rule", [
    ("la instalacion sigue cargada a 10 bar por la prueba y tengo que abrir una union", "tanque-presion"),
    ("hay que lavar el aljibe por dentro, es subterraneo", "espacio-confinado"),
    ("el tanque enterrado del patio hay que limpiarlo", "espacio-confinado"),
    ("para la bajante me subo a una escalera de 7 metros", "trabajo-en-altura"),
    ("el tinaco esta en una losa sin barda", "trabajo-en-altura"),
    ("tengo que caminar sobre el tejado de chapa que esta oxidado y se hunde", "trabajo-en-altura"),
    ("en el sotano huele a huevo podrido y la senora esta mareada", "olor-a-gas"),
    ("voy a picar el piso de la cocina y por ahi pasa la tuberia del gas", "trabajo-en-gas"),
    ("tienen un calefon a gas de tiro natural y pusieron un extractor de cocina al lado", "gas-aparato-ventilacion"),
    ("mañana le cambio el enchufe del termo que esta quemado", "termo-electrico-trabajo"),
])
def test_general_patterns_for_dangers_no_rule_named(conn: psycopg.Connection, message: str, rule: str) -> None:
    assert rule in rules(conn, message)


@pytest.mark.parametrize("message", [
    "el calentador electrico gotea por abajo",                          # a leak alone (test_safety_rules.py)
    "la prueba de presion la hago a 6 bar o a 10?",                     # a test asked about, nothing opened
    "cuanto cuesta una cisterna de 1100 litros",                        # no buried tank entered
    "la escalera del edificio tiene 4 pisos, subo el tubo por ahi?",    # a staircase, no ladder height
    "el agua caliente del termo huele a huevo podrido, le cambio el anodo?",  # a smell, nobody unwell
    "la campana de la cocina no extrae bien, que motor le pongo",        # no gas heater
])
def test_look_alikes_of_the_new_patterns_stay_quiet(conn: psycopg.Connection, message: str) -> None:
    assert rules(conn, message) == []


# --- a relief valve replaced and tested; a cleanout "de adentro" is no chamber to enter ---------------------------

def test_a_relief_valve_replaced_and_tested_silences_its_warning(conn: psycopg.Connection) -> None:
    plugged = "el calefon electrico tiene la valvula de seguridad tapada con un tapon de bronce"
    assert first_message(conn, plugged) == "valvula-seguridad"
    assert shown(conn, plugged, "ya le puse una valvula nueva de 8 bar y la probe, descarga bien. que teflon uso en "
                 "el flexible?") == ["valvula-seguridad", None]
    # replaced but not discharging, or plugged again: it still warns
    assert shown(conn, plugged, "le puse una valvula nueva pero no descarga nada cuando la pruebo")[1] == \
        "valvula-seguridad"


def test_a_cleanout_inside_the_house_is_no_chamber(conn: psycopg.Connection) -> None:
    assert rules(conn, "meti la sonda por el registro de adentro del bano y no pasa") == []
    assert "espacio-confinado" in rules(conn, "hay que limpiar la arqueta grande por dentro")


def test_a_pit_with_someone_inside_still_warns(conn: psycopg.Connection) -> None:
    assert "espacio-confinado" in rules(conn, "mi ayudante esta en el pozo adentro y no contesta")
    assert "espacio-confinado" in rules(conn, "el registro lo limpio desde adentro, es de 2 metros")
