"""Structured JSON logs, one object per line on stderr.

Use `log_event(logger, "event_name", conversation_id=..., message_id=...)`: the event name and the
keyword fields become top-level JSON keys, so every line about a message names its conversation and id.

A conversation id is a credential (whoever knows `web:<browser id>` can open that chat and read it), so it is
never written whole: `conversation_id=` is logged as `conversation_ref`, the first 8 hex characters of its
SHA-256 (`conversation_ref("web:3f1c…")`; to find a conversation's lines, compute its ref). The formatter
applies the same rule to any record that carries a `conversation_id` attribute (`extra=`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
from typing import Any

_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def conversation_ref(conversation_id: str) -> str:
    """A short digest of a conversation id for logs and notifications: tells conversations apart, reveals
    nothing that opens one."""
    return hashlib.sha256(conversation_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _redact(fields: dict[str, Any]) -> dict[str, Any]:
    if "conversation_id" in fields:
        value = fields.pop("conversation_id")
        fields["conversation_ref"] = conversation_ref(value) if isinstance(value, str) else None
    return fields


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        extra = {k: v for k, v in vars(record).items() if k not in _STANDARD_ATTRS and not k.startswith("_")}
        entry.update(_redact(extra))
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(level: str) -> None:
    """Route the gateway's and Hypercorn's logs through the JSON formatter."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("hypercorn.error", "hypercorn.access", "quart.app", "quart.serving"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    logging.getLogger("httpx").setLevel(max(logging.WARNING, logging.getLevelName(level)))
    logging.getLogger("httpcore").setLevel(max(logging.WARNING, logging.getLevelName(level)))


def log_event(logger: logging.Logger, event: str, *, level: int = logging.INFO, **fields: Any) -> None:
    if logger.isEnabledFor(level):
        logger.log(level, event, extra=_redact(fields))
