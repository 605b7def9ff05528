"""The chat page is served as static files with the ids the browser tests rely on."""

from __future__ import annotations

import re
from pathlib import Path

from tests.gateway.helpers import Gateway

STATIC = Path(__file__).resolve().parents[2] / "gateway" / "static"


async def test_index_is_served_in_spanish_with_stable_ids(gateway: Gateway) -> None:
    response = await gateway.client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Cache-Control"] == "no-cache"
    html = await response.get_data(as_text=True)
    assert '<html lang="es">' in html
    assert "<title>Remedios · Asistencia técnica para fontaneros</title>" in html
    assert 'name="viewport"' in html
    for marker in ['id="composer"', "<textarea", 'id="send"', 'id="typing"', "escribiendo…", 'id="status"',
                   'data-status="connecting"', 'id="messages"', 'src="/static/chat.js"', 'href="/static/chat.css"']:
        assert marker in html, marker


async def test_static_assets_are_served(gateway: Gateway) -> None:
    js = await gateway.client.get("/static/chat.js")
    css = await gateway.client.get("/static/chat.css")
    assert js.status_code == 200 and "javascript" in js.mimetype
    assert css.status_code == 200 and css.mimetype == "text/css"
    assert (await gateway.client.get("/static/nope.js")).status_code == 404


def test_script_never_uses_html_sinks_for_text() -> None:
    """Message text must be rendered as text: no innerHTML/outerHTML/insertAdjacentHTML/document.write (nor in
    the article card's and the draft's scripts)."""
    for name in ("chat.js", "article.js", "draft.js"):
        js = (STATIC / name).read_text(encoding="utf-8")
        code = re.sub(r"/\*.*?\*/", "", js, flags=re.S)  # the header comment mentions innerHTML on purpose
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, (name, sink)
    assert ".textContent = m.text" in (STATIC / "chat.js").read_text(encoding="utf-8")


def test_script_speaks_the_contract() -> None:
    js = (STATIC / "chat.js").read_text(encoding="utf-8")
    for needle in ['"/ws?conversation="', 'type: "history"', 'type: "message"', 'type: "ping"', '"accepted"',
                   '"reply"', '"typing"', '"error"', "localStorage", '"remedios."']:
        assert needle in js, needle


async def test_the_page_forbids_inline_code_foreign_sources_and_framing(gateway: Gateway) -> None:
    response = await gateway.client.get("/")
    csp = response.headers["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in (part.strip() for part in csp.split(";")) if d}
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval'
    assert directives["style-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]  # the WebSocket and /api/voice, nothing else
    assert directives["frame-ancestors"] == ["'none'"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    # and the page needs nothing the policy forbids: no inline script, handler or style
    html = await response.get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert not re.search(r"\son[a-z]+\s*=", html, re.I)
    assert "<style" not in html and "style=" not in html
    for asset in ("/static/chat.js", "/static/chat.css"):
        assert (await gateway.client.get(asset)).headers["X-Content-Type-Options"] == "nosniff"
