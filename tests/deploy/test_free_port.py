"""devstack.processes.free_port: the ports private stacks and benches listen on are never ones the kernel hands
out to outgoing connections or to bind(0), and never the same twice in one process."""

from __future__ import annotations

import socket
from pathlib import Path

from devstack.processes import PRIVATE_PORTS, free_port


def ephemeral_range() -> range:
    low, high = (int(n) for n in Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split())
    return range(low, high + 1)


def test_ports_are_below_the_ephemeral_range_and_distinct() -> None:
    ports = [free_port() for _ in range(50)]
    assert len(set(ports)) == 50
    assert all(port in PRIVATE_PORTS for port in ports)
    assert not set(ports) & set(ephemeral_range()), "the kernel could give these to an outgoing connection"


def test_a_port_someone_listens_on_is_not_handed_out() -> None:
    listeners = []
    try:
        for port in PRIVATE_PORTS[:2000]:   # occupy a block; free_port may still pick elsewhere, never these
            sock = socket.socket()
            try:
                sock.bind(("127.0.0.1", port))
                sock.listen()
            except OSError:
                sock.close()
                continue
            listeners.append(sock)
        taken = {sock.getsockname()[1] for sock in listeners}
        assert not {free_port() for _ in range(100)} & taken
    finally:
        for sock in listeners:
            sock.close()


def test_a_port_handed_out_can_be_listened_on() -> None:
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
        sock.listen()
