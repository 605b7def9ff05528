"""Intake: the one door every channel uses to hand a plumber's message over.

`accept()` stores the message in the durable outbox and wakes the delivery worker. When it returns, the
message survives a crash, so the channel may acknowledge it ("accepted") to the plumber.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from gateway.channels.base import InboundMessage
from gateway.logs import conversation_ref, log_event
from gateway.message_ids import check_inbound
from gateway.outbox import Outbox, OutboxRow

logger = logging.getLogger("gateway.intake")


class MessageIdConflict(Exception):
    """The message id is already used by another conversation (never by honest clients: ids are UUIDs)."""


@dataclass(frozen=True)
class Accepted:
    row: OutboxRow
    created: bool  # False: a resend of a message already accepted


class Intake:
    def __init__(
        self, outbox: Outbox, notify: Callable[[str], None], *, clock: Callable[[], float] = time.time
    ) -> None:
        self._outbox = outbox
        self._notify = notify
        self._clock = clock

    def accept(self, message: InboundMessage) -> Accepted:
        """Raises InvalidMessageId for an id outside the clients' namespace (gateway/message_ids.py), whichever
        channel let it through, and MessageIdConflict for an id another conversation already has."""
        check_inbound(message.message_id)
        row, created = self._outbox.add(message, now=self._clock())
        if not created and row.conversation_id != message.conversation_id:
            log_event(
                logger, "message_id_conflict", level=logging.WARNING,
                conversation_id=message.conversation_id, message_id=message.message_id,
                owner_ref=conversation_ref(row.conversation_id),
            )
            raise MessageIdConflict(message.message_id)
        if created:
            self._notify(message.conversation_id)
        log_event(
            logger, "message_accepted" if created else "message_resent",
            conversation_id=message.conversation_id, message_id=message.message_id,
            channel=message.channel, chars=len(message.text),
        )
        return Accepted(row, created)
