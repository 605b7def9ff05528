"""No wrongly priced line, stop 29 (helper `wrongprice`, issue 18; bench/estimates/WRONGPRICE-29.md): words that
name a thing which is NOT to be bought are never priced as a line. Each test is a request in a plumber's words
(our own wordings, not a case of the sets) and the lines and totals it must give: the draft's priced materials
exactly as expected, and its subtotal the catalogue's own prices times the counts (Postgres, the seeded
catalogue). Where the words do not settle the item, the line stays a cotizar or is asked back, never priced as
another row. Against the real Postgres functions (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import psycopg
import pytest

from tests.estimates.helpers import codes, draft, estimate, lines, priced, revised

SERVICE = ("mano-obra-oficial", "desplazamiento")


def _drafted(conn: psycopg.Connection, text: str, expected: dict[str, int],
             hours: Decimal | None = None) -> list[dict[str, Any]]:
    """The draft of the request has exactly the expected priced materials (and, when given, these labour hours),
    and its subtotal is the catalogue's prices times the counts of all its priced lines; its lines."""
    number = draft(conn, text)
    got = lines(conn, number)
    materials = {x["catalog_code"]: int(x["quantity"]) for x in got
                 if x["catalog_code"] and not x["to_quote"] and x["catalog_code"] not in SERVICE}
    assert materials == expected, [(x["description"], x["quantity"], x["to_quote"]) for x in got]
    if hours is not None:
        assert sum((Decimal(str(x["quantity"])) for x in got if x["catalog_code"] == "mano-obra-oficial"),
                   Decimal(0)) == hours, got
    prices = dict(conn.execute("SELECT code, unit_price FROM price_catalog").fetchall())
    want = sum((prices[x["catalog_code"]] * x["quantity"] for x in got if x["catalog_code"] and not x["to_quote"]),
               Decimal(0))
    assert estimate(conn, number)["subtotal"] == want.quantize(Decimal("0.01"))
    return got


def _prices(conn: psycopg.Connection, counts: dict[str, Decimal]) -> Decimal:
    """The catalogue's prices times the counts, to the cent."""
    prices = dict(conn.execute("SELECT code, unit_price FROM price_catalog").fetchall())
    return sum((prices[c] * q for c, q in counts.items()), Decimal(0)).quantize(Decimal("0.01"))


# 1. A thing drained is work done on it, not a thing bought (place_verbs: vaciar, vaciado) ------------------------

def test_draining_the_heater_does_not_price_a_heater(conn: psycopg.Connection) -> None:
    """The anode and the valve are bought; "vaciado del termo" is a step of the job on the same heater."""
    text = ("presupuesto: cambiar el ánodo de magnesio del termo eléctrico de 100 litros y la válvula de seguridad, más "
            "vaciado del termo, 2 h")
    got = _drafted(conn, text, {"anodo-magnesio": 1, "valvula-seguridad-termo": 1}, hours=Decimal("2"))
    assert not any("termo eléctrico" in x["description"].lower() for x in got), got


# 2. A thing said to stay is not priced ("se queda", "no se toca") ------------------------------------------------

@pytest.mark.parametrize("text, codes", [
    ("cotiza cambiar la teleducha y el flexo de ducha, el grifo termostático se queda, media hora",
     {"teleducha": 1, "flexo-ducha": 1}),
    ("cambiar los latiguillos de 40 cm del lavabo, la llave de paso de 1/2 se queda", {"latiguillo-40cm": 1}),
    ("presupuesto: cambiar el monomando de cocina, el latiguillo no se toca", {"monomando-cocina": 1}),
])
def test_a_thing_said_to_stay_is_not_priced(conn: psycopg.Connection, text: str, codes: dict[str, int]) -> None:
    _drafted(conn, text, codes)


def test_a_thing_that_stays_stuck_is_the_fault_and_is_priced(conn: psycopg.Connection) -> None:
    """"se queda goteando": how it fails, not that it stays; the tap is still changed."""
    _drafted(conn, "cambiar el grifo termostático de la ducha que se queda goteando", {"termostatico-ducha": 1})


# 3. A thing taken away is not bought ("quitar el bote sifónico y poner …") ---------------------------------------

def test_a_thing_taken_away_is_not_priced(conn: psycopg.Connection) -> None:
    got = _drafted(conn, "quitar el bote sifónico y poner 4 codos de PVC de 40 y un sifón de lavabo, 2 h",
                   {"codo-pvc-40mm": 4, "sifon-lavabo": 1}, hours=Decimal("2"))
    assert not any(x["catalog_code"] == "bote-sifonico" for x in got), got


def test_a_thing_taken_away_and_put_back_new_is_still_priced(conn: psycopg.Connection) -> None:
    """"quitar el termo y poner uno nuevo de 80 litros": the thing named is the new one's too."""
    _drafted(conn, "quitar el termo y poner uno nuevo de 80 litros", {"calentador-electrico-80l": 1})


# 4. A bare size of a line a cotizar is no size of a thing added later (revise.sql) -------------------------------

def test_a_thing_added_is_not_sized_by_a_line_a_cotizar(conn: psycopg.Connection) -> None:
    """"3 sifones de 40" stays a cotizar ("sifón 40"); "ponle también un latiguillo para el lavabo" names no
    length: the hose is a cotizar too, never the 40 cm one."""
    number = draft(conn, "presupuesto: 3 sifones de 40 y 2 m de tubo PVC 40")
    revised(conn, "ponle también un latiguillo para el lavabo")
    assert priced(conn, number) == {"tubo-pvc-40mm": Decimal(2)}, codes(conn, number)
    assert any(c is None and quote and "latiguillo" in x["description"].lower()
               for (c, _, quote), x in zip(codes(conn, number), lines(conn, number))), codes(conn, number)
    assert estimate(conn, number)["subtotal"] == _prices(conn, {"tubo-pvc-40mm": Decimal(2)})


# 5. What another thing is called is no attribute of this one ------------------------------------------------------

def test_another_things_name_does_not_settle_a_float(conn: psycopg.Connection) -> None:
    """"llaves de chorro" are garden taps ("grifo"); the cistern's "grifo flotador" is not settled by that word:
    "un flotador del tanque" is a storage tank's or a cistern's, asked."""
    got = _drafted(conn, "cambiar 2 llaves de chorro de 1/2 y un flotador del tanque", {"grifo-exterior-1-2": 2})
    float_line = [x for x in got if x["to_quote"] and "flotador" in x["description"].lower()]
    assert float_line, got


@pytest.mark.parametrize("text, codes_", [
    # the whole a row goes in still settles it: the removal of the old heater, the tank's float
    ("cambio de termo de 80 litros, retiro del viejo", {"calentador-electrico-80l": 1, "retirada-calentador": 1}),
    ("tanque de reserva de 500 litros y flotador", {"deposito-agua-500l": 1, "flotador-deposito": 1}),
])
def test_the_whole_another_thing_names_still_settles_a_row(conn: psycopg.Connection, text: str,
                                                           codes_: dict[str, int]) -> None:
    _drafted(conn, text, codes_)


# 6. A thing named before a verb that points back to it is where the work is done ---------------------------------

def test_the_whole_named_before_cambiarle_is_not_priced(conn: psycopg.Connection) -> None:
    got = _drafted(conn, "arreglar el tanque del inodoro cambiarle el obturador y ponerle un latiguillo de 30 cm",
                   {"obturador-descarga": 1, "latiguillo-30cm": 1})
    assert not any(x["catalog_code"] == "cisterna-completa" for x in got), got


# 7. A part of another whole than the one named is asked, never priced ----------------------------------------------

def test_a_float_said_with_a_cistern_part_is_asked(conn: psycopg.Connection) -> None:
    """"el flotante" is a storage tank's float valve by its alias; said with the cistern's flush mechanism it may be
    the cistern's fill valve: a cotizar, asking among both."""
    got = _drafted(conn, "cambiar el flotante y el mecanismo de descarga doble de la cisterna",
                   {"mecanismo-descarga-doble": 1})
    assert any(x["to_quote"] and "flotante" in x["description"].lower() for x in got), got


def test_a_float_said_with_its_own_tank_stays_priced(conn: psycopg.Connection) -> None:
    _drafted(conn, "cambiar el flotante del tinaco y una llave de paso de 1/2",
             {"flotador-deposito": 1, "llave-paso-1-2": 1})


# 8. A material no row is of, a size the row does not have: a cotizar ----------------------------------------------

@pytest.mark.parametrize("text, codes_", [
    # epoxy-coated gas elbows are no brass elbows (the brass nipple beside them made them brass)
    ("presupuesto gas: 2 codos epoxi 1/2, 1 niple 1/2 y llave de paso de gas 1/2", {"llave-gas-1-2": 1}),
    # the 3/4 of a relief valve said after its initials is its size: the 1/2" safety valve is not it
    ("instalar calentador eléctrico de 50 galones y válvula de alivio T&P 3/4, 3 horas", {}),
    ("instalar termo eléctrico de 80 litros y válvula de alivio T&P de 3/4", {"calentador-electrico-80l": 1}),
])
def test_a_kind_or_size_no_row_has_is_a_cotizar(conn: psycopg.Connection, text: str, codes_: dict[str, int]) -> None:
    _drafted(conn, text, codes_)


# 9. One size for all, the old one said after it as a correction (revise.sql) ----------------------------------------

def test_todo_es_de_32_no_de_25_resizes_every_line(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto: 14 m de tubo ppr 25 y 6 codos ppr 25, 3 h")
    assert priced(conn, number) == {"tubo-ppr-25mm": Decimal(14), "codo-ppr-25mm": Decimal(6),
                                    "mano-obra-oficial": Decimal(3)}, codes(conn, number)
    revised(conn, "todo es de 32 no de 25")
    want = {"tubo-ppr-32mm": Decimal(14), "codo-ppr-32mm": Decimal(6), "mano-obra-oficial": Decimal(3)}
    assert priced(conn, number) == want, codes(conn, number)
    assert estimate(conn, number)["subtotal"] == _prices(conn, want)


# 10. "X es de Y" says of X what "X de Y" says ---------------------------------------------------------------------

def test_es_de_una_bacha_is_the_sinks_bowls_not_a_basin(conn: psycopg.Connection) -> None:
    got = _drafted(conn, "presupuesto: la pileta es de una bacha, cambiarla con su sifón", {})
    assert not any(x["catalog_code"] == "lavabo-encimera" for x in got), got


# 11. A synonym that reads a part as its whole is not applied to an estimate ----------------------------------------

def test_a_grate_is_no_floor_drain(conn: psycopg.Connection) -> None:
    """"rejilla" is the shared list's "sumidero" (right for finding an article); a grate alone is not priced as a
    whole floor drain: a cotizar."""
    for text in ("poner una rejilla nueva en el desagüe del patio", "cambio de rejilla de 15x15 de la ducha"):
        got = _drafted(conn, text, {})
        assert any(x["to_quote"] for x in got), got


def test_a_floor_drain_said_is_still_priced(conn: psycopg.Connection) -> None:
    _drafted(conn, "cambiar el sumidero de la terraza", {"sumidero-sifonico": 1})
