"""The HTTP API: an OpenAI-compatible Quart app in front of the engine.

``create_app(settings, engine)`` builds it; ``python -m llm_server`` serves it with Hypercorn.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from quart import Quart, Response, g, request
from werkzeug.exceptions import HTTPException

from .chat_template import ChatMessage, render_chatml
from .engine import ChoiceFinished, Engine, Generation, JobDone, JobFailed, PromptAccepted, TextDelta
from .errors import APIError, AuthenticationError, InvalidRequest, error_body
from .json_output import generate_json
from .logs import request_id_var
from .protocol import (
    ChatRequest,
    CompletionRequest,
    check_model,
    parse_chat_request,
    parse_completion_request,
)
from .responses import (
    SSE_DONE,
    Choice,
    chat_chunk,
    chat_completion,
    model_object,
    new_id,
    sse,
    text_chunk,
    text_completion,
    usage_chunk,
)
from .settings import Settings

log = logging.getLogger("llm_server.app")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def create_app(settings: Settings, engine: Engine) -> Quart:
    app = Quart("llm_server")
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.config["RESPONSE_TIMEOUT"] = None  # generations can stream for minutes
    app.config["JSONIFY_PRETTYPRINT_REGULAR"] = False
    try:
        model_created = int(settings.model_path.stat().st_mtime)
    except OSError:
        model_created = 0

    @app.before_serving
    async def start_engine() -> None:
        engine.start()

    @app.after_serving
    async def stop_engine() -> None:
        await asyncio.to_thread(engine.stop)

    @app.before_request
    async def identify_and_authenticate() -> None:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        g.started = time.perf_counter()
        request_id_var.set(g.request_id)
        if settings.api_key and request.path.startswith("/v1/"):
            _check_api_key(request.headers.get("Authorization", ""), settings.api_key)

    @app.after_request
    async def log_request(response: Response) -> Response:
        request_id = getattr(g, "request_id", None)
        if request_id:
            response.headers["X-Request-ID"] = request_id
        started = getattr(g, "started", None)
        log.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
                "streaming": response.mimetype == "text/event-stream",
            },
        )
        return response

    @app.errorhandler(APIError)
    async def api_error(error: APIError) -> Response:
        if error.status >= 500:
            log.error("request_failed", extra={"error": error.message, "status": error.status})
        return _json_response(error.to_dict(), error.status, error.headers)

    @app.errorhandler(HTTPException)
    async def http_error(error: HTTPException) -> Response:
        status = error.code or 500
        messages = {
            404: f"Unknown endpoint: {request.method} {request.path}",
            405: f"Method {request.method} is not allowed on {request.path}",
            413: f"The request body is larger than {settings.max_body_bytes} bytes (LLM_MAX_BODY_BYTES)",
        }
        codes = {404: "unknown_url", 405: "method_not_supported", 413: "request_too_large"}
        body = error_body(messages.get(status, error.description or error.name), code=codes.get(status))
        return _json_response(body, status)

    @app.errorhandler(Exception)
    async def unexpected_error(error: Exception) -> Response:
        log.exception("unexpected_error", extra={"method": request.method, "path": request.path})
        body = error_body("internal server error", type="server_error", code="internal_error")
        return _json_response(body, 500)

    @app.get("/healthz")
    async def healthz() -> Response:
        stats = engine.stats()
        ready = stats["state"] == "ready"
        body = {"status": "ok" if ready else stats["state"], "model": settings.model_id, **stats}
        return _json_response(body, 200 if ready else 503)

    @app.get("/v1/models")
    async def list_models() -> Response:
        return _json_response({"object": "list", "data": [model_object(settings.model_id, model_created)]})

    @app.get("/v1/models/<path:model>")
    async def get_model(model: str) -> Response:
        return _json_response(model_object(check_model(model, settings), model_created))

    @app.post("/v1/chat/completions")
    async def chat_completions() -> Response:
        req = parse_chat_request(await _read_json(), settings)
        if req.response_format is not None and req.response_format.is_json:
            return await _chat_json(req)
        prompt = render_chatml(req.messages, settings.default_system_prompt)
        job = engine.submit([Generation(prompt, req.common.params)] * req.common.n, g.request_id)
        fmt = _ChatStream(new_id("chatcmpl"), req.common.model, int(time.time()), req.common.include_usage)
        if req.common.stream:
            return await _stream(job.events(), job.cancel, fmt)
        choices = await _collect(job.events(), len(job.generations))
        prompt_tokens = choices[0].prompt_tokens
        completion_tokens = sum(c.completion_tokens for c in choices)
        return _json_response(chat_completion(fmt.id, fmt.model, choices, prompt_tokens, completion_tokens))

    async def _chat_json(req: ChatRequest) -> Response:
        fmt_spec = req.response_format
        assert fmt_spec is not None
        totals = {"prompt": 0, "completion": 0}

        async def generate(messages: Sequence[ChatMessage]) -> str:
            prompt = render_chatml(messages, settings.default_system_prompt)
            job = engine.submit([Generation(prompt, req.common.params)], g.request_id)
            (choice,) = await _collect(job.events(), 1)
            totals["prompt"] += choice.prompt_tokens
            totals["completion"] += choice.completion_tokens
            return choice.text

        choices = []
        for index in range(req.common.n):
            result = await generate_json(
                generate,
                req.messages,
                fmt_spec,
                max_attempts=settings.json_max_attempts,
                default_system_prompt=settings.default_system_prompt,
            )
            log.info("json_output", extra={"attempts": result.attempts, "choice": index})
            choices.append(Choice(index, result.text, "stop"))
        completion_id = new_id("chatcmpl")
        if not req.common.stream:
            body = chat_completion(
                completion_id, req.common.model, choices, totals["prompt"], totals["completion"]
            )
            return _json_response(body)
        stream = _ChatStream(completion_id, req.common.model, int(time.time()), req.common.include_usage)

        async def replay() -> AsyncIterator[Any]:
            for choice in choices:
                yield PromptAccepted(choice.index)
                yield TextDelta(choice.index, choice.text)
                yield ChoiceFinished(choice.index, "stop", 0, 0)
            stream.prompt_tokens, stream.completion_tokens = totals["prompt"], totals["completion"]
            yield JobDone()

        return await _stream(replay(), lambda: None, stream, count_usage=False)

    @app.post("/v1/completions")
    async def completions() -> Response:
        req = parse_completion_request(await _read_json(), settings)
        n = req.common.n
        generations = [Generation(p, req.common.params) for p in req.prompts for _ in range(n)]
        job = engine.submit(generations, g.request_id)
        fmt = _TextStream(
            new_id("cmpl"), req.common.model, int(time.time()), req.common.include_usage, req, n
        )
        if req.common.stream:
            return await _stream(job.events(), job.cancel, fmt)
        choices = await _collect(job.events(), len(generations))
        if req.echo:
            for choice in choices:
                choice.text = req.prompts[choice.index // n] + choice.text
        prompt_tokens = sum(c.prompt_tokens for c in choices if c.index % n == 0)
        completion_tokens = sum(c.completion_tokens for c in choices)
        return _json_response(text_completion(fmt.id, fmt.model, choices, prompt_tokens, completion_tokens))

    return app


# -- helpers --------------------------------------------------------------------------------------


def _json_response(
    body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return Response(data, status=status, headers=headers or {}, mimetype="application/json")


def _check_api_key(authorization: str, api_key: str) -> None:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationError(
            "You didn't provide an API key. Send it as 'Authorization: Bearer <LLM_API_KEY>'.",
            code="missing_api_key",
        )
    if not hmac.compare_digest(token.strip().encode(), api_key.encode()):
        raise AuthenticationError("Incorrect API key provided.", code="invalid_api_key")


async def _read_json() -> Any:
    raw = await request.get_data(cache=False)
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise InvalidRequest(
            f"We could not parse the JSON body of your request ({type(exc).__name__}: {exc}).",
            code="invalid_json",
        ) from None


async def _collect(events: AsyncIterator[Any], count: int) -> list[Choice]:
    choices = [Choice(i) for i in range(count)]
    parts: list[list[str]] = [[] for _ in range(count)]
    async for event in events:
        if isinstance(event, TextDelta):
            parts[event.index].append(event.text)
        elif isinstance(event, ChoiceFinished):
            choice = choices[event.index]
            choice.finish_reason = event.finish_reason
            choice.prompt_tokens = event.prompt_tokens
            choice.completion_tokens = event.completion_tokens
        elif isinstance(event, JobFailed):
            raise event.error
    for choice, texts in zip(choices, parts, strict=True):
        choice.text = "".join(texts)
    return choices


@dataclass
class _ChatStream:
    """Turns engine events into ``chat.completion.chunk`` objects."""

    id: str
    model: str
    created: int
    include_usage: bool
    prompt_tokens: int = 0
    completion_tokens: int = 0
    object_name: str = "chat.completion.chunk"

    def accepted(self, index: int) -> dict[str, Any] | None:
        return chat_chunk(self.id, self.model, self.created, index, {"role": "assistant", "content": ""})

    def text(self, index: int, text: str) -> dict[str, Any]:
        return chat_chunk(self.id, self.model, self.created, index, {"content": text})

    def finished(self, event: ChoiceFinished) -> dict[str, Any]:
        return chat_chunk(self.id, self.model, self.created, event.index, {}, event.finish_reason)

    def first_of_prompt(self, index: int) -> bool:
        return index == 0


@dataclass
class _TextStream:
    """Turns engine events into streamed ``text_completion`` objects."""

    id: str
    model: str
    created: int
    include_usage: bool
    request: CompletionRequest
    n: int
    prompt_tokens: int = 0
    completion_tokens: int = 0
    object_name: str = "text_completion"

    def accepted(self, index: int) -> dict[str, Any] | None:
        if not self.request.echo:
            return None
        return text_chunk(self.id, self.model, self.created, index, self.request.prompts[index // self.n])

    def text(self, index: int, text: str) -> dict[str, Any]:
        return text_chunk(self.id, self.model, self.created, index, text)

    def finished(self, event: ChoiceFinished) -> dict[str, Any]:
        return text_chunk(self.id, self.model, self.created, event.index, "", event.finish_reason)

    def first_of_prompt(self, index: int) -> bool:
        return index % self.n == 0


async def _stream(
    events: AsyncIterator[Any],
    cancel: Callable[[], None],
    fmt: _ChatStream | _TextStream,
    *,
    count_usage: bool = True,
) -> Response:
    """An SSE response. Waits until the prompt is accepted, so a prompt error is still a plain 4xx."""
    try:
        first = await anext(events)
    except BaseException:
        cancel()
        raise
    if isinstance(first, JobFailed):
        raise first.error

    async def body() -> AsyncIterator[bytes]:
        try:
            event = first
            while True:
                if isinstance(event, PromptAccepted):
                    chunk = fmt.accepted(event.index)
                    if chunk is not None:
                        yield sse(chunk)
                elif isinstance(event, TextDelta):
                    yield sse(fmt.text(event.index, event.text))
                elif isinstance(event, ChoiceFinished):
                    if count_usage:
                        fmt.completion_tokens += event.completion_tokens
                        if fmt.first_of_prompt(event.index):
                            fmt.prompt_tokens += event.prompt_tokens
                    yield sse(fmt.finished(event))
                elif isinstance(event, JobFailed):
                    yield sse(event.error.to_dict())
                    break
                elif isinstance(event, JobDone):
                    if fmt.include_usage:
                        yield sse(
                            usage_chunk(
                                fmt.id,
                                fmt.model,
                                fmt.created,
                                fmt.object_name,
                                fmt.prompt_tokens,
                                fmt.completion_tokens,
                            )
                        )
                    break
                event = await anext(events)
            yield SSE_DONE
        finally:
            cancel()

    response = Response(body(), status=200, mimetype="text/event-stream", headers=SSE_HEADERS)
    response.timeout = None
    return response
