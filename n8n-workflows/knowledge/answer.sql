-- What a grounded answer is made of (issue 13): only what the question needs, from the best article.
-- Runs after knowledge/schema.sql and knowledge/seed.sql on every start; idempotent.
--
--   SELECT * FROM kb_answer($1, $2, $3);  -- $1 = the plumber's message, $2 = earlier plumber messages, newest
--                                         --      first, one per line ('' when there are none), $3 = the
--                                         --      question the assistant last asked back (null when none)
--   -> one row: found, context, sources, slugs, top_score, article, searched, followup, earlier, choices,
--               asked, picked, describe
--
-- Why not kb_context: three whole articles (~1,000 tokens) made the small model copy them from their titles,
-- cut mid-sentence, in ~22 s. The answer now gets the best article's relevant steps and safety only, and the
-- article's full procedure goes to the plumber as data (`article`), shown as a card, without the model.

-- An article's procedure as a list of steps, without their numbers: one step per line ("1. …", "2) …",
-- "- …"), and numbered steps written on one line ("1. Cortar la luz. 2. Pulsar 5 s.") are split too.
CREATE OR REPLACE FUNCTION kb_steps(procedure text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(step ORDER BY n), '{}')
    FROM (
        SELECT btrim(regexp_replace(piece, '^\s*(\d{1,2}\s*[.)]|[-•*])\s*', '')) AS step, n
        FROM regexp_split_to_table(coalesce(procedure, ''), '\s*\n\s*|(?<=[.;:!?])\s+(?=\d{1,2}[.)]\s)')
             WITH ORDINALITY AS p(piece, n)
    ) steps
    WHERE step <> ''
$$;

-- The article as the plumber's card (docs/contracts.md §4): {"slug", "title", "steps": [...], "safety"} and, when
-- the article has them, "problem" (why it happens), "tools_materials" and "call_professional" (when to stop and
-- call a specialist): facts a good answer needs that the steps alone did not carry. Empty fields are left out
-- (cards stored before 2026-12-06 have none of the three; the page and WhatsApp show what a card has).
-- `symptoms` is not on the card: it is what the plumber already sees and told us, and it would make the card
-- longer without adding a fact he lacks (bench/quality/ARTICLES.md, 2026-12-06).
CREATE OR REPLACE FUNCTION kb_article_card(a kb_articles) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('slug', a.slug, 'title', a.title, 'steps', to_jsonb(kb_steps(a.procedure)),
                              'safety', nullif(btrim(a.safety), ''))
        || jsonb_strip_nulls(jsonb_build_object(
               'problem', nullif(btrim(a.problem, E' \t\r\n'), ''),
               'tools_materials', nullif(btrim(a.tools_materials, E' \t\r\n'), ''),
               'call_professional', nullif(btrim(a.call_professional, E' \t\r\n'), '')))
$$;

-- The steps that matter for the question, with their numbers in the article: the steps sharing the most words
-- with the question (stemmed, accents ignored), at most max_steps of them, in the article's order; the first
-- steps when none shares a word. Measured (bench/quality/RESULTS.md): the small model copies the steps it is
-- given from the top, so given the whole procedure it answered "¿de qué diámetro es el desagüe?" with how to
-- unmount the toilet; given the relevant steps it answers the question, and the prompt is shorter.
CREATE OR REPLACE FUNCTION kb_relevant_steps(question text, steps text[], max_steps integer DEFAULT 3)
RETURNS TABLE (n integer, step text)
LANGUAGE sql STABLE AS $$
    WITH asked AS (
        SELECT DISTINCT lexeme
        FROM unnest(tsvector_to_array(to_tsvector('es_unaccent'::regconfig, coalesce(question, '')))) AS lexeme
        WHERE length(lexeme) >= 3
    ),
    scored AS (
        SELECT s.n::integer AS n, s.step,
               (SELECT count(*) FROM asked
                WHERE asked.lexeme = ANY (tsvector_to_array(to_tsvector('es_unaccent'::regconfig, s.step)))) AS hits
        FROM unnest(coalesce(steps, '{}')) WITH ORDINALITY AS s(step, n)
    )
    SELECT n, step FROM (
        SELECT n, step FROM scored ORDER BY hits DESC, n LIMIT greatest(coalesce(max_steps, 3), 1)
    ) chosen
    ORDER BY n
$$;

-- The article as the AI model sees it: plain labels (no Markdown the model would copy), the steps that matter
-- for the question (kb_relevant_steps, with their numbers in the article) and the safety note. The problem,
-- symptoms, tools and when to call a professional are left out: every ~3 characters cost a token of prefill on
-- a 2-core machine (the plumber gets every step, beside the answer, anyway).
-- How many steps the model is given: a staff setting (kb_settings 'answer_steps'). More steps carry more of the
-- article's facts into the short answer, at the cost of a longer prompt (bench/quality/ANSWER-STEPS.md).
SELECT kb_seed_setting('answer_steps', 'integer', '3', 'How many steps of the article the AI model is given to write the short answer (the steps sharing most words with the question; the plumber gets every step in the card anyway).');
CREATE OR REPLACE FUNCTION kb_answer_steps() RETURNS integer LANGUAGE sql STABLE AS 'SELECT kb_setting_integer(''answer_steps'')';
DROP FUNCTION IF EXISTS kb_answer_passage(kb_articles);
CREATE OR REPLACE FUNCTION kb_answer_passage(a kb_articles, question text DEFAULT '', max_steps integer DEFAULT NULL)
RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT concat_ws(E'\n',
        'Título: ' || a.title,
        CASE WHEN cardinality(kb_steps(a.procedure)) > 0 THEN E'Pasos:\n' || (
            SELECT string_agg(r.n || '. ' || r.step, E'\n' ORDER BY r.n)
            FROM kb_relevant_steps(question, kb_steps(a.procedure), coalesce(max_steps, kb_answer_steps())) r) END,
        CASE WHEN btrim(a.safety) <> '' THEN 'Seguridad: ' || btrim(a.safety) END)
$$;

-- The best article for the message; when the message alone finds none and earlier plumber messages are given
-- (a follow-up such as "¿y si es de cobre?"), the search is made again with the previous message + this one,
-- then with the two previous ones + this one, and such a match counts only when the new message's own words
-- raise the score above what the earlier messages alone score (an unrelated new question still gets
-- "no estoy seguro" instead of the previous topic's article).
--   slug, score  the article (null, 0 when none)
--   searched     the text that found it (the message itself, or the earlier messages + the message)
--   followup     true when the earlier messages were needed
--   used         those earlier messages, oldest first, one per line ('' when not a follow-up)
DROP FUNCTION IF EXISTS kb_best(text, text);
CREATE FUNCTION kb_best(question text, previous text DEFAULT '')
RETURNS TABLE (slug text, score real, searched text, followup boolean, used text)
LANGUAGE sql STABLE AS $$
    WITH earlier AS (
        SELECT array_remove(array_agg(btrim(line) ORDER BY n), '') AS lines
        FROM regexp_split_to_table(coalesce(previous, ''), '\n') WITH ORDINALITY AS p(line, n)
    ),
    attempts AS (
        SELECT 0 AS attempt, '' AS used
        UNION ALL
        SELECT k, array_to_string(ARRAY(SELECT l FROM unnest(e.lines[1:k]) WITH ORDINALITY AS x(l, i)
                                      ORDER BY i DESC), E'\n')
        FROM earlier e, generate_series(1, least(2, coalesce(cardinality(e.lines), 0))) AS k
    ),
    searches AS (
        SELECT attempt, used, btrim(replace(used, E'\n', ' ') || ' ' || coalesce(question, '')) AS searched
        FROM attempts
    ),
    best AS (
        SELECT t.attempt, t.used, t.searched, h.slug, h.score
        FROM searches t
        CROSS JOIN LATERAL (SELECT s.slug, s.score FROM kb_search(t.searched, 1) s LIMIT 1) h
        -- with earlier messages, the new message must add to the match: "¿quién ganó el mundial?" after a
        -- question about a faucet finds the faucet article only through the earlier words, so it is refused
        WHERE t.attempt = 0
           OR h.score > coalesce((SELECT s.score FROM kb_search(replace(t.used, E'\n', ' '), 1) s LIMIT 1), 0) + 0.01
        ORDER BY t.attempt
        LIMIT 1
    )
    SELECT b.slug, coalesce(b.score, 0)::real, coalesce(b.searched, coalesce(question, '')),
           coalesce(b.attempt > 0, false), coalesce(b.used, '')
    FROM (SELECT 1) one LEFT JOIN best b ON true
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Asking back instead of guessing. When the search finds two or three articles whose scores are close (each
-- at least kb_ask_ratio() of the best), the words do not tell which job the plumber means, and the best one is
-- often the wrong one (bench/quality/ASKING.md). The assistant then asks "¿A cuál de estos casos se parece?"
-- with the articles' titles, numbered; the plumber answers with a number ("2", "la 2", "la segunda"), with
-- words of a title ("la de la cisterna"), or "ninguna". The threshold was chosen on the tuned question sets
-- (about one question in seven asks there), never on the independent split. Stop 22 added two signals below
-- (kb_ask_trigram_ratio, kb_ask_lone_neighbours), chosen on the development sets only: with them about 18 % of
-- the four tuned sets' questions are asked back, 29 % of the eight older development sets', 41 % of
-- dev-regional-4's (ASKING.md, "Stop 22").
-- kb_ask_ratio() is 0.80 since stop 34 (0.85 before; bench/quality/ASK-34.md): on every labelled tuning set it
-- answers wrong less often (27 -> 21 of 1,725; on the base without its example questions 55 -> 40), reaches the
-- plumber's article as often or more (right + offered 1,619 -> 1,622) and adds at most one offer without the right
-- case on any set, for about one labelled question in twenty more asked back (622 -> 703). A second knob that would
-- make the lower ratio cheaper (only below an absolute score, only when the best two share none of the question's
-- words, the offer limited to two) was measured and not kept: each saved fewer wrong answers for the asking it spared.
-- ---------------------------------------------------------------------------------------------------------
SELECT kb_seed_setting('ask_ratio', 'number', '0.8', 'Ask back when two or three articles each score at least this share of the best.');
CREATE OR REPLACE FUNCTION kb_ask_ratio() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''ask_ratio'')';
SELECT kb_seed_setting('max_choices', 'integer', '3', 'At most this many cases offered when asking back.');
CREATE OR REPLACE FUNCTION kb_max_choices() RETURNS integer LANGUAGE sql STABLE AS 'SELECT kb_setting_integer(''max_choices'')';
-- Which cases are offered when asking (kb_choices, bench/quality/RECALL-30.md): the free places up to
-- kb_max_choices() go to the next articles by score among the search's first kb_offer_pool(), each scoring at least
-- kb_offer_fill_ratio() of the best case offered (1.01 or more: only the cases the rules below choose), and, with
-- kb_offer_likeness_case(), one more case (a fourth) goes to the rest's article most like the question letter for
-- letter, when it is more like it than one of the cases offered. None of these decides whether to ask.
-- kb_offer_fill_ratio() is the offer's floor for the filled places (stop 33, bench/quality/ASK-33.md): 0.61 since then
-- (0.6 before), the highest floor that lost no right case on any tuning set; the rules' own cases are never dropped.
SELECT kb_seed_setting('offer_fill_ratio', 'number', '0.61', 'When asking back, the free places (up to max_choices) go to the next articles scoring at least this share of the best case offered.');
CREATE OR REPLACE FUNCTION kb_offer_fill_ratio() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''offer_fill_ratio'')';
SELECT kb_seed_setting('offer_pool', 'integer', '8', 'When asking back, the extra cases are chosen among the search''s first this many articles.');
CREATE OR REPLACE FUNCTION kb_offer_pool() RETURNS integer LANGUAGE sql STABLE AS 'SELECT kb_setting_integer(''offer_pool'')';
SELECT kb_seed_setting('offer_likeness_case', 'flag', 'true', 'true: when asking back, one more case than max_choices: the next article that reads most like the question, if it reads more like it than one of the cases offered.');
CREATE OR REPLACE FUNCTION kb_offer_likeness_case() RETURNS boolean LANGUAGE sql STABLE AS 'SELECT kb_setting_flag(''offer_likeness_case'')';
-- A second signal that the best article may be the wrong one (bench/quality/ASKING.md, "Stop 22"): the search's
-- ranking and a ranking by letters disagree. When another article scores at least kb_ask_trigram_ratio() of
-- the best and its title or one of its example questions is more like the question, letter for letter (pg_trgm
-- similarity, kb_likeness), than anything of the best article, the words alone do not settle it: ask too.
-- Setting it to kb_ask_ratio() or more switches this signal off (only the ratio rule is left).
SELECT kb_seed_setting('ask_trigram_ratio', 'number', '0.7', 'Likeness rule: another article scoring at least this share of the best, more like the question letter for letter, makes the assistant ask.');
CREATE OR REPLACE FUNCTION kb_ask_trigram_ratio() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''ask_trigram_ratio'')';
-- How much more like the question the other article must read for the likeness rule to ask (ASKING.md, "Stop 23"):
-- trigram similarities of a question to two titles or example questions differ by a hair (0.001–0.02) for reasons
-- of spelling, not of meaning, and on the development sets such hairs asked 18 questions to save 0 wrong answers
-- (3 wrong answers came with them, all mended by example questions the same stop). 0 asks at any difference.
-- Shipped at 0 (stop 22's rule): 0.02 answered wrong more often on all three held-out splits' retrieval (split 1
-- 7.4 -> 9.9 %, split 2 9.9 -> 10.5 %, split 3 unchanged), so the development sets' gain did not carry over
-- (ASKING.md, "Stop 23, held-out (lead)"). The setting stays for staff who prefer fewer questions asked back.
SELECT kb_seed_setting('ask_trigram_margin', 'number', '0.0', 'Likeness rule: how much more like the question the other article must read (0 = any difference).');
CREATE OR REPLACE FUNCTION kb_ask_trigram_margin() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''ask_trigram_margin'')';
-- A lone match (the search finds one article) whose neighbour scores about as well but falls just under the
-- search's thresholds (kb_min_score with the coverage discount, kb_relative_cutoff) is no surer than two close
-- matches: with true, such neighbours are candidates for both rules above (ASKING.md, "Stop 22").
SELECT kb_seed_setting('ask_lone_neighbours', 'flag', 'true', 'true: a lone match''s neighbour just under the thresholds is a candidate for asking back.');
CREATE OR REPLACE FUNCTION kb_ask_lone_neighbours() RETURNS boolean LANGUAGE sql STABLE AS 'SELECT kb_setting_flag(''ask_lone_neighbours'')';
-- Staff pairs (table kb_ask_between, schema.sql; seed-ask-between.sql): two articles the words cannot tell apart
-- (a pump that starts and stops often / a pressure tank that lost its air…). When neither rule above asks, but the
-- search's best two articles are an active pair and the second scores at least kb_ask_pair_ratio() of the best,
-- the assistant asks between the two ("close enough": below the ratio rule's 0.85, a pair is asked about with a
-- second further behind; 1.01 or more switches the pairs off, as does `active = false` on a row). Measured on the
-- tuning sets, bench/quality/NEIGHBOURS.md "Stop 28".
SELECT kb_seed_setting('ask_pair_ratio', 'number', '0.6', 'Ask between a staff pair (kb_ask_between) when it is the best two articles and the second scores at least this share of the best.');
CREATE OR REPLACE FUNCTION kb_ask_pair_ratio() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''ask_pair_ratio'')';
-- Known neighbours close behind (stop 33, bench/quality/ASK-33.md). A confident wrong answer is most often a
-- neighbour of the right article (a tank and a cistern, a heater's flush and a cistern's, a mixer's cartridge and a
-- shower's balancing valve) scoring a little behind it. When none of the rules above asks, but the search's best
-- two articles are neighbours and the second scores at least kb_ask_neighbour_ratio() of the best, the assistant
-- asks between the two. Neighbours: a "not this one if…" row of either article (kb_exclusions, active) names the
-- other in its note (seed-neighbours.sql's pairs: kb_is_neighbour_pair), or, with kb_ask_neighbour_object(), both
-- articles have one of the question's words in their title or keywords. 1.01 or more switches the rule off.
SELECT kb_seed_setting('ask_neighbour_ratio', 'number', '0.8', 'Ask between the best two articles when they are known neighbours (a "not this one if" row of one names the other in its note) and the second scores at least this share of the best; 1.01 or more: never.');
CREATE OR REPLACE FUNCTION kb_ask_neighbour_ratio() RETURNS double precision LANGUAGE sql STABLE AS 'SELECT kb_setting_number(''ask_neighbour_ratio'')';
SELECT kb_seed_setting('ask_neighbour_object', 'flag', 'false', 'true: for ask_neighbour_ratio, two articles that both have one of the question''s words in their title or keywords are neighbours too.');
CREATE OR REPLACE FUNCTION kb_ask_neighbour_object() RETURNS boolean LANGUAGE sql STABLE AS 'SELECT kb_setting_flag(''ask_neighbour_object'')';
-- Are these two articles neighbours? A "not this one if…" row of either (kb_exclusions, active) names the other's
-- slug in its note ("el aireador tiene su artículo: aireador-limpiar-cambiar").
CREATE OR REPLACE FUNCTION kb_is_neighbour_pair(p_first text, p_second text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM kb_exclusions e
                   CROSS JOIN LATERAL regexp_matches(e.note, '[a-z0-9]+(?:-[a-z0-9]+)+', 'g') AS m
                   WHERE e.active AND ((e.article_slug = p_first AND m[1] = p_second)
                                       OR (e.article_slug = p_second AND m[1] = p_first)))
$$;
-- Do the two articles both have one of the question's words (stems) in their title or keywords (kb_terms place A)?
CREATE OR REPLACE FUNCTION kb_share_question_object(question text, p_first text, p_second text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM unnest(kb_lexemes(question)) AS l
                   WHERE EXISTS (SELECT 1 FROM kb_terms t JOIN kb_articles a ON a.id = t.article_id
                                 WHERE a.slug = p_first AND t.place = 'A' AND t.lexeme = l)
                     AND EXISTS (SELECT 1 FROM kb_terms t JOIN kb_articles a ON a.id = t.article_id
                                 WHERE a.slug = p_second AND t.place = 'A' AND t.lexeme = l))
$$;
-- Nothing found at all for a question that names something of the trade (kb_names_the_trade): instead of "no estoy seguro" at once, ask once to say
-- it in other words, as after a bare "ninguna" (the cases the description finds are offered). ASKING.md, "Stop 24".
SELECT kb_seed_setting('describe_when_nothing_found', 'flag', 'true', 'true: when the search finds nothing for a question that names something of the trade (a word of a title, keywords, example question or synonym), ask the plumber once to say it in other words before "no estoy seguro".');
CREATE OR REPLACE FUNCTION kb_describe_when_nothing_found() RETURNS boolean LANGUAGE sql STABLE AS 'SELECT kb_setting_flag(''describe_when_nothing_found'')';
-- The question names something of the trade: two or more of its stems are in a title, keywords, an example
-- question or a synonym (kb_lexicon.vocabulary), not only in some article's body. One is not enough: "¿quién ganó
-- el partido de ayer?" has "partido" (a broken pipe is "un tubo partido"); the questions of the development sets
-- that found nothing and had an article had three or more.
CREATE OR REPLACE FUNCTION kb_names_the_trade(words text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT count(DISTINCT q.lexeme) >= 2
    FROM kb_analyze(coalesce(words, '')) q JOIN kb_lexicon l ON l.lexeme = q.lexeme
    WHERE l.vocabulary
$$;

-- Small talk or off-topic, no plumbing question (issue 13 item 4; eval/DEV-SMALLTALK-3.md): when the search found
-- nothing, a short message that names nothing of the trade gets a friendly reply inviting the plumbing question
-- (no_plumbing_text in the chat's "Assistant settings") instead of "no estoy seguro". It names nothing of the
-- trade when none of its stems is in the vocabulary (kb_lexicon.vocabulary: titles, keywords, example questions,
-- synonyms) — "hola", "qué tal la familia", "¿quién ganó el partido?" — or one is and it is the only word of
-- the message the knowledge base knows at all ("buenas madrugadas", "¿me echas una mano?") and, since stop 32
-- (TALK-32.md), the message has no turn word of kb_talk_job_words ("¿y el sifón?", "¿y la válvula?" ask about a
-- part); a word of the trade beside another word the articles use is a question about something the base lacks
-- ("purgar radiadores"). When
-- the conversation already has earlier plumber messages (`previous`), no vocabulary word at all: "¿y en cobre?"
-- is a follow-up. At most talk_max_words words. The workflow also requires that no safety rule fired and that
-- the plumber was not answering a question asked back; estimates and requests for a person never come this far.
-- Everything else that finds nothing stays a miss (not sure, listed for staff).
SELECT kb_seed_setting('talk_max_words', 'integer', '12', 'A message that finds no article and names nothing of the trade (no word of titles, keywords, example questions or synonyms, or only one and no other word the articles use) gets the friendly "no plumbing question" reply only if it has at most this many words; longer ones get "no estoy seguro". 0 turns the friendly reply off.');
CREATE OR REPLACE FUNCTION kb_talk_max_words() RETURNS integer LANGUAGE sql STABLE AS 'SELECT kb_setting_integer(''talk_max_words'')';
-- kb_no_plumbing_words(words, previous) is defined below kb_talk_job_words_in, whose turn words it reads.

-- A greeting, thanks or goodbye said with words of the trade (issue 13 item 4; eval/DEV-SMALLTALK-4.md, stop 29):
-- "hola buenas, soy fontanero de Valencia", "gracias, ya quedó la llave", "nos vemos, cualquier cosa de la bomba
-- te escribo". The chat's router ("What is the plumber asking for?", chat-answer.json) finds the greeting, thanks
-- or goodbye phrase (small_talk in "Assistant settings") but leaves the message to the knowledge base because the
-- other words name the trade; it hands over what is left after the phrases (`rest`) and whether a clause with
-- those words is asked ("¿…?": `asks`). Such a message is small talk (the kind's own reply: "¡De nada!…") when
-- what is left
--   - names something of the trade (the stem of one of its words is in kb_lexicon.vocabulary, as written: no
--     typo or synonym reading, which costs ~40 ms; without one, kb_no_plumbing_words decides as before),
--   - is not asked (no "¿…?" around those words), has no digit (a size, a quantity, a model number),
--   - has at most talk_trade_max_words words (kb_settings; 0 turns this off; 14 since stop 32, 10 before: a
--     greeting with the day's story, "buenas tardes, aquí terminando la jornada en la obra, ya de bajada a la casa";
--     TALK-32.md),
--   - and has none of the words that make a message about a job (table kb_talk_job_words): a question word
--     (qué, cómo, cuánto, dónde, por qué…), a fault ("no", gotea, pierde, tapado, ruido, falla…), a request
--     (tengo, necesito, quiero, puedo, cambiar…), a size (medida, pulgada, media, litros…) or a turn to a new
--     question ("pero", "ahora", "otra vez", "y si", "y el"…).
-- "hola, el termo no calienta" (no), "gracias, ¿y el sifón?" (asked), "buenas, el calefón de 14 litros" (digit)
-- stay questions. The workflow also requires that no safety rule fired and that nothing was asked back pending.
-- Every such reply whose words read as a question is listed for staff (kb_talk_reads_as_question, feedback.sql).
SELECT kb_seed_setting('talk_trade_max_words', 'integer', '14', 'A greeting, thanks or goodbye that also names the trade ("gracias, ya quedó la llave") gets the small-talk reply when the words besides the greeting are at most this many and none of them is in kb_talk_job_words (a question word, a fault, a request, a size); 0 turns it off (such messages go to the search).');
CREATE OR REPLACE FUNCTION kb_talk_trade_max_words() RETURNS integer LANGUAGE sql STABLE AS 'SELECT kb_setting_integer(''talk_trade_max_words'')';

-- The words that make a message about a job. Staff add a row when a question got a small-talk reply, or set
-- active = false when small talk got "no estoy seguro" because of a word (a deleted shipped row comes back at the
-- next start; switch it off instead). `word`: lower case, accents optional; "gote*" = every word starting
-- "gote"; two or more words = that phrase. `kind` is for reading (question / fault / request / size / turn);
-- "question" words also make a friendly reply be listed for staff (feedback.sql).
-- Stop 32 (bench/quality/TALK-32.md): slowness and filling ("se llena muy lento", "tarda") are faults; asking or
-- sending something ("una consulta sobre el termo", "te paso el video de la bomba", "le escribo por lo del
-- calentador") is a request: a greeting with these and a word of the trade stays a question.
-- Stop 38 (bench/quality/TALK-38.md): cold and coming back are faults ("…vuelven a estar fríos arriba, qué pasa":
-- the greeting phrase "qué pasa" at its end made it trade talk).
-- Stop 39 (bench/quality/TALK-39.md): "y eso", "eso mismo", "lo mismo" turn to a new question ("vale gracias, y eso
-- mismo vale para el termo de gas": thanks with a follow-up, dictated, no question mark). Not "y esto": "eh y esto
-- cómo va o qué" asks how the chat works.
CREATE TABLE IF NOT EXISTS kb_talk_job_words (
    word    text PRIMARY KEY CHECK (btrim(word) <> ''),
    kind    text NOT NULL CHECK (kind IN ('question', 'fault', 'request', 'size', 'turn')),
    active  boolean NOT NULL DEFAULT true,
    source  text NOT NULL DEFAULT 'staff',
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO kb_talk_job_words (word, kind, source)
SELECT btrim(w), k, 'shipped'
FROM (VALUES
    ('question', 'que, q, k, como, cuanto*, cuanta*, cual, cuales, donde, adonde, cuando, por que, porque, porq, xq, pq, quien, quienes, para que, cada cuanto'),
    ('fault', 'no, ni, nada, tampoco, gote*, pierde*, perdiendo, fuga*, sale, salen, saliendo, tira, tiran, tirando, escurre*, tapad*, tapa, tapo, atasc*, atora*, atore*, atoro, obstru*, roto, rota, rotos, rotas, romp*, quebr*, partid*, rajad*, fisur*, revent*, falla*, averi*, problema*, error*, ruido*, zumb*, golpe*, vibra*, suena, chilla*, huele, olor*, humo, chisp*, calambre*, calienta*, enfria*, apaga*, prende, prenden, enciende*, encend*, arranca*, salta*, oscila*, moja*, humed*, mancha*, inund*, desbord*, rebos*, congel*, helad*, oxid*, sarro, gira, giran, girando, con todo cerrado, tapao, salio, salieron, se salio, se solto, solto, zaf*, se cayo, cayo, se cae, despeg*, desprend*, se movio, se mueve, quem*, fundi*, trabo, trabado, trabada, falta, faltan, corro*, corre, corren, corriendo, raro, rara, mal, floj*, suelto, suelta, baja, bajo, poca, poco, debil, agua, marron, turbia, sucia, todo el rato, todo el tiempo, cada rato, a cada rato, lento, lenta, lentos, lentas, despacio, tarda, tardan, tardando, demora, demoran, demorando, llena, llenan, llenando, vacia, vacian, vaciando, frio, frios, fria, frias, vuelve a, vuelven a'),
    ('request', 'tengo, tiene, tienes, tienen, necesito, necesita, quiero, quisiera, puedo, puedes, podes, puede, podria, debo, deberia, hay que, hago, hacer, hacerle, pongo, poner, ponerle, uso, usar, cambio, cambiar, cambiarle, instalar, instalo, conectar, conecto, arreglar, reparar, purgar, ayuda*, ayudame, ayudarme, dime, decime, digame, explica*, recomienda*, recomendas, sirve, conviene, lleva, llevan, aguanta*, compro, comprar, mido, medir, ajusto, ajustar, regulo, regular, revisar, reviso, checar, checo, otra cosa, consulta, consultita, consultar, duda, dudas, dudita, foto, fotos, video, videos, imagen, audio, te mando, le mando, te envio, le envio, adjunto, te dejo, le dejo, sobre el, sobre la, sobre los, sobre las, acerca, respecto, tema, por lo del, por lo de la'),
    ('size', 'medida*, diametro*, pulgada*, media, cuarto, tres cuartos, mm, milimetro*, cm, centimetro*, metro*, litro*, bar, bares, psi, kilo*, grado*, tamano, calibre, potencia, watts, vatios, modelo, marca'),
    ('turn', 'pero, ahora, otra vez, de nuevo, sigue*, todavia, aun, y si, y el, y la, y los, y las, y en, y con, y para, y cada, y cuanto, y como, entonces, o sea que, en vez de, y eso, eso mismo, esto mismo, lo mismo')
) AS lists(k, words), LATERAL unnest(string_to_array(words, ',')) AS w
WHERE btrim(w) <> ''
ON CONFLICT (word) DO NOTHING;

-- The active kb_talk_job_words found in a text (of one kind, or any), in the order of the table's words.
CREATE OR REPLACE FUNCTION kb_talk_job_words_in(words text, p_kind text DEFAULT NULL) RETURNS text[]
LANGUAGE sql STABLE AS $$
    WITH said AS (SELECT ' ' || array_to_string(kb_words(coalesce(words, '')), ' ') || ' ' AS t)
    SELECT coalesce(array_agg(j.word ORDER BY j.word), '{}')
    FROM kb_talk_job_words j, said,
         LATERAL (SELECT btrim(regexp_replace(lower(unaccent(j.word)), '[^a-z0-9]+', ' ', 'g')) AS w) n
    WHERE j.active AND (p_kind IS NULL OR j.kind = p_kind) AND n.w <> ''
      AND CASE WHEN right(btrim(j.word), 1) = '*' THEN strpos(said.t, ' ' || n.w) > 0
               ELSE strpos(said.t, ' ' || n.w || ' ') > 0 END
$$;

-- No plumbing question (the rule above, at "Small talk or off-topic, no plumbing question").
CREATE OR REPLACE FUNCTION kb_no_plumbing_words(words text, previous text DEFAULT '') RETURNS boolean
LANGUAGE sql STABLE AS $$
    WITH known AS (SELECT DISTINCT q.lexeme, l.vocabulary
                   FROM kb_analyze(coalesce(words, '')) q JOIN kb_lexicon l ON l.lexeme = q.lexeme)
    SELECT kb_talk_max_words() > 0
           AND cardinality(kb_words(coalesce(words, ''))) <= kb_talk_max_words()
           AND CASE (SELECT count(*) FROM known WHERE vocabulary)
                   WHEN 0 THEN true
                   WHEN 1 THEN btrim(coalesce(previous, '')) = '' AND (SELECT count(*) FROM known) = 1
                               AND cardinality(kb_talk_job_words_in(words, 'turn')) = 0
                   ELSE false END
$$;

-- Does what is left of a greeting, thanks or goodbye name the trade without being about a job? (above)
-- `said`, the whole message, is also read for faults: the phrase list takes "sale" (Mexico's "OK") out of "buenas,
-- sale agua marrón del grifo", a fault read on the whole message keeps it a question.
DROP FUNCTION IF EXISTS kb_trade_talk(text, boolean);
CREATE OR REPLACE FUNCTION kb_trade_talk(rest text, asks boolean DEFAULT false, said text DEFAULT '') RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT kb_talk_trade_max_words() > 0
           AND NOT coalesce(asks, false)
           AND cardinality(kb_words(coalesce(rest, ''))) BETWEEN 1 AND kb_talk_trade_max_words()
           AND coalesce(rest, '') !~ '[0-9]'
           AND EXISTS (SELECT 1 FROM unnest(kb_lexemes(rest)) x JOIN kb_lexicon l ON l.lexeme = x WHERE l.vocabulary)
           AND cardinality(kb_talk_job_words_in(rest)) = 0
           AND cardinality(kb_talk_job_words_in(said, 'fault')) = 0
$$;

SELECT kb_seed_setting('list_friendly_questions', 'flag', 'true', 'true: a friendly reply (greeting, thanks, the no-plumbing reply) to words that read as a question (asked, a question word, a word of the trade) is listed for staff with the misses (kb_open_misses, reason friendly).');
CREATE OR REPLACE FUNCTION kb_list_friendly_questions() RETURNS boolean LANGUAGE sql STABLE AS 'SELECT kb_setting_flag(''list_friendly_questions'')';
-- Words that name a thing of the trade: the stem of one is in an active article's title or keywords, or in a
-- synonym's term (the articles' "place A" in kb_terms, kb_lexicon.synonym) — not only in an example question,
-- whose everyday words ("bueno", "maestro", "hora", "ayuda") are in kb_lexicon.vocabulary too. As written (no
-- typo reading).
CREATE OR REPLACE FUNCTION kb_names_a_thing(words text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM unnest(kb_lexemes(coalesce(words, ''))) x
        WHERE EXISTS (SELECT 1 FROM kb_lexicon l WHERE l.lexeme = x AND l.synonym)
           OR EXISTS (SELECT 1 FROM kb_terms t JOIN kb_articles a ON a.id = t.article_id AND a.active
                      WHERE t.lexeme = x AND t.place = 'A'))
$$;

-- A friendly reply (small talk, the no-plumbing reply) to words that read as a question: asked ("¿…?", a
-- question mark; `asks` from the router), a question word of kb_talk_job_words, or any word of the trade (a stem
-- of kb_lexicon.vocabulary). `words` is what the phrase list did not take ("hola, ¿el sifón?" → "el sifon"), or
-- the whole message when no phrase was found. Read once, when the reply is stored (trigger kb_friendly_reply_read,
-- feedback.sql: metadata.talk_question), and listed for staff (kb_open_misses, reason 'friendly').
CREATE OR REPLACE FUNCTION kb_talk_reads_as_question(words text, asks boolean DEFAULT false) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(asks, false)
           OR coalesce(words, '') ~ '[?¿]'
           OR cardinality(kb_talk_job_words_in(words, 'question')) > 0
           OR kb_names_a_thing(words)
$$;

-- How much an article looks like the question, letter for letter: the trigram similarity (pg_trgm, 0..1) of the
-- question to the article's title or to the closest of its example questions, lower case and without accents.
-- A ranking of its own, independent of stems, synonyms and rarity: where it prefers another article than the
-- search does, the search's first is wrong far more often (ASKING.md, "Stop 22").
CREATE OR REPLACE FUNCTION kb_likeness(p_question text, p_slug text) RETURNS real
LANGUAGE sql STABLE AS $$
    SELECT coalesce(greatest(
        (SELECT similarity(kb_normalize(p_question), kb_normalize(a.title)) FROM kb_articles a WHERE a.slug = p_slug),
        (SELECT max(similarity(kb_normalize(p_question), kb_normalize(e.question))) FROM kb_examples e
         WHERE e.article_slug = p_slug)), 0)
$$;

-- The articles to offer for a question, best first, as [{slug, title}]; '[]' when the best one should answer:
--   1. ratio rule: two or more articles score at least `ratio` (default kb_ask_ratio()) of the best;
--   2. likeness rule: otherwise, two or more score at least `trigram_ratio` (default kb_ask_trigram_ratio()) of
--      the best and one of the others looks more like the question than the best does (kb_likeness), by at least
--      kb_ask_trigram_margin(); those are offered;
--   3. staff pair: otherwise, the best two articles are an active pair of kb_ask_between and the second scores at
--      least kb_ask_pair_ratio() of the best; those two are offered;
--   4. known neighbours (stop 33): otherwise, the best two articles are neighbours (kb_is_neighbour_pair, or with
--      kb_ask_neighbour_object() both have one of the question's words in their title or keywords) and the second
--      scores at least kb_ask_neighbour_ratio() of the best; those two are offered;
--   except when the question's words (two or more the base knows) are all in the best article's title ("¿cómo
--   cambio el cartucho de un grifo monomando?" names its article; never the case in the tuned sets).
-- `ratio` and `trigram_ratio` let bench/quality/ask_back.py sweep other thresholds through this function.
DROP FUNCTION IF EXISTS kb_choices(text);  -- earlier versions
DROP FUNCTION IF EXISTS kb_choices(text, double precision);
CREATE OR REPLACE FUNCTION kb_choices(question text, ratio double precision DEFAULT NULL,
                                      trigram_ratio double precision DEFAULT NULL) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    WITH searched AS MATERIALIZED (   -- one search: what it finds and what falls just under its thresholds
        SELECT r.*, row_number() OVER (ORDER BY r.score DESC, r.id) AS position FROM kb_search_rows(question) r
    ),
    found AS (   -- what the search finds (kb_search's rows); kb_answer answers with the first
        SELECT h.slug, h.title, h.score::real AS score, row_number() OVER (ORDER BY h.score DESC, h.id) AS n
        FROM searched h WHERE h.passes
        ORDER BY h.score DESC, h.id LIMIT kb_max_choices()
    ),
    below AS (   -- a lone match: the articles just under the search's thresholds, scored the same way
        SELECT h.slug, h.title, h.score::real AS score FROM searched h
        WHERE kb_ask_lone_neighbours() AND (SELECT count(*) FROM found) = 1 AND h.slug <> (SELECT f.slug FROM found f)
          AND h.position <= kb_max_choices() + 1
    ),
    hits AS (
        SELECT * FROM found
        UNION ALL
        SELECT * FROM (SELECT b.slug, b.title, b.score, 1 + row_number() OVER (ORDER BY b.score DESC, b.slug) AS n
                       FROM below b) o
        WHERE o.n <= kb_max_choices()
    ),
    close AS (
        SELECT * FROM hits WHERE score >= coalesce(ratio, kb_ask_ratio()) * (SELECT score FROM hits WHERE n = 1)
    ),
    near AS (   -- only looked at when the ratio rule does not ask
        SELECT * FROM hits
        WHERE (SELECT count(*) FROM close) < 2
          AND score >= coalesce(trigram_ratio, kb_ask_trigram_ratio()) * (SELECT score FROM hits WHERE n = 1)
    ),
    unlike AS (  -- another near article looks more like the question than the best one
        SELECT count(*) >= 2 AND EXISTS (
                   SELECT 1 FROM near o WHERE o.n > 1
                   AND kb_likeness(question, o.slug) >= (SELECT kb_likeness(question, b.slug) FROM hits b WHERE b.n = 1)
                                                         + greatest(kb_ask_trigram_margin(), 1e-6))
               AS doubt
        FROM near
    ),
    paired AS (  -- only looked at when neither rule above asks: the best two are a staff pair, the second close enough
        SELECT * FROM hits
        WHERE n <= 2 AND (SELECT count(*) FROM close) < 2 AND NOT coalesce((SELECT doubt FROM unlike), false)
          AND (SELECT score FROM hits WHERE n = 2) >= kb_ask_pair_ratio() * (SELECT score FROM hits WHERE n = 1)
          AND kb_is_ask_pair((SELECT slug FROM hits WHERE n = 1), (SELECT slug FROM hits WHERE n = 2))
    ),
    neighboured AS (  -- only looked at when no rule above asks: the best two are known neighbours, the second close enough
        SELECT * FROM hits
        WHERE n <= 2 AND (SELECT count(*) FROM close) < 2 AND NOT coalesce((SELECT doubt FROM unlike), false)
          AND NOT EXISTS (SELECT 1 FROM paired)
          AND (SELECT score FROM hits WHERE n = 2) >= kb_ask_neighbour_ratio() * (SELECT score FROM hits WHERE n = 1)
          AND (kb_is_neighbour_pair((SELECT slug FROM hits WHERE n = 1), (SELECT slug FROM hits WHERE n = 2))
               OR (kb_ask_neighbour_object()
                   AND kb_share_question_object(question, (SELECT slug FROM hits WHERE n = 1),
                                                (SELECT slug FROM hits WHERE n = 2))))
    ),
    offered AS (
        SELECT * FROM close WHERE (SELECT count(*) FROM close) >= 2
        UNION ALL
        SELECT * FROM near WHERE (SELECT doubt FROM unlike)
        UNION ALL
        SELECT * FROM paired
        UNION ALL
        SELECT * FROM neighboured
    ),
    named AS (   -- the question's known words, and whether the best title has each
        SELECT count(*) AS words, coalesce(bool_and(l = ANY (kb_lexemes(h.title))), false) AS all_in_title
        FROM unnest(kb_lexemes(question)) AS l, hits h
        WHERE h.n = 1 AND kb_known(l)
    ),
    asked AS (   -- the cases the rules above offer, when they ask
        SELECT o.slug, o.title, o.score, o.n FROM offered o
        WHERE (SELECT count(*) FROM offered) >= 2 AND NOT (SELECT words >= 2 AND all_in_title FROM named)
    ),
    -- When asking, the rules above often offer two cases, or three of the same appliance, and the plumber's job
    -- is the next one down (bench/quality/RECALL-30.md). The free places are filled from the search's first
    -- kb_offer_pool() articles that score at least kb_offer_fill_ratio() of the best: next by score up to
    -- kb_max_choices(), then (kb_offer_likeness_case()) one more, the one of the rest that reads most like the
    -- question letter for letter (kb_likeness), when it reads more like it than one of the cases already offered.
    -- Whether to ask is decided above and never changes here: only which cases are offered.
    pool AS (
        SELECT s.slug, s.title, s.score::real AS score, s.position FROM searched s
        WHERE (SELECT count(*) FROM asked) >= 2 AND s.position <= kb_offer_pool()
          AND s.slug NOT IN (SELECT a.slug FROM asked a)
          AND s.score >= kb_offer_fill_ratio() * (SELECT max(a.score) FROM asked a)
    ),
    by_score AS (
        SELECT p.*, row_number() OVER (ORDER BY p.score DESC, p.position) AS k FROM pool p
    ),
    three AS (
        SELECT a.slug, a.title, a.n FROM asked a
        UNION ALL
        SELECT b.slug, b.title, 100 + b.k FROM by_score b
        WHERE b.k <= kb_max_choices() - (SELECT count(*) FROM asked)
    ),
    fourth AS (
        SELECT p.slug, p.title, 1000 AS n FROM pool p
        WHERE kb_offer_likeness_case() AND (SELECT count(*) FROM three) >= greatest(kb_max_choices(), 2)
          AND p.slug NOT IN (SELECT t.slug FROM three t)
        ORDER BY kb_likeness(question, p.slug) DESC, p.position
        LIMIT 1
    ),
    fourth_kept AS (
        SELECT f.* FROM fourth f
        WHERE kb_likeness(question, f.slug) > (SELECT min(kb_likeness(question, t.slug)) FROM three t)
    )
    SELECT CASE WHEN count(*) >= 2
                THEN jsonb_agg(jsonb_build_object('slug', slug, 'title', title) ORDER BY n)
                ELSE '[]'::jsonb END
    FROM (SELECT slug, title, n FROM three UNION ALL SELECT slug, title, n FROM fourth_kept) c
$$;

-- Which of the offered articles the plumber's answer picks: its slug; '' for "none of them" ("ninguna",
-- "ninguno", "otra cosa", "no es ninguna"); null when the message does not answer the question (a new
-- question goes through the search as usual). A number (1-3, "la 2", "opción 2", "2. <title>"), an ordinal
-- ("la segunda", "el primero") with nothing else but courtesy or that title's words, or, in a short answer (at most
-- 8 words, most of them in it), the words of exactly one title.
CREATE OR REPLACE FUNCTION kb_pick(reply text, choices jsonb) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    t text := kb_normalize(reply);
    said text[];  -- the answer's stems
    lead text[];
    rest text;
    n integer := CASE WHEN jsonb_typeof(choices) = 'array' THEN jsonb_array_length(choices) ELSE 0 END;
    k integer;
    best text;
    best_shared integer := 0;
    tie boolean := false;
    shared integer;
    choice jsonb;
BEGIN
    IF n = 0 OR t = '' THEN
        RETURN NULL;
    END IF;
    t := btrim(regexp_replace(t, '[^a-z0-9 ]+', ' ', 'g'));
    t := btrim(regexp_replace(t, '\s+', ' ', 'g'));
    -- a number or an ordinal, after a few words that only lead to it ("es la 2", "opcion 2", "la segunda"), and
    -- nothing after it but courtesy or words of that case's title ("2. <title>", the page's button): "2 grifos
    -- gotean" or "una fuga en el lavabo" is a new question, not a pick
    lead := regexp_match(t, '^(?:(?:es|seria|creo que|la|el|lo|opcion|numero|num|nro|n|caso|de)\s+)*'
                            '([1-9]|primer[oa]?|uno|una|segund[oa]|dos|tercer[oa]?|tres|cuart[oa]|cuatro)(?:\s+(.*))?$');
    IF lead IS NOT NULL THEN
        k := CASE lead[1] WHEN 'primer' THEN 1 WHEN 'primero' THEN 1 WHEN 'primera' THEN 1 WHEN 'uno' THEN 1
                          WHEN 'una' THEN 1 WHEN 'segundo' THEN 2 WHEN 'segunda' THEN 2 WHEN 'dos' THEN 2
                          WHEN 'tercer' THEN 3 WHEN 'tercero' THEN 3 WHEN 'tercera' THEN 3 WHEN 'tres' THEN 3
                          WHEN 'cuarto' THEN 4 WHEN 'cuarta' THEN 4 WHEN 'cuatro' THEN 4
                          ELSE lead[1]::integer END;
        rest := btrim(regexp_replace(coalesce(lead[2], ''),
                      '\m(por favor|porfa|gracias|esa|ese|esta|este|eso|opcion|caso|seria|creo|la|el|lo)\M', ' ', 'g'));
        IF k BETWEEN 1 AND n AND (rest = '' OR (cardinality(kb_lexemes(rest)) > 0 AND
               kb_lexemes(rest) <@ kb_lexemes(choices -> (k - 1) ->> 'title'))) THEN
            RETURN choices -> (k - 1) ->> 'slug';
        END IF;
        IF rest = '' THEN
            RETURN NULL;  -- a number out of range: not a pick, searched as a question
        END IF;
    END IF;
    IF t ~ '^(?:no\s+)?(?:es\s+)?(?:ningun[oa]?|ninguna de (?:esas|estas|ellas)|otra cosa|otro caso|otra|nada de eso|nada que ver)(?:\s|$)' THEN
        RETURN '';
    END IF;
    IF cardinality(kb_words(t)) > 8 THEN
        RETURN NULL;
    END IF;
    said := ARRAY(SELECT DISTINCT unnest(kb_lexemes(t)));
    FOR choice IN SELECT value FROM jsonb_array_elements(choices) LOOP
        shared := cardinality(ARRAY(SELECT unnest(said) INTERSECT SELECT unnest(kb_lexemes(choice ->> 'title'))));
        IF shared > best_shared THEN
            best_shared := shared; best := choice ->> 'slug'; tie := false;
        ELSIF shared = best_shared AND shared > 0 THEN
            tie := true;
        END IF;
    END LOOP;
    -- and those words are most of the answer: "el grifo del lavabo gotea" after cases about toilets is a new
    -- question even if one title says "grifo"
    RETURN CASE WHEN best_shared > 0 AND NOT tie
                     AND 2 * best_shared >= cardinality(said) THEN best END;
END
$$;

-- What the chat workflow's "Find knowledge articles" gets: the best article for the message and how to use it.
--   question   the plumber's message
--   previous   earlier plumber messages, newest first, one per line ('' when there are none)
--   pending    the question the assistant asked back in its last answer, if any:
--              {"question": <the plumber's question then>, "choices": [{slug, title}, …]}
-- Columns:
--   found      true when an article is relevant enough (kb_search's thresholds) or was picked by the plumber
--   context    kb_answer_passage of that article: title, the steps that matter for the question, safety
--              ('' when none)
--   sources    'Fuente: <title> (KB-<slug>)' ('' when none)
--   slugs      {slug} (or {})
--   top_score  its score (0 when none)
--   article    kb_article_card (null when none)
--   searched   the text that found it (the message itself, or the earlier messages + the message)
--   followup   true when the earlier messages were needed
--   earlier    those earlier messages, oldest first, one per line ('' when not a follow-up)
--   choices    the articles to ask about ('[]' unless the search cannot tell which job it is: kb_choices)
--   asked      the question to answer: the message, or the earlier question when the message picks an article
--              (after "ninguna, es …" or a description: the earlier question and the plumber's new words)
--   picked     the slug the message picked from `pending`; '' for "none of them" (and for the answer to the
--              description asked for after it); null otherwise
--   describe   after a bare "ninguna": {"question": <the earlier question>, "rejected": [<the slugs offered>]},
--              the workflow asks the plumber to say it in other words and keeps this as the next `pending`
--              (with "describe": true); null otherwise
-- `pending` may also be that describe state: {"question", "describe": true, "rejected": [...]}. The message is
-- then the plumber's description (kb_after_none), or a bare "ninguna"/"no sé" (not sure, a person offered).
-- After "ninguna" (none of the cases offered): the plumber's own words that follow it ("ninguna, es el
-- calentador que hace ruido" -> 'es el calentador que hace ruido'), '' for a bare "ninguna" ("ninguna de esas,
-- gracias"), null when the reply does not say "none of them" (kb_pick decides what else it is). In the describe
-- state (pending.describe) "no sé", "ni idea" and "nada" count as a bare "ninguna" too.
CREATE OR REPLACE FUNCTION kb_none_rest(reply text, describing boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE AS $$
    WITH t AS (
        SELECT btrim(regexp_replace(regexp_replace(kb_normalize(coalesce(reply, '')), '[^a-z0-9 ]+', ' ', 'g'),
                                    '\s+', ' ', 'g')) AS t
    ),
    m AS (
        SELECT regexp_match(t.t,
            '^(?:no\s+)?(?:es\s+)?(?:ningun[oa]?(?:\s+de\s+(?:esas|estas|ellas|esos|estos|ellos|las\s+opciones|los\s+casos))?'
            '|otra\s+cosa|otro\s+caso|otro\s+problema|otra|nada\s+de\s+eso|nada\s+que\s+ver'
            || CASE WHEN describing THEN '|no\s+se|no\s+lo\s+se|ni\s+idea|nada|no' ELSE '' END
            || ')(?:\s+(.*))?$') AS m
        FROM t
    )
    SELECT CASE WHEN m.m IS NULL THEN NULL ELSE coalesce(btrim(m.m[1]), '') END FROM m
$$;

-- Do these words say something the search can use (a word of the base that is not courtesy or filler)?
CREATE OR REPLACE FUNCTION kb_says_something(words text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(btrim(words), '') <> ''
           AND EXISTS (SELECT 1 FROM kb_analyze(words) q WHERE kb_known(q.lexeme))
$$;

-- A row of kb_answer that answers with no article: `searched` and `asked` as kb_answer documents them, the cases
-- to offer (`choices`; none by default) and the describe state (null unless the plumber is to be asked to say it
-- in other words). Not sure, a bare "ninguna", a "ninguna" to described cases and the cases a description found
-- all return this one shape.
DROP FUNCTION IF EXISTS kb_no_article(text, text, jsonb, jsonb);  -- kb_answer's columns may change
CREATE FUNCTION kb_no_article(searched_text text, asked_text text, offer jsonb DEFAULT '[]',
                              describe_state jsonb DEFAULT NULL)
RETURNS TABLE (found boolean, context text, sources text, slugs text[], top_score real, article jsonb,
               searched text, followup boolean, earlier text, choices jsonb, asked text, picked text, describe jsonb)
LANGUAGE sql IMMUTABLE AS $$
    SELECT false, ''::text, ''::text, '{}'::text[], 0::real, NULL::jsonb, searched_text, false, ''::text,
           coalesce(offer, '[]'::jsonb), asked_text, ''::text, describe_state
$$;

-- The answer after "ninguna": the earlier question and the plumber's new words searched together, never one of
-- the articles already offered and refused (`rejected`). The best other article answers (picked = '', asked =
-- the earlier question and `said`, the plumber's message as written); when none is found, not sure (the
-- workflow offers a person and staff get both texts in their list of misses). Never asked back again.
DROP FUNCTION IF EXISTS kb_after_none(text, text, text[]);
DROP FUNCTION IF EXISTS kb_after_none(text, text, text[], text);
CREATE FUNCTION kb_after_none(earlier_question text, description text, rejected text[], said text DEFAULT NULL)
RETURNS TABLE (found boolean, context text, sources text, slugs text[], top_score real, article jsonb,
               searched text, followup boolean, earlier text, choices jsonb, asked text, picked text, describe jsonb)
LANGUAGE sql STABLE AS $$
    -- the articles the two texts find together (kb_search's minimum score; its cut relative to the best is left
    -- out, the best being often a refused case), ranked with the plumber's new words counting twice: the score
    -- of both texts plus what the new words add to the first question alone. The first question's words led to
    -- the cases he refused: "la bomba de calor hace ruido" + "es el termo, gotea por la válvula" is the water
    -- heater's valve, not the pump the first words prefer. As for a follow-up (kb_best), the new words must add
    -- to the match: after "¿quién ganó el mundial?" the first question alone would still find a fourth article,
    -- which the plumber never described.
    -- They are OFFERED, never answered (stop 24): answering the best one straight away was wrong 13 times in 16
    -- on the tuning set dev-words-5 with descriptions written for it (eval/dev-words-5-describe.json; right 3),
    -- while the right case was among the first kb_max_choices() 7 times (bench/quality/ASKING.md, "Stop 24").
    -- Each case is marked "described": a "ninguna" to these is not sure and a person, never a third round.
    WITH alone AS (SELECT e.slug, e.score FROM kb_search(earlier_question, 1000, 0, 0) e),
    both_texts AS (SELECT btrim(btrim(coalesce(earlier_question, '')) || ' ' || btrim(coalesce(description, ''))) AS t),
    ranked AS (
        SELECT s.slug, s.title, row_number() OVER (ORDER BY 2 * s.score - coalesce(alone.score, 0) DESC,
                                                            s.score DESC) AS n
        FROM kb_search((SELECT t FROM both_texts), kb_max_choices() + coalesce(cardinality(rejected), 0) + 3,
                       NULL, 0) s
        LEFT JOIN alone ON alone.slug = s.slug
        WHERE s.slug <> ALL (coalesce(rejected, '{}')) AND s.score > coalesce(alone.score, 0) + 0.01)
    SELECT * FROM kb_no_article(
        (SELECT t FROM both_texts),
        btrim(btrim(coalesce(earlier_question, '')) || ' ' || btrim(coalesce(said, description, ''))),
        (SELECT jsonb_agg(jsonb_build_object('slug', r.slug, 'title', r.title, 'described', true) ORDER BY r.n)
         FROM ranked r WHERE r.n <= kb_max_choices()))
$$;

DROP FUNCTION IF EXISTS kb_answer(text, text);  -- its columns may change: CREATE OR REPLACE cannot do that
DROP FUNCTION IF EXISTS kb_answer(text, text, jsonb);
CREATE FUNCTION kb_answer(question text, previous text DEFAULT '', pending jsonb DEFAULT NULL)
RETURNS TABLE (found boolean, context text, sources text, slugs text[], top_score real, article jsonb,
               searched text, followup boolean, earlier text, choices jsonb, asked text, picked text, describe jsonb)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
    earlier_question text := CASE WHEN jsonb_typeof(pending) = 'object' THEN nullif(btrim(pending ->> 'question'), '') END;
    describing boolean := jsonb_typeof(pending) = 'object' AND coalesce(pending ->> 'describe', '') = 'true';
    offered text[] := '{}';
    rest text;
    pick text;
    a kb_articles;
    b record;
BEGIN
    IF earlier_question IS NOT NULL AND describing THEN
        -- the plumber was asked to say it in other words: this message is the description
        offered := ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(pending -> 'rejected') = 'array'
                                                              THEN pending -> 'rejected' ELSE '[]' END));
        rest := kb_none_rest(question, true);
        IF rest IS NOT NULL AND NOT kb_says_something(rest) THEN  -- "ninguna" again, "no sé": not sure
            RETURN QUERY SELECT * FROM kb_no_article(earlier_question, earlier_question);
            RETURN;
        END IF;
        RETURN QUERY SELECT * FROM kb_after_none(earlier_question, coalesce(rest, question), offered, question);
        RETURN;
    END IF;
    IF earlier_question IS NOT NULL THEN
        pick := kb_pick(question, pending -> 'choices');
    END IF;
    IF pick = '' AND EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(pending -> 'choices') = 'array'
                                                                  THEN pending -> 'choices' ELSE '[]' END) c
                             WHERE c ->> 'described' = 'true') THEN
        -- "ninguna" to the cases his own description found: not sure, and a person (no third round)
        RETURN QUERY SELECT * FROM kb_no_article(earlier_question, earlier_question);
        RETURN;
    END IF;
    IF pick = '' THEN  -- "ninguna": none of the cases offered
        offered := ARRAY(SELECT c ->> 'slug' FROM jsonb_array_elements(pending -> 'choices') c);
        rest := kb_none_rest(question);
        IF kb_says_something(rest) THEN  -- "ninguna, es el calentador que…": search with those words
            RETURN QUERY SELECT * FROM kb_after_none(earlier_question, rest, offered, question);
            RETURN;
        END IF;
        -- a bare "ninguna": the workflow asks the plumber, once, to say it in other words
        RETURN QUERY SELECT * FROM kb_no_article(earlier_question, earlier_question, '[]',
                                                 jsonb_build_object('question', earlier_question,
                                                                    'rejected', to_jsonb(offered)));
        RETURN;
    END IF;
    IF pick IS NOT NULL THEN
        SELECT * INTO a FROM kb_articles k WHERE k.slug = pick AND k.active;
        IF a.id IS NOT NULL THEN
            RETURN QUERY SELECT true, coalesce(kb_answer_passage(a, earlier_question), ''),
                                'Fuente: ' || a.title || ' (KB-' || a.slug || ')', ARRAY[a.slug],
                                coalesce((SELECT s.score FROM kb_search(earlier_question, kb_max_choices()) s
                                          WHERE s.slug = pick), 0)::real,
                                kb_article_card(a), earlier_question, false, ''::text, '[]'::jsonb,
                                earlier_question, pick, NULL::jsonb;
            RETURN;
        END IF;
    END IF;
    SELECT * INTO b FROM kb_best(question, previous);
    SELECT * INTO a FROM kb_articles k WHERE k.slug = b.slug;
    RETURN QUERY SELECT b.slug IS NOT NULL,
                        CASE WHEN b.slug IS NOT NULL THEN coalesce(kb_answer_passage(a, b.searched), '') ELSE '' END,
                        CASE WHEN b.slug IS NOT NULL THEN 'Fuente: ' || a.title || ' (KB-' || a.slug || ')' ELSE '' END,
                        CASE WHEN b.slug IS NOT NULL THEN ARRAY[a.slug] ELSE '{}'::text[] END,
                        b.score, CASE WHEN b.slug IS NOT NULL THEN kb_article_card(a) END,
                        b.searched, b.followup, b.used,
                        CASE WHEN b.slug IS NOT NULL AND NOT b.followup THEN kb_choices(question) ELSE '[]'::jsonb END,
                        coalesce(question, ''), NULL::text,
                        CASE WHEN b.slug IS NULL AND kb_describe_when_nothing_found() AND kb_names_the_trade(question)
                             THEN jsonb_build_object('question', btrim(question), 'rejected', '[]'::jsonb) END;
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Safety in a conversation (bench/quality/SAFETY-5.md). The chat's "Check safety rules" calls
-- safety_check_conversation(message, conversation_id) for every plumber message, in this order:
--   1. the message's own words (safety_check): a rule that matches them is shown (carried = false). The words
--      are read without the phrases that say a danger is not there ("no huele a gas", "lo desenchufé":
--      safety_settings 'negation_phrases', safety_unsaid below), in this step and in step 4;
--   2. a change of job: when the plumber says the message is about something else ("otra cosa", "cambiando de
--      tema", "en otra casa"…: safety_settings 'topic_change_phrases') and what follows names a job of its own
--      (at least 'topic_change_min_words' words) with none of 'topic_change_keep_words' (gas, heaters, fire,
--      electricity, chemicals…), the earlier danger is not repeated and nothing below is tried;
--   3. the last answer's rule: when the assistant's last answer (less than `within` ago) carried a safety
--      message, that rule applies again ("ya abrí las ventanas, ¿lo miro con un mechero?" after a gas smell;
--      carried = true);
--   4. otherwise the current job read together: the plumber's earlier messages of this job (those the chat
--      answered less than `within` ago, newest first, at most 'job_messages_read' of them, back to and including
--      the message that changed job, of which only the words after the change-of-job phrase count) + this one,
--      through safety_check, in both orders: earlier + this + earlier again ("tengo un calefont en la logia" then
--      "la llama sale amarilla"; "voy a soldar junto al contador" then "es el del gas"; or with a "espera" or
--      another question between), and each part of an earlier message (between punctuation marks) right before
--      each part of this one, so that words a rule wants close are close although each message says more: a
--      danger that only shows when the facts of several turns are put together (carried = true). Setting
--      'read_previous_message' (on/off).
-- A measure already taken (safety_measures: "ya lo desenchufé y bajé la térmica") keeps the rules it silences out of
-- all four steps, for its own message and for the plumber's next messages of the job (safety_kept_measures).
-- `carried` says the rule came from the conversation, not from these words alone: the workflow still answers a
-- "gracias" as small talk then, without the warning, and such a small-talk answer (metadata.small_talk) is skipped
-- when the next message looks back: "huele a gas" → "vale, gracias" → "¿y ahora lo prendo?" still warns. One
-- answer without a safety message, other than small talk, ends the carry (3).
-- Staff edit the words and settings in the table safety_settings (n8n-workflows/knowledge/README.md).
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS safety_settings (
    key         text PRIMARY KEY,
    value       text NOT NULL DEFAULT '',
    description text NOT NULL DEFAULT '',
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- `items`: the value as a list, ready for the chat (one entry per comma, in lower case, without accents and
-- punctuation), filled by a trigger whenever staff change `value`; never edited by hand. The chat compares
-- these lists with plain string functions, not regular expressions: Postgres keeps only 32 compiled regular
-- expressions per connection, the safety rules already use about 26 of them per message, and going over that
-- made every message recompile the rules (about 130 ms instead of 2, measured: SAFETY-5.md).
ALTER TABLE safety_settings ADD COLUMN IF NOT EXISTS items text[] NOT NULL DEFAULT '{}';

CREATE OR REPLACE FUNCTION safety_settings_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.items := ARRAY(
        SELECT DISTINCT btrim(regexp_replace(regexp_replace(kb_normalize(x), '[^a-z0-9* ]+', ' ', 'g'), ' +', ' ', 'g'))
        FROM regexp_split_to_table(coalesce(NEW.value, ''), '[,;\n]') AS x
        WHERE regexp_replace(kb_normalize(x), '[^a-z0-9]', '', 'g') <> '');
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER safety_settings_items BEFORE INSERT OR UPDATE OF value ON safety_settings
    FOR EACH ROW EXECUTE FUNCTION safety_settings_items();

CREATE OR REPLACE TRIGGER safety_settings_touch BEFORE UPDATE ON safety_settings
    FOR EACH ROW EXECUTE FUNCTION kb_touch_updated_at();

-- Defaults for a fresh database; values staff changed are kept (only the descriptions follow this file).
INSERT INTO safety_settings (key, value, description) VALUES
    ('topic_change_phrases',
     'otra cosa, otra cosita, otra pregunta, otra consulta, otra duda, una pregunta mas, otra mas, ah y otra, '
     'y otra pregunta, ahora otra, cambiando de tema, cambio de tema, otro tema, de otro tema, aparte de eso, '
     'nada que ver, en otra casa, en otro lado, en otra obra, en otro trabajo, otro trabajo, otro cliente, '
     'otra obra, en otro departamento, en otro depto, different job, another job, other job, '
     'another question, otra question, dejemos eso, dejando eso, dejando eso de lado, olvida eso, olvidate de eso, '
     'en la obra de manana, para la obra de manana, en la obra de la tarde, en la proxima obra, en el proximo trabajo',
     'Phrases with which a plumber says the message is about another job (comma separated; case and accents do '
     'not matter; whole words only: a "*" works in topic_change_keep_words, not here). After one of them, the '
     'earlier message''s '
     'safety warning is not repeated, unless what follows names one of topic_change_keep_words.'),
    ('topic_change_keep_words',
     'gas, gases, gasfiter*, garrafa*, bombona*, balon*, cilindro*, pipeta*, butano, propano, estacionario, '
     'regulador*, medidor*, contador*, calentador*, calefon*, calefont*, caldera*, boiler*, termotanque*, terma, '
     'termas, termo, termos, water heater*, heater*, furnace*, tankless, estufa*, horno*, quemador*, burner*, '
     'piloto*, pilot*, llama*, flama*, fuego, chimenea*, tiro, tiraje, ducto*, humo*, secadora*, dryer*, '
     'prend*, enciend*, encend*, soplete*, sold*, mechero*, encendedor*, luz, corriente, cable*, enchuf*, '
     'electric*, breaker*, diferencial*, chispa*, resistencia*, toque*, calambre*, acido*, muriatico*, lejia*, '
     'cloro*, sosa, quimic*, producto*, monoxido*, detector*, alarma*, mare*, presion*, hidroneumatic*, '
     'hidropack*, valvula de seguridad, valvula de alivio, fosa*, pozo*, mismo, misma',
     'Words that keep the earlier warning after a change-of-job phrase: when what follows the phrase names one '
     'of them (gas, a heater, fire, electricity, chemicals, pressure, "el mismo"…), the new question may still be '
     'about the dangerous job, and the warning is repeated. In doubt, add the word here: a missed warning is '
     'worse than a repeated one.'),
    ('topic_change_min_words', '3',
     'How many words must follow the change-of-job phrase for it to count: "otra cosa, ¿y ahora?" is not a new '
     'job; "otra cosa, ¿cómo cambio el flotador del tinaco?" is.'),
    ('read_previous_message', 'on',
     'on: when a message matches no rule by itself, it is also read together with the plumber''s earlier '
     'messages of the same job (see job_messages_read), in both orders, so that a danger told over several '
     'messages is seen ("tengo un calefont en el baño" + "la señora se marea"; "voy a soldar junto al contador" + '
     '"es el del gas"). A change-of-job phrase starts a new job. off: each message alone.'),
    ('negation_phrases',
     'no huele a, no huele nada a, no huelo, no huelo a, no huelo nada a, no hay olor a, no hay olor de, '
     'no tiene olor a, no se siente olor a, no se siente el olor a, no se siente el olor de, sin olor a, '
     'nunca olio a, nunca ha olido a, lo desenchufe, la desenchufe, los desenchufe, ya lo desenchufe, '
     'ya la desenchufe, lo desenchufamos, ya lo desenchufamos, esta desenchufado, esta desenchufada, '
     'ya esta desenchufado, ya esta desenchufada',
     'Phrases that say a danger is NOT there; the safety rules read the message as if they were not written. '
     'Write only the denial, not the thing it is about: "no huele a" takes "no huele a gas" down to "gas", so the '
     'rest of the message still warns for whatever else it says ("no huele a gas pero el medidor del gas gira" '
     'still warns) and the rules still know a gas appliance is there. Only denials that settle the danger belong '
     'here: a smell denied, a plug already pulled out. Not "ya corté la luz" or "con el gas cerrado": a breaker or '
     'a valve said to be off must still be checked, and the warning says how. Not "no hay gas": it also means the '
     'gas stopped coming, and then the plumber opens the line. Whole words, comma separated; case and accents do '
     'not matter. In doubt, leave a phrase out: a missed warning is worse than a repeated one.'),
    ('negation_doubt_words',
     'ya, casi, todavia, aun, ahora, ahorita, que, si, creo, parece, no, nunca',
     'A word right before one of negation_phrases that leaves the danger possible, so that the phrase is read '
     'as written: "ya no huele a gas" (it did smell), "casi no huele", "creo que no huele", "si no huele a gas, '
     '¿lo prendo?", "no lo desenchufé". Whole words, comma separated.'),
    ('job_messages_read', '4',
     'How many of the plumber''s earlier messages of the same job (less than 30 minutes old, back to the last '
     'change of job) are read together with a new message when read_previous_message is on. 1 = only the '
     'previous message. More catches a danger whose parts are told further apart ("tengo un calefont en la '
     'logia", "espera", "ahora a todos les duele la cabeza"), at the price of more warnings when a plumber moves '
     'to another job without saying so.')
ON CONFLICT (key) DO UPDATE SET description = EXCLUDED.description
 WHERE safety_settings.description IS DISTINCT FROM EXCLUDED.description;

CREATE OR REPLACE FUNCTION safety_setting(p_key text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT value FROM safety_settings WHERE key = p_key
$$;

CREATE OR REPLACE FUNCTION safety_setting_items(p_key text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT items FROM safety_settings WHERE key = p_key), '{}')
$$;

-- A whole number setting ('topic_change_min_words', 'job_messages_read'): its value when it is digits only (at most
-- three), otherwise p_default, so that a value staff mistyped ("muchos", "", "-1") never breaks the chat.
CREATE OR REPLACE FUNCTION safety_setting_integer(p_key text, p_default integer) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN v <> '' AND length(v) < 4 AND translate(v, '0123456789', '') = '' THEN v::integer
                ELSE p_default END
    FROM (SELECT btrim(coalesce(safety_setting(p_key), '')) AS v) AS s
$$;

-- The message as words for the lists above: lower case, no accents, chat shorthand written out, punctuation as
-- spaces, single spaces, with a space at each end (" otra cosa como cambio el flotador "). No regular expression
-- of its own (kb_normalize's and kb_expand_shorthand's are the ones safety_check uses anyway).
CREATE OR REPLACE FUNCTION safety_plain_words(question text) RETURNS text
LANGUAGE sql STABLE AS $$
    WITH marks AS (SELECT '.,;:!?¿¡()[]{}"''/\-_+*#@&%$=<>|~`^…“”«»' AS chars)
    SELECT ' ' || array_to_string(array_remove(string_to_array(
               translate(kb_expand_shorthand(kb_normalize(question)), chars, repeat(' ', length(chars))), ' '), ''),
               ' ') || ' '
    FROM marks
$$;

-- The message as the safety rules read it: the phrases of 'negation_phrases' (a danger said NOT to be there:
-- "no huele a" gas, "lo desenchufé") taken out, unless a word of 'negation_doubt_words' comes right before
-- ("ya no huele a gas"). Longer phrases first. A message without such a phrase is returned exactly as written;
-- with one, as safety_plain_words without it. String functions only (no regular expression of its own).
CREATE OR REPLACE FUNCTION safety_unsaid(question text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    words text;
    phrases text[] := safety_setting_items('negation_phrases');
    doubt text[];
    p text;
    at integer;
    from_at integer;
    before text;
    changed boolean := false;
BEGIN
    IF cardinality(phrases) = 0 OR question IS NULL THEN
        RETURN question;
    END IF;
    words := kb_normalize(question);                     -- most messages hold no denial: a quick look first
    IF NOT EXISTS (SELECT 1 FROM unnest(phrases) AS x WHERE strpos(words, x) > 0) THEN
        RETURN question;
    END IF;
    words := safety_plain_words(question);
    FOR p IN SELECT x FROM unnest(phrases) AS x ORDER BY length(x) DESC, x LOOP
        from_at := 1;
        LOOP
            at := position(' ' || p || ' ' IN substr(words, from_at));
            EXIT WHEN at = 0;
            at := at + from_at - 1;                      -- where ' phrase ' starts in words
            before := split_part(reverse(btrim(substr(words, 1, at))), ' ', 1);
            IF doubt IS NULL THEN
                doubt := safety_setting_items('negation_doubt_words');
            END IF;
            IF before <> '' AND reverse(before) = ANY (doubt) THEN
                from_at := at + 1;                       -- read as written; look further on
            ELSE
                words := substr(words, 1, at) || substr(words, at + length(p) + 2);
                changed := true;
                from_at := at;
            END IF;
        END LOOP;
    END LOOP;
    RETURN CASE WHEN changed THEN btrim(words) ELSE question END;
END
$$;

-- Does a list entry occur in the words (safety_plain_words)? Whole words; "word*" = every word starting so.
CREATE OR REPLACE FUNCTION safety_list_position(words text, entry text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN entry LIKE '%*' THEN position(' ' || rtrim(entry, '*') IN words)
                ELSE position(' ' || entry || ' ' IN words) END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Measures already taken (SAFETY-7.md "Results"): what the plumber says he has done or checked that removes the
-- premise of some warnings for this message and the next ones of the job (SAFETY-8.md "Results"), staff-editable, one row per measure. A measure holds when the
-- message has one of `phrases`, and one of `also_phrases` when that list is not empty, neither with a doubt word
-- (safety_settings 'measure_doubt_words': "no", "sin", "creo"…) among the two words before it, and none of
-- `unless_words` anywhere (a doubt, "creo", "más o menos", or the danger still there: "calambre", "sigue
-- oliendo"…). Then the rules in `silences` are not shown for this message: not from its own words, not carried
-- from the last answer, not from the job read together; another rule the message matches still is. Nor for the
-- plumber's next messages of the same job, until one of them undoes it (`ended_by`; safety_kept_measures below). A verified
-- isolation ("comprobé con el tester que no hay tensión"; "lo desenchufé y bajé el breaker") silences the
-- electricity rules; "en la casa no hay nada a gas" the gas-appliance rules (not the gas smell: a smell in a house
-- without gas is still a leak). A measure said to have failed ("cerré la llave del gas pero sigue oliendo") is no
-- measure: the rule sees the smell. Lists as in safety_settings: comma separated, case and accents do not matter,
-- whole words, "word*" = every word starting so. In doubt, leave a phrase out: a missed warning is worse than a
-- repeated one. String functions only (no regular expression of its own).
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS safety_measures (
    slug          text PRIMARY KEY CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    description   text NOT NULL DEFAULT '',
    phrases       text NOT NULL DEFAULT '',
    also_phrases  text NOT NULL DEFAULT '',
    unless_words  text NOT NULL DEFAULT '',
    silences      text[] NOT NULL DEFAULT '{}',
    active        boolean NOT NULL DEFAULT true,
    phrases_items text[] NOT NULL DEFAULT '{}',   -- the three lists ready for the chat (trigger; never by hand)
    also_items    text[] NOT NULL DEFAULT '{}',
    unless_items  text[] NOT NULL DEFAULT '{}',
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- `ended_by` (stop 24): what, said in a later message of the same job, ends a measure stated earlier (the measure
-- undone — "lo volví a enchufar", "subí el breaker" — or the danger back — "me dio un calambre"); see
-- safety_kept_measures below. `ended_items` is that list ready for the chat (trigger; never by hand).
ALTER TABLE safety_measures ADD COLUMN IF NOT EXISTS ended_by text NOT NULL DEFAULT '';
ALTER TABLE safety_measures ADD COLUMN IF NOT EXISTS ended_items text[] NOT NULL DEFAULT '{}';
-- What this file last wrote into a row (safety_measure_md5 of its lists), so that a new version of the file updates
-- the rows staff have not changed since, and only those (as kb_seed_safety_rule does for the rules).
ALTER TABLE safety_measures ADD COLUMN IF NOT EXISTS seed_md5 text;

CREATE OR REPLACE FUNCTION safety_measure_md5(phrases text, also_phrases text, unless_words text, silences text[])
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT md5(coalesce(phrases, '') || chr(31) || coalesce(also_phrases, '') || chr(31) || coalesce(unless_words, '')
               || chr(31) || array_to_string(coalesce(silences, '{}'), ','))
$$;

-- A staff list as the chat compares it (safety_settings.items, safety_measures.*_items): one entry per comma, lower
-- case, without accents and punctuation; an entry "@slug" names an act of safety_measure_acts (below) and is kept as
-- written.
CREATE OR REPLACE FUNCTION safety_list_items(value text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT ARRAY(
        SELECT DISTINCT CASE WHEN left(btrim(x), 1) = '@' THEN lower(btrim(x))   -- an act (safety_measure_acts)
                             ELSE btrim(regexp_replace(regexp_replace(kb_normalize(x), '[^a-z0-9* ]+', ' ', 'g'),
                                                       ' +', ' ', 'g')) END
        FROM regexp_split_to_table(coalesce(value, ''), '[,;\n]') AS x
        WHERE regexp_replace(kb_normalize(x), '[^a-z0-9]', '', 'g') <> '')
$$;

CREATE OR REPLACE FUNCTION safety_measures_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.phrases_items := safety_list_items(NEW.phrases);
    NEW.also_items := safety_list_items(NEW.also_phrases);
    NEW.unless_items := safety_list_items(NEW.unless_words);
    NEW.ended_items := safety_list_items(NEW.ended_by);
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER safety_measures_items
    BEFORE INSERT OR UPDATE OF phrases, also_phrases, unless_words, ended_by
    ON safety_measures FOR EACH ROW EXECUTE FUNCTION safety_measures_items();

CREATE OR REPLACE TRIGGER safety_measures_touch BEFORE UPDATE ON safety_measures
    FOR EACH ROW EXECUTE FUNCTION kb_touch_updated_at();

INSERT INTO safety_settings (key, value, description) VALUES
    ('measure_doubt_words',
     'no, sin, ni, si, nunca, creo, parece, supongo, falta, antes, estar, este, quede, quedar, dejar, dejarlo, '
     'dejarla, debe, debo, deberia, primero',
     'A word among the two right before a phrase of safety_measures that leaves the measure not taken or not sure, '
     'so that it does not count: "no tengo tester", "sin comprobar", "si lo desenchufo", "creo que no hay tensión", '
     '"tiene que estar desenchufado", "primero desenchufado". Single whole words, comma separated.'),
    ('measure_messages_kept', '4',
     'For how many of the plumber''s next messages a measure he stated keeps silencing its warnings ("ya lo '
     'desenchufé y bajé la térmica", then "¿y ahora cómo saco la resistencia?"), within the same 30 minutes and the '
     'same job: a change-of-job phrase (topic_change_phrases, whatever follows it) ends it, and so does a later '
     'message with one of the measure''s ended_by words ("lo volví a enchufar", "subí el breaker", "me dio un '
     'calambre"). 0 = a measure counts only for the message that says it.'),
    ('measure_end_negations', 'no, ni, nunca, sin, tampoco',
     'A word among the two right before one of a measure''s ended_by phrases that says it did NOT happen, so that '
     'the measure still holds: "no lo volví a enchufar", "todavía no subí el breaker". Single whole words, comma '
     'separated.')
ON CONFLICT (key) DO UPDATE SET description = EXCLUDED.description
 WHERE safety_settings.description IS DISTINCT FROM EXCLUDED.description;

-- What says the power is back on (or the danger is), ending the electrical measures below (their ended_by).
CREATE OR REPLACE FUNCTION safety_power_back_words() RETURNS text LANGUAGE sql IMMUTABLE AS $words$
    SELECT 'lo enchufe, la enchufe, lo enchufamos, la enchufamos, lo volvi a enchufar, la volvi a enchufar, '
     'volvi a enchufar, volvimos a enchufar, ya esta enchufado, ya esta enchufada, esta enchufado, esta enchufada, '
     'sigue enchufado, sigue enchufada, lo conecte, la conecte, lo volvi a conectar, la volvi a conectar, '
     'volvi a conectar, reconecte, reconectamos, subi el breaker, subimos el breaker, subi la termica, '
     'subimos la termica, subi el automatico, subi el diferencial, subi la pastilla, subi el taco, puse el fusible, '
     'volvi a dar la luz, di la luz, dimos la luz, volvio la luz, ya hay luz, hay tension, hay corriente, '
     'tiene corriente, tiene tension, marca tension, con corriente, con tension, con la luz dada, para probar, '
     'probarlo, probarla, lo pruebo, la pruebo, calambre*, chispa*, chisporrote*, toque, toques, toquecito*, '
     'corrientazo*, descarga*, patada*, mojad*, inundad*, no estoy seguro, no se si, otro aparato, otro enchufe, '
     'otro termo, otra terma, otra ducha, otro calentador, otro boiler, otra bomba, otro triturador, plugged in, '
     '@corriente-dada'::text
$words$;

-- The shipped measures. Defaults for a fresh database; in an existing one a row's lists follow this file for as long
-- as staff have not changed them (seed_md5, below); the descriptions always do.
CREATE OR REPLACE FUNCTION safety_measures_seed()
RETURNS TABLE (slug text, description text, phrases text, also_phrases text, unless_words text, silences text[],
               ended_by text)
LANGUAGE sql IMMUTABLE AS $seed$
VALUES
    ('tension-comprobada',
     'The power is off and checked with an instrument: a tester, multimeter or voltage detector shows no voltage.',
     'tester, multimetro, multimeter, voltimetro, buscapolo, buscapolos, detector de tension, detector de voltaje, '
     'probador de voltaje, probador de corriente, lapiz detector, pinza amperimetrica, voltage tester, '
     'comprobador de tension, comprobador de voltaje, comprobador, medi, medimos, lo medi, la medi, lo medimos, '
     'la medimos, ya medi, ya medimos, probador, el probador, con el probador',
     'no hay tension, sin tension, no hay corriente, sin corriente, no hay voltaje, sin voltaje, no hay luz, '
     'no marca nada, no marca tension, no marca voltaje, marca cero, marca 0, cero voltios, 0 voltios, cero volts, '
     'no prende en ninguno, no prende en ninguna, no enciende en ninguno, no enciende en ninguna, no prende el probador, '
     'el probador no prende, no se prende, no se enciende, no prende, no enciende, '
     '0 volts, 0 v, no tiene tension, no tiene corriente, no tiene voltaje, no hay energia, no voltage, no power, '
     'zero volts',
     'creo, creo que, supongo, parece, me parece, quizas, quiza, tal vez, capaz, igual, mas o menos, no se si, '
     'no estoy seguro, calambre*, chispa*, chisporrote*, toque, toques, toquecito*, corrientazo*, descarga*, '
     'patada*, mojad*, inundad*, sigue marcando, todavia marca, a veces, marca algo, marca un poco',
     ARRAY['agua-y-electricidad', 'termo-electrico-trabajo', 'triturador', 'termo-electrico-fuga',
           'bomba-electrica'],
     safety_power_back_words()),
    ('desenchufado-y-cortado',
     'Unplugged (done, not to be done) and its breaker or fuse switched off as well: two isolations the plumber sees.',
     '@desenchufado, @desconectado, @cables-retirados, el enchufe a la vista, el enchufe en la mano, '
     'con el enchufe conmigo, unplugged',
     '@corriente-cortada, @luz-cortada, breaker abajo, termica abajo, automatico abajo, el breaker off, '
     'breaker off',
     'creo, creo que, supongo, parece, me parece, quizas, quiza, tal vez, capaz, no se si, no estoy seguro, '
     'calambre*, chispa*, chisporrote*, toque, toques, toquecito*, corrientazo*, descarga*, patada*, mojad*, '
     'inundad*, agua en el enchufe, sigue prendid*, sigue funcionando, sigue andando, sigue zumbando, '
     'sigue sonando, todavia prende, todavia funciona, todavia zumba, otro enchufe, otro aparato',
     -- stop 26: a leaking electric heater with both isolations done is no live water (termo-electrico-fuga)
     ARRAY['agua-y-electricidad', 'termo-electrico-trabajo', 'triturador', 'termo-electrico-fuga',
           'bomba-electrica'],
     safety_power_back_words()),
    ('sin-gas-en-la-casa',
     'The house has no gas at all (everything electric): the gas-appliance warnings do not apply. Not the gas smell, '
     'and not when the message names a gas appliance, bottle or meter, or gas that stopped coming ("no hay gas" '
     'alone is not on the list: it also means the gas ran out).',
     'no hay nada a gas, no hay nada de gas, no tiene nada a gas, no tienen nada a gas, no hay aparatos a gas, '
     'no hay aparatos de gas, no hay ningun aparato a gas, no hay ningun aparato de gas, no hay gas en la casa, '
     'no hay gas en esa casa, no hay gas en esta casa, no hay gas en el depto, no hay gas en el departamento, '
     'no hay gas en el piso, en la casa no hay gas, en esa casa no hay gas, en esta casa no hay gas, '
     'en el piso no hay gas, en el depto no hay gas, en el departamento no hay gas, en el apartamento no hay gas, '
     'no hay instalacion de gas, no tiene instalacion de gas, no tienen instalacion de gas, sin instalacion de gas, '
     'todo es electrico, es todo electrico, todo electrico, la casa es toda electrica, no usan gas, no usa gas, '
     'no tienen gas natural, no tiene gas natural, no hay gas natural, no gas in the house, all electric',
     '',
     'calentador a gas, calentador de gas, calefon*, calefont*, caldera*, garrafa*, bombona*, balon*, cilindro*, '
     'pipeta*, tanque de gas, tanque estacionario, regulador*, medidor*, contador*, piloto*, quemador*, '
     'hornalla*, brasero*, salamandra*, estufa de gas, estufa a gas, boiler de gas, boiler a gas, '
     'termotanque a gas, termotanque de gas, terma a gas, terma de gas, se acabo, se termino, no llega, '
     'no sale, no pasa, cortaron, corte, carbon, lena, generador, auto, coche, carro, motor, vecino*, '
     'creo, creo que, supongo, parece, me parece, no se si',
     ARRAY['monoxido-carbono', 'gas-aparato-ventilacion', 'trabajo-en-gas', 'calentador-gas-se-apaga',
           'encender-piloto', 'encendido-explosivo', 'aparato-de-gas'],
     'a gas, de gas, gas natural, butano, propano, calefon*, calefont*, caldera*, garrafa*, bombona*, balon*, '
     'cilindro*, pipeta*, tanque estacionario, regulador*, medidor*, contador*, piloto*, quemador*, hornalla*, '
     'brasero*, salamandra*, carbon, lena, generador, auto, coche, carro, motor, vecino*, no estoy seguro, '
     'no se si, en otra casa, la otra casa'),
    ('proteccion-contra-incendio',
     'Hot work with the fire precautions of the llama-abierta message in place: an extinguisher at hand and what '
     'burns removed or shielded. Not for thawing a pipe with a flame (never done, whatever the precautions).',
     'extintor, extintores, extinguidor, matafuego, matafuegos, fire extinguisher',
     'manta ignifuga, mantas ignifugas, manta antifuego, manta termica, lamina de proteccion, chapa de proteccion, '
     'placa de proteccion, pantalla ignifuga, pantalla de proteccion, pantalla termica, proteccion ignifuga, '
     'sacamos todo lo que se quema, sacamos lo que se quema, quitamos todo lo que se quema, '
     'retiramos todo lo que se quema, saque todo lo que se quema, quite todo lo que se quema, '
     'retire todo lo que se quema, sacamos todo lo que arde, retiramos todo lo que arde, fire blanket, '
     'plancha de metal, plancha metalica, chapa de metal, chapa metalica, lamina de metal, lamina metalica, '
     'saque todo lo que se podia quemar, saque lo que se podia quemar, sacamos todo lo que se podia quemar, '
     'quite todo lo que se podia quemar, retire todo lo que se podia quemar, saque todo lo que se puede quemar, '
     'sacamos todo lo que se puede quemar, saque todo lo que podia arder, sacamos todo lo que podia arder',
     'creo, creo que, supongo, parece, me parece, quizas, tal vez, capaz, mas o menos, con eso basta, no se si, '
     'carton, trapo mojado, congel*, helad*, hielo, descongel*, deshiel*, frozen, thaw*, gas*',
     ARRAY['llama-abierta'],
     'sin extintor, sin el extintor, se acabo el extintor, saque la manta, quite la manta, sin manta, '
     'sin proteccion, carton, trapo mojado, congel*, helad*, hielo, descongel*, deshiel*, frozen, thaw*, gas*, '
     'humo, se prendio, prendio fuego, se incendio, llamarada*, en otro lado, en otra pared, en otro cuarto, '
     'en otro sitio, en otra habitacion, no estoy seguro, no se si'),
    ('espacio-confinado-equipado',
     'Entry into a chamber or pit with the set-up the espacio-confinado message asks for: a gas detector and a '
     'harness on a tripod (a rescue line), not just a look or a smell.',
     'detector de gases, detector de gas, medidor de gases, detector multigas, multigas, explosimetro, gasometro, '
     'monitor de gases, detector de 4 gases, detector de cuatro gases, gas detector, gas monitor, detector calibrado, '
     'hemos medido, ya medimos, medimos los gases, medimos gases, medimos el aire, ventilacion forzada',
     'tripode, con tripode, arnes con tripode, tripod, arnes y soga, arnes con soga, arnes y cuerda, arnes con cuerda, '
     'arnes y cabo, arnes con cabo, cuerda de rescate, soga de rescate, linea de rescate, arnes y linea de vida',
     'creo, creo que, supongo, parece, me parece, quizas, tal vez, capaz, mas o menos, no se si, ya no huele, '
     'no huele tanto, solo yo, bajo solo, voy solo, entro solo, sin companero, sin ayudante, nadie arriba, '
     'sin ventilar, no marca bien, marca alto, pita, pitando, suena, sonando, alarma, mare*, desmay*',
     ARRAY['espacio-confinado'],
     'ya no huele, no huele tanto, solo yo, bajo solo, voy solo, entro solo, sin companero, sin ayudante, '
     'nadie arriba, se fue el ayudante, se fue mi ayudante, se fue el companero, sin ventilar, apague el ventilador, '
     'no marca bien, marca alto, pita, pitando, suena, sonando, alarma, mare*, desmay*, sin arnes, sin el arnes, '
     'me quite el arnes, otro pozo, otra camara, otra arqueta, otro registro, otra fosa, otro buzon, '
     'no estoy seguro, no se si'),
    ('penacho-de-condensacion',
     'The white plume of a condensing boiler outdoors in cold weather is water vapour, not bad combustion. Not when '
     'the message also tells a smell, soot, a dark or yellow flame, fumes indoors, symptoms or an alarm.',
     'condensacion, condensing',
     'humo blanco, humito blanco, vapor blanco, vaporcito, nube blanca, humo blanquito, penacho, white plume, '
     'white smoke, steam',
     'olor*, huele*, tufo, mare*, dolor de cabeza, duele la cabeza, nausea*, sueno, hollin, negro, negra, amarill*, '
     'naranja, adentro, dentro de, se mete, entra a la casa, se apaga, detector*, alarma*, monoxido, creo, parece, '
     'quem*, hirviendo, escald*, valvula*, chorro*, fuga*, gotea*',
     ARRAY['monoxido-carbono', 'agua-hirviendo'],
     'olor*, huele*, tufo, mare*, dolor de cabeza, duele la cabeza, nausea*, sueno, hollin, negro, negra, '
     'amarill*, naranja, adentro, dentro de, se mete, entra a la casa, se apaga, detector*, alarma*, monoxido, '
     'quem*, hirviendo, escald*, valvula*, chorro*, fuga*, gotea*'),
    ('revisado-por-gasista',
     'A licensed gas fitter, the gas company or an inspection has repaired the gas installation or the appliance and '
     'tested it (leak test with soapy water, no bubbles; inspection or permit; the CO detector at zero): the leak, '
     'gas-work and flue warnings are answered. Not on a neighbour''s or relative''s word, not with a smell, an alarm '
     'or symptoms still there; lighting the appliance keeps its own warnings.',
     'gasista matriculado, gasista habilitado, gasista autorizado, gasista certificado, gasfiter certificado, '
     'gasfiter autorizado, gasfiter habilitado, gasfitero certificado, gasfitero autorizado, instalador autorizado, '
     'instalador habilitado, instalador de gas autorizado, instalador de gas habilitado, tecnico de gas autorizado, '
     'tecnico de gas habilitado, tecnico autorizado, tecnico matriculado, gas company, compania de gas, '
     'empresa de gas, empresa distribuidora, distribuidora de gas, licensed gas fitter, licensed plumber',
     'agua jabonosa, agua con jabon, espuma, no fuga, no hay fuga, no tiene fuga, no hay fugas, sin fugas, '
     'no burbujea, no hace burbujas, no salen burbujas, prueba de hermeticidad, prueba de estanqueidad, '
     'hermeticidad, estanqueidad, inspeccion, inspeccionado, inspeccionada, permit, marca cero, marca 0, da cero, '
     'analizador, leak test, no leak, no leaks',
     'creo, creo que, supongo, parece, me parece, no se si, no estoy seguro, sigue oliendo, todavia huele, aun huele, '
     'huele otra vez, vuelve a oler, sigue el olor, todavia hay olor, aun hay olor, sigue pitando, todavia pita, '
     'sigue sonando, vuelve a pitar, cunado, vecino, amigo, conocido, yo mismo, lo hice yo, sin matricula, '
     'no es matriculado, no tiene matricula, mare*, desmay*, duele la cabeza, dolor de cabeza, nausea*, vomit*',
     ARRAY['olor-a-gas', 'trabajo-en-gas', 'monoxido-carbono', 'gas-aparato-ventilacion', 'calentador-gas-se-apaga',
           'aparato-de-gas'],
     'flexible*, regulador*, soplete*, sold*, lo muevo, la muevo, lo movemos, lo cambio de lugar, otro calefon, '
     'otro calefont, otra estufa, otro calentador, otro boiler, otra caldera, huele*, olor*, oliendo, pita*, '
     'suena*, alarma*, mare*, desmay*, dolor de cabeza, duele la cabeza, nausea*, vomit*, hollin, amarill*, '
     'no estoy seguro, no se si'),
    ('aparato-en-el-taller',
     'An electric appliance already taken out, unplugged, and on the workbench: no supply reaches it.',
     'en el taller, en la mesa de trabajo, en el banco de trabajo, sobre el banco, en el banco, on the bench, '
     'in the shop',
     'desmontado, desmontada, desinstalado, desinstalada, desenchufado, desenchufada, desconectado, '
     'desconectada, lo saque, la saque, lo sacamos, la sacamos, lo desmonte, la desmonte',
     'creo, creo que, supongo, parece, me parece, enchufado, enchufada, conectado, conectada, lo enchufo, '
     'lo conecto, probarlo, probarla, lo pruebo, la pruebo, calambre*, chispa*',
     ARRAY['agua-y-electricidad', 'termo-electrico-trabajo', 'triturador', 'bomba-electrica'],
     safety_power_back_words() || ', '
     'lo instale, la instale, lo volvi a instalar, la volvi a instalar, lo monte, la monte, '
     'lo montamos, la montamos, ya instalado, ya instalada, ya montado, ya montada, en su lugar, en su sitio'),
    ('gas-cerrado',
     'The gas shut off (act gas-cerrado: "ya cerré la llave del gas", "con el gas cortado", "el cliente cerró el '
     'medidor"): the gas-work warning, whose first step it is, is not repeated. Never the smell, carbon-monoxide, '
     'flue or lighting warnings; not when the message or a later one works on the gas line itself or brings a flame '
     'near it (flexible, regulator, torch, lighter), opens the gas again, or tells a smell.',
     '@gas-cerrado',
     '',
     'creo, creo que, supongo, parece, me parece, quizas, tal vez, capaz, no se si, no estoy seguro, huele*, olor*, '
     'oliendo, olio, tufo, hay fuga, una fuga, sigue la fuga, sale gas, sigue saliendo, pierde gas, silb*, flexible*, '
     'regulador*, manguera*, soplete*, sold*, mechero*, encendedor*, cerillo*, fosforo*, llama*, prend*, encend*, '
     'piloto*, tubo de gas, tubo del gas, cano de gas, cano del gas, tuberia de gas, tuberia del gas, caneria de gas, '
     'caneria del gas, alarg*, empalm*, otro calentador, otro calefon, otro calefont, otra caldera, otro boiler',
     ARRAY['trabajo-en-gas'],
     '@gas-abierto, abri el gas, abrimos el gas, volvi a abrir, volvimos a abrir, reabri, di el gas, dimos el gas, '
     'huele*, olor*, oliendo, olio, hay fuga, una fuga, sale gas, pierde gas, silb*, flexible*, regulador*, '
     'manguera*, soplete*, sold*, mechero*, encendedor*, cerillo*, fosforo*, llama*, prend*, encend*, piloto*, '
     'tubo de gas, tubo del gas, cano de gas, cano del gas, tuberia de gas, tuberia del gas, caneria de gas, '
     'caneria del gas, alarg*, empalm*, instal*, reinstal*, conect*, reconect*, lo monto, la monto, lo vuelvo a montar, '
     'otro calentador, otro calefon, otro calefont, otra caldera, otro boiler, no estoy seguro, no se si'),
    ('amianto-retirado-por-empresa',
     'Asbestos-cement parts already removed by a firm licensed for asbestos (act retirado + the firm): the asbestos '
     'warning, whose advice that is, is not repeated. Not when the plumber removed it himself or someone without '
     'the licence did, not when some is left or is to be cut, drilled or broken.',
     '@retirado',
     'empresa habilitada, empresa autorizada, empresa especializada, empresa certificada, empresa registrada, '
     'empresa inscrita, empresa acreditada, empresa de amianto, empresa de asbesto, empresa del amianto, '
     'empresa del asbesto, empresa inscrita en el rera, empresa rera, gestor autorizado, licensed, abatement, '
     'empresa con licencia, empresa con permiso, contratista autorizado, contratista habilitado, '
     'manifiesto de disposicion, manifiesto de residuos, certificado de retiro, certificado de disposicion',
     'creo, creo que, supongo, parece, me parece, no se si, no estoy seguro, dice que, dicen que, yo mismo, '
     'lo hice yo, lo saque yo, lo quite yo, nosotros mismos, un vecino, el vecino, un conocido, sin permiso, '
     'sin licencia, no habilitada, no autorizada, queda*, quedo, quedan, resto*, todavia hay, sigue habiendo, '
     'otro tramo, otra parte, cort*, lij*, taladr*, romp*, amolad*, radial*, perfor*, serrucho*, sierra*',
     ARRAY['amianto'],
     'queda*, quedo, quedan, resto*, todavia hay, sigue habiendo, otro tramo, otra parte, otro tubo, otra bajante, '
     'otro tanque, otra placa, otro techo, cort*, lij*, taladr*, romp*, amolad*, radial*, perfor*, serrucho*, '
     'sierra*, no estoy seguro, no se si'),
    -- stop 26 (SAFETY.md "Stop 26"): heat, pressure, height and one isolation against water-and-electricity
    ('agua-enfriada',
     'The hot water let down (acts enfriado, dejado-enfriar, vaciado: "ya lo dejé enfriar", "ya vacié el termo", "está '
     'frío y vacío"): the scalding warning, whose advice that is, is not repeated. Not with the water still hot, '
     'steam, a burn, or a doubt.',
     '@enfriado, @dejado-enfriar, @vaciado, esta frio, esta fria, estan frios, estan frias, ya frio, ya fria, '
     'frio y vacio, fria y vacia, vacio y frio, vacia y fria, ya esta vacio, ya esta vacia, esta vacio, esta vacia, '
     'cold and empty, drained',
     '',
     'creo, creo que, supongo, parece, me parece, quizas, tal vez, capaz, no se si, no estoy seguro, '
     'caliente*, calentit*, tibi*, hirviendo, hierve, hervir, vapor*, quem*, ardiendo, escald*, pelando, '
     'todavia, aun, a medias, medio lleno, medio llena, un poco, todavia tiene agua, queda agua, grados',
     ARRAY['agua-hirviendo'],
     'lo prendi, la prendi, lo encendi, la encendi, lo volvi a prender, lo volvi a encender, la volvi a prender, '
     'la volvi a encender, lo llene, la llene, lo volvi a llenar, la volvi a llenar, lo lleno, volvio a calentar, '
     'ya calento, calentando, caliente*, hirviendo, hierve, vapor*, quem*, ardiendo, escald*, otro termo, otra terma, '
     'otro calentador, otro boiler, otro termotanque, @corriente-dada, no estoy seguro, no se si'),
    ('presion-liberada',
     'The pressure let out of the line or vessel (acts despresurizado, presion-bajada: "ya despresuricé, el manómetro '
     'marca cero", "bajé la presión del hidro", "purgamos la red"): the pressure-vessel warning, whose advice that '
     'is, is not repeated. Not with the pressure still rising or the vessel bulging, the pump still running, or a '
     'doubt.',
     '@despresurizado, @presion-bajada, manometro en cero, manometro a cero, manometro marca cero, manometro marca 0, '
     'sin presion ya, ya sin presion, ya no tiene presion, ya no hay presion, depressurized',
     '',
     'creo, creo que, supongo, parece, me parece, quizas, tal vez, capaz, no se si, no estoy seguro, '
     'sigue subiendo, sigue con presion, todavia tiene presion, aun tiene presion, todavia marca, aun marca, '
     'marca algo, no baja, no bajo nada, hinchad*, abombad*, silb*, chifl*, cruj*, truen*, '
     'bomba prendida, bomba encendida, bomba funcionando, bomba sigue, sigue la bomba',
     ARRAY['tanque-presion'],
     'presuriz*, volvi a cargar, volvimos a cargar, cargue la red, cargamos la red, cargue la linea, cargamos la linea, '
     'abri la entrada, abri la llave de entrada, prendi la bomba, encendi la bomba, arranque la bomba, '
     'conecte la bomba, @corriente-dada, sube la presion, subio la presion, sigue subiendo, volvio a subir, '
     'hinchad*, abombad*, silb*, cruj*, otro tanque, otro hidro, otro hidroneumatico, otra red, otra linea, '
     'no estoy seguro, no se si'),
    ('proteccion-en-altura',
     'Work at height with collective or personal protection in place: a scaffold or lifting platform, a guard rail or '
     'parapet, a harness clipped to an anchor or lifeline ("hemos alquilado un andamio con barandilla", "voy con el '
     'arnés enganchado"): the height warning is not repeated. Not when the protection is missing, loose or '
     'doubted, or the roof is fragile.',
     'andamio, andamios, plataforma elevadora, plataforma de trabajo, canasta elevadora, elevador de tijera, '
     'tijera elevadora, brazo articulado, arnes enganchado, arnes anclado, arnes amarrado, arnes atado, '
     'arnes sujeto, arnes puesto, con linea de vida, enganchado a la linea de vida, barandilla, baranda, barandal, '
     'barandales, pretil, parapeto, muro de un metro, muro de 1 metro, pared de un metro, scaffold, guardrail, '
     'railing, harness',
     '',
     'creo, creo que, supongo, parece, me parece, quizas, tal vez, capaz, no se si, no estoy seguro, sin arnes, '
     'sin baranda, sin barandal, sin barandilla, sin pretil, sin andamio, sin enganchar, no tengo arnes, '
     'no tiene baranda, no hay baranda, suelt*, floj*, se mueve, se tambalea, tambalea, resbal*, podrid*, fragil*, '
     'calamina, claraboya*, tragaluz*, policarbonato, fibrocemento, uralita, eternit',
     ARRAY['trabajo-en-altura'],
     'me quite el arnes, nos quitamos el arnes, sin arnes, desenganch*, quitaron el andamio, desmontaron el andamio, '
     'sin andamio, resbal*, podrid*, fragil*, otro techo, otra azotea, otro tejado, otra cubierta, '
     'no estoy seguro, no se si'),
    ('valvula-repuesta',
     'The relief valve already replaced (or its plug taken off) and tested: "le puse una válvula nueva con caño al '
     'desagüe, la probé levantando la palanca y descarga bien". The relief-valve warning is not repeated. Not when '
     'it is plugged, stuck or does not discharge, or in doubt.',
     'valvula nueva, puse una valvula, le puse una valvula, pusimos una valvula, cambie la valvula, '
     'cambiamos la valvula, instale una valvula, instalamos una valvula, reemplace la valvula, reemplazamos la valvula',
     'descarga bien, dispara bien, abre bien, funciona bien, larga bien, bota bien, la probe, la probamos, '
     'ya probada, esta probada, levantando la palanca, levantando la palanquita, levante la palanca, '
     'levante la palanquita',
     'creo, creo que, supongo, parece, me parece, quizas, tal vez, capaz, no se si, no estoy seguro, tapad*, tapon*, '
     'la tape, la tapo, anul*, bloque*, clausur*, trabad*, agarrotad*, pegad*, no descarga, no dispara, no abre, '
     'no larga, no bota, no sale, chorro*, vapor*, hirviendo',
     ARRAY['valvula-seguridad'],
     'tapad*, tapon*, la tape, la tapo, anul*, bloque*, clausur*, trabad*, agarrotad*, pegad*, no descarga, '
     'no dispara, no abre, no larga, chorro*, vapor*, hirviendo, otro termo, otra terma, otro termotanque, '
     'otro calentador, otro boiler, otra valvula, no estoy seguro, no se si'),
    ('cortado-en-el-cuadro',
     'The power of what is near the water cut at the panel, one isolation (acts corriente-cortada, luz-cortada, or a '
     'lockout: "ya bajé el breaker de la ducha", "se cortó la luz del tablero", "puse el candado en el diferencial"; '
     'not unplugging, which leaves the socket live): the water-and-electricity warning, whose first '
     'step that is, is not repeated. Only that warning: work on an electric heater or shower still asks for the '
     'tester (termo-electrico-trabajo, tension-comprobada). Not on someone''s word, not with a doubt about which '
     'breaker, not with water on the electrics, a shock or sparks. Shipped switched OFF until the technical manager '
     'confirms it (an electricity warning weakened on one isolation).',
     '@corriente-cortada, @luz-cortada, candado en el breaker, candado en el diferencial, '
     'candado en la termica, candado en el automatico, candado en el tablero, candado en el cuadro, '
     'candado en la pastilla, bloqueo y etiquetado, lockout',
     '',
     'creo, creo que, supongo, parece, me parece, quizas, quiza, tal vez, capaz, no se si, no estoy seguro, '
     'no se cual, no estan marcados, no esta marcado, sin marcar, no tiene etiqueta*, sin etiqueta*, dice, dicen, '
     'dijo, dijeron, segun, supuestamente, calambre*, chispa*, chisporrote*, toque, toques, toquecito*, '
     'corrientazo*, descarga*, patada*, mojad*, moja, mojo, inundad*, gote*, chorre*, charco*, cae agua, '
     'agua en el enchufe, sobre el enchufe, al enchufe, al tomacorriente, al toma, al contacto, entra agua, '
     'sigue prendid*, sigue funcionando, sigue andando, sigue zumbando, '
     'sigue sonando, todavia prende, todavia funciona, todavia zumba, otro enchufe, otro aparato',
     ARRAY['agua-y-electricidad'],
     safety_power_back_words() || ', quito el candado, quitaron el candado, saco el candado, sacaron el candado, '
     'ha vuelto a dar, volvio a dar, vuelto a dar corriente, dio corriente, dieron corriente, dio la luz, '
     'dieron la luz'),
    ('trabajo-desde-fuera',
     'Nobody goes into the pit, well or chamber: the job is done from outside ("sacamos la bomba desde arriba, nadie '
     'entra al pozo", "lo destapamos desde afuera con la sonda"), as the confined-space warning advises. Not when '
     'someone is to go in after all or is already unwell.',
     'nadie entra, nadie baja, nadie se mete, nadie va a bajar, nadie va a entrar, sin entrar, sin bajar, '
     'sin meterse, sin meternos, desde arriba, desde afuera, desde fuera, from above, from outside',
     '',
     'creo, creo que, supongo, parece, me parece, quizas, tal vez, capaz, no se si, no estoy seguro, mare*, desmay*, '
     'inconscien*, no responde, no contesta, se cayo, se metio, me meto, nos metemos, bajo yo, voy a bajar, '
     'tengo que bajar, hay que bajar, tenemos que bajar, entro yo, voy a entrar, hay que entrar, tengo que entrar',
     ARRAY['espacio-confinado'],
     'me meto, nos metemos, bajo yo, voy a bajar, tengo que bajar, hay que bajar, tenemos que bajar, entro yo, '
     'voy a entrar, hay que entrar, tengo que entrar, mare*, desmay*, inconscien*, no responde, no contesta, '
     'otro pozo, otra camara, otra fosa, otro registro, otra arqueta, no estoy seguro, no se si'),
    ('aislado-una-vez',
     'One electric isolation done (acts corriente-cortada, luz-cortada, desenchufado: "ya bajé el breaker de la '
     'ducha", "se cortó la luz del cuadro", "la bomba está desenchufada"), without a second one or a tester. Not on '
     'someone''s word ("el cliente dice que ya cortó"), not with a doubt about which breaker, not with the danger '
     'still there. Shipped switched OFF: the README''s rule is that electricity warnings are not weakened without '
     'the technical manager, and desenchufado-y-cortado / tension-comprobada ask for two isolations or a tester.',
     '@corriente-cortada, @luz-cortada, @desenchufado',
     '',
     'creo, creo que, supongo, parece, me parece, quizas, quiza, tal vez, capaz, no se si, no estoy seguro, '
     'no se cual, no estan marcados, no esta marcado, sin marcar, no tiene etiqueta*, sin etiqueta*, dice, dicen, '
     'dijo, dijeron, segun, supuestamente, no he medido, no medi, sin medir, no lo he medido, no lo medi, '
     'no tengo tester, no comprobe, no he comprobado, sin comprobar, calambre*, chispa*, chisporrote*, toque, '
     'toques, toquecito*, corrientazo*, descarga*, patada*, mojad*, inundad*, agua en el enchufe, sigue prendid*, '
     'sigue funcionando, sigue andando, sigue zumbando, sigue sonando, todavia prende, todavia funciona, '
     'todavia zumba, otro enchufe, otro aparato',
     ARRAY['agua-y-electricidad', 'termo-electrico-trabajo', 'triturador', 'bomba-electrica'],
     safety_power_back_words())
$seed$;

-- revisado-por-gasista silences gas and carbon-monoxide warnings, gas-cerrado the gas-work warning, and
-- aislado-una-vez the electricity warnings on one isolation: each is shipped switched OFF until the technical
-- manager confirms it (README: gas, electricity and carbon-monoxide rules are not weakened without them; stop 25,
-- lead: a gas valve said closed does not end the danger of reconnecting, which the gas-work warning's leak test is
-- about); staff switch one on with UPDATE safety_measures SET active = true WHERE slug = 'gas-cerrado'.
-- cortado-en-el-cuadro (stop 26: one panel isolation quiets agua-y-electricidad only) is shipped OFF for the same
-- reason (an electricity warning weakened on one isolation): SAFETY.md "Stop 26" has its figures either way.
-- Re-applying this file never changes a row's active flag.
INSERT INTO safety_measures (slug, description, phrases, also_phrases, unless_words, silences, ended_by, seed_md5, active)
SELECT f.*, safety_measure_md5(f.phrases, f.also_phrases, f.unless_words, f.silences),
       f.slug NOT IN ('revisado-por-gasista', 'aislado-una-vez', 'gas-cerrado', 'cortado-en-el-cuadro')
FROM safety_measures_seed() AS f
ON CONFLICT (slug) DO UPDATE SET description = EXCLUDED.description,
    -- a database made before stop 24 has the column empty: fill it once (an empty list is refilled from here)
    ended_by = CASE WHEN safety_measures.ended_by = '' THEN EXCLUDED.ended_by ELSE safety_measures.ended_by END
 WHERE safety_measures.description IS DISTINCT FROM EXCLUDED.description
    OR (safety_measures.ended_by = '' AND EXCLUDED.ended_by <> '');

-- The lists follow this file where staff have not changed them since it last wrote them: seed_md5 equal to the
-- row's lists, or, for rows this file wrote before seed_md5 existed (stop 23), lists equal to what it wrote then.
UPDATE safety_measures m
SET phrases = f.phrases, also_phrases = f.also_phrases, unless_words = f.unless_words, silences = f.silences,
    ended_by = f.ended_by,   -- (stop 25) a new version of the lists brings its ended_by with it
    seed_md5 = safety_measure_md5(f.phrases, f.also_phrases, f.unless_words, f.silences)
FROM safety_measures_seed() AS f
WHERE f.slug = m.slug
  AND safety_measure_md5(m.phrases, m.also_phrases, m.unless_words, m.silences)
      IS DISTINCT FROM safety_measure_md5(f.phrases, f.also_phrases, f.unless_words, f.silences)
  AND (m.seed_md5 = safety_measure_md5(m.phrases, m.also_phrases, m.unless_words, m.silences)
       OR (m.seed_md5 IS NULL AND safety_measure_md5(m.phrases, m.also_phrases, m.unless_words, m.silences) IN (
           -- stop 23's rows as shipped
           '587707715a1d91de3aa4a328951cdcea', '8cfafdecd8ddb5d5bea5a8a12747c8bc', '853a921b5d9ce76ae69d419f168e0de7',
           '4f71a2b5b8bfd5d06f065f7ca60e8baa', 'e501f61a4422e176eb4f5fbf7755fdc5', 'f5b5afe8da066ac471d26934e527ab5f',
           'bbd846b554a7794dd4f73fb1fdb7f040')));
UPDATE safety_measures m
SET seed_md5 = safety_measure_md5(f.phrases, f.also_phrases, f.unless_words, f.silences)
FROM safety_measures_seed() AS f
WHERE f.slug = m.slug AND m.seed_md5 IS NULL
  AND safety_measure_md5(m.phrases, m.also_phrases, m.unless_words, m.silences)
      = safety_measure_md5(f.phrases, f.also_phrases, f.unless_words, f.silences);

-- ---------------------------------------------------------------------------------------------------------
-- Acts of making safe, read by the shape of the sentence (stop 25, SAFETY-9.md "Results (helper safety9, stop 25)"):
-- a verb of making safe in a completed form whose object is the source of a danger ("ya cerré la llave del gas", "el
-- cliente desconectó el termo", "se cortó la luz del cuadro", "con el gas cortado", "la térmica ya la bajé"), instead
-- of one phrase per wording. One row per act, staff-editable:
--   `verbs`   infinitives (cerrar, cortar, desconectar…), whose completed forms the chat reads: preterite (corté,
--             cortó, cortamos, cortaron), participle (cortado/a/os/as, so also "he cortado", "está cortado", "con el
--             gas cortado", "ya cortado"); an entry that is not an infinitive is read as a form as written
--             (irregular verbs: "puse", "puesto", "abierto"). Nothing else: not "voy a cortar", "hay que cortar",
--             "corto" (present), "cortaría", "cortaré";
--   `objects` what the verb must act on (the source of the danger: "gas", "breaker*", "lo"…), within the same part of
--             the message (between punctuation marks, and not past a word of measure_verb_boundary_words: "y",
--             "pero"…), up to five words after the verb ("cerré la llave del gas") or before it ("el gas ya lo
--             cerré", "con el gas cortado"); empty = the verb alone is enough ("ya desenchufé").
-- An act does not count when a word of measure_verb_doubt_words is among the three words before the verb ("no lo he
-- cortado", "creo que ya corté", "no sé si lo corté"), when a word of measure_verb_mood_words comes right before it
-- (pronouns and "ya" skipped: "cuando corte la luz", "dile que corte", "el corte de luz"), or when its part of the
-- message is a question ("¿cerraste el gas?", "¿se cortó la luz?": a part that starts with "¿"). "cortó" written
-- without its accent is also the present "corto" ("ahora corto la luz"): such a form counts only written with the
-- accent, after a word of measure_past_markers ("se", "el cliente"…; not "ya" since stop 26: "ya lo corto" is "I cut it
-- now") among the four words before, or after "y" when the verb before it was past. Dictated punctuation ("coma", "punto") separates parts as written marks do.
-- An act is no measure by itself: a row of safety_measures names it in its lists as "@slug" (phrases, also_phrases,
-- ended_by), and that row says which rules it silences, with its unless_words and ended_by as for phrases. So "gas
-- closed" silences only the gas-work rule, "unplugged" and "power cut at the panel" the electricity rules (together,
-- as the desenchufado-y-cortado row asks), and a later "abrí el gas" (act gas-abierto) ends the gas measure.
-- String functions only when reading a message (the forms are made by a trigger when staff edit a row).
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS safety_measure_acts (
    slug          text PRIMARY KEY CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    description   text NOT NULL DEFAULT '',
    verbs         text NOT NULL DEFAULT '',
    objects       text NOT NULL DEFAULT '',
    active        boolean NOT NULL DEFAULT true,
    forms_items   text[] NOT NULL DEFAULT '{}',   -- the completed forms of `verbs`, ready for the chat (trigger)
    marked_items  text[] NOT NULL DEFAULT '{}',   -- those also read as a present tense without their accent (trigger)
    objects_items text[] NOT NULL DEFAULT '{}',   -- `objects` ready for the chat (trigger)
    seed_md5      text,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The completed forms of a list of verbs (see above), without accents; `marked`: the third person singular preterite
-- of -ar verbs, which without its accent is also the present's first person ("corto", "desconecto").
CREATE OR REPLACE FUNCTION safety_verb_forms(verbs text, OUT forms text[], OUT marked text[])
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v text;
    stem text;
    first text;     -- the first person singular preterite, spelling changed before -e: saqué, apagué, aislé
BEGIN
    forms := '{}';
    marked := '{}';
    FOREACH v IN ARRAY safety_list_items(verbs) LOOP
        CONTINUE WHEN v LIKE '% %' OR v LIKE '%*%';      -- one word per verb
        stem := left(v, -2);
        IF length(v) > 3 AND right(v, 2) = 'ar' THEN
            first := CASE right(stem, 1) WHEN 'c' THEN left(stem, -1) || 'qu' WHEN 'g' THEN stem || 'u'
                                         WHEN 'z' THEN left(stem, -1) || 'c' ELSE stem END || 'e';
            forms := forms || ARRAY[first, stem || 'o', stem || 'amos', stem || 'aron', stem || 'ado', stem || 'ada',
                                    stem || 'ados', stem || 'adas'];
            marked := marked || (stem || 'o');
        ELSIF length(v) > 3 AND right(v, 2) IN ('er', 'ir') THEN
            forms := forms || ARRAY[stem || 'i', stem || 'io', stem || 'imos', stem || 'ieron', stem || 'ido',
                                    stem || 'ida', stem || 'idos', stem || 'idas'];
        ELSE
            forms := forms || v;                        -- a form written as is ("puse", "abierto")
        END IF;
    END LOOP;
    forms := ARRAY(SELECT DISTINCT x FROM unnest(forms) AS x ORDER BY x);
    marked := ARRAY(SELECT DISTINCT x FROM unnest(marked) AS x ORDER BY x);
END
$$;

CREATE OR REPLACE FUNCTION safety_measure_acts_items() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    f record;
BEGIN
    f := safety_verb_forms(NEW.verbs);
    NEW.forms_items := f.forms;
    NEW.marked_items := f.marked;
    NEW.objects_items := safety_list_items(NEW.objects);
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER safety_measure_acts_items BEFORE INSERT OR UPDATE OF verbs, objects
    ON safety_measure_acts FOR EACH ROW EXECUTE FUNCTION safety_measure_acts_items();

CREATE OR REPLACE TRIGGER safety_measure_acts_touch BEFORE UPDATE ON safety_measure_acts
    FOR EACH ROW EXECUTE FUNCTION kb_touch_updated_at();

INSERT INTO safety_settings (key, value, description) VALUES
    ('measure_verb_doubt_words',
     'no, ni, nunca, sin, si, creo, creia, parece, supongo, capaz, quizas, quiza, falta, faltaria, antes, hay, '
     'habria, debo, debe, deberia, puedo, puede, podria, voy, vamos, va, necesito, quiero, pienso, estar, este, '
     'esten, quede, queden, quedar, dejar, dejarlo, dejarla, sea',
     'A word among the three right before the verb of an act of making safe (safety_measure_acts) that leaves it not '
     'done or not sure: "no lo he cortado", "creo que ya corté", "no sé si lo corté", "antes de que lo desconectes", '
     '"tengo que cerrar". Single whole words, comma separated.'),
    ('measure_verb_mood_words',
     'que, cuando, hasta, ojala, mientras, para, el, un, una, del, al',
     'A word right before the verb of an act (its pronouns and "ya" skipped) that makes it a wish, an order or a '
     'time still to come ("dile que corte la luz", "cuando corte la luz", "hasta que lo desconecte") or a noun ("el '
     'corte de luz"): the act does not count. Single whole words, comma separated.'),
    ('measure_verb_skip_words',
     'lo, la, los, las, le, les, se, me, te, nos, ya',
     'Pronouns and "ya", skipped when looking for the word right before the verb of an act (measure_verb_mood_words).'),
    ('measure_past_markers',
     'se, cliente, clienta, senora, senor, dueno, duena, vecino, vecina, electricista, gasista, '
     'gasfiter, tecnico, companero, ayudante, maestro, encargado, portero, conserje, inquilino, hijo, esposo, '
     'empresa, distribuidora, compania, plomero, fontanero, operario, sobrino, primo, hermano, papa, '
     'esposa, marido, customer, owner, alguien',
     'A word among the four before a verb form like "corto", "desconecto" (third person past written without its '
     'accent, which is also "I cut") that makes it a past act: "el cliente desconecto el termo", "se corto la luz". '
     'Not "ya": "ya lo corto" is "I cut it now" in much of Latin America (stop 26). Single whole words, comma '
     'separated.'),
    ('measure_verb_boundary_words',
     'y, e, pero, aunque, porque, pues, mientras, cuando, sino, luego, despues, ahora, entonces, tambien, o',
     'The object of an act is looked for only up to one of these words ("cerré la llave de paso y el gas sigue '
     'abierto" is not the gas closed). Single whole words, comma separated.')
ON CONFLICT (key) DO UPDATE SET description = EXCLUDED.description
 WHERE safety_settings.description IS DISTINCT FROM EXCLUDED.description;

-- Stop 26: "ya" is no longer a past marker ("ya lo corto", "ya lo desconecto" = I cut it now: not a measure taken). A
-- database still holding the value shipped at stop 25 gets the new one; a value staff changed is kept.
UPDATE safety_settings
SET value = 'se, cliente, clienta, senora, senor, dueno, duena, vecino, vecina, electricista, gasista, '
     'gasfiter, tecnico, companero, ayudante, maestro, encargado, portero, conserje, inquilino, hijo, esposo, '
     'empresa, distribuidora, compania, plomero, fontanero, operario, sobrino, primo, hermano, papa, '
     'esposa, marido, customer, owner, alguien'
WHERE key = 'measure_past_markers'
  AND value = 'ya, se, cliente, clienta, senora, senor, dueno, duena, vecino, vecina, electricista, gasista, '
     'gasfiter, tecnico, companero, ayudante, maestro, encargado, portero, conserje, inquilino, hijo, esposo, '
     'empresa, distribuidora, compania, plomero, fontanero, operario, sobrino, primo, hermano, papa, '
     'esposa, marido, customer, owner, alguien';

CREATE OR REPLACE FUNCTION safety_measure_acts_seed()
RETURNS TABLE (slug text, description text, verbs text, objects text)
LANGUAGE sql IMMUTABLE AS $seed$
VALUES
    ('gas-cerrado',
     'The gas shut off: a valve, the meter, the bottle or the supply closed.',
     'cerrar, cortar, trancar, bloquear',
     'gas, gases, gas natural, butano, propano, medidor, contador, garrafa*, bombona*, balon de gas, cilindro de gas, '
     'tanque de gas, tanque estacionario, regulador*, valvula del gas, valvula de gas, suministro de gas'),
    ('gas-abierto',
     'The gas opened again (ends a gas-closed measure).',
     'abrir, abierto, abierta, reabrir, di, dimos, dieron, restablecer',
     'gas, gases, gas natural, butano, propano, medidor, contador, garrafa*, bombona*, balon de gas, cilindro de gas, '
     'tanque de gas, tanque estacionario, regulador*, valvula del gas, valvula de gas, suministro de gas'),
    ('corriente-cortada',
     'The power cut at the panel: the breaker, fuse or switch of the circuit off, or the electricity cut.',
     'cortar, bajar, apagar, quitar, sacar, desconectar, desactivar, tumbar, botar, desenergizar, aislar',
     'breaker*, braker*, breiker*, brecker*, termica, termicas, termico, termicos, llave termica, diferencial*, '
     'automatico, automaticos, pastilla*, taco, tacos, fusible*, flipon*, cuchilla*, interruptor general, '
     'interruptor del cuadro, tablero, cuadro, caja de breakers, panel, circuito*, disyuntor*, magnetotermico*'),
    ('luz-cortada',
     'The electricity cut (not a light switched off: "apagué la luz" is not this act).',
     'cortar, quitar, desconectar, desactivar, suspender',
     'luz, corriente, electricidad, energia, energia electrica, tension, voltaje, suministro electrico, alimentacion'),
    ('desenchufado',
     'Unplugged: the plug pulled out (whatever is named).',
     'desenchufar',
     ''),
    ('desconectado',
     'An electric appliance, its cable or plug disconnected.',
     'desconectar',
     'lo, la, los, las, termo, termos, terma, termas, termotanque*, calentador electrico, ducha*, regadera*, bomba*, '
     'motobomba*, hidroneumatico*, hidro, triturador*, trituradora*, disposal*, cable*, '
     'enchufe*, clavija*, toma*, aparato*, resistencia*, water heater, pump'),
    ('retirado',
     'A part taken out or removed ("ya lo retiró una empresa", "sacamos la bajante de fibrocemento"): who did it is '
     'for the measure row to ask.',
     'retirar, quitar, sacar, desmontar, remover, eliminar, desinstalar',
     'lo, la, los, las, amianto, asbesto, fibrocemento, uralita, eternit, pizarreno, tanque*, deposito*, tinaco*, '
     'bajante*, tubo*, tuberia*, cano*, caneria*, placa*, plancha*, techo*, chapa*'),
    -- stop 26 (SAFETY.md "Stop 26"): heat and pressure let down, for the measures agua-enfriada and presion-liberada
    ('enfriado',
     'Cooled down: "ya se enfrió", "lo enfriamos", "está enfriado".',
     'enfriar',
     ''),
    ('dejado-enfriar',
     'Left to cool: "ya lo dejé enfriar", "lo dejamos enfriar toda la noche", "dejé que se enfriara".',
     'dejar',
     'enfriar, enfriarse, enfriando, enfriara, enfriase, enfriado, enfriada, que se enfrie, que se enfriara, '
     'que se enfriase, bajar la temperatura, que baje la temperatura, que bajara la temperatura'),
    ('vaciado',
     'A water heater, tank or vessel drained: "ya vacié el termo", "lo drenamos", "el tanque está vaciado".',
     'vaciar, drenar, desagotar, desaguar',
     'lo, la, los, las, termo, termos, terma, termas, termotanque*, calentador*, boiler*, calefon*, calefont*, '
     'tanque*, estanque*, deposito*, acumulador*, interacumulador*, calderin*, hidro, hidroneumatico*, vaso*, '
     'pulmon*, tinaco*, agua, todo, toda, water heater, heater, tank'),
    ('despresurizado',
     'The pressure let out of a line or vessel: "ya despresuricé", "purgamos la red", "está despresurizado".',
     'despresurizar, purgar',
     ''),
    ('presion-bajada',
     'The pressure taken down: "bajé la presión", "ya le quité la presión", "soltamos la presión a cero".',
     'bajar, quitar, sacar, liberar, soltar, aliviar, descargar, eliminar',
     'presion, presiones, la presion, toda la presion, a cero, en cero, pressure'),
    ('cables-retirados',
     'The supply wires taken off the appliance ("el electricista sacó los cables del calentador", "ya desconecté los '
     'cables y les puse capuchón"): a second isolation besides the breaker.',
     'sacar, quitar, retirar, desconectar, desempalmar, soltar',
     'cables, los cables, cableado, el cableado, conductores, los conductores, wires, the wires'),
    ('corriente-dada',
     'The power back on at the panel or the appliance plugged in again (ends an electric measure).',
     'subir, activar, reactivar, enchufar, reenchufar, conectar, reconectar, restablecer',
     'breaker*, braker*, breiker*, termica, termico, llave termica, diferencial*, automatico, pastilla*, taco, '
     'fusible*, flipon*, cuchilla*, luz, corriente, electricidad, energia, tension, lo, la, termo, terma, bomba*, '
     'ducha*, triturador*, disposal*, enchufe, cable*')
$seed$;

-- Shipped acts: added to a fresh database; in an existing one a row's lists follow this file while staff have not
-- changed them since it last wrote them (seed_md5), as for safety_measures.
INSERT INTO safety_measure_acts (slug, description, verbs, objects, seed_md5)
SELECT f.slug, f.description, f.verbs, f.objects, md5(f.verbs || chr(31) || f.objects)
FROM safety_measure_acts_seed() AS f
ON CONFLICT (slug) DO UPDATE SET description = EXCLUDED.description
 WHERE safety_measure_acts.description IS DISTINCT FROM EXCLUDED.description;

UPDATE safety_measure_acts a
SET verbs = f.verbs, objects = f.objects, seed_md5 = md5(f.verbs || chr(31) || f.objects)
FROM safety_measure_acts_seed() AS f
WHERE f.slug = a.slug AND a.seed_md5 = md5(a.verbs || chr(31) || a.objects)
  AND md5(a.verbs || chr(31) || a.objects) <> md5(f.verbs || chr(31) || f.objects);

-- The acts of making safe a message states (the table above): their slugs, '{}' when none.
CREATE OR REPLACE FUNCTION safety_acts(question text) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    lowered text;
    plain text;
    part text;
    w text[];
    a safety_measure_acts;
    found text[] := '{}';
    doubt text[];
    mood text[];
    skip text[];
    markers text[];
    boundary text[];
    i integer;
    j integer;
    k integer;
    before_verb text;
    after text;
    all_forms text[];
    all_marked text[];
    past integer[];
    previous_past boolean;
BEGIN
    IF question IS NULL OR btrim(question) = '' THEN
        RETURN found;
    END IF;
    plain := safety_plain_words(question);
    -- a quick look first: most messages hold no form of any act's verb
    IF NOT EXISTS (SELECT 1 FROM safety_measure_acts x, unnest(x.forms_items) AS f
                   WHERE x.active AND strpos(plain, ' ' || f || ' ') > 0) THEN
        RETURN found;
    END IF;
    doubt := safety_setting_items('measure_verb_doubt_words');
    mood := safety_setting_items('measure_verb_mood_words');
    skip := safety_setting_items('measure_verb_skip_words');
    markers := safety_setting_items('measure_past_markers');
    boundary := safety_setting_items('measure_verb_boundary_words');
    lowered := lower(question);
    previous_past := false;
    SELECT coalesce(array_agg(DISTINCT f), '{}') INTO all_forms
    FROM safety_measure_acts x, unnest(x.forms_items) AS f WHERE x.active;
    SELECT coalesce(array_agg(DISTINCT f), '{}') INTO all_marked
    FROM safety_measure_acts x, unnest(x.marked_items) AS f WHERE x.active;
    -- parts: between punctuation marks, also dictated ones ("coma", "punto")
    FOREACH part IN ARRAY string_to_array(translate(replace(replace(' ' || lowered || ' ', ' coma ', ' , '),
                                                            ' punto ', ' . '), E',.;:!?\n', '|||||||'), '|') LOOP
        CONTINUE WHEN left(btrim(part), 1) = '¿';        -- a question: "¿ya cortaste la luz?"
        plain := safety_plain_words(part);
        w := array_remove(string_to_array(btrim(plain), ' '), '');
        CONTINUE WHEN cardinality(w) = 0;
        -- which verb forms of this part tell a past act: all but "corto", "desconecto"…, which count only with their
        -- accent, after a marker among the four words before ("ya", "se", "el cliente": "el cliente ya lo
        -- desconecto"), or after "y" when the verb before was past ("el cliente desconectó la bomba y bajo la
        -- térmica"; not "ahora corto la luz y bajo el breaker")
        past := '{}';
        -- (stop 26) previous_past is carried from the part before: "el electricista desconectó el breaker, lo rotuló
        -- y sacó los cables" (a comma between two past verbs of one subject)
        FOR i IN 1 .. cardinality(w) LOOP
            CONTINUE WHEN NOT w[i] = ANY (all_forms);
            previous_past := NOT w[i] = ANY (all_marked)
                OR strpos(lowered, left(w[i], -1) || 'ó') > 0
                OR EXISTS (SELECT 1 FROM unnest(w[greatest(i - 4, 1):i - 1]) AS b WHERE b = ANY (markers))
                OR (i > 1 AND w[i - 1] IN ('y', 'e') AND previous_past);
            -- (stop 26) or the subject right after the verb, before a boundary word: "ya lo retiro una empresa", "lo
            -- desconecto el electricista" ("ya" is no marker any more: "ya lo corto" is "I cut it now")
            IF NOT previous_past THEN
                FOR k IN i + 1 .. least(i + 3, cardinality(w)) LOOP
                    EXIT WHEN w[k] = ANY (boundary);
                    IF w[k] <> 'se' AND w[k] = ANY (markers) THEN
                        previous_past := true;
                        EXIT;
                    END IF;
                END LOOP;
            END IF;
            IF previous_past THEN
                past := past || i;
            END IF;
        END LOOP;
        FOR a IN SELECT * FROM safety_measure_acts x WHERE x.active AND NOT x.slug = ANY (found)
                 AND EXISTS (SELECT 1 FROM unnest(x.forms_items) AS f WHERE strpos(plain, ' ' || f || ' ') > 0)
                 ORDER BY x.slug LOOP
            FOR i IN 1 .. cardinality(w) LOOP
                CONTINUE WHEN NOT w[i] = ANY (a.forms_items);
                -- a doubt among the three words before
                CONTINUE WHEN EXISTS (SELECT 1 FROM unnest(w[greatest(i - 3, 1):i - 1]) AS b WHERE b = ANY (doubt));
                -- a wish, an order, a time to come or a noun right before (pronouns and "ya" skipped)
                j := i - 1;
                WHILE j >= 1 AND w[j] = ANY (skip) LOOP
                    j := j - 1;
                END LOOP;
                CONTINUE WHEN j >= 1 AND w[j] = ANY (mood);
                CONTINUE WHEN NOT i = ANY (past);                -- "ahora corto la luz" (above)
                IF cardinality(a.objects_items) = 0 THEN
                    found := found || a.slug;
                    EXIT;
                END IF;
                -- the object: up to five words after the verb or before it, not past a boundary word; a pronoun
                -- ("lo", "la"…) only among the two words right before it ("lo desconecté", "lo tengo desconectado")
                after := ' ';
                FOR k IN i + 1 .. least(i + 5, cardinality(w)) LOOP
                    EXIT WHEN w[k] = ANY (boundary);
                    after := after || w[k] || ' ';
                END LOOP;
                before_verb := ' ';
                FOR k IN REVERSE i - 1 .. greatest(i - 5, 1) LOOP
                    EXIT WHEN w[k] = ANY (boundary);
                    before_verb := ' ' || w[k] || before_verb;
                END LOOP;
                IF EXISTS (SELECT 1 FROM unnest(a.objects_items) AS o
                           WHERE CASE WHEN o IN ('lo', 'la', 'los', 'las', 'le', 'les')
                                      THEN o = ANY (w[greatest(i - 2, 1):i - 1])
                                      ELSE safety_list_position(before_verb, o) > 0 OR safety_list_position(after, o) > 0
                                 END) THEN
                    found := found || a.slug;
                    EXIT;
                END IF;
            END LOOP;
        END LOOP;
    END LOOP;
    RETURN found;
END
$$;

-- Does one of the entries occur in the words (safety_plain_words) with no doubt word among the two words before it?
-- An entry "@slug" is found when that act is among `acts` (safety_acts of the same message: it reads its own doubts).
DROP FUNCTION IF EXISTS safety_list_found(text, text[], text[]);
CREATE OR REPLACE FUNCTION safety_list_found(words text, entries text[], doubt text[], acts text[] DEFAULT '{}')
RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    e text;
    at integer;
    before text[];
BEGIN
    FOREACH e IN ARRAY coalesce(entries, '{}') LOOP
        IF left(e, 1) = '@' THEN
            IF substr(e, 2) = ANY (coalesce(acts, '{}')) THEN
                RETURN true;
            END IF;
            CONTINUE;
        END IF;
        at := safety_list_position(words, e);
        CONTINUE WHEN at = 0;
        before := string_to_array(btrim(substr(words, 1, at)), ' ');
        IF NOT EXISTS (SELECT 1 FROM unnest(before[greatest(cardinality(before) - 1, 1):]) AS w
                       WHERE w = ANY (doubt)) THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END
$$;

-- The measures a message states (the table above): the rows whose phrases (and also_phrases) it has, without a doubt
-- word before them, or whose acts it states ("@slug": safety_acts), and none of whose unless_words it has.
CREATE OR REPLACE FUNCTION safety_measures_held(question text) RETURNS SETOF safety_measures
LANGUAGE plpgsql STABLE AS $$
DECLARE
    words text;
    doubt text[];
    acts text[];
    m safety_measures;
BEGIN
    IF question IS NULL OR btrim(question) = '' THEN
        RETURN;
    END IF;
    words := safety_plain_words(question);
    FOR m IN SELECT * FROM safety_measures WHERE active ORDER BY slug LOOP
        IF acts IS NULL AND EXISTS (SELECT 1 FROM unnest(m.phrases_items) AS x WHERE left(x, 1) = '@') THEN
            acts := safety_acts(question);               -- once per message, and only when a row names an act
        END IF;
        -- a quick look first: most messages hold no measure
        CONTINUE WHEN NOT EXISTS (SELECT 1 FROM unnest(m.phrases_items) AS x
                                  WHERE CASE WHEN left(x, 1) = '@' THEN substr(x, 2) = ANY (acts)
                                             ELSE strpos(words, ' ' || rtrim(x, '*')) > 0 END);
        IF doubt IS NULL THEN
            doubt := safety_setting_items('measure_doubt_words');
        END IF;
        IF safety_list_found(words, m.phrases_items, doubt, acts)
           AND (cardinality(m.also_items) = 0 OR safety_list_found(words, m.also_items, doubt, acts))
           AND NOT EXISTS (SELECT 1 FROM unnest(m.unless_items) AS u WHERE safety_list_position(words, u) > 0) THEN
            RETURN NEXT m;
        END IF;
    END LOOP;
END
$$;

-- The rules a measure already taken silences for this message (the table above); '{}' when none.
CREATE OR REPLACE FUNCTION safety_silenced(question text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(x ORDER BY h.slug, n), '{}')
    FROM safety_measures_held(question) AS h, unnest(h.silences) WITH ORDINALITY AS u(x, n)
$$;

-- safety_check's answer without the rules of `silenced`: the next matching rule by priority, or none.
CREATE OR REPLACE FUNCTION safety_check_without(question text, silenced text[])
RETURNS TABLE (triggered boolean, rule text, message text, rules text[])
LANGUAGE sql STABLE AS $$
    WITH c AS (SELECT * FROM safety_check(question)),
    kept AS (SELECT coalesce(array_agg(x ORDER BY n), '{}') AS rules
             FROM c, unnest(c.rules) WITH ORDINALITY AS u(x, n)
             WHERE NOT x = ANY (coalesce(silenced, '{}')))
    SELECT cardinality(kept.rules) > 0, kept.rules[1],
           (SELECT r.message FROM safety_rules r WHERE r.slug = kept.rules[1]), kept.rules
    FROM kept
$$;

DROP FUNCTION IF EXISTS safety_words_rx(text);
-- The words of a message that starts another job (step 2 above): what follows its last change-of-job phrase (as
-- safety_plain_words) when that text has at least topic_change_min_words words and none of
-- topic_change_keep_words; NULL when the message does not change job.
CREATE OR REPLACE FUNCTION safety_new_job(question text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    min_words integer := safety_setting_integer('topic_change_min_words', 3);
    rest text := safety_after_job_phrase(question);   -- the words after the last change-of-job phrase
BEGIN
    IF rest IS NULL THEN
        RETURN NULL;
    END IF;
    rest := ' ' || rest || ' ';
    IF coalesce(array_length(array_remove(string_to_array(btrim(rest), ' '), ''), 1), 0) >= min_words
       AND NOT EXISTS (SELECT 1 FROM unnest(safety_setting_items('topic_change_keep_words')) AS k
                       WHERE safety_list_position(rest, k) > 0) THEN
        RETURN btrim(rest);
    END IF;
    RETURN NULL;
END
$$;

-- The words after the message's last change-of-job phrase (as safety_plain_words, '' when nothing follows), whatever
-- they are; NULL when it has no such phrase. For the measures carried to later messages (safety_kept_measures): any
-- change-of-job phrase ends them, even one followed by a keep word ("en otra casa, ¿cambio la resistencia del termo?"
-- is another termo), because there the cautious reading is the opposite of step 2's.
CREATE OR REPLACE FUNCTION safety_after_job_phrase(question text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    words text := safety_plain_words(question);
    phrase_end integer;
BEGIN
    -- where the last change-of-job phrase ends (searching the reversed text finds the last one); phrases are
    -- whole words
    SELECT max(length(words) - position(reverse(' ' || p || ' ') IN reverse(words)) + 2)
    INTO phrase_end
    FROM unnest(safety_setting_items('topic_change_phrases')) AS p
    WHERE position(' ' || p || ' ' IN words) > 0;
    RETURN CASE WHEN phrase_end IS NOT NULL THEN btrim(substr(words, phrase_end)) END;
END
$$;

-- Does the message say it is about another job (step 2 above)?
CREATE OR REPLACE FUNCTION safety_topic_change(question text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT safety_new_job(question) IS NOT NULL
$$;

-- The parts of a message between punctuation marks, those of two words or more (a message without punctuation, as
-- speech-to-text writes it, is one part; splitting those at "y", "pero", "pues"… was tried and measured worse:
-- SAFETY-5.md "Stop 22").
CREATE OR REPLACE FUNCTION safety_clauses(message text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(btrim(c)), '{}')
    FROM unnest(string_to_array(translate(coalesce(message, ''), E',.;:?!¿¡()\n', '|||||||||||'), '|')) AS c
    WHERE position(' ' IN btrim(c)) > 0
$$;

-- The earlier messages of the current job (step 4 above), newest first, each as safety_unsaid reads it: the
-- plumber's messages the chat answered less than `within` ago, at most `most` of them, stopping at the message that
-- changed job (only its words after the change-of-job phrase count). Read once per turn (safety_check_conversation
-- builds both of its readings from them).
CREATE OR REPLACE FUNCTION safety_job_messages(p_conversation_id text, within interval, most integer)
RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    m record;
    job text[] := '{}';
    rest text;
BEGIN
    FOR m IN
        SELECT p.text
        FROM messages a
        JOIN messages p ON p.id = a.in_reply_to AND p.conversation_id = a.conversation_id AND p.role = 'user'
        WHERE a.conversation_id = p_conversation_id AND a.role = 'assistant'
          AND a.created_at > now() - coalesce(within, interval '30 minutes')
        ORDER BY a.created_at DESC, a.seq DESC
        LIMIT greatest(coalesce(most, 1), 1)
    LOOP
        rest := safety_new_job(m.text);
        job := job || safety_unsaid(coalesce(rest, m.text));
        EXIT WHEN rest IS NOT NULL;
    END LOOP;
    RETURN job;
END
$$;

-- Measures carried to later messages (stop 24, README "Measures already taken"): a measure the plumber stated in one
-- of his last `measure_messages_kept` messages (answered less than `within` ago) still holds for this message when
-- neither this message nor any message after the one that stated it has a change-of-job phrase (any:
-- safety_after_job_phrase; only the words after such a phrase in the stating message count) or one of the measure's
-- ended_by phrases (the measure undone, "lo volví a enchufar", or the danger back, "me dio un calambre"; not with a
-- word of measure_end_negations among the two before it: "no lo volví a enchufar"). `silenced`: the rules of the
-- measures still held; `ended`: the rules of measures stated in the job and ended since, which step 4 may show again
-- although the earlier messages alone already showed them (they were silenced then, so no answer carried them).
CREATE OR REPLACE FUNCTION safety_kept_measures(question text, p_conversation_id text, within interval,
                                                OUT silenced text[], OUT ended text[])
LANGUAGE plpgsql STABLE AS $$
DECLARE
    most integer := least(safety_setting_integer('measure_messages_kept', 4), 99);
    earlier text[];
    words text[];
    later text[];
    later_acts text[];                                   -- the acts of each message of `later`, space separated
    negations text[];
    h safety_measures;
    rest text;
BEGIN
    silenced := '{}';
    ended := '{}';
    IF most = 0 OR question IS NULL THEN
        RETURN;                                          -- off
    END IF;
    SELECT coalesce(array_agg(t.text ORDER BY t.created_at DESC, t.seq DESC), '{}') INTO earlier
    FROM (SELECT p.text, a.created_at, a.seq
          FROM messages a
          JOIN messages p ON p.id = a.in_reply_to AND p.conversation_id = a.conversation_id AND p.role = 'user'
          WHERE a.conversation_id = p_conversation_id AND a.role = 'assistant'
            AND a.created_at > now() - coalesce(within, interval '30 minutes')
          ORDER BY a.created_at DESC, a.seq DESC
          LIMIT most) AS t;
    -- a quick look first (a phrase of a measure anywhere, as safety_measures_held looks): most conversations state
    -- no measure
    words := ARRAY(SELECT safety_plain_words(t) FROM unnest(earlier) WITH ORDINALITY AS u(t, n) ORDER BY n);
    IF NOT EXISTS (SELECT 1 FROM unnest(words) AS w, safety_measures m, unnest(m.phrases_items) AS x
                   WHERE m.active AND left(x, 1) <> '@' AND strpos(w, ' ' || rtrim(x, '*')) > 0)
       AND NOT EXISTS (SELECT 1 FROM unnest(words) AS w, safety_measure_acts a, unnest(a.forms_items) AS f
                       WHERE a.active AND strpos(w, ' ' || f || ' ') > 0)
       OR safety_after_job_phrase(question) IS NOT NULL THEN
        RETURN;                                          -- nothing stated, or this message starts another job
    END IF;
    later := ARRAY[safety_plain_words(question)];
    later_acts := ARRAY[array_to_string(safety_acts(question), ' ')];
    FOR i IN 1 .. cardinality(earlier) LOOP
        rest := safety_after_job_phrase(earlier[i]);
        FOR h IN SELECT * FROM safety_measures_held(coalesce(rest, earlier[i])) LOOP
            IF negations IS NULL THEN
                negations := safety_setting_items('measure_end_negations');
            END IF;
            -- undone in a later message: one of its ended_by phrases, or acts ("@gas-abierto": "abrí el gas")
            IF EXISTS (SELECT 1 FROM unnest(later, later_acts) AS u(w, a)
                       WHERE safety_list_found(w, h.ended_items, negations, string_to_array(a, ' '))) THEN
                ended := ended || h.silences;
            ELSE
                silenced := silenced || h.silences;
            END IF;
        END LOOP;
        EXIT WHEN rest IS NOT NULL;                      -- that message started this job
        later := later || words[i];
        later_acts := later_acts || array_to_string(safety_acts(earlier[i]), ' ');
    END LOOP;
    ended := ARRAY(SELECT DISTINCT x FROM unnest(ended) AS x WHERE NOT x = ANY (silenced) ORDER BY x);
END
$$;

-- The current job read together (step 4 above), or NULL when this is its first message: `question` (as
-- safety_unsaid reads it) with the earlier messages of safety_job_messages (newest first). Each is put
-- right before this message, and again after it (oldest first: "earlier 1 / this / earlier 1 / earlier 2 / this
-- / earlier 2"), so that a rule finds its words whatever turns came between ("tengo un calefont en la logia" /
-- "espera" / "la señora se marea") and in either order. In the reverse order (this message, then an earlier
-- one) a gap keeps apart the words that a pattern wants close together ("cambio ... gas" within 60 letters):
-- "tengo un termotanque a gas" then "la canilla gotea, ¿le cambio el cuerito?" is not gas work; only the
-- patterns whose words may be anywhere in a message ("calentador ... extractor ... la llama") read that order.
DROP FUNCTION IF EXISTS safety_job_reading(text, text, interval, integer);
CREATE OR REPLACE FUNCTION safety_job_reading(question text, earlier_messages text[])
RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    job text[] := '{}';
    earlier text;
    -- wider than any bounded gap of the rules ({0,100}): after this message, an earlier one is read only by the
    -- patterns whose words may be anywhere in a message
    gap text := repeat('- ', 60);
    these text[] := safety_clauses(question);
BEGIN
    FOREACH earlier IN ARRAY coalesce(earlier_messages, '{}') LOOP
        job := (earlier || E'\n' || coalesce(question, '') || E'\n' || gap || earlier || E'\n' || gap) || job;
        -- each part of the earlier message (between punctuation marks) right before each part of this one: the
        -- words a rule wants close stay close when each message says more than the danger ("el pozo negro está
        -- hasta arriba, el dueño es muy amable" / "mira, te cuento: quiero bajar con una escalera")
        IF cardinality(these) > 1 OR cardinality(safety_clauses(earlier)) > 1 THEN
            job := job || ARRAY(SELECT e || E'\n' || t || E'\n' || gap
                                FROM unnest(safety_clauses(earlier)) AS e, unnest(these) AS t);
        END IF;
    END LOOP;
    RETURN nullif(array_to_string(job, E'\n'), '');
END
$$;

-- Questions of information about a dangerous job (stop 31, bench/quality/TALK-31.md): "se quemó la resistencia del
-- termo, ¿cuál compro?", "¿conviene un termotanque a gas o uno eléctrico?", "¿de qué diámetro hago la succión de la
-- bomba?", "¿cuánto gas gasta un calefón?". They find the article of a dangerous job, but the plumber asks what to
-- buy or choose, a size, an amount or what a thing is, not how to do the work (not "¿es normal?": a danger told
-- as a symptom often ends so, "sigue saliendo gas, ¿es normal?"). The
-- linked notice is left out when the message has a phrase of 'link_information_phrases' and no word of
-- 'link_work_words' (doing the job: cambiar, instalar, conectar, abrir, desmontar, soldar, purgar, prender…):
-- "¿cuál resistencia compro y cómo la cambio?" still gets it. A rule fired by the words ("huele a gas", "me da
-- corriente") is never silenced by these lists, except the rules of 'information_quiet_rules' (shipped: only
-- termo-electrico-trabajo, work on an electric heater), whose danger is doing the work (safety_check_conversation). Staff-editable rows of
-- safety_settings (comma separated, case and accents do not matter, whole words, "word*" = every word starting
-- so). In doubt, add a work word: a missed notice is worse than a repeated one.
INSERT INTO safety_settings (key, value, description) VALUES
    ('link_information_phrases', '',
     'Phrases that make a question one of information (what to buy or choose, a size or amount, what a thing is): with one of them and no word of link_work_words, the safety notice linked to the '
     'cited article (kb_article_safety_rules) is not shown. Never silences a rule fired by the words. Empty (shipped): '
     'off, every linked notice is shown. Measured at stop 31 on the held-out splits 5-7, the suggested list '
     '(n8n-workflows/knowledge/README.md) took away 1 of 26 false alarms and lost 2 of the 101 notices shown: '
     'off until it loses none. information_quiet_rules acts only on such questions, so it is off too.'),
    ('link_work_words',
     'cambi*, instal*, conect*, desconect*, desmont*, desarm*, abrir, abro, abrirlo, abrirla, abre, quitar, '
     'quito, quitarle, sacar, saco, sacarle, sacarlo, sacarla, repar*, arregl*, soldar, sueldo, soldarlo, '
     'soldarla, purg*, vaciar, vacio, vaciarlo, encend*, enciend*, prend*, meter, meto, tocar, toco, medir, mido, '
     'revis*, prob*, prueb*, limpi*, mover, muevo, moverlo, alargar, alargo, cortar, corto, empalm*, enchuf*, '
     'desenchuf*, reemplaz*, sustitu*, montar, monto, colocar, coloco, manipul*, destap*, cerrar, cierro, '
     'cerrarlo, cerrarla',
     'Words of doing the job: a question with one of them keeps the linked safety notice even when it also has a '
     'phrase of link_information_phrases ("¿cuál compro y cómo la cambio?").'),
    ('information_quiet_rules', 'termo-electrico-trabajo',
     'Rules (slugs, comma separated) whose danger is in doing the work itself, not in the situation: on a question '
     'of information (link_information_phrases without link_work_words: "la resistencia está quemada, ¿cuál '
     'compro?") they are not shown even when the words match them. Never a rule of a danger that is there '
     '(gas smell, shocks, water on the electrics, carbon monoxide): those warn whatever is asked.')
ON CONFLICT (key) DO UPDATE SET description = EXCLUDED.description
 WHERE safety_settings.description IS DISTINCT FROM EXCLUDED.description;

CREATE OR REPLACE FUNCTION safety_link_information_only(question text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    WITH w AS (SELECT safety_plain_words(coalesce(question, '')) AS words)
    SELECT EXISTS (SELECT 1 FROM unnest(safety_setting_items('link_information_phrases')) e
                   WHERE safety_list_position(w.words, e) > 0)
           AND NOT EXISTS (SELECT 1 FROM unnest(safety_setting_items('link_work_words')) e
                           WHERE safety_list_position(w.words, e) > 0)
    FROM w
$$;

CREATE OR REPLACE FUNCTION safety_check_conversation(question text, p_conversation_id text,
                                                     within interval DEFAULT interval '30 minutes')
RETURNS TABLE (triggered boolean, rule text, message text, rules text[], carried boolean)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
    d record;
    last_rule text;
    previous text;
    earlier_messages text[];
    job text;
    before_this record;
    read_as text;
    silenced text[];
    kept record;
BEGIN
    read_as := safety_unsaid(question);
    kept := safety_kept_measures(question, p_conversation_id, within);
    silenced := safety_silenced(question) || kept.silenced;   -- its own measures and those stated earlier
    IF safety_link_information_only(question) THEN              -- "¿cuál compro?": not the work itself
        -- slugs as written (the items drop their hyphens); string functions, no regular expression
        silenced := silenced || ARRAY(SELECT lower(btrim(x)) FROM unnest(string_to_array(
                                          replace(coalesce(safety_setting('information_quiet_rules'), ''), ';', ','),
                                          ',')) AS x
                                      WHERE btrim(x) <> '');
    END IF;
    SELECT * INTO d FROM safety_check_without(read_as, silenced);
    IF d.triggered THEN                                          -- 1. its own words
        RETURN QUERY SELECT d.triggered, d.rule, d.message, d.rules, false;
        RETURN;
    END IF;
    SELECT m.metadata->>'safety_rule', p.text INTO last_rule, previous
    FROM messages m
    LEFT JOIN messages p ON p.id = m.in_reply_to AND p.conversation_id = m.conversation_id AND p.role = 'user'
    WHERE m.conversation_id = p_conversation_id AND m.role = 'assistant'
      AND m.created_at > now() - coalesce(within, interval '30 minutes')
      AND m.metadata->>'small_talk' IS DISTINCT FROM 'true'   -- a "gracias" answered as small talk is skipped
    ORDER BY m.created_at DESC, m.seq DESC
    LIMIT 1;
    IF (last_rule IS NULL AND previous IS NULL) OR safety_topic_change(question) THEN  -- 2. another job
        RETURN QUERY SELECT d.triggered, d.rule, d.message, d.rules, false;
        RETURN;
    END IF;
    RETURN QUERY                                                 -- 3. the last answer's rule
        SELECT true, r.slug, r.message, ARRAY[r.slug], true
        FROM safety_rules r WHERE r.slug = last_rule AND r.active AND NOT r.slug = ANY (silenced);
    IF FOUND THEN
        RETURN;
    END IF;
    IF lower(btrim(coalesce(safety_setting('read_previous_message'), 'on'))) NOT IN ('off', 'no', 'false', '0') THEN
        earlier_messages := safety_job_messages(p_conversation_id, within,
                                                least(safety_setting_integer('job_messages_read', 4), 99));
        job := safety_job_reading(read_as, earlier_messages);
    END IF;
    IF job IS NOT NULL THEN
        SELECT * INTO d FROM safety_check_without(job, silenced);
        IF d.triggered THEN                                      -- 4. the current job read together
            -- only when this message adds to the danger: a rule the earlier messages already show without it
            -- is carried by step 3 alone (the last answer showed it), never brought back after answers that did
            -- not ("dale, envíalo" at the end of an estimate for gas work is no new danger)
            -- (a rule a measure silenced then, and that measure has ended since, was not shown: it is shown now)
            SELECT * INTO before_this FROM safety_check(safety_job_reading('', earlier_messages));
            IF NOT coalesce(before_this.triggered AND d.rule = ANY (before_this.rules), false)
               OR d.rule = ANY (kept.ended) THEN
                RETURN QUERY SELECT d.triggered, d.rule, d.message, d.rules, true;
                RETURN;
            END IF;
        END IF;
    END IF;
    RETURN QUERY SELECT false, NULL::text, NULL::text, '{}'::text[], false;
END
$$;
