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
-- Whether the article is in the reference that words' counts are taken from (stop 38, bench/quality/JUDGE-38.md; see
-- kb_lexicon.nplace_reference). Every article there was when the reference was made is (seed-jobs-37.sql, its
-- start); one added after is not, so its words do not make the older articles' words commoner.
ALTER TABLE kb_articles ADD COLUMN IF NOT EXISTS rarity_reference boolean NOT NULL DEFAULT false;

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
-- The patterns are first tried as one alternation "(?:p1)|(?:p2)|...": one compiled expression per rule
-- instead of one per pattern (Postgres keeps only a few dozen compiled expressions, and compiling is most of
-- the cost: with the 15 shipped rules safety_check took about 40 ms per question one by one, about 2 ms so).
-- One by one only when the alternation is not valid (a broken pattern) or a pattern uses a back-reference
-- (\1 would count the groups of the patterns before it).
CREATE OR REPLACE FUNCTION kb_any_pattern(normalized text, patterns text[]) RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    pattern text;
    combined text;
BEGIN
    SELECT string_agg('(?:' || p || ')', '|') INTO combined
    FROM (SELECT btrim(unaccent(coalesce(x, ''))) AS p FROM unnest(coalesce(patterns, '{}')) AS x) AS t
    WHERE p <> '';
    IF combined IS NULL THEN
        RETURN false;
    END IF;
    IF regexp_replace(combined, '\\\\', '', 'g') !~ '\\[1-9]' THEN  -- no back-reference: no \1..\9 once \\ are gone
        BEGIN
            -- accents removed, case ignored by ~* (lower() would turn the regex escape \M into \m)
            RETURN normalized ~* combined;
        EXCEPTION WHEN invalid_regular_expression THEN
            NULL;  -- a broken pattern among them: compare them one by one below
        END;
    END IF;
    FOREACH pattern IN ARRAY coalesce(patterns, '{}') LOOP
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

-- Each rule's alternation, ready: kb_any_pattern built it from the patterns on every call (unaccent over every
-- pattern, then the joined string): about 0.6 ms of the 1 ms a question took with 19 rules, and more as patterns
-- grew. A trigger now builds it when a rule is written, and checks it compiles; safety_check matches it directly.
-- NULL (no pattern, a back-reference, a broken pattern) falls back to kb_any_pattern, which compares one by one.
-- Staff never edit these two columns: they follow `patterns` and `requires`.
ALTER TABLE safety_rules ADD COLUMN IF NOT EXISTS patterns_rx text;
ALTER TABLE safety_rules ADD COLUMN IF NOT EXISTS requires_rx text;

CREATE OR REPLACE FUNCTION kb_pattern_alternation(patterns text[]) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    combined text;
BEGIN
    SELECT string_agg('(?:' || p || ')', '|') INTO combined
    FROM (SELECT btrim(unaccent(coalesce(x, ''))) AS p FROM unnest(coalesce(patterns, '{}')) AS x) AS t
    WHERE p <> '';
    IF combined IS NULL OR regexp_replace(combined, '\\\\', '', 'g') ~ '\\[1-9]' THEN
        RETURN NULL;  -- no pattern, or a back-reference (\1 would count the groups of the patterns before it)
    END IF;
    PERFORM '' ~* combined;  -- a broken pattern raises here, once, not on every question
    RETURN combined;
EXCEPTION WHEN invalid_regular_expression THEN
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION safety_rules_compile() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.patterns_rx := kb_pattern_alternation(NEW.patterns);
    NEW.requires_rx := kb_pattern_alternation(NEW.requires);
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER safety_rules_compile BEFORE INSERT OR UPDATE OF patterns, requires ON safety_rules
    FOR EACH ROW EXECUTE FUNCTION safety_rules_compile();

-- Rows written before the trigger existed. Only rows still without an alternation are looked at (this file runs on
-- every start); a rule whose alternation cannot be built stays NULL and is not touched again.
UPDATE safety_rules
SET patterns_rx = kb_pattern_alternation(patterns), requires_rx = kb_pattern_alternation(requires)
WHERE (patterns_rx IS NULL AND kb_pattern_alternation(patterns) IS NOT NULL)
   OR (requires_rx IS NULL AND kb_pattern_alternation(requires) IS NOT NULL);

-- One row always. rule/message: the highest-priority active rule that matches; rules: every matching slug.
-- Chat shorthand written out before the safety patterns read a question: "dolor d cabeza", "fuga d gas",
-- "q hago", "x la noche". Only whole words: d → de, q/k/ke/qe → que, x → por, xq/pq/porq → porque. The
-- patterns stay written in full Spanish.
-- No regular expression of its own (Postgres keeps 32 compiled expressions per connection and the safety rules need
-- most of them: SAFETY-7.md "Results"; the four regexp_replace this used to take pushed a message with several rules
-- over 32, and a version with one regexp_matches cost ~2 ms a call): most messages hold no shorthand word and are
-- returned after a look with strpos; the others are walked letter by letter, a word being a run of a-z, 0-9, _.
CREATE OR REPLACE FUNCTION kb_expand_shorthand(normalized text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    src text := coalesce(normalized, '');
    word_chars constant text := 'abcdefghijklmnopqrstuvwxyz0123456789_';
    marks constant text := '.,;:!?¿¡()[]{}"''/\-+*#@&%$=<>|~`^…“”«»' || E'\n\t\r';
    spaced text;
    result text := '';
    word text := '';
    c text;
    i integer;
BEGIN
    spaced := ' ' || translate(src, marks, repeat(' ', length(marks))) || ' ';
    IF strpos(spaced, ' d ') = 0 AND strpos(spaced, ' q ') = 0 AND strpos(spaced, ' k ') = 0
       AND strpos(spaced, ' ke ') = 0 AND strpos(spaced, ' qe ') = 0 AND strpos(spaced, ' x ') = 0
       AND strpos(spaced, ' xq ') = 0 AND strpos(spaced, ' pq ') = 0 AND strpos(spaced, ' porq ') = 0 THEN
        RETURN src;
    END IF;
    FOR i IN 1 .. length(src) + 1 LOOP
        c := substr(src, i, 1);
        IF c <> '' AND strpos(word_chars, c) > 0 THEN
            word := word || c;
        ELSE
            result := result || CASE word WHEN 'xq' THEN 'porque' WHEN 'pq' THEN 'porque' WHEN 'porq' THEN 'porque'
                                          WHEN 'd' THEN 'de' WHEN 'q' THEN 'que' WHEN 'k' THEN 'que'
                                          WHEN 'ke' THEN 'que' WHEN 'qe' THEN 'que' WHEN 'x' THEN 'por'
                                          ELSE word END || c;
            word := '';
        END IF;
    END LOOP;
    RETURN result;
END
$$;

CREATE OR REPLACE FUNCTION safety_check(question text)
RETURNS TABLE (triggered boolean, rule text, message text, rules text[])
LANGUAGE sql STABLE AS $$
    -- MATERIALIZED: the question is normalised once per call, not once per rule row (an inlined CTE evaluated it for
    -- each of the 25 rules: about half of safety_check's time, SAFETY-7.md "Results")
    WITH q AS MATERIALIZED (SELECT kb_expand_shorthand(kb_normalize(question)) AS text),
    matched AS (
        SELECT r.slug, r.message, r.priority, r.id
        FROM safety_rules r, q
        WHERE r.active
          AND CASE WHEN r.patterns_rx IS NOT NULL THEN q.text ~* r.patterns_rx
                   ELSE kb_any_pattern(q.text, r.patterns) END
          AND (cardinality(r.requires) = 0
               OR CASE WHEN r.requires_rx IS NOT NULL THEN q.text ~* r.requires_rx
                       ELSE kb_any_pattern(q.text, r.requires) END)
    ),
    best AS (SELECT slug, message FROM matched ORDER BY priority DESC, id LIMIT 1)
    SELECT EXISTS (SELECT 1 FROM matched),
           (SELECT slug FROM best),
           (SELECT message FROM best),
           coalesce((SELECT array_agg(slug ORDER BY priority DESC, id) FROM matched), '{}')
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Example questions: how plumbers really ask for an article ("¿cómo destapo la tarja?"). Written with the
-- article (source 'seed'), added by staff ('staff'), or a missed question that staff attached to an article
-- ('miss'). The search (kb_search) reads them as well as the article's own text: their words count for the
-- article, and a question close to one of them as a whole gets a bonus (see kb_search).
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

-- ---------------------------------------------------------------------------------------------------------
-- Words. A question is cut into words (lower case, no accents, anything but letters and digits separates),
-- and each word is reduced to its Spanish stem ("canillas" -> "canill"); stop words ("el", "de", "que")
-- have no stem. Both the articles and the questions go through the same steps.
-- ---------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION kb_words(input text) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(w ORDER BY n), '{}')
    FROM regexp_split_to_table(kb_normalize(input), '[^a-z0-9]+') WITH ORDINALITY AS t(w, n)
    WHERE w <> ''
$$;

-- The stem of one word, or null for a stop word.
CREATE OR REPLACE FUNCTION kb_lexeme(word text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT l FROM unnest(tsvector_to_array(to_tsvector('es_unaccent'::regconfig, coalesce(word, '')))) AS l
    ORDER BY length(l) DESC LIMIT 1
$$;

-- The stems of a text in the order of its words, stop words left out: 'el tanque del baño' -> {tanqu,ban}.
CREATE OR REPLACE FUNCTION kb_lexemes(input text) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(l ORDER BY n) FILTER (WHERE l IS NOT NULL), '{}')
    FROM unnest(kb_words(input)) WITH ORDINALITY AS t(w, n), LATERAL kb_lexeme(t.w) AS l
$$;

-- Negation, for the "not this article if the question says…" terms (kb_exclusions below). "no" and "ni" are stop
-- words, so kb_lexemes reads "no se llena" as {llen}: a row meant for a tank that does NOT fill would push its
-- article away on any "se llena" too (the opposite case). Here the stem of the first word after a negation word
-- (no, ni, nunca) is marked 'no:' || stem ('no:llen'), when only unstressed pronouns (se, me, te, le, les, lo, la,
-- los, las, nos, os), the auxiliaries of haber and estar (ha, han, he, habia, esta, estan, estaba…) or poder and
-- querer before a verb (puedo, puede, quiere…: "no puedo cortar el agua", "la bomba no quiere arrancar"), at most
-- three, stand between: "no se llena", "ya no se me llena", "nunca ha cerrado", "no esta girando". Any other word
-- in between ends the negation: "no para de gotear" and "no paran de llenar" deny the stopping, not the dripping or
-- the filling; "no tengo agua" does not deny the water.
--   with_plain false (a term): its stems, the denied ones marked: 'no se llena' -> {no:llen},
--     'no cierra bien' -> {no:cierr, bien}, 'tarda en llenar' -> {tard, llen} (as kb_lexemes);
--   with_plain true (a question): every stem kb_lexemes gives, plus the marked ones: 'ya no se llena' ->
--     {llen, no:llen}; 'se llena' -> {llen}.
-- So a term of plain words matches as before, whether the question denies it or not, and a term with a negation only
-- a question that denies the same word. (Words the search repairs — a misspelt "no se yena" — are not marked.)
CREATE OR REPLACE FUNCTION kb_marked_lexemes(input text, with_plain boolean DEFAULT false) RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    w text;
    l text;
    denied boolean := false;
    gap integer := 0;
    result text[] := '{}';
BEGIN
    FOREACH w IN ARRAY kb_words(input) LOOP
        l := kb_lexeme(w);
        IF w IN ('no', 'ni', 'nunca') THEN
            denied := true;
            gap := 0;
            IF with_plain AND l IS NOT NULL THEN result := result || l; END IF;   -- "nunca" has a stem of its own
            CONTINUE;
        END IF;
        IF l IS NULL THEN   -- a stop word: a pronoun or an auxiliary keeps the negation, any other ends it
            IF denied THEN
                gap := gap + 1;
                IF gap > 3 OR w NOT IN ('se', 'me', 'te', 'le', 'les', 'lo', 'la', 'los', 'las', 'nos', 'os',
                                        'ha', 'han', 'he', 'has', 'hemos', 'habia', 'habian', 'hubo',
                                        'esta', 'estan', 'estoy', 'estaba', 'estaban') THEN
                    denied := false;
                END IF;
            END IF;
            CONTINUE;
        END IF;
        IF with_plain OR NOT denied THEN result := result || l; END IF;
        IF denied AND w IN ('puedo', 'puede', 'pueden', 'podemos', 'pude', 'pudo', 'pudimos', 'pudieron',
                            'quiere', 'quieren', 'quiso', 'quisieron') THEN
            gap := gap + 1;   -- "no puedo cortar": the negation is for the verb after it
            IF gap > 3 THEN denied := false; END IF;
            CONTINUE;
        END IF;
        IF denied THEN result := result || ('no:' || l); END IF;
        denied := false;
    END LOOP;
    RETURN result;
END
$$;

-- How a stem sounds in Spanish, so that the usual spelling mistakes compare equal: b = v = w, c(e,i) = s = z,
-- c(a,o,u) = k = qu, g(e,i) = j, ll = y, y before a consonant = i ("ynodoro"), h silent, n before p/b = m,
-- doubled letters once ("tuveria" = "tuberia",
-- "sisterna" = "cisterna", "valbula" = "valvula", "precion" = "presion", "enrrolla" = "enrolla",
-- "bonba" = "bomba", and speech-to-text's "en paque" joined = "empaque"), x = cs = ks ("flecsible" = "flexible").
CREATE OR REPLACE FUNCTION kb_sound(word text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(regexp_replace(
        translate(
            regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
                replace(replace(replace(coalesce(word, ''), 'ch', '#'), 'x', 'ks'), 'cs', 'ks'),
                'h', '', 'g'),
                'y([^aeiou]|$)', 'i\1', 'g'),
                'll', 'y', 'g'),
                'qu([ei])', 'k\1', 'g'),
                'gu([ei])', '%\1', 'g'),
                'c([ei])', 's\1', 'g'),
                'g([ei])', 'j\1', 'g'),
            'cqzvw%', 'kksbbg'),
        'n([pb])', 'm\1', 'g'),
        '(.)\1+', '\1', 'g')
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Synonyms: the words of other regions (and of the street) for what the articles call otherwise.
-- A question that says a `term` is also searched with its `canonical` words: "canilla" -> "grifo",
-- "tanque del baño" -> "cisterna". Terms of several words are found first ("llave de paso" is not "llave").
-- Plurals, accents and case do not matter; words in between that carry no meaning ("el", "de", "mi") are
-- skipped, so "tanque del baño" also matches "el tanque de mi baño".
-- Staff add, correct and switch off rows with plain SQL (n8n-workflows/knowledge/README.md); a change applies
-- to the next question. Seeded rows (seed.sql) are never overwritten once staff edited them. A seeded row
-- that is deleted comes back on the next start: switch it off with active = false instead.
-- Any SQL may use them: kb_expand(text) and kb_synonym_terms(text) below (the estimates can share the list).
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS kb_synonyms (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    term              text NOT NULL UNIQUE CHECK (btrim(term) <> ''),   -- what a plumber says: 'canilla', 'tanque del baño'
    canonical         text NOT NULL CHECK (btrim(canonical) <> ''),     -- the words the articles use: 'grifo', 'cisterna'
    note              text NOT NULL DEFAULT '',                         -- where it is said, or why: 'Argentina, Uruguay'
    active            boolean NOT NULL DEFAULT true,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    seed_md5          text,                                             -- set by the seed: staff edits survive re-seeding
    term_lexemes      text[] NOT NULL DEFAULT '{}',                     -- filled in by a trigger
    canonical_lexemes text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS kb_synonyms_lexemes_idx ON kb_synonyms USING gin (term_lexemes);

-- The term is kept folded (lower case, no accents, single spaces): that is what makes it unique.
CREATE OR REPLACE FUNCTION kb_synonyms_prepare() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.term := kb_normalize(NEW.term);
    NEW.term_lexemes := kb_lexemes(NEW.term);
    NEW.canonical_lexemes := kb_lexemes(NEW.canonical);
    IF TG_OP = 'UPDATE' AND (NEW.term, NEW.canonical, NEW.note, NEW.active)
                            IS DISTINCT FROM (OLD.term, OLD.canonical, OLD.note, OLD.active) THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER kb_synonyms_prepare BEFORE INSERT OR UPDATE ON kb_synonyms
    FOR EACH ROW EXECUTE FUNCTION kb_synonyms_prepare();

-- What the seed compares to know whether staff changed a seeded synonym.
CREATE OR REPLACE FUNCTION kb_synonym_md5(canonical text, note text, active boolean) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT md5(coalesce(canonical, '') || chr(31) || coalesce(note, '') || chr(31) || coalesce(active, true)::text)
$$;

-- Used by seed.sql: insert or update a seeded synonym by its term, never overwriting a staff edit. A term already
-- there that the upsert would leave as it is (the seed unchanged, or a row staff edited) is not proposed at all
-- (stop 34): the row trigger kb_synonyms_prepare folds a proposed row's words before the conflict is seen, about
-- 300 times a start for nothing (bench/SPEED-34.md). The term compared is the stored one (kb_normalize, as that
-- trigger stores it).
CREATE OR REPLACE FUNCTION kb_seed_synonym(p_term text, p_canonical text, p_note text DEFAULT '') RETURNS void
LANGUAGE sql AS $$
    INSERT INTO kb_synonyms AS s (term, canonical, note, seed_md5)
    SELECT p_term, p_canonical, coalesce(p_note, ''), kb_synonym_md5(p_canonical, coalesce(p_note, ''), true)
     WHERE NOT EXISTS (
        SELECT 1 FROM kb_synonyms o
         WHERE o.term = kb_normalize(p_term)
           AND NOT (o.seed_md5 IS NOT DISTINCT FROM kb_synonym_md5(o.canonical, o.note, o.active)
                    AND o.seed_md5 IS DISTINCT FROM kb_synonym_md5(p_canonical, coalesce(p_note, ''), true)))
    ON CONFLICT (term) DO UPDATE
        SET canonical = EXCLUDED.canonical, note = EXCLUDED.note, seed_md5 = EXCLUDED.seed_md5
        WHERE s.seed_md5 IS NOT DISTINCT FROM kb_synonym_md5(s.canonical, s.note, s.active)  -- untouched since seeded
          AND s.seed_md5 IS DISTINCT FROM EXCLUDED.seed_md5                                  -- and the seed changed
$$;

-- Where the synonyms are in a list of stems (stop words already left out): longest terms first, never two
-- on the same word. first_word/last_word are positions in `stems`.
-- A synonym whose canonical has no words ('-') is a filler: words of conversation that say nothing about the
-- job ("buenas tardes", "disculpe", "por favor"); the search leaves them out of the question (kb_analyze). Only
-- with_fillers lists them: the one-argument form (kb_synonym_terms, kb_expand, the estimates) never does.
CREATE OR REPLACE FUNCTION kb_synonym_spans(stems text[], with_fillers boolean)
RETURNS TABLE (first_word integer, last_word integer, term text, canonical text, canonical_lexemes text[])
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s record;
    taken boolean[] := array_fill(false, ARRAY[greatest(cardinality(stems), 1)]);
    k integer;
    i integer;
    j integer;
    free boolean;
BEGIN
    IF cardinality(stems) = 0 THEN RETURN; END IF;
    FOR s IN SELECT y.term, y.canonical, y.term_lexemes, y.canonical_lexemes FROM kb_synonyms y
             WHERE y.active AND cardinality(y.term_lexemes) > 0 AND y.term_lexemes <@ stems
               AND (with_fillers OR cardinality(y.canonical_lexemes) > 0)
             ORDER BY cardinality(y.term_lexemes) DESC, length(y.term) DESC, y.id
    LOOP
        k := cardinality(s.term_lexemes);
        FOR i IN 1 .. cardinality(stems) - k + 1 LOOP
            CONTINUE WHEN stems[i:i + k - 1] IS DISTINCT FROM s.term_lexemes;
            free := true;
            FOR j IN i .. i + k - 1 LOOP
                IF taken[j] THEN free := false; END IF;
            END LOOP;
            CONTINUE WHEN NOT free;
            FOR j IN i .. i + k - 1 LOOP
                taken[j] := true;
            END LOOP;
            first_word := i; last_word := i + k - 1; term := s.term; canonical := s.canonical;
            canonical_lexemes := s.canonical_lexemes;
            RETURN NEXT;
        END LOOP;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION kb_synonym_spans(stems text[])
RETURNS TABLE (first_word integer, last_word integer, term text, canonical text, canonical_lexemes text[])
LANGUAGE sql STABLE AS $$
    SELECT * FROM kb_synonym_spans(stems, false)
$$;

-- The synonyms found in a text: their canonical words, in the order they appear ('se tapó la tarja y la
-- canilla gotea' -> {fregadero, grifo}). For any SQL that wants the shared list (e.g. catalogue matching).
CREATE OR REPLACE FUNCTION kb_synonym_terms(input text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(canonical ORDER BY first_word), '{}') FROM kb_synonym_spans(kb_lexemes(input))
$$;

-- The text folded (lower case, no accents) with each synonym found followed by its canonical words:
-- 'la canilla de la cocina' -> 'la canilla grifo de la cocina'. The original words stay, so a matcher that
-- knows either finds it.
CREATE OR REPLACE FUNCTION kb_expand(input text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    words text[] := kb_words(input);
    word_of integer[] := '{}';   -- for each stem, the position of its word
    stems text[] := '{}';
    after text[];
    l text;
    span record;
BEGIN
    after := array_fill(''::text, ARRAY[greatest(cardinality(words), 1)]);
    FOR i IN 1 .. cardinality(words) LOOP
        l := kb_lexeme(words[i]);
        IF l IS NOT NULL THEN
            stems := stems || l;
            word_of := word_of || i;
        END IF;
    END LOOP;
    FOR span IN SELECT * FROM kb_synonym_spans(stems) LOOP
        after[word_of[span.last_word]] := after[word_of[span.last_word]] || ' ' || kb_normalize(span.canonical);
    END LOOP;
    RETURN coalesce((SELECT string_agg(words[i] || after[i], ' ' ORDER BY i)
                     FROM generate_subscripts(words, 1) AS i), '');
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- "Not this article if the question says…": words that point away from an article towards a neighbour that
-- shares its other words ("aireador" is the aerator article, not low pressure; "latiguillo" is the supply hose,
-- not the trap; "desbloquear" a garbage disposal is not what not to put into it). When the question has all the
-- stems of an active `term`, the article's score is multiplied by kb_exclusion_factor() (see kb_search): it
-- still wins when nothing else fits, but no longer beats the neighbour that has the word. Staff add and switch
-- off rows with plain SQL (README); a change applies to the next question. Seeded rows (seed-neighbours.sql)
-- are never re-added once staff switched them off.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS kb_exclusions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_slug text NOT NULL REFERENCES kb_articles (slug) ON UPDATE CASCADE ON DELETE CASCADE,
    term         text NOT NULL CHECK (btrim(term) <> ''),   -- what the question says: 'aireador', 'no gira'
    note         text NOT NULL DEFAULT '',                  -- which article it points to instead, or why
    active       boolean NOT NULL DEFAULT true,
    source       text NOT NULL DEFAULT 'staff' CHECK (source IN ('seed', 'staff')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    term_lexemes text[] NOT NULL DEFAULT '{}',              -- filled in by a trigger
    UNIQUE (article_slug, term)
);

-- The term is kept folded (lower case, no accents, single spaces) and cut into stems, a denied word marked
-- (kb_marked_lexemes: 'no se llena' -> {no:llen}, which only a question saying "no … llena" has); a term made only of
-- stop words ("de la", "no se") is refused: it would exclude the article from every question.
CREATE OR REPLACE FUNCTION kb_exclusions_prepare() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.term := kb_normalize(NEW.term);
    NEW.term_lexemes := kb_marked_lexemes(NEW.term);
    IF cardinality(NEW.term_lexemes) = 0 THEN
        RAISE EXCEPTION 'kb_exclusions: the term "%" has no searchable word (only stop words)', NEW.term
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER kb_exclusions_prepare BEFORE INSERT OR UPDATE ON kb_exclusions
    FOR EACH ROW EXECUTE FUNCTION kb_exclusions_prepare();

-- Used by seed-neighbours.sql: add an article's exclusions (a row that exists, switched off or edited by staff,
-- is left as it is).
CREATE OR REPLACE FUNCTION kb_seed_exclusions(p_slug text, p_terms text[], p_note text DEFAULT '') RETURNS void
LANGUAGE sql AS $$
    INSERT INTO kb_exclusions (article_slug, term, note, source)
    SELECT p_slug, kb_normalize(t), coalesce(p_note, ''), 'seed'
    FROM unnest(p_terms) AS t
    WHERE EXISTS (SELECT 1 FROM kb_articles a WHERE a.slug = p_slug)
    ON CONFLICT (article_slug, term) DO NOTHING
$$;

-- ---------------------------------------------------------------------------------------------------------
-- "Ask which case between these two": pairs of articles that words alone cannot tell apart (a pump that starts and
-- stops often and a pressure tank that lost its air; a cistern that overflows and its fill valve that does not
-- shut). When the search's best two articles are an active pair and the second scores at least
-- kb_ask_pair_ratio() of the best (answer.sql), the chat asks the plumber which case it is instead of answering
-- with the first (kb_choices). A pair is written once, in either order; with a_first_only it asks only when article_a
-- is the one found first (the broad symptom's article first, its hidden cause close behind: when the cause's own
-- article comes first, the plumber named the cause and it answers). Staff add and switch
-- off rows with plain SQL (README, "Ask which case between two articles"); a change applies to the next question.
-- Seeded rows (seed-ask-between.sql) are never re-added or switched back on once staff changed them.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS kb_ask_between (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_a  text NOT NULL REFERENCES kb_articles (slug) ON UPDATE CASCADE ON DELETE CASCADE,
    article_b  text NOT NULL REFERENCES kb_articles (slug) ON UPDATE CASCADE ON DELETE CASCADE,
    note       text NOT NULL DEFAULT '',                  -- why the words cannot tell the two apart
    a_first_only boolean NOT NULL DEFAULT false,          -- true: ask only when article_a is found first
    active     boolean NOT NULL DEFAULT true,
    source     text NOT NULL DEFAULT 'staff' CHECK (source IN ('seed', 'staff')),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (article_a <> article_b)
);
-- one row per pair, whichever article is written first
CREATE UNIQUE INDEX IF NOT EXISTS kb_ask_between_pair_idx
    ON kb_ask_between (least(article_a, article_b), greatest(article_a, article_b));

-- Used by seed-ask-between.sql: add a pair (a pair that exists, switched off or edited by staff, is left as it is; a
-- pair naming an article that does not exist is skipped).
CREATE OR REPLACE FUNCTION kb_seed_ask_between(p_a text, p_b text, p_note text DEFAULT '',
                                               p_a_first_only boolean DEFAULT false) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO kb_ask_between (article_a, article_b, note, a_first_only, source)
    SELECT p_a, p_b, coalesce(p_note, ''), coalesce(p_a_first_only, false), 'seed'
    WHERE EXISTS (SELECT 1 FROM kb_articles a WHERE a.slug = p_a)
      AND EXISTS (SELECT 1 FROM kb_articles b WHERE b.slug = p_b)
    ON CONFLICT ((least(article_a, article_b)), (greatest(article_a, article_b))) DO NOTHING
$$;

-- Is this an active pair to ask between, `p_first` being the article found first?
CREATE OR REPLACE FUNCTION kb_is_ask_pair(p_first text, p_second text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM kb_ask_between p
                   WHERE p.active AND ((p.article_a = p_first AND p.article_b = p_second)
                                       OR (NOT p.a_first_only AND p.article_a = p_second AND p.article_b = p_first)))
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Search settings
-- ---------------------------------------------------------------------------------------------------------
-- Tuning, measured on eval/questions.jsonl and eval/tuning-regional.jsonl (bench/quality/RETRIEVAL.md; gates
-- in tests/knowledge). Scores are in units of "one rare word of the title or keywords" (see kb_rarity).
-- An article counts only when its score is at least kb_min_score() and it shares kb_min_words() words with
-- the question; a second or third article only when it scores at least kb_relative_cutoff() of the best one
-- (so the prompt is not filled with loosely related articles).
--
-- The values live in the table kb_settings (staff change them there, from n8n or psql, and the next question
-- uses them on every connection); each setting below is a function that reads its row. They were IMMUTABLE
-- functions with the value inside until stop 24: Postgres folds such a call into a constant when it plans, and
-- n8n's pooled connections keep cached plans, so a value changed with CREATE OR REPLACE did not reach a
-- connection that had already answered (tests/knowledge/test_kb_settings_reach_open_connections.py). A setting
-- reads its row through a scalar subquery, which Postgres runs once per query, not once per row.
CREATE TABLE IF NOT EXISTS kb_settings (
    key         text PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('number', 'integer', 'flag')),
    value       text NOT NULL,               -- what the search uses; staff edit this column only
    shipped     text NOT NULL,               -- the value this release ships (a release updates untouched values)
    description text NOT NULL DEFAULT '',
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- A value that is not of its kind is refused with a clear message, never stored (a typo must not stop every
-- answer); flags are stored as 'true' / 'false' (also accepted: sí/si/yes/on/1, no/off/0).
CREATE OR REPLACE FUNCTION kb_settings_checked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v text := lower(btrim(NEW.value));
BEGIN
    IF NEW.kind = 'flag' THEN
        IF v IN ('true', 'sí', 'si', 'yes', 'on', '1') THEN v := 'true';
        ELSIF v IN ('false', 'no', 'off', '0') THEN v := 'false';
        ELSE RAISE EXCEPTION 'kb_settings %: "%" is not true or false', NEW.key, NEW.value;
        END IF;
    ELSE
        BEGIN
            IF NEW.kind = 'integer' THEN PERFORM v::integer; ELSE PERFORM v::double precision; END IF;
        EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range THEN
            RAISE EXCEPTION 'kb_settings %: "%" is not a number (use a dot for decimals: 0.75)', NEW.key, NEW.value;
        END;
        IF v IN ('nan', 'infinity', '-infinity', 'inf', '-inf') THEN
            RAISE EXCEPTION 'kb_settings %: "%" is not a number', NEW.key, NEW.value;
        END IF;
    END IF;
    NEW.value := v;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS kb_settings_checked ON kb_settings;
CREATE TRIGGER kb_settings_checked BEFORE INSERT OR UPDATE ON kb_settings
    FOR EACH ROW EXECUTE FUNCTION kb_settings_checked();
-- Every setting is read by the search: a deleted row would leave it without a value, so deleting is refused
-- (to undo a change, set value back to shipped).
CREATE OR REPLACE FUNCTION kb_settings_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'kb_settings rows are not deleted: set value back to shipped instead';
END
$$;
DROP TRIGGER IF EXISTS kb_settings_kept ON kb_settings;
CREATE TRIGGER kb_settings_kept BEFORE DELETE OR TRUNCATE ON kb_settings
    FOR EACH STATEMENT EXECUTE FUNCTION kb_settings_kept();

-- Seeds one setting: a new key gets the shipped value; a value staff have not changed follows the release's;
-- a value staff changed is kept.
CREATE OR REPLACE FUNCTION kb_seed_setting(p_key text, p_kind text, p_value text, p_description text) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO kb_settings AS s (key, kind, value, shipped, description)
    VALUES (p_key, p_kind, p_value, p_value, p_description)
    ON CONFLICT (key) DO UPDATE SET
        kind = EXCLUDED.kind, shipped = EXCLUDED.shipped, description = EXCLUDED.description,
        value = CASE WHEN s.value = s.shipped THEN EXCLUDED.value ELSE s.value END
    WHERE (s.kind, s.shipped, s.description) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.shipped, EXCLUDED.description)
$$;
-- The readers: one scalar subquery each, so that Postgres inlines them and reads the row once per query.
CREATE OR REPLACE FUNCTION kb_setting_number(p_key text) RETURNS double precision LANGUAGE sql STABLE AS
    'SELECT (SELECT value::double precision FROM kb_settings WHERE key = p_key)';
CREATE OR REPLACE FUNCTION kb_setting_integer(p_key text) RETURNS integer LANGUAGE sql STABLE AS
    'SELECT (SELECT value::integer FROM kb_settings WHERE key = p_key)';
CREATE OR REPLACE FUNCTION kb_setting_flag(p_key text) RETURNS boolean LANGUAGE sql STABLE AS
    'SELECT (SELECT value::boolean FROM kb_settings WHERE key = p_key)';

SELECT kb_seed_setting('min_score', 'number', '0.75', 'An article counts only with at least this score (units: one rare word of the title or keywords).');
CREATE OR REPLACE FUNCTION kb_min_score() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''min_score'')';
SELECT kb_seed_setting('min_words', 'integer', '2', 'An article counts only when it shares at least this many words with the question.');
CREATE OR REPLACE FUNCTION kb_min_words() RETURNS integer LANGUAGE sql STABLE AS 'SELECT kb_setting_integer(''min_words'')';
SELECT kb_seed_setting('min_word_score', 'number', '0.05', 'A word of the question weighs at least this much.');
CREATE OR REPLACE FUNCTION kb_min_word_score() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''min_word_score'')';
SELECT kb_seed_setting('relative_cutoff', 'number', '0.5', 'A second or third article counts only with at least this share of the best score.');
CREATE OR REPLACE FUNCTION kb_relative_cutoff() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''relative_cutoff'')';
-- How much a word counts by where the article has it (E: in one of its example questions).
CREATE OR REPLACE FUNCTION kb_place_weight(place "char") RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE place WHEN 'A' THEN 1.0 WHEN 'B' THEN 0.5 WHEN 'C' THEN 0.2 WHEN 'D' THEN 0.1 WHEN 'E' THEN 0.5 ELSE 0 END
$$;
-- The part of the question an article does not cover takes up to this share off its score (0.3: an article
-- that has none of half the question's weight scores 15 % less; see kb_search).
SELECT kb_seed_setting('coverage_weight', 'number', '0.3', 'Share taken off an article''s score for the part of the question it does not cover (0..1).');
CREATE OR REPLACE FUNCTION kb_coverage_weight() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''coverage_weight'')';
-- How much the length of an article's title and keywords (and of its example questions) discounts them:
-- 0 not at all, 1 in proportion to the length (see kb_search).
SELECT kb_seed_setting('length_norm', 'number', '0.5', 'How much a long title, keywords or example question is discounted (0 not at all, 1 in proportion).');
CREATE OR REPLACE FUNCTION kb_length_norm() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''length_norm'')';
-- A fixed reference for the rarity and the length discount (stop 36, bench/quality/LAY-36.md). Both were counted
-- on the live base: how many active articles there are (kb_rarity's total) and how long titles + keywords and example
-- questions are on average (kb_length_norm's average). Any article added or retired then moved every score a little,
-- and a question whose second article sat within a hundredth of kb_ask_ratio() flipped between answered and asked
-- when an article about something else was added (13 of the 1,943 labelled tuning questions moved with one invented
-- article, 4 of them between answering and asking). The search counts against these three numbers instead: staff's
-- edits no longer shift the rarity of words they did not touch. A word's own count (kb_lexicon.nplace) stays live:
-- an article that says "gas" still makes "gas" commoner. (Stop 38: counted over the articles of a reference too,
-- kb_articles.rarity_reference, when the word is in one of them: a new article's "gas" no longer moves every
-- question that says "gas"; a word only new articles have is still counted live.) Shipped at the base of stop 36 (171 articles, the same
-- scores as before to the last bit); change them on purpose, when the base has grown by a good share, and measure
-- (bench/quality/ask_back.py, steal_moves.py on every tuning set). 0: count on the live base, as before stop 36.
SELECT kb_seed_setting('rarity_articles', 'number', '171', 'Rarity is counted as if the base had this many articles (a fixed reference, so adding or retiring an article does not move every score; 0 = the live count of active articles). Change it on purpose and measure.');
CREATE OR REPLACE FUNCTION kb_rarity_articles() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''rarity_articles'')';
SELECT kb_seed_setting('length_average_title', 'number', '17.614035087719298', 'The average number of words (stems) of an article''s title and keywords that the length discount compares with (a fixed reference; 0 = the live average).');
CREATE OR REPLACE FUNCTION kb_length_average_title() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''length_average_title'')';
SELECT kb_seed_setting('length_average_examples', 'number', '27.362573099415204', 'The average number of words (stems) of an article''s example questions that the length discount compares with (a fixed reference; 0 = the live average).');
CREATE OR REPLACE FUNCTION kb_length_average_examples() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''length_average_examples'')';
-- Bonus for the article with an example question like the whole question: similarity 0..1 (see kb_search),
-- counted from kb_example_min_similarity() up (0 there, kb_example_bonus() for the same words).
SELECT kb_seed_setting('example_bonus', 'number', '1.0', 'Bonus for the article with an example question like the whole question.');
CREATE OR REPLACE FUNCTION kb_example_bonus() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''example_bonus'')';
SELECT kb_seed_setting('example_min_similarity', 'number', '0.75', 'Similarity (0..1) of an example question to the question from which the bonus counts.');
CREATE OR REPLACE FUNCTION kb_example_min_similarity() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''example_min_similarity'')';
SELECT kb_seed_setting('example_same_similarity', 'number', '0.95', 'Similarity (0..1) of an example question to the whole question from which the question is taken as that example: its article is found even when the question is shorter than min_words (a short question staff attached from the misses list, "¿y el latiguillo?"). 1.01 turns it off.');
CREATE OR REPLACE FUNCTION kb_example_same_similarity() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''example_same_similarity'')';
-- An article whose "not this one if" term (kb_exclusions) is in the question counts this share of its score.
SELECT kb_seed_setting('exclusion_factor', 'number', '0.5', 'Share of its score an article keeps when one of its "not this one if" terms is in the question.');
CREATE OR REPLACE FUNCTION kb_exclusion_factor() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''exclusion_factor'')';
-- Unknown words: replaced by the known word that sounds the same, or else by the closest by trigrams
-- (similarity >= kb_fuzzy_similarity(), words of kb_fuzzy_min_length() letters or more). A corrected word
-- counts kb_fuzzy_factor() of a word written right. Measured per correction on every development set
-- (bench/quality/fuzzy_audit.py; bench/quality/RETRIEVAL.md, "Fuzzy corrections: evidence from noise"):
--   kb_fuzzy_min_length() 5: four-letter words ("lama", "puno", "cien", "vaja") were "corrected" into
--     stems (llama, punto, ciento, baja) and no four-letter correction helped any development question;
--   kb_fuzzy_vocabulary_only() true: a correction gives only a word of the articles' vocabulary (a title,
--     the keywords, an example question or a synonym's term: kb_lexicon.vocabulary), never a word that only an
--     article's body mentions in passing ("mañana" -> man, "calambre" -> alambre, "tanke" -> tan);
--   kb_fuzzy_min_stem_length() 4: neither the unknown stem nor the stem it becomes may be shorter (a stem of
--     three letters shares a sound or a trigram with too many: "sonando" -> son -> "zona", and "banco",
--     "perro", "subió" became the stems ban, per, sub);
--   kb_min_plain_words() 1: an article is found only with at least one of the question's words as written
--     (not guessed): guesses alone never carry an article. Since stop 29 (bench/quality/TYPOS-29.md) a word
--     repaired by one slip (kb_respell, kb_rekey, a known stem one slip of the keys away; factor
--     kb_respell_factor()) counts as written; a guess by trigrams (kb_fuzzy_factor()) does not;
--   kb_join_three() true: three pieces of a word split by speech-to-text are joined as two are
--     ("y no doro" -> inodoro).
SELECT kb_seed_setting('fuzzy_similarity', 'number', '0.5', 'An unknown word is corrected only to a known word at least this similar (trigrams, 0..1).');
CREATE OR REPLACE FUNCTION kb_fuzzy_similarity() RETURNS real LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''fuzzy_similarity'')::real';
SELECT kb_seed_setting('fuzzy_min_length', 'integer', '5', 'Only words of at least this many letters are corrected.');
CREATE OR REPLACE FUNCTION kb_fuzzy_min_length() RETURNS integer LANGUAGE sql STABLE AS 'SELECT kb_setting_integer(''fuzzy_min_length'')';
SELECT kb_seed_setting('fuzzy_factor', 'number', '0.8', 'A corrected word counts this share of a word written right.');
CREATE OR REPLACE FUNCTION kb_fuzzy_factor() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''fuzzy_factor'')';
-- A word one slip of sound from a word of the vocabulary (kb_respell: "yena" llena, "lavavo" lavabo, "umedad" humedad)
-- is the same word said the same way; so is, since stop 29, a word one slip of the keys away (kb_rekey: "crtucho"
-- cartucho; or a stem of 6 letters or more one slip of the keys from a known one, kb_closest / kb_one_slip). They count
-- kb_respell_factor() of a word written right and as words written right for kb_min_plain_words(); any other
-- correction by kb_closest (by trigrams) counts kb_fuzzy_factor() and is no word as written.
SELECT kb_seed_setting('respell_factor', 'number', '1.0', 'A word respelled by one slip of sound (y/ll, b/v, s/c/z, h) counts this share of a word written right.');
CREATE OR REPLACE FUNCTION kb_respell_factor() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''respell_factor'')';
SELECT kb_seed_setting('fuzzy_vocabulary_only', 'flag', 'true', 'true: a correction gives only a word of titles, keywords, example questions or synonyms.');
CREATE OR REPLACE FUNCTION kb_fuzzy_vocabulary_only() RETURNS boolean LANGUAGE sql STABLE AS 'SELECT kb_setting_flag(''fuzzy_vocabulary_only'')';
SELECT kb_seed_setting('fuzzy_min_stem_length', 'integer', '4', 'Neither the unknown stem nor the one it becomes may be shorter than this.');
CREATE OR REPLACE FUNCTION kb_fuzzy_min_stem_length() RETURNS integer LANGUAGE sql STABLE AS 'SELECT kb_setting_integer(''fuzzy_min_stem_length'')';
SELECT kb_seed_setting('min_plain_words', 'integer', '1', 'An article is found only with at least this many of the question''s words as written.');
CREATE OR REPLACE FUNCTION kb_min_plain_words() RETURNS integer LANGUAGE sql STABLE AS 'SELECT kb_setting_integer(''min_plain_words'')';
SELECT kb_seed_setting('join_three', 'flag', 'true', 'true: three pieces of a word split by speech-to-text are joined as two are.');
CREATE OR REPLACE FUNCTION kb_join_three() RETURNS boolean LANGUAGE sql STABLE AS 'SELECT kb_setting_flag(''join_three'')';
-- A synonym's canonical words count at most kb_synonym_spread() * (words of the term / canonical words) of their
-- sum: one word of the question ("jalar") does not weigh as two ("tirar", "cadena"); 99 = no limit (as before).
-- 1.5 measured best on the development sets (bench/quality/RETRIEVAL.md, "Fuzzy corrections…": 1, 1.25, 1.5, 2).
SELECT kb_seed_setting('synonym_spread', 'number', '1.5', 'A synonym''s words count at most this times (words of the term / canonical words) of their sum.');
CREATE OR REPLACE FUNCTION kb_synonym_spread() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''synonym_spread'')';

-- A long message tells a story, then asks: "Estoy haciendo un baño nuevo y el cliente quiere poner el inodoro lejos
-- de la bajante. ¿Qué diámetro de desagüe tengo que poner para el inodoro?" An everyday word (in no article's title
-- or keywords, and no synonym's term: "quiere", "alrededor", "cliente") said only in the sentences that tell (what
-- the customer said, what was seen or tried) counts told_factor of itself, so that the story does not carry an
-- article the question does not name; the trade words of the story ("termofusión", "boiler") count fully. Only
-- when the message has a sentence that asks (a '?') naming at least two words of the trade and at least one
-- sentence that does not ask; a message without one ("…y nada, sigue goteando", a speech transcript) is read whole.
-- 0.5 to 0.65 measure the same on the development sets and dev-long-7; 0.35 answers one more wrong
-- (eval/DEV-LONG-7.md).
SELECT kb_seed_setting('told_factor', 'number', '0.6', 'In a message of several sentences, an everyday word (in no title, keywords or synonym) said only outside the sentences that ask (with ''?'') counts this share (1: as any word).');
CREATE OR REPLACE FUNCTION kb_told_factor() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''told_factor'')';

-- How rare a stem is among the N active articles, n of which have it: 1 for a stem no article has, about
-- 0.7-0.8 for a stem of one article, near 0 for a stem of every article. Scaled to 0..1 so that the scores
-- and kb_min_score() mean the same with 20 articles or with 200.
CREATE OR REPLACE FUNCTION kb_rarity(n double precision, total double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ln(1 + (total - n + 0.5) / (n + 0.5)) / ln(1 + (total + 0.5) / 0.5)
$$;

-- ---------------------------------------------------------------------------------------------------------
-- The words of each article, kept up to date by triggers (one row per stem and place): what kb_search reads.
--   place A title/keywords, B problem/symptoms, C procedure/safety, D tools/call a professional,
--         E one of the article's example questions (example_id says which)
-- Always the same as the articles and examples: rewritten in the same transaction as any change.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS kb_terms (
    article_id bigint NOT NULL REFERENCES kb_articles (id) ON DELETE CASCADE,
    example_id bigint,              -- the example question (kb_examples.id) for place E, else null
    lexeme     text NOT NULL,
    place      "char" NOT NULL      -- A, B, C, D (the article's best place for this stem) or E
);
CREATE INDEX IF NOT EXISTS kb_terms_lexeme_idx ON kb_terms (lexeme);
CREATE INDEX IF NOT EXISTS kb_terms_article_idx ON kb_terms (article_id);
CREATE INDEX IF NOT EXISTS kb_terms_example_idx ON kb_terms (example_id);

-- Every stem the search knows, once: how many active articles have it (in their text or an example
-- question: `ndoc`, for the rarity), whether a synonym's term has it, and how it sounds. Kept by the
-- triggers below in the same transaction as the change; a stem nothing has any more is removed.
CREATE TABLE IF NOT EXISTS kb_lexicon (
    lexeme     text PRIMARY KEY,
    ndoc       integer NOT NULL,       -- active articles with the stem (text or example questions)
    nplace     double precision NOT NULL,  -- the same, each article counted by its best place (kb_place_weight)
    synonym    boolean NOT NULL,       -- the term of an active synonym has it
    sound      text NOT NULL           -- kb_sound(lexeme)
);
-- true when an active article has the stem in its title, keywords or an example question, or a synonym's term has
-- it: the words that name the jobs (kb_fuzzy_vocabulary_only corrects into these only)
ALTER TABLE kb_lexicon ADD COLUMN IF NOT EXISTS vocabulary boolean NOT NULL DEFAULT false;
-- nplace counted over the active articles of the reference only (kb_articles.rarity_reference; stop 38): the count a
-- word's rarity is taken from when it is above 0. A stem no reference article has (0) is counted live (nplace).
ALTER TABLE kb_lexicon ADD COLUMN IF NOT EXISTS nplace_reference double precision NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS kb_lexicon_sound_idx ON kb_lexicon (sound);
CREATE INDEX IF NOT EXISTS kb_lexicon_trgm_idx ON kb_lexicon USING gist (lexeme gist_trgm_ops);  -- nearest by <->

CREATE OR REPLACE FUNCTION kb_refresh_lexicon(stems text[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM kb_lexicon WHERE lexeme = ANY (stems);
    INSERT INTO kb_lexicon (lexeme, ndoc, nplace, synonym, sound, vocabulary, nplace_reference)
    SELECT s.l, d.n, d.w, y.synonym, kb_sound(s.l), y.synonym OR d.named, d.wr
    FROM (SELECT DISTINCT unnest(stems) AS l) s
    CROSS JOIN LATERAL (
        SELECT count(*) AS n, coalesce(sum(w), 0) AS w, coalesce(bool_or(named), false) AS named,
               coalesce(sum(w) FILTER (WHERE reference), 0) AS wr FROM (
            SELECT t.article_id, max(kb_place_weight(t.place)) AS w, bool_or(t.place IN ('A', 'E')) AS named,
                   bool_or(a.rarity_reference) AS reference
            FROM kb_terms t JOIN kb_articles a ON a.id = t.article_id AND a.active
            WHERE t.lexeme = s.l GROUP BY t.article_id) x) d
    CROSS JOIN LATERAL (
        SELECT EXISTS (SELECT 1 FROM kb_synonyms y WHERE y.active AND y.term_lexemes @> ARRAY[s.l]) AS synonym) y;
    DELETE FROM kb_lexicon WHERE lexeme = ANY (stems) AND ndoc = 0 AND NOT synonym;
$$;

-- How many stems each article has in its title and keywords (place A) and in its example questions (E):
-- kb_search discounts long ones a little (kb_length_norm). Kept by the same triggers.
CREATE TABLE IF NOT EXISTS kb_article_lengths (
    article_id     bigint PRIMARY KEY REFERENCES kb_articles (id) ON DELETE CASCADE,
    title_keywords integer NOT NULL,
    examples       integer NOT NULL
);

CREATE OR REPLACE FUNCTION kb_refresh_lengths(articles bigint[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM kb_article_lengths WHERE article_id = ANY (articles);
    INSERT INTO kb_article_lengths (article_id, title_keywords, examples)
    SELECT a.id,
           (SELECT count(*) FROM kb_terms t WHERE t.article_id = a.id AND t.example_id IS NULL AND t.place = 'A'),
           (SELECT count(*) FROM kb_terms t WHERE t.article_id = a.id AND t.example_id IS NOT NULL)
    FROM kb_articles a WHERE a.id = ANY (articles);
$$;

CREATE OR REPLACE FUNCTION kb_terms_lexicon() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('remedios.kb_rebuilding', true) = 'on' THEN  -- the rebuild below does it once at the end
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM kb_refresh_lexicon(ARRAY(SELECT DISTINCT lexeme FROM changed_new));
        PERFORM kb_refresh_lengths(ARRAY(SELECT DISTINCT article_id FROM changed_new));
    ELSE
        PERFORM kb_refresh_lexicon(ARRAY(SELECT DISTINCT lexeme FROM changed_old));
        PERFORM kb_refresh_lengths(ARRAY(SELECT DISTINCT article_id FROM changed_old));
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER kb_terms_lexicon_insert AFTER INSERT ON kb_terms
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION kb_terms_lexicon();
CREATE OR REPLACE TRIGGER kb_terms_lexicon_delete AFTER DELETE ON kb_terms
    REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION kb_terms_lexicon();

CREATE OR REPLACE FUNCTION kb_refresh_article_terms(p_article bigint) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM kb_terms WHERE article_id = p_article AND example_id IS NULL;
    INSERT INTO kb_terms (article_id, example_id, lexeme, place)
    SELECT a.id, NULL, v.lexeme, min(w::"char")
    FROM kb_articles a
    CROSS JOIN LATERAL unnest(a.search_vector) AS v(lexeme, positions, weights)
    CROSS JOIN LATERAL unnest(v.weights) AS w
    WHERE a.id = p_article
    GROUP BY a.id, v.lexeme;
$$;

CREATE OR REPLACE FUNCTION kb_refresh_example_terms(p_example bigint) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM kb_terms WHERE example_id = p_example;
    INSERT INTO kb_terms (article_id, example_id, lexeme, place)
    SELECT DISTINCT a.id, e.id, l, 'E'::"char"
    FROM kb_examples e JOIN kb_articles a ON a.slug = e.article_slug
    CROSS JOIN LATERAL unnest(kb_lexemes(e.question)) AS l
    WHERE e.id = p_example;
$$;

CREATE OR REPLACE FUNCTION kb_articles_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kb_refresh_article_terms(NEW.id);
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER kb_articles_terms_insert AFTER INSERT ON kb_articles
    FOR EACH ROW EXECUTE FUNCTION kb_articles_terms();
CREATE OR REPLACE TRIGGER kb_articles_terms_update AFTER UPDATE ON kb_articles
    FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector) EXECUTE FUNCTION kb_articles_terms();

-- An article switched on or off (or into or out of the reference) changes how many active articles (of the
-- reference) have each of its stems.
CREATE OR REPLACE FUNCTION kb_articles_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('remedios.kb_rebuilding', true) = 'on' THEN  -- the caller refreshes every stem once
        RETURN NULL;
    END IF;
    PERFORM kb_refresh_lexicon(ARRAY(SELECT DISTINCT lexeme FROM kb_terms WHERE article_id = NEW.id));
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER kb_articles_active AFTER UPDATE ON kb_articles
    FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.rarity_reference IS DISTINCT FROM NEW.rarity_reference)
    EXECUTE FUNCTION kb_articles_active();

-- The reference of words' counts, made once: every article there is now goes into it when none is in it yet (a base
-- started before stop 38, or a new one once its older seed files have run: seed-jobs-37.sql calls it first). Renew it
-- on purpose (UPDATE kb_articles SET rarity_reference = true, with rarity_articles set to the new count of active
-- articles) and measure (bench/quality/ask_back.py, steal_moves.py on every labelled tuning set).
CREATE OR REPLACE FUNCTION kb_make_rarity_reference() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v_marked integer := 0;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM kb_articles WHERE rarity_reference) THEN
        PERFORM set_config('remedios.kb_rebuilding', 'on', true);
        UPDATE kb_articles SET rarity_reference = true;
        GET DIAGNOSTICS v_marked = ROW_COUNT;
        PERFORM set_config('remedios.kb_rebuilding', 'off', true);
        PERFORM kb_refresh_lexicon(ARRAY(SELECT DISTINCT lexeme FROM kb_terms));
    END IF;
    RETURN v_marked;
END
$$;

CREATE OR REPLACE FUNCTION kb_synonyms_lexicon() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kb_refresh_lexicon(coalesce(CASE WHEN TG_OP <> 'INSERT' THEN OLD.term_lexemes END, '{}')
                               || coalesce(CASE WHEN TG_OP <> 'DELETE' THEN NEW.term_lexemes END, '{}'));
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER kb_synonyms_lexicon AFTER INSERT OR UPDATE OR DELETE ON kb_synonyms
    FOR EACH ROW EXECUTE FUNCTION kb_synonyms_lexicon();

CREATE OR REPLACE FUNCTION kb_examples_terms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM kb_terms WHERE example_id IS NOT NULL;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM kb_terms WHERE example_id = OLD.id;
    ELSE
        PERFORM kb_refresh_example_terms(NEW.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER kb_examples_terms AFTER INSERT OR UPDATE OR DELETE ON kb_examples
    FOR EACH ROW EXECUTE FUNCTION kb_examples_terms();
CREATE OR REPLACE TRIGGER kb_examples_terms_truncate AFTER TRUNCATE ON kb_examples
    FOR EACH STATEMENT EXECUTE FUNCTION kb_examples_terms();

-- What the rebuild below is made from (stop 34): the definitions of the functions (a new version of one may fold
-- words otherwise), the text-search configuration and extensions they use, and the rows it reads (kb_articles,
-- kb_examples, kb_synonyms, kb_exclusions: seen with pg_stat_user_tables, bench/SPEED-34.md), with how many rows
-- the tables it writes hold. A start whose inputs are those recorded at the end of the last start (start_build_recorded,
-- the end of feedback.sql) keeps the rows the triggers above kept in step since: the rebuild cost 3 s of every start
-- (10 s under load) and wrote the same rows. The rebuild calls only functions defined above it (checked at stop 34:
-- no function of a later file or of the rest of this file is named before it), so those that existed when the
-- last start ended are the ones compared.
-- One table for every start-up rebuild (stop 35: before, kb_rebuilds here and estimate_cache_builds in
-- estimates/match.sql, the same shape): its name, the md5 of its inputs and the functions then, when.
CREATE TABLE IF NOT EXISTS start_builds (
    name      text PRIMARY KEY,        -- 'knowledge': the stems below, kb_terms, kb_lexicon, kb_article_lengths;
                                       -- 'estimates': the caches of estimates/match.sql and revise.sql's word lists
    inputs    text NOT NULL,           -- the inputs function of start_build_recorded (its functions) when the last start ended
    functions text[] NOT NULL,         -- the functions then (signatures)
    built_at  timestamptz NOT NULL DEFAULT now()
);
-- A database started before stop 35: the rows of the two tables move here, once, and both sides' bookkeeping
-- functions go (the estimates' too: here, before feedback.sql records the functions that exist, or the next start
-- would miss them). That start rebuilds both sides once (functions recorded were replaced).
DO $$
DECLARE
    v_old text;
BEGIN
    FOREACH v_old IN ARRAY ARRAY['kb_rebuilds', 'estimate_cache_builds'] LOOP
        IF to_regclass(v_old) IS NOT NULL THEN
            EXECUTE format('INSERT INTO start_builds (name, inputs, functions, built_at) '
                           'SELECT name, inputs, functions, built_at FROM %I ON CONFLICT (name) DO NOTHING', v_old);
            EXECUTE format('DROP TABLE %I', v_old);
        END IF;
    END LOOP;
END
$$;
DROP FUNCTION IF EXISTS kb_rebuild_current();
DROP FUNCTION IF EXISTS kb_rebuild_recorded();
DROP FUNCTION IF EXISTS estimate_cache_current();
DROP FUNCTION IF EXISTS estimate_cache_built();

-- The functions of this schema (signatures), and how many of a list exist with an md5 of their definitions.
CREATE OR REPLACE FUNCTION kb_start_functions() RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(p.oid::regprocedure::text ORDER BY p.oid::regprocedure::text), '{}')
    FROM pg_proc p WHERE p.pronamespace = (SELECT n.oid FROM pg_namespace n WHERE n.nspname = current_schema())
$$;

CREATE OR REPLACE FUNCTION kb_start_functions_md5(p_functions text[]) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT count(*) || ':' || coalesce(md5(string_agg(p.oid::regprocedure::text || ':' || p.provolatile::text || ':'
                                                      || coalesce(array_to_string(p.proconfig, ','), '') || ':' || p.prosrc,
                                                      chr(30) ORDER BY p.oid::regprocedure::text)), '')
    FROM pg_proc p
    WHERE p.pronamespace = (SELECT n.oid FROM pg_namespace n WHERE n.nspname = current_schema())
      AND p.oid::regprocedure::text = ANY (p_functions)
$$;

CREATE OR REPLACE FUNCTION kb_rebuild_inputs(p_functions text[]) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT md5(concat_ws('|', kb_start_functions_md5(p_functions),
        (SELECT string_agg(e.extname || ' ' || e.extversion, ',' ORDER BY e.extname) FROM pg_extension e),
        (SELECT string_agg(m.maptokentype || ':' || m.mapseqno || ':' || m.mapdict::regdictionary::text, ',' ORDER BY m.maptokentype, m.mapseqno)
           FROM pg_ts_config_map m WHERE m.mapcfg = 'es_unaccent'::regconfig),
        (SELECT md5(string_agg(to_jsonb(a)::text, chr(30) ORDER BY a.id)) FROM kb_articles a),
        (SELECT md5(string_agg(to_jsonb(x)::text, chr(30) ORDER BY x.id)) FROM kb_examples x),
        (SELECT md5(string_agg(to_jsonb(y)::text, chr(30) ORDER BY y.id)) FROM kb_synonyms y),
        (SELECT md5(string_agg(to_jsonb(z)::text, chr(30) ORDER BY z.id)) FROM kb_exclusions z),
        (SELECT count(*) FROM kb_terms), (SELECT count(*) FROM kb_lexicon), (SELECT count(*) FROM kb_article_lengths)))
$$;

-- Whether the inputs of start-up rebuild p_name are those recorded when the last start ended (the rebuild would
-- write the same rows); p_inputs computes them from a list of functions (kb_rebuild_inputs, estimate_cache_inputs).
CREATE OR REPLACE FUNCTION start_build_current(p_name text, p_inputs regproc) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_current boolean;
BEGIN
    EXECUTE format('SELECT b.inputs = %s(b.functions) FROM start_builds b WHERE b.name = $1', p_inputs)
       INTO v_current USING p_name;
    RETURN coalesce(v_current, false);
END
$$;

-- Called at the end of a side's last file (knowledge/feedback.sql, estimates/revise.sql): what the next start compares.
CREATE OR REPLACE FUNCTION start_build_recorded(p_name text, p_inputs regproc) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_functions text[] := kb_start_functions();
    v_inputs    text;
BEGIN
    EXECUTE format('SELECT %s($1)', p_inputs) INTO v_inputs USING v_functions;
    INSERT INTO start_builds AS b (name, inputs, functions) VALUES (p_name, v_inputs, v_functions)
    ON CONFLICT (name) DO UPDATE SET inputs = EXCLUDED.inputs, functions = EXCLUDED.functions, built_at = now()
     WHERE b.inputs <> EXCLUDED.inputs OR b.functions <> EXCLUDED.functions;
END
$$;

-- The stems of every synonym, exclusion, article and example rebuilt, so that a new version of the functions above
-- applies to existing rows: on every start whose inputs changed (above).
CREATE OR REPLACE FUNCTION kb_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE kb_synonyms SET term = term   -- the trigger recomputes the stems
    WHERE term_lexemes IS DISTINCT FROM kb_lexemes(kb_normalize(term))
       OR canonical_lexemes IS DISTINCT FROM kb_lexemes(canonical);
    -- (stop 28: a term with a negation, stored before as its bare stem — 'no se llena' as {llen} — gets its mark)
    UPDATE kb_exclusions SET term = term WHERE term_lexemes IS DISTINCT FROM kb_marked_lexemes(kb_normalize(term));
    PERFORM set_config('remedios.kb_rebuilding', 'on', true);
    DELETE FROM kb_terms;
    PERFORM kb_refresh_article_terms(id) FROM kb_articles;
    PERFORM kb_refresh_example_terms(id) FROM kb_examples;
    DELETE FROM kb_lexicon;
    PERFORM kb_refresh_lexicon(ARRAY(SELECT lexeme FROM kb_terms UNION SELECT unnest(term_lexemes) FROM kb_synonyms));
    DELETE FROM kb_article_lengths;
    PERFORM kb_refresh_lengths(ARRAY(SELECT id FROM kb_articles));
    PERFORM set_config('remedios.kb_rebuilding', 'off', true);
END
$$;

DO $$
BEGIN
    IF NOT start_build_current('knowledge', 'kb_rebuild_inputs') THEN
        PERFORM kb_rebuild();
        -- The nearest-word index works about twice as fast rebuilt in one go than grown row by row (measured:
        -- bench/quality/RETRIEVAL.md): rebuilt with the stems. (Until stop 36 at every start: a start with
        -- unchanged inputs has the index the last rebuild made, plus the rows seeds and staff added since.)
        REINDEX INDEX kb_lexicon_trgm_idx;
    END IF;
END
$$;

-- How each stem sounds follows kb_sound as this file defines it (stop 29 added x = cs = ks): the stems written before
-- are brought up to date, once.
UPDATE kb_lexicon SET sound = kb_sound(lexeme) WHERE sound IS DISTINCT FROM kb_sound(lexeme);

-- ---------------------------------------------------------------------------------------------------------
-- Search
-- ---------------------------------------------------------------------------------------------------------
-- The passage as the AI model sees it (tools and keywords left out to keep the prompt short).
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

-- Is this stem a word of the knowledge base (an active article, one of its example questions, a synonym)?
CREATE OR REPLACE FUNCTION kb_known(stem text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM kb_lexicon WHERE lexeme = stem)
$$;

-- Spelled letters: 'p', 'pe', 'uve', 'ce' -> the letter (speech-to-text writes "PVC" as "pe uve ce").
CREATE OR REPLACE FUNCTION kb_letter(word text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN word ~ '^[a-z]$' THEN word ELSE
        (ARRAY['b','c','d','f','g','h','j','k','l','m','n','p','q','r','s','t','v','v','x','z','z'])[
            array_position(ARRAY['be','ce','de','efe','ge','hache','jota','ka','ele','eme','ene','pe','cu','erre',
                                 'ese','te','uve','ve','equis','zeta','ceta'], word)] END
$$;

-- Diminutives, said a lot in Latin America: 'tubito' -> tubo, 'chorrito' -> chorro, 'poquita' -> poca,
-- 'llavecita' -> llave; and superlatives (stop 39, bench/quality/BUILDINGS-39.md), said everywhere: 'poquísima' ->
-- poca, 'lentísimo' -> lento, 'larguísimo' -> largo. The known stem of the plain word, or null.
CREATE OR REPLACE FUNCTION kb_undiminish(word text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT l FROM (
        SELECT kb_lexeme(regexp_replace(regexp_replace(base || ending, 'qu([oa])$', 'c\1'), 'gu([oa])$', 'g\1')) AS l, n
        FROM (SELECT (regexp_match(word, '^(.{2,}?)(c?it|isim)[oa]s?$'))[1] AS base) b
        CROSS JOIN unnest(ARRAY['o', 'a', 'e', '']) WITH ORDINALITY AS e(ending, n)
        WHERE b.base IS NOT NULL) c
    WHERE l IS NOT NULL AND kb_known(l)
    ORDER BY n LIMIT 1
$$;

-- Participles said without their d, as in the Caribbean, Andalusia and much speech: 'tapao' -> tapado,
-- 'pegao' -> pegado, 'trancaos' -> trancados. The known stem of the full word, or null.
CREATE OR REPLACE FUNCTION kb_unelide(word text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT l FROM (SELECT kb_lexeme(regexp_replace(word, '^(.{2,})ao(s?)$', '\1ado\2')) AS l
                   WHERE word ~ '^.{2,}aos?$') c
    WHERE l IS NOT NULL AND kb_known(l)
$$;

-- The spellings one slip of sound away from a word (kb_respell below says which slips).
CREATE OR REPLACE FUNCTION kb_slips(word text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 'h' || word AS w WHERE word ~ '^[aeiou]'
    UNION ALL SELECT substr(word, 2) WHERE word ~ '^h[aeiou]'
    UNION ALL
    SELECT overlay(word PLACING r.put FROM i FOR r.len)
    FROM generate_series(1, length(word)) AS i
    CROSS JOIN LATERAL (SELECT substr(word, i, 1) AS c, substr(word, i + 1, 1) AS nx,
                               substr(word, i - 1, 1) AS pv) p
    CROSS JOIN LATERAL (VALUES
        (CASE p.c WHEN 'b' THEN 'v' WHEN 'v' THEN 'b' END, 1),
        (CASE WHEN p.c = 'z' THEN 's' WHEN p.c = 's' AND p.nx ~ '[aeiou]' THEN 'z' END, 1),
        (CASE WHEN p.c IN ('s', 'z') AND p.nx IN ('e', 'i') THEN 'c'
              WHEN p.c = 'c' AND p.nx IN ('e', 'i') THEN 's' END, 1),
        (CASE WHEN p.c = 'l' AND p.nx = 'l' THEN 'y' WHEN p.c = 'y' AND p.nx ~ '[aeiou]' THEN 'll' END,
         CASE WHEN p.c = 'l' THEN 2 ELSE 1 END),
        (CASE WHEN p.c = 'j' AND p.nx IN ('e', 'i') THEN 'g' WHEN p.c = 'g' AND p.nx IN ('e', 'i') THEN 'j' END, 1),
        (CASE WHEN p.c = 'k' AND p.nx IN ('e', 'i') THEN 'qu' WHEN p.c = 'k' THEN 'c' END, 1),
        (CASE WHEN p.c = p.nx AND p.c NOT IN ('r', 'l', 'c') THEN p.c
              WHEN p.c = 'r' AND p.nx = 'r' THEN 'r'
              WHEN p.c = 'r' AND i > 1 AND p.pv ~ '[aeiou]' AND p.nx ~ '[aeiou]' THEN 'rr' END,
         CASE WHEN p.c = p.nx THEN 2 ELSE 1 END)) AS r(put, len)
    WHERE r.put IS NOT NULL
$$;

-- The spelling slips of sound, at the level of the word (bench/quality/RETRIEVAL.md, "Stop 24, words13"): an unknown
-- word respelled one slip at a time (a silent h dropped or added, b/v, s/z/c, ll/y, g/j before e and i, k for c or
-- qu, a doubled letter written once, r/rr) whose stem is a word of the articles' vocabulary: "uele" -> huele,
-- "ago" -> hago, "vaja" -> baja, "zale" -> sale, "yave" -> llave, "cerado" -> cerrado, "lavvamanos" -> lavamanos.
-- kb_sound compares stems, and a slip often cuts a word into another stem ("uele" -> uel, "bater" -> bat) or one
-- too short to compare; respelled first, the word is stemmed as the articles' words are. A stem of 3 letters is
-- taken only from a word of 5 letters or fewer ("hago", "baja"), so that a long word is not cut into a short stem
-- of another word. The most common such stem, or null.
CREATE OR REPLACE FUNCTION kb_respell(word text) RETURNS text
LANGUAGE plpgsql STABLE AS $$   -- plpgsql: its query plan is kept for the session (a sql function is planned per call)
BEGIN
    RETURN (WITH stems AS (SELECT DISTINCT s.w, kb_lexeme(s.w) AS l FROM kb_slips(word) AS s(w))
    SELECT x.lexeme FROM stems v JOIN kb_lexicon x ON x.lexeme = v.l
    WHERE (x.vocabulary OR NOT (SELECT kb_fuzzy_vocabulary_only()))
      AND (length(v.l) >= (SELECT kb_fuzzy_min_stem_length()) OR (length(v.l) >= 3 AND length(v.w) <= 5))
    ORDER BY x.nplace DESC, x.lexeme LIMIT 1);
END
$$;

-- The spellings one slip of the keys away from a word, its first letter kept (a word with another first letter is
-- another word): a letter dropped ("chupeete", "lavvamanos"), two letters side by side swapped ("tapdaa", "tubreia"),
-- a letter left out put back in a word of 6 letters or more ("crtucho", "prnsar": a vowel, or n, r, s, l, the letters
-- a hurried thumb leaves out most).
CREATE OR REPLACE FUNCTION kb_key_slips(word text) RETURNS TABLE (w text, put_back boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT overlay(word PLACING '' FROM i FOR 1), false FROM generate_series(2, length(word)) AS i
    UNION ALL
    SELECT overlay(word PLACING substr(word, i + 1, 1) || substr(word, i, 1) FROM i FOR 2), false
    FROM generate_series(2, length(word) - 1) AS i WHERE substr(word, i, 1) <> substr(word, i + 1, 1)
    UNION ALL
    SELECT overlay(word PLACING v FROM i FOR 0), true
    FROM generate_series(2, length(word) + 1) AS i CROSS JOIN unnest(ARRAY['a', 'e', 'i', 'o', 'u', 'n', 'r', 's', 'l']) AS v
    WHERE length(word) >= 6   -- a short word with a letter put back is too often another word ("andan" -> anodo)
$$;

-- The slips of the keys at the level of the word, as kb_respell is for the slips of sound (TYPOS-29.md): an unknown
-- word of kb_fuzzy_min_length() letters or more, one slip of the keys away (kb_key_slips) from a word whose stem is a
-- word of the articles' vocabulary, of kb_fuzzy_min_stem_length() letters or more: "tapdaa" -> tapada, "crtucho" ->
-- cartucho, "tubreia" -> tuberia. kb_closest compares stems, and the stem of a mistyped word is often cut elsewhere
-- ("tpaada" -> tpaad, far from tap). Failing that, in a word of 7 letters or more, one slip of the keys and one of
-- sound together ("revoasdero" -> rebosadero, "ynodorro" -> inodoro): the stem of a rekeyed spelling sounds as a
-- stem of the vocabulary (kb_sound; shorter words are too close to others: "pienso" is not "piezas"). The most
-- common such stem, or null.
CREATE OR REPLACE FUNCTION kb_rekey(word text) RETURNS text
LANGUAGE plpgsql STABLE AS $$   -- plpgsql: its query plan is kept for the session
BEGIN
    IF length(word) < (SELECT kb_fuzzy_min_length()) THEN
        RETURN NULL;
    END IF;
    -- a letter put back must give a stem of 5 letters or more: the stem drops the ending, so a letter put back
    -- before a short stem makes another word too easily ("pacada", pa cada, -> placada: placa)
    RETURN (WITH stems AS (SELECT DISTINCT kb_lexeme(s.w) AS l FROM kb_key_slips(word) AS s
                           WHERE NOT s.put_back OR length(kb_lexeme(s.w)) >= 5)
    SELECT lexeme FROM (
        SELECT x.lexeme, 1 AS rank, x.nplace FROM stems v JOIN kb_lexicon x ON x.lexeme = v.l
        WHERE (x.vocabulary OR NOT (SELECT kb_fuzzy_vocabulary_only()))
          AND length(v.l) >= (SELECT kb_fuzzy_min_stem_length())
        UNION ALL
        SELECT x.lexeme, 2, x.nplace FROM stems v JOIN kb_lexicon x ON x.sound = kb_sound(v.l)
        WHERE length(word) >= 7 AND (x.vocabulary OR NOT (SELECT kb_fuzzy_vocabulary_only()))
          AND length(v.l) >= (SELECT kb_fuzzy_min_stem_length()) AND length(x.lexeme) >= (SELECT kb_fuzzy_min_stem_length())) c
    ORDER BY rank, nplace DESC, lexeme LIMIT 1);
END
$$;

-- Chat and speech write the little words of Spanish by their sound too: "ay" (hay), "komo" (como), "kuando",
-- "asta" (hasta), "eyos" (ellos), "kon". Unknown to the articles, such a word counted against the question's
-- coverage as an unknown word of full weight (the shorthand of seed-regional.sql, section 6, is left out the same
-- way, but only word by word). An unknown word that one slip of sound (kb_slips) turns into a stop word is that
-- stop word: kb_analyze leaves it out. Words of two letters count ("ay"); a word that is itself a stem of the
-- vocabulary never comes here (kb_analyze asks only about unknown words).
CREATE OR REPLACE FUNCTION kb_stop_slip(word text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$   -- plpgsql: its query plan is kept for the session
BEGIN
    RETURN EXISTS (SELECT 1 FROM kb_slips(word) AS s(w) WHERE s.w <> '' AND kb_lexeme(s.w) IS NULL);
END
$$;

-- One slip of the keys between two stems: a letter dropped or added, or two letters side by side swapped ("pnog" /
-- pong, "tefoln" / teflon, "zmub" / zumb, "flotdor" / flotador). The first letter is never the slip: a word with
-- another first letter is another word ("condado" is not a "fondo"). A letter changed for another is not a slip
-- here: it turns real words into others ("pienso" / prensa, "cinco" / cinta); the slips of sound are kb_respell's.
CREATE OR REPLACE FUNCTION kb_one_slip(a text, b text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN a IS NULL OR b IS NULL OR a = b OR left(a, 1) <> left(b, 1) THEN false
        WHEN length(a) = length(b) THEN EXISTS (
            SELECT 1 FROM generate_series(1, length(a)) AS i
            WHERE substr(a, 1, i - 1) = substr(b, 1, i - 1)
              AND substr(a, i, 1) = substr(b, i + 1, 1) AND substr(a, i + 1, 1) = substr(b, i, 1)
              AND substr(a, i + 2) = substr(b, i + 2))
        WHEN length(a) = length(b) + 1 THEN EXISTS (
            SELECT 1 FROM generate_series(1, length(a)) AS i WHERE overlay(a PLACING '' FROM i FOR 1) = b)
        WHEN length(b) = length(a) + 1 THEN EXISTS (
            SELECT 1 FROM generate_series(1, length(b)) AS i WHERE overlay(b PLACING '' FROM i FOR 1) = a)
        ELSE false END
$$;

-- Is this stem a word of the articles' vocabulary (title, keywords, example questions, synonyms' terms; any known
-- stem when kb_fuzzy_vocabulary_only() is off)?
CREATE OR REPLACE FUNCTION kb_vocabulary(stem text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM kb_lexicon x WHERE x.lexeme = stem AND (x.vocabulary OR NOT kb_fuzzy_vocabulary_only()))
$$;

-- An unknown word that is two words run together, as two pieces, or null. In this order:
--   a stop word (or a letter of chat shorthand: d, q, k, x) and a word of the vocabulary, for words of 5 letters or
--   more ("elgrifo", "lazapata", "dbasura"; "escucha" is not "es" + the "cucha" of a procedure: only into the
--   vocabulary);
--   a stop word and a word one slip of sound away from the vocabulary (kb_respell: "lallabe", "delzuelo") or, after a
--   stop word of 2 to 4 letters, a word of 6 letters or more one slip of the keys away (kb_rekey: "latubreia",
--   "elcrtucho");
--   a stop word is also a filler of the synonyms (canonical '-', words of chat shorthand such as "cmo", "tb", "xfa",
--   seed-regional.sql) of 2 to 4 letters before 5 letters or more: "cmopegar" ("tapita" is no "ta" + "pita");
--   a word of the vocabulary that is its own stem and a stop word ("wcno", "pvcpara"; "gotele" is not "gote" + "le");
--   two stop words ("yla", "enel", "dela": both are then left out).
-- Two content words are left alone ("termotanque" is not a "termo" plus a "tanque").
CREATE OR REPLACE FUNCTION kb_split(word text) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$   -- plpgsql: its query plan is kept for the session
BEGIN
    RETURN (SELECT ARRAY[left(word, c.k), substr(word, c.k + 1)]
    FROM (SELECT k, left(word, k) AS a, substr(word, k + 1) AS b,
                 kb_lexeme(left(word, k)) AS la, kb_lexeme(substr(word, k + 1)) AS lb
          FROM generate_series(1, length(word) - 1) AS k) c
    CROSS JOIN LATERAL (SELECT c.la IS NULL OR (c.k = 1 AND c.a IN ('d', 'q', 'k', 'x'))
                                   OR (c.k BETWEEN 2 AND 4 AND length(c.b) >= 5 AND EXISTS (SELECT 1 FROM kb_synonyms s
                                                                       WHERE s.term = c.a AND s.canonical = '-' AND s.active))
                                   AS stop_a,
                               c.lb IS NULL AS stop_b) f
    CROSS JOIN LATERAL (SELECT CASE
        WHEN f.stop_a AND NOT f.stop_b AND length(word) >= 5 AND c.k <= 6 AND length(c.b) >= 3
             AND kb_vocabulary(c.lb) THEN 1
        WHEN f.stop_a AND NOT f.stop_b AND c.k >= 2 AND length(c.b) >= 4 AND kb_respell(c.b) IS NOT NULL THEN 2
        WHEN f.stop_a AND NOT f.stop_b AND c.k BETWEEN 2 AND 4 AND length(c.b) >= 6 AND kb_rekey(c.b) IS NOT NULL THEN 2
        WHEN NOT f.stop_a AND f.stop_b AND c.k >= 2 AND length(c.b) >= 2 AND c.la = c.a AND kb_vocabulary(c.la) THEN 3
        WHEN f.stop_a AND f.stop_b AND c.la IS NULL THEN 4 END AS rank) r
    WHERE r.rank IS NOT NULL
    ORDER BY r.rank, c.k
    LIMIT 1);
END
$$;

-- The known stem closest to an unknown one, in this order: the same sound (the most common such stem); a
-- stem that one of them begins with, 5 letters or more ('inund' of inundando = 'inundacion'); the highest
-- trigram similarity if at least kb_fuzzy_similarity(); among the nearest by trigrams, one slip of the keys away
-- (kb_one_slip: "pnogo", "tefoln", "zmuba"). Null if none.
CREATE OR REPLACE FUNCTION kb_closest(stem text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        (SELECT lexeme FROM kb_lexicon
         WHERE sound = kb_sound(stem) AND length(lexeme) >= kb_fuzzy_min_stem_length()
           AND (vocabulary OR NOT kb_fuzzy_vocabulary_only())
         ORDER BY nplace DESC, lexeme LIMIT 1),
        (SELECT lexeme FROM kb_lexicon
         WHERE length(stem) >= 5 AND length(lexeme) >= 5
           AND (lexeme LIKE replace(replace(stem, '_', ''), '%', '') || '%' OR stem LIKE lexeme || '%')
           AND (vocabulary OR NOT kb_fuzzy_vocabulary_only())
         ORDER BY abs(length(lexeme) - length(stem)), nplace DESC, lexeme LIMIT 1),
        (SELECT lexeme FROM (SELECT lexeme, nplace FROM kb_lexicon
                             WHERE (vocabulary OR NOT kb_fuzzy_vocabulary_only())
                               AND length(lexeme) >= kb_fuzzy_min_stem_length()
                             ORDER BY lexeme <-> stem LIMIT 5) c
         WHERE similarity(lexeme, stem) >= kb_fuzzy_similarity()
         ORDER BY similarity(lexeme, stem) DESC, nplace DESC, lexeme LIMIT 1),
        (SELECT lexeme FROM (SELECT lexeme, nplace, sound FROM kb_lexicon
                             WHERE (vocabulary OR NOT (SELECT kb_fuzzy_vocabulary_only()))
                               AND length(lexeme) >= (SELECT kb_fuzzy_min_stem_length())
                             ORDER BY lexeme <-> stem, lexeme LIMIT 20) c   -- ties in a fixed order
         WHERE kb_one_slip(lexeme, stem) OR (length(stem) >= 6 AND kb_one_slip(sound, kb_sound(stem)))
         ORDER BY nplace DESC, lexeme LIMIT 1))
    WHERE length(stem) >= kb_fuzzy_min_stem_length()
$$;

-- How the search reads a question, one row per stem it searches for. Words are repaired first:
--   letters spelled by speech-to-text joined when that makes a known word ("pe uve ce" -> pvc),
--   words split in two joined ("mono mando" -> monomando, "a tascado" -> atascado), words run together
--   split ("elgrifo" -> el grifo), unknown words replaced by the closest known one (kb_closest).
-- Then each synonym found is a `slot` with its own words (alt 0) and its canonical words (alt 1): the slot
-- counts with whichever scores best. Every other stem is a slot of its own. `how` says what was done;
-- `place` orders the stems as in the question (a synonym's canonical words take the place of its words).
CREATE OR REPLACE FUNCTION kb_analyze(question text)
RETURNS TABLE (slot integer, alt integer, lexeme text, factor double precision, how text, place real)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    -- a number glued to its unit ("50l", "110mm", "3/4pulgada") is the number and the unit written apart: the
    -- digits are left out as any number is (step 4), the unit stays a word of its own
    raw text[] := (SELECT coalesce(array_agg(regexp_replace(w, '^[0-9]+([a-z]+)$', '\1') ORDER BY o), '{}')
                   FROM unnest(kb_words(question)) WITH ORDINALITY AS u(w, o));
    words text[] := '{}';
    notes text[] := '{}';
    stems text[] := '{}';
    factors double precision[] := '{}';
    hows text[] := '{}';
    n integer := cardinality(raw);
    i integer := 1;
    j integer;
    k integer;
    joined text;
    l text;
    l2 text;
    best text;
    is_known boolean;
    done boolean;
    span record;
    seen text[] := '{}';
    next_slot integer := 0;
    taken boolean[];
    pieces text[];
    rs_words text[] := '{}';   -- the words kb_respell was asked about, and its answers ('' for none)
    rs_stems text[] := '{}';
    respelled boolean;
BEGIN
    -- 1. spelled letters, 2. split words, 3. run-together words
    WHILE i <= n LOOP
        done := false;
        IF kb_letter(raw[i]) IS NOT NULL AND i < n AND kb_letter(raw[i + 1]) IS NOT NULL THEN
            j := i + 1;
            WHILE j < n AND kb_letter(raw[j + 1]) IS NOT NULL LOOP j := j + 1; END LOOP;
            WHILE j > i AND NOT done LOOP
                joined := (SELECT string_agg(kb_letter(raw[x]), '' ORDER BY x) FROM generate_series(i, j) AS x);
                l := kb_lexeme(joined);
                IF l IS NOT NULL AND kb_known(l) THEN
                    words := words || joined; notes := notes || ('letters: ' || array_to_string(raw[i:j], ' '));
                    i := j + 1; done := true;
                ELSE
                    j := j - 1;
                END IF;
            END LOOP;
            CONTINUE WHEN done;
        END IF;
        l := kb_lexeme(raw[i]);
        is_known := l IS NULL OR kb_known(l);
        IF i < n AND length(raw[i]) = 1 AND l IS NOT NULL AND length(raw[i + 1]) >= 3
           AND kb_known(kb_lexeme(raw[i] || raw[i + 1])) THEN
            -- a letter said or typed apart from its word ("p trap", "p-trap" = ptrap): a lone letter is no word
            -- of the search, the two together are
            words := words || (raw[i] || raw[i + 1]); notes := notes || ('joined: ' || raw[i] || ' ' || raw[i + 1]);
            i := i + 2;
            CONTINUE;
        END IF;
        IF i < n AND length(raw[i] || raw[i + 1]) >= 6 THEN
            -- one of the two is an unknown word of 3 letters or more, and together they are a known word
            l2 := kb_lexeme(raw[i + 1]);
            -- not a misspelt word and the little word after it ("umedad en", "lavavo en": the stem of "umedaden"
            -- is umedad, which sounds as the known humed…): a word one slip of sound from the vocabulary
            -- (kb_respell) is that word, and the stop word stays a stop word
            IF ((NOT is_known AND length(raw[i]) >= 3
                 AND NOT (l2 IS NULL AND kb_respell(raw[i]) IS NOT NULL))
               OR (l2 IS NOT NULL AND length(raw[i + 1]) >= 3 AND NOT kb_known(l2))) THEN
                joined := kb_lexeme(raw[i] || raw[i + 1]);
                -- a known word, or one that sounds like a known word ("en paque" -> "enpaque" = empaque)
                IF joined IS NOT NULL AND (kb_known(joined)
                                           OR EXISTS (SELECT 1 FROM kb_lexicon x WHERE x.sound = kb_sound(joined))) THEN
                    words := words || (raw[i] || raw[i + 1]); notes := notes || ('joined: ' || raw[i] || ' ' || raw[i + 1]);
                    i := i + 2;
                    CONTINUE;
                END IF;
            ELSIF l IS NOT NULL AND l2 IS NOT NULL AND length(raw[i]) <= 3 AND length(raw[i + 1]) >= 4
                  AND NOT kb_vocabulary(l2) THEN
                -- both are known words, the first short and the second no word of the vocabulary, and together a
                -- word of the vocabulary: a long word cut by speech-to-text where both halves happen to be words
                -- ("pen diente" = pendiente); only into the vocabulary, never into a word an article merely mentions
                joined := kb_lexeme(raw[i] || raw[i + 1]);
                IF joined IS NOT NULL AND length(joined) >= 6 AND kb_vocabulary(joined) THEN
                    words := words || (raw[i] || raw[i + 1]); notes := notes || ('joined: ' || raw[i] || ' ' || raw[i + 1]);
                    i := i + 2;
                    CONTINUE;
                END IF;
            END IF;
        END IF;
        IF kb_join_three() AND i + 1 < n AND length(raw[i] || raw[i + 1] || raw[i + 2]) >= 6
           AND EXISTS (SELECT 1 FROM unnest(raw[i:i + 2]) AS w
                       WHERE length(w) >= 3 AND kb_lexeme(w) IS NOT NULL AND NOT kb_known(kb_lexeme(w))) THEN
            -- the same with three pieces, one of them unknown: speech-to-text's "y no doro" = inodoro
            joined := kb_lexeme(raw[i] || raw[i + 1] || raw[i + 2]);
            IF joined IS NOT NULL AND (kb_known(joined)
                                       OR EXISTS (SELECT 1 FROM kb_lexicon x WHERE x.sound = kb_sound(joined))) THEN
                words := words || (raw[i] || raw[i + 1] || raw[i + 2]);
                notes := notes || ('joined: ' || array_to_string(raw[i:i + 2], ' '));
                i := i + 3;
                CONTINUE;
            END IF;
        END IF;
        IF NOT is_known AND length(raw[i]) >= 3 THEN
            best := kb_respell(raw[i]);
            rs_words := rs_words || raw[i]; rs_stems := rs_stems || coalesce(best, '');
        END IF;
        IF NOT is_known AND length(raw[i]) >= 3 AND best IS NULL AND kb_undiminish(raw[i]) IS NULL THEN
            -- words run together: "elgrifo", "lallabe", "wcno", "yla" (kb_split); a word one slip of sound away from
            -- a known one is that word ("estanke" is estanque, not "es tanque"), a diminutive of a known word too
            -- ("tapita" is a tapa, step 4)
            pieces := kb_split(raw[i]);
            IF pieces IS NOT NULL THEN
                words := words || pieces;
                notes := notes || ('split: ' || raw[i]) || ('split: ' || raw[i]);
                i := i + 1;
                CONTINUE;
            END IF;
        END IF;
        words := words || raw[i]; notes := notes || ''::text;
        i := i + 1;
    END LOOP;

    -- 4. stems; unknown ones corrected
    FOR i IN 1 .. cardinality(words) LOOP
        l := kb_lexeme(words[i]);
        CONTINUE WHEN l IS NULL OR length(l) < 2 OR l ~ '^[0-9]+$';
        -- numbers said in words are left out as numbers in digits are ("de cuarenta litros" = "de 40 litros"), except
        -- dos and tres, which name jobs ("dos llaves", "tirar dos veces"); speech-to-text writes numbers in words
        CONTINUE WHEN words[i] ~ ('^(cero|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince'
                                  '|dieci[a-z]+|veinte|veinti[a-z]+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta'
                                  '|noventa|cien|ciento|doscientos|trescientos|cuatrocientos|quinientos|seiscientos'
                                  '|setecientos|ochocientos|novecientos|mil)$');
        IF kb_known(l) AND length(words[i]) >= 4 AND (SELECT kb_fuzzy_vocabulary_only()) AND NOT kb_vocabulary(l) THEN
            -- a real word typed for another ("sierre" for cierre, "sierra" for cierra): a stem that only an article's
            -- body has, never its vocabulary, one slip of sound from a word of the vocabulary (kb_respell), is read as
            -- that word
            best := kb_respell(words[i]);
            IF best IS NOT NULL AND best <> l THEN
                stems := stems || best; factors := factors || kb_respell_factor();
                hows := hows || concat_ws('; ', nullif(notes[i], ''), 'respelled word of the text: ' || words[i]);
                CONTINUE;
            END IF;
        END IF;
        IF kb_known(l) THEN
            stems := stems || l; factors := factors || 1.0::double precision; hows := hows || notes[i];
        ELSE
            best := kb_undiminish(words[i]);
            IF best IS NULL THEN   -- "-ao" said for "-ado" (the Caribbean, Andalusia, speech): tapao = tapado
                best := kb_unelide(words[i]);
                IF best IS NOT NULL THEN
                    stems := stems || best; factors := factors || 1.0::double precision;
                    hows := hows || concat_ws('; ', nullif(notes[i], ''), 'spoken -ado: ' || words[i]);
                    CONTINUE;
                END IF;
            END IF;
            IF best IS NOT NULL THEN
                stems := stems || best; factors := factors || 1.0::double precision;
                hows := hows || concat_ws('; ', nullif(notes[i], ''), 'diminutive: ' || words[i]);
                CONTINUE;
            END IF;
            k := array_position(rs_words, words[i]);   -- respelled already while looking for run-together words
            best := CASE WHEN k IS NOT NULL THEN nullif(rs_stems[k], '')
                         WHEN length(words[i]) >= 3 THEN kb_respell(words[i]) END;
            -- a little word written by its sound ("ay", "komo", "kuando"): left out as the stop word it is
            CONTINUE WHEN best IS NULL AND kb_stop_slip(words[i]);
            IF best IS NULL THEN   -- a slip of the keys ("tapdaa", "crtucho"): kb_rekey
                best := kb_rekey(words[i]);
            END IF;
            respelled := best IS NOT NULL;
            IF best IS NULL AND length(words[i]) >= kb_fuzzy_min_length() THEN
                best := kb_closest(l);
            END IF;
            IF best IS NOT NULL THEN
                stems := stems || best;
                -- one slip of the keys in a long word (kb_one_slip: a letter dropped, added or swapped) is as sure as
                -- one slip of sound
                factors := factors || CASE WHEN respelled OR (length(l) >= 6 AND kb_one_slip(best, l))
                                           THEN kb_respell_factor() ELSE kb_fuzzy_factor() END;
                hows := hows || concat_ws('; ', nullif(notes[i], ''), 'fuzzy: ' || words[i]);
            ELSE
                stems := stems || l; factors := factors || 1.0::double precision;
                hows := hows || concat_ws('; ', nullif(notes[i], ''), 'unknown');
            END IF;
        END IF;
    END LOOP;

    -- 5. synonyms, then the other stems (each once)
    taken := array_fill(false, ARRAY[greatest(cardinality(stems), 1)]);
    FOR span IN SELECT * FROM kb_synonym_spans(stems, true) LOOP
        IF cardinality(span.canonical_lexemes) = 0 THEN   -- a filler: its words are left out
            FOR j IN span.first_word .. span.last_word LOOP taken[j] := true; END LOOP;
            CONTINUE;
        END IF;
        next_slot := next_slot + 1;
        FOR j IN span.first_word .. span.last_word LOOP
            taken[j] := true;
            slot := next_slot; alt := 0; lexeme := stems[j]; factor := factors[j]; place := j;
            how := concat_ws('; ', nullif(hows[j], ''), 'synonym: ' || span.term);
            RETURN NEXT;
        END LOOP;
        k := 0;
        FOR l IN SELECT u.c FROM unnest(span.canonical_lexemes) WITH ORDINALITY AS u(c, o)
                 GROUP BY u.c ORDER BY min(u.o) LOOP
            k := k + 1;
            slot := next_slot; alt := 1; lexeme := l; place := span.first_word + k / 100.0;
            factor := (SELECT min(f) FROM unnest(factors[span.first_word:span.last_word]) AS f);
            how := 'canonical of ' || span.term || ': ' || span.canonical;
            RETURN NEXT;
        END LOOP;
    END LOOP;
    FOR i IN 1 .. cardinality(stems) LOOP
        CONTINUE WHEN taken[i] OR stems[i] = ANY (seen);
        seen := seen || stems[i];
        next_slot := next_slot + 1;
        slot := next_slot; alt := 0; lexeme := stems[i]; factor := factors[i]; how := nullif(hows[i], ''); place := i;
        RETURN NEXT;
    END LOOP;
END
$$;

-- A word of the trade: in an article's title or keywords, or a synonym's term (not an everyday word that only
-- the articles' text or example questions have: "quiere", "alrededor", "cliente").
CREATE OR REPLACE FUNCTION kb_trade_word(stem text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM kb_terms t WHERE t.lexeme = stem AND t.place = 'A')
        OR EXISTS (SELECT 1 FROM kb_lexicon l WHERE l.lexeme = stem AND l.synonym)
$$;

-- The sentences of a message that ask (those with a '?'), joined, or null when the message is one sentence, has no
-- '?', every sentence of it asks, or its asking sentences name fewer than two words of the trade ("¿Qué más puede
-- ser?" asks about the story told before it).
CREATE OR REPLACE FUNCTION kb_asking_sentence(message text) RETURNS text
LANGUAGE sql STABLE AS $$
    WITH pieces AS (
        SELECT p, n, p ~ '[?]' AS asks
        FROM regexp_split_to_table(btrim(message), '(?<=[.!?])\s+|\n+') WITH ORDINALITY AS t(p, n)
        WHERE p ~ '[[:alnum:]]'
    ),
    asking AS (
        SELECT string_agg(p, ' ' ORDER BY n) AS p FROM pieces WHERE asks
    )
    SELECT a.p FROM asking a
    WHERE a.p IS NOT NULL AND EXISTS (SELECT 1 FROM pieces WHERE NOT asks)
      AND (SELECT count(DISTINCT l) FROM unnest(kb_lexemes(a.p)) AS l WHERE kb_trade_word(l)) >= 2
$$;

-- Scoring (an OR of the question's words, so long questions still find something):
--   rarity(stem) = kb_rarity(): n = active articles that have the stem in their text or example questions
--                  (out of kb_rarity_articles(), a fixed reference count, not the live one: stop 36; n counted
--                  over the reference's articles, kb_articles.rarity_reference, when any has the stem: stop 38)
--   place        = kb_place_weight(): 1.0 title/keywords, 0.5 problem/symptoms, 0.2 procedure/safety,
--                  0.1 elsewhere, 0.5 in an example question (the best place counts)
--   a slot of kb_analyze() scores the best of its alternatives (own words or a synonym's canonical words),
--   each the sum of rarity * place * factor (factor < 1 for a corrected spelling)
--   score = sum over slots + kb_example_bonus() * how close the closest example question of the article is
--           (rarity-weighted 2 * shared / (question + example): 1 for the same words; counted from
--           kb_example_min_similarity() up)
-- An article is found when its score is at least kb_min_score() AND at least kb_min_words() slots of the
-- question (words, or a synonym's words) are in it with kb_min_word_score() each or more: one word shared
-- by chance ("la lavadora", "una botella de vino") is not enough.
-- `min_score` and `relative_cutoff` (default kb_min_score(), kb_relative_cutoff()) let kb_choices see the
-- articles just under those thresholds (answer.sql: a close neighbour of a lone match is asked about).
-- kb_search_rows gives every article the question's words reach (those that pass kb_min_words and
-- kb_min_plain_words), scored, with `kept` = the score less the share of the question not covered (compared with
-- kb_min_score()) and `passes` = what kb_search returns with its default thresholds (kept, and at least
-- kb_relative_cutoff() of the best kept score; the first max_articles of these are kb_search's rows). One search
-- serves both what is found and the articles just under the thresholds (kb_choices, answer.sql).
-- Every setting is read as `(SELECT kb_x())`: a subquery Postgres runs once per search, where a bare `kb_x()`
-- would read its row of kb_settings once per word and article (about 2,900 reads a question, +50 % time).
DROP FUNCTION IF EXISTS kb_search(text, integer);  -- the two-argument version, before the thresholds above
CREATE OR REPLACE FUNCTION kb_search_rows(question text)
RETURNS TABLE (id bigint, slug text, title text, score double precision, kept double precision, passes boolean)
LANGUAGE sql STABLE AS $$
    WITH q_all AS (
        SELECT * FROM kb_analyze(question)
    ),
    asking AS MATERIALIZED (   -- the sentence that asks, in a message that also tells (kb_asking_sentence)
        SELECT CASE WHEN (SELECT kb_told_factor()) < 1 THEN kb_asking_sentence(question) END AS sentence
    ),
    asked_stems AS (
        SELECT coalesce(array_agg(DISTINCT a.lexeme), '{}') AS stems
        FROM asking CROSS JOIN LATERAL kb_analyze(asking.sentence) a WHERE asking.sentence IS NOT NULL
    ),
    told AS (      -- the slots said only in the sentences that tell: none of their words is in the one that asks
        SELECT q_all.slot FROM q_all CROSS JOIN asked_stems a WHERE (SELECT sentence FROM asking) IS NOT NULL
        GROUP BY q_all.slot HAVING NOT bool_or(q_all.lexeme = ANY (a.stems))
           AND NOT bool_or(kb_trade_word(q_all.lexeme))   -- and none is a word of the trade
    ),
    q AS (
        SELECT q_all.slot, q_all.alt, q_all.lexeme,
               q_all.factor * CASE WHEN q_all.slot IN (SELECT slot FROM told) THEN (SELECT kb_told_factor()) ELSE 1 END
                   AS factor,
               q_all.how, q_all.place
        FROM q_all
    ),
    active AS (
        SELECT id, rarity_reference FROM kb_articles WHERE active
    ),
    -- the reference count (kb_rarity_articles, 0: the live count); a stem's own count never above it, and taken
    -- over the reference's articles (nplace_reference) when any of them has the stem (stop 38)
    total AS (SELECT coalesce(nullif((SELECT kb_rarity_articles()), 0), count(*)::double precision) AS n FROM active),
    hits AS (   -- every place where a stem of the question is, in active articles
        SELECT t.article_id, t.example_id, t.lexeme, t.place, NOT active.rarity_reference AS outside
        FROM kb_terms t JOIN active ON active.id = t.article_id
        WHERE t.lexeme = ANY (ARRAY(SELECT lexeme FROM q))
    ),
    rarity AS (   -- ref: the reference's count of the stem (0: none of its articles has it; counted live)
        SELECT l.lexeme, kb_rarity(least(CASE WHEN l.nplace_reference > 0 THEN l.nplace_reference ELSE l.nplace END, total.n), total.n) AS r,
               l.nplace_reference AS ref
        FROM kb_lexicon l CROSS JOIN total
        WHERE l.lexeme = ANY (ARRAY(SELECT lexeme FROM q)) AND l.ndoc > 0
    ),
    -- an article with a long title and keyword list (or many example questions) has each of those words
    -- count a little less, so that a catch-all article does not win every question (BM25's length norm)
    norms AS (
        SELECT l.article_id, p.place,
               1 / (1 - (SELECT kb_length_norm()) + (SELECT kb_length_norm()) * p.n
                        / nullif(coalesce(nullif(p.reference, 0), avg(p.n) OVER (PARTITION BY p.place)), 0)) AS f
        FROM kb_article_lengths l JOIN active ON active.id = l.article_id
        -- compared with the reference averages (kb_length_average_title/_examples; 0: the live average)
        CROSS JOIN LATERAL (VALUES ('A'::"char", l.title_keywords::double precision, (SELECT kb_length_average_title())),
                                   ('E'::"char", l.examples::double precision, (SELECT kb_length_average_examples())))
                           AS p(place, n, reference)
    ),
    places AS (   -- own: the article's own share of the stem's count (kb_refresh_lexicon), outside: not in the reference
        SELECT h.article_id, h.lexeme, max(kb_place_weight(h.place) * coalesce(nm.f, 1)) AS w,
               max(kb_place_weight(h.place)) AS own, bool_or(h.outside) AS outside
        FROM hits h LEFT JOIN norms nm ON nm.article_id = h.article_id AND nm.place = h.place
        GROUP BY h.article_id, h.lexeme
    ),
    -- a synonym's own words never weigh more than its canonical words: "termotanque" counts as much as
    -- "termo" wherever it is written, and a term whose canonical words no article has counts nothing
    -- ("pileta de natación" = piscina)
    caps AS (
        SELECT slot, least(1, coalesce(sum(m) FILTER (WHERE alt = 1) / nullif(sum(m) FILTER (WHERE alt = 0), 0), 1)) AS c
        FROM (SELECT q.slot, q.alt, sum(coalesce(r.r, 0) * q.factor) AS m
              FROM q LEFT JOIN rarity r ON r.lexeme = q.lexeme GROUP BY q.slot, q.alt) m
        GROUP BY slot
        HAVING count(*) FILTER (WHERE alt = 1) > 0
    ),
    spread AS (   -- a synonym of fewer words than its canonical ("jalar" = "tirar de la cadena"): see kb_synonym_spread
        SELECT slot, least(1, (SELECT kb_synonym_spread()) * count(*) FILTER (WHERE alt = 0)
                              / nullif(count(*) FILTER (WHERE alt = 1), 0)) AS f
        FROM q GROUP BY slot
    ),
    -- an article outside the reference (added after it) has a stem the reference's articles have counted as the
    -- reference's count plus its own share, as if it were one of them (stop 38): its words are no rarer for it than
    -- for the reference's articles, and their counts for the others do not move
    alternatives AS (
        SELECT p.article_id, q.slot, q.alt,
               sum(CASE WHEN p.outside AND r.ref > 0 THEN kb_rarity(least(r.ref + p.own, total.n), total.n) ELSE r.r END
                   * p.w * q.factor) * CASE WHEN q.alt = 0 THEN coalesce(min(c.c), 1)
                                                ELSE coalesce(min(sp.f), 1) END AS s
        FROM q JOIN places p ON p.lexeme = q.lexeme JOIN rarity r ON r.lexeme = q.lexeme CROSS JOIN total
        LEFT JOIN caps c ON c.slot = q.slot
        LEFT JOIN spread sp ON sp.slot = q.slot
        GROUP BY p.article_id, q.slot, q.alt
    ),
    base AS (
        SELECT article_id, sum(s) AS s, count(*) FILTER (WHERE s >= (SELECT kb_min_word_score())) AS words,
               count(*) FILTER (WHERE s >= (SELECT kb_min_word_score())
                                  AND slot NOT IN (SELECT slot FROM q WHERE alt = 0 AND how LIKE '%fuzzy: %'
                                                    -- a repair of one slip counts as written (kb_analyze)
                                                    AND factor < (SELECT kb_respell_factor()))) AS plain_words
        FROM (SELECT article_id, slot, max(s) AS s FROM alternatives GROUP BY article_id, slot) x
        GROUP BY article_id
    ),
    -- the question's weight: every slot at its heaviest alternative (a stem no article has counts 1)
    slot_mass AS (
        SELECT slot, max(m) AS m FROM (
            SELECT q.slot, q.alt, sum(coalesce(r.r, 1.0) * q.factor) AS m
            FROM q LEFT JOIN rarity r ON r.lexeme = q.lexeme
            GROUP BY q.slot, q.alt) a
        GROUP BY slot
    ),
    question_mass AS (
        SELECT sum(m) AS m FROM slot_mass
    ),
    example_shared AS (   -- per example question that shares a stem: the weight shared, best alternative per slot
        SELECT example_id, article_id, sum(m) AS m FROM (
            SELECT example_id, article_id, slot, max(m) AS m FROM (
                SELECT h.example_id, h.article_id, q.slot, q.alt, sum(r.r * q.factor) AS m
                FROM hits h JOIN q ON q.lexeme = h.lexeme JOIN rarity r ON r.lexeme = h.lexeme
                WHERE h.example_id IS NOT NULL
                GROUP BY h.example_id, h.article_id, q.slot, q.alt) a
            GROUP BY example_id, article_id, slot) x
        GROUP BY example_id, article_id
    ),
    example_mass AS (     -- the weight of each of those example questions (all its stems)
        SELECT t.example_id, sum(kb_rarity(least(CASE WHEN l.nplace_reference > 0 THEN l.nplace_reference ELSE l.nplace END, total.n), total.n)) AS m
        FROM kb_terms t JOIN kb_lexicon l ON l.lexeme = t.lexeme CROSS JOIN total
        WHERE t.example_id = ANY (ARRAY(SELECT example_id FROM example_shared))
        GROUP BY t.example_id
    ),
    example_best AS (
        SELECT e.article_id, max(2 * e.m / nullif(qm.m + em.m, 0)) AS similarity
        FROM example_shared e JOIN example_mass em ON em.example_id = e.example_id CROSS JOIN question_mass qm
        GROUP BY e.article_id
    ),
    -- how much of the question the article covers: the weight of the slots it has (any alternative), over
    -- the question's weight (unknown words count fully: "la lavadora no centrifuga" is half covered)
    covered AS (
        SELECT a.article_id, sum(sm.m) / nullif((SELECT sum(m) FROM slot_mass), 0) AS c
        FROM (SELECT DISTINCT article_id, slot FROM alternatives WHERE s > 0) a JOIN slot_mass sm ON sm.slot = a.slot
        GROUP BY a.article_id
    ),
    -- "not this article if the question says…" (kb_exclusions): the question's own stems, its denied words marked
    -- (kb_marked_lexemes: "ya no se llena" has 'no:llen'), and the stems the search made of them (repaired words,
    -- synonyms' canonical words)
    question_stems AS MATERIALIZED (   -- once: cutting the question into stems is the costly part
        SELECT kb_marked_lexemes(question, true) || ARRAY(SELECT lexeme FROM q) AS stems
    ),
    excluded AS (
        SELECT DISTINCT a.id
        FROM kb_exclusions x JOIN kb_articles a ON a.slug = x.article_slug AND a.active
        CROSS JOIN question_stems qs
        WHERE x.active AND x.term_lexemes <@ qs.stems
    ),
    scored AS (
        SELECT b.article_id AS id,
               (b.s + (SELECT kb_example_bonus()) * greatest(0, (coalesce(x.similarity, 0) - (SELECT kb_example_min_similarity()))
                                                       / (1 - (SELECT kb_example_min_similarity()))))
               * CASE WHEN b.article_id IN (SELECT id FROM excluded) THEN (SELECT kb_exclusion_factor()) ELSE 1 END AS score,
               coalesce(cv.c, 0) AS coverage,
               coalesce(x.similarity, 0) >= (SELECT kb_example_same_similarity()) AS same_example
        FROM base b LEFT JOIN example_best x ON x.article_id = b.article_id
                    LEFT JOIN covered cv ON cv.article_id = b.article_id
        WHERE (b.words >= (SELECT kb_min_words()) AND b.plain_words >= (SELECT kb_min_plain_words()))
           -- the question is one of the article's example questions (a short one staff attached): found
           OR (coalesce(x.similarity, 0) >= (SELECT kb_example_same_similarity()) AND b.plain_words >= 1)
    ),
    discounted AS (   -- the score less the share of the question not covered
        SELECT s.id, s.score, s.score * (1 - (SELECT kb_coverage_weight()) * (1 - s.coverage)) AS kept, s.same_example
        FROM scored s
    )
    SELECT d.id, a.slug, a.title, d.score, d.kept,
           (d.kept >= (SELECT kb_min_score()) OR d.same_example)
           AND d.score >= (SELECT kb_relative_cutoff())
                          * (SELECT max(x.score) FROM discounted x WHERE x.kept >= (SELECT kb_min_score()) OR x.same_example)
    FROM discounted d JOIN kb_articles a ON a.id = d.id
$$;

CREATE OR REPLACE FUNCTION kb_search(question text, max_articles integer DEFAULT 3,
                                     min_score double precision DEFAULT NULL,
                                     relative_cutoff double precision DEFAULT NULL)
RETURNS TABLE (slug text, title text, score real, passage text)
LANGUAGE sql STABLE AS $$
    WITH ranked AS (   -- ranked by score; kept when the score, less the share of the question not covered, is enough
        SELECT s.id, s.score, max(s.score) OVER () AS best,
               row_number() OVER (ORDER BY s.score DESC, s.id) AS position
        FROM kb_search_rows(question) s
        WHERE s.kept >= coalesce(min_score, (SELECT kb_min_score()))
           OR (min_score IS NULL AND s.passes)   -- the question is one of the article's example questions
    )
    SELECT a.slug, a.title, r.score::real, kb_passage(a)
    FROM ranked r JOIN kb_articles a ON a.id = r.id
    WHERE r.position <= greatest(coalesce(max_articles, 3), 1)
      AND r.score >= r.best * coalesce(relative_cutoff, (SELECT kb_relative_cutoff()))
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

