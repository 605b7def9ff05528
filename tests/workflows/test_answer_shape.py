"""The answer's shape (issue 13): short, never cut mid-sentence, no prompt text and no Markdown, small talk
answered without the model. Checked on eval/prompting.py and on the workflow's own JavaScript (the Code nodes
of "Chat: answer a plumber", run in Node with the same inputs): both must give the plumber the same text."""

from __future__ import annotations

import json
import random
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from eval import prompting
from eval.prompting import (
    ANSWER_INSTRUCTION, FALLBACK_ANSWER, GROUNDING_RULES, SYSTEM_PROMPT, clean_answer, earlier_questions,
    finalize_reply, small_talk_reply, trim_answer,
)
from tests.workflows.workflow_json import load, node_binary

# "Chat: answer a plumber" decides the job; "Chat: find the answer" (its sub-workflow) writes the reply.
CHAT = load("chat-answer.json")
ANSWER = load("chat-find-answer.json")
CODE = {n["name"]: n["parameters"].get("jsCode", "") for workflow in (CHAT, ANSWER) for n in workflow["nodes"]}
SETTINGS = {a["name"]: a["value"] for n in CHAT["nodes"] if n["name"] == "Assistant settings"
            for a in n["parameters"]["assignments"]["assignments"]}


def job(message: dict[str, Any] | None = None, asked: dict[str, Any] | None = None) -> dict[str, Any]:
    """What "Find the answer" hands to "Chat: find the answer" (its trigger, "Message to answer")."""
    return {"message": message or {}, "asked": asked or {}, "settings": SETTINGS}

QUESTION = "El grifo monomando de la cocina gotea, ¿cómo cambio el cartucho?"
TITLE = "Cambiar el cartucho de un grifo monomando que gotea"
SOURCES = f"Fuente: {TITLE} (KB-grifo-monomando-cartucho)"
SAFETY = "AVISO DE SEGURIDAD (olor a gas): no encienda nada."
# What the plumber must never read: the prompt's headings, the article's labels, Markdown marks.
PROMPT_TEXT = re.compile(
    r"PREGUNTA (ANTERIOR )?DEL FONTANERO|DOCUMENTACI[OÓ]N DE LA EMPRESA|###|\*\*|^\s*#|"
    r"^\s*(T[ií]tulo|Problema|Pasos|Procedimiento|Seguridad|Respuesta)\s*:|Responde solo a esta pregunta|"
    r"Usa solo la DOCUMENTACI|KB-grifo", re.IGNORECASE | re.MULTILINE)

# Model outputs seen with the 0.5B model (issue 13) and variations: the prompt echoed, Markdown, cut answers.
ECHOES = [
    f"### PREGUNTA DEL FONTANERO:\n{QUESTION}\n\n### {TITLE} (KB-grifo-monomando-cartucho)\nProblema: El cartucho "
    "cerámico se desgasta.\nProcedimiento:\n1. Cerrar las llaves de escuadra y abrir el grifo.\n2. Sacar la maneta.\n"
    "3. Comprar un cartucho idéntico de 35 mm o 40 mm.\n4. Limpiar con vinagre y no mezclar nunca dos productos (",
    f"DOCUMENTACIÓN DE LA EMPRESA:\nTítulo: {TITLE}\nPasos:\n1. Cerrar las llaves de escuadra.\n2. Sacar el cartucho."
    f"\n\nPREGUNTA DEL FONTANERO:\n{QUESTION}\n\n{ANSWER_INSTRUCTION}",
    "**Respuesta:** Hay que cambiar el **cartucho**.\n\n**Pasos:**\n* Cerrar las llaves de escuadra.\n"
    "* Quitar la maneta con una llave Allen.\n\n**Fuente:** Manual del fabricante",
    f"## {TITLE}\n\n{GROUNDING_RULES}\n\n1. Cerrar las llaves.\n2. Cambiar el cartucho.\n\nFuente: KB-grifo-monomando-cartucho",
    "### Pasos\n1. Cerrar la llave de paso.\n2. Quitar la tuerca del cartucho con una llave fija; sacar el cartucho "
    "tirando\n3.",
    "Para cambiar el cartucho, cierre las llaves de escuadra. Luego quite la maneta y la tuerca. El cartucho debe ser "
    "idéntico: 35 mm o 40 mm. Use grasa de silicona en las juntas y no apriete en exceso porque el cuerpo del",
    "PREGUNTA DEL FONTANERO",
    "Seguridad: Quitar siempre la presión antes de desmontar.\n\nPasos:",
    "Título: " + TITLE,
]
FINISH = ["length", "stop", "stop", "stop", "length", "length", "stop", "length", "stop"]


# ----------------------------------------------------------------------------- the workflow's JavaScript
HARNESS = r"""
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = cases.map(({ node, code, json, nodes }) => {
  // as n8n's $('<node>'): isExecuted says whether it ran; reading the item of one that did not is an error
  const $ = (name) => {
    const ran = name in nodes;
    const read = () => {
      if (!ran) throw new Error(node + ' reads a node that did not run: ' + name);
      return { json: nodes[name] };
    };
    return { isExecuted: ran, get item() { return read(); }, first: read };
  };
  try { return new Function('$', '$json', code)($, json).json; } catch (e) { return { __error: String(e) }; }
});
process.stdout.write(JSON.stringify(out));
"""


def run_nodes(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each case: {"node": name, "json": its input item, "nodes": {name: json of the nodes it reads}}."""
    payload = [{**case, "code": CODE[case["node"]]} for case in cases]
    done = subprocess.run([node_binary(), "-e", HARNESS], input=json.dumps(payload), capture_output=True,
                          text=True, timeout=60, check=True)
    results = json.loads(done.stdout)
    for case, result in zip(cases, results):
        assert "__error" not in result, (case["node"], result)
    return results


def workflow_reply(raw: str, finish_reason: str, safety: str = "", question: str = QUESTION, title: str = TITLE,
                   earlier: str = "") -> dict[str, Any]:
    """The text "Read the answer" then "Compose the reply" make of a model output."""
    return workflow_replies([(raw, finish_reason, safety, question, title, earlier)])[0]


def workflow_replies(items: list[tuple[str, str, str, str, str, str]]) -> list[dict[str, Any]]:
    article = {"slug": "grifo-monomando-cartucho", "title": TITLE, "steps": ["Cerrar.", "Cambiar."], "safety": None}
    reads = run_nodes([{
        "node": "Read the answer",
        "json": {"choices": [{"message": {"role": "assistant", "content": raw}, "finish_reason": finish}]},
        "nodes": {"Message to answer": job({"text": question}),
                  "Find knowledge articles": {"slugs": ["grifo-monomando-cartucho"], "sources": SOURCES,
                                              "article": {**article, "title": title}, "followup": bool(earlier),
                                              "earlier": earlier}},
    } for raw, finish, _, question, title, earlier in items])
    return run_nodes([{
        "node": "Compose the reply", "json": read,
        "nodes": {"Message to answer": job(asked={"safety_message": safety, "safety_rule": "r" if safety else ""})},
    } for read, (_, _, safety, *_) in zip(reads, items)])


# ----------------------------------------------------------------------------- settings in step
def test_the_workflow_settings_are_the_evaluated_ones() -> None:
    assert SETTINGS["system_prompt"] == SYSTEM_PROMPT
    assert SETTINGS["grounding_rules"] == GROUNDING_RULES
    assert SETTINGS["answer_instruction"] == ANSWER_INSTRUCTION
    assert SETTINGS["fallback_answer_text"] == FALLBACK_ANSWER
    assert SETTINGS["small_talk"] == prompting.SMALL_TALK
    assert SETTINGS["small_talk_filler"] == prompting.SMALL_TALK_FILLER
    assert SETTINGS["max_tokens"] == prompting.MAX_TOKENS and SETTINGS["max_words"] == prompting.MAX_WORDS
    assert SETTINGS["history_messages"] == prompting.EARLIER_MESSAGES
    assert "120 palabras" in SYSTEM_PROMPT and "pasos numerados" in SYSTEM_PROMPT


# ----------------------------------------------------------------------------- no prompt text reaches a plumber
@pytest.mark.parametrize("index", range(len(ECHOES)))
def test_prompt_echoes_never_reach_the_plumber(index: int) -> None:
    raw, finish = ECHOES[index], FINISH[index]
    python = finalize_reply(raw, SAFETY, SOURCES, True, finish, QUESTION, TITLE)
    body = python[len(SAFETY):-len(SOURCES)]
    assert python.startswith(SAFETY + "\n\n") and python.endswith("\n\n" + SOURCES)
    assert not PROMPT_TEXT.search(body), body
    assert QUESTION not in body and TITLE not in body
    assert workflow_reply(raw, finish, SAFETY)["reply_text"] == python


def test_echo_stripping_keeps_the_answer() -> None:
    cleaned = clean_answer(ECHOES[0], QUESTION, "length", TITLE)
    assert cleaned == ("El cartucho cerámico se desgasta.\n1. Cerrar las llaves de escuadra y abrir el grifo.\n"
                       "2. Sacar la maneta.\n3. Comprar un cartucho idéntico de 35 mm o 40 mm.")
    assert clean_answer(ECHOES[2], QUESTION, "stop", TITLE) == (
        "Hay que cambiar el cartucho.\n\n- Cerrar las llaves de escuadra.\n- Quitar la maneta con una llave Allen.")
    assert clean_answer("Seguridad: Quitar la presión antes.", QUESTION) == "Quitar la presión antes."
    # nothing usable left: the fallback text (the full procedure goes beside it)
    for raw in ("PREGUNTA DEL FONTANERO", "Título: " + TITLE, ECHOES[1]):
        reply = finalize_reply(raw, None, SOURCES, True, "stop", QUESTION, TITLE)
        assert reply.startswith(FALLBACK_ANSWER) or "1. Cerrar las llaves" in reply


# ----------------------------------------------------------------------------- never cut mid-sentence
def test_a_cut_answer_ends_at_its_last_complete_sentence_or_step() -> None:
    assert trim_answer("Cierre la llave. Luego quite la tuerca y", cut=True) == "Cierre la llave."
    assert trim_answer("1. Cerrar la llave.\n2. Quitar la maneta\n3. Sacar el car", cut=True) == \
        "1. Cerrar la llave.\n2. Quitar la maneta"
    assert trim_answer("Sigue estos pasos:\n1. Cerrar.\n2.", cut=True) == "Sigue estos pasos:\n1. Cerrar."
    assert trim_answer("Haga esto:\n1. Cerrar", cut=True) == ""  # only an introduction was complete
    assert trim_answer("La presión es de 3.5 bar. Abrir a 2", cut=True) == "La presión es de 3.5 bar."
    assert trim_answer("No mezclar nunca dos productos (", cut=True) == ""
    assert trim_answer("Frase completa sin cortar", cut=False) == "Frase completa sin cortar"


def test_a_long_answer_is_trimmed_to_max_words_at_a_sentence_end() -> None:
    long = " ".join(f"Paso número {i} con estas siete palabras." for i in range(40))
    trimmed = trim_answer(long, cut=False, max_words=120)
    assert len(trimmed.split()) <= 120 and trimmed.endswith(".") and long.startswith(trimmed)
    assert len(trimmed.split()) > 100


def _random_answer(rng: random.Random) -> tuple[str, str]:
    pieces = ["1. Cerrar la llave de paso.", "2) Quitar la maneta (tornillo Allen)", "- Comprobar a 3,5 bar.",
              "Pasos:", "### Procedimiento", "**Importante:** no forzar la tuerca.", "PREGUNTA DEL FONTANERO:",
              QUESTION, "Título: " + TITLE, "¿Gotea aún? Cambie la junta… y pruebe.", "Fuente: un libro",
              "Use grasa de silicona, nunca derivada del petróleo.", "", "Seguridad: quitar la presión.",
              "Cortar el agua «siempre» antes.", "El diámetro habitual es 35 mm o 40 mm; compruebe la altura"]
    text = "\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
    if rng.random() < 0.6:  # cut anywhere, as max_tokens does
        return text[: rng.randint(1, max(1, len(text)))], "length"
    return text, "stop"


def test_the_workflow_and_the_evaluation_agree_on_random_model_outputs() -> None:
    rng = random.Random(13)
    items = [(*_random_answer(rng), rng.choice(["", SAFETY]), QUESTION, TITLE, "") for _ in range(150)]
    replies = workflow_replies(items)
    for (raw, finish, safety, *_), reply in zip(items, replies):
        expected = finalize_reply(raw, safety or None, SOURCES, True, finish, QUESTION, TITLE)
        assert reply["reply_text"] == expected, raw
        body = expected[len(safety + "\n\n") if safety else 0: -len("\n\n" + SOURCES)]
        assert not PROMPT_TEXT.search(body), (raw, body)
        if finish == "length" and body != FALLBACK_ANSWER:
            last = body.split("\n")[-1]
            complete_line = (last + "\n") in raw.replace("*", "").replace("#", "")
            assert re.search(r"[.!?…»)\"]$", body) or complete_line, (raw, body)


def test_a_followup_prompt_echo_is_stripped_too() -> None:
    earlier = "tengo una fuga en una tubería de la cocina"
    raw = f"PREGUNTA ANTERIOR DEL FONTANERO:\n{earlier}\n¿y si es de cobre?\n1. Limpiar el tubo.\n2. Soldar con estaño."
    expected = finalize_reply(raw, None, SOURCES, True, "stop", "¿y si es de cobre?", TITLE, earlier)
    assert expected.startswith("1. Limpiar el tubo.\n2. Soldar con estaño.")
    assert workflow_reply(raw, "stop", question="¿y si es de cobre?", earlier=earlier)["reply_text"] == expected


def test_the_reply_carries_the_article_card_and_follow_up_in_its_metadata() -> None:
    reply = workflow_reply("1. Cerrar.", "stop", earlier="pregunta anterior")
    assert reply["metadata"]["article"]["slug"] == "grifo-monomando-cartucho"
    assert reply["metadata"]["followup"] == "pregunta anterior"
    assert reply["metadata"]["grounded"] is True and reply["metadata"]["sources"] == ["grifo-monomando-cartucho"]


# ----------------------------------------------------------------------------- asking which case
CHOICES = [{"slug": "inodoro-junta-cera", "title": "Fuga en la base del inodoro"},
           {"slug": "atasco-general-retorno", "title": "Agua sucia por la ducha al tirar de la cadena"}]


def test_several_articles_are_asked_about_before_any_model_runs() -> None:
    connections = ANSWER["connections"]
    assert connections["Asks for a person?"]["main"][1][0]["node"] == "Several articles fit?"
    assert [t["node"] for t in connections["Several articles fit?"]["main"][0]] == ["Ask which case"]
    assert [t["node"] for t in connections["Several articles fit?"]["main"][1]] == ["Documentation found?"]
    assert [t["node"] for t in connections["Ask which case"]["main"][0]] == ["Compose the reply"]
    [asked] = run_nodes([{"node": "Ask which case", "json": {"choices": [{**c, "score": 1} for c in CHOICES],
                                                             "asked": "sale agua por la base"},
                          "nodes": {"Message to answer": job({"text": "sale agua por la base"})}}])
    assert asked["answer_text"] == (f"{SETTINGS['ask_which_text']}\n\n1. Fuga en la base del inodoro\n"
                                    f"2. Agua sucia por la ducha al tirar de la cadena\n\n{SETTINGS['ask_which_hint']}")
    assert asked["choices"] == CHOICES and asked["choice_question"] == "sale agua por la base"
    [reply] = run_nodes([{"node": "Compose the reply", "json": asked, "nodes": {
        "Message to answer": job(asked={"safety_message": "AVISO: cuidado.", "safety_rule": "r"})}}])
    assert reply["reply_text"].startswith("AVISO: cuidado.\n\n" + SETTINGS["ask_which_text"])
    assert "Fuente:" not in reply["reply_text"]
    assert reply["metadata"]["choices"] == CHOICES and reply["metadata"]["choice_question"] == "sale agua por la base"
    assert reply["metadata"]["grounded"] is False and "picked" not in reply["metadata"]


def test_the_pick_answers_the_first_question_and_is_kept_in_the_metadata() -> None:
    kb = {"slugs": ["atasco-general-retorno"], "sources": SOURCES, "article": None, "followup": False,
          "earlier": "", "asked": "sale agua por la base", "picked": "atasco-general-retorno", "context": "Título: X"}
    [prompt] = run_nodes([{"node": "Build prompt", "json": {}, "nodes": {
        "Message to answer": job({"text": "2"}), "Find knowledge articles": kb}}])
    user = prompt["request"]["messages"][1]["content"]
    assert "PREGUNTA DEL FONTANERO:\nsale agua por la base\n" in user and "\n2\n" not in user
    [read] = run_nodes([{"node": "Read the answer",
                         "json": {"choices": [{"message": {"content": "1. Desatascar."}, "finish_reason": "stop"}]},
                         "nodes": {"Message to answer": job({"text": "2"}), "Find knowledge articles": kb}}])
    [reply] = run_nodes([{"node": "Compose the reply", "json": read, "nodes": {
        "Message to answer": job(asked={"safety_message": "", "safety_rule": ""}), "Find knowledge articles": kb}}])
    assert reply["metadata"]["picked"] == "atasco-general-retorno"
    assert reply["metadata"]["question"] == "sale agua por la base"
    [none] = run_nodes([{"node": "Not sure: offer a person", "json": {}, "nodes": {
        "Message to answer": job({"text": "ninguna", "conversation_id": "web:x"}),
        "Find knowledge articles": {**kb, "picked": ""}}}])
    assert "«sale agua por la base»" in none["handoff_summary"] and none["not_sure"] is True


# ----------------------------------------------------------------------------- small talk
SMALL_TALK_CASES = {
    "hola": "¡Hola!", "Buenas tardes!": "¡Hola!", "buenos días, Remedios": "¡Hola!", "gracias": "¡De nada!",
    "¡Muchas gracias!": "¡De nada!", "vale, gracias": "¡De nada!", "ok": "¡Perfecto!", "¿Quién eres?": "Soy Remedios",
    "hola, ¿quién eres tú?": "Soy Remedios", "¿Qué puedes hacer?": "Soy Remedios", "adiós": "¡Hasta luego!",
    "hola, tengo una fuga en el grifo": None, "¿y si es de cobre?": None, "gracias, ¿y la pendiente del desagüe?": None,
    "El grifo gotea": None, "": None,
    # voseo, usted, WhatsApp "q", a job finished, "are you a bot?" (the lists in eval/prompting.py SMALL_TALK)
    "¿Cómo le va, don?": "¡Hola!", "q onda": "¡Hola!", "listo, ya funcionó": "¡Perfecto!",
    "se agradece maestro, ya quedó listo": "¡De nada!", "¿Sos un bot?": "Soy Remedios", "¿Y vos qué podés hacer?":
    "Soy Remedios", "¿Es usted una persona o una máquina?": "Soy Remedios", "ya está goteando otra vez": None,
    "una consulta, el termo no calienta": None, "hola, ¿es una persona la que instala el termo?": None,
}


def test_small_talk_gets_its_fixed_reply_and_questions_do_not() -> None:
    for text, start in SMALL_TALK_CASES.items():
        reply = small_talk_reply(text)
        assert (reply is None) if start is None else reply.startswith(start), (text, reply)
        assert reply is None or "No estoy seguro" not in reply


def test_the_workflow_decides_small_talk_like_the_evaluation() -> None:
    words = {a["name"]: a["value"] for n in CHAT["nodes"] if n["name"] == "Estimate and person words"
             for a in n["parameters"]["assignments"]["assignments"]}
    texts = list(SMALL_TALK_CASES) + ["hola, quiero hablar con una persona", "hola, presupuesto para un termo"]
    results = run_nodes([{
        "node": "What is the plumber asking for?", "json": {"safety_message": "", "safety_rule": ""},
        "nodes": {"Estimate and person words": words, "Assistant settings": SETTINGS,
                  "Read message": {"text": text, "metadata": {}}},
    } for text in texts])
    for text, result in zip(texts, results):
        if text.startswith("hola, quiero") or text.startswith("hola, presupuesto"):
            assert result["small_talk_reply"] == "" and (result["wants_person"] or result["wants_estimate"])
        else:
            assert result["small_talk_reply"] == (small_talk_reply(text) or ""), text
    with_safety = run_nodes([{
        "node": "What is the plumber asking for?", "json": {"safety_message": "AVISO", "safety_rule": "x"},
        "nodes": {"Estimate and person words": words, "Assistant settings": SETTINGS,
                  "Read message": {"text": "hola", "metadata": {}}},
    }])
    assert with_safety[0]["small_talk_reply"] == ""


def test_a_safety_rule_carried_from_the_conversation_lets_a_thanks_be_small_talk() -> None:
    words = {a["name"]: a["value"] for n in CHAT["nodes"] if n["name"] == "Estimate and person words"
             for a in n["parameters"]["assignments"]["assignments"]}
    asked = run_nodes([{
        "node": "What is the plumber asking for?",
        "json": {"safety_message": "AVISO", "safety_rule": "olor-a-gas", "safety_carried": carried},
        "nodes": {"Estimate and person words": words, "Assistant settings": SETTINGS,
                  "Read message": {"text": "muchas gracias", "metadata": {}}},
    } for carried in (True, False)])
    assert asked[0]["small_talk_reply"].startswith("¡De nada!") and asked[1]["small_talk_reply"] == ""
    composed = run_nodes([{
        "node": "Compose the reply",
        "json": {"answer_text": answer, "grounded": False, "status": "ok", "small_talk": small_talk},
        "nodes": {"Message to answer": job(asked={"safety_message": "AVISO", "safety_rule": "olor-a-gas",
                                                  "safety_carried": True})},
    } for answer, small_talk in (("¡De nada!", True), ("No uses llama.", False))])
    # the thanks gets no repeated warning (and ends the carry); a question keeps it first
    assert composed[0]["reply_text"] == "¡De nada!" and composed[0]["metadata"]["safety_rule"] is None
    assert composed[1]["reply_text"] == "AVISO\n\nNo uses llama." and composed[1]["metadata"]["safety_rule"] == "olor-a-gas"


def test_earlier_questions_are_the_plumbers_newest_first() -> None:
    history = [{"role": "user", "content": "primera"}, {"role": "assistant", "content": "respuesta"},
               {"role": "user", "content": "segunda\ncon salto"}, {"role": "user", "content": "tercera"}]
    assert earlier_questions(history) == "tercera\nsegunda con salto"
    assert earlier_questions([]) == ""


def test_the_workflow_asks_small_talk_before_the_knowledge_base() -> None:
    assert [t["node"] for t in CHAT["connections"]["Asks for an estimate?"]["main"][1]] == ["Find the answer"]
    connections = ANSWER["connections"]
    assert [t["node"] for t in connections["Message to answer"]["main"][0]] == ["Small talk?"]
    assert [t["node"] for t in connections["Small talk?"]["main"][0]] == ["Small talk reply"]
    assert [t["node"] for t in connections["Small talk?"]["main"][1]] == ["Load recent history"]
    assert [t["node"] for t in connections["Load recent history"]["main"][0]] == ["Find knowledge articles"]
    assert "kb_answer(" in next(n for n in ANSWER["nodes"] if n["name"] == "Find knowledge articles")["parameters"]["query"]


def test_the_staff_readme_and_notes_mention_the_settings() -> None:
    notes = " ".join(n["parameters"]["content"] for workflow in (CHAT, ANSWER) for n in workflow["nodes"]
                     if n["type"] == "n8n-nodes-base.stickyNote")
    for setting in ("small_talk", "max_words", "history_messages", "fallback_answer_text", "ask_which_text",
                    "ask_which_hint", "kb_settings", "ask_ratio", "ask_describe_text", "ask_describe_unfound_text",
                    "describe_when_nothing_found"):
        assert setting in notes
    assert Path(prompting.__file__).exists()
