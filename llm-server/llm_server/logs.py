"""Structured logs: one JSON object per line on stderr, with the request id when there is one.

The `event` key is a snake_case name (`model_loaded`, `request`, `generation`, …; the gateway's convention) and the
details are other keys: log with `log.info("model_loaded", extra={"load_seconds": …})`. A library's own sentence
(Hypercorn's "Running on …") becomes `"event": "library_message"` with the sentence under `text`.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
from typing import Any

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)

_STANDARD_ATTRS = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
}


EVENT_NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
LIBRARY_MESSAGE = "library_message"


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        entry: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": message,
        }
        if not EVENT_NAME.fullmatch(message):
            entry["event"], entry["text"] = LIBRARY_MESSAGE, message
        request_id = getattr(record, "request_id", None) or request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JSONFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("hypercorn.error", "hypercorn.access", "quart.app", "quart.serving"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
