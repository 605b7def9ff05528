"""The chat page in a real headless Chromium watches the answer grow and then be replaced by the final reply."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from devstack.stack import Stack
from tests.integration.conftest import ARTIFACTS, rows
from tests.integration.test_browser_chat import new_phone_page, send

pytestmark = [pytest.mark.stack, pytest.mark.browser, pytest.mark.timeout(600)]

QUESTION = "El grifo monomando del lavabo gotea y el agua llega al enchufe de al lado, ¿cómo cambio el cartucho?"
# Records every text the draft bubble showed, whether its safety message was on screen (and before any text),
# and whether a draft and the final answer were ever both on screen. The draft lives well under a second with the
# tiny test model (measured 0.3-0.5 s), shorter than Playwright's polling steps, so the test reads this record
# instead of polling the page for the draft.
WATCH_DRAFTS = """() => {
  window.__drafts = [];
  window.__both = false;
  window.__safetyFirst = null;
  window.__safetyShown = '';
  const box = document.getElementById('drafts');
  const check = () => {
    const text = box.querySelector('.draft-text');
    const safety = box.querySelector('.draft-safety');
    if (safety && !safety.hidden && safety.textContent && safety.getClientRects().length) {
      if (window.__safetyFirst === null) window.__safetyFirst = !(text && text.textContent);
      window.__safetyShown = safety.textContent;
    }
    if (text && text.textContent && window.__drafts[window.__drafts.length - 1] !== text.textContent) {
      window.__drafts.push(text.textContent);
    }
    if (box.querySelector('.draft-row') && document.querySelector('.msg.assistant')) window.__both = true;
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}"""


def test_the_draft_grows_and_the_reply_replaces_it(browser: Browser, stack: Stack) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = new_phone_page(browser, stack)
    conversation = page.evaluate("window.localStorage.getItem('remedios.conversation')")
    page.evaluate(WATCH_DRAFTS)

    send(page, QUESTION)
    answer = page.locator(".msg.assistant .text")
    expect(answer).to_have_count(1, timeout=120000)
    expect(page.locator("#drafts .draft-row")).to_have_count(0)

    drafts = page.evaluate("window.__drafts")
    assert len(drafts) >= 2, f"the draft grew while the model wrote: {drafts!r}"
    for before, after in zip(drafts, drafts[1:]):
        assert after.startswith(before)
    rule = rows(stack, "SELECT message FROM safety_rules WHERE slug = 'agua-y-electricidad'")[0][0]
    assert page.evaluate("window.__safetyShown").strip() == rule.strip(), "the draft showed the safety message"
    assert page.evaluate("window.__safetyFirst") is True, "the safety message showed before the model's first word"
    assert page.evaluate("window.__both") is False, "the reply replaced the draft: never both on screen"
    page.screenshot(path=str(ARTIFACTS / "chat-after-draft.png"), full_page=True)
    assert answer.text_content().startswith(rule.strip()[:40])

    # A reload after the answer: the reply once, no draft.
    page.reload()
    expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
    expect(page.locator(".msg.assistant")).to_have_count(1)
    expect(page.locator("#drafts .draft-row")).to_have_count(0)
    stored = rows(stack, "SELECT role FROM messages WHERE conversation_id = %s ORDER BY seq", f"web:{conversation}")
    assert [r[0] for r in stored] == ["user", "assistant"]
