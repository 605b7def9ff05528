"""The app and engine in-process with a scripted fake backend: model loading, load failure,
JSON mode retries. (Everything else is tested against a real server process.)"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from llm_server.app import create_app
from llm_server.backend import BackendResult, SamplingParams
from llm_server.engine import Engine
from llm_server.settings import Settings

pytestmark = pytest.mark.timeout(30)

MODEL = "fake"


class FakeBackend:
    """Replies with scripted texts (one per call), a character per token."""

    def __init__(
        self,
        replies: list[str] | Callable[[str], str],
        *,
        load_gate: threading.Event | None = None,
        load_error: Exception | None = None,
    ) -> None:
        self.replies = replies
        self.load_gate = load_gate
        self.load_error = load_error
        self.prompts: list[str] = []

    def load(self) -> None:
        if self.load_gate is not None:
            assert self.load_gate.wait(10)
        if self.load_error is not None:
            raise self.load_error

    def describe(self) -> dict[str, object]:
        return {"n_ctx": 4096, "n_threads": 1, "n_batch": 8}

    def generate(self, prompt: str, params: SamplingParams, on_prompt_token, on_text) -> BackendResult:
        self.prompts.append(prompt)
        on_prompt_token()
        if callable(self.replies):
            reply = self.replies(prompt)
        else:
            reply = self.replies[min(len(self.prompts) - 1, len(self.replies) - 1)]
        produced = 0
        for char in reply[: params.max_tokens]:
            produced += 1
            if not on_text(char):
                break
        return BackendResult(len(prompt), produced, produced >= params.max_tokens)


def make_app(backend: FakeBackend, **overrides):
    settings = Settings(
        model_path=Path("/nonexistent/fake.gguf"), model_id=MODEL, json_max_attempts=3, **overrides
    )
    return create_app(settings, Engine(backend, max_queue=4))


@contextlib.asynccontextmanager
async def running_client(backend: FakeBackend):
    """A test client of an app whose startup (engine start) has run."""
    async with make_app(backend).test_app() as test_app:
        yield test_app.test_client()


def chat_body(**extra):
    return {
        "model": MODEL,
        "messages": [{"role": "user", "content": "¿Cuánto cuestan 2 tubos de 45?"}],
        **extra,
    }


PRICE_SCHEMA = {
    "type": "object",
    "properties": {"total": {"type": "number"}, "moneda": {"type": "string"}},
    "required": ["total", "moneda"],
}


async def test_healthz_is_503_while_loading_and_requests_wait():
    gate = threading.Event()
    app = make_app(FakeBackend(["hola"], load_gate=gate))
    async with app.test_app() as test_app:
        client = test_app.test_client()
        response = await client.get("/healthz")
        assert response.status_code == 503
        assert (await response.get_json())["status"] == "loading"
        pending = asyncio.ensure_future(client.post("/v1/chat/completions", json=chat_body(max_tokens=10)))
        await asyncio.sleep(0.05)
        assert not pending.done()  # queued behind the load, not refused
        gate.set()
        response = await pending
        assert response.status_code == 200
        assert (await response.get_json())["choices"][0]["message"]["content"] == "hola"
        assert (await client.get("/healthz")).status_code == 200


async def test_load_failure_makes_requests_fail_clearly():
    app = make_app(FakeBackend(["x"], load_error=RuntimeError("broken file")))
    async with app.test_app() as test_app:
        client = test_app.test_client()
        for _ in range(100):
            health = await client.get("/healthz")
            if (await health.get_json())["status"] == "failed":
                break
            await asyncio.sleep(0.01)
        assert health.status_code == 503
        assert "broken file" in (await health.get_json())["error"]
        response = await client.post("/v1/chat/completions", json=chat_body())
        assert response.status_code == 503
        assert (await response.get_json())["error"]["code"] == "model_unavailable"


async def test_json_schema_retries_until_valid():
    backend = FakeBackend(
        [
            "El total es (45 * 2) euros",  # no JSON at all
            # an expression: invalid JSON, and never evaluated
            '```json\n{"total": (45 * 2), "moneda": "EUR"}\n```',
            'Claro: {"total": 90, "moneda": "EUR"}',
        ]
    )
    fmt = {"type": "json_schema", "json_schema": {"name": "precio", "schema": PRICE_SCHEMA}}
    async with running_client(backend) as client:
        response = await client.post(
            "/v1/chat/completions", json=chat_body(response_format=fmt, max_tokens=200)
        )
        body = await response.get_json()
    assert response.status_code == 200
    assert json.loads(body["choices"][0]["message"]["content"]) == {"total": 90, "moneda": "EUR"}
    assert len(backend.prompts) == 3
    # the schema is in the instruction, and each retry tells the model what was wrong
    assert '"required": ["total", "moneda"]' in backend.prompts[0]
    assert "not usable" in backend.prompts[1] and "no parseable JSON" in backend.prompts[1]
    assert body["usage"]["completion_tokens"] == sum(len(r) for r in backend.replies)


async def test_json_never_valid_is_a_clear_422_after_bounded_attempts():
    backend = FakeBackend(['{"total": "mucho"}'])
    fmt = {"type": "json_schema", "json_schema": {"name": "precio", "schema": PRICE_SCHEMA}}
    async with running_client(backend) as client:
        response = await client.post("/v1/chat/completions", json=chat_body(response_format=fmt))
        error = (await response.get_json())["error"]
    assert response.status_code == 422
    assert error["code"] == "json_validation_failed"
    assert "3 attempt(s)" in error["message"] and "moneda" in error["message"]
    assert len(backend.prompts) == 3


async def test_json_object_streaming_sends_the_validated_json():
    backend = FakeBackend(['Aquí tienes {"ok": true, "pasos": 3}'])
    async with running_client(backend) as client:
        response = await client.post(
            "/v1/chat/completions", json=chat_body(response_format={"type": "json_object"}, stream=True)
        )
        raw = (await response.get_data()).decode()
    assert response.status_code == 200
    chunks = [json.loads(line[6:]) for line in raw.splitlines() if line.startswith("data: {")]
    content = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks)
    assert json.loads(content) == {"ok": True, "pasos": 3}
    assert raw.rstrip().endswith("data: [DONE]")


async def test_stop_and_special_tokens_never_reach_the_client():
    backend = FakeBackend(["Cierre la llave.<|im_end|>\n<|im_start|>user\nmás"])
    async with running_client(backend) as client:
        body = await (await client.post("/v1/chat/completions", json=chat_body())).get_json()
    assert body["choices"][0]["message"]["content"] == "Cierre la llave."
    assert body["choices"][0]["finish_reason"] == "stop"
