from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from gateway.channels.base import InboundMessage
from gateway.outbox import Outbox
from tests.support.file_modes import loose_umask, mode, no_chmod  # noqa: F401 (fixtures)


def msg(message_id: str, conversation: str = "web:conv-aaaaaaaa", text: str = "hola") -> InboundMessage:
    return InboundMessage(
        conversation_id=conversation,
        message_id=message_id,
        channel="web",
        sender_id=conversation,
        text=text,
        timestamp=datetime(2026, 11, 23, 10, 0, 0, 123000, tzinfo=timezone.utc),
    )


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    box = Outbox.open(tmp_path / "o" / "outbox.sqlite3")
    yield box
    box.close()


def test_add_stores_the_webhook_payload(outbox: Outbox) -> None:
    row, created = outbox.add(msg("m-00000001"), now=100.0)
    assert created
    assert row.payload == {
        "conversation_id": "web:conv-aaaaaaaa",
        "message_id": "m-00000001",
        "channel": "web",
        "sender": {"id": "web:conv-aaaaaaaa", "name": None},
        "text": "hola",
        "timestamp": "2026-11-23T10:00:00.123Z",
        "metadata": {},
    }
    assert outbox.get("m-00000001") == row


def test_same_id_twice_is_one_row(outbox: Outbox) -> None:
    first, created1 = outbox.add(msg("m-00000001", text="uno"), now=1.0)
    again, created2 = outbox.add(msg("m-00000001", text="otro texto"), now=2.0)
    assert (created1, created2) == (True, False)
    assert again == first  # the stored row wins, resends change nothing
    assert outbox.stats(now=3.0).depth == 1


def test_wal_mode_and_sync_level(tmp_path: Path) -> None:
    box = Outbox.open(tmp_path / "a.sqlite3", synchronous="FULL")
    assert box._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert box._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    box.close()
    box = Outbox.open(tmp_path / "b.sqlite3")
    assert box._db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    box.close()


def test_heads_are_per_conversation_and_in_order(outbox: Outbox) -> None:
    for i, conv in enumerate(["web:a-aaaaaaaa", "web:b-bbbbbbbb", "web:a-aaaaaaaa", "web:b-bbbbbbbb"]):
        outbox.add(msg(f"m-{i:08d}", conv), now=10.0)
    heads = outbox.due_heads(now=10.0, limit=10)
    assert [h.message_id for h in heads] == ["m-00000000", "m-00000001"]
    assert outbox.head("web:a-aaaaaaaa").message_id == "m-00000000"
    outbox.mark_delivered("m-00000000", now=11.0)
    assert outbox.head("web:a-aaaaaaaa").message_id == "m-00000002"
    assert [h.message_id for h in outbox.due_heads(now=11.0, limit=10)] == ["m-00000001", "m-00000002"]
    assert [h.message_id for h in outbox.due_heads(now=11.0, limit=10, exclude={"web:b-bbbbbbbb"})] == [
        "m-00000002"
    ]
    assert len(outbox.due_heads(now=11.0, limit=1)) == 1
    assert outbox.due_heads(now=11.0, limit=0) == []
    assert outbox.due_lanes(now=11.0, limit=10, exclude={"web:a-aaaaaaaa"}) == ["web:b-bbbbbbbb"]


def test_failed_head_waits_for_its_retry_time_and_blocks_its_conversation(outbox: Outbox) -> None:
    outbox.add(msg("m-00000001"), now=10.0)
    outbox.add(msg("m-00000002"), now=10.0)
    outbox.retry(outbox.get("m-00000001"), next_attempt_at=20.0, error="http 500")
    assert outbox.due_heads(now=15.0, limit=10) == []  # the second message must not overtake
    assert outbox.next_due_at() == 20.0
    row = outbox.due_heads(now=20.0, limit=10)[0]
    assert (row.message_id, row.attempts, row.last_error) == ("m-00000001", 1, "http 500")


def test_stats_pending_and_prune(outbox: Outbox) -> None:
    assert outbox.stats(now=0.0).depth == 0 and outbox.stats(now=0.0).oldest_pending_age is None
    outbox.add(msg("m-00000001"), now=100.0)
    outbox.add(msg("m-00000002"), now=105.0)
    stats = outbox.stats(now=130.0)
    assert stats.depth == 2 and stats.oldest_pending_age == pytest.approx(30.0)
    outbox.mark_delivered("m-00000001", now=140.0)
    assert [r.message_id for r in outbox.pending_for("web:conv-aaaaaaaa")] == ["m-00000002"]
    assert outbox.pending_for("web:other-xxxxxxx") == []
    assert outbox.prune(delivered_before=140.0) == 0
    assert outbox.prune(delivered_before=141.0) == 1
    assert outbox.get("m-00000001") is None and outbox.get("m-00000002") is not None


def test_rows_survive_reopen(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    box = Outbox.open(path)
    box.add(msg("m-00000001"), now=1.0)
    box.add(msg("m-00000002"), now=1.0)
    box.retry(box.get("m-00000001"), next_attempt_at=9.0, error="down")
    box.close()
    box = Outbox.open(path)
    assert [r.message_id for r in box.pending_for("web:conv-aaaaaaaa")] == ["m-00000001", "m-00000002"]
    assert box.head("web:conv-aaaaaaaa").next_attempt_at == 9.0
    box.close()


# ----- file modes: the outbox holds plumbers' messages ------------------------------------------------------
@pytest.mark.usefixtures("loose_umask", "no_chmod")
def test_outbox_and_whatsapp_store_files_are_created_0600_in_a_0700_folder(tmp_path: Path) -> None:
    from gateway.whatsapp.store import WhatsAppStore

    box = Outbox.open(tmp_path / "gw" / "outbox.sqlite3")
    box.add(msg("m-00000001"), now=1.0)  # the WAL and shared-memory files exist now
    store = WhatsAppStore.open(tmp_path / "gw" / "whatsapp.sqlite3")
    store.mark_seen("wamid.X", "text", now=1.0)
    try:
        files = sorted((tmp_path / "gw").iterdir())
        names = {f.name for f in files}
        assert {"outbox.sqlite3", "outbox.sqlite3-wal", "outbox.sqlite3-shm", "whatsapp.sqlite3",
                "whatsapp.sqlite3-wal", "whatsapp.sqlite3-shm"} <= names, names
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
        assert mode(tmp_path / "gw") == 0o700
    finally:
        box.close()
        store.close()


@pytest.mark.usefixtures("loose_umask")
def test_outbox_files_left_readable_by_an_older_gateway_are_tightened(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    Outbox.open(path).close()
    for name in ("outbox.sqlite3", "outbox.sqlite3-wal"):
        (tmp_path / name).touch()
        (tmp_path / name).chmod(0o644)
    box = Outbox.open(path)
    try:
        assert mode(path) == 0o600
        assert mode(tmp_path / "outbox.sqlite3-wal") == 0o600
    finally:
        box.close()
