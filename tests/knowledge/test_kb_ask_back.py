"""Asking back instead of guessing (n8n-workflows/knowledge/answer.sql): kb_choices offers the articles that fit
a question about as well, kb_pick reads the plumber's answer, and kb_answer answers the first question with the
article picked."""

from __future__ import annotations

import json

import psycopg
import pytest

from tests.knowledge.conftest import TWINS_QUESTION as QUESTION

COLUMNS = ("found", "context", "sources", "slugs", "top_score", "article", "searched", "followup", "earlier",
           "choices", "asked", "picked", "describe")
CLEAR = "El grifo monomando de la cocina gotea, ¿cómo cambio el cartucho?"


def answer(conn: psycopg.Connection, question: str, earlier: str = "", pending: dict | None = None) -> dict:
    rows = conn.execute("SELECT * FROM kb_answer(%s, %s, %s::jsonb)",
                        (question, earlier, json.dumps(pending))).fetchall()
    assert len(rows) == 1, "always exactly one row"
    return dict(zip(COLUMNS, rows[0]))


def pick(conn: psycopg.Connection, reply: str, choices: list[dict]) -> str | None:
    return conn.execute("SELECT kb_pick(%s, %s::jsonb)", (reply, json.dumps(choices))).fetchone()[0]


def test_close_articles_are_offered_and_a_clear_question_is_not(conn: psycopg.Connection, twins: list[dict]) -> None:
    hit = answer(conn, QUESTION)
    assert hit["choices"] == twins and all(set(c) == {"slug", "title"} for c in twins)
    assert hit["found"] and hit["slugs"] == [twins[0]["slug"]], "the best article is still there"
    assert hit["asked"] == QUESTION and hit["picked"] is None
    clear = answer(conn, CLEAR)
    assert clear["found"] and clear["choices"] == [], "one article stands out: no question back"
    assert answer(conn, "hola")["choices"] == []
    named = answer(conn, "¿Cómo cambio el cartucho de un grifo monomando?")
    assert named["slugs"] == ["grifo-monomando-cartucho"] and named["choices"] == [], "the words are its title"


def test_the_plumbers_answer_picks_a_case(conn: psycopg.Connection, twins: list[dict]) -> None:
    first, second = twins[0]["slug"], twins[1]["slug"]
    for reply in ("1", "1.", "la 1", "Es la primera", "opción 1", "el primero", f"1. {twins[0]['title']}"):
        assert pick(conn, reply, twins) == first, reply
    for reply in ("2", "la dos", "número 2", "la segunda", "2) esa"):
        assert pick(conn, reply, twins) == second, reply
    part = "compresor" if "compresor" in second else "ventilador"
    assert pick(conn, f"la del {part}", twins) == second, "the words of one title"
    for reply in ("ninguna", "Ninguna de estas", "no es ninguna", "otra cosa", "ninguno"):
        assert pick(conn, reply, twins) == "", reply
    for reply in ("2 por favor", "la 2, gracias"):
        assert pick(conn, reply, twins) == second, reply
    for reply in ("3", "la tercera", "la bomba de calor", "gracias", "",
                  "ahora el termo eléctrico gotea por la válvula de seguridad cada vez que calienta el agua",
                  # a new question that starts with a number or "una" is not a pick
                  "una fuga en el lavabo que no para", "2 grifos de la cocina gotean", "dos llaves de paso no cierran",
                  f"1 {twins[1]['title']}", f"el grifo de la cocina gotea y tiene un {part} roto"):
        assert pick(conn, reply, twins) is None, reply
    assert pick(conn, "2", []) is None


def test_a_pick_answers_the_first_question_with_that_article(conn: psycopg.Connection, twins: list[dict]) -> None:
    pending = {"question": QUESTION, "choices": twins}
    hit = answer(conn, "2", "", pending)
    assert hit["found"] and hit["slugs"] == [twins[1]["slug"]] and hit["picked"] == twins[1]["slug"]
    assert hit["asked"] == QUESTION and hit["searched"] == QUESTION, "the question answered is the first one"
    assert hit["article"]["slug"] == twins[1]["slug"] and hit["context"].startswith("Título: ")
    assert hit["sources"] == f"Fuente: {twins[1]['title']} (KB-{twins[1]['slug']})"
    assert hit["choices"] == [], "never asked twice"

    none = answer(conn, "ninguna de estas", "", pending)
    assert not none["found"] and none["picked"] == "" and none["asked"] == QUESTION and none["slugs"] == []
    assert none["describe"]["question"] == QUESTION, "a bare 'ninguna' asks for other words (test_kb_ask_describe.py)"

    new = answer(conn, CLEAR, "", pending)
    assert new["picked"] is None and new["slugs"] == ["grifo-monomando-cartucho"] and new["asked"] == CLEAR

    for stale in (None, {"choices": twins}, {"question": "", "choices": twins}, {"question": QUESTION, "choices": "x"}):
        assert answer(conn, "2", "", stale)["picked"] is None, stale


def test_a_picked_article_that_staff_turned_off_is_not_answered(conn: psycopg.Connection, twins: list[dict]) -> None:
    conn.execute("UPDATE kb_articles SET active = false WHERE slug = %s", (twins[1]["slug"],))
    hit = answer(conn, "2", "", {"question": QUESTION, "choices": twins})
    assert hit["picked"] is None and hit["slugs"] != [twins[1]["slug"]]


def test_a_follow_up_is_never_asked_back(conn: psycopg.Connection, twins: list[dict]) -> None:
    hit = answer(conn, "¿y hay que cortar la corriente antes?", QUESTION)
    assert hit["followup"] and hit["choices"] == []
