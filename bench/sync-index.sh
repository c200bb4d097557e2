#!/usr/bin/env bash
# Part 4: SE startup index rebuild over N sidecars and admin registry sync of that SE.
#
# Starts the dev stack, writes N files (default 100,000) in the storage element's on-disk
# format with the SE's own classes (bench/java/SeFilesGenerator.java on the SE jar's
# classpath), starts a third storage element on them and measures
#   (a) the index rebuild at start ("Index built from ... in N ms" in its log) and the time
#       from process start to /health/ready;
#   (b) the registry sync in admin-module: the first sync (registration, every row new) and
#       a re-sync without changes (POST /api/v1/storage-elements/{id}/sync), in files/s.
# Usage: bench/sync-index.sh [files]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N="${1:-100000}"
require_jars storage-element admin-module
bench_workdir
start_stack

SE_JAR="$(module_jar storage-element)"
SE_DIR="$BENCH_WORK/se-bench"
mkdir -p "$SE_DIR/jar"
(cd "$SE_DIR/jar" && unzip -q "$SE_JAR")
echo "Generating $N files in the SE format ..." >&2
"$JAVA_HOME/bin/java" -cp "$SE_DIR/jar/BOOT-INF/classes:$SE_DIR/jar/BOOT-INF/lib/*" \
  "$BENCH_ROOT/bench/java/SeFilesGenerator.java" "$SE_DIR/data" "$SE_DIR/wal" "$N" >&2
sync
rm -rf "$SE_DIR/jar"

# Same JVM flags and environment as the dev stack's storage elements.
SE_JVM_ARGS=(${ARTSTORE_JVM_OPTIONS:--Xms32m -Xmx256m -XX:+UseSerialGC})
SE_PORT_BENCH="$(free_port)"
SE_URL="https://127.0.0.1:$SE_PORT_BENCH"
TLS="$BENCH_WORK/stack/tls"
start_ms=$(date +%s%3N)
SE_PORT="$SE_PORT_BENCH" SE_STORAGE_ID=se-bench SE_DATA_DIR="$SE_DIR/data" SE_WAL_DIR="$SE_DIR/wal" SE_MODE=edit \
  SE_JWKS_URL="$ADMIN_URL/api/v1/auth/jwks" SE_TLS_CERT="$TLS/server.pem" SE_TLS_KEY="$TLS/server-key.pem" SE_LOG_FORMAT=text \
  "$JAVA_HOME/bin/java" "${SE_JVM_ARGS[@]}" -jar "$SE_JAR" > "$SE_DIR/se.log" 2>&1 &
SE_PID=$!
track_pid "$SE_PID"
ready=0
for _ in $(seq 1 1200); do
  if curl -sf --cacert "$SE_CA_CERT" "$SE_URL/health/ready" > /dev/null 2>&1; then ready=1; break; fi
  kill -0 "$SE_PID" 2>/dev/null || break
  sleep 0.1
done
ready_ms=$(( $(date +%s%3N) - start_ms ))
[ "$ready" = 1 ] || { tail -40 "$SE_DIR/se.log" >&2; echo "storage element did not become ready" >&2; exit 1; }
index_line="$(grep -m1 'Index built from' "$SE_DIR/se.log" || true)"
indexed="$(sed -n 's/.*Index built from \([0-9]*\) sidecars.*/\1/p' <<<"$index_line")"
index_ms="$(sed -n 's/.*sidecars in \([0-9]*\) ms.*/\1/p' <<<"$index_line")"
[ "${indexed:-0}" = "$N" ] || { echo "SE indexed ${indexed:-?} sidecars, expected $N: $index_line" >&2; exit 1; }
echo "Index rebuild: $indexed sidecars in $index_ms ms; ready after $ready_ms ms" >&2

ADMIN_TOKEN="$(curl -s "$ADMIN_URL/api/v1/admin-auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" | json_field access_token)"
[ -n "$ADMIN_TOKEN" ] || { echo "cannot log in to admin-module" >&2; exit 1; }
ADMIN_LOG="$BENCH_WORK/stack/logs/admin-module.log"

ADMIN_PID="$(pid_on_port "$(port_of "$ADMIN_URL")")"
if [ -n "${BENCH_JFR_DIR:-}" ]; then
  # Profile both sides of the syncs (jfr print --events jdk.ExecutionSample FILE)
  mkdir -p "$BENCH_JFR_DIR"
  jcmd "$ADMIN_PID" JFR.start name=bench settings=profile filename="$BENCH_JFR_DIR/admin-module.jfr" > /dev/null
  jcmd "$SE_PID" JFR.start name=bench settings=profile filename="$BENCH_JFR_DIR/storage-element.jfr" > /dev/null
fi

# (b1) registration runs the first full sync: every row is new.
echo "Registering the SE (first sync) ..." >&2
reg="$(curl -s -w '\n%{http_code} %{time_total}' "$ADMIN_URL/api/v1/storage-elements" -H "Authorization: Bearer $ADMIN_TOKEN" \
  -H 'Content-Type: application/json' -d "{\"name\":\"Bench SE\",\"url\":\"$SE_URL\"}")"
code="$(tail -1 <<<"$reg" | cut -d' ' -f1)"
[ "$code" = 201 ] || { echo "registration failed: $reg" >&2; exit 1; }
SE_ID="$(head -1 <<<"$reg" | json_field id)"
first_line="$(grep 'Synced se-bench:' "$ADMIN_LOG" | tail -1)"
first_ms="$(sed -n 's/.* in \([0-9]*\) ms.*/\1/p' <<<"$first_line")"
first_added="$(sed -n 's/.*files on the SE, \([0-9]*\) added.*/\1/p' <<<"$first_line")"
[ "${first_added:-0}" = "$N" ] || { echo "first sync added ${first_added:-?} rows, expected $N: $first_line" >&2; exit 1; }

# (b2) re-sync without changes: what the periodic job does every hour.
resync="$(curl -s "$ADMIN_URL/api/v1/storage-elements/$SE_ID/sync" -X POST -H "Authorization: Bearer $ADMIN_TOKEN")"
resync_ms="$(sed -n 's/.*"duration_ms" *: *\([0-9]*\).*/\1/p' <<<"$resync")"
resync_on_se="$(sed -n 's/.*"files_on_se" *: *\([0-9]*\).*/\1/p' <<<"$resync")"
[ "${resync_on_se:-0}" = "$N" ] || { echo "re-sync saw ${resync_on_se:-?} files, expected $N: $resync" >&2; exit 1; }

if [ -n "${BENCH_JFR_DIR:-}" ]; then
  jcmd "$ADMIN_PID" JFR.stop name=bench > /dev/null
  jcmd "$SE_PID" JFR.stop name=bench > /dev/null
  echo "JFR recordings in $BENCH_JFR_DIR" >&2
fi

rate() { awk -v n="$1" -v ms="$2" 'BEGIN { if (ms == 0) print "n/a"; else printf "%.0f", n * 1000 / ms }'; }
first_rate="$(rate "$N" "$first_ms")"
resync_rate="$(rate "$N" "$resync_ms")"
met() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN { ok = (dir == "ge") ? v >= t : v <= t; print ok ? "yes" : "**no**" }'; }

report "#### Registry sync and SE index rebuild ($N files on one SE)" "" \
  "Files written in the SE's on-disk format by \`bench/java/SeFilesGenerator.java\` (the SE's own \`StorageNames\` and \`AttrStore\`);" \
  "SE started like the dev stack's (\`${SE_JVM_ARGS[*]}\`, HTTPS); admin-module and PostgreSQL of the dev stack." "" \
  "| what | result | target | met |" "|---|---|---|---|" \
  "| SE index rebuild at start (log) | $index_ms ms for $indexed sidecars | ≤ 10,000 ms | $(met "$index_ms" 10000 le) |" \
  "| SE start to \`/health/ready\` | $ready_ms ms | — | — |" \
  "| first sync (registration, $N rows inserted) | $first_ms ms, $first_rate files/s | ≥ 10,000 files/s | $(met "$first_rate" 10000 ge) |" \
  "| re-sync, no changes | $resync_ms ms, $resync_rate files/s | ≥ 10,000 files/s | $(met "$resync_rate" 10000 ge) |"
