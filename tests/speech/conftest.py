"""Speech test fixtures: models provisioned into the cache, voice notes synthesised per session.

Nothing is skipped: a missing tool or a model that cannot be provisioned fails the test with the reason.
The models go to SPEECH_MODELS_DIR (default ~/.cache/remedios/speech), so only the first run downloads.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from gateway.speech.engines import VoskTranscriber, WhisperTranscriber
from gateway.speech.provision import ProvisionError, provision_vosk_ko, provision_whisper
from gateway.speech.settings import SpeechSettings
from tests.speech import audio_fixtures as af
from tests.support.provision_lock import provisioning

_HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every speech test gets a timeout (provisioning on a cold cache included) unless it sets its own."""
    for item in items:
        if _HERE in Path(str(item.path)).parents and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(300))


@dataclass(frozen=True)
class Models:
    models_dir: Path
    whisper_dir: Path
    vosk_ko_dir: Path


@dataclass(frozen=True)
class Notes:
    dir: Path
    spanish_wav: Path
    spanish: dict[str, Path]  # format -> the Spanish sentence in that format
    korean_wav: Path
    long_spanish_ogg: Path  # about 25-30 s
    source_seconds: float  # duration of spanish_wav


@pytest.fixture(scope="session")
def models() -> Models:
    models_dir = SpeechSettings.from_env(os.environ).models_dir
    try:
        with provisioning(models_dir):  # the other process of `make test` may be provisioning too
            whisper = provision_whisper(models_dir)
            vosk_ko = provision_vosk_ko(models_dir)
    except ProvisionError as exc:
        pytest.fail(
            f"could not provision the speech models into {models_dir}: {exc}\n"
            "(try by hand: python -m gateway.speech.provision --whisper --vosk-ko)",
            pytrace=False,
        )
    return Models(models_dir=models_dir, whisper_dir=whisper, vosk_ko_dir=vosk_ko)


@pytest.fixture(scope="session")
def notes(tmp_path_factory: pytest.TempPathFactory) -> Notes:
    missing = af.missing_tools()
    if missing:
        pytest.fail(
            f"the speech tests need {', '.join(missing)} (apt-get install espeak-ng ffmpeg sox "
            "libsox-fmt-all)",
            pytrace=False,
        )
    d = tmp_path_factory.mktemp("voice-notes")
    es = af.speak(af.SPANISH_TEXT, d / "es.wav", voice="es")
    ko = af.speak(af.KOREAN_TEXT, d / "ko.wav", voice="ko", speed=150)
    long_wav = af.speak(af.LONG_SPANISH_TEXT, d / "long.wav", voice="es")
    return Notes(
        dir=d,
        spanish_wav=es,
        spanish={fmt: af.convert(es, fmt, d) for fmt in af.ALL_FORMATS},
        korean_wav=ko,
        long_spanish_ogg=af.convert(long_wav, "ogg", d),
        source_seconds=af.wav_duration(es),
    )


@pytest.fixture(scope="session")
def whisper(models: Models) -> WhisperTranscriber:
    engine = WhisperTranscriber(models.whisper_dir, language="es", cpu_threads=2, num_workers=2)
    engine.load()
    return engine


@pytest.fixture(scope="session")
def vosk_ko(models: Models) -> VoskTranscriber:
    engine = VoskTranscriber(models.vosk_ko_dir)
    engine.load()
    return engine


@pytest.fixture
def speech_settings(models: Models) -> SpeechSettings:
    return SpeechSettings(
        engine="whisper",
        models_dir=models.models_dir,
        whisper_model_dir=models.whisper_dir,
        workers=2,
        cpu_threads=1,
        max_seconds=120,
        timeout_s=120,
    )
