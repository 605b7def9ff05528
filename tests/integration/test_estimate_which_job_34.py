"""Stop 34 (bench/quality/JOBS-34.md): "¿cuánto cobras?" with no job is asked which job, through the real stack.

On main such a message went to the estimate workflow, which found nothing to price and answered its failure text
("una persona del equipo la revisará"), notifying staff. Now the chat workflow's router ("What is the plumber asking
for?") asks which job, in Spanish, with estimate_job_text (through "Find the answer", like small talk; its reply is
marked estimate_job_asked); the plumber's next message ("Changes an open estimate?" reads the mark) goes to the
estimate workflow and is priced. A request that names a job the
catalogue cannot price still gets the failure text (test_estimates.py).

Real n8n, Postgres and gateway (the session's stubbed stack, tests/integration/stubbed_stack.py); the model stub is
never asked here.
"""

from __future__ import annotations

import json
import time

import pytest

from tests.integration.stubbed_stack import EstimateStack
from tests.workflows.workflow_json import load

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]

WORDS = {a["name"]: a["value"] for n in load("chat-answer.json")["nodes"] if n["name"] == "Estimate and person words"
         for a in n["parameters"]["assignments"]["assignments"]}
ASK_JOB = WORDS["estimate_job_text"]
FAILURE_TEXT_START = "Lo siento, no he podido preparar el presupuesto"


def estimates_of(es: EstimateStack, conversation_id: str) -> list[tuple]:
    return es.db("SELECT number FROM estimates WHERE conversation_id = %s", conversation_id)


def test_the_question_asked_back_is_short_spanish() -> None:
    assert ASK_JOB.startswith("¿De qué trabajo quieres el presupuesto?") and len(ASK_JOB.split()) <= 40


@pytest.mark.parametrize("text", ["¿cuánto cobras?", "hola, ¿cuánto me cobrarías?", "quiero un presupuesto"])
def test_an_estimate_request_without_a_job_is_asked_which_job_and_nobody_is_notified(
        stubbed_stack: EstimateStack, text: str) -> None:
    es = stubbed_stack
    requests = len(es.llm.requests)
    conversation_id, message_id, response = es.post_message(text)
    assert response.status_code == 200
    answer = es.answer(message_id)
    assert answer["text"] == ASK_JOB and answer["status"] == "ok" and answer["error"] is None
    assert answer["metadata"]["estimate_job_asked"] is True and answer["metadata"]["small_talk"] is True
    assert "una persona" not in answer["text"].lower() and not answer["text"].startswith(FAILURE_TEXT_START)
    [reply] = es.callbacks.replies_to(message_id)
    assert reply["text"] == ASK_JOB and "estimate" not in reply
    assert estimates_of(es, conversation_id) == [] and len(es.llm.requests) == requests
    time.sleep(2)   # a notification would run on its own a moment after the reply
    assert es.notifications(conversation_id, expected=1, timeout=3) == [], "not a miss: staff are not told"


def test_the_job_said_after_the_question_is_priced(stubbed_stack: EstimateStack) -> None:
    es = stubbed_stack
    conversation_id, first_id, _ = es.post_message("¿cuánto cobras?")
    assert es.answer(first_id)["text"] == ASK_JOB
    # no estimate word: the question asked back sends it to the estimate workflow
    _, second_id, _ = es.post_message("cambiar un termo eléctrico de 80 litros", conversation_id=conversation_id)
    answer = es.answer(second_id)
    found = estimates_of(es, conversation_id)
    assert len(found) == 1, answer
    [(number,)] = found
    assert answer["status"] == "ok" and number in answer["text"]
    assert json.dumps(answer["metadata"]).find(number) >= 0, "the estimate's card goes with the reply"
    # once priced, the conversation is back to normal: a plumbing question goes to the knowledge base
    _, third_id, _ = es.post_message("¿cómo purgo un radiador?", conversation_id=conversation_id)
    third = es.answer(third_id)
    assert estimates_of(es, conversation_id) == [(number,)] and "estimate" not in third["metadata"]


def test_the_question_is_asked_once(stubbed_stack: EstimateStack) -> None:
    """Asked which job and answered again with no job: the estimate workflow has it (a person prepares it)."""
    es = stubbed_stack
    conversation_id, first_id, _ = es.post_message("¿cuánto cobras?")
    assert es.answer(first_id)["text"] == ASK_JOB
    _, second_id, _ = es.post_message("¿cuánto cobras?", conversation_id=conversation_id)
    assert es.answer(second_id)["text"].startswith(FAILURE_TEXT_START)


def test_small_talk_after_the_question_is_small_talk(stubbed_stack: EstimateStack) -> None:
    es = stubbed_stack
    conversation_id, first_id, _ = es.post_message("¿cuánto cobras?")
    assert es.answer(first_id)["text"] == ASK_JOB
    _, second_id, _ = es.post_message("gracias", conversation_id=conversation_id)
    second = es.answer(second_id)
    assert second["metadata"].get("small_talk") is True and estimates_of(es, conversation_id) == []
