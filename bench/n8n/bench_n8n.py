"""n8n throughput: the chat workflow (LLM replaced by an instant local stub) beside a bare Webhook → Code
workflow, on the same n8n and Postgres, in the same run.

    .venv/bin/python bench/n8n/bench_n8n.py [--seconds 30] [--concurrency 10] [--mode single|queue]

--mode queue runs n8n as in the compose ``scale`` profile: main + worker (--concurrency=10) + webhook
processes sharing Redis; the load goes to the webhook process.

"Executions/s" for the chat workflow counts replies that reached the callback receiver (the whole
workflow: store, history, LLM call, store answer, sign, callback); for the bare workflow, responses.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from devstack.config import StackConfig  # noqa: E402
from devstack.processes import free_port  # noqa: E402
from devstack import secrets as secrets_store  # noqa: E402
from devstack.scale import ScaledStack  # noqa: E402
from devstack.stack import Stack  # noqa: E402

BARE_WORKFLOW = Path(__file__).with_name("bare-webhook.json")
COMPLETION = json.dumps({
    "id": "chatcmpl-bench", "object": "chat.completion", "created": 0, "model": "stub",
    "choices": [{"index": 0, "finish_reason": "stop",
                 "message": {"role": "assistant", "content": "Cierre la llave de paso y cambie el cartucho."}}],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}).encode()


class Counter:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0

    def add(self) -> None:
        with self.lock:
            self.count += 1


def serve(port: int, handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stub_llm_handler() -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers.get("content-length", 0)))
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(COMPLETION)))
            self.end_headers()
            self.wfile.write(COMPLETION)

        def do_GET(self) -> None:  # noqa: N802  (health probes)
            self.send_response(200)
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args: object) -> None:
            pass

    return Handler


def receiver_handler(counter: Counter) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers.get("content-length", 0)))
            counter.add()
            self.send_response(200)
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args: object) -> None:
            pass

    return Handler


async def load(url: str, headers: dict[str, str], seconds: float, concurrency: int) -> tuple[int, int, list[float]]:
    ok = failed = 0
    latencies: list[float] = []
    deadline = time.monotonic() + seconds
    conversation = f"web:bench{uuid.uuid4().hex[:8]}"

    async def worker(client: httpx.AsyncClient, n: int) -> None:
        nonlocal ok, failed
        while time.monotonic() < deadline:
            body = {"conversation_id": f"{conversation}-{n}", "message_id": str(uuid.uuid4()), "channel": "web",
                    "sender": {"id": "bench", "name": None}, "text": "¿Cómo cambio un cartucho?",
                    "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "metadata": {}}
            start = time.perf_counter()
            try:
                response = await client.post(url, json=body, headers=headers, timeout=30)
                ok += response.status_code == 200
                failed += response.status_code != 200
            except httpx.HTTPError:
                failed += 1
            latencies.append(time.perf_counter() - start)

    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=concurrency)) as client:
        await asyncio.gather(*(worker(client, n) for n in range(concurrency)))
    return ok, failed, latencies


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--mode", choices=["single", "queue"], default="single")
    args = parser.parse_args()

    run_dir = Path(tempfile.mkdtemp(prefix="remedios-bench-n8n-"))
    config = StackConfig.from_env(
        run_dir=run_dir, database_url=None, postgres_port=free_port(), n8n_port=free_port(),
        n8n_runner_port=free_port(), llm_port=free_port(), gateway_port=free_port(),
    )
    replies = Counter()
    servers = [serve(config.llm_port, stub_llm_handler()), serve(config.gateway_port, receiver_handler(replies))]
    say = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    stack = ScaledStack(config, say=say) if args.mode == "queue" else Stack(config, say=say)
    try:
        stack.secrets = secrets_store.load_or_create(run_dir)
        stack.start_postgres()
        if isinstance(stack, ScaledStack):
            stack.start_queue_mode_n8n(extra_workflows=[BARE_WORKFLOW])
            base = stack.webhook_url + "/webhook/"
        else:
            stack.prepare_n8n()
            stack.n8n_cli().import_and_publish([BARE_WORKFLOW])
            stack.start_n8n()
            base = config.n8n_url + "/webhook/"
        token = {"X-Remedios-Token": stack.secrets["N8N_WEBHOOK_TOKEN"]}
        asyncio.run(load(base + "bench-bare", {}, 3, 2))  # warm-up

        ok, failed, latencies = asyncio.run(load(base + "bench-bare", {}, args.seconds, args.concurrency))
        bare = {"executions_per_s": ok / args.seconds, "failed": failed,
                "p50_ms": pct(latencies, 0.5), "p99_ms": pct(latencies, 0.99)}

        before = replies.count
        started = time.monotonic()
        ok, failed, latencies = asyncio.run(load(base + "remedios-chat", token, args.seconds, args.concurrency))
        sent_for = time.monotonic() - started
        # Executions go on after the webhook answered; wait for the callbacks to drain.
        drain_deadline = time.monotonic() + 120
        while replies.count - before < ok and time.monotonic() < drain_deadline:
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        chat = {"accepted_per_s": ok / sent_for, "completed_executions": replies.count - before,
                "executions_per_s": (replies.count - before) / elapsed, "failed": failed,
                "webhook_p50_ms": pct(latencies, 0.5), "webhook_p99_ms": pct(latencies, 0.99)}
        print(json.dumps({
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "machine": f"{os.cpu_count()} cores, {platform.platform()}",
            "mode": args.mode, "seconds": args.seconds, "concurrency": args.concurrency,
            "n8n_env": {k: stack.n8n_env.get(k) for k in ("N8N_EXPRESSION_ENGINE", "EXECUTIONS_DATA_SAVE_ON_SUCCESS")},
            "bare_webhook_code": bare, "chat_workflow_stub_llm": chat,
        }, indent=2))
    finally:
        stack.stop()
        for server in servers:
            server.shutdown()


if __name__ == "__main__":
    from tests.support.scratch_postgres import signals_end_the_run

    with signals_end_the_run():   # `kill`, a closed terminal: the private stack is stopped too
        main()
