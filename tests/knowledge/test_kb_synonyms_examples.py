"""Synonyms (kb_synonyms), example questions (kb_examples), the words the search keeps by triggers (kb_terms,
kb_lexicon) and how a question is read (kb_analyze): staff changes apply to the next question, the seed
never overwrites a staff edit."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.conftest import KNOWLEDGE


def top(conn: psycopg.Connection, question: str) -> list[str]:
    return list(conn.execute("SELECT slugs FROM kb_context(%s)", (question,)).fetchone()[0])


# --- synonyms --------------------------------------------------------------------------------------------

def test_shared_functions_for_any_sql(conn: psycopg.Connection) -> None:
    row = conn.execute("SELECT kb_synonym_terms('se tapó la tarja y la canilla gotea'), "
                       "kb_expand('La canilla de la cocina'), kb_synonym_terms('el tanque de mi baño pierde')").fetchone()
    assert row == (["atascado", "fregadero", "grifo"], "la canilla grifo de la cocina", ["cisterna"])


def test_longer_terms_win_over_the_words_in_them(conn: psycopg.Connection) -> None:
    """'llave de paso' is not a faucet; 'llave del lavabo' is (Latin America)."""
    assert conn.execute("SELECT kb_synonym_terms('cierra la llave de paso y cambia la llave del lavabo')"
                        ).fetchone()[0] == ["llave de paso", "grifo"]
    assert conn.execute("SELECT kb_synonym_terms('me robaron las llaves del carro')").fetchone()[0] == ["coche"]


@pytest.mark.parametrize("question, articles", [
    ("la canilla del baño gotea, ¿le cambio el cuerito?", {"grifo-bicomando-zapata"}),
    ("se tapó la tarja de la cocina", {"fregadero-atascado-sifon"}),
    ("el calefón no queda prendido, se apaga el piloto", {"calentador-gas-piloto"}),
    ("el agua del termotanque tiene olor a huevo podrido", {"termo-anodo-olor"}),
    # a cistern that keeps filling: its own article, or the fill valve's (seed-supply.sql)
    ("el tanque del baño no deja de llenarse, se oye correr el agua", {"cisterna-pierde-agua", "grifo-flotador-cambiar"}),
])
def test_regional_words_find_the_article(conn: psycopg.Connection, question: str, articles: set[str]) -> None:
    found = top(conn, question)
    assert found and found[0] in articles, found


def test_a_new_synonym_applies_to_the_next_question(conn: psycopg.Connection) -> None:
    question = "el inodoro está zorrongo"   # a word no article and no synonym has
    assert top(conn, question) == []
    conn.execute("INSERT INTO kb_synonyms (term, canonical, note) VALUES ('Zorrongo', 'atascado', 'prueba')")
    assert conn.execute("SELECT term FROM kb_synonyms WHERE note = 'prueba'").fetchone()[0] == "zorrongo"
    assert top(conn, question)[:1] == ["inodoro-atascado"]
    conn.execute("UPDATE kb_synonyms SET active = false WHERE term = 'zorrongo'")
    assert top(conn, question) == []


def test_staff_edit_of_a_seeded_synonym_survives_reseeding(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE kb_synonyms SET canonical = 'grifo monomando', note = 'nota del taller' WHERE term = 'canilla'")
    conn.execute("UPDATE kb_synonyms SET active = false WHERE term = 'pluma'")
    conn.execute((KNOWLEDGE / "seed.sql").read_text())
    assert conn.execute("SELECT canonical, note FROM kb_synonyms WHERE term = 'canilla'").fetchone() == \
        ("grifo monomando", "nota del taller")
    assert conn.execute("SELECT active FROM kb_synonyms WHERE term = 'pluma'").fetchone()[0] is False


def test_a_changed_seed_updates_untouched_synonyms_only_when_it_changed(conn: psycopg.Connection) -> None:
    before = conn.execute("SELECT updated_at FROM kb_synonyms WHERE term = 'tarja'").fetchone()[0]
    conn.execute("SELECT kb_seed_synonym('tarja', 'fregadero', 'México')")   # as seeded: nothing changes
    assert conn.execute("SELECT updated_at FROM kb_synonyms WHERE term = 'tarja'").fetchone()[0] == before
    conn.execute("SELECT kb_seed_synonym('tarja', 'fregadero de cocina', 'México, Centroamérica')")
    assert conn.execute("SELECT canonical FROM kb_synonyms WHERE term = 'tarja'").fetchone()[0] == "fregadero de cocina"


# --- example questions -----------------------------------------------------------------------------------

def test_a_staff_example_question_applies_to_the_next_question(conn: psycopg.Connection) -> None:
    question = "mi depa no tiene agua caliente y el aparato hace clic clic"
    assert top(conn, question) == []
    conn.execute("INSERT INTO kb_examples (article_slug, question, source) VALUES ('calentador-gas-piloto', %s, 'miss')",
                 (question,))
    assert top(conn, question)[:1] == ["calentador-gas-piloto"]
    # a close wording finds it too
    assert top(conn, "no tengo agua caliente en el depa, el aparato hace clic")[:1] == ["calentador-gas-piloto"]
    conn.execute("DELETE FROM kb_examples WHERE question = %s", (question,))
    assert top(conn, question) == []


def test_seed_examples_are_there_and_reseeding_keeps_staff_examples(conn: psycopg.Connection) -> None:
    counts = dict(conn.execute("SELECT a.slug, count(e.id) FROM kb_articles a LEFT JOIN kb_examples e "
                               "ON e.article_slug = a.slug AND e.source = 'seed' GROUP BY a.slug").fetchall())
    seeded_23 = [slug for slug, in conn.execute("SELECT slug FROM kb_articles WHERE seed_md5 IS NOT NULL").fetchall()]
    # 3-6 seeded per article: more examples of one article than of its neighbours make it win their questions
    # (bench/quality/RETRIEVAL.md). The voices file (six more each, up to 12) was measured and not applied:
    # tests/knowledge/test_kb_voices.py, RETRIEVAL.md "Example questions in plumbers' voices".
    assert all(3 <= counts[slug] <= 6 for slug in seeded_23), counts
    conn.execute("INSERT INTO kb_examples (article_slug, question) VALUES ('golpe-de-ariete', 'truena la tubería')")
    conn.execute((KNOWLEDGE / "seed.sql").read_text())
    assert conn.execute("SELECT source FROM kb_examples WHERE question = 'truena la tubería'").fetchone()[0] == "staff"


# --- the search's own tables stay exactly what the articles, examples and synonyms say --------------------

EXPECTED_TERMS = """
    SELECT a.id, NULL::bigint, v.lexeme, min(w)::"char"
    FROM kb_articles a, unnest(a.search_vector) AS v(lexeme, positions, weights), unnest(v.weights) AS w
    GROUP BY a.id, v.lexeme
    UNION
    SELECT DISTINCT a.id, e.id, l, 'E'::"char"
    FROM kb_examples e JOIN kb_articles a ON a.slug = e.article_slug, unnest(kb_lexemes(e.question)) AS l
"""
EXPECTED_LEXICON = """
    SELECT s.l, d.n, round(d.w::numeric, 6), s.l IN (SELECT unnest(term_lexemes) FROM kb_synonyms WHERE active)
    FROM (SELECT lexeme AS l FROM kb_terms UNION SELECT unnest(term_lexemes) FROM kb_synonyms WHERE active) s
    CROSS JOIN LATERAL (
        SELECT count(*) AS n, coalesce(sum(w), 0) AS w FROM (
            SELECT t.article_id, max(kb_place_weight(t.place)) AS w FROM kb_terms t
            JOIN kb_articles a ON a.id = t.article_id AND a.active WHERE t.lexeme = s.l GROUP BY t.article_id) x) d
    WHERE d.n > 0 OR s.l IN (SELECT unnest(term_lexemes) FROM kb_synonyms WHERE active)
"""


EXPECTED_LENGTHS = """
    SELECT a.id, count(t.*) FILTER (WHERE t.example_id IS NULL AND t.place = 'A'),
           count(t.*) FILTER (WHERE t.example_id IS NOT NULL)
    FROM kb_articles a LEFT JOIN kb_terms t ON t.article_id = a.id GROUP BY a.id
"""


def assert_derived_tables_match(conn: psycopg.Connection) -> None:
    terms = set(conn.execute("SELECT article_id, example_id, lexeme, place FROM kb_terms").fetchall())
    assert terms == set(conn.execute(EXPECTED_TERMS).fetchall())
    lexicon = set(conn.execute("SELECT lexeme, ndoc, round(nplace::numeric, 6), synonym FROM kb_lexicon").fetchall())
    assert lexicon == set(conn.execute(EXPECTED_LEXICON).fetchall())
    lengths = set(conn.execute("SELECT article_id, title_keywords, examples FROM kb_article_lengths").fetchall())
    assert lengths == set(conn.execute(EXPECTED_LENGTHS).fetchall())


def test_terms_and_lexicon_follow_every_kind_of_change(conn: psycopg.Connection) -> None:
    assert_derived_tables_match(conn)
    conn.execute("""INSERT INTO kb_articles (slug, title, problem, procedure, keywords)
                    VALUES ('purgar-radiadores', 'Purgar radiadores', 'Aire en los radiadores.',
                            E'1. Abrir el purgador.\\n2. Cerrar.', 'purgador, radiador')""")
    conn.execute("SELECT kb_seed_examples('purgar-radiadores', ARRAY['el radiador está frío por arriba', 'cómo purgo'])")
    conn.execute("UPDATE kb_articles SET keywords = keywords || ', caldera' WHERE slug = 'purgar-radiadores'")
    conn.execute("UPDATE kb_articles SET slug = 'radiadores-purgar' WHERE slug = 'purgar-radiadores'")
    conn.execute("UPDATE kb_examples SET question = 'el radiador no calienta arriba' WHERE question = 'cómo purgo'")
    conn.execute("UPDATE kb_articles SET active = false WHERE slug = 'golpe-de-ariete'")
    conn.execute("INSERT INTO kb_synonyms (term, canonical) VALUES ('estufa', 'radiador')")
    conn.execute("UPDATE kb_synonyms SET active = false WHERE term = 'canilla'")
    assert_derived_tables_match(conn)
    conn.execute("DELETE FROM kb_examples WHERE article_slug = 'cisterna-pierde-agua'")
    conn.execute("DELETE FROM kb_articles WHERE slug = 'radiadores-purgar'")
    conn.execute("DELETE FROM kb_synonyms WHERE term = 'estufa'")
    assert_derived_tables_match(conn)
    conn.execute("TRUNCATE kb_examples")
    assert_derived_tables_match(conn)


# --- how a question is read ------------------------------------------------------------------------------

@pytest.mark.parametrize("question, stem, how", [
    ("elgrifo gotea", "grif", "split: elgrifo"),
    ("tengo un mono mando que gotea", "monom", "joined: mono mando"),
    ("el inodoro está a tascado", "atasc", "joined: a tascado"),
    ("qué pegamento para tubo de pe uve ce", "pvc", "letters: pe uve ce"),
    ("la tuveria del patio", "tuberi", "fuzzy: tuveria"),
    ("la valbula de seguridad", "valvul", "fuzzy: valbula"),
    ("se soltó la tuerquita del sifón", "tuerc", "diminutive: tuerquita"),
    ("la descongelación del tubo", "descongel", "fuzzy: descongelacion"),
])
def test_speech_and_spelling_repairs(conn: psycopg.Connection, question: str, stem: str, how: str) -> None:
    rows = conn.execute("SELECT lexeme, how FROM kb_analyze(%s)", (question,)).fetchall()
    assert any(lexeme == stem and how in (note or "") for lexeme, note in rows), rows


@pytest.mark.parametrize("question", ["me da calambre", "hola que tal estas", "el gato se comió la planta"])
def test_ordinary_words_are_not_mangled(conn: psycopg.Connection, question: str) -> None:
    rows = conn.execute("SELECT how FROM kb_analyze(%s)", (question,)).fetchall()
    assert not any(h and ("joined" in h or "split" in h) for h, in rows), rows
