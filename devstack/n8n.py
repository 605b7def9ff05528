"""n8n for the local runner: its environment, credentials, workflow import and start-up.

Facts this relies on (measured on n8n 2.41.1 on the project's machines): the CLI runs migrations on first use; workflows
imported by the CLI are inactive until ``publish:workflow`` and go live only after a restart, so the order
is import → publish → start; ``/healthz`` answers before webhooks are registered, so readiness is
``/healthz/readiness`` and then a real webhook answering. Every CLI call is a whole n8n start (about 1.6 s on a
quiet machine here, more under load) and n8n 2.x publishes one workflow per call, so credentials, workflows and
every publication go through ONE n8n process instead (``deploy/n8n/batch.mjs``, n8n's own command classes run
one after the other; bench/stack/START.md).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

import httpx

from .config import StackConfig
from .postgres import DatabaseInfo
from .private import open_private_log, write_private
from .processes import ManagedProcess

WORKFLOWS_DIR = Path(__file__).resolve().parent.parent / "n8n-workflows" / "workflows"
# Import credentials and workflows and publish every workflow in one n8n process (Compose's import.mjs uses it too).
BATCH_SCRIPT = Path(__file__).resolve().parent.parent / "deploy" / "n8n" / "batch.mjs"

# Credentials the workflows refer to by id; their secret values are made per installation.
POSTGRES_CREDENTIAL_ID = "RmdPostgresCred1"
WEBHOOK_TOKEN_CREDENTIAL_ID = "RmdWebhookToken1"
CALLBACK_KEY_CREDENTIAL_ID = "RmdCallbackKey01"
SMTP_CREDENTIAL_ID = "RmdSmtpServer001"  # staff notification e-mails (notify-staff.json)
STAFF_FORM_CREDENTIAL_ID = "RmdStaffFormAuth"  # login of the staff price form (price-form.json)
LLM_KEY_CREDENTIAL_ID = "RmdLlmApiKey0001"  # Authorization: Bearer <LLM_API_KEY> to the LLM server
# The local runner's LLM server listens on loopback and needs no key unless LLM_API_KEY is set (then it gets it
# too); the workflows always send the credential, so the same files work with Compose, where a key is required.
LLM_NO_KEY = "none"
STAFF_FORM_DEFAULT_USER = "personal"

QUIET_AND_OFFLINE = {
    "N8N_DIAGNOSTICS_ENABLED": "false",
    "N8N_VERSION_NOTIFICATIONS_ENABLED": "false",
    "N8N_PERSONALIZATION_ENABLED": "false",
    "N8N_TEMPLATES_ENABLED": "false",
    "N8N_HIRING_BANNER_ENABLED": "false",
    "N8N_DYNAMIC_BANNERS_ENABLED": "false",
    "N8N_DISABLED_MODULES": "mcp-registry,instance-ai,agents,workflow-builder,chat-hub",
    "N8N_SECURE_COOKIE": "false",
}


# All n8n gets from the shell it was started from: what a Node process needs (search path, home, locale, time
# zone, temporary folder, extra CA certificates). Never the rest of that environment (cloud keys, tokens,
# SMTP_PASSWORD, …). The workflows cannot read n8n's environment anyway (N8N_BLOCK_ENV_ACCESS_IN_NODE=true): their
# settings are rows of the table remedios_settings (devstack/workflow_settings.py).
PASSED_FROM_SHELL = ("HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "GENERIC_TIMEZONE",
                     "NODE_EXTRA_CA_CERTS")


def n8n_environment(
    config: StackConfig, secrets: dict[str, str], n8n_db: DatabaseInfo, *,
    owner_password_hash: str | None = None, environ: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The whole environment of n8n (server and CLI), built key by key: PASSED_FROM_SHELL and LC_* from
    `environ` (default os.environ), the PATH with Node 24 first, and the N8N_*, DB_* and EXECUTIONS_* values set
    here. Nothing else of `environ` gets through."""
    shell = os.environ if environ is None else environ
    env = {k: v for k, v in shell.items() if k in PASSED_FROM_SHELL or k.startswith("LC_")}
    env.update(QUIET_AND_OFFLINE)
    env.update({
        "PATH": f"{config.node_bin_dir}{os.pathsep}{shell.get('PATH', '')}",
        "N8N_USER_FOLDER": str(config.run_dir / "n8n"),
        "N8N_ENCRYPTION_KEY": secrets["N8N_ENCRYPTION_KEY"],
        "N8N_LISTEN_ADDRESS": "127.0.0.1",
        "N8N_HOST": "127.0.0.1",
        "N8N_PORT": str(config.n8n_port),
        "N8N_PROTOCOL": "http",
        "N8N_EDITOR_BASE_URL": config.n8n_url,
        "N8N_WEBHOOK_URL": config.n8n_url + "/",
        "N8N_RUNNERS_BROKER_PORT": str(config.n8n_runner_port),
        "N8N_RUNNERS_BROKER_LISTEN_ADDRESS": "127.0.0.1",
        # Measured here: the legacy expression engine roughly doubles webhook throughput on n8n 2.x.
        "N8N_EXPRESSION_ENGINE": "legacy",
        # No workflow reads n8n's environment ($env): their addresses are rows of remedios_settings, read by each
        # workflow's "Load settings" node. So a Code node or an expression cannot read it either.
        "N8N_BLOCK_ENV_ACCESS_IN_NODE": "true",
        "DB_TYPE": "postgresdb",
        "DB_POSTGRESDB_HOST": n8n_db.host,
        "DB_POSTGRESDB_PORT": str(n8n_db.port),
        "DB_POSTGRESDB_DATABASE": n8n_db.database,
        "DB_POSTGRESDB_USER": n8n_db.user,
        "DB_POSTGRESDB_PASSWORD": n8n_db.password,
        "EXECUTIONS_DATA_PRUNE": "true",
        "EXECUTIONS_DATA_MAX_AGE": "336",
        "N8N_LOG_LEVEL": shell.get("N8N_LOG_LEVEL", "info"),
        "NODE_ENV": "production",
    })
    if owner_password_hash:
        env.update({
            "N8N_INSTANCE_OWNER_MANAGED_BY_ENV": "true",
            "N8N_INSTANCE_OWNER_EMAIL": config.n8n_owner_email,
            "N8N_INSTANCE_OWNER_FIRST_NAME": "Remedios",
            "N8N_INSTANCE_OWNER_LAST_NAME": "Admin",
            "N8N_INSTANCE_OWNER_PASSWORD_HASH": owner_password_hash,
        })
    return env


def smtp_credential_data(env: Mapping[str, str] | None = None) -> dict[str, object]:
    """The mail server for staff notifications, from SMTP_HOST/PORT/USER/PASSWORD/SECURE (README, "Staff
    notifications"). The defaults (a server on this machine, port 25, no TLS, no login) are only used once
    the setting staff_email (remedios_settings, from REMEDIOS_STAFF_EMAIL) holds an address: without one nothing
    is e-mailed."""
    env = os.environ if env is None else env
    secure = env.get("SMTP_SECURE", "").strip().lower() in ("1", "true", "yes", "on")
    port = env.get("SMTP_PORT", "").strip()
    return {
        "host": env.get("SMTP_HOST", "").strip() or "127.0.0.1",
        "port": int(port) if port.isdigit() else (465 if secure else 25),
        "secure": secure,
        "user": env.get("SMTP_USER", ""),
        "password": env.get("SMTP_PASSWORD", ""),
        "disableStartTls": False,
        "hostName": "",
    }


def staff_form_user(env: Mapping[str, str] | None = None) -> str:
    """The staff price form's user name: REMEDIOS_STAFF_FORM_USER, or "personal" (deploy/n8n/import.mjs alike)."""
    return (os.environ if env is None else env).get("REMEDIOS_STAFF_FORM_USER", "").strip() or STAFF_FORM_DEFAULT_USER


def credentials_document(
    app_db: DatabaseInfo, secrets: dict[str, str], env: Mapping[str, str] | None = None
) -> list[dict[str, object]]:
    """The credentials the workflows use, in ``n8n import:credentials`` form (plain data; n8n encrypts it)."""
    return [
        {
            "id": POSTGRES_CREDENTIAL_ID, "name": "Remedios database", "type": "postgres",
            "data": {"host": app_db.host, "port": app_db.port, "database": app_db.database, "user": app_db.user,
                     "password": app_db.password, "ssl": "disable", "allowUnauthorizedCerts": False},
        },
        {
            "id": WEBHOOK_TOKEN_CREDENTIAL_ID, "name": "Remedios gateway token", "type": "httpHeaderAuth",
            "data": {"name": "X-Remedios-Token", "value": secrets["N8N_WEBHOOK_TOKEN"]},
        },
        {
            "id": CALLBACK_KEY_CREDENTIAL_ID, "name": "Remedios callback signing key", "type": "crypto",
            "data": {"hmacSecret": secrets["REMEDIOS_CALLBACK_SECRET"]},
        },
        {
            "id": SMTP_CREDENTIAL_ID, "name": "Remedios staff e-mail (SMTP)", "type": "smtp",
            "data": smtp_credential_data(env),
        },
        {
            "id": STAFF_FORM_CREDENTIAL_ID, "name": "Remedios staff form login", "type": "httpBasicAuth",
            "data": {"user": staff_form_user(env), "password": secrets["REMEDIOS_STAFF_FORM_PASSWORD"]},
        },
        {
            "id": LLM_KEY_CREDENTIAL_ID, "name": "Remedios LLM server key", "type": "httpHeaderAuth",
            "data": {"name": "Authorization", "value": f"Bearer {llm_api_key(env)}"},
        },
    ]


def llm_api_key(env: Mapping[str, str] | None = None) -> str:
    """The key the workflows send to the LLM server: LLM_API_KEY (the LLM server gets the same variable), or a
    placeholder the key-less local server ignores."""
    return (os.environ if env is None else env).get("LLM_API_KEY", "").strip() or LLM_NO_KEY


def workflow_ids(directory: Path = WORKFLOWS_DIR) -> list[str]:
    return [json.loads(path.read_text())["id"] for path in sorted(directory.glob("*.json"))]


class N8nCli:
    """Runs ``n8n`` CLI commands with the stack's environment. Output goes to a log, never to a pipe
    that could be cut (a CLI whose output was cut was seen spinning at 100% CPU)."""

    def __init__(self, config: StackConfig, env: dict[str, str]) -> None:
        self.config = config
        self.env = env
        self.log_path = config.run_dir / "logs" / "n8n-cli.log"

    def run(self, *args: str, timeout: float = 300) -> None:
        self._run_logged([str(self.config.n8n_bin), *args], self.env, "n8n " + " ".join(args), timeout=timeout)

    def _run_logged(self, argv: list[str], env: dict[str, str], shown: str, timeout: float) -> None:
        with open_private_log(self.log_path) as log:
            log.write(f"\n$ {shown}\n".encode())
            log.flush()
            result = subprocess.run(argv, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    timeout=timeout)
        if result.returncode != 0:
            tail = "\n".join(self.log_path.read_text(errors="replace").splitlines()[-30:])
            raise RuntimeError(f"{shown} failed ({result.returncode}). Log {self.log_path}:\n{tail}")

    def batch(self, credentials: list[dict[str, object]] | None = None, workflows: Path | None = None) -> None:
        """In ONE n8n process (deploy/n8n/batch.mjs): `import:credentials` (plain data, n8n encrypts it), then
        `import:workflow --separate` of `workflows` (if n8n refuses to import over published workflows,
        `unpublish:workflow` for each and import again), then `publish:workflow` for each file: n8n's own
        commands, as the separate CLI calls would run them."""
        if credentials is None and workflows is None:
            return
        args = []
        path = self.config.run_dir / "n8n" / "credentials-import.json"
        if credentials is not None:
            write_private(path, json.dumps(credentials))  # plain secrets: 0600 from the first byte
            args.append(f"--credentials={path}")
        if workflows is not None:
            args.append(f"--workflows={workflows}")
        env = {**self.env, "REMEDIOS_N8N_PACKAGE_DIR": str(Path(self.config.n8n_bin).parent.parent)}
        try:
            self._run_logged(["node", str(BATCH_SCRIPT), *args], env, "batch " + " ".join(args), timeout=600)
        finally:
            path.unlink(missing_ok=True)

    def import_and_publish(self, files: Sequence[Path]) -> None:
        """Workflows from outside the repository's folder (a benchmark's own, say) imported and published in one
        n8n process: copied into a folder of their own under the run directory, then `batch(workflows=…)`."""
        if not files:
            return
        folder = self.config.run_dir / "n8n" / "extra-workflows"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for path in files:
            shutil.copyfile(path, folder / path.name)
        self.batch(workflows=folder)


# Fields of an exported workflow that change on every save and would only add noise to a diff.
VOLATILE_FIELDS = ("createdAt", "updatedAt", "versionId", "activeVersionId", "activeVersion", "shared",
                   "triggerCount", "isArchived", "versionCounter", "parentFolder", "description")


def export_workflows(cli: N8nCli, directory: Path = WORKFLOWS_DIR) -> list[Path]:
    """Write the workflows as they are in n8n (after staff edits) over the repository's files, by id. One n8n
    process exports them all (`export:workflow --all --separate`: one `<id>.json` each); only the repository's
    files are written, and none unless n8n has every one of them."""
    folder = cli.config.run_dir / "n8n" / "export"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        cli.run("export:workflow", "--all", "--separate", f"--output={folder}")
        wanted = {path: json.loads(path.read_text())["id"] for path in sorted(directory.glob("*.json"))}
        missing = [workflow_id for workflow_id in wanted.values() if not (folder / f"{workflow_id}.json").exists()]
        if missing:
            raise RuntimeError(f"n8n has no workflow with id {', '.join(missing)}: nothing was written")
        written = []
        for path, workflow_id in wanted.items():
            data = json.loads((folder / f"{workflow_id}.json").read_text())
            workflow = data[0] if isinstance(data, list) else data
            for name in VOLATILE_FIELDS:
                workflow.pop(name, None)
            workflow["active"] = False
            path.write_text(json.dumps(workflow, indent=2, ensure_ascii=False) + "\n")
            written.append(path)
        return written
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def owner_password_hash(config: StackConfig, env: dict[str, str], password: str) -> str:
    """bcrypt hash for the headless owner account, made with the bcryptjs that ships inside n8n."""
    script = "process.stdout.write(require('bcryptjs').hashSync(process.env.PW, 10))"
    result = subprocess.run(
        ["node", "-e", script], env={**env, "PW": password}, cwd=config.n8n_install_dir / "node_modules" / "n8n",
        capture_output=True, text=True, timeout=60, check=True,
    )
    return result.stdout.strip()


def n8n_process(config: StackConfig, env: dict[str, str]) -> ManagedProcess:
    return ManagedProcess("n8n", [str(config.n8n_bin), "start"], env, config.run_dir / "logs" / "n8n.log")


def wait_for_n8n(process: ManagedProcess, config: StackConfig, webhook_token: str, timeout: float = 180) -> None:
    """Ready means: the readiness endpoint answers and the chat webhook is registered (a request without
    the token gets n8n's 403 from the Header Auth check, not a 404)."""
    process.wait_until(lambda: httpx.get(config.n8n_url + "/healthz/readiness", timeout=2).status_code == 200,
                       timeout, "/healthz/readiness")

    def webhook_registered() -> bool:
        response = httpx.get(config.n8n_url + "/webhook/remedios-history", params={"conversation_id": "probe"},
                             headers={"X-Remedios-Token": webhook_token}, timeout=5)
        return response.status_code == 200

    process.wait_until(webhook_registered, timeout, "the history webhook answering")
