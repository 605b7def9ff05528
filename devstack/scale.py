"""The scale-out topology on one machine, without Docker: n8n in queue mode (main + worker + webhook
processes sharing Redis) and several gateway replicas sharing a Redis hub.

It is what the compose file's ``scale`` profile deploys, started with the same programs, so the integration
tests can prove that a reply reaches the browser whichever replica holds its WebSocket.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from . import secrets as secrets_store
from .processes import ManagedProcess, StartupError, free_port, http_ok
from .stack import Stack


def redis_server_binary() -> str:
    binary = shutil.which("redis-server")
    if binary is None:
        raise StartupError("redis-server is not installed: scripts/setup.sh installs Debian's redis-server")
    return binary


@dataclass
class ScaledStack(Stack):
    """Stack plus Redis, an n8n worker and webhook process, and ``replicas`` gateways."""

    replicas: int = 2
    redis_port: int = field(default_factory=free_port)
    webhook_port: int = field(default_factory=free_port)
    redis: ManagedProcess | None = None
    n8n_worker: ManagedProcess | None = None
    n8n_webhook: ManagedProcess | None = None
    gateways: list[ManagedProcess] = field(default_factory=list)
    gateway_ports: list[int] = field(default_factory=list)

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/0"

    @property
    def webhook_url(self) -> str:
        return f"http://127.0.0.1:{self.webhook_port}"

    def start(self) -> "ScaledStack":
        self.secrets = secrets_store.load_or_create(self.config.run_dir)  # makes run/ (0700) and secrets.env (0600)
        self.start_postgres()
        self.llm = self._llm_process()
        self.llm.start()
        self.start_queue_mode_n8n()
        self.llm.wait_until(lambda: http_ok(self.config.llm_url + "/healthz"), 300, "the model loaded (/healthz)")
        self._start_gateways()
        self.say(f"Scaled stack ready: gateways on ports {self.gateway_ports}, n8n webhook process on {self.webhook_port}")
        return self

    def start_queue_mode_n8n(self, extra_workflows: Sequence[Path] = ()) -> None:
        """Redis, then n8n's main, worker and webhook processes (after importing the workflows)."""
        self.redis = ManagedProcess(
            "redis", [redis_server_binary(), "--bind", "127.0.0.1", "--port", str(self.redis_port), "--save", "",
                      "--appendonly", "no", "--dir", str(self.config.run_dir)],
            {}, self.config.run_dir / "logs" / "redis.log")
        self.redis.start()
        # Production webhooks are served by the webhook process only (below), so a forgotten message is run again
        # there too (answer-redrive.json reads the setting chat_webhook_url).
        self.settings_overrides["chat_webhook_url"] = f"{self.webhook_url}/webhook/remedios-chat"
        self.prepare_n8n()
        self.n8n_cli().import_and_publish(extra_workflows)
        self.n8n_env.update({
            "EXECUTIONS_MODE": "queue",
            "QUEUE_BULL_REDIS_HOST": "127.0.0.1",
            "QUEUE_BULL_REDIS_PORT": str(self.redis_port),
            # Production webhooks are served by the webhook process only, as in the compose scale profile.
            "N8N_DISABLE_PRODUCTION_MAIN_PROCESS": "true",
        })
        self.start_n8n_main()
        self.n8n_worker = self._n8n_role("n8n-worker", ["worker", "--concurrency=10"], free_port(), self.config.n8n_port)
        self.n8n_worker.start()
        self.n8n_webhook = self._n8n_role("n8n-webhook", ["webhook"], free_port(), self.webhook_port)
        self.n8n_webhook.start()
        self._wait_for_webhook_process()

    def _start_gateways(self) -> None:
        self.gateway_ports = [self.config.gateway_port] + [free_port() for _ in range(self.replicas - 1)]
        for index, port in enumerate(self.gateway_ports):
            process = ManagedProcess(f"gateway-{index + 1}", [self.config.python, "-m", "gateway"],
                                     self._replica_env(index, port),
                                     self.config.run_dir / "logs" / f"gateway-{index + 1}.log", cwd=self.config.root)
            process.start()
            self.gateways.append(process)
        for process, port in zip(self.gateways, self.gateway_ports):
            process.wait_until(lambda p=port: http_ok(f"http://127.0.0.1:{p}/readyz"), 90, "/readyz")
        self.gateway = self.gateways[0]

    def start_n8n_main(self) -> None:
        from .n8n import n8n_process

        self.n8n = n8n_process(self.config, self.n8n_env)
        self.n8n.start()
        self.n8n.wait_until(lambda: httpx.get(self.config.n8n_url + "/healthz/readiness", timeout=2).status_code == 200,
                            180, "/healthz/readiness of the main process")

    def _n8n_role(self, name: str, args: list[str], runner_port: int, port: int) -> ManagedProcess:
        env = {**self.n8n_env, "N8N_RUNNERS_BROKER_PORT": str(runner_port), "N8N_PORT": str(port)}
        return ManagedProcess(name, [str(self.config.n8n_bin), *args], env, self.config.run_dir / "logs" / f"{name}.log")

    def _wait_for_webhook_process(self) -> None:
        assert self.n8n_webhook is not None
        token = {"X-Remedios-Token": self.secrets["N8N_WEBHOOK_TOKEN"]}
        self.n8n_webhook.wait_until(
            lambda: httpx.get(self.webhook_url + "/webhook/remedios-history", params={"conversation_id": "probe"},
                              headers=token, timeout=5).status_code == 200,
            180, "the history webhook answering on the webhook process")

    def _replica_env(self, index: int, port: int) -> dict[str, str]:
        env = self.gateway_env()
        env.update({
            "GATEWAY_PORT": str(port),
            "GATEWAY_DATA_DIR": str(self.config.run_dir / f"gateway-{index + 1}"),
            "GATEWAY_HUB_URL": self.redis_url,
            "N8N_CHAT_WEBHOOK_URL": f"{self.webhook_url}/webhook/remedios-chat",
            "N8N_HISTORY_WEBHOOK_URL": f"{self.webhook_url}/webhook/remedios-history",
            "N8N_STATUS_WEBHOOK_URL": f"{self.webhook_url}/webhook/remedios-status",
        })
        return env

    def stop(self) -> None:
        for process in [*reversed(self.gateways), self.n8n_webhook, self.n8n_worker, self.n8n, self.llm, self.redis]:
            if process is not None:
                process.stop()
        if self.postgres is not None:
            self.postgres.stop()

