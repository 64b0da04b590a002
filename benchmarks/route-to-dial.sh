#!/usr/bin/env bash
# Route-to-dial of a whole Hotline with the production route script on the real database, this build against a
# baseline build (BASELINE_REF, by default the code before the route path was made fast), in the same run.
# Measures the time from Asterisk's FastAGI route request until HOTLINE_TARGET is set, for a recognised caller
# with a ready seat: warm at 1, 10 and 100 concurrent callers, and the first call after a start.
# Loopback only; every run bounded in calls and seconds.
#
# Needs a MariaDB/MySQL at 127.0.0.1:3306 (root, no password; DB_URL to change) and the jars: from the repository
# root, `mvn -B -q -DskipTests package -pl benchmarks,app -am` (no install needed). The baseline is built here in
# benchmarks/target/baseline (a git worktree of BASELINE_REF).
#
# Knobs (environment): BASELINE_REF (83fd24b: main before the fast route path), ROUNDS (3, alternating the
# builds), CALLS (2000 per concurrency), WARMUP_CALLS (1000), CONCURRENCIES (1,10,100), FIRST_STARTS (5 per build
# and round), TALK_MS_PER_CALLER (10: each caller talks concurrency x 10 ms, so every level runs at about the same
# call rate; each conversation lasts 0.5-1.5 times that, so callers do not stay in step; 0: saturated, every caller
# calls again at once), EXTRA_SEATS (120 tier-1 seats added so 100 callers
# find ready seats), HOTLINE_JVM ("-Xmx512m"), SERVER_CPU and GENERATOR_CPU (empty): the cores Hotline and the
# generator are pinned to (empty: not pinned), BUILDS ("baseline current"; "current" alone for a quick look).
# Results: benchmarks/target/route-to-dial/results.jsonl and a summary table on standard output.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

BASELINE_REF=${BASELINE_REF:-83fd24b}
ROUNDS=${ROUNDS:-3}
CALLS=${CALLS:-2000}
WARMUP_CALLS=${WARMUP_CALLS:-1000}
CONCURRENCIES=${CONCURRENCIES:-1,10,100}
FIRST_STARTS=${FIRST_STARTS:-5}
EXTRA_SEATS=${EXTRA_SEATS:-120}
HOTLINE_JVM=${HOTLINE_JVM:-"-Xmx512m"}
# 0: saturated (every caller calls again at once); N: each caller talks concurrency x N ms (paced, ~1000/N calls/s)
TALK_MS_PER_CALLER=${TALK_MS_PER_CALLER:-10}
# Cores to pin Hotline and the generator to (taskset lists); empty (the default): not pinned. Pinning Hotline to one
# core measured slower on 2 cores (it shares its core with nothing but needs two: FastAGI, routing, journal, JDBC).
SERVER_CPU=${SERVER_CPU-}
GENERATOR_CPU=${GENERATOR_CPU-}
DB_HOST=127.0.0.1
OUT=benchmarks/target/route-to-dial
RESULTS=$OUT/results.jsonl
BENCH_JAR=benchmarks/target/benchmarks.jar
AGI_PORT=14575
HTTP_PORT=18085

log() { echo "[route-to-dial $(date +%H:%M:%S)] $*" >&2; }
sql() { mariadb -h "$DB_HOST" -u root "$@"; }

[[ -f $BENCH_JAR && -f app/target/hotline.jar ]] || {
  echo "build first: mvn -B -q -DskipTests package -pl benchmarks,app -am" >&2; exit 2; }
mkdir -p "$OUT"
: > "$RESULTS"

BUILDS=${BUILDS:-baseline current}
if [[ " $BUILDS " == *" baseline "* && ! -f $OUT/baseline/app/target/hotline.jar ]]; then
  log "building the baseline $BASELINE_REF"
  git worktree remove --force "$OUT/baseline" 2>/dev/null || true
  git worktree add --detach "$OUT/baseline" "$BASELINE_REF" >/dev/null
  (cd "$OUT/baseline" && mvn -B -q -DskipTests -Dcheckstyle.skip -pl app -am package) >&2
fi
declare -A JARS=([baseline]="$OUT/baseline/app/target/hotline.jar" [current]=app/target/hotline.jar)

source benchmarks/hotline-process.sh
write_benchmark_routing "$OUT/routing.properties"

# prepare BUILD: a fresh database with the demo organisation and EXTRA_SEATS more tier-1 seats with every skill
# (a recognised caller's call needs its product line).
prepare() {
  local build=$1 db="hotline_bench_$1"
  sql -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db"
  # Builds since "trust and the first hour" seed an external database only when told to (--into-external).
  local into=()
  if java -jar "${JARS[$build]}" seed --help 2>&1 | grep -q -- --into-external; then into=(--into-external); fi
  HOTLINE_DB_URL="jdbc:mysql://$DB_HOST:3306/$db" HOTLINE_DATA_DIR="$OUT/data-$build" \
    java -jar "${JARS[$build]}" seed --demo "${into[@]}" > "$OUT/seed-$build.log" 2>&1
  sql "$db" -e "INSERT INTO seat (code, name, tier, sip_endpoint, active, created_at)
    SELECT CONCAT('BENCH', seq), CONCAT('Bench seat ', seq), 'TIER1', CONCAT('PJSIP/bench', seq), TRUE,
           UTC_TIMESTAMP(3) FROM seq_1_to_$EXTRA_SEATS;
    INSERT INTO seat_skill (seat_id, skill_id, proficiency)
    SELECT seat.id, skill.id, 5 FROM seat CROSS JOIN skill WHERE seat.code LIKE 'BENCH%'"
}

# start BUILD TAG: starts Hotline and waits (60 s at most) for /health to answer.
start() {
  local build=$1 tag=$2 db="hotline_bench_$1"
  rm -rf "$OUT/data-$build/journal"
  # shellcheck disable=SC2086 # HOTLINE_JVM holds several flags
  HOTLINE_DB_URL="jdbc:mysql://$DB_HOST:3306/$db" HOTLINE_DATA_DIR="$OUT/data-$build" \
    HOTLINE_AGI_PORT=$AGI_PORT HOTLINE_HTTP_PORT=$HTTP_PORT HOTLINE_SEED_DEMO_WHEN_EMPTY=false \
    HOTLINE_ROUTING_FILE="$OUT/routing.properties" HOTLINE_LOG_LEVEL=WARN \
    taskset -c "${SERVER_CPU:-0-1}" java $HOTLINE_JVM -jar "${JARS[$build]}" run > "$OUT/hotline-$build-$tag.log" 2>&1 &
  HOTLINE_PID=$!
  for _ in $(seq 1 600); do
    if curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/health" 2>/dev/null \
        && (exec 3<>"/dev/tcp/127.0.0.1/$AGI_PORT") 2>/dev/null; then
      return 0
    fi
    kill -0 "$HOTLINE_PID" 2>/dev/null || { echo "Hotline ($build) died: $OUT/hotline-$build-$tag.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "Hotline ($build) did not start within 60 s" >&2
  exit 1
}

# threads PID: each thread's name and /proc schedstat (ns on a CPU, ns waiting for one, times scheduled), so that
# the time Hotline's threads waited for a core during the warm run (the machine's share of the tail) can be read.
threads() {
  local task
  for task in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(cat "$task/comm" 2>/dev/null)" "$(cat "$task/schedstat" 2>/dev/null)"
  done
}

bench() {
  local build=$1; shift
  timeout 600 taskset -c "${GENERATOR_CPU:-0-1}" java -Xmx1g -cp "$BENCH_JAR" io.hotline.benchmarks.agi.RouteToDial --port $AGI_PORT \
    --db-url "jdbc:mysql://$DB_HOST:3306/hotline_bench_$build" --label "$build" --results "$RESULTS" "$@" \
    >> "$OUT/generator.log" 2>&1
}

for build in $BUILDS; do
  prepare "$build"
done
for round in $(seq 1 "$ROUNDS"); do
  for build in $BUILDS; do
    log "round $round: $build, first call after a start x$FIRST_STARTS"
    for start_no in $(seq 1 "$FIRST_STARTS"); do
      start "$build" "first-$round-$start_no"
      bench "$build" --first-call true
      stop_hotline
    done
    log "round $round: $build, warm at $CONCURRENCIES"
    start "$build" "warm-$round"
    threads "$HOTLINE_PID" > "$OUT/threads-$build-$round-before.txt"
    bench "$build" --concurrency "$CONCURRENCIES" --calls "$CALLS" --warmup-calls "$WARMUP_CALLS" --max-seconds 120 \
      --talk-ms-per-caller "$TALK_MS_PER_CALLER"
    threads "$HOTLINE_PID" > "$OUT/threads-$build-$round-after.txt"
    stop_hotline
  done
done

python3 - "$RESULTS" <<'EOF'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| build | concurrency | talk ms | calls | failed | calls/s | p50 ms | p99 ms | p99.9 ms | max ms |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    if r["kind"] == "warm":
        print(f"| {r['label']} | {r['concurrency']} | {r.get('talk_ms', 0)} | {r['calls']} | {r['failed']} | "
              f"{r['calls_per_s']:.0f} | "
              f"{r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['p999_ms']:.2f} | {r['max_ms']:.2f} |")
import glob, os, re, collections
def threads(path):
    totals = collections.defaultdict(lambda: [0, 0, 0])
    for line in open(path):
        name, _, stat = line.rstrip("\n").partition("\t")
        if len(stat.split()) == 3:
            for i, v in enumerate(stat.split()):
                totals[re.sub(r"[-#]?\d+$", "", name)][i] += int(v)
    return totals
for before in sorted(glob.glob(os.path.join(os.path.dirname(sys.argv[1]), "threads-*-before.txt"))):
    a, b = threads(before), threads(before.replace("-before", "-after"))
    groups = sorted(((k, [b[k][i] - a.get(k, [0, 0, 0])[i] for i in range(3)]) for k in b), key=lambda r: -r[1][0])
    print(f"\n{os.path.basename(before)[8:-11]}: thread group, CPU ms, ms waiting for a core, times scheduled "
          "(whole warm run)")
    for k, (cpu, wait, slices) in groups[:12]:
        print(f"  {k:24s} {cpu / 1e6:9.0f} {wait / 1e6:9.0f} {slices:9d}")
for build in ("baseline", "current"):
    firsts = sorted(r["ms"] for r in rows if r["kind"] == "first" and r["label"] == build)
    if firsts:
        print(f"\nfirst call after a start, {build}: n={len(firsts)} median {statistics.median(firsts):.1f} ms, "
              f"max {max(firsts):.1f} ms, all: {', '.join(f'{x:.1f}' for x in firsts)}")
EOF
