"""`POST /api/feedback` (gateway/feedback.py): a plumber's 👍/👎 relayed to n8n, n8n mocked with respx.

What is checked: a valid vote reaches n8n's remedios-feedback webhook with the gateway token and the
conversation id the page's browser id stands for; n8n's verdict comes back (recorded, unknown message,
invalid); malformed votes, another site's page and a flood are refused by the gateway before n8n is asked;
n8n down or answering nonsense is a 503 in Spanish. The real workflow and database: tests/integration/
test_feedback_loop.py."""

from __future__ import annotations

import json

import httpx
import pytest
import respx

from gateway.feedback import CONVERSATION_BURST
from gateway.n8n import feedback_webhook_url
from gateway.settings import Settings
from tests.gateway.helpers import N8N

FEEDBACK_URL = f"{N8N}/webhook/remedios-feedback"
BROWSER = "conv-aaaaaaaa"
ANSWER = "reply:0b6f3e1c-7a2d-4f3e-9c1b-2a3d4e5f6a7b"


def vote(**fields: object) -> dict[str, object]:
    return {"conversation": BROWSER, "message_id": ANSWER, "vote": "down", **fields}


async def post(gateway, body: object, headers: dict[str, str] | None = None):
    raw = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return await gateway.client.post("/api/feedback", data=raw,
                                     headers={"Content-Type": "application/json", **(headers or {})})


def recorded(request: httpx.Request) -> httpx.Response:
    sent = json.loads(request.content)
    return httpx.Response(200, json={"status": "recorded", "message_id": sent["message_id"], "vote": sent["vote"]})


def test_the_webhook_is_next_to_the_chat_webhook(settings: Settings) -> None:
    assert feedback_webhook_url(settings) == FEEDBACK_URL


async def test_a_vote_is_relayed_with_the_conversation_and_the_gateway_token(gateway, n8n: respx.MockRouter) -> None:
    route = n8n.post(FEEDBACK_URL).mock(side_effect=recorded)
    response = await post(gateway, vote())
    assert response.status_code == 200
    assert await response.get_json() == {"status": "recorded", "message_id": ANSWER, "vote": "down"}
    sent = route.calls.last.request
    assert json.loads(sent.content) == {"conversation_id": f"web:{BROWSER}", "message_id": ANSWER, "vote": "down"}
    assert sent.headers["X-Remedios-Token"] == "n8n-token"
    changed = await post(gateway, vote(vote="up"))  # one vote per answer, changeable: n8n keeps the newest
    assert changed.status_code == 200 and json.loads(route.calls.last.request.content)["vote"] == "up"


@pytest.mark.parametrize("n8n_answer, status, code", [
    (httpx.Response(404, json={"status": "unknown_message"}), 404, "unknown_message"),
    (httpx.Response(400, json={"status": "invalid"}), 400, "invalid_request"),
    (httpx.Response(200, text="<html>not json</html>"), 503, "unavailable"),
    (httpx.Response(404, text="webhook not registered"), 503, "unavailable"),
    (httpx.Response(500, json={"message": "Error in workflow"}), 503, "unavailable"),
])
async def test_n8ns_verdict_comes_back_in_spanish(gateway, n8n: respx.MockRouter, n8n_answer, status, code) -> None:
    n8n.post(FEEDBACK_URL).mock(return_value=n8n_answer)
    response = await post(gateway, vote())
    assert response.status_code == status
    error = (await response.get_json())["error"]
    assert error["code"] == code and error["message"]


async def test_n8n_down_is_a_503(gateway, n8n: respx.MockRouter) -> None:
    n8n.post(FEEDBACK_URL).mock(side_effect=httpx.ConnectError("refused"))
    response = await post(gateway, vote())
    assert response.status_code == 503
    assert (await response.get_json())["error"]["message"].startswith("No se pudo guardar tu valoración")


@pytest.mark.parametrize("body", [
    b"", b"not json", b"[1, 2]", b"{\"conversation\": ",
    vote(vote="meh"), vote(vote=None), vote(vote=1), {"conversation": BROWSER, "message_id": ANSWER},
    vote(conversation="short"), vote(conversation="../../etc"), vote(conversation=None),
    vote(message_id=""), vote(message_id="reply:<script>"), vote(message_id="x" * 201), vote(message_id=7),
    json.dumps(vote(padding="x" * 2000)),
])
async def test_malformed_votes_are_refused_and_never_reach_n8n(gateway, n8n: respx.MockRouter, body) -> None:
    route = n8n.post(FEEDBACK_URL).mock(side_effect=recorded)
    response = await post(gateway, body)
    assert response.status_code == 400
    assert await response.get_json() == {"error": {"code": "invalid_request",
                                                   "message": "No se pudo leer la valoración."}}
    assert not route.called


async def test_a_form_post_is_refused(gateway, n8n: respx.MockRouter) -> None:
    route = n8n.post(FEEDBACK_URL).mock(side_effect=recorded)
    response = await gateway.client.post("/api/feedback", data=json.dumps(vote()),
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 400 and not route.called


async def test_another_sites_page_cannot_vote(gateway, n8n: respx.MockRouter) -> None:
    route = n8n.post(FEEDBACK_URL).mock(side_effect=recorded)
    response = await post(gateway, vote(), headers={"Origin": "https://evil.example", "Host": "chat.example"})
    assert response.status_code == 403 and not route.called
    same_site = await post(gateway, vote(), headers={"Origin": "https://chat.example", "Host": "chat.example"})
    assert same_site.status_code == 200


async def test_a_flood_of_votes_is_rate_limited(gateway, n8n: respx.MockRouter) -> None:
    route = n8n.post(FEEDBACK_URL).mock(side_effect=recorded)
    statuses = [(await post(gateway, vote())).status_code for _ in range(CONVERSATION_BURST + 3)]
    assert statuses[:CONVERSATION_BURST] == [200] * CONVERSATION_BURST
    assert set(statuses[CONVERSATION_BURST:]) == {429}
    refused = await post(gateway, vote())
    assert refused.headers["Retry-After"] == "5"
    assert (await refused.get_json())["error"]["code"] == "rate_limited"
    assert route.call_count == CONVERSATION_BURST
    other = await post(gateway, vote(conversation="conv-bbbbbbbb"))  # another conversation has its own budget
    assert other.status_code == 200
