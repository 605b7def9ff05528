"""The staff console and the plumber's chat side by side, in real headless Chromium, through the real stack:
a person logs in, sees the plumber's conversation live, takes it over, writes (the plumber sees "escribiendo…"
and then the answer), keeps a private note, and hands it back."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from devstack.stack import Stack
from tests.integration.conftest import ARTIFACTS, rows
from tests.integration.staff_client import new_staff
from tests.integration.test_browser_chat import WATCH_TYPING, new_phone_page, send

pytestmark = [pytest.mark.stack, pytest.mark.browser, pytest.mark.timeout(600)]


def staff_page(browser: Browser, stack: Stack, username: str, password: str, *, phone: bool = False) -> Page:
    viewport = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 800}
    context = browser.new_context(viewport=viewport, locale="es-ES", is_mobile=phone)
    page = context.new_page()
    page.goto(stack.config.gateway_url + "/staff")
    expect(page.locator("#login")).to_be_visible(timeout=15000)
    page.fill("#login-user", username)
    page.fill("#login-password", "contraseña equivocada")
    page.click("#login-submit")
    expect(page.locator("#login-error")).to_have_text("Usuario o contraseña incorrectos.", timeout=15000)
    page.fill("#login-password", password)
    page.click("#login-submit")
    expect(page.locator("#connection")).to_have_attribute("data-state", "online", timeout=15000)
    return page


def test_a_person_takes_over_answers_and_hands_back(browser: Browser, stack: Stack) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    username, password = new_staff(stack, "Ana García")
    plumber = new_phone_page(browser, stack)
    conversation = "web:" + plumber.evaluate("window.localStorage.getItem('remedios.conversation')")
    send(plumber, "hola")
    expect(plumber.locator(".msg.assistant .text")).to_have_count(1, timeout=60000)

    staff = staff_page(browser, stack, username, password)
    expect(staff.locator("#me")).to_have_text("Ana García")
    row = staff.locator(f'#list li[data-id="{conversation}"]')
    expect(row).to_be_visible(timeout=15000)
    row.click()
    expect(staff.locator("#messages li.user")).to_have_count(1)
    expect(staff.locator("#owner")).to_have_text("Responde el asistente automático")
    expect(staff.locator("#send")).to_be_disabled()  # replying needs the conversation

    staff.click("#take")
    expect(staff.locator("#owner")).to_have_text("Atiende: usted (Ana García)", timeout=15000)
    expect(plumber.locator(".msg.assistant .text").last).to_contain_text("Ana García, del equipo técnico, se ha unido",
                                                                           timeout=15000)

    # The person writes: the plumber sees "escribiendo…", then the answer.
    plumber.evaluate(WATCH_TYPING)
    staff.fill("#text", "")
    staff.type("#text", "Hola, soy Ana. ", delay=20)
    expect(plumber.locator("#typing")).to_be_visible(timeout=10000)
    staff.type("#text", "¿Qué modelo de grifo es?", delay=5)
    staff.press("#text", "Enter")
    expect(plumber.locator(".msg.assistant .text").last).to_have_text("Hola, soy Ana. ¿Qué modelo de grifo es?",
                                                                        timeout=15000)
    assert plumber.evaluate("window.__typingSeen")
    expect(staff.locator("#messages li.staff").last).to_contain_text("¿Qué modelo de grifo es?")

    # The plumber answers: the console shows it live; the agent stays silent.
    send(plumber, "Es un Roca de cocina")
    expect(staff.locator("#messages li.user").last).to_contain_text("Es un Roca de cocina", timeout=15000)
    expect(plumber.locator("#typing")).to_be_hidden()  # no automatic answer is coming: no "escribiendo…"

    # A private note: in the console, never on the plumber's page.
    staff.check('input[name="mode"][value="note"]')
    staff.fill("#text", "Cliente habitual: no cobrar el desplazamiento")
    staff.click("#send")
    expect(staff.locator("#messages li.note")).to_contain_text("no cobrar el desplazamiento", timeout=15000)
    staff.screenshot(path=str(ARTIFACTS / "staff-console-desktop.png"))

    # The same console on a phone: the list, then the thread with a way back.
    phone = staff_page(browser, stack, username, password, phone=True)
    phone.locator(f'#list li[data-id="{conversation}"]').click()
    expect(phone.locator("#owner")).to_have_text("Atiende: usted (Ana García)", timeout=15000)
    expect(phone.locator("#inbox")).to_be_hidden()
    phone.screenshot(path=str(ARTIFACTS / "staff-console-phone.png"))
    phone.click("#back")
    expect(phone.locator("#inbox")).to_be_visible()

    staff.click("#handback")
    expect(staff.locator("#owner")).to_have_text(re.compile("Responde el asistente automático"), timeout=15000)
    expect(plumber.locator(".msg.assistant .text").last).to_contain_text("ha dejado la conversación", timeout=15000)
    plumber.screenshot(path=str(ARTIFACTS / "staff-plumber-phone.png"), full_page=True)
    assert "no cobrar" not in plumber.content()

    stored = rows(stack, "SELECT role, coalesce(metadata->'author'->>'name', '') FROM messages "
                         "WHERE conversation_id = %s ORDER BY seq", conversation)
    assert stored == [("user", ""), ("assistant", ""), ("assistant", "Ana García"), ("assistant", "Ana García"),
                      ("user", ""), ("assistant", "Ana García")], "the agent never answered while Ana had it"
