#!/usr/bin/env bash
# Brings the off-site copy back when the VPS (or its backup disk) is gone:
# the newest base backup and the ones it builds on (or --all of them), each
# checked against its .sha256 before age decrypts and authenticates it, and
# the WAL from that backup on, into a backup folder laid out as backup.sh and
# wal-receiver.sh make it. Then restore.sh works as usual (docs/RUNBOOK.md,
# "Restore when the VPS is gone").
set -euo pipefail
SCRIPT_NAME="backup-fetch.sh"
# shellcheck source-path=SCRIPTDIR source=ops-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/ops-common.sh"
# shellcheck source-path=SCRIPTDIR source=backup-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/backup-common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/backup-fetch.sh --offsite TARGET --identity FILE [options]

  --offsite TARGET    where backup-ship.sh copied to (sftp://…, s3://…, an rclone remote)
  --identity FILE     the age identity (private key) kept off the VPS
  --backup-dir DIR    where to put them (default $REQSTLY_BACKUP_DIR or /srv/reqstly-backups);
                      files get the owner of DIR (the server's OS user)
  --all               every base backup there, not only the newest chain (to go
                      back further than the newest backup)
  --dry-run           list what would be fetched; change nothing
  -h, --help          show this text
USAGE
}

identity=""
all=false
while (($#)); do
  case "$1" in
    --offsite) OFFSITE=${2:?--offsite needs a target}; shift ;;
    --identity) identity=${2:?--identity needs a file}; shift ;;
    --backup-dir) BACKUP_DIR=${2:?--backup-dir needs a directory}; shift ;;
    --all) all=true ;;
    --dry-run) DRY_RUN=true ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
[[ -n "$OFFSITE" ]] || die "name the off-site target: --offsite TARGET"
[[ -r "$identity" ]] || die "cannot read the age identity ${identity:-(none given)}: --identity FILE"
require_cmd age rclone sha256sum tar gzip
remote=$(offsite_remote "$OFFSITE")

info=$(mktemp -d)
download=""
trap 'rm -rf "$info" ${download:+"$download"}' EXIT
# The .info files are small and plain: read them all to choose.
rclone copy "$remote/base" "$info" --include '*.info' ||
  die "cannot list $OFFSITE/base: wrong target, or no access"
mapfile -t stamps < <(find "$info" -name '*.info' -printf '%f\n' | sed 's/\.info$//' | LC_ALL=C sort)
((${#stamps[@]})) || die "no base backup at $OFFSITE/base: wrong target, or nothing was ever shipped"
if [[ "$all" == true ]]; then
  wanted=("${stamps[@]}")
else
  wanted=()
  stamp=${stamps[-1]}
  while [[ -n "$stamp" ]]; do
    [[ -f "$info/$stamp.info" ]] || die "base backup $stamp (needed by a newer one) is not at $OFFSITE"
    wanted=("$stamp" "${wanted[@]}")
    stamp=$(info_get "$info/$stamp.info" parent)
  done
fi
from_wal=$(info_get "$info/${wanted[0]}.info" start_wal)
mapfile -t wals < <(rclone lsf "$remote/wal" --include '*.gz.age' 2>/dev/null | LC_ALL=C sort |
  awk -v from="$from_wal" 'substr($0, 1, 24) >= from || $0 ~ /history/')
log "plan: fetch base backups ${wanted[*]} and ${#wals[@]} WAL files (from $from_wal) from $OFFSITE into $BACKUP_DIR"
if [[ "$DRY_RUN" == true ]]; then
  log "dry run finished: nothing was changed"
  exit 0
fi

[[ -d "$BACKUP_DIR" ]] || die "no folder $BACKUP_DIR: make it first (owned by the server's OS user)"
owner=$(stat -c %u:%g "$BACKUP_DIR")
umask 077
mkdir -p "$BACKUP_DIR/base" "$BACKUP_DIR/wal"
download=$(mktemp -d "$BACKUP_DIR/.fetch.XXXXXX")

for stamp in "${wanted[@]}"; do
  file="$stamp.tar.gz.age"
  if [[ -f "$BACKUP_DIR/base/$stamp/backup.info" ]]; then
    log "base backup $stamp already here"
    continue
  fi
  rclone copyto "$remote/base/$file" "$download/$file"
  rclone copyto "$remote/base/$file.sha256" "$download/$file.sha256" ||
    die "base/$file has no checksum off-site: refusing it"
  (cd "$download" && sha256sum --check --strict --quiet "$file.sha256") ||
    die "CHECKSUM MISMATCH: the off-site copy base/$file is corrupted or truncated. Nothing was restored. Use an older base backup (backup-fetch.sh --all, restore.sh --to an earlier time)."
  age -d -i "$identity" "$download/$file" | gzip -d | tar -C "$download" -x ||
    die "base/$file does not decrypt with $identity (wrong key, or a damaged copy). Nothing was restored."
  mv "$download/$stamp" "$BACKUP_DIR/base/$stamp"
  rm -f "$download/$file" "$download/$file.sha256"
  log "fetched base backup $stamp"
done

for file in "${wals[@]}"; do
  name=${file%.gz.age}
  [[ -f "$BACKUP_DIR/wal/$name" ]] && continue
  rclone copyto "$remote/wal/$file" "$download/$file"
  age -d -i "$identity" "$download/$file" | gzip -d >"$download/$name" ||
    die "wal/$file does not decrypt with $identity (wrong key, or a damaged copy)"
  mv "$download/$name" "$BACKUP_DIR/wal/$name"
  rm -f "$download/$file"
done
# A partial whose segment came complete as well is stale.
for partial in "$BACKUP_DIR"/wal/*.partial; do
  if [[ -f "$partial" && -f "${partial%.partial}" ]]; then rm -f "$partial"; fi
done
chown -R "$owner" "$BACKUP_DIR/base" "$BACKUP_DIR/wal"
log "fetched base backups ${wanted[*]} and ${#wals[@]} WAL files into $BACKUP_DIR; next: scripts/restore.sh (docs/RUNBOOK.md)"
