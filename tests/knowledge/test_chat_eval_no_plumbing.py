"""The whole-chat evaluation (bench/quality/run_chat_eval.py) must not hide a miss behind the friendly
no-plumbing reply (no_plumbing_text, eval/DEV-SMALLTALK-3.md): for an in-scope question it counts as "not sure";
for small talk and out-of-scope messages it is the right kind of reply, not a "not sure"."""

from __future__ import annotations

from bench.quality import run_chat_eval as chat_eval
from tests.workflows.test_answer_shape import SETTINGS

FRIENDLY = SETTINGS["no_plumbing_text"]


def _item(**extra: object) -> dict:
    return {"id": "q1", "question": "¿?", "kind": "regional", "in_scope": True, "required": [["cartucho"]], **extra}


def test_the_evaluation_reads_the_reply_staff_set() -> None:
    assert chat_eval.NO_PLUMBING and chat_eval.NO_PLUMBING == chat_eval.normalize(FRIENDLY)


def test_an_in_scope_question_that_gets_the_friendly_reply_is_a_miss() -> None:
    result = chat_eval.score(_item(), FRIENDLY, 1, {"q1": "grifo-x"}, {}, None)
    assert result.not_sure and not result.wrong_article


def test_small_talk_and_other_topics_that_get_it_are_not_counted_as_not_sure() -> None:
    assert not chat_eval.score(_item(kind="smalltalk"), FRIENDLY, 1, {}, {}, None).not_sure
    assert not chat_eval.score(_item(in_scope=False), FRIENDLY, 1, {}, {}, None).not_sure
