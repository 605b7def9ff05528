"""The independent safety checklist (docs/safety-checklist.md): every dangerous situation, as plumbers from
Spain and Latin America write it, gets the right fixed safety message first; look-alike ordinary questions get
none (or no gas message). The same check as bench/quality/safety_checklist.py, one test per message."""

from __future__ import annotations

import psycopg
import pytest

from bench.quality.safety_checklist import (CHECKLIST_2, CHECKLIST_RULES, GAS_RULES, load_checklist, shown_rule,
                                            verdict)

ITEMS = load_checklist() + load_checklist(CHECKLIST_2)  # the first and the second checklist



def test_every_checklist_topic_has_rules_that_exist(conn: psycopg.Connection) -> None:
    rules = {r[0] for r in conn.execute("SELECT slug FROM safety_rules WHERE active").fetchall()}
    assert {item["topic"] for item in ITEMS if item["topic"]} == set(CHECKLIST_RULES)
    assert {rule for wanted in CHECKLIST_RULES.values() for rule in wanted} <= rules
    assert GAS_RULES <= rules


@pytest.mark.parametrize("item", [i for i in ITEMS if i["topic"]], ids=lambda i: i["message"][:50])
def test_dangerous_situation_gets_the_right_message(conn: psycopg.Connection, item: dict) -> None:
    shown = shown_rule(conn, item["message"])
    assert shown in CHECKLIST_RULES[item["topic"]], (item["topic"], shown)


@pytest.mark.parametrize("item", [i for i in ITEMS if not i["topic"]], ids=lambda i: i["message"][:50])
def test_look_alike_question_gets_no_wrong_warning(conn: psycopg.Connection, item: dict) -> None:
    assert verdict(item, shown_rule(conn, item["message"])), shown_rule(conn, item["message"])


def test_both_checklists_are_there() -> None:
    """The second checklist (docs/safety-checklist.md 17-20) is marked and counted apart from the first."""
    second = [i for i in ITEMS if i.get("checklist") == 2]
    assert len(second) == 57 and sum(1 for i in second if i["topic"]) == 44
    assert len(ITEMS) - len(second) == 83


@pytest.mark.parametrize("slug, words", [
    ("termo-electrico-fuga", ["cuadro eléctrico", "sin pisar agua", "diferencial", "electricista"]),
    ("bomba-achique", ["cortar su corriente", "cuadro eléctrico", "No bajar al pozo", "guantes"]),
    ("calentador-gas-se-apaga", ["no puentear", "ventilar", "técnico de gas autorizado", "112"]),
    ("ducha-quema-otro-grifo", ["salir del chorro", "Bajar ya la temperatura", "termostático"]),
])
def test_second_checklist_messages_say_what_to_do_first(conn: psycopg.Connection, slug: str, words: list[str]) -> None:
    [(message,)] = conn.execute("SELECT message FROM safety_rules WHERE slug = %s", (slug,)).fetchall()
    assert message.startswith("AVISO DE SEGURIDAD (") and all(word in message for word in words), message


def test_verdict_is_strict() -> None:
    """The scorer itself: a wrong rule, no rule, or any warning on a quiet message is a miss."""
    assert verdict({"topic": "gas-leak"}, "olor-a-gas")
    assert not verdict({"topic": "gas-leak"}, "amianto") and not verdict({"topic": "gas-leak"}, None)
    assert verdict({"topic": None, "must_not": "any"}, None)
    assert not verdict({"topic": None, "must_not": "any"}, "amianto")
    assert verdict({"topic": None, "must_not": "gas"}, "termo-electrico-trabajo")
    assert not verdict({"topic": None, "must_not": "gas"}, "monoxido-carbono")


@pytest.mark.parametrize("question", [
    "el tubo de desagüe tiene que bajar hasta el registro con pendiente",   # a pipe goes down, not a person
    "entre el registro y la arqueta hay 5 metros de tubo", "meto la sonda por la arqueta del patio",
    "la cámara de inspección no pasa del codo del colector",                # the camera, not a chamber
    "el agua caliente del boiler huele a huevo podrido",                    # the anode, not sewer gas
    "la llama del calentador se apaga cuando hay helada",                   # frost, no torch
    "como sueldo un tubo de cobre con estaño",
    "cuánto cuesta llenar el tanque de gasolina",                           # gasolina is not gas
    "el agua del grifo sabe a cloro", "echo bicarbonato de soda y vinagre y luego la sopapa",
    "limpio la mezcladora con vinagre o con ácido para quitar la cal",      # one product, the mixer tap
    "el calentador no da agua caliente en la ducha", "el tubo de desagüe del calentador está tapado",
    "el calentador eléctrico está en el baño y gotea", "voy a instalar un lavabo nuevo en el baño",
    "la válvula de seguridad del termo gotea cuando calienta, es normal?",
    "el calentador está a plomo con la pared?",                             # plumb, not lead
    "la caldera marca 3 bar de presión", "el desagüe de la lavadora se sale al suelo",
])
def test_new_rules_stay_quiet_on_ordinary_jobs(conn: psycopg.Connection, question: str) -> None:
    assert shown_rule(conn, question) is None


@pytest.mark.parametrize("slug, words", [
    ("espacio-confinado", ["no bajar", "112"]),
    ("gas-aparato-ventilacion", ["baño", "dormitorio", "conducto de humos", "instalador de gas habilitado"]),
    ("trabajo-en-gas", ["instalador de gas habilitado", "cerrar la llave del gas", "nunca con una llama"]),
    ("termo-electrico-trabajo", ["cuadro eléctrico", "lleno de agua"]),
    ("valvula-seguridad", ["no tapar", "reventar"]),
    ("llama-abierta", ["soplete", "extintor"]),
    ("productos-quimicos", ["no mezclar nunca", "guantes", "gafas"]),
    ("triturador", ["desenchufarlo", "la mano"]),
    ("tuberia-plomo", ["no beber", "niños"]),
])
def test_new_rule_messages_say_what_to_do_first(conn: psycopg.Connection, slug: str, words: list[str]) -> None:
    [(message,)] = conn.execute("SELECT message FROM safety_rules WHERE slug = %s", (slug,)).fetchall()
    assert message.startswith("AVISO DE SEGURIDAD (") and all(word in message for word in words), message


def test_staff_patterns_keep_their_meaning_when_tried_together(conn: psycopg.Connection) -> None:
    """kb_any_pattern tries a rule's patterns as one alternation; a back-reference (\\1 counts the groups of
    the patterns before it) and a broken pattern are compared one by one instead."""
    conn.execute("INSERT INTO safety_rules (slug, patterns, message, priority) VALUES "
                 "('prueba-referencia', ARRAY['(nada) que ver', '\\m(\\w+) y \\1\\M'], 'AVISO prueba', 1000), "
                 "('prueba-rota-2', ARRAY['(sin cerrar', 'radiador reventado'], 'AVISO rota', 999)")
    assert shown_rule(conn, "gotea y gotea") == "prueba-referencia"
    assert shown_rule(conn, "gotea y cae") is None
    assert shown_rule(conn, "el tubo (sin cerrar del todo") == "prueba-rota-2"
    assert shown_rule(conn, "un radiador reventado") == "prueba-rota-2"
