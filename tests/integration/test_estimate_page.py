"""The customer's printable estimate page, the decision and the staff notification, through the real stack.

A plumber chats in a real headless Chromium; an estimate for that conversation is made in Postgres with
estimate_create (what the chat workflow does); the customer opens the link from estimate_card in another
browser, sees the table, prints it to PDF (one A4 page), accepts; then the estimate is accepted in Postgres,
the assistant message is stored and shows up in the plumber's open chat, staff_notifications has the row and
a real SMTP server (aiosmtpd on loopback, configured through the stack's SMTP_* environment) received the
e-mail. Also: wrong token / unknown number -> 404, a second decision -> 409, rejection, expiry, a decision on
a page opened before the plumber revised the estimate -> 409 with the latest revision shown, an SMTP failure
recorded as 'failed', and no staff address -> 'skipped'.

This module starts its own stack (module scope) because the SMTP settings are part of n8n's environment.
"""

from __future__ import annotations

import base64
import email
import hashlib
import json
import email.policy
import re
import shutil
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import Browser, Page, expect

from devstack.postgres import PAGE_TEMPLATES, load_page_templates
from devstack.processes import free_port
from devstack.stack import Stack
from gateway.logs import conversation_ref
from tests.integration.conftest import ARTIFACTS, rows, scratch_run_dir, tiny_stack

pytestmark = [pytest.mark.stack, pytest.mark.browser, pytest.mark.timeout(900)]

SHOTS = ARTIFACTS / "estimates"
STAFF = "oficina@fontaneria-perez.test"
SENDER = "avisos@fontaneria-perez.test"
XSS_NAME = '<script>window.__xss = 1</script>Válvula <img src=x onerror="window.__xss = 2">'
ITEMS = (
    '[{"item": "calentador de 40 galones", "quantity": 1},'
    ' {"item": "tubo de cobre 22 mm", "quantity": 3, "unit": "m"},'
    ' {"labour_hours": 3},'
    ' {"item": "desplazamiento", "quantity": 1},'
    ' {"item": "retirada del termo", "quantity": 1},'
    ' {"item": "valvula de prueba xss", "quantity": 2},'
    ' {"item": "válvula termostática", "quantity": 1}]'
)


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> str:
    """A small solid-colour PNG as a data: URL (a logo staff can paste into estimate_settings.logo_url)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return "data:image/png;base64," + base64.b64encode(png).decode()


LOGO = _png(48, 48, (31, 95, 139))


# ------------------------------------------------------------------------------------------ fixtures
@dataclass
class Mailbox:
    """aiosmtpd handler: every message the SMTP server accepts, parsed."""

    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # the name aiosmtpd calls
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)  # type: ignore[arg-type]
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"

    def wait_for(self, predicate: Callable[[EmailMessage], bool], timeout: float = 60) -> EmailMessage:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for message in self.messages:
                    if predicate(message):
                        return message
            time.sleep(0.2)
        raise AssertionError(f"no such e-mail in {timeout} s; got {[m['Subject'] for m in self.messages]}")


@dataclass
class Smtp:
    controller: Controller
    mailbox: Mailbox
    port: int
    running: bool = True

    def stop(self) -> None:
        if self.running:
            self.controller.stop()
            self.running = False


@pytest.fixture(scope="module")
def smtp() -> Iterator[Smtp]:
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    server = Smtp(controller, mailbox, port)
    yield server
    server.stop()


def smtp_environment(smtp: Smtp, staff: str = STAFF) -> dict[str, str]:
    """What an installation sets to get staff notifications by e-mail (README, "Staff notifications")."""
    return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp.port), "SMTP_SECURE": "false", "SMTP_USER": "",
            "SMTP_PASSWORD": "", "REMEDIOS_STAFF_EMAIL": staff, "REMEDIOS_MAIL_FROM": f"Remedios <{SENDER}>"}


@pytest.fixture(scope="module")
def page_stack(smtp: Smtp) -> Iterator[Stack]:
    run_dir = scratch_run_dir("estimate-page")
    stack = tiny_stack(run_dir)
    stack.gateway_extra_env["SPEECH_ENGINE"] = "none"  # no voice notes here: spare the CPU
    try:
        with pytest.MonkeyPatch.context() as env:
            for name, value in smtp_environment(smtp).items():
                env.setenv(name, value)
            env.delenv("REMEDIOS_PUBLIC_URL", raising=False)  # the links point at this stack's gateway
            stack.start()
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(run_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def plumber(browser: Browser, page_stack: Stack) -> tuple[Page, str]:
    """The plumber's chat, open on a phone, after a first message and its answer: (page, conversation id)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="es-ES", is_mobile=True)
    page = context.new_page()
    page.goto(page_stack.config.gateway_url + "/")
    expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=20000)
    page.fill("#composer textarea", "Hola, estoy en la obra de la calle Mayor 3.")
    page.click("#send")
    expect(page.locator(".msg.assistant")).to_have_count(1, timeout=120000)
    conversation = "web:" + page.evaluate("window.localStorage.getItem('remedios.conversation')")
    assert rows(page_stack, "SELECT channel FROM conversations WHERE id = %s", conversation) == [("web",)]
    return page, conversation


@dataclass
class Estimate:
    number: str
    token: str
    url: str
    path: str


def make_estimate(stack: Stack, conversation: str | None, *, sent: bool = True) -> Estimate:
    """An estimate as the chat workflow makes it (estimate_create), with the link the chat shows (estimate_card)."""
    rows(stack, "INSERT INTO price_catalog (code, kind, name, unit, unit_price, aliases) "
                "VALUES ('valvula-prueba-xss', 'material', %s, 'ud', 12.50, 'valvula de prueba xss') "
                "ON CONFLICT (code) DO NOTHING RETURNING code", XSS_NAME)
    (number,), = rows(stack, "SELECT estimate_create(%s, %s::jsonb, %s) ->> 'number'",
                      conversation, ITEMS, "Calle Mayor 3, 2º B <b>timbre roto</b>")
    if sent:
        rows(stack, "SELECT estimate_mark_sent(%s) ->> 'status'", number)
    (url, token), = rows(stack, "SELECT estimate_card(number, %s) ->> 'url', access_token FROM estimates "
                                "WHERE number = %s", stack.config.gateway_url, number)
    assert url == f"{stack.config.gateway_url}/presupuestos/{number}?t={token}"
    return Estimate(number, token, url, f"/presupuestos/{number}")


def customer_page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1000, "height": 1300}, locale="es-ES")
    return context.new_page()


def wait_rows(stack: Stack, query: str, *params: Any, timeout: float = 60) -> list[tuple[Any, ...]]:
    deadline = time.monotonic() + timeout
    while True:
        found = rows(stack, query, *params)
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.3)


def pdf_page_count(data: bytes) -> int:
    assert data.startswith(b"%PDF-")
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


# ------------------------------------------------------------------------------------------ tests
def test_customer_opens_prints_and_accepts_and_everyone_hears_of_it(
    browser: Browser, page_stack: Stack, plumber: tuple[Page, str], smtp: Smtp
) -> None:
    chat, conversation = plumber
    estimate = make_estimate(page_stack, conversation)
    expected = dict(zip(
        ("taxable_base", "tax", "total", "deposit", "subtotal_materials", "to_quote"),
        rows(page_stack, "SELECT estimate_money(taxable_base, currency), estimate_money(tax, currency), "
                         "estimate_money(total, currency), estimate_money(deposit, currency), "
                         "estimate_money(subtotal_materials, currency), to_quote_count FROM estimates "
                         "WHERE number = %s", estimate.number)[0],
    ))
    assert expected["to_quote"] == 1

    page = customer_page(browser)
    response = page.goto(estimate.url)
    assert response is not None and response.status == 200
    assert response.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    expect(page.locator("#number")).to_have_text(estimate.number)
    expect(page.locator("#status")).to_have_text("enviado")
    expect(page.locator("#business")).to_have_text("Remedios Fontanería")
    # The table: every line in its section, with the catalogue's figures.
    heater = page.locator("tr.line", has_text="Termo eléctrico 150 l")
    expect(heater.locator(".qty")).to_have_text("1 ud")
    expect(heater.locator(".price")).to_have_text("369,00 €")
    expect(heater.locator(".amount")).to_have_text("369,00 €")
    pipe = page.locator("tr.line", has_text="Tubo de cobre 22 mm")
    expect(pipe.locator(".qty")).to_have_text("3 m")
    expect(pipe.locator(".amount")).to_have_text("46,80 €")
    expect(page.locator("[data-section=labour] tr.line .amount")).to_have_text(["114,00 €"])
    expect(page.locator("[data-section=other] tr.line")).to_have_count(2)
    to_quote = page.locator("[data-section=to_quote] tr.line")
    expect(to_quote).to_have_count(1)
    expect(to_quote.locator(".desc")).to_have_text("válvula termostática")
    expect(to_quote.locator(".price")).to_have_text("a cotizar")
    expect(page.locator("[data-section=material] tr.subtotal td.num")).to_have_text(expected["subtotal_materials"])
    expect(page.locator("#taxable-base")).to_have_text(expected["taxable_base"])
    expect(page.locator("#tax")).to_have_text(expected["tax"])
    expect(page.locator("#total")).to_have_text(expected["total"])
    expect(page.locator("#deposit")).to_have_text(expected["deposit"])
    expect(page.locator("#valid-until")).to_have_text(re.compile(r"^\d\d/\d\d/\d{4}$"))
    # A catalogue name with markup is shown as text and never runs.
    expect(page.locator("tr.line", has_text="window.__xss = 1").locator(".desc")).to_have_text(XSS_NAME)
    expect(page.locator("#notes")).to_contain_text("<b>timbre roto</b>")
    assert page.evaluate("window.__xss") is None
    assert page.locator("#lines img").count() == 0
    expect(page.locator("#accept")).to_be_visible()
    expect(page.locator("#reject")).to_be_visible()

    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "estimate-page.png"), full_page=True)
    pdf = page.pdf(path=str(SHOTS / "estimate-page.pdf"), format="A4", print_background=True)
    assert pdf_page_count(pdf) == 1, "the printed estimate fits one A4 page"
    page.emulate_media(media="print")  # what the PDF shows: no buttons, no hint
    expect(page.locator("#decide")).to_be_hidden()
    page.screenshot(path=str(SHOTS / "estimate-print.png"), full_page=True)
    page.emulate_media(media="screen")

    page.fill("#note", "Mejor por la mañana, de 9 a 11.")
    page.click("#accept")
    expect(page.locator("#banner")).to_contain_text(f"Ha aceptado el presupuesto {estimate.number}")
    expect(page.locator("#status")).to_have_text("aceptado")
    expect(page.locator("#accept")).to_have_count(0)
    page.screenshot(path=str(SHOTS / "estimate-accepted.png"), full_page=True)

    assert rows(page_stack, "SELECT status, decision_note FROM estimates WHERE number = %s", estimate.number) == [
        ("accepted", "Mejor por la mañana, de 9 a 11.")]
    decision_text = f"El cliente ha aceptado el presupuesto {estimate.number}."
    stored = rows(page_stack, "SELECT role, text, metadata -> 'estimate' ->> 'status', metadata -> 'estimate' ->> 'number' "
                              "FROM messages WHERE conversation_id = %s AND role = 'assistant' ORDER BY seq",
                  conversation)
    assert stored[-1][0] == "assistant" and stored[-1][1].startswith(decision_text)
    assert "Mejor por la mañana" in stored[-1][1]
    assert stored[-1][2:] == ("accepted", estimate.number)

    # The plumber's open chat shows the decision without a reload.
    expect(chat.locator(".msg.assistant", has_text=decision_text)).to_have_count(1, timeout=30000)
    chat.screenshot(path=str(SHOTS / "plumber-chat-decision.png"), full_page=True)

    notice = wait_rows(page_stack, "SELECT kind, conversation_id, summary, email_status, email_to, email_error "
                                   "FROM staff_notifications WHERE estimate_number = %s AND email_status <> 'pending'",
                       estimate.number)
    assert len(notice) == 1
    kind, notice_conversation, summary, status, to, error = notice[0]
    assert (kind, notice_conversation, status, to, error) == ("estimate_accepted", conversation, "sent", STAFF, None)
    assert decision_text in summary and expected["total"] in summary

    mail = smtp.mailbox.wait_for(lambda m: estimate.number in str(m["Subject"]))
    assert mail["Subject"] == f"[Remedios] Presupuesto {estimate.number} ACEPTADO por el cliente"
    assert mail["To"] == STAFF and SENDER in str(mail["From"])
    body = mail.get_content()
    assert decision_text in body
    # the conversation by its reference only: its id would open the plumber's chat
    assert f"Conversación (ref.): {conversation_ref(conversation)}" in body and conversation not in body
    assert estimate.url in body
    assert "n8n" not in body.lower(), "no 'sent with n8n' attribution"

    # A second decision changes nothing: 409 with a Spanish page, no second message, no second notification.
    again = httpx.post(page_stack.config.gateway_url + estimate.path,
                       data={"t": estimate.token, "revision": "1", "decision": "rejected"}, timeout=30)
    assert again.status_code == 409
    assert "ya estaba aceptado" in again.text
    time.sleep(2)
    assert rows(page_stack, "SELECT status FROM estimates WHERE number = %s", estimate.number) == [("accepted",)]
    assert rows(page_stack, "SELECT count(*) FROM messages WHERE metadata -> 'estimate' ->> 'number' = %s "
                            "AND text LIKE 'El cliente ha%%'", estimate.number) == [(1,)]
    assert rows(page_stack, "SELECT count(*) FROM staff_notifications WHERE estimate_number = %s",
                estimate.number) == [(1,)]


def test_a_wrong_or_missing_token_or_an_unknown_number_is_a_404_that_reveals_nothing(
    page_stack: Stack, plumber: tuple[Page, str]
) -> None:
    estimate = make_estimate(page_stack, plumber[1])
    base = page_stack.config.gateway_url
    wrong_token = "0" * 32
    for path in (f"{estimate.path}?t={wrong_token}", estimate.path, f"{estimate.path}?t=",
                 f"/presupuestos/P-1999-0042?t={estimate.token}", f"/presupuestos/{estimate.number.lower()}?t=x",
                 "/presupuestos/%3Cscript%3E?t=x"):
        answer = httpx.get(base + path, timeout=30)
        assert answer.status_code == 404, path
        assert "Presupuesto no encontrado" in answer.text and '<html lang="es">' in answer.text
        for secret in (estimate.number, "Termo", "369", "Remedios Fontanería", estimate.token):
            assert secret not in answer.text, (path, secret)
    refused = httpx.post(base + estimate.path, data={"t": wrong_token, "revision": "1", "decision": "accepted"},
                         timeout=30)
    assert refused.status_code == 404 and estimate.number not in refused.text
    assert rows(page_stack, "SELECT status FROM estimates WHERE number = %s", estimate.number) == [("sent",)]
    # The right link still works, whatever the case of the number.
    assert httpx.get(f"{base}/presupuestos/{estimate.number.lower()}?t={estimate.token}", timeout=30).status_code == 200


def test_customer_rejects(browser: Browser, page_stack: Stack, plumber: tuple[Page, str], smtp: Smtp) -> None:
    chat, conversation = plumber
    estimate = make_estimate(page_stack, conversation, sent=False)
    page = customer_page(browser)
    page.goto(estimate.url)
    expect(page.locator("#status")).to_have_text("borrador")
    page.fill("#note", "Me sale más caro de lo que pensaba.")
    page.click("#reject")
    expect(page.locator("#banner")).to_contain_text(f"Ha rechazado el presupuesto {estimate.number}")
    expect(page.locator("#status")).to_have_text("rechazado")
    expect(page.locator("#decided")).to_contain_text("Me sale más caro")
    assert rows(page_stack, "SELECT status FROM estimates WHERE number = %s", estimate.number) == [("rejected",)]
    decision_text = f"El cliente ha rechazado el presupuesto {estimate.number}."
    expect(chat.locator(".msg.assistant", has_text=decision_text)).to_have_count(1, timeout=30000)
    mail = smtp.mailbox.wait_for(lambda m: estimate.number in str(m["Subject"]))
    assert mail["Subject"] == f"[Remedios] Presupuesto {estimate.number} rechazado por el cliente"
    assert wait_rows(page_stack, "SELECT kind, email_status FROM staff_notifications WHERE estimate_number = %s "
                                 "AND email_status = 'sent'", estimate.number) == [("estimate_rejected", "sent")]


def test_an_expired_estimate_cannot_be_accepted(browser: Browser, page_stack: Stack, plumber: tuple[Page, str]) -> None:
    estimate = make_estimate(page_stack, plumber[1])
    rows(page_stack, "UPDATE estimates SET valid_until = current_date - 1 WHERE number = %s RETURNING number",
         estimate.number)
    page = customer_page(browser)
    page.goto(estimate.url)
    expect(page.locator("#expired")).to_contain_text("ya no se puede aceptar")
    expect(page.locator("#accept")).to_have_count(0)
    late = httpx.post(page_stack.config.gateway_url + estimate.path,
                      data={"t": estimate.token, "revision": "1", "decision": "accepted"}, timeout=30)
    assert late.status_code == 409 and "ya no se puede aceptar" in late.text
    assert rows(page_stack, "SELECT status FROM estimates WHERE number = %s", estimate.number) == [("sent",)]


def test_a_decision_on_a_page_opened_before_a_revision_is_refused_and_the_latest_is_shown(
    browser: Browser, page_stack: Stack, plumber: tuple[Page, str], smtp: Smtp
) -> None:
    """The customer opens revision 1; the plumber changes the estimate (revision 2: one more hour of labour);
    the customer, still on revision 1, clicks Aceptar. Nothing is recorded: the page comes back (409) with a
    Spanish notice and revision 2, whose form carries revision 2; accepting that one is recorded."""
    chat, conversation = plumber
    estimate = make_estimate(page_stack, conversation)
    page = customer_page(browser)
    page.goto(estimate.url)
    expect(page.locator("#status")).to_have_text("enviado")
    expect(page.locator("#revision")).to_have_count(0)   # shown from revision 2 on
    expect(page.locator("#decide input[name=revision]")).to_have_value("1")
    old_total = page.locator("#total").inner_text()

    # The plumber changes it while the page is open (what "y 1 hora más" in the chat does: estimate_revise).
    (items,), = rows(page_stack, "SELECT inputs FROM estimates WHERE number = %s", estimate.number)
    items = [({"labour_hours": item["labour_hours"] + 1} if "labour_hours" in item else item) for item in items]
    (revision,), = rows(page_stack, "SELECT estimate_revise(%s, %s::jsonb) ->> 'revision'", estimate.number,
                        json.dumps(items))
    (new_total,), = rows(page_stack, "SELECT estimate_money(total, currency) FROM estimates WHERE number = %s",
                         estimate.number)
    assert revision == "2" and new_total != old_total

    page.fill("#note", "Adelante.")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.click("#accept")
    assert posted.value.status == 409
    expect(page.locator("#banner")).to_contain_text(f"El presupuesto {estimate.number} ha cambiado desde que abrió "
                                                    "esta página")
    expect(page.locator("#banner")).to_contain_text("revisión 2")
    expect(page.locator("#revision")).to_have_text("2")
    expect(page.locator("#total")).to_have_text(new_total)
    expect(page.locator("[data-section=labour] tr.line .qty")).to_have_text(["4 h"])
    expect(page.locator("#status")).to_have_text("enviado")
    expect(page.locator("#decide input[name=revision]")).to_have_value("2")
    expect(page.locator("#note")).to_have_value("Adelante.")   # what the customer wrote is not lost
    page.screenshot(path=str(SHOTS / "estimate-stale-decision.png"), full_page=True)
    assert rows(page_stack, "SELECT status, decided_at, decision_note FROM estimates WHERE number = %s",
                estimate.number) == [("sent", None, None)]
    assert rows(page_stack, "SELECT count(*) FROM messages WHERE id = %s", f"estimate-decision:{estimate.number}") \
        == [(0,)]
    assert rows(page_stack, "SELECT count(*) FROM staff_notifications WHERE estimate_number = %s",
                estimate.number) == [(0,)]
    # A form without a revision (a page from before the form carried it) is refused the same way.
    bare = httpx.post(page_stack.config.gateway_url + estimate.path,
                      data={"t": estimate.token, "decision": "accepted"}, timeout=30)
    assert bare.status_code == 409 and "ha cambiado desde que abrió esta página" in bare.text
    assert rows(page_stack, "SELECT status FROM estimates WHERE number = %s", estimate.number) == [("sent",)]

    # The latest revision, read on the page that came back, is what the customer accepts.
    page.click("#accept")
    expect(page.locator("#banner")).to_contain_text(f"Ha aceptado el presupuesto {estimate.number}")
    expect(page.locator("#status")).to_have_text("aceptado")
    assert rows(page_stack, "SELECT status, revision, estimate_money(total, currency), decision_note FROM estimates "
                            "WHERE number = %s", estimate.number) == [("accepted", 2, new_total, "Adelante.")]
    expect(chat.locator(".msg.assistant", has_text=f"El cliente ha aceptado el presupuesto {estimate.number}.")) \
        .to_have_count(1, timeout=30000)


def test_an_smtp_failure_is_recorded_and_the_customer_and_plumber_are_unaffected(
    page_stack: Stack, plumber: tuple[Page, str], smtp: Smtp
) -> None:
    chat, conversation = plumber
    estimate = make_estimate(page_stack, conversation)
    smtp.stop()  # the mail server is down
    answer = httpx.post(page_stack.config.gateway_url + estimate.path,
                        data={"t": estimate.token, "revision": "1", "decision": "accepted"}, timeout=30)
    assert answer.status_code == 200 and f"Ha aceptado el presupuesto {estimate.number}" in answer.text
    expect(chat.locator(".msg.assistant", has_text=f"ha aceptado el presupuesto {estimate.number}")).to_have_count(
        1, timeout=30000)
    failed = wait_rows(page_stack, "SELECT kind, email_status, email_error FROM staff_notifications "
                                   "WHERE estimate_number = %s AND email_status <> 'pending'", estimate.number)
    assert len(failed) == 1
    assert failed[0][:2] == ("estimate_accepted", "failed")
    assert failed[0][2] and "ECONNREFUSED" in failed[0][2], failed[0][2]


def test_without_a_staff_address_notifications_are_recorded_as_skipped(
    page_stack: Stack, smtp: Smtp
) -> None:
    """No staff address (the setting staff_email empty, the default): nothing is e-mailed, the notification is
    still recorded. Staff empty it in the table remedios_settings, and the very next notification follows it: no
    restart (the workflows read their settings from Postgres, not from n8n's environment).
    Also an estimate made by staff by hand (no conversation): no chat message, staff are still told."""
    assert page_stack.settings["staff_email"] == STAFF  # written at start from REMEDIOS_STAFF_EMAIL
    assert page_stack.settings["public_url"] == page_stack.config.gateway_url  # REMEDIOS_PUBLIC_URL unset
    assert "REMEDIOS_STAFF_EMAIL" not in page_stack.n8n_env
    rows(page_stack, "UPDATE remedios_settings SET value = '' WHERE key = 'staff_email' RETURNING key")
    estimate = make_estimate(page_stack, None)
    answer = httpx.post(page_stack.config.gateway_url + estimate.path,
                        data={"t": estimate.token, "revision": "1", "decision": "rejected"}, timeout=30)
    assert answer.status_code == 200
    skipped = wait_rows(page_stack, "SELECT kind, conversation_id, email_status, email_to FROM staff_notifications "
                                    "WHERE estimate_number = %s", estimate.number)
    assert skipped == [("estimate_rejected", None, "skipped", None)]
    assert rows(page_stack, "SELECT count(*) FROM messages WHERE id = %s", f"estimate-decision:{estimate.number}") \
        == [(0,)]


def test_business_name_details_and_logo_come_from_estimate_settings(
    browser: Browser, page_stack: Stack, plumber: tuple[Page, str]
) -> None:
    estimate = make_estimate(page_stack, plumber[1])
    saved = rows(page_stack, "SELECT business_name, business_details, logo_url FROM estimate_settings")[0]
    try:
        rows(page_stack, "UPDATE estimate_settings SET business_name = %s, business_details = %s, logo_url = %s "
                         "RETURNING id", "Fontanería Pérez <e hijos>", "CIF B-12345678\nCalle Mayor 1, Madrid",
             LOGO)
        phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="es-ES", is_mobile=True).new_page()
        phone.goto(estimate.url)
        expect(phone.locator("#business")).to_have_text("Fontanería Pérez <e hijos>")
        expect(phone.locator(".details")).to_have_text("CIF B-12345678\nCalle Mayor 1, Madrid")
        expect(phone.locator(".brand img")).to_have_attribute("src", LOGO)
        assert phone.locator(".brand img").evaluate("img => img.naturalWidth") == 48
        expect(phone).to_have_title(f"Presupuesto {estimate.number} · Fontanería Pérez <e hijos>")
        phone.screenshot(path=str(SHOTS / "estimate-page-phone.png"), full_page=True)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling on a phone"
        # Only https:// addresses, paths of this site or embedded images are ever loaded as a logo.
        for bad in ('javascript:alert(1)', '/x" onerror="window.__xss = 3', '//evil.test/logo.png',
                    'data:text/html;base64,PHNjcmlwdD4='):
            rows(page_stack, "UPDATE estimate_settings SET logo_url = %s RETURNING id", bad)
            phone.reload()
            expect(phone.locator("#business")).to_be_visible()
            assert phone.locator("img").count() == 0, bad
            assert phone.evaluate("window.__xss") is None
    finally:
        rows(page_stack, "UPDATE estimate_settings SET business_name = %s, business_details = %s, logo_url = %s "
                         "RETURNING id", *saved)


def test_the_page_is_the_template_file_and_an_edited_file_is_served_without_touching_the_workflow(
    browser: Browser, page_stack: Stack, plumber: tuple[Page, str], tmp_path: Path
) -> None:
    """Issue 17: the page's HTML is n8n-workflows/estimates/page-template.html, put into page_templates by the
    stack's start and read by the workflow. An edited file, loaded as every start loads it, is what the next
    page shows (values still escaped); without a template the customer gets the gateway's Spanish "not
    available" page, not a blank one, and the failure names the missing template."""
    template = PAGE_TEMPLATES["estimate-page"]
    assert rows(page_stack, "SELECT sha256 FROM page_templates WHERE name = 'estimate-page'") == [
        (hashlib.sha256(template.read_bytes()).hexdigest(),)]
    estimate = make_estimate(page_stack, plumber[1])
    page = customer_page(browser)
    response = page.goto(estimate.url)
    assert response is not None and response.status == 200
    expect(page.locator("meta[name=generator]")).to_have_attribute(
        "content", "remedios:n8n-workflows/estimates/page-template.html")
    expect(page.locator("#decide h3")).to_have_text("¿Acepta este presupuesto?")

    edited = tmp_path / "page-template.html"
    edited.write_text(template.read_text(encoding="utf-8").replace(
        "<h3>¿Acepta este presupuesto?</h3>", "<h3>¿Le parece bien? (plantilla editada)</h3>"), encoding="utf-8")
    try:
        assert load_page_templates(page_stack.app_db, {"estimate-page": edited})[0]["changed"] is True
        page.reload()
        expect(page.locator("#decide h3")).to_have_text("¿Le parece bien? (plantilla editada)")
        expect(page.locator("tr.line", has_text="window.__xss = 1").locator(".desc")).to_have_text(XSS_NAME)
        assert page.evaluate("window.__xss") is None and page.locator("#lines img").count() == 0

        rows(page_stack, "DELETE FROM page_templates WHERE name = 'estimate-page' RETURNING name")
        answer = httpx.get(estimate.url, timeout=30)
        assert answer.status_code == 502 and "Servicio no disponible" in answer.text
        failed = wait_rows(page_stack, "SELECT failed_node, error_message FROM workflow_failures "
                                       "WHERE workflow_id = 'RmdEstimatePage1' AND error_message LIKE %s",
                           "%page-template.html%")
        assert failed and failed[0][0] == "Fill page template", failed
    finally:
        load_page_templates(page_stack.app_db, PAGE_TEMPLATES)
    page.reload()
    expect(page.locator("#decide h3")).to_have_text("¿Acepta este presupuesto?")
