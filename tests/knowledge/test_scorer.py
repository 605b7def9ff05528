"""The evaluation set and the scorer (no model needed)."""

from __future__ import annotations

import psycopg

from eval.prompting import NOT_FOUND_REPLY, SYSTEM_PROMPT, build_messages, build_messages_alone, finalize_reply
from eval.score import group_found, load_questions, normalize, score_answer, summarize, Result


def test_normalize() -> None:
    assert normalize("  Válvula  de\nAIREACIÓN ") == "valvula de aireacion"
    assert normalize("Año, PEQUEÑO, pingüino") == "ano, pequeno, pinguino"
    assert normalize("entre el 1 % y el 2 %") == "entre el 1% y el 2%"
    assert normalize("3–4 bar — 45−60 psi") == "3-4 bar - 45-60 psi"


def test_group_matching_is_accent_and_case_insensitive_substring() -> None:
    answer = normalize("Cambia el CARTUCHO cerámico; cierra las llaves de escuadra.")
    assert group_found(answer, ["cartucho ceramico"])
    assert group_found(answer, ["zapata", "Llaves de Escuadra"])
    assert not group_found(answer, ["zapata", "montura"])
    assert not group_found(answer, [""])


def test_score_answer_reports_missing_groups() -> None:
    required = [["cartucho"], ["35", "40 mm"], ["grasa de silicona"]]
    assert score_answer("Cambiar el cartucho de 40 mm.", required) == [True, True, False]
    assert score_answer("", required) == [False, False, False]


def test_summary_counts_fact_groups_not_questions() -> None:
    results = [Result("a", "q", "x", [True, False, False, False]), Result("b", "q", "y", [True, True])]
    summary = summarize(results)
    assert summary["coverage"] == 0.5 and summary["mean_question_coverage"] == 0.625


def test_evaluation_set_is_well_formed(conn: psycopg.Connection) -> None:
    questions = load_questions()
    assert len(questions) >= 40
    assert len({q["id"] for q in questions}) == len(questions)
    rules = {r[0] for r in conn.execute("SELECT slug FROM safety_rules").fetchall()}
    for q in questions:
        assert q["required"] and all(group and all(alt.strip() for alt in group) for group in q["required"]), q["id"]
        assert q.get("safety") is None or q["safety"] in rules, q["id"]
    assert sum(1 for q in questions if q.get("safety") == "olor-a-gas") >= 2


def test_required_facts_are_in_the_knowledge_base(conn: psycopg.Connection) -> None:
    """Every fact a correct answer needs is written in the expected article (or the fixed safety message,
    or the fixed not-found reply): the benchmark asks for facts the business controls."""
    articles = {r[0]: normalize(" ".join(r[1:])) for r in conn.execute(
        "SELECT slug, title, problem, symptoms, procedure, safety, tools_materials, call_professional FROM kb_articles")}
    messages = {r[0]: normalize(r[1]) for r in conn.execute("SELECT slug, message FROM safety_rules")}
    missing = []
    for q in load_questions():
        text = articles[q["article"]] if q.get("article") else normalize(NOT_FOUND_REPLY)
        text += " " + messages.get(q.get("safety") or "", "")
        missing += [(q["id"], group) for group in q["required"] if not group_found(text, group)]
    assert not missing


def test_build_messages_structure() -> None:
    messages = build_messages("¿Cómo calculo la pendiente?", "Título: Pendiente\nPasos:\n1. Paso",
                              "Fuente: Pendiente (KB-x)", SYSTEM_PROMPT)
    assert [m["role"] for m in messages] == ["system", "user"]
    assert messages[0]["content"].startswith(SYSTEM_PROMPT)
    last = messages[-1]["content"]
    assert last.index("DOCUMENTACIÓN DE LA EMPRESA:") < last.index("Título: Pendiente") < last.index("¿Cómo calculo")
    assert "Fuente: Pendiente" not in last and "PREGUNTA ANTERIOR" not in last
    followup = build_messages("¿y si es de PVC?", "Título: Pendiente", "", SYSTEM_PROMPT, "¿Qué pendiente lleva?")
    last = followup[-1]["content"]
    assert last.index("PREGUNTA ANTERIOR DEL FONTANERO:\n¿Qué pendiente lleva?") < last.index("¿y si es de PVC?")
    assert build_messages_alone("hola") == [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": "hola"}]


def test_finalize_reply_puts_safety_first_and_the_real_source_last() -> None:
    reply = finalize_reply("1. Salir.\nFuente: un libro que me invento", "AVISO DE SEGURIDAD (olor a gas): ...",
                           "Fuente: Calentador (KB-calentador-gas-piloto)", True)
    assert reply.startswith("AVISO DE SEGURIDAD")
    assert reply.endswith("Fuente: Calentador (KB-calentador-gas-piloto)")
    assert "me invento" not in reply
    assert finalize_reply("lo que sea", None, "", False) == NOT_FOUND_REPLY
    assert finalize_reply(None, "AVISO", "", False) == "AVISO\n\n" + NOT_FOUND_REPLY
