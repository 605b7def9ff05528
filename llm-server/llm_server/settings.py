"""Configuration: one frozen ``Settings`` read from environment variables.

Every variable, its default and its meaning are listed in ``llm-server/README.md``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .chat_template import QWEN_DEFAULT_SYSTEM_PROMPT

DEFAULT_MODEL_FILENAME = "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
DEFAULT_MODELS_DIR = "~/.cache/remedios/models"  # $REMEDIOS_CACHE_DIR/models when that is set


def default_models_dir(env: Mapping[str, str]) -> str:
    """Where models live unless LLM_MODELS_DIR says: inside the set-up's cache (REMEDIOS_CACHE_DIR), as the
    runner (devstack.config) and scripts/setup.sh --model expect."""
    cache = env.get("REMEDIOS_CACHE_DIR", "").strip()
    return str(Path(cache) / "models") if cache else DEFAULT_MODELS_DIR
ENGINES = ("gpt4all", "llamacpp")


class SettingsError(ValueError):
    """An environment variable has a value the server cannot use."""


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 4891
    models_dir: Path = Path(DEFAULT_MODELS_DIR).expanduser()
    model_path: Path = Path(DEFAULT_MODELS_DIR).expanduser() / DEFAULT_MODEL_FILENAME
    model_id: str = Path(DEFAULT_MODEL_FILENAME).stem
    n_threads: int | None = None
    n_ctx: int = 2048
    n_batch: int = 128
    prefix_cache: bool = True
    engine: str = "gpt4all"
    parallel: int = 4
    llamacpp_server: str | None = None
    device: str = "cpu"
    default_max_tokens: int = 512
    max_queue: int = 16
    max_n: int = 4
    api_key: str | None = None
    json_max_attempts: int = 3
    top_k: int = 40
    repeat_penalty: float = 1.18
    repeat_last_n: int = 64
    default_system_prompt: str | None = QWEN_DEFAULT_SYSTEM_PROMPT
    max_body_bytes: int = 1024 * 1024
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        reader = _Reader(env)
        models_dir = Path(reader.str("LLM_MODELS_DIR", default_models_dir(env))).expanduser()
        model_path = Path(reader.str("LLM_MODEL", str(models_dir / DEFAULT_MODEL_FILENAME))).expanduser()
        if model_path.suffix not in {".gguf", ".bin"}:
            raise SettingsError(
                f"LLM_MODEL must name a .gguf file (gpt4all requires the extension), not {model_path}"
            )
        n_threads = reader.int("LLM_N_THREADS", 0, minimum=0)
        api_key = reader.str("LLM_API_KEY", "").strip()
        system_prompt = reader.str("LLM_DEFAULT_SYSTEM_PROMPT", QWEN_DEFAULT_SYSTEM_PROMPT)
        settings = cls(
            host=reader.str("LLM_HOST", cls.host),
            port=reader.int("LLM_PORT", cls.port, minimum=0, maximum=65535),
            models_dir=models_dir,
            model_path=model_path,
            model_id=reader.str("LLM_MODEL_ID", "") or model_path.stem,
            n_threads=n_threads or None,
            n_ctx=reader.int("LLM_N_CTX", cls.n_ctx, minimum=64),
            n_batch=reader.int("LLM_N_BATCH", cls.n_batch, minimum=1, maximum=512),
            prefix_cache=reader.bool("LLM_PREFIX_CACHE", cls.prefix_cache),
            engine=reader.choice("LLM_ENGINE", cls.engine, ENGINES),
            parallel=reader.int("LLM_PARALLEL", cls.parallel, minimum=1, maximum=16),
            llamacpp_server=reader.str("LLM_LLAMACPP_SERVER", "").strip() or None,
            device=reader.str("LLM_DEVICE", cls.device),
            default_max_tokens=reader.int("LLM_DEFAULT_MAX_TOKENS", cls.default_max_tokens, minimum=1),
            max_queue=reader.int("LLM_MAX_QUEUE", cls.max_queue, minimum=1),
            max_n=reader.int("LLM_MAX_N", cls.max_n, minimum=1),
            api_key=api_key or None,
            json_max_attempts=reader.int(
                "LLM_JSON_MAX_ATTEMPTS", cls.json_max_attempts, minimum=1, maximum=10
            ),
            top_k=reader.int("LLM_TOP_K", cls.top_k, minimum=1),
            repeat_penalty=reader.float("LLM_REPEAT_PENALTY", cls.repeat_penalty, minimum=0.0),
            repeat_last_n=reader.int("LLM_REPEAT_LAST_N", cls.repeat_last_n, minimum=0),
            default_system_prompt=system_prompt or None,
            max_body_bytes=reader.int("LLM_MAX_BODY_BYTES", cls.max_body_bytes, minimum=1024),
            log_level=reader.str("LLM_LOG_LEVEL", cls.log_level).upper(),
        )
        if settings.log_level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise SettingsError(
                f"LLM_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {settings.log_level!r}"
            )
        return settings

    @property
    def is_loopback(self) -> bool:
        return self.host in {"127.0.0.1", "localhost", "::1"} or self.host.startswith("127.")


class _Reader:
    def __init__(self, env: Mapping[str, str]) -> None:
        self._env = env

    def str(self, name: str, default: str) -> str:
        return self._env.get(name, default)

    def int(self, name: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int:
        raw = self._env.get(name, "").strip()
        if not raw:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise SettingsError(f"{name} must be an integer, not {raw!r}") from None
        _check_range(name, value, minimum, maximum)
        return value

    def bool(self, name: str, default: bool) -> bool:
        raw = self._env.get(name, "").strip().lower()
        if not raw:
            return default
        if raw in {"1", "true", "yes", "on"}:
            return True
        if raw in {"0", "false", "no", "off"}:
            return False
        raise SettingsError(f"{name} must be 1/true/yes/on or 0/false/no/off, not {raw!r}")

    def choice(self, name: str, default: str, choices: tuple[str, ...]) -> str:
        raw = self._env.get(name, "").strip().lower()
        if not raw:
            return default
        if raw not in choices:
            raise SettingsError(f"{name} must be one of {', '.join(choices)}, not {raw!r}")
        return raw

    def float(self, name: str, default: float, *, minimum: float | None = None) -> float:
        raw = self._env.get(name, "").strip()
        if not raw:
            return default
        try:
            value = float(raw)
        except ValueError:
            raise SettingsError(f"{name} must be a number, not {raw!r}") from None
        _check_range(name, value, minimum, None)
        return value


def _check_range(name: str, value: float, minimum: float | None, maximum: float | None) -> None:
    if minimum is not None and value < minimum:
        raise SettingsError(f"{name} must be >= {minimum}, not {value}")
    if maximum is not None and value > maximum:
        raise SettingsError(f"{name} must be <= {maximum}, not {value}")
