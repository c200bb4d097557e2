#!/usr/bin/env bash
# Benchmark: upload a large file (default 1 GiB) through an ingester running with a small
# heap (default -Xmx128m) to a storage element over TLS, with registration in admin-module.
# Starts the dev stack (embedded PostgreSQL, admin, SEs, ...) in a temporary directory,
# then a second ingester with the small heap next to it. Prints throughput, the ingester's
# peak heap used and peak RSS, and checks the SHA-256 the system reports.
#
# Needs: a JDK (JAVA_HOME), curl, openssl, sha256sum, and the packaged jars:
#   mvn -B -q package -DskipTests
# Usage: bench/ingester-upload-1g.sh [size-bytes] [heap]
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE="${1:-1073741824}"
HEAP="${2:-128m}"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
STACK_JAR=dev-stack/target/dev-stack-1.0.0-SNAPSHOT-exec.jar
IG_JAR="$(ls ingester-module/target/ingester-module-*.jar | grep -v -- '-plain.jar' | head -1)"
[ -f "$STACK_JAR" ] && [ -f "$IG_JAR" ] || { echo "Build first: mvn -B -q package -DskipTests" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ingester-bench.XXXXXX")"
STACK_PID=""; IG_PID=""; SAMPLER_PID=""
cleanup() {
  for pid in $SAMPLER_PID $IG_PID; do kill "$pid" 2>/dev/null || true; done
  [ -n "$STACK_PID" ] && kill -TERM "$STACK_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null || shuf -i 20000-60000 -n 1; }
json_field() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p" | head -1; }

echo "Starting the dev stack in $WORK ..."
"$JAVA_HOME/bin/java" -jar "$STACK_JAR" --data-dir "$WORK/stack" --postgres-port "$(free_port)" \
  --admin-port "$(free_port)" --se-edit-port "$(free_port)" --se-rw-port "$(free_port)" \
  --ingester-port "$(free_port)" --query-port "$(free_port)" --ui-port "$(free_port)" > "$WORK/stack.log" 2>&1 &
STACK_PID=$!
for _ in $(seq 1 600); do
  [ -f "$WORK/stack/stack.env" ] && break
  kill -0 "$STACK_PID" 2>/dev/null || { tail -40 "$WORK/stack.log"; exit 1; }
  sleep 1
done
# shellcheck disable=SC1091
source "$WORK/stack/stack.env"
IG_CLIENT_ID="$(grep -A3 '"ingester-module"' "$WORK/stack/credentials.json" | json_field clientId)"
IG_CLIENT_SECRET="$(grep -A3 '"ingester-module"' "$WORK/stack/credentials.json" | json_field clientSecret)"

echo "Generating $SIZE bytes of test data..."
{ openssl enc -aes-128-ctr -nosalt -pass pass:artstore-bench -in /dev/zero 2>/dev/null || true; } | head -c "$SIZE" > "$WORK/payload.bin"
EXPECTED="$(sha256sum "$WORK/payload.bin" | cut -d' ' -f1)"

IG_PORT="$(free_port)"
IG_PORT="$IG_PORT" IG_ADMIN_URL="$ADMIN_URL" IG_CLIENT_ID="$IG_CLIENT_ID" IG_CLIENT_SECRET="$IG_CLIENT_SECRET" \
IG_SE_CA_CERT_PATH="$SE_CA_CERT" IG_MAX_FILE_SIZE="$((SIZE + 1))" IG_LOG_FORMAT=text \
  "$JAVA_HOME/bin/java" "-Xmx$HEAP" -jar "$IG_JAR" > "$WORK/ingester.log" 2>&1 &
IG_PID=$!
for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$IG_PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$IG_PID" 2>/dev/null || { cat "$WORK/ingester.log"; exit 1; }
  sleep 0.5
done

# peak RSS (kB) and peak heap used (kB, from jstat) of the small-heap ingester
( peak_rss=0; peak_heap=0
  while kill -0 "$IG_PID" 2>/dev/null; do
    rss="$(ps -o rss= -p "$IG_PID" | tr -d ' ')"; [ -n "$rss" ] && [ "$rss" -gt "$peak_rss" ] && peak_rss="$rss"
    heap="$("$JAVA_HOME/bin/jstat" -gc "$IG_PID" 2>/dev/null | awk 'NR==2 {printf "%d", $3+$4+$6+$8}')"
    [ -n "$heap" ] && [ "$heap" -gt "$peak_heap" ] && peak_heap="$heap"
    echo "$peak_rss $peak_heap" > "$WORK/peaks"; sleep 0.2
  done ) &
SAMPLER_PID=$!

TOKEN="$(curl -s "$ADMIN_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"client_id\":\"$INGEST_CLIENT_ID\",\"client_secret\":\"$INGEST_CLIENT_SECRET\"}" | json_field access_token)"
echo "Uploading through the ingester (-Xmx$HEAP) to the edit SE over TLS..."
RESULT="$(curl -s -o "$WORK/response.json" -w '%{http_code} %{time_total} %{speed_upload}' \
  "http://127.0.0.1:$IG_PORT/api/v1/files/upload" -H "Authorization: Bearer $TOKEN" \
  -F ttl_days=1 -F "file=@$WORK/payload.bin;type=application/octet-stream")"
read -r STATUS SECONDS_TOTAL SPEED <<<"$RESULT"
sleep 1
read -r PEAK_RSS PEAK_HEAP < "$WORK/peaks"
CHECKSUM="$(json_field checksum < "$WORK/response.json")"

echo
echo "size:            $SIZE bytes"
echo "status:          $STATUS"
echo "time:            ${SECONDS_TOTAL} s"
echo "throughput:      $(awk -v s="$SPEED" 'BEGIN {printf "%.1f MiB/s", s/1048576}')"
echo "ingester heap:   -Xmx$HEAP, peak used $((PEAK_HEAP / 1024)) MiB, peak RSS $((PEAK_RSS / 1024)) MiB"
echo "checksum:        $([ "$CHECKSUM" = "$EXPECTED" ] && echo "SHA-256 matches" || echo "MISMATCH: $CHECKSUM vs $EXPECTED")"
[ "$STATUS" = "201" ] && [ "$CHECKSUM" = "$EXPECTED" ]
