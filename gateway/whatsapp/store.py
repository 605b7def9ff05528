"""WhatsApp state in the gateway data dir (`whatsapp.sqlite3`, WAL): seen wamids and a retrying job queue.

- `seen`: every inbound wamid the gateway acted on, kept `retention` seconds (default 30 days, longer than
  Meta's retry horizon of days), so a redelivery after the outbox row was delivered and pruned, or after a
  restart, is still recognised. Inserted in the same transaction as the message's job, so a message is
  never "seen" without its work being queued.
- `jobs`: work that must survive a restart: outbound replies (`send`), delivery statuses for n8n (`status`),
  inbound media/voice (`inbound`). Ordered by `seq` per `lane` (one conversation's sends go out in order).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gateway.private_files import open_sqlite

_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    wamid   TEXT PRIMARY KEY,
    seen_at REAL NOT NULL,
    kind    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS seen_at ON seen (seen_at);
CREATE TABLE IF NOT EXISTS jobs (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id          TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    lane            TEXT NOT NULL,
    payload         TEXT NOT NULL,
    created_at      REAL NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    last_error      TEXT
);
CREATE INDEX IF NOT EXISTS jobs_lane ON jobs (lane, seq);
"""

_COLUMNS = "seq, job_id, kind, lane, payload, created_at, attempts, next_attempt_at, last_error"


@dataclass(frozen=True)
class Job:
    seq: int
    job_id: str
    kind: str
    lane: str
    payload: dict[str, Any]
    created_at: float
    attempts: int
    next_attempt_at: float
    last_error: str | None


class WhatsAppStore:
    """Calls are short and run on the event loop, except `checkpoint()` (run it in a thread).

    WAL checkpoints are what fsyncs in `synchronous=NORMAL` (tens of ms on a busy disk): SQLite's automatic
    checkpoint would run them inside a commit on the event loop, in the webhook's ack path. So automatic
    checkpoints are off on the loop's connection and the channel runs `checkpoint()` in a worker thread, on
    its own connection, every second or so while there are writes.
    """

    def __init__(self, db: sqlite3.Connection, path: Path | None = None) -> None:
        self._db = db
        self._path = path
        self._checkpoint_db: sqlite3.Connection | None = None

    @classmethod
    def open(cls, path: Path, *, synchronous: str = "NORMAL") -> WhatsAppStore:
        db = open_sqlite(path, synchronous=synchronous)  # 0600, folder 0700: messages and phone numbers
        db.execute("PRAGMA wal_autocheckpoint=0")
        db.executescript(_SCHEMA)
        return cls(db, path)

    def checkpoint(self) -> None:
        """A passive WAL checkpoint on a second connection (blocking: call it from a thread)."""
        if self._path is None:
            return
        if self._checkpoint_db is None:
            self._checkpoint_db = sqlite3.connect(
                str(self._path), isolation_level=None, check_same_thread=False
            )
            self._checkpoint_db.execute("PRAGMA busy_timeout=5000")
        self._checkpoint_db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()

    def close(self) -> None:
        if self._checkpoint_db is not None:
            self._checkpoint_db.close()
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.close()

    # ---- seen wamids --------------------------------------------------------------------------------
    def is_seen(self, wamid: str) -> bool:
        return self._db.execute("SELECT 1 FROM seen WHERE wamid = ?", (wamid,)).fetchone() is not None

    def mark_seen(
        self, wamid: str, kind: str, *, now: float, job: tuple[str, str, str, dict[str, Any]] | None = None
    ) -> bool:
        """Record `wamid` (and enqueue `job` = (job_id, kind, lane, payload) atomically).

        False: already seen (nothing enqueued)."""
        if job is None:
            return (
                self._db.execute(
                    "INSERT OR IGNORE INTO seen (wamid, seen_at, kind) VALUES (?, ?, ?)", (wamid, now, kind)
                ).rowcount
                == 1
            )
        with _transaction(self._db):
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO seen (wamid, seen_at, kind) VALUES (?, ?, ?)", (wamid, now, kind)
            )
            if cursor.rowcount != 1:
                return False
            self._insert_job(*job, now=now)
        return True

    def prune_seen(self, *, before: float) -> int:
        return self._db.execute("DELETE FROM seen WHERE seen_at < ?", (before,)).rowcount

    # ---- jobs ---------------------------------------------------------------------------------------
    def enqueue(self, job_id: str, kind: str, lane: str, payload: dict[str, Any], *, now: float) -> bool:
        """False when a job with this id is already queued (a retried callback)."""
        return self._insert_job(job_id, kind, lane, payload, now=now)

    def _insert_job(self, job_id: str, kind: str, lane: str, payload: dict[str, Any], *, now: float) -> bool:
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO jobs (job_id, kind, lane, payload, created_at, next_attempt_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (job_id, kind, lane, json.dumps(payload, ensure_ascii=False), now, now),
        )
        return cursor.rowcount == 1

    def due_lanes(self, *, now: float, limit: int, exclude: Collection[str] = ()) -> list[str]:
        """Lanes whose oldest job is due, oldest first, lanes in `exclude` skipped (gateway/lanes.py)."""
        if limit <= 0:
            return []
        rows = self._db.execute(
            "SELECT lane FROM jobs WHERE seq IN (SELECT MIN(seq) FROM jobs GROUP BY lane) "
            "AND next_attempt_at <= ? ORDER BY seq LIMIT ?",
            (now, limit + len(exclude)),
        ).fetchall()
        return [lane for (lane,) in rows if lane not in exclude][:limit]

    def head(self, lane: str) -> Job | None:
        """The lane's oldest job (due or not)."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM jobs WHERE lane = ? ORDER BY seq LIMIT 1",
            (lane,),
        ).fetchone()
        return None if row is None else _job(row)

    def next_due_at(self, *, exclude: Collection[str] = ()) -> float | None:
        rows = self._db.execute(
            "SELECT lane, next_attempt_at FROM jobs WHERE seq IN (SELECT MIN(seq) FROM jobs GROUP BY lane)"
        ).fetchall()
        times = [float(t) for lane, t in rows if lane not in exclude]
        return min(times) if times else None

    def update_payload(self, job_id: str, payload: dict[str, Any]) -> None:
        self._db.execute(
            "UPDATE jobs SET payload = ? WHERE job_id = ?", (json.dumps(payload, ensure_ascii=False), job_id)
        )

    def done(self, job_id: str) -> None:
        self._db.execute("DELETE FROM jobs WHERE job_id = ?", (job_id,))

    def retry(self, job: Job, *, next_attempt_at: float, error: str) -> None:
        self._db.execute(
            "UPDATE jobs SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE job_id = ?",
            (next_attempt_at, error[:500], job.job_id),
        )

    def pending(self, kind: str | None = None) -> int:
        if kind is None:
            return int(self._db.execute("SELECT COUNT(*) FROM jobs").fetchone()[0])
        return int(self._db.execute("SELECT COUNT(*) FROM jobs WHERE kind = ?", (kind,)).fetchone()[0])


class _transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *_: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def _job(r: tuple[Any, ...]) -> Job:
    """A row of `_COLUMNS`, which are Job's fields in order; the payload is stored as JSON."""
    return Job(*r[:4], json.loads(r[4]), *r[5:])
