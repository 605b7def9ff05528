"""The gpt4all 2.8.2 bindings, reduced to "load a GGUF" and "generate from a prompt".

Facts this relies on (measured on 2.8.2, see docs in the README):

* ``GPT4All(name, model_path=dir, allow_download=False, device="cpu")`` loads a local GGUF and
  never touches the network.
* ``LLModel.prompt_model(text, "%1", callback, ..., reset_context=True, special=True)`` runs one
  stateless generation: the already rendered chat template is the whole prompt, and
  ``special=True`` turns ``<|im_start|>`` etc. into control tokens.
* The response callback gets ``(token_id, text)`` per generated token and stops generation by
  returning ``False``; ``token_id == -1`` carries an error message instead (a prompt longer than
  the context window).
* The bindings call ``self._prompt_callback(token_id)`` once per prompt token after it has been
  evaluated; it has no public hook, so it is replaced on the instance for the duration of a call.
  Returning ``False`` there stops prompt processing (used when the client went away).
* The model object is not thread-safe: only the engine's single worker thread calls it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from .errors import ContextLengthExceeded, GenerationFailed
from .settings import Settings


@dataclass(frozen=True)
class SamplingParams:
    max_tokens: int
    temperature: float = 1.0
    top_p: float = 1.0
    min_p: float = 0.0
    top_k: int = 40
    repeat_penalty: float = 1.18
    repeat_last_n: int = 64
    stop: tuple[str, ...] = ()


@dataclass(frozen=True)
class BackendResult:
    prompt_tokens: int
    completion_tokens: int
    hit_token_limit: bool


class Backend(Protocol):
    """What the engine needs from a model. Only ever called from one thread."""

    def load(self) -> None: ...

    def describe(self) -> dict[str, object]: ...

    def generate(
        self,
        prompt: str,
        params: SamplingParams,
        on_prompt_token: Callable[[], bool],
        on_text: Callable[[str], bool],
    ) -> BackendResult: ...


class Gpt4AllBackend:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._gpt4all = None
        self._n_ctx = settings.n_ctx
        self._n_threads: int | None = settings.n_threads

    def load(self) -> None:
        from gpt4all import GPT4All  # imported here: loading the native library takes a moment

        path = self._settings.model_path
        if not path.is_file():
            raise FileNotFoundError(f"model file not found: {path}")
        model = GPT4All(
            path.name,
            model_path=str(path.parent),
            allow_download=False,
            device=self._settings.device,
            n_ctx=self._settings.n_ctx,
            n_threads=self._settings.n_threads,
            verbose=False,
        )
        try:
            self._n_threads = model.model.thread_count()  # raises if the native load failed
        except Exception as exc:
            model.close()
            raise RuntimeError(f"gpt4all could not load {path}: {exc}") from exc
        self._gpt4all = model

    def describe(self) -> dict[str, object]:
        return {"n_ctx": self._n_ctx, "n_threads": self._n_threads, "n_batch": self._settings.n_batch}

    def generate(
        self,
        prompt: str,
        params: SamplingParams,
        on_prompt_token: Callable[[], bool],
        on_text: Callable[[str], bool],
    ) -> BackendResult:
        if self._gpt4all is None:
            raise GenerationFailed("the model is not loaded")
        llm = self._gpt4all.model
        prompt_tokens = 0
        backend_error: str | None = None

        def prompt_callback(token_id: int) -> bool:
            nonlocal prompt_tokens
            prompt_tokens += 1
            return on_prompt_token()

        def response_callback(token_id: int, text: str) -> bool:
            nonlocal backend_error
            if token_id == -1:
                backend_error = text
                return False
            return on_text(text)

        llm._prompt_callback = prompt_callback  # see module docstring: no public hook in 2.8.2
        try:
            llm.prompt_model(
                prompt,
                "%1",
                response_callback,
                n_predict=params.max_tokens,
                top_k=params.top_k,
                top_p=params.top_p,
                min_p=params.min_p,
                temp=params.temperature,
                n_batch=self._settings.n_batch,
                repeat_penalty=params.repeat_penalty,
                repeat_last_n=params.repeat_last_n,
                reset_context=True,
                special=True,
            )
        finally:
            del llm._prompt_callback
        context = llm.context
        n_ctx = context.n_ctx if context is not None and context.n_ctx > 0 else self._n_ctx
        self._n_ctx = n_ctx
        if backend_error is not None:
            if "context window" in backend_error:
                raise ContextLengthExceeded(n_ctx)
            raise GenerationFailed(f"gpt4all: {backend_error}")
        n_past = context.n_past if context is not None else prompt_tokens
        completion_tokens = max(0, n_past - prompt_tokens)
        limit = min(params.max_tokens, n_ctx - prompt_tokens)
        return BackendResult(prompt_tokens, completion_tokens, completion_tokens >= limit)
