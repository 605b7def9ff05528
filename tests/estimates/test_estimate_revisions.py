"""Revisions over several turns (n8n-workflows/estimates/revise.sql): estimate_change_kind (the chat's routing),
estimate_converse (complete, add, remove, change, hours, send, ask back, decided = locked) and estimate_revise."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import psycopg
import pytest

from eval import score_multiturn
from tests.estimates.helpers import CONVERSATION, cents, codes, draft, estimate, say


def kind(conn: psycopg.Connection, text: str, conversation: str = CONVERSATION) -> str | None:
    return conn.execute("SELECT estimate_change_kind(%s, %s)", (conversation, text)).fetchone()[0]


def test_the_first_revision_keeps_its_items_and_is_the_conversation_s_current_estimate(conn: psycopg.Connection) -> None:
    number = draft(conn, "Presupuesto para cambiar 3 metros de tubería de cobre")
    row = estimate(conn, number)
    assert row["revision"] == 1 and row["inputs"][0] == {"item": "tubería de cobre", "unit": "m", "quantity": 3}
    kept = conn.execute("SELECT revision, words, snapshot ->> 'number' FROM estimate_revisions WHERE estimate_id = %s",
                        (row["id"],)).fetchall()
    assert kept == [(1, None, number)]
    assert conn.execute("SELECT estimate_id FROM estimate_conversation_current WHERE conversation_id = %s",
                        (CONVERSATION,)).fetchone()[0] == row["id"]


@pytest.mark.parametrize(("text", "expected"), [
    ("de 22", "complete"), ("perdona, de 18", "complete"), ("añade dos codos de 22", "add"),
    ("agregale 3 codos", "add"), ("y 2 horas más", "hours_add"), ("y media hora mas", "hours_add"),
    ("son 3 horas", "hours_set"), ("bájale a 2 horas", "hours_set"), ("quita la retirada", "remove"),
    ("sacale el desplazamiento", "remove"), ("no, son 5 metros", "quantity"), ("que sean dos", "quantity"),
    ("envíalo", "send"), ("vale, mándalo", "send"), ("envialo", "send"),
    # not a change: a question, a new request, small talk
    ("¿de qué diámetro es mejor el tubo?", None), ("Presupuesto para cambiar el sifón del lavabo", None),
    ("cuanto cobro por poner un termo", None), ("gracias", None), ("Tengo una fuga en la llave del lavabo", None),
    ("y si es de cobre", None), ("sin agua caliente en la ducha", None), ("es de 22", "complete"),
    ("y el sifón del fregadero", "add"),
])
def test_the_chat_s_routing_reads_the_kind_of_change(conn: psycopg.Connection, text: str, expected: str | None) -> None:
    draft(conn, "Presupuesto para cambiar 3 metros de tubería de cobre")
    assert kind(conn, text) == expected


def test_without_an_estimate_in_the_conversation_nothing_is_a_change(conn: psycopg.Connection) -> None:
    assert kind(conn, "de 22") is None and kind(conn, "envíalo", "web:unknown") is None
    assert say(conn, "envíalo") == {"handled": False}


def test_complete_add_hours_remove_and_quantity_are_revisions_of_one_number_priced_by_the_catalogue(
        conn: psycopg.Connection) -> None:
    before = conn.execute("SELECT count(*) FROM estimates").fetchone()[0]  # what other files left in the database
    number = draft(conn, "Presupuesto para cambiar 3 metros de tubería de cobre")
    steps = [("de 22", ["Completado: tubería de cobre → Tubo de cobre 22 mm"]),
             ("añade dos codos de 22", ["Añadido: Codo de cobre 22 mm para soldar: 2 ud"]),
             ("y 2 horas más", ["Mano de obra: 1,5 h → 3,5 h"]),
             ("quita el desplazamiento", ["Quitado: Desplazamiento: 1 ud"]),
             ("no, son 5 metros", ["Tubo de cobre 22 mm: 3 → 5 m"]),
             ("añade otros dos codos de 22", ["Codo de cobre 22 mm para soldar: 2 → 4"])]
    for revision, (text, changes) in enumerate(steps, start=2):
        answer = say(conn, text)
        assert (answer["action"], answer["number"], answer["revision"]) == ("revised", number, revision), text
        assert answer["changes"][:-1] == changes and answer["changes"][-1].startswith("Total: ")
        assert answer["card"]["revision"] == revision and answer["card"]["changes"] == answer["changes"]
        assert answer["reply_text"].startswith(f"Presupuesto {number} actualizado (revisión {revision}). Cambios:")
    assert codes(conn, number) == [("tubo-cobre-22mm", 5, False), ("mano-obra-oficial", Decimal("3.5"), False),
                                   ("codo-cobre-22mm", 4, False)]
    prices = dict(conn.execute("SELECT code, unit_price FROM price_catalog").fetchall())
    subtotal = cents(5 * prices["tubo-cobre-22mm"]) + cents(Decimal("3.5") * prices["mano-obra-oficial"]) \
        + cents(4 * prices["codo-cobre-22mm"])
    row = estimate(conn, number)
    assert (row["subtotal"], row["total"]) == (subtotal, subtotal + cents(subtotal * Decimal("0.21")))
    assert conn.execute("SELECT count(*) FROM estimates").fetchone()[0] == before + 1  # one number, revised
    kept = conn.execute("SELECT revision, words, (snapshot ->> 'to_quote_count')::int FROM estimate_revisions "
                        "WHERE estimate_id = %s ORDER BY revision", (row["id"],)).fetchall()
    assert [k[0] for k in kept] == list(range(1, 8)) and kept[0][2] == 1 and kept[1][1] == "de 22"


def test_a_family_word_added_is_settled_by_the_draft_s_own_items(conn: psycopg.Connection) -> None:
    number = draft(conn, "cuanto cobro por cambiar 2 metros de tubo pex con una hora de mano de obra")
    say(conn, "de 16")
    assert say(conn, "agregale 3 codos")["changes"][0] == "Añadido: Codo PEX 16 mm: 3 ud"
    assert ("codo-pex-16mm", 3, False) in codes(conn, number)


def test_a_priced_item_s_size_said_again_changes_the_item(conn: psycopg.Connection) -> None:
    number = draft(conn, "Cambiar la llave de paso general de 3/4")
    answer = say(conn, "de media pulgada")
    assert answer["action"] == "revised" and answer["changes"][0].startswith("Cambiado: Llave de paso de esfera 3/4")
    assert codes(conn, number)[0] == ("llave-paso-1-2", 1, False)


@pytest.mark.parametrize(("text", "start"), [
    ("de 25", "Con «de 25» no puedo completar ninguna partida a cotizar"),
    ("quita la retirada", "No encuentro «la retirada» en el presupuesto"),
    ("añade dos cosas", "No he entendido qué añadir"),
    ("son 5 codos", "¿A qué partida del presupuesto"),
    ("son 5000 metros", "¿Qué cantidad, exactamente? (máximo 1000)"),
    ("añade 2000 codos de 22", "No cambio el presupuesto P-"),
])
def test_what_the_words_do_not_settle_is_asked_back_and_nothing_changes(
        conn: psycopg.Connection, text: str, start: str) -> None:
    number = draft(conn, "Presupuesto para cambiar 3 metros de tubería de cobre")
    before = (codes(conn, number), estimate(conn, number)["revision"])
    answer = say(conn, text)
    assert answer["action"] == "asked" and answer["reply_text"].startswith(start), answer["reply_text"]
    assert answer["card"] is None and (codes(conn, number), estimate(conn, number)["revision"]) == before


def test_two_lines_the_words_may_mean_are_asked_about(conn: psycopg.Connection) -> None:
    number = draft(conn, "Presupuesto: 2 metros de tubo de cobre de 15 y 3 metros de tubo de cobre de 22")
    answer = say(conn, "son 4 metros")
    assert answer["action"] == "asked" and "¿Cuál cambio?" in answer["reply_text"]
    assert "Tubo de cobre 15 mm: 2 m" in answer["reply_text"] and estimate(conn, number)["revision"] == 1


def test_a_change_that_changes_nothing_makes_no_revision(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto para cambiar el termo de 50 litros")   # the rule's 2.5 h
    for words in ("son 2,5 horas", "son dos horas y media"):
        answer = say(conn, words)
        assert answer["action"] == "unchanged" and estimate(conn, number)["revision"] == 1, words


def test_send_marks_it_sent_with_the_link_and_a_decided_estimate_never_changes(conn: psycopg.Connection) -> None:
    number = draft(conn, "Presupuesto para cambiar el sifón del lavabo")
    sent = say(conn, "envíalo")
    row = estimate(conn, number)
    assert sent["action"] == "sent" and row["status"] == "sent" and row["revision"] == 1
    assert f"https://r.example/presupuestos/{number}?t={row['access_token']}" in sent["reply_text"]
    # A sent estimate can still change (the customer's link shows the latest revision) ...
    assert say(conn, "y media hora más")["revision"] == 2
    conn.execute("SELECT estimate_decide(%s, 'accepted')", (number,))
    before = (codes(conn, number), estimate(conn, number)["total"])
    # ... a decided one never: a new estimate is offered.
    for text in ("añade un latiguillo de 30", "quita el desplazamiento", "envíalo", "de 22"):
        answer = say(conn, text)
        if answer["handled"]:
            assert answer["action"] == "locked", text
            assert "ya está aceptado por el cliente" in answer["reply_text"] and "presupuesto nuevo" in answer["reply_text"]
    assert (codes(conn, number), estimate(conn, number)["total"]) == before
    with pytest.raises(psycopg.errors.ObjectNotInPrerequisiteState):
        conn.execute("SELECT estimate_revise(%s, '[{\"labour_hours\": 1}]'::jsonb)", (number,))


def test_malformed_items_for_a_revision_are_refused_and_change_nothing(conn: psycopg.Connection) -> None:
    number = draft(conn, "Presupuesto para cambiar el sifón del lavabo")
    before = (codes(conn, number), estimate(conn, number)["revision"])
    for items in ('[]', '[{"item": "sifon-lavabo", "quantity": -1}]', '{"item": "x"}',
                  '[{"item": "sifon-lavabo", "quantity": "2"}]'):
        with pytest.raises(psycopg.errors.InvalidParameterValue), conn.transaction():
            conn.execute("SELECT estimate_revise(%s, %s::jsonb)", (number, items))
    assert (codes(conn, number), estimate(conn, number)["revision"]) == before


def test_a_new_request_in_the_conversation_becomes_its_current_estimate(conn: psycopg.Connection) -> None:
    first = draft(conn, "Presupuesto para cambiar el sifón del lavabo")
    second = draft(conn, "Presupuesto para cambiar el sifón del fregadero")
    assert say(conn, "y media hora más")["number"] == second
    assert estimate(conn, first)["revision"] == 1


def test_the_held_out_multi_turn_set_prices_no_line_it_did_not_ask_for(app_db: Any) -> None:
    """The scorer itself plays the set (every case in a rolled-back transaction). Only the costly error is a
    gate here: the set is held out, its right/partial figures are reported, not tuned to. (m13's extra line,
    the disposal a job rule added to every "cambiar el termo", went when no rule could add a disposal line
    any more: eval/MULTITURN.md says which fixes came from which failure.)"""
    with psycopg.connect(app_db.url, autocommit=True) as connection:
        results = [score_multiturn.score(connection, case) for case in score_multiturn.load_cases()]
    assert len(results) == 13
    assert {r["id"]: r["wrong_priced"] for r in results if r["wrong_priced"]} == {}
