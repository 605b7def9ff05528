"""kb_answer (n8n-workflows/knowledge/answer.sql): what a grounded answer is made of — the best article only, in
plain labels for the model, its card for the plumber, and follow-ups searched with the previous question."""

from __future__ import annotations

import re

import psycopg

COLUMNS = ("found", "context", "sources", "slugs", "top_score", "article", "searched", "followup", "earlier")


def answer(conn: psycopg.Connection, question: str, earlier: str = "") -> dict:
    rows = conn.execute("SELECT * FROM kb_answer(%s, %s)", (question, earlier)).fetchall()
    assert len(rows) == 1, "always exactly one row"
    return dict(zip(COLUMNS, rows[0]))


def test_the_best_article_only_in_plain_labels(conn: psycopg.Connection) -> None:
    hit = answer(conn, "El grifo monomando de la cocina gotea, ¿cómo cambio el cartucho?")
    assert hit["found"] and hit["slugs"] == ["grifo-monomando-cartucho"] and not hit["followup"]
    title = hit["article"]["title"]
    assert hit["sources"] == f"Fuente: {title} (KB-grifo-monomando-cartucho)"
    context = hit["context"]
    assert context.startswith(f"Título: {title}\nPasos:\n") and "Problema:" not in context
    steps = [line for line in context.splitlines() if re.match(r"\d+\. ", line)]
    assert 1 <= len(steps) <= 3, "only the steps that matter for the question"
    assert "\nSeguridad: " in context
    assert "###" not in context and "Fuente:" not in context and "KB-" not in context
    assert context.count("Título: ") == 1 and len(context) < 2000, "one article, not three whole ones"


def test_the_card_has_the_numbered_procedure_as_steps(conn: psycopg.Connection) -> None:
    for slug, procedure in conn.execute("SELECT slug, procedure FROM kb_articles WHERE active").fetchall():
        [(card,)] = conn.execute("SELECT kb_article_card(a) FROM kb_articles a WHERE slug = %s", (slug,)).fetchall()
        numbered = [line for line in procedure.splitlines() if re.match(r"\s*\d+[.)]\s", line)]
        assert card["slug"] == slug and card["title"]
        assert len(card["steps"]) >= len(numbered) >= 1, slug
        assert not any(re.match(r"\d+[.)]\s", step) for step in card["steps"]), slug


def test_the_steps_given_to_the_model_are_the_ones_the_question_asks_about(conn: psycopg.Connection) -> None:
    hit = answer(conn, "¿de qué diámetro suele ser el desagüe del inodoro? voy a cambiar el wc")
    assert "110 mm" in hit["context"], "the step with the diameter, not the first three steps"
    assert len(hit["article"]["steps"]) > 3, "the card still has every step"
    chosen = conn.execute("SELECT n, step FROM kb_relevant_steps('cómo cambio la junta', "
                          "ARRAY['Cerrar el agua.', 'Quitar la tapa.', 'Cambiar la junta vieja.', 'Abrir.'], 2)").fetchall()
    assert chosen == [(1, "Cerrar el agua."), (3, "Cambiar la junta vieja.")]
    first = conn.execute("SELECT n FROM kb_relevant_steps('nada que ver', ARRAY['a uno', 'b dos', 'c tres', 'd'], 3)")
    assert [n for (n,) in first.fetchall()] == [1, 2, 3], "no shared word: the first steps"


def test_staff_set_how_many_steps_the_model_is_given(conn: psycopg.Connection) -> None:
    """kb_settings 'answer_steps' (shipped 3): the passage has that many steps; the card keeps every step."""
    question = "¿de qué diámetro suele ser el desagüe del inodoro? voy a cambiar el wc"

    def steps_given() -> int:
        return len([line for line in answer(conn, question)["context"].splitlines() if re.match(r"\d+\. ", line)])

    assert conn.execute("SELECT value, shipped FROM kb_settings WHERE key = 'answer_steps'").fetchone() == ("3", "3")
    assert steps_given() == 3
    conn.execute("UPDATE kb_settings SET value = '5' WHERE key = 'answer_steps'")
    assert steps_given() == 5 and len(answer(conn, question)["article"]["steps"]) >= 5
    conn.execute("UPDATE kb_settings SET value = '1' WHERE key = 'answer_steps'")
    assert steps_given() == 1


def test_steps_written_on_one_line_are_split(conn: psycopg.Connection) -> None:
    steps = conn.execute("SELECT kb_steps('1. Cortar la alimentación. 2. Pulsar calibrar 5 s.')").fetchone()[0]
    assert steps == ["Cortar la alimentación.", "Pulsar calibrar 5 s."]
    steps = conn.execute("SELECT kb_steps(E'1) Cerrar a 3,5 bar. Luego\\n\\n- Abrir\\n')").fetchone()[0]
    assert steps == ["Cerrar a 3,5 bar. Luego", "Abrir"]
    assert conn.execute("SELECT kb_steps(NULL)").fetchone()[0] == []


def test_nothing_found_is_one_empty_row(conn: psycopg.Connection) -> None:
    for question in ("hola", "¿Quién ganó el mundial de fútbol de 2010?", ""):
        hit = answer(conn, question)
        assert hit["found"] is False and hit["context"] == "" and hit["sources"] == "" and hit["slugs"] == []
        assert hit["article"] is None and hit["followup"] is False and hit["earlier"] == ""


def test_a_follow_up_is_searched_with_the_previous_question(conn: psycopg.Connection) -> None:
    follow_up = "¿y si es de cobre?"
    assert answer(conn, follow_up)["found"] is False  # alone it finds nothing
    hit = answer(conn, follow_up, "tengo una fuga en una tubería de la cocina")
    assert hit["found"] and hit["slugs"] == ["soldadura-cobre"] and hit["followup"] is True
    assert hit["earlier"] == "tengo una fuga en una tubería de la cocina"
    assert hit["searched"] == "tengo una fuga en una tubería de la cocina ¿y si es de cobre?"
    # the newest earlier message first; two of them when one is not enough, oldest first in the search
    hit = answer(conn, follow_up, "vale\ntengo una fuga en una tubería de la cocina")
    assert hit["found"] and hit["earlier"] == "tengo una fuga en una tubería de la cocina\nvale"


def test_an_unrelated_new_question_is_not_answered_with_the_previous_topic(conn: psycopg.Connection) -> None:
    hit = answer(conn, "¿Quién ganó el mundial de fútbol de 2010?",
                 "El grifo monomando de la cocina gotea, ¿cómo cambio el cartucho?")
    assert hit["found"] is False


def test_a_message_that_finds_its_own_article_ignores_the_earlier_ones(conn: psycopg.Connection) -> None:
    hit = answer(conn, "El grifo monomando de la cocina gotea, ¿cómo cambio el cartucho?", "cómo pego tubería de pvc")
    assert hit["slugs"] == ["grifo-monomando-cartucho"] and hit["followup"] is False and hit["earlier"] == ""
