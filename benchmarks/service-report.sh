#!/usr/bin/env bash
# The service-quality report over a year of work orders (issue 17's figure): ORDERS work orders (400,000, the
# business's year) at the brief's shape generated into a scratch database by MariaDB itself
# (benchmarks/src/main/resources/io/hotline/benchmarks/report/generate.sql: INSERT ... SELECT from the sequence
# engine, no client round trips), on top of the demo organisation. Then, in the same run:
#   1. `hotline report` end to end for the year (a JVM start, the query, the HTML and the CSV files): the figure,
#      target under 60 s; its peak RSS from /usr/bin/time;
#   2. in one benchmark JVM, ROUNDS rounds alternating the streamed ServiceReportQuery and the naive baseline (every
#      record loaded into memory, then the figures; NaiveServiceReport), each round's wall time and peak heap.
# Loopback only; the database is hotline_bench_report on 127.0.0.1:3306, dropped and recreated; every step bounded
# by `timeout`.
#
# Needs MariaDB at 127.0.0.1:3306 (root, no password) and the jars: from the repository root,
# `mvn -B -q -DskipTests package -pl benchmarks,app -am` (no install needed).
#
# Knobs (environment): ORDERS (400000), CUSTOMERS (20000), ROUNDS (2), KEEP_DATA (1: time the database the last run
# generated, without generating it again), REPORT_JVM ("-Xmx512m": the command's heap;
# the streamed report holds no rows, so it fits), BENCH_JVM ("-Xmx3g": the naive baseline needs the room).
# Results: benchmarks/target/service-report/{results.jsonl,report.log,generate.log} and the report's files there.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

ORDERS=${ORDERS:-400000}
CUSTOMERS=${CUSTOMERS:-20000}
ROUNDS=${ROUNDS:-2}
REPORT_JVM=${REPORT_JVM:-"-Xmx512m"}
BENCH_JVM=${BENCH_JVM:-"-Xmx3g"}
DB_HOST=127.0.0.1
DB=hotline_bench_report
OUT=benchmarks/target/service-report
RESULTS=$OUT/results.jsonl
BENCH_JAR=benchmarks/target/benchmarks.jar
HOTLINE_JAR=app/target/hotline.jar
GENERATE=benchmarks/src/main/resources/io/hotline/benchmarks/report/generate.sql
FROM=2025-11-01
TO=2026-11-01

log() { echo "[service-report $(date +%H:%M:%S)] $*" >&2; }
sql() { mariadb -h "$DB_HOST" -u root "$@"; }

[[ -f $BENCH_JAR && -f $HOTLINE_JAR ]] || {
  echo "build first: mvn -B -q -DskipTests package -pl benchmarks,app -am" >&2; exit 2; }
[[ $ORDERS =~ ^[0-9]+$ && $ORDERS -le 10000000 && $CUSTOMERS =~ ^[0-9]+$ && $CUSTOMERS -le 1000000 ]] || {
  echo "ORDERS is at most 10,000,000 and CUSTOMERS at most 1,000,000" >&2; exit 2; }
mkdir -p "$OUT"
: > "$RESULTS"
rm -f "$OUT"/service-quality-*

if [[ ${KEEP_DATA:-0} != 1 ]]; then
  log "fresh database $DB: migrations and the demo organisation"
  sql -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  rm -rf "$OUT/data"
  HOTLINE_DB_URL="jdbc:mysql://$DB_HOST:3306/$DB" HOTLINE_DATA_DIR="$OUT/data" \
    timeout 300 java -jar "$HOTLINE_JAR" seed --demo --into-external > "$OUT/seed.log" 2>&1

  log "generating $ORDERS work orders for $CUSTOMERS customers"
  started=$(date +%s.%N)
  { echo "SET @orders = $ORDERS, @customers = $CUSTOMERS;"
    sed -e "s/seq_1_to_ORDERS/seq_1_to_$ORDERS/; s/seq_1_to_CUSTOMERS/seq_1_to_$CUSTOMERS/" "$GENERATE"; } \
    | timeout 900 mariadb -h "$DB_HOST" -u root "$DB" > "$OUT/generate.log" 2>&1
  generated=$(date +%s.%N)
  sql "$DB" -e "ANALYZE TABLE work_order, work_order_event, field_dispatch, field_dispatch_leg, satisfaction_survey,
    customer_product" > /dev/null
  sql "$DB" --batch -e "SELECT (SELECT COUNT(*) FROM work_order) AS work_orders,
    (SELECT COUNT(*) FROM work_order_event) AS events, (SELECT COUNT(*) FROM field_dispatch) AS dispatches,
    (SELECT COUNT(*) FROM field_dispatch_leg) AS legs, (SELECT COUNT(*) FROM satisfaction_survey) AS surveys,
    (SELECT COUNT(*) FROM customer) AS customers, (SELECT COUNT(*) FROM customer_product) AS products" \
    | tee "$OUT/rows.tsv" >&2
  log "generated in $(echo "$generated - $started" | bc) s"

fi
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
log "hotline report --from $FROM --to $TO ($REPORT_JVM)"
started=$(date +%s.%N)
# shellcheck disable=SC2086 # REPORT_JVM holds several flags
HOTLINE_DB_URL="jdbc:mysql://$DB_HOST:3306/$DB" HOTLINE_DATA_DIR="$OUT/data" HOTLINE_LOG_LEVEL=WARN \
  timeout 600 /usr/bin/time -f "%M" -o "$OUT/report.rss" java $REPORT_JVM -jar "$HOTLINE_JAR" report \
  --from "$FROM" --to "$TO" --out "$OUT" --lang en > "$OUT/report.log" 2>&1 || { cat "$OUT/report.log" >&2; exit 1; }
finished=$(date +%s.%N)
seconds=$(echo "$finished - $started" | bc)
printf '{"kind":"command","seconds":%.2f,"peak_rss_mib":%d,"html_kib":%d}\n' "$seconds" \
  "$(( $(cat "$OUT/report.rss") / 1024 ))" "$(( $(stat -c %s "$OUT/service-quality-$FROM-$TO.html") / 1024 ))" \
  | tee -a "$RESULTS"
cat "$OUT/report.log" >&2

log "streamed query against the naive baseline, $ROUNDS rounds ($BENCH_JVM)"
# shellcheck disable=SC2086 # BENCH_JVM holds several flags
timeout 1800 java $BENCH_JVM -cp "$BENCH_JAR" io.hotline.benchmarks.report.ServiceReportBenchmark --db "$DB" \
  --from "$FROM" --to "$TO" --rounds "$ROUNDS" --results "$RESULTS" > "$OUT/benchmark.log" 2>&1 \
  || { tail -n 30 "$OUT/benchmark.log" >&2; exit 1; }
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$RESULTS"
