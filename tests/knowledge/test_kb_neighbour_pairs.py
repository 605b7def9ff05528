"""Neighbour pairs (bench/quality/RETRIEVAL.md, "Neighbour pairs (kbpairs)"): articles whose words overlap are told
apart by what the plumber names — the appliance (a water heater's tank is not the toilet's cistern), the part (a
shower's hose and diverter are not the kitchen's pull-out spray) or the place (a bathtub that will not drain is not the
kitchen sink). The questions here are worded for these tests, not taken from the evaluation files."""

from __future__ import annotations

import psycopg
import pytest

from tests.knowledge.kb_queries import answered, first

CISTERN = {"cisterna-pierde-agua", "cisterna-mecanismo-descarga", "cisterna-doble-descarga", "grifo-flotador-cambiar",
           "cisterna-condensacion"}


@pytest.mark.parametrize("question", [
    "tras cerrar la ducha la alcachofa sigue soltando gotas toda la mañana",
    "el desviador de la bañera deja salir agua por el caño cuando uso la ducha",
    "el flexo de la teleducha pierde por la tuerca",
    "la manguera de la ducha de mano gotea por la rosca",
])
def test_a_dripping_shower_or_bathtub_tap_has_its_own_article(conn: psycopg.Connection, question: str) -> None:
    assert answered(conn, question)[0] == "ducha-grifo-gotea-inversor"


def test_the_shower_article_is_a_seeded_article_with_its_safety_notes(conn: psycopg.Connection) -> None:
    title, safety, examples = conn.execute(
        "SELECT title, safety, (SELECT count(*) FROM kb_examples e WHERE e.article_slug = a.slug AND e.source = 'seed') "
        "FROM kb_articles a WHERE slug = 'ducha-grifo-gotea-inversor' AND active AND seed_md5 IS NOT NULL").fetchone()
    assert "ducha" in title.lower() and "bañera" in title.lower() and "inversor" in title.lower()
    assert "quemaduras" in safety and "empotrado" in safety
    assert 4 <= examples <= 6


@pytest.mark.parametrize("question, kitchen", [
    # a kitchen or basin tap stays with the tap articles, not the shower's
    ("el grifo monomando de la cocina gotea por el caño", "grifo-monomando-cartucho"),
    ("la canilla de dos llaves del lavabo pierde, hay que cambiar la zapata", "grifo-bicomando-zapata"),
])
def test_a_kitchen_or_basin_tap_is_not_the_shower_article(conn: psycopg.Connection, question: str,
                                                          kitchen: str) -> None:
    assert first(conn, question) == kitchen


def test_a_water_heaters_tank_is_not_the_toilets_cistern(conn: psycopg.Connection) -> None:
    # "tanque" is also the cistern (Mexico: el tanque del baño); the heater names the appliance
    for question in ("el tanque del calentador está goteando", "el tanque del boiler tiene fuga"):
        assert first(conn, question) not in CISTERN
    assert first(conn, "el tanque del baño no deja de gotear a la taza") in CISTERN


def test_a_bathtub_that_will_not_drain_is_not_the_toilet_or_the_sink(conn: psycopg.Connection) -> None:
    question = "la bañera está atascada y no traga"
    assert first(conn, question) == "ducha-desague-lento-pelo"
    assert answered(conn, question)[0] in ("ducha-desague-lento-pelo", None)


def test_caustic_soda_keeps_its_own_words(conn: psycopg.Connection) -> None:
    # a plain clogged basin is the clog article, answered without asking about chemicals
    assert answered(conn, "el lavamanos está tapado, cómo lo destapo") == ("fregadero-atascado-sifon", [])
    # a question about the chemical still finds the chemical's article
    assert answered(conn, "es peligroso echar sosa cáustica al desagüe")[0] == "sosa-caustica-riesgos"


def test_asked_back_titles_name_what_sets_the_neighbours_apart(conn: psycopg.Connection) -> None:
    """When the search asks "¿a cuál de estos casos se parece?", the plumber reads the titles: each names its part,
    appliance or place."""
    titles = dict(conn.execute("SELECT slug, lower(title) FROM kb_articles WHERE slug = ANY(%s)", ([
        "grifo-bicomando-zapata", "grifo-monomando-cartucho", "ducha-grifo-gotea-inversor",
        "grifo-cocina-extraible", "ducha-desague-lento-pelo", "fregadero-atascado-sifon"],)).fetchall())
    assert "dos manetas" in titles["grifo-bicomando-zapata"]
    assert "monomando" in titles["grifo-monomando-cartucho"]
    assert "ducha o de la bañera" in titles["ducha-grifo-gotea-inversor"]
    assert "cocina" in titles["grifo-cocina-extraible"]
    assert "bañera atascada" in titles["ducha-desague-lento-pelo"]
    assert "fregadero o lavabo" in titles["fregadero-atascado-sifon"]
