"""The /ws WebSocket through Quart's test client, n8n mocked with respx."""

from __future__ import annotations

import asyncio
import json
import re

import httpx
import pytest
import respx
from quart.testing.connections import WebsocketDisconnectError, WebsocketResponseError

from gateway.settings import Settings
from tests.gateway.helpers import Gateway, assert_alive, recv, send, wait_for

ISO_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def message(mid: str, text: str = "Gotea el grifo") -> dict:
    return {"type": "message", "id": mid, "text": text}


async def test_accepted_comes_before_n8n_answers(gateway: Gateway, n8n: respx.MockRouter) -> None:
    release = asyncio.Event()
    posted = asyncio.Event()

    async def slow_n8n(request: httpx.Request) -> httpx.Response:
        posted.set()
        await release.wait()
        return httpx.Response(200, json={"status": "stored"})

    n8n.routes["chat"].mock(side_effect=slow_n8n)
    async with gateway.websocket() as ws:
        await send(ws, message("msg-00000001"))
        ack = await recv(ws, timeout=1)
        assert ack["type"] == "accepted" and ack["id"] == "msg-00000001"
        assert ISO_UTC.fullmatch(ack["timestamp"])
        # the ack is about the outbox, not n8n: the row is there and still pending
        row = gateway.runtime.outbox.get("msg-00000001")
        assert row is not None and row.pending
        await asyncio.wait_for(posted.wait(), 2)
        assert gateway.runtime.outbox.get("msg-00000001").pending  # n8n has not answered yet
        release.set()
        await wait_for(lambda: not gateway.runtime.outbox.get("msg-00000001").pending)


async def test_accepted_even_when_n8n_is_down(gateway: Gateway, n8n: respx.MockRouter) -> None:
    n8n.routes["chat"].mock(side_effect=httpx.ConnectError("refused"))
    async with gateway.websocket() as ws:
        for i in range(3):
            await send(ws, message(f"msg-0000000{i}"))
            assert (await recv(ws, timeout=1))["type"] == "accepted"
        await wait_for(lambda: n8n.routes["chat"].call_count >= 2)
        assert gateway.runtime.outbox.stats(now=0).depth == 3


async def test_resend_of_same_id_is_not_a_second_message(gateway: Gateway, n8n: respx.MockRouter) -> None:
    async with gateway.websocket() as ws, gateway.websocket() as other:
        await send(ws, message("msg-00000001"))
        first = await recv(ws)
        assert (await recv(other))["type"] == "message"
        await wait_for(lambda: not gateway.runtime.outbox.get("msg-00000001").pending)
        await send(ws, message("msg-00000001"))  # e.g. resent after a reconnect that lost the ack
        second = await recv(ws)
        assert second == first  # same id, same stored timestamp
        await assert_alive(other)  # the other tab is not told twice
        await asyncio.sleep(0.05)
    assert n8n.routes["chat"].call_count == 1


async def test_messages_reach_only_their_own_conversation(gateway: Gateway) -> None:
    async with (
        gateway.websocket("conv-aaaaaaaa") as sender,
        gateway.websocket("conv-aaaaaaaa") as same_conv,
        gateway.websocket("conv-bbbbbbbb") as other_conv,
    ):
        await send(sender, message("msg-00000001", "La cisterna no para"))
        assert (await recv(sender))["type"] == "accepted"
        echoed = await recv(same_conv)
        assert echoed["type"] == "message" and echoed["role"] == "user"
        assert echoed["id"] == "msg-00000001" and echoed["text"] == "La cisterna no para"
        assert ISO_UTC.fullmatch(echoed["timestamp"])
        await assert_alive(sender)  # the sender does not get its own message back
        await assert_alive(other_conv)  # nothing leaked to another conversation


async def test_text_is_trimmed_and_nul_removed(gateway: Gateway, n8n: respx.MockRouter) -> None:
    async with gateway.websocket() as ws:
        await send(ws, message("msg-00000001", "  hola\x00 fontanero \n"))
        assert (await recv(ws))["type"] == "accepted"
        await wait_for(lambda: n8n.routes["chat"].call_count == 1)
    assert json.loads(n8n.routes["chat"].calls.last.request.content)["text"] == "hola fontanero"


@pytest.mark.parametrize("browser_id", ["", "short", "has space!", "x" * 65, "../../etc"])
async def test_invalid_conversation_id_is_refused(gateway: Gateway, browser_id: str) -> None:
    # Quart's test client reports the refusal as a close with 1008 (policy); Hypercorn answers HTTP 403.
    with pytest.raises((WebsocketResponseError, WebsocketDisconnectError)) as info:
        async with gateway.client.websocket(f"/ws?conversation={browser_id}") as ws:
            await ws.receive()
    if isinstance(info.value, WebsocketDisconnectError):
        assert info.value.args[0] == 1008
    assert gateway.runtime.hub.connection_count() == 0


async def test_history_is_n8n_history_plus_pending_outbox_rows(gateway: Gateway, n8n: respx.MockRouter) -> None:
    stored = [
        {"id": "old-user-1", "role": "user", "text": "¿Cómo purgo un radiador?", "timestamp": "2026-11-20T09:00:00.000Z",
         "in_reply_to": None, "channel": "web"},
        {"id": "old-bot-1", "role": "assistant", "text": "Con la llave de purga…", "timestamp": "2026-11-20T09:00:05.000Z",
         "in_reply_to": "old-user-1", "channel": "web"},
    ]
    n8n.routes["history"].mock(return_value=httpx.Response(200, json={"conversation_id": "web:conv-aaaaaaaa",
                                                                      "messages": stored}))
    n8n.routes["chat"].mock(return_value=httpx.Response(500))  # keeps new messages pending
    async with gateway.websocket("conv-aaaaaaaa") as ws:
        await send(ws, message("new-msg-0001", "Sigue goteando"))
        ack = await recv(ws)
        await send(ws, {"type": "history"})
        history = await recv(ws)
    assert history == {
        "type": "history",
        "messages": [
            {"id": "old-user-1", "role": "user", "text": "¿Cómo purgo un radiador?",
             "timestamp": "2026-11-20T09:00:00.000Z"},
            {"id": "old-bot-1", "role": "assistant", "text": "Con la llave de purga…",
             "timestamp": "2026-11-20T09:00:05.000Z", "in_reply_to": "old-user-1"},
            {"id": "new-msg-0001", "role": "user", "text": "Sigue goteando", "timestamp": ack["timestamp"],
             "pending": True},
        ],
    }
    request = n8n.routes["history"].calls.last.request
    assert request.url.params["conversation_id"] == "web:conv-aaaaaaaa"
    assert request.url.params["limit"] == "100"
    assert request.headers["X-Remedios-Token"] == "n8n-token"


async def test_pending_row_already_in_n8n_history_is_not_duplicated(gateway: Gateway, n8n: respx.MockRouter) -> None:
    n8n.routes["chat"].mock(return_value=httpx.Response(500))
    async with gateway.websocket("conv-aaaaaaaa") as ws:
        await send(ws, message("msg-00000001"))
        ack = await recv(ws)
        n8n.routes["history"].mock(return_value=httpx.Response(200, json={"messages": [
            {"id": "msg-00000001", "role": "user", "text": "Gotea el grifo", "timestamp": ack["timestamp"]}]}))
        await send(ws, {"type": "history"})
        history = await recv(ws)
    assert [m["id"] for m in history["messages"]] == ["msg-00000001"]
    assert "pending" not in history["messages"][0]


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("down"), httpx.Response(500), httpx.Response(200, text="<html>"),
     httpx.Response(200, json={"nope": 1})],
    ids=["down", "500", "not-json", "wrong-shape"],
)
async def test_history_unavailable_is_an_error_event(gateway: Gateway, n8n: respx.MockRouter, failure: object) -> None:
    n8n.routes["history"].mock(side_effect=[failure])
    async with gateway.websocket() as ws:
        await send(ws, {"type": "history"})
        event = await recv(ws)
        assert event["type"] == "error" and event["code"] == "history_unavailable"
        assert "historial" in event["message"]
        await assert_alive(ws)


@pytest.mark.parametrize(
    ("frame", "code", "has_id"),
    [
        ("not json", "invalid_json", False),
        ("{", "invalid_json", False),
        ("[1, 2]", "invalid_frame", False),
        ('"message"', "invalid_frame", False),
        ("null", "invalid_frame", False),
        ('{"type": "shout"}', "invalid_frame", False),
        ('{"text": "sin tipo"}', "invalid_frame", False),
        ('{"type": "message", "text": "sin id"}', "invalid_frame", False),
        ('{"type": "message", "id": "short", "text": "x"}', "invalid_frame", False),
        ('{"type": "message", "id": "bad id with spaces", "text": "x"}', "invalid_frame", False),
        ('{"type": "message", "id": 12345678, "text": "x"}', "invalid_frame", False),
        ('{"type": "message", "id": "msg-00000001"}', "invalid_frame", True),
        ('{"type": "message", "id": "msg-00000001", "text": 5}', "invalid_frame", True),
        ('{"type": "message", "id": "msg-00000001", "text": ""}', "empty_message", True),
        ('{"type": "message", "id": "msg-00000001", "text": "  \\n\\t "}', "empty_message", True),
        ('{"type": "message", "id": "msg-00000001", "text": "\\ud800"}', "invalid_frame", True),
        (json.dumps({"type": "message", "id": "msg-00000001", "text": "x" * 4001}), "message_too_long", True),
        (json.dumps({"type": "message", "id": "msg-00000001", "text": "x" * 20000}), "frame_too_large", False),
        ("[" * 5000 + "]" * 5000, "invalid_json", False),
    ],
)
async def test_bad_frames_get_an_error_event_and_the_socket_stays(
    gateway: Gateway, n8n: respx.MockRouter, frame: str, code: str, has_id: bool
) -> None:
    async with gateway.websocket() as ws:
        await send(ws, frame)
        event = await recv(ws)
        assert event["type"] == "error" and event["code"] == code
        assert isinstance(event["message"], str) and event["message"]
        assert ("id" in event) == has_id
        await assert_alive(ws)
        await send(ws, message("msg-99999999"))  # and it still takes messages
        assert (await recv(ws))["type"] == "accepted"
    assert gateway.runtime.outbox.get("msg-00000001") is None


async def test_binary_frame_is_rejected(gateway: Gateway) -> None:
    async with gateway.websocket() as ws:
        await ws.send(b'{"type":"ping"}')
        assert (await recv(ws))["code"] == "invalid_frame"
        await assert_alive(ws)


async def test_text_at_the_limit_is_accepted(gateway: Gateway) -> None:
    async with gateway.websocket() as ws:
        # as a browser sends it: JSON.stringify does not escape non-ASCII (8 KB of UTF-8)
        await send(ws, json.dumps(message("msg-00000001", "ñ" * 4000), ensure_ascii=False))
        assert (await recv(ws))["type"] == "accepted"
        await send(ws, json.dumps(message("msg-00000002", "🔧" * 4000), ensure_ascii=False))  # 16 KB
        assert (await recv(ws))["type"] == "accepted"


@pytest.mark.parametrize("settings_overrides", [{"rate_limit_burst": 2, "rate_limit_per_second": 0.01}])
async def test_rate_limit(tmp_path, n8n: respx.MockRouter, settings_overrides: dict) -> None:  # noqa: ANN001
    from gateway.app import create_app, runtime_of
    from tests.gateway.helpers import make_settings

    app = create_app(make_settings(tmp_path / "gw", **settings_overrides),
                     transport=httpx.MockTransport(n8n.async_handler))
    async with app.test_app() as test_app:
        client = test_app.test_client()
        async with client.websocket("/ws?conversation=conv-aaaaaaaa") as ws:
            for i in range(2):
                await send(ws, message(f"msg-0000000{i}"))
                assert (await recv(ws))["type"] == "accepted"
            await send(ws, message("msg-00000009"))
            event = await recv(ws)
            assert event["code"] == "rate_limited" and event["id"] == "msg-00000009"
            await send(ws, {"type": "history"})  # history frames cost an n8n request: same budget
            event = await recv(ws)
            assert event["code"] == "rate_limited" and "id" not in event
            await assert_alive(ws)  # pings are free
        assert runtime_of(app).outbox.get("msg-00000009") is None
        assert n8n.routes["history"].call_count == 0


async def test_message_id_of_another_conversation_is_refused(gateway: Gateway) -> None:
    async with gateway.websocket("conv-aaaaaaaa") as a, gateway.websocket("conv-bbbbbbbb") as b:
        await send(a, message("msg-00000001", "mío"))
        assert (await recv(a))["type"] == "accepted"
        await send(b, message("msg-00000001", "robado"))
        event = await recv(b)
        assert event["type"] == "error" and event["code"] == "invalid_frame" and event["id"] == "msg-00000001"
        await assert_alive(a)
    assert gateway.runtime.outbox.get("msg-00000001").conversation_id == "web:conv-aaaaaaaa"


async def test_shutdown_closes_sockets_going_away(gateway: Gateway) -> None:
    async with gateway.websocket() as ws:
        await assert_alive(ws)
        await gateway.runtime.begin_shutdown()
        with pytest.raises(WebsocketDisconnectError) as info:
            await recv(ws)
        assert info.value.args[0] == 1001


async def test_slow_reader_is_disconnected_not_buffered_forever(tmp_path, n8n: respx.MockRouter) -> None:  # noqa: ANN001
    from gateway.app import create_app, runtime_of
    from gateway.channels.base import Reply
    from tests.gateway.helpers import make_settings

    app = create_app(make_settings(tmp_path / "gw", socket_queue_size=5),
                     transport=httpx.MockTransport(n8n.async_handler))
    async with app.test_app() as test_app:
        client = test_app.test_client()
        async with client.websocket("/ws?conversation=conv-aaaaaaaa") as ws:
            await assert_alive(ws)
            hub = runtime_of(app).hub
            # the test client never blocks the writer, so fill the queue synchronously
            pushed = [await hub.publish("web:conv-aaaaaaaa", {"type": "typing", "active": True}) for _ in range(10)]
            assert pushed[:5] == [1] * 5 and pushed[5:] == [0] * 5
            with pytest.raises(WebsocketDisconnectError) as info:
                for _ in range(10):
                    await recv(ws)
            assert info.value.args[0] == 1013
        assert hub.connection_count() == 0
        assert Reply  # imported to keep the dataclass in the public surface under test


def test_settings_fixture_is_isolated(settings: Settings) -> None:
    assert "gw" in str(settings.data_dir)


async def test_storage_failure_is_internal_error_without_ack(gateway: Gateway, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    def disk_full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    async with gateway.websocket() as ws:
        monkeypatch.setattr(gateway.runtime.outbox, "add", disk_full)
        await send(ws, message("msg-00000001"))
        event = await recv(ws)
        assert event["type"] == "error" and event["code"] == "internal_error" and "id" not in event
        await assert_alive(ws)
        monkeypatch.undo()
        await send(ws, message("msg-00000001"))  # the page's resend
        assert (await recv(ws))["type"] == "accepted"


async def test_a_message_n8n_refuses_for_good_is_marked_failed_in_the_chat(
    gateway: Gateway, n8n: respx.MockRouter
) -> None:
    n8n.routes["chat"].mock(return_value=httpx.Response(422, json={"error": "invalid message"}))
    async with gateway.websocket() as ws:
        await send(ws, message("msg-00000001"))
        assert (await recv(ws, timeout=1))["type"] == "accepted"
        error = await recv(ws, timeout=10)
    assert error["type"] == "error" and error["code"] == "message_rejected" and error["id"] == "msg-00000001"
    assert "No se pudo procesar" in error["message"]
    assert n8n.routes["chat"].call_count == gateway.runtime.settings.outbox_max_rejections
    ready = await (await gateway.client.get("/readyz")).get_json()
    assert ready["outbox"]["rejected"] == 1 and ready["outbox"]["depth"] == 0


# ----- Origin: only the gateway's own pages may open the socket ---------------------------------------------
async def _refused(gateway: Gateway, headers: dict[str, str]) -> bool:
    try:
        async with gateway.client.websocket("/ws?conversation=conv-origin01", headers=headers) as ws:
            await send(ws, {"type": "ping"})
            assert await recv(ws) == {"type": "pong"}
    except (WebsocketResponseError, WebsocketDisconnectError) as exc:
        if isinstance(exc, WebsocketDisconnectError):
            assert exc.args[0] == 1008
        return True
    return False


@pytest.mark.parametrize("origin", ["https://evil.example", "http://localhost.evil.example:8000", "null",
                                    "http://chat.example.com.evil.example", "not an origin"])
async def test_a_foreign_origin_cannot_open_the_socket(gateway: Gateway, origin: str) -> None:
    assert await _refused(gateway, {"Origin": origin, "Host": "chat.example.com"})
    assert gateway.runtime.hub.connection_count() == 0


@pytest.mark.parametrize("origin", ["https://chat.example.com", "http://chat.example.com:8000", "HTTPS://Chat.Example.com"])
async def test_pages_of_the_gateway_host_and_non_browsers_may_open_it(gateway: Gateway, origin: str) -> None:
    assert not await _refused(gateway, {"Origin": origin, "Host": "chat.example.com:8000"})
    assert not await _refused(gateway, {"Host": "chat.example.com"})  # no Origin: curl, tests, not a page


async def test_allowed_origins_setting_replaces_the_same_host_rule(tmp_path, n8n: respx.MockRouter) -> None:  # noqa: ANN001
    from gateway.app import create_app, runtime_of
    from tests.gateway.helpers import make_settings

    settings = Settings.from_env({"GATEWAY_ALLOWED_ORIGINS": "https://chat.example.com, http://10.0.0.5:8000"})
    assert settings.allowed_origins == ("https://chat.example.com", "http://10.0.0.5:8000")
    app = create_app(make_settings(tmp_path / "gw", allowed_origins=settings.allowed_origins),
                     transport=httpx.MockTransport(n8n.async_handler))
    async with app.test_app() as test_app:
        gw = Gateway(app, test_app.test_client(), runtime_of(app))
        assert not await _refused(gw, {"Origin": "https://chat.example.com:443", "Host": "gateway:8000"})
        assert not await _refused(gw, {"Origin": "http://10.0.0.5:8000", "Host": "10.0.0.5:8000"})
        assert await _refused(gw, {"Origin": "http://gateway:8000", "Host": "gateway:8000"})  # same host, not listed
        assert await _refused(gw, {"Origin": "http://10.0.0.5:8001", "Host": "10.0.0.5:8001"})


@pytest.mark.parametrize("value", ["chat.example.com", "https://chat.example.com/path", "ftp://x.example",
                                   "https://user@chat.example.com"])
def test_allowed_origins_must_be_origins(value: str) -> None:
    from gateway.settings import SettingsError

    with pytest.raises(SettingsError, match="GATEWAY_ALLOWED_ORIGINS"):
        Settings.from_env({"GATEWAY_ALLOWED_ORIGINS": value})


# ----- one id namespace: a browser cannot take an id the system makes ----------------------------------------
@pytest.mark.parametrize("message_id", ["estimate-decision:P-2026-0042", "reply:3f1c2b7a-0000-4000-8000-0000000000",
                                        "wamid.HBgLMzQ2MDAxMTEyMjI"])
async def test_a_message_frame_cannot_take_a_system_or_whatsapp_id(
    gateway: Gateway, n8n: respx.MockRouter, message_id: str
) -> None:
    async with gateway.websocket() as ws:
        await send(ws, {"type": "message", "id": message_id, "text": "El cliente ha aceptado el presupuesto."})
        event = await recv(ws)
        assert event["type"] == "error" and event["code"] == "invalid_frame"
        await assert_alive(ws)
    assert gateway.runtime.outbox.get(message_id) is None
    assert n8n.routes["chat"].call_count == 0


def test_intake_refuses_an_id_with_the_system_separator_whatever_the_channel(tmp_path) -> None:  # noqa: ANN001
    from datetime import datetime, timezone

    from gateway.channels.base import InboundMessage
    from gateway.intake import Intake
    from gateway.message_ids import InvalidMessageId
    from gateway.outbox import Outbox

    outbox = Outbox.open(tmp_path / "outbox.sqlite3")
    try:
        intake = Intake(outbox, lambda conversation: None)
        for channel, conversation in (("web", "web:conv-aaaaaaaa"), ("whatsapp", "wa:34600111222"), ("sms", "sms:1")):
            message = InboundMessage(conversation_id=conversation, message_id="estimate-decision:P-2026-0042",
                                     channel=channel, sender_id=conversation, text="hola",
                                     timestamp=datetime.now(timezone.utc))
            with pytest.raises(InvalidMessageId):
                intake.accept(message)
        assert outbox.get("estimate-decision:P-2026-0042") is None
    finally:
        outbox.close()
