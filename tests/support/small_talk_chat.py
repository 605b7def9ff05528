"""Checks shared by the integration tests of small talk (tests/integration/test_small_talk_38.py, _39.py): an
off-topic message and then a real question in one conversation, through the real chat."""

from __future__ import annotations

from typing import Any

from devstack.stack import Stack
from eval.prompting import NOT_FOUND_REPLY
from tests.integration.conftest import rows
from tests.workflows.test_answer_shape import SETTINGS


def reply_metadata(stack: Stack, message_id: str) -> dict[str, Any]:
    """The stored metadata of the reply to a message."""
    [(metadata,)] = rows(stack, "SELECT metadata FROM messages WHERE in_reply_to = %s", message_id)
    return metadata


async def off_topic_then_a_question(stack: Stack, chat: Any, off_topic: str, question: str) -> None:
    """The off-topic message gets the short off-topic reply (no search, no "No estoy seguro", no question asked
    back); the plumbing question after it, in the same conversation, still reaches the knowledge base."""
    sent = await chat.send_message(off_topic)
    reply = await chat.reply_to(sent)
    assert reply["text"] == SETTINGS["off_topic_text"] and "fontanería" in reply["text"]
    assert "article" not in reply and "choices" not in reply
    metadata = reply_metadata(stack, sent)
    assert metadata["small_talk"] is True and metadata["grounded"] is False and metadata["sources"] == []

    asked = await chat.send_message(question)
    answer = await chat.reply_to(asked)
    assert answer["text"] not in (SETTINGS["off_topic_text"], NOT_FOUND_REPLY)
    metadata = reply_metadata(stack, asked)
    assert "small_talk" not in metadata
    assert metadata["sources"] or metadata.get("choices"), metadata   # answered from an article, or asked which
