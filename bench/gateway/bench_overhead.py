"""Gateway overhead benchmark.

    python bench/gateway/bench_overhead.py [--latency-n 2000] [--throughput-n 20000] [--idle 1000] [--json out.json]
    python bench/gateway/bench_overhead.py --only soak --soak 100000 --idle 1000 [--speech-engine none]

Measures, against a minimal local webhook receiver (raw asyncio HTTP/1.1, keep-alive, answers
{"status":"stored"}) that runs in this process together with the load client:

1. latency, one message at a time: WebSocket frame sent -> webhook request fully received, p50/p99;
   and the same receiver hit directly by a minimal keep-alive HTTP client (the baseline), p50/p99;
2. throughput: many conversations sending at once, messages/s until the receiver has them all, the
   gateway's CPU seconds per message and share of a core; the direct baseline at the same concurrency;
3. RSS of the gateway process idle, then with N idle WebSocket connections;
4. soak (``--only soak``): RSS after the speech model has loaded (it loads in the background after /healthz, so
   an RSS taken at start misses it), then after every 10,000 of ``--soak`` messages, then with ``--idle``
   sockets: whether memory flattens under a long load.

The gateway is the real `python -m gateway` (outbox on disk, default synchronous=NORMAL), pinned to CPU 0
with sched_setaffinity; this process (client + receiver) is pinned to CPU 1 when there are two CPUs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from websockets.asyncio.client import ClientConnection, connect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from devstack.processes import free_port  # noqa: E402  (ports below the ephemeral range, never twice)

CHAT_PATH = "/webhook/remedios-chat"


async def read_http_message(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    """One HTTP/1.1 request or response on a keep-alive stream: its head and its body (Content-Length)."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    return head, (await reader.readexactly(length) if length else b"")


# --------------------------------------------------------------------------------------------- receiver
class Receiver:
    """Minimal HTTP/1.1 webhook receiver: records the arrival time of each message id."""

    def __init__(self) -> None:
        self.arrivals: dict[str, int] = {}
        self.waiters: dict[str, asyncio.Future[int]] = {}
        self.count = 0
        self.duplicates = 0
        self.all_done: asyncio.Event = asyncio.Event()
        self.expect = 0
        self.port = 0
        self._server: asyncio.base_events.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0, backlog=1024)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server:
            self._server.close()

    def reset(self, expect: int = 0) -> None:
        self.arrivals.clear()
        self.count = 0
        self.duplicates = 0
        self.expect = expect
        self.all_done = asyncio.Event()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        ok = b'{"status":"stored"}'
        response = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(ok), ok)
        try:
            while True:
                head, body = await read_http_message(reader)
                now = time.perf_counter_ns()
                if head.startswith(b"POST"):
                    start = body.index(b'"message_id":"') + 14  # cheaper than json.loads for the harness
                    message_id = body[start:body.index(b'"', start)].decode()
                    if message_id not in self.arrivals:
                        self.arrivals[message_id] = now
                        self.count += 1
                    else:
                        self.duplicates += 1
                    waiter = self.waiters.pop(message_id, None)
                    if waiter is not None and not waiter.done():
                        waiter.set_result(now)
                    if self.expect and self.count >= self.expect:
                        self.all_done.set()
                writer.write(response)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    def wait_for(self, message_id: str) -> asyncio.Future[int]:
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self.waiters[message_id] = future
        return future


# --------------------------------------------------------------------------------------------- gateway process
def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class GatewayProcess:
    def __init__(self, receiver_port: int, data_dir: Path, log_level: str, cpu: int | None, nice: int = 0,
                 concurrency: int = 8, speech_engine: str | None = None) -> None:
        self.port = free_port()
        self.cpu = cpu
        self.nice = nice
        base = f"http://127.0.0.1:{receiver_port}"
        self.env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "GATEWAY_PORT": str(self.port),
            "GATEWAY_DATA_DIR": str(data_dir),
            "N8N_CHAT_WEBHOOK_URL": base + CHAT_PATH,
            "N8N_HISTORY_WEBHOOK_URL": base + "/webhook/remedios-history",
            "N8N_HEALTH_URL": base + "/healthz",
            "REMEDIOS_CALLBACK_SECRET": "bench-secret",
            "GATEWAY_RATE_LIMIT_PER_SECOND": "0",  # the load client sends far faster than a plumber
            # and it is one address standing for many plumbers: no per-address or overall abuse limits
            # (bench_fairness.py measures those)
            **{name: "0" for name in (
                "GATEWAY_ADDRESS_MESSAGES_PER_MINUTE", "GATEWAY_ADDRESS_MAX_SOCKETS", "GATEWAY_ADDRESS_MAX_PENDING",
                "GATEWAY_ADDRESS_NEW_CONVERSATIONS_PER_MINUTE", "GATEWAY_MAX_SOCKETS",
                "GATEWAY_NEW_CONVERSATIONS_PER_MINUTE")},
            "GATEWAY_DELIVERY_CONCURRENCY": str(concurrency),
            "GATEWAY_LOG_LEVEL": log_level,
            **({"SPEECH_ENGINE": speech_engine} if speech_engine else {}),
        }
        self.log = data_dir / "gateway.log"
        self.proc: subprocess.Popen[bytes] | None = None

    async def start(self) -> None:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "gateway"], cwd=ROOT, env=self.env,
                                         stdout=log, stderr=subprocess.STDOUT)
        if self.cpu is not None:
            os.sched_setaffinity(self.proc.pid, {self.cpu})
        if self.nice:
            os.setpriority(os.PRIO_PROCESS, self.proc.pid, self.nice)
        async with httpx.AsyncClient() as client:
            for _ in range(400):
                try:
                    if (await client.get(f"http://127.0.0.1:{self.port}/healthz")).status_code == 200:
                        return
                except httpx.HTTPError:
                    await asyncio.sleep(0.05)
        raise RuntimeError("gateway did not start: " + self.log.read_text()[-2000:])

    def ws_url(self, conversation: str) -> str:
        return f"ws://127.0.0.1:{self.port}/ws?conversation={conversation}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# --------------------------------------------------------------------------------------------- measurements
def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary_ms(samples_ns: list[int]) -> dict[str, float]:
    ms = [s / 1e6 for s in samples_ns]
    return {"n": len(ms), "p50_ms": round(pct(ms, 50), 3), "p90_ms": round(pct(ms, 90), 3),
            "p99_ms": round(pct(ms, 99), 3), "mean_ms": round(statistics.fmean(ms), 3)}


def payload(conversation: str, message_id: str) -> dict:
    return {"conversation_id": f"web:{conversation}", "message_id": message_id, "channel": "web",
            "sender": {"id": f"web:{conversation}", "name": None}, "text": "Gotea la llave del lavabo",
            "timestamp": "2026-11-23T10:00:00.000Z", "metadata": {}}


async def drain(ws: ClientConnection, counter: list[int], closes: list[int] | None = None) -> None:
    async for _ in ws:
        counter[0] += 1
    if closes is not None and ws.close_code not in (None, 1000):
        closes.append(ws.close_code)


async def latency_via_gateway(gw: GatewayProcess, receiver: Receiver, n: int, warmup: int) -> list[int]:
    conversation = "bench-latency-" + uuid.uuid4().hex[:8]
    samples: list[int] = []
    async with connect(gw.ws_url(conversation)) as ws:
        acks = [0]
        reader = asyncio.create_task(drain(ws, acks))
        for i in range(n + warmup):
            mid = uuid.uuid4().hex
            arrived = receiver.wait_for(mid)
            frame = json.dumps({"type": "message", "id": mid, "text": "Gotea la llave del lavabo"})
            t0 = time.perf_counter_ns()
            await ws.send(frame)
            t1 = await asyncio.wait_for(arrived, 10)
            if i >= warmup:
                samples.append(t1 - t0)
        reader.cancel()
    return samples


class RawClient:
    """Minimal keep-alive HTTP/1.1 POST client (the cheapest way to hit the receiver: the baseline)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> RawClient:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        return self

    async def post(self, body: bytes) -> None:
        assert self.reader is not None and self.writer is not None
        self.writer.write(b"POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          b"Content-Length: %d\r\n\r\n%s" % (CHAT_PATH.encode(), len(body), body))
        await read_http_message(self.reader)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def raw_payload(message_id: str) -> bytes:
    return json.dumps(payload("direct", message_id), separators=(",", ":")).encode()


async def latency_direct(receiver: Receiver, n: int, warmup: int) -> list[int]:
    samples: list[int] = []
    client = await RawClient(receiver.port).connect()
    try:
        for i in range(n + warmup):
            mid = uuid.uuid4().hex
            body = raw_payload(mid)
            arrived = receiver.wait_for(mid)
            t0 = time.perf_counter_ns()
            request = asyncio.create_task(client.post(body))
            t1 = await asyncio.wait_for(arrived, 10)
            await request
            if i >= warmup:
                samples.append(t1 - t0)
    finally:
        client.close()
    return samples


async def throughput_direct(receiver: Receiver, n: int, concurrency: int) -> dict:
    receiver.reset(expect=n)
    bodies = [raw_payload(uuid.uuid4().hex) for _ in range(n)]
    clients = [await RawClient(receiver.port).connect() for _ in range(concurrency)]
    t0 = time.perf_counter()

    async def worker(client: RawClient, share: list[bytes]) -> None:
        for body in share:
            await client.post(body)

    await asyncio.gather(*(worker(c, bodies[i::concurrency]) for i, c in enumerate(clients)))
    elapsed = time.perf_counter() - t0
    for c in clients:
        c.close()
    return {"messages": n, "concurrency": concurrency, "seconds": round(elapsed, 3),
            "msg_per_s": round(n / elapsed, 1)}


async def throughput_via_gateway(gw: GatewayProcess, receiver: Receiver, n: int, conversations: int) -> dict:
    per_conv = n // conversations
    total = per_conv * conversations
    sockets = [await connect(gw.ws_url(f"bench-tp-{c:04d}-{uuid.uuid4().hex[:6]}")) for c in range(conversations)]
    acks = [0]
    closes: list[int] = []
    readers = [asyncio.create_task(drain(ws, acks, closes)) for ws in sockets]
    receiver.reset(expect=total)
    cpu0 = cpu_seconds(gw.pid)
    own0 = time.process_time()
    t0 = time.perf_counter()

    async def sender(ws: ClientConnection) -> None:
        for _ in range(per_conv):
            await ws.send(json.dumps({"type": "message", "id": uuid.uuid4().hex, "text": "Gotea la llave"}))
            await asyncio.sleep(0)

    await asyncio.gather(*(sender(ws) for ws in sockets))
    t_sent = time.perf_counter()
    await asyncio.wait_for(receiver.all_done.wait(), 300)
    elapsed = time.perf_counter() - t0
    cpu = cpu_seconds(gw.pid) - cpu0
    own = time.process_time() - own0
    ack_deadline = time.perf_counter() + 30
    while acks[0] < total and not closes and time.perf_counter() < ack_deadline:
        await asyncio.sleep(0.01)
    for r in readers:
        r.cancel()
    for ws in sockets:
        await ws.close()
    return {"messages": total, "conversations": conversations, "seconds": round(elapsed, 3),
            "msg_per_s": round(total / elapsed, 1), "send_phase_s": round(t_sent - t0, 3),
            "acks": acks[0], "received": receiver.count, "duplicates": receiver.duplicates,
            "abnormal_closes": closes, "gateway_cpu_s": round(cpu, 3), "gateway_cpu_ms_per_msg": round(cpu / total * 1000, 3),
            "gateway_cpu_share": round(cpu / elapsed, 2), "harness_cpu_ms_per_msg": round(own / total * 1000, 3),
            "harness_cpu_share": round(own / elapsed, 2)}


async def idle_rss(gw: GatewayProcess, connections: int) -> dict:
    before = rss_kib(gw.pid)
    sockets = []
    for c in range(connections):
        sockets.append(await connect(gw.ws_url(f"bench-idle-{c:05d}-{uuid.uuid4().hex[:6]}")))
    await asyncio.sleep(1.0)
    # Prove they are live: one ping round trip on a sample of them.
    for ws in sockets[:: max(1, connections // 20)]:
        await ws.send('{"type":"ping"}')
        assert json.loads(await asyncio.wait_for(ws.recv(), 10)) == {"type": "pong"}
    after = rss_kib(gw.pid)
    for ws in sockets:
        await ws.close()
    return {"connections": connections, "rss_before_mib": round(before / 1024, 1),
            "rss_with_connections_mib": round(after / 1024, 1),
            "kib_per_connection": round((after - before) / connections, 1)}


async def speech_loaded(gw: GatewayProcess, timeout: float = 120) -> dict:
    """Wait until the gateway's speech model has finished loading (or is off); its /readyz speech part."""
    async with httpx.AsyncClient() as client:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            speech = (await client.get(f"http://127.0.0.1:{gw.port}/readyz")).json().get("speech") or {}
            if not speech.get("loading"):
                return speech
            await asyncio.sleep(0.5)
    raise RuntimeError("the speech model did not finish loading")


async def soak(gw: GatewayProcess, receiver: Receiver, n: int, conversations: int, connections: int) -> dict:
    speech = await speech_loaded(gw)
    rounds = []
    result = {"speech_engine": speech.get("engine"), "speech_model_loaded": bool(speech.get("loaded")),
              "rss_after_start_mib": round(rss_kib(gw.pid) / 1024, 1), "rounds": rounds}
    sent = 0
    while sent < n:
        batch = min(10_000, n - sent)
        tp = await throughput_via_gateway(gw, receiver, batch, conversations)
        sent += tp["messages"]
        rounds.append({"messages_so_far": sent, "rss_mib": round(rss_kib(gw.pid) / 1024, 1),
                       "msg_per_s": tp["msg_per_s"], "duplicates": tp["duplicates"], "received": tp["received"]})
        print(f"[soak] {sent} messages: RSS {rounds[-1]['rss_mib']} MiB", flush=True)
    result["idle"] = await idle_rss(gw, connections)
    return result


async def main(args: argparse.Namespace) -> dict:
    cpus = sorted(os.sched_getaffinity(0))
    gateway_cpu = cpus[0] if len(cpus) >= 2 else None
    if len(cpus) >= 2:
        os.sched_setaffinity(0, {cpus[1]})
    if args.nice:
        os.setpriority(os.PRIO_PROCESS, 0, args.nice)
        # With sched_autogroup (Linux default on desktops/VMs) nice only ranks processes of the same session;
        # run under `setsid` so this autogroup holds only the benchmark and the gateway, and rank the group.
        autogroup = Path("/proc/self/autogroup")
        if autogroup.exists() and os.getsid(0) == os.getpid():
            autogroup.write_text(str(args.nice))
            results_note = "autogroup nice set"
        else:
            results_note = "process nice only (run under setsid to rank the autogroup too)"
    else:
        results_note = "default priority"
    receiver = Receiver()
    await receiver.start()
    results: dict = {"cpus": len(cpus), "python": sys.version.split()[0], "nice": args.nice,
                     "priority": results_note,
                     "load_average_at_start": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="gw-bench-") as tmp:
        gw = GatewayProcess(receiver.port, Path(tmp), args.log_level, gateway_cpu, args.nice, args.concurrency,
                            args.speech_engine)
        results["concurrency"] = args.concurrency
        await gw.start()
        try:
            results["rss_idle_start_mib"] = round(rss_kib(gw.pid) / 1024, 1)
            if "latency" in args.only:
                direct = await latency_direct(receiver, args.latency_n, 200)
                via = await latency_via_gateway(gw, receiver, args.latency_n, 200)
                results["latency_direct"] = summary_ms(direct)
                results["latency_gateway"] = summary_ms(via)
                results["overhead_p50_ms"] = round(
                    results["latency_gateway"]["p50_ms"] - results["latency_direct"]["p50_ms"], 3)
                results["overhead_p99_ms"] = round(
                    results["latency_gateway"]["p99_ms"] - results["latency_direct"]["p99_ms"], 3)
            if "throughput" in args.only:
                results["throughput_direct"] = await throughput_direct(receiver, args.throughput_n, args.concurrency)
                results["throughput_gateway"] = await throughput_via_gateway(
                    gw, receiver, args.throughput_n, args.conversations)
            if "idle" in args.only:
                results["idle"] = await idle_rss(gw, args.idle)
            if "soak" in args.only:
                results["soak"] = await soak(gw, receiver, args.soak, args.conversations, args.idle)
            results["load_average_at_end"] = os.getloadavg()
        finally:
            gw.stop()
            await receiver.stop()
    return results


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency-n", type=int, default=2000)
    parser.add_argument("--throughput-n", type=int, default=20000)
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=32,
                        help="requests in flight: GATEWAY_DELIVERY_CONCURRENCY, and the direct baseline's client")
    parser.add_argument("--idle", type=int, default=1000)
    parser.add_argument("--soak", type=int, default=100_000, help="messages sent by --only soak")
    parser.add_argument("--speech-engine", help="SPEECH_ENGINE for the gateway (default: its own, auto)")
    parser.add_argument("--log-level", default="INFO", help="gateway log level (INFO is the default in production)")
    parser.add_argument("--nice", type=int, default=0,
                        help="scheduling priority for the gateway and this process (negative needs root; run under "
                             "`setsid` so the whole autogroup is ranked): on a machine busy with other work, measures "
                             "what the gateway does when it gets the CPU")
    parser.add_argument("--only", default="latency,throughput,idle", help="comma-separated parts to run")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results = asyncio.run(main(args))
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    cli()
