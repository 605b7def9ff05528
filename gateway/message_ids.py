"""One id namespace for every message, so that nobody can take the id of a message somebody else will store.

`messages.id` in Postgres is the primary key of every message, whoever made it, and the workflows insert with
`ON CONFLICT (id) DO NOTHING` (a retried delivery is a no-op). If a client could choose an id that the system
makes later, it could make that message vanish: e.g. the customer's decision on an estimate, stored by n8n as
`estimate-decision:<number>`. So (docs/contracts.md, "Message ids"):

- ids chosen by a client never contain a colon: the browser's (`[A-Za-z0-9_-]{8,64}`, a UUID in practice, for
  WebSocket frames and `POST /api/voice` alike) and WhatsApp's (`wamid.` + base64: `WAMID`);
- ids the system makes always do: `reply:<uuid>` (answers), `estimate-decision:<number>` (the customer's
  decision), each kind with its own prefix;
- Postgres enforces the first rule too (`messages_user_id_has_no_colon`, n8n-workflows/schema.sql).

The channels check their own pattern and answer the client in its terms; `Intake.accept` refuses any id with
a colon whatever the channel, so no entry point can be forgotten.
"""

from __future__ import annotations

import re

#: Ids a browser makes (WebSocket `message` frames, `POST /api/voice?id=`).
CLIENT_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
#: WhatsApp message ids, as Meta sends them: `wamid.` and base64 (standard or URL-safe).
WAMID = re.compile(r"wamid\.[A-Za-z0-9_=+/-]{1,250}")
#: Present in every id the system makes, never in an id a client chooses.
SYSTEM_SEPARATOR = ":"


class InvalidMessageId(ValueError):
    """An inbound message id outside the clients' namespace (it contains the system's separator)."""


def check_inbound(message_id: str) -> str:
    if not message_id or SYSTEM_SEPARATOR in message_id:
        raise InvalidMessageId(message_id)
    return message_id
