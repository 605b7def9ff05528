-- Remedios knowledge base: plumbing articles, safety rules and the search functions the chat workflow calls.
-- Applied after n8n-workflows/schema.sql, on every start. Idempotent: safe to run any number of times.
-- Runs as the role that owns the database (no superuser needed: unaccent and pg_trgm are trusted extensions).
--
-- The workflow calls, one query each (see n8n-workflows/knowledge/README.md):
--   SELECT * FROM safety_check($1);        -> one row: triggered, rule, message, rules
--   SELECT * FROM kb_context($1);          -> one row: found, context, sources, slugs, top_score
--   SELECT * FROM kb_search($1, 3);        -> 0..3 rows: slug, title, score, passage

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Spanish full-text search that ignores accents: "calefaccion" and "calefacción" are the same word.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'es_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION es_unaccent (COPY = pg_catalog.spanish);
        ALTER TEXT SEARCH CONFIGURATION es_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
    END IF;
END
$$;

-- Lower case, no accents, single spaces: how questions and safety patterns are compared.
CREATE OR REPLACE FUNCTION kb_normalize(input text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(lower(unaccent(coalesce(input, ''))), '\s+', ' ', 'g'))
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Articles
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS kb_articles (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug              text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),  -- stable name, e.g. grifo-monomando-cartucho
    title             text NOT NULL,
    problem           text NOT NULL DEFAULT '',   -- what goes wrong and why
    symptoms          text NOT NULL DEFAULT '',   -- what the plumber or the customer notices
    procedure         text NOT NULL DEFAULT '',   -- numbered steps
    safety            text NOT NULL DEFAULT '',   -- warnings
    tools_materials   text NOT NULL DEFAULT '',
    call_professional text NOT NULL DEFAULT '',   -- when to stop and call a licensed professional
    source            text NOT NULL DEFAULT '',   -- who wrote or checked it
    keywords          text NOT NULL DEFAULT '',   -- other words plumbers use: "vater, wc, retrete"
    active            boolean NOT NULL DEFAULT true,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    seed_md5          text,                       -- set by seed.sql: re-seeding never overwrites a staff edit
    search_vector     tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('es_unaccent'::regconfig, coalesce(title, '') || ' ' || coalesce(keywords, '')), 'A') ||
        setweight(to_tsvector('es_unaccent'::regconfig, coalesce(problem, '') || ' ' || coalesce(symptoms, '')), 'B') ||
        setweight(to_tsvector('es_unaccent'::regconfig, coalesce(procedure, '') || ' ' || coalesce(safety, '')), 'C') ||
        setweight(to_tsvector('es_unaccent'::regconfig, coalesce(tools_materials, '') || ' ' || coalesce(call_professional, '')), 'D')
    ) STORED,
    content_md5       text GENERATED ALWAYS AS (
        md5(coalesce(title, '') || chr(31) || coalesce(problem, '') || chr(31) || coalesce(symptoms, '') || chr(31) ||
            coalesce(procedure, '') || chr(31) || coalesce(safety, '') || chr(31) || coalesce(tools_materials, '') || chr(31) ||
            coalesce(call_professional, '') || chr(31) || coalesce(source, '') || chr(31) || coalesce(keywords, ''))
    ) STORED
);

CREATE INDEX IF NOT EXISTS kb_articles_search_idx ON kb_articles USING gin (search_vector);

CREATE OR REPLACE FUNCTION kb_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER kb_articles_touch BEFORE UPDATE ON kb_articles
    FOR EACH ROW EXECUTE FUNCTION kb_touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------
-- Safety rules: checked by code before the AI model; a matching rule puts its fixed message first.
-- A rule matches when ANY of `patterns` is found in the question AND (`requires` is empty OR ANY of
-- `requires` is found too). Patterns are compared without accents and in lower case; a pattern is a
-- phrase ("huele a gas") or a PostgreSQL regular expression ("fuga (de|del) gas").
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS safety_rules (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    description text NOT NULL DEFAULT '',
    patterns    text[] NOT NULL,
    requires    text[] NOT NULL DEFAULT '{}',
    message     text NOT NULL,
    priority    integer NOT NULL DEFAULT 50,        -- the highest matching priority wins
    active      boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    seed_md5    text
);

CREATE OR REPLACE FUNCTION safety_rule_md5(description text, patterns text[], requires text[], message text, priority integer)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT md5(coalesce(description, '') || chr(31) || array_to_string(patterns, chr(30)) || chr(31) ||
               array_to_string(requires, chr(30)) || chr(31) || coalesce(message, '') || chr(31) || priority::text)
$$;

CREATE OR REPLACE TRIGGER safety_rules_touch BEFORE UPDATE ON safety_rules
    FOR EACH ROW EXECUTE FUNCTION kb_touch_updated_at();

-- Does any of the patterns occur in an already normalised text? A broken regular expression written by
-- staff is compared as a plain phrase instead of failing the whole chat.
CREATE OR REPLACE FUNCTION kb_any_pattern(normalized text, patterns text[]) RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    pattern text;
BEGIN
    FOREACH pattern IN ARRAY coalesce(patterns, '{}') LOOP
        -- accents removed, case ignored by ~* (lower() would turn the regex escape \M into \m)
        pattern := btrim(unaccent(coalesce(pattern, '')));
        CONTINUE WHEN pattern = '';
        BEGIN
            IF normalized ~* pattern THEN RETURN true; END IF;
        EXCEPTION WHEN invalid_regular_expression THEN
            IF position(kb_normalize(pattern) IN normalized) > 0 THEN RETURN true; END IF;
        END;
    END LOOP;
    RETURN false;
END
$$;

-- One row always. rule/message: the highest-priority active rule that matches; rules: every matching slug.
CREATE OR REPLACE FUNCTION safety_check(question text)
RETURNS TABLE (triggered boolean, rule text, message text, rules text[])
LANGUAGE sql STABLE AS $$
    WITH q AS (SELECT kb_normalize(question) AS text),
    matched AS (
        SELECT r.slug, r.message, r.priority, r.id
        FROM safety_rules r, q
        WHERE r.active
          AND kb_any_pattern(q.text, r.patterns)
          AND (cardinality(r.requires) = 0 OR kb_any_pattern(q.text, r.requires))
    ),
    best AS (SELECT slug, message FROM matched ORDER BY priority DESC, id LIMIT 1)
    SELECT EXISTS (SELECT 1 FROM matched),
           (SELECT slug FROM best),
           (SELECT message FROM best),
           coalesce((SELECT array_agg(slug ORDER BY priority DESC, id) FROM matched), '{}')
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Search
-- ---------------------------------------------------------------------------------------------------------
-- Tuning, measured on eval/questions.jsonl (see tests/knowledge): an article counts only when its score is
-- at least kb_min_score(), and a second or third article only when it scores at least kb_relative_cutoff()
-- of the best one (so the prompt is not filled with loosely related articles).
CREATE OR REPLACE FUNCTION kb_min_score() RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT 2.5::double precision';
CREATE OR REPLACE FUNCTION kb_relative_cutoff() RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT 0.5::double precision';

-- The article as the AI model sees it (tools and keywords left out to keep the prompt short).
CREATE OR REPLACE FUNCTION kb_passage(a kb_articles) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT concat_ws(E'\n',
        '### ' || a.title || ' (KB-' || a.slug || ')',
        CASE WHEN a.problem <> '' THEN 'Problema: ' || a.problem END,
        CASE WHEN a.procedure <> '' THEN E'Procedimiento:\n' || a.procedure END,
        CASE WHEN a.safety <> '' THEN 'Seguridad: ' || a.safety END,
        CASE WHEN a.call_professional <> '' THEN 'Cuándo llamar a un profesional: ' || a.call_professional END,
        CASE WHEN a.source <> '' THEN 'Fuente: ' || a.source END)
$$;

-- Scoring (an OR of the question's words, so long questions still find something):
--   for every stemmed, accent-free word of the question that appears in the active articles,
--   rarity = ln(1 + (N - n + 0.5) / (n + 0.5))   (N active articles, n of them contain the word)
--   place  = 1.0 in title/keywords, 0.5 in problem/symptoms, 0.2 in procedure/safety, 0.1 elsewhere
--   score  = sum(rarity * place)
-- Words of the question that no article contains are matched to the closest known word by trigram
-- similarity (>= 0.5), so small typos ("cistena") still count.
CREATE OR REPLACE FUNCTION kb_search(question text, max_articles integer DEFAULT 3)
RETURNS TABLE (slug text, title text, score real, passage text)
LANGUAGE sql STABLE AS $$
    WITH active AS (
        SELECT * FROM kb_articles WHERE active
    ),
    total AS (SELECT count(*)::double precision AS n FROM active),
    vocabulary AS (
        SELECT word, ndoc::double precision AS ndoc
        FROM ts_stat('SELECT search_vector FROM kb_articles WHERE active')
    ),
    asked AS (
        SELECT DISTINCT lexeme
        FROM unnest(tsvector_to_array(to_tsvector('es_unaccent'::regconfig, coalesce(question, '')))) AS lexeme
        WHERE length(lexeme) >= 2 AND lexeme !~ '^[0-9]+$'
    ),
    terms AS (
        -- known words as they are; unknown words replaced by the closest known word, if close enough
        SELECT DISTINCT coalesce(v.word, fuzzy.word) AS word
        FROM asked
        LEFT JOIN vocabulary v ON v.word = asked.lexeme
        LEFT JOIN LATERAL (
            SELECT v2.word FROM vocabulary v2
            WHERE v.word IS NULL AND length(asked.lexeme) >= 5 AND similarity(v2.word, asked.lexeme) >= 0.5
            ORDER BY similarity(v2.word, asked.lexeme) DESC, v2.word LIMIT 1
        ) fuzzy ON true
        WHERE coalesce(v.word, fuzzy.word) IS NOT NULL
    ),
    weighted AS (
        SELECT t.word,
               ln(1 + (total.n - v.ndoc + 0.5) / (v.ndoc + 0.5)) AS rarity,
               ('''' || replace(t.word, '''', '''''') || '''') AS quoted
        FROM terms t JOIN vocabulary v ON v.word = t.word CROSS JOIN total
        WHERE position(E'\\' IN t.word) = 0
    ),
    scored AS (
        SELECT a.id,
               sum(w.rarity * CASE
                   WHEN a.search_vector @@ (w.quoted || ':A')::tsquery THEN 1.0
                   WHEN a.search_vector @@ (w.quoted || ':B')::tsquery THEN 0.5
                   WHEN a.search_vector @@ (w.quoted || ':C')::tsquery THEN 0.2
                   WHEN a.search_vector @@ w.quoted::tsquery THEN 0.1
                   ELSE 0 END) AS score
        FROM active a CROSS JOIN weighted w
        GROUP BY a.id
    ),
    ranked AS (
        SELECT s.id, s.score, max(s.score) OVER () AS best,
               row_number() OVER (ORDER BY s.score DESC, s.id) AS position
        FROM scored s
        WHERE s.score >= kb_min_score()
    )
    SELECT a.slug, a.title, r.score::real, kb_passage(a)
    FROM ranked r JOIN kb_articles a ON a.id = r.id
    WHERE r.position <= greatest(coalesce(max_articles, 3), 1)
      AND r.score >= r.best * kb_relative_cutoff()
    ORDER BY r.score DESC, a.id
$$;

-- One row always: what the workflow puts in the prompt.
--   found     true when at least one article is relevant enough
--   context   the passages, best first, separated by blank lines ('' when nothing was found); a further
--             passage is added only while the total stays within max_chars (the best one always goes in),
--             so the prompt fits the small model's context window (about 600 tokens per 2,000 characters)
--   sources   "Fuente: <title> (KB-<slug>); <title> (KB-<slug>)" for the passages used ('' when none)
--   slugs     the articles used, best first
--   top_score the best score (0 when nothing was found)
DROP FUNCTION IF EXISTS kb_context(text, integer);  -- an early two-argument version
CREATE OR REPLACE FUNCTION kb_context(question text, max_articles integer DEFAULT 3, max_chars integer DEFAULT 3000)
RETURNS TABLE (found boolean, context text, sources text, slugs text[], top_score real)
LANGUAGE sql STABLE AS $$
    WITH hits AS (
        SELECT h.*, row_number() OVER (ORDER BY h.score DESC, h.slug) AS position FROM kb_search(question, max_articles) h
    ),
    sized AS (
        SELECT hits.*, sum(length(passage) + 2) OVER (ORDER BY position) AS running FROM hits
    ),
    used AS (
        SELECT * FROM sized WHERE position = 1 OR running <= coalesce(max_chars, 3000)
    )
    SELECT count(*) > 0,
           coalesce(string_agg(passage, E'\n\n' ORDER BY position), ''),
           CASE WHEN count(*) > 0
                THEN 'Fuente: ' || string_agg(title || ' (KB-' || slug || ')', '; ' ORDER BY position)
                ELSE '' END,
           coalesce(array_agg(slug ORDER BY position) FILTER (WHERE slug IS NOT NULL), '{}'),
           coalesce(max(score), 0)::real
    FROM used
$$;

-- Used by seed.sql: insert or update a seeded article by slug, but never overwrite an article that staff
-- have edited since it was seeded (its content no longer matches what the seed wrote).
CREATE OR REPLACE FUNCTION kb_seed_article(
    p_slug text, p_title text, p_problem text, p_symptoms text, p_procedure text, p_safety text,
    p_tools_materials text, p_call_professional text, p_source text, p_keywords text
) RETURNS void LANGUAGE sql AS $$
    INSERT INTO kb_articles AS k (slug, title, problem, symptoms, procedure, safety, tools_materials,
                                  call_professional, source, keywords, seed_md5)
    VALUES (p_slug, p_title, p_problem, p_symptoms, p_procedure, p_safety, p_tools_materials,
            p_call_professional, p_source, p_keywords,
            md5(p_title || chr(31) || p_problem || chr(31) || p_symptoms || chr(31) || p_procedure || chr(31) ||
                p_safety || chr(31) || p_tools_materials || chr(31) || p_call_professional || chr(31) ||
                p_source || chr(31) || p_keywords))
    ON CONFLICT (slug) DO UPDATE
        SET title = EXCLUDED.title, problem = EXCLUDED.problem, symptoms = EXCLUDED.symptoms,
            procedure = EXCLUDED.procedure, safety = EXCLUDED.safety, tools_materials = EXCLUDED.tools_materials,
            call_professional = EXCLUDED.call_professional, source = EXCLUDED.source,
            keywords = EXCLUDED.keywords, seed_md5 = EXCLUDED.seed_md5
        WHERE k.seed_md5 IS NOT DISTINCT FROM k.content_md5      -- untouched since the last seed
          AND k.seed_md5 IS DISTINCT FROM EXCLUDED.seed_md5      -- and the seed really changed
$$;

CREATE OR REPLACE FUNCTION kb_seed_safety_rule(
    p_slug text, p_description text, p_patterns text[], p_requires text[], p_message text, p_priority integer
) RETURNS void LANGUAGE sql AS $$
    INSERT INTO safety_rules AS r (slug, description, patterns, requires, message, priority, seed_md5)
    VALUES (p_slug, p_description, p_patterns, p_requires, p_message, p_priority,
            safety_rule_md5(p_description, p_patterns, p_requires, p_message, p_priority))
    ON CONFLICT (slug) DO UPDATE
        SET description = EXCLUDED.description, patterns = EXCLUDED.patterns, requires = EXCLUDED.requires,
            message = EXCLUDED.message, priority = EXCLUDED.priority, seed_md5 = EXCLUDED.seed_md5
        WHERE r.seed_md5 IS NOT DISTINCT FROM safety_rule_md5(r.description, r.patterns, r.requires, r.message, r.priority)
          AND r.seed_md5 IS DISTINCT FROM EXCLUDED.seed_md5
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Example questions: how plumbers really ask for an article ("¿cómo destapo la tarja?"). Written with the
-- article (source 'seed'), added by staff ('staff'), or a missed question that staff attached to an article
-- ('miss'). The search (kb_search) reads them as well as the article's own text.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS kb_examples (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_slug text NOT NULL REFERENCES kb_articles (slug) ON UPDATE CASCADE ON DELETE CASCADE,
    question     text NOT NULL CHECK (btrim(question) <> ''),
    source       text NOT NULL DEFAULT 'staff' CHECK (source IN ('seed', 'staff', 'miss')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (article_slug, question)
);

-- Used by seed files: add an article's example questions (existing ones, and any staff added, are kept).
CREATE OR REPLACE FUNCTION kb_seed_examples(p_slug text, p_questions text[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO kb_examples (article_slug, question, source)
    SELECT p_slug, btrim(q), 'seed' FROM unnest(p_questions) AS q WHERE btrim(q) <> ''
    ON CONFLICT (article_slug, question) DO NOTHING
$$;
