-- Misses become knowledge (issue 13, item 5): the plumbers' 👍/👎 on answers, the list of questions the
-- assistant could not answer well, and what office staff decided for each.
-- Runs after knowledge/answer.sql on every start; idempotent. Staff read: n8n-workflows/knowledge/README.md,
-- "Unanswered questions".
--
--   SELECT * FROM answer_vote($conversation, $message, $vote);  -- workflow "Chat: answer feedback"
--   SELECT * FROM kb_open_misses;                                  -- what staff still have to look at
--   SELECT kb_miss_decide($answer, $action, $slug, ...);           -- workflow "Knowledge: unanswered questions"
--   SELECT kb_misses_page($notice, $ok);                           -- the staff page (HTML)

-- One vote per answer, changeable: the newest wins.
CREATE TABLE IF NOT EXISTS answer_votes (
    message_id      text PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,  -- the assistant's message
    conversation_id text NOT NULL,
    vote            text NOT NULL CHECK (vote IN ('up', 'down')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- What staff decided for a miss: the question became an example question of an article (`example`), the
-- start of a new article (`new_article`), or it was not for the knowledge base (`dismissed`).
CREATE TABLE IF NOT EXISTS kb_miss_decisions (
    message_id   text PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,     -- the assistant's message
    decision     text NOT NULL CHECK (decision IN ('example', 'new_article', 'dismissed')),
    article_slug text REFERENCES kb_articles (slug) ON UPDATE CASCADE ON DELETE SET NULL,
    question     text NOT NULL,
    decided_by   text NOT NULL DEFAULT '',
    decided_at   timestamptz NOT NULL DEFAULT now()
);

-- The staff page's form tokens: every page shown carries a fresh one in its forms, and a decision is taken only
-- with a token of a page this database showed in the last 12 hours. Another web site cannot read the page
-- (it needs the staff login), so it cannot make a logged-in staff browser post a decision (no cross-site forgery).
CREATE TABLE IF NOT EXISTS kb_page_tokens (
    token      text PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION kb_page_token_ok(p_token text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM kb_page_tokens
                   WHERE token = coalesce(p_token, '') AND created_at > now() - interval '12 hours')
$$;

-- A plumber's vote on an answer. status:
--   recorded         stored (a second vote on the same answer replaces the first)
--   invalid          the vote is not 'up' or 'down', or an id is missing
--   unknown_message  no assistant answer with that id in that conversation (another conversation's answer
--                    gets the same status: nothing tells a stranger that the id exists)
-- http_status is what the webhook answers (200, 400, 404).
CREATE OR REPLACE FUNCTION answer_vote(p_conversation text, p_message text, p_vote text)
RETURNS TABLE (status text, http_status integer, message_id text, vote text)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
    IF coalesce(p_vote, '') NOT IN ('up', 'down') OR coalesce(p_conversation, '') = ''
       OR coalesce(p_message, '') = '' THEN
        RETURN QUERY SELECT 'invalid'::text, 400, p_message, p_vote;
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM messages m
                   WHERE m.id = p_message AND m.conversation_id = p_conversation AND m.role = 'assistant') THEN
        RETURN QUERY SELECT 'unknown_message'::text, 404, p_message, p_vote;
        RETURN;
    END IF;
    INSERT INTO answer_votes AS v (message_id, conversation_id, vote)
    VALUES (p_message, p_conversation, p_vote)
    ON CONFLICT ON CONSTRAINT answer_votes_pkey
        DO UPDATE SET vote = EXCLUDED.vote, updated_at = now();
    RETURN QUERY SELECT 'recorded'::text, 200, p_message, p_vote;
END
$$;

-- A friendly reply is read once, when it is stored (the chat's "Store and send the reply" inserts it): do the
-- plumber's words besides the greeting (metadata.talk_rest, talk_asks; chat-find-answer.json) read as a question?
-- The answer goes to metadata.talk_question, which kb_open_misses reads: the list stays as quick as the table of
-- messages grows (reading the words costs about 1 ms), and a later change to kb_talk_job_words or to the articles
-- does not reopen old greetings.
CREATE OR REPLACE FUNCTION kb_friendly_reply_read() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.role = 'assistant' AND NEW.metadata ->> 'small_talk' = 'true' AND NEW.metadata ? 'talk_rest' THEN
        BEGIN
            NEW.metadata := NEW.metadata || jsonb_build_object('talk_question',
                kb_talk_reads_as_question(NEW.metadata ->> 'talk_rest', NEW.metadata ->> 'talk_asks' = 'true'));
        EXCEPTION WHEN OTHERS THEN
            -- the reply is stored whatever happens here; unread, it is listed for staff (never lost)
            RAISE WARNING 'kb_friendly_reply_read: message % not read (%), listed for staff', NEW.id, SQLERRM;
            NEW.metadata := NEW.metadata || jsonb_build_object('talk_question', true);
        END;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS kb_friendly_reply_read ON messages;
CREATE TRIGGER kb_friendly_reply_read BEFORE INSERT ON messages
    FOR EACH ROW WHEN (NEW.role = 'assistant') EXECUTE FUNCTION kb_friendly_reply_read();

-- The questions staff still have to look at, oldest first: every "not sure" answer (metadata.not_sure, set
-- by the chat workflow's "Not sure: offer a person"), every answer a plumber marked 👎, and every "ninguna" to
-- the cases asked about (metadata.describe, set by "Ask to describe the job": none of the articles the search
-- offered was his job) unless the conversation's next answer is a "not sure" (listed itself, with his
-- description), with the plumber's question (the text of the message answered; for a voice note, its
-- transcript), until staff decide. Also every friendly reply (metadata.small_talk: a greeting or thanks of the
-- phrase list, the no-plumbing reply, a greeting said with words of the trade) whose words read as a question
-- (kb_talk_reads_as_question, knowledge/answer.sql: asked "¿…?", a question word, a word of the trade; reason
-- 'friendly'), so that nothing a plumber asked is lost ("¿y el sifón?" as a first message gets the friendly
-- reply); kb_settings list_friendly_questions = false leaves them out. The words looked at are those besides the
-- greeting (metadata.talk_rest: "hola, ¿qué tal?" is not listed, "hola, ¿qué tal? el sifón…" is), read when the
-- reply was stored (metadata.talk_question, trigger kb_friendly_reply_read above).
CREATE OR REPLACE VIEW kb_open_misses AS
SELECT a.id AS answer_id,
       a.conversation_id,
       a.channel,
       -- after a question asked back, the question the plumber picked a case for (not their "ninguna")
       coalesce(nullif(btrim(a.metadata ->> 'question'), ''), q.text) AS question,
       a.text AS answer,
       -- asked for other words because nothing was found at all (no case refused): not sure, as for staff
       CASE WHEN a.metadata ->> 'not_sure' = 'true' THEN 'not_sure'
            WHEN v.vote = 'down' THEN 'unhelpful'
            WHEN jsonb_typeof(a.metadata -> 'describe' -> 'rejected') = 'array'
                 AND jsonb_array_length(a.metadata -> 'describe' -> 'rejected') = 0 THEN 'not_sure'
            WHEN a.metadata ->> 'small_talk' = 'true' THEN 'friendly'
            ELSE 'none_fit' END AS reason,
       coalesce(a.metadata -> 'sources' ->> 0, '') AS cited_slug,
       a.created_at
FROM messages a
JOIN messages q ON q.id = a.in_reply_to AND q.role = 'user'
LEFT JOIN answer_votes v ON v.message_id = a.id
WHERE a.role = 'assistant'
  AND (a.metadata ->> 'not_sure' = 'true' OR v.vote = 'down'
       OR (a.metadata ->> 'small_talk' = 'true' AND a.metadata ->> 'talk_question' = 'true'
           AND kb_list_friendly_questions())
       OR (jsonb_typeof(a.metadata -> 'describe') = 'object'
           AND NOT EXISTS (SELECT 1 FROM messages n
                           WHERE n.conversation_id = a.conversation_id AND n.role = 'assistant'
                             AND n.metadata ->> 'not_sure' = 'true' AND (n.created_at, n.seq) > (a.created_at, a.seq)
                             AND starts_with(coalesce(n.metadata ->> 'question', ''),
                                             coalesce(a.metadata -> 'describe' ->> 'question', '')))))
  AND NOT EXISTS (SELECT 1 FROM kb_miss_decisions d WHERE d.message_id = a.id)
ORDER BY a.created_at, a.id;

-- Staff's decision on one miss; returns {"ok": true|false, "message": "<Spanish, for the page>"}. Nothing
-- changes when ok is false.
--   p_action 'example'  the question becomes an example question of article p_slug (kb_examples, source
--                       'miss'): from now on it, and questions like it, find that article
--   p_action 'new'      a new article (p_slug, p_title, p_problem, p_procedure, p_safety, p_keywords) with the
--                       question as its first example question
--   p_action 'dismiss'  not for the knowledge base (not plumbing, a test...): it leaves the list
CREATE OR REPLACE FUNCTION kb_miss_decide(
    p_answer text, p_action text, p_slug text DEFAULT '', p_title text DEFAULT '', p_problem text DEFAULT '',
    p_procedure text DEFAULT '', p_safety text DEFAULT '', p_keywords text DEFAULT '', p_staff text DEFAULT ''
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    miss  kb_open_misses%ROWTYPE;
    v_slug  text := lower(btrim(coalesce(p_slug, '')));
    v_title text;
BEGIN
    SELECT * INTO miss FROM kb_open_misses WHERE answer_id = p_answer;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('ok', false, 'message',
            'Esa pregunta ya no está pendiente (otra persona la ha resuelto) o no existe. La lista está al día.');
    END IF;
    IF p_action = 'dismiss' THEN
        INSERT INTO kb_miss_decisions (message_id, decision, question, decided_by)
        VALUES (p_answer, 'dismissed', miss.question, coalesce(p_staff, ''));
        RETURN jsonb_build_object('ok', true, 'message', 'Descartada: «' || left(miss.question, 120) || '».');
    END IF;
    IF p_action = 'example' THEN
        SELECT a.title INTO v_title FROM kb_articles a WHERE a.slug = v_slug AND a.active;
        IF v_title IS NULL THEN
            RETURN jsonb_build_object('ok', false, 'message',
                'No se ha guardado nada: elija un artículo de la lista (no existe o está desactivado: «' || v_slug || '»).');
        END IF;
    ELSIF p_action = 'new' THEN
        v_title := btrim(coalesce(p_title, ''));
        IF v_slug !~ '^[a-z0-9][a-z0-9-]*$' OR length(v_slug) > 60 THEN
            RETURN jsonb_build_object('ok', false, 'message',
                'No se ha guardado nada: el nombre corto solo puede llevar minúsculas, números y guiones, '
                || 'p. ej. «tinaco-rebosa».');
        END IF;
        IF EXISTS (SELECT 1 FROM kb_articles a WHERE a.slug = v_slug) THEN
            RETURN jsonb_build_object('ok', false, 'message',
                'No se ha guardado nada: ya hay un artículo «' || v_slug || '». Elija otro nombre corto o añada la '
                || 'pregunta a ese artículo.');
        END IF;
        IF v_title = '' OR btrim(coalesce(p_procedure, '')) = '' THEN
            RETURN jsonb_build_object('ok', false, 'message',
                'No se ha guardado nada: un artículo nuevo necesita al menos un título y los pasos del procedimiento.');
        END IF;
        INSERT INTO kb_articles (slug, title, problem, procedure, safety, keywords, source)
        VALUES (v_slug, v_title, btrim(coalesce(p_problem, '')), btrim(p_procedure), btrim(coalesce(p_safety, '')),
                btrim(coalesce(p_keywords, '')),
                'Equipo Remedios, desde una pregunta sin respuesta (' || to_char(now(), 'YYYY-MM-DD') || ')');
    ELSE
        RETURN jsonb_build_object('ok', false, 'message', 'No se ha guardado nada: acción desconocida.');
    END IF;
    INSERT INTO kb_examples (article_slug, question, source)
    VALUES (v_slug, btrim(miss.question), 'miss')
    ON CONFLICT (article_slug, question) DO NOTHING;
    INSERT INTO kb_miss_decisions (message_id, decision, article_slug, question, decided_by)
    VALUES (p_answer, CASE WHEN p_action = 'new' THEN 'new_article' ELSE 'example' END, v_slug, miss.question,
            coalesce(p_staff, ''));
    RETURN jsonb_build_object('ok', true, 'message',
        CASE WHEN p_action = 'new' THEN 'Artículo nuevo creado: ' ELSE 'Añadida como pregunta de ejemplo a: ' END
        || v_title || ' (KB-' || v_slug || '). La próxima vez que un fontanero pregunte «' || left(miss.question, 120)
        || '» recibirá este artículo.');
END
$$;

CREATE OR REPLACE FUNCTION kb_html(t text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT replace(replace(replace(replace(replace(coalesce(t, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
                           '"', '&quot;'), '''', '&#39;')
$$;

-- The staff page: the open misses, each with three forms (add it to an article, write a new article, dismiss)
-- carrying a fresh form token, and `p_notice` on top (what the last decision did; `p_ok` false shows it as an error).
CREATE OR REPLACE FUNCTION kb_misses_page(p_notice text DEFAULT '', p_ok boolean DEFAULT true) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    token text := replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
BEGIN
    DELETE FROM kb_page_tokens WHERE created_at < now() - interval '12 hours';
    INSERT INTO kb_page_tokens (token) VALUES (token);
    RETURN kb_misses_page_html(p_notice, p_ok, token);
END
$$;

CREATE OR REPLACE FUNCTION kb_misses_page_html(p_notice text, p_ok boolean, p_token text) RETURNS text
LANGUAGE sql STABLE AS $$
    WITH options AS (
        SELECT string_agg('<option value="' || kb_html(slug) || '">' || kb_html(title) || ' (KB-' || kb_html(slug)
                          || ')</option>', '' ORDER BY title) AS html
        FROM kb_articles WHERE active
    ),
    misses AS (
        -- the 50 oldest (each carries the list of articles: the page stays light with hundreds open)
        SELECT row_number() OVER (ORDER BY created_at, answer_id) AS n, m.* FROM kb_open_misses m
        ORDER BY created_at, answer_id LIMIT 50
    ),
    sections AS (
        SELECT string_agg(format(
$html$<section class="miss" id="miss-%1$s" data-answer="%2$s">
<h2>«%3$s»</h2>
<p class="why">%4$s · %5$s · %6$s</p>
<form method="post"><input type="hidden" name="answer_id" value="%2$s"><input type="hidden" name="token" value="%8$s"><input type="hidden" name="action" value="example">
<label for="slug-%1$s">Artículo que responde a esta pregunta</label>
<select id="slug-%1$s" name="slug" required><option value="">— elija un artículo —</option>%7$s</select>
<button type="submit">Añadir como pregunta de ejemplo</button></form>
<details><summary>O escribir un artículo nuevo</summary>
<form method="post"><input type="hidden" name="answer_id" value="%2$s"><input type="hidden" name="token" value="%8$s"><input type="hidden" name="action" value="new">
<label for="new-slug-%1$s">Nombre corto (minúsculas y guiones)</label><input id="new-slug-%1$s" name="slug" required placeholder="tinaco-rebosa">
<label for="new-title-%1$s">Título</label><input id="new-title-%1$s" name="title" required>
<label for="new-problem-%1$s">Problema (qué pasa y por qué)</label><textarea id="new-problem-%1$s" name="problem" rows="2"></textarea>
<label for="new-procedure-%1$s">Pasos (uno por línea: 1. … 2. …)</label><textarea id="new-procedure-%1$s" name="procedure" rows="5" required></textarea>
<label for="new-safety-%1$s">Seguridad</label><textarea id="new-safety-%1$s" name="safety" rows="2"></textarea>
<label for="new-keywords-%1$s">Otras palabras que usan los fontaneros (separadas por comas)</label><input id="new-keywords-%1$s" name="keywords">
<button type="submit">Crear el artículo</button></form></details>
<form method="post" class="dismiss"><input type="hidden" name="answer_id" value="%2$s"><input type="hidden" name="token" value="%8$s"><input type="hidden" name="action" value="dismiss">
<button type="submit">Descartar (no es una pregunta para la base de conocimiento)</button></form>
</section>$html$,
            n, kb_html(answer_id), kb_html(question),
            CASE reason WHEN 'not_sure' THEN 'El asistente no estaba seguro'
                        WHEN 'none_fit' THEN 'Ninguno de los casos que ofreció el asistente era el del fontanero'
                        WHEN 'friendly' THEN 'El asistente respondió con un saludo o una respuesta amable, pero parece una pregunta'
                        ELSE 'El fontanero marcó la respuesta como no útil 👎'
                             || CASE WHEN cited_slug <> '' THEN ' (citaba KB-' || kb_html(cited_slug) || ')' ELSE '' END
            END,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'),
            CASE channel WHEN 'whatsapp' THEN 'WhatsApp' ELSE 'web' END,
            (SELECT html FROM options), kb_html(p_token)), E'\n' ORDER BY n) AS html
        FROM misses
    ),
    total AS (SELECT count(*) AS open FROM kb_open_misses)
    SELECT '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">'
        || '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">'
        || '<title>Preguntas sin respuesta · Remedios</title><style>'
        || 'body{margin:0;background:#eef1f4;font:16px/1.5 system-ui,sans-serif;color:#1c2430}'
        || 'main{max-width:760px;margin:24px auto;padding:0 12px}h1{font-size:22px}'
        || '.miss{background:#fff;border-radius:10px;padding:16px 20px;margin:14px 0;box-shadow:0 1px 3px rgba(0,0,0,.15)}'
        || '.miss h2{font-size:18px;margin:0 0 4px}.why{color:#555;margin:0 0 10px;font-size:14px}'
        || 'label{display:block;margin-top:8px;font-size:14px}select,input,textarea{width:100%;box-sizing:border-box;'
        || 'font:inherit;padding:6px}button{margin-top:10px;font:inherit;padding:6px 14px}details{margin-top:10px}'
        || '.notice{padding:10px 14px;border-radius:8px;background:#e3f4e6}.notice.error{background:#fde2e1}'
        || '</style></head><body><main><h1>Preguntas sin respuesta · Remedios</h1>'
        || CASE WHEN coalesce(p_notice, '') <> '' THEN
               '<p id="notice" class="notice' || CASE WHEN p_ok THEN '' ELSE ' error' END || '" role="status">'
               || kb_html(p_notice) || '</p>' ELSE '' END
        || '<p>Preguntas de fontaneros a las que el asistente respondió «no estoy seguro», cuya respuesta marcaron '
        || 'como no útil, o que recibieron un saludo pero parecen una pregunta. Para cada una: añádala como pregunta de ejemplo del artículo que la responde, escriba un '
        || 'artículo nuevo o descártela. El cambio vale para la siguiente pregunta.</p>'
        || '<p id="count">Pendientes: ' || (SELECT open FROM total)
        || CASE WHEN (SELECT open FROM total) > 50 THEN ' (aquí, las 50 más antiguas)' ELSE '' END || '</p>'
        || coalesce((SELECT html FROM sections), '<p id="none">No hay preguntas pendientes.</p>')
        || '</main></body></html>'
$$;

-- What the next start compares before rebuilding the search's stems (knowledge/schema.sql, start_build_current):
-- the inputs as every knowledge file left them.
SELECT start_build_recorded('knowledge', 'kb_rebuild_inputs');
