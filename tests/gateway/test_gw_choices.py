"""A question asked back through the gateway (docs/contracts.md §1, §3, §4): the reply callback's optional
`choices` (checked; unusable ones are dropped and the text, which lists the cases, still goes out), pushed to
the web sockets and kept in the history; on WhatsApp the numbered text alone."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from gateway.choices import MAX_CHOICES, ChoicesError, check_choices, optional_choices
from tests.gateway.helpers import Gateway, recv, send

CHOICES = [
    {"slug": "inodoro-junta-cera", "title": "Fuga en la base del inodoro: cambiar la junta de cera"},
    {"slug": "atasco-general-retorno", "title": "El agua sucia sale por la ducha al tirar de la cadena"},
]
TEXT = ("Para darte el procedimiento correcto, ¿a cuál de estos casos se parece lo tuyo?\n\n"
        "1. Fuga en la base del inodoro: cambiar la junta de cera\n"
        "2. El agua sucia sale por la ducha al tirar de la cadena\n\n"
        "Responde con el número (o «ninguna» si no es ninguno de estos).")
BROWSER = "conv-cccccccc"
CONV = f"web:{BROWSER}"


def reply(choices: Any = ..., message_id: str = "reply-ask-1") -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "reply", "conversation_id": CONV, "channel": "web", "message_id": message_id,
        "in_reply_to": "msg-00000009", "text": TEXT, "timestamp": "2026-12-04T10:00:03.000Z",
    }
    if choices is not ...:
        body["choices"] = choices
    return body


def test_check_choices_keeps_slug_and_title() -> None:
    assert check_choices([{**CHOICES[0], "score": 1.2}, {**CHOICES[1], "title": "  El agua  sucia\n sale "}]) == [
        CHOICES[0], {"slug": "atasco-general-retorno", "title": "El agua sucia sale"}]


@pytest.mark.parametrize("bad", [
    "x", {}, [], [CHOICES[0]], CHOICES * MAX_CHOICES, [CHOICES[0], "b"], [CHOICES[0], {**CHOICES[1], "slug": "A B"}],
    [CHOICES[0], {**CHOICES[1], "title": " "}], [CHOICES[0], {**CHOICES[1], "title": "x" * 301}],
    [CHOICES[0], {"title": "sin slug"}],
])
def test_unusable_choices_are_refused(bad: Any) -> None:
    with pytest.raises(ChoicesError):
        check_choices(bad)
    assert optional_choices(bad) is None


async def test_a_question_asked_back_reaches_the_sockets_with_its_cases(gateway: Gateway) -> None:
    async with gateway.websocket(BROWSER) as ws:
        response = await gateway.callback(reply(CHOICES))
        assert response.status_code == 200 and await response.get_json() == {"delivered": 1}
        assert await recv(ws) == {"type": "reply", "id": "reply-ask-1", "in_reply_to": "msg-00000009",
                                  "role": "assistant", "text": TEXT, "timestamp": "2026-12-04T10:00:03.000Z",
                                  "choices": CHOICES}


async def test_unusable_choices_are_dropped_and_the_text_still_goes_out(gateway: Gateway) -> None:
    async with gateway.websocket(BROWSER) as ws:
        response = await gateway.callback(reply([{"slug": 1}]))
        assert response.status_code == 200
        event = await recv(ws)
    assert event["text"] == TEXT and "choices" not in event


async def test_history_passes_the_cases(gateway: Gateway, n8n: respx.MockRouter) -> None:
    n8n.routes["history"].mock(return_value=httpx.Response(200, json={"conversation_id": CONV, "messages": [
        {"id": "reply-ask-1", "role": "assistant", "text": TEXT, "timestamp": "2026-12-04T10:00:03.000Z",
         "choices": CHOICES},
        {"id": "reply-bad", "role": "assistant", "text": "Otra", "timestamp": "2026-12-04T10:00:04.000Z",
         "choices": "1, 2"},
    ]}))
    async with gateway.websocket(BROWSER) as ws:
        await send(ws, {"type": "history"})
        history = await recv(ws)
    assert history["messages"] == [
        {"id": "reply-ask-1", "role": "assistant", "text": TEXT, "timestamp": "2026-12-04T10:00:03.000Z",
         "choices": CHOICES},
        {"id": "reply-bad", "role": "assistant", "text": "Otra", "timestamp": "2026-12-04T10:00:04.000Z"},
    ]
