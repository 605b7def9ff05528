"""Rows of docs/faults.md shown with the real chat page (Debian's Chromium, Playwright) on the real stack: the web
half of "gateway killed while the answer is being written", and a real full disk (a small tmpfs) under the
gateway's outbox and WhatsApp store with messages in flight on both channels. Target for every row: 0 messages
lost, 0 duplicated."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, expect
import pytest

from devstack.stack import Stack
from tests.integration.conftest import rows, scratch_run_dir
from tests.integration.test_browser_chat import shown_once_after_reload
from tests.integration.test_fault_matrix import (
    check_whatsapp_answered_once, expected_sends, new_phone, post_webhook, whatsapp_body,
)
from tests.integration.test_faults import GROUNDED_QUESTION, model_held
from tests.support.fake_graph import FakeGraph

# slow: each row stops or fills a real part and waits for the re-drives (about 10 minutes for both modules on
# 2 cores), which took the default suite past 30 minutes; run with `make test-slow` or `pytest -m slow tests/integration/test_fault_matrix*.py`.
pytestmark = [pytest.mark.stack, pytest.mark.slow, pytest.mark.browser, pytest.mark.timeout(900)]


def wait_until(page: Page, check: Callable[[], Any], timeout: float, what: str) -> Any:
    """Poll `check` while the page keeps running (Playwright's sync events fire only inside its calls)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        page.wait_for_timeout(1000)
    raise AssertionError(f"{what}: not after {timeout:.0f} s")


def open_page(browser: Browser, stack: Stack, frames: list[dict[str, Any]]) -> Page:
    """The plumber's chat page (a phone), every event it receives from the gateway kept in `frames`."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="es-ES", is_mobile=True)
    page = context.new_page()

    def on_socket(socket: Any) -> None:
        def received(payload: Any) -> None:
            data = payload.get("payload") if isinstance(payload, dict) else payload
            with contextlib.suppress(ValueError, TypeError):
                frames.append(json.loads(data))
        socket.on("framereceived", received)

    page.on("websocket", on_socket)
    page.goto(stack.config.gateway_url + "/")
    expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=15000)
    return page


def page_conversation(page: Page) -> str:
    return "web:" + page.evaluate("window.localStorage.getItem('remedios.conversation')")


def send_on_page(page: Page, text: str) -> None:
    page.fill("#composer textarea", text)
    page.click("#send")



# ------------------------------------------------------------------------------------- gateway killed, web half
def test_a_web_reply_written_while_the_gateway_is_down_reaches_the_open_page_once(
        browser: Browser, stack: Stack) -> None:
    """Gateway killed (SIGKILL) while the answer is being written, the plumber's page open: n8n's tries fail, the
    reply stays owed; when the gateway is back the page reconnects by itself and shows the reply (history),
    then "Remedios · Replies: re-send to the gateway" hands it over and the gateway pushes it to the open page
    too. The page shows it once, and once after a reload."""
    frames: list[dict[str, Any]] = []
    page = open_page(browser, stack, frames)
    conversation = page_conversation(page)
    restarted = False
    try:
        with model_held(stack):
            send_on_page(page, GROUNDED_QUESTION)
            [(message_id,)] = wait_until(page, lambda: rows(
                stack, "SELECT id FROM messages WHERE conversation_id = %s AND role = 'user'", conversation),
                60, "the question stored")
            assert stack.gateway is not None
            stack.gateway.kill()
        expect(page.locator("#status")).not_to_have_attribute("data-status", "online", timeout=15000)
        # the model answers now; n8n's five tries find no gateway and the execution fails
        [(reply_id,)] = wait_until(page, lambda: rows(
            stack, "SELECT m.id FROM messages m JOIN workflow_failures f ON f.workflow_id = 'RmdChatAnswer001' "
                   "AND f.created_at > m.created_at AND f.failed_node = 'Store and send the reply' "
                   "WHERE m.in_reply_to = %s", message_id), 150, "the answer stored and n8n's tries over")
        assert rows(stack, "SELECT state FROM reply_deliveries WHERE message_id = %s", reply_id) == [("pending",)]
        assert page.locator(".msg.assistant").count() == 0
        stack.restart_gateway()
        restarted = True
        expect(page.locator("#status")).to_have_attribute("data-status", "online", timeout=30000)
        expect(page.locator(f'.msg.assistant[data-id="{reply_id}"]')).to_have_count(1, timeout=30000)
        wait_until(page, lambda: rows(stack, "SELECT 1 FROM reply_deliveries WHERE message_id = %s "
                                             "AND state = 'taken'", reply_id), 150, "the reply re-sent and taken")
        page.wait_for_timeout(5000)
    finally:
        if not restarted:
            stack.restart_gateway()
    pushed = [f for f in frames if f.get("type") == "reply" and f.get("id") == reply_id]
    in_history = [m for f in frames if f.get("type") == "history" for m in f.get("messages", [])
                  if m.get("id") == reply_id]
    # it reached the page twice (the history after the reconnect, then the re-send's push) and shows once
    assert len(in_history) >= 1 and len(pushed) == 1, (len(in_history), len(pushed))
    shown_once_after_reload(page, reply_id)
    expect(page.locator(".msg.user")).to_have_count(1)
    assert rows(stack, "SELECT count(*) FROM messages WHERE in_reply_to = %s", message_id) == [(1,)]
    page.context.close()


# ----------------------------------------------------------------------------------- a real full disk (tmpfs)
@contextlib.contextmanager
def small_disk(size_kib: int) -> Iterator[Path]:
    """A real filesystem of `size_kib` KiB (tmpfs), mounted for the test and gone after it."""
    mount_point = scratch_run_dir("full-disk")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs",
                              str(mount_point)], capture_output=True, text=True)
    if mounted.returncode != 0:
        mount_point.rmdir()
        pytest.skip(f"a tmpfs cannot be mounted here (needs root): {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
        mount_point.rmdir()


def empty_write_ahead_log(database: Path) -> None:
    """A TRUNCATE checkpoint on the gateway's SQLite file (a second connection, as SQLite allows): the log's
    pages go into the database and the log file is cut to zero bytes."""
    connection = sqlite3.connect(str(database), timeout=10)
    try:
        [(busy, _, _)] = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        assert busy == 0
    finally:
        connection.close()
    assert database.with_name(database.name + "-wal").stat().st_size == 0


def fill_up(folder: Path) -> Path:
    """Write a file until the filesystem answers ENOSPC, to its last page: the disk is now full."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (1 << 20, 4096, 1):
            chunk = b"\0" * size
            try:
                while True:
                    os.write(fd, chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC, exc
    finally:
        os.close(fd)
    return filler


@contextlib.contextmanager
def gateway_data_on(stack: Stack, folder: Path) -> Iterator[None]:
    """The gateway started again with its data (outbox, WhatsApp store) in `folder`; back to its own after."""
    stack.gateway_extra_env["GATEWAY_DATA_DIR"] = str(folder)
    try:
        stack.restart_gateway()
        yield
    finally:
        stack.gateway_extra_env.pop("GATEWAY_DATA_DIR", None)
        stack.restart_gateway()


def test_a_full_disk_under_the_gateway_loses_and_doubles_nothing(
        browser: Browser, stack: Stack, fake_graph: FakeGraph) -> None:
    """The gateway's data folder on a real filesystem that fills up (tmpfs, ENOSPC), with messages in flight:
    a web message that cannot be written to the outbox is not acknowledged and the page sends it again by itself;
    a WhatsApp message gets 500 (Meta delivers it again later); a WhatsApp reply written meanwhile cannot be queued
    and gets 503, stays owed in Postgres and is re-sent. Once there is room again, every message is stored once
    and answered exactly once, on the page and on WhatsApp."""
    phone = new_phone()
    wa_answered_later, wa_refused = (f"wamid.DISK{kind}{uuid.uuid4().hex[:12]}" for kind in ("REPLY", "IN"))
    frames: list[dict[str, Any]] = []
    with small_disk(16 * 1024) as disk, gateway_data_on(stack, disk / "gateway"):
        page = open_page(browser, stack, frames)
        conversation = page_conversation(page)
        filler = None
        try:
            with model_held(stack):
                response = post_webhook(stack, whatsapp_body(phone, wa_answered_later, GROUNDED_QUESTION))
                assert response.status_code == 200 and response.json()["accepted"] == 1
                wait_until(page, lambda: rows(stack, "SELECT 1 FROM messages WHERE id = %s", wa_answered_later),
                           60, "the WhatsApp question stored")
                # SQLite writes into room its files already have (a write-ahead log is reused after each
                # checkpoint): with its log emptied, as after a restart, the WhatsApp store needs new space too.
                empty_write_ahead_log(disk / "gateway" / "whatsapp.sqlite3")
                filler = fill_up(disk)
                # web: not written, not acknowledged; the page keeps it and sends it again (every 5 s)
                send_on_page(page, "¿Qué junta lleva un latiguillo de 3/8?")
                wait_until(page, lambda: [f for f in frames if f.get("type") == "error"
                                          and f.get("code") == "internal_error"], 30, "the page told")
                expect(page.locator(".msg.user")).to_have_count(1)
                assert not [f for f in frames if f.get("type") == "accepted"]
                # WhatsApp: 500, so Meta delivers it again later
                refused = post_webhook(stack, whatsapp_body(phone, wa_refused, "¿Y la junta del latiguillo?"))
                assert refused.status_code == 500
            # The model answers the first WhatsApp question now, the disk still full: the reply cannot be queued,
            # the gateway answers 503 to each of n8n's five tries and the reply stays owed.
            [(reply_id,)] = wait_until(page, lambda: rows(
                stack, "SELECT m.id FROM messages m JOIN workflow_failures f ON f.workflow_id = 'RmdChatAnswer001' "
                       "AND f.created_at > m.created_at AND f.failed_node = 'Store and send the reply' "
                       "WHERE m.in_reply_to = %s", wa_answered_later), 150, "the reply refused five times")
            assert rows(stack, "SELECT state FROM reply_deliveries WHERE message_id = %s", reply_id) == [("pending",)]
            assert fake_graph.sent(phone) == []
            assert len([f for f in frames if f.get("type") == "error" and f.get("code") == "internal_error"]) >= 2
            assert rows(stack, "SELECT count(*) FROM messages WHERE conversation_id = %s", conversation) == [(0,)]
            assert gateway_alive(stack)
        finally:
            if filler is not None:
                filler.unlink()  # room again
        # The page's next try is accepted; Meta's redelivery gets 200; the re-send workflow hands the reply over.
        [web_id] = wait_until(page, lambda: [f["id"] for f in frames if f.get("type") == "accepted"], 30,
                              "the web message accepted")
        redelivered = post_webhook(stack, whatsapp_body(phone, wa_refused, "¿Y la junta del latiguillo?"))
        assert redelivered.status_code == 200 and redelivered.json()["accepted"] == 1
        expect(page.locator(".msg.assistant")).to_have_count(1, timeout=120000)
        wait_until(page, lambda: expected_sends(stack, [wa_answered_later, wa_refused]) is not None
                   and len(fake_graph.sent(phone)) >= expected_sends(stack, [wa_answered_later, wa_refused]),
                   180, "both WhatsApp answers sent")
        page.wait_for_timeout(35000)  # a further round of the re-send workflow: nothing goes out twice
        expect(page.locator(".msg.assistant")).to_have_count(1)
        expect(page.locator(".msg.user")).to_have_count(1)
        assert len([f for f in frames if f.get("type") == "reply"]) == 1
        page.context.close()
    assert rows(stack, "SELECT id FROM messages WHERE conversation_id = %s AND role = 'user'", conversation) == [
        (web_id,)]
    assert rows(stack, "SELECT count(*) FROM messages WHERE in_reply_to = %s", web_id) == [(1,)]
    check_whatsapp_answered_once(stack, fake_graph, phone, [wa_answered_later, wa_refused])
    assert rows(stack, "SELECT state FROM reply_deliveries WHERE message_id = %s", reply_id) == [("taken",)]


def gateway_alive(stack: Stack) -> bool:
    return stack.gateway is not None and stack.gateway.alive()
