#!/usr/bin/env bash
# FastAGI under hostile input: floods a FastAGI server (HotlineAgiBenchServer: the production AgiServer) with
# never-finished headers, oversized headers and idle connections (io.hotline.benchmarks.flood.AgiFlood), and
# reports what the server process holds (RSS, threads, open files), how many connections it held and how fast it
# shed them, and how many lines it logged. Loopback only; every phase is bounded in connections and seconds.
#
# It builds nothing: build the jar first, from the repository root,
#   mvn -B -q -DskipTests -pl benchmarks -am package
# then run
#   benchmarks/agi-flood.sh
# To compare with the code before the guards, build the benchmarks jar of commit 27aab6e elsewhere and pass it:
#   mkdir /tmp/hotline-27aab6e && git archive 27aab6e | tar -x -C /tmp/hotline-27aab6e
#   (cd /tmp/hotline-27aab6e && mvn -B -q -DskipTests -pl benchmarks -am package)
#   BASELINE_JAR=/tmp/hotline-27aab6e/benchmarks/target/benchmarks.jar benchmarks/agi-flood.sh
# About 40 s per server. Results: benchmarks/target/agi-flood-results.md (server logs in benchmarks/target/agi-flood/).
#
# Knobs (environment): SERVER_JVM ("-Xmx256m"), SERVER_FILES (the server's open-file limit, 4096),
# MAX_CONNECTIONS (the new server's connection cap, 3000: below SERVER_FILES), PARTIAL (2000), OVERSIZED (64, each
# 2 MB), IDLE (5000), PHASE_SECONDS (12).
set -euo pipefail
shopt -s inherit_errexit

cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
BASELINE_JAR=${BASELINE_JAR:-}
OUT=benchmarks/target/agi-flood
REPORT=benchmarks/target/agi-flood-results.md
SERVER_JVM=${SERVER_JVM:-"-Xmx256m"}
SERVER_FILES=${SERVER_FILES:-4096}
MAX_CONNECTIONS=${MAX_CONNECTIONS:-3000}
PARTIAL=${PARTIAL:-2000}
OVERSIZED=${OVERSIZED:-64}
IDLE=${IDLE:-5000}
PHASE_SECONDS=${PHASE_SECONDS:-12}
PORT=14575

[[ -f $JAR ]] || { echo "no $JAR: build it first (mvn -B -q -DskipTests -pl benchmarks -am package)" >&2; exit 2; }
# The generator holds up to IDLE connections at once.
ulimit -n "$(ulimit -Hn)"
if (( $(ulimit -n) < IDLE + 200 )); then
  echo "ulimit -n is $(ulimit -n): too low for $IDLE connections" >&2
  exit 2
fi
rm -rf "$OUT"
mkdir -p "$OUT"
ROWS=$OUT/rows.md
{
  echo "| server | flood | connections | closed within 1 s | held after 2 s | held at end | all closed after | server RSS before -> peak | threads before -> peak | open files peak | log lines |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$ROWS"
SERVER_PID=

log() { echo "[agi-flood $(date +%H:%M:%S)] $*" >&2; }

stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap stop_server EXIT

# flood LABEL SERVER_JAR [server options...]: a fresh server JVM with SERVER_FILES open files, then the floods.
flood() {
  local label=$1 server_jar=$2 serverlog="$OUT/$1-server.log"
  shift 2
  # shellcheck disable=SC2086 # SERVER_JVM holds several flags
  (ulimit -n "$SERVER_FILES"; exec java $SERVER_JVM -cp "$server_jar" io.hotline.benchmarks.agi.HotlineAgiBenchServer \
      --port "$PORT" --max-seconds 300 "$@") > "$serverlog" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 150); do grep -q READY "$serverlog" && break; sleep 0.2; done
  grep -q READY "$serverlog" || { log "$label server did not start:"; cat "$serverlog" >&2; exit 1; }
  log "$label server (pid $SERVER_PID, $SERVER_JVM, ulimit -n $SERVER_FILES) ready; flooding"
  java -Xmx512m -cp "$JAR" io.hotline.benchmarks.flood.AgiFlood --port "$PORT" --server-pid "$SERVER_PID" \
      --server-log "$serverlog" --label "$label" --out "$ROWS" --partial "$PARTIAL" --oversized "$OVERSIZED" \
      --idle "$IDLE" --phase-seconds "$PHASE_SECONDS" > "$OUT/$label-generator.log" 2>&1
  stop_server
}

if [[ -n $BASELINE_JAR ]]; then
  flood baseline-27aab6e "$BASELINE_JAR"
fi
flood new "$JAR" --max-connections "$MAX_CONNECTIONS"

{
  echo "FastAGI under hostile input, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -n 1)."
  echo "Server: $SERVER_JVM, ulimit -n $SERVER_FILES; new server's cap $MAX_CONNECTIONS connections."
  echo
  cat "$ROWS"
} > "$REPORT"
cat "$REPORT"
