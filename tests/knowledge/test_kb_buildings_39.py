"""Stop 39: kinds of buildings whose question is sometimes the building's own trouble and sometimes an ordinary
fault that happens there, safety notices reached through article links where nothing dangerous is said, several
faults in one message (tuning set eval/dev-buildings-15.jsonl and safety checklist
bench/quality/safety-15-tune.jsonl, bench/quality/BUILDINGS-39.md). Every question here is from a tuning set, never
from a held-out split."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from tests.support.tuning_set import checklist_problems, labels_not_articles, questions_copied_as_examples

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval"
CHECKLIST = ROOT / "bench" / "quality" / "safety-15-tune.jsonl"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_set_is_written_and_labelled() -> None:
    questions = rows(EVAL / "dev-buildings-15.jsonl")
    labels = json.loads((EVAL / "dev-buildings-15-labels.json").read_text())
    also = json.loads((EVAL / "dev-buildings-15-also.json").read_text())
    ids = [row["id"] for row in questions]
    assert 60 <= len(ids) == len(set(ids)) <= 80 and all(i.startswith("db15-") and row["question"]
                                                         for i, row in zip(ids, questions))
    assert set(labels) == set(ids) and set(also) <= set(ids)
    assert all(labels[i] for i in also), "an 'also' only where there is a label"
    assert sum(label is None for label in labels.values()) >= 3, "some jobs the base does not cover"
    assert {row["kind"] for row in questions} >= {f"b{n}" for n in range(1, 11)}
    assert sum(row["kind"] == "b10" for row in questions) >= 5, "several faults in one message"


def test_every_label_is_an_article(conn: psycopg.Connection) -> None:
    missing = labels_not_articles(conn, "dev-buildings-15")
    assert not missing, missing


def test_no_example_question_copies_a_question_of_the_set(conn: psycopg.Connection) -> None:
    assert not questions_copied_as_examples(conn, "dev-buildings-15")


def test_the_checklist_names_real_rules(conn: psycopg.Connection) -> None:
    problems = checklist_problems(conn, CHECKLIST)
    assert not problems, problems


# -- the search: a building's words against the job the message names -------------------------------------------

def first_case(conn: psycopg.Connection, question: str) -> str | None:
    slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (question,)).fetchone()
    return (choices[0]["slug"] if choices else slugs[0]) if slugs or choices else None


def score(conn: psycopg.Connection, question: str, slug: str) -> float:
    row = conn.execute("SELECT score FROM kb_search_rows(%s) WHERE slug = %s", (question, slug)).fetchone()
    return row[0] if row else 0.0


def test_a_superlative_is_read_as_its_plain_word(conn: psycopg.Connection) -> None:
    """"poquísima" is "poca", "lentísimo" is "lento" (kb_undiminish, as a diminutive): the low-pressure article scores
    the same for either; before stop 39 "poquisim" was an unknown word and the question half covered."""
    assert conn.execute("SELECT kb_undiminish('poquisima'), kb_undiminish('lentisimo')").fetchone() == \
        conn.execute("SELECT kb_lexeme('poca'), kb_lexeme('lento')").fetchone()
    plain = "llega con poca presión a la ducha del primer piso"
    said = "llega con poquísima presión a la ducha del primer piso"
    assert score(conn, said, "presion-agua-baja") == score(conn, plain, "presion-agua-baja") > 0
    # a word ending so that is no superlative stays as it is
    assert conn.execute("SELECT kb_undiminish('mismo'), kb_undiminish('minimo')").fetchone() == (None, None)


def test_a_house_back_in_use_whose_message_names_another_job_gets_that_job_first(conn: psycopg.Connection) -> None:
    # dev-buildings-15 db15-011 and db15-002: the reopening article was the first case
    assert first_case(conn, "dejamos la casa sola 5 meses y al volver la llave de paso de la entrada no cierra bien, "
                            "se queda goteando") == "llave-paso-no-cierra"
    assert first_case(conn, "volvemos a abrir el apartamento de la playa despues de 7 meses, a que temperatura pongo el "
                            "termo para que no haya legionela? lo tenia a 45") == "termo-temperatura-legionela"
    # and a message about the reopening itself still finds it
    assert first_case(conn, "abrimos el piso después de un año cerrado, el agua sale turbia y huele a estancada, "
                            "cuánto tiempo la dejo correr?") == "reabrir-instalacion-cerrada"


def test_an_old_building_whose_message_is_a_joint_or_a_gurgle(conn: psycopg.Connection) -> None:
    # db15-018: the plumber says the old pipe is galvanised, so it is not the lead article (it was a close second)
    question = ("casa antigua con caños de hierro galvanizado, tengo que unir un tramo de termofusión al caño viejo, "
                "qué pieza uso?")
    top = [slug for (slug,) in conn.execute("SELECT slug FROM kb_search_rows(%s) ORDER BY score DESC LIMIT 3",
                                            (question,))]
    assert "tuberia-plomo" not in top and "manguito-dielectrico" in top, top
    # db15-034: the neighbour above's bath gurgling in my basin is no damp ceiling (it was the first case)
    question = ("torre de pisos, en el baño del 3º hay gorgoteo en el lavabo cada vez que vacía la bañera el vecino "
                "de arriba")
    slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (question,)).fetchone()
    assert "humedad-techo-vecino" not in [c["slug"] for c in choices or []] + list(slugs or [])


# -- safety: the links keep their notice where the danger is said, and the words of legionella ---------------------
# (kb39 made five links strict; the lead took that back before landing: on the held-out splits 4-14 it lost 9
# notices that were needed for 7 false alarms fewer — a missed warning costs more than a needless one.)

def linked(conn: psycopg.Connection, slug: str, question: str) -> str:
    (rule,) = conn.execute("SELECT coalesce(max(rule), '') FROM safety_article_rule(%s, %s, 'web:kb39')",
                           ([slug], question)).fetchone()
    return rule


def test_the_same_links_keep_their_notice_where_the_danger_is_said(conn: psycopg.Connection) -> None:
    kept = [("fosa-septica", "la fosa séptica vieja tiene la tapa podrida y el dueño quiere que baje a ver si está "
                             "cegada", "espacio-confinado"),
            ("fosa-septica", "la fosa séptica está llena y huele", "espacio-confinado"),
            ("arqueta-registro", "el registro está lleno de agua sucia, ¿lo limpio?", "espacio-confinado"),
            ("gas-rejillas-ventilacion", "en la casa vieja el calentador de gas está en el baño y le taparon la rejilla",
             "gas-aparato-ventilacion"),
            ("tuberias-congeladas", "amaneció helado el caño y no sale ni gota", "llama-abierta"),
            ("termo-valvula-seguridad", "el manitas le puso un tapón a la válvula de seguridad del termo",
             "valvula-seguridad")]
    assert [linked(conn, slug, q) for slug, q, _ in kept] == [rule for _, _, rule in kept]


def test_a_stored_heater_stood_months_before_a_shower_warns_of_legionella_whatever_the_verbs_person(
        conn: psycopg.Connection) -> None:
    for question in ("el termo de la casa de la playa ha estado parado seis meses a 40 grados, podemos ducharnos ya?",
                     "el acumulador estuvo parado cuatro meses, me puedo duchar ya?"):
        (rule,) = conn.execute("SELECT rule FROM safety_check_conversation(%s, 'web:kb39-legionela')",
                               (question,)).fetchone()
        assert rule == "legionela", question
