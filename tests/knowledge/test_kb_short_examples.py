"""A short question staff attach from the misses list is found the next time (issue 13, point 5).

The search counts an article only when it shares at least ``min_words`` words with the question, so before this
a one-word question ("¿y el latiguillo?") was never found, even after staff had attached it to an article as an
example question: the promise "la próxima vez … recibirá este artículo" was broken for every short question.
Now a question that is one of an article's example questions (similarity ≥ ``example_same_similarity``) finds that
article whatever its length; everything else keeps the word gate.
"""

from __future__ import annotations

from tests.knowledge.test_kb_feedback import converse, found, open_misses

# Own wording, not from any eval split: one word of the trade that is in no article's title.
SHORT_QUESTION = "¿y el latiguillo?"


def test_a_short_question_attached_from_the_misses_list_is_found_next_time(conn) -> None:
    assert found(conn, SHORT_QUESTION) == (False, [])
    _, answer = converse(conn, SHORT_QUESTION, {"grounded": False, "sources": [], "not_sure": True})
    assert answer in open_misses(conn)
    result = conn.execute("SELECT kb_miss_decide(%s, 'example', 'llave-escuadra-cambiar', p_staff => 'ana')",
                          (answer,)).fetchone()[0]
    assert result["ok"] is True, result
    assert found(conn, SHORT_QUESTION) == (True, ["llave-escuadra-cambiar"])
    # the same words as written another way: case, punctuation, one slip
    assert found(conn, "Y EL LATIGUILLO") == (True, ["llave-escuadra-cambiar"])
    assert found(conn, "y el latiguilo?") == (True, ["llave-escuadra-cambiar"])


def test_a_short_question_that_is_no_example_keeps_the_word_gate(conn) -> None:
    conn.execute("INSERT INTO kb_examples (article_slug, question, source) "
                 "VALUES ('llave-escuadra-cambiar', '¿y el latiguillo?', 'miss')")
    # one shared word with a longer example is not the example: nothing found, as before
    assert found(conn, "latiguillo nuevo") == (False, [])
    assert found(conn, "¿y el sifón?") == (False, [])


def test_the_setting_turns_it_off(conn) -> None:
    conn.execute("INSERT INTO kb_examples (article_slug, question, source) "
                 "VALUES ('llave-escuadra-cambiar', '¿y el latiguillo?', 'miss')")
    conn.execute("UPDATE kb_settings SET value = '1.01' WHERE key = 'example_same_similarity'")
    assert found(conn, SHORT_QUESTION) == (False, [])
