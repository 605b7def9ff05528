"""API key, queue limit and start-up failures, each against a real llm-server process."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import httpx
import openai
import pytest
from llm_server_process import LLM_SERVER_DIR, TINY_MODEL_ID, free_port

pytestmark = pytest.mark.timeout(60)

BODY = {"model": TINY_MODEL_ID, "messages": [{"role": "user", "content": "hola"}], "max_tokens": 2}


@pytest.fixture(scope="module")
def locked_server(server_factory):
    return server_factory({"LLM_API_KEY": "s3cret-key", "LLM_MAX_QUEUE": "1"})


def test_api_key_is_off_by_default(server):
    assert httpx.post(server.v1 + "/chat/completions", json=BODY).status_code == 200


def test_api_key_required_when_set(locked_server):
    url = locked_server.v1 + "/chat/completions"
    error = httpx.post(url, json=BODY).json()["error"]
    assert error["code"] == "missing_api_key"
    response = httpx.post(url, json=BODY, headers={"Authorization": "Bearer wrong"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_api_key"
    assert httpx.post(url, json=BODY, headers={"Authorization": "Basic s3cret-key"}).status_code == 401
    assert httpx.get(locked_server.v1 + "/models").status_code == 401
    assert httpx.post(url, json=BODY, headers={"Authorization": "Bearer s3cret-key"}).status_code == 200
    # health stays open for supervisors
    assert httpx.get(locked_server.base_url + "/healthz").status_code == 200


def test_api_key_with_openai_sdk(locked_server):
    good = openai.OpenAI(base_url=locked_server.v1, api_key="s3cret-key", max_retries=0)
    assert good.chat.completions.create(**BODY).choices[0].message.content is not None
    bad = openai.OpenAI(base_url=locked_server.v1, api_key="nope", max_retries=0)
    with pytest.raises(openai.AuthenticationError):
        bad.chat.completions.create(**BODY)


def test_full_queue_answers_503_with_retry_after(locked_server):
    headers = {"Authorization": "Bearer s3cret-key"}
    long_body = {**BODY, "max_tokens": 1900, "n": 4, "stream": True}  # seconds of work
    statuses: list[int] = []

    def waiting_request() -> None:
        statuses.append(
            httpx.post(
                locked_server.v1 + "/chat/completions", json=BODY, headers=headers, timeout=30
            ).status_code
        )

    with httpx.stream(
        "POST", locked_server.v1 + "/chat/completions", json=long_body, headers=headers, timeout=30
    ) as running:
        assert running.status_code == 200
        lines = running.iter_lines()
        next(lines)  # the model is busy with this one
        waiter = threading.Thread(target=waiting_request)
        waiter.start()
        deadline = time.monotonic() + 5
        while locked_server.health()["waiting"] < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert locked_server.health()["waiting"] == 1
        rejected = httpx.post(locked_server.v1 + "/chat/completions", json=BODY, headers=headers)
        assert rejected.status_code == 503
        assert rejected.headers["retry-after"] == "1"
        assert rejected.json()["error"]["code"] == "queue_full"
    waiter.join(30)
    assert statuses == [200]  # the queued request is served once the stream was dropped


def run_server_expecting_exit(env: dict[str, str], timeout: float = 30) -> subprocess.CompletedProcess[str]:
    full_env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(LLM_SERVER_DIR),
        "LLM_PORT": str(free_port()),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "llm_server"],
        cwd=LLM_SERVER_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_missing_model_file_exits_with_a_clear_message(tmp_path):
    result = run_server_expecting_exit({"LLM_MODEL": str(tmp_path / "nope.gguf")})
    assert result.returncode == 2
    assert "model_file_not_found" in result.stderr and "llm_server.provision" in result.stderr


def test_corrupt_model_file_exits_non_zero(tmp_path):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + bytes(range(256)) * 100)
    result = run_server_expecting_exit({"LLM_MODEL": str(bad)})
    assert result.returncode == 1
    assert "model_load_failed" in result.stderr


def test_bad_setting_exits_with_usage_error(tiny_model):
    result = run_server_expecting_exit({"LLM_MODEL": str(tiny_model), "LLM_N_CTX": "lots"})
    assert result.returncode == 2
    assert "LLM_N_CTX must be an integer" in result.stderr


def test_sigterm_during_a_stream_shuts_down_cleanly(server_factory):
    server = server_factory()
    body = {**BODY, "max_tokens": 1900, "stream": True}
    with httpx.stream("POST", server.v1 + "/chat/completions", json=body, timeout=30) as response:
        lines = response.iter_lines()
        next(lines)
        started = time.monotonic()
        server.process.terminate()
        try:
            for _ in lines:
                pass
        except httpx.HTTPError:
            pass  # the stream may be cut: what matters is that the process ends, and ends well
    assert server.process.wait(15) == 0
    assert time.monotonic() - started < 10
