"""Issue 18's revision faults that tuning set 28 probes (helper `est35`, stop 35; bench/estimates/SAID-35.md), in
wordings of our own: (a) the price of an alternative asked without deciding ("¿y cuánto sería si fuera el de 100?")
is answered with what it would cost and the draft is kept; (d) an addition to an estimate the customer has decided
gets the locked reply, never a new estimate made in its place; (f) undo ("déjalo como estaba") and a removed line
put back ("vuelve a poner el sifón"); and a size said that the line already has changes nothing. Every total is the
catalogue's prices times the quantities, from Postgres (tests/estimates/helpers.py).

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg

from tests.estimates.helpers import catalogue_prices, codes, estimate
from tests.support.estimate_talk import change_kind, converse


def _revision(conn: psycopg.Connection, number: str) -> int:
    return estimate(conn, number)["revision"]


# --- (a) a price asked, the draft kept -------------------------------------------------------------------------------

def test_the_price_of_another_size_is_said_and_the_draft_kept(conn: psycopg.Connection) -> None:
    # (main: "¿y cuánto sería…?" read as a new request of nothing: refused, no price said)
    talk = converse(conn, "termo eléctrico de 80 litros")
    before = estimate(conn, talk.number)
    assert change_kind(conn, "¿y cuánto sería si fuera el de 100?") == "price"
    answer = talk.turn("¿y cuánto sería si fuera el de 100?", revise=False)
    assert answer["action"] == "unchanged", answer
    # what it would cost: the same draft with the 100 l row, priced from the catalogue
    prices = catalogue_prices(conn)
    other = before["subtotal"] - prices["calentador-electrico-80l"] + prices["calentador-electrico-100l"]
    would = (other * (1 + before["tax_rate"])).quantize(Decimal("0.01"))
    assert Decimal(str(answer["total_if"])) == would
    assert "Termo eléctrico 100 l" in answer["reply_text"] and "No lo he cambiado" in answer["reply_text"]
    assert _revision(conn, talk.number) == before["revision"]
    assert talk.materials() == [("calentador-electrico-80l", 1, False)]
    # and when the plumber decides, the change is made as said
    talk.turn("vale, ponle el de 100")
    assert talk.materials() == [("calentador-electrico-100l", 1, False)]


def test_the_price_with_one_more_hour_adds_an_hour_to_the_figure_only(conn: psycopg.Connection) -> None:
    talk = converse(conn, "mecanismo de descarga de doble pulsador y 2 horas de mano de obra")
    number = talk.number
    hours = [q for c, q, _ in codes(conn, number) if c == "mano-obra-oficial"]
    assert hours == [Decimal("2")]
    answer = talk.turn("¿y cuánto sería con una hora más?", revise=False)
    assert answer["action"] == "unchanged" and "2 h → 3 h" in answer["reply_text"], answer
    prices = catalogue_prices(conn)
    assert Decimal(str(answer["total_if"])) - estimate(conn, number)["total"] == (
        prices["mano-obra-oficial"] * (1 + estimate(conn, number)["tax_rate"])).quantize(Decimal("0.01"))
    assert [q for c, q, _ in codes(conn, number) if c == "mano-obra-oficial"] == [Decimal("2")]


def test_a_new_request_asked_with_cuanto_cuesta_is_not_a_price_of_the_draft(conn: psycopg.Connection) -> None:
    # a guard: "¿cuánto cuesta cambiar…?" (the present, no "si"/"con") is a new request, as before
    talk = converse(conn, "termo eléctrico de 50 litros")
    assert change_kind(conn, "¿cuánto cuesta cambiar un termo de 80?") is None
    assert talk.turn("¿cuánto cuesta cambiar un termo de 80?", revise=False)["handled"] is False


def test_a_size_the_line_already_has_changes_nothing(conn: psycopg.Connection) -> None:
    # (main: "no, déjalas de media" made a revision whose card said the 1/2" valves became a line a cotizar)
    talk = converse(conn, "2 llaves de paso de media", "no, déjalas de media", revise=False)
    assert talk.answer["action"] == "unchanged", talk.answer
    assert _revision(conn, talk.number) == 1
    assert talk.materials() == [("llave-paso-1-2", 2, False)]


# --- (d) an addition to a decided estimate ---------------------------------------------------------------------------

def test_an_addition_to_an_accepted_estimate_gets_the_locked_reply(conn: psycopg.Connection) -> None:
    # (main: a new estimate with the valve alone was made in its place)
    talk = converse(conn, "termo eléctrico de 80 litros y retirada del viejo")
    conn.execute("SELECT estimate_mark_sent(%s)", (talk.number,))
    conn.execute("SELECT estimate_decide(%s, 'accepted')", (talk.number,))
    words = "el cliente ya lo aceptó pero quiere que le pongamos también la válvula de seguridad"
    assert change_kind(conn, words) == "locked"
    answer = talk.turn(words, revise=False)
    assert answer["action"] == "locked" and answer["number"] == talk.number, answer
    assert "presupuesto nuevo" in answer["reply_text"]
    assert talk.materials() == [("calentador-electrico-80l", 1, False), ("retirada-calentador", 1, False)]


def test_a_question_after_an_accepted_estimate_is_not_locked(conn: psycopg.Connection) -> None:
    # a guard: "¿cómo cambio un grifo monomando?" is a question for the chat, not an addition to the estimate
    talk = converse(conn, "termo eléctrico de 80 litros")
    conn.execute("SELECT estimate_mark_sent(%s)", (talk.number,))
    conn.execute("SELECT estimate_decide(%s, 'accepted')", (talk.number,))
    assert change_kind(conn, "¿cómo cambio un grifo monomando?") is None
    assert talk.turn("¿cómo cambio un grifo monomando?", revise=False)["handled"] is False


# --- (f) undo, and a removed line put back -------------------------------------------------------------------------

def test_dejalo_como_estaba_brings_back_the_lines_before_the_last_change(conn: psycopg.Connection) -> None:
    # (main: refused; the 80 l heater stayed)
    talk = converse(conn, "termo eléctrico de 50 litros", "mejor el de 80")
    assert change_kind(conn, "no, déjalo como estaba") == "undo"
    answer = talk.turn("no, déjalo como estaba")
    assert "Como estaba en la revisión 1" in answer["changes"]
    assert _revision(conn, talk.number) == 3   # a new revision: the earlier ones are kept
    assert talk.materials() == [("calentador-electrico-50l", 1, False)]


def test_a_removed_line_is_put_back_as_it_was(conn: psycopg.Connection) -> None:
    # (main: "vuelve a poner los latiguillos" made a new estimate of one hose)
    talk = converse(conn, "llave de paso de 3/4 y 2 latiguillos de 40", "quita los latiguillos")
    assert talk.materials() == [("llave-paso-3-4", 1, False)]
    talk.turn("vuelve a poner los latiguillos")
    assert talk.materials() == [("llave-paso-3-4", 1, False), ("latiguillo-40cm", 2, False)]


def test_vuelve_a_poner_a_size_of_a_line_still_there_is_not_a_second_line(conn: psycopg.Connection) -> None:
    # a guard: "vuelve a poner el de 50" with a heater on the draft is its size again, never a second heater
    talk = converse(conn, "termo eléctrico de 50 litros", "mejor el de 80")
    talk.turn("vuelve a poner el de 50", revise=False)
    assert [c for c, _, _ in talk.materials()] in (["calentador-electrico-50l"], ["calentador-electrico-80l"])


# --- (b) the customer as the subject of a removal or a keep ----------------------------------------------------------

def test_the_customer_does_not_want_the_removal(conn: psycopg.Connection) -> None:
    # (main: asked "No encuentro…"; the removal stayed priced)
    talk = converse(conn, "termo eléctrico de 80 litros y retirada del viejo",
                    "el cliente no quiere la retirada, se lo lleva él")
    assert talk.materials() == [("calentador-electrico-80l", 1, False)]


def test_the_customer_already_has_the_part(conn: psycopg.Connection) -> None:
    talk = converse(conn, "termo eléctrico de 50 litros, kit de conexión y válvula de seguridad",
                    "el cliente ya tiene la válvula de seguridad, no la pongas")
    assert talk.materials() == [("calentador-electrico-50l", 1, False), ("kit-conexion-termo", 1, False)]


def test_the_old_one_kept_drops_its_removal_not_the_new_one(conn: psycopg.Connection) -> None:
    # (main: a new estimate was made of the words; the removal of the old toilet stayed)
    talk = converse(conn, "inodoro completo con retirada del viejo y junta de cera",
                    "la clienta dice que la taza vieja se la queda ella")
    assert talk.materials() == [("inodoro-completo", 1, False), ("junta-cera-inodoro", 1, False)]


def test_the_old_part_kept_with_no_removal_drops_its_replacement(conn: psycopg.Connection) -> None:
    talk = converse(conn, "monomando de lavabo y sifón de lavabo",
                    "la señora se queda con el sifón viejo que está bien")
    assert talk.materials() == [("monomando-lavabo", 1, False)]


def test_the_customer_as_subject_of_something_else_removes_nothing(conn: psycopg.Connection) -> None:
    # a guard: who speaks is not a line, and a resize said after the customer is still a resize
    talk = converse(conn, "termo eléctrico de 50 litros y válvula de seguridad",
                    "el cliente tiene prisa, que sea de 80")
    assert talk.materials() == [("calentador-electrico-80l", 1, False), ("valvula-seguridad-termo", 1, False)]
    # and a question about what the customer has removes nothing
    answer = talk.turn("el cliente ya tiene la válvula de seguridad, ¿la cambio igual?", revise=False)
    assert answer.get("action") != "revised"
    assert talk.materials() == [("calentador-electrico-80l", 1, False), ("valvula-seguridad-termo", 1, False)]
