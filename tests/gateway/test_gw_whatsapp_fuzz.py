"""Random (signed) webhook bodies against a real Hypercorn server with WhatsApp enabled: never a 500."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.gateway.helpers import make_settings
from tests.gateway.support import FakeN8n, LiveGateway, free_port, n8n_settings
from tests.support import wa_payloads as wa
from tests.support.fake_graph import FakeGraph

pytestmark = pytest.mark.timeout(120)
SECRET = "fuzz-app-secret"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveGateway]:
    graph = FakeGraph().start()
    n8n = FakeN8n(port=free_port())
    s = make_settings(Path(tmp_path_factory.mktemp("wafuzz")), port=free_port())
    s = n8n_settings(s, n8n.base_url).replace(
        whatsapp_verify_token="v",
        whatsapp_app_secret=SECRET,
        whatsapp_access_token=graph.token,
        whatsapp_phone_number_id=graph.phone_number_id,
        whatsapp_graph_url=graph.url,
        n8n_status_webhook_url=n8n.base_url + "/webhook/remedios-status",
    )
    gw = LiveGateway(s, n8n=n8n).start()
    yield gw
    gw.stop()
    graph.stop()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
    max_leaves=12,
)
message_types = st.sampled_from(
    [
        "text",
        "audio",
        "image",
        "document",
        "interactive",
        "button",
        "sticker",
        "location",
        "reaction",
        "unsupported",
        "order",
        "",
    ]
)
messages = st.fixed_dictionaries(
    {
        "from": st.one_of(st.from_regex(r"[0-9]{5,15}", fullmatch=True), json_values),
        "id": st.one_of(st.from_regex(r"wamid\.[A-Za-z0-9=]{1,40}", fullmatch=True), json_values),
        "type": message_types,
    },
    optional={
        "timestamp": st.one_of(st.from_regex(r"[0-9]{1,12}", fullmatch=True), json_values),
        "text": st.one_of(st.fixed_dictionaries({"body": st.text(max_size=50)}), json_values),
        "interactive": json_values,
        "audio": json_values,
        "image": json_values,
        "context": json_values,
    },
)
bodies = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.lists(messages, max_size=3).map(lambda ms: wa.messages_body(*ms)),
    st.lists(
        st.fixed_dictionaries(
            {
                "id": st.text(max_size=20),
                "status": st.sampled_from(["sent", "delivered", "read", "failed", "x"]),
            },
            optional={"errors": json_values, "timestamp": json_values},
        ),
        max_size=3,
    ).map(lambda ss: wa.statuses_body(*ss)),
    st.lists(json_values, max_size=3).map(
        lambda vs: wa.dumps(wa.envelope({"messages": vs, "statuses": vs, "contacts": vs}))
    ),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies, signed=st.booleans())
def test_random_webhook_bodies_never_get_a_500(live: LiveGateway, body: bytes, signed: bool) -> None:
    headers = {"Content-Type": "application/json"}
    if signed:
        headers["X-Hub-Signature-256"] = wa.signature(SECRET, body)
    response = httpx.post(live.http_url + "/webhooks/whatsapp", content=body, headers=headers, timeout=10)
    assert response.status_code == (200 if signed else 401), response.text


def test_gateway_is_still_healthy_after_the_fuzzing(live: LiveGateway) -> None:
    assert httpx.get(live.http_url + "/healthz", timeout=5).status_code == 200
