#!/usr/bin/env bash
# The SMS gateway's webhook of a whole Hotline (issue 16): signed inbound messages posted to POST /sms/inbound by
# CONCURRENCY workers, timed from before signing to the whole answer, counted by answer (accepted, refused,
# duplicate, or an error code). One Hotline process on the real database (the demo organisation, so the desk knows
# branches and engineers; the generator's order numbers are mostly unknown to it, so most check-ins are refused
# by the desk after being stored, the path every message takes), the default file gateway for the replies.
# Loopback only; every phase bounded in messages and seconds.
#
# Needs a MariaDB/MySQL at 127.0.0.1:3306 (root, no password) and the jars: from the repository root,
# `mvn -B -q -DskipTests package -pl benchmarks,app -am` (no install needed).
#
# Knobs (environment): MESSAGES (5000 per content type), WARMUP (500), CONCURRENCY (8), CONTENT_TYPES ("json form"),
# DUPLICATES_PERCENT (10), MAX_SECONDS (120 per phase), HOTLINE_JVM ("-Xmx512m").
# Results: benchmarks/target/sms-webhook/results.jsonl and a summary table on standard output.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."

MESSAGES=${MESSAGES:-5000}
WARMUP=${WARMUP:-500}
CONCURRENCY=${CONCURRENCY:-8}
CONTENT_TYPES=${CONTENT_TYPES:-json form}
DUPLICATES_PERCENT=${DUPLICATES_PERCENT:-10}
MAX_SECONDS=${MAX_SECONDS:-120}
HOTLINE_JVM=${HOTLINE_JVM:-"-Xmx512m"}
DB_HOST=127.0.0.1
DB=hotline_bench_sms
OUT=benchmarks/target/sms-webhook
RESULTS=$OUT/results.jsonl
BENCH_JAR=benchmarks/target/benchmarks.jar
HOTLINE_JAR=app/target/hotline.jar
AGI_PORT=14577
HTTP_PORT=18087
# Generated per run, never printed: the webhook's secret (shared by Hotline and the generator through the
# environment, never on a command line) and the initial admin's password for this throwaway database.
HOTLINE_SMS_WEBHOOK_SECRET="bench-$(od -An -N16 -tx8 /dev/urandom | tr -d ' \n')"
export HOTLINE_SMS_WEBHOOK_SECRET
ADMIN_PASSWORD="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"

log() { echo "[sms-webhook $(date +%H:%M:%S)] $*" >&2; }
sql() { mariadb -h "$DB_HOST" -u root "$@"; }

[[ -f $BENCH_JAR && -f $HOTLINE_JAR ]] || {
  echo "build first: mvn -B -q -DskipTests package -pl benchmarks,app -am" >&2; exit 2; }
mkdir -p "$OUT"
: > "$RESULTS"

source benchmarks/hotline-process.sh
write_benchmark_routing "$OUT/routing.properties"

log "fresh database $DB: demo organisation"
sql -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB"
rm -rf "$OUT/data"
HOTLINE_DB_URL="jdbc:mysql://$DB_HOST:3306/$DB" HOTLINE_DATA_DIR="$OUT/data" \
  java -jar "$HOTLINE_JAR" seed --demo --into-external > "$OUT/seed.log" 2>&1

log "starting Hotline ($HOTLINE_JVM) with the SMS webhook"
# shellcheck disable=SC2086 # HOTLINE_JVM holds several flags
HOTLINE_DB_URL="jdbc:mysql://$DB_HOST:3306/$DB" HOTLINE_DATA_DIR="$OUT/data" \
  HOTLINE_AGI_PORT=$AGI_PORT HOTLINE_HTTP_PORT=$HTTP_PORT HOTLINE_SEED_DEMO_WHEN_EMPTY=false \
  HOTLINE_ROUTING_FILE="$OUT/routing.properties" HOTLINE_LOG_LEVEL=WARN HOTLINE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  HOTLINE_SMS_GATEWAY=file \
  java $HOTLINE_JVM -jar "$HOTLINE_JAR" run > "$OUT/hotline.log" 2>&1 &
HOTLINE_PID=$!
for attempt in $(seq 1 601); do
  if curl -s -o /dev/null "http://127.0.0.1:$HTTP_PORT/health" 2>/dev/null; then
    break
  fi
  kill -0 "$HOTLINE_PID" 2>/dev/null || { echo "Hotline died: $OUT/hotline.log" >&2; exit 1; }
  [[ $attempt -lt 601 ]] || { echo "Hotline did not start within 60 s" >&2; exit 1; }
  sleep 0.1
done
# The webhook must be there: an unsigned POST is answered 401 (404: Hotline was started without the secret).
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data '{}' \
  "http://127.0.0.1:$HTTP_PORT/sms/inbound")
[[ $status == 401 ]] || { echo "POST /sms/inbound answered $status, not 401: is the webhook wired?" >&2; exit 1; }

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The baseline, in the same run: the same JSON messages signed with another secret, answered 401 bad_signature by
# the webhook after reading and checking them (HTTP, body, HMAC), before anything is stored or asked of the desk.
BASELINE_SECRET="other-$(od -An -N16 -tx8 /dev/urandom | tr -d ' \n')"
export BASELINE_SECRET
: > "$OUT/baseline.jsonl"
log "baseline: $MESSAGES wrongly signed json messages ($WARMUP warm-up), $CONCURRENCY workers"
timeout $((2 * MAX_SECONDS + 60)) java -Xmx256m -cp "$BENCH_JAR" io.hotline.benchmarks.sms.SmsWebhookLoad \
  --url "http://127.0.0.1:$HTTP_PORT/sms/inbound" --secret-env BASELINE_SECRET \
  --messages "$MESSAGES" --warmup "$WARMUP" --concurrency "$CONCURRENCY" --max-seconds "$MAX_SECONDS" \
  --duplicates-percent 0 --content-type json --results "$OUT/baseline.jsonl" \
  >> "$OUT/generator.log" 2>&1 || { tail -n 30 "$OUT/generator.log" >&2; exit 1; }
for type in $CONTENT_TYPES; do
  log "$MESSAGES $type messages ($WARMUP warm-up), $CONCURRENCY workers"
  timeout $((2 * MAX_SECONDS + 60)) java -Xmx256m -cp "$BENCH_JAR" io.hotline.benchmarks.sms.SmsWebhookLoad \
    --url "http://127.0.0.1:$HTTP_PORT/sms/inbound" --secret-env HOTLINE_SMS_WEBHOOK_SECRET \
    --messages "$MESSAGES" --warmup "$WARMUP" --concurrency "$CONCURRENCY" --max-seconds "$MAX_SECONDS" \
    --duplicates-percent "$DUPLICATES_PERCENT" --content-type "$type" --results "$RESULTS" \
    >> "$OUT/generator.log" 2>&1 || { tail -n 30 "$OUT/generator.log" >&2; exit 1; }
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_hotline
log "replies in the file gateway's outbox: $(wc -l < "$OUT/data/sms-outbox.jsonl" 2>/dev/null || echo 0)"

python3 - "$OUT/baseline.jsonl" "$RESULTS" <<'SUMMARY'
import json, sys
baseline = [dict(json.loads(l), label="json, wrong signature (baseline)") for l in open(sys.argv[1])]
rows = baseline + [dict(json.loads(l), label=json.loads(l)["content_type"]) for l in open(sys.argv[2])]
base = baseline[0]["messages_per_s"] if baseline else None
print("| body | workers | messages | messages/s | of baseline | p50 ms | p90 ms | p99 ms | max ms | answers |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
for r in rows:
    answers = ", ".join(f"{k}: {v}" for k, v in sorted(r["answers"].items()))
    share = f"{r['messages_per_s'] / base:.2f}" if base else "-"
    print(f"| {r['label']} | {r['concurrency']} | {r['sent']} | {r['messages_per_s']:.0f} | {share} | "
          f"{r['p50_ms']:.2f} | {r['p90_ms']:.2f} | {r['p99_ms']:.2f} | {r['max_ms']:.2f} | {answers} |")
SUMMARY
