"""Pure parts of the WhatsApp channel: signature check, webhook parsing, message splitting."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.whatsapp.text import MAX_TEXT, split_message
from gateway.whatsapp.webhook import (
    AUDIO,
    IGNORED,
    INTERACTIVE,
    MEDIA,
    TEXT,
    UNSUPPORTED,
    parse_body,
    signature_valid,
)
from tests.support import wa_payloads as wa


def test_signature_is_checked_on_the_raw_bytes() -> None:
    body = wa.messages_body(wa.text_message("wamid.A", "hola"))
    assert signature_valid("s3cret", wa.signature("s3cret", body), body)
    assert signature_valid("s3cret", wa.signature("s3cret", body).upper().replace("SHA256=", "sha256="), body)
    assert not signature_valid("s3cret", wa.signature("other", body), body)
    assert not signature_valid("s3cret", wa.signature("s3cret", body), body + b" ")
    assert not signature_valid("s3cret", None, body)
    assert not signature_valid("s3cret", "sha1=abc", body)
    assert not signature_valid("", wa.signature("", body), body)  # no secret configured: nothing is valid
    assert not signature_valid("s3cret", "sha256=ñ", body)


def test_every_message_kind_is_parsed() -> None:
    batch = parse_body(
        wa.messages_body(
            wa.text_message("wamid.T", "Hola"),
            wa.voice_message("wamid.V"),
            wa.image_message("wamid.I", "foto"),
            wa.document_message("wamid.D"),
            wa.button_reply("wamid.B"),
            wa.list_reply("wamid.L"),
            wa.template_button("wamid.TB"),
            wa.location_message("wamid.LOC"),
            wa.unknown_message("wamid.U"),
            wa.reaction_message("wamid.R"),
        )
    )
    kinds = {m.wamid: m.kind for m in batch.messages}
    assert kinds == {
        "wamid.T": TEXT,
        "wamid.V": AUDIO,
        "wamid.I": MEDIA,
        "wamid.D": MEDIA,
        "wamid.B": INTERACTIVE,
        "wamid.L": INTERACTIVE,
        "wamid.TB": INTERACTIVE,
        "wamid.LOC": UNSUPPORTED,
        "wamid.U": UNSUPPORTED,
        "wamid.R": IGNORED,
    }
    voice = next(m for m in batch.messages if m.wamid == "wamid.V")
    assert voice.media is not None and voice.media.voice and voice.media.id == "1037543291543636"
    assert voice.media.mime_type == "audio/ogg; codecs=opus"
    assert all(
        m.profile_name == wa.PLUMBER_NAME and m.conversation_id == f"wa:{wa.PLUMBER}" for m in batch.messages
    )
    doc = next(m for m in batch.messages if m.wamid == "wamid.D")
    assert doc.media is not None and doc.media.filename == "presupuesto.pdf"
    button = next(m for m in batch.messages if m.wamid == "wamid.B")
    assert button.context_id and button.reply_id == "fuga-si" and button.text == "Sí, hay fuga"
    assert batch.skipped == 0


def test_statuses_are_parsed_and_garbage_is_skipped() -> None:
    body = wa.dumps(
        wa.envelope(
            {
                "statuses": [
                    wa.status("wamid.X", "sent"),
                    wa.status("wamid.X", "played"),
                    {"id": "wamid.X", "status": "weird"},
                    "nope",
                ],
                "messages": [{"id": "wamid.NOFROM", "type": "text"}, 42],
            }
        )
    )
    batch = parse_body(body)
    assert [(s.wamid, s.status) for s in batch.statuses] == [("wamid.X", "sent"), ("wamid.X", "played")]
    assert batch.messages == [] and batch.skipped == 4


def test_not_json_or_wrong_shapes_give_an_empty_batch() -> None:
    for body in (
        b"",
        b"\xff\xfe",
        b"[]",
        b'{"entry": 5}',
        b'{"entry": [{"changes": [1, {"value": []}]}]}',
        b"[" * 5000,
    ):
        batch = parse_body(body)
        assert batch.messages == [] and batch.statuses == []


# ----- splitting -------------------------------------------------------------------------------------------
def test_short_text_is_one_part() -> None:
    assert split_message("  Cierre la llave.  ") == ["Cierre la llave."]
    assert split_message("") == []


def test_split_prefers_sentence_ends_then_lines_then_spaces() -> None:
    assert split_message("Uno. Dos tres cuatro. Cinco.", 22) == ["Uno. Dos tres cuatro.", "Cinco."]
    assert split_message("linea uno sin punto\nlinea dos", 22) == ["linea uno sin punto", "linea dos"]
    assert split_message("palabra " * 5, 20) == ["palabra palabra", "palabra palabra", "palabra"]
    assert split_message("x" * 45, 20) == ["x" * 20, "x" * 20, "x" * 5]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab .!?\n¿¡ñ…"), max_size=400), st.integers(min_value=2, max_value=60)
)
def test_split_never_exceeds_the_limit_and_keeps_every_word(text: str, limit: int) -> None:
    parts = split_message(text, limit)
    assert all(0 < len(p) <= limit and p == p.strip() for p in parts)
    assert "".join("".join(parts).split()) == "".join(text.split())


def test_real_limit_is_4096() -> None:
    parts = split_message("Frase de prueba número uno. " * 400)
    assert len(parts) == 3 and all(len(p) <= MAX_TEXT for p in parts)


# ----- fuzz: the parser never raises on anything JSON can express -------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_parser_never_raises_on_arbitrary_json(value: object) -> None:
    parse_body(json.dumps(value).encode())


@settings(max_examples=300, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "from": st.one_of(st.text(max_size=25), st.integers(), st.none()),
            "id": st.one_of(st.text(max_size=30), st.none(), st.integers()),
            "timestamp": st.one_of(
                st.text(max_size=15), st.integers(min_value=-(10**20), max_value=10**20), st.none()
            ),
            "type": st.sampled_from(
                [
                    "text",
                    "audio",
                    "image",
                    "document",
                    "interactive",
                    "button",
                    "sticker",
                    "video",
                    "location",
                    "reaction",
                    "unsupported",
                    "x",
                ]
            ),
        },
        optional={k: json_values for k in ("text", "audio", "image", "interactive", "button", "context")},
    )
)
def test_parser_never_raises_on_message_shaped_garbage(message: dict) -> None:
    parse_body(wa.messages_body(message))
