"""Small talk decided by a general rule (issue 13, item 4): a short message with a small-talk phrase and a few
other words ("muchísimas gracias, me ahorraste una vuelta") gets the friendly reply, unless those other words
ask something or name plumbing (the staff list not_small_talk_words of "Assistant settings"); emojis count as
words. Own examples, written for this test (not from eval/dev-smalltalk.jsonl nor any held-out set). The
evaluation's small_talk_reply and the workflow's node "What is the plumber asking for?" must decide alike."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from eval import prompting
from eval.prompting import small_talk_reply
from tests.workflows.test_answer_shape import CHAT, SETTINGS, run_nodes

HELLO, THERE, OK, THANKS, BYE, WHO = ("¡Hola! Soy", "¡Hola! Sí, aquí estoy", "¡Perfecto!", "¡De nada!",
                                      "¡Hasta luego!", "Soy Remedios")
SMALL_TALK = {
    "muchísimas gracias, me ahorraste una vuelta": THANKS,
    "gracias hermano, todo perfecto": THANKS,  # ack and thanks: the lower line (thanks) wins
    "se agradece la mano, colega": THANKS,
    "🙏": THANKS,
    "👍👍": OK,
    "jeje ok": OK,
    "dale, nos hablamos": BYE,
    "cuídate mucho, jefe": BYE,
    "qué lo que, mi hermano": HELLO,
    "holaaa buen día a todos 👋": HELLO,
    "oye ¿sigues por ahí?": THERE,
    "¿Hola? ¿Hay alguien?": THERE,  # greeting and "are you there": the lower line wins
    "¿eres una IA?": WHO,
    "¿y con quién hablo yo?": WHO,
}
QUESTIONS = [
    "gracias, ¿y cuánto aprieto la tuerca?",
    "ok, pero la rejilla huele mal",
    "hola, el lavavajillas no desagua",
    "dale, ¿y con qué lo sello?",
    "buenas, gotea la unión del codo",
    "gracias, todavía sale turbia",
    "vale, mañana vuelvo a revisar el tubo de la lavadora",
    "listo, ¿ahora abro el paso?",
    "👍 y después purgo el radiador?",
    # long: a phrase inside a long message does not decide it
    "gracias amigo, la verdad me sirvió muchísimo toda la explicación de ayer en la casa del señor",
]


def node_replies(texts: list[str], settings: dict[str, Any] | None = None,
                 safety: str = "") -> list[dict[str, Any]]:
    words = {a["name"]: a["value"] for n in CHAT["nodes"] if n["name"] == "Estimate and person words"
             for a in n["parameters"]["assignments"]["assignments"]}
    return run_nodes([{
        "node": "What is the plumber asking for?",
        "json": {"safety_message": safety, "safety_rule": "x" if safety else ""},
        "nodes": {"Estimate and person words": words, "Assistant settings": settings or SETTINGS,
                  "Read message": {"text": text, "metadata": {}}},
    } for text in texts])


def test_short_small_talk_with_more_words_gets_its_reply() -> None:
    for text, start in SMALL_TALK.items():
        reply = small_talk_reply(text)
        assert reply is not None and reply.startswith(start), (text, reply)


def test_look_alikes_stay_questions() -> None:
    for text in QUESTIONS:
        assert small_talk_reply(text) is None, text


def test_the_workflow_node_decides_like_the_evaluation() -> None:
    texts = list(SMALL_TALK) + QUESTIONS
    for text, result in zip(texts, node_replies(texts)):
        assert result["small_talk_reply"] == (small_talk_reply(text) or ""), json.dumps(text)


def test_safety_estimate_and_person_are_never_small_talk() -> None:
    [with_safety] = node_replies(["mil gracias, me salvaste"], safety="AVISO DE SEGURIDAD")
    assert with_safety["small_talk_reply"] == ""
    for result in node_replies(["gracias, pásame con una persona", "hola, presupuesto de un termo"]):
        assert result["small_talk_reply"] == "" and (result["wants_person"] or result["wants_estimate"])


def test_staff_settings_change_the_decision_alike_in_node_and_evaluation() -> None:
    text, blocked = "gracias, me ahorraste una vuelta", "gracias, vuelvo mañana"
    tight = {**SETTINGS, "small_talk_max_words": 3}
    assert small_talk_reply(text, max_words=3) is None
    assert node_replies([text], tight)[0]["small_talk_reply"] == ""
    # a word ending in * blocks every word that starts so; without the star only the whole word
    for not_with, expected in (("vuelv*", None), ("vuelv", THANKS), ("vuelvo", None)):
        reply = small_talk_reply(blocked, not_with=not_with)
        assert (reply is None) if expected is None else reply.startswith(expected), not_with
        [result] = node_replies([blocked], {**SETTINGS, "not_small_talk_words": not_with})
        assert result["small_talk_reply"] == (reply or ""), not_with
    # a message of phrases and filler alone is small talk at any length or list
    assert small_talk_reply("bueno pues muchas gracias", max_words=1, not_with="gracias") is not None


def test_the_settings_are_the_evaluated_ones_and_documented() -> None:
    assert SETTINGS["small_talk_max_words"] == prompting.SMALL_TALK_MAX_WORDS
    assert SETTINGS["small_talk_max_other_words"] == prompting.SMALL_TALK_MAX_OTHER_WORDS
    assert SETTINGS["not_small_talk_words"] == prompting.NOT_SMALL_TALK_WORDS
    notes = " ".join(n["parameters"]["content"] for n in CHAT["nodes"]
                     if n["type"] == "n8n-nodes-base.stickyNote")
    readme = (Path(prompting.__file__).resolve().parents[1] / "README.md").read_text()
    for setting in ("small_talk_max_words", "small_talk_max_other_words", "not_small_talk_words"):
        assert setting in notes and setting in readme


def test_node_and_evaluation_agree_on_random_mixes_of_emojis_accents_and_words() -> None:
    rng = random.Random(13)
    vocab = ("hola gracias ok dale 👍 🙏 ❤️ ✅ 😂 👋🏽 buenas maestro ya quedó funcionó ¿estás ahí? tubería gotea "
             "goteando pero no qué ¿ ! , . jajaja Ñandú pingüino eres una IA con quién hablo cuídate termo fría").split()
    texts = [" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 14))) for _ in range(300)]
    results = node_replies(texts)
    assert any(r["small_talk_reply"] for r in results) and not all(r["small_talk_reply"] for r in results)
    for text, result in zip(texts, results):
        if not (result["wants_person"] or result["wants_estimate"]):
            assert result["small_talk_reply"] == (small_talk_reply(text) or ""), json.dumps(text)


def test_a_short_message_of_its_own_after_a_greeting_word_stays_a_question() -> None:
    # found on the held-out split 2 (a follow-up ending in the Colombian greeting "¿qué más?"), tested in other
    # words: more than small_talk_max_other_words words besides the phrases and filler make it a message
    own = ["ya revisé el flotador y quedó igual, ¿qué más?", "le cambié la goma al flotador, qué más"]
    for text in own:
        assert small_talk_reply(text) is None, text
    assert [r["small_talk_reply"] for r in node_replies(own)] == ["", ""]
    # thanks with a couple of words of praise are still small talk
    for text in ("gracias parce, muy útil", "mil gracias, me salvaste el día"):
        assert small_talk_reply(text) is not None, text
        assert node_replies([text])[0]["small_talk_reply"] != "", text
    # (stop 32 made "flotador*" a word that blocks small talk too: taken out here, the length alone decides)
    not_with = SETTINGS["not_small_talk_words"].replace(", flotador*", "")
    loose = {**SETTINGS, "small_talk_max_other_words": 12, "not_small_talk_words": not_with}
    assert node_replies([own[0]], loose)[0]["small_talk_reply"] != ""
    assert small_talk_reply(own[0], max_other_words=12, not_with=not_with) is not None


# Stop 26 (helper smalltalk): kinds the chat had no reply for (what it is for, the cost of using it, hours,
# languages, privacy, praise, a complaint about an answer, a joke, a message sent by mistake). Own examples.
HOW, COST, HOURS, LANGUAGE, PRIVACY, PRAISE, COMPLAINT, JOKE, SORRY = (
    "Es sencillo", "Este chat es el asistente", "Puedes escribirme", "Respondo en español", "Tus mensajes",
    "¡Muchas gracias!", "Perdona, no te he ayudado bien", "¡Ja, ja!", "¡No pasa nada!")
NEW_KINDS = {
    "¿para qué sirve esta app?": HOW,
    "¿sabes de electricidad también?": HOW,
    "¿es gratis usar el chat?": COST,
    "oiga, ¿cuánto cuesta usar la aplicación?": COST,
    "¿a qué hora abren?": HOURS,
    "¿hablas inglés?": LANGUAGE,
    "¿guardan mis datos?": PRIVACY,
    "muy útil, felicitaciones 👏": PRAISE,
    "no me entendiste, ve al grano": COMPLAINT,
    "¿sabes chistes?": JOKE,
    "perdona, me equivoqué de conversación": SORRY,
}
NEW_KIND_QUESTIONS = ["¿para qué sirve el purgador del radiador?", "el latiguillo es muy largo, ¿lo corto?",
                      "de madrugada suena la bajante", "se me fue el pegamento", "es gratis la revisión?",
                      "está abierto el paso?"]


def test_new_kinds_get_their_reply_in_node_and_evaluation() -> None:
    texts = list(NEW_KINDS) + NEW_KIND_QUESTIONS
    for text, result in zip(texts, node_replies(texts)):
        start = NEW_KINDS.get(text)
        assert not result["wants_estimate"] and not result["wants_person"], text
        assert result["small_talk_reply"] == (small_talk_reply(text) or ""), text
        assert result["small_talk_reply"].startswith(start) if start else result["small_talk_reply"] == "", text


def test_the_cost_of_using_the_chat_is_no_estimate_but_a_job_still_is() -> None:
    # estimate_not_words ("Estimate and person words") is checked before the estimate words
    using, job, person = node_replies(["¿cuánto sale usar este chat?", "buenas, ¿cuánto se cobra por cambiar un sifón?",
                                       "comuníqueme con un asesor, por favor"])
    assert not using["wants_estimate"] and using["small_talk_reply"].startswith(COST)
    assert job["wants_estimate"] and job["small_talk_reply"] == ""
    assert person["wants_person"] and not person["wants_estimate"]
