#!/usr/bin/env bash
# Shared helpers for the benchmark scripts (sourced, not run).
#   BENCH_REPORT  file the scripts append their Markdown results to (run-all sets it;
#                 defaults to /dev/null so a script can run on its own)
#   BENCH_WORK    scratch directory (created by bench_workdir, removed on exit)

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
export JAVA_HOME
BENCH_REPORT="${BENCH_REPORT:-/dev/null}"
STACK_JAR="$BENCH_ROOT/dev-stack/target/dev-stack-1.0.0-SNAPSHOT-exec.jar"
_BENCH_PIDS=()

# The packaged jar of a module (not the -plain one).
module_jar() {
  ls "$BENCH_ROOT/$1"/target/"$1"-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -1
}

require_jars() {
  local m
  for m in "$@"; do
    [ -n "$(module_jar "$m")" ] || { echo "Build first: mvn -B -q package -DskipTests (missing $m jar)" >&2; exit 1; }
  done
}

# A port that is free now, below the kernel's ephemeral range (32768+): a port the kernel
# hands out for outgoing connections could be taken again before a slow service binds it.
free_port() {
  local port _
  for _ in $(seq 1 100); do
    port=$(shuf -i 20000-32000 -n 1)
    python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',$port))" 2>/dev/null && { echo "$port"; return 0; }
  done
  echo "no free port found" >&2
  return 1
}

json_field() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" | head -1; }

# Remembers a background pid so bench_cleanup kills it.
track_pid() { _BENCH_PIDS+=("$1"); }

bench_cleanup() {
  local pid
  for pid in "${_BENCH_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${BENCH_WORK:-}" ] && [ -z "${BENCH_KEEP:-}" ] && rm -rf "$BENCH_WORK"
  return 0
}

# Creates $BENCH_WORK and arms cleanup on exit.
bench_workdir() {
  BENCH_WORK="$(mktemp -d "${TMPDIR:-/tmp}/artstore-bench.XXXXXX")"
  export BENCH_WORK
  trap bench_cleanup EXIT
}

# Starts the one-command dev stack in $BENCH_WORK/stack and sources its stack.env
# (ADMIN_URL, INGEST_URL, QUERY_URL, SE_EDIT_URL, SE_RW_URL, SE_RW_B_URL, SE_CA_CERT, credentials).
start_stack() {
  [ -f "$STACK_JAR" ] || { echo "Build first: mvn -B -q package -DskipTests" >&2; exit 1; }
  echo "Starting the dev stack in $BENCH_WORK/stack ..." >&2
  STACK_PG_PORT="$(free_port)"   # embedded PostgreSQL: user/password postgres, database artstore
  "$JAVA_HOME/bin/java" -jar "$STACK_JAR" --data-dir "$BENCH_WORK/stack" --postgres-port "$STACK_PG_PORT" \
    --admin-port "$(free_port)" --se-edit-port "$(free_port)" --se-rw-port "$(free_port)" \
    --se-rw-b-port "$(free_port)" --ingester-port "$(free_port)" --query-port "$(free_port)" --ui-port "$(free_port)" "$@" > "$BENCH_WORK/stack.log" 2>&1 &
  STACK_PID=$!
  track_pid "$STACK_PID"
  local _
  for _ in $(seq 1 600); do
    [ -f "$BENCH_WORK/stack/stack.env" ] && break
    kill -0 "$STACK_PID" 2>/dev/null || { tail -40 "$BENCH_WORK/stack.log" >&2; exit 1; }
    sleep 1
  done
  # shellcheck disable=SC1091
  source "$BENCH_WORK/stack/stack.env"
}

# client id / secret of a service account from the stack's credentials.json
stack_client_id() { grep -A3 "\"$1\"" "$BENCH_WORK/stack/credentials.json" | json_field clientId; }
stack_client_secret() { grep -A3 "\"$1\"" "$BENCH_WORK/stack/credentials.json" | json_field clientSecret; }

# An access token for client credentials (client_id, client_secret) from admin-module.
client_token() {
  curl -s "$ADMIN_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"client_id\":\"$1\",\"client_secret\":\"$2\"}" | json_field access_token
}

# The pid listening on a TCP port (the service behind a URL's port).
pid_on_port() {
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1
}

port_of() { sed -E 's#^[a-z]+://[^:/]+:([0-9]+).*#\1#' <<<"$1"; }

# Current and peak resident set size of a pid, in MiB.
rss_mib() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null; }
peak_rss_mib() { awk '/^VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null; }

# Appends Markdown to the report (and echoes it).
report() { printf '%s\n' "$@" | tee -a "$BENCH_REPORT"; }

# Nearest-rank percentiles of the numbers on stdin (one per line): the value at each
# percentile given, then how many numbers there were, tab-separated. `nearest_rank 50 99`.
nearest_rank() {
  sort -g | awk -v wanted="$*" 'BEGIN { n = split(wanted, p, " ") } { v[NR] = $1 } END {
    for (i = 1; i <= n; i++) { k = int(p[i] / 100 * NR + 0.999999); printf "%s\t", v[k < 1 ? 1 : k] }
    print NR }'
}

# ratio a/b with two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

# Installs the Debian packages whose command (same name as the package) is missing: apt-get
# install, then once more after apt-get update. Exits when that fails.
install_missing() {
  local missing=() tool
  for tool in "$@"; do command -v "$tool" > /dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "Installing ${missing[*]} (Debian packages) ..." >&2
  { apt-get install -y "${missing[@]}" > /dev/null 2>&1 \
      || { apt-get update > /dev/null 2>&1 && apt-get install -y "${missing[@]}" > /dev/null 2>&1; }; } \
    || { echo "cannot install ${missing[*]} (apt-get install -y ${missing[*]})" >&2; exit 1; }
}
