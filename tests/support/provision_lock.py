"""One provisioning of the speech models at a time (`make test` runs the suite in two processes: tests/speech's
``models`` and tests/integration's ``stack`` may both find the models missing on a fresh machine and both download and
swap them into the same folder)."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def provisioning(models_dir: Path) -> Iterator[None]:
    """Held while this process provisions into ``models_dir``; another process waits, then finds them there."""
    models_dir.mkdir(parents=True, exist_ok=True)
    with open(models_dir / ".provision.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
