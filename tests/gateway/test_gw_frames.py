"""parse_frame unit tests and a property: whatever the input, only a frame or a FrameError comes out."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.channels.web_frames import (
    MESSAGES_ES,
    FrameError,
    HistoryFrame,
    MessageFrame,
    PingFrame,
    parse_frame,
)

LIMITS = {"max_frame_bytes": 16 * 1024, "max_message_chars": 4000}
CODES = {"invalid_json", "invalid_frame", "empty_message", "message_too_long", "frame_too_large"}


def test_valid_frames() -> None:
    assert parse_frame('{"type":"ping"}', **LIMITS) == PingFrame()
    assert parse_frame('{"type":"history"}', **LIMITS) == HistoryFrame()
    assert parse_frame('{"type":"message","id":"0b8f2f3e-9a51-4d6c-8c0e-5f1d9a7b6c3e","text":" hola "}',
                       **LIMITS) == MessageFrame(id="0b8f2f3e-9a51-4d6c-8c0e-5f1d9a7b6c3e", text="hola")
    # unknown extra keys are ignored (forward compatible)
    assert parse_frame('{"type":"ping","v":2}', **LIMITS) == PingFrame()


def test_every_code_has_spanish_text() -> None:
    assert set(MESSAGES_ES) == CODES | {"rate_limited", "history_unavailable", "internal_error"}
    assert all(text and text[0].isupper() for text in MESSAGES_ES.values())


def test_message_too_long_names_the_limit() -> None:
    with pytest.raises(FrameError) as info:
        parse_frame(json.dumps({"type": "message", "id": "abcdefgh", "text": "x" * 11}),
                    max_frame_bytes=4096, max_message_chars=10)
    assert info.value.code == "message_too_long" and "10" in info.value.message


def test_frame_size_counts_utf8_bytes() -> None:
    text = "€" * 1000  # 1000 chars, 3000 bytes
    frame = json.dumps({"type": "message", "id": "abcdefgh", "text": text}, ensure_ascii=False)
    with pytest.raises(FrameError) as info:
        parse_frame(frame, max_frame_bytes=2048, max_message_chars=4000)
    assert info.value.code == "frame_too_large"
    assert parse_frame(frame, max_frame_bytes=4096, max_message_chars=4000).text == text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
frame_dicts = st.fixed_dictionaries(
    {},
    optional={
        "type": st.sampled_from(["message", "history", "ping", "pong", "", "MESSAGE"]) | st.text(max_size=8),
        "id": st.from_regex(r"[A-Za-z0-9_-]{6,70}", fullmatch=True) | json_values,
        "text": st.text(max_size=60) | json_values,
    },
)
raw_frames = st.one_of(
    st.text(max_size=200),
    st.binary(max_size=100),
    json_values.map(json.dumps),
    frame_dicts.map(json.dumps),
    frame_dicts.map(lambda d: json.dumps(d, ensure_ascii=False)),
)


@settings(max_examples=400, deadline=None)
@given(raw=raw_frames)
def test_parse_frame_only_returns_a_frame_or_frame_error(raw: str | bytes) -> None:
    try:
        frame = parse_frame(raw, max_frame_bytes=1024, max_message_chars=50)
    except FrameError as exc:
        assert exc.code in CODES
        assert exc.event()["type"] == "error"
        return
    assert isinstance(frame, MessageFrame | HistoryFrame | PingFrame)
    if isinstance(frame, MessageFrame):
        assert 1 <= len(frame.text) <= 50 and frame.text == frame.text.strip()
        frame.text.encode("utf-8")  # always storable and sendable
