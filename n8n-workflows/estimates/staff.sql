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
