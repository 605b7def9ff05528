"""The word lists of estimate_list_item and estimate_clause_jobs as staff-editable estimate_settings columns
(list_lead_words, list_article_words, when_words): their documented defaults, added to an existing database, and a
staff edit that takes effect and survives the next start. Against the real Postgres functions
(tests/estimates/conftest.py)."""

from __future__ import annotations

import psycopg

from tests.estimates.conftest import ESTIMATES
from tests.estimates.helpers import match


def test_the_list_and_when_words_are_settings_with_their_defaults(conn: psycopg.Connection) -> None:
    row = conn.execute("SELECT list_lead_words, list_article_words, when_words FROM estimate_settings").fetchone()
    assert "tambien" in row[0] and "con" in row[0]
    assert row[1] == "su, sus, unos, unas"
    assert "sabado" in row[2] and "urgente" in row[2]


def test_a_staff_edit_of_the_when_words_takes_effect(conn: psycopg.Connection) -> None:
    text = "desatascar el inodoro, el turno de madrugada"
    assert "job_parts" in match(conn, text)          # "el turno de madrugada" read as a thing a cotizar
    conn.execute("UPDATE estimate_settings SET when_words = when_words || ', turno, madrugada'")
    assert "job_parts" not in match(conn, text)


def test_a_staff_edit_of_the_list_words_takes_effect(conn: psycopg.Connection) -> None:
    text = "cambiar la llave de paso de 3/4 y asimismo 2 niples galvanizados"
    assert not any(i.get("item") == "niples galvanizados" for i in match(conn, text)["items"])
    conn.execute("UPDATE estimate_settings SET list_lead_words = list_lead_words || ', asimismo'")
    assert {"item": "niples galvanizados", "quantity": 2} in match(conn, text)["items"]
    text = "cambiar la llave de paso de 3/4 y vuestro multiconector"
    assert not any(i.get("item") == "multiconector" for i in match(conn, text)["items"])
    conn.execute("UPDATE estimate_settings SET list_article_words = list_article_words || ', vuestro'")
    assert {"item": "multiconector", "quantity": 1} in match(conn, text)["items"]


def test_the_settings_columns_are_added_to_an_existing_database_and_a_staff_edit_is_kept(conn: psycopg.Connection) -> None:
    conn.execute("ALTER TABLE estimate_settings DROP COLUMN list_lead_words, DROP COLUMN list_article_words,"
                 " DROP COLUMN when_words")
    conn.execute((ESTIMATES / "match.sql").read_text())
    assert "urgente" in conn.execute("SELECT when_words FROM estimate_settings").fetchone()[0]
    conn.execute("UPDATE estimate_settings SET when_words = 'madrugada'")
    conn.execute((ESTIMATES / "match.sql").read_text())
    assert conn.execute("SELECT when_words FROM estimate_settings").fetchone() == ("madrugada",)


def test_a_grown_shipped_list_reaches_an_untouched_installation_and_never_a_staff_edited_one(
        conn: psycopg.Connection) -> None:
    shipped = "banera, ducha, lavabo, lavamanos, fregadero, lavaplatos, cocina, bide, lavadero, pila, inodoro, cisterna, " \
              "jardin, patio, terraza, exterior"
    grow = "SELECT estimate_settings_grow_list('use_words', %s, 'lavadora, lavavajillas, calefaccion')"
    conn.execute("UPDATE estimate_settings SET use_words = %s", (shipped,))   # an installation before the change
    conn.execute(grow, (shipped,))
    assert conn.execute("SELECT use_words FROM estimate_settings").fetchone()[0] == \
        shipped + ", lavadora, lavavajillas, calefaccion"
    conn.execute("UPDATE estimate_settings SET use_words = 'ducha, lavabo, regadera'")   # staff's own list
    conn.execute(grow, (shipped,))
    assert conn.execute("SELECT use_words FROM estimate_settings").fetchone()[0] == "ducha, lavabo, regadera"
    default = conn.execute("SELECT column_default FROM information_schema.columns "
                           "WHERE table_name = 'estimate_settings' AND column_name = 'use_words'").fetchone()[0]
    assert "lavadora, lavavajillas, calefaccion" in default
