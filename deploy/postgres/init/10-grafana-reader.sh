#!/usr/bin/env bash
# First start of the compose Postgres only: a read-only role for Grafana's dashboards. The services' schemas
# are made here, empty, so the grants can name them; each service's Flyway then fills its own. Default
# privileges give the reader every table and view the migrations create later, and nothing it could change.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v reader_password="${VIGIL_GRAFANA_DB_PASSWORD:?}" <<'SQL'
CREATE ROLE grafana_reader LOGIN PASSWORD :'reader_password';
SELECT format('CREATE SCHEMA IF NOT EXISTS %I', s) FROM unnest(ARRAY['ingestion', 'incident', 'escalation',
    'notification', 'remediation']) AS s \gexec
SELECT format('GRANT USAGE ON SCHEMA %I TO grafana_reader', s) FROM unnest(ARRAY['ingestion', 'incident',
    'escalation', 'notification', 'remediation']) AS s \gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT ON TABLES TO grafana_reader',
    current_user, s) FROM unnest(ARRAY['ingestion', 'incident', 'escalation', 'notification', 'remediation']) AS s \gexec
SQL
