"""ChatML rendering (the chat format of Qwen2.5 and many other GGUF instruct models).

gpt4all 2.8.2 is called with the whole rendered conversation as the prompt, the template
``%1`` and ``special=True``, so that ``<|im_start|>``/``<|im_end|>`` become the control
tokens the model was trained on. Because special tokens are parsed everywhere in that prompt,
text inside a message that spells a control token is neutralised first: a user cannot close
their own turn and forge a system message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

IM_START = "<|im_start|>"
IM_END = "<|im_end|>"
END_OF_TEXT = "<|endoftext|>"

#: Text that ends an assistant turn; generation stops there and it is never returned.
STOP_STRINGS: tuple[str, ...] = (IM_END, END_OF_TEXT, IM_START)

#: Qwen2.5's own default, used by its chat template when the conversation has no system message.
QWEN_DEFAULT_SYSTEM_PROMPT = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant."

_SPECIAL_TOKEN = re.compile(r"<\|(im_start|im_end|endoftext)\|>")


@dataclass(frozen=True)
class ChatMessage:
    role: str  # "system", "user" or "assistant"
    content: str


def neutralise_special_tokens(text: str) -> str:
    """Make control-token spellings harmless: ``<|im_end|>`` becomes ``<|​im_end|>`` (zero-width space)."""
    return _SPECIAL_TOKEN.sub(lambda m: "<|\u200b" + m.group(1) + "|>", text)


def render_chatml(messages: Sequence[ChatMessage], default_system_prompt: str | None = None) -> str:
    """Render ``messages`` as ChatML, ending with an open assistant turn for the model to complete."""
    parts: list[str] = []
    if default_system_prompt and (not messages or messages[0].role != "system"):
        parts.append(f"{IM_START}system\n{neutralise_special_tokens(default_system_prompt)}{IM_END}\n")
    for message in messages:
        parts.append(f"{IM_START}{message.role}\n{neutralise_special_tokens(message.content)}{IM_END}\n")
    parts.append(f"{IM_START}assistant\n")
    return "".join(parts)
