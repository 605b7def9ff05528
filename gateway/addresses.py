"""Who is the client? Its network address, for the per-address limits (gateway/limits.py).

The address is the socket's peer, unless that peer is a trusted proxy (`GATEWAY_TRUSTED_PROXIES`): then
`X-Forwarded-For` is read from the right, skipping the trusted proxies, and the first address that is not one
of them is the client. An untrusted peer's `X-Forwarded-For` is never believed (anyone can send one), and an
unreadable entry stops the walk at the last trusted hop that vouched for it.

Limits count per *address key*: the IPv4 address, or the /64 prefix of an IPv6 address (one household or phone
gets a whole /64 and can pick any address in it). Logs never show an address: they show `address_ref`, a keyed
digest (HMAC-SHA256 with a key made from `REMEDIOS_CALLBACK_SECRET`, first 8 hex characters), so lines about
one client can be told apart and grouped, while an IPv4 address cannot be recovered by trying all 2^32 of
them without the secret.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from collections.abc import Iterable, Mapping
from typing import Any

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# The key of a client the ASGI server gave no address for (a Unix socket, an in-process test client).
UNKNOWN = "unknown"


def parse_networks(items: Iterable[str]) -> tuple[Network, ...]:
    """Addresses or CIDRs (`10.0.0.5`, `172.16.0.0/12`, `fd00::/8`); raises ValueError naming a bad one."""
    networks = []
    for item in items:
        try:
            networks.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            raise ValueError(item) from None
    return tuple(networks)


def parse_ip(text: str | None) -> IPAddress | None:
    """An address as a peer or an X-Forwarded-For entry gives it (`1.2.3.4`, `::1`, `fe80::1%eth0`,
    `[2001:db8::1]`, `1.2.3.4:5678`), IPv4-mapped IPv6 as IPv4; None if it is not an address."""
    if not text:
        return None
    value = text.strip()
    if value.startswith("[") and "]" in value:  # [v6] or [v6]:port
        value = value[1:value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    value = value.split("%", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: IPAddress, trusted: tuple[Network, ...]) -> bool:
    return any(address.version == network.version and address in network for network in trusted)


def client_address(peer: str | None, forwarded_for: Iterable[str], trusted: tuple[Network, ...]) -> IPAddress | None:
    """The client's address: `peer`, or when `peer` is a trusted proxy, the right-most `X-Forwarded-For`
    entry that is not a trusted proxy (`forwarded_for`: the header's values, in order)."""
    address = parse_ip(peer)
    if address is None or not trusted or not _trusted(address, trusted):
        return address
    hops = [hop.strip() for value in forwarded_for for hop in value.split(",")]
    for hop in reversed(hops):
        if not hop:
            continue
        claimed = parse_ip(hop)
        if claimed is None:  # garbage (or `unknown`): believe no further than the proxy that passed it on
            return address
        address = claimed
        if not _trusted(address, trusted):
            return address
    return address


def address_key(address: IPAddress | None) -> str:
    """What the per-address limits count by: the IPv4 address, or the IPv6 address's /64."""
    if address is None:
        return UNKNOWN
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def request_address_key(scope: Mapping[str, Any], headers: Any, trusted: tuple[Network, ...]) -> str:
    """The address key of a Quart request or websocket (its ASGI `scope` and `headers`)."""
    client = scope.get("client")
    peer = client[0] if client else None
    forwarded = headers.getlist("X-Forwarded-For") if trusted else ()
    return address_key(client_address(peer, forwarded, trusted))


class AddressRefs:
    """`ref(key)`: the address's digest for logs (never the address itself)."""

    def __init__(self, secret: str) -> None:
        self._key = hashlib.sha256(b"remedios-address-ref\x00" + secret.encode("utf-8", "surrogatepass")).digest()

    def ref(self, key: str) -> str:
        return hmac.new(self._key, key.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()[:8]
