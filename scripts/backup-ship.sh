#!/usr/bin/env bash
# Copies what is new in the backup folder off-site, compressed (gzip -1: a
# WAL segment closed early is mostly zeros) and encrypted with age (the
# private key never on the VPS), with rclone (SFTP or S3-compatible):
#   wal/<segment>            → <target>/wal/<segment>.gz.age          once, when complete
#   wal/<segment>.partial    → <target>/wal/<segment>.partial.gz.age  again whenever it grew
#   base/<stamp>/            → <target>/base/<stamp>.tar.gz.age, its .sha256, and
#                              <stamp>.info (backup.info: times, kind, parent; no data)
# and deletes off-site what backup.sh's retention removed here. Runs every
# minute (cron from setup-vps.sh), so the off-site copy is at most about a
# minute behind: the RPO when the VPS itself is lost. After a pass without
# error it records reqstly_backup_offsite_last_success_timestamp_seconds
# (alert BackupOffsiteStale), and whether the WAL receiver streams
# (reqstly_wal_archive_streaming, alert WalArchiveNotStreaming). age authenticates what it encrypts: a changed
# or truncated copy fails to decrypt (backup-fetch.sh).
set -euo pipefail
SCRIPT_NAME="backup-ship.sh"
# shellcheck source-path=SCRIPTDIR source=ops-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/ops-common.sh"
# shellcheck source-path=SCRIPTDIR source=backup-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/backup-common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/backup-ship.sh --offsite TARGET --age-recipient RCPT [options]

  --backup-dir DIR      backup folder (default $REQSTLY_BACKUP_DIR or /srv/reqstly-backups)
  --offsite TARGET      sftp://user@host[:port]/path, s3://bucket/prefix, or an rclone
                        remote (default $REQSTLY_OFFSITE)
  --age-recipient RCPT  age public key (age1…), or @FILE (default $REQSTLY_AGE_RECIPIENTS)
  --textfile-dir DIR    node-exporter textfile collector folder ("" to skip)
  --dry-run             list what would be copied; change nothing
  -h, --help            show this text
USAGE
}

while (($#)); do
  case "$1" in
    --backup-dir) BACKUP_DIR=${2:?--backup-dir needs a directory}; shift ;;
    --offsite) OFFSITE=${2:?--offsite needs a target}; shift ;;
    --age-recipient) AGE_RECIPIENTS=${2:?--age-recipient needs a recipient}; shift ;;
    --textfile-dir) TEXTFILE_DIR=$2; shift ;;
    --dry-run) DRY_RUN=true ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
[[ -n "$OFFSITE" ]] || die "no off-site target: pass --offsite TARGET"
[[ -n "$AGE_RECIPIENTS" ]] || die "no encryption recipient: pass --age-recipient age1…"
require_cmd age rclone sha256sum flock
[[ -d "$BACKUP_DIR" ]] || die "no backup folder $BACKUP_DIR"

remote=$(offsite_remote "$OFFSITE")
mapfile -t recipient < <(age_args "$AGE_RECIPIENTS")
state="$BACKUP_DIR/offsite-state"

# One pass at a time: cron starts one a minute, backup.sh one after a backup.
[[ "$DRY_RUN" == true ]] || mkdir -p "$state"
exec 9>"${state}.lock"
flock -w 600 9 || die "another backup-ship.sh has held the lock for 10 minutes"

# upload NAME: stdin, encrypted, to <remote>/NAME (written whole or not at all:
# rclone uploads to a temporary name first where the backend needs it).
upload() {
  gzip -1 -c | age "${recipient[@]}" | rclone rcat "$remote/$1"
}

shipped=0
# ── WAL ─────────────────────────────────────────────────────────────────────
if [[ -d "$BACKUP_DIR/wal" ]]; then
  while IFS= read -r -d '' file; do
    name=$(basename "$file")
    if [[ "$name" == *.partial ]]; then
      mark="$state/wal-partial"
      now_is="$name $(stat -c '%s %Y' "$file")"
      [[ -f "$mark" && "$(<"$mark")" == "$now_is" ]] && continue
      if [[ "$DRY_RUN" == true ]]; then
        log "[dry-run] would copy wal/$name (encrypted)"
        continue
      fi
      # A snapshot, so what is encrypted is what the mark describes.
      snap=$(mktemp)
      cp "$file" "$snap"
      now_is="$name $(stat -c '%s' "$snap") $(stat -c '%Y' "$file")"
      upload "wal/$name.gz.age" <"$snap"
      rm -f "$snap"
      printf '%s' "$now_is" >"$mark"
    else
      [[ -f "$state/wal/$name" ]] && continue
      if [[ "$DRY_RUN" == true ]]; then
        log "[dry-run] would copy wal/$name (encrypted)"
        continue
      fi
      upload "wal/$name.gz.age" <"$file"
      # The partial of this segment is complete now: its off-site copy goes.
      rclone deletefile "$remote/wal/$name.partial.gz.age" 2>/dev/null || true
      mkdir -p "$state/wal"
      touch "$state/wal/$name"
    fi
    shipped=$((shipped + 1))
  done < <(find "$BACKUP_DIR/wal" -maxdepth 1 -type f -regextype posix-extended \( -regex '.*/[0-9A-F]{24}|.*/[0-9A-F]{8}\.history' -o -name '*.partial' \) -print0 | LC_ALL=C sort -z)
fi

# ── base backups ────────────────────────────────────────────────────────────
for stamp in $(complete_backups); do
  [[ -f "$state/base/$stamp" ]] && continue
  if [[ "$DRY_RUN" == true ]]; then
    log "[dry-run] would copy base/$stamp.tar.gz.age"
    continue
  fi
  log "copying base backup $stamp off-site"
  # Encrypted into a file first: its checksum, and rclone can retry a copy.
  sealed="$state/$stamp.tar.gz.age"
  tar -C "$BACKUP_DIR/base" -c "$stamp" | gzip -1 | age "${recipient[@]}" -o "$sealed"
  (cd "$state" && sha256sum "$stamp.tar.gz.age") >"$sealed.sha256"
  rclone copyto "$sealed" "$remote/base/$stamp.tar.gz.age"
  rclone copyto "$sealed.sha256" "$remote/base/$stamp.tar.gz.age.sha256"
  # Last: backup-fetch.sh takes a backup whose .info is there as complete.
  rclone copyto "$BACKUP_DIR/base/$stamp/backup.info" "$remote/base/$stamp.info"
  rm -f "$sealed" "$sealed.sha256"
  mkdir -p "$state/base"
  touch "$state/base/$stamp"
  shipped=$((shipped + 1))
done

# ── what retention removed here goes there too ─────────────────────────────
if [[ -s "$state/to-delete" && "$DRY_RUN" == false ]]; then
  while IFS= read -r name; do
    rclone deletefile "$remote/$name" 2>/dev/null || true
    stamp=${name#base/}
    rm -f "$state/base/${stamp%%.*}"
  done <"$state/to-delete"
  : >"$state/to-delete"
fi
if [[ "$DRY_RUN" == false ]]; then
  while IFS= read -r -d '' mark; do
    [[ -f "$BACKUP_DIR/wal/$(basename "$mark")" ]] || {
      rclone deletefile "$remote/wal/$(basename "$mark").gz.age" 2>/dev/null || true
      rm -f "$mark"
    }
  done < <(find "$state/wal" -maxdepth 1 -type f -print0 2>/dev/null)
fi

if [[ "$DRY_RUN" == true ]]; then
  log "dry run finished: nothing was changed"
  exit 0
fi
streaming=$(psql_q postgres -c "select count(*) from pg_replication_slots
  where slot_name = '${REQSTLY_WAL_SLOT:-reqstly_wal_archive}' and active" 2>/dev/null || echo 0)
write_metric reqstly_wal_archive_streaming "1 while pg_receivewal (wal-receiver.sh) holds its replication slot." "$streaming"
write_metric reqstly_backup_offsite_last_success_timestamp_seconds \
  "When backup-ship.sh last brought the off-site copy up to date." "$(date -u +%s)"
log "off-site copy up to date ($shipped files copied) at $OFFSITE"
