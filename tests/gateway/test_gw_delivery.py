"""Delivery worker against n8n mocked with respx: payload, retries/backoff, ordering, idempotency."""

from __future__ import annotations

import asyncio
import json
import random
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
import respx

from gateway.channels.base import InboundMessage
from gateway.delivery import DeliveryWorker
from gateway.lanes import backoff_delay
from gateway.intake import Intake
from gateway.n8n import N8nClient
from gateway.outbox import Outbox
from tests.gateway.helpers import CHAT_URL, make_settings, wait_for
from tests.gateway.support import FakeN8n, n8n_settings


def msg(message_id: str, conversation: str = "web:conv-aaaaaaaa", text: str = "hola") -> InboundMessage:
    return InboundMessage(
        conversation_id=conversation, message_id=message_id, channel="web", sender_id=conversation,
        text=text, timestamp=datetime(2026, 11, 23, 10, 0, 0, tzinfo=timezone.utc),
    )


class Harness:
    """Outbox + delivery worker + n8n client; n8n is the respx `router` (or a real server when None)."""

    def __init__(self, tmp_path: Path, router: respx.MockRouter | None, **overrides: object) -> None:
        self.settings = make_settings(tmp_path / "gw", **overrides)
        self.outbox = Outbox.open(self.settings.outbox_path)
        transport = httpx.MockTransport(router.async_handler) if router is not None else None
        self.client = N8nClient(self.settings, transport=transport)
        self.worker = DeliveryWorker(
            self.outbox, self.client.post_message,
            concurrency=self.settings.delivery_concurrency, backoff_base=self.settings.backoff_base,
            backoff_max=self.settings.backoff_max, retention=3600, rng=random.Random(1),
        )
        self.intake = Intake(self.outbox, self.worker.notify)

    async def __aenter__(self) -> Harness:
        self.worker.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.worker.stop(timeout=2)
        await self.client.aclose()
        self.outbox.close()

    def pending(self) -> int:
        return self.outbox.stats(now=0).depth


def bodies(route: respx.Route) -> list[dict]:
    return [json.loads(call.request.content) for call in route.calls]


async def test_payload_and_headers_match_the_contract(tmp_path: Path) -> None:
    with respx.mock(assert_all_mocked=True) as n8n:
        chat = n8n.post(CHAT_URL).mock(return_value=httpx.Response(200, json={"status": "stored"}))
        async with Harness(tmp_path, n8n) as h:
            h.intake.accept(msg("m-00000001", text="Tengo una fuga en la llave del lavabo"))
            await wait_for(lambda: h.pending() == 0)
    request = chat.calls.last.request
    assert request.method == "POST"
    assert request.headers["X-Remedios-Token"] == "n8n-token"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == {
        "conversation_id": "web:conv-aaaaaaaa",
        "message_id": "m-00000001",
        "channel": "web",
        "sender": {"id": "web:conv-aaaaaaaa", "name": None},
        "text": "Tengo una fuga en la llave del lavabo",
        "timestamp": "2026-11-23T10:00:00.000Z",
        "metadata": {},
    }


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("connection refused"),
        httpx.ReadTimeout("too slow"),
        httpx.Response(500, json={"error": "boom"}),
        httpx.Response(503, text="starting"),
        httpx.Response(401, json={"error": "bad token"}),
        httpx.Response(200, text="not json"),
        httpx.Response(200, json={"message": "Workflow was started"}),
    ],
    ids=["down", "timeout", "500", "503", "401", "200-not-json", "200-not-stored"],
)
async def test_failures_are_retried_until_n8n_stores(tmp_path: Path, failure: object) -> None:
    outcomes = [failure, failure, httpx.Response(200, json={"status": "stored"})]
    with respx.mock(assert_all_mocked=True) as n8n:
        chat = n8n.post(CHAT_URL).mock(side_effect=outcomes)
        async with Harness(tmp_path, n8n) as h:
            h.intake.accept(msg("m-00000001"))
            await wait_for(lambda: h.pending() == 0)
            row = h.outbox.get("m-00000001")
    assert chat.call_count == 3
    assert row.attempts == 3 and row.delivered_at is not None and row.last_error is None
    assert all(b["message_id"] == "m-00000001" for b in bodies(chat))


async def test_real_timeout_is_a_failure_and_retried(tmp_path: Path) -> None:
    """A real HTTP server that answers too slowly (respx cannot enforce httpx timeouts)."""
    fake = await FakeN8n(delay=0.5).start()
    try:
        h = Harness(tmp_path, None, delivery_timeout=0.2)
        h.settings = n8n_settings(h.settings, fake.base_url)
        await h.client.aclose()
        h.client = N8nClient(h.settings)  # the real transport against a real (slow) server
        h.worker._send = h.client.post_message
        async with h:
            h.intake.accept(msg("m-00000001"))
            await wait_for(lambda: h.outbox.get("m-00000001").attempts >= 2, timeout=5)
            row = h.outbox.get("m-00000001")
            assert row.delivered_at is None and row.last_error.startswith("timeout")
            fake.delay = 0
            await wait_for(lambda: h.pending() == 0, timeout=5)
    finally:
        await fake.stop()
    assert len(fake.requests) >= 3
    assert list(fake.stored) == ["m-00000001"]


async def test_backoff_grows_and_is_recorded(tmp_path: Path) -> None:
    with respx.mock(assert_all_mocked=True) as n8n:
        n8n.post(CHAT_URL).mock(return_value=httpx.Response(500))
        async with Harness(tmp_path, n8n, backoff_base=10.0, backoff_max=60.0) as h:
            h.intake.accept(msg("m-00000001"))
            await wait_for(lambda: h.outbox.get("m-00000001").attempts == 1)
            row = h.outbox.get("m-00000001")
            # after the first failure the next attempt is 5..10 s away: nothing is sent meanwhile
            assert 5.0 <= row.next_attempt_at - row.created_at <= 10.5
            await asyncio.sleep(0.2)
            assert h.outbox.get("m-00000001").attempts == 1
            assert row.last_error == "http 500"


def test_backoff_delay_is_exponential_capped_and_jittered() -> None:
    rng = random.Random(7)
    for failures, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (10, 30.0), (500, 30.0)]:
        delays = [backoff_delay(failures, base=0.5, cap=30.0, rng=rng) for _ in range(200)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(set(delays)) > 150  # jittered, not a constant


async def test_order_per_conversation_next_waits_for_previous(tmp_path: Path) -> None:
    """While the first message of a conversation fails, the second must not be sent."""
    seen: list[str] = []
    fail_first = 3

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal fail_first
        body = json.loads(request.content)
        seen.append(body["message_id"])
        if body["message_id"] == "a-00000001" and fail_first > 0:
            fail_first -= 1
            return httpx.Response(500)
        return httpx.Response(200, json={"status": "stored"})

    with respx.mock(assert_all_mocked=True) as n8n:
        n8n.post(CHAT_URL).mock(side_effect=handler)
        async with Harness(tmp_path, n8n) as h:
            for i in range(1, 6):
                h.intake.accept(msg(f"a-{i:08d}", "web:conv-aaaaaaaa"))
            await wait_for(lambda: h.pending() == 0)
    assert seen == ["a-00000001"] * 4 + [f"a-{i:08d}" for i in range(2, 6)]


async def test_conversations_are_delivered_concurrently_but_bounded(tmp_path: Path) -> None:
    active = 0
    peak = 0
    release = asyncio.Event()

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        await release.wait()
        active -= 1
        return httpx.Response(200, json={"status": "stored"})

    with respx.mock(assert_all_mocked=True) as n8n:
        n8n.post(CHAT_URL).mock(side_effect=handler)
        async with Harness(tmp_path, n8n, delivery_concurrency=3, delivery_timeout=5) as h:
            for c in range(6):
                h.intake.accept(msg(f"m-{c:08d}", f"web:conv-{c:08d}"))
            await wait_for(lambda: active == 3)
            await asyncio.sleep(0.05)
            assert peak == 3  # bounded
            release.set()
            await wait_for(lambda: h.pending() == 0)
    assert peak == 3


async def test_same_message_id_twice_is_one_row_and_one_post(tmp_path: Path) -> None:
    with respx.mock(assert_all_mocked=True) as n8n:
        chat = n8n.post(CHAT_URL).mock(return_value=httpx.Response(200, json={"status": "stored"}))
        async with Harness(tmp_path, n8n) as h:
            first = h.intake.accept(msg("m-00000001"))
            second = h.intake.accept(msg("m-00000001"))
            await wait_for(lambda: h.pending() == 0)
            third = h.intake.accept(msg("m-00000001"))  # a resend after delivery
            await asyncio.sleep(0.1)
    assert (first.created, second.created, third.created) == (True, False, False)
    assert chat.call_count == 1


async def test_duplicate_answer_counts_as_delivered(tmp_path: Path) -> None:
    with respx.mock(assert_all_mocked=True) as n8n:
        chat = n8n.post(CHAT_URL).mock(return_value=httpx.Response(200, json={"status": "duplicate"}))
        async with Harness(tmp_path, n8n) as h:
            h.intake.accept(msg("m-00000001"))
            await wait_for(lambda: h.pending() == 0)
    assert chat.call_count == 1


async def test_pending_rows_resume_after_restart(tmp_path: Path) -> None:
    with respx.mock(assert_all_mocked=True) as n8n:
        chat = n8n.post(CHAT_URL).mock(return_value=httpx.Response(502))
        async with Harness(tmp_path, n8n) as h:
            for i in range(3):
                h.intake.accept(msg(f"m-{i:08d}"))
            await wait_for(lambda: chat.call_count >= 2)
        assert {b["message_id"] for b in bodies(chat)} == {"m-00000000"}  # the head blocks the rest
        before = chat.call_count
        chat.mock(return_value=httpx.Response(200, json={"status": "stored"}))
        async with Harness(tmp_path, n8n) as h:  # same data dir: a restarted gateway
            await wait_for(lambda: h.pending() == 0)
    assert [b["message_id"] for b in bodies(chat)[before:]] == ["m-00000000", "m-00000001", "m-00000002"]


async def test_stop_lets_the_in_flight_request_finish(tmp_path: Path) -> None:
    started = asyncio.Event()

    async def slow(request: httpx.Request) -> httpx.Response:
        started.set()
        await asyncio.sleep(0.2)
        return httpx.Response(200, json={"status": "stored"})

    with respx.mock(assert_all_mocked=True) as n8n:
        chat = n8n.post(CHAT_URL).mock(side_effect=slow)
        h = Harness(tmp_path, n8n, delivery_timeout=5)
        await h.__aenter__()
        h.intake.accept(msg("m-00000001"))
        h.intake.accept(msg("m-00000002"))
        await started.wait()
        await h.worker.stop(timeout=2)
        assert h.outbox.get("m-00000001").delivered_at is not None  # finished, not cancelled
        assert h.outbox.get("m-00000002").delivered_at is None  # not started after stop
        await h.__aexit__()
    assert chat.call_count == 1


@pytest.mark.parametrize("status", [400, 413, 422])
async def test_a_message_n8n_keeps_refusing_is_rejected_kept_and_unblocks_its_conversation(
    tmp_path: Path, status: int
) -> None:
    told: list[tuple[str, str]] = []

    async def on_rejected(row, detail: str) -> None:  # noqa: ANN001 - OutboxRow
        told.append((row.message_id, detail))

    def handler(request: httpx.Request) -> httpx.Response:
        if json.loads(request.content)["message_id"] == "a-00000001":
            return httpx.Response(status, json={"error": "invalid message"})
        return httpx.Response(200, json={"status": "stored"})

    with respx.mock(assert_all_mocked=True) as n8n:
        chat = n8n.post(CHAT_URL).mock(side_effect=handler)
        async with Harness(tmp_path, n8n) as h:
            h.worker._max_rejections = 3
            h.worker._on_rejected = on_rejected
            h.intake.accept(msg("a-00000001"))
            h.intake.accept(msg("a-00000002"))
            await wait_for(lambda: h.pending() == 0 and told)
            rejected = h.outbox.get("a-00000001")
            stats = h.outbox.stats(now=0)
            assert h.outbox.prune(delivered_before=float("inf")) == 1  # the delivered one goes, not the rejected
            kept = h.outbox.rejected()
    assert [b["message_id"] for b in bodies(chat)] == ["a-00000001"] * 3 + ["a-00000002"]
    assert rejected.rejected_at is not None and rejected.last_error == f"http {status}" and rejected.attempts == 3
    assert stats.rejected == 1 and stats.depth == 0
    assert [r.message_id for r in kept] == ["a-00000001"] and kept[0].payload["text"] == "hola"
    assert told == [("a-00000001", f"http {status}")]


async def test_refusals_count_only_in_a_row_and_outages_are_never_rejections(tmp_path: Path) -> None:
    outcomes = [httpx.Response(422), httpx.Response(422), httpx.Response(503), httpx.ConnectError("down"),
                httpx.Response(401), httpx.Response(422), httpx.Response(422),
                httpx.Response(200, json={"status": "stored"})]
    with respx.mock(assert_all_mocked=True) as n8n:
        chat = n8n.post(CHAT_URL).mock(side_effect=outcomes)
        async with Harness(tmp_path, n8n) as h:
            h.worker._max_rejections = 3
            h.intake.accept(msg("a-00000001"))
            await wait_for(lambda: h.pending() == 0, timeout=10)
            row = h.outbox.get("a-00000001")
    assert chat.call_count == 8
    assert row.rejected_at is None and row.delivered_at is not None


async def test_rejected_outbox_column_is_added_to_an_old_outbox(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL UNIQUE,"
        " conversation_id TEXT NOT NULL, channel TEXT NOT NULL, payload TEXT NOT NULL, created_at REAL NOT NULL,"
        " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at REAL NOT NULL, last_error TEXT, delivered_at REAL);"
        "INSERT INTO outbox (message_id, conversation_id, channel, payload, created_at, next_attempt_at)"
        " VALUES ('m-00000001', 'web:conv-aaaaaaaa', 'web', '{\"text\": \"hola\"}', 1, 1);"
    )
    db.commit()
    db.close()
    outbox = Outbox.open(path)
    try:
        row = outbox.head("web:conv-aaaaaaaa")
        assert row is not None and row.rejected_at is None and outbox.stats(now=2).rejected == 0
    finally:
        outbox.close()
