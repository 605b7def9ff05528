-- Remedios: notifications to the business's staff (workflow "Remedios · Staff: notify",
-- n8n-workflows/workflows/notify-staff.json, called by the other workflows). Applied on every start,
-- after schema.sql and estimates/. Idempotent: safe to run any number of times.
--
-- Every notification is a row here, whether or not an e-mail went out, so staff can always see what
-- happened (README.md, "Staff notifications"):
--   SELECT created_at, kind, estimate_number, summary, email_status, email_error
--     FROM staff_notifications ORDER BY created_at DESC LIMIT 50;

CREATE TABLE IF NOT EXISTS staff_notifications (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- estimate_created | estimate_accepted | estimate_rejected | human_requested (new kinds need no change)
    kind            text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{0,39}$'),
    conversation_id text,                -- the chat it is about ("web:…", "wa:…"); NULL when none
    estimate_number text,                -- P-2026-0001, when it is about an estimate
    summary         text NOT NULL,       -- Spanish, what happened, for staff
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- pending: being e-mailed now | sent | skipped: no staff address configured | failed: see email_error
    email_status    text NOT NULL DEFAULT 'pending'
                    CHECK (email_status IN ('pending', 'sent', 'skipped', 'failed')),
    email_to        text,                -- the address(es) it was sent to
    email_error     text,                -- why the e-mail failed (SMTP error), for staff
    emailed_at      timestamptz          -- when the SMTP server accepted it
);

CREATE INDEX IF NOT EXISTS staff_notifications_created_idx ON staff_notifications (created_at DESC);
CREATE INDEX IF NOT EXISTS staff_notifications_estimate_idx
    ON staff_notifications (estimate_number) WHERE estimate_number IS NOT NULL;
