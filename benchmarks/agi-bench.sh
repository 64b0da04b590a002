#!/usr/bin/env bash
# FastAGI benchmark: Hotline's Netty AgiServer against asterisk-java's DefaultAgiServer, both running the same
# routing decision (io.hotline.benchmarks.agi.RouteDecision), driven by AgiLoadGenerator, which plays Asterisk by
# replaying a recorded Asterisk 22 session. Loopback only; every run is bounded in sessions and seconds.
#
# It builds nothing: build the jar first, from the repository root,
#   mvn -B -q -DskipTests install -pl benchmarks -am
# then run
#   benchmarks/agi-bench.sh
#
# For each server in turn (a fresh JVM each time, ROUNDS times alternating): start it pinned to core 1
# (taskset -c 1), then run the generator pinned to core 0: warm-ups at each concurrency, then 10, 50 and 200
# concurrent sessions with a hold of 0. The generator reads the server's CPU ticks (utime+stime, fields 14+15 of
# /proc/<pid>/stat, CLK_TCK) right before and after each run. Then the hold test on a fresh server that holds
# every caller HOLD_MILLIS: HOLD_SESSIONS sessions opened at once, the peak held and the server's RSS (VmRSS) at
# that peak. Results: benchmarks/target/agi-bench-results.md (logs and JSON lines in benchmarks/target/agi-bench/).
# About 6 minutes on a 2-core machine with the defaults.
#
# Knobs (environment): SESSIONS (per measured run, 10000), WARMUP_SESSIONS (per concurrency, 10000),
# CONCURRENCIES ("10 50 200"), ROUNDS (3), HOLD_SESSIONS (10000), HOLD_MILLIS (45000), SERVER_JVM ("-Xmx256m",
# the same for both servers), GENERATOR_JVM ("-Xmx1g"), SERVER_CPU (1), GENERATOR_CPU (0), SKIP_HOLD (0),
# SKIP_THROUGHPUT (0).
set -euo pipefail
shopt -s inherit_errexit

cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
OUT=benchmarks/target/agi-bench
REPORT=benchmarks/target/agi-bench-results.md
SESSIONS=${SESSIONS:-10000}
WARMUP_SESSIONS=${WARMUP_SESSIONS:-10000}
CONCURRENCIES=${CONCURRENCIES:-"10 50 200"}
ROUNDS=${ROUNDS:-3}
HOLD_SESSIONS=${HOLD_SESSIONS:-10000}
HOLD_MILLIS=${HOLD_MILLIS:-45000}
SERVER_JVM=${SERVER_JVM:-"-Xmx256m"}
GENERATOR_JVM=${GENERATOR_JVM:-"-Xmx1g"}
SERVER_CPU=${SERVER_CPU:-1}
GENERATOR_CPU=${GENERATOR_CPU:-0}
SKIP_HOLD=${SKIP_HOLD:-0}
SKIP_THROUGHPUT=${SKIP_THROUGHPUT:-0}
HOTLINE_PORT=14573
ASTERISK_JAVA_PORT=14574
HZ=$(getconf CLK_TCK)

[[ -f $JAR ]] || { echo "no $JAR: build it first (mvn -B -q -DskipTests install -pl benchmarks -am)" >&2; exit 2; }
# 10,000 held sessions need 10,000 descriptors in each process; raise the soft limit as far as allowed.
hard=$(ulimit -Hn)
if [[ $hard == unlimited || $hard -gt 65536 ]]; then hard=65536; fi
ulimit -n "$hard"
if (( $(ulimit -n) < HOLD_SESSIONS + 200 )); then
  echo "ulimit -n is $(ulimit -n): too low for $HOLD_SESSIONS held sessions" >&2
  exit 2
fi
rm -rf "$OUT"
mkdir -p "$OUT"
RUNS=$OUT/runs.jsonl
ROWS=$OUT/throughput.tsv
HOLDS=$OUT/hold.tsv
: > "$ROWS"
: > "$HOLDS"
SERVER_PID=
: > "$RUNS"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

log() { echo "[agi-bench $(date +%H:%M:%S)] $*" >&2; }

main_class() {
  case $1 in
    hotline) echo io.hotline.benchmarks.agi.HotlineAgiBenchServer ;;
    asterisk-java) echo io.hotline.benchmarks.agi.AsteriskJavaAgiBenchServer ;;
  esac
}

port_of() { [[ $1 == hotline ]] && echo $HOTLINE_PORT || echo $ASTERISK_JAVA_PORT; }

# start_server NAME HOLD_MILLIS TAG: starts it pinned to SERVER_CPU and waits (30 s at most) for READY.
start_server() {
  local name=$1 hold=$2 tag=$3 serverlog="$OUT/$1-$3.log"
  # shellcheck disable=SC2086 # SERVER_JVM holds several flags
  taskset -c "$SERVER_CPU" java $SERVER_JVM -cp "$JAR" "$(main_class "$name")" --port "$(port_of "$name")" \
    --hold-millis "$hold" --max-seconds 1800 > "$serverlog" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    if grep -qs READY "$serverlog"; then
      log "$name ($tag) started: pid $SERVER_PID, JVM flags: $SERVER_JVM"
      return 0
    fi
    kill -0 "$SERVER_PID" 2> /dev/null || break
    sleep 0.1
  done
  echo "$name did not start; see $serverlog" >&2
  cat "$serverlog" >&2
  exit 1
}

stop_server() {
  [[ -n $SERVER_PID ]] || return 0
  kill "$SERVER_PID" 2> /dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$SERVER_PID" 2> /dev/null || break
    sleep 0.1
  done
  kill -9 "$SERVER_PID" 2> /dev/null || true
  wait "$SERVER_PID" 2> /dev/null || true
  SERVER_PID=
}
trap stop_server EXIT

status_kb() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }
median() {
  awk '{ v[NR] = $1 }
    END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
field() { sed -n "s/.*\"$2\":\"\{0,1\}\([^,\"}]*\).*/\1/p" <<< "$1"; }

# generate LABEL NAME SESSIONS CONCURRENCIES MAX_SECONDS [extra generator options...]: one generator JVM pinned
# to GENERATOR_CPU, one bounded run per concurrency in the comma-separated list; it reads the server's CPU ticks
# itself right before and after each run. Prints the JSON lines of its runs.
generate() {
  local label=$1 name=$2 sessions=$3 concurrencies=$4 max=$5
  shift 5
  local before
  before=$(wc -l < "$RUNS")
  # shellcheck disable=SC2086 # GENERATOR_JVM holds several flags
  taskset -c "$GENERATOR_CPU" java $GENERATOR_JVM -cp "$JAR" io.hotline.benchmarks.agi.AgiLoadGenerator \
    --label "$label" --port "$(port_of "$name")" --sessions "$sessions" --concurrency "$concurrencies" \
    --max-seconds "$max" --server-pid "$SERVER_PID" --clock-ticks "$HZ" --results "$RUNS" "$@" \
    >> "$OUT/generator.log" 2>&1
  tail -n +$((before + 1)) "$RUNS"
}

throughput() {
  local name=$1 round=$2 json
  start_server "$name" 0 "throughput-$round"
  log "$name: warm-up ($WARMUP_SESSIONS sessions at each of $CONCURRENCIES), then $SESSIONS sessions at each"
  generate "$name" "$name" "$SESSIONS" "${CONCURRENCIES// /,}" 300 --warmup-sessions "$WARMUP_SESSIONS" |
    while IFS= read -r json; do
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$(field "$json" concurrency)" \
        "$(field "$json" ok)" "$(field "$json" failed)" "$(field "$json" serverCpuMsPerSession)" \
        "$(field "$json" sessionsPerSecond)" "$(field "$json" p50Ms)" "$(field "$json" p99Ms)" \
        "$(field "$json" generatorCpuMs)" >> "$ROWS"
      log "$name: $(tail -n 1 "$ROWS")"
    done
  stop_server
}

hold() {
  local name=$1 peak="$OUT/$1-hold.peak" samples="$OUT/$1-hold-rss.tsv" sampler json
  start_server "$name" "$HOLD_MILLIS" hold
  : > "$samples"
  # Sample the server's resident memory and threads twice a second, and once more when the generator says
  # every session is on hold or dropped (the peak).
  (
    marked=0
    while kill -0 "$SERVER_PID" 2> /dev/null; do
      tag=sample
      if [[ $marked == 0 && -f $peak ]]; then tag=peak; marked=1; fi
      printf '%s\t%s\t%s\n' "$tag" "$(status_kb "$SERVER_PID" VmRSS)" "$(status_kb "$SERVER_PID" Threads)" >> "$samples"
      sleep 0.5
    done
  ) 2> /dev/null &
  sampler=$!
  log "$name: hold test, $HOLD_SESSIONS sessions at once, the server holds each ${HOLD_MILLIS} ms"
  json=$(generate "$name hold" "$name" "$HOLD_SESSIONS" "$HOLD_SESSIONS" $((HOLD_MILLIS / 1000 + 120)) \
    --peak-file "$peak")
  local hwm
  hwm=$(status_kb "$SERVER_PID" VmHWM)
  kill "$sampler" 2> /dev/null || true
  wait "$sampler" 2> /dev/null || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$(field "$json" peakHeld)" "$(field "$json" ok)" \
    "$(field "$json" dropped)" "$(field "$json" failed)" \
    "$(awk -F'\t' '$1 == "peak" { print $2; exit }' "$samples")" \
    "$(awk -F'\t' '$2 > max { max = $2 } END { print max + 0 }' "$samples")" "$hwm" \
    "$(awk -F'\t' '$3 > max { max = $3 } END { print max + 0 }' "$samples")" >> "$HOLDS"
  log "$name hold: $(tail -n 1 "$HOLDS")"
  stop_server
}

if [[ $SKIP_THROUGHPUT != 1 ]]; then
  for round in $(seq 1 "$ROUNDS"); do
    throughput hotline "$round"
    throughput asterisk-java "$round"
  done
fi
if [[ $SKIP_HOLD != 1 ]]; then
  hold hotline
  hold asterisk-java
fi

{
  echo "# FastAGI benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
  echo "$(nproc) cores ($cpu), $(java -version 2>&1 | head -n 1)."
  echo "Servers on core $SERVER_CPU with \`$SERVER_JVM\`, generator on core $GENERATOR_CPU with \`$GENERATOR_JVM\`;"
  echo "$SESSIONS sessions per run after a warm-up of $WARMUP_SESSIONS sessions at each concurrency; CPU from"
  echo "/proc/<pid>/stat (CLK_TCK $HZ). Load average (1, 5, 15 min) at the start: $LOAD_START;"
  echo "at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  if [[ -s $ROWS ]]; then
    echo "Median over $ROUNDS round(s) (server CPU from /proc/<pid>/stat of the server, per successful session):"
    echo
    echo "| concurrency | Hotline CPU ms/session | asterisk-java CPU ms/session | Hotline / asterisk-java |"
    echo "|---:|---:|---:|---:|"
    for concurrency in $CONCURRENCIES; do
      h=$(awk -F'\t' -v c="$concurrency" '$1 == "hotline" && $3 == c { print $6 }' "$ROWS" | sort -n | median)
      a=$(awk -F'\t' -v c="$concurrency" '$1 == "asterisk-java" && $3 == c { print $6 }' "$ROWS" | sort -n | median)
      awk -v c="$concurrency" -v h="$h" -v a="$a" \
        'BEGIN { printf "| %d | %.3f | %.3f | %.2f |\n", c, h, a, (a > 0 ? h / a : 0) }'
    done
    echo
    echo "Every run:"
    echo
    printf '%s%s%s\n' "| concurrency | round | Hotline CPU ms/session | asterisk-java CPU ms/session | ratio" \
      " | Hotline sessions/s | asterisk-java sessions/s | Hotline p50 / p99 ms | asterisk-java p50 / p99 ms" \
      " | failed (H / AJ) | generator CPU ms/session (H / AJ) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' '
      $1 == "hotline" { h[$2 "/" $3] = $0 }
      $1 == "asterisk-java" { a[$2 "/" $3] = $0 }
      END {
        for (key in h) {
          if (!(key in a)) continue
          split(h[key], x, "\t"); split(a[key], y, "\t")
          printf "| %d | %d | %.3f | %.3f | %.2f | %.0f | %.0f | %.2f / %.2f | %.2f / %.2f | %d / %d | %.3f / %.3f |\n",
            x[3], x[2], x[6], y[6], (y[6] > 0 ? x[6] / y[6] : 0), x[7], y[7], x[8], x[9], y[8], y[9], x[5], y[5],
            (x[4] ? x[10] / x[4] : 0), (y[4] ? y[10] / y[4] : 0)
        }
      }' "$ROWS" | sort -t'|' -k2,2n -k3,3n
    echo
  fi
  if [[ -s $HOLDS ]]; then
    echo "Hold test: $HOLD_SESSIONS sessions opened at once, each held $HOLD_MILLIS ms by the server"
    echo "(MB = 10^6 bytes, from VmRSS / VmHWM in /proc/<pid>/status)."
    echo
    printf '%s%s\n' "| server | peak held | completed | dropped (no script) | failed | RSS at peak (MB)" \
      " | max RSS (MB) | VmHWM (MB) | max threads |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' '{ printf "| %s | %d | %d | %d | %d | %.0f | %.0f | %.0f | %d |\n", $1, $2, $3, $4, $5, $6 * mb,
      $7 * mb, $8 * mb, $9 }' mb=0.001024 "$HOLDS"
  fi
} > "$REPORT"
cat "$REPORT"
