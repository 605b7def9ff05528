"""Fixtures: a tiny generated GGUF and real llm-server processes serving it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from llm_server_process import TINY_MODEL_ID, ServerProcess, start_llm_server

from tests.support.tiny_gguf import make_tiny_gguf


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tiny_gguf(tmp_path_factory.mktemp("models") / "tiny.gguf")


@pytest.fixture(scope="session")
def server_factory(tmp_path_factory: pytest.TempPathFactory, tiny_model: Path) -> Iterator:
    started: list[ServerProcess] = []

    def start(env: dict[str, str] | None = None, model: Path | None = None) -> ServerProcess:
        log_path = tmp_path_factory.mktemp("llm-server-log") / "server.log"
        server = start_llm_server(
            model or tiny_model, log_path, {"LLM_MODEL_ID": TINY_MODEL_ID, **(env or {})}
        )
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def server(server_factory) -> ServerProcess:
    """The default server: tiny model, n_ctx 2048, no API key."""
    return server_factory()
