"""Word lists of estimate_settings do not grow at every start (stop 33, found by time33's profile of the suite):
four estimate_settings_upgrade steps of kind_words undid each other's "already applied" check (the last rewrote
the first's new words), so every start applied the first again, kind_words grew by 71 characters and the caches
that read it were rebuilt. The list is now shipped whole by estimate_settings_ship, which also repairs a grown list
that staff never edited and leaves an edited one alone."""

from __future__ import annotations

import psycopg
from psycopg import sql

from devstack.postgres import DatabaseInfo
from tests.support.scratch_postgres import SeededCluster

SETTINGS_ROW = "SELECT to_jsonb(s) - 'updated_at' FROM estimate_settings s"   # the values, not when written
DEFAULTS = ("SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a"
            " ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
            " WHERE d.adrelid = 'estimate_settings'::regclass ORDER BY 1")


def _default(conn: psycopg.Connection, column: str) -> str:
    expr = dict(conn.execute(DEFAULTS).fetchall())[column]
    return conn.execute("SELECT " + expr).fetchone()[0]


def test_every_setting_is_the_same_after_the_files_are_applied_again(
        seeded_cluster: SeededCluster, applied_twice: DatabaseInfo) -> None:
    # a fresh copy of the once-applied template (not the session's app_db, which other tests' own connections write)
    with seeded_cluster.app_db("estimates_once") as once_db, \
            psycopg.connect(once_db.url) as once, psycopg.connect(applied_twice.url) as twice:
        assert twice.execute(DEFAULTS).fetchall() == once.execute(DEFAULTS).fetchall()
        assert twice.execute(SETTINGS_ROW).fetchall() == once.execute(SETTINGS_ROW).fetchall()
        kinds = twice.execute("SELECT kind_words FROM estimate_settings").fetchone()[0]
    assert kinds.count("desmontar / sonda") == 1 and kinds.count("epoxi,") == 1, kinds


def test_a_grown_list_staff_never_edited_is_repaired(conn: psycopg.Connection) -> None:
    shipped = _default(conn, "kind_words")
    grown = shipped.replace("acero inoxidable", "acero inoxidable; desmontar / sonda, espiral / maquina / camion", 1)
    conn.execute(sql.SQL("ALTER TABLE estimate_settings ALTER COLUMN kind_words SET DEFAULT {}").format(
        sql.Literal(grown)))
    conn.execute("UPDATE estimate_settings SET kind_words = %s", (grown,))
    conn.execute("SELECT estimate_settings_ship('kind_words', %s)", (shipped,))
    assert _default(conn, "kind_words") == shipped
    assert conn.execute("SELECT kind_words FROM estimate_settings").fetchone()[0] == shipped


def test_shipping_never_overwrites_a_staff_edited_list(conn: psycopg.Connection) -> None:
    shipped = _default(conn, "kind_words")
    conn.execute("UPDATE estimate_settings SET kind_words = 'gas / electrico; cobre / pvc'")
    conn.execute("SELECT estimate_settings_ship('kind_words', %s)", (shipped + "; nuevo / viejo",))
    assert conn.execute("SELECT kind_words FROM estimate_settings").fetchone()[0] == "gas / electrico; cobre / pvc"
    assert _default(conn, "kind_words") == shipped + "; nuevo / viejo"


def test_shipping_the_same_list_again_writes_nothing(conn: psycopg.Connection) -> None:
    shipped = _default(conn, "kind_words")
    before = conn.execute("SELECT xmin::text FROM estimate_settings").fetchone()[0]
    conn.execute("SELECT estimate_settings_ship('kind_words', %s)", (shipped,))
    assert conn.execute("SELECT xmin::text FROM estimate_settings").fetchone()[0] == before
