#!/bin/sh
# drain-on-stop: runs a server (the arguments) and, when Swarm stops the
# task (SIGTERM), keeps it serving REQSTLY_DRAIN_SECONDS more (default 3)
# before passing the signal on. Swarm takes a stopping task out of the
# tasks.<service> DNS just before the SIGTERM, and Caddy looks that name up
# every second (caddy/Caddyfile): after the drain no new request reaches
# this task, and those in flight have finished. PostgREST 12 would
# otherwise exit at once and cut them (a create in flight would fail).
# POSIX sh (no pipefail): runs on busybox (postgrest image) and dash
# (authsvc image).
set -eu

if [ "${1:-}" = "--help" ] || [ $# -eq 0 ]; then
  echo "usage: drain-on-stop [--dry-run] SERVER [ARGS...]"
  echo "Runs SERVER; on SIGTERM/SIGINT waits REQSTLY_DRAIN_SECONDS (default 3), then stops it."
  exit 0
fi
if [ "$1" = "--dry-run" ]; then
  shift
  echo "drain-on-stop: would run $* and drain ${REQSTLY_DRAIN_SECONDS:-3}s on SIGTERM"
  exit 0
fi

"$@" &
child=$!
# shellcheck disable=SC2317 # run by the trap below
drain() {
  echo "drain-on-stop: stop requested; serving ${REQSTLY_DRAIN_SECONDS:-3}s more while traffic moves away"
  sleep "${REQSTLY_DRAIN_SECONDS:-3}"
  kill -TERM "$child" 2>/dev/null || true
}
trap drain TERM INT
status=0
wait "$child" || status=$?
# `wait` returns early when the trap runs: wait for the server's own exit.
while kill -0 "$child" 2>/dev/null; do
  status=0
  wait "$child" || status=$?
done
exit "$status"
