"""The prefix cache with the real default model: the chat workflow's prompts (bench/throughput/workload.py) answer
exactly as without the cache at temperature 0, and the system turn is evaluated once. Run with ``-m slow``."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest
from llm_server_process import start_llm_server
from test_llm_slow_real_model import provision_default_model

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench" / "throughput"))
from workload import chat_request  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    model = provision_default_model()
    started = [start_llm_server(model, tmp_path_factory.mktemp(name) / "server.log",
                                {"LLM_N_THREADS": "1", "LLM_PREFIX_CACHE": flag, "LLM_MODEL_ID": "real"},
                                timeout=180)
               for name, flag in (("cached", "1"), ("uncached", "0"))]
    yield started
    for server in started:
        server.stop()


def answer(server, index: int) -> str:
    body = {**chat_request(index, "real", max_tokens=32), "stream": False, "temperature": 0}
    body.pop("stream_options")
    response = httpx.post(server.v1 + "/chat/completions", json=body, timeout=900)
    assert response.status_code == 200, response.text
    return response.json()["choices"][0]["message"]["content"]


def test_the_chat_prompts_answer_the_same_with_and_without_the_prefix_cache(servers):
    cached, uncached = servers
    with_cache = [answer(cached, i) for i in range(3)]
    without = [answer(uncached, i) for i in range(3)]
    assert with_cache == without
    assert all(len(text.split()) > 5 for text in with_cache)
    assert cached.health()["prefix_cache_hits"] == 2  # three questions, one system turn evaluated
