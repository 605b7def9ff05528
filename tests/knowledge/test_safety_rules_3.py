"""Safety rules widened on checklist 3 (bench/quality/safety-3.jsonl, SAFETY-3.md): the same dangers in other
words than the checklist's (written by safetyrules after the rules, so in-sample as tests, not a measurement), the
pressure-vessel rule tanque-presion, the priorities that checklist 3 moved, and checklist 3 itself."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from bench.quality.safety_checklist import RULES_FOR_TOPIC, load_checklist, must_warn, shown_rule, verdict

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST_3 = load_checklist(ROOT / "bench" / "quality" / "safety-3.jsonl")
LOOKALIKES_2 = load_checklist(ROOT / "bench" / "quality" / "safety-3-lookalikes-2.jsonl")
# The one checklist-3 look-alike that still warns: an electric shower's breaker size gets the water-and-electricity
# message (the shower is a water word and "breaker" an electrical one; SAFETY-3.md says why it is left).
# (stop 26: "de cuantos amperios es el breaker para una ducha electrica de 5500 w" no longer warns: a rating asked
# about a breaker is no water on the electrics; SAFETY.md "Stop 26")
STILL_WARNS: dict[str, str] = {}



# Each family in words checklist 3 does not use: regional nouns, verbs, symptoms, word orders, sounds, typos.
DANGERS = [
 # gas leak
 ("la garrafa hace un silbidito por el regulador desde ayer", "olor-a-gas"),
 ("pssss se escucha en la llave del cilindro de la cocina", "olor-a-gas"),
 ("el tanque estacionario de la azotea huele como a huevo podrido", "olor-a-gas"),
 ("puse agua con jabon en la rosca del balon y salen burbujas", "olor-a-gas"),
 ("apesta a gas en el garaje desde la manana", "olor-a-gas"),
 ("el contador del gas se mueve aunque tengo todo cerrado", "olor-a-gas"),
 # CO
 ("mi papa esta aturdido y medio dormido desde que prendieron el calefon", "monoxido-carbono"),
 ("a la nena le late la cabeza cada vez que se bana con el boiler de gas", "monoxido-carbono"),
 ("los chicos estan como idos y el brasero de gas esta prendido en el living", "monoxido-carbono"),
 ("sale una ceniza negra del calentador y mancha el techo", "monoxido-carbono"),
 ("el tubo del calefont no tira y se siente olor a quemado", "monoxido-carbono"),
 ("por el corta tiro del calentador sale humo para la cocina", "monoxido-carbono"),
 # appliance room / flue
 ("quiero colgar el calentador a gas adentro del bano de visitas", "gas-aparato-ventilacion"),
 ("pusieron el calefon adentro de la pieza de los chicos", "gas-aparato-ventilacion"),
 ("el senor deja la estufa de gas prendida toda la noche para dormir calentito", "gas-aparato-ventilacion"),
 ("el ducto del boiler termina dentro del cuarto de servicio", "gas-aparato-ventilacion"),
 ("el conducto del calentador llega hasta el cielo raso y ahi queda", "gas-aparato-ventilacion"),
 # live gas work
 ("voy a empatar el tubo del gas de la estufa sin cerrar la llave general", "trabajo-en-gas"),
 ("tengo que aflojar el regulador de la garrafa con el gas abierto", "trabajo-en-gas"),
 ("le voy a mover la tuberia de gas al cliente con la linea cargada", "trabajo-en-gas"),
 ("hay que desenroscar la union del gas en caliente porque no encuentro el paso", "trabajo-en-gas"),
 # shocks / water and electrics
 ("el calentador electrico suelta corriente por la llave de la ducha", "agua-y-electricidad"),
 ("la bomba del tinaco da patadas cuando la toco con las manos mojadas", "agua-y-electricidad"),
 ("al tocar la llave del lavamanos me hormiguea la mano y el termo esta prendido", "agua-y-electricidad"),
 ("se metio agua en el portalampara del bano y hace chispitas", "agua-y-electricidad"),
 ("la regleta de la lavadora quedo en el charco de agua", "agua-y-electricidad"),
 ("el prolongador de la bomba esta tirado en el agua del patio", "agua-y-electricidad"),
 # relief valve
 ("la valvula de alivio del boiler esta pegada y no suelta nada, el tanque hierve", "valvula-seguridad"),
 ("el termo tira agua a chorro por la valvula de seguridad", "valvula-seguridad"),
 ("la valvula de seguridad de la terma esta oxidada, no se abre", "valvula-seguridad"),
 # chemicals
 ("el cliente echo lavandina y despues el destapacanerias en la pileta", "productos-quimicos"),
 ("le puse destapador liquido y ahora quiero echarle acido al wc", "productos-quimicos"),
 ("eche soda caustica al lavamanos y me pican los ojos y la garganta", "productos-quimicos"),
 ("al destapar con la sopapa me salto acido en el brazo", "productos-quimicos"),
 # pits
 ("la fosa septica esta tapada, voy a meterme con botas", "espacio-confinado"),
 ("el buzon del desague esta atorado, tengo que bajar adentro", "espacio-confinado"),
 ("mi ayudante se metio al pozo ciego a destapar y no contesta", "espacio-confinado"),
 ("me meto al registro grande a sacar las raices o hay peligro", "espacio-confinado"),
 # asbestos, lead, torch, disposal
 ("hay que picar el tanque de pizarreno viejo del entretecho", "amianto"),
 ("la canieria de la casa vieja parece de plomo, se dobla facil", "tuberia-plomo"),
 ("se helo el tubo de afuera, le paso la lamparilla a gas?", "llama-abierta"),
 ("se congelo la tuberia del tinaco, le acerco unas velas", "llama-abierta"),
 ("el triturador se trabo con un hueso y lo quiero sacar con los dedos estando enchufado", "triturador"),
 # pressure vessels
 ("el hidroneumatico tiene una panza de un lado y gotea oxido", "tanque-presion"),
 ("el vaso de expansion de la caldera esta deformado", "tanque-presion"),
 ("el calderin del grupo de presion cruje cuando arranca la bomba", "tanque-presion"),
 ("el presostato no corta y la presion sigue subiendo, el manometro esta en rojo", "tanque-presion"),
 ("la bomba no para y el reloj marca 120 psi", "tanque-presion"),
 ("voy a destapar el tanque de presion sin quitarle la presion", "tanque-presion"),
 ("le quitaron la valvula de alivio al hidroneumatico porque goteaba", "tanque-presion"),
 ("el termo electrico esta hinchado por abajo", "tanque-presion"),
 ("el tanque hidroneumatico tiene una grieta y sale agua a presion", "tanque-presion"),
]


@pytest.mark.parametrize("question, expected", DANGERS, ids=[q[:50] for q, _ in DANGERS])
def test_danger_in_other_words_gets_its_message(conn: psycopg.Connection, question: str, expected: str) -> None:
    assert shown_rule(conn, question) == expected


# Ordinary jobs next to those words: pre-charging a pressure tank, a relief valve that drips on heating, a water
# pressure regulator, the water side of a gas heater, a pipe that goes down to a pit, a shower that burned out...
ORDINARY = [
 "a cuantas libras se carga el hidroneumatico de 100 litros",
 "cada cuanto hay que revisar el aire del calderin",
 "la bomba arranca y para muy seguido, sera falta de aire en el tanque",
 "que presion maxima aguanta un tanque de presion de 50 litros",
 "el manometro de la bomba marca 3 bar, esta bien?",
 "se rompio la membrana del hidroneumatico, donde consigo una",
 "la valvula de seguridad del termo gotea un poco cuando calienta",
 "el lavavajillas hace mucha espuma y burbujas",
 "el regulador de presion del agua silba cuando abro la ducha",
 "la garrafa de agua de 20 litros gotea por abajo",
 "se puede poner un calentador solar en la azotea",
 "el termotanque electrico esta en el lavadero, cada cuanto lo purgo",
 "voy a bajar el tubo de pvc hasta el registro del patio",
 "el silo de la finca necesita una bomba nueva",
 "que soplete conviene para soldar cobre con estano",
 "la tuberia se congelo y revento, como la reparo",
 "el tinaco de plastico esta deformado por el sol",
 "el calentador de gas hace un ruido de agua cuando lo prendo",
 "me duele la espalda de cargar el termo",
 "el enchufe de la cocina no tiene corriente",
 "cuanto cuesta la bomba presurizadora para la casa",
 "como limpio la fosa septica con bacterias",
 "el agua de la llave sale con olor a cloro",
 "la ducha electrica se quemo, cual compro",
]


@pytest.mark.parametrize("question", ORDINARY, ids=[q[:50] for q in ORDINARY])
def test_ordinary_question_gets_no_message(conn: psycopg.Connection, question: str) -> None:
    assert shown_rule(conn, question) is None


@pytest.mark.parametrize("question, expected", [
    # a hand into a plugged-in disposal: the disposal's own message (it says unplug first), not the general one
    ("el triturador del fregadero esta zumbando y quiero meterle la mano asi enchufado", "triturador"),
    # poisoning symptoms next to a heater in a room without ventilation: carbon monoxide first
    ("mi senora esta como atontada, el calefon esta prendido y el bano no tiene ventilacion", "monoxido-carbono"),
    # a pump tank without its relief valve: the pressure-tank message, not the water heater's valve message
    ("le sacaron la valvula de alivio al calderin", "tanque-presion"),
    # a water heater that whistles or boils keeps the relief-valve and scalding messages
    ("el termotanque silba y la valvula de seguridad esta trabada", "valvula-seguridad"),
    ("el tanque del calentador silba y esta muy caliente", "agua-hirviendo"),
    # a shock from the pump of a pressure tank keeps the electricity message
    ("la bomba del hidroneumatico me dio corriente cuando la toque", "agua-y-electricidad"),
    # a gas heater in a bathroom that goes out by itself keeps its own message, "llevo un rato en la ducha" is not a place
    ("la terma a gas se apaga sola cuando llevo un rato en la ducha", "calentador-gas-se-apaga"),
])
def test_priorities_moved_by_checklist_3(conn: psycopg.Connection, question: str, expected: str) -> None:
    assert shown_rule(conn, question) == expected


def test_pressure_tank_message_says_what_to_do_first(conn: psycopg.Connection) -> None:
    [(message, priority, requires)] = conn.execute(
        "SELECT message, priority, requires FROM safety_rules WHERE slug = 'tanque-presion'").fetchall()
    assert message.startswith("AVISO DE SEGURIDAD (tanque a presión)")
    for words in ["puede reventar", "cortar la corriente de la bomba", "soltar la presión poco a poco",
                  "No tapar ni quitar nunca la válvula de seguridad", "no aflojar ni abrir el tanque con presión",
                  "profesional"]:
        assert words in message, words
    assert len(message) < 520  # as short as the other rules' messages
    # below the electricity rules, above the relief valve and scalding rules
    others = dict(conn.execute("SELECT slug, priority FROM safety_rules").fetchall())
    assert others["valvula-seguridad"] < priority < others["bomba-achique"] < others["agua-y-electricidad"]


@pytest.mark.parametrize("item", [i for i in CHECKLIST_3 if must_warn(i)], ids=lambda i: i["message"][:50])
def test_checklist_3_danger_gets_a_right_message(conn: psycopg.Connection, item: dict) -> None:
    rule = shown_rule(conn, item["message"])
    assert rule in RULES_FOR_TOPIC[item["topic"]], (item["topic"], rule)


@pytest.mark.parametrize("item", [i for i in CHECKLIST_3 + LOOKALIKES_2 if not must_warn(i)],
                         ids=lambda i: i["message"][:50])
def test_checklist_3_look_alikes_stay_quiet(conn: psycopg.Connection, item: dict) -> None:
    rule = shown_rule(conn, item["message"])
    assert rule == STILL_WARNS.get(item["message"]), rule
    assert verdict(item, rule) == (item["message"] not in STILL_WARNS)


def test_checklist_3_files_are_what_the_pages_say() -> None:
    assert sum(map(must_warn, CHECKLIST_3)) == 144 and len(CHECKLIST_3) == 192
    assert len(LOOKALIKES_2) == 30 and not any(map(must_warn, LOOKALIKES_2))
    assert {i["topic"] for i in CHECKLIST_3 if must_warn(i)} <= set(RULES_FOR_TOPIC)
    assert all(RULES_FOR_TOPIC[t] for t in {i["topic"] for i in CHECKLIST_3 if must_warn(i)})


def test_each_rule_alternation_is_built_when_the_rule_is_written(conn: psycopg.Connection) -> None:
    """safety_check matches a column the trigger fills from `patterns`/`requires` (schema.sql); it must follow
    every staff edit and fall back to one-by-one comparison for a back-reference or a broken pattern."""
    stale = conn.execute("""SELECT slug FROM safety_rules
                            WHERE patterns_rx IS DISTINCT FROM kb_pattern_alternation(patterns)
                               OR requires_rx IS DISTINCT FROM kb_pattern_alternation(requires)
                               -- a rule used only through article links (safety-links.sql) has no patterns
                               OR (patterns_rx IS NULL AND cardinality(patterns) > 0)""").fetchall()
    assert not stale
    assert shown_rule(conn, "el radiador hace glu glu") is None
    conn.execute("UPDATE safety_rules SET patterns = patterns || ARRAY['glu glu'] WHERE slug = 'amianto'")
    assert shown_rule(conn, "el radiador hace glu glu") == "amianto"  # the next question sees the edit
    conn.execute("UPDATE safety_rules SET requires = ARRAY['caldera'] WHERE slug = 'amianto'")
    assert shown_rule(conn, "el radiador hace glu glu") is None and shown_rule(conn, "la caldera hace glu glu") == "amianto"
    conn.execute("INSERT INTO safety_rules (slug, patterns, message, priority) VALUES "
                 "('prueba-rota-3', ARRAY['(sin cerrar', 'tubo reventado'], 'AVISO rota', 1000)")
    assert conn.execute("SELECT patterns_rx FROM safety_rules WHERE slug = 'prueba-rota-3'").fetchone()[0] is None
    assert shown_rule(conn, "un tubo reventado") == "prueba-rota-3"
    assert shown_rule(conn, "el tubo (sin cerrar del todo") == "prueba-rota-3"
