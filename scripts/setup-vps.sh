#!/usr/bin/env bash
# Prepares a fresh Ubuntu 24.04 VPS for Reqstly, once, and is safe to run
# again (each step checks before it changes anything):
#   SSH keys only and no root login · UFW allowing 22/80/443 · fail2ban ·
#   unattended upgrades · a swap file · Docker from Docker's apt repository · swarm init ·
#   the three overlay networks · the Docker secrets · folders · continuous,
#   encrypted, off-site backups (it does not finish without an off-site
#   target and an age recipient: docs/RUNBOOK.md, Back up).
set -euo pipefail
SCRIPT_NAME="setup-vps.sh"
# shellcheck source-path=SCRIPTDIR source=ops-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/ops-common.sh"

usage() {
  cat <<'USAGE'
usage: sudo scripts/setup-vps.sh --admin-user NAME --offsite TARGET --age-recipient RCPT [options]

  --admin-user NAME   the sudo user who logs in with an SSH key; must already
                      have ~/.ssh/authorized_keys (else we would lock you out)
  --secrets-dir DIR   read secret values from DIR/<name> (e.g. DIR/reqstly_azure_client_secret);
                      values generated here are written there too, mode 0600,
                      so you can move them to your password manager
                      (default /root/reqstly-secrets)
  --advertise-addr IP address for `docker swarm init` (default: the main one)
  --repo-dir DIR      where this repository lives on the VPS (default /opt/reqstly)
  --offsite TARGET    where encrypted backups go, required: sftp://user@host[:port]/path
                      (relative to the login's home; //path for an absolute one) or
                      s3://bucket/prefix (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
                      REQSTLY_OFFSITE_S3_ENDPOINT in /etc/reqstly/backup.env)
  --age-recipient R   age public key (age1…) backups are encrypted to, required; the
                      private key stays with you, off the VPS
  --backup-dir DIR    the backup disk, mounted and not the one Docker keeps the
                      database on (default /srv/reqstly-backups)
  --backup-same-disk  accept a backup folder on Docker's disk (not recommended)
  --non-interactive   never prompt: a secret with no file is an error
  --dry-run           print the plan; change nothing
  -h, --help          show this text

Secrets (Docker secrets, named <name>_v1; see stack/SECRETS.md):
  generated here: postgres, authenticator, monitoring and grafana admin
  passwords, authsvc database URL, ES256 signing key and its JWKS;
  asked for: Azure client secret (authsvc), Grafana's Azure client secret.
  (Alert notifications are off until you add their secret: docs/RUNBOOK.md.)
USAGE
}

admin_user=""
secrets_dir=/root/reqstly-secrets
advertise_addr=""
repo_dir=/opt/reqstly
interactive=true
offsite=""
age_recipient=""
backup_dir=/srv/reqstly-backups
backup_same_disk=false
while (($#)); do
  case "$1" in
    --admin-user) admin_user=${2:?--admin-user needs a name}; shift ;;
    --secrets-dir) secrets_dir=${2:?--secrets-dir needs a directory}; shift ;;
    --advertise-addr) advertise_addr=${2:?--advertise-addr needs an address}; shift ;;
    --repo-dir) repo_dir=${2:?--repo-dir needs a directory}; shift ;;
    --non-interactive) interactive=false ;;
    --offsite) offsite=${2:?--offsite needs a target}; shift ;;
    --age-recipient) age_recipient=${2:?--age-recipient needs a public key}; shift ;;
    --backup-dir) backup_dir=${2:?--backup-dir needs a directory}; shift ;;
    --backup-same-disk) backup_same_disk=true ;;
    --dry-run) DRY_RUN=true ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
[[ -n "$admin_user" ]] || die "--admin-user NAME is required (see --help)"
[[ -n "$offsite" ]] || die "--offsite TARGET is required: backups that never leave the VPS are lost with it (sftp://user@host/path or s3://bucket/prefix; see --help)"
[[ "$offsite" == sftp://* || "$offsite" == s3://* ]] || die "--offsite must be sftp://user@host[:port]/path or s3://bucket/prefix"
[[ "$age_recipient" =~ ^age1[0-9a-z]{58}$ ]] || die "--age-recipient must be an age public key (age1…, from age-keygen; keep the private key off the VPS)"

if [[ "$DRY_RUN" == false && $(id -u) -ne 0 ]]; then
  die "run as root (sudo), or with --dry-run to see the plan"
fi
if [[ -r /etc/os-release ]]; then
  # shellcheck disable=SC1091
  . /etc/os-release
  [[ "${ID:-}" == ubuntu && "${VERSION_ID:-}" == 24.04 ]] ||
    warn "written for Ubuntu 24.04; this is ${PRETTY_NAME:-unknown}"
fi

# write_file PATH MODE: content on stdin; written only when it differs.
write_file() {
  local path=$1 mode=$2 content
  content=$(cat)
  if [[ -f "$path" ]] && [[ "$(cat "$path")" == "$content" ]]; then
    log "unchanged: $path"
    return 0
  fi
  if [[ "$DRY_RUN" == true ]]; then
    log "[dry-run] would write $path (mode $mode)"
    return 0
  fi
  install -d -m 0755 "$(dirname "$path")"
  printf '%s\n' "$content" >"$path.tmp"
  chmod "$mode" "$path.tmp"
  mv "$path.tmp" "$path"
  log "wrote $path"
}

# ── 1. packages ─────────────────────────────────────────────────────────────
log "step 1: base packages"
export DEBIAN_FRONTEND=noninteractive
packages=(ufw fail2ban unattended-upgrades ca-certificates curl gnupg openssl age rclone)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  run apt-get update -qq
  run apt-get install -y -qq "${missing[@]}"
else
  log "all base packages present"
fi

# ── 2. SSH: keys only, no root login ───────────────────────────────────────
log "step 2: SSH hardening"
keys="$(getent passwd "$admin_user" | cut -d: -f6)/.ssh/authorized_keys"
if [[ ! -s "$keys" ]]; then
  if [[ "$DRY_RUN" == true ]]; then
    warn "$keys is missing or empty: a real run would stop here"
  else
    die "$admin_user has no $keys: add your public key first, or this would lock you out"
  fi
fi
write_file /etc/ssh/sshd_config.d/10-reqstly-hardening.conf 0644 <<'CONF'
# Written by reqstly scripts/setup-vps.sh
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthenticationMethods publickey
MaxAuthTries 3
X11Forwarding no
CONF
run sshd -t
run systemctl reload ssh

# ── 3. firewall ─────────────────────────────────────────────────────────────
log "step 3: UFW allows 22 (rate-limited), 80 and 443 (443/udp for HTTP/3)"
run ufw default deny incoming
run ufw default allow outgoing
run ufw limit 22/tcp
run ufw allow 80/tcp
run ufw allow 443/tcp
run ufw allow 443/udp
run ufw --force enable

# ── 4. fail2ban and unattended upgrades ─────────────────────────────────────
log "step 4: fail2ban (sshd) and unattended security upgrades"
write_file /etc/fail2ban/jail.d/reqstly.local 0644 <<'CONF'
# Written by reqstly scripts/setup-vps.sh
[sshd]
enabled = true
backend = systemd
maxretry = 5
findtime = 10m
bantime = 1h
CONF
write_file /etc/apt/apt.conf.d/20auto-upgrades 0644 <<'CONF'
APT::Periodic::Update-Package-Lists "1";
APT::Periodic::Unattended-Upgrade "1";
APT::Periodic::AutocleanInterval "7";
CONF
run systemctl enable --now fail2ban unattended-upgrades
run systemctl restart fail2ban

# ── 4b. swap ────────────────────────────────────────────────────────────────
# The stack's memory limits add up to 3 392 MiB while a deploy runs old and
# new tasks side by side (stack/docker-stack.yml); with the kernel and Docker
# that is close to 4 GiB. A 2 GiB swap file is the cushion that turns a
# rare peak into slowness instead of the OOM killer; swappiness 10 keeps it
# for peaks only.
log "step 4b: a 2 GiB swap file (a cushion for deploy peaks, not a budget)"
if [[ -n "$(swapon --noheadings --show=NAME 2>/dev/null)" ]]; then
  log "swap already active: $(swapon --noheadings --show=NAME,SIZE | tr '\n' ' ')"
else
  run fallocate -l 2G /swapfile
  run chmod 0600 /swapfile
  run mkswap /swapfile
  run swapon /swapfile
  grep -q '^/swapfile ' /etc/fstab 2>/dev/null || run sh -c "echo '/swapfile none swap sw 0 0' >>/etc/fstab"
fi
write_file /etc/sysctl.d/60-reqstly-swap.conf 0644 <<'CONF'
# Written by reqstly scripts/setup-vps.sh: swap for peaks only.
vm.swappiness = 10
CONF
run sysctl --quiet --load /etc/sysctl.d/60-reqstly-swap.conf

# ── 5. Docker from Docker's apt repository ─────────────────────────────────
log "step 5: Docker Engine from download.docker.com"
if command -v dockerd >/dev/null 2>&1; then
  log "Docker Engine already installed: $(dockerd --version 2>/dev/null || echo present)"
else
  run install -m 0755 -d /etc/apt/keyrings
  run curl -fsSL https://download.docker.com/linux/ubuntu/gpg -o /etc/apt/keyrings/docker.asc
  run chmod a+r /etc/apt/keyrings/docker.asc
  write_file /etc/apt/sources.list.d/docker.list 0644 <<CONF
deb [arch=$(dpkg --print-architecture 2>/dev/null || echo amd64) signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/ubuntu ${VERSION_CODENAME:-noble} stable
CONF
  run apt-get update -qq
  run apt-get install -y -qq docker-ce docker-ce-cli containerd.io docker-buildx-plugin
fi
# Rotate every container's log by default (the stack file sets it per service too).
write_file /etc/docker/daemon.json 0644 <<'CONF'
{
  "log-driver": "json-file",
  "log-opts": { "max-size": "10m", "max-file": "3" }
}
CONF
run systemctl enable --now docker

# ── 6. swarm and networks ──────────────────────────────────────────────────
log "step 6: single-node swarm and the overlay networks"
swarm_state=$(docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || echo unknown)
if [[ "$swarm_state" == active ]]; then
  log "swarm already active"
else
  addr_args=()
  [[ -n "$advertise_addr" ]] && addr_args=(--advertise-addr "$advertise_addr")
  run docker swarm init "${addr_args[@]}"
fi
ensure_network() {
  local name=$1
  shift
  if docker network inspect "$name" >/dev/null 2>&1; then
    log "network $name exists"
  else
    run docker network create --driver overlay "$@" "$name"
  fi
}
ensure_network reqstly_public
# No route out: only PostgreSQL and its clients live here. Attachable so an
# admin can start a one-off psql container on it (docs/RUNBOOK.md).
ensure_network reqstly_internal --internal --attachable
ensure_network reqstly_monitoring

# ── 7. folders, settings file, backup timer ────────────────────────────────
log "step 7: folders and the settings file"
run install -d -m 0750 /etc/reqstly
run install -d -m 0750 /var/lib/reqstly
run install -d -m 0755 /var/lib/node_exporter/textfile_collector
if [[ ! -f /etc/reqstly/reqstly.env ]]; then
  run install -m 0640 "$repo_dir/stack/.env.example" /etc/reqstly/reqstly.env
  log "edit /etc/reqstly/reqstly.env before the first deploy"
else
  log "settings file /etc/reqstly/reqstly.env exists"
fi

# ── 7b. backups: own disk, WAL receiver, nightly base backup, off-site copy ──
log "step 7b: backups in $backup_dir, encrypted for $age_recipient, off-site at $offsite"
docker_root=$(docker info --format '{{.DockerRootDir}}' 2>/dev/null || echo /var/lib/docker)
if [[ ! -d "$backup_dir" ]]; then
  if [[ "$DRY_RUN" == true ]]; then
    warn "$backup_dir does not exist: a real run stops here until its disk is mounted"
  else
    die "$backup_dir does not exist: attach a volume of its own and mount it there (fstab), then run this again"
  fi
elif [[ "$(stat -c %d "$backup_dir")" == "$(stat -c %d "$docker_root" 2>/dev/null || stat -c %d /)" ]]; then
  if [[ "$backup_same_disk" == true ]]; then
    warn "$backup_dir is on the same disk as $docker_root (the database): allowed by --backup-same-disk"
  elif [[ "$DRY_RUN" == true ]]; then
    warn "$backup_dir is on the same disk as $docker_root: a real run stops here"
  else
    die "$backup_dir is on the same disk as $docker_root (the database): a full disk would stop both. Mount a volume of its own there, or pass --backup-same-disk"
  fi
fi
# The postgres container's user (uid 999 in the postgres image) writes there.
run install -d -m 0700 -o 999 -g 999 "$backup_dir"
offsite_key=/etc/reqstly/offsite_ed25519
if [[ "$offsite" == sftp://* ]]; then
  if [[ ! -f "$offsite_key" ]]; then
    run ssh-keygen -q -t ed25519 -N "" -C "reqstly-backup@$(hostname)" -f "$offsite_key"
  fi
  hostport=${offsite#sftp://*@}
  hostport=${hostport%%/*}
  offsite_host=${hostport%%:*}
  offsite_port=22
  [[ "$hostport" == *:* ]] && offsite_port=${hostport##*:}
  if [[ ! -s /etc/reqstly/offsite_known_hosts ]]; then
    if [[ "$DRY_RUN" == true ]]; then
      log "[dry-run] would pin the host key of $offsite_host:$offsite_port (ssh-keyscan) in /etc/reqstly/offsite_known_hosts"
    else
      ssh-keyscan -p "$offsite_port" "$offsite_host" >/etc/reqstly/offsite_known_hosts 2>/dev/null ||
        die "cannot reach $offsite_host:$offsite_port over SSH"
    fi
  fi
fi
write_file /etc/reqstly/backup.env 0600 <<CONF
# Written by reqstly scripts/setup-vps.sh; read by the backup jobs (docs/RUNBOOK.md, Back up).
REQSTLY_BACKUP_DIR=$backup_dir
REQSTLY_OFFSITE=$offsite
REQSTLY_AGE_RECIPIENTS=$age_recipient
REQSTLY_OFFSITE_SSH_KEY=$offsite_key
REQSTLY_OFFSITE_KNOWN_HOSTS=/etc/reqstly/offsite_known_hosts
REQSTLY_TEXTFILE_DIR=/var/lib/node_exporter/textfile_collector
CONF
# The off-site target must take a file before we call this VPS backed up.
if [[ "$DRY_RUN" == true ]]; then
  log "[dry-run] would check that $offsite accepts a file (rclone)"
else
  (
    set -a
    # shellcheck disable=SC1091
    . /etc/reqstly/backup.env
    set +a
    # shellcheck source-path=SCRIPTDIR source=backup-common.sh
    . "$(dirname "${BASH_SOURCE[0]}")/backup-common.sh"
    remote=$(offsite_remote "$offsite")
    printf 'reqstly off-site check %s\n' "$(date -u +%FT%TZ)" | rclone rcat "$remote/.reqstly-check" &&
      rclone deletefile "$remote/.reqstly-check"
  ) || die "the off-site target $offsite does not accept files. For SFTP add $offsite_key.pub to the target's authorized_keys; for S3 put the credentials in /etc/reqstly/backup.env. Then run this again."
  log "off-site target $offsite accepts files"
fi
write_file /etc/systemd/system/reqstly-wal-receiver.service 0644 <<CONF
# Written by reqstly scripts/setup-vps.sh: WAL streamed to the backup disk.
[Unit]
Description=Reqstly WAL receiver (pg_receivewal into $backup_dir/wal)
After=docker.service
Requires=docker.service

[Service]
EnvironmentFile=/etc/reqstly/backup.env
ExecStart=$repo_dir/scripts/wal-receiver.sh
Restart=always
RestartSec=10

[Install]
WantedBy=multi-user.target
CONF
run systemctl daemon-reload
run systemctl enable reqstly-wal-receiver.service
write_file /etc/cron.d/reqstly-backup 0644 <<CONF
# Written by reqstly scripts/setup-vps.sh: nightly base backup (retention 14
# days) and the off-site copy every minute, encrypted for the age recipient.
SHELL=/bin/bash
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
30 2 * * * root set -a; . /etc/reqstly/backup.env; set +a; $repo_dir/scripts/backup.sh --backup-dir $backup_dir --offsite $offsite --age-recipient $age_recipient --keep-days 14 >>/var/log/reqstly-backup.log 2>&1
* * * * * root set -a; . /etc/reqstly/backup.env; set +a; $repo_dir/scripts/backup-ship.sh --backup-dir $backup_dir --offsite $offsite --age-recipient $age_recipient >>/var/log/reqstly-backup-ship.log 2>&1
CONF
write_file /etc/logrotate.d/reqstly-backup 0644 <<'CONF'
/var/log/reqstly-backup.log /var/log/reqstly-backup-ship.log {
  weekly
  rotate 8
  compress
  missingok
  notifempty
}
CONF

# ── 8. secrets ──────────────────────────────────────────────────────────────
log "step 8: Docker secrets (version v1; rotation: docs/RUNBOOK.md)"
if [[ "$DRY_RUN" == false ]]; then
  install -d -m 0700 "$secrets_dir"
fi

secret_exists() { docker secret inspect "$1" >/dev/null 2>&1; }

# create_secret NAME VALUE: docker secret create NAME_v1 from stdin.
create_secret() {
  local name=${1}_v1 value=$2
  if [[ "$DRY_RUN" == true ]]; then
    log "[dry-run] would run: docker secret create $name - (value not shown)"
    return 0
  fi
  printf '%s' "$value" | docker secret create --label reqstly=1 "$name" - >/dev/null
  log "created secret $name"
}

# value_for NAME KIND: the value from the secrets dir, else generated
# (KIND=generate) or asked for (KIND=prompt).
value_for() {
  local name=$1 kind=$2 file="$secrets_dir/$1" value=""
  if [[ -r "$file" ]]; then
    value=$(<"$file")
  elif [[ "$kind" == generate ]]; then
    # hex: safe inside a connection URI without escaping
    value=$(openssl rand -hex 32)
    (umask 077 && printf '%s\n' "$value" >"$file")
  elif [[ "$interactive" == true && -t 0 ]]; then
    read -r -s -p "$SCRIPT_NAME: value for $name (input hidden): " value
    printf '\n' >&2
  else
    die "no value for $name: put it in $file or run interactively"
  fi
  [[ -n "$value" ]] || die "empty value for $name"
  printf '%s' "$value"
}

ensure_secret() {
  local name=$1 kind=$2
  if secret_exists "${name}_v1"; then
    log "secret ${name}_v1 exists"
  elif [[ "$DRY_RUN" == true ]]; then
    log "[dry-run] would create secret ${name}_v1 ($kind)"
  else
    create_secret "$name" "$(value_for "$name" "$kind")"
  fi
}

ensure_secret reqstly_postgres_password generate
ensure_secret reqstly_authenticator_password generate
ensure_secret reqstly_monitoring_password generate
ensure_secret reqstly_grafana_admin_password generate
ensure_secret reqstly_azure_client_secret prompt
ensure_secret reqstly_grafana_azure_client_secret prompt
ensure_secret reqstly_smtp_username prompt
ensure_secret reqstly_smtp_password prompt

if secret_exists reqstly_authsvc_database_url_v1; then
  log "secret reqstly_authsvc_database_url_v1 exists"
elif [[ "$DRY_RUN" == true ]]; then
  log "[dry-run] would create secret reqstly_authsvc_database_url_v1 (generated password)"
else
  pw=$(value_for reqstly_authsvc_db_password generate)
  create_secret reqstly_authsvc_database_url "postgresql://authsvc:${pw}@postgres:5432/reqstly?application_name=authsvc"
fi

if secret_exists reqstly_notifier_database_url_v1; then
  log "secret reqstly_notifier_database_url_v1 exists"
elif [[ "$DRY_RUN" == true ]]; then
  log "[dry-run] would create secret reqstly_notifier_database_url_v1 (generated password)"
else
  pw=$(value_for reqstly_notifier_db_password generate)
  create_secret reqstly_notifier_database_url "postgresql://notifier:${pw}@postgres:5432/reqstly?application_name=notifier"
fi

# authsvc signs access tokens with an ES256 key; PostgREST verifies them
# with the JWKS that holds its public half (kid = RFC 7638 thumbprint).
b64url() { basenc --base64url -w0 | tr -d '='; }
if secret_exists reqstly_signing_key_v1 && secret_exists reqstly_jwks_v1; then
  log "secrets reqstly_signing_key_v1 and reqstly_jwks_v1 exist"
elif [[ "$DRY_RUN" == true ]]; then
  log "[dry-run] would generate an ES256 key pair: secrets reqstly_signing_key_v1 and reqstly_jwks_v1"
else
  keydir=$(mktemp -d)
  key="$keydir/key.pem"
  if [[ -r "$secrets_dir/reqstly_signing_key" ]]; then
    cp "$secrets_dir/reqstly_signing_key" "$key"
  else
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$key" 2>/dev/null
    (umask 077 && cp "$key" "$secrets_dir/reqstly_signing_key")
  fi
  # The DER public key ends with the uncompressed point 04 || X || Y.
  openssl pkey -in "$key" -pubout -outform DER -out "$keydir/pub.der"
  x=$(tail -c 64 "$keydir/pub.der" | head -c 32 | b64url)
  y=$(tail -c 32 "$keydir/pub.der" | b64url)
  kid=$(printf '{"crv":"P-256","kty":"EC","x":"%s","y":"%s"}' "$x" "$y" | openssl dgst -sha256 -binary | b64url)
  jwks=$(printf '{"keys":[{"kty":"EC","crv":"P-256","x":"%s","y":"%s","kid":"%s","alg":"ES256","use":"sig"}]}' "$x" "$y" "$kid")
  secret_exists reqstly_signing_key_v1 || create_secret reqstly_signing_key "$(<"$key")"
  secret_exists reqstly_jwks_v1 || create_secret reqstly_jwks "$jwks"
  rm -rf "$keydir"
  log "signing key kid $kid"
fi

if [[ "$DRY_RUN" == true ]]; then
  log "dry run finished: nothing was changed"
else
  log "done. Next: edit /etc/reqstly/reqstly.env, then scripts/deploy.sh --tag <sha>, then systemctl start reqstly-wal-receiver and scripts/backup.sh --full (docs/RUNBOOK.md)"
fi
