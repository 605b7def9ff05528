"""Long WhatsApp messages: a story (what the customer said, what was seen or tried), then the question (issue 13).

A plumber's real message tells before it asks. The story's everyday words ("la señora quiere poner", "estamos
reformando") are rare among the articles, so before this they carried an article the question does not name: a
question on the drain diameter of a toilet went to installing a bidet ("quiero poner un bidé"). Now an everyday word
(in no article's title or keywords and no synonym's term) said only in the sentences that do not ask counts
``told_factor`` of itself; the trade words of the story count fully, and a message without a sentence that asks is
read whole. Measured on eval/dev-long-7.jsonl and every development set: eval/DEV-LONG-7.md.

The messages here are this file's own wording, not rows of an eval set.
"""

from __future__ import annotations

import pytest

# the story: a renovation, someone who wants something; the question: the toilet's drain diameter
STORY_THEN_QUESTION = ("Estamos reformando un baño y la señora quiere poner el inodoro en la otra pared. "
                       "¿Qué diámetro de desagüe lleva el inodoro?")


def answer(conn, question: str) -> tuple[list[str], list[str] | None]:
    slugs, choices = conn.execute("SELECT slugs, choices FROM kb_answer(%s, '')", (question,)).fetchone()
    return list(slugs), [c["slug"] for c in choices] if choices else None


def test_the_story_words_do_not_hide_the_article_the_question_names(conn) -> None:
    _, offered = answer(conn, STORY_THEN_QUESTION)
    # the bidet article (its example questions say "quiero poner") may still be offered, never alone
    assert offered is not None and "desague-diametros-aparatos" in offered, offered


def test_the_asking_sentence(conn) -> None:
    asking = lambda m: conn.execute("SELECT kb_asking_sentence(%s)", (m,)).fetchone()[0]  # noqa: E731
    assert asking(STORY_THEN_QUESTION) == "¿Qué diámetro de desagüe lleva el inodoro?"
    # every sentence with a '?' asks (a rambling message with two questions keeps both)
    assert asking("Cambio el calentador. ¿Vale la salida de humos vieja? ¿Y la tubería de gas?") == \
        "¿Vale la salida de humos vieja? ¿Y la tubería de gas?"
    # read whole: one sentence, no '?' (a speech transcript, an implied question), or a question about the story
    assert asking("¿Qué diámetro de desagüe lleva el inodoro?") is None
    assert asking("el grifo gotea ya le cambié la zapata y nada sigue goteando") is None
    assert asking("Ya le cambié la zapata al grifo. Y nada, sigue goteando.") is None
    assert asking("El grifo gotea y ya le cambié la zapata. ¿Qué más puede ser?") is None


@pytest.mark.parametrize(("message", "article"), [
    # the fault is named only in the story: its trade words count fully
    ("Tengo un termotanque que gotea por la válvula de seguridad, sale agua de a poco todo el día. El dueño dice "
     "que ya lleva así un mes. ¿Es normal o hay que cambiar la válvula?", "termo-valvula-seguridad"),
    ("Me llamó una clienta porque la cisterna no para de cargar. Fui esta mañana y el flotador está bien. "
     "¿Qué más le reviso a la cisterna?", "cisterna-pierde-agua"),
])
def test_the_trade_words_of_the_story_still_find_the_article(conn, message: str, article: str) -> None:
    assert answer(conn, message) == ([article], None)


def test_told_factor_one_reads_the_message_whole(conn) -> None:
    conn.execute("UPDATE kb_settings SET value = '1' WHERE key = 'told_factor'")
    # the cases the asking rules choose: since stop 30 the free places are filled with the next articles by score
    # (test_kb_recall_30.py), where the diameter article comes third even when the story words lead
    conn.execute("UPDATE kb_settings SET value = '1.01' WHERE key = 'offer_fill_ratio'")
    conn.execute("UPDATE kb_settings SET value = 'false' WHERE key = 'offer_likeness_case'")
    slugs, offered = answer(conn, STORY_THEN_QUESTION)
    assert slugs[0] == "bide-instalar" and "desague-diametros-aparatos" not in (offered or [])
