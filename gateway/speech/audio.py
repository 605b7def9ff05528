"""Decode a voice note (OGG/Opus, WebM/Opus, MP3, M4A/AAC, AMR, WAV) to 16 kHz mono 16-bit PCM.

Debian's ffprobe and ffmpeg, called directly (one probe, one decode that also resamples and downmixes).
Blocking (subprocesses, CPU): call it from a worker, never on the event loop. Every failure is an `AudioError`
whose `code` is stable and whose `message_es` can be shown to the plumber.

Safety: the bytes come from strangers, and ffmpeg can open many formats, some of which read other files or
URLs (HLS playlists, concat lists; ffmpeg's own probing skips an ID3 tag and would find a playlist behind it).
So the container is recognised by its magic bytes first, only the formats above are handed to ffprobe and
ffmpeg, **both** with that demuxer forced (`-f`, never probed) and with `-protocol_whitelist file,pipe` (no
network protocol can be opened, whatever the file says).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SAMPLE_RATE = 16_000
SAMPLE_WIDTH = 2  # bytes: signed 16-bit little-endian

_AGAIN = "¿Puedes enviarlo otra vez o escribir tu consulta?"
MESSAGES_ES: dict[str, str] = {
    "empty": f"No he podido entender el audio: el archivo está vacío. {_AGAIN}",
    "too_large": "El audio es demasiado grande para procesarlo. Envía una nota de voz más corta o escribe "
    "tu consulta.",
    "too_long": "La nota de voz es demasiado larga (máximo {max_minutes}). Envía una más corta o escribe tu "
    "consulta.",
    "too_short": f"La nota de voz es demasiado corta para entenderla. {_AGAIN}",
    "unsupported": "No reconozco el formato de ese archivo de audio. Envía una nota de voz normal (la del "
    "micrófono) o escribe tu consulta.",
    "undecodable": f"No he podido entender el audio: el archivo está dañado o vacío. {_AGAIN}",
    "truncated": f"No he podido entender el audio: la nota de voz llegó cortada o incompleta. {_AGAIN}",
    "no_speech": f"No he oído ninguna palabra en la nota de voz. {_AGAIN}",
    "unavailable": "Ahora mismo no puedo transcribir notas de voz (servicio no disponible). Por favor, "
    "escribe tu consulta.",
    "timeout": "La transcripción de la nota de voz está tardando demasiado. Por favor, escribe tu consulta "
    "o envía una nota más corta.",
    "failed": f"Ha habido un problema al transcribir la nota de voz. {_AGAIN}",
}
CODES = tuple(MESSAGES_ES)


class AudioError(Exception):
    """A voice note that cannot be turned into text; `message_es` is meant for the plumber.

    `code` is one of CODES: empty, too_large, too_long, too_short, unsupported, undecodable, truncated
    (audio problems), no_speech (decoded but nothing was said), unavailable, timeout, failed (service side).
    `detail` is for logs only (never shown to the plumber).
    """

    def __init__(self, code: str, message_es: str | None = None, *, detail: str = "") -> None:
        if code not in MESSAGES_ES:
            raise ValueError(f"unknown AudioError code {code!r}")
        self.code = code
        self.message_es = message_es if message_es is not None else MESSAGES_ES[code]
        self.detail = detail
        super().__init__(f"{code}: {detail or self.message_es}")

    def __reduce__(self) -> tuple[object, ...]:  # picklable across a process pool
        return (_rebuild_error, (self.code, self.message_es, self.detail))


def _rebuild_error(code: str, message_es: str, detail: str) -> AudioError:
    return AudioError(code, message_es, detail=detail)


@dataclass(frozen=True)
class DecodedAudio:
    pcm: bytes  # 16-bit signed little-endian, mono
    sample_rate: int = SAMPLE_RATE
    duration_s: float = 0.0
    container: str = ""  # ogg, webm, mp3, mp4, amr, wav, aac


def sniff_container(data: bytes) -> str | None:
    """The container named by the first bytes, or None when it is not one of the accepted formats."""
    head = data[:64]
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"  # EBML: WebM / Matroska (ffmpeg's matroska demuxer reads both)
    if head.startswith(b"#!AMR"):
        return "amr"  # "#!AMR\n" (narrow band) and "#!AMR-WB\n"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mp4"  # M4A, MP4, 3GP
    if head.startswith(b"ID3"):
        return "mp3"
    if len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xF6) == 0xF0:
        return "aac"  # ADTS (sync 0xFFF, layer 00)
    if len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0:
        return "mp3"  # MPEG audio frame sync
    return None


# ffmpeg demuxer forced for each container (never let ffmpeg guess on untrusted input), in ffprobe and ffmpeg.
_DEMUXERS = {
    "ogg": "ogg",
    "webm": "matroska",
    "amr": "amr",
    "wav": "wav",
    "mp4": "mp4",
    "mp3": "mp3",
    "aac": "aac",
}


# The only protocols ffprobe/ffmpeg may open: the note's own file (and pipes). No http, tcp, crypto, data, …
PROTOCOL_WHITELIST = "file,pipe"


def ffprobe_command(path: Path, container: str) -> list[str]:
    return ["ffprobe", "-v", "error", "-protocol_whitelist", PROTOCOL_WHITELIST, "-f", _DEMUXERS[container],
            "-of", "json", "-show_format", "-show_streams", f"file:{path}"]


def ffmpeg_command(path: Path, container: str, *, max_seconds: float) -> list[str]:
    """Decode the first audio stream, resampled (ffmpeg's filtered resampler) and downmixed, as raw PCM on
    stdout; at most `max_seconds`."""
    return ["ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-protocol_whitelist", PROTOCOL_WHITELIST,
            "-f", _DEMUXERS[container], "-i", f"file:{path}", "-map", "0:a:0", "-vn", "-t", f"{max_seconds:g}",
            "-ac", "1", "-ar", str(SAMPLE_RATE), "-c:a", "pcm_s16le", "-f", "s16le", "pipe:1"]


# Containers whose declared duration is exact enough to tell a cut file by it. ADTS AAC and AMR durations are
# estimated from the bit rate (AMR's DTX silence frames throw the estimate off), so they are left out.
_EXACT_DURATION = frozenset({"ogg", "webm", "mp4", "mp3", "wav"})


def ogg_is_cut(data: bytes) -> bool:
    """True when the last Ogg page is incomplete: the file was cut off in transit or in storage.

    Walks the pages from the start (each: 27-byte header, segment table, body). A file cut at an arbitrary
    byte almost always ends inside a page. Pages are not checked for the end-of-stream flag, which some
    writers omit on otherwise complete files.
    """
    offset, size = 0, len(data)
    while offset < size:
        if data[offset : offset + 4] != b"OggS" or offset + 27 > size:
            return True
        nsegs = data[offset + 26]
        table_end = offset + 27 + nsegs
        if table_end > size:
            return True
        body = sum(data[offset + 27 : table_end])
        offset = table_end + body
        if offset > size:
            return True
    return False


def _probe_duration(info: dict[str, object]) -> float | None:
    fmt = info.get("format")
    if not isinstance(fmt, dict):
        return None
    raw = fmt.get("duration")
    try:
        value = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return value if value > 0 else None


def _max_text(max_seconds: float) -> str:
    minutes = max_seconds / 60
    if minutes >= 1:
        n = round(minutes, 1)
        return f"{n:g} minuto" + ("" if n == 1 else "s")
    return f"{max_seconds:g} segundos"


def decode_to_pcm(
    data: bytes,
    *,
    max_bytes: int,
    max_seconds: float,
    content_type: str | None = None,
    min_seconds: float = 0.3,
) -> DecodedAudio:
    """Decode `data` to 16 kHz mono 16-bit PCM or raise AudioError.

    `content_type` is only a hint for logs: the container is recognised from the bytes themselves (browsers
    and WhatsApp label the same Opus audio in several ways).
    """
    del content_type  # the bytes decide; kept in the signature for callers and future use
    if not data:
        raise AudioError("empty", detail="0 bytes")
    if len(data) > max_bytes:
        raise AudioError("too_large", detail=f"{len(data)} bytes > {max_bytes}")
    container = sniff_container(data)
    if container is None:
        raise AudioError("unsupported", detail=f"unknown magic {data[:8]!r}")
    if container == "ogg" and ogg_is_cut(data):
        raise AudioError("truncated", detail="last Ogg page incomplete")

    too_long = AudioError("too_long", MESSAGES_ES["too_long"].format(max_minutes=_max_text(max_seconds)))
    with tempfile.TemporaryDirectory(prefix="remedios-audio-") as tmp:
        path = Path(tmp) / f"note.{container}"
        path.write_bytes(data)
        probe = subprocess.run(ffprobe_command(path, container), capture_output=True, stdin=subprocess.DEVNULL)
        try:
            info = json.loads(probe.stdout or b"{}")
        except ValueError:
            info = {}
        streams = info.get("streams") if isinstance(info, dict) else None
        if not streams or not any(isinstance(s, dict) and s.get("codec_type") == "audio" for s in streams):
            raise AudioError("undecodable", detail=f"no audio stream (ffprobe: {_last_line(probe.stderr)})")
        declared = _probe_duration(info)
        if declared is not None and declared > max_seconds + 0.5:
            too_long.detail = f"declared {declared:.1f}s > {max_seconds}s"
            raise too_long
        decoded = subprocess.run(
            ffmpeg_command(path, container, max_seconds=max_seconds + 1.0), capture_output=True,
            stdin=subprocess.DEVNULL,
        )
        if decoded.returncode != 0 or not decoded.stdout:
            raise AudioError("undecodable", detail=f"ffmpeg {decoded.returncode}: {_last_line(decoded.stderr)}")
        pcm = decoded.stdout[: len(decoded.stdout) // SAMPLE_WIDTH * SAMPLE_WIDTH]
    duration = len(pcm) / (SAMPLE_RATE * SAMPLE_WIDTH)
    if duration == 0:
        raise AudioError("undecodable", detail="decoded to no samples")
    if duration > max_seconds + 0.25:
        too_long.detail = f"decoded more than {max_seconds}s"
        raise too_long
    if container in _EXACT_DURATION and declared is not None and duration < declared * 0.9 - 0.25:
        raise AudioError("truncated", detail=f"decoded {duration:.2f}s of declared {declared:.2f}s")
    if duration < min_seconds:
        raise AudioError("too_short", detail=f"{duration:.2f}s < {min_seconds}s")
    return DecodedAudio(pcm=pcm, sample_rate=SAMPLE_RATE, duration_s=duration, container=container)


def _last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1][:300] if lines else "no output"
