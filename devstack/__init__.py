"""Local runner for Remedios: starts Postgres, the LLM server, n8n and the gateway on loopback.

Used by ``make run`` (``python -m devstack run``) and by the integration tests, so that what the
tests start is exactly what a developer starts.
"""
