"""``response_format`` json_object / json_schema without constrained decoding.

gpt4all cannot constrain generation to a grammar, so JSON mode is done around the model:

1. the model is told (in the system message) to answer with JSON only, and given the schema;
2. the JSON value is extracted tolerantly from what it wrote: the whole reply, a Markdown code
   fence, or the first ``{...}``/``[...]`` that parses; the only repairs are trailing commas and
   typographic quotes, which change no value;
3. it is validated (json_object: an object; json_schema: against the schema with ``jsonschema``);
4. on failure the model is shown its reply and the problem and asked again, a bounded number of
   times; after the last attempt a clear error is returned.

Nothing is ever filled in, defaulted, computed or coerced: a number in the answer is a number the
model wrote. ``"total": (45 * 2)`` is invalid JSON and is rejected, never evaluated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import jsonschema

from .chat_template import ChatMessage
from .errors import InvalidRequest, JSONOutputError

_FENCE = re.compile(r"```[ \t]*(?:json|JSON)?[ \t]*\n?(.*?)```", re.DOTALL)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
#: How much of a rejected reply is shown back to the model on a retry (keeps the prompt bounded).
MAX_ECHOED_REPLY = 1500
_SMART_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"'})


class ExtractionError(ValueError):
    """No JSON value could be found in the text, or none that validates."""


@dataclass(frozen=True)
class ResponseFormat:
    type: str  # "text", "json_object" or "json_schema"
    schema: dict[str, Any] | None = None
    name: str | None = None

    @property
    def is_json(self) -> bool:
        return self.type in {"json_object", "json_schema"}


@dataclass(frozen=True)
class JSONResult:
    value: Any
    text: str  # the value re-serialised compactly: what the client receives as content
    attempts: int


def parse_response_format(raw: Any) -> ResponseFormat | None:
    """Validate the request's ``response_format`` (OpenAI shape) and return it."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
        raise InvalidRequest(
            "'response_format' must be an object with a string 'type'", param="response_format"
        )
    kind = raw["type"]
    if kind == "text":
        return ResponseFormat("text")
    if kind == "json_object":
        return ResponseFormat("json_object")
    if kind != "json_schema":
        raise InvalidRequest(
            f"Invalid 'response_format.type': {kind!r}; expected 'text', 'json_object' or 'json_schema'",
            param="response_format.type",
        )
    spec = raw.get("json_schema")
    if not isinstance(spec, dict):
        raise InvalidRequest(
            "'response_format.json_schema' must be an object", param="response_format.json_schema"
        )
    schema = spec.get("schema", {})
    if not isinstance(schema, dict):
        raise InvalidRequest(
            "'response_format.json_schema.schema' must be an object", param="response_format"
        )
    try:
        jsonschema.validators.validator_for(schema).check_schema(schema)
    except jsonschema.SchemaError as exc:
        raise InvalidRequest(
            f"Invalid JSON schema in response_format: {exc.message}", param="response_format"
        ) from None
    name = spec.get("name")
    return ResponseFormat("json_schema", schema=schema, name=name if isinstance(name, str) else None)


def instruction(fmt: ResponseFormat) -> str:
    """The system-message text that asks the model for JSON."""
    text = (
        "Answer with one JSON value only: no explanation, no Markdown, no code fences. "
        "Use only literal values in it (no arithmetic expressions, no comments)."
    )
    if fmt.type == "json_object" or fmt.schema is None:
        return text + " The value must be a JSON object."
    return text + " It must validate against this JSON Schema:\n" + json.dumps(fmt.schema, ensure_ascii=False)


def with_instruction(
    messages: Sequence[ChatMessage], fmt: ResponseFormat, default_system_prompt: str | None
) -> list[ChatMessage]:
    """``messages`` with the JSON instruction added to (or as) the system message."""
    note = instruction(fmt)
    if messages and messages[0].role == "system":
        first = messages[0]
        return [ChatMessage("system", f"{first.content}\n\n{note}".strip()), *messages[1:]]
    system = f"{default_system_prompt}\n\n{note}" if default_system_prompt else note
    return [ChatMessage("system", system), *messages]


def _candidates(text: str) -> list[Any]:
    """JSON values found in ``text``, most likely first."""
    found: list[Any] = []
    decoder = json.JSONDecoder()
    sources = [text.strip()]
    sources += [m.group(1).strip() for m in _FENCE.finditer(text)]
    for source in list(sources):
        repaired = _TRAILING_COMMA.sub(r"\1", source.translate(_SMART_QUOTES))
        if repaired != source:
            sources.append(repaired)
    for source in sources:
        try:
            found.append(json.loads(source))
            continue
        except ValueError:
            pass
        for start, char in enumerate(source):
            if char not in "{[":
                continue
            try:
                value, _ = decoder.raw_decode(source, start)
            except ValueError:
                continue
            found.append(value)
    return found


def validation_error(value: Any, fmt: ResponseFormat) -> str | None:
    """Why ``value`` does not satisfy ``fmt``, or ``None`` when it does."""
    if fmt.type == "json_object" or fmt.schema is None:
        return None if isinstance(value, dict) else f"expected a JSON object, got {type(value).__name__}"
    validator = jsonschema.validators.validator_for(fmt.schema)(fmt.schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(value))
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"at {where}: {error.message}"


def extract(text: str, fmt: ResponseFormat) -> Any:
    """The first JSON value in ``text`` that satisfies ``fmt``; ``ExtractionError`` says why there is none."""
    candidates = _candidates(text)
    if not candidates:
        raise ExtractionError("the reply contains no parseable JSON")
    first_problem = None
    for value in candidates:
        problem = validation_error(value, fmt)
        if problem is None:
            return value
        first_problem = first_problem or problem
    raise ExtractionError(f"the JSON does not validate: {first_problem}")


Generate = Callable[[Sequence[ChatMessage]], Awaitable[str]]


async def generate_json(
    generate: Generate,
    messages: Sequence[ChatMessage],
    fmt: ResponseFormat,
    *,
    max_attempts: int,
    default_system_prompt: str | None = None,
) -> JSONResult:
    """Ask ``generate`` for JSON until it validates, at most ``max_attempts`` times."""
    conversation = with_instruction(messages, fmt, default_system_prompt)
    problem = "no attempt made"
    for attempt in range(1, max_attempts + 1):
        reply = await generate(conversation)
        try:
            value = extract(reply, fmt)
        except ExtractionError as exc:
            problem = str(exc)
            conversation = [
                *conversation,
                ChatMessage("assistant", reply[:MAX_ECHOED_REPLY]),
                ChatMessage(
                    "user",
                    f"That reply is not usable: {problem}. Reply again with only the corrected JSON value.",
                ),
            ]
            continue
        return JSONResult(value, json.dumps(value, ensure_ascii=False), attempt)
    raise JSONOutputError(max_attempts, problem)
