-- Remedios: the customer's printable estimate page (workflow "Remedios · Estimate: customer page",
-- n8n-workflows/workflows/estimate-page.json). Applied after estimates/schema.sql + seed.sql, on every start.
-- Idempotent: safe to run any number of times.
--
-- The page is reached with the link in estimate_card(...)->>'url': /presupuestos/<number>?t=<access_token>.
-- Both functions below look an estimate up by number AND token together, so a wrong or missing token is
-- indistinguishable from an unknown number (the page says "not found" and reveals nothing).
--   SELECT estimate_page($1, $2, $3);            -> jsonb: what the page shows, or NULL (not found)
--   SELECT estimate_page_decide($1, $2, $3, $4, $5, $6); -> jsonb: the outcome of Accept / Reject

-- What the top of the printed estimate shows, besides business_name (estimate_settings, one row):
--   logo_url          an https:// address or a /path on the gateway of a small image; '' = no logo
--   business_details  free text, one item per line: CIF/NIF, address, phone, e-mail
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS logo_url text NOT NULL DEFAULT '';
ALTER TABLE estimate_settings ADD COLUMN IF NOT EXISTS business_details text NOT NULL DEFAULT '';

-- Everything the page needs, with amounts already formatted in Spanish by the same functions as
-- estimate_as_text (so the page, the chat text and the PDF agree to the cent). NULL when the number and the
-- token do not match one estimate.
CREATE OR REPLACE FUNCTION estimate_page(p_number text, p_token text, p_public_url text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT estimate_card(e.number, p_public_url) || jsonb_build_object(
        'status_text', CASE e.status WHEN 'draft' THEN 'borrador' WHEN 'sent' THEN 'enviado'
                                     WHEN 'accepted' THEN 'aceptado' ELSE 'rechazado' END,
        'expired', current_date > e.valid_until,
        'revision', e.revision,                     -- the latest revision (the page always shows it)
        'can_decide', e.status IN ('draft', 'sent') AND current_date <= e.valid_until,
        'created_text', to_char(e.created_at, 'DD/MM/YYYY'),
        'valid_until_text', to_char(e.valid_until, 'DD/MM/YYYY'),
        'decided_text', to_char(e.decided_at, 'DD/MM/YYYY'),
        'decision_note', e.decision_note,
        'logo_url', s.logo_url,
        'business_details', s.business_details,
        'money', jsonb_build_object(
            'subtotal_materials', estimate_money(e.subtotal_materials, e.currency),
            'subtotal_labour', estimate_money(e.subtotal_labour, e.currency),
            'subtotal_other', estimate_money(e.subtotal_other, e.currency),
            'subtotal', estimate_money(e.subtotal, e.currency),
            'taxable_base', estimate_money(e.taxable_base, e.currency),
            'tax', estimate_money(e.tax, e.currency),
            'total', estimate_money(e.total, e.currency),
            'deposit', estimate_money(e.deposit, e.currency),
            -- several IVA rates (per-item IVA): "21 % y 10 %", the tax being their sum
            'tax_rate', CASE WHEN jsonb_array_length(estimate_taxes(e.id)) > 1
                             THEN (SELECT string_agg(estimate_percent((t ->> 'rate')::numeric), ' y ' ORDER BY n)
                                   FROM jsonb_array_elements(estimate_taxes(e.id)) WITH ORDINALITY AS x(t, n))
                             ELSE estimate_percent(e.tax_rate) END,
            'deposit_rate', estimate_percent(e.deposit_rate)),
        'line_texts', coalesce((SELECT jsonb_agg(jsonb_build_object(
                'position', l.position,
                'quantity', estimate_number_es(l.quantity),
                'unit_price', CASE WHEN l.to_quote THEN NULL ELSE estimate_money(l.unit_price, e.currency) END,
                'line_total', CASE WHEN l.to_quote THEN NULL ELSE estimate_money(l.line_total, e.currency) END)
                ORDER BY l.position)
            FROM estimate_lines l WHERE l.estimate_id = e.id), '[]'::jsonb))
    FROM estimates e, estimate_settings s
    WHERE s.id AND e.number = upper(btrim(coalesce(p_number, ''))) AND e.access_token = p_token
$$;

-- The customer's Accept / Reject from the page. The form carries the revision the page showed (`revision`):
-- the plumber may change the estimate while the customer has the page open, and a decision is only about
-- what the customer saw. A decision on another revision than the latest (or with no revision: a page from
-- before the form carried it) is refused as stale and the page comes back with the latest revision, to be
-- read and decided again. The estimate row is locked first, so a revision made at the same time either
-- comes before the check (stale) or waits until the decision is recorded (and is then refused as decided).
-- Never raises for the customer's mistakes; returns
--   {"outcome": "not_found"}                                  number and token do not match
--   {"outcome": "refused", "code", "reason": "<Spanish>", "page": …}  already decided or expired (code 55000),
--                                                          not accepted/rejected (22023), or stale (code
--                                                          'stale', with "revision": the one decided on)
--   {"outcome": "decided", "status", "number", "conversation_id", "card", "page"}
-- where card = estimate_card (what the chat shows) and page = estimate_page after the decision.
DROP FUNCTION IF EXISTS estimate_page_decide(text, text, text, text, text);
CREATE OR REPLACE FUNCTION estimate_page_decide(
    p_number text, p_token text, p_decision text, p_note text, p_public_url text, p_revision text
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    e        estimates;
    v_result jsonb;
    v_seen   integer := CASE WHEN btrim(coalesce(p_revision, '')) ~ '^[0-9]{1,6}$' THEN btrim(p_revision)::integer END;
BEGIN
    SELECT * INTO e FROM estimates
     WHERE number = upper(btrim(coalesce(p_number, ''))) AND access_token = p_token
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('outcome', 'not_found');
    END IF;
    IF e.status IN ('draft', 'sent') AND v_seen IS DISTINCT FROM e.revision THEN
        RETURN jsonb_build_object('outcome', 'refused', 'code', 'stale', 'revision', v_seen,
                                  'reason', format('el presupuesto %s ha cambiado desde que abrió la página (ahora es '
                                                   || 'la revisión %s)', e.number, e.revision),
                                  'page', estimate_page(e.number, p_token, p_public_url));
    END IF;
    BEGIN
        v_result := estimate_decide(e.number, p_decision, left(nullif(btrim(p_note), ''), 1000));
    EXCEPTION WHEN SQLSTATE '55000' OR SQLSTATE '22023' THEN
        RETURN jsonb_build_object('outcome', 'refused', 'code', SQLSTATE, 'reason', SQLERRM,
                                  'page', estimate_page(e.number, p_token, p_public_url));
    END;
    RETURN jsonb_build_object(
        'outcome', 'decided', 'status', v_result ->> 'status', 'number', e.number,
        'conversation_id', e.conversation_id, 'note', v_result ->> 'decision_note',
        'card', estimate_card(e.number, p_public_url),
        'page', estimate_page(e.number, p_token, p_public_url));
END
$$;

-- ------------------------------------------------------------------------------------------ the page's HTML
-- The page's HTML and CSS are a file, n8n-workflows/estimates/page-template.html, that staff or a designer
-- edit as HTML. Every start (devstack: devstack/postgres.py PAGE_TEMPLATES; compose: deploy/postgres/db-init.sh)
-- puts the file into this table with page_template_put, and the workflow's Postgres node "Fill page template"
-- fills it with the values its Code node "Page values" works out (page_template_render, at the end of this file).
-- n8n's nodes cannot read files or the environment (N8N_BLOCK_ENV_ACCESS_IN_NODE=true), so the template
-- travels like the workflows' settings: through Postgres. README.md of this folder, "The customer's page: its HTML".
--
-- A template is checked whenever it is written (the trigger below), with the rules page_template_fill follows
-- (both read it with page_template_tokens):
-- {{name}} (the value, HTML-escaped), {{#name}}…{{/name}}, {{^name}}…{{/name}}, {{! comment }}, {{!-- comment --}};
-- every name must be one of page_template_names(<template>), every block closed. A template that breaks a rule
-- is refused (SQLSTATE 22023, with the file and line), and the one already in the table stays in use.
CREATE TABLE IF NOT EXISTS page_templates (
    name        text PRIMARY KEY,              -- 'estimate-page'
    body        text NOT NULL,                 -- the file's text
    source      text NOT NULL DEFAULT '',      -- where it came from: n8n-workflows/estimates/page-template.html
    sha256      text NOT NULL DEFAULT '',      -- of body (UTF-8), to compare with the file: sha256sum
    updated_at  timestamptz NOT NULL DEFAULT now(),  -- when body last changed
    -- body read into its pieces when written (page_template_tokens), so a page is filled without reading it again
    pieces      text[] NOT NULL DEFAULT '{}',
    tag_kinds   text[] NOT NULL DEFAULT '{}',
    tag_names   text[] NOT NULL DEFAULT '{}'
);

-- The values a template may name. 'estimate-page': what "Page values" gives the template (the list at the top
-- of page-template.html says what each one is). A name added here must be added there too.
CREATE OR REPLACE FUNCTION page_template_names(p_name text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_name WHEN 'estimate-page' THEN ARRAY[
        'title', 'not_found', 'not_found_text', 'estimate',
        'number', 'status', 'status_text', 'business_name', 'business_details', 'logo_url',
        'created_text', 'valid_until_text', 'revision', 'show_revision', 'banner', 'kind', 'text',
        'sections', 'id', 'to_quote', 'lines', 'subtotal_label', 'subtotal',
        'position', 'description', 'untaxed', 'quantity', 'unit', 'price', 'amount',
        'tax_name', 'tax_rate', 'taxable_base', 'tax', 'total', 'has_to_quote', 'show_deposit', 'deposit',
        'deposit_rate', 'notes', 'footer', 'form', 'action', 'token', 'note', 'decided', 'accepted', 'date',
        'expired_text', 'print_hint']
    END
$$;

-- A template read once into its pieces: tag i is (kinds[i], names[i]) at character starts[i] ('!' = a comment);
-- texts[i] is the text before tag i, texts[n + 1] the text after the last one. Raises 22023
-- '<where>, line <n>: …' for "{{" never closed or a tag that is not a placeholder.
CREATE OR REPLACE FUNCTION page_template_tokens(p_body text, p_where text,
                                                OUT texts text[], OUT kinds text[], OUT names text[],
                                                OUT starts integer[])
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v_at    integer := 1;
    v_start integer;
    v_end   integer;
    v_long  boolean;
    v_tag   text;
    v_parts text[];
BEGIN
    texts := '{}'; kinds := '{}'; names := '{}'; starts := '{}';
    LOOP
        v_start := strpos(substr(p_body, v_at), '{{');
        IF v_start = 0 THEN
            texts := texts || substr(p_body, v_at);
            RETURN;
        END IF;
        v_start := v_start + v_at - 1;
        texts := texts || substr(p_body, v_at, v_start - v_at);
        v_long := substr(p_body, v_start, 5) = '{{!--';
        v_end := strpos(substr(p_body, v_start + 2), CASE WHEN v_long THEN '--}}' ELSE '}}' END);
        IF v_end = 0 THEN
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('%s, line %s: "{{" is never closed', p_where,
                page_template_line(p_body, v_start));
        END IF;
        v_end := v_start + 1 + v_end;                       -- where the closing characters start
        v_tag := substr(p_body, v_start + 2, v_end - v_start - 2);
        v_at := v_end + CASE WHEN v_long THEN 4 ELSE 2 END;
        IF left(v_tag, 1) = '!' THEN
            v_parts := ARRAY['!', ''];
        ELSE
            v_parts := regexp_match(v_tag, '^\s*([#^/]?)\s*([a-z_][a-z0-9_]*)\s*$');
        END IF;
        IF v_parts IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format(
                '%s, line %s: {{%s}} is not a placeholder (write {{name}}, {{#name}}…{{/name}} or {{^name}}…{{/name}}; '
                || 'raw HTML cannot be inserted)', p_where, page_template_line(p_body, v_start), v_tag);
        END IF;
        kinds := kinds || v_parts[1];
        names := names || v_parts[2];
        starts := starts || v_start;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION page_template_line(p_body text, p_at integer) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT length(left(p_body, p_at)) - length(replace(left(p_body, p_at), E'\n', '')) + 1
$$;

-- Checks a template; raises 22023 '<source>, line <n>: <what is wrong>' or returns the names it uses.
CREATE OR REPLACE FUNCTION page_template_check(p_name text, p_body text, p_source text DEFAULT '') RETURNS text[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v_known text[] := page_template_names(p_name);
    v_where text := coalesce(nullif(btrim(p_source), ''), 'page template ' || coalesce(p_name, ''));
    t       record;
    v_open  integer[] := '{}';                              -- the tags of the blocks open, innermost last
    v_top   integer;
BEGIN
    IF v_known IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('%s: no page is called %L', v_where, p_name);
    END IF;
    IF btrim(coalesce(p_body, ''), E' \t\r\n') = '' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('%s: the template is empty', v_where);
    END IF;
    SELECT * INTO t FROM page_template_tokens(p_body, v_where);
    FOR i IN 1 .. coalesce(cardinality(t.kinds), 0) LOOP
        CONTINUE WHEN t.kinds[i] = '!';
        IF NOT t.names[i] = ANY (v_known) THEN
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('%s, line %s: {{%s%s}}: the page has no value "%s"',
                v_where, page_template_line(p_body, t.starts[i]), t.kinds[i], t.names[i], t.names[i]);
        END IF;
        IF t.kinds[i] = '/' THEN
            v_top := v_open[cardinality(v_open)];
            IF v_top IS NULL OR t.names[v_top] <> t.names[i] THEN
                RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('%s, line %s: {{/%s}} closes %s', v_where,
                    page_template_line(p_body, t.starts[i]), t.names[i],
                    CASE WHEN v_top IS NULL THEN 'no open block' ELSE '{{' || t.kinds[v_top] || t.names[v_top] || '}}' END);
            END IF;
            v_open := v_open[1:cardinality(v_open) - 1];
        ELSIF t.kinds[i] <> '' THEN
            v_open := v_open || i;
        END IF;
    END LOOP;
    IF cardinality(v_open) > 0 THEN
        v_top := v_open[cardinality(v_open)];
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('%s, line %s: {{%s%s}} is never closed with {{/%s}}',
            v_where, page_template_line(p_body, t.starts[v_top]), t.kinds[v_top], t.names[v_top], t.names[v_top]);
    END IF;
    RETURN ARRAY(SELECT DISTINCT n FROM unnest(t.names) AS n WHERE n <> '' ORDER BY n);
END
$$;

-- Every write (page_template_put, or an UPDATE by hand) is checked; a refused one changes nothing.
CREATE OR REPLACE FUNCTION page_templates_checked() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.body := rtrim(NEW.body, E'\r\n') || E'\n';          -- psql's `cat` drops the final newline: one rule
    PERFORM page_template_check(NEW.name, NEW.body, NEW.source);
    NEW.sha256 := encode(sha256(convert_to(NEW.body, 'UTF8')), 'hex');
    SELECT texts, kinds, names INTO NEW.pieces, NEW.tag_kinds, NEW.tag_names
      FROM page_template_tokens(NEW.body, NEW.source);
    IF TG_OP = 'INSERT' OR NEW.body IS DISTINCT FROM OLD.body THEN
        NEW.updated_at := now();
    ELSE
        NEW.updated_at := OLD.updated_at;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS page_templates_checked ON page_templates;
CREATE TRIGGER page_templates_checked BEFORE INSERT OR UPDATE ON page_templates
    FOR EACH ROW EXECUTE FUNCTION page_templates_checked();

-- What every start calls with the file's text. Returns {"name", "sha256", "changed"}.
CREATE OR REPLACE FUNCTION page_template_put(p_name text, p_body text, p_source text DEFAULT '') RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    v_before text := (SELECT sha256 FROM page_templates WHERE name = p_name);
    v_after  text;
BEGIN
    INSERT INTO page_templates (name, body, source) VALUES (p_name, p_body, coalesce(p_source, ''))
    ON CONFLICT (name) DO UPDATE SET body = EXCLUDED.body, source = EXCLUDED.source
    RETURNING sha256 INTO v_after;
    RETURN jsonb_build_object('name', p_name, 'sha256', v_after, 'changed', v_before IS DISTINCT FROM v_after);
END
$$;

-- Filling a template: what the workflow's Postgres node "Fill page template" calls with the values of its node
-- "Page values" (one JSON object; lists and objects open blocks). The template is read into pieces by the same
-- page_template_tokens the check uses; every {{name}} is HTML-escaped here, and there is no way to insert raw HTML.
CREATE OR REPLACE FUNCTION page_template_escape(p_value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT replace(replace(replace(replace(replace(coalesce(p_value, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
                   '"', '&quot;'), '''', '&#39;')
$$;

-- Tags p_from .. p_to of a template read by page_template_tokens, with the text before p_from and after each,
-- filled with p_scopes (a JSON array of objects, the innermost last: a name is looked up from the last).
CREATE OR REPLACE FUNCTION page_template_fill(p_texts text[], p_kinds text[], p_names text[], p_from integer,
                                              p_to integer, p_scopes jsonb, p_where text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v_out   text := p_texts[p_from];
    i       integer := p_from;
    j       integer;
    v_depth integer;
    v_name  text;
    v_value jsonb;
    v_found boolean;
    v_empty boolean;
    v_item  jsonb;
BEGIN
    WHILE i <= p_to LOOP
        v_name := p_names[i];
        IF p_kinds[i] = '!' THEN
            v_out := v_out || p_texts[i + 1];
            i := i + 1;
            CONTINUE;
        END IF;
        IF p_kinds[i] = '/' THEN
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('%s: {{/%s}} closes no open block', p_where, v_name);
        END IF;
        v_found := false;
        FOR s IN REVERSE jsonb_array_length(p_scopes) - 1 .. 0 LOOP
            IF jsonb_typeof(p_scopes -> s) = 'object' AND (p_scopes -> s) ? v_name THEN
                v_value := p_scopes -> s -> v_name;
                v_found := true;
                EXIT;
            END IF;
        END LOOP;
        IF NOT v_found THEN
            RAISE EXCEPTION USING ERRCODE = '22023',
                MESSAGE = format('%s: {{%s}} is used where the page has no such value', p_where, v_name);
        END IF;
        IF p_kinds[i] = '' THEN
            IF jsonb_typeof(v_value) IN ('object', 'array') THEN
                RAISE EXCEPTION USING ERRCODE = '22023',
                    MESSAGE = format('%s: {{%s}} is a block: use {{#%s}}…{{/%s}}', p_where, v_name, v_name, v_name);
            END IF;
            v_out := v_out || page_template_escape(CASE jsonb_typeof(v_value) WHEN 'string' THEN v_value #>> '{}'
                                                                               WHEN 'null' THEN ''
                                                                               ELSE v_value::text END)
                           || p_texts[i + 1];
            i := i + 1;
            CONTINUE;
        END IF;
        -- a block: from tag i to the {{/name}} that closes it (blocks of the same name may nest)
        v_depth := 1;
        j := i;
        LOOP
            j := j + 1;
            IF j > p_to THEN
                RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('%s: {{%s%s}} is never closed with {{/%s}}',
                    p_where, p_kinds[i], v_name, v_name);
            END IF;
            IF p_names[j] = v_name AND p_kinds[j] IN ('#', '^') THEN
                v_depth := v_depth + 1;
            ELSIF p_names[j] = v_name AND p_kinds[j] = '/' THEN
                v_depth := v_depth - 1;
                EXIT WHEN v_depth = 0;
            END IF;
        END LOOP;
        v_empty := jsonb_typeof(v_value) = 'null' OR v_value IN ('false'::jsonb, '""'::jsonb, '[]'::jsonb);
        IF p_kinds[i] = '^' THEN
            IF v_empty THEN
                v_out := v_out || page_template_fill(p_texts, p_kinds, p_names, i + 1, j - 1, p_scopes, p_where);
            END IF;
        ELSIF NOT v_empty THEN
            IF jsonb_typeof(v_value) = 'array' THEN
                FOR v_item IN SELECT e FROM jsonb_array_elements(v_value) AS e LOOP
                    v_out := v_out || page_template_fill(p_texts, p_kinds, p_names, i + 1, j - 1,
                                                         p_scopes || jsonb_build_array(v_item), p_where);
                END LOOP;
            ELSE
                v_out := v_out || page_template_fill(p_texts, p_kinds, p_names, i + 1, j - 1,
                    CASE WHEN jsonb_typeof(v_value) = 'object' THEN p_scopes || jsonb_build_array(v_value)
                         ELSE p_scopes END, p_where);
            END IF;
        END IF;
        v_out := v_out || p_texts[j + 1];
        i := j + 1;
    END LOOP;
    RETURN v_out;
END
$$;

-- The page: the stored template p_name filled with p_values. No template: an error that says how to load it.
CREATE OR REPLACE FUNCTION page_template_render(p_name text, p_values jsonb) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_template page_templates;
    v_where    text;
    t          record;
BEGIN
    SELECT * INTO v_template FROM page_templates WHERE name = p_name;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'P0002', MESSAGE = format(
            'the page template %L is not in the table page_templates: every start loads it from its file '
            || '(n8n-workflows/estimates/page-template.html; make run, or docker compose up)', p_name);
    END IF;
    IF jsonb_typeof(p_values) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('page %s: the values must be one JSON object', p_name);
    END IF;
    v_where := coalesce(nullif(v_template.source, ''), p_name);
    IF v_template.sha256 = encode(sha256(convert_to(v_template.body, 'UTF8')), 'hex') THEN
        -- read into pieces when it was written (the usual case)
        RETURN page_template_fill(v_template.pieces, v_template.tag_kinds, v_template.tag_names, 1,
                                  cardinality(v_template.tag_kinds), jsonb_build_array(p_values), v_where);
    END IF;
    -- body changed behind the trigger's back: read it now (with the same rules, so a broken one is an error)
    SELECT * INTO t FROM page_template_tokens(v_template.body, v_where);
    RETURN page_template_fill(t.texts, t.kinds, t.names, 1, cardinality(t.kinds), jsonb_build_array(p_values), v_where);
END
$$;
