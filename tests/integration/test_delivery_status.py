"""The delivery-status workflow: channel ids are linked to messages and statuses never go backwards."""

from __future__ import annotations

import httpx
import pytest

from devstack.stack import Stack
from tests.integration.conftest import rows

pytestmark = [pytest.mark.stack, pytest.mark.timeout(300)]


def report(stack: Stack, *events: dict) -> dict:
    response = httpx.post(stack.config.n8n_url + "/webhook/remedios-status", json={"events": list(events)},
                          headers={"X-Remedios-Token": stack.secrets["N8N_WEBHOOK_TOKEN"]}, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


async def test_statuses_are_stored_in_order_of_progress(stack: Stack, open_chat) -> None:
    async with open_chat() as chat:
        question = await chat.send_message("¿Qué presión de agua es normal en una vivienda?")
        reply = await chat.reply_to(question)
    answer_id = reply["id"]
    assert report(stack, {"message_id": answer_id, "external_id": "wamid.TEST1", "status": "sent"})["updated"] == 1
    report(stack, {"external_id": "wamid.TEST1", "status": "read", "timestamp": "2026-11-23T10:01:00Z"})
    report(stack, {"external_id": "wamid.TEST1", "status": "delivered", "timestamp": "2026-11-23T10:00:30Z"})
    assert rows(stack, "SELECT external_id, delivery_status FROM messages WHERE id = %s", answer_id) == [
        ("wamid.TEST1", "read")]
    report(stack, {"external_id": "wamid.TEST1", "status": "failed", "error": "131047: outside the 24 h window"})
    assert rows(stack, "SELECT delivery_status, delivery_error FROM messages WHERE id = %s", answer_id) == [
        ("failed", "131047: outside the 24 h window")]


def test_unknown_or_malformed_reports_change_nothing(stack: Stack) -> None:
    assert report(stack, {"external_id": "wamid.NOPE", "status": "read"}) == {"status": "stored", "received": 1, "updated": 0}
    assert report(stack, {"external_id": "wamid.NOPE", "status": "exploded"})["received"] == 0
    response = httpx.post(stack.config.n8n_url + "/webhook/remedios-status", json={"events": []},
                          headers={"X-Remedios-Token": "wrong"}, timeout=30)
    assert response.status_code == 403
