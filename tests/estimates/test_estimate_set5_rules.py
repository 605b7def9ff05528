"""Rules written from the fifth independent set's failures (issue 18; eval/ESTIMATES-INDEPENDENT-5.md, consumed by
branch esturns): a revision turn read as one structured change (estimate_change_parse), ambiguous words asked
back, and the word lists of estimate_list_item / estimate_clause_jobs as staff-editable settings. Every test uses
its own wording, not the set's. Against the real Postgres functions and the seeded catalogue and synonym list
(tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import psycopg
import pytest

from tests.estimates.helpers import CONVERSATION, codes, draft, lines, match, priced, revised, say


def parse(conn: psycopg.Connection, text: str) -> dict[str, Any] | None:
    """The structured change the words make to the conversation's current estimate."""
    return conn.execute(
        "SELECT estimate_change_parse(e, %s) FROM estimate_conversation_current c JOIN estimates e ON e.id = c.estimate_id"
        " WHERE c.conversation_id = %s", (text, CONVERSATION)).fetchone()[0]


# --- one structured reading of a revision turn ----------------------------------------------------------------

@pytest.mark.parametrize("change", [
    "el sifón no, que ese lo pone el dueño",
    "perdona, el sifon no lo pongas",
    "no me cobres el sifón",
    "oye sin el sifon",
    "espera el sifón no hace falta",
])
def test_a_line_said_with_no_is_removed(conn: psycopg.Connection, change: str) -> None:
    number = draft(conn, "presupuesto cambiar grifo monomando de cocina, un sifón de botella y 2 latiguillos de 40")
    assert "sifon-botella" in priced(conn, number) or any("sifon" in (c or "") for c in priced(conn, number))
    assert parse(conn, change)["op"] == "remove"
    revised(conn, change)
    assert not any("sifon" in code for code in priced(conn, number))
    assert "latiguillo-40cm" in priced(conn, number)


@pytest.mark.parametrize("change", ["la llave no es de media, es de tres cuartos", "son 12 metros no 8",
                                    "mándalo no más"])
def test_a_no_before_a_size_a_number_or_after_a_verb_is_no_removal(conn: psycopg.Connection, change: str) -> None:
    draft(conn, "cambiar 8 metros de tubo de cobre de 22 y una llave de paso de media")
    assert (parse(conn, change) or {}).get("op") != "remove"


@pytest.mark.parametrize("change, code", [
    ("mejor que sea de 80 litros el termo", "calentador-electrico-80l"),
    ("cambia el termo a uno de 100 litros", "calentador-electrico-100l"),
    ("el termo ahora de cien litros", "calentador-electrico-100l"),
])
def test_one_line_named_with_a_size_takes_that_size(conn: psycopg.Connection, change: str, code: str) -> None:
    number = draft(conn, "cambiar un termo eléctrico de 50 litros y dos latiguillos de 30")
    assert "calentador-electrico-50l" in priced(conn, number)
    parsed = parse(conn, change)
    assert parsed["op"] == "resize" and parsed["line"] is not None
    revised(conn, change)
    assert code in priced(conn, number) and "calentador-electrico-50l" not in priced(conn, number)
    assert priced(conn, number)["latiguillo-30cm"] == 2


def test_a_size_the_catalogue_lacks_makes_the_line_a_cotizar_never_another_size(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar un termo eléctrico de 50 litros")
    revised(conn, "que sea de 300 litros el termo")
    assert not any(code.startswith("calentador-electrico") for code in priced(conn, number))
    assert any(line["to_quote"] and "300" in line["description"] for line in lines(conn, number))


def test_a_bare_y_with_a_number_and_a_line_there_sets_its_count(conn: psycopg.Connection) -> None:
    number = draft(conn, "4 codos de cobre de 22, 6 metros de tubo de cobre de 22")
    revised(conn, "son 9 metros")
    parsed = parse(conn, "y 5 codos")
    assert parsed["op"] == "quantity" and parsed["value"] == 5
    revised(conn, "y 5 codos")
    assert priced(conn, number) == {"codo-cobre-22mm": Decimal(5), "tubo-cobre-22mm": Decimal(9)} | {
        k: v for k, v in priced(conn, number).items() if not k.startswith(("codo-cobre", "tubo-cobre"))}


def test_y_with_mas_still_adds(conn: psycopg.Connection) -> None:
    number = draft(conn, "4 codos de cobre de 22")
    revised(conn, "y 2 codos mas")
    assert priced(conn, number)["codo-cobre-22mm"] == 6


def test_the_old_number_right_after_the_unit_is_not_the_line(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 8 mts de tubo de cobre de 22 y 2 codos de cobre de 22")
    revised(conn, "son 12 mts no 8")
    assert priced(conn, number)["tubo-cobre-22mm"] == 12


def test_a_removal_of_a_line_not_there_is_answered_not_a_new_estimate(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar el termo eléctrico de 80 litros")
    answer = say(conn, "oye la válvula no me la cobres que ya la tengo")
    assert answer["handled"] and answer["action"] == "asked" and "No encuentro" in answer["reply_text"]
    assert priced(conn, number).get("calentador-electrico-80l") == 1


def test_the_line_whose_own_name_says_it_is_resized_not_one_known_by_it(conn: psycopg.Connection) -> None:
    number = draft(conn, "cotizar un tinaco de 700 litros con su flotador")   # no 700 l row: the tank a cotizar
    revised(conn, "mejor de mil litros el tinaco")
    assert priced(conn, number) == {"deposito-agua-1000l": Decimal(1), "flotador-deposito": Decimal(1)} | {
        k: v for k, v in priced(conn, number).items() if k not in ("deposito-agua-1000l", "flotador-deposito")}


def test_a_size_for_every_line_never_prices_a_row_of_another_material(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto 6 metros de tubo pvc de presion y 3 codos")
    revised(conn, "todos de 1/2")
    assert not any(code.startswith("codo-") for code in priced(conn, number))
    # (the elbows keep the list's material in their words since esturns7: "codo pvc de 1/2")
    assert any(line["to_quote"] and line["description"].startswith("codo") and line["description"].endswith("de 1/2")
               for line in lines(conn, number))


# --- first turns read so that a revision has its lines --------------------------------------------------------

def test_an_item_said_again_without_a_number_is_the_same_item(conn: psycopg.Connection) -> None:
    assert [i for i in match(conn, "2 grifos de lavabo monomando")["items"] if i.get("item") == "monomando-lavabo"] == [
        {"item": "monomando-lavabo", "quantity": 2}]


def test_a_thing_of_a_list_with_its_number_is_kept_even_if_it_is_a_part_word(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar el termo de 80 litros y 3 mangueras de abasto")
    assert (None, Decimal(3), True) in codes(conn, number)


# --- hours ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, hours", [
    ("cambiar el sifón del fregadero y la llave de paso de 3/4, 2 horas", 2),
    ("presupuesto cambio de inodoro completo. Calcula 3,5h", 3.5),
    ("cambio de termo de 80 litros y 4 hrs", 4),
    ("cambiar 3 metros de tubo de cobre de 22 y de mano de obra calcula dos horas", 2),
])
def test_hours_said_alone_at_the_end_are_the_jobs_labour(conn: psycopg.Connection, text: str, hours: float) -> None:
    found = match(conn, text)
    assert {"item": "mano-obra-oficial", "quantity": hours} in found["items"]
    assert not any("labour_hours" in i for i in found["items"])


def test_ponle_hours_of_labour_sets_them_not_adds_an_item(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar el termo eléctrico de 100 litros")
    parsed = parse(conn, "ponle cuatro horas de trabajo")
    assert parsed["op"] == "hours_set"
    revised(conn, "ponle cuatro horas de trabajo")
    assert [line["quantity"] for line in lines(conn, number) if line["kind"] == "labour"] == [Decimal(4)]


def test_a_count_said_with_a_size_is_still_a_quantity(conn: psycopg.Connection) -> None:
    draft(conn, "cambiar 2 llaves de paso de 1/2 y 3 metros de tubo de cobre de 15")
    assert parse(conn, "son 4 llaves de 1/2")["op"] == "quantity"
