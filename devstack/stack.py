"""The whole system on loopback: Postgres, LLM server, n8n and gateway, started and stopped in order."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import secrets as secrets_store
from .config import StackConfig
from .n8n import (
    WORKFLOWS_DIR, N8nCli, credentials_document, export_workflows, n8n_environment, n8n_process, owner_password_hash,
    staff_form_user, wait_for_n8n,
)
from .postgres import (
    DatabaseInfo, EmbeddedPostgres, adopt_old_cluster, apply_schema, claim_cluster, external_databases,
    provision_databases, remove_orphan_clusters,
)
from .llm_replicas import LlmReplicas
from .workflow_settings import runner_settings, write_settings
from .process_env import gateway_environment, llm_server_environment
from .processes import ManagedProcess, StartupError, http_ok
from .supervisor import Part

Say = Callable[[str], None]
DEFAULT_LLM_MODEL_ID = "remedios-local"


# The gateway's per-address budgets (gateway/README.md, "Abuse limits") off: for test suites and benchmarks whose one
# client on 127.0.0.1 stands for many plumbers (Stack.gateway_extra_env.update(ONE_CLIENT_MANY_PLUMBERS)).
ONE_CLIENT_MANY_PLUMBERS = {
    "GATEWAY_ADDRESS_MESSAGES_PER_MINUTE": "0",
    "GATEWAY_ADDRESS_MAX_PENDING": "0",
    "GATEWAY_ADDRESS_NEW_CONVERSATIONS_PER_MINUTE": "0",
    "GATEWAY_STAFF_LOGINS_PER_MINUTE": "0",
}


@dataclass
class Stack:
    config: StackConfig
    say: Say = print
    llm_model_id: str = DEFAULT_LLM_MODEL_ID
    secrets: dict[str, str] = field(default_factory=dict)
    postgres: EmbeddedPostgres | None = None
    app_db: DatabaseInfo | None = None
    n8n_db: DatabaseInfo | None = None
    llm: ManagedProcess | LlmReplicas | None = None
    n8n: ManagedProcess | None = None
    gateway: ManagedProcess | None = None
    n8n_env: dict[str, str] = field(default_factory=dict)
    # Extra gateway settings, e.g. WhatsApp variables pointing at a local fake Graph API in tests.
    gateway_extra_env: dict[str, str] = field(default_factory=dict)
    # The workflows' settings (table remedios_settings, devstack/workflow_settings.py): rows to write instead of
    # the runner's own values (tests: a stub model, a callback recorder), and every setting as last written.
    settings_overrides: dict[str, str] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)

    # ------------------------------------------------------------------ start
    def start(self) -> "Stack":
        self.secrets = secrets_store.load_or_create(self.config.run_dir)  # makes run/ (0700) and secrets.env (0600)
        self.start_postgres()
        self.llm = self._llm_process()
        self.llm.start()
        self.say(f"LLM server starting on {self.config.llm_url} with {self.config.llm_model}")
        self.prepare_n8n()
        self.start_n8n()
        self.llm.wait_until(lambda: http_ok(self.config.llm_url + "/healthz"), 300, "the model loaded (/healthz)")
        self.say("LLM server ready.")
        self.gateway = self._gateway_process()
        self.start_gateway()
        return self

    def start_postgres(self) -> None:
        if self.config.database_url:
            self.say("Postgres: using DATABASE_URL.")
            self.app_db, self.n8n_db = external_databases(self.config.database_url)
        else:
            data_dir = self.config.postgres_data_dir
            if not data_dir.is_relative_to(self.config.run_dir):  # kept in the server folder (as root)
                for folder in remove_orphan_clusters(self.config.postgres_home):
                    self.say(f"Postgres: removed {folder} (its run folder is gone)")
                claim_cluster(data_dir, self.config.run_dir)
            if adopt_old_cluster(self.config.run_dir / "postgres" / "data", data_dir):
                self.say(f"Postgres: moved the cluster from run/postgres/data to {data_dir}")
            self.say(f"Postgres: embedded cluster on 127.0.0.1:{self.config.postgres_port}, data in {data_dir}")
            self.postgres = EmbeddedPostgres(data_dir, self.config.postgres_port, self.secrets["REMEDIOS_DB_PASSWORD"],
                                             home=self.config.postgres_home)
            self.postgres.start()
            self.app_db, self.n8n_db = provision_databases(self.postgres.admin, self.secrets["REMEDIOS_DB_PASSWORD"])
        apply_schema(self.app_db)

    def n8n_cli(self) -> N8nCli:
        if not self.config.n8n_bin.exists():
            raise StartupError(f"n8n is not installed at {self.config.n8n_bin}: run `make setup` (or `make run`).")
        assert self.n8n_db
        base = n8n_environment(self.config, self.secrets, self.n8n_db)
        password_hash = owner_password_hash(self.config, base, self.secrets["N8N_OWNER_PASSWORD"])
        self.n8n_env = n8n_environment(self.config, self.secrets, self.n8n_db, owner_password_hash=password_hash)
        return N8nCli(self.config, self.n8n_env)

    def write_settings(self) -> None:
        """The workflows' settings from this runner's configuration (and `settings_overrides`), into Postgres:
        n8n's environment holds none of them (N8N_BLOCK_ENV_ACCESS_IN_NODE=true)."""
        assert self.app_db
        values = runner_settings(self.config, llm_model_id=self.llm_model_id, environ=os.environ)
        self.settings = write_settings(self.app_db, {**values, **self.settings_overrides})

    def prepare_n8n(self) -> None:
        cli = self.n8n_cli()
        assert self.app_db
        self.write_settings()
        wanted = _import_fingerprint(self.app_db, self.secrets)
        done = json.loads(self._stamp_path.read_text()) if self._stamp_path.exists() else {}
        credentials = workflows = None
        if done.get("credentials") != wanted["credentials"]:
            self.say("n8n: importing credentials…")
            credentials = credentials_document(self.app_db, self.secrets)
        if done.get("workflows") != wanted["workflows"]:
            # Only when the repository's workflows changed since the last import: edits made by staff in the
            # editor are kept until they are exported to the repository (see README).
            self.say("n8n: importing and publishing workflows from n8n-workflows/…")
            workflows = WORKFLOWS_DIR
        cli.batch(credentials=credentials, workflows=workflows)  # one n8n process for both (devstack/n8n.py)
        self._stamp_path.write_text(json.dumps(wanted))

    @property
    def _stamp_path(self) -> Path:
        return self.config.run_dir / "n8n" / "imported.json"

    def export_workflows(self) -> list[Path]:
        """n8n → repository: staff edits become files to review and commit."""
        self.secrets = secrets_store.load_or_create(self.config.run_dir)
        self.start_postgres()
        written = export_workflows(self.n8n_cli())
        assert self.app_db
        # The repository now matches n8n: the next start must not re-import over it.
        self._stamp_path.write_text(json.dumps(_import_fingerprint(self.app_db, self.secrets)))
        return written

    def start_n8n(self) -> None:
        if self.n8n is None or self.n8n.process is not None:
            self.n8n = n8n_process(self.config, self.n8n_env)
        self.n8n.start()
        self.say(f"n8n starting on {self.config.n8n_url} (about 20 s)…")
        wait_for_n8n(self.n8n, self.config, self.secrets["N8N_WEBHOOK_TOKEN"])
        self.say("n8n ready.")

    def start_gateway(self) -> None:
        assert self.gateway is not None
        self.gateway.start()
        self.gateway.wait_until(lambda: http_ok(self.config.gateway_url + "/healthz"), 60, "/healthz")
        self.say(f"Gateway ready on {self.config.gateway_url}")

    # ------------------------------------------------------------------ supervision
    def supervised_parts(self) -> list[Part]:
        """The running parts, each with how to start it again (devstack/supervisor.py)."""
        parts = []
        if self.postgres is not None:
            postgres = self.postgres
            parts.append(Part("postgres", postgres.running, postgres.start,
                              lambda: f"; log {postgres.log_path}"))
        parts += [
            Part("llm-server", lambda: self.llm is not None and self.llm.alive(), self.restart_llm,
                 lambda: _exit_description(self.llm)),
            Part("n8n", lambda: self.n8n is not None and self.n8n.alive(), self.start_n8n,
                 lambda: _exit_description(self.n8n)),
            Part("gateway", lambda: self.gateway is not None and self.gateway.alive(), self.restart_gateway,
                 lambda: _exit_description(self.gateway)),
        ]
        return parts

    def restart_llm(self) -> None:
        if self.llm is not None:
            self.llm.stop()  # a replica group's balancer (and live replicas) still hold their ports
        self.llm = self._llm_process()
        self.llm.start()
        self.llm.wait_until(lambda: http_ok(self.config.llm_url + "/healthz"), 300, "the model loaded (/healthz)")

    # ------------------------------------------------------------------ stop
    def stop(self) -> None:
        for process in (self.gateway, self.n8n, self.llm):
            if process is not None:
                process.stop()
        if self.postgres is not None:
            self.postgres.stop()

    # ------------------------------------------------------------------ helpers
    def _llm_process(self) -> ManagedProcess | LlmReplicas:
        if not self.config.llm_model.exists():
            raise StartupError(
                f"No model at {self.config.llm_model}. Run `make setup` to provision the default model, "
                "or set LLM_MODEL to a GGUF file."
            )
        env = {
            **llm_server_environment(os.environ),  # not the whole shell (devstack/process_env.py)
            "PYTHONPATH": _pythonpath(self.config.root, self.config.root / "llm-server"),
            "LLM_HOST": "127.0.0.1",
            "LLM_PORT": str(self.config.llm_port),
            "LLM_MODEL": str(self.config.llm_model),
            "LLM_MODEL_ID": self.llm_model_id,
            "LLM_N_THREADS": str(self.config.llm_threads),
            "LLM_N_CTX": str(self.config.llm_n_ctx),
        }
        if self.config.llm_replicas > 1:  # behind a least-connections balancer on LLM_PORT
            return LlmReplicas(self.config.python, env, self.config.run_dir / "logs", self.config.root,
                               replicas=self.config.llm_replicas, threads=self.config.llm_threads,
                               pin=self.config.llm_pin)
        return ManagedProcess("llm-server", [self.config.python, "-m", "llm_server"], env,
                              self.config.run_dir / "logs" / "llm-server.log", cwd=self.config.root)

    def gateway_env(self) -> dict[str, str]:
        n8n = self.config.n8n_url
        return {
            **gateway_environment(os.environ),  # not the whole shell (devstack/process_env.py)
            "PYTHONPATH": _pythonpath(self.config.root),
            "GATEWAY_HOST": "127.0.0.1",
            "GATEWAY_PORT": str(self.config.gateway_port),
            "GATEWAY_DATA_DIR": str(self.config.run_dir / "gateway"),
            "N8N_CHAT_WEBHOOK_URL": f"{n8n}/webhook/remedios-chat",
            "N8N_HISTORY_WEBHOOK_URL": f"{n8n}/webhook/remedios-history",
            "N8N_HEALTH_URL": f"{n8n}/healthz/readiness",
            "N8N_WEBHOOK_TOKEN": self.secrets["N8N_WEBHOOK_TOKEN"],
            "REMEDIOS_CALLBACK_SECRET": self.secrets["REMEDIOS_CALLBACK_SECRET"],
            "N8N_STATUS_WEBHOOK_URL": f"{n8n}/webhook/remedios-status",
            "GATEWAY_LLM_URL": self.config.llm_url + "/v1",  # the model relay (gateway/llm_relay.py)
            # The gateway listens on loopback only: a reverse proxy in front of it is on this machine, and its
            # X-Forwarded-For names the plumber (per-address abuse limits, gateway/README.md).
            "GATEWAY_TRUSTED_PROXIES": os.environ.get("GATEWAY_TRUSTED_PROXIES") or "127.0.0.1,::1",
            **self.gateway_extra_env,
        }

    def _gateway_process(self) -> ManagedProcess:
        return ManagedProcess("gateway", [self.config.python, "-m", "gateway"], self.gateway_env(),
                              self.config.run_dir / "logs" / "gateway.log", cwd=self.config.root)

    def stop_n8n(self) -> None:
        if self.n8n is not None:
            self.n8n.stop()

    def restart_gateway(self, *, crash: bool = False) -> None:
        assert self.gateway is not None
        self.gateway.kill() if crash else self.gateway.stop()  # no-op when it already died
        self.gateway = self._gateway_process()
        self.start_gateway()

    def summary(self) -> str:
        return "\n".join([
            "",
            "Remedios is running (loopback only):",
            f"  Chat for plumbers   {self.config.gateway_url}/",
            f"  n8n editor          {self.config.n8n_url}/   (user {self.config.n8n_owner_email}, "
            f"password in {self.config.run_dir / 'secrets.env'}: N8N_OWNER_PASSWORD)",
            f"  Staff price form    {self.config.n8n_url}/form/remedios-precios   (user {staff_form_user()}, "
            f"password in {self.config.run_dir / 'secrets.env'}: REMEDIOS_STAFF_FORM_PASSWORD)",
            f"  Price list import   {self.config.n8n_url}/form/remedios-tarifa   (same login as the price form)",
            f"  LLM server          {self.config.llm_url}/v1/models",
            f"  Logs                {self.config.run_dir / 'logs'}",
            "Press Ctrl-C to stop everything.",
        ])


def _exit_description(process: ManagedProcess | None) -> str:
    if process is None or process.process is None:
        return ""
    tail = "\n    ".join(process.log_tail(8).splitlines())
    return f" (exit code {process.process.returncode}); last lines of {process.log_path}:\n    {tail}\n"


def _pythonpath(*paths: Path) -> str:
    existing = os.environ.get("PYTHONPATH")
    return os.pathsep.join([*(str(p) for p in paths), *([existing] if existing else [])])


def _import_fingerprint(app_db: DatabaseInfo, secrets: dict[str, str]) -> dict[str, str]:
    credentials = json.dumps(credentials_document(app_db, secrets), sort_keys=True).encode()
    workflows = b"".join(path.read_bytes() for path in sorted(WORKFLOWS_DIR.glob("*.json")))
    return {"credentials": hashlib.sha256(credentials).hexdigest(), "workflows": hashlib.sha256(workflows).hexdigest()}

