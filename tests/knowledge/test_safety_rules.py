"""Safety rules: fixed messages that do not depend on the model."""

from __future__ import annotations

import psycopg
import pytest

from bench.quality.run_chat_eval import SAFETY_NOTICE
from bench.quality.safety_checklist import shown_rule
from eval.score import load_questions



@pytest.mark.parametrize("question", [
    "huele a gas en la cocina", "Huele a GAS en el portal", "hay olor a gás en el cuarto de la caldera",
    "creo que hay una fuga de gas en el calentador", "el calentador de gas huele raro, como a gas",
    "huele a butano en la terraza", "noto un escape de gas", "olía a gas al llegar",
])
def test_gas_smell_triggers_the_gas_message(conn: psycopg.Connection, question: str) -> None:
    triggered, slug, message, _ = conn.execute("SELECT * FROM safety_check(%s)", (question,)).fetchone()
    assert triggered and slug == "olor-a-gas"
    assert "112" in message and "interruptores" in message


@pytest.mark.parametrize("question", [
    "me da calambre al tocar el grifo de la ducha", "hay agua en el cuadro eléctrico",
    "el enchufe de la cocina está mojado por una fuga", "se ha inundado el baño y hay un cable en el suelo",
])
def test_water_and_electricity_triggers(conn: psycopg.Connection, question: str) -> None:
    assert shown_rule(conn, question) == "agua-y-electricidad"


@pytest.mark.parametrize("question, expected", [
    ("sale agua con heces por el sumidero", "aguas-residuales"),
    ("al tirar de la cadena sale agua por la ducha", "aguas-residuales"),
    ("la alarma de CO del pasillo pita y hay un calentador de gas", "monoxido-carbono"),
    ("me mareo cuando está encendida la caldera", "monoxido-carbono"),
    ("sale vapor por el grifo del agua caliente", "agua-hirviendo"),
    ("tengo que cortar una bajante de uralita", "amianto"),
    ("huele a gas y el enchufe echa chispas con agua", "olor-a-gas"),  # the highest priority wins
    # Second checklist's rules (docs/safety-checklist.md 17-20): the specific message wins over the general one.
    ("el termo hace saltar el diferencial y gotea", "termo-electrico-fuga"),
    ("la bomba de achique del garaje no arranca", "bomba-achique"),
    ("el sótano está inundado y la bomba sigue enchufada", "agua-y-electricidad"),  # the enchufe: general first
    ("el calefón se apaga solo al rato", "calentador-gas-se-apaga"),
    ("el calefón se apaga solo y me duele la cabeza", "monoxido-carbono"),
    ("me quemo cuando tiran de la cadena", "ducha-quema-otro-grifo"),
    ("se me bota la pastilla cuando prendo el boiler", "termo-electrico-fuga"),   # a trip says it is electric
    ("la bomba del pozo de aguas negras no arranca", "bomba-achique"),
    ("el piloto se apaga solo a cada rato", "calentador-gas-se-apaga"),
    ("al jalarle al escusado la regadera sale hirviendo", "ducha-quema-otro-grifo"),
])
def test_other_rules_and_priority(conn: psycopg.Connection, question: str, expected: str) -> None:
    assert shown_rule(conn, question) == expected


@pytest.mark.parametrize("question, expected", [
    # Chat shorthand hides the words the patterns read: "d" for de, "q" for que, "x" for por.
    ("tengo dolor d cabeza cada vez q prendo la caldera", "monoxido-carbono"),
    ("creo q hay una fuga d gas x la cocina", "olor-a-gas"),
    ("hay un escape d gas en el balon", "olor-a-gas"),
    ("mi señora se marea y le duele la cabeza x el calentador d gas", "monoxido-carbono"),
])
def test_chat_shorthand_is_read_as_the_full_words(conn: psycopg.Connection, question: str, expected: str) -> None:
    assert shown_rule(conn, question) == expected


@pytest.mark.parametrize("written, read", [
    ("dolor d cabeza", "dolor de cabeza"), ("q hago", "que hago"), ("x la noche", "por la noche"),
    ("xq pierde", "porque pierde"), ("tubo de 3/4 x 1/2", "tubo de 3/4 por 1/2"),
    ("pvc d 110", "pvc de 110"), ("dd llave", "dd llave"), ("taquete", "taquete"),
])
def test_expand_shorthand_only_touches_whole_words(conn: psycopg.Connection, written: str, read: str) -> None:
    assert conn.execute("SELECT kb_expand_shorthand(%s)", (written,)).fetchone()[0] == read


@pytest.mark.parametrize("question", [
    "el grifo del lavabo gotea", "la válvula de descarga de la cisterna pierde", "cómo vacío el termo eléctrico",
    "agua corriente en la cocina", "el piloto del calentador se apaga", "el quemador del calentador hace ruido",
    "cuánta pendiente le doy al desagüe", "esta mierda de grifo no cierra", "el calentador hace chispa pero no enciende",
    "la bomba de desagüe de la lavadora no saca el agua", "el termo eléctrico se apaga solo al llegar a temperatura",
    "la luz se apaga sola en el pasillo", "la cisterna se corta a cada rato", "salta el diferencial cuando llueve",
    "el calefon se corta cuando abro poco el agua", "el calentador electrico gotea por abajo",
    "cuando tiran la cadena se me va el agua caliente",
])
def test_ordinary_questions_do_not_trigger(conn: psycopg.Connection, question: str) -> None:
    assert conn.execute("SELECT triggered FROM safety_check(%s)", (question,)).fetchone()[0] is False


def test_every_evaluation_question_triggers_exactly_its_rule(conn: psycopg.Connection) -> None:
    wrong = [(q["id"], shown_rule(conn, q["question"]), q.get("safety")) for q in load_questions()
             if shown_rule(conn, q["question"]) != q.get("safety")]
    assert not wrong


def test_inactive_rule_does_not_trigger(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE safety_rules SET active = false WHERE slug = 'olor-a-gas'")
    assert shown_rule(conn, "huele a gas") is None


def _answer(conn: psycopg.Connection, conversation: str, n: int, safety_rule: str | None, ago: str = "1 minute") -> None:
    conn.execute("INSERT INTO conversations (id, channel) VALUES (%s, 'web') ON CONFLICT DO NOTHING", (conversation,))
    conn.execute(
        "INSERT INTO messages (id, conversation_id, role, channel, text, metadata, created_at) "
        "VALUES (%s, %s, 'assistant', 'web', 'respuesta', jsonb_build_object('safety_rule', %s::text), "
        "now() - %s::interval)",
        (f"reply:{conversation}:{n}", conversation, safety_rule, ago),
    )


def conversation_rule(conn: psycopg.Connection, question: str, conversation: str) -> tuple[str | None, bool]:
    triggered, slug, message, rules, carried = conn.execute(
        "SELECT * FROM safety_check_conversation(%s, %s)", (question, conversation)).fetchone()
    assert triggered == (slug is not None) and (message is not None) == triggered
    return slug, carried


def test_a_follow_up_keeps_the_danger_of_the_conversation(conn: psycopg.Connection) -> None:
    _answer(conn, "web:gas", 1, "olor-a-gas")
    # no gas words in the follow-up: the last answer's rule is given again, marked as carried
    assert conversation_rule(conn, "ya ventilé, ¿lo busco con un mechero?", "web:gas") == ("olor-a-gas", True)
    # its own words still win, not carried
    assert conversation_rule(conn, "sale vapor por el grifo", "web:gas") == ("agua-hirviendo", False)
    # another conversation is not affected
    assert conversation_rule(conn, "ya ventilé, ¿lo busco con un mechero?", "web:otra") == (None, False)


def test_the_carry_ends_with_a_safe_answer_or_after_half_an_hour(conn: psycopg.Connection) -> None:
    _answer(conn, "web:a", 1, "olor-a-gas", ago="3 minutes")
    _answer(conn, "web:a", 2, None)  # the last answer had no safety message
    assert conversation_rule(conn, "¿y el grifo?", "web:a") == (None, False)
    _answer(conn, "web:b", 1, "olor-a-gas", ago="45 minutes")
    assert conversation_rule(conn, "¿y ahora qué?", "web:b") == (None, False)
    conn.execute("UPDATE safety_rules SET active = false WHERE slug = 'olor-a-gas'")
    _answer(conn, "web:c", 1, "olor-a-gas")
    assert conversation_rule(conn, "¿y ahora qué?", "web:c") == (None, False)  # a rule staff turned off


def test_every_rule_message_begins_with_the_notice_the_chat_evaluation_counts(conn: psycopg.Connection) -> None:
    other = [slug for slug, message in conn.execute("SELECT slug, message FROM safety_rules")
             if not message.startswith(SAFETY_NOTICE)]
    assert not other
