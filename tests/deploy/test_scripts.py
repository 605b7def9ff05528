"""The scripts the compose services run, exercised here without Docker:

- deploy/n8n/import.mjs with a stand-in for deploy/n8n/batch.mjs (the one n8n process it runs) that records
  what it is asked to do (the real batch.mjs runs in tests/deploy/test_n8n_stack.py and every stack start);
- deploy/postgres/db-init.sh against a real (embedded) PostgreSQL 18 with its psql;
- deploy/n8n/start.sh, deploy/n8n/healthcheck.mjs, deploy/scale-check.sh, deploy/llm-server-start.sh.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from devstack.n8n import credentials_document, workflow_ids
from devstack.postgres import DatabaseInfo
from tests.deploy.compose_helpers import ROOT, free_port, start_embedded_postgres
from tests.support.node_js import node_binary

DEPLOY = ROOT / "deploy"
WORKFLOWS = ROOT / "n8n-workflows" / "workflows"
BCRYPT_RE = re.compile(r"^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$")
SECRETS = {
    "REMEDIOS_DB_PASSWORD": "db-pw",
    "N8N_WEBHOOK_TOKEN": "hook-token",
    "REMEDIOS_CALLBACK_SECRET": "cb-secret",
    "REMEDIOS_STAFF_FORM_PASSWORD": "form-pw",
    "LLM_API_KEY": "llm-key",
}


def write_executable(path: Path, text: str) -> Path:
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def fake_bcryptjs(root: Path) -> Path:
    """A stand-in n8n package folder whose bcryptjs returns a well-formed hash (the real one ships in n8n)."""
    package = root / "n8n-package"
    module = package / "node_modules" / "bcryptjs"
    module.mkdir(parents=True)
    (package / "package.json").write_text('{"name": "n8n", "version": "0.0.0"}')
    (module / "package.json").write_text('{"name": "bcryptjs", "main": "index.js"}')
    (module / "index.js").write_text(
        "exports.hashSync = (pw, rounds) => '$2a$' + String(rounds).padStart(2, '0') + '$' + "
        "Buffer.from(pw).toString('hex').padEnd(53, 'x').slice(0, 53);\n"
    )
    return package


@pytest.fixture
def listening_port() -> Iterator[int]:
    """Something accepting TCP connections where import.mjs expects Postgres."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    yield server.getsockname()[1]
    server.close()


class ImportRun:
    """deploy/n8n/import.mjs with a recording stand-in for batch.mjs (REMEDIOS_N8N_BATCH)."""

    def __init__(self, tmp_path: Path, port: int) -> None:
        self.tmp_path = tmp_path
        self.workflows = tmp_path / "workflows"
        shutil.copytree(WORKFLOWS, self.workflows)
        self.stamp = tmp_path / "n8n-home" / "remedios-import.json"
        self.stamp.parent.mkdir()
        self.tmp = tmp_path / "tmp"
        self.tmp.mkdir()
        self.calls_log = tmp_path / "calls.jsonl"
        self.fail = tmp_path / "fail"
        self.fake_batch = tmp_path / "batch.mjs"
        # Records: the arguments, the credentials file (content and mode) and which secrets n8n's process can see.
        self.fake_batch.write_text(f"""
import {{ appendFileSync, existsSync, readFileSync, statSync }} from 'node:fs';
const args = process.argv.slice(2);
const given = args.find((arg) => arg.startsWith('--credentials='));
const path = given && given.slice('--credentials='.length);
const secrets = ['REMEDIOS_DB_PASSWORD', 'N8N_WEBHOOK_TOKEN', 'REMEDIOS_CALLBACK_SECRET', 'N8N_OWNER_PASSWORD',
                 'REMEDIOS_STAFF_FORM_PASSWORD', 'LLM_API_KEY'];
appendFileSync({json.dumps(str(self.calls_log))}, JSON.stringify({{
  args: args.map((arg) => arg.startsWith('--credentials=') ? '--credentials' : arg),
  credentials: path ? JSON.parse(readFileSync(path, 'utf8')) : null,
  mode: path ? (statSync(path).mode & 0o777).toString(8) : null,
  secrets_seen: secrets.filter((name) => process.env[name]).join(' '),
  owner_hash: process.env.N8N_INSTANCE_OWNER_PASSWORD_HASH || '',
  key: process.env.N8N_ENCRYPTION_KEY || '',
}}) + '\\n');
if (existsSync({json.dumps(str(self.fail))})) {{ console.error('stand-in batch: failing'); process.exit(3); }}
""")
        self.env = {
            "PATH": os.environ["PATH"],
            "HOME": str(tmp_path),
            "TMPDIR": str(self.tmp),
            "REMEDIOS_N8N_BATCH": str(self.fake_batch),
            "REMEDIOS_WORKFLOWS_DIR": str(self.workflows),
            "REMEDIOS_IMPORT_STAMP": str(self.stamp),
            "DB_POSTGRESDB_HOST": "127.0.0.1",
            "DB_POSTGRESDB_PORT": str(port),
            "N8N_ENCRYPTION_KEY": "enc-key",
            "REMEDIOS_DB_WAIT_SECONDS": "5",
            **SECRETS,
        }

    def run(self, **env: str) -> tuple[subprocess.CompletedProcess[str], list[dict]]:
        self.calls_log.unlink(missing_ok=True)
        result = subprocess.run(
            [node_binary(), str(DEPLOY / "n8n" / "import.mjs")],
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=60,
        )
        calls = (
            [json.loads(line) for line in self.calls_log.read_text().splitlines()]
            if self.calls_log.exists()
            else []
        )
        return result, calls


@pytest.fixture
def importer(tmp_path: Path, listening_port: int) -> ImportRun:
    return ImportRun(tmp_path, listening_port)


def expected_credentials() -> list[dict]:
    app = DatabaseInfo("postgres", 5432, "remedios", SECRETS["REMEDIOS_DB_PASSWORD"], "remedios")
    return credentials_document(
        app,
        {
            "N8N_WEBHOOK_TOKEN": SECRETS["N8N_WEBHOOK_TOKEN"],
            "REMEDIOS_CALLBACK_SECRET": SECRETS["REMEDIOS_CALLBACK_SECRET"],
            "REMEDIOS_STAFF_FORM_PASSWORD": SECRETS["REMEDIOS_STAFF_FORM_PASSWORD"],
        },
        env={"LLM_API_KEY": SECRETS["LLM_API_KEY"]},
    )


def test_first_import_does_credentials_and_workflows_in_one_n8n_process(importer: ImportRun) -> None:
    result, calls = importer.run()
    assert result.returncode == 0, result.stderr + result.stdout
    assert [call["args"] for call in calls] == [["--credentials", f"--workflows={importer.workflows}"]]
    # The same ids, types and data as the local runner's credentials.
    assert calls[0]["credentials"] == expected_credentials()
    assert calls[0]["mode"] == "600"
    assert list(importer.tmp.iterdir()) == [], "the credentials file was left behind"
    # n8n gets the encryption key, never the plain secrets.
    assert all(call["secrets_seen"] == "" and call["key"] == "enc-key" for call in calls)
    assert json.loads(importer.stamp.read_text()).keys() == {"credentials", "workflows"}
    ids = workflow_ids(WORKFLOWS)
    assert f"imported and published {len(ids)} workflow(s): {', '.join(ids)}" in result.stdout


def test_unchanged_inputs_import_nothing_so_editor_edits_survive(importer: ImportRun) -> None:
    importer.run()
    result, calls = importer.run()
    assert result.returncode == 0, result.stderr
    assert calls == []
    assert "edits made in n8n are kept" in result.stdout


def test_changed_workflow_files_are_imported_and_published_again(importer: ImportRun) -> None:
    importer.run()
    path = sorted(importer.workflows.glob("*.json"))[0]
    workflow = json.loads(path.read_text())
    workflow["name"] += " (pulled)"
    path.write_text(json.dumps(workflow))
    result, calls = importer.run()
    assert result.returncode == 0, result.stderr
    assert [call["args"] for call in calls] == [[f"--workflows={importer.workflows}"]]


def test_a_changed_secret_reimports_the_credentials_only(importer: ImportRun) -> None:
    importer.run()
    result, calls = importer.run(REMEDIOS_CALLBACK_SECRET="rotated")
    assert result.returncode == 0, result.stderr
    assert [call["args"] for call in calls] == [["--credentials"]]
    assert calls[0]["credentials"][2]["data"] == {"hmacSecret": "rotated"}


@pytest.mark.parametrize(("mode", "expected"), [("always", True), ("never", False)])
def test_import_mode_always_and_never(importer: ImportRun, mode: str, expected: bool) -> None:
    importer.run()
    result, calls = importer.run(REMEDIOS_WORKFLOW_IMPORT=mode)
    assert result.returncode == 0, result.stderr
    assert [call["args"] for call in calls] == ([[f"--workflows={importer.workflows}"]] if expected else [])


def test_a_failing_batch_fails_the_import_and_is_retried_next_time(importer: ImportRun) -> None:
    importer.fail.write_text("")
    result, _ = importer.run()
    assert result.returncode != 0
    assert "n8n batch (--credentials --workflows) failed (exit 3)" in result.stderr
    assert list(importer.tmp.iterdir()) == [], "the credentials file was left behind"
    importer.fail.unlink()
    result, calls = importer.run()
    assert result.returncode == 0, result.stderr
    assert [call["args"] for call in calls] == [["--credentials", f"--workflows={importer.workflows}"]]


@pytest.mark.parametrize(
    "missing", ["REMEDIOS_DB_PASSWORD", "N8N_WEBHOOK_TOKEN", "REMEDIOS_CALLBACK_SECRET", "N8N_ENCRYPTION_KEY",
                "REMEDIOS_STAFF_FORM_PASSWORD", "LLM_API_KEY"]
)
def test_a_missing_secret_is_named(importer: ImportRun, missing: str) -> None:
    result, calls = importer.run(**{missing: ""})
    assert result.returncode != 0
    assert f"{missing} is empty" in result.stderr
    assert calls == []


def test_the_import_waits_for_postgres_and_gives_up_clearly(importer: ImportRun) -> None:
    result, calls = importer.run(DB_POSTGRESDB_PORT=str(free_port()), REMEDIOS_DB_WAIT_SECONDS="2")
    assert result.returncode != 0
    assert "did not answer" in result.stderr
    assert calls == []


def test_the_cli_gets_the_owner_password_as_a_bcrypt_hash(importer: ImportRun, tmp_path: Path) -> None:
    result, calls = importer.run(
        N8N_INSTANCE_OWNER_MANAGED_BY_ENV="true",
        N8N_OWNER_PASSWORD="Owner-pw-1",
        REMEDIOS_N8N_PACKAGE_DIR=str(fake_bcryptjs(tmp_path)),
    )
    assert result.returncode == 0, result.stderr
    assert all(BCRYPT_RE.match(call["owner_hash"]) for call in calls)
    assert all("N8N_OWNER_PASSWORD" not in call["secrets_seen"] for call in calls)


# ------------------------------------------------------------------------------------------ start.sh
def test_start_script_hashes_the_owner_password_and_hides_it(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    write_executable(
        bin_dir / "n8n",
        '#!/bin/sh\necho "args=$*"\necho "hash=${N8N_INSTANCE_OWNER_PASSWORD_HASH:-}"\n'
        'echo "plain=${N8N_OWNER_PASSWORD:-}"\n',
    )
    (bin_dir / "node").symlink_to(node_binary())
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "N8N_OWNER_PASSWORD": "Owner-pw-1",
        "REMEDIOS_N8N_PACKAGE_DIR": str(fake_bcryptjs(tmp_path)),
    }
    result = subprocess.run(
        ["sh", str(DEPLOY / "n8n" / "start.sh"), "worker", "--concurrency=3"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split("=", 1) for line in result.stdout.splitlines())
    assert lines["args"] == "worker --concurrency=3"
    assert BCRYPT_RE.match(lines["hash"])
    assert lines["plain"] == ""

    without = subprocess.run(
        ["sh", str(DEPLOY / "n8n" / "start.sh"), "webhook"],
        env={"PATH": env["PATH"]},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert without.returncode == 0, without.stderr
    assert "hash=\n" in without.stdout


def test_the_owner_hash_comes_from_the_bcryptjs_inside_n8n() -> None:
    from devstack.config import StackConfig

    package = StackConfig.from_env().n8n_install_dir / "node_modules" / "n8n"
    if not (package / "package.json").exists():
        pytest.skip("n8n is not installed locally (scripts/setup.sh); the stand-in bcryptjs tests still ran")
    result = subprocess.run(
        [node_binary(), str(DEPLOY / "n8n" / "owner.mjs")],
        env={"N8N_OWNER_PASSWORD": "Owner-pw-1", "REMEDIOS_N8N_PACKAGE_DIR": str(package)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert BCRYPT_RE.match(result.stdout)
    check = subprocess.run(
        [
            node_binary(),
            "-e",
            "process.exit(require('bcryptjs').compareSync('Owner-pw-1', process.argv[1]) ? 0 : 1)",
            result.stdout,
        ],
        cwd=package,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode == 0, check.stderr


# ------------------------------------------------------------------------------------------ healthcheck.mjs
@pytest.fixture
def fake_n8n_http() -> Iterator[tuple[str, dict[str, int]]]:
    statuses = {"/healthz/readiness": 200, "/webhook/remedios-history": 403}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            status = statuses.get(self.path.split("?")[0], 404)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", statuses
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("readiness", "webhook", "healthy"),
    [
        (200, 403, True),
        (200, 200, True),
        (200, 404, False),
        (503, 403, False),
    ],
)
def test_n8n_healthcheck(
    fake_n8n_http: tuple[str, dict[str, int]], readiness: int, webhook: int, healthy: bool
) -> None:
    base, statuses = fake_n8n_http
    statuses.update({"/healthz/readiness": readiness, "/webhook/remedios-history": webhook})
    result = subprocess.run(
        [
            node_binary(),
            str(DEPLOY / "n8n" / "healthcheck.mjs"),
            f"{base}/healthz/readiness",
            f"{base}/webhook/remedios-history",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert (result.returncode == 0) == healthy, result.stderr


def test_worker_healthcheck_needs_readiness_only(fake_n8n_http: tuple[str, dict[str, int]]) -> None:
    base, _ = fake_n8n_http
    result = subprocess.run(
        [node_binary(), str(DEPLOY / "n8n" / "healthcheck.mjs"), f"{base}/healthz/readiness"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    refused = subprocess.run(
        [node_binary(), str(DEPLOY / "n8n" / "healthcheck.mjs"), "http://127.0.0.1:9/healthz"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert refused.returncode == 1


# ------------------------------------------------------------------------------------------ scale-check.sh
SCALE_ENV = {
    "N8N_EXECUTIONS_MODE": "queue",
    "GATEWAY_HUB_URL": "redis://redis:6379/0",
    "GATEWAY_N8N_URL": "http://n8n-webhook:5678",
    "N8N_GATEWAY_CALLBACK_URL": "http://gateway-lb:8080/callbacks/n8n",
    "REMEDIOS_LLM_URL": "http://llm-lb:4891",
}


def run_scale_check(**env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(DEPLOY / "scale-check.sh")],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_scale_check_accepts_the_documented_settings() -> None:
    result = run_scale_check(**SCALE_ENV)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr


def test_scale_check_warns_when_n8n_still_asks_one_model_server() -> None:
    result = run_scale_check(**{**SCALE_ENV, "REMEDIOS_LLM_URL": "http://llm-server:4891"})
    assert result.returncode == 0
    assert "REMEDIOS_LLM_URL reaches one model server only; set http://llm-lb:4891" in result.stderr


@pytest.mark.parametrize("name", ["N8N_EXECUTIONS_MODE", "GATEWAY_HUB_URL"])
def test_scale_check_refuses_single_node_settings(name: str) -> None:
    result = run_scale_check(**{**SCALE_ENV, name: ""})
    assert result.returncode == 1
    assert name in result.stderr


def test_scale_check_warns_about_settings_that_work_but_waste_the_profile() -> None:
    result = run_scale_check(
        **{
            **SCALE_ENV,
            "GATEWAY_N8N_URL": "http://n8n:5678",
            "N8N_GATEWAY_CALLBACK_URL": "http://gateway:8000/callbacks/n8n",
        }
    )
    assert result.returncode == 0
    assert "GATEWAY_N8N_URL" in result.stderr and "N8N_GATEWAY_CALLBACK_URL" in result.stderr


# ------------------------------------------------------------------------------------- llm-server-start.sh
@pytest.mark.parametrize("model_present", [False, True])
def test_llm_server_start_provisions_only_a_missing_model(tmp_path: Path, model_present: bool) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls"
    write_executable(bin_dir / "python", f'#!/bin/sh\necho "$* LLM_MODELS_DIR=$LLM_MODELS_DIR" >> {calls}\n')
    models = tmp_path / "models"
    models.mkdir()
    if model_present:
        (models / "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf").write_bytes(b"GGUF")
    result = subprocess.run(
        ["sh", str(DEPLOY / "llm-server-start.sh")],
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "LLM_MODELS_DIR": str(models)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    expected = [] if model_present else [f"-m llm_server.provision --model default LLM_MODELS_DIR={models}"]
    assert calls.read_text().splitlines() == [*expected, f"-m llm_server LLM_MODELS_DIR={models}"]


# ------------------------------------------------------------------------------------------ db-init.sh
@pytest.fixture(scope="module")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DatabaseInfo, Path]]:
    from devstack.postgres import _bin_dir, scratch_folder

    folder = scratch_folder("remedios-db-init-")
    server = start_embedded_postgres(folder, "super-pw")
    try:
        yield server.admin, _bin_dir()
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def run_db_init(admin: DatabaseInfo, bin_dir: Path, **passwords: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "PGHOST": admin.host,
        "PGPORT": str(admin.port),
        "PGUSER": admin.user,
        "PGPASSWORD": admin.password,
        "PGDATABASE": "postgres",
        "REMEDIOS_SQL_DIR": str(ROOT / "n8n-workflows"),
        **passwords,
    }
    return subprocess.run(
        ["sh", str(DEPLOY / "postgres" / "db-init.sh")], env=env, capture_output=True, text=True, timeout=120
    )


def test_db_init_creates_roles_databases_and_schema_idempotently(
    postgres_server: tuple[DatabaseInfo, Path],
) -> None:
    import psycopg

    admin, bin_dir = postgres_server
    # A quote in a password must stay data, not SQL.
    passwords = {"REMEDIOS_DB_PASSWORD": "app-pw-1", "N8N_DB_PASSWORD": "n8n'pw"}
    for _ in range(2):
        result = run_db_init(admin, bin_dir, **passwords)
        assert result.returncode == 0, result.stderr + result.stdout
    app = DatabaseInfo(admin.host, admin.port, "remedios", "app-pw-1", "remedios")
    with psycopg.connect(app.url) as conn:
        owners = dict(
            conn.execute("SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public'").fetchall()
        )
        assert {"conversations", "messages", "kb_articles", "safety_rules"} <= set(owners)
        assert set(owners.values()) == {"remedios"}
        # The knowledge base's seed and search functions are in, applied without a superuser.
        assert conn.execute("SELECT count(*) FROM kb_articles").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM safety_rules").fetchone()[0] > 0
        assert (
            conn.execute("SELECT found FROM kb_context('fuga en la llave del lavabo')").fetchone() is not None
        )
        databases = dict(
            conn.execute(
                "SELECT datname, pg_get_userbyid(datdba) FROM pg_database"
                " WHERE datname IN ('remedios', 'n8n')"
            ).fetchall()
        )
        assert databases == {"remedios": "remedios", "n8n": "n8n"}
    with psycopg.connect(DatabaseInfo(admin.host, admin.port, "n8n", "n8n'pw", "n8n").url) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS probe (id int)")  # n8n may create its tables

    # A password changed in .env is applied on the next start.
    result = run_db_init(admin, bin_dir, REMEDIOS_DB_PASSWORD="app-pw-2", N8N_DB_PASSWORD="n8n'pw")
    assert result.returncode == 0, result.stderr
    with psycopg.connect(app.url.replace("app-pw-1", "app-pw-2")) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("remedios",)


def test_db_init_writes_the_workflows_settings_and_keeps_a_staff_choice_left_open(
    postgres_server: tuple[DatabaseInfo, Path],
) -> None:
    """Issue 16: the workflows read their addresses from remedios_settings (n8n's environment is closed to them);
    db-init writes them from compose's variables at every `up`. An empty variable leaves the row as it is: the
    staff address typed in the table survives a restart; a value set in .env wins."""
    import psycopg

    admin, bin_dir = postgres_server
    passwords = {"REMEDIOS_DB_PASSWORD": "app-pw-3", "N8N_DB_PASSWORD": "n8n-pw"}
    compose = {
        "REMEDIOS_GATEWAY_CALLBACK_URL": "http://gateway-lb:8080/callbacks/n8n",
        "REMEDIOS_CHAT_WEBHOOK_URL": "http://n8n-webhook:5678/webhook/remedios-chat",
        "REMEDIOS_LLM_BASE_URL": "http://llm-lb:4891/v1", "REMEDIOS_LLM_RELAY_URL": "http://gateway:8000/llm/v1",
        "REMEDIOS_LLM_MODEL": "remedios-local", "REMEDIOS_PUBLIC_URL": "https://obras.example.com/",
        "REMEDIOS_STAFF_EMAIL": "", "REMEDIOS_MAIL_FROM": "Remedios <hola@example.com>",
    }
    result = run_db_init(admin, bin_dir, **passwords, **compose)
    assert result.returncode == 0, result.stderr + result.stdout
    app = DatabaseInfo(admin.host, admin.port, "remedios", "app-pw-3", "remedios")

    def row() -> dict[str, str]:
        with psycopg.connect(app.url) as conn:
            cursor = conn.execute("SELECT * FROM remedios_settings_row()")
            return dict(zip([c.name for c in cursor.description], cursor.fetchone()))

    assert row() == {
        "gateway_callback_url": "http://gateway-lb:8080/callbacks/n8n",
        "public_url": "https://obras.example.com",  # the workflows get it without the trailing slash
        "chat_webhook_url": "http://n8n-webhook:5678/webhook/remedios-chat",
        "llm_base_url": "http://llm-lb:4891/v1", "llm_relay_url": "http://gateway:8000/llm/v1",
        "llm_model": "remedios-local", "staff_email": "", "mail_from": "Remedios <hola@example.com>",
    }
    with psycopg.connect(app.url) as conn:  # staff type the office's address into the table
        conn.execute("UPDATE remedios_settings SET value = 'oficina@example.com' WHERE key = 'staff_email'")
    assert run_db_init(admin, bin_dir, **passwords, **compose).returncode == 0
    assert row()["staff_email"] == "oficina@example.com"
    result = run_db_init(admin, bin_dir, **passwords, **{**compose, "REMEDIOS_STAFF_EMAIL": "jefa@example.com",
                                                         "REMEDIOS_LLM_BASE_URL": "http://llm-server:4891/v1"})
    assert result.returncode == 0, result.stderr
    assert (row()["staff_email"], row()["llm_base_url"]) == ("jefa@example.com", "http://llm-server:4891/v1")
    with psycopg.connect(app.url) as conn:
        with pytest.raises(psycopg.errors.RaiseException, match="unknown setting"):
            conn.execute("SELECT remedios_settings_put('gateway_calback_url', 'http://typo')")


def test_db_init_puts_the_page_template_file_in_and_refuses_a_broken_one(
    postgres_server: tuple[DatabaseInfo, Path], tmp_path: Path
) -> None:
    """Issue 17: the customer's page is the file n8n-workflows/estimates/page-template.html; every `up` puts it
    into page_templates, byte for byte (psql reads it with cat). A broken edit stops db-init with the file and
    line, and the page keeps the template it had."""
    import hashlib

    import psycopg

    from devstack.postgres import PAGE_TEMPLATES

    admin, bin_dir = postgres_server
    passwords = {"REMEDIOS_DB_PASSWORD": "app-pw-4", "N8N_DB_PASSWORD": "n8n-pw"}
    result = run_db_init(admin, bin_dir, **passwords)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "page template estimate-page from estimates/page-template.html" in result.stdout
    app = DatabaseInfo(admin.host, admin.port, "remedios", "app-pw-4", "remedios")
    template = ROOT / "n8n-workflows" / "estimates" / "page-template.html"

    def row() -> tuple[str, str, str]:
        with psycopg.connect(app.url) as conn:
            return conn.execute("SELECT body, source, sha256 FROM page_templates WHERE name = 'estimate-page'").fetchone()

    assert row() == (template.read_text(encoding="utf-8"), "n8n-workflows/estimates/page-template.html",
                     hashlib.sha256(template.read_bytes()).hexdigest())
    script = (DEPLOY / "postgres" / "db-init.sh").read_text()
    listed = re.search(r'^PAGE_TEMPLATES="([^"]*)"$', script, re.M)
    assert listed and {
        name: ROOT / "n8n-workflows" / file for name, file in (e.split("=", 1) for e in listed.group(1).split())
    } == PAGE_TEMPLATES, "db-init and the local runner load the same templates"

    # An edited copy of n8n-workflows/ with a block left open.
    copy = tmp_path / "n8n-workflows"
    shutil.copytree(ROOT / "n8n-workflows", copy)
    edited = copy / "estimates" / "page-template.html"
    edited.write_text(template.read_text().replace("{{/banner}}", "", 1), encoding="utf-8")
    env = {**passwords, "REMEDIOS_SQL_DIR": str(copy)}
    result = run_db_init(admin, bin_dir, **env)
    assert result.returncode != 0
    assert re.search(r"n8n-workflows/estimates/page-template.html, line \d+: \{\{/estimate\}\} closes "
                     r"\{\{#banner\}\}", result.stderr), result.stderr
    assert row()[2] == hashlib.sha256(template.read_bytes()).hexdigest(), "the stored template stays as it was"
    # Fixed: the next `up` puts the edit in.
    edited.write_text(template.read_text().replace("Base imponible", "Base imponible (editado)"), encoding="utf-8")
    result = run_db_init(admin, bin_dir, **env)
    assert result.returncode == 0, result.stderr
    assert "Base imponible (editado)" in row()[0]


def test_db_init_refuses_empty_passwords(postgres_server: tuple[DatabaseInfo, Path]) -> None:
    admin, bin_dir = postgres_server
    result = run_db_init(admin, bin_dir, REMEDIOS_DB_PASSWORD="", N8N_DB_PASSWORD="x")
    assert result.returncode != 0
    assert "REMEDIOS_DB_PASSWORD" in result.stderr


# ------------------------------------------------------------------------------------------ python image
def test_the_files_the_image_copies_are_enough_to_import_both_services(tmp_path: Path) -> None:
    """Lays out /app as deploy/python.Dockerfile's COPY lines do and imports every module of the gateway
    and the LLM server from there only (not from the checkout), with the image's PYTHONPATH."""
    dockerfile = (DEPLOY / "python.Dockerfile").read_text()
    app = tmp_path / "app"
    copies = re.findall(r"^COPY (?!--)(\S+) (\S+)$", dockerfile, re.M)
    assert copies
    for source, target in copies:
        destination = app / target
        if (ROOT / source).is_dir():
            shutil.copytree(ROOT / source, destination, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / source, destination)
    pythonpath = re.search(r"^ENV PYTHONPATH=(\S+)$", dockerfile, re.M)
    assert pythonpath
    script = (
        "import importlib, pkgutil, sys\n"
        "assert not set(sys.path) & {%r, %r}, sys.path\n"
        "for name in ('gateway', 'llm_server'):\n"
        "    package = importlib.import_module(name)\n"
        "    assert package.__file__.startswith(%r), package.__file__\n"
        "    for module in pkgutil.walk_packages(package.__path__, name + '.'):\n"
        "        if not module.name.endswith('__main__'):\n"
        "            importlib.import_module(module.name)\n"
        "print('ok')\n"
    ) % (str(ROOT), str(ROOT / "llm-server"), str(app))
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "PYTHONPATH": pythonpath.group(1).replace("/app", str(app)),
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr
    assert (app / "deploy" / "llm-server-start.sh").exists()


def test_db_init_applies_every_sql_file_of_the_repository_schema_first() -> None:
    script = (DEPLOY / "postgres" / "db-init.sh").read_text()
    listed = re.search(r'^SQL_FILES="([^"]*)"$', script, re.M)
    assert listed
    files = listed.group(1).split()
    on_disk = sorted(
        str(path.relative_to(ROOT / "n8n-workflows")) for path in (ROOT / "n8n-workflows").rglob("*.sql")
    )
    assert sorted(files) == on_disk, (
        "a .sql file of n8n-workflows/ is not applied by db-init (or is listed but gone)"
    )
    assert files[0] == "schema.sql"


def test_the_local_runner_runs_the_same_batch_as_compose_in_one_process(tmp_path: Path) -> None:
    """devstack's import (make run, every test stack) runs deploy/n8n/batch.mjs, the script import.mjs runs, once for
    credentials and workflows, with n8n's package folder; here with a stand-in `node` that records its call."""
    from types import SimpleNamespace

    from devstack.n8n import BATCH_SCRIPT, N8nCli

    calls = tmp_path / "calls"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    write_executable(bin_dir / "node", f"""#!/bin/sh
echo "$* package=$REMEDIOS_N8N_PACKAGE_DIR" >> {calls}
""")
    (tmp_path / "n8n").mkdir()
    n8n_bin = tmp_path / "pkg" / "node_modules" / "n8n" / "bin" / "n8n"
    cli = N8nCli(SimpleNamespace(n8n_bin=n8n_bin, run_dir=tmp_path), env={"PATH": f"{bin_dir}:{os.environ['PATH']}"})
    cli.batch(credentials=[{"id": "x"}], workflows=WORKFLOWS)
    credentials = tmp_path / "n8n" / "credentials-import.json"
    assert calls.read_text().splitlines() == [
        f"{BATCH_SCRIPT} --credentials={credentials} --workflows={WORKFLOWS} package={n8n_bin.parent.parent}"]
    assert not credentials.exists()
    cli.batch()  # nothing to do: no n8n process at all
    assert len(calls.read_text().splitlines()) == 1
