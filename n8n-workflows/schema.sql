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

-- The workflows' per-installation settings (issue 16). n8n runs with N8N_BLOCK_ENV_ACCESS_IN_NODE=true, so a
-- workflow cannot read n8n's environment ($env): each workflow that needs one of these reads them all with its
-- Postgres node "Load settings" (SELECT * FROM remedios_settings_row()) and refers to them by name, e.g.
-- {{ $('Load settings').first().json.public_url }}. Addresses and choices only: never a secret (passwords, keys
-- and tokens are n8n credentials, referred to by id).
-- Who writes them: the installation, at every start (the local runner devstack, compose's db-init), from its
-- configuration (README.md, "Configuration"), through remedios_settings_put, which skips an empty value. So an
-- address always follows the configuration, and a choice left empty there (staff_email, mail_from) keeps what
-- staff wrote here. Staff change a value with an UPDATE; the next execution of a workflow uses it (no restart).
CREATE TABLE IF NOT EXISTS remedios_settings (
    key         text PRIMARY KEY,
    value       text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Every setting, with its default (a fresh database) and what it is for. Values already there are kept; the
-- descriptions follow this file.
INSERT INTO remedios_settings (key, value, description) VALUES
    ('gateway_callback_url', 'http://127.0.0.1:8000/callbacks/n8n',
     'Where the workflows send replies, typing signals and staff messages (the gateway''s /callbacks/n8n). '
     'Written at every start from the configuration (compose: N8N_GATEWAY_CALLBACK_URL).'),
    ('public_url', 'http://127.0.0.1:8000',
     'Where customers reach the gateway: the base of the estimate links (https://… of your installation). '
     'Written at every start from REMEDIOS_PUBLIC_URL (local runner: the gateway''s own address when not set).'),
    ('chat_webhook_url', 'http://127.0.0.1:5678/webhook/remedios-chat',
     'n8n''s own chat webhook: "Remedios · Chat: answer forgotten messages" runs a message again there. '
     'Written at every start from the configuration.'),
    ('llm_base_url', 'http://127.0.0.1:4891/v1',
     'The LLM server (OpenAI-compatible) the estimate workflow asks for the items. '
     'Written at every start from the configuration (compose: REMEDIOS_LLM_URL + /v1).'),
    ('llm_relay_url', 'http://127.0.0.1:8000/llm/v1',
     'The gateway''s model relay: the chat asks the model through it and the plumber sees the answer grow. '
     'Written at every start from the configuration.'),
    ('llm_model', 'remedios-local',
     'The model id sent to the LLM server. Written at every start from the configuration.'),
    ('staff_email', '',
     'Where staff notifications are e-mailed (several addresses comma separated); empty: recorded, not e-mailed. '
     'Staff may change it here; REMEDIOS_STAFF_EMAIL, when set, writes it at every start.'),
    ('mail_from', 'Remedios <remedios@localhost>',
     'The sender of staff e-mails (an address of your domain). '
     'Staff may change it here; REMEDIOS_MAIL_FROM, when set, writes it at every start.')
ON CONFLICT (key) DO UPDATE SET description = EXCLUDED.description
 WHERE remedios_settings.description IS DISTINCT FROM EXCLUDED.description;

-- The installation writes one setting. An empty value changes nothing (a choice the configuration leaves
-- open keeps the value staff gave it); an unknown key is an error, not a new row nobody reads.
CREATE OR REPLACE FUNCTION remedios_settings_put(p_key text, p_value text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM remedios_settings WHERE key = p_key) THEN
        RAISE EXCEPTION 'unknown setting "%": the settings are listed in n8n-workflows/schema.sql', p_key;
    END IF;
    IF btrim(coalesce(p_value, '')) = '' THEN
        RETURN;
    END IF;
    UPDATE remedios_settings SET value = btrim(p_value), updated_at = now()
     WHERE key = p_key AND value IS DISTINCT FROM btrim(p_value);
END $$;

-- What the workflows' "Load settings" node reads: one row, one column per setting. A new setting needs a row
-- above and a column here (DROP first: CREATE OR REPLACE cannot change the columns of a function).
DROP FUNCTION IF EXISTS remedios_settings_row();
CREATE FUNCTION remedios_settings_row()
RETURNS TABLE (gateway_callback_url text, public_url text, chat_webhook_url text, llm_base_url text,
               llm_relay_url text, llm_model text, staff_email text, mail_from text)
LANGUAGE sql STABLE AS $$
    SELECT max(value) FILTER (WHERE key = 'gateway_callback_url'),
           rtrim(max(value) FILTER (WHERE key = 'public_url'), '/'),
           max(value) FILTER (WHERE key = 'chat_webhook_url'),
           rtrim(max(value) FILTER (WHERE key = 'llm_base_url'), '/'),
           rtrim(max(value) FILTER (WHERE key = 'llm_relay_url'), '/'),
           max(value) FILTER (WHERE key = 'llm_model'),
           btrim(max(value) FILTER (WHERE key = 'staff_email')),
           btrim(max(value) FILTER (WHERE key = 'mail_from'))
      FROM remedios_settings
$$;
