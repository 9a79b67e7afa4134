#!/usr/bin/env bash
# Brings the off-site copy back when the VPS (or its backup disk) is gone:
# every base backup (checksum of the encrypted file first, then age decrypts
# and authenticates it) and every WAL segment, into a backup folder laid out
# as backup.sh and wal-receiver.sh make it. Then restore.sh works as usual
# (docs/RUNBOOK.md, "Restore when the VPS is gone").
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
  --dry-run           list what would be fetched; change nothing
  -h, --help          show this text
USAGE
}

identity=""
while (($#)); do
  case "$1" in
    --offsite) OFFSITE=${2:?--offsite needs a target}; shift ;;
    --identity) identity=${2:?--identity needs a file}; shift ;;
    --backup-dir) BACKUP_DIR=${2:?--backup-dir needs a directory}; shift ;;
    --dry-run) DRY_RUN=true ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
[[ -n "$OFFSITE" ]] || die "name the off-site target: --offsite TARGET"
[[ -r "$identity" ]] || die "cannot read the age identity ${identity:-(none given)}: --identity FILE"
require_cmd age rclone sha256sum tar
remote=$(offsite_remote "$OFFSITE")

mapfile -t bases < <(rclone lsf "$remote/base" --include '*.tar.age' 2>/dev/null | LC_ALL=C sort)
mapfile -t wals < <(rclone lsf "$remote/wal" --include '*.age' 2>/dev/null | LC_ALL=C sort)
((${#bases[@]})) || die "no base backup at $OFFSITE/base: wrong target, or nothing was ever shipped"
log "plan: fetch ${#bases[@]} base backups and ${#wals[@]} WAL files from $OFFSITE into $BACKUP_DIR"
if [[ "$DRY_RUN" == true ]]; then
  printf '%s\n' "${bases[@]}" | sed "s/^/$SCRIPT_NAME: [dry-run] would fetch base\//"
  log "dry run finished: nothing was changed"
  exit 0
fi

[[ -d "$BACKUP_DIR" ]] || die "no folder $BACKUP_DIR: make it first (owned by the server's OS user)"
owner=$(stat -c %u:%g "$BACKUP_DIR")
umask 077
mkdir -p "$BACKUP_DIR/base" "$BACKUP_DIR/wal"
download=$(mktemp -d "$BACKUP_DIR/.fetch.XXXXXX")
trap 'rm -rf "$download"' EXIT

for file in "${bases[@]}"; do
  stamp=${file%.tar.age}
  if [[ -f "$BACKUP_DIR/base/$stamp/backup.info" ]]; then
    log "base backup $stamp already here"
    continue
  fi
  rclone copyto "$remote/base/$file" "$download/$file"
  rclone copyto "$remote/base/$file.sha256" "$download/$file.sha256" ||
    die "base/$file has no checksum off-site: refusing it"
  (cd "$download" && sha256sum --check --strict --quiet "$file.sha256") ||
    die "CHECKSUM MISMATCH: the off-site copy base/$file is corrupted or truncated. Nothing was restored. Use an older base backup (delete this one from the target)."
  age -d -i "$identity" "$download/$file" | tar -C "$download" -x ||
    die "base/$file does not decrypt with $identity (wrong key, or a damaged copy). Nothing was restored."
  mv "$download/$stamp" "$BACKUP_DIR/base/$stamp"
  rm -f "$download/$file" "$download/$file.sha256"
  log "fetched base backup $stamp"
done

for file in "${wals[@]}"; do
  name=${file%.age}
  [[ -f "$BACKUP_DIR/wal/$name" ]] && continue
  rclone copyto "$remote/wal/$file" "$download/$file"
  age -d -i "$identity" -o "$download/$name" "$download/$file" ||
    die "wal/$file does not decrypt with $identity (wrong key, or a damaged copy)"
  mv "$download/$name" "$BACKUP_DIR/wal/$name"
  rm -f "$download/$file"
done
# A partial whose segment came complete as well is stale.
for partial in "$BACKUP_DIR"/wal/*.partial; do
  if [[ -f "$partial" && -f "${partial%.partial}" ]]; then rm -f "$partial"; fi
done
chown -R "$owner" "$BACKUP_DIR/base" "$BACKUP_DIR/wal"
log "fetched ${#bases[@]} base backups and ${#wals[@]} WAL files into $BACKUP_DIR; next: scripts/restore.sh (docs/RUNBOOK.md)"
