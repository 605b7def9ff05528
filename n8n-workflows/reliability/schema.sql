-- Remedios: nothing lost, failures seen (issue 16). Applied on every start, after schema.sql and
-- notifications/schema.sql. Idempotent: safe to run any number of times. Read n8n-workflows/reliability/README.md.
--
--   workflow_failures    every failed n8n execution of a Remedios workflow ("Remedios · Errors: record a failed
--                        execution", errors-record.json, named by every workflow in settings.errorWorkflow)
--   reply_deliveries     every message n8n owes the gateway, until the gateway has taken it (answered 2xx);
--                        re-sent by "Remedios · Replies: re-send to the gateway" (reply-redrive.json)
--   messages.stored_at / answer_redriven_at
--                        a plumber message stored but never answered (n8n died during the model call) is run
--                        again once by "Remedios · Chat: answer forgotten messages" (answer-redrive.json)

-- ---------------------------------------------------------------------------------------------- failures
CREATE TABLE IF NOT EXISTS workflow_failures (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workflow_id     text,                -- n8n's id, e.g. RmdChatAnswer001
    workflow_name   text,                -- "Remedios · Chat: answer a plumber"
    execution_id    text,                -- open it in n8n: Executions, or execution_url
    execution_url   text,
    mode            text,                -- webhook | trigger | integrated | ...
    failed_node     text,                -- the node that stopped the execution (lastNodeExecuted)
    error_message   text NOT NULL,
    error_detail    text,                -- description and the first lines of the stack, for whoever fixes it
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (execution_id)                -- n8n calls the error workflow once per execution; never twice a row
);

CREATE INDEX IF NOT EXISTS workflow_failures_created_idx ON workflow_failures (created_at DESC);

-- The error workflow's one statement: record the failure (once per execution) and say what to tell staff.
CREATE OR REPLACE FUNCTION workflow_failure_record(
    p_workflow_id text, p_workflow_name text, p_execution_id text, p_execution_url text, p_mode text,
    p_failed_node text, p_error_message text, p_error_detail text
) RETURNS TABLE (id bigint, is_new boolean, summary text)
LANGUAGE plpgsql AS $$
DECLARE
    v_id bigint;
BEGIN
    INSERT INTO workflow_failures (workflow_id, workflow_name, execution_id, execution_url, mode, failed_node,
                                   error_message, error_detail)
    VALUES (nullif(btrim(p_workflow_id), ''), nullif(btrim(p_workflow_name), ''), nullif(btrim(p_execution_id), ''),
            nullif(btrim(p_execution_url), ''), nullif(btrim(p_mode), ''), nullif(btrim(p_failed_node), ''),
            coalesce(nullif(btrim(left(p_error_message, 2000)), ''), '(sin mensaje de error)'),
            nullif(btrim(left(p_error_detail, 4000)), ''))
    ON CONFLICT (execution_id) DO NOTHING
    RETURNING workflow_failures.id INTO v_id;
    RETURN QUERY SELECT
        coalesce(v_id, (SELECT f.id FROM workflow_failures f WHERE f.execution_id = btrim(p_execution_id))),
        v_id IS NOT NULL,
        format('Falló el flujo «%s» en el paso «%s»: %s (ejecución %s%s).',
               coalesce(nullif(btrim(p_workflow_name), ''), p_workflow_id, '?'),
               coalesce(nullif(btrim(p_failed_node), ''), '?'),
               left(coalesce(nullif(btrim(p_error_message), ''), 'sin mensaje'), 300),
               coalesce(nullif(btrim(p_execution_id), ''), '?'),
               CASE WHEN coalesce(btrim(p_execution_url), '') <> '' THEN ', ' || btrim(p_execution_url) ELSE '' END);
END $$;

-- ---------------------------------------------------------------------------------------------- replies
-- One row per assistant message, made in the same transaction as the message (trigger below): whatever happens
-- to n8n or the gateway after the answer is stored, the row says it is still owed until the gateway took it.
CREATE TABLE IF NOT EXISTS reply_deliveries (
    message_id      text PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    -- pending: not yet taken by the gateway | taken: the gateway answered 2xx (it stored or queued the reply)
    -- | abandoned: still not taken after reply_delivery_give_up (24 h): staff see it, nothing re-sends it
    state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'taken', 'abandoned')),
    attempts        integer NOT NULL DEFAULT 0,     -- re-sends by the re-drive workflow (the first send is not one)
    -- when the re-drive may try next: a minute after the answer (the answering workflow retries for about 15 s
    -- to 90 s itself), then 30 s, 1, 2, 4, 8 minutes, then every 10 minutes
    next_attempt_at timestamptz NOT NULL DEFAULT now() + interval '60 seconds',
    last_error      text,                           -- why the last re-send failed
    created_at      timestamptz NOT NULL DEFAULT now(),
    taken_at        timestamptz
);

CREATE INDEX IF NOT EXISTS reply_deliveries_due_idx ON reply_deliveries (next_attempt_at) WHERE state = 'pending';

CREATE OR REPLACE FUNCTION reply_delivery_owed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.role = 'assistant' THEN
        INSERT INTO reply_deliveries (message_id) VALUES (NEW.id) ON CONFLICT (message_id) DO NOTHING;
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS messages_reply_delivery_owed ON messages;
CREATE TRIGGER messages_reply_delivery_owed AFTER INSERT ON messages
    FOR EACH ROW EXECUTE FUNCTION reply_delivery_owed();

-- The gateway took it (2xx from POST /callbacks/n8n; a duplicate it already had also answers 2xx).
CREATE OR REPLACE FUNCTION reply_delivery_taken(p_message_id text) RETURNS TABLE (message_id text, state text)
LANGUAGE sql AS $$
    UPDATE reply_deliveries d SET state = 'taken', taken_at = coalesce(d.taken_at, now()), last_error = NULL
    WHERE d.message_id = p_message_id AND d.state <> 'taken'
    RETURNING d.message_id, d.state;
$$;

CREATE OR REPLACE FUNCTION reply_delivery_failed(p_message_id text, p_error text)
RETURNS TABLE (message_id text, state text, attempts integer, next_attempt_at timestamptz)
LANGUAGE sql AS $$
    UPDATE reply_deliveries d SET last_error = left(coalesce(nullif(btrim(p_error), ''), 'unknown error'), 2000)
    WHERE d.message_id = p_message_id AND d.state = 'pending'
    RETURNING d.message_id, d.state, d.attempts, d.next_attempt_at;
$$;

-- The replies due for a re-send, claimed: each gets its attempt counted and its next try moved on before it is
-- sent, so a re-drive that dies half-way does not re-send in a loop, and two runs never take the same row.
-- Returns the exact reply the gateway expects (docs/contracts.md, section 4), built from the stored message:
-- the answer's article card (metadata.article) and an estimate decision's card (metadata.estimate) go with it.
-- Replies older than p_give_up are marked abandoned instead (WhatsApp only allows free text for 24 h).
CREATE OR REPLACE FUNCTION reply_deliveries_due(p_limit integer DEFAULT 20,
                                                p_give_up interval DEFAULT interval '24 hours')
RETURNS TABLE (message_id text, conversation_id text, attempts integer, reply jsonb)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reply_deliveries d SET state = 'abandoned', last_error = coalesce(d.last_error, '') || ' [abandoned]'
    WHERE d.state = 'pending' AND d.created_at < now() - p_give_up;
    RETURN QUERY
    WITH due AS (
        SELECT d.message_id FROM reply_deliveries d
        WHERE d.state = 'pending' AND d.next_attempt_at <= now()
        ORDER BY d.next_attempt_at
        LIMIT greatest(p_limit, 1)
        FOR UPDATE SKIP LOCKED
    ), claimed AS (
        UPDATE reply_deliveries d
        SET attempts = d.attempts + 1,
            next_attempt_at = now() + least(interval '10 minutes', interval '30 seconds' * power(2, d.attempts))
        FROM due WHERE d.message_id = due.message_id
        RETURNING d.message_id, d.attempts
    )
    -- Only the reply's own absent keys are left out (no in_reply_to, no card): the cards go as they were
    -- stored, null keys included (jsonb_strip_nulls would also strip inside them, e.g. an estimate's
    -- "tax_rate": null for several IVA rates or a line's "note": null, so the re-sent card was not the card).
    SELECT m.id, m.conversation_id, c.attempts,
           (SELECT jsonb_object_agg(f.key, f.value) FROM jsonb_each(jsonb_build_object(
               'type', 'reply',
               'conversation_id', m.conversation_id,
               'channel', m.channel,
               'message_id', m.id,
               'in_reply_to', m.in_reply_to,
               'text', m.text,
               'timestamp', to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'article', CASE WHEN jsonb_typeof(m.metadata -> 'article') = 'object' THEN m.metadata -> 'article' END,
               'choices', CASE WHEN jsonb_typeof(m.metadata -> 'choices') = 'array' THEN m.metadata -> 'choices' END,
               'estimate', CASE WHEN jsonb_typeof(m.metadata -> 'estimate') = 'object' THEN m.metadata -> 'estimate' END,
               'template', CASE WHEN jsonb_typeof(m.metadata -> 'template') = 'object' THEN m.metadata -> 'template' END)) f
            WHERE f.value <> 'null'::jsonb)
    FROM claimed c JOIN messages m ON m.id = c.message_id
    ORDER BY m.created_at;
END $$;

-- ---------------------------------------------------------------------------------------------- answers
-- When n8n stored the plumber's message (not the gateway's timestamp, which can be old after an outage), and
-- when it was run again because no answer came. Rows stored before this column existed stay NULL: never re-run.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS stored_at timestamptz;
ALTER TABLE messages ALTER COLUMN stored_at SET DEFAULT now();
ALTER TABLE messages ADD COLUMN IF NOT EXISTS answer_redriven_at timestamptz;
CREATE INDEX IF NOT EXISTS messages_unanswered_idx ON messages (stored_at)
    WHERE role = 'user' AND answer_redriven_at IS NULL;

-- Plumber messages stored more than p_timeout ago (and less than p_max_age) that have no answer and were never
-- run again, claimed (answer_redriven_at set, so each is run again once), as the request the gateway sends to
-- the chat webhook (docs/contracts.md, section 2). Messages kept only for the history (metadata.store_only:
-- photos, stickers…) are never answered, so never run again.
CREATE OR REPLACE FUNCTION unanswered_messages_claim(p_timeout interval DEFAULT interval '10 minutes',
                                                     p_max_age interval DEFAULT interval '24 hours',
                                                     p_limit integer DEFAULT 5)
RETURNS TABLE (message_id text, conversation_id text, request jsonb)
LANGUAGE sql AS $$
    WITH due AS (
        SELECT m.id FROM messages m
        WHERE m.role = 'user' AND m.answer_redriven_at IS NULL
          AND m.stored_at < now() - p_timeout AND m.stored_at > now() - p_max_age
          AND NOT coalesce((m.metadata ->> 'store_only')::boolean, false)
          AND NOT EXISTS (SELECT 1 FROM messages a WHERE a.in_reply_to = m.id AND a.role = 'assistant')
        ORDER BY m.stored_at
        LIMIT greatest(p_limit, 1)
        FOR UPDATE OF m SKIP LOCKED
    ), claimed AS (
        UPDATE messages m SET answer_redriven_at = now() FROM due WHERE m.id = due.id
        RETURNING m.id, m.conversation_id, m.channel, m.text, m.metadata, m.created_at
    )
    SELECT c.id, c.conversation_id,
           jsonb_build_object(
               'conversation_id', c.conversation_id,
               'message_id', c.id,
               'channel', c.channel,
               'text', c.text,
               'sender', jsonb_strip_nulls(jsonb_build_object('id', conv.sender_id, 'name', conv.sender_name)),
               'timestamp', to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'metadata', c.metadata || jsonb_build_object('redriven', true))
    FROM claimed c JOIN conversations conv ON conv.id = c.conversation_id;
$$;
