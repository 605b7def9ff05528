#!/bin/sh
# db-init (docker-compose.yml): runs in the postgres image on every `docker compose up`, after the server is
# healthy. Idempotent. Connects as the superuser (PGHOST/PGUSER/PGPASSWORD from the environment) and:
#   1. creates the login roles `remedios` and `n8n`, or resets their passwords to the ones in .env;
#   2. creates the databases `remedios` and `n8n`, each owned by its role;
#   3. applies the SQL files of n8n-workflows/ to `remedios`, in order (SQL_FILES), connected as the role
#      `remedios`, the database's owner: it owns the tables, and the knowledge base's extensions (unaccent,
#      pg_trgm) are trusted ones, so no superuser is needed, as in the local runner;
#   4. puts the page templates (PAGE_TEMPLATES: the customer's estimate page, n8n-workflows/estimates/
#      page-template.html) into the table page_templates, where the workflow reads them; a template the database
#      refuses (the file and line are in the message) stops db-init and the stored one stays as it was;
#   5. writes the workflows' settings (table remedios_settings) from the REMEDIOS_* variables compose gives it
#      (x-workflow-settings in docker-compose.yml); an empty one leaves its row as it is (remedios_settings_put).
# The server's own first-start scripts (/docker-entrypoint-initdb.d) run only on an empty volume; this runs
# every time, so a schema change or new seed data pulled with git reaches an existing installation.
set -eu

: "${REMEDIOS_DB_PASSWORD:?REMEDIOS_DB_PASSWORD is empty: set it in .env}"
: "${N8N_DB_PASSWORD:?N8N_DB_PASSWORD is empty: set it in .env}"
SQL_DIR="${REMEDIOS_SQL_DIR:-/opt/remedios/n8n-workflows}"
# Every .sql file of n8n-workflows/, in the order they must run (tests/deploy checks none is missing).
SQL_FILES="schema.sql knowledge/schema.sql knowledge/seed.sql knowledge/seed-drains.sql knowledge/seed-supply.sql knowledge/seed-gaps.sql knowledge/seed-jobs-31.sql knowledge/seed-jobs-32.sql knowledge/seed-jobs-33.sql knowledge/seed-jobs-34.sql knowledge/seed-jobs-37.sql knowledge/seed-neighbours.sql knowledge/seed-regional.sql knowledge/seed-ask-between.sql knowledge/answer.sql knowledge/safety-links.sql knowledge/feedback.sql estimates/schema.sql estimates/match.sql estimates/staff.sql estimates/seed.sql estimates/page.sql estimates/revise.sql notifications/schema.sql reliability/schema.sql takeover/schema.sql takeover/console.sql"
# Page templates: name=file under n8n-workflows/ (devstack/postgres.py PAGE_TEMPLATES, checked by tests/deploy).
PAGE_TEMPLATES="estimate-page=estimates/page-template.html"

tries=0
until pg_isready -q -t 2; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "db-init: Postgres at ${PGHOST}:${PGPORT:-5432} did not answer in 2 minutes" >&2
    exit 1
  fi
  sleep 2
done

echo "db-init: roles and databases"
# Passwords go in as psql variables (:'name' quotes them as SQL literals), never into the SQL text.
psql -v ON_ERROR_STOP=1 -q -X \
  -v remedios_pw="$REMEDIOS_DB_PASSWORD" -v n8n_pw="$N8N_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', r) FROM (VALUES ('remedios'), ('n8n')) AS v(r)
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r)
\gexec
SELECT format('ALTER ROLE remedios LOGIN PASSWORD %L', :'remedios_pw')
\gexec
SELECT format('ALTER ROLE n8n LOGIN PASSWORD %L', :'n8n_pw')
\gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', d, d, 'UTF8')
  FROM (VALUES ('remedios'), ('n8n')) AS v(d)
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d)
\gexec
SQL

for file in $SQL_FILES; do
  echo "db-init: applying $file to database remedios as role remedios"
  PGUSER=remedios PGPASSWORD="$REMEDIOS_DB_PASSWORD" PGDATABASE=remedios \
    psql -v ON_ERROR_STOP=1 -q -X -f "$SQL_DIR/$file"
done

for entry in $PAGE_TEMPLATES; do
  name="${entry%%=*}"
  file="${entry#*=}"
  echo "db-init: page template $name from $file (table page_templates)"
  # The file goes in as a psql variable (read by psql with cat), never into the SQL text.
  PGUSER=remedios PGPASSWORD="$REMEDIOS_DB_PASSWORD" PGDATABASE=remedios \
    psql -v ON_ERROR_STOP=1 -q -X -v name="$name" -v source="n8n-workflows/$file" -v file="$SQL_DIR/$file" <<'SQL'
\set body `cat :'file'`
\o /dev/null
SELECT page_template_put(:'name', :'body', :'source');
SQL
done

echo "db-init: the workflows' settings (table remedios_settings)"
# Values go in as psql variables (:'name' quotes them as SQL literals), never into the SQL text.
PGUSER=remedios PGPASSWORD="$REMEDIOS_DB_PASSWORD" PGDATABASE=remedios \
  psql -v ON_ERROR_STOP=1 -q -X \
  -v gateway_callback_url="${REMEDIOS_GATEWAY_CALLBACK_URL:-}" \
  -v chat_webhook_url="${REMEDIOS_CHAT_WEBHOOK_URL:-}" \
  -v llm_base_url="${REMEDIOS_LLM_BASE_URL:-}" \
  -v llm_relay_url="${REMEDIOS_LLM_RELAY_URL:-}" \
  -v llm_model="${REMEDIOS_LLM_MODEL:-}" \
  -v public_url="${REMEDIOS_PUBLIC_URL:-}" \
  -v staff_email="${REMEDIOS_STAFF_EMAIL:-}" \
  -v mail_from="${REMEDIOS_MAIL_FROM:-}" <<'SQL'
\o /dev/null
SELECT remedios_settings_put(key, value)
  FROM (VALUES ('gateway_callback_url', :'gateway_callback_url'), ('chat_webhook_url', :'chat_webhook_url'),
               ('llm_base_url', :'llm_base_url'), ('llm_relay_url', :'llm_relay_url'), ('llm_model', :'llm_model'),
               ('public_url', :'public_url'), ('staff_email', :'staff_email'), ('mail_from', :'mail_from'))
       AS v(key, value);
SQL

echo "db-init: done"
