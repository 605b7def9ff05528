"""Sizes changed over turns in any wording, tees by their plural and English spelling, a material said with
"también", lengths in feet, kind words of a ball valve's "angular" and a union's "doble" (esfix12). Set 12
(eval/ESTIMATES-INDEPENDENT-12.md, consumed) was the symptom; the wordings here are our own.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

import psycopg

from tests.estimates.helpers import codes, draft, match, priced, revised, say


def _items(found: dict) -> dict:
    return {x["item"]: x.get("quantity") for x in found["items"] if "item" in x}


# --- tees: "tes" (too short for the plural rule) and "tee"/"tees" are the fitting "te" ---------------------------

def test_the_plural_tes_and_the_spelling_tee_are_tees(conn: psycopg.Connection) -> None:
    got = _items(match(conn, "4 tes de cobre de 22 y 3 tees ppr de 32"))
    assert got.get("te-cobre-22mm") == 4 and got.get("te-ppr-32mm") == 3, got
    assert not [c for c in got if c.startswith("tubo")], got


def test_te_alone_is_still_no_tee(conn: psycopg.Connection) -> None:
    """"te" is also a pronoun: "te paso el precio de 2 codos de cobre de 15" names no tee."""
    got = _items(match(conn, "te paso precio de 2 codos de cobre de 15"))
    assert not [c for c in got if c.startswith("te-")], got


def test_tees_of_a_material_without_size_are_completed_as_tees_not_pipe(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 3 codos y 2 tees pex, 2 horas")
    say(conn, "de 16")
    got = priced(conn, number)
    assert not [c for c in got if c.startswith("tubo")], got


# --- a material said with "también" after a thing is what the thing is made of ------------------------------------

def test_a_material_said_with_tambien_is_the_things_not_a_pipe(conn: psycopg.Connection) -> None:
    got = _items(match(conn, "6 codos de 16 tambien pex y 2 llaves de paso de 1/2"))
    assert got.get("codo-pex-16mm") == 6, got
    assert not [c for c in got if c.startswith("tubo")], got


def test_tambien_with_a_count_is_still_a_new_thing(conn: psycopg.Connection) -> None:
    got = _items(match(conn, "4 m de tubo pex de 16 y tambien 2 codos pex de 16"))
    assert got.get("tubo-pex-16mm") == 4 and got.get("codo-pex-16mm") == 2, got


def test_tees_said_with_a_material_are_one_line_of_that_material(conn: psycopg.Connection) -> None:
    found = match(conn, "instalar 4 tees cobre")
    tees = [x for x in found["items"] if x.get("choices")]
    assert len(tees) == 1 and tees[0]["quantity"] == 4, found["items"]
    assert all(c.startswith("te-cobre-") for c in tees[0]["choices"]), tees
    assert not [x for x in found["items"] if str(x.get("item", "")).startswith("tubo")], found["items"]


def test_tees_resized_over_turns_find_the_tee_row_not_the_pipe(conn: psycopg.Connection) -> None:
    number = draft(conn, "10 m de tubo pex de 16 y 3 tes de pex de 16")
    assert priced(conn, number).get("te-pex-16mm") == 3
    revised(conn, "mejor todo de 20")
    got = priced(conn, number)
    assert got.get("te-pex-20mm") == 3 and got.get("tubo-pex-20mm") == 10, got


# --- "una X más": the count, the thing, then "más" adds one of that line -------------------------------------------

def test_one_thing_more_said_after_the_thing(conn: psycopg.Connection) -> None:
    number = draft(conn, "4 codos de cobre de 22 y 2 tes de cobre de 22")
    revised(conn, "ponle un codo mas")
    got = priced(conn, number)
    assert got.get("codo-cobre-22mm") == 5 and got.get("te-cobre-22mm") == 2, got
    revised(conn, "y una te mas")
    assert priced(conn, number).get("te-cobre-22mm") == 3


# --- a size change in other wordings replaces, never adds or keeps the old size ------------------------------------

def test_a_line_named_que_sea_de_a_bare_number_is_resized_in_its_unit(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar termo electrico de 100 litros y 2 latiguillos, 2 horas")
    assert priced(conn, number).get("calentador-electrico-100l") == 1
    revised(conn, "el termo que sea de 50")
    got = priced(conn, number)
    assert got.get("calentador-electrico-50l") == 1 and "calentador-electrico-100l" not in got, got


def test_a_verb_of_changing_and_the_lines_it_names_take_the_size(conn: psycopg.Connection) -> None:
    """Only the lines named: the valve keeps its size."""
    number = draft(conn, "3 m de tubo de cobre de 15, 4 codos de cobre de 15 y una llave de paso de 1/2")
    revised(conn, "cambialo a 22 mm el tubo y los codos")
    got = priced(conn, number)
    assert got.get("tubo-cobre-22mm") == 3 and got.get("codo-cobre-22mm") == 4, got
    assert got.get("llave-paso-1-2") == 1, got


def test_the_same_size_said_twice_is_one_size_for_all(conn: psycopg.Connection) -> None:
    number = draft(conn, "2 machones de 3/4 y 1 llave de paso de 3/4")
    revised(conn, "la llave es de 1 pulgada, cambia todo a 1 pulgada")
    got = priced(conn, number)
    assert got.get("machon-laton-1") == 2 and got.get("llave-paso-1") == 1, got
    assert not {"machon-laton-3-4", "llave-paso-3-4"} & set(got), got


def test_a_row_at_the_edge_of_the_inch_range_moves_to_the_other_row(conn: psycopg.Connection) -> None:
    """A 50 mm drain is 2"; "todo de 1 1/2" (40-50 mm) is the 40 mm one, never the 50 mm kept."""
    number = draft(conn, "4 metros de tubo pvc de 50 de desague")
    assert priced(conn, number).get("tubo-pvc-50mm") == 4
    revised(conn, "mejor todo de 1 1/2 pulgada")
    got = priced(conn, number)
    assert got.get("tubo-pvc-40mm") == 4 and "tubo-pvc-50mm" not in got, got


# --- lengths in feet are metres ---------------------------------------------------------------

def test_feet_are_a_length_in_metres_not_a_size(conn: psycopg.Connection) -> None:
    got = _items(match(conn, "20 pies de tubo de cobre de 15"))
    assert got.get("tubo-cobre-15mm") == 6.1, got   # 20 ft = 6.096 m, to the cm


def test_a_number_of_feet_is_never_read_as_the_pipes_diameter(conn: psycopg.Connection) -> None:
    found = match(conn, "cuarenta pies de tubo de polietileno de una pulgada")
    assert not [x for x in found["items"] if x.get("item") == "tubo-pe-40mm"], found["items"]
    pipe = [x for x in found["items"] if "polietileno" in str(x.get("item")) or x.get("item", "").startswith("tubo-pe")]
    assert pipe and pipe[0]["quantity"] == 12.19, found["items"]




# --- words that change the kind: "doble", "angular" ----------------------------------------------------------------

def test_a_double_union_is_not_the_plain_coupling(conn: psycopg.Connection) -> None:
    got = _items(match(conn, "3 uniones dobles de 32 y 4 m de tubo ppr de 32"))
    assert not [c for c in got if c.startswith("manguito")], got
    assert got.get("tubo-ppr-32mm") == 4, got


def test_an_angle_valve_said_of_a_tap_is_not_the_tap(conn: psycopg.Connection) -> None:
    got = _items(match(conn, "poner un grifo angular en el lavadero"))
    assert not [c for c in got if c.startswith("grifo-")], got
    assert _items(match(conn, "poner una llave angular de 1/2")).get("llave-escuadra-1-2") == 1


def test_the_kind_words_migration_touches_only_the_shipped_list(conn: psycopg.Connection) -> None:
    shipped = "electrico, electrica, electronico, electronica, automatico, automatica, digital, solar"
    conn.execute("UPDATE estimate_settings SET kind_changing_words = %s", (shipped,))
    conn.execute("SELECT estimate_settings_grow_list('kind_changing_words', %s, 'doble, dobles, angular, angulares')", (shipped,))
    assert "doble" in conn.execute("SELECT kind_changing_words FROM estimate_settings").fetchone()[0]
    conn.execute("UPDATE estimate_settings SET kind_changing_words = 'electrico, solar, inteligente'")
    conn.execute("SELECT estimate_settings_grow_list('kind_changing_words', %s, 'doble, dobles, angular, angulares')", (shipped,))
    assert conn.execute("SELECT kind_changing_words FROM estimate_settings").fetchone()[0] == "electrico, solar, inteligente"


# --- the first thing asked for after "cotizar"/"presupuesto:" is never dropped; a kind and size changed at once -----

def test_the_first_thing_after_the_request_words_is_a_line_a_cotizar(conn: psycopg.Connection) -> None:
    found = match(conn, "cotizar 1 mampara de bano de 80 y 2 latiguillos de 30 cm")
    assert [x for x in found["items"] if "mampara" in str(x.get("item", ""))], found["items"]


def test_a_kind_said_with_que_sea_changes_the_line_to_that_kind_and_size(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto: 1 calentador a gas de 14 litros y 2 latiguillos de 30 cm")
    revised(conn, "mejor que sea electrico de 100 litros el calentador")
    got = priced(conn, number)
    assert got.get("calentador-electrico-100l") == 1 and "calentador-gas-14l" not in got, got


def test_the_feminine_electrica_is_the_electric_kind(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT estimate_kinds_said('terma electrica', kind_words) = estimate_kinds_said('termo electrico', kind_words)"
                        " FROM estimate_settings").fetchone()[0]


def test_a_size_with_its_unit_after_mejor_que_sea_is_no_count(conn: psycopg.Connection) -> None:
    """"mejor que sea de 100 litros, es para 3 personas": the capacity of the one heater, not a quantity of 3."""
    number = draft(conn, "termo electrico de 50 litros con 2 latiguillos de 30 cm")
    revised(conn, "no, mejor que sea de 100 litros es para 3 personas")
    got = priced(conn, number)
    assert got.get("calentador-electrico-100l") == 1 and "calentador-electrico-50l" not in got, got
    assert got.get("latiguillo-30cm") == 2, got


def test_the_second_number_of_a_measure_is_no_count_of_the_next_thing(conn: psycopg.Connection) -> None:
    got = _items(match(conn, "una mampara de 70 por 90 un monomando de ducha y 2 latiguillos de 30 cm"))
    assert got.get("monomando-ducha") == 1 and got.get("latiguillo-30cm") == 2, got


# --- a size for each line named -----------------------------------------------------------------------------------

def test_sizes_said_line_by_line_each_take_their_own(conn: psycopg.Connection) -> None:
    number = draft(conn, "4 m de tubo de cobre de 15, 3 codos de cobre de 15 y una llave de paso de 1/2")
    revised(conn, "no, que sea de 22 el tubo y los codos y la llave de tres cuartos")
    got = priced(conn, number)
    assert got.get("tubo-cobre-22mm") == 4 and got.get("codo-cobre-22mm") == 3, got
    assert got.get("llave-paso-3-4") == 1 and "llave-paso-1-2" not in got, got


def test_a_name_waits_for_the_size_said_after_the_next_one(conn: psycopg.Connection) -> None:
    number = draft(conn, "5 m de tubo multicapa de 16, 4 codos multicapa de 16 y una llave de paso de 1/2")
    revised(conn, "mejor el tubo y los codos de 20 y la llave de 3/4")
    got = priced(conn, number)
    assert got.get("tubo-multicapa-20mm") == 5 and got.get("codo-multicapa-20mm") == 4, got
    assert got.get("llave-paso-3-4") == 1, got


def test_uno_y_cuarto_is_one_and_a_quarter_inch(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT estimate_words('llave de uno y cuarto')").fetchone()[0] == "yabe 1 1/4"


def test_mejor_todo_de_a_size_completes_the_lines_a_cotizar(conn: psycopg.Connection) -> None:
    """Every line a cotizar (pressure PVC the catalogue lacks): "mejor todo de 3/4" answers them, never refused."""
    number = draft(conn, "presupuesto 5 metros de tubo pvc presion de 1/2 y 3 codos pvc de 1/2, 2 horas")
    revised(conn, "mejor todo de 3/4")
    got = codes(conn, number)
    assert not [c for c, _, q in got if c and not q and c != "mano-obra-oficial"], got


def test_a_count_before_the_next_thing_is_no_size_of_the_one_before(conn: psycopg.Connection) -> None:
    """"8 codos, 4 te": the 4 counts the tees; the elbows keep the pipe's size, never "codos de 4"."""
    got = _items(match(conn, "12 m de tubo pex de 16, 8 codos, 4 te y 2 horas"))
    assert got.get("codo-pex-16mm") == 8, got


def test_a_capacity_said_for_the_tank_never_resizes_its_float(conn: psycopg.Connection) -> None:
    number = draft(conn, "un tinaco de 600 litros con su flotador")
    before = priced(conn, number)
    assert [c for c in before if c.startswith("flotador")], before
    revised(conn, "no, mejor que sean 2500 litros el tinaco")
    got = priced(conn, number)
    assert {c: q for c, q in got.items() if c.startswith("flotador")} == {c: q for c, q in before.items() if c.startswith("flotador")}, got
