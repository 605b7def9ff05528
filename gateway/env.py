"""Reading settings from environment variables: the one reader every settings object of the gateway uses.

Empty values count as unset (so `FOO=` in an env file means "use the default"); malformed values raise
`SettingsError` naming the variable.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlsplit


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the environment variable."""


class EnvReader:
    def __init__(self, env: Mapping[str, str]) -> None:
        self._env = env

    def optional(self, name: str) -> str | None:
        value = self._env.get(name)
        if value is None or value.strip() == "":
            return None
        return value.strip()

    def text(self, name: str, default: str) -> str:
        raw = self.optional(name)
        return default if raw is None else raw

    def path(self, name: str) -> Path | None:
        raw = self.optional(name)
        return None if raw is None else Path(raw).expanduser()

    def url(self, name: str, default: str) -> str:
        value = self.text(name, default)
        if not value.startswith(("http://", "https://")):
            raise SettingsError(f"{name} must be an http:// or https:// URL, got {value!r}")
        return value

    def header_value(self, name: str, default: str) -> str:
        value = self._env.get(name, default)
        if any(c in value for c in "\r\n\x00"):
            raise SettingsError(f"{name} must not contain line breaks or NUL (it is sent as an HTTP header)")
        return value

    def hub_url(self, name: str, default: str) -> str:
        value = self.text(name, default)
        if value and not value.startswith(("redis://", "rediss://", "unix://")):
            raise SettingsError(f"{name} must be empty (one gateway) or a redis://, rediss:// or unix:// URL")
        return value

    def origins(self, name: str) -> tuple[str, ...]:
        """Comma-separated web origins (`https://chat.example.com`, `http://192.168.1.20:8000`), normalised to
        lower-case `scheme://host[:port]`; empty = ()."""
        return self._comma_list(name, normalise_origin, "origins like https://chat.example.com "
                                "(scheme, host and optional port; no path)")

    def networks(self, name: str) -> tuple[str, ...]:
        """Comma-separated addresses or CIDRs (`10.0.0.5, 172.16.0.0/12, fd00::/8`), normalised to
        `network/prefix`; empty = ()."""
        return self._comma_list(name, _network, "IP addresses or CIDRs like 10.0.0.5 or 172.16.0.0/12")

    def _comma_list(self, name: str, parse: Callable[[str], str | None], expected: str) -> tuple[str, ...]:
        """The non-empty comma-separated items of `name`, each as `parse` gives it (None: not one of `expected`)."""
        raw = self.optional(name)
        if raw is None:
            return ()
        items = []
        for item in (part.strip() for part in raw.split(",")):
            if not item:
                continue
            parsed = parse(item)
            if parsed is None:
                raise SettingsError(f"{name} must be a comma-separated list of {expected}, got {item!r}")
            items.append(parsed)
        return tuple(items)

    def choice(
        self, name: str, default: str, choices: tuple[str, ...], *, normalize: Callable[[str], str] = str.lower
    ) -> str:
        value = normalize(self.text(name, default))
        if value not in choices:
            raise SettingsError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
        return value

    def integer(self, name: str, default: int, *, minimum: int | None = None, maximum: int | None = None) -> int:
        raw = self.optional(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise SettingsError(f"{name} must be an integer, got {raw!r}") from None
        _check_range(name, value, minimum, maximum)
        return value

    def optional_integer(self, name: str, *, minimum: int, maximum: int) -> int | None:
        if self.optional(name) is None:
            return None
        return self.integer(name, minimum, minimum=minimum, maximum=maximum)

    def number(self, name: str, default: float, *, minimum: float | None = None) -> float:
        raw = self.optional(name)
        if raw is None:
            return default
        try:
            value = float(raw)
        except ValueError:
            raise SettingsError(f"{name} must be a number, got {raw!r}") from None
        if not math.isfinite(value):
            raise SettingsError(f"{name} must be a finite number, got {raw!r}")
        _check_range(name, value, minimum, None)
        return value


def normalise_origin(value: str) -> str | None:
    """`scheme://host[:port]` in lower case with the scheme's default port left out, or None if `value` is not
    an http(s) origin (a path, query, user info or another scheme)."""
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        return None
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is None or port == {"http": 80, "https": 443}[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _network(value: str) -> str | None:
    """`network/prefix` of an address or CIDR, or None when `value` is neither."""
    try:
        return str(ipaddress.ip_network(value, strict=False))
    except ValueError:
        return None


def _check_range(name: str, value: float, minimum: float | None, maximum: float | None) -> None:
    if minimum is not None and value < minimum:
        raise SettingsError(f"{name} must be >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise SettingsError(f"{name} must be <= {maximum}, got {value}")
