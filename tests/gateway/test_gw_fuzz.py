"""Random frames and callbacks against a real Hypercorn server: never a dropped socket, never a 500."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.sync.client import ClientConnection, connect

from gateway.signing import sign
from tests.gateway.helpers import SECRET, make_settings
from tests.gateway.support import FakeN8n, LiveGateway, free_port, n8n_settings

pytestmark = pytest.mark.timeout(60)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveGateway]:
    n8n = FakeN8n(port=free_port())
    # the frames' parsing under test, not the abuse limits (one socket sends hundreds of messages n8n never answers)
    s = make_settings(Path(tmp_path_factory.mktemp("fuzz")), port=free_port(), address_messages_per_minute=0,
                      address_max_pending=0)
    gw = LiveGateway(n8n_settings(s, n8n.base_url), n8n=n8n).start()
    yield gw
    gw.stop()


@pytest.fixture(scope="module")
def socket(live: LiveGateway) -> Iterator[ClientConnection]:
    with connect(live.ws_url + "?conversation=fuzz-aaaaaaaa", max_size=None) as ws:
        yield ws


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=6), c, max_size=3),
    max_leaves=10,
)
frames = st.one_of(
    st.text(max_size=300),
    st.binary(max_size=64),
    json_values.map(json.dumps),
    st.fixed_dictionaries(
        {"type": st.sampled_from(["message", "history", "ping", "nope"])},
        optional={"id": st.from_regex(r"[A-Za-z0-9_-]{7,66}", fullmatch=True) | json_values,
                  "text": st.text(max_size=80) | json_values},
    ).map(lambda d: json.dumps(d, ensure_ascii=False)),
    st.integers(16 * 1024 - 64, 40 * 1024).map(lambda n: '{"type":"message","id":"abcdefgh","text":"' + "x" * n + '"}'),
)
EVENT_TYPES = {"error", "accepted", "history", "pong"}


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(frame=frames)
def test_random_frames_get_an_answer_and_never_drop_the_socket(socket: ClientConnection, frame: str | bytes) -> None:
    socket.send(frame)
    event = json.loads(socket.recv(timeout=3))
    assert event["type"] in EVENT_TYPES
    if event["type"] == "error":
        assert event["code"] in {"invalid_json", "invalid_frame", "empty_message", "message_too_long",
                                 "frame_too_large", "history_unavailable"}
    socket.send('{"type":"ping"}')
    assert json.loads(socket.recv(timeout=3)) == {"type": "pong"}


header_values = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80).map(str.strip)
bodies = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries(
        {"type": st.sampled_from(["reply", "typing", "other"])},
        optional={"conversation_id": st.sampled_from(["web:fuzz-aaaaaaaa", "web:", ":x", "x"]) | json_values,
                  "channel": st.sampled_from(["web", "whatsapp"]) | json_values,
                  "message_id": st.text(max_size=10) | json_values,
                  "text": st.text(max_size=20) | json_values,
                  "timestamp": st.text(max_size=10) | json_values,
                  "in_reply_to": st.text(max_size=10) | json_values,
                  "active": json_values},
    ).map(lambda d: json.dumps(d).encode()),
)


@pytest.fixture(scope="module")
def http(live: LiveGateway) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.http_url, timeout=5) as client:
        yield client


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies, signed=st.booleans(), ts=header_values, sig=header_values)
def test_random_callbacks_never_500(http: httpx.Client, body: bytes, signed: bool, ts: str, sig: str) -> None:
    headers = sign(SECRET, body) if signed else {"X-Remedios-Timestamp": ts, "X-Remedios-Signature": sig}
    response = http.post("/callbacks/n8n", content=body, headers=headers)
    assert response.status_code in ({200, 400} if signed else {401})
    response.json()


@pytest.mark.parametrize("frame", [b"", "", " ", b"\x00\xff", "\ud800".encode("utf-8", "surrogatepass")])
def test_edge_frames_over_a_real_socket(socket: ClientConnection, frame: str | bytes) -> None:
    socket.send(frame)
    event = json.loads(socket.recv(timeout=3))
    assert event["type"] == "error" and event["code"] in {"invalid_json", "invalid_frame"}
    socket.send('{"type":"ping"}')
    assert json.loads(socket.recv(timeout=3)) == {"type": "pong"}


def test_frame_above_the_hard_limit_closes_with_1009(live: LiveGateway) -> None:
    """Between GATEWAY_MAX_FRAME_BYTES and the hard limit: an error event; above it Hypercorn closes (1009)."""
    from websockets.exceptions import ConnectionClosed

    with connect(live.ws_url + "?conversation=fuzz-bbbbbbbb", max_size=None) as ws:
        ws.send("x" * (live.settings.ws_hard_limit_bytes - 1000))
        assert json.loads(ws.recv(timeout=3))["code"] == "frame_too_large"
        ws.send("x" * (live.settings.ws_hard_limit_bytes + 1))
        with pytest.raises(ConnectionClosed) as info:
            ws.recv(timeout=3)
        assert info.value.rcvd is not None and info.value.rcvd.code == 1009


def test_burst_of_frames_is_throttled_not_disconnected(live: LiveGateway) -> None:
    """A client that sends many frames before reading gets every answer (flow control, no 1013)."""
    with connect(live.ws_url + "?conversation=fuzz-burst-aaaa", max_size=None) as ws:
        n = live.settings.socket_queue_size * 3
        for _ in range(n):
            ws.send('{"type":"ping"}')
        answers = [json.loads(ws.recv(timeout=10)) for _ in range(n)]
        assert answers == [{"type": "pong"}] * n


def test_overflowing_socket_is_closed_1013_over_a_real_connection(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Events pushed faster than the writer drains (here: in one loop turn) close the socket with 1013."""
    from websockets.exceptions import ConnectionClosed

    n8n = FakeN8n(port=free_port())
    s = make_settings(Path(tmp_path_factory.mktemp("overflow")), port=free_port(), socket_queue_size=4)
    gw = LiveGateway(n8n_settings(s, n8n.base_url), n8n=n8n).start()
    try:
        with connect(gw.ws_url + "?conversation=fuzz-overflow-a") as ws:
            ws.send('{"type":"ping"}')
            assert json.loads(ws.recv(timeout=5)) == {"type": "pong"}

            async def flood() -> list[int]:
                hub = gw.runtime.hub
                return [await hub.publish("web:fuzz-overflow-a", {"type": "typing", "active": True}) for _ in range(10)]

            assert gw.call(flood) == [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
            received = []
            with pytest.raises(ConnectionClosed) as info:
                while True:
                    received.append(json.loads(ws.recv(timeout=5)))
            assert received == [{"type": "typing", "active": True}] * 4
            assert info.value.rcvd is not None and info.value.rcvd.code == 1013
    finally:
        gw.stop()
