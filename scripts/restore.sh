#!/usr/bin/env bash
# Restores the Reqstly database, never over the live one, and says how long
# each step took (run it as a timed drill: docs/RUNBOOK.md, Restore).
#
# Point in time (the default; --to TIME, or the newest moment without it):
#   1. picks the newest base backup that finished before TIME and its chain
#      (the full one and the incrementals on it), and refuses anything that
#      does not verify: SHA256SUMS, pg_verifybackup, gaps in the WAL archive;
#   2. pg_combinebackup into a FRESH cluster under $BACKUP_DIR/restore/<stamp>,
#      which replays the archived WAL up to TIME (PostgreSQL's own recovery)
#      and is promoted; it listens on a socket of its own only;
#   3. copies its roles (pg_dumpall --roles-only, no passwords) and its
#      database into a fresh database of the live cluster
#      (<live>_restore_<stamp> by default), and stops the fresh cluster;
#   4. verifies that database: every table's row count against the recovered
#      cluster, every request's audit chain (api.verify_audit), every admin's
#      login role present;
#   5. only with --switch, swaps it in: the live database is renamed to
#      <live>_before_restore_<stamp> (kept) and the restored one takes its
#      name, with the app services stopped for those seconds.
# A logical backup (BACKUP.dump from backup.sh --logical) restores the same
# way from step 3, its roles from BACKUP.roles.sql.
#
# PostgreSQL tools: PG_BIN=<dir> with libpq's PG* environment and PG_OS_USER
# (local runs); without PG_BIN they run inside the stack's postgres container
# (docker exec), where the app services can be scaled.
set -euo pipefail
SCRIPT_NAME="restore.sh"
# shellcheck source-path=SCRIPTDIR source=ops-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/ops-common.sh"
# shellcheck source-path=SCRIPTDIR source=backup-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/backup-common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/restore.sh [options] [--to TIME]
       scripts/restore.sh [options] BACKUP.dump

  --to TIME           the moment to go back to, e.g. '2026-12-03 10:15:00+00'
                      (default: the newest the WAL archive holds)
  --backup-dir DIR    backup folder (default $REQSTLY_BACKUP_DIR or /srv/reqstly-backups)
  BACKUP.dump         a logical backup (backup.sh --logical); its .counts.tsv,
                      .roles.sql and .sha256 must sit beside it
  --live-db NAME      the database the app uses (default reqstly)
  --target-db NAME    the fresh database to restore into
                      (default <live>_restore_<UTC time>; must not exist)
  --switch            after a clean verification, make the restored database
                      the live one (the old one is kept, renamed)
  --keep-failed       keep what failed verification, for inspection
  --dry-run           verify the backups and print the plan; change nothing
  -h, --help          show this text
Environment: PG_BIN, PG_OS_USER, PGHOST, PGPORT, PGUSER (local runs); REQSTLY_STACK.
USAGE
}

live_db=reqstly
target_db=""
switch=false
keep_failed=false
dump=""
to=""
while (($#)); do
  case "$1" in
    --to) to=${2:?--to needs a time}; shift ;;
    --backup-dir) BACKUP_DIR=${2:?--backup-dir needs a directory}; shift ;;
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
[[ -z "$dump" || -z "$to" ]] || die "--to is for point-in-time restores; a .dump restores as it was dumped"
[[ -n "${PG_BIN:-}" ]] || require_cmd docker
require_cmd sha256sum awk

stamp=$(backup_stamp)
target_db=${target_db:-${live_db}_restore_${stamp}}
ident_re='^[a-z_][a-z0-9_]*$'
[[ "$live_db" =~ $ident_re && "$target_db" =~ $ident_re ]] ||
  die "database names must be lower-case letters, digits and _"
[[ "$target_db" != "$live_db" ]] || die "the target must be a fresh database, never the live one"

started=$SECONDS
step() { log "[$((SECONDS - started))s] $*"; }

# ── 1. choose and verify what to restore from ──────────────────────────────
if [[ -n "$dump" ]]; then
  base=${dump%.dump}
  counts="$base.counts.tsv"
  roles="$base.roles.sql"
  sums="$base.sha256"
  [[ -f "$dump" ]] || die "no such backup file: $dump"
  [[ -f "$sums" ]] || die "no checksum file $sums beside the backup: refusing an unverifiable backup"
  [[ -f "$counts" ]] || die "no counts file $counts beside the backup: refusing (nothing to verify the restore against)"
  step "verifying checksums in $sums"
  if ! (cd "$(dirname "$dump")" && sha256sum --check --strict --quiet "$(basename "$sums")"); then
    die "CHECKSUM MISMATCH: $dump or a file beside it is corrupted or incomplete. Nothing was restored. Use another backup (the previous night's, or the off-site copy)."
  fi
  step "checksums match"
else
  [[ -d "$BACKUP_DIR/base" ]] || die "no base backups in $BACKUP_DIR/base (wrong --backup-dir? after losing the VPS: scripts/backup-fetch.sh first)"
  if [[ -n "$to" ]]; then
    to_epoch=$(date -u -d "$to" +%s 2>/dev/null) || die "cannot read the time '$to' (write it as '2026-12-03 10:15:00+00')"
    ((to_epoch <= $(date -u +%s))) || die "--to '$to' is in the future"
  else
    to_epoch=$(date -u +%s)
  fi
  chosen=""
  for s in $(complete_backups); do
    if (($(info_get "$BACKUP_DIR/base/$s/backup.info" finished_epoch) <= to_epoch)); then chosen=$s; fi
  done
  [[ -n "$chosen" ]] || die "no base backup finished before ${to:-now}; the oldest is $(complete_backups | head -n1)"
  mapfile -t chain < <(backup_chain "$chosen")
  step "verifying the backup chain ${chain[*]} (SHA256SUMS, pg_verifybackup)"
  for s in "${chain[@]}"; do verify_base_backup "$s"; done
  start_wal=$(info_get "$BACKUP_DIR/base/$chosen/backup.info" start_wal)
  # Segments are numbered without gaps: a missing one would end recovery early.
  mapfile -t segments < <(find "$BACKUP_DIR/wal" -maxdepth 1 -regextype posix-extended -regex '.*/[0-9A-F]{24}(\.partial)?' -printf '%f\n' 2>/dev/null |
    sed 's/\.partial$//' | LC_ALL=C sort -u | awk -v from="$start_wal" '$0 >= from')
  previous=""
  for seg in "${segments[@]}"; do
    if [[ -n "$previous" ]]; then
      tli=${seg:0:8} log_no=$((16#${previous:8:8})) seg_no=$((16#${previous:16:8}))
      ((seg_no == 255)) && { log_no=$((log_no + 1)); seg_no=-1; }
      expected=$(printf '%s%08X%08X' "$tli" "$log_no" $((seg_no + 1)))
      [[ "$seg" == "$expected" ]] ||
        die "WAL ARCHIVE INCOMPLETE: $expected is missing from $BACKUP_DIR/wal (next there is $seg). Nothing was restored. Fetch it from the off-site copy, or restore to a time before it."
    fi
    previous=$seg
  done
  step "backups verify; WAL from $start_wal to ${previous:-$start_wal} without gaps"
fi

exists=$(psql_q postgres -c "select count(*) from pg_database where datname = '$target_db'" 2>/dev/null || echo "?")
[[ "$exists" != 1 ]] || die "database $target_db already exists: restore needs a fresh one (--target-db NAME)"

log "plan:"
if [[ -n "$dump" ]]; then
  log "  recreate the roles of $roles, restore $dump into the fresh database $target_db"
else
  log "  combine base backup(s) ${chain[*]} into a fresh cluster in $BACKUP_DIR/restore/$stamp"
  log "  replay the WAL archive up to ${to:-its end}, then copy its roles and database $live_db into the fresh database $target_db"
fi
log "  verify row counts, every request's audit chain and the admins' login roles"
if [[ "$switch" == true ]]; then
  log "  then switch: $live_db → ${live_db}_before_restore_${stamp} (kept), $target_db → $live_db"
else
  log "  leave $live_db untouched (add --switch to swap the verified copy in)"
fi
if [[ "$DRY_RUN" == true ]]; then
  log "dry run finished: nothing was changed"
  exit 0
fi

work="$BACKUP_DIR/restore/$stamp"
socket=""
cleanup() {
  if [[ -n "$socket" ]]; then
    pg_server pg_ctl -D "$work/pgdata" -w -m fast stop >/dev/null 2>&1 || true
    as_server rm -rf "$socket" || true
  fi
  if [[ -d "$work" && "$keep_failed" == false ]]; then
    as_server rm -rf "$work" || true
  fi
}
trap cleanup EXIT

fail_verification() {
  warn "$1"
  if [[ "$keep_failed" == true ]]; then
    warn "kept $target_db${socket:+ and the recovered cluster in $work} for inspection; $live_db was not touched"
  else
    psql_q postgres -c "drop database if exists \"$target_db\"" || true
    warn "dropped $target_db; $live_db was not touched"
  fi
  die "restore verification failed"
}

# apply_roles FILE: create the roles a backup names (no passwords travel;
# roles that exist are left as they are).
apply_roles() {
  local file=$1 errors
  errors=$(pg psql -X -q --no-password -d postgres -v ON_ERROR_STOP=0 <"$file" 2>&1 >/dev/null |
    grep 'ERROR' | grep -v 'already exists' || true)
  [[ -z "$errors" ]] || fail_verification "recreating the roles failed: $errors"
  step "roles of the backup present ($(grep -c '^CREATE ROLE' "$file") roles)"
}

# ── 2./3. into a fresh database ────────────────────────────────────────────
if [[ -n "$dump" ]]; then
  [[ -f "$roles" ]] && apply_roles "$roles"
  step "creating database $target_db"
  psql_q postgres -c "create database \"$target_db\" template template0"
  step "restoring (pg_restore --single-transaction --exit-on-error)"
  pg pg_restore --no-password --single-transaction --exit-on-error -d "$target_db" <"$dump" ||
    fail_verification "pg_restore failed"
else
  as_server mkdir -p "$work"
  step "pg_combinebackup ${chain[*]} → $work/pgdata"
  dirs=()
  for s in "${chain[@]}"; do dirs+=("$BACKUP_DIR/base/$s/data"); done
  pg_server pg_combinebackup --output "$work/pgdata" "${dirs[@]}"
  # The segment being written when the backup disk last heard from the
  # server: recovery reads it from pg_wal when the archive has no whole one.
  for partial in "$BACKUP_DIR"/wal/*.partial; do
    if [[ -f "$partial" && ! -f "${partial%.partial}" ]]; then
      as_server cp "$partial" "$work/pgdata/pg_wal/$(basename "${partial%.partial}")"
    fi
  done
  target_setting=""
  [[ -n "$to" ]] && target_setting="recovery_target_time = '$to'"
  as_server tee -a "$work/pgdata/postgresql.auto.conf" >/dev/null <<CONF
# restore.sh $stamp: a fresh cluster, recovering from the archive
restore_command = 'cp "$BACKUP_DIR/wal/%f" "%p"'
$target_setting
recovery_target_action = 'promote'
archive_mode = off
summarize_wal = off
CONF
  as_server touch "$work/pgdata/recovery.signal"
  # Recovery refuses lower limits than the server had (they may have been set
  # on its command line): take them from the control file.
  limits=$(pg_server pg_controldata "$work/pgdata" | awk -F': *' '
    /^max_connections setting/ { printf " -c max_connections=%s", $2 }
    /^max_worker_processes setting/ { printf " -c max_worker_processes=%s", $2 }
    /^max_wal_senders setting/ { printf " -c max_wal_senders=%s", $2 }
    /^max_prepared_xacts setting/ { printf " -c max_prepared_transactions=%s", $2 }
    /^max_locks_per_xact setting/ { printf " -c max_locks_per_transaction=%s", $2 }')
  socket=$(as_server mktemp -d /tmp/rq-restore.XXXXXX)
  step "starting the fresh cluster (socket $socket only), replaying WAL up to ${to:-the end of the archive}"
  pg_server pg_ctl -D "$work/pgdata" -l "$work/postgres.log" -w -t 3600 \
    -o "-c listen_addresses='' -c unix_socket_directories=$socket -c port=5432 -c shared_buffers=128MB$limits" start >/dev/null ||
    fail_verification "the fresh cluster did not start: $(as_server grep -E 'FATAL|PANIC' "$work/postgres.log" | tail -n 3)"
  while [[ "$(pg psql -X -A -t -h "$socket" -d postgres -c 'select pg_is_in_recovery()' 2>/dev/null)" != f ]]; do
    if ! as_server test -f "$work/pgdata/postmaster.pid"; then
      socket_log=$(as_server grep -E 'FATAL|recovery stopping|last completed' "$work/postgres.log" | tail -n 3)
      socket=""
      fail_verification "recovery stopped before it could finish: $socket_log"
    fi
    sleep 1
  done
  step "recovered: $(as_server grep -E 'recovery stopping|last completed transaction|redo done' "$work/postgres.log" | sed 's/.*LOG: *//' | paste -sd ';' -)"
  if [[ -z "$to" && -n "$previous" ]]; then
    # Recovery ends quietly at the first record it cannot read: it must
    # have got as far as the archive goes.
    reached=$(pg psql -X -A -t -h "$socket" -d postgres -c "select pg_walfile_name(pg_current_wal_lsn())")
    if [[ "${reached:8}" < "${previous:8}" ]]; then
      fail_verification "WAL ARCHIVE DAMAGED: recovery stopped in segment ${reached:8} but the archive goes on to ${previous:8}. Nothing was switched in. Restore with --to a time before it, or fetch the segment from the off-site copy."
    fi
  fi
  counts="$work/counts.tsv"
  list=$(pg psql -X -A -t -h "$socket" -d "$live_db" -c "
    select string_agg(format('select %L, count(*) from %I.%I', n.nspname || '.' || c.relname, n.nspname, c.relname), ' union all ')
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
       and n.nspname !~ '^pg_toast'")
  pg psql -X -A -t -F $'\t' -h "$socket" -d "$live_db" -c "$list" | LC_ALL=C sort >"$counts"
  pg pg_dumpall --roles-only --no-role-passwords -h "$socket" >"$work/roles.sql"
  apply_roles "$work/roles.sql"
  step "copying database $live_db of the recovered cluster into $target_db (pg_dump | pg_restore)"
  psql_q postgres -c "create database \"$target_db\" template template0"
  pg pg_dump -Fc -Z0 --no-password -h "$socket" -d "$live_db" |
    pg pg_restore --no-password --single-transaction --exit-on-error -d "$target_db" ||
    fail_verification "copying into $target_db failed"
  pg_server pg_ctl -D "$work/pgdata" -w -m fast stop >/dev/null
  as_server rm -rf "$socket"
  socket=""
fi
step "restored into $target_db"

# ── 4. verify ───────────────────────────────────────────────────────────────
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
broken=$(psql_q "$target_db" -F $'\t' -c "
  select r.id, v.entries, coalesce(v.first_bad_entry::text, '?'), coalesce(v.reason, '')
  from app.requests r cross join lateral api.verify_audit(r.id) v
  where not v.ok order by r.id") || fail_verification "could not run api.verify_audit in $target_db"
requests=$(psql_q "$target_db" -c "select count(*) from app.requests")
if [[ -n "$broken" ]]; then
  while IFS=$'\t' read -r id entries bad reason; do
    warn "request $id: audit chain broken at entry $bad of $entries: $reason"
  done <<<"$broken"
  fail_verification "$(wc -l <<<"$broken") of $requests requests have a broken audit chain"
fi
step "audit chains intact for all $requests requests"

missing=$(psql_q "$target_db" -c "
  select string_agg(u.db_role, ', ') from app.users u
  where u.db_role is not null and not exists (select 1 from pg_roles r where r.rolname = u.db_role)")
[[ -z "$missing" ]] || fail_verification "login roles missing from the cluster: $missing"
step "every admin's psql login role is present ($(psql_q "$target_db" -c "select count(*) from app.users where db_role is not null") logins; set their passwords again with \\password)"

# ── 5. switch ───────────────────────────────────────────────────────────────
if [[ "$switch" != true ]]; then
  log "verified restore is in $target_db; $live_db untouched. Switch with: rerun with --switch, or see docs/RUNBOOK.md"
  log "restore done in $((SECONDS - started))s"
  exit 0
fi

stack=${REQSTLY_STACK:-reqstly}
app_services=("${stack}_postgrest" "${stack}_authsvc" "${stack}_postgres-exporter")
declare -A replicas=()
if [[ -z "${PG_BIN:-}" ]]; then
  for svc in "${app_services[@]}"; do
    replicas[$svc]=$(docker service inspect --format '{{.Spec.Mode.Replicated.Replicas}}' "$svc" 2>/dev/null || echo "")
    if [[ -n "${replicas[$svc]}" ]]; then run docker service scale --detach=false "$svc=0"; fi
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
    if [[ -n "${replicas[$svc]:-}" ]]; then run docker service scale --detach=true "$svc=${replicas[$svc]}"; fi
  done
fi
[[ "$switched" == true ]] || die "could not switch; $live_db is unchanged and accepts connections again"
step "switched: $live_db is the restored copy; the previous one is kept as $old_name (allow_connections false)"
log "restore done in $((SECONDS - started))s"
