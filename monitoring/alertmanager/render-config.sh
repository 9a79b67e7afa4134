#!/bin/sh
# Render monitoring/alertmanager/alertmanager.yml for this deployment, then
# start Alertmanager on it. Entry point of the alertmanager service.
#
# Alertmanager has no environment substitution: this script picks the
# receiver from the environment (see the table in alertmanager.yml), fills the
# ${NAME} placeholders with plain values (addresses, host names, file paths of
# Docker secrets; never a secret itself) and appends receivers/<name>.yml.
#
# POSIX sh and awk only: the prom/alertmanager image is busybox-based.
set -eu

usage() {
  cat <<'USAGE'
Usage: render-config.sh [--dry-run] [--output FILE] [-- ALERTMANAGER-ARGS...]

  --dry-run      print the rendered configuration and exit
  --output FILE  where to write it (default /tmp/alertmanager.yml)
  --help         this text

Environment: ALERT_TEAMS_WEBHOOK_URL_FILE, ALERT_SLACK_WEBHOOK_URL_FILE,
ALERT_EMAIL_TO, ALERT_SMTP_SMARTHOST, ALERT_SMTP_FROM, ALERT_SMTP_USERNAME,
ALERT_SMTP_PASSWORD_FILE. ALERTMANAGER_TEMPLATE_DIR overrides the folder that
holds alertmanager.yml and receivers/ (default: this script's folder).
With none of the receiver variables set, alerts go to the "null" receiver.
USAGE
}

here=$(cd "$(dirname "$0")" && pwd)
template_dir=${ALERTMANAGER_TEMPLATE_DIR:-$here}
output=/tmp/alertmanager.yml
dry_run=false
while [ $# -gt 0 ]; do
  case "$1" in
    --help | -h) usage; exit 0 ;;
    --dry-run) dry_run=true; shift ;;
    --output) output=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "render-config.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [ -n "${ALERT_TEAMS_WEBHOOK_URL_FILE:-}" ]; then
  receiver=teams
elif [ -n "${ALERT_SLACK_WEBHOOK_URL_FILE:-}" ]; then
  receiver=slack
elif [ -n "${ALERT_EMAIL_TO:-}" ]; then
  receiver=email
  : "${ALERT_SMTP_SMARTHOST:?ALERT_EMAIL_TO is set: ALERT_SMTP_SMARTHOST (host:port) is needed too}"
  : "${ALERT_SMTP_FROM:?ALERT_EMAIL_TO is set: ALERT_SMTP_FROM is needed too}"
else
  receiver=null
fi

for secret in "${ALERT_TEAMS_WEBHOOK_URL_FILE:-}" "${ALERT_SLACK_WEBHOOK_URL_FILE:-}" "${ALERT_SMTP_PASSWORD_FILE:-}"; do
  if [ -n "$secret" ] && [ ! -r "$secret" ] && [ "$dry_run" = false ]; then
    echo "render-config.sh: cannot read secret file $secret" >&2
    exit 1
  fi
done

export ALERT_RECEIVER="$receiver"
echo "render-config.sh: alerts go to the \"$receiver\" receiver" >&2

render() {
  # Replace ${NAME} with the environment value of NAME, literally (no regex
  # or sed escaping, so any character in a value is safe).
  awk '
    {
      line = $0; out = ""
      while ((start = index(line, "${")) > 0) {
        rest = substr(line, start + 2)
        stop = index(rest, "}")
        if (stop == 0) break
        name = substr(rest, 1, stop - 1)
        out = out substr(line, 1, start - 1) ENVIRON[name]
        line = substr(rest, stop + 1)
      }
      print out line
    }
  ' "$@"
}

rendered=$(
  render "$template_dir/alertmanager.yml"
  if [ "$receiver" != null ]; then
    render "$template_dir/receivers/$receiver.yml"
  fi
)

if [ "$dry_run" = true ]; then
  printf '%s\n' "$rendered"
  exit 0
fi

umask 077
printf '%s\n' "$rendered" > "$output"
echo "render-config.sh: wrote $output" >&2
if command -v amtool > /dev/null 2>&1; then
  amtool check-config "$output" >&2
fi
exec alertmanager --config.file="$output" "$@"
