#!/usr/bin/env bash
# Streams the cluster's WAL into $BACKUP_DIR/wal continuously with
# pg_receivewal: every committed transaction reaches the backup disk within
# seconds (the RPO of a restore from this disk), through a replication slot
# so the server keeps the WAL the receiver has not got yet (bounded by the
# server's max_slot_wal_keep_size, so a stopped receiver cannot fill its disk).
#
# It runs in the foreground and ends when the server goes away: run it under
# something that restarts it (the systemd unit setup-vps.sh writes, with
# Restart=always; tests start it as a child process and stop it by PID).
# backup-ship.sh copies the WAL off-site, encrypted, every minute.
set -euo pipefail
SCRIPT_NAME="wal-receiver.sh"
# shellcheck source-path=SCRIPTDIR source=ops-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/ops-common.sh"
# shellcheck source-path=SCRIPTDIR source=backup-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/backup-common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/wal-receiver.sh [options]

  --backup-dir DIR    backup folder (default $REQSTLY_BACKUP_DIR or /srv/reqstly-backups);
                      the WAL goes to DIR/wal
  --slot NAME         replication slot (default reqstly_wal_archive; created if missing)
  --allow-same-disk   accept a backup folder on the database's filesystem
  --dry-run           print the plan; change nothing
  -h, --help          show this text
Environment: PG_BIN, PG_OS_USER, PGHOST, PGPORT, PGUSER (local runs); REQSTLY_STACK.
USAGE
}

slot=reqstly_wal_archive
allow_same_disk=false
while (($#)); do
  case "$1" in
    --backup-dir) BACKUP_DIR=${2:?--backup-dir needs a directory}; shift ;;
    --slot) slot=${2:?--slot needs a name}; shift ;;
    --allow-same-disk) allow_same_disk=true ;;
    --dry-run) DRY_RUN=true ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
[[ "$slot" =~ ^[a-z0-9_]+$ ]] || die "--slot: lower-case letters, digits and _"
[[ -n "${PG_BIN:-}" ]] || require_cmd docker

log "plan: stream WAL with pg_receivewal (slot $slot, synchronous) into $BACKUP_DIR/wal, until stopped"
if [[ "$DRY_RUN" == true ]]; then
  log "dry run finished: nothing was changed"
  exit 0
fi
check_backup_dir "$BACKUP_DIR" "$allow_same_disk"
as_server mkdir -p "$BACKUP_DIR/wal"
pg_server pg_receivewal --directory "$BACKUP_DIR/wal" --slot "$slot" --create-slot --if-not-exists --no-password
# A receiver left from before (a docker exec outlives its client) holds the
# slot: end its connection, so it exits and this one takes over.
psql_q postgres -c "select count(pg_terminate_backend(active_pid)) from pg_replication_slots
  where slot_name = '$slot' and active_pid is not null" >/dev/null
log "streaming into $BACKUP_DIR/wal"
receive=(pg_receivewal --directory "$BACKUP_DIR/wal" --slot "$slot" --synchronous --no-loop
  --no-password --status-interval 5)
# exec: the process a supervisor (or a test) stops is pg_receivewal itself.
if [[ -n "${PG_BIN:-}" ]]; then
  receive[0]="$PG_BIN/pg_receivewal"
  if [[ -n "${PG_OS_USER:-}" && $(id -u) -eq 0 ]]; then
    exec setpriv --reuid "$PG_OS_USER" --regid "$PG_OS_USER" --init-groups -- "${receive[@]}"
  fi
  exec "${receive[@]}"
fi
exec docker exec -i -u postgres "$(pg_container)" "${receive[@]}"
