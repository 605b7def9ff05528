"""Start a real ``python -m llm_server`` process for tests (used by conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from devstack.processes import free_port

REPO = Path(__file__).resolve().parents[2]
TINY_MODEL_ID = "tiny-test-model"  # LLM_MODEL_ID of the test servers
LLM_SERVER_DIR = REPO / "llm-server"


@dataclass
class ServerProcess:
    base_url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    health_statuses: list[int] = field(default_factory=list)  # /healthz answers seen while starting

    @property
    def v1(self) -> str:
        return self.base_url + "/v1"

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def health(self) -> dict:
        return httpx.get(self.base_url + "/healthz", timeout=5).json()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        return self.process.returncode


def start_llm_server(
    model: Path, log_path: Path, env: dict[str, str] | None = None, timeout: float = 60
) -> ServerProcess:
    """Start the server on a free loopback port and wait until /healthz answers 200."""
    port = free_port()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("LLM_")}
    full_env.update(
        {
            "LLM_HOST": "127.0.0.1",
            "LLM_PORT": str(port),
            "LLM_MODEL": str(model),
            "LLM_N_THREADS": "1",  # robust when other work shares the 2 cores
            "PYTHONPATH": str(LLM_SERVER_DIR) + os.pathsep + full_env.get("PYTHONPATH", ""),
        }
    )
    full_env.update(env or {})
    log_file = open(log_path, "wb")  # noqa: SIM115 - owned by the process for its lifetime
    process = subprocess.Popen(
        [sys.executable, "-m", "llm_server"],
        cwd=LLM_SERVER_DIR,
        env=full_env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    log_file.close()
    server = ServerProcess(f"http://127.0.0.1:{port}", process, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"llm-server exited with {process.returncode}:\n{server.log_text()[-3000:]}")
        try:
            status = httpx.get(server.base_url + "/healthz", timeout=2).status_code
            server.health_statuses.append(status)
            if status == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.02)
    server.stop()
    raise RuntimeError(f"llm-server did not become healthy in {timeout}s:\n{server.log_text()[-3000:]}")
