"""Revision turns by their general causes (helper `esrules`, stop 27, issue 18; bench/estimates/MULTITURN-16.md):
a change followed by hours or by sending in one message, hours in every spelling (glued, "hr", corrected, days of
work, the labour named first), a thing the catalogue lacks added a cotizar, an added thing's rule hours never
stacked on the hours the plumber set, a line named then its size without a verb, "cambia X por uno de …", "bájale
a N litros el X", a line's count with its reason after a comma. Sets 1–16 (tuning) were the symptom; the wordings
here are our own.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

from decimal import Decimal

import psycopg

from tests.estimates.helpers import codes, draft, estimate, lines, priced, revised, say


def _hours(conn: psycopg.Connection, number: str) -> Decimal:
    return sum((x["quantity"] for x in lines(conn, number) if x["catalog_code"] == "mano-obra-oficial"), Decimal(0))


def _labour_lines(conn: psycopg.Connection, number: str) -> int:
    return sum(1 for x in lines(conn, number) if x["catalog_code"] == "mano-obra-oficial")


# --- two changes in one message: a thing, then hours or sending ---------------------------------------------------

def test_an_addition_and_more_hours_in_one_message_are_both_applied(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 2 codos de cobre de 15, 3 horas")
    revised(conn, "mete una llave de paso de media y 2 horas más")
    assert priced(conn, number).get("llave-paso-1-2") == 1
    assert _hours(conn, number) == 5 and _labour_lines(conn, number) == 1


def test_an_addition_then_the_job_s_hours_sets_them(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 2 codos de cobre de 15, 3 horas")
    say(conn, "añade un manguito de cobre de 15 y son 4 horas")
    assert priced(conn, number).get("manguito-cobre-15mm") == 1 and _hours(conn, number) == 4


def test_an_addition_then_send_does_both(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 2 codos de cobre de 15, 3 horas")
    answer = say(conn, "suma dos codos más y mándaselo")
    assert answer["action"] == "sent", answer
    assert priced(conn, number).get("codo-cobre-15mm") == 4 and estimate(conn, number)["status"] == "sent"


# --- hours in every spelling ---------------------------------------------------------------------------------------

def test_hours_glued_to_their_number_or_written_hr_are_hours(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 2 codos de cobre de 15, 3 horas")
    assert say(conn, "agrégale 1hr más")["action"] == "revised" and _hours(conn, number) == 4
    assert say(conn, "súmale 2 hr")["action"] == "revised" and _hours(conn, number) == 6


def test_a_correction_of_hours_takes_the_number_said_last(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 2 codos de cobre de 15, 5 horas")
    revised(conn, "no, no eran cinco horas son tres")
    assert _hours(conn, number) == 3


def test_days_of_work_with_their_hours_and_the_labour_named_first(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 2 codos de cobre de 15, 5 horas")
    revised(conn, "la mano de obra ponle tres jornales de seis horas")
    assert _hours(conn, number) == 18 and not [c for c, _, q in codes(conn, number) if q]
    # a day alone says no hours: never read as some
    assert conn.execute("SELECT estimate_hours_in('dos jornales')").fetchone()[0] is None


# --- an addition the catalogue cannot read: a cotizar as said ----------------------------------------------------

def test_an_added_thing_the_catalogue_lacks_is_a_line_a_cotizar_with_its_count(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 2 codos de cobre de 15, 3 horas")
    before = priced(conn, number)
    revised(conn, "agrégale el medidor digital también")
    say(conn, "añade 3 detectores de humedad")
    to_quote = [(x["description"], x["quantity"]) for x in lines(conn, number) if x["to_quote"]]
    assert ("medidor digital", 1) in to_quote and ("detectores de humedad", 3) in to_quote, to_quote
    assert priced(conn, number) == before   # nothing priced by a name


def test_an_added_thing_without_a_count_or_a_thing_is_still_asked(conn: psycopg.Connection) -> None:
    draft(conn, "cambiar 2 codos de cobre de 15, 3 horas")
    for words in ("añade dos cosas", "agrega unos soportes", "añade 2 de cobre"):
        assert say(conn, words)["action"] == "asked", words


def test_a_verb_of_putting_before_a_thing_adds_it_but_not_before_what_to_do(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 2 codos de cobre de 15, 3 horas")
    assert say(conn, "ponle el reloj programador")["action"] == "revised"
    assert ("reloj programador", 1) in [(x["description"], x["quantity"]) for x in lines(conn, number) if x["to_quote"]]
    assert conn.execute("SELECT estimate_change_kind('web:test', 'pon la caldera a purgar')").fetchone()[0] is None


def test_y_before_a_count_after_an_article_is_an_addition(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 2 codos de cobre de 15, 3 horas")
    assert say(conn, "y las 4 grapas dobles de 15")["action"] == "revised"
    assert ("grapas dobles de 15", 4) in [(x["description"], x["quantity"]) for x in lines(conn, number) if x["to_quote"]]


# --- an added thing's rule hours never stack on the plumber's ------------------------------------------------------

def test_an_addition_keeps_the_hours_the_plumber_set(conn: psycopg.Connection) -> None:
    """The added couplings are read with the draft's words (their size, and the job's verb "cambiar" of the line a
    cotizar), which brings the copper-pipe rule's hours: the plumber's 6 h stand, one labour line."""
    number = draft(conn, "cambiar el toallero eléctrico del baño y 3 metros de tubo de cobre de 15, son 6 horas")
    assert _hours(conn, number) == 6
    say(conn, "mete tres manguitos de cobre")
    assert priced(conn, number).get("manguito-cobre-15mm") == 3
    assert _hours(conn, number) == 6 and _labour_lines(conn, number) == 1


# --- a line named, then its size, no verb ------------------------------------------------------------------------

def test_a_line_named_then_its_size_sizes_only_that_line(conn: psycopg.Connection) -> None:
    number = draft(conn, "instalar un calentador de paso a gas y dos mangueras para agua, 2 horas")
    to_quote_before = [x["description"] for x in lines(conn, number) if x["to_quote"]]
    assert len(to_quote_before) == 2, to_quote_before
    revised(conn, "las mangueras de treinta centímetros")
    after = {x["position"]: x["description"] for x in lines(conn, number) if x["to_quote"]}
    heater = [d for d in after.values() if d.startswith("calentador")]
    assert heater == [to_quote_before[0]], after   # the heater is not given the hoses' length
    assert any("treinta" in d or "30" in d for d in after.values() if d.startswith("mangueras")), after


# --- "cambia X por uno de …" -----------------------------------------------------------------------------------------

def test_change_a_line_for_one_of_another_size_said_with_a_pronoun(conn: psycopg.Connection) -> None:
    number = draft(conn, "cotízame un termo eléctrico de 50 litros y una llave de paso de media")
    revised(conn, "cámbiale el termo por uno de 100 litros")
    got = priced(conn, number)
    assert got.get("calentador-electrico-100l") == 1 and "calentador-electrico-50l" not in got, got
    say(conn, "cambia la llave por una de tres cuartos")
    got = priced(conn, number)
    assert got.get("llave-paso-3-4") == 1 and "llave-paso-1-2" not in got, got


def test_change_for_one_of_a_size_the_catalogue_lacks_is_a_cotizar_never_the_old_row(conn: psycopg.Connection) -> None:
    number = draft(conn, "cotízame un termo eléctrico de 50 litros")
    say(conn, "cámbiale el termo por uno de 65 litros")
    assert "calentador-electrico-50l" not in priced(conn, number)
    assert [x["description"] for x in lines(conn, number) if x["to_quote"] and "65" in x["description"]]


# --- a verb of lowering or raising with a size ------------------------------------------------------------------

def test_lower_a_line_to_a_size_with_its_unit(conn: psycopg.Connection) -> None:
    number = draft(conn, "cotízame un termo eléctrico de 80 litros")
    revised(conn, "bájele a cincuenta litros el termo")
    assert priced(conn, number).get("calentador-electrico-50l") == 1
    say(conn, "súbale el termo a 100 litros")
    assert priced(conn, number).get("calentador-electrico-100l") == 1


# --- a line's count, then why ----------------------------------------------------------------------------------

def test_a_count_then_its_reason_after_a_comma_is_the_count(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar 2 codos de cobre de 15 y una llave de paso de media, 2 horas")
    revised(conn, "los codos son 4, hay dos vueltas detrás del mueble de la cocina")
    assert priced(conn, number).get("codo-cobre-15mm") == 4


def test_the_line_that_is_the_thing_said_takes_the_count(conn: psycopg.Connection) -> None:
    """Two lines named by "la llave de paso" (the stop valve, and a line a cotizar whose words also say it, the
    handwheel for the main valve): the one whose own first word is the thing said takes the count, as a removal
    reads it."""
    number = draft(conn, "presupuesto: termo eléctrico 50 l + volante para la llave de paso general + llave de paso 1/2. 2 h")
    named = [d for (d,) in conn.execute("SELECT n.description FROM estimates e, estimate_lines_named(e.id, 'la llave de paso') n "
                                        "WHERE e.number = %s", (number,)).fetchall()]
    assert len(named) == 2 and [d for d in named if d.startswith("Llave de paso")] == ['Llave de paso de esfera 1/2"'], named
    revised(conn, "la llave de paso son 2")
    assert priced(conn, number).get("llave-paso-1-2") == 2


def test_the_unit_said_with_a_count_picks_the_line_measured_in_it(conn: psycopg.Connection) -> None:
    """"el cobre" names the copper pipe and the copper elbows; "metros" says which."""
    number = draft(conn, "cambiar 3 metros de tubo de cobre de 15 y 5 codos de cobre de 15")
    revised(conn, "el cobre son cuatro metros y no tres")
    got = priced(conn, number)
    assert got.get("tubo-cobre-15mm") == 4 and got.get("codo-cobre-15mm") == 5, got


def test_change_a_line_to_one_of_another_size_said_with_a_and_a_pronoun(conn: psycopg.Connection) -> None:
    number = draft(conn, "cotízame un termo eléctrico de 50 litros")
    revised(conn, "cámbiame el termo a uno de 80 litros")
    got = priced(conn, number)
    assert got.get("calentador-electrico-80l") == 1 and "calentador-electrico-50l" not in got, got


def test_an_addition_whose_reading_leaves_only_rule_hours_adds_the_thing_a_cotizar(conn: psycopg.Connection) -> None:
    """Copper pipe on the draft, "codos de 1/2" added: the catalogue's 1/2" elbow is brass, so the draft's reading keeps
    no elbow and only its job rule's hours were left — added as a second labour line, the elbows lost. Now the rule
    hours are dropped (the draft has its hours) and the elbows are added as said, a cotizar, never the brass row."""
    number = draft(conn, "presupuesto para colocar un acumulador a gas de 75 litros y 3 metros de tubo de cobre de media")
    hours = _hours(conn, number)
    revised(conn, "añádele cuatro codos de media")
    assert ("codos de media", 4) in [(x["description"], x["quantity"]) for x in lines(conn, number) if x["to_quote"]]
    assert _hours(conn, number) == hours and _labour_lines(conn, number) == 1
    assert "codo-laton-1-2" not in priced(conn, number)


def test_one_thing_added_with_two_sizes_is_never_merged_into_the_line_of_one_of_them(conn: psycopg.Connection) -> None:
    """"codos de 25 con rosca macho de 3/4" are transition fittings: not more of the plain 25 mm elbows."""
    number = draft(conn, "instalar 6 metros de tubo ppr de 25 con 5 codos ppr de 25, 3 horas")
    assert priced(conn, number).get("codo-ppr-25mm") == 5
    revised(conn, "añádele tres codos de 25 con rosca macho de tres cuartos")
    assert priced(conn, number).get("codo-ppr-25mm") == 5
    assert [x for x in lines(conn, number) if x["to_quote"] and x["quantity"] == 3 and "rosca macho" in x["description"]]
