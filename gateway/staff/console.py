"""`/staff`: the staff console page, its log-in and log-out, and the staff socket `/staff/ws`.

Log-in: `POST /staff/api/login` `{"username", "password"}` is relayed to n8n; when n8n accepts it, its session
token goes into an HttpOnly, SameSite=Strict cookie for `/staff` (never into the page's script). The socket's
handshake must carry that cookie and come from one of the gateway's own pages (same rule as the plumbers'
`/ws`); n8n checks the session before the upgrade and again on every action, so an expired or deleted session
ends the console's access at once. A plumber's conversation id is never a credential here.

Frames (docs/contracts.md §10): the page sends `{"type": <action>, "request": <id>, …}` and gets
`{"type": "result", "request": <id>, …n8n's answer}`; every console also gets `{"type": "activity",
"conversation_id"}` when a conversation changed (gateway/staff/activity.py).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from quart import Blueprint, Response, request, websocket

from gateway.addresses import parse_networks, request_address_key
from gateway.channels.web import CLOSE_POLICY, SocketIdle, WebConnection, origin_allowed, page, receive, run_socket
from gateway.hub import Hub
from gateway.logs import log_event
from gateway.n8n import N8nClient, StaffUnavailable
from gateway.ratelimit import KeyedBuckets
from gateway.settings import Settings, StaffSettings
from gateway.staff.activity import STAFF_TOPIC, tell_staff

COOKIE = "remedios_staff"
COOKIE_PATH = "/staff"
# What a staff socket may ask n8n for; the gateway adds the session, n8n decides the rest.
ACTIONS = frozenset({"list", "thread", "take", "reply", "note", "handback", "resolve", "typing", "template"})
REQUEST_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
UNAVAILABLE_ES = "El servidor no responde. Inténtelo de nuevo en unos segundos."
CLOSE_SESSION_ENDED = 4401  # the page shows the log-in form again

logger = logging.getLogger("gateway.staff")


def _json(body: dict[str, Any], status: int = 200) -> Response:
    response = Response(json.dumps(body, ensure_ascii=False), status=status,
                        content_type="application/json; charset=utf-8")
    response.headers["Cache-Control"] = "no-store"
    return response


class StaffConsole:
    def __init__(self, settings: Settings, staff: StaffSettings, hub: Hub, n8n: N8nClient,
                 static_dir: Path) -> None:
        self._settings = settings
        self._staff = staff
        self._hub = hub
        self._n8n = n8n
        self._logins = KeyedBuckets(burst=staff.logins_per_minute, rate=staff.logins_per_minute / 60.0)
        self._trusted_proxies = parse_networks(settings.trusted_proxies)
        self._page = static_dir / "staff.html"

    async def _decide(self, request: dict[str, Any]) -> dict[str, Any]:
        """n8n's decision on one action (gateway/n8n.py, `staff_decide`); StaffUnavailable when there is none."""
        return await self._n8n.staff_decide(request, url=self._settings.staff_webhook_url,
                                            timeout=self._staff.timeout_s)

    def blueprint(self) -> Blueprint:
        bp = Blueprint("staff", __name__)

        @bp.get("/staff")
        async def staff_page() -> Response:
            return await page(self._page)

        @bp.post("/staff/api/login")
        async def login() -> Response:
            return await self._login()

        @bp.post("/staff/api/logout")
        async def logout() -> Response:
            session = request.cookies.get(COOKIE, "")
            if session:
                try:
                    await self._decide({"action": "logout", "session": session})
                except StaffUnavailable:
                    pass  # the cookie goes anyway; the session expires by itself
            response = _json({"ok": True})
            response.delete_cookie(COOKIE, path=COOKIE_PATH)
            return response

        @bp.websocket("/staff/ws")
        async def staff_socket() -> Response | None:
            return await self._serve_socket(websocket._get_current_object())

        return bp

    async def _login(self) -> Response:
        if not origin_allowed(request.headers.get("Origin"), request.headers.get("Host"),
                              self._settings.allowed_origins):
            return _json({"ok": False, "error": "forbidden", "message": "Origen no permitido."}, 403)
        raw = await request.get_data(cache=False, as_text=False)
        try:
            data = json.loads(raw) if len(raw) <= 4096 else None
        except ValueError:
            data = None
        username = data.get("username") if isinstance(data, dict) else None
        password = data.get("password") if isinstance(data, dict) else None
        if not isinstance(username, str) or not isinstance(password, str) or not username or not password \
                or len(username) > 100 or len(password) > 200:
            return _json({"ok": False, "error": "invalid_request",
                          "message": "Escriba su usuario y su contraseña."}, 400)
        # Counted only for well-formed attempts (those that cost Postgres a password hash).
        address = request_address_key(request.scope, request.headers, self._trusted_proxies)
        if not self._logins.allow(address):
            log_event(logger, "staff_login_limited", level=logging.WARNING, address=address)
            retry = max(1, round(60 / max(1, self._staff.logins_per_minute)))
            response = _json({"ok": False, "error": "too_many_logins",
                              "message": "Demasiados intentos de entrada. Espere un minuto y vuelva a probar."}, 429)
            response.headers["Retry-After"] = str(retry)
            return response
        try:
            answer = await self._decide({"action": "login", "username": username, "password": password})
        except StaffUnavailable as exc:
            log_event(logger, "staff_login_unavailable", level=logging.WARNING, error=str(exc))
            return _json({"ok": False, "error": "unavailable", "message": UNAVAILABLE_ES}, 503)
        session = answer.get("session")
        if not answer.get("ok") or not isinstance(session, str) or not session:
            log_event(logger, "staff_login_refused", level=logging.INFO)
            return _json({"ok": False, "error": answer.get("error", "bad_login"),
                          "message": answer.get("message", "Usuario o contraseña incorrectos.")}, 401)
        staff = answer.get("staff") or {}
        log_event(logger, "staff_logged_in", staff_id=staff.get("id"))
        response = _json({"ok": True, "staff": staff, "expires_at": answer.get("expires_at")})
        response.set_cookie(COOKIE, session, path=COOKIE_PATH, httponly=True, samesite="Strict",
                            secure=request.scheme == "https")
        return response

    async def _serve_socket(self, ws: Any) -> Response | None:
        origin = ws.headers.get("Origin")
        if not origin_allowed(origin, ws.headers.get("Host"), self._settings.allowed_origins):
            await ws.close(CLOSE_POLICY, "origin not allowed")  # before accept: HTTP 403
            return None
        session = ws.cookies.get(COOKIE, "")
        if not session:
            return _json({"ok": False, "error": "no_session", "message": "Entre con su usuario."}, 401)
        try:
            answer = await self._decide({"action": "whoami", "session": session})
        except StaffUnavailable:
            return _json({"ok": False, "error": "unavailable", "message": UNAVAILABLE_ES}, 503)
        if not answer.get("ok"):
            return _json({"ok": False, "error": "no_session", "message": answer.get("message", "")}, 401)
        staff = answer.get("staff") or {}
        await ws.accept()
        connection = WebConnection(STAFF_TOPIC, max_queued=self._settings.socket_queue_size)
        self._hub.subscribe(STAFF_TOPIC, connection)
        connection.push({"type": "hello", "staff": staff})
        log_event(logger, "staff_socket_opened", staff_id=staff.get("id"))
        try:
            await run_socket(ws, connection, self._read_loop(ws, connection, session))
        finally:
            self._hub.unsubscribe(STAFF_TOPIC, connection)
            log_event(logger, "staff_socket_closed", staff_id=staff.get("id"))
        return None

    async def _read_loop(self, ws: Any, connection: WebConnection, session: str) -> None:
        idle_timeout = self._settings.ws_idle_timeout or None
        while True:
            try:
                raw = await receive(ws, connection, idle_timeout)
            except SocketIdle:
                return
            frame = self._parse(raw)
            if frame is None:
                connection.push({"type": "error", "error": "invalid_frame", "message": "Petición no válida."})
                continue
            if frame["type"] == "ping":
                connection.push({"type": "pong"})
                continue
            request_id = frame.pop("request")
            frame["action"] = frame.pop("type")
            frame["session"] = session
            try:
                answer = await self._decide(frame)
            except StaffUnavailable as exc:
                log_event(logger, "staff_action_unavailable", level=logging.WARNING, action=frame["action"],
                          error=str(exc))
                answer = {"ok": False, "error": "unavailable", "message": UNAVAILABLE_ES}
            answer.pop("session", None)
            connection.push({**answer, "type": "result", "request": request_id, "action": frame["action"]})
            if answer.get("error") == "no_session":
                connection.close(CLOSE_SESSION_ENDED)
                return
            changed = answer.get("changed")
            if isinstance(changed, str):
                log_event(logger, "staff_action", action=frame["action"], conversation_id=changed,
                          message_id=answer.get("message_id"))
                await tell_staff(self._hub, changed, frame["action"], answer.get("message_id"))
            await connection.wait_for_room()

    def _parse(self, raw: str | bytes | None) -> dict[str, Any] | None:
        """A frame the console may send, or None. Only known keys of the right types pass on to n8n."""
        if raw is None or len(raw) > self._staff.max_frame_bytes:
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        kind = data.get("type")
        if kind == "ping":
            return {"type": "ping"}
        request_id = data.get("request")
        if kind not in ACTIONS or not isinstance(request_id, str) or not REQUEST_ID.fullmatch(request_id):
            return None
        frame: dict[str, Any] = {"type": kind, "request": request_id}
        for key in ("conversation_id", "key", "text"):
            value = data.get(key)
            if value is not None:
                if not isinstance(value, str) or len(value) > 8000:
                    return None
                frame[key] = value
        if "active" in data:
            if not isinstance(data["active"], bool):
                return None
            frame["active"] = data["active"]
        return frame
