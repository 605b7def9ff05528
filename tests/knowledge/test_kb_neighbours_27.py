"""Stop 27's neighbour rows (seed-neighbours.sql, "Stop 27"; bench/quality/NEIGHBOURS.md): a job the question names
is not its neighbour's — a new toilet is not the wax-ring repair, the small stop under a fixture is the angle stop
and not the house's stop valve, a tap that does not close is not the trap. The questions are worded for these tests,
not taken from the evaluation files."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.kb_queries import first


@pytest.mark.parametrize("question", [
    "voy a montar un wc nuevo en el baño reformado, cómo se coloca",
    "hay que instalar un inodoro nuevo, qué lleva en la salida del suelo",
])
def test_a_new_toilet_is_its_own_job(conn: psycopg.Connection, question: str) -> None:
    assert first(conn, question) == "inodoro-instalar-nuevo"


def test_the_wax_ring_article_keeps_its_repair(conn: psycopg.Connection) -> None:
    assert first(conn, "cómo cambio la junta de cera del inodoro que pierde por la base") == "inodoro-junta-cera"


def test_the_stop_under_a_fixture_is_the_angle_stop(conn: psycopg.Connection) -> None:
    assert first(conn, "la llave de paso de abajo del fregadero pierde por el eje") == "llave-escuadra-cambiar"
    # the house's stop valve keeps its own questions
    assert first(conn, "la llave de paso general de la casa no corta el agua") in (
        "llave-paso-no-cierra", "llave-de-paso-fuga")


def test_a_tap_that_does_not_close_is_not_the_trap_nor_the_stop_valve(conn: psycopg.Connection) -> None:
    assert first(conn, "el grifo del fregadero no cierra y sigue goteando") not in (
        "fregadero-cambiar-sifon", "llave-paso-no-cierra")
