"""The local runner starts a part that died again, with backoff, and says so (devstack/supervisor.py)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from devstack.processes import ManagedProcess
from devstack.supervisor import Part, RestartPolicy, Supervisor


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _supervisor(part: Part, lines: list[str], clock: Clock) -> Supervisor:
    return Supervisor([part], say=lines.append, policy=RestartPolicy(1.0, 8.0, 300.0), clock=clock)


def test_a_dead_part_is_started_again_after_the_delay_and_it_is_logged() -> None:
    clock, lines, state = Clock(), [], {"alive": True, "starts": 0}

    def restart() -> None:
        state["starts"] += 1
        state["alive"] = True

    supervisor = _supervisor(Part("gateway", lambda: state["alive"], restart, lambda: " (exit code -9)"), lines, clock)
    supervisor.check()
    assert state["starts"] == 0 and lines == []
    state["alive"] = False
    supervisor.check()
    assert lines == ["[supervisor] gateway stopped unexpectedly (exit code -9); restart 1 in 1 s"]
    clock.now += 0.5
    supervisor.check()
    assert state["starts"] == 0  # not before its delay
    clock.now += 0.5
    supervisor.check()
    assert state["starts"] == 1 and lines[-1] == "[supervisor] gateway is running again"


def test_a_part_that_keeps_dying_waits_longer_and_a_stable_one_starts_over() -> None:
    clock, lines, state = Clock(), [], {"alive": False}
    supervisor = _supervisor(Part("n8n", lambda: state["alive"], lambda: None), lines, clock)
    delays = []
    for _ in range(5):
        supervisor.check()  # found dead: scheduled
        delays.append(supervisor.parts[0].due_at - clock.now)
        clock.now = supervisor.parts[0].due_at
        supervisor.check()  # restarted (and dies again at once: alive stays False)
    assert delays == [1.0, 2.0, 4.0, 8.0, 8.0]  # doubling, capped at max_delay
    clock.now += 301  # up for longer than stable_after
    supervisor.check()
    assert supervisor.parts[0].due_at - clock.now == 1.0


def test_a_restart_that_fails_is_tried_again_later() -> None:
    clock, lines, attempts = Clock(), [], []

    def restart() -> None:
        attempts.append(clock.now)
        if len(attempts) == 1:
            raise RuntimeError("n8n: /healthz/readiness not reached in 120 s. Log run/logs/n8n.log:\n…")

    supervisor = _supervisor(Part("n8n", lambda: len(attempts) >= 2, restart), lines, clock)
    supervisor.check()
    clock.now += 1
    supervisor.check()
    assert "did not start again (n8n: /healthz/readiness not reached in 120 s. Log run/logs/n8n.log:)" in lines[-1]
    assert lines[-1].endswith("next try in 2 s")
    clock.now += 2
    supervisor.check()
    assert len(attempts) == 2 and lines[-1] == "[supervisor] n8n is running again"


def test_real_processes_killed_are_running_again(tmp_path: Path) -> None:
    def process() -> ManagedProcess:
        return ManagedProcess("sleeper", [sys.executable, "-c", "import time; time.sleep(60)"], {},
                              tmp_path / "sleeper.log")

    current = {"process": process()}
    current["process"].start()

    def restart() -> None:
        current["process"] = process()
        current["process"].start()

    lines: list[str] = []
    supervisor = Supervisor([Part("sleeper", lambda: current["process"].alive(), restart)], say=lines.append,
                            policy=RestartPolicy(0.2, 1.0, 300.0))
    stopping = threading.Event()
    watcher = threading.Thread(target=supervisor.watch, args=(stopping, 0.05))
    watcher.start()
    try:
        first = current["process"].pid
        current["process"].kill()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not (current["process"].alive() and current["process"].pid != first):
            time.sleep(0.05)
        assert current["process"].alive() and current["process"].pid != first
        assert any("sleeper is running again" in line for line in lines)
    finally:
        stopping.set()
        watcher.join(5)
        current["process"].stop()
