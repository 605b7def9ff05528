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
