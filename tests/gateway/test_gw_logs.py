from __future__ import annotations

import io
import json
import logging

import hashlib

import httpx
import pytest
import respx

from gateway.logs import JsonFormatter, conversation_ref, log_event
from tests.gateway.helpers import Gateway, recv, send, wait_for


def test_log_lines_are_json_naming_conversation_and_message() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("gateway.test-logs")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.INFO)

    log_event(logger, "message_accepted", conversation_id="web:abc", message_id="m-1", chars=5)
    log_event(logger, "hidden", level=logging.DEBUG, conversation_id="web:abc")
    try:
        raise ValueError("boom")
    except ValueError:
        logger.exception("frame_handling_failed", extra={"conversation_id": "web:abc"})

    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert len(lines) == 2  # the DEBUG one was filtered
    first = lines[0]
    assert first["event"] == "message_accepted" and first["level"] == "info"
    # the conversation by its short digest only: its id is a credential
    assert first["conversation_ref"] == hashlib.sha256(b"web:abc").hexdigest()[:8] == conversation_ref("web:abc")
    assert "conversation_id" not in first and "web:abc" not in json.dumps(lines)
    assert first["message_id"] == "m-1" and first["chars"] == 5
    assert lines[1]["conversation_ref"] == conversation_ref("web:abc")  # extra= gets the same treatment
    assert first["ts"].endswith("Z") and first["logger"] == "gateway.test-logs"
    assert "ValueError: boom" in lines[1]["exc"] and lines[1]["level"] == "error"
    assert "msg" not in first and "args" not in first  # no LogRecord internals leak in


BROWSER_ID = "secret-browser-id-7f3a9c"
CONVERSATION = f"web:{BROWSER_ID}"


async def test_no_log_line_of_a_conversations_life_names_its_id(
    gateway: Gateway, n8n: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    """Socket opened and closed, messages accepted, resent and refused, delivery failing then done, history
    unavailable, replies pushed and repeated, typing: every line says conversation_ref, none the id."""
    caplog.set_level(logging.DEBUG)
    failures = iter([httpx.Response(500), httpx.Response(200, json={"status": "stored"})])
    n8n.routes["chat"].mock(side_effect=lambda request: next(failures, httpx.Response(200, json={"status": "stored"})))
    n8n.routes["history"].mock(return_value=httpx.Response(503))
    async with gateway.websocket(BROWSER_ID) as ws:
        await send(ws, {"type": "message", "id": "msg-log00001", "text": "Gotea el grifo"})
        assert (await recv(ws))["type"] == "accepted"
        await send(ws, {"type": "message", "id": "msg-log00001", "text": "Gotea el grifo"})  # a resend
        assert (await recv(ws))["type"] == "accepted"
        await send(ws, {"type": "message", "id": "msg-log00002", "text": "   "})  # refused frame
        assert (await recv(ws))["code"] == "empty_message"
        await send(ws, {"type": "history"})
        assert (await recv(ws))["code"] == "history_unavailable"
        await wait_for(lambda: any(r.getMessage() == "message_delivered" for r in caplog.records), timeout=5)
        reply = {"type": "reply", "conversation_id": CONVERSATION, "channel": "web", "message_id": "reply-log1",
                 "in_reply_to": "msg-log00001", "text": "Cierre la llave de paso."}
        for _ in range(2):  # pushed, then a duplicate
            await gateway.callback(reply)
        await gateway.callback({"type": "typing", "conversation_id": CONVERSATION, "channel": "web", "active": True})
    await wait_for(lambda: any(r.getMessage() == "socket_closed" for r in caplog.records))

    events = {r.getMessage() for r in caplog.records}
    assert {"socket_opened", "message_accepted", "message_resent", "frame_rejected", "history_unavailable",
            "delivery_failed", "message_delivered", "reply_pushed", "reply_duplicate", "typing_pushed",
            "socket_closed"} <= events, events
    formatter = JsonFormatter()
    lines = [formatter.format(r) for r in caplog.records]
    leaking = [line for line in lines if BROWSER_ID in line]
    assert not leaking, leaking
    ref = conversation_ref(CONVERSATION)
    about_it = [json.loads(line) for line in lines if '"conversation_ref"' in line]
    assert about_it and all(entry["conversation_ref"] == ref for entry in about_it)
