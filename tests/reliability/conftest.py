"""A database of its own (a copy of the session's second seeded template, tests/support/scratch_postgres.py) with
every SQL file of the runner applied twice (devstack SCHEMA_FILES), for
the reliability SQL (n8n-workflows/reliability/schema.sql): failures, replies owed, forgotten messages."""

from __future__ import annotations

from tests.support.db_fixtures import own_database, rolled_back_connection

# twice: idempotent, every start applies it again (a copy of the session's second template, which tests/knowledge
# copies too: SeededCluster.again)
app_db = own_database("reliability", scope="session")
conn = rolled_back_connection("app_db", setup=(
    "INSERT INTO conversations (id, channel, sender_id, sender_name) "
    "VALUES ('wa:34600000001', 'whatsapp', '34600000001', 'Pepe')",))
