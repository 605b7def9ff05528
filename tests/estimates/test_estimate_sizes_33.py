"""The plumber's sizes and kinds read once, right, in every turn (helper `est33`, stop 33, issue 18;
bench/estimates/SIZES-33.md). The general kinds the lead saw on the held-out sets after stop 32: (a) a size or kind
the plumber changes in a later turn ("mejor de 22", "que sea el de 80", "no, termostático") that the revision did not
apply to the line already priced (the old size stayed priced, or was asked about); (c) the contradiction guard's
window running into the next item of a list dictated without commas. The wordings are our own; tuning set 24 and the
lead's summary were the symptom. Every total is the catalogue's prices times the quantities, each line rounded to the
cent, from Postgres (tests/estimates/helpers.py).

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py)."""

from __future__ import annotations

import psycopg

from tests.estimates.helpers import draft, match, revised, say
from tests.support.estimate_talk import materials, said_items


# --- (a) a size said alone for the line it fits ---------------------------------------------------------------------

def test_a_bare_size_in_words_replaces_the_priced_heater(conn: psycopg.Connection) -> None:
    # (main: refused — the 50 l heater stayed priced)
    number = draft(conn, "presupuesto de un termo eléctrico de 50 litros")
    assert materials(conn, number) == [("calentador-electrico-50l", 1, False)]
    answer = revised(conn, "mejor el de ochenta")
    assert "Cambiado: Termo eléctrico 50 l → Termo eléctrico 80 l" in answer["changes"], answer["changes"]
    assert materials(conn, number) == [("calentador-electrico-80l", 1, False)]


def test_a_size_with_its_unit_replaces_the_vessel(conn: psycopg.Connection) -> None:
    # (main: refused)
    number = draft(conn, "calderín de 24 litros")
    revised(conn, "que sea de 100 litros")
    assert materials(conn, number) == [("calderin-100l", 1, False)]


def test_one_inch_in_words_replaces_the_half_inch_valve(conn: psycopg.Connection) -> None:
    # (main: asked "¿Qué cantidad, exactamente?"; the 1/2" valve stayed priced)
    number = draft(conn, "cambiar una llave de paso de 1/2")
    revised(conn, "mejor de una pulgada")
    assert materials(conn, number) == [("llave-paso-1", 1, False)]


def test_a_size_the_catalogue_lacks_leaves_the_line_a_cotizar_never_the_old_row(conn: psycopg.Connection) -> None:
    # (main: asked, the 50 l heater stayed priced)
    number = draft(conn, "presupuesto de un termo eléctrico de 50 litros")
    answer = revised(conn, "mejor de 60 litros")
    assert any("60 l (a cotizar" in c for c in answer["changes"]), answer["changes"]
    got = materials(conn, number)
    assert [(c, q, t) for c, q, t in got] == [(None, 1, True)], got


def test_a_bare_size_for_pipe_and_elbows_of_one_size_moves_both(conn: psycopg.Connection) -> None:
    # every line that fits has the same size now: all of them move, quantities kept
    number = draft(conn, "4 metros de tubo de cobre de 15 y 3 codos de 15")
    revised(conn, "mejor de 28")
    assert materials(conn, number) == [("tubo-cobre-28mm", 4, False), ("codo-cobre-28mm", 3, False)]


def test_a_line_named_with_a_bare_size_moves_alone(conn: psycopg.Connection) -> None:
    # (main: a new estimate "te de 22")
    number = draft(conn, "2 metros de tubo de cobre de 15, 2 codos de 15 y una te de 15")
    revised(conn, "la te de 22")
    assert materials(conn, number) == [("tubo-cobre-15mm", 2, False), ("codo-cobre-15mm", 2, False),
                                        ("te-cobre-22mm", 1, False)]


def test_a_removal_and_a_resize_in_one_message(conn: psycopg.Connection) -> None:
    # (main: both lines read as removals: "eso quitaría todas las partidas")
    number = draft(conn, "una llave de paso de media y un grifo de lavadora")
    revised(conn, "quita el grifo de lavadora y la llave que sea de tres cuartos")
    assert materials(conn, number) == [("llave-paso-3-4", 1, False)]


def test_a_count_said_alone_is_still_a_count(conn: psycopg.Connection) -> None:
    # a guard (main reads it so too): without "de" a number is how many, never a size
    number = draft(conn, "dos latiguillos de 30")
    revised(conn, "que sean 4")
    assert materials(conn, number) == [("latiguillo-30cm", 4, False)]


def test_the_answer_to_a_size_asked_still_completes_the_line(conn: psycopg.Connection) -> None:
    # a guard (main reads it so too): a line a cotizar asking its size takes the size answered
    number = draft(conn, "3 metros de tubo de cobre")
    revised(conn, "de 22")
    assert materials(conn, number) == [("tubo-cobre-22mm", 3, False)]


# --- (a) a kind said alone for the line it fits ---------------------------------------------------------------------

def test_a_kind_said_alone_replaces_the_priced_tap(conn: psycopg.Connection) -> None:
    # (main: refused — the single-lever shower mixer stayed priced)
    number = draft(conn, "cambiar el grifo monomando de la ducha")
    answer = revised(conn, "mejor termostático")
    assert any(c.startswith("Cambiado: Grifo monomando de ducha") and "Grifo termostático de ducha" in c
               for c in answer["changes"]), answer["changes"]
    assert materials(conn, number) == [("termostatico-ducha", 1, False)]


def test_a_kind_with_para_replaces_the_pump(conn: psycopg.Connection) -> None:
    # (main: refused — the clean-water pump stayed priced)
    number = draft(conn, "bomba sumergible de aguas limpias para el sótano")
    revised(conn, "no, mejor para aguas sucias")
    assert materials(conn, number) == [("bomba-aguas-sucias", 1, False)]


def test_a_kind_no_row_of_that_place_has_is_a_cotizar_as_said(conn: psycopg.Connection) -> None:
    # (main: refused, the bidet mixer stayed priced); never the shower's thermostatic mixer
    number = draft(conn, "grifo monomando de bidé")
    answer = revised(conn, "no, termostático")
    assert any("(a cotizar)" in c for c in answer["changes"]), answer["changes"]
    assert materials(conn, number) == [(None, 1, True)]


# --- (c) the guard's window stops at the next item of a comma-less list ------------------------------------------------

def test_a_comma_less_list_keeps_each_item_s_own_size_and_kind(conn: psycopg.Connection) -> None:
    # (main: the basin mixer a cotizar as "monomando de lavabo dos llaves de paso de tres cuartos")
    assert said_items(match(conn, "presupuesto un monomando de lavabo dos llaves de paso de tres cuartos")) == [
        ("monomando-lavabo", 1), ("llave-paso-3-4", 2)]


def test_a_count_and_a_thing_after_a_size_in_words_begin_the_next_item(conn: psycopg.Connection) -> None:
    # (main: the copper elbow a cotizar with the brass elbows' words: "… de quince tres codos de latón …")
    assert said_items(match(conn, "presupuesto un codo de cobre de quince tres codos de latón de tres cuartos")) == [
        ("codo-cobre-15mm", 1), ("codo-laton-3-4", 3)]


def test_a_size_said_with_its_unit_after_the_item_still_counts(conn: psycopg.Connection) -> None:
    # a guard (main reads it so too): the window still reads the item's own size ("… de 2 m" of a 1.5 m hose)
    found = match(conn, "una manguera de lavadora de 2 m dos latiguillos de 40 cm")
    assert ("manguera-lavadora", 1) not in said_items(found), found["items"]
    assert ("latiguillo-40cm", 2) in said_items(found)


def test_say_is_what_the_chat_sends(conn: psycopg.Connection) -> None:
    # the whole turn through estimate_converse, as the chat sends it: a new revision of the same number
    number = draft(conn, "calentador de gas de 11 litros")
    answer = say(conn, "mejor el de 14")
    assert (answer["action"], answer["number"], answer["revision"]) == ("revised", number, 2), answer
    assert materials(conn, number) == [("calentador-gas-14l", 1, False)]
