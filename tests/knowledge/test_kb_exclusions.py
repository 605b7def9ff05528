""""Not this article if the question says…" (kb_exclusions, schema.sql; seeded in seed-neighbours.sql): a word that
names what a neighbouring article is about makes an article count kb_exclusion_factor() of its score, so the
neighbour that has the word wins. Staff add and switch off rows; a change applies to the next question."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.conftest import KNOWLEDGE
from tests.knowledge.kb_queries import answered, first


def scores(conn: psycopg.Connection, question: str) -> dict[str, float]:
    return {slug: score for slug, score in conn.execute("SELECT slug, score FROM kb_search(%s, 10)", (question,))}


# --- the seeded rows: a neighbour's word sends the question to the neighbour ---------------------------------

@pytest.mark.parametrize("question, right, neighbour", [
    # the aerator has its own article; low pressure lists it among its causes
    ("el aireador del grifo está tapado de cal y sale poca presión", "aireador-limpiar-cambiar", "presion-agua-baja"),
    # the supply hose under the sink, not the stop valve it is screwed to
    ("el flexible de la tarja pierde agua por la rosca", "fregadero-fuga-latiguillos", "llave-escuadra-cambiar"),
    # freeing a jammed garbage disposal, not what not to put into it
    ("el triturador se atascó con huesos y no lo puedo desbloquear", "triturador-zumba-no-gira",
     "triturador-que-no-echar"),
])
def test_a_neighbours_word_sends_the_question_to_the_neighbour(conn: psycopg.Connection, question: str, right: str,
                                                              neighbour: str) -> None:
    assert first(conn, question) == right
    assert answered(conn, question)[0] in (right, None)          # never the neighbour
    conn.execute("UPDATE kb_exclusions SET active = false")      # what the search did without the rows
    assert first(conn, question) == neighbour


def test_a_wet_wall_is_not_the_neighbours_ceiling(conn: psycopg.Connection) -> None:
    question = "las paredes del cuarto están húmedas y con manchas"
    assert first(conn, question) != "humedad-techo-vecino"
    conn.execute("UPDATE kb_exclusions SET active = false WHERE article_slug = 'humedad-techo-vecino'")
    assert first(conn, question) == "humedad-techo-vecino"


@pytest.mark.parametrize("question, right", [
    ("el triturador zumba y no gira", "triturador-zumba-no-gira"),
    ("el calentador a gas no calienta, se apaga el piloto", "calentador-gas-piloto"),
    ("el calentador eléctrico no calienta, creo que es la resistencia", "termo-electrico-no-calienta"),
    ("la llave de la ducha gotea y hay que cambiar la zapata", "grifo-bicomando-zapata"),
])
def test_questions_that_name_their_own_article_keep_it(conn: psycopg.Connection, question: str, right: str) -> None:
    assert first(conn, question) == right


def test_every_seeded_row_names_an_active_article_and_searchable_words(conn: psycopg.Connection) -> None:
    rows = conn.execute("""SELECT x.article_slug, x.term, x.term_lexemes, a.active FROM kb_exclusions x
                           JOIN kb_articles a ON a.slug = x.article_slug WHERE x.source = 'seed'""").fetchall()
    assert len(rows) >= 30
    for slug, term, stems, active in rows:
        assert active and stems, (slug, term)
    # no seeded term says what its own article is about (that would hide the article from its own questions)
    for slug, term in conn.execute("""SELECT x.article_slug, x.term FROM kb_exclusions x JOIN kb_articles a
                                      ON a.slug = x.article_slug
                                      WHERE x.term_lexemes <@ kb_marked_lexemes(a.title, true)""").fetchall():
        pytest.fail(f"{slug}: '{term}' is in its own title")


# --- staff-editable: a row applies to the next question, switched off it no longer does ------------------------

def test_a_row_staff_add_halves_that_article_for_questions_with_the_term(conn: psycopg.Connection) -> None:
    question = "el triturador zumba y no gira"
    before = scores(conn, question)
    conn.execute("INSERT INTO kb_exclusions (article_slug, term, note) "
                 "VALUES ('triturador-zumba-no-gira', 'Zumba', 'una prueba')")
    after = scores(conn, question)
    factor = conn.execute("SELECT kb_exclusion_factor()").fetchone()[0]
    assert after["triturador-zumba-no-gira"] == pytest.approx(before["triturador-zumba-no-gira"] * factor, rel=1e-5)
    assert {s: v for s, v in after.items() if s != "triturador-zumba-no-gira"} == \
        {s: v for s, v in before.items() if s != "triturador-zumba-no-gira" and s in after}
    # a question without the word is not touched
    other = "el triturador no da vueltas"
    assert conn.execute("SELECT count(*) FROM kb_exclusions WHERE term = 'zumba' "
                        "AND term_lexemes <@ kb_lexemes(%s)", (other,)).fetchone()[0] == 0
    conn.execute("UPDATE kb_exclusions SET active = false WHERE term = 'zumba' "
                 "AND article_slug = 'triturador-zumba-no-gira'")
    assert scores(conn, question) == before


def test_a_term_of_several_words_needs_all_of_them(conn: psycopg.Connection) -> None:
    question = "el triturador zumba y no gira"
    before = scores(conn, question)["triturador-zumba-no-gira"]
    conn.execute("INSERT INTO kb_exclusions (article_slug, term) VALUES ('triturador-zumba-no-gira', 'zumba fuerte')")
    assert scores(conn, question)["triturador-zumba-no-gira"] == pytest.approx(before)
    conn.execute("INSERT INTO kb_exclusions (article_slug, term) VALUES ('triturador-zumba-no-gira', 'no gira zumba')")
    assert scores(conn, question)["triturador-zumba-no-gira"] < before


def test_a_term_of_stop_words_only_is_refused_and_nothing_is_stored(conn: psycopg.Connection) -> None:
    with pytest.raises(psycopg.errors.CheckViolation, match="no searchable word"):
        conn.execute("INSERT INTO kb_exclusions (article_slug, term) VALUES ('triturador-gotea', 'de la')")
    conn.rollback()
    assert conn.execute("SELECT count(*) FROM kb_exclusions WHERE term = 'de la'").fetchone()[0] == 0


def test_a_row_for_an_article_that_does_not_exist_is_refused(conn: psycopg.Connection) -> None:
    with pytest.raises(psycopg.errors.ForeignKeyViolation):
        conn.execute("INSERT INTO kb_exclusions (article_slug, term) VALUES ('no-existe', 'aireador')")


def test_rows_follow_the_article_when_staff_rename_or_delete_it(conn: psycopg.Connection) -> None:
    n = conn.execute("SELECT count(*) FROM kb_exclusions WHERE article_slug = 'presion-agua-baja'").fetchone()[0]
    assert n >= 3
    conn.execute("UPDATE kb_articles SET slug = 'presion-baja' WHERE slug = 'presion-agua-baja'")
    assert conn.execute("SELECT count(*) FROM kb_exclusions WHERE article_slug = 'presion-baja'").fetchone()[0] == n
    conn.execute("DELETE FROM kb_articles WHERE slug = 'presion-baja'")
    assert conn.execute("SELECT count(*) FROM kb_exclusions WHERE article_slug = 'presion-baja'").fetchone()[0] == 0


def test_the_seed_never_switches_a_row_back_on(conn: psycopg.Connection) -> None:
    conn.execute("UPDATE kb_exclusions SET active = false, note = 'no nos sirve' "
                 "WHERE article_slug = 'presion-agua-baja' AND term = 'aireador'")
    conn.execute((KNOWLEDGE / "seed-neighbours.sql").read_text())
    assert conn.execute("SELECT active, note FROM kb_exclusions WHERE article_slug = 'presion-agua-baja' "
                        "AND term = 'aireador'").fetchone() == (False, "no nos sirve")


# --- speech-to-text: n before p/b sounds as m --------------------------------------------------------------

def test_n_before_p_or_b_sounds_as_m(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT kb_sound('bonba') = kb_sound('bomba'), kb_sound('enpaque') = kb_sound('empaque'), "
                        "kb_sound('canbio') = kb_sound('cambio')").fetchone() == (True, True, True)


def test_a_word_split_by_speech_to_text_is_joined_when_it_sounds_like_a_known_word(conn: psycopg.Connection) -> None:
    rows = conn.execute("SELECT lexeme, how FROM kb_analyze('no se como cambiarle el en paque a la llave')").fetchall()
    assert ("empaqu" in [r[0] for r in rows]), rows
    assert any("joined: en paque" in (r[1] or "") for r in rows), rows
