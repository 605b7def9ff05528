"""`GET /presupuestos/<number>?t=…` and `POST /presupuestos/<number>`: the customer's printable estimate page.

Thin proxy (docs/contracts.md §7): the n8n workflow "Remedios · Estimate: customer page" (RmdEstimatePage1)
checks the link's token, renders the HTML and records Accept / Reject. The gateway only

- forwards the query's `t` (GET) or the form body as it came (POST, `application/x-www-form-urlencoded`, at
  most MAX_FORM_BYTES) to `Settings.estimate_page_webhook_url`, with `number` in the query and the
  `X-Remedios-Token` header;
- passes n8n's status and HTML back, with headers that keep the page out of caches and frames;
- answers a Spanish page itself when n8n cannot: 503 when it is down or slow, 502 when it answers something
  that is not the page (e.g. the webhook is not published), 413 for an oversized form.

The customer's token (`t`, in the URL and the form) is a secret: it is never logged, and the page's
Referrer-Policy keeps it out of other sites' logs.
"""

from __future__ import annotations

import logging
import re
import time

import httpx
from quart import Blueprint, Response, request

from gateway.logs import log_event
from gateway.n8n import N8nClient

logger = logging.getLogger("gateway.estimate_pages")

NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,39}")
MAX_FORM_BYTES = 16 * 1024      # t + decision + a note of 1,000 characters fit many times over
MAX_PAGE_BYTES = 2 * 1024 * 1024
# Statuses the workflow answers with its own page; anything else from n8n is not shown to customers.
PAGE_STATUSES = frozenset({200, 400, 404, 409})
FORM_TYPE = "application/x-www-form-urlencoded"

SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}

_PAGE = """<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>{title}</title>
<style>body{{margin:0;background:#eef1f4;font:16px/1.5 system-ui,sans-serif;color:#1c2430}}
main{{max-width:560px;margin:10vh auto;background:#fff;padding:28px;border-radius:10px;
box-shadow:0 1px 4px rgba(0,0,0,.15)}}h1{{margin-top:0;font-size:21px}}</style></head>
<body><main id="{page_id}"><h1>{title}</h1><p>{text}</p></main></body></html>
"""
UNAVAILABLE = (
    "Servicio no disponible",
    (
        "Ahora mismo no podemos mostrar el presupuesto. Inténtelo de nuevo en unos minutos con el mismo enlace. Si ya "
        "había pulsado «Aceptar» o «Rechazar», abra el enlace otra vez para ver si su respuesta quedó registrada."
    ),
)
NOT_FOUND = (
    "Presupuesto no encontrado",
    "El enlace no es válido. Compruebe que ha copiado el enlace completo o pida uno nuevo a su fontanero.",
)
TOO_LARGE = (
    "Respuesta demasiado larga",
    "El comentario es demasiado largo. Vuelva atrás, acórtelo y envíe su respuesta de nuevo.",
)
BAD_FORM = (
    "No se ha podido leer su respuesta",
    "Vuelva atrás y pulse «Aceptar presupuesto» o «Rechazar» en la página del presupuesto.",
)


def page_response(status: int, html: str) -> Response:
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    response.headers.update(SECURITY_HEADERS)
    return response


def own_page(status: int, page_id: str, title_and_text: tuple[str, str]) -> Response:
    title, text = title_and_text
    return page_response(status, _PAGE.format(title=title, text=text, page_id=page_id))


class EstimatePages:
    """The proxy; n8n is asked through the gateway's n8n client (gateway/n8n.py)."""

    def __init__(self, n8n: N8nClient) -> None:
        self._n8n = n8n

    def blueprint(self) -> Blueprint:
        bp = Blueprint("estimate_pages", __name__)

        @bp.get("/presupuestos/<number>")
        async def show(number: str) -> Response:
            if not NUMBER.fullmatch(number):
                return own_page(404, "not-found", NOT_FOUND)
            token = request.args.get("t", "")
            return await self._forward(number, params={"number": number, "t": token[:200]})

        @bp.post("/presupuestos/<number>")
        async def decide(number: str) -> Response:
            if not NUMBER.fullmatch(number):
                return own_page(404, "not-found", NOT_FOUND)
            if request.content_length is not None and request.content_length > MAX_FORM_BYTES:
                return own_page(413, "too-large", TOO_LARGE)
            if request.mimetype != FORM_TYPE:
                return own_page(400, "bad-form", BAD_FORM)
            body = await _read_body(MAX_FORM_BYTES)
            if body is None:
                return own_page(413, "too-large", TOO_LARGE)
            return await self._forward(number, params={"number": number}, form=body)

        return bp

    async def _forward(self, number: str, *, params: dict[str, str], form: bytes | None = None) -> Response:
        method = "GET" if form is None else "POST"
        started = time.monotonic()
        try:
            answer = await self._n8n.estimate_page(params, form=form, form_type=FORM_TYPE)
        except httpx.HTTPError as exc:
            # Only the exception's type: its text could carry the URL, and the URL carries the token.
            log_event(logger, "estimate_page_unavailable", level=logging.WARNING, method=method, number=number,
                      error=type(exc).__name__)
            return own_page(503, "unavailable", UNAVAILABLE)
        elapsed_ms = round((time.monotonic() - started) * 1000)
        is_html = answer.headers.get("content-type", "").lower().startswith("text/html")
        if answer.status_code not in PAGE_STATUSES or not is_html or len(answer.content) > MAX_PAGE_BYTES:
            log_event(logger, "estimate_page_bad_answer", level=logging.ERROR, method=method, number=number,
                      status=answer.status_code, content_type=answer.headers.get("content-type", ""),
                      elapsed_ms=elapsed_ms)
            return own_page(502, "unavailable", UNAVAILABLE)
        log_event(logger, "estimate_page", method=method, number=number, status=answer.status_code,
                  elapsed_ms=elapsed_ms)
        return page_response(answer.status_code, answer.text)


async def _read_body(max_bytes: int) -> bytes | None:
    """The form, or None when it is larger than `max_bytes` (even without a Content-Length)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.body:
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def estimate_pages_blueprint(n8n: N8nClient) -> Blueprint:
    return EstimatePages(n8n).blueprint()
