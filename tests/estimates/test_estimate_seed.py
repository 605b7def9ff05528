"""The schema and the seed run on every start: twice is the same as once, a staff edit to a seeded price
survives, staff rows are never touched; and the app role (not a superuser) can do everything."""

from __future__ import annotations

import json
from decimal import Decimal as D

import psycopg

from devstack.postgres import SCHEMA_FILES, DatabaseInfo

from .conftest import ESTIMATES
from .helpers import add_item, create, estimate

SCHEMA = (ESTIMATES / "schema.sql").read_text()
SEED = (ESTIMATES / "seed.sql").read_text()


def catalogue(conn: psycopg.Connection) -> list[tuple]:
    return conn.execute(
        "SELECT code, kind, name, unit, unit_price, aliases, taxable, active, seed_md5, updated_at"
        " FROM price_catalog ORDER BY code"
    ).fetchall()


def test_the_runner_applies_the_estimate_files_after_the_knowledge_base() -> None:
    names = [str(p.relative_to(ESTIMATES.parent)) for p in SCHEMA_FILES]
    assert names.index("estimates/schema.sql") < names.index("estimates/match.sql") < names.index("estimates/seed.sql")
    assert names.index("knowledge/schema.sql") < names.index("estimates/schema.sql")


def test_schema_and_seed_apply_twice_without_changing_anything(conn: psycopg.Connection) -> None:
    number = create(conn, [{"item": "desplazamiento", "quantity": 1}])
    before = catalogue(conn)
    settings = conn.execute("SELECT * FROM estimate_settings").fetchall()
    for _ in range(2):
        conn.execute(SCHEMA)
        conn.execute(SEED)
    assert catalogue(conn) == before
    assert conn.execute("SELECT * FROM estimate_settings").fetchall() == settings
    assert estimate(conn, number)["total"] == D("36.30")
    assert all(row[8] is not None for row in before)  # every seeded row carries its seed md5


def test_a_staff_edit_survives_the_seed_and_staff_rows_are_untouched(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE price_catalog SET unit_price = 399.00 WHERE code = 'calentador-electrico-150l'")
    conn.execute(
        "UPDATE price_catalog SET aliases = aliases || ', termo grande' WHERE code = 'calentador-electrico-100l'"
    )
    conn.execute("UPDATE price_catalog SET active = false WHERE code = 'tubo-pex-20mm'")
    conn.execute("UPDATE estimate_settings SET tax_rate = 0.10")
    add_item(conn, "bomba-achique", "149.00", name="Bomba de achique sumergible", aliases="bomba sumergible")
    conn.execute(SCHEMA)
    conn.execute(SEED)
    prices = dict(conn.execute("SELECT code, unit_price FROM price_catalog").fetchall())
    assert prices["calentador-electrico-150l"] == D("399.00")
    assert prices["bomba-achique"] == D("149.00")
    assert conn.execute(
        "SELECT aliases LIKE '%, termo grande' FROM price_catalog WHERE code = 'calentador-electrico-100l'"
    ).fetchone()[0]
    assert (
        conn.execute("SELECT active FROM price_catalog WHERE code = 'tubo-pex-20mm'").fetchone()[0] is False
    )
    assert conn.execute("SELECT tax_rate FROM estimate_settings").fetchone()[0] == D("0.1000")
    (line,) = conn.execute(
        "SELECT estimate_create('web:test', %s::jsonb) -> 'lines'",
        (json.dumps([{"item": "termo 150 l", "quantity": 1}]),),
    ).fetchone()[0]
    assert line["catalog_code"] == "calentador-electrico-150l"


def test_a_changed_seed_updates_untouched_rows_only(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE price_catalog SET unit_price = 40.00 WHERE code = 'mano-obra-oficial'")  # staff edit
    changed = SEED.replace("'Desplazamiento', 'ud', 30.00", "'Desplazamiento', 'ud', 32.00").replace(
        "'Mano de obra oficial fontanero', 'h', 38.00", "'Mano de obra oficial fontanero', 'h', 39.00"
    )
    assert changed != SEED
    conn.execute(changed)
    prices = dict(conn.execute("SELECT code, unit_price FROM price_catalog").fetchall())
    assert prices["desplazamiento"] == D("32.00")  # untouched since seeded: follows the seed
    assert prices["mano-obra-oficial"] == D("40.00")  # edited by staff: kept
    # Going back to the shipped version: mark the row as the seed's again, and the next start restores it.
    conn.execute("UPDATE price_catalog SET seed_md5 = content_md5 WHERE code = 'mano-obra-oficial'")
    conn.execute(changed)
    assert conn.execute("SELECT unit_price FROM price_catalog WHERE code = 'mano-obra-oficial'").fetchone()[
        0
    ] == D("39.00")


def test_everything_works_as_the_app_role(app_db: DatabaseInfo) -> None:
    with psycopg.connect(app_db.url) as conn:
        user, superuser = conn.execute(
            "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        assert (user, superuser) == ("remedios", False)
        owners = set(
            conn.execute(
                "SELECT tableowner FROM pg_tables WHERE tablename IN"
                " ('price_catalog', 'estimate_settings', 'estimates', 'estimate_lines', 'estimate_counters')"
            ).fetchall()
        )
        assert owners == {("remedios",)}
        conn.execute("INSERT INTO conversations (id, channel) VALUES ('wa:34600000000', 'whatsapp')")
        number = create(
            conn,
            [{"item": "junta de cera", "quantity": 1}, {"labour_hours": 1}],
            conversation="wa:34600000000",
        )
        conn.execute("SELECT estimate_mark_sent(%s)", (number,))
        conn.execute("SELECT estimate_decide(%s, 'accepted', 'ok')", (number,))
        assert "TOTAL: 54,33 €" in conn.execute("SELECT estimate_as_text(%s)", (number,)).fetchone()[0]
        conn.rollback()


def test_job_rules_seed_like_the_catalogue_staff_edits_survive_and_untouched_rules_follow_the_seed(
        conn: psycopg.Connection) -> None:
    match_sql = (ESTIMATES / "match.sql").read_text()
    rules = conn.execute("SELECT * FROM estimate_jobs ORDER BY code").fetchall()
    assert len(rules) >= 10 and all(row[-2] is not None for row in rules)  # each carries its seed md5
    conn.execute("UPDATE estimate_jobs SET labour_hours = 4 WHERE code = 'termo-electrico'")  # staff edit
    conn.execute("INSERT INTO estimate_jobs (code, name, items, labour_hours) VALUES ('staff', 'x', 'sifon-lavabo', 1)")
    changed = SEED.replace("'sifon-lavabo, sifon-fregadero', 0.5, 0,", "'sifon-lavabo, sifon-fregadero', 0.75, 0,")
    assert changed != SEED
    for _ in range(2):
        conn.execute(SCHEMA)
        conn.execute(match_sql)
        conn.execute(changed)
    hours = dict(conn.execute("SELECT code, labour_hours FROM estimate_jobs").fetchall())
    assert (hours["termo-electrico"], hours["staff"], hours["sifon"]) == (D("4.00"), D("1.00"), D("0.75"))
    assert hours["llave-paso"] == D("1.00")  # untouched and unchanged


ORIGINAL_44 = """calentador-electrico-50l calentador-electrico-80l calentador-electrico-100l calentador-electrico-150l
calentador-gas-11l calentador-gas-14l valvula-seguridad-termo kit-conexion-termo tubo-cobre-15mm tubo-cobre-18mm
tubo-cobre-22mm tubo-multicapa-16mm tubo-multicapa-20mm tubo-pex-16mm tubo-pex-20mm tubo-pvc-40mm tubo-pvc-110mm
codo-cobre-15mm codo-cobre-22mm te-cobre-15mm racor-multicapa-16mm codo-pvc-40mm codo-pvc-110mm llave-escuadra-1-2
llave-paso-3-4 latiguillo-30cm reductor-presion-3-4 cartucho-ceramico-35mm cartucho-ceramico-40mm montura-ceramica-1-2
mecanismo-descarga-doble mecanismo-alimentacion obturador-descarga junta-cera-inodoro mangueton-inodoro sifon-lavabo
sifon-fregadero mano-obra-oficial mano-obra-ayudante desplazamiento desplazamiento-urgente retirada-calentador
retirada-sanitario tasa-obra-menor""".split()


def test_the_seed_is_a_catalogue_of_at_least_300_active_example_items_in_families(conn: psycopg.Connection) -> None:
    active, examples, with_family = conn.execute(
        "SELECT count(*), count(*) FILTER (WHERE example), count(*) FILTER (WHERE family <> '')"
        " FROM price_catalog WHERE active").fetchone()
    assert active >= 300 and examples == active and with_family == active
    assert "EXAMPLE PRICES" in SEED
    codes = {code for (code,) in conn.execute("SELECT code FROM price_catalog").fetchall()}
    assert set(ORIGINAL_44) <= codes, "estimates and tests refer to the first 44 codes"
    families = dict(conn.execute("SELECT family, count(*) FROM price_catalog GROUP BY family").fetchall())
    assert len(families) >= 12 and min(families.values()) >= 2, families
    kinds = {kind for (kind,) in conn.execute("SELECT DISTINCT kind FROM price_catalog").fetchall()}
    assert kinds == {"material", "labour", "service_call", "disposal", "permit"}


def test_every_rule_names_catalogue_codes_and_shared_names_share_a_unit(conn: psycopg.Connection) -> None:
    missing = conn.execute(
        "SELECT j.code, x FROM estimate_jobs j, unnest(estimate_list(j.items) || estimate_list(j.extras)) x"
        " WHERE NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = x)").fetchall()
    assert missing == []
    assert conn.execute("SELECT count(*) FROM estimate_jobs").fetchone()[0] >= 40
    # A family name ("codo", "termo") is quoted with its unit when the size is not said: its rows must agree.
    mixed = conn.execute(
        "SELECT p.phrase, array_agg(DISTINCT c.unit) FROM estimate_phrases() p JOIN price_catalog c USING (code)"
        " GROUP BY p.phrase HAVING count(DISTINCT c.unit) > 1").fetchall()
    assert mixed == []


def test_no_alias_is_a_bare_place_or_a_word_too_common_to_be_an_item(conn: psycopg.Connection) -> None:
    bare = {"cocina", "bano", "ducha", "inodoro", "vater", "lavabo", "fregadero", "cisterna", "agua", "casa",
            "grifo", "tubo", "tuberia", "llave", "te", "agua caliente", "fuga"}
    phrases = {phrase for (phrase,) in conn.execute("SELECT DISTINCT phrase FROM estimate_phrases()").fetchall()}
    assert phrases & {w for w in bare} == set()
