#!/bin/bash
# A small stand-in for the official postgres image's docker-entrypoint.sh
# (tests/swarm only, ADR 0009). It imitates exactly the interface
# stack/docker-stack.yml uses, and tests/swarm/test_local_images.py checks
# the stack file uses nothing else:
#   POSTGRES_USER, POSTGRES_DB, POSTGRES_PASSWORD / POSTGRES_PASSWORD_FILE,
#   POSTGRES_INITDB_ARGS, PGDATA (default /var/lib/postgresql/18/docker);
#   on first start (empty PGDATA): initdb, password auth for TCP
#   (`host all all all scram-sha-256`), local socket trusted, listen on '*',
#   the database created; then `postgres ARGS` runs as the postgres user.
# Not imitated: /docker-entrypoint-initdb.d, POSTGRES_HOST_AUTH_METHOD.
set -euo pipefail

if [[ "${1:-}" == postgres && $(id -u) == 0 ]]; then
  mkdir -p "$PGDATA"
  chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
  chmod 0700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [[ "${1:-}" == postgres && ! -s "$PGDATA/PG_VERSION" ]]; then
  if [[ -n "${POSTGRES_PASSWORD_FILE:-}" ]]; then
    POSTGRES_PASSWORD=$(<"$POSTGRES_PASSWORD_FILE")
  fi
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE is required}"
  user=${POSTGRES_USER:-postgres}
  db=${POSTGRES_DB:-$user}
  echo "postgres-entrypoint: first start, initdb in $PGDATA"
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of words
  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    ${POSTGRES_INITDB_ARGS:-} >/dev/null
  printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  if [[ "$db" != postgres ]]; then
    pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -k /var/run/postgresql" start >/dev/null
    psql -h /var/run/postgresql -U "$user" -d postgres -v ON_ERROR_STOP=1 \
      -c "create database \"$db\"" >/dev/null
    pg_ctl -D "$PGDATA" -w -m fast stop >/dev/null
  fi
  echo "postgres-entrypoint: database $db ready"
fi

if [[ "${1:-}" == postgres ]]; then
  set -- "$@" -k /var/run/postgresql
fi
exec "$@"
