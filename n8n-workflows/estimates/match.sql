-- Remedios estimates: finding the catalogue in the plumber's own words, and the job rules.
-- Applied after estimates/schema.sql and before estimates/seed.sql, on every start. Idempotent.
--
-- Why: the small local models cannot be trusted to pick catalogue codes (measured: eval/estimates.jsonl,
-- bench/estimates/RESULTS.md). So what gets a price is decided here, by rules the business can read and edit:
--   1. estimate_match(words) finds catalogue names and aliases in the message ("3 metros de tubería de cobre
--      de 15", "un calentador de 40 galones") with their quantities, and applies the job rules
--      (estimate_jobs): the labour hours and the usual extras of a job ("cambiar un termo" = kit de conexión,
--      válvula, 2,5 h), plus the service call. Taking the old one away (a line of kind 'disposal') is priced
--      only when the words ask for it ("y retirar el viejo"): no rule adds it.
--   2. estimate_merge(words, model_items) adds what the AI model found that is NOT in the catalogue, as lines
--      "a cotizar" (never priced), and the model's labour hours only when no rule or words gave them.
-- The result goes to estimate_create(), which prices it.

-- ---------------------------------------------------------------------------------------------------------
-- Words: estimate_normalize(), Spanish number words as digits, plurals folded ("codos" = "codo",
-- "racores" = "racor", "llaves" = "llave"), and the spelling mistakes of sound-alike letters folded too
-- (v = b, ll = y, z = c: "tuveria" = "tubería", "yave" = "llave"). The same folding is applied to the
-- catalogue, so it only has to make both sides equal, not to be good Spanish.
-- ---------------------------------------------------------------------------------------------------------
-- The one reading of Spanish number words (esattr): every number word the estimates read, with its value. Used by
-- estimate_word (the words of two and more are folded to digits, on both sides: message and catalogue), by
-- estimate_number_word (revisions: "dos", "una", "media" = 0.5) and, as regex alternations, by every pattern that
-- looks for a count said in words (estimate_count_re) or a size said in words (estimate_size_number_re). Not a
-- staff list: these are the language's words, and estimate_word folds the catalogue too (its caches and
-- IMMUTABLE callers would need refolding after every edit); the business's own word lists are in estimate_settings.
CREATE OR REPLACE FUNCTION estimate_number_words() RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '{"un": 1, "una": 1, "uno": 1, "media": 0.5,
             "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
             "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
             "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintidos": 22,
             "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintisiete": 27,
             "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
             "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200,
             "trescientos": 300, "quinientos": 500, "mil": 1000}'::jsonb
$$;

-- The words a count is said with, as a regex alternation (longest first) for patterns over plain or raw words:
-- one ("un", "una", "uno") to fifteen, twenty and thirty. The other number words (16-19, 21-29, 40…) are far
-- more often sizes ("de veintidos", "veinticinco milimetros") than counts, so no count pattern reads them (as
-- before: each pattern had its own copy of this list). p_from 2: the counts of two and more ("litros dos
-- mangueras", where "un"/"una" would be an article).
CREATE OR REPLACE FUNCTION estimate_count_re(p_from numeric DEFAULT 1) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT string_agg(key, '|' ORDER BY length(key) DESC, key)
    FROM jsonb_each_text(estimate_number_words())
    WHERE value::numeric >= p_from AND value::numeric = trunc(value::numeric)
      AND (value::numeric <= 15 OR value::numeric IN (20, 30))
$$;

-- The number words a size is said with after "de" ("de dieciseis", "de veintidos", "de cincuenta"): one to fifty
-- but "un" (an article there: "de un cuarto" is read as a size phrase by its callers).
CREATE OR REPLACE FUNCTION estimate_size_number_re() RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT string_agg(key, '|' ORDER BY length(key) DESC, key)
    FROM jsonb_each_text(estimate_number_words())
    WHERE value::numeric >= 1 AND value::numeric <= 50 AND value::numeric = trunc(value::numeric) AND key <> 'un'
$$;

CREATE OR REPLACE FUNCTION estimate_word(word text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN word ~ '^[0-9]' THEN word
        -- number words of two and more as digits (estimate_number_words; "un", "una", "uno", "media" stay words)
        WHEN (estimate_number_words() ->> word)::numeric >= 2 THEN estimate_number_words() ->> word
        WHEN word IN ('mts', 'mtrs', 'mtr', 'mtro', 'mtros', 'mt', 'ml', 'mtl', 'mtls', 'metros') THEN 'metro'
        -- the tee fitting: its plural "tes" (too short for the plural rule below) and the spelling "tee"/"tees"
        -- are "te" ("2 tes de multicapa de 20" = "te de multicapa de 20"); "te" alone stays "te" (also a pronoun)
        WHEN word IN ('tes', 'tee', 'tees') THEN 'te'
        ELSE translate(replace(
                 CASE WHEN length(word) > 3 THEN regexp_replace(regexp_replace(word, 's$', ''), '([rlndzj])e$', '\1')
                      ELSE word END,
                 'll', 'y'), 'vz', 'bc') END
$$;

-- Sizes and measures in one form, on both sides (the message and the catalogue): "media pulgada", "de media",
-- "1/2 pulgada" and 1/2" are "1/2"; "tres cuartos" is "3/4"; "uno y medio" / "pulgada y media" is "1 1/2";
-- "litros", "lts", "l/min", "litros por minuto" are "l" ("80 litros" = "80 l"; an instantaneous heater's
-- "11 litros" = its 11 l/min); "metros lineales" are metres. "media hora" and "y media" (hours) are left to
-- estimate_hours_words.
CREATE OR REPLACE FUNCTION estimate_size_words(folded text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    t text := ' ' || coalesce(folded, '') || ' ';
    m text[];
BEGIN
    -- Compound number words, as read one by one: "dos mil" (2 1000) = 2000, "mil cien" (1000 100) = 1100,
    -- "ciento diez" (100 10) = 110, "quinientos cincuenta" (500 50) = 550, "ciento veinticinco" = 125.
    -- (estimate_words marks the numbers it read from words with '#'; digits as typed, "100 2", are not joined.)
    LOOP
        m := regexp_match(t, ' #([2-9]) #(1000) ');
        EXIT WHEN m IS NULL;
        t := regexp_replace(t, ' #' || m[1] || ' #1000 ', ' #' || (m[1]::int * 1000)::text || ' ');
    END LOOP;
    LOOP
        m := regexp_match(t, ' #([1-9]000) #([1-9]00|[1-9][0-9]?) ');
        EXIT WHEN m IS NULL;
        t := regexp_replace(t, ' #' || m[1] || ' #' || m[2] || ' ', ' #' || (m[1]::int + m[2]::int)::text || ' ');
    END LOOP;
    LOOP
        m := regexp_match(t, ' #([1-9]000|[1-9]00) #([1-9][0-9]?) ');
        EXIT WHEN m IS NULL;
        t := regexp_replace(t, ' #' || m[1] || ' #' || m[2] || ' ', ' #' || (m[1]::int + m[2]::int)::text || ' ');
    END LOOP;
    t := replace(t, '#', '');
    t := regexp_replace(t, ' metro lineal ', ' metro ', 'g');
    -- a length in feet is metres ("cincuenta pies de tubo" = 15.24 m): a foot is 0.3048 m, only after a number
    LOOP
        m := regexp_match(t, ' ([0-9]+(?:[.][0-9]+)?) (?:pie|ft) ');
        EXIT WHEN m IS NULL;
        t := regexp_replace(t, ' ' || replace(m[1], '.', '[.]') || ' (?:pie|ft) ',
                            ' ' || trim_scale(round(m[1]::numeric * 0.3048, 2))::text || ' metro ');
    END LOOP;
    t := regexp_replace(t, ' (litro|lt|lts|ltr|ltrs|l/min|l/m|lpm)(?: (?:por|x|/) minuto| min)? ', ' l ', 'g');
    t := regexp_replace(t, ' l (?:por|x|/) minuto ', ' l ', 'g');
    t := regexp_replace(t, ' l min ', ' l ', 'g');
    t := regexp_replace(t, ' (?:1|uno) y medio ', ' 1 1/2 ', 'g');
    t := regexp_replace(t, ' (?:1|uno) y (?:1 )?cuarto ', ' 1 1/4 ', 'g');   -- "uno y cuarto" (1 1/4")
    t := regexp_replace(t, ' pulgada y media ', ' 1 1/2 ', 'g');
    t := regexp_replace(t, ' pulgada y cuarto ', ' 1 1/4 ', 'g');
    t := regexp_replace(t, ' 3 cuarto ', ' 3/4 ', 'g');
    t := regexp_replace(t, ' media pulgada ', ' 1/2 ', 'g');
    t := regexp_replace(t, '(?<! y) media (?!hora )', ' 1/2 ', 'g');
    t := regexp_replace(t, ' ([0-9]+(?:/[0-9]+)?) pulgada(?= )', ' \1', 'g');  -- the lookahead: "1/2 pulgada 3/4 pulgada"
    -- An elbow's angle is no size (esfix14): "codo 90 de 1/2", "codo de 90 de media", "codos a 45", "codo de
    -- 90°" / "a 90 grados" say the bend; the size is the other number (or is asked). It is an angle when it is
    -- said with degrees, after "a", right after the elbow's words and before another size (a fraction or a
    -- two- or three-digit size, not a length or hours), or 45 anywhere after the elbow's words (no 45 mm elbow
    -- exists). 90° is the plain elbow of every catalogue row: the angle is dropped. 45° becomes the word
    -- "angulo", which no elbow row says (a pair of estimate_settings.conflict_words keeps the line a cotizar).
    IF (position(' codo' IN t) > 0 OR position(' curva' IN t) > 0) AND (position(' 90 ' IN t) > 0 OR position(' 45 ' IN t) > 0) THEN
    t := regexp_replace(t, ' ((?:codo|curva|codito)(?: [a-z]+){0,3}) (?:a )?(90|45) (?:grado |o )?'
                           '(?=(?:[0-9]+ )?[0-9]+/[0-9]+ |[1-9][0-9]{1,2} (?!metro |m |hora |h |ud |unidad ))',
                        ' \1 \2# ', 'g');
    t := regexp_replace(t, ' ((?:codo|curva|codito)(?: [a-z0-9/]+){0,4}?) a (90|45)(?= )', ' \1 \2# ', 'g');
    t := regexp_replace(t, ' ((?:codo|curva|codito)(?: [a-z0-9/]+){0,4}?) (90|45) (?:grado|o(?! [0-9]))(?= )',
                        ' \1 \2# ', 'g');
    t := regexp_replace(t, ' ((?:codo|curva|codito)(?: [a-z0-9/]+){0,4}?) 45(?= )', ' \1 45# ', 'g');
    t := replace(t, ' 90# ', ' ');
    t := regexp_replace(t, '(?: a)? 45# ', ' angulo ', 'g');
    END IF;
    RETURN btrim(regexp_replace(t, '\s+', ' ', 'g'));
END
$$;

-- (revise31) "de un metro" is one metre: a length said of the thing after its size. estimate_normalize drops "un" as
-- an article, so in "tubo de pvc de dos pulgadas de un metro" the size's number stood right before "metro" and was
-- read as 2 m of an open pipe; now "tubo pbc 2 1 metro", as "de 2 pulgadas de 1 metro" always read (50 mm, 1 m).
-- Only after "de": "… de media y un metro de tubo …" is left as it was (a metre count said before the thing is read
-- by the quantity rules, which would count a "1 metro" there twice when the thing is also named just before it).
CREATE OR REPLACE FUNCTION estimate_words(input text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT estimate_size_words(coalesce(string_agg(CASE WHEN w !~ '^[0-9]' AND estimate_word(w) ~ '^[0-9]+$'
                                                         THEN '#' || estimate_word(w) ELSE estimate_word(w) END,
                                                    ' ' ORDER BY n), ''))
    FROM regexp_split_to_table(estimate_normalize(regexp_replace(input, '(^|[^[:alnum:]])de\s+un\s+(metros?|mts?|mtrs?|mtros?|ml)(?![[:alnum:]])', '\1de 1 \2', 'gi')),
                               ' ') WITH ORDINALITY AS t(w, n)
    WHERE w <> ''
$$;

-- A revision's words folded plain (revise.sql): lower case, no accents, punctuation as spaces (keeps digits, '/',
-- '.' and ',' between digits); a code's digits are dropped as in estimate_normalize (estimate_codes_out).
CREATE OR REPLACE FUNCTION estimate_plain(input text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(estimate_codes_out(regexp_replace(regexp_replace(' ' || estimate_pair_words(kb_normalize(coalesce(input, ''))) || ' ',
               '([0-9]),([0-9])', '\1.\2', 'g'), '[^a-z0-9/.]+|(?<![0-9])\.|\.(?![0-9])', ' ', 'g')), '\s+', ' ', 'g'))
$$;

-- The one reading of a staff-editable word list (a column of estimate_settings: words or phrases separated by
-- commas, ';' or new lines), each entry folded as the words it is compared with: fold 'words' (the default) as
-- estimate_match reads the message (estimate_words: "Cambiar, sustituir" -> {cambiar, sustituir}, plurals and
-- sound-alikes folded), fold 'plain' only without case, accents or punctuation (estimate_plain, above: a
-- revision's words and single raw tokens). Compare it with the words with && or ANY.
DROP FUNCTION IF EXISTS estimate_word_list(text);   -- before the fold argument
CREATE OR REPLACE FUNCTION estimate_word_list_computed(input text, fold text DEFAULT 'words') RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(CASE fold WHEN 'plain' THEN estimate_plain(x) ELSE estimate_words(x) END)
                    FILTER (WHERE btrim(x) <> ''), '{}')
    FROM regexp_split_to_table(coalesce(input, ''), '[,;\n]') AS x
$$;

-- The word lists of estimate_settings as they are now, folded both ways (a revision reads them thousands of times:
-- bench/SUITE-TIME.md). Kept by estimate_word_list_cache_refresh (a trigger on estimate_settings, and every start
-- at the end of revise.sql); read only when the list asked is equal, text for text, to the cached one, so a list
-- it does not hold (an estimate_jobs row's words, a staff edit not yet seen) is folded as before.
CREATE TABLE IF NOT EXISTS estimate_word_list_cache (
    list_md5 text NOT NULL,
    fold_as  text NOT NULL,
    list     text NOT NULL,
    words    text[] NOT NULL,
    PRIMARY KEY (list_md5, fold_as)
);

CREATE OR REPLACE FUNCTION estimate_word_list(input text, fold text DEFAULT 'words') RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce((SELECT k.words FROM estimate_word_list_cache k
                     WHERE k.list_md5 = md5(coalesce($1, '')) AND k.fold_as = $2 AND k.list = coalesce($1, '')),
                    estimate_word_list_computed($1, $2))
$$;

CREATE OR REPLACE FUNCTION estimate_word_list_cache_refresh() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    -- the lists of estimate_settings now (not the business name or a rate); only what changed is folded again
    DELETE FROM estimate_word_list_cache k
    WHERE NOT EXISTS (SELECT 1 FROM estimate_settings s, jsonb_each_text(to_jsonb(s)) AS v(key, value)
                      WHERE s.id AND v.value = k.list);
    INSERT INTO estimate_word_list_cache (list_md5, fold_as, list, words)
    SELECT md5(n.list), f.fold, n.list, estimate_word_list_computed(n.list, f.fold)
    FROM (SELECT DISTINCT v.value AS list FROM estimate_settings s, jsonb_each_text(to_jsonb(s)) AS v(key, value)
          WHERE s.id AND v.value ~ '[,;\n]') n,
         (VALUES ('words'), ('plain')) AS f(fold)
    WHERE NOT EXISTS (SELECT 1 FROM estimate_word_list_cache k WHERE k.list_md5 = md5(n.list) AND k.fold_as = f.fold)
    ON CONFLICT DO NOTHING;
END
$$;

CREATE OR REPLACE FUNCTION estimate_word_list_cache_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM estimate_word_list_cache_refresh();
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER estimate_settings_word_lists AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE
    ON estimate_settings FOR EACH STATEMENT EXECUTE FUNCTION estimate_word_list_cache_sync();

-- ---------------------------------------------------------------------------------------------------------
-- Job rules: what a kind of job adds when the plumber names one of its catalogue items with a verb of work
-- ("cambiar", "instalar", "poner"...). Staff edit these rows like the catalogue (see README.md).
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS estimate_jobs (
    code            text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name            text NOT NULL CHECK (btrim(name) <> ''),
    items           text NOT NULL,              -- catalogue codes that trigger the rule, comma separated
    labour_hours    numeric(6,2) NOT NULL DEFAULT 0 CHECK (labour_hours >= 0),      -- once per job
    labour_per_unit numeric(6,3) NOT NULL DEFAULT 0 CHECK (labour_per_unit >= 0),   -- per m / ud named
    extras          text NOT NULL DEFAULT '',   -- catalogue codes always added, one unit each, comma separated
    words           text NOT NULL DEFAULT '',   -- only when one of these words is said (empty = settings.job_words)
    active          boolean NOT NULL DEFAULT true,
    seed_md5        text,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE TRIGGER estimate_jobs_touch BEFORE UPDATE ON estimate_jobs
    FOR EACH ROW EXECUTE FUNCTION kb_touch_updated_at();

-- The words that make a message a job (and not only a price for materials), and the service call added to
-- every job unless the plumber named one (e.g. "salida urgente"). NULL = no automatic service call.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS job_words text NOT NULL DEFAULT
    'cambiar, cambio, sustituir, sustitucion, reemplazar, instalar, instalacion, poner, montar, montaje, '
    'colocar, reparar, reparacion, arreglar, renovar, rehacer, retirar, quitar, desmontar';
-- Unblocking and a few more trade verbs (Spain and Latin America). An installation still on the words above,
-- untouched by staff, gets the longer list; a list staff edited is theirs.
ALTER TABLE estimate_settings ALTER COLUMN job_words SET DEFAULT
    'cambiar, cambio, sustituir, sustitucion, reemplazar, instalar, instalacion, poner, montar, montaje, '
    'colocar, reparar, reparacion, arreglar, renovar, rehacer, retirar, quitar, desmontar, '
    'desatascar, desatasco, destapar, destape, desatrancar, desatorar, desembozar, sellar, soldar, conectar, '
    'empalmar, trasladar, mover';
UPDATE estimate_settings SET job_words =
    'cambiar, cambio, sustituir, sustitucion, reemplazar, instalar, instalacion, poner, montar, montaje, '
    'colocar, reparar, reparacion, arreglar, renovar, rehacer, retirar, quitar, desmontar, '
    'desatascar, desatasco, destapar, destape, desatrancar, desatorar, desembozar, sellar, soldar, conectar, '
    'empalmar, trasladar, mover'
WHERE job_words = 'cambiar, cambio, sustituir, sustitucion, reemplazar, instalar, instalacion, poner, montar, montaje, '
                  'colocar, reparar, reparacion, arreglar, renovar, rehacer, retirar, quitar, desmontar';
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS service_call_code text DEFAULT 'desplazamiento';
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS labour_step numeric(4,2) NOT NULL DEFAULT 0.25
    CHECK (labour_step > 0);                    -- rule hours are rounded up to this step
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS model_labour_max numeric(6,2) NOT NULL DEFAULT 8
    CHECK (model_labour_max >= 0);              -- 0 = never take labour hours from the AI model
-- Lines "a cotizar" from the AI model: off by default. Measured with the 0.5B default model (bench/estimates):
-- they added 1 right line for 12 lines of noise ("agua", "casa", "cocina") on the evaluation set.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS model_items boolean NOT NULL DEFAULT false;
-- Words for a part of something: "la resistencia del termo", "la junta del monomando", "la fuga de la
-- cisterna". The catalogue item said after "de" is where the part is, not a new one to price.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS part_words text NOT NULL DEFAULT
    'resistencia, anodo, termostato, junta, goma, empaque, arandela, mecanismo, flotador, boya, cartucho, montura, '
    'maneta, manilla, palanca, pulsador, tapa, asiento, bisagra, tornillo, tuerca, rosca, valvula, tapon, aireador, '
    'manguera, cadena, muelle, embellecedor, piloto, quemador, placa, sensor, ventilador, fuga, goteo, perdida, '
    'averia, rotura';

-- A line is priced only when its row is the same kind of thing the plumber asked for (eskind: "la resistencia del
-- termo" is no termo; estimate_thing_guard, price_catalog.thing). false: switched off.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS same_thing boolean NOT NULL DEFAULT true;
-- Words said before "de" that name no thing (measures, quantities, the job, talk): "el precio de un termo", "un par
-- de codos", "la instalación del termo" still ask for the termo.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS not_thing_words text NOT NULL DEFAULT
    'precio, presupuesto, cotizacion, costo, coste, valor, cuanto, cual, tipo, modelo, marca, medida, tamano, '
    'capacidad, potencia, diametro, largo, ancho, alto, par, pareja, docena, poco, mitad, resto, algo, todo, total, '
    'unidad, pieza, metro, litro, galon, pulgada, centimetro, hora, dia, rollo, caja, bolsa, paquete, lote, set, '
    'trabajo, servicio, obra, visita, mano, cambio, instalacion, colocacion, montaje, desmontaje, sustitucion, '
    'reposicion, suministro, reparacion, arreglo, mantenimiento, material, compra, agua, casa, cliente, uno, una, '
    'otro, otra, ninguno, alguno, ambos, cada, mismo, misma, igual, medio, cosa, parte, lado, zona, clase, estilo, '
    'color, acabado, nombre, numero';

-- Materials a job rule lists in `extras` (a connection kit, a safety valve) are priced only when staff switch
-- this on: by default nothing is priced that the plumber did not name (issue 18: "asked back, never guessed").
-- A shipped word list of estimate_settings that grew: the column's default becomes the longer list, and an
-- installation still on the shipped one (untouched by staff) gets the added words; a list staff edited is theirs.
CREATE OR REPLACE FUNCTION estimate_settings_grow_list(p_column text, p_shipped text, p_added text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE estimate_settings ALTER COLUMN %I SET DEFAULT %L', p_column, p_shipped || ', ' || p_added);
    EXECUTE format('UPDATE estimate_settings SET %I = %I || %L WHERE %I = %L', p_column, p_column, ', ' || p_added,
                   p_column, p_shipped);
END
$$;

-- The value a column of estimate_settings has by default (what Remedios ships for it now): its DEFAULT
-- expression evaluated. A column with no default is a mistake of the caller: raised, never read as NULL.
CREATE OR REPLACE FUNCTION estimate_settings_default(p_column text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_expr  text;
    v_value text;
BEGIN
    SELECT pg_get_expr(d.adbin, d.adrelid) INTO v_expr
    FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
    WHERE d.adrelid = 'estimate_settings'::regclass AND a.attname = p_column;
    IF v_expr IS NULL THEN
        RAISE EXCEPTION 'estimate_settings.% has no default', p_column;
    END IF;
    EXECUTE 'SELECT ' || v_expr INTO v_value;
    RETURN v_value;
END
$$;

-- One step of a shipped word list of estimate_settings that changed (esfix14): the column's default has the
-- fragment p_old replaced (once) by p_new, and an installation still on the default before the step (untouched by
-- staff) gets the new one; a value staff edited is theirs and never overwritten. Applied again (every deploy
-- re-runs these files) a step whose new fragment the default already has does nothing. Each migration is then
-- one line: SELECT estimate_settings_upgrade('kind_words', 'hierro / acero', 'hierro, fierro / acero').
CREATE OR REPLACE FUNCTION estimate_settings_upgrade(p_column text, p_old text, p_new text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_before text;
    v_after text;
BEGIN
    v_before := estimate_settings_default(p_column);
    IF position(p_new IN v_before) > 0 OR position(p_old IN v_before) = 0 THEN
        RETURN;   -- already applied (or the fragment is not there: nothing to do)
    END IF;
    v_after := overlay(v_before PLACING p_new FROM position(p_old IN v_before) FOR length(p_old));
    EXECUTE format('ALTER TABLE estimate_settings ALTER COLUMN %I SET DEFAULT %L', p_column, v_after);
    EXECUTE format('UPDATE estimate_settings SET %I = %L WHERE %I = %L', p_column, v_after, p_column, v_before);
END
$$;

-- The shipped value of one word list of estimate_settings, whole (stop 33): the column's default becomes p_value,
-- and an installation still on the default it had (untouched by staff) gets it; a value staff edited is theirs and
-- never overwritten. Applied again it does nothing (no UPDATE, so no cache trigger fires). It replaces a chain of
-- estimate_settings_upgrade steps in which a later step rewrote an earlier step's new words: the earlier step then
-- no longer found its own words, ran again at every start, and the list grew (kind_words by 71 characters a start,
-- each time rebuilding the caches that read it). A grown list is repaired by it, as it is still the default.
CREATE OR REPLACE FUNCTION estimate_settings_ship(p_column text, p_value text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_before text;
BEGIN
    v_before := estimate_settings_default(p_column);
    IF v_before = p_value THEN
        RETURN;
    END IF;
    EXECUTE format('ALTER TABLE estimate_settings ALTER COLUMN %I SET DEFAULT %L', p_column, p_value);
    EXECUTE format('UPDATE estimate_settings SET %I = %L WHERE %I = %L', p_column, p_value, p_column, v_before);
END
$$;

-- More parts (esparts): a cistern's flush valve ("la descarga"), a shower's head ("la alcachofa", "el rociador",
-- "la teleducha", "la regadera", "el cabezal"; "la cebolla", "la flor", "el teléfono" in Chile, the River Plate and
-- elsewhere), a gas heater's thermocouple, a pressure set's switch, a pump's
-- impeller, a vessel's membrane, a float said "flotante". Besides "X del Y", the conflict guard reads these right
-- before an item (estimate_unguess, 4b): the whole is never priced for its part. An installation still on the list
-- above, untouched by staff, gets them; a list staff edited is theirs.
SELECT estimate_settings_grow_list('part_words',
    'resistencia, anodo, termostato, junta, goma, empaque, arandela, mecanismo, flotador, boya, cartucho, montura, '
    'maneta, manilla, palanca, pulsador, tapa, asiento, bisagra, tornillo, tuerca, rosca, valvula, tapon, aireador, '
    'manguera, cadena, muelle, embellecedor, piloto, quemador, placa, sensor, ventilador, fuga, goteo, perdida, '
    'averia, rotura',
    'descarga, termopar, termocupla, presostato, alcachofa, rociador, teleducha, regadera, cabezal, membrana, '
    'rodete, obturador, flotante, cebolla, telefono, flor');
-- The grate of a drain is a part of it (wrongprice, stop 29): "cambio de rejilla 10x10", "una rejilla pal desagüe"
-- ask for the grate, not a whole floor drain (estimate_with_synonyms then leaves "rejilla" as said).
SELECT estimate_settings_grow_list('part_words',
    'resistencia, anodo, termostato, junta, goma, empaque, arandela, mecanismo, flotador, boya, cartucho, montura, '
    'maneta, manilla, palanca, pulsador, tapa, asiento, bisagra, tornillo, tuerca, rosca, valvula, tapon, aireador, '
    'manguera, cadena, muelle, embellecedor, piloto, quemador, placa, sensor, ventilador, fuga, goteo, perdida, '
    'averia, rotura, descarga, termopar, termocupla, presostato, alcachofa, rociador, teleducha, regadera, cabezal, '
    'membrana, rodete, obturador, flotante, cebolla, telefono, flor',
    'rejilla');

-- Labour hours and the service call of the rules are always applied.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS rule_materials boolean NOT NULL DEFAULT false;
-- Kinds of an item that exclude each other: groups separated by ";", the kinds of a group by "/", the words
-- of one kind by ",". A catalogue row whose code or name says one kind is never priced for words that say
-- another kind of the same group ("boiler de paso ... a gas" is not an electric termo; a "calefont tiro
-- natural" is not the balanced-flue one), and a family word ("codo") is settled by the other items only when
-- they name the kind of the row chosen ("tubo de cobre ... y 4 codos": copper, not brass).
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS kind_words text NOT NULL DEFAULT
    'gas, butano, propano / electrico; paso, instantaneo / deposito, acumulacion, acumulador; '
    'estanco / atmosferico, tiro natural, tiro forcado; '
    'cobre / laton / pvc / cpvc / pex / multicapa / ppr, polipropileno, termofusion / galvanicado, hierro / acero inoxidable';
-- The list as shipped today (estimate_settings_ship; stop 33: these were four estimate_settings_upgrade steps, the
-- last of which undid the first's "already applied" check, so the list grew at every start). What it added to the
-- list above, in order:
-- * the ways of unblocking are kinds too: "destapar el fregadero con sonda" is the snake, not also dismantling
--   the trap ("desmontar / sonda, espiral / maquina / camion");
-- * "fierro" (galvanised iron in much of Latin America: "cañería de fierro galvanizado") is the galvanised kind
--   too (esfix10);
-- * "que sea eléctrica" (la terma, la ducha): the feminine is the electric kind too (esfix12);
-- * epoxy-coated steel (gas lines in Latin America: "codos epoxi de 1/2", "caño epoxi") is a material of its own
--   (wrongprice, stop 29): no row is, so "2 codos epoxi 1/2" is a cotizar, never the brass 1/2" elbow by its size.
-- A later change edits this value (never a step on top of it).
SELECT estimate_settings_ship('kind_words',
    'gas, butano, propano / electrico, electrica; paso, instantaneo / deposito, acumulacion, acumulador; '
    'estanco / atmosferico, tiro natural, tiro forcado; '
    'cobre / laton / pvc / cpvc / pex / multicapa / ppr, polipropileno, termofusion / galvanicado, '
    'hierro, fierro / acero inoxidable / epoxi, epoxy, epoxico; desmontar / sonda, espiral / maquina / camion');
-- Verbs whose object is where the work is done, not a thing to sell: in "destapar el desagüe de la ducha" the
-- drain is unblocked, not a new drain valve priced (the job is "a cotizar" unless the catalogue has that
-- service by name, e.g. "desatascar el fregadero").
-- Words of other trades' work: a job in which nothing is in the catalogue and that names one of these ("cambiarle
-- las chapas del techo del galpón", "cambiar la cerradura de la puerta") is not a plumber's draft; it goes to a
-- person. Not "techo" or "pared": a leak in the ceiling is plumbing.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS other_trade_words text NOT NULL DEFAULT
    'chapa, chapas, tejado, teja, tejas, cerradura, cerrojo, bombin, pintura, pintar, persiana, cristal, vidrio, '
    'enchufe, interruptor, lampara, parquet, tarima, yeso, pladur';
-- Electricians' words too (a breaker, sockets: "cambiar 3 tomacorrientes dobles y un breaker").
SELECT estimate_settings_grow_list('other_trade_words',
    'chapa, chapas, tejado, teja, tejas, cerradura, cerrojo, bombin, pintura, pintar, persiana, cristal, vidrio, '
    'enchufe, interruptor, lampara, parquet, tarima, yeso, pladur',
    'tomacorriente, tomacorrientes, breaker, breakers, disyuntor, amperio, amperios, magnetotermico, contactor, '
    'luminaria, bombillo, bombilla, foco, cableado, apagador');
-- Air conditioning is the HVAC trade's ("instalar un split de 12000 btu"): no plumber's draft for it.
SELECT estimate_settings_grow_list('other_trade_words',
    'chapa, chapas, tejado, teja, tejas, cerradura, cerrojo, bombin, pintura, pintar, persiana, cristal, vidrio, '
    'enchufe, interruptor, lampara, parquet, tarima, yeso, pladur, '
    'tomacorriente, tomacorrientes, breaker, breakers, disyuntor, amperio, amperios, magnetotermico, contactor, '
    'luminaria, bombillo, bombilla, foco, cableado, apagador',
    'acondicionado, climatizacion, climatizador, split, minisplit, btu, frigoria, frigorias');
-- Household appliances: repairing one ("arreglar la refri que no enfría", "reparar la lavadora que no
-- centrifuga") is an appliance technician's job, not a plumber's, when nothing of the catalogue is named with
-- it; it goes to a person like other_trade_words, never a draft with the service call alone. Installing or
-- connecting one ("instalar el lavavajillas", "la toma de la lavadora") is still plumbing: only with one of
-- appliance_repair_words. Staff-editable, compared folded like the message.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS appliance_words text NOT NULL DEFAULT
    'nevera, refri, refrigerador, refrigeradora, frigorifico, heladera, congelador, lavadora, lavarropas, '
    'secadora, lavavajillas, microondas, horno, televisor, acondicionado';
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS appliance_repair_words text NOT NULL DEFAULT
    'arreglar, arreglo, arreglarme, reparar, reparacion, repararme, componer';
-- Words that say what a thing is for or where it goes (the bath, the basin, the kitchen): in "cambiar X de la
-- bañera por uno termostático" the new one is for the bath too (estimate_match_words). Staff-editable, folded.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS use_words text NOT NULL DEFAULT
    'banera, ducha, lavabo, lavamanos, fregadero, lavaplatos, cocina, bide, lavadero, pila, inodoro, cisterna, '
    'jardin, patio, terraza, exterior';
-- What a catalogue row is for is read from these too (estimate_row_uses): the appliances' and heating's taps.
SELECT estimate_settings_grow_list('use_words',
    'banera, ducha, lavabo, lavamanos, fregadero, lavaplatos, cocina, bide, lavadero, pila, inodoro, cisterna, '
    'jardin, patio, terraza, exterior',
    'lavadora, lavavajillas, calefaccion');
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS place_verbs text NOT NULL DEFAULT
    'desatascar, desatasco, destapar, destape, desatrancar, desatorar, desembozar, limpiar, limpieza, revisar, '
    'revision, inspeccionar, sondear';
-- The nouns of unblocking (Latin America: "una destapación de cloaca", "el desatoro", "la desobstrucción") are
-- job words and place verbs too. An installation still on the lists above, untouched by staff, gets them.
SELECT estimate_settings_grow_list('place_verbs',
    'desatascar, desatasco, destapar, destape, desatrancar, desatorar, desembozar, limpiar, limpieza, revisar, '
    'revision, inspeccionar, sondear',
    'destapacion, desatoro, desobstruir, desobstruccion');
-- Draining a thing is work done on it, not the thing bought (wrongprice, stop 29): "cambio del ánodo del termo +
-- vaciado del termo" prices the anode, never a second termo. An installation still on the list above gets them.
SELECT estimate_settings_grow_list('place_verbs',
    'desatascar, desatasco, destapar, destape, desatrancar, desatorar, desembozar, limpiar, limpieza, revisar, '
    'revision, inspeccionar, sondear, destapacion, desatoro, desobstruir, desobstruccion',
    'vaciar, vaciado');
ALTER TABLE estimate_settings ALTER COLUMN job_words SET DEFAULT
    'cambiar, cambio, sustituir, sustitucion, reemplazar, instalar, instalacion, poner, montar, montaje, '
    'colocar, reparar, reparacion, arreglar, renovar, rehacer, retirar, quitar, desmontar, '
    'desatascar, desatasco, destapar, destape, desatrancar, desatorar, desembozar, sellar, soldar, conectar, '
    'empalmar, trasladar, mover, destapacion, desatoro, desobstruir, desobstruccion';
UPDATE estimate_settings SET job_words = job_words || ', destapacion, desatoro, desobstruir, desobstruccion'
WHERE job_words = 'cambiar, cambio, sustituir, sustitucion, reemplazar, instalar, instalacion, poner, montar, montaje, '
                  'colocar, reparar, reparacion, arreglar, renovar, rehacer, retirar, quitar, desmontar, '
                  'desatascar, desatasco, destapar, destape, desatrancar, desatorar, desembozar, sellar, soldar, conectar, '
                  'empalmar, trasladar, mover';

-- The words that may come before a thing of a list said without a job word (estimate_list_item: "… con su
-- multiconector", "y también 2 niples", "unos seis metros de tubo"), staff-editable like other_trade_words:
-- list_lead_words are only skipped ("con", "también", "como 6 metros"); list_article_words are skipped and
-- also begin the thing by themselves ("su multiconector", "unos codos"), as a number or an article does.
-- Compared without accents or case, separated by commas. Existing installations get these defaults.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS list_lead_words text NOT NULL DEFAULT
    'con, y, e, tambien, ademas, mas, como, aprox, aproximadamente';
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS list_article_words text NOT NULL DEFAULT
    'su, sus, unos, unas';
-- "incluye 2 mangueras y válvula de seguridad": what a job includes is a thing of its list too (esmissing). An
-- installation still on the shipped list (untouched by staff) gets these words.
SELECT estimate_settings_grow_list('list_lead_words', 'con, y, e, tambien, ademas, mas, como, aprox, aproximadamente',
                                   'incluye, incluyendo, incluido, incluida, incluidos, incluidas');
-- Words that say when, not what ("el sábado por la noche", "es urgente"): never the name of a thing a cotizar
-- (estimate_clause_jobs). Staff-editable; compared folded like the message (plurals and accents folded).
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS when_words text NOT NULL DEFAULT
    'lunes, martes, miercoles, jueves, viernes, sabado, domingo, hoy, manana, tarde, noche, dia, semana, finde, '
    'urgente, urgencia';

-- Words that name things of different families (a Colombian "registro" is the stop valve, a Spaniard's the
-- drain chamber): "word = reading | reading; …". Said bare (no size after it) and not settled by the message
-- (no reading's own words in it), the thing is a line a cotizar whose choices are the rows of every reading,
-- and the plumber is asked which; never priced as one of them by guess. "registro de 1/2" is the valve (its
-- alias). Staff-editable; an existing database gets the default on the next start.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS ambiguous_words text NOT NULL DEFAULT
    'registro = arqueta de registro | llave de paso';
-- "la taza" is the bowl alone in Spain and the whole toilet in much of Latin America ("cambiar la taza del baño"):
-- asked which. An installation still on the shipped list gets it; a list staff edited is theirs.
ALTER TABLE estimate_settings ALTER COLUMN ambiguous_words SET DEFAULT
    'registro = arqueta de registro | llave de paso; taza = taza de inodoro | inodoro completo';
UPDATE estimate_settings SET ambiguous_words = ambiguous_words || '; taza = taza de inodoro | inodoro completo'
WHERE ambiguous_words = 'registro = arqueta de registro | llave de paso';
-- Words that change what a thing is ("flotador eléctrico" is a level switch, not the float valve; "bomba
-- automática", "grifo electrónico"): said right after an item whose catalogue row does not say it, the item is
-- a line a cotizar as said, never priced as the plain row. Staff-editable (folded like the message).
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS kind_changing_words text NOT NULL DEFAULT
    'electrico, electrica, electronico, electronica, automatico, automatica, digital, solar';
-- "uniones dobles" (a union nut, not the plain PPR coupling known as "unión"), "llave de chorro angular" (an angle
-- valve, not the garden tap): an installation still on the list above, untouched by staff, gets them.
SELECT estimate_settings_grow_list('kind_changing_words',
    'electrico, electrica, electronico, electronica, automatico, automatica, digital, solar',
    'doble, dobles, angular, angulares');

-- The conflict guard's own list (estimate_unguess, step 4): "said words > row words; ...". A priced line whose own
-- words (the word right before it, its words and what follows up to the next "y"/"con"/item) say one of the
-- left-hand words, for a row whose code or name says one of the right-hand words and none of the left-hand ones,
-- is not that row: a well pump is no sump pump, a drain fitting no brass or copper one, a bidet's tap no bidet.
-- It becomes a line a cotizar as said (never priced as another thing). Staff-editable, folded like the message.
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS conflict_words text NOT NULL DEFAULT
    'pozo, sondeo, perforacion > achique, drenaje, sucias; '
    'desague, evacuacion, saneamiento, cloaca > laton, cobre, galvanicado, ppr, pex, multicapa, presion; '
    'presion > desague, evacuacion, saneamiento; '
    'griferia, grifo, monomando, mezclador, canilla > bide, bidet, inodoro, vater, water, lavabo, lavamanos, fregadero, lavaplatos, banera, tina, plato, porcelana; '
    'gas > agua; agua > gas';

-- More pairs (esfix10): the other names of a drain ("sanitario", "drenaje", "aguas negras", "pluvial", "bajante")
-- are no pressure fitting either, and drinking-water or pressure words are no drain row. An installation still on
-- the list above (untouched by staff) gets them; a list staff edited is theirs.
SELECT estimate_settings_upgrade('conflict_words', 'gas > agua; agua > gas',
    'gas > agua; agua > gas; '
    'sanitario, sanitaria, drenaje, aguas negras, aguas servidas, pluvial, bajante > laton, cobre, galvanicado, ppr, pex, multicapa, presion; '
    'presion, potable > drenaje, sanitario, sanitaria, pluvial, bajante');
-- An elbow at 45° ("codos a 45", read as the word "angulo" by estimate_size_words) is no plain elbow row (every
-- one is the 90° bend): a cotizar unless a row says it (esfix14).
SELECT estimate_settings_upgrade('conflict_words', 'sanitario, sanitaria, pluvial, bajante',
                                 'sanitario, sanitaria, pluvial, bajante; angulo > codo, curva, codito');
-- What a thing is for, said of a row that is for another place (esparts): a tap or valve said of a fixture
-- indoors (the toilet, the basin, the sink, the shower…) is no garden / outdoor tap ("la llave de chorro del
-- inodoro", "la llave de manguera del lavabo"), and a sink's or basin's drain is no floor gully ("la coladera del
-- fregadero"). A cotizar as said, never the neighbour row.
SELECT estimate_settings_upgrade('conflict_words', 'angulo > codo, curva, codito',
    'angulo > codo, curva, codito; '
    'inodoro, cisterna, wc, vater, excusado, poceta, lavabo, lavamanos, bide, fregadero, lavaplatos, ducha, banera, bano > jardin, exterior; '
    'fregadero, lavaplatos, tarja, pileta, pila, lavabo, lavamanos, cocina > sumidero, suelo');

-- Which kinds of estimate_settings.kind_words some folded words say: {"g:k", ...} (group g, kind k).
-- The phrases of kind_words folded, {"g:k", ...} with the folded phrase of each (estimate_kind_phrases): folding
-- them is the cost (~32 estimate_words per call, and this is called thousands of times in a revision:
-- bench/SUITE-TIME.md), so the folded list of the current kind_words is kept in estimate_kind_phrase_cache
-- (below). A groups value the cache does not hold (a staff edit not yet seen, a test's own list) is folded here.
CREATE OR REPLACE FUNCTION estimate_kind_phrases(groups text) RETURNS TABLE (kind text, phrase text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT g.n || ':' || k.n, estimate_words(w.phrase)
    FROM regexp_split_to_table(coalesce(groups, ''), ';') WITH ORDINALITY AS g(grp, n),
         regexp_split_to_table(g.grp, '/') WITH ORDINALITY AS k(kind, n),
         regexp_split_to_table(k.kind, ',') AS w(phrase)
    WHERE btrim(w.phrase) <> ''
$$;

-- The folded phrases of one kind_words value (kinds[i] is said by phrases[i]); only the current
-- estimate_settings.kind_words, kept by estimate_kind_cache_refresh(). Read only when groups is equal, text for
-- text: a stale row is never read, only skipped.
CREATE TABLE IF NOT EXISTS estimate_kind_phrase_cache (
    groups_md5 text PRIMARY KEY,
    groups     text NOT NULL,
    kinds      text[] NOT NULL,
    phrases    text[] NOT NULL
);

CREATE OR REPLACE FUNCTION estimate_kinds_said(folded text, groups text) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH c AS MATERIALIZED (
        SELECT pc.kinds, pc.phrases FROM estimate_kind_phrase_cache pc
        WHERE pc.groups_md5 = md5(coalesce($2, '')) AND pc.groups = coalesce($2, '')),   -- $2: "groups" is a column here
    p AS (
        SELECT u.kind, u.phrase FROM c, unnest(c.kinds, c.phrases) AS u(kind, phrase)
        UNION ALL
        SELECT f.kind, f.phrase FROM estimate_kind_phrases($2) f WHERE NOT EXISTS (SELECT 1 FROM c))
    SELECT coalesce(array_agg(DISTINCT p.kind), '{}') FROM p
    WHERE p.phrase <> '' AND position(' ' || p.phrase || ' ' IN ' ' || coalesce($1, '') || ' ') > 0
$$;

-- The word staff wrote first for kind "g:k" of estimate_settings.kind_words ("5:4" = "cpvc"), or NULL.
CREATE OR REPLACE FUNCTION estimate_kind_word(groups text, kind text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT nullif(btrim(split_part(split_part(split_part(coalesce(groups, ''), ';', split_part(kind, ':', 1)::int), '/',
                                              split_part(kind, ':', 2)::int), ',', 1)), '')
$$;

-- The words of a catalogue code, without its bare numbers: "codo-laton-3-4" is "codo laton" (its size is its
-- name's, 3/4"; the code's "3" and "4" are no sizes: "codos de 4"" are no 3/4" elbows, "reduccion-cobre-18-15"
-- says no 18 or 15 alone). "codo-pvc-110mm", "calentador-electrico-80l" keep their sizes with their units.
CREATE OR REPLACE FUNCTION estimate_code_words(code text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(' ' || replace(coalesce(code, ''), '-', ' ') || ' ', '( [0-9]+)+ ', ' ', 'g'))
$$;

-- The kinds a catalogue row says in its code and name (not its aliases: "calentador de paso" is an alias of
-- the gas heaters; the names say what they are). Computed here: estimate_row_kinds reads them from the cache.
CREATE OR REPLACE FUNCTION estimate_row_kinds_computed(p_code text, p_name text, groups text) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT estimate_kinds_said(estimate_words(replace(p_code, '-', ' ') || ' ' || p_name), groups)
$$;

-- Each catalogue row's kinds for the current estimate_settings.kind_words (estimate_kind_cache_refresh keeps it:
-- triggers on price_catalog and estimate_settings, and every start). A row is read only when its code, name and
-- groups are those asked, so a stale or missing row only costs the computation, never a wrong kind.
CREATE TABLE IF NOT EXISTS estimate_row_kind_cache (
    code   text PRIMARY KEY,
    name   text NOT NULL,
    groups text NOT NULL,
    kinds  text[] NOT NULL
);

CREATE OR REPLACE FUNCTION estimate_row_kinds(p_code text, groups text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN k.code IS NOT NULL THEN k.kinds ELSE estimate_row_kinds_computed(c.code, c.name, $2) END
    FROM price_catalog c
    LEFT JOIN estimate_row_kind_cache k ON k.code = c.code AND k.name = c.name AND k.groups = $2   -- $2: not k.groups
    WHERE c.code = $1
$$;

-- Brings both caches in step with estimate_settings.kind_words and price_catalog: drops what no longer matches
-- and folds only what is missing (nothing, usually). Called by the triggers below (a staff edit of kind_words or
-- of the catalogue, the catalogue imports of staff.sql) and at every start (the end of this file).
CREATE OR REPLACE FUNCTION estimate_kind_cache_refresh() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_groups text := (SELECT s.kind_words FROM estimate_settings s WHERE s.id);
BEGIN
    DELETE FROM estimate_kind_phrase_cache WHERE v_groups IS NULL OR groups_md5 <> md5(v_groups) OR groups <> v_groups;
    IF v_groups IS NOT NULL AND NOT EXISTS (SELECT 1 FROM estimate_kind_phrase_cache WHERE groups_md5 = md5(v_groups)) THEN
        INSERT INTO estimate_kind_phrase_cache (groups_md5, groups, kinds, phrases)
        SELECT md5(v_groups), v_groups, coalesce(array_agg(f.kind ORDER BY n), '{}'), coalesce(array_agg(f.phrase ORDER BY n), '{}')
        FROM estimate_kind_phrases(v_groups) WITH ORDINALITY AS f(kind, phrase, n)
        ON CONFLICT (groups_md5) DO NOTHING;
    END IF;
    DELETE FROM estimate_row_kind_cache k
    WHERE v_groups IS NULL OR k.groups <> v_groups
       OR NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = k.code AND c.name = k.name);
    IF v_groups IS NOT NULL THEN
        INSERT INTO estimate_row_kind_cache (code, name, groups, kinds)
        SELECT c.code, c.name, v_groups, estimate_row_kinds_computed(c.code, c.name, v_groups)
        FROM price_catalog c
        WHERE NOT EXISTS (SELECT 1 FROM estimate_row_kind_cache k WHERE k.code = c.code)
        ORDER BY c.code
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, groups = EXCLUDED.groups, kinds = EXCLUDED.kinds;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION estimate_kind_cache_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM estimate_kind_cache_refresh();
    RETURN NULL;
END
$$;

-- A catalogue row changed (row by row, as estimate_phrase_cache: a seed or an import of 300 rows folds each once).
CREATE OR REPLACE FUNCTION estimate_kind_cache_row_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_groups text := (SELECT s.kind_words FROM estimate_settings s WHERE s.id);
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM estimate_row_kind_cache WHERE code = OLD.code;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND v_groups IS NOT NULL THEN
        INSERT INTO estimate_row_kind_cache (code, name, groups, kinds)
        VALUES (NEW.code, NEW.name, v_groups, estimate_row_kinds_computed(NEW.code, NEW.name, v_groups))
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, groups = EXCLUDED.groups, kinds = EXCLUDED.kinds;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS price_catalog_kinds ON price_catalog;
CREATE OR REPLACE TRIGGER price_catalog_kinds_row AFTER INSERT OR DELETE OR UPDATE OF code, name
    ON price_catalog FOR EACH ROW EXECUTE FUNCTION estimate_kind_cache_row_sync();
CREATE OR REPLACE TRIGGER price_catalog_kinds_truncate AFTER TRUNCATE
    ON price_catalog FOR EACH STATEMENT EXECUTE FUNCTION estimate_kind_cache_sync();
CREATE OR REPLACE TRIGGER estimate_settings_kinds AFTER INSERT OR DELETE OR UPDATE OF kind_words OR TRUNCATE
    ON estimate_settings FOR EACH STATEMENT EXECUTE FUNCTION estimate_kind_cache_sync();

-- True when the words say a kind of a group and the row says another kind of that group, not this one.
CREATE OR REPLACE FUNCTION estimate_kind_conflict(row_kinds text[], said text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT EXISTS (
        SELECT 1 FROM unnest(coalesce(said, '{}')) s
        WHERE EXISTS (SELECT 1 FROM unnest(coalesce(row_kinds, '{}')) r WHERE split_part(r, ':', 1) = split_part(s, ':', 1))
          AND NOT EXISTS (SELECT 1 FROM unnest(coalesce(row_kinds, '{}')) r
                          WHERE split_part(r, ':', 1) = split_part(s, ':', 1) AND r = ANY (said)))
$$;

-- The size a catalogue name states, as written ('3/4"', '22 mm', '80 l', '11 l/min', '30 cm'), or NULL.
CREATE OR REPLACE FUNCTION estimate_row_size(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(
        (regexp_match(name, '((?:[0-9]+ )?[0-9]+/[0-9]+ ?(?:"|”|pulgadas?)?|[0-9]+(?:[.,][0-9]+)? ?(?:mm|cm|l/min|l|litros|"|”|pulgadas?|galones))(?![[:alnum:]])'))[1],
        NULL)
$$;

-- The unit a size is measured in, from a catalogue row's size (estimate_row_size) or a size said: 'l' (litres, a
-- heater's l/min), 'mm', 'cm', 'galon', 'kw'…, and 'in' for inches ('3/4"', '1"', '1 1/4"': no unit word). NULL
-- for no size.
-- The sizes of the catalogue's names are folded once (estimate_size_cache: the scans of the catalogue in a
-- revision asked estimate_words for "20 mm" ~50,000 times; bench/SUITE-TIME.md); a size it does not hold is folded
-- here as before. Kept by estimate_item_words_cache_refresh and a trigger on price_catalog; emptied at every start.
-- A size no row has any more stays: it is only the fold of its own text.
CREATE TABLE IF NOT EXISTS estimate_size_cache (
    size   text PRIMARY KEY,
    folded text NOT NULL
);

CREATE OR REPLACE FUNCTION estimate_size_unit(size text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN x.f IS NULL OR x.f = '' THEN NULL
                WHEN x.f ~ ' [a-z]+$' THEN substring(x.f FROM ' ([a-z]+)$')
                ELSE 'in' END
    FROM (SELECT CASE WHEN $1 IS NOT NULL
                      THEN coalesce((SELECT k.folded FROM estimate_size_cache k WHERE k.size = $1), estimate_words($1)) END AS f) x
$$;

-- A number a message says of one item is that item's, not another's: the words read for another item (its phrase,
-- its code, the number said right after it or with a unit of its own) carry the unit that item's size is measured
-- in, as "30@cm" ("2 conectores flexibles de 30 cm": a length), and a row may take such a number as its size only
-- when its own size is in that unit (a 30 l heater is not "30 cm"; the 15 mm copper elbows are the "15" of 15 mm
-- pipe). p_units: per word, the unit of the item it belongs to (NULL: nobody's, read as before).
CREATE OR REPLACE FUNCTION estimate_unit_tagged(p_words text[], p_units text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(CASE WHEN p_units[n] IS NOT NULL AND w ~ '^[0-9]+(?:[.][0-9]+)?$' THEN w || '@' || p_units[n] ELSE w END
                              ORDER BY n), '{}')
    FROM unnest(p_words) WITH ORDINALITY AS x(w, n)
$$;

-- Whether size number p_size of a row measured in p_unit is among the words (as said, or said of an item whose
-- size is in that same unit: estimate_unit_tagged).
CREATE OR REPLACE FUNCTION estimate_size_in_context(p_size text, p_unit text, p_context text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_size = ANY (p_context) OR p_size || '@' || coalesce(p_unit, '') = ANY (p_context)
$$;

-- The words that settle mention p_m by context (estimate_match_words, step 3): the message's words and the other
-- mentions' phrases (and, with p_codes, the codes of the materials settled), every number said of another item tagged
-- with the unit of that item's size (estimate_unit_tagged).
CREATE OR REPLACE FUNCTION estimate_context_of(p_m integer, p_words text[], p_owners integer[], p_units text[],
                                               p_ph text[], p_code text[], p_mu text[], p_codes boolean) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT estimate_unit_tagged(p_words, ARRAY(SELECT CASE WHEN p_owners[x] <> p_m THEN p_units[x] END
                                               FROM generate_subscripts(p_words, 1) AS x ORDER BY x))
           || coalesce((SELECT array_agg(w ORDER BY j, n)
                          FROM generate_subscripts(p_ph, 1) AS j,
                               LATERAL unnest(estimate_unit_tagged(
                                   string_to_array(p_ph[j], ' ')
                                   -- (the code of a material: "mano obra oficial" says nothing of a shower head)
                                   || CASE WHEN p_codes AND p_code[j] IS NOT NULL
                                                AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = p_code[j] AND c.kind = 'material')
                                           THEN string_to_array(estimate_words(estimate_code_words(p_code[j])), ' ') ELSE '{}' END,
                                   array_fill(p_mu[j], ARRAY[1000]))) WITH ORDINALITY AS t(w, n)
                         WHERE j <> p_m), '{}')
$$;

-- Whether catalogue row c is known by the size said in the words: "40" alone, or "40 l" with its unit (a
-- "termo de 40 litros" is not the one known as "termo de 40 galones").
CREATE OR REPLACE FUNCTION estimate_row_has_size(c price_catalog, size_word text, unit_word text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN CASE WHEN coalesce(unit_word, '') IN ('l', 'mm', 'cm', 'galon', 'kw', 'w', 'bar')
                THEN position(' ' || size_word || ' ' || unit_word || ' '
                              IN ' ' || array_to_string(estimate_item_words(c), ' ') || ' ') > 0
                ELSE size_word = ANY (estimate_item_words(c)) END;
END
$$;

-- Whether folded words name a size (a number or a fraction: "1/2", "22", "80 l").
CREATE OR REPLACE FUNCTION estimate_names_size(folded text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(folded, '') ~ '(^| )[0-9]' $$;

-- The rows a name without a size stands for: every active row that states a size and is known by that name
-- followed by a size ("llave paso" -> "llave paso 1/2", "llave paso 3/4", "llave paso 22"...), or by that very
-- name. "Sizes are never assumed": when these are two or more rows of different sizes, such a name is
-- "a cotizar" with them as its choices (one row alone, e.g. the 1/2" safety valve, is priced: there is no
-- other size to choose).
CREATE OR REPLACE FUNCTION estimate_size_family(folded text) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (SELECT CASE WHEN count(DISTINCT estimate_row_size(c.name)) > 1
                THEN array_agg(DISTINCT p.code ORDER BY p.code) ELSE '{}' END
    FROM estimate_phrase_cache p JOIN price_catalog c ON c.code = p.code AND c.active
    WHERE coalesce(folded, '') <> '' AND estimate_row_size(c.name) IS NOT NULL
      AND (p.phrase = folded OR (p.phrase LIKE folded || ' %' AND substr(p.phrase, length(folded) + 2) ~ '^[0-9]')));
END
$$;

-- The question back for choices that differ by size: "¿De qué medida? En el catálogo: 1/2", 3/4" o 1"".
CREATE OR REPLACE FUNCTION estimate_size_question(codes text[]) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN count(*) = 0 THEN NULL
                WHEN count(*) = 1 THEN format('¿De qué medida? En el catálogo solo hay %s', min(z.size))
                ELSE format('¿De qué medida? En el catálogo: %s o %s',
                            array_to_string((array_agg(z.size ORDER BY z.price, z.size))[1:count(*) - 1], ', '),
                            (array_agg(z.size ORDER BY z.price, z.size))[count(*)]) END
    FROM (SELECT estimate_row_size(c.name) AS size, min(c.unit_price) AS price
          FROM price_catalog c WHERE c.code = ANY (codes) AND estimate_row_size(c.name) IS NOT NULL
          GROUP BY 1) z
$$;

-- What kind of thing a catalogue row is: its name without its size and its bracketed notes ("Termo eléctrico
-- 80 l" -> "Termo eléctrico", "Sifón doble para fregadero" stays as it is).
CREATE OR REPLACE FUNCTION estimate_kind_name(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(regexp_replace(
               CASE WHEN estimate_row_size(name) IS NULL THEN coalesce(name, '')
                    ELSE replace(name, estimate_row_size(name), ' ') END,
               '\([^)]*\)|[0-9]+(?:[.,][0-9]+)? ?(?:kW|W|CV|cv|bar)(?![[:alnum:]])', ' ', 'g'), '\s+', ' ', 'g'), ' ,')
$$;

-- The rows a name said alone stands for when the catalogue has it in several kinds: every active material row
-- known by that very name or by that name followed by more words ("sifón" -> "sifón de fregadero", "sifón de
-- lavabo", "sifón de lavadora", "sifón de ducha"), when they are two or more different things (estimate_kind_name).
-- "Kinds are never assumed": such a name is "a cotizar" with them as its choices, unless the other words of
-- the message name one of them ("desatascar el fregadero y cambiar el sifón": the sink's trap).
CREATE OR REPLACE FUNCTION estimate_kind_family(folded text) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (SELECT CASE WHEN count(DISTINCT lower(estimate_kind_name(c.name))) > 1
                        THEN array_agg(DISTINCT c.code ORDER BY c.code) ELSE '{}' END
    FROM estimate_phrase_cache p JOIN price_catalog c ON c.code = p.code AND c.active AND c.kind = 'material'
    WHERE coalesce(folded, '') <> '' AND folded !~ '[%_\\]'
      AND (p.phrase = folded OR p.phrase LIKE folded || ' %'));   -- estimate_phrase_cache_prefix
END
$$;

-- The question back for choices: "¿De qué tipo? En el catálogo: Sifón doble para fregadero, Sifón de botella
-- para lavabo o …" when they are different things (cheapest first, at most 8), else the sizes
-- (estimate_size_question).
CREATE OR REPLACE FUNCTION estimate_choice_question(codes text[]) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN cardinality(codes) = 1 THEN (SELECT format('¿Es %s? En el catálogo solo hay esa partida de lo que dice el mensaje', c.name)
                                                  FROM price_catalog c WHERE c.code = codes[1])
                WHEN count(*) <= 1 THEN estimate_size_question(codes)
                -- kinds that come in sizes: "¿De qué tipo y medida? En el catálogo: Llave de paso de esfera
                -- (1/2", 3/4", 1" o 1 1/4"), Llave de paso para soldar, cobre (15 mm, 18 mm o 22 mm)"
                WHEN bool_or(z.sizes IS NOT NULL) THEN
                    format('¿De qué tipo y medida? En el catálogo: %s%s',
                           array_to_string((array_agg(z.kind || coalesce(' (' || z.sizes || ')', '') ORDER BY z.price, z.kind))[1:8], ', '),
                           CASE WHEN count(*) > 8 THEN format(' (y %s más)', count(*) - 8) ELSE '' END)
                ELSE format('¿De qué tipo? En el catálogo: %s o %s%s',
                            array_to_string((array_agg(z.kind ORDER BY z.price, z.kind))[1:least(count(*), 8) - 1], ', '),
                            (array_agg(z.kind ORDER BY z.price, z.kind))[least(count(*), 8)],
                            CASE WHEN count(*) > 8 THEN format(' (y %s más)', count(*) - 8) ELSE '' END) END
    FROM (SELECT min(estimate_kind_name(c.name)) AS kind, min(c.unit_price) AS price,
                 CASE WHEN count(DISTINCT estimate_row_size(c.name)) > 1
                      THEN substr(estimate_size_question(array_agg(c.code)), length('¿De qué medida? En el catálogo: ') + 1) END AS sizes
          FROM price_catalog c WHERE c.code = ANY (codes)
          GROUP BY lower(estimate_kind_name(c.name))) z
$$;

-- A comma-separated list as a clean array (catalogue codes, word lists).
CREATE OR REPLACE FUNCTION estimate_list(input text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(btrim(x)) FILTER (WHERE btrim(x) <> ''), '{}')
    FROM regexp_split_to_table(coalesce(input, ''), '[,;\n]') AS x
$$;

-- Every phrase that names a catalogue row, folded: its name and each alias. A phrase several rows share
-- ("tubería de cobre" for the three diameters) is ambiguous and is settled by context in estimate_match.
-- Folding ~2,000 phrases costs about 0.3 s, so they are kept folded in estimate_phrase_cache, which a trigger
-- keeps in step with price_catalog row by row (and which is rebuilt on every start, at the end of this file).
CREATE OR REPLACE FUNCTION estimate_row_phrases(c price_catalog) RETURNS TABLE (phrase text, shown text)
LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (p.phrase) p.phrase, p.shown
    FROM (
        SELECT estimate_words(c.name) AS phrase, c.name AS shown, 0::bigint AS rank
        UNION ALL
        SELECT estimate_words(a), btrim(a), n FROM unnest(estimate_list(c.aliases)) WITH ORDINALITY AS x(a, n)
    ) p
    WHERE p.phrase <> ''
    ORDER BY p.phrase, p.rank
$$;

CREATE TABLE IF NOT EXISTS estimate_phrase_cache (
    code   text NOT NULL,
    phrase text NOT NULL,
    shown  text NOT NULL,
    PRIMARY KEY (code, phrase)
);

-- Names that begin with a word ("sifón" -> "sifón de fregadero"...): estimate_kind_family, once per word said.
CREATE INDEX IF NOT EXISTS estimate_phrase_cache_prefix ON estimate_phrase_cache (phrase text_pattern_ops);

CREATE OR REPLACE FUNCTION estimate_phrase_cache_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM estimate_phrase_cache;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM estimate_phrase_cache WHERE code = OLD.code;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.active THEN
        INSERT INTO estimate_phrase_cache (code, phrase, shown)
        SELECT NEW.code, p.phrase, p.shown FROM estimate_row_phrases(NEW) p;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER price_catalog_phrases AFTER INSERT OR DELETE OR UPDATE OF code, name, aliases, active
    ON price_catalog FOR EACH ROW EXECUTE FUNCTION estimate_phrase_cache_sync();
CREATE OR REPLACE TRIGGER price_catalog_phrases_truncate AFTER TRUNCATE
    ON price_catalog FOR EACH STATEMENT EXECUTE FUNCTION estimate_phrase_cache_sync();

CREATE OR REPLACE FUNCTION estimate_phrases() RETURNS TABLE (phrase text, code text, shown text)
LANGUAGE sql STABLE AS $$
    SELECT p.phrase, p.code, p.shown FROM estimate_phrase_cache p
$$;

-- Every word a catalogue row is known by (code, name, aliases), folded: what settles a family name by context
-- and what tells a size the row has from one it has not.
CREATE OR REPLACE FUNCTION estimate_item_words_computed(c price_catalog) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT string_to_array(estimate_words(estimate_code_words(c.code) || ' ' || c.name || ' '
                                          || replace(c.aliases, ',', ' ')), ' ')
$$;

-- Folded once per row, not per call: estimate_match_words reads every row's words in a scan of the catalogue
-- (~300 estimate_words a time; bench/SUITE-TIME.md). Kept by estimate_item_words_cache_refresh (a trigger on
-- price_catalog, every start at the end of this file); read only when the row's code, name and aliases are equal
-- to the cached ones, else folded as before.
CREATE TABLE IF NOT EXISTS estimate_item_words_cache (
    code    text PRIMARY KEY,
    name    text NOT NULL,
    aliases text NOT NULL,
    words   text[] NOT NULL
);

CREATE OR REPLACE FUNCTION estimate_item_words(c price_catalog) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT k.words FROM estimate_item_words_cache k
                     WHERE k.code = ($1).code AND k.name = ($1).name AND k.aliases = ($1).aliases),
                    estimate_item_words_computed($1))
$$;

CREATE OR REPLACE FUNCTION estimate_item_words_cache_refresh() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM estimate_item_words_cache k
    WHERE NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = k.code AND c.name = k.name AND c.aliases = k.aliases);
    INSERT INTO estimate_item_words_cache (code, name, aliases, words)
    SELECT c.code, c.name, c.aliases, estimate_item_words_computed(c)
    FROM price_catalog c
    WHERE NOT EXISTS (SELECT 1 FROM estimate_item_words_cache k WHERE k.code = c.code)
    ORDER BY c.code
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases, words = EXCLUDED.words;
    INSERT INTO estimate_size_cache (size, folded)
    SELECT DISTINCT estimate_row_size(c.name), estimate_words(estimate_row_size(c.name))
    FROM price_catalog c
    WHERE estimate_row_size(c.name) IS NOT NULL
    ON CONFLICT (size) DO NOTHING;
END
$$;

CREATE OR REPLACE FUNCTION estimate_item_words_cache_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM estimate_item_words_cache_refresh();
    RETURN NULL;
END
$$;

-- A catalogue row changed: its words and its size folded once (a size stays cached: it is the fold of its own text).
CREATE OR REPLACE FUNCTION estimate_item_words_cache_row_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM estimate_item_words_cache WHERE code = OLD.code;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO estimate_item_words_cache (code, name, aliases, words)
        VALUES (NEW.code, NEW.name, NEW.aliases, estimate_item_words_computed(NEW))
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases, words = EXCLUDED.words;
        IF estimate_row_size(NEW.name) IS NOT NULL THEN
            INSERT INTO estimate_size_cache (size, folded)
            VALUES (estimate_row_size(NEW.name), estimate_words(estimate_row_size(NEW.name)))
            ON CONFLICT (size) DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS price_catalog_item_words ON price_catalog;
CREATE OR REPLACE TRIGGER price_catalog_item_words_row AFTER INSERT OR DELETE OR UPDATE OF code, name, aliases
    ON price_catalog FOR EACH ROW EXECUTE FUNCTION estimate_item_words_cache_row_sync();
CREATE OR REPLACE TRIGGER price_catalog_item_words_truncate AFTER TRUNCATE
    ON price_catalog FOR EACH STATEMENT EXECUTE FUNCTION estimate_item_words_cache_sync();

-- A structured reading of the catalogue: the uses a row is for (estimate_settings.use_words found in its code and
-- name after its first word, the thing itself: "Grifo monomando de baño-ducha (bañera)" is for the bath and the
-- shower, "Cisterna empotrada … para inodoro suspendido" for a toilet, "Cisterna de porcelana completa" says
-- none), read as an attribute of the row rather than as one more alias phrase.
CREATE OR REPLACE FUNCTION estimate_row_uses(p_code text, p_uses text[]) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT ARRAY(SELECT DISTINCT w FROM price_catalog c,
                        unnest(string_to_array(estimate_words(replace(c.code, '-', ' ') || ' ' || c.name), ' ')) w
                 WHERE c.code = p_code AND w = ANY (p_uses)
                   AND w <> split_part(estimate_words(c.name), ' ', 1) AND w <> split_part(estimate_words(replace(c.code, '-', ' ')), ' ', 1)
                 ORDER BY 1)
$$;

-- The rows of p_codes whose uses agree with the uses the words say ("el grifo de la ducha": the shower's and
-- the bath-shower's taps of those rows); a row whose code and name say no use may be for any, so it stays. The
-- words say no use, no row is for every use said, or the one row left says no use: p_codes as they were (what
-- the words do not settle stays asked, never dropped or settled by elimination).
-- With uses already read (p_said): p_any keeps a row for any of them (the uses another item of the message is
-- for: the kitchen tap's "cocina, fregadero" are one place), else a row for all of them.
DROP FUNCTION IF EXISTS estimate_rows_for_use(text[], text[], boolean);   -- before p_uses
CREATE OR REPLACE FUNCTION estimate_rows_for_use(p_codes text[], p_said text[], p_any boolean, p_uses text[]) RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_said text[] := coalesce(p_said, '{}');
    v_rows text[];
    v_uses text[];   -- per row kept: its uses, read once
BEGIN
    IF cardinality(v_said) = 0 OR cardinality(p_codes) < 2 THEN
        RETURN p_codes;
    END IF;
    SELECT coalesce(array_agg(x.code ORDER BY x.code), '{}'),
           coalesce(array_agg(array_to_string(x.uses, ' ') ORDER BY x.code), '{}')
      INTO v_rows, v_uses
      FROM (SELECT code, estimate_row_uses(code, p_uses) AS uses FROM unnest(p_codes) code) x
     WHERE CASE WHEN p_any THEN x.uses && v_said ELSE x.uses @> v_said END
        OR cardinality(x.uses) = 0;
    IF cardinality(v_rows) = 0 OR cardinality(v_rows) = 1 AND v_uses[1] = '' THEN
        RETURN p_codes;
    END IF;
    RETURN v_rows;
END
$$;

-- The same for the uses the words say (estimate_settings.use_words, folded once here when not given).
DROP FUNCTION IF EXISTS estimate_rows_for_use(text[], text);   -- before p_uses
CREATE OR REPLACE FUNCTION estimate_rows_for_use(p_codes text[], p_words text, p_uses text[] DEFAULT NULL) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT estimate_rows_for_use(p_codes,
        ARRAY(SELECT DISTINCT w FROM unnest(string_to_array(estimate_words(p_words), ' ')) w WHERE w = ANY (u.uses)),
        false, u.uses)
    FROM (SELECT coalesce(p_uses, estimate_word_list((SELECT st.use_words FROM estimate_settings st WHERE st.id))) AS uses) u
$$;

CREATE OR REPLACE FUNCTION estimate_is_number(word text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(word, '') ~ '^[0-9]+([.][0-9]{1,3})?$' $$;

CREATE OR REPLACE FUNCTION estimate_is_unit_word(word text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(word, '') IN ('m', 'metro', 'mt', 'ml', 'ud', 'unidad', 'u', 'pieza', 'h', 'hora')
$$;

-- How many of the items will get a price: labour hours, or an active catalogue code. An estimate with none
-- (only lines "a cotizar") is not made: a person prepares it.
CREATE OR REPLACE FUNCTION estimate_priced_count(items jsonb) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT count(*)::integer FROM jsonb_array_elements(coalesce(items, '[]')) e
    WHERE (e ? 'labour_hours' AND NOT e ? 'item')
       OR EXISTS (SELECT 1 FROM price_catalog c WHERE c.active AND c.code = e ->> 'item')
$$;

-- (est33) A reading's items replaced: p_found with "items" p_items, "priced" counted again and any other keys of p_more
-- (the guards' common tail: each guard returns what it found with its own items and how many of them are priced).
CREATE OR REPLACE FUNCTION estimate_found_with(p_found jsonb, p_items jsonb, p_more jsonb DEFAULT '{}') RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT p_found || jsonb_build_object('items', p_items, 'priced', estimate_priced_count(p_items)) || coalesce(p_more, '{}')
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Helpers of estimate_match
-- ---------------------------------------------------------------------------------------------------------
-- The message with its list separators kept as the word "y": commas, semicolons, colons, full stops (not the
-- decimal ones: "2,5 metros"), brackets and line breaks. "el sifón, el latiguillo" is two things said one
-- after the other, not "the siphon of the hose" (see the part-of rule below).
CREATE OR REPLACE FUNCTION estimate_separate(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(coalesce(input, ''), '[;:!?¿¡()\[\]\n\r+]|[,.](?![0-9])|(?<![0-9])[,.]', ' y ', 'g')
$$;

-- A word of the message with the verb forms that mean the same job folded to the infinitive, for comparing
-- with estimate_settings.job_words: "instalado" = "instalar", "quitando" = "quitar", "poniendo" = "poner",
-- "cambiarlo" = "instalándolo" = the verb. Only used for that comparison (item names are never folded like this).
CREATE OR REPLACE FUNCTION estimate_verb_forms(word text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_remove(ARRAY[
        word,
        CASE WHEN word ~ '^[a-z]{3,}ando$' THEN regexp_replace(word, 'ando$', 'ar') END,
        CASE WHEN word ~ '^[a-z]{3,}ado$' THEN regexp_replace(word, 'ado$', 'ar') END,
        CASE WHEN word ~ '^[a-z]{3,}[iy]endo$' THEN regexp_replace(word, '[iy]endo$', 'er') END,
        CASE WHEN word ~ '^[a-z]{3,}[iy]endo$' THEN regexp_replace(word, '[iy]endo$', 'ir') END,
        CASE WHEN word ~ '^[a-z]{3,}ido$' THEN regexp_replace(word, 'ido$', 'er') END,
        CASE WHEN word ~ '^[a-z]{3,}ido$' THEN regexp_replace(word, 'ido$', 'ir') END,
        CASE WHEN word ~ '^[a-z]{3,}[aei]r(lo|la|l)$' THEN regexp_replace(word, '(lo|la|l)$', '') END,
        CASE WHEN word ~ '^[a-z]{3,}andol[oa]?$' THEN regexp_replace(word, 'andol[oa]?$', 'ar') END,
        CASE WHEN word ~ '^[a-z]{3,}[iy]endol[oa]?$' THEN regexp_replace(word, '[iy]endol[oa]?$', 'er') END,
        CASE WHEN word ~ '^[a-z]{3,}[iy]endol[oa]?$' THEN regexp_replace(word, '[iy]endol[oa]?$', 'ir') END
    ], NULL)
$$;

-- The job the plumber asked for, as he wrote it, when nothing in it is in the catalogue: from the first job
-- word to the next separator (", y . ( ..."), at most 12 words, e.g. "instalar una mampara de ducha". It goes
-- on the estimate "a cotizar". NULL when there is no job word or nothing after it.
CREATE OR REPLACE FUNCTION estimate_job_text(input text, job_words text[]) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_words text[] := regexp_split_to_array(btrim(regexp_replace(
                          regexp_replace(estimate_separate(left(coalesce(input, ''), 4000)), '[^[:alnum:][:space:]/ºª%''-]', ' ', 'g'),
                          '\s+', ' ', 'g')), ' ');
    v_start integer;
    v_out   text[] := '{}';
    v_word  text;
    i       integer;
BEGIN
    FOR i IN 1 .. coalesce(array_length(v_words, 1), 0) LOOP
        IF estimate_verb_forms(estimate_words(v_words[i])) && job_words THEN
            v_start := i;
            EXIT;
        END IF;
    END LOOP;
    IF v_start IS NULL THEN
        RETURN NULL;
    END IF;
    FOR i IN v_start .. least(v_start + 11, array_length(v_words, 1)) LOOP
        v_word := v_words[i];
        EXIT WHEN i > v_start AND lower(v_word) IN ('y', 'e', 'o', 'u', 'pero', 'porque', 'que');
        v_out := v_out || v_word;
    END LOOP;
    -- at least one word that names something after the verb ("cambiar", "cambiar 2" are not a job)
    IF NOT EXISTS (SELECT 1 FROM unnest(v_out[2:]) w
                   WHERE length(w) > 2 AND NOT estimate_is_number(estimate_words(w))
                     AND lower(w) NOT IN ('una', 'uno', 'unos', 'unas', 'los', 'las', 'del', 'con', 'para', 'por')) THEN
        RETURN NULL;
    END IF;
    RETURN left(regexp_replace(upper(left(array_to_string(v_out, ' '), 1)) || substr(array_to_string(v_out, ' '), 2),
                               '-{2,}', '-', 'g'), 200);
END
$$;

-- Hours said in the folded words (estimate_words), in every form the revisions read them (estimate_hours_in):
-- "2 horas y media", "hora y media", "media hora", "1,5 h" become "N hora" ("2.5 hora", "1.5 hora",
-- "0.5 hora", "1.5 hora"); and the quarters (firstread): "dos horas y cuarto" = "2.25 hora", "hora y cuarto" =
-- "1.25 hora", "tres cuartos de hora" = "0.75 hora", "un cuarto de hora" = "0.25 hora", so that the number is the quantity of the labour phrase that follows ("2.5 hora
-- mano obra", "1.5 hora trabajo": catalogue aliases of the labour rate, see seed.sql).
CREATE OR REPLACE FUNCTION estimate_hours_words(folded text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    v_text text := ' ' || coalesce(folded, '') || ' ';
    m      text[];
BEGIN
    LOOP   -- "2 hora y media" -> "2.5 hora"
        m := regexp_match(v_text, ' ([0-9]+(?:[.][0-9]{1,3})?) (?:hora|h|hr|hrs) y media ');
        EXIT WHEN m IS NULL;
        v_text := regexp_replace(v_text, ' ' || replace(m[1], '.', '[.]') || ' (?:hora|h|hr|hrs) y media ',
                                 ' ' || trim_scale(m[1]::numeric + 0.5)::text || ' hora ');
    END LOOP;
    LOOP   -- "2 hora y cuarto" -> "2.25 hora"
        m := regexp_match(v_text, ' ([0-9]+(?:[.][0-9]{1,3})?) (?:hora|h|hr|hrs) y (?:1 )?cuarto ');
        EXIT WHEN m IS NULL;
        v_text := regexp_replace(v_text, ' ' || replace(m[1], '.', '[.]') || ' (?:hora|h|hr|hrs) y (?:1 )?cuarto ',
                                 ' ' || trim_scale(m[1]::numeric + 0.25)::text || ' hora ');
    END LOOP;
    v_text := regexp_replace(v_text, ' hora y media ', ' 1.5 hora ', 'g');
    v_text := regexp_replace(v_text, ' hora y (?:1 )?cuarto ', ' 1.25 hora ', 'g');
    v_text := regexp_replace(v_text, ' media hora ', ' 0.5 hora ', 'g');
    -- "tres cuartos de hora" (read as the size 3/4 by estimate_size_words), "un cuarto de hora"
    v_text := regexp_replace(v_text, ' 3/4 hora ', ' 0.75 hora ', 'g');
    v_text := regexp_replace(v_text, ' (?:1 )?cuarto hora ', ' 0.25 hora ', 'g');
    v_text := regexp_replace(v_text, ' ([0-9]+(?:[.][0-9]{1,3})?) (?:h|hr|hrs|hs) ', ' \1 hora ', 'g');
    -- the hours said after the labour ("mano de obra 4hs", "mano de obra 3 horas"): before it, as usual
    v_text := regexp_replace(v_text, ' mano obra (?:(?:pon[a-z]*|son|serian|seran|calcul[a-z]*|como) ){0,2}([0-9]+(?:[.][0-9]{1,3})?) hora ', ' \1 hora mano obra ', 'g');
    -- hours said alone at the end of a request ("…, sifón de botella. Ponle 1,5h", "… y 2 hs", "…, 3 hrs"): the
    -- hours of the job, its labour
    v_text := regexp_replace(v_text, ' ([0-9]+(?:[.][0-9]{1,3})?) hora $', ' \1 hora mano obra ');
    -- … or followed only by one last short thing with no number ("…. 6h + desplazamiento", "…, 3 horas y la
    -- visita"): the hours of the job all the same
    v_text := regexp_replace(v_text, ' ([0-9]+(?:[.][0-9]{1,3})?) hora y ((?:[a-z]+ ){1,3})$', ' \1 hora mano obra y \2');
    RETURN btrim(v_text);
END
$$;

-- The words said right after token i of a message read into tokens (estimate_match_words: catalogue phrases as
-- markers "#k#"), up to the next item or "y": where the kind or size of that item is said ("calentador a gas de
-- 11 litros y ..." -> ' a gas 11 l'). Each word is preceded by a space; '' when there is none.
CREATE OR REPLACE FUNCTION estimate_clause_after(tokens text[], i integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    v_clause text := '';
    j        integer := i + 1;
BEGIN
    WHILE j <= coalesce(array_length(tokens, 1), 0) AND tokens[j] !~ '^#[0-9]+#$' AND tokens[j] <> 'y' LOOP
        v_clause := v_clause || ' ' || tokens[j];
        j := j + 1;
    END LOOP;
    RETURN v_clause;
END
$$;

-- "cambiar el grifo de la bañera por uno termostático" in folded words (estimate_words): \1 the verb, \2 the old
-- thing, \3 up to three words said of it (its use), \4 the new one's kind. p_pronoun_optional: "por termostático"
-- too; else only "por uno / otro / otra termostático" (the new one named by a pronoun and its kind).
CREATE OR REPLACE FUNCTION estimate_swap_regex(p_pronoun_optional boolean) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ' (cambiar|cambio|sustituir|sustitucion|reemplacar|reemplaco) ([a-z]+) ((?:[a-z]+ ){1,3}?)por '
           || CASE WHEN p_pronoun_optional THEN '(?:(?:uno|otro|otra) )?' ELSE '(?:uno|otro|otra) ' END || '([a-z]{4,}) '
$$;

-- ---------------------------------------------------------------------------------------------------------
-- estimate_match(words): the items the plumber's words name, priced only where the catalogue is sure.
-- Returns {"items": [...estimate_create items...], "mentions": [...], "jobs": [...], "found": n, ...}.
--   mentions: what was read, e.g. {"words": "tuberia cobre", "code": null, "candidates": [...], "quantity": 3,
--             "old": false, "part_of": false}
-- Rules, in order:
--   - Longest phrases first; a phrase is only read once ("tubería de cobre de 15" is not also "cobre 15").
--   - Quantity: the number just before the phrase, with or without a unit ("3 metros de", "dos"); for an
--     item sold by the metre with no number before it, the only "N metros" left in the message; else 1.
--   - "cambiar X por Y" / "X por uno de ...": X is the old one and is not priced.
--   - "X de(l) Y", both catalogue items said one right after the other ("el cartucho del monomando", "la
--     montura del grifo del lavabo"), or X one of estimate_settings.part_words ("la junta del monomando", "la
--     fuga del termo"): Y says where X is and is not priced (part_of). A comma or "y" between them ("el
--     sifón, el latiguillo") makes them two items.
--   - A phrase several rows share is settled by the other words of the message (not the quantities: the "15"
--     of "15 metros" is no diameter) and the other items named ("tubería de 15" + "codos" = codo de cobre
--     15 mm); if still tied it stays "a cotizar" with its choices.
--   - Hours said before a labour phrase in any form ("2 horas y media de mano de obra", "hora y media de
--     trabajo", "media hora de oficial") are its quantity (estimate_hours_words).
--   - Job rules: a named item of a rule + a job word ("cambiar", "instalar"...; also "instalado", "quitando")
--     adds the rule's labour (unless the plumber gave hours) and extras (unless already named). An extra of
--     kind 'disposal' (taking the old one away, rubble) is never added by a rule: it is a charge the
--     customer may not want, priced only when the words name it ("retirar el viejo", "retirada del termo"). A family name
--     left "a cotizar" whose every choice is in the same rule counts for it ("cambiar el termo": the size is
--     to quote, the labour and the extras of a heater job are priced).
--   - Every job gets the service call (settings.service_call_code) unless the plumber named one.
--   - A job in which nothing is in the catalogue ("instalar una mampara de ducha"): the job as written is one
--     line "a cotizar", with the service call. Only a message with no job word and no catalogue item gets
--     nothing (the workflow then hands it to a person).
-- ---------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION estimate_match_words(input text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s          estimate_settings;
    v_input    text := estimate_separate(left(coalesce(input, ''), 4000));
    -- ("una hora" is "1 hora": the article is a little word the folding drops, and a size said right before
    -- it would become the hours: "cuatro codos de dieciséis una hora y media" is 1.5 h, not 16.5)
    v_text     text := ' ' || estimate_hours_words(estimate_words(regexp_replace(v_input, '\m([Uu]na|UNA) (horas?|horitas?|HORAS?)\M', '1 \2', 'g'))) || ' ';
    -- the same words with "de"/"del" kept (as "xdex"): where "X de Y" was said
    -- (and "en": "una fuga en el tubo de cobre" is where the leak is, as "la fuga del termo")
    v_text_de  text := ' ' || estimate_words(regexp_replace(v_input, '\m(de|del|De|Del|DE|DEL|en|En|EN)\M', ' xdex ', 'g')) || ' ';
    v_words    text[];
    v_use      text[];
    v_swap     text[];
    v_context_words text[];
    v_tokens   text[];
    v_phrase   record;
    v_at       integer;
    v_k        integer := 0;
    v_ph       text[] := '{}';     -- per mention: the phrase
    v_codes    text[] := '{}';     -- per mention: candidate codes, comma separated
    v_shown    text[] := '{}';     -- per mention: the catalogue text that names it
    v_qty      numeric[] := '{}';  -- per mention: quantity (NULL = not said)
    v_old      boolean[] := '{}';  -- per mention: the old item of "cambiar X por Y"
    v_part     boolean[] := '{}';  -- per mention: the Y of "X de Y" (where X goes)
    v_qunit    text[] := '{}';     -- per mention: the unit its quantity was said in ("8 mts de …": metro)
    v_code     text[] := '{}';     -- per mention: the settled code (NULL = ambiguous)
    v_pos      integer[] := '{}';  -- per mention: token index
    v_free_m   numeric[] := '{}';  -- "N metros" not attached to a phrase
    v_tok      text;
    i          integer;
    j          integer;
    v_m        integer;
    v_items    jsonb := '[]';
    v_mentions jsonb := '[]';
    v_jobs     jsonb := '[]';
    v_context  text[];
    v_best     text;
    v_best_n   integer;
    v_tie      boolean;
    v_n        integer;
    v_cand     text;
    v_named    text[] := '{}';
    v_named_at integer[] := '{}';  -- per code named: the token index where it was said last
    v_kinds    text[] := '{}';
    v_open     text[] := '{}';     -- per family name left "a cotizar": its choices, comma separated
    v_open_qty numeric[] := '{}';
    v_hours    numeric := 0;
    v_has_work boolean;
    v_labour   boolean := false;
    v_job      estimate_jobs;
    v_unit     text;
    v_kind     text;
    v_qty_sum  numeric;
    v_job_text text;
    v_job_list text[];
    v_part_list text[];
    v_ok       boolean;
    v_clause   text;
    v_fam      text[];
    v_hmat     text;               -- 1b: the material said right after a head word ("2 tes pex")
    v_said     text[];
    v_place_list text[];
    v_choices  text[] := '{}';     -- per mention: the catalogue's choices when a kind was not said (comma separated)
    v_rowk     text[];
    v_here     text[];
    v_base     text;
    v_ask_back integer := 0;
    v_heads    integer;            -- mentions from here on are head words (1b): never settled by context
    v_swap_rows text[];           -- "X por uno Y": the rows of kind Y for X's use
    v_ctx_at   integer[] := '{}';  -- per context word: its token index
    v_ctx_owner integer[];         -- per context word: the mention whose clause it is in (0: none)
    v_ctx_unit text[];             -- per context word: the unit of the item it is said of (NULL: none)
    v_mu       text[];             -- per mention: the unit its size is measured in (NULL: none, or several)
BEGIN
    SELECT * INTO s FROM estimate_settings WHERE id;
    v_job_list := estimate_word_list(s.job_words);
    v_place_list := estimate_word_list(s.place_verbs);
    v_part_list := estimate_word_list(s.part_words);
    -- "cambiar el grifo de la bañera por uno (un, otro) termostático": the new one is for the same use as the old
    -- one (its words in estimate_settings.use_words), read as an attribute: the rows of the new kind (the word
    -- in their code or name) for that use (estimate_row_uses). One row is the new one, however it is introduced
    -- (the bath's thermostatic mixer; the old tap is not sold). Several ("la ducha": the shower's and the
    -- bath-shower's thermostatic mixers and the shower column all serve a shower): read as before, the use
    -- words carried after "por uno / otro" and the catalogue's names and aliases deciding or asking.
    v_swap := regexp_match(v_text, estimate_swap_regex(true));
    IF v_swap IS NOT NULL AND v_swap[4] NOT IN ('nuebo', 'nueba', 'igual', 'parecido', 'parecida', 'bueno', 'buena', 'mejor', 'otro', 'otra', 'mismo', 'misma') THEN
        v_use := ARRAY(SELECT w FROM unnest(string_to_array(btrim(v_swap[3]), ' ')) w
                       WHERE w = ANY (estimate_word_list(s.use_words)));
        IF cardinality(v_use) > 0 AND NOT v_swap[4] = ANY (v_use) THEN
            v_swap_rows := ARRAY(SELECT c.code FROM price_catalog c
                                 WHERE c.active AND c.kind = 'material'
                                   AND v_swap[4] = ANY (string_to_array(estimate_words(replace(c.code, '-', ' ') || ' ' || c.name), ' '))
                                   AND estimate_row_uses(c.code, estimate_word_list(s.use_words)) @> v_use
                                 ORDER BY c.code);
            IF cardinality(v_swap_rows) = 1 THEN
                v_text := regexp_replace(v_text, estimate_swap_regex(true),
                    ' \1 \2 \3por ' || estimate_words((SELECT c.name FROM price_catalog c WHERE c.code = v_swap_rows[1])) || ' ');
            ELSE
                v_text := regexp_replace(v_text, estimate_swap_regex(false),
                    ' \1 \2 \3por \2 \4 ' || array_to_string(v_use, ' ') || ' ');
            END IF;
        END IF;
    END IF;
    -- "cambiar termo 50 litro por uno 100 litro": the new one is a "termo" too.
    v_text := regexp_replace(v_text,
        ' (cambiar|cambio|sustituir|sustitucion|reemplacar|reemplaco) ([a-z]+) (([^ ]+ ){0,6}?)por (uno|una|otro|otra) ',
        ' \1 \2 \3por \2 ', 'g');
    -- A water flexible said with its thread and its length ("2 latiguillos de 1/2 de 30 cm", "dos mangueras de agua
    -- de media de cuarenta centímetros", "2 flexibles 1/2 x 40", "mangueras coflex de 1/2 de 40 cm"): the 1/2" thread
    -- is the thread every water flexible has (the catalogue's rows are told apart by their length only), so the
    -- length settles the row, as "latiguillo de 40" does. A hose ("manguera", "for water") said so, thread and a
    -- length in cm, is that flexible. Only the 1/2" thread (another thread, 3/8" or 3/4", is another item: a
    -- cotizar as before); a length in cm said, or a round one of 20-60 bare ("x 40"); never for gas. ("mangueras
    -- latiguillo", as the shared synonym list reads "mangueras coflex", is one thing: the count is its own.)
    -- (a bare length only when no length in inches is written in the message: '1/2 x 20"' is 20 inches, and the
    -- folded words no longer show the inch mark)
    IF v_text ~ ' 1/2 ' THEN
        v_text := regexp_replace(v_text,
            ' (?:(?:manguera|mangera) (?=latiguiyo|flexibl|conector))?(latiguiyo|flexibl|conector(?: flexibl)?|manguera(?: flexibl)?|mangera|manguerita)'
            '(?: (?:para )?agua| coflex| flexibl)? 1/2 (?:x )?'
            || CASE WHEN v_input ~* '[0-9]\s*(?:"|”|''|pulg|in\M)' THEN '([1-9][0-9]) (?:cm|centimetro) ()'
                    ELSE '(?:([1-9][0-9]) (?:cm|centimetro) |([2-6]0) (?=y |[0-9]|$))' END,
            ' \1 \2\3 cm ', 'g');
        -- (a hose said so is read as "flexible": the word "manguera" stays free for another hose of the message,
        -- "… y una manguera para gas", a line of its own)
        v_text := regexp_replace(v_text, ' (?:manguera|mangera|manguerita)(?: flexibl)? ([1-9][0-9]) cm ', ' flexibl \1 cm ', 'g');
    END IF;

    -- 1. Phrases, longest first, each occurrence replaced by a marker #k#.
    FOR v_phrase IN
        SELECT p.phrase, string_agg(p.code, ',' ORDER BY p.code) AS codes, min(p.shown) AS shown
        FROM estimate_phrases() p GROUP BY p.phrase
        ORDER BY length(p.phrase) DESC, p.phrase
    LOOP
        LOOP
            v_at := position(' ' || v_phrase.phrase || ' ' IN v_text);
            EXIT WHEN v_at = 0;
            v_k := v_k + 1;
            v_text := overlay(v_text PLACING ' #' || v_k || '# ' FROM v_at FOR length(v_phrase.phrase) + 2);
            v_ph := v_ph || v_phrase.phrase;
            v_codes := v_codes || v_phrase.codes;
            v_shown := v_shown || v_phrase.shown;
        END LOOP;
    END LOOP;

    -- 1b. A name said alone that no row is known by, but that begins the names of rows of several kinds
    --     ("calentador", "grifo", "boiler": estimate_kind_family): a mention with those rows as its choices,
    --     settled by the other words like a family name, else asked back. Words of the job (job_words,
    --     place_verbs), of parts (part_words) and kind words (kind_words) are not names.
    v_heads := v_k + 1;
    FOR v_tok IN
        SELECT DISTINCT w FROM regexp_split_to_table(btrim(v_text), ' ') w
        WHERE (length(w) > 3 OR length(w) BETWEEN 2 AND 3 AND w ~ '^[a-z]+$') AND w !~ '^#' AND w !~ '[0-9]'
          AND NOT estimate_verb_forms(w) && (v_job_list || v_place_list) AND NOT w = ANY (v_part_list)
    LOOP
        CONTINUE WHEN cardinality(estimate_kinds_said(v_tok, s.kind_words)) > 0;   -- "deposito", "gas": a kind
        v_fam := estimate_kind_family(v_tok);
        -- the first word of the names of two rows or more ("Calentador de gas…", "Calentador eléctrico…"), not
        -- of aliases only ("toma", "tanque": words with other uses)
        CONTINUE WHEN cardinality(v_fam) < 2 OR (
            SELECT count(*) FROM price_catalog c WHERE c.code = ANY (v_fam) AND split_part(estimate_words(c.name), ' ', 1) = v_tok) < 2;
        j := 1;
        LOOP
            v_at := position(' ' || v_tok || ' ' IN substr(v_text, j));
            EXIT WHEN v_at = 0;
            v_at := v_at + j - 1;
            j := v_at + length(v_tok) + 1;
            -- (a short word, "te", is also a pronoun: a name only when a count is said right before it, "2 te")
            CONTINUE WHEN length(v_tok) <= 3
                      AND NOT coalesce(estimate_is_number(regexp_replace(rtrim(substr(v_text, 1, v_at)), '^.* ', ''))
                                       OR regexp_replace(rtrim(substr(v_text, 1, v_at)), '^.* ', '') IN ('un', 'una', 'uno'), false);
            -- "tubo pex", "grifo monomando": a name said next that is one of these rows names the thing
            v_clause := split_part(btrim(substr(v_text, j)), ' ', 1);
            CONTINUE WHEN v_clause ~ '^#[0-9]+#$'
                      AND string_to_array(v_codes[btrim(v_clause, '#')::integer], ',') <@ v_fam;
            -- "4 metros de tubo de desagüe de pvc de 50", "tubo para agua de pex de 16": a name of these rows said a
            -- few plain words later (what the thing is for, with no count, separator or job word between) names
            -- the same thing: one mention, moved to where the head word was, so the count said before the head
            -- word is its own ("4 metros" of the PVC 50 pipe, not of an open "tubo"); the words between stay
            v_said := string_to_array(btrim(substr(v_text, j)), ' ');
            v_n := NULL;
            FOR i IN 1 .. least(4, coalesce(cardinality(v_said), 0)) LOOP
                IF v_said[i] ~ '^#[0-9]+#$' THEN
                    IF i > 1 AND string_to_array(v_codes[btrim(v_said[i], '#')::integer], ',') <@ v_fam THEN
                        v_n := i;
                    END IF;
                    EXIT;
                END IF;
                EXIT WHEN v_said[i] !~ '^[a-z]+$'
                       OR v_said[i] IN ('y', 'e', 'o', 'u', 'ni', 'con', 'por', 'mas', 'ademas', 'tambien', 'otro', 'otra')
                       OR estimate_verb_forms(v_said[i]) && (v_job_list || v_place_list)
                       OR v_said[i] = ANY (v_part_list);
            END LOOP;
            IF v_n IS NOT NULL THEN
                v_text := overlay(v_text PLACING ' ' || v_said[v_n] || ' ' || array_to_string(v_said[1:v_n - 1], ' ') || ' '
                                  FROM v_at FOR length(v_tok) + 2 + length(array_to_string(v_said[1:v_n], ' ')) + 1);
                j := v_at + 1;
                v_said := NULL;
                CONTINUE;
            END IF;
            v_said := NULL;
            -- "2 tes pex", "3 te termofusion": a material said right after it (one word, or one read as another
            -- thing's name: "pex" is the pipe's alias) is what these are made of: the rows of that material, one mention
            v_hmat := CASE WHEN v_clause ~ '^#[0-9]+#$' THEN v_ph[btrim(v_clause, '#')::integer] ELSE v_clause END;
            v_said := CASE WHEN v_hmat ~ '^[a-z]+$' THEN estimate_kinds_said(v_hmat, s.kind_words) END;
            v_hmat := NULL;
            IF v_said IS NOT NULL THEN
                IF cardinality(v_said) = 1 AND EXISTS (SELECT 1 FROM unnest(v_fam) c WHERE v_said[1] = ANY (estimate_row_kinds(c, s.kind_words))) THEN
                    v_hmat := CASE WHEN v_clause ~ '^#[0-9]+#$' THEN v_ph[btrim(v_clause, '#')::integer] ELSE v_clause END;
                    v_fam := ARRAY(SELECT c FROM unnest(v_fam) c WHERE v_said[1] = ANY (estimate_row_kinds(c, s.kind_words)));
                    v_text := overlay(v_text PLACING '' FROM j FOR length(v_clause) + 1);
                END IF;
            END IF;
            v_k := v_k + 1;
            v_text := overlay(v_text PLACING ' #' || v_k || '# ' FROM v_at FOR length(v_tok) + 2);
            j := v_at + 1;
            v_ph := v_ph || (v_tok || coalesce(' ' || v_hmat, ''));
            v_codes := v_codes || array_to_string(v_fam, ',');
            v_shown := v_shown || (v_tok || coalesce(' ' || v_hmat, ''));
            v_fam := estimate_kind_family(v_tok);
        END LOOP;
    END LOOP;

    -- 1c. One thing named twice in a row ("2 latiguillos flexibles", "conectores latiguillo": two names of one
    --     family, nothing between them) is one mention: the second name is dropped, the first keeps its
    --     quantity. (Only names of the very same rows: "grifo monomando", "tubo pex" name one thing already.)
    v_tokens := regexp_split_to_array(btrim(v_text), ' ');
    FOR i IN 2 .. coalesce(array_length(v_tokens, 1), 0) LOOP
        CONTINUE WHEN v_tokens[i] !~ '^#[0-9]+#$' OR v_tokens[i - 1] !~ '^#[0-9]+#$'
                   OR v_codes[btrim(v_tokens[i], '#')::integer] IS DISTINCT FROM v_codes[btrim(v_tokens[i - 1], '#')::integer]
                   OR position(',' IN v_codes[btrim(v_tokens[i], '#')::integer]) = 0;
        v_text := replace(v_text, ' ' || v_tokens[i - 1] || ' ' || v_tokens[i] || ' ', ' ' || v_tokens[i - 1] || ' ');
        v_tokens[i] := v_tokens[i - 1];   -- (a third name of it is the same mention too)
    END LOOP;
    -- 1d. A material said right after a thing ("2 llaves de paso PPR", "codos pex") is what that thing is made of,
    --     even when it is also a pipe's name ("ppr", "pex" are aliases of the pipes): never a pipe line of its own
    --     (esfix14: "12 m de tubo PPR, 8 codos y 2 llaves de paso PPR" priced a second 12 m of pipe). The word
    --     stays as the thing's context (the conflict guard then reads it: no PPR valve row, a cotizar).
    v_tokens := regexp_split_to_array(btrim(v_text), ' ');
    FOR i IN 2 .. coalesce(array_length(v_tokens, 1), 0) LOOP
        CONTINUE WHEN v_tokens[i] !~ '^#[0-9]+#$' OR v_tokens[i - 1] !~ '^#[0-9]+#$'
                   OR v_tokens[i] = v_tokens[i - 1]
                   OR v_ph[btrim(v_tokens[i], '#')::integer] !~ '^[a-z]+$'
                   OR cardinality(estimate_kinds_said(v_ph[btrim(v_tokens[i], '#')::integer], s.kind_words)) = 0;
        v_text := replace(v_text, ' ' || v_tokens[i - 1] || ' ' || v_tokens[i] || ' ',
                          ' ' || v_tokens[i - 1] || ' ' || v_ph[btrim(v_tokens[i], '#')::integer] || ' ');
    END LOOP;

    v_tokens := regexp_split_to_array(btrim(v_text), ' ');
    v_qty := array_fill(NULL::numeric, ARRAY[greatest(v_k, 1)]);
    v_old := array_fill(false, ARRAY[greatest(v_k, 1)]);
    v_part := array_fill(false, ARRAY[greatest(v_k, 1)]);
    v_qunit := array_fill(NULL::text, ARRAY[greatest(v_k, 1)]);
    v_code := array_fill(NULL::text, ARRAY[greatest(v_k, 1)]);
    v_pos := array_fill(0, ARRAY[greatest(v_k, 1)]);
    v_choices := array_fill(NULL::text, ARRAY[greatest(v_k, 1)]);

    -- 2. Quantities, "por", "X de Y": read the tokens around each marker.
    FOR i IN 1 .. coalesce(array_length(v_tokens, 1), 0) LOOP
        v_tok := v_tokens[i];
        IF v_tok ~ '^#[0-9]+#$' THEN
            v_m := btrim(v_tok, '#')::integer;
            v_pos[v_m] := i;
            IF i > 2 AND estimate_is_unit_word(v_tokens[i - 1]) AND estimate_is_number(v_tokens[i - 2]) THEN
                v_qty[v_m] := v_tokens[i - 2]::numeric;
                v_qunit[v_m] := v_tokens[i - 1];
            ELSIF i > 1 AND estimate_is_number(v_tokens[i - 1])
                  -- (the second number of a measure is no count of what follows: "un plato de ducha de 80 por 120
                  -- un grifo termostático" is one tap, "80 x 120" a size)
                  AND NOT (i > 3 AND v_tokens[i - 2] IN ('por', 'x') AND estimate_is_number(v_tokens[i - 3]))
                  -- (est34) nor a number said after "de" right after a thing: the size of that thing, "desatasco de
                  -- tubería de 40 con sonda", "limpieza de tubería de 50 con máquina" (40 and 50 are diameters, not
                  -- 40 m or 50 services); after a word of estimate_settings.not_thing_words it is the count, as
                  -- before: "cambio de 2 llaves", "presupuesto de 3 codos"
                  AND NOT EXISTS (
                      SELECT 1 FROM regexp_matches(v_text_de, ' ([a-z]+) xdex ' || v_tokens[i - 1] || ' '
                                                   || split_part(v_ph[v_m], ' ', 1) || ' ', 'g') w
                       WHERE w[1] <> 'xdex' AND NOT w[1] = ANY (estimate_word_list(s.not_thing_words))
                         AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = ANY (string_to_array(v_codes[v_m], ','))
                                                                    AND c.kind <> 'material')) THEN
                v_qty[v_m] := v_tokens[i - 1]::numeric;
            END IF;
            IF v_tokens[i + 1] = 'por' AND coalesce(v_tokens[i + 2], '') ~ '^#[0-9]+#$' THEN
                v_old[v_m] := true;
            END IF;
            -- "quitar el bote sifónico y poner sifones individuales" (wrongprice, stop 29): a material right after a
            -- verb of taking away (quitar, retirar, sacar, desmontar, eliminar, anular, or their nouns) is the old
            -- one, taken out, not a thing to buy (old), as X in "cambiar X por Y". Not when the message puts a new
            -- one back by a pronoun ("quitar el termo y poner uno nuevo de 80": the thing named is the new one's
            -- too) or by "nuevo"; a removal the catalogue sells as a service is its own row, read by its alias.
            IF i > 1 AND estimate_verb_forms(v_tokens[i - 1])
                         && ARRAY['kitar', 'quitar', 'retirar', 'retirada', 'retiro', 'sacar', 'desmontar', 'desmontaje',
                                  'eliminar', 'anular']
               AND v_text !~ ' (uno|una|otro|otra|nuebo|nueba|nuebos|nuebas) '
               AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = ANY (string_to_array(v_codes[v_m], ','))
                                                            AND c.kind = 'material') THEN
                v_old[v_m] := true;
            END IF;
            -- "destapar el desagüe de la ducha": a material right after a verb of estimate_settings.place_verbs
            -- is where the work is done, not a thing to price (part_of)
            IF i > 1 AND estimate_verb_forms(v_tokens[i - 1]) && v_place_list
               AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = ANY (string_to_array(v_codes[v_m], ','))
                                                            AND c.kind = 'material') THEN
                v_part[v_m] := true;
            END IF;
            -- "arreglar el tanque del inodoro, cambiarle el flotante y la pera" (wrongprice, stop 29): a thing named
            -- right before a work verb that points back to it ("cambiarle", "ponerle", "cámbiale", "hacerles") is
            -- where the work is done, its parts named after the verb: not a thing to price (part_of)
            -- (folded, "cambiarle" and "cambiarles" are "cambiarl", "cámbiale" is "cambial"; "cambiarlo", the
            -- thing itself changed, keeps its "lo" and is not this)
            -- ("la cisterna del inodoro cambiarle …": the whole's own "del Y" may come between; not a "y", read
            -- as a comma too: in "cambiar el obturador y ponerle un latiguillo" the "le" is the cistern's)
            j := i + 1 + CASE WHEN coalesce(v_tokens[i + 1], '') ~ '^#[0-9]+#$' THEN 1 ELSE 0 END;
            IF coalesce(v_tokens[j], '') ~ '^[a-z]{3,}[raei]l$' AND coalesce(v_tokens[j + 1], '') <> ''
               AND ARRAY[regexp_replace(regexp_replace(v_tokens[j], 'rl$', 'r'), '([aei])l$', '\1r')] && v_job_list
               AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = ANY (string_to_array(v_codes[v_m], ','))
                                                            AND c.kind = 'material') THEN
                v_part[v_m] := true;
            END IF;
            -- "X [size] de Y": the item right before (only a size between) and "de" said before Y's first word
            j := i - 1;
            WHILE j > 0 AND (estimate_is_number(split_part(v_tokens[j], '/', 1)) OR estimate_is_unit_word(v_tokens[j])
                             OR v_tokens[j] IN ('l', 'mm', 'cm')) LOOP
                j := j - 1;
            END LOOP;
            -- (a count with its unit between is Y's quantity, not X's size: "… para la caldera dos metros de tubo")
            IF j > 0 AND v_tokens[j] ~ '^#[0-9]+#$'
               AND NOT EXISTS (SELECT 1 FROM generate_series(j + 1, i - 1) AS t
                                WHERE v_tokens[t] IN ('m', 'metro', 'mt', 'ml', 'ud', 'unidad', 'u', 'pieza'))
               AND position(' xdex ' || split_part(v_ph[v_m], ' ', 1) || ' ' IN v_text_de) > 0 THEN
                v_part[v_m] := true;
            END IF;
            -- "X [size] [nuevo] en Y" (esparts): "una llave de paso de 1/2 en el termo", "un latiguillo nuevo en el
            -- termo de 80": Y is where X goes, not a thing to price, when Y is not sold by the metre (a pipe said
            -- after "en" may be metres of it: "una fuga en el tubo …, cambiar 2 metros")
            IF i > 2 AND v_tokens[i - 1] = 'en' THEN
                j := i - 2;
                WHILE j > 0 AND (estimate_is_number(split_part(v_tokens[j], '/', 1)) OR estimate_is_unit_word(v_tokens[j])
                                 OR v_tokens[j] IN ('l', 'mm', 'cm', 'nuebo', 'nueba', 'nuebos', 'nuebas')) LOOP
                    j := j - 1;
                END LOOP;
                IF j > 0 AND v_tokens[j] ~ '^#[0-9]+#$'
                   AND NOT EXISTS (SELECT 1 FROM generate_series(j + 1, i - 1) AS t
                                    WHERE v_tokens[t] IN ('m', 'metro', 'mt', 'ml', 'ud', 'unidad', 'u', 'pieza'))
                   AND NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = ANY (string_to_array(v_codes[v_m], ','))
                                                                  AND (c.unit = 'm' OR c.kind <> 'material')) THEN
                    v_part[v_m] := true;
                END IF;
            END IF;
            -- "3 codos de 20 también multicapa": a material alone said with "también" after a thing, with no count,
            -- is what that thing is made of, not another line ("y también 2 niples" keeps its count: a new thing)
            IF i > 2 AND v_tokens[i - 1] = 'tambien' AND v_qty[v_m] IS NULL AND v_tokens[i - 2] NOT IN ('y', 'e')
               AND v_ph[v_m] !~ ' ' AND EXISTS (
                   SELECT 1 FROM unnest(estimate_kinds_said(v_ph[v_m], s.kind_words)) k
                    WHERE split_part(k, ':', 1) = ANY (SELECT split_part(g, ':', 1)
                                                         FROM unnest(estimate_kinds_said(estimate_words('cobre'), s.kind_words)) g)) THEN
                v_part[v_m] := true;
            END IF;
            -- "un sifón para el lavabo", "coflex pa la ducha": right after an item, "para" says where it goes,
            -- not another thing to price (part_of); also after the item's size ("cartucho de 30 mm para el
            -- monomando", "resistencia de 2000 w para termo de 100 litros", "calderín de 80 l para el grupo")
            IF i > 2 AND v_tokens[i - 1] IN ('para', 'pa', 'pal') THEN
                j := i - 2;
                WHILE j > 1 AND j >= i - 5 AND (estimate_is_number(split_part(v_tokens[j], '/', 1)) OR estimate_is_unit_word(v_tokens[j])
                                                OR v_tokens[j] IN ('l', 'mm', 'cm', 'w', 'kw', 'cb', 'hp', 'x', 'por', 'pulgada')
                                                -- (a kind said of it: "sifón sencillo para el fregadero")
                                                OR v_tokens[j] ~ '^[a-z]+$'
                                                   AND cardinality(estimate_kinds_said(v_tokens[j], s.said_kind_words)) > 0) LOOP
                    j := j - 1;
                END LOOP;
                IF v_tokens[j] ~ '^#[0-9]+#$' THEN
                    v_part[v_m] := true;
                END IF;
            END IF;
            -- "2 flexibles para el lavabo y el bidé": a place said right after another place of the same "para"
            -- (one word, read or not), with no count of its own, is a place too (the places of the first group of
            -- estimate_settings.attribute_words)
            IF i > 3 AND v_tokens[i - 1] IN ('y', 'e') AND v_tokens[i - 3] IN ('para', 'pa', 'pal')
               AND (v_tokens[i - 2] ~ '^[a-z]+$'
                    OR v_tokens[i - 2] ~ '^#[0-9]+#$' AND coalesce(v_part[substring(v_tokens[i - 2] FROM '^#([0-9]+)#$')::int], false))
               AND v_ph[v_m] IN (SELECT f.phrase FROM estimate_kind_phrases(s.attribute_words) f WHERE f.kind LIKE '1:%') THEN
                v_part[v_m] := true;
            END IF;
            -- "la resistencia del termo": a part the catalogue may not know (estimate_settings.part_words),
            -- unless the part word belongs to the item itself ("la junta de cera del inodoro" read as "junta"
            -- + "cera del inodoro": both are the wax ring)
            IF i > 1 AND NOT v_tokens[i - 1] ~ '^#[0-9]+#$' AND EXISTS (
                   SELECT 1 FROM unnest(v_part_list) w
                   WHERE position(' ' || w || ' xdex ' || split_part(v_ph[v_m], ' ', 1) || ' ' IN v_text_de) > 0
                     AND NOT EXISTS (SELECT 1 FROM price_catalog c
                                     WHERE c.code = ANY (string_to_array(v_codes[v_m], ','))
                                       AND w = ANY (estimate_item_words(c)))) THEN
                v_part[v_m] := true;
            END IF;
        ELSIF estimate_is_number(v_tok) AND v_tokens[i + 1] IN ('m', 'metro', 'mt', 'ml')
              AND coalesce(v_tokens[i + 2], '') !~ '^#[0-9]+#$' THEN
            v_free_m := v_free_m || v_tok::numeric;
        END IF;
    END LOOP;

    -- 3. Settle each mention: one candidate, or the candidate the context names most, if no other candidate
    --    ties with it. The context: the message's words (not its quantities: a number before a unit or an
    --    item), the words of the other things named, and the codes of the other items settled.
    v_words := regexp_split_to_array(btrim(regexp_replace(v_text, '#[0-9]+#', ' ', 'g')), '\s+');
    v_context_words := '{}';
    FOR i IN 1 .. coalesce(array_length(v_tokens, 1), 0) LOOP
        CONTINUE WHEN v_tokens[i] ~ '^#[0-9]+#$';
        CONTINUE WHEN estimate_is_number(v_tokens[i])
                  AND (estimate_is_unit_word(v_tokens[i + 1]) OR coalesce(v_tokens[i + 1], '') ~ '^#[0-9]+#$');
        v_context_words := v_context_words || v_tokens[i];
        v_ctx_at := v_ctx_at || i;
    END LOOP;
    FOR v_m IN 1 .. v_k LOOP
        IF position(',' IN v_codes[v_m]) = 0 THEN
            v_code[v_m] := v_codes[v_m];
        END IF;
    END LOOP;
    -- Whose each number is (estimate_unit_tagged): the unit of each item's size (its row's, or the one unit its
    -- candidates' sizes share), and, for a number of the message, the item whose clause it is said in and the
    -- unit said with it ("30 cm") or that item's.
    v_mu := ARRAY(SELECT (SELECT CASE WHEN count(*) = count(estimate_row_size(c.name))
                                           AND count(DISTINCT estimate_size_unit(estimate_row_size(c.name))) = 1
                                      THEN min(estimate_size_unit(estimate_row_size(c.name))) END
                            FROM price_catalog c
                           WHERE c.code = ANY (string_to_array(coalesce(v_code[g.n], v_codes[g.n]), ',')))
                  FROM generate_series(1, greatest(v_k, 1)) AS g(n) ORDER BY g.n);
    v_ctx_owner := '{}';
    v_ctx_unit := '{}';
    FOREACH i IN ARRAY v_ctx_at LOOP
        j := i - 1;   -- the item whose clause the word is in: the marker before it, with no "y" between
        WHILE j > 0 AND v_tokens[j] !~ '^#[0-9]+#$' AND v_tokens[j] <> 'y' LOOP
            j := j - 1;
        END LOOP;
        v_ctx_owner := v_ctx_owner || CASE WHEN j > 0 AND v_tokens[j] ~ '^#[0-9]+#$' THEN btrim(v_tokens[j], '#')::integer ELSE 0 END;
        v_ctx_unit := v_ctx_unit || CASE
            WHEN coalesce(v_tokens[i + 1], '') IN ('l', 'mm', 'cm', 'galon', 'kw', 'w', 'bar', 'cv', 'hp') THEN v_tokens[i + 1]
            WHEN v_ctx_owner[array_upper(v_ctx_owner, 1)] > 0 THEN v_mu[v_ctx_owner[array_upper(v_ctx_owner, 1)]] END;
    END LOOP;
    FOR v_m IN 1 .. v_k LOOP
        CONTINUE WHEN v_code[v_m] IS NOT NULL OR v_m >= v_heads;
        v_context := estimate_context_of(v_m, v_context_words, v_ctx_owner, v_ctx_unit, v_ph, v_code, v_mu, true);
        v_best := NULL; v_best_n := 0; v_tie := false;
        FOREACH v_cand IN ARRAY string_to_array(v_codes[v_m], ',') LOOP
            SELECT count(DISTINCT w) INTO v_n
            FROM price_catalog c, unnest(estimate_item_words(c)) AS w
            WHERE c.code = v_cand AND estimate_size_in_context(w, estimate_size_unit(estimate_row_size(c.name)), v_context)
              AND w <> ALL (string_to_array(v_ph[v_m], ' ')) AND w NOT IN ('mm', 'm', 'l', 'ud', 'y', 'para', 'con');
            IF v_n > v_best_n THEN v_best := v_cand; v_best_n := v_n; v_tie := false;
            ELSIF v_n = v_best_n AND v_n > 0 THEN v_tie := true;
            END IF;
        END LOOP;
        -- Settled by the other items only when they name what tells the choices apart: the row's kind where
        -- the choices differ in kind (copper / brass / PVC...: estimate_settings.kind_words) and its size
        -- where they differ in size. "3 metros de tubo de cobre y 4 codos, llave de paso de 3/4": neither
        -- the copper elbows (no size said) nor the brass 3/4" ones (no brass said): a cotizar.
        IF v_best IS NOT NULL AND NOT v_tie THEN
            -- the kinds said: in the words, and those of the other items settled (a "calentador de gas de 14
            -- litros" settled as the balanced-flue one makes "kit de salida de humos" the balanced-flue kit)
            v_said := estimate_kinds_said(array_to_string(v_context, ' '), s.kind_words);
            FOR j IN 1 .. v_k LOOP
                IF j <> v_m AND v_code[j] IS NOT NULL THEN
                    v_said := v_said || estimate_row_kinds(v_code[j], s.kind_words);
                END IF;
            END LOOP;
            SELECT (NOT EXISTS (
                           SELECT 1 FROM unnest(estimate_row_kinds(v_best, s.kind_words)) wk
                           WHERE NOT wk = ANY (v_said)
                             AND EXISTS (SELECT 1 FROM unnest(string_to_array(v_codes[v_m], ',')) oc
                                         WHERE oc <> v_best
                                           AND NOT wk = ANY (estimate_row_kinds(oc, s.kind_words)))))
                   -- its size, when another choice with the same words the context named (sizes aside: a
                   -- "3/4" said of another item is no size of this one) has another size
                   AND (estimate_row_size(c.name) IS NULL
                        OR estimate_size_in_context(split_part(estimate_words(estimate_row_size(c.name)), ' ', 1),
                                                    estimate_size_unit(estimate_row_size(c.name)), v_context)
                        -- a size said right after the name, that this row is known by ("cobre de 3/4")
                        OR (coalesce(v_tokens[v_pos[v_m] + 1], '') ~ '^[0-9]'
                            AND estimate_row_has_size(c, v_tokens[v_pos[v_m] + 1], v_tokens[v_pos[v_m] + 2]))
                        OR NOT EXISTS (
                            SELECT 1 FROM price_catalog o
                            WHERE o.code = ANY (string_to_array(v_codes[v_m], ',')) AND o.code <> v_best
                              AND estimate_row_size(o.name) IS DISTINCT FROM estimate_row_size(c.name)
                              AND estimate_item_words(o) @> ARRAY(
                                  SELECT w FROM unnest(estimate_item_words(c)) w
                                  WHERE w = ANY (v_context) AND w <> ALL (string_to_array(v_ph[v_m], ' '))
                                    AND w !~ '^[0-9]'
                                    AND w NOT IN ('mm', 'm', 'l', 'ud', 'y', 'para', 'con'))))
              INTO v_ok
            FROM price_catalog c WHERE c.code = v_best;
            IF v_ok THEN
                v_code[v_m] := v_best;
            END IF;
        END IF;
    END LOOP;

    -- 3b. A size said right after the phrase that the settled item does not have ("pex 20" when only PEX 16
    --     is active, "cartucho de 38") unsettles it: it is quoted as said, never priced as another size.
    --     A number followed by a unit or by another item is a quantity, not a size.
    --     (wrongprice, stop 29: initials said between are part of the name, "válvula de alivio T&P 3/4": the
    --     3/4 is the valve's size, which the 1/2" safety valve does not have)
    FOR v_m IN 1 .. v_k LOOP
        i := v_pos[v_m];
        WHILE i > 0 AND coalesce(v_tokens[i + 1], '') ~ '^[b-df-np-tvwz]$' LOOP
            i := i + 1;
        END LOOP;
        CONTINUE WHEN i = 0 OR NOT estimate_is_number(split_part(coalesce(v_tokens[i + 1], ''), '/', 1));
        CONTINUE WHEN estimate_is_unit_word(v_tokens[i + 2]) OR coalesce(v_tokens[i + 2], '') ~ '^#[0-9]+#$';
        IF v_code[v_m] IS NULL OR NOT EXISTS (
               SELECT 1 FROM price_catalog c
               WHERE c.code = v_code[v_m] AND estimate_row_has_size(c, v_tokens[i + 1], v_tokens[i + 2])) THEN
            -- (the item's own size over what the other items say: "termo de 50 litros y dos conectores de 40
            -- cm" are the 40 cm ones when exactly one row the phrase names has that size)
            SELECT min(c.code), count(*) INTO v_best, j FROM estimate_phrase_cache p JOIN price_catalog c ON c.code = p.code AND c.active
             WHERE p.phrase = v_ph[v_m] AND estimate_row_has_size(c, v_tokens[i + 1], v_tokens[i + 2]);
            IF j = 1 THEN
                v_code[v_m] := v_best;
            ELSE
                v_code[v_m] := NULL;
                v_shown[v_m] := v_shown[v_m] || ' ' || v_tokens[i + 1];
            END IF;
        END IF;
    END LOOP;

    -- 3c. The kind the words say next to the item (up to the next item or "y"): a row of another kind of the
    --     same group (estimate_settings.kind_words) is not priced ("boiler de paso de 6 litros a gas" is no
    --     electric termo; "calefont de once litros tiro natural" is not the balanced-flue one).
    -- 3d. Sizes are never assumed: a row that states a size (3/4", 22 mm, 80 l, 11 l/min), found by words that
    --     name none ("llave de paso", "termo"), and no size said right after them, is "a cotizar" with every
    --     row of that name and a size as its choices (estimate_size_family); the plumber is asked which.
    FOR v_m IN 1 .. v_k LOOP
        i := v_pos[v_m];
        CONTINUE WHEN i = 0;
        v_clause := estimate_clause_after(v_tokens, i);
        -- a family left open ("un flexible de gas": the water flexibles of every length) of which no row is of the
        -- kind said: a cotizar as said, with no choices (asking its length would price a water hose for gas)
        IF v_code[v_m] IS NULL THEN
            CONTINUE WHEN v_m >= v_heads OR position(',' IN coalesce(v_codes[v_m], '')) = 0 OR v_old[v_m] OR v_part[v_m];
            IF NOT EXISTS (
                   SELECT 1 FROM unnest(string_to_array(v_codes[v_m], ',')) oc
                    WHERE NOT estimate_kind_conflict(estimate_row_kinds(oc, s.kind_words),
                                                     estimate_kinds_said(v_ph[v_m] || v_clause, s.kind_words))
                      AND NOT (estimate_kinds_said(v_ph[v_m] || v_clause, s.kind_words) && estimate_kinds_said(estimate_words('gas'), s.kind_words)
                               AND NOT EXISTS (SELECT 1 FROM unnest(estimate_row_kinds(oc, s.kind_words)) r,
                                                             unnest(estimate_kinds_said(estimate_words('gas'), s.kind_words)) g
                                               WHERE split_part(r, ':', 1) = split_part(g, ':', 1)))) THEN
                v_codes[v_m] := '';
                v_choices[v_m] := '';
                v_shown[v_m] := v_shown[v_m] || v_clause;
            END IF;
            CONTINUE;
        END IF;
        -- (gas said of a thing whose row says no fuel at all, "flexibles para gas de 40", "conector de gas", is
        -- not that row either: a water hose is no gas hose)
        IF estimate_kind_conflict(estimate_row_kinds(v_code[v_m], s.kind_words),
                                  estimate_kinds_said(v_ph[v_m] || v_clause, s.kind_words))
           OR estimate_kinds_said(v_ph[v_m] || v_clause, s.kind_words) && estimate_kinds_said(estimate_words('gas'), s.kind_words)
              AND NOT EXISTS (SELECT 1 FROM unnest(estimate_row_kinds(v_code[v_m], s.kind_words)) r,
                                            unnest(estimate_kinds_said(estimate_words('gas'), s.kind_words)) g
                              WHERE split_part(r, ':', 1) = split_part(g, ':', 1)) THEN
            v_code[v_m] := NULL;
            v_shown[v_m] := v_shown[v_m] || v_clause;   -- as said: no row's name or alias
            CONTINUE;
        END IF;
        IF position(',' IN v_codes[v_m]) = 0 AND NOT estimate_names_size(v_ph[v_m])
           AND NOT estimate_is_number(split_part(coalesce(v_tokens[i + 1], ''), '/', 1))
           AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_code[v_m] AND estimate_row_size(c.name) IS NOT NULL) THEN
            v_fam := estimate_size_family(v_ph[v_m]);
            IF cardinality(v_fam) > 1 THEN
                -- the other items may say it, as for a family word ("10 metros de multicapa de 16 y 4 racores"):
                -- the one row of the family whose size and kind they name
                v_context := estimate_context_of(v_m, v_context_words, v_ctx_owner, v_ctx_unit, v_ph, v_code, v_mu, false);
                v_said := estimate_kinds_said(array_to_string(v_context, ' '), s.kind_words);
                SELECT CASE WHEN count(*) = 1 THEN min(c.code) END INTO v_best
                FROM price_catalog c
                WHERE c.code = ANY (v_fam)
                  AND estimate_size_in_context(split_part(estimate_words(estimate_row_size(c.name)), ' ', 1),
                                               estimate_size_unit(estimate_row_size(c.name)), v_context)
                  -- no kind the row says that the words do not (where the family differs in it)
                  AND NOT EXISTS (
                      SELECT 1 FROM unnest(estimate_row_kinds(c.code, s.kind_words)) wk
                      WHERE NOT wk = ANY (v_said)
                        AND EXISTS (SELECT 1 FROM unnest(v_fam) oc
                                    WHERE NOT wk = ANY (estimate_row_kinds(oc, s.kind_words))))
                  -- and every kind the words say that some row of the family has ("tubo de cobre de 3/4" and
                  -- "llave de paso": not the brass 3/4" valve; the copper ones have no 3/4)
                  AND NOT EXISTS (
                      SELECT 1 FROM unnest(v_said) sk
                      WHERE NOT sk = ANY (estimate_row_kinds(c.code, s.kind_words))
                        AND EXISTS (SELECT 1 FROM unnest(v_fam) oc WHERE sk = ANY (estimate_row_kinds(oc, s.kind_words))));
                v_code[v_m] := v_best;
                v_codes[v_m] := array_to_string(v_fam, ',');
            END IF;
        END IF;
    END LOOP;

    -- 3c2. A word said of the item (its own clause: "el grifo de cocina de pared") that its row does not have and
    --      other rows of its name do ("Grifo de pared para cocina"): the row is not what was said. The rows of the
    --      name (estimate_kind_family of its first word) that have such a word are its choices, asked back (those
    --      with the item's other words too, when some have them; one with every word said is priced); none of
    --      them: the row stays. (Sizes, uses and kinds have their own steps: 3b, 3f, 3c.)
    v_here := estimate_word_list(s.use_words);
    FOR v_m IN 1 .. v_k LOOP
        i := v_pos[v_m];
        CONTINUE WHEN i = 0 OR v_code[v_m] IS NULL OR v_old[v_m] OR v_part[v_m] OR v_m >= v_heads
                   OR estimate_clause_after(v_tokens, i) ~ '[0-9]';   -- a size said: 3b's
        v_said := ARRAY(SELECT DISTINCT w FROM unnest(string_to_array(btrim(estimate_clause_after(v_tokens, i)), ' ')) w
                        WHERE length(w) > 3 AND w !~ '[0-9]' AND NOT w = ANY (v_here)
                          AND w NOT IN ('nuebo', 'nueba', 'biejo', 'bieja', 'otro', 'otra', 'igual', 'mismo', 'misma', 'para', 'como')
                          AND cardinality(estimate_kinds_said(w, s.kind_words)) = 0
                          AND NOT w = ANY ((SELECT estimate_item_words(c) FROM price_catalog c WHERE c.code = v_code[v_m])::text[]));
        CONTINUE WHEN cardinality(v_said) = 0;
        v_fam := ARRAY(SELECT f FROM unnest(estimate_kind_family(split_part(v_ph[v_m], ' ', 1))) f
                       JOIN price_catalog c ON c.code = f
                       WHERE f <> v_code[v_m] AND estimate_item_words(c) && v_said ORDER BY f);
        CONTINUE WHEN cardinality(v_fam) = 0;
        -- (of those, the ones that have the item's other words too; one such row has every word said: it is priced)
        v_rowk := ARRAY(SELECT f FROM unnest(v_fam) f JOIN price_catalog c ON c.code = f
                        WHERE estimate_item_words(c) @> (string_to_array(v_ph[v_m], ' '))[2:] ORDER BY f);
        IF cardinality(v_rowk) = 1 AND (SELECT estimate_item_words(c) @> v_said FROM price_catalog c WHERE c.code = v_rowk[1]) THEN
            v_code[v_m] := v_rowk[1];
            CONTINUE;
        END IF;
        v_codes[v_m] := array_to_string(CASE WHEN cardinality(v_rowk) > 0 THEN v_rowk ELSE v_fam END, ',');
        v_choices[v_m] := v_codes[v_m];
        v_code[v_m] := NULL;
    END LOOP;

    -- 3e. Kinds are never assumed (as sizes, 3d), two ways:
    --   - words that name no kind for a row of one kind ("codo de 1/2" is known as the brass one, "desatascar
    --     el fregadero" as dismantling the trap), when the rest of the message names another kind of that
    --     group and not this one ("tubo de cobre ... 3 codos de 1/2", "destapar el fregadero con sonda"):
    --     "a cotizar", with the rows of the kind said that share the name (its size aside) as its choices;
    --   - a name said alone for a thing the catalogue has in several kinds ("sifón": of sink, basin, washing
    --     machine, shower; estimate_kind_family): "a cotizar" with them as its choices, unless the other words
    --     of the message name one of them ("desatascar el fregadero y cambiar el sifón").
    FOR v_m IN v_heads .. v_k LOOP
        -- a head word (1b): its choices narrowed by the kind and the size said right after it ("calentador a
        -- gas", "calentador a gas de 11 litros"); one row left, of a kind and a size both said, is priced
        i := v_pos[v_m];
        CONTINUE WHEN i = 0 OR v_old[v_m] OR v_part[v_m];
        v_clause := estimate_clause_after(v_tokens, i);
        v_here := estimate_kinds_said(v_clause, s.kind_words);
        v_base := NULL;   -- the size said in that clause (a number not followed by a unit of quantity), and its unit
        v_unit := NULL;
        FOR j IN i + 1 .. least(i + 6, coalesce(array_length(v_tokens, 1), 0)) LOOP
            EXIT WHEN v_tokens[j] ~ '^#[0-9]+#$' OR v_tokens[j] = 'y';
            IF estimate_is_number(split_part(v_tokens[j], '/', 1)) AND NOT estimate_is_unit_word(v_tokens[j + 1])
               AND coalesce(v_tokens[j + 1], '') !~ '^#[0-9]+#$' THEN
                v_base := v_tokens[j];
                v_unit := v_tokens[j + 1];
                EXIT;
            END IF;
        END LOOP;
        v_fam := ARRAY(SELECT c.code FROM price_catalog c
                       WHERE c.code = ANY (string_to_array(v_codes[v_m], ','))
                         AND NOT estimate_kind_conflict(estimate_row_kinds(c.code, s.kind_words), v_here)
                         AND (v_base IS NULL OR estimate_row_has_size(c, v_base, v_unit))
                       ORDER BY c.code);
        IF cardinality(v_fam) = 1 AND v_base IS NOT NULL AND estimate_row_kinds(v_fam[1], s.kind_words) && v_here THEN
            v_code[v_m] := v_fam[1];
        ELSIF cardinality(v_fam) > 0 THEN
            v_codes[v_m] := array_to_string(v_fam, ',');
            v_choices[v_m] := v_codes[v_m];
        END IF;
    END LOOP;
    FOR v_m IN 1 .. v_k LOOP
        i := v_pos[v_m];
        CONTINUE WHEN i = 0 OR v_code[v_m] IS NULL OR v_old[v_m] OR v_part[v_m] OR v_m >= v_heads;
        v_context := v_context_words;
        FOR j IN 1 .. v_k LOOP
            CONTINUE WHEN j = v_m;
            v_context := v_context || string_to_array(v_ph[j], ' ');
        END LOOP;
        v_clause := estimate_clause_after(v_tokens, i);
        v_here := estimate_kinds_said(v_ph[v_m] || v_clause, s.kind_words);
        v_rowk := ARRAY(SELECT r FROM unnest(estimate_row_kinds(v_code[v_m], s.kind_words)) r
                        WHERE NOT EXISTS (SELECT 1 FROM unnest(v_here) h WHERE split_part(h, ':', 1) = split_part(r, ':', 1)));
        v_said := estimate_kinds_said(array_to_string(v_context, ' '), s.kind_words);
        IF estimate_kind_conflict(v_rowk, v_said) THEN
            v_base := btrim(regexp_replace(' ' || v_ph[v_m] || ' ', ' [0-9][^ ]*(?: (?:l|mm|cm))?(?= )', ' ', 'g'));
            v_choices[v_m] := array_to_string(ARRAY(
                SELECT DISTINCT c.code FROM estimate_phrase_cache p JOIN price_catalog c ON c.code = p.code AND c.active
                WHERE p.phrase = v_base AND c.code <> v_code[v_m]
                  AND estimate_row_kinds(c.code, s.kind_words) && v_said
                  AND NOT estimate_kind_conflict(estimate_row_kinds(c.code, s.kind_words), v_said)
                ORDER BY 1), ',');
            v_codes[v_m] := coalesce(nullif(v_choices[v_m], ''), v_codes[v_m]);
            v_code[v_m] := NULL;
            CONTINUE;
        END IF;
        CONTINUE WHEN position(',' IN v_codes[v_m]) > 0 OR position(' ' IN v_ph[v_m]) > 0
                   OR estimate_is_number(split_part(coalesce(v_tokens[i + 1], ''), '/', 1))
                   OR NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_code[v_m] AND c.kind = 'material');
        v_fam := estimate_kind_family(v_ph[v_m]);
        CONTINUE WHEN cardinality(v_fam) < 2;
        -- settled only by the other things named (catalogue phrases), not by any word ("mampara de ducha")
        v_context := '{}';
        FOR j IN 1 .. v_k LOOP
            CONTINUE WHEN j = v_m;
            v_context := v_context || string_to_array(v_ph[j], ' ');
        END LOOP;
        SELECT CASE WHEN count(*) = 1 THEN min(x.code) END INTO v_best
        FROM (SELECT c.code, count(DISTINCT w) AS n, max(count(DISTINCT w)) OVER () AS top
              FROM price_catalog c, unnest(estimate_item_words(c)) AS w
              WHERE c.code = ANY (v_fam) AND w = ANY (v_context) AND w <> ALL (string_to_array(v_ph[v_m], ' '))
                AND w !~ '^[0-9]' AND w NOT IN ('mm', 'm', 'l', 'ud', 'y', 'para', 'con', 'cm')
                -- (wrongprice, stop 29: the word that names what a row IS, said as another thing's name, says
                -- nothing of this one: in "3 llaves de chorro y 1 flotador de tanque" the taps' "grifo" made the
                -- float the cistern's "grifo flotador"; the whole a row goes in still says it — "tanque de reserva
                -- 500 l, flotador" is the tank's float — and so does a place word of estimate_settings.use_words)
                AND NOT (w = ANY (ARRAY(SELECT split_part(v_ph[g], ' ', 1) FROM generate_series(1, v_k) g WHERE g <> v_m))
                         AND w = ANY (estimate_row_things(c.code, c.thing)) AND c.kind = 'material'
                         AND NOT w = ANY (estimate_word_list(s.use_words)))
              GROUP BY c.code) x
        WHERE x.n = x.top;
        IF v_best IS NOT NULL THEN
            v_code[v_m] := v_best;
        ELSE
            v_code[v_m] := NULL;
            v_codes[v_m] := array_to_string(v_fam, ',');
            v_choices[v_m] := v_codes[v_m];
        END IF;
    END LOOP;

    -- 3f. What a line a cotizar is for, read as an attribute (estimate_rows_for_use): its choices narrowed to
    --     the rows for the use said in its own clause ("cambiar el grifo de la ducha": the shower's taps, still
    --     asked which kind); one row left is priced (its name, its use and its other words all agree). Its own
    --     clause saying none, the use every settled item of the message shares, when the message says no other
    --     ("la canilla monocomando del lavabo, 2 flexibles y el sifón": the basin's trap), as the other things
    --     named settle a kind.
    v_said := NULL;
    v_use := estimate_word_list(s.use_words);   -- folded once
    FOR j IN 1 .. v_k LOOP
        -- (only when some line is left open with several rows: the rest of the message needs no uses)
        EXIT WHEN NOT EXISTS (SELECT 1 FROM generate_subscripts(v_code, 1) x
                              WHERE v_code[x] IS NULL AND position(',' IN coalesce(v_codes[x], '')) > 0);
        CONTINUE WHEN v_code[j] IS NULL OR v_old[j] OR v_pos[j] = 0;
        v_here := estimate_row_uses(v_code[j], v_use);
        CONTINUE WHEN cardinality(v_here) = 0;
        v_said := CASE WHEN v_said IS NULL THEN v_here
                       ELSE ARRAY(SELECT x FROM unnest(v_said) x WHERE x = ANY (v_here)) END;
    END LOOP;
    IF NOT ARRAY(SELECT w FROM unnest(string_to_array(v_text, ' ')) w WHERE w = ANY (v_use)) <@ coalesce(v_said, '{}') THEN
        v_said := NULL;   -- the message says a use no settled item is for ("… y el de la ducha"): no shared use
    END IF;
    FOR v_m IN 1 .. v_k LOOP
        i := v_pos[v_m];
        CONTINUE WHEN i = 0 OR v_code[v_m] IS NOT NULL OR v_old[v_m] OR v_part[v_m]
                   OR position(',' IN coalesce(v_codes[v_m], '')) = 0 OR v_choices[v_m] = '';
        v_clause := estimate_clause_after(v_tokens, i);   -- after its name: "la cisterna" is not for a cistern
        j := i + 1 + coalesce(array_length(string_to_array(btrim(estimate_clause_after(v_tokens, i)), ' '), 1), 0);
        IF coalesce(v_tokens[j], '') ~ '^#[0-9]+#$' THEN   -- "el sifón del #3#": the thing named after it says where
            v_clause := v_clause || ' ' || v_ph[btrim(v_tokens[j], '#')::integer];
        END IF;
        v_fam := estimate_rows_for_use(string_to_array(v_codes[v_m], ','), v_clause, v_use);
        IF v_fam = string_to_array(v_codes[v_m], ',') AND cardinality(v_said) > 0
           AND cardinality(ARRAY(SELECT w FROM unnest(string_to_array(estimate_words(v_clause), ' ')) w
                                 WHERE w = ANY (v_use))) = 0 THEN
            v_fam := estimate_rows_for_use(string_to_array(v_codes[v_m], ','), v_said, true, v_use);
        END IF;
        IF cardinality(v_fam) = 1 THEN
            v_code[v_m] := v_fam[1];
            v_choices[v_m] := NULL;
        ELSIF cardinality(v_fam) < cardinality(string_to_array(v_codes[v_m], ',')) THEN
            v_codes[v_m] := array_to_string(v_fam, ',');
            v_choices[v_m] := v_codes[v_m];
        END IF;
    END LOOP;

    -- 3z. A list's material is every item's of it: "8 m de tubo cpvc y 6 codos" are CPVC elbows. When the
    --     message says one material (the material group of estimate_settings.kind_words: the group "cobre" is
    --     in) and a line left a cotizar says none, while the rows it could be come in materials, the line
    --     keeps that material in its words: the card shows "codo cpvc", and a size said next ("de 3/4") looks
    --     for a CPVC elbow (a cotizar when the catalogue has none), never another material's.
    v_here := ARRAY(SELECT k FROM unnest(estimate_kinds_said(array_to_string(v_context_words || v_ph, ' '), s.kind_words)) k
                    WHERE split_part(k, ':', 1) = ANY (SELECT split_part(g, ':', 1) FROM unnest(estimate_kinds_said(estimate_words('cobre'), s.kind_words)) g));
    IF cardinality(v_here) = 1 THEN
        v_base := estimate_kind_word(s.kind_words, v_here[1]);
        -- (the items said after the first one that says the material: "la llave de paso y 2 niples
        -- galvanizados" says nothing of the valve)
        SELECT min(v_pos[g.n]) INTO i FROM generate_series(1, v_k) AS g(n)
         WHERE v_pos[g.n] > 0 AND estimate_kinds_said(v_ph[g.n] || estimate_clause_after(v_tokens, v_pos[g.n]), s.kind_words) && v_here;
        FOR v_m IN 1 .. v_k LOOP
            CONTINUE WHEN v_code[v_m] IS NOT NULL OR v_old[v_m] OR v_part[v_m] OR v_base IS NULL OR i IS NULL
                       OR v_pos[v_m] < i;
            CONTINUE WHEN EXISTS (SELECT 1 FROM unnest(estimate_kinds_said(estimate_words(v_shown[v_m]) || ' ' || v_ph[v_m]
                                                                           || CASE WHEN v_pos[v_m] > 0 THEN estimate_clause_after(v_tokens, v_pos[v_m]) ELSE '' END,
                                                                           s.kind_words)) k
                                  WHERE split_part(k, ':', 1) = split_part(v_here[1], ':', 1))
                       AND v_pos[v_m] <> i
                       OR estimate_kinds_said(estimate_words(v_shown[v_m]), s.kind_words) && v_here;
            -- (only a thing that always comes in a material: every row it could be says one — elbows, tees,
            -- pipes; a stop valve of a copper run may be a ball valve that says none. The material said right
            -- after the thing, "tubo cpvc", is its own even when no row of it is left)
            CONTINUE WHEN (v_codes[v_m] = '' OR EXISTS (
                              SELECT 1 FROM unnest(string_to_array(v_codes[v_m], ',')) c
                               WHERE NOT EXISTS (SELECT 1 FROM unnest(estimate_row_kinds(c, s.kind_words)) rk
                                                 WHERE split_part(rk, ':', 1) = split_part(v_here[1], ':', 1))))
                      AND NOT (v_pos[v_m] > 0 AND estimate_kinds_said(v_ph[v_m] || estimate_clause_after(v_tokens, v_pos[v_m]),
                                                                      s.kind_words) && v_here);
            v_shown[v_m] := v_shown[v_m] || ' ' || v_base;
        END LOOP;
    END IF;

    -- 4. Items from the mentions, in the order they were said; one line per code (quantities added).
    FOR i IN 1 .. coalesce(array_length(v_tokens, 1), 0) LOOP
        CONTINUE WHEN v_tokens[i] !~ '^#[0-9]+#$';
        v_m := btrim(v_tokens[i], '#')::integer;
        SELECT c.unit, c.kind INTO v_unit, v_kind FROM price_catalog c WHERE c.code = v_code[v_m];
        IF v_code[v_m] IS NULL THEN   -- ambiguous: the unit its candidates share, if they share one
            SELECT CASE WHEN count(DISTINCT c.unit) = 1 THEN min(c.unit) END INTO v_unit
            FROM price_catalog c WHERE c.code = ANY (string_to_array(v_codes[v_m], ','));
            -- else metres said with its count ("8 mts de tubo cpvc"): a line a cotizar in metres, not units
            IF v_unit IS NULL AND v_qunit[v_m] IN ('m', 'metro', 'mt', 'ml') THEN
                v_unit := 'm';
            END IF;
        END IF;
        -- "una fuga en el tubo de cobre": where the leak is; but "... hay que cambiar 2 metros": metres of it
        IF v_part[v_m] AND v_qty[v_m] IS NULL AND v_unit = 'm' AND array_length(v_free_m, 1) = 1
           AND NOT (i > 1 AND estimate_verb_forms(v_tokens[i - 1]) && v_place_list) THEN
            v_part[v_m] := false;
        END IF;
        IF v_qty[v_m] IS NULL AND v_unit = 'm' AND array_length(v_free_m, 1) = 1 THEN
            v_qty[v_m] := v_free_m[1];
        END IF;
        v_mentions := v_mentions || jsonb_build_object(
            'words', v_ph[v_m], 'code', v_code[v_m], 'candidates', to_jsonb(string_to_array(v_codes[v_m], ',')),
            'quantity', v_qty[v_m], 'old', v_old[v_m], 'part_of', v_part[v_m]);
        CONTINUE WHEN v_old[v_m] OR v_part[v_m];
        IF v_code[v_m] IS NULL AND v_choices[v_m] IS NULL
           AND NOT EXISTS (SELECT 1 FROM estimate_phrase_cache p WHERE p.phrase = v_ph[v_m]) THEN
            v_choices[v_m] := v_codes[v_m];   -- a head word (1b): the text names no row, the choices do
        END IF;
        IF v_code[v_m] IS NULL THEN
            v_items := v_items || jsonb_strip_nulls(jsonb_build_object(
                'item', v_shown[v_m], 'quantity', coalesce(v_qty[v_m], 1), 'unit', v_unit,
                'choices', to_jsonb(string_to_array(v_choices[v_m], ','))));
            -- a line whose choices the card asks back ("¿De qué medida?", "¿De qué tipo?")
            IF v_choices[v_m] IS NOT NULL AND v_choices[v_m] <> '' OR position(',' IN v_codes[v_m]) > 0 THEN
                v_ask_back := v_ask_back + 1;
            END IF;
            IF coalesce(v_codes[v_m], '') <> '' THEN   -- (no rows: no job rule is for it)
                v_open := v_open || v_codes[v_m];
                v_open_qty := v_open_qty || coalesce(v_qty[v_m], 1);
            END IF;
        ELSIF v_code[v_m] = ANY (v_named) AND v_qty[v_m] IS NULL THEN
            NULL;   -- said again with no number of its own ("2 grifos de lavabo monomando"): the same item
        ELSIF v_code[v_m] = ANY (v_named) THEN
            SELECT coalesce(sum((e ->> 'quantity')::numeric), 0) INTO v_qty_sum
            FROM jsonb_array_elements(v_items) e WHERE e ->> 'item' = v_code[v_m];
            -- "2 flotadores? no, 1 flotador": said again after a correction word, the new quantity replaces
            -- the one said before instead of adding to it
            IF EXISTS (SELECT 1 FROM unnest(v_tokens[v_named_at[array_position(v_named, v_code[v_m])] + 1 : i - 1]) w
                       WHERE w IN ('no', 'perdon', 'digo', 'corrijo', 'mejor')) THEN
                v_qty_sum := 0;
            END IF;
            v_named_at[array_position(v_named, v_code[v_m])] := i;
            v_items := (SELECT jsonb_agg(CASE WHEN e ->> 'item' = v_code[v_m]
                                              THEN jsonb_set(e, '{quantity}', to_jsonb(v_qty_sum + coalesce(v_qty[v_m], 1)))
                                              ELSE e END)
                        FROM jsonb_array_elements(v_items) e);
        ELSE
            v_named := v_named || v_code[v_m];
            v_named_at := v_named_at || i;
            v_kinds := v_kinds || v_kind;
            v_labour := v_labour OR v_kind = 'labour';
            v_items := v_items || jsonb_build_object('item', v_code[v_m], 'quantity', coalesce(v_qty[v_m], 1));
        END IF;
    END LOOP;

    -- 5. Job rules: only when the message asks for work, not only for material prices.
    SELECT coalesce(bool_or(estimate_verb_forms(w) && v_job_list), false) INTO v_has_work FROM unnest(v_words) w;
    IF v_has_work THEN
        FOR v_job IN
            SELECT * FROM estimate_jobs j
            WHERE j.active
              AND (estimate_list(j.items) && v_named
                   OR EXISTS (SELECT 1 FROM unnest(v_open) o WHERE string_to_array(o, ',') <@ estimate_list(j.items)))
              AND (btrim(j.words) = '' OR estimate_word_list(j.words) && v_words)
            ORDER BY j.code
        LOOP
            SELECT coalesce(sum((e ->> 'quantity')::numeric), 0) INTO v_qty_sum
            FROM jsonb_array_elements(v_items) e WHERE e ->> 'item' = ANY (estimate_list(v_job.items));
            SELECT v_qty_sum + coalesce(sum(q), 0) INTO v_qty_sum
            FROM unnest(v_open, v_open_qty) AS o(codes, q) WHERE string_to_array(o.codes, ',') <@ estimate_list(v_job.items);
            v_hours := v_hours + v_job.labour_hours + v_job.labour_per_unit * v_qty_sum;
            FOREACH v_cand IN ARRAY estimate_list(v_job.extras) LOOP
                IF NOT v_cand = ANY (v_named)
                   AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_cand AND c.active AND c.kind <> 'disposal'
                                                              AND (c.kind <> 'material' OR s.rule_materials)) THEN
                    v_named := v_named || v_cand;
                    v_items := v_items || jsonb_build_object('item', v_cand, 'quantity', 1);
                END IF;
            END LOOP;
            v_jobs := v_jobs || to_jsonb(v_job.code);
        END LOOP;
        IF jsonb_array_length(v_jobs) > 0 AND NOT v_labour AND v_hours > 0 THEN
            v_items := v_items || jsonb_build_object(
                'labour_hours', ceil(v_hours / s.labour_step) * s.labour_step);
            v_labour := true;
        END IF;
        -- A job in which nothing is in the catalogue: the job itself, as written, "a cotizar".
        IF jsonb_array_length(v_items) = 0
           AND NOT string_to_array(estimate_words(v_input), ' ') && estimate_word_list(s.other_trade_words)
           AND NOT (string_to_array(estimate_words(v_input), ' ') && estimate_word_list(s.appliance_words)
                    AND string_to_array(estimate_words(v_input), ' ') && estimate_word_list(s.appliance_repair_words)) THEN
            v_job_text := estimate_job_text(input, v_job_list);
            IF v_job_text IS NOT NULL THEN
                v_items := v_items || jsonb_build_object('item', v_job_text, 'quantity', 1);
            END IF;
        END IF;
        -- Every job gets the service call, unless the plumber named one.
        IF jsonb_array_length(v_items) > 0 AND s.service_call_code IS NOT NULL AND NOT 'service_call' = ANY (v_kinds)
           AND NOT s.service_call_code = ANY (v_named)
           AND EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = s.service_call_code AND c.active) THEN
            v_items := v_items || jsonb_build_object('item', s.service_call_code, 'quantity', 1);
        END IF;
    END IF;

    -- Whether the AI model has anything to add: its lines "a cotizar" when staff switched them on, or the
    -- hours of a job whose catalogue items have no rule (not of a job with nothing but the service call
    -- priced: the model's hours for "instalar una mampara" would be a guess). Otherwise the workflow does
    -- not wait for it.
    RETURN jsonb_build_object('items', v_items, 'mentions', v_mentions, 'jobs', v_jobs,
                              'found', jsonb_array_length(v_mentions), 'labour', v_labour,
                              'priced', estimate_priced_count(v_items), 'job_text', v_job_text,
                              'ask_back', v_ask_back,
                              'ask_model', s.model_items
                                           OR (v_has_work AND NOT v_labour AND EXISTS (
                                               SELECT 1 FROM jsonb_array_elements(v_items) e
                                               JOIN price_catalog c ON c.active AND c.code = e ->> 'item'
                                               WHERE c.kind <> 'service_call')));
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- The one synonym list, shared with the knowledge base: kb_synonyms (n8n-workflows/knowledge/schema.sql;
-- staff edit it as the knowledge README says). The words with each synonym found replaced by its canonical
-- words ("el sifón del lavaplatos" -> "el sifon del fregadero", "la canilla" -> "la grifo"), folded
-- (kb_normalize). Terms are found as kb_synonym_spans finds them (longest first) and replaced where they are
-- written as such (or in the plural, word by word).
CREATE OR REPLACE FUNCTION estimate_with_synonyms(input text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_text text := kb_normalize(coalesce(input, ''));
    s      record;
    v_parts text[] := (SELECT estimate_word_list(st.part_words) FROM estimate_settings st WHERE st.id);
BEGIN
    FOR s IN SELECT DISTINCT sp.term, kb_normalize(sp.canonical) AS canonical, length(sp.term) AS n
             FROM kb_synonym_spans(kb_lexemes(input)) sp ORDER BY n DESC, sp.term LOOP
        CONTINUE WHEN s.canonical = s.term;
        -- (wrongprice, stop 29: a part said is priced as the part. A synonym that reads a part word of
        -- estimate_settings.part_words as the whole it belongs to — "regadera" = "ducha", "rejilla" = "sumidero",
        -- right for finding an article — is not applied here: "mezcladora de regadera" is no shower mixer and
        -- "cambio de rejilla" no whole floor drain. Part for part, "empaque" = "junta", still is.)
        CONTINUE WHEN v_parts IS NOT NULL AND estimate_words(s.term) = ANY (v_parts)
                  AND NOT string_to_array(estimate_words(s.canonical), ' ') && v_parts;
        -- each word of the term also in the plural ("llaves de arresto" = "llave de arresto")
        v_text := regexp_replace(v_text, '\m' || replace(regexp_replace(s.term, '([.*+?^${}()|\[\]\\])', '\\\1', 'g'),
                                                          ' ', '(?:s|es)? ')
                                 || '(s|es)?\M', s.canonical, 'g');
    END LOOP;
    RETURN v_text;
END
$$;

-- How many words of the message the settled catalogue items cover (to compare two readings).
CREATE OR REPLACE FUNCTION estimate_match_covered(found jsonb) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(sum(array_length(string_to_array(m ->> 'words', ' '), 1)), 0)::integer
    FROM jsonb_array_elements(coalesce(found -> 'mentions', '[]')) m
    WHERE m ->> 'code' IS NOT NULL AND NOT coalesce((m ->> 'old')::boolean, false)
$$;

-- One thing of a list as the plumber said it, when the catalogue has nothing of it: the words of one part of the
-- message (between separators and "y"), after "con", "su", "también"..., beginning with a number or an article
-- ("2 niples galvanizados", "su multiconector", "unos seis metros de tubo de cpvc", "3 mts caño epoxi 3/4"), as
-- {"item": words, "quantity": n [, "unit": "m"]}: a line a cotizar (estimate_clause_jobs). NULL for a part that
-- does not begin so ("que está goteando", "lo que haga falta") or that points back ("el de llenado": the thing
-- was named before).
CREATE OR REPLACE FUNCTION estimate_list_item(part text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_tokens text[] := regexp_split_to_array(btrim(regexp_replace(coalesce(part, ''), '[^[:alnum:][:space:]/ºª%"''.,-]', ' ', 'g')), '\s+');
    v_n      integer := coalesce(array_length(v_tokens, 1), 0);
    i        integer := 1;
    v_qty    numeric := 1;
    v_unit   text;
    v_begun  boolean := false;
    v_word   text;
    -- estimate_settings.list_lead_words / list_article_words, folded like the tokens (no case or accents)
    v_lead    text[] := estimate_word_list((SELECT st.list_lead_words FROM estimate_settings st WHERE st.id), 'plain');
    v_article text[] := estimate_word_list((SELECT st.list_article_words FROM estimate_settings st WHERE st.id), 'plain');
BEGIN
    WHILE i <= v_n AND (kb_normalize(v_tokens[i]) = ANY (v_lead) OR kb_normalize(v_tokens[i]) = ANY (v_article)) LOOP
        v_begun := v_begun OR kb_normalize(v_tokens[i]) = ANY (v_article);
        i := i + 1;
    END LOOP;
    IF i > v_n THEN
        RETURN NULL;
    END IF;
    v_word := kb_normalize(v_tokens[i]);
    IF v_word ~ '^[0-9]+([.,][0-9]+)?$' OR v_word IN ('un', 'una', 'uno') OR estimate_word(v_word) ~ '^[0-9]+$' THEN
        v_qty := CASE WHEN v_word ~ '^[0-9]' THEN replace(v_word, ',', '.')::numeric
                      WHEN v_word IN ('un', 'una', 'uno') THEN 1 ELSE estimate_word(v_word)::numeric END;
        v_begun := true;
        i := i + 1;
        IF i <= v_n AND estimate_word(kb_normalize(v_tokens[i])) IN ('m', 'metro') THEN
            v_unit := 'm';
            i := i + 1;
        END IF;
        IF i <= v_n AND kb_normalize(v_tokens[i]) IN ('de', 'del') THEN
            i := i + 1;
        END IF;
    ELSIF v_word IN ('el', 'la', 'los', 'las') THEN
        -- "el de llenado", "la del baño": said of a thing named before
        IF i < v_n AND kb_normalize(v_tokens[i + 1]) IN ('de', 'del', 'que') THEN
            RETURN NULL;
        END IF;
        v_begun := true;
        i := i + 1;
    END IF;
    -- (read32: "… y válvula de pie 1\"": a thing of the catalogue's nouns said with its size, no count or article)
    IF NOT v_begun AND i <= v_n AND array_to_string(v_tokens[i:v_n], ' ') ~ '[0-9]'
       AND estimate_word(kb_normalize(v_tokens[i])) = ANY (estimate_catalogue_things()) THEN
        v_begun := true;
    END IF;
    IF NOT v_begun OR i > v_n OR v_qty <= 0 OR v_qty > 1000 THEN
        RETURN NULL;
    END IF;
    v_word := array_to_string(v_tokens[i:v_n], ' ');
    IF length(v_word) < 3 OR kb_normalize(v_word) !~ '[a-z]{3}' THEN
        RETURN NULL;
    END IF;
    RETURN jsonb_strip_nulls(jsonb_build_object('item', left(v_word, 200), 'quantity', v_qty, 'unit', v_unit));
END
$$;

-- A job said in one part of the message in which nothing is in the catalogue is not dropped because another
-- part is ("cambio de termotanque a gas 80 lts, retiro del viejo y 2 flexibles de 40": the flexibles are
-- priced, the heater the catalogue lacks is a line a cotizar in the plumber's words). The parts are split at
-- the separators and "y" / "+"; a part with a job word (estimate_settings.job_words) read alone with nothing
-- from the catalogue (its estimate_job_text) is added as one line a cotizar, once. Nothing is priced by this.
CREATE OR REPLACE FUNCTION estimate_clause_jobs(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_part  text;
    v_alone jsonb;
    v_text  text;
    v_item  jsonb;
    v_items jsonb := p_found -> 'items';
    v_added jsonb := '[]';
    v_named text[];
    v_when  text[];
    v_prev  text;
    v_cur   text;
    v_size  text;
    v_thing text;
    -- a size said alone: "1/2", "3/4", "20", "20 mm", "media", "tres cuartos", "una pulgada"
    v_size_re text := '(?:[0-9]+(?:[./][0-9]+)?|media|tres cuartos|una pulgada)(?:\s*(?:mm|cm|"|pulgadas?|l|lts?|litros))?';
BEGIN
    IF jsonb_array_length(coalesce(v_items, '[]')) = 0 THEN
        RETURN p_found;
    END IF;
    v_when := estimate_word_list((SELECT st.when_words FROM estimate_settings st WHERE st.id));   -- folded once
    -- (also before "con" and a possessive, an article or a number: "un calentador de paso de 6 litros con sus dos
    -- mangueras para agua", "una terma con su válvula de alivio", "un termocalefón con dos flexibles" name a thing
    -- each; "destapar con la sonda", "con máquina" do not begin one)
    FOR v_part IN SELECT btrim(x) FROM regexp_split_to_table(estimate_separate(input),
                      '\s(?:y|e|pero)\s|\s(?=con\s+(?:su|sus|unos|unas|' || estimate_count_re() || '|[0-9]+)\s)'
                      -- (and after a size's unit, before a count and a word: "un calefon a gas de dieciseis litros
                      -- dos mangueras de agua", "termo de 50 litros dos latiguillos" said without a comma)
                      || '|(?<=\m(?:litros|lts|pulgadas|pulgada|cm|centimetros|centímetros|mm|watts|hp|caballos|caballo))\s(?=(?:' || estimate_count_re(2) || '|[0-9]+)\s+[[:alpha:]]{3,})', 'i') x LOOP
        v_prev := v_cur;
        v_cur := v_part;
        -- "3 llaves de paso de 3/4 y 1 de 1/2", "4 codos de 1/2 y 2 de 3/4": a count and a size alone, right after
        -- a thing said with its count and size, are more of that thing at the new size, never dropped. Read as if
        -- said in full ("1 llaves de paso de 1/2", through estimate_match, the conflict guard included) it is
        -- priced only by the one row it finds when that row is the same thing (estimate_kind_name) as a row
        -- already priced for the words before ("llave de paso de esfera" 3/4" -> 1/2"); else it is a line a
        -- cotizar in those words ("4 codos de 1/2 [pvc] y 2 de 3/4": "codos de 3/4", never the brass elbow the
        -- words alone would find).
        v_size := substring(v_part FROM '^\s*((?:[0-9]+|' || estimate_count_re() || ')\s+de\s+' || v_size_re || ')\s*$');
        IF v_size IS NOT NULL AND v_prev IS NOT NULL THEN
            v_thing := substring(v_prev FROM '(?:^|\s)(?:[0-9]+|' || estimate_count_re() || ')\s+([^0-9]+?)\s+de\s+' || v_size_re || '\s*$');
            IF v_thing IS NOT NULL THEN
                v_text := regexp_replace(v_size, '^(\S+)\s+de\s+', '\1 ' || v_thing || ' de ');
                v_alone := estimate_match(v_text);
                SELECT i INTO v_item FROM jsonb_array_elements(coalesce(v_alone -> 'items', '[]')) i
                 WHERE EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = i ->> 'item' AND c.kind = 'material')
                   AND jsonb_array_length(v_alone -> 'items') - (SELECT count(*) FROM jsonb_array_elements(v_alone -> 'items') o
                                                                  WHERE NOT EXISTS (SELECT 1 FROM price_catalog c
                                                                                     WHERE c.code = o ->> 'item' AND c.kind = 'material')
                                                                    AND NOT (o ? 'item' AND NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = o ->> 'item'))) = 1
                   AND EXISTS (SELECT 1 FROM price_catalog c, price_catalog o, jsonb_array_elements(v_items) e
                                WHERE c.code = i ->> 'item' AND o.code = e ->> 'item' AND o.code <> c.code
                                  AND estimate_kind_name(o.name) = estimate_kind_name(c.name));
                v_item := coalesce(v_item, estimate_list_item(v_text));
                IF v_item IS NOT NULL AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v_items || v_added) o
                                                      WHERE o ->> 'item' = v_item ->> 'item') THEN
                    v_added := v_added || v_item;
                END IF;
                CONTINUE;
            END IF;
        END IF;
        CONTINUE WHEN v_part = '' OR length(v_part) < 6;
        v_alone := estimate_match_words(v_part);
        -- a thing said with the hours after it, no comma between ("dos mangueras de agua de media como dos horas",
        -- "… de cincuenta centímetros más la instalación son tres horas"): the hours are read in the whole message;
        -- the thing is read without them
        IF v_alone ->> 'job_text' IS NULL AND jsonb_array_length(v_alone -> 'items') > 0
           AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v_alone -> 'items') i
                           WHERE i ? 'item' AND i ->> 'item' IS DISTINCT FROM (SELECT st.labour_code FROM estimate_settings st WHERE st.id))
           AND v_part ~* ('\s(?:(?:como|son|unas|más|mas)\s+)?(?:[0-9]+(?:[.,][0-9]+)?|' || estimate_count_re() || ')\s+(?:horas?|hrs?|hs|h)\M') THEN
            v_part := btrim(regexp_replace(v_part, '\s+(?:m[aá]s\s+la\s+instalaci[oó]n\s+)?(?:(?:como|son|unas|más|mas)\s+)?(?:[0-9]+(?:[.,][0-9]+)?|' || estimate_count_re() || ')\s+(?:horas?|hrs?|hs|h)\M.*$', '', 'i'));
            CONTINUE WHEN length(v_part) < 6;
            v_alone := estimate_match_words(v_part);
        END IF;
        v_text := v_alone ->> 'job_text';
        v_item := NULL;
        IF v_text IS NULL AND jsonb_array_length(v_alone -> 'items') = 0 THEN
            -- a thing of a list said after the first without a job word of its own ("… y 2 niples galvanizados",
            -- "con su multiconector", "3 mts caño epoxi 3/4 para gas"): the line as said, with its quantity
            -- (after the words that ask for the estimate: "cotizar 1 terma a gas de 10 litros", "presupuesto: un
            -- tinaco de 750 litros" — the thing asked for is the first of the list)
            -- (the words that ask may come after a greeting: "hola necesito que me cotices un calefón a gas de
            -- diez litros", "buenas, me pasas presupuesto de una bomba…": what follows the last of them)
            v_item := estimate_list_item(CASE WHEN estimate_plain(v_part) ~ '(^| )(presupuesto|presupuestame|presu|cotizame|cotizar|cotiza|cotice|coticeme|cotices|cotizacion|cotisacion|cotizas|proforma|estimado|precio|precios) '
                                              THEN regexp_replace(v_part, '^.*\m(?:[Pp]resupuesto|[Pp]resupu[eé]stame|[Pp]resu|[Cc]ot[ií][zs][a-záéíóú]*|[Cc]ot[ií]ce(?:me|s)?|[Pp]roforma|[Ee]stimado|[Pp]recios?)\M(?:\s+(?:para|de|del|por|x)\M)?[\s:,]*', '')
                                              ELSE v_part END);
            -- the first thing right after the words that ask, said bare with its size or count ("presupuesto
            -- tanque plastico de 1000 lts", "presu: calefon 60 lts, 2 flexibles"): a thing of the list too
            IF v_item IS NULL AND v_part ~ '^\s*[[:alpha:]]' AND v_part ~ '[0-9]'
               AND (estimate_plain(v_part) ~ '^(presupuesto|presu|cotizacion|cotisacion|proforma|cotizar|cotizame|cotiza|precio|precios) '
                    OR estimate_plain(coalesce(v_prev, '')) ~ '^(presupuesto|presu|cotizacion|cotisacion|proforma|cotizar|cotizame|cotiza|precio|precios)$') THEN
                v_item := estimate_list_item('1 ' || regexp_replace(v_part, '^\s*(?:[Pp]resupuesto|[Pp]resu|[Cc]ot[ií][zs][a-záéíóú]*|[Pp]roforma|[Pp]recios?)\M(?:\s+(?:para|de|del|por|x)\M)?[\s:,]*', ''));
            END IF;
            v_text := v_item ->> 'item';
        END IF;
        CONTINUE WHEN v_text IS NULL;
        -- read with the shared synonym list too: an item it finds that is already on the estimate is this
        -- part ("desatorar la tarja" = the sink's unblocking, read so in the whole message)
        CONTINUE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(estimate_match_words(estimate_with_synonyms(v_part)) -> 'items') a,
                                            jsonb_array_elements(v_items) i
                              WHERE a ->> 'item' = i ->> 'item'
                                AND a ->> 'item' IS DISTINCT FROM (SELECT st.service_call_code FROM estimate_settings st WHERE st.id)
                                -- (a catalogue row, or a thing of a list; a job's line a cotizar read from the
                                -- synonyms' words gives way to the job as written, below)
                                AND (v_item IS NOT NULL OR EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = a ->> 'item')));
        -- The words that name the thing: not the verb, numbers, units, "uno", "nuevo", "viejo"... ("poner uno
        -- nuevo", "cambiar 2 metros", "quitando el viejo" name nothing new). None of them may be in an item
        -- already read ("cambiar el asiento y la tapa del inodoro": the seat is priced).
        v_named := ARRAY(SELECT w FROM unnest(string_to_array(estimate_words(v_part), ' ')) w
                         WHERE w <> '' AND w !~ '^[0-9/.]+$' AND NOT estimate_is_unit_word(w) AND w NOT IN ('l', 'mm', 'cm')
                           AND NOT estimate_verb_forms(w) && estimate_word_list((SELECT st.job_words FROM estimate_settings st WHERE st.id))
                           AND w NOT IN ('uno', 'nuebo', 'nueba', 'nuebos', 'nuebas', 'biejo', 'bieja', 'biejos', 'otro', 'otra',
                                         'todo', 'toda', 'eso', 'esto', 'ese', 'esa', 'lo', 'le', 'su', 'con', 'para', 'por',
                                         'en', 'a', 'al', 'que', 'hay', 'ai', 'mas', 'tambien', 'metro', 'presupuesto', 'precio',
                                         'presu', 'cotizacion', 'cotizar', 'cuanto', 'cobro', 'bale', 'cuesta', 'mi', 'me', 'se',
                                         'material', 'trabajo', 'mano', 'obra', 'iba', 'cliente', 'total', 'resto', 'sus')
                           -- when, not what: "el sábado por la noche" (estimate_settings.when_words)
                           AND NOT w = ANY (v_when));
        CONTINUE WHEN cardinality(v_named) = 0;
        -- a leak or a part of something ("reparar una fuga en la tubería…", estimate_settings.part_words) is
        -- where the other items go, not a thing of its own
        -- (a thing of a list with its number, "2 mangueras de abasto", "15 metros de manguera negra", is bought,
        -- not a part of something)
        -- (a part of a thing nothing on the draft names, "cambiar la tapa de la cámara de inspección 60x60" beside
        -- an unblocking, is a job of its own: a line a cotizar, never dropped)
        CONTINUE WHEN v_named && estimate_word_list((SELECT st.part_words FROM estimate_settings st WHERE st.id))
                  AND NOT (v_item IS NOT NULL AND estimate_words(v_part) ~ '(^| )[0-9]+(\.[0-9]+)? ')
                  AND NOT EXISTS (SELECT 1 FROM unnest(v_named) w
                                  WHERE NOT w = ANY (estimate_word_list((SELECT st.part_words FROM estimate_settings st WHERE st.id)))
                                    AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m
                                                    WHERE w = ANY (string_to_array(m ->> 'words', ' ')))
                                    AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v_items) i
                                                    WHERE i ? 'item' AND w = ANY (string_to_array(estimate_words(i ->> 'item'), ' '))))
                  -- (not when the shared synonym list reads the part as a thing already read: "poner dos mangueras
                  -- de abasto" is the latiguillos)
                  OR v_named && estimate_word_list((SELECT st.part_words FROM estimate_settings st WHERE st.id))
                     AND NOT (v_item IS NOT NULL AND estimate_words(v_part) ~ '(^| )[0-9]+(\.[0-9]+)? ')
                     AND EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m
                                  WHERE coalesce(m ->> 'words', '') <> ''
                                    AND string_to_array(m ->> 'words', ' ')
                                        <@ string_to_array(estimate_words(estimate_with_synonyms(v_part)), ' '));
        CONTINUE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m,
                                            unnest(string_to_array(m ->> 'words', ' ')) mw
                              WHERE mw = ANY (v_named)
                                -- (a kind both say is no sameness: the "gas" of "1 llave de gas" is no reason to
                                -- drop "instalar calefón a gas de 10 lts")
                                AND cardinality(estimate_kinds_said(mw, (SELECT st.kind_words FROM estimate_settings st WHERE st.id))) = 0
                                AND EXISTS (SELECT 1 FROM jsonb_array_elements(v_items) i WHERE i ->> 'item' = m ->> 'code'))
                   OR EXISTS (SELECT 1 FROM jsonb_array_elements(v_items) i,
                                            unnest(string_to_array(estimate_words(i ->> 'item'), ' ')) iw
                              WHERE i ? 'item' AND NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = i ->> 'item')
                                AND iw = ANY (v_named)
                                -- (a material both say is no sameness: "cambiar 8 m de cañería galvanizada a
                                -- termofusión" is not the "tes termofusión" said after it)
                                AND cardinality(estimate_kinds_said(iw, (SELECT st.kind_words FROM estimate_settings st WHERE st.id))) = 0
                                -- (not the same thing read from the synonyms' words: it gives way below)
                                AND NOT (NOT i ? 'choices' AND string_to_array(estimate_words(i ->> 'item'), ' ')
                                         <@ string_to_array(estimate_words(estimate_with_synonyms(v_part)), ' '))
                                -- a thing of a list: only when a line a cotizar already says all of it ("gas" of
                                -- "calentador … a gas" is no reason to drop "3 mts caño epoxi 3/4 para gas")
                                AND (v_item IS NULL OR v_named <@ string_to_array(estimate_words(i ->> 'item'), ' ')));
        CONTINUE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(v_items || v_added) i
                              WHERE lower(i ->> 'item') = lower(v_text));
        -- a shorter line a cotizar of the same thing read with the synonym list ("termo" for "cambio de
        -- termotanque a gas 80 lts") gives way to the job as the plumber wrote it
        v_items := coalesce((SELECT jsonb_agg(i ORDER BY n) FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(i, n)
                             WHERE NOT (i ? 'item' AND NOT i ? 'choices'
                                        AND NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = i ->> 'item')
                                        AND string_to_array(estimate_words(i ->> 'item'), ' ')
                                            <@ string_to_array(estimate_words(estimate_with_synonyms(v_part)), ' '))), '[]');
        v_added := v_added || coalesce(v_item, jsonb_build_object('item', v_text, 'quantity', 1));
    END LOOP;
    IF jsonb_array_length(v_added) = 0 THEN
        RETURN p_found;
    END IF;
    RETURN estimate_found_with(p_found, v_items || v_added, jsonb_build_object('job_parts', v_added));
END
$$;

-- The last look at what estimate_match found (estimate_settings.ambiguous_words and kind_changing_words):
-- an item read from a bare ambiguous word that the message does not settle becomes a line a cotizar with the
-- rows of every reading as its choices (asked back); an item said with a word that changes its kind, which its
-- row does not say, becomes a line a cotizar as said. Nothing is priced here.
-- A power said in some folded words (esparts): the first number followed by kW or W ("18 kw", "7500 w",
-- "5500 watt"), in kW; NULL when none is said.
CREATE OR REPLACE FUNCTION estimate_power_said(p_words text[]) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p_words[i + 1] IN ('kw', 'kilowatt') THEN p_words[i]::numeric ELSE p_words[i]::numeric / 1000 END
      FROM generate_subscripts(coalesce(p_words, '{}'), 1) AS i
     WHERE i < cardinality(p_words) AND p_words[i] ~ '^[0-9]+(?:[.][0-9]+)?$'
       AND p_words[i + 1] IN ('kw', 'kilowatt', 'w', 'watt')
     ORDER BY i LIMIT 1
$$;

-- The power a catalogue row's name states, in kW ("Calentador eléctrico instantáneo 5,5 kW" = 5.5, "Resistencia
-- para termo eléctrico 1500 W" = 1.5); NULL when it states none.
CREATE OR REPLACE FUNCTION estimate_row_power(p_name text) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT estimate_power_said(string_to_array(estimate_words(p_name), ' '))
$$;

-- The plumber's words from the first one that folds to p_from to the first one after it that folds to p_to
-- ("la válvula de descarga de la mochila del inodoro": from "valvula" to "inodoro"), as written but plain (lower
-- case, no accents); p_from alone when p_to is not found after it, and the whole message when p_from is not.
CREATE OR REPLACE FUNCTION estimate_said_between(input text, p_from text, p_to text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_plain text[] := string_to_array(estimate_plain(input), ' ');
    v_a integer;
BEGIN
    FOR i IN 1 .. coalesce(cardinality(v_plain), 0) LOOP
        IF v_a IS NULL AND estimate_words(v_plain[i]) = p_from THEN
            v_a := i;
        END IF;
        IF v_a IS NOT NULL AND estimate_words(v_plain[i]) = p_to THEN
            RETURN left(array_to_string(v_plain[v_a:i], ' '), 200);
        END IF;
    END LOOP;
    RETURN left(coalesce(v_plain[v_a], array_to_string(v_plain, ' ')), 200);
END
$$;

CREATE OR REPLACE FUNCTION estimate_unguess(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s        estimate_settings;
    v_words  text;
    v_items  jsonb := coalesce(p_found -> 'items', '[]');
    v_rule   text;
    v_word   text;
    v_reads  text[];
    v_codes  text[];
    v_kind   text;
    v_m      jsonb;
    v_idx    integer;
    v_item   jsonb;
    v_done   boolean := false;
    v_kinds  text[];
    v_gallons numeric;
    v_code   text;
    v_syn    text;
    v_found  jsonb;
    v_toks   text[];
    v_span   text[];
    v_before text;
    v_row    text;
    v_bad    boolean;
    v_p      integer;
    v_rows   price_catalog;
    v_pairs  jsonb;    -- estimate_settings.conflict_words, parsed once: [{"l": [said words], "r": [row words]}]
    v_left   text[];   -- every said word of those pairs
    v_rowk   text[];   -- the kinds the row says (estimate_row_kinds), once per mention
    v_around text[];   -- the kinds said around the item, not in its own words
    v_partl  text[];   -- estimate_settings.part_words, folded once
    v_jobl   text[];   -- job words and place verbs, folded once
    v_back   text[];   -- the words said before the item
    v_partw  text;     -- a part word said right before the item that its row does not name
    v_parti  integer;
    v_sepw   text;     -- the folded words with the separators kept as "y" (estimate_separate)
    v_power  numeric;  -- a power said with the item, in kW
BEGIN
    IF jsonb_array_length(v_items) = 0 THEN
        RETURN p_found;
    END IF;
    SELECT * INTO s FROM estimate_settings WHERE id;
    v_kinds := estimate_word_list(s.kind_changing_words);
    v_words := ' ' || estimate_words(input) || ' ';
    -- 1. ambiguous words
    FOR v_rule IN SELECT btrim(x) FROM regexp_split_to_table(coalesce(s.ambiguous_words, ''), ';') x WHERE x LIKE '%=%' LOOP
        v_word := estimate_words(split_part(v_rule, '=', 1));
        v_reads := estimate_word_list(replace(split_part(v_rule, '=', 2), '|', ','));
        CONTINUE WHEN v_word = '' OR cardinality(v_reads) < 2;
        CONTINUE WHEN v_words NOT LIKE '% ' || v_word || ' %';
        v_codes := ARRAY(SELECT c.code FROM price_catalog c, unnest(v_reads) r
                         WHERE c.active AND (' ' || estimate_words(c.name) || ' ' LIKE '% ' || r || ' %'
                                             OR EXISTS (SELECT 1 FROM unnest(estimate_aliases(c.aliases)) a
                                                        WHERE ' ' || estimate_words(a) || ' ' LIKE '% ' || r || ' %'))
                         ORDER BY c.code);
        -- the item read from the word alone ("1 registro"), or from the synonym list's word for it (the
        -- message does not say "arqueta"): not from a longer phrase that settles it ("registro de 1/2",
        -- "arqueta de registro")
        SELECT i - 1, el INTO v_idx, v_item
          FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
         WHERE el ->> 'item' = ANY (v_codes)
           AND EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m
                       WHERE m ->> 'code' = el ->> 'item'
                         AND (estimate_words(m ->> 'words') = v_word
                              OR v_words NOT LIKE '% ' || estimate_words(m ->> 'words') || ' %'))
            -- or kept as a line a cotizar in the plumber's words ("2 registros"): it gets the question
            OR NOT el ? 'choices' AND estimate_words(el ->> 'item') = v_word
         ORDER BY i LIMIT 1;
        CONTINUE WHEN v_idx IS NULL;
        v_items := jsonb_set(v_items, ARRAY[v_idx::text],
                             jsonb_build_object('item', btrim(split_part(v_rule, '=', 1)), 'quantity', coalesce(v_item -> 'quantity', '1'),
                                                'choices', to_jsonb(v_codes)));
        v_done := true;
    END LOOP;
    -- 2. a word that changes the kind, right after the item's words
    -- (an item priced, or a line a cotizar asking which of its candidates: none of them says the kind)
    FOR v_m IN SELECT m FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m
               WHERE m ->> 'code' IS NOT NULL OR jsonb_array_length(coalesce(m -> 'candidates', '[]')) > 0 LOOP
        -- (in the words as written, or as the shared synonym list read them: "termotanque solar" was read as
        -- "termo solar")
        SELECT k INTO v_kind FROM unnest(v_kinds) k
         WHERE v_words LIKE '% ' || (v_m ->> 'words') || ' ' || k || ' %'
            OR p_found ? 'synonyms' AND ' ' || estimate_words(p_found ->> 'synonyms') || ' ' LIKE '% ' || (v_m ->> 'words') || ' ' || k || ' %'
         LIMIT 1;
        CONTINUE WHEN v_kind IS NULL;
        CONTINUE WHEN EXISTS (SELECT 1 FROM price_catalog c
                              WHERE (c.code = v_m ->> 'code'
                                     OR v_m ->> 'code' IS NULL AND c.code IN (SELECT jsonb_array_elements_text(v_m -> 'candidates')))
                                AND ' ' || estimate_words(concat_ws(' ', c.name, c.aliases, c.code)) || ' ' LIKE '% ' || left(v_kind, 6) || '%');
        SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
         WHERE el ->> 'item' = v_m ->> 'code'
            OR v_m ->> 'code' IS NULL AND el ? 'choices' AND el -> 'choices' = v_m -> 'candidates'
         ORDER BY i LIMIT 1;
        CONTINUE WHEN v_idx IS NULL;
        v_items := jsonb_set(v_items, ARRAY[v_idx::text],
                             jsonb_build_object('item', (v_m ->> 'words') || ' ' || v_kind, 'quantity', coalesce(v_item -> 'quantity', '1')));
        v_done := true;
    END LOOP;
    -- 3. a size in gallons ("termo de 30 galones", or an alias that says gallons): read as a capacity, priced
    -- only by a row whose litres are within 5 % of it (estimate_gallon_row: 40 gal = 151.4 l is the 150 l
    -- heater; 30 gal = 113.6 l is not the 100 l one, 20 gal = 75.7 l not the 80 l one), never by the row whose
    -- litres are the same number; else a line a cotizar as said, with the litres it comes to
    v_syn := CASE WHEN input ~* 'gal' THEN ' ' || estimate_words(coalesce(p_found ->> 'synonyms', input)) || ' ' ELSE ' ' END;
    -- (the words the mentions are of; only read when they may say gallons)
    FOR v_m IN SELECT m FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m
               WHERE m ->> 'code' IS NOT NULL AND v_syn LIKE '% galon %' LOOP
        v_gallons := CASE
            WHEN v_m ->> 'words' ~ '[0-9.]+ galon$' THEN substring(v_m ->> 'words' FROM '([0-9.]+) galon$')
            WHEN v_m ->> 'words' ~ '[0-9]$' AND v_syn LIKE '% ' || (v_m ->> 'words') || ' galon %'
                THEN substring(v_m ->> 'words' FROM '[0-9.]+$')
            ELSE substring(v_syn FROM ' ' || regexp_replace(v_m ->> 'words', '([.])', '\\\1', 'g') || ' ([0-9]+(?:[.][0-9]+)?) galon ')
        END::numeric;
        CONTINUE WHEN v_gallons IS NULL OR v_gallons <= 0;
        v_code := estimate_gallon_row(v_m ->> 'code', v_gallons);
        CONTINUE WHEN v_code = v_m ->> 'code';
        SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
         WHERE el ->> 'item' = v_m ->> 'code' ORDER BY i LIMIT 1;
        CONTINUE WHEN v_idx IS NULL;
        v_items := jsonb_set(v_items, ARRAY[v_idx::text], CASE WHEN v_code IS NOT NULL
            THEN jsonb_build_object('item', v_code, 'quantity', coalesce(v_item -> 'quantity', '1'))
            ELSE jsonb_build_object(
                'item', format('%s %s galones (≈ %s l)', regexp_replace(v_m ->> 'words', ' [0-9.]+( galon)?$', ''), trim_scale(v_gallons),
                               round(v_gallons * 3.785411784)),
                'quantity', coalesce(v_item -> 'quantity', '1')) END);
        v_done := true;
    END LOOP;
    -- a line a cotizar that ends in the gallons' number ("termo 26" of "el termo de 26 galones", "calentador 40"
    -- asked which kind): the rows it stands for (its choices, else the rows of its name: "termo"), read by their
    -- capacity (the gas heaters' l/min are no capacity): the rows within 5 % of the litres are its choices, and
    -- one such row of a name of one kind ("termo") is priced; a line that was asked which kind stays asked; none:
    -- a cotizar with the gallons and the litres they come to
    IF v_syn LIKE '% galon %' THEN
    FOR v_idx, v_item IN SELECT i - 1, el FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
                          WHERE el ? 'item' AND estimate_words(el ->> 'item') ~ ' [0-9]+(?:[.][0-9]+)?$'
                            AND NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = el ->> 'item')
                            AND v_syn LIKE '% ' || estimate_words(el ->> 'item') || ' galon %' LOOP
        v_gallons := substring(estimate_words(v_item ->> 'item') FROM '[0-9]+(?:[.][0-9]+)?$')::numeric;
        CONTINUE WHEN v_gallons <= 0;
        IF v_item ? 'choices' THEN
            v_found := jsonb_build_array(jsonb_build_object('words', regexp_replace(estimate_words(v_item ->> 'item'), ' [0-9.]+$', ''),
                                                            'candidates', v_item -> 'choices'));
        ELSE
            v_found := estimate_match_words(regexp_replace(v_item ->> 'item', ' [0-9]+(?:[.,][0-9]+)?$', '')) -> 'mentions';
        END IF;
        v_codes := CASE WHEN jsonb_array_length(v_found) = 1
                             AND v_found -> 0 ->> 'words' = regexp_replace(estimate_words(v_item ->> 'item'), ' [0-9.]+$', '')
                        THEN ARRAY(SELECT x FROM jsonb_array_elements_text(coalesce(v_found -> 0 -> 'candidates', '[]')
                                                                           || jsonb_build_array(v_found -> 0 -> 'code')) x
                                   WHERE x IS NOT NULL AND estimate_gallon_row(x, v_gallons) = x GROUP BY x ORDER BY x)
                        ELSE '{}' END;
        v_items := jsonb_set(v_items, ARRAY[v_idx::text], CASE
            WHEN cardinality(v_codes) = 1 AND NOT v_item ? 'choices'
                THEN jsonb_build_object('item', v_codes[1], 'quantity', coalesce(v_item -> 'quantity', '1'))
            WHEN cardinality(v_codes) > 0 THEN v_item || jsonb_build_object('choices', to_jsonb(v_codes),
                'item', format('%s galones (≈ %s l)', v_item ->> 'item', round(v_gallons * 3.785411784)))
            ELSE (v_item - 'choices') || jsonb_build_object(
                'item', format('%s galones (≈ %s l)', v_item ->> 'item', round(v_gallons * 3.785411784))) END);
        v_done := true;
    END LOOP;
    END IF;
    -- 4. The conflict guard: before a line is priced, every kind, material, use and size said with its item is
    --    compared with the chosen row's own (its code and name; its size): a said word of a kind the row is not
    --    (estimate_settings.kind_words: "pvc" said of a galvanised row, "de paso" of a storage heater), a pair of
    --    estimate_settings.conflict_words ("para el pozo" of a sump pump, "grifería de bidé" of the bidet), or a
    --    size said right after it that the row does not have ("codos de cuatro" for a 3/4" elbow) makes the line
    --    a cotizar as said. The words said with it: the one word right before its words, its words, and what
    --    follows up to "y"/"con"/"e"/"mas" or a number that starts another thing.
    v_toks := string_to_array(btrim(v_words), ' ');
    -- (the staff's pairs, read once for every mention)
    SELECT coalesce(jsonb_agg(jsonb_build_object('l', to_jsonb(estimate_word_list(split_part(x.pair, '>', 1))),
                                                 'r', to_jsonb(estimate_word_list(split_part(x.pair, '>', 2))))), '[]')
      INTO v_pairs
      FROM regexp_split_to_table(coalesce(s.conflict_words, ''), ';') AS x(pair) WHERE position('>' IN x.pair) > 0;
    v_left := ARRAY(SELECT DISTINCT w FROM jsonb_array_elements(v_pairs) p, jsonb_array_elements_text(p -> 'l') w WHERE w <> '');
    FOR v_m IN SELECT m FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m
               WHERE m ->> 'code' IS NOT NULL AND coalesce(m ->> 'words', '') <> '' LOOP
        v_p := position(' ' || (v_m ->> 'words') || ' ' IN v_words);
        CONTINUE WHEN v_p = 0;
        v_before := (regexp_match(left(v_words, v_p), '([^ ]+) $'))[1];
        v_span := string_to_array(btrim(substr(v_words, v_p + length(v_m ->> 'words') + 1)), ' ');
        v_span := v_span[1:6];
        -- (never into the next thing read: "1 flexible de 30cm, llave de paso esferica 1/2" — the commas are gone;
        -- also when it is said right after: "válvula de seguridad + llave de paso 1/2", the 1/2 is the stop valve's.
        -- Except a thing right after that says where this one goes (part_of): "la llave de manguera del bidé"
        -- keeps "bidé" among its words, or the garden tap would be priced for the bidet)
        FOR i IN 1 .. coalesce(array_length(v_span, 1), 0) LOOP
            IF EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m2
                        WHERE m2 ->> 'words' <> v_m ->> 'words' AND coalesce(m2 ->> 'words', '') <> ''
                          AND (i > 1 OR NOT coalesce((m2 ->> 'part_of')::boolean, false))
                          AND split_part(m2 ->> 'words', ' ', 1) = v_span[i]
                          AND (' ' || array_to_string(v_span[i:], ' ') || ' ') LIKE '% ' || (m2 ->> 'words') || ' %') THEN
                -- (a number right before the next thing is its count, not this one's size: "8 codos, 4 te")
                v_span := v_span[1:i - 1 - CASE WHEN estimate_is_number(split_part(v_span[i - 1], '/', 1)) AND v_span[i - 1] !~ '/' THEN 1 ELSE 0 END];
                EXIT;
            END IF;
        END LOOP;
        FOR i IN 1 .. coalesce(array_length(v_span, 1), 0) LOOP
            -- (a number that starts another thing: not the first word, or a plain number followed by a word
            -- that is no size unit, "bidé, 2 flexibles")
            IF v_span[i] IN ('y', 'e', 'con', 'mas') OR v_span[i] ~ '^#'
               OR estimate_is_number(split_part(v_span[i], '/', 1))
                  -- (a size of its own further on is still this item's: "filtro … para toda la casa de una pulgada")
                  AND NOT (i > 1 AND (coalesce(v_span[i + 1], '') IN ('pulgada', 'mm')
                                          AND coalesce(v_span[i + 2], 'y') IN ('y', 'e', 'con', 'mas')
                                      OR v_span[i] ~ '^[0-9]+/[0-9]+$'
                                          AND coalesce(v_span[i + 1], 'y') IN ('y', 'e', 'con', 'mas', 'pulgada')))
                  AND (i > 1 OR position('/' IN v_span[i]) = 0 AND coalesce(v_span[i + 1], 'y') NOT IN ('y', 'e', 'con', 'mas', 'mm', 'cm', 'l', 'pulgada', 'galon', 'kw', 'w', 'bar')
                                -- (a number followed by another is a size: "codos de 4" 6 horas" are 4")
                                AND NOT estimate_is_number(split_part(coalesce(v_span[i + 1], 'y'), '/', 1))) THEN
                v_span := v_span[1:i - 1];
                EXIT;
            END IF;
        END LOOP;
        SELECT * INTO v_rows FROM price_catalog c WHERE c.code = v_m ->> 'code';
        CONTINUE WHEN v_rows.code IS NULL;
        v_row := ' ' || estimate_words(replace(v_rows.code, '-', ' ') || ' ' || v_rows.name) || ' ';
        v_syn := coalesce(v_before, '') || ' ' || (v_m ->> 'words') || ' ' || array_to_string(v_span, ' ');
        v_rowk := estimate_row_kinds(v_rows.code, s.kind_words);
        v_around := estimate_kinds_said(coalesce(v_before, '') || ' ' || array_to_string(v_span, ' '), s.kind_words);
        -- a kind said that is not the row's, of a group the row says a kind of; or, of a group the row says no
        -- kind of, when said around the item and the catalogue tells that thing (the first word of its name) apart
        -- by that group (another active row of it says a kind of the group): "llave de paso de cobre" or "llave
        -- de paso ppr" is not the ball valve that names no material when other valves are named by theirs; the
        -- words settle no row, so the line stays a cotizar
        v_bad := EXISTS (SELECT 1 FROM unnest(estimate_kinds_said(v_syn, s.kind_words)) k
                          WHERE EXISTS (SELECT 1 FROM unnest(v_rowk) r WHERE split_part(k, ':', 1) = split_part(r, ':', 1))
                                AND NOT k = ANY (v_rowk)
                             -- (said around the item, not in its own words: "llave de paso de gas" is the gas
                             -- valve's own name, not the "paso" of a stop valve)
                             OR k = ANY (v_around)
                                AND NOT EXISTS (SELECT 1 FROM unnest(v_rowk) r WHERE split_part(k, ':', 1) = split_part(r, ':', 1))
                                AND EXISTS (SELECT 1 FROM price_catalog o
                                             WHERE o.active AND o.code <> v_rows.code AND o.kind = v_rows.kind
                                               AND split_part(estimate_words(o.name), ' ', 1) = split_part(estimate_words(v_rows.name), ' ', 1)
                                               AND EXISTS (SELECT 1 FROM unnest(estimate_row_kinds(o.code, s.kind_words)) ok
                                                            WHERE split_part(ok, ':', 1) = split_part(k, ':', 1))));
        -- a size with its unit said with the item (litres, mm, cm) that is not the row's size in that unit:
        -- "termo a gas de 80 l" of a 50 l row, "tubo de 25 mm" of a 20 mm one
        v_bad := v_bad OR EXISTS (
            SELECT 1 FROM generate_subscripts(v_span, 1) AS i
             WHERE i < cardinality(v_span) AND v_span[i + 1] IN ('l', 'mm', 'cm')
               AND v_span[i] ~ '^[0-9]+(?:[.][0-9]+)?$'
               AND estimate_row_size(v_rows.name) IS NOT NULL
               AND estimate_size_unit(estimate_row_size(v_rows.name)) = v_span[i + 1]
               AND split_part(estimate_words(estimate_row_size(v_rows.name)), ' ', 1) <> v_span[i])
        -- (and inches: "1 pulgada" or "3/4" said further on, of a row sized in inches that is another size)
        OR EXISTS (
            SELECT 1 FROM generate_subscripts(v_span, 1) AS i
             WHERE (i > 1 AND (v_span[i] ~ '^[0-9]+$' AND v_span[i + 1] = 'pulgada' OR v_span[i] ~ '^[0-9]+/[0-9]+$')
                    -- ("de una pulgada" is folded to "pulgada": one inch)
                    OR v_span[i] = 'pulgada' AND (i = 1 OR v_span[i - 1] !~ '^[0-9]'))
               AND (estimate_size_unit(estimate_row_size(v_rows.name)) = 'in'
                    AND position(' ' IN btrim(estimate_words(estimate_row_size(v_rows.name)))) = 0
                    AND btrim(estimate_words(estimate_row_size(v_rows.name))) <> CASE WHEN v_span[i] = 'pulgada' THEN '1' ELSE v_span[i] END
                    -- (inches said of a row sized in mm or litres that is not known by them: "llave de paso del
                    -- medidor de 1/2" is no 22 mm valve)
                    OR estimate_size_unit(estimate_row_size(v_rows.name)) = 'mm' AND v_span[i] ~ '^[0-9]+/[0-9]+$'
                       AND position(' ' || v_span[i] || ' ' IN ' ' || estimate_words(v_rows.name || ', ' || coalesce(v_rows.aliases, '')) || ' ') = 0
                       -- (the millimetres plumbers give that nominal size: 1/2" is 15 mm copper, 16 mm multicapa,
                       -- 20 mm PPR; never 22 mm)
                       AND NOT coalesce(CASE WHEN split_part(estimate_words(estimate_row_size(v_rows.name)), ' ', 1) ~ '^[0-9]+$'
                                             THEN split_part(estimate_words(estimate_row_size(v_rows.name)), ' ', 1)::numeric END
                               BETWEEN CASE v_span[i] WHEN '3/8' THEN 10 WHEN '1/2' THEN 12 WHEN '3/4' THEN 18 ELSE 0 END
                                   AND CASE v_span[i] WHEN '3/8' THEN 14 WHEN '1/2' THEN 20 WHEN '3/4' THEN 26 ELSE 0 END, false)));
        -- a pair of the staff's conflict list
        v_bad := v_bad OR EXISTS (
            SELECT 1 FROM jsonb_array_elements(v_pairs) AS x(pair)
               -- (the word right before counts only when the item's own first word is the other thing: "grifería
               -- de bidé", not "el monomando, el sifón del lavabo")
             WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(x.pair -> 'l') w
                            WHERE w <> '' AND (position(' ' || w || ' ' IN ' ' || (v_m ->> 'words') || ' ' || array_to_string(v_span, ' ') || ' ') > 0
                                               OR w = v_before
                                                  AND (x.pair -> 'r') ? split_part(v_m ->> 'words', ' ', 1)))
               AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(x.pair -> 'r') w
                            WHERE w <> '' AND position(' ' || w || ' ' IN v_row) > 0)
               AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(x.pair -> 'l') w
                                WHERE w <> '' AND position(' ' || w || ' ' IN v_row) > 0));
        -- a size said right after the item's words (which name none) that the row, which has a size, does not have
        v_bad := v_bad OR (cardinality(v_span) > 0 AND estimate_is_number(split_part(v_span[1], '/', 1))
                           AND NOT estimate_names_size(v_m ->> 'words')
                           AND NOT estimate_is_unit_word(v_span[2])
                           AND estimate_row_size(v_rows.name) IS NOT NULL
                           AND split_part(estimate_words(estimate_row_size(v_rows.name)), ' ', 1) <> v_span[1]
                           -- (nor its name or aliases: "2 pulgadas" of the 50 mm pipe)
                           AND position(' ' || v_span[1] || ' ' IN ' ' || estimate_words(v_rows.name || ', ' || coalesce(v_rows.aliases, '')) || ' ') = 0);
        -- a power said with the item ("18 kW", "7500 W") that the row does not state: an instantaneous heater of
        -- another power, or a row measured otherwise (a storage heater's litres), is not what was asked (esparts)
        -- (read in the words right after the item up to the next "y"/"con", numbers included: "calentador
        -- instantáneo trifásico 18 kW")
        v_back := (string_to_array(btrim(substr(v_words, v_p + length(v_m ->> 'words') + 1)), ' '))[1:5];
        v_back := v_back[1:coalesce((SELECT min(i) - 1 FROM generate_subscripts(v_back, 1) AS i
                                      WHERE v_back[i] IN ('y', 'e', 'con', 'mas')), 5)];
        v_power := estimate_power_said(v_back);
        IF v_power IS NOT NULL AND estimate_row_power(v_rows.name) IS DISTINCT FROM v_power THEN
            v_bad := true;
            v_span := v_back;   -- (shown with the power said)
        END IF;
        -- 4b. A part of a thing (esparts): a word of estimate_settings.part_words said right before the item, in
        --     the same phrase ("la válvula de descarga de la mochila", "el cabezal de la columna de ducha", "el
        --     termopar del calentador", "boya tanque inodoro"), that the chosen row does not name (its code, name
        --     and aliases) says the part, not the whole: the whole is never priced for it. The line is a cotizar
        --     in the plumber's words, asking among the rows of the whole's family that name the part (the flush
        --     mechanisms of a cistern) when there are any. Not for what is sold by the metre (a pipe is no
        --     appliance) nor for services. The phrase ends, going back, at a separator, a preposition of place or
        --     purpose ("fuga en el tubo"), a number, a job word or another item's words.
        v_partw := NULL;
        IF NOT v_bad AND v_rows.kind = 'material' AND v_rows.unit <> 'm' THEN
            IF v_partl IS NULL THEN
                v_sepw := ' ' || estimate_words(estimate_separate(input)) || ' ';
                v_partl := estimate_word_list(s.part_words);
                v_jobl := estimate_word_list(s.job_words) || estimate_word_list(s.place_verbs);
            END IF;
            -- (the words with the message's separators kept as "y": "2 mangueras de abasto + sifón")
            v_back := string_to_array(btrim(left(v_sepw, position(' ' || (v_m ->> 'words') || ' ' IN v_sepw))), ' ');
            FOR i IN REVERSE coalesce(cardinality(v_back), 0) .. greatest(1, coalesce(cardinality(v_back), 0) - 3) LOOP
                -- (the part word nearest the item asks; the phrase is shown from the furthest: "válvula de
                -- descarga" asks among the rows that name "descarga")
                IF v_back[i] = ANY (v_partl) AND NOT v_back[i] = ANY (estimate_item_words(v_rows)) THEN
                    v_partw := coalesce(v_partw, v_back[i]);
                    v_parti := i;
                END IF;
                EXIT WHEN v_back[i] IN ('y', 'e', 'o', 'u', 'ni', 'con', 'en', 'para', 'pa', 'pal', 'por', 'sin', 'mas', 'tambien')
                       OR v_back[i] ~ '[0-9#]' OR estimate_verb_forms(v_back[i]) && v_jobl
                       OR EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m2
                                   WHERE coalesce(m2 ->> 'words', '') NOT IN ('', v_m ->> 'words')
                                     AND ' ' || array_to_string(v_back[1:i], ' ') || ' ' LIKE '% ' || (m2 ->> 'words') || ' ');
            END LOOP;
            v_bad := v_partw IS NOT NULL;
        END IF;
        CONTINUE WHEN NOT v_bad;
        SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
         WHERE el ->> 'item' = v_m ->> 'code' ORDER BY i LIMIT 1;
        CONTINUE WHEN v_idx IS NULL;
        IF v_partw IS NOT NULL THEN
            -- (the part is itself an item read and priced: "cambiar presostato bomba presurizadora" is the pressure
            -- switch alone; the whole adds no line)
            IF EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m2
                        WHERE m2 ->> 'code' IS NOT NULL AND m2 ->> 'code' <> v_rows.code
                          AND v_partw = ANY (string_to_array(m2 ->> 'words', ' '))
                          AND EXISTS (SELECT 1 FROM jsonb_array_elements(v_items) i WHERE i ->> 'item' = m2 ->> 'code')) THEN
                v_items := v_items - v_idx;
                v_done := true;
                CONTINUE;
            END IF;
            v_codes := ARRAY(SELECT c.code FROM price_catalog c
                              WHERE c.active AND c.kind = 'material' AND c.code <> v_rows.code
                                AND c.family IS NOT DISTINCT FROM v_rows.family
                                AND v_partw = ANY (estimate_item_words(c))
                              ORDER BY c.code);
            v_items := jsonb_set(v_items, ARRAY[v_idx::text],
                jsonb_build_object('item', estimate_said_between(input, v_back[v_parti], split_part(v_m ->> 'words', ' ',
                                                                 array_length(string_to_array(v_m ->> 'words', ' '), 1))),
                                   'quantity', coalesce(v_item -> 'quantity', '1'))
                || CASE WHEN cardinality(v_codes) > 0 THEN jsonb_build_object('choices', to_jsonb(v_codes)) ELSE '{}' END);
            v_done := true;
            CONTINUE;
        END IF;
        -- (shown in the plumber's words: each folded word back to the first word of the message it comes from)
        v_span := string_to_array(btrim(coalesce(CASE WHEN v_before IS NOT NULL AND position(' ' || v_before || ' ' IN v_row) = 0
                                                                                 AND NOT estimate_is_number(split_part(v_before, '/', 1))
                                                                                 AND v_before = ANY (v_left)
                                                    THEN v_before || ' ' END, '') || (v_m ->> 'words') || ' ' || array_to_string(v_span, ' ')), ' ');
        v_items := jsonb_set(v_items, ARRAY[v_idx::text],
                             jsonb_build_object('item', (SELECT string_agg(coalesce((SELECT p FROM unnest(string_to_array(estimate_plain(input), ' ')) p
                                                                                      WHERE estimate_words(p) = t LIMIT 1), t), ' ' ORDER BY n)
                                                          FROM unnest(v_span) WITH ORDINALITY AS y(t, n) WHERE t <> ''),
                                                'quantity', coalesce(v_item -> 'quantity', '1')));
        v_done := true;
    END LOOP;
    -- 4c. The part of a whole, looked for among the whole's own rows (esparts): in "X de(l) Y" (Y the whole, read
    --     as where X is: part_of), X priced as a row of another family than Y's row while Y's family has rows that
    --     name X ("el flotador del tanque del wc": the cistern's fill valve, not the storage tank's float valve)
    --     is a cotizar in the plumber's words, asking among those rows (estimate_settings has no list for this: the
    --     catalogue's own families say which rows belong together; rows with no family are never compared).
    FOR v_m IN SELECT m FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m
               WHERE (m ->> 'part_of')::boolean AND m ->> 'code' IS NOT NULL AND coalesce(m ->> 'words', '') <> '' LOOP
        v_p := position(' ' || (v_m ->> 'words') || ' ' IN v_words);
        CONTINUE WHEN v_p <= 1;
        -- (X right before Y, or before "y" and another part of it: "el flotante y la descarga de la mochila")
        IF v_partl IS NULL THEN
            v_partl := estimate_word_list(s.part_words);
        END IF;
        SELECT m2 INTO v_found FROM jsonb_array_elements(p_found -> 'mentions') m2
         WHERE (m2 ->> 'code' IS NOT NULL OR jsonb_array_length(coalesce(m2 -> 'candidates', '[]')) > 1)
           AND NOT (m2 ->> 'part_of')::boolean AND coalesce(m2 ->> 'words', '') <> ''
           AND (right(left(v_words, v_p), length(m2 ->> 'words') + 1) = (m2 ->> 'words') || ' '
                OR EXISTS (SELECT 1 FROM regexp_matches(left(v_words, v_p), ' (y|e) ([a-z]+) $') AS x(g)
                            WHERE x.g[2] = ANY (v_partl)
                              AND right(left(v_words, v_p), length(m2 ->> 'words') + length(x.g[2]) + 4)
                                  = (m2 ->> 'words') || ' ' || x.g[1] || ' ' || x.g[2] || ' '))
         LIMIT 1;
        IF v_found IS NULL THEN
            -- (no item right before: a part the catalogue does not read alone, "la válvula de descarga del tanque
            -- del inodoro", is a line a cotizar asking among the whole's family rows that name it, when there are
            -- any and no line says it yet; never dropped)
            v_back := string_to_array(btrim(left(v_words, v_p)), ' ');
            v_partw := NULL;
            FOR i IN REVERSE coalesce(cardinality(v_back), 0) .. greatest(1, coalesce(cardinality(v_back), 0) - 3) LOOP
                EXIT WHEN v_back[i] IN ('y', 'e', 'o', 'u', 'ni', 'con', 'en', 'para', 'por', 'sin', 'mas') OR v_back[i] ~ '[0-9#]';
                IF v_back[i] = ANY (v_partl) THEN
                    v_partw := coalesce(v_partw, v_back[i]);
                    v_parti := i;
                END IF;
            END LOOP;
            CONTINUE WHEN v_partw IS NULL
                      OR EXISTS (SELECT 1 FROM jsonb_array_elements(v_items) i
                                  WHERE i ? 'item' AND v_partw = ANY (string_to_array(estimate_words(i ->> 'item'), ' ')));
            v_codes := ARRAY(SELECT c.code FROM price_catalog c, price_catalog y
                              WHERE y.code = v_m ->> 'code' AND y.family IS NOT NULL
                                AND c.active AND c.kind = 'material' AND c.family = y.family AND c.code <> y.code
                                AND v_partw = ANY (estimate_item_words(c))
                                AND NOT v_partw = ANY (estimate_item_words(y))
                              ORDER BY c.code);
            CONTINUE WHEN cardinality(v_codes) = 0;
            v_items := v_items || jsonb_build_object(
                'item', estimate_said_between(input, v_back[v_parti], split_part(v_m ->> 'words', ' ', array_length(string_to_array(v_m ->> 'words', ' '), 1))),
                'quantity', 1, 'choices', to_jsonb(v_codes));
            v_done := true;
            CONTINUE;
        END IF;
        IF v_found ->> 'code' IS NULL THEN
            -- (X asked which: only the rows of Y's family, when some are and not all)
            SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
             WHERE el ? 'choices' AND el -> 'choices' = v_found -> 'candidates' ORDER BY i LIMIT 1;
            CONTINUE WHEN v_idx IS NULL;
            v_codes := ARRAY(SELECT c.code FROM price_catalog c, price_catalog y
                              WHERE y.code = v_m ->> 'code' AND y.family IS NOT NULL AND c.family = y.family
                                AND c.code IN (SELECT jsonb_array_elements_text(v_found -> 'candidates'))
                              ORDER BY c.code);
            CONTINUE WHEN cardinality(v_codes) = 0 OR cardinality(v_codes) = jsonb_array_length(v_found -> 'candidates');
            v_items := jsonb_set(v_items, ARRAY[v_idx::text], v_item || jsonb_build_object('choices', to_jsonb(v_codes)));
            v_done := true;
            CONTINUE;
        END IF;
        SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
         WHERE el ->> 'item' = v_found ->> 'code' ORDER BY i LIMIT 1;
        CONTINUE WHEN v_idx IS NULL;
        v_codes := ARRAY(SELECT c.code FROM price_catalog c, price_catalog x, price_catalog y
                          WHERE x.code = v_found ->> 'code' AND y.code = v_m ->> 'code'
                            AND x.family IS DISTINCT FROM y.family AND x.family IS NOT NULL AND y.family IS NOT NULL
                            AND c.active AND c.family = y.family AND c.kind = x.kind AND c.code <> y.code
                            -- (the row names the part as said, or as X's own row names it: "flotante" is the
                            -- float valve's "flotador")
                            AND (split_part(v_found ->> 'words', ' ', 1) = ANY (estimate_item_words(c))
                                 OR estimate_item_words(c) && ARRAY(SELECT w FROM unnest(string_to_array(estimate_words(x.name), ' ')) w
                                                                     WHERE w = ANY (v_partl)))
                          ORDER BY c.code);
        CONTINUE WHEN cardinality(v_codes) = 0;
        v_items := jsonb_set(v_items, ARRAY[v_idx::text],
            jsonb_build_object('item', estimate_said_between(input, split_part(v_found ->> 'words', ' ', 1),
                                                             split_part(v_m ->> 'words', ' ', array_length(string_to_array(v_m ->> 'words', ' '), 1))),
                               'quantity', coalesce(v_item -> 'quantity', '1'), 'choices', to_jsonb(v_codes)));
        v_done := true;
    END LOOP;
    -- 5. A power said of a thing asked which (esparts): "calentador eléctrico sin tanque de 13 kW" asks only among
    --    the rows that state that power; none does (the storage heaters are measured in litres, the instantaneous
    --    one is 5.5 kW): the line is a cotizar as said, with no choices (an answer "el de 150" must never price a
    --    storage heater for it).
    FOR v_m IN SELECT m FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m
               WHERE m ->> 'code' IS NULL AND jsonb_array_length(coalesce(m -> 'candidates', '[]')) > 0
                 AND coalesce(m ->> 'words', '') <> '' AND v_words ~ ' [0-9.]+ (kw|w|watt|kilowatt) ' LOOP
        v_p := position(' ' || (v_m ->> 'words') || ' ' IN v_words);
        CONTINUE WHEN v_p = 0;
        v_span := (string_to_array(btrim(substr(v_words, v_p + length(v_m ->> 'words') + 1)), ' '))[1:6];
        FOR i IN 1 .. coalesce(array_length(v_span, 1), 0) LOOP
            IF v_span[i] IN ('y', 'e', 'con', 'mas') THEN
                v_span := v_span[1:i - 1];
                EXIT;
            END IF;
        END LOOP;
        v_power := estimate_power_said(v_span);
        CONTINUE WHEN v_power IS NULL;
        SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
         WHERE el ? 'choices' AND el -> 'choices' = v_m -> 'candidates' ORDER BY i LIMIT 1;
        CONTINUE WHEN v_idx IS NULL;
        v_codes := ARRAY(SELECT c.code FROM price_catalog c
                          WHERE c.code IN (SELECT jsonb_array_elements_text(v_m -> 'candidates'))
                            AND estimate_row_power(c.name) = v_power ORDER BY c.code);
        v_items := jsonb_set(v_items, ARRAY[v_idx::text], CASE WHEN cardinality(v_codes) > 0
            THEN v_item || jsonb_build_object('choices', to_jsonb(v_codes))
            ELSE jsonb_build_object('item', estimate_said_between(input, split_part(v_m ->> 'words', ' ', 1),
                                                                  (SELECT x FROM unnest(v_span) x WHERE x IN ('kw', 'w', 'watt', 'kilowatt') LIMIT 1)),
                                    'quantity', coalesce(v_item -> 'quantity', '1')) END);
        v_done := true;
    END LOOP;
    IF NOT v_done THEN
        RETURN p_found;
    END IF;
    RETURN estimate_found_with(p_found, v_items);
END
$$;

-- A capacity said in gallons, read as litres (1 gal = 3.785411784 l): the row among p_code and the rows of its
-- name in other sizes (estimate_kind_name: "Termo eléctrico") whose litres are within 5 % of it, p_code first;
-- NULL when none is (the line stays a cotizar with the conversion shown).
CREATE OR REPLACE FUNCTION estimate_gallon_row(p_code text, p_gallons numeric) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT c.code FROM price_catalog c, price_catalog o
     WHERE o.code = p_code AND c.active AND c.kind = o.kind
       AND lower(estimate_kind_name(c.name)) = lower(estimate_kind_name(o.name))
       AND estimate_row_size(c.name) ~ '^[0-9]+(?:[.,][0-9]+)? ?(?:l|litros)$'
       AND abs(replace(substring(estimate_row_size(c.name) FROM '^[0-9]+(?:[.,][0-9]+)?'), ',', '.')::numeric
               - p_gallons * 3.785411784) <= 0.05 * p_gallons * 3.785411784
     ORDER BY c.code <> p_code, c.code
     LIMIT 1
$$;

-- ---------------------------------------------------------------------------------------------------------
-- The same kind of thing (eskind, stop 25). A line is priced only when the catalogue row is the same kind of
-- thing the plumber asked for. The thing asked is the head of the plumber's phrase: in "la resistencia del termo",
-- "el flotador de la cisterna", "la alcachofa de la ducha", "el tubo para el lavabo" the thing is the first noun
-- (resistencia, flotador, alcachofa, tubo) and what follows "de / del / para" is only where it goes (the whole it
-- belongs to). A row's thing is its `price_catalog.thing` (staff-editable: the nouns that name what the row IS,
-- comma separated: "cisterna, mochila, tanque"), or, when empty, the first word of its name, of its code and of
-- each alias. Two things are the same when their words are equal or the shared synonym list (kb_synonyms, one
-- word for one word) makes them equal ("calentador" = "termo" = "boiler"). A row read from the words after
-- "de/del/para" whose thing is not the thing said before them (one of the catalogue's things, or of
-- estimate_settings.part_words) is never priced: the line is a cotizar in the plumber's words, offered the
-- nearest rows of the thing said (those that name the whole too, else those of the row's family, else all of
-- them, cheapest first, at most 12) as choices. Switched off by estimate_settings.same_thing = false.
-- ---------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION estimate_row_things(p_code text, p_thing text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN btrim(coalesce(p_thing, '')) <> ''
        THEN ARRAY(SELECT DISTINCT split_part(w, ' ', 1) FROM unnest(estimate_word_list(p_thing)) w
                    WHERE split_part(w, ' ', 1) <> '')
        -- (the name's and aliases' first words as read: estimate_phrase_cache, kept by a trigger)
        ELSE ARRAY(SELECT DISTINCT h FROM (
                 SELECT split_part(p.phrase, ' ', 1) AS h FROM estimate_phrase_cache p WHERE p.code = p_code
                 UNION SELECT split_part(estimate_words(estimate_code_words(p_code)), ' ', 1)) x
                    WHERE h <> '' AND h !~ '^[0-9#]') END
$$;

-- A row's own thing: its `thing` (the first one written), else the first word of its name.
CREATE OR REPLACE FUNCTION estimate_row_thing(p_name text, p_thing text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN btrim(coalesce(p_thing, '')) <> '' THEN split_part((estimate_word_list(p_thing))[1], ' ', 1)
                ELSE split_part(estimate_words(p_name), ' ', 1) END
$$;

-- Every thing the active catalogue's materials name (labour, call-outs, disposal and fees are no things), once per
-- call.
CREATE OR REPLACE FUNCTION estimate_catalogue_things() RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT ARRAY(SELECT DISTINCT h FROM (
        SELECT split_part(p.phrase, ' ', 1) AS h
          FROM estimate_phrase_cache p JOIN price_catalog c ON c.code = p.code
         WHERE c.active AND c.kind = 'material' AND btrim(c.thing) = ''
        UNION
        SELECT split_part(w, ' ', 1) FROM price_catalog c, unnest(estimate_word_list(c.thing)) w
         WHERE c.active AND c.kind = 'material' AND btrim(c.thing) <> '') x
      WHERE h <> '' AND h !~ '^[0-9#]' AND length(h) > 2
        -- (a material or another kind of estimate_settings.kind_words is no thing: "2 metros de cobre")
        AND h NOT IN (SELECT split_part(k.phrase, ' ', 1) FROM estimate_settings st, estimate_kind_phrases(st.kind_words) k
                       WHERE st.id))
$$;

-- The shared synonym list's one-word terms, folded: {"boiler": "calentador", "canilla": "grifo", ...} (the first
-- word of the canonical).
CREATE OR REPLACE FUNCTION estimate_thing_synonyms() RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT coalesce(jsonb_object_agg(t, h), '{}') FROM (
        SELECT DISTINCT ON (estimate_words(s.term)) estimate_words(s.term) AS t, split_part(estimate_words(s.canonical), ' ', 1) AS h
          FROM kb_synonyms s
         WHERE s.active AND position(' ' IN btrim(s.term)) = 0
         ORDER BY estimate_words(s.term), s.id) x
     WHERE t <> '' AND h <> '' AND t <> h
$$;

-- The guards' reading of a message (estimate_thing_guard, estimate_attribute_guard): its plain words, the
-- separators kept as "y" (plain), and each one folded as the catalogue is read, '' for the little words (folded;
-- folded[i] is plain[i]).
CREATE OR REPLACE FUNCTION estimate_guard_words(p_text text, OUT plain text[], OUT folded text[])
LANGUAGE plpgsql STABLE AS $$
BEGIN
    plain := string_to_array(estimate_plain(estimate_separate(p_text)), ' ');
    folded := ARRAY(SELECT estimate_words(x) FROM unnest(plain) WITH ORDINALITY AS t(x, n) ORDER BY n);
END
$$;

-- Where the words of a thing read (a mention's "words", folded) begin in those folded words: every start, first
-- to last ('{}' when they are not there).
CREATE OR REPLACE FUNCTION estimate_guard_starts(p_folded text[], p_words text) RETURNS integer[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_starts integer[] := '{}';
    v_joined text;
BEGIN
    FOR i IN 1 .. coalesce(cardinality(p_folded), 0) LOOP
        CONTINUE WHEN p_folded[i] = '' OR split_part(p_words, ' ', 1) <> split_part(p_folded[i], ' ', 1);
        v_joined := (SELECT string_agg(x, ' ' ORDER BY n) FROM unnest(p_folded[i:]) WITH ORDINALITY AS t(x, n) WHERE x <> '');
        IF (v_joined || ' ') LIKE p_words || ' %' THEN
            v_starts := v_starts || i;
        END IF;
    END LOOP;
    RETURN v_starts;
END
$$;

-- Where those words end when they begin at p_start: the last folded word they take.
CREATE OR REPLACE FUNCTION estimate_guard_end(p_folded text[], p_start integer, p_words text) RETURNS integer
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_end integer := p_start;
    v_n   integer := cardinality(string_to_array(p_folded[p_start], ' '));
BEGIN
    WHILE v_n < cardinality(string_to_array(p_words, ' ')) AND v_end < cardinality(p_folded) LOOP
        v_end := v_end + 1;
        v_n := v_n + CASE WHEN p_folded[v_end] = '' THEN 0 ELSE cardinality(string_to_array(p_folded[v_end], ' ')) END;
    END LOOP;
    RETURN v_end;
END
$$;

CREATE OR REPLACE FUNCTION estimate_thing_guard(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s        estimate_settings;
    v_items  jsonb := coalesce(p_found -> 'items', '[]');
    v_text   text;
    v_p      text[];     -- the plain words (with de/del/para and the separators as "y")
    v_f      text[];     -- each one folded as the catalogue is read ('' for the little words)
    v_m      jsonb;
    v_start  integer;
    v_j      integer;
    v_k      integer;
    v_w      text;       -- the thing said before "de/del/para"
    v_wi     integer;
    v_other  boolean;
    v_vocab  text[];     -- every thing the catalogue names, and the part words
    v_syns   jsonb;      -- estimate_thing_synonyms()
    v_wc     text;       -- v_w through the synonym list
    v_end    integer;
    v_jw     integer;
    v_not    text[];     -- estimate_settings.not_thing_words
    v_jobl   text[];
    v_row    price_catalog;
    v_things text[];
    v_idx    integer;
    v_item   jsonb;
    v_codes  text[];
    v_done   boolean := false;
    v_art    CONSTANT text[] := ARRAY['el', 'la', 'lo', 'los', 'las', 'un', 'una', 'unos', 'unas', 'su', 'sus',
                                      'este', 'esta', 'ese', 'esa', 'mi', 'nuevo', 'nueva', 'viejo', 'vieja'];
    v_link   CONSTANT text[] := ARRAY['de', 'del', 'para', 'pa', 'pal', 'd'];
    v_stop   CONSTANT text[] := ARRAY['y', 'e', 'o', 'u', 'ni', 'con', 'en', 'por', 'sin', 'mas', 'a', 'al', 'que',
                                      'tambien', 'ademas', 'como', 'no'];
BEGIN
    IF jsonb_array_length(v_items) = 0 OR p_found -> 'mentions' IS NULL THEN
        RETURN p_found;
    END IF;
    SELECT * INTO s FROM estimate_settings WHERE id;
    IF NOT coalesce(s.same_thing, true) THEN
        RETURN p_found;
    END IF;
    v_text := coalesce(p_found ->> 'synonyms', input);
    -- ("la pileta es de una bacha" says of the pileta what "la pileta de una bacha" says: its number of bowls, not
    -- a basin to price; wrongprice, stop 29)
    v_text := regexp_replace(v_text, '\m(?:es|son|era|eran|sea|sean) (de|del) ', '\1 ', 'gi');
    -- (cheap: no "de/del/para" before anything, nothing to look at)
    IF estimate_plain(v_text) !~ '(^| )(de|del|para|pa|pal|d) ' THEN
        RETURN p_found;
    END IF;
    SELECT r.plain, r.folded INTO v_p, v_f FROM estimate_guard_words(v_text) r;
    FOR v_m IN SELECT m FROM jsonb_array_elements(p_found -> 'mentions') m
               WHERE m ->> 'code' IS NOT NULL AND NOT coalesce((m ->> 'part_of')::boolean, false)
                 AND coalesce(m ->> 'words', '') <> '' LOOP
        SELECT * INTO v_row FROM price_catalog c WHERE c.code = v_m ->> 'code';
        CONTINUE WHEN v_row.code IS NULL OR v_row.kind <> 'material';
        -- One word that names several things ("regadera": the fixed shower head and the hand shower, rows known by
        -- that word alone whose own things differ) is never settled by the rest of the message: it is asked among
        -- those rows.
        IF position(' ' IN v_m ->> 'words') = 0 THEN
            v_codes := ARRAY(SELECT c.code FROM estimate_phrase_cache p JOIN price_catalog c ON c.code = p.code
                              WHERE p.phrase = v_m ->> 'words' AND c.active AND c.kind = 'material'
                              ORDER BY c.unit_price, c.code);
            -- (the rows known by the word alone name different things; a row the other words chose among rows
            -- known by longer phrases, "el flotador" of a cistern's fill valve, is left to them)
            IF (SELECT count(DISTINCT estimate_row_thing(c.name, c.thing)) FROM price_catalog c WHERE c.code = ANY (v_codes)) > 1 THEN
                SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
                 WHERE el ->> 'item' = v_row.code ORDER BY i LIMIT 1;
                IF v_idx IS NOT NULL THEN
                    v_items := jsonb_set(v_items, ARRAY[v_idx::text],
                        jsonb_build_object('item', v_m ->> 'words', 'quantity', coalesce(v_item -> 'quantity', '1'),
                                           'choices', to_jsonb(v_codes)));
                    v_done := true;
                    CONTINUE;
                END IF;
            END IF;
        END IF;
        -- where its words begin in the plain words
        v_start := (estimate_guard_starts(v_f, v_m ->> 'words'))[1];
        CONTINUE WHEN v_start IS NULL OR v_start < 3;
        -- "… de / del / para [el, la…]" right before it
        v_j := v_start - 1;
        WHILE v_j > 1 AND v_p[v_j] = ANY (v_art) LOOP v_j := v_j - 1; END LOOP;
        CONTINUE WHEN NOT v_p[v_j] = ANY (v_link);
        -- the phrase before it, back to a separator, a number, a job word or another thing read: its first thing
        IF v_vocab IS NULL THEN
            v_jobl := estimate_word_list(s.job_words) || estimate_word_list(s.place_verbs);
            v_vocab := estimate_catalogue_things() || estimate_word_list(s.part_words);
            v_syns := estimate_thing_synonyms();
            v_not := estimate_word_list(s.not_thing_words);
        END IF;
        v_w := NULL;
        v_other := false;
        v_k := v_j - 1;
        WHILE v_k > 1 AND v_p[v_k] = ANY (v_art) LOOP v_k := v_k - 1; END LOOP;
        v_jw := v_k;   -- (the word right before the link)
        WHILE v_k >= greatest(1, v_j - 6) LOOP
            IF v_p[v_k] = ANY (v_art) OR v_p[v_k] = ANY (v_link) THEN
                v_k := v_k - 1;
                CONTINUE;
            END IF;
            EXIT WHEN v_p[v_k] = ANY (v_stop) OR v_f[v_k] = '' OR v_f[v_k] ~ '[0-9#]'
                   OR estimate_verb_forms(v_f[v_k]) && v_jobl;
            -- (the words of another thing read end here: "la válvula de seguridad del termo" is X del Y, read
            -- as such before this step)
            IF EXISTS (SELECT 1 FROM jsonb_array_elements(p_found -> 'mentions') m2
                        WHERE coalesce(m2 ->> 'words', '') NOT IN ('', v_m ->> 'words')
                          AND ' ' || (SELECT string_agg(x, ' ' ORDER BY n) FROM unnest(v_f[1:v_k]) WITH ORDINALITY AS t(x, n) WHERE x <> '') || ' '
                              LIKE '% ' || (m2 ->> 'words') || ' ') THEN
                v_other := true;
                EXIT;
            END IF;
            -- (measures, quantities, the job and talk are no thing: "precio de", "un par de", "cambio de")
            EXIT WHEN split_part(v_f[v_k], ' ', 1) = ANY (v_not);
            IF split_part(v_f[v_k], ' ', 1) = ANY (v_vocab)
               -- (a noun the catalogue does not know, right before "de": "el mando del termo" is no termo; not a verb)
               OR v_w IS NULL AND v_k = v_jw AND length(v_p[v_k]) >= 4 AND v_p[v_k] ~ '^[a-z]+$'
                  AND v_p[v_k] !~ '(ar|er|ir)$' AND v_p[v_k] !~ '.{4}(ando|iendo|amos|emos|imos)$' THEN
                v_w := split_part(v_f[v_k], ' ', 1);
                v_wi := v_k;
            END IF;
            v_k := v_k - 1;
        END LOOP;
        CONTINUE WHEN v_other OR v_w IS NULL;
        CONTINUE WHEN v_row.unit = 'm';
        v_things := estimate_row_things(v_row.code, v_row.thing);
        v_wc := coalesce(v_syns ->> v_w, v_w);
        CONTINUE WHEN v_w = ANY (v_things) OR v_wc = ANY (v_things)
                   OR EXISTS (SELECT 1 FROM unnest(v_things) t WHERE coalesce(v_syns ->> t, t) IN (v_w, v_wc));
        SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
         WHERE el ->> 'item' = v_row.code ORDER BY i LIMIT 1;
        CONTINUE WHEN v_idx IS NULL;
        -- the nearest rows of the thing said: those that also name the whole, else those of the whole's family,
        -- else all of them
        v_codes := ARRAY(
            WITH r AS (SELECT c.code, c.unit_price, c.family,
                              estimate_item_words(c) && string_to_array(v_m ->> 'words', ' ') AS names_whole
                         FROM price_catalog c
                        WHERE c.active AND c.kind = 'material' AND c.code <> v_row.code
                          AND estimate_row_things(c.code, c.thing) && ARRAY[v_w, v_wc])
            SELECT code FROM r
             WHERE names_whole OR NOT EXISTS (SELECT 1 FROM r r2 WHERE r2.names_whole)
                   AND (family = v_row.family AND v_row.family <> ''
                        OR NOT EXISTS (SELECT 1 FROM r r3 WHERE r3.family = v_row.family AND v_row.family <> ''))
             ORDER BY unit_price, code LIMIT 12);
        -- (shown in the plumber's words, from the thing said to the end of the row's words)
        v_end := estimate_guard_end(v_f, v_start, v_m ->> 'words');
        v_items := jsonb_set(v_items, ARRAY[v_idx::text],
            jsonb_build_object('item', left(array_to_string(v_p[v_wi:v_end], ' '), 200),
                               'quantity', coalesce(v_item -> 'quantity', '1'),
                               'choices', to_jsonb(v_codes)));
        v_done := true;
    END LOOP;
    IF NOT v_done THEN
        RETURN p_found;
    END IF;
    RETURN estimate_found_with(p_found, v_items);
END
$$;

-- estimate_match(words): estimate_match_words() on the words as written and, when the shared synonym list
-- (kb_synonyms) changes them, on the words with the synonyms' canonical words; the second reading is used
-- only when more of the message's words name a settled catalogue item ("el sifón del lavaplatos" = the
-- sink's trap, not the basin's), never for the extras or hours of a job rule it triggers (n23 of
-- eval/estimates.jsonl: "calentador eléctrico instantáneo" must not become "termo eléctrico instantáneo").
-- "synonyms" then says which words were read.
-- A route said of a pump, a pipe or the water ("bomba de 1/2 hp de la cisterna al tanque", "subir agua del pozo
-- hasta el tinaco", "4 m de tubo del calentador a la regadera"): where the water goes from and to, two places, not
-- two things to price; the words are left out of the reading (firstread). Only after a pump, pipe or hose word,
-- the water, a pump's power or a verb of carrying water (up to four words before "de/desde"), so that "cambiar de
-- la bañera a la ducha" (a conversion: the things are the job) is read as before.
CREATE OR REPLACE FUNCTION estimate_route_out(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(coalesce(input, ''),
        '(\m(?:agua|bomba|motobomba|electrobomba|turbina|tubo|tubos|tuber[ií]a|ca[nñ]o|ca[nñ]os|ca[nñ]er[ií]a|manguera|mangueras|l[ií]nea|hp|cv|caballos?|subir|sube|llevar|lleva|bajar|baja)\M(?:\s+[^\s,.;:+]+){0,4}?)'
        '\s+(?:de\s+(?:la|el|los|las)|del|desde\s+(?:la|el|los|las)|desde)\s+[[:alpha:]]+'
        '\s+(?:al|a\s+(?:la|los|las)|hasta\s+(?:el|la|los|las))\s+[[:alpha:]]+\M',
        '\1', 'gi')
$$;

-- Take rows out of a first request's reading (estimate_feature_guard, estimate_kept_guard): the items whose code is
-- in p_codes, or whose words are in p_words (the draft prices a row by its alias: "rociador"), except lines still
-- asking among choices; the hours a job rule gave for a dropped row go with it, unless a line left is of the same
-- rule (the kitchen mixer's rule hours stay, the shower head's go); hours the plumber said are a line of their
-- own, never touched. Returns p_found with its items and priced count updated and p_key set to the codes dropped;
-- p_found unchanged when p_codes is empty.
CREATE OR REPLACE FUNCTION estimate_drop_rows(p_found jsonb, p_codes text[], p_words text[], p_key text)
RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_items jsonb := coalesce(p_found -> 'items', '[]');
    v_hours numeric;
BEGIN
    IF coalesce(cardinality(p_codes), 0) = 0 THEN
        RETURN p_found;
    END IF;
    SELECT coalesce(jsonb_agg(e ORDER BY n), '[]') INTO v_items
      FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(e, n)
     WHERE NOT coalesce((e ->> 'item') = ANY (p_codes) OR estimate_words(e ->> 'item') = ANY (p_words), false)
        OR e ? 'choices';
    SELECT coalesce(sum(j.labour_hours + j.labour_per_unit), 0) INTO v_hours
      FROM estimate_jobs j
     WHERE j.active AND string_to_array(replace(j.items, ' ', ''), ',') && p_codes
       AND NOT string_to_array(replace(j.items, ' ', ''), ',') && ARRAY(
               SELECT e ->> 'item' FROM jsonb_array_elements(v_items) e WHERE e ? 'item');
    IF v_hours > 0 THEN
        SELECT coalesce(jsonb_agg(CASE WHEN e ? 'labour_hours'
                                       THEN jsonb_build_object('labour_hours', greatest((e ->> 'labour_hours')::numeric - v_hours, 0))
                                       ELSE e END ORDER BY n), '[]') INTO v_items
          FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(e, n)
         WHERE NOT (e ? 'labour_hours' AND (e ->> 'labour_hours')::numeric - v_hours <= 0);
    END IF;
    RETURN estimate_found_with(p_found, v_items, jsonb_build_object(p_key, to_jsonb(p_codes)));
END
$$;

-- A feature of the item named before it (firstfeat, stop 29): "monomando de cocina con rociador", "termo con
-- resistencia cerámica", "grifo de lavabo con aireador", "bomba con presostato", "inodoro con cisterna nueva". The
-- words after "con" say what the item has or comes with, and the row they read on their own is a spare part sold
-- alone (a shower head, a heater's element, an aerator, a pressure switch, a whole cistern): never priced as a
-- second line beside the item. The parts that are features are the words of estimate_settings.feature_words (the
-- first word of what "con" reads); parts installed beside the item (a safety valve, a float valve, hoses, stop
-- valves, the tap of a basin) are not in it, so "termo con su válvula de seguridad" stays two lines. The catalogue
-- settles it first where a row names the feature ("lavabo con pedestal", "monomando de cocina con ducha extraíble"
-- are one row). Only right after the item's own words ("X con Y", "X con su Y"), never with a count of its own
-- ("con 2 resistencias": things to price) and only when no other words of the message read the same row. The
-- item's line stays as it was read (priced, or asked back when its words do not settle it).
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS feature_words text NOT NULL DEFAULT
    'rociador, aireador, perlizador, rompechorros, resistencia, termostato, anodo, presostato, pedestal, tapa, '
    'asiento, cisterna, mochila, estanque, mecanismo, cartucho, teleducha, ducha, cano, variador, bastidor, '
    'embellecedor, rebosadero, cestillo, pulsador, maneta, manija, palanca';
-- A pressure reducer's gauge (read32, stop 32): "regulador de presión de 1 1/2 con manómetro" is one thing, never a
-- gauge priced beside a reducer the catalogue lacks.
SELECT estimate_settings_grow_list('feature_words',
    'rociador, aireador, perlizador, rompechorros, resistencia, termostato, anodo, presostato, pedestal, tapa, '
    'asiento, cisterna, mochila, estanque, mecanismo, cartucho, teleducha, ducha, cano, variador, bastidor, '
    'embellecedor, rebosadero, cestillo, pulsador, maneta, manija, palanca', 'manometro');

CREATE OR REPLACE FUNCTION estimate_feature_guard(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_words text;
    v_feat  text[];
    v_m     jsonb;
    v_drop  text[] := '{}';
    v_dropw text[] := '{}';
BEGIN
    -- (most requests say no "con": nothing to fold)
    IF coalesce(p_found ->> 'synonyms', input, '') !~* '\mcon\M' THEN
        RETURN p_found;
    END IF;
    v_words := ' ' || estimate_words(coalesce(p_found ->> 'synonyms', input)) || ' ';
    SELECT estimate_word_list(s.feature_words) INTO v_feat FROM estimate_settings s WHERE s.id;
    IF coalesce(cardinality(v_feat), 0) = 0 OR position(' con ' IN v_words) = 0 THEN
        RETURN p_found;
    END IF;
    FOR v_m IN SELECT m FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m
               WHERE m ->> 'code' IS NOT NULL AND coalesce(m ->> 'words', '') <> ''
                 AND jsonb_typeof(m -> 'quantity') IS DISTINCT FROM 'number'
                 AND split_part(m ->> 'words', ' ', 1) = ANY (v_feat) LOOP
        -- (one mention of that row only: another thing said with the same row keeps it)
        CONTINUE WHEN (SELECT count(*) FROM jsonb_array_elements(p_found -> 'mentions') m2
                        WHERE m2 ->> 'code' = v_m ->> 'code') > 1;
        -- (right after another thing's own words, or its size said after them: "X con [su|el|la|un|una] Y",
        -- "regulador de presión de 1 1/2 con manómetro")
        CONTINUE WHEN NOT EXISTS (
            SELECT 1 FROM jsonb_array_elements(p_found -> 'mentions') m2
             WHERE m2 ->> 'words' <> v_m ->> 'words' AND coalesce(m2 ->> 'words', '') <> ''
               AND v_words ~ ('\m' || regexp_replace(m2 ->> 'words', '([.*+?^${}()|\[\]\\])', '\\\1', 'g')
                              || '(?: (?:[0-9][0-9/.]*|pulgada|mm|cm|l|w|kw))*'
                              || ' con (?:(?:su|sus|el|la|los|las|un|una) )?'
                              || regexp_replace(v_m ->> 'words', '([.*+?^${}()|\[\]\\])', '\\\1', 'g') || '\M'));
        -- (rows one job rule changes alike are parts side by side, each sold and fitted on its own: a pressure
        -- vessel "con su presostato" is two things; a pump's switch or a tap's aerator is no row of their rules)
        CONTINUE WHEN EXISTS (
            SELECT 1 FROM jsonb_array_elements(p_found -> 'mentions') m2, estimate_jobs j
             WHERE m2 ->> 'words' <> v_m ->> 'words' AND j.active
               AND v_words ~ ('\m' || regexp_replace(m2 ->> 'words', '([.*+?^${}()|\[\]\\])', '\\\1', 'g') || ' con ')
               AND (v_m ->> 'code') = ANY (string_to_array(replace(j.items, ' ', ''), ','))
               AND (coalesce(m2 ->> 'code', '') = ANY (string_to_array(replace(j.items, ' ', ''), ','))
                    OR ARRAY(SELECT jsonb_array_elements_text(coalesce(m2 -> 'candidates', '[]')))
                       && string_to_array(replace(j.items, ' ', ''), ',')));
        v_drop := v_drop || (v_m ->> 'code');
        v_dropw := v_dropw || (v_m ->> 'words');
    END LOOP;
    RETURN estimate_drop_rows(p_found, v_drop, v_dropw, 'features');
END
$$;

-- A thing the plumber says stays as it is (wrongprice, stop 29): "cambiar el teléfono y el flexible de la ducha, el
-- grifo termostático se queda", "el mezclador no se toca", "la cisterna se deja". The words right after the thing
-- say it is not part of the job: its row is never priced (a line no expected item asks for is the costly error of
-- issue 18), and the hours its job rule added go with it, as estimate_feature_guard does. Only when the row is
-- read once in the message (another mention of it keeps it) and the thing has no count of its own. The phrases
-- are a kind of sentence, not one request's words: "se queda(n)", "queda(n) igual", "se mantiene(n)", "se deja(n)",
-- "no se toca(n)", "no se cambia(n)", said right after the thing's own words, and not followed by how it fails
-- ("el grifo se queda goteando" is the fault to mend).
CREATE OR REPLACE FUNCTION estimate_kept_guard(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_words text;
    v_m     jsonb;
    v_drop  text[] := '{}';
BEGIN
    -- (most requests say none of it: nothing to fold)
    IF coalesce(p_found ->> 'synonyms', input, '') !~* '\m(qued|manti|dej|toc|cambi)' THEN
        RETURN p_found;
    END IF;
    v_words := ' ' || estimate_words(coalesce(p_found ->> 'synonyms', input)) || ' ';
    FOR v_m IN SELECT m FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m
               WHERE m ->> 'code' IS NOT NULL AND coalesce(m ->> 'words', '') <> ''
                 AND jsonb_typeof(m -> 'quantity') IS DISTINCT FROM 'number'
                 AND NOT coalesce((m ->> 'old')::boolean, false) LOOP
        CONTINUE WHEN (SELECT count(*) FROM jsonb_array_elements(p_found -> 'mentions') m2
                        WHERE m2 ->> 'code' = v_m ->> 'code') > 1;
        CONTINUE WHEN v_words !~ ('\m' || regexp_replace(v_m ->> 'words', '([.*+?^${}()|\[\]\\])', '\\\1', 'g')
                                  || ' (?:se (?:queda|quedan|mantiene|mantienen|deja|dejan)|quedan? igual'
                                  || '|no se (?:toca|tocan|cambia|cambian))\M'
                                  -- (not a fault: "se queda goteando", "se queda pegado", "se queda abierta")
                                  || '(?! [a-z]+(?:ando|iendo|ado|ada|ados|adas|ido|ida|idos|idas|ierto|ierta)\M)');
        v_drop := v_drop || (v_m ->> 'code');
    END LOOP;
    RETURN estimate_drop_rows(p_found, v_drop, '{}', 'kept');
END
$$;

-- A part whose row belongs to another whole than the one the message names (wrongprice, stop 29): "arreglar el
-- tanque del inodoro, cambiarle el flotante y la pera", "cambiar el flotante y el mecanismo de descarga del depósito
-- del inodoro". The part word ("flotante") is priced by its own alias as a storage tank's float valve, while the
-- thing the message names (the cistern, its flush mechanism) is of a family of the catalogue that has its own row
-- of that part (the cistern's fill valve, "grifo flotador"). As 4c of estimate_unguess does for "X del Y" said
-- together, the words do not settle which one is meant wherever the whole is said: the line is a cotizar in the
-- plumber's words, asking among the part's row and the whole's family rows that name the part (never priced as
-- either). The part is known by the word said when it is a part word (estimate_settings.part_words: "tubo" of a
-- pipe clip is no part), or, when that word is an alias the row's name does not use, by a
-- part word (estimate_settings.part_words) of its row's name other than the row's own first word ("flotante":
-- "flotador", "boya" of "Válvula de flotador (boya) para depósito", not "válvula"); never by a word the row is
-- itself known by, its thing ("válvula de seguridad", "válvula de gas" are the valve itself). Only materials of two different families, both with a family;
-- a whole named by a row of the part's own family changes nothing; a count said keeps its count on the line.
CREATE OR REPLACE FUNCTION estimate_whole_guard(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_items jsonb := coalesce(p_found -> 'items', '[]');
    v_m     jsonb;
    v_partl text[];
    v_fams  text[];
    v_codes text[];
    v_idx   integer;
    v_item  jsonb;
    v_done  text[] := '{}';
BEGIN
    IF jsonb_array_length(coalesce(p_found -> 'mentions', '[]')) < 2 THEN
        RETURN p_found;
    END IF;
    SELECT estimate_word_list(st.part_words) INTO v_partl FROM estimate_settings st WHERE st.id;
    FOR v_m IN SELECT m FROM jsonb_array_elements(p_found -> 'mentions') m
               WHERE m ->> 'code' IS NOT NULL AND coalesce(m ->> 'words', '') <> ''
                 AND NOT coalesce((m ->> 'old')::boolean, false) AND NOT coalesce((m ->> 'part_of')::boolean, false) LOOP
        CONTINUE WHEN (v_m ->> 'code') = ANY (v_done);
        -- the families of the other things named: their row's, or the one family every row they could be is of
        -- ("la cisterna", a toilet's or a water tank's, says neither)
        v_fams := ARRAY(SELECT DISTINCT f
                          FROM jsonb_array_elements(p_found -> 'mentions') m2,
                               LATERAL (SELECT CASE WHEN count(DISTINCT c.family) = 1 AND count(*) = count(c.family)
                                                    THEN min(c.family) END AS f
                                          FROM price_catalog c
                                         WHERE c.kind = 'material'
                                           AND (c.code = m2 ->> 'code'
                                                OR m2 ->> 'code' IS NULL
                                                   AND c.code IN (SELECT jsonb_array_elements_text(coalesce(m2 -> 'candidates', '[]')))))
                                       AS y
                         WHERE m2 ->> 'words' IS DISTINCT FROM v_m ->> 'words'
                           AND NOT coalesce((m2 ->> 'old')::boolean, false) AND f IS NOT NULL);
        CONTINUE WHEN cardinality(v_fams) = 0;
        v_codes := ARRAY(SELECT c.code FROM price_catalog c, price_catalog x
                          WHERE x.code = v_m ->> 'code' AND x.kind = 'material' AND x.family IS NOT NULL
                            AND NOT x.family = ANY (v_fams)
                            AND c.active AND c.kind = 'material' AND c.family = ANY (v_fams) AND c.code <> x.code
                            AND (split_part(v_m ->> 'words', ' ', 1) = ANY (v_partl)
                                 AND split_part(v_m ->> 'words', ' ', 1) = ANY (estimate_item_words(c))
                                 -- (the row's own thing is the row, no part of it: "válvula de seguridad", "válvula
                                 -- de gas" of the gas valve known so)
                                 AND NOT split_part(v_m ->> 'words', ' ', 1) = ANY (estimate_row_things(x.code, x.thing))
                                 -- (the word said is an alias the row's name does not use: the name's own part
                                 -- word says the part, "flotante" = "flotador")
                                 OR NOT split_part(v_m ->> 'words', ' ', 1) = ANY (string_to_array(estimate_words(x.name), ' '))
                                    AND estimate_item_words(c) && ARRAY(
                                        SELECT w FROM unnest(string_to_array(estimate_words(x.name), ' ')) WITH ORDINALITY AS y(w, n)
                                         WHERE n > 1 AND w = ANY (v_partl)
                                           AND w <> split_part(estimate_words(x.name), ' ', 1)))
                          ORDER BY c.code);
        CONTINUE WHEN cardinality(v_codes) = 0;
        SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
         WHERE el ->> 'item' = v_m ->> 'code' ORDER BY i LIMIT 1;
        CONTINUE WHEN v_idx IS NULL;
        v_items := jsonb_set(v_items, ARRAY[v_idx::text],
            jsonb_build_object('item', coalesce((SELECT p FROM unnest(string_to_array(estimate_plain(input), ' ')) p
                                                  WHERE estimate_words(p) = split_part(v_m ->> 'words', ' ', 1) LIMIT 1),
                                                v_m ->> 'words'),
                               'quantity', coalesce(v_item -> 'quantity', '1'),
                               'choices', to_jsonb((v_m ->> 'code') || v_codes)));
        v_done := v_done || (v_m ->> 'code');
    END LOOP;
    IF cardinality(v_done) = 0 THEN
        RETURN p_found;
    END IF;
    RETURN estimate_found_with(p_found, v_items, jsonb_build_object('wholes', to_jsonb(v_done)));
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- The service a thing is of (gaswater, stop 30): gas, water supply, drain, heating, electricity. A gas hose priced
-- as a water flexible, a gas valve as a water stop valve, a drain part as a supply part, an electric water heater
-- as a gas one, a heating part as a sanitary-water one: the plumber quotes (and may fit) a part not made for that
-- service, the worst kind of wrong line. So the service is data staff can see and edit:
--   - price_catalog.service: the services a row is for, comma separated, in the names of service_words below
--     ('agua', 'gas', 'desague', 'calefaccion', 'electricidad'): "Latiguillo flexible 50 cm" is 'agua', "Llave de
--     gas 1/2" homologada" 'gas', "Tubo de cobre 15 mm" 'agua, gas, calefaccion', "Termo eléctrico 80 l" 'agua,
--     electricidad'. '*' = any service (labour, call-outs); '' (what an import leaves) = not said: the row is left
--     alone, as before. seed.sql fills every seeded row while its service is still '' (a value staff wrote is theirs).
--   - estimate_settings.service_words: the words that name each service, "service = word, word; …" (folded like the
--     message: plurals, accents and case do not matter; the longest phrase is read first, so "aguas negras" is the
--     drain, never the water supply).
-- estimate_service_guard (run last by estimate_match) reads the services said of each item: in its own words, right
-- after them and in brackets after them ("flexible de gas 1/2 x 50 cm", "flexible 1/2 x 50 cm (gas)", "llaves de
-- radiador", "tubo de pvc para el agua", "un flexible de 50 cm, es para el gas"): a row that lacks one of them is
-- never priced. Else the services of the thing it is said to be for ("para la cocina de gas", "de la estufa"): the
-- row must share one with that thing, whose services are those said of it and those of its catalogue rows that have
-- them ("el calentador a gas" is of water and gas, so its water flexibles and safety valve are read as before; a gas
-- cooker has no water); electricity is never taken from that thing ("la válvula del termo eléctrico" is a water
-- part). A row not priced is a line a cotizar in the plumber's words, asking among the rows of the same thing known
-- by every word said that are of the service, if there are any; a line already asked keeps as choices only rows of
-- the service said. A message that names no service keeps its reading.
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE price_catalog ADD COLUMN IF NOT EXISTS service text NOT NULL DEFAULT '' CHECK (length(service) <= 200);

ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS service_words text NOT NULL DEFAULT
    'gas = gas, gas natural, gas licuado, gas lp, gas propano, butano, propano, glp, bombona, garrafa, estufa, anafe, '
    'hornalla; '
    'desague = desague, drenaje, aguas negras, aguas grises, aguas residuales, aguas servidas, aguas sucias, '
    'aguas fecales, fecales, aguas pluviales, agua de lluvia, pluvial, saneamiento, cloaca, alcantarillado; '
    'calefaccion = calefaccion, radiador, suelo radiante, piso radiante, losa radiante, circuito de calefaccion; '
    'electricidad = electrico, electrica, electricidad; '
    'agua = agua, agua fria, agua caliente, agua potable, agua sanitaria, acs';

-- The phrases of a service_words list: each folded as the message is read (estimate_words), with its service (the
-- name before "=", without accents or case) and its number of words (the longest are read first).
CREATE OR REPLACE FUNCTION estimate_service_phrases(p_list text)
RETURNS TABLE (service text, phrase text, words integer)
LANGUAGE sql STABLE AS $$
    SELECT btrim(estimate_plain(split_part(e, '=', 1))), p, cardinality(string_to_array(p, ' '))
      FROM regexp_split_to_table(coalesce(p_list, ''), ';') e, unnest(estimate_word_list(split_part(e, '=', 2))) p
     WHERE position('=' IN e) > 0 AND btrim(estimate_plain(split_part(e, '=', 1))) <> '' AND btrim(p) <> ''
$$;

-- A row's services as a list ('agua, gas' -> {agua, gas}; '*' kept as '*').
CREATE OR REPLACE FUNCTION estimate_service_list(p_service text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT x ORDER BY x), '{}')
      FROM (SELECT CASE WHEN btrim(s) = '*' THEN '*' ELSE btrim(estimate_plain(s)) END AS x
              FROM regexp_split_to_table(coalesce(p_service, ''), '[,;]') s) y
     WHERE x <> ''
$$;

-- The services said in folded words, longest phrase first, each word read once (p_keys[i] is said by p_phrases[i],
-- longest first: estimate_service_phrases ordered by words).
CREATE OR REPLACE FUNCTION estimate_services_in(p_words text, p_keys text[], p_phrases text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    v_text text := ' ' || coalesce(p_words, '') || ' ';
    v_out  text[] := '{}';
BEGIN
    FOR i IN 1 .. coalesce(cardinality(p_keys), 0) LOOP
        CONTINUE WHEN position(' ' || p_phrases[i] || ' ' IN v_text) = 0;
        IF NOT p_keys[i] = ANY (v_out) THEN
            v_out := v_out || p_keys[i];
        END IF;
        v_text := replace(v_text, ' ' || p_phrases[i] || ' ', ' # ');
    END LOOP;
    RETURN v_out;
END
$$;

-- The services of a thing an item is said to be for or to come with (estimate_service_guard): the services said of
-- it (p_said, electricity left out) and those of its catalogue rows that have them all (p_rows: a row's code, or the
-- candidates it is asked among). "el calentador a gas" is of water and gas (the gas heaters' rows), "la cocina de
-- gas" of gas alone (no row).
CREATE OR REPLACE FUNCTION estimate_service_whole(p_said text[], p_rows text[]) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN coalesce(cardinality(p_said), 0) = 0 THEN '{}'::text[] ELSE ARRAY(
        SELECT DISTINCT x FROM (
            SELECT unnest(p_said) AS x
            UNION ALL
            SELECT unnest(estimate_service_list(c.service)) FROM price_catalog c
             WHERE c.code = ANY (coalesce(p_rows, '{}')) AND p_said <@ estimate_service_list(c.service)) y
         WHERE x <> '*' ORDER BY x) END
$$;

CREATE OR REPLACE FUNCTION estimate_service_guard(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s        estimate_settings;
    v_items  jsonb := coalesce(p_found -> 'items', '[]');
    v_keys   text[];
    v_phr    text[];
    v_firsts text[];
    v_text   text;
    v_p      text[];
    v_f      text[];
    v_m      jsonb;
    v_row    price_catalog;
    v_start  integer;
    v_end    integer;
    v_k      integer;
    v_aend   integer;
    v_direct text;
    v_whole  text;
    v_wfrom  integer;
    v_in     boolean;
    v_said   text[];
    v_near   text[];      -- the services of the thing the item is for, comes with, or is listed under
    v_rows   text[];
    v_codes  text[];
    v_idx    integer;
    v_item   jsonb;
    v_used   integer[] := '{}';
    v_stops  integer[] := '{}';   -- where another thing to price begins (the words after an item end there)
    v_wholes integer[] := '{}';   -- where a thing said to be where the item goes begins ("del calentador")
    v_mstart integer[] := '{}';   -- every mention's starts, and the rows it reads (comma-joined), side by side
    v_mrows  text[] := '{}';
    v_things text[];
    v_jobl   text[];
    v_tail   text;
    v_x      integer;
    v_done   boolean := false;
    v_stop   CONSTANT text[] := ARRAY['y', 'e', 'o', 'u', 'ni', 'con', 'mas', 'tambien', 'ademas', 'como', 'no', 'que',
                                      'sin', 'por'];
    v_link   CONSTANT text[] := ARRAY['de', 'del', 'para', 'pa', 'pal', 'p', 'a', 'al', 'en'];
BEGIN
    IF jsonb_array_length(v_items) = 0 OR p_found -> 'mentions' IS NULL THEN
        RETURN p_found;
    END IF;
    SELECT * INTO s FROM estimate_settings WHERE id;
    IF btrim(coalesce(s.service_words, '')) = '' THEN
        RETURN p_found;
    END IF;
    SELECT array_agg(sp.service ORDER BY sp.words DESC, length(sp.phrase) DESC, sp.phrase),
           array_agg(sp.phrase ORDER BY sp.words DESC, length(sp.phrase) DESC, sp.phrase)
      INTO v_keys, v_phr FROM estimate_service_phrases(s.service_words) sp;
    IF coalesce(cardinality(v_keys), 0) = 0 THEN
        RETURN p_found;
    END IF;
    -- (what is said in brackets right after a thing is said of it: "flexible 1/2" x 50 cm (gas)")
    v_text := regexp_replace(coalesce(p_found ->> 'synonyms', input), '[()\[\]]', ' ', 'g');
    SELECT r.plain, r.folded INTO v_p, v_f FROM estimate_guard_words(v_text) r;
    -- (cheap: no service named anywhere, nothing to compare)
    IF cardinality(estimate_services_in(array_to_string(array_remove(v_f, ''), ' '), v_keys, v_phr)) = 0 THEN
        RETURN p_found;
    END IF;
    v_firsts := ARRAY(SELECT DISTINCT split_part(x, ' ', 1) FROM unnest(v_phr) x);
    v_jobl := estimate_word_list(s.job_words) || estimate_word_list(s.place_verbs);
    v_things := estimate_catalogue_things() || estimate_word_list(s.use_words);
    FOR v_m IN SELECT m FROM jsonb_array_elements(p_found -> 'mentions') m WHERE coalesce(m ->> 'words', '') <> '' LOOP
        FOREACH v_x IN ARRAY estimate_guard_starts(v_f, v_m ->> 'words') LOOP
            IF coalesce((v_m ->> 'part_of')::boolean, false) THEN
                v_wholes := v_wholes || v_x;
            ELSE
                v_stops := v_stops || v_x;
            END IF;
            v_mstart := v_mstart || v_x;
            v_mrows := v_mrows || coalesce(v_m ->> 'code',
                                           (SELECT string_agg(c, ',') FROM jsonb_array_elements_text(coalesce(v_m -> 'candidates', '[]')) c), '');
        END LOOP;
    END LOOP;
    FOR v_m IN SELECT m FROM jsonb_array_elements(p_found -> 'mentions') m
               WHERE coalesce(m ->> 'words', '') <> '' AND NOT coalesce((m ->> 'old')::boolean, false)
                 AND NOT coalesce((m ->> 'part_of')::boolean, false)
                 AND (m ->> 'code' IS NOT NULL OR jsonb_array_length(coalesce(m -> 'candidates', '[]')) > 0) LOOP
        -- the line it is: priced by its code, or asked among its candidates
        v_idx := NULL;
        v_row := NULL;
        IF v_m ->> 'code' IS NOT NULL THEN
            SELECT * INTO v_row FROM price_catalog c WHERE c.code = v_m ->> 'code';
            CONTINUE WHEN v_row.code IS NULL;
            v_rows := estimate_service_list(v_row.service);
            CONTINUE WHEN cardinality(v_rows) = 0 OR '*' = ANY (v_rows);
            SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
             WHERE el ->> 'item' = v_row.code AND NOT el ? 'choices' ORDER BY i LIMIT 1;
        ELSE
            SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
             WHERE el ? 'choices' AND (el ->> 'item' = v_m ->> 'words' OR (el -> 'choices') <@ (v_m -> 'candidates'))
             ORDER BY i LIMIT 1;
        END IF;
        CONTINUE WHEN v_idx IS NULL;
        -- where its words are in the message (the first place not taken by a mention read before)
        v_start := (SELECT min(x) FROM unnest(estimate_guard_starts(v_f, v_m ->> 'words')) x WHERE NOT x = ANY (v_used));
        IF v_start IS NOT NULL THEN
            v_end := estimate_guard_end(v_f, v_start, v_m ->> 'words');
        ELSE
            -- (its words read apart: "latiguillo 1/2 x 50 cm" read as "latiguillo 50 cm"; from its first word on,
            -- only when the message says that word once: two things of one name are not told apart this way)
            v_start := (SELECT min(i) FROM generate_subscripts(v_f, 1) i
                         WHERE v_f[i] = split_part(v_m ->> 'words', ' ', 1) AND NOT i = ANY (v_used)
                        HAVING count(*) = 1);
            -- (and its other words follow within a few words: "mangueras … x 40cm" read as "flexible 40" is not the
            -- "conector flexible p/gas" said after it)
            IF v_start IS NOT NULL AND EXISTS (
                   SELECT 1 FROM unnest(string_to_array(v_m ->> 'words', ' ')) WITH ORDINALITY AS w(x, n)
                    WHERE n > 1 AND position(' ' || w.x || ' ' IN ' ' || array_to_string(v_f[v_start:v_start + 8], ' ') || ' ') = 0) THEN
                v_start := NULL;
            END IF;
            v_end := v_start;
        END IF;
        CONTINUE WHEN v_start IS NULL;
        v_used := v_used || v_start;
        -- its own words and those right after them; from a thing it is said to be for ("para el calentador a gas",
        -- "del termo eléctrico", "en la cocina de gas"), that thing's
        v_direct := array_to_string(array_remove(v_f[v_start:v_end], ''), ' ');
        v_whole := '';
        v_wfrom := NULL;
        v_in := false;
        v_k := v_end + 1;
        WHILE v_k <= cardinality(v_p) AND v_k <= v_end + 10 LOOP
            EXIT WHEN v_p[v_k] = ANY (v_stop) OR v_k = ANY (v_stops) OR estimate_verb_forms(v_f[v_k]) && v_jobl
                   OR v_p[v_k] IN ('un', 'una', 'unos', 'unas')
                   OR v_f[v_k] ~ '^[0-9]' AND v_k > v_end + 1 AND v_p[v_k - 1] NOT IN ('de', 'del', 'a', 'x', 'por')
                      AND coalesce(v_f[v_k + 1], '') NOT IN ('', 'mm', 'cm', 'l', 'pulgada', 'kw', 'w', 'bar')
                   -- (est33) a count and a thing begin the next item, whatever came before ("… de quince tres codos …")
                   OR v_f[v_k] ~ '^[0-9]+$' AND v_p[v_k] NOT IN ('x', 'por')
                      AND estimate_guard_next_thing(v_f, v_k, v_stops);
            IF NOT v_in AND (v_k = ANY (v_wholes)
                             OR v_f[v_k] = ANY (v_things) AND NOT v_f[v_k] = ANY (v_firsts)
                                AND (SELECT bool_or(v_p[j] = ANY (v_link)) FROM generate_series(greatest(v_end + 1, v_k - 2), v_k - 1) j)) THEN
                v_in := true;
                v_wfrom := v_k;
            END IF;
            IF v_f[v_k] <> '' THEN
                IF v_in THEN
                    v_whole := v_whole || ' ' || v_f[v_k];
                ELSE
                    v_direct := v_direct || ' ' || v_f[v_k];
                END IF;
            END IF;
            v_k := v_k + 1;
        END LOOP;
        v_aend := v_k - 1;
        -- "…, es para el gas", "…, que son de agua": the clause right after says what it is for
        IF v_k <= cardinality(v_p) AND v_p[v_k] = 'y' THEN
            v_tail := array_to_string(v_p[v_k + 1:v_k + 3], ' ');
            IF v_tail ~ '^(?:que )?(?:es|son|va|van) (?:para|pa|pal|de|del)\M' THEN
                v_direct := v_direct || ' ' || array_to_string(array_remove(v_f[v_k + 1:v_k + 7], ''), ' ');
            END IF;
        END IF;
        -- 1. the services said of the item itself: every one must be the row's
        v_said := estimate_services_in(v_direct, v_keys, v_phr);
        v_near := '{}';
        IF cardinality(v_said) = 0 THEN
            -- 2. else those of the thing it is for ("del calentador a gas", "para la cocina de gas"): the row must
            -- share a service with that thing (a gas water heater's water flexible does; a gas cooker has no water)
            IF v_whole <> '' THEN
                v_near := estimate_service_whole(array_remove(estimate_services_in(v_whole, v_keys, v_phr), 'electricidad'),
                                                 coalesce(string_to_array((SELECT v_mrows[i] FROM generate_subscripts(v_mstart, 1) i
                                                                            WHERE v_mstart[i] = v_wfrom LIMIT 1), ','),
                                                          -- (not read as a thing of its own: the rows of that thing)
                                                          ARRAY(SELECT c.code FROM price_catalog c
                                                                 WHERE c.active AND c.kind = 'material'
                                                                   AND v_f[v_wfrom] = ANY (estimate_row_things(c.code, c.thing)))));
            END IF;
            CONTINUE WHEN cardinality(v_near) = 0;
        END IF;
        IF v_row.code IS NOT NULL THEN
            CONTINUE WHEN cardinality(v_said) > 0 AND v_said <@ v_rows OR cardinality(v_said) = 0 AND v_near && v_rows;
            -- the rows of the same thing that are of every service said (or of one of the thing's) and known by
            -- every word of the item but its sizes ("la válvula de seguridad del calentador eléctrico" is not asked
            -- among gas valves)
            v_codes := ARRAY(SELECT c.code FROM price_catalog c
                              WHERE c.active AND c.kind = v_row.kind AND c.code <> v_row.code
                                AND estimate_row_things(c.code, c.thing) && estimate_row_things(v_row.code, v_row.thing)
                                AND estimate_item_words(c) @> ARRAY(SELECT w FROM unnest(string_to_array(v_m ->> 'words', ' ')) w
                                                                     WHERE w !~ '^[0-9]')
                                AND (cardinality(v_said) > 0 AND v_said <@ estimate_service_list(c.service)
                                     OR cardinality(v_said) = 0 AND v_near && estimate_service_list(c.service)
                                     OR '*' = ANY (estimate_service_list(c.service)))
                              ORDER BY c.unit_price, c.code LIMIT 12);
            v_items := jsonb_set(v_items, ARRAY[v_idx::text],
                jsonb_build_object('item', left(btrim(array_to_string(v_p[v_start:v_aend], ' ')), 200),
                                   'quantity', coalesce(v_item -> 'quantity', '1'))
                || CASE WHEN cardinality(v_codes) > 0 THEN jsonb_build_object('choices', to_jsonb(v_codes)) ELSE '{}' END);
        ELSE
            -- a line asked: only the rows of the service said stay its choices (a row that says none stays too)
            v_codes := ARRAY(SELECT ch FROM jsonb_array_elements_text(v_item -> 'choices') WITH ORDINALITY AS x(ch, n)
                              WHERE NOT EXISTS (SELECT 1 FROM price_catalog c
                                                 WHERE c.code = ch AND cardinality(estimate_service_list(c.service)) > 0
                                                   AND NOT '*' = ANY (estimate_service_list(c.service))
                                                   AND NOT (cardinality(v_said) > 0 AND v_said <@ estimate_service_list(c.service)
                                                            OR cardinality(v_said) = 0 AND v_near && estimate_service_list(c.service)))
                              ORDER BY n);
            CONTINUE WHEN cardinality(v_codes) = jsonb_array_length(v_item -> 'choices');
            v_items := jsonb_set(v_items, ARRAY[v_idx::text],
                CASE WHEN cardinality(v_codes) > 0 THEN v_item || jsonb_build_object('choices', to_jsonb(v_codes))
                     ELSE v_item - 'choices' END);
        END IF;
        v_done := true;
    END LOOP;
    IF NOT v_done THEN
        RETURN p_found;
    END IF;
    RETURN estimate_found_with(p_found, v_items, '{"services": true}');
END
$$;

-- (est34) A fitting said at a size the catalogue lacks is never the pipe of that size: "un te de cobre de 35", "codo
-- ppr de 40", "derivación pvc de 75" read the material and the size alone as the pipe's row ("cobre de 35" is the 35
-- mm copper pipe) — the pipe was priced for the fitting (or beside it). A priced row read from words that do not say
-- its own thing (its name's first word: "tubo"), right after the first word of another row's name said just before
-- them (te, codo, derivación…), is that other thing at that size: a line a cotizar as said ("te cobre 35", the count
-- said for it), taking the place of that thing's own line a cotizar when there is one ("codo" asked among every
-- elbow). A pipe said with its word ("tubo de cobre de 35") is read as before.
-- (est35) A word of the priced row's own name or aliases is never that other thing: "4 metros de tubo de desagüe de
-- pvc de 50" says "desagüe", the first word of a drain row's name but a word of the PVC pipe's own aliases ("tubo de
-- desague 50"), so the PVC pipe stays priced (stop 34's guard made it "desague pvc 50" a cotizar). Such words between
-- the other thing and the words read are skipped ("codo de bajante de pvc de 110": the elbow, not the pipe).
CREATE OR REPLACE FUNCTION estimate_fitting_guard(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_folded text := ' ' || estimate_words(estimate_separate(input)) || ' ';
    v_items  jsonb := coalesce(p_found -> 'items', '[]');
    v_out    jsonb := '[]';
    v_item   jsonb;
    v_words  text;
    v_thing  text;
    v_other  text;
    v_own    text;     -- the priced row's own words (its name and aliases), as an alternation
    v_re     text;
    v_chain  text;
    v_qty    numeric;
    v_done   boolean := false;
    v_removed integer := 0;
    v_made   integer := 0;
BEGIN
    FOR v_item IN SELECT x FROM jsonb_array_elements(v_items) x LOOP
        v_other := NULL;
        IF v_item ? 'item' AND NOT v_item ? 'choices' THEN
            SELECT m ->> 'words', split_part(estimate_words(c.name), ' ', 1),
                   (SELECT string_agg(DISTINCT w, '|') FROM regexp_split_to_table(
                        estimate_words(c.name || ' ' || replace(coalesce(c.aliases, ''), ',', ' ')), ' ') w
                     WHERE w ~ '^[a-z]{2,}$')
              INTO v_words, v_thing, v_own
              FROM jsonb_array_elements(coalesce(p_found -> 'mentions', '[]')) m
              JOIN price_catalog c ON c.code = m ->> 'code'
             WHERE m ->> 'code' = v_item ->> 'item' AND c.kind = 'material'
             LIMIT 1;
            -- the other thing's word, then any of the row's own words, then the words read
            v_re := ' ([a-z]+)((?: (?:' || coalesce(v_own, 'x^') || '))*) '
                    || regexp_replace(coalesce(v_words, ''), '([^a-z0-9 ])', '\\\1', 'g');
            -- (every time those words are said, right after that other thing: "2 racores multicapa 16 … y 5 metros de
            -- multicapa de 16", "6 codos de cobre de 42 y 4 m de tubo de cobre de 42" keep their pipe)
            IF v_words IS NOT NULL AND v_words ~ '[0-9]' AND split_part(v_words, ' ', 1) <> v_thing
               AND (SELECT count(*) FROM regexp_matches(v_folded, ' ' || regexp_replace(v_words, '([^a-z0-9 ])', '\\\1', 'g') || '(?= )', 'g'))
                 = (SELECT count(*) FROM regexp_matches(v_folded, v_re || '(?= )', 'g') m
                     WHERE m[1] <> v_thing AND NOT m[1] ~ ('^(?:' || coalesce(v_own, 'x^') || ')$')
                       AND EXISTS (SELECT 1 FROM price_catalog p WHERE p.active AND p.kind = 'material'
                                     AND split_part(estimate_words(p.name), ' ', 1) = m[1])) THEN
                SELECT w, btrim(ch) INTO v_other, v_chain
                  FROM (SELECT r[1] AS w, r[2] AS ch FROM regexp_match(v_folded, v_re || ' ') r) x
                 WHERE w IS NOT NULL AND w <> v_thing AND NOT w ~ ('^(?:' || coalesce(v_own, 'x^') || ')$')
                   AND EXISTS (SELECT 1 FROM price_catalog p WHERE p.active AND p.kind = 'material'
                                 AND split_part(estimate_words(p.name), ' ', 1) = x.w);
            END IF;
        END IF;
        IF v_other IS NULL THEN
            v_out := v_out || jsonb_build_array(v_item);
            CONTINUE;
        END IF;
        -- (est35) that thing already priced at that size ("codo de bajante de pvc de 110": the 110 mm PVC elbow): the
        -- pipe read from the same words is dropped, no line a cotizar beside it
        IF EXISTS (SELECT 1 FROM jsonb_array_elements(v_items) x JOIN price_catalog c ON c.code = x ->> 'item'
                    WHERE split_part(estimate_words(c.name), ' ', 1) = v_other
                      AND ' ' || estimate_words(c.name) || ' ' LIKE '% ' || substring(v_words FROM '[0-9]+(?:[.,/][0-9]+)?') || ' %') THEN
            v_done := true;
            CONTINUE;
        END IF;
        -- that thing's own line a cotizar ("codo", asked among every elbow) gives its count and its place
        SELECT (x ->> 'quantity')::numeric INTO v_qty FROM jsonb_array_elements(v_items) x
         WHERE x ->> 'item' = v_other AND NOT (x ->> 'item') IN (SELECT code FROM price_catalog) LIMIT 1;
        v_removed := v_removed + (SELECT count(*) FROM jsonb_array_elements(v_items) x WHERE x ->> 'item' = v_other);
        v_out := (SELECT coalesce(jsonb_agg(x), '[]') FROM jsonb_array_elements(v_out) x WHERE x ->> 'item' IS DISTINCT FROM v_other);
        v_items := (SELECT coalesce(jsonb_agg(x), '[]') FROM jsonb_array_elements(v_items) x WHERE x ->> 'item' IS DISTINCT FROM v_other);
        v_out := v_out || jsonb_build_array(jsonb_build_object('item', v_other || ' ' || coalesce(nullif(v_chain, '') || ' ', '') || v_words,
                                                               'quantity', coalesce(v_qty, (v_item ->> 'quantity')::numeric, 1),
                                                               'unit', 'ud', 'choices', '[]'::jsonb));
        v_done := true;
        v_made := v_made + 1;
    END LOOP;
    IF NOT v_done THEN
        RETURN p_found;
    END IF;
    RETURN estimate_found_with(p_found, v_out,
                               -- (each line a cotizar made is one to complete, in the place of the thing's own)
                               jsonb_build_object('ask_back', greatest(0, coalesce((p_found ->> 'ask_back')::int, 0) - v_removed) + v_made));
END
$$;

-- (revise31) The guards estimate_match applies to the items read from the words, as a list in the order applied: each
-- takes the words and what the one before it left (the clause jobs a cotizar, the unguessed reading, then the guards
-- of the thing, the attributes, the features, the whole, what is kept, the service). One place: estimate_match_read calls
-- it once for whichever reading it took (the words as written, or with the shared synonyms), so anything done to
-- every reading's result is done here.
CREATE OR REPLACE FUNCTION estimate_guarded(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v jsonb := p_found;
BEGIN
    v := estimate_clause_jobs(input, v);
    v := estimate_unguess(input, v);
    v := estimate_thing_guard(input, v);
    v := estimate_attribute_guard(input, v);
    v := estimate_feature_guard(input, v);
    v := estimate_whole_guard(input, v);
    v := estimate_kept_guard(input, v);
    v := estimate_service_guard(input, v);
    v := estimate_said_guard(input, v);
    v := estimate_sized_ask(input, v);
    v := estimate_fitting_guard(input, v);   -- (est34)
    RETURN v;
END
$$;

-- (est34) A size as plumbers say it, for a pattern (estimate_each_said): a number in digits or words, a fraction,
-- inches and a fraction, "media", "tres cuartos", a pair ("1/2 x 3/8", "media por media"), and a unit after it.
CREATE OR REPLACE FUNCTION estimate_size_words_re() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT format('(?:\d+(?:[.,]\d+)?(?:\s+\d+/\d+)?|\d+/\d+|media|medio|tres cuartos|%s)'
                  '(?:\s*(?:x|por)\s*(?:\d+/\d+|media|medio|tres octavos|tres cuartos))?'
                  '(?:\s*(?:mm|cm|l|lts?|litros?|pulgadas?|pulg|"|kw))?', estimate_count_re(1))
$$;

-- A count said once for things of two sizes or uses (stop 32, (d) of bench/estimates/READ-32.md): "dos monomandos,
-- uno de lavabo y otro de bidé", "3 llaves de paso, dos de 1/2 y una de 3/4", "2 latiguillos, uno de 30 y otro de
-- 40 cm" are read as each thing with its own count ("1 monomandos de lavabo y 1 monomandos de bidé"), when the two
-- counts add up to the one said first; otherwise the words are read as they are.
CREATE OR REPLACE FUNCTION estimate_each_said(input text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    m  text[];
    c1 numeric;
    c2 numeric;
    c  numeric;
    u  text;
BEGIN
    -- (the counts: digits or the words of estimate_number_words, through estimate_count_re; "otro", "otra" are one)
    m := regexp_match(lower(coalesce(input, '')),
        format('^(.*?\m)(\d+|%s)\s+([[:alpha:]][^,;:.]*?)\s*[,:]?\s+(\d+|%s)\s+(de|para|pa|pal)\s+(\S.*?)\s+(?:y|e)\s+'
               '(otro|otra|\d+|%s)\s+(de|para|pa|pal)\s+(\S.*)$',
               estimate_count_re(2), estimate_count_re(1), estimate_count_re(1)));
    IF m IS NULL THEN
        -- (est34) one thing of a size and "otro/otra" of another: "una válvula antirretorno de 3/4 y otra de 1/2", "un
        -- codo de cobre de 22 y otro de 15" are one of each ("otra de 1/2" was lost); only when both are sizes ("una
        -- llave de paso de 1/2 y otra de escuadra" is another thing, read as it is)
        m := regexp_match(lower(coalesce(input, '')),
            format('^(.*?\m)(?:un|una|uno|1)\s+([[:alpha:]][^,;:.]*)\s+de\s+(%s)\s+(?:y|e)\s+(?:otro|otra)\s+de\s+(%s)((?:\s|[,;:.]).*)?$',
                   estimate_size_words_re(), estimate_size_words_re()));
        IF m IS NULL OR m[3] = m[4] THEN
            RETURN input;
        END IF;
        RETURN m[1] || '1 ' || m[2] || ' de ' || m[3] || ' y 1 ' || m[2] || ' de ' || m[4] || coalesce(m[5], '');
    END IF;
    c := CASE WHEN m[2] ~ '^\d+$' THEN m[2]::numeric ELSE estimate_number_word(m[2]) END;
    c1 := CASE WHEN m[4] ~ '^\d+$' THEN m[4]::numeric ELSE estimate_number_word(m[4]) END;
    c2 := CASE WHEN m[7] ~ '^\d+$' THEN m[7]::numeric WHEN m[7] IN ('otro', 'otra') THEN 1 ELSE estimate_number_word(m[7]) END;
    IF c IS NULL OR c1 IS NULL OR c2 IS NULL OR c1 + c2 <> c THEN
        RETURN input;
    END IF;
    -- (a unit said after the second size only is the first's too: "uno de 30 y otro de 40 cm")
    u := substring(m[9] FROM '^\S+\s+(cm|mm|m|mts?|metros?|l|lts?|litros?|pulgadas?|w|kw|cv|hp)(?:\s|$)');
    IF m[6] !~ '\s' AND u IS NOT NULL THEN
        m[6] := m[6] || ' ' || u;
    END IF;
    RETURN m[1] || c1 || ' ' || m[3] || ' ' || m[5] || ' ' || m[6] || ' y ' || c2 || ' ' || m[3] || ' ' || m[8] || ' ' || m[9];
END
$$;

-- When the job is done (est36, issue 18 k3): words of an urgent call ("urgente", "emergencia"), of the night ("esta
-- noche", "horario nocturno") and of a Sunday or holiday ("domingo", "festivo", "feriado"), and the catalogue rows
-- they price: the urgent call-out for urgent or night work, the weekend/holiday one for a Sunday or holiday, and
-- the night/holiday labour hour for night or holiday work. Staff-editable (words compared folded, whole phrases).
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS urgent_words text NOT NULL DEFAULT
    'urgente, urgencia, de urgencia, emergencia, de emergencia, lo antes posible, cuanto antes';
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS night_words text NOT NULL DEFAULT
    'esta noche, de noche, por la noche, a la noche, en la noche, nocturno, nocturna, horario nocturno, madrugada, '
    'de madrugada, fuera de horario';
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS holiday_words text NOT NULL DEFAULT
    'domingo, el domingo, festivo, dia festivo, feriado, dia feriado, fin de semana';
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS urgent_call_code text DEFAULT 'desplazamiento-urgente';
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS holiday_call_code text DEFAULT 'desplazamiento-festivo';
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS night_labour_code text DEFAULT 'mano-obra-oficial-festivo';

-- Which of those the words say: 'urgent', 'night', 'holiday' (any of them), from the settings' lists.
CREATE OR REPLACE FUNCTION estimate_when_said(p_words text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT ARRAY(SELECT k FROM estimate_settings s,
                 LATERAL (VALUES ('urgent', s.urgent_words), ('night', s.night_words), ('holiday', s.holiday_words)) v(k, list)
                 WHERE s.id AND EXISTS (SELECT 1 FROM unnest(estimate_word_list(list, 'plain')) w
                                        WHERE w <> '' AND (' ' || estimate_plain(p_words) || ' ') LIKE ('% ' || w || ' %'))
                 ORDER BY k)
$$;

-- The found items with the call-out and the hours of when the job is done: the normal call-out
-- (settings.service_call_code) becomes the urgent one (urgent or night) or the holiday one (Sunday/holiday only);
-- hours of labour (the settings' labour row or a job rule's hours) become night/holiday hours at night or on a
-- holiday. A call-out the plumber named himself ("salida urgente") stays. Rows only from the catalogue (settings'
-- codes of active rows).
CREATE OR REPLACE FUNCTION estimate_when_found(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s       estimate_settings;
    v_when  text[];
    v_call  text;
    v_hours text;
    v_items jsonb := '[]';
    it      jsonb;
BEGIN
    IF jsonb_typeof(p_found -> 'items') IS DISTINCT FROM 'array' THEN
        RETURN p_found;
    END IF;
    v_when := estimate_when_said(input);
    IF cardinality(v_when) = 0 THEN
        RETURN p_found;
    END IF;
    SELECT * INTO s FROM estimate_settings WHERE id;
    v_call := CASE WHEN v_when && ARRAY['urgent', 'night'] THEN s.urgent_call_code ELSE s.holiday_call_code END;
    v_hours := CASE WHEN v_when && ARRAY['night', 'holiday'] THEN s.night_labour_code END;
    IF NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_call AND c.active) THEN
        v_call := NULL;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_hours AND c.active AND c.unit = 'h') THEN
        v_hours := NULL;
    END IF;
    FOR it IN SELECT x FROM jsonb_array_elements(p_found -> 'items') x LOOP
        IF v_call IS NOT NULL AND it ->> 'item' = s.service_call_code THEN
            it := jsonb_set(it, '{item}', to_jsonb(v_call));
        ELSIF v_hours IS NOT NULL AND it ? 'labour_hours' AND jsonb_typeof(it -> 'labour_hours') = 'number' THEN
            it := jsonb_build_object('item', v_hours, 'quantity', it -> 'labour_hours');
        ELSIF v_hours IS NOT NULL AND it ->> 'item' = s.labour_code THEN
            it := jsonb_set(it, '{item}', to_jsonb(v_hours));
        END IF;
        v_items := v_items || jsonb_build_array(it);
    END LOOP;
    RETURN jsonb_set(p_found, '{items}', v_items);
END
$$;

-- The same job in several flats, rooms or premises (est36, issue 18 k4): "cambiar el sifón en los 4 baños",
-- "grifo de lavadora en los 5 pisos", "para los 6 departamentos". The words are split where the exception starts
-- (", pero", "menos", "excepto", "salvo", "y en uno", "en el 3º"…): each material or removal the head names without
-- a count of its own (or with "por piso", "en cada") is that many times; then the tail, when it says one of these:
--   "menos en uno / en dos de ellos / en el de visitas" -> one (two) fewer of the lines the tail names, else of each;
--   "pero en el 4º sin llave de escuadra", "en uno no lleva X" -> one fewer X;
--   "en el 3º son dos", "en uno van dos" -> one more of the line the tail names, else of the one line multiplied;
--   "y en uno también el de bidé" -> a thing only the tail names stays as said (not multiplied).
-- A tail that says anything else (another size in one of them, "uno de ellos de 80") leaves the reading as it was:
-- the count is never guessed. "todos los pisos" (no number) is not a batch. Prices are the catalogue's (the same
-- item rows, only their quantities).
DROP FUNCTION IF EXISTS estimate_batch_said(text);   -- (before its place)
CREATE OR REPLACE FUNCTION estimate_batch_said(p_plain text, OUT units integer, OUT head text, OUT tail text, OUT place text,
                                               OUT of_units integer)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    m text[];
    v_count text := '[0-9]{1,2}|' || estimate_count_re(2);   -- (the one list of count words)
    v_place text := 'pisos|departamentos|deptos|dptos|apartamentos|aptos|apartamentos|locales|banos|aseos|viviendas|casas|'
                    || 'unidades|habitaciones|oficinas|cocinas|portales|plantas|cabanas|consultorios|duplex|chalets';
    v_cut   integer;
BEGIN
    -- (the article is required: "para los 2 baños" is each of them, "bomba presurizadora para 2 baños" one pump for two)
    m := regexp_match(p_plain, '(?:^| )(?:en|para|de|a) (?:los|las|todos los|todas las|cada uno de los|cada una de las) (' || v_count
                               || ') (' || v_place || ')(?: [a-z]+)?(?= |$)');
    -- (est37, m4/m5) without the article when the words say the job is done in each of them: "para 6 departamentos,
    -- por departamento …", "8 oficinas: en cada una …", "para 8 apartamentos, en 4 de ellos …"
    IF m IS NULL AND p_plain ~ ('(^| )(?:en cada (?:uno|una)|cada (?:uno|una)|por (?:piso|departamento|depto|apartamento|'
                                || 'local|vivienda|casa|unidad|oficina|habitacion|bano|aseo)|en (?:' || v_count
                                || ') de (?:ellos|ellas))( |$)') THEN
        m := regexp_match(p_plain, '(?:^| )(?:en|para|de|a) (' || v_count || ') (' || v_place || ')(?: [a-z]+)?(?= |$)');
    END IF;
    -- (est37, m4) "cambiar el flotador del tinaco en 6 departamentos": "en" and flats, homes or premises (each has its
    -- own), also without the article; rooms still need it ("bomba presurizadora para 2 baños" is one pump)
    IF m IS NULL THEN
        m := regexp_match(p_plain, '(?:^| )en (' || v_count || ') (pisos|departamentos|deptos|dptos|apartamentos|aptos|locales|'
                                   || 'viviendas|casas|oficinas|consultorios|chalets)(?: [a-z]+)?(?= |$)');
    END IF;
    IF m IS NULL THEN
        RETURN;
    END IF;
    units := CASE WHEN m[1] ~ '^[0-9]+$' THEN m[1]::int ELSE (estimate_number_words() ->> m[1])::int END;
    place := m[2];
    IF units IS NULL OR units < 2 OR units > 40 THEN
        units := NULL;
        RETURN;
    END IF;
    -- where the exception starts (after the batch phrase)
    v_cut := position(m[1] || ' ' || m[2] IN p_plain) + length(m[1] || ' ' || m[2]);
    -- (est37, m4) "para 8 apartamentos, en 4 de ellos cambiar el sifón": the job is done in those (fewer) units only
    m := regexp_match(substr(p_plain, v_cut), '^((?: [a-z]+)?? en (' || v_count || ') de (?:ellos|ellas))(?= |$)');
    IF m IS NOT NULL THEN
        of_units := units;   -- (all of them: "y en todos …" in a revision, estimate_batch_change)
        units := CASE WHEN m[2] ~ '^[0-9]+$' THEN m[2]::int ELSE (estimate_number_words() ->> m[2])::int END;
        IF units IS NULL OR units < 1 OR units > of_units THEN
            units := NULL;
            RETURN;
        END IF;
        v_cut := v_cut + length(m[1]);
    END IF;
    m := regexp_match(substr(p_plain, v_cut), '^(.*?) ((?:pero|menos|excepto|salvo|quitando|aunque|y en|en (?:el|la|uno|una|dos|tres)|uno de|una de|(?:y )?uno con|(?:y )?una con)(?: .*)?)$');
    IF m IS NULL THEN
        head := p_plain;
        tail := '';
    ELSE
        head := substr(p_plain, 1, v_cut - 1) || m[1];
        tail := btrim(m[2]);
    END IF;
END
$$;

-- The message's words without the batch's count ("el sifón de los tres baños" -> "el sifón de los baños"), so the
-- count is never read as a size or a count of the thing ("sifón 3").
-- (est37: the article is optional here; estimate_batch_said, read first, decides whether there is a batch at all)
CREATE OR REPLACE FUNCTION estimate_batch_unsaid(input text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(regexp_replace(input, '(\m(?:en|para)\s+)(?:[0-9]{1,2}|' || estimate_count_re(2) || ')(\s+de\s+(?:ellos|ellas)\M)',
                                         '\1cada uno\2', 'i'),
        '(\m(?:en|para|de|a)\s+(?:(?:los|las|todos\s+los|todas\s+las|cada\s+uno\s+de\s+los|cada\s+una\s+de\s+las)\s+)?)'
        || '(?:[0-9]{1,2}|' || estimate_count_re(2) || ')\s+'
        || '((?:pisos|departamentos|deptos|dptos|apartamentos|aptos|locales|ba[nñ]os|aseos|viviendas|casas|unidades|'
        || 'habitaciones|oficinas|cocinas|portales|plantas|caba[nñ]as|consultorios|d[uú]plex|chalets)\M)', '\1\2', 'i')
$$;

CREATE OR REPLACE FUNCTION estimate_batched(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_plain  text := estimate_plain(input);
    b        record;
    v_head   jsonb;
    v_tail   jsonb;
    v_multi  text[];
    v_named  text[];
    v_items  jsonb := '[]';
    v_less   jsonb := '{}';   -- code -> count to take off (negative: to add)
    v_n      numeric;
    v_rest   text;
    it       jsonb;
    v_code   text;
    v_q      numeric;
    v_base   jsonb;
    v_units  integer;   -- the units the job is done in (the batch, less those the exception takes off every line of)
BEGIN
    IF v_plain !~ '(^| )(?:en|para|de|a) ' OR jsonb_typeof(p_found -> 'items') IS DISTINCT FROM 'array' THEN
        RETURN p_found;
    END IF;
    b := estimate_batch_said(v_plain);
    IF b.units IS NULL OR estimate_batch_unsaid(input) = input THEN
        RETURN p_found;
    END IF;
    v_units := b.units;
    -- the head's lines: materials and removals the catalogue prices, without a count of their own unless "por piso" /
    -- "cada"; the words read without the batch's count
    v_head := estimate_match_read_one(estimate_batch_unsaid(b.head));
    v_base := estimate_match_read_one(estimate_batch_unsaid(input));
    SELECT coalesce(array_agg(DISTINCT x ->> 'item'), '{}') INTO v_multi
    FROM jsonb_array_elements(v_head -> 'items') x
    JOIN price_catalog c ON c.code = x ->> 'item' AND c.kind IN ('material', 'disposal')
    -- (rooms of one home share its equipment: "un calentador / una bomba para los 2 baños" is one; flats each have theirs)
    WHERE NOT (b.place IN ('banos', 'aseos', 'cocinas', 'habitaciones', 'plantas')
               AND c.code ~ '^(?:bomba|calentador|caldera|calderin|aerotermo|grupo|deposito|vaso|descalcificador|filtro|reductor|acumulador)-')
      AND (coalesce((x ->> 'quantity')::numeric, 1) = 1
       OR b.head ~ '(^| )(?:por|cada) (?:piso|departamento|depto|apartamento|local|bano|aseo|vivienda|casa|unidad|habitacion|oficina|cocina)( |$)|(^| )en cada( |$)');
    IF cardinality(v_multi) = 0 THEN
        RETURN p_found;
    END IF;
    IF b.tail <> '' THEN
        v_tail := estimate_match_read_one(regexp_replace(b.tail, '^(?:pero|y|aunque) ', ''));
        SELECT coalesce(array_agg(DISTINCT x ->> 'item'), '{}') INTO v_named
        FROM jsonb_array_elements(v_tail -> 'items') x WHERE EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = x ->> 'item');
        v_rest := regexp_replace(b.tail, '^(?:pero|y|aunque) ', '');
        -- a multiplied line the tail names by its words alone ("sin sifón": the basin trap the head priced)
        IF NOT (v_named && v_multi) THEN
            SELECT CASE WHEN count(*) > 0 THEN array_agg(c.code) ELSE v_named END INTO v_named
            FROM price_catalog c
            WHERE c.code = ANY (v_multi)
              AND EXISTS (SELECT 1 FROM unnest(string_to_array(estimate_words(regexp_replace(v_rest,
                              '^.*? (?:sin|no (?:va|lleva|lleve|hay|tiene|necesita|hace falta)|son|van|lleva|llevan) (?:(?:dos|tres|[0-9]+) )?', '')), ' ')) w
                          WHERE length(w) > 3)
              AND NOT EXISTS (SELECT 1 FROM unnest(string_to_array(estimate_words(regexp_replace(v_rest,
                              '^.*? (?:sin|no (?:va|lleva|lleve|hay|tiene|necesita|hace falta)|son|van|lleva|llevan) (?:(?:dos|tres|[0-9]+) )?', '')), ' ')) w
                              WHERE length(w) > 3 AND NOT w = ANY (estimate_item_words(c)));
        END IF;
        IF v_rest ~ '^(?:menos|excepto|salvo|quitando)(?: en)? (?:uno|una|el|la|(?:dos|tres|[0-9]+)(?: de (?:ellos|ellas))?)( |$)' THEN
            v_n := coalesce(estimate_number_word(substring(v_rest from '^(?:menos|excepto|salvo|quitando)(?: en)? (dos|tres|[0-9]+)( |$)')), 1);
            IF NOT (v_named && v_multi) THEN
                v_units := b.units - v_n;   -- the job is done in that many fewer units
            END IF;
            FOREACH v_code IN ARRAY CASE WHEN v_named && v_multi THEN ARRAY(SELECT unnest(v_named) INTERSECT SELECT unnest(v_multi)) ELSE v_multi END LOOP
                v_less := v_less || jsonb_build_object(v_code, v_n);
            END LOOP;
        ELSIF v_rest ~ '^en (?:el|la|uno|una) (?:[a-z0-9]+ ){0,3}(?:sin|no (?:va|lleva|lleve|hay|tiene|necesita|hace falta)) ' THEN
            IF NOT (v_named && v_multi) THEN
                RETURN p_found;
            END IF;
            FOREACH v_code IN ARRAY ARRAY(SELECT unnest(v_named) INTERSECT SELECT unnest(v_multi)) LOOP
                v_less := v_less || jsonb_build_object(v_code, 1);
            END LOOP;
        ELSIF v_rest ~ '^en (?:el|la|uno|una) (?:[a-z0-9]+ ){0,3}(?:son|van|lleva|llevan|hay|necesita|hacen falta|se ponen) (?:dos|tres|[0-9]+)( |$)' THEN
            v_n := estimate_number_word(substring(v_rest from ' (?:son|van|lleva|llevan|hay|necesita|hacen falta|se ponen) (dos|tres|[0-9]+)( |$)'));
            IF v_named && v_multi THEN
                FOREACH v_code IN ARRAY ARRAY(SELECT unnest(v_named) INTERSECT SELECT unnest(v_multi)) LOOP
                    v_less := v_less || jsonb_build_object(v_code, 1 - v_n);
                END LOOP;
            ELSIF cardinality(v_multi) = 1 AND cardinality(v_named) = 0 THEN
                v_less := jsonb_build_object(v_multi[1], 1 - v_n);
            ELSE
                RETURN p_found;
            END IF;
        ELSIF v_rest ~ '^en (?:uno|una|el|la) (?:[a-z0-9]+ )?(?:tambien|ademas|se pone|va|lleva|con|hay que poner)( |$)'
              AND cardinality(v_named) > 0 AND NOT (v_named && v_multi) THEN
            NULL;   -- a thing only in one of them: as said
        ELSE
            RETURN p_found;   -- an exception this reading does not know: as before, never guessed
        END IF;
    END IF;
    FOR it IN SELECT x FROM jsonb_array_elements(v_base -> 'items') x LOOP
        v_code := it ->> 'item';
        -- (est37, m4) a job rule's hours are the job's in each flat, home or premises (not in each room of one home:
        -- "los 3 baños" are one visit): that many times; hours the plumber said are his own total and stay as said
        IF v_code IS NULL AND jsonb_typeof(it -> 'labour_hours') = 'number' AND v_units > 1
           AND b.place NOT IN ('banos', 'aseos', 'cocinas', 'habitaciones', 'plantas') THEN
            it := jsonb_set(it, '{labour_hours}', to_jsonb((it ->> 'labour_hours')::numeric * v_units));
        END IF;
        IF v_code = ANY (v_multi) AND jsonb_typeof(it -> 'quantity') = 'number' THEN
            v_q := (it ->> 'quantity')::numeric * b.units - coalesce((v_less ->> v_code)::numeric, 0);
            IF v_q <= 0 THEN
                RETURN p_found;
            END IF;
            it := jsonb_set(it, '{quantity}', to_jsonb(v_q)) || jsonb_build_object('batch', b.units);
            IF b.of_units IS NOT NULL THEN
                it := it || jsonb_build_object('batch_of', b.of_units);
            END IF;
        END IF;
        v_items := v_items || jsonb_build_array(it);
    END LOOP;
    RETURN jsonb_set(v_base, '{items}', v_items) || jsonb_build_object('batch', b.units);
END
$$;

-- "Calefón" (est37, m7; the lead's decision): the word alone is two families — the electric storage heater in Uruguay
-- and Argentina's usage of some, the gas instantaneous one in Chile and most of Argentina. Settled by the words, in
-- this order: a word of gas or of its flue ("a gas", "estanco", "tiro forzado", "a tiro", "de paso") is the gas
-- heater; "eléctrico" the electric one; else the number: a storage size (30 litres and up) is the electric storage
-- heater, a flow (5 to 20 "litros") the gas instantaneous one. With neither, "calentador": the chat asks which (a
-- line a cotizar with the heaters as choices); never a guess. Only the word "calefón"/"calefont" is rewritten.
CREATE OR REPLACE FUNCTION estimate_calefon_said(input text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_plain text;
    v_l     numeric;
    m       text[];
    v_as    text;
BEGIN
    IF input IS NULL OR input !~* 'calef[oó]nt?' THEN
        RETURN input;
    END IF;
    v_plain := ' ' || estimate_plain(input) || ' ';
    m := regexp_match(v_plain, ' ([0-9]+(?:[.][0-9]+)?|[a-z]+) (?:litros?|lts?|ltrs?|l)(?: (?:por|x|/) minuto| min)? ');
    IF m IS NOT NULL THEN
        v_l := CASE WHEN m[1] ~ '^[0-9]' THEN m[1]::numeric ELSE (estimate_number_words() ->> m[1])::numeric END;
    END IF;
    v_as := CASE
        WHEN v_plain ~ ' (?:a gas|de gas) ' THEN 'calentador'   -- (the gas word said is read with it)
        WHEN v_plain ~ ' (?:gas natural|gas licuado|butano|propano|estanco|tiro forzado|tiro natural|a tiro|de tiro|atmosferico|de paso|ionizado) ' THEN 'calentador de gas'
        WHEN v_plain ~ ' electric[oa]s? ' THEN 'termo'
        WHEN v_l >= 30 THEN 'termo electrico'
        WHEN v_l BETWEEN 5 AND 20 THEN 'calentador de gas'
        ELSE 'calentador' END;
    RETURN regexp_replace(input, '(?:calef[oó]nt?e?s?)', v_as, 'gi');
END
$$;

CREATE OR REPLACE FUNCTION estimate_match_read_one(input text) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_input  text := estimate_calefon_said(estimate_each_said(estimate_route_out(left(coalesce(input, ''), 4000))));
    v_first  jsonb := estimate_match_words(v_input);
    v_words  text;
    v_second jsonb;
    v_found  jsonb;   -- the reading the guards are applied to (estimate_guarded)
BEGIN
    v_words := estimate_with_synonyms(v_input);
    IF v_words = kb_normalize(v_input) THEN
        v_found := v_first;   -- (no synonym changes the words: one reading)
    ELSE
        v_second := estimate_match_words(v_words);
        -- (also when the words as written are only a job a cotizar and the synonyms' words ask back which kind:
        -- "cambiar el boiler" = "cambiar el calentador", asked by kind rather than left unread; not for "cambiar X
        -- por Y", where the question would be about the old X)
        IF estimate_match_covered(v_second) > estimate_match_covered(v_first)
           -- nothing settled either way, but more things read ("dos coflex de lavabo" = two flexibles, of the basin,
           -- not the basin)
           OR estimate_match_covered(v_first) = 0 AND estimate_match_covered(v_second) = 0
              AND (v_first ->> 'found')::int > 0 AND (v_second ->> 'found')::int > (v_first ->> 'found')::int
           -- the words as written read no material at all, only hours or a call-out, and the synonyms' words read a
           -- thing more ("una terma eléctrica de 110 litros, 3 horas": the heater a cotizar besides the hours)
           OR estimate_match_covered(v_first) = estimate_match_covered(v_second)
              AND (v_first ->> 'found')::int > 0 AND (v_second ->> 'found')::int > (v_first ->> 'found')::int
              AND (v_first ->> 'job_text') IS NULL
              AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(v_first -> 'mentions', '[]')) m
                              WHERE m ->> 'code' IS DISTINCT FROM (SELECT st.labour_code FROM estimate_settings st WHERE st.id))
           OR (v_first ->> 'job_text') IS NOT NULL AND (v_second ->> 'job_text') IS NULL
              AND kb_normalize(v_first ->> 'job_text') !~ '(^| )por( |$)'
              AND coalesce((v_second ->> 'ask_back')::int, 0) > 0 AND (v_first ->> 'priced')::int <= 1 THEN
            v_found := v_second || jsonb_build_object('synonyms', v_words);
        ELSE
            v_found := v_first;
        END IF;
    END IF;
    RETURN estimate_guarded(v_input, v_found);   -- (the one return: every reading gets the same guards)
END
$$;

-- (est39, k5) A part counted per fixture or point, and how many of those there are: "2 codos de cobre de media por
-- cada salida, son 4 salidas" = 8 elbows; "los flexibles de los seis lavamanos, dos por lavamanos" = 12 hoses.
-- Before, the part was priced once per message (2 elbows, 1 hose). The part is the one priced line of that count
-- (or, with no count before "por", the one material read once), the total its count times the fixtures said; the
-- words settle both numbers or nothing changes. Not on a batch of flats (estimate_batched reads those).
CREATE OR REPLACE FUNCTION estimate_per_unit(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v      text := estimate_plain(input);
    v_num  text := '(?:[0-9]{1,2}|' || estimate_count_re(2) || ')';
    v_fix  text := '(lavamanos|lavabo|lavatorio|inodoro|salida|punto|toma|radiador|ducha|fregadero|grifo|bide|aparato)';
    m      text[];
    v_each numeric;
    v_many numeric;
    v_rest text;
    v_pos  integer;
    v_n    integer;
BEGIN
    IF p_found ? 'batch' OR jsonb_typeof(p_found -> 'items') IS DISTINCT FROM 'array' THEN
        RETURN p_found;
    END IF;
    m := regexp_match(v, '(?:^| )(?<!de )(' || v_num || ')() por (?:cada )?' || v_fix || '(?= |$)');   -- "dos por lavamanos"
    IF m IS NULL THEN
        m := regexp_match(v, '(?:^| )(' || v_num || ')( [a-z][a-z0-9/ ]*?) por (?:cada )?' || v_fix || '(?= |$)');
    END IF;
    IF m IS NULL OR EXISTS (SELECT 1 FROM unnest(string_to_array(btrim(regexp_replace(m[2], ' de [0-9/]+', ' ', 'g')), ' ')) w
                            WHERE w ~ ('^' || v_num || '$')) THEN   -- (a size "de 16" is no count)
        RETURN p_found;   -- (another count between the number and "por": whose count it is is not settled)
    END IF;
    m[2] := nullif(m[2], '');
    v_each := estimate_number_word(m[1]);
    v_rest := replace(v, m[1] || coalesce(m[2], '') || ' por ', ' ');
    v_many := estimate_number_word((regexp_match(v_rest, '(?:^| )(' || v_num || ') ' || m[3] || '(?:s|es)?(?= |$)'))[1]);
    IF v_each IS NULL OR v_many IS NULL OR v_many < 2 OR v_many > 100 THEN
        RETURN p_found;
    END IF;
    -- the part: the one priced line read with that count, else (no count of its own said) the one material read once
    SELECT count(*), min(n) INTO v_n, v_pos FROM jsonb_array_elements(p_found -> 'items') WITH ORDINALITY t(x, n)
     JOIN price_catalog c ON c.code = x ->> 'item' AND c.kind = 'material'
     WHERE coalesce((x ->> 'quantity')::numeric, 1) = CASE WHEN m[2] IS NULL THEN 1 ELSE v_each END;
    IF v_n <> 1 THEN
        RETURN p_found;
    END IF;
    -- (the outlets said as "salidas" are no call-outs: "salida" is also the call-out's word; one call-out)
    RETURN jsonb_set(p_found, '{items}', (
        SELECT jsonb_agg(CASE WHEN n = v_pos THEN x || jsonb_build_object('quantity', v_each * v_many)
                              WHEN m[3] = 'salida' AND x ->> 'item' = 'desplazamiento' THEN x || '{"quantity": 1}'
                              ELSE x END ORDER BY n)
        FROM jsonb_array_elements(p_found -> 'items') WITH ORDINALITY t(x, n)));
END
$$;

-- (est39, k4) A part the words give as the customer's own is not priced: "instalar la grifería de cocina que ya
-- tiene el cliente con el sifón…" prices the trap, not a kitchen mixer; "montar el termo que compró la clienta".
-- The items read from the words of that part (its mention's words all among them) leave the reading; nothing else
-- changes. Before, the customer's part was priced as if the plumber supplied it.
CREATE OR REPLACE FUNCTION estimate_customer_own(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v       text := estimate_plain(input);
    v_thing text;
    v_words text[];
    v_gone  text[];
BEGIN
    IF jsonb_typeof(p_found -> 'items') IS DISTINCT FROM 'array' OR jsonb_typeof(p_found -> 'mentions') IS DISTINCT FROM 'array' THEN
        RETURN p_found;
    END IF;
    v_thing := substring(v FROM '(?:^| )(?:el|la|los|las|un|una|su|sus) ([a-z0-9 /]+?) (?:que )?(?:ya )?(?:(?:lo|la|los|las) )?'
                                || '(?:tiene|tienen|compro|ha comprado|han comprado|compraron|trae|traen|trajo|aporta|puso|consiguio|'
                                || 'dejo|proporciona) (?:ya )?(?:el|la|los|las|su|mi) ?(?:cliente|clienta|clientes|dueno|duena|senora|'
                                || 'senor|propietario|propietaria|inquilino|inquilina)(?= |$)');
    IF v_thing IS NULL THEN
        RETURN p_found;
    END IF;
    v_words := string_to_array(estimate_words(v_thing), ' ');
    SELECT array_agg(DISTINCT x ->> 'code') INTO v_gone FROM jsonb_array_elements(p_found -> 'mentions') x
     WHERE x ->> 'code' IS NOT NULL AND string_to_array(x ->> 'words', ' ') <@ v_words;
    IF v_gone IS NULL THEN
        RETURN p_found;
    END IF;
    RETURN jsonb_set(p_found, '{items}', coalesce((SELECT jsonb_agg(x ORDER BY n) FROM jsonb_array_elements(p_found -> 'items')
                                                   WITH ORDINALITY t(x, n) WHERE NOT coalesce(x ->> 'item', '') = ANY (v_gone)), '[]'))
           || jsonb_build_object('priced', greatest(0, coalesce((p_found ->> 'priced')::int, 0) - cardinality(v_gone)));
END
$$;

-- estimate_match_read: one reading (estimate_match_read_one, above), a batch of flats or rooms on it
-- (estimate_batched, above), a part counted per fixture (estimate_per_unit, above), the customer's own part left
-- out (estimate_customer_own, above), and the call-out and hours of when the job is done (estimate_when_found).
CREATE OR REPLACE FUNCTION estimate_match_read(input text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT estimate_when_found(input, estimate_customer_own(input,
               estimate_per_unit(input, estimate_batched(input, estimate_match_read_one(input)))))
$$;


-- How a line a cotizar is shown: the reading compares folded words ("llaves" and "yaves" are both "yabe",
-- "lavadero" is "labadero", "válvula" is "balbula"), and an item the catalogue cannot price keeps the words it was
-- read from. Each item whose text has such a folded word gets "shown": its text with every folded word written as
-- the message's own word that folds to it (accents kept: "2 llaves esféricas"). "item" itself is untouched, so
-- everything that reads the item again reads it as before; estimate_fill (schema.sql) uses "shown" only as the
-- description of a line a cotizar. A word the message does not have (a synonym's word, a size) stays as read;
-- catalogue codes and labour hours get no "shown".
CREATE OR REPLACE FUNCTION estimate_items_as_said(input text, p_found jsonb) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    WITH said AS (   -- the message's own words, lower case with accents, and the folded form each reads as
        SELECT DISTINCT ON (folded) folded, token
        FROM (SELECT t.token, estimate_word(kb_normalize(t.token)) AS folded, t.n
              FROM regexp_split_to_table(lower(coalesce(input, '')), '[^[:alpha:]0-9/]+') WITH ORDINALITY AS t(token, n)
              WHERE t.token ~ '[[:alpha:]]') w
        ORDER BY folded, n
    ), shown AS (
        SELECT x.i, x.it, (
                   SELECT string_agg(coalesce(CASE WHEN w ~ '[a-z]' THEN (SELECT s.token FROM said s WHERE s.folded = w) END, w),
                                     ' ' ORDER BY n)
                   FROM regexp_split_to_table(x.it ->> 'item', ' ') WITH ORDINALITY AS t(w, n)) AS text
        FROM jsonb_array_elements(p_found -> 'items') WITH ORDINALITY AS x(it, i)
    )
    SELECT CASE WHEN jsonb_typeof(p_found -> 'items') IS DISTINCT FROM 'array' THEN p_found
    ELSE jsonb_set(p_found, '{items}', coalesce((
        SELECT jsonb_agg(CASE
                   WHEN jsonb_typeof(it -> 'item') IS DISTINCT FROM 'string' OR it ? 'labour_hours'
                        OR EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = it ->> 'item')
                        OR text IS NULL OR text = it ->> 'item' THEN it
                   ELSE it || jsonb_build_object('shown', left(text, 200)) END ORDER BY i)
        FROM shown), '[]'::jsonb))
    END
$$;

-- estimate_match(words): what the words name (estimate_match_read, above), each line a cotizar also shown in the
-- plumber's own words (estimate_items_as_said).
CREATE OR REPLACE FUNCTION estimate_match(input text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT estimate_items_as_said(input, estimate_match_read(input))
$$;

-- estimate_merge(words, model_items [, matched]): estimate_match() plus what only the AI model can add.
-- matched: estimate_match(words) when the caller already has it (the workflow reads the words first).
-- From the model's items (the shape estimate_create takes; anything else in them is ignored):
--   - an item that IS in the catalogue is dropped: catalogue items come from the plumber's words only, so the
--     model can never put a price on something the plumber did not name;
--   - an item that is NOT in the catalogue becomes a line "a cotizar" (no price) if one of its words is in
--     the message outside what was already read ("mampara", "inodoro"), else it is dropped (invented);
--     only when estimate_settings.model_items is on (off by default: see the measure above);
--   - {"labour_hours": n} is used only when neither the words nor a job rule gave labour, and only up to
--     estimate_settings.model_labour_max hours.
-- Returns estimate_match()'s object with "items" merged and "from_model": the lines the model added.
-- ---------------------------------------------------------------------------------------------------------


CREATE OR REPLACE FUNCTION estimate_merge(input text, model_items jsonb, matched jsonb DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s        estimate_settings;
    v_match  jsonb := coalesce(matched, estimate_match(input));   -- estimate_match(input) when already made
    v_items  jsonb := v_match -> 'items';
    v_added  jsonb := '[]';
    v_left   text[];
    v_elem   jsonb;
    v_name   text;
    v_qty    numeric;
    v_words  text[];
    v_hours  numeric;
BEGIN
    SELECT * INTO s FROM estimate_settings WHERE id;
    -- The message's words that no catalogue phrase took: where a non-catalogue item must come from.
    v_left := string_to_array(estimate_words(input), ' ');
    SELECT coalesce(array_agg(w), '{}') INTO v_left
    FROM unnest(v_left) w
    WHERE length(w) > 3 AND NOT estimate_is_number(w)
      AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v_match -> 'mentions') m
                      WHERE w = ANY (string_to_array(m ->> 'words', ' ')))
      AND w <> ALL (estimate_word_list(s.job_words));

    FOR v_elem IN   -- a bare name ("tubería de cobre") is one of it
        SELECT CASE WHEN jsonb_typeof(e) = 'string' THEN jsonb_build_object('item', e, 'quantity', 1) ELSE e END
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(model_items) = 'array' THEN model_items ELSE '[]' END) e
        WHERE jsonb_typeof(e) IN ('object', 'string')
        LIMIT 50
    LOOP
        IF v_elem ? 'labour_hours' AND NOT v_elem ? 'item' THEN
            IF jsonb_typeof(v_elem -> 'labour_hours') = 'number' AND NOT (v_match ->> 'labour')::boolean THEN
                v_hours := (v_elem ->> 'labour_hours')::numeric;
                IF v_hours > 0 AND v_hours <= s.model_labour_max THEN
                    v_items := v_items || jsonb_build_object('labour_hours', round(v_hours, 2));
                    v_added := v_added || jsonb_build_object('labour_hours', round(v_hours, 2));
                    v_match := jsonb_set(v_match, '{labour}', 'true');
                END IF;
            END IF;
            CONTINUE;
        END IF;
        CONTINUE WHEN NOT s.model_items OR jsonb_typeof(v_elem -> 'item') IS DISTINCT FROM 'string';
        v_name := btrim(left(v_elem ->> 'item', 120));
        CONTINUE WHEN v_name = '' OR NOT estimate_plain_text(v_name);
        -- In the catalogue (by code, name or alias, even ambiguous): never from the model.
        CONTINUE WHEN EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = lower(v_name))
                   OR EXISTS (SELECT 1 FROM estimate_phrases() p WHERE p.phrase = estimate_words(v_name));
        v_words := string_to_array(estimate_words(v_name), ' ');
        CONTINUE WHEN NOT v_words && v_left;
        -- The same thing twice ("mampara de ducha", then "mampara") is one line.
        CONTINUE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(v_items) e
                              WHERE string_to_array(estimate_words(e ->> 'item'), ' ') @> v_words);
        v_qty := CASE WHEN jsonb_typeof(v_elem -> 'quantity') = 'number'
                           AND (v_elem ->> 'quantity')::numeric > 0 AND (v_elem ->> 'quantity')::numeric <= 1000
                      THEN round((v_elem ->> 'quantity')::numeric, 3) ELSE 1 END;
        v_items := v_items || jsonb_build_object('item', v_name, 'quantity', v_qty);
        v_added := v_added || jsonb_build_object('item', v_name, 'quantity', v_qty);
    END LOOP;

    RETURN estimate_found_with(v_match, v_items, jsonb_build_object('from_model', v_added));
END
$$;

-- What a job rule's content was when seeded (numbers in the columns' own types, so 2.5 = 2.50).
CREATE OR REPLACE FUNCTION estimate_job_md5(
    p_name text, p_items text, p_labour_hours numeric, p_labour_per_unit numeric, p_extras text, p_words text
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT md5(concat_ws(chr(31), p_name, p_items, p_labour_hours::numeric(6,2)::text,
                         p_labour_per_unit::numeric(6,3)::text, p_extras, p_words))
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Attributes (esattr, stop 26): the place a thing is for (cocina / baño / lavadero / jardín…), its use (gas /
-- agua) and its material, said by the plumber for the item, are never contradicted by the row priced for it.
-- estimate_settings.attribute_words: groups separated by ";", the values of a group by "/", the words of one value
-- by "," (the format of kind_words), compared folded (estimate_words). The material group of kind_words is read as
-- a group of attributes too, so there is one list of materials. Staff-editable; '' switches the rule off.
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS attribute_words text NOT NULL DEFAULT
    'cocina, fregadero, lavaplatos, lavatrastos, tarja, pileta de cocina / lavabo, lavamanos, lavatorio, bacha / '
    'ducha, plato de ducha / banera, tina / inodoro, wc, vater, water, excusado, poceta, retrete, sanitario / '
    'bide, bidet / lavadero, pila, batea / jardin, exterior, patio, terraza, riego / lavadora, lavarropas / '
    'lavavajillas / calefaccion, radiador; '
    'gas, butano, propano / agua';

-- The attribute values ("g:v") said in folded words, for the groups of estimate_kind_phrases' format, with the
-- phrases folded once by the caller (kinds[i] is said by phrases[i]).
CREATE OR REPLACE FUNCTION estimate_attributes_in(p_words text, p_kinds text[], p_phrases text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT u.k ORDER BY u.k), '{}')
    FROM unnest(p_kinds, p_phrases) AS u(k, p)
    WHERE u.p <> '' AND position(' ' || u.p || ' ' IN ' ' || coalesce(p_words, '') || ' ') > 0
$$;

-- The attribute guard (run last in estimate_match). For each priced material line, the attributes said of its item:
--   - in its own words and the words right after them (to a separator, "con", an article or a count, another
--     thing read or a job word): "la llave de chorro del lavamanos", "el sifón de la cocina", "2 codos de 1/2 de
--     cobre";
--   - else, group by group, the attributes of the thing it comes with, "X con su(s) Y" (Y is X's: "un inodoro
--     de tanque con su llave de chorro" is the toilet's stop tap, not the garden tap).
-- A row whose code or name says a value of that group (its description: "Grifo de jardín / exterior", "Flexible de
-- gas", "Codo de cobre") but not every value said of it (its name, code or aliases) is not what was asked: the line is
-- a cotizar in the plumber's words, asking among the rows of the same thing (estimate_row_things, the shared
-- synonyms included through the words read) that have a value said, when there are any. A row that says no value
-- of the group (a generic "Llave de escuadra") is left alone: nothing contradicts it.
CREATE OR REPLACE FUNCTION estimate_attribute_guard(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s        estimate_settings;
    v_items  jsonb := coalesce(p_found -> 'items', '[]');
    v_groups text;
    v_kinds  text[];
    v_phr    text[];
    v_text   text;
    v_p      text[];     -- the plain words (separators kept as "y")
    v_f      text[];     -- each folded as the catalogue is read
    v_m      jsonb;
    v_row    price_catalog;
    v_start  integer;
    v_end    integer;
    v_after  text;
    v_owner  text;
    v_said   text[];
    v_own    text[];
    v_rowa   text[];     -- the row's values: code and name
    v_rowall text[];     -- and its aliases
    v_bad    text[];     -- the groups in conflict
    v_codes  text[];
    v_idx    integer;
    v_item   jsonb;
    v_k      integer;
    v_aend   integer;
    v_starts integer[] := '{}';
    v_jobl   text[];
    v_done   boolean := false;
    v_stop   CONSTANT text[] := ARRAY['y', 'e', 'o', 'u', 'ni', 'con', 'mas', 'tambien', 'ademas', 'como', 'no', 'que',
                                      'sin', 'por'];
BEGIN
    IF jsonb_array_length(v_items) = 0 OR p_found -> 'mentions' IS NULL THEN
        RETURN p_found;
    END IF;
    SELECT * INTO s FROM estimate_settings WHERE id;
    IF btrim(coalesce(s.attribute_words, '')) = '' THEN
        RETURN p_found;
    END IF;
    -- the groups: staff's attribute_words and the material group of kind_words (the one that names copper)
    v_groups := s.attribute_words || coalesce(';' || (SELECT g FROM regexp_split_to_table(coalesce(s.kind_words, ''), ';') g
                                                      WHERE g ~ '(^|[ ,/])cobre([ ,/]|$)' LIMIT 1), '');
    SELECT array_agg(f.kind ORDER BY f.kind, f.phrase), array_agg(f.phrase ORDER BY f.kind, f.phrase)
      INTO v_kinds, v_phr FROM estimate_kind_phrases(v_groups) f WHERE f.phrase <> '';
    v_text := coalesce(p_found ->> 'synonyms', input);
    SELECT r.plain, r.folded INTO v_p, v_f FROM estimate_guard_words(v_text) r;
    -- (cheap: no attribute said anywhere, nothing to compare)
    IF cardinality(estimate_attributes_in(array_to_string(v_f, ' '), v_kinds, v_phr)) = 0 THEN
        RETURN p_found;
    END IF;
    v_jobl := estimate_word_list(s.job_words) || estimate_word_list(s.place_verbs);
    -- where every thing read begins (the words after an item end there)
    FOR v_m IN SELECT m FROM jsonb_array_elements(p_found -> 'mentions') m WHERE coalesce(m ->> 'words', '') <> '' LOOP
        v_starts := v_starts || estimate_guard_starts(v_f, v_m ->> 'words');
    END LOOP;
    FOR v_m IN SELECT m FROM jsonb_array_elements(p_found -> 'mentions') m
               WHERE m ->> 'code' IS NOT NULL AND coalesce(m ->> 'words', '') <> '' LOOP
        SELECT * INTO v_row FROM price_catalog c WHERE c.code = v_m ->> 'code';
        CONTINUE WHEN v_row.code IS NULL OR v_row.kind <> 'material';
        SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
         WHERE el ->> 'item' = v_row.code ORDER BY i LIMIT 1;
        CONTINUE WHEN v_idx IS NULL;
        v_rowa := estimate_attributes_in(estimate_words(estimate_code_words(v_row.code) || ' ' || v_row.name), v_kinds, v_phr);
        CONTINUE WHEN cardinality(v_rowa) = 0;   -- the row says no attribute: nothing to contradict
        -- where its words are in the message
        v_start := (estimate_guard_starts(v_f, v_m ->> 'words'))[1];
        CONTINUE WHEN v_start IS NULL;
        v_end := estimate_guard_end(v_f, v_start, v_m ->> 'words');
        -- the words right after it
        v_after := '';
        v_k := v_end + 1;
        WHILE v_k <= cardinality(v_p) AND v_k <= v_end + 8 LOOP
            EXIT WHEN v_p[v_k] = ANY (v_stop) OR v_k = ANY (v_starts) OR estimate_verb_forms(v_f[v_k]) && v_jobl
                   -- (an article or a count that begins another thing: "… de media una manguera", "… 1/2 2 codos")
                   OR v_p[v_k] IN ('un', 'una', 'unos', 'unas')
                   OR v_f[v_k] ~ '^[0-9]' AND v_k > v_end + 1 AND v_p[v_k - 1] NOT IN ('de', 'del', 'a', 'x', 'por')
                      AND coalesce(v_f[v_k + 1], '') NOT IN ('', 'mm', 'cm', 'l', 'pulgada', 'kw', 'w', 'bar')
                   -- (est33) a count and a thing begin the next item, whatever came before ("… de quince tres codos …")
                   OR v_f[v_k] ~ '^[0-9]+$' AND v_p[v_k] NOT IN ('x', 'por')
                      AND estimate_guard_next_thing(v_f, v_k, v_starts);
            v_after := v_after || ' ' || v_f[v_k];
            v_k := v_k + 1;
        END LOOP;
        v_aend := v_k - 1;
        -- (its own words say attributes too: "grifo de jardín" is the garden tap wherever it goes)
        v_said := estimate_attributes_in((v_m ->> 'words') || ' ' || v_after, v_kinds, v_phr);
        -- the thing it comes with: "X … con su(s) [N] Y"
        v_k := v_start - 1;
        WHILE v_k > 1 AND (v_f[v_k] ~ '^[0-9]' OR v_p[v_k] IN ('un', 'una', 'unos', 'unas', 'el', 'la', 'los', 'las')) LOOP
            v_k := v_k - 1;
        END LOOP;
        IF v_k > 2 AND v_p[v_k] IN ('su', 'sus') AND v_p[v_k - 1] = 'con' THEN
            v_owner := '';
            v_k := v_k - 2;
            WHILE v_k >= 1 AND v_k >= v_start - 12 LOOP
                EXIT WHEN v_p[v_k] = ANY (v_stop) OR estimate_verb_forms(v_f[v_k]) && v_jobl;
                v_owner := v_f[v_k] || ' ' || v_owner;
                v_k := v_k - 1;
            END LOOP;
            v_own := estimate_attributes_in(v_owner, v_kinds, v_phr);
            -- (group by group: what the item's own words say wins)
            v_said := v_said || ARRAY(SELECT o FROM unnest(v_own) o
                                       WHERE NOT EXISTS (SELECT 1 FROM unnest(v_said) a WHERE split_part(a, ':', 1) = split_part(o, ':', 1)));
        END IF;
        CONTINUE WHEN cardinality(v_said) = 0;
        v_rowall := v_rowa || estimate_attributes_in(estimate_words(replace(coalesce(v_row.aliases, ''), ',', ' , ')), v_kinds, v_phr);
        -- a group the row says a value of, with a value said of the item that the row does not have
        v_bad := ARRAY(SELECT DISTINCT split_part(a, ':', 1) FROM unnest(v_said) a
                        WHERE EXISTS (SELECT 1 FROM unnest(v_rowa) r WHERE split_part(r, ':', 1) = split_part(a, ':', 1))
                          AND NOT a = ANY (v_rowall));
        CONTINUE WHEN cardinality(v_bad) = 0;
        -- the rows of the same thing that have the values said (in every group in conflict); of those, the ones
        -- with every word of the item when some have them ("grifo termostático" of a bath: the bath's thermostatic
        -- mixer, not also its single-lever one)
        v_codes := ARRAY(
            WITH r AS (
                SELECT c.code, c.unit_price, estimate_item_words(c) @> string_to_array(v_m ->> 'words', ' ') AS names_all
                  FROM price_catalog c
                 WHERE c.active AND c.kind = 'material' AND c.code <> v_row.code
                   AND estimate_row_things(c.code, c.thing) && estimate_row_things(v_row.code, v_row.thing)
                   AND NOT EXISTS (
                       SELECT 1 FROM unnest(v_said) a
                        WHERE split_part(a, ':', 1) = ANY (v_bad)
                          AND NOT a = ANY (estimate_attributes_in(estimate_words(estimate_code_words(c.code) || ' ' || c.name || ' , '
                                                                                 || replace(coalesce(c.aliases, ''), ',', ' , ')),
                                                                 v_kinds, v_phr))))
            SELECT code FROM r WHERE names_all OR NOT EXISTS (SELECT 1 FROM r r2 WHERE r2.names_all)
             ORDER BY unit_price, code LIMIT 12);
        v_items := jsonb_set(v_items, ARRAY[v_idx::text],
            jsonb_build_object('item', left(btrim(array_to_string(v_p[v_start:v_aend], ' ')), 200),
                               'quantity', coalesce(v_item -> 'quantity', '1'))
            || CASE WHEN cardinality(v_codes) > 0 THEN jsonb_build_object('choices', to_jsonb(v_codes)) ELSE '{}' END);
        v_done := true;
    END LOOP;
    IF NOT v_done THEN
        RETURN p_found;
    END IF;
    RETURN estimate_found_with(p_found, v_items);
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- What the plumber said of an item that its row contradicts (stop 32, `estimate_said_guard`,
-- bench/estimates/READ-32.md). The last check before a price: a row is priced only when nothing said with the item
-- says another size or another kind than the row's own.
--   - Sizes: every number said with a unit in the item's words and right after them ("manguera de lavadora de 3
--     metros", "latiguillo de 35 cm", "bomba de 750 W", "grupo de 2 CV", "arqueta de 60 x 60", "llave de 1 1/2")
--     is read as a size (estimate_sizes_in) and compared with the sizes the row's own name states, unit by unit
--     (lengths in mm and cm as mm, metres apart, litres, power in W with kW, CV and HP converted, inches,
--     dimensions): a size of a unit the row's name has that none of its sizes is (5 % apart at most) is a
--     contradiction. A bare number is no size here; metres said of a row sold by the metre are its quantity.
--   - Kinds: estimate_settings.said_kind_words (the format of kind_words: groups by ";", kinds by "/", the words of
--     a kind by ","), and kind_words itself. A kind said that the row's code or name does not say is a
--     contradiction when the row says another kind of that group ("llave de compuerta" is no ball valve, "rosca
--     macho" no female elbow, "sifón sencillo" no double trap), or says none while another active row of the same
--     thing says the kind said ("racor multicapa … rosca hembra": the multicapa adaptor row is male, and "rosca
--     hembra" is what other adaptors are). The shared synonym list (kb_synonyms) adds its terms to a kind whose
--     word is their canonical ("dos manerales" = bicomando).
-- A contradicted row is not priced: the line stays a cotizar in the plumber's own words, asking among the rows of
-- the same thing that contradict nothing said (none: the other sizes or kinds of that thing, so the plumber sees
-- what the catalogue has; never priced by that). Add a kind: `UPDATE estimate_settings SET said_kind_words =
-- said_kind_words || '; roscar / soldar';`; '' switches the kinds off (sizes are always compared).
-- ---------------------------------------------------------------------------------------------------------
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS said_kind_words text NOT NULL DEFAULT
    'rosca macho, macho / rosca hembra, hembra; '
    'esfera, bola, cuarto de vuelta / compuerta, cortina / globo; '
    'monomando, monocomando / bimando, bicomando, dos manerales, dos llaves, dos manillas, dos manijas; '
    'sencillo, simple, un seno, una cubeta / doble, dos senos, dos cubetas; '
    'porcelana, ceramica, loza / plastico; '
    'acero inoxidable, inox / granito, resina, sintetico; '
    'agua limpia, aguas limpias, limpia, limpias / agua sucia, aguas sucias, sucia, sucias, fecales, residuales; '
    'sanitario, inodoro, wc, vater / comida, basura, desperdicios';

-- (est33) THE reader of sizes: the sizes folded words say, each number with its unit, in the order said. Used by the
-- first turn's guard (estimate_said_guard, through estimate_sizes_in / estimate_row_sizes / estimate_sizes_contradict)
-- and by revisions (a size said alone for the line it fits, revise.sql estimate_change_size_alone).
--   unit, value: 'mm' (mm, cm as mm), 'm' (metres), 'l' (litres, l/min), 'w' (W, kW, CV, HP as W), 'in' (pulgadas and
--   fractions said alone: "1/2", "1 1/2"), 'gal', 'bar', 'dim' (two numbers by "x"/"por": value is the larger times
--   10000 plus the smaller). A bare whole number is not read.
--   number: the number as said ("80", "1 1/2", "3/4", "60 x 60"); unit_word: the word read as its unit ('cm', 'l',
--   'kw', 'pulgada'; NULL for a fraction alone or a dimension); at: the position of its first word (1-based).
CREATE OR REPLACE FUNCTION estimate_sizes_said(p_folded text)
RETURNS TABLE (unit text, value numeric, number text, unit_word text, at integer)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    t   text[] := array_remove(string_to_array(coalesce(p_folded, ''), ' '), '');
    n   integer := cardinality(t);
    i   integer := 1;
    v   numeric;
    v2  numeric;
    frac boolean;
    u   text;
BEGIN
    WHILE i <= n LOOP
        v := NULL;
        frac := false;
        at := i;
        number := t[i];
        IF t[i] ~ '^[0-9]+$' AND i < n AND t[i + 1] ~ '^[0-9]+/[0-9]+$' THEN
            v := t[i]::numeric + split_part(t[i + 1], '/', 1)::numeric / nullif(split_part(t[i + 1], '/', 2)::numeric, 0);
            frac := true;
            number := t[i] || ' ' || t[i + 1];
            i := i + 1;
        ELSIF t[i] ~ '^[0-9]+/[0-9]+$' THEN
            v := split_part(t[i], '/', 1)::numeric / nullif(split_part(t[i], '/', 2)::numeric, 0);
            frac := true;
        ELSIF t[i] ~ '^[0-9]+([.][0-9]+)?$' THEN
            v := t[i]::numeric;
        END IF;
        IF v IS NOT NULL THEN
            u := CASE WHEN i < n THEN t[i + 1] END;
            IF NOT frac AND u IN ('x', 'por') AND i + 1 < n AND t[i + 2] ~ '^[0-9]+([.][0-9]+)?$' THEN
                v2 := t[i + 2]::numeric;
                unit := 'dim';
                value := greatest(v, v2) * 10000 + least(v, v2);
                number := t[i] || ' ' || u || ' ' || t[i + 2];
                unit_word := NULL;
                RETURN NEXT;
                i := i + 3;
                CONTINUE;
            END IF;
            unit := CASE WHEN u IN ('mm', 'milimetro') THEN 'mm' WHEN u IN ('cm', 'centimetro') THEN 'mm'
                         WHEN u IN ('m', 'metro', 'mt', 'mts', 'mtr', 'mtrs') THEN 'm'
                         WHEN u IN ('l', 'litro', 'lt', 'lts', 'ltr', 'ltrs') THEN 'l'
                         WHEN u IN ('w', 'watt', 'watts', 'batio', 'batios', 'vatio') THEN 'w'
                         WHEN u IN ('kw', 'kilobatio', 'kilowatt') THEN 'w'
                         WHEN u IN ('cb', 'cv', 'hp', 'caballo', 'caballos') THEN 'w'
                         WHEN u IN ('pulgada', 'pulg', 'in') THEN 'in'
                         WHEN u IN ('galon', 'gal') THEN 'gal'
                         WHEN u = 'bar' THEN 'bar'
                         WHEN frac THEN 'in' END;
            value := v * CASE WHEN u IN ('cm', 'centimetro') THEN 10 WHEN u IN ('kw', 'kilobatio', 'kilowatt') THEN 1000
                              WHEN u IN ('cb', 'cv', 'hp', 'caballo', 'caballos') THEN 740 ELSE 1 END;
            unit_word := CASE WHEN u IS NOT NULL AND unit IS NOT NULL AND (unit <> 'in' OR u IN ('pulgada', 'pulg', 'in')) THEN u END;
            IF unit IS NOT NULL THEN
                RETURN NEXT;
                IF u IS NOT NULL AND unit <> 'in' OR u IN ('pulgada', 'pulg', 'in') THEN
                    i := i + 1;
                END IF;
            END IF;
        END IF;
        i := i + 1;
    END LOOP;
END
$$;

-- The sizes folded words say as (unit, value): estimate_sizes_said without the words.
CREATE OR REPLACE FUNCTION estimate_sizes_in(p_folded text) RETURNS TABLE (unit text, value numeric)
LANGUAGE sql IMMUTABLE AS $$
    SELECT s.unit, s.value FROM estimate_sizes_said(p_folded) s ORDER BY s.at
$$;

-- The sizes a catalogue row's name states (estimate_sizes_in; an inch mark after a number is "pulgada": 'Llave de
-- paso de esfera 1"' is 1 in).
CREATE OR REPLACE FUNCTION estimate_row_sizes(p_name text) RETURNS TABLE (unit text, value numeric)
LANGUAGE sql STABLE AS $$
    SELECT s.unit, s.value
    FROM estimate_sizes_in(estimate_words(regexp_replace(coalesce(p_name, ''), '([0-9])\s*("|”|'''')', '\1 pulgada ', 'g'))) s
$$;

-- Whether sizes said contradict a row's sizes: a unit the row states, and a size of it none of the row's is (5 %).
-- p_metres_qty: the row is sold by the metre (metres said are its quantity).
CREATE OR REPLACE FUNCTION estimate_sizes_contradict(p_said text, p_name text, p_metres_qty boolean) RETURNS boolean
LANGUAGE sql STABLE AS $$
    WITH said AS (SELECT * FROM estimate_sizes_in(p_said) s WHERE NOT (p_metres_qty AND s.unit = 'm')),
         own AS (SELECT * FROM estimate_row_sizes(p_name))
    SELECT EXISTS (
        SELECT 1 FROM said s
         WHERE EXISTS (SELECT 1 FROM own o WHERE o.unit = s.unit)
           AND NOT EXISTS (SELECT 1 FROM own o WHERE o.unit = s.unit
                             AND abs(o.value - s.value) <= 0.05 * greatest(abs(o.value), abs(s.value))))
$$;

-- The kind groups the guard reads: said_kind_words (first; '-' when staff emptied it), kind_words and attribute_words,
-- each kind with the shared synonym list's terms whose canonical is one of its words. (Each canonical is folded once,
-- not once for every kind: folding ~350 canonicals for each of ~100 kinds took 3-5 s a call, the cost of every
-- synonym written; stop 34, bench/SPEED-34.md. Same text as before.)
CREATE OR REPLACE FUNCTION estimate_said_kind_groups() RETURNS text
LANGUAGE sql STABLE AS $$
    WITH sy AS MATERIALIZED (
        SELECT s.term, estimate_words(s.canonical) AS folded FROM kb_synonyms s
         WHERE s.active AND s.term !~ '[;/,]')
    SELECT string_agg(g2, '; ' ORDER BY gn) FROM (
        SELECT g.n AS gn, string_agg(k.kind || coalesce((
                   SELECT ', ' || string_agg(DISTINCT sy.term, ', ') FROM sy
                    WHERE sy.folded = ANY (kw.folded)), ''), ' / ' ORDER BY k.n) AS g2
        FROM estimate_settings s,
             regexp_split_to_table(coalesce(nullif(btrim(s.said_kind_words), ''), '-') || coalesce('; ' || nullif(btrim(s.kind_words), ''), '')
                                   || coalesce('; ' || nullif(btrim(s.attribute_words), ''), ''), ';')
                 WITH ORDINALITY AS g(grp, n),
             regexp_split_to_table(g.grp, '/') WITH ORDINALITY AS k(kind, n),
             LATERAL (SELECT array_agg(estimate_words(w)) AS folded FROM regexp_split_to_table(k.kind, ',') w
                       WHERE btrim(w) <> '') kw
        WHERE s.id AND btrim(k.kind) <> ''
        GROUP BY g.n) x
$$;

-- The guard's kinds folded once (folding the phrases and the synonyms' canonicals is the cost: seconds a call):
-- estimate_said_kind_cache holds the phrases of estimate_said_kind_groups() for its inputs (key: the three word
-- lists and the active synonyms, estimate_said_kind_key), estimate_said_row_cache each row's kinds for that key.
-- Kept by estimate_said_cache_refresh (triggers on estimate_settings, kb_synonyms and price_catalog, and every
-- start); a key or a row the caches do not hold is computed on the spot, never read stale.
CREATE TABLE IF NOT EXISTS estimate_said_kind_cache (
    key     text PRIMARY KEY,
    kinds   text[] NOT NULL,
    phrases text[] NOT NULL
);
CREATE TABLE IF NOT EXISTS estimate_said_row_cache (
    code  text PRIMARY KEY,
    name  text NOT NULL,
    key   text NOT NULL,
    kinds text[] NOT NULL
);
-- (and the kinds its aliases add: "paja de la pila" is the kitchen tap's own alias, so "pila" said of it is no
-- other use)
ALTER TABLE estimate_said_row_cache ADD COLUMN IF NOT EXISTS aliases text NOT NULL DEFAULT '';
ALTER TABLE estimate_said_row_cache ADD COLUMN IF NOT EXISTS alias_kinds text[] NOT NULL DEFAULT '{}';
-- (and every kind's words folded, the canonicals by which a synonym joins a kind: a synonym written whose canonical
-- folds to none of them changes no kind, so the phrases and rows are kept under the new key; stop 34)
ALTER TABLE estimate_said_kind_cache ADD COLUMN IF NOT EXISTS folded text[];

-- Every word of every kind of estimate_said_kind_groups() (the same lists, split the same way) folded: a synonym
-- joins a kind only when its canonical folds to one of these.
CREATE OR REPLACE FUNCTION estimate_said_kind_folded() RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(DISTINCT estimate_words(w)), '{}')
    FROM estimate_settings s,
         regexp_split_to_table(coalesce(nullif(btrim(s.said_kind_words), ''), '-') || coalesce('; ' || nullif(btrim(s.kind_words), ''), '')
                               || coalesce('; ' || nullif(btrim(s.attribute_words), ''), ''), ';') AS g(grp),
         regexp_split_to_table(g.grp, '/') AS k(kind),
         regexp_split_to_table(k.kind, ',') AS w
    WHERE s.id AND btrim(k.kind) <> '' AND btrim(w) <> ''
$$;

CREATE OR REPLACE FUNCTION estimate_said_kind_key() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT md5(coalesce(s.said_kind_words, '') || '|' || coalesce(s.kind_words, '') || '|' || coalesce(s.attribute_words, '')
               || '|' || coalesce((SELECT string_agg(sy.term || '=' || sy.canonical, ';' ORDER BY sy.term, sy.canonical)
                                   FROM kb_synonyms sy WHERE sy.active), ''))
    FROM estimate_settings s WHERE s.id
$$;

-- The kinds ("g:k") and their folded phrases for the current lists.
CREATE OR REPLACE FUNCTION estimate_said_kind_phrases(OUT kinds text[], OUT phrases text[])
LANGUAGE plpgsql STABLE AS $$
BEGIN
    SELECT c.kinds, c.phrases INTO kinds, phrases FROM estimate_said_kind_cache c WHERE c.key = estimate_said_kind_key();
    IF kinds IS NULL THEN
        SELECT coalesce(array_agg(f.kind ORDER BY f.kind, f.phrase), '{}'), coalesce(array_agg(f.phrase ORDER BY f.kind, f.phrase), '{}')
          INTO kinds, phrases
          FROM estimate_kind_phrases(estimate_said_kind_groups()) f WHERE f.phrase <> '' AND f.phrase <> '-';
    END IF;
END
$$;

-- A row's kinds (its code and name) for the current lists; with p_aliases, also those its aliases say.
CREATE OR REPLACE FUNCTION estimate_said_row_kinds(p_code text, p_kinds text[], p_phr text[], p_aliases boolean DEFAULT false)
RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN k.code IS NOT NULL THEN k.kinds || CASE WHEN p_aliases THEN k.alias_kinds ELSE '{}' END
                ELSE estimate_attributes_in(estimate_words(estimate_code_words(c.code) || ' ' || c.name), p_kinds, p_phr)
                     || CASE WHEN p_aliases THEN estimate_attributes_in(estimate_words(replace(coalesce(c.aliases, ''), ',', ' , ')),
                                                                         p_kinds, p_phr) ELSE '{}' END END
    FROM price_catalog c
    LEFT JOIN estimate_said_row_cache k ON k.code = c.code AND k.name = c.name AND k.aliases = coalesce(c.aliases, '')
                                       AND k.key = estimate_said_kind_key()
    WHERE c.code = p_code
$$;

CREATE OR REPLACE FUNCTION estimate_said_cache_refresh() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_key   text := estimate_said_kind_key();
    v_kinds text[];
    v_phr   text[];
BEGIN
    IF v_key IS NULL THEN
        RETURN;
    END IF;
    DELETE FROM estimate_said_kind_cache WHERE key <> v_key;
    IF NOT EXISTS (SELECT 1 FROM estimate_said_kind_cache WHERE key = v_key) THEN
        SELECT coalesce(array_agg(f.kind ORDER BY f.kind, f.phrase), '{}'), coalesce(array_agg(f.phrase ORDER BY f.kind, f.phrase), '{}')
          INTO v_kinds, v_phr
          FROM estimate_kind_phrases(estimate_said_kind_groups()) f WHERE f.phrase <> '' AND f.phrase <> '-';
        INSERT INTO estimate_said_kind_cache (key, kinds, phrases, folded)
        VALUES (v_key, v_kinds, v_phr, estimate_said_kind_folded()) ON CONFLICT (key) DO NOTHING;
    ELSE
        UPDATE estimate_said_kind_cache SET folded = estimate_said_kind_folded() WHERE key = v_key AND folded IS NULL;
    END IF;
    SELECT c.kinds, c.phrases INTO v_kinds, v_phr FROM estimate_said_kind_cache c WHERE c.key = v_key;
    DELETE FROM estimate_said_row_cache k
     WHERE k.key <> v_key OR NOT EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = k.code AND c.name = k.name
                                                                         AND coalesce(c.aliases, '') = k.aliases);
    INSERT INTO estimate_said_row_cache (code, name, key, kinds, aliases, alias_kinds)
    SELECT c.code, c.name, v_key, estimate_attributes_in(estimate_words(estimate_code_words(c.code) || ' ' || c.name), v_kinds, v_phr),
           coalesce(c.aliases, ''), estimate_attributes_in(estimate_words(replace(coalesce(c.aliases, ''), ',', ' , ')), v_kinds, v_phr)
      FROM price_catalog c
     WHERE NOT EXISTS (SELECT 1 FROM estimate_said_row_cache k WHERE k.code = c.code)
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, key = EXCLUDED.key, kinds = EXCLUDED.kinds,
                                     aliases = EXCLUDED.aliases, alias_kinds = EXCLUDED.alias_kinds;
END
$$;

CREATE OR REPLACE FUNCTION estimate_said_cache_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM estimate_said_cache_refresh();
    RETURN NULL;
END
$$;

-- The prologue of the said cache's statement triggers on kb_synonyms and price_catalog (stop 35: before, each
-- repeated these checks): whether a statement wrote any of the columns the cache reads, from the rows of its
-- transition tables said_old / said_new as text (the columns the trigger reads; '{}' for the table an INSERT or a
-- DELETE has not). An INSERT that wrote rows, a DELETE that removed some, an UPDATE after which the columns' values
-- are not those before (a seed's upsert that changed nothing: false). The trigger collects the rows itself: a
-- function it calls cannot read its transition tables (a query built for EXECUTE instead cost a plan a statement:
-- estimates/seed.sql's second application 0.4 -> 0.85 s, bench/TIDY-35.md).
CREATE OR REPLACE FUNCTION estimate_said_rows_changed(p_old text[], p_new text[]) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF coalesce(cardinality(p_old), 0) = 0 OR coalesce(cardinality(p_new), 0) = 0 THEN   -- no query (a seed's upsert)
        RETURN coalesce(cardinality(p_old), 0) + coalesce(cardinality(p_new), 0) > 0;
    END IF;
    RETURN EXISTS (SELECT unnest(p_new) EXCEPT ALL SELECT unnest(p_old))
        OR EXISTS (SELECT unnest(p_old) EXCEPT ALL SELECT unnest(p_new));
END
$$;

-- A statement that wrote kb_synonyms (stop 34: it rebuilt the whole cache, 16-18 s for staff adding one regional
-- word on a busy machine; bench/SPEED-34.md). The key covers every active synonym, so it moves with any of them;
-- but when no row the statement wrote (before or after) is an active term whose canonical folds to a kind's word
-- (estimate_said_kind_folded), estimate_said_kind_groups() is what it was: the phrases and every row's kinds of the
-- key before the statement are this key's, and only the key is moved on them. Else (or when the cache did not hold
-- the key before the statement) the refresh folds them again. Transition tables said_old / said_new.
CREATE OR REPLACE FUNCTION estimate_said_cache_synonyms() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_key       text;
    v_prev      text;
    v_folded    text[];
    v_new_ids   bigint[] := '{}';
    v_old_terms text[] := '{}';
    v_old_canon text[] := '{}';
    v_canon     text[] := '{}';   -- the canonicals of the active single terms written, before and after
    v_said_old  text[] := '{}';
    v_said_new  text[] := '{}';
BEGIN
    -- nothing the key reads was written (a seed's upsert that changed nothing: every start runs ~300 of them)
    IF TG_OP <> 'INSERT' THEN SELECT array_agg((o.term, o.canonical, o.active)::text) INTO v_said_old FROM said_old o; END IF;
    IF TG_OP <> 'DELETE' THEN SELECT array_agg((n.term, n.canonical, n.active)::text) INTO v_said_new FROM said_new n; END IF;
    IF NOT estimate_said_rows_changed(v_said_old, v_said_new) THEN
        RETURN NULL;
    END IF;
    v_key := estimate_said_kind_key();
    IF v_key IS NULL OR EXISTS (SELECT 1 FROM estimate_said_kind_cache WHERE key = v_key) THEN
        PERFORM estimate_said_cache_refresh();   -- the key did not move: only rows the cache lacks (none, usually)
        RETURN NULL;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT coalesce(array_agg(n.id), '{}'),
               coalesce(array_agg(n.canonical) FILTER (WHERE n.active AND n.term !~ '[;/,]'), '{}')
          INTO v_new_ids, v_canon FROM said_new n;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT coalesce(array_agg(o.term) FILTER (WHERE o.active), '{}'),
               coalesce(array_agg(o.canonical) FILTER (WHERE o.active), '{}'),
               v_canon || coalesce(array_agg(o.canonical) FILTER (WHERE o.active AND o.term !~ '[;/,]'), '{}')
          INTO v_old_terms, v_old_canon, v_canon FROM said_old o;
    END IF;
    -- the key of the synonyms as they were before the statement (estimate_said_kind_key's formula)
    SELECT md5(coalesce(s.said_kind_words, '') || '|' || coalesce(s.kind_words, '') || '|' || coalesce(s.attribute_words, '')
               || '|' || coalesce((SELECT string_agg(p.term || '=' || p.canonical, ';' ORDER BY p.term, p.canonical)
                                   FROM (SELECT sy.term, sy.canonical FROM kb_synonyms sy
                                          WHERE sy.active AND sy.id <> ALL (v_new_ids)
                                         UNION ALL
                                         SELECT u.term, u.canonical FROM unnest(v_old_terms, v_old_canon) AS u(term, canonical)) p), ''))
      INTO v_prev FROM estimate_settings s WHERE s.id;
    SELECT c.folded INTO v_folded FROM estimate_said_kind_cache c WHERE c.key = v_prev;
    IF v_folded IS NULL OR EXISTS (SELECT 1 FROM unnest(v_canon) AS c(canonical) WHERE estimate_words(c.canonical) = ANY (v_folded)) THEN
        PERFORM estimate_said_cache_refresh();
        RETURN NULL;
    END IF;
    INSERT INTO estimate_said_kind_cache (key, kinds, phrases, folded)
    SELECT v_key, c.kinds, c.phrases, c.folded FROM estimate_said_kind_cache c WHERE c.key = v_prev
    ON CONFLICT (key) DO NOTHING;
    UPDATE estimate_said_row_cache SET key = v_key WHERE key = v_prev;
    PERFORM estimate_said_cache_refresh();   -- drops the previous key; rows the cache lacks (none, usually)
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER estimate_settings_said AFTER INSERT OR DELETE OR TRUNCATE
    OR UPDATE OF said_kind_words, kind_words, attribute_words ON estimate_settings
    FOR EACH STATEMENT EXECUTE FUNCTION estimate_said_cache_sync();
DROP TRIGGER IF EXISTS kb_synonyms_said ON kb_synonyms;   -- before stop 34: one trigger, the whole refresh
CREATE OR REPLACE TRIGGER kb_synonyms_said_insert AFTER INSERT ON kb_synonyms REFERENCING NEW TABLE AS said_new
    FOR EACH STATEMENT EXECUTE FUNCTION estimate_said_cache_synonyms();
CREATE OR REPLACE TRIGGER kb_synonyms_said_update AFTER UPDATE ON kb_synonyms
    REFERENCING OLD TABLE AS said_old NEW TABLE AS said_new FOR EACH STATEMENT EXECUTE FUNCTION estimate_said_cache_synonyms();
CREATE OR REPLACE TRIGGER kb_synonyms_said_delete AFTER DELETE ON kb_synonyms REFERENCING OLD TABLE AS said_old
    FOR EACH STATEMENT EXECUTE FUNCTION estimate_said_cache_synonyms();
CREATE OR REPLACE TRIGGER kb_synonyms_said_truncate AFTER TRUNCATE ON kb_synonyms
    FOR EACH STATEMENT EXECUTE FUNCTION estimate_said_cache_sync();
-- A statement that wrote the catalogue: the refresh only when it changed a row's code, name or aliases (what the row
-- cache keeps). A seed's upsert that changed nothing (every start runs ~360 of them) no longer pays a refresh
-- each (stop 34). Transition tables said_old / said_new.
CREATE OR REPLACE FUNCTION estimate_said_cache_catalogue() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_said_old text[] := '{}';
    v_said_new text[] := '{}';
BEGIN
    IF TG_OP <> 'INSERT' THEN SELECT array_agg((o.code, o.name, o.aliases)::text) INTO v_said_old FROM said_old o; END IF;
    IF TG_OP <> 'DELETE' THEN SELECT array_agg((n.code, n.name, n.aliases)::text) INTO v_said_new FROM said_new n; END IF;
    IF NOT estimate_said_rows_changed(v_said_old, v_said_new) THEN
        RETURN NULL;
    END IF;
    PERFORM estimate_said_cache_refresh();
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS price_catalog_said ON price_catalog;   -- before stop 34: one trigger, a refresh a statement
CREATE OR REPLACE TRIGGER price_catalog_said_insert AFTER INSERT ON price_catalog REFERENCING NEW TABLE AS said_new
    FOR EACH STATEMENT EXECUTE FUNCTION estimate_said_cache_catalogue();
CREATE OR REPLACE TRIGGER price_catalog_said_update AFTER UPDATE ON price_catalog
    REFERENCING OLD TABLE AS said_old NEW TABLE AS said_new FOR EACH STATEMENT EXECUTE FUNCTION estimate_said_cache_catalogue();
CREATE OR REPLACE TRIGGER price_catalog_said_delete AFTER DELETE ON price_catalog REFERENCING OLD TABLE AS said_old
    FOR EACH STATEMENT EXECUTE FUNCTION estimate_said_cache_catalogue();
CREATE OR REPLACE TRIGGER price_catalog_said_truncate AFTER TRUNCATE ON price_catalog
    FOR EACH STATEMENT EXECUTE FUNCTION estimate_said_cache_sync();

-- Whether the kinds said (p_said, "g:k") contradict a row of kinds p_row (its code and name): a kind its code, name and
-- aliases do not say, when the row says another kind of that group, or,
-- for the groups of said_kind_words (the first p_own groups), a kind the row does not say while another active row
-- of the same thing (p_things) says it. (kind_words and attribute_words leave a row that says none alone.)
CREATE OR REPLACE FUNCTION estimate_said_kinds_contradict(p_said text[], p_row text[], p_code text, p_things text[],
                                                          p_kinds text[], p_phr text[], p_own integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM unnest(p_said) a
         WHERE NOT a = ANY (p_row) AND NOT a = ANY (estimate_said_row_kinds(p_code, p_kinds, p_phr, true))
           AND (EXISTS (SELECT 1 FROM unnest(p_row) r WHERE split_part(r, ':', 1) = split_part(a, ':', 1))
                OR split_part(a, ':', 1)::int <= p_own AND EXISTS (SELECT 1 FROM price_catalog c
                            WHERE c.active AND c.kind = 'material' AND c.code <> p_code
                              AND estimate_row_things(c.code, c.thing) && p_things
                              AND a = ANY (estimate_said_row_kinds(c.code, p_kinds, p_phr)))))
$$;

-- (est33) Whether the folded words after position p_k (a count) begin another thing: the next word that is not a
-- little word ('' when folded) is a thing of the catalogue (estimate_catalogue_things, "te" too), the start of a thing
-- read (p_starts), or metres said before one ("tres metros de tubo").
CREATE OR REPLACE FUNCTION estimate_guard_next_thing(p_folded text[], p_k integer, p_starts integer[]) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    j integer := p_k + 1;
BEGIN
    WHILE j <= cardinality(p_folded) AND p_folded[j] = '' LOOP
        j := j + 1;
    END LOOP;
    IF j <= cardinality(p_folded) AND p_folded[j] = 'metro' THEN
        j := j + 1;
        WHILE j <= cardinality(p_folded) AND p_folded[j] = '' LOOP
            j := j + 1;
        END LOOP;
    END IF;
    RETURN j <= cardinality(p_folded)
           AND (j = ANY (p_starts) OR p_folded[j] = 'te'
                OR split_part(p_folded[j], ' ', 1) = ANY (estimate_catalogue_things()));
END
$$;

CREATE OR REPLACE FUNCTION estimate_said_guard(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    s        estimate_settings;
    v_items  jsonb := coalesce(p_found -> 'items', '[]');
    v_kinds  text[];
    v_phr    text[];
    v_own    integer;    -- how many groups are said_kind_words' (the first ones)
    v_texts  text[];     -- the words as written, then as the synonyms read them
    v_t      integer;
    v_p      text[];
    v_f      text[];
    v_m      jsonb;
    v_row    price_catalog;
    v_start  integer;
    v_end    integer;
    v_k      integer;
    v_aend   integer;
    v_words  text;
    v_said   text[];
    v_rowk   text[];
    v_things text[];
    v_codes  text[];
    v_idx    integer;
    v_item   jsonb;
    v_starts integer[];
    v_priced integer[] := '{}';
    v_jobl   text[];
    v_asked  integer := 0;
    v_done   boolean := false;
    v_stop   CONSTANT text[] := ARRAY['y', 'e', 'o', 'u', 'ni', 'con', 'mas', 'tambien', 'ademas', 'como', 'no', 'que',
                                      'sin', 'por', 'para', 'pa', 'pal', 'en', 'del', 'al', 'uno', 'otro', 'otra'];
BEGIN
    IF jsonb_array_length(v_items) = 0 OR p_found -> 'mentions' IS NULL THEN
        RETURN p_found;
    END IF;
    SELECT * INTO s FROM estimate_settings WHERE id;
    v_own := CASE WHEN btrim(coalesce(s.said_kind_words, '')) = '' THEN 0
                  ELSE cardinality(string_to_array(s.said_kind_words, ';')) END;
    SELECT k.kinds, k.phrases INTO v_kinds, v_phr FROM estimate_said_kind_phrases() k;
    v_texts := ARRAY[input] || CASE WHEN p_found ->> 'synonyms' IS NOT NULL THEN ARRAY[p_found ->> 'synonyms'] ELSE '{}' END;
    -- (cheap: no size with a unit and no kind said anywhere, nothing to compare)
    IF NOT EXISTS (SELECT 1 FROM unnest(v_texts) t
                    WHERE EXISTS (SELECT 1 FROM estimate_sizes_in(estimate_words(regexp_replace(t, '([0-9])\s*("|”|'''')', '\1 pulgada ', 'g'))))
                       OR cardinality(estimate_attributes_in(estimate_words(t), v_kinds, v_phr)) > 0) THEN
        RETURN p_found;
    END IF;
    v_jobl := estimate_word_list(s.job_words) || estimate_word_list(s.place_verbs);
    FOR v_m IN SELECT m FROM jsonb_array_elements(p_found -> 'mentions') m
               WHERE m ->> 'code' IS NOT NULL AND coalesce(m ->> 'words', '') <> '' LOOP
        SELECT * INTO v_row FROM price_catalog c WHERE c.code = v_m ->> 'code';
        CONTINUE WHEN v_row.code IS NULL OR v_row.kind <> 'material';
        SELECT i - 1, el INTO v_idx, v_item FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i)
         WHERE el ->> 'item' = v_row.code AND NOT (i - 1) = ANY (v_priced) ORDER BY i LIMIT 1;
        CONTINUE WHEN v_idx IS NULL;
        -- where its words are: in the message as written, else as the synonyms read it
        v_start := NULL;
        FOR v_t IN 1 .. cardinality(v_texts) LOOP
            SELECT r.plain, r.folded INTO v_p, v_f FROM estimate_guard_words(
                regexp_replace(v_texts[v_t], '([0-9])\s*("|”|'''')', '\1 pulgada ', 'g')) r;
            v_start := (SELECT x FROM unnest(estimate_guard_starts(v_f, v_m ->> 'words')) x ORDER BY x LIMIT 1);
            EXIT WHEN v_start IS NOT NULL;
        END LOOP;
        CONTINUE WHEN v_start IS NULL;
        -- where the other things read begin (not a whole it is said of: "grifo termostático de lavabo")
        v_starts := '{}';
        FOR v_item IN SELECT m FROM jsonb_array_elements(p_found -> 'mentions') m
                      WHERE coalesce(m ->> 'words', '') <> '' AND NOT coalesce((m ->> 'part_of')::boolean, false) LOOP
            v_starts := v_starts || estimate_guard_starts(v_f, v_item ->> 'words');
        END LOOP;
        v_item := v_items -> v_idx;
        v_end := estimate_guard_end(v_f, v_start, v_m ->> 'words');
        -- the words right after it, up to a separator, another thing read, a job verb or another count
        v_k := v_end + 1;
        WHILE v_k <= cardinality(v_p) AND v_k <= v_end + 8 LOOP
            EXIT WHEN v_p[v_k] = ANY (v_stop)
                      -- ("60 por 60" is one size)
                      AND NOT (v_p[v_k] = 'por' AND v_f[v_k - 1] ~ '^[0-9]' AND coalesce(v_f[v_k + 1], '') ~ '^[0-9]')
                   OR v_k = ANY (v_starts) OR estimate_verb_forms(v_f[v_k]) && v_jobl
                   OR v_p[v_k] IN ('un', 'una', 'unos', 'unas')
                   OR v_f[v_k] ~ '^[0-9]' AND v_k > v_end + 1 AND v_p[v_k - 1] NOT IN ('de', 'del', 'a', 'x', 'por')
                      AND v_f[v_k - 1] !~ '^[0-9]'
                   -- (est33) the next item of a list said without commas: a count and a thing ("… de quince dos tes de
                   -- veintidós", "… de lavabo dos llaves de paso", "… tres metros de tubo"), whatever came before it
                   OR v_f[v_k] ~ '^[0-9]+$' AND v_p[v_k] NOT IN ('x', 'por')
                      AND estimate_guard_next_thing(v_f, v_k, v_starts);
            v_k := v_k + 1;
        END LOOP;
        v_aend := v_k - 1;
        -- ("codos de latón de 3/4 con rosca macho": a kind of said_kind_words said right after "con" is the item's)
        IF v_p[v_k] = 'con' AND EXISTS (SELECT 1 FROM unnest(estimate_attributes_in(array_to_string(v_f[v_k + 1:v_k + 2], ' '), v_kinds, v_phr)) a
                                         WHERE split_part(a, ':', 1)::int <= v_own) THEN
            v_aend := least(v_k + 2, cardinality(v_p));
        END IF;
        v_words := array_to_string(v_f[v_start:v_aend], ' ');
        v_said := estimate_attributes_in(v_words, v_kinds, v_phr);
        v_rowk := estimate_said_row_kinds(v_row.code, v_kinds, v_phr);
        v_things := estimate_row_things(v_row.code, v_row.thing);
        IF NOT estimate_sizes_contradict(v_words, v_row.name, v_row.unit = 'm')
           AND NOT estimate_said_kinds_contradict(v_said, v_rowk, v_row.code, v_things, v_kinds, v_phr, v_own) THEN
            v_priced := v_priced || v_idx;
            CONTINUE;
        END IF;
        -- the rows of the same thing known by every word it was read by (else of the same thing) that contradict
        -- nothing said; none: those of them of the kinds said, whatever their size, so the plumber sees the sizes
        -- the catalogue has (never a row of another kind than the words say)
        v_codes := ARRAY(
            WITH r AS (
                SELECT c.code, c.unit_price,
                       estimate_item_words(c) @> string_to_array(v_m ->> 'words', ' ') AS names_all,
                       NOT estimate_sizes_contradict(v_words, c.name, c.unit = 'm') AS fits_size,
                       NOT estimate_said_kinds_contradict(v_said, estimate_said_row_kinds(c.code, v_kinds, v_phr),
                                                          c.code, v_things, v_kinds, v_phr, v_own) AS fits_kind
                  FROM price_catalog c
                 WHERE c.active AND c.kind = 'material'
                   AND estimate_row_things(c.code, c.thing) && v_things),
            f AS (SELECT * FROM r WHERE fits_kind AND (names_all OR NOT EXISTS (SELECT 1 FROM r r2 WHERE r2.names_all AND r2.fits_kind)))
            SELECT code FROM f
             WHERE fits_size OR NOT EXISTS (SELECT 1 FROM f f2 WHERE f2.fits_size)
             ORDER BY unit_price, code LIMIT 12);
        v_items := jsonb_set(v_items, ARRAY[v_idx::text],
            jsonb_build_object('item', left(btrim(array_to_string(v_p[v_start:v_aend], ' ')), 200),
                               'quantity', coalesce(v_item -> 'quantity', '1'))
            || CASE WHEN v_item ? 'unit' THEN jsonb_build_object('unit', v_item -> 'unit') ELSE '{}' END
            || CASE WHEN cardinality(v_codes) > 0 THEN jsonb_build_object('choices', to_jsonb(v_codes)) ELSE '{}' END);
        v_asked := v_asked + CASE WHEN cardinality(v_codes) > 0 THEN 1 ELSE 0 END;
        v_priced := v_priced || v_idx;
        v_done := true;
    END LOOP;
    IF NOT v_done THEN
        RETURN p_found;
    END IF;
    RETURN estimate_found_with(p_found, v_items, jsonb_build_object('ask_back', coalesce((p_found ->> 'ask_back')::int, 0) + v_asked));
END
$$;

-- A request that would get no draft because its only thing is said in a size or kind the catalogue lacks ("llave de
-- paso de 1 1/2", "regulador de presión de 1 1/2 con manómetro", "grupo de presión de 2 CV"): the line stays a
-- cotizar in the plumber's words and the card asks among the rows of that thing the catalogue has (those known by
-- every word said but the sizes, that contradict no kind said; cheapest first, at most 12), as for a thing said
-- with no size: a draft to complete, never a price. Only when nothing else is priced or asked.
CREATE OR REPLACE FUNCTION estimate_sized_ask(input text, p_found jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_items  jsonb := coalesce(p_found -> 'items', '[]');
    v_kinds  text[];
    v_phr    text[];
    v_it     jsonb;
    v_idx    integer;
    v_words  text[];
    v_said   text[];
    v_codes  text[];
    v_asked  integer := 0;
BEGIN
    IF coalesce((p_found ->> 'priced')::int, 0) > 0 OR coalesce((p_found ->> 'ask_back')::int, 0) > 0
       OR jsonb_array_length(v_items) = 0 THEN
        RETURN p_found;
    END IF;
    SELECT k.kinds, k.phrases INTO v_kinds, v_phr FROM estimate_said_kind_phrases() k;
    FOR v_it, v_idx IN SELECT el, i - 1 FROM jsonb_array_elements(v_items) WITH ORDINALITY AS x(el, i) LOOP
        CONTINUE WHEN jsonb_typeof(v_it -> 'item') IS DISTINCT FROM 'string' OR v_it ? 'choices' OR v_it ? 'labour_hours'
                      OR EXISTS (SELECT 1 FROM price_catalog c WHERE c.code = v_it ->> 'item');
        -- (a size said: a number in the thing's words, "regulador de presion 1 1/2", "resistencia 2000")
        CONTINUE WHEN estimate_words(v_it ->> 'item') !~ '(^| )[0-9]';
        v_words := ARRAY(SELECT w FROM unnest(string_to_array(estimate_words(v_it ->> 'item'), ' ')) w
                          WHERE w !~ '^[0-9]' AND w NOT IN ('x', 'por', 'a', 'mm', 'cm', 'm', 'metro', 'l', 'w', 'kw', 'cb', 'hp',
                                                            'pulgada', 'galon', 'bar', 'watt', 'kilobatio', 'caballo'));
        CONTINUE WHEN cardinality(v_words) = 0;
        v_said := estimate_attributes_in(estimate_words(v_it ->> 'item'), v_kinds, v_phr);
        v_codes := ARRAY(
            SELECT c.code FROM price_catalog c
             WHERE c.active AND c.kind = 'material' AND estimate_item_words(c) @> v_words
               AND EXISTS (SELECT 1 FROM estimate_row_sizes(c.name))
               AND NOT estimate_said_kinds_contradict(v_said, estimate_said_row_kinds(c.code, v_kinds, v_phr), c.code,
                                                      estimate_row_things(c.code, c.thing), v_kinds, v_phr, 0)
             ORDER BY c.unit_price, c.code LIMIT 12);
        CONTINUE WHEN cardinality(v_codes) = 0;
        v_items := jsonb_set(v_items, ARRAY[v_idx::text], v_it || jsonb_build_object('choices', to_jsonb(v_codes)));
        v_asked := v_asked + 1;
    END LOOP;
    IF v_asked = 0 THEN
        RETURN p_found;
    END IF;
    RETURN p_found || jsonb_build_object('items', v_items, 'ask_back', v_asked);
END
$$;

-- Seeding job rules (estimates/seed.sql): like estimate_seed_item, a rule staff have edited is left alone.
CREATE OR REPLACE FUNCTION estimate_seed_job(
    p_code text, p_name text, p_items text, p_labour_hours numeric, p_labour_per_unit numeric, p_extras text,
    p_words text DEFAULT ''
) RETURNS void LANGUAGE sql AS $$
    INSERT INTO estimate_jobs AS j (code, name, items, labour_hours, labour_per_unit, extras, words, seed_md5)
    VALUES (p_code, p_name, p_items, p_labour_hours, p_labour_per_unit, p_extras, p_words,
            estimate_job_md5(p_name, p_items, p_labour_hours, p_labour_per_unit, p_extras, p_words))
    ON CONFLICT (code) DO UPDATE
        SET name = EXCLUDED.name, items = EXCLUDED.items, labour_hours = EXCLUDED.labour_hours,
            labour_per_unit = EXCLUDED.labour_per_unit, extras = EXCLUDED.extras, words = EXCLUDED.words,
            seed_md5 = EXCLUDED.seed_md5
        WHERE j.seed_md5 IS NOT DISTINCT FROM
              estimate_job_md5(j.name, j.items, j.labour_hours, j.labour_per_unit, j.extras, j.words)  -- untouched
          AND j.seed_md5 IS DISTINCT FROM EXCLUDED.seed_md5                                          -- seed changed
$$;

-- What the caches of folded words are built from (stop 34): the definitions of the functions (the folding may have
-- changed), the rows the builders read (price_catalog, estimate_settings, kb_synonyms: seen with
-- pg_stat_user_tables, bench/SPEED-34.md) and how many rows each cache holds (an emptied cache is built again). A
-- start whose inputs are those recorded at the end of the last start (start_build_recorded, knowledge/schema.sql,
-- at the end of revise.sql) keeps the caches that the triggers above kept in step since: rebuilding them cost 2-3 s
-- of every start (more under load) and gave the same rows. The functions compared are those that existed when the
-- last start ended (those of the files after revise.sql do not exist yet at the first start; a function the builders
-- call only in a new version is called by a function whose text changed). Recorded in start_builds, row
-- 'estimates' (stop 35: before, the table estimate_cache_builds and its two functions, moved and dropped by
-- knowledge/schema.sql).

CREATE OR REPLACE FUNCTION estimate_cache_inputs(p_functions text[]) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT md5(concat_ws('|', kb_start_functions_md5(p_functions),   -- (knowledge/schema.sql)
        (SELECT md5(string_agg(to_jsonb(c)::text, chr(30) ORDER BY c.code)) FROM price_catalog c),
        (SELECT md5(string_agg((to_jsonb(s) - 'updated_at')::text, chr(30))) FROM estimate_settings s),
        (SELECT md5(string_agg(sy.term || '=' || sy.canonical || '=' || sy.active, chr(30) ORDER BY sy.id)) FROM kb_synonyms sy),
        (SELECT count(*) FROM estimate_phrase_cache), (SELECT count(*) FROM estimate_kind_phrase_cache),
        (SELECT count(*) FROM estimate_row_kind_cache), (SELECT count(*) FROM estimate_item_words_cache),
        (SELECT count(*) FROM estimate_size_cache), (SELECT count(*) FROM estimate_word_list_cache),
        (SELECT count(*) FROM estimate_said_kind_cache), (SELECT count(*) FROM estimate_said_row_cache)))
$$;

-- The phrase cache, the kind caches and the rows' words (estimate_kind_cache_refresh,
-- estimate_item_words_cache_refresh): emptied, then filled again with the folding of this start; the said cache
-- brought in step (its key covers its inputs). Returns whether it built them (false: the inputs were unchanged).
CREATE OR REPLACE FUNCTION estimate_start_caches() RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    IF start_build_current('estimates', 'estimate_cache_inputs') THEN
        PERFORM estimate_said_cache_refresh();
        RETURN false;
    END IF;
    DELETE FROM estimate_phrase_cache;
    INSERT INTO estimate_phrase_cache (code, phrase, shown)
    SELECT c.code, p.phrase, p.shown FROM price_catalog c, estimate_row_phrases(c) p WHERE c.active;
    DELETE FROM estimate_kind_phrase_cache;
    DELETE FROM estimate_row_kind_cache;
    PERFORM estimate_kind_cache_refresh();
    PERFORM estimate_said_cache_refresh();
    DELETE FROM estimate_item_words_cache;
    DELETE FROM estimate_size_cache;
    PERFORM estimate_item_words_cache_refresh();
    RETURN true;
END
$$;

-- Rebuilt on every start whose inputs changed (the folding functions above may have changed).
SELECT estimate_start_caches();
