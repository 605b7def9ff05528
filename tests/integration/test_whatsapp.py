"""WhatsApp end to end: a signed Meta webhook through the real gateway, n8n, Postgres and LLM server, with the
Graph API faked on loopback (tests/support/fake_graph.py, started by the `fake_graph` fixture before the
stack)."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import httpx
import pytest

from devstack.stack import Stack
from tests.integration.conftest import WA_APP_SECRET, WA_VERIFY_TOKEN, rows
from tests.support import wa_payloads as wa
from tests.support.fake_graph import FakeGraph

pytestmark = [pytest.mark.stack, pytest.mark.timeout(300)]


def new_phone() -> str:
    return "52155" + str(uuid.uuid4().int)[:8]


def post_webhook(stack: Stack, body: bytes, *, secret: str = WA_APP_SECRET) -> httpx.Response:
    return httpx.post(
        f"{stack.config.gateway_url}/webhooks/whatsapp",
        content=body,
        timeout=10,
        headers={"Content-Type": "application/json", "X-Hub-Signature-256": wa.signature(secret, body)},
    )


async def wait_until(check: Any, timeout: float = 120.0, every: float = 0.25) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s")
        await asyncio.sleep(every)


def test_verification_handshake(stack: Stack) -> None:
    url = f"{stack.config.gateway_url}/webhooks/whatsapp"
    ok = httpx.get(
        url, params={"hub.mode": "subscribe", "hub.verify_token": WA_VERIFY_TOKEN, "hub.challenge": "42"}
    )
    assert ok.status_code == 200 and ok.text == "42"
    assert (
        httpx.get(
            url, params={"hub.mode": "subscribe", "hub.verify_token": "no", "hub.challenge": "42"}
        ).status_code
        == 403
    )


async def test_text_message_is_answered_on_whatsapp_with_history_in_postgres(
    stack: Stack, fake_graph: FakeGraph
) -> None:
    phone = new_phone()
    wamid = f"wamid.E2E{uuid.uuid4().hex[:16]}"
    body = wa.messages_body(
        wa.text_message(wamid, "¿Cómo purgo un radiador que hace ruido?", phone=phone),
        contacts=[wa.contact(phone, "Pepe Tuberías")],
    )
    response = post_webhook(stack, body)
    assert response.status_code == 200 and response.json()["accepted"] == 1
    again = post_webhook(stack, body)  # Meta redelivers: same wamid
    assert again.status_code == 200 and again.json()["duplicates"] == 1

    sent = await wait_until(lambda: fake_graph.sent(phone), timeout=150)
    assert sent[0]["type"] == "text" and sent[0]["text"]["body"].strip()
    assert sent[0]["context"] == {"message_id": wamid}
    # an answer that cites an article is followed by the article's procedure (test_answer_shape.py)
    [(cites,)] = rows(stack, "SELECT metadata ? 'article' FROM messages WHERE in_reply_to = %s", wamid)
    sent = await wait_until(lambda: len(fake_graph.sent(phone)) == 1 + cites and fake_graph.sent(phone), 30)
    assert any(
        r["message_id"] == wamid and r.get("typing_indicator") == {"type": "text"} for r in fake_graph.reads()
    )

    conversation = f"wa:{phone}"
    history = rows(
        stack, "SELECT id, role, channel FROM messages WHERE conversation_id = %s ORDER BY seq", conversation
    )
    assert [(r[1], r[2]) for r in history] == [("user", "whatsapp"), ("assistant", "whatsapp")]
    assert history[0][0] == wamid
    assert rows(stack, "SELECT sender_name FROM conversations WHERE id = %s", conversation) == [
        ("Pepe Tuberías",)
    ]
    # the reply's Graph wamid is linked to the stored answer (status webhook, contract §4b)
    reply_id = history[1][0]
    linked = await wait_until(
        lambda: rows(
            stack,
            "SELECT external_id, delivery_status FROM messages WHERE id = %s AND external_id IS NOT NULL",
            reply_id,
        ),
        30,
    )
    assert linked[0][1] == "sent" and linked[0][0].startswith("wamid.FAKE")

    # Meta then reports delivered/read for that wamid; the gateway forwards it
    external = linked[0][0]
    post_webhook(
        stack,
        wa.statuses_body(
            wa.status(external, "delivered", phone=phone), wa.status(external, "read", phone=phone)
        ),
    )
    await wait_until(
        lambda: rows(stack, "SELECT 1 FROM messages WHERE id = %s AND delivery_status = 'read'", reply_id), 30
    )

    # a third delivery after all that is still recognised: one answer only
    assert post_webhook(stack, body).json()["duplicates"] == 1
    await asyncio.sleep(2)
    assert len(fake_graph.sent(phone)) == len(sent)
    assert rows(stack, "SELECT count(*) FROM messages WHERE conversation_id = %s", conversation) == [(2,)]


def test_forged_signature_is_401_and_stores_nothing(stack: Stack, fake_graph: FakeGraph) -> None:
    phone = new_phone()
    body = wa.messages_body(
        wa.text_message(f"wamid.FORGED{uuid.uuid4().hex[:12]}", "hola", phone=phone),
        contacts=[wa.contact(phone)],
    )
    assert post_webhook(stack, body, secret="not-the-app-secret").status_code == 401
    unsigned = httpx.post(
        f"{stack.config.gateway_url}/webhooks/whatsapp",
        content=body,
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    assert unsigned.status_code == 401
    time.sleep(1.5)
    assert rows(stack, "SELECT count(*) FROM conversations WHERE id = %s", f"wa:{phone}") == [(0,)]
    assert rows(stack, "SELECT count(*) FROM messages WHERE conversation_id = %s", f"wa:{phone}") == [(0,)]
    assert fake_graph.sent(phone) == [] and not any(
        r["message_id"].startswith("wamid.FORGED") for r in fake_graph.reads()
    )


async def test_image_gets_the_polite_reply_from_the_gateway_and_is_kept_unanswered(
        stack: Stack, fake_graph: FakeGraph) -> None:
    phone = new_phone()
    wamid = f"wamid.IMG{uuid.uuid4().hex[:12]}"
    body = wa.messages_body(wa.image_message(wamid, phone=phone), contacts=[wa.contact(phone)])
    assert post_webhook(stack, body).status_code == 200
    sent = await wait_until(lambda: fake_graph.sent(phone), timeout=30)
    assert sent[0]["text"]["body"].startswith("Por ahora solo entiendo mensajes de texto y notas de voz")
    # Every message is kept: the photo is in the history, described, with its media reference, unanswered.
    [(role, text, metadata)] = await wait_until(
        lambda: rows(stack, "SELECT role, text, metadata FROM messages WHERE id = %s", wamid), timeout=60)
    assert (role, text) == ("user", "[Imagen sin texto]")
    assert metadata["store_only"] is True and metadata["whatsapp"]["media"]["id"] == "2754859441498128"
    await asyncio.sleep(5)
    assert rows(stack, "SELECT count(*) FROM messages WHERE in_reply_to = %s", wamid) == [(0,)]
    assert len(fake_graph.sent(phone)) == 1, "only the gateway's notice, no answer from the agent"


@pytest.mark.timeout(600)
async def test_voice_note_is_downloaded_transcribed_stored_and_answered(
    stack: Stack, fake_graph: FakeGraph, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from tests.integration.test_voice_notes import _speech_ready, heard
    from tests.speech import audio_fixtures as af

    missing = af.missing_tools()
    if missing:
        pytest.skip(f"needs {', '.join(missing)} to make a voice note")
    d = tmp_path_factory.mktemp("wa-voice")
    ogg = af.convert(af.speak(af.SPANISH_TEXT, d / "es.wav", voice="es"), "ogg", d)  # as WhatsApp records it
    media_id = str(uuid.uuid4().int)[:16]
    fake_graph.media[media_id] = (ogg.read_bytes(), "audio/ogg; codecs=opus")
    await _speech_ready(stack)

    phone = new_phone()
    wamid = f"wamid.VOICE{uuid.uuid4().hex[:12]}"
    body = wa.messages_body(
        wa.voice_message(wamid, media_id, phone=phone), contacts=[wa.contact(phone, "Lola")]
    )
    assert post_webhook(stack, body).status_code == 200
    sent = await wait_until(lambda: fake_graph.sent(phone), timeout=300)
    assert sent[0]["text"]["body"].strip() and sent[0]["context"] == {"message_id": wamid}
    downloads = [r for r in fake_graph.snapshot() if r["kind"] == "download" and media_id in r["path"]]
    assert len(downloads) == 1

    [(text, metadata)] = rows(
        stack, "SELECT text, metadata FROM messages WHERE id = %s AND role = 'user'", wamid
    )
    assert heard(text) >= 3, text
    assert metadata["voice"]["engine"] == "whisper" and metadata["voice"]["duration_s"] > 1


async def test_corrupt_voice_note_gets_the_pipeline_message_on_whatsapp(
    stack: Stack, fake_graph: FakeGraph
) -> None:
    from tests.integration.test_voice_notes import _speech_ready

    await _speech_ready(stack)
    media_id = str(uuid.uuid4().int)[:16]
    fake_graph.media[media_id] = (b"OggS" + bytes(range(256)) * 8, "audio/ogg")
    phone = new_phone()
    wamid = f"wamid.BADVOICE{uuid.uuid4().hex[:12]}"
    assert (
        post_webhook(
            stack,
            wa.messages_body(wa.voice_message(wamid, media_id, phone=phone), contacts=[wa.contact(phone)]),
        ).status_code
        == 200
    )
    sent = await wait_until(lambda: fake_graph.sent(phone), timeout=120)
    assert sent[0]["text"]["body"].strip()
    assert rows(stack, "SELECT count(*) FROM messages WHERE id = %s", wamid) == [(0,)]


async def test_graph_outage_is_retried_and_the_reply_still_arrives(
    stack: Stack, fake_graph: FakeGraph
) -> None:
    phone = new_phone()
    wamid = f"wamid.RETRY{uuid.uuid4().hex[:12]}"
    fake_graph.fail_next.extend(
        [
            (503, {"error": {"message": "Service temporarily unavailable", "code": 131016}}),
            (429, {"error": {"message": "(#130429) Rate limit hit", "code": 130429}}),
        ]
    )
    body = wa.messages_body(
        wa.text_message(wamid, "¿Qué llave inglesa uso para una tuerca de 1/2?", phone=phone),
        contacts=[wa.contact(phone)],
    )
    assert post_webhook(stack, body).status_code == 200
    await wait_until(lambda: fake_graph.sent(phone), timeout=150)
    failed = [
        r
        for r in fake_graph.snapshot()
        if r["kind"] == "send" and r.get("failed") and r["json"]["to"] == phone
    ]
    assert len(failed) == 2 and len(fake_graph.sent(phone)) == 1  # 503, 429, then accepted: one reply
