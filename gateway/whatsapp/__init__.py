"""WhatsApp Business Cloud API channel internals.

- `webhook`: signature check and parsing of Meta's webhook bodies into plain dataclasses (no I/O).
- `graph`: the Graph API client (send, read + typing, media lookup and download).
- `text`: splitting long answers at 4096 characters on sentence boundaries.
- `store`: SQLite in the gateway data dir: seen wamids (durable dedupe) and a retrying job queue.

The channel itself (routes, background work, output side) is `gateway/channels/whatsapp.py`.
"""
