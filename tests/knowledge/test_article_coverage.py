"""What reaches the plumber of a cited article is its card (title, why it happens, tools and materials, every
step, the safety note, when to call a specialist: web card and WhatsApp follow-up). A figure of the problem field
is in the card (since 2026-12-06 the card carries that field whole); and the card of the labelled article carries
the required facts of the tuning questions (bench/quality/article_coverage.py --direct)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import psycopg

from bench.quality.article_coverage import card_text, one, summarize

ROOT = Path(__file__).resolve().parents[2]
# A figure with its unit: "150 psi", "7–8 bar", "99 °C", "40 mm", "5 a 10 cm"
FIGURE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:mm|cm|bar|psi|°C|°F|kW|litros)\b")


def test_every_figure_of_an_articles_symptoms_is_in_its_card(conn: psycopg.Connection) -> None:
    """The symptoms are the one field the card leaves out (the plumber sees them himself); a figure written only
    there ("gotea a 8 bar") would never reach him. Since stop 26 the problem, tools and when-to-call fields are on
    the card itself."""
    rows = conn.execute(
        "SELECT slug, symptoms, kb_article_card(a) FROM kb_articles a WHERE seed_md5 IS NOT NULL").fetchall()
    assert len(rows) > 100
    missing = {}
    for slug, symptoms, card in rows:
        text = card_text(card)
        lost = [m.group(0) for m in FIGURE.finditer(symptoms or "") if m.group(1) not in text]
        if lost:
            missing[slug] = lost
    assert not missing, f"figures the plumber never sees (only in the symptoms field): {missing}"


def test_the_card_carries_every_field_but_the_symptoms(conn: psycopg.Connection) -> None:
    """What the card is for: each of the article's fields the plumber needs, word for word, in the text he gets."""
    rows = conn.execute("SELECT slug, problem, tools_materials, call_professional, safety, kb_article_card(a) "
                        "FROM kb_articles a WHERE seed_md5 IS NOT NULL").fetchall()
    lost = {slug: [f for f in fields if f.strip() and " ".join(f.split()) not in " ".join(card_text(card).split())]
            for slug, *fields, card in rows}
    assert not {slug: f for slug, f in lost.items() if f}


def test_the_labelled_articles_card_carries_the_public_sets_facts(conn: psycopg.Connection) -> None:
    items = [json.loads(line) for line in (ROOT / "eval" / "questions.jsonl").read_text().splitlines() if line]
    rows = [row for item in items if (row := one(conn, item, {}, direct=True)) is not None]
    summary = summarize(rows)
    assert summary["questions"] >= 50
    assert summary["coverage_card"] >= 0.98, [(r["id"], r["missed"]) for r in rows if r["missed"]]


def test_a_question_the_search_answers_with_another_article_is_counted_wrong(conn: psycopg.Connection) -> None:
    item = {"id": "x", "question": "La cisterna del váter no para de correr agua", "article": "termo-anodo-olor",
            "required": [["rebosadero"], ["magnesio"]]}
    row = one(conn, item, {}, direct=False)
    assert row["card"] == "cisterna-pierde-agua" and row["right_article"] is False
    assert row["found"] == 1 and row["missed"] == [["magnesio"]]
    direct = one(conn, item, {}, direct=True)
    assert direct["card"] == "termo-anodo-olor" and direct["right_article"] is True and direct["found"] == 1
