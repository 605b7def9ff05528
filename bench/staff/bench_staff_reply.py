"""A person's reply reaching the plumber's page, on loopback, through the real stack: the staff socket →
gateway → n8n (*Remedios · Staff: console*: session check, ownership check, store) → signed callback → gateway →
the plumber's WebSocket. Measures from sending the `reply` frame to the plumber's socket receiving the reply.

    .venv/bin/python bench/staff/bench_staff_reply.py [--replies 200] [--warmup 10]

Starts its own stack (embedded Postgres, n8n, gateway; the LLM server on a tiny generated model, unused here)
in a scratch folder and stops it at the end. Replies are sent one at a time (a person types one at a time).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import sys
import time
import uuid
from pathlib import Path

import httpx
import websockets

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from devstack.config import StackConfig  # noqa: E402
from devstack.postgres import scratch_folder  # noqa: E402
from devstack.processes import free_port  # noqa: E402
from devstack.stack import ONE_CLIENT_MANY_PLUMBERS, Stack  # noqa: E402
from devstack.staff import set_account  # noqa: E402
from tests.support.tiny_gguf import make_tiny_gguf  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


async def wait_for(socket: websockets.ClientConnection, predicate, timeout: float = 60) -> dict:
    async with asyncio.timeout(timeout):
        while True:
            event = json.loads(await socket.recv())
            if predicate(event):
                return event


async def measure(stack: Stack, replies: int, warmup: int) -> dict[str, float]:
    assert stack.app_db is not None
    set_account(stack.app_db.url, "bench", "Banco de pruebas", "clave-del-banco-1")
    login = httpx.post(stack.config.gateway_url + "/staff/api/login",
                       json={"username": "bench", "password": "clave-del-banco-1"}, timeout=30)
    login.raise_for_status()
    cookie = {"Cookie": f"remedios_staff={login.cookies['remedios_staff']}"}
    browser_id = uuid.uuid4().hex
    base = f"ws://127.0.0.1:{stack.config.gateway_port}"
    async with websockets.connect(f"{base}/ws?conversation={browser_id}") as plumber, \
            websockets.connect(f"{base}/staff/ws", additional_headers=cookie) as staff:
        await plumber.send(json.dumps({"type": "message", "id": uuid.uuid4().hex, "text": "hola"}))
        await wait_for(plumber, lambda e: e.get("type") == "reply")
        await staff.send(json.dumps({"type": "take", "request": "take", "conversation_id": f"web:{browser_id}",
                                     "key": uuid.uuid4().hex}))
        taken = await wait_for(staff, lambda e: e.get("type") == "result" and e.get("request") == "take")
        assert taken["ok"], taken
        await wait_for(plumber, lambda e: e.get("type") == "reply" and e["id"].startswith("staff-join:"))
        latencies: list[float] = []
        for i in range(warmup + replies):
            key = uuid.uuid4().hex
            started = time.perf_counter()
            await staff.send(json.dumps({"type": "reply", "request": f"r{i}", "conversation_id": f"web:{browser_id}",
                                         "key": key, "text": f"Respuesta número {i}"}))
            await wait_for(plumber, lambda e, k=key: e.get("type") == "reply" and e.get("id") == f"staff:{k}")
            if i >= warmup:
                latencies.append((time.perf_counter() - started) * 1000)
            await wait_for(staff, lambda e, r=f"r{i}": e.get("type") == "result" and e.get("request") == r)
    return {"n": len(latencies), "p50": statistics.median(latencies), "p95": percentile(latencies, 95),
            "p99": percentile(latencies, 99), "max": max(latencies), "mean": statistics.fmean(latencies)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replies", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10)
    args = parser.parse_args()
    run_dir = scratch_folder("remedios-bench-staff-")
    config = StackConfig.from_env(
        run_dir=run_dir, database_url=None, llm_model=make_tiny_gguf(run_dir / "tiny-model.gguf"), llm_threads=1,
        postgres_port=free_port(), n8n_port=free_port(), n8n_runner_port=free_port(), llm_port=free_port(),
        gateway_port=free_port(),
    )
    stack = Stack(config, say=lambda line: print(line, file=sys.stderr, flush=True))
    stack.gateway_extra_env.update(ONE_CLIENT_MANY_PLUMBERS)
    try:
        stack.start()
        result = asyncio.run(measure(stack, args.replies, args.warmup))
    finally:
        stack.stop()
        shutil.rmtree(run_dir, ignore_errors=True)
    load = os.getloadavg()
    print(json.dumps({**{k: round(v, 1) for k, v in result.items()}, "cpus": os.cpu_count(),
                      "load_avg_1m": round(load[0], 2), "python": platform.python_version()}))
    return 0


if __name__ == "__main__":
    from tests.support.scratch_postgres import signals_end_the_run

    with signals_end_the_run():   # `kill`, a closed terminal: the private stack is stopped too
        sys.exit(main())
