#!/usr/bin/env bash
# Part 5: resident memory of every service of the dev stack, idle after start.
#
# Starts the dev stack (each service from its packaged jar with the stack's JVM options,
# ARTSTORE_JVM_OPTIONS or the default "-Xms32m -Xmx256m -XX:+UseSerialGC"), waits until it has been
# idle for IDLE_SECONDS (default 30), then reads VmRSS / VmHWM of each service's process
# (the pid listening on its port). Target: <= 300 MiB each.
# Usage: bench/idle-rss.sh [idle-seconds]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
IDLE="${1:-30}"
TARGET=300
bench_workdir
start_stack
echo "Stack ready; idle for $IDLE s ..." >&2
sleep "$IDLE"

ROWS_MD=()
for svc in "admin-module ADMIN_URL" "storage-element (edit) SE_EDIT_URL" "storage-element (rw) SE_RW_URL" \
           "ingester-module INGEST_URL" "query-module QUERY_URL" "admin-ui UI_URL"; do
  name="${svc% *}"; var="${svc##* }"
  pid="$(pid_on_port "$(port_of "${!var}")")"
  [ -n "$pid" ] || { echo "no process listens for $name (${!var})" >&2; exit 1; }
  rss="$(rss_mib "$pid")"; peak="$(peak_rss_mib "$pid")"
  opts="$(tr '\0' ' ' < "/proc/$pid/cmdline" | sed -E 's#^[^ ]*/java ##; s# -jar .*##')"
  met="$(awk -v r="$rss" -v t="$TARGET" 'BEGIN { print (r <= t) ? "yes" : "**no**" }')"
  echo "  $name: pid $pid, RSS $rss MiB (peak $peak MiB)" >&2
  ROWS_MD+=("| $name | \`$opts\` | $rss | $peak | ≤ $TARGET | $met |")
done
pg_pid="$(pid_on_port "$STACK_PG_PORT")"
pg_rss=0
# PostgreSQL: the postmaster and its backends (shared memory is counted once per process)
for p in $pg_pid $(pgrep -P "$pg_pid" 2>/dev/null || true); do pg_rss=$((pg_rss + $(rss_mib "$p" || echo 0))); done

report "#### Idle RSS after start (${IDLE} s idle)" "" \
  "Dev stack started by \`bench/lib.sh\` \`start_stack\` (packaged jars); RSS = VmRSS of the process listening on" \
  "the service's port, peak = VmHWM (includes start-up)." "" \
  "| service | JVM options | RSS MiB | peak RSS MiB | target | met |" "|---|---|---|---|---|---|" "${ROWS_MD[@]}" "" \
  "For reference, embedded PostgreSQL (postmaster + backends, shared buffers counted per process): $pg_rss MiB."
