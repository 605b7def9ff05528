"""Several llm-server replicas behind one loopback URL, for the local runner (``REMEDIOS_LLM_REPLICAS=2``).

The model sets the capacity (one answer at a time per gpt4all process), so a second process on the same machine
answers a second plumber at the same time. The replicas listen on free loopback ports; the least-connections
balancer (devstack/llm_balancer.py) listens on ``LLM_PORT``, where n8n already looks, so nothing else changes.
Each replica gets ``LLM_N_THREADS // replicas`` threads (at least 1); with ``REMEDIOS_LLM_PIN=1`` replica *i* is
pinned to core *i* (``taskset``), which measured better than two replicas sharing both cores
(bench/throughput/RESULTS.md).

To the runner the group looks like one service process: ``start``, ``wait_until``, ``alive``, ``stop``.
It is alive while the balancer and every replica are; the supervisor restarts the whole group otherwise (the
balancer already skips a dead replica meanwhile).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .processes import ManagedProcess, StartupError, free_port, http_ok


def replica_threads(total_threads: int, replicas: int) -> int:
    return max(1, total_threads // replicas)


def pinned(argv: list[str], core: int) -> list[str]:
    taskset = shutil.which("taskset")
    if taskset is None:
        raise StartupError("REMEDIOS_LLM_PIN=1 needs taskset (Debian's util-linux)")
    return [taskset, "-c", str(core % (os.cpu_count() or 1)), *argv]


@dataclass
class LlmReplicas:
    """``replicas`` llm-server processes and the balancer in front of them."""

    python: str
    env: Mapping[str, str]  # the single server's environment; LLM_PORT is the balancer's
    log_dir: Path
    cwd: Path
    replicas: int = 2
    threads: int = 2
    pin: bool = False
    name: str = "llm-server"
    members: list[ManagedProcess] = field(default_factory=list)
    balancer: ManagedProcess | None = None
    ports: list[int] = field(default_factory=list)

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        """The first process that died (for the runner's exit report), else the balancer's."""
        for member in [*self.members, *([self.balancer] if self.balancer else [])]:
            if not member.alive():
                return member.process
        return self.balancer.process if self.balancer else None

    @property
    def log_path(self) -> Path:
        for member in [*self.members, *([self.balancer] if self.balancer else [])]:
            if not member.alive():
                return member.log_path
        return self.log_dir / "llm-balancer.log"

    def log_tail(self, lines: int = 40) -> str:
        for member in [*self.members, *([self.balancer] if self.balancer else [])]:
            if not member.alive():
                return member.log_tail(lines)
        return self.balancer.log_tail(lines) if self.balancer else "(no log)"

    def start(self) -> None:
        listen_port = self.env["LLM_PORT"]
        self.ports = [free_port() for _ in range(self.replicas)]
        threads = replica_threads(self.threads, self.replicas)
        for index, port in enumerate(self.ports):
            argv = [self.python, "-m", "llm_server"]
            env = {**self.env, "LLM_PORT": str(port), "LLM_N_THREADS": str(threads)}
            member = ManagedProcess(f"llm-server-{index + 1}", pinned(argv, index) if self.pin else argv, env,
                                    self.log_dir / f"llm-server-{index + 1}.log", cwd=self.cwd)
            member.start()
            self.members.append(member)
        argv = [self.python, "-m", "devstack.llm_balancer", "--listen", f"127.0.0.1:{listen_port}",
                *[arg for port in self.ports for arg in ("--replica", f"http://127.0.0.1:{port}")]]
        self.balancer = ManagedProcess("llm-balancer", argv, dict(self.env), self.log_dir / "llm-balancer.log",
                                       cwd=self.cwd)
        self.balancer.start()

    def alive(self) -> bool:
        return self.balancer is not None and self.balancer.alive() and all(m.alive() for m in self.members)

    def wait_until(self, ready: Callable[[], bool], timeout: float, what: str) -> None:
        """Every replica loaded its model, then ``ready`` (asked through the balancer)."""
        for member, port in zip(self.members, self.ports):
            member.wait_until(lambda port=port: http_ok(f"http://127.0.0.1:{port}/healthz"), timeout, what)
        assert self.balancer is not None
        self.balancer.wait_until(ready, timeout, what)

    def stop(self, timeout: float = 20.0) -> None:
        if self.balancer is not None:
            self.balancer.stop(timeout)
        for member in self.members:
            member.stop(timeout)

    def kill(self) -> None:
        for member in [*([self.balancer] if self.balancer else []), *self.members]:
            member.kill()
