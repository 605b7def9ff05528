"""The lean HTTP/1.1 transport against real local servers: keep-alive, stale connections, timeouts."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import Awaitable, Callable

import httpx
import pytest

from gateway.transport import PooledHTTP11Transport

Handler = Callable[[int, bytes, asyncio.StreamWriter], Awaitable[bool]]  # -> keep the connection open?


class RawServer:
    """One behaviour per test: `handler(request_index, raw_request, writer)`."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.connections = 0
        self.open_now = 0
        self.peak_open = 0
        self.requests: list[bytes] = []
        self._server: asyncio.base_events.Server | None = None

    async def __aenter__(self) -> RawServer:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}/hook?x=1"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.open_now += 1
        self.peak_open = max(self.peak_open, self.open_now)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                raw = head + await reader.readexactly(length)
                self.requests.append(raw)
                if not await self.handler(len(self.requests) - 1, raw, writer):
                    break
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self.open_now -= 1
            writer.close()


def ok(body: bytes = b'{"status":"stored"}', extra: bytes = b"") -> bytes:
    return b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n%sContent-Length: %d\r\n\r\n%s" % (
        extra, len(body), body)


async def answer_ok(i: int, raw: bytes, writer: asyncio.StreamWriter) -> bool:
    writer.write(ok())
    return True


def client(**kwargs: object) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=PooledHTTP11Transport(**kwargs), timeout=2)


async def test_post_roundtrip_and_keep_alive_reuse() -> None:
    async with RawServer(answer_ok) as server, client() as c:
        for i in range(20):
            r = await c.post(server.url, json={"message_id": i, "text": "ñ"}, headers={"X-Remedios-Token": "t"})
            assert r.status_code == 200 and r.json() == {"status": "stored"}
    assert server.connections == 1  # one keep-alive connection for all 20
    first = server.requests[0]
    assert first.startswith(b"POST /hook?x=1 HTTP/1.1\r\n")
    assert b"x-remedios-token: t" in first.lower() and b"host: 127.0.0.1" in first.lower()
    assert json.loads(first.split(b"\r\n\r\n", 1)[1]) == {"message_id": 0, "text": "ñ"}


async def test_get_with_query_params() -> None:
    async with RawServer(answer_ok) as server, client() as c:
        r = await c.get(server.url.split("?")[0], params={"conversation_id": "web:a b", "limit": "100"})
    assert r.status_code == 200
    assert server.requests[0].startswith(b"GET /hook?conversation_id=web%3Aa+b&limit=100 HTTP/1.1\r\n")


async def test_server_closing_idle_connections_is_transparent() -> None:
    async def close_after_answer(i: int, raw: bytes, writer: asyncio.StreamWriter) -> bool:
        writer.write(ok())
        return False  # close without "Connection: close" (like a keep-alive timeout)

    async with RawServer(close_after_answer) as server, client() as c:
        for _ in range(5):
            await asyncio.sleep(0.01)
            assert (await c.post(server.url, json={})).status_code == 200
    assert server.connections == 5


async def test_reused_connection_dropped_before_answer_is_retried_once() -> None:
    async def drop_second(i: int, raw: bytes, writer: asyncio.StreamWriter) -> bool:
        if i == 1:
            return False  # read the request, answer nothing, close (the keep-alive race)
        writer.write(ok())
        return True

    async with RawServer(drop_second) as server, client() as c:
        assert (await c.post(server.url, json={"n": 1})).status_code == 200
        assert (await c.post(server.url, json={"n": 2})).status_code == 200
    assert len(server.requests) == 3 and server.connections == 2


async def test_fresh_connection_dropped_before_answer_is_an_error() -> None:
    async def drop(i: int, raw: bytes, writer: asyncio.StreamWriter) -> bool:
        return False

    async with RawServer(drop) as server, client() as c:
        with pytest.raises(httpx.TransportError):
            await c.post(server.url, json={})
    assert len(server.requests) == 1  # not retried: a fresh connection is not "stale"


async def test_connection_close_header_is_honoured() -> None:
    async def close_header(i: int, raw: bytes, writer: asyncio.StreamWriter) -> bool:
        writer.write(ok(extra=b"Connection: close\r\n"))
        return True  # the transport must not reuse it anyway

    async with RawServer(close_header) as server, client() as c:
        for _ in range(3):
            assert (await c.post(server.url, json={})).status_code == 200
    assert server.connections == 3


async def test_chunked_and_gzip_responses() -> None:
    payload = json.dumps({"messages": [{"id": str(i), "text": "x" * 100} for i in range(500)]}).encode()

    async def chunked(i: int, raw: bytes, writer: asyncio.StreamWriter) -> bool:
        if i == 0:
            writer.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
            for k in range(0, len(payload), 7000):
                part = payload[k:k + 7000]
                writer.write(b"%x\r\n%s\r\n" % (len(part), part))
                await writer.drain()
            writer.write(b"0\r\n\r\n")
        else:
            body = gzip.compress(payload)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        return True

    async with RawServer(chunked) as server, client() as c:
        assert len((await c.get(server.url)).json()["messages"]) == 500
        assert len((await c.get(server.url)).json()["messages"]) == 500
    assert server.connections == 1


async def test_read_timeout_then_recovery() -> None:
    async def slow_first(i: int, raw: bytes, writer: asyncio.StreamWriter) -> bool:
        if i == 0:
            await asyncio.sleep(1)
        writer.write(ok())
        return True

    async with RawServer(slow_first) as server, client() as c:
        with pytest.raises(httpx.ReadTimeout):
            await c.post(server.url, json={}, timeout=0.2)
        assert (await c.post(server.url, json={})).status_code == 200
    assert server.connections == 2  # the timed-out connection was not reused


async def test_connection_refused_is_connect_error() -> None:
    async with RawServer(answer_ok) as server:
        url = server.url
    async with client() as c:
        with pytest.raises(httpx.ConnectError):
            await c.post(url, json={})


async def test_pool_limit_bounds_concurrent_connections() -> None:
    async def slow(i: int, raw: bytes, writer: asyncio.StreamWriter) -> bool:
        await asyncio.sleep(0.05)
        writer.write(ok())
        return True

    async with RawServer(slow) as server, client(max_connections=2) as c:
        responses = await asyncio.gather(*(c.post(server.url, json={"n": n}) for n in range(8)))
    assert all(r.status_code == 200 for r in responses)
    assert server.peak_open <= 2 and server.connections == 2


async def test_idle_connections_expire() -> None:
    async with RawServer(answer_ok) as server, client(keepalive_expiry=0.05) as c:
        await c.post(server.url, json={})
        await asyncio.sleep(0.1)
        await c.post(server.url, json={})
    assert server.connections == 2


async def test_unsupported_scheme_and_closed_transport() -> None:
    transport = PooledHTTP11Transport()
    async with httpx.AsyncClient(transport=transport) as c:
        with pytest.raises(httpx.UnsupportedProtocol):
            await c.get("ftp://127.0.0.1/x")
    with pytest.raises(httpx.ConnectError):
        await transport.handle_async_request(httpx.Request("GET", "http://127.0.0.1:9/"))
