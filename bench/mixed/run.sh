#!/usr/bin/env bash
# Mixed workload (issue 10 item 3, see workload.sh), concurrency 32, 5 minutes. Prints p95 per operation,
# throughput, errors, the backend's CPU per request and its RSS after the run.
#   BENCH_DB=... bench/mixed/run.sh                    # 5 minutes
#   MIXED_SECONDS=30 BENCH_DB=... bench/mixed/run.sh   # a short check
# Writes: follow-ups, claims (the admin's private-customer and daily limits soon make most claims "failed" entries
# of a 200) and new pool customers from inquiries land in the data set.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/workload.sh"
SECONDS_TO_RUN="${MIXED_SECONDS:-300}"
CONCURRENCY="${MIXED_CONCURRENCY:-32}"

bench_db
start_backend
mixed_workload
RESULT="$OUT/mixed-$(date -u +%Y%m%dT%H%M).txt"
{
  machine
  echo "mixed workload on store $STORE ($(wc -l < "$IDS") customers), concurrency $CONCURRENCY, ${SECONDS_TO_RUN}s; load before: $(uptime | sed 's/.*load average: //')"
  BACKEND_PID=$BACKEND_PID java "$BENCH_ROOT/bench/LoadTest.java" "$BASE" "$TOKEN" "$CONCURRENCY" "$SECONDS_TO_RUN" "${WORKLOAD[@]}"
  echo "load after: $(uptime | sed 's/.*load average: //')"
} | tee "$RESULT"
echo "[bench] written to $RESULT"
