"""Parsing and validating OpenAI-style request bodies.

Accepts everything GPT4All's server (v3) accepts, with the same types and ranges, and more:
``stream``, ``stop``, ``seed``, ``response_format``, ``stream_options``, non-zero penalties,
``max_completion_tokens``, content given as text parts, and the ``developer`` role. Parameters
that would change the answer in a way this server cannot honour (tools, logprobs, logit_bias,
images) are rejected with a clear 400 instead of being ignored. Unknown extra parameters are
ignored, as most OpenAI-compatible servers do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .backend import SamplingParams
from .chat_template import STOP_STRINGS, ChatMessage
from .errors import InvalidRequest, NotFound
from .json_output import ResponseFormat, parse_response_format
from .settings import Settings

MAX_STOP_SEQUENCES = 16
ROLES = {"system": "system", "developer": "system", "user": "user", "assistant": "assistant"}


@dataclass(frozen=True)
class Common:
    model: str
    params: SamplingParams
    n: int
    stream: bool
    include_usage: bool
    seed: int | None


@dataclass(frozen=True)
class ChatRequest:
    common: Common
    messages: tuple[ChatMessage, ...]
    response_format: ResponseFormat | None


@dataclass(frozen=True)
class CompletionRequest:
    common: Common
    prompts: tuple[str, ...]
    echo: bool


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def _type_name(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number"
    )


def _int(
    body: dict[str, Any], key: str, *, minimum: int | None = None, maximum: int | None = None
) -> int | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not _is_int(value):
        raise InvalidRequest(f"'{key}' must be an integer, not {_type_name(value)}", param=key)
    if minimum is not None and value < minimum:
        raise InvalidRequest(f"{value} is less than the minimum of {minimum} - '{key}'", param=key)
    if maximum is not None and value > maximum:
        raise InvalidRequest(f"{value} is greater than the maximum of {maximum} - '{key}'", param=key)
    return value


def _number(body: dict[str, Any], key: str, minimum: float, maximum: float) -> float | None:
    value = body.get(key)
    if value is None:
        return None
    if not _is_number(value):
        raise InvalidRequest(f"'{key}' must be a number, not {_type_name(value)}", param=key)
    if value < minimum:
        raise InvalidRequest(f"{value} is less than the minimum of {minimum} - '{key}'", param=key)
    if value > maximum:
        raise InvalidRequest(f"{value} is greater than the maximum of {maximum} - '{key}'", param=key)
    return float(value)


def _bool(body: dict[str, Any], key: str) -> bool | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, bool):
        raise InvalidRequest(f"'{key}' must be a boolean, not {_type_name(value)}", param=key)
    return value


def _stop(body: dict[str, Any]) -> tuple[str, ...]:
    value = body.get("stop")
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise InvalidRequest("'stop' must be a string or an array of strings", param="stop")
    if len(value) > MAX_STOP_SEQUENCES:
        raise InvalidRequest(f"'stop' accepts at most {MAX_STOP_SEQUENCES} sequences", param="stop")
    return tuple(s for s in value if s)


def _reject_unsupported(body: dict[str, Any]) -> None:
    if body.get("tools"):
        raise InvalidRequest("'tools' is not supported by this server", param="tools")
    if body.get("functions"):
        raise InvalidRequest("'functions' is not supported by this server", param="functions")
    for key in ("tool_choice", "function_call"):
        if body.get(key) not in (None, "none", "auto"):
            raise InvalidRequest(f"'{key}' is not supported by this server", param=key)
    if body.get("logit_bias"):
        raise InvalidRequest("'logit_bias' is not supported by this server", param="logit_bias")
    if body.get("top_logprobs") is not None:
        raise InvalidRequest("'top_logprobs' is not supported by this server", param="top_logprobs")


def check_model(name: str, settings: Settings) -> str:
    """The served model's id if ``name`` names it (by id or file name), else 404."""
    if name in {settings.model_id, settings.model_path.name}:
        return settings.model_id
    raise NotFound(
        f"The model '{name}' does not exist. This server serves '{settings.model_id}'.",
        param="model",
        code="model_not_found",
    )


def _common(body: dict[str, Any], settings: Settings, extra_stop: tuple[str, ...]) -> Common:
    model = body.get("model")
    if model is None:
        raise InvalidRequest("you must provide a model parameter", param="model")
    if not isinstance(model, str):
        raise InvalidRequest(f"'model' must be a string, not {_type_name(model)}", param="model")
    model = check_model(model, settings)
    _reject_unsupported(body)
    max_tokens = _int(body, "max_tokens", minimum=1)
    max_completion_tokens = _int(body, "max_completion_tokens", minimum=1)
    n = _int(body, "n", minimum=1, maximum=settings.max_n) or 1
    best_of = _int(body, "best_of", minimum=1)
    if best_of is not None and best_of != n:
        raise InvalidRequest("'best_of' must equal 'n' (best-of sampling is not supported)", param="best_of")
    temperature = _number(body, "temperature", 0.0, 2.0)
    top_p = _number(body, "top_p", 0.0, 1.0)
    min_p = _number(body, "min_p", 0.0, 1.0)
    top_k = _int(body, "top_k", minimum=1)
    repeat_penalty = _number(body, "repeat_penalty", 0.0, 10.0)
    _number(body, "presence_penalty", -2.0, 2.0)  # validated; the bindings only have repeat_penalty
    _number(body, "frequency_penalty", -2.0, 2.0)
    seed = _int(body, "seed")
    stream = bool(_bool(body, "stream"))
    stream_options = body.get("stream_options")
    if stream_options is not None and not isinstance(stream_options, dict):
        raise InvalidRequest("'stream_options' must be an object", param="stream_options")
    include_usage = bool(stream_options and stream_options.get("include_usage") is True)
    user = body.get("user")
    if user is not None and not isinstance(user, str):
        raise InvalidRequest("'user' must be a string", param="user")
    params = SamplingParams(
        max_tokens=max_tokens or max_completion_tokens or settings.default_max_tokens,
        temperature=1.0 if temperature is None else temperature,
        top_p=1.0 if top_p is None else top_p,
        min_p=min_p or 0.0,
        top_k=top_k or settings.top_k,
        repeat_penalty=settings.repeat_penalty if repeat_penalty is None else repeat_penalty,
        repeat_last_n=settings.repeat_last_n,
        stop=_stop(body) + extra_stop,
    )
    return Common(model, params, n, stream, include_usage, seed)


def _require_object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise InvalidRequest(f"the request body must be a JSON object, not {_type_name(body)}")
    return body


def _content(message: dict[str, Any], index: int) -> str:
    content = message.get("content")
    if content is None:
        if message.get("role") == "assistant" and not message.get("tool_calls"):
            return ""
        raise InvalidRequest(f"'messages[{index}].content' is required", param=f"messages[{index}].content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        texts = []
        for part in content:
            if (
                not isinstance(part, dict)
                or part.get("type") != "text"
                or not isinstance(part.get("text"), str)
            ):
                raise InvalidRequest(
                    f"'messages[{index}].content' parts must be text parts "
                    "({'type': 'text', 'text': ...}); images and audio are not supported",
                    param=f"messages[{index}].content",
                )
            texts.append(part["text"])
        return "".join(texts)
    raise InvalidRequest(
        f"'messages[{index}].content' must be a string or an array of text parts",
        param=f"messages[{index}].content",
    )


def parse_chat_request(body: Any, settings: Settings) -> ChatRequest:
    body = _require_object(body)
    raw_messages = body.get("messages")
    if raw_messages is None:
        raise InvalidRequest("you must provide a messages parameter", param="messages")
    if not isinstance(raw_messages, list) or not raw_messages:
        raise InvalidRequest(
            "Invalid type for 'messages': expected a non-empty array of objects", param="messages"
        )
    messages = []
    for i, message in enumerate(raw_messages):
        if not isinstance(message, dict):
            raise InvalidRequest(
                f"Invalid type for 'messages[{i}]': expected an object", param=f"messages[{i}]"
            )
        role = message.get("role")
        if not isinstance(role, str) or role not in ROLES:
            raise InvalidRequest(
                f"Invalid 'messages[{i}].role': expected one of 'system', 'developer', 'user' or "
                f"'assistant', but got {role!r}",
                param=f"messages[{i}].role",
            )
        if message.get("tool_calls") or message.get("function_call"):
            raise InvalidRequest(
                "tool and function calls are not supported by this server", param=f"messages[{i}]"
            )
        messages.append(ChatMessage(ROLES[role], _content(message, i)))
    if body.get("logprobs"):
        raise InvalidRequest("'logprobs' is not supported by this server", param="logprobs")
    common = _common(body, settings, STOP_STRINGS)
    return ChatRequest(common, tuple(messages), parse_response_format(body.get("response_format")))


def parse_completion_request(body: Any, settings: Settings) -> CompletionRequest:
    body = _require_object(body)
    prompt = body.get("prompt")
    if prompt is None:
        raise InvalidRequest("you must provide a prompt parameter", param="prompt")
    if isinstance(prompt, str):
        prompts: tuple[str, ...] = (prompt,)
    elif isinstance(prompt, list) and prompt and all(isinstance(p, str) for p in prompt):
        prompts = tuple(prompt)
    else:
        raise InvalidRequest("'prompt' must be a string or a non-empty array of strings", param="prompt")
    if any(not p for p in prompts):
        raise InvalidRequest("'prompt' must not be empty", param="prompt")
    if body.get("logprobs") is not None:
        raise InvalidRequest("'logprobs' is not supported by this server", param="logprobs")
    if body.get("suffix"):
        raise InvalidRequest("'suffix' is not supported by this server", param="suffix")
    echo = bool(_bool(body, "echo"))
    common = _common(body, settings, STOP_STRINGS)
    if len(prompts) * common.n > settings.max_n:
        raise InvalidRequest(
            f"at most {settings.max_n} completions per request (prompts x n)",
            param="n",
            code="too_many_choices",
        )
    return CompletionRequest(common, prompts, echo)
