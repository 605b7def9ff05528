"""The estimate card a reply may carry (docs/contracts.md sections 1, 3 and 4).

n8n builds the card with the Postgres function `estimate_card(number, public_url)` and sends it as the reply
callback's optional `estimate` object; it is stored in `messages.metadata.estimate` and comes back with the
history. The gateway does not interpret it (the page renders it, as text only): it checks that it is a JSON
object with a `number` and a `lines` list, and that it is not too large to push to every socket.
"""

from __future__ import annotations

import json
from typing import Any

# A card with the maximum 200 lines of long descriptions stays well under this (a realistic one is ~4 KB).
MAX_ESTIMATE_BYTES = 64 * 1024
_MAX_NUMBER = 64

# The only value of a message frame's optional `intent` (the page's "Pedir presupuesto" button).
INTENT_ESTIMATE = "estimate"


class EstimateError(ValueError):
    """The `estimate` value is not a card the page can show."""


def check_estimate(value: object) -> dict[str, Any]:
    """`value` itself when it is an acceptable card, else EstimateError saying why."""
    if not isinstance(value, dict):
        raise EstimateError("estimate must be a JSON object")
    number = value.get("number")
    if not isinstance(number, str) or not number.strip() or len(number) > _MAX_NUMBER:
        raise EstimateError(f"estimate.number must be a non-empty string of at most {_MAX_NUMBER} characters")
    if not isinstance(value.get("lines"), list):
        raise EstimateError("estimate.lines must be a list")
    try:
        size = len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    except (TypeError, ValueError, RecursionError):
        raise EstimateError("estimate is not serialisable JSON") from None
    if size > MAX_ESTIMATE_BYTES:
        raise EstimateError(f"estimate is larger than {MAX_ESTIMATE_BYTES} bytes")
    return value


def optional_estimate(value: object) -> dict[str, Any] | None:
    """A card, or None when there is none or it is unusable (history: the message is kept, the card dropped)."""
    if value is None:
        return None
    try:
        return check_estimate(value)
    except EstimateError:
        return None
