"""Screenshot the chat page on a phone-sized viewport (a look check, not a test).

    python tests/gateway/page_screenshot.py OUT_DIR

Serves the gateway with a fake n8n, opens the page in headless Chromium (390x844), sends two
messages, pushes a signed agent reply and a typing event, and saves PNGs into OUT_DIR.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402

from gateway.channels.base import utc_iso, utc_now  # noqa: E402
from gateway.settings import Settings  # noqa: E402
from gateway.signing import sign  # noqa: E402
from tests.gateway.support import FakeN8n, LiveGateway, free_port, n8n_settings  # noqa: E402
from tests.support.chromium import launch_chromium  # noqa: E402

SECRET = "screenshot-secret"


async def callback(gw: LiveGateway, payload: dict) -> None:
    body = json.dumps(payload).encode()
    async with httpx.AsyncClient() as client:
        r = await client.post(gw.http_url + "/callbacks/n8n", content=body, headers=sign(SECRET, body))
        r.raise_for_status()


async def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    n8n = FakeN8n(port=free_port())
    data_dir = Path(tempfile.mkdtemp(prefix="gw-shot-"))
    settings = n8n_settings(Settings(port=free_port(), data_dir=data_dir, callback_secret=SECRET), n8n.base_url)
    gw = LiveGateway(settings, n8n=n8n).start()
    try:
        async with async_playwright() as p:
            browser = await launch_chromium(p)
            page = await browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                          is_mobile=True, has_touch=True, locale="es-ES")
            await page.goto(gw.http_url + "/")
            await page.wait_for_selector('[data-status="online"]')
            await page.screenshot(path=str(out / "01-empty.png"))
            conv = "web:" + await page.evaluate("window.remedios.conversationId")

            await page.click(".suggestion >> nth=0")  # a suggestion fills the composer
            assert await page.input_value("#composer textarea") == "Gotea la llave del lavabo aunque esté cerrada"
            await page.fill("#composer textarea", "Hola, tengo una fuga en la llave del lavabo. Gotea aunque esté cerrada, ¿cómo la reparo?")
            await page.click("#send")
            await page.wait_for_selector('.msg.user[data-state="accepted"]')
            await page.wait_for_selector("#typing:not([hidden])")
            await page.screenshot(path=str(out / "02-typing.png"))
            first_id = await page.get_attribute(".msg.user", "data-id")

            await callback(gw, {
                "type": "reply", "conversation_id": conv, "channel": "web", "message_id": "reply-1",
                "in_reply_to": first_id,
                "text": "Vamos paso a paso:\n1. Cierre la llave de paso del lavabo.\n2. Desmonte el maneral y cambie la zapata o el cartucho.\n3. Vuelva a montar y abra despacio.\n\n¿Es un grifo monomando o de dos llaves?",
                "timestamp": utc_iso(utc_now()),
            })
            await page.wait_for_selector(".msg.assistant")
            await page.fill("#composer textarea", "<script>alert('x')</script> Es monomando")
            await page.click("#send")
            await page.wait_for_selector('.msg.user[data-state="accepted"] >> nth=1')
            await page.screenshot(path=str(out / "03-conversation.png"))
            await page.reload()
            await page.wait_for_selector('[data-status="online"]')
            await page.wait_for_timeout(300)
            await page.screenshot(path=str(out / "04-reloaded.png"))

            # Drop: the page says it is reconnecting, keeps what is typed meanwhile, resends it after.
            gw.stop()
            await page.wait_for_selector('[data-status="reconnecting"]')
            await page.fill("#composer textarea", "¿Sigue ahí? Se me ha cortado la conexión")
            await page.click("#send")
            await page.wait_for_selector('.msg.user[data-state="sending"]')
            await page.screenshot(path=str(out / "05-reconnecting.png"))
            gw = LiveGateway(settings, n8n=FakeN8n(port=n8n.port, stored=n8n.stored)).start()
            await page.wait_for_selector('[data-status="online"]', timeout=20000)
            await page.wait_for_function("document.querySelectorAll('.msg.user[data-state=\"sending\"]').length === 0")
            await page.screenshot(path=str(out / "06-back-online.png"))

            desktop = await browser.new_page(viewport={"width": 1280, "height": 800})
            await desktop.goto(gw.http_url + "/")
            await desktop.wait_for_selector('[data-status="online"]')
            await desktop.screenshot(path=str(out / "07-desktop-empty.png"))
            await browser.close()
    finally:
        gw.stop()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1] if len(sys.argv) > 1 else "test-artifacts/gateway")))
