"""`ModelLine`: the model calls going through the relay, in arrival order, and each one's place in the line.

The LLM server writes `slots` answers at once (1 for gpt4all) and queues the rest in arrival order. A call's
place is how many earlier calls are still at the model beyond those slots: with one slot, the fourth of four
questions asked together has 3 ahead, then 2, 1, and 0 once the model starts on it. Only calls through this
gateway are counted (docs/contracts.md, "Model relay").
"""

from __future__ import annotations

import asyncio


class Ticket:
    """One call's place in the line; `moved` is set whenever the line changes in front of it."""

    __slots__ = ("moved", "started")

    def __init__(self) -> None:
        self.moved = asyncio.Event()
        self.started = False  # the model has started writing this answer


class ModelLine:
    def __init__(self, slots: int = 1) -> None:
        self._slots = max(1, slots)
        self._tickets: list[Ticket] = []

    def join(self) -> Ticket:
        ticket = Ticket()
        self._tickets.append(ticket)
        return ticket

    def started(self, ticket: Ticket) -> None:
        ticket.started = True

    def leave(self, ticket: Ticket) -> None:
        if ticket in self._tickets:
            self._tickets.remove(ticket)
            for other in self._tickets:
                other.moved.set()

    def ahead(self, ticket: Ticket) -> int:
        """How many calls the model must finish before it starts on this one (0 once it has started)."""
        if ticket.started or ticket not in self._tickets:
            return 0
        return max(0, self._tickets.index(ticket) - (self._slots - 1))

    def __len__(self) -> int:
        return len(self._tickets)


def queue_text(ahead: int) -> str:
    """The plumber's words for a place in the line ("2 consultas por delante")."""
    return "1 consulta por delante" if ahead == 1 else f"{ahead} consultas por delante"
