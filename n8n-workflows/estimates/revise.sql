-- Remedios: an estimate over several turns (revisions). Applied after estimates/schema.sql, match.sql and
-- page.sql, on every start. Idempotent: safe to run any number of times.
--
-- While a conversation has an estimate, the plumber's next messages may change it: complete a line "a cotizar"
-- ("de 22"), add ("añade dos codos de 22", "y 2 horas más"), remove ("quita la retirada"), change a quantity
-- ("son 5 metros", "que sean dos"), or send it ("envíalo"). Each change is a new revision of the same number:
-- the estimates row and its lines are always the latest revision (what the customer's link shows); every
-- revision, the first included, is kept in estimate_revisions with the items it was priced from (`inputs`),
-- the words that made it and what changed. An accepted or rejected estimate never changes: a new one is offered.
-- What the words do not settle is asked back, never guessed; every price comes from price_catalog.
--
--   SELECT estimate_change_kind(conversation_id, text)   -> text: NULL (not a change) or the kind of change
--   SELECT estimate_converse(conversation_id, text, message_id, public_url)
--       -> {"handled": false} or {"handled": true, "action": revised|asked|sent|locked, "number", "revision",
--          "changes": [...], "reply_text", "card"}

-- estimates.revision and estimates.inputs are in schema.sql (page.sql shows the revision).

CREATE TABLE IF NOT EXISTS estimate_revisions (
    estimate_id  bigint NOT NULL REFERENCES estimates(id) ON DELETE CASCADE,
    revision     integer NOT NULL CHECK (revision >= 1),
    created_at   timestamptz NOT NULL DEFAULT now(),
    inputs       jsonb NOT NULL,                    -- the items priced (estimate_create's format)
    words        text,                              -- the plumber's words that made it; NULL for revision 1
    message_id   text,                              -- the plumber's message that made it
    changes      jsonb NOT NULL DEFAULT '[]',       -- what changed from the previous revision (Spanish lines)
    snapshot     jsonb NOT NULL,                    -- estimate_json() as priced: lines, totals, text
    PRIMARY KEY (estimate_id, revision)
);

-- The conversation's current estimate: the one its next messages change. The latest one made in it.
CREATE TABLE IF NOT EXISTS estimate_conversation_current (
    conversation_id text PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
    estimate_id     bigint NOT NULL REFERENCES estimates(id) ON DELETE CASCADE,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- The change asked back in the conversation, waiting for the words that settle it ("ponle una más" → "¿una más
-- de cuál?" → "de las de paso"): {"op": "more", "value": n}; NULL when nothing waits. Any next message of the
-- conversation clears it (estimate_converse).
ALTER TABLE estimate_conversation_current ADD COLUMN IF NOT EXISTS pending jsonb;

-- The change a price question was answered for (est36, k5: "¿y cuánto sería con el de 80?" → «quedaría en …»):
-- {"words": the change as the plumber would say it, "revision": the revision it was priced on}; a "sí, ponlo" /
-- "vale, esa" as the next message of the conversation makes it (estimate_offer_taken), "no, déjalo así" keeps the
-- estimate (estimate_offer_declined); any next message clears it (estimate_converse).
ALTER TABLE estimate_conversation_current ADD COLUMN IF NOT EXISTS offered jsonb;

-- Called by estimate_create(): revision 1 and, with a conversation, its current estimate.
CREATE OR REPLACE FUNCTION estimate_revision_start(p_estimate bigint, p_items jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    e estimates;
BEGIN
    UPDATE estimates SET inputs = p_items, revision = 1 WHERE id = p_estimate RETURNING * INTO e;
    INSERT INTO estimate_revisions (estimate_id, revision, inputs, snapshot)
    VALUES (p_estimate, 1, p_items, estimate_json(e.number) - 'text');
    IF e.conversation_id IS NOT NULL THEN
        INSERT INTO estimate_conversation_current AS c (conversation_id, estimate_id) VALUES (e.conversation_id, p_estimate)
        ON CONFLICT (conversation_id) DO UPDATE SET estimate_id = excluded.estimate_id, updated_at = now();
    END IF;
END
$$;

-- A new revision of estimate p_number priced from p_items (same number, revision + 1, today's prices and
-- settings). Refused (55000) once the customer has decided; malformed items raise 22023 and change nothing.
CREATE OR REPLACE FUNCTION estimate_revise(p_number text, p_items jsonb, p_words text DEFAULT NULL,
                                           p_message_id text DEFAULT NULL, p_changes jsonb DEFAULT '[]')
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    e estimates := estimate_find(p_number);
    s estimate_settings;
BEGIN
    SELECT * INTO e FROM estimates WHERE id = e.id FOR UPDATE;
    IF e.status NOT IN ('draft', 'sent') THEN
        RAISE EXCEPTION 'el presupuesto % ya está % y no se puede cambiar: haga uno nuevo', e.number,
            CASE e.status WHEN 'accepted' THEN 'aceptado' ELSE 'rechazado' END USING ERRCODE = '55000';
    END IF;
    SELECT * INTO s FROM estimate_settings WHERE id;
    UPDATE estimates SET tax_rate = s.tax_rate, deposit_rate = s.deposit_rate, tax_name = s.tax_name,
                         valid_until = greatest(valid_until, current_date + s.validity_days)
     WHERE id = e.id;
    PERFORM estimate_fill(e.id, p_items);
    IF current_setting('remedios.estimate_message_revision', true) = e.id || ':' || (e.revision - 1) THEN
        -- (turns28) another change of the same message (estimate_converse): the revision it made, amended
        UPDATE estimates SET inputs = p_items WHERE id = e.id;
        UPDATE estimate_revisions SET inputs = p_items, changes = changes || coalesce(p_changes, '[]'),
                                      snapshot = estimate_json(e.number) - 'text'
         WHERE estimate_id = e.id AND revision = e.revision;
        RETURN estimate_json(e.number);
    END IF;
    UPDATE estimates SET revision = e.revision + 1, inputs = p_items WHERE id = e.id;
    INSERT INTO estimate_revisions (estimate_id, revision, inputs, words, message_id, changes, snapshot)
    VALUES (e.id, e.revision + 1, p_items, p_words, p_message_id, coalesce(p_changes, '[]'),
            estimate_json(e.number) - 'text');
    RETURN estimate_json(e.number);
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Reading a change in the plumber's words
-- ---------------------------------------------------------------------------------------------------------
-- (estimate_plain, the plain folding of a revision's words, is in match.sql: estimate_word_list uses it.)

-- What sends the open estimate to the customer (staff-editable, phrases separated by commas, compared without
-- accents or case): the message, after fillers ("vale", "ándale", "dale", "ok"), begins with one of them and
-- has at most 6 words ("ándale mándaselo", "dale enviá", "pásaselo al cliente"). The regional forms are here:
-- add yours ("despáchalo") with UPDATE estimate_settings SET send_words = send_words || ', despachalo';
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS send_words text NOT NULL DEFAULT
    'envialo, enviala, envialos, enviaselo, enviaselos, enviasela, enviar, envia, envie, envielo, enviale, '
    'enviemelo, mandalo, mandala, mandalos, mandaselo, mandasela, mandaselos, mandar, manda, mandale, mande, '
    'mandelo, mandeselo, mandamelo, pasaselo, pasasela, pasaselos, pasale, pasalo, pasala, paseselo, paselo, '
    'pasarselo, mandarselo, enviarselo, remiteselo, remitelo, reenvialo, reenviaselo, ya puedes enviarlo, '
    'puedes enviarlo, puedes mandarlo, lo puedes enviar, lo puedes mandar, se lo puedes mandar, se lo puedes enviar, '
    'se lo mandas, se lo envias, se lo pasas, mandaselo al cliente, enviaselo al cliente';

-- The send phrase the words begin with (folded by estimate_plain), or NULL.
CREATE OR REPLACE FUNCTION estimate_send_said(plain text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT p FROM unnest(estimate_word_list((SELECT s.send_words FROM estimate_settings s WHERE s.id), 'plain')) AS p
    WHERE p <> '' AND (' ' || plain || ' ') LIKE (' ' || p || ' %')
    ORDER BY length(p) DESC LIMIT 1
$$;

-- Words that open a change, by kind. Whole first words of the message (after fillers such as "no", "vale",
-- "perdona", "mejor"), compared without accents. Sending: estimate_settings.send_words (above).
CREATE OR REPLACE FUNCTION estimate_change_words(kind text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE kind
        WHEN 'filler' THEN ARRAY['no', 'vale', 'ok', 'okay', 'oye', 'perdona', 'perdon', 'bueno', 'si', 'pues',
                                 'entonces', 'porfa', 'ah', 'ya', 'ademas', 'tambien', 'oiga', 'mira', 'sale', 'dale',
                                 'listo', 'che', 'bien', 'ahora', 'andale', 'orale', 'va', 'venga', 'perfecto', 'genial', 'okey',
                                 'excelente', 'correcto', 'claro', 'esta', 'ta', 'hecho', 'esperate', 'espera', 'espere',
                                 'disculpa', 'disculpe', 'corrijo', 'digo', 'epa', 'que', 'mejor dicho', 'eh', 'este',
                                 'mire', 'fijate', 'fijese', 'oyes', 'esperame', 'espereme', 'aguarda', 'aguarde',
                                 'quedo', 'lista']
        WHEN 'send' THEN ARRAY['envialo', 'enviala', 'envialos', 'enviaselo', 'enviaselos', 'enviasela', 'enviar',
                               'envia', 'envie', 'envielo', 'mandalo', 'mandala', 'mandalos', 'mandaselo', 'mandasela',
                               'mandar', 'manda', 'mandale', 'mande', 'mandelo', 'mandamelo']
        WHEN 'remove' THEN ARRAY['quita', 'quitale', 'quitar', 'quitame', 'quite', 'quitele', 'saca', 'sacale', 'sacar',
                                 'saque', 'saquele', 'elimina', 'eliminale', 'eliminar', 'elimine', 'borra', 'borrale',
                                 'borrar', 'borre', 'fuera', 'descuenta', 'descontar']
        WHEN 'add' THEN ARRAY['anade', 'anadele', 'anadir', 'anada', 'anadale', 'agrega', 'agregale', 'agregar',
                              'agregue', 'agreguele', 'suma', 'sumale', 'sumar', 'sume', 'mete', 'metele', 'meter',
                              'incluye', 'incluyele', 'incluir', 'incluya', 'pon', 'ponle', 'poner', 'ponme',
                              'ponga', 'pongale', 'ponele', 'agregale', 'sumale', 'sumele', 'agreguele',
                              'y', 'mas', 'otro', 'otra', 'otros', 'otras']
        WHEN 'set' THEN ARRAY['son', 'serian', 'seran', 'sean', 'es', 'eran', 'cambia', 'cambialo', 'cambiala',
                              'baja', 'bajale', 'bajalo', 'sube', 'subele', 'subelo', 'deja', 'dejalo', 'dejala',
                              'dejale', 'solo', 'nada', 'a']
    END
$$;

-- The grammar of a verb of change, not a list of its spellings: the imperative of tú, vos and usted, with or
-- without its clitics, folded without accents ("quita", "quitá", "quite", "quítala", "quitala", "quítela",
-- "sácamelo", "saquen", "quitar"; "pon", "poné", "ponga", "ponle", "ponele", "póngale", "agregá", "agrégueme").
-- kind: 'remove' (taking a line out), 'add' (putting one in), 'make' (a pronoun for the thing: "hazlo",
-- "hacelo", "hágalo", "ponelo", "déjala", "cámbialo", "bájalo", "subilo" — what it becomes follows). NULL: none.
CREATE OR REPLACE FUNCTION estimate_verb_of(word text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN word ~ '^(?:quit|sac|saqu|elimin|borr|retir|descuent|descont)(?:a|e|ad|en|ar|a?me|ale|ele)(?:me|te|le|les|lo|la|los|las|se|nos)*$'
             AND word !~ '^(?:sacar|retirar)(?:on)?$' OR word IN ('quitar', 'sacar', 'retirar', 'eliminar', 'borrar')
            THEN 'remove'
        WHEN word ~ '^(?:ha(?:z|ce|ga|cer)|po(?:n|ne|nga|ner)|de(?:ja|je|jar)|cambi(?:a|e|ar)|ba(?:ja|je|jar)|su(?:be|ba|bi|bir)|cotic(?:a|e|ar)|cotiz(?:a|ar)|cotice)(?:me|se|le)?(?:lo|la)$'
            THEN 'make'
        WHEN word ~ '^(?:po(?:n|ne|nga|ner)|agreg(?:a|ar)|agregu(?:e|en)|anad(?:e|a|ir)|sum(?:a|e|ar)|met(?:e|a|er)|inclu(?:ye|ya|ir))(?:me|le|les|nos|se)?(?:lo|la|los|las)?$'
            THEN 'add'
        -- sending: "envíalo", "envíela", "envíeselo", "enviáselo", "mándeselo", "mandámelo", "remítaselo"
        WHEN word ~ '^(?:envi|reenvi|mand|remit)(?:a|e|en|ad|ar)(?:me|te|le|les|se|nos)?(?:lo|la|los|las)$'
             OR word ~ '^(?:envi|reenvi|mand|remit)(?:a|e|en|ar)(?:me|le|les|se)$'
            THEN 'send'
    END
$$;

-- A number in words or digits: "2", "2.5", "dos", "una", "media" (0.5). NULL when it is none. The words are the
-- one list of match.sql (estimate_number_words).
CREATE OR REPLACE FUNCTION estimate_number_word(word text) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN word ~ '^[0-9]+(\.[0-9]+)?$' THEN word::numeric
        ELSE (estimate_number_words() ->> word)::numeric
    END
$$;

-- Hours written against their number ("1h", "2hs", "1.5hrs", "3horas") with a space between (esrules): the
-- readings below look for the number, then the unit.
CREATE OR REPLACE FUNCTION estimate_hours_spaced(plain text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    -- (multiturn30: the diminutive "una horita", "dos horitas" is the hour: before, "y ponle una horita" added a line
    -- a cotizar called "horita")
    SELECT regexp_replace(regexp_replace(coalesce(plain, ''), '(^| )horit(a|as)(?= |$)', '\1hor\2', 'g'),
                          '(^| )([0-9]+(?:[.][0-9]+)?)(horas?|h|hs|hr|hrs)(?= |$)', '\1\2 \3', 'g')
$$;

-- Hours in the words: "2 horas", "una hora", "media hora", "hora y media", "1.5 h", "1h", "2 hr", "2 horas y
-- media"; a correction says the new hours last ("no eran seis horas, son cuatro": 4).
CREATE OR REPLACE FUNCTION estimate_hours_in(plain text) RETURNS numeric
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    m text[];
BEGIN
    plain := estimate_hours_spaced(plain);
    -- days of work said with their hours: "dos jornales de ocho horas" = 16 (a day alone says no hours: not read)
    m := regexp_match(plain, '(?:^| )([0-9]+(?:[.][0-9]+)?|[a-z]+) (?:jornal|jornales|jornadas?|dias?) de ([0-9]+(?:[.][0-9]+)?|[a-z]+) (?:horas?|h|hs|hr|hrs)(?: |$)');
    IF m IS NOT NULL AND estimate_number_word(m[1]) IS NOT NULL AND estimate_number_word(m[2]) IS NOT NULL THEN
        RETURN estimate_number_word(m[1]) * estimate_number_word(m[2]);
    END IF;
    m := regexp_match(plain, '(?:^| )(?:no )?(?:eran|era|son|es) (?:[0-9]+(?:[.][0-9]+)?|[a-z]+) (?:horas?|h|hs|hr|hrs)(?: y media)? (?:son|sino|seran|serian|es|eran|mas bien) ([0-9]+(?:[.][0-9]+)?|[a-z]+)( y media)?(?: (?:horas?|h|hs|hr|hrs))?(?: |$)');
    IF m IS NOT NULL AND estimate_number_word(m[1]) IS NOT NULL THEN
        RETURN estimate_number_word(m[1]) + CASE WHEN m[2] IS NOT NULL THEN 0.5 ELSE 0 END;
    END IF;
    IF plain ~ '(^| )media hora( |$)' THEN
        RETURN 0.5;
    END IF;
    m := regexp_match(plain, '(?:^| )([0-9]+(?:\.[0-9]+)?|[a-z]+) (?:horas?|h|hs|hr|hrs)( y media)?(?: |$)');
    IF m IS NOT NULL AND estimate_number_word(m[1]) IS NOT NULL THEN
        RETURN estimate_number_word(m[1]) + CASE WHEN m[2] IS NOT NULL THEN 0.5 ELSE 0 END;
    END IF;
    IF plain ~ '(^| )hora y media( |$)' THEN
        RETURN 1.5;
    END IF;
    IF plain ~ '(^| )(una )?hora( |$)' THEN
        RETURN 1;
    END IF;
    RETURN NULL;
END
$$;

-- (turns28) Words that say nothing but the job's hours, without a verb of change: "dos horas de mano de obra", "y
-- hora y media más", "son 3 horas", "eso lleva una hora de trabajo", "total 2 horas", "dos horas y media de trabajo".
-- While a draft is open they are its hours, never a new estimate: 'hours_add' when more are said ("más", "otra(s)",
-- or "y" right before the number: "y 2 horas"), else 'hours_set'; NULL when the words say anything else (a thing, a
-- size, a verb). `plain` is folded by estimate_plain, without the fillers (estimate_change_body).
CREATE OR REPLACE FUNCTION estimate_hours_only(plain text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v_plain text := estimate_hours_spaced(coalesce(plain, ''));
    v_said  text := '(?:(?:[0-9]+(?:[.][0-9]+)?|' || estimate_count_re() || '|media) (?:horas?|h|hr|hrs|hs)(?: y media)?'
                    || '|hora y media|media hora|una hora)';
    v_work  text := '(?: (?:de |del )?(?:mano de obra|trabajo|labor|instalacion|montaje|oficial))?';
BEGIN
    IF v_plain !~ ('^(?:(?:y|e|eso|esto|lleva|llevaria|llevara|va a llevar|van a ser|son|serian|seran|sera|seria|'
                   || 'total|en total|la mano de obra|mano de obra|calculale|calcula|como|unas|unos|aproximadamente|'
                   || 'mas o menos|otra|otras|le|lo|es|de) )*' || v_said || v_work || '(?: mas)?' || v_work
                   || '(?: (?:en total|total|nomas|nada mas|mas o menos|aproximadamente))?$')
       OR estimate_hours_in(v_plain) IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN CASE WHEN replace(v_plain, 'mas o menos', '') ~ '(^| )(mas|otra|otras)( |$)'
                     OR v_plain ~ '^(y|e) (?!son |serian |seran |sera |total |en total )'
                THEN 'hours_add' ELSE 'hours_set' END;
END
$$;

-- A size answer given for several lines at once, one clause per line joined by "y": "la general es de tres
-- cuartos y las del baño de media" = {"la general es de tres cuartos", "las del bano de media"}. Each clause
-- says who (may be empty) then a size ("de" + a number or a size word), in at most 8 words; otherwise the
-- whole words as one clause. "una y media", "pulgada y media" are one size, not two clauses.
CREATE OR REPLACE FUNCTION estimate_complete_clauses(plain text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN cardinality(c) > 1 AND NOT EXISTS (
                    SELECT 1 FROM unnest(c) x
                    WHERE array_length(string_to_array(x, ' '), 1) > 8
                       OR x !~ ('(^| )(de|del) ([0-9]|media|un cuarto|tres cuartos|una pulgada|' || estimate_size_number_re() || ')'))
                THEN c ELSE ARRAY[plain] END
    FROM (SELECT regexp_split_to_array(coalesce(plain, ''),
                                       ' y (?!media( |$))| (?=(?:el|la|los|las) [a-z]+(?: [a-z]+)? (?:es|son) (?:de|del) [0-9a-z])') AS c) x
$$;

-- A new request ("presupuesto para …", "cotízame …", "cuánto cobro por …"): a new estimate, not a change of
-- the open one. `plain` is folded by estimate_plain.
CREATE OR REPLACE FUNCTION estimate_change_new_request(plain text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(plain, '') ~ '(^| )(presupuesto (para|de|por)|presupuestame|cotizame|cotizar|cotiza|cotizacion|cuanto (cobro|cobrar|le cobro|cuesta|sale|vale|seria)|nuevo presupuesto|otro presupuesto|presupuesto nuevo)( |$)'
$$;

-- The words of a change without the fillers before it ("no, son 5 metros", "perdona, de 18", "vale, envíalo",
-- "ah no espera …") and without a "y" that only joins a verb of change to what was said ("y agrégale dos
-- coflex", "ah y quite el kit ese"). `plain` is folded by estimate_plain.
CREATE OR REPLACE FUNCTION estimate_change_body(plain text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v_plain text := coalesce(plain, '');
    v_first text;
BEGIN
    LOOP
        v_first := split_part(v_plain, ' ', 1);
        -- "me equivoqué", "se me olvidó", "me confundí": a correction or an afterthought opens the change
        IF v_plain ~ '^(se )?me (equivoque|equivoco|confundi|confundo|olvide|olvido|olvidaba|falto|paso) ' THEN
            v_plain := regexp_replace(v_plain, '^(se )?me [a-z]+ ', '');
            CONTINUE;
        END IF;
        -- (multiturn30) "era agregar …", "quise decir quitar …", "lo que quería era poner …": the change meant, said
        -- with its verb in the infinitive after the correction, is that verb's change (before, the words were
        -- glued onto a line a cotizar: "calentador electrico 40 era agregar una llave de paso de 1/2")
        IF v_plain ~ '^(?:lo que )?(?:era|eran|queria|quise|quise decir|queria decir|queria era|quise decir era|la idea era) [a-z]+(?:ar|er|ir)(?:le|les|la|lo|las|los)? [a-z0-9]'
           AND estimate_verb_of((regexp_match(v_plain, '^(?:lo que )?(?:era|eran|queria|quise|quise decir|queria decir|queria era|quise decir era|la idea era) ([a-z]+)'))[1]) IN ('add', 'remove') THEN
            v_plain := regexp_replace(v_plain, '^(?:lo que )?(?:era|eran|queria|quise|quise decir|queria decir|queria era|quise decir era|la idea era) ', '');
            CONTINUE;
        END IF;
        -- (revise31) "al final", "a la final", "finalmente": what the plumber settled, not a new request ("al final son
        -- tres llaves" was a new estimate of three valves a cotizar)
        IF v_plain ~ '^(?:al final|a la final|finalmente|al fin y al cabo|a fin de cuentas) [a-z0-9]' THEN
            v_plain := regexp_replace(v_plain, '^(?:al final|a la final|finalmente|al fin y al cabo|a fin de cuentas) ', '');
            CONTINUE;
        END IF;
        EXIT WHEN NOT (v_first = ANY (estimate_change_words('filler'))) OR v_plain NOT LIKE '% %';
        -- "no" / "si" alone or before a verb are fillers; keep "y" and "mas" for the add rule.
        v_plain := substr(v_plain, length(v_first) + 2);
    END LOOP;
    IF v_plain ~ '^(y|e) ' AND split_part(v_plain, ' ', 2) = ANY (estimate_change_words('remove') || estimate_change_words('add')
                                                                   || estimate_change_words('send'))
       AND split_part(v_plain, ' ', 2) NOT IN ('y', 'mas', 'otro', 'otra', 'otros', 'otras') THEN
        v_plain := substr(v_plain, 3);
    END IF;
    RETURN v_plain;
END
$$;

-- A change said in other words, restated in the words the readings below know (esfix14), or the words unchanged.
-- Only when the line it names is on the draft of e.
CREATE OR REPLACE FUNCTION estimate_change_restated(e estimates, words text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_plain text;
    v_m     text[];
    v_swap  text;
    v_num   text := '([0-9]+(?:[.][0-9]+)?|' || estimate_count_re() || ')';
BEGIN
    IF e.id IS NULL OR coalesce(words, '') = '' OR length(words) > 300 OR words ~ '\?' THEN
        RETURN words;
    END IF;
    -- (revise29) a unit's abbreviation after a number is the unit: "a 50 gal", "40 gals." are gallons
    words := regexp_replace(words, '([0-9])\s*(?:gal|gals|glns?)\.?(?![[:alnum:]])', '\1 galones', 'gi');
    v_plain := estimate_change_body(estimate_plain(words));
    -- (esrules) a line's count, then why, after a comma: "la llave de paso son 2, una pa la fría y otra pa la
    -- caliente", "los codos son 6, hay dos vueltas" are the count alone (only when what follows changes nothing: no
    -- verb of change in it)
    v_m := regexp_match(words, '^([^,;]+)[,;](.+)$');
    IF v_m IS NOT NULL
       AND estimate_change_body(estimate_plain(v_m[1])) ~ ('^(?:y )?(?:el|la|los|las) [a-z][a-z ]{1,39}? (?:que )?(?:son|sean|seran|serian|eran|van) ([0-9]+|' || estimate_count_re() || ')$')
       AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id,
                       (regexp_match(estimate_change_body(estimate_plain(v_m[1])), '^(?:y )?((?:el|la|los|las) [a-z][a-z ]{1,39}?) (?:que )?(?:son|sean|seran|serian|eran|van) '))[1])))
       AND NOT EXISTS (SELECT 1 FROM unnest(string_to_array(estimate_plain(v_m[2]), ' ')) w
                       WHERE w NOT IN ('y', 'mas', 'otro', 'otra', 'otros', 'otras', 'una', 'uno', 'son', 'es', 'a', 'de')
                         AND (estimate_verb_of(w) IS NOT NULL
                              OR w = ANY (estimate_change_words('add') || estimate_change_words('remove') || estimate_change_words('send')))) THEN
        RETURN v_m[1];
    END IF;
    -- A size for the whole draft said in other words (esparts) is "todo de <size>", read below as one size for every
    -- line of materials (the lines of that dimension resized, priced lines too; never the old size kept): "la
    -- instalación es de 3/4", "las medidas son de 3/4", "al final todo es de 22", "todo el material va en 1
    -- pulgada", "no era de media, era todo de tres cuartos", "todo lo de media pásalo a tres cuartos", "pásalo
    -- todo a 3/4", "el cliente lo quiere todo de 3/4".
    v_m := regexp_match(v_plain,
        '^(?:(?:al final|entonces|pues|el cliente lo quiere|lo quiere|lo quieren|mejor|ahora|(?:era|es|eran|son) (?:de|en) [0-9a-z/.]+(?: pulgadas?)?) )?'
        '(?:(?:pasalo|pasala|pasalos|pasalas|pasa|ponlo|ponla|ponlos|hazlo|hazla|dejalo|dejala|cambialo|cambiala|cambia|era|es|eran|son) )?'
        '(?:la instalacion|toda la instalacion|las medidas|todas las medidas|la medida|todo el material|el material'
        '|todo lo de [0-9a-z/.]+(?: pulgadas?)?|todo)'
        '(?: (?:es|son|va|van|sera|seran|era|eran|ira|iran|queda|quedan|tiene que ser|tienen que ser|debe ser|deben ser))?'
        '(?: (?:pasalo|pasala|pasalos|pasalas|ponlo|ponla|ponlos|hazlo|hazla|dejalo|dejala|cambialo|cambiala))?'
        ' (?:de|en|a) ([0-9a-z/. ]{1,25}?)(?: (?:mejor|por favor|porfa|todo|entonces))?$');
    IF v_m IS NOT NULL AND v_m[1] ~ '[0-9]|media|cuarto|pulgada' THEN
        -- ("de una pulgada": one inch, said with its number for the readings below)
        RETURN 'todo de ' || regexp_replace(v_m[1], '^(?:una|un|1)? ?pulgadas?$', '1 pulgada');
    END IF;
    -- A material said in place of a line's (est36, k2): "en vez del tubo de cobre póngale multicapa de 26", "en vez de
    -- multicapa que sea PEX, la misma medida" are "cambia el tubo de cobre por multicapa de 26", "cambia lo
    -- multicapa por pex de 16" (the line's own size when none is said). Only when the old words name a line.
    v_m := regexp_match(v_plain, '^(?:(?:no|mejor|oye|y|pues) )*en (?:vez|lugar) (?:de|del) (?:(?:el|la|los|las) )?([a-z][a-z0-9/. ]*?) '
                                 || '(?:pongale|ponle|ponele|pon|ponga|ponme|mete|metele|que sea|que sean|mejor|usa|usar|usamos|va|van|sera)(?: (?:de|en|el|la|un|una))? '
                                 || '([a-z][a-z0-9/. ]*?)(?: (?:la misma medida|el mismo diametro|misma medida|igual medida|del mismo diametro|de la misma medida))?$');
    -- (est37: not "… ponle una de esfera": "una de X" is a thing of the line's family said by what it is, read below as
    -- est31's replacement, tests/estimates/test_estimate_revise_31.py)
    IF v_m IS NOT NULL AND v_m[2] !~ '^(?:mas|menos|otro|otra|uno|una|de)( |$)' THEN
        v_swap := NULL;
        IF v_m[2] !~ '[0-9]' THEN
            SELECT ' de ' || coalesce(substring(min(l.description) from '([0-9]+(?:[.,][0-9]+)?) ?mm'),
                                      substring(min(l.description) from '([0-9]+(?: [0-9]+)?/[0-9]+|[0-9]+)"'))
              INTO v_swap
              FROM estimate_lines_named(e.id, v_m[1]) l
            HAVING count(*) = 1;
        END IF;
        IF EXISTS (SELECT 1 FROM estimate_lines_named(e.id, v_m[1])) THEN
            RETURN 'cambia ' || CASE WHEN v_m[1] ~ ' ' THEN 'el ' ELSE 'lo ' END || v_m[1] || ' por ' || v_m[2] || coalesce(v_swap, '');
        END IF;
        v_swap := NULL;
    END IF;
    -- A length said in place of the old one (est36, k1): "metro y medio en vez de tres metros", "mejor 2 metros y
    -- no 4", "en vez de 3 metros pon 1,5" (amounts in words are digits by now: estimate_amount_words) is that length
    -- of the one line sold by the metre whose quantity is the old length; none or several: read as before.
    v_m := regexp_match(v_plain, '^(?:(?:pon|ponle|ponele|ponme|ponga|pongale|mete|metele|deja|dejale|mejor|que sean|son|seran|serian|sean) )?'
                                 || v_num || ' (?:metros?|mts?|m) (?:en vez de|en lugar de|y no|no) (?:los |las )?' || v_num || '(?: (?:metros?|mts?|m))?$');
    IF v_m IS NULL THEN
        v_m := regexp_match(v_plain, '^(?:en vez de|en lugar de) (?:los |las )?' || v_num || ' (?:metros?|mts?|m) (?:pon|ponle|ponele|ponme|ponga|pongale|mete|metele|que sean|son|mejor|seran|sean)? ?'
                                     || v_num || '(?: (?:metros?|mts?|m))?$');
        v_m := CASE WHEN v_m IS NULL THEN NULL ELSE ARRAY[v_m[2], v_m[1]] END;
    END IF;
    IF v_m IS NOT NULL AND estimate_number_word(v_m[1]) > 0 THEN
        SELECT 'que sean ' || v_m[1] || ' metros de ' || min(l.description) INTO v_swap
        FROM estimate_lines l
        WHERE l.estimate_id = e.id AND l.unit = 'm' AND l.quantity = estimate_number_word(v_m[2])
        HAVING count(*) = 1;
        IF v_swap IS NOT NULL THEN
            RETURN v_swap;
        END IF;
    END IF;
    -- A count said in place of the old one is that count of the line (esfix14), never a new thing: "pon 4
    -- escuadras en vez de 2", "mejor 6 codos en lugar de 4", "en vez de 2 llaves pon 3", "cambia los 2 codos por
    -- 4", "que sean 5 codos y no 3" are "son 4 escuadras" (the line named must be on the draft; else as before)
    v_m := regexp_match(v_plain, '^(?:(?:pon|ponle|ponele|ponme|ponga|pongale|mete|metele|deja|dejale|mejor|que sean|son|seran|serian|sean) )?'
                                 || v_num || ' ([a-z][a-z ]{1,40}?) (?:en vez de|en lugar de|y no|no) ' || v_num || '(?: ([a-z][a-z ]*))?$');
    IF v_m IS NOT NULL AND (v_m[4] IS NULL OR split_part(v_m[4], ' ', 1) = split_part(v_m[2], ' ', 1)) THEN
        v_swap := 'son ' || v_m[1] || ' ' || v_m[2];
    END IF;
    v_m := regexp_match(v_plain, '^(?:en vez de|en lugar de) ' || v_num || ' ([a-z][a-z ]{1,40}?) (?:pon|ponle|ponele|ponme|ponga|pongale|mete|metele|que sean|son|mejor|seran|sean)? ?' || v_num || '$');
    IF v_m IS NOT NULL THEN
        v_swap := 'son ' || v_m[3] || ' ' || v_m[2];
    END IF;
    v_m := regexp_match(v_plain, '^(?:cambia|cambiale|cambiame|cambie|cambiele|cambiar) (?:los|las|el|la) ' || v_num || ' ([a-z][a-z ]{1,40}?) (?:por|a) ' || v_num || '$');
    IF v_m IS NOT NULL THEN
        v_swap := 'son ' || v_m[3] || ' ' || v_m[2];
    END IF;
    IF v_swap IS NOT NULL AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, regexp_replace(v_swap, '^son [^ ]+ ', ''))) THEN
        RETURN v_swap;
    END IF;
    v_swap := NULL;
    -- (revise31) A thing put in place of a line, said with "en vez de" / "en lugar de" in either order: "mejor ponle
    -- una de bola en vez de la de compuerta", "pon un grifo de vaciado en lugar del de jardín", "en vez de la de
    -- empotrar ponle una de esfera" are "cambia la de compuerta por una de bola": that one line becomes the new thing
    -- (read below as any "cambia X por Y"). Only when the old one names exactly one line of the draft and the new one
    -- is said with an article or a pronoun (a count in place of a count, "pon 4 escuadras en vez de 2", is read above).
    v_m := regexp_match(v_plain, '^(?:(?:mejor|mas bien|entonces|ahora) )*(?:(?:pon|ponle|ponele|ponme|ponga|pongale|mete|metele|instala|instalale|coloca|colocale|usa|usale) )?(?:mejor )?'
                                 || '((?:un|una|uno|otro|otra) [a-z][a-z0-9/. ]*?) (?:en vez|en lugar) (?:de|del) ((?:(?:el|la|los|las) )?[a-z][a-z0-9/. ]*?)(?: (?:mejor|por favor|porfa))?$');
    IF v_m IS NULL THEN
        v_m := regexp_match(v_plain, '^(?:(?:mejor|mas bien|entonces|ahora) )*(?:en vez|en lugar) (?:de|del) ((?:(?:el|la|los|las) )?[a-z][a-z0-9/. ]*?) '
                                     || '(?:mejor )?(?:pon|ponle|ponele|ponme|ponga|pongale|mete|metele|instala|instalale|coloca|colocale|usa|usale)(?: mejor)? '
                                     || '((?:un|una|uno|otro|otra) [a-z][a-z0-9/. ]*?)(?: (?:mejor|por favor|porfa))?$');
        v_m := CASE WHEN v_m IS NOT NULL THEN ARRAY[v_m[2], v_m[1]] END;
    END IF;
    IF v_m IS NOT NULL AND v_m[1] !~ ('^[a-z]+ (?:[0-9]|' || estimate_count_re() || ')( |$)') THEN
        -- ("del de jardín" is "el de jardín"; a bare "de compuerta" is "la de compuerta")
        v_swap := CASE WHEN position(' del ' || v_m[2] IN ' ' || v_plain) > 0 AND v_m[2] !~ '^(el|la|los|las) ' THEN 'el ' || v_m[2]
                       WHEN v_m[2] ~ '^(el|la|los|las) ' THEN v_m[2]
                       ELSE 'la ' || v_m[2] END;
        -- ("ponle un termo de 50 litros en vez del de 80": the old one is said by its size only, the thing is the new
        -- one's: "el termo de 80")
        IF v_swap ~ '^(el|la|los|las) (de|del) ' THEN
            v_swap := split_part(v_swap, ' ', 1) || ' ' || split_part(v_m[1], ' ', 2) || ' ' || substr(v_swap, length(split_part(v_swap, ' ', 1)) + 2);
        END IF;
        IF (SELECT x.n FROM estimate_line_named(e, v_swap, 'own_name') x) = 1 THEN
            RETURN 'cambia ' || v_swap || ' por ' || v_m[1];
        END IF;
    END IF;
    v_swap := NULL;
    -- A size said again of a line, in the order people say it (esfix14): "era de 60 litros el boiler no de 40",
    -- "el termo es de 80 no de 50", "ponle mejor un termo de 80 litros", "mejor pon una ducha de 7500 watts" are
    -- "el termo de 80 litros": that line resized (or a cotizar at the new size when the catalogue lacks it),
    -- never a second appliance next to the old one nor a new estimate. Only when a line of the draft is named.
    v_swap := NULL;
    v_m := regexp_match(v_plain, '^(?:era|es|sera|seria|son|eran) ((?:de|del) [0-9a-z/. ]+?) ((?:el|la|los|las) [a-z]+(?: [a-z]+)?)(?: no (?:de|del|es|era) [0-9a-z/. ]+)?$');
    IF v_m IS NOT NULL AND v_m[1] ~ '[0-9]|media|cuarto' THEN
        v_swap := v_m[2] || ' ' || v_m[1];
    END IF;
    v_m := regexp_match(v_plain, '^((?:el|la|los|las) [a-z]+(?: [a-z]+)?) (?:es|era|sera|seria|son|eran) ((?:de|del) [0-9a-z/. ]+?) no (?:de|del|es|era) [0-9a-z/. ]+$');
    IF v_m IS NOT NULL AND v_m[2] ~ '[0-9]|media|cuarto' THEN
        v_swap := v_m[1] || ' ' || v_m[2];
    END IF;
    v_m := regexp_match(v_plain, '^(?:(?:pon|ponle|ponele|ponme|ponga|pongale|mete|metele|instala|instalale|deja|dejale) mejor|mejor (?:pon|ponle|ponele|ponme|ponga|pongale|mete|metele|instala|instalale)) (?:un|una|el|la) ([a-z]+(?: [a-z]+)? (?:de|del) [0-9a-z/. ]+)$');
    IF v_m IS NOT NULL AND v_m[1] ~ '[0-9]|media|cuarto' THEN
        v_swap := 'el ' || v_m[1];
    END IF;
    -- (revise29) the thing first, then what it should be: "mejor que el termo sea de ochenta litros", "que la bomba sea
    -- de 1 hp", "ahora que los tubos sean de 32" are "el termo de ochenta litros"
    v_m := regexp_match(v_plain, '^(?:(?:mejor|ahora|entonces|pues|mas bien|no) )*que ((?:el|la|los|las) [a-z]+(?: [a-z]+)?) (?:sea|sean|fuera|fueran|quede|queden) ((?:de|del) [0-9a-z/. ]+?)(?: (?:mejor|entonces|nomas|por favor|porfa))?$');
    IF v_m IS NOT NULL AND v_m[2] ~ '[0-9]|media|cuarto' THEN
        v_swap := v_m[1] || ' ' || v_m[2];
    END IF;
    -- (esrules) a verb of lowering, raising or changing, "a" and a size with its unit, and the line (before or after
    -- it): "bájele a diez litros el calentador", "súbele el termo a 80 litros", "pásalo a 3/4 el tubo" are "el
    -- calentador de diez litros" (a bare number stays a count: "bájale a 2 los codos")
    v_m := regexp_match(v_plain, '^(?:baj|sub|cambi|dej|pas)(?:a|e|ale|ele|alo|elo|ala|ela)(?: ((?:el|la|los|las) [a-z]+(?: [a-z]+)?))? a ((?:[0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+|[a-z]+(?: y [a-z]+)?) (?:l|lt|lts|litros?|galon|galones|mm|milimetros|pulgadas?|kw|w|watts?|hp|cv|caballos?)|media|tres cuartos|media pulgada|[0-9]+/[0-9]+)(?: ((?:el|la|los|las) [a-z]+(?: [a-z]+)?))?$');
    IF v_m IS NOT NULL AND (v_m[1] IS NULL) <> (v_m[3] IS NULL) THEN
        v_swap := coalesce(v_m[1], v_m[3]) || ' de ' || v_m[2];
    END IF;
    IF v_swap IS NOT NULL AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, regexp_replace(v_swap, ' (?:de|del) .*$', ''))) THEN
        RETURN v_swap;
    END IF;
    RETURN words;
END
$$;

-- What kind of change the words are for estimate e: send, remove, add, hours_add, hours_set, quantity, replace,
-- complete; NULL when they are not a change (a question, a new request...). `rest` is the words after the
-- opening verb.
CREATE OR REPLACE FUNCTION estimate_change_read(e estimates, words text, OUT kind text, OUT rest text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_plain text := estimate_plain(words);
    v_first text;
    v_count integer;
BEGIN
    IF e.id IS NULL OR v_plain = '' OR length(words) > 300 OR words ~ '\?' THEN
        RETURN;
    END IF;
    -- A new request is a new estimate, not a change of this one.
    IF estimate_change_new_request(v_plain) THEN
        RETURN;
    END IF;
    v_plain := estimate_hours_spaced(estimate_change_body(v_plain));   -- ("1h más": "1 h más")
    -- (esrules) the labour named first, then its change: "la mano de obra poné dos jornales de ocho horas", "mano de
    -- obra, ponle 3 horas" are the change alone (hours said with their verb)
    IF v_plain ~ '^(?:la |y la )?mano de obra (?:[a-z]+ )?(?:[0-9]+|[a-z]+) ' AND estimate_hours_in(v_plain) IS NOT NULL THEN
        v_plain := regexp_replace(v_plain, '^(?:la |y la )?mano de obra ', '');
        IF estimate_verb_of(split_part(v_plain, ' ', 1)) IS NULL AND NOT (split_part(v_plain, ' ', 1) = ANY (estimate_change_words('set') || estimate_change_words('add'))) THEN
            v_plain := 'son ' || v_plain;   -- ("la mano de obra 4 horas")
        END IF;
    END IF;
    -- (turns28) the job's hours said without a verb ("dos horas de mano de obra", "eso lleva una hora de trabajo",
    -- "y hora y media más"): the draft's hours, never a new estimate nor a size for its lines a cotizar
    IF estimate_hours_only(v_plain) IS NOT NULL THEN
        kind := estimate_hours_only(v_plain);
        rest := v_plain;
        RETURN;
    END IF;
    -- (revise29) hours taken off or put on by a verb of lowering or raising, without "a" (with "a" they are the new
    -- hours: "bájale a 2 horas"): "bájele una hora", "rebájale media hora", "réstale 2 horas de mano de obra", "súbele
    -- una hora" take off or add that many ('hours_sub', 'hours_add'); a reason may follow ("… a ver si así lo acepta",
    -- "… que no tarda tanto"). Before, "bájale una hora" set the job's hours to one.
    IF v_plain ~ ('^(?:(?:re)?baj|rest|descont|descuent|sub)(?:a|e|ale|ele|ales|eles|ame|eme|amele)? '
                  || '(?:(?:[0-9]+(?:[.][0-9]+)?|' || estimate_count_re() || '|media) (?:horas?|h|hr|hrs|hs)(?: y media)?|hora y media|media hora|una hora)'
                  || '(?: (?:de |del )?(?:mano de obra|trabajo|labor))?'
                  || '(?: (?:a ver|para que|porque|por que|que|pues|asi|ya que|total|nomas|mas|menos)(?: .*)?)?$')
       AND estimate_hours_in(v_plain) IS NOT NULL THEN
        kind := CASE WHEN v_plain ~ '^sub' THEN 'hours_add' ELSE 'hours_sub' END;
        rest := regexp_replace(v_plain, ' (?:a ver|para que|porque|por que|que|pues|asi|ya que|total|nomas)( .*)?$', '');
        rest := btrim(substr(rest, length(split_part(rest, ' ', 1)) + 1));
        RETURN;
    END IF;
    -- (revise31) "van a ser 4 llaves", "iban a ser dos": a count said again, as "son 4 llaves"
    v_plain := regexp_replace(v_plain, '^(y )?(?:van a ser|iban a ser|van a hacer falta|hacen falta) (?=[0-9]|(?:' || estimate_count_re() || ') )', '\1son ');
    -- "y que sean tres metros de tubo", "y son 4 codos": the "y" only joins a count said again
    v_plain := regexp_replace(v_plain, '^y (que sean|son|eran|seran|serian|sean) ', '\1 ');
    -- "la llave era de 1/2, la cañería sí es de 3/4": a line's size said in any tense is the size said
    v_plain := regexp_replace(v_plain, '(^| )((?:el|la|los|las) [a-z]+(?: [a-z]+)?) (?:si )?(?:era|eran|sera|seran|es|son) (de|del) ',
                              '\1\2 es \3 ', 'g');
    -- "mejor todo de 3/4": the word of changing before a size for all is "todo de 3/4" (never a count)
    v_plain := regexp_replace(v_plain, '^(?:mejor|ahora|entonces) (?=(?:todo|todos|todas|toda|ambos|ambas) (?:de|del|en) )', '');
    -- "mejor quítale la bomba": a word of changing before a verb of removing is that verb's change ("mejor
    -- pongale 6 metros" stays a count: a verb of putting with a number sets it)
    IF v_plain ~ '^(mejor|ahora|entonces|mas bien) [a-z]' AND estimate_verb_of(split_part(regexp_replace(v_plain, '^mas bien ', 'mejor '), ' ', 2)) = 'remove' THEN
        v_plain := regexp_replace(v_plain, '^(mejor|ahora|entonces|mas bien) ', '');
    END IF;
    v_first := split_part(v_plain, ' ', 1);
    rest := btrim(substr(v_plain, length(v_first) + 1));
    v_count := array_length(string_to_array(v_plain, ' '), 1);

    IF (v_first = ANY (estimate_change_words('send')) OR estimate_send_said(v_plain) IS NOT NULL
        OR estimate_verb_of(v_first) = 'send') AND v_count <= 6
       -- (a size said is no sending: "pásalo todo a 3/4" changes the sizes, esparts)
       AND v_plain !~ '(^| )(a|de|en) ([0-9]|media|tres cuartos|un cuarto|una pulgada)' THEN
        kind := 'send';
    ELSIF (v_first = ANY (estimate_change_words('remove')) OR estimate_verb_of(v_first) = 'remove') AND rest <> '' THEN
        kind := 'remove';
    ELSIF v_first IN ('pon', 'ponle', 'ponele', 'ponme', 'ponga', 'pongale', 'deja', 'dejale', 'dejame')
          AND estimate_number_word(split_part(rest, ' ', 1)) IS NOT NULL
          AND rest !~ '(^| )(mas|otro|otra|otros|otras|adicionales?|extras?)( |$)'
          AND estimate_hours_in(rest) IS NULL
          AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, btrim(substr(rest, length(split_part(rest, ' ', 1)) + 1)))) THEN
        -- "pon 3 codos" when the draft has the elbows: that many, not 3 more ("pon 3 codos más" adds)
        kind := 'quantity';
    ELSIF v_plain ~ ('^(el|la|los|las) [a-z ]{2,40} (son|es|serian|seran|eran) ([0-9]+(\.[0-9]+)?|' || estimate_count_re() || ')( |$)')
          AND v_count <= 10 THEN
        -- "los codos son doce": the number, then what it counts
        kind := 'quantity';
        v_first := (regexp_match(v_plain, '^(?:el|la|los|las) ([a-z ]{2,40}?) (?:son|es|serian|seran|eran) ([^ ]+)'))[1];
        rest := (regexp_match(v_plain, '^(?:el|la|los|las) ([a-z ]{2,40}?) (?:son|es|serian|seran|eran) ([^ ]+)'))[2] || ' '
                -- (esrules) the unit said with the count is kept: "el cobre son tres metros no dos" is the line in
                -- metres, not the elbows named by the same material
                || coalesce((regexp_match(v_plain, '^(?:el|la|los|las) [a-z ]{2,40}? (?:son|es|serian|seran|eran) [^ ]+ (metros?|mts?|m|ml|unidades|piezas)( |$)'))[1] || ' ', '')
                || v_first;
    ELSIF v_count <= 10
          AND v_plain ~ ('^(?:y |e )?(?:el|la|los|las) [a-z][a-z ]{1,39}? (?:que )?(?:son|sean|sea|seran|serian|eran|van|va) ([0-9]+(\.[0-9]+)?|' || estimate_count_re() || ')( |$)')
          -- (a number with a unit of size is a size, not a count: "que sea 18 kw")
          AND v_plain !~ ' ([0-9]+(\.[0-9]+)?|[a-z]+) (mm|milimetros|pulgadas?|pulg|l|lt|lts|litros?|galon|galones|kw|w|watts?|hp|cv|caballos?|cm|bar)( |$)'
          AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id,
                          (regexp_match(v_plain, '^(?:y |e )?((?:el|la|los|las) [a-z][a-z ]{1,39}?) (?:que )?(?:son|sean|sea|seran|serian|eran|van|va) '))[1]))) THEN
        -- "el codo que sean dos", "y los codos son 12", "los flexibles que sean 3": a line there, then its count
        -- (only of a line the draft has: else the words are read as before)
        kind := 'quantity';
        v_first := (regexp_match(v_plain, '^(?:y |e )?(?:el|la|los|las) ([a-z][a-z ]{1,39}?) (?:que )?(?:son|sean|sea|seran|serian|eran|van|va) ([^ ]+)'))[1];
        rest := (regexp_match(v_plain, '^(?:y |e )?(?:el|la|los|las) ([a-z][a-z ]{1,39}?) (?:que )?(?:son|sean|sea|seran|serian|eran|van|va) ([^ ]+)'))[2] || ' ' || v_first;
    ELSIF (v_first = ANY (estimate_change_words('add')) OR estimate_verb_of(v_first) = 'add') AND rest <> '' THEN
        -- (hours "de mano de obra", "de trabajo", "de labor" are still only hours)
        IF estimate_hours_in(rest) IS NOT NULL AND rest ~ '(^| )(horas?|h|hs|hr|hrs)( |$)'
           AND regexp_replace(regexp_replace(estimate_plain(rest), ' (jornal|jornales|jornadas?|dias?) de ', ' ', 'g'),
                              ' (de|del) (mano de obra|trabajo|labor|oficial|fontanero|instalacion|montaje|colocacion)( |$)', ' ', 'g') !~ '(^| )(de|del) ' THEN
            -- ("ponle otra hora", "otras dos horas": more of them)
            kind := CASE WHEN v_plain ~ '(^| )mas( |$)' OR rest ~ '^(otra|otras|otro|otros)( |$)'
                              -- ("súmele", "agréguele", "añádale": a verb of adding by its grammar)
                              OR estimate_verb_of(v_first) = 'add' AND v_first ~ '^(agreg|anad|sum|met)'
                              OR v_first IN ('y', 'mas', 'anade', 'anadele', 'anadir',
                                 'agrega', 'agregale', 'agregar', 'suma', 'sumale', 'sumar', 'mete', 'metele', 'otra', 'otras')
                         THEN 'hours_add' ELSE 'hours_set' END;
        ELSIF v_first IN ('y', 'mas', 'otro', 'otra', 'otros', 'otras', 'pon', 'ponle', 'ponele', 'poner', 'ponme', 'ponga', 'pongale')
              AND estimate_priced_count(estimate_items_in(e.id, rest)) = 0
              AND jsonb_array_length(estimate_items_said_with_count(rest)) = 0
              -- ("y la bomba de medio caballo también": "también" says it goes on this draft, a cotizar when the
              -- catalogue has no one row for it; never a new estimate in place of the open one)
              AND NOT (v_plain ~ '(^| )tambien( |$)' AND jsonb_array_length(coalesce(estimate_items_in(e.id, rest), '[]')) > 0)
              -- (esrules: a verb of putting before a thing said after an article or a count, "pon el termostato
              -- wifi", "póngale también la trampa": that thing, a cotizar when the catalogue lacks it — not "pon el
              -- agua a calentar", whose thing is followed by what to do with it)
              AND NOT (v_first IN ('pon', 'ponle', 'ponele', 'ponme', 'ponga', 'pongale')
                       AND jsonb_array_length(estimate_items_said_as_words(rest)) > 0
                       AND rest !~ ' a [a-z]+(ar|er|ir)( |$)')
              -- (and "y" before a thing the catalogue knows but cannot price alone, said after an article or a
              -- count: "y el tubo de 2 pulgadas, 3 metros", "y las 2 mangueras de 1/2")
              -- (revise29: "y una válvula check", "y un chorro", "y dos uniones": "y", a count or an indefinite
              -- article and a thing said in a few words, no verb and no question — a thing added, a cotizar when the
              -- catalogue lacks it; "y si es de cobre", "y el agua" stay no change)
              AND NOT (v_first IN ('y', 'e')
                       AND rest ~ ('^(tambien )?(un|una|unos|unas|[0-9]+|' || estimate_count_re(2) || ') [a-z]')
                       AND array_length(string_to_array(rest, ' '), 1) <= 6
                       AND rest !~ '(^| )(si|que|como|cuanto|cuanta|cuando|donde|porque|por que|para que|poco|poquito|rato|momento|dia|semana|mes|vez)( |$)'
                       AND NOT EXISTS (SELECT 1 FROM unnest(string_to_array(rest, ' ')) w
                                       WHERE estimate_verb_of(w) IS NOT NULL OR w ~ '[a-z]{3,}(ar|er|ir)$')
                       AND jsonb_array_length(estimate_items_said_as_words(rest)) > 0)
              AND NOT (v_first IN ('y', 'mas')
                       AND rest ~ ('^(tambien )?(el|la|los|las|un|una|[0-9]+|' || estimate_count_re(2) || ') [a-z0-9]')
                       AND (jsonb_array_length(coalesce(estimate_items_in(e.id, rest), '[]')) > 0
                            -- (or with its count said after the article: "y las 2 mangueras de 1/2")
                            OR rest ~ ('^(tambien )?(los|las) ([0-9]+|' || estimate_count_re(2) || ') [a-z]')
                               AND jsonb_array_length(estimate_items_said_as_words(rest)) > 0)) THEN
            -- "y si es de cobre", "pon el agua a calentar": not an item the catalogue prices, so not a change
            -- (a follow-up question for the answers); "añade …" with nothing known is asked back instead.
            kind := NULL;
        ELSE
            kind := 'add';
        END IF;
    ELSIF (v_first IN ('cambia', 'cambiale', 'cambialo', 'cambiala', 'cambie', 'cambiele', 'sustituye', 'sustituyele',
                       'sustituya', 'reemplaza', 'reemplazale', 'reemplace') OR v_first ~ '^cambi(a|e)(me|le|les)$')
          -- (esrules: also "cámbiame el calefón a uno de 16 litros", the pronoun after "a")
          -- (only for a verb the readings below do not take: "cambia el termo a uno de 100 litros" is a resize there)
          AND (v_plain ~ ' por ' OR NOT (v_first = ANY (estimate_change_words('set')))
                                    AND v_plain ~ ' a (uno|una|otro|otra) (de|del|con|sin|mas|que sea) ')
          AND v_plain !~ '^cambia(lo|la)? (a|en) ' THEN
        -- "cambiale el calefón por uno de once litros": one item for another. Never guessed: asked back in
        -- two steps on a draft; refused (a new estimate offered) once the customer decided.
        kind := 'replace';
        rest := v_plain;
    ELSIF e.to_quote_count > 0 AND v_count <= 6 AND v_plain !~ '[0-9]'
          AND cardinality(estimate_kinds_said(estimate_words(v_plain),
                                              (SELECT st.kind_words FROM estimate_settings st WHERE st.id))) > 0 THEN
        kind := 'complete';   -- "a gas", "eléctrico", "es de paso": the kind a line a cotizar was asked for
        rest := v_plain;
    ELSIF e.to_quote_count > 0 AND v_count <= 5 AND v_plain !~ '[0-9]' AND EXISTS (
            SELECT 1 FROM estimate_lines l2
             WHERE l2.estimate_id = e.id AND l2.to_quote
               AND cardinality(estimate_choices_named(estimate_line_choices(l2, e.inputs -> (l2.position - 1)), v_plain))
                   BETWEEN 1 AND cardinality(estimate_line_choices(l2, e.inputs -> (l2.position - 1))) - 1) THEN
        kind := 'complete';   -- "el termostático": the catalogue's words for some of a line's choices
        rest := v_plain;
    ELSIF v_plain ~ '^(todo|toda|todos|todas|ambos|ambas|las dos cosas|los dos|las dos)( es| son| sera| seran)? (de|del|en) ' AND v_count <= 8 THEN
        kind := 'complete';   -- "todo de 1/2", "todas son de tres cuartos": one size for every line a cotizar
        rest := v_plain;
    ELSIF v_plain ~ '^(es|son|el|la|los|las) (de|del) ' AND v_count <= 8 THEN
        kind := 'complete';   -- "es de 22", "la de media pulgada": a size, not a quantity
        rest := v_plain;
    ELSIF v_plain ~ '^(un solo|una sola|solo un|solo una|solamente un|solamente una|nomas un|nomas una) [a-z]' AND v_count <= 6 THEN
        kind := 'quantity';   -- "no, un solo cartucho": one of that line
        rest := '1 ' || regexp_replace(v_plain, '^[a-z]+ [a-z]+ ', '');
    ELSIF (v_first = ANY (estimate_change_words('set')) OR v_plain ~ '^(que sean|mejor|en vez de|en lugar de)')
          AND (estimate_hours_in(v_plain) IS NOT NULL AND v_plain ~ '(^| )(horas?|h|hs|hr|hrs)( |$)') THEN
        kind := 'hours_set';
        rest := v_plain;
    ELSIF v_first = ANY (estimate_change_words('set')) OR v_plain ~ '^(que sean|mejor) ' THEN
        IF v_plain ~ ('(^| )([0-9]+(\.[0-9]+)?|' || estimate_count_re() || '|media)( |$)') THEN
            kind := 'quantity';
            -- (the openers stack: "mejor que sean 8 metros", "no, mejor son 3": every one of them goes)
            rest := regexp_replace(v_plain, '^(?:(?:que sean|mejor|son|serian|seran|sean|es|eran|cambialo a|cambiala a|cambia a|bajale a|bajalo a|baja a|subele a|subelo a|sube a|dejalo en|dejala en|deja en|dejale|solo|a) )+', '');
            -- a count corrected: "no son 3, son 2 llaves", "no eran cuatro eran dos", "son 3 sino 2": the
            -- number said last is the count, the one before it was the old one
            IF estimate_number_word(split_part(rest, ' ', 1)) IS NOT NULL
               AND rest ~ '^[a-z0-9.]+ (?:no )?(?:son|es|eran|era|serian|seran|sean|sino|que sean) [a-z0-9.]+' 
               AND estimate_number_word((regexp_match(rest, '^[a-z0-9.]+ (?:no )?(?:son|es|eran|era|serian|seran|sean|sino|que sean) ([a-z0-9.]+)'))[1]) IS NOT NULL THEN
                rest := regexp_replace(rest, '^[a-z0-9.]+ (?:no )?(?:son|es|eran|era|serian|seran|sean|sino|que sean) ', '');
            -- (revise31) the thing said between the two numbers: "no son dos llaves son tres", "no eran cuatro codos
            -- sino dos" are "3 llaves", "2 codos" (before, the first number was taken: the old count, no change)
            ELSIF estimate_number_word(split_part(rest, ' ', 1)) IS NOT NULL
                  AND rest ~ '^[a-z0-9.]+ [a-z][a-z ]{1,40}? (?:no )?(?:son|eran|serian|seran|sean|sino|que sean|mas bien) [a-z0-9.]+$'
                  AND estimate_number_word((regexp_match(rest, ' ([a-z0-9.]+)$'))[1]) IS NOT NULL THEN
                rest := (regexp_match(rest, ' ([a-z0-9.]+)$'))[1] || ' '
                        || (regexp_match(rest, '^[a-z0-9.]+ ([a-z][a-z ]{1,40}?) (?:no )?(?:son|eran|serian|seran|sean|sino|que sean|mas bien) '))[1];
            END IF;
        END IF;
    ELSIF v_count <= 8 AND v_plain ~ '^(el|la|los|las) [a-z]+( [a-z]+)? (es|son) de ([0-9]|media|un cuarto|tres cuartos|una pulgada)' THEN
        kind := 'complete';   -- "la canilla es de media": the size of a line said (a line a cotizar or a priced one)
        rest := v_plain;
    ELSIF v_count <= 10
          AND v_plain ~ ('^(?:el|la|los|las) [a-z]+(?: [a-z]+){0,2}? (?:de|del) ([0-9]|media|un cuarto|tres cuartos|una pulgada|'
                         || estimate_size_number_re() || '|cuarenta|cincuenta|sesenta|ochenta|cien)( |$)')
          AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id,
                          (regexp_match(v_plain, '^((?:el|la|los|las) [a-z]+(?: [a-z]+){0,2}?) (?:de|del) ([0-9]|media|un cuarto|tres cuartos|una pulgada|'
                                                 || estimate_size_number_re() || '|cuarenta|cincuenta|sesenta|ochenta|cien)( |$)'))[1])) n
                      WHERE n.to_quote)
          AND NOT EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id,
                          (regexp_match(v_plain, '^((?:el|la|los|las) [a-z]+(?: [a-z]+){0,2}?) (?:de|del) ([0-9]|media|un cuarto|tres cuartos|una pulgada|'
                                                 || estimate_size_number_re() || '|cuarenta|cincuenta|sesenta|ochenta|cien)( |$)'))[1])) n
                      WHERE NOT n.to_quote) THEN
        -- (esrules) "los flexibles de media de cuarenta centímetros", "las mangueras de 40 cm": lines a cotizar of the
        -- draft named, then their size, without a verb: those lines' size (never a new estimate). A priced line
        -- named so is a resize, read by estimate_change_parse as before.
        kind := 'complete';
        rest := v_plain;
    ELSIF (e.to_quote_count > 0 OR v_plain ~ '^(el|la|los|las) ') AND cardinality(estimate_complete_clauses(v_plain)) > 1 THEN
        kind := 'complete';   -- "la general es de tres cuartos y las del baño de media": a size for each
        rest := v_plain;
    ELSIF v_count <= 8 AND (
            e.to_quote_count > 0
            AND (v_plain ~ '^(el |la |los |las |es |son )?(de|del) ' OR v_plain ~ '[0-9]' OR v_plain ~ '(^| )(pulgadas?|mm|milimetros)( |$)')
          OR v_plain ~ '^(el |la |los |las |es |son )?(de|del) ([0-9]|media|un cuarto|tres cuartos|una pulgada)') THEN
        kind := 'complete';
        rest := v_plain;
    END IF;
END
$$;

-- A size said in folded words (estimate_words): "1 hp", "1100 l", "1/2", "20 mm", "medio caballo" = the size's
-- words, or NULL. A bare number ("3") is a quantity, never a size; metres are a quantity too ("15 metro").
-- (the folding spells horsepower "cabayo" and "cv" as "cb", and drops "un": "medio caballo" is "medio cabayo" = 1/2
-- hp, "un caballo" is "cabayo" = 1 hp; a power is always said in hp): folded words with every power as "N hp"
CREATE OR REPLACE FUNCTION estimate_hp_words(folded text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(regexp_replace(regexp_replace(' ' || coalesce(folded, '') || ' ',
               ' (medio|media) (cabayos?|caballos?|cb|cv|hp)(?= )', ' 1/2 hp', 'g'),
               ' ([0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+) (cabayos?|caballos?|cb|cv)(?= )', ' \1 hp', 'g'),
               ' (cabayos?|caballos?)(?= )', ' 1 hp', 'g'))
$$;

CREATE OR REPLACE FUNCTION estimate_size_in(folded text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (regexp_match(' ' || estimate_hp_words(folded) || ' ',
                         ' ((?:[0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+|medio) (?:l|galon|hp|cv|caballo|mm|cm|kw|bar)|[0-9]+/[0-9]+)(?= )'))[1]
$$;

-- "cambia lo galvanizado por ppr de 20", "lo de cobre cámbialo x multicapa de 16": every line of one material (a
-- kind of the material group of estimate_settings.kind_words, said on a line of estimate e) becomes the same
-- thing in the other material and size: {"op": "material", "rest": old material, "value": what replaces it}, or
-- NULL. `body` is folded by estimate_plain, without the fillers (estimate_change_body).
CREATE OR REPLACE FUNCTION estimate_change_material(e estimates, body text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_m     text[] := regexp_match(coalesce(body, ''), '^(?:(?:cambia|cambiale|cambialo|cambiala|cambie|cambiele|cambiar|pasa|pasalo|pasame|sustituye|reemplaza|reemplace|mejor|todo) )*(?:(?:lo|el|la|los|las|todo lo|toda la|todos los|todas las) )?(?:de |en )?([a-z]+)(?: (?:cambialo|cambiala|cambialos|cambialas|pasalo|pasala|pasalos|pasalas|ponlo|ponla|ponlos|ponlas|hazlo|hazla))? (?:por|x|a|en) ([a-z].*)$');
    v_kinds text := (SELECT st.kind_words FROM estimate_settings st WHERE st.id);
    v_from  text[];
    v_to    text[];
BEGIN
    IF v_m IS NULL THEN
        RETURN NULL;
    END IF;
    v_from := estimate_kinds_said(estimate_words(v_m[1]), v_kinds);
    v_to := estimate_kinds_said(estimate_words(split_part(v_m[2], ' ', 1)), v_kinds);
    IF cardinality(v_from) = 1 AND cardinality(v_to) = 1 AND v_from <> v_to
       AND split_part(v_from[1], ':', 1) = split_part(v_to[1], ':', 1)
       AND EXISTS (SELECT 1 FROM estimate_lines l2 WHERE l2.estimate_id = e.id
                     AND estimate_words(v_m[1]) = ANY (string_to_array(estimate_words(concat_ws(' ', l2.description, l2.requested)), ' '))) THEN
        RETURN jsonb_build_object('op', 'material', 'rest', v_m[1], 'value', v_m[2]);
    END IF;
    RETURN NULL;
END
$$;

-- "mejor en cobre, de 15 todo", "hazlo en PPR de 20, los codos también", "todo en pvc", "el tubo es de pvc de
-- media", "lo quiere a gas, cámbialo por uno a gas de 80": a new material (or another kind of a group of
-- estimate_settings.kind_words) said without the old one. The lines of materials of e whose words say another kind
-- of that group become the same thing in the kind said (and the size said right after it, else each line's own
-- size): {"op": "material", "rest": the kind said, "value": kind [size], "lines": [positions]}, or NULL. Never when
-- a line a cotizar has a choice of the kind said (then the words answer its question: op complete), when the
-- words say two kinds of the group, or name no line of another kind (nothing to change: asked as before).
CREATE OR REPLACE FUNCTION estimate_change_material_to(e estimates, body text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_kinds text := (SELECT st.kind_words FROM estimate_settings st WHERE st.id);
    v_words text[] := string_to_array(coalesce(body, ''), ' ');
    v_to    text[];
    v_at    integer;
    v_size  text;
    v_lines integer[];
BEGIN
    IF cardinality(v_words) = 0 OR cardinality(v_words) > 14 OR body ~ '^[0-9]'
       OR v_words[1] = ANY (estimate_change_words('add') || estimate_change_words('remove'))
       OR estimate_verb_of(v_words[1]) IN ('add', 'remove') THEN
        RETURN NULL;
    END IF;
    v_to := estimate_kinds_said(estimate_words(body), v_kinds);
    IF cardinality(v_to) <> 1 THEN
        RETURN NULL;
    END IF;
    -- the word that says it, introduced as a material is ("en cobre", "de pvc", "a gas", "x ppr", "es pvc")
    SELECT min(i) INTO v_at FROM generate_subscripts(v_words, 1) AS i
     WHERE i > 1 AND v_words[i - 1] IN ('en', 'de', 'a', 'x', 'por', 'es', 'son', 'plastico', 'todo', 'sea', 'sean')
       AND estimate_kinds_said(estimate_words(v_words[i]), v_kinds) = v_to;
    IF v_at IS NULL THEN
        RETURN NULL;
    END IF;
    -- a line a cotizar that may be of that kind: the words answer it
    -- (not a line whose own words say another kind of that group: "terma a gas" is changed, not answered)
    IF EXISTS (SELECT 1 FROM estimate_lines l2, unnest(estimate_line_choices(l2, e.inputs -> (l2.position - 1))) c
                WHERE l2.estimate_id = e.id AND l2.to_quote
                  AND v_to[1] = ANY (estimate_row_kinds(c, v_kinds))
                  AND NOT EXISTS (SELECT 1 FROM unnest(estimate_kinds_said(estimate_words(concat_ws(' ', l2.description, l2.requested)), v_kinds)) k
                                   WHERE split_part(k, ':', 1) = split_part(v_to[1], ':', 1) AND k <> v_to[1])) THEN
        RETURN NULL;
    END IF;
    v_lines := ARRAY(
        SELECT l2.position FROM estimate_lines l2
         WHERE l2.estimate_id = e.id AND coalesce(l2.kind, 'material') = 'material'
           AND EXISTS (SELECT 1 FROM unnest(estimate_kinds_said(estimate_words(concat_ws(' ', l2.description, l2.requested,
                                                                                          estimate_code_words(l2.catalog_code))), v_kinds)) k
                        WHERE split_part(k, ':', 1) = split_part(v_to[1], ':', 1))
           AND NOT v_to[1] = ANY (estimate_kinds_said(estimate_words(concat_ws(' ', l2.description, l2.requested,
                                                                                estimate_code_words(l2.catalog_code))), v_kinds))
         ORDER BY l2.position);
    IF cardinality(v_lines) = 0 THEN
        RETURN NULL;
    END IF;
    -- the size said right after it ("ppr de 20", "pvc de media", "cobre de 15 mm", "gas de 80")
    v_size := substring(array_to_string(v_words[v_at + 1:], ' ')
                        FROM '^(?:de |del )?((?:[0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+|media|tres cuartos|un cuarto|una pulgada|pulgada)(?: (?:mm|l|lts|litros|pulgadas?))?)(?: |$)');
    RETURN jsonb_build_object('op', 'material', 'rest', v_words[v_at],
                              'value', v_words[v_at] || coalesce(' de ' || v_size, ''), 'sized', v_size IS NOT NULL,
                              'lines', to_jsonb(v_lines));
END
$$;

-- The millimetres plumbers give a nominal size in inches (1/2" is 15 mm copper, 16 mm multicapa, 20 mm PPR; 2" is a
-- 50 mm drain; 3" a 75 mm one): the range a row in mm must be in to be that size. NULL: no such size known.
CREATE OR REPLACE FUNCTION estimate_inch_mm(inches text) RETURNS numrange
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE btrim(estimate_words(inches))
               WHEN '3/8' THEN numrange(10, 14, '[]') WHEN '1/2' THEN numrange(12, 20, '[]')
               WHEN '3/4' THEN numrange(18, 26, '[]') WHEN '1' THEN numrange(25, 32, '[]')
               WHEN '1 1/4' THEN numrange(32, 40, '[]') WHEN '1 1/2' THEN numrange(40, 50, '[]')
               WHEN '2' THEN numrange(50, 63, '[]') WHEN '2 1/2' THEN numrange(63, 75, '[]')
               WHEN '3' THEN numrange(75, 82, '[]') WHEN '4' THEN numrange(100, 110, '[]') END
$$;

-- "todo de 3 pulgadas mejor", "mejor de 25 todo", "todos de 100 litros" (a word of all and one size, no count): the
-- lines of materials of e sized in that dimension (mm and inches: a diameter; litres and gallons: a capacity; a
-- bare number: the one unit the priced lines share), and the lines a cotizar whose words say a bare number,
-- each to that size: {"op": "resize", "lines": [...], "value": size, "unit": mm|in|l|galon}, or NULL. Only when a
-- priced line is of another size (else nothing changes: the lines a cotizar are completed as before), and never
-- when a line a cotizar asks among rows of that size (the words answer it: op complete).
CREATE OR REPLACE FUNCTION estimate_change_family_size(e estimates, body text, words text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN estimate_change_family_size(e, body, words, '{}'::integer[]);
END
$$;

-- (p_except: lines left out of the word of all — "cambia todo a 20, las llaves de 3/4": the valves are said apart,
-- estimate_change_all_but; they neither take the size for all nor decide its unit)
CREATE OR REPLACE FUNCTION estimate_change_family_size(e estimates, body text, words text, p_except integer[]) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    -- (wrongprice, stop 29: the old size said after the new one as a correction is no second size: "todo es de 32
    -- no de 25", "todo de 3/4, no de media", "todo en 20 y no en 16" are one size for all; the lines of the old
    -- size are the ones it changes, as ever)
    v_body  text := regexp_replace(coalesce(body, ''),
                        ' (?:y |pero )?no (?:es |era |son |eran )?(?:de|en|a) (?:[0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+|media|tres cuartos|una|un)'
                        '(?: (?:pulgadas?|pulg|mm|milimetros|litros|l|galones))?$', '');
    v_fold  text := estimate_words(v_body);
    v_pat   text := ' ([0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+)(?: (mm|l|galon|cm))?(?= )';
    v_m     text[];
    v_unit  text;
    v_dim   text;
    v_lines integer[];
    v_all   jsonb;
    v_all_w boolean := coalesce(body, '') ~ '(^| )(todo|todos|todas|toda|ambos|ambas)( |$)';
    v_named integer[];
    v_part  text;
BEGIN
    -- A word of all ("todo de 1 1/2 mejor"), or a verb of changing with "a" the size and the lines it names
    -- ("cámbialo a 3/4 la tubería y las check", "pasa a 1 pulgada el filtro y la llave"). One size, said once or
    -- said again the same ("la entrada es de 1 pulgada, cámbialo todo a 1 pulgada"); no count.
    IF e.id IS NULL OR NOT (v_all_w OR coalesce(body, '') ~ '^(cambia|cambialo|cambiala|cambialos|cambialas|cambie|cambielo|cambiele|pasa|pasalo|pasala|pasalos|ponlo|ponla|ponlos|ponlas|hazlo|hazla|hazlos) (a|de|en) ')
       OR cardinality(string_to_array(body, ' ')) > 16
       OR body ~ '(^| )(m|mt|mts|metro|metros|ud|uds|unidad|unidades|pieza|piezas|h|hs|hora|horas|mas|menos)( |$)'
       OR (SELECT count(DISTINCT x[1] || coalesce(x[2], '')) FROM regexp_matches(' ' || v_fold || ' ', v_pat, 'g') AS x) <> 1 THEN
        RETURN NULL;
    END IF;
    v_m := regexp_match(' ' || v_fold || ' ', v_pat);
    v_unit := CASE WHEN v_m[2] = 'cm' THEN NULL WHEN v_m[2] IS NOT NULL THEN v_m[2]
                   WHEN v_m[1] ~ '/' OR coalesce(words, '') ~* '(pulgadas?|pulg|"|”)' THEN 'in' END;
    IF v_m[2] = 'cm' THEN
        RETURN NULL;
    END IF;
    -- the sized lines of materials: [{position, unit of its size, priced, same (already that size)}]
    SELECT coalesce(jsonb_agg(jsonb_build_object('position', n.position, 'unit', estimate_size_unit(z.size),
               'priced', NOT n.to_quote AND n.catalog_code IS NOT NULL,
               'same', regexp_replace(btrim(estimate_words(coalesce(z.size, ''))), ' (mm|l|galon|cm)$', '') = v_m[1])), '[]')
      INTO v_all
      FROM estimate_lines n,
           LATERAL (SELECT CASE WHEN NOT n.to_quote AND n.catalog_code IS NOT NULL THEN estimate_row_size(n.description)
                                ELSE coalesce(estimate_size_in(estimate_words(coalesce(n.requested, n.description))),
                                              estimate_row_size(coalesce(n.requested, n.description))) END AS size) z
     WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material' AND NOT n.position = ANY (coalesce(p_except, '{}'))
       AND (z.size IS NOT NULL OR n.to_quote AND estimate_words(coalesce(n.requested, n.description)) ~ '(^| )[0-9]');
    IF v_unit IS NULL THEN   -- a bare number: the one unit the priced lines share
        SELECT min(f.unit) INTO v_unit FROM jsonb_to_recordset(v_all) AS f(position integer, unit text, priced boolean, same boolean) WHERE f.priced HAVING count(DISTINCT f.unit) = 1;
        IF v_unit NOT IN ('mm', 'l') THEN
            RETURN NULL;
        END IF;
    END IF;
    v_dim := CASE WHEN v_unit IN ('mm', 'in') THEN 'd' WHEN v_unit IN ('l', 'galon') THEN 'c' END;
    IF v_dim IS NULL THEN
        RETURN NULL;
    END IF;
    v_lines := ARRAY(SELECT f.position FROM jsonb_to_recordset(v_all) AS f(position integer, unit text, priced boolean, same boolean)
                      WHERE CASE WHEN f.unit IN ('mm', 'in') THEN 'd' WHEN f.unit IN ('l', 'galon') THEN 'c'
                                 WHEN f.unit IS NULL AND NOT f.priced THEN v_dim END = v_dim
                      ORDER BY f.position);
    -- without a word of all, only the lines the words name, every part naming one ("la tubería y las check")
    IF NOT v_all_w THEN
        v_named := '{}';
        FOREACH v_part IN ARRAY regexp_split_to_array(
                btrim(regexp_replace(' ' || regexp_replace(body, '^[a-z]+ (a|de|en) ', '') || ' ',
                                     ' (?:(?:de|del) )?(?:[0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+|media|tres cuartos|un cuarto|una|uno)(?: (?:pulgadas?|pulg|mm|l|litros))?(?= )', ' ', 'g')),
                '\s*(?: y |,)\s*') LOOP
            v_part := btrim(regexp_replace(' ' || v_part || ' ', ' (mejor|porfa|por favor|tambien|entonces) ', ' ', 'g'));
            CONTINUE WHEN v_part = '';
            IF NOT EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_part))) THEN
                RETURN NULL;
            END IF;
            v_named := v_named || ARRAY(SELECT x.position FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_part)) x);
        END LOOP;
        v_lines := ARRAY(SELECT unnest(v_lines) INTERSECT SELECT unnest(v_named) ORDER BY 1);
        IF cardinality(v_named) = 0 OR cardinality(v_lines) = 0 THEN
            RETURN NULL;
        END IF;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(v_all) AS f(position integer, unit text, priced boolean, same boolean) WHERE f.priced AND NOT f.same AND f.position = ANY (v_lines)) THEN
        RETURN NULL;
    END IF;
    -- a line a cotizar asking among rows of that size: the words answer it
    IF EXISTS (SELECT 1 FROM estimate_lines n WHERE n.estimate_id = e.id AND n.to_quote
                 AND estimate_answer_fits(estimate_line_choices(n, e.inputs -> (n.position - 1)), v_body) = 'fits') THEN
        RETURN NULL;
    END IF;
    RETURN jsonb_build_object('op', 'resize', 'rest', body, 'lines', to_jsonb(v_lines), 'unit', v_unit,
                              'value', CASE v_unit WHEN 'in' THEN v_m[1] || '"' ELSE v_m[1] || ' ' || v_unit END);
END
$$;

-- "que sean dos de cada cosa", "son 2 baños, todo doble", "el triple de todo", "x2 todo": a count for every line of
-- materials (not hours, call-out, disposal or permits): "N de cada (cosa|una|uno|partida|línea)" sets each to N;
-- "doble"/"triple" with a word of all ("todo", "de todo") multiplies each. {"op": "quantity", "lines": [...],
-- "values": {position: count}}, or NULL (no such words, or no line of materials).
CREATE OR REPLACE FUNCTION estimate_change_every_count(e estimates, body text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_m      text[];
    v_n      numeric;
    v_factor numeric;
    v_values jsonb;
BEGIN
    IF e.id IS NULL OR coalesce(body, '') = '' OR cardinality(string_to_array(body, ' ')) > 12
       OR body ~ '(^| )(mas|menos|quita|quitale|saca|sacale|horas?|hs|mm|pulgadas?|litros|galones)( |$)' THEN
        RETURN NULL;
    END IF;
    v_m := regexp_match(body, '(?:^| )([0-9]+|' || estimate_count_re() || ') de cada (?:cosa|cosas|una|uno|partida|partidas|linea|lineas|material|materiales|pieza|piezas)(?: |$)');
    IF v_m IS NOT NULL THEN
        v_n := estimate_number_word(v_m[1]);
    ELSIF body ~ '(^| )(todo|todos|todas|de todo|todo el|todo lo)( [a-z]+)?( es| son| sera| seran)? (doble|el doble|por dos|x2|triple|el triple|por tres|x3)( |$)'
          OR body ~ '(^| )(el )?(doble|triple) de (todo|todos|todas|cada cosa)( |$)'
          OR body ~ '(^| )(x2|x3|por dos|por tres) (todo|todos|todas)( |$)' THEN
        v_factor := CASE WHEN body ~ '(triple|por tres|x3)' THEN 3 ELSE 2 END;
    ELSE
        RETURN NULL;
    END IF;
    IF coalesce(v_n, 1) <= 0 THEN
        RETURN NULL;
    END IF;
    SELECT jsonb_object_agg(n.position::text, coalesce(v_n, n.quantity * v_factor)) INTO v_values
      FROM estimate_lines n
     WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material';
    IF v_values IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN jsonb_build_object('op', 'quantity', 'rest', body,
                              'lines', to_jsonb(ARRAY(SELECT x::int FROM jsonb_object_keys(v_values) x ORDER BY 1)),
                              'values', v_values);
END
$$;

-- "cambia todo a 20, las llaves de 3/4", "todo de 1 pulgada menos la llave que es de media": one size for all and,
-- after it, the lines named apart with their own size. The lines named apart are left out of the word of all
-- (estimate_change_family_size with p_except) and get the size said for them: {"op": "resize", "lines": [...],
-- "sizes": {position: size}, "units": {position: unit}}, or NULL (no word of all with a size, no line named after
-- it, or the word of all alone would change nothing).
CREATE OR REPLACE FUNCTION estimate_change_all_but(e estimates, body text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_m      text[];
    v_t      text[];
    v_except integer[];
    v_base   jsonb;
    v_unit   text;
    v_num    text;
    v_sizes  jsonb := '{}';
    v_units  jsonb := '{}';
    v_pos    text;
BEGIN
    IF e.id IS NULL OR coalesce(body, '') !~ '(^| )(todo|todos|todas|toda)( |$)' OR cardinality(string_to_array(body, ' ')) > 16 THEN
        RETURN NULL;
    END IF;
    v_m := regexp_match(body, '^(.*?(?:^| )(?:todo|todos|todas|toda)(?: (?:es|son|sera|seran|sean|que sean))? (?:a|de|en) [^ ]+(?: [0-9]+/[0-9]+)?(?: (?:pulgadas?|pulg|mm|milimetros|litros|l|galones))?)(?: (?:y|pero|menos|excepto|salvo|solo))? ((?:el|la|los|las) [a-z].*)$');
    IF v_m IS NULL THEN
        RETURN NULL;
    END IF;
    -- what is said apart: the lines it names, then its size ("las llaves de 3/4", "la llave que es de media")
    v_t := regexp_match(v_m[2], '^((?:el|la|los|las) [a-z][a-z ]*?) (?:(?:que )?(?:sean|sea|son|es|van|va|iran|ira) )?(?:de|a|en) ([0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+|media|un cuarto|tres cuartos|una pulgada)(?: (pulgadas?|pulgada|pulg|mm|milimetros|litros|l|galones))?(?: (?:mejor|tambien|nomas|porfa|por favor))?$');
    IF v_t IS NULL THEN
        RETURN NULL;
    END IF;
    v_except := ARRAY(SELECT x.position FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_t[1])) x
                       WHERE coalesce(x.kind, 'material') = 'material' ORDER BY 1);
    IF cardinality(v_except) = 0 THEN
        RETURN NULL;
    END IF;
    v_base := estimate_change_family_size(e, v_m[1], v_m[1], v_except);
    IF v_base IS NULL THEN
        RETURN NULL;
    END IF;
    -- the size said apart, in its unit: inches when a fraction or "pulgada" is said; else the unit said; else the
    -- one unit of the lines it names
    v_num := estimate_words(v_t[2]);
    v_unit := CASE WHEN v_num ~ '/' OR v_t[2] IN ('media', 'un cuarto', 'tres cuartos', 'una pulgada')
                        OR v_t[3] ~ '^pulg' THEN 'in'
                   WHEN v_t[3] IN ('mm', 'milimetros') THEN 'mm'
                   WHEN v_t[3] IN ('litros', 'l') THEN 'l'
                   WHEN v_t[3] = 'galones' THEN 'galon' END;
    IF v_unit IS NULL THEN
        SELECT min(estimate_size_unit(estimate_row_size(n.description))) INTO v_unit FROM estimate_lines n
         WHERE n.estimate_id = e.id AND n.position = ANY (v_except)
        HAVING count(DISTINCT estimate_size_unit(estimate_row_size(n.description))) = 1;
    END IF;
    v_num := regexp_replace(v_num, ' ?(pulgadas?|pulg|"|mm|l|galon)$', '');
    IF v_unit IS NULL OR v_num !~ '^[0-9]' THEN
        RETURN NULL;
    END IF;
    FOR v_pos IN SELECT x FROM jsonb_array_elements_text(v_base -> 'lines') x LOOP
        v_sizes := v_sizes || jsonb_build_object(v_pos, v_base ->> 'value');
        v_units := v_units || jsonb_build_object(v_pos, v_base ->> 'unit');
    END LOOP;
    FOREACH v_pos IN ARRAY v_except::text[] LOOP
        v_sizes := v_sizes || jsonb_build_object(v_pos, CASE v_unit WHEN 'in' THEN v_num || '"' ELSE v_num || ' ' || v_unit END);
        v_units := v_units || jsonb_build_object(v_pos, v_unit);
    END LOOP;
    RETURN jsonb_build_object('op', 'resize', 'rest', body,
                              'lines', to_jsonb(ARRAY(SELECT x::int FROM jsonb_object_keys(v_sizes) x ORDER BY 1)),
                              'sizes', v_sizes, 'units', v_units, 'value', v_base ->> 'value');
END
$$;

-- "que sea de 40 el tubo y los codos y la llave de uno y cuarto", "mejor el tubo y los codos de 22 y la llave de
-- 3/4": sizes said for the lines named, each name taking the size said right after it, else the one said before
-- it ("de 40 el tubo y los codos"), else the next one said ("el tubo y los codos de 22"). Every name must name
-- lines of materials of e and get a size; a bare number is in the line's own unit (mm, litres), else inches when
-- the line's size is in inches. {"op": "resize", "lines": [...], "sizes": {position: size}, "units": {position:
-- unit}}, or NULL. Only for two names or more, with a word of changing first (que sea, mejor, cambia…) or two sizes
-- said, and a priced line
-- named at another size (lines a cotizar only: the complete reading answers them).
CREATE OR REPLACE FUNCTION estimate_change_sizes_named(e estimates, body text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_body  text := coalesce(body, '');
    v_opens boolean;
    v_fold  text;
    v_size_re text := '(?:[0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+)(?: (?:mm|l|galon))?';
    v_seg   text;
    v_m     text[];
    v_cur   text;
    v_pend  text[] := '{}';
    v_names text[] := '{}';
    v_sizes text[] := '{}';
    v_lines integer[] := '{}';
    v_sz    jsonb := '{}';
    v_un    jsonb := '{}';
    i       integer;
    v_pos   integer;
    v_unit  text;
    v_lsize text;
BEGIN
    v_opens := v_body ~ '^(que sea|que sean|sea|sean|seran|serian|mejor|ahora|cambia|cambialo|cambialos|cambiala|cambialas|cambie|cambielo|pasa|pasalo|pasalos|ponlo|ponlos|hazlo|hazlos|dejalo|dejalos) ';
    v_body := regexp_replace(v_body, '^(?:(?:que sea|que sean|sea|sean|seran|serian|mejor|ahora|cambia|cambialo|cambialos|cambiala|cambialas|cambie|cambielo|pasa|pasalo|pasalos|ponlo|ponlos|hazlo|hazlos|dejalo|dejalos|todo|a|en) )+', '');
    IF e.id IS NULL OR v_body = '' OR cardinality(string_to_array(v_body, ' ')) > 20
       OR v_body ~ '(^| )(m|mt|mts|metro|metros|h|hs|hora|horas|mas|menos|quita|quitale|saca|anade|agrega)( |$)' THEN
        RETURN NULL;
    END IF;
    v_fold := estimate_words(v_body);
    FOREACH v_seg IN ARRAY regexp_split_to_array(v_fold, ' y ') LOOP
        v_m := regexp_match(' ' || v_seg || ' ', '^ (' || v_size_re || ' )?((?:(?![0-9])[a-z/]+ ?)*?)(' || v_size_re || ' )?$');
        IF v_m IS NULL OR btrim(v_m[2]) = '' THEN
            RETURN NULL;
        END IF;
        IF v_m[1] IS NOT NULL THEN
            v_cur := btrim(v_m[1]);
        END IF;
        IF v_m[3] IS NOT NULL THEN
            v_cur := btrim(v_m[3]);
            -- the names waiting for a size take this one
            FOREACH v_seg IN ARRAY v_pend LOOP
                v_names := v_names || v_seg;
                v_sizes := v_sizes || v_cur;
            END LOOP;
            v_pend := '{}';
            v_names := v_names || btrim(v_m[2]);
            v_sizes := v_sizes || v_cur;
        ELSIF v_cur IS NOT NULL THEN
            v_names := v_names || btrim(v_m[2]);
            v_sizes := v_sizes || v_cur;
        ELSE
            v_pend := v_pend || btrim(v_m[2]);
        END IF;
    END LOOP;
    -- (one line named with one size is the one-line reading below: "mejor que sea de 80 litros el termo")
    IF cardinality(v_pend) > 0 OR cardinality(v_names) < 2
       OR NOT (v_opens OR (SELECT count(DISTINCT x) FROM unnest(v_sizes) x) > 1) THEN
        RETURN NULL;
    END IF;
    FOR i IN 1 .. cardinality(v_names) LOOP
        IF NOT EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_names[i])) x
                        WHERE coalesce(x.kind, 'material') = 'material') THEN
            RETURN NULL;
        END IF;
        FOR v_pos, v_lsize IN
            SELECT x.position, CASE WHEN NOT x.to_quote AND x.catalog_code IS NOT NULL THEN estimate_row_size(x.description)
                                    ELSE coalesce(estimate_size_in(estimate_words(coalesce(x.requested, x.description))),
                                                  estimate_row_size(coalesce(x.requested, x.description))) END
              FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_names[i])) x
             WHERE coalesce(x.kind, 'material') = 'material'
               -- (of several, the lines whose own name says it: the tank, not the float known as the tank's float)
               AND (string_to_array(estimate_words(estimate_named_part(e.id, v_names[i])), ' ')
                        <@ string_to_array(estimate_words(concat_ws(' ', x.description, x.requested)), ' ')
                    OR NOT EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_names[i])) x3
                                    WHERE coalesce(x3.kind, 'material') = 'material'
                                      AND string_to_array(estimate_words(estimate_named_part(e.id, v_names[i])), ' ')
                                          <@ string_to_array(estimate_words(concat_ws(' ', x3.description, x3.requested)), ' '))) LOOP
            v_unit := CASE WHEN v_sizes[i] ~ ' (mm|l|galon)$' THEN substring(v_sizes[i] FROM ' ([a-z]+)$')
                           WHEN v_sizes[i] ~ '/' THEN 'in'
                           WHEN estimate_size_unit(v_lsize) IN ('mm', 'l', 'in') THEN estimate_size_unit(v_lsize)
                           -- (a line a cotizar with no size: the one unit the sizes of its catalogue choices share)
                           ELSE (SELECT min(estimate_size_unit(estimate_row_size(c.name)))
                                   FROM estimate_lines x2, price_catalog c
                                  WHERE x2.estimate_id = e.id AND x2.position = v_pos
                                    AND c.code = ANY (estimate_line_choices(x2, e.inputs -> (v_pos - 1)))
                                 HAVING count(DISTINCT estimate_size_unit(estimate_row_size(c.name))) = 1
                                    AND count(*) = count(estimate_row_size(c.name))) END;
            -- (a size in its unit is no size of a line sized in another dimension: litres are no float valve of 3/4)
            IF (v_unit IS NULL
                OR (CASE WHEN v_unit IN ('l', 'galon') THEN 'c' ELSE 'd' END)
                   <> coalesce((CASE WHEN estimate_size_unit(v_lsize) IN ('l', 'galon') THEN 'c'
                                     WHEN estimate_size_unit(v_lsize) IN ('mm', 'in') THEN 'd' END),
                               (CASE WHEN v_unit IN ('l', 'galon') THEN 'c' ELSE 'd' END))) THEN
                RETURN NULL;
            END IF;
            v_lines := v_lines || v_pos;
            v_sz := v_sz || jsonb_build_object(v_pos::text,
                        CASE v_unit WHEN 'in' THEN regexp_replace(v_sizes[i], ' (mm|l|galon)$', '') || '"'
                                    ELSE regexp_replace(v_sizes[i], ' (mm|l|galon)$', '') || ' ' || v_unit END);
            v_un := v_un || jsonb_build_object(v_pos::text, v_unit);
        END LOOP;
    END LOOP;
    -- (a change of priced lines: one of them at another size. Only lines a cotizar named is an answer to them,
    -- "el tubo es de 22 y los codos de 15": the complete reading)
    IF NOT EXISTS (SELECT 1 FROM estimate_lines n WHERE n.estimate_id = e.id AND n.position = ANY (v_lines)
                     AND NOT n.to_quote AND n.catalog_code IS NOT NULL
                     AND NOT regexp_replace(btrim(estimate_words(coalesce(CASE WHEN NOT n.to_quote AND n.catalog_code IS NOT NULL
                                                                              THEN estimate_row_size(n.description) END, ''))), ' (mm|l|galon|cm)$', '')
                         = regexp_replace(btrim(estimate_words(v_sz ->> n.position::text)), ' (mm|l|galon|cm)$', '')) THEN
        RETURN NULL;
    END IF;
    RETURN jsonb_build_object('op', 'resize', 'rest', body, 'lines', to_jsonb(ARRAY(SELECT DISTINCT x FROM unnest(v_lines) x ORDER BY 1)),
                              'sizes', v_sz, 'units', v_un, 'value', v_sizes[1]);
END
$$;

-- Which one line of estimate e the words name (estimate_named_part, estimate_lines_named): n = how many different
-- lines (by catalogue code or description), line = the first one's position. rule: NULL, any line; 'material',
-- lines of materials only; of several lines of materials, 'thing' keeps the line that is the thing itself, not
-- one that goes on it ("lavabo": the basin, not the "sifón … para lavabo"), 'own_name' the one whose own name
-- says every word ("el tinaco", not the float known as "flotador del tinaco").
CREATE OR REPLACE FUNCTION estimate_line_named(e estimates, p_who text, p_rule text DEFAULT NULL,
                                               OUT n integer, OUT line integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_named text := estimate_named_part(e.id, p_who);
BEGIN
    SELECT count(DISTINCT coalesce(l.catalog_code, l.description)), min(l.position) INTO n, line
      FROM estimate_lines_named(e.id, v_named) l
     WHERE p_rule IS NULL OR coalesce(l.kind, 'material') = 'material';
    IF n > 1 AND p_rule IN ('thing', 'own_name') THEN
        SELECT count(*), min(l.position) INTO n, line
          FROM estimate_lines_named(e.id, v_named) l
         WHERE coalesce(l.kind, 'material') = 'material'
           AND CASE p_rule
                   WHEN 'thing' THEN split_part(estimate_words(v_named), ' ', 1)
                                     = ANY (string_to_array(regexp_replace(estimate_words(l.description), ' (para|pa|pal) .*$', ''), ' '))
                   ELSE string_to_array(estimate_words(v_named), ' ')
                        <@ string_to_array(estimate_words(concat_ws(' ', l.description, l.requested)), ' ') END;
    END IF;
    -- (revise29) 'own_name' still leaves several when the name is said in a line that goes on the thing too ("el
    -- termo": the "Termo eléctrico 50 l" and the "Válvula de seguridad para termo"): the thing itself, as 'thing'
    IF n > 1 AND p_rule = 'own_name' THEN
        SELECT x.n, x.line INTO n, line FROM estimate_line_named(e, p_who, 'thing') x;
    END IF;
END
$$;

-- (revise31) The words a line named in "cambia la X por una de Y" becomes: the old thing's name (without its sizes,
-- p_base) with what is said after the pronoun (p_said), and the old size when the new words say none ("cambia la
-- llave de empotrar de 1/2 por una de esfera" is a 1/2" ball valve, never a valve of any size). When that reads no
-- one priced row other than the old one, the old name is cut before each "de" after its first word and the new words
-- put there ("llave de paso de empotrar" + "de esfera": "llave de esfera", "llave de paso de esfera"): when those
-- read exactly one priced row, other than the old one, that is the new thing; else the words as said (read by the
-- catalogue: a line a cotizar when nothing fits, never a guess).
CREATE OR REPLACE FUNCTION estimate_replaced_name(e estimates, p_line integer, p_base text, p_said text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    l        estimate_lines;
    v_said   text := btrim(coalesce(p_said, ''));
    v_size   text;
    v_first  text;
    v_words  text[] := string_to_array(btrim(coalesce(p_base, '')), ' ');
    v_try    text;
    v_code   text;
    v_codes  text[] := '{}';
    v_tries  text[] := '{}';
    k        integer;
BEGIN
    SELECT * INTO l FROM estimate_lines WHERE estimate_id = e.id AND position = p_line;
    IF estimate_size_in(estimate_words(v_said)) IS NULL
       AND v_said !~ '[0-9]|(^| )(media|medio|cuarto|cuartos|pulgadas?|litros?|galon|galones)( |$)' THEN
        v_size := replace(coalesce(estimate_row_size(l.description),
                                   estimate_size_in(estimate_words(coalesce(l.requested, l.description)))), '"', '');
        v_said := btrim(v_said || coalesce(' ' || v_size, ''));
    END IF;
    v_first := left(btrim(p_base || ' ' || v_said), 200);
    v_code := estimate_one_priced_row(e.id, v_first);
    IF v_code IS NOT NULL AND v_code IS DISTINCT FROM l.catalog_code THEN
        RETURN v_first;
    END IF;
    FOR k IN 2 .. coalesce(array_length(v_words, 1), 0) LOOP
        CONTINUE WHEN v_words[k] NOT IN ('de', 'del');
        v_try := left(array_to_string(v_words[1:k - 1], ' ') || ' ' || v_said, 200);
        v_code := estimate_one_priced_row(e.id, v_try);
        IF v_code IS NOT NULL AND v_code IS DISTINCT FROM l.catalog_code THEN
            v_codes := v_codes || v_code;
            v_tries := v_tries || v_try;
        END IF;
    END LOOP;
    IF (SELECT count(DISTINCT c) FROM unnest(v_codes) c) = 1 THEN
        RETURN v_tries[array_length(v_tries, 1)];
    END IF;
    RETURN v_first;
END
$$;

-- (revise31) The one priced catalogue row the words read on estimate p_estimate (estimate_items_in, the service call
-- aside), or NULL when they read none, several or a line a cotizar.
CREATE OR REPLACE FUNCTION estimate_one_priced_row(p_estimate bigint, p_words text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (SELECT CASE WHEN jsonb_array_length(x.items) = 1 AND estimate_priced_count(x.items) = 1
                     AND NOT (x.items -> 0 ? 'choices') THEN x.items -> 0 ->> 'item' END
    FROM (SELECT coalesce(jsonb_agg(i), '[]') AS items
            FROM jsonb_array_elements(coalesce(estimate_items_in(p_estimate, p_words), '[]')) i
           WHERE i ? 'item' AND i ->> 'item' IS DISTINCT FROM (SELECT st.service_call_code FROM estimate_settings st WHERE st.id)) x);
END
$$;

-- (est33) The sizes a catalogue name states, by the one reader (estimate_sizes_said), whole inches included ('Llave
-- de paso de esfera 1"' is 1 in: written 1/1 for the reader, which reads no bare whole number; estimate_row_sizes,
-- the guard's, leaves them out).
CREATE OR REPLACE FUNCTION estimate_name_sizes(p_name text)
RETURNS TABLE (unit text, value numeric, number text, unit_word text, at integer)
LANGUAGE sql STABLE AS $$
    SELECT s.unit, s.value, CASE WHEN s.number ~ '/1$' THEN regexp_replace(s.number, '/1$', '') ELSE s.number END,
           s.unit_word, s.at
    FROM estimate_sizes_said(estimate_words(regexp_replace(regexp_replace(coalesce(p_name, ''),
             '(^|[^0-9/.,])([0-9]+)\s*("|”)', '\1\2/1 ', 'g'), '([0-9])\s*("|”|'''')', '\1 pulgada ', 'g'))) s
$$;

-- (est33) What a change says of a line when it names no thing, or names lines and says one size: the words
-- without the fillers before them ("no", "mejor", "que sea", "ahora", "ponlo"…) and after them ("mejor", "porfa").
CREATE OR REPLACE FUNCTION estimate_change_unfilled(p_body text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v  text := ' ' || btrim(coalesce(p_body, '')) || ' ';
    v2 text;
BEGIN
    LOOP
        v2 := regexp_replace(v, '^ (?:no|si|mejor|mejor dicho|mas bien|ahora|entonces|pues|perdon|que|sea|sean|seria|serian'
                                || '|fuera|fueran|quede|queden|vaya|vayan|ponlo|ponla|ponlos|ponlas|hazlo|hazla|hazlos|hazlas'
                                || '|dejalo|dejala|dejalos|dejalas|cambialo|cambiala|cambialos|cambialas|pasalo|pasala|pasalos'
                                || '|pasalas|mejor que sea|mejor que sean) ', ' ');
        v2 := regexp_replace(v2, ' (?:mejor|mejor dicho|mas bien|entonces|nomas|por favor|porfa|gracias) $', ' ');
        EXIT WHEN v2 = v;
        v := v2;
    END LOOP;
    RETURN btrim(v);
END
$$;

-- (est34) The words a size or kind said alone is read from (estimate_change_size_alone, estimate_change_kind_alone):
-- the change without its fillers (estimate_change_unfilled); NULL when there is no estimate to change, nothing is
-- left, or the words ask something.
CREATE OR REPLACE FUNCTION estimate_change_alone_words(e estimates, p_body text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN e.id IS NOT NULL AND w <> '' AND w !~ '\?' THEN w END
    FROM estimate_change_unfilled(p_body) w
$$;

-- (est33) A size said for a line already in the draft with no thing named ("mejor de 22", "que sea el de 80", "no, de
-- cincuenta", "que sean de cuarenta", "no, uno de ochenta", "mejor de tres cuartos", "mejor de 28 kW"), or with the
-- lines named and the size after them ("el te de veintidós", "el tubo y los codos de 20"): the line it fits is resized
-- (a priced line: {"op": "resize"} with "codes", the catalogue's row of that size; none: the line a cotizar at the new
-- size, never the old size kept priced, never a second line). The size is read by estimate_sizes_said (the one
-- reader). It fits a line when
--   - it is said with its unit or as a fraction: the line's size (its row's, or what it was said with) is one size of
--     that unit, and the row of the same name (estimate_kind_name) at the new size is the row; none: a cotizar;
--   - it is a bare number ("de 80", "el de 14"): the line is priced and a row of its same name is of that number in
--     the line's unit (80 l, 40 cm, 14 l/min, 1").
-- The size must be said after "de", "del", "en" or "a" (a bare "son 5" is a count). Exactly one line fits, or every
-- line that fits has the same size now (they all move: "mejor de 22" of pipe and elbows in 15 mm); else NULL (read as
-- before: asked).
CREATE OR REPLACE FUNCTION estimate_change_size_alone(e estimates, p_body text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_text   text := estimate_change_alone_words(e, p_body);
    v_m      text[];
    v_names  text;
    v_size   text;
    v_fold   text;
    v_said   record;
    v_bare   text;
    v_lines  integer[] := '{}';
    v_codes  jsonb := '{}';
    v_now    text[] := '{}';
    v_named  integer[];
    v_part   text;
    l        estimate_lines;
    c        price_catalog;
    v_own    record;
    v_code   text;
    v_count  integer;
    v_unit_said text;
    v_num    text;   -- (est38) the number said
BEGIN
    IF v_text IS NULL THEN
        RETURN NULL;
    END IF;
    v_m := regexp_match(v_text, '^(?:(?:el|la|los|las|uno|una|unos|unas|un|otro|otra) )?(?:de|del|en|a) ([a-z0-9/. ]{1,30})$');
    IF v_m IS NULL THEN
        v_m := regexp_match(v_text, '^((?:el|la|los|las) [a-z][a-z ]{1,60}?) (?:(?:que )?(?:es|son|sea|sean|va|van|seran|sera) )?(?:de|del|en|a) ([a-z0-9/. ]{1,30})$');
        IF v_m IS NULL THEN
            RETURN NULL;
        END IF;
        v_names := v_m[1];
        v_size := v_m[2];
    ELSE
        v_size := v_m[1];
    END IF;
    -- ("de una pulgada": one inch)
    v_size := regexp_replace(v_size, '^(?:una|un|uno) (pulgadas?)$', '1 \1');
    v_fold := estimate_hp_words(estimate_words(v_size));
    IF v_fold ~ '^[0-9]+$' THEN
        v_bare := v_fold;
    ELSE
        SELECT count(*) INTO v_count FROM estimate_sizes_said(v_fold);
        SELECT * INTO v_said FROM estimate_sizes_said(v_fold) s ORDER BY s.at LIMIT 1;
        IF v_count <> 1 OR v_said.unit IN ('m', 'dim')
           OR btrim(v_said.number || ' ' || coalesce(v_said.unit_word, '')) <> v_fold THEN
            RETURN NULL;
        END IF;
        v_num := v_said.number;
    END IF;
    v_num := coalesce(v_bare, v_num);
    -- the lines named, each part by "y" a line of the draft
    IF v_names IS NOT NULL THEN
        v_named := '{}';
        FOREACH v_part IN ARRAY regexp_split_to_array(v_names, ' (?:y|e) ') LOOP
            SELECT x.n, x.line INTO v_count, v_code FROM estimate_line_named(e, v_part, 'own_name') x;
            IF v_count <> 1 THEN
                RETURN NULL;
            END IF;
            v_named := v_named || v_code::int;
        END LOOP;
    END IF;
    FOR l IN SELECT * FROM estimate_lines n WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material'
                AND (v_named IS NULL OR n.position = ANY (v_named)) ORDER BY n.position LOOP
        c := NULL;
        IF NOT l.to_quote AND l.catalog_code IS NOT NULL THEN
            SELECT * INTO c FROM price_catalog p WHERE p.code = l.catalog_code;
        END IF;
        -- the line's own size: its row's, else the words it was said with
        SELECT count(*) AS n, min(s.unit) AS unit, min(s.number) AS number, min(s.unit_word) AS unit_word INTO v_own
          FROM (SELECT * FROM estimate_name_sizes(c.name) WHERE c.code IS NOT NULL
                UNION ALL
                SELECT * FROM estimate_sizes_said(estimate_words(coalesce(l.requested, l.description))) WHERE c.code IS NULL) s
         WHERE s.unit NOT IN ('m', 'dim');
        -- (est38, n1) a line a cotizar whose words keep no unit of its size ("termo eléctrico 60", "equipo
        -- hidroneumático 2": the request's "de 60 litros", "de 2 HP" read without the unit) or none ("calentador",
        -- the gas heaters as its choices): the size said is the one of its choices of that size, else the one row its
        -- words (without their number) find at that size — one priced row or none (then as before: not this line)
        -- Only "el/la de N" (one of the sizes, chosen): "de 11 litros", "de 22" alone answer the line's question
        -- and complete it as before ("Completado: …", estimate_change_parse's complete).
        IF c.code IS NULL AND v_own.n = 0 AND v_named IS NULL AND v_text !~ '^(?:el|la|los|las|uno|una) ' THEN
            CONTINUE;
        ELSIF c.code IS NULL AND v_own.n = 0 AND v_named IS NULL THEN
            SELECT min(p.code), count(*) INTO v_code, v_count
              FROM price_catalog p
             WHERE p.active AND p.code = ANY (estimate_line_choices(l, e.inputs -> (l.position - 1)))
               AND EXISTS (SELECT 1 FROM estimate_name_sizes(p.name) ps
                            WHERE ps.unit NOT IN ('m', 'dim') AND ps.number = v_num);
            IF v_count <> 1 AND coalesce(l.requested, l.description) ~ '[a-z] [0-9]+(?:[.,][0-9]+)?$' THEN
                SELECT CASE WHEN (f ->> 'priced')::int = 1 AND jsonb_array_length(f -> 'items') = 1
                                 AND EXISTS (SELECT 1 FROM price_catalog p WHERE p.code = f -> 'items' -> 0 ->> 'item'
                                               AND p.unit = l.unit AND p.kind = 'material')
                            THEN f -> 'items' -> 0 ->> 'item' END
                  INTO v_code
                  FROM estimate_match(regexp_replace(coalesce(l.requested, l.description), ' [0-9]+(?:[.,][0-9]+)?$', '')
                                      || ' ' || coalesce(v_bare, v_fold)) f;
                v_count := CASE WHEN v_code IS NULL THEN 0 ELSE 1 END;
            END IF;
            IF v_count = 1 THEN
                v_lines := v_lines || l.position;
                v_now := v_now || ('said:' || coalesce(v_bare, v_fold));
                v_codes := v_codes || jsonb_build_object(l.position::text, v_code);
            END IF;
            CONTINUE;
        END IF;
        CONTINUE WHEN v_own.n <> 1;
        v_code := NULL;
        IF v_bare IS NOT NULL AND c.code IS NULL THEN
            -- (est34) a line a cotizar said with its size ("termo 120" the catalogue lacks): a bare number is that
            -- many of the line's own unit ("el de 100": 100 l), read again by the catalogue when it is applied
            CONTINUE WHEN v_own.unit_word IS NULL OR v_own.number = v_bare;
            v_unit_said := v_bare || ' ' || v_own.unit_word;
        ELSIF v_bare IS NOT NULL THEN
            SELECT min(p.code), count(DISTINCT p.code) INTO v_code, v_count FROM price_catalog p
             WHERE p.active AND p.kind = 'material' AND p.unit = c.unit AND p.code <> c.code
               AND estimate_kind_name(p.name) = estimate_kind_name(c.name)
               AND EXISTS (SELECT 1 FROM estimate_name_sizes(p.name) ps
                            WHERE ps.unit = v_own.unit AND (ps.number = v_bare OR ps.unit = 'in' AND ps.value = v_bare::numeric));
            CONTINUE WHEN v_count <> 1;
        ELSE
            CONTINUE WHEN v_own.unit <> v_said.unit;
            IF c.code IS NOT NULL THEN
                SELECT min(p.code), count(DISTINCT p.code) INTO v_code, v_count FROM price_catalog p
                 WHERE p.active AND p.kind = 'material' AND p.unit = c.unit AND p.code <> c.code
                   AND estimate_kind_name(p.name) = estimate_kind_name(c.name)
                   AND (SELECT count(*) FROM estimate_name_sizes(p.name) rs WHERE rs.unit = v_said.unit) = 1
                   AND EXISTS (SELECT 1 FROM estimate_name_sizes(p.name) rs
                                WHERE rs.unit = v_said.unit
                                  AND abs(rs.value - v_said.value) <= 0.05 * greatest(abs(rs.value), abs(v_said.value)));
                v_code := CASE WHEN v_count = 1 THEN v_code END;
            END IF;
        END IF;
        v_lines := v_lines || l.position;
        v_now := v_now || (v_own.unit || ':' || v_own.number);
        IF v_code IS NOT NULL THEN
            v_codes := v_codes || jsonb_build_object(l.position::text, v_code);
        END IF;
    END LOOP;
    IF cardinality(v_lines) = 0 OR v_named IS NOT NULL AND cardinality(v_lines) <> cardinality(v_named)
       OR v_named IS NULL AND cardinality(v_lines) > 1 AND (SELECT count(DISTINCT x) FROM unnest(v_now) x) > 1 THEN
        RETURN NULL;
    END IF;
    RETURN jsonb_build_object('op', 'resize', 'rest', p_body, 'lines', to_jsonb(v_lines), 'codes', v_codes,
                              'value', CASE WHEN v_unit_said IS NOT NULL THEN v_unit_said WHEN v_bare IS NOT NULL THEN v_bare ELSE v_fold END);
END
$$;

-- (est33) A kind said for a priced line with no thing named ("no, termostático", "mejor con caño extraíble", "no, que
-- sea para aguas sucias", "mejor de dos senos", "mejor monomando de bidé"): the one priced line of materials whose
-- thing (its row's first word: grifo, bomba, fregadero…) has another active row known by every word said becomes
-- that thing of that kind ({"op": "correct", "code"}): the row of that thing known by those words, of the line's size
-- and of its place (lavabo, ducha, cocina… of estimate_settings.attribute_words' first group) unless a place is said;
-- exactly one: that row; none: a cotizar in the words said ("grifo termostático de lavabo": the catalogue has no such
-- row, never the shower's); several: read from the words as any "cambia X por Y". More than one line it could be, or
-- none, or a thing named (a word that begins a row's name: grifo, llave…): NULL (read as before).
CREATE OR REPLACE FUNCTION estimate_change_kind_alone(e estimates, p_body text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_text   text := estimate_change_alone_words(e, p_body);
    v_words  text[];
    v_attr   text := (SELECT s.attribute_words FROM estimate_settings s WHERE s.id);
    v_places text[];
    v_line   integer;
    v_count  integer;
    v_thing  text;
    v_code   text;
    v_phrase text;
    l        estimate_lines;
    c        price_catalog;
BEGIN
    IF v_text IS NULL OR v_text ~ '[0-9]' OR cardinality(string_to_array(v_text, ' ')) > 5 THEN
        RETURN NULL;
    END IF;
    v_text := regexp_replace(v_text, '^(?:(?:el|la|los|las|uno|una|un|otro|otra|tipo) )+', '');
    -- (a verb of change, a count or a thing of a line read elsewhere: not a kind said alone)
    IF EXISTS (SELECT 1 FROM unnest(string_to_array(v_text, ' ')) w
                WHERE estimate_verb_of(w) IS NOT NULL OR estimate_number_word(w) IS NOT NULL
                   OR w = ANY (estimate_change_words('add') || estimate_change_words('remove') || estimate_change_words('send')
                               || estimate_change_words('set'))) THEN
        RETURN NULL;
    END IF;
    v_words := ARRAY(SELECT w FROM unnest(string_to_array(estimate_words(v_text), ' ')) w
                      WHERE w <> '' AND w NOT IN ('para', 'pa', 'pal', 'con', 'de', 'del', 'tipo'));
    -- (a thing named — the first word of a row's name: grifo, llave, tubo…, not a place or kind of the kind lists as
    -- lavabo or bidé also are — is a thing said, not a kind: "grifo de cocina" is a request or an addition, as before)
    IF cardinality(v_words) = 0
       OR EXISTS (SELECT 1 FROM unnest(v_words) w, estimate_settings st
                   WHERE st.id AND cardinality(estimate_kinds_said(w, st.attribute_words)) = 0
                     AND cardinality(estimate_kinds_said(w, st.said_kind_words)) = 0
                     AND cardinality(estimate_kinds_said(w, st.kind_words)) = 0
                     AND EXISTS (SELECT 1 FROM price_catalog p WHERE p.active AND p.kind = 'material'
                                   AND split_part(estimate_words(p.name), ' ', 1) = w)) THEN
        RETURN NULL;
    END IF;
    v_count := 0;
    FOR l IN SELECT * FROM estimate_lines n WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material'
                AND NOT n.to_quote AND n.catalog_code IS NOT NULL ORDER BY n.position LOOP
        SELECT * INTO c FROM price_catalog p WHERE p.code = l.catalog_code;
        v_thing := split_part(estimate_words(c.name), ' ', 1);
        IF EXISTS (SELECT 1 FROM price_catalog p
                    WHERE p.active AND p.kind = 'material' AND p.unit = c.unit AND p.code <> c.code
                      AND split_part(estimate_words(p.name), ' ', 1) = v_thing
                      AND estimate_item_words(p) @> v_words
                      AND NOT estimate_item_words(c) @> v_words) THEN
            v_count := v_count + 1;
            v_line := l.position;
        END IF;
    END LOOP;
    IF v_count <> 1 THEN
        RETURN NULL;
    END IF;
    SELECT * INTO l FROM estimate_lines n WHERE n.estimate_id = e.id AND n.position = v_line;
    SELECT * INTO c FROM price_catalog p WHERE p.code = l.catalog_code;
    v_thing := split_part(estimate_words(c.name), ' ', 1);
    v_places := ARRAY(SELECT k FROM unnest(estimate_row_kinds(c.code, v_attr)) k WHERE split_part(k, ':', 1) = '1' ORDER BY k);
    SELECT min(p.code), count(*) INTO v_code, v_count FROM price_catalog p
     WHERE p.active AND p.kind = 'material' AND p.unit = c.unit AND p.code <> c.code
       AND split_part(estimate_words(p.name), ' ', 1) = v_thing
       AND estimate_item_words(p) @> v_words
       AND estimate_row_size(p.name) IS NOT DISTINCT FROM estimate_row_size(c.name)
       AND (EXISTS (SELECT 1 FROM unnest(estimate_kinds_said(array_to_string(v_words, ' '), v_attr)) k WHERE split_part(k, ':', 1) = '1')
            OR ARRAY(SELECT k FROM unnest(estimate_row_kinds(p.code, v_attr)) k WHERE split_part(k, ':', 1) = '1' ORDER BY k) = v_places);
    IF v_count = 1 THEN
        RETURN jsonb_build_object('op', 'correct', 'line', v_line, 'rest', v_text, 'code', v_code);
    END IF;
    -- (none or several: the thing in the words said, with the line's size and place when the words say none)
    v_phrase := lower(split_part(c.name, ' ', 1)) || ' ' || v_text
        || CASE WHEN cardinality(v_places) = 1
                     AND NOT EXISTS (SELECT 1 FROM unnest(estimate_kinds_said(array_to_string(v_words, ' '), v_attr)) k WHERE split_part(k, ':', 1) = '1')
                THEN ' de ' || estimate_kind_word(v_attr, v_places[1]) ELSE '' END
        || coalesce(' ' || estimate_row_size(c.name), '');
    RETURN jsonb_build_object('op', 'correct', 'line', v_line, 'rest', v_phrase, 'as_said', v_count = 0);
END
$$;

-- THE ONE READING of a revision turn: the words become a structured change of estimate e,
--   {"op": …, "rest": words the change is about, "line": position of the one line it names (or null),
--    "value": the number or size said (or null)}
-- op: send, remove, add, hours_add, hours_set, quantity, replace, complete (a size or kind for the lines a
-- cotizar), resize (a new size for one line named: "cambia la bomba a 1 hp", "mejor que sean mil cien litros el
-- tinaco"), material (every line of one material in another: "cambia lo galvanizado por ppr de 20",
-- estimate_change_material); NULL when the words are not a change of e. estimate_converse applies it; estimate_change_kind
-- routes the chat with its op. Shapes read here before the word-by-word reading (estimate_change_read):
--   * a line with "no" after it, or "no pongas / no hace falta / sin" before it, is removed: "la del fregadero
--     no", "el asiento no lo pongas que lo tiene el cliente", "sin la retirada" (what follows the "no" is a
--     reason or what stays, never a size or a number: "la llave no es de media" is not a removal);
--   * one line named with a size (not a count) and no verb of adding: a new size of that line;
--   * "y 3 mangueras" (a bare "y", a number and a line already there, no "más"): that line's count is 3,
--     as "son 3 pajas" was (to add more, "añade" or "más").
-- (est38, n3) An insurer's, administrator's or owner's removal said with its reason: "el perito dice que la
-- albañilería no la cubre el seguro, quítala", "el seguro no paga la inspección con cámara, sácala", "la
-- administración dice que el destape lo paga el seguro aparte, sácalo", "los sanitarios los compra el dueño, sacá el
-- inodoro y el lavatorio". Returns the removal as the plumber would say it alone ("quita la albañilería", "saca el
-- inodoro y el lavatorio"), or NULL: the command after the reason when it names its thing, else the thing the reason
-- names (what is not covered, paid or bought) with the command's verb. Only with a command of removing, and a reason
-- of who pays, covers or supplies it; a thing not in the draft is then read (and asked) as any removal.
CREATE OR REPLACE FUNCTION estimate_reason_removal(p_words text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v_plain text := estimate_plain(p_words);
    v_who   text := '(?:el|la|los|las) (?:seguro|aseguradora|compania|perito|administracion|administrador|administradora|'
                    || 'comunidad|cliente|clienta|dueno|duena|duenos|propietario|propietaria|inquilino|inquilina|casero)';
    v_pay   text := '(?:cubre|cubren|paga|pagan|pone|ponen|compra|compran|trae|traen|aporta|aportan|cubrira|pagara)';
    v_cmd   text := '(?:quitala|quitalo|quitalas|quitalos|sacala|sacalo|sacalas|sacalos|quita|saca|quitale|sacale|borra|'
                    || 'borrala|borralo|elimina|eliminala|eliminalo|fuera)';
    m       text[];
    v_reason text;
    v_thing text;
BEGIN
    m := regexp_match(v_plain, '^(.*?) (' || v_cmd || ')(?: (.*))?$');
    IF m IS NULL OR m[1] !~ (' ' || v_pay || '( |$)') OR (' ' || m[1] || ' ') !~ (' ' || v_who || ' ') THEN
        RETURN NULL;
    END IF;
    IF coalesce(m[3], '') <> '' AND m[3] !~ '^(?:del presupuesto|de ahi|por favor|porfa|entonces|tambien)$' THEN
        RETURN regexp_replace(m[2], '(la|lo|las|los|le)$', '') || ' ' || m[3];
    END IF;
    -- the thing of the reason: "[X dice que] <thing> no (lo|la…) cubre/paga …", "no paga/cubre <thing>",
    -- "<thing> (lo|la…) paga/pone/compra <who>"
    v_reason := regexp_replace(m[1], '^.*? (?:dice|dicen|dijo|comenta|avisa|avisó) que ', '');
    SELECT t INTO v_thing
      FROM unnest(ARRAY[
        (regexp_match(v_reason, '^((?:el|la|los|las) [a-z0-9 ]+?) no (?:(?:lo|la|los|las) )?' || v_pay || '( |$)'))[1],
        (regexp_match(v_reason, '(?:^| )no (?:(?:lo|la|los|las) )?' || v_pay || ' ((?:el|la|los|las) [a-z0-9 ]+?)$'))[1],
        (regexp_match(v_reason, '^((?:el|la|los|las) [a-z0-9 ]+?) (?:lo|la|los|las) ' || v_pay || ' '))[1]]) WITH ORDINALITY x(t, n)
     WHERE t IS NOT NULL AND t !~ ('^' || v_who || '$')
     ORDER BY n LIMIT 1;
    IF v_thing IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN 'quita ' || v_thing;
END
$$;

-- (est39, k3) The plumber's own correction of a size or a unit, restated as the change it is: "perdona, no de 110
-- sino de 125" = "todo de 125"; "me equivoqué, no es de 20, es de 25"; "es de 20 galones, no de 40"; "la cañería no
-- es de 3/4, es de 1/2; los codos sí" = "mejor la cañería de 1/2"; "no son 3 metros sino 3 barras de 5 metros" =
-- "son 15 metros"; "no son 4 metros de multicapa sino 2 tramos de 4 metros" = "son 8 metros de multicapa". NULL
-- when the words are no such correction. Before, the old size stayed priced and the words were asked or read as a
-- new request.
CREATE OR REPLACE FUNCTION estimate_correction_said(p_words text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v      text := estimate_plain(p_words);
    v_num  text := '(?:[0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+|' || estimate_count_re()
                   || '|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento [a-z]+|media|tres cuartos)';
    v_unit text := '(?: (?:mm|milimetros|pulgadas?|pulg|litros|l|galones|cm))?';
    v_m    text[];
    v_thing text;
    v_size text;
BEGIN
    v := regexp_replace(v, '^(?:(?:no )?(?:perdona|perdon|perdoname|disculpa|me equivoque|me confundi|corrijo|correccion|error|'
                           || 'uy|ojo|fallo mio|espera) )+', '');
    v := regexp_replace(v, '^no (?=(?:el|la|los|las) )', '');
    -- a unit corrected: "no son N metros [de X] sino M barras/tramos de K metros"
    v_m := regexp_match(v, '^(?:(.*?) )?no (?:son|es|eran|era) (' || v_num || ') (?:metros?|m|mts)( de [a-z0-9 /]+?)? sino (?:son )?('
                           || v_num || ') (?:barras|tramos|tiras|tubos|rollos|largos|piezas) (?:de|con) (' || v_num
                           || ') (?:metros?|m|mts)(?: cada una?)?(?: .*)?$');
    IF v_m IS NOT NULL AND estimate_number_word(v_m[4]) IS NOT NULL AND estimate_number_word(v_m[5]) IS NOT NULL THEN
        RETURN btrim(concat_ws(' ', 'son', estimate_number_es(estimate_number_word(v_m[4]) * estimate_number_word(v_m[5])),
                               'metros', btrim(coalesce(v_m[3], ''))));
    END IF;
    -- a size corrected: "[<thing>] no [es] [de] X sino/es [de] Y", "[<thing>] es [de] Y, no [de] X"
    -- (the new size said with "de": "son tres, no dos" is a count, read as before)
    v_m := regexp_match(v, '^(?:(.*?) )?no (?:(?:es|son|era|eran|va|van) )?(?:de )?(' || v_num || v_unit || ') (?:sino|es|son|va|van)(?: (?:es|son))? de ('
                           || v_num || v_unit || ')(?: (.*))?$');
    IF v_m IS NOT NULL THEN
        v_thing := v_m[1]; v_size := v_m[3];
    ELSE
        v_m := regexp_match(v, '^(?:(.*?) )?(?:es|son|va|van) de (' || v_num || v_unit || ') no (?:(?:es|son) )?(?:de )?('
                               || v_num || v_unit || ')(?: (.*))?$');
        IF v_m IS NOT NULL THEN
            v_thing := v_m[1]; v_size := v_m[2];
        END IF;
    END IF;
    IF v_size IS NULL OR coalesce(v_m[4], '') ~ '(^| )(?:mas|otro|otra|otros|otras|tambien|y|ademas)( |$)' AND v_m[4] !~ '^(?:el|la|los|las) ' THEN
        RETURN NULL;
    END IF;
    v_thing := nullif(btrim(regexp_replace(coalesce(v_thing, ''), '^(?:(?:pero|y|bueno|pues|que|ya) )+', '')), '');
    IF v_thing IS NOT NULL AND v_thing !~ '^(?:el|la|los|las) [a-z]' THEN
        RETURN NULL;
    END IF;
    v_size := regexp_replace(v_size, '^(' || v_num || ')', '\1');
    IF estimate_number_word(split_part(v_size, ' ', 1)) IS NOT NULL AND split_part(v_size, ' ', 1) !~ '^[0-9]' THEN
        v_size := estimate_number_word(split_part(v_size, ' ', 1))::text || substr(v_size, length(split_part(v_size, ' ', 1)) + 1);
    END IF;
    RETURN CASE WHEN v_thing IS NULL THEN 'todo de ' || v_size ELSE 'mejor ' || v_thing || ' de ' || v_size END;
END
$$;

CREATE OR REPLACE FUNCTION estimate_change_parse(e estimates, words text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    r        record;
    v_said_as text := estimate_change_restated(e, words);   -- (esfix14: "pon 4 X en vez de 2" = "son 4 X")
    v_as_said text := estimate_change_body(estimate_plain(words));   -- (turns28: "mejor pon …" is read as said)
    v_plain  text := estimate_plain(v_said_as);
    v_body   text;
    v_fold   text;
    v_m      text[];
    v_who    text;
    v_size   text;
    v_count  integer;
    v_line   integer;
    v_tail   text;
    v_said   boolean;
    v_words  text[];
    v_i      integer;
    v_try    jsonb;
BEGIN
    -- (est38) one of the sizes just priced or asked about, chosen by "el/la de N" after a yes or a verb of putting
    -- ("dale, poné el de 80", "ponele el de ochenta", "pon el de 80", "ese, el de 80"): the size said alone, as "mejor
    -- el de 80" (before, "poné/pon …" was an addition of nothing named, asked back). Only "el/la/los/las de N" and
    -- nothing after it: "ponle uno de 80" and "pon un termo de 80" are read as before.
    v_m := regexp_match(estimate_plain(words),
        '^(?:(?:dale|listo|vale|ok|okey|si|bueno|entonces|pues|va|venga|perfecto|bien) )*'
        || '(?:pone|pon|ponle|ponele|poneme|ponme|ponga|pongale|mete|metele|ese|esa|esos|esas|ese mismo|esa misma|'
        || 'me quedo con|nos quedamos con|se queda con|vamos con|va con) (?:(?:entonces|mejor|nomas|mismo) )?'
        || '((?:el|la|los|las) (?:de|del) [a-z0-9/. ]{1,40})$');
    IF v_m IS NOT NULL AND e.id IS NOT NULL AND estimate_change_size_only(v_m[1]) THEN
        RETURN estimate_change_parse(e, 'mejor ' || v_m[1]);
    END IF;
    -- (est39, k3) the plumber's own correction of a size or a unit: the change it is ("todo de 125", "son 15
    -- metros"), when that reads; else the words as said
    IF e.id IS NOT NULL AND estimate_correction_said(words) IS NOT NULL THEN
        v_try := estimate_change_parse(e, estimate_correction_said(words));
        IF v_try ->> 'op' IS NOT NULL THEN
            RETURN v_try;
        END IF;
    END IF;
    -- (est38, n3) a removal said with who pays, covers or supplies it: the removal alone
    IF e.id IS NOT NULL AND estimate_reason_removal(words) IS NOT NULL THEN
        RETURN estimate_change_parse(e, estimate_reason_removal(words));
    END IF;
    words := v_said_as;
    r := estimate_change_read(e, words);
    -- (turns28) the job's hours alone, without a verb: nothing else in the words to read
    IF r.kind IN ('hours_add', 'hours_set') AND estimate_hours_only(r.rest) IS NOT NULL OR r.kind = 'hours_sub' THEN
        RETURN jsonb_build_object('op', r.kind, 'rest', r.rest);
    END IF;
    IF e.id IS NOT NULL AND v_plain <> '' AND length(words) <= 300 AND words !~ '\?' AND r.kind IS DISTINCT FROM 'send'
       AND NOT estimate_change_new_request(v_plain) THEN
        v_body := estimate_change_body(v_plain);
        -- the answer to "¿cuánto más de X? dime cuánto en total": a number, in words or digits, with its unit or
        -- not ("siete metros en total", "que sean 8", "8 m"); "N más" adds N to what there is
        IF (SELECT c.pending ->> 'op' FROM estimate_conversation_current c WHERE c.estimate_id = e.id LIMIT 1) = 'total' THEN
            v_m := regexp_match(v_body, '^(?:(?:son|serian|seran|sean|que sean|pon|ponle|ponele|dejalo en|deja|en total|total) )?([0-9]+(?:[.][0-9]+)?|[a-z]+)(?: (?:m|mt|mts|metro|metros|ml|ud|uds|unidad|unidades|piezas?|h|hs|horas?))?( (?:en total|total|en todo|mas))?$');
            v_line := (SELECT (c.pending ->> 'line')::int FROM estimate_conversation_current c WHERE c.estimate_id = e.id LIMIT 1);
            IF v_m IS NOT NULL AND estimate_number_word(v_m[1]) IS NOT NULL THEN
                RETURN jsonb_build_object('op', 'quantity', 'rest', v_body, 'line', v_line,
                    'value', estimate_number_word(v_m[1])
                             + CASE WHEN v_m[2] = ' mas' THEN (SELECT n.quantity FROM estimate_lines n
                                                               WHERE n.estimate_id = e.id AND n.position = v_line) ELSE 0 END);
            END IF;
        END IF;
        -- (revise29) fewer of a line not named: "quítale uno", "saca dos", "quita una": the one line of materials
        -- that has more than that many loses them; of several, asked which ({"op": "less"}, waiting in
        -- estimate_conversation_current.pending), never guessed — before, "uno" was looked for as a line's name
        IF r.kind = 'remove' AND r.rest ~ ('^(?:un|uno|una|[0-9]+|' || estimate_count_re() || ')(?: (?:de ellos|de ellas|nomas|nada mas|solo|solamente))?$')
           AND estimate_number_word(split_part(r.rest, ' ', 1)) >= 1 THEN
            v_i := estimate_number_word(split_part(r.rest, ' ', 1));
            SELECT count(*), min(n.position) INTO v_count, v_line FROM estimate_lines n
             WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material' AND n.unit <> 'm' AND n.quantity > v_i;
            IF v_count = 1 AND (SELECT count(*) FROM estimate_lines n WHERE n.estimate_id = e.id
                                  AND coalesce(n.kind, 'material') = 'material' AND n.unit <> 'm') = 1 THEN
                RETURN jsonb_build_object('op', 'quantity', 'rest', r.rest, 'line', v_line,
                    'value', (SELECT n.quantity FROM estimate_lines n WHERE n.estimate_id = e.id AND n.position = v_line) - v_i);
            END IF;
            RETURN jsonb_build_object('op', 'less', 'rest', r.rest, 'value', v_i);
        END IF;
        -- the answer to "¿uno menos de cuál?": the one line it names ("un chorro", "una de las de nariz", "de los
        -- codos") with more than that many loses them
        IF (SELECT c.pending ->> 'op' FROM estimate_conversation_current c WHERE c.estimate_id = e.id LIMIT 1) = 'less'
           AND (r.kind IS NULL OR r.kind IN ('complete', 'quantity', 'add')) THEN
            v_who := regexp_replace(v_body, '^(?:(?:de|del|la|el|las|los|lo|un|una|uno|quita|quitale|saca|sacale|' || estimate_count_re() || '|[0-9]+) )+', '');
            SELECT x.n, x.line INTO v_count, v_line FROM estimate_line_named(e, v_who, 'thing') x;
            IF v_who <> '' AND v_count = 1 AND (SELECT n.quantity FROM estimate_lines n WHERE n.estimate_id = e.id AND n.position = v_line)
                    > (SELECT (c.pending ->> 'value')::numeric FROM estimate_conversation_current c WHERE c.estimate_id = e.id LIMIT 1) THEN
                RETURN jsonb_build_object('op', 'quantity', 'rest', v_who, 'line', v_line,
                    'value', (SELECT n.quantity FROM estimate_lines n WHERE n.estimate_id = e.id AND n.position = v_line)
                             - (SELECT (c.pending ->> 'value')::numeric FROM estimate_conversation_current c WHERE c.estimate_id = e.id LIMIT 1));
            END IF;
        END IF;
        -- "que sean dos de cada cosa", "todo doble": a count for every line of materials
        IF estimate_change_every_count(e, v_body) IS NOT NULL THEN
            RETURN estimate_change_every_count(e, v_body);
        END IF;
        -- "quita 5 mts", "sácale 2 metros de tubo, son 10": metres taken off the one line sold by the metre (or the
        -- one the words name); the total said after it ("son 10") wins
        v_words := string_to_array(v_body, ' ');
        v_m := regexp_match(array_to_string(v_words[2:], ' '),
            '^([0-9]+(?:[.][0-9]+)?|' || estimate_count_re() || ') (?:m|mt|mts|mtrs|metro|metros|ml)(?: (?:de |del )?([a-z][a-z ]*?))?(?: (?:son|quedan|serian|seran|que sean|total|en total) ([0-9]+(?:[.][0-9]+)?|[a-z]+)(?: [a-z ]*)?)?$');
        IF estimate_verb_of(v_words[1]) = 'remove' AND v_m IS NOT NULL AND estimate_number_word(v_m[1]) IS NOT NULL THEN
            SELECT count(*), min(n.position) INTO v_count, v_line FROM estimate_lines n
             WHERE n.estimate_id = e.id AND n.unit = 'm' AND coalesce(n.kind, 'material') = 'material'
               AND (v_m[2] IS NULL OR n.position IN (SELECT x.position FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_m[2])) x));
            IF v_count = 1 THEN
                v_size := trim_scale(coalesce(estimate_number_word(v_m[3]),
                    (SELECT n.quantity FROM estimate_lines n WHERE n.estimate_id = e.id AND n.position = v_line)
                    - estimate_number_word(v_m[1])))::text;
                IF v_size::numeric > 0 THEN
                    RETURN jsonb_build_object('op', 'quantity', 'rest', v_body, 'line', v_line, 'value', v_size::numeric);
                END IF;
            END IF;
        END IF;
        -- "y el X también" right after a removal: X is removed too (the verb of the change before carries over)
        v_m := regexp_match(v_body, '^(?:y|e) (?:tambien )?((?:el|la|los|las) [a-z][a-z ]*?)(?: tambien)?$');
        IF v_m IS NOT NULL AND (v_body ~ ' tambien$' OR v_body ~ '^(y|e) tambien ')
           AND EXISTS (SELECT 1 FROM estimate_revisions rv, jsonb_array_elements_text(rv.changes) ch
                        WHERE rv.estimate_id = e.id AND rv.revision = e.revision AND ch LIKE 'Quitado:%')
           AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_m[1]))) THEN
            RETURN jsonb_build_object('op', 'remove', 'rest', estimate_named_part(e.id, regexp_replace(v_m[1], ' tambien$', '')));
        END IF;
        -- (turns28) "deja el acople", "el acople déjalo como está", "mantén la válvula": a line of the draft stays as
        -- it is ({"op": "keep"}: nothing changes; said among other changes, what they leave)
        v_m := regexp_match(v_body, '^(?:deja|dejale|dejame|deje|dejele|dejemos|manten|mantene|mantenga|conserva|conserve) '
                            || '((?:el|la|los|las) [a-z][a-z ]*?)(?: (?:como esta|como estan|igual|iguales|tal cual|tal como esta|tal como estan|que esta bien|que estan bien))?$');
        IF v_m IS NULL THEN
            v_m := regexp_match(v_body, '^((?:el|la|los|las) [a-z][a-z ]*?) (?:dejalo|dejala|dejalos|dejalas|se queda|se quedan|queda|quedan)(?: (?:como esta|como estan|igual|iguales|tal cual|tal como esta|tal como estan))?$');
        END IF;
        -- (every word of it names the line: "deja el tubo de media" says a size, not that it stays)
        IF v_m IS NOT NULL AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, v_m[1])) THEN
            RETURN jsonb_build_object('op', 'keep', 'rest', v_m[1]);
        END IF;
        -- A thing corrected: "la llave no es de chorro, es una llave de paso de media", "el tubo no es de cobre
        -- sino multicapa de 16": the one line the words before "no" name (with the kind said wrong, or alone)
        -- becomes what follows, read by the catalogue ({"op": "correct"}); never kept as the thing it is not.
        v_m := regexp_match(v_body, '^(?:(?:el|la|los|las) )?([a-z][a-z ]*?) no (?:es|son|era|eran) (?:(?:de|del|un|una) )?([a-z][a-z0-9/. ]*?) (?:(?:es|son|era|eran|sino)(?: que)?) (?:(?:un|una|unos|unas|el|la|de) )?([a-z].*)$');
        IF v_m IS NOT NULL THEN
            FOREACH v_who IN ARRAY ARRAY[v_m[1] || ' ' || v_m[2], v_m[1]] LOOP
                SELECT x.n, x.line INTO v_count, v_line FROM estimate_line_named(e, v_who, 'material') x;
                IF v_count = 1 THEN
                    RETURN jsonb_build_object('op', 'correct', 'rest', v_m[3], 'line', v_line);
                END IF;
            END LOOP;
        END IF;
        -- (turns28) "mejor pon un termo eléctrico de 50 litros", "ponle mejor una ducha de 7500 W": "mejor" says
        -- instead — the thing said takes the place of the one line of the draft of the same family of the catalogue
        -- (a priced line's row, or every choice of a line a cotizar), read by the catalogue as a correction is (op
        -- correct: one row priced, else a cotizar as said). "también", "otro", "más" say an addition; no line or
        -- several of that family: read as before (an addition or a count).
        v_m := regexp_match(v_as_said, '^(?:(?:mejor|mas bien) (?:pon|ponle|pone|ponele|ponga|pongale|ponme|coloca|colocale|instala|instalale|mete|metele)'
                            || '|(?:pon|ponle|pone|ponele|ponga|pongale|ponme) mejor) (?:(?:un|una) )?([a-z][a-z0-9/. ]*)$');
        -- (revise31: "… en vez de / en lugar de <a line>" names the line it replaces: read as "cambia X por Y", below)
        IF v_m IS NOT NULL AND v_m[1] !~ '(^| )(tambien|ademas|otro|otra|otros|otras|mas)( |$)'
           AND v_m[1] !~ '(^| )en (vez|lugar) (de|del)( |$)' THEN
            SELECT count(DISTINCT c.family), min(c.family) INTO v_count, v_who
              FROM jsonb_array_elements(estimate_items_in(e.id, v_m[1])) i
              JOIN price_catalog c ON c.code = i ->> 'item' OR i -> 'choices' ? c.code
             WHERE c.kind = 'material' AND c.family <> ''
               AND i ->> 'item' IS DISTINCT FROM (SELECT st.service_call_code FROM estimate_settings st WHERE st.id);
            IF v_count = 1 THEN
                SELECT count(*), min(n.position) INTO v_count, v_line
                  FROM estimate_lines n
                 WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material'
                   AND v_who = ALL (SELECT c.family FROM price_catalog c
                                     WHERE c.code = n.catalog_code
                                        OR n.catalog_code IS NULL AND c.code = ANY (estimate_line_choices(n, e.inputs -> (n.position - 1))))
                   AND (n.catalog_code IS NOT NULL OR cardinality(estimate_line_choices(n, e.inputs -> (n.position - 1))) > 0);
                IF v_count = 1 THEN
                    RETURN jsonb_build_object('op', 'correct', 'rest', v_m[1], 'line', v_line);
                END IF;
            END IF;
            -- (no line of its family: the one line of materials its own first word names, "ponle mejor una ducha de
            -- 7500 W" of a line a cotizar "cambio de una ducha eléctrica de 5500 W")
            SELECT x.n, x.line INTO v_count, v_line FROM estimate_line_named(e, split_part(v_m[1], ' ', 1), 'material') x;
            IF v_count = 1 THEN
                RETURN jsonb_build_object('op', 'correct', 'rest', v_m[1], 'line', v_line);
            END IF;
        END IF;
        -- More of the same: "ponle una más", "otra", "y dos más", or a line named after the count: "otra ducha
        -- igualita para el otro baño", "ponle otro de lavabo", "una más de esas de cocina", "y otro codo igual".
        -- The verb in any person; what makes it "more" is "más", "otro/otra" or a word of sameness ("igual", "de
        -- esas", "lo mismo"); "para el otro …" says where, not which. The one line it names gets the count
        -- added; a thing no line is stays an addition (below). No line named: the one line of materials, else
        -- asked which ({"op": "more"}, waiting in estimate_conversation_current.pending for the answer).
        v_words := string_to_array(v_body, ' ');
        v_tail := v_body;
        IF estimate_verb_of(v_words[1]) = 'add' OR v_words[1] IN ('y', 'e') THEN
            v_tail := array_to_string(v_words[2:], ' ');
        END IF;
        v_m := regexp_match(v_tail, '^(' || estimate_count_re() || '|[0-9]+|otra|otro|otras|otros)(?: mas)?(?: (.+))?$');
        v_m[2] := coalesce(v_m[2], '');
        -- ("añade otros dos codos de 22", a count and a size said: an addition read by the catalogue, below)
        IF v_m[1] IS NOT NULL AND v_m[2] !~ '[0-9]' AND estimate_number_word(split_part(v_m[2], ' ', 1)) IS NULL
           AND (v_tail ~ '^[a-z0-9]+ mas( |$)' OR v_m[1] IN ('otra', 'otro', 'otras', 'otros')
                -- ("ponle una te más", "añádele un chorro más": the count, the thing, then "más")
                OR v_m[2] ~ '^[a-z]+(?: [a-z]+)? mas$'
                                OR v_m[2] ~ '(^| )(igual|iguales|igualita|igualito|igualitas|igualitos|identica|identico|identicas|identicos|de esas|de esos|de esa|de ese|lo mismo|la misma|el mismo)( |$)') THEN
            v_who := ' ' || v_m[2] || ' ';
            v_who := regexp_replace(v_who, ' para (el|la|los|las) (otro|otra|otros|otras) .*$', ' ');
            IF v_who ~ ' (igual|iguales|igualita|igualito|igualitas|igualitos|identica|identico|identicas|identicos|lo mismo|la misma|el mismo) ' THEN
                v_who := regexp_replace(v_who, ' (para|pa|pal|en) .*$', ' ');   -- the same thing: where it goes is no other
            END IF;
            v_who := regexp_replace(v_who, ' (igual|iguales|igualita|igualito|igualitas|igualitos|identica|identico|identicas|identicos|de esas|de esos|de esa|de ese|lo mismo|la misma|el mismo|mas|tambien|que (esa|ese|esas|esos|la otra|el otro|las otras|los otros))(?= )', ' ', 'g');
            v_who := btrim(regexp_replace(btrim(v_who), '^(de la|de las|de los|del|de|pa|para) ', ''));
            IF v_who = '' THEN
                -- "otra", "ponle una más", "otra igualita": no line named
                SELECT count(*), min(n.position) INTO v_count, v_line FROM estimate_lines n
                 WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material';
                -- of several, "otra" (feminine) or "otro" (masculine) is one more of a thing counted
                -- in units whose name agrees: never metres (a length is not "otra"), never a line none of whose
                -- names (its description, what was asked, its row's name and aliases) can be of that gender
                -- ("otra" is no "codo"; "otro" no "válvula"). Still asked unless exactly one line is left.
                -- ("una más", "uno más" count a unit, often of any thing: only "otra"/"otro" stand for the noun)
                IF v_count > 1 AND v_m[1] IN ('otra', 'otras', 'otro', 'otros') THEN
                    SELECT count(*), min(n.position) INTO v_count, v_line FROM estimate_lines n
                     WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material' AND n.unit <> 'm'
                       AND EXISTS (SELECT 1 FROM unnest(
                                       CASE WHEN n.catalog_code IS NOT NULL
                                            THEN estimate_row_things(n.catalog_code, (SELECT c.thing FROM price_catalog c WHERE c.code = n.catalog_code))
                                            ELSE '{}'::text[] END
                                       || split_part(estimate_words(n.description), ' ', 1)
                                       || split_part(estimate_words(coalesce(n.requested, '')), ' ', 1)) h
                                   WHERE h ~ '^[a-z]{2,}$'
                                     AND CASE WHEN v_m[1] IN ('otra', 'otras') THEN h !~ 'o$'
                                              ELSE h !~ '(a|ion|dad)$' END);
                END IF;
                IF v_count = 1 THEN
                    RETURN jsonb_build_object('op', 'quantity', 'rest', v_body, 'line', v_line,
                        'value', (SELECT n.quantity FROM estimate_lines n WHERE n.estimate_id = e.id AND n.position = v_line)
                                 + coalesce(estimate_number_word(v_m[1]), 1));
                END IF;
                RETURN jsonb_build_object('op', 'more', 'rest', v_body, 'value', coalesce(estimate_number_word(v_m[1]), 1));
            END IF;
            -- (of several, the line that is the thing, not one that goes on it)
            SELECT x.n, x.line INTO v_count, v_line FROM estimate_line_named(e, v_who, 'thing') x;
            IF v_count = 1 THEN
                RETURN jsonb_build_object('op', 'quantity', 'rest', v_who, 'line', v_line,
                    'value', (SELECT n.quantity FROM estimate_lines n WHERE n.estimate_id = e.id AND n.position = v_line)
                             + coalesce(estimate_number_word(v_m[1]), 1));
            END IF;
        END IF;
        -- "ponle más tubo", "añade más codos": more of a line said, how much not said: asked
        v_m := regexp_match(v_body, '^(?:pon|ponle|ponele|pongale|ponme|agrega|agregale|anade|anadele|suma|sumale|mete|metele|y) (?:un poco )?mas ([a-z][a-z ]*)$');
        IF v_m IS NOT NULL AND v_m[1] !~ '(^| )(horas?|h|hs|hrs|mano de obra)( |$)' THEN
            SELECT x.n, x.line INTO v_count, v_line FROM estimate_line_named(e, v_m[1]) x;
            IF v_count = 1 THEN
                RETURN jsonb_build_object('op', 'more', 'rest', v_m[1], 'line', v_line);
            END IF;
        END IF;
        -- the answer to "¿una más de cuál?": the line it names ("de las de paso", "de los codos")
        IF (SELECT c.pending ->> 'op' FROM estimate_conversation_current c WHERE c.estimate_id = e.id LIMIT 1) = 'more' THEN
            v_who := regexp_replace(v_body, '^(?:(?:de|del|la|el|las|los|lo|una|uno|otra|otro) )+', '');
            SELECT x.n, x.line INTO v_count, v_line FROM estimate_line_named(e, v_who) x;
            IF v_who <> '' AND v_count = 1 THEN
                RETURN jsonb_build_object('op', 'quantity', 'rest', v_who, 'line', v_line,
                    'value', (SELECT n.quantity FROM estimate_lines n WHERE n.estimate_id = e.id AND n.position = v_line)
                             + (SELECT (c.pending ->> 'value')::numeric FROM estimate_conversation_current c WHERE c.estimate_id = e.id LIMIT 1));
            END IF;
        END IF;
        IF estimate_change_material(e, estimate_change_body(v_plain)) IS NOT NULL THEN
            RETURN estimate_change_material(e, estimate_change_body(v_plain));
        END IF;
        IF r.kind IS NULL OR r.kind IN ('complete', 'quantity', 'resize', 'replace', 'correct') THEN
            v_m := NULL;
            IF estimate_change_material_to(e, v_body) IS NOT NULL THEN
                RETURN estimate_change_material_to(e, v_body);
            END IF;
        END IF;
        -- "mejor que sea un X eléctrico de 18 kw": a thing said with "que sea", a kind of a group of
        -- estimate_settings.kind_words and a size in another dimension than the line's (kW for a heater in litres):
        -- the one priced line of materials of that kind is that thing now (op correct: read by the catalogue, else
        -- a cotizar as said), never kept priced as what the plumber just said it is not. Several lines of that
        -- kind, no kind or no size said: read as before.
        IF r.kind IS NULL OR r.kind IN ('quantity', 'complete') THEN
            v_m := regexp_match(regexp_replace(v_body, '(^| )q( |$)', '\1que\2', 'g'),
                                '^(?:mejor )?(?:que )?(?:sea|sean|seria) (?:(?:un|una) )?([a-z][a-z0-9/. ]*)$');
            v_size := estimate_size_in(estimate_words(coalesce(v_m[1], '')));
            IF v_m IS NOT NULL AND v_m[1] !~ '^(de|del|a|en|mas|menos) ' AND v_size IS NOT NULL
               AND cardinality(estimate_kinds_said(estimate_words(v_m[1]), (SELECT st.kind_words FROM estimate_settings st WHERE st.id))) > 0 THEN
                SELECT count(*), min(n.position) INTO v_count, v_line
                  FROM estimate_lines n, estimate_settings st
                 WHERE st.id AND n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material'
                   AND NOT n.to_quote AND n.catalog_code IS NOT NULL
                   AND estimate_row_kinds(n.catalog_code, st.kind_words) && estimate_kinds_said(estimate_words(v_m[1]), st.kind_words)
                   AND estimate_size_unit(estimate_row_size(n.description)) IS NOT NULL
                   AND estimate_size_unit(estimate_row_size(n.description)) <> estimate_size_unit(v_size);
                IF v_count = 1 THEN
                    RETURN jsonb_build_object('op', 'correct', 'rest', v_m[1], 'line', v_line);
                END IF;
            END IF;
            v_size := NULL;
        END IF;
        -- "cambia la bomba por una centrífuga de un caballo": one line named, then the thing it becomes, named by
        -- its own noun: that line becomes it, read by the catalogue (op correct: one item priced, else a cotizar
        -- as said), its quantity kept; the old thing never stays priced. A pronoun for the new one ("por uno de
        -- once litros"), a bare count ("por 2") or several lines named are read as before (asked back).
        IF r.kind = 'replace' THEN
            v_m := regexp_match(v_body, '^[a-z]+ ((?:el|la|los|las) [a-z][a-z0-9/. ]*?) por ((?:un|una|unos|unas|el|la) )?([a-z].*)$');
            IF v_m IS NOT NULL AND v_m[3] !~ '^(uno|una|otro|otra|unos|unas|otros|otras|de|del|a|en|que|eso|esa|ese)( |$)' THEN
                SELECT x.n, x.line INTO v_count, v_line FROM estimate_line_named(e, v_m[1], 'own_name') x;
                IF v_count = 1 THEN
                    RETURN jsonb_build_object('op', 'correct', 'rest', v_m[3], 'line', v_line);
                END IF;
            END IF;
            -- (esrules) the pronoun form, "cámbiale el calefón por uno de once litros", "cambia la llave por una
            -- de 3/4", "el lavabo por uno de sobreponer": the one line named becomes the same thing (its name
            -- without its size) with what is said after the pronoun, read by the catalogue as the noun form is
            -- (one item priced, else a cotizar as said); the old row never stays priced
            v_m := regexp_match(v_body, '^[a-z]+ ((?:el|la|los|las) [a-z][a-z0-9/. ]*?) (?:por|a) (?:uno|una|otro|otra|unos|unas|otros|otras) ((?:de|del|a|con|sin|mas|que sea|que sean) [a-z0-9/. ]+)$');
            -- (revise31) "cámbialo por uno de 100 litros", "cámbiala por una de esfera": the pronoun of the verb is the one
            -- line of materials of the draft (several: asked, as before)
            IF v_m IS NULL AND v_body ~ '^cambi(?:a|e)(?:me|le|se)?(?:lo|la|los|las) (?:por|a) (?:uno|una|otro|otra|unos|unas|otros|otras) (?:de|del|a|con|sin|mas|que sea|que sean) '
               AND (SELECT count(*) FROM estimate_lines n WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material') = 1 THEN
                v_m := ARRAY[(SELECT 'el ' || coalesce(n.requested, n.description) FROM estimate_lines n
                               WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material'),
                             (regexp_match(v_body, ' (?:uno|una|otro|otra|unos|unas|otros|otras) ((?:de|del|a|con|sin|mas|que sea|que sean) [a-z0-9/. ]+)$'))[1]];
                v_m[1] := lower(estimate_plain(v_m[1]));
            END IF;
            IF v_m IS NOT NULL THEN
                SELECT x.n, x.line INTO v_count, v_line FROM estimate_line_named(e, v_m[1], 'own_name') x;
                IF v_count = 1 THEN
                    SELECT btrim(regexp_replace(regexp_replace(
                               estimate_kind_name(coalesce((SELECT c.name FROM price_catalog c WHERE c.code = n.catalog_code), n.requested, n.description)),
                               '(^| )(de )?([0-9]+([.,][0-9]+)?( [0-9]+/[0-9]+)?|[0-9]+/[0-9]+|medio|media|[a-z]+ y [a-z]+|diez|once|doce|trece|catorce|quince|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|cien)( ?(l|lts?|litros?|galon(es)?|hp|cv|caballos?|mm|cm|kw|bar|pulgadas?|pulg|"|l/min))?(?= |$)', ' ', 'gi'),
                               '\s+', ' ', 'g'))
                      INTO v_who FROM estimate_lines n WHERE n.estimate_id = e.id AND n.position = v_line;
                    IF coalesce(v_who, '') <> '' THEN
                        RETURN jsonb_build_object('op', 'correct', 'rest', estimate_replaced_name(e, v_line, lower(v_who), v_m[2]), 'line', v_line);
                    END IF;
                END IF;
            END IF;
        END IF;
    END IF;
    IF e.id IS NULL OR v_plain = '' OR length(words) > 300 OR words ~ '\?' OR estimate_change_new_request(v_plain)
       OR r.kind IN ('send', 'remove', 'hours_add', 'hours_set', 'hours_sub', 'replace') THEN
        RETURN CASE WHEN r.kind IS NOT NULL THEN jsonb_build_object('op', r.kind, 'rest', r.rest) END;
    END IF;
    v_body := estimate_change_body(v_plain);

    -- A line said with "no": removed. "no pongas X", "no hace falta X", "sin X" (the "no" before it) …
    v_tail := v_plain;   -- the fillers before a "no" that opens the message ("ah, no pongas …")
    WHILE split_part(v_tail, ' ', 1) = ANY (estimate_change_words('filler')) AND split_part(v_tail, ' ', 1) <> 'no'
          AND v_tail LIKE '% %' LOOP
        v_tail := substr(v_tail, length(split_part(v_tail, ' ', 1)) + 2);
    END LOOP;
    v_m := regexp_match(v_tail, '^(?:no (?:(?:lo|la|los|las|le|les|me|se) )*(?:pongas|pongan|ponga|pongais|incluyas|incluya|incluyan|cobres|cobre|cobren|agregues|agregue|anadas|anada|metas|hace falta|hacen falta)|sin) (.+)$');
    v_who := v_m[1];
    -- a verb of putting said with "no": a removal even of a line not there ("sin X" only of a line there:
    -- "sin agua caliente en la ducha" is no change)
    v_said := v_who IS NOT NULL AND v_tail !~ '^sin ';
    IF v_who IS NULL THEN
        -- … or "X no [lo pongas | va | hace falta …] [reason]" (the "no" after it)
        v_m := regexp_match(v_body, '^(.+?) no(?: (?:lo|la|los|las|le|les|se|me))*(?: (pongas|pongan|ponga|pongais|incluyas|incluya|incluyan|cobres|cobre|cobren|agregues|agregue|anadas|anada|metas|meta|va|van|hace falta|hacen falta|lleva|llevan|necesita|necesitan|quiere|quieren))?(?: (.*))?$');
        v_tail := coalesce(v_m[3], '');
        v_said := v_m[2] IS NOT NULL;
        IF v_m IS NOT NULL AND v_tail !~ ('^(es|son|era|eran|sea|sean|de|del|a|mas|[0-9]|' || estimate_count_re() || '|media|medio)( |$)') THEN
            v_who := v_m[1];
        END IF;
    END IF;
    IF v_who IS NULL THEN
        -- … or the line named first, then the verb of taking out in any person, with its clitics ("la mampara
        -- quítala, la pone el cliente", "el depósito sáquelo", "los codos quitalos"): a removal of a line there
        v_words := string_to_array(v_body, ' ');
        FOR v_i IN 2 .. least(coalesce(array_length(v_words, 1), 0), 9) LOOP
            IF estimate_verb_of(v_words[v_i]) = 'remove' THEN
                v_who := array_to_string(v_words[1:v_i - 1], ' ');
                v_said := false;
                EXIT;
            END IF;
        END LOOP;
    END IF;
    IF v_who IS NOT NULL THEN
        v_who := btrim(regexp_replace(v_who, ' (que|porque|pues|ya que|para que|como|nada|solo|solamente) .*$', ''));
        v_who := estimate_named_part(e.id, v_who);
        IF v_said OR EXISTS (SELECT 1 FROM estimate_lines_named(e.id, v_who)) THEN
            RETURN jsonb_build_object('op', 'remove', 'rest', v_who);
        END IF;
    END IF;

    -- One line named with a size: its new size ("cambia la bomba a 1 hp", "el tinaco que sea de 1100 litros").
    -- (also for what reads as a size for the lines a cotizar, "es de cien litros el termotanque": when it
    -- names one line, that line is resized, a correction of the open estimate, never a new one)
    IF r.kind IS NULL OR r.kind IN ('quantity', 'complete') THEN
        v_fold := estimate_hp_words(estimate_words(v_body));   -- ("medio cabayo" is "1/2 hp", as estimate_size_in reads it)
        -- "mejor de 25 todo", "todo de 3 pulgadas mejor", "todos de 100 litros": one new size for every line of
        -- materials sized in that dimension (mm and inches: a diameter; litres and gallons: a capacity), priced
        -- lines too ({"op": "resize", "lines": [...]}). Not when a line a cotizar asks among rows of that size
        -- (then it is the answer: op complete), nor with a count said.
        IF estimate_change_family_size(e, v_body, words) IS NOT NULL THEN
            RETURN estimate_change_family_size(e, v_body, words);
        END IF;
        -- "cambia todo a 20, las llaves de 3/4": one size for all but the lines named apart, which get theirs
        IF estimate_change_all_but(e, v_body) IS NOT NULL THEN
            RETURN estimate_change_all_but(e, v_body);
        END IF;
        -- "que sea de 40 el tubo y los codos y la llave de uno y cuarto": a size for each line named
        IF estimate_change_sizes_named(e, v_body) IS NOT NULL THEN
            RETURN estimate_change_sizes_named(e, v_body);
        END IF;
        v_size := estimate_size_in(v_fold);
        -- "hacelo de ochenta", "póngalo de 100", "dejala de 50": a pronoun verb and "de" a bare number, the size of
        -- the one line of materials that has a size in a unit (litres, mm…), in that unit; a singular pronoun
        -- ("-lo", "-la") is a line of one unit. Only with a pronoun verb, "de" and one such line: a bare number
        -- elsewhere is a count ("cámbialo a 3", "déjalo en 2").
        SELECT min(w) INTO v_who FROM unnest(string_to_array(v_body, ' ')) w WHERE estimate_verb_of(w) = 'make';
        IF v_size IS NULL AND v_who IS NOT NULL THEN
            v_m := regexp_match(' ' || v_body || ' ', ' (?:de|del) ([0-9]+(?:[.][0-9]+)?|[a-z]+) (?:(?:mejor|nomas|entonces|porfa|por favor|mejor dicho|mas bien) )?$');
            v_m := CASE WHEN v_m IS NOT NULL AND estimate_number_word(v_m[1]) > 1 THEN ARRAY[trim_scale(estimate_number_word(v_m[1]))::text] END;
            SELECT count(*), min(x.position), min(x.unit_word) INTO v_count, v_line, v_tail
              FROM (SELECT n.position, n.quantity,
                           (regexp_match(estimate_words(coalesce(estimate_row_size(n.description),
                                                                 estimate_size_in(estimate_words(coalesce(n.requested, n.description))))),
                                         '^[0-9]+(?:[.][0-9]+)? ?(l|galon|hp|mm|cm|kw|bar)$'))[1] AS unit_word
                      FROM estimate_lines n
                     WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material') x
             WHERE x.unit_word IS NOT NULL AND (v_who !~ '(lo|la)$' OR x.quantity = 1);
            IF v_m IS NOT NULL AND v_count = 1 THEN
                RETURN jsonb_build_object('op', 'resize', 'rest', v_body, 'line', v_line, 'value', v_m[1] || ' ' || v_tail);
            END IF;
        END IF;
        -- "el termo mejor de ochenta", "la bomba ahora de 1": a line named, a word of changing (mejor, ahora, más
        -- bien) and "de" a bare number: the one priced line of materials the words name that has a size in a unit
        -- (litres, mm, hp…) gets that number in its unit; a line a cotizar of the same name is left as it is (the
        -- old size is never kept priced)
        -- ("el termotanque que sea de 120", "el termo será de 80": "que sea" alone says the change as well)
        v_m := regexp_match(' ' || v_body || ' ', '^ (?:(?:el|la|los|las) )?([a-z][a-z ]*?) (?:(?:(?:mejor|ahora|mas bien|mejor dicho) )+(?:que sea |que sean |sera |seria )?|(?:que sea|que sean|sera|seria|mejor que sea) )(?:de|del) ([0-9]+(?:[.][0-9]+)?|[a-z]+(?: y [a-z]+)?) (?:(?:nomas|entonces|porfa|por favor) )?$');
        IF v_size IS NULL AND v_m IS NOT NULL AND estimate_number_word(v_m[2]) > 1 THEN
            SELECT count(*), min(x.position), min(x.unit_word) INTO v_count, v_line, v_tail
              FROM (SELECT n.position,
                           (regexp_match(estimate_words(estimate_row_size(n.description)),
                                         '^[0-9]+(?:[.][0-9]+)? ?(l|galon|hp|mm|kw|bar)$'))[1] AS unit_word
                      FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_m[1])) n
                     WHERE coalesce(n.kind, 'material') = 'material' AND NOT n.to_quote AND n.catalog_code IS NOT NULL) x
             WHERE x.unit_word IS NOT NULL;
            IF v_count = 1 THEN
                RETURN jsonb_build_object('op', 'resize', 'rest', v_m[1], 'line', v_line,
                                          'value', trim_scale(estimate_number_word(v_m[2]))::text || ' ' || v_tail);
            END IF;
        END IF;
        IF v_size IS NOT NULL THEN
            -- (the reason said after the change is no line: "… es para dos personas", "porque es agua caliente")
            v_fold := regexp_replace(v_fold, ' (es para|que es para|porque|pues|ya que|para que) .*$', '');
            v_who := btrim(regexp_replace(replace(' ' || v_fold || ' ', ' ' || v_size || ' ', ' '),
                           '(?<= )(cambia|cambiala|cambialo|cambiale|cambie|cambiele|cambiar|pon|ponle|ponga|pongale|deja|dejala|dejalo|que|sea|sean|mejor|es|son|a|en|por|uno|una|de|del|mejor|mas|grande|pequeno|chico|otro|otra|ahora)(?= )', ' ', 'g'));
            v_who := btrim(regexp_replace(v_who, '\s+', ' ', 'g'));
            -- "ponlo de treinta galones", "déjalo en 100 litros": a pronoun for the one line of materials that
            -- has a size (the estimate has exactly one), else nothing is read here
            IF v_who ~ '^(ponlo|ponla|dejalo|dejala|hazlo|hazla|cambialo|cambiala|subelo|subela|bajalo|bajala|lo|la|quiero|lo quiero|la quiero|ponmelo|ponmela)$'
               OR estimate_verb_of(v_who) = 'make'
               OR v_who = '' AND v_fold ~ '(^| )(ponlo|ponla|dejalo|dejala|hazlo|hazla|cambialo|cambiala|subelo|subela|bajalo|bajala|lo|la)( |$)'
               -- ("mejor uno de 30 galones", "ahora una de 100 litros", "mejor que sea de 20 galones": one of
               -- that size instead)
               OR v_who = '' AND v_fold ~ '(^| )(mejor|ahora)( |$)' AND v_fold ~ '(^| )(uno|una|que sea|que sean)( |$)' THEN
                SELECT count(*), min(n.position) INTO v_count, v_line FROM estimate_lines n
                 WHERE n.estimate_id = e.id AND coalesce(n.kind, 'material') = 'material'
                   AND (n.catalog_code IS NOT NULL AND estimate_row_size(n.description) IS NOT NULL
                        OR n.to_quote AND estimate_size_in(estimate_words(coalesce(n.requested, n.description))) IS NOT NULL)
                   -- (a size in the line's own unit: litres are no size of a 1/2" valve; gallons are litres)
                   AND estimate_size_unit(coalesce(estimate_row_size(n.description),
                                                   estimate_size_in(estimate_words(coalesce(n.requested, n.description)))))
                       IN (estimate_size_unit(v_size), CASE WHEN estimate_size_unit(v_size) IN ('l', 'galon') THEN 'l' END,
                           CASE WHEN estimate_size_unit(v_size) IN ('l', 'galon') THEN 'galon' END);
                IF v_count = 1 AND ((SELECT count(*) FROM estimate_lines n WHERE n.estimate_id = e.id
                                      AND coalesce(n.kind, 'material') = 'material') = 1
                                     OR v_who = '' AND v_fold ~ '(^| )(uno|una|que sea|que sean)( |$)') THEN
                    RETURN jsonb_build_object('op', 'resize', 'rest', v_who, 'line', v_line, 'value', v_size);
                END IF;
            END IF;
            -- (a count said too, "son 4 llaves de 1/2", is a quantity: not read here)
            IF v_who <> '' AND v_who !~ '(^| )[0-9]' THEN
                -- the line named; of several, the one whose own name says it ("el tinaco", not the float
                -- known as "flotador del tinaco")
                SELECT x.n, x.line INTO v_count, v_line FROM estimate_line_named(e, v_who, 'own_name') x;
                -- (read as a size for the lines a cotizar: only a line a cotizar is resized here; a priced one
                -- keeps the complete reading, which answers in the plumber's words)
                IF v_count = 1 AND (r.kind IS DISTINCT FROM 'complete'
                                    OR EXISTS (SELECT 1 FROM estimate_lines n WHERE n.estimate_id = e.id
                                                 AND n.position = v_line AND n.to_quote)) THEN
                    RETURN jsonb_build_object('op', 'resize', 'rest', v_who, 'line', v_line, 'value', v_size);
                END IF;
            END IF;
        END IF;
    END IF;

    -- "y 3 mangueras": the count of a line already there (no verb of adding, no "más")
    IF r.kind = 'add' OR r.kind IS NULL THEN
        v_m := regexp_match(v_body, '^(?:y|e) ([0-9]+(?:[.][0-9]+)?|' || estimate_count_re() || ') ([a-z][a-z ]*)$');
        IF v_m IS NOT NULL AND v_m[2] !~ '(^| )(mas|otro|otra|otros|otras|adicionales?|extras?|tambien|horas?|h|hs|hrs)( |$)' THEN
            SELECT x.n, x.line INTO v_count, v_line FROM estimate_line_named(e, v_m[2]) x;
            IF v_count = 1 THEN
                RETURN jsonb_build_object('op', 'quantity', 'rest', v_m[1] || ' ' || v_m[2], 'line', v_line,
                                          'value', estimate_number_word(v_m[1]));
            END IF;
        END IF;
    END IF;

    -- (est33) a size or a kind said for a line of the draft with no thing named ("mejor de 22", "que sea el de 80",
    -- "no, termostático"): that line's size or kind replaced, re-priced from the catalogue (or a cotizar)
    -- (est34) a size said for lines a cotizar that were said with another size ("termo 120" the catalogue lacks, then
    -- "el de 100"; "llave de paso 1 1/2", then "es de 1 1/4"): the new size replaces the old one, never added to it
    -- ("termo 120 de 100" matched nothing and was asked); a line a cotizar with no size of its own is completed as
    -- before
    IF r.kind = 'complete' AND estimate_change_size_alone(e, v_body) IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM estimate_lines n, jsonb_array_elements_text(estimate_change_size_alone(e, v_body) -> 'lines') x
                        WHERE n.estimate_id = e.id AND n.position = x::int AND NOT n.to_quote) THEN
        RETURN estimate_change_size_alone(e, v_body);
    END IF;
    IF r.kind IS NULL OR r.kind = 'quantity' THEN
        v_m := NULL;
        IF estimate_change_size_alone(e, v_body) IS NOT NULL THEN
            RETURN estimate_change_size_alone(e, v_body);
        END IF;
        IF estimate_change_kind_alone(e, v_body) IS NOT NULL THEN
            RETURN estimate_change_kind_alone(e, v_body);
        END IF;
    END IF;

    RETURN CASE WHEN r.kind IS NOT NULL THEN jsonb_build_object('op', r.kind, 'rest', r.rest) END;
END
$$;

-- The words a line is known by, folded like the catalogue (estimate_words): its description, what was
-- asked, its catalogue code's words and aliases.
CREATE OR REPLACE FUNCTION estimate_line_words(l estimate_lines) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT string_to_array(estimate_words(concat_ws(' ', l.description, l.requested, replace(l.catalog_code, '-', ' '),
                           (SELECT c.aliases FROM price_catalog c WHERE c.code = l.catalog_code),
                           CASE l.kind WHEN 'labour' THEN 'mano obra horas trabajo' WHEN 'service_call' THEN 'salida visita'
                                       WHEN 'disposal' THEN 'retirada retirar' END)), ' ')
$$;

-- The lines of estimate p_estimate that the words name: every content word of p_words is one of the line's
-- words. NULL words (nothing named) = no line.
CREATE OR REPLACE FUNCTION estimate_lines_named(p_estimate bigint, p_words text) RETURNS SETOF estimate_lines
LANGUAGE sql STABLE AS $$
    WITH w AS (
        SELECT array_agg(x) AS words FROM unnest(string_to_array(estimate_words(p_words), ' ')) x
        WHERE x <> '' AND x !~ '^[0-9.]+$'
          AND x NOT IN ('y', 'a', 'o', 'con', 'por', 'para', 'en', 'al', 'lo', 'le', 'le', 'tambien', 'mas',
                        'todo', 'toda', 'ese', 'esa', 'eso', 'este', 'esta', 'partida', 'linea', 'ud', 'unidad', 'm',
                        'metro', 'por favor', 'favor', 'porfa', 'porfavor', 'presupuesto', 'cotizacion'))
    SELECT l.* FROM estimate_lines l, w
    WHERE l.estimate_id = p_estimate AND w.words IS NOT NULL
      -- (a pipe by any of its names: "la tubería", "la cañería", "el caño" name the line "tubo de pvc 1")
      AND ARRAY(SELECT CASE WHEN x IN ('tuberia', 'caneria', 'cano') THEN 'tubo' ELSE x END FROM unnest(w.words) x)
          <@ ARRAY(SELECT CASE WHEN y IN ('tuberia', 'caneria', 'cano') THEN 'tubo' ELSE y END FROM unnest(estimate_line_words(l)) y)
    ORDER BY l.position
$$;

-- The words that name lines of estimate p_estimate, without what the plumber says after them: the longest
-- beginning of p_words that names at least one line, as written or in the shared synonym list's words ("el
-- retiro que lo hace el cliente" -> "el retiro"; "la llave de chorro" = "el grifo de jardín"). p_words when no
-- beginning does.
CREATE OR REPLACE FUNCTION estimate_named_part(p_estimate bigint, p_words text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_words text[] := string_to_array(btrim(coalesce(p_words, '')), ' ');
    v_try   text;
    n       integer;
BEGIN
    FOR n IN REVERSE coalesce(array_length(v_words, 1), 0) .. 1 LOOP
        v_try := array_to_string(v_words[1:n], ' ');
        IF EXISTS (SELECT 1 FROM estimate_lines_named(p_estimate, v_try)) THEN
            RETURN v_try;
        END IF;
        v_try := estimate_plain(estimate_with_synonyms(v_try));
        IF EXISTS (SELECT 1 FROM estimate_lines_named(p_estimate, v_try)) THEN
            RETURN v_try;
        END IF;
    END LOOP;
    RETURN p_words;
END
$$;

-- One Spanish line for the card: "Tubo de cobre 22 mm: 3 m".
-- One line's count (or its hours, for a line of hours) set to p_qty in the draft's inputs, and the change as the
-- card shows it ("Tubería de cobre 22 mm: 3 → 5 m"). Both ways of saying a quantity use it ("y 3 mangueras",
-- "son 5 metros").
CREATE OR REPLACE FUNCTION estimate_set_line_quantity(p_inputs jsonb, l estimate_lines, p_qty numeric,
                                                      OUT inputs jsonb, OUT change text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_item jsonb := p_inputs -> (l.position - 1);
BEGIN
    v_item := CASE WHEN v_item ? 'labour_hours' THEN jsonb_set(v_item, '{labour_hours}', to_jsonb(p_qty))
                   ELSE jsonb_set(v_item, '{quantity}', to_jsonb(p_qty)) END;
    inputs := jsonb_set(p_inputs, ARRAY[(l.position - 1)::text], v_item);
    change := format('%s: %s → %s %s', l.description, estimate_number_es(l.quantity), estimate_number_es(p_qty), l.unit);
END;
$$;

CREATE OR REPLACE FUNCTION estimate_line_label(p_description text, p_quantity numeric, p_unit text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT format('%s: %s %s', p_description, estimate_number_es(p_quantity), p_unit)
$$;

-- Find a catalogue item in the words, settled by the draft's own items when a family word is left open
-- ("3 codos" after PEX 16 = PEX 16 elbows), as estimate_match does with the other items of one message.
-- Returns estimate_match's items for the words alone (no job rules: no work verb is in them).
CREATE OR REPLACE FUNCTION estimate_items_in(p_estimate bigint, p_words text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_found   jsonb := estimate_match(p_words);
    v_context text;
    v_codes   text[];
    v_more    jsonb;
    v_groups  text := (SELECT st.kind_words FROM estimate_settings st WHERE st.id);
    v_said    text[];
    v_m       text[];
    v_uses    text[];
BEGIN
    -- "añade también el del bidé, mismo modelo", "agrega uno para el bidé": a pronoun and a place, no thing named. The
    -- place is where it goes, never the thing (esparts: a bidet was priced for the bidet's tap). The thing is the
    -- draft's own line of materials of the same kind (its row's first name word) for that use, when exactly one row
    -- of the catalogue is; else a line a cotizar in the plumber's words.
    v_m := regexp_match(estimate_plain(p_words),
        '^(?:(?:tb|tambien|igual|ademas) )*(?:el|la|los|las|uno|una|otro|otra)(?: (?:igual|mismo|misma|tambien))? (?:de|del|para|pa|pal)(?: (?:el|la|los|las))? ([a-z]+)');
    IF v_m IS NOT NULL THEN
        v_uses := ARRAY(SELECT w FROM unnest(string_to_array(estimate_words(v_m[1]), ' ')) w
                        WHERE w = ANY (estimate_word_list((SELECT st.use_words FROM estimate_settings st WHERE st.id))));
        IF cardinality(v_uses) > 0 THEN
            v_codes := ARRAY(SELECT DISTINCT c.code FROM estimate_lines l JOIN price_catalog o ON o.code = l.catalog_code, price_catalog c
                              WHERE l.estimate_id = p_estimate AND NOT l.to_quote AND l.kind = 'material'
                                AND c.active AND c.kind = 'material' AND c.code <> o.code
                                AND split_part(estimate_words(c.name), ' ', 1) = split_part(estimate_words(o.name), ' ', 1)
                                AND estimate_words(c.name) LIKE split_part(estimate_words(o.name), ' ', 1) || ' ' || split_part(estimate_words(o.name), ' ', 2) || '%'
                                AND estimate_row_uses(c.code, estimate_word_list((SELECT st.use_words FROM estimate_settings st WHERE st.id))) @> v_uses);
            RETURN CASE WHEN cardinality(v_codes) = 1 THEN jsonb_build_array(jsonb_build_object('item', v_codes[1], 'quantity', 1))
                        ELSE jsonb_build_array(jsonb_build_object('item', left(estimate_plain(p_words), 120), 'quantity', 1)) END;
        END IF;
    END IF;
    SELECT string_agg(l.description, ' y ' ORDER BY l.position), array_agg(l.catalog_code)
      INTO v_context, v_codes
      FROM estimate_lines l WHERE l.estimate_id = p_estimate AND NOT l.to_quote AND l.kind = 'material';
    -- the lines a cotizar say what the job is too ("calentador eléctrico de treinta galones": "el desmonte del
    -- viejo" is the heater's removal), but are never added again (below); their numbers in figures are left out
    -- (wrongprice, stop 29): a bare size of a thing a cotizar is no size of the thing added ("sifón 40" on the
    -- draft made "ponle un latiguillo para el lavabo" a priced 40 cm hose; the priced lines' sizes keep their unit)
    v_context := nullif(concat_ws(' y ', v_context, (SELECT string_agg(regexp_replace(l.requested, '(^|\s)[0-9]+(?:[.,/][0-9]+)?(?=\s|$)', '\1', 'g'),
                                                                       ' y ' ORDER BY l.position)
                                                     FROM estimate_lines l WHERE l.estimate_id = p_estimate AND l.to_quote)), '');
    v_codes := coalesce(v_codes, '{}');
    IF v_context IS NULL THEN
        RETURN v_found -> 'items';
    END IF;
    v_said := estimate_kinds_said(estimate_words(v_context), v_groups);
    -- Read with the draft's items when a family word is open, or when the words name no kind for an item of
    -- one kind that the draft's items contradict ("3 codos de 1/2" is known as the brass one; after copper
    -- pipe they are not assumed brass).
    IF NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v_found -> 'mentions') m
                   WHERE m ->> 'code' IS NULL AND jsonb_array_length(coalesce(m -> 'candidates', '[]')) > 1
                      OR m ->> 'code' IS NOT NULL AND estimate_kind_conflict(
                             ARRAY(SELECT r FROM unnest(estimate_row_kinds(m ->> 'code', v_groups)) r
                                   WHERE NOT EXISTS (SELECT 1 FROM unnest(estimate_kinds_said(m ->> 'words', v_groups)) h
                                                     WHERE split_part(h, ':', 1) = split_part(r, ':', 1))),
                             v_said)) THEN
        RETURN v_found -> 'items';
    END IF;
    v_more := estimate_match(v_context || ' y ' || p_words);
    -- Only what the new words added: the draft's own items read again are taken away, unit for unit ("3 codos
    -- más" after 2 copper elbows: 3 of them, not none).
    -- (nothing new read with the draft, e.g. its "lavabo" read before the new "coflex de lavabo": the words alone)
    -- (an item read still of another kind than the draft's, its kind not said by the new words — "2 manguitos de
    -- 20" on a multilayer draft when the only 20 mm coupling row is PPR — is never priced: a cotizar as said)
    RETURN (SELECT jsonb_agg(CASE WHEN x ? 'item' AND x ? 'quantity'
                                       AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = x ->> 'item')
                                       AND estimate_kind_conflict(
                                               ARRAY(SELECT r FROM unnest(estimate_row_kinds(x ->> 'item', v_groups)) r
                                                     WHERE NOT EXISTS (SELECT 1 FROM unnest(estimate_kinds_said(estimate_words(p_words), v_groups)) h
                                                                       WHERE split_part(h, ':', 1) = split_part(r, ':', 1))),
                                               v_said)
                                  THEN jsonb_build_object('item', left(estimate_plain(p_words), 120), 'quantity', x -> 'quantity',
                                                          'choices', '[]'::jsonb)
                                  ELSE x END ORDER BY k)
              FROM jsonb_array_elements(coalesce((SELECT jsonb_agg(CASE WHEN i ? 'quantity' AND b.q IS NOT NULL
                                           THEN jsonb_set(i, '{quantity}', to_jsonb((i ->> 'quantity')::numeric - b.q)) ELSE i END
                                      ORDER BY n)
                     FROM jsonb_array_elements(v_more -> 'items') WITH ORDINALITY AS x(i, n)
                     LEFT JOIN (SELECT bi ->> 'item' AS item, sum((bi ->> 'quantity')::numeric) AS q
                                FROM jsonb_array_elements(estimate_match(v_context) -> 'items') bi
                                WHERE bi ? 'item' GROUP BY 1) b ON b.item = i ->> 'item'
                     WHERE CASE WHEN b.q IS NOT NULL THEN (i ->> 'quantity')::numeric > b.q
                                ELSE NOT (coalesce(i ->> 'item', '') = ANY (v_codes)) END
                       -- (esfix14: a line a cotizar of the draft read again with the new words is not added: after an open
                       -- "sifón", "ponle un latiguillo para el lavabo" added a priced basin trap nobody asked for)
                       AND NOT (EXISTS (SELECT 1 FROM price_catalog c
                                         WHERE c.code = i ->> 'item'
                                           AND EXISTS (SELECT 1 FROM estimate_lines l
                                                        WHERE l.estimate_id = p_estimate AND l.to_quote
                                                          AND split_part(estimate_words(l.requested), ' ', 1)
                                                              = split_part(estimate_words(c.name), ' ', 1)))
                                AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v_found -> 'items') f WHERE f ->> 'item' = i ->> 'item'))
                       AND (NOT i ? 'item' OR EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = i ->> 'item')
                            OR EXISTS (SELECT 1 FROM jsonb_array_elements(v_found -> 'items') f WHERE f ->> 'item' = i ->> 'item')
                            -- (a line a cotizar the new words said, read with the draft's words: "codo" → "codo cobre")
                            OR EXISTS (SELECT 1 FROM jsonb_array_elements(v_found -> 'items') f
                                        WHERE f ? 'item' AND NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = f ->> 'item')
                                          AND split_part(estimate_words(f ->> 'item'), ' ', 1) = split_part(estimate_words(i ->> 'item'), ' ', 1)))),
                    v_found -> 'items')) WITH ORDINALITY AS y(x, k));
END
$$;

-- What an added thing said with its count is when the catalogue does not price it ("póngale dos mangueras de
-- abasto", "y un metro de manguera para gas"): the things estimate_match reads in it as a job's list (a line
-- a cotizar of a family, "latiguillo" x2), else "N metros de X" as a line a cotizar of X in metres; '[]' when the
-- words do not begin with a count ("y si es de cobre" is a question, not a thing to add).
CREATE OR REPLACE FUNCTION estimate_items_said_with_count(p_words text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_plain text := estimate_plain(p_words);
    v_m     text[];
    v_items jsonb;
BEGIN
    v_m := regexp_match(v_plain, '^(?:tambien |ademas )?(' || estimate_count_re() || '|[0-9]+(?:[.][0-9]+)?) ([a-z].*)$');
    IF v_m IS NULL OR estimate_number_word(v_m[1]) IS NULL OR v_plain ~ '(^| )(horas?|h|hs|hr|hrs)( |$)' THEN
        RETURN '[]';
    END IF;
    v_items := coalesce((SELECT jsonb_agg(i) FROM jsonb_array_elements(estimate_match('poner ' || v_m[1] || ' ' || v_m[2]) -> 'items') i
                         WHERE i ? 'item' AND i ->> 'item' <> coalesce((SELECT st.service_call_code FROM estimate_settings st WHERE st.id), '')
                           AND lower(i ->> 'item') NOT LIKE 'poner %'), '[]');
    IF jsonb_array_length(v_items) > 0 THEN
        RETURN v_items;
    END IF;
    v_m[2] := (regexp_match(v_m[2], '^(?:metros?|mts?|m|ml) (?:de )?([a-z].{2,80})$'))[1];
    IF v_m[2] IS NOT NULL THEN
        RETURN jsonb_build_array(jsonb_build_object('item', v_m[2], 'quantity', estimate_number_word(v_m[1]), 'unit', 'm'));
    END IF;
    RETURN '[]';
END
$$;

-- (revise31) Where an added thing goes is no second thing: "ponle una llave de escuadra de 1/2 para el lavabo", "y el
-- tubo de 2 pulgadas, 3 metros, pal fregadero" add the valve and the pipe, not also a basin or a sink a cotizar. An
-- item the catalogue does not price (a line a cotizar, with or without choices) whose words are one place of
-- estimate_settings.use_words said after "para", "pa" or "pal" is left out, when another item is read from the words.
CREATE OR REPLACE FUNCTION estimate_items_not_places(p_items jsonb, p_words text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_places text[];
    v_kept   jsonb;
BEGIN
    IF p_items IS NULL OR jsonb_typeof(p_items) <> 'array' OR jsonb_array_length(p_items) < 2 THEN
        RETURN p_items;
    END IF;
    v_places := ARRAY(SELECT estimate_words(m[1])
                        FROM regexp_matches(estimate_plain(p_words), '(?:^| )(?:para|pa|pal)(?: (?:el|la|los|las))? ([a-z]+)', 'g') AS m
                       WHERE estimate_words(m[1]) = ANY (estimate_word_list((SELECT st.use_words FROM estimate_settings st WHERE st.id))));
    IF cardinality(v_places) = 0 THEN
        RETURN p_items;
    END IF;
    SELECT coalesce(jsonb_agg(i ORDER BY k), '[]') INTO v_kept
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS x(i, k)
     WHERE NOT (i ? 'item' AND NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = i ->> 'item')
                AND estimate_words(i ->> 'item') = ANY (v_places));
    RETURN CASE WHEN jsonb_array_length(v_kept) > 0 THEN v_kept ELSE p_items END;
END
$$;

-- A thing added in the plumber's words when the catalogue reads nothing in them (esrules, stop 27): "el tanque
-- rotoplas también", "un termostato wifi", "2 adaptadores macho de 1/2 cpvc", "las 2 mangueras de 1/2 de 16
-- pulgadas" are one line a cotizar as said, with the count said (an article in the singular is one; "N metros de
-- X" is N m), never priced by its name (no choices). '[]' when the words say no count ("los codos", "unos codos":
-- asked), name nothing ("una cosa", "eso") or are not a thing said after an article or a count.
CREATE OR REPLACE FUNCTION estimate_items_said_as_words(p_words text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_plain text := btrim(regexp_replace(regexp_replace(estimate_plain(p_words),
                        '^((tambien|ademas|tb|igual) )+', ''), '( (tambien|ademas|tb|por favor|porfa|porfavor|mas))+$', ''));
    v_m     text[];
    v_qty   numeric;
    v_unit  text := 'ud';
BEGIN
    v_m := regexp_match(v_plain, '^(?:(un|una|el|la)|(?:(?:los|las) )?(' || estimate_count_re(2) || '|[0-9]+(?:[.][0-9]+)?)) ([a-z].*)$');
    IF v_m IS NULL OR v_plain ~ '(^| )(horas?|h|hs|hr|hrs)( |$)' THEN
        RETURN '[]';
    END IF;
    v_qty := CASE WHEN v_m[1] IS NOT NULL THEN 1 ELSE estimate_number_word(v_m[2]) END;
    IF v_m[3] ~ '^(metros?|mts?|m|ml) (de )?[a-z]' THEN
        v_unit := 'm';
        v_m[3] := regexp_replace(v_m[3], '^(metros?|mts?|m|ml) (de )?', '');
    END IF;
    -- a thing: a word of three letters or more that is not a word of nothing in particular
    IF v_qty IS NULL OR v_qty <= 0 OR length(v_m[3]) > 100 OR array_length(string_to_array(v_m[3], ' '), 1) > 14
       OR v_m[3] ~ '^(de|del|en|a|al|para|pa|pal|con|por|sin|que|y|o) '   -- ("2 de cobre" names no thing)
       OR NOT EXISTS (SELECT 1 FROM unnest(string_to_array(v_m[3], ' ')) w
                      WHERE length(w) > 2 AND w NOT IN ('cosa', 'cosas', 'algo', 'eso', 'esto', 'esa', 'ese', 'esas', 'esos',
                                                        'mas', 'otro', 'otra', 'otros', 'otras', 'mismo', 'misma', 'para',
                                                        'del', 'con', 'que', 'tambien', 'igual', 'vez', 'veces')) THEN
        RETURN '[]';
    END IF;
    RETURN jsonb_build_array(jsonb_build_object('item', left(v_m[3], 120), 'quantity', v_qty, 'unit', v_unit,
                                                'choices', '[]'::jsonb));
END
$$;

-- The item a priced line becomes when its size is said again ("de media pulgada"): the line's catalogue
-- name, and its first alias, without sizes, read with the new words, must give one other active item of the
-- same unit. NULL when they do not.
CREATE OR REPLACE FUNCTION estimate_resized(l estimate_lines, p_words text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT code FROM (
        SELECT f -> 'items' -> 0 ->> 'item' AS code, n, v
        FROM price_catalog c,
             unnest(ARRAY[c.name, split_part(c.aliases, ',', 1)]) WITH ORDINALITY AS b(base, n),
             -- (then the size without its "mm": "Te PPR" + "25 mm" reads "ppr 25 mm" as the pipe; "te ppr 25" is
             -- the tee's own name)
             unnest(ARRAY[p_words, CASE WHEN p_words ~ '^[0-9.]+ mm$' THEN split_part(p_words, ' ', 1) END]) WITH ORDINALITY AS w(size, v),
             LATERAL (SELECT estimate_match(btrim(regexp_replace(b.base,
                          '[^ ]*[0-9][^ ]*|"|\m(mm|x|l|kw|cv|bar|cm|pulgadas?|media|cuarto|cuartos)\M|\([^)]*\)', ' ', 'gi'))
                          || ' ' || w.size) AS f) m
        WHERE c.code = l.catalog_code AND btrim(b.base) <> '' AND w.size IS NOT NULL
          AND jsonb_array_length(f -> 'items') = 1 AND (f ->> 'priced')::int = 1) x
    WHERE x.code IS DISTINCT FROM l.catalog_code
      AND EXISTS (SELECT 1 FROM price_catalog c2 WHERE c2.code = x.code AND c2.active AND c2.unit = l.unit)
    ORDER BY v, n LIMIT 1
$$;

-- The one active row of the same thing as line l (its catalogue row's name; for a line a cotizar, p_names, the
-- words it was said with) whose size in mm is in p_range (estimate_inch_mm), of the line's unit; NULL when none or
-- several ("de 1/2" of copper: 15 and 18 mm are both within 12-20).
CREATE OR REPLACE FUNCTION estimate_resized_mm(l estimate_lines, p_names text, p_range numrange) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT min(x.code) FROM (
        SELECT DISTINCT CASE WHEN p_names IS NULL THEN estimate_resized(l, sz.n || ' mm')
                             ELSE (SELECT CASE WHEN jsonb_array_length(f -> 'items') = 1 AND (f ->> 'priced')::int = 1
                                               THEN f -> 'items' -> 0 ->> 'item' END
                                     FROM estimate_match(p_names || ' ' || sz.n || ' mm') f) END AS code
          FROM (SELECT DISTINCT split_part(estimate_words(estimate_row_size(c.name)), ' ', 1) AS n
                  FROM price_catalog c
                 WHERE c.active AND c.kind = 'material' AND estimate_size_unit(estimate_row_size(c.name)) = 'mm'
                   AND split_part(estimate_words(estimate_row_size(c.name)), ' ', 1) ~ '^[0-9]+$'
                   AND split_part(estimate_words(estimate_row_size(c.name)), ' ', 1)::numeric <@ p_range) sz) x
     WHERE x.code IS NOT NULL
       AND EXISTS (SELECT 1 FROM price_catalog c2 WHERE c2.code = x.code AND c2.active AND c2.unit = l.unit)
    HAVING count(*) = 1
$$;

-- The catalogue's choices of a line a cotizar: those it was asked with (its item's "choices"), else the
-- candidates its words have in the catalogue ("calentador de paso": the gas heaters); '{}' for none.
CREATE OR REPLACE FUNCTION estimate_line_choices(l estimate_lines, p_input jsonb) RETURNS text[]
LANGUAGE sql STABLE AS $$
    -- (never a row of another kind than the line's own words say: "codo cpvc" has no brass or copper choice)
    SELECT ARRAY(
        SELECT c FROM unnest(CASE WHEN jsonb_array_length(coalesce(p_input -> 'choices', '[]')) > 0
                THEN ARRAY(SELECT jsonb_array_elements_text(p_input -> 'choices'))
                ELSE coalesce((SELECT ARRAY(SELECT jsonb_array_elements_text(m -> 'candidates'))
                               FROM jsonb_array_elements(estimate_match(l.requested) -> 'mentions') m
                               WHERE m ->> 'code' IS NULL AND jsonb_array_length(coalesce(m -> 'candidates', '[]')) > 1
                               LIMIT 1), '{}') END) c, estimate_settings st
        WHERE st.id AND NOT estimate_kind_conflict(estimate_row_kinds(c, st.kind_words),
                                                   estimate_kinds_said(estimate_words(coalesce(l.requested, '')), st.kind_words)))
$$;

-- The choices of a line a cotizar that an answer names by the catalogue's own words ("el termostático", "el
-- monomando", "termostático de ducha"): the rows whose code and name have every word of the answer (its little
-- words aside); of several, the one whose name is exactly those words after its first word (the plumber said
-- that row's name). No word left, or no row has them all: '{}'.
CREATE OR REPLACE FUNCTION estimate_choices_named(p_codes text[], p_answer text) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_words text[] := ARRAY(SELECT DISTINCT w FROM unnest(string_to_array(estimate_words(p_answer), ' ')) w
                            WHERE w NOT IN ('', 'el', 'la', 'lo', 'los', 'las', 'es', 'son', 'de', 'del', 'uno', 'una', 'un',
                                            'que', 'mejor', 'para', 'con', 'pon', 'ponle', 'ponlo', 'ese', 'esa', 'mismo', 'si'));
    v_rows  text[];
    v_exact text[];
BEGIN
    IF cardinality(v_words) = 0 OR cardinality(coalesce(p_codes, '{}')) = 0 THEN
        RETURN '{}';
    END IF;
    v_rows := ARRAY(SELECT c.code FROM price_catalog c
                    WHERE c.code = ANY (p_codes) AND c.active
                      AND string_to_array(estimate_words(replace(c.code, '-', ' ') || ' ' || c.name), ' ') @> v_words
                    ORDER BY c.code);
    IF cardinality(v_rows) > 1 THEN
        v_exact := ARRAY(SELECT c.code FROM price_catalog c
                         WHERE c.code = ANY (v_rows)
                           AND ARRAY(SELECT DISTINCT w FROM unnest((string_to_array(estimate_words(estimate_kind_name(c.name)), ' '))[2:]) w
                                     WHERE w NOT IN ('de', 'del', 'para', 'con') ORDER BY 1)
                               = ARRAY(SELECT w FROM unnest(v_words) w ORDER BY 1));
        IF cardinality(v_exact) = 1 THEN
            RETURN v_exact;
        END IF;
    END IF;
    RETURN v_rows;
END
$$;

-- How an answer ("de 13 litros, tiro forzado", "de pvc roscable", "el de doce litros") stands to the choices of a
-- line a cotizar: 'fits' when some choice has every kind and the size it says, 'none' when it says a kind of a
-- group the choices differ in, or a size in the unit of their sizes, and no choice has it (the thing the plumber
-- means is not in the catalogue), 'unrelated' when it says nothing about them (a size in litres for flexibles
-- sold by length).
-- Whether the words of a line a cotizar say a kind (estimate_settings.kind_words: a material, a fuel…) that
-- none of the rows it was asked among is: "tubo cpvc" among steel, PE and flexible tubes. Such a line has no
-- choice that could be it.
CREATE OR REPLACE FUNCTION estimate_choices_lack_kind(p_codes text[], p_words text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT cardinality(coalesce(p_codes, '{}')) > 0 AND EXISTS (
        SELECT 1 FROM estimate_settings st, unnest(estimate_kinds_said(estimate_words(coalesce(p_words, '')), st.kind_words)) k
        WHERE st.id AND NOT EXISTS (SELECT 1 FROM unnest(p_codes) c WHERE k = ANY (estimate_row_kinds(c, st.kind_words))))
$$;

CREATE OR REPLACE FUNCTION estimate_answer_fits(p_codes text[], p_answer text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_groups text := (SELECT st.kind_words FROM estimate_settings st WHERE st.id);
    v_words  text := estimate_words(regexp_replace(estimate_plain(p_answer), '^((el|la|los|las|es|son|de|del) )+', ''));
    v_kinds  text[] := estimate_kinds_said(v_words, v_groups);
    v_m      text[] := regexp_match(' ' || v_words || ' ', ' ([0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+)(?: (l|mm|cm|galon))? ');
    v_unit   text;
    v_rel    boolean;
BEGIN
    IF cardinality(coalesce(p_codes, '{}')) = 0 OR (cardinality(v_kinds) = 0 AND v_m IS NULL) THEN
        RETURN 'unrelated';
    END IF;
    v_unit := CASE WHEN v_m[2] IS NOT NULL THEN v_m[2] WHEN v_m[1] ~ '/' THEN 'in' END;
    SELECT bool_or(EXISTS (SELECT 1 FROM unnest(estimate_row_kinds(c.code, v_groups)) r, unnest(v_kinds) k
                           WHERE split_part(r, ':', 1) = split_part(k, ':', 1))
                   OR v_m IS NOT NULL AND estimate_row_size(c.name) IS NOT NULL
                      AND (v_unit IS NULL
                           OR v_unit = 'in' AND estimate_row_size(c.name) ~ '/|"|pulgada'
                           OR v_unit = 'l' AND estimate_row_size(c.name) ~ '[0-9] ?l'
                           OR v_unit IN ('mm', 'cm') AND estimate_row_size(c.name) ~ ('[0-9] ?' || v_unit)))
      INTO v_rel
      FROM price_catalog c WHERE c.code = ANY (p_codes);
    IF NOT coalesce(v_rel, false) THEN
        RETURN 'unrelated';
    END IF;
    IF EXISTS (SELECT 1 FROM price_catalog c
               WHERE c.code = ANY (p_codes) AND c.active
                 AND NOT estimate_kind_conflict(estimate_row_kinds(c.code, v_groups), v_kinds)
                 AND (v_m IS NULL OR estimate_row_has_size(c, v_m[1], v_m[2]))) THEN
        RETURN 'fits';
    END IF;
    RETURN 'none';
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- A message in a conversation with an estimate: change it, ask back, send it, or say it cannot change
-- ---------------------------------------------------------------------------------------------------------
-- (turns28) Whether folded words open a change of their own, as a part of a message with several changes: a verb
-- of taking out, putting in or sending ("quita", "añade", "pon", "envíalo", by their grammar), "cambia el/la …",
-- "deja el/la X" (X stays), or the job's hours alone ("total 2 horas", "y 1 h más"). A part that opens none ("son
-- para la cocina", "el de media") belongs to the part before it.
CREATE OR REPLACE FUNCTION estimate_change_opens(plain text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_plain text := estimate_change_body(regexp_replace(coalesce(plain, ''), '^(?:(?:y|e|tambien|ademas|luego|despues|y luego|y tambien) )+', ''));
    v_first text := split_part(v_plain, ' ', 1);
BEGIN
    RETURN v_plain LIKE '% %' AND (
           estimate_verb_of(v_first) = 'remove'
           -- (a verb of putting with a pronoun for what was said, "ponlos en la cocina", opens no change of its own)
        OR estimate_verb_of(v_first) = 'add' AND v_first !~ '(lo|la|los|las)$'
        OR v_first = ANY (estimate_change_words('remove'))
        OR v_first = ANY (estimate_change_words('add')) AND v_first NOT IN ('y', 'mas', 'otro', 'otra', 'otros', 'otras')
        OR v_first ~ '^cambi(a|e)(le|me)?$' AND v_plain ~ '^[a-z]+ (el|la|los|las) '
        OR v_plain ~ '^(deja|dejale|dejame|deje|dejele|manten|mantene|mantenga|conserva|conserve) (el|la|los|las) '
        -- a count said again with its unit of measure ("son 5 metros"; "son dos lavabos", "son 10 nomás" say why
        -- or what the change before comes to, not a change of their own)
        OR v_plain ~ ('^(son|que sean|sean|seran|serian) ([0-9]+(?:[.][0-9]+)?|' || estimate_count_re()
                      || ') (metros?|mts?|mtrs|ml|m|unidades|uds?|piezas)( |$)'))
        -- sending, alone or with whom to ("y envíalo", "y mándaselo al cliente")
        OR (estimate_verb_of(v_first) = 'send' OR v_first = ANY (estimate_change_words('send')))
           AND v_plain ~ '^[a-z]+(?: (?:al cliente|a el cliente|porfa|por favor|ya|ahora|de una))*$'
        OR estimate_send_said(v_plain) IS NOT NULL
        OR estimate_hours_only(plain) IS NOT NULL;
END
$$;

-- (turns28) Whether folded words take whole lines out: a verb of removing, then a line named after an article ("quita
-- el tubo de humos …"), not a count of it ("quita un radiador, son dos": one fewer, not the line).
CREATE OR REPLACE FUNCTION estimate_change_removes_lines(plain text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT (estimate_verb_of(split_part(x, ' ', 1)) = 'remove' OR split_part(x, ' ', 1) = ANY (estimate_change_words('remove')))
           AND x ~ '^[a-z]+ (el|la|los|las) [a-z]' AND estimate_number_word(split_part(x, ' ', 3)) IS NULL
    FROM (SELECT regexp_replace(coalesce(plain, ''), '^(?:(?:y|e|tambien|ademas) )+', '') AS x) w
$$;

-- (turns28) Words that only lead into a change: fillers ("ah", "no", "vale", "ok dale"), "mejor", "y", or a
-- correction's opener ("me olvidé", "me equivoqué"; estimate_change_body).
CREATE OR REPLACE FUNCTION estimate_change_lead(plain text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT estimate_change_body(btrim(regexp_replace(regexp_replace(coalesce(plain, ''), '(^| )(y|e|mejor|bueno)(?= |$)', ' ', 'g'),
                                                     '\s+', ' ', 'g') || ' x')) = 'x'
$$;

-- (revise31) Whether folded words say a count again: "son 6 metros de tubo", "al final son 2 llaves", "que sean tres
-- codos", "los codos son 4".
CREATE OR REPLACE FUNCTION estimate_body_count_said(plain text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT estimate_change_body(coalesce(plain, '')) ~ ('^(?:(?:y|e) )?(?:(?:son|que sean|sean|seran|serian|eran|van a ser) (?:[0-9]+(?:[.][0-9]+)?|'
                                                         || estimate_count_re() || ') [a-z]'
                                                         || '|(?:el|la|los|las) [a-z][a-z ]{1,39}? (?:son|que sean|seran|serian|eran) (?:[0-9]+(?:[.][0-9]+)?|'
                                                         || estimate_count_re() || ')(?: |$))')
$$;

-- (turns28) The changes of a message that makes several, in the order said, or NULL for one change (or none):
-- the message cut where a part opens a change of its own (estimate_change_opens) after a comma, a semicolon, a colon,
-- a full stop or "y": "quita la retirada, añade dos codos de 22 y son 5 metros", "mejor cambio el sanitario completo:
-- quita las 2 válvulas, pon un sanitario de 2 piezas y sello de cera, deja el acople. total 2 horas". A part before a
-- colon that is no change of estimate e ("mejor cambio el sanitario completo:") says why, not what: left out. A
-- removal of several lines named one after another ("quita el tubo de humos y la llave de gas") is one removal per
-- line. Each part is folded (estimate_plain); "y" stays before hours ("y 1 h más": more hours).
CREATE OR REPLACE FUNCTION estimate_change_clauses(e estimates, p_words text) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_raw     text[];
    v_parts   text[] := '{}';
    v_out     text[] := '{}';
    v_seg     text;
    v_piece   text;
    v_pieces  text[];
    v_verb    text;
    v_cut     text[] := '{}';
    v_i       integer;
    v_seps    text[];
    v_colon   boolean := false;   -- the first part ended at a colon
    v_closed  boolean := false;
    v_lead    text := '';
BEGIN
    IF e.id IS NULL OR coalesce(p_words, '') = '' OR length(p_words) > 300 OR p_words ~ '\?'
       OR estimate_change_new_request(estimate_plain(p_words)) THEN
        RETURN NULL;
    END IF;
    -- the raw parts between punctuation (a decimal point or comma between digits is a number's)
    v_raw := regexp_split_to_array(p_words, '\s*(?:;|:|(?<![0-9]),|,(?![0-9])|(?<![0-9])\.|\.(?![0-9]))\s*');
    v_seps := ARRAY(SELECT m[1] FROM regexp_matches(p_words, '\s*(;|:|(?<![0-9]),|,(?![0-9])|(?<![0-9])\.|\.(?![0-9]))\s*', 'g') AS m);
    FOR v_i IN 1 .. coalesce(array_length(v_raw, 1), 0) LOOP
        v_seg := btrim(v_lead || ' ' || estimate_hours_spaced(estimate_plain(v_raw[v_i])));
        v_lead := '';
        CONTINUE WHEN v_seg = '';
        -- fillers alone ("no, son 5 metros", "vale, perfecto, envíalo", "me olvidé, ponele 2 hs") go with what
        -- follows them
        IF estimate_change_lead(v_seg) THEN
            v_lead := v_seg;
            CONTINUE;
        END IF;
        -- each part cut again before "y" + a change of its own ("… y añade una válvula", "… y 1 h más", "… y envíalo")
        v_pieces := regexp_split_to_array(v_seg, ' (?=(?:y|e) )');
        v_piece := v_pieces[1];
        FOR v_j IN 2 .. coalesce(array_length(v_pieces, 1), 1) LOOP
            -- (fillers alone before it, "ah y ponle …", open nothing)
            IF estimate_change_opens(v_pieces[v_j]) AND NOT estimate_change_lead(v_piece) THEN
                v_cut := v_cut || v_piece;
                v_piece := v_pieces[v_j];
            -- (revise31) counts said one after another, "son 6 metros de tubo y 4 llaves", "son 2 llaves y 5 codos":
            -- each count is its line's ("y 4 llaves" was lost, or read as 4 more) when what follows the "y" is a
            -- number and a line of the draft, after a count said again
            ELSIF estimate_body_count_said(v_piece)
                  AND v_pieces[v_j] ~ ('^(?:y|e) (?:[0-9]+(?:[.][0-9]+)?|' || estimate_count_re() || ') [a-z]')
                  AND estimate_number_word(split_part(v_pieces[v_j], ' ', 2)) IS NOT NULL
                  AND v_pieces[v_j] !~ '(^| )(mas|otro|otra|otros|otras|adicionales?|extras?|tambien|horas?|h|hs|hrs)( |$)'
                  AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id,
                                  regexp_replace(v_pieces[v_j], '^(?:y|e) [^ ]+ ', '')))) THEN
                v_cut := v_cut || v_piece;
                v_piece := 'son ' || regexp_replace(v_pieces[v_j], '^(?:y|e) ', '');
            ELSE
                v_piece := v_piece || ' ' || v_pieces[v_j];
            END IF;
        END LOOP;
        v_cut := v_cut || v_piece;
        -- the segment's first piece opens a part when it opens a change (or nothing was said before, or a colon
        -- closed what was); else it goes on with the part before it ("añade dos codos, los de media")
        IF cardinality(v_parts) = 0 OR v_closed OR estimate_change_opens(v_cut[1]) THEN
            v_parts := v_parts || v_cut;
        ELSE
            -- (a list after a removal, "quita el tubo, la llave y el codo", is said as with "y")
            v_parts[cardinality(v_parts)] := v_parts[cardinality(v_parts)]
                || CASE WHEN estimate_change_removes_lines(v_parts[cardinality(v_parts)])
                             AND v_cut[1] ~ '^(el|la|los|las) [a-z]'
                             AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_cut[1])))
                        THEN ' y ' ELSE ' ' END || v_cut[1];
            v_parts := v_parts || v_cut[2:];
        END IF;
        v_cut := '{}';
        -- (the part said before a colon is kept apart, whatever follows)
        v_closed := v_seps[v_i] IS NOT DISTINCT FROM ':';
        v_colon := v_colon OR v_closed AND cardinality(v_parts) = 1;
    END LOOP;
    -- a part before a colon that changes nothing of e is the reason, not a change
    IF v_colon AND cardinality(v_parts) > 1 AND estimate_change_parse(e, v_parts[1]) IS NULL THEN
        v_parts := v_parts[2:];
    END IF;
    FOREACH v_seg IN ARRAY v_parts LOOP
        -- strip the "y" that joined it, but not before hours ("y 1 h más" adds them)
        IF estimate_hours_only(v_seg) IS NULL THEN
            v_seg := regexp_replace(v_seg, '^(?:(?:y|e) )+', '');
        END IF;
        -- "quita el tubo de humos y la llave de gas": one removal per line named
        v_verb := split_part(regexp_replace(v_seg, '^(?:(?:y|e|tambien|ademas) )+', ''), ' ', 1);
        v_pieces := regexp_split_to_array(regexp_replace(v_seg, '^(?:(?:y|e|tambien|ademas) )+', ''),
                                          ' (?:y|e) (?:tambien )?(?=(?:el|la|los|las) [a-z])');
        -- (each line after the first named as a line of e: "quita el rociador y la barra que …" of a mixer "con su
        -- barra" stays one removal, read as before)
        -- (and only when nothing but the first line is said before the "y": "quite el inodoro, el cliente ya lo compró,
        -- solo la instalación con la manguera y la llave" keeps the hose and the valve)
        IF estimate_change_removes_lines(v_seg) AND cardinality(v_pieces) > 1
           AND v_pieces[1] !~ ' (que|porque|pues|ya|solo|solamente|nada|nomas|cliente|siempre|pero|sino|con) '
           AND NOT EXISTS (SELECT 1 FROM unnest(v_pieces[2:]) x
                            WHERE NOT EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id,
                                                  btrim(regexp_replace(x, ' (que|porque|pues|ya que|para que|como) .*$', '')))))) THEN
            v_out := v_out || v_pieces[1];
            FOR v_j IN 2 .. array_length(v_pieces, 1) LOOP
                -- (est33) "quita el grifo y la llave que sea de una pulgada": a line named with its new size after it
                -- is that change, not a second removal
                v_out := v_out || CASE WHEN v_pieces[v_j] ~ ' (?:que )?(?:sea|sean|es|son|va|van|mejor|ahora) (?:de|del|en|a) [a-z0-9/]'
                                       THEN v_pieces[v_j] ELSE v_verb || ' ' || v_pieces[v_j] END;
            END LOOP;
        ELSE
            v_out := v_out || v_seg;
        END IF;
    END LOOP;
    RETURN CASE WHEN cardinality(v_out) > 1 THEN v_out END;
END
$$;

-- estimate_current_for_update(p_conversation_id text) -> estimates
-- The conversation's current estimate (estimate_conversation_current), its row locked FOR UPDATE until the end of
-- the transaction: one change at a time, and the customer's decision on the page waits for it. Refuses (returns a
-- row of NULLs, e.id IS NULL) when the conversation has no current estimate; the caller then answers
-- {"handled": false}. A decided estimate (accepted/rejected) is still returned, locked: the caller refuses the
-- change ("locked") once it knows the message is one, so words that are no change are not answered as refused.
CREATE OR REPLACE FUNCTION estimate_current_for_update(p_conversation_id text) RETURNS estimates
LANGUAGE plpgsql AS $$
DECLARE
    e estimates;
BEGIN
    SELECT e2.* INTO e FROM estimate_conversation_current c JOIN estimates e2 ON e2.id = c.estimate_id
     WHERE c.conversation_id = p_conversation_id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT * INTO e FROM estimates WHERE id = e.id FOR UPDATE;
    RETURN e;
END
$$;

-- One change of the conversation's current estimate (estimate_converse reads a message of several changes as
-- several calls of this one, all applied as one revision).
CREATE OR REPLACE FUNCTION estimate_converse_one(p_conversation_id text, p_words text, p_message_id text DEFAULT NULL,
                                                 p_public_url text DEFAULT '')
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    s         estimate_settings;
    e         estimates;
    r         record;
    l         estimate_lines;
    v_inputs  jsonb;
    v_new     jsonb;
    v_changes text[] := '{}';
    v_ask     text;
    v_items   jsonb;
    v_item    jsonb;
    v_idx     integer;
    v_qty     numeric;
    v_hours   numeric;
    v_count   integer;
    v_found   jsonb;
    v_target  text;
    v_unit    text;
    v_names   text;
    v_before  numeric;
    v_result  jsonb;
    v_action  text;
    v_state   text;
    v_clause  text;
    v_size    text;
    v_m       text[];
    v_done    integer[] := '{}';
    v_said_lines integer[] := '{}';
    v_named_only integer[];   -- (esrules) the lines a cotizar a size answer named, when it named only those
    v_named_size text;
    v_change  jsonb;
BEGIN
    e := estimate_current_for_update(p_conversation_id);
    IF e.id IS NULL THEN
        RETURN jsonb_build_object('handled', false);
    END IF;
    v_change := estimate_change_parse(e, p_words);   -- the one reading: {op, rest, line, value}
    UPDATE estimate_conversation_current SET pending = NULL
     WHERE conversation_id = p_conversation_id AND pending IS NOT NULL;   -- a question waits one message only
    SELECT v_change ->> 'op' AS kind, v_change ->> 'rest' AS rest INTO r;
    IF r.kind IS NULL THEN
        RETURN jsonb_build_object('handled', false);
    END IF;
    SELECT * INTO s FROM estimate_settings WHERE id;
    v_state := CASE e.status WHEN 'accepted' THEN 'aceptado' WHEN 'rejected' THEN 'rechazado' END;

    -- The customer has decided: nothing changes. A new estimate is offered.
    IF e.status IN ('accepted', 'rejected') THEN
        RETURN jsonb_build_object(
            'handled', true, 'action', 'locked', 'kind', r.kind, 'number', e.number, 'revision', e.revision,
            'changes', '[]'::jsonb, 'card', estimate_card(e.number, p_public_url),
            'reply_text', format('El presupuesto %s ya está %s por el cliente, así que no lo cambio: queda tal como lo '
                || 'vio. Si hace falta otro, pídeme un presupuesto nuevo (por ejemplo «presupuesto '
                || 'para …» con todo lo que lleva) y lo preparo con otro número.', e.number, v_state));
    END IF;

    IF r.kind = 'send' THEN
        v_result := estimate_mark_sent(e.number);
        RETURN jsonb_build_object(
            'handled', true, 'action', 'sent', 'kind', r.kind, 'number', e.number, 'revision', e.revision,
            'changes', '[]'::jsonb, 'card', estimate_card(e.number, p_public_url),
            'reply_text', format('%s: el presupuesto %s (revisión %s, total %s%s) queda marcado como enviado. '
                || 'Pásale al cliente este enlace para verlo, imprimirlo, aceptarlo o rechazarlo: %s',
                CASE WHEN e.status = 'sent' THEN 'Ya estaba enviado' ELSE 'Hecho' END, e.number, e.revision,
                estimate_money(e.total, e.currency),
                CASE WHEN e.to_quote_count > 0 THEN format(', más %s partida(s) a cotizar', e.to_quote_count) ELSE '' END,
                estimate_card(e.number, p_public_url) ->> 'url'));
    END IF;

    IF r.kind = 'keep' THEN
        RETURN jsonb_build_object(
            'handled', true, 'action', 'unchanged', 'kind', r.kind, 'number', e.number, 'revision', e.revision,
            'changes', '[]'::jsonb, 'card', NULL,
            'reply_text', format('«%s» se queda como está en el presupuesto %s (revisión %s).', r.rest, e.number, e.revision));
    END IF;

    v_inputs := e.inputs;
    IF v_inputs IS NULL OR jsonb_typeof(v_inputs) <> 'array'
       OR jsonb_array_length(v_inputs) <> (SELECT count(*) FROM estimate_lines WHERE estimate_id = e.id) THEN
        v_ask := format('El presupuesto %s se hizo antes de poder cambiarse por mensajes; pídeme uno nuevo con todo lo '
                        || 'que lleva.', e.number);
    ELSIF r.kind = 'complete' THEN
      -- One clause per line when the answer sizes several ("la general es de tres cuartos y las del baño de
      -- media"): a clause whose words before the size name one priced line is about that line (its size said
      -- again: changed if another row has it); the others complete the lines a cotizar, each line once.
      FOREACH v_clause IN ARRAY estimate_complete_clauses(r.rest) LOOP
        -- "todo de 1/2", "todas son de media": the size, for every line a cotizar
        v_size := regexp_replace(v_clause, '^(todo|toda|todos|todas|ambos|ambas|las dos cosas|los dos|las dos)( es| son| sera| seran)? (?=(de|del|en) )', '');
        -- "de tres cuartos las dos cosas": who it is for, said after the size, is not the size
        v_size := regexp_replace(v_size, ' ((las|los) (dos|tres|cuatro) (cosas|partidas|lineas)|todo|todos|todas|ambos|ambas)$', '');
        v_said_lines := '{}';
        -- (also a clause whose words before the size name one priced line and no line a cotizar: "la rejilla de
        -- 15x15", "las llaves no, son de media" are that line's size, never words added to the other lines)
        v_m := regexp_match(v_clause, '^((?:el|la|los|las) [a-z]+(?: [a-z]+)?)(?: no)?(?: (?:es|son))? (?:de|del) ');
        IF cardinality(estimate_complete_clauses(r.rest)) > 1 OR v_clause ~ '^(el|la|los|las) [a-z]+( [a-z]+)? (es|son) de '
           -- (revise29: the line named by any of its names, "el céspol" of a "sifón", never the lines a cotizar beside it)
           OR v_m IS NOT NULL
              AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_m[1])) n WHERE NOT n.to_quote AND n.kind = 'material')
              AND NOT EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_m[1])) n WHERE n.to_quote)
           -- (esrules) lines a cotizar named before the size, and no priced one: only those take the size ("los
           -- flexibles de 40 cm" never sizes the heater a cotizar beside them)
           OR v_m IS NOT NULL AND e.to_quote_count > 1
              AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, v_m[1]) n WHERE n.to_quote)
              AND NOT EXISTS (SELECT 1 FROM estimate_lines_named(e.id, v_m[1]) n WHERE NOT n.to_quote) THEN
            v_m := regexp_match(v_clause, '^(.*?) ?(?:(?:es|son) )?((?:de|del) .*)$');
            IF v_m IS NOT NULL THEN
                v_m[1] := regexp_replace(v_m[1], ' no$', '');
                v_size := v_m[2];
                IF cardinality(estimate_complete_clauses(r.rest)) = 1 AND v_m[1] ~ '^(el|la|los|las) '
                   AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, v_m[1]) n WHERE n.to_quote)
                   AND NOT EXISTS (SELECT 1 FROM estimate_lines_named(e.id, v_m[1]) n WHERE NOT n.to_quote) THEN
                    v_named_only := ARRAY(SELECT n.position FROM estimate_lines_named(e.id, v_m[1]) n);
                    v_named_size := v_size;
                END IF;
                -- who: the words before the size, as written or in the shared synonym list's words
                -- ("la canilla" = "el grifo")
                IF NOT EXISTS (SELECT 1 FROM estimate_lines_named(e.id, nullif(v_m[1], ''))) THEN
                    v_m[1] := estimate_plain(estimate_with_synonyms(v_m[1]));
                END IF;
                SELECT count(*), min(n.position) INTO v_count, v_idx
                  FROM estimate_lines_named(e.id, nullif(v_m[1], '')) n WHERE NOT n.to_quote AND n.kind = 'material';
                IF v_count = 1 THEN
                    SELECT * INTO l FROM estimate_lines WHERE estimate_id = e.id AND position = v_idx;
                    v_target := estimate_resized(l, v_size);
                    IF v_target IS NOT NULL THEN
                        v_inputs := jsonb_set(v_inputs, ARRAY[(v_idx - 1)::text],
                                              jsonb_build_object('item', v_target, 'quantity', l.quantity));
                        v_changes := v_changes || format('Cambiado: %s → %s', l.description,
                                                         (SELECT c.name FROM price_catalog c WHERE c.code = v_target));
                    END IF;
                    v_unit := nullif(estimate_words(estimate_row_size((SELECT c.name FROM price_catalog c WHERE c.code = l.catalog_code))), '');
                    IF v_target IS NULL AND v_unit IS NOT NULL
                       AND v_unit <> estimate_words(regexp_replace(v_size, '^(de|del) ', '')) THEN
                        -- The catalogue has it in another size only ("el flotador es de media", the float is
                        -- 3/4"): a cotizar as said, never priced at the other size.
                        v_item := jsonb_build_object('item', left(btrim(regexp_replace(v_m[1], '^((el|la|los|las) )+', '')
                                                                        || ' ' || v_size), 200),
                                                     'quantity', l.quantity, 'unit', l.unit);
                        v_inputs := jsonb_set(v_inputs, ARRAY[(v_idx - 1)::text], v_item);
                        v_changes := v_changes || format('Cambiado: %s → %s (a cotizar: en el catálogo solo de %s)',
                                                         l.description, v_item ->> 'item',
                                                         estimate_row_size((SELECT c.name FROM price_catalog c WHERE c.code = l.catalog_code)));
                    ELSIF v_target IS NULL AND cardinality(estimate_complete_clauses(r.rest)) = 1 THEN
                        v_ask := format('«%s» ya está en el presupuesto %s y el catálogo no tiene otra medida de esa '
                                        || 'partida, así que queda como está. Si es otra cosa, dime «quita …» y «añade …».',
                                        l.description, e.number);
                    END IF;
                    v_said_lines := v_said_lines || v_idx;
                    CONTINUE;
                END IF;
                -- Lines a cotizar the clause names ("las del baño" of a line asked as "llaves de paso del
                -- baño"): only those. None named: any line a cotizar not completed yet.
                v_said_lines := ARRAY(SELECT n.position FROM estimate_lines_named(e.id, nullif(v_m[1], '')) n
                                      WHERE n.to_quote AND NOT (n.position = ANY (v_done)));
                -- a clause that names no line ("la general …") is for the lines a cotizar no other clause names
                IF cardinality(v_said_lines) = 0 AND cardinality(estimate_complete_clauses(r.rest)) > 1 THEN
                    v_said_lines := ARRAY(
                        SELECT l3.position FROM estimate_lines l3
                         WHERE l3.estimate_id = e.id AND l3.to_quote AND NOT (l3.position = ANY (v_done))
                           AND NOT EXISTS (
                               SELECT 1 FROM unnest(estimate_complete_clauses(r.rest)) oc,
                                             estimate_lines_named(e.id, nullif((regexp_match(oc, '^(.*?) ?(?:(?:es|son) )?(?:de|del) '))[1], '')) n3
                                WHERE oc <> v_clause AND n3.position = l3.position));
                    -- of several, the article's number says which: "la general" one unit, "las del baño" more
                    IF cardinality(v_said_lines) > 1 AND v_clause ~ '^(el|la|los|las) ' THEN
                        v_said_lines := ARRAY(SELECT l3.position FROM estimate_lines l3
                                               WHERE l3.estimate_id = e.id AND l3.position = ANY (v_said_lines)
                                                 AND (l3.quantity = 1) = (v_clause ~ '^(el|la) '));
                    END IF;
                END IF;
            END IF;
        END IF;
        -- Each line "a cotizar" read again with the answer: "tubería de cobre" + "de 22" = the 22 mm pipe.
        FOR l IN SELECT * FROM estimate_lines WHERE estimate_id = e.id AND to_quote AND NOT (position = ANY (v_done))
                   AND (cardinality(v_said_lines) = 0 OR position = ANY (v_said_lines))
                 ORDER BY position LOOP
            v_found := estimate_match(l.requested || ' ' || v_size);
            -- another line a cotizar in the plumber's words that says a kind the row found is not
            v_names := (SELECT l2.requested FROM estimate_lines l2
                         WHERE l2.estimate_id = e.id AND l2.to_quote AND l2.position <> l.position
                           AND jsonb_array_length(v_found -> 'items') = 1 AND (v_found -> 'items' -> 0) ? 'item'
                           AND estimate_kind_conflict(estimate_row_kinds(v_found -> 'items' -> 0 ->> 'item', s.kind_words),
                                                      estimate_kinds_said(estimate_words(l2.requested), s.kind_words))
                         ORDER BY l2.position LIMIT 1);
            IF jsonb_array_length(v_found -> 'items') = 1 AND (v_found ->> 'priced')::int = 1
               AND (v_found -> 'items' -> 0) ? 'item' AND v_names IS NOT NULL THEN
                -- The size fits a row of another kind than the draft says ("4 codos" of a PVC run + "todo de
                -- 1/2": the 1/2" elbow the catalogue has is brass): a cotizar as said, never that row.
                v_item := jsonb_build_object('item', left(btrim(l.requested || ' ' || regexp_replace(v_size,
                                                 '^((a|al|de|del|el|la|los|las|es|son|con|para) )+', 'de ')
                                                 || ' (como ' || v_names || ')'), 200),
                                             'quantity', l.quantity);
                IF (v_inputs -> (l.position - 1)) ? 'unit' THEN
                    v_item := v_item || jsonb_build_object('unit', v_inputs -> (l.position - 1) -> 'unit');
                END IF;
                v_inputs := jsonb_set(v_inputs, ARRAY[(l.position - 1)::text], v_item);
                v_done := v_done || l.position;
                v_changes := v_changes || format('Precisado: %s → %s (a cotizar: el catálogo lo tiene de otro material)',
                                                 l.description, v_item ->> 'item');
            ELSIF jsonb_array_length(v_found -> 'items') = 1 AND (v_found ->> 'priced')::int = 1
               AND (v_found -> 'items' -> 0) ? 'item' THEN
                v_item := jsonb_build_object('item', v_found -> 'items' -> 0 ->> 'item', 'quantity', l.quantity);
                v_inputs := jsonb_set(v_inputs, ARRAY[(l.position - 1)::text], v_item);
                v_done := v_done || l.position;
                v_changes := v_changes || format('Completado: %s → %s', l.description,
                    (SELECT c.name FROM price_catalog c WHERE c.code = v_item ->> 'item'));
            ELSIF jsonb_array_length(v_found -> 'items') = 1 AND (v_found ->> 'priced')::int = 0
                  AND jsonb_array_length(coalesce(v_found -> 'mentions' -> 0 -> 'candidates', '[]')) > 1
                  AND jsonb_array_length(v_found -> 'mentions') = 1
                  AND jsonb_array_length(v_found -> 'mentions' -> 0 -> 'candidates')
                      < coalesce(jsonb_array_length(v_inputs -> (l.position - 1) -> 'choices'),
                                 jsonb_array_length(estimate_match(l.requested) -> 'mentions' -> 0 -> 'candidates'), 0) THEN
                -- The answer narrows the choices without settling them ("a gas" of a heater that comes in gas
                -- and electric, several sizes each): the line stays a cotizar, with what is left to ask.
                v_item := jsonb_build_object('item', left(btrim(l.requested || ' ' || regexp_replace(v_size,
                                                 '^((a|al|de|del|el|la|los|las|es|son|con|para) )+', '')), 200),
                                             'quantity', l.quantity,
                                             'choices', v_found -> 'mentions' -> 0 -> 'candidates');
                IF (v_inputs -> (l.position - 1)) ? 'unit' THEN
                    v_item := v_item || jsonb_build_object('unit', v_inputs -> (l.position - 1) -> 'unit');
                END IF;
                v_inputs := jsonb_set(v_inputs, ARRAY[(l.position - 1)::text], v_item);
                v_done := v_done || l.position;
                v_changes := v_changes || format('Precisado: %s → %s (a cotizar: %s)', l.description, v_item ->> 'item',
                    estimate_choice_question(ARRAY(SELECT jsonb_array_elements_text(v_item -> 'choices'))));
            END IF;
        END LOOP;
        -- (multiturn30) Inches said for several lines of one material ("todo de 3/4" of copper pipe, elbows and
        -- tees): a line the inches leave open (copper 3/4" could be 18 or 22 mm) takes the millimetres of the
        -- draft's priced row of that same material at that nominal size, when there is exactly one such size
        -- (the pipe, "tubo de cobre de 3/4" = the 22 mm row): the elbows are then the 22 mm elbows, as in one
        -- message the draft's own items settle it. No such row, or several sizes: left as before (never guessed).
        IF estimate_inch_mm(regexp_replace(v_size, '^((a|al|de|del|el|la|los|las|es|son|en) )+', '')) IS NOT NULL THEN
            FOR l IN SELECT * FROM estimate_lines l2 WHERE l2.estimate_id = e.id AND l2.to_quote
                       AND (cardinality(v_said_lines) = 0 OR l2.position = ANY (v_said_lines))
                       AND NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_inputs -> (l2.position - 1) ->> 'item')
                     ORDER BY l2.position LOOP
                SELECT min(x.mm), count(DISTINCT x.mm) INTO v_names, v_count FROM (
                    SELECT split_part(estimate_words(estimate_row_size(c.name)), ' ', 1) AS mm
                      FROM jsonb_array_elements(v_inputs) i JOIN price_catalog c ON c.code = i ->> 'item'
                     WHERE c.kind = 'material' AND estimate_size_unit(estimate_row_size(c.name)) = 'mm'
                       AND split_part(estimate_words(estimate_row_size(c.name)), ' ', 1) ~ '^[0-9]+$'
                       AND split_part(estimate_words(estimate_row_size(c.name)), ' ', 1)::numeric
                           <@ estimate_inch_mm(regexp_replace(v_size, '^((a|al|de|del|el|la|los|las|es|son|en) )+', ''))
                       AND estimate_row_kinds(c.code, s.kind_words)
                           && estimate_kinds_said(estimate_words(l.requested), s.kind_words)) x;
                CONTINUE WHEN v_count <> 1;
                -- the one active row of that thing (the first word of its name is the line's first word: codo,
                -- te, tubo), of that material and those millimetres
                SELECT min(c.code), count(*) INTO v_target, v_count FROM price_catalog c
                 WHERE c.active AND c.kind = 'material'
                   AND split_part(estimate_words(c.name), ' ', 1) = split_part(estimate_words(l.requested), ' ', 1)
                   AND estimate_size_unit(estimate_row_size(c.name)) = 'mm'
                   AND split_part(estimate_words(estimate_row_size(c.name)), ' ', 1) = v_names
                   AND estimate_row_kinds(c.code, s.kind_words) && estimate_kinds_said(estimate_words(l.requested), s.kind_words)
                   AND (l.unit IS NULL OR c.unit = l.unit);
                IF v_count = 1 THEN
                    v_item := jsonb_build_object('item', v_target, 'quantity', l.quantity);
                    v_inputs := jsonb_set(v_inputs, ARRAY[(l.position - 1)::text], v_item);
                    v_done := v_done || l.position;
                    v_changes := ARRAY(SELECT c FROM unnest(v_changes) c WHERE c NOT LIKE format('Precisado: %s → %%', l.description))
                                 || format('Completado: %s → %s', l.description,
                                           (SELECT c.name FROM price_catalog c WHERE c.code = v_item ->> 'item'));
                END IF;
            END LOOP;
        END IF;
      END LOOP;
        -- No line a cotizar completed by reading it again with the answer: the answer names some of one line's
        -- choices by the catalogue's words ("el termostático" of the shower's taps): that row, or those rows
        -- still asked. Only when one line a cotizar is named so.
        IF cardinality(v_changes) = 0 AND v_ask IS NULL AND r.rest !~ '[0-9]' THEN
            SELECT count(*), min(l2.position) INTO v_count, v_idx
              FROM estimate_lines l2
             WHERE l2.estimate_id = e.id AND l2.to_quote
               AND cardinality(estimate_choices_named(estimate_line_choices(l2, v_inputs -> (l2.position - 1)), r.rest))
                   BETWEEN 1 AND cardinality(estimate_line_choices(l2, v_inputs -> (l2.position - 1))) - 1;
            IF v_count = 1 THEN
                SELECT * INTO l FROM estimate_lines WHERE estimate_id = e.id AND position = v_idx;
                v_names := array_to_string(estimate_choices_named(estimate_line_choices(l, v_inputs -> (v_idx - 1)), r.rest), ',');
                IF position(',' IN v_names) = 0 THEN
                    v_item := jsonb_build_object('item', v_names, 'quantity', l.quantity);
                    v_changes := v_changes || format('Completado: %s → %s', l.description,
                        (SELECT c.name FROM price_catalog c WHERE c.code = v_names));
                ELSE
                    v_item := jsonb_build_object('item', l.requested, 'quantity', l.quantity, 'choices', to_jsonb(string_to_array(v_names, ',')));
                    IF (v_inputs -> (v_idx - 1)) ? 'unit' THEN
                        v_item := v_item || jsonb_build_object('unit', v_inputs -> (v_idx - 1) -> 'unit');
                    END IF;
                    v_changes := v_changes || format('Precisado: %s (a cotizar: %s)', l.description,
                        estimate_choice_question(string_to_array(v_names, ',')));
                END IF;
                v_inputs := jsonb_set(v_inputs, ARRAY[(v_idx - 1)::text], v_item);
            END IF;
        END IF;
        -- No line a cotizar fits: the size of a priced item said again ("de media pulgada" after a 3/4"
        -- stopcock): the item's name without its size, read with the new words, must give one other item of
        -- the same unit. Only when exactly one priced line changes that way.
        IF cardinality(v_changes) = 0 AND v_ask IS NULL THEN
            SELECT count(*), min(l2.position), min(estimate_resized(l2, r.rest)) INTO v_count, v_idx, v_target
              FROM estimate_lines l2
             WHERE l2.estimate_id = e.id AND NOT l2.to_quote AND l2.kind = 'material'
               AND estimate_resized(l2, r.rest) IS NOT NULL;
            IF v_count = 1 THEN
                SELECT * INTO l FROM estimate_lines WHERE estimate_id = e.id AND position = v_idx;
                v_inputs := jsonb_set(v_inputs, ARRAY[(v_idx - 1)::text],
                                      jsonb_build_object('item', v_target, 'quantity', l.quantity));
                v_changes := v_changes || format('Cambiado: %s → %s', l.description,
                                                 (SELECT c.name FROM price_catalog c WHERE c.code = v_target));
            END IF;
        END IF;
        -- Nothing completed or resized, and the answer names a kind no choice has, for the lines a cotizar it is
        -- about ("de pvc roscable" for a 1/2" pipe the catalogue has in copper and steel only; "de 13 litros, tiro
        -- forzado" for heaters that are balanced-flue or natural-draught): the line stays a cotizar, as said, with
        -- nothing left to ask. A size alone no choice has ("de 25" for copper pipe) is asked again: it may be a
        -- slip. Lines a cotizar with no choices (a job or a thing the catalogue lacks, in the plumber's words) take
        -- the answer when no line with choices is about it.
        -- (also after other lines were completed when the answer is said for all of them: "de tres cuartos
        -- las dos cosas", "todos de 1/2"; a line completed above keeps its completion)
        v_said_lines := ARRAY(SELECT x.n::int FROM jsonb_array_elements(v_inputs) WITH ORDINALITY AS x(el, n)
                              JOIN estimate_lines l3 ON l3.estimate_id = e.id AND l3.position = x.n
                              WHERE l3.to_quote AND x.el ->> 'item' IS DISTINCT FROM l3.requested);
        IF (cardinality(v_changes) = 0 OR r.rest ~ '(^| )(todo|todos|todas|ambos|ambas|las dos cosas|los dos|las dos)( |$)')
           AND v_ask IS NULL AND cardinality(estimate_complete_clauses(r.rest)) = 1 THEN
            SELECT coalesce(array_agg(l2.position ORDER BY l2.position), '{}') INTO v_done
              FROM estimate_lines l2
             WHERE l2.estimate_id = e.id AND l2.to_quote
               AND (v_named_only IS NULL OR l2.position = ANY (v_named_only))
               AND cardinality(estimate_kinds_said(estimate_words(r.rest), s.kind_words)) > 0
               AND estimate_answer_fits(estimate_line_choices(l2, v_inputs -> (l2.position - 1)), r.rest) = 'none';
            -- (a line whose own words say a kind none of its choices is, "tubo cpvc" when the catalogue has no
            -- CPVC, has no choice that could be it: it takes the answer as said too)
            IF cardinality(v_done) = 0 AND NOT EXISTS (
                   SELECT 1 FROM estimate_lines l2
                   WHERE l2.estimate_id = e.id AND l2.to_quote AND NOT (l2.position = ANY (v_said_lines))
                     AND NOT estimate_choices_lack_kind(estimate_line_choices(l2, v_inputs -> (l2.position - 1)), l2.requested)
                     AND estimate_answer_fits(estimate_line_choices(l2, v_inputs -> (l2.position - 1)), r.rest) = 'fits') THEN
                SELECT coalesce(array_agg(l2.position ORDER BY l2.position), '{}') INTO v_done
                  FROM estimate_lines l2
                 WHERE l2.estimate_id = e.id AND l2.to_quote AND l2.catalog_code IS NULL
                   AND NOT (l2.position = ANY (v_said_lines))
                   AND (v_named_only IS NULL OR l2.position = ANY (v_named_only))
                   AND (cardinality(estimate_line_choices(l2, v_inputs -> (l2.position - 1))) = 0
                        OR estimate_choices_lack_kind(estimate_line_choices(l2, v_inputs -> (l2.position - 1)), l2.requested)
                        -- (a size in a unit none of the line's choices is measured in: "codo pvc" of drainage
                        -- elbows in mm, answered "de 1/2")
                        OR estimate_words(r.rest) ~ '[0-9]'
                           AND estimate_kinds_said(estimate_words(l2.requested), s.kind_words) <> '{}'
                           AND estimate_answer_fits(estimate_line_choices(l2, v_inputs -> (l2.position - 1)), r.rest) = 'unrelated');
            END IF;
            FOR l IN SELECT * FROM estimate_lines WHERE estimate_id = e.id AND position = ANY (v_done) ORDER BY position LOOP
                v_item := jsonb_build_object('item', left(btrim(l.requested || ' ' || regexp_replace(regexp_replace(coalesce(v_named_size, r.rest),
                                                 '^((el|la|los|las|es|son|todo|todos|todas|ambos|ambas)( |$))+', ''),
                                                 ' ((las|los) (dos|tres|cuatro) (cosas|partidas|lineas)|todo|todos|todas|ambos|ambas)$', '')), 200),
                                             'quantity', l.quantity);
                IF (v_inputs -> (l.position - 1)) ? 'unit' THEN
                    v_item := v_item || jsonb_build_object('unit', v_inputs -> (l.position - 1) -> 'unit');
                END IF;
                v_inputs := jsonb_set(v_inputs, ARRAY[(l.position - 1)::text], v_item);
                v_changes := v_changes || format('Precisado: %s → %s (a cotizar: no está en el catálogo)',
                                                 l.description, v_item ->> 'item');
            END LOOP;
        END IF;
        IF v_ask IS NOT NULL THEN
            NULL;   -- already asked (the line said has no other size)
        ELSIF cardinality(v_changes) = 0 AND e.to_quote_count = 0 THEN
            v_ask := format('Con «%s» no sé qué partida del presupuesto %s cambiar. Sus partidas son: %s. Dime cuál y cómo '
                            || '(por ejemplo «la llave de paso, de media pulgada»).', btrim(p_words), e.number,
                            (SELECT string_agg(l2.description, '; ' ORDER BY l2.position) FROM estimate_lines l2
                              WHERE l2.estimate_id = e.id));
        ELSIF cardinality(v_changes) = 0 THEN
            SELECT string_agg(format('«%s»%s', l2.description,
                       CASE WHEN l2.note LIKE 'varias partidas posibles: %' THEN ' (' || substr(l2.note, 27) || ')' ELSE '' END), '; ')
              INTO v_names FROM estimate_lines l2 WHERE l2.estimate_id = e.id AND l2.to_quote;
            v_ask := format('Con «%s» no puedo completar ninguna partida a cotizar del presupuesto %s: no hay en el '
                            || 'catálogo una sola que encaje. Las partidas a cotizar son: %s. ¿Cuál es, exactamente?',
                            btrim(p_words), e.number, v_names);
        END IF;
    ELSIF r.kind IN ('hours_add', 'hours_set', 'hours_sub') THEN
        v_hours := estimate_hours_in(r.rest);
        SELECT i - 1 INTO v_idx FROM jsonb_array_elements(v_inputs) WITH ORDINALITY AS x(el, i)
         WHERE el ? 'labour_hours' AND NOT el ? 'item' ORDER BY i LIMIT 1;
        IF v_idx IS NULL THEN   -- the hours said as an item of the labour rate ("3 horas de mano de obra")
            SELECT i - 1 INTO v_idx FROM jsonb_array_elements(v_inputs) WITH ORDINALITY AS x(el, i)
             WHERE el ->> 'item' = s.labour_code AND el ? 'quantity' ORDER BY i LIMIT 1;
        END IF;
        IF v_hours IS NULL OR v_hours <= 0 THEN
            v_ask := '¿Cuántas horas de mano de obra, exactamente?';
        ELSIF r.kind = 'hours_sub' AND (v_idx IS NULL OR coalesce(v_inputs -> v_idx ->> 'labour_hours', v_inputs -> v_idx ->> 'quantity')::numeric <= v_hours) THEN
            -- (revise29) hours taken off that leave none, or of a draft without hours: asked, never guessed
            v_ask := format('El presupuesto %s lleva %s h de mano de obra: ¿cuántas horas pongo en total?', e.number,
                            estimate_number_es(coalesce(coalesce(v_inputs -> v_idx ->> 'labour_hours', v_inputs -> v_idx ->> 'quantity')::numeric, 0)));
        ELSIF v_idx IS NULL THEN
            v_inputs := v_inputs || jsonb_build_object('labour_hours', v_hours);
            v_changes := v_changes || format('Añadido: mano de obra %s h', estimate_number_es(v_hours));
        ELSE
            v_before := coalesce(v_inputs -> v_idx ->> 'labour_hours', v_inputs -> v_idx ->> 'quantity')::numeric;
            v_qty := CASE r.kind WHEN 'hours_add' THEN v_before + v_hours WHEN 'hours_sub' THEN v_before - v_hours ELSE v_hours END;
            v_inputs := jsonb_set(v_inputs, ARRAY[v_idx::text],
                                  CASE WHEN v_inputs -> v_idx ? 'item' THEN jsonb_set(v_inputs -> v_idx, '{quantity}', to_jsonb(v_qty))
                                       ELSE jsonb_build_object('labour_hours', v_qty) END);
            v_changes := v_changes || format('Mano de obra: %s h → %s h', estimate_number_es(v_before), estimate_number_es(v_qty));
        END IF;
    ELSIF r.kind = 'correct' THEN
        -- "la X no es …, es Y": line X becomes Y as the catalogue reads it (one item: priced or a cotizar with its
        -- choices), its quantity kept; nothing read: Y a cotizar as said
        SELECT * INTO l FROM estimate_lines WHERE estimate_id = e.id AND position = (v_change ->> 'line')::int;
        -- (est33: a kind said alone, estimate_change_kind_alone: its row, or a cotizar as said when the catalogue has none)
        v_items := CASE WHEN v_change ? 'code' THEN jsonb_build_array(jsonb_build_object('item', v_change ->> 'code'))
                        WHEN coalesce((v_change ->> 'as_said')::boolean, false) THEN '[]'::jsonb
                        ELSE (SELECT coalesce(jsonb_agg(i), '[]') FROM jsonb_array_elements(estimate_items_in(e.id, r.rest)) i
                              WHERE i ? 'item' AND i ->> 'item' IS DISTINCT FROM s.service_call_code) END;
        v_item := CASE WHEN jsonb_array_length(v_items) = 1
                       THEN (v_items -> 0) || jsonb_build_object('quantity', l.quantity)
                       ELSE jsonb_build_object('item', left(r.rest, 200), 'quantity', l.quantity) END;
        v_inputs := jsonb_set(v_inputs, ARRAY[(l.position - 1)::text], v_item);
        v_changes := v_changes || format('Cambiado: %s → %s%s', l.description,
            coalesce((SELECT c.name FROM price_catalog c WHERE c.code = v_item ->> 'item'), v_item ->> 'item'),
            CASE WHEN estimate_priced_count(jsonb_build_array(v_item)) = 0 THEN ' (a cotizar)' ELSE '' END);
    ELSIF r.kind = 'replace' THEN
        v_ask := format('Para no equivocarme con «%s» en el presupuesto %s, dímelo en dos pasos: «quita …» con la '
                        || 'partida que sale y «añade …» con la que entra (con su medida).', r.rest, e.number);
    ELSIF r.kind = 'remove' THEN
        -- what is removed, without the reason said after it ("el kit ese que el cliente ya lo tiene", "el
        -- retiro porque lo hace el cliente"); named as written or in the shared synonym list's words ("la llave
        -- de chorro" = the garden tap)
        v_target := estimate_named_part(e.id, btrim(regexp_replace(r.rest, ' (que|porque|pues|ya que|para que|como) .*$', '')));
        SELECT count(*), string_agg(l2.description, '; ') INTO v_count, v_names FROM estimate_lines_named(e.id, v_target) l2;
        -- "el lavamanos no" with a basin and a trap "para lavabo": the thing itself (the line whose first word is
        -- the one said), not what goes on it
        IF v_count > 1 AND (SELECT count(*) FROM estimate_lines_named(e.id, v_target) l2
                             WHERE estimate_words(split_part(btrim(coalesce(l2.requested, l2.description)), ' ', 1))
                                   = split_part(estimate_words(v_target), ' ', 1)
                                OR estimate_words(split_part(btrim(l2.description), ' ', 1)) = split_part(estimate_words(v_target), ' ', 1)) = 1 THEN
            SELECT l2.position, l2.description INTO v_idx, v_names FROM estimate_lines_named(e.id, v_target) l2
             WHERE estimate_words(split_part(btrim(coalesce(l2.requested, l2.description)), ' ', 1)) = split_part(estimate_words(v_target), ' ', 1)
                OR estimate_words(split_part(btrim(l2.description), ' ', 1)) = split_part(estimate_words(v_target), ' ', 1);
            v_count := 1;
        ELSE
            v_idx := NULL;
        END IF;
        IF v_count = 0 THEN
            v_ask := format('No encuentro «%s» en el presupuesto %s, así que no quito nada. Sus partidas son: %s.',
                            v_target, e.number, (SELECT string_agg(l2.description, '; ' ORDER BY l2.position)
                                               FROM estimate_lines l2 WHERE l2.estimate_id = e.id));
        ELSIF (SELECT count(*) FROM estimate_lines WHERE estimate_id = e.id) = v_count THEN
            v_ask := format('Eso quitaría todas las partidas del presupuesto %s. Si ya no hace falta, no lo envíes; '
                            || 'si hace falta otro, pídeme un presupuesto nuevo.', e.number);
        ELSIF v_idx IS NOT NULL THEN
            SELECT coalesce(jsonb_agg(el ORDER BY i), '[]'::jsonb) INTO v_new
              FROM jsonb_array_elements(v_inputs) WITH ORDINALITY AS x(el, i) WHERE i <> v_idx;
            v_inputs := v_new;
            v_changes := v_changes || (SELECT 'Quitado: ' || estimate_line_label(l2.description, l2.quantity, l2.unit)
                                         FROM estimate_lines l2 WHERE l2.estimate_id = e.id AND l2.position = v_idx);
        ELSIF v_count > 1 AND (SELECT count(DISTINCT coalesce(l2.catalog_code, l2.description)) FROM estimate_lines_named(e.id, v_target) l2) > 1
              -- (turns28) "quita las 2 válvulas" of a fill valve and a flush valve: a count that is every line named
              -- (or all they count) takes them all out
              AND estimate_number_word((regexp_match(r.rest, '^(?:(?:los|las|esos|esas|estos|estas) )?([0-9]+|[a-z]+) '))[1])
                  IS DISTINCT FROM v_count
              AND estimate_number_word((regexp_match(r.rest, '^(?:(?:los|las|esos|esas|estos|estas) )?([0-9]+|[a-z]+) '))[1])
                  IS DISTINCT FROM (SELECT sum(l2.quantity) FROM estimate_lines_named(e.id, v_target) l2) THEN
            v_ask := format('«%s» puede ser varias partidas del presupuesto %s: %s. ¿Cuál quito?', v_target, e.number, v_names);
        ELSIF v_count = 1 AND split_part(r.rest, ' ', 2) <> '' AND split_part(r.rest, ' ', 1) <> 'media'
              AND estimate_number_word(split_part(r.rest, ' ', 1)) IS NOT NULL
              AND (SELECT l2.quantity FROM estimate_lines_named(e.id, v_target) l2) > estimate_number_word(split_part(r.rest, ' ', 1)) THEN
            -- "quita un codo", "quítale una llave, va a ser una", "quita dos codos de los de media": a count said
            -- of a line that has more of them takes that many off; the line stays
            SELECT * INTO l FROM estimate_lines WHERE estimate_id = e.id
               AND position = (SELECT l2.position FROM estimate_lines_named(e.id, v_target) l2);
            SELECT q.inputs, v_changes || q.change INTO v_inputs, v_changes
              FROM estimate_set_line_quantity(v_inputs, l, l.quantity - estimate_number_word(split_part(r.rest, ' ', 1))) q;
        ELSE
            SELECT coalesce(jsonb_agg(el ORDER BY i), '[]'::jsonb) INTO v_new
              FROM jsonb_array_elements(v_inputs) WITH ORDINALITY AS x(el, i)
             WHERE i NOT IN (SELECT l2.position FROM estimate_lines_named(e.id, v_target) l2);
            v_inputs := v_new;
            FOR l IN SELECT * FROM estimate_lines_named(e.id, v_target) LOOP
                v_changes := v_changes || ('Quitado: ' || estimate_line_label(l.description, l.quantity, l.unit));
            END LOOP;
        END IF;
    ELSIF r.kind = 'resize' THEN
        -- One line, a new size: the catalogue's row of that size (a priced line: estimate_resized; a line a
        -- cotizar: read again with the size instead of the one it had). The catalogue has none: the line stays
        -- (or becomes) a cotizar in the plumber's words with the new size, never priced at another size.
      FOR v_idx IN SELECT x::int FROM jsonb_array_elements_text(coalesce(v_change -> 'lines', jsonb_build_array(v_change -> 'line'))) x LOOP
        SELECT * INTO l FROM estimate_lines WHERE estimate_id = e.id AND position = v_idx;
        -- (each line its own size when the words said several: estimate_change_sizes_named)
        v_size := coalesce(v_change -> 'sizes' ->> v_idx::text, v_change ->> 'value');
        v_change := CASE WHEN v_change ? 'units' THEN jsonb_set(v_change, '{unit}', coalesce(v_change -> 'units' -> v_idx::text, 'null'))
                         ELSE v_change END;
        v_target := NULL;
        IF coalesce(v_change -> 'codes', '{}') ? v_idx::text THEN
            -- (est33: the row estimate_change_size_alone found, of the same name at the size said)
            v_target := v_change -> 'codes' ->> v_idx::text;
        ELSIF v_size ~ ' galon$' THEN
            -- gallons: only a row known by that many gallons (an alias staff gave it, "termo de 40 galones");
            -- never the row whose litres are the same number. Else a cotizar, with the litres it comes to.
            v_names := estimate_kind_name(coalesce((SELECT c.name FROM price_catalog c WHERE c.code = l.catalog_code),
                                                   l.requested, l.description));
            v_names := btrim(regexp_replace(v_names, '(^| )(de )?([0-9]+([.,][0-9]+)? ?(l|lts?|litros?|galon(es)?)?)(?= |$)', ' ', 'gi'));
            v_found := estimate_match(v_names || ' de ' || split_part(v_size, ' ', 1) || ' galones');
            IF jsonb_array_length(v_found -> 'items') = 1 AND (v_found ->> 'priced')::int = 1
               AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_found -> 'items' -> 0 ->> 'item' AND c.unit = l.unit
                             AND ' ' || estimate_words(c.aliases) || ' ' LIKE '% ' || v_size || ' %') THEN
                v_target := v_found -> 'items' -> 0 ->> 'item';
            END IF;
            v_size := split_part(v_size, ' ', 1) || ' galones (≈ '
                      || round(split_part(v_size, ' ', 1)::numeric * 3.785) || ' l)';
        ELSIF NOT l.to_quote AND l.catalog_code IS NOT NULL
              -- (multiturn30: a fraction said alone, "los codos igual de 1/2", is inches too: before, a 15 mm copper
              -- elbow said "de 1/2" became a line a cotizar "Codo de cobre para soldar 1/2")
              AND (v_change ->> 'unit' = 'in' OR estimate_words(v_size) ~ '^([0-9]+ )?[0-9]+/[0-9]+$' AND estimate_inch_mm(v_size) IS NOT NULL)
              AND estimate_size_unit(estimate_row_size(l.description)) = 'mm' THEN
            -- inches said of a row in mm ("todo de 3 pulgadas" on 50 mm drains): the row known by those inches, else
            -- the row of the same thing whose millimetres are that nominal size, when exactly one is; the line's
            -- own when it already is
            -- (a row the catalogue knows by those inches first: "tubo de cobre de 1/2" is an alias of the 15 mm)
            -- (a row at the edge of the range is also the size next to it: a 50 mm drain is 2", and 1 1/2" is
            -- 40-50 mm; a change of size lands on the other row in range when there is one, never keeps the old)
            v_target := CASE WHEN split_part(estimate_words(estimate_row_size(l.description)), ' ', 1)::numeric
                                  <@ estimate_inch_mm(v_size)
                              AND split_part(estimate_words(estimate_row_size(l.description)), ' ', 1)::numeric
                                  NOT IN (lower(estimate_inch_mm(v_size)), upper(estimate_inch_mm(v_size))) THEN l.catalog_code
                             ELSE coalesce(estimate_resized(l, v_size), estimate_resized_mm(l, NULL, estimate_inch_mm(v_size)),
                                           CASE WHEN split_part(estimate_words(estimate_row_size(l.description)), ' ', 1)::numeric
                                                     <@ estimate_inch_mm(v_size) THEN l.catalog_code END) END;
            v_names := estimate_kind_name((SELECT c.name FROM price_catalog c WHERE c.code = l.catalog_code));
        ELSIF NOT l.to_quote AND l.catalog_code IS NOT NULL THEN
            -- (est35) the size the line's row already has ("no, déjalas de media" after a price asked at 3/4) is no
            -- change: before, it became a line a cotizar at that size, read back as the same row
            v_target := coalesce(estimate_resized(l, v_size),
                                 CASE WHEN estimate_words(estimate_row_size(l.description)) = estimate_words(v_size)
                                      THEN l.catalog_code END);
            v_names := estimate_kind_name((SELECT c.name FROM price_catalog c WHERE c.code = l.catalog_code));
        ELSE
            v_names := btrim(regexp_replace(coalesce(l.requested, l.description),
                         '(^| )(de )?([0-9]+([.,][0-9]+)?( [0-9]+/[0-9]+)?|[0-9]+/[0-9]+|medio|media|(diez|once|doce|trece|catorce|quince|dieci[[:alpha:]]+|veinti[[:alpha:]]+|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|doscientos|trescientos|cuatrocientos|quinientos|seiscientos|mil)( y [a-z]+| [a-z]+)*? (l|lts?|litros?|galon(es)?|hp|cv|caballos?|mm|cm|kw|bar|pulgadas?)) ?(l|lts?|litros?|galon(es)?|hp|cv|caballos?|mm|cm|kw|bar|pulgadas?|pulg|")?(?= |$)', ' ', 'gi'));
            v_names := btrim(regexp_replace(v_names, '\s+', ' ', 'g'));
            -- (sizes said line by line: a line a cotizar stays a cotizar at its new size — its words alone, without
            -- the rest of the first message, may lack what kept it from a price: "presión" said of the pipe)
            v_found := CASE WHEN v_change ? 'sizes' THEN '{"items": []}'::jsonb ELSE estimate_match(v_names || ' ' || v_size) END;
            IF jsonb_array_length(v_found -> 'items') = 1 AND (v_found ->> 'priced')::int = 1
               AND (v_found -> 'items' -> 0) ? 'item'
               AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_found -> 'items' -> 0 ->> 'item' AND c.unit = l.unit) THEN
                v_target := v_found -> 'items' -> 0 ->> 'item';
            END IF;
            IF v_target IS NULL AND v_change ->> 'unit' = 'in' AND NOT v_change ? 'sizes' THEN
                -- (a line a cotizar in inches: the one row its words find at that nominal size in mm)
                v_target := estimate_resized_mm(l, v_names, estimate_inch_mm(v_size));
            END IF;
        END IF;
        IF v_target IS NOT NULL AND v_target IS DISTINCT FROM l.catalog_code THEN
            v_inputs := jsonb_set(v_inputs, ARRAY[(l.position - 1)::text], jsonb_build_object('item', v_target, 'quantity', l.quantity));
            v_changes := v_changes || format('Cambiado: %s → %s', l.description,
                                             (SELECT c.name FROM price_catalog c WHERE c.code = v_target));
        ELSIF v_target IS NULL THEN
            v_item := jsonb_build_object('item', left(btrim(v_names || ' ' || v_size), 200), 'quantity', l.quantity, 'unit', l.unit);
            IF v_change ? 'sizes' THEN   -- (and never priced by its new words' name either)
                v_item := v_item || '{"choices": []}';
            END IF;
            v_inputs := jsonb_set(v_inputs, ARRAY[(l.position - 1)::text], v_item);
            v_changes := v_changes || format('Cambiado: %s → %s (a cotizar: no está en el catálogo de esa medida)',
                                             l.description, v_item ->> 'item');
        END IF;
      END LOOP;
    ELSIF r.kind = 'more' AND v_change ? 'line' THEN
        SELECT * INTO l FROM estimate_lines WHERE estimate_id = e.id AND position = (v_change ->> 'line')::int;
        v_ask := format('¿Cuánto más de «%s»? Ahora hay %s %s: dime cuánto en total (por ejemplo «son %s %s en total»).',
                        l.description, estimate_number_es(l.quantity), l.unit, estimate_number_es(l.quantity + 1), l.unit);
        -- the answer may be the number alone ("siete metros en total", "8"): it waits one message
        UPDATE estimate_conversation_current SET pending = jsonb_build_object('op', 'total', 'line', l.position)
         WHERE conversation_id = p_conversation_id;
    ELSIF r.kind IN ('more', 'less') THEN
        -- "ponle otro" / "quítale uno" (revise29) with several lines it could be: which one, asked
        v_ask := format('¿%s %s de qué partida del presupuesto %s? Sus partidas son: %s.',
                        CASE WHEN (v_change ->> 'value')::numeric = 1 THEN 'Una' ELSE estimate_number_es((v_change ->> 'value')::numeric) END,
                        CASE r.kind WHEN 'more' THEN 'más' ELSE 'menos' END,
                        e.number, (SELECT string_agg(estimate_line_label(l2.description, l2.quantity, l2.unit), '; ' ORDER BY l2.position)
                                   FROM estimate_lines l2 WHERE l2.estimate_id = e.id AND coalesce(l2.kind, 'material') = 'material'));
        UPDATE estimate_conversation_current SET pending = jsonb_build_object('op', r.kind, 'value', (v_change ->> 'value')::numeric)
         WHERE conversation_id = p_conversation_id;
    ELSIF r.kind = 'material' THEN
        -- Every line whose words say the old material: the same thing (its first word: tubo, codo, te…) in the
        -- new material and size, the catalogue's row when the words find exactly one of its unit; else a cotizar
        -- as said. Quantities kept.
        -- ("en cobre de 15": the lines estimate_change_material_to found, each in its own size when none is said)
        FOR l IN SELECT * FROM estimate_lines l2 WHERE l2.estimate_id = e.id
                   AND CASE WHEN v_change ? 'lines' THEN l2.position IN (SELECT x::int FROM jsonb_array_elements_text(v_change -> 'lines') x)
                            ELSE estimate_words(r.rest) = ANY (string_to_array(estimate_words(concat_ws(' ', l2.description, l2.requested)), ' ')) END
                 ORDER BY l2.position LOOP
            v_names := lower(split_part(btrim(coalesce(l.requested, l.description)), ' ', 1));
            IF l.catalog_code IS NOT NULL THEN
                v_names := lower(split_part((SELECT c.name FROM price_catalog c WHERE c.code = l.catalog_code), ' ', 1));
            END IF;
            v_names := v_names || ' ' || (v_change ->> 'value');
            IF v_change ? 'lines' AND NOT (v_change ->> 'sized')::boolean THEN
                v_names := v_names || coalesce(' ' || CASE WHEN l.catalog_code IS NOT NULL
                                                           THEN (SELECT estimate_row_size(c.name) FROM price_catalog c WHERE c.code = l.catalog_code)
                                                           ELSE estimate_size_in(estimate_words(coalesce(l.requested, l.description))) END, '');
            END IF;
            v_found := estimate_match(v_names);
            v_target := NULL;
            IF jsonb_array_length(v_found -> 'items') = 1 AND (v_found ->> 'priced')::int = 1
               AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_found -> 'items' -> 0 ->> 'item' AND c.unit = l.unit) THEN
                v_target := v_found -> 'items' -> 0 ->> 'item';
                v_item := jsonb_build_object('item', v_target, 'quantity', l.quantity);
            ELSE
                v_item := jsonb_build_object('item', left(v_names, 200), 'quantity', l.quantity, 'unit', l.unit);
            END IF;
            v_inputs := jsonb_set(v_inputs, ARRAY[(l.position - 1)::text], v_item);
            v_changes := v_changes || format('Cambiado: %s → %s', l.description,
                coalesce((SELECT c.name FROM price_catalog c WHERE c.code = v_target), v_names || ' (a cotizar)'));
        END LOOP;
    ELSIF r.kind = 'quantity' AND v_change ? 'values' THEN
        -- a count for every line of materials ("dos de cada cosa", "todo doble")
        FOR l IN SELECT * FROM estimate_lines l2 WHERE l2.estimate_id = e.id
                   AND l2.position IN (SELECT x::int FROM jsonb_array_elements_text(v_change -> 'lines') x)
                 ORDER BY l2.position LOOP
            v_qty := (v_change -> 'values' ->> l.position::text)::numeric;
            IF v_qty IS NULL OR v_qty <= 0 OR v_qty > s.max_quantity THEN
                v_ask := format('¿Qué cantidad, exactamente? (máximo %s)', trim_scale(s.max_quantity));
                v_changes := '{}';
                EXIT;
            END IF;
            CONTINUE WHEN v_qty = l.quantity;
            SELECT q.inputs, v_changes || q.change INTO v_inputs, v_changes FROM estimate_set_line_quantity(v_inputs, l, v_qty) q;
        END LOOP;
    ELSIF r.kind = 'quantity' AND v_change ? 'line' THEN
        -- the line and the number were read together ("y 3 mangueras")
        SELECT * INTO l FROM estimate_lines WHERE estimate_id = e.id AND position = (v_change ->> 'line')::int;
        v_qty := (v_change ->> 'value')::numeric;
        IF v_qty IS NULL OR v_qty <= 0 OR v_qty > s.max_quantity THEN
            v_ask := format('¿Qué cantidad, exactamente? (máximo %s)', trim_scale(s.max_quantity));
        ELSE
            SELECT q.inputs, v_changes || q.change INTO v_inputs, v_changes FROM estimate_set_line_quantity(v_inputs, l, v_qty) q;
        END IF;
    ELSIF r.kind = 'quantity' THEN
        -- "son 5 metros", "son 4 codos", "que sean dos": the number, then what it counts (a unit or an item).
        v_qty := estimate_number_word(split_part(r.rest, ' ', 1));
        v_target := btrim(substr(r.rest, length(split_part(r.rest, ' ', 1)) + 1));
        v_unit := estimate_unit(split_part(v_target, ' ', 1));
        IF v_unit IN ('m', 'ud', 'h') AND v_target <> '' AND split_part(v_target, ' ', 1) <> v_unit
           OR split_part(v_target, ' ', 1) IN ('m', 'ud') THEN
            v_target := btrim(substr(v_target, length(split_part(v_target, ' ', 1)) + 1));
        ELSE
            v_unit := NULL;
        END IF;
        v_target := regexp_replace(v_target, '^(de|del) ', '');
        -- "son 5 mts de caño no 3", "son tres llaves nada más": the old number and the "only" are not the line
        v_target := btrim(regexp_replace(' ' || v_target, '( (y )?no [0-9a-z.]+| nada mas| no mas| nomas| solamente| solo| nada| en total| total| en todo| por todo)+$', ''));
        IF v_target <> '' THEN
            v_target := estimate_named_part(e.id, v_target);   -- "caño" = "tubería"
        END IF;
        IF v_qty IS NULL OR v_qty <= 0 OR v_qty > s.max_quantity THEN
            v_ask := format('¿Qué cantidad, exactamente? (máximo %s)', trim_scale(s.max_quantity));
        ELSE
            -- The lines the words name (any kind), else the lines of materials (not hours, call-out, disposal).
            SELECT coalesce(jsonb_agg(to_jsonb(l2) ORDER BY l2.position), '[]'::jsonb) INTO v_found
              FROM estimate_lines l2
             WHERE l2.estimate_id = e.id AND (v_unit IS NULL OR l2.unit = v_unit)
               AND CASE WHEN v_target <> '' THEN l2.position IN (SELECT n.position FROM estimate_lines_named(e.id, v_target) n)
                        ELSE coalesce(l2.kind, 'material') NOT IN ('labour', 'service_call', 'disposal', 'permit') END;
            SELECT count(*), string_agg(estimate_line_label(t ->> 'description', (t ->> 'quantity')::numeric, t ->> 'unit'), '; ')
              INTO v_count, v_names FROM jsonb_array_elements(v_found) t;
            IF v_count > 1 AND v_target <> '' AND (
                   SELECT count(*) FROM jsonb_array_elements(v_found) t
                    WHERE split_part(estimate_words(t ->> 'description'), ' ', 1) = split_part(estimate_words(v_target), ' ', 1)
                       OR split_part(estimate_words(coalesce(t ->> 'requested', '')), ' ', 1) = split_part(estimate_words(v_target), ' ', 1)) = 1 THEN
                -- (esrules) several lines named, one of them the thing itself (its first word is the one said: "la
                -- llave de paso" is the stop valve, not a "válvula de seguridad … llave de paso" line): that one, as
                -- a removal reads it
                SELECT jsonb_agg(t) INTO v_found FROM jsonb_array_elements(v_found) t
                 WHERE split_part(estimate_words(t ->> 'description'), ' ', 1) = split_part(estimate_words(v_target), ' ', 1)
                    OR split_part(estimate_words(coalesce(t ->> 'requested', '')), ' ', 1) = split_part(estimate_words(v_target), ' ', 1);
                v_count := 1;
            END IF;
            -- (revise31) metres said when no line is in metres ("son ocho metros" of a pipe a cotizar the first request
            -- counted in units): the one line a cotizar of materials every choice of which is sold by the metre, now in
            -- metres (still a cotizar: nothing is priced by this)
            IF v_count = 0 AND v_unit = 'm' AND v_target = '' THEN
                SELECT coalesce(jsonb_agg(to_jsonb(l2) ORDER BY l2.position), '[]'::jsonb) INTO v_found
                  FROM estimate_lines l2
                 WHERE l2.estimate_id = e.id AND l2.to_quote AND coalesce(l2.kind, 'material') = 'material' AND l2.unit <> 'm'
                   AND cardinality(estimate_line_choices(l2, v_inputs -> (l2.position - 1))) > 0
                   AND NOT EXISTS (SELECT 1 FROM price_catalog c
                                    WHERE c.code = ANY (estimate_line_choices(l2, v_inputs -> (l2.position - 1))) AND c.unit <> 'm');
                v_count := jsonb_array_length(v_found);
                IF v_count = 1 THEN
                    v_inputs := jsonb_set(v_inputs, ARRAY[((v_found -> 0 ->> 'position')::int - 1)::text, 'unit'], '"m"');
                    v_found := jsonb_set(v_found, '{0,unit}', '"m"');
                END IF;
                v_names := (SELECT string_agg(estimate_line_label(t ->> 'description', (t ->> 'quantity')::numeric, t ->> 'unit'), '; ')
                              FROM jsonb_array_elements(v_found) t);
            END IF;
            IF v_count = 1 THEN
                l := jsonb_populate_record(NULL::estimate_lines, v_found -> 0);
                SELECT q.inputs, v_changes || q.change INTO v_inputs, v_changes
                  FROM estimate_set_line_quantity(v_inputs, l, v_qty) q;
            ELSIF v_count = 0 THEN
                v_ask := format('¿A qué partida del presupuesto %s te refieres con «%s»? Sus partidas son: %s.', e.number,
                                btrim(p_words), (SELECT string_agg(estimate_line_label(l2.description, l2.quantity, l2.unit), '; '
                                                 ORDER BY l2.position) FROM estimate_lines l2 WHERE l2.estimate_id = e.id));
            ELSE
                v_ask := format('«%s» puede ser varias partidas del presupuesto %s: %s. ¿Cuál cambio?', btrim(p_words),
                                e.number, v_names);
            END IF;
        END IF;
    ELSIF r.kind = 'add' THEN
        v_items := estimate_items_in(e.id, r.rest);
        IF estimate_priced_count(v_items) = 0 AND jsonb_array_length(estimate_items_said_with_count(r.rest)) > 0
           -- (never a price the draft's reading took away: an item of another kind than the draft's stays a cotizar)
           AND NOT (estimate_priced_count(estimate_items_said_with_count(r.rest)) > 0
                    AND EXISTS (SELECT 1 FROM jsonb_array_elements(v_items) i WHERE i -> 'choices' = '[]'::jsonb)) THEN
            v_items := estimate_items_said_with_count(r.rest);   -- "dos mangueras de abasto": a cotizar, with their count
        END IF;
        -- (esrules) one thing added with two sizes ("dos codos de veinte con rosca hembra de media"): a fitting
        -- between two sizes, which no row of one size is — the thing as said, a cotizar, never merged into the
        -- line of one of its sizes
        IF r.rest !~ ' (y|e) ' AND estimate_priced_count(coalesce(v_items, '[]')) > 0
           AND (SELECT count(DISTINCT m[1]) FROM regexp_matches(' ' || r.rest || ' ',
                    '(?<= )de ([0-9]+(?:[.][0-9]+)?(?: [0-9]+/[0-9]+)?|[0-9]+/[0-9]+|media|tres cuartos|un cuarto|'
                    || estimate_size_number_re() || ')(?= (?!metros?|mts?|m )|$)', 'g') AS m) >= 2
           AND jsonb_array_length(estimate_items_said_as_words(r.rest)) > 0 THEN
            v_items := estimate_items_said_as_words(r.rest);
        END IF;
        -- (esrules) the hours a job rule gives the added thing, when the draft already has its hours and the words
        -- say none, are not added (the plumber's hours stand; "y 1 h más" changes them), and the service call the
        -- draft already has is no addition either: what is left is what the words add
        IF estimate_hours_in(r.rest) IS NULL
           AND EXISTS (SELECT 1 FROM jsonb_array_elements(v_inputs) x WHERE x ? 'labour_hours' OR x ->> 'item' = s.labour_code) THEN
            v_items := (SELECT coalesce(jsonb_agg(i), '[]') FROM jsonb_array_elements(coalesce(v_items, '[]')) i
                        WHERE NOT (i ? 'labour_hours' AND NOT i ? 'item'));
        END IF;
        IF EXISTS (SELECT 1 FROM estimate_lines l2 WHERE l2.estimate_id = e.id AND l2.kind = 'service_call') THEN
            v_items := (SELECT coalesce(jsonb_agg(i), '[]') FROM jsonb_array_elements(coalesce(v_items, '[]')) i
                        WHERE i ->> 'item' IS DISTINCT FROM s.service_call_code);
        END IF;
        v_items := estimate_items_not_places(v_items, r.rest);
        IF v_items IS NULL OR jsonb_array_length(v_items) = 0 THEN
            -- nothing the catalogue reads: the thing as said, a cotizar, with its count ("el tanque rotoplas",
            -- "2 adaptadores macho de 1/2 cpvc", "3 codos de 1/2" when the draft's reading left no elbow); no count
            -- said, or no thing named: asked below
            v_items := CASE WHEN jsonb_array_length(estimate_items_said_with_count(r.rest)) > 0
                                 AND estimate_priced_count(estimate_items_said_with_count(r.rest)) = 0
                            THEN estimate_items_said_with_count(r.rest)
                            ELSE estimate_items_said_as_words(r.rest) END;
        END IF;
        IF r.rest ~ '^(unos|unas|algunos|algunas|varios|varias|mas) [a-z]' AND r.rest !~ '[0-9]'
           AND estimate_hours_in(r.rest) IS NULL THEN
            -- "agrégale unos codos": how many is not said; asked, never guessed
            v_ask := format('¿Cuántos %s añado al presupuesto %s? Dímelo con la cantidad (por ejemplo «añade 3 %s»).',
                            regexp_replace(r.rest, '^[a-z]+ ', ''), e.number, regexp_replace(r.rest, '^[a-z]+ ', ''));
            -- (multiturn30) the answer waits one message: "4", "tres codos de dos pulgadas" add them
            UPDATE estimate_conversation_current SET pending = jsonb_build_object('op', 'add', 'thing', regexp_replace(r.rest, '^[a-z]+ ', ''))
             WHERE conversation_id = p_conversation_id;
        ELSIF v_items IS NULL OR jsonb_array_length(v_items) = 0 THEN
            v_ask := format('No he entendido qué añadir al presupuesto %s con «%s». Dime la partida y la cantidad '
                            || '(por ejemplo «añade dos codos de cobre de 22»).', e.number, btrim(p_words));
        ELSE
            FOR v_item IN SELECT i FROM jsonb_array_elements(v_items) i LOOP
                -- The service call is already there; an item already in the draft gets the new units added.
                CONTINUE WHEN v_item ->> 'item' = s.service_call_code
                          AND EXISTS (SELECT 1 FROM estimate_lines l2 WHERE l2.estimate_id = e.id AND l2.kind = 'service_call');
                -- "N X más" ("y 3 codos más"), X read as a line a cotizar while one priced line of the draft is
                -- named by its words: N more of that line (its kind and size as they are), never dropped and
                -- never a second line asking the size again. Two or more lines named: left as read.
                IF v_item ? 'item' AND v_item ? 'quantity'
                   AND NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_item ->> 'item')
                   AND estimate_plain(r.rest) ~ ('(^| )' || left(split_part(estimate_words(v_item ->> 'item'), ' ', 1), 4)
                                                 || '[a-z]* (?:[a-z]+ )?mas( |$)')
                   AND (SELECT count(*) FROM estimate_lines_named(e.id, v_item ->> 'item') l2
                         WHERE NOT l2.to_quote AND l2.catalog_code IS NOT NULL) = 1 THEN
                    v_item := jsonb_build_object('item', (SELECT l2.catalog_code FROM estimate_lines_named(e.id, v_item ->> 'item') l2
                                                          WHERE NOT l2.to_quote AND l2.catalog_code IS NOT NULL),
                                                 'quantity', v_item -> 'quantity');
                END IF;
                SELECT i - 1 INTO v_idx FROM jsonb_array_elements(v_inputs) WITH ORDINALITY AS x(el, i)
                 WHERE v_item ? 'item' AND el ->> 'item' = v_item ->> 'item' AND el ? 'quantity'
                   AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_item ->> 'item')
                 ORDER BY i LIMIT 1;
                IF v_idx IS NOT NULL THEN
                    v_before := (v_inputs -> v_idx ->> 'quantity')::numeric;
                    v_inputs := jsonb_set(v_inputs, ARRAY[v_idx::text, 'quantity'],
                                          to_jsonb(v_before + (v_item ->> 'quantity')::numeric));
                    v_changes := v_changes || format('%s: %s → %s', (SELECT c.name FROM price_catalog c WHERE c.code = v_item ->> 'item'),
                        estimate_number_es(v_before), estimate_number_es(v_before + (v_item ->> 'quantity')::numeric));
                ELSIF v_item ? 'labour_hours' AND NOT v_item ? 'item' THEN
                    v_inputs := v_inputs || v_item;
                    v_changes := v_changes || format('Añadido: mano de obra %s h', estimate_number_es((v_item ->> 'labour_hours')::numeric));
                ELSE
                    v_inputs := v_inputs || v_item;
                    v_changes := v_changes || format('Añadido: %s', estimate_line_label(
                        coalesce((SELECT c.name FROM price_catalog c WHERE c.code = v_item ->> 'item'), v_item ->> 'item'),
                        (v_item ->> 'quantity')::numeric,
                        coalesce((SELECT c.unit FROM price_catalog c WHERE c.code = v_item ->> 'item'), v_item ->> 'unit', 'ud'))
                        || CASE WHEN estimate_priced_count(jsonb_build_array(v_item)) = 0 THEN ' (a cotizar)' ELSE '' END);
                END IF;
            END LOOP;
            IF cardinality(v_changes) = 0 THEN
                v_ask := format('El presupuesto %s ya tiene el desplazamiento.', e.number);
            END IF;
        END IF;
    END IF;

    IF v_ask IS NOT NULL THEN
        RETURN jsonb_build_object(
            'handled', true, 'action', 'asked', 'kind', r.kind, 'number', e.number, 'revision', e.revision,
            'changes', '[]'::jsonb, 'card', NULL, 'reply_text', v_ask);
    END IF;

    IF v_inputs = e.inputs THEN
        RETURN jsonb_build_object(
            'handled', true, 'action', 'unchanged', 'kind', r.kind, 'number', e.number, 'revision', e.revision,
            'changes', '[]'::jsonb, 'card', NULL,
            'reply_text', format('El presupuesto %s ya está así (revisión %s): no hago una revisión nueva.', e.number, e.revision));
    END IF;
    v_before := e.total;
    BEGIN
        v_result := estimate_revise(e.number, v_inputs, p_words, p_message_id, to_jsonb(v_changes));
    EXCEPTION WHEN SQLSTATE '22023' THEN   -- e.g. more than max_quantity or max_lines: nothing changed
        RETURN jsonb_build_object(
            'handled', true, 'action', 'asked', 'kind', r.kind, 'number', e.number, 'revision', e.revision,
            'changes', '[]'::jsonb, 'card', NULL,
            'reply_text', format('No cambio el presupuesto %s: %s', e.number,
                                 regexp_replace(SQLERRM, '^presupuesto no creado: ', '')));
    END;
    v_action := 'revised';
    v_changes := v_changes || format('Total: %s → %s', estimate_money(v_before, e.currency),
                                     estimate_money((v_result ->> 'total')::numeric, e.currency));
    RETURN jsonb_build_object(
        'handled', true, 'action', v_action, 'kind', r.kind, 'number', e.number,
        'revision', (v_result ->> 'revision')::int, 'changes', to_jsonb(v_changes),
        'card', estimate_card(e.number, p_public_url) || jsonb_build_object('revision', (v_result ->> 'revision')::int,
                                                                            'changes', to_jsonb(v_changes)),
        'reply_text', format(E'Presupuesto %s actualizado (revisión %s). Cambios:\n%s\n\n%s\n\n%s %s',
            e.number, v_result ->> 'revision',
            (SELECT string_agg('• ' || c, E'\n') FROM unnest(v_changes) c),
            v_result ->> 'text', 'El enlace del cliente muestra siempre la última revisión:',
            estimate_card(e.number, p_public_url) ->> 'url'));
END
$$;

-- (multiturn30) The answer to "¿Cuántos codos añado?" (an addition asked back for its count, waiting in
-- estimate_conversation_current.pending as {"op": "add", "thing": "codos"}): a count first, with or without the
-- thing and its size ("4", "cuatro", "tres codos de dos pulgadas", "4 codos, y el tubo es de 3/4", "son 3 de
-- media"; after fillers only, never after a verb of its own), is that addition: the words as "añade …" (the thing asked about put in when the answer names none).
-- Anything else, or no question waiting, is read as said. Before, the answer's words were glued onto a line a
-- cotizar ("Instalar un lavadero tres codos de dos pulgadas") and nothing was added.
CREATE OR REPLACE FUNCTION estimate_pending_said(e estimates, p_words text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_pending jsonb;
    v_plain   text := estimate_plain(p_words);
    v_m       text[];
    v_raw     text;
BEGIN
    IF e.id IS NULL OR p_words IS NULL OR p_words ~ '\?' THEN
        RETURN p_words;
    END IF;
    SELECT c.pending INTO v_pending FROM estimate_conversation_current c WHERE c.estimate_id = e.id LIMIT 1;
    IF v_pending ->> 'op' IS DISTINCT FROM 'add' OR coalesce(v_pending ->> 'thing', '') = '' THEN
        RETURN p_words;
    END IF;
    -- (fillers and "son" only: a message with its own verb, "añade 2 de cobre", is read as said — a new addition
    -- that names no thing is asked, test_estimate_multiturn_16)
    v_m := regexp_match(v_plain, '^(?:(?:pues|bueno|vale|ok|ah|si|no|son|serian|seran|sean|que sean) )*([0-9]+|'
                        || estimate_count_re() || ')(?: (.*))?$');
    IF v_m IS NULL OR estimate_number_word(v_m[1]) IS NULL
       -- (hours or metres said are no count of the thing asked about: read as said)
       OR coalesce(v_m[2], '') ~ '^(m|mt|mts|mtrs|metros?|ml|horas?|h|hs|hr|hrs|mas horas?)( |$)' THEN
        RETURN p_words;
    END IF;
    IF coalesce(v_m[2], '') IN ('', 'mas') THEN
        RETURN format('añade %s %s', v_m[1], v_pending ->> 'thing');
    END IF;
    IF v_m[2] ~ '^(de|del) ' THEN
        RETURN format('añade %s %s %s', v_m[1], v_pending ->> 'thing', v_m[2]);
    END IF;
    -- a count and a thing: the words as written from the count on (their commas split several changes)
    v_raw := substring(p_words FROM '(?i)((?:[0-9]+|[a-záéíóúñ]+)[^0-9a-záéíóúñ]+.*)$');
    IF v_raw IS NOT NULL AND estimate_plain(v_raw) = v_m[1] || ' ' || v_m[2] THEN
        RETURN 'añade ' || v_raw;
    END IF;
    RETURN format('añade %s %s', v_m[1], v_m[2]);
END
$$;

-- (est34) Whether folded words say a size and nothing else, after the fillers of a size said alone ("mejor el de 14",
-- "que sean de cuarenta", "la de 28 kw", "de media por media", "de mil litros"; not "el de 500 se queda corto").
CREATE OR REPLACE FUNCTION estimate_change_size_only(p_words text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT m IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM unnest(string_to_array(m[1], ' ')) w
                WHERE w !~ '^[0-9]+(?:[./][0-9]+)?$' AND estimate_number_word(w) IS NULL
                  AND w NOT IN ('y', 'x', 'por', 'a', 'media', 'medio', 'cuarto', 'cuartos', 'octavo', 'octavos', 'pulgada',
                                'pulgadas', 'pulg', 'in', 'l', 'lt', 'lts', 'litro', 'litros', 'galon', 'galones', 'mm', 'cm',
                                'milimetros', 'centimetros', 'kw', 'hp', 'cv', 'caballo', 'caballos', 'bar', 'w', 'vatios',
                                'watts', 'senos', 'seno'))
    FROM regexp_match(estimate_change_unfilled(p_words),
                      '^(?:(?:el|la|los|las|uno|una|un) )?(?:de|del|en|a) ([a-z0-9/. ]{1,40})$') m
$$;

-- (est34) A change said inside a longer sentence: the plumber rarely says the new size, kind or count alone. The
-- customer is the subject ("la clienta dice que mejor el de 80", "el cliente lo quiere termostático", "hablé con el
-- dueño y prefiere la de 28 kW", "bueno, el cliente se queda con el de 100 entonces"), the old value is named and
-- denied ("es de 80 no de 100", "no es de media sino de tres cuartos", "la bajada es de 50, no de 40"), the
-- correction is announced ("me equivoqué", "perdona", "al final", "ya medí y cabe…") and a reason comes before or
-- after ("…, que son cuatro en casa", "… porque no llegan", "el plano dice 25, así que el tubo y los codos de 25").
-- The words are cut at punctuation, "así que", "o sea", "sino" and "y" before a size or count; each part loses the
-- announcement, the speaker and the verb of wanting, the denied old value, the reason after "porque/que", and a part
-- that is only a reason ("que tiene niños") or a denial ("no son tres") is dropped. What is left of each part is read
-- by estimate_change_parse as if said alone (with the thing it names, else the size by itself: "la entrada es de
-- una pulgada" says "de una pulgada"). Returns those parts (each a change of e), or NULL when none is read, or when
-- two parts change the same way differently (two sizes said for one line: asked, as before). Called by
-- estimate_converse and estimate_change_kind only when the words as said are no change, or a part of them is read as
-- none: what was read before is read the same.
CREATE OR REPLACE FUNCTION estimate_change_within(e estimates, p_words text) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_raw    text;
    v_piece  text;
    v_prev   text;
    v_core   text;
    v_tail   text[];
    v_change jsonb;
    v_cores  text[] := '{}';
    v_seen   jsonb := '[]';
    v_ops    jsonb := '{}';
    v_key    text;
BEGIN
    IF e.id IS NULL OR coalesce(p_words, '') = '' OR length(p_words) > 300 OR p_words ~ '\?' THEN
        RETURN NULL;
    END IF;
    FOREACH v_raw IN ARRAY regexp_split_to_array(p_words, '\s*(?:;|:|!|(?<![0-9]),|,(?![0-9])|(?<![0-9])\.|\.(?![0-9]))\s*') LOOP
        FOREACH v_piece IN ARRAY regexp_split_to_array(estimate_plain(v_raw),
                ' (?:y|e)(?= (?:de|del|son|sean|que sea|que sean) )| (?:asi que|por eso|o sea) ') LOOP
            -- "no es de media sino de tres cuartos": what follows "sino"
            v_piece := regexp_replace(btrim(v_piece), '^.* sino (?:que )?', '');
            -- the announcement of a correction and the fillers before it
            LOOP
                v_prev := v_piece;
                v_piece := regexp_replace(v_piece, '^(?:uy|ay|ah|oye|oiga|mira|mire|bueno|vale|ok|okey|perdon|perdona|perdone|'
                    || 'disculpa|disculpe|espera|espere|esperate|pues|ya|y|e|si|al final|alfinal|finalmente|a fin de cuentas|'
                    || 'me equivoque(?: de medida)?|me confundi(?: de medida)?|medi mal|ya medi|ya lo medi|lo medi|volvi a medir|'
                    || 'hable con (?:el|la) [a-z]+|asi que|por eso|o sea) ', '');
                EXIT WHEN v_piece = v_prev;
            END LOOP;
            -- the speaker and the verb of wanting or saying: what follows the last one
            v_piece := regexp_replace(v_piece, '^(?:.* )?(?:dice|dijo|dicen|dijeron|comenta|comento|cuenta|conto|avisa|aviso|'
                || 'quiere|quieren|queria|querian|prefiere|prefieren|preferiria|pide|piden|pidio|pidieron|decidio|decidieron|'
                || 'eligio|eligieron|escogio|se queda con|se quedan con|se quedo con|se decidio por|se decide por|opta por|'
                || 'cabe|caben|entra|entran|va a ser|van a ser|vamos con)(?: que)? ', '');
            -- a part that is only a reason ("que son cuatro en casa", "porque no llegan") or a denial ("no son tres",
            -- "no de 40") is no change
            CONTINUE WHEN v_piece ~ '^(?:que|porque|por que|ya que|pues|como) (?!(?:sea|sean|fuera|fueran|quede|queden|vaya|vayan)( |$))'
                       OR v_piece ~ '^no (?:(?:es|son|era|eran|sea|sean|de|del|el de|la de|los de|las de|en|a)( |$)|[0-9])'
                       OR v_piece ~ '^(?:no|me equivoque|me confundi|medi mal)$';
            -- the reason after it
            v_piece := regexp_replace(v_piece, ' (?:porque|por que|ya que|pues|que) (?!(?:sea|sean|fuera|fueran|quede|queden|vaya|vayan)( |$)).*$', '');
            -- the denied old value and what follows it ("es de 80 no de 100", "de 1 pulgada no de 3/4"); "en vez del de
            -- ochenta"
            v_piece := regexp_replace(v_piece, ' (?:no (?:(?:es|son|era|eran|sea|sean) (?:de |del |el de |la de )?|de |del |el de |la de |los de |las de |en |a |[0-9])|en vez de|en lugar de).*$', '');
            -- "es de 28", "son de 1 pulgada": the copula before the size or kind
            v_piece := regexp_replace(v_piece, '^(?:es|son|era|eran|sera|seran|seria|serian) (?=(?:de|del|para|pa|en|a) )', '');
            v_piece := btrim(regexp_replace(v_piece, ' (?:mejor|mejor ese|mejor esa|entonces|nomas|por favor|porfa|gracias)$', ''));
            CONTINUE WHEN v_piece = '' OR v_piece = estimate_plain(p_words);
            -- read as said, else the size by itself when the words before it name no line ("la entrada es de una
            -- pulgada"); a size answered (op complete) only when nothing but a size is left ("el de 14", "la de 28
            -- kw", not "el de 500 se queda corto")
            -- (a part that adds, removes, sends or sets the hours is a change of its own the reading within would
            -- drop: the message is read as said — "quita los codos, añade unos manguitos y son 5 metros" asks, never
            -- half-applied)
            IF estimate_change_parse(e, v_piece) ->> 'op' NOT IN ('resize', 'correct', 'quantity', 'material', 'complete') THEN
                RETURN NULL;
            END IF;
            v_change := NULL;
            v_tail := regexp_match(v_piece, '^(?:(?:el|la|los|las|lo|un|una) )?[a-z]+(?: [a-z]+){0,3}? (?:(?:es|son|era|eran|sera|seran|va|van|queda|quedan|sea|sean|que sea|que sean) )?((?:de|del|en|a) [a-z0-9/. ]{1,30})$');
            -- (then the last "de" + a size alone: "el desagüe del fregadero es de 50" says "de 50")
            v_tail := coalesce(v_tail, '{}') || (regexp_match(v_piece, '^(?:el|la|los|las) [a-z].* ((?:de|del|en|a) [0-9a-z/.]+(?: [0-9a-z/.]+){0,3})$'))[1];
            v_tail := ARRAY(SELECT x FROM unnest(v_tail) x WHERE x IS NOT NULL);
            FOREACH v_core IN ARRAY ARRAY[v_piece] || coalesce(v_tail, '{}') LOOP
                v_change := estimate_change_parse(e, v_core);
                EXIT WHEN v_change ->> 'op' IN ('resize', 'correct', 'material')
                          OR v_change ->> 'op' = 'quantity' AND (estimate_body_count_said(v_core)
                              OR v_core ~ ('^(?:son|que sean|sean|seran|serian|eran|van a ser) (?:[0-9]+|' || estimate_count_re() || ')$'))
                          OR v_change ->> 'op' = 'complete' AND estimate_change_size_only(v_core);
                v_change := NULL;
            END LOOP;
            -- (a part left unread that names lines of the draft says more than the parts read: "el tubo es de 4
            -- pulgadas, los codos y la yee también" — read as said, never half-applied)
            -- ("el tubo se queda en 110", "la llave igual" say what stays)
            IF v_change IS NULL AND v_piece ~ '^(?:el|la|los|las) [a-z]'
               AND v_piece !~ ' (?:se )?(?:queda|quedan|mantiene|mantienen|sigue|siguen|igual|iguales|como esta|como estan)( |$)'
               AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, estimate_named_part(e.id, v_piece))) THEN
                RETURN NULL;
            END IF;
            CONTINUE WHEN v_change IS NULL;
            v_change := CASE WHEN v_change ->> 'op' = 'complete' THEN v_change ELSE v_change - 'rest' END;
            CONTINUE WHEN v_seen @> jsonb_build_array(v_change);
            v_key := v_change ->> 'op';
            IF v_ops ? v_key THEN
                RETURN NULL;   -- the same kind of change said twice, differently: not guessed
            END IF;
            v_ops := v_ops || jsonb_build_object(v_key, true);
            v_seen := v_seen || jsonb_build_array(v_change);
            v_cores := v_cores || v_core;
        END LOOP;
    END LOOP;
    -- (a size answered, op complete, says less than a line named with it: "la entrada es de una pulgada, así que la
    -- válvula de una pulgada" is the valve's resize)
    IF v_ops ?| ARRAY['resize', 'correct', 'material'] AND v_ops ? 'complete' THEN
        v_cores := ARRAY(SELECT c FROM unnest(v_cores) c WHERE estimate_change_parse(e, c) ->> 'op' <> 'complete');
    END IF;
    RETURN CASE WHEN cardinality(v_cores) > 0 THEN v_cores END;
END
$$;

-- For the chat's routing ("What is the plumber asking for?"): the kind of change the message makes to the
-- conversation's current estimate (estimate_change_parse's op), or NULL (not a change, or no estimate).
-- (turns28: 'several' for a message of several changes, estimate_change_clauses, when one of them at least is one)
-- (est35: estimate_change_kind_read; estimate_change_kind, below, adds the messages estimate_converse answers first)
CREATE OR REPLACE FUNCTION estimate_change_kind_read(p_conversation_id text, p_words text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(estimate_change_parse(e, estimate_pending_said(e, p_words)) ->> 'op',
                    CASE WHEN EXISTS (SELECT 1 FROM unnest(estimate_change_clauses(e, estimate_pending_said(e, p_words))) x
                                      WHERE estimate_change_parse(e, x) IS NOT NULL) THEN 'several' END,
                    -- (est34: a change read inside a longer sentence, estimate_change_within)
                    (SELECT CASE WHEN cardinality(w) > 1 THEN 'several' ELSE estimate_change_parse(e, w[1]) ->> 'op' END
                       FROM estimate_change_within(e, estimate_pending_said(e, p_words)) w WHERE w IS NOT NULL))
    FROM estimate_conversation_current c JOIN estimates e ON e.id = c.estimate_id
    WHERE c.conversation_id = p_conversation_id
$$;

-- A message in a conversation with an estimate: one change (estimate_converse_one), or several said together
-- (estimate_change_clauses: "quita la retirada, añade dos codos de 22 y son 5 metros"), applied in the order said as
-- ONE new revision with every change listed (turns28). When a part cannot be read, or asks back, nothing is
-- applied: the plumber is told which part and asked to say it again (never half-applied). Sending, said with
-- other changes ("… y envíalo"), is done once they are applied.
CREATE OR REPLACE FUNCTION estimate_converse_as_said(p_conversation_id text, p_words text, p_message_id text DEFAULT NULL,
                                                     p_public_url text DEFAULT '', p_parts text[] DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    e         estimates;
    v_clauses text[];
    v_clause  text;
    v_answer  jsonb;
    v_sent    jsonb;
    v_send    text;
    v_ask     text;
    v_changes text[] := '{}';
    v_before  numeric;
    v_base    integer;
BEGIN
    e := estimate_current_for_update(p_conversation_id);
    IF e.id IS NULL THEN
        RETURN jsonb_build_object('handled', false);
    END IF;
    p_words := estimate_pending_said(e, p_words);   -- (multiturn30: the answer to "¿Cuántos … añado?")
    -- (est34: the parts estimate_change_within read inside a longer sentence, when given)
    v_clauses := coalesce(p_parts, estimate_change_clauses(e, p_words));
    -- (no part is a change at all: the words are not for this estimate, read as one message as before)
    IF v_clauses IS NULL OR NOT EXISTS (SELECT 1 FROM unnest(v_clauses) x WHERE estimate_change_parse(e, x) IS NOT NULL) THEN
        RETURN estimate_converse_one(p_conversation_id, p_words, p_message_id, p_public_url);
    END IF;
    IF e.status IN ('accepted', 'rejected') THEN
        -- decided: nothing changes, whatever the parts say (the one reading answers "ya está aceptado")
        RETURN estimate_converse_one(p_conversation_id,
                                     (SELECT x FROM unnest(v_clauses) x WHERE estimate_change_parse(e, x) IS NOT NULL LIMIT 1),
                                     p_message_id, p_public_url);
    END IF;
    v_base := e.revision;
    v_before := e.total;
    BEGIN
        -- the revisions the parts make are one (estimate_revise amends the one this message made)
        PERFORM set_config('remedios.estimate_message_revision', e.id || ':' || e.revision, true);
        FOREACH v_clause IN ARRAY v_clauses LOOP
            SELECT * INTO e FROM estimates WHERE id = e.id;
            IF estimate_change_parse(e, v_clause) IS NULL THEN
                v_ask := format('no sé qué cambiar con «%s».', v_clause);
                RAISE EXCEPTION 'part not read' USING ERRCODE = 'RX001';
            END IF;
            IF estimate_change_parse(e, v_clause) ->> 'op' = 'send' THEN
                v_send := v_clause;   -- sent once every change is in
                CONTINUE;
            END IF;
            v_answer := estimate_converse_one(p_conversation_id, v_clause, p_message_id, p_public_url);
            IF NOT (v_answer ->> 'handled')::boolean OR v_answer ->> 'action' NOT IN ('revised', 'unchanged') THEN
                v_ask := format('con «%s»: %s', v_clause, coalesce(v_answer ->> 'reply_text', 'no sé qué cambiar'));
                RAISE EXCEPTION 'part asked' USING ERRCODE = 'RX001';
            END IF;
            v_changes := v_changes || ARRAY(SELECT c FROM jsonb_array_elements_text(coalesce(v_answer -> 'changes', '[]')) c
                                            WHERE c NOT LIKE 'Total: %');
        END LOOP;
        PERFORM set_config('remedios.estimate_message_revision', '', true);
    EXCEPTION WHEN SQLSTATE 'RX001' THEN
        PERFORM set_config('remedios.estimate_message_revision', '', true);   -- (every part's change rolled back)
    END;
    SELECT * INTO e FROM estimates WHERE id = e.id;
    IF v_ask IS NOT NULL THEN
        UPDATE estimate_conversation_current SET pending = NULL
         WHERE conversation_id = p_conversation_id AND pending IS NOT NULL;
        RETURN jsonb_build_object(
            'handled', true, 'action', 'asked', 'kind', 'several', 'number', e.number, 'revision', e.revision,
            'changes', '[]'::jsonb, 'card', NULL,
            'reply_text', format('Tu mensaje trae %s cambios y no he aplicado ninguno, para no dejar el presupuesto %s a '
                || 'medias: %s Dímelos otra vez con eso claro (o de uno en uno) y los aplico.',
                cardinality(v_clauses), e.number, v_ask));
    END IF;
    IF e.revision > v_base THEN
        UPDATE estimate_revisions SET words = p_words, message_id = p_message_id
         WHERE estimate_id = e.id AND revision = e.revision;
        v_changes := v_changes || format('Total: %s → %s', estimate_money(v_before, e.currency), estimate_money(e.total, e.currency));
        v_answer := jsonb_build_object(
            'handled', true, 'action', 'revised', 'kind', 'several', 'number', e.number, 'revision', e.revision,
            'changes', to_jsonb(v_changes),
            'card', estimate_card(e.number, p_public_url) || jsonb_build_object('revision', e.revision, 'changes', to_jsonb(v_changes)),
            'reply_text', format(E'Presupuesto %s actualizado (revisión %s). Cambios:\n%s\n\n%s\n\n%s %s',
                e.number, e.revision, (SELECT string_agg('• ' || c, E'\n') FROM unnest(v_changes) c),
                estimate_json(e.number) ->> 'text', 'El enlace del cliente muestra siempre la última revisión:',
                estimate_card(e.number, p_public_url) ->> 'url'));
    ELSE
        v_answer := jsonb_build_object(
            'handled', true, 'action', 'unchanged', 'kind', 'several', 'number', e.number, 'revision', e.revision,
            'changes', '[]'::jsonb, 'card', NULL,
            'reply_text', format('El presupuesto %s ya está así (revisión %s): no hago una revisión nueva.', e.number, e.revision));
    END IF;
    IF v_send IS NOT NULL THEN
        v_sent := estimate_converse_one(p_conversation_id, v_send, p_message_id, p_public_url);
        RETURN v_sent || jsonb_build_object(
            'changes', v_answer -> 'changes', 'card', coalesce(v_answer -> 'card', v_sent -> 'card'),
            'reply_text', concat_ws(E'\n\n', CASE WHEN v_answer ->> 'action' = 'revised' THEN v_answer ->> 'reply_text' END,
                                    v_sent ->> 'reply_text'));
    END IF;
    RETURN v_answer;
END
$$;

-- (est34) The plumber's message to the open estimate: read as said (estimate_converse_as_said: one change, or several
-- said together); when that reads no change or asks back, and estimate_change_within reads a change inside the
-- sentence ("la clienta dice que mejor el de 80, que son cuatro en casa", "me equivoqué, es de 80 no de 100"), those
-- parts are applied instead, the revision keeping the words as said. What the reading as said applies is never
-- replaced; a reading within that asks back too leaves the answer as said.
-- (est35: estimate_converse_read, called by estimate_converse below after the price asked, the undo and the decided)
CREATE OR REPLACE FUNCTION estimate_converse_read(p_conversation_id text, p_words text, p_message_id text DEFAULT NULL,
                                                  p_public_url text DEFAULT '')
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    e        estimates;
    v_within text[];
    v_answer jsonb;
BEGIN
    e := estimate_current_for_update(p_conversation_id);
    IF e.id IS NOT NULL AND e.status NOT IN ('accepted', 'rejected') THEN
        v_within := estimate_change_within(e, estimate_pending_said(e, p_words));
    END IF;
    IF v_within IS NULL THEN
        RETURN estimate_converse_as_said(p_conversation_id, p_words, p_message_id, p_public_url);
    END IF;
    BEGIN
        v_answer := estimate_converse_as_said(p_conversation_id, p_words, p_message_id, p_public_url);
        IF (v_answer ->> 'handled')::boolean AND v_answer ->> 'action' <> 'asked' THEN
            RETURN v_answer;
        END IF;
        RAISE EXCEPTION 'read within the sentence' USING ERRCODE = 'RX002';
    EXCEPTION WHEN SQLSTATE 'RX002' THEN
        NULL;   -- (what the reading as said did is rolled back)
    END;
    BEGIN
        v_answer := CASE WHEN cardinality(v_within) = 1
                         THEN estimate_converse_one(p_conversation_id, v_within[1], p_message_id, p_public_url)
                         ELSE estimate_converse_as_said(p_conversation_id, p_words, p_message_id, p_public_url, v_within) END;
        IF (v_answer ->> 'handled')::boolean AND v_answer ->> 'action' = 'revised' THEN
            UPDATE estimate_revisions r SET words = p_words, message_id = coalesce(p_message_id, r.message_id)
             WHERE r.estimate_id = e.id AND r.revision = (v_answer ->> 'revision')::integer;
            RETURN v_answer;
        END IF;
        RAISE EXCEPTION 'read within the sentence' USING ERRCODE = 'RX002';
    EXCEPTION WHEN SQLSTATE 'RX002' THEN
        NULL;
    END;
    RETURN estimate_converse_as_said(p_conversation_id, p_words, p_message_id, p_public_url);
END
$$;

-- ---------------------------------------------------------------------------------------------------------------------
-- (est35) Issue 18's revision faults of tuning set 28 (bench/estimates/SAID-35.md): the price of an alternative asked
-- without deciding, undo, a removed line put back, an addition to an estimate the customer has decided.
-- ---------------------------------------------------------------------------------------------------------------------

-- The change a price question asks about, as the words the plumber would say to make it, or NULL: "¿y cuánto sería si
-- fuera el de 100?" -> "mejor el de 100", "¿cuánto me saldría con el de 80?", "y si fuera de 14 litros cuánto sería",
-- "¿y cuánto sería con una hora más?" -> "ponle una hora mas", "¿y la de 28 cuánto costaría?", "¿cuánto sale con el
-- caño extraíble?". NULL when the message asks no price ("cuánto" with a verb of costing), or when what is left names
-- no change of the open estimate that estimate_change_parse reads (a removal or a send is never asked about here).
CREATE OR REPLACE FUNCTION estimate_price_asked(e estimates, p_words text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_plain text := estimate_plain(p_words);
    v_cost  text := '(?:cuanto|cuanta|que precio)(?: (?:me|nos|le|te|les|lo|la))? (?:' || estimate_phrase_re('price_cost') || ')';
    v_rest  text;
    v_cand  text;
    v_alone boolean;
    v_m     text[];
BEGIN
    -- (est38, n1) "¿y el de 150?" with a draft open, no verb of costing: the price of that size asked
    IF e.id IS NOT NULL AND p_words ~ '\?' AND v_plain ~ '^(?:y|e) (?:el|la|los|las) (?:de|del) [a-z0-9/. ]{1,40}$'
       AND estimate_change_size_only(substring(v_plain from 3)) THEN
        v_plain := v_plain || ' cuanto seria';
    END IF;
    IF e.id IS NULL OR v_plain !~ ('(^| )' || v_cost || '( |$)')
       -- a new request ("¿cuánto cuesta cambiar un termo?", "presupuesto para…"): the conditional ("sería",
       -- "saldría") or an alternative said with "si" / "con" ("¿cuánto sale con el caño extraíble?") asks about this one
       -- (est38, n1) or another size said alone ("¿y cuánto sale el de 80?", "y cuánto vale el de 18"), checked below
       OR v_plain ~ '(^| )(presupuesto|presupuestame|cotiza|cotizame|cotizacion|cotizar|nuevo|nueva)( |$)' THEN
        RETURN NULL;
    END IF;
    v_alone := v_plain !~ '(^| )(seria|serian|saldria|saldrian|costaria|costarian|quedaria|quedarian|subiria|valdria|tendria|si|con)( |$)';
    v_rest := regexp_replace(' ' || v_plain || ' ', ' (?:a )?' || v_cost
                             || '(?: (?:el total|todo|el presupuesto|entonces|mas o menos|aproximadamente|en total))*(?= )', ' ', 'g');
    v_rest := regexp_replace(v_rest, '^ (?:(?:y|e|oye|oiga|vale|ok|pues|entonces|bueno|mira|y entonces) )+', ' ');
    v_rest := regexp_replace(v_rest, ' (?:y )?si (?:fuera|fueran|fuese|fuesen|es|son|pongo|ponemos|pones|le pongo|le ponemos|'
                             || 'pusiera|pusieramos|lo cambio a|lo cambiamos a|cambio a|cambiamos a|lo hacemos con|usamos)(?= )', ' ', 'g');
    v_rest := btrim(regexp_replace(v_rest, '\s+', ' ', 'g'));
    -- (est39, k6) the option asked "en vez de" / "en lugar de" the one priced: what it is instead of goes ("con el de
    -- 100 en vez del de 80" -> "con el de 100"; "en vez del de 11 uno de 14" -> "con uno de 14"; "con el monomando
    -- extraíble en vez del común" -> "con el monomando extraíble"): still a question, never a change
    IF v_rest ~ '^(?:y )?en (?:vez|lugar) (?:de|del) ' THEN
        v_m := regexp_match(v_rest, '^(?:y )?en (?:vez|lugar) (?:del|de (?:el|la|los|las)|de) (?:[a-z0-9/.]+ )*?((?:el|la|los|las|uno|una|un) .+)$');
        IF v_m IS NOT NULL THEN
            v_rest := 'con ' || v_m[1];
            v_alone := false;
        END IF;
    ELSIF v_rest ~ ' en (?:vez|lugar) (?:de|del) ' THEN
        v_rest := regexp_replace(v_rest, ' en (?:vez|lugar) (?:de|del) .*$', '');
        v_alone := false;
    END IF;
    IF v_rest = '' OR v_rest ~ '^(y|con|el|la|eso|esto|asi)$' THEN
        RETURN NULL;
    END IF;
    IF v_alone AND NOT estimate_change_size_only(v_rest) THEN
        RETURN NULL;
    END IF;
    -- the words left, then "mejor" + them, "ponle" + them, "que sean" + them: the first the open estimate reads
    -- ("una hora más", "dos codos más": "ponle" first, an amount added, never "mejor una hora" setting it to one)
    FOREACH v_cand IN ARRAY CASE WHEN v_rest ~ '(^| )(mas|menos)$'
        THEN ARRAY['ponle ' || regexp_replace(v_rest, '^con ', ''), v_rest]
        ELSE ARRAY[v_rest, 'mejor ' || v_rest, 'mejor ' || regexp_replace(v_rest, '^con ', ''),
                   'ponle ' || regexp_replace(v_rest, '^con ', ''), 'que sean ' || regexp_replace(v_rest, '^con ', '')] END LOOP
        -- (a count is taken only when no reading of the words is another change: "con el de 80" is a size)
        IF NOT estimate_change_new_request(v_cand)
           AND coalesce(estimate_change_parse(e, v_cand) ->> 'op', 'send') NOT IN ('send', 'remove', 'quantity') THEN
            RETURN v_cand;
        END IF;
    END LOOP;
    FOREACH v_cand IN ARRAY ARRAY[v_rest, 'que sean ' || regexp_replace(v_rest, '^con ', '')] LOOP
        IF NOT estimate_change_new_request(v_cand) AND estimate_change_parse(e, v_cand) ->> 'op' = 'quantity' THEN
            RETURN v_cand;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- The phrases the readings of a revision below compare (est36, step 3): rows staff can edit in Postgres (pgAdmin,
-- DBeaver, psql) instead of regexes in this file. Each row is one phrase (words as a plumber writes them; compared
-- folded: lower case, no accents or punctuation) and what it means for the reading that uses it:
--   undo_lead      words that may come before an undo ("no", "vale", "sabes que")         estimate_undo_said
--   undo_verb      the verb of an undo before "como estaba" ("déjalo", "vuelve")          estimate_undo_said
--   undo_state     what it was ("estaba", "al principio") after "como / lo que"           estimate_undo_said
--   undo_cancel    "deshaz / anula" before "(el) (último) cambio"                         estimate_undo_said
--   price_cost     the verb after "cuánto" that asks a price ("sería", "saldría")         estimate_price_asked
--   offer_yes      yes to the alternative whose price was asked ("sí", "dale")            estimate_offer_taken
--   offer_that     "that one" / "make it" after the yes ("ponlo", "ese mismo")            estimate_offer_taken
--   offer_no_lead  the no that keeps the draft ("no", "mejor no")                         estimate_offer_declined
--   offer_no_word  what may follow it ("déjalo", "así está bien")                         estimate_offer_declined
-- A staff row takes effect at once (a trigger rebuilds the cache) and after every restart; `active = false` turns a
-- phrase off (a shipped row deleted comes back at the next start: switch it off instead). Shipped rows have
-- `shipped = true`; a start adds the shipped rows that are missing and never changes or removes a staff row.
CREATE TABLE IF NOT EXISTS estimate_revision_phrases (
    meaning  text NOT NULL CHECK (meaning IN ('undo_lead', 'undo_verb', 'undo_state', 'undo_cancel', 'price_cost',
                                              'offer_yes', 'offer_that', 'offer_no_lead', 'offer_no_word')),
    phrase   text NOT NULL CHECK (btrim(phrase) <> '' AND length(phrase) <= 100),
    note     text NOT NULL DEFAULT '',
    active   boolean NOT NULL DEFAULT true,
    shipped  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (meaning, phrase)
);

INSERT INTO estimate_revision_phrases (meaning, phrase, note, shipped)
SELECT m, btrim(p), n, true
FROM (VALUES
    ('undo_lead', 'no, mejor, oye, vale, ok, bueno, pues, perdona, nada, olvidalo, sabes que, mejor no', 'before an undo (est35)'),
    ('undo_verb', 'dejalo, dejala, dejalos, dejalas, deja, ponlo, ponla, ponlos, ponlas, vuelve, volve, volvamos, regresa, '
                  'regresalo, regresala, devuelvelo, dejemoslo, quedate, que quede, que se quede, lo dejamos, dejalo todo, ponlo todo',
     'the verb of "déjalo como estaba" (est35)'),
    ('undo_state', 'estaba, estaban, era, eran, tenias, teniamos, antes, al principio', 'after "como" / "lo que" (est35)'),
    ('undo_cancel', 'deshaz, deshace, deshacer, anula, cancela', 'before "(el) (último) cambio" (est35)'),
    ('price_cost', 'seria, serian, saldria, saldrian, sale, salen, costaria, costarian, cuesta, cuestan, quedaria, quedarian, '
                   'queda, subiria, sube, vale, valdria, tendria', 'after "cuánto" / "qué precio" (est35)'),
    ('offer_yes', 'si, vale, ok, okey, okay, dale, listo, bueno, ya, perfecto, de acuerdo, va, sale, claro, pues, entonces, '
                  'venga, genial, bien, me parece bien, esta bien, mejor', 'yes after a price asked (est36)'),
    ('offer_that', 'ponlo, ponla, ponlos, ponlas, ponelo, ponela, ponelos, ponelas, pongalo, pongala, pongalos, pongalas, ponle, '
                   'ponele, pongale, ponme, hazlo, hacelo, hagalo, hagale, cambialo, cambiala, cambialos, cambialas, cambiale, '
                   'mete, metele, quiero, quiere, prefiero, lo quiere, la quiere, adelante, con, va con, vamos con, '
                   'nos quedamos con, me quedo con, se queda con, esa, ese, esos, esas, eso, el, la, los, las, mismo, misma, '
                   'mismos, mismas, entonces, asi, por favor, porfa, pues, ahi, tambien', 'that one, after the yes (est36)'),
    ('offer_no_lead', 'no, mejor no, nada, olvidalo, dejalo, dejala, dejalos, dejalas', 'the no that keeps the draft (est36)'),
    ('offer_no_word', 'no, mejor no, mejor, dejalo, dejala, dejalos, dejalas, asi, como esta, como estaba, como estan, esta bien, '
                      'asi esta bien, queda asi, que quede asi, gracias, entonces, pues, nada, olvidalo, con el que, con lo que, hay',
     'what may follow the no (est36)')
) v(m, list, n), LATERAL regexp_split_to_table(list, ',') p
ON CONFLICT (meaning, phrase) DO NOTHING;

-- The phrases of each meaning as one regex alternation (folded as estimate_plain, regex characters escaped,
-- longest first), brought up to date by a trigger on every staff edit and compared at every start (end of this file);
-- only a meaning whose alternation changed is written.
CREATE TABLE IF NOT EXISTS estimate_revision_phrase_cache (
    meaning     text PRIMARY KEY,
    alternation text NOT NULL
);

CREATE OR REPLACE FUNCTION estimate_revision_phrase_alternation_computed(p_meaning text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(regexp_replace(x, '([.^$*+?()\[\]{}|\\])', '\\\1', 'g'), '|' ORDER BY length(x) DESC, x),
                    '(?!)')
    FROM (SELECT DISTINCT estimate_plain(phrase) AS x FROM estimate_revision_phrases
          WHERE meaning = p_meaning AND active) p
    WHERE x <> ''
$$;

-- Writes only the meanings whose alternation changed (est37): a start, or a statement that changed no phrase (the
-- seed's INSERT … ON CONFLICT DO NOTHING fires the statement trigger too), writes nothing (tests/knowledge/
-- test_start_unchanged_36.py: an unchanged start writes nothing it does not need).
CREATE OR REPLACE FUNCTION estimate_revision_phrase_cache_refresh() RETURNS void
LANGUAGE sql AS $$
    DELETE FROM estimate_revision_phrase_cache
    WHERE meaning <> ALL (ARRAY['undo_lead', 'undo_verb', 'undo_state', 'undo_cancel', 'price_cost', 'offer_yes',
                                'offer_that', 'offer_no_lead', 'offer_no_word']);
    INSERT INTO estimate_revision_phrase_cache AS c (meaning, alternation)
    SELECT m, estimate_revision_phrase_alternation_computed(m)
    FROM unnest(ARRAY['undo_lead', 'undo_verb', 'undo_state', 'undo_cancel', 'price_cost', 'offer_yes', 'offer_that',
                      'offer_no_lead', 'offer_no_word']) m
    ON CONFLICT (meaning) DO UPDATE SET alternation = excluded.alternation
        WHERE c.alternation IS DISTINCT FROM excluded.alternation;
$$;

CREATE OR REPLACE FUNCTION estimate_revision_phrase_cache_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM estimate_revision_phrase_cache_refresh();
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER estimate_revision_phrases_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON estimate_revision_phrases FOR EACH STATEMENT EXECUTE FUNCTION estimate_revision_phrase_cache_sync();

-- The alternation of a meaning: the cache's, or computed when the cache lacks it.
CREATE OR REPLACE FUNCTION estimate_phrase_re(p_meaning text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT alternation FROM estimate_revision_phrase_cache WHERE meaning = p_meaning),
                    estimate_revision_phrase_alternation_computed(p_meaning))
$$;

-- "sí, ponlo", "vale, esa", "dale, esa misma", "listo, ese", "ya, ponle esos", "bueno, ponelo", "sí" (est36, k5):
-- the plumber takes the alternative whose price was just asked. Only words of yes and of "that one", nothing else
-- ("sí, ponle también la válvula" is another change, read as said).
CREATE OR REPLACE FUNCTION estimate_offer_taken(p_words text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT estimate_plain(p_words) ~ ('^(?:(?:' || estimate_phrase_re('offer_yes') || ')(?: |$))*'
        || '(?:(?:' || estimate_phrase_re('offer_that') || ')(?: |$))*$')
       AND estimate_plain(p_words) <> ''
       AND estimate_plain(p_words) !~ '^(?:bueno|ya|pues|entonces|bien)$'
$$;

-- "no, déjalo así", "no, mejor no", "no, así está bien" (est36, k5): the alternative whose price was asked is not
-- taken; the estimate stays.
CREATE OR REPLACE FUNCTION estimate_offer_declined(p_words text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT estimate_plain(p_words) ~ ('^(?:' || estimate_phrase_re('offer_no_lead') || ')'
        || '(?: (?:' || estimate_phrase_re('offer_no_word') || '))*$')
$$;

-- A change to one or some of the flats or rooms of a batch (est36, k4), on a line counted for a batch (its input has
-- "batch": estimate_batched): "en el segundo no, que ya lo cambiaron", "en dos de ellos ya hay, quita esas" (fewer),
-- "en el tercero son dos latiguillos" (more), "en el tercero que sea de 80", "y en el baño de servicio que sea de
-- 3/4" (one of them another size). {"op": "less"|"more"|"size", "position": the line's place in the inputs, "n",
-- "size": the words of the size} or NULL. The line is the one the words name, else the only batch line.
-- (est37) Also the count corrected ("no, son 7 departamentos": {"op": "units", "n": the new count}) and a thing more
-- in each or some of them ("y un sifón en cada uno", "en 3 de ellas también el kit": {"op": "add", "n", "items"}).
CREATE OR REPLACE FUNCTION estimate_batch_change(e estimates, p_words text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_plain text := estimate_plain(p_words);
    m       text[];
    v_where text;
    v_rest  text;
    v_n     numeric := 1;
    v_pos   integer;
    v_named integer[];
    v_units integer;   -- the batch's count (its lines' "batch")
    v_all   integer;   -- all the units, when the job was done in some of them ("batch_of")
    v_add   jsonb;
BEGIN
    IF e.id IS NULL OR e.inputs IS NULL OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements(e.inputs) x WHERE x ? 'batch') THEN
        RETURN NULL;
    END IF;
    SELECT max((x ->> 'batch')::int), max((x ->> 'batch_of')::int) INTO v_units, v_all
    FROM jsonb_array_elements(e.inputs) x WHERE x ? 'batch';
    -- (est37, m4) the count corrected: "no, son 7 departamentos", "perdona, eran 5 pisos" — every batch line that is
    -- the same per unit (its quantity a whole multiple of the old count) counted again; else not read here
    m := regexp_match(v_plain, '^(?:(?:no|perdona|perdon|mejor|ah|oye|bueno|pues|me equivoque|corrijo|en realidad) )*'
                               || '(?:son|eran|seran|para|en) (?:los |las |todos los |todas las )?(' || estimate_count_re(2)
                               || '|[0-9]{1,2}) (pisos|departamentos|deptos|apartamentos|viviendas|casas|locales|oficinas|'
                               || 'habitaciones|banos|aseos|unidades|portales|plantas|cabanas|chalets)(?: (?:no|y no) (?:'
                               || estimate_count_re(2) || '|[0-9]{1,2}))?$');
    IF m IS NOT NULL AND estimate_number_word(m[1]) BETWEEN 1 AND 40 AND estimate_number_word(m[1]) <> v_units THEN
        IF v_all IS NOT NULL OR EXISTS (SELECT 1 FROM jsonb_array_elements(e.inputs) x WHERE x ? 'batch'
                   AND mod((x ->> 'quantity')::numeric, (x ->> 'batch')::numeric) <> 0) THEN
            RETURN NULL;   -- a batch with an exception: which flats the new count has is not said
        END IF;
        RETURN jsonb_build_object('op', 'units', 'n', estimate_number_word(m[1]));
    END IF;
    -- (est37, m4/m5) a thing more in each or in some of them: "y un sifón de lavabo en cada uno", "en 3 de ellas
    -- también el kit de la cisterna", "y en todos el aireador": that thing (as read alone) that many times
    m := regexp_match(v_plain, '^(?:(?:y|pero|bueno|ah|ojo|oye|mira) )*en (cada uno|cada una|todos|todas|todos ellos|todas ellas|'
                               || '(?:' || estimate_count_re(2) || '|[0-9]{1,2}) de (?:ellos|ellas|los [a-z]+|las [a-z]+)) '
                               || '(?:(?:cambia|cambiar|cambiale|pon|ponle|ponele|agrega|agregale|anade|anadele|hay que cambiar|hay que poner|va|lleva|van|llevan) )?'
                               || '(?:tambien|ademas)? ?(.+)$');
    IF m IS NULL THEN
        m := regexp_match(v_plain, '^(?:(?:y|tambien|ademas|agrega|agregale|anade|anadele|ponle|ponele|pon|suma|sumale) )+(.+) en '
                                   || '(cada uno|cada una|todos|todas|cada piso|cada departamento|cada bano|cada habitacion|cada oficina|'
                                   || '(?:' || estimate_count_re(2) || '|[0-9]{1,2}) de (?:ellos|ellas))$');
        IF m IS NOT NULL THEN
            m := ARRAY[m[2], m[1]];
        END IF;
    END IF;
    IF m IS NOT NULL AND (m[1] ~ '^(?:cada|todos|todas)' OR m[2] ~ '^(?:tambien|ademas) ' OR v_plain ~ ' (?:tambien|ademas) ')
       AND m[2] !~ '^(?:no|ya|sin|quita|son|van|que sea|que sean|sea|mejor)( |$)' THEN
        -- (each or all of them: all the batch's units, also when the job was done in some: "para 8 apartamentos, en 4
        -- de ellos …" then "y en todos el aireador" is eight)
        v_n := CASE WHEN m[1] ~ '^(?:cada|todos|todas)' THEN coalesce(v_all, v_units)
                    ELSE estimate_number_word(split_part(m[1], ' ', 1)) END;
        IF v_n IS NULL OR v_n < 1 OR v_n > coalesce(v_all, v_units) THEN
            RETURN NULL;
        END IF;
        SELECT jsonb_agg(jsonb_build_object('item', x ->> 'item', 'quantity', coalesce((x ->> 'quantity')::numeric, 1) * v_n,
                                            'batch', v_units) ORDER BY n)
          INTO v_add
          FROM jsonb_array_elements(estimate_match_read_one(regexp_replace(m[2], '^(?:tambien|ademas) ', '')) -> 'items') WITH ORDINALITY t(x, n)
          JOIN price_catalog c ON c.code = x ->> 'item' AND c.active AND c.kind IN ('material', 'disposal')
         WHERE jsonb_typeof(x -> 'quantity') = 'number';
        IF v_add IS NOT NULL THEN
            RETURN jsonb_build_object('op', 'add', 'n', v_n, 'items', v_add);
        END IF;
        RETURN NULL;
    END IF;
    m := regexp_match(v_plain, '^(?:(?:y|pero|bueno|ah|ojo|oye|mira) )*en ((?:el|la) [a-z0-9]+(?: (?:de|del) [a-z]+)?|(?:uno|una|dos|tres|[0-9]+)(?: de (?:ellos|ellas|los [a-z]+|las [a-z]+))?) (.+)$');
    IF m IS NULL THEN
        RETURN NULL;
    END IF;
    v_where := m[1];
    v_rest := m[2];
    IF v_where ~ '^(dos|tres|[0-9]+)( |$)' THEN
        v_n := estimate_number_word(split_part(v_where, ' ', 1));
    END IF;
    -- the line: named in the rest of the words, else the one batch line
    SELECT array_agg(n::int) INTO v_named
    FROM jsonb_array_elements(e.inputs) WITH ORDINALITY t(x, n)
    WHERE x ? 'batch' AND EXISTS (SELECT 1 FROM estimate_lines_named(e.id, v_rest) l WHERE l.catalog_code = x ->> 'item');
    IF cardinality(v_named) = 1 THEN
        v_pos := v_named[1];
    ELSE
        SELECT min(n::int) INTO v_pos FROM jsonb_array_elements(e.inputs) WITH ORDINALITY t(x, n) WHERE x ? 'batch'
        HAVING count(*) = 1;
    END IF;
    IF v_pos IS NULL THEN
        RETURN NULL;
    END IF;
    IF v_rest ~ '^(?:(?:ya|tampoco) )?(?:no|no va|no lleva|no hace falta|no hay que|sin)( |$)'
       OR v_rest ~ '^(?:(?:no )?ya (?:hay|tiene|tienen|esta|estan|lo|la|los|las)|quita|quitalo|quitala|quitalos|quitalas|sacalo|sacala|sacalos|sacalas)( |$)' THEN
        RETURN jsonb_build_object('op', 'less', 'position', v_pos, 'n', v_n);
    END IF;
    m := regexp_match(v_rest, '^(?:son|van|lleva|llevan|pon|ponle|ponele|hacen falta|hay que poner|necesita|se ponen) ('
                              || estimate_count_re(2) || '|[0-9]+)( |$)');
    IF m IS NOT NULL AND estimate_number_word(m[1]) > 1 THEN
        RETURN jsonb_build_object('op', 'more', 'position', v_pos, 'n', v_n * (estimate_number_word(m[1]) - 1));
    END IF;
    m := regexp_match(v_rest, '^(?:(?:que )?(?:sea|sean|es|son|va|van|sera|seran)|mejor|pon|ponle|ponele)(?: (?:uno|una))? (?:de|del|en) ([0-9a-z/. ]{1,20})$');
    IF m IS NOT NULL AND m[1] ~ '[0-9]|media|cuarto|pulgada' THEN
        RETURN jsonb_build_object('op', 'size', 'position', v_pos, 'n', v_n, 'size', m[1]);
    END IF;
    RETURN NULL;
END
$$;

-- When the job is done said in a revision (est36, k3): "es urgente, vamos esta noche", "lo hacemos el domingo",
-- "pero es en horario nocturno", "es una emergencia" — words of when (estimate_when_said) and nothing else: the
-- draft's call-out and hours as estimate_when_found prices them for a first request (the normal call-out becomes
-- the urgent or holiday one, or that one is added when the draft has none; the hours become night/holiday hours).
-- And a second visit ("agrégale una visita más", "súmale una segunda visita"): one more normal call-out. The new
-- inputs, or NULL.
CREATE OR REPLACE FUNCTION estimate_when_change(e estimates, p_words text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s       estimate_settings;
    v_plain text := ' ' || estimate_plain(p_words) || ' ';
    v_rest  text;
    v_w     text;
    v_new   jsonb;
    v_calls integer;
BEGIN
    IF e.id IS NULL OR e.inputs IS NULL OR e.status NOT IN ('draft', 'sent') THEN
        RETURN NULL;
    END IF;
    SELECT * INTO s FROM estimate_settings WHERE id;
    -- a second visit
    IF v_plain ~ ' (?:otra visita|una visita mas|segunda visita|otra salida|una salida mas|segunda salida|otro desplazamiento|un desplazamiento mas|segundo desplazamiento) '
       AND v_plain ~ '^ (?:(?:y|e|tambien|ademas|pero) )*(?:agrega|agregale|agregue|agreguele|anade|anadele|suma|sumale|sumele|pon|ponle|ponele|pongale|mete|metele|incluye|incluyele|hay que (?:poner|sumar|agregar)|va|van|lleva|tambien) '
       AND s.service_call_code IS NOT NULL
       AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = s.service_call_code AND c.active) THEN
        IF EXISTS (SELECT 1 FROM jsonb_array_elements(e.inputs) x WHERE x ->> 'item' = s.service_call_code) THEN
            RETURN (SELECT jsonb_agg(CASE WHEN x ->> 'item' = s.service_call_code
                                          THEN jsonb_set(x, '{quantity}', to_jsonb(coalesce((x ->> 'quantity')::numeric, 1) + 1))
                                          ELSE x END ORDER BY n)
                    FROM jsonb_array_elements(e.inputs) WITH ORDINALITY t(x, n));
        END IF;
        RETURN e.inputs || jsonb_build_array(jsonb_build_object('item', s.service_call_code, 'quantity', 1));
    END IF;
    IF cardinality(estimate_when_said(p_words)) = 0 THEN
        RETURN NULL;
    END IF;
    -- nothing but when: the phrases of the lists and words that say nothing else
    v_rest := v_plain;
    FOR v_w IN SELECT w FROM unnest(estimate_word_list(s.urgent_words || ', ' || s.night_words || ', ' || s.holiday_words, 'plain')) w
               WHERE w <> '' ORDER BY length(w) DESC LOOP
        v_rest := replace(v_rest, ' ' || v_w || ' ', ' ');
    END LOOP;
    IF btrim(regexp_replace(v_rest, '(?<= )(?:es|son|era|sera|va|van|vamos|voy|vas|a|ser|hacer|lo|la|el|los|las|le|hacemos|haremos|hago|'
            || 'hare|hace|haria|trabajo|pero|y|e|que|en|de|del|por|horario|hora|horas|un|una|salida|servicio|visita|aviso|llamada|'
            || 'cliente|porque|nos|me|llamo|llamaron|ahora|tiene|hay|al|final|mejor|entonces|pues|ojo|oye|mira|todo|eso|esto|'
            || 'para|mismo|misma|caso|con|dia|ir|iria|iremos|vendria|tendria|tiene|que ser|seria|sale|salio|no|si|ya|tambien|'
            || 'ademas|cobra|cobrar|cobrame|cobrale|ponlo|ponle|ponele|como|trabajamos|toca|tocar|este|esta)(?= )', '', 'g')) <> '' THEN
        RETURN NULL;
    END IF;
    v_new := estimate_when_found(p_words, jsonb_build_object('items', e.inputs)) -> 'items';
    -- no call-out on the draft: the one of that time added
    SELECT count(*) INTO v_calls FROM jsonb_array_elements(v_new) x JOIN price_catalog c ON c.code = x ->> 'item'
     WHERE c.kind = 'service_call';
    IF v_calls = 0 THEN
        v_new := (estimate_when_found(p_words, jsonb_build_object('items', v_new || jsonb_build_array(
                      jsonb_build_object('item', s.service_call_code, 'quantity', 1)))) -> 'items');
    END IF;
    IF v_new IS NULL OR v_new = e.inputs THEN
        RETURN NULL;
    END IF;
    RETURN v_new;
END
$$;

-- "déjalo como estaba", "no, vuelve a como estaba antes", "ponlo como antes", "deshaz el último cambio": the plumber
-- wants the lines of the revision before the last one back (a new revision with them; revisions are never rewritten).
CREATE OR REPLACE FUNCTION estimate_undo_said(p_words text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT estimate_plain(p_words) ~ ('^(?:(?:' || estimate_phrase_re('undo_lead') || ') )*'
        || '(?:(?:' || estimate_phrase_re('undo_verb') || ')'
        || '(?: (?:todo|eso|el presupuesto|esto))?(?: (?:a|en))? (?:como|lo que|a lo que) (?:' || estimate_phrase_re('undo_state') || ')'
        || '|(?:' || estimate_phrase_re('undo_cancel') || ') (?:el |ese )?(?:ultimo )?cambio)(?: |$)')
$$;

-- "vuelve a poner el sifón", "ponle otra vez los latiguillos", "pon de nuevo la retirada": the lines the words name
-- that an earlier revision had and the estimate no longer has, as they were there (row and quantity, from the latest
-- revision that had them), or NULL: nothing said to put back, no such line, or a line of that thing still on the
-- estimate ("vuelve a poner el de 80" with a heater there is a change of size, read as said).
CREATE OR REPLACE FUNCTION estimate_put_back(e estimates, p_words text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_plain text := estimate_plain(p_words);
    v_said  text;
    v_words text[];
    v_rev   integer;
    v_items jsonb;
BEGIN
    v_said := substring(v_plain FROM '^(?:(?:no|mejor|oye|vale|ok|bueno|pues|y|al final|sabes que) )*(?:vuelve a (?:poner|ponerle|'
        || 'agregar|agregarle|anadir|anadirle|meter|incluir)|volve a (?:poner|ponerle|agregar|agregarle)|vuelvele a poner|'
        || '(?:ponle|pon|ponele|pongale|agregale|agrega|agregue|anade|anadele|mete|metele) (?:otra vez|de nuevo)|regresale|devuelvele) (.+)$');
    IF v_said IS NULL THEN
        v_said := substring(v_plain FROM '^(?:(?:no|mejor|oye|vale|ok|bueno|pues|y) )*(.+?) (?:(?:ponlo|ponla|ponlos|ponlas|ponelo|'
            || 'ponelos|ponela|ponelas) )?(?:otra vez|de nuevo)$');
    END IF;
    IF v_said IS NULL THEN
        RETURN NULL;
    END IF;
    v_words := ARRAY(SELECT w FROM unnest(string_to_array(estimate_words(v_said), ' ')) w
                      WHERE w ~ '[a-z]' AND w !~ '^(tambien|otra|otro|vez|nuevo|que|estaba|estaban|antes|quite|quitaste|quitamos|ponlo|ponlos|ponla|ponlas)$');
    IF cardinality(v_words) = 0 THEN
        RETURN NULL;
    END IF;
    -- the latest earlier revision with lines those words name, that the estimate no longer has
    SELECT rv.revision, jsonb_agg(x.item ORDER BY x.n) INTO v_rev, v_items
      FROM estimate_revisions rv, jsonb_array_elements(rv.inputs) WITH ORDINALITY x(item, n)
     WHERE rv.estimate_id = e.id AND rv.revision < e.revision AND x.item ? 'item'
       AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(e.inputs) y WHERE y ->> 'item' = x.item ->> 'item')
       AND v_words <@ string_to_array(estimate_words(coalesce(
               (SELECT c.name || ' ' || coalesce(c.aliases, '') FROM price_catalog c WHERE c.code = x.item ->> 'item'),
               x.item ->> 'item')), ' ')
     GROUP BY rv.revision ORDER BY rv.revision DESC LIMIT 1;
    IF v_items IS NULL
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(v_items) b, estimate_lines l
                   WHERE l.estimate_id = e.id
                     AND split_part(estimate_words(coalesce((SELECT c.name FROM price_catalog c WHERE c.code = b ->> 'item'), b ->> 'item')), ' ', 1)
                       = split_part(estimate_words(coalesce(l.description, '')), ' ', 1)) THEN
        RETURN NULL;
    END IF;
    RETURN v_items;
END
$$;

-- (est39, k1) A line the customer buys, brings or already has in a box, as the reason it leaves the draft: "la
-- manguera la ha comprado el cliente, quítala", "los flexibles los trae el cliente", "el inodoro lo trae el cliente,
-- que ya lo ha comprado", "el calefón lo compró el cliente, sácalo", "la válvula de seguridad ya viene en la caja con
-- el termo", "el sifón ya venía con el lavabo", "el cliente ya compró el calefón", "el lavabo lo compró la clienta y ya
-- trae su sifón, quita los dos". Stop 38 read who pays or covers a line with a command (estimate_reason_removal);
-- here who bought or brings it, with a command of removing or without one. The positions of the lines the things
-- name (every thing must name a line, else NULL: nothing is guessed); NULL when no clause says so.
CREATE OR REPLACE FUNCTION estimate_customer_supplies(e estimates, p_words text) RETURNS integer[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v       text := estimate_plain(p_words);
    v_who   text := '(?:(?:el|la|los|las|mi|su) )?(?:cliente|clienta|clientes|senora|senor|dueno|duena|duenos|propietario|'
                    || 'propietaria|inquilino|inquilina|vecino|vecina|comunidad|administracion|esposa|esposo|marido|familia|'
                    || 'don [a-z]+|dona [a-z]+)';
    v_buys  text := '(?:(?:ha|han|habia|habian|ya) )*(?:comprado|compro|compra|compran|compraron|comprara|trae|traen|traera|'
                    || 'traeran|traia|trajo|trajeron|pone|ponen|pondra|aporta|aportan|consiguio|consigue|tiene|tienen)';
    v_art   text := '(?:la |el |los |las |su |sus |un |una )?';
    v_clause text;
    v_thing text;
    v_any   boolean := false;
    v_lines integer[] := '{}';
    v_named integer[];
    v_syn   text;
    v_heads text[];
    v_own   integer[];
BEGIN
    IF e.id IS NULL OR p_words ~ '[?¿]' THEN
        RETURN NULL;
    END IF;
    -- the command of removing at the end is the consequence, not a thing: "…, quítala", "…, quita los dos"
    v := regexp_replace(v, '(?: (?:asi que|entonces|pues|por eso|y))? (?:quit|sac|borr|elimin)[a-z]*'
                           || '(?: (?:(?:los|las) (?:' || estimate_count_re(2) || ')|ambos|ambas|todos|todas|todo eso|eso|esos|esas|'
                           || 'del presupuesto|de ahi|por favor))*$', '');
    -- clauses: "… y ya trae su sifón", "… y también trae el sifón"; "el inodoro y el lavabo los ha comprado" is one
    FOREACH v_clause IN ARRAY regexp_split_to_array(v, ' (?:y|e|pero) (?=(?:ya|tambien|ademas) )')
    LOOP
        v_thing := coalesce(
            -- "<thing> (ya) lo/la… (ha) comprado/trae/pone <who>"
            substring(v_clause FROM '^' || v_art || '(.+?) (?:ya )?(?:lo|la|los|las) ' || v_buys || ' (?:ya )?' || v_who || '(?: .*)?$'),
            -- "<thing> (ya) viene/venía/vino (en la caja) con/en <other>"
            substring(v_clause FROM '^' || v_art || '(.+?) (?:ya )?(?:viene|vienen|venia|venian|vino|vinieron|va incluid[oa]|'
                                  || 'esta incluid[oa]|viene incluid[oa]) (?:en la caja |incluid[oa] |de fabrica )?(?:con|en) .+$'),
            -- "<who> (ya) compró/trae <thing>"; after a clause that said who, "y ya trae su sifón"
            substring(v_clause FROM '^' || v_who || ' ' || v_buys || ' ' || v_art || '(.+?)(?: (?:que|porque|en|de la|del) .*)?$'),
            CASE WHEN v_any THEN substring(v_clause FROM '^(?:ya |tambien )*(?:compro|ha comprado|trae|traen|tiene|tienen|pone) '
                                                      || v_art || '(.+?)(?: (?:que|porque|en) .*)?$') END);
        CONTINUE WHEN v_thing IS NULL;
        FOREACH v_thing IN ARRAY regexp_split_to_array(v_thing, ' (?:y|e) (?=(?:la|el|los|las|su|sus) )') LOOP
        v_thing := btrim(regexp_replace(v_thing, '(^| )(ya|tambien|nuevo|nueva|nuevos|nuevas|la|el|los|las|su|sus)(?= |$)', ' ', 'g'));
        -- the lines it names as said and in the shared synonym list's words ("el calefón" = "el calentador")
        v_syn := estimate_plain(estimate_with_synonyms(v_thing));
        v_named := ARRAY(SELECT l.position FROM estimate_lines_named(e.id, v_thing) l
                         UNION SELECT l.position FROM estimate_lines_named(e.id, v_syn) l);
        -- of the lines it names, the ones it is the name of: "el inodoro" is the toilet, not the wax seal "para
        -- inodoro"; "el lavabo" is the basin, not the "grifo monomando de lavabo"; and the one line whose own name
        -- begins with its word in the synonym list ("el calefón" = the gas heater, not the old one's removal)
        v_heads := ARRAY(SELECT left(h, greatest(4, length(h) - 2))
                           FROM unnest(ARRAY[split_part(estimate_words(v_thing), ' ', 1), split_part(estimate_words(v_syn), ' ', 1)]) h
                          WHERE h <> '');
        v_own := ARRAY(SELECT l.position FROM estimate_lines l WHERE l.estimate_id = e.id
                         AND split_part(estimate_words(coalesce(l.description, l.requested, '')), ' ', 1) LIKE ANY (
                             ARRAY(SELECT h || '%' FROM unnest(v_heads) h)));
        IF v_named && v_own THEN
            v_named := ARRAY(SELECT x FROM unnest(v_named) x WHERE x = ANY (v_own));
        ELSIF cardinality(v_own) = 1 THEN
            v_named := v_own;
        END IF;
        IF cardinality(v_named) = 0 THEN
            RETURN NULL;   -- a thing said that no line is: the reading as said (or the question back) stands
        END IF;
        -- one thing said ("la grifería") that is several priced lines (a kitchen mixer and a washing-machine tap):
        -- which is not settled, nothing is removed here
        IF split_part(v_thing, ' ', 1) !~ 's$' AND (SELECT count(*) FROM estimate_lines l WHERE l.estimate_id = e.id
                                                       AND l.position = ANY (v_named) AND NOT l.to_quote) > 1 THEN
            RETURN NULL;
        END IF;
        v_any := true;
        v_lines := v_lines || v_named;
        END LOOP;
    END LOOP;
    -- (never every line: a draft is not emptied by a reason; that is a new conversation)
    IF v_any AND NOT EXISTS (SELECT 1 FROM estimate_lines l WHERE l.estimate_id = e.id AND NOT l.position = ANY (v_lines)
                               AND coalesce(l.kind, 'material') NOT IN ('service_call', 'labour')) THEN
        RETURN NULL;
    END IF;
    RETURN CASE WHEN v_any THEN ARRAY(SELECT DISTINCT x FROM unnest(v_lines) x ORDER BY x) END;
END
$$;

-- (est39, k2) A count said again as a frequency or a product: "cuatro veces al año, así que ocho en los dos años",
-- "que sea cada dos meses, seis visitas", "dos revisiones al año a cada una, o sea seis", "son dos por habitación y
-- cinco habitaciones", "dos baños por departamento y cinco departamentos, diez llaves". Only when the words say how
-- often or how many per something (al año, al mes, cada N meses, por <cosa>, a cada una, en cada…); the count is
-- the total said ("así que 8", "o sea 6", "seis visitas", "diez llaves": a number before the last noun), else the
-- product of the two numbers. The line is the one the words name, else the one line counted in units that is not
-- the call-out or a removal. {"line", "value"} or NULL (read as before).
CREATE OR REPLACE FUNCTION estimate_count_restated(e estimates, p_words text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v       text := estimate_plain(p_words);
    v_nums  text := '(?:[0-9]+|' || estimate_count_re() || ')';
    v_m     text[];
    v_value numeric;
    v_noun  text;
    v_line  integer;
    v_count integer;
BEGIN
    IF e.id IS NULL OR p_words ~ '[?¿]'
       OR v !~ ('(^| )(?:veces al ano|veces por ano|al ano|al mes|por ano|por mes|cada ' || v_nums || ' (?:meses|semanas|anos|dias)|'
                || 'cada mes|cada ano|cada semana|a cada una|a cada uno|en cada [a-z]+|'
                || 'por (?!favor|uno |una |un |otro |otra |el |la |los |las |ese |esa |este |esta )(?:cada )?[a-z]+|'
                || 'durante ' || v_nums || ' (?:anos|meses))( |$)')
       OR v ~ '(^| )(?:horas?|h|hs|metros?|m|mts|litros?|l|galon|galones|mm|milimetros|pulgadas?|pulg|cm|kw|hp|cv|bar|w|watts?)( |$)'
       -- (a line changed for another — "cámbiale el termo por uno de 100 litros" — is no count)
       OR v ~ '(^| )(?:camb[a-z]*|sustitu[a-z]*|reemplaz[a-z]*|mejor)( |$)'
       -- (an addition or a removal said with a count per thing — "añade 2 codos por cada salida" — is read as before)
       OR v ~ '(^| )(?:agreg[a-z]*|anad[a-z]*|sum[ae][a-z]*|pon|ponle|ponele|pone|mas|otro|otra|otros|otras|quit[a-z]*|sac[a-z]*)( |$)' THEN
        RETURN NULL;
    END IF;
    -- the total said: "así que ocho", "o sea seis", "en total 10"
    v_m := regexp_match(v, '(?:^| )(?:asi que|o sea|osea|es decir|en total|total|serian|seran|entonces) (' || v_nums || ')(?: ([a-z]+))?');
    IF v_m IS NOT NULL THEN
        v_value := estimate_number_word(v_m[1]);
        v_noun := CASE WHEN v_m[2] !~ '^(?:en|al|a|de|del|por|para|y|o|entre|cada|que|durante|mas)$' THEN v_m[2] END;
    END IF;
    -- the product: "dos por habitación y cinco habitaciones", "dos al año durante tres años"
    IF v_value IS NULL THEN
        v_m := regexp_match(v, '(?:^| )(' || v_nums || ')(?: [a-z]+)? (?:por|a cada|en cada|al) ([a-z]+?)s? (?:y|durante|son|en|,)(?: son)? (' || v_nums || ') ([a-z]+)');
        IF v_m IS NOT NULL AND (v_m[4] LIKE v_m[2] || '%' OR v_m[2] = 'ano' AND v_m[4] = 'anos') THEN
            v_value := estimate_number_word(v_m[1]) * estimate_number_word(v_m[3]);
        END IF;
    END IF;
    -- "…, seis visitas", "…, diez llaves", "6 flotadores": a number and a noun at the end of the words
    IF v_value IS NULL THEN
        v_m := regexp_match(v, '(?:^| )(' || v_nums || ') ([a-z]+)(?: (?:en|al|del|de la|de los|para) [a-z ]+)?$');
        IF v_m IS NOT NULL AND v_m[2] !~ '^(?:ano|anos|mes|meses|semanas|dias|veces|por|cada|al|a)$'
           AND v ~ ('(^| )' || v_nums || ' .* (' || v_nums || ') ' || v_m[2]) THEN
            v_value := estimate_number_word(v_m[1]);
            v_noun := v_m[2];
        END IF;
    END IF;
    IF v_value IS NULL OR v_value < 1 OR v_value > 1000 THEN
        RETURN NULL;
    END IF;
    -- the line: named by the noun, else the one priced line counted in units
    IF v_noun IS NOT NULL THEN
        SELECT count(*), min(l.position) INTO v_count, v_line FROM estimate_lines_named(e.id, v_noun) l
         WHERE l.unit <> 'h' AND coalesce(l.kind, 'material') NOT IN ('service_call', 'disposal') AND NOT l.to_quote;
    END IF;
    IF coalesce(v_count, 0) <> 1 AND v_noun IS NOT NULL
       AND v_noun !~ '^(?:visitas|veces|revisiones|servicios|unidades|desatascos|inspecciones|mantenimientos|limpiezas)$' THEN
        RETURN NULL;   -- a noun that is no line and no count of visits: not settled by the words
    END IF;
    IF coalesce(v_count, 0) <> 1 THEN
        SELECT count(*), min(l.position) INTO v_count, v_line FROM estimate_lines l
         WHERE l.estimate_id = e.id AND l.unit NOT IN ('h', 'm') AND coalesce(l.kind, 'material') NOT IN ('service_call', 'disposal')
           AND NOT l.to_quote;
    END IF;
    IF v_count <> 1 OR v_value = (SELECT l.quantity FROM estimate_lines l WHERE l.estimate_id = e.id AND l.position = v_line) THEN
        RETURN NULL;
    END IF;
    RETURN jsonb_build_object('line', v_line, 'value', v_value);
END
$$;

-- (est39, SAID-38 §6 n4) More metres of a pipe the draft has, said without a verb after a plan's change: "el
-- lavadero se va al patio, cuatro metros más de desagüe de 40", "6 metros más de multicapa de 20". The one line in
-- metres the words after "de" name (or, when they name none by its words, the one line in metres of the size they
-- say; no words: the one line in metres) gets that many more. {"line", "value"} or NULL (read as before: a thing
-- that is no line of the draft is not guessed).
CREATE OR REPLACE FUNCTION estimate_more_metres(e estimates, p_words text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v       text := estimate_plain(p_words);
    v_num   text := '(?:[0-9]+(?:[.][0-9]+)?|' || estimate_count_re() || ')';
    m       text[];
    v_n     numeric;
    v_count integer;
    v_line  integer;
    v_size  text;
BEGIN
    IF e.id IS NULL OR p_words ~ '[?¿]' THEN
        RETURN NULL;
    END IF;
    m := regexp_match(v, '(?:^| )(' || v_num || ') (?:metros?|m|mts) mas(?: de ([a-z0-9 /]+?))?$');
    IF m IS NULL OR v ~ ('(^| )(?:agreg[a-z]*|anad[a-z]*|sum[ae][a-z]*|pon|ponle|ponele|quit[a-z]*|sac[a-z]*|y)( ' || m[1] || ' )') THEN
        RETURN NULL;   -- (with a verb of adding the reading as said takes it)
    END IF;
    v_n := estimate_number_word(m[1]);
    IF v_n IS NULL OR v_n <= 0 THEN
        RETURN NULL;
    END IF;
    IF m[2] IS NOT NULL THEN
        SELECT count(*), min(l.position) INTO v_count, v_line FROM estimate_lines_named(e.id, m[2]) l
         WHERE l.unit = 'm' AND NOT l.to_quote;
        IF coalesce(v_count, 0) <> 1 THEN
            v_size := substring(m[2] FROM '(?:^| )de ([0-9]+(?:[.][0-9]+)?)$');
            SELECT count(*), min(l.position) INTO v_count, v_line FROM estimate_lines l
             WHERE l.estimate_id = e.id AND l.unit = 'm' AND NOT l.to_quote AND v_size IS NOT NULL
               AND l.description ~ ('(^|[^0-9])' || v_size || ' ?mm([^0-9]|$)');
        END IF;
    ELSE
        SELECT count(*), min(l.position) INTO v_count, v_line FROM estimate_lines l
         WHERE l.estimate_id = e.id AND l.unit = 'm' AND NOT l.to_quote;
    END IF;
    IF coalesce(v_count, 0) <> 1 THEN
        RETURN NULL;
    END IF;
    RETURN jsonb_build_object('line', v_line,
        'value', v_n + (SELECT l.quantity FROM estimate_lines l WHERE l.estimate_id = e.id AND l.position = v_line));
END
$$;

-- (est35, (b)) The customer as the subject of a removal or a keep: "el cliente no quiere la retirada, se lo lleva él",
-- "el cliente ya tiene la válvula de seguridad, no la pongas", "la señora se queda con el sifón viejo", "la clienta
-- dice que la taza vieja se la queda ella", "el dueño dice que la llave de paso no se toca". The positions of the
-- lines that go, or NULL when the words say no such thing or name no line: the lines the thing names; the old one kept
-- ("el sifón viejo", "la taza vieja") while the estimate takes it away (a removal line) is that removal going, else the
-- line that would replace it. Who says it ("el cliente", "la señora dice que") is not a line.
CREATE OR REPLACE FUNCTION estimate_customer_keeps(e estimates, p_words text) RETURNS integer[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v       text := estimate_plain(p_words);
    v_who   text := '(?:(?:el|la|los|las|mi|su) )?(?:cliente|clienta|clientes|senora|senor|dueno|duena|duenos|propietario|'
                    || 'propietaria|inquilino|inquilina|vecino|vecina|administrador|administradora|esposa|esposo|marido|mujer|'
                    || 'patron|patrona|jefe|jefa|familia|don [a-z]+|dona [a-z]+)';
    v_thing text;
    v_old   boolean;
    v_lines integer[];
BEGIN
    IF e.id IS NULL OR p_words ~ '[?¿]' THEN   -- (a question — "ya tiene la llave, ¿la cambio igual?" — removes nothing)
        RETURN NULL;
    END IF;
    -- (est39, k1) bought, brought or in the box: "la manguera la ha comprado el cliente, quítala", "los flexibles los
    -- trae el cliente", "la válvula de seguridad ya viene en la caja con el termo", "el lavabo lo compró la clienta y
    -- ya trae su sifón, quita los dos"
    v_lines := estimate_customer_supplies(e, p_words);
    IF v_lines IS NOT NULL THEN
        RETURN v_lines;
    END IF;
    v := regexp_replace(v, '^(?:(?:oye|mira|bueno|pues|ah|al final|sabes que|perdona|fijate) )*(?:' || v_who
                           || '(?: (?:me |nos )?(?:dice|dijo|comenta|comento|avisa|aviso|cuenta|conto|dice ahora) que)? )?'
                           || '(?:(?:al final|ahora|ya no|ya) (?=no |tiene|se |queda))?', '');
    v_thing := coalesce(
        substring(v FROM '^no (?:quiere|quieren|necesita|necesitan|va a querer) (?:que (?:le |les )?(?:pongamos|cambiemos|pongas|'
                         || 'cambies|pongan|cambien|hagamos|hagas|llevemos|lleves) )?(?:la |el |los |las )?(.+?)(?: (?:porque|que|se lo|'
                         || 'se la|se los|se las|ya|lo|la|los|las|asi que) .*)?$'),
        substring(v FROM '^(?:ya )?(?:tiene|tienen) (?:la |el |los |las |un |una |su |sus )?(.+?)(?: (?:no la|no lo|no las|no los|asi que|'
                         || 'porque|que) .*)?$'),
        substring(v FROM '^(?:se )?(?:queda|quedan|quiere quedarse|prefiere quedarse) con (?:la |el |los |las |su |sus )?(.+?)'
                         || '(?: (?:que|porque|pues|asi que) .*)?$'),
        substring(v FROM '^(?:la |el |los |las |su |sus )?(.+?) (?:se (?:la|lo|las|los) (?:queda|quedan|quiere quedar)|'
                         || 'no se (?:toca|tocan|cambia|cambian|pone|ponen)|no (?:la|lo|las|los) (?:pongas|pongamos|cambies|'
                         || 'cambiemos|toques|toquemos))(?: .*)?$'));
    IF v_thing IS NULL THEN
        RETURN NULL;
    END IF;
    v_old := v_thing ~ '(^| )(viejo|vieja|viejos|viejas|actual|actuales|de ahora|que tiene|que hay)( |$)';
    v_thing := btrim(regexp_replace(v_thing, '(^| )(viejo|vieja|viejos|viejas|actual|actuales|de ahora|que tiene|que hay|ella|'
                                             || 'el|ellos|ellas)(?= |$)', ' ', 'g'));
    IF v_thing = '' THEN
        RETURN NULL;
    END IF;
    v_lines := ARRAY(SELECT l.position FROM estimate_lines_named(e.id, v_thing) l);
    IF v_old AND cardinality(v_lines) > 0 AND NOT EXISTS (SELECT 1 FROM estimate_lines l WHERE l.estimate_id = e.id
                                                            AND l.position = ANY (v_lines) AND l.kind = 'disposal')
       AND (SELECT count(*) FROM estimate_lines l WHERE l.estimate_id = e.id AND l.kind = 'disposal') = 1 THEN
        -- the old one kept while the estimate takes it away: that removal goes, not the new one
        v_lines := ARRAY(SELECT l.position FROM estimate_lines l WHERE l.estimate_id = e.id AND l.kind = 'disposal');
    ELSIF cardinality(v_lines) = 0 AND v_old
          AND (SELECT count(*) FROM estimate_lines l WHERE l.estimate_id = e.id AND l.kind = 'disposal') = 1 THEN
        -- "la taza vieja se la queda": the old thing, named by another word than the new line's, and one removal
        v_lines := ARRAY(SELECT l.position FROM estimate_lines l WHERE l.estimate_id = e.id AND l.kind = 'disposal');
    END IF;
    RETURN CASE WHEN cardinality(v_lines) > 0 THEN v_lines END;
END
$$;

-- Words that add something to an estimate (a verb of adding, "también", "otra", "falta", "quiere que le
-- pongamos…"; not a question, not a verb of changing or removing alone): to an estimate the customer has decided
-- they get the locked reply, never a new estimate nor a refusal.
CREATE OR REPLACE FUNCTION estimate_adds_said(p_words text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    -- (a question — "¿cómo cambio un grifo?", "qué llave le pongo" — is not an addition: the chat answers it)
    SELECT NOT estimate_change_new_request(estimate_plain(p_words)) AND p_words !~ '[?¿]'
       AND estimate_plain(p_words) !~ '^(como|que|cual|cuales|por que|porque|donde|cuando|cuanto|cuanta|cuantos|cuantas|se puede|puedo|debo|tengo que|hay que) '
       AND estimate_plain(p_words) ~ '(^| )(tambien|ademas|otra|otro|otras|otros|falta|faltan|faltaria|agreg[a-z]*|anad[a-z]*|pon|ponle|ponele|pong[a-z]*|pusieramos|met[ae][a-z]*|sum[ae][a-z]*|inclu[a-z]*)( |$)'
       AND (SELECT (m ->> 'priced')::int > 0 OR coalesce((m ->> 'ask_back')::int, 0) > 0 FROM estimate_match(p_words) m)
$$;

-- The reply to a change of an estimate the customer has decided (as estimate_converse_one's).
CREATE OR REPLACE FUNCTION estimate_locked_answer(e estimates, p_kind text, p_public_url text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'handled', true, 'action', 'locked', 'kind', p_kind, 'number', e.number, 'revision', e.revision,
        'changes', '[]'::jsonb, 'card', estimate_card(e.number, p_public_url),
        'reply_text', format('El presupuesto %s ya está %s por el cliente, así que no lo cambio: queda tal como lo '
            || 'vio. Si hace falta otro, pídeme un presupuesto nuevo (por ejemplo «presupuesto '
            || 'para …» con todo lo que lleva) y lo preparo con otro número.', e.number,
            CASE e.status WHEN 'accepted' THEN 'aceptado' ELSE 'rechazado' END))
$$;

-- A new revision with the given lines and the changes said (undo, put back), as estimate_converse_one answers.
CREATE OR REPLACE FUNCTION estimate_revised_answer(e estimates, p_inputs jsonb, p_changes text[], p_kind text,
                                                   p_words text, p_message_id text, p_public_url text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    v_result  jsonb;
    v_changes text[];
BEGIN
    v_result := estimate_revise(e.number, p_inputs, p_words, p_message_id, to_jsonb(p_changes));
    v_changes := p_changes || format('Total: %s → %s', estimate_money(e.total, e.currency),
                                     estimate_money((v_result ->> 'total')::numeric, e.currency));
    UPDATE estimate_revisions SET changes = to_jsonb(v_changes)
     WHERE estimate_id = e.id AND revision = (v_result ->> 'revision')::int;
    RETURN jsonb_build_object(
        'handled', true, 'action', 'revised', 'kind', p_kind, 'number', e.number,
        'revision', (v_result ->> 'revision')::int, 'changes', to_jsonb(v_changes),
        'card', estimate_card(e.number, p_public_url) || jsonb_build_object('revision', (v_result ->> 'revision')::int,
                                                                            'changes', to_jsonb(v_changes)),
        'reply_text', format(E'Presupuesto %s actualizado (revisión %s). Cambios:\n%s\n\n%s\n\n%s %s',
            e.number, v_result ->> 'revision', (SELECT string_agg('• ' || c, E'\n') FROM unnest(v_changes) c),
            v_result ->> 'text', 'El enlace del cliente muestra siempre la última revisión:',
            estimate_card(e.number, p_public_url) ->> 'url'));
END
$$;

-- The plumber's message to the open estimate (est35, before estimate_converse_read, est34's reading):
--  (a) a price asked for an alternative ("¿y cuánto sería si fuera el de 100?", estimate_price_asked): the change is
--      made, its total read and the change rolled back; the reply says what it would cost and that nothing changed
--      (action 'unchanged'); what that change would ask back is asked (nothing changes either);
--  (f) "déjalo como estaba" (estimate_undo_said): a new revision with the lines of the revision before the last;
--      "vuelve a poner el sifón" (estimate_put_back): the line removed before, back as it was;
--  (d) an estimate the customer has decided, with words that add something the catalogue reads and that the reading
--      does not take as a change ("el cliente ya lo aceptó pero quiere que le pongamos también la válvula"): the
--      locked reply (a new estimate offered), never a new estimate made in its place nor a refusal.
CREATE OR REPLACE FUNCTION estimate_converse(p_conversation_id text, p_words text, p_message_id text DEFAULT NULL,
                                             p_public_url text DEFAULT '')
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    e        estimates;
    v_change text;
    v_try    jsonb;
    v_total  numeric;
    v_inputs jsonb;
    v_answer jsonb;
    v_lines  integer[];
    v_offer  jsonb;
    v_batch  jsonb;
    v_pos    integer;
    v_qty    numeric;
    v_new    numeric;
    v_other  text;
BEGIN
    e := estimate_current_for_update(p_conversation_id);
    IF e.id IS NULL THEN
        RETURN estimate_converse_read(p_conversation_id, p_words, p_message_id, p_public_url);
    END IF;
    -- (k5) the alternative a price was just asked for: taken ("sí, ponlo") or declined ("no, déjalo así"), only as the
    -- very next message and on the revision it was priced on; any message clears it
    SELECT offered INTO v_offer FROM estimate_conversation_current WHERE conversation_id = p_conversation_id;
    IF v_offer IS NOT NULL THEN
        UPDATE estimate_conversation_current SET offered = NULL WHERE conversation_id = p_conversation_id;
    END IF;
    IF v_offer IS NOT NULL AND (v_offer ->> 'revision')::int = e.revision AND e.status IN ('draft', 'sent') THEN
        -- (est39, k6) the option asked about, taken by a word of it: "dale, poné el extraíble" after "¿y con el
        -- monomando de caño extraíble en vez del común cuánto queda?" (every word after the article is the offer's)
        v_change := substring(estimate_plain(p_words) FROM
            '^(?:(?:dale|listo|vale|ok|okey|si|bueno|entonces|pues|va|venga|perfecto|bien) )*(?:pone|pon|ponle|ponele|poneme|ponme|'
            || 'ponga|pongale|mete|metele|me quedo con|nos quedamos con|vamos con) (?:el|la|los|las) ([a-z][a-z ]*)$');
        IF v_change IS NOT NULL AND NOT estimate_change_size_only('el de ' || v_change)
           AND string_to_array(estimate_words(v_change), ' ') <@ string_to_array(estimate_words(v_offer ->> 'words'), ' ') THEN
            v_answer := estimate_converse_read(p_conversation_id, v_offer ->> 'words', p_message_id, p_public_url);
            IF (v_answer ->> 'handled')::boolean THEN
                RETURN v_answer;
            END IF;
        END IF;
        IF estimate_offer_taken(p_words) THEN
            v_answer := estimate_converse_read(p_conversation_id, v_offer ->> 'words', p_message_id, p_public_url);
            IF (v_answer ->> 'handled')::boolean THEN
                RETURN v_answer;
            END IF;
        ELSIF estimate_offer_declined(p_words) THEN
            RETURN jsonb_build_object(
                'handled', true, 'action', 'unchanged', 'kind', 'price', 'number', e.number, 'revision', e.revision,
                'changes', '[]'::jsonb, 'card', NULL, 'total_if', e.total,
                'reply_text', format('Vale, el presupuesto %s se queda como está: %s.', e.number,
                                     estimate_money(e.total, e.currency)));
        END IF;
    END IF;
    v_change := estimate_price_asked(e, p_words);
    IF v_change IS NOT NULL THEN
        IF e.status IN ('accepted', 'rejected') THEN
            RETURN estimate_locked_answer(e, 'price', p_public_url);
        END IF;
        BEGIN
            v_try := estimate_converse_read(p_conversation_id, v_change, NULL, p_public_url);
            SELECT total INTO v_total FROM estimates WHERE id = e.id;
            RAISE EXCEPTION 'price asked' USING ERRCODE = 'RX003';
        EXCEPTION WHEN SQLSTATE 'RX003' THEN
            NULL;   -- (the change is rolled back: the estimate stays as it was)
        END;
        IF (v_try ->> 'handled')::boolean AND v_try ->> 'action' = 'revised' THEN
            UPDATE estimate_conversation_current SET offered = jsonb_build_object('words', v_change, 'revision', e.revision)
             WHERE conversation_id = p_conversation_id;
            RETURN jsonb_build_object(
                'handled', true, 'action', 'unchanged', 'kind', 'price', 'number', e.number, 'revision', e.revision,
                'changes', '[]'::jsonb, 'card', NULL, 'total_if', v_total,
                'reply_text', format(E'Con ese cambio el presupuesto %s quedaría en %s (ahora %s):\n%s\n\nNo lo he cambiado: '
                    || 'si lo quieres así, dímelo y hago la revisión.',
                    e.number, estimate_money(v_total, e.currency), estimate_money(e.total, e.currency),
                    (SELECT string_agg('• ' || c, E'\n') FROM jsonb_array_elements_text(v_try -> 'changes') c
                      WHERE c NOT LIKE 'Total: %')));
        ELSIF (v_try ->> 'handled')::boolean AND v_try ->> 'action' = 'unchanged' THEN
            RETURN jsonb_build_object(
                'handled', true, 'action', 'unchanged', 'kind', 'price', 'number', e.number, 'revision', e.revision,
                'changes', '[]'::jsonb, 'card', NULL, 'total_if', e.total,
                'reply_text', format('El presupuesto %s ya está así: %s.', e.number, estimate_money(e.total, e.currency)));
        ELSIF (v_try ->> 'handled')::boolean THEN
            RETURN v_try || jsonb_build_object('kind', 'price', 'reply_text',
                'Para decirte cuánto sería: ' || coalesce(v_try ->> 'reply_text', ''));
        END IF;
    END IF;
    IF e.status IN ('draft', 'sent') AND e.revision > 1 AND estimate_undo_said(p_words) THEN
        SELECT inputs INTO v_inputs FROM estimate_revisions WHERE estimate_id = e.id AND revision = e.revision - 1;
        IF v_inputs IS NOT NULL AND v_inputs IS DISTINCT FROM e.inputs THEN
            UPDATE estimate_conversation_current SET pending = NULL
             WHERE conversation_id = p_conversation_id AND pending IS NOT NULL;
            RETURN estimate_revised_answer(e, v_inputs, ARRAY[format('Como estaba en la revisión %s', e.revision - 1)],
                                           'undo', p_words, p_message_id, p_public_url);
        END IF;
    END IF;
    IF e.status IN ('draft', 'sent') THEN
        v_inputs := estimate_put_back(e, p_words);
        IF v_inputs IS NOT NULL THEN
            UPDATE estimate_conversation_current SET pending = NULL
             WHERE conversation_id = p_conversation_id AND pending IS NOT NULL;
            RETURN estimate_revised_answer(e, e.inputs || v_inputs,
                ARRAY(SELECT 'Vuelve a estar: ' || estimate_line_label(
                                 coalesce((SELECT c.name FROM price_catalog c WHERE c.code = b ->> 'item'), b ->> 'item'),
                                 coalesce((b ->> 'quantity')::numeric, 1),
                                 coalesce((SELECT c.unit FROM price_catalog c WHERE c.code = b ->> 'item'), b ->> 'unit', 'ud'))
                        FROM jsonb_array_elements(v_inputs) b),
                'add', p_words, p_message_id, p_public_url);
        END IF;
    END IF;
    -- (k3) when the job is done ("es urgente, vamos esta noche", "lo hacemos el domingo") or a second visit: the
    -- call-out and hours of that time, before the reading as said (which would read "urgente" as a new request)
    IF e.status IN ('draft', 'sent') THEN
        v_inputs := estimate_when_change(e, p_words);
        IF v_inputs IS NOT NULL THEN
            UPDATE estimate_conversation_current SET pending = NULL
             WHERE conversation_id = p_conversation_id AND pending IS NOT NULL;
            RETURN estimate_revised_answer(e, v_inputs,
                ARRAY(SELECT format('Cambiado: %s → %s', a.name, b.name)
                        FROM jsonb_array_elements(e.inputs) WITH ORDINALITY o(x, n)
                        JOIN jsonb_array_elements(v_inputs) WITH ORDINALITY w(y, m) ON m = n
                        JOIN price_catalog a ON a.code = coalesce(x ->> 'item', (SELECT labour_code FROM estimate_settings WHERE id))
                        JOIN price_catalog b ON b.code = y ->> 'item'
                       WHERE a.code <> b.code
                      UNION ALL
                      SELECT 'Añadido: ' || estimate_line_label(c.name, coalesce((y ->> 'quantity')::numeric, 1), c.unit)
                        FROM jsonb_array_elements(v_inputs) WITH ORDINALITY w(y, m)
                        JOIN price_catalog c ON c.code = y ->> 'item'
                       WHERE m > jsonb_array_length(e.inputs)
                      UNION ALL
                      SELECT format('%s: %s → %s', c.name, estimate_number_es((x ->> 'quantity')::numeric), estimate_number_es((y ->> 'quantity')::numeric))
                        FROM jsonb_array_elements(e.inputs) WITH ORDINALITY o(x, n)
                        JOIN jsonb_array_elements(v_inputs) WITH ORDINALITY w(y, m) ON m = n
                        JOIN price_catalog c ON c.code = y ->> 'item'
                       WHERE x ->> 'item' = y ->> 'item' AND (x ->> 'quantity')::numeric <> (y ->> 'quantity')::numeric),
                'add', p_words, p_message_id, p_public_url);
        END IF;
    END IF;
    -- (est39, k2) a count said again as a frequency or a product ("cuatro veces al año, así que ocho", "dos por
    -- habitación y cinco habitaciones"): that line's count, before the reading as said (which reads the numbers as
    -- new lines or asks which)
    IF e.status IN ('draft', 'sent') THEN
        v_try := coalesce(estimate_count_restated(e, p_words), estimate_more_metres(e, p_words));
        IF v_try IS NOT NULL THEN
            SELECT l.quantity, l.position INTO v_qty, v_pos FROM estimate_lines l
             WHERE l.estimate_id = e.id AND l.position = (v_try ->> 'line')::int;
            SELECT n INTO v_pos FROM jsonb_array_elements(e.inputs) WITH ORDINALITY t(x, n)
             WHERE x ->> 'item' = (SELECT l.catalog_code FROM estimate_lines l WHERE l.estimate_id = e.id AND l.position = v_pos)
             ORDER BY n LIMIT 1;
            IF v_pos IS NOT NULL THEN
                v_inputs := jsonb_set(e.inputs, ARRAY[(v_pos - 1)::text, 'quantity'], to_jsonb((v_try ->> 'value')::numeric));
                UPDATE estimate_conversation_current SET pending = NULL
                 WHERE conversation_id = p_conversation_id AND pending IS NOT NULL;
                RETURN estimate_revised_answer(e, v_inputs,
                    ARRAY[format('%s: %s → %s', (SELECT c.name FROM price_catalog c WHERE c.code = v_inputs -> (v_pos - 1) ->> 'item'),
                                 estimate_number_es(v_qty), estimate_number_es((v_try ->> 'value')::numeric))],
                    'quantity', p_words, p_message_id, p_public_url);
            END IF;
        END IF;
    END IF;
    -- (k4) one or some of a batch's flats or rooms changed ("en el tercero son dos latiguillos", "y en el baño de
    -- servicio que sea de 3/4"): only on an estimate with a line counted for a batch, before the reading as said
    -- (which reads "servicio" as a call-out, "dos latiguillos" as a new request)
    IF e.status IN ('draft', 'sent') THEN
        v_batch := estimate_batch_change(e, p_words);
        IF v_batch ->> 'op' IN ('units', 'add') THEN
            IF v_batch ->> 'op' = 'units' THEN
                -- (est39, SAID-38 §6 n5) the job rule's hours counted again for the new count, per unit of the batch
                -- ("no, son 6 pisos": 4 → 6 h) — only while they are the hours the first reading gave (hours the
                -- plumber said or set since are his and stay)
                v_qty := (SELECT (x ->> 'batch')::numeric FROM jsonb_array_elements(e.inputs) x WHERE x ? 'batch' LIMIT 1);
                SELECT jsonb_agg(CASE WHEN x ? 'batch'
                                      THEN x || jsonb_build_object('quantity', (x ->> 'quantity')::numeric / (x ->> 'batch')::numeric
                                                                                * (v_batch ->> 'n')::numeric,
                                                                   'batch', (v_batch ->> 'n')::int)
                                      WHEN x ? 'labour_hours' AND NOT x ? 'item' AND v_qty > 0
                                           AND x = ANY (SELECT y FROM estimate_revisions r, jsonb_array_elements(r.inputs) y
                                                         WHERE r.estimate_id = e.id AND r.revision = 1)
                                      THEN jsonb_build_object('labour_hours', round((x ->> 'labour_hours')::numeric / v_qty
                                                                                    * (v_batch ->> 'n')::numeric, 2))
                                      ELSE x END ORDER BY n)
                  INTO v_inputs FROM jsonb_array_elements(e.inputs) WITH ORDINALITY t(x, n);
            ELSE
                v_inputs := e.inputs || (v_batch -> 'items');
            END IF;
            UPDATE estimate_conversation_current SET pending = NULL
             WHERE conversation_id = p_conversation_id AND pending IS NOT NULL;
            RETURN estimate_revised_answer(e, v_inputs,
                ARRAY(SELECT format('%s: %s → %s', c.name, estimate_number_es((x ->> 'quantity')::numeric),
                                    estimate_number_es((y ->> 'quantity')::numeric))
                        FROM jsonb_array_elements(e.inputs) WITH ORDINALITY o(x, n)
                        JOIN jsonb_array_elements(v_inputs) WITH ORDINALITY w(y, m) ON m = n
                        JOIN price_catalog c ON c.code = y ->> 'item'
                       WHERE (x ->> 'quantity')::numeric <> (y ->> 'quantity')::numeric
                      UNION ALL
                      SELECT 'Añadido: ' || estimate_line_label(c.name, (y ->> 'quantity')::numeric, c.unit)
                        FROM jsonb_array_elements(v_inputs) WITH ORDINALITY w(y, m)
                        JOIN price_catalog c ON c.code = y ->> 'item'
                       WHERE m > jsonb_array_length(e.inputs)
                      UNION ALL
                      SELECT format('Mano de obra: %s → %s h', estimate_number_es((x ->> 'labour_hours')::numeric),
                                    estimate_number_es((y ->> 'labour_hours')::numeric))
                        FROM jsonb_array_elements(e.inputs) WITH ORDINALITY o(x, n)
                        JOIN jsonb_array_elements(v_inputs) WITH ORDINALITY w(y, m) ON m = n
                       WHERE x ? 'labour_hours' AND NOT x ? 'item' AND x <> y),
                CASE WHEN v_batch ->> 'op' = 'add' THEN 'add' ELSE 'quantity' END, p_words, p_message_id, p_public_url);
        END IF;
        IF v_batch IS NOT NULL THEN
            v_inputs := e.inputs;
            v_pos := (v_batch ->> 'position')::int;
            v_qty := (v_inputs -> (v_pos - 1) ->> 'quantity')::numeric;
            IF v_batch ->> 'op' = 'size' THEN
                -- the row of the other size: the line resized as a revision would, read and rolled back
                BEGIN
                    v_try := estimate_converse_read(p_conversation_id,
                                 (SELECT 'el ' || lower(split_part(l.description, ' ', 1)) FROM estimate_lines l
                                   WHERE l.estimate_id = e.id AND l.catalog_code = v_inputs -> (v_pos - 1) ->> 'item' LIMIT 1)
                                 || ' que sea de ' || (v_batch ->> 'size'),
                                 NULL, p_public_url);
                    SELECT x ->> 'item' INTO v_other FROM estimates r, jsonb_array_elements(r.inputs) WITH ORDINALITY t(x, n)
                     WHERE r.id = e.id AND n = v_pos;
                    RAISE EXCEPTION 'batch size' USING ERRCODE = 'RX004';
                EXCEPTION WHEN SQLSTATE 'RX004' THEN
                    NULL;
                END;
                IF (v_try ->> 'action') = 'revised' AND v_other IS NOT NULL AND v_other <> v_inputs -> (v_pos - 1) ->> 'item'
                   AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_other AND c.active)
                   AND v_qty > (v_batch ->> 'n')::numeric THEN
                    v_inputs := jsonb_set(v_inputs, ARRAY[(v_pos - 1)::text, 'quantity'], to_jsonb(v_qty - (v_batch ->> 'n')::numeric))
                                || jsonb_build_array(jsonb_build_object('item', v_other, 'quantity', (v_batch ->> 'n')::numeric));
                    UPDATE estimate_conversation_current SET pending = NULL
                     WHERE conversation_id = p_conversation_id AND pending IS NOT NULL;
                    RETURN estimate_revised_answer(e, v_inputs,
                        ARRAY[format('%s: %s → %s', (SELECT c.name FROM price_catalog c WHERE c.code = e.inputs -> (v_pos - 1) ->> 'item'),
                                     estimate_number_es(v_qty), estimate_number_es(v_qty - (v_batch ->> 'n')::numeric)),
                              'Añadido: ' || estimate_line_label((SELECT c.name FROM price_catalog c WHERE c.code = v_other),
                                                                (v_batch ->> 'n')::numeric,
                                                                (SELECT c.unit FROM price_catalog c WHERE c.code = v_other))],
                        'quantity', p_words, p_message_id, p_public_url);
                END IF;
            ELSE
                v_new := v_qty + CASE WHEN v_batch ->> 'op' = 'more' THEN 1 ELSE -1 END * (v_batch ->> 'n')::numeric;
                IF v_new > 0 THEN
                    v_inputs := jsonb_set(v_inputs, ARRAY[(v_pos - 1)::text, 'quantity'], to_jsonb(v_new));
                    UPDATE estimate_conversation_current SET pending = NULL
                     WHERE conversation_id = p_conversation_id AND pending IS NOT NULL;
                    RETURN estimate_revised_answer(e, v_inputs,
                        ARRAY[format('%s: %s → %s', (SELECT c.name FROM price_catalog c WHERE c.code = v_inputs -> (v_pos - 1) ->> 'item'),
                                     estimate_number_es(v_qty), estimate_number_es(v_new))],
                        'quantity', p_words, p_message_id, p_public_url);
                END IF;
            END IF;
        END IF;
    END IF;
    v_answer := estimate_converse_read(p_conversation_id, p_words, p_message_id, p_public_url);
    IF NOT (v_answer ->> 'handled')::boolean AND e.status IN ('accepted', 'rejected') AND estimate_adds_said(p_words) THEN
        RETURN estimate_locked_answer(e, 'add', p_public_url);
    END IF;
    -- (b) the customer as the subject of a removal or a keep, when the reading as said changed nothing or asked
    IF e.status IN ('draft', 'sent') AND (NOT (v_answer ->> 'handled')::boolean OR v_answer ->> 'action' = 'asked') THEN
        v_lines := estimate_customer_keeps(e, p_words);
        IF v_lines IS NOT NULL THEN
            UPDATE estimate_conversation_current SET pending = NULL
             WHERE conversation_id = p_conversation_id AND pending IS NOT NULL;
            RETURN estimate_revised_answer(e,
                (SELECT coalesce(jsonb_agg(x ORDER BY n), '[]') FROM jsonb_array_elements(e.inputs) WITH ORDINALITY t(x, n)
                  WHERE NOT n = ANY (v_lines)),
                ARRAY(SELECT format('Quitado: %s', estimate_line_label(l.description, l.quantity, l.unit))
                        FROM estimate_lines l WHERE l.estimate_id = e.id AND l.position = ANY (v_lines) ORDER BY l.position),
                'remove', p_words, p_message_id, p_public_url);
        END IF;
    END IF;
    RETURN v_answer;
END
$$;

-- For the chat's routing: the kind of change (estimate_change_kind_read, est34's) or, for the messages
-- estimate_converse answers before that reading, 'price', 'undo', 'add' (a line put back) or 'locked'.
CREATE OR REPLACE FUNCTION estimate_change_kind(p_conversation_id text, p_words text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN estimate_price_asked(e, p_words) IS NOT NULL THEN 'price'
        WHEN c.offered IS NOT NULL AND (c.offered ->> 'revision')::int = e.revision AND e.status IN ('draft', 'sent')
             AND (estimate_offer_taken(p_words) OR estimate_offer_declined(p_words)) THEN 'price'
        WHEN e.status IN ('draft', 'sent') AND e.revision > 1 AND estimate_undo_said(p_words) THEN 'undo'
        WHEN e.status IN ('draft', 'sent') AND estimate_put_back(e, p_words) IS NOT NULL THEN 'add'
        WHEN e.status IN ('draft', 'sent') AND estimate_when_change(e, p_words) IS NOT NULL THEN 'add'
        ELSE coalesce(estimate_change_kind_read(p_conversation_id, p_words),
                      CASE WHEN e.status IN ('accepted', 'rejected') AND estimate_adds_said(p_words) THEN 'locked'
                           WHEN e.status IN ('draft', 'sent') AND estimate_customer_keeps(e, p_words) IS NOT NULL THEN 'remove'
                           WHEN e.status IN ('draft', 'sent') AND estimate_batch_change(e, p_words) ->> 'op' = 'add' THEN 'add'
                           WHEN e.status IN ('draft', 'sent') AND estimate_batch_change(e, p_words) IS NOT NULL THEN 'quantity' END)
        END
    FROM estimate_conversation_current c JOIN estimates e ON e.id = c.estimate_id
    WHERE c.conversation_id = p_conversation_id
$$;

-- The folded word lists of estimate_settings (match.sql, estimate_word_list_cache), rebuilt on every start after
-- every file has added its columns (the folding functions may have changed too) — unless the inputs of the caches
-- are those the last start ended with (start_build_current, knowledge/schema.sql); then what the next start compares.
DO $$
BEGIN
    IF NOT start_build_current('estimates', 'estimate_cache_inputs') THEN
        DELETE FROM estimate_word_list_cache;
        PERFORM estimate_word_list_cache_refresh();
    END IF;
END
$$;
SELECT start_build_recorded('estimates', 'estimate_cache_inputs');

-- The revision phrases' cache, compared at every start (the folding may have changed; staff rows are read as they
-- are): a meaning is written only when its alternation differs from the one cached.
SELECT estimate_revision_phrase_cache_refresh();
