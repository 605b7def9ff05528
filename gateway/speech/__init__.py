"""Voice notes: decode (ffprobe + ffmpeg, demuxer forced), transcribe offline (Vosk or faster-whisper), off the event loop.

Public API:
    SpeechSettings.from_env()              -- gateway/speech/settings.py
    SpeechService(settings)                -- async start() / transcribe() / describe() / close()
    AudioError(code, message_es)           -- every failure the plumber should be told about
    Transcript(text, language, duration_s, engine, model, processing_s)
"""

from gateway.speech.audio import AudioError, DecodedAudio, decode_to_pcm
from gateway.speech.engines import Transcriber, Transcript, select_engine
from gateway.speech.service import SpeechService
from gateway.speech.settings import SpeechSettings

__all__ = [
    "AudioError",
    "DecodedAudio",
    "SpeechService",
    "SpeechSettings",
    "Transcriber",
    "Transcript",
    "decode_to_pcm",
    "select_engine",
]
