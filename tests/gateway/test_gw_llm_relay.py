"""The model relay `POST /llm/v1/chat/completions` (gateway/llm_relay.py) against a real LLM server process on a
tiny generated model: signature checks, the streamed draft on the page, the whole completion for n8n, and a
clear error when the LLM server is down."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from gateway.app import create_app, runtime_of
from gateway.drafts import DraftBoard
from gateway.hub import LocalHub
from gateway.llm_relay import RelayError, parse_request
from gateway.settings import LlmRelaySettings
from gateway.model_line import ModelLine, queue_text
from gateway.settings import Settings
from gateway.signing import sign
from tests.gateway.helpers import HISTORY_URL, SECRET, Gateway, make_settings
from tests.support.tiny_gguf import make_tiny_gguf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "llm_server"))
from llm_server_process import ServerProcess, free_port, start_llm_server  # noqa: E402

RELAY = "/llm/v1/chat/completions"
CONVERSATION = "web:conv-aaaaaaaa"
BROWSER = "conv-aaaaaaaa"


@pytest.fixture(scope="module")
def llm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("relay-llm")
    server = start_llm_server(make_tiny_gguf(folder / "tiny.gguf"), folder / "llm.log",
                              {"LLM_MODEL_ID": "tiny", "LLM_API_KEY": "llm-key"}, timeout=120)
    yield server
    server.stop()


def request_body(text: str = "hola", *, max_tokens: int = 24, **context: Any) -> bytes:
    body: dict[str, Any] = {"model": "tiny", "messages": [{"role": "user", "content": text}],
                            "max_tokens": max_tokens, "temperature": 0}
    if context is not None:
        body["remedios"] = {"conversation_id": CONVERSATION, "in_reply_to": "msg-00000001", **context}
    return json.dumps(body).encode()


def signed(body: bytes, secret: str = SECRET) -> dict[str, str]:
    return {**sign(secret, body), "Content-Type": "application/json", "Authorization": "Bearer llm-key"}


async def relay_gateway(settings: Settings) -> AsyncIterator[Gateway]:
    """The gateway with n8n mocked (as in conftest.py) and the real LLM server on loopback."""
    with respx.mock(assert_all_called=False) as router:
        router.route(host="127.0.0.1").pass_through()
        router.get(HISTORY_URL).mock(
            return_value=httpx.Response(200, json={"conversation_id": CONVERSATION, "messages": []}))
        app = create_app(settings, transport=httpx.MockTransport(router.async_handler))
        async with app.test_app() as test_app:
            yield Gateway(app, test_app.test_client(), runtime_of(app))


@pytest.fixture
async def gateway(tmp_path: Path, llm: ServerProcess) -> AsyncIterator[Gateway]:
    settings = make_settings(tmp_path / "gw", llm_relay=LlmRelaySettings(url=llm.v1, draft_interval=0))
    async for gw in relay_gateway(settings):
        yield gw


async def test_bad_or_missing_signature_is_refused_and_nothing_reaches_the_model(gateway: Gateway) -> None:
    body = request_body()
    for headers in ({"Content-Type": "application/json"}, signed(body, "wrong-secret"),
                    {**signed(b"another body"), "Content-Type": "application/json"}):
        response = await gateway.client.post(RELAY, data=body, headers=headers)
        assert response.status_code == 401
        assert (await response.get_json())["error"]["type"] == "authentication_error"
    assert len(gateway.app.extensions["remedios.runtime"].hub._subscribers) == 0


async def test_streams_drafts_to_the_page_and_returns_the_whole_completion(gateway: Gateway) -> None:
    async with gateway.websocket(BROWSER) as ws:
        body = request_body(safety_message="Cierra la llave de paso general antes de tocar nada.",
                            article={"slug": "fuga-lavabo", "title": "Fuga en la llave del lavabo",
                                     "steps": ["Cerrar la llave de paso.", "Cambiar la montura."], "safety": None})
        response = await gateway.client.post(RELAY, data=body, headers=signed(body))
        assert response.status_code == 200, await response.get_data()
        completion = await response.get_json()
        content = completion["choices"][0]["message"]["content"]
        assert completion["object"] == "chat.completion" and content
        assert completion["usage"]["completion_tokens"] >= 1

        drafts = []
        while not drafts or drafts[-1]["text"] != content:
            event = json.loads(await asyncio.wait_for(ws.receive(), 5))
            assert event["type"] == "draft"
            drafts.append(event)
    # The safety message came first, before any of the model's text; then the text grew in order.
    assert drafts[0]["safety"].startswith("Cierra la llave") and drafts[0]["text"] == ""
    assert drafts[0]["article"]["steps"] == ["Cerrar la llave de paso.", "Cambiar la montura."]
    assert [d["seq"] for d in drafts] == sorted({d["seq"] for d in drafts})
    for before, after in zip(drafts, drafts[1:]):
        assert after["text"].startswith(before["text"])
    assert len(drafts) >= 3
    assert "remedios" not in completion


async def test_the_reply_ends_the_draft_and_a_reload_gets_it_only_until_then(gateway: Gateway) -> None:
    body = request_body()
    response = await gateway.client.post(RELAY, data=body, headers=signed(body))
    assert response.status_code == 200
    content = (await response.get_json())["choices"][0]["message"]["content"]
    async with gateway.websocket(BROWSER) as ws:  # a page that reconnects: history, then the draft so far
        await ws.send(json.dumps({"type": "history"}))
        assert json.loads(await asyncio.wait_for(ws.receive(), 5))["type"] == "history"
        draft = json.loads(await asyncio.wait_for(ws.receive(), 5))
        assert draft["type"] == "draft" and draft["text"] == content and draft["in_reply_to"] == "msg-00000001"

    reply = json.dumps({"type": "reply", "conversation_id": CONVERSATION, "message_id": "reply:1",
                        "in_reply_to": "msg-00000001", "text": "Respuesta final."}).encode()
    assert (await gateway.client.post("/callbacks/n8n", data=reply, headers=signed(reply))).status_code == 200
    async with gateway.websocket(BROWSER) as ws:
        await ws.send(json.dumps({"type": "history"}))
        assert json.loads(await asyncio.wait_for(ws.receive(), 5))["type"] == "history"
        await ws.send(json.dumps({"type": "ping"}))
        assert json.loads(await asyncio.wait_for(ws.receive(), 5))["type"] == "pong"  # no draft any more
    # A late model call for the same message (n8n gave up and apologised) cannot bring the draft back.
    response = await gateway.client.post(RELAY, data=body, headers=signed(body))
    assert response.status_code == 200
    async with gateway.websocket(BROWSER) as ws:
        await ws.send(json.dumps({"type": "history"}))
        assert json.loads(await asyncio.wait_for(ws.receive(), 5))["type"] == "history"
        await ws.send(json.dumps({"type": "ping"}))
        assert json.loads(await asyncio.wait_for(ws.receive(), 5))["type"] == "pong"


async def test_llm_server_down_gives_n8n_a_clear_error(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "gw", llm_relay=LlmRelaySettings(url=f"http://127.0.0.1:{free_port()}/v1"))
    async for gateway in relay_gateway(settings):
        body = request_body()
        response = await gateway.client.post(RELAY, data=body, headers=signed(body))
        assert response.status_code == 502
        error = (await response.get_json())["error"]
        assert error["code"] == "llm_unreachable" and "unreachable" in error["message"]


async def test_the_llm_servers_own_refusal_is_passed_on(gateway: Gateway) -> None:
    body = request_body()
    headers = {**signed(body), "Authorization": "Bearer wrong-key"}
    response = await gateway.client.post(RELAY, data=body, headers=headers)
    assert response.status_code == 401
    assert "LLM server answered 401" in (await response.get_json())["error"]["message"]


@pytest.mark.parametrize("context, code", [
    ({"conversation_id": ""}, "invalid_context"),
    ({"in_reply_to": 7}, "invalid_context"),
    ({"safety_message": ["x"]}, "invalid_context"),
])
def test_malformed_context_is_a_400(context: dict[str, Any], code: str) -> None:
    with pytest.raises(RelayError) as caught:
        parse_request(request_body(**context))
    assert caught.value.status == 400 and caught.value.code == code
    with pytest.raises(RelayError):
        parse_request(b"[1, 2]")
    _, context = parse_request(request_body(article={"slug": "NOT A SLUG", "title": "x", "steps": []}))
    assert context is not None and context.article is None, "an unusable card is dropped, the call goes on"
    payload, none = parse_request(json.dumps({"model": "m", "messages": []}).encode())
    assert none is None and payload == {"model": "m", "messages": []}


def test_place_in_line() -> None:
    line = ModelLine(slots=1)
    tickets = [line.join() for _ in range(4)]
    assert [line.ahead(t) for t in tickets] == [0, 1, 2, 3]
    line.started(tickets[0])
    line.leave(tickets[0])
    assert [line.ahead(t) for t in tickets[1:]] == [0, 1, 2]
    assert tickets[3].moved.is_set()
    two = ModelLine(slots=2)
    assert [two.ahead(two.join()) for _ in range(3)] == [0, 0, 1]
    assert queue_text(1) == "1 consulta por delante" and queue_text(2) == "2 consultas por delante"


async def test_drafts_expire_and_finished_ones_stay_gone() -> None:
    now = [0.0]
    board = DraftBoard(LocalHub(), ttl=10, clock=lambda: now[0])
    await board.update("web:a", "m1", text="uno")
    await board.update("web:a", "m2", text="dos")
    assert [e["text"] for e in board.snapshot("web:a")] == ["uno", "dos"]
    assert board.snapshot("web:a", [{"role": "assistant", "in_reply_to": "m1"}])[0]["text"] == "dos"
    board.finish("web:a", "m2")
    assert await board.update("web:a", "m2", text="tarde") is None
    now[0] = 11
    assert board.snapshot("web:a") == []


async def test_whatsapp_keeps_typing_and_hears_its_place_in_line(tmp_path: Path, llm: ServerProcess) -> None:
    """WhatsApp cannot stream: the typing indicator is refreshed while the model works, and a plumber with a
    question ahead of his gets one short notice with his place."""
    from tests.gateway.test_gw_whatsapp import MESSAGES_URL, GraphCalls, wa_settings

    graph = GraphCalls()
    settings = wa_settings(tmp_path / "gw", llm_relay=LlmRelaySettings(url=llm.v1, typing_refresh=0.05))
    with respx.mock(assert_all_called=False) as router:
        router.route(host="127.0.0.1").pass_through()
        router.post(MESSAGES_URL).mock(side_effect=graph.handler)
        app = create_app(settings, transport=httpx.MockTransport(router.async_handler))
        async with app.test_app() as test_app:
            client = test_app.test_client()

            async def ask(wamid: str) -> int:
                body = json.dumps({"model": "tiny", "max_tokens": 200, "temperature": 0,
                                   "messages": [{"role": "user", "content": "hola " * 300}],
                                   "remedios": {"conversation_id": "wa:34600000001", "in_reply_to": wamid}}).encode()
                return (await client.post(RELAY, data=body, headers=signed(body))).status_code

            first = asyncio.create_task(ask("wamid.FIRST"))
            await asyncio.sleep(0.05)
            assert await ask("wamid.SECOND") == 200
            assert await first == 200
            for _ in range(50):
                if graph.sent:
                    break
                await asyncio.sleep(0.1)
    reads = [b["message_id"] for b in graph.reads]
    assert reads.count("wamid.FIRST") >= 2, reads  # refreshed, not shown once
    assert "typing_indicator" in graph.reads[0]
    notices = [b["text"]["body"] for b in graph.sent]
    assert notices == ["Hay 1 consulta por delante. Te respondo en cuanto llegue tu turno."], notices


async def test_the_place_in_line_is_sent_once_per_message_also_when_it_is_asked_again(
        tmp_path: Path, llm: ServerProcess) -> None:
    """n8n's re-run of a forgotten message (an answer lost with n8n, or with a full or stopped database) asks the
    model again for the same message, after the first notice went out: the plumber does not get it twice (it
    did before: the notice was deduplicated only while its job was still queued)."""
    from tests.gateway.test_gw_whatsapp import MESSAGES_URL, GraphCalls, wa_settings

    graph = GraphCalls()
    settings = wa_settings(tmp_path / "gw", llm_relay=LlmRelaySettings(url=llm.v1, typing_refresh=0.05))
    with respx.mock(assert_all_called=False) as router:
        router.route(host="127.0.0.1").pass_through()
        router.post(MESSAGES_URL).mock(side_effect=graph.handler)
        app = create_app(settings, transport=httpx.MockTransport(router.async_handler))
        async with app.test_app() as test_app:
            client = test_app.test_client()

            async def ask(wamid: str) -> int:
                body = json.dumps({"model": "tiny", "max_tokens": 200, "temperature": 0,
                                   "messages": [{"role": "user", "content": "hola " * 300}],
                                   "remedios": {"conversation_id": "wa:34600000002", "in_reply_to": wamid}}).encode()
                return (await client.post(RELAY, data=body, headers=signed(body))).status_code

            async def behind_another(wamid: str) -> None:
                first = asyncio.create_task(ask(f"wamid.AHEAD{wamid}"))
                await asyncio.sleep(0.05)
                assert await ask(wamid) == 200
                assert await first == 200

            await behind_another("wamid.AGAIN")
            for _ in range(50):
                if graph.sent:
                    break
                await asyncio.sleep(0.1)
            assert len(graph.sent) == 1  # the first notice went out (its job is done)
            await behind_another("wamid.AGAIN")  # the same message run again, again with a question ahead
            await asyncio.sleep(1)
    notices = [b["text"]["body"] for b in graph.sent]
    assert notices == ["Hay 1 consulta por delante. Te respondo en cuanto llegue tu turno."], notices


async def test_an_upstream_that_does_not_stream_is_relayed_as_one_step(tmp_path: Path) -> None:
    from tests.support.llm_stub import LlmStub, text_reply

    stub = LlmStub().start()
    try:
        stub.script("marcador", text_reply("Cierre la llave de paso."))
        settings = make_settings(tmp_path / "gw", llm_relay=LlmRelaySettings(url=stub.base_url))
        async for gateway in relay_gateway(settings):
            async with gateway.websocket(BROWSER) as ws:
                body = request_body("pregunta marcador")
                response = await gateway.client.post(RELAY, data=body, headers=signed(body))
                assert response.status_code == 200
                assert (await response.get_json())["choices"][0]["message"]["content"] == "Cierre la llave de paso."
                draft = json.loads(await asyncio.wait_for(ws.receive(), 5))
                assert draft["type"] == "draft" and draft["text"] == "Cierre la llave de paso."
        [request] = stub.requests_with("marcador")
        assert "remedios" not in request and request["stream"] is True
    finally:
        stub.stop()


async def test_a_person_taking_over_ends_the_agents_drafts_until_the_hand_back() -> None:
    """Takeover while the model writes: n8n drops the agent's reply, so its draft must go too, and no new
    agent draft may start while the person owns the conversation (docs/contracts.md §10)."""
    from gateway.channels.base import Reply
    from gateway.drafts import DraftFinishingChannel

    class Sent:
        name, conversation_prefix = "web", "web"

        def __init__(self) -> None:
            self.replies: list[Reply] = []

        async def send_reply(self, reply: Reply) -> int:
            self.replies.append(reply)
            return 1

        async def send_typing(self, typing: Any) -> int:
            return 1

    board = DraftBoard(LocalHub())
    channel = DraftFinishingChannel(Sent(), board)
    await board.update("web:a", "m1", text="Cierra la llave")
    await board.update("web:b", "m9", text="otra conversación")

    def notice(message_id: str) -> Reply:
        return Reply("web:a", "web", message_id, "…", "2026-12-04T12:00:00.000Z")

    await channel.send_reply(notice("staff-join:k1"))
    assert board.snapshot("web:a") == [] and await board.update("web:a", "m1", text="tarde") is None
    assert await board.update("web:a", "m2", text="nuevo") is None  # no agent draft while a person owns it
    assert [e["text"] for e in board.snapshot("web:b")] == ["otra conversación"]
    await channel.send_reply(notice("staff-leave:k2"))
    assert (await board.update("web:a", "m3", text="vuelve el agente")) is not None
