-- Remedios: staff take over a conversation (README.md, "Staff console"; docs/contracts.md §10).
-- Who owns each conversation (the agent, nobody yet but a person is wanted, or one staff member), the staff
-- accounts and their sessions, private notes, what each staff member has read, and the one function the
-- workflow "Remedios · Staff: console" (n8n-workflows/workflows/staff-console.json) calls for every action.
-- Applied on every start after notifications/schema.sql. Idempotent: safe to run any number of times.
--
-- The rules, all enforced here (the gateway only relays):
--   * while a person owns a conversation, no agent answer is stored or sent (trigger messages_no_agent_while_person
--     and takeover_agent_may_send, called by "Remedios · Chat: answer a plumber" right before it sends);
--   * exactly one staff member wins a takeover (one conditional UPDATE);
--   * every staff action carries a key: a retry or a double click never makes a second message or note;
--   * notes live in conversation_notes, never in messages: they are never sent and never reach the model.

-- ----------------------------------------------------------------------------------------------------------
-- Staff accounts and sessions
-- ----------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS staff_accounts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    display_name  text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 80),
    -- pbkdf2-sha256$<iterations>$<salt hex>$<hash hex> (staff_password_hash); never the password
    password_hash text NOT NULL CHECK (password_hash LIKE 'pbkdf2-sha256$%'),
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS staff_sessions (
    token_hash  text PRIMARY KEY,                    -- hex SHA-256 of the session token (the token is not stored)
    staff_id    bigint NOT NULL REFERENCES staff_accounts(id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS staff_sessions_expires_idx ON staff_sessions (expires_at);

-- How long a login lasts, and the cost of a password hash. Staff may change them here.
CREATE TABLE IF NOT EXISTS staff_settings (
    id                  boolean PRIMARY KEY DEFAULT true CHECK (id),
    session_hours       numeric NOT NULL DEFAULT 12 CHECK (session_hours > 0 AND session_hours <= 720),
    password_iterations integer NOT NULL DEFAULT 200000 CHECK (password_iterations BETWEEN 1000 AND 1000000),
    min_password_chars  integer NOT NULL DEFAULT 10 CHECK (min_password_chars BETWEEN 8 AND 200)
);
INSERT INTO staff_settings (id) VALUES (true) ON CONFLICT (id) DO NOTHING;
-- WhatsApp's 24-hour window: more than 24 hours after the customer's last message only a template Meta has
-- approved may be sent. Staff send it from the console ("Enviar plantilla"); set its name (as approved in
-- WhatsApp Manager) and language here. NULL name: no template, the console says so.
ALTER TABLE staff_settings ADD COLUMN IF NOT EXISTS whatsapp_template_name text
    CHECK (whatsapp_template_name ~ '^[a-z0-9_]+$' AND length(whatsapp_template_name) <= 512);
ALTER TABLE staff_settings ADD COLUMN IF NOT EXISTS whatsapp_template_language text NOT NULL DEFAULT 'es'
    CHECK (whatsapp_template_language ~ '^[a-z]{2,3}(_[A-Z]{2})?$');
ALTER TABLE staff_settings ADD COLUMN IF NOT EXISTS whatsapp_template_text text NOT NULL
    DEFAULT 'Hola, le escribimos del equipo técnico para retomar su consulta. Responda a este mensaje para seguir hablando.';

-- HMAC-SHA256 (RFC 2104) and PBKDF2-HMAC-SHA256 (RFC 8018) in plain SQL: the embedded PostgreSQL has no
-- pgcrypto. The result is the same as Python's hashlib.pbkdf2_hmac('sha256', …) (tests/integration check it).
CREATE OR REPLACE FUNCTION staff_pbkdf2_sha256(password bytea, salt bytea, iterations integer)
RETURNS bytea LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    k bytea := password;
    ipad bytea;
    opad bytea;
    u bytea;
    acc bit(256);
    hex text := '';
    i integer;
BEGIN
    IF length(k) > 64 THEN k := sha256(k); END IF;
    k := k || decode(repeat('00', 64 - length(k)), 'hex');
    ipad := k;
    opad := k;
    FOR i IN 0..63 LOOP
        ipad := set_byte(ipad, i, get_byte(k, i) # 54);   -- 0x36
        opad := set_byte(opad, i, get_byte(k, i) # 92);   -- 0x5c
    END LOOP;
    u := sha256(opad || sha256(ipad || salt || '\x00000001'::bytea));
    acc := ('x' || encode(u, 'hex'))::bit(256);
    FOR i IN 2..iterations LOOP
        u := sha256(opad || sha256(ipad || u));
        acc := acc # ('x' || encode(u, 'hex'))::bit(256);
    END LOOP;
    FOR i IN 0..3 LOOP
        hex := hex || lpad(to_hex(substring(acc FROM i * 64 + 1 FOR 64)::bigint), 16, '0');
    END LOOP;
    RETURN decode(hex, 'hex');
END $$;

CREATE OR REPLACE FUNCTION staff_password_hash(password text, iterations integer DEFAULT NULL)
RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    n integer := coalesce(iterations, (SELECT password_iterations FROM staff_settings));
    salt bytea := decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex');
BEGIN
    RETURN format('pbkdf2-sha256$%s$%s$%s', n, encode(salt, 'hex'),
                  encode(staff_pbkdf2_sha256(convert_to(password, 'UTF8'), salt, n), 'hex'));
END $$;

CREATE OR REPLACE FUNCTION staff_password_matches(password text, stored text)
RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
    parts text[] := string_to_array(stored, '$');
BEGIN
    IF password IS NULL OR stored IS NULL OR array_length(parts, 1) <> 4 OR parts[1] <> 'pbkdf2-sha256' THEN
        RETURN false;
    END IF;
    RETURN encode(staff_pbkdf2_sha256(convert_to(password, 'UTF8'), decode(parts[3], 'hex'), parts[2]::integer),
                  'hex') = parts[4];
END $$;

-- Create or update an account (python -m devstack staff add …, or from an n8n Postgres node). Returns its id.
CREATE OR REPLACE FUNCTION staff_account_set(p_username text, p_display_name text, p_password text)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    min_chars integer := (SELECT min_password_chars FROM staff_settings);
    account_id bigint;
BEGIN
    IF p_username IS NULL OR lower(btrim(p_username)) !~ '^[a-z0-9][a-z0-9._-]{1,39}$' THEN
        RAISE EXCEPTION 'invalid user name %: 2-40 characters, lower-case letters, digits, ".", "_" or "-"', p_username
            USING ERRCODE = '22023';
    END IF;
    IF p_password IS NULL OR length(p_password) < min_chars THEN
        RAISE EXCEPTION 'the password must have at least % characters', min_chars USING ERRCODE = '22023';
    END IF;
    IF p_display_name IS NULL OR length(btrim(p_display_name)) NOT BETWEEN 1 AND 80 THEN
        RAISE EXCEPTION 'the display name must have 1-80 characters' USING ERRCODE = '22023';
    END IF;
    INSERT INTO staff_accounts (username, display_name, password_hash)
    VALUES (lower(btrim(p_username)), btrim(p_display_name), staff_password_hash(p_password))
    ON CONFLICT (username) DO UPDATE
        SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash, active = true,
            updated_at = now()
    RETURNING id INTO account_id;
    -- A new password ends every open session of that account.
    DELETE FROM staff_sessions WHERE staff_id = account_id;
    RETURN account_id;
END $$;

-- ----------------------------------------------------------------------------------------------------------
-- Who owns a conversation
-- ----------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS conversation_owners (
    conversation_id text PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
    -- agent: the assistant answers | waiting: a person was asked for (the assistant still answers) |
    -- person: staff_id answers, the assistant is silent
    state           text NOT NULL DEFAULT 'agent' CHECK (state IN ('agent', 'waiting', 'person')),
    staff_id        bigint REFERENCES staff_accounts(id),
    waiting_since   timestamptz,
    resolved_at     timestamptz,                     -- set by "resolve", cleared by the plumber's next message
    changed_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((state = 'person') = (staff_id IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS conversation_owners_state_idx ON conversation_owners (state);

-- Private notes of staff about a conversation: never sent, never in the model's context.
CREATE TABLE IF NOT EXISTS conversation_notes (
    id              text PRIMARY KEY,                -- 'note:<key>' (the console's idempotency key)
    conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    staff_id        bigint NOT NULL REFERENCES staff_accounts(id),
    text            text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 4000),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS conversation_notes_conversation_idx ON conversation_notes (conversation_id, created_at);

-- The last message each staff member has seen, for the unread counts.
CREATE TABLE IF NOT EXISTS staff_reads (
    staff_id        bigint NOT NULL REFERENCES staff_accounts(id) ON DELETE CASCADE,
    conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    last_seq        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (staff_id, conversation_id)
);

-- Agent answers that were not sent because a person took the conversation over while the model was writing.
CREATE TABLE IF NOT EXISTS takeover_dropped_replies (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id      text NOT NULL,
    conversation_id text NOT NULL,
    in_reply_to     text,
    text            text NOT NULL,
    staff_id        bigint,
    dropped_at      timestamptz NOT NULL DEFAULT now()
);

-- Called by the chat workflow first, for every plumber message: true when the agent may answer it. A message
-- that arrives while a person owns the conversation is for that person: it is marked as already run again
-- (answer_redriven_at, reliability/schema.sql), so "Remedios · Chat: answer forgotten messages" never has the
-- agent answer it later, after the hand-back.
DROP FUNCTION IF EXISTS takeover_agent_may_answer(text);
CREATE OR REPLACE FUNCTION takeover_agent_may_answer(p_conversation_id text, p_message_id text DEFAULT NULL)
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    UPDATE conversation_owners SET resolved_at = NULL
    WHERE conversation_id = p_conversation_id AND resolved_at IS NOT NULL;
    IF NOT EXISTS (SELECT 1 FROM conversation_owners WHERE conversation_id = p_conversation_id AND state = 'person') THEN
        RETURN true;
    END IF;
    UPDATE messages SET answer_redriven_at = coalesce(answer_redriven_at, now())
    WHERE id = p_message_id AND role = 'user';
    RETURN false;
END $$;

-- Called by the chat workflow right before it sends an agent answer: true when it may go out. While a person
-- owns the conversation the stored answer is moved to takeover_dropped_replies (it never reaches the plumber,
-- the history or the staff console) and false is returned.
CREATE OR REPLACE FUNCTION takeover_agent_may_send(p_message_id text)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    m messages%ROWTYPE;
    owner bigint;
BEGIN
    SELECT * INTO m FROM messages WHERE id = p_message_id;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    SELECT staff_id INTO owner FROM conversation_owners
    WHERE conversation_id = m.conversation_id AND state = 'person' FOR SHARE;
    IF owner IS NULL OR m.role <> 'assistant' OR m.metadata -> 'author' ->> 'kind' = 'staff' THEN
        RETURN true;
    END IF;
    INSERT INTO takeover_dropped_replies (message_id, conversation_id, in_reply_to, text, staff_id)
    VALUES (m.id, m.conversation_id, m.in_reply_to, m.text, owner);
    DELETE FROM messages WHERE id = m.id;
    RETURN false;
END $$;

-- No agent answer ('reply:…') is even stored while a person owns the conversation (estimate drafts included).
CREATE OR REPLACE FUNCTION takeover_block_agent_answer() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    owner bigint;
BEGIN
    IF NEW.role = 'assistant' AND NEW.id LIKE 'reply:%'
       AND coalesce(NEW.metadata -> 'author' ->> 'kind', 'agent') <> 'staff' THEN
        SELECT staff_id INTO owner FROM conversation_owners
        WHERE conversation_id = NEW.conversation_id AND state = 'person';
        IF owner IS NOT NULL THEN
            INSERT INTO takeover_dropped_replies (message_id, conversation_id, in_reply_to, text, staff_id)
            VALUES (NEW.id, NEW.conversation_id, NEW.in_reply_to, NEW.text, owner);
            RETURN NULL;
        END IF;
    END IF;
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS messages_no_agent_while_person ON messages;
CREATE TRIGGER messages_no_agent_while_person BEFORE INSERT ON messages
    FOR EACH ROW EXECUTE FUNCTION takeover_block_agent_answer();

-- Escalation: a "human_requested" notification (the plumber asked for a person, the agent was not sure, an
-- estimate could not be made) puts the conversation in "waiting" unless a person already has it.
CREATE OR REPLACE FUNCTION takeover_wait_for_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.kind = 'human_requested' AND NEW.conversation_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM conversations WHERE id = NEW.conversation_id) THEN
        INSERT INTO conversation_owners (conversation_id, state, waiting_since)
        VALUES (NEW.conversation_id, 'waiting', now())
        ON CONFLICT (conversation_id) DO UPDATE
            SET state = 'waiting', waiting_since = now(), resolved_at = NULL, changed_at = now()
            WHERE conversation_owners.state <> 'person';
    END IF;
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS staff_notifications_wait_for_person ON staff_notifications;
CREATE TRIGGER staff_notifications_wait_for_person AFTER INSERT ON staff_notifications
    FOR EACH ROW EXECUTE FUNCTION takeover_wait_for_person();
