"""The whole-chat evaluation's scoring (bench/quality/run_chat_eval.py): what counts as not sure, a wrong
article, an answer's length; and that every question file it reads is well formed."""

from __future__ import annotations

import json
from pathlib import Path

from bench.quality import run_chat_eval as chat_eval

ROOT = Path(__file__).resolve().parents[2]

SAFETY = {"olor-a-gas": "AVISO DE SEGURIDAD (olor a gas): salir de casa."}


def _item(**extra: object) -> dict:
    return {"id": "q1", "question": "¿?", "kind": "regional", "in_scope": True,
            "required": [["cartucho"], ["llave de paso", "cerrar el agua"]], **extra}


def test_a_right_answer_citing_the_labelled_article() -> None:
    reply = "Cierra la llave de paso y cambia el cartucho.\nFuente: Cartucho (KB-grifo-monomando-cartucho)"
    result = chat_eval.score(_item(), reply, 8.04, {"q1": "grifo-monomando-cartucho"}, SAFETY, None)
    assert result.found == [True, True] and result.cited == ["grifo-monomando-cartucho"]
    assert not result.wrong_article and not result.not_sure and result.seconds == 8.0
    assert result.words == 9  # the source line is not part of the answer's length


def test_a_wrong_article_and_a_not_sure_reply() -> None:
    wrong = chat_eval.score(_item(), "Texto.\nFuente: Cisterna (KB-cisterna-pierde-agua)", 1, {"q1": "grifo-x"},
                            SAFETY, None)
    assert wrong.wrong_article
    unsure = chat_eval.score(_item(), "No estoy seguro: no tengo un procedimiento…", 1, {"q1": "grifo-x"}, SAFETY,
                             None)
    assert unsure.not_sure and not unsure.wrong_article  # nothing cited is a miss, not a wrong article
    unlabelled = chat_eval.score(_item(), "Fuente: X (KB-x)", 1, {"q1": None}, SAFETY, None)
    assert not unlabelled.wrong_article  # no article in the base for it: cannot be the wrong one


def test_the_safety_message_is_checked_and_not_counted_as_words() -> None:
    reply = SAFETY["olor-a-gas"] + "\n\nCierra la llave del gas."
    result = chat_eval.score(_item(safety="olor-a-gas"), reply, 1, {}, SAFETY, None)
    assert result.safety_ok and result.words == 5


def test_a_more_specific_rule_counts_as_a_notice_but_not_as_the_labelled_rule() -> None:
    rules = {**SAFETY, "gas-especifico": "AVISO DE SEGURIDAD (calentador de gas que se apaga): apágalo."}
    specific = chat_eval.score(_item(safety="olor-a-gas"), rules["gas-especifico"] + "\n\nRevisa el piloto.", 1,
                               {}, rules, None)
    silent = chat_eval.score(_item(id="q2", safety="olor-a-gas"), "Revisa el piloto.", 1, {}, rules, None)
    assert not specific.safety_ok
    summary = chat_eval.summarize([specific, silent])
    assert summary["safety_present"] == "0/2" and summary["safety_notice_present"] == "1/2"


def test_a_danger_that_names_no_rule_is_not_counted_as_the_rule_being_present() -> None:
    # split 2 names dangers in English ("gas smell"), not by rule slug: the rule's text cannot be checked there
    silent = chat_eval.score(_item(safety="gas smell"), "Revisa el piloto.", 1, {}, SAFETY, None)
    warned = chat_eval.score(_item(id="q2", safety="gas smell"), SAFETY["olor-a-gas"] + "\n\nCierra.", 1, {},
                             SAFETY, None)
    assert silent.safety_ok is None and warned.safety_ok is None
    summary = chat_eval.summarize([silent, warned])
    assert summary["safety_present"] == "0/0" and summary["safety_notice_present"] == "1/2"


def test_a_split_s_safety_labels_name_the_rule_to_check() -> None:
    # split 3 names dangers in plain words and labels the rule after writing: the rule's text is then checked
    items = chat_eval.with_safety_labels(
        [_item(safety="gas smell"), _item(id="q2", safety="lead pipes"), _item(id="q3", safety=None)],
        {"q1": "olor-a-gas", "q2": None})
    assert [i["safety"] for i in items] == ["olor-a-gas", "lead pipes", None]
    silent = chat_eval.score(items[0], "Revisa el piloto.", 1, {}, SAFETY, None)
    warned = chat_eval.score(items[0], SAFETY["olor-a-gas"] + "\n\nCierra.", 1, {}, SAFETY, None)
    assert silent.safety_ok is False and warned.safety_ok is True


def test_what_the_plumber_receives_counts_the_article_card_too() -> None:
    card = chat_eval.card_text({"slug": "grifo-x", "title": "Cambiar el cartucho",
                                "steps": ["Cierra la llave de paso.", "Saca el cartucho."], "safety": None,
                                "tools_materials": "Llave Allen"})
    # the text the plumber gets (the WhatsApp follow-up of the card): every part, the tools too
    assert "Cambiar el cartucho" in card and "1. Cierra la llave de paso.\n2. Saca el cartucho." in card
    assert "Llave Allen" in card
    assert chat_eval.card_text(None) == "" and chat_eval.card_text({"steps": "no es una lista"}) == ""
    result = chat_eval.score(_item(), "Cambia el cartucho.", 1, {}, SAFETY, None, card)
    assert result.found == [True, False] and result.found_with_card == [True, True]
    summary = chat_eval.summarize([result, chat_eval.score(_item(id="q2"), "nada", 1, {}, SAFETY, None)])
    assert summary["fact_coverage_in_scope"] == 0.25
    assert summary["fact_coverage_in_scope_text_and_card"] == 0.5 and summary["answers_with_card"] == "1/2"


def test_summary_rates() -> None:
    labels = {"a": "art", "b": "art", "c": None}
    results = [
        chat_eval.score(_item(id="a"), "cartucho llave de paso\nFuente: A (KB-art)", 2, labels, SAFETY, None),
        chat_eval.score(_item(id="b"), "No estoy seguro", 4, labels, SAFETY, None),
        chat_eval.score(_item(id="c"), "algo\nFuente: B (KB-otro)", 6, labels, SAFETY, None),
        chat_eval.score(_item(id="d", kind="smalltalk", in_scope=False, required=[]), "¡Hola!", 1, labels, SAFETY,
                        None),
    ]
    summary = chat_eval.summarize(results)
    assert summary["in_scope"] == 3 and summary["with_article"] == 2
    assert summary["fact_coverage_in_scope"] == round(2 / 6, 3)
    assert summary["not_sure_in_scope"] == round(1 / 3, 3) and summary["wrong_article"] == 0.0
    assert summary["smalltalk_not_sure"] == "0/1" and summary["median_seconds"] == 3.0


def test_a_question_asked_back_is_answered_as_the_plumber_meant_it() -> None:
    choices = [{"slug": "inodoro-junta-cera", "title": "A"}, {"slug": "atasco-general-retorno", "title": "B"}]
    assert chat_eval.pick_for("atasco-general-retorno", choices) == "2"
    assert chat_eval.pick_for("inodoro-junta-cera", choices) == "1"
    assert chat_eval.pick_for("otro-articulo", choices) == "ninguna"
    assert chat_eval.pick_for(None, choices) == "ninguna"
    reply = "Cambia la junta de cera.\nFuente: Junta (KB-inodoro-junta-cera)"
    labels = {"q1": "inodoro-junta-cera", "q2": "atasco-general-retorno", "q3": None}
    offered = chat_eval.Exchange(reply, 3.0, "", ["inodoro-junta-cera", "ducha-cambia-temperatura"], "1")
    missed = chat_eval.Exchange(chat_eval.NOT_SURE, 1.0, "", ["inodoro-junta-cera", "sifon"], "ninguna")
    results = [
        chat_eval.score(_item(), reply, 3.0, labels, SAFETY, None, "", offered),
        chat_eval.score(_item(id="q2"), "No estoy seguro", 1.0, labels, SAFETY, None, "", missed),
        chat_eval.score(_item(id="q3"), "No estoy seguro", 1.0, labels, SAFETY, None, "", missed),
        chat_eval.score(_item(id="q4"), reply, 3.0, {"q4": "inodoro-junta-cera"}, SAFETY, None),
    ]
    assert results[0].asked_back == offered.asked_back and results[0].picked == "1"
    assert results[3].asked_back is None
    summary = chat_eval.summarize(results)
    assert summary["asked_back_in_scope"] == 0.75
    assert summary["asked_back_right_offered"] == "1/2" and summary["asked_back_without_article"] == "1/1"


def test_every_question_file_is_well_formed() -> None:
    for path in sorted((ROOT / "eval").glob("*.jsonl")):
        if path.name.startswith("estimates"):  # the estimate sets have their own shape (tests/estimates)
            continue
        ids = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            assert item["id"] not in ids, (path.name, item["id"])
            ids.add(item["id"])
            assert isinstance(item["question"], str) and item["question"].strip()
            assert all(isinstance(group, list) and group and all(isinstance(a, str) and a for a in group)
                       for group in item.get("required") or []), (path.name, item["id"])


def test_a_run_rescored_against_new_labels() -> None:
    from dataclasses import asdict

    from bench.quality import rescore_chat_eval

    cites_new = chat_eval.score(_item(id="q1"), "Texto.\nFuente: T (KB-tinaco-altura)", 1, {"q1": None}, SAFETY, None)
    asked = chat_eval.Exchange(asked_back=["tinaco-altura", "presion"], picked="ninguna")
    unsure = chat_eval.score(_item(id="q2"), "No estoy seguro: …", 1, {"q2": None}, SAFETY, None, exchange=asked)
    kept = chat_eval.score(_item(id="q3"), "Texto.\nFuente: C (KB-cartucho)", 1, {"q3": "cartucho"}, SAFETY, None)
    run = {"summary": {"date": "2026-12-05T10:00:00Z"},
           "results": [{**asdict(r), "wrong_article": r.wrong_article} for r in (cites_new, unsure, kept)]}
    assert chat_eval.summarize([cites_new, unsure, kept])["with_article"] == 1

    rescored = rescore_chat_eval.rescore(run, {"q1": "tinaco-altura", "q2": "otro-articulo"})
    summary = rescored["summary"]
    assert summary["with_article"] == 3 and summary["wrong_article"] == 0.0  # q1's citation is now the right one
    assert summary["not_sure_with_article"] == round(1 / 3, 3)
    assert summary["relabelled"] == ["q1", "q2"] and summary["asked_back_relabelled"] == ["q2"]
    assert [r["expected_article"] for r in rescored["results"]] == ["tinaco-altura", "otro-articulo", "cartucho"]

    wrong = rescore_chat_eval.rescore(run, {"q1": "presion"})["summary"]
    assert wrong["wrong_article"] == 0.5 and wrong["relabelled"] == ["q1"]


def test_a_rerun_of_some_questions_replaces_their_results() -> None:
    from dataclasses import asdict

    from bench.quality import rescore_chat_eval

    timed_out = chat_eval.score(_item(id="q1"), "Lo siento, no he podido responder a tiempo.", 121, {"q1": "cartucho"},
                                SAFETY, None)
    kept = chat_eval.score(_item(id="q2"), "Texto.\nFuente: C (KB-cartucho)", 5, {"q2": "cartucho"}, SAFETY, None)
    again = chat_eval.score(_item(id="q1"), "Texto.\nFuente: C (KB-cartucho)", 6, {"q1": "cartucho"}, SAFETY, None)
    as_run = lambda *rs: {"results": [{**asdict(r), "wrong_article": r.wrong_article} for r in rs]}  # noqa: E731
    merged = rescore_chat_eval.with_rerun(as_run(timed_out, kept), as_run(again))
    assert [r["seconds"] for r in merged["results"]] == [6, 5] and merged["replaced"] == ["q1"]
    summary = rescore_chat_eval.rescore(merged, {})["summary"]
    assert summary["replaced_by_a_rerun"] == ["q1"] and summary["wrong_article"] == 0.0



def simulate(replies: dict[str, dict], messages: list[str], expected: str,
             description: str | None) -> tuple[list[str], "chat_eval.Exchange"]:
    """ask() against a small WebSocket server speaking the gateway's events: each message heard gets the reply
    ``replies`` gives for it (text, choices, article), "no estoy seguro" otherwise. What it heard, and the exchange."""
    import asyncio

    import websockets

    heard: list[str] = []

    async def gateway(socket) -> None:
        async for raw in socket:
            message = json.loads(raw)
            heard.append(message["text"])
            reply = {"type": "reply", "in_reply_to": message["id"], "text": chat_eval.NOT_SURE,
                     **replies.get(message["text"], {})}
            await socket.send(json.dumps(reply))

    async def run() -> chat_eval.Exchange:
        async with websockets.serve(gateway, "127.0.0.1", 0) as server:
            port = server.sockets[0].getsockname()[1]
            return await chat_eval.ask(f"ws://127.0.0.1:{port}", messages, 10, expected, description)

    return heard, asyncio.run(run())


def test_the_simulated_plumber_describes_and_picks_among_the_cases_it_finds() -> None:
    """Asked back, "ninguna", asked for other words: he sends his description (--descriptions), is offered the cases
    it finds and picks the labelled one; without a description he says "no sé"."""
    replies = {
        "la pregunta": {"text": "…", "choices": [{"slug": "a", "title": "A"}, {"slug": "b", "title": "B"}]},
        "ninguna": {"text": "Cuéntamelo con otras palabras"},
        "mi descripción": {"text": "…", "choices": [{"slug": "c", "title": "C", "described": True},
                                                    {"slug": "d", "title": "D", "described": True}]},
        "2": {"text": "Respuesta (KB-d)", "article": {"slug": "d", "title": "D", "steps": []}},
    }
    heard, described = simulate(replies, ["la pregunta"], "d", "mi descripción")
    assert heard == ["la pregunta", "ninguna", "mi descripción", "2"]
    assert described.picked == "ninguna, described, 2" and described.reply == "Respuesta (KB-d)"
    assert described.asked_back == ["a", "b"], "the first cases offered are what asked_back counts"
    heard, silent = simulate(replies, ["la pregunta"], "d", None)
    assert heard == ["la pregunta", "ninguna", "no sé"] and silent.picked == "ninguna, no sé"


def test_nothing_found_asks_for_other_words_and_the_plumber_describes() -> None:
    replies = {
        "algo del tubo": {"text": "No encuentro ese caso con esas palabras. Para buscarlo bien, cuéntamelo de otra forma"},
        "es el termo": {"text": "…", "choices": [{"slug": "termo", "title": "Termo", "described": True}]},
        "1": {"text": "Respuesta (KB-termo)", "article": {"slug": "termo", "title": "Termo", "steps": []}},
    }
    heard, described = simulate(replies, ["algo del tubo"], "termo", "es el termo")
    assert heard == ["algo del tubo", "es el termo", "1"] and described.picked == "described, 1"
    assert described.reply == "Respuesta (KB-termo)" and described.asked_back is None
    heard, silent = simulate(replies, ["algo del tubo"], "termo", None)
    assert heard == ["algo del tubo", "no sé"] and silent.picked == "no sé" and chat_eval.NOT_SURE in silent.reply


def test_model_timing_reads_the_llm_servers_own_log(tmp_path: Path) -> None:
    """Seconds per answer depend on the machine: the run records the server's logged speeds beside them. Lines
    as llm_server.engine writes them; a cancelled generation (a plumber who left) and a non-JSON line are skipped."""
    log = tmp_path / "llm-server.log"
    lines = [
        {"event": "starting", "n_threads": 2},
        {"event": "model_loaded", "n_ctx": 2048, "n_threads": 2, "n_batch": 128, "prefix_cache": True},
        {"event": "generation", "cancelled": False, "ttft_ms": 3000.0, "prompt_tokens": 400,
         "completion_tokens": 128, "decode_tokens_per_s": 18.0},
        {"event": "generation", "cancelled": False, "ttft_ms": 5000.0, "prompt_tokens": 600,
         "completion_tokens": 100, "decode_tokens_per_s": 16.0},
        {"event": "generation", "cancelled": True, "ttft_ms": 90000.0, "prompt_tokens": 9000,
         "completion_tokens": 1, "decode_tokens_per_s": 0.1},
        {"event": "request", "path": "/v1/chat/completions", "ms": 12.0},
    ]
    log.write_text("\n".join([*(json.dumps(x) for x in lines), "Traceback (not JSON)"]) + "\n")

    timing = chat_eval.model_timing(log)

    assert timing == {"generations": 2, "median_prompt_tokens": 500.0, "median_completion_tokens": 114.0,
                      "median_ttft_ms": 4000.0, "median_decode_tokens_per_s": 17.0, "n_threads": 2,
                      "prefix_cache": True}
    assert chat_eval.model_timing(tmp_path / "missing.log")["generations"] == 0
