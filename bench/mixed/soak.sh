#!/usr/bin/env bash
# Soak (issue 10 item 5): the mixed workload (workload.sh) for 30 minutes at a moderate rate (concurrency 8, each
# worker pausing 250 ms between requests), run by hand. Every minute: throughput, p50/p95/max, errors and the
# backend's RSS (LoadTest), and beside it the heap used, the pool's active and idle connections (Agroal metrics)
# and the database's sessions (pg_stat_activity). Flat memory and latency, and a connection count that does not
# climb, are what it must show.
#   BENCH_DB=... bench/mixed/soak.sh
#   SOAK_SECONDS=120 BENCH_DB=... bench/mixed/soak.sh    # a short check
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/workload.sh"
SECONDS_TO_RUN="${SOAK_SECONDS:-1800}"
CONCURRENCY="${SOAK_CONCURRENCY:-8}"
export THINK_MS="${SOAK_THINK_MS:-250}"

bench_db
start_backend
mixed_workload
STAMP=$(date -u +%Y%m%dT%H%M)
RESULT="$OUT/soak-$STAMP.txt"
SAMPLES="$OUT/soak-samples-$STAMP.txt"
metric() { awk -v name="$1" 'index($0, name) == 1 { sum += $NF } END { printf "%.0f", sum }' "$2"; }
sample() {
  local metrics; metrics=$(mktemp)
  curl -fs "$BASE/q/metrics" > "$metrics" || true
  printf '%-8s %10s %8s %8s %10s\n' "$(( $(date +%s) - START ))" \
    "$(( $(metric 'jvm_memory_used_bytes{area="heap"' "$metrics") / 1048576 )) MB" \
    "$(metric agroal_active_count "$metrics")" "$(metric agroal_available_count "$metrics")" \
    "$("${PSQL[@]}" -c "select count(*) from pg_stat_activity where datname = '$BENCH_DB'")"
  rm -f "$metrics"
}
{
  machine
  echo "soak: mixed workload on store $STORE, concurrency $CONCURRENCY, ${THINK_MS} ms pause per request, ${SECONDS_TO_RUN}s; load before: $(uptime | sed 's/.*load average: //')"
  START=$(date +%s)
  {
    printf '%-8s %10s %8s %8s %10s\n' "t s" heap "pool act" "pool idle" "pg sess"
    while sleep 60; do sample; done
  } > "$SAMPLES" &
  SAMPLER=$!
  INTERVAL_SECONDS=60 BACKEND_PID=$BACKEND_PID java "$BENCH_ROOT/bench/LoadTest.java" "$BASE" "$TOKEN" \
    "$CONCURRENCY" "$SECONDS_TO_RUN" "${WORKLOAD[@]}"
  kill $SAMPLER 2>/dev/null || true
  echo
  echo "== heap, connection pool and database sessions, each minute =="
  cat "$SAMPLES"
  echo "load after: $(uptime | sed 's/.*load average: //')"
} 2>&1 | tee "$RESULT"
echo "[bench] written to $RESULT"
