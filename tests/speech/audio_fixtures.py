"""Real voice notes made on the spot: espeak-ng speaks, ffmpeg and sox convert to what phones and browsers
send.

Used by the speech tests (session fixtures) and by bench/speech. Needs Debian's espeak-ng, ffmpeg, sox and
libsox-fmt-all (AMR).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SPANISH_TEXT = "Tengo una fuga en el grifo de la cocina"
KOREAN_TEXT = "안녕하세요 부엌 수도꼭지에서 물이 새요"
LONG_SPANISH_TEXT = (
    "Buenos días. Estoy en casa de un cliente y tengo una fuga en el grifo de la cocina. "
    "He cerrado la llave de paso, pero la tubería de cobre que va al fregadero sigue goteando. "
    "La junta parece vieja y el latiguillo está oxidado. "
    "¿Qué me recomiendas cambiar primero, la junta o el latiguillo entero? "
    "También quiero saber qué presión de agua es normal en un piso antiguo. "
    "El calentador es de gas y tiene unos quince años. Gracias."
)

# format name -> ffmpeg output arguments (input is espeak's 22.05 kHz mono WAV)
FFMPEG_FORMATS: dict[str, list[str]] = {
    "ogg": ["-c:a", "libopus", "-b:a", "24k", "-ar", "48000"],  # WhatsApp voice note
    "webm": ["-c:a", "libopus", "-b:a", "32k", "-ar", "48000"],  # browser MediaRecorder
    "mp3": ["-c:a", "libmp3lame", "-b:a", "64k"],
    "m4a": ["-c:a", "aac", "-b:a", "64k"],  # iPhone voice memo
    "wav": ["-c:a", "pcm_s16le", "-ar", "44100", "-ac", "2"],  # stereo 44.1 kHz: exercises the downmix
    "3gp": ["-c:a", "aac", "-b:a", "32k"],  # older Android recorders
    "aac": ["-c:a", "aac", "-b:a", "64k", "-f", "adts"],  # raw ADTS AAC
}
ALL_FORMATS = (*FFMPEG_FORMATS, "amr")

TOOLS = ("espeak-ng", "ffmpeg", "sox")


def missing_tools() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


def _run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()[-1000:]}")


def speak(text: str, out: Path, *, voice: str = "es", speed: int = 175) -> Path:
    """espeak-ng -> WAV (22.05 kHz mono)."""
    _run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(out), text])
    return out


def convert(wav: Path, fmt: str, out_dir: Path) -> Path:
    """WAV -> one of ALL_FORMATS (AMR-NB through sox: Debian's ffmpeg has no AMR encoder)."""
    out = out_dir / f"{wav.stem}-note.{fmt}"
    if fmt == "amr":
        _run(["sox", str(wav), "-r", "8000", "-c", "1", "-t", "amr-nb", str(out)])
    else:
        _run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(wav), *FFMPEG_FORMATS[fmt], str(out)])
    return out


def fit_duration(wav: Path, seconds: float, out: Path) -> Path:
    """Loop or cut `wav` to exactly `seconds` (for the 5 s and 30 s bench notes)."""
    _run(
        [
            "ffmpeg",
            "-nostdin",
            "-v",
            "error",
            "-y",
            "-stream_loop",
            "-1",
            "-i",
            str(wav),
            "-t",
            f"{seconds}",
            "-c:a",
            "pcm_s16le",
            str(out),
        ]
    )
    return out


def tone(seconds: float, out: Path, *, fmt_args: list[str] | None = None) -> Path:
    """A 440 Hz tone of the given length (for the over-long and silence-like cases)."""
    _run(
        [
            "ffmpeg",
            "-nostdin",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:duration={seconds}",
            "-ac",
            "1",
            *(fmt_args or []),
            str(out),
        ]
    )
    return out


def wav_duration(path: Path) -> float:
    out = subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True, check=True).stdout
    return float(out.strip())
