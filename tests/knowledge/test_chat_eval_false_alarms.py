"""The whole-chat evaluation counts false alarms (bench/quality/run_chat_eval.py summarize): a safety notice on a
question whose `safety` is empty, whichever rule or article link put it there (bench/quality/SAFETY-10-LINKS.md)."""

from __future__ import annotations

from bench.quality import run_chat_eval as chat_eval

NOTICE = "AVISO DE SEGURIDAD (termo o ducha eléctrica): bajar el automático."


def _item(id: str, safety: str | None) -> dict:
    return {"id": id, "question": "¿?", "kind": "plain", "in_scope": True, "required": [["resistencia"]],
            "safety": safety}


def test_a_notice_on_a_question_without_danger_is_a_false_alarm() -> None:
    results = [
        chat_eval.score(_item("q1", "electricity"), NOTICE + "\n\nCambia la resistencia.", 1, {}, {}, None),
        chat_eval.score(_item("q2", None), NOTICE + "\n\nCambia la resistencia.", 1, {}, {}, None),
        chat_eval.score(_item("q3", None), "Cambia la resistencia.", 1, {}, {}, None),
        chat_eval.score(_item("q4", None), "Cambia la resistencia.", 1, {}, {}, None),
    ]
    summary = chat_eval.summarize(results)
    assert summary["safety_notice_present"] == "1/1"
    assert summary["safety_notice_false_alarms"] == "1/3"
