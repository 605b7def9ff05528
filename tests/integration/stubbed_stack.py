"""The real stack with the model replaced by a deterministic stub, shared by every test module that needs to
decide what "the model" says or to see what it was asked (estimates, takeover).

Real n8n, real Postgres, real gateway; only the model is tests/support/llm_stub.py. n8n's callbacks go through
a recorder that checks the signature and forwards them to the real gateway, so tests see the exact bytes the
gateway receives (and can make the gateway refuse or die at a chosen reply). conftest.py starts one for the
session (`stubbed_stack`): tests keep to their own conversations, words (`marker()`) and scripts, and put back
any setting they change.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import psycopg

from devstack.config import StackConfig
from devstack.n8n import N8nCli
from devstack.processes import free_port
from devstack.stack import ONE_CLIENT_MANY_PLUMBERS, Stack
from devstack.workflow_settings import SETTING_OF_VARIABLE
from tests.integration.conftest import rows, scratch_run_dir
from tests.support.llm_stub import LlmStub
from tests.support.loopback import serve, shut
from tests.support.tiny_gguf import make_tiny_gguf


@dataclass
class StubbedStack(Stack):
    """The real stack, with some of the workflows' settings replaced (the LLM URL, the callback URL).

    `n8n_overrides` names them by their variables (REMEDIOS_LLM_BASE_URL…): those become rows of remedios_settings
    (overriding a setting means writing the row: n8n's environment is closed to workflows); any other variable is
    set in n8n's environment (the same dict the CLI and the n8n process use)."""

    n8n_overrides: dict[str, str] = field(default_factory=dict)

    def n8n_cli(self) -> N8nCli:
        cli = super().n8n_cli()
        for name, value in self.n8n_overrides.items():
            if name in SETTING_OF_VARIABLE:
                self.settings_overrides[SETTING_OF_VARIABLE[name]] = value
            else:
                self.n8n_env[name] = value
        return cli


class CallbackRecorder:
    """Between n8n and the gateway: records each callback (with its signature checked) and forwards it."""

    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.calls: list[dict[str, Any]] = []
        # replies to these conversations are answered 503 and not forwarded, as a gateway that cannot take them
        self.refused: set[str] = set()
        # the first reply to one of these conversations is forwarded, then the gateway is killed (SIGKILL) before
        # n8n hears its answer: the gateway took the reply and died before saying so
        self.crash_after_taking: set[str] = set()
        # the first reply to one of these conversations kills n8n (SIGKILL) as it arrives, before it reaches the
        # gateway: the answer is stored, the execution that was sending it is gone
        self.kill_n8n_on_reply: set[str] = set()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/callbacks/n8n"

    def replies_to(self, message_id: str) -> list[dict[str, Any]]:
        """The replies to `message_id` forwarded to the gateway (not those refused, see `refused`)."""
        with self._lock:
            return [c["body"] for c in self.calls if not c.get("refused")
                    and c["body"].get("type") == "reply" and c["body"].get("in_reply_to") == message_id]

    def refused_replies_to(self, message_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [c["body"] for c in self.calls if c.get("refused") and c["body"].get("in_reply_to") == message_id]

    def start(self) -> CallbackRecorder:
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                timestamp = self.headers.get("X-Remedios-Timestamp", "")
                signature = self.headers.get("X-Remedios-Signature", "")
                secret = recorder.stack.secrets["REMEDIOS_CALLBACK_SECRET"].encode()
                expected = "sha256=" + hmac.new(secret, f"{timestamp}.".encode() + raw, hashlib.sha256).hexdigest()
                body = json.loads(raw)
                if body.get("type") == "reply" and body.get("conversation_id") in recorder.kill_n8n_on_reply:
                    recorder.kill_n8n_on_reply.discard(body["conversation_id"])
                    with recorder._lock:
                        recorder.calls.append({"body": body, "signed": True, "gateway_status": None, "refused": True})
                    assert recorder.stack.n8n is not None
                    recorder.stack.n8n.kill()
                    self.close_connection = True
                    return
                if body.get("type") == "reply" and body.get("conversation_id") in recorder.refused:
                    with recorder._lock:
                        recorder.calls.append({"body": body, "signed": hmac.compare_digest(signature, expected),
                                               "gateway_status": 503, "refused": True})
                    self.send_response(503)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                response = httpx.post(recorder.stack.config.gateway_url + "/callbacks/n8n", content=raw, timeout=15,
                                      headers={"Content-Type": "application/json", "X-Remedios-Timestamp": timestamp,
                                               "X-Remedios-Signature": signature})
                with recorder._lock:
                    recorder.calls.append({"body": json.loads(raw), "signed": hmac.compare_digest(signature, expected),
                                           "gateway_status": response.status_code, "gateway_body": response.text})
                conversation_id = body.get("conversation_id")
                if body.get("type") == "reply" and conversation_id in recorder.crash_after_taking:
                    recorder.crash_after_taking.discard(conversation_id)
                    time.sleep(0.5)  # the pages got the push
                    assert recorder.stack.gateway is not None
                    recorder.stack.gateway.kill()
                    self.close_connection = True  # no answer: n8n sees the connection drop
                    return
                self.send_response(response.status_code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(response.content)))
                self.end_headers()
                self.wfile.write(response.content)

        self._server = serve(Handler, "callback-recorder")
        return self

    def stop(self) -> None:
        shut(self._server)


@dataclass
class EstimateStack:
    """The stubbed stack with its model stub and its callback recorder (the name is the estimates tests', its
    first users; the takeover tests use it too)."""

    stack: StubbedStack
    llm: LlmStub
    callbacks: CallbackRecorder

    def db(self, query: str, *params: Any) -> list[tuple[Any, ...]]:
        return rows(self.stack, query, *params)

    def run(self, statement: str, *params: Any) -> None:
        """A statement that returns no rows (committed)."""
        assert self.stack.app_db is not None
        with psycopg.connect(self.stack.app_db.url) as conn:
            conn.execute(statement, params)

    @property
    def public_url(self) -> str:
        return self.stack.settings["public_url"]

    def post_message(self, text: str, *, metadata: dict[str, Any] | None = None, conversation_id: str | None = None,
                     message_id: str | None = None) -> tuple[str, str, httpx.Response]:
        """What the gateway sends to the chat webhook (docs/contracts.md §2)."""
        conversation_id = conversation_id or f"web:est{uuid.uuid4().hex[:12]}"
        message_id = message_id or str(uuid.uuid4())
        response = httpx.post(
            self.stack.config.n8n_url + "/webhook/remedios-chat", timeout=30,
            headers={"X-Remedios-Token": self.stack.secrets["N8N_WEBHOOK_TOKEN"]},
            json={"conversation_id": conversation_id, "message_id": message_id, "channel": "web",
                  "sender": {"id": conversation_id, "name": None}, "text": text,
                  "timestamp": "2026-11-23T10:00:00.000Z", "metadata": metadata or {}})
        return conversation_id, message_id, response

    def answer(self, message_id: str, timeout: float = 90) -> dict[str, Any]:
        """The stored reply to a message, once it has also been delivered to the gateway."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.db("SELECT id, text, status, error, metadata FROM messages "
                            "WHERE in_reply_to = %s AND role = 'assistant'", message_id)
            if found and self.callbacks.replies_to(message_id):
                message_id_, text, status, error, metadata = found[0]
                return {"id": message_id_, "text": text, "status": status, "error": error, "metadata": metadata}
            time.sleep(0.25)
        raise AssertionError(f"no answer to {message_id} within {timeout} s")

    def notifications(self, conversation_id: str, expected: int = 1, timeout: float = 20) -> list[tuple[Any, ...]]:
        """staff_notifications rows of a conversation (the notification runs on its own, so wait for it)."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.db("SELECT kind, estimate_number, summary FROM staff_notifications "
                            "WHERE conversation_id = %s ORDER BY id", conversation_id)
            if len(found) >= expected or time.monotonic() > deadline:
                return found
            time.sleep(0.25)


def wait_for_published_workflows(stack: Stack, timeout: float = 60) -> None:
    """Workflows published with the CLI go live when the running n8n works through its publication queue,
    a moment after the webhooks answer; sub-workflows called by id need to be live too."""
    assert stack.n8n_db is not None
    deadline = time.monotonic() + timeout
    with psycopg.connect(stack.n8n_db.url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            pending = conn.execute("SELECT count(*) FROM workflow_publication_outbox WHERE status <> 'completed'")
            if pending.fetchone()[0] == 0:
                return
            time.sleep(0.5)
    raise AssertionError("n8n did not publish the workflows in time")


@contextmanager
def started_stubbed_stack() -> Iterator[EstimateStack]:
    """A stubbed stack on free ports, started and with every workflow published; stopped and removed after."""
    run_dir = scratch_run_dir("stubbed")
    config = StackConfig.from_env(
        run_dir=run_dir, database_url=None, llm_model=make_tiny_gguf(run_dir / "tiny-model.gguf"), llm_threads=1,
        postgres_port=free_port(), n8n_port=free_port(), n8n_runner_port=free_port(), llm_port=free_port(),
        gateway_port=free_port(),
    )
    llm = LlmStub().start()
    running = StubbedStack(config, say=lambda line: print(line, flush=True))
    recorder = CallbackRecorder(running).start()
    running.n8n_overrides.update({"REMEDIOS_LLM_BASE_URL": llm.base_url, "REMEDIOS_GATEWAY_CALLBACK_URL": recorder.url})
    running.gateway_extra_env["GATEWAY_LLM_URL"] = llm.base_url  # the chat's model calls go through the relay
    running.gateway_extra_env.update(ONE_CLIENT_MANY_PLUMBERS)  # every test's client comes from 127.0.0.1
    try:
        running.start()
        wait_for_published_workflows(running)
        yield EstimateStack(running, llm, recorder)
    finally:
        running.stop()
        recorder.stop()
        llm.stop()
        shutil.rmtree(run_dir, ignore_errors=True)
