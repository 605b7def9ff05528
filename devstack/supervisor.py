"""Keep the local runner's parts up: a part that dies is started again, with backoff, and it is logged.

As with the Compose services' ``restart: unless-stopped``, a gateway or n8n crash at night costs seconds, not the
night. A part that keeps dying waits longer between tries (1 s, 2 s, 4 s … up to ``max_delay``); once it has
stayed up for ``stable_after`` seconds its next crash starts again from the first delay.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable

Say = Callable[[str], None]


@dataclass(frozen=True)
class RestartPolicy:
    first_delay: float = 1.0
    max_delay: float = 60.0
    stable_after: float = 300.0

    def delay(self, crashes: int) -> float:
        return min(self.max_delay, self.first_delay * 2 ** max(crashes - 1, 0))


@dataclass
class Part:
    """One supervised part: how to tell it is alive, how to start it again, what its log says."""

    name: str
    alive: Callable[[], bool]
    restart: Callable[[], None]
    describe_exit: Callable[[], str] = lambda: ""
    crashes: int = 0
    started_at: float = 0.0
    due_at: float | None = None  # when it is dead: the time of the next try


@dataclass
class Supervisor:
    parts: list[Part]
    say: Say
    policy: RestartPolicy = field(default_factory=RestartPolicy)
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        now = self.clock()
        for part in self.parts:
            part.started_at = now

    def check(self) -> None:
        """One look at every part: schedule a restart for a part found dead, and start those that are due."""
        now = self.clock()
        for part in self.parts:
            if part.due_at is None:
                if part.alive():
                    continue
                if now - part.started_at >= self.policy.stable_after:
                    part.crashes = 0
                part.crashes += 1
                delay = self.policy.delay(part.crashes)
                part.due_at = now + delay
                self.say(f"[supervisor] {part.name} stopped unexpectedly{part.describe_exit()}; "
                         f"restart {part.crashes} in {delay:.0f} s")
            elif now >= part.due_at:
                self._restart(part)

    def _restart(self, part: Part) -> None:
        try:
            part.restart()
        except Exception as error:  # noqa: BLE001 - a failed start is logged and tried again later
            part.crashes += 1
            delay = self.policy.delay(part.crashes)
            part.due_at = self.clock() + delay
            self.say(f"[supervisor] {part.name} did not start again ({str(error).splitlines()[0][:500]}); "
                     f"next try in {delay:.0f} s")
            return
        part.due_at = None
        part.started_at = self.clock()
        self.say(f"[supervisor] {part.name} is running again")

    def watch(self, stopping: threading.Event, interval: float = 1.0) -> None:
        """Check every ``interval`` seconds until ``stopping`` is set."""
        while not stopping.wait(interval):
            self.check()
