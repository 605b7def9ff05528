"""Notices (gateway/channels/base.py, `Notice`): the gateway's own word to a plumber about one of their messages,
sent through the output side of the channel that message came from, found by the channel's name.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Protocol

from gateway.channels.base import Notice, NoticeSender
from gateway.logs import log_event

logger = logging.getLogger("gateway.notices")


class QueuesNotices(Protocol):
    """An output side that queues the gateway's short messages itself, once per key (WhatsApp's `send_notice`:
    a durable send job quoting the message it is about); False when the channel is off."""

    def send_notice(self, conversation_id: str, in_reply_to: str, text: str, *, key: str) -> bool: ...


def queued_notices(channel: QueuesNotices) -> NoticeSender:
    async def send(notice: Notice) -> int:
        key = f"{notice.code}:{notice.message_id}"  # a notice per message and kind, even if asked twice
        return int(channel.send_notice(notice.conversation_id, notice.message_id, notice.text, key=key))

    return send


async def send_notice(senders: Mapping[str, NoticeSender], notice: Notice) -> int:
    """How many endpoints (sockets, phones) the notice reached or was queued for; 0 for an unknown channel."""
    sender = senders.get(notice.channel)
    if sender is None:
        log_event(logger, "notice_no_channel", level=logging.WARNING, conversation_id=notice.conversation_id,
                  message_id=notice.message_id, channel=notice.channel, code=notice.code)
        return 0
    reached = await sender(notice)
    log_event(logger, "notice_sent", conversation_id=notice.conversation_id, message_id=notice.message_id,
              channel=notice.channel, code=notice.code, reached=reached)
    return reached
