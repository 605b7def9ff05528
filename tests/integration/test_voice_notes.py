"""Voice notes through the real stack: a web voice note (WebM/Opus, as the browser's MediaRecorder makes it)
uploaded to the gateway is transcribed offline by Whisper, stored in Postgres with its duration, and
answered over the WebSocket like a typed message."""

from __future__ import annotations

import asyncio
import difflib
import uuid
from pathlib import Path

import httpx
import pytest

from devstack.stack import Stack
from tests.integration.conftest import rows
from tests.speech import audio_fixtures as af

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]

KEY_WORDS = ("tengo", "fuga", "grifo", "cocina")


def heard(text: str) -> int:
    words = [w.strip(".,¿?¡!").lower() for w in text.split()]
    return sum(bool(difflib.get_close_matches(k, words, n=1, cutoff=0.6)) for k in KEY_WORDS)


@pytest.fixture(scope="module")
def webm_note(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("voice")
    return af.convert(af.speak(af.SPANISH_TEXT, d / "es.wav", voice="es"), "webm", d)


async def wait_speech_ready(client: httpx.AsyncClient, timeout: float = 120) -> dict:
    async with asyncio.timeout(timeout):
        while True:
            body = (await client.get("/readyz")).json()
            if body["speech"]["available"]:
                return body["speech"]
            assert body["speech"]["loading"] or "reason" in body["speech"], body["speech"]
            await asyncio.sleep(0.5)


async def _speech_ready(stack: Stack) -> None:
    async with httpx.AsyncClient(base_url=stack.config.gateway_url, timeout=30) as client:
        await wait_speech_ready(client)


async def test_web_voice_note_is_stored_with_its_transcript_and_answered(
    stack: Stack, open_chat, webm_note: Path
) -> None:
    async with httpx.AsyncClient(base_url=stack.config.gateway_url, timeout=180) as client:
        speech = await wait_speech_ready(client)
        assert speech["engine"] == "whisper" and speech["model"] == "whisper-base"
        async with open_chat() as chat:
            message_id = str(uuid.uuid4())
            response = await client.post(
                "/api/voice", params={"conversation": chat.browser_id, "id": message_id},
                content=webm_note.read_bytes(), headers={"Content-Type": "audio/webm;codecs=opus"},
            )
            assert response.status_code == 200, response.text
            body = response.json()
            assert body["id"] == message_id and heard(body["text"]) >= 3, body
            assert body["display_text"] == "🎤 " + body["text"] and 1.5 < body["duration_s"] < 5

            shown = await chat.wait_for(lambda e: e.get("type") == "message" and e.get("id") == message_id, 10)
            assert shown["text"] == body["text"] and shown["voice"]["duration_s"] == body["duration_s"]
            reply = await chat.reply_to(message_id)
            assert reply["role"] == "assistant" and reply["text"].strip()

            # A retried upload (the page lost the answer) is not a second message.
            again = await client.post(
                "/api/voice", params={"conversation": chat.browser_id, "id": message_id},
                content=webm_note.read_bytes(), headers={"Content-Type": "audio/webm;codecs=opus"},
            )
            assert again.status_code == 200 and again.json()["duplicate"] is True

            await chat.socket.send('{"type":"history"}')
            history = await chat.wait_for(lambda e: e.get("type") == "history")
            [mine] = [m for m in history["messages"] if m["id"] == message_id]
            assert mine["text"] == body["text"] and mine["voice"]["duration_s"] == body["duration_s"]

    stored = rows(stack, "SELECT id, role, text, in_reply_to, metadata FROM messages WHERE conversation_id = %s "
                         "ORDER BY created_at, seq", chat.conversation_id)
    assert [(r[1], r[3]) for r in stored] == [("user", None), ("assistant", message_id)]
    user = stored[0]
    assert user[0] == message_id and user[2] == body["text"]
    voice = user[4]["voice"]
    assert voice["duration_s"] == body["duration_s"] and voice["engine"] == "whisper"
    assert voice["content_type"] == "audio/webm;codecs=opus"
    assert stored[1][0] == reply["id"]


async def test_corrupt_voice_note_is_refused_and_the_chat_goes_on(stack: Stack, open_chat) -> None:
    async with httpx.AsyncClient(base_url=stack.config.gateway_url, timeout=60) as client:
        await wait_speech_ready(client)
        async with open_chat() as chat:
            response = await client.post(
                "/api/voice", params={"conversation": chat.browser_id, "id": str(uuid.uuid4())},
                content=b"\x1aE\xdf\xa3" + b"\x00garbage" * 200, headers={"Content-Type": "audio/webm"},
            )
            assert response.status_code == 422, response.text
            assert response.json()["error"]["message"].startswith("No he podido entender el audio")
            message_id = await chat.send_message("¿Qué junta uso para el latiguillo?")
            await chat.reply_to(message_id)
    assert rows(stack, "SELECT count(*) FROM messages WHERE conversation_id = %s AND role = 'user'",
                chat.conversation_id) == [(1,)]


@pytest.mark.browser
def test_browser_voice_note_through_the_real_stack(stack: Stack, tmp_path: Path) -> None:
    """Chromium's fake microphone says the espeak sentence; the page records, uploads, shows the transcript,
    and the agent's answer comes back; Postgres has the transcript with its duration."""
    from playwright.sync_api import expect, sync_playwright

    from tests.gateway.test_gw_voice_browser import fake_mic_args, make_mic_wav
    from tests.support.chromium import launch_chromium
    from tests.gateway.test_gw_voice_browser import heard as mic_heard  # the mic says MIC_TEXT

    wav = make_mic_wav(tmp_path)
    asyncio.run(_speech_ready(stack))
    with sync_playwright() as p:
        browser = launch_chromium(p, *fake_mic_args(wav))
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844}, locale="es-ES", is_mobile=True,
                                          has_touch=True, permissions=["microphone"])
            page = context.new_page()
            page.goto(stack.config.gateway_url + "/")
            expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
            conversation = "web:" + page.evaluate("window.remedios.conversationId")
            page.click("#mic")
            expect(page.locator("#recorder")).to_be_visible(timeout=10000)
            page.wait_for_timeout(3500)
            page.click("#voice-send")
            bubble = page.locator(".msg.user .text").last
            expect(bubble).not_to_have_text("🎤 Transcribiendo…", timeout=90000)
            text = bubble.text_content() or ""
            assert text.startswith("🎤 ") and mic_heard(text) >= 3, text
            expect(page.locator(".msg.assistant .text").first).not_to_be_empty(timeout=90000)
            page.screenshot(path=str(tmp_path / "voice-stack.png"))
        finally:
            browser.close()
    stored = rows(stack, "SELECT role, text, metadata, in_reply_to FROM messages WHERE conversation_id = %s "
                         "ORDER BY created_at, seq", conversation)
    assert [r[0] for r in stored] == ["user", "assistant"]
    assert "🎤 " + stored[0][1] == text and 2.0 < stored[0][2]["voice"]["duration_s"] < 8
    assert stored[0][2]["voice"]["content_type"].startswith("audio/webm")
