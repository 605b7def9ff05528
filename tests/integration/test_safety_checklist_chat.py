"""The checklist's new safety rules through the real chat (WebSocket in, reply out): the fixed message comes
first and is stored with the answer; a look-alike question gets none (docs/safety-checklist.md)."""

from __future__ import annotations

import pytest

from devstack.stack import Stack
from tests.integration.conftest import rows

pytestmark = [pytest.mark.stack, pytest.mark.timeout(600)]


async def ask(open_chat, text: str) -> tuple[str, dict]:
    async with open_chat() as chat:
        message_id = await chat.send_message(text)
        reply = await chat.reply_to(message_id)
    return message_id, reply


@pytest.mark.parametrize("question, slug", [
    ("tengo que bajar a la fosa séptica a destapar el tubo", "espacio-confinado"),
    ("el calefon esta en el baño y no tiene ventilacion", "gas-aparato-ventilacion"),
    ("le eche salfuman y no baja, le pongo lejia tambien?", "productos-quimicos"),
    # the second checklist (tests/knowledge/safety_checklist_2.jsonl)
    ("el termo gotea encima de la caja de conexiones y cuando lo enciendo salta el diferencial",
     "termo-electrico-fuga"),
])
async def test_a_checklist_danger_gets_its_message_first(stack: Stack, open_chat, question: str, slug: str) -> None:
    [(message,)] = rows(stack, "SELECT message FROM safety_rules WHERE slug = %s", slug)
    message_id, reply = await ask(open_chat, question)
    assert reply["text"].startswith(message)
    [(metadata,)] = rows(stack, "SELECT metadata FROM messages WHERE in_reply_to = %s", message_id)
    assert metadata["safety_rule"] == slug


async def test_a_look_alike_gets_no_warning(stack: Stack, open_chat) -> None:
    message_id, reply = await ask(open_chat, "soy gasfiter y tengo una fuga en el lavamanos")
    assert not reply["text"].startswith("AVISO DE SEGURIDAD")
    [(metadata,)] = rows(stack, "SELECT metadata FROM messages WHERE in_reply_to = %s", message_id)
    assert metadata["safety_rule"] is None
