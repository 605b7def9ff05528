-- Remedios estimates: what the staff price form (n8n workflow "Remedios · Prices: staff form") calls.
-- Applied after estimates/schema.sql, on every start. Idempotent.

-- price_catalog_save: create an item or change one, with the values as a web form sends them (text).
-- Empty fields (or "(sin cambiar)") leave the item as it is; a new item needs name, kind, unit and price.
--   p_kind:    material | mano de obra | desplazamiento | retirada | tasa (or the codes labour, service_call...)
--   p_price:   euros before IVA, "149", "149,90" or "149.90"
--   p_aliases: names to ADD, comma separated (to remove one, edit price_catalog.aliases with SQL)
--   p_taxable, p_active: "Sí" | "No"
-- Returns {"action": "creado" | "actualizado", "code", "name", "kind", "unit", "unit_price", "aliases",
-- "taxable", "active", "message"}; a value that cannot be used raises SQLSTATE 22023 with a Spanish message
-- ("no guardado: ...") and nothing changes.
CREATE OR REPLACE FUNCTION price_catalog_save(
    p_code text, p_name text, p_kind text, p_unit text, p_price text, p_aliases text, p_taxable text,
    p_active text
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    v_code    text := lower(btrim(coalesce(p_code, '')));
    v_name    text := nullif(btrim(coalesce(p_name, '')), '');
    v_kind    text := nullif(kb_normalize(replace(coalesce(p_kind, ''), '(sin cambiar)', '')), '');
    v_unit    text := nullif(lower(btrim(replace(coalesce(p_unit, ''), '(sin cambiar)', ''))), '');
    v_price   text := nullif(replace(btrim(coalesce(p_price, '')), ',', '.'), '');
    v_aliases text := nullif(btrim(coalesce(p_aliases, ''), ' ,;'), '');
    v_taxable text := nullif(kb_normalize(replace(coalesce(p_taxable, ''), '(sin cambiar)', '')), '');
    v_active  text := nullif(kb_normalize(replace(coalesce(p_active, ''), '(sin cambiar)', '')), '');
    v_amount  numeric;
    v_row     price_catalog;
    v_action  text;
BEGIN
    IF v_code !~ '^[a-z0-9][a-z0-9-]{0,62}$' THEN
        RAISE EXCEPTION 'no guardado: el código "%" no vale: minúsculas, números y guiones, p. ej. bomba-achique',
            left(v_code, 70) USING ERRCODE = '22023';
    END IF;
    IF v_kind IS NOT NULL THEN
        v_kind := CASE v_kind
            WHEN 'material' THEN 'material'
            WHEN 'mano de obra' THEN 'labour' WHEN 'labour' THEN 'labour'
            WHEN 'desplazamiento' THEN 'service_call' WHEN 'service_call' THEN 'service_call'
            WHEN 'retirada' THEN 'disposal' WHEN 'disposal' THEN 'disposal'
            WHEN 'tasa' THEN 'permit' WHEN 'permit' THEN 'permit' END;
        IF v_kind IS NULL THEN
            RAISE EXCEPTION 'no guardado: tipo "%" desconocido (material, mano de obra, desplazamiento, retirada, tasa)',
                left(p_kind, 40) USING ERRCODE = '22023';
        END IF;
    END IF;
    IF v_unit IS NOT NULL AND v_unit !~ '^[a-z0-9²³/]{1,10}$' THEN
        RAISE EXCEPTION 'no guardado: unidad "%" no válida (ud, m, h...)', left(v_unit, 20) USING ERRCODE = '22023';
    END IF;
    IF v_price IS NOT NULL THEN
        IF v_price !~ '^[0-9]{1,9}([.][0-9]{1,2})?$' THEN
            RAISE EXCEPTION 'no guardado: precio "%" no válido: euros sin IVA, como 149 o 149,90', left(p_price, 20)
                USING ERRCODE = '22023';
        END IF;
        v_amount := v_price::numeric;
    END IF;
    IF v_taxable IS NOT NULL AND v_taxable NOT IN ('si', 'no') THEN
        RAISE EXCEPTION 'no guardado: "¿Lleva IVA?" debe ser Sí o No' USING ERRCODE = '22023';
    END IF;
    IF v_active IS NOT NULL AND v_active NOT IN ('si', 'no') THEN
        RAISE EXCEPTION 'no guardado: "Activo" debe ser Sí o No' USING ERRCODE = '22023';
    END IF;
    IF v_name IS NOT NULL AND length(v_name) > 200 OR v_aliases IS NOT NULL AND length(v_aliases) > 2000 THEN
        RAISE EXCEPTION 'no guardado: nombre (200) o alias (2000 caracteres) demasiado largos' USING ERRCODE = '22023';
    END IF;

    SELECT * INTO v_row FROM price_catalog WHERE code = v_code FOR UPDATE;
    IF FOUND THEN
        UPDATE price_catalog c SET
            name = coalesce(v_name, c.name), kind = coalesce(v_kind, c.kind), unit = coalesce(v_unit, c.unit),
            unit_price = coalesce(v_amount, c.unit_price),
            aliases = CASE WHEN v_aliases IS NULL THEN c.aliases
                           WHEN btrim(c.aliases) = '' THEN v_aliases ELSE c.aliases || ', ' || v_aliases END,
            taxable = coalesce(v_taxable = 'si', c.taxable), active = coalesce(v_active = 'si', c.active)
        WHERE c.code = v_code RETURNING * INTO v_row;
        v_action := 'actualizado';
    ELSE
        IF v_name IS NULL OR v_kind IS NULL OR v_unit IS NULL OR v_amount IS NULL THEN
            RAISE EXCEPTION 'no guardado: "%" no existe; para crearlo hacen falta nombre, tipo, unidad y precio', v_code
                USING ERRCODE = '22023';
        END IF;
        INSERT INTO price_catalog (code, kind, name, unit, unit_price, aliases, taxable, active)
        VALUES (v_code, v_kind, v_name, v_unit, v_amount, coalesce(v_aliases, ''), coalesce(v_taxable = 'si', true),
                coalesce(v_active = 'si', true))
        RETURNING * INTO v_row;
        v_action := 'creado';
    END IF;
    RETURN jsonb_build_object(
        'action', v_action, 'code', v_row.code, 'name', v_row.name, 'kind', v_row.kind, 'unit', v_row.unit,
        'unit_price', v_row.unit_price, 'aliases', v_row.aliases, 'taxable', v_row.taxable, 'active', v_row.active,
        'message', format('Guardado (%s): %s · %s · %s € sin IVA por %s%s%s.', v_action, v_row.code, v_row.name,
                          replace(v_row.unit_price::text, '.', ','), v_row.unit,
                          CASE WHEN v_row.taxable THEN '' ELSE ' · exento de IVA' END,
                          CASE WHEN v_row.active THEN '' ELSE ' · DESACTIVADO (no se presupuesta)' END));
END
$$;

-- ---------------------------------------------------------------------------------------------------------
-- price_catalog_import: a supplier's price list (CSV or XLSX rows, as the workflow "Remedios · Prices:
-- import a price list" reads them) checked against the catalogue, and applied only when staff confirm.
-- ---------------------------------------------------------------------------------------------------------
-- rows: a JSON array of objects, one per row of the file, keyed by the file's column headers as written
-- ("Código", "Descripción", "Precio"... or "code", "description", "price"...), values as text or numbers;
-- "_row" (optional) is the row number in the file, else the position + 1 (the header is row 1).
-- Columns understood (others are listed as not used):
--   code     código, codigo, ref, referencia, sku, code ...          required on every row
--   name     descripción, nombre, denominación, artículo, description  required for a new item
--   unit     unidad, ud, um, unidad de medida, unit                  ud, m, h, kg, l, m², km (metros = m ...)
--   price    precio, pvp, precio unitario, precio sin iva, neto, price euros before IVA: 9,40 · 9.40 · 1.234,56 € · 9,40€
--   vat      iva, % iva, tipo de iva, vat                           21 · 21 % · 0,21 · 10 · 0 / exento (no IVA)
--   family   familia, categoría, grupo, sección, family
--   kind     tipo (material, mano de obra, desplazamiento, retirada, tasa)   new items: material
--   aliases  alias, sinónimos: other names plumbers use, added to the item's
--   active   activo: Sí / No
--   service  servicio, servicios, uso: what the item is for, in the names of estimate_settings.service_words
--            (agua, desague, gas, calefaccion, electricidad) comma separated, or * (any); empty = not said. A new
--            item without it is read as before (no service guard): the preview counts them ("sin servicio").
-- p_apply = false: the preview, nothing changes. p_apply = true: applies everything in one transaction, or
-- nothing at all if any row has an error or, with p_expected (the preview's "fingerprint"), if the changes
-- are no longer the ones previewed (someone edited the catalogue in between).
-- Returns {"applied", "can_apply", "message", "counts", "new", "changed", "unchanged", "errors",
-- "file_errors", "warnings", "columns", "ignored_columns", "fingerprint", "text"}, messages in Spanish.
CREATE OR REPLACE FUNCTION price_catalog_import_column(header text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN h IN ('codigo', 'cod', 'code', 'ref', 'referencia', 'sku', 'codigoarticulo', 'codigodearticulo',
                   'codarticulo', 'codigoproveedor', 'refproveedor', 'referenciaproveedor', 'itemcode') THEN 'code'
        WHEN h IN ('descripcion', 'nombre', 'denominacion', 'articulo', 'producto', 'concepto', 'designacion',
                   'descripcionarticulo', 'description', 'name', 'item') THEN 'name'
        WHEN h IN ('unidad', 'ud', 'uds', 'um', 'unidaddemedida', 'unidadmedida', 'medida', 'unidaddeventa',
                   'unit', 'uom') THEN 'unit'
        WHEN h IN ('precio', 'pvp', 'preciounitario', 'preciosiniva', 'precioneto', 'neto', 'tarifa', 'importe',
                   'coste', 'costo', 'preciosiniva', 'precioeur', 'precioeuros', 'price', 'unitprice', 'netprice')
             THEN 'price'
        WHEN h IN ('iva', 'tipoiva', 'tipodeiva', 'ivaporcentaje', 'porcentajeiva', 'impuesto', 'vat', 'tax',
                   'taxrate', 'vatrate') THEN 'vat'
        WHEN h IN ('familia', 'subfamilia', 'categoria', 'grupo', 'seccion', 'family', 'category', 'group') THEN 'family'
        WHEN h IN ('tipo', 'tipodepartida', 'clase', 'kind') THEN 'kind'
        WHEN h IN ('alias', 'aliases', 'sinonimos', 'otrosnombres') THEN 'aliases'
        WHEN h IN ('activo', 'active', 'alta') THEN 'active'
        WHEN h IN ('servicio', 'servicios', 'service', 'services', 'uso', 'instalacion') THEN 'service'
    END
    FROM (SELECT regexp_replace(kb_normalize(coalesce(header, '')), '[^a-z0-9]', '', 'g') AS h) x
$$;

-- A cell as text: numbers as they are, text trimmed; NULL when empty.
CREATE OR REPLACE FUNCTION price_catalog_import_cell(cell jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT nullif(btrim(CASE jsonb_typeof(cell) WHEN 'string' THEN cell #>> '{}'
                                                WHEN 'number' THEN cell::text
                                                WHEN 'boolean' THEN cell::text END), '')
$$;

-- Euros as a supplier writes them: 9,40 · 9.40 · 1.234,56 · 1,234.56 · 9,40 € · EUR 9.40. A number from a
-- spreadsheet is taken as it is (a float's noise below the cent rounded away). Returns the amount, or NULL
-- and the reason in Spanish.
CREATE OR REPLACE FUNCTION price_catalog_import_amount(cell jsonb, OUT amount numeric, OUT problem text)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    s text := price_catalog_import_cell(cell);
BEGIN
    IF s IS NULL THEN
        RETURN;
    END IF;
    IF jsonb_typeof(cell) = 'number' THEN
        amount := cell::text::numeric;
        IF abs(amount - round(amount, 2)) < 0.000001 THEN
            amount := round(amount, 2);
        END IF;
    ELSE
        s := regexp_replace(s, '(€|eur(os?)?)', '', 'gi');
        s := regexp_replace(s, '\s', '', 'g');
        IF s ~ '^-?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?$' THEN           -- 1.234,56 (Spain)
            s := replace(replace(s, '.', ''), ',', '.');
        ELSIF s ~ '^-?[0-9]{1,3}(,[0-9]{3})+[.][0-9]+$' THEN           -- 1,234.56
            s := replace(s, ',', '');
        ELSIF s ~ '^-?[0-9]+,[0-9]+$' THEN                             -- 9,40
            s := replace(s, ',', '.');
        ELSIF s !~ '^-?[0-9]+([.][0-9]+)?$' THEN                       -- 9.40, 12
            problem := format('el precio «%s» no es un número (escriba euros sin IVA, como 9,40)',
                              left(price_catalog_import_cell(cell), 40));
            RETURN;
        END IF;
        amount := s::numeric;
    END IF;
    IF amount < 0 THEN
        problem := format('el precio «%s» es negativo', left(price_catalog_import_cell(cell), 40));
        amount := NULL;
    ELSIF trim_scale(amount) <> round(amount, 2) THEN
        problem := format('el precio «%s» tiene más de 2 decimales: redondéelo al céntimo',
                          left(price_catalog_import_cell(cell), 40));
        amount := NULL;
    ELSIF amount >= 1000000000 THEN
        problem := format('el precio «%s» es demasiado alto', left(price_catalog_import_cell(cell), 40));
        amount := NULL;
    ELSE
        amount := round(amount, 2);
    END IF;
END
$$;

-- IVA as a supplier writes it: 21 · 21 % · 0,21 · 10 · 4 · 0 · exento. Returns the rate as a fraction (0.21).
CREATE OR REPLACE FUNCTION price_catalog_import_rate(cell jsonb, OUT rate numeric, OUT problem text)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    s text := lower(replace(coalesce(price_catalog_import_cell(cell), ''), ' ', ''));
BEGIN
    IF s = '' THEN
        RETURN;
    END IF;
    IF s IN ('exento', 'exenta', 'siniva', 'no', 'n/a', '-') THEN
        rate := 0;
        RETURN;
    END IF;
    s := replace(replace(s, '%', ''), ',', '.');
    IF s !~ '^[0-9]+([.][0-9]+)?$' THEN
        problem := format('el IVA «%s» no es un porcentaje (21, 10, 4, 0...)', left(price_catalog_import_cell(cell), 20));
        RETURN;
    END IF;
    rate := s::numeric;
    IF rate >= 1 THEN
        rate := rate / 100;    -- 21 = 21 %; a spreadsheet's 21 % cell is 0.21 already
    END IF;
    IF rate >= 1 OR trim_scale(rate) <> round(rate, 4) THEN
        problem := format('el IVA «%s» no es un porcentaje válido', left(price_catalog_import_cell(cell), 20));
        rate := NULL;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION price_catalog_import(rows jsonb, p_apply boolean DEFAULT false, p_expected text DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    s            estimate_settings;
    v_columns    jsonb := '{}';     -- header as written -> field
    v_ignored    text[] := '{}';
    v_file_errors text[] := '{}';
    v_errors     jsonb := '[]';
    v_new        jsonb := '[]';
    v_changed    jsonb := '[]';
    v_unchanged  jsonb := '[]';
    v_warnings   jsonb := '[]';
    v_plan       jsonb := '[]';     -- what applying does, row by row
    v_empty      integer := 0;
    v_seen       jsonb := '{}';     -- code -> row where first seen
    v_row        jsonb;
    v_pos        integer := 0;
    v_rownum     integer;
    v_key        text;
    v_field      text;
    f            jsonb;             -- field -> cell
    v_problems   text[];
    v_code       text;
    v_name       text;
    v_unit       text;
    v_family     text;
    v_kind       text;
    v_aliases    text[];
    v_active     text;
    v_amount     numeric;
    v_rate       numeric;
    v_taxable    boolean;
    v_vat        numeric;
    v_problem    text;
    v_old        price_catalog;
    v_changes    jsonb;
    v_add        text[];
    v_item       jsonb;
    v_fingerprint text;
    v_applied    boolean := false;
    v_message    text;
    v_text       text[] := '{}';
    v_counts     jsonb;
    v_clash      text;
    v_service    text;
    v_services   text[];            -- the service names staff set in estimate_settings.service_words, and '*'
    v_unknown    text[];
    x            jsonb;
BEGIN
    SELECT * INTO s FROM estimate_settings WHERE id;
    v_services := (SELECT coalesce(array_agg(DISTINCT sp.service), '{}') FROM estimate_service_phrases(s.service_words) sp) || '*'::text;
    IF rows IS NULL OR jsonb_typeof(rows) <> 'array' THEN
        RAISE EXCEPTION 'importación no válida: se esperaba una lista de filas (JSON array)' USING ERRCODE = '22023';
    END IF;
    IF jsonb_array_length(rows) > 5000 THEN
        v_file_errors := v_file_errors || format('el archivo tiene %s filas; el máximo es 5000: divídalo en partes',
                                                 jsonb_array_length(rows));
    END IF;
    IF p_apply THEN   -- nobody else changes the catalogue while this runs (readers are not blocked)
        LOCK TABLE price_catalog IN SHARE ROW EXCLUSIVE MODE;
    END IF;

    -- The columns: every header seen in any row, mapped to a field (or not used).
    FOR v_key IN SELECT DISTINCT k FROM jsonb_array_elements(rows) r, jsonb_object_keys(r) k
                 WHERE jsonb_typeof(r) = 'object' AND k <> '_row' ORDER BY k LOOP
        v_field := price_catalog_import_column(v_key);
        IF v_field IS NULL THEN
            v_ignored := v_ignored || v_key;
        ELSIF EXISTS (SELECT 1 FROM jsonb_each_text(v_columns) c WHERE c.value = v_field) THEN
            v_file_errors := v_file_errors || format('dos columnas dicen lo mismo («%s» y «%s»): deje solo una', v_key,
                (SELECT c.key FROM jsonb_each_text(v_columns) c WHERE c.value = v_field));
        ELSE
            v_columns := v_columns || jsonb_build_object(v_key, v_field);
        END IF;
    END LOOP;
    IF NOT EXISTS (SELECT 1 FROM jsonb_each_text(v_columns) c WHERE c.value = 'code') THEN
        v_file_errors := v_file_errors || 'falta la columna del código (Código, Referencia, Ref...)'::text;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM jsonb_each_text(v_columns) c WHERE c.value = 'price') THEN
        v_file_errors := v_file_errors || 'falta la columna del precio (Precio, PVP, Precio sin IVA...)'::text;
    END IF;

    FOR v_row IN SELECT r FROM jsonb_array_elements(rows) r LOOP
        EXIT WHEN cardinality(v_file_errors) > 0;
        v_pos := v_pos + 1;
        v_rownum := CASE WHEN jsonb_typeof(v_row) = 'object' AND jsonb_typeof(v_row -> '_row') = 'number'
                         THEN (v_row ->> '_row')::numeric::integer ELSE v_pos + 1 END;
        IF jsonb_typeof(v_row) <> 'object' THEN
            v_errors := v_errors || jsonb_build_object('row', v_rownum, 'reason', 'la fila no tiene columnas');
            CONTINUE;
        END IF;
        -- field -> cell, from the columns understood
        SELECT coalesce(jsonb_object_agg(c.value, v_row -> c.key), '{}') INTO f
        FROM jsonb_each_text(v_columns) c WHERE v_row ? c.key;
        IF NOT EXISTS (SELECT 1 FROM jsonb_each(f) e WHERE price_catalog_import_cell(e.value) IS NOT NULL) THEN
            v_empty := v_empty + 1;   -- an empty row: nothing to do
            CONTINUE;
        END IF;
        v_problems := '{}';

        -- code
        v_code := trim(BOTH '-' FROM regexp_replace(kb_normalize(coalesce(price_catalog_import_cell(f -> 'code'), '')),
                                                    '[^a-z0-9]+', '-', 'g'));
        IF v_code = '' THEN
            v_problems := v_problems || 'falta el código'::text;
        ELSIF v_code !~ '^[a-z0-9][a-z0-9-]{0,62}$' THEN
            v_problems := v_problems || format('el código «%s» es demasiado largo (máximo 63 caracteres)',
                                               left(price_catalog_import_cell(f -> 'code'), 70));
        ELSIF v_seen ? v_code THEN
            v_problems := v_problems || format('el código «%s» está repetido (ya está en la fila %s)',
                                               price_catalog_import_cell(f -> 'code'), v_seen ->> v_code);
        END IF;
        IF v_code <> '' AND NOT v_seen ? v_code THEN
            v_seen := v_seen || jsonb_build_object(v_code, v_rownum);
        END IF;
        SELECT * INTO v_old FROM price_catalog WHERE code = v_code;

        -- name
        v_name := price_catalog_import_cell(f -> 'name');
        IF v_name IS NOT NULL AND length(v_name) > 200 THEN
            v_problems := v_problems || 'la descripción tiene más de 200 caracteres'::text;
        ELSIF v_name IS NULL AND v_old.code IS NULL THEN
            v_problems := v_problems || 'falta la descripción (hace falta para una partida nueva)'::text;
        END IF;
        IF v_name ~ '[[:cntrl:]]' THEN
            v_name := regexp_replace(v_name, '[[:cntrl:]]+', ' ', 'g');
        END IF;

        -- price
        SELECT a.amount, a.problem INTO v_amount, v_problem FROM price_catalog_import_amount(f -> 'price') a;
        IF v_problem IS NOT NULL THEN
            v_problems := v_problems || v_problem;
        ELSIF v_amount IS NULL THEN
            v_problems := v_problems || 'falta el precio'::text;
        END IF;

        -- unit
        v_unit := lower(price_catalog_import_cell(f -> 'unit'));
        IF v_unit IS NOT NULL THEN
            v_unit := estimate_unit(v_unit);
            v_unit := CASE WHEN v_unit IN ('litro', 'litros', 'lt', 'lts') THEN 'l'
                           WHEN v_unit IN ('kilo', 'kilos', 'kgs', 'kilogramo', 'kilogramos') THEN 'kg'
                           WHEN v_unit IN ('m2', 'metro cuadrado', 'metros cuadrados') THEN 'm²'
                           WHEN v_unit IN ('m3', 'metro cubico', 'metros cubicos') THEN 'm³'
                           WHEN v_unit IN ('kilometro', 'kilometros') THEN 'km'
                           ELSE v_unit END;
            IF v_unit !~ '^[a-z0-9²³/]{1,10}$' THEN
                v_problems := v_problems || format('la unidad «%s» no vale (ud, m, h, kg, l, m²...)',
                                                   left(price_catalog_import_cell(f -> 'unit'), 20));
            END IF;
        END IF;

        -- IVA
        SELECT r.rate, r.problem INTO v_rate, v_problem FROM price_catalog_import_rate(f -> 'vat') r;
        IF v_problem IS NOT NULL THEN
            v_problems := v_problems || v_problem;
        END IF;
        v_taxable := CASE WHEN v_rate IS NULL THEN NULL ELSE v_rate > 0 END;
        v_vat := CASE WHEN v_rate IS NULL OR v_rate = 0 OR v_rate = s.tax_rate THEN NULL ELSE v_rate END;

        -- family, kind, aliases, active
        v_family := price_catalog_import_cell(f -> 'family');
        IF length(v_family) > 80 THEN
            v_problems := v_problems || 'la familia tiene más de 80 caracteres'::text;
        END IF;
        v_kind := kb_normalize(coalesce(price_catalog_import_cell(f -> 'kind'), ''));
        v_kind := CASE WHEN v_kind = '' THEN NULL
                       WHEN v_kind IN ('material', 'materiales') THEN 'material'
                       WHEN v_kind IN ('mano de obra', 'labour', 'labor') THEN 'labour'
                       WHEN v_kind IN ('desplazamiento', 'service_call', 'salida') THEN 'service_call'
                       WHEN v_kind IN ('retirada', 'disposal', 'residuos') THEN 'disposal'
                       WHEN v_kind IN ('tasa', 'permit', 'tasas') THEN 'permit'
                       ELSE '?' END;
        IF v_kind = '?' THEN
            v_problems := v_problems || format('el tipo «%s» no existe (material, mano de obra, desplazamiento, retirada, tasa)',
                                               left(price_catalog_import_cell(f -> 'kind'), 30));
        END IF;
        v_aliases := (SELECT coalesce(array_agg(btrim(a)) FILTER (WHERE btrim(a) <> ''), '{}')
                      FROM regexp_split_to_table(coalesce(price_catalog_import_cell(f -> 'aliases'), ''), '[,;\n]') a);
        IF length(array_to_string(v_aliases, ', ')) > 2000 THEN
            v_problems := v_problems || 'los alias tienen más de 2000 caracteres'::text;
        END IF;
        v_active := kb_normalize(coalesce(price_catalog_import_cell(f -> 'active'), ''));
        IF v_active NOT IN ('', 'si', 'no', 'true', 'false', '1', '0', 's', 'n') THEN
            v_problems := v_problems || format('«Activo» debe ser Sí o No, no «%s»', left(price_catalog_import_cell(f -> 'active'), 20));
        END IF;
        v_active := CASE WHEN v_active IN ('si', 'true', '1', 's') THEN 'si' WHEN v_active IN ('no', 'false', '0', 'n') THEN 'no' END;
        -- service: names of estimate_settings.service_words ("Agua, Gas", "desagüe"), or * ; NULL = not in the file
        v_service := price_catalog_import_cell(f -> 'service');
        IF v_service IS NOT NULL THEN
            v_unknown := ARRAY(SELECT x2 FROM unnest(estimate_service_list(v_service)) x2 WHERE NOT x2 = ANY (v_services));
            IF cardinality(v_unknown) > 0 THEN
                v_problems := v_problems || format('el servicio «%s» no existe (%s)', array_to_string(v_unknown, ', '),
                                                   array_to_string(v_services, ', '));
            END IF;
            v_service := array_to_string(estimate_service_list(v_service), ', ');
            IF length(v_service) > 200 THEN
                v_problems := v_problems || 'el servicio tiene más de 200 caracteres'::text;
            END IF;
        END IF;

        IF cardinality(v_problems) > 0 THEN
            v_errors := v_errors || jsonb_build_object('row', v_rownum, 'code', nullif(v_code, ''),
                                                       'reason', array_to_string(v_problems, '; '));
            CONTINUE;
        END IF;

        IF v_old.code IS NULL THEN
            v_item := jsonb_build_object(
                'row', v_rownum, 'code', v_code, 'name', btrim(v_name), 'kind', coalesce(v_kind, 'material'),
                'unit', coalesce(v_unit, 'ud'), 'unit_price', v_amount, 'taxable', coalesce(v_taxable, true),
                'vat_rate', v_vat, 'family', coalesce(v_family, ''), 'aliases', array_to_string(v_aliases, ', '),
                'active', coalesce(v_active, 'si') = 'si', 'service', coalesce(v_service, ''),
                'price_text', estimate_money(v_amount), 'vat_text',
                CASE WHEN NOT coalesce(v_taxable, true) THEN 'sin IVA'
                     ELSE 'IVA ' || estimate_percent(coalesce(v_vat, s.tax_rate)) END);
            IF price_catalog_import_cell(f -> 'code') IS DISTINCT FROM v_code THEN
                v_item := v_item || jsonb_build_object('code_as_written', price_catalog_import_cell(f -> 'code'));
            END IF;
            -- the same name as an item already in the catalogue: estimates would not know which one to price
            SELECT string_agg(DISTINCT p.code, ', ') INTO v_clash FROM estimate_phrase_cache p
            WHERE p.phrase = estimate_words(v_name) AND p.code <> v_code;
            IF v_clash IS NOT NULL THEN
                v_warnings := v_warnings || jsonb_build_object('row', v_rownum, 'code', v_code, 'reason',
                    format('«%s» se llama igual que %s: un presupuesto no sabrá cuál usar (use ese código en el archivo, o desactive uno)',
                           btrim(v_name), v_clash));
            END IF;
            v_new := v_new || v_item;
            v_plan := v_plan || (v_item || '{"action": "insert"}');
            CONTINUE;
        END IF;

        -- an item already in the catalogue: what changes
        v_changes := '[]';
        IF v_name IS NOT NULL AND btrim(v_name) <> v_old.name THEN
            v_changes := v_changes || jsonb_build_object('field', 'nombre', 'from', v_old.name, 'to', btrim(v_name));
        END IF;
        IF v_amount <> v_old.unit_price THEN
            v_changes := v_changes || jsonb_build_object('field', 'precio', 'from', estimate_money(v_old.unit_price),
                                                         'to', estimate_money(v_amount));
            IF v_old.unit_price > 0 AND (v_amount > v_old.unit_price * 5 OR v_amount * 5 < v_old.unit_price) THEN
                v_warnings := v_warnings || jsonb_build_object('row', v_rownum, 'code', v_code, 'reason',
                    format('el precio de %s cambia mucho (%s → %s): compruebe la coma de los decimales', v_code,
                           estimate_money(v_old.unit_price), estimate_money(v_amount)));
            END IF;
        END IF;
        IF v_unit IS NOT NULL AND v_unit <> v_old.unit THEN
            v_changes := v_changes || jsonb_build_object('field', 'unidad', 'from', v_old.unit, 'to', v_unit);
        END IF;
        IF v_rate IS NOT NULL AND (v_taxable IS DISTINCT FROM v_old.taxable
                                   OR (v_taxable AND coalesce(v_vat, s.tax_rate) <> coalesce(v_old.vat_rate, s.tax_rate))) THEN
            v_changes := v_changes || jsonb_build_object('field', 'IVA',
                'from', CASE WHEN NOT v_old.taxable THEN 'sin IVA' ELSE estimate_percent(coalesce(v_old.vat_rate, s.tax_rate)) END,
                'to', CASE WHEN NOT v_taxable THEN 'sin IVA' ELSE estimate_percent(coalesce(v_vat, s.tax_rate)) END);
        END IF;
        IF v_family IS NOT NULL AND v_family <> v_old.family THEN
            v_changes := v_changes || jsonb_build_object('field', 'familia', 'from', v_old.family, 'to', v_family);
        END IF;
        IF v_kind IS NOT NULL AND v_kind <> v_old.kind THEN
            v_changes := v_changes || jsonb_build_object('field', 'tipo', 'from', v_old.kind, 'to', v_kind);
        END IF;
        v_add := (SELECT coalesce(array_agg(a), '{}') FROM unnest(v_aliases) a
                  WHERE estimate_normalize(a) <> ALL (estimate_aliases(v_old.aliases)));
        IF cardinality(v_add) > 0 THEN
            v_changes := v_changes || jsonb_build_object('field', 'alias', 'from', '', 'to', array_to_string(v_add, ', '));
        END IF;
        IF v_service IS NOT NULL AND v_service <> v_old.service THEN
            v_changes := v_changes || jsonb_build_object('field', 'servicio', 'from', v_old.service, 'to', v_service);
        END IF;
        IF v_active IS NOT NULL AND (v_active = 'si') <> v_old.active THEN
            v_changes := v_changes || jsonb_build_object('field', 'activo', 'from', CASE WHEN v_old.active THEN 'Sí' ELSE 'No' END,
                                                         'to', CASE WHEN v_active = 'si' THEN 'Sí' ELSE 'No' END);
        END IF;
        IF jsonb_array_length(v_changes) = 0 THEN
            v_unchanged := v_unchanged || jsonb_build_object('row', v_rownum, 'code', v_code);
            CONTINUE;
        END IF;
        v_item := jsonb_build_object('row', v_rownum, 'code', v_code, 'name', coalesce(btrim(v_name), v_old.name),
                                     'changes', v_changes);
        v_changed := v_changed || v_item;
        v_plan := v_plan || jsonb_build_object(
            'action', 'update', 'code', v_code, 'name', btrim(v_name), 'unit_price', v_amount, 'unit', v_unit,
            'set_vat', v_rate IS NOT NULL, 'taxable', v_taxable, 'vat_rate', v_vat, 'family', v_family,
            'kind', v_kind, 'aliases', array_to_string(v_add, ', '), 'active', v_active, 'service', v_service);
    END LOOP;

    v_fingerprint := md5(v_plan::text);
    v_counts := jsonb_build_object('rows', jsonb_array_length(rows), 'new', jsonb_array_length(v_new),
                                   'changed', jsonb_array_length(v_changed), 'unchanged', jsonb_array_length(v_unchanged),
                                   'errors', jsonb_array_length(v_errors), 'empty', v_empty,
                                   'new_without_service', (SELECT count(*) FROM jsonb_array_elements(v_new) e
                                                           WHERE e ->> 'service' = ''));

    IF cardinality(v_file_errors) > 0 THEN
        v_message := 'No se puede leer la tarifa: ' || array_to_string(v_file_errors, '; ') || '. No se ha cambiado nada.';
    ELSIF jsonb_array_length(v_errors) > 0 THEN
        v_message := format('%s con errores: %s. No se %s nada; corríjalas en el archivo y vuelva a subirlo.',
            CASE WHEN jsonb_array_length(v_errors) = 1 THEN '1 fila' ELSE jsonb_array_length(v_errors) || ' filas' END,
            (SELECT string_agg(format('fila %s: %s', e ->> 'row', e ->> 'reason'), '; ')
             FROM (SELECT e FROM jsonb_array_elements(v_errors) e LIMIT 3) x(e))
            || CASE WHEN jsonb_array_length(v_errors) > 3 THEN '…' ELSE '' END,
            CASE WHEN p_apply THEN 'ha aplicado' ELSE 'aplicará' END);
    ELSIF jsonb_array_length(v_plan) = 0 THEN
        v_message := 'No hay nada que cambiar: todas las filas coinciden con el catálogo.';
    ELSIF p_apply AND p_expected IS NOT NULL AND p_expected <> v_fingerprint THEN
        v_message := 'No se ha aplicado nada: el catálogo ha cambiado desde la vista previa (alguien lo ha editado). '
                     'Vuelva a subir el archivo para ver los cambios de nuevo.';
    ELSIF p_apply THEN
        FOR x IN SELECT e FROM jsonb_array_elements(v_plan) e LOOP
            IF x ->> 'action' = 'insert' THEN
                INSERT INTO price_catalog (code, kind, name, unit, unit_price, aliases, taxable, vat_rate, family, active,
                                           service)
                VALUES (x ->> 'code', x ->> 'kind', x ->> 'name', x ->> 'unit', (x ->> 'unit_price')::numeric,
                        x ->> 'aliases', (x ->> 'taxable')::boolean, (x ->> 'vat_rate')::numeric, x ->> 'family',
                        (x ->> 'active')::boolean, coalesce(x ->> 'service', ''));
            ELSE
                UPDATE price_catalog c SET
                    name = coalesce(x ->> 'name', c.name),
                    unit_price = coalesce((x ->> 'unit_price')::numeric, c.unit_price),
                    unit = coalesce(x ->> 'unit', c.unit),
                    taxable = CASE WHEN (x ->> 'set_vat')::boolean THEN (x ->> 'taxable')::boolean ELSE c.taxable END,
                    vat_rate = CASE WHEN (x ->> 'set_vat')::boolean THEN (x ->> 'vat_rate')::numeric ELSE c.vat_rate END,
                    family = coalesce(x ->> 'family', c.family),
                    kind = coalesce(x ->> 'kind', c.kind),
                    aliases = CASE WHEN coalesce(x ->> 'aliases', '') = '' THEN c.aliases
                                   WHEN btrim(c.aliases) = '' THEN x ->> 'aliases'
                                   ELSE c.aliases || ', ' || (x ->> 'aliases') END,
                    active = CASE WHEN x ->> 'active' IS NULL THEN c.active ELSE x ->> 'active' = 'si' END,
                    service = coalesce(x ->> 'service', c.service)
                WHERE c.code = x ->> 'code';
            END IF;
        END LOOP;
        v_applied := true;
        v_message := format('Aplicado: %s nueva(s) y %s cambiada(s); %s sin cambios. Valen para el siguiente presupuesto.',
                            jsonb_array_length(v_new), jsonb_array_length(v_changed), jsonb_array_length(v_unchanged));
    ELSE
        v_message := format('Vista previa: %s partida(s) nueva(s), %s con cambios y %s sin cambios. Nada cambia hasta que lo confirme.',
                            jsonb_array_length(v_new), jsonb_array_length(v_changed), jsonb_array_length(v_unchanged));
    END IF;

    -- New items that say no service are priced without the service guard (an item said of gas could be priced
    -- with a water row of the same name): said once in the preview, not per row, so a list without the column is
    -- not noise.
    IF NOT p_apply AND (v_counts ->> 'new_without_service')::int > 0 AND cardinality(v_file_errors) = 0
       AND jsonb_array_length(v_errors) = 0 AND jsonb_array_length(v_plan) > 0 THEN
        v_message := v_message || format(' %s partida(s) nueva(s) sin servicio (columna «Servicio»: %s): se presupuestan sin '
                                         'comprobar para qué instalación son.', v_counts ->> 'new_without_service',
                                         array_to_string(v_services, ', '));
    END IF;

    -- The same, as plain Spanish text (SQL users; the form builds a table from the lists).
    v_text := v_text || v_message;
    IF jsonb_array_length(v_errors) > 0 THEN
        v_text := v_text || ''::text || 'Filas con errores:'::text;
        v_text := v_text || (SELECT array_agg(format('  fila %s: %s', e ->> 'row', e ->> 'reason')) FROM jsonb_array_elements(v_errors) e);
    END IF;
    IF jsonb_array_length(v_new) > 0 THEN
        v_text := v_text || ''::text || 'Nuevas:'::text;
        v_text := v_text || (SELECT array_agg(format('  fila %s · %s · %s · %s · %s · %s%s', e ->> 'row', e ->> 'code',
                                     e ->> 'name', e ->> 'unit', e ->> 'price_text', e ->> 'vat_text',
                                     CASE WHEN e ->> 'family' <> '' THEN ' · ' || (e ->> 'family') ELSE '' END))
                             FROM jsonb_array_elements(v_new) e);
    END IF;
    IF jsonb_array_length(v_changed) > 0 THEN
        v_text := v_text || ''::text || 'Cambios:'::text;
        v_text := v_text || (SELECT array_agg(format('  fila %s · %s · %s: %s', e ->> 'row', e ->> 'code', e ->> 'name',
                                     (SELECT string_agg(format('%s %s → %s', c ->> 'field', coalesce(nullif(c ->> 'from', ''), '—'),
                                                               c ->> 'to'), '; ')
                                      FROM jsonb_array_elements(e -> 'changes') c)))
                             FROM jsonb_array_elements(v_changed) e);
    END IF;
    IF jsonb_array_length(v_warnings) > 0 THEN
        v_text := v_text || ''::text || 'Avisos:'::text;
        v_text := v_text || (SELECT array_agg(format('  fila %s: %s', e ->> 'row', e ->> 'reason')) FROM jsonb_array_elements(v_warnings) e);
    END IF;
    IF cardinality(v_ignored) > 0 THEN
        v_text := v_text || ''::text || ('Columnas no usadas: ' || array_to_string(v_ignored, ', '));
    END IF;

    RETURN jsonb_build_object(
        'applied', v_applied,
        'can_apply', cardinality(v_file_errors) = 0 AND jsonb_array_length(v_errors) = 0 AND jsonb_array_length(v_plan) > 0
                     AND NOT v_applied,
        'message', v_message, 'counts', v_counts, 'new', v_new, 'changed', v_changed, 'unchanged', v_unchanged,
        'errors', v_errors, 'file_errors', to_jsonb(v_file_errors), 'warnings', v_warnings, 'columns', v_columns,
        'ignored_columns', to_jsonb(v_ignored), 'fingerprint', v_fingerprint,
        'text', array_to_string(v_text, E'\n'));
END
$$;
