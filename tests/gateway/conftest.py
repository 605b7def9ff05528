"""Fixtures for the gateway tests: settings in a temp dir, n8n mocked with respx, the app in its lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import respx

from gateway.app import create_app, runtime_of
from gateway.settings import Settings
from tests.gateway.helpers import CHAT_URL, HEALTH_URL, HISTORY_URL, Gateway, make_settings

_HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every gateway test gets a short timeout unless it sets its own."""
    for item in items:
        if _HERE in Path(str(item.path)).parents and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(30))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "gw")


@pytest.fixture
def n8n() -> respx.MockRouter:
    """n8n mocked: chat webhook stores, history is empty, health OK. Tests override routes as needed."""
    with respx.mock(assert_all_called=False, assert_all_mocked=True) as router:
        router.post(CHAT_URL, name="chat").mock(return_value=httpx.Response(200, json={"status": "stored"}))
        router.get(HISTORY_URL, name="history").mock(
            return_value=httpx.Response(200, json={"conversation_id": "x", "messages": []})
        )
        router.get(HEALTH_URL, name="health").mock(return_value=httpx.Response(200, json={"status": "ok"}))
        yield router


@pytest.fixture
async def gateway(settings: Settings, n8n: respx.MockRouter) -> AsyncIterator[Gateway]:
    app = create_app(settings, transport=httpx.MockTransport(n8n.async_handler))
    async with app.test_app() as test_app:
        yield Gateway(app, test_app.test_client(), runtime_of(app))
