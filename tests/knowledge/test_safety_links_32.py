"""What a safety link needs the message to name (stop 32, bench/quality/SAFETY-12.md; n8n-workflows/knowledge/
safety-links.sql): a question of information about a dangerous job that names nothing of the danger gets no linked
notice; a part, a fault or an act of the job keeps it, and so does a fault told in words no list knows; the links
added for the stop-31 articles fire only when the message names their danger (strict); a pick after a question asked
back is read with the question it answers; staff edit every list, and their edits survive the next start.

Wordings are this file's own, not copied from any tuning set."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
LINKS_SQL = ROOT / "n8n-workflows" / "knowledge" / "safety-links.sql"


def article_rule(conn: psycopg.Connection, slug: str, question: str, conversation: str = "web:links32") -> str | None:
    row = conn.execute("SELECT rule FROM safety_article_rule(%s, %s, %s)", ([slug], question, conversation)).fetchone()
    return row[0] if row else None


@pytest.fixture
def information_quiet(conn: psycopg.Connection) -> None:
    """Staff switched the information cues on (shipped off: bench/quality/SAFETY-12.md, the lead's held-out check);
    rolled back with the test."""
    conn.execute("UPDATE safety_settings SET value = 'on' WHERE key = 'link_information_quiet'")


# questions of information about a linked job, naming nothing of its danger: main showed the notice on each
INFORMATION = [
    ("termo-electrico-instalar", "¿cuántos litros le conviene al termo de un piso de tres personas?"),
    ("calentador-paso-no-enciende", "¿qué marca de calefón sale más fiable?"),
    ("presurizador", "¿cuál presurizadora va mejor para un edificio de cuatro plantas?"),
    ("fosa-septica", "¿de qué tamaño se hace la fosa para una familia de seis?"),
    ("tuberias-congeladas", "¿cómo evito que se hielen los tubos del jardín este invierno?"),
    ("termo-valvula-seguridad", "¿a cuánto va tarada la válvula de seguridad de un termo de 80 litros?"),
    ("sosa-caustica-riesgos", "¿qué desatascador conviene para una tubería de pvc?"),
    ("triturador-instalar", "¿cuánto cuesta un triturador de media caballo?"),
    ("tuberia-plomo", "¿cuánto cobran por cambiar la instalación de una casa antigua?"),
]


@pytest.mark.parametrize("slug,question", INFORMATION)
@pytest.mark.usefixtures("information_quiet")
def test_a_question_of_information_naming_no_danger_gets_no_linked_notice(conn: psycopg.Connection, slug: str,
                                                                          question: str) -> None:
    assert article_rule(conn, slug, question) is None


# the same jobs when the message names a part, a fault or an act of the dangerous work, or a danger's own state
DANGER = [
    ("termo-electrico-instalar", "¿cuántos litros tiene el termo nuevo y cómo conecto sus cables?", "termo-electrico-trabajo"),
    ("termo-electrico-no-calienta", "se fundió la resistencia, ¿cuál compro?", "termo-electrico-trabajo"),
    ("calentador-paso-no-enciende", "el calefón no arranca, ¿qué marca de pilas le va?", "aparato-de-gas"),
    ("presurizador", "¿cuál es el condensador de la presurizadora? quiero cambiarlo", "bomba-electrica"),
    ("fosa-septica", "¿de qué tamaño es la tapa? tengo que bajar a la fosa", "espacio-confinado"),
    ("tuberias-congeladas", "se congeló la tubería del patio, ¿la caliento con un soplete?", "llama-abierta"),
    ("termo-valvula-seguridad", "¿es normal? le quiero poner un tapón a la válvula para que no gotee", "valvula-seguridad"),
    ("tuberia-plomo", "¿cuánto cobran por cambiar la tubería de plomo?", "tuberia-plomo"),
]


@pytest.mark.parametrize("slug,question,rule", DANGER)
def test_a_part_a_fault_or_an_act_keeps_the_linked_notice(conn: psycopg.Connection, slug: str, question: str,
                                                          rule: str) -> None:
    assert article_rule(conn, slug, question) == rule


@pytest.mark.parametrize("slug,question,rule", [
    ("termo-electrico-no-calienta", "el termo está muerto desde ayer", "termo-electrico-trabajo"),
    ("calentador-paso-ruido", "el calentador pega un bufido raro al arrancar", "aparato-de-gas"),
    ("bomba-no-arranca-zumba", "la bomba está como pegada", "bomba-electrica"),
    ("triturador-zumba-no-gira", "el triturador se quedó tieso", "triturador"),
    # a bare "¿cuál…?" or "¿es normal?" ends many faults: no cue
    ("termo-electrico-no-calienta", "el termo está muerto, ¿cuál será el problema?", "termo-electrico-trabajo"),
    ("ducha-electrica", "la ducha eléctrica está muerta, ¿es normal que pase eso?", "termo-electrico-trabajo"),
])
def test_a_fault_in_words_no_list_knows_keeps_the_notice_when_nothing_is_asked(conn: psycopg.Connection, slug: str,
                                                                               question: str, rule: str) -> None:
    # lenient links: only a question of information loses the notice
    assert article_rule(conn, slug, question) == rule


@pytest.mark.parametrize("slug,question,rule", [
    ("sonda-desatascar", "ya le echaron sosa al fregadero y ahora voy a pasar la sonda", "productos-quimicos"),
    ("radiador-purgar", "purgo el radiador con la calefacción encendida y sale agua hirviendo", "agua-hirviendo"),
    ("canalon-bajante-pluvial", "el canalón se soltó de la fachada, voy a subir con la escalera", "trabajo-en-altura"),
    ("termo-pierde-por-abajo", "el termo eléctrico gotea por debajo de la carcasa", "termo-electrico-fuga"),
    ("termo-pierde-por-abajo", "el calentador de gas de depósito pierde agua por abajo", "aparato-de-gas"),
    ("antirretorno-saneamiento", "cuando llueve sube agua sucia por el sumidero del garaje", "aguas-residuales"),
    ("caldera-presion-sube", "la caldera pasa de 3 bar y sigue subiendo", "tanque-presion"),
    ("caldera-presion-sube", "¿puedo anular la válvula de seguridad de la caldera mientras tanto?", "valvula-seguridad"),
    ("biodigestor", "tengo que meterme al biodigestor a sacar un trapo", "espacio-confinado"),
    ("terraja-roscar", "voy a roscar el tubo de gas de la cocina", "trabajo-en-gas"),
    ("colector-raices-camara", "hay que bajar al pozo de registro para cortar las raíces", "espacio-confinado"),
])
def test_the_stop_31_articles_link_their_danger(conn: psycopg.Connection, slug: str, question: str, rule: str) -> None:
    assert article_rule(conn, slug, question) == rule


@pytest.mark.parametrize("slug,question", [
    ("sonda-desatascar", "¿qué sonda compro para un desagüe de 50?"),
    ("radiador-purgar", "el radiador está frío arriba, ¿tiene aire?"),
    ("canalon-bajante-pluvial", "¿qué pendiente lleva un canalón de 6 metros?"),
    ("termo-pierde-por-abajo", "el depósito pierde agua por abajo"),
    ("antirretorno-saneamiento", "¿de qué diámetro es la válvula antirretorno del colector?"),
    ("caldera-presion-sube", "la presión sube a 2 bar cuando calienta"),
    ("biodigestor", "¿cada cuánto se purgan los lodos del biodigestor?"),
    ("terraja-roscar", "¿qué terraja compro para tubo de agua de tres cuartos?"),
    ("colector-raices-camara", "¿cuánto cuesta pasar la cámara por el colector?"),
])
def test_the_new_links_are_strict_no_danger_named_no_notice(conn: psycopg.Connection, slug: str, question: str) -> None:
    assert article_rule(conn, slug, question) is None


def test_the_shipped_lists_are_ready_and_inherent_links_have_none(conn: psycopg.Connection) -> None:
    rows = {(a, r): (n, items, strict) for a, r, n, items, strict in conn.execute(
        "SELECT article_slug, rule_slug, needs, needs_items, needs_strict FROM kb_article_safety_rules").fetchall()}
    assert len(rows) >= 50
    needs, items, strict = rows[("termo-electrico-no-calienta", "termo-electrico-trabajo")]
    assert "@trabajo" in items and "resistencia*" in items and "no calient*" in items and not strict
    assert rows[("sonda-desatascar", "productos-quimicos")][2] is True           # new: strict
    assert rows[("atasco-general-retorno", "aguas-residuales")][2] is False       # old: lenient
    assert rows[("antirretorno-saneamiento", "aguas-residuales")][2] is True
    # a gas leak test and soldering with a torch are dangerous whatever is asked: no lists
    assert rows[("gas-prueba-fugas-jabon", "trabajo-en-gas")][:2] == ("", [])
    assert rows[("soldadura-cobre", "llama-abierta")][:2] == ("", [])
    assert article_rule(conn, "soldadura-cobre", "¿qué estaño es mejor para cobre?") == "llama-abierta"


def say(conn: psycopg.Connection, conversation: str, question: str, reply: str) -> None:
    question_id, answer_id = str(uuid.uuid4()), str(uuid.uuid4())
    conn.execute("INSERT INTO conversations (id, channel) VALUES (%s, 'web') ON CONFLICT DO NOTHING", (conversation,))
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text) VALUES (%s, %s, 'user', 'web', %s)",
                 (question_id, conversation, question))
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, in_reply_to, metadata) "
                 "VALUES (%s, %s, 'assistant', 'web', %s, %s, %s::jsonb)",
                 (answer_id, conversation, reply, question_id, json.dumps({"asked": True})))


@pytest.mark.usefixtures("information_quiet")
def test_a_pick_is_read_with_the_question_it_answers(conn: psycopg.Connection) -> None:
    # the strict link of a leaking heater: the pick "el primero" names no heater, the question before it did
    conversation = "web:links32-pick"
    say(conn, conversation, "el termo eléctrico gotea por abajo y hay un charco", "¿Cuál de estos casos es el tuyo?")
    assert article_rule(conn, "termo-pierde-por-abajo", "el primero", conversation) == "termo-electrico-fuga"
    # a question of information before the pick: still no notice
    conversation = "web:links32-pick-info"
    say(conn, conversation, "¿cuánto cuesta más o menos un calefón de 14 litros?", "¿Cuál de estos casos es el tuyo?")
    assert article_rule(conn, "calentador-paso-no-enciende", "el segundo", conversation) is None
    # another conversation knows nothing of them
    assert article_rule(conn, "termo-pierde-por-abajo", "el primero", "web:links32-other") is None


@pytest.mark.usefixtures("information_quiet")
def test_staff_edit_a_links_lists_and_the_edit_survives_the_next_start(conn: psycopg.Connection) -> None:
    slug, rule = "termo-electrico-instalar", "termo-electrico-trabajo"
    question = "¿cuántos litros le conviene al termo de un piso de tres personas?"
    assert article_rule(conn, slug, question) is None
    # emptied lists: the link fires whatever is asked (dangerous job in itself), and stays so after a start
    conn.execute("UPDATE kb_article_safety_rules SET needs = '', needs_also = '' "
                 "WHERE article_slug = %s AND rule_slug = %s", (slug, rule))
    assert article_rule(conn, slug, question) == rule
    conn.execute(LINKS_SQL.read_text())
    assert conn.execute("SELECT needs FROM kb_article_safety_rules WHERE article_slug = %s AND rule_slug = %s",
                        (slug, rule)).fetchone()[0] == ""
    assert article_rule(conn, slug, question) == rule
    # a word staff add to a strict link's list is read (accents and case do not matter)
    sonda = "tiene desengrasante, ¿paso la sonda?"
    assert article_rule(conn, "sonda-desatascar", sonda) is None
    conn.execute("UPDATE kb_article_safety_rules SET needs = needs || ', Desengrasánte' "
                 "WHERE article_slug = 'sonda-desatascar' AND rule_slug = 'productos-quimicos'")
    assert article_rule(conn, "sonda-desatascar", sonda) == "productos-quimicos"
    # a list this file wrote and nobody edited follows a new version of the file
    conn.execute("UPDATE kb_article_safety_rules SET needs = 'viejo', needs_md5 = "
                 "kb_article_safety_needs_md5('viejo', '', false) "
                 "WHERE article_slug = 'tuberia-plomo' AND rule_slug = 'tuberia-plomo'")
    conn.execute(LINKS_SQL.read_text())
    assert conn.execute("SELECT needs FROM kb_article_safety_rules WHERE article_slug = 'tuberia-plomo'"
                        ).fetchone()[0] == "plomo"


@pytest.mark.usefixtures("information_quiet")
def test_staff_edit_the_information_cues_and_the_fault_words(conn: psycopg.Connection) -> None:
    slug, rule = "termo-electrico-no-calienta", "termo-electrico-trabajo"
    # cues emptied: off, every link fires as before stop 32
    conn.execute("UPDATE safety_settings SET value = '' WHERE key = 'link_information_cues'")
    assert article_rule(conn, "termo-electrico-instalar", "¿de cuántos litros pongo el termo?") == rule
    # @todo: every message counts as asking, the lists alone decide
    conn.execute("UPDATE safety_settings SET value = '@todo' WHERE key = 'link_information_cues'")
    assert article_rule(conn, slug, "el termo está muerto desde ayer") is None
    assert article_rule(conn, slug, "el termo dejó de calentar") == rule            # "dejo de": a fault word
    conn.execute("UPDATE safety_settings SET value = value || ', muerto' WHERE key = 'link_fault_words'")
    assert article_rule(conn, slug, "el termo está muerto desde ayer") == rule


def test_a_measure_in_force_still_silences_a_link_whose_lists_are_met(conn: psycopg.Connection) -> None:
    slug = "termo-electrico-no-calienta"
    assert article_rule(conn, slug, "voy a cambiar la resistencia") == "termo-electrico-trabajo"
    assert article_rule(conn, slug, "ya lo desenchufé y bajé la térmica, voy a cambiar la resistencia") is None


@pytest.mark.parametrize("slug,question", INFORMATION)
def test_as_shipped_the_information_cues_are_off_and_a_lenient_link_fires_as_before(conn: psycopg.Connection,
                                                                                  slug: str, question: str) -> None:
    """Shipped off: the cues lost 2 needed notices on the held-out splits; the lenient links fire as before stop 32."""
    assert conn.execute("SELECT value FROM safety_settings WHERE key = 'link_information_quiet'").fetchone()[0] == "off"
    assert article_rule(conn, slug, question) is not None
