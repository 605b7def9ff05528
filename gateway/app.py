"""`create_app(settings)`: wires the parts together; `Runtime` owns everything with a lifetime.

Startup opens the outbox and the n8n client and starts the delivery worker; the speech model (voice notes)
loads in the background, so text chat is served at once and never waits for it. Shutdown closes sockets
(1001, the page reconnects by itself), lets in-flight deliveries finish, gives running transcriptions a few
seconds, then closes the client and DB.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from quart import Quart

from gateway.callbacks import callbacks_blueprint
from gateway.channels.base import Notice, NoticeSender, OutputChannel
from gateway.channels.notices import send_notice
from gateway.channels.web import CLOSE_GOING_AWAY, WebChannel
from gateway.channels.web_voice import voice_request_class
from gateway.channels.whatsapp import WhatsAppChannel
from gateway.dedupe import RecentIds, ReplyDedupe, SharedClaims
from gateway.estimate_pages import estimate_pages_blueprint
from gateway.feedback import feedback_blueprint
from gateway.delivery import MESSAGE_REJECTED_ES, DeliveryWorker
from gateway.drafts import DraftBoard, DraftFinishingChannel
from gateway.health import health_blueprint
from gateway.history import conversation_history
from gateway.hub import Hub, LocalHub
from gateway.intake import Intake
from gateway.limits import KNOWN_CONVERSATIONS, Limits
from gateway.llm_relay import Relay, llm_relay_blueprint
from gateway.logs import log_event
from gateway.n8n import N8nClient
from gateway.outbox import Outbox, OutboxRow
from gateway.settings import Settings
from gateway.speech.service import SpeechService
from gateway.staff.activity import watch_deliveries
from gateway.staff.wiring import install_staff_console
from gateway.voice import VoiceNotes

STATIC_DIR = Path(__file__).parent / "static"
RUNTIME_KEY = "remedios.runtime"

logger = logging.getLogger("gateway.app")


class Runtime:
    """The gateway's long-lived resources; available between startup and shutdown."""

    def __init__(
        self,
        settings: Settings,
        *,
        hub: Hub,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.hub = hub
        self._clock = clock
        self.n8n = N8nClient(settings, transport=transport)  # every request to n8n; closed by stop()
        # The durable outbox (SQLite, closed by stop()), the worker that hands its messages to n8n (started by
        # start()), and the intake every channel accepts messages through: made here, passed to the channels.
        self.outbox = Outbox.open(settings.outbox_path, synchronous=settings.outbox_synchronous)
        self.worker = DeliveryWorker(
            self.outbox,
            watch_deliveries(self.n8n.post_message, self.hub),  # staff consoles see stored messages live
            concurrency=settings.delivery_concurrency,
            backoff_base=settings.backoff_base,
            backoff_max=settings.backoff_max,
            retention=settings.outbox_retention,
            max_rejections=settings.outbox_max_rejections,
            on_rejected=self._tell_rejected,
            clock=clock,
            rng=rng,
        )
        self.intake = Intake(self.outbox, self.worker.notify, clock=clock)
        self._shutting_down = False
        self.whatsapp: WhatsAppChannel | None = None  # set by create_app; its background jobs live here
        # Set by create_app: each channel's output side for the gateway's own notices, by channel name.
        self.notices: dict[str, NoticeSender] = {}
        self.limits = Limits(settings)  # abuse limits per client address and overall (gateway/limits.py)
        self.speech = SpeechService(settings.speech)
        self._speech_loading: asyncio.Task[None] | None = None
        self.voice = VoiceNotes(self.speech, self.intake, ready=self.speech_ready)

    async def start(self) -> None:
        s = self.settings
        await self.hub.start()
        await self.n8n.start()
        # Conversations with messages in the outbox are not "new" when their pages reconnect after a restart.
        self.limits.remember_conversations(self.outbox.recent_conversations(KNOWN_CONVERSATIONS))
        self.worker.start()
        # The model loads in the speech pool (seconds): in the background, text chat does not wait for it.
        # Started before the channels, so a voice note they recover at startup waits for it (speech_ready).
        self._speech_loading = asyncio.create_task(self.speech.start(), name="speech-start")
        if self.whatsapp is not None:
            await self.whatsapp.start(self.intake, self.n8n)
        stats = self.outbox.stats(now=self._clock())
        log_event(logger, "gateway_started", outbox=str(s.outbox_path), pending=stats.depth)

    async def _tell_rejected(self, row: OutboxRow, detail: str) -> None:
        """n8n refused the message for good: the plumber is told on the channel the message came from (the web
        page marks it failed; WhatsApp answers it)."""
        self.limits.answered(row.conversation_id, row.message_id)  # no answer will come: not pending any more
        await send_notice(self.notices, Notice(row.conversation_id, row.channel, row.message_id, "message_rejected",
                                               MESSAGE_REJECTED_ES))

    async def begin_shutdown(self) -> None:
        """Close sockets and stop the worker after its in-flight requests; safe to call twice."""
        if self._shutting_down:
            return
        self._shutting_down = True
        self.hub.close_all(CLOSE_GOING_AWAY)
        if self.whatsapp is not None:  # its jobs stay in SQLite; in-flight ones get the shutdown timeout
            await self.whatsapp.stop(timeout=self.settings.shutdown_timeout)
        await self.worker.stop(timeout=self.settings.shutdown_timeout)

    async def speech_ready(self) -> None:
        """Wait until the speech model has finished loading (or failed to: then voice notes are unavailable)."""
        if self._speech_loading is not None:
            await asyncio.shield(self._speech_loading)

    def speech_status(self) -> dict[str, Any]:
        """For /readyz: `SpeechService.describe()`, plus `loading` while the model is still being loaded."""
        info = self.speech.describe()
        loading = self._speech_loading is not None and not self._speech_loading.done()
        info["loading"] = loading
        if loading:
            info["reason"] = "loading the model"
        return info

    async def stop(self) -> None:
        await self.begin_shutdown()
        await self.speech.close(grace_s=min(5.0, self.settings.shutdown_timeout))
        if self._speech_loading is not None and not self._speech_loading.done():
            self._speech_loading.cancel()
            await asyncio.gather(self._speech_loading, return_exceptions=True)
        await self.hub.aclose()
        await self.n8n.aclose()
        self.outbox.close()
        log_event(logger, "gateway_stopped")

    async def ready(self) -> tuple[bool, dict[str, Any]]:
        """For /readyz: text chat can be served (n8n and the hub answer), and those checks' details."""
        n8n = await self.n8n.check_health()
        hub_ok, hub_detail = await self.hub.check()
        return n8n.ok and hub_ok, {"n8n": {"reachable": n8n.ok, "detail": n8n.detail},
                                   "hub": {"ok": hub_ok, "detail": hub_detail}}

    def describe(self) -> dict[str, Any]:
        """For /readyz, the operator's details (gateway/health.py decides who sees them)."""
        stats = self.outbox.stats(now=self._clock())
        age = stats.oldest_pending_age
        return {
            "outbox": {
                "depth": stats.depth,
                "oldest_pending_age_seconds": None if age is None else round(age, 3),
                "in_flight": self.worker.in_flight,
                "rejected": stats.rejected,  # refused by n8n as malformed; kept in the outbox for staff
            },
            "connections": self.hub.connection_count(),
            "limits": self.limits.describe(),  # sockets, pending answers, voice uploads (gateway/limits.py)
            "whatsapp": self.whatsapp.describe() if self.whatsapp is not None else {"enabled": False},
            # Informational: voice notes being unavailable never makes the gateway unready (text chat works).
            "speech": self.speech_status(),
        }

    async def history(self, conversation_id: str) -> list[dict[str, Any]]:
        return await conversation_history(
            self.n8n, self.outbox, conversation_id, limit=self.settings.history_limit
        )


def create_app(
    settings: Settings,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    clock: Callable[[], float] = time.time,
    rng: random.Random | None = None,
) -> Quart:
    """The gateway as an ASGI app. `transport` replaces the HTTP transport to n8n (tests)."""
    app = Quart(__name__, static_folder=str(STATIC_DIR), static_url_path="/static")
    app.config["MAX_CONTENT_LENGTH"] = max(settings.max_frame_bytes * 4, 256 * 1024)
    # except the voice-note upload: up to SPEECH_MAX_BYTES (its route answers 413 in Spanish beyond that)
    app.request_class = voice_request_class(settings.speech.max_bytes)
    app.config["JSON_AS_ASCII"] = False

    runtime = Runtime(settings, hub=make_hub(settings), transport=transport, clock=clock, rng=rng)
    app.extensions[RUNTIME_KEY] = runtime

    drafts = DraftBoard(runtime.hub, ttl=settings.llm_relay.draft_ttl)  # streamed answers (gateway/drafts.py)
    web = WebChannel(settings, runtime.hub, runtime.intake, runtime.history, STATIC_DIR, runtime.limits,
                     after_history=drafts.snapshot, voice=runtime.voice)
    output_channels: dict[str, OutputChannel] = {web.name: web}

    app.register_blueprint(web.blueprint())
    whatsapp = WhatsAppChannel(settings, voice=runtime.voice, transport=transport, clock=clock, rng=rng)
    runtime.whatsapp = whatsapp
    output_channels[whatsapp.name] = whatsapp
    runtime.notices.update({web.name: web.send_notice, whatsapp.name: whatsapp.send_notice})
    app.register_blueprint(whatsapp.blueprint())
    relay = Relay(settings.llm_relay, drafts, whatsapp=whatsapp if whatsapp.enabled else None)
    app.register_blueprint(llm_relay_blueprint(relay, secret=settings.callback_secret,
                                               max_age=settings.callback_max_age, clock=clock))
    # A final reply ends its draft before it is pushed.
    output_channels = {name: DraftFinishingChannel(c, drafts) for name, c in output_channels.items()}
    output_channels = install_staff_console(app, settings, runtime.hub, runtime.n8n, output_channels, STATIC_DIR)
    app.register_blueprint(
        callbacks_blueprint(
            secret=settings.callback_secret,
            max_age=settings.callback_max_age,
            channels=output_channels,
            seen_replies=ReplyDedupe(
                RecentIds(settings.reply_dedupe_size),
                runtime.hub if isinstance(runtime.hub, SharedClaims) else None,
            ),
            clock=clock,
        )
    )
    app.register_blueprint(health_blueprint(runtime.ready, runtime.describe, token=settings.readyz_token))
    app.register_blueprint(estimate_pages_blueprint(runtime.n8n))  # /presupuestos/<number>
    app.register_blueprint(feedback_blueprint(settings, runtime.limits, runtime.n8n))  # /api/feedback
    @app.after_request
    async def no_sniffing(response: Any) -> Any:
        # Every answer is what its Content-Type says (the page's script and style, JSON, HTML), never sniffed.
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    app.before_serving(runtime.start)
    app.after_serving(runtime.stop)
    return app


def make_hub(settings: Settings) -> Hub:
    """One gateway: in-process fan-out. Several replicas: Redis pub/sub (GATEWAY_HUB_URL)."""
    if settings.hub_url:
        from gateway.redis_hub import RedisHub  # only needed (and imported) when configured

        return RedisHub(settings.hub_url, password=settings.hub_password or None)
    return LocalHub()


def runtime_of(app: Quart) -> Runtime:
    return app.extensions[RUNTIME_KEY]

