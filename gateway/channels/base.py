"""The channel interface shared by every channel (the web chat and WhatsApp; a new channel is one module).

Inbound: a channel turns whatever it receives into an `InboundMessage` and hands it to `Intake.accept`.
Outbound: n8n's callback is parsed into `Reply` / `Typing` and dispatched to the `OutputChannel` named by
the callback's `channel` field. What the gateway itself tells a plumber about one of their messages (a `Notice`:
n8n refused it for good) goes out through the output side of the channel the message came from, never
straight to the web hub: a `NoticeSender` per channel name (app.py wires them).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Protocol, runtime_checkable

from quart import Blueprint


def utc_iso(moment: datetime) -> str:
    """ISO-8601 UTC with milliseconds and a Z, the format of every timestamp in the contracts."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class InboundMessage:
    """A plumber's message, channel-independent: exactly what the n8n chat webhook receives."""

    conversation_id: str
    message_id: str
    channel: str
    sender_id: str
    text: str
    timestamp: datetime
    sender_name: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def webhook_payload(self) -> dict[str, Any]:
        """The chat webhook body of docs/contracts.md section 2."""
        return {
            "conversation_id": self.conversation_id,
            "message_id": self.message_id,
            "channel": self.channel,
            "sender": {"id": self.sender_id, "name": self.sender_name},
            "text": self.text,
            "timestamp": utc_iso(self.timestamp),
            "metadata": dict(self.metadata),
        }


@dataclass(frozen=True)
class Reply:
    conversation_id: str
    channel: str
    message_id: str
    text: str
    timestamp: str
    in_reply_to: str | None = None
    estimate: dict[str, Any] | None = None  # the estimate card (gateway/estimate_card.py), when there is one
    article: dict[str, Any] | None = None  # the cited article's card (gateway/article_card.py), when there is one
    choices: list[dict[str, str]] | None = None  # the cases a question asked back offers (gateway/choices.py)
    # A WhatsApp template ({"name", "language"}) sent instead of `text` (outside the 24-hour window); `text` is
    # what the template says, for the history and for channels without templates.
    template: dict[str, str] | None = None


@dataclass(frozen=True)
class Typing:
    conversation_id: str
    channel: str
    active: bool
    in_reply_to: str | None = None


@dataclass(frozen=True)
class Notice:
    """The gateway's own word to the plumber about one of their messages (not the agent's; not in the history)."""

    conversation_id: str
    channel: str  # the channel the message came from: the notice goes out through it
    message_id: str  # the plumber's message it is about
    code: str  # what happened, for programs ("message_rejected")
    text: str  # what the plumber reads (Spanish)


# A channel's output side for notices: how many endpoints (sockets, phones) it reached or queued for.
NoticeSender = Callable[[Notice], Awaitable[int]]


@runtime_checkable
class OutputChannel(Protocol):
    """Pushes n8n's events to the plumber. Returns how many endpoints (sockets, phones) got it.

    `name` is the callback's `channel` value; `conversation_prefix` is the part of the conversation ids it
    owns before the colon (`web` for `web:<browser id>`).
    """

    name: str
    conversation_prefix: str

    async def send_reply(self, reply: Reply) -> int: ...

    async def send_typing(self, typing: Typing) -> int: ...


class WrappedChannel:
    """An output channel around another, with its name, prefix and behaviour; a subclass adds to
    `send_reply` (gateway/drafts.py ends the draft first, gateway/staff/activity.py tells the consoles after)."""

    def __init__(self, inner: OutputChannel) -> None:
        self._inner = inner
        self.name = inner.name
        self.conversation_prefix = inner.conversation_prefix

    async def send_reply(self, reply: Reply) -> int:
        return await self._inner.send_reply(reply)

    async def send_typing(self, typing: Typing) -> int:
        return await self._inner.send_typing(typing)


@runtime_checkable
class InputChannel(Protocol):
    """Receives plumbers' messages; exposes its routes as a Quart blueprint."""

    name: str

    def blueprint(self) -> Blueprint: ...
