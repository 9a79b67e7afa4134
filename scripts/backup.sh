#!/usr/bin/env bash
# The nightly base backup of the Reqstly cluster (docs/adr/0014-…):
#   1. pg_basebackup into $BACKUP_DIR/base/<stamp>/data: incremental on the
#      newest backup (PostgreSQL's WAL summaries) unless the newest full one
#      is older than --full-every-days, then a full one;
#   2. pg_dumpall --roles-only --no-role-passwords → roles.sql (the admins'
#      psql logins travel with the data);
#   3. pg_verifybackup against the backup's manifest, SHA256SUMS of our files;
#   4. retention: base backups no longer needed to reach any moment of the
#      last --keep-days, and the WAL older than the oldest one kept
#      (pg_archivecleanup);
#   5. backup-ship.sh: the new backup, encrypted with age, to the off-site target;
#   6. reqstly_backup_last_success_timestamp_seconds for node-exporter
#      (alerts: monitoring/prometheus/rules/backup.yml).
# WAL between backups streams continuously (wal-receiver.sh). --logical
# writes a pg_dump instead (for a major upgrade: docs/RUNBOOK.md).
#
# PostgreSQL tools: PG_BIN=<dir> uses the binaries there with libpq's PG*
# environment and PG_OS_USER as the server's OS user (local runs); without
# PG_BIN they run inside the stack's postgres container (docker exec).
set -euo pipefail
SCRIPT_NAME="backup.sh"
# shellcheck source-path=SCRIPTDIR source=ops-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/ops-common.sh"
# shellcheck source-path=SCRIPTDIR source=backup-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/backup-common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/backup.sh --offsite TARGET --age-recipient RCPT [options]
       scripts/backup.sh --local-only [options]

  --backup-dir DIR      backup folder, on a disk of its own, same path on the host
                        and in the postgres container
                        (default $REQSTLY_BACKUP_DIR or /srv/reqstly-backups)
  --offsite TARGET      where encrypted copies go: sftp://user@host[:port]/path,
                        s3://bucket/prefix, or an rclone remote (default $REQSTLY_OFFSITE)
  --age-recipient RCPT  age public key (age1…), or @FILE with one per line
                        (default $REQSTLY_AGE_RECIPIENTS)
  --local-only          no off-site copy (tests, or a drill): says so loudly
  --full-every-days N   a full base backup when the newest full one is older (default 7)
  --full                a full base backup now
  --keep-days N         keep what is needed to restore any moment of the last
                        N days (default 14; 0 keeps everything)
  --logical             pg_dump -Fc of --database into $BACKUP_DIR/logical instead
  --database NAME       the database for --logical (default reqstly)
  --allow-same-disk     accept a backup folder on the database's filesystem
  --textfile-dir DIR    node-exporter textfile collector folder
                        (default /var/lib/node_exporter/textfile_collector; "" to skip)
  --dry-run             print the plan; change nothing
  -h, --help            show this text
Environment: PG_BIN, PG_OS_USER, PGHOST, PGPORT, PGUSER (local runs); REQSTLY_STACK.
USAGE
}

full_every_days=7
force_full=false
keep_days=14
logical=false
database=reqstly
local_only=false
allow_same_disk=false
while (($#)); do
  case "$1" in
    --backup-dir) BACKUP_DIR=${2:?--backup-dir needs a directory}; shift ;;
    --offsite) OFFSITE=${2:?--offsite needs a target}; shift ;;
    --age-recipient) AGE_RECIPIENTS=${2:?--age-recipient needs a recipient}; shift ;;
    --local-only) local_only=true ;;
    --full-every-days) full_every_days=${2:?--full-every-days needs a number}; shift ;;
    --full) force_full=true ;;
    --keep-days) keep_days=${2:?--keep-days needs a number}; shift ;;
    --logical) logical=true ;;
    --database) database=${2:?--database needs a name}; shift ;;
    --allow-same-disk) allow_same_disk=true ;;
    --textfile-dir) TEXTFILE_DIR=$2; shift ;;
    --dry-run) DRY_RUN=true ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
[[ "$keep_days" =~ ^[0-9]+$ ]] || die "--keep-days must be a whole number"
[[ "$full_every_days" =~ ^[0-9]+$ ]] || die "--full-every-days must be a whole number"
if [[ "$local_only" == false ]]; then
  [[ -n "$OFFSITE" ]] || die "no off-site target: pass --offsite TARGET (or --local-only for a drill); a backup that never leaves the VPS is lost with it"
  [[ -n "$AGE_RECIPIENTS" ]] || die "no encryption recipient: pass --age-recipient age1… (the private key stays off the VPS)"
  require_cmd age rclone
fi
[[ -n "${PG_BIN:-}" ]] || require_cmd docker
require_cmd sha256sum awk

stamp=$(backup_stamp)
now=$(date -u +%s)

if [[ "$logical" == true ]]; then
  base="$BACKUP_DIR/logical/${database}-${stamp}"
  log "plan:"
  log "  dump database $database with pg_dump -Fc to $base.dump, the roles to $base.roles.sql"
  log "  count rows per table from the dump into $base.counts.tsv; checksums in $base.sha256"
else
  kind=full
  parent=""
  newest=$(complete_backups | tail -n1)
  newest_full=""
  for s in $(complete_backups); do
    if [[ "$(info_get "$BACKUP_DIR/base/$s/backup.info" kind)" == full ]]; then newest_full=$s; fi
  done
  summarize="unknown (not asked in a dry run)"
  [[ "$DRY_RUN" == true ]] || summarize=$(psql_q postgres -c "show summarize_wal" 2>/dev/null || echo "?")
  if [[ "$force_full" == false && -n "$newest" && -n "$newest_full" && "$summarize" == on ]]; then
    full_at=$(info_get "$BACKUP_DIR/base/$newest_full/backup.info" finished_epoch)
    if ((now - full_at < full_every_days * 86400)); then
      kind=incremental
      parent=$newest
    fi
  fi
  [[ "$summarize" == on ]] || log "summarize_wal is $summarize on the server: incremental backups need it on (docs/adr/0014-…)"
  target="$BACKUP_DIR/base/$stamp"
  log "plan:"
  if [[ "$kind" == incremental ]]; then
    log "  incremental base backup on $parent into $target (pg_basebackup --incremental)"
  else
    log "  full base backup into $target (pg_basebackup)"
  fi
  log "  roles without passwords into $target/roles.sql; pg_verifybackup; checksums in $target/SHA256SUMS"
  ((keep_days > 0)) && log "  retention: keep what restores any moment of the last $keep_days days; WAL before the oldest kept backup goes"
fi
if [[ "$local_only" == true ]]; then
  warn "--local-only: no off-site copy. If this VPS is lost, this backup is lost with it."
else
  log "  encrypt for $AGE_RECIPIENTS and copy off-site to $OFFSITE (backup-ship.sh)"
fi
[[ -n "$TEXTFILE_DIR" ]] && log "  record success in $TEXTFILE_DIR"
if [[ "$DRY_RUN" == true ]]; then
  log "dry run finished: nothing was changed"
  exit 0
fi

check_backup_dir "$BACKUP_DIR" "$allow_same_disk"
umask 077

if [[ "$logical" == true ]]; then
  mkdir -p "$BACKUP_DIR/logical"
  dump="$base.dump"
  counts="$base.counts.tsv"
  roles="$base.roles.sql"
  trap 'rm -f "$dump.partial" "$counts.partial"' EXIT
  log "dumping $database"
  pg pg_dump -Fc --no-password -d "$database" >"$dump.partial"
  mv "$dump.partial" "$dump"
  pg pg_dumpall --roles-only --no-role-passwords --no-password >"$roles"
  # pg_restore turns each table's data into a COPY block; one line per row
  # (newlines inside values are escaped), ended by "\.".
  log "counting rows per table in the dump"
  pg pg_restore --data-only -f - <"$dump" | awk '
    /^COPY / { table = $2; n = 0; inside = 1; next }
    inside && $0 == "\\." { printf "%s\t%d\n", table, n; inside = 0; next }
    inside { n++ }
  ' | LC_ALL=C sort >"$counts.partial"
  mv "$counts.partial" "$counts"
  (cd "$BACKUP_DIR/logical" && sha256sum "$(basename "$dump")" "$(basename "$counts")" "$(basename "$roles")") >"$base.sha256"
  size=$(stat -c %s "$dump")
  log "wrote $dump ($size bytes, $(wc -l <"$counts") tables), $roles and $base.sha256"
  if ((keep_days > 0)); then
    find "$BACKUP_DIR/logical" -maxdepth 1 -type f -name "${database}-*" -mtime "+$keep_days" -print -delete |
      sed "s/^/$SCRIPT_NAME: retention removed /"
  fi
  write_metric reqstly_backup_logical_last_success_timestamp_seconds "When the last successful pg_dump finished." "$(date -u +%s)"
  log "logical backup done: $dump"
  exit 0
fi

# ── 1. base backup ──────────────────────────────────────────────────────────
work="$BACKUP_DIR/base/.$stamp.inprogress"
trap 'as_server rm -rf "$work" 2>/dev/null || true' EXIT
as_server mkdir -p "$work"
incremental_args=()
[[ "$kind" == incremental ]] && incremental_args=(--incremental "$BACKUP_DIR/base/$parent/data/backup_manifest")
log "pg_basebackup ($kind) into $target"
pg_server pg_basebackup --pgdata "$work/data" --format plain --wal-method stream \
  --checkpoint fast --manifest-checksums SHA256 --label "reqstly $stamp" --no-password \
  "${incremental_args[@]}"

# ── 2. roles ────────────────────────────────────────────────────────────────
pg pg_dumpall --roles-only --no-role-passwords --no-password >"$work/roles.sql"

# ── 3. verify, describe, checksum ──────────────────────────────────────────
log "pg_verifybackup"
pg_server pg_verifybackup --quiet "$work/data" || die "pg_verifybackup refused the new backup; it is not kept"
start_wal=$(sed -n 's/^START WAL LOCATION: .*(file \([0-9A-F]\{24\}\))$/\1/p' "$work/data/backup_label")
finished=$(date -u +%s)
cat >"$work/backup.info" <<INFO
stamp=$stamp
kind=$kind
parent=$parent
started_epoch=$now
finished_epoch=$finished
finished_utc=$(date -u -d "@$finished" '+%Y-%m-%d %H:%M:%S+00')
start_wal=$start_wal
INFO
(cd "$work" && sha256sum roles.sql backup.info data/backup_manifest) >"$work/SHA256SUMS"
as_server mv "$work" "$target"
trap - EXIT
size=$(du -sb "$target" | cut -f1)
log "wrote $kind backup $target ($size bytes, from WAL $start_wal)"

# ── 4. retention ────────────────────────────────────────────────────────────
if ((keep_days > 0)); then
  cutoff=$((finished - keep_days * 86400))
  declare -A keep=()
  mapfile -t all < <(complete_backups)
  anchor=""
  for s in "${all[@]}"; do
    at=$(info_get "$BACKUP_DIR/base/$s/backup.info" finished_epoch)
    if ((at > cutoff)); then keep[$s]=1; else anchor=$s; fi
  done
  [[ -n "$anchor" ]] && keep[$anchor]=1
  for s in "${!keep[@]}"; do
    while read -r c; do keep[$c]=1; done < <(backup_chain "$s")
  done
  oldest=""
  for s in "${all[@]}"; do
    if [[ -n "${keep[$s]:-}" ]]; then
      [[ -z "$oldest" ]] && oldest=$s
    else
      as_server rm -rf "$BACKUP_DIR/base/$s"
      mkdir -p "$BACKUP_DIR/offsite-state"
      printf 'base/%s.info\nbase/%s.tar.gz.age\nbase/%s.tar.gz.age.sha256\n' "$s" "$s" "$s" >>"$BACKUP_DIR/offsite-state/to-delete"
      log "retention removed base backup $s"
    fi
  done
  oldest_wal=$(info_get "$BACKUP_DIR/base/$oldest/backup.info" start_wal)
  if [[ -n "$oldest_wal" && -d "$BACKUP_DIR/wal" ]]; then
    removed=$(as_server "${PG_BIN:+$PG_BIN/}pg_archivecleanup" -n "$BACKUP_DIR/wal" "$oldest_wal" | wc -l)
    as_server "${PG_BIN:+$PG_BIN/}pg_archivecleanup" "$BACKUP_DIR/wal" "$oldest_wal"
    log "retention: oldest kept backup $oldest starts at WAL $oldest_wal; removed $removed older WAL segments"
  fi
fi

# ── 5. off-site ─────────────────────────────────────────────────────────────
if [[ "$local_only" == false ]]; then
  "$(dirname "${BASH_SOURCE[0]}")/backup-ship.sh" --backup-dir "$BACKUP_DIR" --offsite "$OFFSITE" \
    --age-recipient "$AGE_RECIPIENTS" --textfile-dir "$TEXTFILE_DIR"
fi

# ── 6. metric ───────────────────────────────────────────────────────────────
write_metric reqstly_backup_last_success_timestamp_seconds "When the last successful base backup finished." "$finished"
write_metric reqstly_backup_last_size_bytes "Size on disk of the last base backup." "$size"
log "backup done: $target"
