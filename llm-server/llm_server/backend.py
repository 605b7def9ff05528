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
* Prefix reuse (``LLM_PREFIX_CACHE``): ``reset_context=False`` with ``context.n_past`` set back to
  the length of an already evaluated prefix makes the backend evaluate only the tokens after it (the
  KV cache beyond ``n_past`` is overwritten). ``context.tokens`` mirrors the C++ token vector after
  each call, so whether the cached prefix is still intact can be checked, not assumed; at
  temperature 0 the answers with and without reuse are identical (tests/llm_server, slow test).
"""

from __future__ import annotations

from collections.abc import Callable
import logging
from dataclasses import dataclass
from typing import Protocol

from .chat_template import IM_END, IM_START
from .errors import ContextLengthExceeded, GenerationFailed
from .settings import Settings

log = logging.getLogger("llm_server.backend")


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


@dataclass(frozen=True)
class CachedPrefix:
    """A fixed prompt prefix whose KV cache the model holds at positions ``0 .. n_past - 1``."""

    text: str
    n_past: int
    tokens: tuple[int, ...]


def fixed_prefix(prompt: str) -> str | None:
    """The part of a rendered ChatML prompt that repeats between requests: its system turn.

    It ends right after the system turn's ``<|im_end|>\\n``, where the next text starts with the
    ``<|im_start|>`` control token, so tokenising the two parts apart gives the same tokens as the
    whole. None when the prompt does not open with a system turn followed by another turn.
    """
    opening = IM_START + "system\n"
    if not prompt.startswith(opening):
        return None
    end = prompt.find(IM_END + "\n" + IM_START)
    if end < 0:
        return None
    return prompt[: end + len(IM_END) + 1]


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
        self._prefix: CachedPrefix | None = None
        self._suffix_tokens: tuple[int, ...] | None = None
        self.prefix_hits = 0

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
        if self._settings.prefix_cache:
            self._suffix_tokens = self._measure_suffix()

    def describe(self) -> dict[str, object]:
        return {
            "engine": "gpt4all",
            "n_ctx": self._n_ctx,
            "n_threads": self._n_threads,
            "n_batch": self._settings.n_batch,
            "prefix_cache": self._settings.prefix_cache and self._suffix_tokens is not None,
            "prefix_cache_hits": self.prefix_hits,
        }

    def generate(
        self,
        prompt: str,
        params: SamplingParams,
        on_prompt_token: Callable[[], bool],
        on_text: Callable[[str], bool],
    ) -> BackendResult:
        if self._gpt4all is None:
            raise GenerationFailed("the model is not loaded")
        prefix = fixed_prefix(prompt) if self._settings.prefix_cache else None
        if prefix is None:
            return self._run(prompt, params, on_prompt_token, on_text, reused=0)
        # Checked before every use, not only after our own prefix runs: a prompt without the prefix, or a
        # failed one (gpt4all empties its token cache on "prompt too long"), rewrites the cache too.
        if self._prefix is not None and self._prefix.text == prefix and self._prefix_intact(self._prefix):
            self.prefix_hits += 1
        else:
            self._prefix = self._evaluate_prefix(prefix, on_prompt_token)
        cached = self._prefix
        if cached is None:  # cancelled, or too long for the context: the whole prompt as usual
            return self._run(prompt, params, on_prompt_token, on_text, reused=0)
        self._gpt4all.model.context.n_past = cached.n_past
        try:
            return self._run(prompt[len(prefix):], params, on_prompt_token, on_text, reused=cached.n_past)
        finally:
            if not self._prefix_intact(cached):
                self._prefix = None  # a context shift (or a failure) rewrote it: evaluate it again next time

    def _evaluate_prefix(self, prefix: str, on_prompt_token: Callable[[], bool]) -> CachedPrefix | None:
        """Evaluate ``prefix`` alone (no answer) and note where it ends; None if that did not finish."""
        llm = self._gpt4all.model
        counted = 0
        cancelled = False

        def prompt_callback(token_id: int) -> bool:
            nonlocal counted, cancelled
            counted += 1
            cancelled = not on_prompt_token()
            return not cancelled

        llm._prompt_callback = prompt_callback
        try:
            llm.prompt_model(prefix, "%1", lambda token_id, text: False, n_predict=0,
                             n_batch=self._settings.n_batch, reset_context=True, special=True)
        finally:
            del llm._prompt_callback
        context = llm.context
        suffix = self._suffix_tokens
        if cancelled or suffix is None or context is None or context.n_past != counted:
            return None
        tokens = tuple(context.tokens[i] for i in range(context.n_past))
        if tokens[len(tokens) - len(suffix):] != suffix:
            return None
        return CachedPrefix(prefix, len(tokens) - len(suffix), tokens[: len(tokens) - len(suffix)])

    def _measure_suffix(self) -> tuple[int, ...] | None:
        """The tokens gpt4all 2.8.2 appends to the context after every answer: with the template ``%1`` (no
        ``%2``) it decodes a default assistant suffix, ``"\\n\\n"``. A cached prefix must end before them, or
        every request would see two extra newlines after the system turn. Evaluating ``"\\n\\n"`` alone gives
        them twice in a row; anything else (an unexpected bindings version) turns the prefix cache off."""
        assert self._gpt4all is not None
        llm = self._gpt4all.model
        llm.prompt_model("\n\n", "%1", lambda token_id, text: False, n_predict=0, reset_context=True,
                         special=True)
        context = llm.context
        tokens = tuple(context.tokens[i] for i in range(context.tokens_size)) if context is not None else ()
        half = len(tokens) // 2
        if half == 0 or tokens[len(tokens) - 2 * half:len(tokens) - half] != tokens[len(tokens) - half:]:
            log.warning("prefix_cache_off", extra={"reason": "the bindings' answer suffix was not recognised",
                                                    "tokens": tokens})
            return None
        return tokens[len(tokens) - half:]

    def _prefix_intact(self, cached: CachedPrefix) -> bool:
        context = self._gpt4all.model.context if self._gpt4all is not None else None
        if context is None or context.tokens_size < cached.n_past:
            return False
        return all(context.tokens[i] == token for i, token in enumerate(cached.tokens))

    def _run(
        self,
        prompt: str,
        params: SamplingParams,
        on_prompt_token: Callable[[], bool],
        on_text: Callable[[str], bool],
        *,
        reused: int,
    ) -> BackendResult:
        assert self._gpt4all is not None
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
                reset_context=reused == 0,
                special=True,
            )
        finally:
            del llm._prompt_callback
        prompt_tokens += reused
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
