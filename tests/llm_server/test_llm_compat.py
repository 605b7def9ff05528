"""Real clients against a real llm-server process: the openai SDK, LangChain's ChatOpenAI (as n8n's
"OpenAI Chat Model" node uses it) and requests shaped exactly as GPT4All's clients send them."""

from __future__ import annotations

import httpx
import openai
import pytest
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from llm_server_process import TINY_MODEL_ID

pytestmark = pytest.mark.timeout(60)

MESSAGES = [
    {"role": "system", "content": "Eres un asistente para fontaneros. Responde en español."},
    {"role": "user", "content": "¿Qué diámetro de tubo uso para un lavabo?"},
]


@pytest.fixture
def client(server) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.v1, api_key="not-needed", max_retries=0, timeout=30)


# -- the official openai SDK --------------------------------------------------------------------


def test_openai_sdk_models(client):
    assert [m.id for m in client.models.list()] == [TINY_MODEL_ID]
    assert client.models.retrieve(TINY_MODEL_ID).id == TINY_MODEL_ID
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("gpt-4o")


def test_openai_sdk_chat(client):
    completion = client.chat.completions.create(
        model=TINY_MODEL_ID, messages=MESSAGES, max_tokens=12, temperature=0
    )
    choice = completion.choices[0]
    assert choice.message.role == "assistant"
    assert choice.message.content
    assert choice.finish_reason == "length"
    assert completion.usage.completion_tokens == 12
    assert completion.usage.total_tokens == completion.usage.prompt_tokens + 12


def test_openai_sdk_chat_streaming(client):
    stream = client.chat.completions.create(
        model=TINY_MODEL_ID,
        messages=MESSAGES,
        max_tokens=12,
        temperature=0,
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    finish = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
    assert finish == ["length"]
    assert chunks[-1].usage.completion_tokens == 12
    plain = client.chat.completions.create(
        model=TINY_MODEL_ID, messages=MESSAGES, max_tokens=12, temperature=0
    )
    assert text == plain.choices[0].message.content


def test_openai_sdk_completions_plain_and_streaming(client):
    plain = client.completions.create(model=TINY_MODEL_ID, prompt="El sifón", max_tokens=6, temperature=0)
    assert plain.choices[0].text and plain.usage.completion_tokens == 6
    streamed = client.completions.create(
        model=TINY_MODEL_ID, prompt="El sifón", max_tokens=6, temperature=0, stream=True
    )
    assert "".join(c.choices[0].text for c in streamed) == plain.choices[0].text


def test_openai_sdk_raises_typed_errors(client):
    with pytest.raises(openai.BadRequestError) as info:
        client.chat.completions.create(model=TINY_MODEL_ID, messages=MESSAGES, max_tokens=-1)
    assert info.value.status_code == 400
    assert info.value.body["param"] == "max_tokens"
    with pytest.raises(openai.NotFoundError):
        client.chat.completions.create(model="gpt-4o", messages=MESSAGES)
    with pytest.raises(openai.BadRequestError) as info:
        client.chat.completions.create(
            model=TINY_MODEL_ID, messages=[{"role": "user", "content": "grifo " * 600}]
        )
    assert info.value.code == "context_length_exceeded"


# -- LangChain ChatOpenAI, as n8n's OpenAI Chat Model node builds it (custom base URL) ----------


@pytest.fixture
def chat_model(server) -> ChatOpenAI:
    return ChatOpenAI(
        base_url=server.v1,
        api_key="x",
        model=TINY_MODEL_ID,
        max_tokens=10,
        temperature=0,
        max_retries=0,
        timeout=30,
    )


def test_langchain_invoke(chat_model):
    reply = chat_model.invoke([SystemMessage(MESSAGES[0]["content"]), HumanMessage(MESSAGES[1]["content"])])
    assert isinstance(reply, AIMessage)
    assert reply.content
    assert reply.response_metadata["finish_reason"] == "length"
    assert reply.usage_metadata["output_tokens"] == 10


def test_langchain_stream_and_batch(chat_model, server):
    pieces = list(chat_model.stream([HumanMessage("¿Cómo purgo un radiador?")]))
    streamed = "".join(p.content for p in pieces)
    assert len([p for p in pieces if p.content]) >= 3
    assert streamed == chat_model.invoke([HumanMessage("¿Cómo purgo un radiador?")]).content
    usage_model = ChatOpenAI(
        base_url=server.v1, api_key="x", model=TINY_MODEL_ID, max_tokens=5, stream_usage=True, max_retries=0
    )
    total = None
    for piece in usage_model.stream("hola"):
        total = piece if total is None else total + piece
    assert total.usage_metadata["output_tokens"] == 5
    replies = chat_model.batch(["uno", "dos"])
    assert len(replies) == 2 and all(r.content for r in replies)


def test_langchain_js_request_body_as_n8n_sends_it(server):
    """The body LangChain.js's ChatOpenAI (inside n8n's node) posts, with its default parameters."""
    body = {
        "model": TINY_MODEL_ID,
        "temperature": 0.7,
        "top_p": 1,
        "frequency_penalty": 0,
        "presence_penalty": 0,
        "n": 1,
        "max_tokens": 8,
        "stream": True,
        "stream_options": {"include_usage": True},
        "messages": [
            {"role": "system", "content": "Eres un asistente para fontaneros."},
            {"role": "user", "content": "Hola"},
        ],
    }
    with httpx.stream(
        "POST", server.v1 + "/chat/completions", json=body, headers={"Authorization": "Bearer x"}
    ) as r:
        assert r.status_code == 200
        lines = [line for line in r.iter_lines() if line]
    assert lines[-1] == "data: [DONE]"
    assert '"usage"' in lines[-2]


# -- requests shaped as GPT4All's clients send them ---------------------------------------------


def test_gpt4all_client_completion_request(server):
    """The request of GPT4All's API docs (openai-python 0.x ``Completion.create``), field for field."""
    prompt = "Who is Michael Jordan?"
    body = {
        "model": TINY_MODEL_ID,
        "prompt": prompt,
        "max_tokens": 50,
        "temperature": 0.28,
        "top_p": 0.95,
        "n": 1,
        "echo": True,
        "stream": False,
    }
    response = httpx.post(server.v1 + "/completions", json=body, timeout=30)
    assert response.status_code == 200
    data = response.json()
    # the shape GPT4All's server answers with
    assert set(data) >= {"id", "object", "created", "model", "choices", "usage"}
    assert data["object"] == "text_completion"
    assert data["model"] == TINY_MODEL_ID
    (choice,) = data["choices"]
    assert set(choice) == {"text", "index", "logprobs", "finish_reason"}
    assert choice["text"].startswith(prompt)  # echo: prompt + completion, like GPT4All
    assert choice["finish_reason"] == "length"
    assert data["usage"]["completion_tokens"] == 50
    assert data["usage"]["total_tokens"] == data["usage"]["prompt_tokens"] + 50


def test_gpt4all_client_chat_request(server):
    """The curl example of GPT4All's API server docs, and its answer shape."""
    body = {
        "model": TINY_MODEL_ID,
        "messages": [{"role": "user", "content": "Who is Lionel Messi?"}],
        "max_tokens": 50,
        "temperature": 0.28,
    }
    data = httpx.post(server.v1 + "/chat/completions", json=body, timeout=30).json()
    assert data["object"] == "chat.completion"
    (choice,) = data["choices"]
    assert set(choice) == {"index", "message", "finish_reason", "logprobs"}
    assert choice["message"]["role"] == "assistant"
    assert data["usage"]["completion_tokens"] == 50


def test_parameters_gpt4all_accepts_are_accepted(server):
    """Every parameter GPT4All v3's server parses with a value it accepts is accepted here too."""
    body = {
        "model": TINY_MODEL_ID,
        "messages": [{"role": "user", "content": "hola"}],
        "max_tokens": 3,
        "n": 1,
        "temperature": 0,
        "top_p": 0.9,
        "min_p": 0.05,
        "frequency_penalty": 0,
        "presence_penalty": 0,
        "user": "plumber-1",
        "logprobs": False,
        "service_tier": "auto",
        "parallel_tool_calls": False,
    }
    assert httpx.post(server.v1 + "/chat/completions", json=body).status_code == 200
    completion = {
        "model": TINY_MODEL_ID,
        "prompt": "hola",
        "max_tokens": 3,
        "best_of": 1,
        "echo": False,
        "suffix": "",
        "user": "u",
        "min_p": 0.1,
    }
    assert httpx.post(server.v1 + "/completions", json=completion).status_code == 200
