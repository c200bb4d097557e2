#!/usr/bin/env bash
# Part `replication` (docs/benchmarks.md): copies made by admin-module's replication job, each
# next to a reference measured in the same run.
#
#   (a) 1 GiB permanent file copied SE -> admin-module -> SE (POST /api/v1/replication/run) vs
#       the single upload of the same file through the ingester to its first SE (target: ratio
#       of the throughputs >= 0.8). Upload and copy alternate, REPL_ROUNDS times (default 3),
#       medians compared; the new copy's SHA-256 is checked on the target SE's disk.
#   (b) repair of REPL_FILES (default 10,000) small permanent files (REPL_FILE_BYTES, default
#       4096) that have one copy: written in the SE format by bench/java/SeFilesGenerator.java,
#       served by a fourth SE (rw, site c) registered in admin-module (its first sync registers
#       them, one copy each); then replication passes until files_under_replicated = 0:
#       files/s and the number of passes. Reference: the first sync of the same files.
#   (c) replication lag of a fresh upload: REPL_LAG_FILES (default 100) small permanent uploads,
#       spaced over two intervals, each polled in admin-module until it has 2 ok copies;
#       p50/p99 of upload answer -> second copy ok, with AM_REPLICATION_INTERVAL at its default
#       (1m) and at REPL_SHORT_INTERVAL (default 5s). Reference: the interval itself.
#
# Stacks: (a) and (b) on one with AM_REPLICATION_INTERVAL=1h (the periodic pass never runs, only
# the timed POST /run); (c) on one stack per interval. The dev stack passes its environment on
# to the services, so AM_* given to it reaches admin-module.
# Env: REPL_SIZE (bytes, default 1073741824), REPL_ROUNDS, REPL_FILES, REPL_FILE_BYTES,
#      REPL_LAG_FILES, REPL_SHORT_INTERVAL, REPL_LAG_INTERVALS (default "1m $REPL_SHORT_INTERVAL"),
#      REPL_PARTS (default "a b c"),
#      REPL_PROFILE=1 (JFR of admin-module and both rw SEs during the first 1 GiB copy; hot
#      methods printed, recordings kept in ${TMPDIR:-/tmp}).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

SIZE="${REPL_SIZE:-1073741824}"
ROUNDS="${REPL_ROUNDS:-3}"
FILES="${REPL_FILES:-10000}"
FILE_BYTES="${REPL_FILE_BYTES:-4096}"
LAG_FILES="${REPL_LAG_FILES:-100}"
SHORT_INTERVAL="${REPL_SHORT_INTERVAL:-5s}"
PARTS="${REPL_PARTS:-a b c}"

fail() { echo "replication: $*" >&2; exit 1; }
require_jars storage-element ingester-module query-module admin-module admin-ui dev-stack
install_missing jq curl
bench_workdir
ROOT_WORK="$BENCH_WORK"
# every stack lives under ROOT_WORK: remove that, whichever stack was the last
trap 'BENCH_WORK="$ROOT_WORK"; bench_cleanup' EXIT

mbps() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) print "n/a"; else printf "%.1f", b / s / 1000000 }'; }
met() { awk -v r="$1" -v t="$2" 'BEGIN { print (r != "n/a" && r + 0 >= t) ? "yes" : "**no**" }'; }
median() { printf '%s\n' "$@" | nearest_rank 50 | cut -f1; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
cpu_since() { awk -v a="$2" -v b="$(cpu_seconds "$1")" 'BEGIN { printf "%.1f", b - a }'; }
now_s() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# Starts a dev stack in $ROOT_WORK/<name> with AM_REPLICATION_INTERVAL=<interval> (empty: default)
# and logs in as the admin user (ADMIN_TOKEN) and the ingester (INGEST_TOKEN).
stack_up() {
  local name="$1" interval="$2"
  BENCH_WORK="$ROOT_WORK/$name"
  mkdir -p "$BENCH_WORK"
  if [ -n "$interval" ]; then AM_REPLICATION_INTERVAL="$interval" start_stack; else start_stack; fi
  ADMIN_TOKEN="$(curl -s "$ADMIN_URL/api/v1/admin-auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" | json_field access_token)"
  INGEST_TOKEN="$(client_token "$INGEST_CLIENT_ID" "$INGEST_CLIENT_SECRET")"
  [ -n "$ADMIN_TOKEN" ] && [ -n "$INGEST_TOKEN" ] || fail "cannot get tokens from admin-module"
}
# Stops the current stack (the last tracked pid) and waits for it.
stack_down() {
  kill -TERM "$STACK_PID" 2>/dev/null || true
  wait "$STACK_PID" 2>/dev/null || true
}
admin() { curl -sf -H "Authorization: Bearer $ADMIN_TOKEN" "$@"; }
run_pass() { admin -X POST "$ADMIN_URL/api/v1/replication/run"; }
repl_status() { admin "$ADMIN_URL/api/v1/replication/status"; }
# storage_id of an SE by its registry id
se_storage_id() { admin "$ADMIN_URL/api/v1/storage-elements/$1" | jq -r .storage_id; }
upload_permanent() { # file -> answer JSON in $2, prints "http_code time_total"
  curl -s -o "$2" -w '%{http_code} %{time_total}' "$INGEST_URL/api/v1/files/upload" \
    -H "Authorization: Bearer $INGEST_TOKEN" -F retention_policy=permanent \
    -F "file=@$1;type=application/octet-stream"
}

# ==================================================================================== (a), (b)
if [[ " $PARTS " == *" a "* || " $PARTS " == *" b "* ]]; then
  stack_up job-off 1h
  ADMIN_PID="$(pid_on_port "$(port_of "$ADMIN_URL")")"
  IG_PID="$(pid_on_port "$(port_of "$INGEST_URL")")"
  declare -A SE_PIDS=([se-rw]="$(pid_on_port "$(port_of "$SE_RW_URL")")" [se-rw-b]="$(pid_on_port "$(port_of "$SE_RW_B_URL")")")
fi

if [[ " $PARTS " == *" a "* ]]; then
  echo "(a) generating $SIZE bytes of pseudo-random data ..." >&2
  { openssl enc -aes-128-ctr -nosalt -pass pass:artstore-bench -in /dev/zero 2>/dev/null || true; } \
    | head -c "$SIZE" > "$ROOT_WORK/payload.bin"
  EXPECTED="$(sha256sum "$ROOT_WORK/payload.bin" | cut -d' ' -f1)"
  # Warm-up of both paths (long-running JVMs): three 128 MiB uploads and their copies.
  head -c 134217728 "$ROOT_WORK/payload.bin" > "$ROOT_WORK/warmup.bin"
  for _ in 1 2 3; do
    read -r code _ <<<"$(upload_permanent "$ROOT_WORK/warmup.bin" "$ROOT_WORK/up.json")"
    [ "$code" = 201 ] || { cat "$ROOT_WORK/up.json" >&2; fail "warm-up upload answered $code"; }
  done
  warm="$(run_pass)" || fail "warm-up replication pass failed"
  [ "$(jq -r .copies_made <<<"$warm")" = 3 ] || fail "warm-up pass made not 3 copies: $warm"
  [ -n "${REPL_PROFILE:-}" ] && for pid in "$ADMIN_PID" "${SE_PIDS[@]}"; do
    "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=repl settings=profile filename="$ROOT_WORK/$pid.jfr" >/dev/null
  done
  ROWS=(); UP_ALL=(); CP_ALL=(); PASS_ALL=()
  for round in $(seq 1 "$ROUNDS"); do
    echo "(a) round $round: upload of $SIZE bytes through the ingester, then one replication pass ..." >&2
    sync
    ig0="$(cpu_seconds "$IG_PID")"; a0="$(cpu_seconds "$ADMIN_PID")"
    declare -A se0=(); for s in "${!SE_PIDS[@]}"; do se0[$s]="$(cpu_seconds "${SE_PIDS[$s]}")"; done
    read -r code up_s <<<"$(upload_permanent "$ROOT_WORK/payload.bin" "$ROOT_WORK/up.json")"
    [ "$code" = 201 ] || { cat "$ROOT_WORK/up.json" >&2; fail "upload answered $code"; }
    FILE_ID="$(jq -r .file_id "$ROOT_WORK/up.json")"
    [ "$(jq -r .checksum "$ROOT_WORK/up.json")" = "$EXPECTED" ] || fail "upload checksum differs"
    FIRST_SE="$(se_storage_id "$(admin "$ADMIN_URL/api/v1/files/$FILE_ID" | jq -r '.copies[0].storage_element_id')")"
    up_ig="$(cpu_since "$IG_PID" "$ig0")"; up_se="$(cpu_since "${SE_PIDS[$FIRST_SE]}" "${se0[$FIRST_SE]}")"
    a1="$(cpu_seconds "$ADMIN_PID")"; for s in "${!SE_PIDS[@]}"; do se0[$s]="$(cpu_seconds "${SE_PIDS[$s]}")"; done
    sync
    t0="$(now_s)"
    pass="$(run_pass)" || fail "replication pass failed"
    cp_s="$(secs "$t0" "$(now_s)")"
    [ "$(jq -r .copies_made <<<"$pass")" = 1 ] && [ "$(jq -r .bytes_copied <<<"$pass")" = "$SIZE" ] \
      || fail "the pass did not copy the file: $pass"
    pass_ms="$(jq -r .duration_ms <<<"$pass")"
    view="$(admin "$ADMIN_URL/api/v1/files/$FILE_ID")"
    [ "$(jq '[.copies[] | select(.status == "ok")] | length' <<<"$view")" = 2 ] || fail "not 2 ok copies: $view"
    TARGET_SE=""
    for id in $(jq -r '.copies[].storage_element_id' <<<"$view"); do
      sid="$(se_storage_id "$id")"; [ "$sid" != "$FIRST_SE" ] && TARGET_SE="$sid"
    done
    [ -n "${SE_PIDS[$TARGET_SE]:-}" ] || fail "unexpected target SE '$TARGET_SE'"
    cp_admin="$(cpu_since "$ADMIN_PID" "$a1")"
    cp_src="$(cpu_since "${SE_PIDS[$FIRST_SE]}" "${se0[$FIRST_SE]}")"
    cp_dst="$(cpu_since "${SE_PIDS[$TARGET_SE]}" "${se0[$TARGET_SE]}")"
    # the new copy on the target SE's disk is byte-identical (outside the timing)
    copy_file="$(find "$ROOT_WORK/job-off/stack/$TARGET_SE/data" -type f -name "*${FILE_ID}*" -size "${SIZE}c" | head -1)"
    [ -n "$copy_file" ] || fail "no data file of $FILE_ID on $TARGET_SE's disk"
    [ "$(sha256sum "$copy_file" | cut -d' ' -f1)" = "$EXPECTED" ] || fail "the copy on $TARGET_SE differs from the payload"
    if [ -n "${REPL_PROFILE:-}" ] && [ "$round" = 1 ]; then
      for pid in "$ADMIN_PID" "${SE_PIDS[@]}"; do
        "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name=repl >/dev/null
        echo "=== hot methods of pid $pid (admin $ADMIN_PID, SEs ${SE_PIDS[*]}) ===" >&2
        "$JAVA_HOME/bin/jfr" view hot-methods "$ROOT_WORK/$pid.jfr" >&2 || true
        cp "$ROOT_WORK/$pid.jfr" "${TMPDIR:-/tmp}/bench-repl-$pid.jfr"
      done
    fi
    UP_ALL+=("$up_s"); CP_ALL+=("$cp_s"); PASS_ALL+=("$pass_ms")
    ROWS+=("| $round | $FIRST_SE → $TARGET_SE | $up_s s | $(mbps "$SIZE" "$up_s") | $up_ig s / $up_se s | $cp_s s ($pass_ms ms) | $(mbps "$SIZE" "$cp_s") | $cp_src s / $cp_admin s / $cp_dst s | $(ratio "$(mbps "$SIZE" "$cp_s")" "$(mbps "$SIZE" "$up_s")") |")
  done
  UP_S="$(median "${UP_ALL[@]}")"; CP_S="$(median "${CP_ALL[@]}")"
  UP_MB="$(mbps "$SIZE" "$UP_S")"; CP_MB="$(mbps "$SIZE" "$CP_S")"; RATIO="$(ratio "$CP_MB" "$UP_MB")"
  report "#### Replication of $((SIZE / 1048576)) MiB SE → admin-module → SE vs the upload of the same file" "" \
    "Stack with \`AM_REPLICATION_INTERVAL=1h\` (no periodic pass) and \`${ARTSTORE_JVM_OPTIONS:--Xms32m -Xmx256m -XX:+UseSerialGC}\`. Upload: \`curl -F retention_policy=permanent -F file=@payload\` → ingester → first \`rw\` SE (TLS), \`time_total\`. Copy: \`POST /api/v1/replication/run\` (one pass; it copies the file source SE → admin-module → target SE, both TLS), wall time of the call (\`duration_ms\` of the answer in brackets). Alternating, $ROUNDS rounds, after three unreported 128 MiB uploads and their copies; the copy's SHA-256 is checked on the target SE's disk every round. CPU: process CPU seconds (user + system) during the step." "" \
    "| round | copy | upload | MB/s | CPU ingester / SE | copy | MB/s | CPU source SE / admin / target SE | ratio |" \
    "|---|---|---|---|---|---|---|---|---|" "${ROWS[@]}" "" \
    "| what | time | MB/s | reference | ratio | target ≥ 0.8 met? |" "|---|---|---|---|---|---|" \
    "| upload, median of $ROUNDS | $UP_S s | $UP_MB | — | — | — |" \
    "| replication copy, median of $ROUNDS | $CP_S s | $CP_MB | upload $UP_MB | $RATIO | $(met "$RATIO" 0.8) |" ""
  rm -f "$ROOT_WORK/payload.bin" "$ROOT_WORK/warmup.bin"
fi

if [[ " $PARTS " == *" b "* ]]; then
  SE_JAR="$(module_jar storage-element)"
  SE_DIR="$ROOT_WORK/se-c"
  mkdir -p "$SE_DIR/jar"
  (cd "$SE_DIR/jar" && unzip -q "$SE_JAR")
  echo "(b) generating $FILES permanent files of $FILE_BYTES bytes in the SE format ..." >&2
  "$JAVA_HOME/bin/java" -cp "$SE_DIR/jar/BOOT-INF/classes:$SE_DIR/jar/BOOT-INF/lib/*" \
    bench/java/SeFilesGenerator.java "$SE_DIR/data" "$SE_DIR/wal" "$FILES" "$FILE_BYTES" 0 >&2
  sync
  rm -rf "$SE_DIR/jar"
  SE_C_URL="https://127.0.0.1:$(free_port)"
  TLS="$ROOT_WORK/job-off/stack/tls"
  SE_PORT="$(port_of "$SE_C_URL")" SE_STORAGE_ID=se-c SE_DATA_DIR="$SE_DIR/data" SE_WAL_DIR="$SE_DIR/wal" SE_MODE=rw \
    SE_JWKS_URL="$ADMIN_URL/api/v1/auth/jwks" SE_JWT_ISSUER="$ADMIN_URL" SE_TLS_CERT="$TLS/server.pem" \
    SE_TLS_KEY="$TLS/server-key.pem" SE_LOG_FORMAT=text \
    "$JAVA_HOME/bin/java" ${ARTSTORE_JVM_OPTIONS:--Xms32m -Xmx256m -XX:+UseSerialGC} -jar "$SE_JAR" > "$SE_DIR/se.log" 2>&1 &
  SE_C_PID=$!
  track_pid "$SE_C_PID"
  for _ in $(seq 1 1200); do
    curl -sf --cacert "$SE_CA_CERT" "$SE_C_URL/health/ready" > /dev/null 2>&1 && break
    kill -0 "$SE_C_PID" 2>/dev/null || { tail -40 "$SE_DIR/se.log" >&2; fail "SE se-c died"; }
    sleep 0.1
  done
  echo "(b) registering se-c (site c): its first sync registers the files with one copy each ..." >&2
  before="$(repl_status | jq -r .files_under_replicated)"
  t0="$(now_s)"
  reg="$(admin "$ADMIN_URL/api/v1/storage-elements" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench SE (rw, site c)\",\"url\":\"$SE_C_URL\",\"site\":\"c\"}")" || fail "registration of se-c failed"
  sync_s="$(secs "$t0" "$(now_s)")"
  under="$(repl_status | jq -r .files_under_replicated)"
  [ "$((under - before))" = "$FILES" ] || fail "after the sync $under files are under-replicated ($before before), expected $FILES more"
  echo "(b) $under under-replicated; replication passes until none is left ..." >&2
  passes=0; made=0; failed=0; a0="$(cpu_seconds "$ADMIN_PID")"; c0="$(cpu_seconds "$SE_C_PID")"
  declare -A seb0=(); for s in "${!SE_PIDS[@]}"; do seb0[$s]="$(cpu_seconds "${SE_PIDS[$s]}")"; done
  t0="$(now_s)"
  while [ "$under" -gt 0 ]; do
    pass="$(run_pass)" || fail "replication pass failed"
    passes=$((passes + 1))
    made=$((made + $(jq -r .copies_made <<<"$pass"))); failed=$((failed + $(jq -r .copies_failed <<<"$pass")))
    [ "$(jq -r .files_claimed <<<"$pass")" -gt 0 ] || fail "a pass claimed nothing while $under files are under-replicated: $pass"
    under="$(repl_status | jq -r .files_under_replicated)"
  done
  repair_s="$(secs "$t0" "$(now_s)")"
  cpu_c="$(cpu_since "$SE_C_PID" "$c0")"; cpu_a="$(cpu_since "$ADMIN_PID" "$a0")"
  cpu_t=""; for s in se-rw se-rw-b; do cpu_t+="$s $(cpu_since "${SE_PIDS[$s]}" "${seb0[$s]}") s, "; done
  placed=""; for s in se-rw se-rw-b; do
    placed+="$s $(find "$ROOT_WORK/job-off/stack/$s/data" -type f -size "${FILE_BYTES}c" | wc -l), "
  done
  rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s <= 0) print "n/a"; else printf "%.0f", n / s }'; }
  report "#### Repair of $FILES small files ($FILE_BYTES bytes, permanent, one copy each)" "" \
    "The files are written in the SE format (\`bench/java/SeFilesGenerator.java\`) and served by a fourth SE (\`rw\`, site \`c\`); registering it in admin-module runs its first sync, which registers them with one copy each. Then \`POST /api/v1/replication/run\` (batch \`AM_REPLICATION_BATCH\` ${AM_REPLICATION_BATCH:-100}, parallelism \`AM_REPLICATION_PARALLELISM\` ${AM_REPLICATION_PARALLELISM:-2}; defaults 100 and 2; \`SE_SCRUB_RATE\` ${SE_SCRUB_RATE:-50000000}) until \`files_under_replicated\` = 0, each pass followed by \`GET /api/v1/replication/status\`." "" \
    "| what | result |" "|---|---|" \
    "| reference: registration + first sync of the $FILES files | $sync_s s, $(rate "$FILES" "$sync_s") files/s |" \
    "| repair: $passes passes, $made copies made, $failed failed | $repair_s s, **$(rate "$made" "$repair_s") files/s** |" \
    "| CPU during the repair | source se-c $cpu_c s, admin-module $cpu_a s, targets ${cpu_t%, } |" \
    "| copies placed (data files of $FILE_BYTES bytes on disk after the run) | ${placed%, } |" ""
fi
if [[ " $PARTS " == *" a "* || " $PARTS " == *" b "* ]]; then
  [ -n "${SE_C_PID:-}" ] && { kill -TERM "$SE_C_PID" 2>/dev/null || true; wait "$SE_C_PID" 2>/dev/null || true; }
  stack_down
fi

# ========================================================================================== (c)
# Uploads LAG_FILES small permanent files spaced over two intervals, polls admin-module's file
# list every 100 ms, prints one lag (seconds from upload answer to 2 ok copies) per line.
lag_run() {
  local spacing="$1"
  head -c 2048 /dev/urandom > "$BENCH_WORK/small.bin"
  python3 - "$ADMIN_URL" "$ADMIN_TOKEN" "$INGEST_URL" "$INGEST_TOKEN" "$BENCH_WORK/small.bin" "$LAG_FILES" "$spacing" <<'PY'
import json, subprocess, sys, threading, time, urllib.request
admin, admin_token, ingest, ingest_token, small, n, spacing = sys.argv[1:8]
n, spacing = int(n), float(spacing)
answered, done, errors = {}, {}, []
lock = threading.Lock()

def uploads():
    for i in range(n):
        start = time.monotonic()
        out = subprocess.run(["curl", "-s", "-w", "\n%{http_code}", f"{ingest}/api/v1/files/upload",
                              "-H", f"Authorization: Bearer {ingest_token}", "-F", "retention_policy=permanent",
                              "-F", f"file=@{small};filename=lag-{i}.bin;type=application/octet-stream"],
                             capture_output=True, text=True).stdout
        at = time.monotonic()
        body, code = out.rsplit("\n", 1)
        if code != "201":
            errors.append(f"upload {i}: HTTP {code} {body}")
            return
        with lock:
            answered[json.loads(body)["file_id"]] = at
        time.sleep(max(0.0, spacing - (time.monotonic() - start)))

t = threading.Thread(target=uploads)
t.start()
deadline = None
while True:
    offset, items = 0, []
    while True:
        req = urllib.request.Request(f"{admin}/api/v1/files?limit=1000&offset={offset}&retention_policy=permanent",
                                     headers={"Authorization": f"Bearer {admin_token}"})
        page = json.load(urllib.request.urlopen(req))
        items += page["items"]
        if not page["has_more"]:
            break
        offset += 1000
    now = time.monotonic()  # after the fetch: a lag is never under-stated
    with lock:
        for item in items:
            fid = item["file_id"]
            if fid in answered and fid not in done and sum(c["status"] == "ok" for c in item["copies"]) >= 2:
                done[fid] = now - answered[fid]
    if errors:
        sys.exit("\n".join(errors))
    if not t.is_alive() and len(done) == n:
        break
    if not t.is_alive():
        deadline = deadline or now + 600
        if now > deadline:
            sys.exit(f"only {len(done)} of {n} files got 2 ok copies within 10 minutes")
    time.sleep(0.1)
for lag in done.values():
    print(f"{lag:.3f}")
PY
}
# seconds of an interval like 1m / 5s / 500ms
interval_s() { awk -v v="$1" 'BEGIN { u = v; sub(/^[0-9.]+/, "", u); x = v + 0;
  print (u == "ms") ? x / 1000 : (u == "m") ? x * 60 : (u == "h") ? x * 3600 : x }'; }

if [[ " $PARTS " == *" c "* ]]; then
  # the table's head first, then each interval's row as soon as it is measured, so that a stack
  # that fails to start (3-minute limit per service on a loaded machine) loses only its own row
  report "#### Replication lag of a fresh upload" "" \
    "$LAG_FILES permanent uploads of 2 KiB through the ingester, spaced evenly over two intervals; admin-module's file list polled every 100 ms; lag = upload answer → the file shows 2 \`ok\` copies. A fresh stack per interval." "" \
    "| job interval | uploads | min | p50 | p99 | max | reference: interval |" "|---|---|---|---|---|---|---|"
  for interval in ${REPL_LAG_INTERVALS:-1m $SHORT_INTERVAL}; do
    if [ "$interval" = 1m ]; then stack_up lag-default ""; else stack_up "lag-$interval" "$interval"; fi
    iv="$(interval_s "$interval")"
    spacing="$(awk -v iv="$iv" -v n="$LAG_FILES" 'BEGIN { s = 2 * iv / n; printf "%.3f", s < 0.2 ? 0.2 : s }')"
    echo "(c) AM_REPLICATION_INTERVAL=$interval: $LAG_FILES uploads, one every $spacing s ..." >&2
    lags="$(lag_run "$spacing")" || fail "lag run with interval $interval failed"
    read -r p50 p99 count <<<"$(nearest_rank 50 99 <<<"$lags" | tr '\t' ' ')"
    max="$(sort -g <<<"$lags" | tail -1)"; min="$(sort -g <<<"$lags" | head -1)"
    report "| \`AM_REPLICATION_INTERVAL=$interval\`$([ "$interval" = 1m ] && echo ' (default)') | $count, one every $spacing s | $min s | **$p50 s** | **$p99 s** | $max s | $iv s |"
    stack_down
  done
  report ""
fi
