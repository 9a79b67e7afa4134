#!/bin/sh
# Entrypoint of the reqstly-postgrest image (busybox sh, not bash).
# The official PostgREST image reads db-uri only as a value, and a password
# must never sit in the stack file, so the URI is built here from the
# authenticator password secret and PostgREST is exec'd in this process.
set -eu

if [ "${1:-}" = "--help" ]; then
  echo "usage: reqstly-postgrest [--dry-run] [postgrest args...]"
  echo "Builds PGRST_DB_URI from REQSTLY_AUTHENTICATOR_PASSWORD_FILE,"
  echo "REQSTLY_DB_HOST, REQSTLY_DB_PORT and REQSTLY_DB_NAME, then runs /bin/postgrest."
  exit 0
fi
dry_run=false
if [ "${1:-}" = "--dry-run" ]; then
  dry_run=true
  shift
fi

password_file="${REQSTLY_AUTHENTICATOR_PASSWORD_FILE:?REQSTLY_AUTHENTICATOR_PASSWORD_FILE must name the secret file}"
if [ ! -r "$password_file" ]; then
  echo "reqstly-postgrest: cannot read $password_file" >&2
  exit 1
fi
password=""
IFS= read -r password <"$password_file" || true
case "$password" in
  "")
    echo "reqstly-postgrest: $password_file is empty" >&2
    exit 1
    ;;
  *[!A-Za-z0-9._~-]*)
    # Anything else would need percent-encoding inside the URI.
    echo "reqstly-postgrest: the authenticator password may hold only A-Z a-z 0-9 . _ ~ - (generate it with: openssl rand -hex 32)" >&2
    exit 1
    ;;
esac

host="${REQSTLY_DB_HOST:-postgres}"
port="${REQSTLY_DB_PORT:-5432}"
db="${REQSTLY_DB_NAME:-reqstly}"
PGRST_DB_URI="postgres://authenticator:${password}@${host}:${port}/${db}?application_name=postgrest"
export PGRST_DB_URI

echo "reqstly-postgrest: connecting as authenticator to ${host}:${port}/${db}"
if [ "$dry_run" = true ]; then
  echo "reqstly-postgrest: dry run, not starting /bin/postgrest"
  exit 0
fi
# Drained on stop (stack/drain-on-stop.sh): PostgREST 12 exits at once on SIGTERM.
exec /bin/busybox sh /usr/local/bin/drain-on-stop /bin/postgrest "$@"
