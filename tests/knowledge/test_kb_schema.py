"""The knowledge schema and seed: idempotent, staff edits survive re-seeding, changes apply at once."""

from __future__ import annotations

import psycopg

from devstack.postgres import DatabaseInfo
from tests.knowledge.conftest import KNOWLEDGE, apply_knowledge


def test_schema_and_seed_apply_again_cleanly_as_the_app_role(app_db: DatabaseInfo) -> None:
    with psycopg.connect(app_db.url) as conn:
        before = conn.execute("SELECT count(*), max(updated_at) FROM kb_articles").fetchone()
        is_super = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]
    assert not is_super
    apply_knowledge(app_db)
    apply_knowledge(app_db)
    with psycopg.connect(app_db.url) as conn:
        after = conn.execute("SELECT count(*), max(updated_at) FROM kb_articles").fetchone()
        rules = conn.execute("SELECT count(*) FROM safety_rules").fetchone()[0]
    assert after == before, "re-seeding an unchanged seed must not touch any row"
    assert after[0] >= 20
    assert rules >= 5


def test_seed_articles_are_complete(conn: psycopg.Connection) -> None:
    rows = conn.execute(
        "SELECT slug, procedure, safety, tools_materials, call_professional, source FROM kb_articles "
        "WHERE seed_md5 IS NOT NULL").fetchall()
    for slug, procedure, safety, tools, call, source in rows:
        assert procedure.startswith("1. ") and "\n2. " in procedure, slug
        assert safety and tools and call and source, slug


def test_staff_edit_of_a_seeded_article_survives_reseeding(app_db: DatabaseInfo) -> None:
    with psycopg.connect(app_db.url, autocommit=True) as conn:
        conn.execute("UPDATE kb_articles SET procedure = procedure || E'\\n9. Nota del taller.' "
                     "WHERE slug = 'golpe-de-ariete'")
        try:
            conn.execute((KNOWLEDGE / "seed.sql").read_text())
            procedure = conn.execute("SELECT procedure FROM kb_articles WHERE slug = 'golpe-de-ariete'").fetchone()[0]
            assert procedure.endswith("9. Nota del taller.")
        finally:
            conn.execute("UPDATE kb_articles SET procedure = replace(procedure, E'\\n9. Nota del taller.', '') "
                         "WHERE slug = 'golpe-de-ariete'")
        # back to the seeded text: the seed owns it again
        assert conn.execute("SELECT seed_md5 = content_md5 FROM kb_articles WHERE slug = 'golpe-de-ariete'").fetchone()[0]


def test_a_changed_seed_updates_untouched_articles(conn: psycopg.Connection) -> None:
    row = conn.execute("SELECT slug, title, problem, symptoms, procedure, safety, tools_materials, call_professional, "
                       "source, keywords FROM kb_articles WHERE slug = 'sellado-roscas'").fetchone()
    conn.execute("SELECT kb_seed_article(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                 (row[0], row[1] + " (revisado)", *row[2:]))
    assert conn.execute("SELECT title FROM kb_articles WHERE slug = 'sellado-roscas'").fetchone()[0].endswith("(revisado)")


def test_new_and_deactivated_articles_apply_to_the_next_question(conn: psycopg.Connection) -> None:
    question = "¿Cómo ajusto el clorador salino de la piscina?"   # a job no shipped article covers
    assert conn.execute("SELECT found FROM kb_context(%s)", (question,)).fetchone()[0] is False
    conn.execute("""INSERT INTO kb_articles (slug, title, problem, procedure, safety, call_professional, source, keywords)
                    VALUES ('clorador-salino', 'Ajustar el clorador salino de la piscina', 'El agua de la piscina no tiene cloro.',
                            E'1. Medir la sal y el cloro libre.\\n2. Subir la producción del clorador un paso y medir al día siguiente.',
                            'Guantes con los productos.', 'Si la célula tiene cal.', 'Equipo técnico', 'clorador, salino, piscina, cloro')""")
    found, context, sources, slugs, _ = conn.execute("SELECT * FROM kb_context(%s)", (question,)).fetchone()
    assert found and slugs[0] == "clorador-salino"
    assert "Fuente: Ajustar el clorador salino de la piscina (KB-clorador-salino)" in sources
    conn.execute("UPDATE kb_articles SET active = false WHERE slug = 'clorador-salino'")
    assert conn.execute("SELECT found FROM kb_context(%s)", (question,)).fetchone()[0] is False


def test_staff_safety_rule_with_a_broken_pattern_does_not_break_the_check(conn: psycopg.Connection) -> None:
    conn.execute("INSERT INTO safety_rules (slug, patterns, message, priority) "
                 "VALUES ('prueba-rota', ARRAY['radiador (roto', 'caldera explot'], 'Aviso de prueba.', 10)")
    assert conn.execute("SELECT rule FROM safety_check('el radiador (roto del salón')").fetchone()[0] == "prueba-rota"
    assert conn.execute("SELECT rule FROM safety_check('la caldera explotó')").fetchone()[0] == "prueba-rota"
    assert conn.execute("SELECT triggered FROM safety_check('el grifo gotea')").fetchone()[0] is False
