"""The chat page in a real headless Chromium, through the real stack (Debian's chromium + Playwright)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from devstack.stack import Stack
from tests.integration.conftest import ARTIFACTS, rows

pytestmark = [pytest.mark.stack, pytest.mark.browser, pytest.mark.timeout(600)]

QUESTION = "Tengo una fuga en el grifo monomando del lavabo, ¿cómo la reparo?"
XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'
# Records whether the "escribiendo…" indicator was ever shown, however briefly.
WATCH_TYPING = """() => {
  window.__typingSeen = false;
  const typing = document.getElementById('typing');
  const check = () => { if (!typing.hidden && getComputedStyle(typing).display !== 'none') window.__typingSeen = true; };
  new MutationObserver(check).observe(typing, { attributes: true });
  check();
}"""


def new_phone_page(browser: Browser, stack: Stack, conversation: str | None = None) -> Page:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="es-ES", is_mobile=True)
    if conversation:
        context.add_init_script(f"window.localStorage.setItem('remedios.conversation', {conversation!r})")
    page = context.new_page()
    page.goto(stack.config.gateway_url + "/")
    expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
    return page


def shown_once_after_reload(page: Page, reply_id: str) -> None:
    """The page shows the reply `reply_id` as its one answer, and again once after a reload (no duplicate from a
    re-send, a reconnect's history or the cache)."""
    expect(page.locator(".msg.assistant")).to_have_count(1)
    expect(page.locator(f'.msg.assistant[data-id="{reply_id}"]')).to_have_count(1)
    page.reload()
    expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
    expect(page.locator(f'.msg.assistant[data-id="{reply_id}"]')).to_have_count(1, timeout=15000)
    expect(page.locator(".msg.assistant")).to_have_count(1)


def send(page: Page, text: str) -> None:
    page.fill("#composer textarea", text)
    page.click("#send")


def test_plumber_asks_sees_writing_gets_answer_and_history_survives(browser: Browser, stack: Stack) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = new_phone_page(browser, stack)
    conversation = page.evaluate("window.localStorage.getItem('remedios.conversation')")
    page.evaluate(WATCH_TYPING)

    send(page, QUESTION)
    expect(page.locator(".msg.user .text").last).to_have_text(QUESTION, timeout=2000)  # shown at once
    answer = page.locator(".msg.assistant .text").first
    expect(answer).not_to_be_empty(timeout=90000)
    assert page.evaluate("window.__typingSeen"), "the 'escribiendo…' indicator showed while the reply was pending"
    expect(page.locator("#typing")).to_be_hidden()
    expect(page.locator(".msg.user time").first).not_to_be_empty()
    answer_text = answer.text_content()

    send(page, XSS)
    expect(page.locator(".msg.user .text").last).to_have_text(XSS)
    expect(page.locator(".msg.assistant")).to_have_count(2, timeout=90000)
    assert page.evaluate("window.__xss") is None, "message text must never run as HTML"
    assert page.locator(".msg img").count() == 0
    page.screenshot(path=str(ARTIFACTS / "chat-phone.png"), full_page=True)

    # Reload: the conversation is still there, in order.
    page.reload()
    expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
    expect(page.locator(".msg.user .text")).to_have_text([QUESTION, XSS])
    expect(page.locator(".msg.assistant .text").first).to_have_text(answer_text)

    # Another device of the same conversation (no local cache): the history comes from Postgres via n8n.
    other = new_phone_page(browser, stack, conversation)
    expect(other.locator(".msg.user .text")).to_have_text([QUESTION, XSS], timeout=15000)
    expect(other.locator(".msg.assistant")).to_have_count(2)
    assert other.evaluate("window.__xss") is None
    other.screenshot(path=str(ARTIFACTS / "chat-history-other-device.png"), full_page=True)

    stored = rows(stack, "SELECT role, text FROM messages WHERE conversation_id = %s ORDER BY seq", f"web:{conversation}")
    assert [r[0] for r in stored] == ["user", "assistant", "user", "assistant"]
    assert stored[2][1] == XSS
