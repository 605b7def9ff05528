"""Greetings and thanks said with words of the trade, in the workflows (issue 13 items 4 and 5;
eval/DEV-SMALLTALK-4.md, stop 29): the router ("What is the plumber asking for?", chat-answer.json) hands over
the reply of the greeting's kind, the words besides its phrases as written and whether they were asked
(talk_opening); "Find knowledge articles" passes it to kb_trade_talk ($8); "Ask to describe the job" answers
such a message with that reply; "Small talk reply" and "Compose the reply" keep the words in the metadata, where
the list of misses reads them (kb_open_misses). The Code nodes run under Node, as the other tests here do. Own
examples (none from an eval set)."""

from __future__ import annotations

from typing import Any

from tests.workflows.test_answer_shape import ANSWER, CHAT, SETTINGS, run_nodes

WORDS = {a["name"]: a["value"] for n in CHAT["nodes"] if n["name"] == "Estimate and person words"
         for a in n["parameters"]["assignments"]["assignments"]}
THANKS_REPLY = next(line.split("=>")[1].strip() for line in SETTINGS["small_talk"].splitlines()
                    if line.startswith("gracias,"))
HELLO_REPLY = SETTINGS["small_talk"].splitlines()[0].split("=>")[1].strip()


def route(text: str, safety: str = "", metadata: dict | None = None) -> dict[str, Any]:
    [out] = run_nodes([{
        "node": "What is the plumber asking for?",
        "json": {"safety_message": safety, "safety_rule": "gas" if safety else "", "safety_carried": False},
        "nodes": {"Estimate and person words": WORDS, "Assistant settings": SETTINGS,
                  "Read message": {"text": text, "metadata": metadata or {}}},
    }])
    return out


def test_the_router_hands_over_the_greeting_and_the_words_besides_it() -> None:
    asked = route("muchas gracias, la llave del lavabo quedó preciosa")
    assert asked["small_talk_reply"] == ""   # words of the trade: not the phrase list's small talk
    # the words as written: the phrase list compares "squeezed" letters (llave -> lave), the search must not
    assert asked["talk_opening"] == {"reply": THANKS_REPLY, "rest": "la llave del lavabo quedo preciosa",
                                     "words": "la llave del lavabo quedo preciosa", "asks": False}
    asked = route("hola, ¿el latiguillo del bidé?")
    assert asked["talk_opening"] == {"reply": HELLO_REPLY, "rest": "el latiguillo del bide",
                                     "words": "el latiguillo del bide", "asks": True}
    # the filler ("bueno", "maestro", "y") stays in rest, for kb_trade_talk ("y el…" is a turn), not in words
    opening = route("bueno maestro, gracias, y el latiguillo")["talk_opening"]
    assert opening["rest"] == "bueno maestro y el latiguillo" and opening["words"] == "el latiguillo"
    # a question made only of phrases is not asked about anything else
    assert route("¿estás ahí? soy el instalador de antes")["talk_opening"]["asks"] is False
    hola = route("hola")
    assert hola["small_talk_reply"] == HELLO_REPLY and hola["talk_opening"]["rest"] == hola["talk_opening"]["words"] == ""


def test_no_opening_with_a_safety_rule_an_estimate_a_person_or_no_greeting() -> None:
    assert route("gracias, ya no huele a gas en la cocina", safety="AVISO")["talk_opening"] is None
    assert route("hola, ¿cuánto cobras por cambiar un latiguillo?")["talk_opening"] is None
    assert route("hola, quiero hablar con una persona")["talk_opening"] is None
    assert route("el latiguillo del bidé")["talk_opening"] is None


NODES = {n["name"]: n for n in ANSWER["nodes"]}


def test_find_knowledge_articles_asks_kb_trade_talk_with_the_opening() -> None:
    query = NODES["Find knowledge articles"]["parameters"]["query"]
    assert "kb_trade_talk($8::jsonb ->> 'rest', ($8::jsonb ->> 'asks')::boolean, $1)" in query
    assert "AS trade_talk" in query and "k.found AND NOT t.talk AS found" in query
    replacement = NODES["Find knowledge articles"]["parameters"]["options"]["queryReplacement"]
    assert replacement.endswith(
        "JSON.stringify($('Message to answer').first().json.asked.talk_opening || null) ] }}")


def reply_and_metadata(node: str, kb: dict, asked: dict, text: str) -> tuple[dict, dict]:
    job = {"message": {"text": text, "conversation_id": "web:t"}, "asked": asked, "settings": SETTINGS}
    [out] = run_nodes([{"node": node, "json": {"asked": asked} if node == "Small talk reply" else {},
                        "nodes": {"Message to answer": job, "Find knowledge articles": kb}}])
    [composed] = run_nodes([{"node": "Compose the reply", "json": out,
                             "nodes": {"Message to answer": job, "Find knowledge articles": kb}}])
    return out, composed


def test_a_greeting_with_words_of_the_trade_gets_its_kinds_reply_and_keeps_its_words() -> None:
    opening = {"reply": THANKS_REPLY, "rest": "y la llave del lavabo quedo preciosa",
               "words": "la llave del lavabo quedo preciosa", "asks": False}
    kb = {"found": False, "choices": [], "describe": None, "no_plumbing": True, "trade_talk": True}
    out, composed = reply_and_metadata("Ask to describe the job", kb, {"talk_opening": opening, "safety_rule": ""},
                                       "muchas gracias, la llave del lavabo quedó preciosa")
    assert out["answer_text"] == THANKS_REPLY and composed["reply_text"] == THANKS_REPLY
    assert composed["metadata"] == {"grounded": False, "sources": [], "safety_rule": None, "small_talk": True,
                                    "trade_talk": True, "talk_rest": "la llave del lavabo quedo preciosa"}


def test_the_no_plumbing_reply_keeps_the_words_besides_the_greeting_or_the_message() -> None:
    kb = {"found": False, "choices": [], "describe": None, "no_plumbing": True, "trade_talk": False}
    _, composed = reply_and_metadata("Ask to describe the job", kb, {"talk_opening": None}, "¿y el latiguillo?")
    assert composed["reply_text"] == SETTINGS["no_plumbing_text"]
    assert composed["metadata"]["talk_rest"] == "¿y el latiguillo?" and composed["metadata"]["no_plumbing"] is True
    opening = {"reply": HELLO_REPLY, "rest": "la familia bien", "words": "la familia", "asks": True}
    _, composed = reply_and_metadata("Ask to describe the job", kb, {"talk_opening": opening}, "hola, ¿la familia bien?")
    assert composed["metadata"]["talk_rest"] == "la familia" and composed["metadata"]["talk_asks"] is True


def test_the_phrase_lists_small_talk_keeps_its_other_words_only_when_there_are_some() -> None:
    _, composed = reply_and_metadata("Small talk reply", {}, route("hola"), "hola")
    assert composed["metadata"] == {"grounded": False, "sources": [], "safety_rule": None, "small_talk": True}
    asked = route("hola, ¿qué tal la obra?")
    assert asked["small_talk_reply"] == HELLO_REPLY
    _, composed = reply_and_metadata("Small talk reply", {}, asked, "hola, ¿qué tal la obra?")
    assert composed["metadata"]["talk_rest"] == "la obra" and composed["metadata"]["talk_asks"] is True
