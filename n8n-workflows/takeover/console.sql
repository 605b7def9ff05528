-- Remedios: what the staff console may do (docs/contracts.md §10). One function, staff_console(request),
-- called by the workflow "Remedios · Staff: console" for every request the gateway relays from a staff page.
-- It decides everything (who is logged in, who may take or answer what, what is stored, what is sent) and
-- answers {"ok": true, …} or {"ok": false, "error": <code>, "message": <Spanish>}; "send" lists the
-- callbacks (docs/contracts.md §4) the workflow then signs and posts to the gateway, and "changed" names the
-- conversation whose state changed (the gateway tells every open console). Applied after takeover/schema.sql.

CREATE OR REPLACE FUNCTION staff_console_refusal(code text, message text)
RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('ok', false, 'error', code, 'message', message);
$$;

CREATE OR REPLACE FUNCTION staff_console_iso(t timestamptz)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
$$;

-- WhatsApp lets a business send free text only within 24 hours of the customer's last message.
-- Other channels have no window.
CREATE OR REPLACE FUNCTION staff_console_window_open(p_conversation_id text)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT p_conversation_id NOT LIKE 'wa:%'
        OR coalesce((SELECT max(created_at) FROM messages
                     WHERE conversation_id = p_conversation_id AND role = 'user'), '-infinity') > now() - interval '24 hours';
$$;

-- One row of the conversation list, as the console shows it.
CREATE OR REPLACE FUNCTION staff_console_summary(p_conversation_id text, p_staff_id bigint)
RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', c.id, 'channel', c.channel, -- never the whole web id: whoever has it can open that chat (docs/contracts.md §8)
        'name', coalesce(c.sender_name, CASE WHEN c.id LIKE 'wa:%' THEN '+' || substr(c.id, 4)
                                             ELSE 'Chat web ' || left(split_part(c.id, ':', 2), 8) END),
        'state', coalesce(o.state, 'agent'), 'owner_id', o.staff_id, 'owner_name', a.display_name,
        'resolved', o.resolved_at IS NOT NULL, 'window_open', staff_console_window_open(c.id), 'waiting_since', staff_console_iso(o.waiting_since),
        'template_ready', (SELECT whatsapp_template_name IS NOT NULL FROM staff_settings),
        'last_message_at', staff_console_iso(c.last_message_at),
        'last_text', (SELECT left(m.text, 140) FROM messages m WHERE m.conversation_id = c.id
                      ORDER BY m.created_at DESC, m.seq DESC LIMIT 1),
        'unread', (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND m.role = 'user'
                     AND m.seq > coalesce((SELECT r.last_seq FROM staff_reads r
                                          WHERE r.staff_id = p_staff_id AND r.conversation_id = c.id), 0)))
    FROM conversations c
    LEFT JOIN conversation_owners o ON o.conversation_id = c.id
    LEFT JOIN staff_accounts a ON a.id = o.staff_id
    WHERE c.id = p_conversation_id;
$$;

-- The reply callback (§4) for a message stored by staff, so it goes out by the agent's own durable path.
CREATE OR REPLACE FUNCTION staff_console_reply_callback(p_message_id text)
RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('type', 'reply', 'conversation_id', m.conversation_id, 'channel', c.channel,
                              'message_id', m.id, 'in_reply_to', NULL, 'text', m.text,
                              'timestamp', staff_console_iso(m.created_at), 'template', m.metadata -> 'template')  -- null but for templates
    FROM messages m JOIN conversations c ON c.id = m.conversation_id
    WHERE m.id = p_message_id;
$$;

-- Store a message written by (or announcing) a staff member. NULL when that id was already stored (a retry).
CREATE OR REPLACE FUNCTION staff_console_store(p_id text, p_conversation_id text, p_staff staff_accounts,
                                               p_text text, p_handover text)
RETURNS text LANGUAGE sql AS $$
    WITH stored AS (
        INSERT INTO messages (id, conversation_id, role, channel, text, metadata)
        SELECT p_id, c.id, 'assistant', c.channel, p_text,
               jsonb_strip_nulls(jsonb_build_object(
                   'author', jsonb_build_object('kind', 'staff', 'id', p_staff.id, 'name', p_staff.display_name),
                   'handover', p_handover))
        FROM conversations c WHERE c.id = p_conversation_id
        ON CONFLICT (id) DO NOTHING
        RETURNING id
    ), touched AS (
        UPDATE conversations SET last_message_at = now()
        WHERE id = p_conversation_id AND EXISTS (SELECT 1 FROM stored)
    )
    SELECT id FROM stored;
$$;

CREATE OR REPLACE FUNCTION staff_console(request jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    action text := request ->> 'action';
    conv_id text := request ->> 'conversation_id';
    key text := request ->> 'key';
    body text := btrim(coalesce(request ->> 'text', ''));
    staff staff_accounts%ROWTYPE;
    token text;
    settings staff_settings%ROWTYPE;
    owner conversation_owners%ROWTYPE;
    stored_id text;
    result jsonb;
    sends jsonb := '[]'::jsonb;
    won boolean;
    known boolean;
BEGIN
    SELECT * INTO settings FROM staff_settings;
    DELETE FROM staff_sessions WHERE expires_at < now() - interval '1 day';

    IF action = 'login' THEN
        SELECT * INTO staff FROM staff_accounts
        WHERE username = lower(btrim(coalesce(request ->> 'username', ''))) AND active;
        known := FOUND;
        IF NOT known THEN  -- the same work as a wrong password: the answer's timing does not tell who exists
            PERFORM staff_pbkdf2_sha256(convert_to(coalesce(request ->> 'password', ''), 'UTF8'), '\x00'::bytea,
                                        settings.password_iterations);
        END IF;
        IF NOT known OR NOT staff_password_matches(request ->> 'password', staff.password_hash) THEN
            RETURN staff_console_refusal('bad_login', 'Usuario o contraseña incorrectos.');
        END IF;
        token := replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
        INSERT INTO staff_sessions (token_hash, staff_id, expires_at)
        VALUES (encode(sha256(convert_to(token, 'UTF8')), 'hex'), staff.id,
                now() + settings.session_hours * interval '1 hour');
        RETURN jsonb_build_object('ok', true, 'session', token,
            'expires_at', staff_console_iso(now() + settings.session_hours * interval '1 hour'),
            'staff', jsonb_build_object('id', staff.id, 'username', staff.username, 'name', staff.display_name));
    END IF;

    -- Every other action needs a live session (a plumber's conversation id is never one).
    SELECT a.* INTO staff FROM staff_sessions s JOIN staff_accounts a ON a.id = s.staff_id
    WHERE s.token_hash = encode(sha256(convert_to(coalesce(request ->> 'session', ''), 'UTF8')), 'hex')
      AND s.expires_at > now() AND a.active;
    IF NOT FOUND THEN
        RETURN staff_console_refusal('no_session', 'La sesión ha caducado. Vuelva a entrar.');
    END IF;

    IF action = 'logout' THEN
        DELETE FROM staff_sessions
        WHERE token_hash = encode(sha256(convert_to(request ->> 'session', 'UTF8')), 'hex');
        RETURN jsonb_build_object('ok', true);
    ELSIF action = 'whoami' THEN
        RETURN jsonb_build_object('ok', true,
            'staff', jsonb_build_object('id', staff.id, 'username', staff.username, 'name', staff.display_name));
    ELSIF action = 'list' THEN
        -- Waiting for a person first (oldest wait first), then those a person has, then the rest, newest first.
        SELECT coalesce(jsonb_agg(staff_console_summary(c.id, staff.id)
                                  ORDER BY CASE coalesce(o.state, 'agent') WHEN 'waiting' THEN 0
                                                WHEN 'person' THEN 1 ELSE 2 END,
                                           CASE WHEN o.state = 'waiting' THEN o.waiting_since END,
                                           c.last_message_at DESC), '[]'::jsonb)
        INTO result
        FROM (SELECT * FROM conversations ORDER BY last_message_at DESC LIMIT 300) c
        LEFT JOIN conversation_owners o ON o.conversation_id = c.id;
        RETURN jsonb_build_object('ok', true, 'conversations', result);
    END IF;

    -- The rest act on one conversation.
    IF conv_id IS NULL OR NOT EXISTS (SELECT 1 FROM conversations WHERE id = conv_id) THEN
        RETURN staff_console_refusal('unknown_conversation', 'Esa conversación no existe.');
    END IF;
    IF action IN ('take', 'reply', 'note', 'handback', 'resolve', 'template')
       AND (key IS NULL OR key !~ '^[A-Za-z0-9_-]{8,64}$') THEN
        RETURN staff_console_refusal('invalid_request', 'Falta la clave de la acción.');
    END IF;
    INSERT INTO conversation_owners (conversation_id) VALUES (conv_id) ON CONFLICT (conversation_id) DO NOTHING;

    IF action = 'thread' THEN
        SELECT coalesce(jsonb_agg(jsonb_build_object(
                   'id', m.id, 'role', m.role, 'text', m.text, 'timestamp', staff_console_iso(m.created_at),
                   'in_reply_to', m.in_reply_to, 'status', m.status, 'author', m.metadata -> 'author',
                   'handover', m.metadata ->> 'handover', 'voice', m.metadata -> 'voice',
                   'estimate', m.metadata -> 'estimate' ->> 'number', 'delivery_status', m.delivery_status,
                   'delivery_error', m.delivery_error) ORDER BY m.created_at, m.seq), '[]'::jsonb)
        INTO result
        FROM messages m WHERE m.conversation_id = conv_id AND m.role IN ('user', 'assistant');
        INSERT INTO staff_reads (staff_id, conversation_id, last_seq)
        VALUES (staff.id, conv_id, coalesce((SELECT max(seq) FROM messages WHERE conversation_id = conv_id), 0))
        ON CONFLICT (staff_id, conversation_id) DO UPDATE SET last_seq = GREATEST(staff_reads.last_seq, EXCLUDED.last_seq);
        RETURN jsonb_build_object('ok', true, 'conversation', staff_console_summary(conv_id, staff.id),
            'messages', result,
            'notes', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                          'id', n.id, 'text', n.text, 'author', a.display_name,
                          'timestamp', staff_console_iso(n.created_at)) ORDER BY n.created_at), '[]'::jsonb)
                      FROM conversation_notes n JOIN staff_accounts a ON a.id = n.staff_id
                      WHERE n.conversation_id = conv_id));
    END IF;

    IF action = 'take' THEN
        -- Exactly one wins: the row is locked by the first UPDATE; a second one re-reads it and matches nothing.
        UPDATE conversation_owners SET state = 'person', staff_id = staff.id, resolved_at = NULL, changed_at = now()
        WHERE conversation_id = conv_id AND state <> 'person'
        RETURNING true INTO won;
        IF won IS NULL THEN
            SELECT * INTO owner FROM conversation_owners WHERE conversation_id = conv_id;
            IF owner.staff_id = staff.id THEN   -- a double click: already mine, nothing new
                RETURN jsonb_build_object('ok', true, 'already', true, 'changed', conv_id,
                                          'conversation', staff_console_summary(conv_id, staff.id));
            END IF;
            RETURN staff_console_refusal('taken', format('%s ya atiende esta conversación.',
                (SELECT display_name FROM staff_accounts WHERE id = owner.staff_id)));
        END IF;
        stored_id := CASE WHEN staff_console_window_open(conv_id) THEN staff_console_store('staff-join:' || key, conv_id, staff,
            format('%s, del equipo técnico, se ha unido a la conversación. A partir de ahora le atiende una persona.',
                   staff.display_name), 'joined') END;
        IF stored_id IS NOT NULL THEN
            sends := sends || jsonb_build_array(
                jsonb_build_object('type', 'typing', 'conversation_id', conv_id, 'active', false),
                staff_console_reply_callback(stored_id));
        END IF;
    ELSIF action IN ('reply', 'note') THEN
        IF body = '' OR length(body) > 4000 THEN
            RETURN staff_console_refusal('invalid_text', 'Escriba un texto de 1 a 4.000 caracteres.');
        END IF;
        IF action = 'note' THEN
            INSERT INTO conversation_notes (id, conversation_id, staff_id, text)
            VALUES ('note:' || key, conv_id, staff.id, body) ON CONFLICT (id) DO NOTHING;
            RETURN jsonb_build_object('ok', true, 'changed', conv_id);
        END IF;
        SELECT * INTO owner FROM conversation_owners WHERE conversation_id = conv_id;
        IF owner.state IS DISTINCT FROM 'person' OR owner.staff_id <> staff.id THEN
            -- A retry of a reply that was stored before a hand-back is still the same message.
            IF EXISTS (SELECT 1 FROM messages WHERE id = 'staff:' || key) THEN
                RETURN jsonb_build_object('ok', true, 'duplicate', true, 'message_id', 'staff:' || key);
            END IF;
            RETURN staff_console_refusal('not_owner', 'Tome la conversación antes de responder.');
        END IF;
        IF NOT staff_console_window_open(conv_id) AND NOT EXISTS (SELECT 1 FROM messages WHERE id = 'staff:' || key) THEN
            RETURN staff_console_refusal('outside_window',
                'Han pasado más de 24 horas desde el último mensaje de este cliente: WhatsApp no permite enviarle '
                || 'texto libre hasta que vuelva a escribir. No se ha enviado nada.');
        END IF;
        stored_id := staff_console_store('staff:' || key, conv_id, staff, body, NULL);
        IF stored_id IS NULL THEN
            RETURN jsonb_build_object('ok', true, 'duplicate', true, 'message_id', 'staff:' || key);
        END IF;
        sends := sends || jsonb_build_array(staff_console_reply_callback(stored_id));
    ELSIF action = 'template' THEN
        -- Outside WhatsApp's 24-hour window: the approved template (staff_settings) instead of free text.
        SELECT * INTO owner FROM conversation_owners WHERE conversation_id = conv_id;
        IF owner.state IS DISTINCT FROM 'person' OR owner.staff_id <> staff.id THEN
            IF EXISTS (SELECT 1 FROM messages WHERE id = 'staff-template:' || key) THEN
                RETURN jsonb_build_object('ok', true, 'duplicate', true, 'message_id', 'staff-template:' || key);
            END IF;
            RETURN staff_console_refusal('not_owner', 'Tome la conversación antes de responder.');
        END IF;
        IF conv_id NOT LIKE 'wa:%' THEN
            RETURN staff_console_refusal('not_whatsapp', 'Las plantillas solo existen en WhatsApp: escriba su respuesta.');
        END IF;
        IF settings.whatsapp_template_name IS NULL THEN
            RETURN staff_console_refusal('no_template',
                'No hay plantilla de WhatsApp configurada (staff_settings.whatsapp_template_name). No se ha enviado nada.');
        END IF;
        stored_id := staff_console_store('staff-template:' || key, conv_id, staff, settings.whatsapp_template_text, NULL);
        IF stored_id IS NULL THEN
            RETURN jsonb_build_object('ok', true, 'duplicate', true, 'message_id', 'staff-template:' || key);
        END IF;
        UPDATE messages SET metadata = metadata || jsonb_build_object('template', jsonb_build_object(
                   'name', settings.whatsapp_template_name, 'language', settings.whatsapp_template_language))
        WHERE id = stored_id;
        sends := sends || jsonb_build_array(staff_console_reply_callback(stored_id));
    ELSIF action = 'typing' THEN
        SELECT * INTO owner FROM conversation_owners WHERE conversation_id = conv_id;
        IF owner.state IS DISTINCT FROM 'person' OR owner.staff_id <> staff.id THEN
            RETURN staff_console_refusal('not_owner', 'Tome la conversación antes de responder.');
        END IF;
        RETURN jsonb_build_object('ok', true, 'send', jsonb_build_array(jsonb_build_object(
            'type', 'typing', 'conversation_id', conv_id, 'active', coalesce((request ->> 'active')::boolean, false))));
    ELSIF action IN ('handback', 'resolve') THEN
        SELECT * INTO owner FROM conversation_owners WHERE conversation_id = conv_id FOR UPDATE;
        IF owner.state = 'person' AND owner.staff_id <> staff.id THEN
            RETURN staff_console_refusal('not_owner', format('%s atiende esta conversación.',
                (SELECT display_name FROM staff_accounts WHERE id = owner.staff_id)));
        END IF;
        IF action = 'handback' AND owner.state <> 'person' THEN
            RETURN jsonb_build_object('ok', true, 'already', true, 'changed', conv_id,
                                      'conversation', staff_console_summary(conv_id, staff.id));
        END IF;
        UPDATE conversation_owners
        SET state = 'agent', staff_id = NULL, waiting_since = NULL, changed_at = now(),
            resolved_at = CASE WHEN action = 'resolve' THEN now() END
        WHERE conversation_id = conv_id;
        IF owner.state = 'person' THEN
            stored_id := CASE WHEN staff_console_window_open(conv_id) THEN staff_console_store('staff-leave:' || key, conv_id, staff,
                format('%s ha dejado la conversación. El asistente automático vuelve a responderle; si necesita a una persona, escriba «quiero hablar con una persona».',
                       staff.display_name), 'left') END;
            IF stored_id IS NOT NULL THEN
                sends := sends || jsonb_build_array(
                    jsonb_build_object('type', 'typing', 'conversation_id', conv_id, 'active', false),
                    staff_console_reply_callback(stored_id));
            END IF;
        END IF;
    ELSE
        RETURN staff_console_refusal('invalid_request', 'Acción desconocida.');
    END IF;

    RETURN jsonb_build_object('ok', true, 'changed', conv_id, 'message_id', stored_id,
                              'conversation', staff_console_summary(conv_id, staff.id), 'send', sends);
END $$;
