"""Ack latency of `POST /webhooks/whatsapp` against a real gateway process.

    .venv/bin/python -m bench.whatsapp.bench_ack --rate 200 --seconds 30

Starts stubs (n8n + fake Graph, bench/whatsapp/stubs.py) and a gateway (`python -m gateway`, fresh data dir,
WhatsApp configured against the stubs), then sends signed webhooks open-loop at --rate requests/s: a mix of
new text messages (80 %), Meta redeliveries of an earlier message (10 %) and status updates (10 %). Every
new message makes the gateway store it (outbox + seen table), hand it to the n8n stub and call Graph's
read + typing in the background, so the ack is measured with that work running. Latency is from the
scheduled send time (no coordinated omission) to the response; every response must be 200.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from devstack.processes import free_port
from tests.support import wa_payloads as wa

ROOT = Path(__file__).resolve().parents[2]
SECRET = "bench-app-secret"


def start_processes(data_dir: Path, port: int) -> tuple[subprocess.Popen, subprocess.Popen]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stubs = subprocess.Popen(
        [sys.executable, "-m", "bench.whatsapp.stubs"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    line = stubs.stdout.readline().split()  # type: ignore[union-attr]
    urls = dict(part.split("=", 1) for part in line)
    gw_env = {
        **env,
        "GATEWAY_HOST": "127.0.0.1",
        "GATEWAY_PORT": str(port),
        "GATEWAY_DATA_DIR": str(data_dir),
        "N8N_CHAT_WEBHOOK_URL": urls["n8n"] + "/webhook/remedios-chat",
        "N8N_HISTORY_WEBHOOK_URL": urls["n8n"] + "/webhook/remedios-history",
        "N8N_HEALTH_URL": urls["n8n"] + "/healthz",
        "N8N_STATUS_WEBHOOK_URL": urls["n8n"] + "/webhook/remedios-status",
        "N8N_WEBHOOK_TOKEN": "bench",
        "REMEDIOS_CALLBACK_SECRET": "bench-callback",
        "WHATSAPP_VERIFY_TOKEN": "v",
        "WHATSAPP_APP_SECRET": SECRET,
        "WHATSAPP_ACCESS_TOKEN": "bench-token",
        "WHATSAPP_PHONE_NUMBER_ID": "106540352242922",
        "WHATSAPP_GRAPH_URL": urls["graph"],
        "GATEWAY_LOG_LEVEL": "WARNING",
        "SPEECH_ENGINE": "none",
    }
    gateway = subprocess.Popen(
        [sys.executable, "-m", "gateway"],
        cwd=ROOT,
        env=gw_env,
        stderr=open(data_dir.parent / "gateway.log", "w"),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return stubs, gateway
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("gateway did not start; see " + str(data_dir.parent / "gateway.log"))


def bodies(n: int, rng: random.Random) -> list[bytes]:
    out: list[bytes] = []
    earlier: list[bytes] = []
    for i in range(n):
        roll = rng.random()
        if roll < 0.1 and earlier:
            out.append(rng.choice(earlier))
        elif roll < 0.2:
            out.append(
                wa.statuses_body(wa.status(f"wamid.OUTBENCH{i:08d}", rng.choice(["delivered", "read"])))
            )
        else:
            phone = f"521550{rng.randrange(10**6):06d}"
            body = wa.messages_body(
                wa.text_message(
                    f"wamid.BENCH{i:08d}{rng.randrange(10**9)}",
                    "¿Cómo cambio el empaque de una llave de compresión?",
                    phone=phone,
                ),
                contacts=[wa.contact(phone)],
            )
            earlier.append(body)
            out.append(body)
    return out


class RawConnection:
    """Keep-alive HTTP/1.1 POSTs over one asyncio stream: the cheapest client, so the load generator (on the
    same 2 cores) takes as little CPU from the gateway as possible."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> RawConnection:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        return self

    async def post(self, body: bytes, signature: str) -> int:
        assert self.reader is not None and self.writer is not None
        self.writer.write(
            b"POST /webhooks/whatsapp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"X-Hub-Signature-256: %s\r\nContent-Length: %d\r\n\r\n%s" % (signature.encode(), len(body), body)
        )
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
        await self.reader.readexactly(length)
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def run(
    port: int, rate: float, seconds: float, warmup: float, connections: int, floor: bool = False
) -> dict:
    rng = random.Random(7)
    total = int(rate * (seconds + warmup))
    payloads = bodies(total, rng)
    # --floor: the same requests with a wrong signature (401 before any parsing or SQLite): what Hypercorn,
    # Quart and the machine cost by themselves at this rate
    signed = [(b, wa.signature("wrong" if floor else SECRET, b)) for b in payloads]
    expected = 401 if floor else 200
    latencies: list[float] = []
    errors: dict[str, int] = {}
    pool: asyncio.Queue[RawConnection] = asyncio.Queue()
    for _ in range(connections):
        pool.put_nowait(await RawConnection(port).connect())
    start = time.perf_counter() + 0.2

    async def one(i: int) -> None:
        scheduled = start + i / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        conn = await pool.get()  # waiting for a free connection counts in the latency
        body, sig = signed[i]
        try:
            status = await conn.post(body, sig)
            key = None if status == expected else f"http {status}"
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            key = type(exc).__name__
            conn.close()
            conn = await RawConnection(port).connect()
        pool.put_nowait(conn)
        elapsed = time.perf_counter() - scheduled
        if key:
            errors[key] = errors.get(key, 0) + 1
        elif i >= rate * warmup:
            latencies.append(elapsed * 1000)

    tasks = []
    for i in range(total):  # create the tasks just ahead of time, not all 10^4 at once
        ahead = start + i / rate - time.perf_counter() - 0.5
        if ahead > 0:
            await asyncio.sleep(ahead)
        tasks.append(asyncio.create_task(one(i)))
    await asyncio.gather(*tasks)
    wall = time.perf_counter() - start
    while not pool.empty():
        pool.get_nowait().close()
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]

    return {
        "requests": total,
        "measured": len(latencies),
        "errors": errors,
        "achieved_rps": round(total / wall, 1),
        "p50_ms": round(pct(50), 2),
        "p90_ms": round(pct(90), 2),
        "p99_ms": round(pct(99), 2),
        "max_ms": round(latencies[-1], 2),
        "mean_ms": round(statistics.fmean(latencies), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument(
        "--nice",
        type=int,
        default=0,
        help="priority for the benchmark and its children (gateway, stubs); negative needs root. Run under "
        "`setsid` so the whole autogroup is ranked against other sessions' work",
    )
    parser.add_argument("--floor", action="store_true", help="wrongly signed requests (401): the HTTP floor")
    parser.add_argument(
        "--connections", type=int, default=32, help="keep-alive connections (Meta uses several)"
    )
    args = parser.parse_args()
    note = "no priority change"
    if args.nice:
        os.setpriority(os.PRIO_PROCESS, 0, args.nice)  # inherited by the gateway and the stubs
        autogroup = Path("/proc/self/autogroup")
        if autogroup.exists() and os.getsid(0) == os.getpid():
            autogroup.write_text(str(args.nice))
            note = f"nice {args.nice}, autogroup ranked"
        else:
            note = f"nice {args.nice}, process only (not under setsid)"
    work = Path(tempfile.mkdtemp(prefix="remedios-bench-wa-"))
    port = free_port()
    stubs, gateway = start_processes(work / "gateway", port)
    try:
        result = asyncio.run(run(port, args.rate, args.seconds, args.warmup, args.connections, args.floor))
        time.sleep(1)
        ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=5).json()
        result["after"] = {"outbox": ready.get("outbox"), "whatsapp": ready.get("whatsapp")}
    finally:
        for proc in (gateway, stubs):
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()
    print(
        json.dumps(
            {
                "mode": "floor (401)" if args.floor else "signed",
                "rate": args.rate,
                "seconds": args.seconds,
                "connections": args.connections,
                "priority": note,
                "cpus": os.cpu_count(),
                "loadavg_after": [round(x, 2) for x in load],
                **result,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
