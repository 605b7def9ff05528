"""Remedios gateway: web chat WebSocket <-> n8n, with a durable outbox.

See gateway/README.md for the settings and the module layout, docs/contracts.md for the wire formats.
"""

from gateway.app import create_app
from gateway.settings import Settings

__all__ = ["Settings", "create_app"]
