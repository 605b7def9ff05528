from __future__ import annotations

import io
import json
import logging

from gateway.logs import JsonFormatter, log_event


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
    assert first["conversation_id"] == "web:abc" and first["message_id"] == "m-1" and first["chars"] == 5
    assert first["ts"].endswith("Z") and first["logger"] == "gateway.test-logs"
    assert "ValueError: boom" in lines[1]["exc"] and lines[1]["level"] == "error"
    assert "msg" not in first and "args" not in first  # no LogRecord internals leak in
