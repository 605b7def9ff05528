"""The staff console's requests to n8n: one POST per action, n8n's JSON decision back (docs/contracts.md §10)."""

from __future__ import annotations

import json
from typing import Any

import httpx

from gateway.n8n import TOKEN_HEADER
from gateway.staff.settings import StaffSettings


class StaffUnavailable(Exception):
    """n8n did not answer the staff webhook with a decision (down, slow, unpublished workflow…)."""


class StaffWorkflow:
    def __init__(self, settings: StaffSettings, token: str, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        headers = {"Accept": "application/json", "User-Agent": "remedios-gateway"}
        if token:
            headers[TOKEN_HEADER] = token
        self._client = httpx.AsyncClient(headers=headers, timeout=settings.timeout_s, transport=transport)
        self._url = settings.webhook_url

    async def decide(self, request: dict[str, Any]) -> dict[str, Any]:
        """n8n's answer to `request` ({"action": …, "session"?: …}): {"ok": true, …} or {"ok": false, "error", "message"}."""
        try:
            response = await self._client.post(self._url, content=json.dumps(request, ensure_ascii=False).encode(),
                                               headers={"Content-Type": "application/json"})
        except httpx.HTTPError as exc:
            raise StaffUnavailable(f"{type(exc).__name__}: {exc}") from None
        if response.status_code != 200:
            raise StaffUnavailable(f"http {response.status_code}")
        try:
            answer = response.json()
        except ValueError:
            raise StaffUnavailable("200 without a JSON body") from None
        if not isinstance(answer, dict) or not isinstance(answer.get("ok"), bool):
            raise StaffUnavailable(f"unexpected body {str(answer)[:200]!r}")
        return answer

    async def aclose(self) -> None:
        await self._client.aclose()
