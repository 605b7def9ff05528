"""No line priced from a catalogue row that contradicts what the plumber said (helper `read32`, stop 32, issue 18;
bench/estimates/READ-32.md). The general kinds the lead saw on the held-out sets: (a) a size said that is not the
row's (a length, dimensions, a power, a thread size), (b) a kind said that is not the row's (a thread, a valve or tap
type, a use), (c) one thing read as two priced lines (what a thing is "para" after its size; a gauge a reducer comes
"con"), (d) a count said once for two things ("dos latiguillos, uno de 20 y otro de 50 cm"). The wordings are our own;
tuning set 22 and the lead's summary of the held-out kinds were the symptom. Every expected total is the catalogue's
prices times the quantities, each line rounded to the cent, from Postgres (tests/estimates/helpers.py).

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

import psycopg
import pytest

from tests.estimates.helpers import assert_lines, codes, draft, lines, match

LABOUR = "mano-obra-oficial"
CALL = "desplazamiento"


def _quoted(conn: psycopg.Connection, number: str) -> list[dict]:
    return [x for x in lines(conn, number) if x["to_quote"]]


def _items(found: dict) -> list:
    return [i.get("item") for i in found["items"] if "labour_hours" not in i]


# --- (a) a size said that is not the row's ----------------------------------------------------------------------------

def test_a_hose_length_the_row_has_not_is_a_cotizar_asking_the_length_it_has(conn: psycopg.Connection) -> None:
    # (main: the 1.5 m washing-machine hose priced for "de 2 m")
    number = draft(conn, "cuanto por instalar una manguera de lavadora de 2 m")
    got = codes(conn, number)
    assert "manguera-lavadora" not in [c for c, _, quoted in got if not quoted], got
    quoted = _quoted(conn, number)
    assert len(quoted) == 1 and "2 m" in quoted[0]["description"], quoted
    found = match(conn, "cuanto por instalar una manguera de lavadora de 2 m")
    line = next(i for i in found["items"] if i.get("item") == "manguera de lavadora de 2 m")
    assert line["choices"] == ["manguera-lavadora"], line   # what the catalogue has, asked, not priced
    assert_lines(conn, number, [(c, str(q), t) for c, q, t in got])


def test_dimensions_said_are_compared_with_the_row_s(conn: psycopg.Connection) -> None:
    # (main: the 40 x 40 cm chamber priced for "50 x 50")
    found = match(conn, "presupuesto arqueta de registro de 50 x 50 cm")
    assert "arqueta-registro" not in _items(found), found["items"]
    assert found["priced"] == 0 and found["ask_back"] == 1


def test_a_shower_hose_length_the_row_has_not(conn: psycopg.Connection) -> None:
    # (main: the 1.5 m shower hose priced for "de 1,75 m")
    found = match(conn, "un flexo de ducha de 1,75 m")
    assert "flexo-ducha" not in _items(found) and found["priced"] == 0, found["items"]
    assert found["items"][0]["choices"] == ["flexo-ducha"]


def test_a_power_said_is_compared_with_the_row_s(conn: psycopg.Connection) -> None:
    # a guard (main reads this one right too): the 750 W dirty-water pump is not priced for "de 1100 W", and the
    # same pump said at its own power is priced
    number = draft(conn, "cambiar la bomba de achique de aguas sucias de 1100 W")
    assert "bomba-aguas-sucias" not in [c for c, _, quoted in codes(conn, number) if not quoted]
    assert [x["description"] for x in _quoted(conn, number)] == ["bomba achique aguas sucias 1100 w"] or \
        "1100" in _quoted(conn, number)[0]["description"]
    assert _items(match(conn, "bomba sumergible de aguas sucias de 750 W")) == ["bomba-aguas-sucias"]


def test_metres_of_a_pipe_are_its_quantity_not_a_size(conn: psycopg.Connection) -> None:
    # a guard: a length in metres of a row sold by the metre is never read as a size against its 28 mm
    assert_lines(conn, draft(conn, "tubo de cobre de 28 de 6 metros"), [("tubo-cobre-28mm", "6", False)])


def test_a_row_whose_sizes_are_those_said_is_priced(conn: psycopg.Connection) -> None:
    # a guard: litres and centimetres said equal to the rows' own
    number = draft(conn, "termo electrico de 100 litros y 2 latiguillos de 40 cm")
    assert_lines(conn, number, [("calentador-electrico-100l", "1", False), ("latiguillo-40cm", "2", False)])


# --- (b) a kind said that is not the row's -----------------------------------------------------------------------------

@pytest.mark.parametrize("words", ["4 codos de laton de 3/4 rosca macho", "4 codos de laton de 3/4 con rosca macho"])
def test_a_male_thread_is_not_the_female_elbow(conn: psycopg.Connection, words: str) -> None:
    # (main: the female-threaded brass elbow priced)
    found = match(conn, words)
    assert "codo-laton-3-4" not in _items(found) and found["priced"] == 0, found["items"]


def test_the_thread_the_row_says_is_priced(conn: psycopg.Connection) -> None:
    assert_lines(conn, draft(conn, "4 codos de laton de 3/4 rosca hembra"), [("codo-laton-3-4", "4", False)])


def test_a_kind_the_row_does_not_say_while_other_rows_of_its_thing_do(conn: psycopg.Connection) -> None:
    # (main: the multilayer press fitting priced for a female-threaded adaptor); its choices are of its own material
    found = match(conn, "2 racores multicapa de 20 a 3/4 rosca hembra")
    assert found["priced"] == 0, found["items"]
    line = found["items"][0]
    assert all("multicapa" in c for c in line.get("choices", [])), line


def test_a_use_said_that_is_not_the_row_s(conn: psycopg.Connection) -> None:
    # (main: the shower's thermostatic mixer priced for a bidet's)
    found = match(conn, "grifo termostatico de bide")
    assert "termostatico-ducha" not in _items(found) and found["priced"] == 0, found["items"]


def test_the_kinds_are_a_list_staff_edit(conn: psycopg.Connection) -> None:
    # without the thread group (staff's edit), the male-thread elbow reads as before; the list decides, not the code
    conn.execute("UPDATE estimate_settings SET said_kind_words = "
                 "regexp_replace(said_kind_words, 'rosca macho, macho / rosca hembra, hembra; ', '')")
    assert _items(match(conn, "4 codos de laton de 3/4 rosca macho")) == ["codo-laton-3-4"]
    conn.execute("UPDATE estimate_settings SET said_kind_words = said_kind_words || '; macho / hembra'")
    assert "codo-laton-3-4" not in _items(match(conn, "4 codos de laton de 3/4 rosca macho"))


def test_a_kind_from_the_shared_synonyms(conn: psycopg.Connection) -> None:
    # "dos volantes" is no word of said_kind_words; a synonym row making it "bicomando" puts it in that kind
    assert _items(match(conn, "grifo monomando de dos volantes para el bide"))[0] == "monomando-bide"
    conn.execute("INSERT INTO kb_synonyms (term, canonical) VALUES ('dos volantes', 'bicomando')")
    found = match(conn, "grifo monomando de dos volantes para el bide")
    assert "monomando-bide" not in _items(found), found["items"]


# --- (c) one thing read as two priced lines ----------------------------------------------------------------------------

def test_what_a_sized_thing_is_for_is_not_priced(conn: psycopg.Connection) -> None:
    # (main: the 1 CV pressure group priced beside an 80 l vessel the catalogue lacks); the 24 l one was read right
    found = match(conn, "un calderin de 80 l para el grupo de presion")
    assert found["priced"] == 0 and "grupo-presion-1cv" not in _items(found), found["items"]
    assert_lines(conn, draft(conn, "un calderin de 24 l para el grupo de presion"), [("calderin-24l", "1", False)])


def test_places_said_with_y_after_para_are_places(conn: psycopg.Connection) -> None:
    # (main: a basin priced beside the three hoses for it)
    assert_lines(conn, draft(conn, "3 latiguillos de 30 para el fregadero y el lavabo"), [("latiguillo-30cm", "3", False)])


def test_a_gauge_a_reducer_comes_with_is_not_a_second_line(conn: psycopg.Connection) -> None:
    # (main: a gauge priced beside a 1 1/2" reducer the catalogue lacks); the reducer is asked among the catalogue's
    found = match(conn, "regulador de presion de 1 1/2 pulgadas con manometro")
    assert "manometro" not in _items(found) and found["priced"] == 0, found["items"]
    assert found["ask_back"] == 1 and all(c.startswith("reductor-presion") for c in found["items"][0]["choices"])


# --- (d) a count said once for two things ----------------------------------------------------------------------------

def test_one_count_for_two_sizes(conn: psycopg.Connection) -> None:
    # (main: one line "latiguillo" x2 a cotizar)
    number = draft(conn, "cambiar dos latiguillos, uno de 20 y otro de 50 cm")
    assert [(c, q) for c, q, _ in codes(conn, number) if c not in (LABOUR, CALL)] == [("latiguillo-20cm", 1),
                                                                                        ("latiguillo-50cm", 1)]


def test_one_count_for_two_capacities(conn: psycopg.Connection) -> None:
    assert_lines(conn, draft(conn, "2 termos, uno de 30 y otro de 100 litros"),
                 [("calentador-electrico-30l", "1", False), ("calentador-electrico-100l", "1", False)])


def test_counts_that_do_not_add_up_are_read_as_said(conn: psycopg.Connection) -> None:
    # a guard: "3 latiguillos, uno de 20 y otro de 50" (1 + 1 is not 3) is not split
    found = match(conn, "3 latiguillos, uno de 20 y otro de 50 cm")
    assert found == match(conn, "3 latiguillos, uno de 20 y otro de 50 cm")
    assert _items(found) != ["latiguillo-20cm", "latiguillo-50cm"]
