"""The HTTP API of a real llm-server process serving the tiny model."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from llm_server_process import TINY_MODEL_ID

pytestmark = pytest.mark.timeout(60)

USER = [{"role": "user", "content": "¿Cómo cambio el empaque de una llave?"}]


def chat(server, **body) -> httpx.Response:
    payload = {"model": TINY_MODEL_ID, "messages": USER, "max_tokens": 16, **body}
    return httpx.post(server.v1 + "/chat/completions", json=payload, timeout=30)


def sse_events(response: httpx.Response) -> list:
    events = []
    for line in response.iter_lines():
        if not line:
            continue
        assert line.startswith("data: "), line
        data = line[len("data: ") :]
        events.append(data if data == "[DONE]" else json.loads(data))
    return events


def stream_chat(server, **body) -> list:
    payload = {"model": TINY_MODEL_ID, "messages": USER, "max_tokens": 16, "stream": True, **body}
    with httpx.stream("POST", server.v1 + "/chat/completions", json=payload, timeout=30) as response:
        assert response.status_code == 200, response.read()
        assert response.headers["content-type"].startswith("text/event-stream")
        return sse_events(response)


def assert_error(
    response: httpx.Response, status: int, code: str | None = None, param: str | None = None
) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code
    if param is not None:
        assert error["param"] == param
    return error


# -- health and models --------------------------------------------------------------------------


def test_healthz_reports_ready_model_and_queue(server):
    response = httpx.get(server.base_url + "/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["model"] == TINY_MODEL_ID
    assert body["queue_depth"] == 0
    assert body["n_ctx"] == 2048
    assert body["n_threads"] == 1  # LLM_N_THREADS from the fixture
    assert body["load_seconds"] < 5


def test_models_list_and_get(server):
    listing = httpx.get(server.v1 + "/models").json()
    assert listing["object"] == "list"
    assert [m["id"] for m in listing["data"]] == [TINY_MODEL_ID]
    model = listing["data"][0]
    assert model["object"] == "model" and isinstance(model["created"], int) and model["owned_by"]
    assert httpx.get(server.v1 + f"/models/{TINY_MODEL_ID}").json()["id"] == TINY_MODEL_ID
    # like GPT4All, the file name is accepted as well as the id
    assert httpx.get(server.v1 + "/models/tiny.gguf").json()["id"] == TINY_MODEL_ID
    assert_error(httpx.get(server.v1 + "/models/gpt-4o"), 404, code="model_not_found")


# -- chat completions ---------------------------------------------------------------------------


def test_chat_completion_shape_and_usage(server):
    response = chat(server, max_tokens=10, temperature=0)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["object"] == "chat.completion"
    assert body["id"].startswith("chatcmpl-")
    assert body["model"] == TINY_MODEL_ID
    (choice,) = body["choices"]
    assert choice["index"] == 0
    assert choice["message"]["role"] == "assistant"
    assert isinstance(choice["message"]["content"], str) and choice["message"]["content"]
    assert choice["finish_reason"] == "length"
    usage = body["usage"]
    assert usage["completion_tokens"] == 10
    assert usage["prompt_tokens"] > 20  # the ChatML-rendered conversation, byte tokens
    assert usage["total_tokens"] == usage["prompt_tokens"] + usage["completion_tokens"]


def test_default_max_tokens_is_not_16(server):
    body = httpx.post(
        server.v1 + "/chat/completions", json={"model": TINY_MODEL_ID, "messages": USER}, timeout=30
    ).json()
    assert body["usage"]["completion_tokens"] == 512  # LLM_DEFAULT_MAX_TOKENS default
    assert body["choices"][0]["finish_reason"] == "length"


def test_temperature_zero_is_deterministic_and_temperature_changes_output(server):
    first = chat(server, temperature=0, max_tokens=30).json()["choices"][0]["message"]["content"]
    second = chat(server, temperature=0, max_tokens=30).json()["choices"][0]["message"]["content"]
    assert first == second
    hot = {
        chat(server, temperature=2, top_p=1, max_tokens=30).json()["choices"][0]["message"]["content"]
        for _ in range(3)
    }
    assert hot != {first}


def test_chat_n_choices(server):
    body = chat(server, n=2, max_tokens=5).json()
    assert [c["index"] for c in body["choices"]] == [0, 1]
    assert body["usage"]["completion_tokens"] == 10


def test_stop_sequences_cut_the_answer(server):
    full = chat(server, temperature=0, max_tokens=40).json()["choices"][0]["message"]["content"]
    stop = full[12:15]
    expected = full[: full.find(stop)]
    body = chat(server, temperature=0, max_tokens=40, stop=stop).json()
    assert body["choices"][0]["message"]["content"] == expected
    assert body["choices"][0]["finish_reason"] == "stop"
    assert body["usage"]["completion_tokens"] < 40
    # a list of stops: the earliest one wins; streaming gives the same text
    events = stream_chat(server, temperature=0, max_tokens=40, stop=["\x00never", stop])
    streamed = "".join(e["choices"][0]["delta"].get("content") or "" for e in events[:-1])
    assert streamed == expected
    assert events[-2]["choices"][0]["finish_reason"] == "stop"


def test_streaming_chat_chunks(server):
    events = stream_chat(server, temperature=0, max_tokens=12)
    assert events[-1] == "[DONE]"
    chunks = events[:-1]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    assert len({c["id"] for c in chunks}) == 1
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert chunks[-1]["choices"][0]["finish_reason"] == "length"
    assert all(c["choices"][0]["finish_reason"] is None for c in chunks[:-1])
    text = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks)
    plain = chat(server, temperature=0, max_tokens=12).json()["choices"][0]["message"]["content"]
    assert text == plain
    assert len(chunks) >= 6  # streamed token by token, not in one piece


def test_streaming_usage_chunk_on_request(server):
    events = stream_chat(server, max_tokens=7, stream_options={"include_usage": True})
    usage_chunk = events[-2]
    assert usage_chunk["choices"] == []
    assert usage_chunk["usage"]["completion_tokens"] == 7
    assert usage_chunk["usage"]["prompt_tokens"] > 0


# -- legacy completions -------------------------------------------------------------------------


def test_completion_plain_echo_and_prompt_list(server):
    url = server.v1 + "/completions"
    body = httpx.post(
        url, json={"model": TINY_MODEL_ID, "prompt": "La tubería", "max_tokens": 8, "temperature": 0}
    ).json()
    assert body["object"] == "text_completion"
    (choice,) = body["choices"]
    assert choice["finish_reason"] == "length" and choice["logprobs"] is None
    usage = body["usage"]
    assert usage["completion_tokens"] == 8
    assert usage["prompt_tokens"] >= len("La tubería".encode())  # byte vocabulary: at least a token a byte
    assert usage["total_tokens"] == usage["prompt_tokens"] + 8
    echoed = httpx.post(
        url,
        json={
            "model": TINY_MODEL_ID,
            "prompt": "La tubería",
            "max_tokens": 8,
            "temperature": 0,
            "echo": True,
        },
    ).json()
    assert echoed["choices"][0]["text"] == "La tubería" + choice["text"]
    many = httpx.post(
        url, json={"model": TINY_MODEL_ID, "prompt": ["a", "b"], "n": 2, "max_tokens": 3}
    ).json()
    assert [c["index"] for c in many["choices"]] == [0, 1, 2, 3]
    assert many["usage"]["completion_tokens"] == 12
    single = httpx.post(url, json={"model": TINY_MODEL_ID, "prompt": "a", "max_tokens": 1}).json()
    assert many["usage"]["prompt_tokens"] == 2 * single["usage"]["prompt_tokens"]  # counted once per prompt


def test_completion_streaming(server):
    payload = {
        "model": TINY_MODEL_ID,
        "prompt": "Hola",
        "max_tokens": 6,
        "temperature": 0,
        "stream": True,
        "echo": True,
    }
    with httpx.stream("POST", server.v1 + "/completions", json=payload) as response:
        events = sse_events(response)
    assert events[-1] == "[DONE]"
    assert all(e["object"] == "text_completion" for e in events[:-1])
    text = "".join(e["choices"][0]["text"] for e in events[:-1])
    plain = httpx.post(server.v1 + "/completions", json={**payload, "stream": False}).json()
    assert text == plain["choices"][0]["text"] and text.startswith("Hola")
    assert events[-2]["choices"][0]["finish_reason"] == "length"


# -- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"messages": USER}, "model"),
        ({"model": TINY_MODEL_ID}, "messages"),
        ({"model": TINY_MODEL_ID, "messages": []}, "messages"),
        ({"model": TINY_MODEL_ID, "messages": "hola"}, "messages"),
        ({"model": TINY_MODEL_ID, "messages": ["hola"]}, "messages[0]"),
        ({"model": TINY_MODEL_ID, "messages": [{"role": "plumber", "content": "x"}]}, "messages[0].role"),
        ({"model": TINY_MODEL_ID, "messages": [{"role": "tool", "content": "x"}]}, "messages[0].role"),
        ({"model": TINY_MODEL_ID, "messages": [{"content": "x"}]}, "messages[0].role"),
        ({"model": TINY_MODEL_ID, "messages": [{"role": "user", "content": 5}]}, "messages[0].content"),
        ({"model": TINY_MODEL_ID, "messages": [{"role": "user"}]}, "messages[0].content"),
        (
            {
                "model": TINY_MODEL_ID,
                "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}],
            },
            "messages[0].content",
        ),
        ({"model": TINY_MODEL_ID, "messages": USER, "max_tokens": -1}, "max_tokens"),
        ({"model": TINY_MODEL_ID, "messages": USER, "max_tokens": 0}, "max_tokens"),
        ({"model": TINY_MODEL_ID, "messages": USER, "max_tokens": "10"}, "max_tokens"),
        ({"model": TINY_MODEL_ID, "messages": USER, "temperature": 3}, "temperature"),
        ({"model": TINY_MODEL_ID, "messages": USER, "top_p": -0.1}, "top_p"),
        ({"model": TINY_MODEL_ID, "messages": USER, "n": 0}, "n"),
        ({"model": TINY_MODEL_ID, "messages": USER, "n": 100}, "n"),
        ({"model": TINY_MODEL_ID, "messages": USER, "stream": "yes"}, "stream"),
        ({"model": TINY_MODEL_ID, "messages": USER, "stop": 5}, "stop"),
        (
            {
                "model": TINY_MODEL_ID,
                "messages": USER,
                "tools": [{"type": "function", "function": {"name": "f"}}],
            },
            "tools",
        ),
        ({"model": TINY_MODEL_ID, "messages": USER, "logprobs": True}, "logprobs"),
        (
            {"model": TINY_MODEL_ID, "messages": USER, "response_format": {"type": "xml"}},
            "response_format.type",
        ),
        (
            {
                "model": TINY_MODEL_ID,
                "messages": USER,
                "response_format": {"type": "json_schema", "json_schema": {"schema": {"type": 5}}},
            },
            "response_format",
        ),
        ({"model": 7, "messages": USER}, "model"),
    ],
)
def test_bad_chat_requests_are_400(server, body, param):
    response = httpx.post(server.v1 + "/chat/completions", json=body)
    assert_error(response, 400, param=param)


def test_unknown_model_is_404(server):
    assert_error(chat(server, model="gpt-4o-mini"), 404, code="model_not_found", param="model")


@pytest.mark.parametrize("raw", [b"{", b"", b"not json", b'{"model": "x",}', b"\xff\xfe", b"[" * 100000])
def test_malformed_json_is_400(server, raw):
    response = httpx.post(
        server.v1 + "/chat/completions", content=raw, headers={"content-type": "application/json"}
    )
    assert_error(response, 400, code="invalid_json")


def test_body_that_is_not_an_object_is_400(server):
    assert_error(httpx.post(server.v1 + "/chat/completions", json=[1, 2]), 400)


@pytest.mark.parametrize("path", ["/completions", "/chat/completions"])
@pytest.mark.parametrize("stream", [False, True])
def test_prompt_beyond_the_context_is_400(server, path, stream):
    long_text = "tubo de cobre " * 400  # ~5600 byte tokens > n_ctx 2048
    if path == "/completions":
        payload = {"model": TINY_MODEL_ID, "prompt": long_text}
    else:
        payload = {"model": TINY_MODEL_ID, "messages": [{"role": "user", "content": long_text}]}
    started = time.monotonic()
    response = httpx.post(server.v1 + path, json={**payload, "stream": stream, "max_tokens": 5}, timeout=30)
    assert_error(response, 400, code="context_length_exceeded")
    assert time.monotonic() - started < 10
    assert chat(server, max_tokens=2).status_code == 200  # and the model is free again


def test_completion_bad_inputs(server):
    url = server.v1 + "/completions"
    assert_error(httpx.post(url, json={"model": TINY_MODEL_ID}), 400, param="prompt")
    assert_error(httpx.post(url, json={"model": TINY_MODEL_ID, "prompt": ""}), 400, param="prompt")
    assert_error(httpx.post(url, json={"model": TINY_MODEL_ID, "prompt": [1, 2, 3]}), 400, param="prompt")
    assert_error(
        httpx.post(url, json={"model": TINY_MODEL_ID, "prompt": "x", "max_tokens": -3}),
        400,
        param="max_tokens",
    )
    assert_error(
        httpx.post(url, json={"model": TINY_MODEL_ID, "prompt": "x", "logprobs": 2}), 400, param="logprobs"
    )
    assert_error(
        httpx.post(url, json={"model": TINY_MODEL_ID, "prompt": "x", "suffix": "y"}), 400, param="suffix"
    )
    assert_error(
        httpx.post(url, json={"model": TINY_MODEL_ID, "prompt": "x", "best_of": 3}), 400, param="best_of"
    )
    assert_error(httpx.post(url, json={"model": "nope", "prompt": "x"}), 404, code="model_not_found")


def test_wrong_method_unknown_path_and_oversize_body(server):
    assert_error(httpx.get(server.v1 + "/chat/completions"), 405, code="method_not_supported")
    assert_error(httpx.post(server.v1 + "/models"), 405, code="method_not_supported")
    assert_error(httpx.get(server.v1 + "/embeddings"), 404)
    huge = {"model": TINY_MODEL_ID, "messages": [{"role": "user", "content": "x" * (2 * 1024 * 1024)}]}
    assert_error(
        httpx.post(server.v1 + "/chat/completions", json=huge, timeout=30), 413, code="request_too_large"
    )


def test_request_id_is_echoed_and_generated(server):
    response = httpx.post(
        server.v1 + "/chat/completions",
        json={"model": TINY_MODEL_ID, "messages": USER, "max_tokens": 1},
        headers={"X-Request-ID": "req-abc.123"},
    )
    assert response.headers["x-request-id"] == "req-abc.123"
    assert len(httpx.get(server.base_url + "/healthz").headers["x-request-id"]) == 32
    assert '"request_id": "req-abc.123"' in server.log_text()


def test_unknown_extra_parameters_are_ignored(server):
    response = chat(
        server, max_tokens=2, frequency_penalty=0.5, presence_penalty=0.1, seed=7, user="u1", foo="bar"
    )
    assert response.status_code == 200


# -- queue and disconnects ----------------------------------------------------------------------


def test_client_disconnect_mid_stream_frees_the_model(server):
    before = server.health()["cancelled_total"]
    payload = {"model": TINY_MODEL_ID, "messages": USER, "max_tokens": 1900, "stream": True}
    with httpx.stream("POST", server.v1 + "/chat/completions", json=payload, timeout=30) as response:
        assert response.status_code == 200
        lines = response.iter_lines()
        got = [next(lines) for _ in range(6)]
        assert any("content" in line for line in got)
    # the connection is closed here, long before 1900 tokens
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        health = server.health()
        if health["cancelled_total"] == before + 1 and not health["busy"]:
            break
        time.sleep(0.02)
    else:
        pytest.fail(f"the cancelled generation did not stop: {server.health()}")
    started = time.monotonic()
    assert chat(server, max_tokens=3).status_code == 200
    assert time.monotonic() - started < 2


def test_concurrent_requests_are_queued_and_all_answered(server):
    results: list[object] = []

    def one() -> None:
        try:
            results.append(chat(server, max_tokens=20).status_code)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results.append(exc)

    payload = {
        "model": TINY_MODEL_ID,
        "messages": USER,
        "max_tokens": 1900,
        "n": 4,
        "stream": True,
    }  # seconds of work
    with httpx.stream("POST", server.v1 + "/chat/completions", json=payload, timeout=60) as running:
        lines = running.iter_lines()
        next(lines)  # the model is now busy with this stream
        threads = [threading.Thread(target=one) for _ in range(3)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 10
        while server.health()["waiting"] < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        health = server.health()
        assert health["waiting"] == 3 and health["busy"] and health["queue_depth"] == 4
        assert results == []  # nobody overtook the running generation
    # leaving the block drops the stream: its generation is cancelled and the queue moves on
    for t in threads:
        t.join(60)
    assert results == [200] * 3
    assert server.health()["queue_depth"] == 0


def test_client_that_gives_up_while_queued_is_skipped(server):
    before = server.health()
    payload = {
        "model": TINY_MODEL_ID,
        "messages": USER,
        "max_tokens": 1900,
        "n": 4,
        "stream": True,
    }  # seconds of work
    with httpx.stream("POST", server.v1 + "/chat/completions", json=payload, timeout=60) as running:
        lines = running.iter_lines()
        next(lines)  # the model is busy
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(
                server.v1 + "/chat/completions",
                json={"model": TINY_MODEL_ID, "messages": USER, "max_tokens": 5},
                timeout=0.3,
            )
    # both are gone now: the stream (cancelled while running) and the abandoned request
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        health = server.health()
        if health["queue_depth"] == 0 and health["cancelled_total"] == before["cancelled_total"] + 2:
            break
        time.sleep(0.02)
    health = server.health()
    assert health["cancelled_total"] == before["cancelled_total"] + 2
    assert health["completed_total"] == before["completed_total"]  # the abandoned request never ran


# -- response_format against the (gibberish) tiny model -----------------------------------------


@pytest.mark.parametrize(
    "response_format",
    [
        {"type": "json_object"},
        {
            "type": "json_schema",
            "json_schema": {"name": "p", "schema": {"type": "object", "required": ["total"]}},
        },
    ],
)
@pytest.mark.parametrize("stream", [False, True])
def test_json_mode_gives_up_after_bounded_attempts_with_a_clear_error(server, response_format, stream):
    before = server.health()["completed_total"]
    response = chat(server, response_format=response_format, max_tokens=40, stream=stream)
    error = assert_error(response, 422, code="json_validation_failed", param="response_format")
    assert "after 3 attempt(s)" in error["message"]
    assert server.health()["completed_total"] - before == 3  # LLM_JSON_MAX_ATTEMPTS generations, no more


# -- fuzzing: whatever the body, a 2xx or an OpenAI-style 4xx, never a 5xx or a hang -------------

scalars = st.none() | st.booleans() | st.integers(-3, 5) | st.floats(-3, 3) | st.text(max_size=5)
values = st.recursive(
    scalars,
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=6), c, max_size=3),
    max_leaves=6,
)
messages = (
    st.lists(
        st.fixed_dictionaries(
            {},
            optional={
                "role": st.sampled_from(["user", "system", "assistant", "tool", "x"]) | values,
                "content": st.text(max_size=20) | values,
                "name": values,
            },
        ),
        max_size=3,
    )
    | values
)
bodies = st.fixed_dictionaries(
    {"max_tokens": st.integers(-2, 4) | values},
    optional={
        "model": st.just(TINY_MODEL_ID) | values,
        "messages": messages,
        "prompt": st.text(max_size=10) | values,
        "temperature": values,
        "top_p": values,
        "n": st.integers(-1, 3) | values,
        "stop": values,
        "stream": st.booleans() | values,
        "echo": values,
        "response_format": values,
        "stream_options": values,
        "seed": values,
        "logit_bias": values,
    },
)


@given(body=bodies, path=st.sampled_from(["/chat/completions", "/completions"]))
@hsettings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fuzzed_bodies_never_cause_server_errors(server, body, path):
    response = httpx.post(server.v1 + path, json=body, timeout=20)
    if response.status_code >= 400:
        assert 400 <= response.status_code < 500, (body, response.text)
        assert set(response.json()["error"]) == {"message", "type", "param", "code"}
    else:
        assert response.status_code == 200
