"""Web channel: the chat page, the `/ws` WebSocket and `POST /api/voice` (input side) and pushes to browser
sockets (output side: replies, typing, the gateway's notices, the plumber's own voice notes on every tab).

A socket joins the conversation `web:<browser id>` named in its query string and only ever receives
that conversation's events (the hub routes by conversation id).

Only pages of the gateway's own site may open `/ws` from a browser (no cross-site WebSocket hijacking: another
site's script, running in the plumber's browser, cannot join a conversation): the handshake's `Origin` must be
one of `GATEWAY_ALLOWED_ORIGINS`, or by default a page of the host the request was sent to. A handshake with no
`Origin` is not from a browser page (curl, tests, n8n) and is let in. The chat page is served with a strict Content-Security-Policy (no inline
script or style, nothing from other origins), `X-Frame-Options: DENY` and `nosniff`.

Abuse limits (gateway/limits.py) are applied per client address: a handshake over the socket caps or the
new-conversation budgets is answered with HTTP 429/503 before the upgrade (the page retries with its backoff);
a new message over the address's budget or pending cap gets an `error` event and is not stored; a resend of a
message already accepted is always answered `accepted`. A socket that sends nothing (not even the page's
ping, every 25 s) for `GATEWAY_WS_IDLE_TIMEOUT` seconds is closed with 1000; the page reconnects and reloads
the history.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from quart import Blueprint, Response, request, send_file, websocket

from gateway.channels.base import InboundMessage, Notice, Reply, Typing, utc_now
from gateway.channels.web_voice import UPLOAD_PATH, VoiceUpload
from gateway.channels.web_frames import (
    MESSAGES_ES,
    FrameError,
    HistoryFrame,
    MessageFrame,
    PingFrame,
    error_event,
    parse_frame,
)
from gateway.hub import Event, Hub
from gateway.env import normalise_origin
from gateway.intake import Intake, MessageIdConflict
from gateway.limits import Limits, Refusal
from gateway.logs import conversation_ref, log_event
from gateway.n8n import HistoryUnavailable
from gateway.ratelimit import TokenBucket
from gateway.settings import Settings
from gateway.voice import VoiceNote, VoiceNotes

BROWSER_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
CHANNEL = "web"
CLOSE_NORMAL = 1000  # idle: the page reconnects (as from any close) and reloads the history
CLOSE_GOING_AWAY = 1001
CLOSE_POLICY = 1008
CLOSE_TRY_AGAIN_LATER = 1013

logger = logging.getLogger("gateway.web")

T = TypeVar("T")

# The chat page: its script and style are files of this origin (no inline code), it talks to its own origin
# only (the WebSocket and /api/voice), the favicon is a data: URL, and no site may frame it.
CHAT_PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "media-src 'self' blob:; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def origin_allowed(origin: str | None, host: str | None, allowed: tuple[str, ...]) -> bool:
    """May a page of `origin` open the WebSocket? `allowed` empty: only pages of the host the request was
    sent to (`host`, the Host header; any port, since a proxy may drop it). No Origin: not a browser, allowed."""
    if origin is None or origin == "":
        return True
    normalised = normalise_origin(origin)  # "null" (sandboxed frames, file://) and garbage give None
    if normalised is None:
        return False
    if allowed:
        return normalised in allowed
    if not host:
        return False
    try:
        own = urlsplit("//" + host.strip()).hostname
    except ValueError:
        return False
    return own is not None and urlsplit(normalised).hostname == own.lower()

HistoryLoader = Callable[[str], Any]  # async (conversation_id) -> list[dict]
# (conversation_id, history) -> events a page gets right after its history (the drafts, gateway/drafts.py)
AfterHistory = Callable[[str, list[dict[str, Any]]], list[Event]]


def conversation_from(browser_id: str) -> str | None:
    """The web channel's one id rule: `web:<browser id>`, or None when the page sent no valid browser id."""
    return f"{CHANNEL}:{browser_id}" if BROWSER_ID.fullmatch(browser_id) else None


async def page(path: Path) -> Response:
    """One of the gateway's own pages (the chat, the staff console): revalidated, under CHAT_PAGE_HEADERS."""
    response = await send_file(path, mimetype="text/html")
    response.headers["Cache-Control"] = "no-cache"
    response.headers.update(CHAT_PAGE_HEADERS)
    return response


class _Close:
    def __init__(self, code: int) -> None:
        self.code = code


class WebConnection:
    """One browser socket: a bounded outgoing queue drained by a single writer task.

    Flow control: the socket's own reader waits (`wait_for_room`) while half the queue is taken, so a client
    that sends a burst of frames is slowed down, not disconnected. Events pushed from elsewhere (replies,
    other tabs) never wait: if the queue is full the client is not reading, and it is disconnected (1013).
    """

    def __init__(
        self, conversation_id: str, *, max_queued: int, address_key: str = "",
        on_reply: Callable[[str, str | None], None] | None = None,
    ) -> None:
        self.conversation_id = conversation_id
        self.address_key = address_key
        self._on_reply = on_reply  # (conversation id, in_reply_to): a reply reached this conversation
        self._queue: asyncio.Queue[Event | _Close] = asyncio.Queue()
        self._max_queued = max_queued
        self._high_water = max(1, max_queued // 2)
        self._low_water = max_queued // 4
        self._room = asyncio.Event()
        self._room.set()
        self._closing = False

    def push(self, event: Event) -> bool:
        if self._on_reply is not None and event.get("type") == "reply" and event.get("in_reply_to"):
            # also for replies another replica got (through the hub): the message is answered, not pending.
            # (Idempotent; a reply naming no message is counted once, by WebChannel.send_reply, not per tab.)
            self._on_reply(self.conversation_id, event["in_reply_to"])
        if self._closing:
            return False
        if self._queue.qsize() >= self._max_queued:
            # A client that does not read: drop it; on reconnect it reloads the history.
            log_event(logger, "socket_overflow", level=logging.WARNING, conversation_id=self.conversation_id)
            self.close(CLOSE_TRY_AGAIN_LATER)
            return False
        self._queue.put_nowait(event)
        if self._queue.qsize() >= self._high_water:
            self._room.clear()
        return True

    def close(self, code: int) -> None:
        if not self._closing:
            self._closing = True
            self._queue.put_nowait(_Close(code))

    async def wait_for_room(self) -> None:
        if not self._room.is_set():
            await self._room.wait()

    async def write_loop(self, ws: Any) -> None:
        while True:
            item = await self._queue.get()
            if self._queue.qsize() <= self._low_water:
                self._room.set()
            if isinstance(item, _Close):
                await ws.close(item.code)
                return
            await ws.send(json.dumps(item, ensure_ascii=False, separators=(",", ":")))


class WebChannel:
    """Input and output side of the browser chat."""

    name = CHANNEL
    conversation_prefix = CHANNEL

    def __init__(
        self,
        settings: Settings,
        hub: Hub,
        intake: Intake,
        load_history: HistoryLoader,
        static_dir: Path,
        limits: Limits | None = None,
        after_history: AfterHistory | None = None,
        voice: VoiceNotes | None = None,
    ) -> None:
        """`voice`: the voice-note pipeline behind `POST /api/voice` (None: no such route)."""
        self._after_history = after_history
        self._settings = settings
        self._limits = limits if limits is not None else Limits(settings)
        self._hub = hub
        self._intake = intake
        self._load_history = load_history
        self._static_dir = static_dir
        self._voice_upload = None if voice is None else VoiceUpload(
            voice, self._limits, max_bytes=settings.speech.max_bytes, queued=4 * settings.speech.workers,
            show=self.send_voice_note,
        )

    # ----- output side -------------------------------------------------------------------------
    async def send_reply(self, reply: Reply) -> int:
        self._limits.answered(reply.conversation_id, reply.in_reply_to)
        event = {
            "type": "reply",
            "id": reply.message_id,
            "in_reply_to": reply.in_reply_to,
            "role": "assistant",
            "text": reply.text,
            "timestamp": reply.timestamp,
        }
        if reply.estimate is not None:
            event["estimate"] = reply.estimate
        if reply.article is not None:
            event["article"] = reply.article
        if reply.choices is not None:
            event["choices"] = reply.choices
        return await self._hub.publish(reply.conversation_id, event)

    async def send_typing(self, typing: Typing) -> int:
        return await self._hub.publish(typing.conversation_id, {"type": "typing", "active": typing.active})

    async def send_notice(self, notice: Notice) -> int:
        """An `error` event naming the message: the page marks it (e.g. failed) and shows the text."""
        event = {"type": "error", "code": notice.code, "message": notice.text, "id": notice.message_id}
        return await self._hub.publish(notice.conversation_id, event)

    async def send_voice_note(self, note: VoiceNote) -> int:
        """The plumber's own voice note, as transcribed, on every tab of the conversation (docs/contracts.md §1)."""
        return await self._hub.publish(note.conversation_id, {
            "type": "message", "id": note.message_id, "role": "user", "text": note.text,
            "display_text": note.display_text, "timestamp": note.timestamp,
            "voice": {"duration_s": round(note.duration_s, 2)},
        })

    # ----- input side --------------------------------------------------------------------------
    def blueprint(self) -> Blueprint:
        bp = Blueprint("web", __name__)
        index = self._static_dir / "index.html"

        @bp.get("/")
        async def chat_page() -> Response:
            return await page(index)

        @bp.websocket("/ws")
        async def chat_socket() -> Response | None:
            return await self._serve_socket(websocket._get_current_object())

        if self._voice_upload is not None:
            upload = self._voice_upload

            @bp.post(UPLOAD_PATH)
            async def upload_voice() -> Any:
                return await upload.receive(conversation_from(request.args.get("conversation", "")))

        return bp

    async def _serve_socket(self, ws: Any) -> Response | None:
        """Serve one socket; a Response returned before the upgrade is the handshake's refusal."""
        conversation_id = conversation_from(ws.args.get("conversation", ""))
        if conversation_id is None:
            await ws.close(CLOSE_POLICY, "invalid conversation id")
            return None
        origin = ws.headers.get("Origin")
        if not origin_allowed(origin, ws.headers.get("Host"), self._settings.allowed_origins):
            log_event(logger, "socket_refused", level=logging.WARNING, reason="origin not allowed",
                      origin=origin[:200])
            await ws.close(CLOSE_POLICY, "origin not allowed")  # before accept: Hypercorn answers HTTP 403
            return None
        limits = self._limits
        address = limits.address_key(ws.scope, ws.headers)
        refusal = limits.open_socket(address, conversation_id)
        if refusal is not None:  # before the upgrade: an HTTP answer, and the page backs off before retrying
            return refusal_response(refusal)
        reason = "closed"
        try:
            await ws.accept()
            connection = WebConnection(conversation_id, max_queued=self._settings.socket_queue_size,
                                       address_key=address, on_reply=limits.answered)
            self._hub.subscribe(conversation_id, connection)
            log_event(logger, "socket_opened", conversation_id=conversation_id, address_ref=limits.ref(address))
            reason = await self._run_socket(ws, connection)
        finally:
            limits.close_socket(address)
            log_event(logger, "socket_closed", conversation_id=conversation_id, address_ref=limits.ref(address),
                      reason=reason)
        return None

    async def _run_socket(self, ws: Any, connection: WebConnection) -> str:
        """Run the socket until it ends; returns why ("idle", else "closed")."""
        try:
            return await run_socket(ws, connection, self._read_loop(ws, connection)) or "closed"
        finally:
            self._hub.unsubscribe(connection.conversation_id, connection)

    async def _read_loop(self, ws: Any, connection: WebConnection) -> str:
        """Read frames until the socket is closed; returns "idle" when the client stayed silent too long."""
        bucket = TokenBucket(burst=self._settings.rate_limit_burst, rate=self._settings.rate_limit_per_second)
        idle_timeout = self._settings.ws_idle_timeout or None
        while True:
            try:
                raw = await receive(ws, connection, idle_timeout)
            except SocketIdle:
                return "idle"
            try:
                await self._handle_frame(raw, connection, bucket)
            except Exception:  # e.g. the disk is full: no ack, the page resends; the socket stays
                logger.exception("frame_handling_failed",
                                 extra={"conversation_ref": conversation_ref(connection.conversation_id)})
                connection.push(error_event("internal_error"))
            await connection.wait_for_room()

    async def _handle_frame(self, raw: str | bytes | None, connection: WebConnection, bucket: TokenBucket) -> None:
        try:
            frame = parse_frame(
                raw,
                max_frame_bytes=self._settings.max_frame_bytes,
                max_message_chars=self._settings.max_message_chars,
            )
        except FrameError as exc:  # logged once per code and address per minute: a script cannot flood the log
            self._limits.log.once(
                "frame_rejected", exc.code, connection.address_key, connection.address_key, level=logging.INFO,
                conversation_id=connection.conversation_id, code=exc.code, message_id=exc.message_id,
            )
            connection.push(exc.event())
            return
        if isinstance(frame, PingFrame):
            connection.push({"type": "pong"})
        elif isinstance(frame, HistoryFrame):
            # each history frame costs an n8n request: the same budgets as messages
            refusal = self._limits.message_refusal(connection.address_key, costs_model_work=False)
            if refusal is None and not bucket.allow():
                refusal = self._socket_rate_limited(connection)
            if refusal is not None:
                connection.push(refusal.event())
                return
            await self._send_history(connection)
        elif isinstance(frame, MessageFrame):
            if self._intake.stored(frame.id) is None:  # a resend of an accepted message is never refused
                refusal = self._limits.message_refusal(connection.address_key)
                if refusal is None and not bucket.allow():
                    refusal = self._socket_rate_limited(connection)
                if refusal is not None:
                    connection.push(refusal.event(message_id=frame.id))
                    return
            await self._accept(connection, frame)

    def _socket_rate_limited(self, connection: WebConnection) -> Refusal:
        s = self._settings
        refusal = Refusal("rate_limited", 429, "GATEWAY_RATE_LIMIT_PER_SECOND", s.rate_limit_per_second, 5,
                          MESSAGES_ES["rate_limited"])
        self._limits.log.refused(refusal, connection.address_key, conversation_id=connection.conversation_id)
        return refusal

    async def _accept(self, connection: WebConnection, frame: MessageFrame) -> None:
        message = InboundMessage(
            conversation_id=connection.conversation_id,
            message_id=frame.id,
            channel=CHANNEL,
            sender_id=connection.conversation_id,
            text=frame.text,
            timestamp=utc_now(),
            metadata={"intent": frame.intent} if frame.intent else {},
        )
        try:
            accepted = self._intake.accept(message)
        except MessageIdConflict:
            connection.push(error_event("invalid_frame", message_id=frame.id))
            return
        row = accepted.row
        connection.push({"type": "accepted", "id": row.message_id, "timestamp": row.timestamp})
        if accepted.created:
            self._limits.accepted(connection.address_key, row.message_id, connection.conversation_id)
            event = {"type": "message", "id": row.message_id, "role": "user", "text": row.text,
                     "timestamp": row.timestamp}
            if frame.intent:
                event["intent"] = frame.intent
            await self._hub.publish(connection.conversation_id, event, exclude=connection)

    async def _send_history(self, connection: WebConnection) -> None:
        try:
            messages = await self._load_history(connection.conversation_id)
        except HistoryUnavailable as exc:
            log_event(
                logger, "history_unavailable", level=logging.WARNING,
                conversation_id=connection.conversation_id, error=str(exc),
            )
            connection.push(error_event("history_unavailable"))
            return
        connection.push({"type": "history", "messages": messages})
        for event in self._after_history(connection.conversation_id, messages) if self._after_history else ():
            connection.push(event)


class SocketIdle(Exception):
    """The client sent nothing for the idle timeout; its connection is being closed with 1000."""


async def receive(ws: Any, connection: WebConnection, idle_timeout: float | None) -> str | bytes | None:
    """The socket's next frame (None for an empty one, as Quart gives it). SocketIdle when the client stayed
    silent for `idle_timeout` seconds (None: no limit): `connection` is then closed with 1000 (the page
    reconnects and reloads the history)."""
    try:
        async with asyncio.timeout(idle_timeout):
            return await ws.receive()
    except TimeoutError:
        connection.close(CLOSE_NORMAL)
        raise SocketIdle from None


async def run_socket(ws: Any, connection: WebConnection, read: Coroutine[Any, Any, T]) -> T | None:
    """Run a socket's reader (`read`) and `connection`'s writer until one of them ends (the plumbers' `/ws` and
    the staff console's). A reader that ended by itself (an idle client, an ended session) has closed the
    connection: the writer gets up to 5 s to send the close frame. Returns what that reader returned; None
    when the socket ended otherwise (the client went away, a task failed: logged)."""
    writer = asyncio.create_task(connection.write_loop(ws))
    reader = asyncio.create_task(read)
    try:
        done, _ = await asyncio.wait({reader, writer}, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            if not task.cancelled() and task.exception() is not None:
                log_event(logger, "socket_task_failed", level=logging.WARNING,
                          conversation_id=connection.conversation_id, error=repr(task.exception()))
        if reader in done and not reader.cancelled() and reader.exception() is None:
            await asyncio.wait({writer}, timeout=5)
            return reader.result()
        return None
    finally:
        for task in (reader, writer):
            task.cancel()
        await asyncio.gather(reader, writer, return_exceptions=True)


def refusal_response(refusal: Refusal) -> Response:
    """A handshake refused by a limit: HTTP 429/503 with the Spanish `error` event as JSON body."""
    body = json.dumps(refusal.event(), ensure_ascii=False)
    return Response(body, status=refusal.status, content_type="application/json; charset=utf-8",
                    headers={"Retry-After": str(refusal.retry_after), "Cache-Control": "no-store"})
