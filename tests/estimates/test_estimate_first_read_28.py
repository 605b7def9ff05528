"""The first request read right (firstread, stop 28): most multi-turn estimate cases that end wrong were already
read wrong at their first turn (bench/estimates/MULTITURN-16.md, bench/estimates/FIRSTREAD-28.md), and no later
turn repairs what never became a line. Each test is a kind of request in a plumber's words (our own wordings, not
a case of the sets) and the lines it must give: priced only where the catalogue is sure, a cotizar or asked back
where the words do not settle a size or a kind. Against the real Postgres functions and the seeded catalogue
(tests/estimates/conftest.py)."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from tests.estimates.helpers import match


def _read(conn: psycopg.Connection, text: str) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """estimate_match: the priced rows {code: quantity} and the lines a cotizar."""
    found = match(conn, text)
    known = {r[0] for r in conn.execute("SELECT code FROM price_catalog WHERE active").fetchall()}
    priced = {str(i["item"]): float(i["quantity"]) for i in found["items"] if i.get("item") in known}
    quoted = [i for i in found["items"] if "item" in i and i["item"] not in known]
    return priced, quoted


# 1. A water flexible said with its 1/2" thread and its length ---------------------------------------------------

@pytest.mark.parametrize("text, code, quantity", [
    ("presupuesto: termo eléctrico de 80 litros y 2 latiguillos de 1/2 de 30 cm", "latiguillo-30cm", 2),
    ("cambiar el calentador eléctrico con dos flexibles de media de cincuenta", "latiguillo-50cm", 2),
    ("presu: grifo de lavabo + 2 flexibles 1/2 x 40 + 1 h", "latiguillo-40cm", 2),
    ("necesito precio de tres mangueras de agua de media de veinte centímetros", "latiguillo-20cm", 3),
    ("cotiza 2 mangueras p/agua 1/2 x 30cm y un sifón de lavabo", "latiguillo-30cm", 2),
    ("cotízame un monomando de cocina con 2 mangueras coflex de 1/2 de 40 cm", "latiguillo-40cm", 2),
])
def test_a_flexible_said_with_its_half_inch_thread_is_priced_by_its_length(conn: psycopg.Connection, text: str,
                                                                         code: str, quantity: int) -> None:
    priced, _ = _read(conn, text)
    assert priced.get(code) == quantity, priced
    assert not any(c.startswith("latiguillo-") and c != code for c in priced), priced


def test_a_gas_hose_said_after_the_flexibles_is_still_its_own_line(conn: psycopg.Connection) -> None:
    priced, quoted = _read(conn, "calentador de paso a gas con dos mangueras para agua de media de cuarenta "
                                 "y una manguera para gas")
    assert priced.get("latiguillo-40cm") == 2, priced
    assert any("gas" in str(q["item"]).lower() and float(q["quantity"]) == 1 for q in quoted), quoted


@pytest.mark.parametrize("text", [
    "presupuesto termo de 80 litros y 2 flexibles de 1/2",             # no length: asked, never guessed
    "2 latiguillos de 3/8 de 40 cm para el grifo",                       # another thread: another item
    'presupuesto: termo de 80 litros y 2 conectores flexibles 1/2 x 16"',  # a length in inches
    "un flexible de gas de 1/2 x 40 para la cocina",                     # a gas hose is no water flexible
    "2 mangueras de 1/2 de 35 cm",                                       # a length no row has
    'presupuesto: termo de 50 galones y 2 conectores flexibles de 1/2 x 20"',  # 20 inches, not 20 cm
])
def test_a_flexible_whose_words_do_not_settle_the_row_is_never_priced(conn: psycopg.Connection, text: str) -> None:
    priced, _ = _read(conn, text)
    assert not any(c.startswith("latiguillo-") for c in priced), priced


# 2. Hours said in words: quarters, "una hora" after a size, hours then one last thing ---------------------------

@pytest.mark.parametrize("text, hours", [
    # a size said right before "una hora": the size is no hours
    ("dos metros de tubo multicapa de veinte con tres codos de veinte una hora y media", 1.5),
    ("cambiar tres codos de cobre de dieciocho una hora", 1),
    # quarters of an hour
    ("cambiar el sifón del fregadero, dos horas y cuarto", 2.25),
    ("cambiar el latiguillo del lavabo y una hora y cuarto de mano de obra", 1.25),
    ("cambiar el grifo de la cocina, tres cuartos de hora", 0.75),
    # the hours, then one last thing with no number ("6h + desplazamiento", "y la visita")
    ("presu: termo eléctrico de 80 litros + válvula de seguridad. 4h + desplazamiento", 4),
])
def test_hours_said_in_words_are_the_labour_said(conn: psycopg.Connection, text: str, hours: float) -> None:
    priced, _ = _read(conn, text)
    assert priced.get("mano-obra-oficial") == hours, priced


def test_a_size_before_the_hours_still_sizes_its_thing(conn: psycopg.Connection) -> None:
    priced, _ = _read(conn, "dos metros de tubo multicapa de veinte con tres codos de veinte una hora y media")
    assert priced.get("tubo-multicapa-20mm") == 2 and priced.get("codo-multicapa-20mm") == 3, priced


# 4. A route said of a pump or a pipe: two places, not two things ----------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("instalar una bomba de medio caballo de la cisterna al tanque y 10 m de tubo pvc 3/4", "cisterna"),
    ("presupuesto para subir agua desde el pozo hasta el tinaco con 2 codos de 3/4", "tinaco"),
    ("4 metros de tubo de cobre de media del calentador a la regadera y 2 codos", "regadera"),
])
def test_a_route_names_no_line(conn: psycopg.Connection, text: str, place: str) -> None:
    found = match(conn, text)
    said = " ".join(str(i.get("item", "")) for i in found["items"]).lower()
    assert place not in said, found["items"]
    assert not any(str(i.get("item", "")).startswith(("cisterna", "deposito", "tinaco")) for i in found["items"])


def test_a_conversion_from_one_thing_to_another_is_still_read(conn: psycopg.Connection) -> None:
    found = match(conn, "cambiar de la bañera a la ducha: plato de ducha y grifo termostático de ducha")
    assert any(str(i.get("item", "")).startswith("termostatico-ducha") for i in found["items"]), found["items"]
