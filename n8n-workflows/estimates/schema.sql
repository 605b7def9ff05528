-- Remedios estimates (presupuestos): price catalogue, settings, estimates and the functions that price them.
-- Applied after knowledge/schema.sql + seed.sql (it uses kb_normalize and kb_touch_updated_at), on every
-- start. Idempotent: safe to run any number of times. Runs as the role that owns the database.
--
-- The AI model only says WHAT a job needs; every price and total is computed here, in exact numeric
-- arithmetic, from data the business controls. The workflow calls (see n8n-workflows/estimates/README.md):
--   SELECT estimate_create($1, $2::jsonb, $3);   -> jsonb: the stored estimate, its lines and its text
--   SELECT estimate_as_text($1);                  -> text: the estimate in Spanish, ready for WhatsApp
--   SELECT estimate_mark_sent($1);                -> jsonb: draft -> sent
--   SELECT estimate_decide($1, 'accepted', $2);   -> jsonb: draft/sent -> accepted | rejected
--   SELECT estimate_json($1);                     -> jsonb: the stored estimate, its lines and its text
--   SELECT estimate_card($1, $2);                 -> jsonb: what the chat shows, with the customer's link
-- Malformed input is refused with SQLSTATE 22023 (invalid_parameter_value) and nothing is stored.

-- ---------------------------------------------------------------------------------------------------------
-- Price catalogue
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS price_catalog (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),   -- e.g. calentador-electrico-150l
    kind        text NOT NULL CHECK (kind IN ('material', 'labour', 'service_call', 'disposal', 'permit')),
    name        text NOT NULL CHECK (btrim(name) <> ''),                      -- Spanish, as shown to the customer
    unit        text NOT NULL CHECK (unit ~ '^[a-z0-9²³/]{1,10}$'),           -- ud | m | h | ...
    unit_price  numeric(12,2) NOT NULL CHECK (unit_price >= 0),               -- EUR, before tax
    aliases     text NOT NULL DEFAULT '',    -- other names plumbers use, comma separated: "termo 150, termo de 150 litros"
    taxable     boolean NOT NULL DEFAULT true,  -- false for pass-through fees (municipal permit fees carry no IVA)
    active      boolean NOT NULL DEFAULT true,  -- false: never priced again (old estimates keep their lines)
    updated_at  timestamptz NOT NULL DEFAULT now(),
    seed_md5    text,                           -- set by seed.sql: re-seeding never overwrites a staff edit
    content_md5 text GENERATED ALWAYS AS (
        md5(kind || chr(31) || name || chr(31) || unit || chr(31) || unit_price::text || chr(31) ||
            aliases || chr(31) || taxable::text)
    ) STORED
);

CREATE OR REPLACE TRIGGER price_catalog_touch BEFORE UPDATE ON price_catalog
    FOR EACH ROW EXECUTE FUNCTION kb_touch_updated_at();

-- What a supplier's price list adds (staff.sql, price_catalog_import):
--   family    the list's "familia" (Tubería, Grifería...): for staff to find and review items; '' = none
--   vat_rate  the item's IVA as a fraction (0.10 = 10 %); NULL = estimate_settings.tax_rate, the usual case
--   example   the price is still the EXAMPLE shipped in seed.sql, not the business's own: false as soon as
--             anyone but the seed changes the price (staff: SELECT code, name FROM price_catalog WHERE example)
ALTER TABLE price_catalog ADD COLUMN IF NOT EXISTS family text NOT NULL DEFAULT '' CHECK (length(family) <= 80);
ALTER TABLE price_catalog ADD COLUMN IF NOT EXISTS vat_rate numeric(5,4) CHECK (vat_rate >= 0 AND vat_rate < 1);
-- thing: what the row IS, in the nouns plumbers use for it, comma separated ("cisterna, mochila, tanque"): a line is
-- priced only for words that ask for that thing (match.sql, estimate_thing_guard); '' = the first word of its name,
-- code and aliases
ALTER TABLE price_catalog ADD COLUMN IF NOT EXISTS thing text NOT NULL DEFAULT '' CHECK (length(thing) <= 200);
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute
                   WHERE attrelid = 'price_catalog'::regclass AND attname = 'example' AND NOT attisdropped) THEN
        ALTER TABLE price_catalog ADD COLUMN example boolean NOT NULL DEFAULT false;
        -- Once, when the column appears: the seeded rows nobody edited still carry the seed's example price.
        UPDATE price_catalog SET example = true WHERE seed_md5 IS NOT NULL AND seed_md5 = content_md5;
    END IF;
END
$$;

-- A price changed by anyone but the seed (the seed always writes a new seed_md5) is no longer an example.
CREATE OR REPLACE FUNCTION price_catalog_example_off() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.unit_price IS DISTINCT FROM OLD.unit_price AND NEW.seed_md5 IS NOT DISTINCT FROM OLD.seed_md5 THEN
        NEW.example := false;
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER price_catalog_example BEFORE UPDATE ON price_catalog
    FOR EACH ROW EXECUTE FUNCTION price_catalog_example_off();

-- A code or marker is no size (eskind): a word with digits is read as a number only when it is a number with
-- at most a unit or word glued after it ("15mm", "150l", "2codos", "120x80cm") or letters glued before it
-- ("pe100", "m2"); anything else mixing letters and digits ("obra9e15c2d", a reference or a marker) keeps its
-- letters and loses its digits, so "9", "15" and "2" are never read as a count or a pipe size. Input: words
-- already lower case, separated by spaces.
CREATE OR REPLACE FUNCTION estimate_codes_out(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN t !~ '[a-z][0-9./]*[0-9][a-z]|[0-9][a-z]+[0-9]' THEN t ELSE
        (SELECT string_agg(CASE
                    WHEN w !~ '[0-9]' OR w !~ '[a-z]' THEN w
                    WHEN regexp_replace(regexp_replace(w, '(?<=[0-9])(mm|cm|m|mt|mts|mtr|mtrs|ml|metros?|l|lt|lts|ltr|ltrs|litros?|h|hs|hr|hrs|horas?|kw|w|hp|cv|pulg|pulgadas?|in|gal|galon|galones|bar|kg|ud|uds|u)$', ''),
                                        '([0-9])x(?=[0-9])', '\1', 'g')
                         ~ '^(?:[a-z]*[0-9][0-9./]*|[0-9][0-9./]*[a-z]+)$' THEN w
                    ELSE regexp_replace(w, '[0-9./]+', '', 'g') END, ' ' ORDER BY n)
           FROM regexp_split_to_table(t, ' ') WITH ORDINALITY AS x(w, n)) END
$$;

-- Amounts said in words (est36, issue 18 k1), on the same words before any count or length is read: "media
-- docena (de)" is 6, "una docena (de)" 12, "dos docenas (de)" 24; "medio metro" is "0.5 metros", "(un) metro y
-- medio" "1.5 metros", "dos metros y medio" / "2 metros y medio" "2.5 metros". A length after "de" is a size, not an
-- amount, and is left as said ("latiguillo de medio metro" is the 50 cm hose, "flexo de metro y medio" the 1.5 m
-- one); "de media" / "tres cuartos" alone are pipe sizes (1/2", 3/4") and are never touched here. Centimetres said
-- before the thing are metres ("50 cm de tubo" = "0.5 metros de tubo", est37).
-- Input: kb_normalize'd.
CREATE OR REPLACE FUNCTION estimate_amount_words(normalized text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    t text := coalesce(normalized, '');
    m text[];
    n text;
    counts constant jsonb := '{"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
                               "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20}';
BEGIN
    IF t !~ 'docena|medio|centimetro|cm' THEN
        RETURN t;
    END IF;
    -- (est37, m6) a length right after the request's own noun is the amount, not a size: "presupuesto de medio metro
    -- de tubo", "cotización de 50 cm de tubo" read as "presupuesto medio metro de tubo" (a thing's "de medio metro",
    -- "latiguillo de medio metro", stays a size)
    t := regexp_replace(t, '(^|[^a-z0-9])(presupuesto|presupuestame|cotizacion|cotizame|cotiza|precio|costo|coste) de '
                           '(?=(?:medio metro|(?:un )?metro y medio|[0-9]+ (?:centimetros?|cm)|[a-z]+ (?:centimetros?|cm))(?:[^a-z0-9]|$))',
                        '\1\2 ', 'g');
    -- (est37, m6) a length in centimetres said before the thing ("50 cm de tubo", "ochenta centimetros de tubo pvc")
    -- is that many hundredths of a metre: "0.5 metros de tubo". Not after "de" ("latiguillo de 40 cm" is the hose's
    -- size) and not "… cm de largo".
    LOOP
        m := regexp_match(t, '(^|[^a-z0-9])(?<!de )([0-9]+|[a-z]+) (centimetros?|cm) de (?!largo|longitud|ancho|alto|diametro)(?=[a-z])');
        EXIT WHEN m IS NULL;
        n := CASE WHEN m[2] ~ '^[0-9]+$' THEN m[2] ELSE estimate_number_words() ->> m[2] END;
        EXIT WHEN n IS NULL OR n !~ '^[0-9]+$' OR n::numeric < 1 OR n::numeric >= 1000;
        t := regexp_replace(t, '(^|[^a-z0-9])(?<!de )' || m[2] || ' ' || m[3] || ' de ',
                            '\1' || trim_scale(n::numeric / 100)::text || ' metros de ');
    END LOOP;
    t := regexp_replace(t, '(^|[^a-z0-9])media docena(?: de)?(?=[^a-z0-9]|$)', '\16', 'g');
    t := regexp_replace(t, '(^|[^a-z0-9])una docena(?: de)?(?=[^a-z0-9]|$)', '\112', 'g');
    t := regexp_replace(t, '(^|[^a-z0-9])dos docenas(?: de)?(?=[^a-z0-9]|$)', '\124', 'g');
    -- "N metros y medio" (digits or a count word), not after "de"
    LOOP
        m := regexp_match(t, '(^|[^a-z0-9])((?<!de )(?:[0-9]+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte)) (metros|mts|mt|m) y medio(?=[^a-z0-9]|$)');
        EXIT WHEN m IS NULL;
        n := CASE WHEN m[2] ~ '^[0-9]+$' THEN m[2] ELSE (counts ->> m[2]) END;
        t := regexp_replace(t, '(^|[^a-z0-9])' || m[2] || ' ' || m[3] || ' y medio(?=[^a-z0-9]|$)',
                            '\1' || n || '.5 metros');
    END LOOP;
    t := regexp_replace(t, '(^|[^a-z0-9])(?<!de )(?:un )?metro y medio(?=[^a-z0-9]|$)', '\11.5 metros', 'g');
    t := regexp_replace(t, '(^|[^a-z0-9])(?<!de )medio metro(?=[^a-z0-9]|$)', '\10.5 metros', 'g');
    RETURN t;
END
$$;

-- "Un par" is two (esattr): "un par de codos" = "dos codos", "ponle un par más" = "ponle dos más", "otro par de
-- llaves" = "otros dos llaves"; on the words of a message and of a revision alike (estimate_normalize,
-- estimate_plain), before any count is read, so every reading of counts (estimate_number_words) sees "dos".
-- Only "un par" / "otro par" (with or without "de") as words of their own: "un parche" is no pair. Input: kb_normalize'd.
CREATE OR REPLACE FUNCTION estimate_pair_words(normalized text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT estimate_amount_words(
           CASE WHEN position('par' IN coalesce(normalized, '')) = 0 THEN coalesce(normalized, '')
                ELSE regexp_replace(regexp_replace(normalized,
                         '(^|[^a-z0-9])un par(?: de)?(?=[^a-z0-9]|$)', '\1dos', 'g'),
                         '(^|[^a-z0-9])otro par(?: de)?(?=[^a-z0-9]|$)', '\1otros dos', 'g') END)
$$;

-- How item names are compared: kb_normalize (lower case, no accents, single spaces), punctuation dropped,
-- numbers split from units ("150l" = "150 l", "22mm" = "22 mm"), a decimal comma read as a point, and the
-- Spanish articles/"de" dropped ("tubo de cobre de 15 mm" = "tubo cobre 15 mm"). Nothing fuzzier than this:
-- a name either matches a catalogue name or alias exactly after this, or it is not priced.
CREATE OR REPLACE FUNCTION estimate_normalize(input text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    estimate_codes_out(regexp_replace(
                        -- "p/agua", "c/llave": the written abbreviations of "para" and "con" (esfix14; "c/u",
                        -- each, is not "con")
                        CASE WHEN position('/' IN input) = 0 THEN regexp_replace(' ' || estimate_pair_words(kb_normalize(input)) || ' ', '([0-9]),([0-9])', '\1.\2', 'g')
                             ELSE regexp_replace(regexp_replace(regexp_replace(' ' || estimate_pair_words(kb_normalize(input)) || ' ', '([0-9]),([0-9])', '\1.\2', 'g'),
                                                                '(?<![a-z0-9/])p/ ?(?=[a-z])', ' para ', 'g'),
                                                 '(?<![a-z0-9/])c/ ?(?=[a-z])(?!u(?![a-z]))', ' con ', 'g') END,
                        '[^a-z0-9/.]+|(?<![0-9])\.|\.(?![0-9])', ' ', 'g')),
                    -- (a code's digits are no size: estimate_codes_out)
                    '([0-9])([a-z])', '\1 \2', 'g'),
                '([a-z])([0-9])', '\1 \2', 'g'),
            ' ((de|del|el|la|los|las|un|una|unos|unas) )+', ' ', 'g'),
        '\s+', ' ', 'g'))
$$;

-- The catalogue's aliases, split on commas, semicolons or line breaks, each normalised.
CREATE OR REPLACE FUNCTION estimate_aliases(aliases text) RETURNS text[]
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(n), '{}')
    FROM (SELECT estimate_normalize(a) AS n FROM regexp_split_to_table(coalesce(aliases, ''), '[,;\n]') AS a) s
    WHERE n <> ''
$$;

-- Units the model may write, mapped to the catalogue's: "metros" -> m, "horas" -> h, "unidades" -> ud.
CREATE OR REPLACE FUNCTION estimate_unit(input text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN u IN ('', 'ud', 'uds', 'u', 'un', 'unidad', 'unidades', 'pieza', 'piezas', 'pza', 'pzas') THEN 'ud'
        WHEN u IN ('m', 'metro', 'metros', 'mt', 'mts', 'ml', 'm lineal', 'metro lineal', 'metros lineales') THEN 'm'
        WHEN u IN ('h', 'hora', 'horas', 'hr', 'hrs') THEN 'h'
        ELSE u END
    FROM (SELECT btrim(regexp_replace(kb_normalize(input), '[.]', '', 'g')) AS u) s
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Settings: one row. A change applies to the next estimate; stored estimates keep their own rates.
-- ---------------------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS estimate_settings (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),   -- there is exactly one row
    business_name text NOT NULL DEFAULT 'Remedios Fontanería',
    currency      text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    tax_name      text NOT NULL DEFAULT 'IVA',
    tax_rate      numeric(5,4) NOT NULL DEFAULT 0.21 CHECK (tax_rate >= 0 AND tax_rate < 1),      -- 0.21 = 21 %
    deposit_rate  numeric(5,4) NOT NULL DEFAULT 0.30 CHECK (deposit_rate >= 0 AND deposit_rate <= 1), -- señal
    validity_days integer NOT NULL DEFAULT 30 CHECK (validity_days BETWEEN 1 AND 365),
    labour_code   text NOT NULL DEFAULT 'mano-obra-oficial',   -- the rate used for {"labour_hours": n}
    max_lines     integer NOT NULL DEFAULT 50 CHECK (max_lines BETWEEN 1 AND 200),
    max_quantity  numeric(12,3) NOT NULL DEFAULT 1000 CHECK (max_quantity > 0),  -- per line: more is refused
    footer        text NOT NULL DEFAULT 'Presupuesto orientativo sujeto a revisión en obra. Las partidas "a cotizar" no están incluidas en el total.',
    updated_at    timestamptz NOT NULL DEFAULT now()
);

INSERT INTO estimate_settings (id) VALUES (true) ON CONFLICT (id) DO NOTHING;

CREATE OR REPLACE TRIGGER estimate_settings_touch BEFORE UPDATE ON estimate_settings
    FOR EACH ROW EXECUTE FUNCTION kb_touch_updated_at();

-- ---------------------------------------------------------------------------------------------------------
-- Estimates and their lines
-- ---------------------------------------------------------------------------------------------------------
-- Numbers P-<year>-<nnnn>, consecutive per year. A counter row (not a sequence) so that a refused estimate,
-- rolled back, leaves no gap.
CREATE TABLE IF NOT EXISTS estimate_counters (
    year integer PRIMARY KEY,
    last integer NOT NULL
);

CREATE TABLE IF NOT EXISTS estimates (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number             text NOT NULL UNIQUE,                          -- P-2026-0001
    conversation_id    text REFERENCES conversations(id),             -- NULL: made by staff by hand
    status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'rejected')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    valid_until        date NOT NULL,
    currency           text NOT NULL,
    tax_name           text NOT NULL,
    tax_rate           numeric(5,4) NOT NULL,
    deposit_rate       numeric(5,4) NOT NULL,
    subtotal_materials numeric(12,2) NOT NULL DEFAULT 0,              -- kind material
    subtotal_labour    numeric(12,2) NOT NULL DEFAULT 0,              -- kind labour
    subtotal_other     numeric(12,2) NOT NULL DEFAULT 0,              -- service call, disposal, permit
    subtotal           numeric(12,2) NOT NULL DEFAULT 0,              -- the three above
    taxable_base       numeric(12,2) NOT NULL DEFAULT 0,              -- the taxable part of subtotal
    tax                numeric(12,2) NOT NULL DEFAULT 0,
    total              numeric(12,2) NOT NULL DEFAULT 0,
    deposit            numeric(12,2) NOT NULL DEFAULT 0,              -- señal to pay on acceptance
    to_quote_count     integer NOT NULL DEFAULT 0,                    -- lines "a cotizar", not in the total
    notes              text,
    sent_at            timestamptz,
    decided_at         timestamptz,
    decision_note      text,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- The secret in the customer's link to the printable page (accept / reject). 32 hex characters, random.
ALTER TABLE estimates ADD COLUMN IF NOT EXISTS access_token text NOT NULL
    DEFAULT replace(gen_random_uuid()::text, '-', '');

-- Revisions (revise.sql): the latest revision's number (1 = as made) and the items it was priced from
-- (estimate_create's `items`; NULL for estimates made before revisions). Earlier ones: estimate_revisions.
ALTER TABLE estimates ADD COLUMN IF NOT EXISTS revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE estimates ADD COLUMN IF NOT EXISTS inputs jsonb;

CREATE INDEX IF NOT EXISTS estimates_conversation_idx ON estimates (conversation_id, created_at);

CREATE OR REPLACE TRIGGER estimates_touch BEFORE UPDATE ON estimates
    FOR EACH ROW EXECUTE FUNCTION kb_touch_updated_at();

CREATE TABLE IF NOT EXISTS estimate_lines (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    estimate_id  bigint NOT NULL REFERENCES estimates(id) ON DELETE CASCADE,
    position     integer NOT NULL,                 -- 1, 2, ... in the order the items were given
    requested    text NOT NULL,                    -- the item as the model (or staff) wrote it
    catalog_code text,                             -- the catalogue row used; NULL when nothing matched
    description  text NOT NULL,                    -- the catalogue name, or the requested text when "a cotizar"
    kind         text CHECK (kind IN ('material', 'labour', 'service_call', 'disposal', 'permit')),
    quantity     numeric(12,3) NOT NULL CHECK (quantity > 0),
    unit         text NOT NULL,
    unit_price   numeric(12,2),                    -- NULL when "a cotizar"
    line_total   numeric(12,2),                    -- round(quantity * unit_price, 2); NULL when "a cotizar"
    taxable      boolean NOT NULL DEFAULT true,
    to_quote     boolean NOT NULL DEFAULT false,   -- "a cotizar": not priced, not in any total
    note         text,                             -- why a line is "a cotizar"
    UNIQUE (estimate_id, position),
    CHECK (to_quote = (unit_price IS NULL) AND to_quote = (line_total IS NULL))
);

-- The line's IVA rate when it was priced (the item's vat_rate, else the settings' tax_rate); NULL when the line
-- carries no IVA or is "a cotizar", and on lines made before per-item IVA (their estimate's tax_rate applies).
ALTER TABLE estimate_lines ADD COLUMN IF NOT EXISTS tax_rate numeric(5,4);

-- ---------------------------------------------------------------------------------------------------------
-- Formatting (Spanish): 1234.5 -> "1.234,50 €", 3.500 -> "3,5", 0.21 -> "21 %"
-- ---------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION estimate_money(amount numeric, currency text DEFAULT 'EUR') RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN amount < 0 THEN '-' ELSE '' END
        || regexp_replace(split_part(s, '.', 1), '([0-9])(?=([0-9]{3})+$)', '\1.', 'g')
        || ',' || split_part(s, '.', 2) || ' ' || CASE WHEN currency = 'EUR' THEN '€' ELSE currency END
    FROM (SELECT round(abs(amount), 2)::text AS s) t
$$;

CREATE OR REPLACE FUNCTION estimate_number_es(value numeric) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT replace(trim_scale(value)::text, '.', ',')
$$;

CREATE OR REPLACE FUNCTION estimate_percent(rate numeric) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT estimate_number_es(rate * 100) || ' %'
$$;

-- A short text from outside (the model's item name, the plumber's words for a line) that is plain words,
-- numbers and measures ("tubo cobre 3/4\"", "codo 90º"): no control characters and nothing code-like
-- (";", "`", "\\", "<>", "{}", "[]", "|", "$", SQL comments). Code-like text is broken output, never an item.
CREATE OR REPLACE FUNCTION estimate_plain_text(t text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT t !~ '[[:cntrl:];`\\<>{}\[\]|$]' AND t !~ '--|/\*|\*/'
$$;

-- The item list itself (each item is checked by estimate_fill): a JSON array of 1..max_lines elements, else 22023.
CREATE OR REPLACE FUNCTION estimate_check_item_list(items jsonb, max_lines integer)
RETURNS void LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF items IS NULL OR jsonb_typeof(items) <> 'array' THEN
        RAISE EXCEPTION 'presupuesto no creado: items debe ser una lista JSON (array), no %',
            coalesce(jsonb_typeof(items), 'NULL') USING ERRCODE = '22023',
            HINT = 'Ejemplo: [{"item": "calentador-electrico-150l", "quantity": 1}, {"labour_hours": 3}]';
    END IF;
    IF jsonb_array_length(items) = 0 THEN
        RAISE EXCEPTION 'presupuesto no creado: la lista de items está vacía' USING ERRCODE = '22023';
    END IF;
    IF jsonb_array_length(items) > max_lines THEN
        RAISE EXCEPTION 'presupuesto no creado: % items, el máximo es %', jsonb_array_length(items), max_lines
            USING ERRCODE = '22023';
    END IF;
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Creating an estimate
-- ---------------------------------------------------------------------------------------------------------
-- items: a JSON array (1..max_lines elements) of objects, each one of
--   {"item": "<catalogue code or name/alias as written>", "quantity": <number>, "unit": "<optional>",
--    "shown": "<optional: the line's text in the plumber's own words, used only when the line is a cotizar>"}
--   {"labour_hours": <number>}                       -- hours at the rate estimate_settings.labour_code
--   {"labour_hours": <number>, "item": "<labour code or name>"}   -- hours at another rate (ayudante...)
-- quantity/labour_hours: a JSON number, > 0, at most 3 decimals, at most max_quantity. unit: optional; when
-- given it must be the catalogue unit (synonyms accepted: metros = m, horas = h, unidades = ud), otherwise
-- the line is "a cotizar". No other keys are accepted.
-- An item that matches no active catalogue row (or more than one) becomes a line "a cotizar": no price, not
-- in the totals, listed in the text. Anything malformed raises SQLSTATE 22023 and nothing is stored.
-- Validate the items and price them into estimate p_estimate (its lines are replaced), then its totals.
-- estimate_create() uses it for a new estimate, estimate_revise() (revise.sql) for a new revision of one.
CREATE OR REPLACE FUNCTION estimate_fill(p_estimate bigint, items jsonb)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    s          estimate_settings;
    v_elem     jsonb;
    v_pos      integer := 0;
    v_names    text[] := '{}';
    v_qtys     numeric[] := '{}';
    v_units    text[] := '{}';
    v_name     text;
    v_qty      numeric;
    v_unit     text;
    v_key      text;
    v_raw      jsonb;
    v_where    text;
    v_estimate bigint;
    v_norm     text;
    v_fam      text[];
    v_count    integer;
    v_match    price_catalog;
    v_codes    text;
    v_choices  text[] := '{}';     -- per item: its choices (estimate_match), '' = none left; NULL = not given
    v_shown    text[] := '{}';     -- per item: its text as the plumber wrote it (estimate_match), NULL = not given
    i          integer;
BEGIN
    SELECT * INTO s FROM estimate_settings WHERE id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'presupuesto no creado: falta la fila de estimate_settings' USING ERRCODE = '22023';
    END IF;

    -- 1. Validate everything first: a malformed item never becomes a (wrong) estimate.
    PERFORM estimate_check_item_list(items, s.max_lines);

    FOR v_elem IN SELECT e FROM jsonb_array_elements(items) AS e LOOP
        v_pos := v_pos + 1;
        v_where := format('presupuesto no creado: item %s: ', v_pos);
        IF jsonb_typeof(v_elem) <> 'object' THEN
            RAISE EXCEPTION '%debe ser un objeto JSON, no %', v_where, jsonb_typeof(v_elem) USING ERRCODE = '22023';
        END IF;
        FOR v_key IN SELECT jsonb_object_keys(v_elem) LOOP
            -- ("batch": the flats or rooms a line was counted for, estimate_batched; kept for the revisions that
            -- change one of them, estimate_batch_change; "batch_of": all the units when the job was done in some of
            -- them, est37)
            IF v_key NOT IN ('item', 'quantity', 'unit', 'labour_hours', 'choices', 'shown', 'batch', 'batch_of') THEN
                RAISE EXCEPTION '%clave desconocida "%" (se admiten item, quantity, unit, labour_hours, choices, shown, batch, batch_of)',
                    v_where, left(v_key, 40) USING ERRCODE = '22023';
            END IF;
        END LOOP;

        IF v_elem ? 'batch_of' AND (jsonb_typeof(v_elem -> 'batch_of') <> 'number' OR NOT v_elem ? 'batch'
                                    OR (v_elem ->> 'batch_of')::numeric NOT BETWEEN 1 AND 1000
                                    OR (v_elem ->> 'batch_of')::numeric <> trunc((v_elem ->> 'batch_of')::numeric)) THEN
            RAISE EXCEPTION '%batch_of debe ser un número entero de unidades, junto a batch', v_where USING ERRCODE = '22023';
        END IF;

        -- choices: the catalogue codes the words left open (estimate_match: a kind or size not said); the
        -- line is "a cotizar" and the card asks which. A list of up to 100 codes.
        IF v_elem ? 'choices' AND (jsonb_typeof(v_elem -> 'choices') <> 'array' OR jsonb_array_length(v_elem -> 'choices') > 100
                                   OR EXISTS (SELECT 1 FROM jsonb_array_elements(v_elem -> 'choices') x
                                              WHERE jsonb_typeof(x) <> 'string' OR length(x #>> '{}') > 64)) THEN
            RAISE EXCEPTION '%choices debe ser una lista de códigos del catálogo', v_where USING ERRCODE = '22023';
        END IF;
        IF v_elem ? 'choices' AND (v_elem ? 'labour_hours' OR NOT v_elem ? 'item') THEN
            RAISE EXCEPTION '%choices solo va con item', v_where USING ERRCODE = '22023';
        END IF;
        -- shown: the item's text as the plumber wrote it (estimate_items_as_said), a short plain text; only the
        -- description of a line a cotizar, never what is priced
        IF v_elem ? 'shown' AND (jsonb_typeof(v_elem -> 'shown') <> 'string' OR NOT v_elem ? 'item'
                                 OR length(v_elem ->> 'shown') > 200 OR btrim(v_elem ->> 'shown') = ''
                                 OR NOT estimate_plain_text(v_elem ->> 'shown')) THEN
            RAISE EXCEPTION '%shown debe ser un texto corto sin caracteres especiales, junto a item', v_where USING ERRCODE = '22023';
        END IF;
        IF v_elem ? 'labour_hours' THEN
            IF v_elem ? 'quantity' THEN
                RAISE EXCEPTION '%labour_hours y quantity a la vez', v_where USING ERRCODE = '22023';
            END IF;
            v_raw := v_elem -> 'labour_hours';
            v_name := CASE WHEN v_elem ? 'item' THEN NULL ELSE s.labour_code END;
        ELSE
            IF NOT v_elem ? 'quantity' THEN
                RAISE EXCEPTION '%falta quantity', v_where USING ERRCODE = '22023';
            END IF;
            IF NOT v_elem ? 'item' THEN
                RAISE EXCEPTION '%falta item', v_where USING ERRCODE = '22023';
            END IF;
            v_raw := v_elem -> 'quantity';
            v_name := NULL;
        END IF;

        IF v_name IS NULL THEN
            IF jsonb_typeof(v_elem -> 'item') IS DISTINCT FROM 'string' THEN
                RAISE EXCEPTION '%item debe ser un texto', v_where USING ERRCODE = '22023';
            END IF;
            v_name := btrim(v_elem ->> 'item');
            IF v_name = '' THEN
                RAISE EXCEPTION '%item está vacío', v_where USING ERRCODE = '22023';
            END IF;
            IF length(v_name) > 200 THEN
                RAISE EXCEPTION '%item tiene más de 200 caracteres', v_where USING ERRCODE = '22023';
            END IF;
            -- Plumbing items are words, numbers and measures ("tubo cobre 3/4\"", "codo 90º"); code-like
            -- text is not an item the model identified, it is broken output.
            IF NOT estimate_plain_text(v_name) THEN
                RAISE EXCEPTION '%item con caracteres no válidos: %', v_where, left(v_name, 60) USING ERRCODE = '22023';
            END IF;
        END IF;

        IF jsonb_typeof(v_raw) IS DISTINCT FROM 'number' THEN
            RAISE EXCEPTION '%la cantidad debe ser un número JSON, no %', v_where, left(coalesce(v_raw::text, 'null'), 40)
                USING ERRCODE = '22023';
        END IF;
        v_qty := v_raw::text::numeric;
        IF v_qty <= 0 THEN
            RAISE EXCEPTION '%la cantidad debe ser mayor que 0 (es %)', v_where, v_qty USING ERRCODE = '22023';
        END IF;
        IF v_qty > s.max_quantity THEN
            RAISE EXCEPTION '%cantidad % fuera de rango (máximo %)', v_where, v_qty, trim_scale(s.max_quantity)
                USING ERRCODE = '22023';
        END IF;
        IF scale(v_qty) > 3 AND trim_scale(v_qty) <> round(v_qty, 3) THEN
            RAISE EXCEPTION '%la cantidad % tiene más de 3 decimales', v_where, v_qty USING ERRCODE = '22023';
        END IF;

        v_unit := NULL;
        IF v_elem ? 'unit' AND jsonb_typeof(v_elem -> 'unit') <> 'null' THEN
            IF jsonb_typeof(v_elem -> 'unit') <> 'string' OR length(v_elem ->> 'unit') > 20 THEN
                RAISE EXCEPTION '%unit debe ser un texto corto ("m", "h", "ud")', v_where USING ERRCODE = '22023';
            END IF;
            v_unit := estimate_unit(v_elem ->> 'unit');
        ELSIF v_elem ? 'labour_hours' THEN
            v_unit := 'h';
        END IF;

        v_names := v_names || v_name;
        v_shown := v_shown || btrim(v_elem ->> 'shown');
        v_qtys := v_qtys || v_qty;
        v_units := v_units || v_unit;
        v_choices := v_choices || CASE WHEN v_elem ? 'choices' THEN coalesce((
            SELECT string_agg(c.code, ', ' ORDER BY c.code) FROM price_catalog c
            WHERE c.active AND c.code IN (SELECT x FROM jsonb_array_elements_text(v_elem -> 'choices') x)), '') END;
    END LOOP;

    v_estimate := p_estimate;
    DELETE FROM estimate_lines WHERE estimate_id = v_estimate;

    -- 3. Price each line from the catalogue: by code, else by exact normalised name or alias.
    FOR i IN 1 .. coalesce(array_length(v_names, 1), 0) LOOP
        v_name := v_names[i];
        v_qty := v_qtys[i];
        v_unit := v_units[i];
        v_match := NULL;
        v_codes := NULL;

        SELECT * INTO v_match FROM price_catalog c WHERE c.active AND c.code = lower(v_name);
        IF v_choices[i] IS NOT NULL THEN
            -- the words left a kind or size open: never priced, whatever the text says; its choices listed
            v_count := CASE WHEN v_choices[i] = '' THEN 0 ELSE 2 END;
            v_codes := v_choices[i];
            v_match := NULL;
        ELSIF NOT FOUND THEN
            v_norm := estimate_normalize(v_name);
            SELECT count(*), string_agg(c.code, ', ' ORDER BY c.code) INTO v_count, v_codes
            FROM price_catalog c
            WHERE c.active AND v_norm <> ''
              AND (estimate_normalize(c.name) = v_norm OR v_norm = ANY (estimate_aliases(c.aliases)));
            IF v_count = 1 THEN
                SELECT * INTO v_match FROM price_catalog c WHERE c.code = v_codes;
                -- Sizes are never assumed (match.sql): a name without a size ("llave de paso", "termo") for a
                -- row that states one is "a cotizar" when other rows of that name have other sizes.
                IF estimate_row_size(v_match.name) IS NOT NULL AND NOT estimate_names_size(estimate_words(v_name)) THEN
                    v_fam := estimate_size_family(estimate_words(v_name));
                    IF cardinality(v_fam) > 1 THEN
                        v_count := cardinality(v_fam);   -- a line "a cotizar", its choices listed
                        v_codes := array_to_string(v_fam, ', ');
                    END IF;
                END IF;
            END IF;
        ELSE
            v_count := 1;
        END IF;

        IF v_count = 1 AND (v_unit IS NULL OR v_unit = v_match.unit) THEN
            INSERT INTO estimate_lines (estimate_id, position, requested, catalog_code, description, kind, quantity,
                                        unit, unit_price, line_total, taxable, to_quote, tax_rate)
            VALUES (v_estimate, i, v_name, v_match.code, v_match.name, v_match.kind, v_qty, v_match.unit,
                    v_match.unit_price, round(v_qty * v_match.unit_price, 2), v_match.taxable, false,
                    CASE WHEN v_match.taxable THEN coalesce(v_match.vat_rate, s.tax_rate) END);
        ELSE
            INSERT INTO estimate_lines (estimate_id, position, requested, catalog_code, description, kind, quantity,
                                        unit, unit_price, line_total, taxable, to_quote, note)
            VALUES (v_estimate, i, v_name, CASE WHEN v_count = 1 THEN v_match.code END, coalesce(v_shown[i], v_name),
                    CASE WHEN v_count = 1 THEN v_match.kind END, v_qty, coalesce(v_unit, 'ud'), NULL, NULL, true,
                    true,
                    CASE WHEN v_count = 0 AND v_choices[i] = '' THEN 'no hay en el catálogo una partida del tipo que dice el mensaje'
                         WHEN v_count = 0 THEN 'no está en el catálogo de precios'
                         WHEN v_count > 1 THEN 'varias partidas posibles: ' || (   -- at most 12 named
                             SELECT string_agg(z.name, ', ' ORDER BY z.code)
                                    || CASE WHEN max(z.n) > 12 THEN format(' y %s más', max(z.n) - 12) ELSE '' END
                             FROM (SELECT c.code, c.name, count(*) OVER () AS n, row_number() OVER (ORDER BY c.code) AS k
                                   FROM price_catalog c WHERE c.code = ANY (string_to_array(v_codes, ', '))) z
                             WHERE z.k <= 12)
                             || coalesce('. ' || estimate_choice_question(string_to_array(v_codes, ', ')), '')
                         ELSE format('unidad "%s" distinta de la del catálogo ("%s", %s)', v_unit, v_match.unit, v_match.code)
                    END);
        END IF;
    END LOOP;

    -- 4. Totals, all numeric: each line already rounded to the cent; tax rounded once per IVA rate (on the sum of
    --    that rate's lines), deposit once. With one rate (the usual case) tax = round(taxable_base × rate, 2), and
    --    the estimate's tax_rate is that rate; with several, it stays the settings' rate and estimate_taxes()
    --    lists each one.
    UPDATE estimates e SET
        tax_rate = coalesce(t.single_rate, e.tax_rate),
        subtotal_materials = t.materials,
        subtotal_labour = t.labour,
        subtotal_other = t.other,
        subtotal = t.materials + t.labour + t.other,
        taxable_base = t.taxable,
        tax = t.tax,
        total = t.materials + t.labour + t.other + t.tax,
        deposit = round((t.materials + t.labour + t.other + t.tax) * e.deposit_rate, 2),
        to_quote_count = t.to_quote
    FROM (
        SELECT coalesce(sum(line_total) FILTER (WHERE kind = 'material' AND NOT to_quote), 0) AS materials,
               coalesce(sum(line_total) FILTER (WHERE kind = 'labour' AND NOT to_quote), 0) AS labour,
               coalesce(sum(line_total) FILTER (WHERE kind NOT IN ('material', 'labour') AND NOT to_quote), 0) AS other,
               coalesce(sum(line_total) FILTER (WHERE taxable AND NOT to_quote), 0) AS taxable,
               count(*) FILTER (WHERE to_quote)::integer AS to_quote,
               (SELECT coalesce(sum(round(g.base * g.rate, 2)), 0) FROM (
                    SELECT l.tax_rate AS rate, sum(l.line_total) AS base FROM estimate_lines l
                    WHERE l.estimate_id = v_estimate AND l.taxable AND NOT l.to_quote GROUP BY l.tax_rate) g) AS tax,
               (SELECT CASE WHEN count(DISTINCT l.tax_rate) = 1 THEN min(l.tax_rate) END FROM estimate_lines l
                WHERE l.estimate_id = v_estimate AND l.taxable AND NOT l.to_quote) AS single_rate
        FROM estimate_lines WHERE estimate_id = v_estimate
    ) t
    WHERE e.id = v_estimate;

END
$$;

CREATE OR REPLACE FUNCTION estimate_create(conversation_id text, items jsonb, notes text DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    s          estimate_settings;
    v_year     integer := extract(year FROM current_date)::integer;
    v_seq      integer;
    v_number   text;
    v_estimate bigint;
BEGIN
    SELECT * INTO s FROM estimate_settings WHERE id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'presupuesto no creado: falta la fila de estimate_settings' USING ERRCODE = '22023';
    END IF;

    -- 1. The list itself and the conversation first (each item is checked by estimate_fill, below).
    PERFORM estimate_check_item_list(items, s.max_lines);
    IF conversation_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = estimate_create.conversation_id) THEN
        RAISE EXCEPTION 'presupuesto no creado: la conversación % no existe', conversation_id USING ERRCODE = '22023';
    END IF;

    -- 2. Number it: P-<year>-<nnnn>, consecutive. The counter row is locked until commit.
    INSERT INTO estimate_counters AS c (year, last) VALUES (v_year, 1)
    ON CONFLICT (year) DO UPDATE SET last = c.last + 1
    RETURNING c.last INTO v_seq;
    v_number := 'P-' || v_year || '-' || lpad(v_seq::text, greatest(4, length(v_seq::text)), '0');

    INSERT INTO estimates (number, conversation_id, valid_until, currency, tax_name, tax_rate, deposit_rate, notes)
    VALUES (v_number, estimate_create.conversation_id, current_date + s.validity_days, s.currency, s.tax_name,
            s.tax_rate, s.deposit_rate, nullif(btrim(estimate_create.notes), ''))
    RETURNING id INTO v_estimate;

    -- 3. Validate and price every item (estimate_fill): a malformed item raises 22023 and, as everything runs
    --    in this one statement, no estimate is stored and no number is used up.
    PERFORM estimate_fill(v_estimate, items);
    PERFORM estimate_revision_start(v_estimate, items);   -- revision 1, the conversation's current estimate

    RETURN estimate_json(v_number);
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Reading, rendering, deciding
-- ---------------------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION estimate_find(p_number text) RETURNS estimates
LANGUAGE plpgsql STABLE AS $$
DECLARE
    e estimates;
BEGIN
    SELECT * INTO e FROM estimates WHERE number = upper(btrim(p_number));
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no existe el presupuesto %', p_number USING ERRCODE = 'P0002';
    END IF;
    RETURN e;
END
$$;

-- The IVA of an estimate, one entry per rate, highest first: [{"rate": 0.21, "base": 584.80, "tax": 122.81}].
-- Lines made before per-item IVA carry no rate of their own: their estimate's tax_rate applies.
CREATE OR REPLACE FUNCTION estimate_taxes(p_estimate_id bigint) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object('rate', g.rate, 'base', g.base, 'tax', round(g.base * g.rate, 2))
                              ORDER BY g.rate DESC), '[]'::jsonb)
    FROM (SELECT coalesce(l.tax_rate, e.tax_rate) AS rate, sum(l.line_total) AS base
          FROM estimate_lines l JOIN estimates e ON e.id = l.estimate_id
          WHERE l.estimate_id = p_estimate_id AND l.taxable AND NOT l.to_quote
          GROUP BY 1) g
$$;

-- The estimate as a Spanish plain text for the chat or WhatsApp.
CREATE OR REPLACE FUNCTION estimate_as_text(p_number text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    e     estimates := estimate_find(p_number);
    s     estimate_settings;
    txt   text[] := '{}';
    l     estimate_lines;
    sect  record;
BEGIN
    SELECT * INTO s FROM estimate_settings WHERE id;
    txt := txt || format('PRESUPUESTO %s — %s', e.number, coalesce(s.business_name, 'Remedios'));
    txt := txt || format('Fecha: %s · Válido hasta el %s · Estado: %s',
        to_char(e.created_at, 'DD/MM/YYYY'), to_char(e.valid_until, 'DD/MM/YYYY'),
        CASE e.status WHEN 'draft' THEN 'borrador' WHEN 'sent' THEN 'enviado'
                      WHEN 'accepted' THEN 'aceptado' ELSE 'rechazado' END);

    FOR sect IN
        SELECT * FROM (VALUES (1, 'Materiales', ARRAY['material']),
                              (2, 'Mano de obra', ARRAY['labour']),
                              (3, 'Desplazamiento, retirada y tasas', ARRAY['service_call', 'disposal', 'permit'])) v(o, title, kinds)
        ORDER BY o
    LOOP
        IF EXISTS (SELECT 1 FROM estimate_lines WHERE estimate_id = e.id AND NOT to_quote AND kind = ANY (sect.kinds)) THEN
            txt := txt || ''::text || (sect.title || ':');
            FOR l IN SELECT * FROM estimate_lines
                     WHERE estimate_id = e.id AND NOT to_quote AND kind = ANY (sect.kinds) ORDER BY position LOOP
                txt := txt || format('• %s: %s %s × %s = %s%s', l.description, estimate_number_es(l.quantity), l.unit,
                    estimate_money(l.unit_price, e.currency), estimate_money(l.line_total, e.currency),
                    CASE WHEN NOT l.taxable THEN format(' (sin %s)', e.tax_name) ELSE '' END);
            END LOOP;
        END IF;
    END LOOP;

    IF e.to_quote_count > 0 THEN
        txt := txt || ''::text || 'A COTIZAR (sin precio, no incluido en el total; se confirmará aparte):'::text;
        FOR l IN SELECT * FROM estimate_lines WHERE estimate_id = e.id AND to_quote ORDER BY position LOOP
            -- Several catalogue items fit: name them, so that the plumber can say which one.
            txt := txt || format('• %s: %s %s — a cotizar%s', l.description, estimate_number_es(l.quantity), l.unit,
                                 CASE WHEN l.note LIKE 'varias partidas posibles: %' THEN ' (' || l.note || ')' ELSE '' END);
        END LOOP;
    END IF;

    txt := txt || ''::text;
    IF e.subtotal_materials <> 0 THEN
        txt := txt || ('Subtotal materiales: ' || estimate_money(e.subtotal_materials, e.currency));
    END IF;
    IF e.subtotal_labour <> 0 THEN
        txt := txt || ('Subtotal mano de obra: ' || estimate_money(e.subtotal_labour, e.currency));
    END IF;
    IF e.subtotal_other <> 0 THEN
        txt := txt || ('Subtotal desplazamiento, retirada y tasas: ' || estimate_money(e.subtotal_other, e.currency));
    END IF;
    txt := txt || ('Base imponible: ' || estimate_money(e.taxable_base, e.currency));
    IF jsonb_array_length(estimate_taxes(e.id)) > 1 THEN   -- several IVA rates: each on its own base
        FOR sect IN SELECT (t ->> 'rate')::numeric AS rate, (t ->> 'base')::numeric AS base, (t ->> 'tax')::numeric AS tax
                    FROM jsonb_array_elements(estimate_taxes(e.id)) t LOOP
            txt := txt || format('%s (%s sobre %s): %s', e.tax_name, estimate_percent(sect.rate),
                                 estimate_money(sect.base, e.currency), estimate_money(sect.tax, e.currency));
        END LOOP;
    ELSE
        txt := txt || format('%s (%s): %s', e.tax_name, estimate_percent(e.tax_rate), estimate_money(e.tax, e.currency));
    END IF;
    txt := txt || ('TOTAL: ' || estimate_money(e.total, e.currency)
                   || CASE WHEN e.to_quote_count > 0 THEN ' (más las partidas a cotizar)' ELSE '' END);
    IF e.deposit > 0 THEN
        txt := txt || format('Señal al aceptar (%s): %s', estimate_percent(e.deposit_rate), estimate_money(e.deposit, e.currency));
    END IF;
    IF e.notes IS NOT NULL THEN
        txt := txt || ''::text || ('Notas: ' || e.notes);
    END IF;
    IF coalesce(s.footer, '') <> '' THEN
        txt := txt || ''::text || s.footer;
    END IF;
    RETURN array_to_string(txt, E'\n');
END
$$;

-- The stored estimate as JSON: every column, the lines in order, and the text.
CREATE OR REPLACE FUNCTION estimate_json(p_number text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT to_jsonb(e) - 'id'
        || jsonb_build_object(
            'lines', coalesce((SELECT jsonb_agg(to_jsonb(l) - 'id' - 'estimate_id' ORDER BY l.position)
                               FROM estimate_lines l WHERE l.estimate_id = e.id), '[]'::jsonb),
            'text', estimate_as_text(e.number))
    FROM estimate_find(p_number) e
$$;

-- The estimate as the chat shows it (callback `estimate`, messages.metadata.estimate, history): what the
-- table and the printable page need, the public link, and no secret except inside that link.
-- p_public_url: where customers reach the gateway, e.g. https://remedios.example.com (no trailing slash).
CREATE OR REPLACE FUNCTION estimate_card(p_number text, p_public_url text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'number', e.number, 'status', e.status, 'created_at', e.created_at, 'valid_until', e.valid_until,
        'currency', e.currency, 'tax_name', e.tax_name, 'deposit_rate', e.deposit_rate,
        -- several IVA rates: no single tax_rate; `taxes` has each rate with its base and tax
        'tax_rate', CASE WHEN jsonb_array_length(estimate_taxes(e.id)) > 1 THEN NULL ELSE e.tax_rate END,
        'taxes', estimate_taxes(e.id),
        'subtotal_materials', e.subtotal_materials, 'subtotal_labour', e.subtotal_labour,
        'subtotal_other', e.subtotal_other, 'subtotal', e.subtotal, 'taxable_base', e.taxable_base,
        'tax', e.tax, 'total', e.total, 'deposit', e.deposit, 'to_quote_count', e.to_quote_count,
        'notes', e.notes, 'business_name', s.business_name, 'footer', s.footer,
        'lines', coalesce((SELECT jsonb_agg(jsonb_build_object(
                    'position', l.position, 'description', l.description, 'kind', l.kind,
                    'quantity', l.quantity, 'unit', l.unit, 'unit_price', l.unit_price,
                    'line_total', l.line_total, 'taxable', l.taxable, 'to_quote', l.to_quote, 'note', l.note)
                    ORDER BY l.position)
                FROM estimate_lines l WHERE l.estimate_id = e.id), '[]'::jsonb),
        'url', rtrim(coalesce(p_public_url, ''), '/') || '/presupuestos/' || e.number || '?t=' || e.access_token)
    FROM estimate_find(p_number) e, estimate_settings s
    WHERE s.id
$$;

-- A new estimate and the reply that presents it, in one statement (docs/faults.md: nothing half-stored): the
-- estimate, the reply's text with the customer's link, and the card in the reply's metadata are written together,
-- so a crash leaves all of it or none (before, the card was attached by a second statement: a crash between the
-- two re-sent the reply without its card). If another run already answered the message (messages' unique
-- in_reply_to for answers), the call fails and the estimate goes with it: never two estimates for one message.
CREATE OR REPLACE FUNCTION estimate_reply_store(p_conversation_id text, p_items jsonb, p_channel text,
                                                p_public_url text, p_link_text text, p_safety text,
                                                p_in_reply_to text)
RETURNS TABLE (message_id text, estimate_number text, reply_text text, created_at text, estimate jsonb)
LANGUAGE plpgsql AS $$
DECLARE
    made jsonb := estimate_create(p_conversation_id, p_items, NULL);
    card jsonb;
    v_id text := 'reply:' || gen_random_uuid()::text;
    v_text text;
    v_created timestamptz;
BEGIN
    card := estimate_card(made ->> 'number', p_public_url);
    v_text := concat_ws(E'\n\n', nullif(btrim(coalesce(p_safety, '')), ''), made ->> 'text',
                        coalesce(p_link_text, '') || ' ' || rtrim(coalesce(p_public_url, ''), '/') || '/presupuestos/'
                        || (made ->> 'number') || '?t=' || (made ->> 'access_token'));
    INSERT INTO messages AS m (id, conversation_id, role, channel, text, in_reply_to, status, metadata)
    VALUES (v_id, p_conversation_id, 'assistant', p_channel, v_text, p_in_reply_to, 'ok',
            jsonb_build_object('estimate', card))
    RETURNING m.created_at INTO v_created;
    UPDATE conversations c SET last_message_at = now() WHERE c.id = p_conversation_id;
    RETURN QUERY SELECT v_id, made ->> 'number', v_text,
                        to_char(v_created AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), card;
END
$$;

-- draft -> sent (the workflow calls it once the text has gone to the customer). Sending again is a no-op.
CREATE OR REPLACE FUNCTION estimate_mark_sent(p_number text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    e estimates := estimate_find(p_number);
BEGIN
    IF e.status NOT IN ('draft', 'sent') THEN
        RAISE EXCEPTION 'el presupuesto % ya está %', e.number,
            CASE e.status WHEN 'accepted' THEN 'aceptado' ELSE 'rechazado' END USING ERRCODE = '55000';
    END IF;
    UPDATE estimates SET status = 'sent', sent_at = coalesce(sent_at, now()) WHERE id = e.id;
    RETURN estimate_json(e.number);
END
$$;

-- The customer's decision: accepted | rejected (aceptado | rechazado also understood), only from draft or
-- sent, once. An estimate past its validity date can be rejected but not accepted: make a new one.
CREATE OR REPLACE FUNCTION estimate_decide(p_number text, decision text, note text DEFAULT NULL) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    e   estimates;
    v_d text := CASE lower(btrim(coalesce(decision, '')))
                    WHEN 'accepted' THEN 'accepted' WHEN 'aceptado' THEN 'accepted'
                    WHEN 'rejected' THEN 'rejected' WHEN 'rechazado' THEN 'rejected' END;
BEGIN
    IF v_d IS NULL THEN
        RAISE EXCEPTION 'decisión no válida: % (se admite accepted o rejected)', coalesce(decision, 'NULL')
            USING ERRCODE = '22023';
    END IF;
    e := estimate_find(p_number);
    SELECT * INTO e FROM estimates WHERE id = e.id FOR UPDATE;
    IF e.status NOT IN ('draft', 'sent') THEN
        RAISE EXCEPTION 'el presupuesto % ya está %', e.number,
            CASE e.status WHEN 'accepted' THEN 'aceptado' ELSE 'rechazado' END USING ERRCODE = '55000';
    END IF;
    IF v_d = 'accepted' AND current_date > e.valid_until THEN
        RAISE EXCEPTION 'el presupuesto % caducó el %: no se puede aceptar, haga uno nuevo', e.number,
            to_char(e.valid_until, 'DD/MM/YYYY') USING ERRCODE = '55000';
    END IF;
    UPDATE estimates SET status = v_d, decided_at = now(), decision_note = nullif(btrim(note), '') WHERE id = e.id;
    RETURN estimate_json(e.number);
END
$$;

-- Used by seed.sql: insert or update a seeded catalogue row by code, but never overwrite a row that staff
-- have edited since it was seeded (its content no longer matches what the seed wrote). `active` and `vat_rate`
-- are staff's; `family` is only filled in where it is empty. A row the seed writes carries an example price.
DROP FUNCTION IF EXISTS estimate_seed_item(text, text, text, text, numeric, text, boolean);   -- before `family`
CREATE OR REPLACE FUNCTION estimate_seed_item(
    p_code text, p_family text, p_kind text, p_name text, p_unit text, p_unit_price numeric, p_aliases text,
    p_taxable boolean DEFAULT true
) RETURNS void LANGUAGE sql AS $$
    INSERT INTO price_catalog AS c (code, kind, name, unit, unit_price, aliases, taxable, seed_md5, family, example)
    VALUES (p_code, p_kind, p_name, p_unit, p_unit_price, p_aliases, p_taxable,
            md5(p_kind || chr(31) || p_name || chr(31) || p_unit || chr(31) || p_unit_price::numeric(12,2)::text ||
                chr(31) || p_aliases || chr(31) || p_taxable::text), p_family, true)
    ON CONFLICT (code) DO UPDATE
        SET kind = EXCLUDED.kind, name = EXCLUDED.name, unit = EXCLUDED.unit, unit_price = EXCLUDED.unit_price,
            aliases = EXCLUDED.aliases, taxable = EXCLUDED.taxable, seed_md5 = EXCLUDED.seed_md5, example = true
        WHERE c.seed_md5 IS NOT DISTINCT FROM c.content_md5      -- untouched since the last seed
          AND c.seed_md5 IS DISTINCT FROM EXCLUDED.seed_md5;     -- and the seed really changed
    UPDATE price_catalog SET family = p_family WHERE code = p_code AND family = '' AND p_family <> '';
$$;
