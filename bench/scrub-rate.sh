#!/usr/bin/env bash
# Benchmark: does the scrub hold SE_SCRUB_RATE? Starts a storage element from the packaged jar,
# uploads FILES files totalling SIZE bytes of pseudo-random data, then for each rate given
# restarts the SE with SE_SCRUB_RATE=<rate>, starts a pass (POST /api/v1/maintenance/scrub),
# polls GET until it finishes and reports bytes_checked / (finished_at - started_at) against the
# configured rate. Reference in the same run: `sha256sum` of the same files (the unthrottled
# hashing speed of this machine, files in the page cache as the scrub finds them).
#
# Needs: a JDK (JAVA_HOME), curl, openssl, sha256sum, python3 and the packaged jar:
#   mvn -B -q package -pl storage-element -am -DskipTests
# Usage: bench/scrub-rate.sh [size-bytes] [files] [rate ...]
#   bench/scrub-rate.sh                                   # 2 GiB in 16 files, at 100 MB/s and 20 MB/s
#   bench/scrub-rate.sh 536870912 8 50000000               # quicker
# SCRUB_REPORT=file also writes the Markdown table there.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE="${1:-2147483648}"
FILES="${2:-16}"
shift 2 2>/dev/null || shift $#
RATES=("$@")
[ ${#RATES[@]} -gt 0 ] || RATES=(100000000 20000000)
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JAR="$(ls storage-element/target/storage-element-*.jar | grep -v -- '-plain.jar' | head -1)"
[ -f "$JAR" ] || { echo "Build the jar first: mvn -B -q package -pl storage-element -am -DskipTests" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/se-scrub-bench.XXXXXX")"
SE_PID=""; JWKS_PID=""
cleanup() {
  for pid in $SE_PID $JWKS_PID; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${BENCH_KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
field() { python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"; }
epoch() { python3 -c 'import sys,datetime; print(datetime.datetime.fromisoformat(sys.argv[1].replace("Z","+00:00")).timestamp())' "$1"; }

# --- a signing key, its JWKS served on loopback, and one RS256 token ---------------
openssl genrsa -out "$WORK/key.pem" 2048 2>/dev/null
N="$(openssl rsa -in "$WORK/key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)"
mkdir -p "$WORK/jwks"
printf '{"keys":[{"kty":"RSA","kid":"bench","use":"sig","alg":"RS256","n":"%s","e":"AQAB"}]}' "$N" > "$WORK/jwks/jwks.json"
JWKS_PORT="$(free_port)"
"$JAVA_HOME/bin/jwebserver" -b 127.0.0.1 -p "$JWKS_PORT" -d "$WORK/jwks" -o none >/dev/null 2>&1 &
JWKS_PID=$!
NOW="$(date +%s)"
HEADER="$(printf '{"alg":"RS256","kid":"bench","typ":"JWT"}' | b64url)"
PAYLOAD="$(printf '{"sub":"sa_bench","scopes":["files:read","files:write","storage:read","storage:write"],"iat":%s,"exp":%s}' "$NOW" "$((NOW + 7200))" | b64url)"
SIGNATURE="$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)"
TOKEN="$HEADER.$PAYLOAD.$SIGNATURE"

SE_PORT="$(free_port)"
BASE="http://127.0.0.1:$SE_PORT"
start_se() { # rate
  SE_PORT="$SE_PORT" SE_STORAGE_ID=se-scrub-bench SE_DATA_DIR="$WORK/data" SE_WAL_DIR="$WORK/wal" SE_MODE=rw \
  SE_SCRUB_RATE="$1" SE_JWKS_URL="http://127.0.0.1:$JWKS_PORT/jwks.json" SE_LOG_FORMAT=text \
    "$JAVA_HOME/bin/java" -Xmx128m -jar "$JAR" >> "$WORK/se.log" 2>&1 &
  SE_PID=$!
  for _ in $(seq 1 480); do
    curl -fsS "$BASE/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$SE_PID" 2>/dev/null || { tail -40 "$WORK/se.log"; exit 1; }
    sleep 0.5
  done
  echo "SE did not become ready" >&2; exit 1
}
stop_se() { kill -TERM "$SE_PID"; wait "$SE_PID" 2>/dev/null || true; SE_PID=""; }

# --- the files: pseudo-random bytes, uploaded once ------------------------------------
PER_FILE=$((SIZE / FILES))
echo "Uploading $FILES files of $PER_FILE bytes..." >&2
start_se "${RATES[0]}"
mkdir -p "$WORK/payload"
for i in $(seq 1 "$FILES"); do
  { openssl enc -aes-128-ctr -nosalt -pass "pass:artstore-scrub-$i" -in /dev/zero 2>/dev/null || true; } \
    | head -c "$PER_FILE" > "$WORK/payload/f$i.bin"
  code="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    -F "file=@$WORK/payload/f$i.bin;type=application/octet-stream" "$BASE/api/v1/files/upload")"
  [ "$code" = 201 ] || { echo "upload $i failed: $code" >&2; exit 1; }
  rm -f "$WORK/payload/f$i.bin"
done
TOTAL=$((PER_FILE * FILES))

# --- reference: sha256sum of the same stored files (read twice: the second from the page cache) ---
mapfile -t DATA < <(find "$WORK/data" -maxdepth 1 -type f ! -name '*.attr.json' ! -name '.*' ! -name mode.json | sort)
sha256sum "${DATA[@]}" > /dev/null
T0=$(date +%s.%N); sha256sum "${DATA[@]}" > /dev/null; T1=$(date +%s.%N)
REF_MBS="$(awk -v b="$TOTAL" -v a="$T0" -v z="$T1" 'BEGIN { printf "%.1f", b / (z - a) / 1e6 }')"

ROWS=()
first=1
for rate in "${RATES[@]}"; do
  if [ $first = 0 ]; then stop_se; start_se "$rate"; fi
  first=0
  echo "Scrub at SE_SCRUB_RATE=$rate ..." >&2
  code="$(curl -sS -o "$WORK/start.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/maintenance/scrub")"
  [ "$code" = 202 ] || { echo "scrub start: $code $(cat "$WORK/start.json")" >&2; exit 1; }
  while :; do
    sleep 0.5
    curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/maintenance/scrub" > "$WORK/status.json"
    [ "$(field running < "$WORK/status.json")" = False ] && [ -n "$(field finished_at < "$WORK/status.json")" ] && break
  done
  bytes="$(field bytes_checked < "$WORK/status.json")"
  files="$(field files_checked < "$WORK/status.json")"
  mism="$(field mismatches < "$WORK/status.json")"
  [ "$bytes" = "$TOTAL" ] && [ "$files" = "$FILES" ] && [ "$mism" = 0 ] \
    || { echo "unexpected pass: $(cat "$WORK/status.json")" >&2; exit 1; }
  s="$(epoch "$(field started_at < "$WORK/status.json")")"
  f="$(epoch "$(field finished_at < "$WORK/status.json")")"
  ROWS+=("$(awk -v r="$rate" -v b="$bytes" -v s="$s" -v f="$f" -v ref="$REF_MBS" 'BEGIN {
    secs = f - s; got = b / secs
    printf "| %.1f | %.2f s | %.1f | %+.1f %% | %s |", r / 1e6, secs, got / 1e6, (got / r - 1) * 100,
      (got > r * 1.1 || got < r * 0.9) ? "**no**" : "yes" }')")
done

MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM"
{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $MACHINE; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Command: \`bench/scrub-rate.sh $SIZE $FILES ${RATES[*]}\`; $FILES files, $TOTAL bytes; reference \`sha256sum\` of the same files (page cache): $REF_MBS MB/s"
  echo
  echo "| SE_SCRUB_RATE (MB/s) | pass (started_at → finished_at) | measured MB/s | vs rate | within 10 %? |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} | tee "${SCRUB_REPORT:-/dev/null}"
