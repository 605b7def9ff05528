"""A lean HTTP/1.1 keep-alive transport for httpx, over asyncio streams and h11.

Why: the gateway POSTs every message to n8n. httpx's default transport (httpcore over anyio) costs about
0.45 ms of CPU per request on this hardware, more than everything else the gateway does for a message;
this transport costs a fraction of that (see bench/gateway/RESULTS.md). It keeps the httpx API (so
tests swap it for `httpx.MockTransport(respx_router.async_handler)`) and does only what the gateway
needs: HTTP/1.1, http and https, keep-alive pooling per origin, full (non-streamed) bodies, httpx's
timeout extensions and exception types.

Keep-alive and idle servers: Node (n8n) closes idle connections after 5 s, so idle connections are
dropped after `keepalive_expiry` (4 s), and a request that fails on a *reused* connection before any
byte of the answer arrived is retried once on a fresh one (the server closed it under us).
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections import defaultdict
from dataclasses import dataclass, field

import h11
import httpx

_READ_CHUNK = 64 * 1024
MAX_RESPONSE_BYTES = 32 * 1024 * 1024

Origin = tuple[str, str, int]


class _StaleConnection(Exception):
    """A reused connection died before the server answered anything: safe to retry on a new one."""


@dataclass
class _Connection:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    h11: h11.Connection = field(default_factory=lambda: h11.Connection(our_role=h11.CLIENT))
    idle_since: float = 0.0

    def close(self) -> None:
        try:
            self.writer.close()
        except (OSError, RuntimeError):  # loop already closed at interpreter shutdown
            pass

    def reusable(self, now: float, expiry: float) -> bool:
        return (
            now - self.idle_since < expiry
            and not self.reader.at_eof()
            and not self.writer.is_closing()
            and self.h11.our_state is h11.IDLE
        )


class PooledHTTP11Transport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        *,
        max_connections: int = 16,
        keepalive_expiry: float = 4.0,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._max_connections = max_connections
        self._keepalive_expiry = keepalive_expiry
        self._ssl_context = ssl_context
        self._idle: dict[Origin, list[_Connection]] = defaultdict(list)
        self._slots: dict[Origin, asyncio.Semaphore] = {}
        self._closed = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._closed:
            raise httpx.ConnectError("transport is closed", request=request)
        url = request.url
        if url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"unsupported scheme {url.scheme!r}", request=request)
        origin: Origin = (url.scheme, url.host, url.port or (443 if url.scheme == "https" else 80))
        timeouts = request.extensions.get("timeout", {})
        body = await request.aread()
        slots = self._slots.setdefault(origin, asyncio.Semaphore(self._max_connections))
        try:
            async with asyncio.timeout(timeouts.get("pool")):
                await slots.acquire()
        except TimeoutError:
            raise httpx.PoolTimeout("no free connection in the pool", request=request) from None
        try:
            connection = self._take_idle(origin)
            if connection is not None:
                try:
                    return await self._exchange(connection, origin, request, body, timeouts, reused=True)
                except _StaleConnection:
                    pass
            connection = await self._connect(origin, request, timeouts)
            try:
                return await self._exchange(connection, origin, request, body, timeouts, reused=False)
            except _StaleConnection as exc:  # cannot happen on a fresh connection; report it plainly
                raise httpx.RemoteProtocolError(str(exc), request=request) from exc
        finally:
            slots.release()

    async def aclose(self) -> None:
        self._closed = True
        for connections in self._idle.values():
            for connection in connections:
                connection.close()
        self._idle.clear()

    # ------------------------------------------------------------------------------------------
    def _take_idle(self, origin: Origin) -> _Connection | None:
        idle = self._idle.get(origin)
        now = time.monotonic()
        while idle:
            connection = idle.pop()
            if connection.reusable(now, self._keepalive_expiry):
                return connection
            connection.close()
        return None

    async def _connect(self, origin: Origin, request: httpx.Request, timeouts: dict) -> _Connection:
        scheme, host, port = origin
        ssl_context = None
        if scheme == "https":
            ssl_context = self._ssl_context or ssl.create_default_context()
        try:
            async with asyncio.timeout(timeouts.get("connect")):
                reader, writer = await asyncio.open_connection(host, port, ssl=ssl_context, limit=_READ_CHUNK)
        except TimeoutError:
            raise httpx.ConnectTimeout(f"connecting to {host}:{port} timed out", request=request) from None
        except OSError as exc:
            raise httpx.ConnectError(f"{type(exc).__name__}: {exc}", request=request) from exc
        return _Connection(reader, writer)

    async def _exchange(
        self,
        connection: _Connection,
        origin: Origin,
        request: httpx.Request,
        body: bytes,
        timeouts: dict,
        *,
        reused: bool,
    ) -> httpx.Response:
        received_any = False
        keep = False
        try:
            conn = connection.h11
            headers = list(request.headers.raw)
            if not request.headers.get("content-length") and (body or request.method in ("POST", "PUT", "PATCH")):
                headers.append((b"Content-Length", str(len(body)).encode()))
            target = request.url.raw_path
            data = conn.send(h11.Request(method=request.method.encode(), target=target, headers=headers))
            if body:
                data += conn.send(h11.Data(data=body))
            data += conn.send(h11.EndOfMessage())
            connection.writer.write(data)
            try:
                async with asyncio.timeout(timeouts.get("write")):  # no extra task, unlike wait_for
                    await connection.writer.drain()
            except TimeoutError:
                raise httpx.WriteTimeout("sending the request timed out", request=request) from None

            read_timeout = timeouts.get("read")
            status = 0
            response_headers: list[tuple[bytes, bytes]] = []
            chunks: list[bytes] = []
            size = 0
            while True:
                event = conn.next_event()
                if event is h11.NEED_DATA:
                    try:
                        async with asyncio.timeout(read_timeout):
                            chunk = await connection.reader.read(_READ_CHUNK)
                    except TimeoutError:
                        raise httpx.ReadTimeout("waiting for the response timed out", request=request) from None
                    if chunk:
                        received_any = True
                    elif reused and not received_any:
                        raise _StaleConnection("connection closed by the server before answering")
                    conn.receive_data(chunk)
                    continue
                if isinstance(event, h11.Response):
                    status = event.status_code
                    response_headers = list(event.headers)
                elif isinstance(event, h11.InformationalResponse):
                    continue
                elif isinstance(event, h11.Data):
                    size += len(event.data)
                    if size > MAX_RESPONSE_BYTES:
                        raise httpx.RemoteProtocolError("response body too large", request=request)
                    chunks.append(bytes(event.data))
                elif isinstance(event, h11.EndOfMessage):
                    break
                elif isinstance(event, h11.ConnectionClosed):
                    raise httpx.RemoteProtocolError("connection closed mid-response", request=request)
            if conn.our_state is h11.DONE and conn.their_state is h11.DONE:
                conn.start_next_cycle()
                keep = True
            return httpx.Response(
                status_code=status,
                headers=response_headers,
                content=b"".join(chunks),
                request=request,
                extensions={"http_version": b"HTTP/1.1"},
            )
        except (ConnectionError, OSError) as exc:
            if reused and not received_any:
                raise _StaleConnection(str(exc)) from exc
            raise httpx.ReadError(f"{type(exc).__name__}: {exc}", request=request) from exc
        except h11.RemoteProtocolError as exc:
            if reused and not received_any:
                raise _StaleConnection(str(exc)) from exc
            raise httpx.RemoteProtocolError(str(exc), request=request) from exc
        except h11.LocalProtocolError as exc:
            raise httpx.LocalProtocolError(str(exc), request=request) from exc
        finally:
            if keep and not self._closed:
                connection.idle_since = time.monotonic()
                self._idle[origin].append(connection)
            else:
                connection.close()
