"""Graph API client for the WhatsApp Cloud API: send text, read + typing, media lookup and download.

Every call raises `GraphError` with `retryable` set when trying again later can help (network, timeout, 429,
5xx, Meta's throttling codes); `retry_after` carries the server's Retry-After when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from gateway.transport import PooledHTTP11Transport

# Meta error codes worth retrying with backoff (throttling / temporary): 4 app rate limit, 80007 WABA rate
# limit, 130429 throughput, 131056 pair rate limit, 131000/131016 something went wrong / service unavailable.
_RETRYABLE_CODES = frozenset({1, 2, 4, 17, 341, 80007, 130429, 131000, 131016, 131056})
OUTSIDE_WINDOW = 131047


@dataclass
class GraphError(Exception):
    detail: str
    status: int | None = None
    code: int | None = None
    retryable: bool = False
    retry_after: float | None = None

    def __str__(self) -> str:
        parts = [f"http {self.status}" if self.status is not None else "network"]
        if self.code is not None:
            parts.append(f"code {self.code}")
        return f"{' '.join(parts)}: {self.detail}"[:500]


@dataclass(frozen=True)
class MediaInfo:
    url: str
    mime_type: str | None
    file_size: int | None


class GraphClient:
    def __init__(
        self,
        *,
        base_url: str,
        access_token: str,
        phone_number_id: str,
        timeout: float = 10.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._phone_number_id = phone_number_id
        self._auth = {"Authorization": f"Bearer {access_token}"}
        headers = {"User-Agent": "remedios-gateway"}
        # Sends and read receipts (one or more per message) go over the gateway's lean keep-alive transport;
        # media downloads (rare, large, streamed with a size limit) over httpx's own.
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout),
            headers=headers,
            transport=transport or PooledHTTP11Transport(max_connections=32),
        )
        self._media = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout),
            transport=transport,
            headers=headers,
            follow_redirects=True,
        )

    async def aclose(self) -> None:
        await self._client.aclose()
        await self._media.aclose()

    async def send_text(self, to: str, body: str, *, reply_to: str | None = None) -> str:
        """A text message (quoting `reply_to`, a wamid, if given); returns the wamid Graph gave it."""
        message: dict[str, Any] = {"type": "text", "text": {"preview_url": False, "body": body}}
        if reply_to:
            message["context"] = {"message_id": reply_to}
        return await self._send(to, message)

    async def send_template(self, to: str, name: str, language: str) -> str:
        """A pre-approved template message (the only kind WhatsApp lets a business send more than 24 hours after
        the customer's last message); returns the wamid."""
        return await self._send(to, {"type": "template", "template": {"name": name, "language": {"code": language}}})

    async def _send(self, to: str, message: dict[str, Any]) -> str:
        """POST /{phone-number-id}/messages; returns the wamid Graph gave the message."""
        answer = await self._post_messages({"messaging_product": "whatsapp", "recipient_type": "individual",
                                            "to": to, **message})
        try:
            return str(answer["messages"][0]["id"])
        except (KeyError, IndexError, TypeError):
            raise GraphError(f"no message id in answer {str(answer)[:200]}", 200) from None

    async def mark_read(self, wamid: str, *, typing: bool = True) -> None:
        payload: dict[str, Any] = {"messaging_product": "whatsapp", "status": "read", "message_id": wamid}
        if typing:
            payload["typing_indicator"] = {"type": "text"}
        await self._post_messages(payload)

    async def media_info(self, media_id: str) -> MediaInfo:
        answer = await self._json(await self._request("GET", f"{self._base}/{media_id}", client=self._media))
        url = answer.get("url") if isinstance(answer, dict) else None
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise GraphError(f"media {media_id}: no download url", 200)
        size = answer.get("file_size")
        return MediaInfo(
            url=url,
            mime_type=answer.get("mime_type"),
            file_size=int(size) if isinstance(size, (int, str)) and str(size).isdigit() else None,
        )

    async def download(self, url: str, *, max_bytes: int) -> bytes:
        """The media bytes (same bearer token); GraphError(code=-1) when larger than `max_bytes`."""
        try:
            async with self._media.stream("GET", url, headers=self._auth) as response:
                if response.status_code != 200:
                    await response.aread()
                    raise _error(response)
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise GraphError(f"media is {declared} bytes, limit {max_bytes}", 413, -1)
                chunks: list[bytes] = []
                total = 0
                async for chunk in response.aiter_bytes():
                    total += len(chunk)
                    if total > max_bytes:
                        raise GraphError(f"media is larger than the limit of {max_bytes} bytes", 413, -1)
                    chunks.append(chunk)
                return b"".join(chunks)
        except httpx.HTTPError as exc:
            raise GraphError(f"{type(exc).__name__}: {exc}", retryable=True) from exc

    async def _post_messages(self, payload: dict[str, Any]) -> Any:
        return await self._json(
            await self._request("POST", f"{self._base}/{self._phone_number_id}/messages", json=payload)
        )

    async def _request(
        self, method: str, url: str, *, client: httpx.AsyncClient | None = None, **kwargs: Any
    ) -> httpx.Response:
        try:
            response = await (client or self._client).request(method, url, headers=self._auth, **kwargs)
        except httpx.HTTPError as exc:
            raise GraphError(f"{type(exc).__name__}: {exc}", retryable=True) from exc
        if response.status_code != 200:
            raise _error(response)
        return response

    @staticmethod
    async def _json(response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            raise GraphError("answer is not JSON", response.status_code) from None


def _error(response: httpx.Response) -> GraphError:
    code: int | None = None
    detail = f"{response.text[:200]}" if response.content else response.reason_phrase
    try:
        err = response.json().get("error", {})
        if isinstance(err, dict):
            code = err.get("code") if isinstance(err.get("code"), int) else None
            detail = str(err.get("message") or detail)
            data = err.get("error_data")
            if isinstance(data, dict) and data.get("details"):
                detail = f"{detail} ({data['details']})"
    except (ValueError, AttributeError):
        pass
    status = response.status_code
    retryable = status == 429 or status >= 500 or status == 408 or (code in _RETRYABLE_CODES)
    if code == OUTSIDE_WINDOW:
        retryable = False
    retry_after = None
    header = response.headers.get("Retry-After", "")
    try:
        retry_after = max(0.0, float(header)) if header else None
    except ValueError:
        retry_after = None
    return GraphError(detail, status, code, retryable, retry_after)
