"""The customer's estimate page proxy (gateway/estimate_pages.py): n8n mocked with respx.

What is checked: the query or form reaches n8n as it came, with the gateway token; n8n's status and HTML come
back with headers that keep the page out of caches and frames; the gateway answers its own Spanish page when
n8n is down (503) or answers something that is not the page (502), for an oversized form (413) and for a
malformed number (404, n8n not asked); and neither the customer's token nor the gateway's ever reaches a log.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
import respx

from gateway.estimate_pages import MAX_FORM_BYTES
from gateway.logs import configure_logging
from gateway.settings import Settings, SettingsError
from tests.gateway.helpers import CHAT_URL, N8N, make_settings
from tests.gateway.support import LiveGateway, free_port

ESTIMATE_URL = f"{N8N}/webhook/remedios-estimate"
CUSTOMER_TOKEN = "0123456789abcdef0123456789abcdef"
PAGE = '<!DOCTYPE html><html lang="es"><body><main id="estimate">Presupuesto P-2026-0001</main></body></html>'
HTML = {"Content-Type": "text/html; charset=utf-8"}


def html(status: int, body: str = PAGE) -> httpx.Response:
    return httpx.Response(status, text=body, headers=HTML)


async def text_of(response: object) -> str:
    return await response.get_data(as_text=True)  # type: ignore[attr-defined]


def assert_page_headers(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "script-src" not in headers["Content-Security-Policy"]  # default-src 'none': no script runs
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"  # the token in the URL never leaves in a Referer
    assert headers["X-Content-Type-Options"] == "nosniff"


# ------------------------------------------------------------------------------------------ GET
async def test_get_forwards_number_and_token_with_the_gateway_token(gateway, n8n: respx.MockRouter) -> None:
    route = n8n.get(ESTIMATE_URL, name="page").mock(return_value=html(200))
    response = await gateway.client.get(f"/presupuestos/P-2026-0001?t={CUSTOMER_TOKEN}&other=x")
    assert response.status_code == 200
    assert await text_of(response) == PAGE
    assert_page_headers(response)
    sent = route.calls.last.request
    assert dict(sent.url.params) == {"number": "P-2026-0001", "t": CUSTOMER_TOKEN}
    assert sent.headers["X-Remedios-Token"] == "n8n-token"
    assert sent.headers["Accept"] == "text/html"


@pytest.mark.parametrize("status", [404, 409, 400])
async def test_the_workflows_own_error_pages_pass_through_with_their_status(
    gateway, n8n: respx.MockRouter, status: int
) -> None:
    body = f"<!DOCTYPE html><html lang='es'><body><main id='not-found'>página {status}</main></body></html>"
    n8n.get(ESTIMATE_URL).mock(return_value=html(status, body))
    response = await gateway.client.get("/presupuestos/P-2026-0001?t=wrong")
    assert response.status_code == status
    assert await text_of(response) == body
    assert_page_headers(response)


async def test_a_missing_token_is_forwarded_empty_and_n8n_decides(gateway, n8n: respx.MockRouter) -> None:
    route = n8n.get(ESTIMATE_URL).mock(return_value=html(404))
    response = await gateway.client.get("/presupuestos/P-2026-0001")
    assert response.status_code == 404
    assert dict(route.calls.last.request.url.params) == {"number": "P-2026-0001", "t": ""}


@pytest.mark.parametrize("number", ["%3Cscript%3E", "P-2026-0001%20OR%201=1", "-P", "x" * 41, "P_2026"])
async def test_a_malformed_number_is_not_found_without_asking_n8n(
    gateway, n8n: respx.MockRouter, number: str
) -> None:
    route = n8n.get(ESTIMATE_URL).mock(return_value=html(200))
    response = await gateway.client.get(f"/presupuestos/{number}?t={CUSTOMER_TOKEN}")
    assert response.status_code == 404
    body = await text_of(response)
    assert "Presupuesto no encontrado" in body and "<script>" not in body
    assert_page_headers(response)
    assert not route.called


# ------------------------------------------------------------------------------------------ POST
async def test_post_forwards_the_form_as_it_came(gateway, n8n: respx.MockRouter) -> None:
    route = n8n.post(ESTIMATE_URL, name="decide").mock(return_value=html(200, "<p>Gracias</p>"))
    form = f"t={CUSTOMER_TOKEN}&decision=accepted&note=Mejor+por+la+ma%C3%B1ana".encode()
    response = await gateway.client.post(
        "/presupuestos/P-2026-0001", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 200
    assert await text_of(response) == "<p>Gracias</p>"
    assert_page_headers(response)
    sent = route.calls.last.request
    assert sent.content == form
    assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert sent.headers["X-Remedios-Token"] == "n8n-token"
    assert dict(sent.url.params) == {"number": "P-2026-0001"}
    assert parse_qs(sent.content.decode())["note"] == ["Mejor por la mañana"]


async def test_a_second_decision_gets_the_workflows_409(gateway, n8n: respx.MockRouter) -> None:
    n8n.post(ESTIMATE_URL).mock(return_value=html(409, "<p>ya estaba aceptado</p>"))
    response = await gateway.client.post(
        "/presupuestos/P-2026-0001", data=b"t=x&decision=accepted",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 409
    assert "ya estaba aceptado" in await text_of(response)


async def test_an_oversize_form_is_refused_with_413_and_never_forwarded(gateway, n8n: respx.MockRouter) -> None:
    route = n8n.post(ESTIMATE_URL).mock(return_value=html(200))
    form = b"t=x&decision=accepted&note=" + b"a" * MAX_FORM_BYTES
    response = await gateway.client.post(
        "/presupuestos/P-2026-0001", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 413
    assert "demasiado largo" in await text_of(response)
    assert_page_headers(response)
    assert not route.called


async def test_a_form_of_another_type_is_refused_and_not_forwarded(gateway, n8n: respx.MockRouter) -> None:
    route = n8n.post(ESTIMATE_URL).mock(return_value=html(200))
    response = await gateway.client.post("/presupuestos/P-2026-0001", json={"t": "x", "decision": "accepted"})
    assert response.status_code == 400
    assert "No se ha podido leer su respuesta" in await text_of(response)
    assert not route.called


# ------------------------------------------------------------------------------------------ n8n trouble
@pytest.mark.parametrize("error", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow")])
@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_n8n_down_or_slow_gives_a_spanish_503_page(
    gateway, n8n: respx.MockRouter, error: Exception, method: str
) -> None:
    n8n.route(method=method, url=ESTIMATE_URL).mock(side_effect=error)
    if method == "GET":
        response = await gateway.client.get(f"/presupuestos/P-2026-0001?t={CUSTOMER_TOKEN}")
    else:
        response = await gateway.client.post(
            "/presupuestos/P-2026-0001", data=b"t=x&decision=rejected",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    assert response.status_code == 503
    body = await text_of(response)
    assert '<html lang="es">' in body and "Servicio no disponible" in body
    assert "Inténtelo de nuevo" in body
    assert_page_headers(response)


@pytest.mark.parametrize("answer", [
    httpx.Response(403, json={"message": "Authorization data is wrong!"}),          # wrong gateway token
    httpx.Response(404, json={"code": 404, "message": "webhook not registered"}),  # workflow not published
    httpx.Response(500, json={"message": "Error in workflow"}),
    httpx.Response(500, text="<html>stack trace</html>", headers=HTML),
    httpx.Response(200, json={"not": "a page"}),
    httpx.Response(302, headers={"Location": "http://elsewhere.test/"}),
])
async def test_anything_but_the_workflows_page_is_never_shown_to_customers(
    gateway, n8n: respx.MockRouter, answer: httpx.Response
) -> None:
    n8n.get(ESTIMATE_URL).mock(return_value=answer)
    response = await gateway.client.get(f"/presupuestos/P-2026-0001?t={CUSTOMER_TOKEN}")
    assert response.status_code == 502
    body = await text_of(response)
    assert "Servicio no disponible" in body
    for leaked in ("Authorization", "workflow", "stack trace", "elsewhere", "not registered"):
        assert leaked not in body
    assert "Location" not in response.headers


# ------------------------------------------------------------------------------------------ logs
@pytest.fixture
def json_logs() -> Iterator[io.StringIO]:
    """The gateway's real log configuration at DEBUG (as with GATEWAY_LOG_LEVEL=DEBUG), written to a buffer
    instead of stderr; restored afterwards."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, logging.getLogger("httpx").level, logging.getLogger("httpcore").level)
    configure_logging("DEBUG")
    buffer = io.StringIO()
    root.handlers[0].setStream(buffer)  # type: ignore[attr-defined]
    try:
        yield buffer
    finally:
        root.handlers[:], root.level = saved[0], saved[1]
        logging.getLogger("httpx").setLevel(saved[2])
        logging.getLogger("httpcore").setLevel(saved[3])


async def test_neither_token_is_ever_logged(gateway, n8n: respx.MockRouter, json_logs: io.StringIO) -> None:
    answers = iter([html(200), html(409), httpx.Response(403, json={"message": "no"})])
    n8n.route(url__startswith=ESTIMATE_URL).mock(side_effect=lambda request: next(answers))
    await gateway.client.get(f"/presupuestos/P-2026-0001?t={CUSTOMER_TOKEN}")
    await gateway.client.post(
        "/presupuestos/P-2026-0001", data=f"t={CUSTOMER_TOKEN}&decision=accepted".encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    await gateway.client.get(f"/presupuestos/P-2026-0001?t={CUSTOMER_TOKEN}")
    refused = httpx.ConnectError(f"failed {ESTIMATE_URL}?t={CUSTOMER_TOKEN}")  # an error whose text has the URL
    n8n.route(url__startswith=ESTIMATE_URL).mock(side_effect=refused)
    await gateway.client.get(f"/presupuestos/P-2026-0001?t={CUSTOMER_TOKEN}")
    logged = json_logs.getvalue()
    assert '"event": "estimate_page"' in logged and '"event": "estimate_page_unavailable"' in logged
    assert '"event": "estimate_page_bad_answer"' in logged
    assert '"number": "P-2026-0001"' in logged
    assert CUSTOMER_TOKEN not in logged
    assert "n8n-token" not in logged


# ------------------------------------------------------------------------------------------ settings
def test_the_webhook_url_defaults_to_the_one_next_to_the_chat_webhook(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    assert settings.n8n_chat_webhook_url == CHAT_URL
    assert settings.estimate_page_webhook_url == ESTIMATE_URL
    assert Settings().estimate_page_webhook_url == "http://127.0.0.1:5678/webhook/remedios-estimate"
    env = {"N8N_CHAT_WEBHOOK_URL": "http://n8n-webhook:5678/webhook/remedios-chat"}
    assert Settings.from_env(env).estimate_page_webhook_url == "http://n8n-webhook:5678/webhook/remedios-estimate"


def test_the_webhook_url_can_be_set_and_is_checked() -> None:
    env = {"N8N_ESTIMATE_PAGE_WEBHOOK_URL": "https://n8n.example/webhook/paginas"}
    assert Settings.from_env(env).estimate_page_webhook_url == "https://n8n.example/webhook/paginas"
    assert Settings.from_env({"N8N_ESTIMATE_PAGE_WEBHOOK_URL": " "}).n8n_estimate_page_webhook_url == ""
    with pytest.raises(SettingsError, match="N8N_ESTIMATE_PAGE_WEBHOOK_URL"):
        Settings.from_env({"N8N_ESTIMATE_PAGE_WEBHOOK_URL": "n8n:5678/webhook/x"})



# ------------------------------------------------------------------------------------------ real HTTP
class FakePageN8n:
    """A fake n8n estimate webhook on a real socket: records each request, answers an HTML page."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []
        self._server: asyncio.base_events.Server | None = None
        self.port = 0

    async def start(self) -> FakePageN8n:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        assert self._server is not None
        self._server.close()
        await self._server.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            method, target, _ = head[0].split(" ", 2)
            headers = {k.strip().lower(): v.strip() for k, v in (h.split(":", 1) for h in head[1:] if ":" in h)}
            body = await reader.readexactly(int(headers.get("content-length", "0") or 0))
            self.requests.append((method, target, headers, body))
            page = PAGE.encode()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n"
                         b"Content-Length: " + str(len(page)).encode() + b"\r\n\r\n" + page)
            await writer.drain()
        finally:
            writer.close()


async def test_through_a_real_socket_forwarding_then_n8n_down_then_a_chunked_oversize_form(tmp_path: Path) -> None:
    fake = await FakePageN8n().start()
    settings = make_settings(tmp_path / "gw", port=free_port(),
                             n8n_estimate_page_webhook_url=f"http://127.0.0.1:{fake.port}/webhook/remedios-estimate")
    live = await asyncio.to_thread(LiveGateway(settings).start)
    try:
        async with httpx.AsyncClient(base_url=live.http_url, timeout=10) as client:
            page = await client.get(f"/presupuestos/P-2026-0001?t={CUSTOMER_TOKEN}")
            assert page.status_code == 200 and page.text == PAGE
            assert page.headers["cache-control"] == "no-store"
            form = f"t={CUSTOMER_TOKEN}&decision=rejected&note=caro".encode()
            decided = await client.post("/presupuestos/P-2026-0001", content=form,
                                        headers={"Content-Type": "application/x-www-form-urlencoded"})
            assert decided.status_code == 200
            (get_method, get_target, get_headers, _), (post_method, post_target, post_headers, post_body) = fake.requests
            assert (get_method, post_method) == ("GET", "POST")
            assert get_target == f"/webhook/remedios-estimate?number=P-2026-0001&t={CUSTOMER_TOKEN}"
            assert post_target == "/webhook/remedios-estimate?number=P-2026-0001"
            assert post_body == form
            assert get_headers["x-remedios-token"] == post_headers["x-remedios-token"] == "n8n-token"

            async def chunks() -> AsyncIterator[bytes]:
                yield b"t=x&decision=accepted&note="
                for _ in range(64):
                    yield b"a" * 4096

            try:
                oversize = await client.post("/presupuestos/P-2026-0001", content=chunks(),
                                             headers={"Content-Type": "application/x-www-form-urlencoded"})
                assert oversize.status_code == 413
            except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError):
                pass  # the 413 was sent and the connection closed while we were still sending
            assert len(fake.requests) == 2, "the oversize form never reached n8n"

            await fake.stop()
            down = await client.get(f"/presupuestos/P-2026-0001?t={CUSTOMER_TOKEN}")
            assert down.status_code == 503 and "Servicio no disponible" in down.text
    finally:
        await asyncio.to_thread(live.stop)
