"""Time from a web plumber's small-talk message ("hola": no AI model) to its reply on the socket, through the
real stack: gateway → n8n *Remedios · Chat: answer a plumber* → *Chat: find the answer* → *Chat: store and send
the reply* → *Remedios · Gateway: send a signed message* → gateway. Conversations one after the other, each on a new socket, after two warm-up ones.

    .venv/bin/python bench/n8n/bench_reply_latency.py [--messages 20] [--text "¿cómo cambio el cartucho?"]

--text sends another message instead of "hola": a plumbing question goes through the knowledge base and the
(tiny, generated) model, through the gateway's relay.

Starts its own stack (tiny generated model, unused here) in a scratch folder and stops it at the end. Prints one
JSON line: the reply latency and how long the send sub-workflow's saved executions took (failed ones only are
saved, so usually none).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import time
import uuid
from pathlib import Path

import psycopg
import websockets

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from devstack.stack import ONE_CLIENT_MANY_PLUMBERS, Stack  # noqa: E402
from tests.integration.conftest import scratch_run_dir, tiny_stack  # noqa: E402


async def reply_latencies(stack: Stack, messages: int, text: str = "hola", warmup: int = 2) -> list[float]:
    times = []
    for i in range(messages + warmup):
        url = f"ws://127.0.0.1:{stack.config.gateway_port}/ws?conversation={uuid.uuid4().hex}"
        async with websockets.connect(url) as socket:
            message_id, started = str(uuid.uuid4()), time.monotonic()
            await socket.send(json.dumps({"type": "message", "id": message_id, "text": text}))
            while True:
                event = json.loads(await socket.recv())
                if event.get("type") == "reply" and event.get("in_reply_to") == message_id:
                    break
            if i >= warmup:
                times.append(time.monotonic() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=20)
    parser.add_argument("--text", default="hola")
    args = parser.parse_args()
    run_dir = scratch_run_dir("bench-reply-latency")
    stack = tiny_stack(run_dir)
    stack.gateway_extra_env.update(ONE_CLIENT_MANY_PLUMBERS)
    try:
        stack.start()   # inside the try: a start that fails half-way leaves its Postgres up
        times = asyncio.run(reply_latencies(stack, args.messages, args.text))
        assert stack.n8n_db is not None
        with psycopg.connect(stack.n8n_db.url) as conn:
            saved = conn.execute("SELECT count(*) FROM execution_entity WHERE \"workflowId\" = 'RmdSendToGateway' "
                                 "AND \"deletedAt\" IS NULL"
                                 ).fetchone()[0]
        ordered = sorted(times)
        print(json.dumps({"text": args.text, "n": len(times), "p50_ms": round(statistics.median(times) * 1000, 1),
                          "p90_ms": round(ordered[int(0.9 * len(ordered)) - 1] * 1000, 1),
                          "send_executions_saved": saved, "load_avg_1m": round(os.getloadavg()[0], 2)}))
    finally:
        stack.stop()
        shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    from tests.support.scratch_postgres import signals_end_the_run

    with signals_end_the_run():   # `kill`, a closed terminal: the private stack is stopped too
        main()
