"""A person takes over a WhatsApp conversation: the notices and the person's answer reach the plumber through
the gateway's WhatsApp channel (Graph API faked on loopback), the agent stays silent, and outside WhatsApp's
24-hour window free text is refused in the console and nothing is sent."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest

from devstack.stack import Stack
from tests.integration.conftest import rows
from tests.integration.staff_client import logged_in
from tests.integration.test_whatsapp import new_phone, post_webhook, wait_until
from tests.support import wa_payloads as wa
from tests.support.fake_graph import FakeGraph

pytestmark = [pytest.mark.stack, pytest.mark.timeout(300)]


def plumber_writes(stack: Stack, phone: str, text: str) -> str:
    wamid = f"wamid.TK{uuid.uuid4().hex[:16]}"
    body = wa.messages_body(wa.text_message(wamid, text, phone=phone, ts=str(int(time.time()))),
                            contacts=[wa.contact(phone, "Pepe Tuberías")])
    assert post_webhook(stack, body).status_code == 200
    return wamid


def texts(fake_graph: FakeGraph, phone: str) -> list[str]:
    return [m["text"]["body"] for m in fake_graph.sent(phone) if m.get("type") == "text"]


async def test_a_person_answers_on_whatsapp_and_the_24_hour_window_is_kept(stack: Stack, fake_graph: FakeGraph) -> None:
    phone = new_phone()
    conversation = f"wa:{phone}"
    first = plumber_writes(stack, phone, "hola")
    await wait_until(lambda: texts(fake_graph, phone), timeout=60)  # small talk, answered at once

    async with logged_in(stack, "Ana García") as ana:
        listed = (await ana.ask("list"))["conversations"]
        assert next(c for c in listed if c["id"] == conversation)["name"] == "Pepe Tuberías"
        assert (await ana.act("take", conversation))["ok"]
        await wait_until(lambda: any("se ha unido" in t for t in texts(fake_graph, phone)), timeout=30)

        said = await ana.act("reply", conversation, text="Hola Pepe, soy Ana. ¿Me manda una foto de la llave?")
        assert said["ok"]
        await wait_until(lambda: "Hola Pepe, soy Ana. ¿Me manda una foto de la llave?" in texts(fake_graph, phone), 30)
        await wait_until(lambda: rows(stack, "SELECT delivery_status FROM messages WHERE id = %s",
                                      said["message_id"]) == [("sent",)], timeout=30)

        # The plumber writes on WhatsApp: staff see it, the agent does not answer.
        sent_before = len(fake_graph.sent(phone))
        asked = plumber_writes(stack, phone, "gracias")
        await ana.wait_for(lambda e: e.get("type") == "activity" and e.get("message_id") == asked, 30)
        await asyncio.sleep(6)
        assert len(fake_graph.sent(phone)) == sent_before
        assert rows(stack, "SELECT count(*) FROM messages WHERE in_reply_to = %s", asked) == [(0,)]

        # A send WhatsApp refuses (e.g. 131047): the failure shows on that message in the console.
        fake_graph.fail_next.append((400, {"error": {"message": "Re-engagement message", "code": 131047}}))
        refused_by_meta = await ana.act("reply", conversation, text="¿Le llegó mi mensaje?")
        assert refused_by_meta["ok"]
        await wait_until(lambda: rows(stack, "SELECT delivery_status FROM messages WHERE id = %s",
                                      refused_by_meta["message_id"]) == [("failed",)], timeout=60)
        thread = await ana.ask("thread", conversation_id=conversation)
        failed = next(m for m in thread["messages"] if m["id"] == refused_by_meta["message_id"])
        assert failed["delivery_status"] == "failed" and "131047" in failed["delivery_error"]
        sent_before = len(fake_graph.sent(phone))

        # More than 24 hours since the plumber's last message: free text is refused and nothing goes out.
        rows(stack, "UPDATE messages SET created_at = created_at - interval '25 hours' "
                    "WHERE conversation_id = %s AND role = 'user' RETURNING 1", conversation)
        thread = await ana.ask("thread", conversation_id=conversation)
        assert thread["conversation"]["window_open"] is False
        refused = await ana.act("reply", conversation, text="¿Sigue ahí?")
        assert refused["ok"] is False and refused["error"] == "outside_window" and "24 horas" in refused["message"]

        # The approved template instead: refused while none is configured, then sent once as a Graph template.
        assert thread["conversation"]["template_ready"] is False
        none_yet = await ana.act("template", conversation)
        assert none_yet["ok"] is False and none_yet["error"] == "no_template"
        rows(stack, "UPDATE staff_settings SET whatsapp_template_name = 'retomar_consulta', "
                    "whatsapp_template_language = 'es_MX' RETURNING 1")
        key = "tmpl-" + phone[-8:]
        template = await ana.act("template", conversation, key=key)
        assert template["ok"] and template["message_id"] == f"staff-template:{key}"
        again = await ana.act("template", conversation, key=key)  # a double click or a retry
        assert again["ok"] and again.get("duplicate")
        await wait_until(lambda: [m for m in fake_graph.sent(phone) if m.get("type") == "template"], timeout=60)
        await asyncio.sleep(2)
        templates = [m for m in fake_graph.sent(phone) if m.get("type") == "template"]
        assert [t["template"] for t in templates] == [{"name": "retomar_consulta", "language": {"code": "es_MX"}}]
        assert len(fake_graph.sent(phone)) == sent_before + 1
        sent_before += 1
        assert (await ana.act("handback", conversation))["ok"]  # allowed, but no "left" notice is sent
        await asyncio.sleep(3)
        assert len(fake_graph.sent(phone)) == sent_before
        assert rows(stack, "SELECT count(*) FROM messages WHERE conversation_id = %s AND text = '¿Sigue ahí?'",
                    conversation) == [(0,)]
    assert first
