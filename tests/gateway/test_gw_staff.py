"""The staff console's gateway side (gateway/staff/): it relays to n8n and back, decides nothing, keeps the
session in an HttpOnly cookie, and keeps staff events away from plumbers' sockets. n8n is mocked with respx;
the whole thing through the real stack is tests/integration/test_takeover.py."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx
from quart.testing.connections import WebsocketDisconnectError, WebsocketResponseError

from tests.gateway.helpers import N8N, Gateway, assert_alive, recv, send, wait_for

STAFF_URL = f"{N8N}/webhook/remedios-staff"
CONVERSATION = "web:conv-aaaaaaaa"


@pytest.fixture
def staff_n8n(n8n: respx.MockRouter) -> list[dict[str, Any]]:
    """n8n's staff webhook: a session "good-session" exists; every request is recorded."""
    seen: list[dict[str, Any]] = []

    def decide(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        seen.append(body)
        if body["action"] == "login":
            if body["password"] == "buena-clave-1":
                return httpx.Response(200, json={"ok": True, "session": "good-session", "expires_at": "x",
                                                 "staff": {"id": 1, "username": "ana", "name": "Ana"}})
            return httpx.Response(200, json={"ok": False, "error": "bad_login", "message": "Usuario o contraseña incorrectos."})
        if body.get("session") != "good-session":
            return httpx.Response(200, json={"ok": False, "error": "no_session", "message": "La sesión ha caducado."})
        if body["action"] == "whoami":
            return httpx.Response(200, json={"ok": True, "staff": {"id": 1, "username": "ana", "name": "Ana"}})
        if body["action"] == "take":
            return httpx.Response(200, json={"ok": True, "changed": body["conversation_id"],
                                             "message_id": "staff-join:" + body["key"]})
        return httpx.Response(200, json={"ok": True, "conversations": []})

    n8n.post(STAFF_URL, name="staff").mock(side_effect=decide)
    return seen


def staff_ws(gateway: Gateway, session: str | None = "good-session") -> Any:
    headers = {"Cookie": f"remedios_staff={session}"} if session else {}
    return gateway.client.websocket("/staff/ws", headers=headers)


async def test_login_puts_the_session_in_an_httponly_cookie_only(gateway: Gateway, staff_n8n) -> None:
    response = await gateway.client.post("/staff/api/login", json={"username": "ana", "password": "buena-clave-1"})
    assert response.status_code == 200
    body = await response.get_data(as_text=True)
    assert "good-session" not in body and json.loads(body)["staff"]["name"] == "Ana"
    cookie = response.headers["Set-Cookie"]
    assert "remedios_staff=good-session" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Path=/staff" in cookie
    assert staff_n8n == [{"action": "login", "username": "ana", "password": "buena-clave-1"}]


async def test_bad_logins_are_refused_in_spanish(gateway: Gateway, staff_n8n, n8n: respx.MockRouter) -> None:
    wrong = await gateway.client.post("/staff/api/login", json={"username": "ana", "password": "mala"})
    assert wrong.status_code == 401 and "Set-Cookie" not in wrong.headers
    assert (await wrong.get_json())["message"] == "Usuario o contraseña incorrectos."
    for body in (b"no es json", b"[]", json.dumps({"username": "ana"}).encode(), b"{" + b" " * 5000 + b"}"):
        malformed = await gateway.client.post("/staff/api/login", data=body, headers={"Content-Type": "application/json"})
        assert malformed.status_code == 400
    assert len(staff_n8n) == 1, "a malformed log-in is never sent to n8n"
    foreign = await gateway.client.post("/staff/api/login", json={"username": "ana", "password": "buena-clave-1"},
                                        headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403
    n8n.routes["staff"].mock(return_value=httpx.Response(500))
    down = await gateway.client.post("/staff/api/login", json={"username": "ana", "password": "buena-clave-1"})
    assert down.status_code == 503 and "servidor" in (await down.get_json())["message"]


async def test_log_in_attempts_are_limited_per_address(gateway: Gateway, staff_n8n) -> None:
    """Each attempt costs Postgres a password hash: past GATEWAY_STAFF_LOGINS_PER_MINUTE (5) from one address
    the gateway answers 429 with Retry-After and n8n never sees the attempt; another address is not affected."""
    wrong = {"username": "ana", "password": "mala"}
    statuses = [(await gateway.client.post("/staff/api/login", json=wrong)).status_code for _ in range(5)]
    assert statuses == [401] * 5
    limited = await gateway.client.post("/staff/api/login", json={"username": "ana", "password": "buena-clave-1"})
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
    assert "Demasiados intentos" in (await limited.get_json())["message"] and "Set-Cookie" not in limited.headers
    assert len(staff_n8n) == 5, "a limited attempt never reaches n8n"
    other = await gateway.client.post("/staff/api/login", json={"username": "ana", "password": "buena-clave-1"},
                                      scope_base={"client": ("192.0.2.7", 40000)})
    assert other.status_code == 200


@pytest.mark.parametrize("session", [None, "bad-session", "conv-aaaaaaaa", CONVERSATION])
async def test_the_staff_socket_needs_a_live_session(gateway: Gateway, staff_n8n, session: str | None) -> None:
    with pytest.raises((WebsocketResponseError, WebsocketDisconnectError)):
        async with staff_ws(gateway, session) as ws:
            await ws.receive()
    assert gateway.runtime.hub.connection_count() == 0


async def test_actions_go_to_n8n_with_the_session_and_changes_reach_staff_only(gateway: Gateway, staff_n8n) -> None:
    async with gateway.websocket("conv-aaaaaaaa") as plumber, staff_ws(gateway) as staff:
        assert (await recv(staff))["type"] == "hello"
        await send(staff, {"type": "take", "request": "r1", "conversation_id": CONVERSATION, "key": "k1234567",
                           "session": "forged", "action": "list", "extra": "dropped"})
        result = await recv(staff)
        assert result == {"type": "result", "request": "r1", "action": "take", "ok": True, "changed": CONVERSATION,
                          "message_id": "staff-join:k1234567"}
        assert staff_n8n[-1] == {"action": "take", "conversation_id": CONVERSATION, "key": "k1234567",
                                 "session": "good-session"}, "the cookie's session, never one from the frame"
        assert await recv(staff) == {"type": "activity", "conversation_id": CONVERSATION, "what": "take",
                                     "message_id": "staff-join:k1234567"}

        # A reply to the plumber and a stored plumber message are also told to the consoles.
        response = await gateway.callback({"type": "reply", "conversation_id": CONVERSATION, "message_id": "staff:k9",
                                           "text": "Hola, soy Ana", "in_reply_to": None})
        assert response.status_code == 200
        assert (await recv(plumber))["text"] == "Hola, soy Ana"
        assert await recv(staff) == {"type": "activity", "conversation_id": CONVERSATION, "what": "reply",
                                     "message_id": "staff:k9"}
        await send(plumber, {"type": "message", "id": "plumber-msg-1", "text": "gracias"})
        assert (await recv(plumber))["type"] == "accepted"
        assert await recv(staff) == {"type": "activity", "conversation_id": CONVERSATION, "what": "message",
                                     "message_id": "plumber-msg-1"}
        await assert_alive(plumber)  # nothing of the staff's was queued for the plumber
        await assert_alive(staff)


@pytest.mark.parametrize("frame", [
    "not json", "[]", {"type": "drop_tables", "request": "r1"}, {"type": "take"},
    {"type": "take", "request": "has space"}, {"type": "reply", "request": "r1", "text": 5},
    {"type": "typing", "request": "r1", "active": "yes"},
])
async def test_frames_that_are_not_console_actions_never_reach_n8n(gateway: Gateway, staff_n8n, frame: Any) -> None:
    async with staff_ws(gateway) as staff:
        await recv(staff)
        before = len(staff_n8n)
        await send(staff, frame)
        assert (await recv(staff))["error"] == "invalid_frame"
        await assert_alive(staff)
        assert len(staff_n8n) == before


async def test_an_ended_session_closes_the_socket(gateway: Gateway, staff_n8n, n8n: respx.MockRouter) -> None:
    async with staff_ws(gateway) as staff:
        await recv(staff)
        n8n.routes["staff"].mock(return_value=httpx.Response(200, json={"ok": False, "error": "no_session",
                                                                         "message": "La sesión ha caducado."}))
        await send(staff, {"type": "list", "request": "r2"})
        assert (await recv(staff))["error"] == "no_session"
        with pytest.raises(WebsocketDisconnectError) as closed:
            await recv(staff)
        assert closed.value.args[0] == 4401
    await wait_for(lambda: gateway.runtime.hub.connection_count() == 0)


async def test_the_console_page_is_served_with_the_chat_pages_protections(gateway: Gateway) -> None:
    response = await gateway.client.get("/staff")
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    body = await response.get_data(as_text=True)
    assert "/static/staff.js" in body and "<script>" not in body
