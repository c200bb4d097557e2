#!/usr/bin/env bash
# Benchmark parts 1 and 2 (docs/benchmarks.md): upload and download of one large file,
# each next to its reference measured in the same run on the same disk.
#
#   1. Upload: BENCH_SIZE bytes (default 1 GiB) through ingester -> storage element (TLS),
#      both with -Xmx128m, vs `dd if=<payload> of=<same disk> bs=1M conv=fsync`, alternating
#      (BENCH_UPLOAD_ROUNDS, default 3), medians compared.
#      Also reports the peak RSS (VmHWM) of the ingester and the SE.
#   2. Download: the same file via query-module -> SE, and from the SE directly (HTTPS), vs
#      Debian's nginx serving the same bytes on loopback (HTTP, and HTTPS with the stack's
#      certificate), all fetched with curl; then 64 clients x 1 MiB random ranged GETs with
#      wrk against nginx, the SE and query (requests/s, p50/p99, errors).
#
# The dev stack (every service -Xmx128m, full JIT) runs in a temporary directory; nginx runs
# as a non-daemon on free loopback ports with a generated config there. Everything is
# stopped and removed on exit (BENCH_KEEP=1 keeps the work directory).
#
# Needs: the packaged jars (mvn -B -q package -DskipTests), curl, openssl, sha256sum; nginx
# and wrk are installed with apt-get when missing.
# Env: BENCH_SIZE (bytes, default 1073741824), BENCH_UPLOAD_ROUNDS (dd and upload alternate
#      this many times, medians compared, default 3), BENCH_RUNS (downloads per target, best is
#      reported, default 3), BENCH_WRK_SECONDS (default 15), BENCH_WARMUP_SECONDS (one unreported
#      wrk warm-up slice before a ranged run, default 10; at least BENCH_WARMUP_MIN_SLICES (6),
#      then more until two in a row add less than 5 % to the best requests/s, at most
#      BENCH_WARMUP_SLICES (12)),
#      BENCH_PROFILE=1 (JFR recordings of ingester and SE during the upload, SE and query during
#      the ranged runs, printed as hot methods). Every measured transfer follows an unreported
#      warm-up on the same path (three 128 MiB uploads, one full download, wrk slices): the
#      services are long-running JVMs.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

SIZE="${BENCH_SIZE:-1073741824}"
RUNS="${BENCH_RUNS:-3}"
UPLOAD_ROUNDS="${BENCH_UPLOAD_ROUNDS:-3}"
WRK_SECONDS="${BENCH_WRK_SECONDS:-15}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-10}"
WARMUP_MIN_SLICES="${BENCH_WARMUP_MIN_SLICES:-6}"
WARMUP_SLICES="${BENCH_WARMUP_SLICES:-12}"
HEAP=128m
CHUNK=1048576

fail() { echo "upload-download: $*" >&2; exit 1; }

require_jars storage-element ingester-module query-module admin-module admin-ui dev-stack
for tool in curl openssl sha256sum dd awk; do
  command -v "$tool" >/dev/null || fail "$tool is required"
done
install_missing nginx wrk
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || fail "nginx not found after installing it"

bench_workdir
# nginx is not a child the EXIT trap's `wait` would see stopping: stop it by its pid file too
stop_nginx() {
  [ -f "$BENCH_WORK/nginx/nginx.pid" ] && kill -TERM "$(cat "$BENCH_WORK/nginx/nginx.pid")" 2>/dev/null || true
}
trap 'stop_nginx; bench_cleanup' EXIT

# --- payload and dd reference --------------------------------------------------------------
echo "Generating $SIZE bytes of pseudo-random data in $BENCH_WORK ..." >&2
{ openssl enc -aes-128-ctr -nosalt -pass pass:artstore-bench -in /dev/zero 2>/dev/null || true; } \
  | head -c "$SIZE" > "$BENCH_WORK/payload.bin"
[ "$(stat -c %s "$BENCH_WORK/payload.bin")" = "$SIZE" ] || fail "could not generate the payload"
EXPECTED="$(sha256sum "$BENCH_WORK/payload.bin" | cut -d' ' -f1)"

mbps() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) print "n/a"; else printf "%.1f", b / s / 1000000 }'; }
met() { awk -v r="$1" -v t="$2" 'BEGIN { print (r != "n/a" && r + 0 >= t) ? "yes" : "**no**" }'; }
# BENCH_PROFILE: stops the JFR recording NAME of PID, prints its hot methods under LABEL and
# keeps a copy of the recording FILE at COPY
jfr_report() {
  local name="$1" file="$2" pid="$3" label="$4" copy="$5"
  "$JAVA_HOME/bin/jcmd" "$pid" JFR.stop name="$name" >/dev/null
  echo "=== hot methods of $label (pid $pid) ===" >&2
  "$JAVA_HOME/bin/jfr" view hot-methods "$file" >&2 || true
  cp "$file" "$copy"
}

# seconds of one `dd ... conv=fsync` of the payload onto the same disk (the reference)
dd_seconds() {
  local start end
  sync
  start=$(date +%s.%N)
  dd if="$BENCH_WORK/payload.bin" of="$BENCH_WORK/dd.out" bs=1M conv=fsync status=none
  end=$(date +%s.%N)
  rm -f "$BENCH_WORK/dd.out"
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}
# the middle value of the arguments (nearest rank; the lower one of two middles)
median() { printf '%s\n' "$@" | nearest_rank 50 | cut -f1; }

# --- stack ---------------------------------------------------------------------------------
start_stack --jvm-options "-Xms32m -Xmx$HEAP -XX:+UseSerialGC"
IG_PID="$(pid_on_port "$(port_of "$INGEST_URL")")"
SE_PID="$(pid_on_port "$(port_of "$SE_EDIT_URL")")"
QM_PID="$(pid_on_port "$(port_of "$QUERY_URL")")"
[ -n "$IG_PID" ] && [ -n "$SE_PID" ] && [ -n "$QM_PID" ] || fail "cannot find the ingester/SE/query processes"
INGEST_TOKEN="$(client_token "$INGEST_CLIENT_ID" "$INGEST_CLIENT_SECRET")"
READ_TOKEN="$(client_token "$SEARCH_CLIENT_ID" "$SEARCH_CLIENT_SECRET")"
[ -n "$INGEST_TOKEN" ] && [ -n "$READ_TOKEN" ] || fail "cannot get access tokens from admin-module"

# Warm-up: the services are long-running JVMs, nginx has no JIT. A fresh stack spends seconds
# of CPU in the JIT compilers on the first real traffic (JFR: the C2 compiler thread was the
# busiest thread of the SE and of query-module in unwarmed 10 s ranged runs), so each
# measured transfer is preceded by unreported traffic on the same path. One 128 MiB upload was
# not enough: the ingester still spent 0.8 CPU-seconds compiling during the first measured
# 1 GiB (user time 1.67 s against 0.85 s for the next ones), so the warm-up sends three.
head -c 134217728 "$BENCH_WORK/payload.bin" > "$BENCH_WORK/warmup.bin"
for _ in 1 2 3; do
  curl -sf -o /dev/null "$INGEST_URL/api/v1/files/upload" -H "Authorization: Bearer $INGEST_TOKEN" \
    -F ttl_days=1 -F "file=@$BENCH_WORK/warmup.bin;type=application/octet-stream" || fail "warm-up upload failed"
done

if [ -n "${BENCH_PROFILE:-}" ]; then
  for pid in "$IG_PID" "$SE_PID"; do
    "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=bench settings=profile filename="$BENCH_WORK/$pid.jfr" >/dev/null
  done
fi

# CPU time (user + system) a process has used so far, in seconds
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
# CPU seconds process PID has used since it had used START (one decimal)
cpu_since() { awk -v a="$2" -v b="$(cpu_seconds "$1")" 'BEGIN { printf "%.1f", b - a }'; }

# --- 1. upload -----------------------------------------------------------------------------
# The disk of this VM varies from minute to minute (dd gave 339 to 1,173 MB/s in runs of the
# same hour), so the reference and the upload alternate, UPLOAD_ROUNDS times each, and the
# medians are compared.
UP_ROWS=(); DD_ALL=(); UP_ALL=(); IG_CPU_ALL=(); SE_CPU_ALL=()
for round in $(seq 1 "$UPLOAD_ROUNDS"); do
  echo "Round $round: dd reference, then $SIZE bytes through the ingester to the edit SE (TLS) ..." >&2
  DD_S="$(dd_seconds)"
  sync
  IG_CPU0="$(cpu_seconds "$IG_PID")"; SE_CPU0="$(cpu_seconds "$SE_PID")"
  RESULT="$(curl -s -o "$BENCH_WORK/upload.json" -w '%{http_code} %{time_total}' \
    "$INGEST_URL/api/v1/files/upload" -H "Authorization: Bearer $INGEST_TOKEN" \
    -F ttl_days=1 -F "file=@$BENCH_WORK/payload.bin;type=application/octet-stream")" || true
  read -r UP_STATUS UP_S <<<"$RESULT"
  [ "$UP_STATUS" = "201" ] || { cat "$BENCH_WORK/upload.json" >&2; fail "upload answered HTTP $UP_STATUS"; }
  FILE_ID="$(json_field file_id < "$BENCH_WORK/upload.json")"
  CHECKSUM="$(json_field checksum < "$BENCH_WORK/upload.json")"
  [ "$CHECKSUM" = "$EXPECTED" ] || fail "checksum mismatch: $CHECKSUM vs $EXPECTED"
  IG_C="$(cpu_since "$IG_PID" "$IG_CPU0")"
  SE_C="$(cpu_since "$SE_PID" "$SE_CPU0")"
  DD_ALL+=("$DD_S"); UP_ALL+=("$UP_S"); IG_CPU_ALL+=("$IG_C"); SE_CPU_ALL+=("$SE_C")
  DD_MB="$(mbps "$SIZE" "$DD_S")"; UP_MB="$(mbps "$SIZE" "$UP_S")"
  UP_ROWS+=("| $round | $DD_S s | $DD_MB | $UP_S s | $UP_MB | $(ratio "$UP_MB" "$DD_MB") | $IG_C s | $SE_C s |")
done
DD_SECONDS="$(median "${DD_ALL[@]}")"; DD_MBPS=$(mbps "$SIZE" "$DD_SECONDS")
UP_SECONDS="$(median "${UP_ALL[@]}")"; UP_MBPS=$(mbps "$SIZE" "$UP_SECONDS")
UP_RATIO=$(ratio "$UP_MBPS" "$DD_MBPS")
IG_CPU="$(median "${IG_CPU_ALL[@]}")"; SE_CPU="$(median "${SE_CPU_ALL[@]}")"
IG_RSS="$(peak_rss_mib "$IG_PID")"
SE_RSS="$(peak_rss_mib "$SE_PID")"

if [ -n "${BENCH_PROFILE:-}" ]; then
  jfr_report bench "$BENCH_WORK/$IG_PID.jfr" "$IG_PID" ingester "${TMPDIR:-/tmp}/bench-ingester.jfr"
  jfr_report bench "$BENCH_WORK/$SE_PID.jfr" "$SE_PID" SE "${TMPDIR:-/tmp}/bench-se.jfr"
fi

report "#### 1. Upload of $((SIZE / 1048576)) MiB through ingester → SE (TLS), both \`-Xmx$HEAP\`" "" \
  "Reference: \`dd if=payload of=<same disk> bs=1M conv=fsync\`. Upload: \`curl -F file=@payload\` → ingester → SE. The two alternate, $UPLOAD_ROUNDS rounds; the medians are compared." "" \
  "| round | dd | dd MB/s | upload | upload MB/s | ratio | ingester CPU | SE CPU |" \
  "|---|---|---|---|---|---|---|---|" "${UP_ROWS[@]}" "" \
  "| what | time | MB/s | reference | ratio | target ≥ 0.7 met? |" \
  "|---|---|---|---|---|---|" \
  "| dd, median of $UPLOAD_ROUNDS | ${DD_SECONDS} s | $DD_MBPS | — | — | — |" \
  "| upload, median of $UPLOAD_ROUNDS | ${UP_SECONDS} s | $UP_MBPS | dd $DD_MBPS | $UP_RATIO | $(met "$UP_RATIO" 0.7) |" \
  "" \
  "Peak RSS (VmHWM) after the uploads: ingester $IG_RSS MiB, storage element $SE_RSS MiB. CPU time per upload (median): ingester $IG_CPU s, storage element $SE_CPU s (of $(nproc) cores × ${UP_SECONDS} s). SHA-256 reported by the system matches the payload after every upload." \
  ""

# --- 2. download ---------------------------------------------------------------------------
mkdir -p "$BENCH_WORK/nginx/html" "$BENCH_WORK/nginx/tmp"
ln "$BENCH_WORK/payload.bin" "$BENCH_WORK/nginx/html/payload.bin"
NGINX_PORT="$(free_port)"
NGINX_TLS_PORT="$(free_port)"
cat > "$BENCH_WORK/nginx/nginx.conf" <<EOF
user root;
worker_processes auto;
pid $BENCH_WORK/nginx/nginx.pid;
error_log $BENCH_WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $BENCH_WORK/nginx/tmp;
  proxy_temp_path $BENCH_WORK/nginx/tmp;
  fastcgi_temp_path $BENCH_WORK/nginx/tmp;
  uwsgi_temp_path $BENCH_WORK/nginx/tmp;
  scgi_temp_path $BENCH_WORK/nginx/tmp;
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $BENCH_WORK/nginx/html;
  }
  server {
    listen 127.0.0.1:$NGINX_TLS_PORT ssl;
    ssl_certificate $BENCH_WORK/stack/tls/server.pem;
    ssl_certificate_key $BENCH_WORK/stack/tls/server-key.pem;
    root $BENCH_WORK/nginx/html;
  }
}
EOF
"$NGINX" -t -q -p "$BENCH_WORK/nginx" -c "$BENCH_WORK/nginx/nginx.conf" 2>"$BENCH_WORK/nginx/test.log" \
  || { cat "$BENCH_WORK/nginx/test.log" >&2; fail "nginx rejects the generated config"; }
"$NGINX" -p "$BENCH_WORK/nginx" -c "$BENCH_WORK/nginx/nginx.conf" -g 'daemon off;' 2>>"$BENCH_WORK/nginx/error.log" &
track_pid $!
for _ in $(seq 1 50); do
  curl -sf -o /dev/null -r 0-0 "http://127.0.0.1:$NGINX_PORT/payload.bin" && break
  sleep 0.1
done
curl -sf -o /dev/null -r 0-0 "http://127.0.0.1:$NGINX_PORT/payload.bin" \
  || { cat "$BENCH_WORK/nginx/error.log" >&2; fail "nginx did not start"; }

NGINX_URL="http://127.0.0.1:$NGINX_PORT/payload.bin"
NGINX_TLS_URL="https://127.0.0.1:$NGINX_TLS_PORT/payload.bin"
SE_URL="$SE_EDIT_URL/api/v1/files/$FILE_ID/download"
QM_URL="$QUERY_URL/api/v1/files/$FILE_ID/download"

# best of $RUNS full downloads: sets BEST_S and BEST_MBPS
download() {
  local url="$1" best="" run out status size seconds
  shift
  curl -s -o /dev/null --cacert "$SE_CA_CERT" "$@" "$url" || true # unreported warm-up
  for run in $(seq 1 "$RUNS"); do
    out="$(curl -s -o /dev/null --cacert "$SE_CA_CERT" -w '%{http_code} %{size_download} %{time_total}' "$@" "$url")" || true
    read -r status size seconds <<<"$out"
    [ "$status" = "200" ] && [ "$size" = "$SIZE" ] || fail "download of $url: HTTP $status, $size bytes"
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$seconds"; fi
  done
  BEST_S="$best"
  BEST_MBPS="$(mbps "$SIZE" "$best")"
}

echo "Downloading (best of $RUNS each) ..." >&2
download "$NGINX_URL"; NG_S="$BEST_S"; NG_MBPS="$BEST_MBPS"
download "$NGINX_TLS_URL"; NGT_S="$BEST_S"; NGT_MBPS="$BEST_MBPS"
download "$SE_URL" -H "Authorization: Bearer $READ_TOKEN"; SE_S="$BEST_S"; SE_MBPS="$BEST_MBPS"
download "$QM_URL" -H "Authorization: Bearer $READ_TOKEN"; QM_S="$BEST_S"; QM_MBPS="$BEST_MBPS"
# the downloaded bytes are the uploaded ones (checked once, outside the timing)
[ "$(curl -s --cacert "$SE_CA_CERT" -H "Authorization: Bearer $READ_TOKEN" "$QM_URL" | sha256sum | cut -d' ' -f1)" = "$EXPECTED" ] \
  || fail "the file downloaded via query differs from the payload"

SE_RATIO=$(ratio "$SE_MBPS" "$NG_MBPS"); SE_RATIO_TLS=$(ratio "$SE_MBPS" "$NGT_MBPS")
QM_RATIO=$(ratio "$QM_MBPS" "$NG_MBPS"); QM_RATIO_TLS=$(ratio "$QM_MBPS" "$NGT_MBPS")
report "#### 2. Download of the same $((SIZE / 1048576)) MiB (curl -o /dev/null, best of $RUNS)" "" \
  "| what | time | MB/s | ratio to nginx HTTP | ratio to nginx HTTPS | target | met? |" \
  "|---|---|---|---|---|---|---|" \
  "| nginx, HTTP (sendfile) | ${NG_S} s | $NG_MBPS | — | — | reference | — |" \
  "| nginx, HTTPS (stack's certificate) | ${NGT_S} s | $NGT_MBPS | $(ratio "$NGT_MBPS" "$NG_MBPS") | — | reference | — |" \
  "| SE direct, HTTPS | ${SE_S} s | $SE_MBPS | $SE_RATIO | $SE_RATIO_TLS | ≥ 0.8 | $(met "$SE_RATIO" 0.8) |" \
  "| via query → SE (HTTP, SE hop HTTPS) | ${QM_S} s | $QM_MBPS | $QM_RATIO | $QM_RATIO_TLS | ≥ 0.6 | $(met "$QM_RATIO" 0.6) |" \
  "" \
  "nginx serves the payload file itself (same bytes, same disk); the SE serves its stored copy. The target ratios are to nginx over plain HTTP; the HTTPS column compares like with like." \
  ""

# --- 2b. 64 clients x 1 MiB ranges -----------------------------------------------------------
cat > "$BENCH_WORK/ranges.lua" <<EOF
local chunks = math.floor($SIZE / $CHUNK)
local counter = 0
setup = function(thread) counter = counter + 1; thread:set("seed", counter) end
init = function(args) math.randomseed(os.time() * 1000 + seed) end
request = function()
  local first = math.random(0, chunks - 1) * $CHUNK
  -- wrk.format replaces wrk.headers (Authorization from -H) with the table given: copy them
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Range"] = "bytes=" .. first .. "-" .. (first + $CHUNK - 1)
  return wrk.format("GET", nil, headers)
end
EOF

# Unreported warm-up on the same path (see the upload's warm-up): at least WARMUP_MIN_SLICES
# wrk slices, then more until two in a row serve less than 5 % more requests/s than the best
# before them. On a slower 2-core VM the SE's C2 compiler still took 16-20 % of its CPU after
# 60 s of 64-client load, its rate rose in steps with pauses between them, and one 10 s slice
# left the measured run at about 60 % of the rate it settled at (section 21).
# Sets R_WU: the rate of each slice, "a → b → c".
warm_up() {
  local url="$1" slice rps best=0 flat=0
  shift
  R_WU=""
  for slice in $(seq 1 "$WARMUP_SLICES"); do
    rps="$(wrk -t2 -c64 -d"${WARMUP_SECONDS}s" --timeout 30s -s "$BENCH_WORK/ranges.lua" "$@" "$url" 2>&1 \
      | awk '/^Requests\/sec:/ {printf "%.0f", $2}')" || true
    rps="${rps:-0}"
    R_WU="${R_WU:+$R_WU → }$rps"
    if awk -v now="$rps" -v best="$best" 'BEGIN { exit !(best > 0 && now < best * 1.05) }'; then
      flat=$((flat + 1))
      [ "$flat" -ge 2 ] && [ "$slice" -ge "$WARMUP_MIN_SLICES" ] && break
    else
      flat=0
    fi
    best="$(awk -v now="$rps" -v best="$best" 'BEGIN { print (now > best) ? now : best }')"
  done
}

# warms up, then runs wrk against a URL; sets R_WU R_RPS R_50 R_99 R_ERR
ranged() {
  local url="$1" out non2xx sockerr
  shift
  warm_up "$url" "$@"
  R_SE_CPU0="$(cpu_seconds "$SE_PID")"; R_QM_CPU0="$(cpu_seconds "$QM_PID")"
  out="$(wrk -t2 -c64 -d"${WRK_SECONDS}s" --timeout 30s --latency -s "$BENCH_WORK/ranges.lua" "$@" "$url" 2>&1)" \
    || { echo "$out" >&2; fail "wrk against $url failed"; }
  R_SE_CPU="$(cpu_since "$SE_PID" "$R_SE_CPU0")"
  R_QM_CPU="$(cpu_since "$QM_PID" "$R_QM_CPU0")"
  echo "$out" > "$BENCH_WORK/wrk-$(date +%s%N).log"
  R_RPS="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  R_50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  R_99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
  sockerr="$(sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p' <<<"$out" \
    | awk '{print $1 + $2 + $3 + $4}')"
  R_ERR=$(( ${non2xx:-0} + ${sockerr:-0} ))
  [ -n "$R_RPS" ] || { echo "$out" >&2; fail "no result from wrk against $url"; }
}

echo "64 clients x 1 MiB ranged GETs, ${WRK_SECONDS}s each ..." >&2
if [ -n "${BENCH_PROFILE:-}" ]; then
  for pid in "$SE_PID" "$QM_PID"; do
    "$JAVA_HOME/bin/jcmd" "$pid" JFR.start name=ranged settings=profile filename="$BENCH_WORK/ranged-$pid.jfr" >/dev/null
  done
fi
ranged "$NGINX_URL"; R_NG_WU=$R_WU R_NG_RPS=$R_RPS R_NG_50=$R_50 R_NG_99=$R_99 R_NG_ERR=$R_ERR
ranged "$NGINX_TLS_URL"; R_NGT_WU=$R_WU R_NGT_RPS=$R_RPS R_NGT_50=$R_50 R_NGT_99=$R_99 R_NGT_ERR=$R_ERR
ranged "$SE_URL" -H "Authorization: Bearer $READ_TOKEN"; R_SE_WU=$R_WU R_SE_RPS=$R_RPS R_SE_50=$R_50 R_SE_99=$R_99 R_SE_ERR=$R_ERR
SE_DIRECT_CPU=$R_SE_CPU
ranged "$QM_URL" -H "Authorization: Bearer $READ_TOKEN"; R_QM_WU=$R_WU R_QM_RPS=$R_RPS R_QM_50=$R_50 R_QM_99=$R_99 R_QM_ERR=$R_ERR
if [ -n "${BENCH_PROFILE:-}" ]; then
  jfr_report ranged "$BENCH_WORK/ranged-$SE_PID.jfr" "$SE_PID" "ranged downloads, SE" "${TMPDIR:-/tmp}/bench-ranged-se.jfr"
  jfr_report ranged "$BENCH_WORK/ranged-$QM_PID.jfr" "$QM_PID" "ranged downloads, query" "${TMPDIR:-/tmp}/bench-ranged-query.jfr"
fi
report "#### 2b. 64 clients × random 1 MiB ranges (\`wrk -t2 -c64 -d${WRK_SECONDS}s\`, Range header from a Lua script)" "" \
  "| target | requests/s | MB/s | p50 | p99 | errors (non-2xx + socket) | requests/s ratio to nginx HTTP | warm-up slices, requests/s |" \
  "|---|---|---|---|---|---|---|---|" \
  "| nginx, HTTP | $R_NG_RPS | $(awk -v r="$R_NG_RPS" 'BEGIN {printf "%.0f", r * 1.048576}') | $R_NG_50 | $R_NG_99 | $R_NG_ERR | — | $R_NG_WU |" \
  "| nginx, HTTPS | $R_NGT_RPS | $(awk -v r="$R_NGT_RPS" 'BEGIN {printf "%.0f", r * 1.048576}') | $R_NGT_50 | $R_NGT_99 | $R_NGT_ERR | $(ratio "$R_NGT_RPS" "$R_NG_RPS") | $R_NGT_WU |" \
  "| SE direct, HTTPS | $R_SE_RPS | $(awk -v r="$R_SE_RPS" 'BEGIN {printf "%.0f", r * 1.048576}') | $R_SE_50 | $R_SE_99 | $R_SE_ERR | $(ratio "$R_SE_RPS" "$R_NG_RPS") | $R_SE_WU |" \
  "| via query → SE | $R_QM_RPS | $(awk -v r="$R_QM_RPS" 'BEGIN {printf "%.0f", r * 1.048576}') | $R_QM_50 | $R_QM_99 | $R_QM_ERR | $(ratio "$R_QM_RPS" "$R_NG_RPS") | $R_QM_WU |" \
  "" \
  "CPU time used during the measured ${WRK_SECONDS} s runs: SE direct: SE $SE_DIRECT_CPU s; via query: SE $R_SE_CPU s, query-module $R_QM_CPU s (of $(nproc) cores × ${WRK_SECONDS} s). Peak RSS (VmHWM) at the end: storage element $(peak_rss_mib "$SE_PID") MiB, query-module $(peak_rss_mib "$QM_PID") MiB. wrk and every server share the same cores." \
  "Before each measured run, unreported ${WARMUP_SECONDS} s warm-up slices (last column): at least $WARMUP_MIN_SLICES, then more until two in a row serve less than 5 % more requests/s than the best slice before them (at most $WARMUP_SLICES)." \
  "p50 / p99 are wrk's, which it corrects for coordinated omission (made-up samples for requests slower than twice the mean interval), the same for every target; see section 18 of docs/benchmarks.md." \
  ""
