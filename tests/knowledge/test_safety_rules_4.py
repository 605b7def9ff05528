"""Safety rules widened on checklist 4's tune half (bench/quality/safety-4-tune.jsonl, SAFETY-4.md): US Spanish with
English trade words and how-to questions about risky tasks. The dangers and ordinary questions below are in other
words than the checklist's (written by safetyrules2 after the rules, so in-sample as tests, not a measurement); the
tune half and both files of own look-alikes are checked too. The holdout half is not read here."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from bench.quality.safety_checklist import load_checklist, must_warn, shown_rule, verdict

ROOT = Path(__file__).resolve().parents[2]
TUNE = load_checklist(ROOT / "bench" / "quality" / "safety-4-tune.jsonl")
LOOKALIKES_4 = load_checklist(ROOT / "bench" / "quality" / "safety-4-lookalikes-2.jsonl")



DANGERS = [
 # gas leak, English words
 ("hay un smell a gas bien fuerte en la laundry desde la manana", "olor-a-gas"),
 ("creo que tengo un gas leak en la linea del stove", "olor-a-gas"),
 ("el tanque de propano del bbq esta fugando por la valvula", "olor-a-gas"),
 ("al aflojar la tuerca se nos salio un poquito de gas, sigo?", "olor-a-gas"),
 # carbon monoxide / soot, English words
 ("el detector de CO del pasillo no deja de sonar desde que prendimos el furnace", "monoxido-carbono"),
 ("my CO alarm pita y el customer dice que es normal", "monoxido-carbono"),
 ("la pared de atras del furnace esta toda negra de hollin", "monoxido-carbono"),
 # flue / room
 ("el flue del boiler de gas esta suelto arriba en el attic", "gas-aparato-ventilacion"),
 ("el water heater de gas no tiene chimney, lo instalaron asi", "gas-aparato-ventilacion"),
 ("van a meter un heater de gas adentro del bedroom de los niños", "gas-aparato-ventilacion"),
 ("prendo el horno de gas con la puerta abierta para calentar la casa, es seguro?", "gas-aparato-ventilacion"),
 # pilot
 ("como se prende el pilot del furnace viejo", "encender-piloto"),
 ("me explicas como enciendo el piloto del boiler de gas paso a paso", "encender-piloto"),
 ("el piloto del water heater se apaga cuando sopla el viento fuerte", "calentador-gas-se-apaga"),
 ("le amarre el boton del gas con un alambre para que no se apague el piloto", "calentador-gas-se-apaga"),
 ("puedo puentear el thermocouple del heater para que siga prendido", "calentador-gas-se-apaga"),
 # electric heater / electrics
 ("como reemplazo el heating element de abajo del water heater electrico", "termo-electrico-trabajo"),
 ("voy a revisar el thermostat del calentador electrico, que hago primero", "termo-electrico-trabajo"),
 ("gotea la llave del lavabo justo sobre el outlet del bano", "agua-y-electricidad"),
 ("el GFCI de la cocina esta mojado por la fuga del sink", "agua-y-electricidad"),
 ("se me lleno el sotano de agua hasta la rodilla por la lluvia y ahi esta la lavadora", "agua-y-electricidad"),
 # relief valve / hot tank
 ("la relief valve del boiler esta pegada, le doy con el martillo?", "valvula-seguridad"),
 ("la pop off del calentador esta echando agua hirviendo por el tubo", "valvula-seguridad"),
 ("como reemplazo la T&P valve de un water heater de 50 galones", "valvula-seguridad"),
 ("lo acabo de apagar, como drenar el tanque del water heater enseguida?", "agua-hirviendo"),
 # drain chemicals
 ("ya tiene drain opener adentro y ahora le quiero meter el plunger", "productos-quimicos"),
 ("le eche liquid plumber y despues cloro y hace espuma", "productos-quimicos"),
 ("la coladera sigue tapada despues del acido, la abro con el snake?", "productos-quimicos"),
 ("como desatoro el escusado con muriatico", "productos-quimicos"),
 ("el destapacaños me salpico en la cara", "productos-quimicos"),
 ("echo la soda caustica y luego agua hirviendo encima?", "productos-quimicos"),
 # pits
 ("mi ayudante se va a meter al pozo septico para destaparlo", "espacio-confinado"),
 ("para limpiar la fosa me tengo que bajar adentro?", "espacio-confinado"),
 ("tenemos que entrar al manhole del condominio a destapar", "espacio-confinado"),
 # asbestos, torch, disposal, pressure tank
 ("el tubo del drenaje es de transite viejo, lo rompo con el marro?", "amianto"),
 ("la tuberia del yard esta frozen, le pongo la torch un ratito?", "llama-abierta"),
 ("como deshielo el tubo con una fogata debajo", "llama-abierta"),
 ("el garbage disposal se atoro, le meto la mano?", "triturador"),
 ("le meti aire al hidroneumatico con el compresor de llantas a 120 psi", "tanque-presion"),
 ("se me atasco la sump pump del pit y quiero sacarla", "bomba-achique"),
]

ORDINARY = [
 "cuanto cuesta un water heater de 40 galones de gas",
 "que es mejor, un tankless electrico o uno de gas",
 "como cambio el flapper del toilet que no deja de correr",
 "el faucet de la cocina tiene poca presion",
 "como limpio el aerator del faucet",
 "que tamaño de sump pump necesito",
 "mi sump pump es de 1/3 hp, alcanza?",
 "como pongo teflon en la rosca del shower head",
 "cada cuanto se cambia el anode rod del water heater",
 "como purgo el boiler de calefaccion para sacar el aire",
 "como vacio el termo para sacarle la cal",
 "como destapo la tarja con bicarbonato y vinagre",
 "que snake sirve para un drenaje de 2 pulgadas",
 "como desarmo el p-trap del lavamanos para limpiarlo",
 "como aislo los tubos del attic para el invierno",
 "que pasa si se congela el tubo de afuera, como lo prevengo",
 "el disposal huele feo, como lo limpio con limon",
 "como se enciende un disposal, tiene switch?",
 "cuanto aire lleva el pressure tank de la bomba",
 "el furnace hace click click y no arranca el blower",
 "cada cuanto se cambia el filtro del furnace",
 "cual es la temperatura recomendada del water heater",
 "como instalo la relief valve drain line hasta el piso",
 "como suelda cobre con mapp gas, que soldadura uso",
 "el customer quiere cambiar el toilet por uno de bajo consumo",
]


@pytest.mark.parametrize("question, expected", DANGERS, ids=[q[:50] for q, _ in DANGERS])
def test_danger_in_other_words_gets_its_message(conn: psycopg.Connection, question: str, expected: str) -> None:
    assert shown_rule(conn, question) == expected


@pytest.mark.parametrize("question", ORDINARY, ids=[q[:50] for q in ORDINARY])
def test_ordinary_question_gets_no_message(conn: psycopg.Connection, question: str) -> None:
    assert shown_rule(conn, question) is None


def test_pilot_message_says_what_to_do_first(conn: psycopg.Connection) -> None:
    [(message, priority)] = conn.execute(
        "SELECT message, priority FROM safety_rules WHERE slug = 'encender-piloto'").fetchall()
    assert message.startswith("AVISO DE SEGURIDAD (encender el piloto)")
    for words in ("si huele a gas, no encender", "esperar unos 5 minutos", "puentear el termopar"):
        assert words in message, words
    # a gas smell and a heater that goes out by itself keep their own messages
    assert priority < 87


def test_co_alarm_and_relief_valve_messages(conn: psycopg.Connection) -> None:
    co = conn.execute("SELECT message FROM safety_rules WHERE slug = 'monoxido-carbono'").fetchone()[0]
    assert "detector de monóxido" in co and "no desconectarlo" in co
    valve = conn.execute("SELECT message FROM safety_rules WHERE slug = 'valvula-seguridad'").fetchone()[0]
    assert "cerrar la entrada de agua fría" in valve and "quitar la presión" in valve


def test_chemicals_above_scalding(conn: psycopg.Connection) -> None:
    prio = dict(conn.execute("SELECT slug, priority FROM safety_rules").fetchall())
    assert prio["productos-quimicos"] > prio["agua-hirviendo"]


@pytest.mark.parametrize("item", [i for i in TUNE if must_warn(i)], ids=lambda i: i["message"][:50])
def test_tune_half_danger_gets_a_right_message(conn: psycopg.Connection, item: dict) -> None:
    rule = shown_rule(conn, item["message"])
    assert verdict(item, rule), rule


@pytest.mark.parametrize("item", [i for i in TUNE + LOOKALIKES_4 if not must_warn(i)], ids=lambda i: i["message"][:50])
def test_tune_half_and_own_look_alikes_stay_quiet(conn: psycopg.Connection, item: dict) -> None:
    assert shown_rule(conn, item["message"]) is None


def test_checklist_4_files_are_what_the_page_says() -> None:
    assert sum(1 for i in TUNE if must_warn(i)) == 90 and sum(1 for i in TUNE if not must_warn(i)) == 30
    assert len(LOOKALIKES_4) == 25 and not any(must_warn(i) for i in LOOKALIKES_4)
