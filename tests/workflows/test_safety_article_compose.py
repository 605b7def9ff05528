"""The rule linked to the cited article in the chat's own code nodes (chat-find-answer.json): "Compose the reply" puts
its fixed message first only for a reply that cites the article and when no rule fired on the words; "Prepare model
request" streams it the same way (bench/quality/SAFETY-10-LINKS.md). Through the real stack:
tests/integration/test_safety_article_links.py."""

from __future__ import annotations

from tests.workflows.test_answer_shape import ANSWER, SETTINGS, job, run_nodes

LINKED = "AVISO DE SEGURIDAD (termo o ducha eléctrica): bajar el automático."
WORDS = "AVISO DE SEGURIDAD (olor a gas): no encienda nada."
SOURCE = "Fuente: Termo eléctrico que no calienta (KB-termo-electrico-no-calienta)"
CARD = {"slug": "termo-electrico-no-calienta", "title": "Termo eléctrico que no calienta", "steps": ["Cortar."],
        "safety": "Tensión de red."}
KB = {"slugs": ["termo-electrico-no-calienta"], "sources": SOURCE, "article": CARD, "followup": False, "earlier": "",
      "asked": "el termo no calienta", "picked": None, "article_safety_rule": "termo-electrico-trabajo",
      "article_safety_message": LINKED}
ANSWERED = {"answer_text": "1. Cortar la corriente.", "grounded": True, "status": "ok", "error": None,
            "sources": ["termo-electrico-no-calienta"], "article": CARD, "source_line": SOURCE}


def compose(read: dict, asked: dict | None = None, kb: dict | None = KB) -> dict:
    nodes = {"Message to answer": job({"text": "el termo no calienta"}, asked or {"safety_message": "", "safety_rule": ""})}
    if kb is not None:
        nodes["Find knowledge articles"] = kb
    [reply] = run_nodes([{"node": "Compose the reply", "json": read, "nodes": nodes}])
    return reply


def test_an_answer_citing_a_linked_article_starts_with_its_notice() -> None:
    reply = compose(ANSWERED)
    assert reply["reply_text"] == f"{LINKED}\n\n1. Cortar la corriente.\n\n{SOURCE}"
    assert reply["metadata"]["article_safety_rule"] == "termo-electrico-trabajo"
    assert reply["metadata"]["safety_rule"] is None                     # not carried to the next message
    # the apology that still carries the article's card carries its notice too
    apology = {"answer_text": SETTINGS["apology_text"], "grounded": False, "status": "llm_error", "error": "x",
               "sources": ["termo-electrico-no-calienta"], "article": CARD}
    assert compose(apology)["reply_text"].startswith(LINKED + "\n\n")


def test_a_rule_fired_by_words_is_the_only_notice() -> None:
    reply = compose(ANSWERED, {"safety_message": WORDS, "safety_rule": "olor-a-gas"})
    assert reply["reply_text"].startswith(WORDS + "\n\n") and reply["reply_text"].count("AVISO DE SEGURIDAD") == 1
    assert reply["metadata"]["safety_rule"] == "olor-a-gas" and "article_safety_rule" not in reply["metadata"]


def test_no_linked_notice_without_a_cited_article() -> None:
    not_sure = {"answer_text": SETTINGS["not_sure_text"], "grounded": False, "not_sure": True, "status": "ok",
                "error": None, "sources": []}
    asked_back = {"answer_text": "¿a cuál de estos casos se parece?", "grounded": False, "status": "ok", "error": None,
                  "sources": [], "choices": [{"slug": "termo-electrico-no-calienta", "title": "T"}],
                  "choice_question": "el termo no calienta"}
    person = {"answer_text": "Te paso con una persona.", "grounded": False, "status": "ok", "error": None,
              "sources": ["termo-electrico-no-calienta"]}
    for read in (not_sure, asked_back, person):
        reply = compose(read)
        assert "AVISO DE SEGURIDAD" not in reply["reply_text"] and "article_safety_rule" not in reply["metadata"]
    small_talk = {"answer_text": "¡Hola!", "grounded": False, "status": "ok", "error": None, "sources": [],
                  "small_talk": True}
    assert "AVISO" not in compose(small_talk, kb=None)["reply_text"]     # small talk never reads the articles
    # an article without a link: nothing
    assert "AVISO" not in compose(ANSWERED, kb={**KB, "article_safety_rule": None,
                                                "article_safety_message": None})["reply_text"]


def test_the_streamed_draft_carries_the_linked_notice() -> None:
    import json

    request = {"request": {"model": "default", "messages": []}}
    for asked, expected in (({"safety_message": "", "safety_rule": ""}, LINKED),
                            ({"safety_message": WORDS, "safety_rule": "olor-a-gas"}, WORDS)):
        [prepared] = run_nodes([{"node": "Prepare model request", "json": request, "nodes": {
            "Message to answer": job({"text": "x", "conversation_id": "web:x", "message_id": "m1"}, asked),
            "Find knowledge articles": KB}}])
        assert json.loads(prepared["body"])["remedios"]["safety_message"] == expected
    query = next(n for n in ANSWER["nodes"] if n["name"] == "Find knowledge articles")["parameters"]["query"]
    assert "safety_article_rule(" in query
