#!/usr/bin/env bash
# Benchmark: stream a large file (default 2 GiB) into a Storage Element running with a
# small heap (default -Xmx128m), then download it again. Reports throughput, peak heap
# used (jstat samples) and peak RSS, and checks the SHA-256 end to end.
#
# Needs: a JDK (JAVA_HOME), curl, openssl, sha256sum and the packaged jar:
#   mvn -B -q package -pl storage-element -am -DskipTests
# Usage: bench/se-upload-2g.sh [size-bytes] [heap]
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE="${1:-2147483648}"
HEAP="${2:-128m}"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
JAR="$(ls storage-element/target/storage-element-*.jar | grep -v -- '-plain.jar' | head -1)"
[ -f "$JAR" ] || { echo "Build the jar first: mvn -B -q package -pl storage-element -am -DskipTests" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/se-bench.XXXXXX")"
SE_PID=""; JWKS_PID=""; SAMPLER_PID=""
cleanup() {
  for pid in $SAMPLER_PID $SE_PID $JWKS_PID; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null || shuf -i 20000-60000 -n 1; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

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
PAYLOAD="$(printf '{"sub":"sa_bench","scopes":["files:read","files:write"],"iat":%s,"exp":%s}' "$NOW" "$((NOW + 7200))" | b64url)"
SIGNATURE="$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)"
TOKEN="$HEADER.$PAYLOAD.$SIGNATURE"

# --- the payload: pseudo-random bytes on disk -------------------------------------
echo "Generating $SIZE bytes of test data..."
# (openssl ends with SIGPIPE when head has enough: not an error)
{ openssl enc -aes-128-ctr -nosalt -pass pass:artstore-bench -in /dev/zero 2>/dev/null || true; } | head -c "$SIZE" > "$WORK/payload.bin"
[ "$(stat -c %s "$WORK/payload.bin")" = "$SIZE" ] || { echo "Could not generate the payload" >&2; exit 1; }
EXPECTED="$(sha256sum "$WORK/payload.bin" | cut -d' ' -f1)"

# --- the storage element ------------------------------------------------------------
SE_PORT="$(free_port)"
SE_PORT="$SE_PORT" SE_STORAGE_ID=se-bench SE_DATA_DIR="$WORK/data" SE_WAL_DIR="$WORK/wal" SE_MODE=edit \
SE_MAX_FILE_SIZE="$((SIZE + 1))" SE_JWKS_URL="http://127.0.0.1:$JWKS_PORT/jwks.json" SE_LOG_FORMAT=text \
  "$JAVA_HOME/bin/java" "-Xmx$HEAP" -jar "$JAR" > "$WORK/se.log" 2>&1 &
SE_PID=$!
for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$SE_PORT/health/live" >/dev/null 2>&1 && break
  kill -0 "$SE_PID" 2>/dev/null || { cat "$WORK/se.log"; exit 1; }
  sleep 0.5
done

# heap sampler: used heap (S0U+S1U+EU+OU, KiB) every 200 ms
( while kill -0 "$SE_PID" 2>/dev/null; do
    "$JAVA_HOME/bin/jstat" -gc "$SE_PID" 2>/dev/null | awk 'NR==2 {printf "%.0f\n", $3+$4+$6+$8}'
    sleep 0.2
  done > "$WORK/heap.samples" ) &
SAMPLER_PID=$!

echo "Uploading $SIZE bytes to a storage element with -Xmx$HEAP..."
UP="$(curl -sS -o "$WORK/upload.json" -w '%{http_code} %{time_total}' \
  -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/payload.bin;type=application/octet-stream" \
  "http://127.0.0.1:$SE_PORT/api/v1/files/upload")"
read -r UP_STATUS UP_TIME <<<"$UP"
[ "$UP_STATUS" = 201 ] || { echo "Upload failed: $UP_STATUS $(cat "$WORK/upload.json")"; exit 1; }
FILE_ID="$(sed -E 's/.*"file_id":"([^"]+)".*/\1/' "$WORK/upload.json")"
CHECKSUM="$(sed -E 's/.*"checksum":"([^"]+)".*/\1/' "$WORK/upload.json")"
[ "$CHECKSUM" = "$EXPECTED" ] || { echo "Checksum mismatch: $CHECKSUM != $EXPECTED"; exit 1; }

echo "Downloading it again..."
DOWN="$(curl -sS -o "$WORK/download.bin" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$SE_PORT/api/v1/files/$FILE_ID/download")"
read -r DOWN_STATUS DOWN_TIME <<<"$DOWN"
[ "$(sha256sum "$WORK/download.bin" | cut -d' ' -f1)" = "$EXPECTED" ] || { echo "Download checksum mismatch"; exit 1; }

PEAK_HEAP_KIB="$(sort -n "$WORK/heap.samples" | tail -1)"
PEAK_RSS_KIB="$(awk '/VmHWM/ {print $2}' "/proc/$SE_PID/status" 2>/dev/null || echo '?')"
MIB=$((1024 * 1024))
awk -v size="$SIZE" -v up="$UP_TIME" -v down="$DOWN_TIME" -v heap="$PEAK_HEAP_KIB" -v rss="$PEAK_RSS_KIB" -v mib="$MIB" -v xmx="$HEAP" 'BEGIN {
  printf "size            : %.0f MiB\n", size / mib
  printf "heap limit      : -Xmx%s\n", xmx
  printf "upload          : %.1f s, %.0f MiB/s (HTTP 201, SHA-256 verified)\n", up, size / mib / up
  printf "download        : %.1f s, %.0f MiB/s (HTTP %s, SHA-256 verified)\n", down, size / mib / down, "200"
  printf "peak heap used  : %.0f MiB (jstat samples every 200 ms)\n", heap / 1024
  printf "peak RSS        : %s MiB\n", (rss == "?" ? "?" : sprintf("%.0f", rss / 1024))
}'
