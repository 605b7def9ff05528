"""A least-connections HTTP balancer on loopback for several llm-server replicas (the local runner's answer to
the compose ``scale`` profile's nginx ``least_conn`` upstream).

    python -m devstack.llm_balancer --listen 127.0.0.1:4891 --replica http://127.0.0.1:4901 \
                                    --replica http://127.0.0.1:4902

Each request goes to the replica with the fewest requests in flight through this balancer (ties: the one used
longest ago). A replica that refuses the connection is marked down for ``--down-seconds`` (like nginx's
``max_fails=1 fail_timeout``) and the request goes to the next one, so a dead replica costs one refused connect,
not an error. Nothing has been sent to a replica that refused, so trying the next is safe for any request; once a
replica accepted a request, its answer (or its error) is the answer. Responses are relayed as they come, so a
streamed completion streams through; a client that goes away closes the upstream request, and llm-server then
cancels the generation. ``GET /balancer`` shows the replicas, their in-flight counts and which are down.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import signal
import sys
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field

import httpx
from hypercorn.asyncio import serve
from hypercorn.config import Config
from quart import Quart, Response, request

log = logging.getLogger("devstack.llm_balancer")

# Hop-by-hop headers (RFC 9110 7.6.1) and the ones httpx/hypercorn set themselves.
_DROP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
         "transfer-encoding", "upgrade", "host", "content-length"}
_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]


@dataclass
class Replica:
    url: str
    active: int = 0
    down_until: float = 0.0
    last_used: int = 0
    served: int = 0
    failures: int = 0

    def is_up(self, now: float) -> bool:
        return now >= self.down_until


@dataclass
class Pool:
    replicas: list[Replica]
    down_seconds: float = 5.0
    _ticks: itertools.count = field(default_factory=itertools.count)

    @classmethod
    def of(cls, urls: Sequence[str], down_seconds: float = 5.0) -> Pool:
        if not urls:
            raise ValueError("at least one replica URL is needed")
        return cls([Replica(url.rstrip("/")) for url in urls], down_seconds)

    def order(self, now: float | None = None) -> list[Replica]:
        """Replicas to try, best first: up ones by fewest in flight, then least recently used; the down ones
        last (when all are down, trying them beats failing without trying)."""
        now = time.monotonic() if now is None else now
        return sorted(self.replicas, key=lambda r: (not r.is_up(now), r.active, r.last_used))

    def acquire(self, replica: Replica) -> None:
        replica.active += 1
        replica.last_used = next(self._ticks) + 1

    def release(self, replica: Replica) -> None:
        replica.active -= 1

    def mark_down(self, replica: Replica) -> None:
        replica.failures += 1
        replica.down_until = time.monotonic() + self.down_seconds

    def describe(self) -> list[dict[str, object]]:
        now = time.monotonic()
        return [{"url": r.url, "active": r.active, "up": r.is_up(now), "served": r.served, "failures": r.failures}
                for r in self.replicas]


def create_app(pool: Pool, client: httpx.AsyncClient | None = None) -> Quart:
    app = Quart(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024
    state: dict[str, httpx.AsyncClient] = {}

    @app.before_serving
    async def open_client() -> None:
        state["client"] = client or httpx.AsyncClient(timeout=httpx.Timeout(None, connect=3.0))

    @app.after_serving
    async def close_client() -> None:
        if client is None:
            await state["client"].aclose()

    @app.get("/balancer")
    async def status() -> dict[str, object]:
        return {"replicas": pool.describe()}

    @app.route("/", defaults={"path": ""}, methods=_METHODS)
    @app.route("/<path:path>", methods=_METHODS)
    async def relay(path: str) -> Response:
        body = await request.get_data()
        headers = [(k, v) for k, v in request.headers.items() if k.lower() not in _DROP]
        target = "/" + path + (("?" + request.query_string.decode()) if request.query_string else "")
        for replica in pool.order():
            pool.acquire(replica)
            upstream = state["client"].build_request(request.method, replica.url + target, headers=headers,
                                                     content=body)
            try:
                response = await state["client"].send(upstream, stream=True)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:  # nothing was sent: try the next one
                pool.release(replica)
                pool.mark_down(replica)
                log.warning("replica down", extra={"replica": replica.url, "error": str(exc)})
                continue
            except BaseException:
                pool.release(replica)
                raise
            replica.served += 1
            return Response(_relay_body(pool, replica, response), status=response.status_code,
                            headers=[(k, v) for k, v in response.headers.items() if k.lower() not in _DROP])
        return Response('{"error": {"message": "no llm-server replica is reachable", "type": "server_error", '
                        '"param": null, "code": "no_replica"}}', status=503, content_type="application/json",
                        headers={"Retry-After": "1"})

    return app


async def _relay_body(pool: Pool, replica: Replica, response: httpx.Response) -> AsyncIterator[bytes]:
    try:
        async for chunk in response.aiter_raw():
            yield chunk
    finally:
        await response.aclose()
        pool.release(replica)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Least-connections balancer for llm-server replicas (loopback).")
    parser.add_argument("--listen", default="127.0.0.1:4891", help="host:port to serve on")
    parser.add_argument("--replica", action="append", required=True, help="a replica's base URL (repeat)")
    parser.add_argument("--down-seconds", type=float, default=5.0, help="how long a refusing replica is skipped")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    pool = Pool.of(args.replica, args.down_seconds)
    config = Config()
    config.bind = [args.listen]
    config.accesslog = None
    config.keep_alive_timeout = 75.0

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for name in ("SIGINT", "SIGTERM"):
            loop.add_signal_handler(getattr(signal, name), stop.set)
        log.info("balancing", extra={"listen": args.listen, "replicas": args.replica})
        await serve(create_app(pool), config, shutdown_trigger=stop.wait)

    asyncio.run(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
