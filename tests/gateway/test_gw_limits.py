"""Abuse limits (gateway/limits.py): per client address and overall, so one client cannot starve the others.

Through Quart's test client (the client address is the ASGI scope's `client`, set per socket) with n8n mocked by
respx, and through a real Hypercorn for what only a server shows: the handshake refused with HTTP 429 before
the upgrade, and voice uploads refused before their body is read (from 127.0.0.1 and 127.0.0.2).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from quart.testing.connections import WebsocketDisconnectError, WebsocketResponseError

from gateway.app import create_app, runtime_of
from gateway.logs import JsonFormatter
from gateway.settings import Settings, SettingsError
from gateway.speech.settings import SpeechSettings
from tests.gateway.helpers import Gateway, assert_alive, make_settings, recv, send, wait_for

PLUMBER = "192.0.2.10"  # a real plumber's address
ABUSER = "203.0.113.66"  # a script's address
PROXY = "10.0.0.2"  # a reverse proxy in front of the gateway


def message(mid: str, text: str = "Gotea el grifo") -> dict:
    return {"type": "message", "id": mid, "text": text}


@contextlib.asynccontextmanager
async def limited_gateway(tmp_path: Path, n8n: respx.MockRouter, **overrides: Any) -> AsyncIterator[Gateway]:
    app = create_app(make_settings(tmp_path / "gw", **overrides), transport=httpx.MockTransport(n8n.async_handler))
    async with app.test_app() as test_app:
        yield Gateway(app, test_app.test_client(), runtime_of(app))


def socket_from(gw: Gateway, address: str, browser_id: str = "conv-aaaaaaaa",
                headers: dict[str, str] | None = None) -> Any:
    """A WebSocket whose peer (the ASGI scope's client) is `address`."""
    return gw.client.websocket(f"/ws?conversation={browser_id}", headers=headers,
                               scope_base={"client": (address, 40_000)})


async def refused(gw: Gateway, address: str, browser_id: str, headers: dict[str, str] | None = None) -> Any:
    """The handshake's HTTP answer if it was refused, else None (the socket worked)."""
    try:
        async with socket_from(gw, address, browser_id, headers) as ws:
            await assert_alive(ws)
    except WebsocketResponseError as exc:
        return exc.response
    return None


async def refusal_event(response: Any) -> dict:
    return json.loads(await response.get_data(as_text=True))


def in_outbox(gw: Gateway, message_id: str) -> bool:
    return gw.runtime.outbox.get(message_id) is not None


def chat_ids(n8n: respx.MockRouter) -> list[str]:
    return [json.loads(call.request.content)["message_id"] for call in n8n.routes["chat"].calls]


# ----- the client's address ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "expected"),
    [
        ("203.0.113.9", ["198.51.100.1"], (), "203.0.113.9"),  # nobody trusted: the header is ignored
        ("203.0.113.9", ["198.51.100.1"], ("10.0.0.0/8",), "203.0.113.9"),  # an untrusted peer's header: ignored
        ("10.0.0.2", ["198.51.100.1"], ("10.0.0.0/8",), "198.51.100.1"),
        ("10.0.0.2", ["198.51.100.1, 10.0.0.7"], ("10.0.0.0/8",), "198.51.100.1"),  # two proxies
        ("10.0.0.2", ["6.6.6.6, 198.51.100.1"], ("10.0.0.0/8",), "198.51.100.1"),  # the client's own claim: not believed
        ("10.0.0.2", ["6.6.6.6", "198.51.100.1"], ("10.0.0.0/8",), "198.51.100.1"),  # two header lines
        ("10.0.0.2", ["garbage, 198.51.100.1"], ("10.0.0.0/8",), "198.51.100.1"),
        ("10.0.0.2", ["198.51.100.1, garbage"], ("10.0.0.0/8",), "10.0.0.2"),  # the proxy passed on garbage
        ("10.0.0.2", [], ("10.0.0.0/8",), "10.0.0.2"),
        ("10.0.0.2", ["10.0.0.3"], ("10.0.0.0/8",), "10.0.0.3"),  # only proxies: the farthest one
        ("::ffff:10.0.0.2", ["[2001:db8::5]:4711"], ("10.0.0.2",), "2001:db8::5"),
        ("fe80::1%eth0", ["198.51.100.1"], ("fe80::/10",), "198.51.100.1"),
    ],
)
def test_client_address(peer: str, forwarded: list[str], trusted: tuple[str, ...], expected: str) -> None:
    from gateway.addresses import client_address, parse_ip, parse_networks

    assert client_address(peer, forwarded, parse_networks(trusted)) == parse_ip(expected)


def test_ipv6_clients_are_counted_by_their_64() -> None:
    from gateway.addresses import address_key, parse_ip

    assert address_key(parse_ip("2001:db8:1:2:aaaa::1")) == address_key(parse_ip("2001:db8:1:2:bbbb::9"))
    assert address_key(parse_ip("2001:db8:1:2::1")) != address_key(parse_ip("2001:db8:1:3::1"))
    assert address_key(parse_ip("192.0.2.1")) == "192.0.2.1" and address_key(None) == "unknown"


def test_limit_settings_are_read_and_checked() -> None:
    s = Settings.from_env({})
    assert s.trusted_proxies == () and s.ws_idle_timeout == 300
    assert (s.address_messages_per_minute, s.address_max_sockets, s.address_new_conversations_per_minute,
            s.address_max_pending, s.address_max_uploads) == (30, 20, 20, 5, 2)
    assert (s.max_sockets, s.new_conversations_per_minute, s.max_uploads) == (1000, 300, 8)
    assert s.upload_max_buffered_bytes == 64 * 1024 * 1024 and s.pending_timeout == 300
    s = Settings.from_env({
        "GATEWAY_TRUSTED_PROXIES": "10.0.0.5, 172.16.0.0/12,fd00::/8", "GATEWAY_ADDRESS_MESSAGES_PER_MINUTE": "5",
        "GATEWAY_ADDRESS_MAX_SOCKETS": "3", "GATEWAY_ADDRESS_NEW_CONVERSATIONS_PER_MINUTE": "4",
        "GATEWAY_ADDRESS_MAX_PENDING": "0", "GATEWAY_ADDRESS_MAX_UPLOADS": "1", "GATEWAY_MAX_SOCKETS": "50",
        "GATEWAY_NEW_CONVERSATIONS_PER_MINUTE": "60", "GATEWAY_MAX_UPLOADS": "2",
        "GATEWAY_UPLOAD_MAX_BUFFERED_BYTES": str(32 * 1024 * 1024), "GATEWAY_PENDING_TIMEOUT": "120",
        "GATEWAY_WS_IDLE_TIMEOUT": "60",
    })
    assert s.trusted_proxies == ("10.0.0.5/32", "172.16.0.0/12", "fd00::/8")
    assert (s.address_messages_per_minute, s.address_max_sockets, s.address_new_conversations_per_minute,
            s.address_max_pending, s.address_max_uploads) == (5, 3, 4, 0, 1)
    assert (s.max_sockets, s.new_conversations_per_minute, s.max_uploads) == (50, 60, 2)
    assert (s.upload_max_buffered_bytes, s.pending_timeout, s.ws_idle_timeout) == (32 * 1024 * 1024, 120, 60)
    for name, value in (("GATEWAY_TRUSTED_PROXIES", "10.0.0.0/8, proxy.example"), ("GATEWAY_MAX_SOCKETS", "-1"),
                        ("GATEWAY_UPLOAD_MAX_BUFFERED_BYTES", "1024"), ("GATEWAY_WS_IDLE_TIMEOUT", "10")):
        with pytest.raises(SettingsError, match=name):
            Settings.from_env({name: value})


# ----- messages per address ---------------------------------------------------------------------------------
async def test_message_budget_is_per_address_not_per_socket(tmp_path: Path, n8n: respx.MockRouter) -> None:
    """The script spreads its messages over sockets and conversations: its address runs out; the plumber's
    address does not."""
    async with limited_gateway(tmp_path, n8n, address_messages_per_minute=3) as gw:
        async with (socket_from(gw, ABUSER, "abuse-conv-1") as a1, socket_from(gw, ABUSER, "abuse-conv-2") as a2,
                    socket_from(gw, PLUMBER, "plumber-conv") as plumber):
            for i, ws in enumerate((a1, a2, a1)):
                await send(ws, message(f"abuse-msg-{i:04d}"))
                assert (await recv(ws))["type"] == "accepted"
            await send(a2, message("abuse-msg-0003"))
            event = await recv(a2)
            assert event["type"] == "error" and event["code"] == "rate_limited" and event["id"] == "abuse-msg-0003"
            assert "demasiados mensajes" in event["message"]
            await send(a1, {"type": "history"})  # history frames cost an n8n request: the same budget
            event = await recv(a1)
            assert event["code"] == "rate_limited" and "id" not in event
            for i in range(3):
                await send(plumber, message(f"plumber-msg-{i:04d}"))
                assert (await recv(plumber))["type"] == "accepted"
            await assert_alive(a1)  # refused, not disconnected
        assert not in_outbox(gw, "abuse-msg-0003")
        await wait_for(lambda: len(n8n.routes["chat"].calls) == 6)


async def test_forwarded_for_from_an_untrusted_peer_is_ignored(tmp_path: Path, n8n: respx.MockRouter) -> None:
    """Without GATEWAY_TRUSTED_PROXIES a client cannot pick its own address with X-Forwarded-For."""
    async with limited_gateway(tmp_path, n8n, address_messages_per_minute=2) as gw:
        for i in range(3):
            async with socket_from(gw, ABUSER, f"spoof-conv-{i}", {"X-Forwarded-For": f"198.51.100.{i}"}) as ws:
                await send(ws, message(f"spoofed-msg-{i:04d}"))
                event = await recv(ws)
                assert event["type"] == ("accepted" if i < 2 else "error"), event
        assert event["code"] == "rate_limited"
        assert not in_outbox(gw, "spoofed-msg-0002")


async def test_forwarded_for_from_a_trusted_proxy_is_believed(tmp_path: Path, n8n: respx.MockRouter) -> None:
    """Behind a trusted proxy every plumber has his own budget, and a client's own X-Forwarded-For entry (left of
    what the proxy appended) changes nothing."""
    async with limited_gateway(tmp_path, n8n, address_messages_per_minute=2, trusted_proxies=("10.0.0.0/8",)) as gw:
        for client in ("198.51.100.1", "198.51.100.2"):
            async with socket_from(gw, PROXY, "proxied-" + client.replace(".", "-"),
                                   {"X-Forwarded-For": client}) as ws:
                for i in range(2):
                    await send(ws, message(f"m-{client.replace('.', '-')}-{i}"))
                    assert (await recv(ws))["type"] == "accepted"
        async with socket_from(gw, PROXY, "proxied-spoofer", {"X-Forwarded-For": "6.6.6.6, 198.51.100.1"}) as ws:
            await send(ws, message("spoofer-msg-0001"))
            assert (await recv(ws))["code"] == "rate_limited"  # 198.51.100.1's budget is spent
        async with socket_from(gw, PROXY, "proxied-itself") as ws:  # the proxy's own requests: its own address
            await send(ws, message("proxy-msg-00001"))
            assert (await recv(ws))["type"] == "accepted"


# ----- messages waiting for an answer -----------------------------------------------------------------------
async def test_pending_cap_refuses_new_messages_and_never_an_accepted_one(
    tmp_path: Path, n8n: respx.MockRouter
) -> None:
    async with limited_gateway(tmp_path, n8n, address_max_pending=2) as gw:
        async with socket_from(gw, ABUSER, "pending-conv-1") as ws, socket_from(gw, PLUMBER, "pending-conv-2") as other:
            acks = {}
            for mid in ("pend-msg-0001", "pend-msg-0002"):
                await send(ws, message(mid))
                acks[mid] = await recv(ws)
                assert acks[mid]["type"] == "accepted"
            await send(ws, message("pend-msg-0003"))
            event = await recv(ws)
            assert event == {"type": "error", "code": "too_many_pending", "id": "pend-msg-0003",
                             "message": "Tienes 2 mensajes esperando respuesta. Espera a que llegue la respuesta "
                                        "antes de enviar más."}
            assert not in_outbox(gw, "pend-msg-0003")
            # the page resends what it has no ack for (e.g. after a reconnect): an accepted id is never refused
            for mid in ("pend-msg-0001", "pend-msg-0002"):
                await send(ws, message(mid))
                assert await recv(ws) == acks[mid]
            await send(other, message("other-msg-0001"))  # another address is not affected
            assert (await recv(other))["type"] == "accepted"
            # n8n answers the first: one slot is free again
            response = await gw.callback({"type": "reply", "conversation_id": "web:pending-conv-1", "channel": "web",
                                          "message_id": "reply-pend-1", "in_reply_to": "pend-msg-0001",
                                          "text": "Cierre la llave de paso."})
            assert response.status_code == 200
            assert (await recv(ws))["type"] == "reply"
            await send(ws, message("pend-msg-0003"))
            assert (await recv(ws))["type"] == "accepted"
            await send(ws, message("pend-msg-0004"))
            assert (await recv(ws))["code"] == "too_many_pending"
        await wait_for(lambda: len(n8n.routes["chat"].calls) == 4)
        assert sorted(chat_ids(n8n)) == ["other-msg-0001", "pend-msg-0001", "pend-msg-0002", "pend-msg-0003"]


async def test_a_reply_naming_no_message_answers_one_whatever_the_tabs(tmp_path: Path, n8n: respx.MockRouter) -> None:
    async with limited_gateway(tmp_path, n8n, address_max_pending=2) as gw:
        async with socket_from(gw, PLUMBER, "two-tabs-conv1") as tab1, socket_from(gw, PLUMBER, "two-tabs-conv1") as tab2:
            for mid in ("tabs-msg-0001", "tabs-msg-0002"):
                await send(tab1, message(mid))
                assert (await recv(tab1))["type"] == "accepted"
                assert (await recv(tab2))["type"] == "message"
            response = await gw.callback({"type": "reply", "conversation_id": "web:two-tabs-conv1", "channel": "web",
                                          "message_id": "reply-tabs-1", "in_reply_to": None, "text": "Hola."})
            assert response.status_code == 200 and (await response.get_json())["delivered"] == 2
            assert (await recv(tab1))["type"] == "reply" and (await recv(tab2))["type"] == "reply"
            await send(tab1, message("tabs-msg-0003"))
            assert (await recv(tab1))["type"] == "accepted"
            await send(tab1, message("tabs-msg-0004"))
            assert (await recv(tab1))["code"] == "too_many_pending"


async def test_an_answer_that_never_comes_frees_the_slot_after_the_pending_timeout(
    tmp_path: Path, n8n: respx.MockRouter
) -> None:
    async with limited_gateway(tmp_path, n8n, address_max_pending=1, pending_timeout=0.3) as gw:
        async with socket_from(gw, PLUMBER) as ws:
            await send(ws, message("lost-msg-0001"))
            assert (await recv(ws))["type"] == "accepted"
            await send(ws, message("lost-msg-0002"))
            assert (await recv(ws))["code"] == "too_many_pending"
            await asyncio.sleep(0.35)
            await send(ws, message("lost-msg-0002"))
            assert (await recv(ws))["type"] == "accepted"


async def test_refusals_never_lose_an_accepted_message(tmp_path: Path, n8n: respx.MockRouter) -> None:
    """n8n is down, the address runs out of budget: everything acknowledged stays in the outbox and reaches n8n
    exactly once when it is back; a resend of an acknowledged id is acknowledged again, over every limit."""
    n8n.routes["chat"].mock(return_value=httpx.Response(503))
    async with limited_gateway(tmp_path, n8n, address_messages_per_minute=3, address_max_pending=3,
                               rate_limit_burst=3, rate_limit_per_second=0.01) as gw:
        acked, refused_ids = {}, []
        async with socket_from(gw, ABUSER) as ws:
            for i in range(6):
                mid = f"keep-msg-{i:04d}"
                await send(ws, message(mid))
                event = await recv(ws)
                if event["type"] == "accepted":
                    acked[mid] = event
                else:
                    assert event["code"] in ("rate_limited", "too_many_pending") and event["id"] == mid
                    refused_ids.append(mid)
        assert len(acked) == 3 and len(refused_ids) == 3
        async with socket_from(gw, ABUSER) as ws:  # the page reconnects and resends what it has not seen acked
            for mid, ack in acked.items():
                await send(ws, message(mid))
                assert await recv(ws) == ack
        assert all(gw.runtime.outbox.get(mid).pending for mid in acked)
        assert not any(in_outbox(gw, mid) for mid in refused_ids)
        n8n.routes["chat"].mock(return_value=httpx.Response(200, json={"status": "stored"}))
        await wait_for(lambda: not any(gw.runtime.outbox.get(mid).pending for mid in acked), timeout=10)
        assert set(chat_ids(n8n)) == set(acked)


async def test_a_message_n8n_rejects_for_good_is_no_longer_pending(tmp_path: Path, n8n: respx.MockRouter) -> None:
    n8n.routes["chat"].mock(return_value=httpx.Response(422, json={"error": "invalid message"}))
    async with limited_gateway(tmp_path, n8n, address_max_pending=1) as gw:
        async with socket_from(gw, PLUMBER) as ws:
            await send(ws, message("reject-msg-001"))
            assert (await recv(ws))["type"] == "accepted"
            assert (await recv(ws, timeout=10))["code"] == "message_rejected"
            await send(ws, message("reject-msg-002"))
            assert (await recv(ws))["type"] == "accepted"


# ----- sockets and new conversations ------------------------------------------------------------------------
async def test_sockets_per_address_are_capped(tmp_path: Path, n8n: respx.MockRouter) -> None:
    async with limited_gateway(tmp_path, n8n, address_max_sockets=2) as gw:
        async with socket_from(gw, ABUSER, "cap-conv-0001") as s1, socket_from(gw, ABUSER, "cap-conv-0002") as s2:
            await assert_alive(s1)
            await assert_alive(s2)
            response = await refused(gw, ABUSER, "cap-conv-0003")
            assert response is not None and response.status_code == 429
            event = await refusal_event(response)
            assert event["type"] == "error" and event["code"] == "too_many_connections"
            assert "pestañas" in event["message"] and response.headers["Retry-After"]
            assert await refused(gw, PLUMBER, "cap-conv-0004") is None  # another address is not affected
            assert gw.runtime.limits.sockets == 2
        assert await refused(gw, ABUSER, "cap-conv-0003") is None  # closing sockets frees the slots
        assert gw.runtime.limits.sockets == 0


async def test_total_sockets_are_capped(tmp_path: Path, n8n: respx.MockRouter) -> None:
    async with limited_gateway(tmp_path, n8n, max_sockets=3) as gw:
        async with contextlib.AsyncExitStack() as stack:
            for i in range(3):
                ws = await stack.enter_async_context(socket_from(gw, f"198.51.100.{i + 1}", f"total-conv-{i:04d}"))
                await assert_alive(ws)
            response = await refused(gw, PLUMBER, "total-conv-0009")
            assert response is not None and response.status_code == 503
            assert (await refusal_event(response))["code"] == "server_busy"
        assert await refused(gw, PLUMBER, "total-conv-0009") is None


async def test_new_conversations_per_address_are_capped(tmp_path: Path, n8n: respx.MockRouter) -> None:
    """A script inventing conversation ids runs out; known conversations (and other addresses) are let in."""
    async with limited_gateway(tmp_path, n8n, address_new_conversations_per_minute=2) as gw:
        for browser_id in ("new-conv-0001", "new-conv-0002"):
            assert await refused(gw, ABUSER, browser_id) is None
        response = await refused(gw, ABUSER, "new-conv-0003")
        assert response is not None and response.status_code == 429
        assert (await refusal_event(response))["code"] == "too_many_conversations"
        assert await refused(gw, ABUSER, "new-conv-0001") is None  # its own conversation again: not new
        assert await refused(gw, PLUMBER, "new-conv-0004") is None


async def test_new_conversations_overall_are_capped(tmp_path: Path, n8n: respx.MockRouter) -> None:
    async with limited_gateway(tmp_path, n8n, new_conversations_per_minute=2) as gw:
        assert await refused(gw, "198.51.100.1", "all-conv-0001") is None
        assert await refused(gw, "198.51.100.2", "all-conv-0002") is None
        response = await refused(gw, "198.51.100.3", "all-conv-0003")
        assert response is not None and response.status_code == 503
        assert (await refusal_event(response))["code"] == "server_busy"
        assert await refused(gw, "198.51.100.3", "all-conv-0001") is None


async def test_conversations_in_the_outbox_are_not_new_after_a_restart(tmp_path: Path, n8n: respx.MockRouter) -> None:
    async with limited_gateway(tmp_path, n8n) as gw:
        async with socket_from(gw, PLUMBER, "restart-conv-01") as ws:
            await send(ws, message("restart-msg-001"))
            assert (await recv(ws))["type"] == "accepted"
    async with limited_gateway(tmp_path, n8n, address_new_conversations_per_minute=1) as gw:
        assert await refused(gw, PLUMBER, "another-conv-01") is None  # the one new conversation
        assert await refused(gw, PLUMBER, "restart-conv-01") is None  # in the outbox: known


# ----- idle sockets -----------------------------------------------------------------------------------------
async def test_a_silent_socket_is_closed_and_a_pinging_one_stays(tmp_path: Path, n8n: respx.MockRouter) -> None:
    async with limited_gateway(tmp_path, n8n, ws_idle_timeout=1.0) as gw:
        async with socket_from(gw, PLUMBER, "idle-conv-0001") as silent, socket_from(gw, PLUMBER, "idle-conv-0002") as pinging:
            for _ in range(10):  # 2 s, pinging every 0.2 s as the page does every 25 s
                await asyncio.sleep(0.2)
                await assert_alive(pinging)
            with pytest.raises(WebsocketDisconnectError) as info:
                await recv(silent, timeout=2)
            assert info.value.args[0] == 1000  # a normal close: the page reconnects from it
            await assert_alive(pinging)
        await wait_for(lambda: gw.runtime.limits.sockets == 0)


async def test_a_page_reconnecting_after_an_idle_close_gets_its_history(tmp_path: Path, n8n: respx.MockRouter) -> None:
    async with limited_gateway(tmp_path, n8n, ws_idle_timeout=0.3, address_new_conversations_per_minute=1) as gw:
        async with socket_from(gw, PLUMBER, "idle-history-01") as ws:
            await send(ws, message("idle-msg-00001", "¿Cómo purgo el radiador?"))
            ack = await recv(ws)
            assert ack["type"] == "accepted"
            with pytest.raises(WebsocketDisconnectError) as info:
                await recv(ws, timeout=2)
            assert info.value.args[0] == 1000
        n8n.routes["history"].mock(return_value=httpx.Response(200, json={"conversation_id": "web:idle-history-01",
            "messages": [
                {"id": "idle-msg-00001", "role": "user", "text": "¿Cómo purgo el radiador?",
                 "timestamp": ack["timestamp"], "in_reply_to": None, "channel": "web"},
                {"id": "reply-idle-01", "role": "assistant", "text": "Con la llave de purga…",
                 "timestamp": "2026-12-05T10:00:05.000Z", "in_reply_to": "idle-msg-00001", "channel": "web"},
            ]}))
        async with socket_from(gw, PLUMBER, "idle-history-01") as ws:  # what the page does on any close
            await send(ws, {"type": "history"})
            history = await recv(ws)
        assert history["type"] == "history"
        assert [(m["id"], m["role"]) for m in history["messages"]] == [
            ("idle-msg-00001", "user"), ("reply-idle-01", "assistant")]


# ----- logs -------------------------------------------------------------------------------------------------
async def test_refusals_are_logged_once_per_window_by_address_ref(
    tmp_path: Path, n8n: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with limited_gateway(tmp_path, n8n, address_messages_per_minute=1) as gw:
        async with socket_from(gw, ABUSER, "log-conv-00001") as ws:
            for i in range(6):
                await send(ws, message(f"log-msg-{i:05d}"))
                await recv(ws)
            for _ in range(5):  # garbage frames: each answered, logged once
                await send(ws, "not json")
                assert (await recv(ws))["code"] == "invalid_json"
        ref = gw.runtime.limits.ref(ABUSER)
        gw.runtime.limits.log._windows = {k: [v[0] - 61, v[1]] for k, v in gw.runtime.limits.log._windows.items()}
        async with socket_from(gw, ABUSER, "log-conv-00001") as ws:  # the next window
            await send(ws, message("log-msg-99999"))
            await recv(ws)
    lines = [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.getMessage() == "limit_refused"]
    assert [(line["code"], line["setting"], line["repeats"]) for line in lines] == [
        ("rate_limited", "GATEWAY_ADDRESS_MESSAGES_PER_MINUTE", 0),
        ("rate_limited", "GATEWAY_ADDRESS_MESSAGES_PER_MINUTE", 4),
    ]
    assert all(line["address_ref"] == ref and line["level"] == "warning" for line in lines)
    rejected = [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.getMessage() == "frame_rejected"]
    assert len(rejected) == 1 and rejected[0]["code"] == "invalid_json" and rejected[0]["address_ref"] == ref
    everything = "\n".join(JsonFormatter().format(r) for r in caplog.records)
    assert ABUSER not in everything
    opened = [json.loads(JsonFormatter().format(r)) for r in caplog.records if r.getMessage() == "socket_opened"]
    assert opened and all(line["address_ref"] == ref for line in opened)


# ----- through a real server: handshake refusals, voice uploads before their body ---------------------------
@pytest.fixture
async def live(tmp_path: Path) -> AsyncIterator[Any]:
    from tests.gateway.support import FakeN8n, LiveGateway, free_port, n8n_settings

    started = []

    async def start(**overrides: Any) -> LiveGateway:
        n8n = FakeN8n(port=free_port())
        settings = n8n_settings(make_settings(tmp_path / f"gw{len(started)}", port=free_port(), **overrides),
                                n8n.base_url)
        gateway = await asyncio.to_thread(LiveGateway(settings, n8n=n8n).start)
        started.append(gateway)
        return gateway

    yield start
    for gateway in started:
        await asyncio.to_thread(gateway.stop)


async def test_handshake_over_the_socket_cap_is_answered_429_before_the_upgrade(live: Any) -> None:
    from websockets.asyncio.client import connect
    from websockets.exceptions import InvalidStatus

    gw = await live(address_max_sockets=1)
    async with connect(gw.ws_url + "?conversation=live-cap-0001") as first:
        with pytest.raises(InvalidStatus) as info:
            async with connect(gw.ws_url + "?conversation=live-cap-0002"):
                pass
        response = info.value.response
        assert response.status_code == 429 and response.headers["Retry-After"] == "30"
        assert json.loads(response.body)["code"] == "too_many_connections"
        # another source address (127.0.0.2, loopback) is another client
        async with connect(gw.ws_url + "?conversation=live-cap-0003", local_addr=("127.0.0.2", 0)) as other:
            await other.send('{"type":"ping"}')
            assert json.loads(await asyncio.wait_for(other.recv(), 5)) == {"type": "pong"}
        await first.send('{"type":"ping"}')
        assert json.loads(await asyncio.wait_for(first.recv(), 5)) == {"type": "pong"}


class RawUpload:
    """A voice upload over a plain socket: the headers, then as much of the body as the test says."""

    def __init__(self, port: int, length: int, *, source: str = "127.0.0.1",
                 browser_id: str = "voice-limits-01", message_id: str | None = None) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(source, 0))
        self.sock.sendall(
            f"POST /api/voice?conversation={browser_id}&id={message_id or 'note-' + str(time.monotonic_ns())} "
            f"HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: audio/webm\r\nContent-Length: {length}\r\n\r\n".encode()
        )

    def send_body(self, data: bytes) -> None:
        self.sock.sendall(data)

    def response(self, timeout: float = 5) -> tuple[int, dict]:
        self.sock.settimeout(timeout)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self.sock.recv(65536)
            if not chunk:
                break
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
        while len(body) < length:
            body += self.sock.recv(65536)
        return int(head.split()[1]), json.loads(body)

    def close(self) -> None:
        self.sock.close()


async def test_voice_uploads_are_capped_before_their_body_is_read(live: Any) -> None:
    """A slow upload holds its address's only slot: the next one from that address is answered 429 at once,
    although it never sends a byte of its body; another address still gets in, until the overall cap."""
    gw = await live(address_max_uploads=1, max_uploads=2, speech=SpeechSettings(engine="none", workers=1))
    limits = gw.runtime.limits
    slow = await asyncio.to_thread(RawUpload, gw.settings.port, 50_000)
    slow.send_body(b"\x1aE\xdf\xa3" + b"\0" * 1000)  # a slow body: a little, then nothing
    await wait_for(lambda: limits.uploads == 1)

    second = await asyncio.to_thread(RawUpload, gw.settings.port, 50_000)  # headers only: no body at all
    status, body = await asyncio.to_thread(second.response, 3)
    assert status == 429 and body["error"]["code"] == "too_many_uploads"
    assert "notas de voz" in body["error"]["message"]
    second.close()

    other = await asyncio.to_thread(RawUpload, gw.settings.port, 50_000, source="127.0.0.2")
    await wait_for(lambda: limits.uploads == 2)  # its body is awaited: it got in
    third = await asyncio.to_thread(RawUpload, gw.settings.port, 50_000, source="127.0.0.3")
    status, body = await asyncio.to_thread(third.response, 3)
    assert status == 429 and body["error"]["code"] == "uploads_busy"  # the overall cap
    third.close()

    other.send_body(b"\0" * 50_000)
    slow.send_body(b"\0" * (50_000 - 1004))
    for upload in (slow, other):  # read in full, then refused for what it is (no speech model here)
        status, body = await asyncio.to_thread(upload.response, 5)
        assert status == 503 and body["error"]["code"] == "unavailable"
        upload.close()
    assert limits.uploads == 0 and limits.buffered_bytes == 0


async def test_voice_upload_bytes_are_reserved_before_the_body_is_read(live: Any) -> None:
    gw = await live(upload_max_buffered_bytes=64 * 1024,
                    speech=SpeechSettings(engine="none", workers=1, max_bytes=64 * 1024))
    limits = gw.runtime.limits
    big = await asyncio.to_thread(RawUpload, gw.settings.port, 60 * 1024)
    await wait_for(lambda: limits.buffered_bytes == 60 * 1024)
    small = await asyncio.to_thread(RawUpload, gw.settings.port, 10 * 1024, source="127.0.0.2")
    status, body = await asyncio.to_thread(small.response, 3)
    assert status == 429 and body["error"]["code"] == "uploads_busy"
    small.close()
    big.send_body(b"\0" * 60 * 1024)
    status, _ = await asyncio.to_thread(big.response, 5)
    assert status == 503  # read, then no speech model
    big.close()
    assert limits.buffered_bytes == 0


async def test_voice_upload_over_the_pending_cap_is_refused_before_its_body(tmp_path: Path,
                                                                             n8n: respx.MockRouter) -> None:
    async with limited_gateway(tmp_path, n8n, address_max_pending=1) as gw:
        async with gw.websocket("voice-pending-1") as ws:
            await send(ws, message("pending-text-01"))
            assert (await recv(ws))["type"] == "accepted"
        response = await gw.client.post("/api/voice?conversation=voice-pending-1&id=pending-voice-1",
                                        data=b"OggS" + b"\0" * 100, headers={"Content-Type": "audio/ogg"})
        assert response.status_code == 429  # not 503 "unavailable": the body was not even looked at
        assert (await response.get_json())["error"]["code"] == "too_many_pending"
