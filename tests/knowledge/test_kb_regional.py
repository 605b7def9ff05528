"""Regional words and conversation fillers (seed-regional.sql, kb_synonyms): the search reads a plumber's own words
and leaves greetings and courtesy out of the question; the example questions seeded for it copy no evaluation
question."""

from __future__ import annotations

import json
import re

import psycopg
import pytest

from tests.knowledge.conftest import KNOWLEDGE, ROOT
from tests.knowledge.kb_queries import first

EVAL_FILES = ("questions.jsonl", "tuning-regional.jsonl", "dev-neighbours.jsonl", "dev-embed.jsonl",
              "dev-regional-2.jsonl", "dev-speech.jsonl")


def lexemes(conn: psycopg.Connection, question: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT lexeme FROM kb_analyze(%s)", (question,)).fetchall()]


# --- the tankless heater by its regional names -----------------------------------------------------------

@pytest.mark.parametrize("question", [
    "el calentador de paso no enciende",        # México
    "el calefón no prende",                     # Argentina, Uruguay
    "el calefont se apaga",                     # Chile
])
def test_tankless_heater_names_find_the_tankless_heater_article(conn: psycopg.Connection, question: str) -> None:
    """They pointed at 'calentador de gas' (the pilot-light article) before the tankless-heater articles existed."""
    assert first(conn, question) == "calentador-paso-no-enciende"


def test_a_calefon_with_a_pilot_still_finds_the_pilot_article(conn: psycopg.Connection) -> None:
    assert first(conn, "el calefón no queda prendido, se apaga el piloto") == "calentador-gas-piloto"


# --- regional synonyms through the search ----------------------------------------------------------------

@pytest.mark.parametrize("term, canonical", [
    ("motobomba", "bomba"), ("calderin", "vaso de presión hidroneumático"), ("demora", "tarda"),
    ("rebalsa", "rebosa"), ("salitre", "humedad"), ("recibo del agua", "factura del agua"),
    ("piso de abajo", "vecino de abajo"), ("empatar", "unir"), ("fierro", "hierro"),
])
def test_seeded_regional_synonyms(conn: psycopg.Connection, term: str, canonical: str) -> None:
    assert conn.execute("SELECT canonical FROM kb_synonyms WHERE term = %s AND active", (term,)).fetchone() == \
        (canonical,)


def test_se_demora_finds_the_fill_valve(conn: psycopg.Connection) -> None:
    """Latin America's 'se demora' is Spain's 'tarda': without the synonym this finds nothing."""
    question = "se demora mucho en llenar el tanque del baño"
    assert first(conn, question) == "grifo-flotador-cambiar"
    conn.execute("UPDATE kb_synonyms SET active = false WHERE term = 'demora'")
    assert first(conn, question) is None


# --- fillers ---------------------------------------------------------------------------------------------

def test_fillers_are_left_out_of_the_question(conn: psycopg.Connection) -> None:
    assert lexemes(conn, "hola buenas tardes, una consulta por favor: la cisterna pierde") == ["cistern", "pierd"]
    assert lexemes(conn, "hola buenas tardes") == []
    assert first(conn, "hola buenas tardes") is None


def test_greetings_and_thanks_no_longer_hide_a_short_question(conn: psycopg.Connection) -> None:
    """Words that no article has made these questions look half off-topic: they found nothing."""
    assert first(conn, "hola, se tapo el inodoro por favor ayuda") == "inodoro-atascado"
    assert first(conn, "buen dia, gracias por la ayuda, el termo gotea por la valvula") == "termo-valvula-seguridad"


def test_a_filler_staff_add_applies_to_the_next_question(conn: psycopg.Connection) -> None:
    question = "oiga mire, el triturador zumba"
    assert "mir" in lexemes(conn, question)
    conn.execute("INSERT INTO kb_synonyms (term, canonical, note) VALUES ('mire', '-', 'muletilla')")
    assert "mir" not in lexemes(conn, question)
    assert first(conn, question) == "triturador-zumba-no-gira"


def test_fillers_are_not_synonyms_for_other_users_of_the_list(conn: psycopg.Connection) -> None:
    """kb_synonym_terms and kb_expand (and the estimates through kb_synonym_spans) see no filler."""
    row = conn.execute("SELECT kb_synonym_terms('buenas tardes, se tapó la tarja por favor'), "
                       "kb_expand('hola, la canilla gotea, gracias')").fetchone()
    assert row == (["atascado", "fregadero"], "hola la canilla grifo gotea gracias")
    assert conn.execute("SELECT count(*) FROM kb_synonym_spans(kb_lexemes('buenas tardes por favor'))").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM kb_synonym_spans(kb_lexemes('buenas tardes por favor'), true)"
                        ).fetchone() == (2,)


# --- example questions -----------------------------------------------------------------------------------

def test_regional_example_questions_copy_no_evaluation_question(conn: psycopg.Connection) -> None:
    """Each shares at most half of its words with any question of the evaluation files (a copy would make the
    figures of bench/quality/RETRIEVAL.md say nothing)."""
    examples = re.findall(r"^'(.*)'\]\);$", (KNOWLEDGE / "seed-regional.sql").read_text(), re.M)
    assert len(examples) >= 8
    questions = [json.loads(line)["question"] for name in EVAL_FILES
                 for line in (ROOT / "eval" / name).read_text().splitlines() if line.strip()]
    stems = {q: set(conn.execute("SELECT kb_lexemes(%s)", (q,)).fetchone()[0]) for q in questions}
    for example in examples:
        own = set(conn.execute("SELECT kb_lexemes(%s)", (example,)).fetchone()[0])
        closest = max(len(own & s) / len(own) for s in stems.values())
        assert closest <= 0.5, (example, closest)


def test_a_message_of_fillers_only_is_no_follow_up(conn: psycopg.Connection) -> None:
    """'gracias' after an answer has no words left: kb_answer does not answer the earlier question again."""
    for message in ("gracias", "hola buenas tardes"):
        found, slugs, followup = conn.execute(
            "SELECT found, slugs, followup FROM kb_answer(%s, 'el termo gotea por la valvula de seguridad', null)",
            (message,)).fetchone()
        assert (found, slugs, followup) == (False, [], False), message
