#!/usr/bin/env bash
# A real PostgreSQL for the server tests, from Debian's packages: installs it if missing,
# starts a cluster, creates a user and a database, and prints one line for the caller:
#   eval "$(scripts/ci-postgres.sh)"   # sets DATABASE_URL
# Progress goes to stderr, so stdout is only the export line. Run as root (CI) or with sudo.
set -euo pipefail

DB_NAME="${ASIDE_PG_DATABASE:-aside_test}"
DB_USER="${ASIDE_PG_USER:-aside}"
DB_PASSWORD="${ASIDE_PG_PASSWORD:-aside}"
log() { printf 'ci-postgres: %s\n' "$*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
  log "installing postgresql (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 ~ /online/ { found = 1 } END { exit !found }'; then
  log "starting cluster $version/main"
  # pg_ctlcluster drops to the postgres user itself, so this is safe as root.
  pg_ctlcluster "$version" main start >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')"

as_postgres() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [[ "$(as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]]; then
  log "creating user $DB_USER"
  as_postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" >&2
fi
if [[ "$(as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]]; then
  log "creating database $DB_NAME"
  as_postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >&2
fi

url="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$port/$DB_NAME"
# Fail here, not in the tests, if the server cannot be reached with these credentials.
PGPASSWORD="$DB_PASSWORD" psql "$url" -qtAc 'SELECT 1' >/dev/null
log "ready on port $port (PostgreSQL $version)"
printf 'export DATABASE_URL=%q\n' "$url"
