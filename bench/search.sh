#!/usr/bin/env bash
# Part 3: search over N registry rows (default 1,000,000), query-module vs the same SQL in
# PostgreSQL directly.
#
# Starts the dev stack, generates N realistic rows of admin-module's "files" table
# (bench/gen-registry.py: Russian and English names, descriptions and tags, skewed word
# frequencies, varied extensions / types / sizes / dates / statuses, four archive SEs) and
# loads them with COPY (indexes dropped before and rebuilt after, from their own
# definitions), then ANALYZE. For each mode (exact, partial, fulltext), without and with
# filters (extension, tag, upload date range), it measures
#   - POST /api/v1/search on query-module, one request at a time over one kept-alive
#     connection (wrk -t1 -c1 with bench/search.lua): p50 / p99 of each request's own latency,
#     timed by search.lua (wrk's printed percentiles are corrected for coordinated omission,
#     which inflates them for a mix of fast and slow requests; pgbench's log is not corrected);
#   - the SQL query-module runs for the same requests (the first statement, which counts the
#     matches up to the limit and returns the page when they are few, then the page SELECT when
#     they are many, produced by query-module's own SearchStatement,
#     bench/java/SearchSql.java) through pgbench, one client, per-transaction latency log:
#     p50 / p99.
# Each side first runs the group's requests unmeasured for SEARCH_WARMUP_SECONDS (default 10):
# the JIT compiles query-module's request path, PostgreSQL caches the pages.
# Each side then runs the group's requests for SEARCH_MEASURE_SECONDS (default 20), measured.
# Usage: bench/search.sh [rows]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROWS="${1:-1000000}"
WARMUP="${SEARCH_WARMUP_SECONDS:-10}"   # per group, on both sides, before measuring
MEASURE="${SEARCH_MEASURE_SECONDS:-20}" # per group, on both sides
command -v psql > /dev/null && command -v pgbench > /dev/null \
  || { echo "psql and pgbench are needed (Debian: postgresql-client)" >&2; exit 1; }
install_missing wrk
require_jars query-module
bench_workdir
start_stack

export PGHOST=127.0.0.1 PGPORT="$STACK_PG_PORT" PGUSER=postgres PGPASSWORD=postgres PGDATABASE=artstore
# the session setting query-module's connections start with (its connection-init-sql)
export PGOPTIONS="-c work_mem=16MB"
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
# query-module adds its search indexes with its own migrations: wait until they are done (the
# combined index of V6 is valid and the separate ones it replaces are gone)
for _ in $(seq 1 120); do
  [ "$("${PSQL[@]}" -Atc "SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('query_files_search_idx')
      AND indisvalid AND to_regclass('query_files_tags_idx') IS NULL")" = 1 ] && break
  sleep 1
done

echo "Generating and loading $ROWS registry rows ..." >&2
SES=()
for i in 1 2 3 4; do
  SES+=("$("${PSQL[@]}" -Atc "INSERT INTO storage_elements (id, name, url, storage_id, mode, status)
    VALUES (gen_random_uuid(), 'Archive SE $i', 'https://se-archive-$i.invalid:8010', 'se-archive-$i', 'ar', 'offline')
    RETURNING id")")
done
mapfile -t INDEXES < <("${PSQL[@]}" -Atc "SELECT pg_get_indexdef(indexrelid) FROM pg_index
  WHERE indrelid = 'files'::regclass AND NOT indisprimary")
"${PSQL[@]}" -Atc "SELECT string_agg(format('DROP INDEX %I', indexrelid::regclass::text), '; ')
  FROM pg_index WHERE indrelid = 'files'::regclass AND NOT indisprimary" | "${PSQL[@]}"
load_started=$(date +%s)
python3 "$BENCH_ROOT/bench/gen-registry.py" "$ROWS" "$BENCH_WORK/cases.tsv" "${SES[@]}" \
  | "${PSQL[@]}" -c "\\copy files (file_id, original_filename, content_type, size, checksum, storage_element_id,
      storage_filename, uploaded_by, uploaded_at, description, tags, status, retention_policy, ttl_days, expires_at,
      created_at, updated_at) FROM STDIN"
copied=$(date +%s)
{ echo "SET maintenance_work_mem = '256MB';"; printf '%s;\n' "${INDEXES[@]}"; echo "ANALYZE files;"; } | "${PSQL[@]}"
indexed=$(date +%s)
total_rows="$("${PSQL[@]}" -Atc "SELECT count(*) FROM files")"
echo "Loaded $total_rows rows: generate + COPY $((copied - load_started)) s, indexes + ANALYZE $((indexed - copied)) s" >&2

# The SQL query-module runs for each case, from its own SearchStatement.
QJAR="$BENCH_WORK/query-jar"
mkdir -p "$QJAR" && (cd "$QJAR" && unzip -q "$(module_jar query-module)")
"$JAVA_HOME/bin/java" -cp "$QJAR/BOOT-INF/classes:$QJAR/BOOT-INF/lib/*" "$BENCH_ROOT/bench/java/SearchSql.java" \
  "$BENCH_WORK/cases.tsv" "$BENCH_WORK/sql"

TOKEN="$(client_token "$SEARCH_CLIENT_ID" "$SEARCH_CLIENT_SECRET")"
[ -n "$TOKEN" ] || { echo "cannot get a token for the search client" >&2; exit 1; }

# p50 / p99 (ms, nearest rank) and count of latencies in microseconds, one per line on stdin
percentiles() {
  nearest_rank 50 99 | awk -F'\t' '{ printf "%.2f\t%.2f\t%d\n", $1 / 1000, $2 / 1000, $3 }'
}

# p50 / p99 of the latencies (µs) in column 3 of pgbench's transaction logs
pg_percentiles() {
  local bad
  bad="$(cat "$@" | awk '$3 !~ /^[0-9]+$/' | wc -l)"
  [ "$bad" = 0 ] || { echo "pgbench logged $bad failed or skipped transactions:" >&2; cat "$@" | awk '$3 !~ /^[0-9]+$/' | head -3 >&2; return 1; }
  cat "$@" | awk '{print $3}' | percentiles
}

target_of() { case "$1" in fulltext) echo 25 ;; *) echo 10 ;; esac; }
ROWS_MD=()
for mode in exact partial fulltext; do
  for filters in without with; do
    grep -n -P "^$mode\t$filters\t" "$BENCH_WORK/cases.tsv" > "$BENCH_WORK/group.idx" || true
    n_cases=$(wc -l < "$BENCH_WORK/group.idx")
    [ "$n_cases" -gt 0 ] || { echo "no cases for $mode/$filters" >&2; exit 1; }
    cut -d: -f2- "$BENCH_WORK/group.idx" > "$BENCH_WORK/group.tsv"
    echo "Measuring $mode $filters filters ($n_cases distinct requests) ..." >&2
    wrk -t1 -c1 -d"${WARMUP}s" --timeout 60s -s "$BENCH_ROOT/bench/search.lua" "$QUERY_URL" -- \
      "$BENCH_WORK/group.tsv" "$TOKEN" > /dev/null
    http="$(wrk -t1 -c1 -d"${MEASURE}s" --timeout 60s -s "$BENCH_ROOT/bench/search.lua" "$QUERY_URL" -- \
      "$BENCH_WORK/group.tsv" "$TOKEN" "$BENCH_WORK/http.latencies" | grep -P '^search\t')"
    requests="$(cut -f2 <<<"$http")"
    [ "$(cut -f3 <<<"$http")" = 0 ] || { echo "query-module answered $(cut -f3 <<<"$http") searches with an error" >&2; exit 1; }
    [ "$(wc -l < "$BENCH_WORK/http.latencies")" = "$requests" ] \
      || { echo "search.lua timed $(wc -l < "$BENCH_WORK/http.latencies") of wrk's $requests requests" >&2; exit 1; }
    http="$(percentiles < "$BENCH_WORK/http.latencies")"
    http_p50="$(cut -f1 <<<"$http")"; http_p99="$(cut -f2 <<<"$http")"
    scripts=()
    while IFS=: read -r line _; do scripts+=(-f "$BENCH_WORK/sql/$((line - 1)).sql"); done < "$BENCH_WORK/group.idx"
    rm -f "$BENCH_WORK"/pgb.*
    pgbench -n -c 1 -T "$WARMUP" "${scripts[@]}" > /dev/null 2>&1   # warm-up, like the HTTP side
    pgbench -n -c 1 -t "$requests" -l --log-prefix="$BENCH_WORK/pgb" "${scripts[@]}" > "$BENCH_WORK/pgbench.out" 2>&1 \
      || { cat "$BENCH_WORK/pgbench.out" >&2; exit 1; }
    grep -q "number of transactions actually processed: $requests/$requests" "$BENCH_WORK/pgbench.out" \
      || { echo "pgbench did not complete every transaction:" >&2; cat "$BENCH_WORK/pgbench.out" >&2; exit 1; }
    sql="$(pg_percentiles "$BENCH_WORK"/pgb.*)" || exit 1
    sql_p50="$(cut -f1 <<<"$sql")"; sql_p99="$(cut -f2 <<<"$sql")"
    r="$(ratio "$http_p50" "$sql_p50")"
    t="$(target_of "$mode")"
    met="$(awk -v p="$http_p50" -v t="$t" -v r="$r" 'BEGIN { print (p <= t && r <= 2) ? "yes" : "**no**" }')"
    echo "  query-module p50 $http_p50 ms p99 $http_p99 ms; SQL p50 $sql_p50 ms p99 $sql_p99 ms" >&2
    ROWS_MD+=("| $mode | $filters | $requests | $http_p50 | $http_p99 | $sql_p50 | $sql_p99 | $r | ≤ $t ms, ≤ 2× | $met |")
  done
done

report "#### Search over $(printf "%'d" "$total_rows") registry rows" "" \
  "Rows from \`bench/gen-registry.py\` loaded with COPY ($((copied - load_started)) s; index rebuild + ANALYZE $((indexed - copied)) s)." \
  "query-module with its defaults: \`POST /api/v1/search\` (page of 100, sorted by upload time, totals counted up to 1,000), one request at a time over one" \
  "kept-alive connection (\`wrk -t1 -c1\` with \`bench/search.lua\`), $WARMUP s of unmeasured warm-up, then $MEASURE s measured, each request picked at random from the group's distinct requests (as pgbench picks its scripts)," \
  "latency of each request as timed by the script (not wrk's percentiles, which add made-up samples for coordinated omission; section 18)." \
  "SQL: the statements query-module runs for the same requests (from its \`SearchStatement\`, bind values inlined: the first" \
  "one counts the matches up to the limit and returns the page when they are few, a second fetches the page when they are many)," \
  "run by \`pgbench -n -c 1 -l\` (as many transactions as HTTP requests) against the" \
  "same PostgreSQL after the same warm-up; latency per transaction." \
  "Filters: \`file_extension=pdf\`, \`tags=[finance]\`, upload date in 2023–2024. Times in ms." "" \
  "| mode | filters | requests | p50 | p99 | SQL p50 | SQL p99 | ratio p50 | target | met |" \
  "|---|---|---|---|---|---|---|---|---|---|" "${ROWS_MD[@]}"
