"""Typed questions, stop 28 (eval/DEV-TYPOS-6.md): the little words of Spanish written by their sound are left out as
the stop words they are (kb_stop_slip), a misspelt word is not joined to the stop word after it when it respells
alone (kb_analyze), and a respelling of sound counts as the word written right (kb_respell_factor). The questions
here were written for these tests, not taken from any eval file; each test fails on the search before this stop."""

from __future__ import annotations

import psycopg
import pytest


def stems(conn: psycopg.Connection, question: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT lexeme FROM kb_analyze(%s) ORDER BY slot, alt, place",
                                       (question,)).fetchall()]


def factors(conn: psycopg.Connection, question: str) -> dict[str, float]:
    return {r[0]: r[1] for r in conn.execute("SELECT lexeme, factor FROM kb_analyze(%s) WHERE alt = 0",
                                             (question,)).fetchall()}


# --- little words written by their sound ------------------------------------------------------------------

@pytest.mark.parametrize("noisy, plain", [
    ("ay agua en el suelo del baño", "hay agua en el suelo del baño"),
    ("komo cambio la zapata del grifo", "como cambio la zapata del grifo"),
    ("kuando abro la ducha suena la tuberia", "cuando abro la ducha suena la tuberia"),
    ("gotea asta el suelo el termo", "gotea hasta el suelo el termo"),
])
def test_little_words_written_by_sound_are_left_out(conn: psycopg.Connection, noisy: str, plain: str) -> None:
    # before: "ay", "komo", "kuando", "asta" were unknown words that counted against the question's coverage
    assert stems(conn, noisy) == stems(conn, plain)


@pytest.mark.parametrize("word", ["ay", "komo", "kuando", "asta", "eyos", "kon"])
def test_a_stop_word_one_slip_of_sound_away(conn: psycopg.Connection, word: str) -> None:
    assert conn.execute("SELECT kb_stop_slip(%s)", (word,)).fetchone()[0] is True


@pytest.mark.parametrize("word", ["grifo", "tuberia", "zapata", "cartucho", "pvc"])
def test_a_word_of_the_trade_is_no_stop_word(conn: psycopg.Connection, word: str) -> None:
    assert conn.execute("SELECT kb_stop_slip(%s)", (word,)).fetchone()[0] is False


# --- a misspelt word and the stop word after it -------------------------------------------------------------

def test_a_misspelt_word_is_not_joined_to_the_stop_word_after_it(conn: psycopg.Connection) -> None:
    # before: "umedad en" was joined into "umedaden", whose stem umedad sounds as a known stem: kept as an unknown
    # word, the humidity of the question was lost
    assert "humed" in stems(conn, "tengo umedad en la pared del baño")
    assert "umedad" not in stems(conn, "tengo umedad en la pared del baño")


def test_words_split_in_two_are_still_joined(conn: psycopg.Connection) -> None:
    assert "atasc" in stems(conn, "el fregadero esta a tascado")
    assert "empaqu" in stems(conn, "cambie el en paque del grifo")


# --- a respelling of sound counts as the word ---------------------------------------------------------------

def test_a_respelled_word_counts_as_written_right(conn: psycopg.Connection) -> None:
    # "yena" is "llena" said the same way: it counts kb_respell_factor() (1), no longer kb_fuzzy_factor() (0.8)
    got = factors(conn, "la cisterna se yena muy despacio")
    assert got["llen"] == pytest.approx(1.0)
    assert got["llen"] == pytest.approx(conn.execute("SELECT kb_respell_factor()").fetchone()[0])


def test_a_correction_by_trigrams_or_keys_still_counts_less(conn: psycopg.Connection) -> None:
    # a letter changed for another ("teflom"): a correction by trigrams (kb_closest). A slip of the keys ("tefoln")
    # counts as the word since stop 29 (kb_rekey, tests/knowledge/test_typos_29.py)
    got = factors(conn, "como pongo el teflom en la rosca")
    assert got["teflon"] == pytest.approx(conn.execute("SELECT kb_fuzzy_factor()").fetchone()[0])
    assert got["teflon"] < 1.0
