"""`POST /llm/v1/chat/completions`: n8n asks the model through the gateway, which streams the answer to the
plumber while it is written (docs/contracts.md §4c).

n8n still decides everything (prompt, retrieval, post-processing, storage); the LLM server still knows nothing
about conversations. The relay:

1. checks the request's signature exactly like the callback's (gateway/signing.py, REMEDIOS_CALLBACK_SECRET):
   401 and nothing sent to the model otherwise;
2. takes the request's `remedios` object out ({conversation_id, in_reply_to, safety_message?, article?}; 400 if
   it is malformed) and forwards the rest, with `stream: true` and n8n's `Authorization` header, to the LLM server
   (GATEWAY_LLM_URL);
3. web conversations: pushes the safety message and the cited article's card at once (before the model
   starts), the place in the line
   while other calls are ahead ("2 consultas por delante"), then the text as the model writes it, as `draft`
   events (gateway/drafts.py); WhatsApp conversations: keeps the typing indicator alive every
   GATEWAY_WHATSAPP_TYPING_REFRESH seconds and, when the wait is real (1 or more ahead), sends one short
   notice with the place in the line;
4. answers n8n with the whole completion, non-streamed (`chat.completion`), as the LLM server would have.

A dead, refusing or failing LLM server gives n8n a clear OpenAI-style error (502 `llm_unavailable`, 504
`llm_timeout`, or the LLM server's own 4xx/5xx passed on), so the workflow's apology path runs as before.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from quart import Blueprint, Response, request

from gateway.article_card import optional_article
from gateway.channels.base import Notice, Typing
from gateway.drafts import DraftBoard
from gateway.settings import LlmRelaySettings
from gateway.logs import log_event
from gateway.model_line import ModelLine, Ticket, queue_text
from gateway.signing import signed_body

logger = logging.getLogger("gateway.llm_relay")

CONTEXT_FIELD = "remedios"
WEB_PREFIX = "web:"
WHATSAPP_PREFIX = "wa:"
_MAX_ID = 200
_MAX_SAFETY = 2000


class RelayError(Exception):
    """An answer for n8n in the OpenAI error shape."""

    def __init__(self, status: int, code: str, message: str, kind: str = "relay_error") -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.kind = kind

    def response(self) -> Response:
        body = {"error": {"message": self.message, "type": self.kind, "code": self.code}}
        return Response(json.dumps(body, ensure_ascii=False), status=self.status,
                        content_type="application/json; charset=utf-8")


@dataclass(frozen=True)
class RelayContext:
    conversation_id: str
    in_reply_to: str
    safety_message: str = ""
    article: dict[str, Any] | None = None  # the cited article's card (gateway/article_card.py), shown at once

    @property
    def web(self) -> bool:
        return self.conversation_id.startswith(WEB_PREFIX)

    @property
    def whatsapp(self) -> bool:
        return self.conversation_id.startswith(WHATSAPP_PREFIX)


class WhatsAppSide(Protocol):
    """What the relay needs of the WhatsApp channel (gateway/channels/whatsapp.py)."""

    async def send_typing(self, typing: Typing) -> int: ...

    async def send_notice(self, notice: Notice) -> int: ...


def parse_request(body: bytes) -> tuple[dict[str, Any], RelayContext | None]:
    """The chat request to forward (without `remedios`) and the conversation it answers, if it names one."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise RelayError(400, "invalid_json", "the body is not JSON", "invalid_request_error") from None
    if not isinstance(data, dict):
        raise RelayError(400, "invalid_request", "the body is not a JSON object", "invalid_request_error")
    context = data.pop(CONTEXT_FIELD, None)
    if context is None:
        return data, None
    if not isinstance(context, dict):
        raise RelayError(400, "invalid_context", f"{CONTEXT_FIELD} must be an object", "invalid_request_error")
    ids = []
    for key in ("conversation_id", "in_reply_to"):
        value = context.get(key)
        if not isinstance(value, str) or not value or len(value) > _MAX_ID:
            raise RelayError(400, "invalid_context",
                             f"{CONTEXT_FIELD}.{key} must be a non-empty string of at most {_MAX_ID} characters",
                             "invalid_request_error")
        ids.append(value)
    safety = context.get("safety_message") or ""
    if not isinstance(safety, str) or len(safety) > _MAX_SAFETY:
        raise RelayError(400, "invalid_context",
                         f"{CONTEXT_FIELD}.safety_message must be a string of at most {_MAX_SAFETY} characters",
                         "invalid_request_error")
    # an unusable card is dropped (as in a reply): the draft goes on without it
    return data, RelayContext(ids[0], ids[1], safety.strip(), optional_article(context.get("article")))


@dataclass
class Completion:
    """The streamed chunks put back together as one `chat.completion`."""

    id: str = ""
    model: str = ""
    created: int = 0
    text: str = ""
    finish_reason: str | None = None
    usage: dict[str, Any] | None = None
    first_token_at: float | None = None

    def add(self, chunk: dict[str, Any]) -> str:
        """Take one chunk; returns the text it added to the first choice ('' if none)."""
        self.id = self.id or str(chunk.get("id") or "")
        self.model = self.model or str(chunk.get("model") or "")
        self.created = self.created or int(chunk.get("created") or 0)
        if isinstance(chunk.get("usage"), dict):
            self.usage = chunk["usage"]
        added = ""
        for choice in chunk.get("choices") or ():
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            delta = choice.get("delta") or {}
            content = delta.get("content") if isinstance(delta, dict) else None
            if isinstance(content, str) and content:
                added += content
            if choice.get("finish_reason"):
                self.finish_reason = choice["finish_reason"]
        self.text += added
        return added

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": self.id,
            "object": "chat.completion",
            "created": self.created or int(time.time()),
            "model": self.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": self.text},
                         "finish_reason": self.finish_reason or "stop"}],
        }
        if self.usage is not None:
            body["usage"] = self.usage
        return body


async def sse_chunks(lines: AsyncIterator[str]) -> AsyncIterator[dict[str, Any]]:
    """The JSON objects of an OpenAI SSE stream, until `[DONE]`; an `error` object raises RelayError."""
    async for line in lines:
        if not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            return
        try:
            chunk = json.loads(data)
        except ValueError:
            raise RelayError(502, "llm_bad_stream", "the LLM server sent a chunk that is not JSON",
                             "llm_unavailable") from None
        if isinstance(chunk, dict) and isinstance(chunk.get("error"), dict):
            error = chunk["error"]
            raise RelayError(502, str(error.get("code") or "llm_failed"),
                             f"the LLM server failed while answering: {error.get('message') or error}",
                             "llm_unavailable")
        if isinstance(chunk, dict):
            yield chunk


class Relay:
    """The relay's state: its HTTP client to the LLM server, the line of model calls, the drafts."""

    def __init__(
        self,
        settings: LlmRelaySettings,
        board: DraftBoard,
        *,
        whatsapp: WhatsAppSide | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.board = board
        self.line = ModelLine(settings.slots)
        self._whatsapp = whatsapp
        self._clock = clock
        self._client: httpx.AsyncClient | None = None

    async def start(self) -> None:
        s = self.settings
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            limits=httpx.Limits(max_connections=64, max_keepalive_connections=8),
        )

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            raise RuntimeError("the model relay is not started")
        return self._client

    async def complete(
        self, payload: dict[str, Any], context: RelayContext | None, authorization: str | None
    ) -> dict[str, Any]:
        """Stream one completion from the LLM server, relaying it; the whole completion, or RelayError."""
        started = self._clock()
        ticket = self.line.join()
        side_tasks: list[asyncio.Task[None]] = []
        try:
            if context is not None:
                await self._before_model(context, ticket, side_tasks)
            completion = await self._stream(payload, context, ticket, authorization)
        finally:
            self.line.leave(ticket)
            for task in side_tasks:
                task.cancel()
            await asyncio.gather(*side_tasks, return_exceptions=True)
        log_event(
            logger, "model_relayed", conversation_id=context.conversation_id if context else None,
            message_id=context.in_reply_to if context else None,
            first_token_s=round(completion.first_token_at - started, 3) if completion.first_token_at else None,
            total_s=round(self._clock() - started, 3), chars=len(completion.text),
            finish_reason=completion.finish_reason,
        )
        return completion.body()

    async def _before_model(self, context: RelayContext, ticket: Ticket, side_tasks: list[asyncio.Task[None]]) -> None:
        ahead = self.line.ahead(ticket)
        if context.web:
            # The safety message, the verified procedure and the place in the line reach the page before the
            # model starts.
            if context.safety_message or context.article or ahead:
                await self.board.update(context.conversation_id, context.in_reply_to,
                                        safety=context.safety_message, article=context.article, ahead=ahead)
            if ahead:
                side_tasks.append(asyncio.create_task(self._follow_line(context, ticket, ahead)))
        elif context.whatsapp and (whatsapp := self._whatsapp) is not None:
            side_tasks.append(asyncio.create_task(self._keep_typing(whatsapp, context)))
            if ahead:
                text = f"Hay {queue_text(ahead)}. Te respondo en cuanto llegue tu turno."
                if context.safety_message:
                    text = context.safety_message + "\n\n" + text
                notice = Notice(context.conversation_id, "whatsapp", context.in_reply_to, "queue", text)
                if await whatsapp.send_notice(notice):  # once per message, even if n8n runs it again
                    log_event(logger, "queue_notice_sent", conversation_id=context.conversation_id,
                              message_id=context.in_reply_to, ahead=ahead)

    async def _follow_line(self, context: RelayContext, ticket: Ticket, shown: int) -> None:
        """Push the new place in the line each time a call ahead finishes, until the model starts on this one."""
        while not ticket.started:
            await ticket.moved.wait()
            ticket.moved.clear()
            ahead = self.line.ahead(ticket)
            if ahead != shown and not ticket.started:
                shown = ahead
                await self.board.update(context.conversation_id, context.in_reply_to, ahead=ahead)

    async def _keep_typing(self, whatsapp: WhatsAppSide, context: RelayContext) -> None:
        """WhatsApp shows "escribiendo…" for 25 s at most: refresh it until the answer is written."""
        typing = Typing(conversation_id=context.conversation_id, channel="whatsapp", active=True,
                        in_reply_to=context.in_reply_to)
        while True:
            await whatsapp.send_typing(typing)
            await asyncio.sleep(self.settings.typing_refresh)

    async def _stream(
        self, payload: dict[str, Any], context: RelayContext | None, ticket: Ticket, authorization: str | None
    ) -> Completion:
        forwarded = dict(payload, stream=True, stream_options={"include_usage": True})
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
        if authorization:
            headers["Authorization"] = authorization
        url = self.settings.url + "/chat/completions"
        completion = Completion()
        drafts = context is not None and context.web
        last_push = 0.0
        pushed_len = 0
        try:
            async with self.client.stream("POST", url, content=json.dumps(forwarded).encode(),
                                          headers=headers) as response:
                if response.status_code != 200:
                    raise await _upstream_error(response)
                if not response.headers.get("content-type", "").startswith("text/event-stream"):
                    # an OpenAI-compatible server that does not stream: its whole answer is one step
                    chunks = _whole_answer(await response.aread())
                else:
                    chunks = sse_chunks(response.aiter_lines())
                async for chunk in chunks:
                    added = completion.add(chunk)
                    if not added:
                        continue
                    now = self._clock()
                    if completion.first_token_at is None:
                        completion.first_token_at = now
                        self.line.started(ticket)
                    if drafts and (pushed_len == 0 or now - last_push >= self.settings.draft_interval):
                        assert context is not None
                        await self.board.update(context.conversation_id, context.in_reply_to,
                                                text=completion.text, ahead=0)
                        last_push, pushed_len = now, len(completion.text)
        except httpx.TimeoutException as exc:
            raise RelayError(504, "llm_timeout", f"the LLM server at {url} did not answer in time "
                             f"({type(exc).__name__})", "llm_unavailable") from None
        except httpx.HTTPError as exc:
            raise RelayError(502, "llm_unreachable", f"the LLM server at {url} is unreachable: "
                             f"{type(exc).__name__}: {exc}", "llm_unavailable") from None
        if drafts and len(completion.text) != pushed_len:
            assert context is not None
            await self.board.update(context.conversation_id, context.in_reply_to, text=completion.text, ahead=0)
        return completion


async def _whole_answer(raw: bytes) -> AsyncIterator[dict[str, Any]]:
    """A non-streamed `chat.completion` as the one chunk it would have been streamed as."""
    try:
        body = json.loads(raw)
        choice = body["choices"][0]
        content = choice["message"]["content"]
    except (ValueError, LookupError, TypeError):
        raise RelayError(502, "llm_bad_answer", "the LLM server's answer is not a chat completion",
                         "llm_unavailable") from None
    yield {"id": body.get("id"), "model": body.get("model"), "created": body.get("created"),
           "usage": body.get("usage"),
           "choices": [{"index": 0, "delta": {"content": content or ""},
                        "finish_reason": choice.get("finish_reason")}]}


async def _upstream_error(response: httpx.Response) -> RelayError:
    raw = await response.aread()
    try:
        error = json.loads(raw).get("error") or {}
        message = str(error.get("message") or raw[:500].decode("utf-8", "replace"))
        code = str(error.get("code") or f"llm_http_{response.status_code}")
    except (ValueError, AttributeError):
        message, code = raw[:500].decode("utf-8", "replace"), f"llm_http_{response.status_code}"
    return RelayError(response.status_code if 400 <= response.status_code < 600 else 502, code,
                      f"the LLM server answered {response.status_code}: {message}", "llm_error")


def llm_relay_blueprint(
    relay: Relay, *, secret: str, max_age: int, clock: Callable[[], float] = time.time
) -> Blueprint:
    bp = Blueprint("llm_relay", __name__)
    bp.before_app_serving(relay.start)
    bp.after_app_serving(relay.aclose)

    @bp.post("/llm/v1/chat/completions")
    async def chat_completions() -> Response | tuple[dict[str, Any], int]:
        body = await signed_body(secret, max_age=max_age, clock=clock, logger=logger, refused="relay_unauthorized")
        if body is None:
            return RelayError(401, "unauthorized", "missing or invalid X-Remedios-Signature",
                              "authentication_error").response()
        context: RelayContext | None = None
        try:
            payload, context = parse_request(body)
            completion = await relay.complete(payload, context, request.headers.get("Authorization"))
        except RelayError as exc:
            log_event(logger, "relay_failed", level=logging.WARNING,
                      conversation_id=context.conversation_id if context else None,
                      message_id=context.in_reply_to if context else None,
                      code=exc.code, status=exc.status, error=exc.message)
            return exc.response()
        except asyncio.CancelledError:  # n8n gave up (its timeout): the LLM server's job is cancelled with it
            log_event(logger, "relay_cancelled", level=logging.WARNING,
                      conversation_id=context.conversation_id if context else None,
                      message_id=context.in_reply_to if context else None)
            raise
        return completion, 200

    return bp
