"""POST /callbacks/n8n: authentication, validation, routing to the conversation's sockets, dedupe."""

from __future__ import annotations

import json
import time

import pytest

from gateway.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, compute_signature, sign
from tests.gateway.helpers import SECRET, Gateway, assert_alive, recv

CONV = "conv-aaaaaaaa"


def reply(message_id: str = "reply-0001", conversation: str = f"web:{CONV}", **extra: object) -> dict:
    body = {
        "type": "reply", "conversation_id": conversation, "channel": "web", "message_id": message_id,
        "in_reply_to": "msg-00000001", "text": "Primero cierre la llave de paso…",
        "timestamp": "2026-11-23T10:00:03.000Z",
    }
    body.update(extra)
    return body


def typing(active: bool, conversation: str = f"web:{CONV}") -> dict:
    return {"type": "typing", "conversation_id": conversation, "channel": "web", "in_reply_to": "msg-00000001",
            "active": active}


async def test_valid_reply_is_pushed_only_to_that_conversation(gateway: Gateway) -> None:
    async with (
        gateway.websocket(CONV) as tab1,
        gateway.websocket(CONV) as tab2,
        gateway.websocket("conv-bbbbbbbb") as stranger,
    ):
        response = await gateway.callback(reply())
        assert response.status_code == 200
        assert await response.get_json() == {"delivered": 2}
        expected = {"type": "reply", "id": "reply-0001", "in_reply_to": "msg-00000001", "role": "assistant",
                    "text": "Primero cierre la llave de paso…", "timestamp": "2026-11-23T10:00:03.000Z"}
        assert await recv(tab1) == expected
        assert await recv(tab2) == expected
        await assert_alive(stranger)  # nothing for another conversation


async def test_typing_events_are_pushed(gateway: Gateway) -> None:
    async with gateway.websocket(CONV) as ws:
        response = await gateway.callback(typing(True))
        assert (await response.get_json()) == {"delivered": 1}
        assert await recv(ws) == {"type": "typing", "active": True}
        await gateway.callback(typing(False))
        assert await recv(ws) == {"type": "typing", "active": False}


async def test_reply_without_open_socket_is_still_ok(gateway: Gateway) -> None:
    response = await gateway.callback(reply())
    assert response.status_code == 200
    assert await response.get_json() == {"delivered": 0}


async def test_same_reply_id_is_pushed_once(gateway: Gateway) -> None:
    async with gateway.websocket(CONV) as ws:
        first = await gateway.callback(reply("reply-0001"))
        again = await gateway.callback(reply("reply-0001"))  # n8n retried
        other = await gateway.callback(reply("reply-0002"))
        assert [r.status_code for r in (first, again, other)] == [200, 200, 200]
        assert (await first.get_json())["delivered"] == 1
        assert (await again.get_json())["delivered"] == 0
        assert (await recv(ws))["id"] == "reply-0001"
        assert (await recv(ws))["id"] == "reply-0002"
        await assert_alive(ws)


async def test_a_reply_whose_push_failed_is_pushed_on_retry_and_then_only_once(
    gateway: Gateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed push (the hub or the channel's store refused it) must not mark the id as seen: n8n's retry is
    processed again, and only after it was taken is a further copy a duplicate."""
    hub = gateway.runtime.hub
    real_publish = hub.publish
    failures = [RuntimeError("the store is full")]

    async def flaky_publish(conversation_id: str, event: dict, **kw: object) -> int:
        if event.get("type") == "reply" and failures:
            raise failures.pop()
        return await real_publish(conversation_id, event, **kw)

    monkeypatch.setattr(hub, "publish", flaky_publish)
    async with gateway.websocket(CONV) as ws:
        failed = await gateway.callback(reply("reply-0009"))
        assert failed.status_code >= 500  # n8n retries (Send reply to gateway: retry on fail)
        await assert_alive(ws)  # nothing was pushed
        retried = await gateway.callback(reply("reply-0009"))
        assert retried.status_code == 200
        assert await retried.get_json() == {"delivered": 1}
        assert (await recv(ws))["id"] == "reply-0009"
        duplicate = await gateway.callback(reply("reply-0009"))
        assert await duplicate.get_json() == {"delivered": 0}
        await assert_alive(ws)  # not pushed a second time


async def test_reply_claims_are_released_for_a_retry() -> None:
    from gateway.dedupe import RecentIds, ReplyDedupe

    dedupe = ReplyDedupe(RecentIds(10))
    assert await dedupe.claim("r1") is True
    assert await dedupe.claim("r1") is False  # being pushed (or pushed): a concurrent copy waits its turn
    await dedupe.release("r1")  # the push failed
    assert await dedupe.claim("r1") is True


def bad_auth_headers(case: str) -> dict[str, str]:
    """Headers for each way a callback can fail authentication, built at run time (the clock matters)."""
    body = json.dumps(reply()).encode()
    now = int(time.time())
    return {
        "no headers": lambda: {},
        "no signature": lambda: {TIMESTAMP_HEADER: str(now)},
        "no timestamp": lambda: {SIGNATURE_HEADER: compute_signature(SECRET, str(now), body)},
        "wrong secret": lambda: sign("not-the-secret", body),
        "garbage signature": lambda: {TIMESTAMP_HEADER: str(now), SIGNATURE_HEADER: "sha256=deadbeef"},
        "stale": lambda: sign(SECRET, body, timestamp=now - 301),
        "future": lambda: sign(SECRET, body, timestamp=now + 302),
        "other body": lambda: sign(SECRET, json.dumps(reply(text="otro texto")).encode()),
        "timestamp not in signature": lambda: {
            TIMESTAMP_HEADER: str(now), SIGNATURE_HEADER: compute_signature(SECRET, str(now - 1), body)},
    }[case]()


BAD_AUTH = ["no headers", "no signature", "no timestamp", "wrong secret", "garbage signature", "stale", "future",
            "other body", "timestamp not in signature"]


@pytest.mark.parametrize("case", BAD_AUTH)
async def test_unauthenticated_callbacks_get_401_and_change_nothing(gateway: Gateway, case: str) -> None:
    async with gateway.websocket(CONV) as ws:
        response = await gateway.callback(reply(), headers=bad_auth_headers(case))
        assert response.status_code == 401
        assert await response.get_json() == {"error": "unauthorized"}
        await assert_alive(ws)  # nothing was pushed before the pong
        # and the refused reply id was not remembered: the genuine one still goes through once
        genuine = await gateway.callback(reply())
        assert (await genuine.get_json()) == {"delivered": 1}
        assert (await recv(ws))["id"] == "reply-0001"


def test_sanity_stale_window_is_the_setting(settings) -> None:  # noqa: ANN001
    assert settings.callback_max_age == 300  # the 301/302 s skews above are just outside it


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b"[]",
        b'"reply"',
        json.dumps({**reply(), "type": "status"}).encode(),
        json.dumps({k: v for k, v in reply().items() if k != "conversation_id"}).encode(),
        json.dumps({k: v for k, v in reply().items() if k != "message_id"}).encode(),
        json.dumps({k: v for k, v in reply().items() if k != "text"}).encode(),
        json.dumps(reply(text="   ")).encode(),
        json.dumps(reply(text=7)).encode(),
        json.dumps(reply(timestamp=12)).encode(),
        json.dumps(reply(conversation="no-channel-prefix")).encode(),
        json.dumps(reply(channel="whatsapp")).encode(),
        json.dumps(reply(conversation="sms:123456789", channel="sms")).encode(),
        json.dumps({**typing(True), "active": "yes"}).encode(),
        json.dumps(reply(in_reply_to=5)).encode(),
    ],
    ids=["not-json", "array", "string", "unknown-type", "no-conversation", "no-message-id", "no-text",
         "blank-text", "text-not-string", "timestamp-not-string", "no-prefix", "channel-mismatch",
         "unknown-channel", "active-not-bool", "in-reply-to-not-string"],
)
async def test_signed_but_malformed_body_is_400(gateway: Gateway, raw: bytes) -> None:
    async with gateway.websocket(CONV) as ws:
        response = await gateway.callback(None, raw=raw)
        assert response.status_code == 400
        assert "error" in await response.get_json()
        await assert_alive(ws)


async def test_reply_without_timestamp_gets_one(gateway: Gateway) -> None:
    async with gateway.websocket(CONV) as ws:
        body = reply()
        del body["timestamp"]
        del body["channel"]  # channel is derived from the conversation id
        assert (await (await gateway.callback(body)).get_json()) == {"delivered": 1}
        event = await recv(ws)
        assert event["timestamp"].endswith("Z") and event["text"] == body["text"]


async def test_oversized_callback_is_refused(gateway: Gateway) -> None:
    response = await gateway.callback(reply(text="x" * 2_000_000))
    assert response.status_code == 413


async def test_only_post_is_allowed(gateway: Gateway) -> None:
    assert (await gateway.client.get("/callbacks/n8n")).status_code == 405


async def test_reply_dedupe_is_bounded() -> None:
    from gateway.dedupe import RecentIds, ReplyDedupe

    dedupe = ReplyDedupe(RecentIds(2))
    assert [await dedupe.claim(i) for i in ("a", "b", "a", "c")] == [True, True, False, True]
    assert await dedupe.claim("b") is True  # evicted (least recently seen) by "c": the LRU stays small


class _FakeWhatsApp:
    """A second output channel whose name and conversation prefix differ (as WhatsApp's will)."""

    name = "whatsapp"
    conversation_prefix = "wa"

    async def send_reply(self, reply: object) -> int:
        return 0

    async def send_typing(self, typing: object) -> int:
        return 0


def test_channel_is_resolved_by_name_or_by_conversation_prefix() -> None:
    from gateway.callbacks import CallbackError, parse_callback
    from gateway.channels.base import OutputChannel
    from gateway.channels.web import WebChannel

    channels = {"web": WebChannel.__new__(WebChannel), "whatsapp": _FakeWhatsApp()}
    assert all(isinstance(c, OutputChannel) for c in channels.values())

    def channel_of(**fields: object) -> str:
        body = {k: v for k, v in {**reply(), **fields}.items() if v is not ...}
        return parse_callback(json.dumps(body).encode(), channels).channel

    assert channel_of(conversation_id="wa:34600111222", channel="whatsapp") == "whatsapp"
    assert channel_of(conversation_id="wa:34600111222", channel=...) == "whatsapp"  # by prefix
    assert channel_of(conversation_id=f"web:{CONV}", channel=...) == "web"
    for bad in [{"conversation_id": "wa:34600111222", "channel": "web"},
                {"conversation_id": f"web:{CONV}", "channel": "whatsapp"},
                {"conversation_id": "tg:123", "channel": ...},
                {"conversation_id": "web:", "channel": "web"},
                {"conversation_id": "wa:1", "channel": 3}]:
        with pytest.raises(CallbackError):
            channel_of(**bad)
