"""The one signed "send to gateway" sub-workflow (send-to-gateway.json) through the real stack: a failed send is
recorded once, as a failure of the workflow that called it (issue 17; the measurement is in
n8n-workflows/README.md), and the re-send workflow runs it once per reply, so one reply the gateway refuses does
not hold up the others."""

from __future__ import annotations

import asyncio
import os
import signal
import uuid
from typing import Any

import pytest

from devstack.stack import Stack
from tests.integration.conftest import rows
from tests.integration.test_faults import GROUNDED_QUESTION, eventually, execute

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]

SUB_WORKFLOW_ID = "RmdSendToGateway"
# The chat's job sub-workflows (tests/workflows/test_chat_split.py): the send fails two levels down, in
# "Chat: store and send the reply", called by the router's step "Store and send the reply".
CHAT_SUB_WORKFLOW_IDS = ("RmdChatKnowledge", "RmdChatSendReply")


def db_now(stack: Stack) -> Any:
    return rows(stack, "SELECT now()")[0][0]


async def test_a_failed_send_is_recorded_once_as_the_callers_failure(stack: Stack, open_chat) -> None:
    """Gateway killed while the answer is written: "Send reply to gateway" (an Execute Workflow node, 5 tries, in
    "Chat: store and send the reply") runs the send sub-workflow 5 times, each fails; that fails the router's step
    "Store and send the reply". workflow_failures gets exactly one row, the router's, naming its step and carrying
    the send's reason, and none for any sub-workflow. Back up, the re-send workflow delivers the reply through the
    same sub-workflow."""
    started = db_now(stack)
    restarted = False
    try:
        async with open_chat() as chat:
            assert stack.llm is not None
            os.kill(stack.llm.pid, signal.SIGSTOP)  # the answer is "being written" until the gateway is gone
            try:
                message_id = await chat.send_message(GROUNDED_QUESTION)
                await chat.wait_for(lambda e: e.get("type") == "accepted" and e.get("id") == message_id, 10)
                await eventually(lambda: rows(stack, "SELECT 1 FROM messages WHERE id = %s", message_id), 60,
                                 "message stored")
                stack.gateway.kill()
            finally:
                os.kill(stack.llm.pid, signal.SIGCONT)
        [(reply_id,)] = await eventually(lambda: rows(
            stack, "SELECT m.id FROM messages m JOIN reply_deliveries d ON d.message_id = m.id "
                   "WHERE m.in_reply_to = %s", message_id), 120, "the answer stored")
        failures = await eventually(lambda: rows(
            stack, "SELECT workflow_id, failed_node, mode FROM workflow_failures WHERE created_at > %s "
                   "AND workflow_id = 'RmdChatAnswer001'", started), 120, "the failed execution recorded")
        await asyncio.sleep(5)  # a late second record (the sub-workflow's own) would show up here
        recorded = rows(stack, "SELECT workflow_id, failed_node, mode, error_message, error_detail FROM "
                               "workflow_failures WHERE created_at > %s "
                               "AND workflow_id IN ('RmdChatAnswer001', %s, %s, %s)",
                        started, SUB_WORKFLOW_ID, *CHAT_SUB_WORKFLOW_IDS)
        print("workflow_failures rows:", recorded)
        assert failures == [("RmdChatAnswer001", "Store and send the reply", "webhook")]
        assert [r[0] for r in recorded] == ["RmdChatAnswer001"], "recorded once, as the caller's failure"
        assert "refused the connection" in recorded[0][3], "the reason of the send that failed, for staff"
        # staff follow the link to the sub-workflow's failed execution (errors-record.json, "Read the failure")
        assert recorded[0][4].startswith("Falló dentro del subflujo RmdChatSendReply, ejecución "), recorded[0][4]
        assert "/workflow/RmdChatSendReply/executions/" in recorded[0][4]
        assert rows(stack, "SELECT state FROM reply_deliveries WHERE message_id = %s", reply_id) == [("pending",)]

        stack.restart_gateway()
        restarted = True
        execute(stack, "UPDATE reply_deliveries SET next_attempt_at = now() WHERE message_id = %s", reply_id)
        await eventually(lambda: rows(stack, "SELECT 1 FROM reply_deliveries WHERE message_id = %s "
                                             "AND state = 'taken'", reply_id), 75, "the reply re-sent and taken")
    finally:
        if not restarted:
            stack.restart_gateway()


async def test_a_failed_answer_job_is_recorded_once_as_the_routers_failure(stack: Stack, open_chat) -> None:
    """"Chat: find the answer" fails (its knowledge search errors: kb_answer is renamed away for this test): the
    router's step "Find the answer" fails and workflow_failures gets exactly one row, the router's, naming that
    step and the step inside that failed, carrying the database's reason and the link to the sub-workflow's
    failed execution, and none for any sub-workflow. The plumber's message stays stored
    and no reply is stored or sent, as when the same failure stopped the one workflow before the split."""
    started = db_now(stack)
    execute(stack, "ALTER FUNCTION kb_answer(text, text, jsonb) RENAME TO kb_answer_held_by_test")
    try:
        async with open_chat() as chat:
            message_id = await chat.send_message("La bomba de la caldera hace un ruido raro al arrancar, ¿qué reviso?")
            await chat.wait_for(lambda e: e.get("type") == "accepted" and e.get("id") == message_id, 10)
            failures = await eventually(lambda: rows(
                stack, "SELECT workflow_id, failed_node, mode, error_message, error_detail FROM workflow_failures "
                       "WHERE created_at > %s AND workflow_id = 'RmdChatAnswer001'", started), 120,
                "the failed execution recorded")
            await asyncio.sleep(5)  # a late second record (a sub-workflow's own) would show up here
            recorded = rows(stack, "SELECT workflow_id FROM workflow_failures WHERE created_at > %s "
                                   "AND workflow_id IN ('RmdChatAnswer001', %s, %s, %s)",
                            started, SUB_WORKFLOW_ID, *CHAT_SUB_WORKFLOW_IDS)
            replies = rows(stack, "SELECT id FROM messages WHERE in_reply_to = %s", message_id)
    finally:
        execute(stack, "ALTER FUNCTION kb_answer_held_by_test(text, text, jsonb) RENAME TO kb_answer")
    print("workflow_failures rows:", failures)
    [(workflow_id, failed_node, mode, error_message, error_detail)] = failures
    assert (workflow_id, failed_node, mode) == ("RmdChatAnswer001", "Find the answer → Find knowledge articles",
                                                "webhook")
    assert "kb_answer" in error_message, "the reason, for staff"
    assert error_detail.startswith("Falló dentro del subflujo RmdChatKnowledge, en el paso «Find knowledge "
                                   "articles», ejecución "), error_detail
    assert "/workflow/RmdChatKnowledge/executions/" in error_detail
    assert recorded == [("RmdChatAnswer001",)], "recorded once, as the router's failure"
    assert rows(stack, "SELECT role FROM messages WHERE id = %s", message_id) == [("user",)]
    assert replies == []


async def test_one_reply_the_gateway_refuses_does_not_hold_up_the_others(stack: Stack) -> None:
    """Two replies owed, the first one malformed (empty text: the gateway answers 400). The re-send workflow runs
    the sub-workflow once per reply: the good one is taken, the bad one stays pending with the reason, and no
    execution fails (the refusal is noted in reply_deliveries, not as a failed execution)."""
    started = db_now(stack)
    conversation = f"web:{uuid.uuid4().hex}"
    bad, good = f"reply:{uuid.uuid4()}", f"reply:{uuid.uuid4()}"
    execute(stack, "INSERT INTO conversations (id, channel) VALUES (%s, 'web')", conversation)
    execute(stack, "INSERT INTO messages (id, conversation_id, role, channel, text, created_at) "
                   "VALUES (%s, %s, 'assistant', 'web', '', now() - interval '2 seconds'), "
                   "(%s, %s, 'assistant', 'web', 'Respuesta que estaba pendiente.', now() - interval '1 second')",
            bad, conversation, good, conversation)
    execute(stack, "UPDATE reply_deliveries SET next_attempt_at = now() WHERE message_id IN (%s, %s)", bad, good)

    await eventually(lambda: rows(stack, "SELECT 1 FROM reply_deliveries WHERE message_id = %s AND state = 'taken'",
                                  good), 75, "the good reply taken")
    [(state, attempts, last_error)] = await eventually(lambda: rows(
        stack, "SELECT state, attempts, last_error FROM reply_deliveries WHERE message_id = %s "
               "AND last_error IS NOT NULL", bad), 30, "the refusal noted")
    print("last_error of the refused reply:", last_error)
    assert state == "pending" and attempts >= 1
    assert "reply.text must be a non-empty string" in last_error  # the gateway's own words reach staff
    assert rows(stack, "SELECT workflow_id FROM workflow_failures WHERE created_at > %s "
                       "AND workflow_id IN ('RmdReplyRedrive1', %s)", started, SUB_WORKFLOW_ID) == []
    execute(stack, "DELETE FROM conversations WHERE id = %s", conversation)  # nothing left to re-send forever


@pytest.mark.slow  # waits for the re-send schedule's rounds: make test-slow
async def test_refused_replies_anywhere_in_a_round_have_their_reason_noted(stack: Stack) -> None:
    """Four replies owed in one round, the 2nd and the 4th malformed. "One reply at a time" (Loop Over Items) hands
    them to the send sub-workflow one by one: both good ones are taken and each refused one keeps its own reason.
    (With the deprecated "Run once for each item" of Execute Workflow typeVersion 1.2 only a failure of the round's
    first item reached the error output: its error items went to output <item index>, which n8n then replaced.)"""
    started = db_now(stack)
    conversation = f"web:{uuid.uuid4().hex}"
    good_1, bad_1, good_2, bad_2 = (f"reply:{uuid.uuid4()}" for _ in range(4))
    execute(stack, "INSERT INTO conversations (id, channel) VALUES (%s, 'web')", conversation)
    execute(stack, "INSERT INTO messages (id, conversation_id, role, channel, text, created_at) VALUES "
                   "(%s, %s, 'assistant', 'web', 'Primera respuesta pendiente.', now() - interval '4 seconds'), "
                   "(%s, %s, 'assistant', 'web', '', now() - interval '3 seconds'), "
                   "(%s, %s, 'assistant', 'web', 'Segunda respuesta pendiente.', now() - interval '2 seconds'), "
                   "(%s, %s, 'assistant', 'web', '', now() - interval '1 second')",
            good_1, conversation, bad_1, conversation, good_2, conversation, bad_2, conversation)
    owed = (good_1, bad_1, good_2, bad_2)
    try:
        execute(stack, "UPDATE reply_deliveries SET next_attempt_at = now() WHERE message_id IN (%s, %s, %s, %s)",
                *owed)
        await eventually(lambda: rows(stack, "SELECT count(*) FROM reply_deliveries WHERE message_id IN (%s, %s) "
                                             "AND state = 'taken' HAVING count(*) = 2", good_1, good_2),
                         75, "both good replies taken")
        def both_refusals_noted() -> list[tuple[Any, ...]] | None:
            noted = rows(stack, "SELECT message_id, state, attempts, last_error FROM reply_deliveries "
                                "WHERE message_id IN (%s, %s) AND last_error IS NOT NULL", bad_1, bad_2)
            return sorted(noted, key=lambda row: owed.index(row[0])) if len(noted) == 2 else None

        refused = await eventually(both_refusals_noted, 30, "both refusals noted")
        print("refused replies:", refused)
        assert [r[0] for r in refused] == [bad_1, bad_2]
        for _, state, attempts, last_error in refused:
            assert state == "pending" and attempts == 1, "tried once in that round, left for the next"
            assert "reply.text must be a non-empty string" in last_error
        assert rows(stack, "SELECT workflow_id FROM workflow_failures WHERE created_at > %s "
                           "AND workflow_id IN ('RmdReplyRedrive1', %s)", started, SUB_WORKFLOW_ID) == []
    finally:
        execute(stack, "DELETE FROM conversations WHERE id = %s", conversation)  # nothing left to re-send forever
