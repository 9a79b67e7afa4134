#!/usr/bin/env bash
# Rolls the CODE of the stack back to an earlier deployed commit: the stack
# file, images and configs of that commit, redeployed. Never the schema: the
# migration job keeps the image of the schema now in the database, so no
# migration runs and nothing is un-migrated (migrations are written
# expand-then-contract, so the older code works on the newer schema).
set -euo pipefail
SCRIPT_NAME="rollback.sh"
# shellcheck source-path=SCRIPTDIR source=ops-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/ops-common.sh"
# shellcheck source-path=SCRIPTDIR source=stack-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/stack-common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/rollback.sh [--to SHA] [options]

  --to SHA          commit to go back to (default: the one deployed before
                    the current one, from the state dir)
  --env-file FILE   stack settings (default /etc/reqstly/reqstly.env)
  --source DIR      use the tree in DIR instead of `git archive SHA`
  --compose-file F  a further stack file merged over stack/docker-stack.yml
                    (repeatable; the Swarm tests' override)
  --stack NAME      stack name (default reqstly)
  --state-dir DIR   deployed tags are recorded here (default /var/lib/reqstly)
  --timeout SECS    how long to wait for health (default 600)
  --dry-run         print the plan; change nothing
  -h, --help        show this text
USAGE
}

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target=""
while (($#)); do
  stack_option "$@"
  if ((OPTION_WORDS)); then shift "$OPTION_WORDS"; continue; fi
  case "$1" in
    --to) target=${2:?--to needs a commit SHA}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
require_cmd docker
export REQSTLY_STACK=$stack

if [[ -z "$target" ]]; then
  [[ -r "$state_dir/previous-tag" ]] || die "no previous deployment recorded in $state_dir: give --to SHA"
  target=$(<"$state_dir/previous-tag")
fi
is_immutable_tag "$target" || die "'$target' is not a commit SHA"

# The schema's image stays where it is.
migrate_tag=""
[[ -r "$state_dir/migrate-tag" ]] && migrate_tag=$(<"$state_dir/migrate-tag")
[[ -n "$migrate_tag" ]] || migrate_tag=$(tag_of "$(service_image "${stack}_migrate")" || true)
[[ -n "$migrate_tag" ]] || die "cannot tell which migration image is deployed (no ${stack}_migrate service, no $state_dir/migrate-tag)"

current=""
[[ -r "$state_dir/deployed-tag" ]] && current=$(<"$state_dir/deployed-tag")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -z "$source_dir" ]]; then
  git -C "$repo" cat-file -e "${target}^{commit}" 2>/dev/null || die "commit $target is not in $repo"
  source_dir="$work/src"
  mkdir -p "$source_dir"
  git -C "$repo" archive "$target" | tar -x -C "$source_dir"
fi

load_env_file "$env_file"
while IFS='=' read -r key value; do
  export "$key=$value"
done < <(image_tags "$source_dir" "$target")
export MIGRATE_TAG=$migrate_tag

rendered="$work/docker-stack.rendered.yml"
stack_files=(-c "$source_dir/stack/docker-stack.yml")
for f in "${extra_files[@]}"; do
  stack_files+=(-c "$f")
done
docker stack config "${stack_files[@]}" >"$rendered" ||
  die "the stack file of $target does not render with $env_file"

log "plan for stack $stack:"
log "  code now           ${current:-unknown}"
log "  roll the code to   $target (caddy $CADDY_TAG, configs $REQSTLY_CONFIG_VERSION)"
log "  schema             stays at $migrate_tag (no migration runs, none is undone)"
snapshot="$work/before"
snapshot_services "$stack" "$snapshot"
# The files themselves, not the rendered copy: `docker stack deploy`
# interpolates again, and a rendered `$$` (an escaped dollar) would break.
run docker stack deploy --with-registry-auth --prune --detach=true "${stack_files[@]}" "$stack"
wait_for_stack "$stack" "$timeout" "$snapshot" || die "the stack is not healthy after rolling back to $target: see docs/RUNBOOK.md"

if [[ "$DRY_RUN" == true ]]; then
  log "dry run finished: nothing was changed"
  exit 0
fi
mkdir -p "$state_dir"
[[ -n "$current" ]] && printf '%s\n' "$current" >"$state_dir/rolled-back-from"
printf '%s\n' "$target" >"$state_dir/deployed-tag"
log "rolled the code back to $target; the schema stays at $migrate_tag"
