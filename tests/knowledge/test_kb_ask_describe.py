"""\"Ninguna\" is not the end (n8n-workflows/knowledge/answer.sql, ASKING.md "Stop 23"): after the cases asked
about, "ninguna, es …" is searched with the plumber's words and the first question; a bare "ninguna" asks him
once to say it in other words (kb_answer's `describe`, the next `pending`), and his description is searched the
same way, never with the cases he refused; only when that finds nothing, not sure. The misses list keeps it."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest

from tests.knowledge.conftest import TWINS_QUESTION as QUESTION

COLUMNS = ("found", "context", "sources", "slugs", "top_score", "article", "searched", "followup", "earlier",
           "choices", "asked", "picked", "describe")
DESCRIPTION = "es el termo eléctrico, gotea por la válvula de seguridad cuando calienta"


def answer(conn: psycopg.Connection, message: str, pending: dict | None = None) -> dict:
    rows = conn.execute("SELECT * FROM kb_answer(%s, '', %s::jsonb)", (message, json.dumps(pending))).fetchall()
    assert len(rows) == 1, "always exactly one row"
    return dict(zip(COLUMNS, rows[0], strict=True))


@pytest.fixture
def asked(twins: list[dict]) -> dict:
    """The pending state after the assistant asked which of two invented cases it is."""
    return {"question": QUESTION, "choices": twins}


def none_rest(conn: psycopg.Connection, reply: str, describing: bool = False) -> str | None:
    return conn.execute("SELECT kb_none_rest(%s, %s)", (reply, describing)).fetchone()[0]


def test_the_words_after_ninguna_are_read(conn: psycopg.Connection) -> None:
    for reply in ("ninguna", "Ninguna.", "ninguna de esas", "no es ninguna", "otra cosa", "ninguno de los casos"):
        assert none_rest(conn, reply) == "", reply
    assert none_rest(conn, "Ninguna, es el calentador que hace ruido") == "es el calentador que hace ruido"
    assert none_rest(conn, "otra cosa: la bomba no arranca") == "la bomba no arranca"
    for reply in ("2", "la segunda", "el grifo gotea", "no sé"):
        assert none_rest(conn, reply) is None, reply
    # asked to describe, "no sé" and "ni idea" are a bare "ninguna" too
    assert none_rest(conn, "no sé", True) == "" and none_rest(conn, "ni idea", True) == ""
    says = lambda words: conn.execute("SELECT kb_says_something(%s)", (words,)).fetchone()[0]  # noqa: E731
    assert not says("gracias") and not says("") and says("es el calentador")


def test_a_bare_ninguna_asks_for_other_words(conn: psycopg.Connection, asked: dict) -> None:
    for reply in ("ninguna", "ninguna de esas, gracias", "no es ninguna"):
        hit = answer(conn, reply, asked)
        assert not hit["found"] and hit["slugs"] == [] and hit["choices"] == [], reply
        assert hit["picked"] == "" and hit["asked"] == QUESTION
        assert hit["describe"] == {"question": QUESTION, "rejected": [c["slug"] for c in asked["choices"]]}
    assert answer(conn, "2", asked)["describe"] is None, "a pick is not a description"
    assert answer(conn, QUESTION)["describe"] is None


def offered(hit: dict) -> list[str]:
    return [c["slug"] for c in hit["choices"]]


def test_ninguna_with_words_offers_what_they_find_with_the_first_question(conn: psycopg.Connection,
                                                                          asked: dict) -> None:
    hit = answer(conn, f"Ninguna, {DESCRIPTION}", asked)
    assert not hit["found"] and hit["slugs"] == [], "offered, never answered straight away (ASKING.md, stop 24)"
    assert offered(hit) and not set(offered(hit)) & {c["slug"] for c in asked["choices"]}
    assert "termo" in offered(hit)[0], "the water heater the plumber named first, not the pump the first words prefer"
    assert all(c["described"] is True and c["title"] for c in hit["choices"])
    assert len(hit["choices"]) <= 3 and hit["picked"] == "" and hit["describe"] is None
    assert hit["asked"] == f"{QUESTION} Ninguna, {DESCRIPTION}", "the model and staff get both, as written"


def test_the_description_offers_cases_never_the_refused_and_a_pick_answers(conn: psycopg.Connection,
                                                                           asked: dict) -> None:
    pending = {**answer(conn, "ninguna", asked)["describe"], "describe": True}
    hit = answer(conn, DESCRIPTION, pending)
    assert not hit["found"] and "termo" in offered(hit)[0] and hit["picked"] == "" and hit["describe"] is None
    assert hit["asked"] == f"{QUESTION} {DESCRIPTION}"
    # the plumber picks the first case: answered with it, for both texts
    picked = answer(conn, "1", {"question": hit["asked"], "choices": hit["choices"]})
    assert picked["found"] and picked["slugs"] == [offered(hit)[0]] and picked["picked"] == offered(hit)[0]
    assert picked["asked"] == f"{QUESTION} {DESCRIPTION}" and picked["context"].startswith("Título: ")
    # "ninguna" to the cases his description found: not sure, never a third round
    for reply in ("ninguna", "ninguna, es otra cosa del termo"):
        none = answer(conn, reply, {"question": hit["asked"], "choices": hit["choices"]})
        assert not none["found"] and none["describe"] is None and none["choices"] == [] and none["slugs"] == []
    # words that only repeat the refused cases: they are never offered again
    again = answer(conn, "la bomba de calor, el ventilador o el compresor hace ruido al arrancar", pending)
    assert not set(offered(again)) & {c["slug"] for c in asked["choices"]}


def test_nothing_more_to_say_or_nothing_found_is_not_sure(conn: psycopg.Connection, asked: dict) -> None:
    pending = {**answer(conn, "ninguna", asked)["describe"], "describe": True}
    for reply in ("no sé", "ninguna", "ni idea, gracias"):
        hit = answer(conn, reply, pending)
        assert not hit["found"] and hit["picked"] == "" and hit["asked"] == QUESTION and hit["describe"] is None, reply
    # words that add nothing to any article: the first question alone must not find a fourth case
    hit = answer(conn, "¿quién ganó el mundial de fútbol?", pending)
    assert not hit["found"] and hit["slugs"] == [] and hit["describe"] is None
    assert hit["asked"] == f"{QUESTION} ¿quién ganó el mundial de fútbol?", "staff see both texts"


def test_a_stale_or_broken_describe_state_is_a_new_question(conn: psycopg.Connection) -> None:
    for stale in ({"describe": True, "rejected": []}, {"question": "", "describe": True}):
        hit = answer(conn, "El grifo monomando de la cocina gotea, ¿cómo cambio el cartucho?", stale)
        assert hit["slugs"] == ["grifo-monomando-cartucho"] and hit["picked"] is None


def store(conn: psycopg.Connection, conversation: str, text: str, metadata: dict | None = None) -> str:
    """A plumber message, or (with metadata) the assistant's answer to the previous one."""
    message_id = f"reply:{uuid.uuid4()}" if metadata is not None else str(uuid.uuid4())
    previous = conn.execute("SELECT id FROM messages WHERE conversation_id = %s AND role = 'user' "
                            "ORDER BY seq DESC LIMIT 1", (conversation,)).fetchone()
    conn.execute("INSERT INTO messages (id, conversation_id, role, channel, text, in_reply_to, metadata) "
                 "VALUES (%s, %s, %s, 'web', %s, %s, %s::jsonb)",
                 (message_id, conversation, "assistant" if metadata is not None else "user", text,
                  previous[0] if metadata is not None and previous else None, json.dumps(metadata or {})))
    return message_id


def test_a_ninguna_reaches_the_list_of_misses_once(conn: psycopg.Connection) -> None:
    describe = {"question": QUESTION, "rejected": ["zz-a", "zz-b"]}
    misses = lambda: {r[0]: (r[1], r[2]) for r in conn.execute(  # noqa: E731
        "SELECT answer_id, question, reason FROM kb_open_misses")}
    # the plumber said "ninguna" and then nothing more: listed, with his first question
    gone = f"web:test-{uuid.uuid4().hex[:12]}"
    conn.execute("INSERT INTO conversations (id, channel) VALUES (%s, 'web')", (gone,))
    store(conn, gone, QUESTION)
    store(conn, gone, "ninguna")
    left = store(conn, gone, "Dímelo con otras palabras", {"picked": "", "question": QUESTION, "describe": describe})
    assert misses()[left] == (QUESTION, "none_fit")
    # his description found nothing either: the "not sure" is listed with both texts, the "ninguna" is not twice
    both = f"{QUESTION} ni idea"
    store(conn, gone, "ni idea")
    not_sure = store(conn, gone, "No estoy seguro", {"not_sure": True, "picked": "", "question": both})
    listed = misses()
    assert listed[not_sure] == (both, "not_sure") and left not in listed
    # the page names the reason
    answered = f"web:test-{uuid.uuid4().hex[:12]}"
    conn.execute("INSERT INTO conversations (id, channel) VALUES (%s, 'web')", (answered,))
    store(conn, answered, QUESTION)
    store(conn, answered, "ninguna")
    kept = store(conn, answered, "Dímelo con otras palabras", {"picked": "", "question": QUESTION,
                                                                "describe": describe})
    store(conn, answered, DESCRIPTION)
    store(conn, answered, "1. Cerrar la llave.", {"picked": "", "question": f"{QUESTION} {DESCRIPTION}",
                                                  "grounded": True})
    assert misses()[kept] == (QUESTION, "none_fit"), "the cases offered missed: staff may add an example"
    assert "Ninguno de los casos que ofreció el asistente" in conn.execute("SELECT kb_misses_page()").fetchone()[0]
