"""Child processes with their logs in files, readiness polling and clean shutdown."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Sequence

import httpx

from .private import open_private_log


class StartupError(RuntimeError):
    """A service did not become ready; the message says which and where its log is."""


@dataclass
class ManagedProcess:
    """One service process started by the runner."""

    name: str
    argv: Sequence[str]
    env: Mapping[str, str]
    log_path: Path
    cwd: Path | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    def start(self) -> None:
        log = open_private_log(self.log_path)  # logs name conversations and messages: 0600, folder 0700
        # A new session so that Ctrl-C in the terminal reaches only the runner, which stops
        # the services in order instead of all at once.
        self.process = subprocess.Popen(
            list(self.argv), env=dict(self.env), cwd=self.cwd, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        log.close()

    @property
    def pid(self) -> int:
        assert self.process is not None, f"{self.name} was not started"
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"

    def wait_until(self, ready: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise StartupError(
                    f"{self.name} exited with code {self.process.returncode if self.process else '?'} "
                    f"while waiting for {what}. Log {self.log_path}:\n{self.log_tail()}"
                )
            try:
                if ready():
                    return
            except (httpx.HTTPError, OSError):
                pass
            time.sleep(0.25)
        raise StartupError(f"{self.name}: {what} not reached in {timeout:.0f} s. Log {self.log_path}:\n{self.log_tail()}")

    def stop(self, timeout: float = 20.0) -> None:
        """SIGTERM the whole process group, then SIGKILL what is left after ``timeout``."""
        if self.process is None or self.process.poll() is not None:
            return
        self._signal_group(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self._signal_group(signal.SIGKILL)
            self.process.wait(5)

    def kill(self) -> None:
        """SIGKILL, as a crash would: used by fault tests."""
        if self.process is not None and self.process.poll() is None:
            self._signal_group(signal.SIGKILL)
            self.process.wait(5)

    def _signal_group(self, sig: signal.Signals) -> None:
        try:
            os.killpg(self.pid, sig)
        except ProcessLookupError:
            pass


def http_ok(url: str, timeout: float = 2.0) -> bool:
    """True when ``url`` answers 200."""
    return httpx.get(url, timeout=timeout).status_code == 200


# Ports for private stacks come from below Linux's ephemeral range (32768-60999, where the kernel picks the local
# port of every outgoing connection and of every bind to port 0). A port taken there with bind(0) and handed to a
# process that listens a minute later can meanwhile become a client connection's local port or another tool's
# bind(0): CI once lost the n8n of the stubbed stack that way ("n8n's port … is already in use", 45 tests in error
# while benches ran beside it). Random ports in this range are never handed out by the kernel, and the ports this
# process has handed out are not handed out again.
PRIVATE_PORTS = range(20000, 32768)
_handed_out: set[int] = set()


def free_port() -> int:
    """A loopback TCP port nothing listens on now, below the ephemeral range, not handed out before by this
    process."""
    import random
    import socket

    for _ in range(200):
        port = random.choice(PRIVATE_PORTS)
        if port in _handed_out:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    raise RuntimeError(f"no free loopback port in {PRIVATE_PORTS.start}-{PRIVATE_PORTS.stop - 1}")
