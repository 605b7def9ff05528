"""The gateway's files hold plumbers' messages and phone numbers: only its own user may read them.

`private_sqlite(path)` is called before `sqlite3.connect(path)`: the folder is created 0700 (an existing one
is left as the operator made it), the database file is created 0600 before SQLite touches it, and SQLite
gives its `-wal` and `-shm` files the database file's mode. Files left looser by an older gateway are
tightened.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


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
