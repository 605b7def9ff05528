-- Remedios: tables the n8n workflows use (database "remedios").
-- Applied by the local runner (devstack) and by the compose "n8n-import" service.
-- Idempotent: safe to run on every start.

CREATE TABLE IF NOT EXISTS conversations (
    id              text PRIMARY KEY,                 -- "web:<browser id>", "wa:<phone>", ...
    channel         text NOT NULL,                    -- web | whatsapp
    sender_id       text,
    sender_name     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_message_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS messages (
    id              text PRIMARY KEY,                 -- message id from the gateway (user) or from n8n (assistant)
    seq             bigint GENERATED ALWAYS AS IDENTITY, -- arrival order, for stable sorting
    conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role            text NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
    channel         text NOT NULL,
    text            text NOT NULL,
    in_reply_to     text,                             -- for assistant messages: the user message answered
    status          text NOT NULL DEFAULT 'ok',       -- ok | llm_error | ... (delivery statuses for WhatsApp)
    error           text,                             -- what went wrong, for staff (never shown to plumbers)
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS messages_conversation_created_idx
    ON messages (conversation_id, created_at, seq);

-- One answer per plumber message, whatever retries happen upstream.
CREATE UNIQUE INDEX IF NOT EXISTS messages_one_answer_per_question_idx
    ON messages (in_reply_to) WHERE role = 'assistant';

-- Delivery on external channels (WhatsApp): the channel's own id for a message (wamid…) and the latest
-- delivery status reported for it (sent → delivered → read/played; failed with the reason).
ALTER TABLE messages ADD COLUMN IF NOT EXISTS external_id text;
ALTER TABLE messages ADD COLUMN IF NOT EXISTS delivery_status text;
ALTER TABLE messages ADD COLUMN IF NOT EXISTS delivery_error text;
ALTER TABLE messages ADD COLUMN IF NOT EXISTS delivery_updated_at timestamptz;
CREATE INDEX IF NOT EXISTS messages_external_id_idx ON messages (external_id) WHERE external_id IS NOT NULL;

-- One id namespace for every message (docs/contracts.md, "Message ids"). Ids chosen by clients (the browser's,
-- WhatsApp's wamids) never contain ':'; ids the system makes always do ('reply:<uuid>' for answers,
-- 'estimate-decision:<number>' for a customer's decision). The workflows insert with ON CONFLICT (id) DO NOTHING,
-- so without this a client could take a system message's id in advance and make that message vanish.
-- Added NOT VALID (rows stored before the rule are not re-checked), then validated when no old row breaks it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint
                   WHERE conname = 'messages_user_id_has_no_colon' AND conrelid = 'messages'::regclass) THEN
        ALTER TABLE messages ADD CONSTRAINT messages_user_id_has_no_colon
            CHECK (role <> 'user' OR strpos(id, ':') = 0) NOT VALID;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_constraint
               WHERE conname = 'messages_user_id_has_no_colon' AND conrelid = 'messages'::regclass
                 AND NOT convalidated)
       AND NOT EXISTS (SELECT 1 FROM messages WHERE role = 'user' AND strpos(id, ':') > 0) THEN
        ALTER TABLE messages VALIDATE CONSTRAINT messages_user_id_has_no_colon;
    END IF;
END $$;
