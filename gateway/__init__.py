"""Remedios gateway: web chat WebSocket <-> n8n, with a durable outbox.

Entry points: `gateway.app.create_app(settings)` and `python -m gateway`. See gateway/README.md for the
settings and the module layout, docs/contracts.md for the wire formats. Importing the package itself
has no side effects and pulls in nothing heavy.
"""
