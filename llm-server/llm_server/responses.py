"""OpenAI-shaped response bodies and Server-Sent Events chunks."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any


@dataclass
class Choice:
    index: int
    text: str = ""
    finish_reason: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex}"


def usage(prompt_tokens: int, completion_tokens: int) -> dict[str, int]:
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def model_object(model_id: str, created: int) -> dict[str, Any]:
    """A model entry shaped like GPT4All's (which is OpenAI's plus ``root``/``parent``/``permissions``)."""
    return {
        "id": model_id,
        "object": "model",
        "created": created,
        "owned_by": "remedios",
        "root": model_id,
        "parent": None,
        "permissions": [
            {
                "id": "modelperm-local",
                "object": "model_permission",
                "created": created,
                "allow_create_engine": False,
                "allow_sampling": True,
                "allow_logprobs": False,
                "allow_search_indices": False,
                "allow_view": True,
                "allow_fine_tuning": False,
                "organization": "*",
                "group": None,
                "is_blocking": False,
            }
        ],
    }


def chat_completion(
    completion_id: str, model: str, choices: list[Choice], prompt_tokens: int, completion_tokens: int
) -> dict[str, Any]:
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": None,
        "choices": [
            {
                "index": c.index,
                "message": {"role": "assistant", "content": c.text},
                "logprobs": None,
                "finish_reason": c.finish_reason or "stop",
            }
            for c in choices
        ],
        "usage": usage(prompt_tokens, completion_tokens),
    }


def text_completion(
    completion_id: str, model: str, choices: list[Choice], prompt_tokens: int, completion_tokens: int
) -> dict[str, Any]:
    return {
        "id": completion_id,
        "object": "text_completion",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": None,
        "choices": [
            {"text": c.text, "index": c.index, "logprobs": None, "finish_reason": c.finish_reason or "stop"}
            for c in choices
        ],
        "usage": usage(prompt_tokens, completion_tokens),
    }


def chat_chunk(
    completion_id: str,
    model: str,
    created: int,
    index: int,
    delta: dict[str, Any],
    finish_reason: str | None = None,
) -> dict[str, Any]:
    return {
        "id": completion_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "system_fingerprint": None,
        "choices": [{"index": index, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
    }


def text_chunk(
    completion_id: str, model: str, created: int, index: int, text: str, finish_reason: str | None = None
) -> dict[str, Any]:
    return {
        "id": completion_id,
        "object": "text_completion",
        "created": created,
        "model": model,
        "system_fingerprint": None,
        "choices": [{"text": text, "index": index, "logprobs": None, "finish_reason": finish_reason}],
    }


def usage_chunk(
    completion_id: str, model: str, created: int, object_name: str, prompt_tokens: int, completion_tokens: int
) -> dict[str, Any]:
    return {
        "id": completion_id,
        "object": object_name,
        "created": created,
        "model": model,
        "choices": [],
        "usage": usage(prompt_tokens, completion_tokens),
    }


def sse(data: dict[str, Any]) -> bytes:
    return b"data: " + json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode() + b"\n\n"


SSE_DONE = b"data: [DONE]\n\n"
