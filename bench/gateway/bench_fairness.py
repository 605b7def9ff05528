"""Fairness benchmark: one abusive client against one real plumber (issue 16, item 5).

    python bench/gateway/bench_fairness.py [--seconds 20] [--model-s 0.2] [--abuser-sockets 100] [--json out.json]

The real `python -m gateway` (outbox on disk, SPEECH_ENGINE=none) on 127.0.0.1, and in this process, on loopback:

- a fake n8n with a slow model: its chat webhook stores the message and answers 200 at once (as n8n does after
  its Postgres insert), then one "model" answers the queued messages one at a time, first come first served,
  `--model-s` seconds each (the LLM server is one such queue), and POSTs each answer to the gateway's signed
  callback with `in_reply_to`;
- the abuser, from 127.0.0.1: `--abuser-sockets` WebSockets, each on its own new conversation, each sending a new
  message as soon as the previous frame was answered (accepted or refused: no back-off, as fast as the gateway
  lets it); a refused handshake is tried again after 1 s;
- the plumber, from 127.0.0.2 (the client socket is bound to it: another address for the gateway): one socket,
  one message every `--plumber-every` seconds once the abuser has been at it for `--warmup` seconds.

For each of the plumber's messages: time to `accepted`, to the fake n8n's webhook, and to the answer on his socket,
and how many messages were ahead of it in the model's queue when it arrived. Three runs, each with a fresh
gateway and fake n8n: the plumber alone; with the abuser and the new limits off (per-address and overall limits
0, i.e. the gateway as it was: only the per-socket rate limit); with the abuser and the default limits.
Bounded: the abuser stops after `--seconds`, unanswered messages are waited for `--grace` more seconds at most.

The gateway is pinned to CPU 0 and this process to CPU 1 when there are two CPUs (like bench_overhead.py).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.gateway.bench_overhead import cpu_seconds, free_port, read_http_message  # noqa: E402
from gateway.signing import sign  # noqa: E402

CHAT_PATH = "/webhook/remedios-chat"
SECRET = "bench-fairness-secret"
PLUMBER_ADDRESS = "127.0.0.2"
LIMITS_OFF = {
    "GATEWAY_ADDRESS_MESSAGES_PER_MINUTE": "0", "GATEWAY_ADDRESS_MAX_SOCKETS": "0",
    "GATEWAY_ADDRESS_NEW_CONVERSATIONS_PER_MINUTE": "0", "GATEWAY_ADDRESS_MAX_PENDING": "0",
    "GATEWAY_MAX_SOCKETS": "0", "GATEWAY_NEW_CONVERSATIONS_PER_MINUTE": "0", "GATEWAY_WS_IDLE_TIMEOUT": "0",
}


# --------------------------------------------------------------------------------------------- fake n8n
class SlowN8n:
    """Chat webhook (store, answer at once, queue for the model), history (empty), health; one model."""

    def __init__(self, model_s: float) -> None:
        self.model_s = model_s
        self.queue: collections.deque[dict[str, Any]] = collections.deque()
        self.wake = asyncio.Event()
        self.busy = False
        self.arrivals: dict[str, float] = {}  # message id -> perf_counter at the webhook
        self.ahead: dict[str, int] = {}  # message id -> messages ahead of it in the model's queue
        self.answered = 0
        self.callback_failures = 0
        self.gateway_url = ""
        self.port = 0
        self._server: asyncio.base_events.Server | None = None
        self._model: asyncio.Task[None] | None = None
        self._client: httpx.AsyncClient | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0, backlog=1024)
        self.port = self._server.sockets[0].getsockname()[1]
        self._client = httpx.AsyncClient(timeout=10)
        self._model = asyncio.create_task(self._run_model())

    async def stop(self) -> None:
        if self._model is not None:
            self._model.cancel()
            await asyncio.gather(self._model, return_exceptions=True)
        if self._server is not None:
            self._server.close()
        if self._client is not None:
            await self._client.aclose()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head, body = await read_http_message(reader)
                if head.startswith(b"POST"):
                    answer = self._chat(json.loads(body))
                elif b"remedios-history" in head.split(b"\r\n", 1)[0]:
                    answer = {"conversation_id": "", "messages": []}
                else:
                    answer = {"status": "ok"}
                data = json.dumps(answer).encode()
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                             % (len(data), data))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    def _chat(self, payload: dict[str, Any]) -> dict[str, str]:
        message_id = payload["message_id"]
        if message_id in self.arrivals:
            return {"status": "duplicate"}
        self.arrivals[message_id] = time.perf_counter()
        self.ahead[message_id] = len(self.queue) + (1 if self.busy else 0)
        self.queue.append(payload)
        self.wake.set()
        return {"status": "stored"}

    async def _run_model(self) -> None:
        assert self._client is not None
        while True:
            while not self.queue:
                self.wake.clear()
                await self.wake.wait()
            payload = self.queue.popleft()
            self.busy = True
            await asyncio.sleep(self.model_s)  # the model writing its answer
            self.busy = False
            body = json.dumps({
                "type": "reply", "conversation_id": payload["conversation_id"], "channel": "web",
                "message_id": f"reply:{uuid.uuid4()}", "in_reply_to": payload["message_id"],
                "text": "Cierre la llave de paso y cambie el cartucho.",
                "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
            }).encode()
            try:
                response = await self._client.post(self.gateway_url + "/callbacks/n8n", content=body, headers={
                    "Content-Type": "application/json", **sign(SECRET, body)})
                if response.status_code != 200:
                    self.callback_failures += 1
            except httpx.HTTPError:
                self.callback_failures += 1
            self.answered += 1


# --------------------------------------------------------------------------------------------- gateway
class Gateway:
    def __init__(self, n8n_port: int, data_dir: Path, cpu: int | None, extra_env: dict[str, str]) -> None:
        self.port = free_port()
        self.cpu = cpu
        base = f"http://127.0.0.1:{n8n_port}"
        self.env = {
            **os.environ, "PYTHONPATH": str(ROOT), "GATEWAY_PORT": str(self.port), "GATEWAY_DATA_DIR": str(data_dir),
            "N8N_CHAT_WEBHOOK_URL": base + CHAT_PATH, "N8N_HISTORY_WEBHOOK_URL": base + "/webhook/remedios-history",
            "N8N_HEALTH_URL": base + "/healthz", "REMEDIOS_CALLBACK_SECRET": SECRET, "SPEECH_ENGINE": "none",
            "GATEWAY_LOG_LEVEL": "INFO", **extra_env,
        }
        self.log = data_dir / "gateway.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def ws_url(self, conversation: str) -> str:
        return f"ws://127.0.0.1:{self.port}/ws?conversation={conversation}"

    async def start(self) -> None:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "gateway"], cwd=ROOT, env=self.env,
                                         stdout=log, stderr=subprocess.STDOUT)
        if self.cpu is not None:
            os.sched_setaffinity(self.proc.pid, {self.cpu})
        async with httpx.AsyncClient() as client:
            for _ in range(400):
                try:
                    if (await client.get(self.url + "/healthz")).status_code == 200:
                        return
                except httpx.HTTPError:
                    await asyncio.sleep(0.05)
        raise RuntimeError("gateway did not start: " + self.log.read_text()[-2000:])

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# --------------------------------------------------------------------------------------------- clients
@dataclass
class AbuserStats:
    frames: int = 0
    accepted: int = 0
    refused: collections.Counter = field(default_factory=collections.Counter)
    handshakes_refused: collections.Counter = field(default_factory=collections.Counter)
    open_now: int = 0
    open_max: int = 0
    disconnects: int = 0


async def abuser_socket(gw: Gateway, index: int, stats: AbuserStats, stop: asyncio.Event) -> None:
    conversation = f"abuse-{index:03d}-{uuid.uuid4().hex[:8]}"
    while not stop.is_set():
        try:
            async with connect(gw.ws_url(conversation), open_timeout=10, max_queue=None) as ws:
                stats.open_now += 1
                stats.open_max = max(stats.open_max, stats.open_now)
                try:
                    while not stop.is_set():
                        message_id = uuid.uuid4().hex
                        await ws.send(json.dumps({"type": "message", "id": message_id,
                                                  "text": "¿Cómo cambio el cartucho del monomando?"}))
                        stats.frames += 1
                        while True:  # its answer: accepted or an error (replies to earlier messages pass by)
                            event = json.loads(await ws.recv())
                            if event.get("id") == message_id and event.get("type") in ("accepted", "error"):
                                break
                        if event["type"] == "accepted":
                            stats.accepted += 1
                        else:
                            stats.refused[event["code"]] += 1
                finally:
                    stats.open_now -= 1
        except InvalidStatus as exc:
            stats.handshakes_refused[exc.response.status_code] += 1
            await asyncio.sleep(1.0)
        except (ConnectionClosed, OSError, TimeoutError):
            stats.disconnects += 1
            await asyncio.sleep(0.5)


@dataclass
class Sample:
    message_id: str
    sent: float
    accepted: float | None = None
    answered: float | None = None
    refused: str | None = None


async def plumber(gw: Gateway, n8n: SlowN8n, count: int, every: float, grace_until: list[float]) -> list[Sample]:
    samples: dict[str, Sample] = {}
    done = asyncio.Event()
    async with connect(gw.ws_url(f"plumber-{uuid.uuid4().hex[:12]}"), local_addr=(PLUMBER_ADDRESS, 0),
                       open_timeout=10) as ws:
        async def reader() -> None:
            async for raw in ws:
                event = json.loads(raw)
                now = time.perf_counter()
                if event.get("type") == "accepted" and event["id"] in samples:
                    samples[event["id"]].accepted = now
                elif event.get("type") == "error" and event.get("id") in samples:
                    samples[event["id"]].refused = event["code"]
                elif event.get("type") == "reply" and event.get("in_reply_to") in samples:
                    samples[event["in_reply_to"]].answered = now
                if len(samples) == count and all(s.answered or s.refused for s in samples.values()):
                    done.set()

        async def pinger() -> None:  # as the page does (every 25 s): the plumber is idle between messages
            while True:
                await asyncio.sleep(20)
                await ws.send('{"type":"ping"}')

        tasks = [asyncio.create_task(reader()), asyncio.create_task(pinger())]
        for i in range(count):
            message_id = uuid.uuid4().hex
            samples[message_id] = Sample(message_id, time.perf_counter())
            await ws.send(json.dumps({"type": "message", "id": message_id,
                                      "text": f"Tengo una fuga en la llave del lavabo ({i + 1}), ¿cómo la reparo?"}))
            if i < count - 1:
                await asyncio.sleep(every)
        while not done.is_set() and time.perf_counter() < grace_until[0]:
            try:
                await asyncio.wait_for(done.wait(), 0.2)
            except TimeoutError:
                pass
        for task in tasks:
            task.cancel()
    return list(samples.values())


# --------------------------------------------------------------------------------------------- one run
def ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 1)


def summary(values: list[float]) -> dict[str, float] | None:
    if not values:
        return None
    return {"n": len(values), "p50_ms": round(statistics.median(values) * 1000, 1),
            "max_ms": round(max(values) * 1000, 1)}


async def run(name: str, args: argparse.Namespace, extra_env: dict[str, str], with_abuser: bool,
              gateway_cpu: int | None) -> dict[str, Any]:
    n8n = SlowN8n(args.model_s)
    await n8n.start()
    with tempfile.TemporaryDirectory(prefix="gw-fair-") as tmp:
        gw = Gateway(n8n.port, Path(tmp), gateway_cpu, extra_env)
        n8n.gateway_url = gw.url
        await gw.start()
        stats = AbuserStats()
        stop = asyncio.Event()
        abusers: list[asyncio.Task[None]] = []
        try:
            cpu0, t0 = cpu_seconds(gw.proc.pid), time.perf_counter()
            if with_abuser:
                abusers = [asyncio.create_task(abuser_socket(gw, i, stats, stop)) for i in range(args.abuser_sockets)]
                await asyncio.sleep(args.warmup)
            abuse_ends = t0 + (args.warmup if with_abuser else 0) + args.seconds
            grace_until = [abuse_ends + args.grace]
            plumber_task = asyncio.create_task(plumber(gw, n8n, args.plumber_messages, args.plumber_every, grace_until))
            await asyncio.sleep(max(0.0, abuse_ends - time.perf_counter()))
            stop.set()
            queue_at_stop = len(n8n.queue)
            samples = await plumber_task
            elapsed = time.perf_counter() - t0
            cpu = cpu_seconds(gw.proc.pid) - cpu0
        finally:
            stop.set()
            for task in abusers:
                task.cancel()
            await asyncio.gather(*abusers, return_exceptions=True)
            gw.stop()
            await n8n.stop()
            log_lines = gw.log.read_text(errors="replace").splitlines()
    refusal_lines = [json.loads(line) for line in log_lines if '"limit_refused"' in line]
    per_message = [{
        "accepted_ms": ms(s.accepted - s.sent if s.accepted else None),
        "webhook_ms": ms(n8n.arrivals[s.message_id] - s.sent if s.message_id in n8n.arrivals else None),
        "answer_ms": ms(s.answered - s.sent if s.answered else None),
        "ahead_in_model_queue": n8n.ahead.get(s.message_id),
        **({"refused": s.refused} if s.refused else {}),
    } for s in samples]
    return {
        "run": name,
        "plumber": {
            "messages": len(samples),
            "accepted": summary([s.accepted - s.sent for s in samples if s.accepted]),
            "webhook": summary([n8n.arrivals[s.message_id] - s.sent for s in samples if s.message_id in n8n.arrivals]),
            "answer": summary([s.answered - s.sent for s in samples if s.answered]),
            "unanswered": sum(1 for s in samples if not s.answered),
            "ahead_in_model_queue_max": max((n8n.ahead.get(s.message_id, 0) for s in samples), default=0),
            "per_message": per_message,
        },
        "abuser": {
            "sockets_wanted": args.abuser_sockets if with_abuser else 0, "sockets_open_max": stats.open_max,
            "frames_sent": stats.frames, "accepted": stats.accepted, "refused": dict(stats.refused),
            "handshakes_refused_by_status": dict(stats.handshakes_refused), "disconnects": stats.disconnects,
        },
        "model": {"answered": n8n.answered, "queued_when_abuse_stopped": queue_at_stop,
                  "callback_failures": n8n.callback_failures},
        "gateway": {"cpu_s": round(cpu, 2), "cpu_share": round(cpu / elapsed, 2),
                    "limit_refused_log_lines": len(refusal_lines), "log_lines": len(log_lines)},
        "seconds": round(elapsed, 1),
    }


async def main(args: argparse.Namespace) -> dict[str, Any]:
    cpus = sorted(os.sched_getaffinity(0))
    gateway_cpu = cpus[0] if len(cpus) >= 2 else None
    if len(cpus) >= 2:
        os.sched_setaffinity(0, {cpus[1]})
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"), "python": sys.version.split()[0], "cpus": len(cpus),
        "load_average_at_start": os.getloadavg(),
        "settings": {k: getattr(args, k) for k in ("seconds", "warmup", "grace", "model_s", "abuser_sockets",
                                                   "plumber_messages", "plumber_every")},
        "runs": [],
    }
    plan = [("plumber alone (default limits)", {}, False),
            ("abuser, new limits off (the gateway before)", LIMITS_OFF, True),
            ("abuser, default limits", {}, True)]
    for name, env, abuser in plan:
        if args.only and not any(word in name for word in args.only.split(",")):
            continue
        print(f"[fairness] {name} …", file=sys.stderr, flush=True)
        results["runs"].append(await run(name, args, env, abuser, gateway_cpu))
    results["load_average_at_end"] = os.getloadavg()
    return results


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20, help="how long the plumber writes while the abuser runs")
    parser.add_argument("--warmup", type=float, default=3, help="seconds the abuser runs before the plumber writes")
    parser.add_argument("--grace", type=float, default=10, help="seconds to wait for answers after the abuse")
    parser.add_argument("--model-s", type=float, default=0.2, help="seconds the fake model takes per answer")
    parser.add_argument("--abuser-sockets", type=int, default=100)
    parser.add_argument("--plumber-messages", type=int, default=8)
    parser.add_argument("--plumber-every", type=float, default=2.5)
    parser.add_argument("--only", default="", help="comma-separated words of the runs to do (alone, off, default)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results = asyncio.run(main(args))
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    cli()
