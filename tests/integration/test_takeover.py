"""Staff take over a conversation, through the real stack (Postgres, n8n, gateway; docs/contracts.md §10).

The model is the deterministic stub of tests/support/llm_stub.py, so a test can know whether the model was
asked at all, make it slow (a takeover while it writes), and read every prompt it got (notes must never be in
one). Staff use the real console protocol: log in over HTTP, then the staff socket.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

import pytest
import websockets

from devstack.stack import Stack
from tests.integration.conftest import ChatClient, rows
from tests.integration.staff_client import COOKIE, logged_in, login, new_staff, staff_socket
from tests.integration.stubbed_stack import EstimateStack
from tests.support.llm_stub import LlmStub, marker, slow, text_reply

pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]

QUESTION = "¿Cómo cambio el cartucho de un grifo monomando que gotea?"
PERSON_TEXT_START = "De acuerdo: he avisado al equipo técnico."


@pytest.fixture(scope="module")
def llm(stubbed_stack: EstimateStack) -> LlmStub:
    return stubbed_stack.llm


@pytest.fixture(scope="module")
def stack(stubbed_stack: EstimateStack) -> Stack:
    """The session's stubbed stack (the model is the stub) stands in for the session one: conftest's `open_chat`
    connects to it."""
    return stubbed_stack.stack


def prompts(llm: LlmStub) -> str:
    """Everything the model was ever sent, as one string."""
    return json.dumps(llm.requests, ensure_ascii=False)


def agent_answers(stack: Stack, message_id: str) -> list[tuple[Any, ...]]:
    return rows(stack, "SELECT id, text FROM messages WHERE in_reply_to = %s AND role = 'assistant'", message_id)


async def stored(stack: Stack, message_id: str, timeout: float = 30) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not rows(stack, "SELECT 1 FROM messages WHERE id = %s", message_id):
        assert loop.time() < deadline, f"{message_id} was never stored"
        await asyncio.sleep(0.2)


async def ask_plumber(chat: ChatClient, text: str) -> str:
    message_id = await chat.send_message(text)
    await chat.wait_for(lambda e: e.get("type") == "accepted" and e.get("id") == message_id, 15)
    return message_id


def staff_events(chat: ChatClient) -> list[dict[str, Any]]:
    return [e for e in chat.events if e.get("type") in ("activity", "result", "hello")]


# -------------------------------------------------------------------------------------------------------------
async def test_access_needs_a_staff_session(stack: Stack, open_chat) -> None:
    username, password = new_staff(stack, "Marta Ruiz")
    assert login(stack, username, "contraseña-equivocada").status_code == 401
    assert login(stack, "nadie", password).status_code == 401
    bad = httpx_post_raw(stack, b"not json")
    assert bad.status_code == 400 and "usuario" in bad.json()["message"]

    async with open_chat() as chat:
        await stored(stack, await ask_plumber(chat, "hola"))
        # No cookie, a made-up one, or the plumber's own conversation id: refused before the upgrade.
        for session in (None, "x" * 64, chat.browser_id, chat.conversation_id):
            with pytest.raises(websockets.InvalidStatus) as refused:
                async with staff_socket(stack, session):
                    pass
            assert refused.value.response.status_code == 401

        response = login(stack, username, password)
        assert response.status_code == 200
        assert COOKIE not in response.text, "the session is only in the HttpOnly cookie"
        assert "HttpOnly" in response.headers["set-cookie"] and "SameSite=Strict" in response.headers["set-cookie"]
        async with staff_socket(stack, response.cookies[COOKIE]) as staff:
            listed = await staff.ask("list")
            assert listed["ok"] and any(c["id"] == chat.conversation_id for c in listed["conversations"])
            taken = await staff.act("take", chat.conversation_id)
            assert taken["ok"]
            await staff.act("note", chat.conversation_id, text="Nota privada de prueba")
            await staff.act("handback", chat.conversation_id)
            await chat.wait_for(lambda e: e.get("type") == "reply" and e["id"].startswith("staff-leave:"), 30)
            # The session ends (expired): the next action is refused and the socket closed.
            rows(stack, "UPDATE staff_sessions SET expires_at = now() - interval '1 minute' "
                        "WHERE staff_id = (SELECT id FROM staff_accounts WHERE username = %s) RETURNING 1", username)
            refused_action = await staff.ask("list")
            assert refused_action["ok"] is False and refused_action["error"] == "no_session"
            with pytest.raises(websockets.ConnectionClosed) as closed:
                await staff.wait_for(lambda e: False, 10)
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401
        await asyncio.sleep(1)
        assert staff_events(chat) == [], "a plumber's socket never receives staff events"
        assert not any("Nota privada" in str(e) for e in chat.events), "a note is never sent to the plumber"


def httpx_post_raw(stack: Stack, body: bytes) -> Any:
    import httpx

    return httpx.post(stack.config.gateway_url + "/staff/api/login", content=body, timeout=30,
                      headers={"Content-Type": "application/json"})


async def test_the_agent_never_answers_while_a_person_owns_the_conversation(stack: Stack, open_chat, llm) -> None:
    word = marker()
    async with open_chat() as chat, logged_in(stack, "Ana García") as ana:
        greeting = await ask_plumber(chat, "hola")
        await chat.reply_to(greeting, 60)  # small talk: answered at once, without the model

        taken = await ana.act("take", chat.conversation_id)
        assert taken["ok"] and taken["conversation"]["state"] == "person"
        assert taken["conversation"]["owner_name"] == "Ana García"
        joined = await chat.wait_for(lambda e: e.get("type") == "reply" and e["id"].startswith("staff-join:"), 30)
        assert "Ana García" in joined["text"]
        await asyncio.sleep(1)  # the notice came after a typing signal, in the same loop of "Staff: console"
        assert rows(stack, "SELECT state FROM reply_deliveries WHERE message_id = %s", joined["id"]) == \
            [("taken",)], "the second message of one action is marked taken too (its own id, not the first's)"

        # The plumber writes: stored, staff see it live, and nothing else happens.
        asked = await ask_plumber(chat, f"{QUESTION} {word}")
        await ana.wait_for(lambda e: e.get("type") == "activity" and e["conversation_id"] == chat.conversation_id
                           and e["what"] == "message" and e.get("message_id") == asked, 30)
        thread = await ana.ask("thread", conversation_id=chat.conversation_id)
        assert [m["id"] for m in thread["messages"] if m["role"] == "user"][-1] == asked
        thanks = await ask_plumber(chat, "gracias")  # small talk would be answered within a second
        await stored(stack, thanks)
        await asyncio.sleep(8)
        assert agent_answers(stack, asked) == [] and agent_answers(stack, thanks) == []
        assert not any(e.get("type") == "reply" and e.get("in_reply_to") in (asked, thanks) for e in chat.events)
        assert llm.requests_with(word) == [], "the model is not asked while a person owns the conversation"
        assert rows(stack, "SELECT count(*) FROM takeover_dropped_replies WHERE conversation_id = %s",
                    chat.conversation_id) == [(0,)], "stopped before any answer was written, not dropped later"
        assert rows(stack, "SELECT count(*) FROM messages WHERE id IN (%s, %s) AND answer_redriven_at IS NOT NULL",
                    asked, thanks) == [(2,)], "never re-answered by 'answer forgotten messages' after a hand-back"

        # The person answers, by the plumber's channel, stored with its author; a private note stays private.
        note_text = f"Cliente habitual, no cobrar desplazamiento {marker()}"
        assert (await ana.act("note", chat.conversation_id, text=note_text))["ok"]
        said = await ana.act("reply", chat.conversation_id, text="Hola, soy Ana. ¿Qué modelo de grifo es?")
        assert said["ok"] and said["message_id"].startswith("staff:")
        reply = await chat.wait_for(lambda e: e.get("type") == "reply" and e.get("id") == said["message_id"], 30)
        assert reply["text"] == "Hola, soy Ana. ¿Qué modelo de grifo es?"
        author = rows(stack, "SELECT role, metadata->'author'->>'name' FROM messages WHERE id = %s", said["message_id"])
        assert author == [("assistant", "Ana García")]
        await asyncio.sleep(1)
        assert rows(stack, "SELECT state FROM reply_deliveries WHERE message_id = %s", said["message_id"]) == \
            [("taken",)], "the gateway took it: the re-send workflow will not send it again"

        # Hand back: the agent answers again, and the note never reaches the model.
        assert (await ana.act("handback", chat.conversation_id))["ok"]
        await chat.wait_for(lambda e: e.get("type") == "reply" and e["id"].startswith("staff-leave:"), 30)
        later_word = marker()
        later = await ask_plumber(chat, f"{QUESTION} {later_word}")
        answer = await chat.reply_to(later, 120)
        assert answer["text"]
        assert llm.requests_with(later_word), "after the hand-back the model is asked again"
        assert "Hola, soy Ana. ¿Qué modelo de grifo es?" in json.dumps(llm.requests_with(later_word), ensure_ascii=False), \
            "the agent sees what the person said after the hand-back"
        assert note_text not in prompts(llm), "a private note never reaches the model"
        thread = await ana.ask("thread", conversation_id=chat.conversation_id)
        assert thread["conversation"]["state"] == "agent"
        assert [n["text"] for n in thread["notes"]] == [note_text]
        assert not any(note_text in str(e) for e in chat.events)
    assert staff_events(chat) == []


async def test_a_takeover_while_the_model_writes_drops_its_answer(stack: Stack, open_chat, llm) -> None:
    word = marker()
    llm.script(word, slow(text_reply(f"Respuesta tardía del modelo {word}"), 8))
    async with open_chat() as chat, logged_in(stack, "Luis Pérez") as luis:
        asked = await ask_plumber(chat, f"{QUESTION} {word}")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 60
        while not llm.requests_with(word):  # the model is writing now
            assert loop.time() < deadline, "the model was never asked"
            await asyncio.sleep(0.1)
        assert (await luis.act("take", chat.conversation_id))["ok"]
        await chat.wait_for(lambda e: e.get("type") == "reply" and e["id"].startswith("staff-join:"), 30)

        deadline = loop.time() + 60
        while not rows(stack, "SELECT 1 FROM takeover_dropped_replies WHERE in_reply_to = %s", asked):
            assert loop.time() < deadline, "the late answer was neither sent nor dropped"
            await asyncio.sleep(0.3)
        await asyncio.sleep(2)
        dropped = rows(stack, "SELECT text FROM takeover_dropped_replies WHERE in_reply_to = %s", asked)
        assert len(dropped) == 1 and word in dropped[0][0]
        assert agent_answers(stack, asked) == []
        assert not any(e.get("type") == "reply" and word in e.get("text", "") for e in chat.events)
        thread = await luis.ask("thread", conversation_id=chat.conversation_id)
        assert not any(word in m["text"] and m["role"] == "assistant" for m in thread["messages"])


async def test_two_staff_race_for_one_conversation_and_double_clicks_change_nothing(stack: Stack, open_chat) -> None:
    async with open_chat() as chat, logged_in(stack, "Ana Torres") as ana, logged_in(stack, "Bea Gil") as bea:
        await stored(stack, await ask_plumber(chat, "hola"))  # the conversation exists in Postgres
        for _ in range(3):  # several rounds: whoever is first, exactly one wins each time
            results = await asyncio.gather(ana.act("take", chat.conversation_id), bea.act("take", chat.conversation_id))
            winners = [r for r in results if r["ok"]]
            losers = [r for r in results if not r["ok"]]
            assert len(winners) == 1 and len(losers) == 1, results
            assert losers[0]["error"] == "taken" and "ya atiende" in losers[0]["message"]
            winner = ana if results[0]["ok"] else bea
            loser = bea if winner is ana else ana
            assert (await loser.act("reply", chat.conversation_id, text="no debería salir"))["error"] == "not_owner"
            assert (await loser.act("handback", chat.conversation_id))["error"] == "not_owner"
            again = await winner.act("take", chat.conversation_id)  # a second click: already theirs
            assert again["ok"] and again.get("already")
            # A double click (or a retry after a reconnect) sends the same key twice: one message.
            key = uuid.uuid4().hex
            twice = await asyncio.gather(winner.act("reply", chat.conversation_id, key=key, text="Un momento, lo miro."),
                                         winner.act("reply", chat.conversation_id, key=key, text="Un momento, lo miro."))
            assert all(r["ok"] for r in twice)
            assert rows(stack, "SELECT count(*) FROM messages WHERE id = %s", f"staff:{key}") == [(1,)]
            await chat.wait_for(lambda e, k=key: e.get("id") == f"staff:{k}", 30)
            assert (await winner.act("handback", chat.conversation_id))["ok"]
        joins = rows(stack, "SELECT count(*) FROM messages WHERE conversation_id = %s AND id LIKE 'staff-join:%%'",
                     chat.conversation_id)
        assert joins == [(3,)], "one 'joined' notice per takeover that won"
        await asyncio.sleep(1)
        replies = [e["id"] for e in chat.events if e.get("type") == "reply" and e["id"].startswith("staff:")]
        assert len(replies) == len(set(replies)) == 3


async def test_asking_for_a_person_puts_the_conversation_first_in_the_staff_list(stack: Stack, open_chat) -> None:
    async with open_chat() as chat, logged_in(stack, "Carmen Díaz") as carmen:
        asked = await ask_plumber(chat, "quiero hablar con una persona")
        reply = await chat.reply_to(asked, 60)
        assert reply["text"].startswith(PERSON_TEXT_START), "the plumber is told a person will come"
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 30
        while True:
            listed = (await carmen.ask("list"))["conversations"]
            mine = next(c for c in listed if c["id"] == chat.conversation_id)
            if mine["state"] == "waiting":
                break
            assert loop.time() < deadline, mine
            await asyncio.sleep(0.5)
        assert listed[0]["state"] == "waiting", "waiting for a person comes first"
        assert mine["unread"] >= 1
        assert rows(stack, "SELECT kind FROM staff_notifications WHERE conversation_id = %s",
                    chat.conversation_id) == [("human_requested",)], "the notification (and e-mail) stays"
        thread = await carmen.ask("thread", conversation_id=chat.conversation_id)
        assert thread["conversation"]["unread"] == 0, "opening the thread reads it"
        assert (await carmen.act("take", chat.conversation_id))["ok"]
        assert (await carmen.act("resolve", chat.conversation_id))["ok"]
        listed = (await carmen.ask("list"))["conversations"]
        mine = next(c for c in listed if c["id"] == chat.conversation_id)
        assert mine["state"] == "agent" and mine["resolved"] is True


def test_passwords_are_pbkdf2_hashes_python_can_check(stack: Stack) -> None:
    import hashlib

    username, password = new_staff(stack, "Hash Prueba")
    stored_hash = rows(stack, "SELECT password_hash FROM staff_accounts WHERE username = %s", username)[0][0]
    scheme, iterations, salt, digest = stored_hash.split("$")
    assert scheme == "pbkdf2-sha256" and int(iterations) >= 10000 and password not in stored_hash
    assert hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(iterations)).hex() == digest
    with pytest.raises(Exception, match="at least"):
        new_staff_with(stack, "corta")


def new_staff_with(stack: Stack, password: str) -> None:
    from devstack.staff import set_account

    assert stack.app_db is not None
    set_account(stack.app_db.url, f"s{uuid.uuid4().hex[:8]}", "Corta", password)


def test_the_staff_command_creates_accounts_that_can_log_in(stack: Stack) -> None:
    """`python -m devstack staff add|list|disable` against this stack's running Postgres (left running)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "REMEDIOS_RUN_DIR": str(stack.config.run_dir),
           "REMEDIOS_PG_PORT": str(stack.config.postgres_port)}
    env.pop("DATABASE_URL", None)

    def staff(*args: str, password: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "devstack", "staff", *args], input=password + "\n", env=env,
                              cwd=stack.config.root, capture_output=True, text=True, timeout=120)

    username = f"rosa{uuid.uuid4().hex[:6]}"
    password = f"clave-de-rosa-{uuid.uuid4().hex[:6]}"
    added = staff("add", username, "--name", "Rosa Martín", "--password-stdin", password=password)
    assert added.returncode == 0, added.stderr
    assert login(stack, username, password).status_code == 200
    assert f"{username}\tRosa Martín\tactive" in staff("list").stdout
    short = staff("add", username, "--name", "Rosa", "--password-stdin", password="corta")
    assert short.returncode == 2 and "at least" in short.stderr
    assert login(stack, username, password).status_code == 200, "a refused change changes nothing"
    assert staff("disable", username).returncode == 0
    assert login(stack, username, password).status_code == 401
    assert stack.postgres is not None and stack.postgres.running(), "the command leaves a running cluster running"
