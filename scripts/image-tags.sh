#!/usr/bin/env bash
# Prints the image tags and the config version for a source tree, as
# VAR=value lines. The deploy workflow tags the images it pushes with them,
# and deploy.sh / rollback.sh compute the same values from the same tree.
set -euo pipefail
SCRIPT_NAME="image-tags.sh"
# shellcheck source-path=SCRIPTDIR source=ops-common.sh
. "$(dirname "${BASH_SOURCE[0]}")/ops-common.sh"

usage() {
  cat <<'USAGE'
usage: scripts/image-tags.sh [--dry-run] [--help] [--root DIR] TAG

Prints, for the tree at DIR (default: this checkout):
  TAG=<TAG>                      our images (authsvc, postgrest, web, …)
  CADDY_TAG=caddy-<hash>         the front door image; changes only with caddy/
  REQSTLY_CONFIG_VERSION=<hash>  suffix of the Swarm configs from monitoring/
TAG must be a commit SHA (7–40 hex digits): deploys use immutable tags.
It only reads files; --dry-run is accepted for symmetry and changes nothing.
USAGE
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tag=""
while (($#)); do
  case "$1" in
    --dry-run) DRY_RUN=true ;;
    --root)
      root=${2:?--root needs a directory}
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) tag=$1 ;;
  esac
  shift
done
[[ -n "$tag" ]] || die "give the commit SHA to tag (see --help)"
is_immutable_tag "$tag" || die "'$tag' is not a commit SHA: deploys use immutable tags"
image_tags "$root" "$tag"
