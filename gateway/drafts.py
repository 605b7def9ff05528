"""Drafts: the answer a web conversation sees growing while the model writes it (docs/contracts.md §1, `draft`).

A draft is never a message: it lives only here, in memory, until the final reply for the same plumber message
arrives (`finish`, called by `DraftFinishingChannel` before the reply is pushed), or `ttl` seconds after its
last change (n8n failed after the model answered). Every change is pushed to the conversation's sockets as
one `draft` event carrying the whole draft so far, with a `seq` that grows, so a page keeps the newest and a
page that reconnects gets the same event from `snapshot()` after its history. A reply replaces the draft on
the page; a draft whose plumber message already has a reply (in the history, or finished here) is never
shown again. While a person owns the conversation (from the "joined" notice, `staff-join:…`, to the "left"
one, `staff-leave:…`; docs/contracts.md §10) the agent's drafts are over and no new one starts: the agent's
reply will be dropped by n8n, so its draft must not stay on the plumber's page.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gateway.channels.base import OutputChannel, Reply, WrappedChannel
from gateway.hub import Event, Hub
from gateway.model_line import queue_text

_FINISHED_KEPT = 10_000
PERSON_JOINED_PREFIX = "staff-join:"  # message ids of the notices a person's takeover and hand-back send
PERSON_LEFT_PREFIX = "staff-leave:"


@dataclass
class Draft:
    conversation_id: str
    in_reply_to: str
    updated: float
    seq: int = 0
    text: str = ""
    safety: str = ""
    article: dict[str, Any] | None = None
    ahead: int = 0

    def event(self) -> Event:
        event: Event = {"type": "draft", "in_reply_to": self.in_reply_to, "seq": self.seq, "text": self.text}
        if self.safety:
            event["safety"] = self.safety
        if self.article:
            event["article"] = self.article
        if self.ahead > 0:
            event["ahead"] = self.ahead
            event["notice"] = queue_text(self.ahead)
        return event


class DraftBoard:
    def __init__(self, hub: Hub, *, ttl: float = 600.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._hub = hub
        self._ttl = ttl
        self._clock = clock
        self._drafts: dict[tuple[str, str], Draft] = {}
        self._finished: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._person_owned: set[str] = set()  # conversations a person has taken over: no agent drafts

    async def update(
        self, conversation_id: str, in_reply_to: str, *, text: str | None = None, safety: str | None = None,
        article: dict[str, Any] | None = None, ahead: int | None = None,
    ) -> Draft | None:
        """Change the draft and push it; None (nothing pushed) once the plumber message has its reply."""
        key = (conversation_id, in_reply_to)
        if key in self._finished:
            return None
        self._prune()
        draft = self._drafts.get(key)
        if draft is None:
            if conversation_id in self._person_owned:
                return None
            draft = self._drafts[key] = Draft(conversation_id, in_reply_to, updated=self._clock())
        if text is not None:
            draft.text = text
        if safety is not None:
            draft.safety = safety.strip()
        if article is not None:
            draft.article = article
        if ahead is not None:
            draft.ahead = ahead
        draft.seq += 1
        draft.updated = self._clock()
        await self._hub.publish(conversation_id, draft.event())
        return draft

    def finish(self, conversation_id: str, in_reply_to: str | None) -> None:
        """The final reply is on its way: the draft is gone for good (later updates are ignored)."""
        if in_reply_to is None:
            return
        key = (conversation_id, in_reply_to)
        self._drafts.pop(key, None)
        self._finished[key] = None
        while len(self._finished) > _FINISHED_KEPT:
            self._finished.popitem(last=False)

    def person_joined(self, conversation_id: str) -> None:
        """A person took the conversation over: every agent draft of it is over, and none starts until
        `person_left`."""
        self._person_owned.add(conversation_id)
        for conv, in_reply_to in [k for k in self._drafts if k[0] == conversation_id]:
            self.finish(conv, in_reply_to)

    def person_left(self, conversation_id: str) -> None:
        self._person_owned.discard(conversation_id)

    def snapshot(self, conversation_id: str, history: list[dict[str, Any]] | None = None) -> list[Event]:
        """The conversation's current drafts as events, for a page that just got its `history`: a draft whose
        plumber message has an answer in that history is left out (its reply reached another gateway)."""
        self._prune()
        answered = {m.get("in_reply_to") for m in history or () if m.get("role") == "assistant"}
        return [d.event() for (conv, reply_to), d in self._drafts.items()
                if conv == conversation_id and reply_to not in answered]

    def __len__(self) -> int:
        return len(self._drafts)

    def _prune(self) -> None:
        oldest = self._clock() - self._ttl
        for key in [k for k, d in self._drafts.items() if d.updated < oldest]:
            del self._drafts[key]


class DraftFinishingChannel(WrappedChannel):
    """An output channel that ends the conversation's draft before the final reply is pushed."""

    def __init__(self, channel: OutputChannel, board: DraftBoard) -> None:
        super().__init__(channel)
        self._board = board

    async def send_reply(self, reply: Reply) -> int:
        if reply.message_id.startswith(PERSON_JOINED_PREFIX):
            self._board.person_joined(reply.conversation_id)
        elif reply.message_id.startswith(PERSON_LEFT_PREFIX):
            self._board.person_left(reply.conversation_id)
        self._board.finish(reply.conversation_id, reply.in_reply_to)
        return await super().send_reply(reply)

