"""decode_to_pcm on real voice notes in every accepted format, and on broken ones."""

from __future__ import annotations

import os
import pickle
import socket
import threading
import time
from pathlib import Path

import pytest

from gateway.speech.audio import (
    CODES,
    MESSAGES_ES,
    SAMPLE_RATE,
    AudioError,
    decode_to_pcm,
    ogg_is_cut,
    sniff_container,
)
from tests.speech import audio_fixtures as af
from tests.speech.conftest import Notes

MB = 1024 * 1024
CONTAINERS = {
    "ogg": "ogg",
    "webm": "webm",
    "mp3": "mp3",
    "m4a": "mp4",
    "wav": "wav",
    "amr": "amr",
    "3gp": "mp4",
    "aac": "aac",
}
CONTENT_TYPES = {
    "ogg": "audio/ogg; codecs=opus",
    "webm": "audio/webm;codecs=opus",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "wav": "audio/wav",
    "amr": "audio/amr",
    "3gp": "audio/3gpp",
    "aac": "audio/aac",
}


def decode(data: bytes, **kw: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {"max_bytes": 16 * MB, "max_seconds": 300.0}
    args.update(kw)
    return decode_to_pcm(data, **args)  # type: ignore[arg-type]


def error_of(data: bytes, **kw: object) -> AudioError:
    with pytest.raises(AudioError) as info:
        decode(data, **kw)
    return info.value


@pytest.mark.parametrize("fmt", af.ALL_FORMATS)
def test_each_format_decodes_to_16k_mono_pcm_with_the_right_duration(notes: Notes, fmt: str) -> None:
    data = notes.spanish[fmt].read_bytes()
    assert sniff_container(data) == CONTAINERS[fmt]
    audio = decode(data, content_type=CONTENT_TYPES[fmt])
    assert audio.sample_rate == SAMPLE_RATE == 16_000
    assert audio.container == CONTAINERS[fmt]
    assert len(audio.pcm) % 2 == 0
    assert audio.duration_s == pytest.approx(len(audio.pcm) / 32_000)
    # Codecs pad or trim a few tens of ms (AMR at 20 ms frames, AAC priming); the speech is all there.
    assert audio.duration_s == pytest.approx(notes.source_seconds, abs=0.2)
    # Not silence: real speech energy came through the decoder.
    samples = memoryview(audio.pcm).cast("h")
    assert max(abs(s) for s in samples[::7]) > 2000


def test_empty_audio() -> None:
    err = error_of(b"")
    assert err.code == "empty"
    assert "vacío" in err.message_es


def test_random_bytes_and_text_are_not_audio(notes: Notes) -> None:
    assert error_of(bytes(range(256)) * 40).code == "unsupported"
    text = b"Hola, esto es un archivo de texto y no una nota de voz.\n" * 50
    assert error_of(text).code == "unsupported"
    # An HLS playlist must never reach ffmpeg (it would open the files or URLs it names).
    assert error_of(b"#EXTM3U\n#EXTINF:10,\nfile:///etc/passwd\n").code == "unsupported"


class _Watch:
    """Records whether ffprobe/ffmpeg reached out: a loopback HTTP listener and a named pipe (a FIFO is
    'opened' the moment a reader opens it, which the watcher sees by opening it for writing)."""

    def __init__(self, folder: Path) -> None:
        self.fifo = folder / "segment.ts"
        os.mkfifo(self.fifo)
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(4)
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.connections = 0
        self.file_opened = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO while nobody reads it
            except OSError:
                pass
            else:
                self.file_opened = True
                os.close(fd)
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.listener.close()


def _id3(payload: bytes) -> bytes:
    """An ID3v2.4 tag of zero length, then `payload`: what an MP3 from a phone starts with."""
    return b"ID3\x04\x00\x00\x00\x00\x00\x00" + payload


def test_an_id3_header_in_front_of_an_hls_playlist_is_refused_without_opening_anything(tmp_path: Path) -> None:
    """ffmpeg's probe skips an ID3 tag and would take what follows for an HLS playlist, then open the files
    and URLs it names. The bytes say MP3, so MP3 is what ffprobe and ffmpeg are told to read."""
    watch = _Watch(tmp_path)
    playlist = (
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n"
        f"#EXTINF:2.0,\n{watch.fifo}\n"
        f"#EXTINF:2.0,\nhttp://127.0.0.1:{watch.port}/segment.ts\n#EXT-X-ENDLIST\n"
    ).encode()
    try:
        data = _id3(playlist)
        assert sniff_container(data) == "mp3"
        err = error_of(data)
        assert err.code == "undecodable", err.detail
        assert err.message_es == MESSAGES_ES["undecodable"] and "dañado" in err.message_es
        time.sleep(0.2)  # the watcher polls every 50 ms
    finally:
        watch.stop()
    assert not watch.file_opened, "ffprobe/ffmpeg opened a file named inside the note"
    assert watch.connections == 0, "ffprobe/ffmpeg connected to a URL named inside the note"


def test_ffprobe_and_ffmpeg_are_told_the_container_and_may_open_only_files_and_pipes(tmp_path: Path) -> None:
    from gateway.speech.audio import ffmpeg_command, ffprobe_command

    note = tmp_path / "note.mp3"
    for command in (ffprobe_command(note, "mp3"), ffmpeg_command(note, "mp3", max_seconds=10)):
        source = command.index(f"file:{note}")
        # input options: before the input
        assert command.index("-protocol_whitelist") < source and command.index("-f") < source
        assert command[command.index("-protocol_whitelist") + 1] == "file,pipe"
        assert command[command.index("-f") + 1] == "mp3"


def test_corrupt_audio_with_a_valid_looking_header_is_undecodable(notes: Notes) -> None:
    m4a = notes.spanish["m4a"].read_bytes()
    corrupt = m4a[:32] + bytes(len(m4a) - 32)  # header kept, everything else zeroed
    err = error_of(corrupt)
    assert err.code == "undecodable"
    assert err.message_es == MESSAGES_ES["undecodable"]
    assert "dañado" in err.message_es and "escribir tu consulta" in err.message_es


@pytest.mark.parametrize("fmt", ["ogg", "webm", "mp3"])
def test_half_truncated_note_is_reported_as_truncated(notes: Notes, fmt: str) -> None:
    data = notes.spanish[fmt].read_bytes()
    half = data[: len(data) // 2]
    if fmt == "ogg":
        assert ogg_is_cut(half) and not ogg_is_cut(data)
    err = error_of(half)
    assert err.code == "truncated", err.detail
    assert "cortada" in err.message_es


def test_half_truncated_m4a_is_undecodable(notes: Notes) -> None:
    data = notes.spanish["m4a"].read_bytes()  # its index (moov) is at the end: nothing left to play
    assert error_of(data[: len(data) // 2]).code == "undecodable"


def test_oversize_is_refused_before_decoding(notes: Notes) -> None:
    data = notes.spanish["wav"].read_bytes()
    err = error_of(data, max_bytes=len(data) - 1)
    assert err.code == "too_large"
    assert decode(data, max_bytes=len(data)).duration_s > 1


def test_over_long_note_is_refused(notes: Notes) -> None:
    long_ogg = af.tone(12.0, notes.dir / "tone12.ogg", fmt_args=["-c:a", "libopus"])
    err = error_of(long_ogg.read_bytes(), max_seconds=10)
    assert err.code == "too_long"
    assert "10 segundos" in err.message_es
    # WebM from a browser declares no duration: the decoded length is checked too.
    long_webm = af.tone(
        12.0, notes.dir / "tone12.webm", fmt_args=["-c:a", "libopus", "-f", "webm", "-live", "1"]
    )
    assert error_of(long_webm.read_bytes(), max_seconds=10).code == "too_long"
    assert decode(long_ogg.read_bytes(), max_seconds=13).duration_s == pytest.approx(12.0, abs=0.1)


def test_too_short_note(notes: Notes) -> None:
    blip = af.tone(0.1, notes.dir / "blip.ogg", fmt_args=["-c:a", "libopus"])
    assert error_of(blip.read_bytes(), min_seconds=0.3).code == "too_short"


def test_audio_error_codes_and_pickling() -> None:
    assert {"empty", "too_large", "too_long", "too_short", "undecodable", "truncated", "unavailable"} <= set(
        CODES
    )
    with pytest.raises(ValueError):
        AudioError("nonsense")
    err = AudioError("truncated", detail="x")
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.code, copy.message_es, copy.detail) == (err.code, err.message_es, "x")
