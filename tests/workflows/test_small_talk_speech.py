"""Small talk said as people talk to a phone (issue 13, item 4): fillers ("eh", "este", "a ver"), checking that
someone listens ("¿se me oye?"), letters drawn out by speech or typing ("holaaa", "graciass"), Latin American
greetings. Own examples, written for this test (never from eval/independent.jsonl). The evaluation's
small_talk_reply and the workflow's node "What is the plumber asking for?" must decide alike."""

from __future__ import annotations

import json

from eval.prompting import small_talk_reply
from tests.workflows.test_answer_shape import CHAT, SETTINGS, run_nodes

GREETING, THANKS, BYE, WHO = "¡Hola!", "¡De nada!", "¡Hasta luego!", "Soy Remedios"
CASES = {
    "eh hola, ¿se me escucha?": GREETING,
    "buenos días, ¿está ahí alguien?": GREETING,
    "aló aló, ¿me oyen?": GREETING,
    "holaaa mmm probando": GREETING,
    "ehh buenas tardes este": GREETING,
    "oiga, ¿hay alguien por ahí?": GREETING,
    "a ver, ¿esto funciona?": GREETING,
    "wenas": GREETING,
    "qué onda maestro": GREETING,
    "buen día": GREETING,
    "Hola. Hola. ¿Me oyes, Remedios?": GREETING,
    "graciass crack": THANKS,
    "bueno pues muchas gracias eh": THANKS,
    "que tengas buen día": BYE,
    "chau, gracias": BYE,  # the lowest line of small_talk wins
    "eh, ¿y tú quién eres?": WHO,
    # a question with the greeting is a question
    "hola eh tengo una fuga en el grifo": None,
    "¿me oyes? el grifo de la cocina gotea": None,
    "hola, no funciona la cisterna": None,
    "buenas, ¿hay alguien que sepa de calderas?": None,
    "eh": None,
    "a ver": None,
}


def test_fillers_and_speech_do_not_hide_small_talk() -> None:
    for text, start in CASES.items():
        reply = small_talk_reply(text)
        assert (reply is None) if start is None else (reply or "").startswith(start), (text, reply)


def test_the_workflow_decides_like_the_evaluation() -> None:
    words = {a["name"]: a["value"] for n in CHAT["nodes"] if n["name"] == "Estimate and person words"
             for a in n["parameters"]["assignments"]["assignments"]}
    results = run_nodes([{
        "node": "What is the plumber asking for?", "json": {"safety_message": "", "safety_rule": ""},
        "nodes": {"Estimate and person words": words, "Assistant settings": SETTINGS,
                  "Read message": {"text": text, "metadata": {}}},
    } for text in CASES])
    for text, result in zip(CASES, results):
        assert result["small_talk_reply"] == (small_talk_reply(text) or ""), json.dumps(text)
