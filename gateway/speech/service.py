"""SpeechService: voice note bytes in, Transcript out, without ever blocking the event loop.

Decoding (ffmpeg subprocesses) and transcription (Kaldi or CTranslate2, both of which release the GIL) run
in a thread pool of SPEECH_WORKERS threads; the model is loaded once, at start(), in that pool, and shared
by the threads. Threads rather than processes, by measurement (bench/speech/RESULTS.md): the event loop's
lag stays in the milliseconds while a note is transcribed, and processes would pay one model (200-500 MB)
per worker and a pickle of the audio per call for nothing.

A note that takes longer than SPEECH_TIMEOUT_S (queueing included) gets AudioError("timeout"); a job still
queued then is dropped; one already running finishes in its thread (neither engine can be interrupted) and
its result is discarded.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from gateway.logs import log_event
from gateway.speech.audio import AudioError, decode_to_pcm
from gateway.speech.engines import Transcriber, Transcript, select_engine
from gateway.speech.settings import SpeechSettings

log = logging.getLogger("gateway.speech")

_SELECT = object()  # sentinel: choose the engine from the settings


class SpeechService:
    def __init__(self, settings: SpeechSettings, *, engine: Transcriber | None | object = _SELECT) -> None:
        """`engine`: leave out to choose by settings (select_engine); pass one to inject it (tests, bench)."""
        self.settings = settings
        self._engine_arg = engine
        self._engine: Transcriber | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._reason = "not started"
        self._started = False
        self._closed = False
        self._in_flight = 0
        self._done = 0
        self._failed = 0
        self._jobs: set[asyncio.Future[Transcript]] = set()

    # -- life cycle -----------------------------------------------------------------------------------
    async def start(self, *, strict: bool = False) -> None:
        """Choose and load the engine (in the pool: seconds, off the loop).

        A missing or broken model leaves the service running but unavailable (voice notes get a polite
        "no disponible" and describe() says why), so that text chat is never taken down by speech; with
        strict=True the error is raised instead.
        """
        if self._started:
            return
        self._started = True
        self._pool = ThreadPoolExecutor(max_workers=self.settings.workers, thread_name_prefix="speech")
        try:
            engine = select_engine(self.settings) if self._engine_arg is _SELECT else self._engine_arg
            if engine is None:
                self._reason = (
                    "no speech model: run `python -m gateway.speech.provision --whisper` or set "
                    "VOSK_MODEL_PATH (SPEECH_ENGINE=" + self.settings.engine + ")"
                )
                log_event(log, "speech_unavailable", level=logging.WARNING, reason=self._reason)
                return
            assert isinstance(engine, Transcriber)
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(self._pool, engine.load)
        except Exception as exc:  # SettingsError, EngineError, anything the engine raised while loading
            self._reason = str(exc)
            log_event(log, "speech_unavailable", level=logging.ERROR, reason=str(exc))
            if strict:
                raise
            return
        self._engine = engine
        self._reason = ""
        log_event(log, "speech_ready", speech=self.describe())

    async def close(self, *, grace_s: float = 5.0) -> None:
        """Stop taking notes, drop queued ones, give running ones `grace_s` to finish."""
        self._closed = True
        pool, self._pool = self._pool, None
        if pool is None:
            return
        pool.shutdown(wait=False, cancel_futures=True)  # queued jobs are dropped now
        running = [job for job in self._jobs if not job.done()]
        if running:
            _, pending = await asyncio.wait(running, timeout=grace_s)
            if pending:
                log_event(log, "speech_running_at_close", level=logging.WARNING, transcriptions=len(pending))

    async def __aenter__(self) -> SpeechService:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- work -----------------------------------------------------------------------------------------
    @property
    def available(self) -> bool:
        return self._engine is not None and not self._closed

    @property
    def engine(self) -> Transcriber | None:
        return self._engine

    async def transcribe(self, data: bytes, content_type: str | None = None) -> Transcript:
        """Decode and transcribe a voice note; raises AudioError (with `message_es` for the plumber)."""
        try:
            if self._engine is None or self._pool is None or self._closed:
                raise AudioError("unavailable", detail=self._reason or "closed")
            # The cheap checks before queueing, so a flood of junk does not occupy the workers.
            if not data:
                raise AudioError("empty", detail="0 bytes")
            if len(data) > self.settings.max_bytes:
                raise AudioError("too_large", detail=f"{len(data)} bytes > {self.settings.max_bytes}")
            transcript = await self._submit(self._engine, self._pool, data, content_type)
        except AudioError as exc:
            self._failed += 1
            log_event(log, "speech_refused", code=exc.code, detail=exc.detail)
            raise
        self._done += 1
        log_event(log, "speech_transcribed", duration_s=round(transcript.duration_s, 1),
                  processing_s=round(transcript.processing_s, 2), engine=transcript.engine)
        return transcript

    async def _submit(
        self, engine: Transcriber, pool: ThreadPoolExecutor, data: bytes, content_type: str | None
    ) -> Transcript:
        loop = asyncio.get_running_loop()
        try:
            job = loop.run_in_executor(pool, self._work, engine, data, content_type)
        except RuntimeError as exc:  # the pool was shut down: close() ran meanwhile
            raise AudioError("unavailable", detail=str(exc)) from None
        self._in_flight += 1
        self._jobs.add(job)
        job.add_done_callback(self._jobs.discard)
        try:
            return await asyncio.wait_for(job, self.settings.timeout_s)
        except TimeoutError:
            raise AudioError("timeout", detail=f"no transcript after {self.settings.timeout_s}s") from None
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if job.cancelled() and task is not None and not task.cancelling():
                # our queued job was dropped by close(), the caller itself was not cancelled
                raise AudioError("unavailable", detail="service closed") from None
            raise
        finally:
            self._in_flight -= 1

    def _work(self, engine: Transcriber, data: bytes, content_type: str | None) -> Transcript:
        """Runs in a pool thread: decode, transcribe; every failure becomes an AudioError."""
        started = time.perf_counter()
        s = self.settings
        try:
            audio = decode_to_pcm(
                data,
                max_bytes=s.max_bytes,
                max_seconds=s.max_seconds,
                min_seconds=s.min_seconds,
                content_type=content_type,
            )
        except AudioError:
            raise
        except Exception as exc:  # noqa: BLE001 - e.g. no space left for the temporary file
            log.exception("speech_decode_failed")
            raise AudioError("failed", detail=f"decode: {exc!r}") from None
        try:
            transcript = engine.transcribe(audio.pcm, audio.sample_rate)
        except Exception as exc:  # noqa: BLE001 - EngineError or any engine fault: never reach the chat
            log.exception("speech_engine_failed", extra={"engine": engine.name})
            raise AudioError("failed", detail=f"{engine.name}: {exc!r}") from None
        if not transcript.text.strip():
            raise AudioError("no_speech", detail=f"{engine.name} heard nothing in {audio.duration_s:.1f}s")
        return dataclasses.replace(
            transcript, duration_s=audio.duration_s, processing_s=time.perf_counter() - started
        )

    # -- status ---------------------------------------------------------------------------------------
    def describe(self) -> dict[str, Any]:
        """For /readyz: which engine and model are loaded, or why voice notes are unavailable."""
        s = self.settings
        info: dict[str, Any] = {
            "available": self.available,
            "engine": None,
            "model": None,
            "configured_engine": s.engine,
            "workers": s.workers,
            "cpu_threads": s.threads_per_worker,
            "max_bytes": s.max_bytes,
            "max_seconds": s.max_seconds,
            "timeout_s": s.timeout_s,
            "in_flight": self._in_flight,
            "transcribed": self._done,
            "refused": self._failed,
        }
        if self._engine is not None:
            info.update(self._engine.describe())
        if not self.available:
            info["reason"] = self._reason or "closed"
        return info
