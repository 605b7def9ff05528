"""WhatsApp channel: webhook verification and signature, parsing of Meta's payloads, durable dedupe, Graph
calls (respx), outbound splitting/retries, delivery statuses to n8n."""

from __future__ import annotations

import asyncio
import logging
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from gateway.app import create_app, runtime_of
from gateway.whatsapp.inbound import MEDIA_WITH_CAPTION_ES, NOT_SUPPORTED_ES
from gateway.settings import Settings
from tests.gateway.helpers import CHAT_URL, N8N, Gateway, HubListener, make_settings
from tests.support import wa_payloads as wa

GRAPH = "http://graph.test/v23.0"
STATUS_URL = f"{N8N}/webhook/remedios-status"
MESSAGES_URL = f"{GRAPH}/{wa.PHONE_NUMBER_ID}/messages"
APP_SECRET = "meta-app-secret"
VERIFY = "verify-me"
TOKEN = "EAAG-test-token"
CONV = f"wa:{wa.PLUMBER}"


def wa_settings(data_dir: Path, **overrides: Any) -> Settings:
    return make_settings(
        data_dir,
        whatsapp_verify_token=VERIFY,
        whatsapp_app_secret=APP_SECRET,
        whatsapp_access_token=TOKEN,
        whatsapp_phone_number_id=wa.PHONE_NUMBER_ID,
        whatsapp_graph_url=GRAPH,
        n8n_status_webhook_url=STATUS_URL,
        **overrides,
    )


class GraphCalls:
    """Records what the gateway sent to Graph's /messages and answers with fresh wamids."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.answers: list[httpx.Response] = []  # queued special answers, consumed first

    def handler(self, request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"
        body = json.loads(request.content)
        self.bodies.append(body)
        if self.answers:
            return self.answers.pop(0)
        if body.get("status") == "read":
            return httpx.Response(200, json={"success": True})
        n = len(self.sent) - 1
        return httpx.Response(
            200,
            json={
                "messaging_product": "whatsapp",
                "contacts": [{"input": body["to"], "wa_id": body["to"]}],
                "messages": [{"id": f"wamid.OUT{n}"}],
            },
        )

    @property
    def sent(self) -> list[dict[str, Any]]:
        return [b for b in self.bodies if b.get("type") in ("text", "template")]

    @property
    def reads(self) -> list[dict[str, Any]]:
        return [b for b in self.bodies if b.get("status") == "read"]


@pytest.fixture
def graph() -> GraphCalls:
    return GraphCalls()


@pytest.fixture
def router(graph: GraphCalls) -> respx.MockRouter:
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as r:
        r.post(CHAT_URL, name="chat").mock(return_value=httpx.Response(200, json={"status": "stored"}))
        r.post(STATUS_URL, name="status").mock(return_value=httpx.Response(200, json={"status": "stored"}))
        r.post(MESSAGES_URL, name="messages").mock(side_effect=graph.handler)
        yield r


@pytest.fixture
def wa_gateway_factory(tmp_path: Path, router: respx.MockRouter) -> Callable[..., Any]:
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def _make(**overrides: Any) -> AsyncIterator[Gateway]:
        app = create_app(
            wa_settings(tmp_path / "gw", **overrides), transport=httpx.MockTransport(router.async_handler)
        )
        async with app.test_app() as test_app:
            yield Gateway(app, test_app.test_client(), runtime_of(app))

    return _make


@pytest.fixture
async def gw(wa_gateway_factory: Callable[..., Any]) -> AsyncIterator[Gateway]:
    async with wa_gateway_factory() as g:
        yield g


async def post_webhook(gw: Gateway, body: bytes, *, secret: str = APP_SECRET, signed: bool = True) -> Any:
    headers = {"Content-Type": "application/json"}
    if signed:
        headers["X-Hub-Signature-256"] = wa.signature(secret, body)
    return await gw.client.post("/webhooks/whatsapp", data=body, headers=headers)


async def eventually(check: Callable[[], bool], timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.01)


def chat_payloads(router: respx.MockRouter) -> list[dict[str, Any]]:
    return [json.loads(c.request.content) for c in router.routes["chat"].calls]


def status_events(router: respx.MockRouter) -> list[dict[str, Any]]:
    return [e for c in router.routes["status"].calls for e in json.loads(c.request.content)["events"]]


# ----- verification handshake --------------------------------------------------------------------------
async def test_verification_handshake_echoes_the_challenge(gw: Gateway) -> None:
    response = await gw.client.get(
        "/webhooks/whatsapp",
        query_string={"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "1158201444"},
    )
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert await response.get_data(as_text=True) == "1158201444"


@pytest.mark.parametrize(
    "args",
    [
        {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
        {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY, "hub.challenge": "1"},
        {"hub.challenge": "1"},
    ],
)
async def test_verification_with_a_wrong_token_is_403(gw: Gateway, args: dict[str, str]) -> None:
    response = await gw.client.get("/webhooks/whatsapp", query_string=args)
    assert response.status_code == 403


# ----- signature -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("how", ["unsigned", "forged", "tampered"])
async def test_unsigned_or_forged_posts_are_401_and_store_nothing(
    gw: Gateway, router: respx.MockRouter, how: str
) -> None:
    body = wa.messages_body(wa.text_message("wamid.FORGED1", "hola"))
    if how == "unsigned":
        response = await post_webhook(gw, body, signed=False)
    elif how == "forged":
        response = await post_webhook(gw, body, secret="not-the-secret")
    else:
        headers = {"X-Hub-Signature-256": wa.signature(APP_SECRET, body), "Content-Type": "application/json"}
        response = await gw.client.post(
            "/webhooks/whatsapp", data=body.replace(b"hola", b"HOLA"), headers=headers
        )
    assert response.status_code == 401
    await asyncio.sleep(0.05)
    assert gw.runtime.outbox.get("wamid.FORGED1") is None
    assert gw.runtime.whatsapp is not None and not gw.runtime.whatsapp.store.is_seen("wamid.FORGED1")
    assert not router.routes["chat"].called and not router.routes["messages"].called


# ----- inbound messages ----------------------------------------------------------------------------------
async def test_text_message_goes_to_n8n_and_is_marked_read_with_typing(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls
) -> None:
    response = await post_webhook(
        gw, wa.messages_body(wa.text_message("wamid.TEXT1", "  Gotea la llave del lavabo  "))
    )
    assert response.status_code == 200
    await eventually(lambda: router.routes["chat"].called and graph.reads)
    payload = chat_payloads(router)[0]
    assert payload["conversation_id"] == CONV and payload["message_id"] == "wamid.TEXT1"
    assert payload["channel"] == "whatsapp"
    assert payload["sender"] == {"id": wa.PLUMBER, "name": wa.PLUMBER_NAME}
    assert payload["text"] == "Gotea la llave del lavabo"
    assert payload["metadata"] == {"whatsapp": {"type": "text"}}
    assert graph.reads == [
        {
            "messaging_product": "whatsapp",
            "status": "read",
            "message_id": "wamid.TEXT1",
            "typing_indicator": {"type": "text"},
        }
    ]


async def test_several_messages_and_entries_in_one_delivery(gw: Gateway, router: respx.MockRouter) -> None:
    data = wa.envelope(
        {
            "contacts": [wa.contact(), wa.contact("34600111222", "Ana")],
            "messages": [
                wa.text_message("wamid.M1", "uno"),
                wa.text_message("wamid.M2", "dos", phone="34600111222"),
            ],
        }
    )
    data["entry"].append(
        wa.envelope({"contacts": [wa.contact()], "messages": [wa.text_message("wamid.M3", "tres")]})["entry"][
            0
        ]
    )
    response = await post_webhook(gw, wa.dumps(data))
    assert (await response.get_json())["accepted"] == 3
    await eventually(lambda: len(router.routes["chat"].calls) == 3)
    by_id = {p["message_id"]: p for p in chat_payloads(router)}
    assert by_id["wamid.M2"]["conversation_id"] == "wa:34600111222"
    assert by_id["wamid.M2"]["sender"]["name"] == "Ana"
    assert [by_id[i]["text"] for i in ("wamid.M1", "wamid.M3")] == ["uno", "tres"]


@pytest.mark.parametrize(
    "make, text, reply_id",
    [
        (wa.button_reply, "Sí, hay fuga", "fuga-si"),
        (wa.list_reply, "Calentador", "calentador"),
        (wa.template_button, "Seguir con la consulta", "SEGUIR"),
    ],
)
async def test_interactive_replies_become_the_chosen_title(
    gw: Gateway, router: respx.MockRouter, make: Callable[[str], dict], text: str, reply_id: str
) -> None:
    await post_webhook(gw, wa.messages_body(make("wamid.INT1")))
    await eventually(lambda: router.routes["chat"].called)
    payload = chat_payloads(router)[0]
    assert payload["text"] == text
    assert payload["metadata"]["whatsapp"]["reply_id"] == reply_id


async def test_redelivery_is_ignored_even_after_the_outbox_forgot_and_a_restart(
    wa_gateway_factory: Callable[..., Any], router: respx.MockRouter
) -> None:
    body = wa.messages_body(wa.text_message("wamid.ONCE", "¿Qué teflón uso?"))
    async with wa_gateway_factory(outbox_retention=0) as gw:
        await post_webhook(gw, body)
        await eventually(lambda: router.routes["chat"].called)
        await eventually(lambda: gw.runtime.outbox.stats(now=0).depth == 0)
        gw.runtime.outbox.prune(delivered_before=1e12)
        assert gw.runtime.outbox.get("wamid.ONCE") is None
        second = await post_webhook(gw, body)
        assert (await second.get_json())["duplicates"] == 1
    async with wa_gateway_factory() as gw:  # restart: same data dir
        third = await post_webhook(gw, body)
        assert (await third.get_json())["duplicates"] == 1
        await asyncio.sleep(0.1)
    assert len(router.routes["chat"].calls) == 1


async def test_image_without_caption_gets_a_polite_reply_and_is_kept_without_an_answer(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls
) -> None:
    await post_webhook(gw, wa.messages_body(wa.image_message("wamid.IMG1")))
    await eventually(lambda: graph.sent and router.routes["chat"].called)
    assert graph.sent[0]["to"] == wa.PLUMBER
    assert graph.sent[0]["text"]["body"] == NOT_SUPPORTED_ES
    assert graph.sent[0]["context"] == {"message_id": "wamid.IMG1"}
    [payload] = chat_payloads(router)
    assert payload["message_id"] == "wamid.IMG1" and payload["text"] == "[Imagen sin texto]"
    assert payload["metadata"] == {
        "whatsapp": {"type": "image", "media": {"id": "2754859441498128", "mime_type": "image/jpeg",
                                                 "sha256": "Kp5fX8Q6Yd3G0Qm0yYbq7Bf3k1j2gk5Yb0pX9aM3vXw="}},
        "store_only": True,
    }
    await asyncio.sleep(0.05)
    assert not router.routes["status"].called  # a gateway notice is not a history message


async def test_image_with_caption_forwards_the_caption_with_the_media_reference(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls
) -> None:
    await post_webhook(
        gw, wa.messages_body(wa.image_message("wamid.IMG2", "¿Esta tubería está bien soldada?"))
    )
    await eventually(lambda: graph.sent and router.routes["chat"].called)
    payload = chat_payloads(router)[0]
    assert payload["text"] == "¿Esta tubería está bien soldada?"
    assert payload["metadata"]["whatsapp"] == {
        "type": "image",
        "media": {
            "id": "2754859441498128",
            "mime_type": "image/jpeg",
            "sha256": "Kp5fX8Q6Yd3G0Qm0yYbq7Bf3k1j2gk5Yb0pX9aM3vXw=",
            "caption": "¿Esta tubería está bien soldada?",
        },
    }
    assert graph.sent[0]["text"]["body"] == MEDIA_WITH_CAPTION_ES


@pytest.mark.parametrize("make, text", [
    (wa.document_message, "[Documento: presupuesto.pdf]"),
    (wa.location_message, "[Ubicación]"),
    (wa.unknown_message, None),
], ids=["document", "location", "unknown"])
async def test_other_types_get_the_polite_reply_never_a_crash_and_are_kept(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls, make: Callable[[str], dict], text: str | None
) -> None:
    response = await post_webhook(gw, wa.messages_body(make("wamid.OTHER")))
    assert response.status_code == 200
    await eventually(lambda: graph.sent and router.routes["chat"].called)
    assert graph.sent[0]["text"]["body"] == NOT_SUPPORTED_ES
    [payload] = chat_payloads(router)
    assert payload["metadata"]["store_only"] is True
    assert payload["text"] == text if text else payload["text"].startswith("[Mensaje de WhatsApp de tipo ")


async def test_reactions_get_no_answer(gw: Gateway, router: respx.MockRouter, graph: GraphCalls) -> None:
    response = await post_webhook(gw, wa.messages_body(wa.reaction_message("wamid.R1")))
    assert response.status_code == 200
    await asyncio.sleep(0.2)
    assert graph.sent == [] and not router.routes["chat"].called
    assert gw.runtime.whatsapp.store.is_seen("wamid.R1")


async def test_readyz_reports_the_channel(gw: Gateway, router: respx.MockRouter) -> None:
    router.get(f"{N8N}/healthz/readiness").mock(return_value=httpx.Response(200, json={"status": "ok"}))
    body = await (await gw.client.get("/readyz")).get_json()
    assert body["whatsapp"] == {
        "enabled": True,
        "pending_sends": 0,
        "pending_statuses": 0,
        "pending_inbound": 0,
    }


async def test_statuses_are_forwarded_to_the_status_webhook(gw: Gateway, router: respx.MockRouter) -> None:
    body = wa.statuses_body(
        wa.status("wamid.OUT0", "delivered"),
        wa.status("wamid.OUT0", "read"),
        wa.status(
            "wamid.OUT9",
            "failed",
            error={
                "code": 131047,
                "title": "Re-engagement message",
                "error_data": {"details": "More than 24 hours have passed"},
            },
        ),
    )
    response = await post_webhook(gw, body)
    assert (await response.get_json())["statuses"] == 3
    await eventually(lambda: router.routes["status"].called)
    call = router.routes["status"].calls[0].request
    assert call.headers["X-Remedios-Token"] == "n8n-token"
    assert status_events(router) == [
        {"external_id": "wamid.OUT0", "status": "delivered", "timestamp": "2025-11-23T10:00:10.000Z"},
        {"external_id": "wamid.OUT0", "status": "read", "timestamp": "2025-11-23T10:00:10.000Z"},
        {
            "external_id": "wamid.OUT9",
            "status": "failed",
            "timestamp": "2025-11-23T10:00:10.000Z",
            "error": "131047: Re-engagement message (More than 24 hours have passed)",
        },
    ]


async def test_statuses_wait_for_a_dead_n8n(gw: Gateway, router: respx.MockRouter) -> None:
    router.routes["status"].side_effect = [
        httpx.ConnectError("refused"),
        httpx.Response(503),
        httpx.Response(200, json={"status": "stored"}),
    ]
    await post_webhook(gw, wa.statuses_body(wa.status("wamid.OUT0", "delivered")))
    await eventually(lambda: len(router.routes["status"].calls) == 3)
    await eventually(lambda: gw.runtime.whatsapp.store.pending("status") == 0)


async def test_a_status_n8n_did_not_store_is_sent_again(gw: Gateway, router: respx.MockRouter) -> None:
    """Only `200 {"status": "stored"}` settles a status job (contract §4b): a 200 from something that is not the
    workflow (a proxy page, "Workflow was started") is not a store."""
    router.routes["status"].side_effect = [
        httpx.Response(200, text="<html>proxy</html>"),
        httpx.Response(200, json={"message": "Workflow was started"}),
        httpx.Response(200, json={"status": "stored", "received": 1, "updated": 1}),
    ]
    await post_webhook(gw, wa.statuses_body(wa.status("wamid.OUT0", "read")))
    await eventually(lambda: gw.runtime.whatsapp.store.pending("status") == 0)
    assert len(router.routes["status"].calls) == 3
    assert all(json.loads(c.request.content) == json.loads(router.routes["status"].calls[0].request.content)
               for c in router.routes["status"].calls)  # the same events each time


# ----- outbound --------------------------------------------------------------------------------------------
def wa_reply(text: str, message_id: str = "reply-wa-1") -> dict[str, Any]:
    return {
        "type": "reply",
        "conversation_id": CONV,
        "channel": "whatsapp",
        "message_id": message_id,
        "in_reply_to": "wamid.TEXT1",
        "text": text,
        "timestamp": "2026-11-23T10:00:03.000Z",
    }


async def test_reply_is_sent_through_graph_and_reported_as_sent(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls
) -> None:
    response = await gw.callback(wa_reply("Cierre la llave de paso."))
    assert response.status_code == 200 and (await response.get_json()) == {"delivered": 1}
    await eventually(lambda: graph.sent and router.routes["status"].called)
    assert graph.sent == [
        {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": wa.PLUMBER,
            "type": "text",
            "text": {"preview_url": False, "body": "Cierre la llave de paso."},
            "context": {"message_id": "wamid.TEXT1"},
        }
    ]
    [event] = status_events(router)
    assert (
        event["message_id"] == "reply-wa-1"
        and event["external_id"] == "wamid.OUT0"
        and event["status"] == "sent"
    )


async def test_a_template_reply_is_sent_as_that_template_once(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls
) -> None:
    """Outside the 24-hour window staff send a pre-approved template: one Graph `template` message, never the
    text (a free-text send there fails with 131047), reported like any reply, and never twice."""
    body = wa_reply("Hola, le escribimos de la empresa para retomar su consulta.", "staff-template:k1") | {
        "template": {"name": "retomar_conversacion", "language": "es_MX"}}
    assert (await gw.callback(body)).status_code == 200
    await gw.callback(body)  # n8n retries
    await eventually(lambda: graph.sent and router.routes["status"].called)
    await asyncio.sleep(0.1)
    assert graph.sent == [{
        "messaging_product": "whatsapp", "recipient_type": "individual", "to": wa.PLUMBER, "type": "template",
        "template": {"name": "retomar_conversacion", "language": {"code": "es_MX"}},
    }]
    [event] = status_events(router)
    assert event["message_id"] == "staff-template:k1" and event["status"] == "sent"


@pytest.mark.parametrize("template", [
    "retomar", {"name": "Retomar Conversación", "language": "es"}, {"name": "ok", "language": "español"},
    {"name": "ok"}, {"name": "ok", "language": "es", "params": []},
])
async def test_a_malformed_template_is_refused_and_nothing_is_sent(gw: Gateway, graph: GraphCalls,
                                                                    template: Any) -> None:
    response = await gw.callback(wa_reply("Hola.", "staff-template:bad") | {"template": template})
    assert response.status_code == 400 and "template" in (await response.get_data(as_text=True))
    await asyncio.sleep(0.1)
    assert graph.sent == []


async def test_long_reply_is_split_on_sentences_in_order(gw: Gateway, graph: GraphCalls) -> None:
    sentence = "Revise la junta del sifón y apriete la tuerca con cuidado. "
    text = sentence * 150  # about 9,000 characters
    await gw.callback(wa_reply(text.strip()))
    await eventually(lambda: len(graph.sent) == 3)
    bodies = [b["text"]["body"] for b in graph.sent]
    assert all(len(b) <= 4096 for b in bodies)
    assert all(b.endswith("cuidado.") for b in bodies)
    assert " ".join(bodies) == text.strip()


async def test_retried_callback_sends_once(gw: Gateway, graph: GraphCalls) -> None:
    await gw.callback(wa_reply("Una vez."))
    await gw.callback(wa_reply("Una vez."))
    await eventually(lambda: graph.sent)
    await asyncio.sleep(0.1)
    assert len(graph.sent) == 1


async def test_reply_retried_by_n8n_after_a_restart_is_not_sent_again(
    wa_gateway_factory: Callable[..., Any], graph: GraphCalls
) -> None:
    async with wa_gateway_factory() as gw:
        await gw.callback(wa_reply("Solo una vez."))
        await eventually(lambda: graph.sent and gw.runtime.whatsapp.store.pending("send") == 0)
    async with wa_gateway_factory() as gw:  # new process: the callback LRU is empty
        response = await gw.callback(wa_reply("Solo una vez."))
        assert response.status_code == 200
        await asyncio.sleep(0.1)
    assert len(graph.sent) == 1


async def test_rate_limit_and_5xx_are_retried_respecting_retry_after(gw: Gateway, graph: GraphCalls) -> None:
    graph.answers = [
        httpx.Response(
            429,
            headers={"Retry-After": "0.2"},
            json={"error": {"message": "(#130429) Rate limit hit", "code": 130429}},
        ),
        httpx.Response(503, json={"error": {"message": "Service temporarily unavailable", "code": 131016}}),
    ]
    await gw.callback(wa_reply("Tras reintentos."))
    await eventually(lambda: len(graph.bodies) == 3)
    assert graph.sent[-1]["text"]["body"] == "Tras reintentos."
    await eventually(lambda: gw.runtime.whatsapp.store.pending("send") == 0)


async def test_outside_the_24h_window_is_not_retried_and_reported_failed(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls
) -> None:
    graph.answers = [
        httpx.Response(
            400,
            json={
                "error": {
                    "message": "(#131047) Re-engagement message",
                    "type": "OAuthException",
                    "code": 131047,
                    "error_data": {
                        "messaging_product": "whatsapp",
                        "details": "Message failed to send because more than 24 hours have passed since "
                        "the customer last replied to this number.",
                    },
                    "fbtrace_id": "AZ1",
                }
            },
        )
    ]
    await gw.callback(wa_reply("Demasiado tarde."))
    await eventually(lambda: router.routes["status"].called)
    [event] = status_events(router)
    assert event["message_id"] == "reply-wa-1" and event["status"] == "failed"
    assert event["error"].startswith("131047: (#131047) Re-engagement message")
    await asyncio.sleep(0.1)
    assert len(graph.bodies) == 1
    assert gw.runtime.whatsapp.store.pending("send") == 0


async def test_expired_token_is_recorded_not_retried(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls
) -> None:
    graph.answers = [
        httpx.Response(
            401,
            json={
                "error": {
                    "message": "Error validating access token: Session has expired",
                    "type": "OAuthException",
                    "code": 190,
                    "error_subcode": 463,
                }
            },
        )
    ]
    await gw.callback(wa_reply("Hola."))
    await eventually(lambda: router.routes["status"].called)
    assert status_events(router)[0]["error"].startswith("190: Error validating access token")


async def test_part_already_sent_is_not_sent_again_after_a_failure(gw: Gateway, graph: GraphCalls) -> None:
    first = "Primera frase. " * 200
    second = "Segunda frase. " * 200
    graph.answers = [
        httpx.Response(200, json={"messages": [{"id": "wamid.P1"}]}),
        httpx.Response(500, json={"error": {"message": "Internal", "code": 1}}),
    ]
    await gw.callback(wa_reply((first + second).strip()))
    await eventually(lambda: len(graph.bodies) >= 3 and gw.runtime.whatsapp.store.pending("send") == 0)
    bodies = [b["text"]["body"] for b in graph.sent]
    assert bodies[1] == bodies[2]  # the failed part was retried; the first part went once
    assert bodies.count(bodies[0]) == 1


async def test_a_message_n8n_refuses_for_good_is_answered_on_whatsapp_not_on_the_web_hub(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls
) -> None:
    from gateway.delivery import MESSAGE_REJECTED_ES

    router.routes["chat"].mock(return_value=httpx.Response(422, json={"error": "invalid message"}))
    listener = HubListener()
    gw.runtime.hub.subscribe(CONV, listener)
    await post_webhook(gw, wa.messages_body(wa.text_message("wamid.REFUSED1", "Gotea el sifón")))
    await eventually(lambda: graph.sent, timeout=10)
    assert router.routes["chat"].call_count == gw.runtime.settings.outbox_max_rejections
    [notice] = graph.sent
    assert notice["to"] == wa.PLUMBER and notice["text"]["body"] == MESSAGE_REJECTED_ES
    assert notice["context"] == {"message_id": "wamid.REFUSED1"}  # quotes the message it is about
    await eventually(lambda: gw.runtime.whatsapp.store.pending("send") == 0)
    assert listener.events == []  # nothing for a web conversation nobody listens to
    assert gw.runtime.outbox.get("wamid.REFUSED1").rejected_at is not None


# ----- media (voice notes) --------------------------------------------------------------------------------
class FakeVoice:
    def __init__(self, error: Exception | None = None) -> None:
        self.calls: list[dict[str, Any]] = []
        self.error = error

    async def __call__(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)
        if self.error is not None:
            raise self.error


def media_routes(
    router: respx.MockRouter,
    *,
    audio: bytes = b"OggS" + b"\0" * 100,
    size: int | None = None,
    lookup: httpx.Response | None = None,
    download: httpx.Response | None = None,
) -> None:
    router.get(f"{GRAPH}/1037543291543636", name="media").mock(
        return_value=lookup
        or httpx.Response(
            200,
            json={
                "messaging_product": "whatsapp",
                "url": "http://lookaside.test/whatsapp_business/attachments/?mid=1037543291543636&ext=1763892001&hash=ATu",
                "mime_type": "audio/ogg",
                "sha256": "abc",
                "file_size": size if size is not None else len(audio),
                "id": "1037543291543636",
            },
        )
    )
    router.get(url__startswith="http://lookaside.test/", name="download").mock(
        return_value=download or httpx.Response(200, content=audio, headers={"Content-Type": "audio/ogg"})
    )


async def test_voice_note_is_downloaded_with_the_token_and_handed_to_the_voice_pipeline(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls
) -> None:
    media_routes(router)
    voice = FakeVoice()
    gw.runtime.voice.accept = voice  # the channel's voice pipeline, replaced: no speech model in unit tests
    await post_webhook(gw, wa.messages_body(wa.voice_message("wamid.VOICE1")))
    await eventually(lambda: voice.calls)
    assert router.routes["media"].calls[0].request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert router.routes["download"].calls[0].request.headers["Authorization"] == f"Bearer {TOKEN}"
    call = voice.calls[0]
    assert (
        call["conversation_id"] == CONV
        and call["message_id"] == "wamid.VOICE1"
        and call["channel"] == "whatsapp"
    )
    assert call["sender"] == wa.PLUMBER and call["sender_name"] == wa.PLUMBER_NAME
    assert call["audio"].startswith(b"OggS") and call["content_type"] == "audio/ogg"
    assert graph.reads and graph.reads[0]["message_id"] == "wamid.VOICE1"


async def test_voice_note_error_message_goes_to_the_plumber(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls
) -> None:
    from gateway.speech.audio import AudioError

    media_routes(router)
    gw.runtime.voice.accept = FakeVoice(AudioError("too_long", "La nota es demasiado larga."))
    await post_webhook(gw, wa.messages_body(wa.voice_message("wamid.VOICE2")))
    await eventually(lambda: graph.sent)
    assert graph.sent[0]["text"]["body"] == "La nota es demasiado larga."


async def test_media_over_the_size_limit_is_refused_visibly(
    wa_gateway_factory: Callable[..., Any], router: respx.MockRouter, graph: GraphCalls
) -> None:
    media_routes(router, audio=b"x" * 5000, size=5000)
    async with wa_gateway_factory(whatsapp_media_max_bytes=1024) as gw:
        voice = FakeVoice()
        gw.runtime.voice.accept = voice
        await post_webhook(gw, wa.messages_body(wa.voice_message("wamid.BIG")))
        await eventually(lambda: graph.sent)
        assert "demasiado larga" in graph.sent[0]["text"]["body"]
        assert not voice.calls and not router.routes["download"].called


async def test_expired_media_url_is_a_visible_error(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls, caplog: pytest.LogCaptureFixture
) -> None:
    media_routes(router, download=httpx.Response(404, text="URL signature expired"))
    voice = FakeVoice()
    gw.runtime.voice.accept = voice
    await post_webhook(gw, wa.messages_body(wa.voice_message("wamid.EXPIRED")))
    await eventually(lambda: graph.sent)
    assert "No he podido descargar tu nota de voz" in graph.sent[0]["text"]["body"]
    assert any(r.getMessage() == "whatsapp_media_failed" for r in caplog.records)
    assert not voice.calls


# ----- configuration -------------------------------------------------------------------------------------
async def test_channel_is_disabled_without_configuration(gateway: Gateway) -> None:
    response = await gateway.client.get("/webhooks/whatsapp", query_string={"hub.mode": "subscribe"})
    assert response.status_code == 503
    body = await response.get_json()
    assert body["error"] == "whatsapp_disabled" and "WHATSAPP_APP_SECRET" in body["message"]
    response = await gateway.client.post("/webhooks/whatsapp", data=b"{}")
    assert response.status_code == 503


def test_half_configuration_refuses_to_start() -> None:
    from gateway.settings import SettingsError

    env = {"REMEDIOS_CALLBACK_SECRET": "s", "WHATSAPP_APP_SECRET": "x", "WHATSAPP_ACCESS_TOKEN": "t"}
    with pytest.raises(SettingsError, match="WHATSAPP_VERIFY_TOKEN, WHATSAPP_PHONE_NUMBER_ID"):
        Settings.from_env(env).require_serving()
    full = {**env, "WHATSAPP_VERIFY_TOKEN": "v", "WHATSAPP_PHONE_NUMBER_ID": "1"}
    settings = Settings.from_env(full)
    settings.require_serving()
    assert settings.whatsapp_enabled and settings.whatsapp_graph_url == "https://graph.facebook.com/v23.0"


async def test_logs_name_the_conversation_by_its_ref_never_the_phone_number(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls, caplog: pytest.LogCaptureFixture
) -> None:
    """The conversation id of a WhatsApp chat is `wa:<phone>`: the logs carry its conversation_ref only."""
    from gateway.logs import JsonFormatter, conversation_ref

    caplog.set_level(logging.DEBUG)
    await post_webhook(gw, wa.messages_body(wa.text_message("wamid.LOG1", "Gotea la llave")))
    await post_webhook(gw, wa.messages_body(wa.text_message("wamid.LOG1", "Gotea la llave")))  # redelivery
    await eventually(lambda: router.routes["chat"].called and graph.reads)
    await gw.callback(wa_reply("Cierre la llave de paso."))
    await gw.callback(wa_reply("Cierre la llave de paso."))  # n8n retried
    await eventually(lambda: graph.sent and router.routes["status"].called)
    lines = [JsonFormatter().format(r) for r in caplog.records]
    assert any(conversation_ref(CONV) in line for line in lines)
    leaking = [line for line in lines if wa.PLUMBER in line]
    assert not leaking, leaking


@pytest.mark.parametrize("message_id", ["estimate-decision:P-2026-0042", "reply:1234", "3f1c2b7a-plain-browser-id"])
async def test_a_webhook_message_whose_id_is_not_a_wamid_is_skipped(
    gw: Gateway, router: respx.MockRouter, graph: GraphCalls, message_id: str
) -> None:
    """Only `wamid.…` ids are WhatsApp's: anything else (a system id with a colon, a browser id) is not stored."""
    response = await post_webhook(gw, wa.messages_body(wa.text_message(message_id, "El cliente ha aceptado")))
    assert response.status_code == 200  # acknowledged (Meta would retry otherwise), but nothing is taken
    await post_webhook(gw, wa.messages_body(wa.text_message("wamid.AFTER1", "Gotea la llave")))
    await eventually(lambda: router.routes["chat"].called)
    await asyncio.sleep(0.1)
    assert [p["message_id"] for p in chat_payloads(router)] == ["wamid.AFTER1"]
    assert gw.runtime.outbox.get(message_id) is None
