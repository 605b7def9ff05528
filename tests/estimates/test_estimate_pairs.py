""""Un par" is two (helper `esattr`, stop 26, issue 18): "un par de codos" was priced as one elbow ("un" read as
the count, "par" as a word before "de"). estimate_pair_words makes "un par (de)" / "otro par (de)" "dos" /
"otros dos" on the words of a message and of a revision, before any count is read.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py); wordings our own."""

from __future__ import annotations

from decimal import Decimal

import psycopg

from tests.estimates.helpers import draft, match, priced, revised


# --- "un par" is two ---------------------------------------------------------------------------------------------

def test_un_par_de_is_two(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT estimate_pair_words('cambiar un par de codos'), estimate_pair_words('otro par de llaves'),"
                        " estimate_pair_words('ponle un par'), estimate_pair_words('un parche en el tubo')").fetchone() \
        == ("cambiar dos codos", "otros dos llaves", "ponle dos", "un parche en el tubo")
    items = {i["item"]: i["quantity"] for i in match(conn, "cambiar un par de codos de cobre de 15")["items"] if "item" in i}
    assert Decimal(str(items["codo-cobre-15mm"])) == 2, items


def test_un_par_with_another_thing_and_after_con(conn: psycopg.Connection) -> None:
    number = draft(conn, "poner un par de llaves de paso de 1/2 y 3 metros de tubo de cobre de 15")
    got = priced(conn, number)
    assert got.get("llave-paso-1-2") == 2 and got.get("tubo-cobre-15mm") == 3, got
    items = {i["item"]: i["quantity"] for i in match(conn, "instalar un termo eléctrico de 80 litros con un par de latiguillos")["items"]
             if "item" in i}
    assert Decimal(str(items.get("latiguillo", 0))) == 2, items


def test_un_par_mas_in_a_revision_adds_two(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 4 codos de cobre de 15")
    revised(conn, "ponle un par más")
    assert priced(conn, number).get("codo-cobre-15mm") == 6


def test_anade_un_par_de_codos_adds_two(conn: psycopg.Connection) -> None:
    number = draft(conn, "3 metros de tubo de cobre de 15")
    revised(conn, "añade un par de codos de cobre de 15")
    got = priced(conn, number)
    assert got.get("codo-cobre-15mm") == 2 and got.get("tubo-cobre-15mm") == 3, got
