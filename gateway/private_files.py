"""The gateway's files hold plumbers' messages and phone numbers: only its own user may read them.

`open_sqlite(path, synchronous=...)` opens one of them (the outbox, the WhatsApp store) as both use it: WAL,
the `synchronous` mode asked for, a 5 s busy timeout, autocommit. It calls `private_sqlite(path)` first: the folder is created 0700 (an existing one
is left as the operator made it), the database file is created 0600 before SQLite touches it, and SQLite
gives its `-wal` and `-shm` files the database file's mode. Files left looser by an older gateway are
tightened.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
SYNCHRONOUS_MODES = ("NORMAL", "FULL")


def open_sqlite(path: Path, *, synchronous: str = "NORMAL") -> sqlite3.Connection:
    """`synchronous`: NORMAL keeps every commit across a process kill, FULL also across a power cut."""
    if synchronous not in SYNCHRONOUS_MODES:
        raise ValueError(f"synchronous must be NORMAL or FULL, got {synchronous!r}")
    private_sqlite(path)
    db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA synchronous={synchronous}")
    db.execute("PRAGMA busy_timeout=5000")
    return db


def private_sqlite(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, FILE_MODE)
    try:
        if os.fstat(fd).st_mode & 0o777 != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        try:
            if companion.stat().st_mode & 0o777 != FILE_MODE:
                companion.chmod(FILE_MODE)
        except FileNotFoundError:
            pass
    return path
