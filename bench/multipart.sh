#!/usr/bin/env bash
# Microbenchmark: the multipart parser alone (docs/benchmarks.md section 22).
# Parses one in-memory multipart/form-data body (three small fields, one file part of
# random bytes with boundary look-alikes) with ArtStore's MultipartReader (shared-kernel),
# Commons FileUpload 2.0.0-M5 and Commons FileUpload 1.6.0, in alternating rounds in one
# JVM; prints every round and a Markdown table of medians (MB/s, CPU seconds per GiB).
#
# Needs: a JDK 21+ (JAVA_HOME), Maven (offline once the FileUpload jars are in ~/.m2:
#   mvn -B -f bench/multipart/pom.xml dependency:resolve   # once, online).
# Usage: bench/multipart.sh [file-part-bytes] [warm-up rounds] [measured rounds]
#   defaults: 268435456 (256 MiB), 5, 15. MULTIPART_REPORT=file also writes the table there.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE="${1:-268435456}"
WARMUP="${2:-5}"
ROUNDS="${3:-15}"
JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/multipart-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# shared-kernel as built from this checkout (not from ~/.m2), with its own class path.
quiet() { "$@" >"$WORK/mvn.log" 2>&1 || { cat "$WORK/mvn.log" >&2; exit 1; }; }
quiet mvn -B -o -q package -pl shared-kernel -am -DskipTests
KERNEL_JAR="$(ls shared-kernel/target/shared-kernel-*.jar | grep -v -- '-sources.jar' | head -1)"
quiet mvn -B -o -q -pl shared-kernel dependency:build-classpath -Dmdep.outputFile="$WORK/kernel.cp"
quiet mvn -B -o -q -f bench/multipart/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/bench.cp"
# The bench class path first: its commons-io is the one FileUpload 2 was built against.
CP="$(cat "$WORK/bench.cp"):$KERNEL_JAR:$(cat "$WORK/kernel.cp")"

"$JAVA_HOME/bin/javac" --release 21 -nowarn -d "$WORK/classes" -cp "$CP" \
  bench/multipart/src/main/java/io/artstore/bench/multipart/MultipartBench.java

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# A fixed heap large enough for the body; the parsers themselves allocate almost nothing.
"$JAVA_HOME/bin/java" -Xms1g -Xmx1g -XX:+UseSerialGC -cp "$WORK/classes:$CP" \
  io.artstore.bench.multipart.MultipartBench "$SIZE" "$WARMUP" "$ROUNDS" "${MULTIPART_REPORT:-}"
