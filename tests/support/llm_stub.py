"""A deterministic OpenAI-compatible chat server on loopback, for tests where the model's words matter.

The real LLM server (llm-server/) is tested on its own; here it is replaced so that a workflow test can say
exactly what "the model" answers: ``stub.script("marker", json_reply({...}), error_reply(422, ...))`` makes
the next requests whose last user message contains ``marker`` get those answers in turn (the last one is
repeated once the script is used up). Requests that match no script get ``default_text`` as a plain chat
answer, or 500 when they ask for JSON (``response_format``): an unscripted JSON request is a test bug.

Every request body is recorded (``stub.requests``), so tests can check what the workflow asked for.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.loopback import serve, shut

MODEL_ID = "remedios-stub"


def marker() -> str:
    """A unique word in the plumber's text: the stub answers requests that contain it (``script``). Letters only
    (g to v): digits inside it ("obra9e15c2d7a") were read as a size, and "3 metros de tubería de cobre" became 15 mm
    copper in about one run in seventy (CI, 2026-12-06)."""
    return "obra" + "".join(chr(ord("g") + int(digit, 16)) for digit in uuid.uuid4().hex[:10])


@dataclass(frozen=True)
class StubReply:
    status: int
    body: dict[str, Any]
    delay: float = 0.0  # seconds to wait before answering, like a model that takes its time


def slow(reply: StubReply, seconds: float) -> StubReply:
    return replace(reply, delay=seconds)


def text_reply(content: str) -> StubReply:
    """A 200 chat completion whose message content is ``content``, as is (also for invalid JSON)."""
    return StubReply(200, {
        "id": "chatcmpl-stub", "object": "chat.completion", "created": int(time.time()), "model": MODEL_ID,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    })


def json_reply(value: Any) -> StubReply:
    """What the LLM server returns in JSON mode: the value re-serialised as the message content."""
    return text_reply(json.dumps(value, ensure_ascii=False))


def error_reply(status: int, code: str, message: str, type_: str = "invalid_request_error") -> StubReply:
    """An error in the LLM server's shape (llm-server/README.md, "Errors")."""
    return StubReply(status, {"error": {"message": message, "type": type_, "param": None, "code": code}})


def validation_failed() -> StubReply:
    """The LLM server's answer when no attempt of the model validated against the JSON Schema."""
    return error_reply(422, "json_validation_failed",
                       "The model's output did not validate after 3 attempts: at items/0: 'quantity' is a required "
                       "property", type_="invalid_response_error")


@dataclass
class LlmStub:
    default_text: str = "Respuesta de prueba: cierre la llave de paso y revise la junta."
    requests: list[dict[str, Any]] = field(default_factory=list)
    _scripts: list[tuple[str, list[StubReply]]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    # ------------------------------------------------------------------ scripting
    def script(self, marker: str, *replies: StubReply) -> None:
        """Requests whose last user message contains ``marker`` get ``replies`` in order, then the last again."""
        assert replies
        with self._lock:
            self._scripts.append((marker, list(replies)))

    def requests_with(self, marker: str) -> list[dict[str, Any]]:
        with self._lock:
            return [r for r in self.requests if marker in last_user_text(r)]

    def _answer(self, body: dict[str, Any]) -> StubReply:
        text = last_user_text(body)
        with self._lock:
            self.requests.append(body)
            for marker, replies in self._scripts:
                if marker in text:
                    return replies.pop(0) if len(replies) > 1 else replies[0]
        if body.get("response_format"):
            return error_reply(500, "unscripted", f"llm stub: no script for a JSON request: {text[:200]!r}")
        return text_reply(self.default_text)

    # ------------------------------------------------------------------ server
    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def start(self) -> LlmStub:
        answer: Callable[[dict[str, Any]], StubReply] = self._answer

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep pytest output clean
                pass

            def _send(self, reply: StubReply) -> None:
                data = json.dumps(reply.body).encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path.rstrip("/") in ("/healthz", "/v1/models"):
                    self._send(StubReply(200, {"object": "list", "data": [{"id": MODEL_ID, "object": "model"}]}))
                else:
                    self._send(error_reply(404, "unknown_url", self.path))

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path != "/v1/chat/completions":
                    self._send(error_reply(404, "unknown_url", self.path))
                    return
                try:
                    body = json.loads(raw)
                except ValueError:
                    self._send(error_reply(400, "invalid_json", "request body is not JSON"))
                    return
                reply = answer(body)
                if reply.delay:
                    time.sleep(reply.delay)
                self._send(reply)

        self._server = serve(Handler, "llm-stub")
        return self

    def stop(self) -> None:
        shut(self._server)
        self._server = None


def last_user_text(body: dict[str, Any]) -> str:
    for message in reversed(body.get("messages") or []):
        if isinstance(message, dict) and message.get("role") == "user":
            content = message.get("content")
            return content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    return ""
