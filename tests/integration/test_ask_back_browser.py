"""The chat page in a real headless Chromium: a question asked back shows its cases as buttons; tapping one sends
it as the plumber's message and the answer for that case arrives; the buttons go once the question is answered,
also after a reload."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from devstack.stack import Stack
from tests.integration.conftest import ARTIFACTS, rows
from tests.integration.test_ask_back import QUESTION
from tests.integration.test_browser_chat import new_phone_page, send

pytestmark = [pytest.mark.stack, pytest.mark.browser, pytest.mark.timeout(600)]


def test_a_case_is_picked_with_a_tap(browser: Browser, stack: Stack) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    [(choices,)] = rows(stack, "SELECT kb_choices(%s)", QUESTION)
    page = new_phone_page(browser, stack)
    send(page, QUESTION)
    buttons = page.locator(".msg.assistant .choices button.choice")
    expect(buttons).to_have_count(len(choices) + 1, timeout=120000)
    for n, choice in enumerate(choices, 1):
        expect(buttons.nth(n - 1)).to_have_text(f"{n}. {choice['title']}")
    expect(buttons.last).to_have_text("Ninguna de estas")
    page.screenshot(path=str(ARTIFACTS / "chat-ask-back.png"), full_page=True)

    page.fill("#composer textarea", "algo a medio escribir")
    buttons.nth(1).click()
    expect(page.locator(".msg.user .text").last).to_have_text(f"2. {choices[1]['title']}")
    expect(page.locator("#composer textarea")).to_have_value("algo a medio escribir"), "what was typed stays"
    answer = page.locator(".msg.assistant .text").nth(1)
    expect(answer).to_contain_text(f"(KB-{choices[1]['slug']})", timeout=180000)
    expect(page.locator(".msg.assistant .choices")).to_have_count(0)
    expect(page.locator(".msg.assistant").nth(1).locator("details.article")).to_have_count(1)

    page.reload()
    expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
    expect(page.locator(".msg.assistant")).to_have_count(2)
    expect(page.locator(".msg.assistant .choices")).to_have_count(0)
