# shellcheck shell=bash
# Shared by the backup scripts (backup.sh, wal-receiver.sh, backup-ship.sh,
# backup-fetch.sh, restore.sh). Sourced after ops-common.sh, never run.
# Design and layout: docs/adr/0014-continuous-archiving-with-postgres-tools.md.
#
# The backup folder has the same path on the host and inside the postgres
# container (a bind mount from a disk of its own), so the PostgreSQL programs
# run where the server is (docker exec, or PG_BIN locally) and this shell
# reads their results directly:
#   $BACKUP_DIR/wal/             WAL from pg_receivewal (one .partial: the current segment)
#   $BACKUP_DIR/base/<stamp>/    one base backup: data/ (pg_basebackup, with its
#                                backup_manifest), roles.sql, backup.info, SHA256SUMS
#   $BACKUP_DIR/logical/         backup.sh --logical (pg_dump, for major upgrades)
#   $BACKUP_DIR/offsite-state/   what backup-ship.sh has copied off-site
#   $BACKUP_DIR/restore/<stamp>/ restore.sh's fresh clusters (removed when done)

BACKUP_DIR=${REQSTLY_BACKUP_DIR:-/srv/reqstly-backups}
# shellcheck disable=SC2034 # used by the scripts that source this file
OFFSITE=${REQSTLY_OFFSITE:-}
# shellcheck disable=SC2034
AGE_RECIPIENTS=${REQSTLY_AGE_RECIPIENTS:-}
TEXTFILE_DIR=${REQSTLY_TEXTFILE_DIR-/var/lib/node_exporter/textfile_collector}

# A name for a backup or a restore: lower-case, so it is also a valid database name.
backup_stamp() { date -u +%Y%m%d_%H%M%S; }

# as_server CMD ARGS...: run CMD as the PostgreSQL server's OS user, where the
# server's files are: inside the postgres container (docker exec -u postgres),
# or locally as PG_OS_USER (PostgreSQL refuses root; tests set it). setpriv
# execs in place: a PID a test stops is the program itself.
as_server() {
  if [[ -n "${PG_BIN:-}" ]]; then
    if [[ -n "${PG_OS_USER:-}" && $(id -u) -eq 0 ]]; then
      setpriv --reuid "$PG_OS_USER" --regid "$PG_OS_USER" --init-groups -- "$@"
    else
      "$@"
    fi
  else
    docker exec -i -u postgres "$(pg_container)" "$@"
  fi
}

# pg_server TOOL ARGS...: a PostgreSQL program that writes the server's files.
pg_server() {
  local tool=$1
  shift
  if [[ -n "${PG_BIN:-}" ]]; then
    as_server "$PG_BIN/$tool" "$@"
  else
    as_server "$tool" "$@"
  fi
}

psql_q() {
  local db=$1
  shift
  pg psql -X -q -A -t -v ON_ERROR_STOP=1 --no-password -d "$db" "$@"
}

# check_backup_dir DIR ALLOW_SAME_DISK: the folder must be the same on both
# sides (the host writes beside what the server's programs write), and never
# on the database's own filesystem (a full disk would take both; docs/RUNBOOK.md,
# Back up) unless ALLOW_SAME_DISK is true.
check_backup_dir() {
  local dir=$1 allow=$2 probe pgdata devices
  [[ -d "$dir" ]] || die "no backup folder $dir (setup-vps.sh makes it; mount its disk first)"
  probe=".probe-$$"
  : >"$dir/$probe"
  if ! as_server test -f "$dir/$probe"; then
    rm -f "$dir/$probe"
    die "$dir is not the same folder for the database server: mount it into the postgres container at the same path (docs/RUNBOOK.md, Back up)"
  fi
  rm -f "$dir/$probe"
  pgdata=$(psql_q postgres -c "show data_directory")
  devices=$(as_server stat -c %d "$pgdata" "$dir")
  if [[ "$(sed -n 1p <<<"$devices")" == "$(sed -n 2p <<<"$devices")" ]]; then
    if [[ "$allow" == true ]]; then
      warn "$dir is on the same filesystem as the database ($pgdata); allowed by --allow-same-disk"
    else
      die "$dir is on the same filesystem as the database ($pgdata): a full disk would stop both. Mount a disk of its own there (docs/RUNBOOK.md, Back up), or pass --allow-same-disk for a test"
    fi
  fi
}

# info_get FILE KEY: one value of a backup.info file (KEY=value lines).
info_get() { sed -n "s/^$2=//p" "$1" | head -n1; }

# complete_backups: stamps of finished base backups, oldest first.
complete_backups() {
  local dir
  for dir in "$BACKUP_DIR"/base/*/; do
    if [[ -f "$dir/backup.info" ]]; then basename "$dir"; fi
  done | LC_ALL=C sort
}

# backup_chain STAMP: the full backup and the incrementals up to STAMP, oldest first.
backup_chain() {
  local stamp=$1 chain=() parent
  while [[ -n "$stamp" ]]; do
    [[ -f "$BACKUP_DIR/base/$stamp/backup.info" ]] || die "backup $stamp is missing (needed by a later incremental backup)"
    chain=("$stamp" "${chain[@]}")
    parent=$(info_get "$BACKUP_DIR/base/$stamp/backup.info" parent)
    stamp=$parent
  done
  printf '%s\n' "${chain[@]}"
}

# verify_base_backup STAMP: checksums of our files, then pg_verifybackup
# (every data file against backup_manifest, and the WAL the backup needs).
verify_base_backup() {
  local stamp=$1 dir="$BACKUP_DIR/base/$1" out
  [[ -f "$dir/SHA256SUMS" ]] || die "backup $stamp has no SHA256SUMS: refusing an unverifiable backup"
  if ! (cd "$dir" && sha256sum --check --strict --quiet SHA256SUMS) >&2; then
    die "CHECKSUM MISMATCH in backup $stamp ($dir): it is corrupted or incomplete. Nothing was restored. Use an older backup or the off-site copy."
  fi
  if ! out=$(pg_server pg_verifybackup --quiet "$dir/data" 2>&1); then
    printf '%s\n' "$out" >&2
    die "BACKUP CORRUPTED: pg_verifybackup refused $stamp ($dir/data). Nothing was restored. Use an older backup or the off-site copy."
  fi
}

# offsite_remote TARGET: an rclone remote for TARGET, configured on the command line.
#   sftp://user@host[:port]/path   SSH key in REQSTLY_OFFSITE_SSH_KEY (default /etc/reqstly/offsite_ed25519),
#                                  host key checked against REQSTLY_OFFSITE_KNOWN_HOSTS if set
#   s3://bucket/prefix             credentials and endpoint from AWS_ACCESS_KEY_ID,
#                                  AWS_SECRET_ACCESS_KEY, REQSTLY_OFFSITE_S3_ENDPOINT
#   anything else                  an rclone remote as is (e.g. a configured "offsite:path")
offsite_remote() {
  local target=$1 rest userhost hostport path user host port key known
  case "$target" in
    sftp://*)
      rest=${target#sftp://}
      userhost=${rest%%/*}
      path=${rest#"$userhost"}
      user=${userhost%%@*}
      hostport=${userhost#*@}
      host=${hostport%%:*}
      port=22
      [[ "$hostport" == *:* ]] && port=${hostport##*:}
      key=${REQSTLY_OFFSITE_SSH_KEY:-/etc/reqstly/offsite_ed25519}
      known=""
      [[ -n "${REQSTLY_OFFSITE_KNOWN_HOSTS:-}" ]] && known=",known_hosts_file='${REQSTLY_OFFSITE_KNOWN_HOSTS}'"
      # sftp://host/dir is relative to the login's home, sftp://host//srv/dir absolute.
      printf ":sftp,host='%s',port=%s,user='%s',key_file='%s'%s:%s\n" "$host" "$port" "$user" "$key" "$known" "${path#/}"
      ;;
    s3://*)
      rest=${target#s3://}
      printf ":s3,provider=Other,env_auth=true,endpoint='%s':%s\n" "${REQSTLY_OFFSITE_S3_ENDPOINT:-}" "$rest"
      ;;
    *) printf '%s\n' "$target" ;;
  esac
}

# age_args RECIPIENT: "age1…" → -r age1…; "@FILE" → -R FILE (one recipient a line).
age_args() {
  if [[ "$1" == @* ]]; then
    printf '%s\n' -R "${1#@}"
  else
    printf '%s\n' -r "$1"
  fi
}

# write_metric NAME HELP VALUE: one gauge in its own file for node-exporter's
# textfile collector, written atomically (rename within the folder).
write_metric() {
  local name=$1 help=$2 value=$3 tmp
  [[ -n "$TEXTFILE_DIR" ]] || return 0
  mkdir -p "$TEXTFILE_DIR"
  tmp=$(mktemp "$TEXTFILE_DIR/.$name.prom.XXXXXX")
  printf '# HELP %s %s\n# TYPE %s gauge\n%s %s\n' "$name" "$help" "$name" "$name" "$value" >"$tmp"
  chmod 0644 "$tmp"
  mv "$tmp" "$TEXTFILE_DIR/$name.prom"
}

# rclone reads named remotes from /etc/reqstly/rclone.conf when there is one;
# the sftp:// and s3:// targets need none.
if [[ -z "${RCLONE_CONFIG:-}" ]]; then
  if [[ -f /etc/reqstly/rclone.conf ]]; then
    export RCLONE_CONFIG=/etc/reqstly/rclone.conf
  else
    export RCLONE_CONFIG=/dev/null
  fi
fi
