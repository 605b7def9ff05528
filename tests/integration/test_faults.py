"""Faults on the spine: n8n down while plumbers write, the gateway killed after acknowledging, and the runner
starting crashed parts again."""

from __future__ import annotations

import asyncio
import threading

import pytest

from devstack.stack import Stack
from devstack.supervisor import RestartPolicy, Supervisor
from tests.integration.conftest import rows

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]


async def wait_for_answers(stack: Stack, conversation_id: str, expected: int, timeout: float) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        answered = rows(stack, "SELECT count(*) FROM messages WHERE conversation_id = %s AND role = 'assistant'",
                        conversation_id)[0][0]
        if answered >= expected:
            return
        await asyncio.sleep(1)
    raise AssertionError(f"only {answered} of {expected} messages answered after {timeout:.0f} s")


async def test_nothing_is_lost_or_doubled_when_n8n_is_down_and_the_gateway_crashes(stack: Stack, open_chat) -> None:
    stack.stop_n8n()
    try:
        async with open_chat() as chat:
            before_crash = [await chat.send_message(f"Pregunta {i} mientras n8n está parado") for i in range(3)]
            for message_id in before_crash:
                await chat.wait_for(lambda e, m=message_id: e.get("type") == "accepted" and e.get("id") == m, 10)
        # Acknowledged but not delivered: they exist only in the gateway's outbox. Kill it as a crash would.
        stack.restart_gateway(crash=True)
        async with open_chat(chat.browser_id) as chat_again:
            after_crash = [await chat_again.send_message(f"Pregunta {i} después del reinicio") for i in (3, 4)]
            for message_id in after_crash:
                await chat_again.wait_for(lambda e, m=message_id: e.get("type") == "accepted" and e.get("id") == m, 10)
        assert rows(stack, "SELECT count(*) FROM messages WHERE conversation_id = %s", chat.conversation_id) == [(0,)]
    finally:
        stack.start_n8n()

    sent = before_crash + after_crash
    await wait_for_answers(stack, chat.conversation_id, len(sent), timeout=240)
    await asyncio.sleep(3)  # a late duplicate would show up here
    users = rows(stack, "SELECT id FROM messages WHERE conversation_id = %s AND role = 'user' ORDER BY seq",
                 chat.conversation_id)
    assert [r[0] for r in users] == sent, "every message stored once, in the order the plumber sent them"
    answers = rows(stack, "SELECT in_reply_to, count(*) FROM messages WHERE conversation_id = %s AND role = 'assistant' "
                          "GROUP BY in_reply_to", chat.conversation_id)
    assert sorted(answers) == sorted((m, 1) for m in sent), "every message answered exactly once"


async def test_the_runner_starts_a_crashed_gateway_and_n8n_again(stack: Stack, open_chat) -> None:
    """`make run`'s supervisor (devstack/supervisor.py): parts killed as a crash would are running again
    within seconds and a plumber's question is answered, without anyone restarting anything."""
    lines: list[str] = []
    supervisor = Supervisor(stack.supervised_parts(), say=lines.append, policy=RestartPolicy(0.5, 5.0, 300.0))
    stopping = threading.Event()
    watcher = threading.Thread(target=supervisor.watch, args=(stopping, 0.2), daemon=True)
    watcher.start()
    try:
        old_gateway, old_n8n = stack.gateway.pid, stack.n8n.pid
        stack.n8n.kill()
        stack.gateway.kill()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 180
        while loop.time() < deadline and not (
                stack.gateway.alive() and stack.n8n.alive() and stack.gateway.pid != old_gateway
                and stack.n8n.pid != old_n8n and sum("is running again" in line for line in lines) >= 2):
            await asyncio.sleep(0.5)
        assert sum("is running again" in line for line in lines) >= 2, lines
        assert any(line.startswith("[supervisor] gateway stopped unexpectedly (exit code -9)") for line in lines)
        async with open_chat() as chat:
            message_id = await chat.send_message("¿Cómo cambio el cartucho de un grifo monomando?")
            reply = await chat.reply_to(message_id, timeout=240)
        assert reply["text"]
    finally:
        stopping.set()
        watcher.join(10)
