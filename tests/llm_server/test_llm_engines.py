"""The engine settings: LLM_PREFIX_CACHE (gpt4all keeps the system turn's KV cache between stateless requests) and
LLM_ENGINE=llamacpp (llama.cpp's server as a child process, several generations at once), through real server
processes with the tiny generated GGUF."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from llm_server.backend import fixed_prefix
from llm_server.chat_template import ChatMessage, render_chatml
from llm_server.llamacpp import find_llama_server, server_command
from llm_server.settings import Settings, SettingsError
from llm_server_process import TINY_MODEL_ID, free_port

pytestmark = pytest.mark.timeout(180)

SYSTEM = "Eres Remedios, asistente técnico de fontanería. Responde en español con pasos numerados."


def chat(server, question: str, **extra) -> httpx.Response:
    body = {"model": TINY_MODEL_ID, "temperature": 0, "max_tokens": 24,
            "messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}], **extra}
    return httpx.post(server.v1 + "/chat/completions", json=body, timeout=120)


def content(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text
    return response.json()["choices"][0]["message"]["content"]


# ------------------------------------------------------------------------------------------------ settings
def test_engine_settings_are_read_and_checked():
    settings = Settings.from_env({"LLM_ENGINE": "LlamaCpp", "LLM_PARALLEL": "3", "LLM_PREFIX_CACHE": "off"})
    assert (settings.engine, settings.parallel, settings.prefix_cache) == ("llamacpp", 3, False)
    defaults = Settings.from_env({})
    assert (defaults.engine, defaults.prefix_cache) == ("gpt4all", True)
    with pytest.raises(SettingsError, match="LLM_ENGINE must be one of gpt4all, llamacpp"):
        Settings.from_env({"LLM_ENGINE": "vllm"})
    with pytest.raises(SettingsError, match="LLM_PREFIX_CACHE"):
        Settings.from_env({"LLM_PREFIX_CACHE": "maybe"})
    with pytest.raises(SettingsError, match="LLM_PARALLEL"):
        Settings.from_env({"LLM_PARALLEL": "0"})


def test_the_fixed_prefix_is_the_system_turn():
    prompt = render_chatml([ChatMessage("system", SYSTEM), ChatMessage("user", "hola")])
    prefix = fixed_prefix(prompt)
    assert prefix == f"<|im_start|>system\n{SYSTEM}<|im_end|>\n"
    assert prompt[len(prefix):].startswith("<|im_start|>user\n")
    assert fixed_prefix("texto libre sin plantilla") is None
    assert fixed_prefix("<|im_start|>system\nsolo el sistema, sin cerrar") is None


def test_llamacpp_command_gives_every_slot_the_context_window(tmp_path):
    settings = Settings(model_path=tmp_path / "m.gguf", n_ctx=1024, parallel=4, n_threads=1)
    command = server_command(settings, tmp_path / "llama-server", 5555)
    assert command[command.index("--parallel") + 1] == "4"
    assert command[command.index("--ctx-size") + 1] == "4096"
    assert command[command.index("--threads") + 1] == "1"
    assert command[command.index("--host") + 1] == "127.0.0.1"


def test_llamacpp_without_its_binary_fails_clearly(server_factory, tmp_path):
    with pytest.raises(RuntimeError) as failure:
        server_factory({"LLM_ENGINE": "llamacpp", "LLM_LLAMACPP_SERVER": str(tmp_path / "missing")})
    assert "exited with 1" in str(failure.value)
    assert "LLM_LLAMACPP_SERVER names no file" in str(failure.value)


# ------------------------------------------------------------------------------------------------ prefix cache
@pytest.fixture(scope="module")
def cached(server_factory):
    return server_factory({"LLM_PREFIX_CACHE": "1"})


@pytest.fixture(scope="module")
def uncached(server_factory):
    return server_factory({"LLM_PREFIX_CACHE": "0"})


def test_prefix_cache_gives_the_same_answers(cached, uncached):
    """A cache hit evaluates only the user turn after the kept system turn, and answers exactly as the server
    without the cache (temperature 0). gpt4all appends "\\n\\n" to its context after every prompt: a cached
    prefix that kept them would show the model two extra newlines and change the answer."""
    hits_before = cached.health()["prefix_cache_hits"]
    questions = ["el grifo gotea", "la cisterna no para", "el grifo gotea"]
    answers = [content(chat(cached, q)) for q in questions]
    assert answers == [content(chat(uncached, q)) for q in questions]
    assert cached.health()["prefix_cache_hits"] >= hits_before + 2  # the system turn was evaluated once
    assert uncached.health()["prefix_cache"] is False and uncached.health()["prefix_cache_hits"] == 0
    usage_cached = chat(cached, "hola").json()["usage"]
    usage_uncached = chat(uncached, "hola").json()["usage"]
    assert usage_cached["prompt_tokens"] == usage_uncached["prompt_tokens"]  # reused tokens still count


def test_prefix_cache_survives_other_prompts_and_failures(cached):
    reference = content(chat(cached, "el termo gotea"))
    too_long = httpx.post(cached.v1 + "/completions", timeout=60,
                          json={"model": TINY_MODEL_ID, "prompt": "tubo de cobre " * 400, "max_tokens": 4})
    assert too_long.status_code == 400  # gpt4all empties its token cache on this
    assert content(chat(cached, "el termo gotea")) == reference
    other_system = {"model": TINY_MODEL_ID, "temperature": 0, "max_tokens": 8,
                    "messages": [{"role": "system", "content": "Otro sistema."}, {"role": "user", "content": "x"}]}
    assert httpx.post(cached.v1 + "/chat/completions", json=other_system, timeout=60).status_code == 200
    assert content(chat(cached, "el termo gotea")) == reference  # the other system turn replaced the cache
    raw = httpx.post(cached.v1 + "/completions", timeout=60,
                     json={"model": TINY_MODEL_ID, "prompt": "texto libre", "max_tokens": 8, "temperature": 0})
    assert raw.status_code == 200
    assert content(chat(cached, "el termo gotea")) == reference  # a raw prompt overwrote it
    long_answer = chat(cached, "el termo gotea", max_tokens=1900)  # fills the window: gpt4all shifts the context
    assert long_answer.status_code == 200
    assert content(chat(cached, "el termo gotea")) == reference


# ------------------------------------------------------------------------------------------------ llama.cpp
def _llama_server_or_skip() -> None:
    try:
        find_llama_server(None)
    except FileNotFoundError as exc:
        pytest.skip(f"llama.cpp's server is not installed (requirements/llamacpp.txt): {exc}")


@pytest.fixture(scope="module")
def llamacpp(server_factory):
    _llama_server_or_skip()
    return server_factory({"LLM_ENGINE": "llamacpp", "LLM_PARALLEL": "4"})


def test_llamacpp_engine_answers_through_the_same_api(llamacpp):
    health = llamacpp.health()
    assert (health["engine"], health["parallel"], health["state"]) == ("llamacpp", 4, "ready")
    response = chat(llamacpp, "el grifo gotea")
    body = response.json()
    assert body["object"] == "chat.completion" and body["model"] == TINY_MODEL_ID
    assert body["choices"][0]["finish_reason"] in {"stop", "length"}
    assert body["usage"]["completion_tokens"] > 0 and body["usage"]["prompt_tokens"] > 10
    with httpx.stream("POST", llamacpp.v1 + "/chat/completions", timeout=60,
                      json={"model": TINY_MODEL_ID, "stream": True, "max_tokens": 16, "temperature": 0,
                            "messages": [{"role": "user", "content": "hola"}]}) as stream:
        events = [line[6:] for line in stream.iter_lines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    assert chunks[-1]["choices"][0]["finish_reason"] in {"stop", "length"}


def test_llamacpp_engine_errors_match_the_gpt4all_engine(llamacpp):
    too_long = httpx.post(llamacpp.v1 + "/chat/completions", timeout=60,
                          json={"model": TINY_MODEL_ID, "max_tokens": 4,
                                "messages": [{"role": "user", "content": "tubo de cobre " * 400}]})
    assert too_long.status_code == 400
    assert too_long.json()["error"]["code"] == "context_length_exceeded"
    assert chat(llamacpp, "hola").status_code == 200  # and it still answers


def test_llamacpp_engine_runs_generations_at_the_same_time(llamacpp):
    body = {"model": TINY_MODEL_ID, "stream": True, "max_tokens": 1500, "temperature": 1.0,
            "messages": [{"role": "user", "content": "hola"}]}
    started = threading.Barrier(5)
    finished: list[str] = []

    def one() -> None:
        with httpx.stream("POST", llamacpp.v1 + "/chat/completions", json=body, timeout=120) as stream:
            lines = stream.iter_lines()
            next(lines)
            next(lines)
            started.wait(60)  # all four are generating …
            started.wait(60)  # … until the test has looked
            finished.extend(line for line in lines if line == "data: [DONE]")

    threads = [threading.Thread(target=one) for _ in range(4)]
    for thread in threads:
        thread.start()
    started.wait(60)
    health = llamacpp.health()
    started.wait(60)
    for thread in threads:
        thread.join(120)
    assert health["running"] == 4 and health["waiting"] == 0  # four generations in flight at once, none queued
    assert len(finished) == 4


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def test_a_dead_llama_server_makes_the_model_unavailable_and_the_server_ends_its_child(server_factory):
    _llama_server_or_skip()
    server = server_factory({"LLM_ENGINE": "llamacpp", "LLM_PARALLEL": "2"})
    (child,) = _children(server.process.pid)
    os.kill(child, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and Path(f"/proc/{child}/status").exists() and \
            "zombie" not in Path(f"/proc/{child}/status").read_text():
        time.sleep(0.05)
    health = httpx.get(server.base_url + "/healthz", timeout=5)
    assert health.status_code == 503
    assert "llama-server exited with -9" in health.json()["error"]
    response = chat(server, "hola")
    assert response.status_code == 503 and response.json()["error"]["code"] == "model_unavailable"


def test_stopping_the_server_stops_llama_server(server_factory):
    _llama_server_or_skip()
    server = server_factory({"LLM_ENGINE": "llamacpp", "LLM_PARALLEL": "2"})
    (child,) = _children(server.process.pid)
    assert server.stop() == 0
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and Path(f"/proc/{child}").exists():
        time.sleep(0.05)
    assert not Path(f"/proc/{child}").exists()


def test_llamacpp_requests_sent_while_the_model_loads_wait_for_it(tiny_model, tmp_path):
    _llama_server_or_skip()
    slow_start = tmp_path / "slow-llama-server"  # llama-server, a second late: the tiny model loads too fast
    slow_start.write_text(f"#!/bin/sh\nsleep 1\nexec {find_llama_server(None)} \"$@\"\n")
    slow_start.chmod(0o755)

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LLM_")}
    env.update({"LLM_ENGINE": "llamacpp", "LLM_MODEL": str(tiny_model), "LLM_MODEL_ID": TINY_MODEL_ID,
                "LLM_PORT": str(port), "LLM_N_THREADS": "1", "LLM_LLAMACPP_SERVER": str(slow_start)})
    env["PYTHONPATH"] = f"{Path(__file__).resolve().parents[2] / 'llm-server'}{os.pathsep}{env.get('PYTHONPATH', '')}"
    process = subprocess.Popen([sys.executable, "-m", "llm_server"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        statuses = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the HTTP side is up before llama-server has loaded the model
            try:
                statuses.append(httpx.get(url + "/healthz", timeout=2).status_code)
                break
            except httpx.TransportError:
                time.sleep(0.01)
        response = httpx.post(url + "/v1/chat/completions", timeout=60, json={
            "model": TINY_MODEL_ID, "max_tokens": 4, "messages": [{"role": "user", "content": "hola"}]})
        assert response.status_code == 200, response.text
        assert statuses == [503]  # it was still loading when the request went in
    finally:
        process.terminate()
        process.wait(10)
