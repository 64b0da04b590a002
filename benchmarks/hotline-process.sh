# Sourced by the benchmark scripts that run Hotline as a process (route-to-dial.sh, desktop-pops.sh,
# sms-webhook.sh), from the repository's root: the routing file they give it and the stop of its process on exit.

# Writes the routing file of a benchmark to $1: one step, every tier, no skill needed, so each call finds a ready
# seat, and seats are free again at once.
write_benchmark_routing() {
  cat > "$1" <<'ROUTING'
# One step, every tier, no skill needed: each call finds a ready seat; seats are free again at once.
queues = support
default-queue = support
queue.support.steps = anyone
queue.support.step.anyone.tiers = TIER1, TIER2, EXPERT
queue.support.step.anyone.min-proficiency = 0
wrap-up = 0s
sticky-for = 0s
ring-timeout = 60s
announce-every = 10m
offer-callback-after = 30m
hours.zone = UTC
ROUTING
}

# The Hotline process a benchmark started, stopped on exit (the caller sets HOTLINE_PID when it starts one).
HOTLINE_PID=
stop_hotline() {
  if [[ -n $HOTLINE_PID ]]; then
    kill "$HOTLINE_PID" 2>/dev/null || true
    wait "$HOTLINE_PID" 2>/dev/null || true
    HOTLINE_PID=
  fi
}
trap stop_hotline EXIT
