"""`python -m gateway`: serve the gateway with Hypercorn using Settings.from_env().

SIGTERM/SIGINT: stop accepting, close sockets (1001), let the delivery worker finish its in-flight
request, close the DB. Exit code 2 on a configuration error.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys

from hypercorn.asyncio import serve
from hypercorn.config import Config
from hypercorn.utils import LifespanFailureError

from gateway.app import create_app, runtime_of
from gateway.logs import configure_logging, log_event
from gateway.settings import Settings, SettingsError

logger = logging.getLogger("gateway")


def hypercorn_config(settings: Settings) -> Config:
    config = Config()
    config.bind = [f"{settings.host}:{settings.port}"]
    config.websocket_max_message_size = settings.ws_hard_limit_bytes
    config.graceful_timeout = settings.shutdown_timeout
    config.accesslog = None
    config.errorlog = logging.getLogger("hypercorn.error")
    return config


async def _serve(settings: Settings) -> None:
    app = create_app(settings)
    runtime = runtime_of(app)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    async def shutdown_trigger() -> None:
        await stop.wait()
        log_event(logger, "shutdown_requested")
        await runtime.begin_shutdown()

    log_event(logger, "serving", host=settings.host, port=settings.port)
    await serve(app, hypercorn_config(settings), shutdown_trigger=shutdown_trigger)


def _check_data_dir(settings: Settings) -> None:
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise SettingsError(f"GATEWAY_DATA_DIR {str(settings.data_dir)!r} cannot be created: {exc}") from exc
    if not os.access(settings.data_dir, os.W_OK | os.X_OK):
        raise SettingsError(f"GATEWAY_DATA_DIR {str(settings.data_dir)!r} is not writable")


def main() -> int:
    try:
        settings = Settings.from_env()
        settings.require_serving()
        _check_data_dir(settings)
    except SettingsError as exc:
        print(f"gateway: configuration error: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    try:
        asyncio.run(_serve(settings))
    except LifespanFailureError as exc:  # startup failed (e.g. the outbox cannot be opened): say why, once
        print(f"gateway: could not start: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
