"""WhatsApp Business Cloud API channel internals.

- `webhook`: signature check and parsing of Meta's webhook bodies into plain dataclasses (no I/O).
- `inbound`: what a verified webhook body does, per message type (intake, dedupe, jobs, notes).
- `jobs`: the durable jobs (send, status, inbound voice note) run on gateway/lanes.py.
- `graph`: the Graph API client (send, read + typing, media lookup and download).
- `text`: splitting long answers at 4096 characters on sentence boundaries.
- `store`: SQLite in the gateway data dir: seen wamids (durable dedupe) and the job table.

The channel itself (routes, start/stop, output side) is `gateway/channels/whatsapp.py`.
"""
