# shellcheck shell=bash
# The options deploy.sh and rollback.sh share, sourced by both after
# ops-common.sh. The variables are read by the sourcing script.
# shellcheck disable=SC2034

# The settings deploy.sh and rollback.sh share, with their defaults.
env_file=/etc/reqstly/reqstly.env
source_dir=""
stack=reqstly
state_dir=/var/lib/reqstly
timeout=600
extra_files=()

# Reads one of the options both take ($1, its value $2) into the variables
# above; OPTION_WORDS says how many words it used (0: not one of them).
stack_option() {
  OPTION_WORDS=2
  case "$1" in
    --env-file) env_file=${2:?--env-file needs a file} ;;
    --source) source_dir=${2:?--source needs a directory} ;;
    --compose-file) extra_files+=("${2:?--compose-file needs a file}") ;;
    --stack) stack=${2:?--stack needs a name} ;;
    --state-dir) state_dir=${2:?--state-dir needs a directory} ;;
    --timeout) timeout=${2:?--timeout needs seconds} ;;
    --dry-run) DRY_RUN=true; OPTION_WORDS=1 ;;
    *) OPTION_WORDS=0 ;;
  esac
}
