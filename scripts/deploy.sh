#!/usr/bin/env bash
# Deploys one commit of Reqstly to the Swarm on this VPS (docs/ARCHITECTURE.md, docs/RUNBOOK.md "Deploy"):
#   1. renders stack/docker-stack.yml of that commit with the settings file
#      (docker stack config: a missing setting stops here),
#   2. backs the database up (backup.sh), then runs the migration job with
#      the new image and waits for it to complete — if either fails, nothing
#      else is touched (the job's lock_timeout keeps a migration from
#      queueing behind a long query),
#   3. docker stack deploy --prune,
#   4. waits until every service this deploy changed is healthy on its new
#      version — Swarm rolls a failing service back by itself, and this says
#      which service and why — and if that does not happen rolls the code
#      back to the previous deployment (rollback.sh; the schema stays:
#      migrations are expand-then-contract).
set -euo pipefail
SCRIPT_NAME="deploy.sh"
# shellcheck source-path=SCRIPTDIR source=ops-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/ops-common.sh"
# shellcheck source-path=SCRIPTDIR source=stack-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/stack-common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/deploy.sh --tag SHA [options]

  --tag SHA         commit to deploy; its images must be in the registry
                    (${REGISTRY}/reqstly-<name>:SHA, pushed by deploy.yml)
  --env-file FILE   stack settings (default /etc/reqstly/reqstly.env; see
                    stack/.env.example)
  --source DIR      deploy the tree in DIR instead of `git archive SHA` of
                    this repository (tests, emergencies); an automatic
                    rollback then uses the same tree
  --compose-file F  a further stack file merged over stack/docker-stack.yml
                    (repeatable; the Swarm tests' override)
  --backup-dir DIR  the backup folder; the pre-migration pg_dump goes to its
                    logical/ (default $REQSTLY_BACKUP_DIR or /srv/reqstly-backups)
  --backup-arg ARG  one more argument for that backup.sh run (repeatable;
                    the tests pass --allow-same-disk)
  --no-backup       skip the pre-migration backup (say why in the change log)
  --stack NAME      stack name (default reqstly)
  --state-dir DIR   where deployed tags are recorded (default /var/lib/reqstly)
  --timeout SECS    how long to wait for migrations and health (default 600)
  --no-rollback     on failure, leave the failed state for inspection
  --dry-run         print the plan; change nothing
  -h, --help        show this text
USAGE
}

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tag=""
auto_rollback=true
backup_dir=${REQSTLY_BACKUP_DIR:-/srv/reqstly-backups}
backup_extra=()
backup=true
while (($#)); do
  stack_option "$@"
  if ((OPTION_WORDS)); then shift "$OPTION_WORDS"; continue; fi
  case "$1" in
    --tag) tag=${2:?--tag needs a commit SHA}; shift ;;
    --backup-dir) backup_dir=${2:?--backup-dir needs a directory}; shift ;;
    --backup-arg) backup_extra+=("${2:?--backup-arg needs an argument}"); shift ;;
    --no-backup) backup=false ;;
    --no-rollback) auto_rollback=false ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

[[ -n "$tag" ]] || die "--tag SHA is required (see --help)"
is_immutable_tag "$tag" || die "'$tag' is not a commit SHA: deploys use immutable tags, never 'latest'"
[[ "$timeout" =~ ^[0-9]+$ ]] || die "--timeout must be a number of seconds"
given_source=$source_dir
require_cmd docker
export REQSTLY_STACK=$stack

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ── 1. the tree to deploy, its tags, the rendered stack file ───────────────
if [[ -z "$source_dir" ]]; then
  git -C "$repo" cat-file -e "${tag}^{commit}" 2>/dev/null ||
    die "commit $tag is not in $repo: git fetch first"
  source_dir="$work/src"
  mkdir -p "$source_dir"
  git -C "$repo" archive "$tag" | tar -x -C "$source_dir"
fi
[[ -f "$source_dir/stack/docker-stack.yml" ]] || die "$source_dir has no stack/docker-stack.yml"

load_env_file "$env_file"
[[ -n "${REGISTRY:-}" ]] || die "REGISTRY is not set in $env_file"
while IFS='=' read -r key value; do
  export "$key=$value"
done < <(image_tags "$source_dir" "$tag")
export MIGRATE_TAG=$tag

rendered="$work/docker-stack.rendered.yml"
stack_files=(-c "$source_dir/stack/docker-stack.yml")
for f in "${extra_files[@]}"; do
  stack_files+=(-c "$f")
done
docker stack config "${stack_files[@]}" >"$rendered" ||
  die "the stack file does not render with $env_file (a setting missing?)"

previous_tag=""
[[ -r "$state_dir/deployed-tag" ]] && previous_tag=$(<"$state_dir/deployed-tag")
if [[ -z "$previous_tag" ]]; then
  previous_tag=$(tag_of "$(service_image "${stack}_authsvc")" || true)
fi
migrate_exists=false
docker service inspect "${stack}_migrate" >/dev/null 2>&1 && migrate_exists=true

log "plan for stack $stack:"
log "  deploy commit      $tag (images ${REGISTRY}/reqstly-*:$tag, caddy $CADDY_TAG)"
log "  configs version    $REQSTLY_CONFIG_VERSION"
log "  currently deployed ${previous_tag:-nothing}"
if [[ "$migrate_exists" == true ]]; then
  log "  1. $(if [[ "$backup" == true ]]; then echo "pg_dump the database to $backup_dir/logical, then "; fi)run the migration job with reqstly-migrate:$tag and wait for it"
  log "  2. docker stack deploy --prune"
else
  log "  1. first deployment: the migration job starts with the stack"
  log "  2. docker stack deploy --prune, then wait for the job"
fi
log "  3. wait up to ${timeout}s for every service this deploy changes to be healthy"
log "  4. on failure: $(if [[ "$auto_rollback" == true && -n "$previous_tag" ]]; then echo "roll the code back to $previous_tag"; else echo "stop and report"; fi)"

if [[ "$DRY_RUN" == false ]]; then
  mkdir -p "$state_dir"
fi

fail() {
  warn "$1"
  if [[ "$auto_rollback" == true && -n "$previous_tag" && "$previous_tag" != "$tag" ]]; then
    warn "rolling the code back to $previous_tag (the schema stays as migrated)"
    rollback_args=(--to "$previous_tag" --env-file "$env_file" --stack "$stack"
      --state-dir "$state_dir" --timeout "$timeout")
    # A tree given with --source serves the rollback too (tests, emergencies).
    [[ -n "$given_source" ]] && rollback_args+=(--source "$given_source")
    for f in "${extra_files[@]}"; do
      rollback_args+=(--compose-file "$f")
    done
    "$repo/scripts/rollback.sh" "${rollback_args[@]}" ||
      warn "the rollback did not finish cleanly: see docs/RUNBOOK.md, 'Roll back'"
  fi
  die "deploy of $tag failed"
}

# The schema is now at $tag whatever happens next: a rollback keeps it.
record_schema() {
  if [[ "$DRY_RUN" == false ]]; then
    printf '%s\n' "$tag" >"$state_dir/migrate-tag"
  fi
}

# ── 2. migrations first ─────────────────────────────────────────────────────
if [[ "$migrate_exists" == true ]]; then
  if [[ "$backup" == true ]]; then
    # A pg_dump (backup.sh --logical), quick to restore if a migration goes
    # wrong; the off-site point-in-time chain is the nightly backup's job.
    backup_args=(--logical --local-only --backup-dir "$backup_dir" --keep-days 14
      --textfile-dir "" "${backup_extra[@]}")
    [[ "$DRY_RUN" == true ]] && backup_args+=(--dry-run)
    log "backing the database up before migrating (scripts/backup.sh --logical)"
    "$repo/scripts/backup.sh" "${backup_args[@]}" ||
      die "the pre-migration backup failed: nothing was changed"
  fi
  run docker service update --detach --with-registry-auth --force \
    --image "${REGISTRY}/reqstly-migrate:${tag}" "${stack}_migrate"
  wait_for_job "${stack}_migrate" "$tag" "$timeout" ||
    die "the migration job failed: nothing else was changed (docker service logs ${stack}_migrate)"
  record_schema
fi

# ── 3. the stack ────────────────────────────────────────────────────────────
snapshot="$work/before"
snapshot_services "$stack" "$snapshot"
# The files themselves, not the rendered copy: `docker stack deploy`
# interpolates again, and a rendered `$$` (an escaped dollar) would break.
run docker stack deploy --with-registry-auth --prune --detach=true "${stack_files[@]}" "$stack"
if [[ "$migrate_exists" == false ]]; then
  wait_for_job "${stack}_migrate" "$tag" "$timeout" || fail "the migration job failed"
  record_schema
fi

# ── 4. health, or roll back ─────────────────────────────────────────────────
wait_for_stack "$stack" "$timeout" "$snapshot" || fail "the stack did not become healthy"

if [[ "$DRY_RUN" == true ]]; then
  log "[dry-run] would record $tag as deployed in $state_dir"
  log "dry run finished: nothing was changed"
  exit 0
fi
if [[ -n "$previous_tag" && "$previous_tag" != "$tag" ]]; then
  printf '%s\n' "$previous_tag" >"$state_dir/previous-tag"
fi
printf '%s\n' "$tag" >"$state_dir/deployed-tag"
log "deployed $tag to stack $stack; every service is healthy"
