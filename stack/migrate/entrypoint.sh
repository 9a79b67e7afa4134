#!/usr/bin/env bash
# The migration job (replicated-job in stack/docker-stack.yml).
#   1. waits for PostgreSQL,
#   2. applies every pending migration in /migrations with yoyo (batch mode;
#      yoyo's lock table keeps two runs from overlapping),
#   3. sets the passwords of the login roles the migrations created without
#      one (authenticator, authsvc, monitoring) from the Docker secrets.
# It exits non-zero on any failure, which deploy.sh treats as "do not deploy".
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: reqstly-migrate [--dry-run] [--help]

  --dry-run  list the migrations that would be applied and the roles whose
             passwords would be set; change nothing
  --help     show this text

Environment (set by the stack file):
  REQSTLY_DB_HOST, REQSTLY_DB_PORT, REQSTLY_DB_NAME   where the database is
  REQSTLY_POSTGRES_PASSWORD_FILE       superuser password (runs the migrations)
  REQSTLY_AUTHENTICATOR_PASSWORD_FILE  password for role authenticator
  REQSTLY_AUTHSVC_DATABASE_URL_FILE    authsvc's database URL (its password is used)
  REQSTLY_MONITORING_PASSWORD_FILE     password for role monitoring
  REQSTLY_NOTIFIER_DATABASE_URL_FILE   the notifier's database URL (its password is used)
  REQSTLY_MIGRATIONS_DIR               default /migrations
  REQSTLY_DB_WAIT_SECONDS              default 120
USAGE
}

dry_run=false
while (($#)); do
  case "$1" in
    --dry-run) dry_run=true ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      echo "reqstly-migrate: unknown argument: $1" >&2
      usage >&2
      exit 2
      ;;
  esac
  shift
done

log() { printf 'reqstly-migrate: %s\n' "$*"; }

: "${REQSTLY_POSTGRES_PASSWORD_FILE:?must name the superuser password secret}"
migrations_dir="${REQSTLY_MIGRATIONS_DIR:-/migrations}"
wait_seconds="${REQSTLY_DB_WAIT_SECONDS:-120}"
helper="${REQSTLY_SET_PASSWORDS_HELPER:-/usr/local/lib/reqstly/set_role_passwords.py}"

# libpq reads these; the password never appears on a command line.
export PGHOST="${REQSTLY_DB_HOST:-postgres}"
export PGPORT="${REQSTLY_DB_PORT:-5432}"
export PGDATABASE="${REQSTLY_DB_NAME:-reqstly}"
export PGUSER="${REQSTLY_DB_SUPERUSER:-postgres}"
PGPASSWORD="$(<"$REQSTLY_POSTGRES_PASSWORD_FILE")"
export PGPASSWORD
export PGAPPNAME=reqstly-migrate

log "waiting up to ${wait_seconds}s for ${PGHOST}:${PGPORT}/${PGDATABASE}"
deadline=$((SECONDS + wait_seconds))
until python -c 'import psycopg; psycopg.connect(connect_timeout=3).close()' 2>/dev/null; do
  if ((SECONDS >= deadline)); then
    log "PostgreSQL did not answer within ${wait_seconds}s: giving up"
    exit 1
  fi
  sleep 2
done
log "PostgreSQL is up"

database_url="postgresql+psycopg://${PGUSER}@${PGHOST}:${PGPORT}/${PGDATABASE}"
if [[ "$dry_run" == true ]]; then
  log "dry run: migrations yoyo would apply from ${migrations_dir}:"
  yoyo list --no-config-file --database "$database_url" "$migrations_dir"
  python "$helper" --dry-run
  log "dry run: nothing changed"
  exit 0
fi

log "applying pending migrations from ${migrations_dir}"
yoyo apply --batch --no-config-file --database "$database_url" "$migrations_dir"
log "migrations applied"

log "setting login role passwords from the secrets"
python "$helper"
log "done"
