#!/usr/bin/env bash
# Offer-to-screen-pop with a thousand agents' desktops connected to a whole Hotline (issue 15's benchmark).
# One Hotline process on the real database (demo organisation plus DESKTOPS bench seats); the generator adds one
# agent per bench seat through the admin API, signs each in, and for each phase (1 desktop, all of them, 1 again:
# the baseline bracketing the measured run, in the same Hotline) leaves that many WebSockets open with their seats
# logged in and ready over HTTP, then sends calls through FastAGI at RATE a second and times each from
# SET VARIABLE HOTLINE_TARGET to the screen_pop "offered" on the seat's WebSocket (both in the generator's JVM).
# Also reports Hotline's CPU per 1,000 pops and its heap (after a full GC) and RSS, idle and under load.
# Loopback only; every phase bounded in calls and seconds.
#
# Needs a MariaDB/MySQL at 127.0.0.1:3306 (root, no password) and the jars: from the repository root,
# `mvn -B -q -DskipTests package -pl benchmarks,app -am` (no install needed).
#
# Knobs (environment): DESKTOPS (1000), PHASES ("1,$DESKTOPS,1"; a phase written 1000u uses callers Hotline does not
# know, so the pop reads no history), CALLS (1500 per phase), WARMUP_CALLS (300 per phase), RATE (20 calls a
# second), POP_TIMEOUT_MS (2000: a pop later than this counts as lost), HOTLINE_JVM ("-Xmx512m").
# Results: benchmarks/target/desktop-pops/results.jsonl and a summary table on standard output.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

DESKTOPS=${DESKTOPS:-1000}
PHASES=${PHASES:-1,$DESKTOPS,1}
CALLS=${CALLS:-1500}
WARMUP_CALLS=${WARMUP_CALLS:-300}
RATE=${RATE:-20}
POP_TIMEOUT_MS=${POP_TIMEOUT_MS:-2000}
HOTLINE_JVM=${HOTLINE_JVM:-"-Xmx512m"}
DB_HOST=127.0.0.1
DB=hotline_bench_pops
OUT=benchmarks/target/desktop-pops
RESULTS=$OUT/results.jsonl
BENCH_JAR=benchmarks/target/benchmarks.jar
HOTLINE_JAR=app/target/hotline.jar
AGI_PORT=14576
HTTP_PORT=18086
# Generated per run, never printed: the initial admin's password for this throwaway database.
ADMIN_PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"

log() { echo "[desktop-pops $(date +%H:%M:%S)] $*" >&2; }
sql() { mariadb -h "$DB_HOST" -u root "$@"; }

[[ -f $BENCH_JAR && -f $HOTLINE_JAR ]] || {
  echo "build first: mvn -B -q -DskipTests package -pl benchmarks,app -am" >&2; exit 2; }
mkdir -p "$OUT"
: > "$RESULTS"

source benchmarks/hotline-process.sh
write_benchmark_routing "$OUT/routing.properties"

log "fresh database $DB: demo organisation and $DESKTOPS bench seats"
sql -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
rm -rf "$OUT/data"
HOTLINE_DB_URL="jdbc:mysql://$DB_HOST:3306/$DB" HOTLINE_DATA_DIR="$OUT/data" \
  java -jar "$HOTLINE_JAR" seed --demo --into-external > "$OUT/seed.log" 2>&1
sql "$DB" -e "INSERT INTO seat (code, name, tier, sip_endpoint, active, created_at)
  SELECT CONCAT('BENCH', seq), CONCAT('Bench seat ', seq), 'TIER1', CONCAT('PJSIP/bench', seq), TRUE,
         UTC_TIMESTAMP(3) FROM seq_1_to_$DESKTOPS;
  INSERT INTO seat_skill (seat_id, skill_id, proficiency)
  SELECT seat.id, skill.id, 5 FROM seat CROSS JOIN skill WHERE seat.code LIKE 'BENCH%'"

log "starting Hotline ($HOTLINE_JVM)"
# shellcheck disable=SC2086 # HOTLINE_JVM holds several flags
HOTLINE_DB_URL="jdbc:mysql://$DB_HOST:3306/$DB" HOTLINE_DATA_DIR="$OUT/data" \
  HOTLINE_AGI_PORT=$AGI_PORT HOTLINE_HTTP_PORT=$HTTP_PORT HOTLINE_SEED_DEMO_WHEN_EMPTY=false \
  HOTLINE_ROUTING_FILE="$OUT/routing.properties" HOTLINE_LOG_LEVEL=WARN HOTLINE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  java $HOTLINE_JVM -jar "$HOTLINE_JAR" run > "$OUT/hotline.log" 2>&1 &
HOTLINE_PID=$!
for attempt in $(seq 1 601); do
  if curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/health" 2>/dev/null \
      && (exec 3<>"/dev/tcp/127.0.0.1/$AGI_PORT") 2>/dev/null; then
    break
  fi
  kill -0 "$HOTLINE_PID" 2>/dev/null || { echo "Hotline died: $OUT/hotline.log" >&2; exit 1; }
  [[ $attempt -lt 601 ]] || { echo "Hotline did not start within 60 s" >&2; exit 1; }
  sleep 0.1
done

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
timeout 1800 java -Xmx1g -cp "$BENCH_JAR" io.hotline.benchmarks.desktop.DesktopPops --agi-port $AGI_PORT \
  --http-port $HTTP_PORT --db-url "jdbc:mysql://$DB_HOST:3306/$DB" --admin-password "$ADMIN_PASSWORD" \
  --server-pid "$HOTLINE_PID" --desktops "$DESKTOPS" --phases "$PHASES" --calls "$CALLS" \
  --warmup-calls "$WARMUP_CALLS" --rate "$RATE" --pop-timeout-ms "$POP_TIMEOUT_MS" --results "$RESULTS" \
  > "$OUT/generator.log" 2>&1 || { tail -n 30 "$OUT/generator.log" >&2; exit 1; }
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_hotline

python3 - "$RESULTS" <<'SUMMARY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| desktops | callers | calls/s | pops | lost | p50 ms | p90 ms | p99 ms | max ms | Hotline CPU s / 1,000 calls "
      "| heap idle / after load MiB (after GC) | RSS idle / load MiB |")
print("|---:|---|" + "---:|" * 10)
for r in rows:
    callers = "unknown" if r.get("unknown_callers") else "customers"
    print(f"| {r['desktops']} | {callers} | {r['popped'] / r['seconds']:.1f} | {r['popped']} | {r['lost']} | "
          f"{r['p50_ms']:.2f} | {r['p90_ms']:.2f} | {r['p99_ms']:.2f} | {r['max_ms']:.2f} | "
          f"{r['cpu_s_per_1000_pops']:.2f} | {r['idle_heap_mib']:.0f} / {r['after_heap_mib']:.0f} | "
          f"{r['idle_rss_mib']:.0f} / {r['load_rss_mib']:.0f} |")
    if r['wrong_seat'] or r['not_routed'] or r['early'] or r['late'] or r.get('dropped'):
        print(f"  ({r['desktops']} desktops: {r['wrong_seat']} on another seat, {r['not_routed']} not routed, "
              f"{r['early']} before the offer, {r['late']} started late, "
              f"{r.get('dropped', 0)} desktops closed by the server)")
SUMMARY
