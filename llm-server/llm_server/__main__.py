"""``python -m llm_server``: serve the model over HTTP (settings from LLM_* environment variables)."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from hypercorn.asyncio import serve
from hypercorn.config import Config

from .app import create_app
from .llamacpp import build_engine
from .logs import configure_logging
from .settings import Settings, SettingsError

log = logging.getLogger("llm_server")


def hypercorn_config(settings: Settings) -> Config:
    config = Config()
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    config.bind = [f"{host}:{settings.port}"]
    config.accesslog = None  # the app logs every request itself, as JSON with the request id
    config.errorlog = logging.getLogger("hypercorn.error")
    config.graceful_timeout = 5.0
    config.keep_alive_timeout = 75.0
    return config


async def run(settings: Settings) -> int:
    engine = build_engine(settings)
    app = create_app(settings, engine)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signame in ("SIGINT", "SIGTERM"):
        loop.add_signal_handler(getattr(signal, signame), stop.set)

    async def shutdown_trigger() -> None:
        load_watch = asyncio.ensure_future(asyncio.to_thread(engine.loaded.wait))
        stop_watch = asyncio.ensure_future(stop.wait())
        await asyncio.wait({load_watch, stop_watch}, return_when=asyncio.FIRST_COMPLETED)
        if not stop.is_set() and engine.state == "failed":
            log.error("server_stopping", extra={"reason": "the model could not be loaded", "error": engine.load_error})
            stop_watch.cancel()
            return
        await stop.wait()

    log.info(
        "starting",
        extra={
            "bind": f"{settings.host}:{settings.port}",
            "model": str(settings.model_path),
            "model_id": settings.model_id,
            "n_ctx": settings.n_ctx,
            "n_threads": settings.n_threads,
            "engine": settings.engine,
            "api_key": bool(settings.api_key),
        },
    )
    await serve(app, hypercorn_config(settings), shutdown_trigger=shutdown_trigger)
    return 1 if engine.state == "failed" else 0


def main() -> int:
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"llm-server: configuration error: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    if not settings.model_path.is_file():
        log.error(
            "model_file_not_found",
            extra={
                "model": str(settings.model_path),
                "hint": "provision it with `python -m llm_server.provision` or set LLM_MODEL",
            },
        )
        return 2
    if not settings.is_loopback and not settings.api_key:
        log.warning(
            "open_beyond_loopback",
            extra={
                "host": settings.host,
                "reason": "listening beyond loopback without LLM_API_KEY: anyone who can reach the port can use "
                "the model",
            },
        )
    return asyncio.run(run(settings))


if __name__ == "__main__":
    sys.exit(main())
