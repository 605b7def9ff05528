"""Benchmark: llm-server over HTTP against the gpt4all bindings called directly, side by side.

    python bench/llm_server/bench_server.py [--model PATH] [--rounds 5] [--max-tokens 96]
                                            [--threads 2] [--sweep 1,2,3,4] [--json out.json]

What it measures, with the same model, prompt and sampling settings (temperature 0, so both
sides generate the same tokens):

* direct: ``GPT4All(...).model.prompt_model(...)`` in this process: time to first token, decode
  tokens/s (tokens after the first / time after the first), end-to-end tokens/s;
* server, streaming: ``POST /v1/chat/completions`` with ``stream: true`` from an httpx client:
  time to the first content chunk, decode tokens/s between first and last chunk, end-to-end;
* server, not streaming: end-to-end tokens/s (prompt + generation + HTTP);
* rounds alternate direct / streaming / plain so that load from other work on the machine hits
  all three alike; the ratios are computed per round and the medians reported;
* load time and RSS of the server process and of the direct model;
* the effect of ``n_threads`` on prompt and decode tokens/s (bindings direct).

The model must be provisioned (``python -m llm_server.provision``). Nothing is downloaded here.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "llm-server"))

from llm_server.chat_template import ChatMessage, render_chatml  # noqa: E402
from llm_server.settings import Settings  # noqa: E402

SYSTEM = (
    "Eres un asistente técnico para fontaneros en México y España. Responde en español, con pasos "
    "numerados, concretos y seguros. Si falta un dato, dilo; no inventes medidas ni precios."
)
CONTEXT = (
    "Ficha del cliente: vivienda de 1985, tubería de cobre de 1/2 pulgada en la cocina y el baño, "
    "calentador de paso a gas de 13 litros por minuto instalado en la azotea, presión de red "
    "aproximada de 2,5 bar, llave de paso general junto al medidor. El cliente reporta que el agua "
    "caliente sale tibia cuando se abren dos grifos a la vez y que el calentador hace un ruido de "
    "golpeteo al encender. Hace seis meses se cambió el regulador de gas. No hay fugas visibles. "
)
QUESTION = (
    "Con estos datos, explica paso a paso cómo diagnosticar el problema del calentador y qué revisar primero."
)
SAMPLING = {"temperature": 0.0, "top_p": 1.0}


@dataclass
class Run:
    kind: str
    ttft_ms: float
    total_s: float
    completion_tokens: int
    prompt_tokens: int
    decode_tps: float
    e2e_tps: float
    cpu_s: float = float("nan")  # CPU seconds the generating process spent (all its threads)
    request_id: str = ""


def rss_mb(pid: int | str = "self") -> dict[str, float]:
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, value = line.split(":")
            values[key] = round(int(value.split()[0]) / 1024, 1)
    return values


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def loadavg() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()


def build_prompt(settings: Settings) -> str:
    messages = [ChatMessage("system", SYSTEM), ChatMessage("user", CONTEXT + "\n\n" + QUESTION)]
    return render_chatml(messages, settings.default_system_prompt)


# -- direct bindings ------------------------------------------------------------------------------


def load_direct(model_path: Path, n_threads: int, n_ctx: int):
    from gpt4all import GPT4All

    started = time.perf_counter()
    model = GPT4All(
        model_path.name,
        model_path=str(model_path.parent),
        allow_download=False,
        device="cpu",
        n_ctx=n_ctx,
        n_threads=n_threads,
    )
    return model, time.perf_counter() - started


def direct_run(model, prompt: str, settings: Settings, max_tokens: int) -> Run:
    times: list[float] = []

    def on_token(token_id: int, text: str) -> bool:
        times.append(time.perf_counter())
        return True

    cpu_started = time.process_time()
    started = time.perf_counter()
    model.model.prompt_model(
        prompt,
        "%1",
        on_token,
        n_predict=max_tokens,
        top_k=settings.top_k,
        top_p=SAMPLING["top_p"],
        min_p=0.0,
        temp=SAMPLING["temperature"],
        n_batch=settings.n_batch,
        repeat_penalty=settings.repeat_penalty,
        repeat_last_n=settings.repeat_last_n,
        reset_context=True,
        special=True,
    )
    ended = time.perf_counter()
    completion = len(times)
    prompt_tokens = model.model.context.n_past - completion
    return Run(
        "direct",
        (times[0] - started) * 1000,
        ended - started,
        completion,
        prompt_tokens,
        (completion - 1) / (times[-1] - times[0]) if completion > 1 else 0.0,
        completion / (ended - started),
        time.process_time() - cpu_started,
    )


# -- server ---------------------------------------------------------------------------------------


def start_server(
    model_path: Path, n_threads: int, port: int, log_path: Path
) -> tuple[subprocess.Popen, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LLM_")}
    env.update(
        {
            "LLM_MODEL": str(model_path),
            "LLM_PORT": str(port),
            "LLM_N_THREADS": str(n_threads),
            "LLM_LOG_LEVEL": "INFO",  # the per-generation log lines carry the engine's own timings
            "PYTHONPATH": str(REPO / "llm-server"),
        }
    )
    started = time.perf_counter()
    log = open(log_path, "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "llm_server"],
        cwd=REPO / "llm-server",
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/healthz"
    while time.perf_counter() - started < 120:
        if process.poll() is not None:
            raise SystemExit(f"server exited: {log_path.read_text()[-2000:]}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return process, time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.02)
    process.kill()
    raise SystemExit("server did not start")


def server_body(model_id: str, prompt_messages: list[dict], max_tokens: int, stream: bool) -> dict:
    body = {
        "model": model_id,
        "messages": prompt_messages,
        "max_tokens": max_tokens,
        "stream": stream,
        **SAMPLING,
    }
    if stream:
        body["stream_options"] = {"include_usage": True}
    return body


def server_stream_run(client: httpx.Client, body: dict, pid: int) -> Run:
    request_id = uuid.uuid4().hex
    cpu_started = cpu_seconds(pid)
    started = time.perf_counter()
    chunk_times: list[float] = []
    usage = {}
    with client.stream(
        "POST", "/v1/chat/completions", json=body, headers={"X-Request-ID": request_id}
    ) as response:
        response.raise_for_status()
        for line in response.iter_lines():
            if not line.startswith("data: {"):
                continue
            event = json.loads(line[6:])
            if event.get("usage"):
                usage = event["usage"]
            elif event["choices"] and event["choices"][0]["delta"].get("content"):
                chunk_times.append(time.perf_counter())
    ended = time.perf_counter()
    completion = usage["completion_tokens"]
    return Run(
        "server-stream",
        (chunk_times[0] - started) * 1000,
        ended - started,
        completion,
        usage["prompt_tokens"],
        (completion - 1) / (chunk_times[-1] - chunk_times[0]) if completion > 1 else 0.0,
        completion / (ended - started),
        cpu_seconds(pid) - cpu_started,
        request_id,
    )


def server_plain_run(client: httpx.Client, body: dict, pid: int) -> Run:
    request_id = uuid.uuid4().hex
    cpu_started = cpu_seconds(pid)
    started = time.perf_counter()
    response = client.post("/v1/chat/completions", json=body, headers={"X-Request-ID": request_id})
    ended = time.perf_counter()
    response.raise_for_status()
    usage = response.json()["usage"]
    completion = usage["completion_tokens"]
    return Run(
        "server-plain",
        float("nan"),
        ended - started,
        completion,
        usage["prompt_tokens"],
        float("nan"),
        completion / (ended - started),
        cpu_seconds(pid) - cpu_started,
        request_id,
    )


def engine_timings(log_path: Path) -> dict[str, dict]:
    """The server's own per-generation timings (its ``generation`` log lines), by request id."""
    timings = {}
    for line in log_path.read_text(errors="replace").splitlines():
        if line.startswith("{") and '"event": "generation"' in line:
            entry = json.loads(line)
            timings[entry["request_id"]] = entry
    return timings


# -- main -----------------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def main() -> int:
    defaults = Settings.from_env({})
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=defaults.model_path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--max-tokens", type=int, default=96)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sweep", default="1,2,3,4", help="n_threads values for the sweep ('' to skip)")
    parser.add_argument("--port", type=int, default=48991)
    parser.add_argument("--json", type=Path, default=Path(__file__).with_name("results.json"))
    args = parser.parse_args()
    if not args.model.is_file():
        raise SystemExit(f"{args.model} not found: run `python -m llm_server.provision` first")

    settings = Settings.from_env({"LLM_MODEL": str(args.model)})
    prompt = build_prompt(settings)
    messages = [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": CONTEXT + "\n\n" + QUESTION},
    ]
    results: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "loadavg_start": loadavg(),
        },
        "model": str(args.model),
        "model_bytes": args.model.stat().st_size,
        "max_tokens": args.max_tokens,
        "n_threads": args.threads,
    }

    log_path = Path("/tmp/bench-llm-server.log")
    process, server_ready_s = start_server(args.model, args.threads, args.port, log_path)
    try:
        client = httpx.Client(base_url=f"http://127.0.0.1:{args.port}", timeout=600)
        health = client.get("/healthz").json()
        results["server"] = {
            "ready_after_spawn_s": round(server_ready_s, 2),
            "load_seconds": health["load_seconds"],
            "rss_after_load_mb": rss_mb(process.pid),
        }
        rss_before = rss_mb()["VmRSS"]
        direct, direct_load = load_direct(args.model, args.threads, settings.n_ctx)
        results["direct"] = {
            "load_seconds": round(direct_load, 3),
            "rss_delta_mb": round(rss_mb()["VmRSS"] - rss_before, 1),
        }
        model_id = health["model"]
        stream_body = server_body(model_id, messages, args.max_tokens, True)
        plain_body = server_body(model_id, messages, args.max_tokens, False)

        # warm-up (page cache, first-call allocations) on both sides
        direct_run(direct, prompt, settings, 8)
        server_stream_run(client, {**stream_body, "max_tokens": 8}, process.pid)

        runs: list[Run] = []
        for round_no in range(args.rounds):
            order = [
                ("direct", lambda: direct_run(direct, prompt, settings, args.max_tokens)),
                ("stream", lambda: server_stream_run(client, stream_body, process.pid)),
                ("plain", lambda: server_plain_run(client, plain_body, process.pid)),
            ]
            order = order[round_no % 3 :] + order[: round_no % 3]  # rotate who goes first
            for _, run in order:
                result = run()
                runs.append(result)
                print(
                    f"round {round_no + 1}: {result.kind:13s} ttft {result.ttft_ms:8.1f} ms  decode "
                    f"{result.decode_tps:6.2f} tok/s  e2e {result.e2e_tps:6.2f} tok/s  "
                    f"cpu {result.cpu_s:6.2f} s ({result.prompt_tokens} prompt, "
                    f"{result.completion_tokens} completion tokens)",
                    flush=True,
                )
        results["runs"] = [asdict(r) for r in runs]
        time.sleep(0.5)
        inside = engine_timings(log_path)
        results["server"]["rss_after_runs_mb"] = rss_mb(process.pid)

        by = {
            kind: [r for r in runs if r.kind == kind] for kind in ("direct", "server-stream", "server-plain")
        }
        tokens = {r.completion_tokens for r in runs}
        per_round = list(zip(by["direct"], by["server-stream"], by["server-plain"], strict=True))
        summary = {
            "same_token_counts": len(tokens) == 1,
            "prompt_tokens": by["direct"][0].prompt_tokens,
            "direct_ttft_ms": median([r.ttft_ms for r in by["direct"]]),
            "stream_ttft_ms": median([r.ttft_ms for r in by["server-stream"]]),
            "ttft_overhead_ms": median([s.ttft_ms - d.ttft_ms for d, s, _ in per_round]),
            "direct_decode_tps": median([r.decode_tps for r in by["direct"]]),
            "stream_decode_tps": median([r.decode_tps for r in by["server-stream"]]),
            "stream_decode_ratio": median([s.decode_tps / d.decode_tps for d, s, _ in per_round]),
            "direct_e2e_tps": median([r.e2e_tps for r in by["direct"]]),
            "stream_e2e_tps": median([r.e2e_tps for r in by["server-stream"]]),
            "plain_e2e_tps": median([r.e2e_tps for r in by["server-plain"]]),
            "stream_e2e_ratio": median([s.e2e_tps / d.e2e_tps for d, s, _ in per_round]),
            "plain_e2e_ratio": median([p.e2e_tps / d.e2e_tps for d, _, p in per_round]),
            "direct_cpu_s": median([r.cpu_s for r in by["direct"]]),
            "stream_cpu_s": median([r.cpu_s for r in by["server-stream"]]),
            "plain_cpu_s": median([r.cpu_s for r in by["server-plain"]]),
            "stream_cpu_ratio": median([s.cpu_s / d.cpu_s for d, s, _ in per_round]),
            "plain_cpu_ratio": median([p.cpu_s / d.cpu_s for d, _, p in per_round]),
            # the same request seen from the client and from inside the server (the bindings' callbacks):
            "stream_ttft_minus_engine_ttft_ms": median(
                [
                    r.ttft_ms - inside[r.request_id]["queued_ms"] - inside[r.request_id]["ttft_ms"]
                    for r in by["server-stream"]
                ]
            ),
            "stream_decode_vs_engine_decode": median(
                [r.decode_tps / inside[r.request_id]["decode_tokens_per_s"] for r in by["server-stream"]]
            ),
            "plain_e2e_minus_engine_total_ms": median(
                [
                    r.total_s * 1000 - inside[r.request_id]["queued_ms"] - inside[r.request_id]["total_ms"]
                    for r in by["server-plain"]
                ]
            ),
            "direct_prompt_tps": median([r.prompt_tokens / (r.ttft_ms / 1000) for r in by["direct"]]),
        }
        results["summary"] = summary
        args.json.write_text(json.dumps(results, indent=2) + "\n")  # kept even if the sweep is cut short
        print(json.dumps({k: results[k] for k in ("server", "direct", "summary")}, indent=2), flush=True)
        direct.close()
    finally:
        process.terminate()
        process.wait(30)

    sweep = []
    for n_threads in [int(x) for x in args.sweep.split(",") if x.strip()]:
        model, load_s = load_direct(args.model, n_threads, settings.n_ctx)
        direct_run(model, prompt, settings, 4)
        measured = [direct_run(model, prompt, settings, 48) for _ in range(2)]
        sweep.append(
            {
                "n_threads": n_threads,
                "load_seconds": round(load_s, 3),
                "prompt_tps": median([r.prompt_tokens / (r.ttft_ms / 1000) for r in measured]),
                "decode_tps": median([r.decode_tps for r in measured]),
            }
        )
        print(f"n_threads={n_threads}: {sweep[-1]}", flush=True)
        model.close()
    results["threads_sweep"] = sweep
    results["machine"]["loadavg_end"] = loadavg()

    args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(
        json.dumps(
            {k: results[k] for k in ("machine", "server", "direct", "summary", "threads_sweep")}, indent=2
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
