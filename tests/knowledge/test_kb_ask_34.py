"""Stop 34 (bench/quality/ASK-34.md): fewer wrong articles on a plumber's own words.

1. `ask_ratio` 0.85 -> 0.80: two or more articles scoring at least 0.80 of the best are asked between instead of the
   first answering. Measured on every labelled tuning set, on the seeded base and on a base without its example
   questions (ask_sweep.py --sweep-34): the wrong answers fall (27 -> 21 and 55 -> 40, label and "also"), right+offered
   rises, "missing" rises by at most one a set; the price is asking (ASK-34.md, section 2).
2. Seven neighbour rows (seed-neighbours.sql, stop 34): "not this one if…" rows for the pairs of the tuning sets' wrong
   answers, each naming its neighbour (so the two are also neighbours for ask_neighbour_ratio).

The questions here are worded for these tests (not from the evaluation files), except the gate at the end, which
reads three labelled tuning sets."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from tests.knowledge.kb_queries import answered

EVAL = Path(__file__).resolve().parents[2] / "eval"


def test_the_shipped_ask_ratio(conn: psycopg.Connection) -> None:
    assert conn.execute("SELECT shipped FROM kb_settings WHERE key = 'ask_ratio'").fetchone()[0] == "0.8"


def test_two_articles_at_0_8_of_the_best_are_asked_between(conn: psycopg.Connection) -> None:
    """The rule at the shipped ratio, on the seeded articles (the other rules switched off): a single-lever tap that
    still drips after its new cartridge, the thermostatic tap's cartridge at about 0.81 of the best. The price of the
    lower ratio: main answered with the first (right here); the plumber now picks it from two."""
    conn.execute("UPDATE kb_settings SET value = '1.01' WHERE key IN ('ask_pair_ratio', 'ask_neighbour_ratio', "
                 "'ask_trigram_ratio')")
    question = "cambié el cartucho del monomando y sigue goteando"
    (best, s1), (second, s2) = conn.execute("SELECT slug, score FROM kb_search(%s, 2)", (question,)).fetchall()
    assert 0.8 <= s2 / s1 < 0.85, (best, s1, second, s2)
    article, cases = answered(conn, question)
    assert article is None and cases[:2] == [best, second], cases
    conn.execute("UPDATE kb_settings SET value = %s WHERE key = 'ask_ratio'", (str(s2 / s1 + 0.01),))
    assert answered(conn, question) == (best, [])


# --- 2. neighbour rows ----------------------------------------------------------------------------------------------

PAIRS = [("cruce-agua-fria-caliente", "grifo-monomando-cartucho"),
         ("grifo-cocina-extraible", "grifo-instalar-nuevo"),
         ("termo-vaciado-sedimentos", "calentador-solar"),
         ("vaciar-instalacion-invierno", "tuberias-congeladas"),
         ("termo-electrico-instalar", "tinaco-instalar-altura"),
         ("tuberias-congeladas", "aislar-tuberias-coquilla"),
         ("bomba-ciclos-cortos", "hidroneumatico-precarga")]


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: "/".join(p))
def test_the_pairs_are_neighbours(conn: psycopg.Connection, pair) -> None:
    assert conn.execute("SELECT kb_is_neighbour_pair(%s, %s)", pair).fetchone()[0]


def test_charging_the_pressure_tank_s_air_is_its_own_article(conn: psycopg.Connection) -> None:
    """Main asked between the pressure tank's precharge and the short-cycling pump (at 0.88 of the best)."""
    assert answered(conn, "cómo le cargo aire al tanque del hidroneumático y a cuánta presión") == \
        ("hidroneumatico-precarga", [])


def test_a_rooftop_tank_is_not_an_electric_heater(conn: psycopg.Connection) -> None:
    """Main asked between installing a rooftop tank and installing an electric water heater."""
    assert answered(conn, "voy a poner un tinaco nuevo en la azotea, qué conexiones lleva") == \
        ("tinaco-instalar-altura", [])


def test_a_solar_heater_is_not_flushed_as_a_storage_heater(conn: psycopg.Connection) -> None:
    """Main offered the electric heater's flush second; now it is not among the cases."""
    article, cases = answered(conn, "cómo le saco el sarro al calentador solar de la azotea")
    assert "termo-vaciado-sedimentos" not in cases and article in (None, "calentador-solar"), (article, cases)
    assert article == "calentador-solar" or cases[0] == "calentador-solar"


def test_a_burst_pipe_is_not_closing_the_house_for_the_winter(conn: psycopg.Connection) -> None:
    question = "se me reventó un tubo de la fachada con la helada de anoche, qué hago"
    article, cases = answered(conn, question)
    assert article == "tuberias-congeladas", (article, cases)
    ranked = [s for (s,) in conn.execute("SELECT slug FROM kb_search(%s, 3, 0, 0)", (question,))]
    assert "vaciar-instalacion-invierno" not in ranked, ranked


# --- the tuning sets' wrong answers (label and "also" right) ----------------------------------------------------------

GATE_SETS = {"dev-jobs-10": ("dev-jobs-10-labels.json", "dev-jobs-10-also.json"),
             "dev-long-7": ("dev-long-7-labels.json", None),
             "dev-facts-1": ("dev-facts-1-labels.json", "dev-facts-1-also.json")}
# main at stop 33: 5 + 3 + 4 = 12 of 244 answered with a wrong article; this branch: WRONG_AT_MOST
WRONG_AT_MOST = 6


def test_wrong_answers_on_three_tuning_sets(conn: psycopg.Connection) -> None:
    wrong, labelled = [], 0
    for name, (labels_file, also_file) in GATE_SETS.items():
        labels = json.loads((EVAL / labels_file).read_text())
        also = json.loads((EVAL / also_file).read_text()) if also_file else {}
        for line in (EVAL / f"{name}.jsonl").read_text().splitlines():
            item = json.loads(line) if line.strip() else None
            if not item or not labels.get(item["id"]):
                continue
            labelled += 1
            article, _ = answered(conn, item["question"])
            if article and article not in {labels[item["id"]], *also.get(item["id"], [])}:
                wrong.append((item["id"], article))
    assert labelled >= 240 and len(wrong) <= WRONG_AT_MOST, wrong
