"""`POST /callbacks/n8n`: n8n delivers replies and typing events here (docs/contracts.md section 4).

Order of checks: signature and freshness (401, nothing changes) -> body shape (400; a reply's optional
`estimate` card must be a bounded object, gateway/estimate_card.py; a reply's optional `article` card that does
not fit gateway/article_card.py is dropped, the text still goes out) -> channel -> reply dedupe (a retried
callback is pushed once) -> push through the conversation's output channel. A push that fails (the channel
could not take the reply: Redis down, disk full) answers 503 and forgets the reply id, so n8n's retry is
pushed; only a reply that was taken makes later copies duplicates.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Mapping
from typing import Any

from quart import Blueprint

from gateway.article_card import ArticleError, check_article
from gateway.choices import ChoicesError, check_choices
from gateway.channels.base import OutputChannel, Reply, Typing, utc_iso, utc_now
from gateway.dedupe import ReplyDedupe
from gateway.estimate_card import EstimateError, check_estimate
from gateway.logs import conversation_ref, log_event
from gateway.signing import signed_body

logger = logging.getLogger("gateway.callbacks")

_MAX_ID = 200


class CallbackError(ValueError):
    """A signed body that is not one of the contract's shapes (-> 400)."""


def parse_callback(body: bytes, channels: Mapping[str, OutputChannel]) -> Reply | Typing:
    """The event, with `channel` resolved to a registered output channel (CallbackError otherwise)."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise CallbackError("body is not JSON") from None
    if not isinstance(data, dict):
        raise CallbackError("body is not a JSON object")
    conversation_id = _required_id(data, "conversation_id")
    channel = _channel(data, conversation_id, channels)
    in_reply_to = _optional_id(data, "in_reply_to")
    kind = data.get("type")
    if kind == "typing":
        active = data.get("active")
        if not isinstance(active, bool):
            raise CallbackError("typing.active must be a boolean")
        return Typing(conversation_id=conversation_id, channel=channel, active=active, in_reply_to=in_reply_to)
    if kind == "reply":
        text = data.get("text")
        if not isinstance(text, str) or not text.strip():
            raise CallbackError("reply.text must be a non-empty string")
        timestamp = data.get("timestamp")
        if timestamp is None:
            timestamp = utc_iso(utc_now())
        elif not isinstance(timestamp, str) or not timestamp:
            raise CallbackError("reply.timestamp must be an ISO-8601 string")
        estimate = data.get("estimate")
        if estimate is not None:
            try:
                estimate = check_estimate(estimate)
            except EstimateError as exc:
                raise CallbackError(f"reply.{exc}") from None
        article = data.get("article")
        if article is not None:
            try:
                article = check_article(article)
            except ArticleError as exc:
                log_event(logger, "reply_article_dropped", level=logging.WARNING, reason=str(exc))
                article = None
        choices = data.get("choices")
        if choices is not None:
            try:
                choices = check_choices(choices)
            except ChoicesError as exc:  # the text lists the cases too: the reply goes out without buttons
                log_event(logger, "reply_choices_dropped", level=logging.WARNING, reason=str(exc))
                choices = None
        return Reply(
            conversation_id=conversation_id,
            channel=channel,
            message_id=_required_id(data, "message_id"),
            text=text,
            timestamp=timestamp,
            in_reply_to=in_reply_to,
            estimate=estimate,
            article=article,
            choices=choices,
            template=_template(data.get("template")),
        )
    raise CallbackError("type must be 'reply' or 'typing'")


_TEMPLATE_NAME = re.compile(r"[a-z0-9_]{1,512}")
_TEMPLATE_LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")


def _template(value: Any) -> dict[str, str] | None:
    """reply.template: absent/null, or {"name": a WhatsApp template name, "language": its code (es, es_MX)}."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"name", "language"} \
            or not isinstance(value["name"], str) or not _TEMPLATE_NAME.fullmatch(value["name"]) \
            or not isinstance(value["language"], str) or not _TEMPLATE_LANGUAGE.fullmatch(value["language"]):
        raise CallbackError("reply.template must be {name: [a-z0-9_]+, language: es or es_MX-like}")
    return {"name": value["name"], "language": value["language"]}


def _required_id(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value or len(value) > _MAX_ID:
        raise CallbackError(f"{key} must be a non-empty string of at most {_MAX_ID} characters")
    return value


def _optional_id(data: dict[str, Any], key: str) -> str | None:
    if data.get(key) is None:
        return None
    return _required_id(data, key)


def _channel(data: dict[str, Any], conversation_id: str, channels: Mapping[str, OutputChannel]) -> str:
    """`channel` names the output channel; without it, the conversation id's prefix picks it.

    Each channel owns a prefix (`web:` for the web chat, e.g. `wa:` for WhatsApp), so a conversation id can
    only be sent through the channel it belongs to.
    """
    prefix, sep, rest = conversation_id.partition(":")
    if not sep or not prefix or not rest:
        raise CallbackError("conversation_id must look like '<prefix>:<id>'")
    name = data.get("channel")
    if name is None:
        for candidate in channels.values():
            if candidate.conversation_prefix == prefix:
                return candidate.name
        raise CallbackError(f"no channel for conversation prefix {prefix!r}")
    if not isinstance(name, str) or name not in channels:
        raise CallbackError(f"unknown channel {name!r}")
    if channels[name].conversation_prefix != prefix:
        raise CallbackError("channel does not match the conversation_id prefix")
    return name


def callbacks_blueprint(
    *,
    secret: str,
    max_age: int,
    channels: Mapping[str, OutputChannel],
    seen_replies: ReplyDedupe,
    clock: Callable[[], float] = time.time,
) -> Blueprint:
    bp = Blueprint("callbacks", __name__)

    @bp.post("/callbacks/n8n")
    async def n8n_callback() -> tuple[dict[str, Any], int]:
        body = await signed_body(secret, max_age=max_age, clock=clock, logger=logger, refused="callback_unauthorized")
        if body is None:
            return {"error": "unauthorized"}, 401
        try:
            event = parse_callback(body, channels)
        except CallbackError as exc:
            log_event(logger, "callback_malformed", level=logging.WARNING, reason=str(exc))
            return {"error": str(exc)}, 400
        channel = channels[event.channel]
        if isinstance(event, Reply):
            # Seen only once taken: the claim is released if the push fails, so n8n's retry is processed again.
            if not await seen_replies.claim(event.message_id):
                log_event(logger, "reply_duplicate", conversation_id=event.conversation_id,
                          message_id=event.message_id)
                return {"delivered": 0}, 200
            try:
                delivered = await channel.send_reply(event)
            except Exception:
                await seen_replies.release(event.message_id)
                logger.exception("reply_push_failed", extra={
                    "conversation_ref": conversation_ref(event.conversation_id), "message_id": event.message_id})
                return {"error": "reply not delivered, retry"}, 503
            log_event(logger, "reply_pushed", conversation_id=event.conversation_id,
                      message_id=event.message_id, in_reply_to=event.in_reply_to, delivered=delivered,
                      estimate=event.estimate["number"] if event.estimate else None)
        else:
            delivered = await channel.send_typing(event)
            log_event(logger, "typing_pushed", level=logging.DEBUG, conversation_id=event.conversation_id,
                      active=event.active, delivered=delivered)
        return {"delivered": delivered}, 200

    return bp
