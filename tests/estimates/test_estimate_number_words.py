"""One reading of Spanish number words (helper `esattr`, stop 26, issue 18): estimate_number_words() is the one
list; estimate_word, estimate_number_word and every count or size pattern of match.sql and revise.sql read it
(estimate_count_re, estimate_size_number_re) instead of a copy of their own.

Against the real Postgres functions and the seeded catalogue (tests/estimates/conftest.py); wordings our own."""

from __future__ import annotations

import re
from pathlib import Path

import psycopg

from tests.estimates.helpers import draft, priced, revised

SQL = Path(__file__).resolve().parents[2] / "n8n-workflows" / "estimates"


def test_no_pattern_keeps_its_own_copy_of_the_number_words() -> None:
    """The alternations once written about 17 times ("un|una|uno|dos|tres…") are gone: a count pattern that
    spells the words itself would drift from the list again."""
    for name in ("match.sql", "revise.sql"):
        text = (SQL / name).read_text(encoding="utf-8")
        copies = [m.group(0) for m in re.finditer(r"(?:uno\|dos|cuatro\|cinco)", text)]
        assert not copies, (name, copies)


def test_estimate_word_folds_every_number_word_of_two_and_more(conn: psycopg.Connection) -> None:
    rows = conn.execute("SELECT key, value::numeric, estimate_word(key), estimate_number_word(key)"
                        " FROM jsonb_each_text(estimate_number_words())").fetchall()
    assert len(rows) >= 40
    for word, value, folded, number in rows:
        assert number == value, (word, number)
        if value >= 2:
            assert folded == str(int(value)), (word, folded)
        else:
            assert folded == word, (word, folded)   # "un", "una", "uno", "media" stay words


def test_the_count_words_are_one_to_fifteen_twenty_and_thirty(conn: psycopg.Connection) -> None:
    counts, from_two, sizes = conn.execute(
        "SELECT estimate_count_re(), estimate_count_re(2), estimate_size_number_re()").fetchone()
    words = set(counts.split("|"))
    assert {"un", "una", "uno", "dos", "siete", "once", "trece", "quince", "veinte", "treinta"} <= words
    assert not {"dieciseis", "veintidos", "veinticinco", "media", "cuarenta"} & words   # sizes, not counts
    assert not {"un", "una", "uno"} & set(from_two.split("|"))
    assert {"dieciseis", "veintidos", "cincuenta", "una"} <= set(sizes.split("|")) and "un" not in sizes.split("|")
    # longest first, so an alternation never stops at a shorter word's prefix
    assert counts.split("|").index("una") < counts.split("|").index("un")


def test_counts_in_words_still_read_in_a_first_message_and_in_revisions(conn: psycopg.Connection) -> None:
    number = draft(conn, "cambiar tres codos de cobre de 15 y siete metros de tubo de cobre de 15")
    got = priced(conn, number)
    assert got.get("codo-cobre-15mm") == 3 and got.get("tubo-cobre-15mm") == 7, got
    revised(conn, "los codos son doce")
    assert priced(conn, number).get("codo-cobre-15mm") == 12
