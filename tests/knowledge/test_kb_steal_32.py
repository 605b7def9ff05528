"""Stop 32 (bench/quality/STEAL-32.md): the articles of seed-jobs-31.sql no longer take their older neighbours'
questions. Each cause is tested on a plumber's wording written here (not taken from eval/dev-steal-9.jsonl or any
other evaluation file): a new article's title or keyword that carried a neighbour's key word (the drain rod's
'desatascar', the shower tray's 'pendiente', the roots article's 'presión', the rainwater's 'primer lavado', the
gutter's 'caída hacia la bajante' and 'tejado'), a "not this article if…" row that named too little ('pierde' read in
'tira agua') or that the neighbour needed (a water heater's relief valve, a leak to the flat below, PEX expansion
rings), and the staff pair that asks between a boiler losing pressure and one whose pressure rises. Every question
here is answered (or offered) differently on main."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.knowledge.kb_queries import answered, first

KNOWLEDGE = Path(__file__).resolve().parents[2] / "n8n-workflows" / "knowledge"


@pytest.mark.parametrize("question, slug", [
    # the slope of a drain pipe is pendiente-desague's, not the shower tray's title (main asked between them)
    ("qué pendiente lleva el tubo de desagüe del lavadero", "pendiente-desague"),
    # a water heater's relief valve is not the heating boiler's (main asked with caldera-presion-sube)
    ("el calentador de agua gotea por la válvula de alivio", "termo-valvula-seguridad"),
])
def test_the_old_neighbour_answers_its_own_question(conn: psycopg.Connection, question: str, slug: str) -> None:
    assert answered(conn, question) == (slug, [])


@pytest.mark.parametrize("question, slug, thief", [
    ("la válvula de alivio del boiler de la casa está goteando", "termo-valvula-seguridad", "caldera-presion-sube"),
    # washing a water tank is its cleaning, not the rainwater's 'primer lavado' (main asked with it)
    ("con qué se lava el depósito de agua de la azotea y cada cuánto tiempo", "tinaco-limpiar-desinfectar",
     "agua-lluvia-aprovechar"),
])
def test_the_old_neighbour_comes_first_and_the_new_article_is_not_offered(conn: psycopg.Connection, question: str,
                                                                          slug: str, thief: str) -> None:
    """Answered with the old neighbour at stop 32. Since stop 34 (ask34, bench/quality/ASK-34.md: ask_ratio 0.85 ->
    0.80) a second article at 0.80-0.85 of the best is asked about (the gas heater's pilot at 0.82; a biodigester at
    0.84): two of the right answers the lower ratio turns into a question, the right case first. The stop-32 point is
    kept: the new article that took the question is not among the cases."""
    article, cases = answered(conn, question)
    assert article == slug or (article is None and cases[0] == slug), (article, cases)
    assert thief not in cases, cases


def test_the_drain_rod_does_not_take_a_basin_s_clog(conn: psycopg.Connection) -> None:
    """Unblocking a basin: the drain rod's title said 'desatascar' (main asked with it first). Since stop 33 (ask33,
    bench/quality/ASK-33.md) the basin's article and its known neighbour (a "not this one if…" row names it), scoring
    close behind, are asked between: the basin's article first, the drain rod not offered."""
    article, cases = answered(conn, "el lavamanos no desagua, cómo lo destapo yo mismo")
    assert (article, cases[:1]) == (None, ["fregadero-atascado-sifon"]) and "sonda-desatascar" not in cases, cases


@pytest.mark.parametrize("question, slug, not_offered", [
    # a leak under a newly fitted tray goes to the flat below: the leak, not installing the tray
    ("instalé un plato de ducha y ahora se filtra agua por debajo", "ducha-filtracion-juntas", None),
    # the slope of a drain pipe to the stack is not the gutter's (main: the gutter first)
    ("qué caída necesita el tubo del lavadero hasta la bajante", "pendiente-desague", None),
    # low pressure with a low rooftop tank: the roots article's keyword 'agua a presión' came first on main
    ("muy poca presión en toda la casa y el tinaco está a tres metros", "tinaco-instalar-altura",
     "colector-raices-camara"),
    # PEX joined with expansion rings is never a push-fit fitting (main offered racor-rapido)
    ("cómo se hace un empalme de pex con anillo de expansión", "pex-reparacion", "racor-rapido"),
])
def test_the_neighbour_comes_first(conn: psycopg.Connection, question: str, slug: str,
                                   not_offered: str | None) -> None:
    assert first(conn, question) == slug
    article, offered = answered(conn, question)
    assert not_offered is None or not_offered not in offered


def test_a_boiler_that_rises_and_lets_water_out_is_asked_about(conn: psycopg.Connection) -> None:
    """'tira agua' reads as 'pierde agua' (a synonym): the rising-pressure article's row 'pierde' pushed it away
    and main answered caldera-pierde-presion. Now both are offered (the rising one first: the losing-pressure
    article's example of a boiler that climbs to 3 bar moved to it)."""
    article, offered = answered(conn, "la caldera sube a casi 3 bares y tira agua por la válvula")
    assert article is None and offered[:2] == ["caldera-presion-sube", "caldera-pierde-presion"]
    # a boiler that rises when hot finds the rising-pressure article first (main: the losing-pressure one)
    assert first(conn, "la presión de la caldera sube hasta casi 3 bar cuando se calientan los radiadores") == \
        "caldera-presion-sube"
    # a boiler that only loses pressure keeps its answer
    assert answered(conn, "la caldera pierde presión cada pocos días y tengo que meterle agua")[0] == \
        "caldera-pierde-presion"


def test_the_pair_asks_only_when_the_losing_pressure_article_comes_first(conn: psycopg.Connection) -> None:
    assert conn.execute(
        "SELECT a_first_only, active FROM kb_ask_between WHERE article_a = 'caldera-pierde-presion' "
        "AND article_b = 'caldera-presion-sube' AND source = 'seed'").fetchone() == (True, True)
    assert conn.execute("SELECT kb_is_ask_pair('caldera-pierde-presion', 'caldera-presion-sube'), "
                        "kb_is_ask_pair('caldera-presion-sube', 'caldera-pierde-presion')").fetchone() == (True, False)


def test_a_roof_tile_is_not_answered_by_the_gutter(conn: psycopg.Connection) -> None:
    """No article covers roofs: the gutter may be offered, never answered alone (main answered it)."""
    article, _ = answered(conn, "una teja rota deja pasar el agua de lluvia al techo del cuarto")
    assert article != "canalon-bajante-pluvial"


@pytest.mark.parametrize("question, slug", [
    ("cómo meto la sonda eléctrica por el sifón sin rayar nada", "sonda-desatascar"),
    ("cómo se usa el muelle desatascador sin romper los tubos", "sonda-desatascar"),
    ("la bajada pluvial del techo está tapada de hojas", "canalon-bajante-pluvial"),
    ("cómo se saca un accesorio sharkbite del tubo de cobre", "racor-rapido"),
    ("en la tormenta sube el agua de la alcantarilla por la ducha del sótano", "antirretorno-saneamiento"),
])
def test_the_new_articles_keep_their_own_jobs(conn: psycopg.Connection, question: str, slug: str) -> None:
    assert first(conn, question) == slug


def test_rows_this_stop_dropped_are_removed_from_a_database_seeded_before(conn: psycopg.Connection) -> None:
    """A database seeded by stop 31 has the old seeded rows: applying seed-jobs-31.sql removes them (only seeded
    ones), and keeps a row staff added with the same words."""
    conn.execute("INSERT INTO kb_exclusions (article_slug, term, source) VALUES "
                 "('caldera-presion-sube', 'pierde', 'seed'), ('termo-pierde-por-abajo', 'valvula', 'staff') "
                 "ON CONFLICT (article_slug, term) DO UPDATE SET source = EXCLUDED.source")
    conn.execute("INSERT INTO kb_examples (article_slug, question, source) VALUES "
                 "('cisterna-taza-junta', 'la mochila del inodoro se mueve y pierde agua por la unión', 'seed') "
                 "ON CONFLICT (article_slug, question) DO NOTHING")
    conn.execute((KNOWLEDGE / "seed-jobs-31.sql").read_text())
    rows = conn.execute("SELECT article_slug, term FROM kb_exclusions WHERE (article_slug, term) IN "
                        "(('caldera-presion-sube', 'pierde'), ('termo-pierde-por-abajo', 'valvula'))").fetchall()
    assert rows == [("termo-pierde-por-abajo", "valvula")]
    assert not conn.execute("SELECT 1 FROM kb_examples WHERE question = "
                            "'la mochila del inodoro se mueve y pierde agua por la unión'").fetchall()


# seed-jobs-32.sql: jobs stop 31 left without an article, measured so that they take no older neighbour's question
JOBS_32 = KNOWLEDGE / "seed-jobs-32.sql"


def test_the_new_file_is_applied_after_stop_31s_by_the_runner_and_compose() -> None:
    from devstack.postgres import SCHEMA_FILES
    assert SCHEMA_FILES.index(JOBS_32) == SCHEMA_FILES.index(KNOWLEDGE / "seed-jobs-31.sql") + 1
    init = (KNOWLEDGE.parents[1] / "deploy" / "postgres" / "db-init.sh").read_text()
    assert "knowledge/seed-jobs-31.sql knowledge/seed-jobs-32.sql " in init   # (stop 33: seed-jobs-33.sql follows it)


@pytest.mark.parametrize("question, slug", [
    ("se puede llenar la alberca con la manguera de la calle sin poner nada", "piscina-llenar-red"),
    ("qué pongo en la toma de llenado de la piscina para no contaminar el agua de la casa", "piscina-llenar-red"),
    ("cómo se encuentra con humo por dónde sale el olor de la red de desagües", "prueba-humo-desagues"),
    ("quiero alquilar un generador de humo para revisar las tuberías de saneamiento", "prueba-humo-desagues"),
])
def test_the_jobs_of_stop_32_are_found(conn: psycopg.Connection, question: str, slug: str) -> None:
    assert first(conn, question) == slug


@pytest.mark.parametrize("question, slug", [
    ("el agua de la piscina se puso verde, cuánto cloro le echo", "piscina-llenar-red"),   # no article: never this one
    ("sale humo negro por la chimenea del calentador de gas", "prueba-humo-desagues"),      # the gas articles'
    ("la manguera del riego del jardín no tiene presión", "piscina-llenar-red"),            # the irrigation's
    # a pool's pump, skimmer or filter: no article (the lead, after tests/integration/test_answer_shape.py's
    # "no article" question was answered with filling)
    ("la bomba de la piscina hace espuma en el skimmer", "piscina-llenar-red"),
    ("la bomba de la alberca mete aire y hace espuma", "piscina-llenar-red"),
])
def test_the_jobs_of_stop_32_do_not_take_their_neighbours(conn: psycopg.Connection, question: str, slug: str) -> None:
    assert answered(conn, question)[0] != slug and first(conn, question) != slug
