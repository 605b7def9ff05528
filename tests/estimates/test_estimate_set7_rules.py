"""General forms written from the seventh independent set's failures (issue 18; eval/ESTIMATES-INDEPENDENT-7.md,
consumed by branch esturns7): the grammar of a revision turn (the verb of change in any person, with its
clitics; the line named before the verb; "otro/otra/igual" for more of the same; a count corrected; a total said
in number words once asked), flexible hoses by their other names and the length said, a list's material kept by
every item of the list, and the general stop valve never priced at a size nobody said. Every test uses its own
wording, none copied from the set. Against the real Postgres functions and the seeded catalogue and synonym list
(tests/estimates/conftest.py)."""

from __future__ import annotations

import psycopg
import pytest

from tests.estimates.helpers import codes, draft, match, priced, revised, say


def descriptions(conn: psycopg.Connection, number: str, *, to_quote_only: bool = False) -> list[str]:
    """An estimate's line descriptions, lower case, in order."""
    return [r[0].lower() for r in conn.execute(
        "SELECT l.description FROM estimate_lines l JOIN estimates e ON e.id = l.estimate_id WHERE e.number = %s"
        " AND (l.to_quote OR NOT %s) ORDER BY l.position", (number, to_quote_only)).fetchall()]


def verb_of(conn: psycopg.Connection, word: str) -> str | None:
    return conn.execute("SELECT estimate_verb_of(%s)", (word,)).fetchone()[0]


# --- the verb of change read by its grammar, not a list of spellings ----------------------------------------------

@pytest.mark.parametrize(("word", "kind"), [
    ("quitalo", "remove"), ("quitela", "remove"), ("saquenlo", "remove"), ("sacamelas", "remove"),
    ("retirala", "remove"), ("borrele", "remove"), ("quitar", "remove"),
    ("hacelo", "make"), ("hagala", "make"), ("ponemelo", "make"), ("dejelo", "make"), ("subila", "make"),
    ("agregale", "add"), ("pone", "add"), ("agreguenle", "add"), ("metele", "add"), ("sumele", "add"),
    ("saco", None), ("retiro", None), ("la", None), ("cocina", None), ("sacaron", None),
])
def test_the_imperative_of_tu_vos_and_usted_with_clitics_is_read(conn: psycopg.Connection, word: str,
                                                                    kind: str | None) -> None:
    assert verb_of(conn, word) == kind


@pytest.mark.parametrize("removal", [
    "la mampara sácala, esa la trae el dueño",
    "la mampara quítela por favor",
    "ah la mampara retirala",
])
def test_a_line_named_before_its_verb_of_removal_is_removed(conn: psycopg.Connection, removal: str) -> None:
    number = draft(conn, "presupuesto para poner un plato de ducha de 100x70, un grifo termostático y una mampara")
    before = descriptions(conn, number)
    assert any("mampara" in d for d in before)
    answer = say(conn, removal)
    assert answer["action"] == "revised" and answer["number"] == number, answer
    after = descriptions(conn, number)
    assert len(after) == len(before) - 1 and not any("mampara" in d for d in after)
    assert "termostatico-ducha" in priced(conn, number)


def test_a_verb_of_removal_after_a_thing_not_in_the_draft_removes_nothing(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto para cambiar dos grifos de lavabo")
    answer = say(conn, "el bidé sácalo")
    assert answer.get("action") != "revised"
    assert priced(conn, number)["monomando-lavabo"] == 2


@pytest.mark.parametrize(("more", "lavabo", "cocina"), [
    ("agrégale otro de lavabo", 3, 1),
    ("y otra de cocina igualita", 2, 2),
    ("dos más de esas del lavabo", 4, 1),
    ("otro igual de lavabo para la otra casa", 3, 1),
])
def test_more_of_the_same_line_named_after_the_count(conn: psycopg.Connection, more: str, lavabo: int,
                                                      cocina: int) -> None:
    number = draft(conn, "presupuesto para cambiar dos grifos de lavabo y un grifo de cocina monomando")
    assert priced(conn, number)["monomando-lavabo"] == 2 and priced(conn, number)["monomando-cocina"] == 1
    answer = say(conn, more)
    assert answer["action"] == "revised" and answer["number"] == number, answer
    assert priced(conn, number)["monomando-lavabo"] == lavabo and priced(conn, number)["monomando-cocina"] == cocina


def test_the_same_thing_for_another_room_is_the_thing_not_what_goes_on_it(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto para cambiar un termo eléctrico de 80 litros y su válvula de seguridad")
    revised(conn, "y otro termo igualito para el piso de abajo")
    assert priced(conn, number)["calentador-electrico-80l"] == 2
    assert priced(conn, number)["valvula-seguridad-termo"] == 1


def test_another_thing_said_with_a_count_and_size_is_still_an_addition(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto: 4 metros de tubo de cobre de 15 y 2 codos de cobre de 15")
    revised(conn, "y otros tres codos de 22")
    assert priced(conn, number)["codo-cobre-15mm"] == 2 and priced(conn, number)["codo-cobre-22mm"] == 3


@pytest.mark.parametrize(("correction", "count"), [
    ("perdón, no son cinco, son tres grifos", 3),
    ("no eran 5 sino 4 grifos", 4),
    ("me confundí: no son 5 son 2", 2),
])
def test_a_count_corrected_takes_the_number_said_last(conn: psycopg.Connection, correction: str, count: int) -> None:
    number = draft(conn, "presupuesto para cambiar 5 grifos de jardín de 1/2")
    answer = say(conn, correction)
    assert answer["action"] == "revised" and answer["number"] == number, answer
    assert priced(conn, number)["grifo-exterior-1-2"] == count


@pytest.mark.parametrize(("resize", "code"), [
    ("no, mejor hacelo de cien", "calentador-electrico-100l"),
    ("póngalo de 50", "calentador-electrico-50l"),
    ("dejalo de ochenta mejor", "calentador-electrico-80l"),
])
def test_a_pronoun_and_a_bare_number_resize_the_one_line_of_one_unit_with_a_size(
        conn: psycopg.Connection, resize: str, code: str) -> None:
    number = draft(conn, "presupuesto cambio de termo eléctrico de 150 litros con dos latiguillos de 40")
    answer = say(conn, resize)
    assert answer["action"] == "revised" and answer["number"] == number, answer
    assert priced(conn, number)[code] == 1 and priced(conn, number)["latiguillo-40cm"] == 2


def test_a_bare_number_after_a_to_is_a_count_not_a_size(conn: psycopg.Connection) -> None:
    draft(conn, "presupuesto cambio de termo eléctrico de 150 litros")
    assert conn.execute("SELECT estimate_change_kind('web:test', 'déjalo en 2')").fetchone()[0] != "resize"


@pytest.mark.parametrize(("answer_words", "metres"), [
    ("nueve metros en total", 9), ("que sean 12", 12), ("tres más", 9), ("10 mts", 10),
])
def test_the_total_asked_for_is_read_in_words_or_digits(conn: psycopg.Connection, answer_words: str,
                                                         metres: int) -> None:
    number = draft(conn, "presupuesto: grifo de fregadero monomando y 6 metros de tubo pex de 16")
    asked = say(conn, "agregale más tubo")
    assert asked["action"] == "asked", asked
    answer = say(conn, answer_words)
    assert answer["action"] == "revised" and answer["number"] == number, answer
    assert priced(conn, number)["tubo-pex-16mm"] == metres


def test_the_total_waits_one_message_only(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto: grifo de fregadero monomando y 6 metros de tubo pex de 16")
    assert say(conn, "agregale más tubo")["action"] == "asked"
    say(conn, "gracias")
    assert say(conn, "nueve").get("action") != "revised"
    assert priced(conn, number)["tubo-pex-16mm"] == 6


# --- flexible hoses by their other names -------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "code"), [
    ("presupuesto grifo de lavabo con dos conectores de 20 cm", "latiguillo-20cm"),
    ("presupuesto termo de 50 litros y 2 conectores flexibles de cincuenta centímetros", "latiguillo-50cm"),
    ("presupuesto cambiar un sifón y una manguerita de 40", "latiguillo-40cm"),
    ("presupuesto 2 mangeras de 30 para el lavabo", "latiguillo-30cm"),
    ("presupuesto: dos conectores flexibles de 30 para el fregadero", "latiguillo-30cm"),
])
def test_a_flexible_by_another_name_is_priced_by_the_length_said(conn: psycopg.Connection, words: str,
                                                                 code: str) -> None:
    items = {i.get("item") for i in match(conn, words)["items"]}
    assert code in items, items
    assert not any(str(i).startswith("latiguillo-") and i != code for i in items)


@pytest.mark.parametrize("words", [
    "presupuesto grifo de cocina y dos conectores",
    "presupuesto cambiar la manguerita del lavabo",
    # "flexible" beside another name of the same thing, with only the thread size (or a length in inches, which
    # is not read yet): one line a cotizar, never the 30 cm row (the lead's check of set 8 after esturns7)
    "presupuesto: termo de 80 litros y 2 conectores flexibles de 1/2",
    'presupuesto: termo de 80 litros y 2 conectores flexibles 1/2 x 16"',
    "presupuesto termo eléctrico y dos conectores flexibles",
])
def test_a_flexible_with_no_length_is_never_guessed(conn: psycopg.Connection, words: str) -> None:
    assert not any(str(i.get("item", "")).startswith("latiguillo-") for i in match(conn, words)["items"])


@pytest.mark.parametrize("words", [
    "presupuesto para un calentador de paso y dos flexibles de gas de 50 cm",
    "presupuesto cocina a gas con su conector para gas de 40",
])
def test_a_hose_for_gas_is_no_water_flexible(conn: psycopg.Connection, words: str) -> None:
    assert not any(str(i.get("item", "")).startswith("latiguillo-") for i in match(conn, words)["items"])


# --- a list's material ------------------------------------------------------------------------------------------

def test_the_fittings_of_a_list_keep_the_pipe_s_material_and_take_its_size_when_answered(
        conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto: 12 metros de tubería multicapa, 6 codos y 2 horas")
    revised(conn, "de 16")
    assert priced(conn, number) == {"tubo-multicapa-16mm": 12, "codo-multicapa-16mm": 6, "mano-obra-oficial": 2}


def test_a_material_the_catalogue_lacks_is_never_priced_as_another(conn: psycopg.Connection) -> None:
    number = draft(conn, "presupuesto: 5 metros de tubo cpvc y 3 codos")
    revised(conn, "de media")
    assert not any(c and c.startswith(("codo-", "tubo-")) for c, _, _ in codes(conn, number)), codes(conn, number)
    quoted = descriptions(conn, number, to_quote_only=True)
    assert len(quoted) == 2 and all("cpvc" in d for d in quoted), quoted


def test_two_materials_said_leave_the_fittings_asked(conn: psycopg.Connection) -> None:
    found = match(conn, "presupuesto: 5 metros de tubo de cobre y 5 de pex y 4 codos")
    elbows = [i for i in found["items"] if "codo" in str(i.get("item", ""))]
    assert elbows and all(i["item"] == "codo" or not str(i["item"]).endswith(("cobre", "pex")) for i in elbows)


# --- the general stop valve ------------------------------------------------------------------------------------

def test_a_general_stop_valve_with_no_size_is_asked(conn: psycopg.Connection) -> None:
    found = match(conn, "presupuesto para cambiar la llave de paso general de la casa")
    assert not any(str(i.get("item", "")).startswith("llave-paso-") for i in found["items"]), found["items"]
    assert any("llave" in str(i.get("item", "")) for i in found["items"])


def test_a_general_stop_valve_with_its_size_is_priced(conn: psycopg.Connection) -> None:
    assert "llave-paso-3-4" in {i.get("item") for i in match(conn, "presupuesto llave de paso general de 3/4")["items"]}

