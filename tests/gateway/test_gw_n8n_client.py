"""gateway/n8n.py: the one client for every request to n8n: the same token header on each, the outcome rules of
the chat and status webhooks, closed and opened again with the Runtime."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import respx

from gateway.n8n import HistoryUnavailable, N8nClient, StaffUnavailable, feedback_webhook_url
from tests.gateway.helpers import CHAT_URL, HEALTH_URL, HISTORY_URL, N8N, make_settings

STATUS_URL = f"{N8N}/webhook/remedios-status"
ESTIMATE_URL = f"{N8N}/webhook/remedios-estimate"
STAFF_URL = f"{N8N}/webhook/remedios-staff"
EVENTS = {"events": [{"external_id": "wamid.X", "status": "read", "timestamp": "2026-11-23T10:01:00Z"}]}


@pytest.fixture
def n8n() -> respx.MockRouter:
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as router:
        router.post(CHAT_URL, name="chat").mock(return_value=httpx.Response(200, json={"status": "stored"}))
        router.post(STATUS_URL, name="status").mock(
            return_value=httpx.Response(200, json={"status": "stored", "received": 1, "updated": 1}))
        router.get(HISTORY_URL, name="history").mock(
            return_value=httpx.Response(200, json={"conversation_id": "web:conv-aaaaaaaa", "messages": []}))
        router.get(HEALTH_URL, name="health").mock(return_value=httpx.Response(200, json={"status": "ok"}))
        router.post(url__startswith=f"{N8N}/webhook/remedios-feedback", name="feedback").mock(
            return_value=httpx.Response(200, json={"status": "recorded"}))
        router.route(url__startswith=ESTIMATE_URL, name="estimate").mock(
            return_value=httpx.Response(200, text="<!DOCTYPE html>", headers={"Content-Type": "text/html"}))
        router.post(STAFF_URL, name="staff").mock(return_value=httpx.Response(200, json={"ok": True}))
        yield router


@pytest.fixture
def client(tmp_path: Path, n8n: respx.MockRouter) -> N8nClient:
    return N8nClient(make_settings(tmp_path, n8n_status_webhook_url=STATUS_URL),
                     transport=httpx.MockTransport(n8n.async_handler))


async def test_every_request_carries_the_one_token_header(client: N8nClient, n8n: respx.MockRouter) -> None:
    assert (await client.post_message({"message_id": "m-1"})).delivered
    assert (await client.post_status(EVENTS)).delivered
    assert await client.fetch_history("web:conv-aaaaaaaa", limit=10) == []
    assert (await client.check_health()).ok
    assert (await client.record_vote("web:conv-aaaaaaaa", "reply:1", "up")).status_code == 200
    assert (await client.estimate_page({"number": "P-1", "t": "x"})).status_code == 200
    assert (await client.estimate_page({"number": "P-1"}, form=b"t=x&decision=accepted",
                                       form_type="application/x-www-form-urlencoded")).status_code == 200
    assert await client.staff_decide({"action": "whoami"}, url=STAFF_URL, timeout=5) == {"ok": True}
    calls = [call for route in n8n.routes for call in route.calls]
    assert len(calls) == 8
    assert all(call.request.headers["X-Remedios-Token"] == "n8n-token" for call in calls)
    assert all(call.request.headers["User-Agent"] == "remedios-gateway" for call in calls)
    assert json.loads(n8n.routes["status"].calls.last.request.content) == EVENTS
    assert json.loads(n8n.routes["feedback"].calls.last.request.content) == {
        "conversation_id": "web:conv-aaaaaaaa", "message_id": "reply:1", "vote": "up"}
    assert str(n8n.routes["feedback"].calls.last.request.url) == feedback_webhook_url(client._settings)  # noqa: SLF001
    form = n8n.routes["estimate"].calls.last.request
    assert form.method == "POST" and form.url.params["number"] == "P-1" and form.content == b"t=x&decision=accepted"
    assert form.headers["Content-Type"] == "application/x-www-form-urlencoded"


@pytest.mark.parametrize(
    ("answer", "delivered", "detail"),
    [
        (httpx.Response(200, json={"status": "stored", "received": 1, "updated": 0}), True, "stored"),
        (httpx.Response(200, json={"status": "duplicate"}), True, "duplicate"),
        (httpx.Response(500, json={"error": "boom"}), False, "http 500"),
        (httpx.Response(200, text="not json"), False, "200 without a JSON body"),
        (httpx.Response(200, json={"message": "Workflow was started"}), False, "200 with unexpected body"),
        (httpx.ConnectError("refused"), False, "ConnectError"),
    ],
    ids=["stored", "duplicate", "500", "not-json", "not-stored", "down"],
)
async def test_status_posts_have_the_chat_webhooks_outcome_rules(
    client: N8nClient, n8n: respx.MockRouter, answer: object, delivered: bool, detail: str
) -> None:
    n8n.routes["status"].mock(side_effect=[answer])
    outcome = await client.post_status(EVENTS)
    assert outcome.delivered is delivered and outcome.detail.startswith(detail)


async def test_bad_answers_are_errors_of_their_callers_kind(client: N8nClient, n8n: respx.MockRouter) -> None:
    n8n.routes["history"].mock(return_value=httpx.Response(200, json={"rows": []}))
    with pytest.raises(HistoryUnavailable, match="no messages list"):
        await client.fetch_history("web:conv-aaaaaaaa", limit=10)
    n8n.routes["staff"].mock(return_value=httpx.Response(502, text="Bad Gateway"))
    with pytest.raises(StaffUnavailable, match="http 502"):
        await client.staff_decide({"action": "list"}, url=STAFF_URL, timeout=5)
    n8n.routes["staff"].mock(return_value=httpx.Response(200, json={"decision": "yes"}))
    with pytest.raises(StaffUnavailable, match="unexpected body"):
        await client.staff_decide({"action": "list"}, url=STAFF_URL, timeout=5)


async def test_a_closed_client_fails_like_an_unreachable_n8n_until_started_again(
    client: N8nClient, n8n: respx.MockRouter
) -> None:
    await client.aclose()
    outcome = await client.post_message({"message_id": "m-1"})
    assert not outcome.delivered and "closed" in outcome.detail
    with pytest.raises(HistoryUnavailable):
        await client.fetch_history("web:conv-aaaaaaaa", limit=10)
    with pytest.raises(httpx.HTTPError):
        await client.record_vote("web:conv-aaaaaaaa", "reply:1", "up")
    assert n8n.calls.call_count == 0
    await client.start()
    assert (await client.post_message({"message_id": "m-1"})).delivered
