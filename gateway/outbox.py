"""Durable outbox: accepted messages wait here (SQLite on disk) until n8n has stored them.

- WAL journal; `synchronous=NORMAL` (default) keeps every committed row across a process kill
  (SIGKILL, OOM); `FULL` also across a power cut, at the cost of an fsync per message.
- `message_id` is unique: `add()` of an id already present is a no-op (a resend is not a second message).
- Rows are delivered in `seq` order per conversation: only a conversation's oldest pending row (its
  "head") is ever due. Delivered rows are kept for `retention` seconds so late resends stay no-ops.
- A message n8n keeps refusing as malformed (see gateway/delivery.py) is settled as *rejected*: it no
  longer blocks its conversation, and its row (payload and n8n's error) is kept, never pruned, for staff.

Calls are synchronous and short (no fsync per commit in NORMAL mode); they run on the event loop.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gateway.channels.base import InboundMessage
from gateway.private_files import open_sqlite

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      TEXT    NOT NULL UNIQUE,
    conversation_id TEXT    NOT NULL,
    channel         TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    created_at      REAL    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL    NOT NULL,
    last_error      TEXT,
    delivered_at    REAL,
    rejected_at     REAL
);
CREATE INDEX IF NOT EXISTS outbox_pending_by_conversation
    ON outbox (conversation_id, seq) WHERE delivered_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_delivered_at
    ON outbox (delivered_at) WHERE delivered_at IS NOT NULL;
"""

_COLUMNS = (
    "seq, message_id, conversation_id, channel, payload, created_at, attempts, next_attempt_at, "
    "last_error, delivered_at, rejected_at"
)

_HEADS = """
SELECT {cols} FROM outbox
WHERE seq IN (SELECT MIN(seq) FROM outbox WHERE delivered_at IS NULL GROUP BY conversation_id)
""".format(cols=_COLUMNS)


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    message_id: str
    conversation_id: str
    channel: str
    payload: dict[str, Any]
    created_at: float
    attempts: int
    next_attempt_at: float
    last_error: str | None
    delivered_at: float | None
    rejected_at: float | None = None

    @property
    def pending(self) -> bool:
        return self.delivered_at is None

    @property
    def text(self) -> str:
        return str(self.payload.get("text", ""))

    @property
    def timestamp(self) -> str:
        return str(self.payload.get("timestamp", ""))


@dataclass(frozen=True)
class OutboxStats:
    depth: int
    oldest_pending_age: float | None
    rejected: int = 0


class Outbox:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    @classmethod
    def open(cls, path: Path, *, synchronous: str = "NORMAL") -> Outbox:
        db = open_sqlite(path, synchronous=synchronous)  # 0600, folder 0700: messages and phone numbers
        db.executescript(_SCHEMA)
        columns = {row[1] for row in db.execute("PRAGMA table_info(outbox)")}
        if "rejected_at" not in columns:  # an outbox written by an older gateway
            db.execute("ALTER TABLE outbox ADD COLUMN rejected_at REAL")
        return cls(db)

    def close(self) -> None:
        self._db.close()

    def add(self, message: InboundMessage, *, now: float) -> tuple[OutboxRow, bool]:
        """Store `message`; returns (row, created). An id already present returns the stored row."""
        payload = message.webhook_payload()
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO outbox (message_id, conversation_id, channel, payload, created_at, "
            "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                message.message_id,
                message.conversation_id,
                message.channel,
                json.dumps(payload, ensure_ascii=False),
                now,
                now,
            ),
        )
        if cursor.rowcount == 1:
            row = OutboxRow(
                seq=int(cursor.lastrowid or 0),
                message_id=message.message_id,
                conversation_id=message.conversation_id,
                channel=message.channel,
                payload=payload,
                created_at=now,
                attempts=0,
                next_attempt_at=now,
                last_error=None,
                delivered_at=None,
            )
            return row, True
        existing = self.get(message.message_id)
        if existing is None:  # pragma: no cover - the row was pruned between the two statements
            raise RuntimeError(f"outbox lost message {message.message_id}")
        return existing, False

    def get(self, message_id: str) -> OutboxRow | None:
        return self._one(f"SELECT {_COLUMNS} FROM outbox WHERE message_id = ?", (message_id,))

    def head(self, conversation_id: str) -> OutboxRow | None:
        """The conversation's oldest undelivered message: the only one that may be sent now."""
        return self._one(
            f"SELECT {_COLUMNS} FROM outbox WHERE conversation_id = ? AND delivered_at IS NULL "
            "ORDER BY seq LIMIT 1",
            (conversation_id,),
        )

    def due_heads(self, *, now: float, limit: int, exclude: Collection[str] = ()) -> list[OutboxRow]:
        """Heads whose next attempt is due, oldest first, skipping conversations in `exclude`."""
        if limit <= 0:
            return []
        rows = self._db.execute(
            _HEADS + " AND next_attempt_at <= ? ORDER BY seq LIMIT ?", (now, limit + len(exclude))
        ).fetchall()
        heads = [_row(r) for r in rows]
        return [h for h in heads if h.conversation_id not in exclude][:limit]

    def due_lanes(self, *, now: float, limit: int, exclude: Collection[str] = ()) -> list[str]:
        """Conversations whose head is due (the lane store of gateway/lanes.py)."""
        return [head.conversation_id for head in self.due_heads(now=now, limit=limit, exclude=exclude)]

    def next_due_at(self, *, exclude: Collection[str] = ()) -> float | None:
        """Earliest next attempt among heads not in `exclude`, or None when nothing is pending."""
        rows = self._db.execute(
            "SELECT conversation_id, next_attempt_at FROM outbox WHERE seq IN "
            "(SELECT MIN(seq) FROM outbox WHERE delivered_at IS NULL GROUP BY conversation_id)"
        ).fetchall()
        times = [t for conv, t in rows if conv not in exclude]
        return min(times) if times else None

    def mark_delivered(self, message_id: str, *, now: float) -> None:
        self._db.execute(
            "UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL "
            "WHERE message_id = ? AND delivered_at IS NULL",
            (now, message_id),
        )

    def retry(self, row: OutboxRow, *, next_attempt_at: float, error: str) -> None:
        """A failed attempt: `row` stays its conversation's head until `next_attempt_at`."""
        self._db.execute(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
            "WHERE message_id = ? AND delivered_at IS NULL",
            (next_attempt_at, error[:500], row.message_id),
        )

    def mark_rejected(self, message_id: str, *, now: float, error: str) -> None:
        """Settle a message n8n refuses as malformed: it stops blocking its conversation and is kept."""
        self._db.execute(
            "UPDATE outbox SET delivered_at = ?, rejected_at = ?, attempts = attempts + 1, last_error = ? "
            "WHERE message_id = ? AND delivered_at IS NULL",
            (now, now, error[:500], message_id),
        )

    def rejected(self, *, limit: int = 100) -> list[OutboxRow]:
        """The rejected messages, newest first (for staff: payload and n8n's error are kept)."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE rejected_at IS NOT NULL ORDER BY seq DESC LIMIT ?", (limit,)
        ).fetchall()
        return [_row(r) for r in rows]

    def pending_for(self, conversation_id: str) -> list[OutboxRow]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE conversation_id = ? AND delivered_at IS NULL ORDER BY seq",
            (conversation_id,),
        ).fetchall()
        return [_row(r) for r in rows]

    def recent_conversations(self, limit: int) -> list[str]:
        """The `limit` conversations with the latest messages in the outbox, most recent last."""
        rows = self._db.execute(
            "SELECT conversation_id FROM outbox GROUP BY conversation_id ORDER BY MAX(seq) DESC LIMIT ?", (limit,)
        ).fetchall()
        return [r[0] for r in reversed(rows)]

    def stats(self, *, now: float) -> OutboxStats:
        depth, oldest = self._db.execute(
            "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE delivered_at IS NULL"
        ).fetchone()
        (rejected,) = self._db.execute("SELECT COUNT(*) FROM outbox WHERE rejected_at IS NOT NULL").fetchone()
        return OutboxStats(
            depth=int(depth),
            oldest_pending_age=None if oldest is None else max(0.0, now - oldest),
            rejected=int(rejected),
        )

    def prune(self, *, delivered_before: float) -> int:
        """Forget delivered rows older than `delivered_before`; returns how many went."""
        cursor = self._db.execute(
            "DELETE FROM outbox WHERE delivered_at IS NOT NULL AND rejected_at IS NULL AND delivered_at < ?", (delivered_before,)
        )
        return cursor.rowcount

    def _one(self, sql: str, params: tuple[Any, ...]) -> OutboxRow | None:
        row = self._db.execute(sql, params).fetchone()
        return None if row is None else _row(row)


def _row(r: tuple[Any, ...]) -> OutboxRow:
    """A row of `_COLUMNS`, which are OutboxRow's fields in order; the payload is stored as JSON."""
    return OutboxRow(*r[:4], json.loads(r[4]), *r[5:])
