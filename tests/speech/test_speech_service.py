"""SpeechService: transcription off the event loop, errors for the plumber, readiness info, shutdown."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from gateway.speech.audio import AudioError
from gateway.speech.engines import Transcript, VoskTranscriber, WhisperTranscriber
from gateway.speech.service import SpeechService
from gateway.speech.settings import SpeechSettings
from tests.speech.conftest import Models, Notes
from tests.speech.test_speech_engines import heard


class LoopLag:
    """A ticker on the loop: how late each 10 ms sleep wakes up is what a webhook ack would wait."""

    def __init__(self, period: float = 0.01) -> None:
        self.period = period
        self.lags: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(self.period)
            self.lags.append(time.perf_counter() - start - self.period)

    def __enter__(self) -> LoopLag:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()

    @property
    def max(self) -> float:
        return max(self.lags, default=0.0)


@pytest.fixture
async def service(speech_settings: SpeechSettings) -> AsyncIterator[SpeechService]:
    svc = SpeechService(speech_settings)
    await svc.start(strict=True)
    yield svc
    await svc.close()


async def test_a_voice_note_becomes_a_transcript(service: SpeechService, notes: Notes) -> None:
    t = await service.transcribe(notes.spanish["ogg"].read_bytes(), "audio/ogg; codecs=opus")
    assert isinstance(t, Transcript)
    assert t.engine == "whisper" and t.model == "whisper-base" and t.language == "es"
    assert heard("fuga", t.text, cutoff=0.6)
    assert t.duration_s == pytest.approx(notes.source_seconds, abs=0.2)
    assert t.processing_s > 0
    assert t.display_text == f"🎤 {t.text}"


async def test_describe_for_readyz(service: SpeechService) -> None:
    info = service.describe()
    assert info["available"] is True
    assert (info["engine"], info["model"], info["loaded"]) == ("whisper", "whisper-base", True)
    assert info["workers"] == 2 and info["cpu_threads"] == 1 and info["load_s"] > 0
    assert "reason" not in info


async def test_transcription_does_not_block_the_event_loop(service: SpeechService, notes: Notes) -> None:
    """A long note and a short one in parallel; the loop keeps ticking and other chats are served."""
    long_note = notes.long_spanish_ogg.read_bytes()
    with LoopLag() as lag:
        job = asyncio.create_task(service.transcribe(long_note, "audio/ogg"))
        await asyncio.sleep(0.3)  # the long one is now being decoded / transcribed
        # "another chat": its text message is handled while the long note is being transcribed
        other_started = time.perf_counter()
        await asyncio.sleep(0)
        other_latency = time.perf_counter() - other_started
        short = await service.transcribe(notes.spanish["webm"].read_bytes(), "audio/webm")
        long_done = job.done()
        transcript = await job
    assert transcript.duration_s > 20 and len(transcript.text) > 100
    assert short.text and not long_done, "the short note waited behind the long one"
    assert other_latency < 0.05
    # A correctness bound (non-blocking), not a speed target: measured lags are in bench/speech/RESULTS.md.
    assert len(lag.lags) > 50
    assert lag.max < 0.5, f"max loop lag {lag.max:.3f}s"


async def test_bad_audio_gets_its_error_and_the_service_carries_on(
    service: SpeechService, notes: Notes
) -> None:
    with pytest.raises(AudioError) as err:
        await service.transcribe(b"", "audio/ogg")
    assert err.value.code == "empty"
    with pytest.raises(AudioError) as err:
        await service.transcribe(b"no es audio" * 100, "audio/ogg")
    assert err.value.code == "unsupported"
    ogg = notes.spanish["ogg"].read_bytes()
    with pytest.raises(AudioError) as err:
        await service.transcribe(ogg[: len(ogg) // 2], "audio/ogg")
    assert err.value.code == "truncated"
    assert (await service.transcribe(ogg, "audio/ogg")).text
    info = service.describe()
    assert info["refused"] == 3 and info["transcribed"] == 1 and info["in_flight"] == 0


async def test_oversize_is_refused_without_queueing(speech_settings: SpeechSettings, notes: Notes) -> None:
    data = notes.spanish["wav"].read_bytes()
    async with SpeechService(speech_settings.replace(max_bytes=len(data) - 1)) as svc:
        with pytest.raises(AudioError) as err:
            await svc.transcribe(data, "audio/wav")
        assert err.value.code == "too_large"
        assert svc.describe()["in_flight"] == 0


async def test_silence_is_no_speech(models: Models, notes: Notes) -> None:
    settings = SpeechSettings(engine="vosk", vosk_model_path=models.vosk_ko_dir, workers=1)
    from tests.speech import audio_fixtures as af

    silence = af.tone(2.0, notes.dir / "silence.ogg", fmt_args=["-af", "volume=0", "-c:a", "libopus"])
    async with SpeechService(settings) as svc:
        with pytest.raises(AudioError) as err:
            await svc.transcribe(silence.read_bytes(), "audio/ogg")
    assert err.value.code == "no_speech"


async def test_vosk_through_the_service(models: Models, notes: Notes, vosk_ko: VoskTranscriber) -> None:
    settings = SpeechSettings(engine="vosk", vosk_model_path=models.vosk_ko_dir, workers=2)
    svc = SpeechService(settings, engine=vosk_ko)  # the session's loaded model, injected
    await svc.start()
    try:
        assert svc.describe()["engine"] == "vosk" and svc.describe()["language"] == "ko"
        with LoopLag() as lag:
            t = await svc.transcribe(notes.korean_wav.read_bytes(), "audio/wav")
        assert t.engine == "vosk" and t.text.strip()
        assert lag.max < 0.5
    finally:
        await svc.close()


async def test_no_engine_means_voice_notes_unavailable(tmp_path: Path, notes: Notes) -> None:
    settings = SpeechSettings(models_dir=tmp_path, workers=1)  # auto, nothing provisioned there
    async with SpeechService(settings) as svc:
        info = svc.describe()
        assert info["available"] is False and info["engine"] is None
        assert "provision" in info["reason"]
        with pytest.raises(AudioError) as err:
            await svc.transcribe(notes.spanish["ogg"].read_bytes(), "audio/ogg")
    assert err.value.code == "unavailable"
    assert "no disponible" in err.value.message_es


async def test_a_broken_model_leaves_the_service_unavailable_or_raises_when_strict(tmp_path: Path) -> None:
    for name in ("model.bin", "config.json", "tokenizer.json", "vocabulary.json"):
        (tmp_path / name).write_text("{}")
    settings = SpeechSettings(engine="whisper", whisper_model_dir=tmp_path, workers=1)
    svc = SpeechService(settings)
    await svc.start()
    assert svc.describe()["available"] is False and "could not load" in svc.describe()["reason"]
    await svc.close()
    with pytest.raises(Exception, match="could not load"):
        await SpeechService(settings).start(strict=True)


async def test_timeout(speech_settings: SpeechSettings, notes: Notes, whisper: WhisperTranscriber) -> None:
    svc = SpeechService(speech_settings.replace(timeout_s=0.2), engine=whisper)
    await svc.start()
    try:
        with pytest.raises(AudioError) as err:
            await svc.transcribe(notes.long_spanish_ogg.read_bytes(), "audio/ogg")
        assert err.value.code == "timeout"
        assert "tardando" in err.value.message_es
    finally:
        started = time.perf_counter()
        await svc.close(grace_s=0.5)
        assert time.perf_counter() - started < 2
    with pytest.raises(AudioError) as err:
        await svc.transcribe(notes.spanish["ogg"].read_bytes(), "audio/ogg")
    assert err.value.code == "unavailable"


async def test_engine_failure_is_a_polite_error(speech_settings: SpeechSettings, notes: Notes) -> None:
    class Broken(WhisperTranscriber):
        def load(self) -> None:
            pass

        @property
        def loaded(self) -> bool:
            return True

        def transcribe(self, pcm: bytes, sample_rate: int = 16_000) -> Transcript:
            raise RuntimeError("CTranslate2 exploded")

    async with SpeechService(speech_settings, engine=Broken(Path("/nowhere"))) as svc:
        with pytest.raises(AudioError) as err:
            await svc.transcribe(notes.spanish["ogg"].read_bytes(), "audio/ogg")
    assert err.value.code == "failed" and "exploded" in err.value.detail
    assert "CTranslate2" not in err.value.message_es


async def test_close_drops_queued_notes_politely(
    speech_settings: SpeechSettings, notes: Notes, whisper: WhisperTranscriber
) -> None:
    svc = SpeechService(speech_settings.replace(workers=1), engine=whisper)
    await svc.start()
    running = asyncio.create_task(svc.transcribe(notes.spanish["ogg"].read_bytes(), "audio/ogg"))
    queued = asyncio.create_task(svc.transcribe(notes.spanish["webm"].read_bytes(), "audio/webm"))
    await asyncio.sleep(0.05)
    await svc.close(grace_s=30)
    assert (await running).text  # the running one finished within the grace period
    with pytest.raises(AudioError) as err:
        await queued
    assert err.value.code == "unavailable"
    assert svc.describe()["available"] is False
