"""Revision turns by the wording of a kind of change (helper `turns28`, stop 28, issue 18; bench/estimates/TURNS-28.md):
the job's hours said without a verb while a draft is open, several changes in one message (commas, "y", a colon) as
ONE new version or — when a part cannot be read — nothing applied and the plumber asked, a removal of several lines
named one after another, "quita las 2 X" of two lines, "deja el X" (it stays). Sets 1–16 (tuning) were the symptom;
the wordings here are our own. Every expected total is priced from Postgres' catalogue and rounded to the cent.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.estimates.helpers import CONVERSATION, cents, codes, draft, estimate, say

LABOUR = "mano-obra-oficial"
CALL = "desplazamiento"


def _prices(conn: psycopg.Connection) -> dict[str, Decimal]:
    return dict(conn.execute("SELECT code, unit_price FROM price_catalog").fetchall())


def _assert_priced_as(conn: psycopg.Connection, number: str, want: list[tuple[str, Decimal]]) -> None:
    """The estimate's lines are exactly `want` (code, quantity), all priced, and its subtotal and total are the
    catalogue's prices times the quantities, each line rounded to the cent, plus the tax rounded to the cent."""
    assert codes(conn, number) == [(code, Decimal(qty), False) for code, qty in want]
    prices = _prices(conn)
    subtotal = sum((cents(Decimal(qty) * prices[code]) for code, qty in want), Decimal(0))
    row = estimate(conn, number)
    assert (row["subtotal"], row["total"]) == (subtotal, subtotal + cents(subtotal * row["tax_rate"]))


def _revisions(conn: psycopg.Connection, number: str) -> list[tuple[int, str | None]]:
    return conn.execute("SELECT r.revision, r.words FROM estimate_revisions r JOIN estimates e ON e.id = r.estimate_id"
                        " WHERE e.number = %s ORDER BY r.revision", (number,)).fetchall()


def _kind(conn: psycopg.Connection, text: str) -> str | None:
    return conn.execute("SELECT estimate_change_kind(%s, %s)", (CONVERSATION, text)).fetchone()[0]


PIPE = "cambiar 3 metros de tubo de cobre de 22 y 2 codos de cobre de 22, 3 horas"
THREE = "cambiar 3 metros de tubo de cobre de 22, 2 codos de cobre de 22 y 1 te de cobre de 22, 2 horas"
PIPE_LINES = [("tubo-cobre-22mm", 3), ("codo-cobre-22mm", 2), (LABOUR, 3), (CALL, 1)]


# --- (a) the job's hours said without a verb: the draft's hours, never a new estimate ----------------------------

@pytest.mark.parametrize(("text", "hours", "kind"), [
    ("dos horas de mano de obra", "2", "hours_set"),
    ("eso lleva una hora de trabajo", "1", "hours_set"),
    ("total 4 horas", "4", "hours_set"),
    ("cinco horas y media de trabajo", "5.5", "hours_set"),
    ("y hora y media más", "4.5", "hours_add"),
    ("son como 6 horas", "6", "hours_set"),
])
def test_hours_said_without_a_verb_set_or_add_the_draft_s_hours(
        conn: psycopg.Connection, text: str, hours: str, kind: str) -> None:
    before = conn.execute("SELECT count(*) FROM estimates").fetchone()[0]  # what other files left in the database
    number = draft(conn, PIPE)
    _assert_priced_as(conn, number, PIPE_LINES)
    assert _kind(conn, text) == kind
    answer = say(conn, text)
    assert (answer["action"], answer["number"], answer["revision"]) == ("revised", number, 2), answer
    _assert_priced_as(conn, number, [("tubo-cobre-22mm", 3), ("codo-cobre-22mm", 2), (LABOUR, hours), (CALL, 1)])
    assert conn.execute("SELECT count(*) FROM estimates").fetchone()[0] == before + 1  # the draft, no new one


def test_hours_without_a_verb_are_no_change_once_the_customer_decided(conn: psycopg.Connection) -> None:
    number = draft(conn, PIPE)
    conn.execute("SELECT estimate_decide(%s, 'accepted')", (number,))
    answer = say(conn, "dos horas de mano de obra")
    assert answer["action"] == "locked" and answer["number"] == number
    _assert_priced_as(conn, number, PIPE_LINES)


# --- (b) several changes in one message: one new version, or nothing -----------------------------------------------

def test_several_changes_separated_by_commas_and_y_are_one_new_version(conn: psycopg.Connection) -> None:
    number = draft(conn, PIPE)
    answer = say(conn, "quita los codos, añade dos manguitos de cobre de 22 y son 5 metros")
    assert (answer["action"], answer["number"], answer["revision"]) == ("revised", number, 2), answer
    assert answer["changes"][:-1] == ["Quitado: Codo de cobre 22 mm para soldar: 2 ud",
                                      "Añadido: Manguito de cobre 22 mm para soldar: 2 ud",
                                      "Tubo de cobre 22 mm: 3 → 5 m"]
    assert answer["changes"][-1].startswith("Total: ") and answer["card"]["revision"] == 2
    _assert_priced_as(conn, number, [("tubo-cobre-22mm", 5), (LABOUR, 3), (CALL, 1), ("manguito-cobre-22mm", 2)])
    words = "quita los codos, añade dos manguitos de cobre de 22 y son 5 metros"
    assert _revisions(conn, number) == [(1, None), (2, words)]


def test_a_part_that_cannot_be_read_applies_nothing_and_asks(conn: psycopg.Connection) -> None:
    number = draft(conn, PIPE)
    answer = say(conn, "quita los codos, añade unos manguitos y son 5 metros")
    assert answer["action"] == "asked" and answer["revision"] == 1, answer
    assert "no he aplicado ninguno" in answer["reply_text"] and "unos manguitos" in answer["reply_text"]
    _assert_priced_as(conn, number, PIPE_LINES)
    assert _revisions(conn, number) == [(1, None)]


def test_a_change_then_hours_then_sending_is_one_version_sent(conn: psycopg.Connection) -> None:
    number = draft(conn, PIPE)
    answer = say(conn, "añade una te de cobre de 22, total 4 horas y mándaselo al cliente")
    assert answer["action"] == "sent" and answer["revision"] == 2, answer
    assert estimate(conn, number)["status"] == "sent"
    _assert_priced_as(conn, number, [("tubo-cobre-22mm", 3), ("codo-cobre-22mm", 2), (LABOUR, 4), (CALL, 1),
                                     ("te-cobre-22mm", 1)])
    assert [r for r, _ in _revisions(conn, number)] == [1, 2]


def test_a_removal_of_lines_named_one_after_another_takes_each_out(conn: psycopg.Connection) -> None:
    number = draft(conn, THREE)
    answer = say(conn, "sácale los codos y la te")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    _assert_priced_as(conn, number, [("tubo-cobre-22mm", 3), (LABOUR, 2), (CALL, 1)])


def test_what_is_said_before_a_colon_is_the_reason_and_a_line_left_as_it_is_changes_nothing(
        conn: psycopg.Connection) -> None:
    number = draft(conn, THREE)
    answer = say(conn, "al final lo hacemos más corto: quita la te, deja los codos. total 1 hora")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    _assert_priced_as(conn, number, [("tubo-cobre-22mm", 3), ("codo-cobre-22mm", 2), (LABOUR, 1), (CALL, 1)])
    assert say(conn, "deja los codos")["action"] == "unchanged"


def test_a_count_of_every_line_named_takes_them_all_out(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 1 codo de cobre de 22 y 1 codo de cobre de 15, 1 hora")
    answer = say(conn, "quita los 2 codos")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    _assert_priced_as(conn, number, [(LABOUR, 1), (CALL, 1)])


# --- "mejor pon un X": X instead of the one line of its family ------------------------------------------------------

def test_rather_put_a_thing_takes_the_place_of_the_one_line_of_its_family(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar el calentador de gas de 14 litros y una llave de paso de media, 2 horas")
    _assert_priced_as(conn, number, [("calentador-gas-14l", 1), ("llave-paso-1-2", 1), (LABOUR, 2), (CALL, 1)])
    answer = say(conn, "mejor ponle un termo eléctrico de 80 litros")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    assert answer["changes"][0] == "Cambiado: Calentador de gas estanco 14 l/min → Termo eléctrico 80 l"
    _assert_priced_as(conn, number, [("calentador-electrico-80l", 1), ("llave-paso-1-2", 1), (LABOUR, 2), (CALL, 1)])


def test_rather_put_a_thing_the_catalogue_lacks_replaces_the_line_its_noun_names_a_cotizar(
        conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar una ducha eléctrica de 5500 watts y una llave de paso de media, 1 hora")
    before = [(code, qty) for code, qty, to_quote in codes(conn, number) if not to_quote]
    answer = say(conn, "pon mejor una ducha de 7000 watts")
    assert (answer["action"], answer["revision"]) == ("revised", 2), answer
    quoted = [line for line in codes(conn, number) if line[2]]
    assert len(quoted) == 1 and [(c, q) for c, q, t in codes(conn, number) if not t] == before
    assert conn.execute("SELECT description FROM estimate_lines l JOIN estimates e ON e.id = l.estimate_id"
                        " WHERE e.number = %s AND l.to_quote", (number,)).fetchone()[0] == "ducha de 7000 watts"
