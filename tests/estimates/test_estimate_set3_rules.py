"""Rules written from the third independent set's failures (issue 18; eval/ESTIMATES-INDEPENDENT-3.md, now
consumed): send phrases staff can extend, a size answer for several lines at once, a size said for a priced
line the catalogue has only in another size, a name two kinds share ("grifo de pared"), the nouns of
unblocking and "con máquina", compound number words, and an item the catalogue lacks kept as a line a cotizar
in the plumber's words. Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg
import pytest

from tests.estimates.helpers import CONVERSATION, codes, draft, estimate, lines, match, say


# --- sending --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ándale mándaselo", "dale enviá", "pásaselo", "órale, envíaselo al cliente",
                                  "perfecto mandalo", "está bien, se lo puedes mandar"])
def test_the_regional_ways_of_saying_send_it_mark_it_sent(conn: psycopg.Connection, text: str) -> None:
    number = draft(conn, "cambiar la llave de paso de 3/4")
    answer = say(conn, text)
    assert answer["handled"] and answer["action"] == "sent"
    assert estimate(conn, number)["status"] == "sent"


def test_staff_add_their_own_send_phrase(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar la llave de paso de 3/4")
    assert conn.execute("SELECT estimate_change_kind(%s, 'despáchalo')", (CONVERSATION,)).fetchone()[0] is None
    conn.execute("UPDATE estimate_settings SET send_words = send_words || ', despachalo'")
    assert say(conn, "ya, despáchalo")["action"] == "sent"
    assert estimate(conn, number)["status"] == "sent"


def test_a_send_word_followed_by_an_item_is_not_a_send(conn: psycopg.Connection) -> None:
    draft(conn, "cambiar la llave de paso de 3/4")
    assert conn.execute("SELECT estimate_change_kind(%s, 'pásale también dos codos de cobre de 22 y un metro de tubo')",
                        (CONVERSATION,)).fetchone()[0] != "send"


# --- sizes said for several lines, or for a priced line -------------------------------------------------------

def test_one_answer_sizes_each_line_it_names(conn: psycopg.Connection) -> None:
    number = draft(conn, "necesito un presupuesto para cambiar la llave de paso general y dos llaves de paso del baño")
    # (the general one is asked too since esturns7: no size was said for it)
    assert [c for c in codes(conn, number) if c[2]] == [(None, Decimal("1"), True), (None, Decimal("2"), True)]
    answer = say(conn, "la general es de tres cuartos y las del baño de media")
    assert answer["action"] == "revised"
    materials = [c for c in codes(conn, number) if c[0] and c[0].startswith("llave-paso")]
    assert materials == [("llave-paso-3-4", Decimal("1"), False), ("llave-paso-1-2", Decimal("2"), False)]
    assert estimate(conn, number)["to_quote_count"] == 0


def test_each_line_a_cotizar_gets_the_size_of_its_own_clause(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto para cambiar 2 metros de tubo de cobre y 3 codos")
    say(conn, "el tubo es de 22 y los codos de 15")
    assert ("tubo-cobre-22mm", Decimal("2"), False) in codes(conn, number)
    assert ("codo-cobre-15mm", Decimal("3"), False) in codes(conn, number)


def test_a_size_the_catalogue_lacks_for_a_priced_line_makes_it_a_cotizar_not_another_size(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar el depósito de agua de 1000 litros con su flotador")
    assert ("flotador-deposito", Decimal("1"), False) in codes(conn, number)   # the only float row: 3/4"
    answer = say(conn, "el flotador es de media")
    assert answer["action"] == "revised"
    assert all(c[0] != "flotador-deposito" for c in codes(conn, number))
    [quoted] = [line for line in lines(conn, number) if line["to_quote"]]
    assert quoted["description"] == "flotador de media" and quoted["unit_price"] is None


def test_a_size_said_for_a_sizeless_priced_line_changes_nothing_and_says_so(conn: psycopg.Connection) -> None:
    number = draft(conn, "instalación de un lavadero nuevo con una canilla de pared")
    assert ("grifo-lavadero", Decimal("1"), False) in codes(conn, number)
    before = codes(conn, number)
    answer = say(conn, "la canilla es de media")
    assert answer["action"] == "asked" and "Grifo de lavadero de pared" in answer["reply_text"]
    assert codes(conn, number) == before and estimate(conn, number)["revision"] == 1


# --- names and words ------------------------------------------------------------------------------------------

def test_a_wall_tap_is_not_assumed_a_kitchen_one(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar un grifo de pared")
    assert found["ask_back"] == 1 and "grifo-pared-cocina" not in [i.get("item") for i in found["items"]]
    [tap] = [m for m in found["mentions"] if m["code"] is None]
    assert {"grifo-pared-cocina", "grifo-lavadero"} <= set(tap["candidates"])


def test_machine_unblocking_of_a_sewer_run_is_the_machine_service_once(conn: psycopg.Connection) -> None:
    found = match(conn, "che pasame un presupuesto para una destapación de cloaca con máquina desde la cámara "
                        "hasta la vereda son como quince metros")
    assert {"item": "desatasco-maquina", "quantity": 1} in found["items"]
    assert found["priced"] >= 1


@pytest.mark.parametrize(("words", "folded"), [
    ("tinaco de mil cien litros", "tinaco 1100 l"), ("tubo de pvc de ciento diez", "tubo pbc 110"),
    ("dos mil litros", "2000 l"), ("tubo de 100 2 codos", "tubo 100 2 codo"), ("1000 l", "1000 l"),
])
def test_compound_number_words_are_one_number_and_typed_digits_are_not_joined(
        conn: psycopg.Connection, words: str, folded: str) -> None:
    assert conn.execute("SELECT estimate_words(%s)", (words,)).fetchone()[0] == folded


def test_a_tank_of_a_capacity_the_catalogue_lacks_is_not_priced_as_another(conn: psycopg.Connection) -> None:
    found = match(conn, "quiero cotizar cambiar un tinaco de mil cien litros")
    assert "deposito-agua-1000l" not in [i.get("item") for i in found["items"]]


# --- a job the catalogue lacks, said next to items it has -----------------------------------------------------

def test_a_job_the_catalogue_lacks_next_to_priced_items_is_a_line_a_cotizar_in_the_plumber_s_words(
        conn: psycopg.Connection) -> None:
    found = match(conn, "presu x cambio de termotanque a gas 80 lts, retiro del viejo y 2 flexibles de 40")
    assert {"item": "latiguillo-40cm", "quantity": 2} in found["items"]
    assert {"item": "Cambio de termotanque a gas 80 lts", "quantity": 1} in found["items"]
    number = draft(conn, "presu x cambio de termotanque a gas 80 lts, retiro del viejo y 2 flexibles de 40")
    [quoted] = [line for line in lines(conn, number) if line["to_quote"]]
    assert quoted["description"] == "Cambio de termotanque a gas 80 lts" and quoted["unit_price"] is None


@pytest.mark.parametrize("text", [
    "El tanque del inodoro está rajado, hay que poner uno nuevo",              # "uno nuevo" names nothing new
    "Cambiar el asiento y la tapa del inodoro",                                # the seat is priced
    "Reparar una fuga en la tubería de cobre de 28, hay que poner un manguito",  # where the leak is
    "Fuga en tubería de cobre de 15: hay que cambiar 2 metros y poner 2 codos",  # metres of the pipe read
])
def test_a_part_that_names_nothing_new_adds_no_line(conn: psycopg.Connection, text: str) -> None:
    assert "job_parts" not in match(conn, text)


def test_a_plus_sign_separates_items(conn: psycopg.Connection) -> None:
    found = match(conn, 'Presupuesto cambiar monomando de lavabo + 2 llaves de escuadra 1/2" x 3/8"')
    assert {"item": "monomando-lavabo", "quantity": 1} in found["items"]
    assert {"item": "llave-escuadra-1-2", "quantity": 2} in found["items"]


def test_a_boiler_alone_is_asked_back_by_kind_not_read_as_an_electric_termo(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar el boiler")
    [heater] = [i for i in found["items"] if "choices" in i]
    assert found["ask_back"] == 1
    assert {"calentador-gas-11l", "calentador-electrico-80l"} <= set(heater["choices"])
    assert conn.execute("SELECT canonical FROM kb_synonyms WHERE term = 'boiler'").fetchone()[0] == "calentador"
