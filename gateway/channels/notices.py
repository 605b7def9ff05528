"""Notices (gateway/channels/base.py, `Notice`): the gateway's own word to a plumber about one of their messages,
sent through the output side of the channel that message came from, found by the channel's name.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from gateway.channels.base import Notice, NoticeSender
from gateway.logs import log_event

logger = logging.getLogger("gateway.notices")


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
